"""Forms printed side by side on one sheet (a department's two projects in columns A–I and
K–S): read one after the other, each its own rows, not as one table of doubled rows; so too one
form laid sideways, its indicators beside its other blocks.

A sheet's columns fall into groups parted by columns with nothing in them. Two groups each
holding a form's project key (项目名称) on rows near each other are two forms side by side; a
group without one (a form's own empty column between merged label cells) goes with the group
on its left. Each form's rows then come in turn, their lines numbered in that order; cells keep
their sheet and cell names, which are what the memo shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reviewer.grid import Cell, Row

_KEYS = ("项目名称", "专项名称")
_NEAR = 3  # rows: two forms side by side open at the same height, give or take a title line


def _key_row(cells: Iterable[Cell]) -> int | None:
    for c in cells:
        if c.text.replace(" ", "").startswith(_KEYS) and len(c.text) <= 12:
            return c.line
    return None


def _starts(rows: list[Row]) -> list[int]:
    """The first column of each form side by side on the sheet; [] for one form."""
    columns = sorted({c.column for r in rows for c in r.cells})
    groups: list[list[int]] = []
    for col in columns:
        if groups and col == groups[-1][-1] + 1:
            groups[-1].append(col)
        else:
            groups.append([col])
    if len(groups) < 2:
        return _laid_sideways(rows)
    keyed: list[tuple[int, int]] = []  # (first column, the key's line)
    for group in groups:
        inside = set(group)
        line = _key_row(c for r in rows for c in r.cells if c.column in inside)
        if line is not None:
            keyed.append((group[0], line))
    if len(keyed) < 2 or max(k[1] for k in keyed) - min(k[1] for k in keyed) > _NEAR:
        return []
    return [start for start, _ in keyed]


def _laid_sideways(rows: list[Row]) -> list[int]:
    """One form laid sideways, its indicators beside its other blocks (the key, funds and
    goals in columns A–G, the indicator section from column H): the first columns of the two
    parts, read one after the other as the printed form runs; [] for any other sheet. The
    indicator header's first label opens the right part, the project's key stands left of it,
    and rows beside each other hold cells on both sides."""
    found = next(
        ((r, c) for r in rows for c in r.cells if c.text.replace(" ", "") in _HEADER_FIRST),
        None,
    )
    if found is None or found[1].column < _MIN_LEFT:
        return []
    head, at = found[0], found[1].column
    # the key once, left of the indicators and beside them, below their header's line (an
    # export's header row names 项目名称 beside 一级指标, and its rows repeat it: a table's
    # columns, not a form's parts)
    keyed = [r for r in rows if _key_row(c for c in r.cells if c.column < at) is not None]
    both = sum(
        any(c.column < at for c in r.cells) and any(c.column >= at for c in r.cells) for r in rows
    )
    if len(keyed) != 1 or keyed[0].line <= head.line or both < _BESIDE_ROWS:
        return []  # (a form's key above its indicators: one form, printed down the page)
    return [min(c.column for r in rows for c in r.cells), at]


_HEADER_FIRST = ("一级指标",)
_MIN_LEFT = 3  # columns left of the indicators: a key and its value at least
_BESIDE_ROWS = 3


def _split(rows: list[Row]) -> list[list[Row]]:
    starts = _starts(rows)
    if not starts:
        return [rows]
    bounds = [*starts[1:], None]
    forms: list[list[Row]] = []
    for i, end in enumerate(bounds):
        low = starts[i] if i else 0
        form = []
        for r in rows:
            cells = [c for c in r.cells if c.column >= low and (end is None or c.column < end)]
            if cells:
                form.append(Row(cells=cells, line=r.line, page_break_before=r.page_break_before))
        if form:
            form[0].page_break_before = form[0].page_break_before or bool(forms)
            forms.append(form)
    return forms


def read_apart(rows: Iterable[Row]) -> Iterator[Row]:
    """The rows of a workbook's sheets, the forms side by side on a sheet one after the
    other; each sheet is held while it is read (a sheet is a form or a few)."""
    line = 0
    sheet: list[Row] = []
    name: object = None

    def flush() -> Iterator[Row]:
        nonlocal line
        for form in _split(sheet):
            for r in form:
                line += 1
                for c in r.cells:
                    c.line = line
                r.line = line
                yield r

    for row in rows:
        where = row.cells[0].where or {}
        if where.get("sheet") != name and sheet:
            yield from flush()
            sheet = []
        name = where.get("sheet")
        sheet.append(row)
    if sheet:
        yield from flush()
