"""The data model: a Report of EvaluationTables, as read from the document.

Field names follow the project glossary (``domain/glossary.md``) so that code, JSON output
and the gold parse read alike. Text fields keep the text as printed (whitespace inserted by
line wrapping removed); numbers are parsed deterministically and every value keeps the
location of the cell it came from, so that findings can quote their evidence.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler
from pydantic_core import core_schema as cs

LOCATION_FIELDS = ("line", "column", "page", "row", "sheet", "cell", "table")


class Location:
    """Where a cell sits in the source: a text line, a PDF page/row, a spreadsheet cell, or a
    Word table's row and cell."""

    # A plain slotted class rather than a pydantic model: a parsed table holds about seventy
    # cell locations, and as models they cost most of the parse's validation time and memory.
    # Pydantic still validates, serialises and documents it (``__get_pydantic_core_schema__``)
    # exactly as a model with these optional fields; treat an instance as immutable.
    __slots__ = LOCATION_FIELDS

    line: int | None
    column: int | None
    page: int | None
    row: int | None
    sheet: str | None
    cell: str | None
    table: int | None

    def __init__(
        self,
        *,
        line: int | None = None,
        column: int | None = None,
        page: int | None = None,
        row: int | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        table: int | None = None,
    ) -> None:
        self.line = line
        self.column = column
        self.page = page
        self.row = row
        self.sheet = sheet
        self.cell = cell
        self.table = table

    def plain(self) -> Location:
        """A bare Location: for a CellRef, the same place without the cell's text."""
        return Location(
            line=self.line,
            column=self.column,
            page=self.page,
            row=self.row,
            sheet=self.sheet,
            cell=self.cell,
            table=self.table,
        )

    def _key(self) -> tuple[object, ...]:
        return (type(self), *(getattr(self, name) for name in self._all_fields()))

    @classmethod
    def _all_fields(cls) -> tuple[str, ...]:
        return LOCATION_FIELDS

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={getattr(self, name)!r}"
            for name in self._all_fields()
            if getattr(self, name) is not None
        )
        return f"{type(self).__name__}({shown})"

    def describe(self) -> str:
        """A short Chinese description, e.g. ``第12行第3格``, ``Sheet1!B12`` or
        ``第2个表格第3行第4格``."""
        if self.sheet is not None and self.cell is not None:
            return f"{self.sheet}!{self.cell}"
        if self.sheet is not None:
            return f"工作表“{self.sheet}”"
        parts = []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.line is not None:
            parts.append(f"第{self.line}行")
        elif self.table is not None and self.row is not None:
            parts.append(f"第{self.table}个表格第{self.row}行")
        elif self.row is not None:
            parts.append(f"表格第{self.row}行")
        if self.column is not None:
            parts.append(f"第{self.column}格")
        return "".join(parts) or "位置不详"

    @classmethod
    def _schema_fields(cls) -> dict[str, cs.TypedDictField]:
        def optional(inner: cs.CoreSchema) -> cs.TypedDictField:
            return cs.typed_dict_field(
                cs.with_default_schema(cs.nullable_schema(inner), default=None), required=False
            )

        text_fields = ("sheet", "cell")  # the others are numbers
        return {
            name: optional(cs.str_schema() if name in text_fields else cs.int_schema())
            for name in LOCATION_FIELDS
        }

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> cs.CoreSchema:
        """Instances pass as they are; a dict or JSON object is validated field by field; the
        output is the fields of the declared type (a CellRef in a Location field gives its
        location only, as a model subclass would)."""
        fields = cls._schema_fields()
        names = tuple(fields)
        from_dict = cs.no_info_after_validator_function(
            lambda d: cls(**d), cs.typed_dict_schema(fields, cls=cls)
        )
        return cs.json_or_python_schema(
            json_schema=from_dict,
            python_schema=cs.union_schema([cs.is_instance_schema(cls), from_dict]),
            serialization=cs.plain_serializer_function_ser_schema(
                lambda v: {name: getattr(v, name) for name in names}
            ),
            ref=cls.__name__,
        )


