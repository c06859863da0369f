"""Text layouts: lines → rows of cells.

* tabs: the published layout (tab-separated cells, as extracted from PDF); a cell's column is
  its tab position.

And the layouts people paste:

* pipes: ``| 项目名称 | 司法行政宣传 |`` from web pages and Markdown; separator lines
  (``|---|---|``, ``+----+``) are borders, not content.
* spaces: cells separated by runs of two or more spaces (or tabs, ideographic spaces), as
  fixed-width text and PDF-to-text tools print them.
* lines: one cell per line; a blank line ends a row, two blank lines (or a form feed) mark a
  page break.

Pasted text usually drops empty cells, so in those layouts a cell's column is its position
among the row's cells: the parser maps columns by header labels and content, not by position.
The layout is detected from a sample of the first lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum

from reviewer.grid import Cell, Row
from reviewer.textnorm import clean_cell


class Layout(StrEnum):
    TABS = "tabs"
    PIPES = "pipes"
    SPACES = "spaces"
    LINES = "lines"


_PIPE = re.compile(r"[|｜]")
_BORDER = re.compile(r"^[\s|｜+:=\-—─━│┃┼├┤┌┐└┘]*$")
_RULE = re.compile(r"[-—─━=]{3}")
_SPACE_RUN = re.compile(r"[ \t\u3000\xa0]{2,}|\t")


def _is_border(line: str) -> bool:
    """A table border (``|---|:--:|``, ``+-----+``): only rule characters, with a rule."""
    return bool(_BORDER.match(line)) and bool(_RULE.search(line))


def detect_layout(sample: Sequence[str]) -> Layout:
    """The layout of a text, judged from its first lines (newlines stripped)."""
    lines = [s.replace("\f", "") for s in sample]
    nonempty = [s for s in lines if s.strip()]
    if not nonempty:
        return Layout.TABS
    n = len(nonempty)
    if sum("\t" in s for s in nonempty) >= 0.2 * n:
        return Layout.TABS
    if sum(bool(_PIPE.search(s)) for s in nonempty) >= 0.5 * n:
        return Layout.PIPES
    if sum(bool(_SPACE_RUN.search(s.strip())) for s in nonempty) >= 0.3 * n:
        return Layout.SPACES
    # One cell per line: rows of several lines separated by blank lines.
    runs: list[int] = []
    run = 0
    for s in lines:
        if s.strip():
            run += 1
        elif run:
            runs.append(run)
            run = 0
    if run:
        runs.append(run)
    if len(runs) > 1 and sum(runs) >= 2 * len(runs):
        return Layout.LINES
    return Layout.TABS


def _tab_cells(line: str, number: int) -> list[Cell] | None:
    cells = []
    col = 0
    for raw in line.split("\t"):  # the hot loop of a large text file: kept lean
        col += 1
        text = raw.strip()
        if not text:  # most cells of a form's row are empty
            continue
        if " " in text or "\u3000" in text or "\xa0" in text:
            text = clean_cell(text)  # spaces inside a cell: wrapping artefacts to remove
        cells.append(Cell(text, number, col, raw))
    return cells


def _pipe_cells(line: str, number: int) -> list[Cell] | None:
    if _is_border(line):
        return None
    body = line.strip()
    if body[:1] in "|｜":
        body = body[1:]
    if body[-1:] in "|｜":
        body = body[:-1]
    cells = []
    for col, raw in enumerate(_PIPE.split(body), start=1):
        text = clean_cell(raw)
        if text:
            cells.append(Cell(text, number, col, raw.strip()))
    return cells


def split_spaced(line: str, number: int) -> list[Cell]:
    """A line whose cells are separated by tabs or runs of spaces; empty cells are dropped
    and a cell's column is its position among the line's cells."""
    cells: list[Cell] = []
    for raw in _SPACE_RUN.split(line.strip()):
        text = clean_cell(raw)
        if text:
            cells.append(Cell(text, number, len(cells) + 1, raw))
    return cells


def rows_from_lines(
    lines: Iterable[str], split: Callable[[str, int], list[Cell] | None] = _tab_cells
) -> Iterator[Row]:
    """One row per line, cut into cells by ``split`` (None: a border line, not content).
    Blank lines and form feeds become page breaks."""
    page_break = False
    first = True
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        if "\f" in line:
            page_break = True
            line = line.replace("\f", "")
        if not line.strip():
            page_break = True
            continue
        cells = split(line, number)
        if cells is None:
            continue
        yield Row(cells=cells, line=number, page_break_before=page_break and not first)
        page_break = False
        first = False


def _rows_cell_per_line(lines: Iterable[str]) -> Iterator[Row]:
    cells: list[Cell] = []
    blanks = 0  # blank lines since the last row ended
    form_feed = False
    row_break = False
    first = True
    for number, line in enumerate(lines, start=1):
        if "\f" in line:
            form_feed = True
            line = line.replace("\f", "")
        text = clean_cell(line)
        if not text:
            if cells:
                yield Row(cells=cells, line=cells[0].line, page_break_before=row_break)
                cells = []
            blanks += 1
            continue
        if not cells:
            row_break = (blanks >= 2 or form_feed) and not first
            first = False
        blanks = 0
        form_feed = False
        cells.append(Cell(text, number, len(cells) + 1, line.strip(), where={"line": number}))
    if cells:
        yield Row(cells=cells, line=cells[0].line, page_break_before=row_break)


def layout_rows(lines: Iterable[str], layout: Layout) -> Iterator[Row]:
    """Rows of a text in ``layout``."""
    if layout is Layout.LINES:
        return _rows_cell_per_line(lines)
    if layout is Layout.PIPES:
        return rows_from_lines(lines, _pipe_cells)
    if layout is Layout.SPACES:
        return rows_from_lines(lines, split_spaced)
    return rows_from_lines(lines)
