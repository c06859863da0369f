"""What round 93 of the written tables (st–sw) showed, asserted on the written documents whose
layout is the point.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_round93_a_workbooks_next_sheet_ends_the_table_before_it() -> None:
    # sv02 (a budget system's export): the 填报说明 sheet after the 指标明细 sheet had been read
    # into the detail's last name (购机户满意度填报说明1.本表由…): the detail, doubted, was
    # reviewed as a table of its own instead of compared with its form
    report = parse_file(_doc("sv02"))
    form, detail = report.tables
    assert form.detail_of is None
    assert detail.detail_of is not None and detail.reliable
    assert all("填报说明" not in i.name for t in report.tables for i in t.indicators)
    assert any(lo.location.sheet == "填报说明" for lo in report.leftovers)  # reported, unread


def test_round93_a_detail_printing_a_value_otherwise_is_reported_on_its_row() -> None:
    # sv01: the 指标明细 sheet's 1.35万亩 against the form's 1.52万亩; sv03: its 全年执行数
    # 517.30 against the form's 571.30
    (one,) = [f for f in review(_doc("sv01")).findings if f.code == "P112"]
    assert one.indicator == "新建高标准农田面积"
    assert [e.quote for e in one.evidence] == ["1.52万亩", "1.35万亩"]
    (funds,) = [f for f in review(_doc("sv03")).findings if f.code == "P112"]
    assert funds.indicator is None and "全年执行数自评表为571.30，明细为517.30" in funds.message
