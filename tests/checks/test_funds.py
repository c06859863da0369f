"""F rules (reviewer/checks/funds.py): the 项目资金 block.

One class per rule: the broken table and its clean twin, then one cent either side of each
comparison (F101, F102) and the budget-change threshold of 20 % on both sides (F104); a 部门整体
form's 年度主要任务 (F105, F106, F107).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.checks import run_checks
from reviewer.config import Config
from reviewer.model import EvaluationTable, Severity, Task
from tests.builders import codes, findings_of, make_table, write_tables
from tests.checks.cases import RuleCase


def with_appropriation(current_full: float) -> EvaluationTable:
    """The clean table with 当年财政拨款's 全年预算数 changed (the total row is unchanged)."""
    t = make_table()
    t.funds.current_year_appropriation.full_year_budget = current_full
    return t


# F101 fund rows add up -------------------------------------------------------------------


class TestF101FundRowsAddUp(RuleCase):
    code = "F101"

    def broken(self) -> EvaluationTable:
        return with_appropriation(90000.0)

    def clean(self) -> EvaluationTable:
        return make_table()

    def test_one_cent_off_fires(self, tmp_path: Path) -> None:
        (f,) = findings_of(tmp_path, with_appropriation(99999.99), "F101")
        assert (f.expected, f.found) == ("全年预算数99,999.99", "全年预算数100,000")
        assert "全年预算数" in f.message

    def test_a_cent_of_wan_yuan_off_is_rounding_said_as_information(self, tmp_path: Path) -> None:
        t = with_appropriation(99999.99)
        t.amount_unit = "万元"  # amounts rounded from 元 one by one to 0.01 万元
        (f,) = findings_of(tmp_path, t, "F101")
        assert f.severity is Severity.INFO and "末位一个单位" in f.message
        t = with_appropriation(99999.98)
        t.amount_unit = "万元"
        (f,) = findings_of(tmp_path, t, "F101")
        assert f.severity is Severity.ERROR

    def test_a_column_no_source_prints_adds_nothing_up(self, tmp_path: Path) -> None:
        # the sources' 年初预算数 all blank (or not read): no sum to compare with the total's
        t = make_table()
        for part in (t.funds.current_year_appropriation, t.funds.prior_year_carryover):
            part.initial_budget = None
        t.funds.other.initial_budget = None
        assert "F101" not in codes(tmp_path, t)
        t.funds.prior_year_carryover.initial_budget = 1.0  # one printed: the sum is its own
        assert "F101" in codes(tmp_path, t)

    def test_funds_received_are_not_read_as_spent(self, tmp_path: Path) -> None:
        rows = [
            ["项目支出绩效自评表"],
            ["项目名称", "某项目"],
            [
                "项目资金（万元）",
                "",
                "年初预算数",
                "全年预算数",
                "全年到位数",
                "全年执行数",
                "分值",
                "执行率",
                "得分",
            ],
            ["", "年度资金总额", "480.00", "480.00", "456.00", "452.16", "10", "94.20%", "9.42"],
            ["", "其中：当年财政拨款", "420.00", "420.00", "396.00", "392.16", "—", "—", "—"],
            ["", "上年结转资金", "60.00", "60.00", "60.00", "60.00", "—", "—", "—"],
        ]
        path = tmp_path / "t.txt"
        path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
        (t,) = parse_file(path).tables
        assert t.funds.current_year_appropriation.executed == 392.16
        assert t.funds.annual_total.executed == 452.16

    def test_blank_sources_count_as_zero(self, tmp_path: Path) -> None:
        t = make_table()
        t.funds.prior_year_carryover.full_year_budget = None
        t.funds.other.initial_budget = None
        assert codes(tmp_path, t) == set()


# F102 executed over budget ---------------------------------------------------------------


