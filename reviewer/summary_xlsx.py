"""The batch summary as an .xlsx workbook (openpyxl): one sheet, ranked, with links to memos."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

if TYPE_CHECKING:
    from reviewer.summary import Ranked

_WIDTHS = (6, 28, 6, 26, 20, 6, 8, 6, 12, 12, 8, 16, 16, 8, 9, 12, 30)
_NUMERIC = {"序号", "表序", "错误", "需核实", "提示"}
_HEAD_FILL = PatternFill("solid", fgColor="DDE3EA")
_ERROR_FILL = PatternFill("solid", fgColor="FDE3E0")
_WARN_FILL = PatternFill("solid", fgColor="FFF1C7")
_FAILED_FILL = PatternFill("solid", fgColor="EEEEEE")


def xlsx_bytes(rows: list[Ranked], headline: list[str]) -> bytes:
    from reviewer.summary import COLUMNS, RANKING, _row

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "复核汇总"
    ws.append(["批量复核汇总"])
    ws["A1"].font = Font(bold=True, size=14)
    for line in [*headline, RANKING]:
        ws.append([line])
    header_row = ws.max_row + 2
    ws.append([])
    ws.append(list(COLUMNS))
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    memo_col = COLUMNS.index("复核意见") + 1
    for r in rows:
        values: list[object] = list(_row(r))
        for i, name in enumerate(COLUMNS):
            if name in _NUMERIC and values[i] != "":
                values[i] = int(str(values[i]))
        ws.append(values)
        n = ws.max_row
        if r.memo:
            link = ws.cell(row=n, column=memo_col)
            link.value = "复核意见"
            link.hyperlink = r.memo
            link.style = "Hyperlink"
        if r.table is None:
            for cell in ws[n]:
                cell.fill = _FAILED_FILL
        else:
            if r.table.errors:
                ws.cell(row=n, column=COLUMNS.index("错误") + 1).fill = _ERROR_FILL
            if r.table.warnings:
                ws.cell(row=n, column=COLUMNS.index("需核实") + 1).fill = _WARN_FILL
    for i, width in enumerate(_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = f"C{header_row + 1}"
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(COLUMNS))}{ws.max_row}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
