"""The tables written independently of the tool (eval/datasets/written) read as their gold says.

Each document is parsed and checked with the eval's own parse check (``eval.parsecheck``): every
gold table found, every gold indicator row found, and each row's target, actual, 分值 and 得分
as the gold gives them. The gold was written before the tool first ran on them; a failure here
is a misread, the kind that makes a confident wrong finding.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.parsecheck import check
from reviewer.api import parse_file
from reviewer.errors import InputError

WRITTEN = Path(__file__).resolve().parents[2] / "eval" / "datasets" / "written"
DOCUMENTS = sorted(p for p in WRITTEN.glob("*/texts/*") if p.is_file())


def _gold(doc: Path) -> Path:
    return doc.parent.parent / "gold" / f"{doc.stem}.json"


def _qualitative_with_nature(gold: Path) -> int:
    """Rows whose gold joins the 指标性质 定性 to the target (定性有效保障): the tool keeps the
    nature apart, so their target differs by that word only."""
    tables = json.loads(gold.read_text(encoding="utf-8"))["tables"]
    return sum(
        1
        for t in tables
        for row in t["indicators"]
        if (row.get("target_cells") or [""])[0] == "定性" and row["target"].startswith("定性")
    )


def test_the_set_is_there() -> None:
    assert len(DOCUMENTS) == 48
    assert all(_gold(d).is_file() for d in DOCUMENTS)


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_document_reads_as_its_gold(doc: Path) -> None:
    if json.loads(_gold(doc).read_text(encoding="utf-8"))["readable"] is False:
        # glued text: the honest result is a clear refusal, not a guess
        with pytest.raises(InputError, match="无法可靠还原"):
            parse_file(doc)
        return
    result = check(doc.name, _gold(doc), parse_file(doc), None)
    assert result.tables_found == result.gold_tables
    assert result.rows_found == result.gold_rows
    assert result.rows_right == result.gold_rows - _qualitative_with_nature(_gold(doc))
