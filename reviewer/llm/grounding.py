"""Ground the model's findings in the document: every quote must be found verbatim.

A quote is searched for in the table's own texts (project, goals, every indicator cell), after
:func:`reviewer.textnorm.fold` normalisation on both sides (Unicode NFKC, no whitespace, lower
case). A found quote is linked to its cell, line and indicator row, and the evidence keeps the
text *as printed*. A finding with any quote not found is dropped and counted, never repaired.

Tolerated: quotation marks around a quote, and an ellipsis (``……`` / ``...``) standing for an
omitted middle, provided every part is found, in order, in the same cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.llm.prompts import row_ids
from reviewer.llm.schema import LLM_RULES, AnswerFinding
from reviewer.model import EvaluationTable, Evidence, Finding, Indicator, Location
from reviewer.textnorm import fold

_WRAPPERS = (
    ("「", "」"),
    ("『", "』"),
    ("“", "”"),
    ("‘", "’"),
    ('"', '"'),
    ("'", "'"),
    ("《", "》"),
)
_ELLIPSIS = re.compile(r"…+|\.{3,}|。{3,}")
_MIN_PART = 2  # folded characters: shorter fragments match by chance

_INDICATOR_FIELDS = ("name", "target", "actual", "explanation", "l1", "l2")
_TABLE_FIELDS = ("goal_actual", "goal_expected", "project", "department", "implementer")


@dataclass(frozen=True)
class Source:
    """One text of the table that quotes may come from."""

    text: str
    location: Location
    field: str
    row_id: str | None = None
    indicator: Indicator | None = None
    folded: str = ""
    index: tuple[int, ...] = ()  # folded position -> position in ``text``


def _fold_with_index(text: str) -> tuple[str, tuple[int, ...]]:
    """Fold ``text`` character by character, remembering where each folded character came from."""
    out: list[str] = []
    index: list[int] = []
    for pos, ch in enumerate(text):
        f = fold(ch)
        out.append(f)
        index.extend([pos] * len(f))
    return "".join(out), tuple(index)


def _source(
    text: str,
    location: Location,
    name: str,
    row_id: str | None = None,
    indicator: Indicator | None = None,
) -> Source:
    folded, index = _fold_with_index(text)
    return Source(text, location.plain(), name, row_id, indicator, folded, index)


@dataclass
class TableSources:
    """Every quotable text of one table, and its indicator rows by id."""

    sources: list[Source] = field(default_factory=list)
    rows: dict[str, Indicator] = field(default_factory=dict)
    row_of: dict[int, str] = field(default_factory=dict)  # id(indicator) -> row id


def table_sources(table: EvaluationTable) -> TableSources:
    ts = TableSources()
    for name in _TABLE_FIELDS:
        text = getattr(table, name)
        if text:
            cell = table.cells.get(name)
            loc = cell.location if cell else Location(line=table.first_line or None)
            ts.sources.append(_source(text, loc, name))
    for rid, ind in zip(row_ids(table), table.indicators, strict=True):
        ts.rows[rid] = ind
        ts.row_of[id(ind)] = rid
        row_loc = Location(line=ind.lines[0]) if ind.lines else Location()
        for name in _INDICATOR_FIELDS:
            text = getattr(ind, name)
            if text:
                cell = ind.cells.get(name)
                ts.sources.append(_source(text, cell.location if cell else row_loc, name, rid, ind))
    return ts


def _unwrap(quote: str) -> str:
    q = quote.strip().replace('\\"', '"')
    while len(q) >= 2 and any(q[0] == a and q[-1] == b for a, b in _WRAPPERS):
        q = q[1:-1].strip()
    return q


def _parts(quote: str) -> list[str]:
    return [fold(p) for p in _ELLIPSIS.split(_unwrap(quote)) if fold(p)]


def _find_in(source: Source, parts: list[str]) -> tuple[int, int] | None:
    """Folded span (start, end) covering all parts in order, or None."""
    pos = 0
    start = -1
    for part in parts:
        at = source.folded.find(part, pos)
        if at == -1:
            return None
        if start == -1:
            start = at
        pos = at + len(part)
    return start, pos


@dataclass(frozen=True)
class Located:
    source: Source
    printed: str  # the quoted span as printed in the document


def locate(quote: str, ts: TableSources, prefer_row: str | None = None) -> Located | None:
    """Find a quote in the table's texts; prefer the cells of ``prefer_row`` when it is given."""
    parts = _parts(quote)
    if not parts or sum(len(p) for p in parts) < _MIN_PART:
        return None
    ordered = sorted(ts.sources, key=lambda s: 0 if prefer_row and s.row_id == prefer_row else 1)
    for source in ordered:
        span = _find_in(source, parts)
        if span is not None:
            first, last = source.index[span[0]], source.index[span[1] - 1]
            return Located(source, source.text[first : last + 1])
    return None


@dataclass
class Grounded:
    findings: list[Finding]
    dropped: int
    unfound_quotes: list[str]


def ground_findings(
    answers: list[AnswerFinding], table: EvaluationTable, table_index: int
) -> Grounded:
    """Turn the model's findings into :class:`Finding` objects, dropping any with an unfound quote.

    Only what the schema allows is read from each answer: the code and category come from its
    kind, the project and table from the caller, the indicator from a known row id (or from where
    all its quotes were found). Duplicate findings (same code, row and message) are kept once.
    """
    ts = table_sources(table)
    kept: list[Finding] = []
    dropped = 0
    unfound: list[str] = []
    seen: set[tuple[str, str | None, str]] = set()
    for ans in answers:
        rid = ans.row_id.strip().upper() if ans.row_id else None
        row = ts.rows.get(rid) if rid else None
        located = [locate(q, ts, rid if row else None) for q in ans.evidence]
        missing = [q for q, loc in zip(ans.evidence, located, strict=True) if loc is None]
        if missing:
            dropped += 1
            unfound.extend(missing)
            continue
        found = [loc for loc in located if loc is not None]
        if row is None:
            rows = {loc.source.row_id for loc in found}
            if len(rows) == 1 and None not in rows:
                row = ts.rows[next(iter(rows))]  # type: ignore[index]
        rule = LLM_RULES[ans.kind]
        locations: list[Location] = []
        if row is not None and not any(loc.source.indicator is row for loc in found):
            locations.append(Location(line=row.lines[0]) if row.lines else Location())
        for loc in found:
            if loc.source.location not in locations:
                locations.append(loc.source.location)
        key = (rule.code, row.name if row else None, ans.message)
        if key in seen:
            continue
        seen.add(key)
        kept.append(
            Finding(
                code=rule.code,
                category=rule.category,
                severity=ans.severity,
                source="llm",
                project=table.project,
                table_index=table_index,
                indicator=row.name if row else None,
                locations=locations,
                message=ans.message,
                evidence=[
                    Evidence(quote=loc.printed, location=loc.source.location) for loc in found
                ],
                suggestion=ans.suggestion.strip(),
            )
        )
    return Grounded(kept, dropped, unfound)
