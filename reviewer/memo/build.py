"""Report + Findings → Memo: one model that every renderer (terminal, Markdown, JSON) draws.

The memo is a 复核意见 in four parts: 一、总体情况; 二、主要问题 (grouped by kind across
projects); 三、逐项复核意见 (per project: claimed vs recomputed total and grade, each finding
with evidence and suggestion); 四、说明 (rules applied, rounding convention, what was not
reviewed, whether an LLM was used).
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, Field

from reviewer.checks import rounding_note
from reviewer.checks.registry import GROUPS, Rule, get_rule
from reviewer.checks.totals import grade_of, recomputed_total
from reviewer.config import Config
from reviewer.model import Finding, Leftover, LlmRun, Report, Severity
from reviewer.version import __version__

SCHEMA_VERSION = "1.0"


class SeverityCounts(BaseModel):
    error: int = 0
    warning: int = 0
    info: int = 0


class Overview(BaseModel):
    """一、总体情况."""

    tables: int
    amount_unit: str
    full_year_budget: float
    executed: float
    execution_rate_pct: float | None
    claimed_total_mean: float | None
    recomputed_total_mean: float | None
    counts: SeverityCounts
    tables_with_errors: int


class IssueGroup(BaseModel):
    """二、主要问题: one kind of problem, with the projects where it occurs."""

    key: str
    title: str
    codes: list[str]
    count: int
    projects: list[str]
    worst: Severity


class TableReview(BaseModel):
    """三、逐项复核意见 for one table."""

    table_index: int
    project: str
    department: str
    implementer: str
    first_line: int
    last_line: int
    full_year_budget: float | None
    executed: float | None
    rate_printed: str | None
    claimed_total: float | None
    claimed_grade: str | None
    recomputed_total: float | None
    recomputed_grade: str | None
    llm_status: str | None = None
    assessment: str = ""
    findings: list[Finding] = Field(default_factory=list)


class RuleApplied(BaseModel):
    code: str
    name: str
    authority: str


class Notes(BaseModel):
    """四、说明."""

    rules_applied: list[RuleApplied]
    rounding: str
    leftovers: list[Leftover]
    not_reviewed: list[str]
    llm: LlmRun
    config_source: str


class Memo(BaseModel):
    """The reviewer memo (复核意见). ``schema_version`` changes when the shape does."""

    schema_version: str = SCHEMA_VERSION
    tool_version: str = __version__
    source: str
    title: str
    overview: Overview
    main_issues: list[IssueGroup]
    tables: list[TableReview]
    report_findings: list[Finding]
    notes: Notes

    def all_findings(self) -> list[Finding]:
        return self.report_findings + [f for t in self.tables for f in t.findings]


def group_of(f: Finding) -> str:
    """The memo group of a finding: its rule's (an LLM code's group is its rule twins')."""
    rule: Rule | None = get_rule(f.code)
    return rule.group if rule is not None else "consistency"


def _sort_key(f: Finding) -> tuple[int, int, str]:
    line = f.locations[0].line or 0 if f.locations else 0
    return (-f.severity.rank, line, f.code)


