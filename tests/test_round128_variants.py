"""What round 128 of the written tables (yc, yd, ye, yf) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_hebei_header_printed_again_without_its_lower_row_keeps_the_columns() -> None:
    # xy06 (a viewer's copy a cell a line): page 2 prints 预期指标值 without 符号 / 值 / 单位
    # under it; its rows had been read under a header of ten columns, not twelve, and doubted
    table = parse_file(_doc("xy06")).tables[0]
    assert not table.doubts
    rows = {i.name: i for i in table.indicators}
    assert len(rows) == 6
    late = rows["年度改造任务完成率"]
    assert (late.l1, late.l2, late.target, late.actual) == (
        "产出指标",
        "时效指标",
        ">=95%(百分比)",
        "86%",
    )
    assert (late.weight, late.score) == (15.0, 15.0)
    # a 一级 label after another on one row (效果指标 | 效益指标): the second is the 二级
    better = rows["小区基础设施改善情况"]
    assert (better.l1, better.l2) == ("效果指标", "效益指标")
    assert rows["改造小区居民满意度"].l1 == "效果指标"


def test_the_hebei_rows_now_read_are_reviewed() -> None:
    # xy06 and rx01: a missed target kept at full marks, each its writer's label
    for stem, name in (("xy06", "年度改造任务完成率"), ("rx01", "项目按期完工率")):
        findings = review(_doc(stem)).findings
        assert [f for f in findings if f.code == "S102" and f.indicator == name], stem
        assert not [f for f in findings if f.code == "P108" and f.indicator], stem


def test_a_hebei_funds_block_with_a_weight_and_the_national_sources_is_read() -> None:
    # yf06: 合计 | 预算数 | 到位数 | 执行数 | 预算执行进度 | 权重 | 得分, then 其中：当年财政拨款 and
    # 上年结转: the sources had been left unread, a false F101 (sources summing to 0), and the
    # execution's weight too, a false W101 (weights summing to 90)
    table = parse_file(_doc("yf06")).tables[0]
    funds = table.funds
    assert funds is not None
    assert funds.annual_total.weight == 10.0
    assert funds.annual_total.score == 9.87
    assert funds.current_year_appropriation.full_year_budget == 548.6
    assert funds.prior_year_carryover.executed == 0.0
    codes = {f.code for f in review(_doc("yf06")).findings}
    assert not codes & {"F101", "W101"}
    assert "T101" in codes  # 合计 99.65 against 99.43: its writer's label


def test_a_viewer_copy_keeping_empty_cells_as_blank_lines_is_read_whole() -> None:
    # ye04: a cell a line, an empty cell a blank line; read a line to a row it left lines
    # unread and twelve pieces of rows, read as a stream it places every cell in eleven rows
    table = parse_file(_doc("ye04")).tables[0]
    assert not table.doubts
    rows = {i.name: i for i in table.indicators}
    assert len(rows) == 11
    # a month's date is whole before the next cell (2023年10月 / 完成: 完成 its 完成情况)
    assert rows["造林任务完成时限"].actual == "2023年10月"
    assert rows["造林成活率"].actual == "82%"


def test_a_goals_last_character_over_the_header_is_no_part_of_a_label() -> None:
    # yd01 (pdftotext -layout): the goal's wrapped end (…受益农户1.26万 / 户) right above the
    # indicator header had been read into its label (户实际完成值): no row's actual was read
    table = parse_file(_doc("yd01")).tables[0]
    assert not table.doubts
    actuals = {i.name: i.actual for i in table.indicators}
    assert actuals["新建高标准农田面积"] == "2.35万亩"
    assert actuals["项目按期完工率"] == "88%"
    assert all(actuals.values())
    # its writer's label: the rate printed over 年初预算数
    assert "B101" in {f.code for f in review(_doc("yd01")).findings}


def test_a_names_measure_word_under_its_row_ends_that_name() -> None:
    # yd02 (pdftotext -layout): 家庭医生签约服务长 / 效机制 beside 可持续影 / 响指标, the next row
    # 签约居民满意度 right under: 效机制 had opened the next name (效机制签约居民满意度), unseen
    names = [i.name for i in parse_file(_doc("yd02")).tables[0].indicators]
    assert "家庭医生签约服务长效机制" in names
    assert "签约居民满意度" in names


def test_a_name_quoting_a_programme_keeps_its_wrapped_measure_word() -> None:
    # yd05 (pdftotext, a cell a line): "四好农村路"长效养护 / 机制 / 健全 / 已健全: the quotes had
    # kept 机制 from the name, read as the target and the row doubted
    table = parse_file(_doc("yd05")).tables[0]
    rows = {i.name: i for i in table.indicators}
    row = rows['"四好农村路"长效养护机制']
    assert (row.target, row.actual) == ("健全", "已健全")
    assert not [d for d in table.doubts if not d.funds_only]


def test_a_title_over_two_cells_names_the_form() -> None:
    # yf05 (OCR a cell a line): 部门整体支出 / 绩效自评表 had been read as the national form,
    # its 按支出性质分 lines unread and the writer's F101 (基本支出 + 项目支出 ≠ 总额) missed
    table = parse_file(_doc("yf05")).tables[0]
    assert table.family == "dept-wide"
    assert "F101" in {f.code for f in review(_doc("yf05")).findings}
