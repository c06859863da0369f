"""What round 161 of the written tables (cbe, cbf, cbg, cbh) and the cases left from round 160
showed, asserted on the written documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.checks.explanations import _has_measure
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def _rows(stem: str) -> dict[str, tuple[str, str, float | None, float | None]]:
    (table,) = parse_file(_doc(stem)).tables
    return {i.name: (i.target, i.actual, i.weight, i.score) for i in table.indicators}


def test_a_category_heading_with_its_points_alone_on_its_row_is_a_first_level_label() -> None:
    # cbd01 (a Word table without an 一级 column): 满意度指标（10分） merged across its row had
    # been read as a 二级 label and lost, its row counted under 效益指标 (false W102, W105)
    (table,) = parse_file(_doc("cbd01")).tables
    row = next(i for i in table.indicators if i.name == "受益农户满意度")
    assert (row.l1, row.l2) == ("满意度指标", "服务对象满意度指标")
    assert not _codes("cbd01") & {"W102", "W105"}


def test_a_date_the_work_was_put_off_to_is_no_measure() -> None:
    assert not _has_measure("受汛期持续降雨影响，3个片区施工进度滞后，延期至2022年3月完工。")
    assert not _has_measure("部分管线因沿线征地协调滞后，顺延至2024年实施。")
    # a dated step still is, next year's too, and a rule from a year on
    assert _has_measure("推迟至2022年春季实施；已完成整地，次年4月前补植完成")
    assert _has_measure("延期至2019年12月20日完工;自2020年起汛期施工项目提前至3月开工")
    assert _has_measure("顺延至2023年汛前完工;已倒排工期,县水利局每周调度进度。")
    assert "E102" in _codes("cbd01", "项目完工时间")
    assert "E102" not in _codes("bl05", "退化林修复面积")


def test_funds_in_yuan_under_a_label_of_wan_yuan_are_said_to_be_mislabelled() -> None:
    # caw01: 项目资金（万元） over 2,486,000.00 while the narrative gives 248.60万元: one finding
    # on the unit, not two on amounts that "do not match"
    found = [f for f in review(_doc("caw01")).findings if f.code == "N106"]
    assert len(found) == 1
    assert "单位标注有误" in found[0].message and "248.60万元" in found[0].message


def test_a_qualitative_row_whose_sign_and_unit_cells_are_empty_keeps_its_points() -> None:
    # cbe02, cbe05 (a viewer's copy of a Hebei-like form, 符号 | 指标值 | 计量单位): the
    # weight had been read into the target (10逐步提升) and the row left without points
    assert _rows("cbe02")["家庭医生团队服务能力"] == ("逐步提升", "有效提升", 10.0, 10.0)
    assert _rows("cbe05")["困难群众基本生活保障"] == ("有效保障", "有效保障", 15.0, 15.0)
    # a 定性 sign with the unit's cell empty (lt06): the sign stays the sign's
    assert _rows("lt06")["养护管理长效机制"][:2] == ("健全", "已建立健全")


def test_a_wrapped_targets_last_line_over_a_signed_figure_is_the_row_aboves() -> None:
    # cbe04 (pdftotext -layout): 行机制 under 建立县级统管、乡镇监管、村级管护的运 had gone to
    # the next row's target (行机制≥90%)
    rows = _rows("cbe04")
    assert rows["工程长效运行管护"][0] == "建立县级统管、乡镇监管、村级管护的运行机制"
    assert rows["受益群众满意度"][0] == "≥90%"


def test_an_explanation_going_on_atop_a_page_in_its_own_column_is_the_row_aboves() -> None:
    # cbg01: 改进措施：… alone in the explanation column after a page break had ended the
    # indicator rows (a field's label): three rows lost, the table said misread
    (table,) = parse_file(_doc("cbg01")).tables
    assert len(table.indicators) == 12
    row = next(i for i in table.indicators if i.name == "项目区受益农户数")
    assert row.explanation.endswith("同时在2022年项目立项前完成流转协议签订。")


def test_a_cell_of_clauses_in_a_stream_is_an_explanation_not_a_name() -> None:
    # cbh04 (one cell a line): 受汛期持续降雨影响，部分管网施工进度滞后 had opened the next
    # row's name
    rows = _rows("cbh04")
    assert "巩固提升受益人口" in rows
    assert "E102" in _codes("cbh04", "更换老旧供水管网长度")


def test_breakdowns_header_side_by_side_is_a_row_of_its_own() -> None:
    # cbh05 (pdftotext -layout): 按收入性质分 | 全年执行数 | 按支出性质分 | 全年执行数 had been
    # joined to the first breakdown line (a false F101 error on a clean table)
    assert "F101" not in _codes("cbh05")
    # qh03: the same layout, its 基本支出 + 项目支出 short of the total: found now
    assert "F101" in _codes("qh03")


def test_an_explanation_pointing_inside_the_table_is_not_judged_for_a_measure() -> None:
    # cbg02 (见总体目标实际完成情况说明), cbg04 (见表下注)
    assert "E102" not in _codes("cbg02") | _codes("cbg04")
    # pointing out of the table (详见自评报告): no cause there
    assert "E102" in _codes("bc02", "培训乡村教师人次")


def test_a_shortfall_explained_in_the_narrative_on_a_one_field_form() -> None:
    # cbg03 (20/80, 偏差原因分析 无): 受益人口3.05万人…原因是… in 实际完成情况 explains the row
    assert "E101" not in _codes("cbg03", "巩固提升受益人口")
    assert "E101" in _codes("cbg03", "工程完工时间")
    # a cause only hinted (受施工季节影响) beside 无 still asks for one (ek02)
    assert "E101" in _codes("ek02", "项目完成时间")


def test_a_row_marked_done_while_its_actual_misses_the_target() -> None:
    # dx02: 是否完成 是 beside 61.8% against ≥65% (labelled); its 否 row is not asked about
    assert "S112" in _codes("dx02", "高血压患者规范管理率")
    assert "S112" not in _codes("dx02", "65岁及以上老年人健康管理人数")
    # a Hebei 单项指标完成情况 完成 beside a missed target (cz01)
    assert "S112" in _codes("cz01", "维修工程完工时间")
    # a state in words (明显改善 against a description): no verdict to contradict
    assert "S112" not in _codes("gu05")


def test_a_printed_completion_rate_against_the_actual_over_the_target() -> None:
    # r01: 34座 of ≥40座 printed 95.00% (85.00%)
    found = {f.indicator: f for f in review(_doc("r01")).findings if f.code == "S113"}
    assert "85.00%" in found["维修机耕桥涵"].message
    assert found["维修机耕桥涵"].severity.value == "error"
    # dx02: 102.98% for 102.89%, both past 100 %: the score is the same, a note
    found = {f.indicator: f for f in review(_doc("dx02")).findings if f.code == "S113"}
    assert found["孕产妇系统管理率"].severity.value == "info"
    assert len(found) == 1


def test_a_total_labelled_self_evaluation_score_uses_its_label() -> None:
    # cbg03, cbg05: 自评得分 | 96.32 under the fields: its label had been reported unparsed
    assert "P101" not in _codes("cbg03")


def test_a_names_last_words_read_as_a_row_of_their_own_are_doubted() -> None:
    # xa03 (OCR, one cell a line): 家庭经济困难 / ≥1.2万人 / 1.08万人 / 寄宿生生活补助 / 人数
    # read as two rows, the second with 人数 for its actual: said misread, not reviewed (a guard:
    # doubted before this round too, by a clause read as a name that the round mended)
    codes = _codes("xa03")
    assert "P108" in codes and "E101" not in codes
