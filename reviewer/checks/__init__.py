"""The deterministic review: run the registered rules over a Report.

``check_table`` runs the per-table rules; ``report_findings`` adds the findings about the
whole report (the rate rounding convention, content left unparsed). ``run_checks`` does both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reviewer.checks.budget import ROUNDING_NAMES, rate_conventions
from reviewer.checks.context import Hit, TableContext
from reviewer.checks.registry import Rule, get_rule, selected
from reviewer.config import Config
from reviewer.model import EvaluationTable, Evidence, Finding, Leftover, Location, Report, Severity


def active_rules(config: Config) -> list[Rule]:
    return list(selected(config.select, config.ignore))


def _finding(hit: Hit, rule: Rule, table: EvaluationTable | None, index: int | None) -> Finding:
    locations: list[Location] = [e.location for e in hit.evidence if e.location is not None]
    if not locations and hit.indicator is not None:
        locations = [Location(line=line) for line in hit.indicator.lines]
    if not locations and table is not None and table.first_line:
        locations = [Location(line=table.first_line)]
    return Finding(
        code=hit.code,
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
    table: EvaluationTable, index: int, config: Config, rules: Sequence[Rule]
) -> list[Finding]:
    ctx = TableContext(table, index, config)
    out: list[Finding] = []
    for r in rules:
        if r.check is None:
            continue
        for hit in r.check(ctx):
            out.append(_finding(hit, r, table, index))
    return out


def rounding_note(tables: Iterable[EvaluationTable]) -> tuple[str, str | None]:
    """(Chinese sentence on the rate rounding convention, convention name or None)."""
    fits_per_table = []
    for t in tables:
        checked = rate_conventions(t)
        if checked is not None and checked[0]:
            fits_per_table.append(checked[0])
    if not fits_per_table:
        return "", None
    counts = {name: sum(name in fits for fits in fits_per_table) for name in ROUNDING_NAMES}
    best = max(ROUNDING_NAMES, key=lambda name: (counts[name], name == "half_up"))
    n, k = len(fits_per_table), counts[best]
    text = f"执行率取舍方式：{n}张表的执行率中，{k}张与“{ROUNDING_NAMES[best]}”保留两位小数一致"
    if best != "half_up":
        half = counts["half_up"]
        text += f"（与四舍五入一致的仅{half}张）"
    text += "；末位一个单位以内的差异按取舍方式处理，不作为计算错误。"
    return text, best


def report_findings(report: Report, config: Config, rules: Sequence[Rule]) -> list[Finding]:
    codes = {r.code for r in rules}
    out: list[Finding] = []
    if "B102" in codes:
        text, best = rounding_note(report.tables)
        rule = get_rule("B102")
        if best is not None and rule is not None:
            out.append(_finding(Hit("B102", text, found=ROUNDING_NAMES[best]), rule, None, None))
    if "P101" in codes and report.leftovers:
        out.append(leftovers_finding(report.leftovers))
    return out


def leftovers_finding(leftovers: Sequence[Leftover]) -> Finding:
    rule = get_rule("P101")
    assert rule is not None
    lines = sorted({lo.location.describe() for lo in leftovers})
    shown = "、".join(lines[:10]) + ("等" if len(lines) > 10 else "")
    hit = Hit(
        "P101",
        f"有{len(leftovers)}处内容未能解析，未纳入复核（{shown}）。",
        found=str(len(leftovers)),
        evidence=[Evidence(quote=lo.text, location=lo.location) for lo in leftovers[:20]],
        suggestion="检查所列内容；如属于表格的一部分，请调整格式后重新复核。",
    )
    return _finding(hit, rule, None, None)


def run_checks(report: Report, config: Config) -> list[Finding]:
    """Every deterministic finding for a report, filtered by the configured selection."""
    rules = active_rules(config)
    findings = report_findings(report, config, rules)
    for index, table in enumerate(report.tables):
        findings.extend(check_table(table, index, config, rules))
    floor = Severity(config.min_severity).rank
    return [f for f in findings if f.severity.rank >= floor]
