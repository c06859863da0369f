"""The funds block (项目资金 / 资金情况 / 预算执行情况): its columns, its rows, its unit.

Columns are mapped by the block's header labels in the family's words (年初预算数 / 全年预算数 /
调整后预算数 / 预算数(A) …); rows by their labels (年度资金总额 / 总额 / 其中：财政资金 …). Rows the
national form has no field for (财政专户管理资金, 基本支出, 中央补助 …) are kept in
``Funds.extra`` under their printed label. The Hebei form prints label and amount side by side
(预算数 | 6.84 | 到位数 | 6.84 | 执行数 | 6.84 | 100.00): such a row is read pair by pair.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Any

from reviewer.forms.families import Family
from reviewer.forms.vocabulary import key, lookup, lookup_slipped, unnumbered, without_qizhong
from reviewer.grid import Cell, Row
from reviewer.lazyre import lazy_compile
from reviewer.model import SUB_PROJECT, UNLISTED_SOURCE
from reviewer.parse import labels as lb
from reviewer.parse.values import (
    amount_head,
    is_placeholder,
    is_sheet_error,
    parse_amount,
    parse_percent,
    parse_points,
)
from reviewer.textnorm import Words

_ANCHORS = (
    "项目资金",
    "资金情况",
    "预算执行情况",
    "部门预算执行情况",  # (a 部门整体 form's: 部门预算执行情况(万元) | 年初预算数 | …)
    "年度预算执行情况",  # a 部门整体 form's, over a header of two rows (资金类别 | 预算资金情况 …)
    "年度预算申请",
    "年度预算情况",  # a 部门整体 form's (年度预算情况（万元）)
    "部门(单位)总体",
    "部门整体资金",
    "年度预算数",
    "部门预算资金",  # a 部门整体 form's (部门预算资金（万元） | 年初预算数 | …)
    "年度预算资金",
    "年度部门预算资金",  # (年度部门预算资金（万元） over a 部门整体 form's columns)
    "年度部门整体支出预算",  # a 部门整体 form's (年度部门整体支出预算执行情况（万元）)
    "部门整体支出预算",
    "部门资金",  # (部门资金（万元）)
    "年度资金(",  # (年度资金（万元）: its unit in brackets, not 年度资金总额's row)
)
# A first look for an anchor in a row's printed text (full-width brackets and spaces allowed).
_ANCHOR_HINT = lazy_compile(
    r"项目资|资金情况|预算执行情况|年度预算申请|年度预算情况|总体\s*资金|整体资金|年度预算数"
    r"|预算资金|整体支出预算|部门资金|年度资金\s*[(（]"
)
# A funds header has one of these (its anchor or a column label): a cheap first look.
_HEADER_HINTS = Words(("预算", "资金", "执行", "金额"))
_DIGIT = lazy_compile(r"\d")
_MAIN_ROWS = ("annual_total", "current_year_appropriation", "prior_year_carryover", "other")
# The block's one row named for what it measures, on the older forms (预算执行 | 450.00 | …).
_TOTAL_ROW_WORDS = frozenset({"预算执行", "预算执行情况", "资金执行"})
_AMOUNT_ROLES = frozenset({"initial_budget", "full_year_budget", "executed"})
_CLOSED = 0.005  # 万元: a column's sources and its total agree to the cent
# A row of its own printing the execution's score (执行率得分 | 9.39)
_SCORE_ROWS = frozenset({"执行率得分", "预算执行率得分", "预算执行得分", "资金执行得分"})
_NUMERIC = ("initial_budget", "full_year_budget", "executed", "weight", "rate_pct", "score")
_DEFAULT_COLUMNS = ("initial_budget", "full_year_budget", "executed", "weight", "rate_pct", "score")
_FILLER = ("其中：", "其中:", "其中", "—", "-")
_AMOUNTS = ("initial_budget", "full_year_budget", "executed")
_BARE_UNITS = ("万元", "元")  # an amount cell printed with its unit only: left blank
_UNIT_IN_BRACKETS = lazy_compile(r"[(（]\s*(万元|元)\s*[)）]?")
# A line of the 部门整体 breakdown printed in one cell: (其中：)label：amount (or nothing).
_INLINE = lazy_compile(r"^(?:其中\s*[:：])?\s*([^:：]+?)\s*[:：]\s*(.*?)\s*$")
_BREAKDOWN_KINDS = ("income_total", "expense_total", "by_income", "by_expense")
_POINTS_NOTE = lazy_compile(
    r"[(（]\s*(?:权重|分值)?\s*(\d+(?:\.\d+)?)\s*分\s*[)）]"
)  # (10分), （权重10分）
# A score's formula with the block's points (得分(20分*执行率), 得分（执行率×10分）).
_RATE_POINTS = lazy_compile(
    r"[(（]\s*(?:执行率\s*[*×xX]\s*)?(\d+(?:\.\d+)?)\s*分\s*(?:[*×xX]\s*执行率\s*)?[)）]"
)
_BRACKETED = lazy_compile(r"^(?:[(（][^()（）]*[)）])+$")  # one note or several run together
_NOTE = lazy_compile(r"[(（][^()（）]*[)）]")
_BRACKET_REST = lazy_compile(r"^[^()（）]{1,6}[)）]")  # a label's bracket closed on the next line
# A pair's label with its amount run into it (执行数84.69, 到位数：86.40): the amount.
_GLUED_AMOUNT = lazy_compile(r"^[\u4e00-\u9fff]{2,6}[:：]?\s*(\d[\d,]*(?:\.\d+)?%?)$")
# The figures of funds written as a sentence, each with what names it.
_SENTENCE_CHARS = 200
# An amount after its label: with its unit (120万元), or bare after a colon (全年预算数：45.00),
# as a cell of the label's lines prints it.
_AMOUNT_IN_WORDS = r"(?P<colon>[:：])?为?\s*(?P<v>\d[\d,]*(?:\.\d+)?(?:\s*万?元)?)(?![\d.%])"
_POINTS_IN_WORDS = r"[:：为]?\s*(?P<v>\d+(?:\.\d+)?)\s*分?(?![\d.%])"
# Each role's words, and whether a sentence alone on its line (a report's, above its form) is
# read by them too: the words a block's own cell uses besides (实际支出数, 资金到位数) are not.
_SENTENCE_FIGURES = (
    ("initial_budget", True, lazy_compile(r"年初预算(?:数|安排)?" + _AMOUNT_IN_WORDS)),
    (
        "full_year_budget",
        True,
        lazy_compile(r"(?:全年预算|调整后预算|(?<![年初])预算)(?:数)?" + _AMOUNT_IN_WORDS),
    ),
    ("executed", True, lazy_compile(r"(?:全年)?执行(?:数|金额)?" + _AMOUNT_IN_WORDS)),
    ("executed", False, lazy_compile(r"实际支出(?:数)?" + _AMOUNT_IN_WORDS)),
    ("received", False, lazy_compile(r"(?:资金)?到位(?:数|资金)?" + _AMOUNT_IN_WORDS)),
    ("rate_pct", True, lazy_compile(r"执行率[:：为]?\s*(?P<v>\d+(?:\.\d+)?\s*%|0\.\d+)")),
    ("weight", True, lazy_compile(r"预算执行情况[(（](?P<v>\d+(?:\.\d+)?)\s*分")),
    ("weight", True, lazy_compile(r"分值" + _POINTS_IN_WORDS)),
    ("score", True, lazy_compile(r"(?<![=＝])得分" + _POINTS_IN_WORDS)),
)
_SENTENCE_AMOUNTS = frozenset({"initial_budget", "full_year_budget", "executed", "received"})
_TRAILING_PAIRS = frozenset({"weight", "score", "rate_pct"})  # (… | 分值 | 10 | 得分 | 9.80)


_SIDES = ("income_total", "expense_total")  # the breakdowns' totals, as printed side by side
_SIDE_NAMES = {"income_total": "按收入性质分", "expense_total": "按支出性质分"}
_SIDE_TOTALS = frozenset(_SIDES)
_SIDE_AND_ITEM = lazy_compile(r"^按(?:收入|支出)性质分\s*[:：]\s*(\S.*)$")


def places_label(text: str) -> bool | None:
    """For a funds list's own label: True for a list of places (其中：按县（市、区）, 分乡镇
    （街道）：), False for the sources' (其中：按资金来源); None for any other text."""
    m = _BY_GROUP.match(text)
    return None if m is None else m.group("region") is not None


