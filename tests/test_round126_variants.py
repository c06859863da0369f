"""What round 126 of the written tables (xu–xx: CSV and system exports, OCR in runs of spaces,
indicator design, transfer-payment forms) showed, asserted on the written documents whose
layout is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_csv_parted_by_semicolons_is_read() -> None:
    # xu03, a spreadsheet saved where the comma is the decimal mark: every field parted by
    # semicolons; it had been refused (no table's rows could be made out)
    (t,) = parse_file(_doc("xu03")).tables
    assert t.project == "农村公路安全生命防护工程"
    assert len(t.indicators) == 10 and t.reliable


def test_a_long_export_named_by_the_transfer_forms_label() -> None:
    # xu04, an export a line per indicator whose project column is headed 转移支付（项目）名称:
    # not taken for an export, every row's actual had been the goal's 实际完成情况
    (t,) = parse_file(_doc("xu04")).tables
    first = t.indicators[0]
    assert (first.name, first.target, first.actual) == ("支持产业发展项目数", "≥46个", "46个")
    assert t.goal_actual.startswith("实施产业发展项目46个")


def test_a_forms_title_continued_beside_its_pages_number_is_the_pages_head() -> None:
    # xv06: 威县水利局预算项目绩效自评表（续）    —2— had opened a second table, the first one
    # judged on its half (a false W101, 权重占比合计为50分)
    tables = parse_file(_doc("xv06")).tables
    assert len(tables) == 1 and len(tables[0].indicators) >= 7
    assert "W101" not in {f.code for f in review(_doc("xv06")).findings}
    # xv05: …2024年度部门整体支出绩效自评    2 (a bare number): read into the row above's name
    names = [i.name for i in parse_file(_doc("xv05")).tables[0].indicators]
    assert "公用经费支出控制率" in names
