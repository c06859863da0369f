"""Claims in the narrative: the quantities 预期目标 and 实际完成情况 state, and their enumerations.

A claim is a number with its measure word (``十件`` ``二十余家`` ``1.5万人`` ``3-5次`` ``80%以上``
``约20万字`` ``12万元``), the words around it (what it counts), whether it is approximate, and
whether it is a promise (``不少于`` ``确保`` ``力争`` ``计划`` ``拟`` ``预计`` in the same clause before
it) or a result. Each claim keeps the sentence it comes from, verbatim, so findings can quote it.

Not claims: years, months and dates (2023年, 9月), ordinals (第三批), document numbers (86号),
numbers glued to Latin letters (G60), numbers inside “quotes” or 《titles》 (“三项制度”), a bare
一 before a measure word (一笔经费, 一份报告: the indefinite article far more often than a count),
and idioms where a numeral follows the measure word (五位一体).

An enumeration is a count announced with 类 / 项 / 方面 / 大 / 种 / 个 and followed by its list
(``八类人员，包括A、B和C``, ``5项(A、B、C、D、E)``, ``…：A；B；C``) or preceded by it (``A、B、C三项``).
In a list separated by 、 only the last item is split at 和 / 及 / 以及 (``A和B、C`` is two items,
``A、B和C`` three); a list that ends with 等 is open and is not counted.

Work is linear in the text: one regular-expression pass, boundaries found once and bisected.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from reviewer.claims.numerals import (
    CN_ALL,
    CN_LEAD,
    DIGITS,
    POINT,
    parse_numeral,
)
from reviewer.lazyre import lazy_compile
from reviewer.model import EvaluationTable, Location
from reviewer.units import measure_base

SOURCES = {"goal_expected": "预期目标", "goal_actual": "实际完成情况"}
# Text fields some forms add, read for the amounts they state (N106) and nothing else: a
# field's key in ``EvaluationTable.fields`` and what the memo calls it.
FIELD_SOURCES = {"implementation": "项目实施内容及过程概述"}

# Measure words a claim may carry, and words that look like one but mark a date, an age, a
# ratio or a floor (consumed so that 3个月 is not read as 3个, then dropped).
_COUNT_UNITS = (
    "个方面 方面 人次 户次 场次 批次 课时 学时 小时 万字 平方米 公里 千米 万元 亿元 元 "
    "个 家 人 名 位 次 场 份 件 篇 台 套 项 类 所 批 期 部 本 册 条 处 座 间 户 辆 张 "
    "起 宗 例 门 节 轮 组 支 块 幅 种 大 字 米 吨 公斤 千克 斤 亩 天 周 笔 页 卷 %"
)
COUNT_UNITS = tuple(_COUNT_UNITS.split())
_NOT_UNIT_WORDS = "个月 周年 周岁 年 月 日 号 时 点 分 秒 岁 倍 届 层 部门"
_NOT_UNITS = tuple(_NOT_UNIT_WORDS.split())
ENUM_UNITS = frozenset({"类", "项", "方面", "个方面", "大", "种", "个"})
MONEY_UNITS = {"元": 1.0, "万元": 10_000.0, "亿元": 100_000_000.0}

_UNIT_ALT = "|".join(
    re.escape(u) for u in sorted((*COUNT_UNITS, *_NOT_UNITS), key=len, reverse=True)
)
# A number opens with one character of a single class, so that the regex engine can skip
# ahead to the next digit or numeral without trying the pattern at every character.
# Thousands are parted by commas or by spaces (4 000名).
_NUM = (
    rf"[\d{CN_LEAD}](?:(?<=\d)\d*(?:[, ]\d{{3}})*(?:\.\d+)?[万亿千]?"
    rf"|(?<=[{CN_LEAD}])[{CN_ALL}]*(?:{POINT}[{''.join(DIGITS)}]+[万亿]?)?)"  # 一百零八点六, 二点五万
)
_TAIL = r"(?P<tail>及以上|以上|及以下|以下|以内|左右|上下|之多)?"
_QTY = lazy_compile(
    rf"(?P<num>{_NUM})"
    rf"(?:\s?(?P<sep>[-~至到—])\s?(?P<num2>{_NUM}))?"
    rf"(?P<fuzzy>余|多|几|来)?\s?"
    rf"(?P<unit>{_UNIT_ALT}){_TAIL}"
)
_PERCENT_WORDS = lazy_compile(
    rf"百分之(?P<num>[{CN_LEAD}][{CN_ALL}]*(?:{POINT}[{''.join(DIGITS)}]+)?){_TAIL}"
)
# Tenths (三成, 九成以上): a share in tens of per cent, a word of its own only where nothing
# makes 成 part of another (成本, 建成三成…: 成 then punctuation, a bound's word or the end).
_TENTHS = lazy_compile(
    r"(?P<num>[一二三四五六七八九])(?P<tenths>成)(?=以上|以下|左右|[，。；、）)\s]|$)" + _TAIL
)
_TENTH = 10.0  # per cent in a tenth
# Only full-width forms that have a one-character ASCII twin (so offsets do not move); the
# Chinese comma stays as it is, or 18，361个 would read as eighteen thousand.
_WIDE = lazy_compile("[０-９％．＋－～Ａ-Ｚａ-ｚ\u3000]")
_WIDE_MAP = {
    **{0xFF10 + i: ord("0") + i for i in range(10)},
    **{0xFF21 + i: ord("A") + i for i in range(26)},
    **{0xFF41 + i: ord("a") + i for i in range(26)},
    0xFF05: ord("%"),
    0xFF0E: ord("."),
    0xFF0B: ord("+"),
    0xFF0D: ord("-"),
    0xFF5E: ord("~"),
    0x3000: ord(" "),
}
_SENTENCE_CHARS = frozenset("。！？!?；;\n")
_SENTENCE_END = lazy_compile(r"[。！？!?；;\n]")
# A comma or colon between digits is a figure's (2,315人, 8:30), not a clause's end.
_CLAUSE_END = lazy_compile(r"[。！？!?；;\n，]|(?<!\d)[,:：]|[,:：](?!\d)")
_BEFORE_TAIL = lazy_compile("[^、（(）)“”《》]*$")
_AFTER_STOP_RE = lazy_compile("[，,。；;：:！？!?（(）)“”《》的\n]")
_CONTEXT = 16  # characters of context kept on each side of a number

# 争取 of a plan (争取完成), not of funds obtained (年中争取省级补助286万元: a result).
SOUGHT = r"争取(?![到得]|[省市县中上]级|中央|资金|补助|专项|债券)"
# A promise: the figure is planned, not achieved.
PROMISE = lazy_compile(
    rf"不少于|不低于|至少|确保|力争|{SOUGHT}|努力|原计划|(?<![按照据])计划(?!完成率)|"
    r"(?<![模虚])拟(?![定订稿])|预计|预期|将(?:于|会|要|继续|进一步|持续|逐步)"
)
# Future improvement (下一步将…): neither a result nor this year's promise.
FUTURE = lazy_compile(r"下一步|下一年|下年度?|明年|来年|今后|后续|以后|剩余|尚未")
# The figure is a change, a part, a rate per head, or another period's: not a level to compare.
_DELTA = lazy_compile(
    r"(?:同比|环比|较|比)(?:上年|去年|上一年|上年度|\d{4}年)|(?:增加|增长|提高|提升|下降|降低|减少|增|降)了?(?:约|近)?$"
)
# (分别为63.5%、66.2% after two names: which figure is whose is the list's order, not read)
_PARTIAL = lazy_compile(
    r"其中|每|人均|平均|单次|单场|单价|以来|历年|近\d+年|近[一二三四五六七八九十]+年|分别|"
    r"(?<=[\u4e00-\u9fff])各$"  # …中心和物流配送中心各1个: each item's, not the items' number
)
PART_OF = "其中"  # before a part of a total said earlier
_YEAR = lazy_compile(r"(\d{4})年")
# A sentence opening on last year (上年, 去年（2024年）): its figures are that year's.
_PRIOR_OPENING = lazy_compile(r"\s*(?:上年度?|去年|上一年度?)(?:[（(]\d{4}年?[)）])?")
# A sentence opening on the whole period of a multi-year project (项目周期内累计…, 实施以来):
# its figures are the period's, not the year's.
_PERIOD_OPENING = lazy_compile(
    r"\s*(?:(?:项目|实施)?周期内|(?:项目)?实施期内|项目期内|全周期|项目实施以来|项目启动以来|(?:项目)?开工以来"
    r"|\d{4}\s*年?\s*[-—–~～至到]\s*\d{4}\s*年)"  # (2022-2024年完成…: the project's years)
)
# What a multi-year project's narrative says of the years so far (累计建成…): not the year's.
CUMULATIVE = "累计"
# Any of the words above: most clauses have none, and one search tells.
_MARKS = lazy_compile("|".join(p.pattern for p in (PROMISE, _DELTA, _PARTIAL, _YEAR)))
_APPROX_BEFORE = ("大约", "约", "近", "逾", "超过", "多达", "将近", "接近")
_LOWER_BOUND_BEFORE = ("不少于", "不低于", "至少", "超过", "逾")
_UPPER_BOUND_BEFORE = ("不超过", "不高于", "不多于", "控制在")
# A claim from the noun after the measure word, unless that word starts a verb phrase.
_VERB_START = tuple("赴在于向到给为是对将把被从、")
_NOUN_TAIL = lazy_compile(
    r"(?:不少于|不低于|至少|不超过|大约|约|近|逾|超过|达到|达|为|是|共计|共|累计)+$"
)
_NOUN_HEAD = lazy_compile(r"^(?:完成|开展|组织|举办|评选|聘请|产生|形成|提交|实现|达到)")
_EXCERPT = 20
_NOT_UNIT_SET = frozenset(_NOT_UNITS)
MULTIPLIERS = {"万": 10_000.0, "亿": 100_000_000.0, "千": 1000.0}  # after a number: 1.5万


@dataclass(slots=True)
class Claim:
    """A quantity stated in 预期目标 or 实际完成情况.

    ``number`` is the value (the lower bound of a range); ``upper`` the upper bound of a range
    or of 二十余 (20–30); ``op`` how the figure binds: ``=`` exact, ``>=`` at least (以上,
    不少于), ``<=`` at most (以内, 不超过), ``~`` about (约, 左右), ``range``. ``number`` counts in
    ``unit``: the measure word's own, except money (in 元) and a length or a weight (in 米 or
    千克: ``scale``).

    The words around the figure (``sentence``, ``clause``, ``lead``, ``before``, ``after``,
    ``noun``) are read from ``source_text`` when asked for.
    """

    source: str  # "goal_expected" or "goal_actual"
    source_text: str  # the whole 预期目标 or 实际完成情况, as printed
    text: str  # the quantity as printed: 二十余家
    start: int  # offset of ``text`` in the source text
    end: int
    number: float
    upper: float | None
    op: str
    approx: bool
    unit: str  # the measure word: 家, %; money in 元, a length in 米, a weight in 千克
    promise: bool  # 不少于 / 确保 / 力争 / 计划 / 拟 / 预计 … before it in its clause
    future: bool  # in a 下一步 / 今后 sentence
    comparable: bool  # a level for this project and year (not a change, a part, a rate)
    location: Location | None = None
    number_text: str = ""  # the number as printed (二十, 1.5万), for its rounding step
    clause_span: tuple[int, int] = (0, 0)  # the clause (between commas) around it
    scan_text: str = ""  # source_text with ASCII digits (same offsets), as scanned
    # a part of a total said before it (其中困难残疾人生活补贴惠及2,315人): compared only with
    # the indicator its words name
    part: bool = False
    # a change this year (较上年提高百分之八, 增长9.2%): compared only with an indicator that
    # measures a change (茶园亩均增收, 人均纯收入增幅)
    change: bool = False
    # what one of the printed unit holds of ``unit`` (1000 for 12.5公里, read as 12 500 米)
    scale: float = 1.0
    _near: tuple[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def sentence_span(self) -> tuple[int, int]:
        """(start, end) of the sentence around the figure, with its 。"""
        return sentence_bounds(self.source_text, self.start)

    @property
    def sentence(self) -> str:
        """The sentence the figure comes from, verbatim (what findings quote)."""
        a, b = self.sentence_span
        return self.source_text[a:b]

    @property
    def clause(self) -> str:
        """The clause (between commas) the figure comes from, verbatim."""
        a, b = self.clause_span
        return self.source_text[a:b].strip()

    @property
    def lead(self) -> str:
        """The clause before the figure, whole."""
        return self.source_text[self.clause_span[0] : self.start]

    @property
    def before(self) -> str:
        """Up to 16 characters before the number in its clause, back to a 、 or bracket."""
        return self._words()[0]

    @property
    def after(self) -> str:
        """The words after the measure word, up to the next stop (16 characters at most)."""
        return self._words()[1]

    def _words(self) -> tuple[str, str]:
        if self._near is None:
            text = self.scan_text or ascii_digits(self.source_text)
            self._near = (
                _context_before(text, self.clause_span[0], self.start),
                _context_after(text, self.end),
            )
        return self._near

    @property
    def excerpt(self) -> str:
        """The clause cut to about 20 characters each side of the figure (… marks a cut)."""
        c_start, c_end = self.clause_span
        a, b = max(c_start, self.start - _EXCERPT), min(c_end, self.end + _EXCERPT)
        src = self.source_text
        while a > c_start and _ascii_word(src[a - 1 : a + 1]):  # not inside G60
            a -= 1
        while b < c_end and _ascii_word(src[b - 1 : b + 1]):
            b += 1
        text = src[a:b].strip()
        return ("…" if a > c_start else "") + text + ("…" if b < c_end else "")

    @property
    def noun(self) -> str:
        """What the figure counts: the words after its measure word (十件优秀案例), or else
        the words before the number (优秀案例十件), without verbs and bound words."""
        after, before = self.after, self.before
        if after and not after.startswith(_VERB_START) and not after[0].isdigit():
            return after
        return _NOUN_HEAD.sub("", _NOUN_TAIL.sub("", before))

    @property
    def step(self) -> float:
        """The unit of the last digit printed (1.5万 → 1000, 99.71 → 0.01), for rounding."""
        num = self.number_text
        if not num:
            return 1.0
        mult = MULTIPLIERS.get(num[-1], 1.0) * self.scale
        if num[0] in CN_LEAD:
            return (10.0 ** -len(num.partition(POINT)[2]) * self.scale) if POINT in num else mult
        digits = num.rstrip("万亿千")
        return mult * (10.0 ** -len(digits.split(".", 1)[1]) if "." in digits else 1.0)

    @property
    def source_label(self) -> str:
        return SOURCES.get(self.source) or FIELD_SOURCES.get(self.source, self.source)

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY_UNITS

    @property
    def value_yuan(self) -> float:
        """A money claim in 元 (1.5万元 → 15000)."""
        return self.number * MONEY_UNITS.get(self.unit, 1.0)

    def agrees(self, value: float, upper: float | None = None, scale: float = 1.0) -> bool:
        """Whether a value (or the range ``value``–``upper``) fits what the claim says.

        Printed rounding is allowed: 92% agrees with 92.23%, 9.5万元 with 95 000 元. ``scale``
        converts the claim into the value's unit (10 000 for a 万元 claim against 元 amounts).
        """
        hi = value if upper is None else upper
        if scale != 1.0:
            value, hi = value / scale, hi / scale
        tolerance = self.step / 2 + 1e-9
        if self.op == "range" or self.upper is not None:
            top = self.upper if self.upper is not None else self.number
            return hi >= self.number - tolerance and value <= top + tolerance
        if self.op == ">=":
            return hi >= self.number - tolerance
        if self.op == "<=":
            return value <= self.number + tolerance
        if self.op == "~":
            slack = max(0.15 * abs(self.number), 1.0, tolerance)
            return hi >= self.number - slack and value <= self.number + slack
        return value - tolerance <= self.number <= hi + tolerance


@dataclass(frozen=True, slots=True)
class Enumeration:
    """A count announced in the narrative and the items listed for it."""

    source: str
    announced: int
    announce_text: str  # 八类
    items: tuple[str, ...]
    sentence: str
    start: int  # offset of the announcement in the source text
    # A comma list that may run on into the clauses after it: only a shortfall is certain.
    may_overrun: bool = False
    # The kinds of what was counted, in brackets after N个 (12个场馆（图书馆、文化馆、博物馆）):
    # fewer items than the count are kinds, not members; only more items is certain.
    may_fall_short: bool = False
    location: Location | None = None

    @property
    def source_label(self) -> str:
        return SOURCES.get(self.source, self.source)


def _ascii_word(pair: str) -> bool:
    return pair.isascii() and pair.isalnum()


def ascii_digits(text: str) -> str:
    """Full-width digits, letters and signs to ASCII, one character for one (offsets kept)."""
    return text.translate(_WIDE_MAP) if _WIDE.search(text) else text


class _Text:
    """A source text with its clause boundaries (found once, when first asked)."""

    __slots__ = ("_clauses", "raw", "text")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.text = ascii_digits(raw)
        self._clauses: list[int] | None = None

    def clause(self, pos: int) -> tuple[int, int]:
        """(start, end) of the clause holding ``pos`` (the end is its comma or stop)."""
        bounds = self._clauses
        if bounds is None:
            bounds = self._clauses = [m.start() for m in _CLAUSE_END.finditer(self.text)]
        i = bisect_left(bounds, pos)
        return (bounds[i - 1] + 1 if i else 0), (bounds[i] if i < len(bounds) else len(self.text))


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence of ``text`` holding ``pos``; the end includes its 。."""
    start = max(text.rfind(ch, 0, pos) for ch in _SENTENCE_CHARS) + 1
    stop = _SENTENCE_END.search(text, pos)
    end = len(text) if stop is None else stop.end() - (stop.group() == "\n")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _inside_quotes(text: str, pos: int) -> bool:
    return text.rfind("“", 0, pos) > text.rfind("”", 0, pos) or text.rfind(
        "《", 0, pos
    ) > text.rfind("》", 0, pos)