def build_memo(
    report: Report,
    findings: list[Finding],
    config: Config,
    rules: list[Rule],
    llm: LlmRun | None = None,
) -> Memo:
    llm = llm or LlmRun()
    per_table: dict[int, list[Finding]] = {}
    report_level: list[Finding] = []
    for f in findings:
        if f.table_index is None:
            report_level.append(f)
        else:
            per_table.setdefault(f.table_index, []).append(f)
    llm_status = {s.table_index: s for s in llm.tables}

    reviews: list[TableReview] = []
    for index, t in enumerate(report.tables):
        row = t.funds.annual_total
        recomputed = recomputed_total(t, config) if t.indicators else None
        rate_ref = row.cells.get("rate_pct")
        status = llm_status.get(index)
        reviews.append(
            TableReview(
                table_index=index,
                project=t.project,
                department=t.department,
                implementer=t.implementer,
                first_line=t.first_line,
                last_line=t.last_line,
                full_year_budget=row.full_year_budget,
                executed=row.executed,
                rate_printed=rate_ref.text if rate_ref else None,
                claimed_total=t.total_score,
                claimed_grade=t.grade
                or (grade_of(t.total_score, config) if t.total_score is not None else None),
                recomputed_total=recomputed,
                recomputed_grade=grade_of(recomputed, config) if recomputed is not None else None,
                llm_status=status.status if status else None,
                assessment=status.assessment if status else "",
                findings=sorted(per_table.get(index, []), key=_sort_key),
            )
        )

    counts = Counter(f.severity.value for f in findings)
    budget = sum(t.funds.annual_total.full_year_budget or 0.0 for t in report.tables)
    executed = sum(t.funds.annual_total.executed or 0.0 for t in report.tables)
    claimed = [r.claimed_total for r in reviews if r.claimed_total is not None]
    recomputed_all = [r.recomputed_total for r in reviews if r.recomputed_total is not None]
    units = {t.amount_unit for t in report.tables}
    overview = Overview(
        tables=len(report.tables),
        amount_unit="、".join(sorted(units)) or "元",
        full_year_budget=round(budget, 2),
        executed=round(executed, 2),
        execution_rate_pct=round(executed / budget * 100, 2) if budget else None,
        claimed_total_mean=round(sum(claimed) / len(claimed), 2) if claimed else None,
        recomputed_total_mean=round(sum(recomputed_all) / len(recomputed_all), 2)
        if recomputed_all
        else None,
        counts=SeverityCounts(**counts),
        tables_with_errors=sum(
            1 for r in reviews if any(f.severity is Severity.ERROR for f in r.findings)
        ),
    )

    groups: dict[str, list[Finding]] = {}
    for f in findings:
        if f.table_index is not None and f.severity is not Severity.INFO:
            groups.setdefault(group_of(f), []).append(f)
    main_issues = [
        IssueGroup(
            key=key,
            title=GROUPS[key],
            codes=sorted({f.code for f in fs}),
            count=len(fs),
            projects=list(dict.fromkeys(f.project for f in fs)),
            worst=max((f.severity for f in fs), key=lambda s: s.rank),
        )
        for key, fs in groups.items()
    ]
    main_issues.sort(key=lambda g: (-g.worst.rank, -g.count))

    not_reviewed: list[str] = []
    if report.leftovers:
        not_reviewed.append(f"{len(report.leftovers)}处内容未能解析，未纳入复核（见未解析内容）。")
    if not llm.enabled:
        not_reviewed.append(llm.note or "未使用大模型：文字叙述的一致性未经模型审读。")
    for s in llm.failed_tables:
        not_reviewed.append(
            f"「{s.project}」的大模型审读失败（{s.error or '原因不详'}），仅有确定性复核结果。"
        )

    rounding, _ = rounding_note(report.tables)
    title = _title(report)
    return Memo(
        source=report.source,
        title=title,
        overview=overview,
        main_issues=main_issues,
        tables=reviews,
        report_findings=sorted(report_level, key=_sort_key),
        notes=Notes(
            rules_applied=[
                RuleApplied(code=r.code, name=r.name, authority=r.authority) for r in rules
            ],
            rounding=rounding,
            leftovers=report.leftovers,
            not_reviewed=not_reviewed,
            llm=llm,
            config_source=config.source,
        ),
    )


def _title(report: Report) -> str:
    departments = list(dict.fromkeys(t.department for t in report.tables if t.department))
    years = sorted({t.year for t in report.tables if t.year})
    who = "、".join(departments[:2]) + ("等" if len(departments) > 2 else "")
    year = f"{years[0]}年度" if len(years) == 1 else ""
    return f"关于{who}{year}项目支出绩效自评表的复核意见"
