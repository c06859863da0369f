"""What round 90 of the written tables (sh–sk) showed, asserted on the written documents whose
layout is the point.
"""

from __future__ import annotations

import re

from reviewer.api import parse_file
from reviewer.parse import labels as lb
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_round90_a_group_label_repeated_with_its_parts_in_brackets() -> None:
    # sk03 (a Hebei form in tabs): 预期指标值(符号) | 预期指标值(值) | 预期指标值(单位): the unit's
    # column lost, every target read without its unit (≥3700 for ≥3700人次)
    group = re.compile(r"^预期指标值(.+)$")
    assert lb.under_group("预期指标值(单位)", group, lambda t: t == "单位") == "单位"
    (t,) = parse_file(_doc("sk03")).tables
    assert t.indicators[0].target == "≥3700人次"
    assert t.reliable


def test_round90_the_years_budget_change_explained_in_its_own_field() -> None:
    # sk04 (a Sichuan form): 年中预算调整情况说明 | 年中追加160.00万元,系…强降雨…: the change said
    # unexplained (a false F104); its funds block's 未完成原因分析 column was left unread
    result = review(_doc("sk04"))
    assert "F104" not in {f.code for f in result.findings}
    (t,) = result.report.tables
    assert "质保金" in t.funds.annual_total.reason
