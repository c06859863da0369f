"""Report + Findings → Memo: the one model every renderer (terminal, Markdown, JSON, HTML, Word) draws.

``build_memo`` decides what the memo says once: the figures, the groups of 二、主要问题, each
finding's number and label, and every sentence (from ``words.py``). See ``model.py`` for the parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reviewer.checks import rounding_note
from reviewer.checks.registry import GROUPS, Rule, get_rule
from reviewer.checks.totals import grade_of, recomputed_total
from reviewer.config import Config
from reviewer.memo import words
from reviewer.memo.model import (
    IssueGroup,
    IssueTable,
    Memo,
    MemoFinding,
    NoteItem,
    Notes,
    Overview,
    RuleApplied,
    SeverityCounts,
    TableReview,
)
from reviewer.model import EvaluationTable, Finding, LlmRun, Report, Severity
from reviewer.numbers import fmt_money, fmt_score, fmt_signed
from reviewer.version import __version__

# Report-level findings that 四、说明 does not list: B102's rounding convention is its own item.
_NOT_LISTED = frozenset({"B102"})


def group_of(f: Finding) -> str:
    """The 二、主要问题 group of a finding: its rule's (an LLM code's is its rule twins')."""
    return _group(f.code)


@cache  # a handful of codes; the registry does not change while the tool runs
def _group(code: str) -> str:
    rule = get_rule(code)
    return rule.group if rule is not None else "consistency"


@cache
def _rule_title(code: str) -> str | None:
    rule = get_rule(code)
    return rule.title if rule is not None else None


def _sort_key(f: Finding) -> tuple[int, int, str]:
    line = f.locations[0].line or 0 if f.locations else 0
    return (-f.severity.rank, line, f.code)


def _label(f: Finding) -> str:
    """How 二、主要问题 names a finding: its indicator, else its rule's title."""
    if f.indicator:
        return f.indicator
    title = _rule_title(f.code) if f.source == "rules" else None
    return title or f.message.split("，")[0]


def _numbered(findings: list[Finding]) -> list[MemoFinding]:
    """The findings in the memo's order, numbered from 1, with their words."""
    out = []
    for n, f in enumerate(sorted(findings, key=_sort_key), 1):
        stated = f.expected is not None or f.found is not None
        out.append(
            MemoFinding(
                **f.__dict__,
                number=n,
                label=_label(f),
                origin=words.finding_origin(f.source),
                found_text=(f.found or "—") if stated else "",
                expected_text=(f.expected or "—") if stated else "",
            )
        )
    return out


def _counts(findings: Sequence[Finding]) -> SeverityCounts:
    values = [f.severity.value for f in findings]
    return SeverityCounts(**{s.value: values.count(s.value) for s in Severity})


def _table_review(
    index: int,
    t: EvaluationTable,
    findings: list[Finding],
    config: Config,
    llm_status: str | None,
    assessment: str,
    recomputed: float | None,
) -> TableReview:
    row = t.funds.annual_total
    if recomputed is None and t.indicators:
        recomputed = recomputed_total(t, config)
    rate_ref = row.cells.get("rate_pct")
    rate_printed = rate_ref.text if rate_ref else None
    claimed_grade = t.grade or (
        grade_of(t.total_score, config) if t.total_score is not None else None
    )
    recomputed_grade = grade_of(recomputed, config) if recomputed is not None else None
    gap = (
        round(t.total_score - recomputed, 2)
        if t.total_score is not None and recomputed is not None
        else None
    )
    claimed_text = fmt_score(t.total_score, claimed_grade)
    recomputed_text = fmt_score(recomputed, recomputed_grade)
    rate_text = rate_printed or "—"
    numbered = _numbered(findings)
    return TableReview(
        table_index=index,
        project=t.project,
        department=t.department,
        implementer=t.implementer,
        first_line=t.first_line,
        last_line=t.last_line,
        full_year_budget=row.full_year_budget,
        executed=row.executed,
        rate_printed=rate_printed,
        claimed_total=t.total_score,
        claimed_grade=claimed_grade,
        recomputed_total=recomputed,
        recomputed_grade=recomputed_grade,
        llm_status=llm_status,
        assessment=assessment,
        findings=numbered,
        counts=_counts(numbered),
        score_gap=gap,
        heading=words.table_heading(index, t.project),
        summary=words.table_summary(
            claimed_text, recomputed_text, rate_text, t.first_line, t.last_line
        ),
        budget_text=fmt_money(row.full_year_budget),
        executed_text=fmt_money(row.executed),
        rate_text=rate_text,
        claimed_text=claimed_text,
        recomputed_text=recomputed_text,
        score_gap_text="" if gap is None else fmt_signed(gap),
        llm_note=words.llm_failed_note(llm_status),
        assessment_line=words.assessment_line(assessment),
    )


