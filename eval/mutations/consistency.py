"""Consistency: the budget change, the narrative against the plan and the rows, repeated values."""

from __future__ import annotations

import difflib
from random import Random

from eval.mutations import (
    ADMITS_SHORTFALL,
    BUDGET_WORDS,
    Injected,
    Want,
    clean_qualitative,
    clean_quantitative,
    draw,
    is_count,
    mentions,
    mutation,
    number_text,
    pick,
    r2,
    set_actual,
    value_free,
)
from reviewer.model import Category, EvaluationTable, Severity
from reviewer.numbers import fmt_number


@mutation("budget-change")
def m_budget_change(t: EvaluationTable, rng: Random) -> Injected | None:
    row, sub = t.funds.annual_total, t.funds.current_year_appropriation
    b0, b = row.initial_budget, row.full_year_budget
    if not b0 or not b or abs(b / b0 - 1) > 0.10 or mentions(t, BUDGET_WORDS):
        return None
    factor = rng.uniform(0.3, 0.7) if rng.random() < 0.5 else rng.uniform(1.3, 2.5)
    new = r2(b * factor)
    row.initial_budget = sub.initial_budget = new
    note = f"注入：年初预算数改为{fmt_number(new)}，与全年预算数{fmt_number(b)}相差{abs(b / new - 1) * 100:.0f}%，表中未说明预算调整原因。"
    return Injected(t, [Want(Category.CONSISTENCY, Severity.INFO, note, codes=["F104"])])


@mutation("copy-goal")
def m_copy_goal(t: EvaluationTable, rng: Random) -> Injected | None:
    ratio = difflib.SequenceMatcher(None, t.goal_expected, t.goal_actual).ratio()
    if not t.goal_expected or ratio > 0.6:
        return None
    t.goal_actual = t.goal_expected
    note = "注入：实际完成情况改为照抄预期目标原文。"
    return Injected(t, [Want(Category.CONSISTENCY, Severity.WARNING, note, codes=["N101"])])


@mutation("narrative-contradicts")
def m_narrative_contradicts(t: EvaluationTable, rng: Random) -> Injected | None:
    rows = [i for i in clean_quantitative(t, "higher") if is_count(i.actual_value.unit)]
    ind = pick(rng, rows)
    if ind is None or ind.actual_value.number is None:
        return None
    a = ind.actual_value.number
    wrong = max(1.0, float(round(a * rng.choice((rng.uniform(0.4, 0.8), rng.uniform(1.3, 2.0))))))
    if wrong == a:
        return None
    sentence = f"全年{ind.name}实际完成{fmt_number(wrong)}{ind.actual_value.unit}。"
    t.goal_actual = t.goal_actual.rstrip("。") + "。" + sentence
    note = f"注入：实际完成情况写“{sentence}”，与「{ind.name}」实际完成值{ind.actual}矛盾。"
    wants = [Want(Category.CONSISTENCY, Severity.WARNING, note, ind.name, codes=["N102", "L101"])]
    return Injected(t, wants)


@mutation("repeated-actual")
def m_repeated_actual(t: EvaluationTable, rng: Random) -> Injected | None:
    rows = [
        i
        for i in clean_quantitative(t, "higher")
        if i.actual_value.unit == "%" and (i.target_value.number or 100) < 95
    ]
    if len(rows) < 2:
        return None
    first, second = sorted(rng.sample(rows, 2), key=t.indicators.index)
    lo = max(first.target_value.number or 0, second.target_value.number or 0)
    hi = min(99.9, 1.15 * min(first.target_value.number or 0, second.target_value.number or 0))
    if hi - lo < 0.5:
        return None
    v = round(rng.uniform(lo + 0.1, hi), 2)
    if v == int(v) or not value_free(t, v, "%"):
        return None
    for ind in (first, second):
        set_actual(ind, number_text(v, "%"))
    note = f"注入：「{first.name}」与「{second.name}」实际完成值都改为={fmt_number(v)}%，数值雷同。"
    wants = [
        Want(Category.CONSISTENCY, Severity.WARNING, note, first.name, [second.name], ["S109"])
    ]
    return Injected(t, wants)


@mutation("explanation-contradicts")
def m_explanation_contradicts(t: EvaluationTable, rng: Random) -> Injected | None:
    ind = pick(rng, clean_quantitative(t) + clean_qualitative(t))
    if ind is None:
        return None
    ind.explanation = draw(rng, ADMITS_SHORTFALL)
    note = f"注入：「{ind.name}」已达成并得满分，偏差原因却写“{ind.explanation}”，说明与得分矛盾。"
    wants = [Want(Category.CONSISTENCY, Severity.WARNING, note, ind.name, codes=["E103"])]
    return Injected(t, wants)


@mutation("percent-over-100")
def m_percent_over_100(t: EvaluationTable, rng: Random) -> Injected | None:
    rows = [
        i
        for i in clean_quantitative(t, "higher")
        if i.actual_value.unit == "%" and (i.target_value.number or 0) >= 90
    ]
    ind = pick(rng, rows)
    if ind is None or ind.target_value.number is None:
        return None
    v = round(rng.uniform(100.5, min(119.0, 1.19 * ind.target_value.number)), 1)
    if not value_free(t, v, "%"):
        return None
    set_actual(ind, number_text(v, "%"))
    note = f"注入：「{ind.name}」实际完成值改为{ind.actual}，比率超过100%。"
    wants = [Want(Category.CONSISTENCY, Severity.WARNING, note, ind.name, codes=["S110"])]
    return Injected(t, wants)
