"""What round 214 of the written tables (cjj, cjk, cjl, cjm) showed: a second target or weight
column read for the row's (cjk04's project-period 全年目标值, cjk05's 指标权重(%): every row's
findings wrong, errors), the rows' explanations written in a block under the table or in a 备注
row taken for empty cells (false E101 and E102), rows printed with their names after their
figures reviewed with no names, and a goal's label misread by a scan taken for no goal.
"""

from __future__ import annotations

from reviewer.api import parse_file
from tests.test_round73_variants import _codes, _doc


def test_round214_the_national_label_of_a_column_printed_twice_is_the_rows() -> None:
    # cjk04: 全年目标值 (the project's years) | 年度指标值: the year's target is the row's
    t = parse_file(_doc("cjk04")).tables[0]
    assert t.indicators[0].target == "≥12个"
    assert not {"S102", "E101", "T104"} & _codes("cjk04")
    # cjk05: 指标权重(%) | 分值 | 得分: the points are 分值's, the score 得分's
    row = parse_file(_doc("cjk05")).tables[0].indicators[0]
    assert (row.weight, row.score) == (15, 15)
    assert {"S102", "E101", "B103"} <= _codes("cjk05") and "W101" not in _codes("cjk05")


def test_round214_explanations_written_under_the_table() -> None:
    # cjl01: 见说明 in the rows, 偏差原因说明：1.…改进措施：… under the table: read, no finding
    report = parse_file(_doc("cjl01"))
    assert not report.leftovers
    assert not {"E101", "E102"} & _codes("cjl01")
    # cjl04: the 备注 row explains the two missed rows with cause and measure
    assert "E101" not in _codes("cjl04")
    # cjl05: 见下文, the block gives 公益培训班's cause only: E102 on it alone, quoting the block
    codes = _codes("cjl05")
    assert "E102" in codes and "B104" not in codes
    # cjl02: 糖尿病患者规范管理率's cell empty and the attachment silent on it: still E101
    assert "E101" in _codes("cjl02") and "E102" not in _codes("cjl02")


def test_round214_rows_whose_names_were_not_read_are_doubted() -> None:
    # cjj06: each row's figures before its name: no row reviewed without its name
    t = parse_file(_doc("cjj06")).tables[0]
    assert t.doubts
    assert not {"E103", "S107"} & _codes("cjj06")


def test_round214_a_goal_label_a_scan_misread_is_the_goal() -> None:
    # cjj01: 实际完成惰况 over the result: the goal's actual, not a form without one
    t = parse_file(_doc("cjj01")).tables[0]
    assert t.goal_actual and "P103" not in _codes("cjj01")


def test_round214_a_note_naming_each_rows_points() -> None:
    # cjl03 (20/80, no 分值 column): 注：各三级指标分值为维修养护供水工程处数15分、…水质检测合格率10分…
    # 水质检测合格率 91.2% of ≥95% kept at 10: its full points by the note, a missed target
    assert "S102" in _codes("cjl03")
