"""What round 94 of the written tables (sx–ta) showed, asserted on the written documents whose
wording is the point and on the smallest cases.
"""

from __future__ import annotations

from reviewer.checks.explanations import _measures_only
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_round94_going_by_the_plan_is_no_cause() -> None:
    # sy02 (a transfer form's 88.5% against ≥92%) and gj04 (month 12 against ≤9) explain a
    # missed target with 按计划推进 alone: how the work went, no cause (E104)
    assert _measures_only("按计划推进，下一步继续加强管理。")
    assert _measures_only("按计划推进。")
    assert not _measures_only("按计划分两年实施，本年度完成一期")  # the plan is the cause
    for stem, row in (("sy02", "农村供水工程水质达标率"), ("gj04", "项目完成时间")):
        found = {(f.code, f.indicator) for f in review(_doc(stem)).findings}
        assert ("E104", row) in found, stem
