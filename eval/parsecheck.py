"""The parse against the gold: per file, tables and indicator rows found, and rows read right.

A gold table is *found* when a parsed table carries its 项目名称 (after ``name_key``: folded,
traditional read as simplified; one containing the other counts), or, for a table the gold gives
no name, when the document yields a parsed table not claimed by a named one. A gold indicator row
is *found* when a parsed table of the document has a row of the same name (after ``name_key``),
and *right* when, besides, for one such row (a report's tables may share a row's name), each of its target, actual, 分值 and 得分 that the gold gives agrees:
texts after ``text_key``, numbers as numbers (the gold's values are strings as printed). Rows cut
by the excerpt (``partial``) are compared on the fields the gold gives.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from eval.match import name_key, text_key
from reviewer.model import Indicator, Report
from reviewer.parse.indicators import LABEL_POINTS


class ParseCheck(BaseModel):
    doc: str
    gold_tables: int
    tables_parsed: int = 0
    tables_found: int = 0
    gold_rows: int
    rows_found: int = 0
    rows_right: int = 0
    error: str | None = None  # the file could not be read as a report


def _number(text: str) -> float | None:
    """A gold figure as printed: thousands separators, the 分 some forms print after points
    (15分) and a note after them (9（扣1分）) are not part of the number; an OCR'd figure's
    letters for digits (1O, l0, 1〇, 1S, B.53, and S alone) are the digits they stand for; a
    spreadsheet's mark that a figure is text ('10) is no part of it."""
    text = unicodedata.normalize("NFKC", text)  # full-width figures (４．６１) as printed
    text = _NOTE.sub("", text.replace(",", "")).strip().removesuffix("分").removeprefix("'")
    text = _OCR_POINT.sub(".", text)  # 9。51: a scan's full stop for the decimal point
    if _OCR_FIGURE.fullmatch(text) and (any(ch.isdigit() for ch in text) or text in _LONE_OCR):
        text = text.translate(_OCR_DIGITS)
    try:
        return float(text)
    except ValueError:
        return None


_OCR_FIGURE = re.compile(r"[\dOolI〇SB.]+")
_OCR_POINT = re.compile(r"(?<=[\dOolI〇S])。(?=[\dOolI〇S])")
_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")  # 9（扣1分）: the note after the points
_OCR_DIGITS = str.maketrans("OolI〇SB", "0011058")
_LONE_OCR = ("〇", "S")  # a score of one digit misread alone (S for 5)


def _same_name(a: str, b: str) -> bool:
    x, y = name_key(a), name_key(b)
    return x == y or (min(len(x), len(y)) >= 4 and (x in y or y in x))


def _readings(gold: dict[str, Any], key: str) -> set[str]:
    """What the gold's ``key`` may be read as: the text (or what a scan printed for it), and
    for a target whose unit the gold keeps apart (``unit``, printed in a 计量单位 column) the
    target with its unit, as a parser reads a 度量单位 column into the target."""
    value = gold[key]
    # (a scan's text: the gold gives the true value, and what the OCR printed for it under
    # ``ocr``, 1O0% for 100%, which a reader keeps as printed)
    printed = gold.get("ocr", {}).get(key) if isinstance(gold.get("ocr"), dict) else None
    if key != "target":
        return {text_key(value)} | ({text_key(printed)} if isinstance(printed, str) else set())
    values = [value] + ([printed] if isinstance(printed, str) else [])
    if value.startswith(("定性", "定量")) and len(value) > 2:
        values.append(value[2:])  # 指标性质 定性 | 逐步提升: the nature is not the target
    if value[:1] in "=＝" and len(value) > 1:
        values.append(value[1:])  # = 100 %: a figure to equal is the figure (its sign implied)
    if value[:2] in _DIRECTIONS and len(value) > 2:
        values.append(_DIRECTIONS[value[:2]] + value[2:])  # 反向 | 28 | 万元/公里: ≤28万元/公里
    cells = gold.get("target_cells")
    if isinstance(cells, list):  # the Hebei form's 符号 | 值 | 单位(文字描述): its words apart
        kept = [  # nor a unit column's dash for none (定性 | 持续健全 | /), nor its word for
            _DIRECTIONS.get(c)
            or c  # the kind of value (≤ | 2022年12月31日 | 日期: a date, no unit)
            for c in cells
            if c
            and c not in ("定性", "定量", *_NO_UNIT)
            and c.strip("()（）") not in _NO_UNIT_WORDS
        ]
        values.append("".join(kept))
    # (a 指标性质 column may print the direction too: 正向 | 个 | 12, the gold's ``nature``)
    sign = _DIRECTIONS.get(gold.get("direction") or gold.get("nature") or "")
    if sign and value[:1] not in "≥≤<>=＝":
        values.append(sign + value)  # 指标方向 正向 | 126个: read as ≥126个
    unit = gold.get("unit")
    if isinstance(unit, str) and unit.strip() and unit not in ("—", "/"):
        values += [v + unit for v in values]
    return {text_key(v) for v in values}


_DIRECTIONS = {"正向": "≥", "反向": "≤"}
_NO_UNIT = ("/", "／", "—", "-")
_NO_UNIT_WORDS = ("文字描述", "日期")


def _row_right(gold: dict[str, Any], got: Indicator) -> bool:
    for key in ("target", "actual"):
        if gold.get(key) is not None and text_key(getattr(got, key)) not in _readings(gold, key):
            return False
    for key in ("weight", "score"):
        value = gold.get(key)
        if value is None or value == "":
            continue
        if _number(value) != _value(got, key):
            return False
    return True


def _value(got: Indicator, key: str) -> float | None:
    """The row's weight or score; a weight its one-row 二级 label states (数量指标(15分) over
    it on a form without a 分值 column), kept with the row for the review, where none is
    printed in the row."""
    value = getattr(got, key)
    points = got.cells.get(LABEL_POINTS) if key == "weight" and value is None else None
    return _number(points.text) if points is not None else value


def _tables_found(gold_tables: list[dict[str, Any]], report: Report) -> int:
    unclaimed = list(report.tables)
    found = 0
    for g in sorted(gold_tables, key=lambda t: t.get("project") is None):
        name = g.get("project")
        hit = next(
            (t for t in unclaimed if name is None or _same_name(name, t.project)),
            None,
        )
        if hit is not None:
            unclaimed.remove(hit)
            found += 1
    return found


def check(doc: str, gold_path: Path, report: Report | None, error: str | None) -> ParseCheck:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    # a table the gold says cannot be read (published as a picture) is not one to find
    tables = [t for t in gold["tables"] if t.get("readable") is not False]
    rows = [i for t in tables for i in t["indicators"]]
    out = ParseCheck(doc=doc, gold_tables=len(tables), gold_rows=len(rows), error=error)
    if report is None:
        return out
    parsed: dict[str, list[Indicator]] = {}
    for t in report.tables:
        for i in t.indicators:
            parsed.setdefault(name_key(i.name), []).append(i)
    out.tables_parsed = len(report.tables)
    out.tables_found = _tables_found(tables, report)
    for row in rows:
        got = parsed.get(name_key(row["name"]))
        if got:  # a name several tables print (满意度 rows): right if one of them reads so
            out.rows_found += 1
            out.rows_right += any(_row_right(row, i) for i in got)
    return out
