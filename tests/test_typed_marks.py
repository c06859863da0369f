"""Tables retyped into a chat, a forum post or an e-mail, their cells parted by a typed mark
(/ 、 ； ｜ ——), and what a mail client does to the lines (quote marks, breaks at a width)."""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.ingest.layouts import Layout, detect_layout
from reviewer.ingest.marked import split_marked, typed_marks
from tests.test_phone_copies import _write

# A national form typed with slashes into a forum post, the replies around it.
SLASHED = [
    "【求助】自评表这样填对吗？",
    "楼主 小王 发表于 2024-4-2 09:10",
    "2023年度项目支出绩效自评表",
    "项目名称/乡村道路养护项目",
    "主管部门/某县交通运输局/实施单位/某县公路站",
    "项目资金（万元）/年初预算数/全年预算数/全年执行数/分值/执行率/得分",
    "年度资金总额/200.00/200.00/190.00/10/95.00%/9.50",
    "其中：当年财政拨款/200.00/200.00/190.00",
    "绩效指标（一级指标/二级指标/三级指标/年度指标值/实际完成值/分值/得分/偏差原因分析及改进措施）",
    "产出指标/数量指标/养护里程/≥120公里/126公里/20/20/",
    "产出指标/成本指标/养护单位成本/≤8000元/公里·年/7650元/公里·年/10/10/",
    "产出指标/时效指标/完工时间/2023/11/30前/2023/11/20/20/20/",
    "效益指标/社会效益指标/路况优良率(PQI/MQI)/≥80%/84%/30/30/",
    "满意度指标/服务对象满意度指标/群众满意度/≥90%/93%/10/10/",
    "总分：100分    自评得分：99.50分",
    "",
    "2# 老会计 发表于 2024-4-2 10:03",
    "看着没问题。",
]


def test_a_slash_typed_table_is_told_by_its_labels() -> None:
    assert typed_marks([s for s in SLASHED if s]) == ("/",)
    assert detect_layout(SLASHED) is Layout.MARKED


def test_a_slash_typed_table_is_read_row_by_row(tmp_path: Path) -> None:
    (t,) = parse_file(_write(tmp_path, SLASHED)).tables
    assert t.project == "乡村道路养护项目"
    assert t.funds.annual_total.executed == 190.0
    assert [(i.l1, i.name, i.target, i.actual, i.weight, i.score) for i in t.indicators] == [
        ("产出指标", "养护里程", "≥120公里", "126公里", 20.0, 20.0),
        # a unit counted per (元/公里) keeps its slash
        ("产出指标", "养护单位成本", "≤8000元/公里·年", "7650元/公里·年", 10.0, 10.0),
        # a date's slashes are the date's
        ("产出指标", "完工时间", "2023/11/30前", "2023/11/20", 20.0, 20.0),
        # a slash inside brackets is the name's
        ("效益指标", "路况优良率(PQI/MQI)", "≥80%", "84%", 30.0, 30.0),
        ("满意度指标", "群众满意度", "≥90%", "93%", 10.0, 10.0),
    ]
    # 总分：100分 and 自评得分：99.50分, each figure after its label
    assert (t.total_weight, t.total_score) == (100.0, 99.5)


def test_the_title_a_header_prints_its_columns_after_takes_no_column() -> None:
    cells = split_marked("绩效指标（一级指标/二级指标/三级指标）", 9, ("/",))
    assert [(c.column, c.text) for c in cells] == [
        (1, "一级指标"),
        (2, "二级指标"),
        (3, "三级指标"),
    ]
    assert cells[0].raw.startswith("绩效指标（")  # kept with the first column, not dropped


def test_a_label_and_a_colon_before_the_marked_cells_is_a_cell() -> None:
    cells = split_marked("其中：当年财政拨款：240/220/216.4", 3, ("/",))
    assert [c.text for c in cells] == ["其中：当年财政拨款", "240", "220", "216.4"]


def test_a_goals_text_is_cut_from_its_label_once() -> None:
    cells = split_marked("预期目标、完成养护120公里、改造危桥6座", 5, ("、",))
    assert [c.text for c in cells] == ["预期目标", "完成养护120公里、改造危桥6座"]


