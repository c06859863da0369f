"""Indicator rows printed without their header, in a layout that lost its rows.

A page excerpt may open inside the indicator section, below the header (a search engine's
cache, a page split across posts): the cells that follow are indicator rows, with nothing to
say which column each holds. The forms print those rows in a few shapes only, so each shape is
tried as the header the rows would have had, and the rows are rebuilt under the one that reads
them best (``indicators``, the same dynamic programme as under a printed header):

* the national form's: 一级, 二级, name, target, actual, 分值, 得分, explanation;
* a variant's, 分值 before the target: … name, 分值, target, actual, 得分 …;
* Sichuan's, 指标性质 | 指标值 | 度量单位 apart: … name, nature, value, unit, actual, 分值, 得分 …;
* the Hebei form's section 四: … name, 指标分值 (its definition), 符号, 值, 单位, actual,
  完成情况, 单项指标得分, 权重占比, 折算得分;
* the 20/80 form's, no 分值: … name, target, actual, 得分;
* a form without points (a transfer form's): … name, target, actual, explanation.

The rows are placed in the columns a tab rendering of that shape gives (一级 in column 2), and
the parser reads them as it reads such rows from a tab layout (``parse.columns.headerless``),
with the same tests; rows no shape reads well are left as they were, and the file is refused
as before, saying the form's labels are there.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from reviewer.ingest.rebuild import indicators as ind
from reviewer.ingest.rebuild.header import Column, Header, Slot
from reviewer.ingest.rebuild.indicators import Placed
from reviewer.ingest.rebuild.tokenise import Token
from reviewer.lazyre import lazy_compile
from reviewer.parse import labels as lb

if TYPE_CHECKING:
    from collections.abc import Sequence

_SHAPES: tuple[tuple[Slot, ...], ...] = (
    (Slot.L1, Slot.L2, Slot.NAME, Slot.TARGET, Slot.ACTUAL, Slot.WEIGHT, Slot.SCORE),
    (Slot.L1, Slot.L2, Slot.NAME, Slot.WEIGHT, Slot.TARGET, Slot.ACTUAL, Slot.SCORE),
    (
        Slot.L1,
        Slot.L2,
        Slot.NAME,
        Slot.NATURE,
        Slot.VALUE,
        Slot.UNIT,
        Slot.ACTUAL,
        Slot.WEIGHT,
        Slot.SCORE,
    ),
    (
        Slot.L1,
        Slot.L2,
        Slot.NAME,
        Slot.TEXT,
        Slot.NATURE,
        Slot.VALUE,
        Slot.UNIT,
        Slot.ACTUAL,
        Slot.WORD,
        Slot.NUMBER,
        Slot.WEIGHT,
        Slot.SCORE,
    ),
    (Slot.L1, Slot.L2, Slot.NAME, Slot.TARGET, Slot.ACTUAL, Slot.SCORE),
    (Slot.L1, Slot.L2, Slot.NAME, Slot.TARGET, Slot.ACTUAL),
)
_FIRST_COLUMN = 2  # 一级's column in a tab rendering (the section's title in column 1)
_MIN_ROWS = 3  # rows read whole, for a shape to be believed
_VALUES = frozenset({Slot.TARGET, Slot.VALUE, Slot.ACTUAL, Slot.WEIGHT, Slot.SCORE})


def _header(slots: Sequence[Slot]) -> Header:
    every = (*slots, Slot.EXPLANATION)
    columns = [Column(_FIRST_COLUMN + k, s, "") for k, s in enumerate(every)]
    return Header(columns=columns, rows=[])


def rows_without_header(
    tokens: list[Token],
    *,
    grouped: bool,
    strict: bool,
    cut_off: bool,
    own: bool,
) -> tuple[list[list[Placed]], int, Header] | None:
    """The rows of ``tokens`` under the shape that reads them best, the index of the token
    they start at, and the shape as a header (for the 总分 row after them). The rows start at
    the first row read whole or of category labels (what comes before is no indicator row: a
    title, a page's text, the end of a row cut by the excerpt). None when no shape reads at
    least three whole rows, every cell from there in some column. Each shape is tried with
    categories in the form's own words too (a department's 部门管理 | 预算编制 | …), whose
    family the rows alone do not tell, and with a 序号 before each row."""
    best: tuple[float, list[list[Placed]], list[list[Placed]], Header] | None = None
    tried = ((s, m, q) for s in _SHAPES for m in sorted({own, True}) for q in (False, True))
    for slots, mine, numbered in tried:
        header = _header((Slot.SEQ, *slots) if numbered else slots)
        rows, cost = ind.rebuild_costed(
            tokens, header, grouped=grouped, strict=strict, cut_off=cut_off, own=mine
        )
        first = next((k for k, r in enumerate(rows) if _opens(r, header)), None)
        if first is None:
            continue
        kept = rows[first:]
        whole = [r for r in kept if _whole(r, header)]
        if len(whole) < _MIN_ROWS or any(_stray(r) for r in kept):
            continue
        if numbered and not _counts_up(whole, header):
            continue  # a number here and there is no 序号 column
        if best is None or cost < best[0]:
            best = (cost, rows[:first], kept, header)
    if best is None:
        return None
    _, before, rows, header = best
    start = _index_of(tokens, rows[0][0].token)
    # a token after the rows' first that the reading put in a row before them: a row of its
    # own (for the parser to report), not dropped with what comes before the rows
    after = [[Placed(p.token, 1)] for r in before for p in r if _index_of(tokens, p.token) > start]
    return [*after, *rows], start, header


def _index_of(tokens: list[Token], t: Token) -> int:
    """Where ``t`` (or, for cells joined into one, its first piece) stands in ``tokens``."""
    for i, x in enumerate(tokens):
        if x is t:
            return i
    for i, x in enumerate(tokens):
        if x.line == t.line and not x.empty and t.raw.startswith(x.raw):
            return i
    return 0


def _counts_up(rows: list[list[Placed]], header: Header) -> bool:
    """Most rows (two in three) carry a 序号, and the 序号s count up (a row's points read as
    the next row's 序号 do not)."""
    seq = next(c.number for c in header.columns if c.slot is Slot.SEQ)
    numbers = [p.token.text for r in rows for p in r if p.column == seq]
    if 3 * len(numbers) < 2 * len(rows):
        return False
    values = [int(m.group()) for n in numbers if (m := _DIGITS.search(n)) is not None]
    return len(values) == len(numbers) and all(a < b for a, b in pairwise(values))


_DIGITS = lazy_compile(r"\d+")


def _slots_of(row: list[Placed], header: Header) -> list[Slot]:
    by_number = {c.number: c.slot for c in header.columns}
    return [by_number.get(p.column, Slot.TEXT) for p in row]


def _whole(row: list[Placed], header: Header) -> bool:
    """A row with its name and at least two values."""
    slots = _slots_of(row, header)
    return Slot.NAME in slots and sum(s in _VALUES for s in slots) >= 2


def _opens(row: list[Placed], header: Header) -> bool:
    """A row the section may open with: read whole, or its category labels alone."""
    return _whole(row, header) or all(lb.label_kind(p.token.text) is not None for p in row)


def _stray(row: list[Placed]) -> bool:
    """A cell no column took (a row of its own in column 1), not a category heading."""
    return len(row) == 1 and row[0].column == 1 and lb.label_kind(row[0].token.text) is None
