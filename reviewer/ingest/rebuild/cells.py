"""What a cell looks like, and how well it fits each kind of indicator column.

The rows of the indicator section are rebuilt by placing each cell in a column (``rows``);
this module scores one placement: 0 for a cell that is what the column holds (a plain number
as 分值, ``≥95%`` as 年度指标值, ``数量指标`` as 二级指标), more for a doubtful fit, INF for
an impossible one. Empty cells the layout shows fit anywhere, cheapest where forms leave
cells empty (merged category cells, the explanation).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reviewer.ingest.rebuild.header import Slot
from reviewer.lazyre import lazy_compile
from reviewer.parse import labels as lb
from reviewer.parse.columns import own_heading_text
from reviewer.parse.values import ascii_form, is_operator, is_placeholder, parse_number

INF = 1e9

_NUMBER = r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?"
_PERCENT = lazy_compile(rf"^{_NUMBER}\s*%$")
_POINTS = lazy_compile(rf"^{_NUMBER}\s*分$")
_OP_VALUE = lazy_compile(
    rf"^(?:>=|<=|=>|=<|[≥≤≧≦><=＝﹦═]|不低于|不少于|不高于|不超过|大于|小于){{1}}\s*{_NUMBER}"
)
_NUM_UNIT = lazy_compile(rf"^{_NUMBER}\s*[^\d\s.,]")
# A run of words no figure's unit is as long as: a name that opens with a number (65岁及以上
# 老年人健康管理率, 2型糖尿病患者规范管理率), not a figure with its unit.
_WORDS_RUN = lazy_compile(r"[\u4e00-\u9fff]{5,}")
_DATE = lazy_compile(r"^\d{4}年(\d{1,2}月)?(\d{1,2}日)?")
_NATURE_WORDS = frozenset(
    {"定性", "定量", "正向", "反向", "≥", "≤", "=", "═", "﹦", "＝", "≧", "≦"}
)
_UNIT_CHARS = (
    "个人次件项家户元吨米天年月日台套头座起场期所间条辆张册本篇份处株亩棵只级分秒时周批部座"
    "轮班趟盏眼栋幢宗例枚剂双箱袋桶瓶盒斤克升顷节届站床名尾匹块根层笔点里钟"  # more measure words
)
# A whole cell that is a unit (个, 人次, 万元/公里), maybe with a note in brackets (%(百分比)).
_UNIT = lazy_compile(
    rf"^(?:%|‰|[{_UNIT_CHARS}]|[^\d\s]{{0,4}}[{_UNIT_CHARS}%]|[^\d\s]*/[^\d\s]+)"
    r"(?:[(（][^()（）]*[)）])?$"
)
_WEIGHTED = lazy_compile(r"[(（]\s*\d+(?:\.\d+)?\s*(?:分|%|％)\s*[)）]$")
_MAX_UNIT = 8
# A unit column's description in brackets, as the Hebei form prints it: (文字描述), (百分比).
_DESCRIBED = lazy_compile(r"^[(（](?:文字描述|百分比|数值|文字|描述)[)）]$")
# Words that end in a measure word's character and are not units: 提升 (升), 及时 (时), 按期 (期).
_NOT_UNIT = lazy_compile(
    r"(提升|上升|及时|按时|准时|适时|如期|按期|定期|长期|短期|基本|成本|升级)$"
)
_MAX_WORD = 10
_SHORT_WORD = 2
_CLAUSE = lazy_compile(r"[^，,；;。]{4}[，,；;。][^，,；;。]{4}")


@dataclass(frozen=True, slots=True)
class Look:
    """The features of a cell's text that tell columns apart."""

    empty: bool = False
    number: bool = False  # a plain number: 10, 9.50
    integer: bool = False
    ocr_integer: bool = False  # a short count a scan read with letters for digits (l, S, lO)
    percent: bool = False
    points: bool = False  # 100分
    operator: bool = False  # only ≥ / = / 定性
    op_value: bool = False  # ≥95%, >=21933人
    num_unit: bool = False  # 204.46平方米, 0次
    unit: bool = False  # %, 人次, 元/人*月
    placeholder: bool = False  # / — 无
    label: lb.LabelKind | None = None  # a category label (产出指标, 其他指标)
    weighted: bool = False  # a label with its points: 产出指标(50分), 规划 (15分)
    bare: bool = False  # a category label without 指标 (满意度, 服务对象满意度): often a name
    date: bool = False
    word: bool = False  # short text: 及时, 完成, 效果明显
    short: bool = False  # two characters at most: a measure word no pattern knows (眼, 场次)
    clause: bool = False  # words in clauses (…影响，部分…滞后): a sentence
    heading: bool = False  # a short word that may be a form's own category: 投入, 预算编制
    text: bool = False  # anything else that is words
    own_row: bool = False  # a 一级 label that is a row in itself, its name too (预算执行率)
    figured: bool = False  # words ending in a figure (较上年减少0.3万亩), no clause: an actual
    paired: bool = False  # points and the score in brackets (10（9.77）) under 分值（得分）


