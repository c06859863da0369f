"""Row weights a form without a 分值 column still fixes through the points its labels print.

A 20/80 form prints no 分值 per row, only the points of its categories: 时效指标(5分),
产出指标(40分). Two things follow from those alone, with no guessing:

- a category holding one row gives that row its points (时效指标(5分) over one row: 5; the
  same label printed again with other points over the next row gives that row those);
- a category whose rows' 得分 add up to exactly its points has every row at full marks (no
  row may score above its weight, and the weights add up to the category's points), so each
  row's weight is its score;
- a category a note gives points to each row of (产出指标40分（每项10分）), as many rows as
  those points fill, gives each row them.

``implied_weights`` gives, for the rows so fixed, the weight and the label it comes from; the
rules then judge those rows as they judge rows with a printed 分值 (a missed target kept at full
marks, a score above its weight). Only a table printed whole is read this way: a category cut by
the end of the document may hold more rows than are visible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.lazyre import lazy_compile
from reviewer.model import EvaluationTable, Indicator
from reviewer.numbers import fmt
from reviewer.parse.indicators import LABEL_POINTS
from reviewer.parse.values import parse_points


@dataclass(frozen=True, slots=True)
class Implied:
    weight: float
    label: str  # the category whose printed points fix it
    points: float  # those points
    each: bool = False  # a note gives each of the category's rows its points (每项10分)
    named: bool = False  # a note names the row with its points (水质检测合格率10分)

    def note(self) -> str:
        """How the weight was found, for the finding's message."""
        if self.named:
            return f"（本表无分值列：表注列明“{self.label}”{fmt(self.weight)}分）"
        if self.each:
            return f"（本表无分值列：表注称“{self.label}”每项{fmt(self.weight)}分）"
        how = "其下仅此一行" if self.weight == self.points else "其下各行得分之和等于该分值"
        return f"（本表无分值列：“{self.label}”标明{fmt(self.points)}分，{how}，该行分值即{fmt(self.weight)}分）"


def implied_weights(table: EvaluationTable) -> dict[int, Implied]:
    """Row index → the weight the printed category points fix (rows with a printed 分值, or a
    table cut off, give none)."""
    rows = table.indicators
    stated = table.stated_weights
    if not rows or not stated or not table.complete or table.ends_inside:
        return {}
    if any(i.weight is not None for i in rows):
        return {}
    out: dict[int, Implied] = {}
    named = _points_named(table)
    if len(named) == len(rows):  # every row named in a note with its points: those
        return {k: Implied(w, rows[k].name, w, named=True) for k, w in named.items()}
    labelled = [i.cells.get(LABEL_POINTS) is not None for i in rows]
    for k, row in enumerate(rows):  # a label over this row only, its points read with it
        ref = row.cells.get(LABEL_POINTS)
        points = parse_points(ref.text) if ref is not None else None
        if points is not None and not any(
            # (not a label printed mid-way down its merged cell, beside one of its rows: a
            # row of the category without points of its own is under the same points)
            (i.l1, i.l2) == (row.l1, row.l2) and not labelled[n]
            for n, i in enumerate(rows)
        ):
            out[k] = Implied(points, row.l2, points)
    every = _points_every(table)
    l1s = {i.l1 for i in rows}
    if (
        every is not None
        and all(g in stated for g in l1s)
        and abs(len(rows) * every - sum(stated[g] for g in l1s)) <= 0.005
    ):  # every row the same points, as many as the categories' points fill
        for k in range(len(rows)):
            out.setdefault(k, Implied(every, "各三级指标", every * len(rows), each=True))
    for label, each in _points_each(table).items():
        members = _groups(rows, "l1").get(label, [])
        if members and abs(len(members) * each - stated.get(label, -1.0)) <= 0.005:
            for k in members:
                out.setdefault(k, Implied(each, label, each * len(members), each=True))
    for level in ("l2", "l1"):  # the finer category first: it fixes more
        for label, members in _groups(rows, level).items():
            points = stated.get(label)
            scores = [rows[k].score for k in members]
            if points is None or any(s is None for s in scores):
                continue
            if len(members) == 1:
                out.setdefault(members[0], Implied(points, label, points))
            elif abs(sum(s or 0.0 for s in scores) - points) <= 0.005:
                for k in members:
                    out.setdefault(k, Implied(rows[k].score or 0.0, label, points))
    return out


