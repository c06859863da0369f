"""P112: a form's detail view (a system's 指标明细 sheet) printing its values otherwise.

The detail is the form's rows again, one per line; the parser pairs it with its form and
compares them value by value (``reviewer.parse.details``). Other rules do not review the detail
a second time: what it can be wrong about is differing from its form.
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewer.checks.context import Hit, TableContext, cell_evidence
from reviewer.checks.registry import rule
from reviewer.model import Category, Severity

# What the memo calls each compared value, the form's own label first where it prints one.
_FIELDS = {
    "target": "年度指标值",
    "actual": "实际完成值",
    "weight": "分值",
    "score": "得分",
    "full_year_budget": "全年预算数",
    "executed": "全年执行数",
}
_LISTED = 5  # mismatches named in the message; the rest counted


@rule(
    "P112",
    "明细与自评表不一致",
    "detail-mismatch",
    Category.CONSISTENCY,
    Severity.WARNING,
    "强制",
    "structure",
    what="同一项目的逐指标明细（系统导出的“指标明细”等）应与自评表逐项一致。",
    why="明细与自评表是同一份自评的两种排列；数值不一致说明其中一处填错或导出后被改动，"
    "无法确定以哪一处为准。",
    example="自评表中「受益农户数」实际完成值3260户，指标明细中为3206户。",
    fix="核对两处数值，以核实后的数值更正自评表和明细。",
    detail=True,
)
def detail_mismatch(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    detail = t.detail_of
    if detail is None or not detail.mismatches:
        return
    labels = t.labels
    parts = []
    for m in detail.mismatches[:_LISTED]:
        what = labels.get(m.field) or _FIELDS.get(m.field, m.field)
        subject = f"「{m.indicator}」{what}" if m.indicator else what
        parts.append(f"{subject}自评表为{m.form}，明细为{m.detail}")
    more = len(detail.mismatches) - _LISTED
    tail = f"等{len(detail.mismatches)}处" if more > 0 else ""
    named = {m.indicator for m in detail.mismatches}
    row = next((i for i in t.indicators if i.name in named), None) if len(named) == 1 else None
    yield Hit(
        f"本表是第{detail.table + 1}表的逐指标明细，有{len(detail.mismatches)}处数值与第"
        f"{detail.table + 1}表不一致：" + "；".join(parts) + tail + "。",
        found="；".join(parts) + tail,
        expected="与自评表一致",
        indicator=row,  # the one row the values differ on, if one
        evidence=cell_evidence(*(c for m in detail.mismatches[:_LISTED] for c in m.evidence)),
        suggestion="核对两处数值，以核实后的数值更正自评表和明细。",
    )
