"""What round 151 of the written tables (eq, ez, he, ax) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.model import Task
from reviewer.pipeline import review
from tests.builders import findings_of, make_table
from tests.test_round73_variants import _doc


def _n106(stem: str) -> list[str]:
    return [f.message for f in review(_doc(stem)).findings if f.code == "N106"]


def test_a_tasks_money_in_the_narrative_is_held_to_its_row() -> None:
    # he02 (pipes): 疾病预防控制及重大传染病防控支出361.25万元 against the task's 316.25; he04
    # (.xlsx): 已拨付学生资助资金1862.40万元 against 1826.40 — a task's money had been compared
    # with nothing (no whole project's word before it)
    assert any("「疾病预防控制及重大传染病防控」" in m for m in _n106("he02"))
    assert any("「学生资助」" in m for m in _n106("he04"))
    # he06: 农机购置补贴和农村人居环境整治资金1041.87万元 names two things together, and its
    # tasks' amounts quoted rightly are no finding
    assert _n106("he06") == []


def test_the_budget_quoted_as_the_spending_is_found() -> None:
    # he01: 全年支出资金1350万元 is the 全年预算数; 1261.37 was spent
    (message,) = _n106("he01")
    assert "这是全年预算数" in message and "1,261.37" in message


def test_a_qualitative_rows_empty_unit_dropped_by_a_layout_of_spaces() -> None:
    # eq01 (pdftotext -layout): 定性 | 及时 | (度量单位 empty) | 及时 | 7 | 7 read the actual into
    # the unit and the weight into the actual
    (table,) = parse_file(_doc("eq01")).tables
    row = next(i for i in table.indicators if i.name == "管护任务完成及时性")
    assert (row.actual, row.weight, row.score) == ("及时", 7, 7)


def test_a_total_called_zonghe_defen_after_the_fields() -> None:
    # ez02 (.xlsx): 综合得分 | … | 96.62 under 偏差原因分析 and 改进措施: read as the total (a
    # warning had said the table had none)
    tables = parse_file(_doc("ez02")).tables
    assert tables[2].total_printed and tables[2].total_score == 96.62
    review_ = review(_doc("ez02"))
    assert not [f for f in review_.findings if f.code == "P102" and f.table_index == 2]


def test_a_reductions_small_rate_is_no_overachievement() -> None:
    # ez01: 化学农药使用量减少 ≥5%, 6.8%: a few points of a reduction, not a multiple of work
    assert not [
        f for f in review(_doc("ez01")).findings if f.code == "S107" and "减少" in str(f.indicator)
    ]


@pytest.mark.parametrize(
    ("said", "fires"), [("92,000元", False), ("9.2万元", False), ("9.8万元", True)]
)
def test_a_tasks_money_against_its_row_in_any_unit(tmp_path: Path, said: str, fires: bool) -> None:
    # a task printed with its spending only (no budget): the message names what is printed
    task = Task(name="业务培训", content="培训", executed=92000.0)
    table = make_table(tasks=[task])
    table.goal_actual += f"其中业务培训支出{said}。"
    found = findings_of(tmp_path, table, "N106")
    assert bool(found) is fires
    assert all("「业务培训」一行为执行数92,000元" in f.message for f in found)
