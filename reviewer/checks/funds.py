"""F: the 项目资金 block — rows that add up, executed against budget, budget changes."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from reviewer.checks.budget import (
    AMOUNT_COLUMNS,
    SOURCES,
    execution_score_over_parts,
    fund_label,
    sources_total,
    zero_budget,
)
from reviewer.checks.context import Hit, TableContext, cell_evidence
from reviewer.checks.registry import rule
from reviewer.forms.template import without_instructions
from reviewer.lazyre import lazy_compile
from reviewer.model import (
    SOURCE_LABELS,
    SUB_PROJECT,
    UNLISTED_SOURCE,
    Category,
    CellRef,
    FundRow,
    Funds,
    Severity,
)
from reviewer.numbers import fmt
from reviewer.parse.values import decimals

_PARTS = tuple(SOURCES)


@rule(
    "F101",
    "资金来源合计不符",
    "fund-rows-add-up",
    Category.ARITHMETIC,
    Severity.ERROR,
    "强制",
    "budget",
    what="每一金额列中，年度资金总额应等于当年财政拨款、上年结转资金与其他资金之和（空白按0计）。"
    "部门整体表按收入性质、按支出性质分列的（按收入性质分：2030.12），各项之和应等于各自的合计，"
    "两个合计也应相等。表式未列的来源行（社会投入资金、债券资金等）可能是合计的来源，也可能是上一行的其中项："
    "加上其中某几行能凑成合计的不报告，怎样都凑不成的作为需核实提示。",
    why="资金来源合计是表格本身的算术；合计不符说明金额填报有误，后续执行率与得分均不可信。",
    example="年度资金总额全年预算数为0，而当年财政拨款为900000.00；按收入性质分2030.12，按支出性质分1925.67。",
    fix="核对各资金来源金额，使年度资金总额等于各来源之和。",
    funds=True,
    funds_alone=True,
)
def fund_rows_add_up(ctx: TableContext) -> Iterator[Hit]:
    yield from _sources_add_up(ctx)
    yield from _parts_by_column(ctx)
    yield from _breakdowns_add_up(ctx)
    yield from _basic_parts_add_up(ctx)


def _basic_parts_add_up(ctx: TableContext) -> Iterator[Hit]:
    """A 部门整体 form's 基本支出 against its 其中 lines (人员经费, 公用经费), column by column."""
    funds = ctx.table.funds
    details = _extra(funds, ("expense_detail",))
    basic = next(
        (r for name, r in funds.extra.items() if r.kind == "by_expense" and _BASIC in name), None
    )
    if basic is None or len(details) < _MIN_PARTS:
        return
    wrong: list[str] = []
    refs = []
    for col, claimed, added in _columns_apart_from(basic, details, (*AMOUNT_COLUMNS, "amount")):
        label = f"{_label(ctx, col)}：" if col != "amount" else ""
        wrong.append(f"{label}基本支出为{fmt(claimed)}，其中人员经费与公用经费之和为{fmt(added)}")
        refs += [basic.cells.get(col)] + [r.cells.get(col) for r in details]
    if wrong:
        yield Hit(
            "；".join(wrong) + "，两者不符。",
            evidence=cell_evidence(*refs),
            suggestion="核对基本支出及其中人员经费、公用经费的金额，使其中各项之和等于基本支出。",
        )


_BASIC = "基本支出"