def _context_before(text: str, clause_start: int, pos: int) -> str:
    """Up to 16 characters before ``pos`` in its clause, back to the nearest 、 or bracket; a
    bracket closed right before the figure is passed over (实施养护工程(中修、大修)126公里: the
    words are 实施养护工程)."""
    if pos > clause_start and text[pos - 1] in ")）":
        opener = max(text.rfind("(", clause_start, pos), text.rfind("（", clause_start, pos))
        if opener > clause_start:
            pos = opener
    m = _BEFORE_TAIL.search(text, max(clause_start, pos - _CONTEXT), pos)
    return m.group() if m else ""


def _context_after(text: str, pos: int) -> str:
    if text.startswith("、", pos):  # 报告1篇、单项报告2篇: the next item, not this one's noun
        return ""
    end = min(len(text), pos + _CONTEXT)
    stop = _AFTER_STOP_RE.search(text, pos, end)
    return text[pos : stop.start() if stop else end]


def _value(num: str) -> float | None:
    """A number the quantity pattern matched (its form is known: no checks needed)."""
    if num[0] in CN_LEAD:
        return parse_numeral(num)  # 九十七点八二 too
    mult = MULTIPLIERS.get(num[-1])
    if mult is None:
        return float(num.replace(",", "").replace(" ", ""))
    return float(num[:-1].replace(",", "").replace(" ", "")) * mult


