"""What round 74 of the written tables (pv–py) showed, asserted on the written documents whose
layout is the point (plain pdftotext's text runs, a page's number and its running head of the
issuer and the form's title between pages) and on the smallest texts where one line shows it.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.ingest.rebuild.anchors import Kind, kinds, section_completed
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def _rows(doc: Path) -> list[tuple[str, str, str, float | None, float | None]]:
    (t,) = parse_file(doc).tables
    return [(r.name, r.target, r.actual, r.weight, r.score) for r in t.indicators]


def test_round74_a_running_head_of_the_issuer_and_the_forms_title() -> None:
    # pv05: 1 / 蕉岭县住房和城乡建设局 项目支出绩效自评表 between pages (the number first), and
    # pv04: 邢台市南和区教育局 预算项目绩效自评表 / 1 (the head first): each had opened a second
    # table, the first without indicators and the second without its name and funds (false
    # P103 errors on both)
    for stem in ("pv05", "pv04"):
        doc = _doc(stem)
        (t,) = parse_file(doc).tables
        assert t.project and t.indicators, stem
        assert "P103" not in {f.code for f in review(doc).findings}, stem
    # pv04's gold S102 (资助在园幼儿人数 marked 完成 at 1760 of ≥1850, full points) is found
    found = review(_doc("pv04")).findings
    assert any(f.code == "S102" and f.indicator == "资助在园幼儿人数" for f in found)


def test_round74_names_wrapped_before_values_and_before_targets_of_words() -> None:
    # pv06: 完成农村户用卫 / 生厕所改造数量 (the first line as wide as its rest, a value next) and
    # 改厕设施长效管 / 护机制 / 建立 / 已建立 / 15 (a target and an actual of words, then the
    # points): each had been read as two rows, the table said misread and its two gold
    # problems (an empty explanation, the narrative's 2000户) not reported
    rows = _rows(_doc("pv06"))
    assert rows[0] == ("完成农村户用卫生厕所改造数量", "≥2000户", "1860户", 20.0, 18.6)
    assert ("改厕设施长效管护机制", "建立", "已建立", 15.0, 15.0) in rows
    codes = {f.code for f in review(_doc("pv06")).findings}
    assert {"E101", "N102"} <= codes


def test_round74_a_sichuan_forms_block_label_and_a_deadline_over_three_lines() -> None:
    # pv01: 年度绩效指 / 标 / 完成情况, the indicator block's label wrapped, had made 完成情况 a
    # column of the header and every row's cells one column on (P108); 2022年12 / 月底前完 / 工,
    # a deadline over three lines
    rows = _rows(_doc("pv01"))
    assert rows[0] == ("新建高标准农田面积", "≥1.2万亩", "1.23", 20.0, 20.0)
    assert ("项目完工时间", "2022年12月底前完工", "2022年11月底完工", 10.0, 10.0) in rows
    assert "P108" not in {f.code for f in review(_doc("pv01")).findings}
    # the block's label whole, not a label and the next column's (绩效指标(90分) / 一级指标)
    assert section_completed("年度绩效指标", "完成情况")
    assert not section_completed("绩效指标(90分)", "一级指标")


def test_round74_an_actuals_figure_and_unit_wrapped_and_a_target_its_actual_restates() -> None:
    # pv02: 持续加强 / 持续加强,完成区 / 级非遗名录项目12 / 项: the target had been joined to the
    # name (文化遗产保护传承持续加强) and 项 read as the actual
    rows = _rows(_doc("pv02"))
    assert ("文化遗产保护传承", "持续加强", "持续加强,完成区级非遗名录项目12项", 10.0, 10.0) in rows


def test_round74_a_note_under_the_rows_closes_them() -> None:
    # pv03: 注:1.本表由资金使用单位填报… under the last row: no row's cell
    assert Kind.NOTE in kinds(
        "注:1.本表由资金使用单位填报,主管部门审核;2.指标值按绩效目标申报表填列。"
    )
    assert Kind.NOTE in kinds("备注：本表金额单位为万元")
    assert Kind.NOTE not in kinds("注册企业数")
    (t,) = parse_file(_doc("pv03")).tables
    assert not any("本表由资金使用单位填报" in r.explanation for r in t.indicators)


def test_round74_a_transfer_forms_title_with_its_project_in_brackets() -> None:
    # px04: 中央对地方转移支付区域（项目）绩效目标自评表 had been read as the national form's (a
    # false W102 on the national default weights)
    (t,) = parse_file(_doc("px04")).tables
    assert t.family == "transfer-payment"