# A table typed into a forum with 、 between most cells and ； after the goal's labels.
TWO_MARKS = [
    "2022年度项目支出绩效自评表（单位：万元）",
    "项目名称、学校食堂改造项目",
    "主管部门、某县教育局、实施单位、某县教育局",
    "项目资金、年初预算数、全年预算数、全年执行数、分值、执行率、得分",
    "年度资金总额、460.00、482.00、482.00、10、100.00%、10",
    "预期目标；完成6所学校食堂改造；购置设备18套",
    "实际完成情况；完成6所学校食堂改造；购置设备18套",
    "一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分",
    "产出指标、数量指标、改造食堂数量、6所、6所、25、25",
    "产出指标、质量指标、验收合格率、100%、100%、25、25",
    "效益指标、社会效益指标、受益学生人数、≥3000人、3120人、30、30",
    "满意度指标、服务对象满意度指标、师生满意度、≥90%、96%、10、10",
    "总分、100、100",
]


def test_two_marks_a_typist_used_each_part_cells(tmp_path: Path) -> None:
    assert set(typed_marks(TWO_MARKS)) == {"、", "；"}
    (t,) = parse_file(_write(tmp_path, TWO_MARKS)).tables
    assert t.project == "学校食堂改造项目"
    assert t.goal_actual == "完成6所学校食堂改造；购置设备18套"
    assert [i.name for i in t.indicators] == [
        "改造食堂数量",
        "验收合格率",
        "受益学生人数",
        "师生满意度",
    ]


# A forwarded mail: quote marks before each line, cells parted by ——, lines broken at a width
# of 30 characters wherever they fell (inside a figure, inside a mark).
def _broken(line: str, width: int = 30) -> list[str]:
    return ["> " + line[k : k + width] for k in range(0, len(line), width)]


MAIL_ROWS = [
    "2021年度项目支出绩效自评表",
    "项目名称——农村饮水安全维修养护项目",
    "项目资金——年初预算数——全年预算数——全年执行数——分值——执行率——得分",
    "年度资金总额——1,250,000.00——1,250,000.00——1,187,500.00——10——95.00%——9.50",
    "一级指标——二级指标——三级指标——年度指标值——实际完成值——分值——得分",
    "产出指标——数量指标——维修养护供水工程处数——≥120处——126处——25——25",
    "产出指标——质量指标——维修工程验收合格率——100%——100%——25——25",
    "效益指标——社会效益指标——受益人口——≥4.5万人——4.62万人——30——30",
    "满意度指标——服务对象满意度指标——受益群众满意度——≥90%——93.5%——10——10",
    "总分——100——99.50",
]
MAIL = ["发件人：某县水利局", "收件人：县财政局", "", *[q for r in MAIL_ROWS for q in _broken(r)]]


def test_a_forwarded_mail_broken_at_its_width_is_read_as_typed(tmp_path: Path) -> None:
    assert detect_layout(MAIL) is Layout.MARKED
    (t,) = parse_file(_write(tmp_path, MAIL)).tables
    assert t.funds.annual_total.executed == 1187500.0
    assert [(i.name, i.target, i.actual, i.score) for i in t.indicators] == [
        ("维修养护供水工程处数", "≥120处", "126处", 25.0),
        ("维修工程验收合格率", "100%", "100%", 25.0),
        ("受益人口", "≥4.5万人", "4.62万人", 30.0),
        ("受益群众满意度", "≥90%", "93.5%", 10.0),
    ]


def test_indicators_typed_as_a_list_are_read_as_rows(tmp_path: Path) -> None:
    lines = [
        "项目支出绩效自评表",
        "项目名称：高标准农田建设项目",
        "｜项目资金｜年初预算数｜全年预算数｜全年执行数｜分值｜执行率｜得分｜",
        "｜年度资金总额｜3750.00｜3750.00｜3562.80｜10｜95.01%｜9.50｜",
        "三、绩效指标",
        "（一）产出指标",
        "数量指标：",
        "1. 新建高标准农田面积——指标值：≥2.5万亩；实际完成值：2.5万亩；分值：50；得分：50",
        "（二）效益指标",
        "2. 社会效益指标-受益农户数：目标≥1.2万户，完成1.25万户，分值30，得分30",
        "（三）满意度指标",
        "3.一级指标：满意度指标；二级指标：服务对象满意度指标；三级指标：受益群众满意度；"
        "年度指标值：≥90%；实际完成直：93%；分值：10；得分：10；偏差原因分析及改进措施：无",
        "总分：100；自评得分：99.5",
    ]
    (t,) = parse_file(_write(tmp_path, lines)).tables
    assert [(i.l1, i.l2, i.name, i.target, i.actual, i.weight, i.score) for i in t.indicators] == [
        ("产出指标", "数量指标", "新建高标准农田面积", "≥2.5万亩", "2.5万亩", 50.0, 50.0),
        ("效益指标", "社会效益指标", "受益农户数", "≥1.2万户", "1.25万户", 30.0, 30.0),
        # 实际完成直: the key typed with one character wrong
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", 10.0, 10.0),
    ]
    assert (t.total_weight, t.total_score) == (100.0, 99.5)


