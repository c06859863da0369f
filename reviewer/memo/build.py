"""Report + Findings → Memo: the one model every renderer (terminal, Markdown, JSON, HTML, Word) draws.

``build_memo`` decides what the memo says once: the figures, the groups of 二、主要问题, each
finding's number and label, and every sentence (from ``words.py``). See ``model.py`` for the parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reviewer.checks import ReportFacts
from reviewer.checks.apart import funds_reviewed_apart
from reviewer.checks.registry import GROUPS, Rule, get_rule
from reviewer.checks.totals import grade_of, recomputed_total
from reviewer.config import Config
from reviewer.forms.families import DEFAULT, get_family
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
from reviewer.model import EvaluationTable, Finding, LlmRun, Report, Severity, TableLlmStatus
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
    detail = t.detail_of
    if detail is not None or not _recomputable(t):
        recomputed = None  # a detail view is compared with its form, not scored again
    elif recomputed is None:  # the rules did not compute it: computed here
        recomputed = recomputed_total(t, config)
    rate_ref = row.cells.get("rate_pct")
    rate_printed = rate_ref.text if rate_ref else None
    claimed = t.total_score if detail is None else None
    claimed_grade = t.grade or (grade_of(claimed, config) if claimed is not None else None)
    recomputed_grade = grade_of(recomputed, config) if recomputed is not None else None
    gap = round(claimed - recomputed, 2) if claimed is not None and recomputed is not None else None
    claimed_text = fmt_score(claimed, claimed_grade)
    recomputed_text = fmt_score(recomputed, recomputed_grade)
    rate_text = rate_printed or "—"
    numbered = _numbered(findings)
    family = get_family(t.family) or DEFAULT
    return TableReview(
        table_index=index,
        project=t.name,
        department=t.department,
        implementer=t.implementer,
        first_line=t.first_line,
        last_line=t.last_line,
        full_year_budget=row.full_year_budget,
        executed=row.executed,
        rate_printed=rate_printed,
        claimed_total=claimed,
        claimed_grade=claimed_grade,
        recomputed_total=recomputed,
        recomputed_grade=recomputed_grade,
        llm_status=llm_status,
        assessment=assessment,
        findings=numbered,
        counts=_counts(numbered),
        score_gap=gap,
        heading=words.table_heading(index, t.name, detail is not None),
        family=t.family,
        form_line=words.form_line(family.title, family.name),
        reading_note=words.reading_note(
            t.begins_inside,
            t.ends_inside,
            t.reliable,
            t.funds_reliable,
            t.indicators[-1].name if t.indicators else None,
            funds_reviewed_apart(t),
        ),
        summary=(
            words.table_summary(claimed_text, recomputed_text, rate_text, t.first_line, t.last_line)
            if detail is None
            else words.detail_summary(
                detail.table, detail.rows, len(detail.mismatches), t.first_line, t.last_line
            )
        ),
        detail_of=detail.table if detail is not None else None,
        # a detail view's amounts are its form's: shown once, on the form's row
        budget_text=fmt_money(row.full_year_budget if detail is None else None),
        executed_text=fmt_money(row.executed if detail is None else None),
        rate_text=rate_text,
        claimed_text=claimed_text,
        recomputed_text=recomputed_text,
        score_gap_text="" if gap is None else fmt_signed(gap),
        llm_note=words.llm_failed_note(llm_status),
        assessment_line=words.assessment_line(assessment),
    )


def _recomputable(t: EvaluationTable) -> bool:
    """A total can be recomputed from the rows: the table is whole, read without doubt (its
    funds too: the execution's points are part of the total), and every row has its actual
    and its points (a form without 分值, or an evaluation never done, leaves nothing to
    recompute)."""
    return (
        bool(t.indicators)
        and t.complete
        and t.funds_reliable
        and all(i.actual and i.weight is not None for i in t.indicators)
    )


class _Group:
    """What 二、主要问题 gathers for one kind of problem, finding by finding."""

    def __init__(self) -> None:
        self.count = 0
        self.worst = Severity.INFO
        self.codes: set[str] = set()
        self.projects: dict[str, None] = {}
        self.model_projects: dict[str, None] = {}  # of the model's findings: listed after

    def add(self, f: Finding) -> None:
        self.count += 1
        if f.severity.rank > self.worst.rank:
            self.worst = f.severity
        self.codes.add(f.code)
        (self.model_projects if f.source == "llm" else self.projects)[f.project] = None


class MemoAssembly:
    """The memo, built table by table: for a report held whole (:func:`build_memo`) or read one
    table at a time (the streaming review), with the same words and figures either way.

    ``add_table`` returns the table's part of 三、逐项复核意见 and its entries in 二、主要问题;
    with ``keep=False`` they are not kept (the caller writes them out), and ``finish`` gives
    the memo without them (its ``tables`` and its groups' ``tables`` empty). The findings of
    each table come in the pipeline's order: the rules' first, then the model's; 二、主要问题
    lists groups and projects in the order they first appear among the rules' findings, then
    among the model's.
    """

    def __init__(self, config: Config, *, keep: bool = True) -> None:
        self.config = config
        self.keep = keep
        self.reviews: list[TableReview] = []
        self.issue_tables: dict[str, list[IssueTable]] = {}
        self.tables = 0
        self.details = 0  # tables that are a form's detail view
        self._budget = 0.0  # over the tables whose 全年预算数 was read
        self._executed = 0.0
        self._funds_read = 0
        self._claimed: list[float] = [0.0, 0.0]  # sum, count
        self._recomputed: list[float] = [0.0, 0.0]
        self._units: set[str] = set()
        self._departments: dict[str, None] = {}  # the first three: the title names two, or 等
        self._years: set[int] = set()
        self._forms: set[str] = set()  # what the tables are called (项目支出/部门整体支出 …)
        self._values: list[str] = []  # severities of the tables' findings
        self._with_errors = 0
        self._groups: dict[str, _Group] = {}
        self._model_groups: dict[str, _Group] = {}  # groups first seen in the model's findings

    def add_table(
        self,
        index: int,
        table: EvaluationTable,
        findings: list[Finding],
        status: TableLlmStatus | None = None,
        recomputed: float | None = None,
    ) -> tuple[TableReview, list[tuple[str, IssueTable]]]:
        """``recomputed``: the table's total as the rules computed it (None: computed here)."""
        review = _table_review(
            index,
            table,
            findings,
            self.config,
            status.status if status else None,
            status.assessment if status else "",
            recomputed,
        )
        self._values += [f.severity.value for f in findings]
        self._with_errors += bool(review.counts.error)
        if table.detail_of is not None:
            self.details += 1  # the form's detail view: its figures are the form's, not added
        else:
            self._add_form(table, review)
        for f in findings:
            if f.severity is not Severity.INFO:
                self._group(f).add(f)
        labels: dict[str, dict[str, None]] = {}
        for f in review.findings:
            if f.severity is not Severity.INFO:
                labels.setdefault(group_of(f), {})[f.label] = None
        entries = [
            (key, IssueTable(table_index=index, project=review.project, labels=list(names)))
            for key, names in labels.items()
        ]
        if self.keep:
            self.reviews.append(review)
            for key, entry in entries:
                self.issue_tables.setdefault(key, []).append(entry)
        return review, entries

    def _add_form(self, table: EvaluationTable, review: TableReview) -> None:
        """A form's figures in the overview's sums and means, its names in the title."""
        self.tables += 1
        row = table.funds.annual_total
        if row.full_year_budget is not None:  # a budget not read is not a budget of 0
            self._funds_read += 1
            self._budget += row.full_year_budget
            self._executed += row.executed or 0.0
            self._units.add(table.amount_unit)
        for acc, value in (
            (self._claimed, review.claimed_total),
            (self._recomputed, review.recomputed_total),
        ):
            if value is not None:
                acc[0] += value
                acc[1] += 1
        who = table.department or table.implementer
        if who and len(self._departments) < 3:
            self._departments[who] = None
        self._forms.add(words.form_name(table.subject, table.family))
        if table.year:
            self._years.add(table.year)

    def _group(self, f: Finding) -> _Group:
        key = group_of(f)
        group = self._groups.get(key) or self._model_groups.get(key)
        if group is None:
            group = _Group()
            (self._model_groups if f.source == "llm" else self._groups)[key] = group
        return group

    def finish(
        self,
        source: str,
        report_findings: list[Finding],
        facts: ReportFacts,
        rules: list[Rule],
        llm: LlmRun,
    ) -> Memo:
        """The memo, once every table is in: ``report_findings`` are the findings about the
        report as a whole (``table_index`` None), ``facts`` what was gathered of its tables."""
        numbered = _numbered(report_findings)
        values = [f.severity.value for f in report_findings] + self._values
        counts = SeverityCounts(**{s.value: values.count(s.value) for s in Severity})
        years = sorted(self._years)
        return Memo(
            source=source,
            title=words.title(list(self._departments), years, sorted(self._forms)),
            byline=words.byline(source, __version__),
            overview=self._overview(counts),
            main_issues=self._main_issues(),
            tables=self.reviews,
            report_findings=numbered,
            notes=_notes(facts, self.config, rules, llm, numbered),
        )

    def _overview(self, counts: SeverityCounts) -> Overview:
        claimed_sum, claimed_n = self._claimed
        recomputed_sum, recomputed_n = self._recomputed
        budget, executed = self._budget, self._executed
        summable = self._funds_read > 0 and len(self._units) == 1  # 元 and 万元 do not add
        overview = Overview(
            tables=self.tables,
            amount_unit="、".join(sorted(self._units)) or "元",
            full_year_budget=round(budget, 2) if summable else None,
            executed=round(executed, 2) if summable else None,
            funds_read=self._funds_read,
            execution_rate_pct=round(executed / budget * 100, 2) if summable and budget else None,
            claimed_total_mean=round(claimed_sum / claimed_n, 2) if claimed_n else None,
            recomputed_total_mean=round(recomputed_sum / recomputed_n, 2) if recomputed_n else None,
            counts=counts,
            tables_with_errors=self._with_errors,
            sentences=[],
            details=self.details,
        )
        overview.sentences = words.overview_sentences(overview)
        return overview

    def _main_issues(self) -> list[IssueGroup]:
        """二、主要问题: the tables' findings above 提示, grouped by kind, the worst kinds first."""
        groups = {**self._groups, **self._model_groups}
        ordered = sorted(groups.items(), key=lambda kv: (-kv[1].worst.rank, -kv[1].count))
        out = []
        for n, (key, g) in enumerate(ordered, 1):
            projects = list({**g.projects, **g.model_projects})
            out.append(
                IssueGroup(
                    key=key,
                    title=GROUPS[key],
                    codes=sorted(g.codes),
                    count=g.count,
                    projects=projects,
                    worst=g.worst,
                    heading=words.issue_heading(n, GROUPS[key], g.count, g.worst),
                    projects_line=words.projects_line(projects),
                    tables=self.issue_tables.get(key, []),
                )
            )
        return out


def _notes(
    facts: ReportFacts,
    config: Config,
    rules: list[Rule],
    llm: LlmRun,
    report_findings: list[MemoFinding],
) -> Notes:
    codes = {f.code for f in report_findings}
    not_reviewed: list[str] = []
    if facts.leftovers and "P101" not in codes:  # P101's own item says it, when it is on
        not_reviewed.append(words.leftovers_unread(len(facts.leftovers)))
    if not llm.enabled:
        not_reviewed.append(words.llm_unused(llm.note))
    not_reviewed += [words.llm_failed(s.project, s.error) for s in llm.failed_tables]
    # B102 says it when the rates are not rounded half up (and when the rule is on)
    rounding = next((f.message for f in report_findings if f.code == "B102"), "")

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
        leftovers=facts.leftovers,
        not_reviewed=not_reviewed,
        llm=llm,
        config_source=config.source,
        basis=words.basis(len(rules), sorted({r.code[0] for r in rules})),
        items=items,
        leftover_lines=words.leftover_lines(
            [(lo.location.describe(), lo.text) for lo in facts.leftovers]
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
    """The memo of a report held whole (see :class:`MemoAssembly`); ``recomputed`` holds the
    tables' totals when the rules have computed them already (``run_checks(..., totals=)``),
    else they are computed here."""
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
    assembly = MemoAssembly(config)
    for index, t in enumerate(report.tables):
        assembly.add_table(
            index, t, per_table.get(index, []), statuses.get(index), recomputed.get(index)
        )
    # the memo's notes read only the leftovers of what the rules gather of the tables: not
    # gathered again here (``ReportFacts.of`` goes through every table a second time)
    facts = ReportFacts(leftovers=report.leftovers, summaries=report.summaries)
    return assembly.finish(report.source, report_level, facts, rules, llm)