def _overview(report: Report, reviews: list[TableReview], counts: SeverityCounts) -> Overview:
    budget = sum(t.funds.annual_total.full_year_budget or 0.0 for t in report.tables)
    executed = sum(t.funds.annual_total.executed or 0.0 for t in report.tables)
    claimed = [r.claimed_total for r in reviews if r.claimed_total is not None]
    recomputed = [r.recomputed_total for r in reviews if r.recomputed_total is not None]
    unit = "、".join(sorted({t.amount_unit for t in report.tables})) or "元"
    overview = Overview(
        tables=len(report.tables),
        amount_unit=unit,
        full_year_budget=round(budget, 2),
        executed=round(executed, 2),
        execution_rate_pct=round(executed / budget * 100, 2) if budget else None,
        claimed_total_mean=round(sum(claimed) / len(claimed), 2) if claimed else None,
        recomputed_total_mean=round(sum(recomputed) / len(recomputed), 2) if recomputed else None,
        counts=counts,
        tables_with_errors=sum(1 for r in reviews if r.counts.error),
        sentences=[],
    )
    overview.sentences = words.overview_sentences(overview)
    return overview


def _main_issues(findings: list[Finding], reviews: list[TableReview]) -> list[IssueGroup]:
    """二、主要问题: the tables' findings above 提示, grouped by kind, the worst kinds first.

    Each group lists, table by table, the labels of its findings (indicators or rule titles).
    """
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        if f.table_index is not None and f.severity is not Severity.INFO:
            groups.setdefault(group_of(f), []).append(f)
    worst = {key: max({f.severity for f in fs}, key=lambda s: s.rank) for key, fs in groups.items()}
    ordered = sorted(groups.items(), key=lambda kv: (-worst[kv[0]].rank, -len(kv[1])))
    labels: dict[str, dict[int, dict[str, None]]] = {}  # group → table → labels, in order
    for r in reviews:
        for f in r.findings:
            if f.severity is not Severity.INFO:
                labels.setdefault(group_of(f), {}).setdefault(r.table_index, {})[f.label] = None
    out = []
    for n, (key, fs) in enumerate(ordered, 1):
        projects = list(dict.fromkeys(f.project for f in fs))
        tables = [
            IssueTable(table_index=i, project=reviews[i].project, labels=list(names))
            for i, names in labels.get(key, {}).items()
        ]
        out.append(
            IssueGroup(
                key=key,
                title=GROUPS[key],
                codes=sorted({f.code for f in fs}),
                count=len(fs),
                projects=projects,
                worst=worst[key],
                heading=words.issue_heading(n, GROUPS[key], len(fs), worst[key]),
                projects_line=words.projects_line(projects),
                tables=tables,
            )
        )
    return out


def _notes(
    report: Report,
    config: Config,
    rules: list[Rule],
    llm: LlmRun,
    report_findings: list[MemoFinding],
) -> Notes:
    not_reviewed: list[str] = []
    if report.leftovers:
        not_reviewed.append(words.leftovers_unread(len(report.leftovers)))
    if not llm.enabled:
        not_reviewed.append(words.llm_unused(llm.note))
    not_reviewed += [words.llm_failed(s.project, s.error) for s in llm.failed_tables]
    rounding, _ = rounding_note(report.tables)

    items = [NoteItem(text=rounding)] if rounding else []
    items += [
        NoteItem(text=f.message, severity=f.severity, finding=f.number)
        for f in report_findings
        if f.code not in _NOT_LISTED
    ]
    items += [NoteItem(text=x) for x in not_reviewed]
    if llm.enabled:
        items.append(NoteItem(text=words.llm_summary(llm)))
    if config.source:
        items.append(NoteItem(text=words.config_line(config.source)))
    return Notes(
        rules_applied=[RuleApplied(code=r.code, name=r.name, authority=r.authority) for r in rules],
        rounding=rounding,
        leftovers=report.leftovers,
        not_reviewed=not_reviewed,
        llm=llm,
        config_source=config.source,
        basis=words.basis(len(rules), sorted({r.code[0] for r in rules})),
        items=items,
        leftover_lines=words.leftover_lines(
            [(lo.location.describe(), lo.text) for lo in report.leftovers]
        ),
    )


def build_memo(
    report: Report,
    findings: list[Finding],
    config: Config,
    rules: list[Rule],
    llm: LlmRun | None = None,
    recomputed: dict[int, float] | None = None,
) -> Memo:
    """The memo of ``report``; ``recomputed`` holds the tables' totals when the rules have
    computed them already (``run_checks(..., totals=)``), else they are computed here."""
    llm = llm or LlmRun()
    recomputed = recomputed or {}
    per_table: dict[int, list[Finding]] = {}
    report_level: list[Finding] = []
    for f in findings:
        if f.table_index is None:
            report_level.append(f)
        else:
            per_table.setdefault(f.table_index, []).append(f)
    statuses = {s.table_index: s for s in llm.tables}
    reviews = []
    for index, t in enumerate(report.tables):
        status = statuses.get(index)
        reviews.append(
            _table_review(
                index,
                t,
                per_table.get(index, []),
                config,
                status.status if status else None,
                status.assessment if status else "",
                recomputed.get(index),
            )
        )
    report_findings = _numbered(report_level)
    departments = list(dict.fromkeys(t.department for t in report.tables if t.department))
    years = sorted({t.year for t in report.tables if t.year})
    return Memo(
        source=report.source,
        title=words.title(departments, years),
        byline=words.byline(report.source, __version__),
        overview=_overview(report, reviews, _counts(findings)),
        main_issues=_main_issues(findings, reviews),
        tables=reviews,
        report_findings=report_findings,
        notes=_notes(report, config, rules, llm, report_findings),
    )
