"""The Excel reader (.xlsx, with openpyxl): every sheet, top to bottom.

A merged cell holds its value in its top-left cell and nothing in the cells it covers, so its
label is read once, at the top of the group it spans (the parser's labels may stand anywhere
in their group). Numbers are shown as the sheet shows them: percentages by their number
format (0.9985 as ``99.85%``), fixed decimals and thousands separators likewise. Each sheet,
and each manual page break, starts a new page. Cells are located as ``Sheet!B12``.

Formulas are read by their cached values (what Excel last computed and saved); a formula
saved without its value is reported with its cell (``xlsx_scan``). Before openpyxl opens the
file, the package is checked against the limits (``package``) and its cells are counted.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.exceptions import CellCoordinatesException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from reviewer.grid import Cell, Grid, Row
from reviewer.ingest.package import damaged_package, verify_package
from reviewer.ingest.xlsx_scan import WorkbookScan, unvalued_formulas
from reviewer.limits import Limits
from reviewer.model import Leftover, Location
from reviewer.textnorm import clean_cell

_DECIMALS = re.compile(r"\.([0#?]+)")


def format_number(value: float, number_format: str) -> str:
    """A number as the cell's number format shows it (percent, decimals, thousands)."""
    section = number_format.split(";", 1)[0]
    m = _DECIMALS.search(section)
    places = len(m.group(1)) if m else 0
    if "%" in section:
        return f"{value * 100:.{places}f}%"
    if m or "0" in section:
        sep = "," if "," in section else ""
        return f"{value:{sep}.{places}f}"
    text = f"{value:.15g}"  # General: no float noise (0.30000000000000004 → 0.3)
    return text if "e" not in text else repr(value)


def cell_text(value: Any, number_format: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return format_number(float(value), number_format)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _load(path: Path) -> ExcelReader:
    """The workbook read (``load_workbook`` is this, keeping the reader for its sheet parts)."""
    # Not read-only: read-only sheets do not know their merged cells.
    reader = ExcelReader(path, read_only=False, data_only=True)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unsupported extensions and the like: not ours to say
            reader.read()
    except Exception as exc:  # openpyxl raises many kinds on a damaged package
        raise damaged_package(path, "Excel") from exc
    return reader


def _unvalued(path: Path, reader: ExcelReader, scan: WorkbookScan) -> list[Leftover]:
    """The formulas saved without their values, located by sheet title and cell."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sheets = [(s.name, rel.target) for s, rel in reader.parser.find_sheets()]
    leftovers = []
    try:
        for title, part in sheets:
            if part not in scan.with_formulas:
                continue
            for where, formula in unvalued_formulas(path, part):
                leftovers.append(
                    Leftover(
                        text=f"是公式但文件未保存计算结果（={formula}）",
                        location=Location(sheet=title, cell=where),
                        reason="公式没有保存的计算结果：请在 Excel 中打开、重新计算并保存后再复核",
                    )
                )
    except (ElementTree.ParseError, ValueError, CellCoordinatesException) as exc:
        raise damaged_package(path, "Excel") from exc
    return leftovers


def _stored_rows(ws: Worksheet) -> Iterator[tuple[int, list[Any]]]:
    """The sheet's stored cells, row by row. Not ``iter_rows``: that visits every coordinate
    up to the sheet's extent, which formatting alone can push to row 1,048,576."""
    cells = sorted(ws._cells.items())
    for row_no, group in itertools.groupby(cells, key=lambda item: item[0][0]):
        yield row_no, [cell for _, cell in group]


def _rows(workbook: Workbook) -> Iterator[Row]:
    line = 0
    for sheet_no, ws in enumerate(workbook.worksheets):
        breaks = {b.id for b in ws.row_breaks.brk}  # a break after row id
        page_break = sheet_no > 0
        last_row = 0
        for row_no, cells in _stored_rows(ws):
            if any(last_row <= b < row_no for b in breaks):
                page_break = True
            last_row = row_no
            out: list[Cell] = []
            for c in cells:
                if c.value is None:
                    continue  # empty, or covered by a merged cell
                raw = cell_text(c.value, c.number_format)
                text = clean_cell(raw)
                if text:
                    where = {"sheet": ws.title, "cell": c.coordinate}
                    out.append(Cell(text, line + 1, c.column, raw, where=where))
            if out:
                line += 1
                yield Row(cells=out, line=line, page_break_before=page_break and line > 1)
                page_break = False


def read_xlsx(path: Path, limits: Limits) -> Grid:
    scan = WorkbookScan(path.name, limits)
    verify_package(path, "Excel", limits, scan.watch)
    reader = _load(path)
    return Grid(
        rows=_rows(reader.wb),
        source=path.name,
        format="xlsx",
        extra_leftovers=_unvalued(path, reader, scan),
    )
