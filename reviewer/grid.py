"""The grid every reader produces and the parser consumes.

A reader turns its container (text, PDF, spreadsheet) into rows of cells, each cell with its
location. ``page_break_before`` marks the start of a new page (or, in text, the blank line the
PDF extraction leaves there); the parser uses it to join an indicator row split by a page.
Rows may come lazily (a large text file is read as it is parsed), and the parser marks the
cells it uses, so that whatever it did not use is reported: nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reviewer.model import Accounting, CellRef, Leftover, Location

UNRECOGNISED = "未能识别的内容"  # the parser's reason; a reader's own leftovers give theirs


@dataclass(slots=True)
class Cell:
    """``text`` has the whitespace that wrapping inserts removed; ``raw`` is as extracted.

    Narrative cells (年度总体目标) use ``raw``: there a space between two words is the
    author's (《财政部 司法部关于…》), while in narrow cells it is a wrap artefact.
    """

    text: str
    line: int
    column: int
    raw: str = ""
    used: bool = False
    where: dict[str, Any] | None = None  # readers whose locations are not line/column

    @property
    def location(self) -> Location:
        return self.ref().plain()

    def ref(self) -> CellRef:
        """The cell's text with its location, for the Report."""
        if self.where is not None:
            return CellRef(self.text, **self.where)
        return CellRef(self.text, self.line, self.column)


@dataclass(slots=True)
class Row:
    """A row's non-empty cells, each knowing its column; readers leave out empty cells.

    ``joined`` is the cells' text joined by tabs, for quick keyword tests.
    """

    cells: list[Cell]
    line: int
    page_break_before: bool = False
    joined: str = field(init=False, default="")

    def __post_init__(self) -> None:
        # a list joins faster than a generator (this runs for every row)
        self.joined = "\t".join([c.text for c in self.cells])


@dataclass(slots=True)
class Grid:
    rows: Iterable[Row]
    source: str
    format: str = "text"
    encoding: str = ""
    extra_leftovers: list[Leftover] = field(default_factory=list)


def account(rows: Iterable[Row], leftovers: list[Leftover], acc: Accounting) -> None:
    """Add every non-empty cell the parser did not use to ``leftovers``; count the lines."""
    nonempty = reported = 0
    for row in rows:
        if not row.cells:
            continue
        nonempty += 1
        unused = [c for c in row.cells if not c.used]
        if unused:
            reported += 1
            leftovers.extend(
                Leftover(text=c.text, location=c.location, reason=UNRECOGNISED) for c in unused
            )
    acc.nonempty_lines += nonempty
    acc.reported_lines += reported
    acc.consumed_lines += nonempty - reported
