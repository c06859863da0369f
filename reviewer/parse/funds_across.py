"""Funds blocks laid out other than the form's way, turned to it before the table is read.

Across: its sources as columns and its stages as rows (资金来源 |
年度资金总额 | 财政拨款 | 其中：中央 | … over 年初预算数 | 2400 | 2400 | 1800 | … and 全年预算数,
全年执行数, 执行率 below), its points on a row of their own (分值 | 10 | 得分 | 9.93) or in columns of
their own right of the sources.

Down: the block's label, then a stage's label and its figure on each line (项目资金（万元） |
全年预算数 | 80, then 资金到位数 | 72, 实际支出数 | 70.56, 执行率 | 98.00%, 分值 | 10 …), a
township's short form: turned to a header of the labels over one row of the figures.

Either is turned the form's way before the table is read: a row a source, a column a stage, so the
funds reader reads it as it reads every other block. Each cell keeps the place it was printed at
(``Cell.move``), so that what quotes it quotes it there.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.forms.families import Family
from reviewer.forms.vocabulary import lookup
from reviewer.grid import Cell, Row
from reviewer.lazyre import lazy_compile
from reviewer.parse.funds import column_role, is_anchor

# Words the total's labels hold (年度资金总额, 年度总金额, 合计, 总计): a first look.
_TOTAL_HINT = lazy_compile("总额|总金额|合计|总计")
_FIGURE = lazy_compile(r"\d")
_STAGES = ("initial_budget", "full_year_budget", "executed", "rate_pct")
_POINTS = ("weight", "score")
_BUDGETS = 2  # stage rows of amounts, at least: a budget and its spending
_SOURCES = 2  # sources named across, at least: the total and one of its parts
_DOWN_FIRST = 3  # the block's label, a stage's label and its figure: a block down's first line
_DOWN_LINE = 2  # a stage's label and its figure: its other lines
_AMOUNT_LINES = frozenset({"initial_budget", "full_year_budget", "executed", "received"})


def funds_across(rows: Sequence[Row], family: Family) -> Sequence[Row]:
    """``rows`` with a funds block laid out across or down turned the form's way; as they
    are where there is none."""
    for i, row in enumerate(rows):
        if len(row.cells) == _DOWN_FIRST and is_anchor(row.cells[0].text):
            lines = _lines_down(rows, i, family)
            if len(_AMOUNT_LINES.intersection(r for r, _, _ in lines)) >= _BUDGETS:
                return [*rows[:i], *_turned_down(row, lines), *rows[i + len(lines) :]]
        if (
            len(row.cells) > _SOURCES
            and _TOTAL_HINT.search(row.joined) is not None  # (a first look: most rows have none)
            and _sources_across(row, family)
        ):
            stages = _stage_rows(rows, i + 1, family)
            if sum(role != "rate_pct" and role in _STAGES for role, _ in stages) >= _BUDGETS:
                turned = _turned(row, stages, family)
                return [*rows[:i], *turned, *rows[i + 1 + len(stages) :]]
    return rows


def _sources_across(row: Row, family: Family) -> bool:
    """``row`` names the block's sources across (its total among them), after a label of its
    own (资金来源, 项目资金), and no stage of it: no ordinary funds header."""
    if _FIGURE.search(row.joined) is not None:
        return False  # a row of amounts (年度资金总额 | 580.00 | …): no header's
    named = [lookup(c.text, family.fund_rows) for c in row.cells[1:]]
    return (
        "annual_total" in named
        and sum(n is not None for n in named) >= _SOURCES
        and column_role(row.cells[0].text, family) is None
        and lookup(row.cells[0].text, family.fund_rows) is None
    )


def _stage_rows(rows: Sequence[Row], start: int, family: Family) -> list[tuple[str, Row]]:
    """The rows under the sources' header that each open with a stage's or the points' label
    (年初预算数 | …, 执行率 | …, 分值 | 10 | 得分 | 9.93), with the stage each opens."""
    out: list[tuple[str, Row]] = []
    for row in rows[start:]:
        role = column_role(row.cells[0].text, family) if row.cells else None
        if role not in _STAGES and role not in _POINTS:
            break
        out.append((role, row))
    return out


def _turned(header: Row, stages: list[tuple[str, Row]], family: Family) -> list[Row]:
    """The block the form's way: a header (its label, then each stage's label, then the
    points'), and a row for each source with its figures under those labels; the points on
    the total's row."""
    sources = [c for c in header.cells[1:] if lookup(c.text, family.fund_rows) is not None]
    beside = {  # the points' columns right of the sources (… | 其他资金 | 分值 | 得分)
        column_role(c.text, family): c for c in header.cells[1:] if c not in sources
    }
    labels: list[Cell] = [header.cells[0]]
    by_column: list[dict[int, Cell]] = []
    points: dict[str, Cell] = {}  # a points' label → its figure
    for role, row in stages:
        first, rest = row.cells[0], row.cells[1:]
        if role in _POINTS:  # 分值 | 10 | 得分 | 9.93: label and figure pairs
            for name, figure in zip(row.cells[::2], row.cells[1::2], strict=False):
                if (point := column_role(name.text, family)) in _POINTS:
                    points[point] = figure  # (its label is the header's, placed below)
            continue
        labels.append(first)
        by_column.append({c.column: c for c in rest})
        for point in _POINTS:  # a figure under a points' column beside the sources
            if (head := beside.get(point)) is not None and (
                below := by_column[-1].get(head.column)
            ) is not None:
                points[point] = below
    for point in _POINTS:
        if point in points:
            heading = beside.get(point) or next(
                (c for _, r in stages for c in r.cells if column_role(c.text, family) == point),
                None,
            )
            if heading is not None:
                labels.append(heading)
    out = [_placed(labels, header.line, header.page_break_before)]
    for source in sources:
        cells = [source, *(col.get(source.column) for col in by_column)]
        if lookup(source.text, family.fund_rows) == "annual_total":
            cells += [points.get(p) for p in _POINTS if p in points]
        out.append(_placed(cells, header.line))
    return out


def _placed(cells: Sequence[Cell | None], line: int, page_break: bool = False) -> Row:
    """A row of ``cells`` each moved to its place in it (1, 2, …; None an empty cell), quoted
    where it was printed."""
    placed: list[Cell] = []
    for n, c in enumerate(cells, start=1):
        if c is not None:
            c.move(n - c.column)
            placed.append(c)
    return Row(placed, line, page_break)


def _lines_down(rows: Sequence[Row], i: int, family: Family) -> list[tuple[str, Cell, Cell]]:
    """The lines of a block down from row ``i`` (its label's): each stage's role, label and
    figure, while each line is one of them (the label's line without it)."""
    out: list[tuple[str, Cell, Cell]] = []
    seen: set[str] = set()
    for k, row in enumerate(rows[i:]):
        cells = row.cells[1:] if k == 0 else row.cells
        if len(cells) != _DOWN_LINE or _FIGURE.search(cells[1].text) is None:
            break
        role = column_role(cells[0].text, family)
        if role is None or role in seen or _FIGURE.search(cells[0].text) is not None:
            break
        seen.add(role)
        out.append((role, cells[0], cells[1]))
    return out


def _turned_down(label_row: Row, lines: list[tuple[str, Cell, Cell]]) -> list[Row]:
    """The block down as a header (its label, each stage's label) over the row of figures."""
    labels = [label_row.cells[0], *(name for _, name, _ in lines)]
    return [
        _placed(labels, label_row.line, label_row.page_break_before),
        _placed([None, *(figure for _, _, figure in lines)], label_row.line),
    ]
