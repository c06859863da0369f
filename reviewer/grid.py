"""The grid every reader produces and the parser consumes.

A reader turns its container (text, PDF, spreadsheet) into rows of cells, each cell with its
location. ``page_break_before`` marks the start of a new page (or, in text, the blank line the
PDF extraction leaves there); the parser uses it to join an indicator row split by a page.
Rows may come lazily (a large text file is read as it is parsed), and the parser marks the
cells it uses, so that whatever it did not use is reported: nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from reviewer.model import Accounting, CellRef, Leftover, Location

UNRECOGNISED = "未能识别的内容"  # the parser's reason; a reader's own leftovers give theirs
# A reader's reason for a table published as a picture (a web page's <img alt="绩效自评表">).
IMAGE_TABLE = "以图片发布的表格，无法读取其中的内容"
# The parser's reason for the rows of a form that looks like a self-evaluation and is not one
# (a 绩效目标申报表, a 运行监控表 printed beside the table): not reviewed, as a whole.
LOOK_ALIKE = "不是绩效自评表的表格，未纳入复核"


class Cell(CellRef):
    """``text`` has the whitespace that wrapping inserts removed; ``raw`` is as extracted.

    Narrative cells (年度总体目标) use ``raw``: there a space between two words is the
    author's (《财政部 司法部关于…》), while in narrow cells it is a wrap artefact.
    ``printed`` is what the document printed when reading changed it (traditional characters
    read as simplified, pinyin glosses dropped: ``reviewer.ingest.reading``); evidence quotes it.

    A cell read as printed, at its line and column, is its own reference in the Report
    (``ref``): the parser refers to about seventy cells a table, and a second object for each
    cost a twentieth of the parse. As a reference it equals, hashes and serialises as the
    ``CellRef`` it stands for; its reader's fields (``raw``, ``used``) are not part of that.
    """

    __slots__ = ("printed", "raw", "used", "where")

    line: int  # a cell always has its line and column (its reader's own place: ``where``)
    column: int
    raw: str
    used: bool
    where: dict[str, Any] | None  # readers whose locations are not line/column
    printed: str | None  # the text as printed, when ``text`` is read otherwise

    def __init__(
        self,
        text: str,
        line: int,
        column: int,
        raw: str = "",
        used: bool = False,
        where: dict[str, Any] | None = None,
        printed: str | None = None,
    ) -> None:
        self.text = text
        self.line = line
        self.column = column
        self.page = self.row = self.sheet = self.cell = self.table = None
        self.raw = raw
        self.used = used
        self.where = where
        self.printed = printed

    def move(self, by: int) -> None:
        """The cell ``by`` columns over (a reading that numbered its row's cells a column off),
        still quoted where it was printed."""
        self.where = self.where or {"line": self.line, "column": self.column}
        self.column += by

    @property
    def location(self) -> Location:
        """The cell's location as its reference gives it (a CellRef is its own location)."""
        return self.ref()

    def ref(self) -> CellRef:
        """The cell's text as printed with its location, for the Report: the cell itself
        unless reading changed its text or its reader locates it otherwise."""
        if self.printed is None and self.where is None:
            return self
        text = self.text if self.printed is None else self.printed
        if self.where is not None:
            return CellRef(text, **self.where)
        return CellRef(text, self.line, self.column)

    def piece(self, text: str) -> Cell:
        """A piece of this cell's text (a figure in a sentence, a label's text after it) as a
        cell of its own, at this cell's place: what quotes it quotes the piece."""
        part = Cell(text, self.line, self.column, text)
        if self.where is not None or self.printed is not None:
            ref = self.ref()
            part.where = {f: getattr(ref, f) for f in CellRef._all_fields() if f != "text"}
        return part

    def _key(self) -> tuple[object, ...]:
        ref = self.ref()
        return (CellRef, *(getattr(ref, name) for name in CellRef._all_fields()))


@dataclass(slots=True, init=False)
class Row:
    """A row's non-empty cells, each knowing its column; readers leave out empty cells.

    ``joined`` is the cells' text joined by tabs, for quick keyword tests.
    """

    cells: list[Cell]
    line: int
    page_break_before: bool = False
    joined: str = ""
    # Rebuilt from a layout that dropped the empty cells, with figures whose columns (完成值,
    # 分值, 得分) were a guess: which cell was the empty one could not be told.
    guessed: bool = False
    # The text stops inside this row: a pasted table's last line opening its cells with a pipe
    # and never closing them (… | 已达到年度目标，下一步将继续加强书屋日常管).
    cut_off: bool = False

    def __init__(self, cells: list[Cell], line: int, page_break_before: bool = False) -> None:
        # written out, not generated with a __post_init__: one call less for every row
        self.cells = cells
        self.line = line
        self.page_break_before = page_break_before
        self.guessed = False
        self.cut_off = False
        if len(cells) == 1:
            self.joined = cells[0].text
        else:
            texts = []  # a loop, not a comprehension: in 3.11 each one is a call
            for c in cells:
                texts.append(c.text)
            self.joined = "\t".join(texts)


@dataclass(slots=True)
class Grid:
    rows: Iterable[Row]
    source: str
    format: str = "text"
    encoding: str = ""
    extra_leftovers: list[Leftover] = field(default_factory=list)
    # Other readings of the same short text (each its format and rows), tried in turn for the
    # parser to take when ``rows`` give no table it can read (a phone's copy read line by
    # line, whose cells are each on a line of their own in places): see ``parse.TableStream``.
    second: list[tuple[str, Callable[[], Iterable[Row]]]] = field(default_factory=list)


def account(
    rows: Iterable[Row], leftovers: list[Leftover], acc: Accounting, reason: str = UNRECOGNISED
) -> None:
    """Add every non-empty cell the parser did not use to ``leftovers`` (for ``reason``); count
    the lines (a line the parser cut into rows, a funds block printed beside another's, once)."""
    nonempty: set[int] = set()
    reported: set[int] = set()
    for row in rows:
        if not row.cells:
            continue
        nonempty.add(row.line)
        for c in row.cells:  # most rows have every cell used: no list made for them
            if not c.used:
                break
        else:
            continue
        unused = [c for c in row.cells if not c.used]
        if unused:
            reported.add(row.line)
            leftovers.extend(
                Leftover(text=c.text, location=c.ref().plain(), reason=reason) for c in unused
            )
    acc.nonempty_lines += len(nonempty)
    acc.reported_lines += len(reported)
    acc.consumed_lines += len(nonempty) - len(reported)
