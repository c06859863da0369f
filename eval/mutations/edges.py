"""Edges: each threshold and tolerance just inside and just outside, and the rules no other
mutation targets (F102, F103, month windows and deadlines, N103).

An *inside* document carries no required label: the review must report nothing new on it, and
any finding the mutation causes counts as a false positive. An *outside* one carries the label
of the threshold it crosses. The thresholds are the documented defaults (README.md,
``reviewer.config.Config``): the total may differ from the sum of the scores by 0.01; an actual
of 1.2 × the target is remarked on and 1.3 × needs a written reason; execution below 90 % needs
a reason; A == T meets a lower-is-better target (D3); a month window or deadline is met on its
last month (D7).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from random import Random

from eval.mutations import (
    EXEC_WORDS,
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
    mentions,
    mutation,
    number_text,
    pick,
    r2,
    rate_up,
    set_actual,
    set_target,
    shares_actual,
    shift_total,
    value_free,
)
from reviewer.model import Category, EvaluationTable, Indicator, Severity
from reviewer.numbers import fmt_number

# Sentences appended to 实际完成情况: text → (count announced, items listed)
ENUMERATIONS = {
    "全年重点服务五类对象：老年人、残疾人、未成年人、外来务工人员。": (5, 4),
    "围绕三个方面推进工作：制度建设、队伍建设、阵地建设、信息化建设。": (3, 4),
    "开展六类专项活动：普法讲座、法律咨询、案例宣讲、入户走访、主题展览。": (6, 5),
}
ENUMERATIONS_AGREE = (
    "全年重点服务四类对象：老年人、残疾人、未成年人、外来务工人员。",
    "围绕三个方面推进工作：制度建设、队伍建设、阵地建设。",
)


def _claimed(t: EvaluationTable) -> Decimal:
    """The sum the 总分 row must equal: every indicator score and the budget row's score."""
    parts = [i.score for i in t.indicators] + [t.funds.annual_total.score]
    return sum((Decimal(str(s)) for s in parts if s is not None), Decimal(0))


def _places(d: Decimal) -> int:
    exponent = d.as_tuple().exponent
    return -exponent if isinstance(exponent, int) else 0


def _total_off(t: EvaluationTable, rng: Random, off: str) -> float | None:
    """A total ``off`` from the sum, printed with as many decimals as the offset: a total that
    drops one (98.60 printed 98.6 for 98.62) is the sum rounded to fewer decimals, a remark."""
    if t.total_score is None:
        return None
    claimed = _claimed(t)
    places = _places(Decimal(off))
    for sign in rng.sample((1, -1), 2):
        new = float(claimed + sign * Decimal(off))
        if _places(Decimal(str(new)).normalize()) < places:
            continue
        if new <= 100 and grade_of(new) == grade_of(t.total_score) and new != t.total_score:
            return new
    return None


@mutation("total-outside")
def m_total_outside(t: EvaluationTable, rng: Random) -> Injected | None:
    new = _total_off(t, rng, "0.02")
    if new is None:
        return None
    t.total_score = new
    note = f"注入（阈值外侧）：总分改为{fmt_number(new)}，与各项得分之和{fmt_number(float(_claimed(t)))}相差0.02，超出0.01的容差。"
    return Injected(t, [Want(Category.ARITHMETIC, Severity.ERROR, note, codes=["T101"])])


@mutation("total-inside")
def m_total_inside(t: EvaluationTable, rng: Random) -> Injected | None:
    new = _total_off(t, rng, "0.01")
    if new is None:
        return None
    t.total_score = new
    return Injected(t, [])  # 0.01 is within the tolerance: nothing to report