class CellRef(Location):
    """A cell's text as printed, with its location (the Location fields, flattened)."""

    __slots__ = ("text",)

    text: str

    def __init__(
        self,
        text: str,
        line: int | None = None,
        column: int | None = None,
        *,
        page: int | None = None,
        row: int | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        table: int | None = None,
    ) -> None:
        # Positional text, line and column: the parser makes one per cell it reads, so the
        # fields are set here rather than through a second call to Location.__init__.
        self.text = text
        self.line = line
        self.column = column
        self.page = page
        self.row = row
        self.sheet = sheet
        self.cell = cell
        self.table = table

    @classmethod
    def _all_fields(cls) -> tuple[str, ...]:
        return (*LOCATION_FIELDS, "text")

    @property
    def location(self) -> Location:
        return self

    @classmethod
    def _schema_fields(cls) -> dict[str, cs.TypedDictField]:
        return {**super()._schema_fields(), "text": cs.typed_dict_field(cs.str_schema())}


class Operator(StrEnum):
    """How a target compares: the scoring direction follows from it."""

    GE = ">="
    GT = ">"
    EQ = "="
    LE = "<="
    LT = "<"
    RANGE = "range"
    QUALITATIVE = "qualitative"


class ParsedValue(BaseModel):
    """The parsed form of a 年度指标值 or 实际完成值 (immutable: instances are shared).

    ``number`` is the value (the lower bound for a range); ``upper`` the upper bound of a
    range; ``unit`` the unit glued to the number (``%``, ``家``, ``小时/个``); ``word`` the
    qualitative word (``提升``, ``未进行``, or ``促进`` in ``促进(11人)``). ``operator_written``
    is false when the text has no comparison sign (``9月``) and ``=`` is implied.
    ``not_done`` marks actuals such as 未进行 / 未完成 that mean the work did not happen.
    """

    model_config = ConfigDict(frozen=True)

    operator: Operator | None = None
    number: float | None = None
    upper: float | None = None
    unit: str = ""
    word: str = ""
    operator_written: bool = False
    not_done: bool = False

    @property
    def is_quantitative(self) -> bool:
        return self.number is not None and self.operator not in (None, Operator.QUALITATIVE)


class FundRow(BaseModel):
    """One row of the 项目资金 block. Amounts are in ``EvaluationTable.amount_unit``.

    年度资金总额 carries weight, rate and score; the other rows only on the forms that score
    them as well (其中:当年财政拨款, 基本支出 …), else they stay ``None``.
    """

    initial_budget: float | None = None
    full_year_budget: float | None = None
    executed: float | None = None
    weight: float | None = None
    rate_pct: float | None = None
    score: float | None = None
    reason: str = ""  # the form's own 原因 column (Sichuan), as printed
    kind: str = ""  # for a row in Funds.extra: by_income, by_expense, central_funds, … or ""
    # The one amount of a breakdown line that prints it beside its label (按收入性质分：2030.12,
    # the 部门整体 form's layout): the form does not say which column it is.
    amount: float | None = None
    cells: dict[str, CellRef] = Field(default_factory=dict)


# The kind of a funds row whose label no form lists but names a source (社会投入资金): whether
# it is one of the total's sources or a part of one, the printed text does not say.
UNLISTED_SOURCE = "unlisted"
# The kind of a sub-project's or a use's row in the funds block (格林镇新华村通组公路硬化 | 248.50
# | …, 按用途：设备购置费 | 420 | …): one of the parts the total is the sum of.
SUB_PROJECT = "sub_project"
# The national form's source rows under 年度资金总额, by field, as the form labels them.
SOURCE_LABELS = {
    "current_year_appropriation": "其中：当年财政拨款",
    "prior_year_carryover": "上年结转资金",
    "other": "其他资金",
}


