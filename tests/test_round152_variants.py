"""What round 152 of the written tables (aw, bm, by, ew) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_scoring_sheets_group_subtotal_sums_its_own_rows() -> None:
    # bm01 (a scoring sheet in tabs): 投入 / 过程 / 产出 / 效益 each with its 小计; 过程小计 had
    # summed every row above it (a false T106 error on four of the five sheets)
    (table,) = parse_file(_doc("bm01")).tables
    assert [(s.label, len(s.rows)) for s in table.subtotals] == [
        ("投入小计", 5),
        ("过程小计", 7),
        ("产出小计", 4),
        ("效益小计", 4),
    ]
    for stem in ("bm01", "bm02", "bm06"):
        assert "T106" not in {f.code for f in review(_doc(stem)).findings}, stem
    # bm03: its 过程小计 printed 17.45 for rows summing to 16.45
    (t106,) = [f for f in review(_doc("bm03")).findings if f.code == "T106"]
    assert "过程小计" in t106.message and "16.45" in t106.message


def test_a_figure_the_narrative_plans_is_no_result() -> None:
    # ew03 (.xlsx): 实际完成情况 …计划资助1200人次以上，力争…: a plan, not what was done (N104);
    # a programme's name (营养改善计划惠及学生…) is no plan's word
    assert "N104" in {f.code for f in review(_doc("ew03")).findings}
    assert "N104" not in {f.code for f in review(_doc("nb06")).findings}
