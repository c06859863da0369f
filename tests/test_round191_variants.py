"""What round 191 of the written tables (cfv, cfw, cfx, cfy) showed: a form scoring its
categories, a 小计 above its points.
"""

from __future__ import annotations

from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_round191_a_subtotal_above_its_points() -> None:
    # cfw01: 社会效益指标小计 | 10 | 12 over rows with no 分值 or 得分 of their own (labelled)
    assert any(
        "社会效益指标小计" in f.message for f in review(_doc("cfw01")).findings if f.code == "S101"
    )
    # cfw05, clean: its subtotals within their points
    assert "S101" not in _codes("cfw05")
