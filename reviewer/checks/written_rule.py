"""A row's own scoring rule, as its 评分标准 column writes it out, and the score it gives.

Some forms print beside each row the rule it is scored by: 达到目标值得满分，每低1个百分点扣0.5分;
每少1人扣0.1分，扣完为止; 未达到不得分. Where the rule is one of these plain kinds, the row's score
is judged by it (S109) rather than by proportion (S104): a deduction per unit of shortfall, or all
or nothing. Anything else (按比例计分, 酌情扣分, a deduction per month of delay, per problem found)
is not read here, and the row is judged as the form's others are.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from reviewer.lazyre import lazy_compile
from reviewer.model import Indicator
from reviewer.units import norm_unit, unscaled

# The columns a form prints a row's rule in.
_RULE_COLUMN = lazy_compile(r"^(?:评分标准|评分规则|扣分标准|计分标准|评分方法|计分方法|评分办法)")
# 每低1个百分点扣0.5分, 每少1%扣1分, 每超过1个百分点扣0.5分, 每少10人扣0.1分, 每延迟1天扣1分
# (a delay in the row's own unit, ≤180天 against 185; one in months is ``_PER_DELAY``'s)
_PER_UNIT = lazy_compile(
    r"每(?:低于?|少|减少|下降|降低|差|超过?|超出|高于?|增加|多|延迟|推迟|延后|逾期|滞后)\s*"
    r"(?P<n>\d+(?:\.\d+)?|一)\s*(?P<unit>个百分点|百分点|%|％|[\u4e00-\u9fff]{1,3}?)\s*"
    r"(?:扣|减)\s*(?P<points>\d+(?:\.\d+)?)\s*分"
)
# The rate a rule gives full points from: ≥90%得满分, 达到90%以上得满分, 90%及以上得满分
_FULL_AT = lazy_compile(
    r"(?:[≥>＞]=?|达到|不低于)?\s*(?P<at>\d+(?:\.\d+)?)\s*%\s*(?:及以上|以上)?(?:的)?得满分"
)
# 未达到不得分, 未完成不得分, 超出不得分, 否则不得分, 达不到不得分
_ALL_OR_NOTHING = lazy_compile(
    r"(?:未达到|未达标|未完成|达不到|超出|超过|否则)[^，,。；;]{0,6}不得分"
)
# A band of a rate and the points it earns: 80%（含）–90%得一半分, 85%（含）—90%得6分,
# 80%-90%得60%分值 (a share of the row's weight), 80%-90%得分值的60%
_BAND = lazy_compile(
    r"(?P<lo>\d+(?:\.\d+)?)\s*%?\s*(?:[(（]含[)）])?\s*[-–—~～至到]\s*(?P<hi>\d+(?:\.\d+)?)\s*%"
    r"\s*(?:之间)?\s*得\s*(?:(?P<points>一半|半数?|\d+(?:\.\d+)?)\s*分"
    r"|(?P<share>\d+(?:\.\d+)?)\s*%\s*(?:的)?分值|分值的\s*(?P<share_of>\d+(?:\.\d+)?)\s*%)"
)
# Points off for each month (or day) of delay: 每延迟1个月扣2分, 每逾期一个月扣1分
_PER_DELAY = lazy_compile(
    r"每(?:延迟|推迟|延后|逾期|滞后)\s*(?P<n>\d+|一)\s*个?\s*(?P<unit>月)\s*(?:扣|减)\s*"
    r"(?P<points>\d+(?:\.\d+)?)\s*分"
)
# …and below the last band nothing: <80%不得分, 低于80%不得分, 80%以下不得分
_NONE_BELOW = lazy_compile(
    r"(?:[<＜]|低于)\s*(?P<a>\d+(?:\.\d+)?)\s*%\s*(?:的)?不得分|(?P<b>\d+(?:\.\d+)?)\s*%以下(?:的)?不得分"
)
# A rule that says more than one of these can read (按比例, 酌情, per month, per problem found).
_OTHER = lazy_compile(r"按比例|酌情|每发现|每项|每缺|每处|每起|每次")


@dataclass(frozen=True, slots=True)
class WrittenRule:
    """``points`` off for each ``per`` of shortfall in ``unit`` ("pp": percentage points; "%":
    a share of the target; else the row's own unit); ``per`` 0 for all or nothing."""

    text: str
    per: float
    points: float
    unit: str
    # rates' bands with their points or their share of the row's weight, and the rate below
    # which the row earns nothing: 80%（含）–90%得一半分，<80%不得分
    bands: tuple[tuple[float, float, float | None, float | None], ...] = ()
    none_below: float | None = None
    # the rate the rule gives full points from, where it says (满意度≥90%得满分 on a row whose
    # target is ≥95%): the shortfall counts from it, not from the target
    full_at: float | None = None


def written_rule(ind: Indicator) -> WrittenRule | None:
    """The row's rule, where its 评分标准 writes one of the kinds this module reads."""
    text = next((ref.text for key, ref in ind.cells.items() if _RULE_COLUMN.match(key)), "").strip()
    return rule_of(text)


def noted_rule(ind: Indicator, notes: list[str]) -> WrittenRule | None:
    """The rule a note under the table writes for the row's kind (3.满意度≥90%得满分，每低1个
    百分点扣0.5分 for a 满意度 row), where the note names it and writes one this module reads."""
    for note in notes:
        for clause in _CLAUSE.split(note):
            m = _NOTE_SUBJECT.match(clause)
            if m is None or m["subject"] not in f"{ind.l1}{ind.l2}{ind.name}":
                continue
            if (rule := rule_of(clause[m.end("subject") :])) is not None:
                return rule
    return None


# A note's clauses (3.满意度≥90%得满分，每低1个百分点扣0.5分；4.…) and the kind of row each opens
# with (满意度, 时效指标); the quantitative rows' formulas (定量指标正向得分=…) name no kind.
_CLAUSE = lazy_compile(r"[；;。]|(?<!\d)(?=\d[.、．](?!\d))")
_NOTE_SUBJECT = lazy_compile(
    r"^\s*(?:注[:：]?)?\s*(?:\d[.、．])?\s*(?P<subject>(?!定量|定性|正向|反向)[\u4e00-\u9fff]{2,8}?)"
    r"(?:指标|类指标)?(?=[≥>＞达在每按完])"
)


def rule_of(text: str) -> WrittenRule | None:
    """The rule ``text`` writes, where it is one of the kinds this module reads."""
    text = text.strip()
    if not text or _OTHER.search(text):
        return None
    delays = _PER_DELAY.findall(text)
    if delays:
        n, unit, points = delays[0]
        per = 1.0 if n == "一" else float(n)
        return WrittenRule(text, per, float(points), unit) if len(delays) == 1 and per else None
    found = _PER_UNIT.findall(text)
    if len(found) == 1:
        n, unit, points = found[0]
        per = 1.0 if n == "一" else float(n)
        kind = "pp" if "百分点" in unit else "%" if unit in ("%", "％") else unit
        full = _FULL_AT.search(text)
        at = float(full["at"]) if full is not None and kind == "pp" else None
        return WrittenRule(text, per, float(points), kind, full_at=at) if per > 0 else None
    bands = tuple(_band(m) for m in _BAND.finditer(text))
    if not found and bands:
        below = _NONE_BELOW.search(text)
        floor = None if below is None else float(below["a"] or below["b"])
        return WrittenRule(text, 0.0, 0.0, "%", bands, floor)
    if not found and _ALL_OR_NOTHING.search(text):
        return WrittenRule(text, 0.0, 0.0, "")
    return None


def _band(m: re.Match[str]) -> tuple[float, float, float | None, float | None]:
    """A band's rates, and its points or its share of the weight (一半: a half)."""
    lo, hi, points = float(m["lo"]), float(m["hi"]), m["points"]
    if points is None:
        return lo, hi, None, float(m["share"] or m["share_of"]) / 100
    return (lo, hi, None, 0.5) if points[0] in "一半" else (lo, hi, float(points), None)


def delayed_score(rule: WrittenRule, ind: Indicator, deadline: int, done: int) -> float | None:
    """The score a per-month rule gives a row done at ``done`` after its ``deadline`` (dates
    as yyyymmdd or mmdd keys, both alike); None for another rule or no delay."""
    if rule.unit != "月" or ind.weight is None:
        return None
    months = _month_index(done) - _month_index(deadline)
    if months <= 0:
        return None
    return round(max(0.0, ind.weight - rule.points * math.ceil(months / rule.per)), 2)


def _month_index(key: int) -> int:
    return key // 10000 * 12 + key // 100 % 100


def ruled_score(rule: WrittenRule, ind: Indicator, target: float, actual: float) -> float | None:
    """The score the rule gives a row that missed its target (``target`` and ``actual`` in the
    same unit, the row's weight known); None when its unit is not the row's."""
    weight = ind.weight
    if weight is None:
        return None
    if rule.unit == "月":
        return None  # a delay's rule: ``delayed_score``
    if rule.bands:
        if not _is_percent(ind):
            return None
        for lo, hi, points, share in rule.bands:
            if lo <= actual < hi:
                return round(weight * (share or 0.0), 2) if points is None else points
        below = rule.none_below
        return 0.0 if below is not None and actual < below else None
    if rule.per == 0:
        return 0.0
    percent_row = _is_percent(ind)
    if rule.full_at is not None and not percent_row:
        return None  # a rate's mark (90%得满分) against a count: no reading of it
    gap = abs((target if rule.full_at is None else rule.full_at) - actual)
    if rule.full_at is not None and actual >= rule.full_at:
        return weight  # at or above the rule's own mark: full points
    if rule.unit in ("pp", "%") and percent_row:
        units = gap / rule.per
    elif rule.unit in ("pp", "%"):
        # a share of the target, or percentage points of a count's completion (57 of ≥60场:
        # 95%, five points short)
        if not target:
            return None
        units = gap / abs(target) * 100 / rule.per
    else:
        scale = None if percent_row else _rule_scale(rule.unit, ind)
        if scale is None:
            return None
        units = gap * scale / rule.per
    return round(max(0.0, weight - rule.points * units), 2)


def _is_percent(ind: Indicator) -> bool:
    return norm_unit(ind.target_value.unit) == "%"


def _rule_scale(unit: str, ind: Indicator) -> float | None:
    """How many of the rule's ``unit`` one of the row's unit holds: 1 where the rule counts in
    the row's unit (每少10人 against ≥1200人, or 人次), 10000 for 每少1000人 against ≥15万人; None
    where it counts in another."""
    own = re.sub(r"[（(].*$", "", ind.target_value.unit or ind.actual_value.unit).strip()
    if not own:
        return None
    bare, scale = unscaled(own)
    if bare != own and (bare.startswith(unit) or unit.startswith(bare)):
        return scale  # (万人 against 人)
    if own.startswith(unit) or unit.startswith(own) or own.endswith(unit) or unit.endswith(own):
        return 1.0
    return None
