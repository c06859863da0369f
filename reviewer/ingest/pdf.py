"""The PDF reader (pdfplumber): ruled tables cell by cell, everything else as text lines.

Each page's ruled tables are found from their rulings; a merged cell is one cell, read at the
top-left of what it spans. Text outside the tables (the title, the year) is read line by
line; a page without rulings is read through its text alone (``pdf_layout.block_rows``).
Rows keep the page's top-to-bottom order, and the first row of each page starts a page, so
a table continued on the next page reads on as the parser expects of published PDFs. Cells
are located by page, row (counted down the page) and column.

A PDF with no text at all is a scan: that is an error (OCR is needed). A page of a text PDF
that is only a picture is reported, so that it is not skipped silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import PdfminerException

from reviewer.errors import InputError
from reviewer.grid import Cell, Grid, Row
from reviewer.ingest.pdf_layout import PRow, RuledTable, block_rows, line_rows
from reviewer.limits import Limits
from reviewer.model import Leftover, Location
from reviewer.textnorm import clean_cell

# pdfplumber wraps some pdfminer errors; pdfminer's own derive from PSException.
_PDF_ERRORS = (PdfminerException, PSException)


def _damaged(path: Path, exc: Exception) -> InputError:
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFPasswordIncorrect):
        return InputError(f"{path.name} 已加密，需要密码才能打开：请提供未加密的 PDF")
    return InputError(f"{path.name} 无法作为 PDF 读取：文件已损坏或不完整")


def page_rows(page: Any) -> list[PRow]:
    """A page's rows, top to bottom: ruled tables' rows and the text around them."""
    chars = [c for c in page.chars if c["text"]]
    tables = [RuledTable(t.bbox, t.cells) for t in page.find_tables()]
    if not tables:
        return block_rows(chars)
    free = []
    for c in chars:
        x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        table = next((t for t in tables if t.contains(x, y)), None)
        if table is None or not table.add(c):
            free.append(c)
    rows = line_rows(free)
    for t in tables:
        rows.extend(t.rows())
    rows.sort(key=lambda r: r.top)
    return rows


def _rows(path: Path, pdf: Any, leftovers: list[Leftover]) -> Iterator[Row]:
    line = 0
    try:
        for number, page in enumerate(pdf.pages, start=1):
            prows = page_rows(page)
            if not prows and page.images:
                leftovers.append(
                    Leftover(
                        text="（整页为图片，没有文字层）",
                        location=Location(page=number),
                        reason="扫描页：需要先做文字识别（OCR）才能复核",
                    )
                )
            for row_no, prow in enumerate(prows, start=1):
                cells = []
                for pc in prow.cells:
                    text = clean_cell(pc.raw)
                    if text:
                        where = {"page": number, "row": row_no, "column": pc.column}
                        cells.append(Cell(text, line + 1, pc.column, pc.raw, where=where))
                if cells:
                    line += 1
                    yield Row(cells=cells, line=line, page_break_before=row_no == 1 and line > 1)
            page.close()
    except _PDF_ERRORS as exc:
        raise _damaged(path, exc) from exc
    finally:
        pdf.close()


def read_pdf(path: Path, limits: Limits) -> Grid:
    try:
        pdf = pdfplumber.open(path)
        has_text = any(page.chars for page in pdf.pages)
    except _PDF_ERRORS as exc:
        raise _damaged(path, exc) from exc
    if not has_text:
        pdf.close()
        raise InputError(
            f"{path.name} 没有文字层（可能是扫描件或图片）：请先做文字识别（OCR），"
            "或提供可复制文字的 PDF"
        )
    leftovers: list[Leftover] = []
    return Grid(
        rows=_rows(path, pdf, leftovers), source=path.name, format="pdf", extra_leftovers=leftovers
    )
