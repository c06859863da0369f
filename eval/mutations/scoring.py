"""Scoring: execution score, indicator scores against targets, qualitative bands, grade, operators."""

from __future__ import annotations

import math
from random import Random

from eval.mutations import (
    CAUSE_AND_MEASURE,
    GRADES,
    Injected,
    Want,
    clean_qualitative,
    clean_quantitative,
    direction,
    draw,
    exact_rate,
    grade_of,
    is_count,
    knock_on,
    miss_value,
    mutation,
    number_text,
    pick,
    r2,
    set_actual,
    set_target,
    shift_total,
    value_free,
)
from reviewer.model import Category, EvaluationTable, Indicator, Operator, Severity
from reviewer.numbers import fmt_number


def _full_marks_though_missed(t: EvaluationTable, ind: Indicator, note: str, code: str) -> Injected:
    """A missed row left at full marks (``code``); its explanation, which admits the shortfall,
    may also be reported as contradicting the score (E103)."""
    wants = [
        Want(Category.SCORING, Severity.ERROR, note, ind.name, codes=[code]),
        knock_on(
            Category.CONSISTENCY,
            Severity.WARNING,
            "偏差说明承认未完成，却得满分。",
            ind.name,
            "E103",
        ),
    ]
    return Injected(t, wants)


@mutation("execution-score")
def m_execution_score(t: EvaluationTable, rng: Random) -> Injected | None:
    exact = exact_rate(t)
    row = t.funds.annual_total
    if exact is None or row.score is None or row.weight is None:
        return None
    right = exact * row.weight / 100
    d = rng.uniform(0.3, 3.0)
    new = r2(right - d if right + d > row.weight else right + rng.choice((-1, 1)) * d)
    if new < 0:
        return None
    old = row.score
    row.score = new
    shift_total(t, new - old)
    note = f"注入：预算执行得分由{fmt_number(old)}改为{fmt_number(new)}，按执行率×分值应为{right:.2f}。"
    return Injected(t, [Want(Category.SCORING, Severity.ERROR, note, codes=["B103"])])


@mutation("unmet-full-marks")
def m_unmet_full_marks(t: EvaluationTable, rng: Random) -> Injected | None:
    ind = pick(rng, clean_quantitative(t))
    if ind is None:
        return None
    tv, unit = ind.target_value, ind.actual_value.unit
    assert tv.number is not None
    if direction(tv) == "higher":
        x = miss_value(ind, rng, 0.5, 0.95)
    else:
        x = round(tv.number * rng.uniform(1.2, 1.8), 2)
        x = float(math.ceil(x)) if is_count(unit) and tv.number >= 1 else x
    if not value_free(t, x, unit):
        return None
    old = ind.actual
    set_actual(ind, number_text(x, unit))
    ind.explanation = draw(rng, CAUSE_AND_MEASURE)
    note = f"注入：「{ind.name}」实际完成值由{old}改为{ind.actual}（年度指标值{ind.target}），未达成仍得满分{fmt_number(ind.score)}分。"
    return _full_marks_though_missed(t, ind, note, "S102")


@mutation("score-over-weight")
def m_score_over_weight(t: EvaluationTable, rng: Random) -> Injected | None:
    rows = clean_quantitative(t) + clean_qualitative(t)
    ind = pick(rng, rows)
    if ind is None or ind.weight is None:
        return None
    d = float(rng.choice((1, 2, 3, 5)))
    ind.score = ind.weight + d
    shift_total(t, d)
    note = f"注入：「{ind.name}」得分改为{fmt_number(ind.score)}分，超过分值{fmt_number(ind.weight)}分（总分随之调整）。"
    wants = [Want(Category.SCORING, Severity.ERROR, note, ind.name, codes=["S101"])]
    if ind.target_value.operator is Operator.QUALITATIVE:
        wants.append(
            knock_on(
                Category.SCORING, Severity.WARNING, "定性指标得分不在档次内。", ind.name, "S106"
            )
        )
    return Injected(t, wants)


@mutation("met-but-deducted")
def m_met_but_deducted(t: EvaluationTable, rng: Random) -> Injected | None:
    ind = pick(rng, clean_quantitative(t))
    if ind is None or ind.weight is None:
        return None
    d = max(0.5, round(ind.weight * rng.uniform(0.1, 0.5) * 2) / 2)
    ind.score = ind.weight - d
    shift_total(t, -d)
    note = f"注入：「{ind.name}」已达成（{ind.target}，完成{ind.actual}），得分却由{fmt_number(ind.weight)}改为{fmt_number(ind.score)}。"
    wants = [
        Want(Category.SCORING, Severity.INFO, note, ind.name, codes=["S103"]),
        knock_on(Category.EXPLANATION, Severity.ERROR, "扣分而偏差原因栏空白。", ind.name, "E101"),
    ]
    return Injected(t, wants)


