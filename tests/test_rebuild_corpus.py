"""Excerpts of real published tables: rebuilt, they give the rows of their tab renderings.

The renderings were made by hand from the same published text (``tests/fixtures/corpus``);
each rendering row must be among the rebuilt rows, in order, every cell under the same column
label (``eval.rows``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.rows import compare
from reviewer.api import parse_file
from reviewer.errors import InputError

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
EXCERPTS = sorted(p.stem for p in CORPUS.glob("*.tsv"))


def test_every_layout_has_an_excerpt() -> None:
    layouts = {name.split("_", 1)[1] for name in EXCERPTS}
    assert layouts == {"bars", "paragraphs", "wrapped", "words", "flat"}


@pytest.mark.parametrize("name", EXCERPTS)
def test_excerpt_gives_the_rendering_rows(name: str) -> None:
    c = compare(CORPUS / f"{name}.txt", CORPUS / f"{name}.tsv")
    assert c.layout == f"text/{name.split('_', 1)[1]}"
    assert (c.matched, c.aligned) == (c.rows, c.rows)


def test_traditional_excerpt_reads_simplified_and_quotes_the_print() -> None:
    from reviewer.ingest import read_grid

    rows = list(read_grid(CORPUS / "021_wrapped.txt").rows)
    cells = {c.text: c for r in rows for c in r.cells}
    assert cells["项目验收合格率"].printed == "項(xiàng)目驗(yàn)收合格率"
    assert cells["项目验收合格率"].ref().text == "項(xiàng)目驗(yàn)收合格率"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("010_glued", "的文字没有单元格分隔（数字粘连，如“194.9194.9100%”），无法可靠还原表格"),
        (
            "014_scrambled",
            "的文字顺序错乱（如“年度资金总额”出现在“上年结转资金”之后），无法可靠还原表格",
        ),
    ],
)
def test_unsplittable_excerpt_is_refused(name: str, reason: str) -> None:
    with pytest.raises(InputError) as err:
        parse_file(CORPUS / f"{name}.txt")
    assert err.value.message == f"{name}.txt {reason}"
