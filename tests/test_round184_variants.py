"""What round 184 of the written tables (cet, ceu, cev, cew) showed: an actual written as the
count done over the count planned (12个/12个), and a goal giving each of two items one (各1个).
"""

from __future__ import annotations

from reviewer.parse.values import parse_value
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_round184_done_over_planned_is_the_figure_done() -> None:
    # ceu02: 12个/12个 against 12个 was read as a figure in 个/12个, a false S108
    value = parse_value("12个/12个")
    assert (value.number, value.unit) == (12, "个")
    assert parse_value("10所/12所").number == 10
    assert "S108" not in _codes("ceu02")
    # ceu05: 12个/12个 against ≥12场 met, scored 9 of 10 (labelled), its units still told apart
    messages = [f.message for f in review(_doc("ceu05")).findings if f.code == "S108"]
    assert messages and "“场”与“个”" in messages[0]


def test_round184_each_of_two_items() -> None:
    # cew04: 建成县级电商公共服务中心和物流配送中心各1个 against the row's 2个: one each, no
    # disagreement
    assert "N102" not in _codes("cew04")
