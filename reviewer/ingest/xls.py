"""The legacy Excel reader (.xls, Excel 97–2003, with xlrd): what budget systems still export.

Read as the .xlsx reader reads a workbook: every sheet, each stored cell located by sheet and
coordinate (``Sheet1!B12``), numbers shown as their number format shows them (``0.00%``). A
merged range holds its value in its top-left cell and Excel leaves the cells it covers blank,
so its label is read once; the ranges themselves are not expanded (a few bytes of a file may
declare ranges of millions of cells). The cells read count against the limits as every
reader's do (``bounded_rows``). A page break Excel recorded, or a new sheet, starts a new page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import xlrd

from reviewer.errors import InputError
from reviewer.grid import Cell, Grid, Row
from reviewer.ingest.side_by_side import read_apart
from reviewer.ingest.xlsx import cell_text, hidden_cell, hidden_sheet
from reviewer.limits import Limits
from reviewer.model import Leftover
from reviewer.textnorm import clean_cell


def _open(path: Path) -> Any:
    try:
        return xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise InputError(
                f"{path.name} 是设有打开密码的 Excel 文件：请去除密码后另存再复核"
            ) from exc
        raise InputError(f"{path.name} 无法作为 Excel（.xls）文件打开：文件已损坏或不完整") from exc
    except Exception as exc:  # xlrd raises many kinds on a damaged file
        raise InputError(f"{path.name} 无法作为 Excel（.xls）文件打开：文件已损坏或不完整") from exc


def _column_name(col: int) -> str:
    """0 → A, 26 → AA."""
    name = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        name = chr(65 + rest) + name
    return name


def _value(book: Any, cell: Any) -> Any:
    """The cell's value as openpyxl would give it (a date as a date, a boolean as a boolean)."""
    kind = cell.ctype
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERR")
    return cell.value


def _number_format(book: Any, cell: Any) -> str:
    try:
        xf = book.xf_list[cell.xf_index]
        return str(book.format_map[xf.format_key].format_str)
    except (IndexError, KeyError, AttributeError, TypeError):
        return "General"


def _hidden(sheet: Any) -> tuple[set[int], set[int]]:
    """The sheet's hidden rows and columns (numbers from 0, as xlrd counts them)."""
    rows = {r for r, info in getattr(sheet, "rowinfo_map", {}).items() if info.hidden}
    columns = {c for c, info in getattr(sheet, "colinfo_map", {}).items() if info.hidden}
    return rows, columns


def _rows(path: Path, book: Any, hidden: list[Leftover]) -> Iterator[Row]:
    line = 0
    for sheet_no in range(book.nsheets):
        try:
            sheet = book.sheet_by_index(sheet_no)
        except Exception as exc:  # a damaged sheet
            raise InputError(f"{path.name} 的第{sheet_no + 1}个工作表无法读取：文件已损坏") from exc
        if getattr(sheet, "visibility", 0):  # 1 hidden, 2 very hidden
            count = sum(
                1
                for r in range(sheet.nrows)
                for cell in sheet.row(r)
                if cell.ctype not in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK)
            )
            if count:
                hidden.append(hidden_sheet(sheet.name, count))
            book.unload_sheet(sheet_no)
            continue
        breaks = {b[0] for b in getattr(sheet, "horizontal_page_breaks", [])}
        hidden_rows, hidden_columns = _hidden(sheet)
        page_break = sheet_no > 0
        for r in range(sheet.nrows):
            if r in breaks:
                page_break = True
            out: list[Cell] = []
            for c, cell in enumerate(sheet.row(r)):
                if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    continue
                value = _value(book, cell)
                raw = cell_text(value, _number_format(book, cell))
                text = clean_cell(raw)
                name = f"{_column_name(c)}{r + 1}"
                if text and (r in hidden_rows or c in hidden_columns):
                    hidden.append(hidden_cell(text, sheet.name, name))
                elif text:
                    where = {"sheet": sheet.name, "cell": name}
                    out.append(Cell(text, line + 1, c + 1, raw, where=where))
            if out:
                line += 1
                yield Row(cells=out, line=line, page_break_before=page_break and line > 1)
                page_break = False
        book.unload_sheet(sheet_no)


def read_xls(path: Path, limits: Limits) -> Grid:
    book = _open(path)
    hidden: list[Leftover] = []
    return Grid(
        rows=read_apart(_rows(path, book, hidden)),
        source=path.name,
        format="xls",
        extra_leftovers=hidden,
    )
