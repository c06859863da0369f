"""What round 213 of the written tables (cjf, cjg, cjh, cji) showed: a row's 评分标准 in
percentage points of a count's completion not read (cji01's score above its own rule unflagged,
cji05's score by its rule called too low), a goal opening with a head key's words read as that
field (cjg01's goal said to be blank), a multi-year project's 项目总预算 in the head unread, a
period's target taken for the year's, and a web page's breadcrumb and date lines reported unread.
"""

from __future__ import annotations

from reviewer.api import parse_file
from tests.test_round73_variants import _codes, _doc


def test_round213_percentage_points_of_a_counts_completion() -> None:
    # cji01: 34.2 of ≥36公里 (95%), 评分标准 每降低1个百分点扣0.5分: 7.5, not the 9.5 printed
    assert "S111" in _codes("cji01")
    # cji05: 57 of ≥60场 (95%) scored 7.50 by the same rule: no finding on its score
    assert not {"S104", "S111"} & _codes("cji05")


def test_round213_a_goal_opening_with_a_head_keys_words_is_the_goal() -> None:
    # cjg01: 项目实施期（2022-2024年）内完成… is the expected goal, not the field 项目实施期
    t = parse_file(_doc("cjg01")).tables[0]
    assert t.goal_expected.startswith("项目实施期（2022-2024年）内完成")
    assert t.goal_actual.startswith("2023年度完成河道疏浚")
    assert t.fields["项目总预算"] == "3,000.00"
    codes = _codes("cjg01")
    assert "P109" not in codes and "P101" not in codes and "B101" in codes


def test_round213_a_periods_target_is_not_the_years() -> None:
    # cjg03: 项目实施期内新建…共3.6万平方米: the three years', no figure the year must report
    assert "N105" not in _codes("cjg03")


def test_round213_a_web_pages_own_lines_are_the_pages() -> None:
    # cjf02: 当前位置：首页 > 政务公开 > … over the table, 发布日期：…　来源：… under it
    report = parse_file(_doc("cjf02"))
    assert not report.leftovers
    assert "B101" in _codes("cjf02")
