"""What round 129 of the written tables (yg, yh, yi, yj) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.model import Severity
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_the_executions_score_on_a_row_of_its_own_is_read() -> None:
    # yi03: 年度资金总额 | 386.00 | 362.40 | 10 | 93.89%, then 执行率得分 | 9.39 on a row of its own:
    # unread, the total 99 was said not to add up to the rows' 89.61 (a false T101 error)
    table = parse_file(_doc("yi03")).tables[0]
    assert table.funds is not None and table.funds.annual_total.score == 9.39
    assert "T101" not in {f.code for f in review(_doc("yi03")).findings}


def test_a_total_beside_an_unread_execution_score_is_not_called_wrong() -> None:
    # qy01, xf02: the execution is worth points, its score was not read, and the total exceeds
    # the rows' sum by less than those points: no error on figures the reading lacks
    for stem in ("qy01", "xf02"):
        found = [f for f in review(_doc(stem)).findings if f.code == "T101"]
        assert found, stem
        assert all(f.severity is Severity.INFO for f in found), stem
        assert all("总分未核对" in f.message for f in found), stem


def test_a_measure_taken_or_made_part_of_an_assessment_is_a_measure() -> None:
    # yj05: 受疫情封控影响,现场核查无法按时开展。已实行线上调解和视频取证,2023年起纳入月度考核。
    findings = review(_doc("yj05")).findings
    assert not [f for f in findings if f.code == "E102" and f.indicator == "投诉举报平均处理时长"]


def test_a_figure_after_listed_items_with_figures_is_the_last_items_quantity() -> None:
    # yj06 (…更新补充出版物11200册、订阅报刊3种) and cv05 (…图书、报刊及音像制品64种): no list
    # announced, no N103
    for stem in ("yj06", "cv05"):
        assert "N103" not in {f.code for f in review(_doc(stem)).findings}, stem


def test_a_20_80_forms_year_budget_row_and_its_goal_beside_the_blocks_label() -> None:
    # yh05: 年度预算 | 356.80 | 352.10 | 98.68% | 19.74 (the funds had been doubted, unread) and
    # 年度绩效目标(80分) | 预期目标 | text (the expected goal had been left unread)
    table = parse_file(_doc("yh05")).tables[0]
    assert table.funds is not None
    total = table.funds.annual_total
    assert (total.full_year_budget, total.executed, total.score) == (356.8, 352.1, 19.74)
    assert table.goal_expected.startswith("落实护林员巡护全覆盖")
    assert not table.doubts


def test_a_step_dated_by_its_quarter_is_a_measure_and_no_cause() -> None:
    # yh04: 加快剩余管网铺设进度,2021年一季度完成全部改造任务 on a missed row: what will be done
    # and by when, nothing of why (its writer's label)
    found = [f for f in review(_doc("yh04")).findings if f.indicator == "更新改造供水管网"]
    assert "E104" in {f.code for f in found}