def _sources_add_up(ctx: TableContext) -> Iterator[Hit]:
    funds = ctx.table.funds
    total = funds.annual_total
    rows = [getattr(funds, p) for p in _PARTS]
    if not total.cells or not any(r.cells for r in rows):
        return  # a form without source rows (20/80 prints the total only): nothing to add up
    income = _extra(funds, ("by_income",))
    if income:
        # a 部门整体 form's sources by income (一般公共预算拨款, 政府性基金拨款), its 上年结转
        # and 其他资金 among them: they add up to the total together, 财政拨款 too where it is
        # one of them (按收入性质分 | 财政拨款 | … over 其他收入 | …)
        rows = [funds.current_year_appropriation, *income, funds.prior_year_carryover, funds.other]
    elif _levels_among_sources(funds):
        # funds by level (中央补助, 自治区资金, 师市配套) in the place of 当年财政拨款, with
        # 上年结转 or 其他资金 beside them: together they make the total
        rows = [*_extra(funds, _LEVELS), funds.prior_year_carryover, funds.other]
    rows += _extra(funds, ("source",))  # a form's own sources beside them (财政专户管理资金)
    # rows no form lists (社会投入资金, 债券资金): sources of the total, or parts of one above
    # them; the sources add up with them or without them, else the sum is doubted, not wrong
    unlisted, settled = _unlisted_sources(funds, total, rows)
    if settled is None:
        return  # some of them make the total in every column
    wrong: list[str] = []
    refs = []
    expected_shown: list[str] = []
    found_shown: list[str] = []
    last_digit = True  # every difference one unit of the last printed digit
    for col in AMOUNT_COLUMNS:
        parts = [getattr(r, col) for r in rows]
        claimed = getattr(total, col)
        if all(v is None for v in parts):
            continue  # no source printed in this column (or none read): nothing adds up to it
        expected = round(sum(v or 0.0 for v in parts), 2)
        expected = round(expected + sum(getattr(r, col) or 0.0 for _, r in unlisted), 2)
        if abs((claimed or 0.0) - expected) > 0.005:
            last_digit = last_digit and _one_unit(total.cells.get(col), claimed, expected)
            label = _label(ctx, col)
            wrong.append(f"{label}：年度资金总额为{fmt(claimed)}，各资金来源合计为{fmt(expected)}")
            expected_shown.append(f"{label}{fmt(expected)}")
            found_shown.append(f"{label}{fmt(claimed)}")
            refs += [total.cells.get(col)] + [r.cells.get(col) for r in rows]
    if wrong and last_digit and ctx.table.amount_unit == "万元":
        # amounts in 万元 are rounded from 元 one by one: a sum a cent of 万元 off is rounding
        yield _rounded_apart(wrong, refs, "，".join(expected_shown), "，".join(found_shown))
    elif wrong and unlisted and not settled:
        names = "、".join(k for k, _ in unlisted)
        yield Hit(
            "；".join(wrong)
            + f"（含{names}），两者不符；{names}是否为年度资金总额的来源之一，表中未写明，需核实。",
            severity=Severity.WARNING,
            expected="，".join(expected_shown),
            found="，".join(found_shown),
            evidence=cell_evidence(
                *refs, *(r.cells.get(c) for _, r in unlisted for c in AMOUNT_COLUMNS)
            ),
            suggestion="核对各资金来源金额及其层级，使年度资金总额等于各来源之和。",
        )
    elif wrong:
        counted = f"（含{'、'.join(k for k, _ in unlisted)}）" if unlisted else ""
        yield Hit(
            "；".join(wrong) + f"{counted}，两者不符。",
            expected="，".join(expected_shown),
            found="，".join(found_shown),
            evidence=cell_evidence(*refs),
            suggestion="核对各资金来源金额，使年度资金总额等于当年财政拨款、上年结转资金与其他资金之和。",
        )


_MAX_UNLISTED = 6  # rows no form lists, at most, whose combinations are tried


def _unlisted_sources(
    funds: Funds, total: FundRow, rows: list[FundRow]
) -> tuple[list[tuple[str, FundRow]], bool | None]:
    """The rows no form lists (社会投入资金, 债券资金) that are the total's sources with
    ``rows``, and whether that is settled. Each may be a source or a part of a source above
    it: the combination that makes the total in the most amount columns is taken; None for
    settled when one makes every column (nothing wrong), True when one alone makes every
    column but one (that column wrong), else False (the sum to be checked, not called
    wrong)."""
    unlisted = [
        (k, r) for k, r in funds.extra.items() if r.kind == UNLISTED_SOURCE and _has_amounts(r)
    ]
    if not unlisted:
        return [], True
    columns = [c for c in AMOUNT_COLUMNS if any(getattr(r, c) is not None for r in rows)]
    if len(unlisted) > _MAX_UNLISTED or not columns:
        return unlisted, False
    best: tuple[int, list[tuple[str, FundRow]]] = (0, unlisted)
    tied = False
    for chosen in itertools.product((False, True), repeat=len(unlisted)):
        picked = [u for u, on in zip(unlisted, chosen, strict=True) if on]
        agree = sum(
            abs(
                (getattr(total, c) or 0.0)
                - sum(getattr(r, c) or 0.0 for r in (*rows, *(r for _, r in picked)))
            )
            <= 0.005
            for c in columns
        )
        if agree == len(columns):
            return picked, None
        if agree > best[0]:
            best, tied = (agree, picked), False
        elif agree == best[0]:
            tied = True
    if tied or best[0] < max(len(columns) - 1, 1):
        return unlisted, False  # no one combination stands out: all of them, to be checked
    return best[1], True  # one alone makes the total in every column but one


