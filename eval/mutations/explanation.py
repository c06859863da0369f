"""Explanation: blank or weak deviation explanations, over-achievement and low execution unexplained."""

from __future__ import annotations

import math
from random import Random

from eval.mutations import (
    CAUSE_ONLY,
    EXEC_WORDS,
    Injected,
    Want,
    clean_quantitative,
    draw,
    exact_rate,
    is_count,
    mentions,
    miss_value,
    mutation,
    number_text,
    pick,
    r2,
    rate_up,
    set_actual,
    shift_total,
    value_free,
)
from reviewer.model import Category, EvaluationTable, Indicator, Severity
from reviewer.numbers import fmt_number


@mutation("blank-explanation")
def m_blank_explanation(t: EvaluationTable, rng: Random) -> Injected | None:
    rows = [
        i
        for i in t.indicators
        if i.explanation and i.weight is not None and i.score is not None and i.score < i.weight
    ]
    ind = pick(rng, rows)
    if ind is None:
        return None
    ind.explanation = draw(rng, ("", "无", "—", "/"))
    shown = ind.explanation or "空白"
    note = f"注入：「{ind.name}」扣分（{fmt_number(ind.score)}/{fmt_number(ind.weight)}），偏差原因改为“{shown}”。"
    return Injected(t, [Want(Category.EXPLANATION, Severity.ERROR, note, ind.name, codes=["E101"])])


def _shortfall(t: EvaluationTable, rng: Random) -> Indicator | None:
    """A clean row made to miss its target, scored proportionally (correctly)."""
    ind = pick(rng, clean_quantitative(t, "higher"))
    if ind is None or ind.weight is None or ind.target_value.number is None:
        return None
    x = miss_value(ind, rng, 0.5, 0.95)
    if not value_free(t, x, ind.actual_value.unit):
        return None
    old = ind.score or 0.0
    set_actual(ind, number_text(x, ind.actual_value.unit))
    ind.score = round(ind.weight * x / ind.target_value.number, 2)
    shift_total(t, ind.score - old)
    return ind


@mutation("missing-explanation")
def m_missing_explanation(t: EvaluationTable, rng: Random) -> Injected | None:
    ind = _shortfall(t, rng)
    if ind is None:
        return None
    note = f"注入：「{ind.name}」未达成（{ind.target}，完成{ind.actual}，按比例得{fmt_number(ind.score)}分），偏差原因栏空白。"
    return Injected(t, [Want(Category.EXPLANATION, Severity.ERROR, note, ind.name, codes=["E101"])])


@mutation("explanation-without-measure")
def m_no_measure(t: EvaluationTable, rng: Random) -> Injected | None:
    ind = _shortfall(t, rng)
    if ind is None:
        return None
    ind.explanation = draw(rng, CAUSE_ONLY)
    note = f"注入：「{ind.name}」未达成（{ind.target}，完成{ind.actual}），偏差原因只写“{ind.explanation}”，没有改进措施。"
    wants = [Want(Category.EXPLANATION, Severity.WARNING, note, ind.name, codes=["E102"])]
    return Injected(t, wants)


@mutation("over-achievement")
def m_over_achievement(t: EvaluationTable, rng: Random) -> Injected | None:
    rows = [
        i
        for i in clean_quantitative(t, "higher")
        if i.actual_value.unit != "%" or (i.target_value.number or 100) <= 70
    ]
    ind = pick(rng, rows)
    if ind is None or ind.target_value.number is None:
        return None
    tn, unit = ind.target_value.number, ind.actual_value.unit
    x = tn * rng.uniform(1.35, 3.0)
    x = float(math.ceil(x)) if is_count(unit) and tn >= 1 else round(x, 2)
    if unit == "%":
        x = min(x, 99.0)
    if x < 1.3 * tn or not value_free(t, x, unit):
        return None
    old = ind.actual
    set_actual(ind, number_text(x, unit))
    note = f"注入：「{ind.name}」实际完成值由{old}改为{ind.actual}（年度指标值{ind.target}，{x / tn:.2f}倍），得满分且未说明超额原因。"
    wants = [Want(Category.EXPLANATION, Severity.WARNING, note, ind.name, codes=["S107"])]
    return Injected(t, wants)


@mutation("low-execution")
def m_low_execution(t: EvaluationTable, rng: Random) -> Injected | None:
    exact = exact_rate(t)
    row, sub = t.funds.annual_total, t.funds.current_year_appropriation
    if exact is None or exact < 90 or mentions(t, EXEC_WORDS) or row.score is None:
        return None
    assert row.full_year_budget is not None and row.weight is not None
    x = r2(row.full_year_budget * rng.uniform(45, 85) / 100)
    row.executed = sub.executed = x
    new_exact = x / row.full_year_budget * 100
    row.rate_pct = rate_up(new_exact)
    old = row.score
    row.score = r2(new_exact * row.weight / 100)
    shift_total(t, row.score - old)
    note = f"注入：全年执行数改为{fmt_number(x)}，执行率{fmt_number(row.rate_pct)}%（执行率与得分随之调整），表中未说明执行率偏低的原因。"
    wants = [
        Want(Category.EXPLANATION, Severity.WARNING, note, codes=["B104"]),
        Want(
            Category.CONSISTENCY,
            Severity.WARNING,
            "（连带）执行率低但指标得分高。",
            codes=["B105"],
            optional=True,
        ),
    ]
    return Injected(t, wants)
