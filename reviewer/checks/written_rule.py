"""A row's own scoring rule, as its 评分标准 column writes it out, and the score it gives.

Some forms print beside each row the rule it is scored by: 达到目标值得满分，每低1个百分点扣0.5分;
每少1人扣0.1分，扣完为止; 未达到不得分. Where the rule is one of these plain kinds, the row's score
is judged by it (S109) rather than by proportion (S104): a deduction per unit of shortfall, or all
or nothing. Anything else (按比例计分, 酌情扣分, a deduction per month of delay, per problem found)
is not read here, and the row is judged as the form's others are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.checks.recompute import norm_unit
from reviewer.lazyre import lazy_compile
from reviewer.model import Indicator

# The columns a form prints a row's rule in.
_RULE_COLUMN = lazy_compile(r"^(?:评分标准|评分规则|扣分标准|计分标准|评分方法|计分方法|评分办法)")
# 每低1个百分点扣0.5分, 每少1%扣1分, 每超过1个百分点扣0.5分, 每少10人扣0.1分
_PER_UNIT = lazy_compile(
    r"每(?:低于?|少|减少|下降|降低|差|超过?|超出|高于?|增加|多)\s*"
    r"(?P<n>\d+(?:\.\d+)?|一)\s*(?P<unit>个百分点|百分点|%|％|[\u4e00-\u9fff]{1,3}?)\s*"
    r"(?:扣|减)\s*(?P<points>\d+(?:\.\d+)?)\s*分"
)
# 未达到不得分, 未完成不得分, 超出不得分, 否则不得分, 达不到不得分
_ALL_OR_NOTHING = lazy_compile(
    r"(?:未达到|未达标|未完成|达不到|超出|超过|否则)[^，,。；;]{0,6}不得分"
)
# A band of a rate and the points it earns: 80%（含）–90%得一半分, 85%（含）—90%得6分
_BAND = lazy_compile(
    r"(?P<lo>\d+(?:\.\d+)?)\s*%?\s*(?:[(（]含[)）])?\s*[-–—~～至到]\s*(?P<hi>\d+(?:\.\d+)?)\s*%"
    r"\s*(?:之间)?\s*得\s*(?P<points>一半|半数?|\d+(?:\.\d+)?)\s*分"
)
# …and below the last band nothing: <80%不得分, 低于80%不得分, 80%以下不得分
_NONE_BELOW = lazy_compile(
    r"(?:[<＜]|低于)\s*(?P<a>\d+(?:\.\d+)?)\s*%\s*(?:的)?不得分|(?P<b>\d+(?:\.\d+)?)\s*%以下(?:的)?不得分"
)
# A rule that says more than one of these can read (按比例, 酌情, per month, per problem found).
_OTHER = lazy_compile(r"按比例|酌情|每(?:延迟|推迟|延后|逾期)|每发现|每项|每缺|每处|每起|每次")


@dataclass(frozen=True, slots=True)
class WrittenRule:
    """``points`` off for each ``per`` of shortfall in ``unit`` ("pp": percentage points; "%":
    a share of the target; else the row's own unit); ``per`` 0 for all or nothing."""

    text: str
    per: float
    points: float
    unit: str
    # rates' bands and their points (None: half the row's weight), and the rate below which
    # the row earns nothing: 80%（含）–90%得一半分，<80%不得分
    bands: tuple[tuple[float, float, float | None], ...] = ()
    none_below: float | None = None


def written_rule(ind: Indicator) -> WrittenRule | None:
    """The row's rule, where its 评分标准 writes one of the kinds this module reads."""
    text = next((ref.text for key, ref in ind.cells.items() if _RULE_COLUMN.match(key)), "").strip()
    if not text or _OTHER.search(text):
        return None
    found = _PER_UNIT.findall(text)
    if len(found) == 1:
        n, unit, points = found[0]
        per = 1.0 if n == "一" else float(n)
        kind = "pp" if "百分点" in unit else "%" if unit in ("%", "％") else unit
        return WrittenRule(text, per, float(points), kind) if per > 0 else None
    bands = tuple(
        (float(m["lo"]), float(m["hi"]), None if m["points"][0] in "一半" else float(m["points"]))
        for m in _BAND.finditer(text)
    )
    if not found and bands:
        below = _NONE_BELOW.search(text)
        floor = None if below is None else float(below["a"] or below["b"])
        return WrittenRule(text, 0.0, 0.0, "%", bands, floor)
    if not found and _ALL_OR_NOTHING.search(text):
        return WrittenRule(text, 0.0, 0.0, "")
    return None


def ruled_score(rule: WrittenRule, ind: Indicator, target: float, actual: float) -> float | None:
    """The score the rule gives a row that missed its target (``target`` and ``actual`` in the
    same unit, the row's weight known); None when its unit is not the row's."""
    weight = ind.weight
    if weight is None:
        return None
    if rule.bands:
        if not _is_percent(ind):
            return None
        for lo, hi, points in rule.bands:
            if lo <= actual < hi:
                return weight / 2 if points is None else points
        below = rule.none_below
        return 0.0 if below is not None and actual < below else None
    if rule.per == 0:
        return 0.0
    gap = abs(target - actual)
    percent_row = _is_percent(ind)
    if rule.unit == "pp" or (rule.unit == "%" and percent_row):
        if not percent_row:
            return None  # percentage points of a count: not this row's measure
        units = gap / rule.per
    elif rule.unit == "%":
        if not target:
            return None
        units = gap / abs(target) * 100 / rule.per
    else:
        if percent_row or not _same_unit(rule.unit, ind):
            return None
        units = gap / rule.per
    return round(max(0.0, weight - rule.points * units), 2)


def _is_percent(ind: Indicator) -> bool:
    return norm_unit(ind.target_value.unit) == "%"


def _same_unit(unit: str, ind: Indicator) -> bool:
    """The rule counts in the row's unit (每少10人 against ≥1200人)."""
    own = re.sub(r"[（(].*$", "", ind.target_value.unit or ind.actual_value.unit).strip()
    return bool(own) and (own == unit or own.endswith(unit) or unit.endswith(own))
