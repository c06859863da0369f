"""PDF page geometry → rows of positioned cells (no pdfplumber objects beyond plain dicts).

* ``char_text``: a cell's characters → its text: lines top to bottom, characters left to
  right; a line wrap joins without a space (wrapped CJK text), except between two ASCII
  letters or digits, where the wrap took a space; in a ruled cell, digits on both sides are
  one number the cell's width wrapped (工程验收合格率1 / 00%), unless the next line opens a
  numbered item.
* ``table_rows``: a ruled table's cells (bounding boxes, merged cells being one larger box)
  → rows. A cell belongs to the row and column where its top-left corner sits: a merged
  label is read once, at the top of what it spans, wherever in it the text is drawn.
* ``line_rows``: free text (outside tables) → one row per text line, cells split at wide gaps.
* ``block_rows``: a page without rulings → rows rebuilt from the text alone: the lines of a
  wrapped cell are stacked back into one cell, cells whose tops align form a row, and
  columns are the left edges that recur across the page.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import median
from typing import Any

from reviewer.lazyre import lazy_compile

Char = dict[str, Any]
BBox = tuple[float, float, float, float]  # x0, top, x1, bottom

_EDGE_TOLERANCE = 1.5  # points: ruling positions closer than this are one edge


@dataclass(slots=True)
class PCell:
    raw: str
    column: int
    x0: float


@dataclass(slots=True)
class PRow:
    top: float
    cells: list[PCell] = field(default_factory=list)


def _size(chars: Sequence[Char]) -> float:
    return float(median(c["size"] for c in chars)) if chars else 10.0


def _mid(c: Char) -> float:
    return (float(c["top"]) + float(c["bottom"])) / 2


def text_lines(chars: Iterable[Char]) -> list[list[Char]]:
    """Characters grouped into lines (by their vertical middle), each sorted left to right."""
    ordered = sorted(chars, key=_mid)
    lines: list[list[Char]] = []
    for c in ordered:
        if lines and _mid(c) - _mid(lines[-1][0]) <= 0.4 * float(c["size"]):
            lines[-1].append(c)
        else:
            lines.append([c])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def _line_text(line: Sequence[Char]) -> str:
    out: list[str] = []
    prev: Char | None = None
    for c in line:
        text = c["text"]
        gap_is_space = prev is not None and c["x0"] - prev["x1"] > 0.3 * float(c["size"])
        if gap_is_space and text != " " and out and out[-1] != " ":
            out.append(" ")
        out.append(text)
        prev = c
    return "".join(out)


def join_wrapped(lines: Iterable[str], ruled: bool = True) -> str:
    """Wrapped lines of one cell → its text (see the module docstring). Digits are joined
    across a wrap only in a ``ruled`` cell: lines stacked into a cell by their positions alone
    may be two cells' (a guess whose space shows)."""
    text = ""
    for line in lines:
        if (
            text
            and line
            and _ascii_word(text[-1])
            and _ascii_word(line[0])
            and not (
                ruled and text[-1].isdigit() and line[0].isdigit() and not _NUMBERED.match(line)
            )
        ):
            text += " "
        text += line
    return text


# A line opening a numbered item (2.下一步, 3、): not the rest of a number a wrap cut (00%, 00.5).
_NUMBERED = lazy_compile(r"\d{1,2}[.、．)）](?!\d)")


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def char_text(chars: Iterable[Char]) -> str:
    chars = list(chars)
    if chars and not any(c["upright"] for c in chars):
        return _turned_text(chars)
    return join_wrapped(_line_text(line) for line in text_lines(chars))


def _turned_text(chars: list[Char]) -> str:
    """A cell written sideways (a narrow header turned a quarter turn, 分值 reading upwards):
    its lines are columns of characters, read up the page when turned anticlockwise (the
    next line to the right), down it when turned clockwise (the next line to the left)."""
    up = float(chars[0]["matrix"][1]) > 0
    ordered = sorted(chars, key=lambda c: float(c["x0"]), reverse=not up)
    lines: list[list[Char]] = []
    for c in ordered:
        if lines and abs(float(c["x0"]) - float(lines[-1][0]["x0"])) <= 0.4 * float(c["size"]):
            lines[-1].append(c)
        else:
            lines.append([c])
    return join_wrapped(
        "".join(c["text"] for c in sorted(line, key=lambda c: float(c["top"]), reverse=up))
        for line in lines
    )


