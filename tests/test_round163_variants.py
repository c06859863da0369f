"""What round 163 of the written tables (cbm, cbn, cbo, cbp) and a case left from round 158
showed, asserted on the written documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.parse.values import parse_number, parse_value
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_a_basic_expenditure_against_its_staff_and_running_costs() -> None:
    # cav01 (round 158, labelled): 其中:人员经费 605.12 + 公用经费 83.96 under 基本支出 699.08
    found = [f for f in review(_doc("cav01")).findings if f.code == "F101"]
    assert any("基本支出为699.08" in f.message and "689.08" in f.message for f in found)


def test_tasks_that_take_the_whole_budget_against_the_years_spending() -> None:
    # cbm01: the tasks' budgets are the 全年预算数 4,517.36; their spending 4,447.18 is not
    # the 全年执行数 4,402.18
    assert "F106" in _codes("cbm01")
    # cbm02: a task spent past its budget, the narrative naming it by its last words
    # (疫情防控任务执行数超出任务预算18.60万元，…调剂): explained
    assert "F105" not in _codes("cbm02")


def test_a_tasks_total_read_a_cell_after_another() -> None:
    # cbm03: 合计 | 41,236.85 | 39,224.51 with no content had put the budget into the content
    # (a false F106 error)
    (table,) = parse_file(_doc("cbm03")).tables
    assert table.tasks_total is not None
    assert (table.tasks_total.budget, table.tasks_total.executed) == (41236.85, 39224.51)
    assert "F106" not in _codes("cbm03")


def test_a_hebei_converted_score_against_its_item_score_and_weight() -> None:
    # cbn01: 单项指标得分 96.00 × 权重占比 5% is 4.80, printed 4.90
    assert "S114" in _codes("cbn01", "灌溉水有效利用系数")
    # ze01 (round 139, labelled): 92.00 × 10% printed 9.02
    assert "S114" in _codes("ze01", "项目区粮食亩均增产")
    # the 预算执行率 row: its points are the execution's, B103's to work out (cbn06)
    assert "S114" not in _codes("cbn06", "预算执行率")
    assert "B103" in _codes("cbn06")


def test_a_scans_figures_read_as_the_form_printed_them() -> None:
    # cbp (OCR text): l and O among digits, 。 for the point, a digit cut by a space, 10 read lO
    assert parse_value("1l。5%").number == 11.5
    assert parse_value("≥9 5%").number == 95.0
    assert parse_number("lO") == 10.0
    assert parse_number("9.9 2") == 9.92
    assert parse_number("10 2") is None  # two figures, not one cut
    for stem in ("cbp01", "cbp04", "cbp05"):
        (table,) = parse_file(_doc(stem)).tables
        assert len(table.indicators) >= 12, stem


def test_a_sign_read_as_a_two_before_a_target() -> None:
    # cbp05, cbp06: 290% for ≥90% beside 96.3% — a rate of 90, not a target missed by 290
    # (false E101 and S102 errors)
    assert not {"E101", "S102"} & _codes("cbp05", "救助对象满意度")
    (table,) = parse_file(_doc("cbp02")).tables
    row = next(i for i in table.indicators if i.name.startswith("65岁"))
    assert (row.target_value.operator.value, row.target_value.number) == (">=", 1.86)


def test_a_scans_specks_and_seal_are_no_part_of_a_name() -> None:
    # cbp01: .. — ~ . under a row, ㊞ 周口市淮阳区农业农村局 between two: reported, not joined
    (table,) = parse_file(_doc("cbp01")).tables
    names = {i.name for i in table.indicators}
    assert "灌溉设计保证率" in names and "项目区受益农户数" in names
    # the template's …… row is still the template's (km01: P106)
    assert "P106" in _codes("km01")
