"""What round 219 of the written tables (ckh–ckm) showed: a workbook's cover sheet (封面: 项目名称：…,
填报日期：…) read as a table of its own, every part of a form said missing (a false P103 on five
ckj workbooks); a sheet of the rows' details after the 总分 (附表：指标明细) read as the rows again,
all of them lost (ckj06); a PDF's funds row read a column off, its points taken for the spending
and a rate of 1.92 % judged (ckh05, undoubted); a copy that dropped the empty cell under the goal
block's label (| 实施期 text | 年度 text | 完成 text |) leaving the result unread (ckm02's false
P109).
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.parse.plausibility import _funds_doubts
from tests.test_round73_variants import _codes, _doc


def test_round219_a_cover_sheet_is_no_table() -> None:
    # ckj01: 封面 (项目名称： | …, 项目单位（盖章）： | …), 填表说明, then the 自评表 of that project
    report = parse_file(_doc("ckj01"))
    assert len(report.tables) == 1
    t = report.tables[0]
    assert len(t.indicators) == 9 and t.fields["项目单位（盖章）"] == "浦江县农田建设服务中心"
    assert "P103" not in _codes("ckj01")


def test_round219_a_details_sheet_after_the_total_leaves_the_rows() -> None:
    # ckj06: 自评表 with 8 rows and 总分, then 附表：指标明细 (三级指标 | 指标解释 | …)
    t = parse_file(_doc("ckj06")).tables[0]
    assert len(t.indicators) == 8 and t.total_score is not None
    assert t.reliable


def test_round219_points_read_as_the_spending_are_doubted() -> None:
    # 520.00 budgeted, 10 read as its spending and no 分值 on the row: the funds said misread
    row = {"full_year_budget": 520.0, "executed": 10.0, "cells": {}}
    t = {"funds": {"annual_total": row, "extra": {}}, "labels": {}}
    doubts = _funds_doubts(t)
    assert len(doubts) == 1 and doubts[0].funds_only and "读入的可能是分值" in doubts[0].reason
    # …not where the row prints its points, nor a real share of the budget spent
    assert not _funds_doubts(
        {**t, "funds": {**t["funds"], "annual_total": {**row, "weight": 10.0}}}
    )
    spent = {**row, "executed": 260.0}
    assert not _funds_doubts({**t, "funds": {"annual_total": spent, "extra": {}}})


def test_round219_goals_a_column_left_of_their_labels() -> None:
    # ckm02: | 年度总体目标 | 实施期目标 | 年度目标 | 全年实际完成情况 | over three texts
    t = parse_file(_doc("ckm02")).tables[0]
    assert t.goal_actual.startswith("全年完成农村卫生户厕改造8650座")
    assert "P109" not in _codes("ckm02")
