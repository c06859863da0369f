"""The reviewer memo (复核意见) as data, with its words: what every renderer lays out.

Four parts: 一、总体情况 (``Overview``); 二、主要问题 (``IssueGroup``, grouped by kind across
projects); 三、逐项复核意见 (``TableReview``: claimed vs recomputed total and grade, each finding
with evidence and suggestion); 四、说明 (``Notes``: rules applied, rounding convention, what was
not reviewed, whether an LLM was used). Besides its figures, each part carries its sentences,
headings and labels, ready to show (``build_memo`` writes them from ``words.py``); a renderer
(terminal, Markdown, JSON, HTML, Word) only lays them out and escapes them for its format.
"""

from __future__ import annotations

from pydantic import BaseModel

from reviewer.model import Finding, Leftover, LlmRun, Severity
from reviewer.version import __version__

SCHEMA_VERSION = "1.4"


class SeverityCounts(BaseModel):
    error: int = 0
    warning: int = 0
    info: int = 0

    def of(self, severity: Severity) -> int:
        count: int = getattr(self, severity.value)
        return count


class MemoFinding(Finding):
    """A finding as the memo shows it: its number in its list and its words."""

    number: int  # 1, 2, … within its table (or within the report-level findings)
    label: str  # how 二、主要问题 names it: the indicator, else the rule's title
    origin: str  # （大模型） for a model's finding, else ""
    found_text: str  # 填报 …; this and expected_text are "" when the finding states neither
    expected_text: str  # 应为 …


class Overview(BaseModel):
    """一、总体情况."""

    tables: int  # the forms reviewed (a form's detail view is not one: see ``details``)
    amount_unit: str
    # Sums over the tables whose 全年预算数 was read (``funds_read`` of them); None when no
    # table's was, or when the tables state their amounts in different units.
    full_year_budget: float | None
    executed: float | None
    funds_read: int
    execution_rate_pct: float | None
    claimed_total_mean: float | None
    recomputed_total_mean: float | None
    counts: SeverityCounts
    tables_with_errors: int
    sentences: list[str]
    details: int = 0  # tables that are a form's detail view, compared with it (not counted above)


class IssueTable(BaseModel):
    """One table's part in an IssueGroup: what is wrong there, by label."""

    table_index: int
    project: str
    labels: list[str]


class IssueGroup(BaseModel):
    """二、主要问题: one kind of problem, with the projects where it occurs."""

    key: str
    title: str
    codes: list[str]
    count: int
    projects: list[str]
    worst: Severity
    heading: str  # （一）title（n 项，最高为…）
    projects_line: str  # 涉及项目：…。
    tables: list[IssueTable]


class TableReview(BaseModel):
    """三、逐项复核意见 for one table; its figures also make its row of the overview table."""

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
    llm_status: str | None
    assessment: str
    findings: list[MemoFinding]
    counts: SeverityCounts
    score_gap: float | None  # claimed − recomputed total
    heading: str  # 1. project
    summary: str  # 自评总分 …，按规则复算 …；执行率 …（第a–b行）。
    budget_text: str
    executed_text: str
    rate_text: str
    claimed_text: str  # 82.99（良）
    recomputed_text: str
    score_gap_text: str  # +4; "" without both totals
    family: str = "national-2020"  # the form family the table was read as
    form_line: str = ""  # 表格类型：… (the family, in the form's own name)
    reading_note: str = ""  # the table was cut off or may be misread: what was not reviewed
    detail_of: int | None = None  # the index of the form this table is the detail view of
    llm_note: str  # why only the rules' findings are shown, when the LLM review failed; else ""
    assessment_line: str  # 总体评价（大模型）：…, or ""


class RuleApplied(BaseModel):
    code: str
    name: str
    authority: str


class NoteItem(BaseModel):
    """One numbered item of 四、说明; a report-level finding keeps its severity and number."""

    text: str
    severity: Severity | None = None
    finding: int | None = None  # the number of the report-level finding it shows


class Notes(BaseModel):
    """四、说明."""

    rules_applied: list[RuleApplied]
    rounding: str
    leftovers: list[Leftover]
    not_reviewed: list[str]
    llm: LlmRun
    config_source: str
    basis: str  # the first item; `review rules` in backquotes is a command
    items: list[NoteItem]
    leftover_lines: list[str]  # 未解析内容: at most 50 lines, then how many there are


class Memo(BaseModel):
    """The reviewer memo (复核意见). ``schema_version`` changes when the shape does."""

    schema_version: str = SCHEMA_VERSION
    tool_version: str = __version__
    source: str
    title: str
    byline: str  # 来源文件：…　复核工具：reviewer …
    overview: Overview
    main_issues: list[IssueGroup]
    tables: list[TableReview]
    report_findings: list[MemoFinding]
    notes: Notes

    def all_findings(self) -> list[MemoFinding]:
        return self.report_findings + [f for t in self.tables for f in t.findings]
