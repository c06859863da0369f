"""What round 171 of the written tables (ccs, cct, ccu, ccv) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.parse.values import parse_value
from tests.test_round73_variants import _codes, _doc


def test_names_numbered_in_order_are_read_without_their_numbers() -> None:
    # cct02: 1.… 2.0-6岁儿童健康管理率 3.65岁及以上老年人健康管理人数 …: 2. is the row's place
    (table,) = parse_file(_doc("cct02")).tables
    names = [i.name for i in table.indicators]
    assert "0-6岁儿童健康管理率" in names and "65岁及以上老年人健康管理人数" in names
    # cct01: ①…⑬ under numbered headings
    (table,) = parse_file(_doc("cct01")).tables
    assert table.indicators[0].name == "新建高标准农田面积"


def test_a_target_reached_and_bounded_in_words() -> None:
    # ccv02: 达到95%以上 against 100% (a false S108: "%以上" read as a unit)
    value = parse_value("达到95%以上")
    assert (value.operator.value, value.number, value.unit) == (">=", 95.0, "%")
    assert "S108" not in _codes("ccv02")


def test_a_regional_transfer_form_titled_without_goal_is_a_transfer_form() -> None:
    # ccu05: 2020年度转移支付区域绩效自评表 (W102 is no transfer form's)
    (table,) = parse_file(_doc("ccu05")).tables
    assert table.family == "transfer-payment"
    assert "W102" not in _codes("ccu05")


def test_the_2021_income_kinds_of_a_department_form_are_its_sources() -> None:
    # ccu03: 按收入性质分 … 财政专户管理资金 | — , 单位资金 | 36.20 (a false F101 error)
    assert "F101" not in _codes("ccu03")


def test_a_workbooks_summary_sheet_is_held_against_its_tables() -> None:
    # cbx02: the 汇总 sheet gives 家庭医生签约服务经费 98.83, its table totals 99.83 (labelled);
    # cco01: a 汇总 that agrees is read, its cells no longer reported unread
    assert "T108" in _codes("cbx02")
    report = parse_file(_doc("cco01"))
    assert len(report.summaries) == 3
    assert not [lo for lo in report.leftovers if lo.location.sheet == "汇总"]
    assert "T108" not in _codes("cco01")
