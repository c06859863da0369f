"""The PDF reader (pdfplumber): ruled tables cell by cell, everything else as text lines.

Each page's ruled tables are found from their rulings; a merged cell is one cell, read at the
top-left of what it spans. Text outside the tables (the title, the year) is read line by
line; a page without rulings is read through its text alone (``pdf_layout.block_rows``).
Rows keep the page's top-to-bottom order, and the first row of each page starts a page, so
a table continued on the next page reads on as the parser expects of published PDFs. Cells
are located by page, row (counted down the page) and column.

A PDF with no text at all is a scan: that is an error (OCR is needed). A page of a text PDF
that yields no text (a picture, text drawn as outlines, a blank or unreadable page) is
reported with its number, so that it is not skipped silently. A damaged file or object is
an error with one line, whatever pdfminer raised; pdfminer's own log messages are not shown.
Pages are read one at a time within the limits (``pdf_bounds``): page count, what a page
draws, and what the file's streams unpack to.
"""

from __future__ import annotations

import bisect
import logging
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfplumber.pdf import PDF
from pdfplumber.utils.exceptions import PdfminerException

from reviewer.errors import InputError, LimitError
from reviewer.grid import Cell, Grid, Row
from reviewer.ingest.pdf_bounds import BoundedPage, reading
from reviewer.ingest.pdf_layout import Char, PRow, RuledTable, block_rows, line_rows
from reviewer.limits import Limits, UnpackBudget, exceeded
from reviewer.model import Leftover, Location
from reviewer.textnorm import clean_cell

for _name in ("pdfminer", "pdfplumber"):  # their warnings about odd files are not the user's
    logging.getLogger(_name).addHandler(logging.NullHandler())

T = TypeVar("T")


def _damaged(path: Path, exc: BaseException) -> InputError:
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFEncryptionError):
        return InputError(f"{path.name} 已加密，需要密码才能打开：请提供未加密的 PDF")
    return InputError(f"{path.name} 无法作为 PDF 读取：文件已损坏或不完整")


def _guarded(path: Path, budget: UnpackBudget, call: Callable[..., T], *args: Any) -> T:
    """``call(*args)`` into pdfplumber within the file's budget, quietly; whatever it raises on
    a damaged file (pdfminer raises many kinds) becomes one InputError, limits excepted."""
    try:
        with reading(budget), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return call(*args)
    except LimitError:
        raise
    except Exception as exc:
        if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], LimitError):
            raise exc.args[0] from None  # pdfplumber wraps whatever opening the file raised
        raise _damaged(path, exc) from exc


@dataclass(slots=True)
class _Content:
    """What pdfplumber found on a page, as plain data."""

    chars: list[Char]
    tables: list[RuledTable]
    images: bool = False
    graphics: bool = False
    overlay: str = ""  # text set at a slant over the page (a seal's ring of characters)


# A seal's characters are set round a ring, each at its own angle; a table's text runs
# level or turned by a right angle (a header written sideways), never otherwise.
_LEVEL = 1e-3
_MAX_OVERLAY = 200


def _slanted(c: Char) -> bool:
    a, b = float(c["matrix"][0]), float(c["matrix"][1])
    return abs(a * b) > _LEVEL


def _ink(c: Char) -> tuple[float, ...] | None:
    """A character's fill colour when it is a colour (not black, grey or white)."""
    colour = c.get("non_stroking_color")
    if not isinstance(colour, tuple | list) or len(colour) != 3:
        return None
    values = tuple(float(v) for v in colour)
    return values if max(values) - min(values) > 0.3 else None


def _content(page: Any) -> _Content:
    chars = [c for c in page.chars if c["text"]]
    if not chars:
        return _Content([], [], bool(page.images), bool(page.rects or page.lines or page.curves))
    overlay = [c for c in chars if _slanted(c)]
    if overlay:  # read apart: set over the cells, its characters would be read into them
        # the seal's level words (（盖章）) are in its ink, a colour the table's text is not
        inks = {_ink(c) for c in overlay} - {None}
        chars = [c for c in chars if not _slanted(c) and _ink(c) not in inks]
        overlay = [c for c in page.chars if c["text"] and (_slanted(c) or _ink(c) in inks)]
    tables = [RuledTable(t.bbox, t.cells) for t in page.find_tables(_rulings(page))]
    text = "".join(c["text"] for c in overlay)[:_MAX_OVERLAY]
    return _Content(chars, tables, overlay=text)