def _over(
    t: EvaluationTable, rng: Random, lo: float, hi: float, severity: Severity, says: str
) -> Injected | None:
    """A clean higher-is-better row given an actual with lo <= A / T < hi, full marks kept."""
    rows = [
        i
        for i in clean_quantitative(t, "higher")
        if i.actual_value.unit != "%" or (i.target_value.number or 100) <= 75
    ]
    rng.shuffle(rows)
    for ind in rows:
        tn, unit = ind.target_value.number, ind.actual_value.unit
        assert tn is not None
        x = float(round(tn * (lo + hi) / 2))
        if not (is_count(unit) and tn >= 1):
            x = round(tn * (lo + hi) / 2, 2)
        if lo <= x / tn < hi and value_free(t, x, unit):
            set_actual(ind, number_text(x, unit))
            note = f"注入：「{ind.name}」实际完成值{ind.actual}为指标值{ind.target}的{x / tn:.3f}倍，{says}"
            return Injected(
                t, [Want(Category.EXPLANATION, severity, note, ind.name, codes=["S107"])]
            )
    return None


@mutation("over-1.31")
def m_over_outside(t: EvaluationTable, rng: Random) -> Injected | None:
    says = "（阈值外侧，≥1.3倍）得满分且未说明超额原因。"
    return _over(t, rng, 1.301, 1.32, Severity.WARNING, says)


@mutation("over-1.29")
def m_over_inside(t: EvaluationTable, rng: Random) -> Injected | None:
    says = "（阈值内侧，1.2–1.3倍）可提示指标值可能偏低，尚不须书面说明。"
    return _over(t, rng, 1.28, 1.2995, Severity.INFO, says)


def _execution(t: EvaluationTable, pct: str, exact_cents: bool) -> bool:
    """Set the executed amount to ``pct`` % of the budget (rate, score and total follow): exactly,
    or to the cent below; False when exactly is asked and the budget has no such amount in
    cents, or when the table explains its execution or is below 95 % already."""
    row, sub = t.funds.annual_total, t.funds.current_year_appropriation
    exact = exact_rate(t)
    if exact is None or exact < 95 or mentions(t, EXEC_WORDS) or row.score is None:
        return False
    assert row.full_year_budget is not None and row.weight is not None
    executed = Decimal(str(row.full_year_budget)) * Decimal(pct) / 100
    if exact_cents:
        if executed != executed.quantize(Decimal("0.01")):
            return False
    else:  # to the cent below: the rate is a hair under ``pct``
        executed = executed.quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    row.executed = sub.executed = float(executed)
    new_exact = float(executed / Decimal(str(row.full_year_budget)) * 100)
    row.rate_pct = rate_up(new_exact)
    old = row.score
    row.score = r2(new_exact * row.weight / 100)
    shift_total(t, row.score - old)
    return True


@mutation("execution-outside")
def m_execution_outside(t: EvaluationTable, rng: Random) -> Injected | None:
    if not _execution(t, "89.9", exact_cents=False):
        return None
    note = "注入（阈值外侧）：全年执行数改为全年预算数的89.9%（执行率与得分随之调整），低于90%，表中未说明原因。"
    wants = [
        Want(Category.EXPLANATION, Severity.WARNING, note, codes=["B104"]),
        knock_on(Category.CONSISTENCY, Severity.WARNING, "执行率低但指标得分高。", None, "B105"),
    ]
    return Injected(t, wants)


@mutation("execution-inside")
def m_execution_inside(t: EvaluationTable, rng: Random) -> Injected | None:
    if not _execution(t, "90", exact_cents=True):
        return None
    return Injected(t, [])  # exactly 90 %: not below the threshold


@mutation("lower-equal")
def m_lower_equal(t: EvaluationTable, rng: Random) -> Injected | None:
    """A == T on a lower-is-better row: met (D3), full marks, nothing to report."""
    lower = [
        i for i in clean_quantitative(t, "lower") if i.actual_value.number != i.target_value.number
    ]
    equal = [
        i
        for i in clean_quantitative(t, "higher")
        if i.actual_value.number == i.target_value.number and i.target_value.number
    ]
    ind = pick(rng, lower or equal)
    if ind is None or ind.target_value.number is None:
        return None
    unit = ind.target_value.unit
    if ind in lower:
        set_actual(ind, number_text(ind.target_value.number, ind.actual_value.unit))
    else:
        set_target(ind, f"<={fmt_number(ind.target_value.number)}{unit}")
    if direction(ind.target_value) != "lower" or shares_actual(t, ind):
        return None
    return Injected(t, [])


