"""One table's narrative, analysed once: claims, enumerations, and the indicators they match.

The narrative rules (N102–N106) read it, and so does the LLM prompt, as short Chinese lines
(``claims_for_prompt``): the model gets the figures the prose states and the rows they were
compared with, so it can build on them instead of counting again.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.claims.extract import PART_OF, Claim, Enumeration, extract
from reviewer.claims.match import MIN_RUN, Match, Target, match, unit_class
from reviewer.lazyre import lazy_compile
from reviewer.model import EvaluationTable, Report

PROMPT_LINES = 40  # claims beyond this are left out of the prompt (long narratives)


@dataclass(frozen=True, slots=True)
class Analysis:
    table: EvaluationTable
    claims: tuple[Claim, ...]
    enumerations: tuple[Enumeration, ...]
    targets: tuple[Target, ...]
    # For each claim that states a level for this project and year (not a change, a part, a
    # plan for next year): the indicators it matches. Keyed by the claim's position in
    # ``claims``.
    matches: dict[int, Match]


_BRACKETED_TAIL = lazy_compile(r"\s*[(（].*$")


def analyse(table: EvaluationTable) -> Analysis:
    ex = extract(table)
    levels = [
        (i, c)
        for i, c in enumerate(ex.claims)
        if (c.comparable or c.part or c.change) and not c.future
    ]
    if not levels:
        return Analysis(table, ex.claims, ex.enumerations, (), {})
    units = {unit_class(c.unit) for _, c in levels}
    targets: list[Target] = []
    by_unit: dict[str, list[Target]] = {}
    for ind in table.indicators:
        raw = ind.target_value.unit or ind.actual_value.unit
        if not raw:
            continue
        # a part's figure bracketed after the unit (%(其中千吨万人工程≥98%)) is not the unit
        unit = unit_class(_BRACKETED_TAIL.sub("", raw) or raw)
        if unit in units and (t := Target.of(ind, unit)) is not None:
            targets.append(t)
            by_unit.setdefault(unit, []).append(t)
    matches = {i: match(c, _compared_with(c, by_unit)) for i, c in levels}
    for i, c in levels:  # a part is compared only with an indicator its words name
        if c.part and not _named(matches[i]):
            del matches[i]
    return Analysis(table, ex.claims, ex.enumerations, tuple(targets), matches)


def _compared_with(c: Claim, by_unit: dict[str, list[Target]]) -> list[Target]:
    """The indicators a claim may be about: those of its unit; for a change, only those that
    measure a change themselves."""
    targets = by_unit.get(unit_class(c.unit), [])
    if _ADDED.search(c.lead):
        return []  # money added or cut in the year (年中追加抽检经费26万元): the budget's, no row's
    if c.change and not c.comparable:
        return [t for t in targets if _CHANGE_NAME.search(t.full)]
    return targets


_ADDED = lazy_compile(r"追加|调增|调减|追减")
# An indicator that measures a change: its figure is a rise or a fall, as a change claim's is.
_CHANGE_NAME = lazy_compile(r"增收|增长|增幅|增速|提高|提升|下降|降低|减少")


def _named(m: Match) -> bool:
    """The part's words name one indicator: at length, or that indicator is a part itself
    (其中：脱贫户受益户数 against 其中脱贫户1,208户)."""
    best = m.best
    if best is None:
        return False
    run = m.candidates[0][0]
    return run >= _PART_RUN or (run >= MIN_RUN and best.indicator.name.startswith(PART_OF))


_PART_RUN = 6  # characters of an indicator's name a part's words must share with it


def _figure(c: Claim) -> str:
    notes = []
    if c.approx:
        notes.append("约数")
    notes.append("计划/承诺" if c.promise or c.future else "结果")
    if not c.comparable:
        notes.append("增减量、部分或其他年度")
    return f"{c.text}（{'，'.join(notes)}）"


def _indicator_text(t: Target) -> str:
    ind = t.indicator
    return f"「{ind.name}」年度指标值{ind.target}、实际完成值{ind.actual}"


def claims_for_prompt(table: EvaluationTable | Analysis) -> list[str]:
    """Short Chinese lines, one per claim or enumeration, for the LLM prompt."""
    a = table if isinstance(table, Analysis) else analyse(table)
    lines: list[str] = []
    for i, c in enumerate(a.claims):
        line = f"{c.source_label}：“{c.excerpt}”——{_figure(c)}"
        m = a.matches.get(i)
        if m is not None and m.candidates:
            names = "；".join(_indicator_text(t) for _, t in m.candidates[:2])
            line += f"；对应指标{names}"
        lines.append(line)
    for e in a.enumerations:
        lines.append(
            f"{e.source_label}：称“{e.announce_text}”，列举{len(e.items)}项：{'、'.join(e.items)}"
        )
    return lines[:PROMPT_LINES]


def claims_by_table(report: Report) -> dict[int, list[str]]:
    """``claims_for_prompt`` for every table with claims, keyed by table index (for the LLM)."""
    out: dict[int, list[str]] = {}
    for index, table in enumerate(report.tables):
        lines = claims_for_prompt(table)
        if lines:
            out[index] = lines
    return out
