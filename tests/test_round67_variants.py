"""Ways of printing the forms met in round 67 of the written tables (oq–ou): a Hebei form saved
by Word as plain text (a header label of two paragraphs, group labels written once), a
fixed-width report's rules drawn in characters, a chat's messages between pasted rows. Each
test builds the smallest text that shows one, and asserts how it is read.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from tests.test_form_variants import _written

HEBEI_HEAD = [
    "预算项目绩效自评表",
    "一、基本情况",
    "项目名称\t农村公益电影放映",
    "实施(主管)单位\t隆化县文化广电和旅游局",
    "二、预算执行情况（万元）",
    "预算安排情况（调整后）\t资金到位情况\t资金执行情况\t预算执行进度（%）",
    "86.40\t86.40\t86.40\t100.00",
    "四、年度绩效指标完成情况",
]


def test_a_word_copy_of_a_hebei_header_with_its_groups_written_once(tmp_path: Path) -> None:
    # oq06: 单项指标 / 实际完成值, a label of two paragraphs, breaking the header over lines,
    # and 预期指标值 and 自评得分 written once over their parts, the labels after them a
    # column short of their columns: no row had been read
    lines = [
        *HEBEI_HEAD,
        "一级指标\t二级指标\t三级指标\t指标分值\t预期指标值\t单项指标",
        "实际完成值\t单项指标",
        "完成情况\t自评得分",
        "\t\t\t\t符号\t值\t单位(文字描述)\t\t\t单项指标得分\t权重占比(%)\t单项指标折算得分",
        "产出指标\t数量指标\t公益电影放映场次\t100\t≥\t4320\t场\t4356场\t完成\t100.00\t45.00\t45.00",
        "\t时效指标\t按月放映完成率\t100\t≥\t95\t%\t93%\t未完成\t97.89\t45.00\t44.05",
        "满意度指标\t服务对象满意度指标\t群众满意度\t100\t≥\t90\t%\t95%\t完成\t100.00\t10.00\t10.00",
        "合计\t\t\t\t\t\t\t\t100.00\t99.05",
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert [(r.name, r.target, r.actual, r.weight, r.score) for r in t.indicators] == [
        ("公益电影放映场次", "≥4320场", "4356场", 45.0, 45.0),
        ("按月放映完成率", "≥95%", "93%", 45.0, 44.05),
        ("群众满意度", "≥90%", "95%", 10.0, 10.0),
    ]
    assert t.labels["actual"] == "单项指标实际完成值"


REPORT = [
    "                       中央对地方转移支付绩效自评表",
    "转移支付（项目）名称        森林生态效益补偿",
    "中央主管部门                国家林业和草原局",
    "",
    "一级指标      二级指标            三级指标                  年度指标值    实际完成值    分值  得分",
    "----------------------------------------------------------------------------------------------",
    "产出指标      数量指标            国家级公益林管护面积      ≥52.6万亩     52.6万亩      45    45",
    "产出指标      质量指标            管护区森林火灾受害率      ≤0.9‰         0.2‰          45    45",
    "满意度指标    服务对象满意度指标  林农满意度                ≥90%          96%           10    10",
    "==============================================================================================",
]


def test_a_reports_rules_drawn_in_characters_are_borders(tmp_path: Path) -> None:
    # or04: the ----- under the header and the ===== under the rows had been read into the
    # first row's name and the last row's explanation
    (t,) = parse_file(_written(tmp_path, REPORT)).tables
    assert [r.name for r in t.indicators] == [
        "国家级公益林管护面积",
        "管护区森林火灾受害率",
        "林农满意度",
    ]
    assert [r.explanation for r in t.indicators] == ["", "", ""]


def test_a_chats_messages_between_pasted_rows_are_no_rows_pieces(tmp_path: Path) -> None:
    # ot06: 张三 10:33 and a question between the rows of a table pasted into a chat had been
    # read into the names above them; they are reported as content not read
    lines = [
        "张三 10:32",
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 |",
        "产出指标 | 数量指标 | 校舍维修改造面积 | ≥3200平方米 | 3260平方米 | 45 | 45 |  |",
        "产出指标 | 质量指标 | 工程验收合格率 | =100% | 100% | 45 | 45 |  |",
        "李四 10:34",
        "还有满意度那一行吗",
        "张三 10:35",
        "满意度指标 | 服务对象满意度指标 | 学生及家长满意度 | ≥90% | 95% | 10 | 10 |  |",
    ]
    report = parse_file(_written(tmp_path, lines))
    (t,) = report.tables
    assert [r.name for r in t.indicators] == [
        "校舍维修改造面积",
        "工程验收合格率",
        "学生及家长满意度",
    ]
    assert {"李四10:34", "还有满意度那一行吗"} <= {lo.text for lo in report.leftovers}
