"""Units of one quantity in different scales: 公里 and 米, 万元 and 元, 万人 and 人, 吨 and 千克.

A target printed as ≥12公里 and an actual as 12,350米 state one length; a target of 不高于15万元/台
and an actual of 142,000元/台 one price. ``factor(source, dest)`` gives the number that turns a
figure in ``source`` into ``dest`` (1000 from 公里 to 米), or None when the two units do not
measure the same thing in scales this module knows (亩 and 公顷 are left apart: a conversion
between land measures is the department's to state, not ours to assume).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from reviewer.lazyre import lazy_compile

if TYPE_CHECKING:
    from reviewer.model import ParsedValue

# unit → (base unit, how many base units it holds)
_BASES: dict[str, tuple[str, float]] = {
    "公里": ("米", 1000.0),
    "千米": ("米", 1000.0),
    "米": ("米", 1.0),
    "延米": ("米", 1.0),
    "厘米": ("米", 0.01),
    "平方公里": ("平方米", 1_000_000.0),
    "平方千米": ("平方米", 1_000_000.0),
    "平方米": ("平方米", 1.0),
    "㎡": ("平方米", 1.0),
    "立方米": ("立方米", 1.0),
    "m³": ("立方米", 1.0),
    "吨": ("千克", 1000.0),
    "千克": ("千克", 1.0),
    "公斤": ("千克", 1.0),
    "克": ("千克", 0.001),
    "元": ("元", 1.0),
    "%": ("%", 1.0),
    "‰": ("%", 0.1),  # ≤2‰ against 0.25%: 2.5‰
}
_PREFIXES = (("亿", 100_000_000.0), ("万", 10_000.0), ("千", 1000.0))


@lru_cache(maxsize=1024)
def _in_base(unit: str) -> tuple[str, float] | None:
    """A unit as (base, scale): 万元 → (元, 10000), 万人 → (人, 10000), 公里 → (米, 1000);
    a rate per something keeps its denominator (万元/台 → (元/台, 10000))."""
    head, slash, per = unit.strip().partition("/")
    if not head:
        return None
    base = _BASES.get(head)
    if base is None:
        for prefix, scale in _PREFIXES:
            rest = head[len(prefix) :]
            if head.startswith(prefix) and rest and rest[0] not in "米克":  # 千米, 千克: bases
                inner = _BASES.get(rest, (rest, 1.0))
                base = (inner[0], inner[1] * scale)
                break
        else:
            base = (head, 1.0)
    return (base[0] + slash + per, base[1])


def measure_base(unit: str) -> tuple[str, float] | None:
    """A measure other than money in the unit it is compared in, and how many of those one of
    it holds: 公里 → (米, 1000), 吨 → (千克, 1000), 平方公里 → (平方米, 1 000 000); None for a
    count (人, 项), for money (its claims are in 元 already) and for a base unit itself."""
    if unit == "元" or not is_measure(unit):
        return None
    based = _in_base(unit)
    return None if based is None or based[0] == unit or based[0] == "元" else based


@lru_cache(maxsize=1024)
def is_measure(unit: str) -> bool:
    """``unit`` is one of the measures this module scales (平方米, 公里, 万元, 吨), a prefix of
    scale (万, 亿, 千) allowed before it."""
    if unit in _BASES:
        return True
    return any(unit.startswith(p) and unit[len(p) :] in _BASES for p, _ in _PREFIXES)


# Words that count things (量词), a figure's unit where it is no measure of this module's.
_COUNTERS = frozenset("个项处座户人名位次场所件家条册台辆套株头批期篇份部本张起例间棵亩") | {
    "人次",
    "万人",
    "万人次",
    "万亩",
}


def is_counter(unit: str) -> bool:
    """``unit`` counts things (项, 座, 人次, 万亩), or is a measure (``is_measure``)."""
    return unit in _COUNTERS or is_measure(unit)


def unscaled(unit: str) -> tuple[str, float]:
    """A count's unit without the 万, 亿 or 千 printed before it, and that scale: 万亩 →
    (亩, 10000), 万人次 → (人次, 10000); the unit and 1.0 otherwise (公里, 千米, 千克, 万元/台 and
    万字, a unit of its own, kept as they are)."""
    if "/" in unit or unit == "万字":
        return unit, 1.0
    for prefix, scale in _PREFIXES:
        rest = unit[len(prefix) :]
        if unit.startswith(prefix) and rest and rest[0] not in "米克":
            return rest, scale
    return unit, 1.0


def factor(source: str, dest: str) -> float | None:
    """What a figure in ``source`` is multiplied by to be stated in ``dest``: 1.0 for the same
    unit (or two names of it: 公里, 千米), None when the units do not convert."""
    if source == dest:
        return 1.0
    a, b = _in_base(source), _in_base(dest)
    if a is None or b is None or a[0] != b[0]:
        return None
    return a[1] / b[1]


# What a unit cell opens with: a counter or measure word, a rate, a time, a money unit (个, 亩,
# %, 元/亩, 个工作日, 万人次, 公斤, 分).
_UNIT_OPENS = lazy_compile(
    r"^(?:[万千亿]?[个项处座户人名次场所件家条台辆套株头批期份部本张亩元米克吨斤天日月年级%％‰]"
    r"|小时|工作日|公里|千米|平方|立方|公斤|千克|等级|分)"
)


def opens_with_unit(text: str) -> bool:
    """``text`` reads as a unit cell's (亩, 元/亩, 个工作日), not a word of a row's (及时, 健全)."""
    return _UNIT_OPENS.match(text) is not None


_UNIT_ALIASES = {"％": "%", "个百分点": "%", "%o": "‰"}  # %o: OCR's reading of ‰
_UNIT_NOTE = lazy_compile(r"[(（][^()（）]*[)）]$")
# A date's tail after its year (2023年12月 → 年12月, 2022-09-30 → -09-30) or its month
# (6月底前 → 月底前): a date, not a unit.
# Months listed (5月、11月底前): the tail after the first month's number, a date not a unit.
_MONTH_LIST = lazy_compile(r"^月(?:[、,，及和]\d{1,2}月)+(?:底前|末前|前|底|末|以前)?$")
_DATE_TAIL = lazy_compile(
    # a year's months as a range too (2022年3-10月: 年3-10月)
    r"^(年(\d{1,2}(?:[-－~～至到]\d{1,2})?月)?(\d{1,2}[日号])?|月(\d{1,2}[日号])?"
    r"|[-/.]\d{1,2}(?:[-/.]\d{1,2})?)"
    r"(底前|末前|前|底|末|以前)?"
    r"(完成|完工|竣工|拨付|发放|支付|兑付|验收|开工|启动|交付|上线)?(到位|完毕)?$"
)


@lru_cache(maxsize=4096)
def norm_unit(unit: str) -> str:
    """A unit to compare: aliases merged (OCR's 万兀 for 万元 too), a description in brackets
    dropped (%(百分比) → %), a date's tail (年12月) treated as no unit."""
    unit = _UNIT_NOTE.sub("", unit.strip()) if unit.endswith((")", "）")) else unit
    unit = _UNIT_ALIASES.get(unit, unit)
    if "兀" in unit:  # OCR's reading of 元 (万兀): no unit has 兀
        unit = unit.replace("兀", "元")
    unit = unit.strip().rstrip("。.")
    return "" if _DATE_TAIL.match(unit) or _MONTH_LIST.match(unit) else unit


def scale_of(target: ParsedValue, actual: ParsedValue) -> float:
    """What the actual is multiplied by to be in the target's unit (1.0: the same, or not
    convertible — the mismatch is S108's); a bare fraction against a percentage (0.978
    against ≥95%, a sheet's cell typed as its value) by 100."""
    if (
        norm_unit(target.unit) == "%"
        and not actual.unit
        and actual.number is not None
        and target.number is not None
        and 0 < actual.number <= 1 < target.number
    ):
        return 100.0
    if not target.unit or not actual.unit:
        return 1.0
    scale = factor(norm_unit(actual.unit), norm_unit(target.unit)) or 1.0
    if scale != 1.0 and target.number and actual.number:
        # the figure near the target as printed, many times off it once converted (142万元/亩
        # against ≤150元/亩, 2.1% against ≤3‰): the unit likely mistyped, the figure compared
        # as it stands (S108 says the units differ)
        converted, raw = actual.number * scale / target.number, actual.number / target.number
        if (converted >= _ABSURD or converted <= 1 / _ABSURD) and 0.5 <= raw <= 2:
            return 1.0
    return scale


_ABSURD = 5.0  # times the target, once converted
