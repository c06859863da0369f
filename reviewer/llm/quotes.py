"""Finding a model's quote in a table's printed cells, the way models quote.

**Where quotes are looked for.** Every printed cell of the table: 项目名称 and the other header
cells, 预期目标 and 实际完成情况, every cell of the fund block (amounts, 分值, 执行率, 得分),
every cell of every indicator row (names, 指标值, 完成值, 分值, 得分, 偏差原因), the total row.
Each source keeps its location and, for an indicator cell, its row.

**How models quote, tolerated.** Matching compares *folded* texts (:func:`match_fold`): NFKC,
no whitespace, lower case, and no punctuation or quotation marks — so an added ``。``, 「」 for
“”, ``、`` for ``，`` do not matter — while ``%``, comparison signs and a decimal point between
digits are kept, and a thousands separator between digits goes (``4,024,422.6`` is
``4024422.6``). A leading field label is stripped (``实际完成值=14项``, ``偏差原因：…``), as is a
leading indicator name (``「测评对象满意率」实际完成值=92.23%``, then looked for in that row
only). An ellipsis stands for an omitted middle: every part must be found, in order, in one
cell. A quote of fewer than :data:`MIN_QUOTE` meaningful characters counts only as a whole
cell. The evidence shown is always the span *as printed* (a map from folded characters back to
the printed ones), never the model's version.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from reviewer.lazyre import lazy_compile
from reviewer.llm.prompts import printed, row_ids
from reviewer.model import EvaluationTable, Indicator, Location
from reviewer.textnorm import nfkc

MIN_QUOTE = 4  # meaningful (folded) characters a quote needs unless it is a whole cell

_WRAPPERS = (
    ("「", "」"),
    ("『", "』"),
    ("“", "”"),
    ("‘", "’"),
    ('"', '"'),
    ("'", "'"),
    ("《", "》"),
)
# An omitted middle, or two quoted fragments in one string (“甲”、“乙”): parts found in order.
_ELLIPSIS = lazy_compile(r"…+|\.{3,}|。{3,}|⋯+|[”」』\"]\s*[、，,；;]?\s*[“「『\"]")
_DASHES = frozenset("-‐‑‒–—―~～－﹣")
_SIGNS = {"≥": ">=", "≧": ">=", "⩾": ">=", "≤": "<=", "≦": "<=", "⩽": "<=", "＝": "="}
_KEEP_PUNCT = frozenset("%‰/#")

# Column and row labels of the form, as a model may put them before what it quotes.
_LABEL_WORDS = (
    "项目名称 主管部门 实施单位 预期目标 实际完成情况 年度总体目标 总体目标 一级指标 二级指标 "
    "三级指标 指标名称 年度指标值 指标值 目标值 实际完成值 完成值 实际值 实际完成 分值 权重 "
    "得分 偏差原因分析及改进措施 偏差原因分析 偏差原因 原因分析 改进措施 年初预算数 全年预算数 "
    "全年执行数 执行数 执行率 预算执行率 年度资金总额 资金总额 其中：当年财政拨款 当年财政拨款 "
    "上年结转资金 其他资金 总分 合计 自评得分 项目资金"
)
_LABELS = sorted(_LABEL_WORDS.split(), key=len, reverse=True)
_LABEL = lazy_compile(
    r"^\s*[「『“\"'【\[(（]?\s*(?P<label>" + "|".join(map(re.escape, _LABELS)) + r")\s*"
    r"[」』”\"'】\])）]?(?:\s*[:：]\s*|\s*(?:为|是)?)"
)
# The cell a label points at, to show the quote there when it is printed in several cells.
_LABEL_FIELD = {
    "预期目标": "goal_expected",
    "实际完成情况": "goal_actual",
    "年度指标值": "target",
    "指标值": "target",
    "目标值": "target",
    "实际完成值": "actual",
    "完成值": "actual",
    "实际值": "actual",
    "分值": "weight",
    "权重": "weight",
    "得分": "score",
    "偏差原因分析及改进措施": "explanation",
    "偏差原因分析": "explanation",
    "偏差原因": "explanation",
    "年初预算数": "initial_budget",
    "全年预算数": "full_year_budget",
    "全年执行数": "executed",
    "执行数": "executed",
    "执行率": "rate_pct",
    "预算执行率": "rate_pct",
    "总分": "total_score",
}
_CLOSERS = {"“": "”", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")", "‘": "’"}
_NAMED = lazy_compile(
    r"^\s*[「『“\"'【\[(（]\s*(?P<name>[^」』”\"'】\])）]{2,60})\s*[」』”\"'】\])）]"
)
_COLON = lazy_compile(r"^\s*(?P<name>[^:：]{2,60})[:：]")

_TABLE_FIELDS = (
    "project",
    "department",
    "implementer",
    "year",
    "goal_expected",
    "goal_actual",
    "total_weight",
    "total_score",
    "grade",
)
# Names and headings: quoting them alone shows nothing.
_NAME_FIELDS = frozenset({"project", "department", "implementer", "year", "name", "l1", "l2"})
_ROW_TEXT_FIELDS = ("name", "target", "actual", "explanation")
_ROW_NUMBER_FIELDS = ("weight", "score")
_FUND_FIELDS = ("initial_budget", "full_year_budget", "executed", "weight", "rate_pct", "score")


# -- folding ------------------------------------------------------------------------------------


def _digit(ch: str) -> bool:
    return bool(ch) and nfkc(ch).isdigit()


def match_fold(text: str) -> tuple[str, tuple[int, ...]]:
    """Fold ``text`` for matching, and map each folded character back to its printed position.

    NFKC, lower case, no whitespace, no punctuation or quotation marks; kept: ``%`` ``‰`` ``/``
    ``#``, every symbol (``=`` ``<`` ``+`` …, with ``≥`` read as ``>=`` and ``≤`` as ``<=``), a
    decimal point between digits and a dash between digits (as ``-``); a comma between digits
    (a thousands separator) goes like the rest.
    """
    out: list[str] = []
    index: list[int] = []
    last = len(text) - 1
    for pos, raw in enumerate(text):
        between_digits = 0 < pos < last and _digit(text[pos - 1]) and _digit(text[pos + 1])
        for ch in _SIGNS.get(raw) or nfkc(raw).lower():
            if ch.isspace():
                continue
            if ch in _DASHES:
                if between_digits:
                    out.append("-")
                    index.append(pos)
                continue
            if ch == "." and between_digits:
                out.append(ch)
                index.append(pos)
                continue
            if ch not in _KEEP_PUNCT and unicodedata.category(ch).startswith("P"):
                continue
            out.append(ch)
            index.append(pos)
    return "".join(out), tuple(index)


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return match_fold(text)[0]


# -- the table's sources ------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One printed cell (or text) of the table that quotes may come from."""

    text: str
    location: Location
    field: str  # goal_actual, indicator.actual, funds.annual_total.executed, total_score …
    row_id: str | None = None
    indicator: Indicator | None = None
    is_name: bool = False
    folded: str = ""
    index: tuple[int, ...] = ()

    def printed(self, start: int, end: int) -> str:
        """The printed text of the folded span [start, end), with the closing mark of a
        quotation or title opened inside it (推进行政执法“三项制度” rather than …“三项制度)."""
        first, last = self.index[start], self.index[end - 1] + 1
        span = self.text[first:last]
        for opener, closer in _CLOSERS.items():
            if span.count(opener) > span.count(closer) and self.text[last : last + 1] == closer:
                return span + closer
        return span


