"""A funds block printed beside the form's other blocks, on the same rows.

Some counties lay the form out on a wide sheet or page: the project's key fields on the left and
the funds block (项目资金(万元) | 年初预算数 | … over 年度资金总额 | 620.00 | …) to their right, the
goal block's header beside the funds block's last rows. Read row by row, each such row holds two
blocks' cells, and the funds block is read as neither. Here each row of such a run is cut where the
funds block's label column starts, the left parts passed on first, then the funds block's rows,
whole, as a form printed one block under another would give them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reviewer.grid import Cell, Row
from reviewer.lazyre import lazy_compile

_BLOCK = "fund-block"  # the anchors' kinds (reviewer.ingest.rebuild.anchors.Kind values)
_ROW = "fund-row"


def _kinds(text: str) -> set[str]:
    from reviewer.ingest.rebuild.anchors import kinds

    return {k.value for k in kinds(text)}


def _funds_start(row: Row) -> int | None:
    """The column a funds block's label opens beside other cells (项目名称 | … | 项目资金(万元) |
    年初预算数 …); None for a row that does not hold one there."""
    cells = row.cells
    if len(cells) < _MIN_CELLS or _FUNDS_WORD.search(row.joined) is None:
        return None  # most rows: no cell names funds (a cheap look before the labels')
    if not _kinds(cells[0].text).difference((_BLOCK, _ROW)):
        return None  # (its first cell a block's own label: the block printed on its own)
    if any(_kinds(c.text) == {"column"} for c in cells):
        return None  # an export's header (项目名称 | 主管部门 | 年度预算数 | … | 一级指标 | …)
    for k, c in enumerate(cells[1:], start=1):
        if _BLOCK in _kinds(c.text):
            # (its columns' labels after it: a header, not a definition naming 项目资金)
            labels = sum(_COLUMN in _kinds(d.text) for d in cells[k + 1 :])
            return c.column if labels >= _MIN_LABELS else None
    return None


_MIN_CELLS = 4
_FUNDS_WORD = lazy_compile(r"资金|预算")  # every funds block's label has one of them
_MIN_LABELS = 2
_COLUMN = "fund-column"


def _cut(row: Row, column: int) -> tuple[list[Cell], list[Cell]]:
    left = [c for c in row.cells if c.column < column]
    return left, [c for c in row.cells if c.column >= column]


def funds_beside(rows: Iterable[Row]) -> Iterator[Row]:
    """``rows`` with a funds block printed beside other blocks read under them (see the
    module's doc)."""
    it = iter(rows)
    row = next(it, None)
    while row is not None:
        column = _funds_start(row)
        if column is None:
            yield row
            row = next(it, None)
            continue
        lefts: list[Row] = []
        funds: list[Row] = []
        while row is not None and (not funds or _continues(row, column)):
            left, right = _cut(row, column)
            if left:
                lefts.append(Row(left, row.line, row.page_break_before))
            funds.append(Row(right, row.line))
            row = next(it, None)
        # the goal block's header beside the funds' last rows: its texts are in the rows after
        # the run, so the funds block goes before it
        goal = next((k for k, r in enumerate(lefts) if _opens_goal(r)), len(lefts))
        yield from lefts[:goal]
        yield from funds
        yield from lefts[goal:]


def _opens_goal(row: Row) -> bool:
    return any(_GOAL in _kinds(c.text) for c in row.cells)


_GOAL = "goal"


def _continues(row: Row, column: int) -> bool:
    """The funds block goes on in ``row``: a funds row's label (年度资金总额, 其中：当年财政拨款,
    上年结转资金) stands in its label column."""
    cell = next((c for c in row.cells if c.column == column), None)
    return cell is not None and _ROW in _kinds(cell.text)


__all__ = ["funds_beside"]
