"""What round 95 of the written tables (tb–ti) showed, asserted on the written documents whose
layout or wording is the point.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def _codes(stem: str) -> set[tuple[str, str | None]]:
    return {(f.code, f.indicator) for f in review(_doc(stem)).findings}


def test_round95_a_categorys_subtotal_rows_are_read_and_checked() -> None:
    # te05: a 小计 row under each 二级 group; its cells had been left unplaced (21 of 94: the
    # table said misread) and the one wrong subtotal (可持续影响指标小计 10, its row 9.5) unseen
    (t,) = parse_file(_doc("te05")).tables
    assert t.reliable
    assert [s.label for s in t.subtotals][:3] == ["数量指标小计", "质量指标小计", "时效指标小计"]
    # the 质量 rows end at their 小计, whatever 按时办结率's wording suggests
    assert [t.indicators[k].l2 for k in t.subtotals[1].rows] == ["质量指标", "质量指标"]
    found = [f for f in review(_doc("te05")).findings if f.code == "T106"]
    assert [f.message for f in found] == [
        "「可持续影响指标小计」得分填报为10分，所含1行得分之和为9.5分。"
    ]


def test_round95_a_bare_subtotal_is_named_by_its_rows_category() -> None:
    # du01 (an earlier set): 小计 under the 产出 rows prints 48 where they score 50
    messages = [f.message for f in review(_doc("du01")).findings if f.code == "T106"]
    assert messages == ["产出指标「小计」得分填报为48分，所含5行得分之和为50分。"]


def test_round95_a_hebei_workbooks_header_labels_two_rows_apart() -> None:
    # tc06: 单项指标得分 | 权重占比 | 折算得分 under 自评得分 on one row, 符号 | 指标值 | 单位 under
    # 预期指标值 on the next: every cell of each row had been read into its name
    (t,) = parse_file(_doc("tc06")).tables
    assert [i.name for i in t.indicators][:2] == ["送戏下乡演出场次", "演出节目审查合格率"]
    assert ("S102", "送戏下乡演出场次") in _codes("tc06")


def test_round95_a_layout_programs_text_from_the_margin_is_read_by_position() -> None:
    # tb04: pdftotext -layout of a 20/80 form, its 一级 labels wrapped in their narrow column
    # (产出指标(40 / 分)): read as runs of spaces it was misread, by position it reads whole
    report = parse_file(_doc("tb04"))
    assert report.format == "text/fixed"
    (t,) = report.tables
    assert t.reliable and len(t.indicators) == 7
    assert t.indicators[4].name == "农村公路安全隐患整治完成率"
    # its 绩效指标得分合计 is the rows' sum, not the rest of the last name
    assert [s.label for s in t.subtotals] == ["绩效指标得分合计"]


def test_round95_a_tall_names_rest_over_the_explanations_first_line() -> None:
    # td05: 特种设备定期 / ≥99.5% / 99.2% / 10 / 9.97 / 检验率 / 部分停用设备…: the rest is the
    # name's, the line after it the explanation's; td03: 师生及家长 / 满意度 / ≥90%
    names = {i.name for i in parse_file(_doc("td05")).tables[0].indicators}
    assert {"特种设备定期检验率", "市场主体和群众满意度"} <= names
    assert "师生及家长满意度" in {i.name for i in parse_file(_doc("td03")).tables[0].indicators}


def test_round95_a_scan_whose_lost_rows_points_the_weights_lack_is_said_misread() -> None:
    # sx02, sx05 (round 94): read by position, a row of 15 points run into the rows around;
    # the total 15 above the scores read, the weights 85: no T101 or W101 on a misreading
    for stem in ("sx02", "sx05"):
        codes = {c for c, _ in _codes(stem)}
        assert "P108" in codes and not codes & {"T101", "W101", "T104"}, stem


def test_round95_a_hebei_header_label_in_a_name_is_a_misreading() -> None:
    # tb01: the page's header printed again, its 单项指标实际 / 权重占比 read into a name
    (t,) = parse_file(_doc("tb01")).tables
    assert any("表头的栏目名称" in d.reason for d in t.doubts)


def test_round95_an_unnamed_cause_and_a_pledge_for_a_measure() -> None:
    # ti02: 受客观原因影响 (no cause named, E106); 系统迁移… with 下一步将加强管理 (E107)
    codes = _codes("ti02")
    assert ("E106", "高血压患者规范管理率") in codes
    assert ("E107", "居民电子健康档案建档率") in codes


def test_round95_the_total_a_conclusion_states_of_this_project() -> None:
    # ti03: 评价结论 经自评,本项目得分98分 while 总分 is 100
    assert ("T105", None) in _codes("ti03")


def test_round95_a_names_first_line_read_into_the_target_above_is_a_misreading() -> None:
    # tg02 (≥62%2型糖尿病 beside 64.1%), and rl05 and sx03 of earlier rounds: read by position, a
    # tall name's first line drifted under the row above's target, read into it after its unit
    for stem in ("rl05", "sx03"):  # (tg05 reads whole since round 105)
        (t,) = parse_file(_doc(stem)).tables
        assert any("在单位之后还有文字" in d.reason for d in t.doubts), stem
    # tg02, its 63.O% read as a rate since round 189, reads the name's lines through the values
    # (≥62%率 beside 2型糖尿病63.O%): doubted for that
    (t,) = parse_file(_doc("tg02")).tables
    assert any("完成值前夹着文字" in d.reason for d in t.doubts)
    # a unit's note in brackets is no such text (tg06: =100%(百分比) beside 100%)
    (t,) = parse_file(_doc("tg06")).tables
    assert not any("在单位之后还有文字" in d.reason for d in t.doubts)
