"""What a check sees (the table and the configuration) and what it returns (hits)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reviewer.checks.recompute import Expectation, expect, target_met
from reviewer.config import Config, Thresholds
from reviewer.forms.families import DEFAULT, Family
from reviewer.forms.vocabulary import key
from reviewer.lazyre import lazy_compile
from reviewer.model import (
    CellRef,
    EvaluationTable,
    Evidence,
    Indicator,
    Leftover,
    Operator,
    Report,
    Severity,
    SummaryEntry,
)
from reviewer.parse.values import is_placeholder

if TYPE_CHECKING:
    from reviewer.checks.budget import RoundingTally


@dataclass(slots=True)
class Hit:
    """A rule firing once. The engine turns it into a Finding with the rule's code."""

    message: str
    indicator: Indicator | None = None
    # the row's name where the rule holds no row (a report's rule, its tables read and gone)
    indicator_name: str | None = None
    expected: str | None = None
    found: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    suggestion: str = ""
    severity: Severity | None = None  # overrides the rule's default (e.g. by size)


def _rounding_tally() -> RoundingTally:
    from reviewer.checks.budget import RoundingTally  # budget's rules import this module

    return RoundingTally()


@dataclass(frozen=True, slots=True)
class MissedRow:
    """A row that missed its target, as a report's rules quote it (not the row itself: a
    report read one table at a time holds no table's rows)."""

    name: str
    target: str
    actual: str
    evidence: tuple[Evidence, ...]

    @classmethod
    def of(cls, ind: Indicator) -> MissedRow:
        return cls(
            ind.name, ind.target, ind.actual, tuple(indicator_evidence(ind, "target", "actual"))
        )


MISSED_SHOWN = 3  # missed rows a message names, at most


@dataclass(frozen=True, slots=True)
class ProjectResult:
    """A table's printed total and execution rate, with their cells; its subject (the project,
    or the department on a 部门整体 form) and the amounts the rate is of."""

    total: float | None
    total_cell: CellRef | None
    rate: float | None
    rate_cell: CellRef | None
    name: str = ""
    department: bool = False  # a 部门整体 form: ``name`` is the department's
    budget: float | None = None  # 全年预算数, in the table's own unit (see ``factors``)
    budget_cell: CellRef | None = None
    executed: float | None = None
    executed_cell: CellRef | None = None
    factors: tuple[float, ...] = (1.0,)  # what its amounts are multiplied by to be 元
    year: int | None = None
    reliable: bool = True  # False: doubted (its figures no result to hold a text against)
    # its rows that missed their targets, the first few (gathered where a configuration judges
    # them), and how many: what a report's prose saying every target was met is held against
    missed: tuple[MissedRow, ...] = ()
    missed_count: int = 0

    @classmethod
    def of(cls, table: EvaluationTable, missed: list[Indicator] | None = None) -> ProjectResult:
        total = table.total_score if table.total_printed else None
        row = table.funds.annual_total
        department = table.subject == "department"
        return cls(
            total,
            table.cells.get("total_score"),
            row.rate_pct,
            row.cells.get("rate_pct"),
            name=table.department if department else table.project,
            department=department,
            budget=row.full_year_budget,
            budget_cell=row.cells.get("full_year_budget"),
            executed=row.executed,
            executed_cell=row.cells.get("executed"),
            factors=unit_factors(table),
            year=table.year,
            reliable=table.funds_reliable,  # (no doubt at all)
            missed=tuple(MissedRow.of(i) for i in (missed or [])[:MISSED_SHOWN]),
            missed_count=len(missed or []),
        )


def unit_factors(t: EvaluationTable) -> tuple[float, ...]:
    """What the fund block's figures are multiplied by to be 元: by its unit when the form
    prints one (万元, 元); either, when it prints none (145.00 under 预算数, 河北)."""
    if "万" in t.amount_unit:
        return (10_000.0,)
    printed = any("元" in label for key, label in t.labels.items() if key.startswith("funds"))
    return (1.0,) if printed else (1.0, 10_000.0)


# The cells of a row whose printed text a correction notice is looked for in.
_PRINTED_FIELDS = ("target", "actual", "weight", "score")