def source_label(text: str) -> bool:
    """A funds row's label no form lists that names a source of money (省市县资金, 社会投入资金)."""
    return _SOURCE_LABEL.fullmatch(_SPACE.sub("", text)) is not None


def place_name(text: str) -> bool:
    """A county's, a town's, a district's name as a list of places prints it (藁城区, 沂城街道)."""
    name = _SPACE.sub("", text)
    return _PLACE.match(name) is not None or _PLACE.match(without_qizhong(name)) is not None


def _row_kind(text: str, fund_rows: tuple[tuple[str, str], ...]) -> str | None:
    """The funds row a row label names; 其中:基本支出 as 基本支出 where the form's words do not
    list it with 其中."""
    kind = lookup(text, fund_rows)
    if kind in _SIDE_TOTALS and (m := _SIDE_AND_ITEM.match(text)) is not None:
        # a breakdown's first line under its side's label (按收入性质分：一般公共预算拨款 |
        # 4,105.31, a Word table's merged cell): the item's amount, a line of that side (its
        # 财政拨款收入 no national form's 当年财政拨款); the side's total not printed
        item = lookup(m.group(1), fund_rows) or lookup(without_qizhong(m.group(1)), fund_rows)
        if item is not None and item not in _SIDE_TOTALS:
            return "by_income" if kind == "income_total" else "by_expense"
    if kind is None and not text.startswith("其中"):
        # the block's label run into the row's (项目资金其中：当年财政拨款), a layout's doing
        head, _, rest = text.partition("其中")
        if rest and is_anchor(head):
            text = "其中" + rest
            kind = lookup(text, fund_rows)
    if kind is None and text.startswith("其中"):
        rest = without_qizhong(text)
        if rest and rest != text:
            kind = lookup(rest, fund_rows)
    if kind is None and (level := _LEVEL.match(text)) is not None:
        kind = lookup(text[level.end() :], fund_rows)  # 区域：自治区资金, 市县：县级配套资金
    if kind is None and (named := _LEVEL_NAMED.match(text)) is not None:
        # a level's money by its purpose's name (中央财政衔接资金, 省级衔接资金, 县级统筹资金)
        kind = "central_funds" if named.group(1) == "中央" else "local_funds"
    return kind


# The level of government a transfer payment's source row is marked with before its label.
_LEVEL = lazy_compile(r"^(?:区域|市县|省级|地方|本级)\s*[:：]\s*(?=\S)")


# A level of government's money named for what it is for, or by its place (其中：中央财政衔接资金,
# 县级衔接资金, 凭祥市本级资金, 崇左市财政资金).
_LEVEL_NAMED = lazy_compile(
    r"^(?:其中\s*[:：]\s*)?(?:(中央)|(?:[\u4e00-\u9fff]{1,6}(?:市|县|区|州|旗|盟))?"
    r"(?:省级|自治区|市级|州级|县级|区级|本级|财政))(?:财政)?[\u4e00-\u9fff]{0,8}资金$"
)

_BUDGETS = ("initial_budget", "full_year_budget")
# A sub-project's name as its funds row prints it: words, a number among them at most
# (格林镇新华村通组公路硬化, 1号片区); a source's, an expense's or a list's label is none.
_SUB_PROJECT_NAME = lazy_compile(r"[\u4e00-\u9fff][\u4e00-\u9fff\d（）()、]{1,39}")
# A list of parts' own label before its first name (按用途：设备购置费, 其中：贡江镇…工程).
_PARTS_LABEL = lazy_compile(
    r"^(?:其中[:：]?)?(?:(?:按|分)(?:用途|项目|子项目|支出内容|支出用途|费用类别)(?:分)?[:：])?"
)
_NOT_A_PROJECT = lazy_compile(r"其中|合计|总计|小计|(?:资金|拨款|收入|支出|经费|预算|结转|结余)$")
_MOST_POINTS = 100  # a form's whole points: a figure past them under 分值 is an amount


def _count(mapped: list[tuple[str, Cell | None]]) -> int:
    n = 0
    for _, c in mapped:  # a loop, not sum() over a generator: this runs for every funds row
        if c is not None:
            n += 1
    return n


def _fraction_rate(row: dict[str, Any], label: str) -> None:
    """A rate printed as a fraction (0.9862 for 98.62%) is read in per cent: when its cell and
    its column's label have no % sign, it is at most 1.5, and the row's amounts give a rate
    the fraction reading is nearer to than the per-cent one (0.5 under 执行率(%) is 0.5%)."""
    rate, executed = row.get("rate_pct"), row.get("executed")
    budget = row.get("full_year_budget") or row.get("initial_budget")
    ref = row["cells"].get("rate_pct")
    if rate is None or executed is None or not budget or ref is None or rate > 1.5:
        return
    if "%" in ref.text or "％" in ref.text or "%" in label or "％" in label:
        return
    exact = executed / budget * 100
    if exact >= 10 and abs(rate * 100 - exact) < abs(rate - exact):
        row["rate_pct"] = round(rate * 100, 10)


def funds_label_piece(text: str) -> str | None:
    """A piece of the vertical label 项目资金（元）, as a page break splits it (项目资 /
    金（万元）): the unit it states ("" if none); None for any other text."""
    m = _UNIT_IN_BRACKETS.search(text)
    rest = _UNIT_IN_BRACKETS.sub("", text)
    if (m and not rest) or (rest and lb.is_vertical_fragment(rest, "项目资金")):
        return m.group(1) if m else ""
    return None


def _block_label_piece(text: str) -> bool:
    """A piece of the block's own label printed down its rows (项目资金 / （万元）, 年度预算 /
    执行情况)."""
    return funds_label_piece(text) is not None or (
        len(text) >= _LABEL_PIECE and any(lb.is_vertical_fragment(text, a) for a in _ANCHORS)
    )


_LABEL_PIECE = 2


@lru_cache(maxsize=8192)
def is_anchor(text: str) -> bool:
    """``text`` is a funds block's own label (项目资金（万元）, 资金情况, 预算执行情况)."""
    k = unnumbered(text)
    return any(k.startswith(a) for a in _ANCHORS) and len(k) <= 24


def completes_header(header: Row, lower: Row, family: Family) -> bool:
    """The row under a funds header holds the ends of labels that wrapped in their cells
    (全年预算 | 全年执行 over 数 | 数): each piece short, under a header cell naming no column
    that names one with it."""
    heads = {c.column: c.text for c in header.cells}
    return bool(lower.cells) and all(
        c.column in heads
        and len(c.text) <= _TAIL_CHARS
        and _DIGIT.search(c.text) is None
        and column_role(heads[c.column], family) is None
        and column_role(heads[c.column] + c.text, family) is not None
        for c in lower.cells
    )


_TAIL_CHARS = 6  # a wrapped label's end (数, 预算数, （万元）)
_UNIT_NOTE = lazy_compile(r"^[(（](?:万[元兀]|[元兀])[)）]$")  # (兀: OCR's 元)


def tails_realigned(header: Row, lower: Row, family: Family) -> bool:
    """The ends of wrapped labels under a header read from a text whose empty cells were
    dropped (项目资金 | 年初预算数 | 全年预算 | … over （万元） | 数, the 数 numbered as the second
    cell): each end moved under the one label it completes, the block's unit under the label
    it stood under. False, and nothing moved, unless every piece finds its label."""
    if not lower.cells or len(lower.cells) > len(header.cells):
        return False
    heads = {c.column: c.text for c in header.cells}
    moves: dict[int, int] = {}  # index of the lower piece → the column it completes
    for k, c in enumerate(lower.cells):
        if len(c.text) > _TAIL_CHARS or _DIGIT.search(c.text) is not None:
            return False
        if _UNIT_NOTE.match(c.text) and c.column in heads:
            moves[k] = c.column  # （万元） under 项目资金: the block's unit
            continue
        fits = [
            col
            for col, text in heads.items()
            if column_role(text, family) is None and column_role(text + c.text, family)
        ]
        if len(fits) != 1:
            return False
        moves[k] = fits[0]
    if len(set(moves.values())) != len(moves):
        return False
    for k, col in moves.items():
        lower.cells[k].column = col
    return True


