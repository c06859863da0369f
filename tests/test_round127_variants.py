"""What round 127 of the written tables (xy, xz, ya, yb) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_an_items_number_run_into_a_figure_is_no_figure() -> None:
    # yb01: a narrative numbering its items (1.全年新建…；2.重大动物疫病…；3.262个行政村…) had its
    # third item read as 3.262个, a false N102 against the row's 262个
    findings = review(_doc("yb01")).findings
    assert not [
        f for f in findings if f.code == "N102" and f.indicator == "生活垃圾分类处理行政村数"
    ]
    # the first item's figure (1.全年新建高标准农田2.6万亩) is still read: its writer's label
    assert [f for f in findings if f.code == "N102" and f.indicator == "新建高标准农田面积"]
