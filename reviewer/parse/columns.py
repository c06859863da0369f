"""The 绩效指标 header: which column holds what, read from the header's own labels.

Forms differ in their columns: 分值 before 年度指标值, the target split into 指标性质 /
指标值 / 度量单位, extra columns such as 复核分. A row is mapped by these labels when its
cells sit under them (``by_column``), or, when a paste dropped its empty cells, when it has
one cell per column in the header's order (``in_order``, only for a header whose order is not
the standard one). Otherwise the section parser reads the row by content, which assumes the
standard order and copes with columns shifted between PDF pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from reviewer.grid import Cell, Row
from reviewer.parse import labels as lb
from reviewer.parse.values import parse_number


class Role(StrEnum):
    L1 = "l1"
    L2 = "l2"
    NAME = "name"
    NATURE = "nature"  # 指标性质: ≥ / ≤ / = (or 定性, 正向 …)
    TARGET = "target"
    UNIT = "unit"  # 度量单位
    ACTUAL = "actual"
    WEIGHT = "weight"
    SCORE = "score"
    EXPLANATION = "explanation"
    EXTRA = "extra"  # a column the form adds (复核分, 备注): kept under its label


_SCORE_LABELS = frozenset({"得分", "自评得分", "自评分", "单位自评得分"})
_LABEL_LEVEL = {Role.L1: "l1", Role.L2: "l2"}
# The label kinds a category column accepts.
_FITS = {
    Role.L1: frozenset({lb.LabelKind.L1, lb.LabelKind.AMBIGUOUS, lb.LabelKind.UNKNOWN}),
    Role.L2: frozenset({lb.LabelKind.L2, lb.LabelKind.AMBIGUOUS, lb.LabelKind.UNKNOWN}),
}
# Roles a row may leave empty at its end when a paste dropped the empty cells.
_OPTIONAL = frozenset({Role.EXPLANATION, Role.EXTRA})
# Columns that hold numbers on the 总分 row.
_TOTAL_ROLES = frozenset({Role.WEIGHT, Role.SCORE, Role.EXTRA})
# The standard form's content columns, which reading a row by content assumes.
_STANDARD = [Role.NAME, Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE, Role.EXPLANATION]


@lru_cache(maxsize=1024)
def header_role(text: str) -> Role | None:
    """The role of a header label; None for a piece of the vertical label 绩效指标."""
    if lb.is_vertical_fragment(text, "绩效指标"):
        return None
    if text == "一级指标":
        return Role.L1
    if text == "二级指标":
        return Role.L2
    if text in ("三级指标", "指标名称", "绩效指标名称"):
        return Role.NAME
    if text in _SCORE_LABELS:
        return Role.SCORE
    if text.startswith(("分值", "权重", "指标分值")):
        return Role.WEIGHT
    if "实际" in text or text.endswith("完成值"):
        return Role.ACTUAL
    if "性质" in text:
        return Role.NATURE
    if text.endswith("单位"):
        return Role.UNIT
    if "指标值" in text or "目标值" in text:
        return Role.TARGET
    if "偏差" in text or "原因" in text or "改进措施" in text:
        return Role.EXPLANATION
    return Role.EXTRA


@dataclass(slots=True)
class IndicatorColumns:
    """Column (1-based) → role, from the header row; ``labels`` keeps each header label."""

    roles: dict[int, Role] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    name_column: int = 3
    standard: bool = True  # the content columns are in the standard order (or unknown)

    def _content_columns(self) -> list[int]:
        """Columns from 三级指标 rightwards: what a row holds after its category labels."""
        return [
            col
            for col in sorted(self.roles)
            if col >= self.name_column and self.roles[col] not in _LABEL_LEVEL
        ]

    def label_level(self, cell: Cell) -> str | None:
        """``l1``/``l2`` when the cell sits in a category column and reads as that label."""
        role = self.roles.get(cell.column)
        if role not in _LABEL_LEVEL:
            return None
        return _LABEL_LEVEL[role] if lb.label_kind(cell.text) in _FITS[role] else None

    def by_column(self, cells: list[Cell]) -> RowMap | None:
        """The row's cells by role, when every cell sits under a header label that fits it."""
        roles = self.roles
        row = RowMap()
        for c in cells:  # one pass: this runs for every indicator row
            role = roles.get(c.column)
            if role is None:
                return None
            if role is Role.EXTRA:
                row.extras[self.labels[c.column]] = c
                continue
            if role in _LABEL_LEVEL and self.label_level(c) is None:
                return None
            row.cells[role] = c
        return row if row.has_values() else None

    def in_order(self, cells: list[Cell]) -> RowMap | None:
        """A row whose empty cells were dropped: its cells in the header's order of content
        columns, leaving only optional columns (explanation, extras) unfilled at the end."""
        order = self._content_columns()
        if not cells or len(cells) > len(order):
            return None
        if any(self.roles[col] not in _OPTIONAL for col in order[len(cells) :]):
            return None
        row = self._place(list(zip(order, cells, strict=False)))
        return row if row.has_values() else None

    def totals(self, numbers: list[Cell]) -> RowMap | None:
        """The 总分 row's numbers by role: under the header's 分值 / 得分 / extra columns, or,
        for a header in another order, in that order; None to read them as the last two."""
        if not numbers:
            return None
        if all(self.roles.get(c.column) in _TOTAL_ROLES for c in numbers):
            return self._place([(c.column, c) for c in numbers])
        if self.standard:
            return None
        order = [col for col in self._content_columns() if self.roles[col] in _TOTAL_ROLES]
        if len(numbers) > len(order):
            return None
        return self._place(list(zip(order, numbers, strict=False)))

    def _place(self, placed: list[tuple[int, Cell]]) -> RowMap:
        row = RowMap()
        for col, c in placed:
            role = self.roles[col]
            if role is Role.EXTRA:
                row.extras[self.labels[col]] = c
            else:
                row.cells[role] = c
        return row


@dataclass(slots=True)
class RowMap:
    """One indicator row's cells by role; ``extras`` by their header label."""

    cells: dict[Role, Cell] = field(default_factory=dict)
    extras: dict[str, Cell] = field(default_factory=dict)

    def has_values(self) -> bool:
        """An indicator row: a name, and a plain number as 分值 and as 得分."""
        weight, score = self.cells.get(Role.WEIGHT), self.cells.get(Role.SCORE)
        return (
            Role.NAME in self.cells
            and weight is not None
            and score is not None
            and parse_number(weight.text) is not None
            and parse_number(score.text) is not None
        )


def read_header(row: Row) -> IndicatorColumns:
    """The header row's columns; its cells are used (they are the form's layout)."""
    cols = IndicatorColumns()
    for c in row.cells:
        c.used = True
        role = header_role(c.text)
        if role is None:
            continue
        if role is not Role.EXTRA and role in cols.roles.values():
            role = Role.EXTRA  # a second column of the same kind: keep it, do not guess
        cols.roles[c.column] = role
        cols.labels[c.column] = c.text
        if role is Role.NAME:
            cols.name_column = c.column
    roles = [cols.roles[col] for col in cols._content_columns()]
    cols.standard = roles in (_STANDARD, _STANDARD[:-1]) or not roles
    return cols
