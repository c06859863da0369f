"""What round 176 of the written tables (cdm–cdp) showed, each asserted on the written document
that shows it or on the smallest text: a report's prose naming projects whose names share words
(T109), Markdown tables (alignment rows however short, bold with a star inside), a note over the
form naming its columns, a shortfall's remedy to come (2023年通过定向招聘补齐).
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.checks.explanations import _has_measure
from reviewer.model import Finding
from reviewer.pipeline import review
from reviewer.textnorm import is_border, pipe_cell
from tests.test_round73_variants import _codes, _doc


def test_round176_a_reports_prose_naming_projects_that_share_words() -> None:
    # cdm01: 农村公路建设's rate (98.20% in the prose, 92.80% in its table) beside 农村公路养护's
    # sentence; cdm04: 农村公路养护项目另行开展评价，全年执行率100% is no table's, and
    # 实际拨付资金2,215.00万元 is the table's execution (2,175.00)
    messages = [f.message for d in ("cdm01", "cdm04") for f in _findings(d) if f.code == "T109"]
    assert messages == [
        "报告正文称“农村公路建设”预算执行率为98.20%，而该自评表的执行率为92.80%，两者不符。",
        "报告正文称“农村公路建设”执行数为2,215.00万元，而该自评表的全年执行数为2,175.00万元，两者不符。",
    ]
    # cdm05: 上半年执行率为45.18%, half the year's
    assert "T109" not in _codes("cdm05")


def _findings(stem: str) -> list[Finding]:
    return review(_doc(stem)).findings


def test_round176_a_markdown_tables_marks() -> None:
    # cdn03: the alignment row |:--|:--| of a table printed again after a blank line was read as
    # the row above's wrapped cells (活动完成时限:--:--:--:--)
    assert is_border("|:--|:--|:--|") and is_border("| -- | :-: |")
    assert not is_border("| - | - |")  # dashes for empty cells: a row
    (t,) = parse_file(_doc("cdn03")).tables
    assert "活动完成时限" in [i.name for i in t.indicators]
    # **得分(20分*执行率)**: bold with a star of its own inside; the score under it read
    assert pipe_cell(" **得分(20分*执行率)** ") == "得分(20分*执行率)"
    assert t.funds.annual_total.score == 19.12
    # a goal's <br> is the cell's line break, not text
    assert "<br>" not in t.goal_expected


def test_round176_a_note_over_the_form_naming_its_columns_is_no_header() -> None:
    # cdn06: 表格说明：…各三级指标分值均为10分… over a 20/80 form stopped its recognition there
    (t,) = parse_file(_doc("cdn06")).tables
    assert t.family == "20-80"
    assert t.goal_expected.startswith("落实森林草原防火责任")
    assert "P103" not in _codes("cdn06")


def test_round176_a_remedy_to_come_is_a_measure() -> None:
    # cdn02: 2名乡村医生退休，3个团队合并；2023年通过乡村医生定向招聘补齐团队。
    assert _has_measure("2023年通过乡村医生定向招聘补齐团队")
    assert not _has_measure("项目未通过验收，资金未落实")
    assert "E102" not in _codes("cdn02")
