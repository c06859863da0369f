"""The deterministic review: run the registered rules over a Report.

``check_table`` runs the per-table rules (scope ``table``), ``check_report`` the rules about the
whole report (scope ``report``: the rate rounding convention, content left unparsed);
``run_checks`` does both. Every finding gets its rule's code, category and default severity
here: a check states only what it found. Selection (``--select``/``--ignore``) is applied by
passing the active rules; ``--min-severity`` is applied by the pipeline to every finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.checks.budget import rounding_note
from reviewer.checks.context import Hit, TableContext
from reviewer.checks.registry import Rule, selected
from reviewer.config import Config
from reviewer.model import EvaluationTable, Finding, Location, Report

__all__ = ["active_rules", "check_report", "check_table", "rounding_note", "run_checks"]


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
        project=table.project if table is not None else "",
        table_index=index,
        indicator=hit.indicator.name if hit.indicator is not None else None,
        locations=locations,
        message=hit.message,
        expected=hit.expected,
        found=hit.found,
        evidence=hit.evidence,
        suggestion=hit.suggestion,
    )


def check_table(
    table: EvaluationTable,
    index: int,
    config: Config,
    rules: Sequence[Rule],
    totals: dict[int, float] | None = None,
) -> list[Finding]:
    """The findings of the per-table rules among ``rules`` for one table.

    ``totals``, when given, receives the table's recomputed total (a table with indicators),
    computed once with the rows' expectations the rules already worked out: the memo shows it.
    """
    ctx = TableContext(table, index, config)
    out: list[Finding] = []
    for r in rules:
        if r.check is None:
            continue
        for hit in r.check(ctx):
            out.append(_finding(hit, r, table, index))
    if totals is not None and table.indicators:
        totals[index] = ctx.recomputed_total()
    return out


def check_report(report: Report, config: Config, rules: Sequence[Rule]) -> list[Finding]:
    """The findings of the whole-report rules among ``rules``."""
    out: list[Finding] = []
    for r in rules:
        if r.check_report is None:
            continue
        for hit in r.check_report(report, config):
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
    findings = check_report(report, config, rules)
    for index, table in enumerate(report.tables):
        findings.extend(check_table(table, index, config, rules, totals))
    return findings