class Funds(BaseModel):
    annual_total: FundRow = Field(default_factory=FundRow)
    current_year_appropriation: FundRow = Field(default_factory=FundRow)
    prior_year_carryover: FundRow = Field(default_factory=FundRow)
    other: FundRow = Field(default_factory=FundRow)
    # Rows beyond the four of the national form, by their printed label: the breakdowns by
    # income or by expenditure (财政专户管理资金, 基本支出 …), central and local funds.
    extra: dict[str, FundRow] = Field(default_factory=dict)

    def rows(self) -> dict[str, FundRow]:
        return {
            "annual_total": self.annual_total,
            "current_year_appropriation": self.current_year_appropriation,
            "prior_year_carryover": self.prior_year_carryover,
            "other": self.other,
        }


class Indicator(BaseModel):
    """One 三级指标 row.

    ``cells`` maps each field to the cell it was read from; a name or explanation broken over
    a page break has its first cell under ``name`` and the continuations under ``name+1``, …
    """

    l1: str
    l2: str
    name: str
    target: str
    actual: str
    weight: float | None
    score: float | None
    explanation: str
    target_value: ParsedValue = Field(default_factory=ParsedValue)
    actual_value: ParsedValue = Field(default_factory=ParsedValue)
    lines: list[int] = Field(default_factory=list)
    partial: bool = False  # cut off by the end of the document: printed only in part
    # a 其中 row whose points are part of the row above's (the table's note or its sums say
    # so): its own score is judged, but it is added into no sum
    within_above: bool = False
    cells: dict[str, CellRef] = Field(default_factory=dict)

    @property
    def row_id(self) -> str:
        return f"R{self.lines[0]}" if self.lines else "R?"


class ReadingDoubt(BaseModel):
    """Why a table may have been misread (the plausibility check), with the cells that show it."""

    reason: str  # one Chinese sentence
    evidence: list[CellRef] = Field(default_factory=list)
    # the funds block alone is in doubt (its amounts unread, or its columns taken one on):
    # the indicator rows were read apart from it and are reviewed; what reads the funds is not
    funds_only: bool = False
    # the indicator rows alone are in doubt (a name, a column of theirs): the funds block was
    # read apart from them and what reads it alone is reviewed (``Rule.funds_alone``)
    rows_only: bool = False


class DetailMismatch(BaseModel):
    """A value a form's detail view prints otherwise than the form (read from each)."""

    indicator: str
    field: str  # the value's role: target, actual, weight, score (or budget, executed)
    form: str  # as the form prints it
    detail: str  # as the detail prints it
    evidence: list[CellRef] = Field(default_factory=list)  # the form's cell, then the detail's


class DetailOf(BaseModel):
    """A table that is another's detail: the same subject's rows printed again one per line
    (a system's 指标明细 sheet beside its form), compared with that form value by value."""

    table: int  # the form's index among the report's tables
    rows: int  # its rows the detail prints (matched by name)
    mismatches: list[DetailMismatch] = Field(default_factory=list)


class Task(BaseModel):
    """One of a 部门整体 form's 年度主要任务: its name, what it covers, its budget and spending
    (in the table's amount unit), as printed."""

    name: str
    content: str = ""
    budget: float | None = None
    executed: float | None = None
    rate_pct: float | None = None  # its 执行率, where the form prints one
    status: str = ""  # its 完成情况, where the form prints one
    # its 其中 lines (其中：中央资金 | 1589.12 | 1589.12): parts of its amounts, no tasks
    parts: list[Task] = Field(default_factory=list)
    cells: dict[str, CellRef] = Field(default_factory=dict)


class Subtotal(BaseModel):
    """A 小计 row printed under a group of indicator rows (数量指标小计 | 20 | 19.58): its
    label, the rows it sums (indexes into ``indicators``; empty when they cannot be told), and
    the 分值 and 得分 it prints."""

    label: str
    rows: list[int] = Field(default_factory=list)
    weight: float | None = None
    score: float | None = None
    cells: dict[str, CellRef] = Field(default_factory=dict)


