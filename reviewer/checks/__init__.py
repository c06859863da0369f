"""The deterministic review: run the registered rules over a Report.

``check_table`` runs the per-table rules (scope ``table``), ``check_report`` the rules about the
whole report (scope ``report``: the rate rounding convention, content left unparsed);
``run_checks`` does both.

A per-table rule runs only where the table as read lets it judge (``applies``): on a table the
plausibility check doubts, only the rules that read text no misreading can change (where only
its funds block is doubted, every rule but those reading the funds); on a table cut off by the
document, only the rules that do not need every row; on a rubric, only arithmetic. A row cut
off at the end of a document is not judged at all. Every finding gets its rule's code,
category and default severity here: a check states only what it found. Selection (``--select``/``--ignore``) is applied by
passing the active rules; ``--min-severity`` is applied by the pipeline to every finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.checks.apart import funds_reviewed_apart
from reviewer.checks.budget import rounding_note
from reviewer.checks.context import Hit, ReportFacts, TableContext
from reviewer.checks.implied import implied_weights
from reviewer.checks.recompute import Expectation
from reviewer.checks.registry import Rule, selected
from reviewer.config import Config
from reviewer.forms.families import DEFAULT, Family, get_family
from reviewer.model import EvaluationTable, Finding, Indicator, Location, Report

__all__ = [
    "ReportFacts",
    "active_rules",
    "check_facts",
    "check_report",
    "check_table",
    "rounding_note",
    "run_checks",
]


def active_rules(config: Config) -> list[Rule]:
    """The rules the configuration selects, every scope included (LLM codes too)."""
    return list(selected(config.select, config.ignore))


def _finding(hit: Hit, rule: Rule, table: EvaluationTable | None, index: int | None) -> Finding:
    locations: list[Location] = [e.location for e in hit.evidence if e.location is not None]
    if not locations and hit.indicator is not None:
        locations = [Location(line=line) for line in hit.indicator.lines]
    if not locations and table is not None and table.first_line:
        locations = [Location(line=table.first_line)]
    return Finding(
        code=rule.code,
        category=rule.category,
        severity=hit.severity or rule.severity,
        source="rules",
        project=table.name if table is not None else "",
        table_index=index,
        indicator=hit.indicator.name if hit.indicator is not None else hit.indicator_name,
        locations=locations,
        message=hit.message,
        expected=hit.expected,
        found=hit.found,
        evidence=hit.evidence,
        suggestion=hit.suggestion,
    )


def applies(rule: Rule, table: EvaluationTable, family: Family) -> bool:
    """Whether ``rule`` may judge ``table`` as it was read."""
    return _AsRead(table, family).admits(rule)


class _AsRead:
    """What ``applies`` asks of a table as it was read, looked at once for all the rules
    (``check_table`` asks it of some seventy)."""

    __slots__ = (
        "_apart",
        "complete",
        "detail",
        "funds_reliable",
        "reevaluation",
        "reliable",
        "rubric",
        "table",
    )

    def __init__(self, table: EvaluationTable, family: Family) -> None:
        self.table = table
        self.detail = table.detail_of is not None
        self.funds_reliable = table.funds_reliable
        self.reliable = table.reliable
        self.complete = table.complete
        self.reevaluation = _REEVALUATION in table.labels.get("title", "")
        self.rubric = family.scoring.rubric
        self._apart: bool | None = None  # funds_reviewed_apart, once some rule asks

    def _funds_apart(self) -> bool:
        if self._apart is None:
            self._apart = funds_reviewed_apart(self.table)
        return self._apart

    def admits(self, rule: Rule) -> bool:
        """Whether ``rule`` may judge the table."""
        if self.detail != rule.detail:
            return False  # a form's detail is compared with its form, not reviewed again
        if not rule.on_doubt and not (
            self.funds_reliable
            or (self.reliable and not rule.funds)
            or (rule.funds_alone and self._funds_apart())
        ):
            return False
        if rule.whole and not self.complete:
            return False
        if self.reevaluation and rule.code in _DEPARTMENTS_OWN:
            return False  # a bureau's re-evaluation: its reasons are the evaluator's deductions
        return rule.rubric or not self.rubric


# What a department's own self-evaluation owes (a cause and a measure for each shortfall, full
# points for a met target), not a finance bureau's re-evaluation (复评表) printed with it, whose
# 偏差原因 column gives the evaluator's reason for each deduction.
_DEPARTMENTS_OWN = frozenset({"E101", "E102", "E103", "S103"})
_REEVALUATION = "复评"


def check_table(
    table: EvaluationTable,
    index: int,
    config: Config,
    rules: Sequence[Rule],
    totals: dict[int, float] | None = None,
    known: dict[int, tuple[Indicator, Expectation]] | None = None,
) -> list[Finding]:
    """The findings of the per-table rules among ``rules`` for one table.

    ``totals``, when given, receives the table's recomputed total (a table with indicators,
    none of them printed only in part), computed once with the rows' expectations the rules
    already worked out: the memo shows it. ``known``: rows' expectations worked out before
    under ``config`` (``ReportFacts.expected``).
    """
    family = get_family(table.family) or DEFAULT
    judged = table
    whole = not any(i.partial for i in table.indicators)
    if not whole:  # the rules see the rows printed whole
        judged = table.model_copy(
            update={"indicators": [i for i in table.indicators if not i.partial]}
        )
    notes: dict[int, str] = {}  # id of a row given an implied weight → how it was found
    if implied := implied_weights(judged):
        rows = list(judged.indicators)
        for k, found in implied.items():
            rows[k] = rows[k].model_copy(update={"weight": found.weight})
            notes[id(rows[k])] = found.note()
        judged = judged.model_copy(update={"indicators": rows})
    ctx = TableContext(
        judged,
        index,
        config,
        family,
        cut_before_indicators=table.ends_inside and not table.indicators,
        implied=frozenset(notes),
        known=known,
    )
    # a table whose rows alone are doubted: what reads its funds alone sees no row of it (built
    # only where those rules will judge it)
    funds_ctx = (
        TableContext(judged.model_copy(update={"indicators": []}), index, config, family)
        if not table.reliable and funds_reviewed_apart(table)
        else ctx
    )
    out: list[Finding] = []
    as_read = _AsRead(table, family)
    for r in rules:
        if r.check is None or not as_read.admits(r):
            continue
        for hit in r.check(funds_ctx if r.funds_alone else ctx):
            if hit.indicator is not None and id(hit.indicator) in notes:
                hit.message = hit.message.rstrip("。") + notes[id(hit.indicator)] + "。"
            out.append(_finding(hit, r, table, index))
    if totals is not None and table.indicators and whole:
        totals[index] = ctx.recomputed_total()
    return out


def check_report(report: Report, config: Config, rules: Sequence[Rule]) -> list[Finding]:
    """The findings of the whole-report rules among ``rules``."""
    return check_facts(ReportFacts.of(report, config), config, rules)


def check_facts(facts: ReportFacts, config: Config, rules: Sequence[Rule]) -> list[Finding]:
    """The findings of the whole-report rules among ``rules``, from what was gathered of the
    report's tables (for a report read one table at a time)."""
    out: list[Finding] = []
    for r in rules:
        if r.check_report is None:
            continue
        for hit in r.check_report(facts, config):
            out.append(_finding(hit, r, None, None))
    return out


def run_checks(
    report: Report,
    config: Config,
    rules: Sequence[Rule] | None = None,
    totals: dict[int, float] | None = None,
) -> list[Finding]:
    """Every deterministic finding for a report, from the selected rules (all severities).

    ``totals``, when given, receives each table's recomputed total (see ``check_table``).
    """
    rules = active_rules(config) if rules is None else rules
    # the report's facts keep the rows' expectations judging their targets worked out: the
    # tables' rules read them rather than work them out again
    facts = ReportFacts.of(report, config, keep_expected=True)
    findings = check_facts(facts, config, rules)
    for index, table in enumerate(report.tables):
        findings.extend(check_table(table, index, config, rules, totals, facts.expected))
    return findings
