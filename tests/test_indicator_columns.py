"""The 绩效指标 columns are mapped by their header labels: other orders, a split target and
extra columns parse, in the tab layout and when a paste dropped the empty cells."""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.model import EvaluationTable
from reviewer.parse.columns import Role, header_role

HEAD = [
    ["财政项目支出绩效自评表"],
    ["(2022 年度)"],
    ["项目名称", "示例项目"],
    ["主管部门", "某市某局", "", "", "实施单位", "某市某中心"],
    ["项目资金 (元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "100", "100", "90", "10", "90.00%", "9"],
    ["年度总体目标", "预期目标", "", "", "实际完成情况"],
    ["", "完成目标。", "", "", "已完成目标。"],
]


def _write(tmp_path: Path, rows: list[list[str]], pipes: bool = False) -> Path:
    path = tmp_path / "t.txt"
    if pipes:  # as pasted from a web page: empty cells dropped
        text = "\n".join("| " + " | ".join(c for c in r if c) + " |" for r in rows)
    else:
        text = "\n".join("\t".join(r) for r in rows)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _parse(tmp_path: Path, body: list[list[str]], pipes: bool = False) -> EvaluationTable:
    report = parse_file(_write(tmp_path, HEAD + body, pipes))
    assert report.leftovers == [], report.leftovers
    (table,) = report.tables
    return table


def _values(t: EvaluationTable) -> list[tuple[str, str, str, str, float | None, float | None]]:
    return [(i.l2, i.name, i.target, i.actual, i.weight, i.score) for i in t.indicators]


WEIGHT_FIRST = [
    ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"],
    ["", "产出指标", "数量指标", "培训场次", "40", "=10场", "=8场", "32"],
    ["", "", "质量指标", "合格率", "40", ">=95%", "=98%", "40"],
    ["", "效益指标", "社会效益指标", "提升能力", "10", "提升", "提升", "10"],
    ["", "总分", "", "", "100", "", "", "91"],
]


def test_weight_before_target(tmp_path: Path) -> None:
    t = _parse(tmp_path, WEIGHT_FIRST)
    assert _values(t) == [
        ("数量指标", "培训场次", "=10场", "=8场", 40, 32),
        ("质量指标", "合格率", ">=95%", "=98%", 40, 40),
        ("社会效益指标", "提升能力", "提升", "提升", 10, 10),
    ]
    assert (t.total_weight, t.total_score) == (100, 91)


def test_weight_before_target_with_empty_cells_dropped(tmp_path: Path) -> None:
    t = _parse(tmp_path, WEIGHT_FIRST, pipes=True)
    assert [(i.name, i.target, i.weight, i.score) for i in t.indicators] == [
        ("培训场次", "=10场", 40, 32),
        ("合格率", ">=95%", 40, 40),
        ("提升能力", "提升", 10, 10),
    ]
    assert [i.l1 for i in t.indicators] == ["产出指标", "产出指标", "效益指标"]


SPLIT_TARGET = [
    [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ],
    ["", "产出指标", "数量指标", "培训人数", "≥", "200", "人", "180", "40", "36", "因故减少"],
    ["", "", "质量指标", "合格率", "=", "100", "%", "100%", "40", "40", ""],
    ["", "效益指标", "社会效益指标", "提升能力", "定性", "提升", "", "提升", "10", "10", ""],
    ["", "总分", "", "", "", "", "", "", "100", "95", ""],
]


def test_nature_value_and_unit_in_separate_columns(tmp_path: Path) -> None:
    t = _parse(tmp_path, SPLIT_TARGET)
    # the target joins its printed cells; the actual stays as printed, read in the row's unit
    assert _values(t) == [
        ("数量指标", "培训人数", "≥200人", "180", 40, 36),
        ("质量指标", "合格率", "=100%", "100%", 40, 40),
        ("社会效益指标", "提升能力", "提升", "提升", 10, 10),
    ]
    first = t.indicators[0]
    assert first.target_value.number == 200 and first.target_value.unit == "人"
    assert first.actual_value.number == 180 and first.actual_value.unit == "人"
    assert first.explanation == "因故减少"
    assert (first.cells["target_nature"].text, first.cells["unit"].text) == ("≥", "人")
    assert t.indicators[2].target_value.operator == "qualitative"


def test_header_labels_a_scan_misread_by_one_character(tmp_path: Path) -> None:
    # 指标性庾 and 度量単位: OCR's slips of 指标性质 and 度量单位, no other column's labels
    header = [
        "指标性庾" if c == "指标性质" else "度量単位" if c == "度量单位" else c
        for c in SPLIT_TARGET[0]
    ]
    t = _parse(tmp_path, [header, *SPLIT_TARGET[1:]])
    assert _values(t)[0] == ("数量指标", "培训人数", "≥200人", "180", 40, 36)
    assert t.indicators[0].target_value.operator == ">="


def test_a_label_a_character_from_a_named_column_stays_an_extra_column() -> None:
    from reviewer.grid import Cell, Row
    from reviewer.parse.columns import read_header

    labels = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "上年实际值"]
    cols = read_header(Row(cells=[Cell(x, 1, k) for k, x in enumerate(labels, start=1)], line=1))
    assert cols.roles[5] is Role.ACTUAL and cols.roles[6] is Role.EXTRA


