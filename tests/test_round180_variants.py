"""What round 180 of the written tables (cec, ced, cee) showed: a report's prose wrapped over a
text's or a PDF's lines (T109 reads a sentence across them, a heading ends a paragraph), and a
count of incidents of no grade against a row counting one grade.
"""

from __future__ import annotations

from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def _t109(stem: str) -> list[str]:
    return [f.message for f in review(_doc(stem)).findings if f.code == "T109"]


def test_round180_prose_wrapped_over_lines() -> None:
    # cdy02 (a PDF): …建设，配 / 备一键报警装置，自评得分97.57分 against 99.57
    assert _t109("cdy02") == [
        "报告正文称“中小学校园安全防范能力提升项目”自评得分为97.57分，而该自评表的总分为99.57分，两者不符。"
    ]
    # cec01: 二、绩效目标完成情况 is a heading, not the start of the next line's sentence (read with
    # it, 情况项目 named another project); 执行率98.66% against 96.66%
    (message,) = _t109("cec01")
    assert "预算执行率为98.66%" in message
    # cec03, cec06: clean, their prose wrapped just as much
    assert "T109" not in _codes("cec03") | _codes("cec06")


def test_round180_incidents_of_no_grade_against_a_graded_row() -> None:
    # ced05: 全年发生森林火灾2起 against 重大森林火灾及人员伤亡 0起
    assert "N102" not in _codes("ced05")


def test_round180_targets_read_as_their_sign_alone_are_doubted() -> None:
    # cee03: a fixed-width Hebei form's 符号 | 值 | 单位, each target read as >= and its figure
    # taken for the actual, was reviewed with no doubt said (a false B103): now doubted, read again
    # in the other reading the layout allows, and said misread, nothing judged on its figures
    findings = review(_doc("cee03")).findings
    assert "P108" in {f.code for f in findings}
    assert not {"B103", "T101", "T102"} & {f.code for f in findings}