@mutation("deduction-not-proportional")
def m_disproportionate(t: EvaluationTable, rng: Random) -> Injected | None:
    ind = pick(rng, clean_quantitative(t, "higher"))
    if ind is None or ind.weight is None or ind.target_value.number is None:
        return None
    w, tn = ind.weight, ind.target_value.number
    x = miss_value(ind, rng, 0.3, 0.8)
    right = round(w * x / tn, 2)
    s = math.floor(w * rng.uniform(min(0.95, x / tn + 0.2), 0.97) * 2) / 2
    if not (right + max(0.5, 0.1 * w) <= s < w) or not value_free(t, x, ind.actual_value.unit):
        return None
    old_score = ind.score or 0.0
    set_actual(ind, number_text(x, ind.actual_value.unit))
    ind.score = s
    ind.explanation = draw(rng, CAUSE_AND_MEASURE)
    shift_total(t, s - old_score)
    note = f"注入：「{ind.name}」实际完成值改为{ind.actual}（年度指标值{ind.target}），得{fmt_number(s)}分；按比例应为{fmt_number(right)}分。"
    return Injected(t, [Want(Category.SCORING, Severity.ERROR, note, ind.name, codes=["S104"])])


@mutation("qualitative-band")
def m_qualitative_band(t: EvaluationTable, rng: Random) -> Injected | None:
    ind = pick(rng, clean_qualitative(t))
    if ind is None or ind.weight is None:
        return None
    s = float(max(1, round(ind.weight * rng.uniform(0.2, 0.55))))
    d = ind.weight - s
    ind.score = s
    shift_total(t, -d)
    note = f"注入：定性指标「{ind.name}」已达成（{ind.actual}），得分改为{fmt_number(s)}分，低于达成档下限{fmt_number(0.8 * ind.weight)}分。"
    wants = [
        Want(Category.SCORING, Severity.WARNING, note, ind.name, codes=["S106"]),
        knock_on(Category.EXPLANATION, Severity.ERROR, "扣分而偏差原因栏空白。", ind.name, "E101"),
    ]
    return Injected(t, wants)


@mutation("qualitative-not-done")
def m_qualitative_not_done(t: EvaluationTable, rng: Random) -> Injected | None:
    ind = pick(rng, clean_qualitative(t))
    if ind is None:
        return None
    set_actual(ind, draw(rng, ("未完成", "未进行")))
    ind.explanation = draw(rng, CAUSE_AND_MEASURE)
    note = f"注入：定性指标「{ind.name}」实际完成值改为“{ind.actual}”，仍得满分{fmt_number(ind.score)}分。"
    return _full_marks_though_missed(t, ind, note, "S106")


@mutation("grade")
def m_grade(t: EvaluationTable, rng: Random) -> Injected | None:
    if t.total_score is None:
        return None
    right = grade_of(t.total_score)
    t.grade = rng.choice([g for g in GRADES if g != right])
    note = f"注入：总分{fmt_number(t.total_score)}分，等级填为“{t.grade}”，应为“{right}”。"
    return Injected(t, [Want(Category.SCORING, Severity.WARNING, note, codes=["T103"])])


@mutation("operator")
def m_operator(t: EvaluationTable, rng: Random) -> Injected | None:
    rows = [
        i
        for i in clean_quantitative(t)
        if i.actual_value.number != i.target_value.number
        and i.target_value.operator in (Operator.GE, Operator.EQ, Operator.LE)
    ]
    ind = pick(rng, rows)
    if ind is None:
        return None
    old = ind.target
    op = "<=" if direction(ind.target_value) == "higher" else ">="
    set_target(ind, op + old.lstrip("<>=≥≤"))
    note = f"注入：「{ind.name}」年度指标值由{old}改为{ind.target}，实际完成值{ind.actual}因此未达成，仍得满分。"
    wants = [
        Want(Category.SCORING, Severity.ERROR, note, ind.name, codes=["S102"]),
        knock_on(
            Category.EXPLANATION, Severity.ERROR, "未达成而偏差原因栏空白。", ind.name, "E101"
        ),
    ]
    return Injected(t, wants)
