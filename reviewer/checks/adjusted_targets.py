"""A target eased during the year (年初目标值 ≥12000亩, 调整后 ≥10500亩) to what the row then
reached, with no reason or approval given for the change (W109)."""

from __future__ import annotations

from collections.abc import Iterator

from reviewer.checks.context import (
    Hit,
    TableContext,
    cell_evidence,
    ilabel,
    indicator_evidence,
    labelled_cell,
)
from reviewer.checks.explanations import explanation_of
from reviewer.checks.registry import rule
from reviewer.lazyre import lazy_compile
from reviewer.model import Category, CellRef, Indicator, Operator, ParsedValue, Severity
from reviewer.parse.indicators import INITIAL_TARGET
from reviewer.parse.values import parse_value
from reviewer.units import factor, norm_unit, scale_of

# An explanation that tells of the change (调整, 调减, 批复): the reviewer reads it there.
_CHANGE_TOLD = lazy_compile(r"调[整减低]|变更|批复|批准|同意")


def _initial(i: Indicator) -> CellRef | None:
    return labelled_cell(i, ("原", "年初"), INITIAL_TARGET)


def _figure(v: ParsedValue, first: ParsedValue) -> float | None:
    """The value's figure in the year's first target's unit (1.05万亩 against ≥12000亩 as
    10500), or None."""
    if v.number is None or v.upper is not None:
        return None
    a, b = norm_unit(first.unit), norm_unit(v.unit)
    if a and b and a != b and factor(b, a) is None:
        return None  # (个 against 处: no comparison of the figures)
    return v.number * scale_of(first, v)


@rule(
    "W109",
    "年中调低指标值未说明",
    "target-eased-unexplained",
    Category.INDICATOR,
    Severity.WARNING,
    "建议",
    "design",
    what="同一行印有年初目标值和调整后的指标值，调整后的指标值比年初的容易达到（越高越好的调低、越低越好的调高），"
    "实际完成值达到调整后的指标值却未达到年初目标值，而偏差原因栏没有说明调整（调整、调减、变更、批复）。",
    why="年中调低指标值使未完成的指标显得已完成；调整须有理由并经批准，否则应按年初目标值评价。",
    example="年初目标值≥12000亩，调整后≥10500亩，实际完成10500亩，偏差原因栏空白。",
    fix="说明调整指标值的原因和批准文件；未经批准的，按年初目标值评价和计分。",
)
def target_eased_unexplained(ctx: TableContext) -> Iterator[Hit]:
    for i in ctx.table.indicators:
        ref = _initial(i)
        if ref is None or ref.text == i.target:
            continue
        first, now, actual = parse_value(ref.text), i.target_value, i.actual_value
        if first.operator != now.operator or now.operator not in (Operator.GE, Operator.LE):
            continue
        a, b, x = first.number, _figure(now, first), _figure(actual, first)
        if a is None or b is None or x is None or a == b:
            continue
        higher = now.operator is Operator.GE
        eased = b < a if higher else b > a
        reached_now = x >= b if higher else x <= b
        missed_first = x < a if higher else x > a
        if not (eased and reached_now and missed_first):
            continue
        if _CHANGE_TOLD.search(explanation_of(i, ctx)) is not None:
            continue
        yield Hit(
            f"{ilabel(i)}年初目标值{ref.text}，调整为{i.target}，实际完成值{i.actual}"
            "达到调整后的指标值而未达到年初目标值，偏差原因栏未说明调整的理由和批准情况。",
            indicator=i,
            expected=ref.text,
            found=i.target,
            evidence=cell_evidence(ref) + indicator_evidence(i, "target", "actual"),
            suggestion="说明调整指标值的原因和批准文件；未经批准的，按年初目标值评价和计分。",
        )