@mutation("executed-over-budget")
def m_executed_over_budget(t: EvaluationTable, rng: Random) -> Injected | None:
    row, sub = t.funds.annual_total, t.funds.current_year_appropriation
    if not row.full_year_budget or row.weight is None or row.score is None:
        return None
    x = r2(row.full_year_budget * rng.uniform(1.03, 1.3))
    row.executed = sub.executed = x
    row.rate_pct = rate_up(x / row.full_year_budget * 100)
    old = row.score
    row.score = row.weight  # the rate is capped at 100 % in the score (B3)
    shift_total(t, row.score - old)
    if t.total_score is not None and t.total_score > 100:
        return None
    note = f"注入：全年执行数改为{fmt_number(x)}，超过全年预算数{fmt_number(row.full_year_budget)}（执行率{fmt_number(row.rate_pct)}%）。"
    return Injected(t, [Want(Category.ARITHMETIC, Severity.WARNING, note, codes=["F102"])])


@mutation("budget-missing")
def m_budget_missing(t: EvaluationTable, rng: Random) -> Injected | None:
    row, sub = t.funds.annual_total, t.funds.current_year_appropriation
    if not row.full_year_budget:
        return None
    row.full_year_budget = sub.full_year_budget = None
    note = "注入：年度资金总额（及当年财政拨款）的全年预算数留空，执行率无从计算。"
    return Injected(t, [Want(Category.ARITHMETIC, Severity.ERROR, note, codes=["F103"])])


def _window_row(t: EvaluationTable, rng: Random) -> tuple[Indicator, str, int] | None:
    """A clean qualitative timeliness row made a month window (``4-10月``) or a deadline
    (``10月``); returns the row, the target's text and the last month it allows."""
    rows = [i for i in clean_qualitative(t) if "时" in i.name]
    ind = pick(rng, rows)
    if ind is None:
        return None
    last = rng.randint(6, 11)
    target = f"{rng.randint(1, 4)}-{last}月" if rng.random() < 0.5 else f"{last}月"
    set_target(ind, target)
    return ind, target, last


@mutation("window-inside")
def m_window_inside(t: EvaluationTable, rng: Random) -> Injected | None:
    got = _window_row(t, rng)
    if got is None:
        return None
    ind, _, last = got
    set_actual(ind, f"{last}月")  # the last month the window allows: met
    return Injected(t, [])


@mutation("window-outside")
def m_window_outside(t: EvaluationTable, rng: Random) -> Injected | None:
    got = _window_row(t, rng)
    if got is None:
        return None
    ind, target, last = got
    set_actual(ind, f"{last + 1}月")
    note = f"注入（阈值外侧）：「{ind.name}」年度指标值{target}，实际{ind.actual}，晚于期限一个月，仍得满分{fmt_number(ind.score)}分。"
    wants = [
        Want(Category.SCORING, Severity.ERROR, note, ind.name, codes=["S102"]),
        knock_on(Category.EXPLANATION, Severity.ERROR, "未达成而偏差原因空白。", ind.name, "E101"),
    ]
    return Injected(t, wants)


def _enumerate(t: EvaluationTable, sentence: str) -> None:
    t.goal_actual = t.goal_actual.rstrip("。") + "。" + sentence


@mutation("enumeration")
def m_enumeration(t: EvaluationTable, rng: Random) -> Injected | None:
    if not t.goal_actual:
        return None
    text = draw(rng, tuple(ENUMERATIONS))
    announced, listed = ENUMERATIONS[text]
    _enumerate(t, text)
    note = f"注入：实际完成情况写“{text}”，称{announced}项而列举{listed}项。"
    return Injected(t, [Want(Category.CONSISTENCY, Severity.WARNING, note, codes=["N103", "L105"])])


@mutation("enumeration-agrees")
def m_enumeration_agrees(t: EvaluationTable, rng: Random) -> Injected | None:
    if not t.goal_actual:
        return None
    _enumerate(t, draw(rng, ENUMERATIONS_AGREE))
    return Injected(t, [])  # the count agrees with the items listed
