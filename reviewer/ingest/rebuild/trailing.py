"""Category labels a copy printed after the rows they span.

A PDF viewer may copy a merged 一级 or 二级 cell once its rows are done: the rows of 数量指标
first, then 数量指标, and the 一级 label after the last of its 二级 groups (…经费 / 5 / 经济成本指标 /
产出指标). Read in that order every row would take the labels of the group before it. The
copy shows itself: its first row opens with no label and its last cells before 总分 are labels
no row follows. Each label is then put back before the rows it spans: a 二级 one after the
labels or rows before its group, a 一级 one where its 一级 group began.
"""

from __future__ import annotations

from reviewer.ingest.rebuild import cells as cl
from reviewer.ingest.rebuild.tokenise import Token
from reviewer.parse import labels as lb


def _level(t: Token, after_l2: bool = False) -> lb.LabelKind | None:
    """The label's level (一级, 二级) when ``t`` is surely a category label, not a name; one
    of either level (满意度指标) is the 一级 after a 二级 (服务对象满意度指标 / 满意度指标)."""
    c = cl.look(t.text)
    if c.bare or c.own_row:
        return None
    if c.label is lb.LabelKind.AMBIGUOUS:
        return lb.LabelKind.L1 if after_l2 else lb.LabelKind.L2
    return c.label if c.label in (lb.LabelKind.L1, lb.LabelKind.L2) else None


def labels_before_rows(body: list[Token]) -> list[Token]:
    """``body`` (the indicator section's cells after its header) with labels printed after
    their rows put before them; as it is when they are not (see the module's doc)."""
    shown = [t for t in body if not t.empty]
    if len(shown) < 2 or _level(shown[0]) is not None or _level(shown[-1]) is None:
        return body
    out: list[Token] = []
    l1_at = l2_at = 0  # where the current 一级 and 二级 groups began in ``out``
    before: lb.LabelKind | None = None  # the level of the cell before, a label's
    for t in body:
        if t.empty:
            out.append(t)
            continue
        level = _level(t, before is lb.LabelKind.L2)
        before = level
        if level is lb.LabelKind.L2:
            out.insert(l2_at, t)
            l2_at = len(out)
        elif level is lb.LabelKind.L1:
            out.insert(l1_at, t)
            l1_at = l2_at = len(out)
        else:
            out.append(t)
    return out