@dataclass
class ReportFacts:
    """What the whole-report rules see: the content left unparsed and the rates' rounding,
    gathered table by table (``add_table``), so that a report read one table at a time is
    checked as a whole without being held."""

    leftovers: list[Leftover] = field(default_factory=list)
    rounding: RoundingTally = field(default_factory=_rounding_tally)
    # a summary of several projects' results (汇总), and each table's results by its project's
    # name (None for a name two tables share): what the summary is held against
    summaries: list[SummaryEntry] = field(default_factory=list)
    results: dict[str, ProjectResult | None] = field(default_factory=dict)
    # every table's, in order: what a report's own prose (a leftover) is held against
    tables: list[ProjectResult] = field(default_factory=list)
    # each indicator row's printed target, actual, 分值 and 得分, by its name's key: what a
    # correction notice's cells are looked for in (already corrected, or not)
    printed: dict[str, set[str]] = field(default_factory=dict)
    # what judges the rows' targets met (``ProjectResult.missed``); None: not judged
    config: Config | None = None
    # Given (a report held whole), each row's expectation as judging its target worked it out
    # under ``config``, by the row's id (the row kept: an id is no row's once it is freed), for
    # the table's rules to read rather than work out again (``TableContext.known``).
    expected: dict[int, tuple[Indicator, Expectation]] | None = None

    def add_table(self, table: EvaluationTable) -> None:
        self.rounding.add(table)
        missed: list[Indicator] = []
        if self.config is not None and table.reliable:
            config = self.config
            expected = self.expected
            for i in table.indicators:
                if i.partial:
                    continue
                if i.weight is None or expected is None:
                    met = target_met(i, config)
                else:  # (target_met's own work for a weighted row, kept)
                    e = expect(i, config)
                    expected[id(i)] = (i, e)
                    met = e.met
                if met is False:
                    missed.append(i)
        result = ProjectResult.of(table, missed)
        self.tables.append(result)
        for i in table.indicators:
            printed = self.printed.setdefault(key(i.name), set())
            for f in _PRINTED_FIELDS:  # a loop, not generators: this runs for every row
                if (c := i.cells.get(f)) is not None:
                    printed.add("".join(c.text.split()).lstrip("=＝"))
        if table.project:
            name = key(table.project)
            self.results[name] = None if name in self.results else result

    @classmethod
    def of(
        cls, report: Report, config: Config | None = None, keep_expected: bool = False
    ) -> ReportFacts:
        """The facts of ``report``'s tables (``keep_expected``: with their rows' expectations,
        for the tables' rules)."""
        facts = cls(
            leftovers=report.leftovers,
            summaries=report.summaries,
            config=config,
            expected={} if keep_expected else None,
        )
        for table in report.tables:
            facts.add_table(table)
        return facts


@dataclass(slots=True)
class TableContext:
    table: EvaluationTable
    index: int
    config: Config
    family: Family = DEFAULT  # the form's family: its conventions (points, labels)
    # The document stops before the table's indicators began (the rules see only the rows
    # printed whole, so a table cut inside its first row has none either: this tells them apart).
    cut_before_indicators: bool = False
    # The rows whose weight no 分值 cell prints but their category's points fix (``implied``).
    implied: frozenset[int] = frozenset()
    _expectations: dict[int, Expectation] = field(default_factory=dict)
    # Per-table results several rules share, computed once (e.g. the narrative's claims).
    shared: dict[str, object] = field(default_factory=dict)
    # Rows' expectations already worked out under ``config`` (``ReportFacts.expected``).
    known: dict[int, tuple[Indicator, Expectation]] | None = None

    def expect(self, ind: Indicator) -> Expectation:
        """What the rules say ``ind`` should score (computed once per row), a lower-is-better
        row by the ratio where the table's note says the form scores it so."""
        key = id(ind)
        e = self._expectations.get(key)
        if e is None:
            scoring = self._scoring()
            found = self.known.get(key) if self.known is not None else None
            if found is not None and found[0] is ind and scoring is self.config:
                e = found[1]  # the same row under the same configuration: worked out before
            else:
                e = expect(ind, scoring)
            self._expectations[key] = e
        return e

    def _scoring(self) -> Config:
        """The configuration the table's rows are scored under: the run's, with a lower-is-
        better row scored as weight × target ÷ actual where a note says so (反向得分=权重×目标值/
        实际值)."""
        config = self.shared.get(_SCORING_KEY)
        if not isinstance(config, Config):
            config = self.config
            if config.lower_is_better != "ratio" and any(
                _REVERSE_BY_RATIO.search(n) for n in self.table.notes
            ):
                config = config.model_copy(update={"lower_is_better": "ratio"})
            self.shared[_SCORING_KEY] = config
        return config

    def met(self, ind: Indicator) -> bool | None:
        """Whether ``ind`` reached its target (None: cannot be told), on a form with or
        without a 分值 column."""
        if ind.weight is None:
            return target_met(ind, self.config)
        return self.expect(ind).met

    @property
    def thresholds(self) -> Thresholds:
        return self.config.thresholds

    def recomputed_total(self) -> float:
        """The table's total under the rules (computed once: the rules and the memo share it)."""
        total = self.shared.get("recomputed_total")
        if total is None:
            from reviewer.checks.totals import recomputed_total

            total = self.shared["recomputed_total"] = recomputed_total(
                self.table, self.config, self.expect
            )
        assert isinstance(total, float)
        return total


