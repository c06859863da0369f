"""What round 87 of the written tables (rv–ry) showed, asserted on the written documents whose
layout is the point and on the smallest cases.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.checks.explanations import _DONE, _MEASURE
from reviewer.pipeline import review
from reviewer.textnorm import PAGE_NUMBER
from tests.test_round73_variants import _doc


def _codes(stem: str, indicator: str | None = None) -> set[str]:
    return {
        f.code for f in review(_doc(stem)).findings if indicator is None or f.indicator == indicator
    }


def test_round87_steps_already_taken_are_measures() -> None:
    # ry02, ry06: 已通过定向培养和县招乡用补充, 已完成二次招标，2021年3月前到货, 已完成用地报批，
    # 2021年续建: causes with the steps taken against them, not "only a cause" (E102)
    for text in (
        "3名乡村医生退休；已通过定向培养和县招乡用补充",
        "部分设备政府采购流标后重新招标；已完成二次招标，2021年3月前到货",
        "1所学校因用地手续办理滞后调减建设面积；已完成用地报批，2021年续建",
    ):
        assert _MEASURE.search(text), text
    assert "E102" not in _codes("ry02")
    assert "E102" not in _codes("ry06")
    # a step done is no claim that the row's target was (a false E103 beside a shortfall)
    assert not _DONE.search("已完成二次招标")
    assert _DONE.search("已完成年度任务")
    assert "E103" not in _codes("ry06", "购置教学仪器设备")


def test_round87_a_bill_not_yet_settled_explains_a_low_rate() -> None:
    # rv05: 部分项目资金尚未完成结算，2020年1月完成支付 beside 执行率 85%: a reason given (no B104)
    # for money owed for work done (no B105)
    assert not {"B104", "B105"} & _codes("rv05")


def test_round87_a_scanning_apps_mark_is_page_furniture() -> None:
    # rx01–rx05: 扫描全能王 创建 at each scanned page's foot was read into a row (扫描全能王≥)
    for mark in ("扫描全能王创建", "扫描全能王", "CreatedbyCamScanner"):
        assert PAGE_NUMBER.match(mark), mark
    (t,) = parse_file(_doc("rx04")).tables
    assert not any("扫描全能王" in i.name for i in t.indicators)


def test_round87_a_cell_a_line_scans_wrapped_values_and_stacked_labels() -> None:
    # rx02: 有所 / 改善 (a qualitative target in a narrow column) was read as 有所 (false E101,
    # N108, S106); =S / 元/人·天 lost its unit
    (t,) = parse_file(_doc("rx02")).tables
    rows = {i.name: i for i in t.indicators}
    assert rows["学生营养健康状况"].target.endswith("有所改善")
    assert rows["营养膳食补助标准"].target == "=S元/人·天"
    assert not {"E101", "N108", "S106"} & _codes("rx02", "学生营养健康状况")
    # rx04: 偏差原因 / 分析及改进 / 措施 stacked in the header, a 序号 scanned as l, a date's
    # 底前 on a line of its own
    (t,) = parse_file(_doc("rx04")).tables
    names = [i.name for i in t.indicators]
    assert "县乡道日常养护里程" in names
    assert next(i for i in t.indicators if i.name == "危桥改造完工时间").target == "2024年11月底前"


def test_round87_a_rows_own_scoring_bands() -> None:
    # ry01: 规范得9-10分；基本规范得6-8分；不规范得0-5分 in the row's 评分标准, 基本规范 scored 9
    result = review(_doc("ry01"))
    hits = [f for f in result.findings if f.code == "S106" and f.indicator == "工程建设规范性"]
    assert hits and "6–8分" in hits[0].message
    # ry02: its rows' bands kept: nothing said
    assert "S106" not in _codes("ry02")


def test_round87_a_funds_rows_label_holding_its_first_amount() -> None:
    # rw05 (pdftotext without -layout): 一般公共预算拨款：3185.60 3352.18 3298.95, the first amount
    # read with the label and the others one column on: false F101; now the funds are said
    # misread and the indicator rows kept
    result = review(_doc("rw05"))
    assert "F101" not in {f.code for f in result.findings}
    assert any(f.code == "P108" and "资金部分的一格" in f.message for f in result.findings)
    (t,) = result.report.tables
    assert len(t.indicators) >= 7