def _edges(values: Iterable[float]) -> list[float]:
    edges: list[float] = []
    for v in sorted(values):
        if not edges or v - edges[-1] > _EDGE_TOLERANCE:
            edges.append(v)
    return edges


def _nearest(edges: list[float], v: float) -> int:
    i = bisect.bisect_left(edges, v)
    if i == len(edges) or (i > 0 and v - edges[i - 1] < edges[i] - v):
        i -= 1
    return i


# A line of a cell that is a figure alone (15, 97.68%, 1,318.62, —): one of a column's values.
_FIGURE_LINE = lazy_compile(r"^(?=[^\d]*\d)[\d.,%％\s]+$")
_STACKED_FIGURES = 2


class RuledTable:
    """A ruled table's cells on one page, on the grid of its distinct ruling positions."""

    def __init__(self, bbox: BBox, cells: Sequence[BBox]) -> None:
        self.bbox = bbox
        self.xs = _edges([c[0] for c in cells] + [c[2] for c in cells])
        self.ys = _edges([c[1] for c in cells] + [c[3] for c in cells])
        self.anchors: list[tuple[int, int]] = []  # (row, column) of each cell's top-left
        self.slots: dict[tuple[int, int], int] = {}  # grid slot → the cell covering it
        for i, (x0, top, x1, bottom) in enumerate(cells):
            c0, c1 = _nearest(self.xs, x0), _nearest(self.xs, x1)
            r0, r1 = _nearest(self.ys, top), _nearest(self.ys, bottom)
            self.anchors.append((r0, c0))
            for r in range(r0, max(r1, r0 + 1)):
                for c in range(c0, max(c1, c0 + 1)):
                    self.slots[(r, c)] = i
        self.chars: dict[int, list[Char]] = {}

    def contains(self, x: float, y: float) -> bool:
        x0, top, x1, bottom = self.bbox
        return x0 <= x <= x1 and top <= y <= bottom

    def add(self, c: Char) -> bool:
        """Take a character inside the table; False when it falls in no cell."""
        x, y = (c["x0"] + c["x1"]) / 2, _mid(c)
        col = bisect.bisect_right(self.xs, x) - 1
        row = bisect.bisect_right(self.ys, y) - 1
        cell = self.slots.get((row, col))
        if cell is None:
            return False
        self.chars.setdefault(cell, []).append(c)
        return True

    def stacked(self) -> bool:
        """Rows the rulings do not part: a cell holding two lines or more that are each a
        figure alone (15 / 10 under 分值), as a table ruled only above and below its body (a
        三线表) gives: its cells are bands of several rows, not the form's cells."""
        for chars in self.chars.values():
            lines = text_lines(chars)
            if len(lines) < _STACKED_FIGURES:
                continue
            texts = ["".join(c["text"] for c in line).strip() for line in lines]
            # (a figure wrapped in a narrow cell, 3,250, / 000.00, is one figure: its first
            # piece ends at a separator)
            figures = sum(
                _FIGURE_LINE.match(t) is not None and t[-1] not in ",." for t in texts if t
            )
            if figures >= _STACKED_FIGURES:
                return True
        return False

    def rows(self) -> list[PRow]:
        by_row: dict[int, PRow] = {}
        for cell, chars in self.chars.items():
            r, c = self.anchors[cell]
            row = by_row.setdefault(r, PRow(self.ys[r]))
            row.cells.append(PCell(char_text(chars), c + 1, self.xs[c]))
        for row in by_row.values():
            row.cells.sort(key=lambda pc: pc.column)
        return [by_row[r] for r in sorted(by_row)]


