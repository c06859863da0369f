"""Score recomputation: what each indicator row should score under the rules.

One place for the scoring rules of ``domain/scoring-rules.md`` section D, used by the
scoring checks and by the memo's recomputed totals:

* higher-is-better (``>= > =``, T > 0): met when A >= T; else w × A / T (D2, D4);
* lower-is-better (``<= <``): met when A <= T; else by profile ``linear`` w × (1 − (A − T) / T),
  floored at 0, or ``ratio`` w × T / A (D3);
* ``= 0``: met iff A <= 0 (D4); ``>= 0``: the ratio is undefined (D9);
* ranges (``3-10月``) and deadlines (``9月``): met inside the window; outside there is no
  formula, only the need for a deduction (D7);
* qualitative: 达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 below 0.6w (D6);
* several targets in one cell (≥95%；≤5天) against as many actuals: met when each is, with no
  formula when one is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from reviewer.config import Config
from reviewer.lazyre import lazy_compile
from reviewer.model import Indicator, Operator, ParsedValue
from reviewer.numbers import share_of
from reviewer.parse.values import is_placeholder, parse_value
from reviewer.textnorm import fold
from reviewer.units import factor, is_measure, norm_unit, scale_of

_TIME_UNITS = ("月", "日", "号", "季度", "月底", "月份", "月前", "月底前", "年")
# (and a state reached with a shortfall said beside it: 服务能力提升有限, 管护经费未足额纳入预算)
_PARTIAL = lazy_compile(
    r"部分|基本|大部|一般|有所|初步|尚未全部|尚未完全|有限|未足额|有待|仍需|仍有差距"
)
# A verdict that grades without saying whether the target was reached (较好 against 有效改善,
# against 良好), or says it basically was (基本健全 against 健全: achieved to one reader, partly
# to another): the row's achievement cannot be told from it.
_GRADE_ONLY = lazy_compile(r"^(?:较好|基本)")
_SOME_OF = ("部分", "个别", "少数")
_FAILED = lazy_compile(r"未达|未完成|不达标|不合格|尚未(?!全部|完全)")  # 尚未全部落实: a part done
# Work under way (正在建立, 推进中) against a target of a state reached (建立健全): partly done,
# unless the target asks for the work itself to go on (持续推进).
_UNDER_WAY = lazy_compile(r"正在|进行中|推进中")
_ONGOING = lazy_compile(r"推进|持续|逐步|正在")
# Words that state a shortfall where the target asks for more (有效提升: 下降), but restate
# the target where it asks for less or for none (有效降低: 有效降低; 无重大事故: 无重大事故).
# (不断缩小: "ever", not "not")
_NEGATIVE = lazy_compile(r"^(未|没有|无|不(?!断))|下降|降低")
_STATE_WORDS = 2  # characters, at least, of a target state the actual may restate (改善)
_ASKS_FOR_LESS = lazy_compile(
    r"^(未|没有|无|不|零|杜绝|避免|严禁|禁止|[≤<＜])|下降|降低|减少|减轻|遏制|控制|不高于|不超过"
)


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"
    ZERO = "zero"  # = 0
    RANGE = "range"
    DEADLINE = "deadline"
    QUALITATIVE = "qualitative"
    UNKNOWN = "unknown"


class Expectation(NamedTuple):  # a tuple: made for every row, read-only
    """What the rules say about one row.

    ``met`` is whether the target was reached (None when it cannot be told); ``expected`` the
    score the proportional rule gives (None where no formula applies); ``band`` the allowed
    score range for a qualitative row; ``ratio`` A / T where it means something.
    """

    direction: Direction
    met: bool | None
    expected: float | None = None
    band: tuple[float, float] | None = None  # inclusive lower, inclusive upper
    ratio: float | None = None
    partial: bool = False
    # the band's top is allowed (a grade below the one set: its share, 良 of 优 80 %)
    top_allowed: bool = False


def units_differ(target: ParsedValue, actual: ParsedValue) -> bool:
    """Both values carry a unit and the units are not the same (D8: one 计量单位 per row, 元
    against 万元 included; ``expect`` compares such a row through the conversion)."""
    a, b = norm_unit(target.unit), norm_unit(actual.unit)
    if b in _SCALE_WORDS and a.startswith(b):
        return False  # 3.1万 against ≥3万平方米: the target's unit, its measure left unsaid
    return bool(a) and bool(b) and a != b


_SCALE_WORDS = frozenset({"万", "千", "亿", "百万"})


# The rest of a window of months after its first (2020年10月 / -12月, 至12月底).
_MONTHS_TO = lazy_compile(r"\s*(?:[-—–~～至到])\s*(\d{1,2})\s*月")
_MONTHS = 12
_DATE = lazy_compile(
    r"((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?"
    # 2021.12, 2021-12-31, 2021/12: a year and its month (and day) by separators
    r"|((?:19|20)\d{2})[.\-/](\d{1,2})(?:[.\-/](\d{1,2}))?(?![\d.]|\s*[万元亿千百个人户次吨亩斤里米%])"
)


_SEPARATED_DATE = lazy_compile(r"(?:19|20)\d{2}[.\-/]\d{1,2}")
_QUARTER = lazy_compile(r"\s*度?\s*第?([一二三四1-4]|上半|下半)(?:季度|年)")
_QUARTER_END = {
    "一": 3,
    "1": 3,
    "二": 6,
    "2": 6,
    "三": 9,
    "3": 9,
    "四": 12,
    "4": 12,
    "上半": 6,
    "下半": 12,
}
_HALVES = frozenset({"上半", "下半"})


@lru_cache(maxsize=4096)
def _date_key(text: str, *, deadline: bool) -> int | None:
    """A date printed with its year as yyyymmdd; a month or a year without its day counts to
    its end as a deadline (2021年11月底前: 20211131) and from its start as a completion
    (2021年12月: 20211200). None when the text has no such date. A completion printing several
    dates (2座于2021年10月完工，2座于2022年5月完工) is done at the last of them."""
    if "年" not in text and not _SEPARATED_DATE.search(text):
        return None
    if deadline:
        m = _DATE.search(text)
        if m is None:
            return None
        key = _key_at(text, m, deadline=True)
        if m.group(2) is not None and (w := _MONTHS_TO.match(text, m.end())) is not None:
            # a window of months (2020年10月-12月, 3月至10月): done by its last month's end
            last = int(w.group(1))
            if int(m.group(2)) < last <= _MONTHS:
                key = int(m.group(1)) * 10000 + last * 100 + 31
        return key
    return max((_key_at(text, m, deadline=False) for m in _DATE.finditer(text)), default=None)


def _key_at(text: str, m: re.Match[str], *, deadline: bool) -> int:
    """The key of the date ``m`` found in ``text`` (see ``_date_key``)."""
    if m.group(1) is None:  # 2021.12: by separators
        year, month, day = m.group(4), m.group(5), m.group(6)
    else:
        year, month, day = m.group(1), m.group(2), m.group(3)
    if month is None and (q := _QUARTER.match(text, m.end())) is not None:
        # a quarter or a half-year as a month: its last as a deadline, its first as a time
        last = _QUARTER_END[q.group(1)]
        first = last - 5 if q.group(1) in _HALVES else last - 2
        return int(year) * 10000 + (last * 100 + 31 if deadline else first * 100)
    if month is None:
        return int(year) * 10000 + (1231 if deadline else 0)
    if day is None:
        return int(year) * 10000 + int(month) * 100 + (31 if deadline else 0)
    return int(year) * 10000 + int(month) * 100 + int(day)


def dates_in(text: str, year: int | None = None) -> Iterator[tuple[int, int, int, int]]:
    """Each date printed with its year in ``text``: its start and end, and the first and last
    day it may mean as keys (``_date_key``: 2023年11月 is 20231100–20231131, 2022年一季度
    20220100–20220331, 2023年11月28日 that day); with ``year``, a date printed without one
    (8月20日) too, in that year. In the order printed."""
    found = [
        (m.start(), m.end(), _key_at(text, m, deadline=False), _key_at(text, m, deadline=True))
        for m in _DATE.finditer(text)
    ]
    if year is not None and "月" in text:
        for m in _YEARLESS.finditer(text):
            first, last = _month_day_at(m, deadline=False), _month_day_at(m, deadline=True)
            if first is not None and last is not None:
                found.append((m.start(), m.end(), year * 10000 + first, year * 10000 + last))
        found.sort()
    yield from found


_MONTH_DAY = lazy_compile(r"(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?")
# the same printed without its year: not one that follows a year or a figure
_YEARLESS = lazy_compile(r"(?<![年\d./-])" + _MONTH_DAY.pattern)


@lru_cache(maxsize=4096)
def _month_day_key(text: str, *, deadline: bool) -> int | None:
    """A date printed without its year (6月30日前, 6月25日) as mmdd, a month without its day
    counted as for ``_date_key``."""
    m = _MONTH_DAY.search(text) if "月" in text and "年" not in text else None
    return None if m is None else _month_day_at(m, deadline=deadline)


def _month_day_at(m: re.Match[str], *, deadline: bool) -> int | None:
    """The mmdd of a month-and-day match (``_MONTH_DAY``); None for no month."""
    if not 1 <= int(m.group(1)) <= 12:
        return None
    day = m.group(2)
    return int(m.group(1)) * 100 + (int(day) if day else (31 if deadline else 0))


def dates_of(target: str, actual: str) -> tuple[int, int] | None:
    """The target's and the actual's dates when both print one with its year, or both one
    without (6月25日 against 6月30日前)."""
    t = _date_key(target, deadline=True)
    a = _date_key(actual, deadline=False) if t is not None else None
    if t is None and a is None:
        t = _month_day_key(target, deadline=True)
        a = _month_day_key(actual, deadline=False) if t is not None else None
        if t is not None and a is None and (m := _DATE.search(actual)) is not None:
            # 6月底前 against 2022年6月: the target's month is of the project's year
            a = _key_at(actual, m, deadline=False) % 10000
    return None if t is None or a is None else (t, a)


def _dated(v: ParsedValue) -> bool:
    """A value that is a date or a month (its number a year, a month or a day: 2022年6月,
    6月底前发放到位), not a quantity."""
    unit = v.unit
    return unit[:1] == "年" or "月底" in unit or (unit[:1] in ("月", "日") and len(unit) > 2)


def _rate_against_count(target: ParsedValue, actual: ParsedValue) -> bool:
    """A rate against a count (≥75% against 7.8万人): no achievement to weigh (S108 says the
    units differ)."""
    t, a = norm_unit(target.unit), norm_unit(actual.unit)
    return bool(t) and bool(a) and (t in _RATES) != (a in _RATES)


_RATES = frozenset({"%", "‰"})  # (≤2‰ against 0.25%: one rate, converted)


def _measures_apart(target: ParsedValue, actual: ParsedValue) -> bool:
    """A measure against a unit it does not convert to (≥120公里 against 46处, ≥50吨 against
    30亩): no achievement to weigh (S108 says the units differ). Two counts' words (≥50所
    against 46个) are left to compare: they may count the same things."""
    t, a = norm_unit(target.unit), norm_unit(actual.unit)
    return (
        bool(t) and bool(a) and t != a and (is_measure(t) or is_measure(a)) and factor(a, t) is None
    )


def _is_time(v: ParsedValue) -> bool:
    return norm_unit(v.unit) in _TIME_UNITS


def direction_of(target: ParsedValue) -> Direction:
    op = target.operator
    if op is None:
        return Direction.UNKNOWN
    if op is Operator.QUALITATIVE:
        return Direction.QUALITATIVE
    if op is Operator.RANGE:
        return Direction.RANGE
    if op in (Operator.LE, Operator.LT):
        return Direction.LOWER
    if target.number is None:
        return Direction.UNKNOWN
    if _is_time(target) and (op is Operator.EQ):
        return Direction.DEADLINE
    if op is Operator.EQ and target.number == 0:
        return Direction.ZERO
    return Direction.HIGHER


# What a qualitative target compares with (较上年有所提高), and a note an actual adds in brackets
# (有所提高（由78%升至83%）): neither changes what was asked or what was reported.
_BASELINE = lazy_compile(r"^(?:较上年度?|比上年度?|较去年|比去年|同比|较往年|与上年相比)")
_BRACKET_NOTE = lazy_compile(r"[(（][^()（）]*[)）]$")


def _same_words(actual: str, target: str) -> bool:
    """The actual restates the target's words: 有所提高 against 有所提高, or against
    较上年有所提高; 有所提高（由78%升至83%） too."""
    a = fold(_BRACKET_NOTE.sub("", actual))
    t = fold(target)
    return bool(a) and (a == t or a == _BASELINE.sub("", t))


# A change stated with its size (下降3个百分点, 提高2%, 减少2起): the change the target asks for
# and the change reached compare as amounts, more being better whichever the direction.
_CHANGE = lazy_compile(
    r"(下降|降低|减少|压减|提高|提升|增加|增长)\s*(\d+(?:\.\d+)?)\s*(个百分点|%|[^\d\s]*)"
)
_FALLS = frozenset({"下降", "降低", "减少", "压减"})


def _stated_change(ind: Indicator) -> Expectation | None:
    """下降3个百分点 against 下降1.5个百分点: half the fall asked for, scored as a share."""
    t, a = _CHANGE.search(ind.target), _CHANGE.search(ind.actual)
    if t is None or a is None or (t.group(1) in _FALLS) != (a.group(1) in _FALLS):
        return None
    if t.group(3) != a.group(3) or float(t.group(2)) <= 0:
        return None
    w = ind.weight or 0.0
    done, asked = float(a.group(2)), float(t.group(2))
    ratio = done / asked
    if ratio >= 1:
        return Expectation(Direction.HIGHER, True, expected=w, ratio=ratio)
    return Expectation(Direction.HIGHER, False, expected=share_of(w, done, asked), ratio=ratio)


# A grade as a whole value (考核等级 优 against 良), ranked.
_GRADE_STEP = 0.2  # the share of its points a row loses for each grade below the one set
_GRADES = {"优": 4, "优秀": 4, "良": 3, "良好": 3, "中": 2, "中等": 2, "合格": 2, "差": 1}


def _grade(text: str | None) -> int | None:
    return _GRADES.get(text.strip().rstrip("。")) if text else None


def _restates(word: str, target: str) -> bool:
    """The actual says the target's state, not negated (…连续下降,持续改善 against 持续改善; not
    未持续改善, 没有持续改善)."""
    at = word.find(target) if word and len(target) >= _STATE_WORDS else -1
    before = word[at - 1 : at] if at > 0 else ""
    return at >= 0 and not word.startswith(_NEGATED) and before not in _NOT


_NEGATED = ("未", "没有", "无", "不")
_NOT = frozenset("未不没无")


# A target asking a change to a degree (明显提升, 显著改善, 大幅提高): 有所… falls short of it.
_STRONG = lazy_compile(r"明显|显著|大幅|较大|大大|极大|全面")


def _qualitative(ind: Indicator, config: Config) -> Expectation:
    w = ind.weight or 0.0
    th = config.thresholds
    actual = ind.actual_value
    word = actual.word
    if (change := _stated_change(ind)) is not None:
        return change
    # (the state asked for, said in the actual with what shows it: 化肥农药使用量连续下降,持续改善
    # against 持续改善 — a fall of what should fall, no shortfall)
    restated = _restates(word, ind.target.strip())
    if (
        actual.not_done
        # (a failure said of a part only is a partial result: 部分农村园…未达二级标准)
        or (word and _FAILED.search(word) and not word.startswith(_SOME_OF))
        or (
            word
            and _NEGATIVE.search(word)
            and not _ASKS_FOR_LESS.search(ind.target)
            and not restated
        )
    ):
        return Expectation(
            Direction.QUALITATIVE, False, band=(0.0, w * th.qualitative_band_partial)
        )
    got, asked = _grade(actual.word), _grade(ind.target)
    if got is not None and asked is not None and got < asked:
        # a grade below the one set: the target missed, the row's points at most the grade's
        # share (优/良/中/差 as 100/80/60/0 %: 良 against 优 8 of 10, 中 6)
        share = max(0.0, 1.0 - _GRADE_STEP * (asked - got))
        return Expectation(Direction.QUALITATIVE, False, band=(0.0, w * share), top_allowed=True)
    if (
        actual.word
        and (
            _same_words(actual.word, ind.target)  # 有所提高 against 有所提高
            or (actual.word.startswith("有所") and actual.word[2:].rstrip("。") in ind.target)
        )
    ):  # 有所提升 against 提升 / 逐步提升: the change asked for, made
        if actual.word.startswith("有所") and _STRONG.search(ind.target):
            # 有所提升 against 明显提升: the change made, not to the degree asked (partly met)
            band = (w * th.qualitative_band_partial, w * th.qualitative_band_full)
            return Expectation(Direction.QUALITATIVE, False, band=band, partial=True)
        return Expectation(Direction.QUALITATIVE, True, band=(w * th.qualitative_band_full, w))
    if actual.word and _GRADE_ONLY.match(actual.word):
        return Expectation(Direction.QUALITATIVE, None)
    partly = _PARTIAL.search(actual.word) if actual.word else None
    if actual.word and (
        # (a word the target says too is no part of it: 完成初步成果 against 已完成初步成果…)
        (partly is not None and partly.group(0) not in ind.target)
        or (_UNDER_WAY.search(actual.word) and not _ONGOING.search(ind.target))
    ):
        band = (w * th.qualitative_band_partial, w * th.qualitative_band_full)
        return Expectation(Direction.QUALITATIVE, False, band=band, partial=True)
    if not ind.actual:
        return Expectation(Direction.QUALITATIVE, None)
    if ind.target_value.number is not None and actual.number is not None:
        met = actual.number >= ind.target_value.number  # 促进(11人) against 促进(11人)
        if not met:
            return Expectation(
                Direction.QUALITATIVE, False, band=(0.0, w * th.qualitative_band_full)
            )
    return Expectation(Direction.QUALITATIVE, True, band=(w * th.qualitative_band_full, w))


def target_met(ind: Indicator, config: Config) -> bool | None:
    """Whether row ``ind`` reached its target (None when it cannot be told), whatever its
    weight: also for a form without a 分值 column, whose rows carry none."""
    if ind.weight is None:
        ind = ind.model_copy(update={"weight": 1.0})  # the weight scales scores, not "met"
    return expect(ind, config).met


_PARTS = lazy_compile(r"[；;]")


def parts(ind: Indicator) -> list[Indicator] | None:
    """A row stating several targets in one cell (≥95%；≤5天) and as many actuals
    (97.2%；7天): one row per target with its actual; None for any other row."""
    target, actual = ind.target, ind.actual
    if not ("；" in target or ";" in target) or not ("；" in actual or ";" in actual):
        return None
    targets = [t.strip() for t in _PARTS.split(target) if t.strip()]
    actuals = [a.strip() for a in _PARTS.split(actual) if a.strip()]
    if len(targets) < 2 or len(targets) != len(actuals):
        return None
    return [
        ind.model_copy(
            update={
                "target": t,
                "actual": a,
                "target_value": parse_value(t),
                "actual_value": parse_value(a),
            }
        )
        for t, a in zip(targets, actuals, strict=True)
    ]


def _each_part(ind: Indicator, pairs: list[Indicator], config: Config) -> Expectation:
    """A row of several targets: met when each is met (the first one missed says how), with
    no formula for a score when one is not."""
    found = [expect(p, config) for p in pairs]
    missed = next((e for e in found if e.met is False), None)
    if missed is not None:
        return Expectation(missed.direction, False)
    if all(e.met for e in found):
        return Expectation(found[0].direction, True, expected=ind.weight)
    return Expectation(found[0].direction, None)


def expect(ind: Indicator, config: Config) -> Expectation:
    """What the rules say row ``ind`` should score."""
    if (pairs := parts(ind)) is not None:
        return _each_part(ind, pairs, config)
    w = ind.weight
    t, a = ind.target_value, ind.actual_value
    d = direction_of(t)
    if ind.target.strip() and is_placeholder(ind.target):
        # no target set (/): nothing to reach, nor a band to be in
        return Expectation(Direction.UNKNOWN, None)
    if d is Direction.QUALITATIVE or (
        d is Direction.UNKNOWN and a.operator is Operator.QUALITATIVE
    ):
        return _qualitative(ind, config)
    if w is None or d is Direction.UNKNOWN:
        return Expectation(d, None)
    if a.not_done:
        if d in (Direction.HIGHER,):
            return Expectation(d, False, expected=0.0, ratio=0.0)
        return Expectation(d, False)
    if d is not Direction.RANGE and (dates := dates_of(ind.target, ind.actual)) is not None:
        # 2021年12月 against 2021年11月底前: the dates, not the years (2021 against 2021); an
        # actual in words around its date too (延期至2024年3月)
        met = dates[1] <= dates[0]
        return Expectation(Direction.DEADLINE, met, expected=w if met else None)
    if a.number is None or t.number is None or _rate_against_count(t, a) or _measures_apart(t, a):
        return Expectation(d, None)
    # 12,350米 against ≥12公里: the actual stated in the target's unit
    scale = scale_of(t, a) if a.unit != t.unit else 1.0
    A, T, a_upper = a.number * scale, t.number, None if a.upper is None else a.upper * scale
    if _dated(t) or _dated(a):
        return Expectation(Direction.DEADLINE, None)  # a date not compared: no ratio of it
    if d is Direction.RANGE:
        upper = t.upper if t.upper is not None else T
        lo_a, hi_a = A, a_upper if a_upper is not None else A
        met = lo_a >= T and hi_a <= upper  # D7: outside the window, either side, falls short
        return Expectation(d, met, expected=w if met else None)
    if d is Direction.DEADLINE:
        met = A <= T
        return Expectation(d, met, expected=w if met else None)
    if d is Direction.ZERO:
        met = A <= 0
        return Expectation(d, met, expected=w if met else None)
    if d is Direction.LOWER:
        if A <= T:
            return Expectation(d, True, expected=w, ratio=(A / T) if T else None)
        if T <= 0:
            return Expectation(d, False, expected=0.0)
        ratio_profile = config.lower_is_better == "ratio"
        score = share_of(w, T, A) if ratio_profile else max(0.0, share_of(w, 2 * T - A, T))
        return Expectation(d, False, expected=score, ratio=A / T)
    # higher-is-better
    if T <= 0:
        return Expectation(d, A >= T, expected=w if A >= T else None)
    ratio = A / T
    if ratio >= 1:
        return Expectation(d, True, expected=w, ratio=ratio)
    # a fall against a rise asked for (-3% against ≥5%) earns nothing, not a negative score
    return Expectation(d, False, expected=share_of(w, max(A, 0.0), T), ratio=ratio)


def recomputed_score(
    ind: Indicator, config: Config, expectation: Expectation | None = None
) -> float | None:
    """The score this row would get under the rules; the claimed score where the rules allow it.

    Quantitative rows with a formula get the formula's score; rows without one (a missed
    window, a qualitative grade) keep the claimed score clamped into what the rules allow.
    """
    s = ind.score
    e = expectation or expect(ind, config)
    if e.expected is not None:
        return e.expected
    if s is None or ind.weight is None:
        return s
    w = ind.weight
    if e.band is not None:
        hi = e.band[1]
        if s > hi or (s == hi and e.met is False):
            return round(hi - 0.01, 2) if e.met is False and hi > 0 else hi
        return s
    return min(max(s, 0.0), w)
