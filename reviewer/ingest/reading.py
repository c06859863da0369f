"""Cells as the parser reads them: traditional characters as simplified, pinyin glosses dropped.

Every reader's grid passes through ``readable_rows``: a sample of its first rows decides
whether the document is written in traditional characters (``forms.script.is_traditional``) or
carries a mirror site's pinyin glosses (``項(xiàng)目``). If so, each cell is read converted,
one by one, and keeps what was printed in ``Cell.printed`` for evidence; if not, the rows pass
through untouched (the common case costs one look at the sample).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reviewer.forms.script import for_reading, has_pinyin, is_traditional
from reviewer.grid import Cell, Row

SAMPLE_ROWS = 200
SAMPLE_CHARS = 4000


@dataclass(frozen=True, slots=True)
class Script:
    """How a document's cells are read: ``traditional`` converts, glosses always go."""

    traditional: bool


def script_of(sample: str) -> Script | None:
    """How to read a document whose sample text is ``sample``; None: as printed."""
    traditional = is_traditional(sample)
    if traditional or has_pinyin(sample):
        return Script(traditional)
    return None


def read_text(text: str, script: Script) -> str:
    return for_reading(text, script.traditional)


def read_cell(cell: Cell, script: Script) -> None:
    """Convert one cell for reading, keeping what was printed."""
    text = for_reading(cell.text, script.traditional)
    if text != cell.text:
        cell.printed = cell.text if cell.printed is None else cell.printed
        cell.text = text
    if cell.raw:
        cell.raw = for_reading(cell.raw, script.traditional)


def _converted(rows: Iterable[Row], script: Script) -> Iterator[Row]:
    for row in rows:
        for cell in row.cells:
            read_cell(cell, script)
        row.joined = "\t".join([c.text for c in row.cells])
        yield row


def readable_rows(rows: Iterable[Row]) -> Iterable[Row]:
    """``rows`` as the parser reads them (see the module's docstring)."""
    it = iter(rows)
    sample: list[Row] = []
    size = 0
    for row in it:  # the first rows, up to enough text to judge by
        sample.append(row)
        size += len(row.joined)
        if size >= SAMPLE_CHARS or len(sample) >= SAMPLE_ROWS:
            break
    script = script_of("\n".join(r.joined for r in sample))
    whole: Iterable[Row] = rows if isinstance(rows, list) else _resumed(sample, it)
    return whole if script is None else _converted(whole, script)


def _resumed(sample: list[Row], rest: Iterator[Row]) -> Iterator[Row]:
    """The sample then the rest, letting go of each sampled row once it is passed on (a
    streamed file holds no more rows than before)."""
    sample.reverse()
    while sample:
        yield sample.pop()
    yield from rest
