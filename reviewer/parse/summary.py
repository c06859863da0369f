"""A summary of several projects' results printed beside their tables (a workbook's 汇总 sheet,
a report's 项目自评结果汇总表): 序号 | 项目名称 | 主管部门 | 自评得分 | 自评等级, or with 执行率.

Its rows are read as entries (a project's name, the score and the rate the summary gives it),
so that each can be held against the project's own table (T108). A summary is told by its
header: a 项目名称 column and a score's or a rate's, and none of an indicator table's columns;
its rows follow until a row that names no project or gives it no figure. Only rows no table
used are read: a table's own rows are never a summary's.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.forms.vocabulary import key
from reviewer.grid import Row
from reviewer.lazyre import lazy_compile
from reviewer.model import SummaryEntry
from reviewer.parse.labels import is_total_word
from reviewer.parse.values import parse_amount, parse_percent, parse_points

_NAME_LABELS = frozenset({"项目名称", "项目", "专项名称", "资金名称"})
_SCORE_LABELS = frozenset({"自评得分", "得分", "总分", "自评分", "综合得分", "自评总分"})
_RATE_LABELS = frozenset({"执行率", "预算执行率", "资金执行率"})
# The amounts' columns (全年预算数（万元）, 执行数): by their label, its unit aside.
_AMOUNT_LABELS = {
    "全年预算数": "budget",
    "预算数": "budget",
    "调整后预算数": "budget",
    "全年执行数": "executed",
    "执行数": "executed",
    "实际支出数": "executed",
}
_UNIT_NOTE = lazy_compile(r"\((?:万元|元)\)$")
# Labels no summary prints: an indicator table's columns.
_TABLE_LABELS = frozenset({"年度指标值", "实际完成值", "三级指标", "一级指标", "分值"})
_MIN_CELLS = 3


def read_summaries(rows: Sequence[Row], into: list[SummaryEntry]) -> None:
    """Each summary among ``rows`` (those no table used), its entries added to ``into`` and
    its cells marked used."""
    i = 0
    while i < len(rows):
        columns = _header(rows[i])
        if columns is None:
            i += 1
            continue
        entries = []
        k = i + 1
        if k < len(rows) and (lower := _lower_header(rows[k])):
            columns = {**lower, **columns}  # 项目资金 over 全年预算数 | 全年执行数 | 执行率
            k += 1
        header = rows[i:k]
        while k < len(rows) and (entry := _entry(rows[k], columns)) is not None:
            entries.append((rows[k], entry))
            k += 1
        if entries and k < len(rows) and _totals_row(rows[k], columns):
            header = [*header, rows[k]]  # its 合计: the summary's, read with it
            k += 1
        if entries:
            if i and _title(rows[i - 1]):
                header = [rows[i - 1], *header]  # …局2023年度项目支出绩效自评结果汇总表 over it
            for c in (c for r in header for c in r.cells):
                c.used = True
            for row, entry in entries:
                for c in row.cells:
                    c.used = True
                into.append(entry)
        i = max(k, i + 1)


def _title(row: Row) -> bool:
    """``row`` the summary's title, alone on its row over the header (…自评得分汇总, …汇总表)."""
    cells = row.cells
    return len(cells) == 1 and not cells[0].used and _TITLE.search(cells[0].text) is not None


_TITLE = lazy_compile(r"汇总(?:表|情况表|情况)?[)）]?$")


def _header(row: Row) -> dict[str, int] | None:
    """The summary's columns (name, score, rate) by role, if ``row`` is its header (some of
    its labels a table's reader may have taken for its own: 全年预算数, 执行率)."""
    cells = row.cells
    if len(cells) < _MIN_CELLS:
        return None
    keys = {key(c.text): c.column for c in cells}
    if not _TABLE_LABELS.isdisjoint(keys):
        return None
    name = next((col for k, col in keys.items() if k in _NAME_LABELS), None)
    score = next((col for k, col in keys.items() if k in _SCORE_LABELS), None)
    rate = next((col for k, col in keys.items() if k in _RATE_LABELS), None)
    if name is None or (score is None and rate is None):
        return None
    found = {"name": name}
    if score is not None:
        found["score"] = score
    if rate is not None:
        found["rate"] = rate
    for k, col in keys.items():
        if (role := _AMOUNT_LABELS.get(_UNIT_NOTE.sub("", k))) is not None:
            found.setdefault(role, col)
    return found


def _lower_header(row: Row) -> dict[str, int]:
    """The rate's column on a header's second row (under 项目资金), if ``row`` is one: labels
    only, a rate's among them."""
    keys = {key(c.text): c.column for c in row.cells}
    rate = next((col for k, col in keys.items() if k in _RATE_LABELS), None)
    if rate is None or any(parse_points(c.text) is not None for c in row.cells):
        return {}
    return {"rate": rate}


def _entry(row: Row, columns: dict[str, int]) -> SummaryEntry | None:
    """A project's entry under the summary's header: its name, and a score or a rate that
    reads as one; None for any other row (the summary ended)."""
    if any(c.used for c in row.cells):
        return None
    by_column = {c.column: c for c in row.cells}
    name = by_column.get(columns["name"])
    if name is None or is_total_word(name.text) or parse_points(name.text) is not None:
        return None
    score_cell = by_column.get(columns.get("score", -1))
    rate_cell = by_column.get(columns.get("rate", -1))
    score = parse_points(score_cell.text) if score_cell is not None else None
    rate = parse_percent(rate_cell.text) if rate_cell is not None else None
    if score is None and rate is None:
        return None
    cells = {"project": name.ref()}
    if score is not None and score_cell is not None:
        cells["score"] = score_cell.ref()
    if rate is not None and rate_cell is not None:
        cells["rate_pct"] = rate_cell.ref()
    amounts: dict[str, float] = {}
    for role in ("budget", "executed"):
        cell = by_column.get(columns.get(role, -1))
        if cell is not None and (amount := parse_amount(cell.text)) is not None:
            amounts[role] = amount
            cells[role] = cell.ref()
    return SummaryEntry(project=name.text, score=score, rate_pct=rate, cells=cells, **amounts)


def _totals_row(row: Row, columns: dict[str, int]) -> bool:
    """The summary's 合计 row under its entries (合计 | | | 1085.00 | 998.90 | 92.06%)."""
    by_column = {c.column: c for c in row.cells}
    first = row.cells[0] if row.cells else None
    name = by_column.get(columns["name"])
    return not any(c.used for c in row.cells) and any(
        c is not None and is_total_word(c.text) for c in (first, name)
    )
