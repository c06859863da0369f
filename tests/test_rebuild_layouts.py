"""Rows rebuilt from the layouts that lose them, each from a small table in a family's labels.

Each test writes a table as it is published in one layout and checks the rows the reader
gives: every cell in the column a tab rendering of the form puts it in (funds values under
their column labels, indicator cells under theirs), and nothing dropped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.errors import InputError
from reviewer.ingest.layouts import Layout
from reviewer.ingest.text import text_rows
from reviewer.pipeline import review

Rows = list[list[tuple[str, int]]]


def rebuilt(text: str) -> tuple[Layout, Rows]:
    layout, rows = text_rows(text.splitlines(keepends=True))
    return layout, [[(c.text, c.column) for c in r.cells] for r in rows]


# national-2020 variant (Anhui): one cell per line ending " |", 分值 before 年度指标值, a bare
# "|" for each empty cell.
BARS = (
    "绩效目标自评表 (2021年度) |\n"
    "||||||||\n"
    "项目名称 |\n"
    "乡村道路养护 |\n"
    "|\n"
    "主管部门 |\n"
    "某县交通运输局 |\n"
    "资金情况(万元) |\n"
    "|\n"
    "全年预算数(A) |\n"
    "全年执行数(B) |\n"
    "分值 |\n"
    "执行率(B/A) |\n"
    "得分 |\n"
    "||\n"
    "|\n"
    "年度资金总额: |\n"
    "50 |\n"
    "45 |\n"
    "10 |\n"
    "90% |\n"
    "9 |\n"
    "||\n"
    "其他资金 |\n"
    "|\n"
    "|\n"
    "|\n"
    "|\n"
    "|\n"
    "年度总体目标 |\n"
    "年初设定目标 |\n"
    "年度总体目标完成情况综述 |\n"
    "|\n"
    "养护道路20公里 |\n"
    "完成养护道路20公里 |\n"
    "一级指标 |\n"
    "二级指标 |\n"
    "三级指标 |\n"
    "分值 |\n"
    "年度指标值 |\n"
    "全年实际值 |\n"
    "得分 |\n"
    "未完成原因及拟采取的改进措施 |\n"
    "产出指标(60分) |\n"
    "数量指标 |\n"
    "养护里程 |\n"
    "40 |\n"
    ">=20公里 |\n"
    "20公里 |\n"
    "40 |\n"
    "|\n"
    "|\n"
    "|\n"
    "时效指标 |\n"
    "完工及时率 |\n"
    "20 |\n"
    "100% |\n"
    "90% |\n"
    "18 |\n"
    "受雨季影响工期延后 |\n"
    "效益指标(30分) |\n"
    "社会效益指标 |\n"
    "群众出行条件改善 |\n"
    "30 |\n"
    "明显改善 |\n"
    "明显改善 |\n"
    "30 |\n"
    "|\n"
)


def test_one_cell_per_line_with_bars() -> None:
    layout, rows = rebuilt(BARS)
    assert layout is Layout.BARS
    assert rows == [
        [("绩效目标自评表(2021年度)", 1)],
        [("项目名称", 1), ("乡村道路养护", 2)],
        [("主管部门", 1), ("某县交通运输局", 2)],
        [
            ("资金情况(万元)", 1),
            ("全年预算数(A)", 3),
            ("全年执行数(B)", 4),
            ("分值", 5),
            ("执行率(B/A)", 6),
            ("得分", 7),
        ],
        [("年度资金总额:", 2), ("50", 3), ("45", 4), ("10", 5), ("90%", 6), ("9", 7)],
        [("其他资金", 2)],
        [("年度总体目标", 1), ("年初设定目标", 2), ("年度总体目标完成情况综述", 3)],
        [("养护道路20公里", 2), ("完成养护道路20公里", 3)],
        [
            ("一级指标", 1),
            ("二级指标", 2),
            ("三级指标", 3),
            ("分值", 4),
            ("年度指标值", 5),
            ("全年实际值", 6),
            ("得分", 7),
            ("未完成原因及拟采取的改进措施", 8),
        ],
        [
            ("产出指标(60分)", 1),
            ("数量指标", 2),
            ("养护里程", 3),
            ("40", 4),
            (">=20公里", 5),
            ("20公里", 6),
            ("40", 7),
        ],
        [
            ("时效指标", 2),
            ("完工及时率", 3),
            ("20", 4),
            ("100%", 5),
            ("90%", 6),
            ("18", 7),
            ("受雨季影响工期延后", 8),
        ],
        [
            ("效益指标(30分)", 1),
            ("社会效益指标", 2),
            ("群众出行条件改善", 3),
            ("30", 4),
            ("明显改善", 5),
            ("明显改善", 6),
            ("30", 7),
        ],
    ]


# 20-80 (Yunnan Baoshan): one cell per paragraph, the weight notes in paragraphs of their own.
PARAGRAPHS = (
    "2023年度项目支出绩效自评表\n"
    "\n"
    "项目名称\n"
    "\n"
    "高原特色农业示范项目\n"
    "\n"
    "主管部门\n"
    "\n"
    "某县农业农村局\n"
    "\n"
    "项目实施单位\n"
    "\n"
    "某县农业技术推广中心\n"
    "\n"
    "预算执行情况(万元)\n"
    "\n"
    "(20分)\n"
    "\n"
    "预算数(A)\n"
    "\n"
    "执行数(B)\n"
    "\n"
    "执行率(B/A)\n"
    "\n"
    "得分\n"
    "\n"
    "(20分*执行率)\n"
    "\n"
    "年度财政资金总额\n"
    "\n"
    "100\n"
    "\n"
    "95\n"
    "\n"
    "95%\n"
    "\n"
    "19\n"
    "\n"
    "年度绩效目标\n"
    "\n"
    "(80分)\n"
    "\n"
    "一级指标\n"
    "\n"
    "二级指标\n"
    "\n"
    "三级指标\n"
    "\n"
    "年初目标值(A)\n"
    "\n"
    "实际完成值(B)\n"
    "\n"
    "得分\n"
    "\n"
    "产出指标(50分)\n"
    "\n"
    "数量指标\n"
    "\n"
    "示范基地面积(≥**亩)\n"
    "\n"
    "500\n"
    "\n"
    "500\n"
    "\n"
    "30\n"
    "\n"
    "质量指标\n"
    "\n"
    "种苗成活率\n"
    "\n"
    "≥90%\n"
    "\n"
    "92%\n"
    "\n"
    "20\n"
    "\n"
    "效益指标(30分)\n"
    "\n"
    "经济效益指标\n"
    "\n"
    "带动农户增收\n"
    "\n"
    "≥2000元\n"
    "\n"
    "2100元\n"
    "\n"
    "30\n"
)


def test_one_cell_per_paragraph() -> None:
    layout, rows = rebuilt(PARAGRAPHS)
    assert layout is Layout.PARAGRAPHS
    assert rows == [
        [("2023年度项目支出绩效自评表", 1)],
        [("项目名称", 1), ("高原特色农业示范项目", 2)],
        [("主管部门", 1), ("某县农业农村局", 2), ("项目实施单位", 3), ("某县农业技术推广中心", 4)],
        [
            ("预算执行情况(万元)(20分)", 1),
            ("预算数(A)", 3),
            ("执行数(B)", 4),
            ("执行率(B/A)", 5),
            ("得分(20分*执行率)", 6),
        ],
        [("年度财政资金总额", 2), ("100", 3), ("95", 4), ("95%", 5), ("19", 6)],
        [
            ("年度绩效目标(80分)", 1),
            ("一级指标", 2),
            ("二级指标", 3),
            ("三级指标", 4),
            ("年初目标值(A)", 5),
            ("实际完成值(B)", 6),
            ("得分", 7),
        ],
        [
            ("产出指标(50分)", 2),
            ("数量指标", 3),
            ("示范基地面积(≥**亩)", 4),
            ("500", 5),
            ("500", 6),
            ("30", 7),
        ],
        [("质量指标", 3), ("种苗成活率", 4), ("≥90%", 5), ("92%", 6), ("20", 7)],
        [
            ("效益指标(30分)", 2),
            ("经济效益指标", 3),
            ("带动农户增收", 4),
            ("≥2000元", 5),
            ("2100元", 6),
            ("30", 7),
        ],
    ]


# national-2020: one cell per paragraph, the indicator rows never filled in (no target, actual,
# 分值 or 得分): once the layout drops the empty cells, a category label follows a name.
UNFILLED = (
    "\n\n".join(
        [
            "项目支出绩效自评表",
            "项目名称",
            "对口支援经费",
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
            "产出指标",
            "数量指标",
            "经费使用率",
            "质量指标",
            "经费完成情况",
            "时效指标",
            "经费完成进度",
            "效益指标",
            "社会效益指标",
            "经费使用完成情况",
        ]
    )
    + "\n"
)


def test_rows_never_filled_in_keep_their_categories_out_of_the_values() -> None:
    layout, rows = rebuilt(UNFILLED)
    assert layout is Layout.PARAGRAPHS
    assert rows[-4:] == [
        [("产出指标", 2), ("数量指标", 3), ("经费使用率", 4)],
        [("质量指标", 3), ("经费完成情况", 4)],
        [("时效指标", 3), ("经费完成进度", 4)],
        [("效益指标", 2), ("社会效益指标", 3), ("经费使用完成情况", 4)],
    ]


# hebei-4section: single spaces between cells, a row per line, a two-row indicator header.
WORDS = (
    "某县民政局2021年度预算项目绩效自评表\n"
    "一、基本情况 项目名称: 困难群众救助 是否为专项资金: 是 实施(主管)单位 某县民政局 金额单位: 万元\n"
    "二、预算执行情况 预算安排情况(调整后) 资金到位情况 资金执行情况 预算执行进度(%)\n"
    "预算数 120.00 到位数 120.00 执行数 110.40 92.00\n"
    "三、目标完成情况 年度预期目标 具体完成情况 总体完成率(%)\n"
    "保障困难群众基本生活 保障困难群众基本生活 100.00\n"
    "四、年度绩效指标完成情况 一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 单项指标完成情况 自评得分\n"
    "符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分\n"
    "产出指标 数量指标 救助人数 年度救助困难群众人数 >= 500 人 520人 完成 100.00 40.00 40.00\n"
    "时效指标 发放及时率 按月及时发放的比例 >= 95 %(百分比) 100% 完成 100.00 30.00 30.00\n"
    "效果指标 社会效益指标 生活保障水平 困难群众基本生活保障程度 >= 90 %(百分比) 95% 完成 100.00 30.00 30.00\n"
)


def test_single_spaces_a_row_per_line() -> None:
    layout, rows = rebuilt(WORDS)
    assert layout is Layout.WORDS
    assert rows[1] == [
        ("一、基本情况", 1),
        ("项目名称:", 2),
        ("困难群众救助", 3),
        ("是否为专项资金:", 4),
        ("是", 5),
        ("实施(主管)单位", 6),
        ("某县民政局", 7),
        ("金额单位:万元", 8),  # a unit is not a cell of its own
    ]
    assert rows[5] == [("保障困难群众基本生活", 2), ("保障困难群众基本生活", 3), ("100.00", 4)]
    header, sub, first, second = rows[6:10]
    assert [c for _, c in header] == [1, 2, 3, 4, 5, 6, 9, 10, 11]
    # 预期指标值 spans 符号 / its value / 单位; 自评得分 its three score columns
    assert sub == [
        ("符号", 6),
        ("单位(文字描述)", 8),
        ("单项指标得分", 11),
        ("权重占比(%)", 12),
        ("单项指标折算得分", 13),
    ]
    assert first == [
        ("产出指标", 2),
        ("数量指标", 3),
        ("救助人数", 4),
        ("年度救助困难群众人数", 5),
        (">=", 6),
        ("500", 7),
        ("人", 8),
        ("520人", 9),
        ("完成", 10),
        ("100.00", 11),
        ("40.00", 12),
        ("40.00", 13),
    ]
    assert second[0] == ("时效指标", 3)  # the merged 一级 cell is not printed again
    assert [c for _, c in second] == list(range(3, 14))
    assert rows[10][0] == ("效果指标", 2)


# The same Hebei form one cell per paragraph: its two header rows run together, and the
# satisfaction row's name repeats its 二级 label without 指标.
HEBEI_PARAGRAPHS = "\n\n".join(
    cell
    for line in (
        "某县民政局2021年度预算项目绩效自评表",
        "一、基本情况 项目名称: 困难群众救助",
        "四、年度绩效指标完成情况 一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 单项指标完成情况 自评得分",
        "符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分",
        "产出指标 数量指标 救助人数 年度救助困难群众人数 >= 500 人 520人 完成 100.00 60.00 60.00",
        "满意度指标 服务对象满意度指标 服务对象满意度 受助群众的满意程度 >= 90 % 95% 完成 100.00 40.00 40.00",
    )
    for cell in line.split(" ")
)


def test_a_two_row_header_run_together_and_a_name_like_its_category() -> None:
    layout, rows = rebuilt(HEBEI_PARAGRAPHS + "\n")
    assert layout is Layout.PARAGRAPHS
    header, sub, first, second = rows[-4:]
    assert [c for _, c in header] == [1, 2, 3, 4, 5, 6, 9, 10, 11]
    assert [c for _, c in sub] == [6, 8, 11, 12, 13]
    assert [c for _, c in first] == list(range(2, 14))
    assert second[:3] == [("满意度指标", 2), ("服务对象满意度指标", 3), ("服务对象满意度", 4)]
    assert [c for _, c in second] == list(range(2, 14))


# national-2020 variant (Yunnan): single spaces, a row per line, the header's upper row naming
# the value columns and its lower row the categories and the split target's parts.
WORDS_UPPER_FIRST = (
    "项目支出绩效自评表\n"
    "项目名称 营养改善计划专项资金\n"
    "绩效指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
    "一级指标 二级指标 三级指标 指标性质 指标值 度量单位\n"
    "产出指标 数量指标 学生受资助人数 ≧ 735 人次 735 10 10\n"
    "质量指标 营养改善计划覆盖率 ≧ 100 % 100% 10 10\n"
)


def test_an_upper_header_row_without_the_category_columns() -> None:
    layout, rows = rebuilt(WORDS_UPPER_FIRST)
    assert layout is Layout.WORDS
    *_, first, second = rows
    assert first == [
        ("产出指标", 2),
        ("数量指标", 3),
        ("学生受资助人数", 4),
        ("≧", 5),
        ("735", 6),
        ("人次", 7),
        ("735", 8),
        ("10", 9),
        ("10", 10),
    ]
    assert [c for _, c in second] == [3, 4, 5, 6, 7, 8, 9, 10]


# national-2020 (Anhui, from .docx): the whole table on one line after the file's metadata.
FLAT = "张三 admin 2022-01-01T00:00:00Z False 附件: 项目支出绩效自评表 (2022年度) 项目名称 农村公路建设 主管部门 101-某镇人民政府 实施单位 101001-某镇人民政府 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 100 100 95 10 95% 9.5 其中:本年财政拨款 100 100 95 上年结转资金 其他资金 年度总体目标 预期目标 实际完成情况 本项目计划新建道路 5公里，改善出行条件。 本项目已建成道路 5公里，出行条件明显改善。 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 产出指标(50分) 数量指标 新建道路里程 ≥5公里 5公里 30 30 质量指标 工程验收合格率 100% 100% 20 20 效益指标(30分) 社会效益指标 群众出行便利程度 明显改善 达成预期指标 30 30 满意度指标(10分) 满意度指标 群众满意度 ≥90% 95% 10 10\n"


def test_whole_table_on_one_line() -> None:
    layout, rows = rebuilt(FLAT)
    assert layout is Layout.FLAT
    table = rows[rows.index([("附件:", 1)]) :]
    assert table[:6] == [
        [("附件:", 1)],
        [("项目支出绩效自评表", 1)],
        [("(2022年度)", 1)],
        [("项目名称", 1), ("农村公路建设", 2)],
        [("主管部门", 1), ("101-某镇人民政府", 2), ("实施单位", 3), ("101001-某镇人民政府", 4)],
        [
            ("项目资金(万元)", 1),
            ("年初预算数", 3),
            ("全年预算数", 4),
            ("全年执行数", 5),
            ("分值", 6),
            ("执行率", 7),
            ("得分", 8),
        ],
    ]
    assert table[6:11] == [
        [
            ("年度资金总额:", 2),
            ("100", 3),
            ("100", 4),
            ("95", 5),
            ("10", 6),
            ("95%", 7),
            ("9.5", 8),
        ],
        [("其中:本年财政拨款", 2), ("100", 3), ("100", 4), ("95", 5)],
        [("上年结转资金", 2)],
        [("其他资金", 2)],
        [("年度总体目标", 1), ("预期目标", 2), ("实际完成情况", 3)],
    ]
    # the goal texts, cut at their own spaces, are joined again and told apart
    assert table[11] == [
        ("本项目计划新建道路5公里，改善出行条件。", 2),
        ("本项目已建成道路5公里，出行条件明显改善。", 3),
    ]
    assert table[13:] == [
        [
            ("产出指标(50分)", 2),
            ("数量指标", 3),
            ("新建道路里程", 4),
            ("≥5公里", 5),
            ("5公里", 6),
            ("30", 7),
            ("30", 8),
        ],
        [("质量指标", 3), ("工程验收合格率", 4), ("100%", 5), ("100%", 6), ("20", 7), ("20", 8)],
        [
            ("效益指标(30分)", 2),
            ("社会效益指标", 3),
            ("群众出行便利程度", 4),
            ("明显改善", 5),
            ("达成预期指标", 6),
            ("30", 7),
            ("30", 8),
        ],
        [
            ("满意度指标(10分)", 2),
            ("满意度指标", 3),
            ("群众满意度", 4),
            ("≥90%", 5),
            ("95%", 6),
            ("10", 7),
            ("10", 8),
        ],
    ]


def test_whole_table_on_one_line_parses(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(FLAT, encoding="utf-8")
    report = parse_file(path)
    (t,) = report.tables
    assert (t.project, t.department, t.amount_unit) == ("农村公路建设", "101-某镇人民政府", "万元")
    assert (t.funds.annual_total.executed, t.funds.annual_total.rate_pct) == (95, 95)
    assert t.goal_actual == "本项目已建成道路 5公里，出行条件明显改善。"  # as printed
    assert [(i.name, i.target, i.weight, i.score) for i in t.indicators] == [
        ("新建道路里程", "≥5公里", 30, 30),
        ("工程验收合格率", "100%", 20, 20),
        ("群众出行便利程度", "明显改善", 30, 30),
        ("群众满意度", "≥90%", 10, 10),
    ]
    # the file's metadata before the table is reported, not dropped
    assert {x.text for x in report.leftovers} >= {"张三", "admin", "False"}


# national-2020 (Yunnan, web table): pipes with empty cells collapsed, rows wrapped over
# lines, a two-row indicator header, five funds values under six columns.
WRAPPED = (
    "项目支出绩效自评表 |\n"
    "| (2023年度) |\n"
    "项目名称 | 森林防火能力提升项目 |\n"
    "主管部门 | 某县林业和草原局 | 实施单位 | 某县林业和草原局 |\n"
    "项目资金 (万元) |\n"
    "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
    "年度资金总额 |\n"
    "| 40 | 38 | 10 | 95.00% | 9.5 |\n"
    "年度 总体 目标 | 预期目标 | 实际完成情况 | ||||\n"
    "| 购置防火设备一批 | 已购置防火设备一批 | |||||\n"
    "| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | |||\n"
    "|\n"
    "一级 指标 |\n"
    "二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | ||||\n"
    "| 产出指标 | 数量指标 | 防火设备购置数量 | ≥ | 20 | 台 | 22 | 40 | 40 | ||\n"
    "| 时效指标 | 完成及时率 | ＝ | 100 | % | 90% | 20 | 18 |\n"
    "| 受供货延迟影响 |\n"
    "| 效益指标 | 社会效益指标 | 火灾发生率 | ≤ | 1 | % | 0.5% | 30 | 30 | ||\n"
    "| 总分 | 100 | 98 | 优 |\n"
)


def test_wrapped_pipe_rows() -> None:
    layout, rows = rebuilt(WRAPPED)
    assert layout is Layout.WRAPPED
    assert rows[4:8] == [
        [
            ("项目资金(万元)", 1),
            ("年初预算数", 3),
            ("全年预算数", 4),
            ("全年执行数", 5),
            ("分值", 6),
            ("执行率", 7),
            ("得分", 8),
        ],
        # 95.00% = 38 / 40: the missing value is 年初预算数
        [("年度资金总额", 2), ("40", 4), ("38", 5), ("10", 6), ("95.00%", 7), ("9.5", 8)],
        [("年度总体目标", 1), ("预期目标", 2), ("实际完成情况", 3)],
        [("购置防火设备一批", 2), ("已购置防火设备一批", 3)],
    ]
    assert rows[8:] == [
        [
            ("绩效指标", 1),
            ("年度指标值", 5),
            ("实际完成值", 8),
            ("分值", 9),
            ("得分", 10),
            ("偏差原因分析及改进措施", 11),
        ],
        [
            ("一级指标", 2),
            ("二级指标", 3),
            ("三级指标", 4),
            ("指标性质", 5),
            ("指标值", 6),
            ("度量单位", 7),
        ],
        [
            ("产出指标", 2),
            ("数量指标", 3),
            ("防火设备购置数量", 4),
            ("≥", 5),
            ("20", 6),
            ("台", 7),
            ("22", 8),
            ("40", 9),
            ("40", 10),
        ],
        # the explanation wrapped onto a line of its own stays with its row
        [
            ("时效指标", 3),
            ("完成及时率", 4),
            ("＝", 5),
            ("100", 6),
            ("%", 7),
            ("90%", 8),
            ("20", 9),
            ("18", 10),
            ("受供货延迟影响", 11),
        ],
        [
            ("效益指标", 2),
            ("社会效益指标", 3),
            ("火灾发生率", 4),
            ("≤", 5),
            ("1", 6),
            ("%", 7),
            ("0.5%", 8),
            ("30", 9),
            ("30", 10),
        ],
        [("总分", 1), ("100", 9), ("98", 10), ("优", 11)],
    ]


def test_rebuilt_cells_keep_their_lines() -> None:
    _, it = text_rows(WRAPPED.splitlines(keepends=True))
    rows = list(it)
    funds_row = rows[5]
    assert [(c.text, c.ref().line) for c in funds_row.cells] == [
        ("年度资金总额", 7),
        ("40", 8),
        ("38", 8),
        ("10", 8),
        ("95.00%", 8),
        ("9.5", 8),
    ]


GLUED = (
    "2020年度县级专项资金绩效目标自评表专项资金名称县级储备粮主管部门某县粮食局项目资金(万元)"
    "全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额194.9194.9100%其中:中央补助194.9194.9100%"
    "一级指标二级指标三级指标年度指标值全年完成值\n"
)
SCRAMBLED = (
    "项目支出绩效自评表 (2022 年度) 示范项目 项目名称 主管部门 某区体育局 年初预算数 全年预算数"
    " 全年执行数 分值 执行率 得分 100.00 100.00 90.00 10 9 — 上年结转资金 0 0 — 其他资金 0 0 —"
    " 年度资金总额 项目资金 (元) 其中:当年财政拨款 预期目标 年度 总体 目标 90% 实际完成情况"
    " 已完成。 一级指标 二级指标 三级指标 年度 指标值 实际 完成值 分值 得分 =100% 100% 90 90\n"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GLUED,
            "t.txt 的文字没有单元格分隔（数字粘连，如“194.9194.9100%”），无法可靠还原表格",
        ),
        (
            SCRAMBLED,
            "t.txt 的文字顺序错乱（如“年度资金总额”出现在“上年结转资金”之后），无法可靠还原表格",
        ),
    ],
)
def test_text_that_cannot_be_split_is_refused_with_its_reason(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        parse_file(path)
    assert err.value.message == message


def test_notes_under_a_table_in_single_spaces_do_not_hide_its_layout() -> None:
    notes = "".join(
        f"{n}.{text}\n"
        for n, text in enumerate(
            (
                "预算执行情况口径:预算数为调整后财政资金总额(包括上年结余结转),执行数为实际支出数。",
                "定量指标完成数汇总原则:绝对值直接累加计算,相对值按照资金额度加权平均计算。",
                "定性指标计分原则:达成预期指标、部分达成预期指标并具有一定效果、未达成预期指标三档。",
                "基于经济性、效率性、效益性和公平性的原则,合理确定各项指标的分值和评分标准。",
                "请在备注栏中说明未完成原因及改进措施,并附相关佐证材料,以备抽查复核之用。",
            ),
            start=1,
        )
    )
    layout, rows = rebuilt(WORDS_UPPER_FIRST + "备注:\n" + notes)
    assert layout is Layout.WORDS
    assert ("产出指标", 2) in rows[4]


# Sichuan form, one cell per line ending " |": the 完成值 and 得分 of each row left blank.
_UNSCORED_HEAD = [
    "部门预算项目支出绩效自评表(2023年度)",
    "项目名称",
    "某工资性支出",
    "绩效指标(90分)",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
    "完成值",
    "权重",
    "得分",
    "未完成原因分析",
]
_UNSCORED_ROWS = [
    ["产出指标", "数量指标", "发放覆盖率", "=", "100", "%", "", "60", "", ""],
    ["效益指标", "社会效益指标", "足额保障率", "=", "100", "%", "", "30", "", ""],
]


def _unscored(keep_empty: bool) -> str:
    cells = [*_UNSCORED_HEAD, *(c for row in _UNSCORED_ROWS for c in row)]
    return "".join(f"{c} |\n" if c else "|\n" for c in cells if c or keep_empty)


def test_a_blank_cell_kept_places_the_figures_a_dropped_one_leaves_in_doubt(
    tmp_path: Path,
) -> None:
    # With the blank cells printed (a bare "|"), 60 and 30 sit under 权重; with them dropped,
    # they could be 完成值, 权重 or 得分: the table is said to be possibly misread, and no rule
    # judges 60 as a 完成值 against the target 100%.
    kept = tmp_path / "kept.txt"
    kept.write_text(_unscored(keep_empty=True), encoding="utf-8")
    (t,) = parse_file(kept).tables
    assert [(i.actual, i.weight) for i in t.indicators] == [("", 60), ("", 30)]
    assert t.reliable

    dropped = tmp_path / "dropped.txt"
    dropped.write_text(_unscored(keep_empty=False), encoding="utf-8")
    (t,) = parse_file(dropped).tables
    assert not t.reliable and "省略了空白格" in t.doubts[0].reason
    found = review(dropped).findings
    assert "P108" in {f.code for f in found}
    assert not [f for f in found if f.code[0] in "ESW"]  # nothing judged on a guessed column


# A text cut off inside its last row, single spaces, 分值 before 年度指标值: the row's cells are
# the first of its columns (its target, not its actual).
_CUT_IN_LAST_ROW = """项目支出绩效自评表
项目名称 某项目
一级指标 二级指标 三级指标 分值 年度指标值 实际完成值 得分 偏差原因分析及改进措施
产出指标 数量指标 改造户数 50 ≥1200户 1250户 50
质量指标 验收合格率 10 ≥95% 97% 10
效益指标 社会效益指标 群众出行安全感 30 进一步增强
"""


def test_a_row_cut_by_the_end_of_the_text_keeps_its_first_columns(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_text(_CUT_IN_LAST_ROW, encoding="utf-8")
    (t,) = parse_file(path).tables
    last = t.indicators[-1]
    assert (last.name, last.weight, last.target, last.actual) == (
        "群众出行安全感",
        30,
        "进一步增强",
        "",
    )
    assert last.partial


# A PDF viewer's copy of a Sichuan form: cells between single spaces, each wrapped line of a
# long cell a line of its own (most lines hold fewer than three words), and where the page
# ends its number, then the running head and the indicator header printed again, in the
# middle of an explanation.
_VIEWER_PAGE_ONE = [
    "某县教育和体育局 2024年度项目支出绩效自评结果公开",
    "部门预算项目支出绩效自评表（2024年度）",
    "项目名称 学前教育幼儿资助",
    "主管部门 某县教育和体育局 实施单位 某县教育和体育局",
    "项目年度目标 年度目标完成情况",
    "对全县公办幼儿园在园幼儿按标准减免保教费，资助家庭 全年资助家庭经济困难幼儿",
    "经济困难幼儿。 2612人次。",
    "绩效指标（90分）",
    "一级指标 二级指标 三级指标 指标性质 指标值 度量单位 完成值 权重 得分 未完成原因分析",
    "产出指标 数量指标 资助幼儿人次 ≥ 2600 人次 2612 30 30",
    "时效指标 资金拨付及时率 ≥ 95 % 82 30 25.9 因秋季学期名单复核时间延长，",
    "部分资金于次年1月才拨付，导致",
]
_VIEWER_PAGE_TWO = [
    "拨付及时率未达到目标值。下一步将提前启",
    "动名单复核，确保资金按学期拨付到位。",
    "满意度指标 服务对象满意度指标 家长满意度 ≥ 90 % 95 30 30",
    "合计 90 85.9",
    "项目负责人：何某 财务负责人：唐某",
]


def _viewer_copy(page_end: list[str]) -> str:
    return "\n".join(_VIEWER_PAGE_ONE + page_end + _VIEWER_PAGE_TWO) + "\n"


@pytest.mark.parametrize(
    "page_end",
    [
        [],
        ["第 1 页 共 2 页", _VIEWER_PAGE_ONE[0], _VIEWER_PAGE_ONE[8]],
    ],
    ids=["no-page-break", "page-number-running-head-header"],
)
def test_a_pdf_viewers_copy_is_read_its_page_furniture_set_apart(
    tmp_path: Path, page_end: list[str]
) -> None:
    path = tmp_path / "viewer.txt"
    path.write_text(_viewer_copy(page_end), encoding="utf-8")
    nonempty = [s for s in path.read_text(encoding="utf-8").splitlines() if s.strip()]
    assert sum(len(s.split()) >= 3 for s in nonempty) < 0.5 * len(nonempty)
    report = parse_file(path)
    (table,) = report.tables
    assert [i.name for i in table.indicators] == ["资助幼儿人次", "资金拨付及时率", "家长满意度"]
    late = table.indicators[1]
    assert (late.target, late.actual, late.weight, late.score) == ("≥95%", "82", 30, 25.9)
    assert late.explanation == (
        "因秋季学期名单复核时间延长，部分资金于次年1月才拨付，导致拨付及时率未达到目标值。"
        "下一步将提前启动名单复核，确保资金按学期拨付到位。"
    )
    assert (table.total_weight, table.total_score) == (90, 85.9)
    # every row used, the page's furniture as printed: nothing reported, nothing dropped
    assert not report.leftovers
    acc = report.accounting
    assert acc.reported_lines == 0 and acc.consumed_lines == acc.nonempty_lines


@pytest.mark.parametrize("running_head", [True, False])
def test_a_pdf_viewers_copy_whose_next_table_opens_a_page_keeps_its_header(
    tmp_path: Path, running_head: bool
) -> None:
    """The header after a page number is the page's furniture only inside a section the
    break interrupted, and a title only when no table follows it: the next table's title
    (the line the document opened with, when it has no running head), and its own header
    opening a page after its goal block, are read."""
    head = _VIEWER_PAGE_ONE[:1] if running_head else []
    second = [s.replace("学前教育幼儿资助", "义务教育营养改善") for s in _VIEWER_PAGE_ONE[1:7]]
    second += ["第 2 页 共 3 页", *head, *_VIEWER_PAGE_ONE[8:10], "合计 30 30"]
    first = head + _VIEWER_PAGE_ONE[1:11]
    first += ["满意度指标 服务对象满意度指标 家长满意度 ≥ 90 % 95 30 30"]
    text = [*first, "合计 90 85.9", "第 1 页 共 3 页", *head, *second]
    path = tmp_path / "two.txt"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    report = parse_file(path)
    assert [t.project for t in report.tables] == ["学前教育幼儿资助", "义务教育营养改善"]
    # the second table begins at its title, the line after the page's number and head
    assert report.tables[1].first_line == text.index("第 1 页 共 3 页") + len(head) + 2
    assert [i.name for i in report.tables[1].indicators] == ["资助幼儿人次"]
    assert not report.leftovers


# A web table's pipes with empty cells dropped and the header's wrapped labels cut into cells
# of their own at their line breaks (一级 | 指标, 年度 | 指标值, 偏差原因分析 | 及改进措施),
# 分值 before 年度指标值.
LABELS_CUT = (
    "| 项目支出绩效自评表 |\n"
    "| 项目名称 | 基本公共卫生服务项目 |\n"
    "| 主管部门 | 某县卫生健康局 | 实施单位 | 某县疾病预防控制中心 |\n"
    "| 绩效指标 | 一级 | 指标 | 二级 | 指标 | 三级指标 | 分值 | 年度 | 指标值 | 实际 | 完成值 "
    "| 得分 | 偏差原因分析 | 及改进措施 |\n"
    "| 产出指标 | 数量指标 | 高血压患者规范管理人数 | 40 | ≥9800人 | 9650人 | 39.39 "
    "| 部分患者外出务工失访;下一步加强随访。 |\n"
    "| 质量指标 | 孕产妇系统管理率 | 40 | 90%-95% | 92.6% | 40 |\n"
    "| 效益指标 | 社会效益指标 | 居民健康素养水平 | 10 | 逐步提高 | 较上年提高 | 10 |\n"
    "| 总分 | 90 | 89.39 |\n"
)


def test_a_header_whose_labels_were_cut_into_cells_is_read(tmp_path: Path) -> None:
    layout, _ = rebuilt(LABELS_CUT)
    assert layout is Layout.WRAPPED
    path = tmp_path / "t.txt"
    path.write_text(LABELS_CUT, encoding="utf-8")
    (table,) = parse_file(path).tables
    assert table.labels["target"] == "年度指标值"
    assert table.labels["explanation"] == "偏差原因分析及改进措施"
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("高血压患者规范管理人数", "≥9800人", "9650人", 40, 39.39),
        ("孕产妇系统管理率", "90%-95%", "92.6%", 40, 40),
        ("居民健康素养水平", "逐步提高", "较上年提高", 10, 10),
    ]
    assert table.indicators[0].explanation == "部分患者外出务工失访;下一步加强随访。"
    assert table.reliable


# A grid written with its empty cells as || (no space): every row as many cells, empties before
# filled ones; the header wrapped over two rows (年度 / 指标值).
GRID_BARS = (
    "|项目名称|农村劳动力技能培训||||||\n"
    "|一级指标|二级指标|三级指标|分值|年度|实际|得分|偏差原因分析|\n"
    "|||||指标值|完成值||及改进措施|\n"
    "|产出指标(50分)|数量指标|培训人次|50|≥600人次|582人次|48.5|部分学员农忙无法参训。|\n"
    "|||取得证书人数|30|≥400人|421人|30||\n"
    "|满意度指标(10分)|服务对象满意度指标|学员满意度|10|≥90%|95%|10||\n"
)


def test_a_grid_writing_its_empty_cells_as_bars_is_read_by_its_columns(tmp_path: Path) -> None:
    layout, _ = rebuilt(GRID_BARS)
    assert layout is Layout.PIPES
    path = tmp_path / "t.txt"
    path.write_text(GRID_BARS, encoding="utf-8")
    (table,) = parse_file(path).tables
    assert table.labels["target"] == "年度指标值"
    assert [(i.l1, i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators] == [
        ("产出指标", "培训人次", "≥600人次", "582人次", 50, 48.5),
        ("产出指标", "取得证书人数", "≥400人", "421人", 30, 30),
        ("满意度指标", "学员满意度", "≥90%", "95%", 10, 10),
    ]