EMPTY = Look(empty=True)
# A row's points with its score in brackets, one cell under a 分值（得分） label.
_POINTS_PAIR = lazy_compile(r"^\d+(?:\.\d+)?\s*\(\d+(?:\.\d+)?\)$")
# A short phrase ending in a figure and its unit, no clause mark in it (较上年减少0.3万亩).
_FIGURE_LAST = lazy_compile(r"^[^,，;；。:：]{0,12}\d+(?:\.\d+)?[^\d\s,，;；。]{0,3}$")


@lru_cache(maxsize=8192)
def look(text: str) -> Look:
    if not text:
        return EMPTY
    t = ascii_form(text)
    number = parse_number(t) is not None
    weighted = bool(_WEIGHTED.search(t))
    label = lb.label_kind(t)
    operator = is_operator(t) or t in _NATURE_WORDS
    has_digit = any(ch.isdigit() for ch in t)
    unit = (
        not number
        and not has_digit
        and len(t) <= _MAX_UNIT
        and label is None
        and (bool(_UNIT.match(t)) or bool(_DESCRIBED.match(t)))
        and not operator
        and not _NOT_UNIT.search(t)
    )
    return Look(
        number=number,
        integer=number and t.isdigit(),
        ocr_integer=not number and _OCR_COUNT.fullmatch(t) is not None,
        percent=bool(_PERCENT.match(t)),
        points=bool(_POINTS.match(t)),
        operator=operator,
        op_value=bool(_OP_VALUE.match(t)),
        num_unit=bool(_NUM_UNIT.match(t)) and not number and not _WORDS_RUN.search(t),
        unit=unit,
        placeholder=is_placeholder(t),
        label=label,
        weighted=weighted,
        bare=label is not None and not weighted and not t.endswith("指标"),
        date=bool(_DATE.match(t)),
        word=not has_digit and len(t) <= _MAX_WORD,
        short=len(t) <= _SHORT_WORD,
        clause=_CLAUSE.search(t) is not None,
        heading=(
            not (unit or operator or weighted)
            and own_heading_text(t)
            and not is_placeholder(t)
            and not _DATE.match(t)
        ),
        text=not number,
        own_row=label is lb.LabelKind.L1 and lb.is_row_of_its_own(t),
        figured=has_digit and not number and bool(_FIGURE_LAST.search(t)),
        paired=has_digit and not number and _POINTS_PAIR.match(t) is not None,
    )


# What a column costs when a row has no cell for it (merged category cells cost nothing).
MISSING = {
    Slot.SEQ: 0.2,
    Slot.L1: 0.0,
    Slot.L2: 0.0,
    Slot.NAME: 3.0,
    Slot.EXPLANATION: 0.1,
    Slot.TEXT: 0.3,
    Slot.NUMBER: 0.5,
}
MISSING_DEFAULT = 1.0
_EMPTY_FIT = {
    Slot.L1: 0.1,
    Slot.L2: 0.1,
    Slot.NAME: 3.0,
    Slot.EXPLANATION: 0.05,
    Slot.TEXT: 0.1,
    Slot.SEQ: 0.2,
}
_EMPTY_DEFAULT = 0.3


def fit(slot: Slot, c: Look, own: bool = False) -> float:
    """The cost of cell ``c`` in a column holding ``slot``; ``own``: the form names its own
    categories (a department's), so a short word may stand in a category column."""
    if c.empty:
        return _EMPTY_FIT.get(slot, _EMPTY_DEFAULT)
    cost = _FITS[slot](c)
    if own and cost >= INF and c.heading and slot in _OWN_COST:
        return _OWN_COST[slot]
    return cost


# A category label printed without 指标 is less surely a category, and more likely a name.
_BARE_LABEL = 0.6
_BARE_NAME = 0.8


# A word the form does not know as a category, in a category column of a form that names its
# own (投入 | 预算编制 | 部门预算按时编报率 …): dearer than any label it knows, and alone on a
# row an 二级 (its 一级 merged over the rows above).
_OWN_COST = {Slot.L1: 1.3, Slot.L2: 1.2}


def _l1(c: Look) -> float:
    if c.label is lb.LabelKind.L1:
        return 0.0
    if c.label is lb.LabelKind.AMBIGUOUS:
        return 0.3
    if c.label is lb.LabelKind.UNKNOWN or (c.weighted and c.text):
        return 0.8 if not c.weighted else 0.3
    return INF


# A 一级 label under another (效果指标 | 效益指标 | …: a form whose 效益指标 is a 二级): dearer
# than the first ending a row of its own (产出指标 … 成本指标 | 效益指标 | 经济效益指标).
_L1_AS_L2 = 1.2


