"""What round 162 of the written tables (cbi, cbj, cbk, cbl) and a case left from round 154
showed, asserted on the written documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def _rows(stem: str) -> dict[str, tuple[str, str, str]]:
    (table,) = parse_file(_doc(stem)).tables
    return {i.name: (i.l2, i.target, i.actual) for i in table.indicators}


def test_a_target_eased_to_what_was_reached_without_a_word_on_it() -> None:
    # car01: 年初目标值 ≥12000亩, adjusted ≥10500亩, actual 10500亩, the explanation empty;
    # car04: ≥92% eased to ≥90%, actual 90% (both labelled)
    assert "W109" in _codes("car01", "新建高标准农田面积")
    assert "W109" in _codes("car04", "农村集中供水率")
    # a change told and approved in the explanation (报经县政府批准…调整完工时间): not asked
    assert "W109" not in _codes("car01", "项目完工时间")


def test_narrow_pdf_cells_wrapped_around_their_rows_figures() -> None:
    # cbl02 (pdftotext -layout of an Excel print): 年初目标值（A / ） had put the header's
    # brackets into the first row's name; the deviation field's first line, above its label
    # centred on the cell, had gone into the last row's name (said misread)
    rows = _rows("cbl02")
    assert "新建高标准农田面积" in rows and "项目区农户满意度" in rows
    (table,) = parse_file(_doc("cbl02")).tables
    assert table.fields["deviation_analysis"].startswith("高效节水灌溉面积完成0.27万亩")
    assert table.reliable
    # cbl03: 转移支付（项目 / ）名称 — the key's rest on the next line: the project read
    (table,) = parse_file(_doc("cbl03")).tables
    assert table.project == "基本公共卫生服务补助资金"
    # cbl04: 小学1000元/ over 生·年…: a value cut at its mark is no row of its own
    assert _rows("cbl04")["寄宿生生活补助标准"][1] == "小学1000元/生·年、初中1250元/生·年"
    # cbl05: 城市≥850元、 over 农村≥650元: the line goes on with the row above
    assert _rows("cbl05")["城乡低保月人均补助水平"][1:] == (
        "城市≥850元、农村≥650元",
        "城市870元、农村670元",
    )


def test_a_split_a_note_sets_category_by_category_is_no_departure() -> None:
    # cbj04: 注：经区财政局审核同意…产出指标、效益指标分值分别调整为40分、40分
    assert "W102" not in _codes("cbj04")
    assert "W102" in _codes("cbj02")  # 60/20 with no note


def test_the_budgets_execution_scored_again_as_an_indicator_row() -> None:
    # cbj05: the funds block scores it (10) and a 成本指标 row 预算执行率 (5) again
    assert "W110" in _codes("cbj05", "预算执行率")
    # a 部门整体 form's 部门管理 scores its own 预算执行率 (br03): no double count
    assert "W110" not in _codes("br03")


def test_a_categorys_points_below_its_rows_scores_on_a_form_without_weights() -> None:
    # cbj06 (20/80): 产出指标(40分) over rows scoring 41; nu06 labelled the same (42 of 40)
    for stem in ("cbj06", "nu06"):
        assert any(
            f.code == "S101" and f.indicator is None and "超过该类分值" in f.message
            for f in review(_doc(stem)).findings
        ), stem
    # ge05 (OCR): 产出指标 / (40分) / (20分) wrapped, its labels' points read one off — the
    # categories' points no longer make up the block's 80: not judged
    assert "S101" not in _codes("ge05")


def test_listed_figures_of_one_unit_adding_up_to_the_rows() -> None:
    # cbk04: 维护自动雨量站48个、水位站12个、预警广播310套 against 维护自动监测站点 60个: the
    # 个 figures are its parts (a false N102 on a clean table)
    assert "N102" not in _codes("cbk04")
    # aq03: 防火宣传活动46场、扑火技能培训6期 of 52场次: all listed still add up
    assert "N102" not in _codes("aq03")