def _has_amounts(row: FundRow) -> bool:
    return any(c in row.cells for c in AMOUNT_COLUMNS)


def _extra(funds: Funds, kinds: tuple[str, ...]) -> list[FundRow]:
    """The rows beyond the national form's of these kinds that print an amount."""
    return [r for r in funds.extra.values() if r.kind in kinds and _has_amounts(r)]


_LEVELS = ("central_funds", "local_funds")


def _levels_among_sources(funds: Funds) -> bool:
    """Funds by level printed instead of 当年财政拨款, beside the form's 上年结转资金 or 其他资金
    rows: all of them are the total's sources (added up by ``_sources_add_up``)."""
    return (
        not funds.current_year_appropriation.cells
        and bool(funds.prior_year_carryover.cells or funds.other.cells)
        and bool(_extra(funds, _LEVELS))
    )


def _rounded_apart(wrong: list[str], refs: list[CellRef | None], expected: str, found: str) -> Hit:
    """A sum a unit of its last digit off its total, in 万元: rounding, said as a note."""
    return Hit(
        "；".join(wrong) + "，相差末位一个单位，可能是各项金额分别取整所致。",
        severity=Severity.INFO,
        expected=expected,
        found=found,
        evidence=cell_evidence(*refs),
        suggestion="如无取整原因，请核对各项金额。",
    )


def _one_unit(cell: CellRef | None, claimed: float | None, expected: float) -> bool:
    """The total differs from the sum by one unit of its last printed digit (65.46 for
    65.45), with two decimals printed."""
    if cell is None or claimed is None or decimals(cell.text) != 2:
        return False
    return abs(abs(claimed - expected) - 0.01) < 1e-6


def _parts_by_column(ctx: TableContext) -> Iterator[Hit]:
    """Rows that split 年度资金总额 in the amount columns besides the national sources: the
    部门整体 form's breakdown by expense (其中:基本支出 | 1,204.36 | …) and a transfer payment's
    funds by level (中央补助 / 省级资金 / 市县资金): each set against the total, column by
    column."""
    total = ctx.table.funds.annual_total
    if not total.cells:
        return
    funds = ctx.table.funds
    for kinds, name in _BY_COLUMN:
        if kinds == _LEVELS and (groups := _nested_levels(funds)) is not None:
            yield from _nested_levels_add_up(ctx, groups)
            continue
        parts = _extra(funds, kinds)
        if len(parts) < 2 or (kinds == _LEVELS and _levels_among_sources(funds)):
            continue
        if kinds in (_PLACES, _SUB_PROJECTS) and any(
            _SOME_LISTED.search(n) for n in ctx.table.notes
        ):
            continue  # (说明：仅列示3个重点帮扶乡镇, 仅列示主要子项目: not the whole)
        unlisted = _extra(funds, (UNLISTED_SOURCE,)) if kinds == _LEVELS else []
        whole, whole_name = total, "年度资金总额"
        if kinds == _LEVELS and (
            _agreeing(funds.current_year_appropriation, parts) > _agreeing(total, parts)
            or _opens_under(funds, funds.current_year_appropriation, parts)
        ):
            # funds by level under 其中：当年财政拨款 (中央补助 / 省级补助 / 县级配套, the
            # appropriation's parts, 上年结转 and 其他资金 beside it): set against it
            whole, whole_name = funds.current_year_appropriation, "当年财政拨款"
        if unlisted and not any(_columns_apart_from(whole, parts + unlisted, AMOUNT_COLUMNS)):
            continue  # the levels with the sources no form names (伊犁州资金) make the whole
        wrong: list[str] = []
        refs = []
        last_digit = True  # every difference one unit of the last printed digit
        for col, claimed, added in _columns_apart_from(whole, parts, AMOUNT_COLUMNS):
            last_digit = last_digit and _one_unit(whole.cells.get(col), claimed, added)
            label = _label(ctx, col)
            wrong.append(f"{label}：{whole_name}为{fmt(claimed)}，{name}之和为{fmt(added)}")
            refs += [whole.cells.get(col)] + [r.cells.get(col) for r in parts]
        if wrong and last_digit and ctx.table.amount_unit == "万元":
            yield _rounded_apart(wrong, refs, "", "")
        elif wrong:
            yield Hit(
                "；".join(wrong) + "，两者不符。",
                evidence=cell_evidence(*refs),
                suggestion=f"核对{name}的金额，使其合计等于{whole_name}。",
            )


