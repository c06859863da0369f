"""What round 170 of the written tables (cco, ccp, ccq, ccr) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from tests.test_round73_variants import _codes, _doc, _unread


def test_a_government_pages_own_parts_are_its_furniture() -> None:
    # ccp01: the menu, breadcrumb, 发布时间：… 来源：… 浏览次数, the attachment's link and the
    # footer (主办单位：…, 苏ICP备…) around the table: nothing of the table's left unread; the
    # article's own opening sentence is prose, reported (not taken for the form's year line)
    assert _unread("ccp01") == [
        "根据区财政局关于开展2021年度项目支出绩效自评工作的通知要求，我局对2021年高标准农田建设项目"
        "开展了绩效自评，现将自评表公开如下："
    ]


def test_the_pages_furniture_is_told_by_its_element_not_its_words(tmp_path: Path) -> None:
    # ccp01 with a sentence of the article's own that opens as a menu item does: still reported
    page = _doc("ccp01").read_text(encoding="utf-8")
    said = "首页所列项目自评情况另见附表。"
    page = page.replace(
        '<div class="content" id="zoom">', f'<div class="content" id="zoom"><p>{said}</p>'
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    unread = [lo.text for lo in parse_file(path).leftovers]
    assert said in unread
    assert "首页" not in unread and "政务公开" not in unread


def test_a_department_budget_label_opens_the_funds_block() -> None:
    # ccp03: 年度部门预算资金（万元） over a 部门整体 form's columns; its 支出性质 rows 100.00 short
    assert not [q for q in _unread("ccp03") if "预算资金" in q]
    assert "F101" in _codes("ccp03")  # labelled


def test_a_rule_dated_from_a_day_and_a_step_due_by_a_month_are_measures() -> None:
    # ccq03: 已牵头制定停水检修提前公告制度，自2023年1月1日起执行; ccq05: 已报县财政局纳入集中带量
    # 采购，6月底前完成招标 (a precision round: neither is a weak explanation)
    assert "E102" not in _codes("ccq03")
    assert "E102" not in _codes("ccq05")
