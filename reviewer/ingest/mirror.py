"""Text copied from a document-mirror site (文档分享站): its page markers set apart.

Such a site prints each page's text after the page's number and a 、 (``1、附件2`` … ``2、	2021
年12月底前	…``), wherever the page begins: between two lines, between two cells of a row, or
inside a cell. The markers run 1、 2、 3、 … in order, each opening a line, the first near the
top. Where a marker cuts a table row, the rest of its line goes back on the row above, in the
columns after its last cell (a cell the page cut in two stays two cells: whether a form prints
the unit in a column of its own cannot be told here), and the marker becomes a row of its own,
used as the page's number. Anything else is left as it was printed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from reviewer.grid import Cell, Row
from reviewer.lazyre import lazy_compile

# A page's number and 、 opening a line (1、, 2、 …).
MARKER = lazy_compile(r"^(\d{1,3})、")
_FIRST_WITHIN = 12  # rows: where the first page's marker (1、) must come
_MIN_COLUMN = 3  # the row above reaches this column: a table row, not a line of prose


def unmarked(rows: Iterable[Row]) -> Iterator[Row]:
    """``rows`` with a mirror's page markers set apart (see the module's doc)."""
    it = iter(rows)
    head = list(itertools.islice(it, _FIRST_WITHIN))
    if not any(r.cells and r.cells[0].text.startswith("1、") for r in head):
        return itertools.chain(head, it)  # no mirror: the rows as they are, at no cost
    return _unmarked(itertools.chain(head, it))


def _unmarked(rows: Iterator[Row]) -> Iterator[Row]:
    expected = 0  # the next page's number, once the first page's marker was seen
    held: Row | None = None
    for n, row in enumerate(rows):
        cells = row.cells
        m = MARKER.match(cells[0].text) if cells else None
        if m is not None and expected == 0 and m.group(1) == "1" and n < _FIRST_WITHIN:
            expected = 2
        elif m is not None and expected and int(m.group(1)) == expected:
            expected += 1
            if held is not None and held.cells and held.cells[-1].column >= _MIN_COLUMN:
                yield held
                rest = cells[0].text[m.end() :].strip()
                if _opens_anew(rest):  # 2、项目支出绩效自评表
                    marker, held = _parted(row, m.end(), rest)
                else:
                    marker, held = _go_on(held, row, m.end(), rest), None
                yield marker
                continue
        if held is not None:
            yield held
        held = row
    if held is not None:
        yield held


def _opens_anew(rest: str) -> bool:
    """The page opens with a title or one of the form's labels: a new line, not a row's rest."""
    from reviewer.ingest.rebuild.anchors import kinds

    return bool(rest) and bool(kinds(rest.split()[0]))


def _parted(row: Row, cut: int, rest: str) -> tuple[Row, Row]:
    """The marker's own row, and ``row`` without it (its first cell's ``rest``)."""
    first = row.cells[0]
    cells = [Cell(rest, first.line, first.column, rest, where=first.where), *row.cells[1:]]
    return _marker_row(first, cut), Row(cells=cells, line=row.line)


def _marker_row(first: Cell, cut: int) -> Row:
    marker = first.text[:cut]
    return Row(
        cells=[Cell(marker, first.line, 1, marker, used=True, where=first.where)], line=first.line
    )


def _go_on(above: Row, row: Row, cut: int, rest: str) -> Row:
    """Put the rest of ``row`` (its first cell's ``rest`` after the marker of ``cut``
    characters, and its other cells) back on the row ``above``, in the columns after its last
    cell; the marker's own row."""
    first = row.cells[0]
    column = above.cells[-1].column
    if rest:
        column += 1
        above.cells.append(Cell(rest, first.line, column, rest, where=first.where))
    for c in row.cells[1:]:
        column += 1
        above.cells.append(Cell(c.text, c.line, column, c.raw, where=c.where, printed=c.printed))
    above.joined = "\t".join(c.text for c in above.cells)
    return _marker_row(first, cut)