def _opens_under(funds: Funds, whole: FundRow, parts: list[FundRow]) -> bool:
    """The parts' list opens with 其中 on the row printed right under ``whole`` (财政拨款 |
    其中：本级 | 上级转移支付): its parts, whatever their figures."""
    at = _position(whole) if whole.cells else None
    if at is None:
        return False
    labels = {id(row): label for label, row in funds.extra.items()}
    placed = [(p, row) for row in parts if (p := _position(row)) is not None]
    if not placed:
        return False
    first_at, first = min(placed, key=lambda pr: pr[0])
    if not _OF_WHICH.match(labels.get(id(first), "")):
        return False
    between = [
        p
        for row in [*funds.rows().values(), *funds.extra.values()]
        if row.cells and (p := _position(row)) is not None and at < p < first_at
    ]
    return at < first_at and not between


_Group = tuple[str, FundRow, list[FundRow]]


def _nested_levels(funds: Funds) -> list[_Group] | None:
    """Funds by level printed in groups, each opened by 其中 under the row above it (中央补助 |
    地方资金 | 其中：省级资金 | 市级资金 | 县级资金, or 其他资金 | 其中：自筹资金 | 社会资金): each
    group with the row it is part of, in printed order; None where the levels are one list
    under the total or the appropriation (``_parts_by_column`` sets those against the one that
    they make up)."""
    printed: list[tuple[tuple[int, int, int, int], str, FundRow, bool]] = []
    for field, row in funds.rows().items():
        if row.cells:
            if (at := _position(row)) is None:
                return None
            printed.append((at, SOURCE_LABELS.get(field, "年度资金总额"), row, False))
    for label, row in funds.extra.items():
        if row.cells:
            if (at := _position(row)) is None:
                return None
            level = row.kind in _LEVELS or row.kind == UNLISTED_SOURCE
            printed.append((at, label, row, level))
    printed.sort(key=lambda p: p[0])
    groups: list[_Group] = []
    current: list[FundRow] | None = None
    above: tuple[str, FundRow] | None = None
    member_of: dict[int, list[FundRow]] = {}  # a row's id → the group it was listed in
    for _, label, row, level in printed:
        if not level:
            current = None
        elif _OF_WHICH.match(label) and above is not None:
            current = []
            groups.append((_OF_WHICH.sub("", above[0]), above[1], current))
        elif current is None:
            current = []
            groups.append(("年度资金总额", funds.annual_total, current))
        elif (outer := _back_out(groups, row, member_of)) is not None:
            current = outer
        if current is not None:
            current.append(row)
            member_of[id(row)] = current
        above = (label, row)
    nested = len(groups) > 1 or any(whole is not funds.annual_total for _, whole, _ in groups)
    if not nested or not any(
        whole is not funds.annual_total and whole is not funds.current_year_appropriation
        for _, whole, _ in groups
    ):
        return None  # one list, under the total or the appropriation
    return groups


_OF_WHICH = lazy_compile(r"^\s*其中\s*[:：]?\s*")


def _back_out(
    groups: list[_Group], row: FundRow, member_of: dict[int, list[FundRow]]
) -> list[FundRow] | None:
    """The group to list ``row`` in when it cannot be a part of the row the open group is
    under: local money after the lines of 其中 under 中央资金 (中央资金 | 其中：新划入…资金 |
    省级资金) is 中央资金's sibling, listed with it; None to stay in the open group."""
    _, whole, _ = groups[-1]
    if whole.kind == "central_funds" and row.kind == "local_funds":
        return member_of.get(id(whole))
    return None


def _position(row: FundRow) -> tuple[int, int, int, int] | None:
    """Where the row was printed, to order the rows by: its page, its document's table, its line
    or row (a sheet's cell's row), then its column (a block laid out across names its sources
    along one line); None where its cells do not tell."""
    keys = []
    for c in row.cells.values():
        at = c.row if c.row is not None else c.line
        if at is None and c.cell and (m := _CELL_ROW.search(c.cell)) is not None:
            at = int(m.group(0))
        if at is not None:
            keys.append((c.page or 0, c.table or 0, at, c.column or 0))
    return min(keys) if keys else None


