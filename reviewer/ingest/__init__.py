"""Readers: turn an input file into a Grid of located cells.

The reader is chosen by content (see ``sniff``); the PDF, Excel, Word and web page readers are
imported only when a file needs them, so that reading text stays quick to start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from reviewer.errors import InputError
from reviewer.grid import Grid, Row
from reviewer.ingest.reading import readable_rows
from reviewer.ingest.sniff import DOCX, HTML, MHTML, PDF, XLS, XLSX, sniff
from reviewer.ingest.text import read_text
from reviewer.limits import Limits, bounded_rows, check_file_size


def _read(path: Path, limits: Limits) -> Grid:
    kind = sniff(path)
    if kind == XLSX:
        from reviewer.ingest.xlsx import read_xlsx

        return read_xlsx(path, limits)
    if kind == XLS:
        from reviewer.ingest.xls import read_xls

        return read_xls(path, limits)
    if kind == DOCX:
        from reviewer.ingest.docx import read_docx

        return read_docx(path, limits)
    if kind == PDF:
        from reviewer.ingest.pdf import read_pdf

        return read_pdf(path, limits)
    if kind == HTML:
        from reviewer.ingest.html import read_html

        return read_html(path, limits)
    if kind == MHTML:
        from reviewer.ingest.html import read_mhtml

        return read_mhtml(path, limits)
    return read_text(path, limits)


def read_grid(path: str | Path, limits: Limits | None = None) -> Grid:
    """Read ``path`` with the reader its content and extension call for, within ``limits``
    (the defaults if None): a limit reached stops the reading with LimitError. Its cells as
    the parser reads them (traditional characters as simplified: ``reading``)."""
    p = Path(path)
    limits = limits or Limits()
    if not p.exists():
        raise InputError(f"找不到文件：{p}")
    if p.is_dir():
        raise InputError(f"这是一个目录，不是文件：{p}")
    try:
        check_file_size(p, limits)
        grid = _read(p, limits)
    except OSError as exc:
        raise InputError(f"无法读取文件 {p}：{exc.strerror or exc}") from exc
    grid.rows = readable_rows(bounded_rows(grid.rows, p.name, limits))
    grid.second = [(fmt, _bounded(again, p.name, limits)) for fmt, again in grid.second]
    return grid


def _bounded(
    again: Callable[[], Iterable[Row]], name: str, limits: Limits
) -> Callable[[], Iterable[Row]]:
    """A second reading's rows, bounded and made readable as the first reading's are."""
    return lambda: readable_rows(bounded_rows(again(), name, limits))
