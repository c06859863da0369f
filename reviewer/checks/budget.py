"""B: budget execution — the rate, its rounding, its score, and low execution (B1–B4)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import lru_cache

from reviewer.checks.context import (
    Hit,
    ReportFacts,
    TableContext,
    cell_evidence,
    execution_against_target,
    scores_execution,
)
from reviewer.checks.recompute import target_met
from reviewer.checks.registry import report_rule, rule
from reviewer.config import Config
from reviewer.forms.template import without_instructions
from reviewer.forms.vocabulary import without_qizhong
from reviewer.lazyre import lazy_compile
from reviewer.model import (
    SOURCE_LABELS,
    Category,
    CellRef,
    EvaluationTable,
    FundRow,
    Indicator,
    Severity,
)
from reviewer.numbers import fmt, fmt_cents, fmt_rate, to_cents
from reviewer.parse.values import decimals, parse_amount, parse_percent, rounds_to

ROUNDING = {"half_up": ROUND_HALF_UP, "truncate": ROUND_FLOOR, "round_up": ROUND_CEILING}
ROUNDING_NAMES = {
    "half_up": "四舍五入",
    "truncate": "截尾（舍去）",
    "round_up": "向上取整（进一法）",
}
_EXECUTION_WORDS = lazy_compile(
    r"执行率|结余|节约|节支|未支付|尚未支付|未使用|未执行|未拨付|资金未|经费未|未(?:完成)?结算|待结算|按比例支付|"
    r"延期支付|分期支付|未一次性|支付方式|未到账|收回|调减|尾款|质保金|质量保证金|后支付|"
    r"结转使用|结转下年|结转至|资金结转|推迟至|延至|次年实施"  # carried into the next year
)


def budget_field(table: EvaluationTable) -> str:
    """The budget column the rate divides by: 全年预算数, or 年初预算数 on a form that prints
    no 全年预算数 (a 部门整体 form's 年初预算数(A) / 全年执行数(B))."""
    labels = table.labels
    if "funds.full_year_budget" not in labels and "funds.initial_budget" in labels:
        return "initial_budget"
    return "full_year_budget"


def row_rate(table: EvaluationTable, row: FundRow) -> Decimal | None:
    """A fund row's X / B × 100, exactly; None when it cannot be computed (B1: never divide by
    B = 0)."""
    budget = getattr(row, budget_field(table))
    if not budget or row.executed is None:
        return None
    return _rate(row.executed, budget)


def zero_budget(table: EvaluationTable) -> bool:
    """A project with no budget (全年预算数 printed 0, nothing executed) whose execution the form
    leaves unscored (执行率 and 得分 blank): the rate does not apply, it is not missing."""
    row = table.funds.annual_total
    return (
        getattr(row, budget_field(table)) == 0
        and not row.executed
        and row.rate_pct is None
        and row.score is None
    )


def exact_rate(table: EvaluationTable) -> Decimal | None:
    """年度资金总额's X / B × 100, exactly; None when it cannot be computed."""
    return row_rate(table, table.funds.annual_total)


@lru_cache(maxsize=256)
def _rate(executed: float, budget: float) -> Decimal:
    # Cached: several rules ask for the same table's rate (Decimal is immutable).
    return Decimal(str(executed)) / Decimal(str(budget)) * 100


def as_fraction(row: FundRow) -> bool:
    """Whether the row's rate was printed as a fraction (0.9862, read as 98.62%)."""
    ref = row.cells.get("rate_pct")
    printed = parse_percent(ref.text) if ref is not None else None
    return printed is not None and row.rate_pct is not None and printed != row.rate_pct


def printed_rate(row: FundRow) -> str:
    """The row's rate as the memo quotes it: in per cent, with the fraction as printed."""
    ref = row.cells.get("rate_pct")
    if ref is not None and as_fraction(row):
        return f"{ref.text}（即{fmt(row.rate_pct)}%）"
    return f"{fmt(row.rate_pct)}%"


def rate_conventions(table: EvaluationTable) -> tuple[set[str], bool] | None:
    """Which rounding conventions reproduce the printed rate, and whether the printed rate is
    within one unit of its last digit of the exact rate. None when there is nothing to check."""
    return row_rate_conventions(table, table.funds.annual_total)


def row_rate_conventions(table: EvaluationTable, row: FundRow) -> tuple[set[str], bool] | None:
    """``rate_conventions`` for any fund row that prints its own rate (a source's, a level's)."""
    exact = row_rate(table, row)
    ref = row.cells.get("rate_pct")
    if exact is None or row.rate_pct is None or ref is None:
        return None
    d = max(decimals(ref.text) - 2, 0) if as_fraction(row) else decimals(ref.text)
    unit = Decimal(1).scaleb(-d)
    printed = Decimal(str(row.rate_pct))
    fits = {name for name, mode in ROUNDING.items() if exact.quantize(unit, mode) == printed}
    return fits, abs(printed - exact) <= unit


@rule(
    "B101",
    "执行率计算错误",
    "execution-rate",
    Category.ARITHMETIC,
    Severity.ERROR,
    "强制",
    "budget",
    what="执行率应等于全年执行数 ÷ 全年预算数（不是年初预算数）；只印有年初预算数(A)和全年执行数(B)的表格（部门整体表）"
    "以(A)为分母；允许末位一个单位的取舍差异。资金来源各行（中央补助、地方资金等）印有各自执行率的，"
    "各按本行执行数 ÷ 预算数核对。执行率正确但未带百分号（且栏目未注明%）的，作为提示报告。",
    why="执行率决定预算执行得分；用错分母或算错都会直接改变总分。",
    example="全年预算数350000.00、全年执行数331685，执行率应为94.77%，表中填94.00%。",
    fix="按全年执行数 ÷ 全年预算数重新计算执行率，并相应调整得分。",
    funds=True,
    funds_alone=True,
)
def execution_rate(ctx: TableContext) -> Iterator[Hit]:
    yield from _total_rate(ctx.table)
    yield from _parts_rates(ctx.table)


def _parts_rates(t: EvaluationTable) -> Iterator[Hit]:
    """The rates the total's parts print (其中：中央补助 | … | 98.99%, 地方资金 | … | 92.50%):
    each its own executed ÷ budget, within a unit of its last digit."""
    funds = t.funds
    total = funds.annual_total
    field = budget_field(t)
    rows = [(SOURCES[k], getattr(funds, k)) for k in SOURCES]
    rows += [(label, r) for label, r in funds.extra.items() if not _SUM_LABEL.search(label)]
    for label, row in rows:
        if (getattr(row, field), row.executed) == (getattr(total, field), total.executed):
            continue  # the total's only source (总额 | 其中：财政资金 alike): the total's rate
        if row.rate_pct is None or not 0 <= row.rate_pct <= _MAX_RATE:
            continue  # no rate a row could print (1,610.2%): its cells read out of place
        checked = row_rate_conventions(t, row)
        if checked is None or checked[0] or checked[1]:
            continue
        exact = row_rate(t, row)
        assert exact is not None
        name = without_qizhong(label)
        yield Hit(
            f"{name}的执行率填报为{printed_rate(row)}，按{fund_label(t, 'executed')}÷"
            f"{_budget_label(t)}应为{fmt_rate(exact)}。",
            expected=fmt_rate(exact),
            found=f"{fmt(row.rate_pct)}%",
            evidence=cell_evidence(
                row.cells.get(budget_field(t)), row.cells.get("executed"), row.cells.get("rate_pct")
            ),
            suggestion=f"按{name}的执行数÷预算数重新计算其执行率。",
        )


_SUM_LABEL = lazy_compile(r"合计|小计|总计")  # a sum of other rows (a county's list): not a part
_MAX_RATE = 200.0


def _total_rate(t: EvaluationTable) -> Iterator[Hit]:
    checked = rate_conventions(t)
    if checked is None:
        return
    fits, within_unit = checked
    row = t.funds.annual_total
    if fits or within_unit:
        yield from _rate_without_percent(t)
        return
    exact = exact_rate(t)
    assert exact is not None
    wrong_base = _wrong_base(t)
    executed = fund_label(t, "executed")
    yield Hit(
        f"执行率填报为{printed_rate(row)}，按{executed}÷{_budget_label(t)}应为"
        f"{fmt_rate(exact)}{wrong_base}。",
        expected=fmt_rate(exact),
        found=f"{fmt(row.rate_pct)}%",
        evidence=cell_evidence(
            row.cells.get("full_year_budget"),
            row.cells.get("executed"),
            row.cells.get("rate_pct"),
            *(ref for label, ref in _other_bases(t) if label in wrong_base),
        ),
        suggestion="按全年执行数÷全年预算数重新计算执行率，并据此调整预算执行得分。",
    )


def _wrong_base(t: EvaluationTable) -> str:
    """What the printed rate was wrongly taken on, where one budget figure the block prints
    gives it: the initial budget (年初预算数), or the funds received (资金到位数)."""
    row = t.funds.annual_total
    x, rate = row.executed, row.rate_pct
    if x is None or rate is None:
        return ""
    b0 = row.initial_budget
    if budget_field(t) == "full_year_budget" and b0 and abs(x / b0 * 100 - rate) < _SAME_RATE:
        return "（表中执行率是以年初预算数为分母计算的）"
    for label, ref in _other_bases(t):
        base = parse_amount(ref.text)
        if base and abs(x / base * 100 - rate) < _SAME_RATE:
            return f"（表中执行率是以{label}为分母计算的）"
    return ""


def _other_bases(t: EvaluationTable) -> Iterator[tuple[str, CellRef]]:
    """The amounts other than the year's budget a rate may be wrongly taken on, by their
    printed labels: the funds received (资金到位数), a project's whole budget (项目总预算)."""
    got = t.funds.annual_total.cells.get("received")
    if got is not None:
        yield t.labels.get("funds.received", "资金到位数"), got
    for label in t.fields:
        if label.startswith(_WHOLE_BUDGETS) and (ref := t.cells.get(f"field:{label}")):
            yield label, ref


_WHOLE_BUDGETS = ("项目总预算", "项目总投资")


_SAME_RATE = 0.01  # per cent


def _rate_without_percent(t: EvaluationTable) -> Iterator[Hit]:
    """A rate that is right but printed as a bare number (20 for 20%) in a column whose label
    does not say it is in per cent: to be written with its % sign."""
    ref = t.funds.annual_total.cells.get("rate_pct")
    label = t.labels.get("funds.rate_pct", "执行率")
    if ref is None or "%" in ref.text or "％" in ref.text or "%" in label or "％" in label:
        return
    if as_fraction(t.funds.annual_total):
        return  # 0.9862 is a fraction, which no one reads as an amount or a score
    yield Hit(
        f"执行率填报为“{ref.text}”，未带百分号（应为{ref.text}%），易与金额或分值混淆。",
        expected=f"{ref.text}%",
        found=ref.text,
        evidence=cell_evidence(ref),
        severity=Severity.INFO,
        suggestion="执行率按百分数填写，带上百分号。",
    )


# The fund block's amount columns and its source rows, by field, as the national form names them.
AMOUNT_COLUMNS = {
    "initial_budget": "年初预算数",
    "full_year_budget": "全年预算数",
    "executed": "全年执行数",
}
SOURCES = SOURCE_LABELS


def fund_label(t: EvaluationTable, field: str) -> str:
    """A funds column as the table's form names it (调整后预算数, 预算数(A) …)."""
    return t.labels.get(f"funds.{field}", AMOUNT_COLUMNS.get(field, field))


def _budget_label(t: EvaluationTable) -> str:
    """The budget column the rate divides by, as the form names it."""
    return fund_label(t, budget_field(t))


@dataclass
class RoundingTally:
    """Which rounding conventions reproduce the printed rates, counted table by table (so that
    a report read one table at a time needs no more than this)."""

    tables: int = 0  # tables whose printed rate some convention reproduces
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, table: EvaluationTable) -> None:
        checked = rate_conventions(table)
        if checked is not None and checked[0]:
            self.tables += 1
            self.counts.update(checked[0])

    def note(self) -> tuple[str, str | None]:
        """(Chinese sentence on the rate rounding convention, convention name or None)."""
        if not self.tables:
            return "", None
        counts = {name: self.counts[name] for name in ROUNDING_NAMES}
        best = max(ROUNDING_NAMES, key=lambda name: (counts[name], name == "half_up"))
        n, k = self.tables, counts[best]
        text = f"执行率取舍方式：{n}张表的执行率中，{k}张与“{ROUNDING_NAMES[best]}”保留两位小数一致"
        if best != "half_up":
            half = counts["half_up"]
            text += f"（与四舍五入一致的仅{half}张）"
        text += "；末位一个单位以内的差异按取舍方式处理，不作为计算错误。"
        return text, best