def _bounds(
    num: str, num2: str | None, fuzzy: str | None, tail: str | None, lead: str
) -> tuple[float, float | None, str, bool] | None:
    """(number, upper, op, approximate) of a quantity, or None when it is not one number."""
    number = _value(num)
    if number is None:
        return None
    upper: float | None = None
    op = "="
    approx = False
    if num2:
        upper = _value(num2)
        if upper is None or upper < number:
            return None
        op = "range"
    if fuzzy:
        approx = True
        if fuzzy == "几" and number == 10:  # 十几
            upper = 19.0
        elif fuzzy != "几" and number >= 10:  # 二十余: 20–30, 1万余: 1–2万
            upper = number + 10.0 ** (len(str(int(number))) - 1)
        else:
            return None
        op = "range"
    if lead:
        stripped = lead.rstrip()
        if stripped.endswith(_APPROX_BEFORE):
            approx = True
            op = "~" if op == "=" else op
        if stripped.endswith(_LOWER_BOUND_BEFORE):
            op = ">=" if op in ("=", "~") else op
        elif stripped.endswith(_UPPER_BOUND_BEFORE):
            op = "<=" if op in ("=", "~") else op
    if tail:
        if tail in ("以上", "及以上", "之多"):
            op, approx = ">=", True
        elif tail in ("以下", "及以下", "以内"):
            op, approx = "<=", True
        else:  # 左右, 上下
            op, approx = "~", True
    return number, upper, op, approx


