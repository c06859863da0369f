"""Ground the model's findings in the document, and drop, with the reason, what is not evidence.

Each quote is located with :func:`~reviewer.llm.quotes.locate` (the way models quote is
tolerated there). A finding is dropped when

- a quote is not found in this table, or is shorter than four meaningful characters without
  being a whole cell (``提升``, ``完成``); such a whole cell must also sit in the finding's row
  or be unique in the table;
- its quotes are only names (项目名称, 主管部门, 指标名称, 一级/二级指标, the year) — except
  that an ``indicator_design`` finding may quote the name of the row it is about;
- a ``row_id`` is given that does not exist, or that no quote comes from;
- a number in its message appears neither in a quote nor in the cells of its row (nor is the
  table's year): the model does no arithmetic.

Without a ``row_id`` the row is inferred only from quotes found in one row and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.claims.numerals import CN_ALL, parse_numeral
from reviewer.lazyre import lazy_compile
from reviewer.llm.quotes import (
    MIN_QUOTE,
    Located,
    Match,
    TableSources,
    locate,
    row_texts,
    table_sources,
)
from reviewer.llm.schema import LLM_RULES, AnswerFinding, Kind
from reviewer.model import DroppedFinding, EvaluationTable, Evidence, Finding, Indicator, Location
from reviewer.textnorm import nfkc

MAX_DROPPED = 20  # dropped findings listed per table in the JSON output
TEXT_LIMIT = 200  # characters of a model's text kept in that list

# Numbers: Arabic (not glued to a Latin letter, as in G60 or R15; not an ordinal after 第),
# with an optional 万/亿/千; Chinese numerals followed by a measure word in a message.
_ARABIC = lazy_compile(r"(?<![A-Za-z0-9.第])(\d+(?:,\d{3})*(?:\.\d+)?)([万亿千]?)")
_CN_RUN = lazy_compile(rf"(?<!第)([{CN_ALL}]+)")
_MEASURE = lazy_compile(
    r"^(?:个|家|人次|人|名|位|次|场|份|件|篇|项|类|所|批|期|部|本|条|处|座|户|辆|张|起|例|门|节|轮|"
    r"组|种|天|周|笔|页|万元|元|亿元|年|月|日|倍|%)"
)


def bounded(text: str, limit: int = TEXT_LIMIT) -> str:
    """A model's text for the JSON output: one line, at most ``limit`` characters."""
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1] + "…"


# -- numbers --------------------------------------------------------------------------------------


def _values(number: str, mult: str) -> set[float]:
    base = float(number.replace(",", ""))
    out = {round(base, 6)}
    if mult:
        out.add(round(base * {"万": 1e4, "亿": 1e8, "千": 1e3}[mult], 6))
    return out


def numbers_in(text: str, *, measured_only: bool = False) -> list[tuple[str, set[float]]]:
    """The numbers of ``text``: (as written, possible values). Chinese numerals count only
    before a measure word when ``measured_only`` (a message's ``一步`` is not a number)."""
    folded = nfkc(text)
    found: list[tuple[str, set[float]]] = []
    for m in _ARABIC.finditer(folded):
        found.append((m.group(0), _values(m.group(1), m.group(2))))
    for m in _CN_RUN.finditer(folded):
        run = m.group(1)
        if measured_only and (run == "一" or not _MEASURE.match(folded[m.end() :])):
            continue
        value = parse_numeral(run)
        if value is not None:
            found.append((run, {round(value, 6)}))
    return found


def _allowed_numbers(texts: list[str], year: int | None) -> set[float]:
    allowed = {float(year)} if year else set()
    for text in texts:
        for _, values in numbers_in(text):
            allowed |= values
    return allowed


# -- findings -------------------------------------------------------------------------------------


@dataclass
class Grounded:
    findings: list[Finding]
    dropped: list[DroppedFinding]


