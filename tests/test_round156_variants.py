"""What round 156 of the written tables (cam, can, cao, cap) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.grid import Cell, Row
from reviewer.parse.compound import split_compound
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_cells_holding_two_columns_values_are_read_as_two() -> None:
    # cam03 (.xlsx): 年初目标值/实际完成值 | 分值/得分 over ≥3200人/3346人 | 15/15, and the funds'
    # 预算数/执行数 over 860.00/812.40: every target had held its actual, every row unscored
    # (false E101 errors on five rows), the funds unread
    (table,) = parse_file(_doc("cam03")).tables
    row = table.indicators[0]
    assert (row.name, row.target, row.actual, row.weight, row.score) == (
        "资助幼儿人数",
        "≥3200人",
        "3346人",
        15.0,
        15.0,
    )
    funds = table.funds.annual_total
    assert (funds.full_year_budget, funds.executed) == (860.0, 812.4)
    assert "B103" in _codes("cam03") and "E101" not in _codes("cam03", "资助幼儿人数")
    # cam02 (pipes, 分值（得分） | 10（9.77）, rows printed without their empty label cells)
    (table,) = parse_file(_doc("cam02")).tables
    scores = {i.name: (i.weight, i.score) for i in table.indicators}
    assert scores["基层医务人员培训覆盖率"] == (10.0, 9.77)
    # cam04: 一级指标-二级指标 | 产出指标-数量指标
    (table,) = parse_file(_doc("cam04")).tables
    assert (table.indicators[0].l1, table.indicators[0].l2) == ("产出指标", "数量指标")


def test_a_label_with_a_note_or_a_formula_is_one_column() -> None:
    # 得分（20分×执行率）: a note; 执行数/预算数 over a rate (97.55): one column; 预期指标值（符号）:
    # a sign's column, no pair — none is cut, nor is anything right of them moved
    header = Row(
        [
            Cell("项目资金", 4, 1),
            Cell("执行数/预算数", 4, 2),
            Cell("执行率", 4, 3),
            Cell("得分（20分×执行率）", 4, 4),
        ],
        4,
    )
    values = Row([Cell("年度资金总额", 5, 1), Cell("97.55", 5, 2), Cell("19.51", 5, 4)], 5)
    out = list(split_compound([header, values]))
    assert [[(c.text, c.column) for c in r.cells] for r in out] == [
        [("项目资金", 1), ("执行数/预算数", 2), ("执行率", 3), ("得分（20分×执行率）", 4)],
        [("年度资金总额", 1), ("97.55", 2), ("19.51", 4)],
    ]


def test_a_notes_scoring_formulas_are_the_forms_rules() -> None:
    # can01: 注：…反向得分=权重×目标值/实际值 — 7 × 18/19.5 = 6.46, as printed (the linear rule's
    # 6.42 had been an S104 warning); 3.满意度≥90%得满分，每低1个百分点扣0.5分 — 88% is 9, as printed
    assert "S104" not in _codes("can01")
    # can03: 85% by that note is 7.5, not the 8 printed (S111, the note quoted)
    message = next(f.message for f in review(_doc("can03")).findings if f.code == "S111")
    assert "按表注" in message and "应为7.5分" in message
    # can04: the note's mark (≥90%) is where the shortfall counts from, not the row's ≥95%
    assert not _codes("can04", "受益群众满意度") & {"S104", "S111"}
    # can02: the reverse row's full marks missed by the note's ratio (6 × 5/6.5)
    s102 = next(f for f in review(_doc("can02")).findings if f.code == "S102")
    assert "4.62" in s102.message


def test_scores_and_sums_rounded_to_what_they_print() -> None:
    # cao03: 得分 19.0 for 20 × 94.78% = 18.956, printed to one decimal: no B103
    assert "B103" not in _codes("cao03")
    # cao04: 812.35 + 222.24 = 1034.59 against 1034.58 万元: rounding, a note (F101 info)
    (f101,) = [f for f in review(_doc("cao04")).findings if f.code == "F101"]
    assert f101.severity.value == "info" and "取整" in f101.message
    # a whole number is no rounding: gq03's 9 for 8.63 is still a point given (S104)
    assert "S104" in _codes("gq03", "奖扶政策宣传入户率")
