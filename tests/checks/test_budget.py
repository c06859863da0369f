"""B rules (reviewer/checks/budget.py): the execution rate, its rounding, its score, low
execution.

One class per rule: the broken table and its clean twin, then the rate's one-unit rounding
allowance (B101), the score tolerance (B103), the low-execution threshold 90 % (B104, B105)
and the completion margin of 5 % (B105) on both sides.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reviewer.api import parse_file
from reviewer.checks import run_checks
from reviewer.config import Config
from reviewer.model import EvaluationTable, Finding, Indicator, Severity
from tests.builders import clean_indicators, codes, findings_of, ind, make_table, write_tables
from tests.checks.cases import RuleCase

UNDERSPENT = "完成培训5场、100人。"
SAVED = "因部分课程改为线上，资金结余"  # explains low execution (结余)


def low_completion(trainees: float = 100) -> list[Indicator]:
    """培训场次 5 of 10 and 培训人数 ``trainees`` of 200, each scored in proportion: the rows
    complete 75 + trainees / 20 of their 90 points."""
    rows = clean_indicators()
    rows[0] = ind("培训场次", "=10场", "=5场", 20, 10, "因疫情取消5场，下一步将加强计划管理")
    rows[1] = ind(
        "培训人数",
        ">=200人",
        f"={trainees:g}人",
        10,
        round(trainees / 20, 2),
        "因疫情减少参训，下一步将加强组织",
    )
    return rows


def executed(amount: float, **overrides: object) -> EvaluationTable:
    """Budget 100,000 with ``amount`` executed; the rate and its score as the form computes."""
    return make_table(budget=(100000.0, 100000.0, amount), **overrides)


# B101 execution rate ---------------------------------------------------------------------


class TestB101ExecutionRate(RuleCase):
    code = "B101"

    def broken(self) -> EvaluationTable:
        return make_table(rate_pct=94.0)

    def clean(self) -> EvaluationTable:
        return make_table(rate_pct=95.0)

    @pytest.mark.parametrize(
        ("printed", "fires"),
        [
            (95.12, False),  # 95.123 %: half-up
            (95.13, False),  # rounded up: one unit of the last digit
            (95.20, True),
            (95.14, True),  # more than one unit away
            (95.11, True),
        ],
    )
    def test_one_unit_difference_is_rounding_not_error(
        self, tmp_path: Path, printed: float, fires: bool
    ) -> None:
        table = executed(95123.0, rate_pct=printed, exec_score=9.51)
        assert ("B101" in codes(tmp_path, table)) is fires

    def test_rate_over_the_initial_budget_is_named(self, tmp_path: Path) -> None:
        # 95,000 over 年初 100,000 printed, while 全年预算 is 120,000.
        table = make_table(budget=(100000.0, 120000.0, 95000.0), rate_pct=95.0, exec_score=7.92)
        (f,) = findings_of(tmp_path, table, "B101")
        assert "以年初预算数为分母" in f.message

    @pytest.mark.parametrize(
        ("printed", "header", "fires"),
        [
            ("95", "执行率", True),  # right, but a bare number: 95 what?
            ("95.00%", "执行率", False),
            ("95", "执行率(%)", False),  # the column says it is in per cent
        ],
    )
    def test_a_rate_without_its_percent_sign(
        self, tmp_path: Path, printed: str, header: str, fires: bool
    ) -> None:
        path = write_tables(tmp_path / "t.txt", make_table())
        text = path.read_text(encoding="utf-8")
        assert "\t95.00%\t" in text and "\t执行率\t" in text
        text = text.replace("\t95.00%\t", f"\t{printed}\t").replace("\t执行率\t", f"\t{header}\t")
        path.write_text(text, encoding="utf-8")
        found = [f for f in run_checks(parse_file(path), Config()) if f.code == "B101"]
        assert [f.severity for f in found] == ([Severity.INFO] if fires else [])


def run_for(tmp_path: Path, *tables: EvaluationTable, **config: Any) -> list[Finding]:
    """Every finding for a file of ``tables``, the report-level ones included."""
    path = write_tables(tmp_path / "t.txt", *tables)
    return run_checks(parse_file(path), Config(**config))


# B102 rounding convention (whole report) -------------------------------------------------


class TestB102RoundingConvention:
    def test_rounding_convention_reported_once(self, tmp_path: Path) -> None:
        # 95 123 / 100 000 = 95.123 %: rounded up it prints 95.13 %, half-up 95.12 %.
        tables = [
            executed(95123.0, project=f"项目{i}", rate_pct=95.13, exec_score=9.51) for i in range(3)
        ]
        findings = run_for(tmp_path, *tables)
        assert [f.code for f in findings] == ["B102"]
        assert "向上取整" in findings[0].message and findings[0].table_index is None

    def test_no_note_when_rates_are_rounded_half_up(self, tmp_path: Path) -> None:
        # 95 % exactly (every convention prints 95.00 %, half-up preferred on the tie), and
        # 95.123 % printed 95.12 %: the rule's own convention needs no note.
        half_up = executed(95123.0, project="项目乙", rate_pct=95.12, exec_score=9.51)
        assert run_for(tmp_path, make_table(), half_up) == []

    def test_ignored_like_any_rule(self, tmp_path: Path) -> None:
        up = executed(95123.0, rate_pct=95.13, exec_score=9.51)
        assert [f.code for f in run_for(tmp_path, up)] == ["B102"]
        assert run_for(tmp_path, up, ignore=["B102"]) == []


# B103 execution score --------------------------------------------------------------------


class TestB103ExecutionScore(RuleCase):
    code = "B103"

    def broken(self) -> EvaluationTable:
        return make_table(exec_score=8.0)

    def clean(self) -> EvaluationTable:
        return make_table(exec_score=9.5)

    @pytest.mark.parametrize(
        ("score", "fires"),
        [
            (9.51, set()),  # 95 % × 10 = 9.5: off by the tolerance 0.01
            (9.49, set()),
            (9.52, {"B103"}),  # just past it
            (9.48, {"B103"}),
        ],
    )
    def test_score_tolerance(self, tmp_path: Path, score: float, fires: set[str]) -> None:
        assert codes(tmp_path, make_table(exec_score=score)) == fires

    def test_capped_at_the_weight(self, tmp_path: Path) -> None:
        full = (100000.0, 100000.0, 100000.0)
        assert codes(tmp_path, make_table(budget=full, exec_score=10.0)) == set()
        over = make_table(budget=full, exec_score=10.01)
        assert "B103" in codes(tmp_path, over)

    def test_each_fund_row_that_prints_a_score_is_checked(self, tmp_path: Path) -> None:
        # 当年财政拨款 printed with its own 分值 and 得分: 95,000 / 100,000 × 10 = 9.5.
        def scored(score: float) -> EvaluationTable:
            table = make_table()
            part = table.funds.current_year_appropriation.model_copy(
                update={"weight": 10.0, "rate_pct": 95.0, "score": score}
            )
            funds = table.funds.model_copy(update={"current_year_appropriation": part})
            return table.model_copy(update={"funds": funds})

        assert codes(tmp_path, scored(9.5)) == set()
        (lower,) = findings_of(tmp_path, scored(8.0), "B103")
        assert "当年财政拨款" in lower.message and "9.50" in lower.message
        assert lower.severity is Severity.WARNING  # scored below the rule: to ask about
        (over,) = findings_of(tmp_path, scored(10.0), "B103")
        assert over.severity is Severity.ERROR

    def test_a_source_row_printing_the_totals_figures_again_is_said_once(
        self, tmp_path: Path
    ) -> None:
        # 当年财政拨款 is the whole budget and prints the total's 分值 and 得分 (8) again.
        table = make_table(exec_score=8.0)
        part = table.funds.current_year_appropriation.model_copy(
            update={"weight": 10.0, "rate_pct": 95.0, "score": 8.0}
        )
        funds = table.funds.model_copy(update={"current_year_appropriation": part})
        found = findings_of(tmp_path, table.model_copy(update={"funds": funds}), "B103")
        assert len(found) == 1 and "当年财政拨款" not in found[0].message

    def test_a_total_left_at_zero_is_scored_from_its_sources(self, tmp_path: Path) -> None:
        # 年度资金总额 0 / 0 / 0 with 执行率 0 and 得分 0, while 当年财政拨款 is 100,000 / 95,000.
        table = make_table(rate_pct=0.0, exec_score=0.0)
        total = table.funds.annual_total.model_copy(
            update={"initial_budget": 0.0, "full_year_budget": 0.0, "executed": 0.0}
        )
        table = table.model_copy(
            update={"funds": table.funds.model_copy(update={"annual_total": total})}
        )
        found = run_for(tmp_path, table)
        (f,) = [f for f in found if f.code == "B103"]
        assert "为0" in f.message and "9.50" in f.message and f.severity is Severity.WARNING
        assert "F103" not in {f.code for f in found}  # said once, by B103

    def test_a_form_without_full_year_budget_divides_by_its_budget_a(self, tmp_path: Path) -> None:
        # A 部门整体 form printing 年初预算数(A) and 全年执行数(B) only, scoring 基本支出 and
        # 项目支出 as it scores the total: 基本支出 180 / 200 = 90 % of 10 is 9, printed 10.
        text = (
            "部门整体支出绩效自评表 | |\n"
            "部门(单位)名称 | 某镇人民政府 |\n"
            "部门(单位)总体 资金(万元) | 资 金 来 源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) "
            "| 得分 |\n"
            "年度资金总额: | 300 | 290 | 10 | 9.67 |\n"
            "基本支出 | 200 | 180 | 10 | 10 |\n"
            "项目支出 | 100 | 110 | 10 | 10 |\n"
        )
        path = tmp_path / "dept.txt"
        path.write_text(text, encoding="utf-8")
        report = parse_file(path)
        found = [f for f in run_checks(report, Config()) if f.code == "B103"]
        assert [("基本支出" in f.message, "9.00" in f.message) for f in found] == [(True, True)]


# B104 low execution unexplained ----------------------------------------------------------


class TestB104LowExecutionUnexplained(RuleCase):
    code = "B104"

    def broken(self) -> EvaluationTable:
        return executed(85000.0, indicators=low_completion(), goal_actual=UNDERSPENT)

    def clean(self) -> EvaluationTable:
        return executed(
            85000.0, indicators=low_completion(), goal_actual=UNDERSPENT + SAVED + "15000元。"
        )

    @pytest.mark.parametrize(
        ("amount", "fires"),
        [
            (89990.0, {"B104"}),  # 89.99 %: below 90 %
            (90000.0, set()),  # 90 % exactly: not below
            (89999.98, set()),  # 89.99998 %, the 90.00 % the form prints (vd05): not below
        ],
    )
    def test_threshold(self, tmp_path: Path, amount: float, fires: set[str]) -> None:
        table = executed(amount, indicators=low_completion(), goal_actual=UNDERSPENT)
        assert codes(tmp_path, table) == fires

    @pytest.mark.parametrize(
        ("said", "fires"),
        [
            ("部分工程推迟至次年实施，资金结转使用。", set()),  # jb05: carried into next year
            ("上年结转资金2万元并入本年使用。", {"B104"}),  # last year's money: no reason
        ],
    )
    def test_money_carried_into_the_next_year_is_a_reason(
        self, tmp_path: Path, said: str, fires: set[str]
    ) -> None:
        table = executed(85000.0, indicators=low_completion(), goal_actual=UNDERSPENT + said)
        assert codes(tmp_path, table) == fires

    def test_a_printed_rate_the_funds_do_not_give_is_shown_beside_theirs(
        self, tmp_path: Path
    ) -> None:
        # fo03: 98.91% printed (on 年初预算), 83.50% by the funds: the message had said
        # “预算执行率为98.91%，低于90%”
        table = executed(85000.0, indicators=low_completion(), rate_pct=98.0, score=9.8)
        (f,) = findings_of(tmp_path, table, "B104")
        assert f.message.startswith("预算执行率为85.00%（表中填报为98") and f.found is not None
        assert "85.00%" in f.found

    def test_threshold_is_configurable(self, tmp_path: Path) -> None:
        table = executed(88000.0, indicators=low_completion())
        assert "B104" in codes(tmp_path, table)
        assert "B104" not in codes(tmp_path, table, thresholds={"low_execution_pct": 80})

    def test_explained_in_an_indicator_row(self, tmp_path: Path) -> None:
        rows = low_completion()
        rows[0].explanation = "因疫情取消5场，培训经费未使用，下一步将加强计划管理"
        table = executed(85000.0, indicators=rows, goal_actual=UNDERSPENT)
        assert codes(tmp_path, table) == set()


# B105 low execution, high score ----------------------------------------------------------


class TestB105LowExecutionHighScore(RuleCase):
    code = "B105"

    def broken(self) -> EvaluationTable:
        return executed(85000.0, goal_actual="全年组织业务培训10场，培训210人；资金结余15000元。")

    def clean(self) -> EvaluationTable:
        return executed(
            85000.0, indicators=low_completion(), goal_actual=UNDERSPENT + SAVED + "15000元。"
        )

    @pytest.mark.parametrize(
        ("amount", "fires"),
        [
            (89990.0, {"B105"}),  # 89.99 %, every row complete
            (90000.0, set()),  # 90 %: execution is not low
        ],
    )
    def test_low_execution_threshold(self, tmp_path: Path, amount: float, fires: set[str]) -> None:
        saved = f"全年组织业务培训10场，培训210人；{SAVED}{100000 - amount:g}元。"
        assert codes(tmp_path, executed(amount, goal_actual=saved)) == fires

    @pytest.mark.parametrize(
        "said",
        [
            "因集中采购节约，资金结余15000元。",
            "培训场地采购成交价低于预算，结余资金已按规定交回财政。",
        ],
    )
    def test_money_saved_with_the_outputs_done_is_what_the_rule_asks(
        self, tmp_path: Path, said: str
    ) -> None:
        # the rule's own advice: 如属资金节约，应在说明中写明; said, there is nothing to ask
        table = executed(85000.0, goal_actual="全年组织业务培训10场，培训210人；" + said)
        assert "B105" not in codes(tmp_path, table)

    @pytest.mark.parametrize(
        ("trainees", "fires"),
        [
            (110, set()),  # completion 75.5 / 90 = 83.9 %, within 80 % × 1.05 = 84 %
            (114, {"B105"}),  # 75.7 / 90 = 84.1 %
        ],
    )
    def test_completion_margin(self, tmp_path: Path, trainees: float, fires: set[str]) -> None:
        table = executed(
            80000.0,
            indicators=low_completion(trainees),
            goal_actual=f"完成培训5场、{trainees:g}人。{SAVED}20000元。",
        )
        assert codes(tmp_path, table) == fires
