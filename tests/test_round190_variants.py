"""What round 190 of the written tables (cfr, cfs, cft, cfu) showed: long tables over pages (a row
the page cut, a running head with the print date), a draft workbook's formula errors and asides,
a web page's footnote marks, and explanations that pledge or name no cause.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.model import Indicator
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def _row(stem: str, name: str) -> Indicator:
    return next(i for i in parse_file(_doc(stem)).tables[0].indicators if i.name == name)


def test_round190_a_row_the_page_cut_under_a_running_head() -> None:
    # cfr06 (tab): 危桥改造验收合格率 on page 1, its figures under 沂水县交通运输局 | 打印日期：… and
    # the header printed again: one row, the print date in no name
    row = _row("cfr06", "危桥改造验收合格率")
    assert (row.target, row.actual) == ("=100%", "100%")
    assert _row("cfr06", "路面技术状况指数（PQI）").score == 2.5
    # cfr02 (fixed-width, 第 1 页 共 3 页 under the page's last line)
    assert _row("cfr02", "等级幼儿园占比").target == "≥95%"


def test_round190_a_drafts_formula_errors_and_asides() -> None:
    # cfs01: 新建高标准农田面积's 得分 shows #REF!: the row is read, its score none, said (P115)
    row = _row("cfs01", "新建高标准农田面积")
    assert (row.weight, row.score) == (20.0, None)
    assert "P115" in _codes("cfs01")
    # cfs06: （待核实） beside a row under no header: the row is its own
    assert _row("cfs06", "特困人员供养人数").actual.strip() == "2326人"


def test_round190_a_web_pages_footnote_marks() -> None:
    # cft02: 62公斤<sup>2</sup>, 95.2%<sup>3</sup>: the marks are no digits of the figures
    assert _row("cft02", "亩均粮食产能提高").actual == "62公斤"
    assert "S108" not in _codes("cft02")


def test_round190_explanations_that_pledge_or_name_no_cause() -> None:
    # cfu02: 下一步将高度重视，进一步加强管理，确保完成目标任务。 (labelled: measures only)
    assert "E104" in _codes("cfu02", "文化服务中心设备配置达标率")
    # cfu03: 受客观原因及多种因素影响，签约率未达到预期，将在下一年度继续努力。 (labelled)
    assert "E106" in _codes("cfu03", "重点人群家庭医生签约率")
    # cfu01, clean: causes with dated measures
    assert not {f.code for f in review(_doc("cfu01")).findings} & {"E102", "E104", "E106", "E107"}


def test_round190_a_formula_error_in_the_funds_is_reported_not_dropped() -> None:
    # cfs02: 年度资金总额's 执行率 and 得分 show #DIV/0!: no value, and not the form's blank
    # either (consumed as one, it went unsaid): reported with the content not read
    left = [lo.text for lo in parse_file(_doc("cfs02")).leftovers]
    assert left.count("#DIV/0!") == 2