def test_a_group_label_joined_to_its_first_columns_label_names_that_column() -> None:
    # a copy laid out by position joins 预期指标值 (over 符号 | 值 | 单位) to 符号, and 自评得分
    # (over three scores) to 单项指标得分: each column keeps its own label's role
    from reviewer.forms.families import get_family
    from reviewer.grid import Cell, Row
    from reviewer.parse.columns import read_header

    labels = [
        *["一级指标", "二级指标", "三级指标", "指标分值", "预期指标值符号", "值", "单位(文字描述)"],
        *["单项指标实际完成值", "单项指标完成情况", "自评得分单项指标得分", "权重占比(%)"],
        "单项指标折算得分",
    ]
    row = Row(cells=[Cell(x, 1, k) for k, x in enumerate(labels, start=1)], line=1)
    cols = read_header(row, get_family("hebei-4section"))
    assert (cols.roles[5], cols.roles[6], cols.roles[7]) == (Role.NATURE, Role.TARGET, Role.UNIT)
    assert cols.roles[8] is Role.ACTUAL and cols.roles[12] is Role.SCORE


def test_columns_named_with_zhi_biao_before_each(tmp_path: Path) -> None:
    # 指标名称 | 指标目标值 | 指标实际值 | 指标分值 | 指标得分 | 未完成原因
    rows = [
        [
            *["绩效指标", "一级指标", "二级指标", "指标名称", "指标目标值", "指标实际值"],
            *["指标分值", "指标得分", "未完成原因"],
        ],
        ["", "产出指标", "数量指标", "修复数量", "≥120处", "104处", "40", "35", "汛期延误"],
        ["", "效益指标", "社会效益指标", "提升能力", "提升", "提升", "50", "50", ""],
        ["", "总分", "", "", "", "", "90", "85", ""],
    ]
    t = _parse(tmp_path, rows)
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in t.indicators] == [
        ("修复数量", "≥120处", "104处", 40, 35),
        ("提升能力", "提升", "提升", 50, 50),
    ]


