"""What openpyxl does not tell, read from the worksheets' XML.

* How many cells there are, before openpyxl loads them (it keeps every cell in memory, a few
  hundred bytes each): the cells are counted from the XML's bytes as the package is checked
  (``package.verify_package``), and past ``limits.cells`` reading stops at once.
* Which cells hold a formula saved without its value. Excel saves the value it computed with
  each formula; files written by programs often do not (openpyxl writes ``<v></v>``), and
  openpyxl, reading values, then sees an empty cell. Those cells are reported, so that an
  amount computed by a formula is not taken for a missing one. An empty ``<v>`` of a cell
  typed as a string is a formula whose value is the empty string: that one is read as empty.
  Only the sheets that hold a formula at all are parsed for this.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter

from reviewer.lazyre import lazy_compile
from reviewer.limits import Limits, exceeded

_CELL = lazy_compile(rb"<(?:[\w.-]+:)?c[\s/>]")
_FORMULA = lazy_compile(rb"<(?:[\w.-]+:)?f[\s/>]")
_TAG_HEAD = 64  # bytes of a tag the patterns need, at most
_FORMULA_SHOWN = 60  # characters of a formula quoted in the report


class _SheetWatcher:
    """Fed a worksheet's XML piece by piece: counts its cells, notes whether it has formulas."""

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
        if self.part not in self.scan.with_formulas and _FORMULA.search(text):
            self.scan.with_formulas.add(self.part)


class WorkbookScan:
    """The cell count of one workbook's worksheets, and which of them hold formulas."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name = name
        self.limits = limits
        self.cells = 0
        self.with_formulas: set[str] = set()

    def add_cells(self, n: int) -> None:
        self.cells += n
        if self.cells > self.limits.cells:
            raise exceeded(self.name, f"单元格数超过上限 {self.limits.cells:,}", "cells")

    def watch(self, part: str) -> _SheetWatcher | None:
        if part.startswith("xl/worksheets/") and part.endswith(".xml"):
            return _SheetWatcher(self, part)
        return None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def unvalued_formulas(path: Path, part: str) -> Iterator[tuple[str, str]]:
    """The worksheet ``part``'s formulas saved without a value: (cell, formula text).

    The package must have been checked (``verify_package``): its parts are what they say.
    """
    row = column = 0
    parent = ElementTree.Element("none")
    with zipfile.ZipFile(path) as zf, zf.open(part) as fh:
        for event, element in ElementTree.iterparse(fh, events=("start", "end")):
            name = _local(element.tag)
            if name == "sheetData" and event == "start":
                parent = element
            elif name == "row":
                if event == "start":
                    row, column = int(element.get("r") or row + 1), 0
                elif len(parent) and parent[0] is element:
                    parent.remove(element)  # rows are not kept once read
            elif name == "c" and event == "end":
                ref = element.get("r")
                row, column = coordinate_to_tuple(ref.upper()) if ref else (row, column + 1)
                formula = value = None
                for child in element:
                    kind = _local(child.tag)
                    formula = child if kind == "f" else formula
                    value = child if kind == "v" else value
                if formula is not None and (
                    value is None or (not value.text and element.get("t") != "str")
                ):
                    text = (formula.text or "")[:_FORMULA_SHOWN]
                    yield f"{get_column_letter(column)}{row}", text
