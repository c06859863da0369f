"""A row's own verdicts and figures against what its actual and points show: a row marked done
(单项指标完成情况 完成, 是否完成 是) whose actual misses the target (S112), a printed 完成率 that
is not the actual over the target (S113), a Hebei 折算得分 that is not its 单项指标得分 times its
权重占比 (S114), a 得分 that is not its 分值 less its 扣分 on a form scored by deduction (S115)."""

from __future__ import annotations

from collections.abc import Iterator

from reviewer.checks.context import (
    Hit,
    TableContext,
    cell_evidence,
    ilabel,
    indicator_evidence,
    labelled_cell,
    scores_execution,
)
from reviewer.checks.recompute import Direction, expect
from reviewer.checks.registry import rule
from reviewer.forms.vocabulary import key
from reviewer.lazyre import lazy_compile
from reviewer.model import Category, CellRef, Indicator, Severity
from reviewer.numbers import fmt, fmt_cents
from reviewer.parse.values import decimals, parse_number, parse_percent, rounds_to

# The column a form prints each row's verdict in (单项指标完成情况, 是否完成, 是否达成; a scan's
# 完戍 for 完成), not its rate (完成率) or its figure (完成值).
_VERDICT_LABEL = lazy_compile(r"完[成戍]情况$|是否(?:完成|达成|达标|实现)$")
# A verdict that says the target was reached; 基本完成 and 部分完成 say it was not quite.
_DONE = frozenset(
    {"完成", "已完成", "全部完成", "超额完成", "是", "达成", "已达成", "达标", "已达标"}
)


def _verdict(i: Indicator) -> CellRef | None:
    return labelled_cell(i, ("完", "是否"), _VERDICT_LABEL)


def _measured(i: Indicator) -> bool:
    """A target and an actual in figures or dates: a state in words (明显改善 against 旱厕基本
    清除) is a reviewer's judgement, not a verdict the row contradicts."""
    return any(ch.isdigit() for ch in i.target) and any(ch.isdigit() for ch in i.actual)


@rule(
    "S112",
    "完成情况标注与完成值不符",
    "verdict-vs-actual",
    Category.CONSISTENCY,
    Severity.WARNING,
    "建议",
    "consistency",
    what="指标行在“单项指标完成情况”“是否完成”“是否达成”等栏标注为完成（完成、已完成、是、达成），而实际完成值未达到年度指标值。"
    "“基本完成”“部分完成”不视为标注完成；指标值或完成值没有数字或日期的（定性表述），以及无法判断是否达到指标值的（单位不同），不报告。",
    why="完成情况栏是该指标自评结论的一部分；完成值未达到指标值却标注完成，自评结论与填报数据矛盾，"
    "常伴随不按比例扣分（见S102）。",
    example="年度指标值≥65%，实际完成值61.8%，“是否完成”栏填“是”。",
    fix="如实标注完成情况（未完成或部分完成），并按评分规则扣分、说明偏差原因。",
)
def verdict_vs_actual(ctx: TableContext) -> Iterator[Hit]:
    for i in ctx.table.indicators:
        ref = _verdict(i)
        if ref is None or key(ref.text) not in _DONE or not _measured(i):
            continue
        if ctx.met(i) is not False:
            continue
        yield Hit(
            f"{ilabel(i)}年度指标值{i.target}，实际完成值{i.actual}，未达到指标值，"
            f"完成情况却标注为“{ref.text}”。",
            indicator=i,
            expected="未完成",
            found=ref.text,
            evidence=indicator_evidence(i, "target", "actual") + cell_evidence(ref),
            suggestion="如实标注完成情况，并按评分规则扣分、说明偏差原因。",
        )


# A row's own rate of completion (完成率, 指标完成率), printed beside its actual.
_RATE_LABEL = lazy_compile(r"^(?:指标|单项指标)?完成率(?:\(%\))?$")
_FRACTION_TOP = 1.5  # a rate printed as a fraction of one (1 for 100 %, 0.9 for 90 %)
_WHOLE = 0.5  # percentage points: a rate printed whole (96%) is within them


