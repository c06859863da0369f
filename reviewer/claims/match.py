"""Which indicator a claim speaks of: the same unit, and words of the indicator's name.

Units are compared after folding their synonyms (名 / 位 → 人; 场 / 场次 → 次). Words are
compared as the longest run of characters the claim's context (the clause before the number,
or the noun after the measure word) shares with the indicator's name stripped of its generic
tail (培训场次 → 培训, 公共法律服务特色站室测评家数 → 公共法律服务特色站室测评). A run of three
characters, or the whole stripped name when it is shorter, is a match.

Precision comes first: a claim that agrees with any matching indicator is consistent; a claim
whose best match is tied between indicators is ambiguous; either way nothing is reported.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from reviewer.claims.extract import MONEY_UNITS, Claim
from reviewer.lazyre import lazy_compile
from reviewer.model import Indicator, Operator
from reviewer.parse.values import decimals, parse_value
from reviewer.units import factor, measure_base, scale_of, unscaled

_UNIT_CLASS = {
    "名": "人",
    "位": "人",
    "场": "次",
    "场次": "次",
    "批次": "批",
    "％": "%",
    "个百分点": "%",
    "万元": "元",
    "亿元": "元",
}
_GENERIC_TAIL = lazy_compile(
    r"(?:计划完成数|计划完成量|完成数量|完成数|数量|场次|总数|数"
    # a count by its counter (人数, 户数, 座数: 桥涵维修座数 counts bridges)
    r"|[人家个次份件篇台户项册套期场座处所辆头株只批栋间张]数)$"
)
# The label of a target set at the year's start, kept beside the adjusted one (年初目标值(A)).
_INITIAL = lazy_compile(r"^年初(?:目标|指标)值")
_BRACKETS = lazy_compile(r"[（(][^）)]*[）)]")
# An indicator measured per person, household, mu, pupil, day, kilometre or one item (人均补助
# 标准 84元, 日均处理量, 每公里年养护补助标准, 单个礼堂建设补助, 单座水库年度管护经费), or a
# standard (…补助标准): a total the narrative states (补助资金838.42万元) is not its figure,
# unless the claim says so.
_PER_UNIT = lazy_compile(
    r"人均|户均|亩均|生均|次均|日均|月均|年均|单位|单个|每[\u4e00-\u9fff]|标准$"
    r"|单(?:座|户|次|项|套|台|处|所|间|栋|名|人|村|校|价|亩|条)"
)
MIN_RUN = 3
# Places a count may count before the words of what was done in them (25个乡镇生活垃圾收集…),
# not a level's word (村级垃圾收集点).
_PLACES = lazy_compile(r"^(?:乡镇|行政村|自然村|村|社区|街道)(?!级)")


def _same_words(text: str) -> str:
    """A narrative's and a name's words for one thing made one (惠及学生2.14万人, 受益学生人数)."""
    return text.replace("惠及", "受益")


@lru_cache(maxsize=1024)
def unit_class(unit: str) -> str:
    """A unit folded with its synonyms (名 → 人, 场次 → 次, 万元 → 元), without the scale a
    count's may print (万亩 → 亩, 万人次 → 人次), a length or a weight in its base (公里 → 米,
    吨 → 千克)."""
    folded = _UNIT_CLASS.get(unit)
    if folded is not None:
        return folded
    bare = unscaled(unit)[0]
    based = measure_base(bare)  # (公里 → 米, as claims are: 12.5公里 against 12050米)
    return _UNIT_CLASS.get(bare, bare) if based is None else based[0]


def core_name(name: str) -> str:
    """An indicator name without its generic tail and bracketed unit: 培训场次 → 培训."""
    core = _BRACKETS.sub("", name) if "(" in name or "（" in name else name
    return _GENERIC_TAIL.sub("", core) or core


def common_run(a: str, b: str) -> int:
    """Length of the longest substring ``a`` and ``b`` share (short texts: ≤ 16 × name)."""
    best = 0
    n = len(a)
    for i in range(n - best):
        k = best + 1
        while i + k <= n and a[i : i + k] in b:
            best = k
            k += 1
    return best


@dataclass(frozen=True, slots=True)
class Target:
    """An indicator as a claim sees it: its unit class, core name and figures."""

    indicator: Indicator
    unit: str
    core: str
    full: str  # the name without its bracketed part
    target: tuple[float, float | None] | None
    actual: tuple[float, float | None] | None
    per: str = ""  # the name's per-unit word (人均), which a claim about it must say too
    # the target set at the year's start where the form prints it beside the adjusted one
    # (年初目标值 6座 | 调整后目标值 4座): the plan a 预期目标 may state
    initial: tuple[float, float | None] | None = None

    @classmethod
    def of(cls, ind: Indicator, unit: str) -> Target | None:
        """The indicator with its unit class ``unit``; None when it has no figure."""
        tv, av = ind.target_value, ind.actual_value
        # money is compared in 元, as claims are (598.46万元 → 5 984 600), and a count in its
        # unit without 万 (2.5万亩 → 25 000 亩), as claims state it
        money = MONEY_UNITS.get(tv.unit) or MONEY_UNITS.get(av.unit)
        if money is not None:
            scale = money
        else:  # (a length or a weight in the claims' 米 or 千克: 1.2万吨 → 12 000 000)
            bare, count_scale = unscaled(_BRACKETS.sub("", tv.unit or av.unit))  # (公里(长度))
            scale = count_scale * (factor(bare, unit) or 1.0)
        target = None if tv.number is None else _scaled(tv.number, tv.upper, scale, ind.target)
        # an actual printed in another scale of the target's unit (126400米 against ≥126公里)
        # is compared in the target's, as S108 reads it
        if money is not None:  # each in its own (≥1.2万元 against 13800元)
            a_scale = MONEY_UNITS.get(av.unit) or money
        else:
            # (the unit without a note after it: 12480户（1.25万户）)
            a_unit = _BRACKETS.sub("", av.unit)
            into = factor(a_unit, tv.unit) if tv.unit and a_unit else None
            # (a bare fraction against a percentage, 0.93 against ≥95%: 93%)
            a_scale = scale * (into or scale_of(tv, av))
        upper = av.upper
        if av.operator_written and av.operator in (Operator.GE, Operator.GT) and upper is None:
            upper = math.inf  # an actual printed as a floor (≥300次): any figure above it fits
        actual = None if av.number is None else _scaled(av.number, upper, a_scale, ind.actual)
        if not unit or (target is None and actual is None):
            return None
        full = _BRACKETS.sub("", ind.name) if "(" in ind.name or "（" in ind.name else ind.name
        per = _PER_UNIT.search(ind.name)
        printed = next((c.text for k, c in ind.cells.items() if _INITIAL.match(k)), None)
        first = None if printed is None else parse_value(printed)
        initial = (
            None
            if first is None or first.number is None or first.unit != tv.unit
            else _scaled(first.number, first.upper, scale, printed or "")
        )
        return cls(
            ind,
            unit,
            core_name(ind.name),
            full,
            target,
            actual,
            per.group(0) if per else "",
            initial,
        )

    def compared(self, claim: Claim) -> tuple[str, tuple[float, float | None] | None]:
        """Which figure a claim is compared with: the actual for a result in 实际完成情况,
        the target for a promise or for 预期目标."""
        if claim.source == "goal_actual" and not claim.promise:
            return "actual", self.actual
        return "target", self.target

    def agrees(self, claim: Claim) -> bool:
        """The claim fits the target or the actual (either: a narrative may quote both). A
        change fits one of either sign: 下降3.2% is an 增幅 of -3.2%."""
        planned = (self.initial,) if self.compared(claim)[0] == "target" else ()
        for v in (self.target, self.actual, *planned):
            if v is None:
                continue
            if claim.agrees(*v):
                return True
            if claim.change and v[1] is None and claim.agrees(-v[0]):
                return True
        return False


def _scaled(
    number: float, upper: float | None, scale: float, printed: str
) -> tuple[float, float | None]:
    """A figure in the claims' unit; one printed in a larger unit as the range its rounding
    allows (6.24万人 is 62 350–62 450 人: a narrative's 62418人 is that figure)."""
    if scale == 1.0:
        return number, upper
    half = 0.5 * 10 ** -decimals(printed) * scale if scale > 1.0 else 0.0
    if not half:
        return number * scale, None if upper is None else upper * scale
    return number * scale - half, (number if upper is None else upper) * scale + half


# A claim about the budget's own execution (预算执行率, 资金支出率) and the words an indicator
# names the funds with: only such an indicator may be what the claim reports.
_FUNDS_RATE = lazy_compile(r"(?:预算|资金)(?:执行|支出|使用)率\s*(?:为|达到?|是|[:：])?\s*$")
_FUNDS_WORDS = lazy_compile(r"预算|资金")
# Money spent named right before its figure (兑付补助资金178.56万元), and the words a name about
# money spent has (补助标准, 资金拨付, 投资, 成本): only such an indicator may be what it reports.
_MONEY_SPENT = lazy_compile(r"(?:资金|经费|补助金?|补贴款?)(?:为|共|合计|计|达|约)?\s*$")
_MONEY_NAME = lazy_compile(r"资金|经费|补助|补贴|投资|投入|兑付|拨付|发放|成本|费|金额|支出|预算")


def score(claim: Claim, t: Target) -> int:
    """How well the claim's words match the indicator name (0 when they do not); a claim
    that names the indicator in full outranks any partial match; a per-unit indicator
    (人均…) matches only a claim that says it is per unit."""
    if t.per and t.per not in claim.before and t.per not in claim.after:
        return 0
    if _FUNDS_RATE.search(claim.before) and not _FUNDS_WORDS.search(t.full):
        return 0  # 预算执行率99.12%: the funds' rate, not an indicator's 政府采购执行率
    if _MONEY_SPENT.search(claim.before) and not _MONEY_NAME.search(t.full):
        return (
            0  # 兑付补助资金178.56万元 against 带动秸秆利用主体增收: money spent, not what it did
        )
    if len(t.full) >= 2 and (t.full in claim.before or t.full in claim.after):
        return 100 + len(t.full)
    core = _same_words(t.core)
    after = claim.after
    if (place := _PLACES.match(after)) is not None and place.group(0) not in t.full:
        after = ""  # 25个乡镇生活垃圾收集清运处理: it counts the 乡镇 the work covers
    before = _same_words(claim.before)
    run = max(common_run(before, core), common_run(after, core))
    if run == MIN_RUN and _measure_only(core, before, after):
        run = 0  # 65岁以上老年人健康管理率 against 孕产妇系统管理率: only the measure's word shared
    window = before[-_SWAP_WINDOW:]
    if run < MIN_RUN and (
        _swapped(core, window) or _middle_left_out(core, window) or _place_inside(core, window)
    ):
        # 改造危桥9座 against 危桥改造数量: the name's two words, the other way; 补贴面积95.6万亩
        # against 补贴发放面积: its first and last words, its middle left out; 惠及项目区农户
        # against 受益农户数: its two words, the place they are in between them
        run = MIN_RUN
    if not (run >= MIN_RUN or run == len(t.core) >= 2):
        return 0
    if _other_measure(before, t.full):
        return 0  # 签约居民满意度达到95% against 签约居民续约率: the claim measures another thing
    if _other_grade(claim.before, t.full, incidents=t.unit == "起"):
        return 0  # 发生一般森林火灾2起 against 重特大森林火灾发生次数: another grade of the thing
    return run


# The grades incidents are counted by (an accident's, a fire's): a claim of one grade is no
# figure of a row counting another.
_GRADE = lazy_compile(r"重特大|特别重大|重大|较大|一般")
_GRADE_WINDOW = 10  # characters before a claim's figure its grade stands in


def _other_grade(before: str, name: str, incidents: bool = False) -> bool:
    """The claim counts another grade of the thing than the row; of incidents (起), a claim
    naming no grade is of all of them, no figure of a row counting one grade (全年发生森林火灾2起
    against 重大森林火灾发生次数)."""
    said = _GRADE.findall(before[-_GRADE_WINDOW:])
    named = _GRADE.findall(name)
    if not said:
        return incidents and bool(named)
    return bool(named) and said[-1] not in named


# A measure's word every kind of rate or survey ends with (管理率, 覆盖率, 满意度): no name.
_MEASURE_WORD = r"[\u4e00-\u9fff]{2}率|满意度"
_MEASURE = lazy_compile(_MEASURE_WORD)


def _measure_only(core: str, *texts: str) -> bool:
    """The three characters ``core`` shares with the claim's words are a measure's word only,
    which any rate's name ends with (…管理率), and no two of the name's other words are the
    claim's (签约服务群众满意度 and 签约居民满意度 share 签约 too)."""
    measure = _MEASURE.search(core)
    rest = core[: measure.start()] + "|" + core[measure.end() :] if measure else core
    return not any(
        rest[k : k + 2] in text and "|" not in rest[k : k + 2]
        for k in range(len(rest) - 1)
        for text in texts
    )


# The measure a claim names right before its figure (…满意度达到95%, …管理率66.5%), and the one
# an indicator's name ends with.
# (a share too: 脱贫家庭学生占比约六成 measures no 认定准确率)
_CLAIM_MEASURE = lazy_compile(
    rf"({_MEASURE_WORD}|占比|比例|比重)(?:达到|达|为|是|保持在|提高到|提升至|超过|不低于|约)?\s*$"
)
_NAME_MEASURE = lazy_compile(rf"({_MEASURE_WORD}|占比|比例|比重)$")


def _other_measure(before: str, name: str) -> bool:
    """The claim measures one thing (满意度) and the indicator another (续约率), whose words
    (续约) the claim does not say (签约服务覆盖率 is a 签约率), nor the name the claim's (健康管理
    率 against 健康管理服务率: the name measures 管理 too)."""
    said = _CLAIM_MEASURE.search(before)
    named = _NAME_MEASURE.search(name)
    return (
        said is not None
        and named is not None
        and said.group(1) != named.group(1)
        and named.group(1)[:-1] not in before
        and said.group(1)[:-1] not in name
    )


_SWAP_WINDOW = 8  # characters before a claim's figure its words for the row stand in


def _swapped(core: str, words: str) -> bool:
    """A core name of two words of two characters (危桥改造), both in ``words`` in the other
    order (改造危桥)."""
    if len(core) != 4:
        return False
    first, second = core[:2], core[2:]
    return first != second and 0 <= words.find(second) < words.find(first)


def _middle_left_out(core: str, words: str) -> bool:
    """A core name of three words or more (补贴发放面积) whose first and last two characters
    stand together in ``words`` (补贴面积)."""
    return len(core) >= _MIDDLE_NAME and (core[:2] + core[-2:]) in words


_MIDDLE_NAME = 6
# The place a count is of, said between a name's two words (受益项目区农户, 改造全县危桥).
_PLACE_WORDS = "项目区|全县|全市|全区|全镇|全乡|辖区|县域|本县|本市"


def _place_inside(core: str, words: str) -> bool:
    """A core name opening with a word of two characters (受益农, of 受益农户数) with a place
    between that word and the rest in ``words`` (受益项目区农户)."""
    if not 3 <= len(core) <= 4:
        return False
    return (
        re.search(f"{re.escape(core[:2])}(?:{_PLACE_WORDS}){re.escape(core[2:])}", words)
        is not None
    )


@dataclass(frozen=True, slots=True)
class Match:
    """The indicators a claim matches, best first, and whether any of them agrees with it."""

    claim: Claim
    candidates: tuple[tuple[int, Target], ...]
    agrees: bool

    @property
    def best(self) -> Target | None:
        """The single best match, or None when there is none or a tie."""
        if not self.candidates:
            return None
        if len(self.candidates) > 1 and self.candidates[1][0] == self.candidates[0][0]:
            return None
        return self.candidates[0][1]


def match(claim: Claim, targets: list[Target]) -> Match:
    """The claim against the indicators (those of another unit class are skipped)."""
    if not targets:
        return Match(claim, (), False)
    unit = unit_class(claim.unit)
    found = [(s, t) for t in targets if t.unit == unit and (s := score(claim, t))]
    if len(found) > 1:
        found.sort(key=lambda st: -st[0])
    return Match(claim, tuple(found), any(t.agrees(claim) for _, t in found))
