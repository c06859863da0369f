"""What round 197 of the written tables (cgt, cgu, cgv, cgw) showed: a scoring sheet's categories
with their points on rows of their own, and the budget's execution scored as a row of the
indicators where the funds block scores nothing.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_round197_a_scoring_sheets_categories_with_their_points() -> None:
    # cgt01: 投入 | | | 20 | | | 19 over its rows (投入 / 过程 / 产出 / 效果)
    t = parse_file(_doc("cgt01")).tables[0]
    assert t.family == "rubric"
    assert [i.l1 for i in t.indicators][:1] == ["投入"]
    assert not t.doubts
    # cgt03: 效果 | 20 | 17 over rows scoring 8 + 8: its score said against theirs
    [hit] = [f for f in review(_doc("cgt03")).findings if f.code == "T106"]
    assert "17分" in hit.message and "16分" in hit.message
    # cgt02 (.xlsx): a department's own categories (预算编制 | 15 | 14, 预算执行 | 25 | …)
    rows = parse_file(_doc("cgt02")).tables[0].indicators
    assert {i.l1 for i in rows} >= {"预算编制", "预算执行", "资产管理"}
    assert not {"T106", "W105", "P108"} & _codes("cgt02")


def test_round197_a_scoring_sheet_titled_as_the_department_forms() -> None:
    # cgt04: 部门整体支出绩效自评表（评分表）: the scoring sheet, not the 部门整体 form
    assert parse_file(_doc("cgt04")).tables[0].family == "rubric"
    assert "P103" not in _codes("cgt04")


def test_round197_the_budgets_execution_scored_as_a_row_of_the_indicators() -> None:
    # cgv01: 资金管理 | 预算执行率 | 不低于95% | 95.36% | 10 | 10 under 产出指标, the funds block
    # with no 分值: its label, its column (年度绩效目标) read, its points not 产出's
    t = parse_file(_doc("cgv01")).tables[0]
    row = next(i for i in t.indicators if i.name == "预算执行率")
    assert (row.l2, row.target) == ("资金管理", "不低于95%")
    assert "W102" not in _codes("cgv01")
    # cgv04: its row's 10 against the funds' 91.43 % (B103), the total's sum checked (T101)
    assert "B103" in _codes("cgv04", "预算执行率")
    # cgv03: 总分 99.81 against the rows' 99.31, the execution's points among them
    assert "T101" in _codes("cgv03")
    # cgv06: 资金管理 as its 一级 over 预算执行: no category out of the form's range
    assert "P104" not in _codes("cgv06")
