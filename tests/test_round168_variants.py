"""What round 168 of the written tables (ccg, cch, cci, ccj) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from tests.test_round73_variants import _codes, _doc, _unread


def test_the_whole_periods_goal_is_read_and_the_years_kept_as_the_goal() -> None:
    # ccg01: 总体目标(2021—2022年) | … above 年度总体目标 | 预期目标 | 实际完成情况
    (table,) = parse_file(_doc("ccg01")).tables
    assert table.fields["总体目标(2021—2022年)"].startswith("两年建成高标准农田5.5万亩")
    assert table.goal_expected.startswith("2022年建成高标准农田3.2万亩")
    assert not [q for q in _unread("ccg01") if "总体目标" in q or "5.5万亩" in q]


def test_a_transfer_form_titled_as_a_goal_self_evaluation_is_a_transfer_form() -> None:
    # ccg05: …林业改革发展资金绩效目标自评表 with 中央主管部门 | 省级财政部门 | 地方主管部门
    (table,) = parse_file(_doc("ccg05")).tables
    assert table.family == "transfer-payment"
    unread = _unread("ccg05")
    assert not [q for q in unread if "主管部门" in q or "单位" in q or "总体目标" in q], unread


def test_a_cumulative_column_before_the_points_takes_no_total() -> None:
    # ccg04: 累计完成值 | 分值 | 得分 over 总分 | 100 | 98.65 (a false W104 error)
    (table,) = parse_file(_doc("ccg04")).tables
    assert (table.total_weight, table.total_score) == (100.0, 98.65)
    assert not {"W104", "N103"} & _codes("ccg04")  # nor 三、四级手术 a list of two


def test_a_count_in_chinese_numerals_is_checked() -> None:
    # cch03: ≥一百二十人 against 一百零八人 at full score (labelled)
    assert "S102" in _codes("cch03", "参训教师人数")


def test_a_row_the_page_broke_is_one_row() -> None:
    # cci01: …社会效益指标  带动农民务工 / 第 2 页 / running head / header / ≥600人次 …
    (table,) = parse_file(_doc("cci01")).tables
    row = next(i for i in table.indicators if i.name == "带动农民务工")
    assert (row.target, row.actual) == ("≥600人次", "612人次")
    above = next(i for i in table.indicators if i.name == "项目区亩均节本增效")
    assert above.target == "≥80元"
    assert not [q for q in _unread("cci01") if "历城区农业农村局" in q]  # page 1's head too


def test_a_share_written_as_a_fraction_is_no_far_exceeded_target() -> None:
    # cci06: 改造方案居民征询同意率 ≥2/3 against 78% (was "39 times the target")
    assert "S107" not in _codes("cci06", "改造方案居民征询同意率")


def test_a_blank_sign_off_is_nothing_unread() -> None:
    # ccj01: 填报人:  联系电话:  填报日期:2024年3月 under 总分
    assert _unread("ccj01") == []


def test_a_rule_from_a_year_on_is_a_measure() -> None:
    # ccj06: …自评较好,扣2分;2020年起全年聘用,按月发放劳务报酬。
    assert "E102" not in _codes("ccj06", "带动贫困护林员增收")


def test_a_whole_periods_goal_printed_alone_is_the_forms_goal(tmp_path: Path) -> None:
    # the goal the form prints, when no 年度目标 block follows it
    text = (
        "项目支出绩效自评表\n项目名称\t某道路项目\n主管部门\t某局\t实施单位\t某局\n"
        "总体目标\t完成道路硬化12公里，改善群众出行条件。\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
        "产出指标\t数量指标\t道路硬化里程\t≥12公里\t12公里\t90\t90\t\n总分\t100\t100\n"
    )
    path = tmp_path / "goal.txt"
    path.write_text(text, encoding="utf-8")
    (table,) = parse_file(path).tables
    assert table.goal_expected == "完成道路硬化12公里，改善群众出行条件。"
