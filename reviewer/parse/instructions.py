"""A file's own instructions outside its tables: a workbook's 填表说明 sheet, a 填报说明 under a
report's last table (1.金额单位：万元; 2.执行率=…). They are the form's, no table's: read as such,
not reported unread. Only rows no table used, under such a heading: its numbered items, or on a
sheet named for them (说明, 填表说明) every line of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.grid import Row
from reviewer.lazyre import lazy_compile

_HEADING = lazy_compile(r"^(?:填表说明|填报说明|说明)\s*[:：]?$")
_ITEM = lazy_compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．)）]")
_SHEET = "说明"  # (a sheet named 说明, 填表说明, 填报说明: every line its instructions)


def read_instructions(rows: Sequence[Row]) -> None:
    """Mark used each heading of instructions among ``rows`` and the lines under it."""
    i = 0
    while i < len(rows):
        if not _heading(rows[i]):
            i += 1
            continue
        rows[i].cells[0].used = True
        whole_sheet = _SHEET in (rows[i].cells[0].ref().sheet or "")
        k = i + 1
        while k < len(rows) and _line(rows[k], whole_sheet):
            rows[k].cells[0].used = True
            k += 1
        i = k


def _heading(row: Row) -> bool:
    cells = row.cells
    return len(cells) == 1 and not cells[0].used and _HEADING.match(cells[0].text) is not None


def _line(row: Row, whole_sheet: bool) -> bool:
    cells = row.cells
    return (
        len(cells) == 1
        and not cells[0].used
        and (whole_sheet or _ITEM.match(cells[0].text) is not None)
    )