def run_on_header(rows: list[Row], family: Family) -> int:
    """A header whose lines stop inside their last cell, each next line opening with that
    cell's rest (资金情况 | 全年预算 / 数（A） | 全年执行 / 数（B） | 执行率 / （B/A） | 分值 | 得分):
    the rests join their cells and the lines' other cells go on the header after them, when
    every label past the first then names a column, each once, and more than the first line
    named. The number of lines read into ``rows[0]`` (0: nothing joined)."""
    header = rows[0]
    groups: list[list[Cell]] = [[c] for c in header.cells]
    lines = 1
    while lines < min(len(rows), _RUN_ON_LINES + 1) and len(groups) > 1:
        cells = rows[lines].cells
        if (
            len(cells) < 2  # a rest and a label after it (not a layout's cell a line)
            or len(cells[0].text) > _TAIL_CHARS
            or _DIGIT.search(rows[lines].joined)
        ):
            break
        groups[-1].append(cells[0])
        groups += [[c] for c in cells[1:]]
        lines += 1
    if lines == 1:
        return 0
    roles = [column_role("".join(c.text for c in g), family) for g in groups[1:]]
    named = sum(column_role(c.text, family) is not None for c in header.cells[1:])
    if None in roles or len(set(roles)) < len(roles) or len(roles) <= named:
        return 0
    first = header.cells[0].column
    joined: list[Cell] = []
    for k, (head, *rests) in enumerate(groups):
        if rests:
            head.printed = head.printed or head.text
            head.text += "".join(c.text for c in rests)
            for c in rests:
                c.used = True
        if head.column != first + k:
            head.move(first + k - head.column)
        joined.append(head)
    header.cells = joined
    header.joined = "\t".join(c.text for c in joined)
    return lines - 1


_RUN_ON_LINES = 4  # the lines a funds header's run-on labels take after its first


def widened_header(header: Row, lower: Row, family: Family) -> Row | None:
    """The header with the columns its lower row adds past its last cell (预算数(A) | 执行数(B)
    | 执行率 over (B/A) | 得分: 得分 a column of its own), that row's notes under the header's
    cells read with them; None when the lower row is not such a row."""
    if not header.cells or not lower.cells:
        return None
    last = max(c.column for c in header.cells)
    heads = {c.column for c in header.cells}
    taken = {column_role(c.text, family) for c in header.cells}
    added: list[Cell] = []
    for c in lower.cells:
        if c.column > last:
            role = column_role(c.text, family)
            if role is None or role in taken or _DIGIT.search(c.text):
                return None
            taken.add(role)
            added.append(c)
        elif c.column not in heads or _BRACKETED.match(c.text) is None:
            return None
    if not added:
        return None
    for c in lower.cells:
        c.used = c.used or c not in added  # the notes, read with the labels they stand under
    return Row([*header.cells, *added], header.line, header.page_break_before)


