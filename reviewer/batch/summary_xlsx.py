"""The batch summary as an .xlsx workbook: one sheet, ranked, with a link from each row to its memo.

Written row by row with the streaming writer of ``xlsx_writer`` (a province's 100,000 tables in
about a second), through :func:`~reviewer.atomic.atomic_file`: the summary is replaced only when
complete. Every text cell is as ``summary.sheet_cells`` made it for the CSV too: never a formula.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.atomic import atomic_file
from reviewer.batch.xlsx_writer import (
    ERROR_FILL,
    FAILED_FILL,
    HEAD,
    LINK,
    TITLE,
    WARN_FILL,
    Cell,
    SheetWriter,
    Value,
)
from reviewer.untrusted import sheet_cell

if TYPE_CHECKING:
    from reviewer.batch.summary import Ranked

_WIDTHS = (6, 28, 6, 26, 20, 6, 8, 6, 12, 12, 8, 16, 16, 8, 12, 12, 30)
_NUMERIC = {"序号", "表序", "错误", "需核实", "提示"}


def memo_link(memo: str) -> str:
    """The link to a memo: a relative path, even where the memo's name looks like a scheme
    (``javascript:…``)."""
    return memo if ":" not in memo.split("/")[0] else "./" + memo


def write_xlsx(path: Path, rows: list[Ranked], headline: list[str]) -> None:
    from reviewer.batch.summary import COLUMNS, RANKING, sheet_cells

    intro = [sheet_cell(line) for line in (*headline, RANKING)]
    header_row = len(intro) + 3
    numeric = [i for i, name in enumerate(COLUMNS) if name in _NUMERIC]
    errors, warnings, link = (COLUMNS.index(c) for c in ("错误", "需核实", "复核意见"))
    with (
        atomic_file(path) as fh,
        SheetWriter(fh, "复核汇总", _WIDTHS, f"C{header_row + 1}") as ws,
    ):
        ws.append([Cell("批量复核汇总", TITLE)])
        for line in intro:
            ws.append([line])
        ws.append([])
        ws.filter_from()
        ws.append([Cell(name, HEAD) for name in COLUMNS])
        for r in rows:
            values: list[Value] = list(sheet_cells(r))
            for i in numeric:
                if values[i] != "":
                    values[i] = int(str(values[i]))
            if r.table is None:
                ws.append([Cell(v, FAILED_FILL) for v in values])
                continue
            cells: list[Value | Cell] = list(values)
            if r.table.errors:
                cells[errors] = Cell(values[errors], ERROR_FILL)
            if r.table.warnings:
                cells[warnings] = Cell(values[warnings], WARN_FILL)
            if r.memo:
                cells[link] = Cell("复核意见", LINK, target=memo_link(r.memo))
            ws.append(cells)