class EvaluationTable(BaseModel):
    """One project's (or, on a 部门整体 form, one department's) self-evaluation table.

    Every form family maps to this one shape; ``family`` names the form, ``labels`` keeps the
    form's own words for its columns and fields (``weight`` → 权重 on a Sichuan form), so that
    the memo can speak them.
    """

    project: str
    family: str = "national-2020"
    subject: str = "project"  # "department" on a 部门整体 form: it names a 部门, not a 项目
    department: str = ""
    implementer: str = ""
    year: int | None = None
    amount_unit: str = "元"
    funds: Funds = Field(default_factory=Funds)
    goal_expected: str = ""
    goal_actual: str = ""
    # the goal block's own points and score, on a form that scores it (区域绩效目标自评表:
    # 年度总体目标 | 分值 | 预期目标 | 实际完成情况 | 得分)
    goal_weight: float | None = None
    goal_score: float | None = None
    indicators: list[Indicator] = Field(default_factory=list)
    total_weight: float | None = None
    total_score: float | None = None
    # a form scored by deduction: its 扣分合计 (the 总分 is then 100 less it)
    total_deduction: float | None = None
    total_printed: bool = False
    # the share of the indicators' points the total counts, on a form scoring its rows on 100
    # (绩效指标折算得分(×80%): 0.8); None where the rows' points count as printed
    indicator_scale: float | None = None
    grade: str = ""
    first_line: int = 0
    last_line: int = 0
    labels: dict[str, str] = Field(default_factory=dict)  # role or field → printed label
    fields: dict[str, str] = Field(default_factory=dict)  # other printed fields (评价结论 …)
    notes: list[str] = Field(default_factory=list)  # notes printed under the table (注：…)
    stated_weights: dict[str, float] = Field(default_factory=dict)  # 产出指标(50分), footnotes
    subtotals: list[Subtotal] = Field(default_factory=list)  # 小计 rows among the indicators
    tasks: list[Task] = Field(default_factory=list)  # 年度主要任务 (部门整体 forms)
    tasks_total: Task | None = None  # their 合计 row, if printed
    complete: bool = True  # False: the document ends, or begins, inside this table (cut off)
    begins_inside: bool = False  # the text starts inside this table (no title, no header)
    ends_inside: bool = False  # the text stops inside this table (its last rows are missing)
    template_text: list[CellRef] = Field(default_factory=list)  # placeholder rows left (……)
    doubts: list[ReadingDoubt] = Field(default_factory=list)  # the plausibility check's
    # unfolded from a system's long export (one row per indicator, several projects): what the
    # export does not print (the goal, a 总分 row) is the export's omission, not the table's
    exported: bool = False
    # the same subject's rows printed again after its form (a system's 指标明细 sheet): the
    # rules compare it with the form rather than review it a second time
    detail_of: DetailOf | None = None
    cells: dict[str, CellRef] = Field(default_factory=dict)

    @property
    def counted(self) -> list[Indicator]:
        """The indicator rows whose points add up to the table's: all but the 其中 rows
        within the row above's (``Indicator.within_above``)."""
        return [i for i in self.indicators if not i.within_above]

    @property
    def rows_read(self) -> int:
        """The rows its reading read: the indicators, and a 部门整体 form's tasks."""
        return len(self.indicators) + len(self.tasks)

    @property
    def reliable(self) -> bool:
        """The indicator rows read without doubt: the score and arithmetic rules may judge
        them (a doubt on the funds block alone leaves them so; see ``funds_reliable``)."""
        return all(d.funds_only for d in self.doubts)

    @property
    def funds_reliable(self) -> bool:
        """Read without any doubt, its funds block too: what reads the funds may judge it."""
        return not self.doubts

    @property
    def funds_apart(self) -> bool:
        """Its funds block read without doubt, whatever its rows: what reads the funds block
        alone may judge it."""
        return all(d.rows_only for d in self.doubts)

    @property
    def name(self) -> str:
        """What the table is about: the project, or the department on a 部门整体 form."""
        return self.project or self.department


class Leftover(BaseModel):
    """A non-empty cell the parser could not place in the Report."""

    text: str
    location: Location
    reason: str


class Accounting(BaseModel):
    """Line accounting: every non-empty line is consumed or reported, never silently dropped."""

    nonempty_lines: int = 0
    consumed_lines: int = 0
    reported_lines: int = 0


