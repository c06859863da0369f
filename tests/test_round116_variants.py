"""What round 116 of the written tables (wg–wj) and the rows of round 115 it went back to
showed, asserted on the written documents whose layout is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_sign_off_under_the_total_is_no_rows_cell() -> None:
    # wd01, OCR in runs of spaces: 填报人：… 联系电话：… under 总分 had been read with the 总分
    # line into the last row's name (项目区农户满意度总分填报人：王立新100联系电话：…)
    (t,) = parse_file(_doc("wd01")).tables
    assert t.indicators[-1].name == "项目区农户满意度"
    assert t.total_score == 98.07
    assert t.reliable


def test_a_names_first_line_with_its_enumeration_comma_opens_the_name_below() -> None:
    # wd02: 高血压、糖尿病 atop a page, over 患者规范 / 管理率, had gone to the row above the break
    (t,) = parse_file(_doc("wd02")).tables
    names = [i.name for i in t.indicators]
    assert "高血压、糖尿病患者规范管理率" in names
    assert "重点人群签约率" in names


def test_a_reports_next_part_under_a_table_without_a_total_is_no_name() -> None:
    # wg01, a department's whole report: 四、部门整体支出自评情况 and its sentence under a
    # transfer table (no 总分 row) had been read into the last row's name, the table doubted
    tables = parse_file(_doc("wg01")).tables
    transfer = tables[2]
    assert transfer.indicators[-1].name == "补贴对象满意度"
    assert transfer.reliable


def test_a_header_opening_with_its_parts_heading_over_rows_without_its_column() -> None:
    # wh04, a Hebei form in tabs: 四、年度绩效指标完成情况 in the header's first cell, the rows
    # not keeping its column — every row had been read a column off (target 所, weight 100)
    (t,) = parse_file(_doc("wh04")).tables
    first = t.indicators[0]
    assert (first.target, first.weight, first.score) == (">=42所", 20.0, 20.0)
    assert t.reliable
    # the goal block's labels after 三、目标完成情况 likewise: the result is the text, not the
    # 总体完成率 beside it
    assert t.goal_actual.startswith("按标准向42所普惠性幼儿园拨付生均公用经费")
    # rm03: the same heading, its header's lower row keeping the heading's column as well
    (t,) = parse_file(_doc("rm03")).tables
    first = t.indicators[0]
    assert (first.target, first.weight, first.score) == (">=120处(数量)", 20.0, 20.0)
    assert t.goal_actual.startswith("维修养护农村供水工程126处")


def test_a_result_labelled_under_the_rows() -> None:
    # wh03, a 20/80 form: 目标完成情况 | … under the rows had been read into the last row's name
    (t,) = parse_file(_doc("wh03")).tables
    assert t.indicators[-1].name == "受益群众满意度"
    assert t.goal_actual.startswith("新建改造供水管网36.8公里")
    assert t.reliable


def test_funds_unread_by_position_are_read_a_line_at_a_time() -> None:
    # kf02, a Hebei form in pdftotext's layout with OCR's O for 0: by position its funds'
    # amounts stood under no label (said unread); a line at a time they are read, and the
    # labelled rate printed 96.88 for 118.60 / 125.00 = 94.88% is found
    (t,) = parse_file(_doc("kf02")).tables
    assert t.funds_reliable
    assert t.funds.annual_total.full_year_budget == 125.0
    assert "B101" in {f.code for f in review(_doc("kf02")).findings}
