"""What round 169 of the written tables (cck, ccl, ccm, ccn) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc, _unread


def test_the_executions_points_with_their_word_are_read() -> None:
    # cck01: 年度资金总额 | … | 10 | 94.20% | 10分 — the score had been left unread (no B103)
    (table,) = parse_file(_doc("cck01")).tables
    assert table.funds.annual_total.score == 10.0
    assert "B103" in _codes("cck01")  # labelled: 10 × 94.20% = 9.42


def test_a_step_applied_for_and_a_year_it_is_done_by_are_measures() -> None:
    # cck01: …转运车辆不足；已申请新增2辆转运车，2022年实现转运全覆盖。
    assert "E102" not in _codes("cck01", "农村生活垃圾无害化处理率")


def test_a_deviation_paragraph_under_a_typed_table_is_read() -> None:
    # cck04: 偏差原因及改进措施：… under the rows
    assert not [q for q in _unread("cck04") if q.startswith("偏差原因及改进措施")]


def test_a_spending_lists_total_in_a_reports_prose_is_no_funds_total() -> None:
    # ccl04: 资金使用明细 … | 合计 | 774.35 above the form (false F101 and F103 errors)
    (table,) = parse_file(_doc("ccl04")).tables
    assert table.funds.annual_total.full_year_budget == 860.0
    assert not {"F101", "F103"} & _codes("ccl04")


def test_paired_assistance_money_is_a_source_of_the_total() -> None:
    # ccm02: 中央资金 1,200 + 自治区资金 360 + 援疆资金 300 = 1,860 (a false F101 error)
    assert "F101" not in _codes("ccm02")


def test_a_transfer_form_without_the_word_goal_in_its_title() -> None:
    # ccm05: 转移支付项目绩效自评表, 中央主管部门 | 地方主管部门
    (table,) = parse_file(_doc("ccm05")).tables
    assert table.family == "transfer-payment"
    assert not [q for q in _unread("ccm05") if "主管部门" in q]


def test_a_result_finer_than_the_plan_is_held_against_the_actual() -> None:
    # ccm06: 全面完成高标准农田建设3.2万亩 against ≥3万亩 and 2.8万亩: not "the plan restated"
    result = review(_doc("ccm06"))
    (hit,) = [f for f in result.findings if f.code == "N102"]
    assert "实际完成值为2.8万亩" in hit.message and "计划数" not in hit.message


def test_a_state_reached_with_a_shortfall_said_is_partly_reached() -> None:
    # ccn02 (服务能力提升有限), ccn04 (管护经费未足额纳入预算): partial scores, no S106
    assert "S106" not in _codes("ccn02")
    assert "S106" not in _codes("ccn04")


def test_the_indicators_block_label_under_the_funds_is_read() -> None:
    # ccn05: 年度绩效目标(80分) alone between the funds and the indicator header
    assert not [q for q in _unread("ccn05") if "年度绩效目标" in q]
