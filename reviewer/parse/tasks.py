"""A 部门整体 form's 年度主要任务: each task's name, what it covers, its budget and its spending.

The block prints a header (年度主要任务 | 任务名称 | 主要内容 | 预算数 | 执行数, the block's own
label in the first column, merged down its rows) and a row per task. Rows are read under the
header's columns where they stand; a row that printed its cells without the empty ones (a scan's
text, the block's label column left out) is read in the columns' order when it holds exactly
as many cells. A 合计 row is the tasks' total, kept apart.
"""

from __future__ import annotations

from typing import Any

from reviewer.forms.vocabulary import key, unnumbered
from reviewer.grid import Cell, Row
from reviewer.parse import labels as lb
from reviewer.parse.sub_rows import is_part
from reviewer.parse.values import is_placeholder, parse_amount, parse_percent
from reviewer.textnorm import SENTENCE_ENDS

AMOUNTS = ("budget", "executed")  # the amount columns, in the order forms print them
VALUES = (*AMOUNTS, "rate_pct")  # the columns of figures: the amounts and the rate after them
# The block's own label, and each column's labels as forms print them.
BLOCK = ("年度主要任务", "主要任务", "年度重点工作")
# (重点工作 | 主要内容 | 预算数 | 执行数: a province's words for the block and its tasks)
_NAMES = ("任务名称", "任务", "主要任务名称", "重点工作", "重点任务", "重点工作名称")
_COLUMNS = (
    ("name", _NAMES),
    ("content", ("主要内容", "任务内容", "主要工作内容", "内容", "对应项目")),
    ("budget", ("预算数", "全年预算数", "预算金额", "预算资金", "任务预算数")),
    ("executed", ("执行数", "全年执行数", "实际支出", "执行金额", "实际执行数")),
    ("status", ("完成情况", "任务完成情况", "完成情况说明", "实施情况", "完成情况及对应项目")),
    ("rate_pct", ("执行率", "预算执行率", "执行进度")),
)


def task_role(text: str) -> str | None:
    """The column of the block a label heads (任务名称 → name, 预算数（万元） → budget)."""
    k = unnumbered(lb.UNIT_AFTER.sub("", text))
    for role, labels in _COLUMNS:
        if k in labels:
            return role
    return None


def is_task_header(row: Row) -> bool:
    """The block's header: a 任务名称 column and a budget or a spending column beside it, the
    row opening with the block's label or with 任务名称 (not a key's row run on into it)."""
    if ("任务" not in row.joined and "重点工作" not in row.joined) or not row.cells:
        return False
    first = row.cells[0].text
    if not (unnumbered(first).startswith(BLOCK) or task_role(first) == "name"):
        return False
    roles = [task_role(c.text) for c in row.cells]
    if "name" in roles and set(roles).intersection(AMOUNTS):
        return True
    # a block listing its tasks without amounts: 任务名称 | 主要内容 and nothing else
    return [r for r in roles if r is not None] == ["name", "content"] and all(
        r is not None or unnumbered(c.text).startswith(BLOCK)
        for r, c in zip(roles, row.cells, strict=True)
    )


def is_block_label(row: Row) -> bool:
    """The block's label alone on its row, its header under it (年度主要任务 / 任务名称 | …)."""
    return len(row.cells) == 1 and unnumbered(row.cells[0].text) in BLOCK