def _source(
    text: str,
    location: Location,
    name: str,
    row_id: str | None = None,
    indicator: Indicator | None = None,
) -> Source:
    folded, index = match_fold(text)
    short = name.rsplit(".", 1)[-1]
    return Source(
        text, location.plain(), name, row_id, indicator, short in _NAME_FIELDS, folded, index
    )


@dataclass
class TableSources:
    """Every quotable text of one table, its indicator rows by id, and the names in it."""

    sources: list[Source] = field(default_factory=list)
    rows: dict[str, Indicator] = field(default_factory=dict)
    row_of: dict[int, str] = field(default_factory=dict)  # id(indicator) -> row id
    names: set[str] = field(default_factory=set)  # folded names (project, indicators, …)
    row_by_name: dict[str, str] = field(default_factory=dict)  # folded indicator name -> row id
    year: int | None = None


def table_sources(table: EvaluationTable) -> TableSources:
    ts = TableSources(year=table.year)
    head = Location(line=table.first_line or None)
    for name in _TABLE_FIELDS:
        value = getattr(table, name, None)
        text = printed(table.cells, name, None if isinstance(value, int) else value)
        if text:
            cell = table.cells.get(name)
            ts.sources.append(_source(text, cell.location if cell else head, name))
    for row_name, row in table.funds.rows().items():
        for name in _FUND_FIELDS:
            cell = row.cells.get(name)
            if cell is not None and cell.text:
                ts.sources.append(_source(cell.text, cell.location, f"funds.{row_name}.{name}"))
    for rid, ind in zip(row_ids(table), table.indicators, strict=True):
        ts.rows[rid] = ind
        ts.row_of[id(ind)] = rid
        row_loc = Location(line=ind.lines[0]) if ind.lines else Location()
        for name in (*_ROW_TEXT_FIELDS, *_ROW_NUMBER_FIELDS, "l1", "l2"):
            text = printed(ind.cells, name, getattr(ind, name))
            if text:
                cell = ind.cells.get(name)
                loc = cell.location if cell else row_loc
                ts.sources.append(_source(text, loc, f"indicator.{name}", rid, ind))
        if ind.name:
            ts.row_by_name.setdefault(_folded(ind.name), rid)
    ts.names = {s.folded for s in ts.sources if s.is_name and s.folded}
    return ts


