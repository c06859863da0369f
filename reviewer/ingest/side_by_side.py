"""Forms printed side by side on one sheet (a department's two projects in columns A–I and
K–S): read one after the other, each its own rows, not as one table of doubled rows.

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
        return []
    keyed: list[tuple[int, int]] = []  # (first column, the key's line)
    for group in groups:
        inside = set(group)
        line = _key_row(c for r in rows for c in r.cells if c.column in inside)
        if line is not None:
            keyed.append((group[0], line))
    if len(keyed) < 2 or max(k[1] for k in keyed) - min(k[1] for k in keyed) > _NEAR:
        return []
    return [start for start, _ in keyed]


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
