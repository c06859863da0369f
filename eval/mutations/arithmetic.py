"""Arithmetic: the rate, the fund rows, the total, the weights."""

from __future__ import annotations

from random import Random

from eval.mutations import (
    Injected,
    Want,
    exact_rate,
    full_marks,
    grade_of,
    mutation,
    pick,
    r2,
    shift_total,
)
from reviewer.model import Category, EvaluationTable, Severity
from reviewer.numbers import fmt_number


@mutation("rate")
def m_rate(t: EvaluationTable, rng: Random) -> Injected | None:
    exact = exact_rate(t)
    row = t.funds.annual_total
    if exact is None or row.rate_pct is None:
        return None
    delta = rng.uniform(0.5, 9.0) * rng.choice((-1, 1))
    new = round(exact + delta if exact + delta <= 100 else exact - abs(delta), 2)
    old = row.rate_pct
    row.rate_pct = new
    note = f"注入：执行率由{fmt_number(old)}%改为{fmt_number(new)}%，按全年执行数÷全年预算数应为{exact:.2f}%。"
    return Injected(t, [Want(Category.ARITHMETIC, Severity.ERROR, note, codes=["B101"])])


@mutation("fund-rows")
def m_fund_rows(t: EvaluationTable, rng: Random) -> Injected | None:
    col = rng.choice(("initial_budget", "full_year_budget", "executed"))
    label = {
        "initial_budget": "年初预算数",
        "full_year_budget": "全年预算数",
        "executed": "全年执行数",
    }
    if rng.random() < 0.5:
        row, name = t.funds.current_year_appropriation, "当年财政拨款"
        old = getattr(row, col)
        if not old:
            return None
        factor = 1 + rng.choice((-1, 1)) * rng.uniform(0.05, 0.6)
        new = r2(old * factor)
    else:
        which = rng.choice(("prior_year_carryover", "other"))
        row, name = (
            getattr(t.funds, which),
            {"prior_year_carryover": "上年结转资金", "other": "其他资金"}[which],
        )
        new = float(rng.randrange(10, 500) * 1000)
    setattr(row, col, new)
    note = (
        f"注入：{name}的{label[col]}改为{fmt_number(new)}，年度资金总额与各资金来源之和不再相符。"
    )
    return Injected(t, [Want(Category.ARITHMETIC, Severity.ERROR, note, codes=["F101"])])


@mutation("total")
def m_total(t: EvaluationTable, rng: Random) -> Injected | None:
    if t.total_score is None:
        return None
    old = t.total_score
    for _ in range(20):
        new = r2(old + rng.choice((-1, 1)) * rng.uniform(0.5, 6.0))
        if new <= 100 and grade_of(new) == grade_of(old) and abs(new - old) >= 0.5:
            break
    else:
        return None
    t.total_score = new
    note = (
        f"注入：总分由{fmt_number(old)}改为{fmt_number(new)}，与各项得分之和{fmt_number(old)}不符。"
    )
    return Injected(t, [Want(Category.ARITHMETIC, Severity.ERROR, note, codes=["T101"])])


@mutation("total-weight")
def m_total_weight(t: EvaluationTable, rng: Random) -> Injected | None:
    if t.total_weight is None:
        return None
    new = rng.choice((80.0, 90.0, 95.0, 105.0, 110.0, 120.0))
    t.total_weight = new
    note = f"注入：总分行分值由100改为{fmt_number(new)}，与各行分值之和100不符。"
    return Injected(t, [Want(Category.ARITHMETIC, Severity.ERROR, note, codes=["W104"])])


@mutation("weight")
def m_weight(t: EvaluationTable, rng: Random) -> Injected | None:
    rows = [i for i in t.indicators if full_marks(i) and (i.weight or 0) >= 3]
    ind = pick(rng, rows)
    if ind is None or ind.weight is None or t.total_weight is None:
        return None
    d = float(rng.randint(1, min(5, int(ind.weight) - 1)))
    old = ind.weight
    ind.weight = ind.score = old - d
    shift_total(t, -d)
    t.total_weight = t.total_weight - d
    note = f"注入：「{ind.name}」分值由{fmt_number(old)}改为{fmt_number(old - d)}（得分随之调整），全部分值合计为{fmt_number(100 - d)}，不等于100。"
    wants = [
        Want(Category.ARITHMETIC, Severity.ERROR, note, codes=["W101"]),
        Want(
            Category.INDICATOR,
            Severity.WARNING,
            "（连带）一级指标分值偏离默认权重。",
            codes=["W102"],
            optional=True,
        ),
    ]
    return Injected(t, wants)
