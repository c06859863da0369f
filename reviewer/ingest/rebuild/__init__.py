"""Rows rebuilt from published layouts that lost them.

Web pages, document mirrors and text dumps print a self-evaluation table as one cell per line,
one cell per paragraph, words separated by single spaces, the whole table on one line, or
pipe rows with their empty cells dropped and their cells wrapped. What is left is a stream of
cells; the form's fixed labels anchor its rows again (``rows``), the indicator section's rows
by a small dynamic programme over the cells (``indicators``). The result is the rows a tab
rendering of the table would give, each cell in its column and with its original line.

``tokenise`` turns each layout into the stream, ``anchors`` knows the labels, ``header``
reads the indicator header, ``cells`` scores a cell in a column, ``funds`` places a funds
row's values, ``goals`` splits the goal texts, ``order`` spots a scrambled dump.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.forms.recognise import recognise
from reviewer.grid import Cell, Row
from reviewer.ingest.reading import SAMPLE_ROWS
from reviewer.ingest.rebuild.anchors import is_any_label, is_block_label, label_goes_on
from reviewer.ingest.rebuild.furniture import page_furniture, with_furniture
from reviewer.ingest.rebuild.indicators import Placed
from reviewer.ingest.rebuild.order import first_break
from reviewer.ingest.rebuild.rows import rebuild_stream
from reviewer.ingest.rebuild.tokenise import (
    Stream,
    apply_script,
    bar_tokens,
    join_pieces,
    paragraph_tokens,
    pipe_tokens,
    word_tokens,
)
from reviewer.ingest.rebuild.wrapped import unwrapped

LAYOUTS = ("bars", "paragraphs", "pipes", "words", "flat")


class Unreadable(Exception):
    """The text cannot be turned into rows without guessing; ``reason`` says why (Chinese,
    to follow ``…的文字``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _stream(lines: Sequence[str], layout: str, rests: set[int]) -> Stream:
    if layout == "bars":
        return bar_tokens(lines)
    if layout == "paragraphs":
        return paragraph_tokens(lines)
    if layout == "pipes":
        return pipe_tokens(lines)
    return word_tokens(lines, lines_are_rows=layout == "words", rests=rests)


def rebuild_rows(lines: Sequence[str], layout: str) -> list[Row]:
    """The rows of a text in ``layout`` (one of ``LAYOUTS``); Unreadable when scrambled."""
    furniture = page_furniture(lines) if layout in ("words", "flat") else {}
    if furniture:
        lines = ["" if i in furniture else s for i, s in enumerate(lines)]
    rests: set[int] = set()
    if layout == "flat":
        lines, rests = unwrapped(lines, is_any_label)
    stream = _stream(lines, layout, rests)
    apply_script(stream, "\n".join(lines[:SAMPLE_ROWS]))
    join_pieces(stream, is_any_label, is_block_label, label_goes_on)
    if layout == "flat":
        broken = first_break(stream.tokens)
        if broken is not None:
            label, before = broken
            raise Unreadable(f"顺序错乱（如“{label}”出现在“{before}”之后）")
    family = recognise(t.text for t in stream.tokens if not t.empty).family
    return with_furniture([_row(r) for r in rebuild_stream(stream, family) if r], furniture)


def _row(placed: list[Placed]) -> Row:
    placed = sorted(placed, key=lambda p: p.column)
    cells: list[Cell] = []
    last = 0
    for p in placed:
        t = p.token
        column = max(p.column, last + 1)
        last = column
        cells.append(Cell(t.text, t.line, column, t.raw, where={"line": t.line}, printed=t.printed))
    row = Row(cells=cells, line=min(c.line for c in cells))
    row.guessed = any(p.guessed for p in placed)
    return row