_SCORING_KEY = "scoring-config"
# A note scoring lower-is-better rows by the ratio (反向得分=权重×目标值/实际值, 反向指标得分 = 分值
# × 指标值 ÷ 实际完成值, “≤”类指标…超过目标值的，得分=分值×目标值/实际值).
_REVERSE_BY_RATIO = lazy_compile(
    r"(?:反向[^。；;]{0,8}?|[≤≦]”?类指标[^。]{0,30}?)"
    r"得分\s*[=＝]\s*(?:权重|分值)\s*[×*xX]\s*(?:年度)?(?:目标值|指标值)"
    r"\s*[/÷]\s*(?:实际值|实际完成值|完成值)"
)


def cell_evidence(*refs: CellRef | None) -> list[Evidence]:
    """Evidence from table cells, quoted as printed."""
    # A CellRef is a Location (with the text): it serialises as the Location it is.
    return [Evidence(quote=r.text, location=r) for r in refs if r is not None]


def _field_refs(ind: Indicator, field: str) -> list[CellRef]:
    """The cells a field was read from (several when a page break split it)."""
    first = ind.cells.get(field)
    if first is None:
        return []
    refs = [first]
    n = 1
    while (more := ind.cells.get(f"{field}+{n}")) is not None:
        refs.append(more)
        n += 1
    return refs


def labelled_cell(ind: Indicator, hints: tuple[str, ...], label: re.Pattern[str]) -> CellRef | None:
    """The row's cell in a column the form adds (单项指标完成情况, 完成率, 年初目标值), kept under
    its printed label: the first whose label holds one of ``hints`` (a first look, most rows
    having no such column) and whose normal form ``label`` finds."""
    for printed, ref in ind.cells.items():
        for h in hints:  # a loop, not any() and a generator: this runs for every cell
            if h in printed:
                if label.search(key(printed)) is not None:
                    return ref
                break
    return None


def indicator_evidence(ind: Indicator, *fields: str) -> list[Evidence]:
    """Evidence from an indicator's cells: its name plus the named fields."""
    refs = [r for f in ("name", *fields) for r in _field_refs(ind, f)]
    out = cell_evidence(*refs)
    if not refs and ind.name:  # an indicator built in code, without cells
        out.append(Evidence(quote=ind.name))
    return out


def left_blank(text: str) -> bool:
    """A cell printed empty, or with only a dash or slash (/, —, N/A): nothing filled in. 无 is
    a value (no accident, no deviation), not a blank."""
    return is_placeholder(text) and text.strip() != "无"


def ilabel(ind: Indicator) -> str:
    """How a memo names an indicator row."""
    return f"「{ind.name}」"


# The 一级 of a row that scores the budget's execution (预算执行率 printed as an indicator row
# of its own: the Hebei form's, the 2024 national form's) instead of the funds block.
EXECUTION_ROW = "预算执行率指标"


def scores_execution(ind: Indicator, table: EvaluationTable | None = None) -> bool:
    """The row scores the budget's execution: its 一级 and its name are 预算执行率; or, given its
    ``table``, a project's row named so (预算执行率, 资金执行率) where the funds block scores
    nothing (the Guangdong and Fujian forms score it among the rows, under 产出指标 or 资金管理)."""
    if ind.l1 == EXECUTION_ROW:
        return True
    if table is None or table.subject == "department":
        return False  # (a 部门整体 form scores 预算执行率 among the department's own rows)
    total = table.funds.annual_total
    return (
        total.weight is None
        and total.score is None
        and EXECUTION_NAME.fullmatch(ind.name) is not None
    )


# A row's name that says the budget's execution (预算执行率, 项目资金支出进度).
EXECUTION_NAME = lazy_compile(r"(?:项目)?(?:预算|资金)(?:执行|支出)(?:率|进度)")


def execution_against_target(ind: Indicator, table: EvaluationTable | None = None) -> bool:
    """A row scoring the budget's execution whose target is a rate below 100% (≥95%): scored
    against that target, as the form's other rows are, not as the rate × its weight."""
    target = ind.target_value
    return (
        scores_execution(ind, table)
        and target.operator in (Operator.GE, Operator.GT)
        and target.number is not None
        and target.number < _FULL_RATE
    )


_FULL_RATE = 100.0


def goal_scored(table: EvaluationTable) -> bool:
    """The goal block prints its own 分值/得分 (some 区域绩效目标自评表): points of its own
    beside the funds' and the indicators', so the sums of weights cannot be checked."""
    return "goal.points" in table.labels


def goal_score_unread(table: EvaluationTable) -> bool:
    """The goal block is scored and its score was not read: the total cannot be checked."""
    return goal_scored(table) and table.goal_score is None
