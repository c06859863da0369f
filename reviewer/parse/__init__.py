"""Grid → Report: split the rows into tables, parse each, account for every cell.

Tables are parsed one at a time as the rows arrive, so that a large file is never held in
memory as rows: only the parsed tables (or, with ``iter_tables``, not even those) remain.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reviewer.grid import Grid, Row, account
from reviewer.model import Accounting, EvaluationTable, Leftover, Report
from reviewer.parse.table import TITLE_WORD, YEAR, is_title, parse_table


def _starts_table(row: Row) -> bool:
    return TITLE_WORD in row.joined and any(is_title(c.text) for c in row.cells)


def _has_project_key(row: Row) -> bool:
    return "项目名称" in row.joined and any(c.text.startswith("项目名称") for c in row.cells)


def _is_year_line(row: Row) -> bool:
    cells = row.cells
    return len(cells) == 1 and bool(YEAR.search(cells[0].text)) and len(cells[0].text) <= 12


def split_tables(rows: Iterable[Row]) -> Iterator[list[Row]]:
    """Cut the rows into one block per table: at each title, or at a second 项目名称."""
    current: list[Row] = []
    seen_project = False
    for row in rows:
        new = _starts_table(row) or (_has_project_key(row) and seen_project)
        if new and current:
            carried: list[Row] = []
            if not _starts_table(row):
                # an untitled table: its year line (if any) sits just above 项目名称
                while current and _is_year_line(current[-1]):
                    carried.insert(0, current.pop())
            yield current
            current = carried
            seen_project = False
        current.append(row)
        if _has_project_key(row):
            seen_project = True
    if current:
        yield current


class TableStream:
    """Iterate over a grid's tables; leftovers and accounting fill in as it goes."""

    def __init__(self, grid: Grid) -> None:
        self.grid = grid
        self.leftovers: list[Leftover] = []
        self.accounting = Accounting()

    def __iter__(self) -> Iterator[EvaluationTable]:
        for block in split_tables(self.grid.rows):
            table = parse_table(block)
            account(block, self.leftovers, self.accounting)
            if table is not None:
                yield table
        # What the reader could not turn into cells (a scanned page), known once it has read.
        self.leftovers.extend(self.grid.extra_leftovers)


def parse_grid(grid: Grid) -> Report:
    """Parse a grid into a Report. Never raises on odd input: what it cannot place it reports."""
    stream = TableStream(grid)
    tables = list(stream)
    return Report(
        source=grid.source,
        format=grid.format,
        encoding=grid.encoding,
        tables=tables,
        leftovers=stream.leftovers,
        accounting=stream.accounting,
    )
