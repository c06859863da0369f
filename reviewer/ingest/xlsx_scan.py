"""What openpyxl does not tell, read from the worksheets' XML.

* How many cells there are, before openpyxl loads them (it keeps every cell in memory, a few
  hundred bytes each): the cells are counted from the XML's bytes as the package is checked
  (``package.verify_package``), and past ``limits.cells`` reading stops at once.
"""

from __future__ import annotations

import re

from reviewer.limits import Limits, exceeded

_CELL = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_TAG_HEAD = 64  # bytes of a tag the patterns need, at most


class _SheetWatcher:
    """Fed a worksheet's XML piece by piece: counts its cells."""

    def __init__(self, scan: WorkbookScan, part: str) -> None:
        self.scan = scan
        self.part = part
        self.carry = b""  # the start of a tag cut by the piece's end

    def feed(self, data: bytes) -> None:
        text = self.carry + data
        cut = text.rfind(b"<")
        if cut < 0:
            self.carry = b""
        else:
            text, self.carry = text[:cut], text[cut : cut + _TAG_HEAD]
        self._count(text)

    def close(self) -> None:
        self._count(self.carry)

    def _count(self, text: bytes) -> None:
        self.scan.add_cells(len(_CELL.findall(text)))


class WorkbookScan:
    """The cell count of one workbook's worksheets."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name = name
        self.limits = limits
        self.cells = 0

    def add_cells(self, n: int) -> None:
        self.cells += n
        if self.cells > self.limits.cells:
            raise exceeded(self.name, f"单元格数超过上限 {self.limits.cells:,}", "cells")

    def watch(self, part: str) -> _SheetWatcher | None:
        if part.startswith("xl/worksheets/") and part.endswith(".xml"):
            return _SheetWatcher(self, part)
        return None