def _stated(notes: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The unit and the points a run of bracketed notes states (（万元）（20分）), each if any."""
    found = _NOTE.findall(notes)
    unit = next((m for n in found if (m := _UNIT_IN_BRACKETS.fullmatch(n))), None)
    points = next((m for n in found if (m := _POINTS_NOTE.fullmatch(n))), None)
    return unit, points


def column_role(text: str, family: Family) -> str | None:
    role = lookup(text, family.fund_columns)
    if role is None and (bare := lb.UNIT_AFTER.sub("", text)) != text:
        role = lookup(bare, family.fund_columns)  # 预算数(A)（万元）: the amounts' unit after it
    if role is None and text.startswith(_THIS_YEAR) and len(text) > 3:
        # a project of several years: 本年度年初预算数 beside its 项目总预算
        role = lookup(text.removeprefix("本年度").removeprefix("本年"), family.fund_columns)
    return role


def names_a_column(text: str, family: Family) -> bool:
    """``text`` is a funds block's column label (全年预算数（元）, 执行率)."""
    return column_role(text, family) is not None


_THIS_YEAR = ("本年度", "本年")
# Header words over columns that hold no figure of their own: this year's (beside the project's
# whole budget), the row labels' (资金来源 over 合计, 其中:财政资金 …), or the amounts' group
# on a header of two rows (预算资金情况 over 年初预算数 | 全年预算数 | 全年执行数).
_OVER_LABELS = frozenset(
    {*_THIS_YEAR, "资金来源", "资金类别", "预算资金情况", "支出类别", "预算类别", "类别"}
)


_ROW_AMOUNTS = 2
_SPACE = lazy_compile(r"\s+")  # (a label wrapped in its cell: 政府性基金⏎预算资金)
# A funds row's label no form lists that names a source of money (其中：社会投入资金, 债券资金,
# 政府性基金预算拨款): words only, ending as sources' names end, a note in brackets after.
_SOURCE_LABEL = lazy_compile(
    r"(?:其中\s*[:：]\s*)?[\u4e00-\u9fff、]{1,14}(?:资金|拨款|收入|投入|资本|经费|补助|配套|贷款|自筹|债券|基金)"
    r"(?:[(（][\u4e00-\u9fff、]{1,20}[)）])?"  # its note after it (（地方政府专项债券）)
)
# The label a funds header prints over its amount columns (年度预算数(万元) over 年初预算 | 调整后
# 预算数 | 预算执行数), and what a layout joined after it.
_GROUP_LABEL = lazy_compile(r"^(?:年度预算数|资金情况)\s*(?:[(（](?:万元|元)[)）])?(.*)$")
_LABEL_CHARS = 4  # a column's label beside a key (单位), shorter than a unit's name
_UNIT_NOTE_CELL = lazy_compile(r"^(?:金额)?单位\s*[:：]\s*(万元|元)$")  # 单位：万元 in a cell
_AMOUNT_CELL = lazy_compile(r"^\d[\d,]*(?:\.\d+)?$")  # an amount alone in its cell (1,850.00)


_LIST_TOTALS = frozenset({"合计", "总计", "小计"})
_REGION_KINDS = frozenset({"by_region", "region_part"})
_PLACE_FIGURES = 3
_PLACE_ROLES = ("full_year_budget", "executed", "rate_pct")
# The column of a list's places (县（市、区）, 乡镇（街道）, 地区), its notes' (情况说明, 备注).
_PLACES_COLUMN = lazy_compile(
    r"^(?:(?:县|乡镇|地区|区县|县区|市县)(?:[(（][^()（）]{1,8}[)）])?(?:名称)?|.{0,4}(?:说明|备注))$"
)
# The label a region's table prints before its funds by county (其中：按县（市、区）| 正定县 | …,
# 分地区 on a line of its own) or before its sources (其中：按资金来源 | 中央补助资金 | …).
_BY_GROUP = lazy_compile(
    r"^(?:其中\s*[:：]?\s*)?(?:按|分)(?:(?P<region>县|区|市|地区|区域|地市|市州|各县|乡镇|乡|镇|街道)"
    r"[^\d:：]{0,10}?(?:[(（](?P<note>[^()（）]{0,30})[)）])?"
    r"|(?:资金)?来源(?:分)?)\s*[:：]?$"
)
# A list of places' label after a row's own (地方资金按地区分（3个重点帮扶乡镇）：).
_GLUED_LIST = lazy_compile(
    r"(?:按|分)(?:地区|县|区县|县区|乡镇|街道)[^\d:：]{0,6}?(?:[(（](?P<note>[^()（）]{0,30})[)）])?"
    r"\s*[:：]$"
)


def _region_kind(note: str) -> str:
    """The kind of a list of places' rows by its label's note: some places only (非全部) are
    read but never added up against the total."""
    return "region_part" if _SOME_PLACES.search(note) else "by_region"


# A list's note saying its places are some of the whole's only (3个重点帮扶乡镇，非全部): read,
# never added up against the total.
_SOME_PLACES = lazy_compile(r"非全部|部分|重点|仅列|选列|其中\d")
# A county's, a district's, a city's name in such a list (藁城区, 市本级, 龙胜各族自治县).
_PLACE = lazy_compile(
    r"^[\u4e00-\u9fff]{1,12}(?:县|区|市|旗|州|盟|本级|管委会|乡|镇|街道|街道办事处|苏木)"
    r"(?:[(（][\u4e00-\u9fff]{1,8}[)）])?$"
)


def is_fund_header(row: Row, family: Family) -> bool:
    """The funds block's header: its anchor label (a short label cell, not a goal text that
    mentions 项目资金) or at least two of its column labels."""
    joined = row.joined
    if not _HEADER_HINTS.found_in(joined):
        return False  # most rows: no word a funds header has
    cells = row.cells
    anchor = (
        next((k for k, c in enumerate(cells) if is_anchor(c.text)), None)
        if _ANCHOR_HINT.search(joined) is not None
        else None
    )
    if anchor is not None and any(
        lookup(cells[k].text, family.header_fields) is not None
        and len(cells[k + 1].text) > _LABEL_CHARS
        for k in range(anchor - 1)
    ):
        # the head's key and its value (部门（单位）名称 | 华容县市场监督管理局), the block's
        # label run on after them on one row: the head's row, not the funds header
        return False
    if anchor is not None:
        # the block's label printed on one of its rows (项目资金 | 其中：当年财政拨款 | 1,850.00
        # | …, a merged label's text at its middle line): that row, not the header
        return not (
            any(lookup(c.text, family.fund_rows) is not None for c in cells)
            and sum(_AMOUNT_CELL.match(c.text) is not None for c in cells) >= _ROW_AMOUNTS
        )
    if cells and lookup(cells[0].text, family.fund_rows) is not None and _DIGIT.search(joined):
        return False  # a row of amounts that names its columns (预算数 | 6.84 | 到位数 | …)
    roles = [column_role(c.text, family) for c in cells]
    found = [r for r in roles if r is not None]
    budget_like = {"initial_budget", "full_year_budget", "executed"} & set(found)
    return (
        len(found) >= 2 and bool(budget_like) and not any(c.text.startswith("一级") for c in cells)
    )


def _past_amounts(mapped: list[tuple[str, Cell | None]]) -> bool:
    """The first amount column blank, a figure past the amounts' columns (分值, 执行率…)."""
    return (
        bool(mapped)
        and mapped[0][0] in _AMOUNTS
        and mapped[0][1] is None
        and any(
            c is not None and parse_amount(c.text) is not None
            for role, c in mapped
            if role not in _AMOUNTS
        )
    )


def _amounts_only(mapped: list[tuple[str, Cell | None]]) -> bool:
    """Figures under the amounts' columns only, each one an amount."""
    return all(
        c is None if role not in _AMOUNTS else c is None or parse_amount(c.text) is not None
        for role, c in mapped
    )


def _labelled_figure(pattern: re.Pattern[str], text: str, bare: bool) -> re.Match[str] | None:
    """The first figure ``pattern`` finds in ``text`` with its unit, or (``bare``: in a block's
    own cell) after a colon (年初预算数120万元, 全年预算数：45.00): a bare figure without either is
    no amount (预算数2项)."""
    for m in pattern.finditer(text):
        if (
            "colon" not in m.re.groupindex
            or m.group("v").endswith("元")
            or (bare and m.group("colon"))
        ):
            return m
    return None


class FundsReader:
    """Reads the funds block row by row into the table's dict ``t`` (unit, labels, cells)."""

    def __init__(self, family: Family, t: dict[str, Any]) -> None:
        self.family = family
        self.t = t
        self.roles: list[tuple[int, str]] = []
        self.rows: dict[str, dict[str, Any]] = {k: {"cells": {}} for k in _MAIN_ROWS}
        self.extra: dict[str, dict[str, Any]] = {}
        self.seen = False
        # the unit taken from an amount printed with 万 before any header stated one (a
        # report's prose above the form: 年初预算320万元): the header's own overrides it
        self.unit_guessed = False
        self.points_cell: Cell | None = None  # where the block states its points
        # the amount columns in the order the block named them line by line (预算数: | 2.38,
        # then 执行数: | 2.38), for its other rows when its header names none
        self.line_roles: list[str] = []
        self.shifts: dict[int, int] = {}  # the row label's column → the columns' shift (_map)
        self.breakdown_lines = False  # 部门整体 breakdown lines read (label and one amount)
        # the sentence the total's figures were read from (sentence()), until a block's own
        # 年度资金总额 row gives them
        self.sentence_cell: Cell | None = None
        self.header_line: int | None = None  # the line of the block's first header row
        # label columns whose rows' figures end where a cut header's columns do (_map)
        self.right_aligned: set[int] = set()
        # the row before was one of the block's read under its label (an unlisted source may
        # follow it, under the block's rows, not under another table's header)
        self.after_row = False
        self.labelled_now = False
        self.regions = False  # under a region's label (其中：按县（市、区）): its counties' rows
        self.region_kind = "by_region"  # or "region_part": the list says it is not the whole
        # the row read last was one a list of parts may follow: the total, a source, a part
        self.parts_may_follow = False

    def header(self, row: Row) -> None:
        """Column roles by header label, with their positions; the unit and the block's points
        (预算执行情况(10分)) if stated. Some layouts put the first row on the header row."""
        self.seen = True
        self.labelled_now = False  # (a header again: another block's rows may follow)
        if self.rows["annual_total"]["cells"] and self._region_label(row.cells) is row.cells[0]:
            self.labelled_now = True  # a list of places' own columns under the block's rows
            row.cells[0].used = True
            return
        if self.header_line is None:
            self.header_line = row.line
        roles: list[tuple[int, str]] = []
        taken: set[str] = set()
        for c in row.cells:
            text = c.text
            if "万元" in text:
                self.t["amount_unit"] = "万元"
            elif (
                "元" in text
                and ("amount_unit" not in self.t or self.unit_guessed)
                and _UNIT_IN_BRACKETS.search(text)
            ):
                self.t["amount_unit"] = "元"
                self.unit_guessed = False
            points = _POINTS_NOTE.search(text)
            # the block's own label, first on the row, may name a column's words with its
            # points (预算执行率（10分） | 年初预算数 | … | 执行率 | 得分, 2018): no column's label
            label = points is not None and c is row.cells[0]
            if points is not None and (label or is_anchor(text)):
                # 预算执行情况(20分): the block's points, when no 分值 column states them
                self.t["stated_weights"].setdefault("预算执行", float(points.group(1)))
                self.points_cell = c
                c.used = c.used or label  # (预算执行率（权重10分） first: the block's own label)
            text = lb.under_group(
                text, _GROUP_LABEL, lambda t: column_role(t, self.family) is not None
            )
            role = None if label else column_role(text, self.family)
            if role is not None and role not in taken:
                roles.append((c.column, role))
                taken.add(role)
                self.t["labels"].setdefault(f"funds.{role}", text)
                c.used = True
                if role == "score" and points is None and (rated := _RATE_POINTS.search(text)):
                    # 得分(20分*执行率): the block's points in its score's formula
                    self.t["stated_weights"].setdefault("预算执行", float(rated.group(1)))
                    self.points_cell = c
            elif is_anchor(text) or funds_label_piece(text) is not None:
                c.used = True
                self.t["labels"].setdefault("funds", text)
            elif text in _OVER_LABELS:
                c.used = True  # over this year's columns, or over the row labels
        if self.roles and not any(r["cells"] for r in self.rows.values()):
            # the lower row of a header over two rows (项目总预算 | 本年度 … over 年初预算数 …):
            # the upper row's labels stand where the lower row prints none
            columns = {col for col, _ in roles}
            roles += [(col, r) for col, r in self.roles if col not in columns and r not in taken]
            roles.sort()
        self.roles = roles
        self._labelled(row)

    def _row_key(self, text: str) -> str | None:
        return _row_kind(text, self.family.fund_rows)

    def row(self, row: Row) -> bool:
        """Read a funds row; False when the row is not one (no row label, no amounts)."""
        self.after_row, self.labelled_now = self.labelled_now, False
        if self._inline(row) or self._header_notes(row):
            return True
        if not self.roles and len(row.cells) == 2 and key(row.cells[0].text) in _LIST_TOTALS:
            return False  # a list's total before any funds header (资金使用明细 … | 合计 | 774.35)
        parts = self._side_by_side(row)
        if self._breakdown_header(parts or [row]):
            return True
        if parts:
            if not self._single_amounts(parts):
                for part in parts:
                    self._labelled(part)
            return True
        if (self.breakdown_lines or self._breakdown_total(row)) and self._single_amounts([row]):
            return True
        return (
            self._labelled(row)
            or self._score_row(row)
            or self._named_amounts(row)
            or self._unlabelled(row)
        )

    def _score_row(self, row: Row) -> bool:
        """The execution's score on a row of its own under the block (执行率得分 | 9.39: a
        transfer payment's form, its total's row printing 分值 and 执行率 without it): the
        total's score, where its row printed none."""
        cells = row.cells
        total = self.rows["annual_total"]
        if (
            len(cells) != 2
            or key(cells[0].text) not in _SCORE_ROWS
            or total.get("score") is not None
            or (points := parse_points(cells[1].text)) is None
        ):
            return False
        total["score"] = points
        total["cells"]["score"] = cells[1].ref()
        for c in cells:
            c.used = True
        self.seen = True
        return True

    def _breakdown_header(self, parts: list[Row]) -> bool:
        """The 部门整体 breakdowns' own header, each side's label over the column its lines
        give (按收入性质分 | 全年执行数 | 按支出性质分 | 全年执行数): the lines under it are single
        amounts, each side against its own total (``_single_amounts``)."""
        if not all(self._breakdown_label(p) for p in parts):
            return False
        for p in parts:
            for c in p.cells:
                c.used = True
        self.breakdown_lines = True
        self.seen = True
        return True

    def _breakdown_label(self, part: Row) -> bool:
        """A side's label with the column its lines give, or alone, or (once the breakdown
        began) the column's label alone on its line (a reader that parted them)."""
        cells = part.cells
        if not cells:
            return False
        if self._row_key(cells[0].text) in _SIDE_TOTALS:
            return all(column_role(c.text, self.family) is not None for c in cells[1:])
        return self.breakdown_lines and all(
            column_role(c.text, self.family) is not None for c in cells
        )

    def _breakdown_total(self, row: Row) -> bool:
        """A breakdown's own line with one amount (按收入性质分 | 9004.52): which column of the
        block it is the form does not say, so its lines are read as lines (``_single_amounts``),
        each side against its own total."""
        cells = row.cells
        return len(cells) == 2 and (
            self._row_key(cells[0].text) in _SIDE_TOTALS
            or _SIDE_AND_ITEM.match(cells[0].text) is not None  # its first item's line
        )

    def sentence(self, row: Row) -> bool:
        """The funds written as a sentence instead of a block (项目资金：年初预算86万元，全年预算
        92万元，执行87.4万元，执行率95.00%，分值10分，得分9.5分), alone on its line or in the cell
        after the block's label (项目资金情况 | 年初预算数120万元，… , or the label's lines:
        全年预算数：62.5 / 资金到位数：62.5 / 实际支出数：62.5), the points and the rate perhaps in
        pairs after it (分值 | 10 | 得分 | 9.80): its figures as the total's, each quoted as
        printed. False for any other row, and once the total has figures."""
        cells = row.cells
        if not cells or self.rows["annual_total"]["cells"]:
            return False
        if len(cells) == 1:
            label, c, after = None, cells[0], []
            if "执行率" not in c.text:  # (alone, a report's sentence: it states the rate)
                return False
        elif is_anchor(cells[0].text):
            label, c, after = cells[0], cells[1], cells[2:]
        else:
            return False
        text = c.text
        if "预算" not in text or len(text) > _SENTENCE_CHARS:
            return False
        found: dict[str, re.Match[str]] = {}
        celled = label is not None
        for role, alone, pattern in _SENTENCE_FIGURES:
            if role in found or not (alone or celled):
                continue
            if (m := _labelled_figure(pattern, text, bare=celled)) is not None:
                found[role] = m
        if len(_SENTENCE_AMOUNTS.intersection(found)) < 2:
            return False
        if label is not None:
            self._sentence_label(label)
        total = self.rows["annual_total"]
        for role, m in found.items():
            self._sentence_figure(total, role, c.piece(m.group("v")))
        for name, figure in zip(after[::2], after[1::2], strict=False):
            pair = column_role(name.text, self.family)
            if pair in _TRAILING_PAIRS and pair not in found and _DIGIT.search(figure.text):
                name.used = True
                self._sentence_figure(total, pair, figure)
        c.used = True
        self.sentence_cell = c
        self.seen = True
        return bool(total["cells"])

    def _sentence_label(self, label: Cell) -> None:
        """The block's label before its sentence (项目资金（万元）): its unit stated."""
        label.used = True
        self.t["labels"].setdefault("funds", label.text)
        if (unit := _UNIT_IN_BRACKETS.search(label.text)) is not None:
            self.t["amount_unit"] = unit.group(1)
            self.unit_guessed = False

    def _sentence_figure(self, total: dict[str, Any], role: str, part: Cell) -> None:
        """One figure of a funds sentence, as the total's ``role``."""
        if role in ("weight", "score"):
            number = parse_points(part.text)
            if number is not None:
                total[role] = number
                total["cells"][role] = part.ref()
                part.used = True
        elif role not in _NUMERIC:  # a figure the national form has no field for (到位数)
            total["cells"][role] = part.ref()
            part.used = True
        else:
            self._put(total, role, part)

    def _header_notes(self, row: Row) -> bool:
        """The header's notes wrapped onto a line of their own before any row of figures
        ((20分) under 预算执行情况, (20分*执行率) under 得分, （万元） under 项目资金): the first
        states the block's points or its unit, or each stands under a column's label. False for
        any other row."""
        if not self.roles or not row.cells:
            return False
        if any(r["cells"] for r in self.rows.values()):
            return False
        # (each note, or the rest of a label's bracket the line above left open: 预算执行情况(万 /
        # 元)(20分), 得分(20分*执行 / 率))
        notes_of = [_BRACKET_REST.sub("", c.text, count=1) for c in row.cells]
        if not all(
            _BRACKETED.match(n) or (not n and n != c.text)
            for n, c in zip(notes_of, row.cells, strict=True)
        ):
            return False
        # the first cell's notes, one or both run together (（万元）（20分）)
        unit, points = _stated(notes_of[0])
        # (points stated already, by a score's formula over its column: 得分(20分*执行率))
        again = points is not None and self.points_cell is not None
        if again:
            points = None
        if unit is None and points is None and not again:
            # notes that state neither, each under a column's label ((20分*执行率) under 得分)
            columns = {col for col, _ in self.roles}
            if not all(c.column in columns for c in row.cells):
                return False
        if unit is not None:
            self.t.setdefault("amount_unit", unit.group(1))
        if points is not None:
            self.t["stated_weights"].setdefault("预算执行", float(points.group(1)))
            self.points_cell = row.cells[0]
        for c in row.cells:
            c.used = True
        return True

    def _unlabelled(self, row: Row) -> bool:
        """The 20/80 form's one row of figures under its header, printed without a row label
        (268.50 | 194.26 | 72.35% | 14.47): the block's total, read under the header's columns
        where they stand, else in their order. False for any other row."""
        total = self.rows["annual_total"]
        # (a report's sentence about its funds above the block filled the total: the block's
        # own row states it, the sentence is narrative, as for a labelled row)
        sentence = self.sentence_cell
        if (total["cells"] and sentence is None) or not self.roles or not row.cells:
            return False
        cells = row.cells
        first = cells[0].text
        unit, points = _UNIT_NOTE_CELL.match(first), None
        if unit is None and _BRACKETED.match(first):
            # or the header's notes where the label would stand ((万元)(20分) | 480.00 | …)
            unit, points = _stated(first)
        if unit is not None or points is not None:
            cells = cells[1:]  # 单位：万元 where the row's label would stand: the amounts' unit
        if not cells or any(
            self._amount(c.text) is None and parse_percent(c.text) is None for c in cells
        ):
            return False
        if unit is not None or points is not None:
            row.cells[0].used = True
        if unit is not None:
            self.t["amount_unit"] = unit.group(1)
        if points is not None and self.points_cell is None:
            self.t["stated_weights"].setdefault("预算执行", float(points.group(1)))
            self.points_cell = row.cells[0]
        if sentence is not None:
            sentence.used = False
            self.sentence_cell = None
            self.rows["annual_total"] = total = {"cells": {}}
        label = Cell("", row.line, cells[0].column - 1)
        for role, c in self._map(cells, label):
            if c is None:
                continue
            if role not in _NUMERIC:  # a column the form adds (到位数, 结余): kept as printed
                total["cells"][role] = c.ref()
                c.used = True
                continue
            self._put(total, role, c)
        self.seen = True
        return bool(total["cells"])

    def _side_by_side(self, row: Row) -> list[Row]:
        """A row of the 部门整体 form's two breakdowns printed side by side (其中:财政拨款 |
        2,146.80 | … | 其中:基本支出 | 1,204.36 | …): one part per row label, each read as a
        row of its own. Empty for a row with one row label or none."""
        if self.family.subject != "department" or len(row.cells) < 4:
            return []
        fund_rows = self.family.fund_rows
        starts = [i for i, c in enumerate(row.cells) if _row_kind(c.text, fund_rows) is not None]
        if len(starts) < 2 or (
            starts[0] != 0 and any(c.text not in _FILLER for c in row.cells[: starts[0]])
        ):
            return []
        bounds = [*starts, len(row.cells)]
        return [
            Row(row.cells[a:b], row.line, row.page_break_before)
            for a, b in itertools.pairwise(bounds)
        ]

    def _inline(self, row: Row) -> bool:
        """The 部门整体 form's breakdown by income and by expense, each line's label and amount
        in one cell (按收入性质分：2030.12 | 其中：基本支出：900.47 | 项目支出：): read when
        every cell of the row is such a line. Lines under 按收入性质分 other than the
        expense side's (其他资金 …) are the income side's parts."""
        joined = row.joined
        if self.family.subject != "department" or (":" not in joined and "：" not in joined):
            return False
        read: list[tuple[Cell, str, str, float | None]] = []
        cells = row.cells
        if len(cells) > 1 and _block_label_piece(cells[0].text):
            cells = cells[1:]  # the block's label, printed down its rows (年度预算 / 执行情况)
        for c in cells:
            m = _INLINE.match(c.text)
            kind = self._row_key(m.group(1)) if m is not None else None
            if m is None or kind is None:
                return False
            value = m.group(2)
            amount = self._amount(value) if value else None
            if amount is None and value and not is_placeholder(value):
                return False
            read.append((c, m.group(1), kind, amount))
        for c, label, kind, amount in read:
            self._breakdown_line(label, kind, amount, c)
            c.used = True
        row.cells[0].used = True  # a line's label, or the block's label beside the lines
        self.seen = True
        return True

    def _breakdown_line(self, label: str, kind: str, amount: float | None, cell: Cell) -> None:
        """One line of the 部门整体 breakdowns: its label's single amount (the form does not
        say which column it is). Lines other than the expense side's (and its 基本支出's own
        人员经费 and 公用经费) are the income side's."""
        side = kind if kind in (*_BREAKDOWN_KINDS, "expense_detail") else "by_income"
        if label in self.extra and self.extra[label]["kind"] != side:
            label = f"{label}（{_SIDE_NAMES.get(side, side)}）"  # each side's 合计, printed alike
        target = self.extra.setdefault(label, {"cells": {}, "kind": side})
        target["cells"]["amount"] = cell.ref()
        if amount is not None:
            target["amount"] = amount
        self.breakdown_lines = True

    def _single_amounts(self, parts: list[Row]) -> bool:
        """Breakdown lines printed label | amount (one amount each, side by side, or one per
        row once such lines began): read as lines; False when a part has more amounts."""
        read: list[tuple[Cell, str, Cell | None, float | None]] = []
        for part in parts:
            label, *values = part.cells
            kind = self._row_key(label.text)
            if kind is None or len(values) > 1:
                return False
            value = values[0] if values else None
            amount = self._amount(value.text) if value is not None else None
            if value is not None and amount is None and not is_placeholder(value.text):
                return False
            if (
                kind == "annual_total"
                and len(parts) == len(_SIDES)
                and lb.is_total_word(label.text)
            ):
                # 合计 | 2686.50 | 合计 | 2564.43 under the sides' lines: each side's own total
                kind = _SIDES[len(read)]
            read.append((label, kind, value, amount))
        for label, kind, value, amount in read:
            self._breakdown_line(label.text, kind, amount, value or label)
            label.used = True
            if value is not None:
                value.used = True
        self.seen = True
        return True

    def _unlisted_row(self, row: Row) -> bool:
        """A row of the block right under one of its rows (its total read) whose label no form
        lists but says a source of money (…资金, …拨款, …收入), amounts after it."""
        cells = row.cells
        return (
            bool(self.roles)
            and self.after_row
            and bool(self.rows["annual_total"]["cells"])
            and len(cells) > 1
            and source_label(cells[0].text)
            and any(_AMOUNT_CELL.match(c.text) is not None for c in cells[1:])
        )

    def _region_label(self, cells: list[Cell]) -> Cell | None:
        """A county's row of a region's funds by county (其中：按县（市、区）| 正定县 | 1820.35 |
        …, then 藁城区 | 2416.80 | …) under the block's total: its name's cell; the list's label
        when printed alone on its line. None for any other row."""
        if not self.roles or not self.rows["annual_total"]["cells"] or not cells:
            return None
        first = cells[0]
        group = _BY_GROUP.match(first.text)
        if group is not None and group.group("region") is not None:
            self.region_kind = _region_kind(group.group("note") or "")
        if group is not None and (len(cells) == 1 or self._places_header(cells[1:])):
            # the list's label alone, or over the list's own columns (分县（市、区）资金情况 |
            # 县（市、区） | 全年预算数 | 全年执行数 | 执行率 | 情况说明)
            self.regions = group.group("region") is not None
            for c in cells[1:]:
                c.used = True
            return first
        if group is not None and group.group("region") is not None:
            self.regions = True
            first = cells[1]
        elif not self.regions and self.after_row and without_qizhong(first.text) != first.text:
            self.regions = place_name(first.text)  # 其中：青州市 under the total: its places
            if not self.regions:
                return None
        elif not (self.regions and self.after_row):
            return None
        if not place_name(first.text):
            return None
        after = cells[cells.index(first) + 1 :]
        if not any(_AMOUNT_CELL.match(c.text) for c in after):
            return None
        return first

    def _sub_project_row(self, cells: list[Cell]) -> bool:
        """A row right under the block's total, one of its sources or another part, whose label no
        form lists and names no source of money (格林镇新华村通组公路硬化, 按用途：设备购置费),
        printing an amount in each of the header's amount columns and nothing else: a
        sub-project's or a use's funds, a part of the total."""
        if not (self.after_row and self.parts_may_follow and self.roles and len(cells) > 1):
            return False
        name = _PARTS_LABEL.sub("", _SPACE.sub("", cells[0].text))  # (按用途：设备购置费)
        if _SUB_PROJECT_NAME.fullmatch(name) is None or _NOT_A_PROJECT.search(name):
            return False
        amounts = {role for _, role in self.roles if role in _BUDGETS or role == "executed"}
        mapped = [(role, c) for role, c in self._map(cells, cells[0]) if c is not None]
        return (
            len(amounts) >= _ROW_AMOUNTS
            and all(
                (role in amounts and _AMOUNT_CELL.match(c.text) is not None)
                or (role not in amounts and c.text in _FILLER)
                for role, c in mapped
            )
            and amounts <= {role for role, _ in mapped}
        )

    def _places_header(self, cells: list[Cell]) -> bool:
        """A list of places' own column labels beside its label: the places' column's (县（市、
        区）), the amounts' and the rate's, a note's."""
        roles = [column_role(c.text, self.family) for c in cells]
        return sum(r is not None for r in roles) >= _PLACE_FIGURES - 1 and all(
            r is not None or _PLACES_COLUMN.match(c.text) is not None
            for r, c in zip(roles, cells, strict=True)
        )

    def _budget_executed_rate(self, row: Row, label: Cell, target: dict[str, Any]) -> bool:
        """A place's row printing its budget, its spending and its rate only, in that order (沂城
        街道 | 1250.00 | 1236.80 | 98.94%, a note after them or not), whatever columns they stand
        in (a list printing fewer columns than the block's header): read so, the rate as
        printed (B101 checks it). False for any other row."""
        after = [c for c in row.cells if c.column > label.column and c.text not in _FILLER]
        figures, notes = after[:_PLACE_FIGURES], after[_PLACE_FIGURES:]
        if len(figures) != _PLACE_FIGURES or len(notes) > 1 or "%" not in figures[2].text:
            return False
        budget, executed, rate = (
            self._figure(r, c.text) for r, c in zip(_PLACE_ROLES, figures, strict=True)
        )
        if not budget or executed is None or rate is None:
            return False
        if notes and self._figure("rate_pct", notes[0].text) is not None:
            return False  # (a figure after the rate: a column more, no note in words)
        for role, c in zip(_PLACE_ROLES, figures, strict=True):
            self._put(target, role, c)
        for c in notes:
            target["reason"] = c.text
            target["cells"]["reason"] = c.ref()
            c.used = True
        return True

    def _block_label_row(self, cells: list[Cell]) -> bool:
        return (
            bool(self.roles)
            and not self.rows["annual_total"]["cells"]
            and len(cells) > _ROW_AMOUNTS
            and (
                is_anchor(cells[0].text)
                or _POINTS_NOTE.fullmatch(cells[0].text) is not None
                or cells[0].text in _TOTAL_ROW_WORDS  # (预算执行 | 450.00 | 441.90 | …, 2018)
            )
            and sum(_AMOUNT_CELL.match(c.text) is not None for c in cells[1:]) >= _ROW_AMOUNTS
        )

    def _labelled(self, row: Row) -> bool:
        """A row with a row label (年度资金总额 | …, 其中:中央补助 | …); False for any other."""
        cells = row.cells
        label: Cell | None = None
        kind: str | None = None
        fund_rows = self.family.fund_rows
        for c in cells:  # lookup() first, not _row_key(): this runs for every cell
            kind = lookup(c.text, fund_rows)
            if (
                kind is None
                and (
                    "其中" in c.text
                    or (("：" in c.text or ":" in c.text) and _LEVEL.match(c.text))
                    or (c.text.endswith("资金") and _LEVEL_NAMED.match(c.text) is not None)
                )
            ) or kind in _SIDE_TOTALS:
                kind = _row_kind(c.text, fund_rows)
            if kind is not None:
                label = c
                break
        if label is None and cells and len(cells) > 1:
            # the row's label typed with one character wrong (年度资金总颔 | 1,286.50万元 | …)
            kind = lookup_slipped(cells[0].text, fund_rows)
            label = cells[0] if kind is not None else None
        if label is None and self._block_label_row(cells):
            # the block's own label on its only row, under the header (项目资金 | 620.00 |
            # 558.00 | 90.00% | 18: a 20/80 form's total)
            label, kind = cells[0], "annual_total"
            if (points := _POINTS_NOTE.fullmatch(label.text)) is not None:
                # the block's points wrapped under its label ((20分)): what it is worth
                self.t["stated_weights"].setdefault("预算执行", float(points.group(1)))
                self.points_cell = label
        if label is None and self._unlisted_row(row):
            # a source no form names (社会投入资金 | 500.00 | …) under the block's total: kept
            # as printed; F101 judges the sources with it and without it
            label, kind = cells[0], UNLISTED_SOURCE
        if label is None and (region := self._region_label(cells)) is not None:
            if region is cells[0] and _BY_GROUP.match(region.text):
                region.used = True  # the list's label on a line of its own
                self.labelled_now = True
                return True
            label, kind = region, self.region_kind
        if label is None and self._sub_project_row(cells):
            # a sub-project's or a use's row (格林镇新华村通组公路硬化 | 248.50 | … | —): a part
            # of the total, the parts' sum set against it
            label, kind = cells[0], SUB_PROJECT
        if label is None or kind is None:
            return False
        # (a list of parts opens under the total, or under the sources' rows)
        self.parts_may_follow = kind in (*_MAIN_ROWS, SUB_PROJECT, UNLISTED_SOURCE)
        if kind not in _REGION_KINDS:
            self.regions = False
            if (glued := _GLUED_LIST.search(label.text)) is not None:
                # a list's label run into the row's above it (地方资金按地区分（…）：, a
                # layout's wrapping): the places follow
                self.regions = True
                self.region_kind = _region_kind(glued.group("note") or "")
        self.seen = True
        self.labelled_now = True
        label.used = True
        if kind == "annual_total" and self.sentence_cell is not None:
            # a report's sentence about its funds above the block (项目全年预算820.00万元,其中年初
            # 预算600.00万元…): the block's own row states the total; the sentence is narrative
            self.sentence_cell.used = False
            self.sentence_cell = None
            self.rows[kind] = {"cells": {}}
        if kind in _MAIN_ROWS and not self.rows[kind]["cells"]:
            target = self.rows[kind]
        else:
            target = self.extra.setdefault(label.text, {"cells": {}, "kind": kind})
        if self._pairs(row, label, target):
            return True
        if kind in _REGION_KINDS and self._budget_executed_rate(row, label, target):
            self._rest_used(cells, label)
            return True
        for role, mapped in self._map(cells, label):
            if mapped is None:
                continue
            c = mapped
            if role == "reason":
                target["reason"] = c.text
                target["cells"]["reason"] = c.ref()
                c.used = True
                continue
            if role not in _NUMERIC:  # a column the form adds (得分计算方法, 到位数)
                target["cells"][role] = c.ref()
                c.used = True
                continue
            if is_placeholder(c.text) and not is_sheet_error(c.text):  # (#DIV/0!: reported)
                c.used = True
                continue
            if c.text in _BARE_UNITS:  # the unit printed in a cell left without its amount
                c.used = True
                self.t.setdefault("amount_unit", c.text)
                continue
            number = self._figure(role, c.text)
            if number is None:
                continue
            target[role] = number
            target["cells"][role] = c.ref()
            c.used = True
        self._rest_used(cells, label)
        return True

    def _rest_used(self, cells: list[Cell], label: Cell) -> None:
        """A labelled row's cells besides its figures that say nothing more: used."""
        for c in cells:
            if c.text in _FILLER or (c is not label and c.text == label.text):
                c.used = True  # filler, or the row's label printed again over another column
            elif c.column < label.column and _BY_GROUP.match(c.text):
                c.used = True  # 其中：按资金来源 | 中央补助资金 | …: the list's label
            elif c.column < label.column and (unit := funds_label_piece(c.text)) is not None:
                c.used = True  # the rest of 项目资金（万元）, continued after a page break
                if unit and "amount_unit" not in self.t:
                    self.t["amount_unit"] = unit

    def _map(self, cells: list[Cell], label: Cell) -> list[tuple[str, Cell | None]]:
        """Each header role with the cell under it (relative to the label column), or, when
        nothing aligns, the cells after the label in the header's order."""
        roles = self.roles
        best: list[tuple[str, Cell | None]] = []
        found = 0
        if roles:
            by_column: dict[int, Cell] = {}
            for c in cells:  # loops, not comprehensions: this runs for every funds row
                if c.column > label.column and c.text not in _FILLER:
                    by_column[c.column] = c
            # The first column under the header's first label follows the row label (text
            # layouts, where a merged label takes no column); or the columns are the grid's own
            # (a web page, a sheet: the row label spans two columns, the header's one).
            # Which one, the block's first row that tells them apart decides for its rows
            # whose label is in the same column (the rows below the total leave cells blank).
            shift = self.shifts.get(label.column, label.column + 1 - roles[0][0])
            best = self._mapped(roles, by_column, shift)
            found = _count(best)
            if (
                label.column not in self.shifts
                and any(column > label.column for column in self.shifts)
                and _past_amounts(best)
            ):
                # a row whose label stands left of the rows' above, its first amount blank and
                # figures past the amounts (442.57 under 分值): the row a column off (a web
                # page's row its rowspan left uncovered, shifted left) is read from the
                # header's first column when all its figures are amounts then
                first = min(by_column) - roles[0][0]
                lead = self._mapped(roles, by_column, first)
                if _count(lead) >= found and lead[0][1] is not None and _amounts_only(lead):
                    best, shift, found = lead, first, _count(lead)
                    self.shifts[label.column] = shift
            if shift != 0 and label.column not in self.shifts:
                direct = self._mapped(roles, by_column, 0)
                direct_found = _count(direct)
                # as many figures either way: the reading whose figures begin under the
                # header's first column (年初预算数), not one that leaves it blank and puts an
                # amount under 分值 (a breakdown's label a column right of the total's)
                leads = direct_found == found and direct[0][1] is not None and best[0][1] is None
                if direct_found != found or leads:
                    if direct_found > found or leads:
                        best, shift, found = direct, 0, direct_found
                    self.shifts[label.column] = shift
        after = [
            c
            for c in cells
            if c.column > label.column and c.text not in _FILLER and c.text != label.text
        ]
        if (
            roles
            and len(after) > len(roles)
            and roles[0][1] not in _BUDGETS
            and after[-1].column - after[0].column == len(after) - 1
        ):
            # a header cut before its first columns (an excerpt opening on 全年执行数 | 分值 |
            # 执行率 | 得分) over a row printed whole: its columns are the row's last ones
            shift = after[-1].column - roles[-1][0]
            right = self._mapped(roles, by_column, shift)
            if _count(right) == len(roles):
                self.shifts[label.column] = shift  # the rows below with blanks read so too
                self.right_aligned.add(label.column)
                return right
        if roles and label.column in self.right_aligned:
            return best  # a row under the cut header: its figures where the full row's were
        order = [r for _, r in roles] or self.line_roles or list(_DEFAULT_COLUMNS)
        # Where the columns leave a figure out (a header whose labels span more columns than
        # the figures under them), every figure in the header's order instead.
        if roles and found and (found >= len(after) or len(after) > len(order)):
            return best
        if (
            roles
            and len(after) == len(roles)
            and after[-1].column - after[0].column == len(after) - 1
            and label.column not in self.shifts
        ):
            # a full row of figures under the header's columns, a column on from where the
            # label puts them (年度资金总额 | (empty) | 1200 | …, a label spanning two cells):
            # the rows with this label's column are read so, blanks and all
            self.shifts[label.column] = after[0].column - roles[0][0]
        return list(zip(order, after, strict=False))

    @staticmethod
    def _mapped(
        roles: list[tuple[int, str]], by_column: dict[int, Cell], shift: int
    ) -> list[tuple[str, Cell | None]]:
        mapped: list[tuple[str, Cell | None]] = []
        for pos, role in roles:
            mapped.append((role, by_column.get(pos + shift)))
        return mapped

    def _named_amounts(self, row: Row) -> bool:
        """A line without a row label whose amounts each follow their column's label
        (预算数: | 2.38, and 执行数: | 2.38 on the next line): the block's total printed a
        column at a time, as the 区域绩效目标自评表 is in a paragraph layout. What else the
        line holds is left to be reported."""
        target = self.rows["annual_total"]
        found = False
        for c, value in itertools.pairwise(row.cells):
            role = column_role(c.text, self.family)
            if role not in _AMOUNTS or role in target:
                continue
            number = self._amount(value.text)
            if number is None:
                continue
            target[role] = number
            target["cells"][role] = value.ref()
            c.used = value.used = True
            self.line_roles.append(role)
            found = True
        self.seen = self.seen or found
        return found

    def _pairs(self, row: Row, label: Cell, target: dict[str, Any]) -> bool:
        """A row of label | amount pairs (the Hebei form): amounts go to the header's roles in
        order, a last bare number (the rate) to the role left."""
        after = [c for c in row.cells if c.column > label.column]
        for c in after:  # a loop, not all() over a generator: this runs for every funds row
            if c.text not in _FILLER and (
                _DIGIT.search(c.text) is None or _GLUED_AMOUNT.match(c.text) is not None
            ):
                break
        else:
            return False  # amounts only: an ordinary row
        pairs = [c for c in after if self._row_key(c.text) or column_role(c.text, self.family)]
        if not pairs or not self.roles:
            return False
        values = []
        for c in after:
            if c not in pairs:
                values.append(c)
            elif (glued := _GLUED_AMOUNT.match(c.text)) is not None:
                values.append(c.piece(glued.group(1)))  # 执行数84.69: the label's amount run in
        for c in pairs:
            c.used = True
        order = [r for _, r in self.roles]
        for role, c in zip(order, values, strict=False):
            if is_placeholder(c.text) and not is_sheet_error(c.text):  # (#DIV/0!: reported)
                c.used = True
                continue
            if role not in _NUMERIC:  # a column the form adds (到位数): kept as printed
                target["cells"][role] = c.ref()
                c.used = True
                continue
            self._put(target, role, c)
        return True

    def _put(self, row: dict[str, Any], role: str, c: Cell) -> None:
        """A figure of a fund row under its role: a rate as a percent, else an amount."""
        number = self._figure(role, c.text)
        if number is not None:
            row[role] = number
            row["cells"][role] = c.ref()
            c.used = True

    def _figure(self, role: str, text: str) -> float | None:
        """A fund row's cell under ``role``: a rate as a percent, the points as points (10分
        with its word) where they read as such, else an amount (one read under 分值 is a
        misreading the plausibility check catches)."""
        if role == "rate_pct":
            return parse_percent(text)
        if role in ("weight", "score") and (points := parse_points(text)) is not None:
            return points
        return self._amount(text)

    def _amount(self, text: str) -> float | None:
        """An amount; one printed with 万 (620.82万元) states the block's unit where its header
        does not (the table's amounts are then in 万元, not the default 元). A cell that prints
        the other unit than the header's (453,000元 under 资金（万元）) is read in the header's."""
        number = parse_amount(text)
        if number is None:
            return None
        text = amount_head(text)  # 万 in a note after the amount (含追加12万元) is the note's
        unit = self.t.get("amount_unit")
        if "万" in text:
            if unit is None:
                self.t["amount_unit"] = "万元"
                self.unit_guessed = not self.seen
            elif unit == "元":
                number = round(number * 10_000, 2)
        elif unit == "万元" and text.rstrip().endswith("元"):
            number = round(number / 10_000, 6)
        return number

    def result(self) -> dict[str, Any]:
        self._sources_closed()
        self._parts_listed()
        self._spending_under_points()
        total = self.rows["annual_total"]
        label = self.t["labels"].get("funds.rate_pct", "")
        for row in (*self.rows.values(), *self.extra.values()):
            _fraction_rate(row, label)
        if "weight" not in total and self.points_cell is not None and total["cells"]:
            total["weight"] = self.t["stated_weights"]["预算执行"]
            total["cells"]["weight"] = self.points_cell.ref()
        out: dict[str, Any] = dict(self.rows)
        out["extra"] = dict(self.extra)
        return out

    def _parts_listed(self) -> None:
        """A source no form names printed among sub-projects' or uses' rows (培训补贴资金 over
        教材资料费 | 场地租赁费 | 其他费用): one of that list's parts, not a source."""
        run: list[dict[str, Any]] = []
        for row in [*self.extra.values(), None]:
            if row is not None and row["kind"] in (UNLISTED_SOURCE, SUB_PROJECT):
                run.append(row)
                continue
            if any(r["kind"] == SUB_PROJECT for r in run):
                for r in run:
                    r["kind"] = SUB_PROJECT
            run = []

    def _spending_under_points(self) -> None:
        """A source row with its budgets read, no spending, and an amount under 分值, where the
        total has both its spending and its points (其中：当年财政拨款 | 3,200,000.00 |
        3,200,000.00 | | 3,200,000.00 in a laid-out text, its 全年执行数 cut a column on): that
        amount is its spending, no points (no source row scores; no points pass the form's 100).
        """
        total = self.rows["annual_total"]
        if total.get("executed") is None or total.get("weight") is None:
            return
        for kind in _MAIN_ROWS:
            row = self.rows[kind]
            if kind == "annual_total" or row.get("executed") is not None:
                continue
            if any(row.get(f) is None for f in _BUDGETS):
                continue  # (its budgets not read beside the total's: the block read awry)
            if (row.get("weight") or 0) > _MOST_POINTS and "weight" in row["cells"]:
                row["executed"] = row.pop("weight")
                row["cells"]["executed"] = row["cells"].pop("weight")

    def _sources_closed(self) -> None:
        """A source row printed with fewer amounts than the total (上年结转资金 | 150.00 | 136.00,
        its 年初预算数 left blank and dropped by the text) is read from the header's first
        amount column; where that leaves the columns' sums open and its amounts moved to the
        last columns close every one, they are read there."""
        total = self.rows["annual_total"]
        columns = [role for _, role in self.roles if role in _AMOUNT_ROLES]
        if len(columns) < 2 or self.extra or any(total.get(c) is None for c in columns):
            return
        kinds = [k for k in _MAIN_ROWS if k != "annual_total"]

        def closes(rows: list[dict[str, Any]]) -> bool:
            for c in columns:
                parts = [r.get(c) for r in rows]
                if any(v is not None for v in parts) and (
                    abs(sum(v or 0.0 for v in parts) - total[c]) > _CLOSED
                ):
                    return False
            return True

        sources = [self.rows[k] for k in kinds]
        if closes(sources):
            return
        for k, row in enumerate(sources):
            filled = [c for c in columns if row.get(c) is not None]
            if not filled or filled != columns[: len(filled)] or len(filled) == len(columns):
                continue  # (amounts from the first column on, fewer than the columns)
            moved = {key: v for key, v in row.items() if key not in columns and key != "cells"}
            moved["cells"] = {c: ref for c, ref in row["cells"].items() if c not in columns}
            for c, to in zip(filled, columns[len(columns) - len(filled) :], strict=True):
                moved[to] = row[c]
                if c in row["cells"]:
                    moved["cells"][to] = row["cells"][c]
            if closes([*sources[:k], moved, *sources[k + 1 :]]):
                self.rows[kinds[k]] = moved
                return