class TestF102ExecutedOverBudget(RuleCase):
    code = "F102"

    def broken(self) -> EvaluationTable:
        return make_table(budget=(100000.0, 100000.0, 120000.0), exec_score=10.0)

    def clean(self) -> EvaluationTable:
        return make_table(budget=(100000.0, 100000.0, 100000.0))  # executed == budget

    def test_an_excess_the_table_explains_is_said_for_information(self, tmp_path: Path) -> None:
        # the narrative quotes the executed amount it explains (上年结转 spent outside the budget)
        table = make_table(budget=(100000.0, 100000.0, 103120.0))
        ((f,),) = [findings_of(tmp_path, table, "F102")]
        assert f.severity is Severity.WARNING
        table = table.model_copy(
            update={
                "goal_actual": table.goal_actual
                + "全年执行103120.00元，含使用上年结转资金3120.00元。"
            }
        )
        (f,) = findings_of(tmp_path, table, "F102")
        assert f.severity is Severity.INFO and "表中已说明原因" in f.message

    def test_a_note_saying_the_spending_passed_the_budget_explains_it(self, tmp_path: Path) -> None:
        table = make_table(budget=(100000.0, 100000.0, 103120.0))
        table.fields["other_notes"] = "全年执行数超出全年预算数3120元，系检验收入超收。"
        (f,) = findings_of(tmp_path, table, "F102")
        assert f.severity is Severity.INFO

    def test_one_cent_over_fires(self, tmp_path: Path) -> None:
        table = make_table(budget=(100000.0, 100000.0, 100000.01))
        assert codes(tmp_path, table) == {"F102"}

    def test_a_form_without_a_full_year_budget_compares_with_the_initial_one(
        self, tmp_path: Path
    ) -> None:
        # 年初预算数(A) / 全年执行数(B): the form has no 全年预算数 column at all
        path = write_tables(tmp_path / "t.txt", make_table(budget=(100000.0, 100000.0, 120000.0)))
        lines = path.read_text(encoding="utf-8").splitlines()
        start = next(i for i, x in enumerate(lines) if x.startswith("项目资金"))
        for i in range(start, start + 5):  # the header and the four rows: drop 全年预算数
            cells = lines[i].split("\t")
            lines[i] = "\t".join(cells[:3] + cells[4:])
        lines[start] = (
            lines[start]
            .replace("年初预算数", "年初预算数(A)")
            .replace("全年执行数", "全年执行数(B)")
        )
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = parse_file(path)
        assert report.tables[0].funds.annual_total.full_year_budget is None
        assert "F102" in {f.code for f in run_checks(report, Config())}

    def test_a_blank_full_year_budget_is_not_replaced_by_the_initial_one(
        self, tmp_path: Path
    ) -> None:
        # the form prints 全年预算数 and this row left it blank (F103): the budget may have
        # grown in the year, so spending past 年初预算数 says nothing
        table = make_table(budget=(100000.0, None, 120000.0), rate_pct=None, exec_score=0.0)
        assert codes(tmp_path, table) == {"F103"}


# F103 budget missing ---------------------------------------------------------------------


class TestF103BudgetMissing(RuleCase):
    code = "F103"

    def broken(self) -> EvaluationTable:
        return make_table(budget=(100000.0, 0.0, 95000.0), rate_pct=None, exec_score=0.0)

    def clean(self) -> EvaluationTable:
        return make_table()

    def test_a_blank_budget_fires_too(self, tmp_path: Path) -> None:
        table = make_table(budget=(100000.0, None, 95000.0), rate_pct=None, exec_score=0.0)
        assert codes(tmp_path, table) == {"F103"}

    def test_one_amount_with_a_claimed_rate_is_reported(self, tmp_path: Path) -> None:
        # 全年执行数 blank while 执行率 95% and 得分 9.5 are printed: neither can be checked.
        (f,) = findings_of(tmp_path, _executed_blank(rate_pct=95.0, score=9.5), "F103")
        assert "只填了一个金额" in f.message and "执行率95.00%" in f.message
        assert f.severity is Severity.WARNING

    def test_one_amount_without_a_claimed_rate_is_not(self, tmp_path: Path) -> None:
        assert "F103" not in codes(tmp_path, _executed_blank(rate_pct=None, score=None))


def _executed_blank(rate_pct: float | None, score: float | None) -> EvaluationTable:
    """The clean table with 年度资金总额's 全年执行数 left blank."""
    table = make_table()
    total = table.funds.annual_total.model_copy(
        update={"executed": None, "rate_pct": rate_pct, "score": score}
    )
    return table.model_copy(
        update={"funds": table.funds.model_copy(update={"annual_total": total})}
    )


# F104 budget changed in the year ---------------------------------------------------------


class TestF104BudgetChanged(RuleCase):
    code = "F104"

    def broken(self) -> EvaluationTable:
        return make_table(budget=(100000.0, 150000.0, 142500.0))

    def clean(self) -> EvaluationTable:
        return make_table(budget=(100000.0, 110000.0, 104500.0))

    @pytest.mark.parametrize(
        ("full_year", "fires"),
        [
            (120000.0, set()),  # +20 % exactly
            (120010.0, {"F104"}),  # +20.01 %
            (80000.0, set()),  # −20 %
            (79990.0, {"F104"}),  # −20.01 %
        ],
    )
    def test_threshold(self, tmp_path: Path, full_year: float, fires: set[str]) -> None:
        table = make_table(budget=(100000.0, full_year, full_year * 0.95))
        assert codes(tmp_path, table) == fires

    def test_a_total_left_at_zero_is_read_from_its_sources(self, tmp_path: Path) -> None:
        # 年度资金总额 0 / 0 / 0 while 当年财政拨款 went from 150,000 to 100,000 (−33.3 %).
        table = make_table(budget=(150000.0, 100000.0, 95000.0))
        total = table.funds.annual_total.model_copy(
            update={"initial_budget": 0.0, "full_year_budget": 0.0, "executed": 0.0}
        )
        table = table.model_copy(
            update={"funds": table.funds.model_copy(update={"annual_total": total})}
        )
        (f,) = findings_of(tmp_path, table, "F104")
        assert "按各项资金合计" in f.message and "33.3%" in f.message
        assert {e.quote for e in f.evidence} >= {"150000.00", "100000.00"}

    def test_explained_change(self, tmp_path: Path) -> None:
        table = make_table(
            budget=(100000.0, 150000.0, 142500.0),
            goal_actual="全年组织业务培训10场，培训210人；年中追加预算用于扩大培训。",
        )
        assert codes(tmp_path, table) == set()

    def test_a_change_the_expected_goal_states(self, tmp_path: Path) -> None:
        # uz01: 年中追加下达资金5万元，全年预算调整为15万元 in 预期目标
        table = make_table(
            budget=(100000.0, 150000.0, 142500.0),
            goal_expected="全年组织业务培训10场；年中追加下达培训资金5万元，全年预算调整为15万元。",
        )
        assert codes(tmp_path, table) == set()