def rounding_note(tables: Iterable[EvaluationTable]) -> tuple[str, str | None]:
    """(Chinese sentence on the rate rounding convention, convention name or None)."""
    tally = RoundingTally()
    for t in tables:
        tally.add(t)
    return tally.note()


@report_rule(
    "B102",
    "执行率取舍方式",
    "rate-rounding-convention",
    Category.ARITHMETIC,
    Severity.INFO,
    "强制",
    "budget",
    what="识别整份报告执行率的取舍方式；不是四舍五入（截尾或向上取整）时，在说明中报告一次。",
    why="执行率精确到0.01%；末位一个单位的差异是取舍方式造成的，不应逐表报为计算错误。",
    example="14张表的执行率均为向上取整，如99.8418%填为99.85%。",
    fix="无需修改；如当地要求四舍五入，统一按四舍五入填报。",
)
def rounding_convention(facts: ReportFacts, config: Config) -> Iterator[Hit]:
    """Said only when it explains something: rates rounded half up, the rule's own convention
    (and the one every exact rate such as 100% agrees with), need no note."""
    text, best = facts.rounding.note()
    if best is not None and best != "half_up":
        yield Hit(text, found=ROUNDING_NAMES[best])


def _score_check(
    rate: Decimal, row: FundRow, tolerance: float, by_printed: bool = True
) -> tuple[float, bool] | None:
    """(rate × 分值 capped at 分值, whether the row's printed 得分 agrees within tolerance, by the
    exact rate or, with ``by_printed``, by the printed, rounded one). None when the row prints
    no 分值."""
    if row.weight is None:
        return None
    by_exact = min(float(rate) * row.weight / 100, row.weight)
    if row.score is None:
        return by_exact, False
    candidates = [by_exact]
    if by_printed and row.rate_pct is not None:
        candidates.append(min(row.rate_pct * row.weight / 100, row.weight))
    ref = row.cells.get("score")
    # (a score printed to one decimal, 19.0 for 18.956: rounded, not overstated; a whole
    # number is not read so — the full 分值 printed for a rate short of 100% is the error)
    ok = row.score <= row.weight + 1e-9 and any(
        abs(row.score - c) <= tolerance + 1e-9
        or (ref is not None and rounds_to(ref.text, row.score, c))
        for c in candidates
    )
    return by_exact, ok


