"""One table's rows → an EvaluationTable.

The form's sections (header, 项目资金, 年度总体目标, 绩效指标, 总分) are found by their
keywords; columns inside a section are mapped by the section's own header labels.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reviewer.grid import Cell, Row
from reviewer.model import EvaluationTable
from reviewer.parse import labels as lb
from reviewer.parse.columns import IndicatorColumns, Role, read_header
from reviewer.parse.indicators import parse_section
from reviewer.parse.values import is_placeholder, parse_amount, parse_number, parse_percent
from reviewer.textnorm import collapse_spaces

TITLE_WORD = "绩效自评表"
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_HEADER_KEYS = {
    "项目名称": "project",
    "主管部门": "department",
    "主管单位": "department",
    "预算部门": "department",
    "实施单位": "implementer",
    "项目实施单位": "implementer",
    "预算单位": "implementer",
}
_FUND_COLUMNS = (
    ("年初预算", "initial_budget"),
    ("全年预算", "full_year_budget"),
    ("全年执行", "executed"),
    ("执行数", "executed"),
    ("分值", "weight"),
    ("执行率", "rate_pct"),
    ("得分", "score"),
)
_DEFAULT_FUND_COLUMNS = (
    "initial_budget",
    "full_year_budget",
    "executed",
    "weight",
    "rate_pct",
    "score",
)
_FUND_ROWS = (
    ("资金总额", "annual_total"),
    ("财政拨款", "current_year_appropriation"),
    ("上年结转", "prior_year_carryover"),
    ("其他资金", "other"),
)
_TOTAL_WORDS = ("总分", "合计", "总计")
_TOTAL_RE = re.compile(r"(?:^|\t)(?:总分|合计|总计)(?:\t|$)")
_HEADER_KEY_RE = re.compile("|".join(_HEADER_KEYS))
_GRADE_WORDS = ("优", "良", "中", "差", "优秀", "良好", "合格", "不合格")
_FILLER = ("其中：", "其中:", "其中", "—", "-")


def is_title(text: str) -> bool:
    return TITLE_WORD in text and len(text) <= 40


def _key_of(text: str) -> tuple[str, str] | None:
    """A header key cell, possibly with its value glued on (``项目名称：XX``)."""
    for key, field in _HEADER_KEYS.items():
        if text.startswith(key):
            rest = text[len(key) :].lstrip("：:").strip()
            return field, rest
    return None


def _fund_row_key(text: str) -> str | None:
    for word, key in _FUND_ROWS:
        if word in text and len(text) <= 16:
            return key
    return None


def _fund_columns(row: Row) -> tuple[list[tuple[int, str]], str | None]:
    """Column roles by header label, with their positions; and the amount unit if stated."""
    roles: list[tuple[int, str]] = []
    unit = None
    for c in row.cells:
        if "万元" in c.text:
            unit = "万元"
        elif "元" in c.text and unit is None:
            unit = "元"
        for word, role in _FUND_COLUMNS:
            if word in c.text and role not in (r for _, r in roles):
                roles.append((c.column, role))
                c.used = True
                break
        if funds_label_piece(c.text) is not None:
            c.used = True
    return roles, unit


_UNIT_IN_BRACKETS = re.compile(r"[(（]\s*(万元|元)\s*[)）]")


def funds_label_piece(text: str) -> str | None:
    """A piece of the vertical label 项目资金（元）, as a page break splits it (项目资 /
    金（万元）): the unit it states ("" if none); None for any other text."""
    m = _UNIT_IN_BRACKETS.search(text)
    rest = _UNIT_IN_BRACKETS.sub("", text)
    if (m and not rest) or (rest and lb.is_vertical_fragment(rest, "项目资金")):
        return m.group(1) if m else ""
    return None


def _is_fund_header(cells: list[Cell]) -> bool:
    """The 项目资金 header: a short label cell, not a goal text that mentions 项目资金."""
    return any(
        (c.text.startswith("项目资金") or "年初预算" in c.text) and len(c.text) <= 12 for c in cells
    )


class _TableBuilder:
    def __init__(self, rows: Sequence[Row]) -> None:
        self.rows = rows
        self.t: dict[str, Any] = {"project": "", "year": None, "cells": {}, "indicators": []}
        self.funds: dict[str, dict[str, Any]] = {key: {"cells": {}} for _, key in _FUND_ROWS}
        self.fund_roles: list[tuple[int, str]] = []
        self.goal_cols: dict[str, int] = {}
        self.goal_parts: dict[str, list[Cell]] = {"goal_expected": [], "goal_actual": []}
        self.columns = IndicatorColumns()

    def build(self) -> EvaluationTable | None:
        rows = self.rows
        i = 0
        state = "head"
        while i < len(rows):
            row = rows[i]
            joined = row.joined
            cells = row.cells
            if "一级指标" in joined or "三级指标" in joined:
                i = self._indicators(i)
                state = "after"
                continue
            if TITLE_WORD in joined and any(is_title(c.text) for c in cells):
                self._title(row)
            elif ("项目资金" in joined or "年初预算" in joined) and _is_fund_header(cells):
                self.fund_roles, unit = _fund_columns(row)
                if unit:
                    self.t["amount_unit"] = unit
                state = "funds"
                self._fund_row(row)  # some layouts put 年度资金总额 on the header row
            elif ("预期目标" in joined or "实际完成情况" in joined) and any(
                c.text in ("预期目标", "实际完成情况") for c in cells
            ):
                self._goal_header(row)
                state = "goals"
            elif _HEADER_KEY_RE.search(joined) and any(_key_of(c.text) for c in cells):
                self._header(row)
            elif state == "head" and len(cells) == 1 and YEAR.search(joined):
                self._year(cells[0])
            elif state == "funds" and any(_fund_row_key(c.text) for c in cells):
                self._fund_row(row)
            elif state in ("goals", "funds") and cells:
                self._goal_content(row)
            elif state == "after":
                self._after(row)
            i += 1
        t = self.t
        if not t["project"] and not t["indicators"]:
            return None
        t["funds"] = self.funds
        for field, parts in self.goal_parts.items():
            t[field] = "".join(collapse_spaces(c.raw or c.text) for c in parts)
        self._complete_totals()
        t["first_line"] = rows[0].line
        t["last_line"] = rows[-1].line
        return EvaluationTable.model_validate(t)

    def _title(self, row: Row) -> None:
        for c in row.cells:
            if is_title(c.text):
                c.used = True
                self._year(c, quiet=True)
            elif YEAR.search(c.text) and len(c.text) <= 12:
                self._year(c)

    def _year(self, cell: Cell, quiet: bool = False) -> None:
        m = YEAR.search(cell.text)
        if m and self.t["year"] is None:
            self.t["year"] = int(m.group(1))
            self.t["cells"]["year"] = cell.ref()
            cell.used = True
        elif not quiet and m:
            cell.used = True

    def _header(self, row: Row) -> None:
        cells = row.cells
        i = 0
        while i < len(cells):
            c = cells[i]
            kv = _key_of(c.text)
            if kv is None:
                i += 1
                continue
            field, glued = kv
            c.used = True
            value_cell: Cell | None = c if glued else None
            value = glued
            if not glued and i + 1 < len(cells) and _key_of(cells[i + 1].text) is None:
                value_cell = cells[i + 1]
                value = value_cell.text
                value_cell.used = True
                i += 1
            if value_cell is not None:
                self.t[field] = value
                self.t["cells"][field] = value_cell.ref()
            i += 1

    def _fund_row(self, row: Row) -> None:
        cells = row.cells
        for label in cells:
            key = _fund_row_key(label.text)
            if key is not None:
                break
        else:
            return
        label.used = True
        fund_row = self.funds[key]
        if self.fund_roles:  # columns as the header places them, relative to the label column
            first = self.fund_roles[0][0]
            by_column = {c.column: c for c in cells}
            mapped = [
                (role, by_column.get(label.column + 1 + pos - first))
                for pos, role in self.fund_roles
            ]
        else:
            mapped = []
        if not any(c for _, c in mapped):  # no header, or nothing aligned: read in order
            after = [c for c in cells if c.column > label.column and c.text not in _FILLER]
            roles = [r for _, r in self.fund_roles] or list(_DEFAULT_FUND_COLUMNS)
            mapped = list(zip(roles, after, strict=False))
        for role, c in mapped:
            if c is None:
                continue
            if is_placeholder(c.text):
                c.used = True
                continue
            number = parse_percent(c.text) if role == "rate_pct" else parse_amount(c.text)
            if number is None:
                continue
            fund_row[role] = number
            fund_row["cells"][role] = c.ref()
            c.used = True
        for c in cells:
            if c.text in _FILLER:
                c.used = True
            elif c.column < label.column and (unit := funds_label_piece(c.text)) is not None:
                c.used = True  # the rest of 项目资金（万元）, continued after a page break
                if unit and "amount_unit" not in self.t:
                    self.t["amount_unit"] = unit

    def _goal_header(self, row: Row) -> None:
        for c in row.cells:
            if c.text == "预期目标":
                self.goal_cols["goal_expected"] = c.column
                c.used = True
            elif c.text == "实际完成情况":
                self.goal_cols["goal_actual"] = c.column
                c.used = True
            elif lb.is_vertical_fragment(c.text, "年度总体目标"):
                c.used = True

    def _goal_content(self, row: Row) -> None:
        """Each cell goes to the goal whose header column it sits under (or is nearest to).

        Pasted text drops empty cells, so the columns no longer line up; a row with one cell
        per goal, not under the header's columns, is read in order.
        """
        cols = self.goal_cols or {"goal_expected": 2, "goal_actual": 5}
        cells = []
        for c in row.cells:
            if lb.is_vertical_fragment(c.text, "年度总体目标") and len(c.text) <= 6:
                c.used = True
            else:
                cells.append(c)
        in_order = sorted(cols, key=cols.__getitem__)
        if len(cells) == len(cols) and any(c.column not in cols.values() for c in cells):
            fields = in_order
        else:
            fields = [
                min(cols, key=lambda f: (abs(cols[f] - c.column), f != "goal_expected"))
                for c in cells
            ]
        for c, field in zip(cells, fields, strict=True):
            self.goal_parts[field].append(c)
            c.used = True
            self.t["cells"].setdefault(field, c.ref())

    def _indicators(self, start: int) -> int:
        self.columns = columns = read_header(self.rows[start])
        end = start + 1
        while end < len(self.rows) and not self._is_total(self.rows[end]):
            if TITLE_WORD in self.rows[end].joined:
                break
            end += 1
        self.t["indicators"] = parse_section(self.rows[start + 1 : end], columns)
        if end < len(self.rows) and self._is_total(self.rows[end]):
            self._totals(self.rows[end])
            end += 1
        return end

    @staticmethod
    def _is_total(row: Row) -> bool:
        return _TOTAL_RE.search(row.joined) is not None

    def _totals(self, row: Row) -> None:
        numbers: list[Cell] = []
        for c in row.cells:
            if c.text in _TOTAL_WORDS or lb.is_vertical_fragment(c.text, "绩效指标"):
                c.used = True
            elif parse_number(c.text) is not None:
                numbers.append(c)
            elif c.text in _GRADE_WORDS:
                self.t["grade"] = c.text
                self.t["cells"]["grade"] = c.ref()
                c.used = True
        mapped = self.columns.totals(numbers)
        if mapped is not None:
            w, s = mapped.cells.get(Role.WEIGHT), mapped.cells.get(Role.SCORE)
            for label, c in mapped.extras.items():
                self.t["cells"][label] = c.ref()
                c.used = True
        elif len(numbers) >= 2:
            w, s = numbers[-2], numbers[-1]
        else:
            w, s = None, numbers[-1] if numbers else None
        if w is not None:
            self.t["total_weight"] = parse_number(w.text)
            self.t["cells"]["total_weight"] = w.ref()
            w.used = True
        if s is not None:
            self.t["total_score"] = parse_number(s.text)
            self.t["cells"]["total_score"] = s.ref()
            self.t["total_printed"] = True
            s.used = True

    def _after(self, row: Row) -> None:
        """Rows after 总分: a stated grade is read; anything else is left to be reported."""
        cells = row.cells
        for i, c in enumerate(cells):
            if "等级" in c.text and i + 1 < len(cells) and cells[i + 1].text in _GRADE_WORDS:
                c.used = cells[i + 1].used = True
                self.t["grade"] = cells[i + 1].text
                self.t["cells"]["grade"] = cells[i + 1].ref()

    def _complete_totals(self) -> None:
        """A table printed without its 总分 row still gets totals: the sums of its rows."""
        t = self.t
        if not t["indicators"]:
            return
        total = self.funds["annual_total"]
        for key, field in (("total_weight", "weight"), ("total_score", "score")):
            if t.get(key) is None:
                parts = [ind[field] for ind in t["indicators"]] + [total.get(field)]
                t[key] = round(sum(x or 0.0 for x in parts), 2)


def parse_table(rows: Sequence[Row]) -> EvaluationTable | None:
    """Parse one table's rows; None when they hold no table at all."""
    return _TableBuilder(rows).build()
