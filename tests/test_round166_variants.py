"""What round 166 of the written tables (cby, cbz, cca, ccb) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from tests.test_round73_variants import _codes, _doc


def test_the_northeasts_column_words() -> None:
    # cca06: 绩效指标内容 | 指标标准 | 完成数 | 分值 | 分数 | 扣分 | 扣分理由 — no row had been read
    # (said misread); 分数 beside 分值 is the row's score
    (table,) = parse_file(_doc("cca06")).tables
    rows = {i.name: (i.target, i.actual, i.weight, i.score) for i in table.indicators}
    assert len(rows) == 10
    assert rows["新型职业农民认定"][2:] == (10.0, 10.0)
    assert "S106" in _codes("cca06", "新型职业农民认定")  # 部分完成 at full marks (labelled)


def test_funds_levels_of_the_northwest_and_northeast() -> None:
    # cca02: 州、市(县)级资金, cca03: 地区资金 — levels no family knew (a false F101 error on
    # cca02; cca03's labelled F101 now with the level in its sum)
    assert "F101" not in _codes("cca02")
    (table,) = parse_file(_doc("cca03")).tables
    assert "地区资金" in table.funds.extra


def test_a_ratio_of_two_rates_may_pass_100() -> None:
    # cbz05 (clean): 资金支付进度与序时进度比 103.6%
    assert "S110" not in _codes("cbz05")