def _rulings(page: Any) -> dict[str, Any]:
    """The settings that find a page's ruled tables: pdfplumber's own, unless its rulings are
    drawn a little crooked (a scan's lines, a fraction of a point off level), which it takes for
    vertical edges each: then every ruling straightened, level or upright, as the table's lines
    (a diagonal, a header cell's slash, left out)."""
    crooked = level = upright = 0
    lines: dict[str, list[dict[str, Any]]] = {"h": [], "v": []}
    for line in page.lines:
        dx, dy = line["x1"] - line["x0"], line["bottom"] - line["top"]
        if dy <= max(_OFF_LEVEL * dx, _JITTER):
            y = (line["top"] + line["bottom"]) / 2
            lines["h"].append({**line, "top": y, "bottom": y, "height": 0})
            crooked += dy > 0
            level += 1
        elif dx <= max(_OFF_LEVEL * dy, _JITTER):
            x = (line["x0"] + line["x1"]) / 2
            lines["v"].append({**line, "x0": x, "x1": x, "width": 0})
            crooked += dx > 0
            upright += 1
    if crooked < _CROOKED or not (level and upright):
        return {}
    return {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": lines["v"] + page.rects,
        "explicit_horizontal_lines": lines["h"] + page.rects,
    }


_OFF_LEVEL = 0.02  # a ruling's rise over its run (or run over rise) that is still level (upright)
_JITTER = 1.5  # points a short ruling's ends may stand apart and it still be level (upright)
_CROOKED = 3  # crooked rulings, at least, to read a page's lines straightened


def _arrange(content: _Content) -> list[PRow]:
    """A page's rows, top to bottom: ruled tables' rows and the text around them."""
    tables = content.tables
    free = _assigned(content.chars, tables)
    trusted = [t for t in tables if not t.stacked()]
    if len(trusted) < len(tables):
        # a table whose rulings do not part its rows (a 三线表): read from its text, as a page
        # without rulings is
        tables = trusted
        for t in tables:
            t.chars = {}
        free = _assigned(content.chars, tables)
    if not tables:
        return block_rows(content.chars)
    rows = line_rows(free)
    for t in tables:
        rows.extend(t.rows())
    rows.sort(key=lambda r: r.top)
    return rows


def _assigned(chars: list[Char], tables: list[RuledTable]) -> list[Char]:
    """Each character given to the table cell it falls in; those outside every table."""
    free = []
    for c in chars:
        x, y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        table = next((t for t in tables if t.contains(x, y)), None)
        if table is None or not table.add(c):
            free.append(c)
    return free


def page_rows(page: Any) -> list[PRow]:
    """A pdfplumber page's rows, top to bottom."""
    return _arrange(_content(page))


def _textless(number: int, content: _Content) -> Leftover:
    """The report of a page that yields no text."""
    if content.images:
        text, reason = "（整页为图片，没有文字层）", "扫描页：需要先做文字识别（OCR）才能复核"
    elif content.graphics:
        text = "（页面只有线条或图形，没有可读取的文字）"
        reason = "文字可能已转为曲线：请提供可复制文字的 PDF"
    else:
        text, reason = "（本页没有可读取的文字）", "空白页，或页面内容无法读取"
    return Leftover(text=text, location=Location(page=number), reason=reason)


def _declared_pages(pdf: PDF) -> object:
    """The page count the document states (it may lie: pages are counted as read, too)."""
    pages = resolve1(pdf.doc.catalog.get("Pages"))
    return resolve1(pages.get("Count")) if isinstance(pages, dict) else None