def expected_execution_score(table: EvaluationTable, tolerance: float) -> tuple[float, bool] | None:
    """(X / B × wb capped at wb, whether the printed score agrees with it within tolerance).

    The printed score may also be computed from the printed (rounded) rate; both agree.
    None when the score cannot be checked.
    """
    exact = exact_rate(table)
    if exact is None:
        return None
    return _score_check(exact, table.funds.annual_total, tolerance)


def scored_parts(table: EvaluationTable) -> list[tuple[str, FundRow]]:
    """The fund rows besides 年度资金总额 that print a 分值 and a 得分 of their own (a form that
    scores 当年财政拨款, or 基本支出 and 项目支出, as it scores the total), with their names."""
    funds = table.funds
    named = [(name, getattr(funds, field)) for field, name in SOURCES.items()]
    named += list(funds.extra.items())
    return [
        (n, r)
        for n, r in named
        if r.weight is not None
        and r.score is not None
        # (no row's points above the table's 100: amounts read under 分值 and 得分, a
        # breakdown's second side printed beside the first, 项目支出 340.00 530.30 462.48)
        and r.weight <= _TABLE_POINTS
    ]


_TABLE_POINTS = 100.0


def sources_total(table: EvaluationTable) -> FundRow | None:
    """The sums of the sources (当年财政拨款, 上年结转资金, 其他资金) for a 年度资金总额 printed with
    a budget of 0 over sources that have one (the total row left at zero); None otherwise."""
    funds = table.funds
    field = budget_field(table)
    if getattr(funds.annual_total, field) != 0:
        return None
    parts = [getattr(funds, p) for p in SOURCES]
    if not any(getattr(r, field) for r in parts):
        return None

    def summed(name: str) -> float | None:
        values = [getattr(r, name) for r in parts if getattr(r, field)]
        return None if None in values else round(sum(v or 0.0 for v in values), 6)

    return FundRow(
        initial_budget=summed("initial_budget"),
        full_year_budget=summed("full_year_budget"),
        executed=summed("executed"),
    )