def _l2(c: Look) -> float:
    if c.label is lb.LabelKind.L1 and not c.weighted and not c.own_row:
        return _L1_AS_L2
    if c.label is lb.LabelKind.L2:
        return _BARE_LABEL if c.bare else 0.0
    if c.label is lb.LabelKind.AMBIGUOUS:
        return 0.25 + (_BARE_LABEL if c.bare else 0.0)  # alone, 成本指标 is more often 二级
    if c.label is lb.LabelKind.UNKNOWN or (c.weighted and c.text):
        return 0.6 if not c.weighted else 0.2
    return INF


def _name(c: Look) -> float:
    if c.operator:
        return INF
    if c.bare and c.label is not lb.LabelKind.L1:  # 服务对象满意度 under 服务对象满意度指标
        return _BARE_NAME
    if c.own_row:
        return _BARE_NAME  # 预算执行率 | 预算执行率 | 项目资金实际支出数…: 一级 and name
    if c.label in (lb.LabelKind.L1, lb.LabelKind.L2) or c.weighted:
        return 2.5
    if c.label is not None:
        return 1.5
    if c.number or c.percent or c.placeholder or c.op_value:
        return 3.0
    if c.num_unit:
        return 2.0
    return _CLAUSE_NAME if c.clause else 0.0


# A cell of clauses (受汛期持续降雨影响，部分管网施工进度滞后): an explanation's, seldom a name's.
_CLAUSE_NAME = 1.5


def _nature(c: Look) -> float:
    return 0.0 if c.operator else 6.0


def _value(c: Look) -> float:
    if c.number:
        return 0.0
    if c.percent:
        return 0.3
    if c.num_unit or (c.word and not c.label and not c.operator):
        return 0.5
    if c.op_value:
        return 1.0
    return 3.0


def _unit(c: Look) -> float:
    if c.unit:
        return 0.0
    if not c.word or c.label:
        return INF
    # (a state of three characters or more, 逐步提升, 有效保障: a 定性 target whose sign and
    # unit cells were left empty, not its unit)
    return 3.0 if c.short else _STATE_AS_UNIT


_STATE_AS_UNIT = 4.5


# A category the form knows (质量指标, 效益指标) as a row's target or actual: what a row whose
# values were never filled in looks like once a layout drops its empty cells, never a value.
_LABEL_AS_VALUE = 8.0  # above dropping the cell (_DROP in indicators)
_KNOWN_LABELS = frozenset({lb.LabelKind.L1, lb.LabelKind.L2, lb.LabelKind.AMBIGUOUS})


def _not_a_value(c: Look) -> float | None:
    """What a label or a bare operator costs as a target or an actual (None: neither)."""
    if c.label in _KNOWN_LABELS:
        return _LABEL_AS_VALUE
    if c.label is not None or c.operator:
        return 3.0
    return None


def _target(c: Look) -> float:
    if c.op_value or c.percent or c.num_unit or c.number:
        return 0.0
    if c.date:
        return 0.2
    if (cost := _not_a_value(c)) is not None:
        return cost
    return 0.3 if c.word else 1.0


def _actual(c: Look) -> float:
    if c.percent or c.num_unit or c.number:
        return 0.0
    if c.date:
        return 0.2
    if c.op_value:
        return 0.5
    if (cost := _not_a_value(c)) is not None:
        return cost
    return 0.0 if c.word else 0.3 if c.figured else 0.8


def _points(c: Look) -> float:
    if c.number:
        return 0.0
    if c.placeholder or c.points or c.paired:
        return 0.3
    return 4.0 if c.percent else INF


def _word(c: Look) -> float:
    return 0.0 if c.word and not c.label else 2.0


def _text(c: Look) -> float:
    if c.label is not None or c.weighted:
        return 4.0
    if c.number or c.percent:
        return 2.0
    return 0.0 if not c.word else 0.3


def _explanation(c: Look) -> float:
    if c.placeholder:
        return 0.0
    if c.label is not None or c.weighted:
        return 4.0
    if c.number or c.percent:
        return 2.0
    return 0.1


def _seq(c: Look) -> float:
    if c.integer:
        return 0.0
    return _OCR_SEQ if c.ocr_integer else INF


_OCR_SEQ = 0.5  # a 序号 a scan misread (l for 1, S for 5): dearer than one read right
# A row's 序号 as a scan may misread it: a digit or two, or letters OCR prints for digits.
_OCR_COUNT = lazy_compile(r"[\dlIOSB〇]{1,2}")


_FITS = {
    Slot.SEQ: _seq,
    Slot.L1: _l1,
    Slot.L2: _l2,
    Slot.NAME: _name,
    Slot.NATURE: _nature,
    Slot.VALUE: _value,
    Slot.UNIT: _unit,
    Slot.TARGET: _target,
    Slot.ACTUAL: _actual,
    Slot.WEIGHT: _points,
    Slot.SCORE: _points,
    Slot.NUMBER: _points,
    Slot.WORD: _word,
    Slot.TEXT: _text,
    Slot.EXPLANATION: _explanation,
}