def test_lines_joined_at_a_width_stop_growing(tmp_path: Path) -> None:
    # a hostile text: the typed-mark rows, then thousands of lines each opening with the mark
    # (a row's cells wrapped, each goes on the line above): joined, but never into one
    # unbounded line
    filler = ["——某某"] * 3000
    path = _write(tmp_path, [*MAIL_ROWS * 10, *filler])
    from reviewer.ingest import read_grid

    assert read_grid(path).format == "text/marked"
    widest = max(len(r.cells) for r in read_grid(path).rows)
    assert widest <= 2000 // len("——某某") + 1  # cells of one row: 3000 had joined into one


def test_funds_typed_a_row_a_line_and_an_item_a_field_a_line_are_read(tmp_path: Path) -> None:
    lines = [
        "某县水利局2019年度项目支出绩效自评表",
        "项目名称：农村饮水工程",
        "项目资金（万元）：",
        "年度资金总额：年初预算数1,850.00；全年预算数2,120.00；全年执行数1,987.36；分值10；"
        "执行率93.74%；得分9.37",
        "其中：当年财政拨款：年初预算数1,600.00；全年预算数1,870.00；全年执行数1,742.16",
        "上年结转资金：年初预算数250.00；全年预算数250.00；全年执行数245.20",
        "绩效指标",
        "（一）产出指标（50分）",
        "1.数量指标",
        "（1）新建改造农村供水工程",
        "年度指标值：≥25处",
        "实际完成值：27处",
        "分值：50分",
        "得分：50分",
        "偏差原因分析及改进措施：无",
    ]
    (t,) = parse_file(_write(tmp_path, lines)).tables
    total = t.funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed) == (1850, 2120, 1987.36)
    assert (total.rate_pct, total.score) == (93.74, 9.37)
    assert t.funds.current_year_appropriation.executed == 1742.16
    assert t.funds.prior_year_carryover.executed == 245.2
    (row,) = t.indicators
    assert (row.l1, row.l2, row.name) == ("产出指标", "数量指标", "新建改造农村供水工程")
    assert (row.target, row.actual, row.weight, row.score) == ("≥25处", "27处", 50.0, 50.0)
    # each value is quoted at the line it is printed on
    assert row.cells["actual"].line == 12  # 实际完成值：27处


def test_a_20_80_forms_funds_typed_a_column_a_line_are_its_row(tmp_path: Path) -> None:
    lines = [
        "某区民政局2024年度项目绩效自评表",
        "项目名称：居家养老服务项目",
        "一、预算执行情况（20分）",
        "预算数（A）：486.00万元",
        "执行数（B）：371.79万元",
        "执行率（B/A）：76.50%",
        "得分（20分*执行率）：15.30",
        "二、年度绩效目标（80分）",
        "（一）产出指标（80分）",
        "1.数量指标：服务对象人数，年初目标值（A）≥1200人，实际完成值（B）1236人，得分80",
    ]
    (t,) = parse_file(_write(tmp_path, lines)).tables
    assert t.family == "20-80"  # its title is one the national form shares; its labels decide
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct) == (486.0, 371.79, 76.5)
    (row,) = t.indicators
    assert (row.l2, row.name, row.target, row.actual, row.score) == (
        "数量指标",
        "服务对象人数",
        "≥1200人",
        "1236人",
        80.0,
    )


