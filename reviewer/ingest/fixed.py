"""Fixed-width text (``pdftotext -layout``): columns aligned by spaces, cells wrapped over lines.

A PDF table printed as text keeps each cell at its horizontal place and wraps a long cell over
several physical lines; a row's figures stand on one of its lines (the first, or the middle one
where the tool centres them), its other cells' pieces on the lines around it. Read line by line
(the ``spaces`` layout), every piece would be a row of its own. Here the page is read as the
printer laid it out:

* a block is the lines between blank lines (two blank lines or a form feed: a page break), or
  from a part's first label (年初, 预期目标, 一级指标) where a page prints no blank line;
* a column starts where text starts on two lines or more (display width: a CJK character is two
  columns wide); a piece belongs to the column it overlaps most (figures are right-aligned);
* a line with two figures or more anchors a row; the lines of labels right above a block's first
  anchor are its header, joined column by column into one row; every piece of another line joins
  the row whose anchor its column runs on to without a gap, if only one does, else the nearer
  (the one above on a tie), in its column, in reading order;
* a block without figures (titles, the goal texts, notes) keeps a row per line.

The rows go to the parser like any other layout's; what it cannot place it reports.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reviewer.grid import Cell, Row
from reviewer.parse.labels import label_kind
from reviewer.parse.values import is_placeholder, parse_percent
from reviewer.textnorm import clean_cell

if TYPE_CHECKING:
    from reviewer.model import Report

_GAP = re.compile(r"\S+(?: \S+)*")  # a piece: text with single spaces inside, two or more around
# The first label of a part of the form (its funds, goal and indicator headers): a part of its own.
_SECTION = re.compile(r"^(?:一级(?:指标)?|预期目标|年初(?:预算数?)?|绩效指标)$")
_LABEL_LINES = 4  # lines, at most, a category label is broken over
_HEADER_PIECE = 16  # characters, at most, of a header label's piece
_SAME_START = 2  # display columns within which two starts are one column's


@dataclass(slots=True)
class Piece:
    line: int
    start: int  # display columns
    end: int
    text: str
    column: int = 0


@dataclass(slots=True)
class _Row:
    line: int
    cells: dict[int, list[Piece]] = field(default_factory=dict)
    page_break: bool = False

    def add(self, p: Piece) -> None:
        self.cells.setdefault(p.column, []).append(p)


def looks_fixed(sample: Sequence[str]) -> bool:
    """Text laid out by position: most lines indented, and pieces on lines of their own far
    from the margin (a wrapped cell's continuation)."""
    lines = [s for s in sample if s.strip()]
    if len(lines) < 10:
        return False
    indented = sum(s.startswith("  ") for s in lines)
    far = sum(len(s) - len(s.lstrip()) >= 10 for s in lines)
    return indented >= 0.4 * len(lines) and far >= 0.1 * len(lines)


def fixed_or_spaced(
    lines: Sequence[str], spaced_rows: Callable[[Sequence[str]], Iterator[Row]]
) -> Iterator[Row]:
    """The rows of a text laid out by position; or, when reading it by position leaves every
    table it finds said to be misread (or finds none) and reading it a line at a time (cells
    apart where runs of spaces or a scan's grid marks part them) leaves some table that is
    not, its rows a line at a time: a scan's OCR text keeps its lines but not its columns.

    Each reading is parsed to be judged (the text is short: a laid-out page or a few), and
    the one kept is read again, as the trial parses marked its cells used."""
    from reviewer.grid import Grid
    from reviewer.parse import parse_grid

    if _misread(parse_grid(Grid(rows=fixed_rows(lines), source=""))):
        by_line = parse_grid(Grid(rows=spaced_rows(lines), source=""))
        if any(not t.doubts for t in by_line.tables):
            return spaced_rows(lines)
    return fixed_rows(lines)


def _misread(report: Report) -> bool:
    return all(t.doubts for t in report.tables)


def fixed_rows(lines: Sequence[str]) -> Iterator[Row]:
    header: list[int] = []  # the starts of the last header's labels: a page goes on under them
    for block, page_break in _blocks(lines):
        rows, header = _block_rows(block, header)
        if rows and page_break:
            rows[0].page_break = True
        for r in rows:
            row = _to_row(r)
            if row is not None:
                yield row


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pieces(number: int, line: str) -> list[Piece]:
    out = []
    for m in _GAP.finditer(line):
        start = _width(line[: m.start()])
        out.append(Piece(number, start, start + _width(m.group()), m.group()))
    return out


def _blocks(lines: Sequence[str]) -> Iterator[tuple[list[list[Piece]], bool]]:
    """The blocks between blank lines, each with whether it begins a page."""
    block: list[list[Piece]] = []
    blanks, form_feed, first, page_break = 0, False, True, False
    for number, raw in enumerate(lines, start=1):
        if "\f" in raw:
            form_feed = True
            raw = raw.replace("\f", "")
        line = raw.rstrip("\r\n")
        if not line.strip():
            if block:
                yield block, page_break
                block = []
            blanks += 1
            continue
        pieces = _pieces(number, line)
        if block and (form_feed or any(_SECTION.match(p.text) for p in pieces)):
            # a page printed without blank lines: its parts apart; a form feed opening a line
            # right under the text above (a page's number): a new page
            yield block, page_break
            block, page_break = [], False
        if not block:
            page_break = not first and (blanks >= 2 or form_feed)
        first = False
        blanks, form_feed = 0, False
        block.append(pieces)
    if block:
        yield block, page_break


def _is_figure(text: str) -> bool:
    return parse_percent(text.replace(" ", "")) is not None  # a number, or a rate with its %


def _anchor(line: list[Piece]) -> bool:
    """A row's own line: two figures or more (a dash standing for an empty amount counts)."""
    return sum(_is_figure(p.text) or is_placeholder(p.text) for p in line) >= 2


def _columns(block: list[list[Piece]], header: list[int]) -> list[int]:
    """The starts of the block's columns: where text (not a figure) starts on two lines, and
    where each of the header's labels starts."""
    starts = sorted(
        [p.start for line in block for p in line if not _is_figure(p.text)] + header * 2
    )
    clusters: list[list[int]] = []
    for s in starts:
        if clusters and s - clusters[-1][-1] <= _SAME_START:
            clusters[-1].append(s)
        else:
            clusters.append([s])
    return [c[0] for c in clusters if len(c) >= 2] or [0]


def _place(p: Piece, starts: list[int]) -> int:
    """The column a piece overlaps most (its start's column when it overlaps none)."""
    best, most = 0, -1
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else 10**6
        overlap = min(p.end, end) - max(p.start, s)
        if overlap > most:
            best, most = k, overlap
    return best + 1


def _block_rows(block: list[list[Piece]], inherited: list[int]) -> tuple[list[_Row], list[int]]:
    """The block's rows, and the header starts the next block inherits (a block of figures
    without a header of its own goes on under the last one: a table broken by a page)."""
    anchors = [i for i, line in enumerate(block) if _anchor(line)]
    first = anchors[0] if anchors else 0
    head = first
    while head > 0 and all(len(p.text) <= _HEADER_PIECE for p in block[head - 1]):
        head -= 1
    header = [p.start for line in block[head:first] for p in line]
    if anchors and not header:
        header = inherited
    starts = _columns(block, header)
    for line in block:
        for p in line:
            p.column = _place(p, starts)
    _join_labels(block)
    if not anchors:
        return [_line_row(line) for line in block], inherited
    rows = [_line_row(line) for line in block[:head]]
    if head < first:
        labels = _Row(line=block[head][0].line)
        for line in block[head:first]:
            for p in line:
                labels.add(p)
        rows.append(labels)
    anchored = {i: _Row(line=block[i][0].line) for i in anchors}
    for i in range(first, len(block)):
        for p in block[i]:
            anchored[_nearest(i, p.column, anchors, block)].add(p)
    rows.extend(anchored[i] for i in anchors)
    return rows, header


def _join_labels(block: list[list[Piece]]) -> None:
    """A category label broken over the lines of its merged cell (产出指 / 标, 服务对象 / 满意度指
    / 标) is one label, whatever rows its pieces stand beside: joined into its first piece."""
    for i, line in enumerate(block):
        for p in line:
            if not p.text or label_kind(p.text) is not None:
                continue
            run = [p]
            for k in range(i + 1, min(i + _LABEL_LINES, len(block))):
                nxt = next((q for q in block[k] if q.column == p.column), None)
                if nxt is None:
                    break
                run.append(nxt)
                text = "".join(q.text for q in run)
                if label_kind(text) is not None:
                    p.text = text
                    for q in run[1:]:
                        q.text = ""  # kept in its place: the column still runs through it
                    break


def _nearest(i: int, column: int, anchors: list[int], block: list[list[Piece]]) -> int:
    """The anchor line whose row a piece on line ``i`` in ``column`` belongs to: the one its
    column runs on to without a gap, if only one does (a cell wrapped around its row's figures);
    else the nearer, the one above on a tie."""
    if i in anchors:
        return i
    above = max((a for a in anchors if a < i), default=None)
    below = min((a for a in anchors if a > i), default=None)
    if above is None or below is None:
        return below if above is None else above  # type: ignore[return-value]

    def runs_to(a: int) -> bool:  # every line from i to anchor a has a piece in the column
        lo, hi = sorted((i, a))
        return all(any(p.column == column for p in block[k]) for k in range(lo, hi + 1))

    up, down = runs_to(above), runs_to(below)
    if up != down:
        return above if up else below
    return above if i - above <= below - i else below


def _line_row(line: list[Piece]) -> _Row:
    """A line of its own; pieces that fall in one column (a key and its value printed beside
    columns they do not belong to) keep their order instead."""
    row = _Row(line=line[0].line)
    if len({p.column for p in line}) < len(line):
        for k, p in enumerate(line, start=1):
            p.column = k
    for p in line:
        row.add(p)
    return row


def _to_row(r: _Row) -> Row | None:
    cells = []
    for column in sorted(r.cells):
        pieces = sorted((p for p in r.cells[column] if p.text), key=lambda p: (p.line, p.start))
        if not pieces:
            continue
        raw = "\n".join(p.text for p in pieces)
        text = clean_cell("".join(clean_cell(p.text) for p in pieces))
        if text:
            where = {"line": pieces[0].line}
            cells.append(Cell(text, pieces[0].line, column, raw, where=where))
    if not cells:
        return None
    return Row(cells=cells, line=min(c.line for c in cells), page_break_before=r.page_break)