class _Reader:
    def __init__(self, path: Path, pdf: PDF, budget: UnpackBudget) -> None:
        self.path = path
        self.pdf = pdf
        self.budget = budget
        self.limits = budget.limits
        self.leftovers: list[Leftover] = []

    def _too_many_pages(self, count: object) -> None:
        if isinstance(count, int) and count > self.limits.pdf_pages:
            what = f"页数 {count:,} 超过上限 {self.limits.pdf_pages:,}"
            raise exceeded(self.path.name, what, "pdf_pages")

    def pages(self) -> Iterator[BoundedPage]:
        """The pages one at a time (pdfplumber's ``pages`` would hold them all)."""
        path, pdf, budget = self.path, self.pdf, self.budget
        self._too_many_pages(_guarded(path, budget, _declared_pages, pdf))
        found = PDFPage.create_pages(pdf.doc)  # a generator: it runs in the calls below
        number = 0
        while (page_obj := _guarded(path, budget, next, found, None)) is not None:
            number += 1
            self._too_many_pages(number)
            most = self.limits.pdf_page_objects
            yield _guarded(path, budget, BoundedPage, pdf, page_obj, number, path.name, most)

    def rows(self) -> Iterator[Row]:
        line = 0
        try:
            for page in self.pages():
                number = page.page_number
                content = _guarded(self.path, self.budget, _content, page)
                page.close()
                before = line
                for row_no, prow in enumerate(_arrange(content), start=1):
                    cells = []
                    for pc in prow.cells:
                        text = clean_cell(pc.raw)
                        if text:
                            where = {"page": number, "row": row_no, "column": pc.column}
                            cells.append(Cell(text, line + 1, pc.column, pc.raw, where=where))
                    if cells:
                        line += 1
                        yield Row(
                            cells=cells, line=line, page_break_before=row_no == 1 and line > 1
                        )
                if line == before:
                    self.leftovers.append(_textless(number, content))
                if content.overlay:
                    self.leftovers.append(
                        Leftover(
                            text=content.overlay,
                            location=Location(page=number),
                            reason="斜排叠印在页面上的文字（如印章），未作为表格内容读取",
                        )
                    )
        finally:
            self.pdf.stream.close()
        if line == 0:
            raise InputError(
                f"{self.path.name} 没有文字层（可能是扫描件或图片）：请先做文字识别（OCR），"
                "或提供可复制文字的 PDF"
            )


def _laid_out(path: Path, limits: Limits) -> Iterator[Row]:
    """The document's rows read again from its pages' text as laid out (pdfplumber's
    ``extract_text(layout=True)``, columns kept by position), by the text reader: a table
    drawn without rulings between its rows or columns (a 三线表, none at all), whose cells the
    page's own reading (``block_rows``) may stack into one another. Cells keep their page, and
    their line on it as their row."""
    from reviewer.ingest.rebuild import Unreadable
    from reviewer.ingest.text import text_rows

    budget = UnpackBudget(path, limits)
    pdf = _guarded(path, budget, pdfplumber.open, path)
    reader = _Reader(path, pdf, budget)
    lines: list[str] = []
    pages: list[tuple[int, int]] = []  # (first line, page number)
    unruled = False  # a page of text with no ruled table its reading trusts
    try:
        for page in reader.pages():
            text = _guarded(path, budget, _layout_text, page)
            unruled = unruled or _guarded(path, budget, _unruled, page)
            page.close()
            pages.append((len(lines) + 1, page.page_number))
            lines += [("\f" if k == 0 and lines else "") + s for k, s in enumerate(text)]
    finally:
        pdf.stream.close()
    if not unruled:
        return iter(())  # every page's tables ruled: read cell by cell, not again
    try:
        rows = list(text_rows(lines, None, [])[1])
    except Unreadable:
        return iter(())
    firsts = [first for first, _ in pages]
    for row in rows:
        k = bisect.bisect_right(firsts, row.line) - 1
        first, number = pages[k]
        for c in row.cells:
            c.where = {"page": number, "row": row.line - first + 1, "column": c.column}
    return iter(rows)


def _unruled(page: Any) -> bool:
    """The page has text and no ruled table whose cells are the form's (see ``_arrange``)."""
    content = _content(page)
    if not content.chars:
        return False
    _assigned(content.chars, content.tables)
    return not any(not t.stacked() for t in content.tables)


def _layout_text(page: Any) -> list[str]:
    return [s.rstrip() for s in page.extract_text(layout=True).split("\n")]


# The largest file read a second time from its laid-out text (a short document: both readings
# are held at once to compare them).
_SECOND_BYTES = 4 << 20


def read_pdf(path: Path, limits: Limits) -> Grid:
    budget = UnpackBudget(path, limits)
    pdf = _guarded(path, budget, pdfplumber.open, path)
    reader = _Reader(path, pdf, budget)
    second: list[tuple[str, Callable[[], Iterable[Row]]]] = []
    if path.stat().st_size <= _SECOND_BYTES:
        second = [("pdf/layout", partial(_laid_out, path, limits))]
    return Grid(
        rows=reader.rows(),
        source=path.name,
        format="pdf",
        extra_leftovers=reader.leftovers,
        second=second,
    )
