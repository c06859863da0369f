"""The Word reader (.docx, with python-docx): paragraphs and tables in document order.

A table cell merged across columns (``gridSpan``) is one cell at its first grid column; a
cell merged down rows (``vMerge``) holds its text in the first row and nothing below, so its
label is read once, at the top of the group it spans. Cells are located by table, row and
grid column (``第2个表格第3行第4格``). A paragraph is a row whose cells are separated by tabs or
runs of spaces; it is located by its paragraph number (shown as a line). A page break, or the
break Word recorded when it last laid out the pages, starts a new page. Tracked changes are
read as accepted: inserted text in, deleted text and rows out.

A text box anchored in a paragraph (a form's indicator table drawn inside one) is read after
that paragraph, its own paragraphs and tables in order; Word's fallback copy of it (for older
readers, mc:Fallback) is not read again. Page headers and footers are not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx import Document
from docx.exceptions import InvalidXmlError
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.run import Run

from reviewer.grid import Cell, Grid, Row
from reviewer.ingest.layouts import split_bars, split_spaced
from reviewer.ingest.package import damaged_package, verify_package
from reviewer.limits import Limits
from reviewer.textnorm import clean_cell

_SECT = qn("w:sectPr")
_PAGE_BREAK = (
    ".//w:br[@w:type='page'] | .//w:lastRenderedPageBreak"
    " | .//w:pageBreakBefore[not(@w:val='0' or @w:val='false')]"
)


def _blocks(element: BaseOxmlElement) -> Iterator[CT_P | CT_Tbl]:
    """Paragraphs and tables in document order, including those inside content controls."""
    for child in element.iterchildren():
        if isinstance(child, CT_P | CT_Tbl):
            yield child
        elif isinstance(child, BaseOxmlElement) and child.tag != _SECT:
            yield from _blocks(child)


_TEXT_BOX = qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(p: CT_P) -> Iterator[BaseOxmlElement]:
    """The text boxes anchored in ``p``: each once (not its fallback copy), not those inside
    another text box (read with it, if at all)."""
    for box in p.iter(_TEXT_BOX):
        if not any(a.tag in (_FALLBACK, _TEXT_BOX) for a in box.iterancestors()):
            yield box


def _text(p: CT_P) -> str:
    """The paragraph's text as accepted: runs, hyperlinks and content controls, text a
    tracked change inserted (w:ins), not what it deleted (w:del) nor field codes."""
    return "".join(_inline(p))


def _inline(element: BaseOxmlElement) -> Iterator[str]:
    for child in element.iterchildren():
        tag = child.tag
        if tag == _RUN:
            yield Run(child, None).text  # type: ignore[arg-type]  # no parent part is needed
        elif tag in _INLINE_WRAPPERS:
            yield from _inline(child)


_RUN = qn("w:r")
# Elements that hold runs inline (a tracked insertion, a link, a field, a content control);
# a tracked deletion (w:del, w:moveFrom) is not among them: its text is gone.
_INLINE_WRAPPERS = frozenset(
    qn(f"w:{tag}")
    for tag in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "sdt")
) | {qn("w:sdtContent")}
_DELETED_ROW = "./w:trPr/w:del"


_BARS = 2  # a line of cells parted by bars: two bars at least


def _breaks_page(element: BaseOxmlElement) -> bool:
    return bool(element.xpath(_PAGE_BREAK))


class _Reader:
    def __init__(self) -> None:
        self.line = 0
        self.tables = 0
        self.paragraphs = 0
        self.page_break = False

    def _row(self, cells: list[Cell]) -> Row:
        row = Row(cells=cells, line=self.line, page_break_before=self.page_break and self.line > 1)
        self.page_break = False
        return row

    def paragraph(self, p: CT_P) -> Iterator[Row]:
        self.paragraphs += 1
        if _breaks_page(p):
            self.page_break = True
        text = _text(p)
        pieces = text.split("\n") if "|" in text and "\n" in text else [text]
        # (a table pasted as text into one paragraph, its rows parted by line breaks and its
        # cells by bars: 项目名称 | 某项目 |  | …, each line a row, an empty cell kept in place)
        piped = len(pieces) > 1 and any(piece.count("|") >= _BARS for piece in pieces)
        for piece in pieces if piped else [text]:
            cells = split_bars(piece, self.line + 1) if piped else None
            if cells is None:
                cells = split_spaced(piece, self.line + 1)
            if cells:
                self.line += 1
                for c in cells:
                    c.where = {"line": self.paragraphs, "column": c.column}
                yield self._row(cells)
        for box in _text_boxes(p):
            yield from self.blocks(box)

    def blocks(self, element: BaseOxmlElement) -> Iterator[Row]:
        for block in _blocks(element):
            yield from self.table(block) if isinstance(block, CT_Tbl) else self.paragraph(block)

    def table(self, tbl: CT_Tbl) -> Iterator[Row]:
        """The table's rows; a table inside a cell (a layout table holding the form's
        indicators) is read as rows of its own after the row of that cell, as a browser shows
        it, not as one cell of its text."""
        self.tables += 1
        number = self.tables
        for r, tr in enumerate(tbl.tr_lst, start=1):
            if tr.xpath(_DELETED_ROW):
                continue  # a row a tracked change deleted
            if _breaks_page(tr):
                self.page_break = True
            cells: list[Cell] = []
            inner: list[CT_Tbl] = []
            col = 1 + max(tr.grid_before, 0)
            for tc in tr.tc_lst:
                if tc.vMerge != "continue":
                    nested = tc.xpath("./w:tbl")
                    paragraphs = tc.xpath("./w:p") if nested else tc.iter(qn("w:p"))
                    inner.extend(nested)
                    raw = "\n".join(_text(p) for p in paragraphs)
                    text = clean_cell(raw)
                    if text:
                        where = {"table": number, "row": r, "column": col}
                        cells.append(Cell(text, self.line + 1, col, raw, where=where))
                col += max(tc.grid_span, 1)
            if cells:
                self.line += 1
                yield self._row(cells)
            for t in inner:
                yield from self.table(t)


def _rows(path: Path, body: BaseOxmlElement) -> Iterator[Row]:
    reader = _Reader()
    try:
        yield from reader.blocks(body)
    except (ValueError, InvalidXmlError) as exc:  # python-docx reads attributes when asked
        raise damaged_package(path, "Word") from exc


def _load(path: Path) -> Any:
    try:
        return Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise damaged_package(path, "Word") from exc


def read_docx(path: Path, limits: Limits) -> Grid:
    verify_package(path, "Word", limits)
    document = _load(path)
    return Grid(rows=_rows(path, document.element.body), source=path.name, format="docx")