_CELL_ROW = lazy_compile(r"\d+$")  # B12 → 12


def _nested_levels_add_up(ctx: TableContext, groups: list[_Group]) -> Iterator[Hit]:
    """Each group of levels (two rows or more) against the row it is part of, column by
    column (a group of one may name one part only: 其中：中央资金 alone)."""
    for whole_name, whole, parts in groups:
        parts = [r for r in parts if _has_amounts(r)]
        if len(parts) < 2:
            continue
        wrong: list[str] = []
        refs: list[CellRef | None] = []
        for col, claimed, added in _columns_apart_from(whole, parts, AMOUNT_COLUMNS):
            wrong.append(
                f"{_label(ctx, col)}：{whole_name}为{fmt(claimed)}，其下各项之和为{fmt(added)}"
            )
            refs += [whole.cells.get(col)] + [r.cells.get(col) for r in parts]
        if wrong:
            yield Hit(
                "；".join(wrong) + "，两者不符。",
                evidence=cell_evidence(*refs),
                suggestion=f"核对{whole_name}下列各项的金额，使其合计等于{whole_name}。",
            )


def _columns_apart_from(
    whole: FundRow, parts: list[FundRow], columns: Iterable[str]
) -> Iterator[tuple[str, float, float]]:
    """(column, printed, parts' sum) for each column where ``parts`` all print an amount and
    their sum is not ``whole``'s."""
    for col in columns:
        claimed = getattr(whole, col)
        values = [getattr(r, col) for r in parts]
        if claimed is None or any(v is None for v in values):
            continue
        added = round(sum(v or 0.0 for v in values), 2)
        if abs(claimed - added) > 0.005:
            yield col, claimed, added


def _agreeing(whole: FundRow, parts: list[FundRow]) -> int:
    """The amount columns in which ``parts`` add up to ``whole``."""
    return sum(
        getattr(whole, col) is not None
        and all(getattr(r, col) is not None for r in parts)
        and abs(getattr(whole, col) - sum(getattr(r, col) for r in parts)) <= 0.005
        for col in AMOUNT_COLUMNS
    )


_PLACES = ("by_region",)  # a region's table: its funds by county or town
_SUB_PROJECTS = (SUB_PROJECT,)  # a project's funds by sub-project or by use
_SOME_LISTED = lazy_compile(r"仅列|未单列|非全部|未全部列")
_BY_COLUMN = (
    (("by_expense",), "按支出性质分各项"),
    (_LEVELS, "各级资金"),
    (_PLACES, "按地区分列的各项资金"),
    (_SUB_PROJECTS, "分列的各子项目（用途）资金"),
)


_SIDES = (
    ("income_total", "by_income", "按收入性质分"),
    ("expense_total", "by_expense", "按支出性质分"),
)


def _breakdowns_add_up(ctx: TableContext) -> Iterator[Hit]:
    """The 部门整体 breakdowns printed a line to a cell: each side's parts against its total,
    then the two totals against each other."""
    extra = ctx.table.funds.extra.values()
    lines = [r for r in extra if "amount" in r.cells]
    totals: dict[str, FundRow] = {}
    for total_kind, part_kind, name in _SIDES:
        total = next((r for r in lines if r.kind == total_kind and r.amount is not None), None)
        parts = [r for r in lines if r.kind == part_kind]
        if any(r.kind == part_kind and "amount" not in r.cells for r in extra):
            continue  # a part of the side read into the block's columns: the side not read whole
        if total is None:
            yield from _side_against_the_total(ctx, name, parts)
            continue
        totals[name] = total
        assert total.amount is not None
        if not any(p.amount is not None for p in parts):
            continue
        added = round(sum(p.amount or 0.0 for p in parts), 2)
        if abs(added - total.amount) > 0.005:
            yield Hit(
                f"{name}合计为{fmt(total.amount)}，其下各项之和为{fmt(added)}，两者不符。",
                expected=fmt(added),
                found=fmt(total.amount),
                evidence=cell_evidence(total.cells["amount"], *(p.cells["amount"] for p in parts)),
                suggestion=f"核对{name}的各项金额，使各项之和等于合计。",
            )
    if len(totals) == 2:
        income, expense = totals["按收入性质分"], totals["按支出性质分"]
        assert income.amount is not None and expense.amount is not None
        if abs(income.amount - expense.amount) > 0.005 and not _columns_apart(
            ctx.table.funds.annual_total, income.amount, expense.amount
        ):
            yield Hit(
                f"按收入性质分合计{fmt(income.amount)}，按支出性质分合计{fmt(expense.amount)}，"
                f"同一笔资金两种分列的合计相差{fmt(round(abs(income.amount - expense.amount), 2))}。",
                expected=fmt(income.amount),
                found=fmt(expense.amount),
                evidence=cell_evidence(income.cells["amount"], expense.cells["amount"]),
                suggestion="核对按收入性质和按支出性质分列的金额，使两者合计相等。",
            )