def _segments(line: Sequence[Char], gap: float) -> list[list[Char]]:
    """A text line cut where two characters are further apart than ``gap``, or separated by
    two or more drawn spaces; a single space is kept (as one space character)."""
    segments: list[list[Char]] = []
    prev: Char | None = None
    spaces: list[Char] = []
    for c in line:
        if not c["text"].strip():
            spaces.append(c)
            continue
        if prev is None or c["x0"] - prev["x1"] > gap or len(spaces) > 1:
            segments.append([c])
        else:
            segments[-1].extend(spaces[:1])
            segments[-1].append(c)
        prev, spaces = c, []
    if len(spaces) == 1 and prev is not None and spaces[0]["x0"] - prev["x1"] <= gap:
        segments[-1].append(spaces[0])  # where a line wraps at a space, the space is the author's
    return segments


def line_rows(chars: Sequence[Char]) -> list[PRow]:
    """Free text: one row per line, cells cut at gaps wider than one and a half characters."""
    rows = []
    for line in text_lines(chars):
        segs = _segments(line, 1.5 * _size(line))
        cells = [PCell(_line_text(s).strip(), k, s[0]["x0"]) for k, s in enumerate(segs, 1)]
        rows.append(PRow(float(min(c["top"] for c in line)), [c for c in cells if c.raw]))
    return rows


@dataclass(slots=True)
class _Block:
    lines: list[list[Char]]
    x0: float
    x1: float
    top: float
    bottom: float


def _goes_on(b: _Block, x0: float, x1: float, size: float) -> bool:
    """A line under a block goes on with its cell when it is set as the cell's lines are:
    from the same left edge, or centred on the same middle. Lines of other cells stacked close
    in a page without rules (a title, its unit, the project's name under them) start and
    centre elsewhere."""
    last = b.lines[-1]
    lx0, lx1 = float(last[0]["x0"]), float(last[-1]["x1"])
    return abs(x0 - lx0) <= size or abs((x0 + x1) / 2 - (lx0 + lx1) / 2) <= size


def block_rows(chars: Sequence[Char]) -> list[PRow]:
    """A page without rulings: see the module docstring."""
    if not chars:
        return []
    size = _size(chars)
    blocks: list[_Block] = []
    recent: list[_Block] = []  # blocks whose last line is close enough above to continue
    for line in text_lines(chars):
        line_top = float(min(c["top"] for c in line))
        recent = [b for b in recent if line_top - b.bottom < 0.6 * size]
        taken: list[_Block] = []
        segments = _segments(line, 0.4 * size)
        spans = [(float(g[0]["x0"]), float(g[-1]["x1"])) for g in segments]
        for seg in segments:
            x0, x1 = float(seg[0]["x0"]), float(seg[-1]["x1"])
            top = float(min(c["top"] for c in seg))
            bottom = float(max(c["bottom"] for c in seg))
            above = [
                b
                for b in recent
                if b not in taken
                and 0 <= top - b.bottom < 0.6 * size
                and min(x1, b.x1) - max(x0, b.x0) > 0
                and _goes_on(b, x0, x1, size)
                # a cell's next line holds no other cell under it (填报单位：… over 项目名称 |
                # the project's name: two cells, not one wrapped)
                and sum(min(a1, b.x1) - max(a0, b.x0) > 0 for a0, a1 in spans) == 1
            ]
            if above:
                b = max(above, key=lambda b: b.bottom)
                b.lines.append(seg)
                b.x0, b.x1, b.bottom = min(b.x0, x0), max(b.x1, x1), bottom
            else:
                b = _Block([seg], x0, x1, top, bottom)
                blocks.append(b)
                recent.append(b)
            taken.append(b)
    rows: list[list[_Block]] = []
    for b in sorted(blocks, key=lambda b: (b.top, b.x0)):
        if rows and b.top - rows[-1][0].top <= 0.5 * size:
            rows[-1].append(b)
        else:
            rows.append([b])
    stops = _edges(b.x0 for row in rows if len(row) > 1 for b in row)
    out = []
    for row in rows:
        cells: list[PCell] = []
        for b in sorted(row, key=lambda b: b.x0):
            column = _nearest(stops, b.x0) + 1 if stops else len(cells) + 1
            text = join_wrapped((_line_text(seg) for seg in b.lines), ruled=False).strip()
            cells.append(PCell(text, column, b.x0))
        out.append(PRow(row[0].top, [c for c in cells if c.raw]))
    return out
