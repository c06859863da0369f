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
from reviewer.ingest.side_by_side import read_apart
from reviewer.ingest.xlsx_scan import WorkbookScan, unvalued_formulas
from reviewer.lazyre import lazy_compile
from reviewer.limits import Limits
from reviewer.model import Leftover, Location
from reviewer.textnorm import clean_cell

_DECIMALS = lazy_compile(r"\.([0#?]+)")


# Text a number format prints around the number: "头" quoted, or one character escaped (\元).
_LITERAL = lazy_compile(r'"([^"]*)"|\\(.)')
_PLACEHOLDER = lazy_compile(r"[0#?]")


def format_number(value: float, number_format: str) -> str:
    """A number as the cell's number format shows it (percent, decimals, thousands, and the
    text the format prints before or after it: ``0"头"`` shows 812 as 812头)."""
    section = number_format.split(";", 1)[0]
    prefix = suffix = ""
    if '"' in section or "\\" in section:
        section, prefix, suffix = _without_literals(section)
    m = _DECIMALS.search(section)
    places = len(m.group(1)) if m else 0
    if "%" in section:
        return f"{prefix}{value * 100:.{places}f}%{suffix}"
    if m or "0" in section:
        sep = "," if "," in section else ""
        return f"{prefix}{value:{sep}.{places}f}{suffix}"
    text = f"{value:.15g}"  # General: no float noise (0.30000000000000004 → 0.3)
    return text if "e" not in text else repr(value)


def _without_literals(section: str) -> tuple[str, str, str]:
    """The format section without its literal text, and the text before and after the
    number."""
    bare = _LITERAL.sub(lambda m: " " * len(m.group(0)), section)
    digits = [m.start() for m in _PLACEHOLDER.finditer(bare)]
    if not digits:
        return bare, "", ""
    prefix: list[str] = []
    suffix: list[str] = []
    for m in _LITERAL.finditer(section):
        text = m.group(1) if m.group(1) is not None else m.group(2)
        (prefix if m.start() < digits[0] else suffix).append(text)
    return bare, "".join(prefix), "".join(suffix)