def _item_number(text: str, pos: int, num: str) -> bool:
    """``num`` (3.262) opens a clause of a text that numbers its items (1.… ；2.… ；3.…), and
    its whole part is the next item's number: the number and a figure run together."""
    head = num.partition(".")[0]
    if not head.isdigit() or len(head) > _ITEM_DIGITS or int(head) < _FIRST_ITEM:
        return False
    if pos and text[pos - 1] not in _ITEM_OPENS:
        return False
    before = re.compile(rf"(?:^|[{_ITEM_OPENS}]){int(head) - 1}[.．、](?=\D)")
    return before.search(text, 0, pos) is not None


_ITEM_DIGITS = 2
_CUT_DECIMAL = lazy_compile(r"\d\.\s+$")  # (a figure's integer part and point before a space)
# A figure's thousands parted by a Chinese comma, as scans print them (1，200): 1–3 digits,
# the comma, three digits and no more.
_WIDE_THOUSANDS = lazy_compile(r"(?<!\d)\d{1,3}，\d{3}(?!\d)\D?$")
_FIRST_ITEM = 2  # the second item on: the first has none before it to tell it by
_ITEM_OPENS = "。；;\n，, "
_TIMES = frozenset("×xX*＊")  # a product's sign before a factor


def _scan(
    source: str,
    t: _Text,
    year: int | None,
    location: Location | None,
    multi_year: bool = False,
) -> list[Claim]:
    """The claims of one text; ``multi_year``: the table's project runs over several years, so
    that a figure said 累计 is the years' so far."""
    text, raw = t.text, t.raw
    n = len(text)
    out: list[Claim] = []
    quoted = "“" in text or "《" in text
    futures = [m.start() for m in FUTURE.finditer(text)]
    found = list(_QTY.finditer(text))
    if "百分之" in text:
        found = sorted([*found, *_PERCENT_WORDS.finditer(text)], key=lambda m: m.start())
    if "成" in text:
        found = sorted([*found, *_TENTHS.finditer(text)], key=lambda m: m.start())
    for m in found:
        pos, end = m.span()
        groups = m.groupdict()
        num, num2, fuzzy, tail = (
            groups["num"],
            groups.get("num2"),
            groups.get("fuzzy"),
            groups["tail"],
        )
        unit = groups.get("unit", "%")
        if unit in _NOT_UNIT_SET:
            continue
        prev = text[pos - 1] if pos else ""
        if prev == "第" or prev == "." or (prev.isascii() and prev.isalnum()):
            continue  # 第三批, V1.5, G60
        if prev in _TIMES:
            continue  # 7×24小时: a product (round-the-clock service), no quantity
        if prev == " " and _CUT_DECIMAL.search(text, 0, pos) is not None:
            continue  # 67. 8%: a scan's space inside one figure, whose tail is no figure
        if prev == "，" and _WIDE_THOUSANDS.search(text, 0, pos + 4) is not None:
            continue  # 1，200亩: a scan's thousands or a list's 1 and 200, no telling which
        if "." in num and _item_number(text, pos, num):
            continue  # …；2.重大动物疫病…；3.262个行政村: the item's number run into a figure
        if num == "一" and not num2:
            continue  # 一笔经费, 一份报告
        if end < n and text[end] in CN_ALL:
            continue  # 五位一体, 一人一档
        if unit == "大" and (prev == "的" or (parse_numeral(num) or 11) > 10):
            continue  # 党的二十大
        if quoted and _inside_quotes(text, pos):
            continue
        c_start, c_end = t.clause(pos)
        lead = text[c_start:pos]
        bounds = _bounds(num, num2, fuzzy, tail, lead)
        if bounds is None:
            continue
        scale = 1.0
        if groups.get("tenths"):
            # 三成: 30%, said of a share rounded to its tenth (25–35%) unless bound (以上)
            number, upper, op, approx = bounds
            bounds = (
                (number * _TENTH - _TENTH / 2, number * _TENTH + _TENTH / 2, "range", True)
                if op in ("=", "~")
                else (number * _TENTH, None, op, approx)
            )
        elif (based := measure_base(unit)) is not None:
            # a measure in the unit its rows are compared in (12.5公里 as 12 500 米)
            unit, scale = based
            number, upper, op, approx = bounds
            bounds = (number * scale, None if upper is None else upper * scale, op, approx)
        future = False
        if futures and futures[0] < pos:
            s_start = sentence_bounds(text, pos)[0]
            future = any(s_start <= f < pos for f in futures)
        promise, comparable = False, True
        if lead and _MARKS.search(lead):
            promise = PROMISE.search(lead) is not None
            other_year = year is not None and any(int(y) != year for y in _YEAR.findall(lead))
            comparable = not (other_year or _DELTA.search(lead) or _PARTIAL.search(lead))
            delta = _DELTA.search(lead) is not None
            part = (
                not comparable
                and PART_OF in lead
                and not (other_year or delta)
                and _PARTIAL.search(lead.replace(PART_OF, "")) is None
            )
            change = delta and not other_year and _PARTIAL.search(lead) is None
        else:
            part = change = False
        if comparable and multi_year and CUMULATIVE in lead:
            comparable = False  # 累计建成6.45万亩 of a project of 2021—2023: the years so far
        if comparable and (
            _PRIOR_OPENING.match(text, start := sentence_bounds(text, pos)[0]) is not None
            or _PERIOD_OPENING.match(text, start) is not None
        ):
            # the sentence is about last year (上年（2024年）部门支出…，执行率94.37%) or the
            # project's whole period (项目周期内累计完成…，通达建制村82个): each of its figures is
            # that period's, whatever its own clause says
            comparable = False
        out.append(
            Claim(
                source,
                raw,
                raw[pos:end],
                pos,
                end,
                *bounds,
                unit,
                promise,
                future,
                comparable,
                location,
                num,
                (c_start, c_end),
                text,
                part,
                change,
                scale,
            )
        )
    return out