def rate_over_parts(table: EvaluationTable) -> Decimal | None:
    """The rate of the sources' sums when the total row was left at zero (``sources_total``)."""
    summed = sources_total(table)
    return row_rate(table, summed) if summed is not None else None


def execution_score_over_parts(table: EvaluationTable, tolerance: float) -> Hit | None:
    """B103's finding on a 年度资金总额 left at a budget of 0 whose sources give a rate: its
    printed 得分 against that rate (None when it agrees, or cannot be checked)."""
    row = table.funds.annual_total
    rate = rate_over_parts(table)
    if rate is None or row.score is None or row.weight is None:
        return None
    checked = _score_check(rate, row, tolerance, by_printed=False)  # the printed rate is void
    if checked is None or checked[1]:
        return None
    by_parts = checked[0]
    field = budget_field(table)
    return Hit(
        f"年度资金总额一行{_budget_label(table)}为0，执行率无从计算，预算执行得分填报为{fmt(row.score)}分；"
        f"按其下各项资金合计，执行率为{fmt_rate(rate)}，× 分值{fmt(row.weight)}应为{fmt_cents(by_parts)}分。",
        expected=fmt_cents(by_parts),
        found=fmt(row.score),
        evidence=cell_evidence(
            row.cells.get(field), row.cells.get("rate_pct"), row.cells.get("score")
        ),
        severity=Severity.WARNING,  # the total row is to be filled in first: to ask about
        suggestion="填写年度资金总额一行的金额（各项资金之和），并据此计算执行率及其得分。",
    )


