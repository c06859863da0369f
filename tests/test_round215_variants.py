"""What round 215 of the written tables (cjn, cjo, cjp, cjq) showed: a proportional score worked
in floats (14.375 expected as 14.37), a dash for no accident called a blank actual, 3.1万 against
≥3万平方米 called another unit, a 部门整体 form's task headings among its rows (a row lost, a
heading run into the next name), its tasks not held against its 项目支出, a workbook's 汇总表
amounts not held against the projects' tables and its 填表说明 sheet reported unread.
"""

from __future__ import annotations

import pytest

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_round215_a_proportional_score_is_worked_in_decimals() -> None:
    # cjo01: ≥1.2万人 against 1.15万人 at 15 points: 15 × 11500 / 12000 = 14.375, so 14.38
    hit = next(f for f in review(_doc("cjo01")).findings if f.code == "S102")
    assert "14.38" in hit.message


@pytest.mark.parametrize(
    ("stem", "code"),
    [
        ("cjo04", "P113"),  # 交通安全事故发生次数 =0次 | — | 15: none happened
        ("cjo03", "S108"),  # 3.1万 against ≥3万平方米: the target's unit
    ],
)
def test_round215_values_written_the_departments_way(stem: str, code: str) -> None:
    assert code not in _codes(stem)


def test_round215_a_department_forms_tasks() -> None:
    # cjn05: 任务一：城镇老旧小区改造 over its rows, 部门整体履职 over the department's own
    t = parse_file(_doc("cjn05")).tables[0]
    assert len(t.indicators) == 9
    assert all(not i.name.startswith("部门整体") for i in t.indicators)
    left = [x.text for x in parse_file(_doc("cjn05")).leftovers]
    assert not any(text.startswith(("任务", "部门整体履职")) for text in left)
    # cjn06: the tasks' budgets are 项目支出's, their spending 40.00 short of it
    assert "F106" in _codes("cjn06")
    # cjn04: 预算部门名称 | 西峡县文化广电和旅游局
    assert parse_file(_doc("cjn04")).tables[0].department == "西峡县文化广电和旅游局"


def test_round215_a_workbooks_summary_and_instructions() -> None:
    # cjp04: the 汇总表's 全年预算数 160.00 against the project's own 150.00
    hits = [f for f in review(_doc("cjp04")).findings if f.code == "T108"]
    assert hits and "全年预算数" in hits[0].message
    # cjp01: its 汇总表's 合计 row and its 填表说明 sheet are read
    assert not parse_file(_doc("cjp01")).leftovers