def _side_against_the_total(ctx: TableContext, name: str, parts: list[FundRow]) -> Iterator[Hit]:
    """A side printed without its own total (按支出性质分：基本支出 | 1,986.45 / 项目支出 |
    2,618.86): its parts' sum against 年度资金总额, which one of its columns must be."""
    total = ctx.table.funds.annual_total
    amounts = [p.amount for p in parts if p.amount is not None]
    columns = [(col, v) for col in AMOUNT_COLUMNS if (v := getattr(total, col)) is not None]
    if len(amounts) < _MIN_PARTS or len(amounts) < len(parts) or not columns:
        return
    added = round(sum(amounts), 2)
    if any(abs(added - v) <= 0.005 for _, v in columns):
        return
    shown = "、".join(f"{_label(ctx, col)}{fmt(v)}" for col, v in columns)
    yield Hit(
        f"{name}各项之和为{fmt(added)}，与年度资金总额（{shown}）均不相符。",
        expected=shown,
        found=fmt(added),
        evidence=cell_evidence(
            *(total.cells.get(col) for col, _ in columns), *(p.cells["amount"] for p in parts)
        ),
        suggestion=f"核对{name}的各项金额，使其合计等于年度资金总额。",
    )


_MIN_PARTS = 2


def _columns_apart(total: FundRow, a: float, b: float) -> bool:
    """Two breakdowns' totals that are two different columns of 年度资金总额 (the income side
    its 全年预算数, the expense side its 全年执行数): each a sum of its own, not one to compare."""
    columns = {col: getattr(total, col) for col in AMOUNT_COLUMNS}
    of_a = {col for col, v in columns.items() if v is not None and abs(v - a) <= 0.005}
    of_b = {col for col, v in columns.items() if v is not None and abs(v - b) <= 0.005}
    return bool(of_a) and bool(of_b) and not of_a & of_b


@rule(
    "F102",
    "执行数超过预算数",
    "executed-over-budget",
    Category.ARITHMETIC,
    Severity.WARNING,
    "强制",
    "budget",
    what="全年执行数不应超过全年预算数；资金分列子项目（用途）的，各子项目（用途）的执行数也不应超过其全年预算数。",
    why="执行数大于预算数属于数据异常：要么金额填错，要么存在超预算支出，均需核实。",
    example="全年预算数100000.00，全年执行数120000.00，执行率120%。",
    fix="核实执行数与预算数；如确有追加预算，应更新全年预算数。",
    funds=True,
)
def executed_over_budget(ctx: TableContext) -> Iterator[Hit]:
    row = ctx.table.funds.annual_total
    # A form without a 全年预算数 column (年初预算数(A) / 全年执行数(B)) compares with what it has;
    # one that prints the column and left it blank is F103's (the budget may have been adjusted
    # in the year: spending past 年初预算数 is then no finding).
    if not row.full_year_budget and "funds.full_year_budget" in ctx.table.labels:
        return
    field = "full_year_budget" if row.full_year_budget else "initial_budget"
    budget = getattr(row, field)
    if budget and row.executed is not None and row.executed > budget:
        label = _label(ctx, field)
        # the table's own words on the figure it printed (执行数338.92万元含…上年结转…, 执行率为
        # 100.93%): said, to be read, not a finding to check
        said = _said_in_table(ctx, row.cells.get("executed"), row.cells.get("rate_pct"))
        yield Hit(
            f"{_label(ctx, 'executed')}{fmt(row.executed)}超过{label}{fmt(budget)}"
            f"（{row.executed / budget * 100:.1f}%）"
            + ("，表中已说明原因，请核对说明是否成立。" if said else "。"),
            severity=Severity.INFO if said else None,
            expected=f"≤ {fmt(budget)}",
            found=fmt(row.executed),
            evidence=cell_evidence(row.cells.get(field), row.cells.get("executed")),
            suggestion="核实执行数与预算数；如有追加预算，应相应调整全年预算数。",
        )
    yield from _parts_over_budget(ctx)