class TasksReader:
    """Reads the block's rows under the header given to ``header``."""

    def __init__(self, t: dict[str, Any]) -> None:
        self.t = t
        self.columns: dict[int, str] = {}
        self.order: list[str] = []
        # a task printed over two lines, its name and its content's first line, the amounts
        # on the next after the content's rest (a scan's tall row): waiting for them
        self.pending: dict[str, Any] | None = None

    def header(self, row: Row) -> None:
        self.columns = {}
        for c in row.cells:
            role = task_role(c.text)
            block = unnumbered(c.text)
            prefix = next((b for b in BLOCK if block.startswith(b)), "") if role is None else ""
            if prefix and len(block) > len(prefix):
                # the block's label and the first column's run together (年度主要任务任务名称)
                role = task_role(block[len(prefix) :].lstrip(":："))
                if role is not None:
                    self.t["labels"].setdefault("tasks", prefix)
            if role is not None and role not in self.columns.values():
                self.columns[c.column] = role
                self.t["labels"].setdefault(f"tasks.{role}", c.text)
                c.used = True
            elif unnumbered(c.text).startswith(BLOCK):
                self.t["labels"].setdefault("tasks", c.text)
                c.used = True
        self.order = [self.columns[col] for col in sorted(self.columns)]
        self.t.setdefault("tasks", [])

    def _wrapped(self, cell: Cell, task: dict[str, Any]) -> bool:
        """``cell``, a row's only one, is the rest of ``task``'s words cut at its column's
        width: words, no amount's column, no label of the form's, the words above unfinished."""
        from reviewer.ingest.rebuild.anchors import kinds

        above = task.get("content", task["name"])
        return (
            self.columns.get(cell.column) not in VALUES
            and parse_amount(cell.text) is None
            and not is_placeholder(cell.text)
            and not kinds(cell.text)
            and not lb.is_total_word(cell.text)
            and not above.endswith(SENTENCE_ENDS)
        )

    def _opens_tall_row(self, cells: list[Cell]) -> bool:
        """A name and the first line of its content, no amount, in a block whose header has
        amounts and a content column, a line read a row (its cells in order): kept, waiting
        for the line with the content's rest and the amounts."""
        amounts = [r for r in self.order if r in AMOUNTS]
        if (
            len(cells) != 2
            or self.order[:2] != ["name", "content"]
            or not amounts
            or any(parse_amount(c.text) is not None or is_placeholder(c.text) for c in cells)
            or lb.is_total_word(cells[0].text)
            or cells[1].text.endswith(SENTENCE_ENDS)
        ):
            return False
        from reviewer.ingest.rebuild.anchors import kinds

        if kinds(cells[0].text) or kinds(cells[1].text):
            return False
        task: dict[str, Any] = {
            "name": cells[0].text,
            "content": cells[1].text,
            "cells": {"name": cells[0].ref(), "content": cells[1].ref()},
        }
        for c in cells:
            c.used = True
        self.t["tasks"].append(task)
        self.pending = task
        return True

    def _completes(self, task: dict[str, Any], cells: list[Cell]) -> bool:
        """``cells`` are ``task``'s content's rest and its amounts (…机耕路及农田防护设施 |
        1,850.00 | 1,812.36): joined to it."""
        amounts = [r for r in self.order if r in AMOUNTS]
        if len(cells) != 1 + len(amounts) or parse_amount(cells[0].text) is not None:
            return False
        if any(parse_amount(c.text) is None and not is_placeholder(c.text) for c in cells[1:]):
            return False
        task["content"] += cells[0].text
        for role, c in zip(amounts, cells[1:], strict=True):
            task[role] = parse_amount(c.text)
            task["cells"][role] = c.ref()
        for c in cells:
            c.used = True
        return True

    def row(self, row: Row) -> bool:
        """Read ``row`` as a task (or the tasks' 合计); False, nothing taken, for any other."""
        cells = [c for c in row.cells if not unnumbered(c.text).startswith(BLOCK)]
        if not cells or not self.columns:
            return False
        if all(c.column in self.columns and lb.UNIT_AFTER.fullmatch(c.text) for c in cells):
            for c in cells:  # the header's labels' unit wrapped under them: 预算数 / （万元）
                c.used = True
            return True
        placed = {self.columns[c.column]: c for c in cells if c.column in self.columns}
        tasks = self.t["tasks"]
        pending, self.pending = self.pending, None
        if pending is not None and self._completes(pending, cells):
            return True
        if self._opens_tall_row(cells):
            return True
        if len(cells) == 1 and tasks and self._wrapped(cells[0], tasks[-1]):
            # the content's wrapped line under its task (…按月发放低保金和 / 特困供养金), where
            # the line's text stands (a scan's row of one cell, in the first column)
            role = "content" if "content" in tasks[-1] else "name"
            tasks[-1][role] += cells[0].text
            cells[0].used = True
            return True
        columns = [r for r in self.order if r in VALUES]
        said = placed.get("content")
        if (
            said is not None
            and parse_amount(said.text) is not None
            and len(cells) == 1 + len(columns)
        ):
            # an amount where the content stands: a name and its amounts, no content, printed
            # a column to the left (合计 | 41,236.85 | 39,224.51 read cell after cell)
            placed = dict(zip(["name", *columns], cells, strict=True))
        elif len(placed) < len(cells):
            if len(cells) == len(self.order):
                placed = dict(zip(self.order, cells, strict=True))  # the empty cells left out
            elif len(cells) == 1 + len(columns):
                # a name and its amounts, no content (合计 | 2216.80 | 1900.81)
                placed = dict(zip(["name", *columns], cells, strict=True))
            else:
                return False
        name = placed.get("name")
        amounts = [placed[r] for r in AMOUNTS if r in placed]
        if name is None or parse_amount(name.text) is not None:
            return False
        if not amounts and (set(self.order) & set(AMOUNTS) or "content" not in placed):
            return False  # (a block without amounts: a name and its content)
        if any(parse_amount(c.text) is None and not is_placeholder(c.text) for c in amounts):
            return False
        rate = placed.get("rate_pct")
        if rate is not None and parse_percent(rate.text) is None and not is_placeholder(rate.text):
            return False
        task: dict[str, Any] = {"name": name.text, "cells": {"name": name.ref()}}
        for role in ("content", "status"):
            if (said := placed.get(role)) is not None:
                task[role] = said.text
                task["cells"][role] = said.ref()
        for role in AMOUNTS:
            if (amount := placed.get(role)) is not None:
                task[role] = parse_amount(amount.text)
                task["cells"][role] = amount.ref()
        if rate is not None and (pct := parse_percent(rate.text)) is not None:
            task["rate_pct"] = pct
            task["cells"]["rate_pct"] = rate.ref()
        for c in row.cells:
            c.used = True
        if lb.is_total_word(name.text) or key(name.text) == "小计":
            self.t["tasks_total"] = task
        elif is_part(name.text) and tasks:
            tasks[-1].setdefault("parts", []).append(task)  # 其中：中央资金, of the task above
        else:
            tasks.append(task)
        return True


__all__ = [
    "AMOUNTS",
    "BLOCK",
    "VALUES",
    "TasksReader",
    "is_block_label",
    "is_task_header",
    "task_role",
]