def test_a_unit_column_headed_only_dan_wei(tmp_path: Path) -> None:
    # 目标值 | 单位 | 实际完成值: the unit beside the target, headed 单位 alone
    rows = [
        [
            *["绩效指标", "一级指标", "二级指标", "三级指标", "目标值", "单位"],
            *["实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ],
        ["", "产出指标", "数量指标", "农田面积", "≥12000", "亩", "12350", "40", "40", ""],
        ["", "", "质量指标", "验收合格率", "=100", "%", "100%", "40", "40", ""],
        ["", "效益指标", "社会效益指标", "提升能力", "提升", "", "提升", "10", "10", ""],
        ["", "总分", "", "", "", "", "", "100", "100", ""],
    ]
    t = _parse(tmp_path, rows)
    assert [i.target for i in t.indicators] == ["≥12000亩", "=100%", "提升"]


def test_a_target_left_as_the_templates_stars_keeps_its_unit(tmp_path: Path) -> None:
    # ≥ | ** | %: the number never filled in, the unit printed beside it all the same
    rows = [list(r) for r in SPLIT_TARGET]
    rows[2][4:8] = ["≥", "**", "%", ""]
    t = _parse(tmp_path, rows)
    assert [i.target for i in t.indicators] == ["≥200人", "≥**%", "提升"]


EXTRA_COLUMN = [
    [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "复核分",
        "偏差原因分析及改进措施",
    ],
    ["", "产出指标", "数量指标", "培训场次", "=10场", "=8场", "40", "32", "30", "未完成"],
    ["", "", "质量指标", "合格率", ">=95%", "=98%", "40", "40", "40", ""],
    ["", "效益指标", "社会效益指标", "提升能力", "提升", "提升", "10", "10", "10", ""],
    ["", "总分", "", "", "", "", "100", "91", "89", ""],
]


def test_extra_review_score_column_is_kept_apart(tmp_path: Path) -> None:
    t = _parse(tmp_path, EXTRA_COLUMN)
    assert _values(t) == [
        ("数量指标", "培训场次", "=10场", "=8场", 40, 32),
        ("质量指标", "合格率", ">=95%", "=98%", 40, 40),
        ("社会效益指标", "提升能力", "提升", "提升", 10, 10),
    ]
    assert t.indicators[0].explanation == "未完成"
    assert t.indicators[0].cells["复核分"].text == "30"


def test_extra_column_with_empty_cells_dropped(tmp_path: Path) -> None:
    t = _parse(tmp_path, EXTRA_COLUMN, pipes=True)
    assert [(i.name, i.weight, i.score) for i in t.indicators] == [
        ("培训场次", 40, 32),
        ("合格率", 40, 40),
        ("提升能力", 10, 10),
    ]
    assert t.indicators[0].explanation == "未完成"
    assert t.indicators[1].cells["复核分"].text == "40"


def test_amount_unit_from_a_column_header(tmp_path: Path) -> None:
    head = [r[:] for r in HEAD]
    head[4] = ["项目资金", "", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）"]
    head[4] += ["分值", "执行率", "得分"]
    path = _write(tmp_path, head + WEIGHT_FIRST)
    (t,) = parse_file(path).tables
    assert t.amount_unit == "万元"
    assert t.funds.annual_total.full_year_budget == 100


def test_amount_unit_from_the_amounts_where_no_label_states_it(tmp_path: Path) -> None:
    head = [r[:] for r in HEAD]
    head[4] = ["项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    head[5] = ["", "年度资金总额", "100万元", "100万元", "90万元", "10", "90.00%", "9"]
    (t,) = parse_file(_write(tmp_path, head + WEIGHT_FIRST)).tables
    assert t.amount_unit == "万元"
    assert (t.funds.annual_total.full_year_budget, t.funds.annual_total.executed) == (100, 90)


def test_a_stated_unit_is_not_overridden_by_the_amounts(tmp_path: Path) -> None:
    head = [r[:] for r in HEAD]  # 项目资金 (元), as the national form prints it
    head[5] = ["", "年度资金总额", "100", "100", "90万", "10", "90.00%", "9"]
    (t,) = parse_file(_write(tmp_path, head + WEIGHT_FIRST)).tables
    assert t.amount_unit == "元"


def test_a_name_that_reads_like_a_label_stays_a_name(tmp_path: Path) -> None:
    body = [
        ["", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["", "产出指标", "数量指标", "甲数", "=1个", "=1个", "60", "60"],
        ["", "满意度指标", "服务对象满意度指标", "满意度", ">=90%", "=95%", "30", "30"],
        ["", "总分", "", "", "", "", "100", "99"],
    ]
    t = _parse(tmp_path, body)
    assert [(i.l1, i.name, i.target) for i in t.indicators] == [
        ("产出指标", "甲数", "=1个"),
        ("满意度指标", "满意度", ">=90%"),
    ]


def test_the_column_settles_an_ambiguous_label(tmp_path: Path) -> None:
    # 成本指标 is 一级 in some forms and 二级 (under 产出) in others: its column says which.
    body = [
        ["", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["", "产出指标", "数量指标", "甲数", "=1个", "=1个", "40", "40"],
        ["", "", "成本指标", "单价", "<=5元", "=4元", "20", "20"],
        ["", "成本指标", "经济成本指标", "总成本", "<=100元", "=90元", "30", "30"],
        ["", "总分", "", "", "", "", "100", "99"],
    ]
    t = _parse(tmp_path, body)
    assert [(i.l1, i.l2) for i in t.indicators] == [
        ("产出指标", "数量指标"),
        ("产出指标", "成本指标"),
        ("成本指标", "经济成本指标"),
    ]


def test_header_roles() -> None:
    assert [
        header_role(h)
        for h in ("年度指标值", "实际完成值", "分值", "权重", "得分", "复核分", "度量单位")
    ] == [Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.WEIGHT, Role.SCORE, Role.EXTRA, Role.UNIT]
    assert header_role("绩") is None and header_role("效指标") is None


def test_total_row_by_header_columns(tmp_path: Path) -> None:
    for pipes in (False, True):
        t = _parse(tmp_path, EXTRA_COLUMN, pipes=pipes)
        assert (t.total_weight, t.total_score) == (100, 91)
        assert t.cells["复核分"].text == "89"


# 区域绩效目标自评表 (transfer payment): the column after the values has no label, only the
# section's points above it, and holds the points each row got.
BARE_POINTS = [
    [
        "年度绩效指标完成情况",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成指标值",
        "50",
    ],
    ["", "产出指标", "质量指标", "违法案件查办率", "100%", "100%", "4"],
    ["", "", "时效指标", "整体完成时间", "2021年12月31日", "2021年12月31日", "5"],
]


def test_a_column_headed_only_by_the_section_points_holds_the_scores(tmp_path: Path) -> None:
    t = _parse(tmp_path, BARE_POINTS)
    assert [(i.name, i.weight, i.score) for i in t.indicators] == [
        ("违法案件查办率", None, 4),
        ("整体完成时间", None, 5),
    ]
    assert t.indicators[0].cells["score"].text == "4"


# Columns other provinces add: 计量单位 in its own column, 实际完成情况 printed over 完成值 |
# 完成率 (a header over two rows), 偏差原因 | 改进措施 as two columns, 评分标准 after them.
TWO_ROW_HEADER = [
    [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "计量单位",
        "年度指标值",
        "实际完成情况",
        "",
        "分值",
        "得分",
        "偏差原因",
        "改进措施",
        "评分标准",
    ],
    ["", "", "", "", "", "", "完成值", "完成率", "", "", "", "", ""],
    [
        *["", "产出指标", "数量指标", "培训人数", "人", "≥200", "180", "90.00%", "40", "36"],
        *["学员外出务工。", "下半年补训。", "按比例计分"],
    ],
    ["", "", "质量指标", "合格率", "%", "=100", "100", "100.00%", "40", "40", "", "", "达标满分"],
    [
        *["", "效益指标", "社会效益指标", "提升能力", "—", "提升", "提升", "—", "10", "10"],
        *["", "", "定性"],
    ],
    ["", "总分", "", "", "", "", "", "", "90", "86", "", "", ""],
]


def test_a_header_over_two_rows_with_unit_and_measures_columns(tmp_path: Path) -> None:
    t = _parse(tmp_path, TWO_ROW_HEADER)
    assert _values(t) == [
        ("数量指标", "培训人数", "≥200人", "180", 40, 36),
        ("质量指标", "合格率", "=100%", "100", 40, 40),
        ("社会效益指标", "提升能力", "提升", "提升", 10, 10),
    ]
    first = t.indicators[0]
    # 偏差原因 and 改进措施 are one explanation; 完成率 and 评分标准 kept under their labels
    assert first.explanation == "学员外出务工。下半年补训。"
    assert first.actual_value.unit == "人"
    assert first.cells["完成率"].text == "90.00%"
    assert (t.total_weight, t.total_score) == (90, 86)


def test_a_lone_figure_on_the_total_row_of_a_reordered_header_is_the_score(tmp_path: Path) -> None:
    # 分值 before 年度指标值, the 总分 row printing only the score, its empty cells dropped
    rows = [*WEIGHT_FIRST[:-1], ["总分", "91"]]
    for pipes in (False, True):
        t = _parse(tmp_path, rows, pipes=pipes)
        assert (t.total_weight, t.total_score) == (None, 91)


def test_an_actual_split_into_half_year_and_year_columns_reads_the_year(tmp_path: Path) -> None:
    # 实际完成值 over 上半年 | 全年: the year's figure is the actual (126 meets ≥120, where the
    # half year's 58 would not), the half year's is kept under its own label
    body = [
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "",
            "分值",
            "得分",
        ],
        ["", "", "", "", "", "上半年", "全年"],
        ["", "产出指标", "数量指标", "改造供水管网", "≥120公里", "58公里", "126公里", "50", "50"],
        ["", "效益指标", "社会效益指标", "受益人口", "≥2.1万人", "1.2万人", "2.06万人", "40", "40"],
        ["", "总分", "", "", "", "", "", "90", "90"],
    ]
    t = _parse(tmp_path, body)
    assert _values(t) == [
        ("数量指标", "改造供水管网", "≥120公里", "126公里", 50, 50),
        ("社会效益指标", "受益人口", "≥2.1万人", "2.06万人", 40, 40),
    ]
    assert t.indicators[0].cells["实际完成值（上半年）"].text == "58公里"


def test_an_indicator_header_in_the_goal_block_s_words_reads_the_targets(tmp_path: Path) -> None:
    # 预期目标 | 实际完成 over the indicator rows: 预期目标 heads the targets (it had been kept as
    # an extra column, every target left blank and a missed ≥90% unseen)
    body = [
        ["绩效指标", "一级指标", "二级指标", "三级指标", "预期目标", "实际完成", "分值", "得分"],
        ["", "产出指标", "数量指标", "放映场次", "≥4400场", "4400场", "50", "50"],
        ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "88%", "40", "40"],
        ["", "总分", "", "", "", "", "90", "90"],
    ]
    t = _parse(tmp_path, body)
    assert _values(t) == [
        ("数量指标", "放映场次", "≥4400场", "4400场", 50, 50),
        ("服务对象满意度指标", "群众满意度", "≥90%", "88%", 40, 40),
    ]


def test_a_header_whose_labels_are_cut_in_two_over_two_rows(tmp_path: Path) -> None:
    # 一级 | 二级 | 三级 | 分值 | 年度 | 实际 over 指标 | 指标 | 指标 | | 指标值 | 完成值: each label
    # whole from its two pieces (the header had not been found, and no row read)
    body = [
        ["绩效指标", "一级", "二级", "三级", "分值", "年度", "实际", "得分", "偏差原因分析"],
        ["", "指标", "指标", "指标", "", "指标值", "完成值", "", "及改进措施"],
        ["", "产出指标", "数量指标", "维修工程数量", "50", "≥45处", "46处", "50", ""],
        ["", "效益指标", "社会效益指标", "保障人口", "40", "≥8.6万人", "8.7万人", "40", ""],
        ["总分", "", "", "", "90", "", "", "90", ""],
    ]
    t = _parse(tmp_path, body)
    assert _values(t) == [
        ("数量指标", "维修工程数量", "≥45处", "46处", 50, 50),
        ("社会效益指标", "保障人口", "≥8.6万人", "8.7万人", 40, 40),
    ]


def test_a_target_adjusted_in_the_year_is_the_one_read(tmp_path: Path) -> None:
    # 年初目标值 | 调整后目标值: the adjusted target is scored, the first kept under its label
    body = [
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年初目标值",
            "调整后目标值",
            "实际完成值",
            "分值",
            "得分",
        ],
        ["", "产出指标", "数量指标", "维修渠道长度", "≥45公里", "≥50公里", "48公里", "50", "48"],
        ["", "效益指标", "经济效益指标", "亩均节本增收", "≥80元", "≥60元", "65元", "40", "40"],
        ["", "总分", "", "", "", "", "", "90", "88"],
    ]
    t = _parse(tmp_path, body)
    assert [(i.name, i.target) for i in t.indicators] == [
        ("维修渠道长度", "≥50公里"),
        ("亩均节本增收", "≥60元"),
    ]
    assert t.indicators[0].cells["年初目标值"].text == "≥45公里"


def test_numbered_labels_and_a_merged_pair_of_labels_are_the_form_s(tmp_path: Path) -> None:
    # （一）数量指标 and 一、产出指标 are the labels without their list numbers; 产出指标-数量指标 is
    # the two in one cell (each had been read as a name, rows running together)
    body = [
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
        ],
        ["", "一、产出指标", "（一）数量指标", "①供水工程数量", "≥18处", "18处", "30", "30"],
        ["", "", "（二）质量指标", "①验收合格率", "100%", "100%", "20", "20"],
        ["", "效益指标-社会效益指标", "", "①受益人口", "≥2.6万人", "2.71万人", "30", "30"],
        ["", "满意度指标", "（一）服务对象满意度指标", "①群众满意度", "≥90%", "95%", "10", "10"],
        ["总分", "", "", "", "", "", "90", "90"],
    ]
    t = _parse(tmp_path, body)
    # (the names numbered ① under each category: the number is the row's place, round 171)
    assert [(i.l1, i.l2, i.name) for i in t.indicators] == [
        ("产出指标", "数量指标", "供水工程数量"),
        ("产出指标", "质量指标", "验收合格率"),
        ("效益指标", "社会效益指标", "受益人口"),
        ("满意度指标", "服务对象满意度指标", "群众满意度"),
    ]


def test_a_scans_header_line_with_labels_one_space_apart_is_cut_into_them() -> None:
    from reviewer.ingest.layouts import split_spaced
    from reviewer.parse.columns import header_words

    line = "绩效指标(9O分) 一級指标 二级指标 三级指杯 指标性贡 指标值 度量単位 完戍值 杈重 得分"
    cells = split_spaced(line, 1)
    assert [c.text for c in cells][1:4] == ["一級指标", "二级指标", "三级指杯"]
    assert len(cells) == 10
    # words with a label or two among them are no header
    assert header_words("完成 二级指标 的 年度 任务 共 计 十 项") is None


def test_a_serial_column_beside_levels_printed_under_their_group_label(tmp_path: Path) -> None:
    # km02: 序号 | 绩效指标 (over 一级 | 二级 | 三级) | 年度指标值 …, the levels on the row under
    # it; and the template's rows left in (指标1 | 指标1, ……) are no rows
    body = [
        ["序号", "绩效指标", "", "", "年度指标值", "实际完成值", "分值", "得分"],
        ["", "一级指标", "二级指标", "三级指标"],
        ["1", "产出指标", "数量指标", "培训场次", "=10场", "=10场", "40", "40"],
        ["2", "", "质量指标", "合格率", ">=95%", "=98%", "40", "40"],
        ["", "", "指标1", "指标1"],
        ["3", "效益指标", "社会效益指标", "提升能力", "提升", "提升", "10", "10"],
        ["总分", "", "", "", "", "", "100", "99"],
    ]
    path = _write(tmp_path, HEAD + body)
    (t,) = parse_file(path).tables
    assert [(i.l1, i.l2, i.name, i.score) for i in t.indicators] == [
        ("产出指标", "数量指标", "培训场次", 40.0),
        ("产出指标", "质量指标", "合格率", 40.0),
        ("效益指标", "社会效益指标", "提升能力", 10.0),
    ]