# An enumeration's list starts at one of these, close after the announced noun.
# (a colon between figures is a ratio or a time, 1:1.26, 8:30: no list's start)
_LIST_START = lazy_compile(r"包括|包含|涵盖|分别是|分别为|(?<!\d)[：:]|[（(]")
_LIST_WINDOW = 24
_DIGIT = lazy_compile(r"\d")
_ORDINAL = "一二三四五六七八九十"
_CONNECTORS = ("以及", "和", "及", "与")
# Brackets and quotes inside an item: their 、 do not separate items (A（含B、C）、D).
_NESTED = lazy_compile(r"（[^）]*）|\([^)]*\)|“[^”]*”")


def _split_last(items: list[str]) -> list[str]:
    """Split the last item at its first 和 / 及 / 以及 (A、B和C → A, B, C)."""
    last = items[-1]
    for word in _CONNECTORS:
        k = last.find(word)
        if 0 < k < len(last) - len(word):
            return [*items[:-1], last[:k], last[k + len(word) :]]
    return items


def _open(items: list[str], following: str) -> bool:
    """A list that ends with 等 (or 等等) names examples, not all of its members."""
    return items[-1].endswith("等") or following.startswith("等")


def _list_after(text: str, start: int) -> tuple[list[str], bool] | None:
    """The items of a list that starts at ``start`` (just after its opening word or mark), and
    whether the list may run on into the clauses after it (only a shortfall is then certain)."""
    opener = text[start - 1]
    if opener in "（(":
        close = text.find("）" if opener == "（" else ")", start)
        if close < 0:
            return None
        items = [s.strip() for s in re.split(r"[、，,；;/]", text[start:close])]
        if len(items) < 2 or not all(items):
            return None
        return None if _open(items, text[close + 1 :]) else (_split_last(items), False)
    if text[start:].lstrip().startswith("一是"):
        return _ordinal_items(text[start:]), False
    stop = _SENTENCE_END.search(text, start)
    end = stop.start() if stop else len(text)
    segment = text[start:end]
    comma = re.search(r"[，,]", segment)
    head = segment[: comma.start()] if comma else segment
    if "、" in head:
        items = [s.strip() for s in _NESTED.sub("", head).split("、")]
        following = segment[len(head) :].lstrip("，,")
        if not all(items) or _open(items, following):
            return None
        return _split_last(items), False
    if opener in "：:":
        # A colon list separated by ； (each item may hold commas) or by short comma items.
        full_stop = text.find("。", start)
        block = text[start : full_stop if full_stop >= 0 else len(text)]
        parts = [s.strip() for s in re.split(r"[；;]", block)]
        if len(parts) < 2:
            parts = [s.strip() for s in re.split(r"[，,]", segment)]
            if any(len(p) > 15 for p in parts):
                return None
            # The last "items" may be the clauses after the list (…：A，B，C，取得良好效果).
            return None if len(parts) < 2 or not all(parts) else (parts, True)
        if len(parts) < 2 or not all(parts) or _open(parts, ""):
            return None
        return parts, False
    return None


