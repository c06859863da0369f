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
* csv: comma-separated values, a spreadsheet saved as .csv (quoted cells may hold commas and
  line breaks); told by the file's extension, or by commas between the cells of most lines
  with the empty cells (``,,``) a form's rows leave. A cell's column is its position in the
  record, as in a spreadsheet.

Pasted text usually drops empty cells, so in those layouts a cell's column is its position
among the row's cells: the parser maps columns by header labels and content, not by position.

And the layouts published tables reach reviewers in, where the rows themselves are lost and
are rebuilt from the form's structure (``reviewer.ingest.rebuild``):

* bars: one cell per line, each ending `` |`` (a bare ``|`` an empty cell);
* paragraphs: one cell per paragraph, a blank line between cells;
* wrapped: pipe rows from web tables with empty cells collapsed (``||||``) and cells wrapped
  over several lines;
* words: cells separated by single spaces, a table row per line;
* flat: the whole table on one or two lines, cells separated by single spaces.

Text glued without separators (``194.9194.9100%``) cannot be split without guessing: it is
detected here and refused with a message naming the problem. The layout is detected from a
sample of the first lines.
"""

from __future__ import annotations

import csv
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from functools import partial

from reviewer.grid import Cell, Row
from reviewer.ingest.rebuild.anchors import category_goes_on, is_any_label
from reviewer.lazyre import lazy_compile
from reviewer.model import Leftover
from reviewer.parse.labels import LabelKind, group_of, label_kind
from reviewer.parse.values import parse_number
from reviewer.textnorm import (
    CELL_BAR,
    PAGE_NUMBER,
    SINGLE_SPACE_VALUE,
    clean_cell,
    is_border,
    nfkc,
    unbold,
    unmarked,
)


class Layout(StrEnum):
    TABS = "tabs"
    PIPES = "pipes"
    SPACES = "spaces"
    FIXED = "fixed"
    LINES = "lines"
    BARS = "bars"
    PARAGRAPHS = "paragraphs"
    WRAPPED = "wrapped"
    WORDS = "words"
    FLAT = "flat"
    GLUED = "glued"
    CSV = "csv"
    MARKED = "marked"  # cells parted by typed marks (/ 、 ；｜ ——): reviewer.ingest.marked


# The layouts whose rows are rebuilt, by the name ``rebuild`` knows them by.
REBUILT = {
    Layout.BARS: "bars",
    Layout.PARAGRAPHS: "paragraphs",
    Layout.WRAPPED: "pipes",
    Layout.WORDS: "words",
    Layout.FLAT: "flat",
}


_PIPE = CELL_BAR
# In a pipe row, a scan's grid line the OCR read as 丨 between two cells (82.44 丨 95.86%).
_PIPE_OR_GRID = lazy_compile(CELL_BAR.pattern + r"|\s+丨\s+")
_SPACE_RUN = lazy_compile(r"[ \t\u3000\xa0]{2,}|\t")


def detect_layout(sample: Sequence[str]) -> Layout:
    """The layout of a text, judged from its first lines (newlines stripped)."""
    lines = [s.replace("\f", "") for s in sample]
    nonempty = [s for s in lines if s.strip()]
    if not nonempty:
        return Layout.TABS
    n = len(nonempty)
    if sum("\t" in s for s in nonempty) >= 0.2 * n:
        return Layout.TABS
    if (
        sum(s.count(",") >= _CSV_COMMAS for s in nonempty) >= 0.5 * n
        and sum(",," in s for s in nonempty) >= _CSV_EMPTY_SHARE * n
    ):
        return Layout.CSV  # commas between most lines' cells, and empty cells (,,) in some
    from reviewer.ingest.marked import typed_marks

    if typed_marks(nonempty):
        return Layout.MARKED  # cells parted by typed marks (/ 、 ；｜ ——): a chat's, a mail's
    piped = [s for s in nonempty if _PIPE.search(s)]
    if (
        len(piped) >= 0.5 * n
        # a pipe table among a message's lines (a chat's text, an e-mail): its header tells it
        or (len(piped) >= 0.25 * n and any(_PIPED_HEADER.search(s) for s in piped))
    ) and not _grid_marks(piped):
        if sum(bool(_BAR_LINE.match(s)) for s in piped) >= 0.8 * len(piped):
            return Layout.BARS
        # (rows opening with their first cell, those whose first cell is empty with a space
        # and a pipe: not wrapped rows, whatever lines of prose cells they hold)
        return Layout.WRAPPED if _wrapped(piped) and not _unedged(piped) else Layout.PIPES
    if sum(bool(_SPACE_RUN.search(s.strip())) for s in nonempty) >= 0.3 * n:
        from reviewer.ingest.fixed import looks_fixed

        return Layout.FIXED if looks_fixed(nonempty) else Layout.SPACES
    if glued_example(nonempty) is not None:
        return Layout.GLUED
    words = _words_layout(nonempty)
    if words is not None:
        return words
    if sum(_ideographic_gaps(s) for s in nonempty) >= 0.3 * n:
        return Layout.SPACES  # a phone's copy, one ideographic space between cells
    runs = _runs(lines)
    if len(runs) > 1 and sum(runs) >= 2 * len(runs):
        return Layout.LINES
    if len(runs) >= _MIN_PARAGRAPHS and sum(r == 1 for r in runs) >= 0.8 * len(runs):
        return Layout.PARAGRAPHS
    return Layout.TABS


_CSV_COMMAS = 3  # a line of four cells or more
_CSV_EMPTY_SHARE = 0.1  # a form's rows leave cells empty; prose with commas does not (,,)
_BAR_LINE = lazy_compile(r"^[^|｜]*[|｜]+\s*$")
_COLLAPSED = lazy_compile(r"[|｜][|｜]")
_MIN_PARAGRAPHS = 10
_WRAPPED_SHARE = 0.2
_EDGED_SHARE = 0.3  # of the piped lines (real pipe tables: 0.7 and more; a scan's: none)
_BAR_WITH_SPACES = lazy_compile(r"\s*[|｜丨]\s*")
_GRID_BARS = 7  # pipes of a row of six cells or more
_GRID_SHARE = 0.8  # of the pipe rows
_GRID_GAPPED = 0.3  # of the pipe rows with an empty cell before a filled one
# An empty cell (|| or | |) followed later on the row by a filled one.
_GAP = lazy_compile(r"[|｜]\s*[|｜]\s*[^|｜\s]")
_EMPTY_CELL = lazy_compile(r"[|｜]\s+[|｜]")
_MIN_WORDS = 3
_PROSE = 30  # characters of a line with no space that reads as prose, not as one cell
_MIN_LABELS = 3
_WORDS_WITH_HEADER = 0.3  # of the lines with three words or more, when the header is in words
_HEADER_WORDS = 4
_FLAT_LINES = 3
_FLAT_WORDS = 30
# A percentage glued to the next number (100%100%), or one with more decimals than a rate
# is printed with (194.9194.9100%: three numbers run together).
_GLUED_NUMBERS = lazy_compile(r"\d%\d|\d\.\d{3,}%")
_GLUED_EXAMPLE = lazy_compile(r"\d[\d.,]*%[\d.,%]*|\d+(?:\.\d+){2,}")
_GLUED_LENGTH = 40
_GLUED_LABELS = (
    "项目名称",
    "资金总额",
    "一级指标",
    "三级指标",
    "年度指标值",
    "预算数",
    "执行数",
    "主管部门",
)


def _ideographic_gaps(line: str) -> bool:
    """A line whose cells single ideographic spaces part (a phone's copy: 产出指标　数量指标
    with one between them), or runs of spaces."""
    if _SPACE_RUN.search(line):
        return True
    return "\u3000" in line and len(_IDEOGRAPHIC_GAP.findall(line)) >= _MIN_IDEOGRAPHIC_GAPS


def _grid_marks(piped: Sequence[str]) -> bool:
    """Bars that are the grid lines a scan's text kept, not a pipe table's: lines that
    neither open nor close with a bar (a pipe table's do: | 项目名称 | …) and whose other
    cells stand apart by runs of spaces (3871.26 | 10  97.13％ | 9.71)."""
    edged = spaced = 0
    for s in piped:
        s = s.strip()
        edged += s[:1] in "|｜" or s[-1:] in "|｜"
        spaced += _SPACE_RUN.search(_BAR_WITH_SPACES.sub("|", s)) is not None
    return edged < _EDGED_SHARE * len(piped) and spaced >= 0.5 * len(piped)


def _runs(lines: Sequence[str]) -> list[int]:
    """Lengths of the runs of non-blank lines."""
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
    return runs


def _wrapped(piped: Sequence[str]) -> bool:
    """Pipe rows as web tables print them: collapsed empty cells (``||||``), bare ``|`` lines,
    no empty cell at all under an indicator header the forms know, or rows whose cells wrap
    onto lines that do not start a row."""
    rows = [s.strip() for s in piped if not is_border(s)]
    if _one_grid(rows):
        return False  # every row as many cells: empty ones written || are cells, not dropped
    if any(_COLLAPSED.search(s) or s in ("|", "｜") for s in rows):
        return True
    if (
        not any(_EMPTY_CELL.search(s) for s in rows)
        and (_known_indicator_header(rows) or _labels_pushed_left(rows))
        and not _rows_fill_header(rows)
    ):
        # A form always has empty cells (merged categories): these were dropped, and a row's
        # cells no longer stand under their columns. Rebuilt from the form's labels, unless
        # the header names a column the forms' vocabulary does not know (read by position).
        return True
    ends = [s for s in rows if s.endswith(("|", "｜"))]
    # a line opening with a label of the form opens a row, with a pipe or not (a table whose
    # rows open with one only where their first cell is empty)
    opened = sum(s.startswith(("|", "｜")) for s in ends)
    unopened = sum(not s.startswith(("|", "｜")) and not _opens_a_row(s) for s in ends)
    return opened > 0 and unopened > 0 and unopened >= _WRAPPED_SHARE * len(ends)


def _labels_pushed_left(rows: Sequence[str]) -> bool:
    """In rows with no header (an excerpt), a 二级 label opens one row and a 一级 label
    another (| 质量指标 | … and | 效益指标 | 经济效益指标 | …), no cell being empty: a row
    under a merged 一级 cell lost that empty cell, so its cells no longer stand under their
    columns, which no header tells."""
    from reviewer.parse.labels import LabelKind, label_kind

    if any(_NAMED_COLUMNS.search(s) for s in rows):
        return False  # under a header the rows are read in order, their names where they are
    firsts = {label_kind(cells[0]) for s in rows if (cells := _PIPE.split(s.strip(" |｜")))}
    return LabelKind.L1 in firsts and LabelKind.L2 in firsts


_NAMED_COLUMNS = lazy_compile(r"[一二三]级指标")


def _one_grid(rows: Sequence[str]) -> bool:
    """Most pipe rows hold the same number of cells, and many: a grid that writes its empty
    cells (``||``), not a web table that dropped them."""
    counts = Counter(len(_PIPE.findall(s)) for s in rows)
    if not counts:
        return False
    bars, n = counts.most_common(1)[0]
    if bars < _GRID_BARS or n < _GRID_SHARE * len(rows):
        return False
    # rows padded to one length after their cells were pushed left keep their empties at the
    # end; a grid has empty cells before filled ones (merged labels, blank values)
    gapped = sum(bool(_GAP.search(s)) for s in rows)
    return gapped >= _GRID_GAPPED * len(rows)


def _rows_fill_header(rows: Sequence[str]) -> bool:
    """The indicator rows each hold as many cells as their header (one fewer where the header
    opens with the section's title), an empty last cell kept as its pipe (… | 10 |, some row
    showing one): every row written whole, its 一级 and 二级 on each line, none dropped."""
    start = next((i for i, s in enumerate(rows) if "一级指标" in s or "三级指标" in s), None)
    if start is None:
        return False
    n = _cell_count(rows[start])
    body = []
    kept = False  # a row that kept an empty last cell (… | 10 |, no pipe before its first)
    for s in rows[start + 1 :]:
        if s.lstrip("|｜ ").startswith(("总分", "合计", "总计")):
            break
        body.append(_cell_count(s))
        kept = kept or (s.endswith(("|", "｜")) and not s.startswith(("|", "｜")))
    whole = sum(c in (n, n - 1) for c in body)
    return kept and len(body) >= _MIN_WHOLE_ROWS and whole >= _WHOLE_SHARE * len(body)


def _cell_count(line: str) -> int:
    """A pipe row's cells, an empty one kept where its pipe ends the line (… | 10 |)."""
    s = line.strip()
    if s.startswith(("|", "｜")):
        s = s[1:]
    return len(_PIPE.split(s))


_MIN_WHOLE_ROWS = 3
_WHOLE_SHARE = 0.8


# An indicator header printed as a pipe row: | 一级指标 | 二级指标 | 三级指标 | …
_PIPED_HEADER = lazy_compile(r"^\s*[|｜]\s*一级指标\s*[|｜]\s*二级指标\s*[|｜]")


def _known_indicator_header(rows: Sequence[str]) -> bool:
    """The indicator header's rows (from the one naming 一级指标 or 三级指标 to the first
    row that is not all labels) name only columns the forms know."""
    from reviewer.forms.script import for_reading, is_traditional
    from reviewer.ingest.rebuild.anchors import Kind, kinds

    traditional = is_traditional("\n".join(rows))  # 一級指標 is read as 一级指标
    rows = [for_reading(s, traditional) for s in rows]
    labels = {Kind.COLUMN, Kind.SECTION}
    start = next((i for i, s in enumerate(rows) if "一级指标" in s or "三级指标" in s), None)
    if start is None:
        return False
    for s in rows[start:]:
        cells = _wrapped_labels([c.strip() for c in _PIPE.split(s) if c.strip()])
        known = [bool(kinds(c) & labels) for c in cells]
        if not all(known):
            return s != rows[start] and not any(known)  # a row of values ends the header
    return True


def _wrapped_labels(cells: list[str]) -> list[str]:
    """Header cells with a label wrapped over two cells joined again (``label_goes_on``)."""
    from reviewer.ingest.rebuild.anchors import label_goes_on

    out: list[str] = []
    for c in cells:
        if out and label_goes_on(out[-1], c):
            out[-1] += c
        else:
            out.append(c)
    return out


def _words_layout(nonempty: Sequence[str]) -> Layout | None:
    """Single spaces between cells: a row per line (words), or the whole table on one or two
    lines (flat); told from running text by the form's labels among the words."""
    from reviewer.ingest.rebuild.anchors import is_label

    words = [w for s in nonempty for w in s.split()]
    if sum(is_label(w) for w in words) < _MIN_LABELS:
        return None
    counts = [len(s.split()) for s in nonempty]
    if sum(counts) >= _FLAT_WORDS * len(counts) or (
        len(counts) <= _FLAT_LINES and max(counts) >= _FLAT_WORDS
    ):
        return Layout.FLAT  # a table per line (or one or two lines for the whole text)
    # a note or a paragraph of prose under the table is one long word: not a row of cells
    rows = [s for s in nonempty if len(s) <= _PROSE or len(s.split()) > 1]
    share = sum(len(s.split()) >= _MIN_WORDS for s in rows) / len(rows)
    if share >= 0.5:
        return Layout.WORDS
    # A PDF viewer's copy: wrapped cells go on over lines of their own, but the indicator
    # header is one line of the form's column labels between single spaces.
    if share >= _WORDS_WITH_HEADER and any(_header_in_words(s) for s in rows):
        return Layout.WORDS
    return None


def _header_in_words(line: str) -> bool:
    from reviewer.ingest.rebuild.anchors import Kind, kinds

    words = line.split()
    return len(words) >= _HEADER_WORDS and all(Kind.COLUMN in kinds(w) for w in words)


def glued_example(nonempty: Sequence[str]) -> str | None:
    """A run of glued numbers (``194.9194.9100%``) in a long line holding the form's labels with
    no separators: text that cannot be split into cells without guessing; None otherwise."""
    for s in nonempty:
        glued = _GLUED_NUMBERS.search(s)
        if len(s) < _GLUED_LENGTH or _PIPE.search(s) or glued is None:
            continue
        if sum(label in s for label in _GLUED_LABELS) < _MIN_LABELS:
            continue
        # the longest run of numbers, the one that shows the problem best
        return max(_GLUED_EXAMPLE.findall(s), key=len, default=glued.group(0))
    return None


# A target and its actual in one cell, a space apart (≥92% 93.5%): an OCR export that missed
# the rule between their columns. The target's figure ends with its unit: ≥8 000户 is one
# figure, its thousands a space apart.
_MERGED_TARGET = lazy_compile(r"^([≥≤<>=＝]\s?\d[\d.,]*[^\s\d]{1,6}) (\d[\d.,]*[^\s\d]{0,6})$")


_SPACE_RUN_CELLS = lazy_compile(r" {3,}")


def _tab_cells(line: str, number: int) -> list[Cell] | None:
    if "\t" not in line and "|" in line and (piped := split_piped(line, number)):
        return piped  # a pipe table among tab rows (a report's tables pasted each its own way)
    cells = []
    col = 0
    shift = 0  # merged cells cut in two so far: the columns after them are read a column on
    for raw in line.split("\t"):  # the hot loop of a large text file: kept lean
        col += 1
        if not raw:  # most cells of a form's row are empty
            continue
        text = raw.strip()
        if not text:
            continue
        if " " in text or "\u3000" in text or "\xa0" in text:
            if "   " in text and len(spaced := _SPACE_RUN_CELLS.split(text)) > 1:
                # a line whose cells OCR parted with runs of spaces, not tabs, in a text
                # whose other lines tabs part (年度资金总额   800.00   800.00 …)
                printed = {"line": number, "column": col}
                for k, part in enumerate(spaced):
                    shift += 1 if k else 0
                    cells.append(Cell(clean_cell(part), number, col + shift, raw, where=printed))
                continue
            if (merged := _MERGED_TARGET.match(text)) is not None:
                # two cells under their two labels, each quoted at the cell it was printed in
                printed = {"line": number, "column": col}
                cells.append(Cell(merged.group(1), number, col + shift, text, where=printed))
                shift += 1
                cells.append(Cell(merged.group(2), number, col + shift, text, where=printed))
                continue
            text = clean_cell(text)  # spaces inside a cell: wrapping artefacts to remove
        if shift:
            where = {"line": number, "column": col}
            cells.append(Cell(text, number, col + shift, raw, where=where))
        else:
            cells.append(Cell(text, number, col, raw))
    return cells


# A scan's grid mark outside a pipe row's first or last pipe (丨 | | 质量指标 | …): no cell.
_EDGE_MARK = lazy_compile(r"^[丨Il]\s+(?=[|｜])|(?<=[|｜])\s+[丨Il]$")


def _pipe_cells(line: str, number: int) -> list[Cell] | None:
    if is_border(line):
        return None
    body = _EDGE_MARK.sub("", line.strip())
    # (a row whose grid lines a scan's OCR read as 丨 throughout: 丨 维修改造面积 丨 … 丨)
    if body[:1] in "|｜" or (body[:1] == "丨" and body[1:2].isspace()):
        body = body[1:]
    if body[-1:] in "|｜" or (body[-1:] == "丨" and body[-2:-1].isspace()):
        body = body[:-1]
    cells = []
    for col, raw in enumerate(_PIPE_OR_GRID.split(body), start=1):
        kept = unmarked(raw)
        text = clean_cell(kept)
        if text:
            cells.append(Cell(text, number, col, kept.strip()))
    return cells


def _unedged(lines: Sequence[str]) -> bool:
    """Rows printed with no pipe before their first cell (一、基本情况 | 项目名称: | … |), a row
    whose first cell is empty opening with a space and a pipe ( | 预算数 | 412.80 |): no line
    opens with a pipe at its very start."""
    texted = indented = 0
    for s in lines:
        if not _PIPE.search(s):
            continue
        if s[:1] in "|｜":
            return False  # an edged table's row (| 项目名称 | … |)
        body = s.lstrip()
        if body[:1] in "|｜":
            indented += 1
        elif body:
            texted += 1
    return indented >= _UNEDGED_ROWS and texted >= _UNEDGED_ROWS


_UNEDGED_ROWS = 1


def _unedged_cells(line: str, number: int) -> list[Cell] | None:
    """A row of an unedged table (``_unedged``): a pipe opening it closes its empty first
    cell, so its cells are a column on."""
    cells = _pipe_cells(line, number)
    if cells and line[:1].isspace() and line.lstrip()[:1] in "|｜":
        for c in cells:
            c.column += 1
    return cells


def split_bars(line: str, number: int) -> list[Cell] | None:
    """A row of cells parted by bars, opening with one or not (项目名称 | 某项目 |  | …, a table
    pasted as text): each cell at its place, an empty one counted; None for a line with fewer
    than two bars."""
    if len(_PIPE.findall(line)) < 2:
        return None
    return _pipe_cells(line, number)


def split_piped(line: str, number: int) -> list[Cell] | None:
    """A pasted pipe row (``| 项目名称 | 某项目 |``) cut at its pipes, or None when the line is
    not one (it must open with a pipe and hold another)."""
    body = line.strip()
    if body[:1] not in "|｜" or len(_PIPE.findall(body)) < 2:
        return None
    return _pipe_cells(body, number) or []


# Between cells of a spaced line: a run of spaces, a tab, or a grid line the scan's text kept
# (丨 or ｜ anywhere, | with a space beside it: 8 | 8, 年度指｜实际完)
_SPACED_CELLS = lazy_compile(r"[ \t\u3000\xa0]{2,}|\t|\s*[丨｜]\s*|\s+\|\s*|\s*\|\s+")
# Cells parted by one ideographic space each (质量指标　孕产妇系统管理率　５　≥９０％), as a phone's
# copy or a typist gives them: parted there, in a line with two such gaps or one whose other
# cells two ideographic spaces part (质量指标　病虫害危害损失率　　≤５％).
_IDEOGRAPHIC_GAP = lazy_compile("(?<=\\S)\u3000(?=\\S)")
_MIN_IDEOGRAPHIC_GAPS = 2


def split_spaced(line: str, number: int, gap: int | None = None) -> list[Cell] | None:
    """A line whose cells are separated by tabs, runs of spaces or the marks a scan's grid
    leaves (``_SPACED_CELLS``); empty cells are dropped and a cell's column is its position
    among the line's cells. With ``gap``, the width of the run of spaces a program parted
    every cell of the text with (``_uniform_gap``), a run k times as wide holds k - 1 empty
    cells: the columns after them are counted on. None for a report's rule drawn in characters
    (-----, =====): a border, not content."""
    cells: list[Cell] = []
    body = line.strip()
    if is_border(body):
        return None
    if gap is not None:
        body = _GAP_RUN.sub(lambda m: _empty_cells(len(m.group(0)), gap), body)
    parts = _SPACED_CELLS.split(body)
    if (
        "\u3000" in body
        and (gaps := len(_IDEOGRAPHIC_GAP.findall(body)))
        and (gaps >= _MIN_IDEOGRAPHIC_GAPS or "\u3000\u3000" in body)
    ):
        parts = [q for p in parts for q in p.split("\u3000")]
    if len(parts) == 1 and (words := _single_spaced(body)) is not None:
        parts = words
    elif any(" " in p for p in parts):
        parts = [w for p in parts for w in _header_parts(p)]
    column = 0
    for raw in parts:
        if raw == _EMPTY_CELL_MARK:
            column += 1
            continue
        text = clean_cell(unbold(raw))  # a Markdown document's lines between its tables
        if text:
            column += 1
            cells.append(Cell(text, number, column, raw))
    return cells


# Runs of spaces between two cells' text, and the mark an empty cell between them is given.
_GAP_RUN = lazy_compile(r"(?<=\S) {2,}(?=\S)")
_EMPTY_CELL_MARK = "\x00"
_MIN_GAPS = 30
_UNIFORM_GAPS = 0.9  # of the runs, one width: a program's join, not a scan's columns


def _empty_cells(run: int, gap: int) -> str:
    cells, rest = divmod(run, gap)
    if rest or cells < 2:
        return " " * run
    return (" " * gap + _EMPTY_CELL_MARK) * (cells - 1) + " " * gap


def _uniform_gap(lines: Sequence[str]) -> int | None:
    """The width of the runs of spaces that part a text's cells when a program wrote every
    cell with one width between (four spaces), most runs that width and the others a multiple
    of it (an empty cell's two gaps side by side); None where the widths vary (a scan's or a
    viewer's columns, lined up)."""
    widths = Counter(len(run) for s in lines for run in _GAP_RUN.findall(s.strip()))
    total = sum(widths.values())
    if total < _MIN_GAPS:
        return None
    width, count = widths.most_common(1)[0]
    multiples = sum(n for w, n in widths.items() if w % width == 0)
    if count < _UNIFORM_GAPS * total or multiples < total or count == total:
        return None
    return width


# A row an OCR service ran together, one space between its cells (新建机耕道路长度 ≥18公里
# 16.5公里 10 10) in a text whose other rows runs of spaces part: cut at its spaces when it
# ends with two figures and opens with words. A figure here holds a digit, and few other
# characters (≥92%, 93.l%, 2019年10月, 1064元/亩).
_FIGURE_WORD = lazy_compile(r"^(?=\D{0,3}\d)[^\s]{1,12}$")
_MIN_SPACED_WORDS = 3


def _single_spaced(line: str) -> list[str] | None:
    words = line.split(" ")
    if len(words) < _MIN_SPACED_WORDS or any(not w for w in words):
        return None
    tail = [nfkc(w) for w in words[-2:]]
    if all(_FIGURE_WORD.match(w) for w in tail) and not _FIGURE_WORD.match(nfkc(words[0])):
        return words
    return None


_POINTS_END = lazy_compile(r"[（(]\d+分[)）]$")


def _header_parts(part: str) -> list[str]:
    """A part whose header labels one space parts (a scan's header line), cut into them; a
    category label one space from the name after it (可持续影响 资助政策持续实施年限), or a
    funds row's label one space from its first amount (其中：当年财政拨款 60), the label apart;
    a value one space after the words of a cell that filled its column (审定率 100%)."""
    from reviewer.ingest.rebuild.anchors import Kind, kinds
    from reviewer.parse.columns import header_words
    from reviewer.parse.labels import LabelKind, label_kind

    if words := header_words(part):
        return words
    label, _, rest = part.partition(" ")
    rest = rest.strip()
    if rest and " " not in rest and Kind.COLUMN in kinds(label) & kinds(rest):
        return [label, rest]  # two column labels one space apart (单位(文字描述) 实际完成值)
    if (
        rest
        and " " not in rest
        and Kind.FUND_BLOCK in kinds(label)
        and _POINTS_END.search(label)
        and Kind.FUND_COLUMN in kinds(rest)
    ):
        # a 20/80 form's funds label with its points, one space from its first column's
        # (预算执行情况(元)(20分) 预算数(A)); a label without (部门整体资金(万元) 年初预算数) is
        # often a text whose other lines are no more spaced than it, read by position
        return [label, rest]
    known = (LabelKind.L1, LabelKind.L2, LabelKind.AMBIGUOUS)
    if rest and label_kind(label) in known and label_kind(part.replace(" ", "")) is None:
        second, _, name = rest.partition(" ")
        if name and " " not in name and label_kind(second) in known:
            return [label, second, name]  # 满意度指标 服务对象满意度 被审计单位满意度: 二级 too
        return [label, rest]
    if rest and Kind.FUND_ROW in kinds(label) and _FIGURE_WORD.match(nfkc(rest)):
        return [label, rest]
    return SINGLE_SPACE_VALUE.split(part)


def rows_from_lines(
    lines: Iterable[str], split: Callable[[str, int], list[Cell] | None] = _tab_cells
) -> Iterator[Row]:
    """One row per line, cut into cells by ``split`` (None: a border line, not content).
    Blank lines and form feeds become page breaks."""
    return rows_from_numbered(enumerate(lines, start=1), split)


def rows_from_numbered(
    numbered: Iterable[tuple[int, str]], split: Callable[[str, int], list[Cell] | None]
) -> Iterator[Row]:
    page_break = False
    first = True
    for number, line in numbered:
        line = line.rstrip("\r\n")
        if "\f" in line:
            page_break = True
            line = line.replace("\f", "")
        if not line or line.isspace():
            page_break = True
            continue
        cells = split(line, number)
        if cells is None:
            continue
        yield Row(cells=cells, line=number, page_break_before=page_break and not first)
        page_break = False
        first = False


def quoted_cells_joined(numbered: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Tab-parted lines as a spreadsheet copies cells: a cell holding a line break is put in
    quotes ("家庭经济困难幼儿⏎入园率"), its lines apart. Such a cell's lines are joined into its
    row's line (numbered as its first), the break and the quotes taken off; a quote that
    does not close within a few lines is left as printed."""
    held: list[tuple[int, str]] = []
    for number, line in numbered:
        if not held and '"' not in line:  # most lines: the cheap test first
            yield number, line
            continue
        held.append((number, line.rstrip("\r\n")))
        text = "\n".join(t for _, t in held)
        if _quote_open(text) and len(held) < _QUOTED_LINES:
            continue
        if _quote_open(text):
            yield from held  # no closing quote: the lines as printed
        elif len(held) == 1:
            yield held[0]
        else:
            yield held[0][0], "\t".join(_unquoted(f) for f in text.split("\t"))
        held = []
    yield from held


_QUOTED_LINES = 6  # lines one quoted cell may span


def _quote_open(text: str) -> bool:
    """A cell opened with a quote (at the start of a field) and not closed in ``text``."""
    inside, at_start, k = False, True, 0
    while k < len(text):
        ch = text[k]
        if not inside:
            inside = ch == '"' and at_start
            at_start = ch == "\t"
        elif ch == '"':
            if text[k + 1 : k + 2] == '"':
                k += 1  # a quote inside the cell, doubled
            else:
                inside, at_start = False, False
        k += 1
    return inside


def _unquoted(field: str) -> str:
    """A field as a spreadsheet copied it: one in quotes over lines is its text, the breaks
    and the quotes taken off; any other as it is."""
    if len(field) > 1 and field[0] == '"' and field[-1] == '"' and "\n" in field:
        return field[1:-1].replace('""', '"').replace("\n", "")
    return field


_WRAP_LINES = 6  # lines of one pipe row whose cells wrap: more is no wrapped row


def _piece_of_a_row(body: str) -> bool:
    """A line going on with the pipe row above it: no empty cell (a row of its own prints
    them: 总分 | | | 100 |), no grid mark opening it (a scan's row: I | (40分) | …), no label
    of the form opening it (效益指标 | 社会效益指标 | …: a row of a table whose rows open with a
    pipe only where their first cell is empty)."""
    if _EDGE_MARK.match(body) or _EMPTY_CELL.search(body) or "||" in body:
        return False
    return not _opens_a_row(body)


def _opens_a_row(body: str) -> bool:
    """A line whose first cell is a label that opens a row of the form (a category, the
    indicator block's title, a funds row, a header key, 总分), not a column's label wrapped
    in the header (指标值 | 实际 after | 三级指标 | 年度)."""
    from reviewer.ingest.rebuild.anchors import COLUMN_KINDS, ROW_OPENING, kinds
    from reviewer.parse.labels import label_kind

    first = _PIPE.split(body, 1)[0].strip()
    if not first:
        return False
    found = kinds(first)
    # a word that also heads a column (预算数: a row of one form, a column of another) may be
    # a wrapped header cell's
    return label_kind(first) is not None or bool(found & ROW_OPENING and not found & COLUMN_KINDS)


def _pipe_rows_unwrapped(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """The numbered lines of a pipe table, a row whose cells wrap onto lines of their own
    given as one line at its first line's number, the breaks kept inside its cells. Two ways
    a copy prints such a row: it opens with a pipe and does not close with one, the lines after
    it open with none, and the last of them closes with one (``| 三级指标 | 年度`` / ``指标值 |
    实际`` / ``及改进措施 |``); or each of its lines closes with a pipe, the first opening with
    one and the others not (``| 项目资金 |`` / ``（万元） | 年初 |`` / ``预算数 | 调整后 |``): there
    a line's last pipe is the break inside the cell the next line goes on with. Lines that do
    not go so are given as they are."""
    held: list[str] = []  # a row and the lines that went on with it
    closed = False  # the held row's last line closes with a pipe
    start = 0
    for number, line in enumerate(lines, start=1):
        body = line.strip()
        if held:
            goes_on = (
                body
                and body[0] not in "|｜"
                and "\f" not in line
                and len(held) < _WRAP_LINES
                and not _opens_a_row(body)
            )
            if goes_on and not closed:
                held.append(line.rstrip("\r\n"))
                closed = body[-1] in "|｜"
                continue
            if goes_on and body[-1] in "|｜" and _piece_of_a_row(body):
                held[-1] = held[-1].rstrip()[:-1]  # its closing pipe was a line break
                held.append(line.rstrip("\r\n"))
                continue
            if closed:
                yield start, "\n".join(held)
            else:
                yield from enumerate(held, start=start)  # no wrapped row after all
            held = []
        if body and body[0] in "|｜" and _PIPE.search(body, 1):
            held, start, closed = [line.rstrip("\r\n")], number, body[-1] in "|｜"
            continue
        yield number, line
    if closed:
        yield start, "\n".join(held)
    else:
        yield from enumerate(held, start=start)


def _ends_unclosed(lines: Sequence[str]) -> bool:
    """The text's last line a pipe row left open (``| 满意度指标 | … | 已达到年度目标，下一步将
    继续加强``) where the pipe rows above it close: the text stops inside that row's last cell."""
    last = next((s.strip() for s in reversed(lines) if s.strip()), "")
    if last[:1] not in "|｜" or last[-1:] in "|｜" or not _PIPE.search(last, 1):
        return False
    piped = [s.strip() for s in lines if s.strip()[:1] in "|｜"][:-1]
    return len(piped) >= _CLOSED_ROWS and all(s[-1] in "|｜" for s in piped[-_CLOSED_ROWS:])


_CLOSED_ROWS = 3  # the rows before the last that show the table's rows close with a pipe


def _last_cut(rows: Iterable[Row], lines: Sequence[str]) -> Iterator[Row]:
    """The rows, the one the text's last line opens marked cut off (``Row.cut_off``)."""
    last_line = max(i for i, s in enumerate(lines, start=1) if s.strip())
    for row in rows:
        if row.line == last_line:
            row.cut_off = True
        yield row


def _band_edge(line: str) -> bool:
    """A line of a drawn grid's rule between rows (``+----+----+``), or one under a cell merged
    down (``|      +----+----+``): ``+`` junctions and dashes, a bar or spaces, nothing else."""
    body = line.strip()
    return "+" in body and ("-" in body or "=" in body) and not body.strip("+-=|｜: ")


def _banded(lines: Sequence[str]) -> bool:
    """A grid drawn with a rule between every two rows (+----+ between the bands): each band of
    pipe lines between rules is one row, its cells wrapped inside their boxes. Not a grid
    ruled only around its header (a database's print: its rows one line each, no rule between)."""
    runs: list[int] = []
    run = 0
    for s in lines:
        if _band_edge(s):
            if run:
                runs.append(run)
            run = 0
        elif s.strip()[:1] in "|｜":
            run += 1
    short = sum(r <= _BAND_LINES for r in runs)
    return len(runs) >= _BANDS and short >= _BANDS_SHORT * len(runs)


_BANDS = 4  # bands between rules, at least
_BAND_LINES = 4  # a row's lines in its band, at most
_BANDS_SHORT = 0.9  # of the bands


def _bands_joined(rows: Iterable[Row], piped: set[int]) -> Iterator[Row]:
    """A ruled grid's rows (``_banded``), each band's lines joined column by column into one
    row: a pipe line right under another (no rule between) goes on with the cells above,
    unless it prints a figure where the line above has one too (two rows of figures a grid
    left unruled). ``piped``: the numbers of the lines that open with a bar."""
    held: Row | None = None
    end = 0
    for row in rows:
        if (
            held is not None
            and row.line == end + 1
            and row.line in piped
            and held.line in piped
            and not row.page_break_before
            and end - held.line + 1 < _BAND_LINES
            and _wraps_into(held, row)
        ):
            above = {c.column: c for c in held.cells}
            for c in row.cells:
                cell = above.get(c.column)
                if cell is None:
                    held.cells.append(c)
                else:  # (the box's width broke the line, not the writer: no break kept)
                    cell.text += c.text
                    cell.raw += c.raw
            held.cells.sort(key=lambda c: c.column)
            end = row.line
            continue
        if held is not None:
            yield Row(held.cells, held.line, held.page_break_before)
        held, end = row, row.line
    if held is not None:
        yield Row(held.cells, held.line, held.page_break_before)


def _wraps_into(held: Row, row: Row) -> bool:
    """``row``'s cells the rests of ``held``'s wrapped in their boxes: none a figure under a
    figure of the row above."""
    above = {c.column: c.text for c in held.cells}
    return not any(
        _FIGURE.match(c.text) and _FIGURE.match(above.get(c.column, "")) for c in row.cells
    )


def _cells_continued(rows: Iterable[Row]) -> Iterator[Row]:
    """Pipe rows with a row's cells that went on in a row of their own, its other cells empty
    (| 产出指标 | 数量指标 | 更新改造供水管网长 | ≥80公里 | … / | | | 度 | | |), joined again: the
    text goes on with the cell above in its column. Such a row holds a few words and no figure,
    each under a filled cell of the row just above it."""
    held: Row | None = None
    end = 0  # the line the held row ends on, its rows of cells going on included
    for row in rows:
        if held is not None and row.line == end + 1 and _goes_on_above(held, row):
            above = {c.column: c for c in held.cells}
            for c in row.cells:
                cell = above[c.column]
                cell.text += c.text
                cell.raw += "\n" + c.raw
            end = row.line
            continue
        if held is not None:
            yield held
        held, end = row, row.line
    if held is not None:
        yield held


def _goes_on_above(held: Row, row: Row) -> bool:
    """Each of ``row``'s cells a rest of words shorter than the filled cell above it (a wrap's
    last line; a name as long as the one above is the next row's, its values below it)."""
    if row.page_break_before or not 0 < len(row.cells) <= _CONTINUED_CELLS:
        return False  # the cheap test first: this runs for every pipe row
    above = {c.column: len(c.text) for c in held.cells}
    return (
        len(held.cells) >= _CONTINUED_AFTER
        and all(
            c.column > 1
            and len(c.text) < above.get(c.column, 0)
            and _WORDS_ONLY.match(c.text) is not None  # no figure, no placeholder (……)
            for c in row.cells
        )
        and not any(is_any_label(c.text) for c in row.cells)  # 按收入性质分 | 按支出性质分
    )


_WORDS_ONLY = lazy_compile(r"^[\u4e00-\u9fff（）()、，,。；;]+$")
_CONTINUED_AFTER = 4  # cells of the row above: a row of the table, not a key's
_CONTINUED_CELLS = 2


# The tail of a cell whose line break a copied Word table kept (路面技术状况指数 / （PQI）,
# 产出指标 / (50分)), opening the next line before the row's other cells.
_BRACKET_TAIL = lazy_compile(r"^[(（][^()（）]{1,12}[)）]$")
_FIGURE = lazy_compile(r"^[≥≤><=]?\s*\d[\d.,]*\s*%?$")


def _brackets_closed(rows: Iterable[Row]) -> Iterator[Row]:
    """Rows laid out by position with a label's bracket closed in the row below it: a narrow
    header cell wrapped (得分(20分*执 / 行率), 单位(文字 / 描述)) whose rest the layout put in
    the next row's cell of that column, before that row's own text (行率)18, 描述)人). The rest
    goes back to its label, as a field's label's last word alone on the next line does."""
    held: Row | None = None
    for row in rows:
        if (
            held is not None
            and held.cells
            and len(row.cells) == 1
            and row.cells[0].column == held.cells[0].column == 1
            and row.cells[0].text in _LABEL_TAILS
            and held.cells[0].text.endswith(("）", ")"))
        ):
            # a field's label wrapped in its narrow column (转移支付（项目） / 名称), its value
            # beside its first line
            held.cells[0].text += row.cells[0].text
            continue
        if held is not None and row.cells:
            unclosed = {c.column: c for c in held.cells if _UNCLOSED_LABEL.search(c.text)}
            if unclosed:
                for c in row.cells:
                    label = unclosed.get(c.column)
                    rest = _BRACKET_REST.match(c.text) if label is not None else None
                    if label is not None and rest is not None:
                        label.text += rest.group(0)
                        c.text = c.text[rest.end() :].lstrip()
                row.cells = [c for c in row.cells if c.text]
                if not row.cells:
                    continue  # the line held the label's rest only
        if held is not None:
            yield held
        held = row
    if held is not None:
        yield held


# A label's bracket left open at its cell's end (得分(20分*执), and the words that close it at
# the start of the cell below (行率), 描述)): no figure among them.
_UNCLOSED_LABEL = lazy_compile(r"[(（][^()（）]{0,12}$")
_BRACKET_REST = lazy_compile(r"^[^()（）\d\s]{1,8}[)）]")
_LABEL_TAILS = frozenset({"名称", "单位", "部门"})


def _tab_rows_rejoined(rows: Iterable[Row]) -> Iterator[Row]:
    """Tab rows with a cell's line break joined again: a row that stops in its label or name
    columns (no figure in it), and the next line opening at its first column with a bracketed
    tail (（PQI）, (50分)) or the end of a category label (服务对象满意 / 度指标) and going on
    with cells of its own. The tail ends the cell it broke,
    and the cells after it take the columns after that cell, so long as the row does not run
    past the widest row read so far (its header)."""
    held: Row | None = None  # the row before, yielded once the next is read
    width = 0
    for row in rows:
        cells = row.cells
        if (
            held is not None
            and len(cells) > 1
            and cells[0].column == 1
            # the cheap test first: this runs for every row
            and (cells[0].text[:1] in "(（" or cells[0].text.endswith("指标"))
            and _joins(held, row, width)
        ):
            last = held.cells[-1]
            shift = last.column - 1
            last.text += cells[0].text
            last.raw += "\n" + cells[0].raw
            for c in cells[1:]:
                c.column += shift
            joined = Row([*held.cells, *cells[1:]], held.line, held.page_break_before)
            if len(joined.cells) > 3:
                width = max(width, joined.cells[-1].column)
            yield joined
            held = None
            continue
        if held is not None and len(cells) == 1 and _pushed_on(held, row, width):
            # the row's last figure a scan pushed onto the next line (… | 10 / 10): its
            # cell, in the column after the row's last
            c = cells[0]
            c.column = held.cells[-1].column + 1
            held = Row([*held.cells, c], held.line, held.page_break_before)
            continue
        if held is not None:
            yield held
        if len(cells) > 3:
            width = max(width, cells[-1].column)
        held = row
    if held is not None:
        yield held


def _pushed_on(held: Row, row: Row, width: int) -> bool:
    """``row``, one figure alone at the line's start right under ``held``, is ``held``'s last
    cell: ``held`` ends in a figure short of the header's columns, and the lone figure is no
    more than it (a score after its weight). A page's number comes after a break."""
    cell = row.cells[0]
    last = held.cells[-1] if held.cells else None
    if (
        last is None
        or row.page_break_before
        or row.line != held.line + 1
        or cell.column != 1
        or len(held.cells) < _PUSHED_AFTER
        or last.column + 1 >= width
    ):
        return False
    score, weight = parse_number(cell.text), parse_number(last.text)
    return score is not None and weight is not None and 0 <= score <= weight


_PUSHED_AFTER = 4  # cells, at least, of the row a figure is pushed from: a row of the table


def _joins(held: Row, row: Row, width: int) -> bool:
    """``row`` goes on with ``held``'s last cell (see ``_tab_rows_rejoined``)."""
    cells = row.cells
    return (
        not row.page_break_before
        and row.line == held.line + 1
        and bool(held.cells)
        and (
            _BRACKET_TAIL.match(cells[0].text) is not None
            or category_goes_on(held.cells[-1].text, cells[0].text)
        )
        and cells[-1].column + held.cells[-1].column - 1 <= width
        and not any(_FIGURE.match(c.text) for c in held.cells)
    )


_CSV_SNIFF_LINES = 20
_SEMICOLON_SHARE = 2  # semicolons more than twice the commas: they part the fields


def _csv_rows(lines: Iterable[str]) -> Iterator[Row]:
    """A row per record, located at the line the record starts on; a record with no text
    (,,,) is skipped, as a spreadsheet's empty row is. Fields parted by semicolons where the
    first lines hold more of them than of commas (a spreadsheet saved in a locale whose
    decimal mark is the comma)."""
    it = iter(lines)
    head = list(itertools.islice(it, _CSV_SNIFF_LINES))
    semicolons = sum(s.count(";") for s in head)
    delimiter = ";" if semicolons > _SEMICOLON_SHARE * sum(s.count(",") for s in head) else ","
    reader = csv.reader(
        (line.replace("\f", "") for line in itertools.chain(head, it)), delimiter=delimiter
    )
    start = 1
    for record in reader:
        line, start = start, reader.line_num + 1
        cells = []
        for column, raw in enumerate(record, start=1):
            text = clean_cell(raw)
            if text:
                cells.append(Cell(text, line, column, raw))
        if cells:
            yield Row(cells=cells, line=line)


def _rows_cell_per_line(lines: Iterable[str]) -> Iterator[Row]:
    from reviewer.ingest.rebuild.furniture import page_furniture

    lines = list(lines)
    whole, rests = _unwrapped_cells(lines)
    # a page's foot and the next page's head printed inside a row (no blank line between):
    # rows of their own, after the row
    furniture = {  # (a bare number inside a row is its cell: 总分 | 100 | 100, then a title)
        k: text
        for k, text in page_furniture([s.replace("\f", "") for s in lines], headers=False).items()
        if not _BARE_NUMBER.match(text)
    }
    # (a page's foot of two lines, the report's name over the number, set apart where it
    # stands; the next page's running head after the number is left to the title's reading)
    foot_heads = {
        k for k in furniture if k + 1 in furniture and PAGE_NUMBER.match(clean_cell(lines[k + 1]))
    }
    feet: list[Row] = []
    cells: list[Cell] = []
    blanks = 0  # blank lines since the last row ended
    form_feed = False
    row_break = False
    first = True
    title: list[Cell] | None = None  # after a page's number: the form's title printed again
    for number, line in enumerate(lines, start=1):
        if "\f" in line:
            form_feed = True
            line = line.replace("\f", "")
        if number - 1 in rests:
            continue  # the rest of the cell above, joined to it
        text = clean_cell(whole.get(number - 1, line))
        if number - 1 in furniture and (cells or number - 1 in foot_heads):
            foot = Row(cells=[Cell(text, number, 1, line.strip(), used=True)], line=number)
            if cells:
                feet.append(foot)
            else:
                yield foot
            continue
        if title is not None and text:
            # the title's lines, wrapped (2022年度农机购置与应用补贴区域绩 / 效目标自评表): a
            # row of their own, the page's next row opening a page; not a title: a row's
            title.append(Cell(text, number, len(title) + 1, line.strip(), where={"line": number}))
            joined = "".join(c.text for c in title)
            if _TITLE_END.search(joined):
                raw = "\n".join(c.raw for c in title)
                head = Cell(joined, title[0].line, 1, raw, where={"line": title[0].line})
                yield Row(cells=[head], line=head.line)
                title, form_feed = None, True
            elif len(title) >= _TITLE_LINES:
                cells, title = title, None
            continue
        if not cells and PAGE_NUMBER.match(text):
            # a page's number between a row's lines and the next's (— 1 —): its own row
            yield Row(
                cells=[Cell(text, number, 1, line.strip(), where={"line": number})], line=number
            )
            title, form_feed = [], True
            continue
        if not text:
            if cells:
                yield from _rows_apart(cells, row_break)
                cells = []
            yield from feet
            feet = []
            blanks += 1
            continue
        if not cells:
            row_break = (blanks >= 2 or form_feed) and not first
            first = False
        blanks = 0
        form_feed = False
        if cells and _label_tail(cells[-1].text, text):
            # a label's bracketed tail its cell wrapped onto a line of its own (年初目标值 /
            # (A), 执行率 / (B/A)): the label's, not a column of its own
            last = cells[-1]
            cells[-1] = Cell(last.text + text, last.line, last.column, last.raw, where=last.where)
            continue
        cells.append(Cell(text, number, len(cells) + 1, line.strip(), where={"line": number}))
    if cells:
        yield from _rows_apart(cells, row_break)
    yield from feet


def _unwrapped_cells(lines: list[str]) -> tuple[dict[int, str], set[int]]:
    """A viewer's copy wrapping each long cell at its column's width (…资助家庭经济困难幼 / 儿人数):
    the lines that gained their cell's rest (index → the whole cell), and the rests' lines.
    A rest the width leaves in doubt (a name as wide as the column, then a short text) is the
    cell's when a value follows it (… / 儿人数 / ≥ / 4200), not a target of words."""
    from reviewer.ingest.rebuild.anchors import is_any_label
    from reviewer.ingest.rebuild.wrapped import VALUE_OPENS, in_section, unwrapped

    plain = [s.rstrip("\r\n").replace("\f", "") for s in lines]
    out, maybe = unwrapped(plain, is_any_label)
    joined: dict[int, str] = {}
    rests: set[int] = set()
    owner = 0
    section = False  # among the indicator rows: the head's lines, rows of a kind, stay apart
    for i, (was, now) in enumerate(zip(plain, out, strict=True)):
        section = in_section(section, was.strip())
        if not section:
            owner = i
        elif was.strip() and not now:
            rests.add(i)
            joined[owner] = out[owner]
        elif (
            i in maybe
            and _WORDS_REST.match(was.strip())
            and i + 1 < len(plain)
            and VALUE_OPENS.match(plain[i + 1].strip())
        ):
            rests.add(i)
            joined[owner] = joined.get(owner, out[owner]) + was.strip()
        else:
            owner = i
    return joined, rests


_BARE_NUMBER = lazy_compile(r"^\d{1,3}(?:\s*/\s*\d{1,3})?$")
_WORDS_REST = lazy_compile(r"^[\u4e00-\u9fff（）()]{1,8}$")


def _rows_apart(cells: list[Cell], row_break: bool) -> Iterator[Row]:
    """The cells up to a blank line: one row, or two when the blank line between them was left
    out: after a row's points (two figures) and its explanation's sentence, a category label
    (…下一步将开通线上服务。 | 可持续影响指标 | 档案安全事故发生次数 | …) opens the next. Many
    more cells than a row of any form has: blocks of the form printed without the blank lines
    between their rows (the funds, the goals, the header), rebuilt as a copy with no row
    breaks is, by the form's labels."""
    if len(cells) > _ROW_CELLS and _head_run_together(cells):
        rows = _rebuilt_block(cells)
        if rows:
            if row_break:
                rows[0].page_break_before = True
            yield from rows
            return
    cut = next(
        (
            k
            for k in range(4, len(cells))
            if cells[k - 1].text.endswith(("。", "；"))
            and label_kind(cells[k].text) not in (None, LabelKind.UNKNOWN)
            and sum(_FIGURE.fullmatch(c.text) is not None for c in cells[:k]) >= 2
        ),
        None,
    )
    if cut is None:
        yield Row(cells=cells, line=cells[0].line, page_break_before=row_break)
        return
    yield Row(cells=cells[:cut], line=cells[0].line, page_break_before=row_break)
    rest = [
        Cell(c.text, c.line, n, c.raw, where=c.where) for n, c in enumerate(cells[cut:], start=1)
    ]
    yield from _rows_apart(rest, False)


def _head_run_together(cells: list[Cell]) -> bool:
    """The block is the form's head up to its indicator header and a row or so after it (the
    rows below set apart by blank lines): a block holding the header's own cells (一级指标,
    三级指标) and few cells after them. (A block holding the table's rows too, a copy with no
    blank line in the table, is read as one row, by the rows' own pattern.)"""
    at = next((k for k, c in enumerate(cells) if c.text in _HEADER_CELLS), None)
    return at is not None and len(cells) - at <= _AFTER_HEADER


def _rebuilt_block(cells: list[Cell]) -> list[Row]:
    """The rows the block's lines make when read by the form's labels; none when they cannot
    be read so (the block is then one row, as printed)."""
    from reviewer.ingest.rebuild import Unreadable, rebuild_rows

    text = [""] * cells[-1].line
    for c in cells:
        text[c.line - 1] = c.raw
    try:
        return rebuild_rows(text, "flat")
    except Unreadable:
        return []


_ROW_CELLS = 24  # cells, more than a row of any form holds (a Hebei row has 13)
# The indicator header's own cells: a block holding them holds the form's rows, not a typed
# list's lines (项目名称：… / （1）新建改造农村供水工程 / 年度指标值：≥25处, read as items)
_HEADER_CELLS = frozenset({"一级指标", "三级指标"})
_AFTER_HEADER = 24  # cells after the header's first: its other labels and a row or two
_FIGURE = lazy_compile(r"\d+(?:\.\d+)?")  # a row's points, alone in their cell
_LABEL_TAIL = lazy_compile(r"^[(（][^()（）]{1,14}[)）]$")
_TITLE_END = lazy_compile(r"(?:自评|评价|情况)表(?:[(（]续[)）])?$")
_TITLE_LINES = 3


def _label_tail(before: str, text: str) -> bool:
    return _LABEL_TAIL.match(text) is not None and not any(ch.isdigit() for ch in before)


def spaced_rows(lines: Iterable[str]) -> Iterator[Row]:
    """A row per line, cells apart where runs of spaces (or a scan's grid marks) part them."""
    from reviewer.ingest.mirror import unmarked

    lines = list(lines)
    gap = _uniform_gap(lines)
    split = split_spaced if gap is None else partial(split_spaced, gap=gap)
    return _lone_figures_joined(_lower_labels_placed(unmarked(rows_from_lines(lines, split))))


def _lower_labels_placed(rows: Iterable[Row]) -> Iterator[Row]:
    """A header's lower row (符号 | 值 | 单位(文字描述) | … under 预期指标值 and the labels after
    it) read a line at a time: its labels stand in columns 1, 2, … though they belong under the
    upper labels that span several columns. Where the lower labels are the known parts of
    group labels above them (符号 / 值 / 单位 of 预期指标值, 单项指标得分 / 权重占比 / 折算得分 of
    自评得分; the lower row printed over one line or two) and the columns then number as many
    as the first row's cells, each group goes under its label (``_under_groups``); else the
    lower labels take the last columns of the rows under them (the first upper labels, 一级指标
    …, span none)."""
    from reviewer.ingest.rebuild.anchors import Kind, kinds

    def labels(row: Row, share: float = 1.0) -> bool:
        named = sum(
            Kind.COLUMN in kinds(c.text) or group_of(c.text, parents=False) is not None
            for c in row.cells
        )
        return named >= share * len(row.cells)

    window: list[Row] = []
    for row in rows:
        window.append(row)
        if len(window) < _HEADER_WINDOW:
            continue
        upper, lower, first = window[:3]
        if (
            len(upper.cells) >= _MIN_HEADER_CELLS
            and labels(upper, 0.5)  # an upper label cut (单项指标实际 / 完成值) is none alone
            and labels(lower)
        ):
            lowers = [lower]
            if labels(first) and not labels(window[3]):
                lowers, first = [lower, first], window[3]  # the lower row over two lines
            wide = len(first.cells)
            parts = [c for r in lowers for c in r.cells]
            if labels(first):
                pass
            elif _under_groups(upper.cells, parts, wide):
                if len(lowers) == 2:  # one lower row, its labels in their columns
                    window[1:3] = [Row(sorted(parts, key=lambda c: c.column), lower.line)]
            elif len(lowers) == 1 and len(lower.cells) < wide <= len(upper.cells) + len(
                lower.cells
            ):
                shift = wide - len(lower.cells)
                for c in lower.cells:
                    c.column += shift
        yield window.pop(0)
    yield from window


_HEADER_WINDOW = 4  # the upper row, the lower over one or two lines, the first row


def _under_groups(upper: list[Cell], parts: list[Cell], wide: int) -> bool:
    """Place ``parts`` under their labels in ``upper`` and number every column, when, in the
    upper labels' order, each part is one of the known parts of the group label above it (符号
    / 值 / 单位 of 预期指标值: a column each) or the end of the label above it wrapped onto the
    lower line (单项指标 / 实际完成值: that label's column), some part a group's, and the
    columns then number ``wide``. False, nothing moved, else."""
    from reviewer.ingest.rebuild.anchors import Kind, kinds

    plan: list[tuple[Cell, list[Cell], bool]] = []  # each upper label, the parts under it
    k = 0
    for c in upper:
        group = group_of(c.text, parents=True)
        under: list[Cell] = []
        if group is not None:
            while k < len(parts) and group_of(parts[k].text, parents=False) == group:
                under.append(parts[k])
                k += 1
        elif (
            k < len(parts)
            and group_of(parts[k].text, parents=False) is None
            and Kind.COLUMN in kinds(c.text + parts[k].text)
        ):
            under.append(parts[k])  # the label's wrapped end: its own column
            k += 1
        plan.append((c, under, group is not None and bool(under)))
    grouped = any(is_group for _, _, is_group in plan)
    width = sum(len(under) if is_group else 1 for _, under, is_group in plan)
    if not parts or k != len(parts) or not grouped or width != wide:
        return False
    column = 1
    for c, under, is_group in plan:
        c.column = column
        for p in under:
            p.column = column
            column += is_group
        column += not is_group
    return True


_MIN_HEADER_CELLS = 5


# A row's label alone on its line and its figures a line each under it, as a phone's copy of a
# funds row gives them (总额 / ５６０．００ / ５６０．００ / ５４８．６２ / ９７．９７％ / １０ / 无).
_LONE_LABEL_CHARS = 24
_MIN_LONE_FIGURES = 3
_MAX_LONE_FIGURES = 12


def _lone_figures_joined(rows: Iterable[Row]) -> Iterator[Row]:
    """Rows with a label row and the lone figures under it made one row, the figures in the
    columns after the label's in their order (the spaced layout's columns are positions)."""
    held: list[Row] = []  # a lone label, then the lone figures under it
    for row in rows:
        lone = len(row.cells) == 1 and not row.page_break_before
        if lone and held and len(held) <= _MAX_LONE_FIGURES and _lone_figure(row):
            held.append(row)
            continue
        yield from _joined(held)
        held = []
        if len(row.cells) == 1:  # a label may open a page
            text = row.cells[0].text
            if len(text) <= _LONE_LABEL_CHARS and not _lone_figure(row):
                held = [row]
                continue
        yield row
    yield from _joined(held)


def _lone_figure(row: Row) -> bool:
    """A figure (``_FIGURE``), a dash for none, or 无 (the funds row's 原因)."""
    text = nfkc(row.cells[0].text)
    return _FIGURE.match(text) is not None or text == "无" or _DASHES.match(text) is not None


_DASHES = lazy_compile(r"^[-—/]+$")


def _joined(held: list[Row]) -> Iterator[Row]:
    if len(held) - 1 < _MIN_LONE_FIGURES:
        yield from held
        return
    first = held[0]
    cells = [first.cells[0]]
    for k, row in enumerate(held[1:], start=2):
        c = row.cells[0]
        cells.append(Cell(c.text, c.line, k, c.raw))
    yield Row(cells=cells, line=first.line, page_break_before=first.page_break_before)


# Ditto marks opening a line, each before a space or the line's end: the cells above's text.
_DITTO = lazy_compile(r"^\s*(?:(?:〃|″|同上)(?:[ \u3000]+|$))+")


def layout_rows(
    lines: Iterable[str], layout: Layout, taken: list[Leftover] | None = None
) -> Iterator[Row]:
    """Rows of a text in ``layout``; a rebuilt layout is read whole (``rebuild.Unreadable``
    when it cannot be read without guessing). What a reader takes out as no table's (a
    scan's seal) goes to ``taken``."""
    if layout in REBUILT:
        from reviewer.ingest.glued_labels import labels_spaced
        from reviewer.ingest.rebuild import rebuild_rows

        text = [line.rstrip("\r\n").replace("\f", "") for line in lines]
        # a header whose labels ran together (一级指标二级指标三级指标…): its labels, spaced;
        # the category labels a typist marked as the row above's (〃 〃 65岁…): left out, as a
        # merged cell's are
        text = [labels_spaced(_DITTO.sub("", s)) for s in text]
        return iter(rebuild_rows(text, REBUILT[layout]))
    if layout is Layout.LINES:
        return _rows_cell_per_line(lines)
    if layout is Layout.CSV:
        return _csv_rows(lines)
    if layout is Layout.PIPES:
        lines = list(lines)
        split = _unedged_cells if _unedged(lines) else _pipe_cells
        rows = rows_from_numbered(_pipe_rows_unwrapped(lines), split)
        if _banded(lines):
            piped = {i for i, s in enumerate(lines, start=1) if s.strip()[:1] in "|｜"}
            rows = _bands_joined(rows, piped)
        rows = _cells_continued(rows)
        return _last_cut(rows, lines) if _ends_unclosed(lines) else rows
    if layout is Layout.FIXED:
        from reviewer.ingest.fixed import fixed_or_spaced

        return _brackets_closed(
            fixed_or_spaced([line.rstrip("\r\n") for line in lines], spaced_rows, taken)
        )
    if layout is Layout.SPACES:
        from reviewer.ingest.fixed import spaced_or_fixed

        return _brackets_closed(
            spaced_or_fixed([line.rstrip("\r\n") for line in lines], spaced_rows, taken)
        )
    if layout is Layout.MARKED:
        from reviewer.ingest.marked import marked_rows

        return marked_rows(lines)
    from reviewer.ingest.mirror import unmarked
    from reviewer.ingest.paragraphs import paragraphs_rejoined

    numbered = quoted_cells_joined(enumerate(lines, start=1))
    return unmarked(
        paragraphs_rejoined(_tab_rows_rejoined(rows_from_numbered(numbered, _tab_cells)))
    )
