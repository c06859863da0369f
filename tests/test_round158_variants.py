"""What round 158 of the written tables (cau, cav, caw, cax) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.parse.values import parse_amount, parse_number
from tests.test_round73_variants import _codes, _doc


def test_a_letter_spaced_figure_is_one_figure() -> None:
    # cau02 (a letter-spaced PDF's text): 全年执行数 printed 9 0 9 8 3 6 1 . 2 7 had been no
    # figure (a false F101 error, its sources against a blank, and an F103 warning)
    assert parse_amount("9 0 9 8 3 6 1.2 7") == 9098361.27
    assert parse_number("1 5 6 0 . 0 0") == 1560.0
    assert parse_number("8 8") is None  # two figures side by side are no one figure
    assert parse_number("1 2 3") is None
    (table,) = parse_file(_doc("cau02")).tables
    assert table.funds.annual_total.executed == 9098361.27
    assert not _codes("cau02") & {"F101", "F103"}


def test_a_goals_label_and_its_text_on_a_row_of_their_own() -> None:
    # cax05 (.docx, 20/80): 目标实际完成情况 | 年度目标基本完成：… — the text, opening with the
    # words of another goal's label, had been taken for a label (P109: said left empty)
    (table,) = parse_file(_doc("cax05")).tables
    assert table.goal_actual.startswith("年度目标基本完成")
    assert "P109" not in _codes("cax05")
    # cav04: 部门整体绩效目标 | its text, a 部门整体 form's goal in one field (a false P103)
    (table,) = parse_file(_doc("cav04")).tables
    assert table.goal_expected.startswith("围绕食品药品安全")
    assert "P103" not in _codes("cav04")