def _rate(i: Indicator) -> CellRef | None:
    return labelled_cell(i, ("率",), _RATE_LABEL)


@rule(
    "S113",
    "完成率计算有误",
    "completion-rate",
    Category.ARITHMETIC,
    Severity.ERROR,
    "强制",
    "score",
    what="指标行填报的完成率，与实际完成值÷年度指标值不符（按所填小数位取舍；超额完成的行填100%视为封顶，不报告）。"
    "只核对越高越好、指标值与完成值为同一单位数字的行。",
    why="完成率是按比例计分的依据；完成率算错（分子分母颠倒、抄错数字），得分随之出错，或把未完成写成超额完成。",
    example="年度指标值≥40座，实际完成值34座，完成率填95.00%（应为85.00%）。",
    fix="按实际完成值÷年度指标值重新计算完成率，并据此核对得分。",
)
def completion_rate(ctx: TableContext) -> Iterator[Hit]:
    for i in ctx.table.indicators:
        ref = _rate(i)
        if ref is None or (printed := parse_percent(ref.text)) is None:
            continue
        # (a form without 分值, a transfer's: the ratio all the same)
        e = ctx.expect(i) if i.weight else expect(i.model_copy(update={"weight": 1.0}), ctx.config)
        if e.direction is not Direction.HIGHER or e.ratio is None:
            continue
        if "%" not in ref.text and "％" not in ref.text and printed <= _FRACTION_TOP:
            printed *= 100  # (1 for 100 %)
        rate = e.ratio * 100
        if _agrees(ref.text, printed, rate) or (rate >= 100 and _agrees(ref.text, printed, 100.0)):
            continue
        # (both past 100 %: the row's points are its full weight either way)
        over = printed >= 100 and rate >= 100
        yield Hit(
            f"{ilabel(i)}年度指标值{i.target}，实际完成值{i.actual}，完成率应为{fmt_cents(rate)}%，"
            f"填报为{ref.text}{'（均已超过100%，不影响得分）' if over else ''}。",
            severity=Severity.INFO if over else None,
            indicator=i,
            expected=f"{fmt_cents(rate)}%",
            found=ref.text,
            evidence=indicator_evidence(i, "target", "actual") + cell_evidence(ref),
            suggestion="按实际完成值÷年度指标值重新计算完成率，并据此核对得分。",
        )


def _agrees(text: str, printed: float, rate: float) -> bool:
    """``printed`` is ``rate`` as the cell prints it: rounded or cut to its decimals (a whole
    number within half a point)."""
    shown = decimals(text)
    if shown == 0:
        return abs(printed - rate) <= _WHOLE
    return rounds_to(text, printed, rate) or abs(printed - rate) < 10.0**-shown


# A Hebei row's score out of 100 (单项指标得分), from which its points (折算得分) are worked.
_ITEM_LABEL = lazy_compile(r"单项(?:指标)?得分$")


def _item_score(i: Indicator) -> CellRef | None:
    return labelled_cell(i, ("单项",), _ITEM_LABEL)


