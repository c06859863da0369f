"""What round 140 of the written tables (zy, zz) showed, asserted on the written documents
whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_names_that_took_their_definitions_wrapped_line_are_doubted() -> None:
    # zy03 (pdftotext -layout of a Hebei form): 维修养护工程数量 | 年度完成维修养护的 | … over
    # 农村供水工程处数: each definition's rest had been read into the name without a doubt, the
    # table reviewed as read (a B103 on a row named 水服务的满意程度); now said misread
    (table,) = parse_file(_doc("zy03")).tables
    assert not table.reliable
    assert "维修养护工程数量农村供水工程处数" not in [i.name for i in table.indicators]


def test_a_name_that_takes_its_own_wrapped_rest_is_not_doubted() -> None:
    # Hebei forms of this round and an earlier one read whole: no such doubt on them
    for stem in ("zy01", "zy02", "zy05", "zy06"):
        (table,) = parse_file(_doc(stem)).tables
        assert table.reliable, stem


def test_a_text_read_a_block_of_lines_to_a_row_that_left_lines_unread_is_read_again() -> None:
    # zz02, zz04 (plain pdftotext, a cell a line, blank lines after some rows): each block of
    # lines had been read as one row, most rows lost without a doubt (zz02: false T101, W101,
    # W104 and P103 errors; zz04: its funds lost, a false P103); read as a stream, whole
    report = parse_file(_doc("zz02"))
    assert report.format == "text/flat"
    assert len(report.tables[0].indicators) == 11
    codes = {f.code for f in review(_doc("zz02")).findings}
    assert not {"T101", "W101", "W104", "P103"} & codes


def test_a_notes_points_for_a_categorys_rows_named_with_xia_go_to_that_category() -> None:
    # zz04: 产出指标下各三级指标分值均为8分，效益指标下…10分，满意度指标下…5分: every row had
    # been taken as worth 8 (false S101 errors on the 10-point rows, S103 and S106)
    codes = {f.code for f in review(_doc("zz04")).findings}
    assert not {"S101", "S103", "S106"} & codes
    assert {"B103", "T101"} <= codes  # what its writer planted
