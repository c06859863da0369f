"""What round 172 of the written tables (ccw, ccx, ccy, ccz) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_rows_a_claim_that_all_was_done_leaves_out_are_said_so() -> None:
    # ccw01: 评价结论 除出水水质达标率外各项指标均完成, that row missed: no contradiction
    assert "N108" not in _codes("ccw01")


def test_last_years_figures_in_a_sentence_opening_on_last_year() -> None:
    # ccw05: 上年（2024年）部门支出1,736.05万元，执行率94.37%: no rate to hold against this
    # year's 96.93% (a false N106)
    said = [f.message for f in review(_doc("ccw05")).findings if f.code == "N106"]
    assert not [m for m in said if "94.37" in m]


def test_a_state_reached_said_with_what_shows_it_is_met() -> None:
    # ccx01: 持续改善 against 化肥农药使用量连续下降,持续改善 (a false S106 and E101)
    assert not {"S106", "E101"} & _codes("ccx01", "农业面源污染治理")


def test_a_task_tables_status_and_projects_column_is_read() -> None:
    # ccx04: 任务名称 | 主要内容 | 预算数 | 执行数 | 完成情况及对应项目 (the block had been unread)
    (table,) = parse_file(_doc("ccx04")).tables
    assert len(table.tasks) >= 4


def test_a_funds_labels_end_under_another_column_in_spaced_ocr() -> None:
    # ccy06: 全年预算 / 数 with the 数 the second piece of its line: false B101, F101, B104, B105
    # and T104 errors had come of the columns read one off
    (table,) = parse_file(_doc("ccy06")).tables
    total = table.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct) == (95.0, 93.1, 98.0)
    assert not {"B101", "F101", "B104", "B105", "T104"} & _codes("ccy06")


def test_the_explanations_label_wrapped_under_the_header_is_no_name() -> None:
    # ccy01: 偏差原因分析 / 及改进措施 (had been read into the first row's name)
    (table,) = parse_file(_doc("ccy01")).tables
    assert table.indicators[0].name == "新建高标准农田面积"


def test_a_hebei_sign_cell_holding_the_state_asked_for() -> None:
    # ccz06: 定性 健全 in the 符号 column, 单位(文字描述) empty
    (table,) = parse_file(_doc("ccz06")).tables
    row = next(i for i in table.indicators if i.name == "工程运行管护机制")
    assert row.target == "定性健全"


def test_a_state_negated_is_not_the_state_reached() -> None:
    from reviewer.checks.recompute import _restates

    assert _restates("化肥农药使用量连续下降,持续改善", "持续改善")
    assert not _restates("未持续改善", "持续改善")
    assert not _restates("有所下降，没持续改善", "持续改善")
