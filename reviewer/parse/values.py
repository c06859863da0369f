"""Numbers, amounts and indicator values as printed in the form.

Accepts full-width digits and signs, thousands separators, units glued to numbers (``100%``,
``50个``, ``0.5小时/个``), word operators (不低于, 控制在…以内, …以上), ranges (``3-10月``,
``3～10月``, ``3至10月``) and numbers inside words (``促进(11人)``).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from reviewer.lazyre import lazy_compile
from reviewer.model import Operator, ParsedValue
from reviewer.textnorm import nfkc

_PLACEHOLDERS = frozenset({"", "—", "——", "-", "--", "/", "／", "无", "N/A", "n/a", "—-", "－"})
# What a spreadsheet shows where its formula failed (#DIV/0!, #REF!): no value; said (P115).
SHEET_ERRORS = frozenset(
    {"#DIV/0!", "#REF!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
)
# A number as forms print it: 12,000 and 1 234.5 (thousands), 95,2 (a decimal comma: one or
# two digits after it, never three), 0.95, .5.
_NUMBER = (
    r"[-+]?\d{1,3}(?: \d{3})+(?:\.\d+)?"
    r"|[-+]?\d+,\d{1,2}(?![\d,])"
    r"|[-+]?\d+(?:,\d{3})*(?:\.\d+)?|[-+]?\.\d+"
)
_DECIMAL_COMMA = lazy_compile(r"^[-+]?\d+,\d{1,2}$")
_PLAIN_NUMBER = lazy_compile(rf"^(?:{_NUMBER})$")
_AMOUNT = lazy_compile(rf"^({_NUMBER})\s*(万元|元|万)?$")
_PERCENT = lazy_compile(rf"^({_NUMBER})\s*%$")

# Symbol operators, longest first.
_SYMBOLS: tuple[tuple[str, Operator], ...] = (
    (">=", Operator.GE),
    ("=>", Operator.GE),
    ("<=", Operator.LE),
    ("=<", Operator.LE),
    ("≥", Operator.GE),
    ("≧", Operator.GE),
    ("≤", Operator.LE),
    ("≦", Operator.LE),
    (">", Operator.GT),
    ("<", Operator.LT),
    ("=", Operator.EQ),
    ("═", Operator.EQ),  # a box-drawing double line, printed for = by some templates
)
# Word operators written before the number, longest first.
_PREFIX_WORDS: tuple[tuple[str, Operator], ...] = (
    ("大于或等于", Operator.GE),
    ("大于等于", Operator.GE),
    ("小于或等于", Operator.LE),
    ("小于等于", Operator.LE),
    ("不低于", Operator.GE),
    ("不少于", Operator.GE),
    ("不小于", Operator.GE),
    ("至少", Operator.GE),
    ("不高于", Operator.LE),
    ("不超过", Operator.LE),
    ("不大于", Operator.LE),
    ("不多于", Operator.LE),
    ("控制在", Operator.LE),
    ("大于", Operator.GT),
    ("超过", Operator.GT),
    ("高于", Operator.GT),
    ("多于", Operator.GT),
    ("小于", Operator.LT),
    ("低于", Operator.LT),
    ("少于", Operator.LT),
    ("等于", Operator.EQ),
    ("达到", Operator.EQ),
)
# Word operators written after the number (…以上, …以内), with the number's unit before them.
_SUFFIX_WORDS: tuple[tuple[str, Operator], ...] = (
    ("及以上", Operator.GE),
    ("以上", Operator.GE),
    ("及以下", Operator.LE),
    ("以下", Operator.LE),
    ("以内", Operator.LE),
    ("之内", Operator.LE),
    ("内", Operator.LE),  # after a unit of time (24小时内, 30日内): within it
)
# 达到 read as =, then bounded by a word after the number (达到95%以上: at least 95%).
_REACHED = (Operator.EQ, "达到")
_TIME_UNITS = frozenset(
    {"小时", "天", "日", "个工作日", "工作日", "分钟", "个月", "月", "年", "周"}
)
# Words that make a figure approximate (约90%, 60%左右, 5家上下): read as the figure.
_ABOUT = ("约", "大约")
_ABOUT_AFTER = ("左右", "上下")
# After a figure and its multiplier, 余 / 多 (8600余户, 4.6万余人, 300多人): more than it.
_MORE_THAN = lazy_compile(r"([万千百亿]?)[余多](?=[\u4e00-\u9fff]|$)")
_RATIO = lazy_compile(rf"^({_NUMBER})\s*[:：]\s*({_NUMBER})$")
_VALUE = lazy_compile(rf"^({_NUMBER})\s*([^\d\s].*)?$")
_RANGE = lazy_compile(
    rf"^({_NUMBER})\s*([^\d\s~～至\-—–]*)\s*(?:-|~|～|至|—|–|－|到)\s*({_NUMBER})\s*(.*)$"
)
# After a lower bound, an upper one (≥90%且≤110%, 不低于8000株、不高于10000株).
_UPPER_BOUND = lazy_compile(
    rf"^({_NUMBER})\s*([^\d\s≤<且并，,、;；]*)\s*(?:[，,、;；]\s*)?(?:且|并且|同时)?\s*"
    rf"(?:<=|≤|≦|<|不高于|不超过|不大于|小于等于|小于)\s*({_NUMBER})\s*(\S*)$"
)
_WORD_WITH_NUMBER = lazy_compile(rf"^([^\d(（]+)[(（]\s*({_NUMBER})\s*([^)）]*)[)）]$")
_NOT_DONE = ("未进行", "未完成", "未开展", "未实施", "未启动", "未举办", "未达成", "未执行", "没有")


@lru_cache(maxsize=8192)
def ascii_form(text: str) -> str:
    """Full-width digits and signs to ASCII (NFKC), without touching CJK text; a scan's 。 or
    middle dot between digits is the decimal point it misread (45。30, 98·5). Cached: a cell's
    value is read so by several parsers and rules (the amount, the rate, the sign)."""
    t = _unmarked(nfkc(text).replace("〜", "～").strip())
    return _OCR_POINT.sub(".", t) if "。" in t or "·" in t or "・" in t else t


# A figure a scan cut after its first digit (9 0%, ≥9 5%): a sign, a digit, the rest.
# (a digit then the rest of a rate, 9 0%, or of a target after its sign, ≥2 5公里; decimals
# cut, 1.5 6万人次. Not a bare 5 8套, where a separator dropped between two cells is as likely.)
_SPLIT_FIGURE = lazy_compile(
    r"^([≥≤<>=]?\s*)(\d) (\d+(?:\.\d+)?)(%)$"
    r"|^([≥≤<>=]\s*)(\d) (\d+(?:\.\d+)?)([^\d\s.,%]+)$"
    r"|^([≥≤<>=]?\s*)(\d+\.\d+) (\d{1,2})([^\d\s.,]+)$"
)


def _unmarked(t: str) -> str:
    """A figure without the mark a spreadsheet stores it as text with ('92.30%)."""
    return _TEXT_MARK.sub("", t) if t[:1] == "'" else t


# 45。30, 98·5, 1l。5: a decimal point misread (after a digit, or a digit a scan read as l or O)
_OCR_POINT = lazy_compile(r"(?<=[\dlO])[。·・](?=\d)")
# A spreadsheet's mark that a figure is stored as text ('92.30%, '100), typed into the cell
_TEXT_MARK = lazy_compile(r"^'(?=[\d.+\-≥≤<>=])")


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float | None:
    """A plain number (``10``, ``9.98``, ``4,024,422.6``); None for anything else.

    Cached: a form repeats the same few weights and scores on every row."""
    t = _unmarked(text.strip()) if text.isascii() else ascii_form(text)
    if _PLAIN_NUMBER.match(t):
        return _num(t)
    if _OCR_DIGIT.match(t):  # a scan's O for 0, l for 1 among digits (1O, 9.5l)
        fixed = t.translate(_OCR_DIGITS)
        if _PLAIN_NUMBER.match(fixed):
            return _num(fixed)
    if t in _LONE_OCR_DIGITS or t in _OCR_TEN:  # a score a scan misread (S for 5, lO for 10)
        return _num(t.translate(_OCR_DIGITS))
    if (bare := _EDGE_MARK.sub("", t)) != t and _PLAIN_NUMBER.match(bare):
        return _num(bare)  # a scan's grid line read at the figure's edge (10], |9.5)
    if _SPLIT_DECIMALS.match(t):
        return _num(t.replace(" ", ""))  # a scan's 9.9 2: a figure's decimals a space cut
    if t.count(" ") >= _SPACED and _spaced_digits(t):
        return _num(t.replace(" ", ""))  # a letter-spaced PDF's figure (9 0 9 8 3 6 1.2 7)
    return None


_SPACED = 3  # spaces at least between a letter-spaced figure's digits: not 8 8, two figures


def _spaced_digits(t: str) -> bool:
    """A figure printed a digit at a time, a space between each (its point where it falls:
    1.2 in 9 0 9 8 3 6 1.2 7)."""
    parts = t.split(" ")
    return (
        all((len(p) == 1 and p.isdigit()) or (p.count(".") == 1 and len(p) <= 3) for p in parts)
        and _PLAIN_NUMBER.match(t.replace(" ", "")) is not None
    )


# One mark of a cell's rule at a figure's edge, as OCR reads it: a bracket or a bar.
_EDGE_MARK = lazy_compile(r"^[\[\]|｜【】]|[\[\]|｜【】]$")


# Letters OCR puts for digits, inside a figure of digits: at least one digit, short.
_OCR_DIGIT = lazy_compile(r"^(?=.*\d)[\d.,OolI〇]*[OolIbBS〇][\d.,OolIbBS〇]*$")
_OCR_DIGITS = str.maketrans("OolIbBS〇", "00116850")  # 〇 too: a scan's 1〇 for 10
_OCR_LETTERS = frozenset("OolIbBS〇")
_SPLIT_DECIMALS = lazy_compile(r"^\d+\.\d+ \d{1,2}$")
# Ten with both its digits misread (lO, IO): the points of many a row, as a scan reads them.
_OCR_TEN = frozenset({"lO", "IO", "lo", "l〇"})
# A digit a scan misread, alone in its cell: S (5) and 〇; l, O, I, b and B alone are as like
# a mark or a letter as a figure.
_LONE_OCR_DIGITS = frozenset("S〇")
# A figure's leading run of digits and OCR letters (1l26 in 1l26公里, 12b for 126): b, B and S
# (6, 8, 5) only after the run's first character, never opening it (B级 is a grade).
_OCR_RUN = lazy_compile(r"[\dOolI〇][\d.,OolIbBS〇]*")


_POINTS = lazy_compile(rf"^({_NUMBER})\s*分$")
# Points with a note in brackets after them: 9（扣1分）, 8 (扣2分).
_NOTED_POINTS = lazy_compile(rf"^({_NUMBER})\s*分?\s*[(（][^()（）]*[)）]$")


@lru_cache(maxsize=4096)
def parse_points(text: str) -> float | None:
    """A number of points: ``10``, ``9.5``, with its unit, ``100分``, or with a note after
    it, ``9（扣1分）``."""
    n = parse_number(text)
    if n is not None:
        return n
    t = ascii_form(text)
    m = _POINTS.match(t) or _NOTED_POINTS.match(t)
    return _num(m.group(1)) if m else None


def is_placeholder(text: str) -> bool:
    """Cells that mean 'nothing here': blank, dashes, slashes, 无."""
    t = text.strip()
    return t in _PLACEHOLDERS or t in SHEET_ERRORS


def is_sheet_error(text: str) -> bool:
    """What a spreadsheet shows where its formula failed (#DIV/0!, #REF!)."""
    return text.strip() in SHEET_ERRORS


# An amount with a note after it in brackets (5736.40（含追加116.10）: a Word cell's second
# paragraph), the note in words, not a unit.
_NOTED_AMOUNT = lazy_compile(
    rf"^((?:{_NUMBER})\s*(?:万元|元|万)?)\s*\((?!\s*万?元\s*\))[^()]*[\u4e00-\u9fff][^()]*\)$"
)


@lru_cache(maxsize=4096)
def amount_head(text: str) -> str:
    """An amount cell's amount, without the bracketed note printed after it (5736.40 of
    5736.40（含追加116.10）); the text itself otherwise."""
    m = _NOTED_AMOUNT.match(ascii_form(text))
    return m.group(1).rstrip() if m else text


def rounds_to(text: str, printed: float, value: float) -> bool:
    """``value`` rounded half up to the decimals ``text`` shows is ``printed`` (39.5 for 39.47,
    19.0 for 18.956); whole points are too coarse to tell rounding from a mistake."""
    shown = decimals(text)
    if shown == 0:
        return False
    unit = Decimal(1).scaleb(-shown)
    return Decimal(str(value)).quantize(unit, ROUND_HALF_UP) == Decimal(str(printed))


@lru_cache(maxsize=4096)
def parse_amount(text: str) -> float | None:
    """An amount cell: number with optional thousands separators and unit (a note in brackets
    after it aside); None if blank. Cached, as ``parse_number``: a block prints its total's
    amounts again in its sources' rows, and the rules read them again."""
    t = ascii_form(amount_head(value_proper(text)))
    if is_placeholder(t):
        return None
    m = _AMOUNT.match(t)
    if m:
        return _num(m.group(1))
    if _DOTTED_THOUSANDS.match(t):  # a scan's thousands comma read as a point (2.105.80)
        whole, _, cents = t.rpartition(".")
        return float(whole.replace(".", "") + "." + cents)
    if " " in t and (split := _SPACED_AMOUNT.match(t)) is not None:
        # a scan's space inside one amount (31 2.64, 1,16 8.40): its digits read apart
        joined = split.group(1) + split.group(2)
        if "," not in joined or _THOUSANDS.match(joined):
            return _num(joined)
    return parse_number(t)  # a scan's letters for digits (23l8.60), if that is what it is


# One amount with a space among its digits before its cents (31 2.64): not two amounts, the
# first of which would print its own cents (320.00 312.64), nor a figure and its points (10 9.5)
_SPACED_AMOUNT = lazy_compile(r"^(\d{1,3}(?:,\d{1,3})*) (\d{1,3}(?:,\d{3})*\.\d{2})$")
_THOUSANDS = lazy_compile(r"^\d{1,3}(?:,\d{3})*\.\d{2}$")
# Groups of three after the first, then the cents: only thousands can be apart by points so.
_DOTTED_THOUSANDS = lazy_compile(r"^\d{1,3}(?:\.\d{3})+\.\d{1,2}$")


def parse_percent(text: str) -> float | None:
    """``99.85%`` → 99.85; a bare number is taken as already in percent."""
    t = ascii_form(text)
    if is_placeholder(t):
        return None
    m = _PERCENT.match(t)
    if m:
        return _num(m.group(1))
    if t.endswith("%"):  # a scan's letters for digits before the sign (85.5O%, 95.6l%)
        return parse_number(t[:-1])
    return parse_number(t)


def decimals(text: str) -> int:
    """How many decimals a printed number shows (``99.00%`` → 2, ``9.9`` → 1; the digits
    only: a scan's % read as o, ``95.44o``, shows 2)."""
    t = ascii_form(text).rstrip("%").strip()
    if "." not in t:
        return 0
    tail = t.split(".", 1)[1]
    n = 0
    while n < len(tail) and tail[n].isdigit():
        n += 1
    return n


def _num(text: str) -> float:
    """A number ``_NUMBER`` matched, as a float."""
    if _DECIMAL_COMMA.match(text):
        return float(text.replace(",", "."))
    return float(text.replace(",", "").replace(" ", ""))


def is_operator(text: str) -> bool:
    """A cell that is only a comparison (``≥``, ``<=``, ``不低于``), as 指标性质 prints it."""
    return ascii_form(text) in _OPERATOR_TEXTS


# Every comparison's printed form, symbol or word: one set look-up, not a scan of both lists.
_OPERATOR_TEXTS = frozenset(s for s, _ in (*_SYMBOLS, *_PREFIX_WORDS))


@lru_cache(maxsize=4096)
def parse_value(text: str) -> ParsedValue:
    """Parse a 年度指标值 / 实际完成值 cell into operator, number(s), unit and word.

    Cached: forms repeat 及时, =100%, 提升 endlessly, and a ParsedValue is immutable, so one
    instance serves every cell with the same text."""
    return ParsedValue(**_parse_fields(text))


# Footnote marks after a value (83.3%①, 3.2万亩※, 1,280.00注1, 12.3万人次^2, 95%[3]): the
# note's sign, not the unit (NFKC would read ① as 1); not a square metre's ^2 (1200米^2).
_MARKS = lazy_compile(
    r"(?:[\u2460-\u2473\u2776-\u277f※*＊†‡]|注\s*\d{1,2}|(?<![米mM])\^\d{1,2}|\[\d{1,2}\])+$"
)
_MARK_ENDS = frozenset("※*＊†‡]0123456789").union(
    chr(c) for c in (*range(0x2460, 0x2474), *range(0x2776, 0x2780))
)
# A value corrected in its cell, as an editor exports it: 85%→88%, ~~85%~~ 88% (the last one
# stands).
_STRUCK = lazy_compile(r"~~[^~]*~~\s*")
# A remark in brackets after a figure and its unit (29.6万人（截至12月31日）, 98%（抽样）,
# 45.6公里（含续建3.2公里）): the figure's note, not its unit (12（万人次） keeps its unit).
_REMARK = lazy_compile(
    r"^([≥≤<>=]?\s*\d[\d.,]*\s*(?:%|[^\d\s()（）]{1,4}))\s*[(（][^()（）]*[\u4e00-\u9fff][^()（）]*[)）]$"
)


def value_proper(text: str) -> str:
    """A value cell's own figure, without what annotates it: a footnote's mark after it, an
    earlier figure struck through or corrected (85%→88%), a remark in brackets after its
    unit."""
    if not text:
        return text
    t = text
    if t[-1] in _MARK_ENDS:
        t = _MARKS.sub("", t).rstrip()
    if "→" in t:
        t = t.rsplit("→", 1)[1].strip()
    if "~~" in t:
        t = _STRUCK.sub("", t).strip() or t
    if t[-1:] in ")）" and (m := _REMARK.match(t)) is not None:
        t = m.group(1).rstrip()
    return t or text


# A count written in Chinese numerals, the whole cell (一百二十人, 两所): its counter word
# after it; no other word (三季度 a date, 十分 "very", 一般 a grade).
_CHINESE_COUNT = lazy_compile(
    r"^([零〇一二两三四五六七八九十百千]+)"
    r"(万?(?:人次|人|个|次|所|家|户|场|座|处|项|台|辆|名|件|套|株|亩|公里|批|期|份|本|册|头|只|吨|间|栋|条))$"
)


# A share written as a fraction of small numbers (2/3, 3/4), alone in its cell: no date (a
# month and a day print their 月/日 or a year), no count done of planned (12/15).
_FRACTION = lazy_compile(r"^([1-9])/([2-9]|10)$")
# A count done over the count planned, each with its unit (12个/12个): not a unit 个/12个.
_DONE_OF_PLANNED = lazy_compile(r"^(\d+(?:\.\d+)?)([^\d\s/.%]{1,3})/(\d+(?:\.\d+)?)\2$")


# After a figure, another in the same unit (95% 96%, 12000人12460人: the space lost where a
# layout's reader took it for a wrap).
_CORRECTED = lazy_compile(r"^([^\d\s]{1,4}?)\s*[≥≤=<>]?\d[\d.,]*\s*\1$")


def _parse_fields(text: str) -> dict[str, Any]:
    t = ascii_form(value_proper(text))
    if not t:
        return {}
    if " " in t and (m := _SPLIT_FIGURE.match(t)) is not None:
        t = "".join(g for g in m.groups() if g)  # a scan's 9 0%: one figure a space cut
    for word in _NOT_DONE:
        if t.startswith(word):
            return dict(operator=Operator.QUALITATIVE, word=t, not_done=True)

    operator: Operator | None = None
    written = False
    rest = t
    for symbol, op in _SYMBOLS:
        if rest.startswith(symbol):
            operator, written, rest = op, True, rest[len(symbol) :].strip()
            break
    else:
        for word, op in _PREFIX_WORDS:
            if rest.startswith(word):
                operator, written, rest = op, True, rest[len(word) :].strip()
                break

    if operator in (Operator.GE, Operator.GT) and (m := _UPPER_BOUND.match(rest)) is not None:
        low, high = m.group(2).strip(), m.group(4).strip()
        if not low or not high or low == high:  # ≥90%且≤110%, ≥8000株，≤10000株: a range
            return dict(
                operator=Operator.RANGE,
                number=_num(m.group(1)),
                upper=_num(m.group(3)),
                unit=high or low,
                operator_written=True,
            )
    if (
        _OCR_LETTERS.intersection(rest)
        and (m := _OCR_RUN.match(rest))
        and _OCR_DIGIT.match(m.group())
        and rest[m.end() : m.end() + 1] != "级"  # 3B级: a grade, no figure
    ):
        rest = m.group().translate(_OCR_DIGITS) + rest[m.end() :]  # a scan's 1l26公里, l5年
    if operator is None and rest.startswith(_ABOUT):
        rest = rest.removeprefix("大约").removeprefix("约").strip()  # 约90%: about a figure
    m = _FRACTION.match(rest)
    if m and 0 < int(m.group(1)) < int(m.group(2)):
        # ≥2/3 (of residents agreeing): a share, as the percentage it is
        return dict(
            operator=operator or Operator.EQ,
            number=round(100 * int(m.group(1)) / int(m.group(2)), 2),
            unit="%",
            operator_written=written,
        )
    m = _DONE_OF_PLANNED.match(rest)
    if m and _num(m.group(1)) <= _num(m.group(3)):
        # 12个/12个, 10所/12所: the figure done, over the figure planned in the same unit
        return dict(
            operator=operator or Operator.EQ,
            number=_num(m.group(1)),
            unit=m.group(2),
            operator_written=written,
        )
    m = _RATIO.match(rest)
    if m and _num(m.group(1)) == 1:  # 1:1.2, a ratio to one (not a time of day, 10:30)
        return dict(
            operator=operator or Operator.EQ,
            number=_num(m.group(2)),
            unit="",
            operator_written=written,
        )
    m = _RANGE.match(rest)
    if m and operator in (None, Operator.EQ):
        unit = (m.group(4) or m.group(2)).strip()
        return dict(
            operator=Operator.RANGE,
            number=_num(m.group(1)),
            upper=_num(m.group(3)),
            unit=unit,
            operator_written=True,
        )

    m = _VALUE.match(rest)
    if m and _CORRECTED.match(m.group(2) or ""):
        # two figures in one unit side by side (95% 96%, 12000人 12460人): a figure and its
        # correction written beside it, which of them stands cannot be told; no figure is read
        return dict(operator=Operator.QUALITATIVE, word=t)
    if m:
        unit = (m.group(2) or "").strip()
        if unit.endswith(_ABOUT_AFTER):  # 60%左右: about the figure, not a unit's part
            unit = unit[:-2].strip()
        elif (more := _MORE_THAN.match(unit)) is not None:
            # 8600余户, 4.6万余人: more than the figure, in its unit (户, 万人), not a unit 余户
            unit = more.group(1) + unit[more.end() :]
        for word, op in _SUFFIX_WORDS:
            if (
                unit.endswith(word)
                # (达到95%以上: what is reached, then how it is bounded)
                and (operator in (None, Operator.LE, Operator.GE) or (operator, t[:2]) == _REACHED)
                and (word != "内" or unit[:-1] in _TIME_UNITS)
            ):
                operator, written, unit = op, True, unit[: -len(word)].strip()
                break
        return dict(
            operator=operator or Operator.EQ,
            number=_num(m.group(1)),
            unit=unit,
            operator_written=written,
        )

    m = _CHINESE_COUNT.match(rest)
    if m:
        from reviewer.claims.numerals import parse_chinese  # (it reads figures with ours)

        number = parse_chinese(m.group(1))
        if number is not None:  # ≥一百二十人, 一百零八人: a count written in words
            return dict(
                operator=operator or Operator.EQ,
                number=float(number),
                unit=m.group(2),
                operator_written=written,
            )
    m = _WORD_WITH_NUMBER.match(t)
    if m:
        return dict(
            operator=Operator.QUALITATIVE,
            word=m.group(1).strip(),
            number=_num(m.group(2)),
            unit=m.group(3).strip(),
        )
    return dict(operator=Operator.QUALITATIVE, word=t)
