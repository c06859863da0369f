"""What round 75 of the written tables (pz–qc) showed, asserted on the written documents whose
layout is the point (a viewer's copy and OCR a cell per line, with pages' numbers and running
heads between rows) and on the smallest texts where one line shows it.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.parse.labels import weight_note
from reviewer.pipeline import review
from reviewer.textnorm import PAGE_NUMBER
from tests.test_round73_variants import _doc


def test_round75_the_last_pages_number_after_the_total() -> None:
    # pz02: 总分 / 100 / 99.66 / 3, the last page's number the text's last line: read as the
    # total's score (a false T101 error: 总分填报为3分)
    doc = _doc("pz02")
    (t,) = parse_file(doc).tables
    assert (t.total_weight, t.total_score) == (100.0, 99.66)
    assert not {"T101", "W104"} & {f.code for f in review(doc).findings}


def test_round75_a_running_head_over_two_lines_after_the_pages_number() -> None:
    # pz01, pz03: 1 / 柳河县农业农村局 / 2022年度项目支出绩效自评表: the head had opened a
    # second table (false P103 and E101 errors, the gold's narrative problem on the wrong table)
    for stem in ("pz01", "pz03"):
        report = parse_file(_doc(stem))
        assert len(report.tables) == 1, stem
        assert len(report.tables[0].indicators) == 10, stem


def test_round75_a_scans_page_markers_with_its_running_head() -> None:
    # qc06: 卡若区农业农村局 部门预算项目支出绩效自评表 扫描第2页 between rows (the rows after it
    # lost, 63 lines unparsed, nothing said); qc05: …项目绩效自评表  扫描 P2
    for marker in ("扫描第2页", "扫描P2", "扫描件P3"):
        assert PAGE_NUMBER.match(marker), marker
    assert not PAGE_NUMBER.match("P2")
    (t,) = parse_file(_doc("qc06")).tables
    assert len(t.indicators) == 8
    # qc05: the head before the form's own title on page 1, which opens the table (项目名称
    # follows): the title and the project's name had been taken for the head's second line
    (t,) = parse_file(_doc("qc05")).tables
    assert t.project == "职业技能提升培训补贴项目"
    assert t.year == 2024


def test_round75_a_twenty_eighty_forms_funds_row_and_weights_a_scan_misread() -> None:
    # qc05: 项目资金总额 (a block's label too) after the funds columns' labels is the first row's
    # label (its amounts had not been read: said misread); 产出指标 / （4O分）: O for 0 in the
    # category's points
    assert weight_note("产出指标（4O分）") == ("产出指标", 40.0)
    assert weight_note("效益指标(3O分)") == ("效益指标", 30.0)
    assert weight_note("(Ol分)")[1] is None  # no digit: no figure
    doc = _doc("qc05")
    (t,) = parse_file(doc).tables
    assert (t.funds.annual_total.full_year_budget, t.funds.annual_total.executed) == (628.0, 615.44)
    codes = {f.code for f in review(doc).findings}
    assert "P108" not in codes
    assert "N102" in codes  # the narrative's 2160人次 against the row's 1860 (1B60 as scanned)


def test_round75_a_target_of_words_its_actual_repeats_is_no_names_rest() -> None:
    # qc02: 教师队伍稳定性 / 稳定 / 稳定 / 15 / 1S: the target joined to the name, the row's
    # cells one column on and a false T101 error
    doc = _doc("qc02")
    (t,) = parse_file(doc).tables
    row = next(r for r in t.indicators if r.name == "教师队伍稳定性")
    assert (row.target, row.actual, row.weight, row.score) == ("稳定", "稳定", 15.0, 15.0)
    assert "T101" not in {f.code for f in review(doc).findings}
