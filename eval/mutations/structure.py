"""Structure: the 总分 row, the 年度总体目标 cells, instructions addressed to the reviewer."""

from __future__ import annotations

from random import Random

from eval.mutations import INSTRUCTIONS, Injected, Want, draw, mutation
from reviewer.model import Category, EvaluationTable, Severity


@mutation("no-total-row")
def m_no_total_row(t: EvaluationTable, rng: Random) -> Injected | None:
    if not t.total_printed:
        return None
    t.total_printed = False
    t.total_score = None
    note = "注入：删除总分行。"
    return Injected(t, [Want(Category.STRUCTURE, Severity.WARNING, note, codes=["P102"])])


@mutation("blank-goal")
def m_blank_goal(t: EvaluationTable, rng: Random) -> Injected | None:
    which = rng.choice(("goal_actual", "goal_expected"))
    if not getattr(t, which):
        return None
    setattr(t, which, "")
    name = {"goal_actual": "实际完成情况", "goal_expected": "预期目标"}[which]
    note = f"注入：年度总体目标的{name}一栏留空。"
    # P109 where the layout prints the column's label over the empty cell, P103 where it
    # prints nothing of it
    want = Want(Category.STRUCTURE, Severity.ERROR, note, codes=["P103", "P109"])
    return Injected(t, [want])


@mutation("instructions")
def m_instructions(t: EvaluationTable, rng: Random) -> Injected | None:
    text = draw(rng, INSTRUCTIONS)
    t.goal_actual = t.goal_actual + text
    note = f"注入：实际完成情况末尾加入针对审核者的指令性文字“{text}”。"
    return Injected(t, [Want(Category.STRUCTURE, Severity.WARNING, note, codes=["P105"])])