@rule(
    "S114",
    "折算得分计算有误",
    "converted-score",
    Category.ARITHMETIC,
    Severity.ERROR,
    "强制",
    "score",
    what="印有单项指标得分（百分制）和权重占比的指标行（河北表式），折算得分应等于单项指标得分 × 权重占比"
    "（按所填小数位取舍）。",
    why="折算得分是计入总分的分数；与单项指标得分和权重不符，总分随之出错。",
    example="单项指标得分92，权重占比15%，折算得分应为13.80，表中为14.80。",
    fix="按单项指标得分 × 权重占比重新计算折算得分，并核对合计。",
)
def converted_score(ctx: TableContext) -> Iterator[Hit]:
    for i in ctx.table.indicators:
        ref = _item_score(i)
        if ref is None or i.weight is None or i.score is None or scores_execution(i):
            continue  # (the 预算执行率 row's points are the execution's: B103 works them out)
        item = parse_number(ref.text)
        if item is None or not 0 <= item <= _FULL_ITEM:
            continue
        due = item * i.weight / _FULL_ITEM
        printed = i.cells.get("score")
        text = printed.text if printed is not None else fmt(i.score)
        if abs(i.score - due) < _CENT or rounds_to(text, i.score, due):
            continue
        yield Hit(
            f"{ilabel(i)}单项指标得分{ref.text}，权重占比{fmt(i.weight)}%，折算得分应为{fmt_cents(due)}，"
            f"填报为{text}。",
            indicator=i,
            expected=fmt_cents(due),
            found=text,
            evidence=cell_evidence(ref) + indicator_evidence(i, "weight", "score"),
            suggestion="按单项指标得分 × 权重占比重新计算折算得分，并核对合计。",
        )


_FULL_ITEM = 100.0
_CENT = 0.005


# The points a form scored by deduction takes off a row (扣分, 扣分值, 扣减分值).
_DEDUCTION_LABEL = lazy_compile(r"^(?:扣分|扣分值|扣分数|扣减分值?)$")


def deduction_cell(i: Indicator) -> CellRef | None:
    """Row ``i``'s 扣分 cell, on a form scored by deduction."""
    return labelled_cell(i, ("扣",), _DEDUCTION_LABEL)


@rule(
    "S115",
    "得分与扣分不符",
    "score-less-deduction",
    Category.ARITHMETIC,
    Severity.ERROR,
    "强制",
    "score",
    what="按扣分计分的表式（分值 | 扣分 | 得分），每个指标的得分应等于分值减去扣分；资金部分印有扣分的，"
    "预算执行得分也应等于其分值减去扣分。",
    why="得分由扣分算出；两者不符，扣分或得分必有一处填错，总分随之出错。",
    example="分值8分，扣分2分，得分填5分（应为6分）。",
    fix="核对扣分，按分值减扣分填写得分。",
    funds=True,
)
def score_less_deduction(ctx: TableContext) -> Iterator[Hit]:
    for i in ctx.table.indicators:
        ref = deduction_cell(i)
        if (off := _less_deduction(i.weight, ref, i.score)) is None:
            continue
        taken, due = off
        assert i.weight is not None and i.score is not None and ref is not None
        yield Hit(
            f"{ilabel(i)}分值{fmt(i.weight)}分、扣分{fmt(taken)}分，得分应为{fmt(due)}分，"
            f"表中填{fmt(i.score)}分。",
            indicator=i,
            expected=fmt(due),
            found=fmt(i.score),
            evidence=[*indicator_evidence(i, "weight"), *cell_evidence(ref, i.cells.get("score"))],
            suggestion="按分值减扣分填写得分，或改正扣分。",
        )
    row = ctx.table.funds.annual_total
    ref = row.cells.get("deduction")
    if (off := _less_deduction(row.weight, ref, row.score)) is None:
        return
    taken, due = off
    assert row.weight is not None and row.score is not None and ref is not None
    yield Hit(
        f"预算执行分值{fmt(row.weight)}分、扣分{fmt(taken)}分，得分应为{fmt(due)}分，"
        f"表中填{fmt(row.score)}分。",
        expected=fmt(due),
        found=fmt(row.score),
        evidence=cell_evidence(row.cells.get("weight"), ref, row.cells.get("score")),
        suggestion="按分值减扣分填写预算执行得分，或改正扣分。",
    )


def _less_deduction(
    weight: float | None, ref: CellRef | None, score: float | None
) -> tuple[float, float] | None:
    """(扣分, the score due: 分值 less it) where the printed score is not that; None where it
    is, or where a figure is missing."""
    taken = parse_number(ref.text) if ref is not None else None
    if weight is None or score is None or taken is None or abs(weight - taken - score) <= _CENT:
        return None
    return taken, round(weight - taken, 2)
