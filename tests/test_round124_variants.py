"""What round 124 of the written tables (xm–xp: OCR in runs of spaces, Hebei forms in six
layouts, whole reports, OCR a cell a line) showed, asserted on the written documents whose
layout is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def _names(stem: str) -> list[str]:
    return [i.name for t in parse_file(_doc(stem)).tables for i in t.indicators]


def test_a_pipe_table_among_tab_rows_is_read() -> None:
    # xo04, a report whose first table was pasted in pipes and its second in tabs: the text read
    # as tabs had left every pipe row one cell, the first table unread (31 cells reported)
    tables = parse_file(_doc("xo04")).tables
    assert [t.project for t in tables] == ["城乡义务教育补助经费", "学生资助资金"]
    first = tables[0].indicators[0]
    assert (first.name, first.target, first.actual) == (
        "享受公用经费补助学生数",
        "≥14.2万人",
        "14.36万人",
    )


def test_a_reports_name_alone_under_a_pages_number_is_its_running_head() -> None:
    # xo04, xo05: — 1 — over 某局2020年度绩效自评报告 (not the first page's title) had been read
    # into the last row's name
    assert "学生及家长满意度" in _names("xo04")
    assert "救助金按月发放及时率" in _names("xo05")


def test_a_change_measured_ends_the_name_above_a_whole_name() -> None:
    # xm01, OCR in runs of spaces: 项目区耕地质量 / 等级提升 over 时效指标 | 项目完工及时率 —
    # 等级提升 had opened the name below (等级提升项目完工及时率)
    names = _names("xm01")
    assert "项目区耕地质量等级提升" in names
    assert "项目完工及时率" in names
    # not above a name that is no whole name (wl03: 办学条件改善 / 持续发挥作用 / 年限)
    assert "办学条件改善持续发挥作用年限" in _names("wl03")


def test_a_subject_of_two_characters_is_doubted_and_the_text_read_again() -> None:
    # xp02, OCR a cell a line with its header's labels stacked (一级 / 指标 / 二级 / 指标): read a
    # page to a row, 一级 had been taken for the project and 二级 for the department, no doubt
    # raised; doubted, the text is read again as a stream and every row read
    (t,) = parse_file(_doc("xp02")).tables
    assert t.project == "家庭医生签约服务项目"
    assert len(t.indicators) == 11
    assert t.reliable


def test_a_units_label_wrapped_into_the_first_row() -> None:
    # xn03, pdftotext -layout of a Hebei form: 单位(文字 / 描述) — the label's rest printed into
    # the first row's unit (描述)人), the column not read as the unit's: every target unitless
    (t,) = parse_file(_doc("xn03")).tables
    assert [i.target for i in t.indicators[:3]] == ["≥2100人", "≥1.45万人", "≥95%(百分比)"]


def test_a_days_date_is_whole_before_the_next_cell() -> None:
    # xn04, a Hebei form a cell a line: 2024年10月28日 / 完成 (单项指标完成情况) had been read
    # as one actual, 完成 taken for a deadline's last word
    (t,) = parse_file(_doc("xn04")).tables
    row = next(i for i in t.indicators if i.name == "维修养护任务完成时间")
    assert row.actual == "2024年10月28日"


def test_a_step_entered_in_a_ledger_is_a_measure() -> None:
    # xm05: …需多部门会商；已纳入2024年专项整治台账，挂图作战、逐宗销号 — a false E102
    codes = {(f.code, f.indicator) for f in review(_doc("xm05")).findings}
    assert ("E102", "违法用地图斑整改到位率") not in codes
