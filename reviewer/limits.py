"""Limits on the work one input may cause, and the error that says which one it reached.

A file of 1 MB can unpack to gigabytes (an .xlsx or .docx is a zip of XML parts; a PDF's
streams are deflated), hold millions of cells, or draw millions of characters on one page.
Every reader checks these limits before or while it reads and stops at the first one reached,
with one Chinese line that names the limit and its configuration key (the ``[limits]`` table
of reviewer.toml). The defaults leave ample room for the largest real reports: a province's
year of 100,000 tables is about 220 MB of text and 10 million cells; a file of 10,000 tables
is about a million spreadsheet cells, or 20,000 to 30,000 PDF pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from reviewer.errors import LimitError
from reviewer.grid import Row

MB = 1 << 20
RATIO_FLOOR_MB = 16  # unpacked content below this is never a bomb, whatever its ratio


class Limits(BaseModel):
    model_config = ConfigDict(extra="forbid")

    file_mb: float = Field(1024, gt=0)  # the input file's size
    unpacked_mb: float = Field(2048, gt=0)  # xlsx/docx parts, or PDF streams, once unpacked
    unpack_ratio: float = Field(100, gt=0)  # unpacked ÷ file size, once over RATIO_FLOOR_MB
    # non-empty cells (xlsx: every stored cell): a file of file_mb holds up to ~50 million, and
    # a province's year (100,000 tables of the national form) about 10 million
    cells: int = Field(50_000_000, gt=0)
    cell_chars: int = Field(100_000, gt=0)  # characters in one cell, or one line of text
    pdf_pages: int = Field(100_000, gt=0)
    pdf_page_objects: int = Field(100_000, gt=0)  # characters, lines, images, forms on a page


def exceeded(name: str, what: str, key: str) -> LimitError:
    """The one-line error for a limit reached: the file, what went over, the key that sets it."""
    return LimitError(f"{name}：{what}，已停止读取（上限可用配置项 limits.{key} 调整）")


def check_file_size(path: Path, limits: Limits) -> None:
    size = path.stat().st_size
    if size > limits.file_mb * MB:
        what = f"文件大小 {size / MB:,.0f} MB，超过上限 {limits.file_mb:g} MB"
        raise exceeded(path.name, what, "file_mb")


class UnpackBudget:
    """What one container file may unpack to in total: ``unpacked_mb``, and once past
    ``RATIO_FLOOR_MB`` no more than ``unpack_ratio`` times the file's own size."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.name = path.name
        self.limits = limits
        self.file_size = max(path.stat().st_size, 1)
        self.used = 0

    def check(self, total: int) -> None:
        """Raise LimitError if ``total`` unpacked bytes are more than this file may hold."""
        limits = self.limits
        if total > limits.unpacked_mb * MB:
            what = f"解压后的内容超过上限 {limits.unpacked_mb:g} MB"
            raise exceeded(self.name, what, "unpacked_mb")
        if total > RATIO_FLOOR_MB * MB and total > limits.unpack_ratio * self.file_size:
            what = f"解压后的内容超过文件本身大小的 {limits.unpack_ratio:g} 倍，疑似压缩炸弹"
            raise exceeded(self.name, what, "unpack_ratio")

    def take(self, n: int) -> None:
        """Count ``n`` more unpacked bytes."""
        self.used += n
        self.check(self.used)


def bounded_rows(rows: Iterable[Row], name: str, limits: Limits) -> Iterator[Row]:
    """The rows, stopping with LimitError at too many cells or too long a cell."""
    cells = 0
    max_cells, max_chars = limits.cells, limits.cell_chars  # read once: this runs per row
    for row in rows:
        row_cells = row.cells
        cells += len(row_cells)
        if cells > max_cells:
            raise exceeded(name, f"单元格数超过上限 {max_cells:,}", "cells")
        if len(row.joined) > max_chars:  # a cell is never longer than its row's text
            for cell in row_cells:
                if len(cell.raw) > max_chars or len(cell.text) > max_chars:
                    where = cell.location.describe()
                    what = f"{where} 的内容超过上限 {max_chars:,} 个字符"
                    raise exceeded(name, what, "cell_chars")
        yield row
