"""What round 185 of the written tables (cex, cey, cez, cfa) showed: rates per mille against per
cent, an actual whose unit was mistyped (142万元/亩 against ≤150元/亩), and a narrative's
difference from the budget taken for an amount of the funds block.
"""

from __future__ import annotations

from reviewer.model import ParsedValue
from reviewer.pipeline import review
from reviewer.units import scale_of
from tests.test_round73_variants import _codes, _doc


def _messages(stem: str, code: str) -> list[str]:
    return [f.message for f in review(_doc(stem)).findings if f.code == code]


def test_round185_per_mille_against_per_cent() -> None:
    # cfa06: ≤2‰ against 0.25% (2.5‰) kept at full points: missed (labelled); cfa03: ≤6‰ against
    # 0.42% met, its units said as a remark only
    assert any("设施故障停运率" in m for m in _messages("cfa06", "S102"))
    per_mille = [f for f in review(_doc("cfa03")).findings if f.code == "S108" and "‰" in f.message]
    assert per_mille and all(f.severity.value == "info" for f in per_mille)


def test_round185_a_unit_mistyped_beside_a_figure_near_the_target() -> None:
    # cfa05: 142万元/亩 against ≤150元/亩 is compared as printed (met), its unit said to differ;
    # not a row a hundred thousand times over its ceiling at full points
    target = ParsedValue(number=150.0, unit="元/亩")
    assert scale_of(target, ParsedValue(number=142.0, unit="万元/亩")) == 1.0
    assert (
        scale_of(ParsedValue(number=30.0, unit="万元"), ParsedValue(number=286400.0, unit="元"))
        == 0.0001
    )
    assert not [m for m in _messages("cfa05", "S102") if "亩均补助标准" in m]
    assert "T104" not in _codes("cfa05")
    # ii06: ≤3‰ against 2.1% (21‰ read literally): the unit said likely mistyped (labelled), the
    # row not judged seven times over its ceiling
    (unit,) = [m for m in _messages("ii06", "S108") if "林业有害生物成灾率" in m]
    assert "单位可能填错" in unit
    assert not [m for m in _messages("ii06", "S102") if "林业有害生物成灾率" in m]


def test_round185_a_difference_from_the_budget_is_no_amount_of_the_block() -> None:
    # cex04: “三公”经费支出18.6万元,较预算减少4.4万元
    assert "N106" not in _codes("cex04")


def test_round185_categories_with_codes_and_their_subtotals() -> None:
    # cez02: A 产出指标 | A1 数量指标 | …, C1 服务对象满意度指标小计: the codes are no part of the
    # labels (no P104 on 一级 "A产出指标", no row run into a subtotal's label)
    assert not {"P104", "P108"} & _codes("cez02")
    # cez06: A1 数量指标小计 19 over rows scoring 10 + 8 (labelled)
    assert any("A1数量指标小计" in m for m in _messages("cez06", "T106"))
    # cez04: 满意度指标合计 under 满意度指标小计 is the category's, not every row's (a false T106)
    assert "T106" not in _codes("cez04")