def cell_text(value: Any, number_format: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return format_number(float(value), number_format)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return format_date(value.date(), number_format)
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return format_date(value, number_format)
    if isinstance(value, dt.time):
        return value.isoformat()
    return str(value)


# A date format's parts: quoted or escaped text, the year, month and day, their separators; any
# other part (times, weekdays, a locale code) is one this reader does not spell out.
_DATE_PART = lazy_compile(
    r'"([^"]*)"|\\(.)|(yyyy|yy|mm(?!m)|m(?!m)|dd(?!d)|d(?!d))|([-/.\s年月日])|(.)', re.IGNORECASE
)


def format_date(day: dt.date, number_format: str) -> str:
    """A date as its cell's format shows it (yyyy"年"m"月"d"日" → 2021年12月20日, yyyy/m/d);
    ISO (2021-12-20) for a format of other parts, or none."""
    out: list[str] = []
    for m in _DATE_PART.finditer(number_format.split(";", 1)[0]):
        literal, escaped, part, separator, other = m.groups()
        if other is not None:
            return day.isoformat()
        if part is not None:
            part = part.lower()
            if part == "yyyy":
                out.append(f"{day.year:04d}")
            elif part == "yy":
                out.append(f"{day.year % 100:02d}")
            elif part[0] == "m":
                out.append(f"{day.month:0{len(part)}d}")
            else:
                out.append(f"{day.day:0{len(part)}d}")
        else:
            out.append(literal if literal is not None else escaped or separator or "")
    return "".join(out) or day.isoformat()


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


def _unvalued(
    path: Path, reader: ExcelReader, scan: WorkbookScan
) -> tuple[list[Leftover], dict[tuple[str, str], str]]:
    """The formulas saved without their values, located by sheet title and cell; and, by
    sheet title and cell → the text read for them, those whose value needs no computing, read
    as typed: one figure (=100%) or words no spreadsheet computes (=42条, =≥95%): a program
    wrote a string beginning with = as a formula, a target with its sign."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sheets = [(s.name, rel.target) for s, rel in reader.parser.find_sheets()]
    leftovers = []
    typed: dict[tuple[str, str], str] = {}
    try:
        for title, part in sheets:
            if part not in scan.with_formulas:
                continue
            for where, formula in unvalued_formulas(path, part):
                if _ONE_FIGURE.match(formula) or _FORMULA_WORDS.search(formula):
                    typed[(title, where)] = "=" + formula
                    continue
                leftovers.append(
                    Leftover(
                        text=f"是公式但文件未保存计算结果（={formula}）",
                        location=Location(sheet=title, cell=where),
                        reason="公式没有保存的计算结果：请在 Excel 中打开、重新计算并保存后再复核",
                    )
                )
    except (ElementTree.ParseError, ValueError, CellCoordinatesException) as exc:
        raise damaged_package(path, "Excel") from exc
    return leftovers, typed


# A character no formula holds outside a string in quotes: a CJK word, a sign as printed (≥).
_FORMULA_WORDS = lazy_compile(r'^[^"]*[\u2000-\uffff]')
# A formula that is one figure (=100%): a target's sign and figure, as the program wrote them.
_ONE_FIGURE = lazy_compile(r"^[-+]?\d+(?:\.\d+)?%?$")


def _stored_rows(ws: Worksheet) -> Iterator[tuple[int, list[Any]]]:
    """The sheet's stored cells, row by row. Not ``iter_rows``: that visits every coordinate
    up to the sheet's extent, which formatting alone can push to row 1,048,576."""
    cells = sorted(ws._cells.items())
    for row_no, group in itertools.groupby(cells, key=lambda item: item[0][0]):
        yield row_no, [cell for _, cell in group]


def _hidden(ws: Worksheet) -> tuple[set[int], set[int]]:
    """The sheet's hidden rows and hidden columns (numbers from 1)."""
    rows = {r for r, dim in ws.row_dimensions.items() if dim.hidden}
    columns: set[int] = set()
    for dim in ws.column_dimensions.values():
        if dim.hidden and dim.min is not None and dim.max is not None:
            columns.update(range(dim.min, min(dim.max, _MAX_HIDDEN_SPAN) + 1))
    return rows, columns


_MAX_HIDDEN_SPAN = 16384  # Excel's last column


def _rows(
    workbook: Workbook, hidden: list[Leftover], typed: dict[tuple[str, str], str]
) -> Iterator[Row]:
    line = 0
    for sheet_no, ws in enumerate(workbook.worksheets):
        if ws.sheet_state != "visible":
            count = sum(1 for _, cells in _stored_rows(ws) for c in cells if c.value is not None)
            if count:
                hidden.append(hidden_sheet(ws.title, count))
            continue
        breaks = {b.id for b in ws.row_breaks.brk}  # a break after row id
        hidden_rows, hidden_columns = _hidden(ws)
        page_break = sheet_no > 0
        last_row = 0
        for row_no, cells in _stored_rows(ws):
            if any(last_row <= b < row_no for b in breaks):
                page_break = True
            last_row = row_no
            out: list[Cell] = []
            for c in cells:
                if c.value is None:
                    raw = typed.get((ws.title, c.coordinate), "")
                    if not raw:
                        continue  # empty, or covered by a merged cell
                else:
                    raw = cell_text(c.value, c.number_format)
                text = clean_cell(raw)
                if text and (row_no in hidden_rows or c.column in hidden_columns):
                    hidden.append(hidden_cell(text, ws.title, c.coordinate))
                elif text:
                    where = {"sheet": ws.title, "cell": c.coordinate}
                    out.append(Cell(text, line + 1, c.column, raw, where=where))
            if out:
                line += 1
                yield Row(cells=out, line=line, page_break_before=page_break and line > 1)
                page_break = False


def hidden_cell(text: str, sheet: str, where: str) -> Leftover:
    """A cell of a hidden row or column: not what the sheet shows, reported, not read."""
    return Leftover(
        text=text,
        location=Location(sheet=sheet, cell=where),
        reason="隐藏的行或列中的内容（表格显示和打印时看不到），未纳入复核",
    )


def hidden_sheet(title: str, count: int) -> Leftover:
    return Leftover(
        text=f"（隐藏的工作表，{count}格有内容）",
        location=Location(sheet=title),
        reason="隐藏的工作表（打开文件时看不到），未纳入复核",
    )


def read_xlsx(path: Path, limits: Limits) -> Grid:
    scan = WorkbookScan(path.name, limits)
    verify_package(path, "Excel", limits, scan.watch)
    reader = _load(path)
    leftovers, typed = _unvalued(path, reader, scan)
    return Grid(
        rows=read_apart(_rows(reader.wb, leftovers, typed)),
        source=path.name,
        format="xlsx",
        extra_leftovers=leftovers,
    )