def _parts_over_budget(ctx: TableContext) -> Iterator[Hit]:
    """A sub-project's or a use's row (``SUB_PROJECT``) spending past its own 全年预算数."""
    for name, part in ctx.table.funds.extra.items():
        budget = part.full_year_budget
        if part.kind != SUB_PROJECT or not budget or part.executed is None:
            continue
        if part.executed > budget + 0.005:
            yield Hit(
                f"「{name}」{_label(ctx, 'executed')}{fmt(part.executed)}超过其"
                f"{_label(ctx, 'full_year_budget')}{fmt(budget)}（{part.executed / budget * 100:.1f}%）。",
                expected=f"≤ {fmt(budget)}",
                found=fmt(part.executed),
                evidence=cell_evidence(
                    part.cells.get("full_year_budget"), part.cells.get("executed")
                ),
                suggestion="核实该子项目（用途）的执行数与预算数；如有调剂，应在表中说明。",
            )


def _said_in_table(ctx: TableContext, *cells: CellRef | None) -> bool:
    """Whether the table's texts (实际完成情况, the rows' explanations, the funds' reason, its
    other fields) quote one of these printed figures, or say the spending passed the budget
    (全年执行数超出全年预算数12.74万元)."""
    t = ctx.table
    text = t.goal_actual + "".join(i.explanation for i in t.indicators)
    text += without_instructions(t.funds.annual_total.reason) + "".join(t.fields.values())
    return _PASSED_BUDGET.search(text) is not None or any(
        c is not None and c.text and c.text in text for c in cells
    )


_PASSED_BUDGET = lazy_compile(
    r"(?:执行数|支出数?)[^。；;]{0,4}(?:超出|超过|高于|大于)[^。；;]{0,6}预算"
    # …or the overspend named with its amount (县级配套超出预算部分50.40万元由县级统筹解决)
    r"|超(?:出|过|支)?预算(?:部分|资金)?[^。；;\d]{0,4}\d"
)


def _label(ctx: TableContext, field: str) -> str:
    """A funds column as the form names it (调整后预算数, 预算数(A) …)."""
    return fund_label(ctx.table, field)


