"""Long exports: one row per indicator, each repeating its project's fields, several projects.

Budget-management systems (预算管理一体化系统) export self-evaluations "long": a header naming
项目名称, 主管部门, the funds (年度预算数, 执行数, 执行率 …), sometimes the goal, then the indicator
columns (一级指标 … 偏差原因) and a project total (总分, 等级); below it one row per indicator,
the project's fields printed again on each (or once, on a summary row that opens the project:
项目汇总 / 合计 under 一级指标). The form's parser reads one table of the national layout, so each
project's rows are unfolded into one: its fields as labelled rows, its funds under their header,
its goal, the indicator header and rows, and a 总分 row. The unfolded rows hold the printed
cells, moved to the column the form has them in but keeping their locations: evidence still
points at what the document prints, and the printed rows are what is accounted for.

Each project-level cell is used once, from the project's first row; where a later row prints
the same text it is a repeat, consumed; where it prints another, it is left unused and so
reported (a project's budget differing between its rows is not something to pick from).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from reviewer.forms.families import DEFAULT
from reviewer.forms.vocabulary import key, lookup
from reviewer.grid import Cell, Row
from reviewer.lazyre import lazy_compile
from reviewer.parse.columns import Role, header_role
from reviewer.parse.table import LONE_GOAL_LABELS, goal_label, stated_unit
from reviewer.textnorm import Words

# A first look: a header names the project and the indicator (三级指标, 指标名称) both.
_HINT = Words(("项目名称", "专项名称", "项目", "转移支付名称", "部门名称"))
_PROJECT_KEYS = frozenset(
    {"项目名称", "专项名称", "项目", "转移支付项目名称", "转移支付名称", "部门名称"}
)
_BRACKETS = lazy_compile(r"[()]")
_FIRST_INDICATOR = frozenset({Role.L1, Role.L2, Role.NAME})
_SERIAL = frozenset({"序号", "编号"})
_TOTAL = lazy_compile(r"总分|自评得分合计|综合得分")
_GRADE = lazy_compile(r"等级|评价结果")
# What a project's summary row prints under 一级指标 (or 三级指标) instead of a category.
_SUMMARY = frozenset({"合计", "项目汇总", "汇总", "总计", "小计", "项目合计"})
_BUDGET = "年度预算数"  # an export's budget column: the year's budget as adjusted


class Unfolded(Row):
    """A row made by unfolding an export: its cells are the printed ones, put where the
    form has them; the printed rows, not these, are accounted for. The header's labels stand
    in every project's rows: each table reads them afresh (``fresh``)."""

    __slots__ = ()


def fresh(block: list[Row]) -> None:
    """The cells of a block's unfolded rows as not yet used, before its table is read (the
    parser reads a label as a label only while it is unused)."""
    for row in block:
        if isinstance(row, Unfolded):
            for c in row.cells:
                c.used = False


class Opening(Unfolded):
    """The row that opens a project's unfolded table (项目名称 | its name)."""

    __slots__ = ()


def _as_full_year(c: Cell) -> Cell:
    """An export's one budget column (年度预算数(万元)) read as the form's 全年预算数; its
    evidence quotes what is printed."""
    c.printed = c.printed or c.text
    c.text = "全年预算数" + key(c.text)[len(_BUDGET) :]
    return c


def _placed(c: Cell, column: int) -> Cell:
    """A printed cell put in ``column`` of an unfolded row; it keeps its location. A header
    label stands in the same column of each project's rows."""
    if c.where is None:
        c.where = {"line": c.line, "column": c.column}
    c.column = column
    return c


@dataclass(slots=True)
class _Header:
    """The export's header: which column holds what. Labels printed once stand in each
    project's unfolded rows (their cells move there), so the columns are kept here."""

    row: Row
    project: int  # the 项目名称 column
    label: Cell  # its label
    fields: list[tuple[int, Cell]]  # text fields (主管部门, 实施单位, 项目编码 …)
    funds: list[Cell]  # the funds columns' labels
    goals: list[tuple[int, Cell]]  # goal columns (年度总体目标, 实际完成情况)
    indicators: list[Cell]  # the indicator header, 序号 first where printed
    total: tuple[int, Cell] | None = None
    grade: tuple[int, Cell] | None = None
    keys: dict[int, str] = field(default_factory=dict)  # each column's label, as printed
    project_columns: frozenset[int] = frozenset()
    indicator_columns: frozenset[int] = frozenset()