def test_an_item_cut_at_its_marks_quotes_each_value_at_its_own_cell(tmp_path: Path) -> None:
    lines = [
        "2024年度项目支出绩效自评表",
        "项目名称／河湖管护项目",
        "主管部门／某县水利局／实施单位／某县河湖中心",
        "项目资金／年初预算数／全年预算数／全年执行数／分值／执行率／得分",
        "年度资金总额／100／100／95／10／95.00%／9.50",
        "（1）产出指标／数量指标／河湖巡查次数／年度指标值：≥1200次／实际完成值：1268次／分值：10／得分：10",
        "（2）满意度指标／服务对象满意度指标／群众满意度／年度指标值：≥90%／实际完成值：93%／分值：80／得分：80",
    ]
    (t,) = parse_file(_write(tmp_path, lines)).tables
    row = t.indicators[0]
    assert (row.name, row.target, row.actual, row.weight, row.score) == (
        "河湖巡查次数",
        "≥1200次",
        "1268次",
        10.0,
        10.0,
    )
    # 分值：10 and 得分：10: the same figure, each quoted at the cell it is printed in
    assert (row.cells["weight"].column, row.cells["score"].column) == (6, 7)


def test_slashes_with_spaces_part_cells_and_a_row_may_open_with_its_empty_cell(
    tmp_path: Path,
) -> None:
    # ja06: cells a space, a slash and a space apart: a slash inside a cell (8000元/场) is the
    # cell's; a row opening with the mark has its first cell empty, a new row, and the goal
    # block's labels before the text each take their cell
    lines = [
        "2019年度项目支出绩效自评表",
        "项目名称 / 非遗保护传承项目",
        "项目资金（元） / 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分",
        "年度资金总额 / 600000.00 / 600000.00 / 588000.00 / 10 / 98.00% / 9.80",
        "年度总体目标 / 预期目标 / 开展非遗展演展示活动40场以上。",
        " / 实际完成情况 / 全年开展非遗展演展示活动42场。",
        "一级指标 / 二级指标 / 三级指标 / 年度指标值 / 实际完成值 / 分值 / 得分 / 偏差原因分析及改进措施",
        "产出指标 / 数量指标 / 展演活动场次 / ≥40场 / 42场 / 50 / 50 / 无",
        "产出指标 / 成本指标 / 单场展演补助标准 / ≤8000元/场 / 8000元/场 / 10 / 10 / 无",
        "效益指标 / 社会效益指标 / 非遗传承氛围 / 提升 / 提升 / 20 / 20 / 无",
        "满意度指标 / 服务对象满意度指标 / 群众满意度 / ≥90% / 95% / 10 / 10 / 无",
        "总分 / 100 / 99.80",
    ]
    (t,) = parse_file(_write(tmp_path, lines)).tables
    assert t.goal_expected == "开展非遗展演展示活动40场以上。"
    assert t.goal_actual == "全年开展非遗展演展示活动42场。"
    cost = t.indicators[1]
    assert (cost.name, cost.target, cost.actual) == ("单场展演补助标准", "≤8000元/场", "8000元/场")


def test_a_mails_quoted_tab_table_keeps_its_columns(tmp_path: Path) -> None:
    # ja02: "> " before each tab row; a row opening with a tab (its first cell empty) keeps it
    rows = [
        "2022年度项目支出绩效自评表",
        "项目名称\t家庭医生签约服务",
        "项目资金（元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t1,200,000.00\t1,350,000.00\t1,287,450.00\t10\t95.37%\t9.54",
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "\t产出指标\t数量指标\t签约服务人数\t≥12万人\t12.6万人\t50\t50",
        "\t效益指标\t社会效益指标\t签约居民履约率\t≥90%\t93%\t30\t30",
        "\t满意度指标\t服务对象满意度指标\t签约居民满意度\t≥85%\t90.1%\t10\t9.54",
        "总分\t\t\t\t\t\t100\t99.08",
    ]
    lines = ["王科长：", "请核一下转来的表。", "", *("> " + r for r in rows), "", "--", "刘文"]
    (t,) = parse_file(_write(tmp_path, lines)).tables
    assert t.funds.annual_total.executed == 1287450.0
    first = t.indicators[0]
    assert (first.l1, first.name, first.target, first.actual) == (
        "产出指标",
        "签约服务人数",
        "≥12万人",
        "12.6万人",
    )
