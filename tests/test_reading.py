"""Traditional characters read like simplified, at ingest, for every reader; evidence keeps
what was printed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from reviewer.api import parse_file
from reviewer.forms import script
from reviewer.grid import Cell, Row
from reviewer.ingest.reading import readable_rows
from tests.conftest import SEED

# A national-2020 table as a mirror site republishes it: traditional, with pinyin glosses.
TRADITIONAL = [
    ["2020年度項(xiàng)目支出績效自評表"],
    ["項(xiàng)目名稱", "衛(wèi)片執(zhí)法補(bǔ)助經(jīng)費(fèi)"],
    ["主管部門", "麗江市自然資源和規(guī)劃局", "實(shí)施單位", "麗江市古城區(qū)自然資源局"],
    [
        "項(xiàng)目資金 (萬元)",
        "年初預(yù)算數(shù)",
        "全年預(yù)算數(shù)",
        "全年執(zhí)行數(shù)",
        "分值",
        "執(zhí)行率",
        "得分",
    ],
    ["年度資金總額", "7.29", "7.29", "7.29", "10", "100%", "10"],
    [
        "績效指標(biāo)",
        "一級指標(biāo)",
        "二級指標(biāo)",
        "三級指標(biāo)",
        "年度指標(biāo)值",
        "實(shí)際完成值",
        "分值",
        "得分",
    ],
    [
        "產(chǎn)出指標(biāo)",
        "質(zhì)量指標(biāo)",
        "項(xiàng)目驗(yàn)收合格率",
        "=100%",
        "100%",
        "90",
        "90",
    ],
    ["總分", "100", "100"],
]


def _write(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "t.txt"
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_traditional_table_reads_as_simplified(tmp_path: Path) -> None:
    (t,) = parse_file(_write(tmp_path, TRADITIONAL)).tables
    assert (t.project, t.department) == ("卫片执法补助经费", "丽江市自然资源和规划局")
    assert t.funds.annual_total.executed == 7.29
    (i,) = t.indicators
    assert (i.l1, i.l2, i.name, i.weight, i.score) == (
        "产出指标",
        "质量指标",
        "项目验收合格率",
        90,
        90,
    )


def test_evidence_quotes_what_was_printed(tmp_path: Path) -> None:
    (t,) = parse_file(_write(tmp_path, TRADITIONAL)).tables
    assert t.cells["project"].text == "衛(wèi)片執(zhí)法補(bǔ)助經(jīng)費(fèi)"
    assert t.indicators[0].cells["name"].text == "項(xiàng)目驗(yàn)收合格率"


def _rows(texts: list[str]) -> list[Row]:
    return [Row(cells=[Cell(t, n, 1)], line=n) for n, t in enumerate(texts, start=1)]


def test_simplified_rows_pass_untouched() -> None:
    rows = _rows(["项目名称", "主管部门", "年度资金总额"])
    assert readable_rows(rows) is rows
    assert all(c.printed is None for r in rows for c in r.cells)


def test_pinyin_glosses_go_even_in_simplified_text() -> None:
    rows = list(readable_rows(iter(_rows(["项(xiàng)目名称", "主管部门"]))))
    cell = rows[0].cells[0]
    assert (cell.text, cell.printed, rows[0].joined) == ("项目名称", "项(xiàng)目名称", "项目名称")


# Simplified and traditional forms of the form's words, and other characters.
_ALPHABET = (
    "项目资金预算执行率绩效指标满意度項目資金預算執行率績效指標滿意度一二三的了着著干乾覆复 0123%"
)


def _fully_converted(sample: str) -> bool:
    """is_traditional as it was before its pre-check: convert the whole sample, then count."""
    cjk = script._CJK.findall(sample)
    if not cjk:
        return False
    converted = OpenCC("t2s").convert("".join(cjk))
    changed = {a for a, b in zip(cjk, converted, strict=False) if a != b}
    differing = sum(1 for a, b in zip(cjk, converted, strict=False) if a != b)
    return len(changed) >= script._MIN_CHANGED and differing >= script._MIN_SHARE * len(cjk)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200))
def test_the_pre_check_never_changes_whether_a_sample_is_traditional(sample: str) -> None:
    assert script.is_traditional(sample) == _fully_converted(sample)


def test_a_simplified_sample_is_answered_without_converting_it(monkeypatch: Any) -> None:
    def refuse() -> None:
        raise AssertionError("converted a simplified sample")

    monkeypatch.setattr(script, "_converter", refuse)
    assert not script.is_traditional(SEED.read_text(encoding="utf-8")[:20000])


def test_the_regex_class_finds_the_characters_the_loop_finds() -> None:
    # A batch process scans samples with one regex class of the convertible CJK characters;
    # a process that reads a few documents loops over them: both find the same characters.
    every_cjk = "".join(map(chr, range(0x4E00, 0xA000))) + "abc，。 項目"
    convertible = script._changeable_cjk()
    assert script._changeable_cjk_class().findall(every_cjk) == [
        c for c in every_cjk if c in convertible
    ]
