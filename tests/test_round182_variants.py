"""What round 182 of the written tables (cej, cek, cel, cem) showed: OCR rows whose grid lines
all read as 丨, a multi-year project's narrative stating the years so far, a name column headed
绩效指标, a note scoring ≤ rows by the ratio in other words, a funds label one space from its first
column's, and a value with a glyph the OCR could not read.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def _messages(stem: str, code: str) -> list[str]:
    return [f.message for f in review(_doc(stem)).findings if f.code == code]


def test_round182_rows_ruled_with_ocr_bars() -> None:
    # cej03: rows printed 丨 维修改造面积 丨 ≥15000平方米 丨 … 丨 among | rows (read as one cell
    # each, the table doubted); its year printed in full-width digits (（２０２３年度）)
    (table,) = parse_file(_doc("cej03")).tables
    assert [i.name for i in table.indicators][:3] == [
        "维修改造学校数",
        "维修改造面积",
        "工程验收合格率",
    ]
    assert table.year == 2023
    assert {"F101", "S106", "E101", "S107"} <= _codes("cej03")
    assert "P108" not in _codes("cej03")


def test_round182_a_multi_year_projects_figures_so_far() -> None:
    # cek02 (项目实施周期 2021年—2023年): 累计建成高标准农田6.45万亩 is the years so far, not the
    # year's 2.85; cek05: 项目周期内累计完成…，通达建制村82个 the period's, not the year's 28
    assert "N102" not in _codes("cek02")
    assert "N102" not in _codes("cek05")
    # cek06: 2022年全年完成12所 against the year's 10 is still the year's (labelled)
    assert "N102" in _codes("cek06")


def test_round182_a_name_column_headed_by_the_blocks_word() -> None:
    # cem05: 一级指标 | 二级指标 | 绩效指标 | 年度目标值 | …: 绩效指标 names the rows (the rows
    # were read run together, a false T101 and W101 said as errors)
    (table,) = parse_file(_doc("cem05")).tables
    assert [i.name for i in table.indicators][:2] == ["补充图书册数", "阅读推广活动场次"]
    assert not {"T101", "W101", "E103"} & _codes("cem05")


def test_round182_measures_and_notes_in_other_words() -> None:
    # cem06: 已对施工队开展专项培训 is a step taken
    assert "E102" not in _codes("cem06")
    # cel04: “≤”类指标…超过目标值的，得分=分值×目标值/实际值 scores 5.5 against ≤5 at 4.55
    assert "S104" not in _codes("cel04")


def test_round182_funds_label_one_space_from_its_column() -> None:
    # cel06: 预算执行情况(元)(20分) 预算数(A) one space apart: the budget read, not left unread
    (table,) = parse_file(_doc("cel06")).tables
    assert table.funds.annual_total.full_year_budget == 1260000
    assert "P101" not in _codes("cel06")


def test_round182_a_glyph_the_ocr_could_not_read() -> None:
    # cej04: 9▇% against ≥90%: said unreadable, not a unit of its own
    (message,) = _messages("cej04", "S108")
    assert "无法辨认" in message