class SummaryEntry(BaseModel):
    """A project's line in a summary of several projects' results printed beside their tables
    (a workbook's 汇总 sheet): its name, and the score and the rate the summary gives it."""

    project: str
    score: float | None = None
    rate_pct: float | None = None
    budget: float | None = None  # 全年预算数, in the summary's own unit
    executed: float | None = None
    cells: dict[str, CellRef] = Field(default_factory=dict)


class Report(BaseModel):
    source: str
    format: str = "text"
    encoding: str = ""
    tables: list[EvaluationTable] = Field(default_factory=list)
    leftovers: list[Leftover] = Field(default_factory=list)
    accounting: Accounting = Field(default_factory=Accounting)
    summaries: list[SummaryEntry] = Field(default_factory=list)


class Category(StrEnum):
    ARITHMETIC = "arithmetic"
    SCORING = "scoring"
    EXPLANATION = "explanation"
    CONSISTENCY = "consistency"
    INDICATOR = "indicator"
    STRUCTURE = "structure"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANKS[self]

    @property
    def label(self) -> str:
        """The word a reviewer uses: 错误 (wrong), 需核实 (ask), 提示 (remark)."""
        return _SEVERITY_LABELS[self]


# Built once, not on every call: findings are sorted and counted by these.
_SEVERITY_RANKS = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}
_SEVERITY_LABELS = {Severity.ERROR: "错误", Severity.WARNING: "需核实", Severity.INFO: "提示"}


class Evidence(BaseModel):
    """A verbatim quote from the document, with where it was found (when known)."""

    quote: str
    location: Location | None = None


class Finding(BaseModel):
    """One problem in one table, from a rule or from the LLM: the same shape for both."""

    code: str
    category: Category
    severity: Severity
    source: str = "rules"  # "rules" or "llm"
    project: str = (
        ""  # the table's subject (the department on a 部门整体 form); empty for the whole report
    )
    table_index: int | None = None  # None for a finding about the whole report
    indicator: str | None = None
    locations: list[Location] = Field(default_factory=list)
    message: str
    expected: str | None = None
    found: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    suggestion: str = ""


class DroppedFinding(BaseModel):
    """A model's finding that was not kept, and why (its texts as the model gave them, bounded)."""

    code: str | None = None  # the L-code, when the finding's kind was valid
    message: str = ""
    quotes: list[str] = Field(default_factory=list)  # the quotes at fault, if a quote was
    reason: str


class TableLlmStatus(BaseModel):
    """How the LLM review of one table went."""

    table_index: int
    project: str
    status: str  # "ok", "cached", "replayed", "failed", "skipped"
    error: str | None = None
    attempts: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    findings_kept: int = 0
    findings_dropped: int = 0  # dropped for want of grounding in the document (see ``dropped``)
    findings_invalid: int = 0  # dropped because they did not fit the answer schema
    dropped: list[DroppedFinding] = Field(default_factory=list)  # the first few, with reasons
    assessment: str = ""  # two or three sentences of overall assessment
    response_format: str | None = None  # json_schema / json_object / text: of the answer used


class LlmRun(BaseModel):
    """What the LLM stage did, for the memo footer and the JSON. Never holds the API key."""

    enabled: bool = False
    note: str = ""  # e.g. why it did not run, in Chinese
    stopped: str | None = None  # why the stage stopped early (key, quota, access, model)
    model: str | None = None
    base_url: str | None = None
    prompt_version: str | None = None
    response_format: str | None = None  # json_schema / json_object / text: what worked
    tables: list[TableLlmStatus] = Field(default_factory=list)
    requests: int = 0
    cache_hits: int = 0
    attempts: int = 0
    duplicates_dropped: int = 0  # findings dropped because a rule twin already reports them
    wasted_tokens: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    cost: float | None = None
    currency: str = ""  # of ``cost``, as configured (e.g. USD, CNY)

    @property
    def failed_tables(self) -> list[TableLlmStatus]:
        return [t for t in self.tables if t.status == "failed"]
