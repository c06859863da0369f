"""A 部门整体 form's 年度主要任务 block in a stream of cells: its header, then a row per task.

The header is the block's label (年度主要任务, in column 1) and its columns' labels (任务名称 |
主要内容 | 预算数 | 执行数, from column 2), a unit note wrapped under a label (预算数 / （万元）)
joining it. A task is its words (the name, then what it covers, wrapped over lines as the
column's width cut it) and then its amounts; the next task's name after them starts the next
row. A 合计 row, its amounts and no name, ends the block, as does any other part's anchor.
"""

from __future__ import annotations

from functools import reduce
from typing import TYPE_CHECKING

from reviewer.forms.vocabulary import unnumbered
from reviewer.ingest.rebuild.anchors import ENDS, kinds
from reviewer.ingest.rebuild.funds import is_value
from reviewer.ingest.rebuild.indicators import Placed
from reviewer.ingest.rebuild.tokenise import Token, merge
from reviewer.parse.labels import UNIT_AFTER, is_total_word
from reviewer.parse.tasks import BLOCK, VALUES, task_role

if TYPE_CHECKING:
    from reviewer.ingest.rebuild.rows import Builder

_FIRST = 2  # the first column's index after the block's label


def read_tasks(b: Builder, i: int) -> int:
    """The block from its label (or its 任务名称); the index after it. A label no header of
    the block follows is a cell of its own."""
    toks = b.toks
    head: list[Placed] = []
    roles: list[str] = []
    j = i
    while j < len(toks):
        t = toks[j]
        if t.empty:
            j += 1
            continue
        role = task_role(t.text)
        if role is not None and role not in roles:
            roles.append(role)
            head.append(Placed(t, _FIRST + len(roles) - 1))
        elif not roles and not head and unnumbered(t.text) in BLOCK:
            head.append(Placed(t, 1))
        elif roles and UNIT_AFTER.fullmatch(t.text):
            head[-1] = Placed(merge(head[-1].token, t), head[-1].column)
        else:
            break
        j += 1
    texts = [r for r in roles if r not in VALUES]
    amounts = [r for r in roles if r in VALUES]
    if "name" not in roles or not set(amounts) - {"rate_pct"} or roles != texts + amounts:
        b.free(toks[i])  # no header of the block's (or its amounts before its words)
        return i + 1
    b.close()
    b.rows.append(head)
    column = {role: _FIRST + k for k, role in enumerate(roles)}
    while j < len(toks):
        found = _task(toks, j, len(amounts))
        if found is None:
            break
        label, words, values, j = found
        total = is_total_word(words[0].text)
        # values beyond the amounts' count stand in the words' columns (合计 | — | 2937.80 …)
        spare = len(values) - len(amounts)
        cells = words + values[:spare] if spare > 0 else words
        row = [Placed(label, 1)] if label is not None else []
        row.append(Placed(cells[0], column["name"]))
        rest = cells[1:]
        if rest and "content" in column:
            row.append(Placed(reduce(merge, rest), column["content"]))
        elif rest:
            row[-1] = Placed(reduce(merge, cells), column["name"])
        for role, t in zip(amounts, values[max(spare, 0) :], strict=False):
            row.append(Placed(t, column[role]))
        b.rows.append(row)
        if total:
            break
    return j


def _task(
    toks: list[Token], j: int, amounts: int
) -> tuple[Token | None, list[Token], list[Token], int] | None:
    """A task's words and its values from ``j``, and the index after them, the block's label
    first where the row prints it again (a merged cell's copy per row); None where no task
    starts (another part's anchor, a value first)."""
    label: Token | None = None
    words: list[Token] = []
    values: list[Token] = []
    k = j
    while k < len(toks):
        t = toks[k]
        if t.empty:
            k += 1
            continue
        if is_value(t.text):
            if not words:
                return None
            values.append(t)
        elif values:
            break  # the next task's name
        elif not words and label is None and unnumbered(t.text) in BLOCK:
            label = t
        elif kinds(t.text) & ENDS and not (not words and is_total_word(t.text)):
            break
        else:
            words.append(t)
        k += 1
        if len(values) == amounts and not _values_next(toks, k):
            break
    if not words or not values:
        return None
    return label, words, values, k


def _values_next(toks: list[Token], k: int) -> bool:
    nxt = next((t for t in toks[k:] if not t.empty), None)
    return nxt is not None and is_value(nxt.text)


__all__ = ["read_tasks"]