def _ordinal_items(segment: str) -> list[str]:
    """一是…二是…三是…: the items in order (the segment starts with 一是)."""
    starts: list[int] = []
    pos = 0
    for ch in _ORDINAL:
        k = segment.find(f"{ch}是", pos)
        if k < 0:
            break
        starts.append(k)
        pos = k + 2
    stop = segment.find("。", starts[-1])
    ends = [*starts[1:], stop if stop >= 0 else len(segment)]
    return [segment[a:b].strip("，,；;。 ") for a, b in zip(starts, ends, strict=True)]


# The count's noun and 等 after it: the clause's list named examples (…两项补贴等).
_OPEN_AFTER = lazy_compile(r"[^、，,。；;：:]{0,8}?等(?![级次同])")


# A count that is part of a policy's name (残疾人两项补贴: the 生活补贴 and the 护理补贴), no
# count of the list before it (城乡低保、特困供养和残疾人两项补贴资金).
_NAMED_COUNT = lazy_compile(r"(?:两|二|三)项(?:补贴|制度|经费)")


# Numerals listed before the word they share (三、四级手术, 一、二类): levels of a kind the
# count is of, no list of what it counts.
_NUMERALS_LISTED = lazy_compile(r"[一二三四五六七八九十\d]、[一二三四五六七八九十\d][级类等档星]")