# F105 / F106 / F107 a 部门整体 form's 年度主要任务 -------------------------------------------------


def with_tasks(
    *tasks: tuple[str, float, float], total: tuple[float, float] | None = None
) -> EvaluationTable:
    """The clean table with 年度主要任务 rows (name, 预算数, 执行数) and, if given, their 合计."""
    t = make_table()
    t.tasks = [Task(name=n, content=f"{n}的主要内容", budget=b, executed=e) for n, b, e in tasks]
    if total is not None:
        t.tasks_total = Task(name="合计", budget=total[0], executed=total[1])
    return t


class TestF105TaskOverspent(RuleCase):
    code = "F105"

    def broken(self) -> EvaluationTable:
        return with_tasks(("动物疫病防控", 185.0, 212.48), ("高标准农田建设", 300.0, 290.0))

    def clean(self) -> EvaluationTable:
        return with_tasks(("动物疫病防控", 185.0, 185.0), ("高标准农田建设", 300.0, 290.0))

    def test_the_message_names_the_task_and_both_amounts(self, tmp_path: Path) -> None:
        (f,) = findings_of(tmp_path, self.broken(), "F105")
        assert "动物疫病防控" in f.message and "212.48" in f.message and "185.00" in f.message
        assert (f.expected, f.found) == ("≤ 185", "212.48")
        assert [e.quote for e in f.evidence] == ["动物疫病防控", "185.00", "212.48"]

    def test_a_cent_over_fires_and_the_budget_spent_exactly_does_not(self, tmp_path: Path) -> None:
        assert "F105" not in codes(tmp_path, with_tasks(("临时救助", 420.0, 420.0)))
        assert "F105" in codes(tmp_path, with_tasks(("临时救助", 420.0, 420.01)))

    def test_a_reason_given_with_the_task_silences_it(self, tmp_path: Path) -> None:
        t = self.broken()
        t.goal_actual += "动物疫病防控因疫情处置从其他任务调剂资金27.48万元。"
        assert "F105" not in codes(tmp_path, t)
        # money added to the whole budget says why the budget grew, not why the task overran
        t = self.broken()
        t.goal_actual += "年中追加动物疫病防控补助资金。"
        assert "F105" in codes(tmp_path, t)


class TestF106TasksTotal(RuleCase):
    code = "F106"

    def broken(self) -> EvaluationTable:
        return with_tasks(("甲任务", 100.0, 90.0), ("乙任务", 200.0, 180.0), total=(300.0, 260.0))

    def clean(self) -> EvaluationTable:
        return with_tasks(("甲任务", 100.0, 90.0), ("乙任务", 200.0, 180.0), total=(300.0, 270.0))

    def test_each_column_is_compared(self, tmp_path: Path) -> None:
        t = with_tasks(("甲任务", 100.0, 90.0), ("乙任务", 200.0, 180.0), total=(310.0, 260.0))
        found = findings_of(tmp_path, t, "F106")
        assert [("预算数" in f.message, "执行数" in f.message) for f in found] == [
            (True, False),
            (False, True),
        ]
        assert found[1].expected == "270" and found[1].found == "260"

    def test_no_total_row_no_comparison(self, tmp_path: Path) -> None:
        assert "F106" not in codes(tmp_path, with_tasks(("甲任务", 100.0, 90.0)))


class TestF107TaskRate(RuleCase):
    code = "F107"

    def broken(self) -> EvaluationTable:
        t = with_tasks(("学生资助", 1280.0, 1196.8), ("教师培训", 200.0, 190.0))
        t.tasks[0].rate_pct = 95.30
        return t

    def clean(self) -> EvaluationTable:
        t = with_tasks(("学生资助", 1280.0, 1196.8), ("教师培训", 200.0, 190.0))
        t.tasks[0].rate_pct = 93.50
        return t

    def test_the_message_names_the_task_and_the_rate_it_should_be(self, tmp_path: Path) -> None:
        (f,) = findings_of(tmp_path, self.broken(), "F107")
        assert "学生资助" in f.message and "95.30%" in f.message and "93.50%" in f.message
        assert (f.expected, f.found) == ("93.50%", "95.30%")

    def test_a_rate_within_a_unit_of_its_last_digit_is_rounding(self, tmp_path: Path) -> None:
        t = with_tasks(("教师培训", 300.0, 200.0))  # 66.666…%
        t.tasks[0].rate_pct = 66.66  # cut, not rounded: a unit of its last digit off
        assert "F107" not in codes(tmp_path, t)
        t.tasks[0].rate_pct = 66.64
        assert "F107" in codes(tmp_path, t)