def read_header(row: Row) -> _Header | None:
    """The header of a long export, or None for any other row: it names the project as a
    column before the indicator columns, which hold a name and a target or an actual."""
    cells = row.cells
    # (转移支付（项目）名称: the label with its bracketed word, as the transfer form prints it)
    project = next((c for c in cells if _BRACKETS.sub("", key(c.text)) in _PROJECT_KEYS), None)
    if project is None:
        return None
    roles = {c.column: header_role(key(c.text), DEFAULT) for c in cells}
    start = next(
        (
            c.column
            for c in cells
            if c.column > project.column and roles[c.column] in _FIRST_INDICATOR
        ),
        None,
    )
    if start is None:
        return None
    known = [c.column for c in cells if c.column >= start and roles[c.column] is not Role.EXTRA]
    end = max(known)
    block = {roles[c.column] for c in cells if start <= c.column <= end}
    if Role.NAME not in block or not (block & {Role.TARGET, Role.ACTUAL}):
        return None
    before = [c for c in cells if c.column < start and c is not project]
    serial = [c for c in before if key(c.text) in _SERIAL]
    # the project's funds printed among or after the indicator columns (… | 偏差原因 | 年初预算数
    # | … | 预算执行率得分 | 度量单位): the project's, not the rows'
    funds_after = [
        c for c in cells if c.column >= start and roles[c.column] is Role.EXTRA and _is_fund(c.text)
    ]
    indicators = serial + [c for c in cells if start <= c.column <= end and c not in funds_after]
    header = _Header(row, project.column, project, [], [], [], indicators)
    for c in before:
        if c in serial:
            continue
        k = key(c.text)
        if goal_label(k, DEFAULT) is not None or k in LONE_GOAL_LABELS:
            header.goals.append((c.column, c))
        elif lookup(c.text, DEFAULT.fund_columns) is not None or k.startswith(_BUDGET):
            header.funds.append(c)
        else:
            header.fields.append((c.column, c))
    header.funds += funds_after
    for c in cells:
        if c.column <= end:
            continue
        if header.total is None and _TOTAL.search(c.text):
            header.total = (c.column, c)
        elif header.grade is None and _GRADE.search(c.text):
            header.grade = (c.column, c)
    header.keys = {c.column: key(c.text) for c in cells}
    header.indicator_columns = frozenset(c.column for c in header.indicators)
    header.project_columns = frozenset(header.keys) - header.indicator_columns
    return header


def _is_fund(label: str) -> bool:
    """A funds column's label (年初预算数, 预算执行率得分), not a row's (评分规则)."""
    k = key(label)
    return (
        lookup(label, DEFAULT.fund_columns) is not None and any(w in k for w in _FUND_WORDS)
    ) or (k.startswith(_BUDGET))


_FUND_WORDS = ("预算", "执行", "资金")