def _list_before(text: str, clause_start: int, pos: int) -> list[str] | None:
    """The items of a list written just before its count (A、B和C三项), if any."""
    head = text[clause_start:pos]
    for ch in "：:（(）)":
        head = head[head.rfind(ch) + 1 :]
    if "、" not in head or head.endswith(("等", "等等")) or _NUMERALS_LISTED.search(head):
        return None
    items = [s.strip() for s in _NESTED.sub("", head).split("、")]
    return _split_last(items) if all(items) else None


def _enumerations(source: str, t: _Text, scanned: list[Claim]) -> list[Enumeration]:
    text = t.text
    out: list[Enumeration] = []
    for i, claim in enumerate(scanned):
        if claim.unit not in ENUM_UNITS or claim.op != "=" or claim.approx:
            continue
        announced = int(claim.number)
        if announced != claim.number or announced < 2:
            continue
        end = claim.end
        next_claim = scanned[i + 1].start if i + 1 < len(scanned) else len(text)
        window_end = min(end + _LIST_WINDOW, next_claim, len(text))
        sentence_stop = _SENTENCE_END.search(text, end, window_end)
        if sentence_stop:
            window_end = sentence_stop.start()
        opener = _LIST_START.search(text, end, window_end)
        listed: tuple[list[str], bool] | None = None
        kinds = False
        if opener is not None:
            before_opener = text[end : opener.start()]
            paren = opener.group() in "（("
            if not (paren and re.search(r"[，,]", before_opener)):
                listed = _list_after(text, opener.end())
            kinds = paren and claim.unit == "个"
        elif claim.unit != "个" and not _NAMED_COUNT.match(text, claim.start):
            before_items = _list_before(text, claim.clause_span[0], claim.start)
            if before_items and _OPEN_AFTER.match(text, end):
                # (A、B、残疾人两项补贴等社会救助政策: the list goes on past the count's noun,
                # examples of a kind, the count a name's own)
                before_items = None
            if before_items and any(_DIGIT.search(item) for item in before_items):
                # items with their own figures (更新出版物11200册、订阅报刊3种): the figure is
                # the last item's quantity, no count of the list
                before_items = None
            listed = (before_items, False) if before_items else None
        if listed is None or len(listed[0]) < 2:
            continue
        items, overrun = listed
        # items that each state a figure are targets (建档率保持在90%以上；…) the sentence sets
        # out under its count, not the kinds it counts (12类服务项目): fewer is no omission
        kinds = kinds or all(_DIGIT.search(item) for item in items)
        out.append(
            Enumeration(
                source=source,
                announced=announced,
                announce_text=claim.text,
                items=tuple(items),
                sentence=claim.sentence,
                start=claim.start,
                may_overrun=overrun,
                may_fall_short=kinds,
                location=claim.location,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one table's narrative states: its claims and its enumerations."""

    claims: tuple[Claim, ...]
    enumerations: tuple[Enumeration, ...]


def extract(table: EvaluationTable) -> Extraction:
    """Claims and enumerations of both narrative texts of a table."""
    claims: list[Claim] = []
    enumerations: list[Enumeration] = []
    for source in SOURCES:
        raw: str = getattr(table, source)
        if not raw:
            continue
        location: Location | None = table.cells.get(source)  # a CellRef is a Location
        t = _Text(raw)
        scanned = _scan(source, t, table.year, location, multi_year(table))
        claims.extend(scanned)
        enumerations.extend(_enumerations(source, t, scanned))
    return Extraction(tuple(claims), tuple(enumerations))


def multi_year(table: EvaluationTable) -> bool:
    """The table's project runs over more than one year (项目实施周期 2021年—2023年)."""
    period = table.fields.get("项目实施周期") or table.fields.get("实施周期") or ""
    return len(set(_YEAR.findall(period))) > 1


def field_claims(table: EvaluationTable) -> list[Claim]:
    """The quantities stated in the text fields of ``FIELD_SOURCES`` (项目实施内容及过程概述)."""
    claims: list[Claim] = []
    for source in FIELD_SOURCES:
        raw = table.fields.get(source, "")
        if raw:
            ref = table.cells.get(f"field:{source}")
            where = ref.plain() if ref else None
            claims.extend(_scan(source, _Text(raw), table.year, where, multi_year(table)))
    return claims


def extract_claims(table: EvaluationTable) -> list[Claim]:
    """The quantities stated in a table's 预期目标 and 实际完成情况, in reading order."""
    return list(extract(table).claims)


def sentence_at(text: str, pos: int) -> str:
    """The sentence of ``text`` that holds offset ``pos``, verbatim."""
    start, end = sentence_bounds(text, pos)
    return text[start:end]