def _row_id(raw: str | None, ts: TableSources) -> tuple[str | None, bool]:
    """(row id, given): ``15`` and ``r15`` read as ``R15``; given but unknown is (id, True)."""
    if raw is None or not raw.strip() or raw.strip().lower() in ("null", "none"):
        return None, False
    rid = raw.strip().upper()
    if rid.isdigit():
        rid = f"R{rid}"
    return rid, True


def _judge(ans: AnswerFinding, ts: TableSources) -> tuple[Indicator | None, list[Match]] | str:
    """The finding's row and where each quote is shown, or why it is dropped (Chinese)."""
    located: list[Located] = []
    for quote in ans.evidence:
        found = locate(quote, ts)
        if isinstance(found, str):
            return f"{found}：「{bounded(quote, 40)}」"
        located.append(found)
    rid, given = _row_id(ans.row_id, ts)
    if given:
        if rid not in ts.rows:
            return f"指标行编号 {bounded(ans.row_id or '', 20)} 不存在"
        if not any(rid in loc.rows for loc in located):
            return f"指明的指标行 {rid} 没有一条引文取自该行"
    else:
        unique = {next(iter(loc.rows)) for loc in located if len(loc.rows) == 1}
        unique.discard(None)
        rid = next(iter(unique)) if len(unique) == 1 else None
    row = ts.rows.get(rid) if rid else None
    design = ans.kind is Kind.INDICATOR_DESIGN and row is not None
    if all(loc.is_name or loc.folded in ts.names for loc in located) and not (
        design and all(any(m.row_id == rid for m in loc.matches) for loc in located)
    ):
        return "只引用了名称（项目、单位或指标名称），不足以作为依据"
    for loc in located:  # a short whole cell must be this row's or the only one of its kind
        short = len(loc.folded) < MIN_QUOTE and len(loc.matches) > 1
        if short and (rid is None or all(m.row_id != rid for m in loc.matches)):
            return f"引文「{bounded(loc.quote, 20)}」过短，且在表中出现多处"
    shown = [loc.best(rid) for loc in located]
    texts = [m.printed for m in shown] + (row_texts(row) if row is not None else [])
    allowed = _allowed_numbers(texts, ts.year)
    for written, values in numbers_in(ans.message, measured_only=True):
        if not values & allowed:
            return f"意见中的数字 {written} 不见于引文或该指标行"
    return row, shown


def ground_findings(
    answers: list[AnswerFinding], table: EvaluationTable, table_index: int
) -> Grounded:
    """Turn the model's findings into :class:`Finding` objects; drop, with the reason, any that
    the document does not support (see the module's docstring).

    Only what the schema allows is read from each answer: the code and category come from its
    kind, the project and table from the caller, the indicator from its row. Duplicate findings
    (same code, row and message) are kept once.
    """
    ts = table_sources(table)
    kept: list[Finding] = []
    dropped: list[DroppedFinding] = []
    seen: set[tuple[str, str | None, str]] = set()
    for ans in answers:
        rule = LLM_RULES[ans.kind]
        judged = _judge(ans, ts)
        if isinstance(judged, str):
            dropped.append(
                DroppedFinding(
                    code=rule.code,
                    message=bounded(ans.message),
                    quotes=[bounded(q) for q in ans.evidence[:5]],
                    reason=judged,
                )
            )
            continue
        row, shown = judged
        key = (rule.code, row.name if row else None, ans.message)
        if key in seen:
            continue
        seen.add(key)
        locations: list[Location] = []
        for m in shown:
            if m.source.location not in locations:
                locations.append(m.source.location)
        kept.append(
            Finding(
                code=rule.code,
                category=rule.category,
                severity=ans.severity,
                source="llm",
                project=table.name,
                table_index=table_index,
                indicator=row.name if row else None,
                locations=locations,
                message=ans.message,
                evidence=[Evidence(quote=m.printed, location=m.source.location) for m in shown],
                suggestion=ans.suggestion.strip(),
            )
        )
    return Grounded(kept, dropped)