class Unfolder:
    """Passes rows through, unfolding each long export's projects into tables of the form."""

    def __init__(self) -> None:
        self.header: _Header | None = None
        self.project: str | None = None
        self.first: dict[int, Cell] = {}  # the project's own cells (its first row's), by column
        # the summary row's label (合计 under 一级指标) and its figures, by role
        self.summary: dict[Role | None, Cell] = {}
        self.unit: Cell | None = None  # the amount unit stated above the export (单位：元)
        self.started = False  # the export's first project was opened
        # the printed rows an export took in: they, not the rows unfolded from them, are
        # accounted for once their tables are read
        self.printed: list[Row] = []

    def rows(self, rows: Iterable[Row]) -> Iterator[Row]:
        """The rows, each export's unfolded."""
        held: Row | None = None  # a line of one cell inside an export (see ``_inside``)
        for row in rows:
            if self.header is not None:
                taken, held = self._inside(row, held)
                if taken is not None:
                    yield from taken
                    continue
                yield from self._end(held)
                held = None
            joined = row.joined
            if (
                "指标" in joined
                and _HINT.found_in(joined)
                and (header := read_header(row)) is not None
            ):
                self.header = header
                continue
            if len(row.cells) == 1 and stated_unit(key(row.cells[0].text)) is not None:
                self.unit = row.cells[0]
            yield row
        yield from self._end(held)

    def _inside(self, row: Row, held: Row | None) -> tuple[list[Row] | None, Row | None]:
        """A row under an export's header: the rows it gives (None: the export ended above
        it) and the line held back. A line of one cell (the title over the next page) is
        held: a running head when the header comes again under it, else the export's end."""
        header = self.header
        assert header is not None
        if self.started and self._repeated_header(row):
            for r in (row, held):
                if r is not None:
                    for c in r.cells:
                        c.used = True
                    self.printed.append(r)
            return [], None
        if self._is_data(row):
            out = [held] if held is not None else []  # within the export: the parser's to report
            if not self.started:
                self.started = True
                self.printed.append(header.row)
                for c in header.funds:
                    if key(c.text).startswith(_BUDGET):
                        _as_full_year(c)
                for pair in (header.total, header.grade):  # the columns of total and grade
                    if pair is not None:
                        pair[1].used = True
            self.printed.append(row)
            return [*out, *self._data(row)], None
        if self.started and held is None and len(row.cells) == 1:
            return [], row
        return None, held

    def _end(self, held: Row | None) -> Iterator[Row]:
        """The export ends: its last project's 总分 row; a header no row followed is passed
        on as printed, and so is a line held back."""
        if self.header is None:
            return
        if self.started:
            yield from self._close()
        else:
            yield self.header.row
        self.header = None
        self.started = False
        if held is not None:
            yield from self.rows([held])

    def _repeated_header(self, row: Row) -> bool:
        header = self.header
        assert header is not None
        keys = header.keys
        return len(row.cells) == len(keys) and all(
            keys.get(c.column) == key(c.text) for c in row.cells
        )

    def _is_data(self, row: Row) -> bool:
        """A row of the export: cells under its columns, some of them the indicator's; the
        first row names its project."""
        header = self.header
        assert header is not None
        cells = row.cells
        if self.project is None and not any(c.column == header.project for c in cells):
            return False
        return any(c.column in header.indicator_columns for c in cells) and all(
            c.column in header.keys for c in cells
        )

    def _data(self, row: Row) -> Iterator[Row]:
        header = self.header
        assert header is not None
        own = header.project_columns
        mine = [c for c in row.cells if c.column in own]
        named = next((c for c in mine if c.column == header.project), None)
        if named is not None and key(named.text) != self.project:
            yield from self._close()
            self.project = key(named.text)
            self.first = {c.column: c for c in mine}
            yield from self._opening()
        else:
            self._repeats(mine)
        yield from self._indicator_row(row, mine)

    def _repeats(self, cells: list[Cell]) -> None:
        """A later row's project cells: repeats of the first row's are consumed; others are
        left unused, to be reported with their row (a project's budget printed otherwise on
        one of its rows is not something to pick from)."""
        for c in cells:
            first = self.first.get(c.column)
            if first is not None and key(first.text) == key(c.text):
                c.used = True

    def _opening(self) -> Iterator[Row]:
        """The project's fields, funds and goal as the form prints them, and the header."""
        header = self.header
        assert header is not None
        first = self.first
        line = first[min(first)].line
        opening = Opening([_placed(header.label, 1), _placed(first[header.project], 2)], line)
        yield opening
        if self.unit is not None:
            yield Unfolded([_placed(self.unit, 1)], line)  # each project's amounts are in it
        for column, f in header.fields:
            if column in first:
                yield Unfolded([_placed(f, 1), _placed(first[column], 2)], line)
        funds = [first[f.column] for f in header.funds if f.column in first]
        if funds:
            yield Unfolded(list(header.funds), header.row.line)
            yield Unfolded(funds, line)
        for column, g in header.goals:
            if column in first:
                yield Unfolded([_placed(g, 1), _placed(first[column], 2)], line)
        yield Unfolded(list(header.indicators), header.row.line)

    def _indicator_row(self, row: Row, own: list[Cell]) -> Iterator[Row]:
        """The row's indicator cells; ``own`` its project's cells, which the project's opening
        may have moved into an indicator's column (项目名称 first: placed second)."""
        header = self.header
        assert header is not None
        columns = header.indicator_columns
        taken = {id(c) for c in own}
        cells = [c for c in row.cells if c.column in columns and id(c) not in taken]
        if any(key(c.text) in _SUMMARY for c in cells):
            # the project's summary row: its figures are the table's (分值 100 under 合计)
            for c in cells:
                if key(c.text) in _SUMMARY:
                    c.used = True
                    self.summary[None] = c
                else:
                    self.summary[header_role(header.keys[c.column], DEFAULT)] = c
            return
        if cells:
            yield Unfolded(cells, row.line, row.page_break_before)

    def _close(self) -> Iterator[Row]:
        """The project's 总分 row: its total (and grade) where the export prints them. A
        project cell it has no place for (a column the form does not know, a summary figure
        other than 分值 and 得分) is left unused, to be reported with its row."""
        header, first = self.header, self.first
        if header is None or self.project is None:
            return
        self.project = None
        self.first = {}
        summary, self.summary = self.summary, {}
        total = first.get(header.total[0]) if header.total is not None else None
        grade = first.get(header.grade[0]) if header.grade is not None else None
        weight = summary.pop(Role.WEIGHT, None)
        total = total or summary.pop(Role.SCORE, None)
        named = summary.pop(None, None)
        label = header.total[1] if header.total is not None else named
        if label is None or not (weight or total):
            return
        roles = {header_role(key(c.text), DEFAULT): c.column for c in header.indicators}
        cells = [_placed(label, 1)]
        if weight is not None:
            cells.append(_placed(weight, roles.get(Role.WEIGHT, 2)))
        if total is not None:
            cells.append(_placed(total, roles.get(Role.SCORE, 3)))
        if grade is not None:
            cells.append(_placed(grade, max(c.column for c in cells) + 1))
        yield Unfolded(cells, cells[-1].line)
