"""What a typist or an exporter writes that is no cell of its own: ditto marks for the
category labels above, a list's number before a space, a cell of several lines that ends its
last with the bar, and a block label that reads like a goal column's."""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file

HEAD = [
    "2024年度项目支出绩效自评表",
    "项目名称 基本公共卫生服务项目",
    "主管部门 某县卫生健康局 实施单位 某县疾病预防控制中心",
    "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
    "年度资金总额 438.00 438.00 432.14 10 98.66% 9.87",
    "其中:当年财政拨款 438.00 438.00 432.14 — — —",
]
ROWS = [
    "绩效指标 一级指标 二级指标 三级指标 分值 年度指标值 实际完成值 得分 偏差原因分析及改进措施",
    "产出指标 数量指标 居民电子健康档案建档人数 20 ≥45000人 45320人 20 无",
    "〃 〃 老年人健康管理人数 20 ≥2600人 2680人 20 无",
    "〃 质量指标 高血压患者规范管理率 20 ≥65% 68.2% 20 无",
    "效益指标 社会效益指标 居民健康素养水平 20 ≥28% 29.1% 20 无",
    "满意度指标 服务对象满意度指标 群众满意度 10 ≥85% 88.6% 10 无",
    "总分 100 99.87",
]


def _read(tmp_path: Path, lines: list[str]):
    path = tmp_path / "t.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return parse_file(path)


def test_ditto_marks_stand_for_the_category_labels_above(tmp_path: Path) -> None:
    (t,) = _read(tmp_path, [*HEAD, *ROWS]).tables
    assert t.doubts == []
    assert [(i.l1, i.l2, i.name) for i in t.indicators[:3]] == [
        ("产出指标", "数量指标", "居民电子健康档案建档人数"),
        ("产出指标", "数量指标", "老年人健康管理人数"),
        ("产出指标", "质量指标", "高血压患者规范管理率"),
    ]


def test_a_lists_number_before_a_space_opens_its_item(tmp_path: Path) -> None:
    goals = [
        "年度总体目标 预期目标 实际完成情况",
        "1. 为辖区居民建立电子健康档案4.5万人;",
        "2. 为老年人提供健康管理服务2600人;",
        "3. 居民健康素养水平不低于28%。 全年建档4.53万人,老年人健康管理2680人,健康素养水平29.1%。",
    ]
    (t,) = _read(tmp_path, [*HEAD, *goals, *ROWS]).tables
    expected = "".join(t.goal_expected.split())
    assert expected.startswith("1.为辖区居民建立电子健康档案4.5万人;2.为老年人")
    assert "全年建档" not in expected
    assert "".join(t.goal_actual.split()).startswith("全年建档4.53万人")


def test_a_cell_over_lines_ends_its_last_with_the_bar(tmp_path: Path) -> None:
    # one cell a line, each ending " |"; the goal's list over four lines, the bar on the last
    cells = [
        "项目名称 |", "农村公路养护工程 |", "主管部门 |", "某县交通运输局 |",
        "年度目标完成情况 |", "预期目标 |", "实际完成目标 |",
        "1. 完成农村公路日常养护1850公里;", "2. 实施安全防护工程32公里;",
        "3. 优良中等路率达到80%以上。 |",
        "全年完成日常养护1852公里;实施安全防护工程32公里;优良中等路率82.3%。 |",
        "一级指标 |", "二级指标 |", "三级指标 |", "年度指标值 |", "实际完成值 |", "分值 |",
        "得分 |",
        "产出指标 |", "数量指标 |", "日常养护里程 |", "≥1850公里 |", "1852公里 |", "50 |", "50 |",
        "效益指标 |", "社会效益指标 |", "优良中等路率 |", "≥80% |", "82.3% |", "40 |", "40 |",
        "总分 |", "90 |", "90 |",
    ]  # fmt: skip
    (t,) = _read(tmp_path, ["项目支出绩效自评表", *cells]).tables
    expected = "".join(t.goal_expected.split())
    assert (
        expected
        == "1.完成农村公路日常养护1850公里;2.实施安全防护工程32公里;3.优良中等路率达到80%以上。"
    )
    assert "".join(t.goal_actual.split()).startswith("全年完成日常养护1852公里")
    assert [i.name for i in t.indicators] == ["日常养护里程", "优良中等路率"]


def test_a_line_ending_its_sentence_without_a_bar_is_a_cell_of_its_own(tmp_path: Path) -> None:
    # the expected goal printed without its bar, a section's heading before the title
    cells = [
        "报告正文的最后一段。 |", "三、项目自评情况", "附件2",
        "项目支出绩效自评表 |", "项目名称 |", "农村饮水工程维修养护 |",
        "年度总体目标 |", "预期目标 |", "实际完成情况 |",
        "完成42处集中供水工程维修养护。",
        "完成45处集中供水工程维修养护。 |",
        "一级指标 |", "二级指标 |", "三级指标 |", "年度指标值 |", "实际完成值 |", "分值 |",
        "得分 |",
        "产出指标 |", "数量指标 |", "维修养护工程数 |", "≥42处 |", "45处 |", "90 |", "90 |",
        "总分 |", "90 |", "90 |",
    ]  # fmt: skip
    (t,) = _read(tmp_path, cells).tables
    assert t.goal_expected == "完成42处集中供水工程维修养护。"
    assert t.goal_actual == "完成45处集中供水工程维修养护。"
    assert t.project == "农村饮水工程维修养护"


def test_a_results_label_in_other_words_after_the_expected_goals(tmp_path: Path) -> None:
    # nj03: 年度总体目标完成情况 | 预期目标 | 目标完成情况, the indicators' section label
    # 绩效指标完成情况 after the two texts
    cells = [
        "项目名称 |", "学生资助补助经费 |",
        "年度总体目标完成情况 |", "预期目标 |", "目标完成情况 |",
        "资助家庭经济困难学生12500人次。 |", "全年资助家庭经济困难学生12680人次。 |",
        "绩效指标完成情况 |",
        "一级指标 |", "二级指标 |", "三级指标 |", "年度指标值 |", "实际完成值 |", "分值 |",
        "得分 |",
        "产出指标 |", "数量指标 |", "资助学生人数 |", "≥12500人次 |", "12680人次 |", "90 |",
        "90 |",
        "总分 |", "90 |", "90 |",
    ]  # fmt: skip
    (t,) = _read(tmp_path, ["项目支出绩效自评表", *cells]).tables
    assert t.goal_expected == "资助家庭经济困难学生12500人次。"
    assert t.goal_actual == "全年资助家庭经济困难学生12680人次。"