# -- locating one quote -------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    source: Source
    start: int  # folded span
    end: int

    @property
    def printed(self) -> str:
        return self.source.printed(self.start, self.end)

    @property
    def whole(self) -> bool:
        return self.start == 0 and self.end == len(self.source.folded)

    @property
    def row_id(self) -> str | None:
        """The indicator row of a row's own cell (not of the 一级/二级 labels it shares)."""
        if self.source.field in ("indicator.l1", "indicator.l2"):
            return None
        return self.source.row_id


@dataclass(frozen=True)
class Located:
    """A quote found: every place it occurs, the text that was matched (folded), and the field
    its label named, if it had one."""

    quote: str
    matches: tuple[Match, ...]
    folded: str
    hint: str | None = None

    @property
    def is_name(self) -> bool:
        return all(m.source.is_name for m in self.matches)

    @property
    def rows(self) -> set[str | None]:
        return {m.row_id for m in self.matches}

    def best(self, row: str | None) -> Match:
        """Where to show the quote: in ``row`` if it is there, then in the field its label
        named, then not in a name, else the first place."""
        found = list(self.matches)
        in_row = [m for m in found if row is not None and m.row_id == row] or found
        named = [m for m in in_row if self.hint and m.source.field.endswith(self.hint)]
        not_name = [m for m in in_row if not m.source.is_name]
        return (named or not_name or in_row)[0]


def _unwrap(quote: str) -> str:
    q = quote.strip().replace('\\"', '"')
    while len(q) >= 2 and any(q[0] == a and q[-1] == b for a, b in _WRAPPERS):
        q = q[1:-1].strip()
    return q


@dataclass(frozen=True)
class _Candidate:
    text: str
    row: str | None = None  # only this row's cells
    hint: str | None = None  # the field a label named


def _candidates(quote: str, ts: TableSources) -> list[_Candidate]:
    """What the quote may stand for: itself, without a leading indicator name (then only in
    that row), without leading labels (then shown in the field the label names)."""
    q = _unwrap(quote)
    out = [_Candidate(q)]
    row: str | None = None
    named = _NAMED.match(q) or _COLON.match(q)
    if named and _folded(named.group("name")) in ts.row_by_name:
        row = ts.row_by_name[_folded(named.group("name"))]
        q = q[named.end() :].lstrip(":： ")
        out.append(_Candidate(q, row))
    else:  # 培训场次实际完成值=18场: a row's name run into what is quoted from the row
        cut = _name_prefix(q, ts)
        if cut is not None:
            row, q = cut
            out.append(_Candidate(q, row))
    hint: str | None = None
    for _ in range(3):  # 年度资金总额全年预算数4030800.00: a row label, then a column label
        label = _LABEL.match(q)
        if not label or label.end() >= len(q):
            break
        q = q[label.end() :]
        hint = _LABEL_FIELD.get(label.group("label"), hint)
        out.append(_Candidate(q, row, hint))
    return [c for c in out if _folded(c.text)]


def _name_prefix(quote: str, ts: TableSources) -> tuple[str, str] | None:
    """(row id, rest) when ``quote`` starts with a row's name and goes on after it."""
    folded = _folded(quote)
    for name in sorted(ts.row_by_name, key=len, reverse=True):
        if len(name) < len(folded) and folded.startswith(name):
            for end in range(len(name), len(quote) + 1):
                if _folded(quote[:end]) == name:
                    return ts.row_by_name[name], quote[end:]
    return None


def _find(parts: list[str], source: Source) -> tuple[int, int] | None:
    """Folded span covering all parts in order in one source, or None."""
    pos, start = 0, -1
    for part in parts:
        at = source.folded.find(part, pos)
        if at == -1:
            return None
        if start == -1:
            start = at
        pos = at + len(part)
    return start, pos


def locate(quote: str, ts: TableSources) -> Located | str:
    """Every place the quote occurs in the table, or the reason (Chinese) it does not count."""
    short = False
    for candidate in _candidates(quote, ts):
        parts = [p for p in (_folded(x) for x in _ELLIPSIS.split(candidate.text)) if p]
        if not parts:
            continue
        matches = []
        for source in ts.sources:
            if candidate.row is not None and source.row_id != candidate.row:
                continue
            span = _find(parts, source)
            if span is not None:
                matches.append(Match(source, *span))
        if not matches:
            continue
        if sum(map(len, parts)) < MIN_QUOTE:
            whole = [m for m in matches if len(parts) == 1 and m.whole]
            if not whole:
                short = True
                continue
            matches = whole
        return Located(quote, tuple(matches), "".join(parts), candidate.hint)
    if short:
        return f"引文少于 {MIN_QUOTE} 个字且不是完整的单元格"
    return "引文在本表原文中找不到"


def row_texts(ind: Indicator) -> list[str]:
    """The printed texts of a row's own cells (not its 一级/二级 labels)."""
    texts = [getattr(ind, name) for name in _ROW_TEXT_FIELDS]
    texts += [printed(ind.cells, name, getattr(ind, name)) for name in _ROW_NUMBER_FIELDS]
    return [t for t in texts if isinstance(t, str) and t]
