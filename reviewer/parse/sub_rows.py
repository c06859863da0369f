"""其中 rows whose points are part of the row above's.

An indicator broken down into parts prints them under it as 其中：… rows. Some forms score the
parts on their own and add them in (注：“其中”行单独计分并计入总分); others print the parts'
points only to show how the row above's are made up (注：“其中”行…分值已含在上一行内，不计入小计和
总分). Added in, the second kind makes every sum wrong: the weights no longer make 100, the
subtotals and the 总分 no longer add up. A part is within the row above's where the table's note
says so, or, without a note either way, where the points add up to the form's only without the
parts (each parent's points holding its parts'). Such rows keep their points and are judged on
their own, but no sum adds them (``Indicator.within_above``).
"""

from __future__ import annotations

from typing import Any

from reviewer.lazyre import lazy_compile

_PART = lazy_compile(r"^\s*其中\s*[:：、]?")
# A note that the parts' points are inside their parent's: …已包含在上一行指标内, …含在上一项内,
# 不重复计分, 不计入小计和总分, 不另行计入
_WITHIN = lazy_compile(
    r"其中.{0,60}?(?:(?:已|均)?(?:包含|含)(?:在|于)|已含|不重复计|不(?:另行|再|单独)?计入)"
)
# …and that they are added in: 计入所属一级指标小计和总分, 单独计分并计入总分
_ADDED = lazy_compile(
    r"其中.{0,60}?(?:(?<![不未复行再独])计入(?:所属|各|其)?.{0,8}(?:小计|合计|总分)|单独计分)"
)
_EPSILON = 0.005


def is_part(name: str) -> bool:
    """A row's name that opens with 其中 (其中：单村供水工程): a part of the row above."""
    return _PART.match(name) is not None


def parent_index(names: list[str], k: int) -> int | None:
    """The row a part (row ``k``) is of: the nearest above that is no part; None for none."""
    return next((j for j in range(k - 1, -1, -1) if not is_part(names[j])), None)


def mark_within_above(t: dict[str, Any], total_points: float) -> None:
    """Set ``within_above`` on the 其中 rows of the table being built (``t``, the parser's
    dict) whose points are part of the row above's; ``total_points`` the form's (100)."""
    rows: list[dict[str, Any]] = t["indicators"]
    parts = [k for k, r in enumerate(rows) if k and _has_points(r) and is_part(r["name"])]
    if not parts:
        return
    notes = [n for n in t.get("notes", ()) if "其中" in n]
    if any(_ADDED.search(n) for n in notes):
        return
    if not any(_WITHIN.search(n) for n in notes) and not _add_up_without(t, parts, total_points):
        return
    for k in parts:
        rows[k]["within_above"] = True


def _has_points(row: dict[str, Any]) -> bool:
    return row.get("weight") is not None or row.get("score") is not None


def _add_up_without(t: dict[str, Any], parts: list[int], total_points: float) -> bool:
    """The weights (or, without them, the scores) make the form's points, or its 总分, only
    without the parts, and each parent's points hold its parts'."""
    rows: list[dict[str, Any]] = t["indicators"]
    budget = t["funds"]["annual_total"]
    if not _parents_hold(rows, parts):
        return False
    for field, whole in (("weight", total_points), ("score", t.get("total_score"))):
        values: list[float | None] = [r.get(field) for r in rows]
        if whole is None or any(v is None for k, v in enumerate(values) if k not in parts):
            continue
        every = sum(v or 0.0 for v in values) + float(budget.get(field) or 0.0)
        within = every - sum(values[k] or 0.0 for k in parts)
        return abs(every - float(whole)) > _EPSILON and abs(within - float(whole)) <= _EPSILON
    return False


def _parents_hold(rows: list[dict[str, Any]], parts: list[int]) -> bool:
    """Each parent's weight is at least its parts' together."""
    names = [r["name"] for r in rows]
    held: dict[int, float] = {}
    for k in parts:
        parent = parent_index(names, k)
        if parent is None:
            return False
        held[parent] = held.get(parent, 0.0) + (rows[k].get("weight") or 0.0)
    return all(
        (weight := rows[p].get("weight")) is not None and points <= weight + _EPSILON
        for p, points in held.items()
    )
