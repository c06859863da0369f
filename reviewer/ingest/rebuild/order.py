"""Whether a text dump kept the form's reading order.

Some PDF text dumps print a table's cells in drawing order, not reading order: labels after
their values, 年度资金总额 after 其他资金, the funds block's label after its columns. Rows
cannot be rebuilt from such a stream without guessing. The form fixes a few orders that hold
in every family; a table breaking two of them is scrambled, and the first break is named.
"""

from __future__ import annotations

from reviewer.forms.vocabulary import key
from reviewer.ingest.rebuild.anchors import Kind, is_title, kinds
from reviewer.ingest.rebuild.tokenise import Token

_TOTAL_ROW = ("年度资金总额", "资金总额", "年度财政资金总额")
_PART_ROWS = ("当年财政拨款", "本年财政拨款", "上年结转", "其他资金")
_GOAL_BLOCK = "年度总体目标"
_GOAL_PARTS = ("预期目标", "年初设定目标", "实际完成情况")
_MIN_BREAKS = 2


def first_break(tokens: list[Token]) -> tuple[str, str] | None:
    """(label, the label it should precede) for the first of at least two breaks of the
    form's order within one table; None when the order holds."""
    breaks: list[tuple[str, str]] = []
    seen: dict[str, str] = {}  # what kind of label was seen (by group) → its text
    for t in tokens:
        if t.empty:
            continue
        if is_title(t.text):
            if len(breaks) >= _MIN_BREAKS:
                return breaks[0]
            breaks, seen = [], {}
            continue
        k = key(t.text)
        ks = kinds(t.text)
        if any(word in k for word in _TOTAL_ROW) and Kind.FUND_ROW in ks and "parts" in seen:
            breaks.append((t.text, seen["parts"]))
        elif any(word in k for word in _PART_ROWS) and Kind.FUND_ROW in ks:
            seen.setdefault("parts", t.text)
        if Kind.FUND_BLOCK in ks and "columns" in seen:
            breaks.append((t.text, seen["columns"]))
        elif Kind.FUND_ONLY in ks:
            seen.setdefault("columns", t.text)
        if k == _GOAL_BLOCK and "goals" in seen:
            breaks.append((t.text, seen["goals"]))
        elif k in _GOAL_PARTS:
            seen.setdefault("goals", t.text)
    return breaks[0] if len(breaks) >= _MIN_BREAKS else None