@rule(
    "B103",
    "预算执行得分计算错误",
    "execution-score",
    Category.SCORING,
    Severity.ERROR,
    "强制",
    "score",
    what="预算执行得分应等于执行率 × 预算执行分值，且不得超过该分值；另有分值和得分的资金行（其中:当年财政拨款、"
    "基本支出、项目支出等）同样核对。年度资金总额一行金额为0而其下各项资金有金额的，按各项合计的执行率核对得分。"
    "各项分别按自身执行率计分、总额一行的分值和得分恰为各项之和的，总额一行不再按总执行率核对。",
    why="预算执行得分是总分的一部分；算错或超出分值会虚增总分。",
    example="执行率59.30%，分值10分，得分应为5.93分，表中填8分。",
    fix="按执行率 × 分值重新计算预算执行得分（保留两位小数），不超过分值。",
    funds=True,
    funds_alone=True,
)
def execution_score(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    tolerance = ctx.thresholds.score_tolerance
    over_parts = execution_score_over_parts(t, tolerance)
    if over_parts is not None:
        yield over_parts
    exact = exact_rate(t)
    if exact is not None and not _scored_as_parts(t, tolerance):
        yield from _row_score(t, "", t.funds.annual_total, exact, tolerance)
        for row, indicator in _execution_rows(t):
            where = f"「{indicator.name}」一行的"
            yield from _row_score(t, where, row, exact, tolerance, indicator)
    total = _scored_figures(t.funds.annual_total)
    for name, row in scored_parts(t):
        rate = row_rate(t, row)
        if rate is not None and _scored_figures(row) != total:  # the total's twice: said once
            yield from _row_score(t, f"「{name}」一行的", row, rate, tolerance)


def _scored_as_parts(t: EvaluationTable, tolerance: float) -> bool:
    """The total's 分值 is its parts' (基本支出 5 + 项目支出 5) and its 得分 their 得分 added up
    (4.97 + 4.52 = 9.49): a form that scores each part by its own rate, the total by theirs,
    not by the total's rate (each part is checked on its own)."""
    total = t.funds.annual_total
    parts = [row for _, row in scored_parts(t)]
    if len(parts) < 2 or total.weight is None or total.score is None:
        return False
    weights = sum(r.weight or 0.0 for r in parts)
    scores = sum(r.score or 0.0 for r in parts)
    return abs(weights - total.weight) < 1e-6 and abs(scores - total.score) <= tolerance


def _execution_rows(t: EvaluationTable) -> Iterator[tuple[FundRow, Indicator]]:
    """Indicator rows that score the budget's execution (the Hebei form's 预算执行率 row, its
    权重 and 折算得分), as fund rows to check like the funds block's score. A row whose target
    is a rate below 100% (≥95%) is scored against that target, as the form's other rows are
    (its actual reaching it earns the row's weight): not checked here."""
    rate = t.funds.annual_total.cells.get("rate_pct")
    for i in t.indicators:
        if execution_against_target(i, t):
            continue
        if scores_execution(i, t) and i.weight is not None and i.score is not None:
            cells = {k: ref for k in ("weight", "score") if (ref := i.cells.get(k)) is not None}
            if rate is not None:
                cells["rate_pct"] = rate
            yield FundRow(weight=i.weight, score=i.score, cells=cells), i


def _scored_figures(row: FundRow) -> tuple[float | None, ...]:
    return row.initial_budget, row.full_year_budget, row.executed, row.weight, row.score


def _rate_refs(t: EvaluationTable, row: FundRow) -> list[CellRef | None]:
    """The cells a row's rate comes from: the printed rate, else its budget and executed."""
    if "rate_pct" in row.cells:
        return [row.cells["rate_pct"]]
    return [row.cells.get(budget_field(t)), row.cells.get("executed")]


def _row_score(
    t: EvaluationTable,
    where: str,
    row: FundRow,
    rate: Decimal,
    tolerance: float,
    indicator: Indicator | None = None,
) -> Iterator[Hit]:
    """A fund row's printed 得分 against its rate × 分值 (``where``: "" for 年度资金总额)."""
    checked = _score_check(rate, row, tolerance)
    if checked is None or row.score is None or row.weight is None:
        return
    by_exact, ok = checked
    if ok:
        return
    over = "，超过了分值" if row.score > row.weight else ""
    harsher = row.score < by_exact  # scored below the rule: to ask about, not an overstatement
    yield Hit(
        f"{where}预算执行得分填报为{fmt(row.score)}分{over}，按执行率{fmt_rate(rate)} × 分值"
        f"{fmt(row.weight)}应为{fmt_cents(by_exact)}分。",
        indicator=indicator,
        expected=fmt_cents(by_exact),
        found=fmt(row.score),
        evidence=cell_evidence(
            *_rate_refs(t, row), row.cells.get("weight"), row.cells.get("score")
        ),
        severity=Severity.WARNING if harsher else None,
        suggestion="按执行率 × 分值重新计算预算执行得分，不得超过分值。",
    )


_VISIBLE_ROWS = 3  # rows, at least, before "all of them met" says anything


def _visible_rows_all_met(ctx: TableContext, exact: Decimal) -> Iterator[Hit]:
    """B105 on a table cut off before its end, on a form without a 分值 column (20/80): the
    rows' share of the points is not known, but every visible row reaching its target while
    little was spent says the same."""
    t = ctx.table
    met = [m for i in t.indicators if (m := _met(ctx, i)) is not None]
    if len(met) < _VISIBLE_ROWS or not all(met):
        return
    yield Hit(
        f"预算执行率仅{shown_rate(t, exact)}，而表格可见的{len(met)}个指标均达到年度指标值"
        f"（表格不完整，其余指标未能核对），执行率低但得分高。",
        expected="指标完成程度与执行率相符",
        found=f"{len(met)}个指标均达标",
        evidence=cell_evidence(t.funds.annual_total.cells.get("rate_pct")),
        suggestion="核实各指标完成值是否真实；如属资金节约，应在说明中写明。",
    )


def _met(ctx: TableContext, ind: Indicator) -> bool | None:
    """Whether a row reached its target: as the rules judge it, or, where they cannot tell the
    direction (a target printed without ≥ or ≤), an actual equal to the target."""
    met = target_met(ind, ctx.config)
    if met is None:
        target, actual = ind.target_value.number, ind.actual_value.number
        if target is not None and actual is not None and target == actual:
            return True
    return met


def _to_cents(rate: Decimal) -> float:
    return float(to_cents(rate))


def shown_rate(table: EvaluationTable, exact: Decimal) -> str:
    """The rate as the table prints it, or the exact rate to 0.01 when it prints none; a
    printed rate other than the funds give (98.91% on 年初预算, B101's) follows the rate the
    funds give: 83.50%（表中填报为98.91%）."""
    ref = table.funds.annual_total.cells.get("rate_pct")
    if ref is None:
        return fmt_rate(exact)
    printed = ref.text if "%" in ref.text or "％" in ref.text else f"{ref.text}%"
    rate = table.funds.annual_total.rate_pct
    if rate is not None and abs(rate - float(exact)) > _SHOWN_RATE_SLACK:
        return f"{fmt_rate(exact)}（表中填报为{printed}）"
    return printed


_SHOWN_RATE_SLACK = 0.1  # points: a printed rate further off is not the funds' rate rounded


def _explains_execution(table: EvaluationTable, words: re.Pattern[str] = _EXECUTION_WORDS) -> bool:
    """Whether the unit's own words (not the template's instructions) explain the rate (by
    ``words``)."""
    texts = [table.goal_actual, table.funds.annual_total.reason, *table.fields.values()]
    texts += [i.explanation for i in table.indicators]
    # the rows' explanations under the table (偏差原因说明：…3.预算执行率偏低，主要是…), not the
    # form's own notes (注：执行率=全年执行数/全年预算数)
    texts += [ref.text for k, ref in table.cells.items() if k.startswith("explained:")]
    return any(words.search(without_instructions(t)) for t in texts if t)


# The funds left over because the work cost less than budgeted, or owed for work done and paid
# when the contract says (尾款, 质保金 after acceptance or the warranty; a bill not yet settled):
# the outputs done in full.
_SAVED = lazy_compile(
    r"节约|节支|节省|低于预算|成交价|中标价|招标价|结余资金(?:已)?(?:按规定)?(?:交回|上缴|收回)"
    r"|尾款|质保金|质量保证金|未(?:完成)?结算|待结算"
)


@rule(
    "B104",
    "执行率偏低未说明原因",
    "low-execution-unexplained",
    Category.EXPLANATION,
    Severity.WARNING,
    "系统",
    "budget",
    what="预算执行率低于阈值（默认90%，可配置）时，应说明原因。",
    why="各地一体化系统要求对执行率偏低说明原因（如四川要求低于90%须说明）；资金大量结余往往意味着产出未完成或预算编制不实。",
    example="全年预算数202800.00，执行数120241.08，执行率59.30%，实际完成情况与偏差说明均未提及资金结余原因。",
    fix="在实际完成情况或偏差原因栏说明资金结余的原因及改进措施。",
    funds=True,
)
def low_execution(ctx: TableContext) -> Iterator[Hit]:
    exact = exact_rate(ctx.table)
    limit = ctx.family.scoring.explain_execution_below or ctx.thresholds.low_execution_pct
    # (as printed to 0.01: 89.9998% is the 90.00% the form shows, not below 90%)
    if exact is None or _to_cents(exact) >= limit or _explains_execution(ctx.table):
        return
    row = ctx.table.funds.annual_total
    where = (
        "表格可见部分未说明资金未执行的原因（表格不完整，说明可能在截断之后），需向单位核实"
        if not ctx.table.complete
        else "实际完成情况与偏差原因栏均未说明资金未执行的原因"
    )
    # Below 80 % every system asks; between 80 and 90 % only some do (unless the form asks).
    ask = float(exact) < ctx.thresholds.low_execution_warn_pct or bool(
        ctx.family.scoring.explain_execution_below
    )
    yield Hit(
        f"预算执行率为{shown_rate(ctx.table, exact)}，低于{limit:g}%，{where}。",
        severity=None if ask else Severity.INFO,
        expected=f"≥ {limit:g}% 或说明原因",
        found=shown_rate(ctx.table, exact),
        evidence=cell_evidence(
            row.cells.get("full_year_budget"), row.cells.get("executed"), row.cells.get("rate_pct")
        ),
        suggestion="说明预算执行率偏低的原因（如资金结余、支付进度），并提出改进措施。",
    )


@rule(
    "B105",
    "执行率低但得分高",
    "low-execution-high-score",
    Category.CONSISTENCY,
    Severity.WARNING,
    "系统",
    "budget",
    what="执行率低于阈值时，指标完成程度（指标得分合计 ÷ 指标分值合计）超过执行率5%以上（相对值）的，提示“执行率低但得分高”；"
    "没有分值栏且被截断的表格，可见的指标（至少3个）全部达到年度指标值的，同样提示。表中已说明资金结余是节约所致（如采购成交价低于预算），"
    "或是按合同待验收、质保期满后支付的尾款、质保金及尚未结算的款项的，不提示。",
    why="一体化系统对“执行率低但得分高”给出预警：钱没有花完而产出全部完成，需要核实产出或预算是否真实。",
    example="执行率59.30%，而产出、效益、满意度指标几乎全部满分（完成程度97.8%）。",
    fix="核实指标完成值是否真实，或说明资金结余而产出已完成的原因（如节约）。",
    funds=True,
)
def low_execution_high_score(ctx: TableContext) -> Iterator[Hit]:
    exact = exact_rate(ctx.table)
    th = ctx.thresholds
    if exact is None or float(exact) >= th.low_execution_pct:
        return
    if _explains_execution(ctx.table, _SAVED):
        return  # the money saved, the outputs done: what the rule asks the unit to say
    inds = [i for i in ctx.table.counted if i.weight and i.score is not None]
    total_w = sum(i.weight or 0.0 for i in inds)
    scoring = ctx.family.scoring
    if not inds and scoring.weights != "column" and ctx.table.complete:
        # no 分值 column (20/80): the rows share the form's indicator points
        inds = [i for i in ctx.table.counted if i.score is not None]
        total_w = scoring.indicator_total if inds else 0.0
    if not total_w:
        if scoring.weights != "column" and not ctx.table.complete:
            yield from _visible_rows_all_met(ctx, exact)
        return
    completion = sum(i.score or 0.0 for i in inds) / total_w * 100
    if completion > float(exact) * (1 + th.completion_over_execution_pct / 100):
        row = ctx.table.funds.annual_total
        yield Hit(
            f"预算执行率仅{shown_rate(ctx.table, exact)}，而绩效指标完成程度达{completion:.1f}%，执行率低但得分高。",
            expected=f"完成程度 ≤ {float(exact) * (1 + th.completion_over_execution_pct / 100):.1f}%",
            found=f"{completion:.1f}%",
            evidence=cell_evidence(row.cells.get("rate_pct"), ctx.table.cells.get("total_score")),
            suggestion="核实各指标完成值是否真实；如属资金节约，应在说明中写明。",
        )
