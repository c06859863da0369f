"""Bounds on what pdfminer may do for one file: unpack its streams, and draw on a page.

pdfminer inflates each stream whole (``zlib.decompress``, ``lzwdecode``) with no bound, so a
PDF of 500 KB can unpack to gigabytes. It looks both up as globals of ``pdfminer.pdftypes``
when it decodes a stream; this module gives it bounded versions (once, on import), which
count what they produce against the ``UnpackBudget`` of the file being read (inside a
``reading(budget)`` block) and raise LimitError once it is spent. Outside such a block they
unpack as pdfminer's own do. A damaged deflate stream yields what it held before the damage,
at once (pdfminer's fallback retries it byte by byte, in quadratic time).

The interpreter draws each character, line and image, and a form (XObject) may draw other
forms many times over, so a page of a few bytes can draw billions of objects: a
``BoundedPage`` counts them as they are drawn and stops at ``limits.pdf_page_objects``.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from pdfminer import pdftypes
from pdfminer.layout import LTPage
from pdfminer.lzw import LZWDecoder, lzwdecode
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent
from pdfplumber.pdf import PDF

from reviewer.limits import UnpackBudget, exceeded

_PIECE = 1 << 20
_BUDGET: ContextVar[UnpackBudget | None] = ContextVar("pdf_unpack_budget", default=None)


@contextmanager
def reading(budget: UnpackBudget) -> Iterator[None]:
    """Count the streams pdfminer unpacks meanwhile against ``budget``."""
    token = _BUDGET.set(budget)
    try:
        yield
    finally:
        _BUDGET.reset(token)


class _BoundedZlib:
    """The part of the ``zlib`` module pdfminer's stream decoder uses, bounded."""

    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)

    @staticmethod
    def decompress(data: bytes) -> bytes:
        budget = _BUDGET.get()
        if budget is None:
            return zlib.decompress(data)
        inflater = zlib.decompressobj()
        pieces: list[bytes] = []
        try:
            while data and not inflater.eof:
                pieces.append(inflater.decompress(data, _PIECE))
                budget.take(len(pieces[-1]))
                data = inflater.unconsumed_tail
            pieces.append(inflater.flush())
        except zlib.error:
            pass  # damaged: keep what came before the damage
        return b"".join(pieces)


def _bounded_lzw(data: bytes) -> bytes:
    budget = _BUDGET.get()
    if budget is None:
        return lzwdecode(data)
    pieces: list[bytes] = []
    pending = 0
    for piece in LZWDecoder(io.BytesIO(data)).run():
        pieces.append(piece)
        pending += len(piece)
        if pending >= _PIECE:
            budget.take(pending)
            pending = 0
    budget.take(pending)
    return b"".join(pieces)


setattr(pdftypes, "zlib", _BoundedZlib)  # noqa: B010  # (assignment to a module: see above)
setattr(pdftypes, "lzwdecode", _bounded_lzw)  # noqa: B010


class _CountingDevice(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's layout device, counting what the page draws."""

    def __init__(self, page: BoundedPage) -> None:
        super().__init__(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
        self.page = page
        self.drawn = 0

    def _count(self) -> None:
        self.drawn += 1
        if self.drawn > self.page.max_objects:
            what = (
                f"第{self.page.page_number}页绘制的对象（文字、线条、图片）"
                f"超过上限 {self.page.max_objects:,} 个"
            )
            raise exceeded(self.page.source, what, "pdf_page_objects")

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        self._count()
        return super().render_char(*args, **kwargs)

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        self._count()
        super().paint_path(*args, **kwargs)

    def render_image(self, *args: Any, **kwargs: Any) -> None:
        self._count()
        super().render_image(*args, **kwargs)

    def begin_figure(self, *args: Any, **kwargs: Any) -> None:
        self._count()  # a form drawn: counted even when it draws nothing
        super().begin_figure(*args, **kwargs)


class BoundedPage(Page):
    """A pdfplumber page whose layout stops after ``max_objects`` drawn objects. Errors in
    the page's content come out as they are (pdfplumber wraps them in PdfminerException)."""

    def __init__(
        self, pdf: PDF, page_obj: PDFPage, page_number: int, source: str, max_objects: int
    ) -> None:
        super().__init__(pdf, page_obj, page_number=page_number)
        self.source = source
        self.max_objects = max_objects

    @property
    def layout(self) -> LTPage:
        if not hasattr(self, "_layout"):
            device = _CountingDevice(self)
            PDFPageInterpreter(self.pdf.rsrcmgr, device).process_page(self.page_obj)
            self._layout = device.get_result()
        return self._layout