# A category's points and each row's in a note (产出指标40分（每项10分）, 效益指标30分,每项10分).
_EACH = lazy_compile(
    r"([\u4e00-\u9fff]{2,8}指标)\s*\d+(?:\.\d+)?\s*分\s*[（(,，]?\s*每项\s*(\d+(?:\.\d+)?)\s*分"
)


# Every row's points in a note (各三级指标分值均为10分, 每项指标10分); not a category's rows
# (产出指标各三级指标分值均为8分: ``_EACH_OF``).
_ROWS_POINTS = r"(?:三级)?指标(?:分值)?(?:均为|均|为)?\s*(\d+(?:\.\d+)?)\s*分"  # …指标分值均为10分
_EVERY = lazy_compile(rf"(?<!指标)(?<!指标[下中内])(?:各|每项){_ROWS_POINTS}")
# Categories' rows' points in a note (产出指标各三级指标分值均为8分, 产出指标、效益指标各…,
# 产出指标下各…).
_EACH_OF = lazy_compile(
    rf"((?:[\u4e00-\u9fff]{{2,8}}?指标[、和及与])*[\u4e00-\u9fff]{{2,8}}?指标)[下中内]?各"
    rf"{_ROWS_POINTS}"
)
_LISTED = lazy_compile(r"[、和及与]")


def _points_each(table: EvaluationTable) -> dict[str, float]:
    """Category → the points a note under the table gives each of its rows."""
    out: dict[str, float] = {}
    for note in table.notes:
        if "每项" in note:
            for m in _EACH.finditer(note):
                out.setdefault(m.group(1), float(m.group(2)))
        if "各" in note:
            for m in _EACH_OF.finditer(note):
                for label in _LISTED.split(m.group(1)):
                    out.setdefault(label, float(m.group(2)))
    return out


def _points_named(table: EvaluationTable) -> dict[int, float]:
    """Row index → the points a note under the table gives the row by its name (各三级指标分值为
    维修养护供水工程处数15分、更换改造供水管网长度15分、…)."""
    out: dict[int, float] = {}
    notes = [n for n in table.notes if "分" in n]
    if not notes:
        return out
    for k, i in enumerate(table.indicators):
        if len(i.name) < _NAME_CHARS:
            continue
        pattern = re.compile(re.escape(i.name) + _NAMED_POINTS)
        m = next((m for n in notes if (m := pattern.search(n)) is not None), None)
        if m is not None:
            out[k] = float(m.group(1))
    return out


_NAME_CHARS = 4  # a name this long at least, to be found in a note by it
_NAMED_POINTS = r"\s*(?:为|[:：])?\s*(\d+(?:\.\d+)?)\s*分(?![值数])"


def _points_every(table: EvaluationTable) -> float | None:
    """The points a note under the table gives every row, whatever its category."""
    found = (m for note in table.notes if (m := _EVERY.search(note)) is not None)
    first = next(found, None)
    return float(first.group(1)) if first is not None else None


def _groups(rows: list[Indicator], level: str) -> dict[str, list[int]]:
    """Rows by their category at ``level``; a label under two parents (数量指标 of 产出 and of
    another 一级) is not one category, and is left out."""
    groups: dict[str, list[int]] = {}
    parents: dict[str, set[str]] = {}
    for k, i in enumerate(rows):
        label = getattr(i, level)
        if label:
            groups.setdefault(label, []).append(k)
            parents.setdefault(label, set()).add(i.l1 if level == "l2" else "")
    return {label: ks for label, ks in groups.items() if len(parents[label]) == 1}
