"""N: 年度总体目标 — what the 实际完成情况 says against the 预期目标 (E3)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from reviewer.checks.context import Hit, TableContext, cell_evidence
from reviewer.checks.registry import rule
from reviewer.model import Category, Evidence, Severity
from reviewer.textnorm import fold


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams: 1.0 for identical texts, linear time."""
    a, b = fold(a), fold(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if min(len(a), len(b)) < 2:
        return 0.0
    ba = Counter(a[i : i + 2] for i in range(len(a) - 1))
    bb = Counter(b[i : i + 2] for i in range(len(b) - 1))
    total = sum(ba.values()) + sum(bb.values())
    return 2 * sum((ba & bb).values()) / total if total else 0.0


@rule(
    "N101",
    "实际完成情况照抄预期目标",
    "actual-copies-goal",
    Category.CONSISTENCY,
    Severity.WARNING,
    "强制",
    "consistency",
    what="实际完成情况与预期目标完全相同或几乎相同（相似度默认≥0.8，可配置）。",
    why="实际完成情况应逐项说明目标的完成结果和数据，而不是重复预期目标；照抄说明没有真正自评。",
    example="预期目标与实际完成情况都是“为贯彻落实《法律援助条例》的精神……”。",
    fix="逐项写明预期目标的实际完成结果，附具体数量、时间和效果。",
)
def actual_copies_goal(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    if not t.goal_expected or not t.goal_actual:
        return
    la, lb = len(t.goal_expected), len(t.goal_actual)
    if 2 * min(la, lb) / (la + lb) < ctx.thresholds.copy_similarity - 0.05:
        return  # lengths alone rule out a copy (the slack covers whitespace folded away)
    score = similarity(t.goal_expected, t.goal_actual)
    if score < ctx.thresholds.copy_similarity:
        return
    identical = fold(t.goal_expected) == fold(t.goal_actual)
    what = "与预期目标完全相同" if identical else f"与预期目标几乎相同（相似度{score:.2f}）"
    evidence = cell_evidence(t.cells.get("goal_expected"), t.cells.get("goal_actual"))
    if not evidence:
        evidence = [Evidence(quote=t.goal_actual)]
    yield Hit(
        "N101",
        f"实际完成情况{what}，未说明目标的实际完成结果。",
        expected=f"相似度 < {ctx.thresholds.copy_similarity:g}",
        found=f"{score:.2f}",
        evidence=evidence,
        suggestion="逐项写明预期目标的实际完成结果，附具体数量、时间和效果。",
        severity=Severity.ERROR if identical else Severity.WARNING,
    )