@rule(
    "F103",
    "全年预算数或执行数缺失",
    "budget-missing",
    Category.ARITHMETIC,
    Severity.ERROR,
    "强制",
    "budget",
    what="全年预算数缺失或为0时无法计算执行率；执行数一栏空白而填有执行率或得分时，执行率无从核对。",
    why="执行率以全年预算数为分母、全年执行数为分子；任一空白，执行率与其得分都无从计算或核对。",
    example="年度资金总额一行全年预算数为空，执行率却填写为100%；或只填了一个金额，执行数一栏为空。",
    fix="补填全年预算数和全年执行数；如项目确无预算，应说明情况。",
    funds=True,
)
def budget_missing(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    row = t.funds.annual_total
    if not row.cells or "funds.full_year_budget" not in t.labels:
        return  # no funds block in view, or a form without the column (年初预算数(A) only)
    if not row.full_year_budget:
        parts = [getattr(t.funds, p).full_year_budget for p in _PARTS]
        zero_over_parts = row.full_year_budget == 0 and any(parts)
        if zero_over_parts and execution_score_over_parts(t, ctx.thresholds.score_tolerance):
            return  # B103 says it, with the score the sources give
        if not zero_over_parts and zero_budget(t):
            yield Hit(
                f"年度资金总额的{_label(ctx, 'full_year_budget')}为0、未执行，执行率与其得分未填："
                "零预算项目不适用执行率。",
                severity=Severity.INFO,
                found=fmt(row.full_year_budget),
                evidence=cell_evidence(row.cells.get("full_year_budget")),
                suggestion="如确为零预算项目，请在表注中说明，总分按不含预算执行的分值折算。",
            )
            return
        yield Hit(
            f"年度资金总额的{_label(ctx, 'full_year_budget')}缺失或为0，无法计算执行率。",
            severity=Severity.WARNING if zero_over_parts else None,
            found=fmt(row.full_year_budget),
            evidence=cell_evidence(row.cells.get("full_year_budget"), row.cells.get("rate_pct")),
            suggestion="补填全年预算数，并据此重新计算执行率及其得分。",
        )
    elif row.executed is None and "funds.executed" in t.labels and _claims_rate_or_score(row):
        claimed = "、".join(
            _CLAIMED[f].format(ref.text) for f in _CLAIMED if (ref := row.cells.get(f)) is not None
        )
        yield Hit(
            f"年度资金总额一行只填了一个金额（{_label(ctx, 'full_year_budget')}"
            f"{fmt(row.full_year_budget)}），{_label(ctx, 'executed')}一栏空白，"
            f"填报的{claimed}无从核对。",
            severity=Severity.WARNING,
            found=f"{_label(ctx, 'executed')}空白",
            evidence=cell_evidence(
                row.cells.get("full_year_budget"), row.cells.get("rate_pct"), row.cells.get("score")
            ),
            suggestion="补填全年执行数，并据此核对执行率及其得分。",
        )


_CLAIMED = {"rate_pct": "执行率{}", "score": "得分{}分"}


def _claims_rate_or_score(row: FundRow) -> bool:
    return row.rate_pct is not None or row.score is not None


# A note that defines the form's columns (全年预算数=年初预算数+调整预算数, 追加(+)或调减(-)).
_DEFINES = lazy_compile(r"[=＝]|[(（][+＋\-－][)）]")


@rule(
    "F104",
    "预算调整未说明",
    "budget-changed",
    Category.CONSISTENCY,
    Severity.INFO,
    "系统",
    "budget",
    what="年初预算数与全年预算数差异较大（默认超过20%）时，应说明追加或调减的原因。",
    why="部分省份表格设有预算调整说明栏；年中大幅调整预算会改变执行率的分母，复核时应了解原因。",
    example="年初预算数1046000.00，全年预算数4030800.00，增加285%。",
    fix="在实际完成情况或说明中写明预算追加或调减的原因。",
    funds=True,
)
def budget_changed(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    row = t.funds.annual_total
    summed = sources_total(t)  # a total row left at zero: its sources say what it should
    amounts = summed if summed is not None else row
    b0, b = amounts.initial_budget, amounts.full_year_budget
    if b0 is None or not b:  # no budget at all is F103's
        return
    # A form that asks for a reason for any adjustment (Sichuan) wants one for any change.
    required = ctx.family.scoring.explain_any_adjustment
    change = (b - b0) / b0 * 100 if b0 else 100.0
    if abs(change) < 0.005 or (abs(change) <= ctx.thresholds.budget_change_pct and not required):
        return
    # (the goal's text too: 年中省级追加下达资金200万元，全年预算调整为1000万元 in 预期目标)
    text = t.goal_expected + t.goal_actual + "".join(i.explanation for i in t.indicators)
    text += without_instructions(row.reason) + "".join(t.fields.values())
    # a note explaining the change (说明：…年中追加…); not the form's own defining its columns
    # (注：调整预算数为年度内追加(+)或调减(-)的预算数，全年预算数=年初预算数+调整预算数)
    text += "".join(n for n in t.notes if not _DEFINES.search(n))
    if any(w in text for w in ("追加", "调减", "调增", "调整预算", "预算调整", "调整后")):
        return
    verb = "增加" if b > b0 else "减少"
    size = f"{abs(change):.1f}%" if b0 else "（年初为0）"
    whose = "" if summed is None else "按各项资金合计，"
    yield Hit(
        f"{whose}{_label(ctx, 'full_year_budget')}较{_label(ctx, 'initial_budget')}{verb}{size}"
        f"（{fmt(b0)} → {fmt(b)}），表中未说明调整原因。",
        severity=Severity.WARNING if required else None,
        expected=f"差异 ≤ {ctx.thresholds.budget_change_pct:g}% 或有说明",
        found=f"{change:+.1f}%",
        evidence=cell_evidence(
            *(
                r.cells.get(f)
                for r in ([row] if summed is None else [getattr(t.funds, p) for p in _PARTS])
                for f in ("initial_budget", "full_year_budget")
            )
        ),
        suggestion="说明年中追加或调减预算的原因。",
    )
