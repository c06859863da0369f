"""Scans and PDF copies read as laid out (rounds le–ln of the written tables).

A scan's OCR text keeps its lines but drifts its columns; a PDF viewer's copy prints a cell a
line, wrapped at the page column's width. Each test below builds the smallest text that shows
one way such a copy goes wrong, and asserts how it is read.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.errors import InputError
from reviewer.ingest.fixed import fixed_rows
from reviewer.ingest.rebuild.wrapped import unwrapped
from reviewer.pipeline import review
from tests.test_text_layouts import _laid_out

HEADER = _laid_out(
    (2, "一级指标"), (14, "二级指标"), (26, "三级指标"), (48, "年度指标值"),
    (62, "实际完成值"), (76, "分值"), (84, "得分"), (92, "偏差原因分析及改进措施"),
)  # fmt: skip


def _row(*cells: tuple[int, str]) -> str:
    return _laid_out(*cells)


def _cells(lines: list[str]) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in fixed_rows(lines)]


def test_a_full_width_figure_one_space_from_the_next_columns_cell_is_two_cells() -> None:
    # kz05: ９７.００％ ９.７０, each digit twice as wide as the header counted it
    funds = [
        _laid_out((20, "年初预算数"), (34, "全年预算数"), (48, "全年执行数"), (62, "分值"),
                  (70, "执行率"), (82, "得分")),
        _laid_out((2, "年度资金总额"), (20, "１２０.００"), (34, "１２０.００"), (48, "１１６.４０"),
                  (62, "10"), (70, "９７.００％ ９.７０")),
        _laid_out((2, "其中：财政拨款"), (20, "１００.００"), (34, "１００.００"), (48, "９６.４０")),
    ]  # fmt: skip
    assert _cells(funds)[1] == [
        "年度资金总额", "１２０.００", "１２０.００", "１１６.４０", "10", "９７.００％", "９.７０"
    ]  # fmt: skip


def test_a_seals_pieces_among_the_rows_are_taken_out_and_reported(tmp_path: Path) -> None:
    # le04: the round seal of 沈丘县卫生健康委员会 read across a funds row and a target
    lines = [
        _laid_out((30, "项目支出绩效自评表")),
        "",
        _laid_out((0, "项目名称"), (18, "基本公共卫生服务项目")),
        _laid_out((0, "主管部门"), (18, "沈丘县卫生健康委员会"), (58, "实施单位"),
                  (70, "沈丘县基层卫生服务中心")),
        "",
        HEADER,
        _row((2, "产出指标"), (14, "数量指标"), (26, "健康管理率"), (39, "健康委"),
             (48, "≥62%"), (62, "63.4%"), (76, "10"), (84, "10")),
        _row((14, "质量指标"), (26, "档案使用率"), (48, "≥60%"), (62, "61.5%"), (76, "10"),
             (84, "10")),
        _row((14, "时效指标"), (26, "资金拨付及时率"), (48, "100%"), (62, "100%"), (76, "10"),
             (84, "10")),
        _row((14, "成本指标"), (26, "人均补助标准"), (48, "=89元"), (62, "89元"), (76, "20"),
             (84, "20")),
        _row((2, "效益指标"), (14, "社会效益指标"), (26, "健康素养水平"), (48, "≥25%"),
             (62, "26.3%"), (76, "30"), (84, "30")),
        _row((2, "满意度指标"), (14, "服务对象满意度指标"), (36, "居民满意度"), (48, "≥85%"),
             (62, "91.2%"), (76, "20"), (84, "20")),
        _row((0, "总分"), (76, "100"), (84, "100")),
    ]  # fmt: skip
    path = tmp_path / "seal.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = parse_file(path)
    (row, *_) = report.tables[0].indicators
    assert (row.name, row.target) == ("健康管理率", "≥62%")
    assert any(x.text == "健康委" and "印章" in x.reason for x in report.leftovers)


def test_two_figures_in_one_column_go_into_the_empty_column_beside_them() -> None:
    # hn03: 95.2%   10   10 printed right of 分值, the 分值 column empty on the line
    lines = [
        HEADER,
        _row((2, "产出指标"), (14, "数量指标"), (26, "受益人数"), (48, "≥90%"), (62, "95.2%"),
             (76, "10"), (84, "10")),
        _row((14, "质量指标"), (26, "教师满意度"), (48, "≥90%"), (62, "95.2%"), (83, "10"),
             (89, "10")),
    ]  # fmt: skip
    assert _cells(lines)[-1][-2:] == ["10", "10"]  # two cells, not one 1010


def test_a_line_between_two_rows_opening_a_category_goes_with_the_row_below() -> None:
    # jd01: 成本指标 | 家庭医生签约服务费 on the line between two rows' figures
    lines = [
        HEADER,
        _row((2, "产出指标"), (14, "时效指标"), (26, "补助资金拨付及时率"), (48, "=100%"),
             (62, "100%"), (76, "10"), (84, "10")),
        _row((14, "成本指标"), (26, "家庭医生签约服务费")),
        _row((26, "人均补助标准"), (48, "≤40元/人"), (62, "40元/人"), (76, "10"), (84, "10")),
    ]  # fmt: skip
    got = _cells(lines)
    assert ["成本指标", "家庭医生签约服务费人均补助标准", "≤40元/人", "40元/人", "10", "10"] in got


def test_a_names_first_line_goes_below_when_the_row_above_has_ended_its_name() -> None:
    # le06: 送戏下乡演出场次 ≥200场 … / 举办县级以上 / 体育赛事场次 ≥12场 …
    lines = [
        HEADER,
        _row((2, "产出指标"), (14, "数量指标"), (26, "送戏下乡演出场次"), (48, "≥200场"),
             (62, "186场"), (76, "10"), (84, "9.30")),
        _row((26, "举办县级以上")),
        _row((26, "体育赛事场次"), (48, "≥12场"), (62, "14场"), (76, "10"), (84, "10")),
        _row((26, "维修涵闸等小型水利"), (48, "≥35座"), (62, "37座"), (76, "6"), (84, "6")),
        _row((26, "设施")),
        _row((26, "工程设施完好率"), (48, "≥90%"), (62, "92%"), (76, "8"), (84, "8")),
    ]  # fmt: skip
    names = [r[-5] for r in _cells(lines)[1:]]
    assert names == [
        "送戏下乡演出场次",
        "举办县级以上体育赛事场次",
        "维修涵闸等小型水利设施",  # …水利 does not end a name: 设施 is its end
        "工程设施完好率",
    ]


def test_the_title_again_and_a_total_row_take_no_rows_cells() -> None:
    # hg06: 项目支出绩效自评表（续） over a page's first row; lj02: 满意度 / 指标 over 总分
    lines = [
        HEADER,
        _row((2, "产出指标"), (14, "数量指标"), (26, "补助寄宿生人数"), (48, "≥1450人"),
             (62, "1450人"), (76, "20"), (84, "20")),
        _row((20, "项目支出绩效自评表（续）")),
        _row((14, "成本指标"), (26, "生均补助标准"), (48, "=750元/人"), (62, "750元/人"),
             (76, "10"), (84, "10")),
        _row((2, "满意度"), (14, "服务对象"), (26, "学生满意度"), (48, "≥90%"), (62, "95%"),
             (76, "10"), (84, "10")),
        _row((2, "指标"), (14, "满意度指标")),
        _row((16, "总分"), (76, "40"), (84, "40")),
    ]  # fmt: skip
    got = _cells(lines)
    assert ["项目支出绩效自评表（续）"] in got
    assert ["满意度指标", "服务对象满意度指标", "学生满意度", "≥90%", "95%", "10", "10"] in got
    assert ["总分", "40", "40"] in got


def test_a_funds_label_and_its_first_amount_in_one_column_are_two_cells() -> None:
    # lj01/lj02: the labels drift across where 年初预算数 starts, dropping that column
    lines = [
        _laid_out((23, "年初预算数"), (38, "全年预算数"), (53, "全年执行数"), (68, "分值"),
                  (77, "执行率"), (88, "得分")),
        _laid_out((1, "项目资金"), (14, "年度资金总额"), (32, "860"), (47, "860"),
                  (62, "851.4"), (76, "10"), (85, "99.00%"), (96, "9.90")),
        _laid_out((1, "（万元）"), (13, "其中：当年财政拨款"), (34, "860"), (48, "860"),
                  (63, "851.4")),
        _laid_out((16, "上年结转资金")),
        _laid_out((16, "其他资金")),
    ]  # fmt: skip
    got = _cells(lines)
    assert ["项目资金", "年度资金总额", "860", "860", "851.4", "10", "99.00%", "9.90"] in got
    assert ["（万元）", "其中：当年财政拨款", "860", "860", "851.4"] in got
    assert ["上年结转资金"] in got and ["其他资金"] in got  # rows of their own


def test_the_goals_labels_stacked_on_lines_of_their_own(tmp_path: Path) -> None:
    # le02: 年度总体 | 预期目标, the texts under it, then 实际完成情况 alone, its texts under it
    path = tmp_path / "goals.txt"
    path.write_text(
        "项目名称\t农村义务教育学生营养改善计划\n"
        "年度总体\t预期目标\n"
        "目标\t为全县学生提供营养膳食补助，\n"
        "\t全年按200天在校时间保障。\n"
        "\t实际完成情况\n"
        "\t全年为31,230名学生提供营养膳食补助，\n"
        "\t按198天发放。\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t受益学生人数\t≥31000人\t31230人\t90\t90\n",
        encoding="utf-8",
    )
    (table,) = parse_file(path).tables
    assert table.goal_expected == "为全县学生提供营养膳食补助，全年按200天在校时间保障。"
    assert table.goal_actual == "全年为31,230名学生提供营养膳食补助，按198天发放。"


def test_a_wrapped_cells_rest_is_joined_to_the_full_line_before_it() -> None:
    # lf01, lk03: a PDF viewer's copy wrapped at 18 characters
    lines = [
        "新建高标准农田面积验收合格的单项工",  # 17: no full line
        "验收合格的单项工程占已完工单项工程的",  # 18
        "比例",
        "2处穿越省道路段因征地协调延后,未完成3",  # 18 wide? no: 20
        "家庭医生签约服务考核、激励机制运行情",  # 18
        "况",
        "项目资金实际支出数占预算数的比例的和",  # 18
        "满意度指标",  # a label: a cell of its own
    ]
    out, maybe = unwrapped(lines, lambda text: text == "满意度指标")
    assert not maybe  # no indicator header above: every rest is joined here
    assert out[1] == "验收合格的单项工程占已完工单项工程的比例" and out[2] == ""
    assert out[4] == "家庭医生签约服务考核、激励机制运行情况" and out[5] == ""
    assert out[7] == "满意度指标"


def test_the_hebei_budget_row_copied_a_cell_a_line_is_one_row(tmp_path: Path) -> None:
    # lf06: 预算执行率 | 预算执行率 | 项目资金实际支出数占预算数的比例 | = | 100 | …
    written = Path(__file__).parent.parent / "eval" / "datasets" / "written" / "lf" / "texts"
    (doc,) = written.glob("lf06_*")
    rows = parse_file(doc).tables[0].indicators
    last = rows[-1]
    assert (last.name, last.actual, last.weight, last.score) == ("预算执行率", "100.00%", 10, 10)
    assert not any(r.name.startswith("项目资金实际支出数") for r in rows)


def test_rows_with_actuals_and_no_targets_are_said_to_be_misread(tmp_path: Path) -> None:
    path = tmp_path / "untargeted.txt"
    path.write_text(
        "项目名称\t测试项目\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t甲\t\t10个\t30\t30\n"
        "\t质量指标\t乙\t\t95%\t30\t30\n"
        "\t时效指标\t丙\t\t按时\t30\t30\n",
        encoding="utf-8",
    )
    result = review(path)
    assert any("没有读到年度指标值" in f.message for f in result.findings if f.code == "P108")


def test_an_excerpt_opening_among_rows_whose_merged_labels_were_dropped(tmp_path: Path) -> None:
    # lq01: the first rows print no labels (their merged cells above the cut), later rows print
    # theirs: all are rows of the one table, read without a header
    path = tmp_path / "excerpt.txt"
    path.write_text(
        "标准农田面积 | ≥2.5万亩 | 2.5万亩 | 10 | 10 | |\n"
        "配套灌溉渠道长度 | ≥18公里 | 18.6公里 | 5 | 5 | |\n"
        "质量指标 | 工程验收合格率 | ≥95% | 100% | 5 | 5 | |\n"
        "时效指标 | 项目完工及时率 | 100% | 92% | 5 | 5 | |\n"
        "效益指标 | 经济效益指标 | 项目区粮食亩均增产 | ≥50公斤 | 56公斤 | 10 | 10 | |\n"
        "总分 | 100 | 99.62 | |\n",
        encoding="utf-8",
    )
    (table,) = parse_file(path).tables
    assert [(i.name, i.target, i.score) for i in table.indicators] == [
        ("标准农田面积", "≥2.5万亩", 10),
        ("配套灌溉渠道长度", "≥18公里", 5),
        ("工程验收合格率", "≥95%", 5),
        ("项目完工及时率", "100%", 5),
        ("项目区粮食亩均增产", "≥50公斤", 10),
    ]


def test_the_last_row_cut_after_its_target_is_a_row_of_its_own(tmp_path: Path) -> None:
    # lq05: 满意度指标 | 服务对象满意度指标 | 村民对文化礼堂满意度 | ≥90% and the text ends
    path = tmp_path / "cut.txt"
    path.write_text(
        "项目名称\t文化礼堂\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t活动场次\t≥480场\t500场\t50\t50\n"
        "效益指标\t可持续影响指标\t长效运行机制\t健全\t健全\t30\t30\n"
        "满意度指标\t服务对象满意度指标\t村民满意度\t≥90%\n",
        encoding="utf-8",
    )
    (table,) = parse_file(path).tables
    last = table.indicators[-1]
    assert (last.name, last.target, last.partial) == ("村民满意度", "≥90%", True)
    assert table.indicators[-2].name == "长效运行机制"


def test_a_fields_text_on_the_line_under_its_label_is_its_text(tmp_path: Path) -> None:
    # lo05: 2.项目实施内容及过程概述 alone on its line, its text on the next
    path = tmp_path / "field.txt"
    path.write_text(
        "项目名称\t送戏下乡\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t演出场次\t≥120场\t126场\t90\t90\n"
        "评价结论\n"
        "全年完成送戏下乡演出126场，群众反响良好，项目绩效目标全部实现。\n",
        encoding="utf-8",
    )
    result = review(path)
    assert "群众反响良好" in "".join(result.report.tables[0].fields.values())
    assert not any(x.text.startswith("全年完成送戏") for x in result.report.leftovers)


def test_a_hebei_copy_printing_each_groups_label_before_its_parts_is_read() -> None:
    # lp01: 预期指标值 | 符号 | 值 | 单位(文字描述) … 自评得分 | 单项指标得分 | 权重占比 | …
    written = Path(__file__).parent.parent / "eval" / "datasets" / "written" / "lp" / "texts"
    (doc,) = written.glob("lp01_*")
    table = parse_file(doc).tables[0]
    first = table.indicators[0]
    assert (first.name, first.target, first.weight, first.score) == (
        "高标准农田建设面积",
        ">=2.6万亩(面积)",
        20,
        20,
    )
    assert table.funds.annual_total.full_year_budget == 860


def test_an_excerpt_of_a_transfer_forms_rows_without_points(tmp_path: Path) -> None:
    # lq03: no header, no 分值 or 得分: each row a name, a target with its sign, an actual
    path = tmp_path / "transfer.txt"
    path.write_text(
        "\t\t0-6岁儿童健康管理率\t≥85%\t91.2%\t\n"
        "\t\t孕产妇系统管理率\t≥85%\t88.6%\t\n"
        "\t\t65岁及以上老年人健康管理率\t≥67%\t71.3%\t\n"
        "\t时效指标\t补助资金拨付及时率\t100%\t100%\t\n",
        encoding="utf-8",
    )
    (table,) = parse_file(path).tables
    assert [(i.name, i.target, i.actual, i.weight) for i in table.indicators] == [
        ("0-6岁儿童健康管理率", "≥85%", "91.2%", None),
        ("孕产妇系统管理率", "≥85%", "88.6%", None),
        ("65岁及以上老年人健康管理率", "≥67%", "71.3%", None),
        ("补助资金拨付及时率", "100%", "100%", None),
    ]


def test_three_lines_of_names_and_plain_numbers_are_no_indicator_rows(tmp_path: Path) -> None:
    # a table of amounts by year has no target with a sign: not read as indicator rows
    path = tmp_path / "amounts.txt"
    path.write_text(
        "\t教育支出\t120.5\t130.2\n\t卫生支出\t80.1\t85.6\n\t交通支出\t60.0\t66.3\n",
        encoding="utf-8",
    )
    try:
        tables = parse_file(path).tables
    except InputError:
        return
    assert all(not t.indicators for t in tables)


def test_a_long_cells_middle_lines_are_joined() -> None:
    # mc06: an explanation wrapped over four lines of 12, each as long as the column is wide
    lines = [
        "受强降雨影响部分山场林道塌",
        "方，除治队伍无法进场作业，约",
        "两成疫木未能在年度内完成采伐",
        "除治。",
        "其他",
        "其他",
    ]
    lines = [line[:12] for line in lines[:3]] + lines[3:]
    out, _ = unwrapped(lines, lambda text: False)
    assert out[0] == "".join(lines[:4]) and out[1:4] == ["", "", ""]


# A PDF viewer's copy of a transfer form a cell a line, wrapped at 12 characters: a name as
# long as the column is wide, then its target of words (…服务差距 / 不断缩小), and a name
# wrapped after 12 (65岁及以上老年人城乡社 / 区规范健康管理服务率).
_TRANSFER_COPY = [
    "区域绩效目标自评表",
    "转移支付名称",
    "基本公共卫生服务补助资金",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "实际完成值",
    "偏差原因分析及改进措施",
    "产出指标",
    "数量指标",
    "0-6岁儿童健康管理率",
    "≥85%",
    "91.2%",
    "65岁及以上老年人城乡社",
    "区规范健康管理服务率",
    "≥62%",
    "66.8%",
    "效益指标",
    "社会效益指标",
    "城乡居民公共卫生服务差距",
    "不断缩小",
    "逐步缩小",
    "基层医疗卫生机构服务能力",
    "良好",
    "良好",
    "满意度指标",
    "服务对象满意度指标",
    "城乡居民对基本公共卫生服",
    "务满意度",
    "≥85%",
    "90.2%",
]


def test_a_rest_among_the_rows_is_joined_only_where_the_row_reads_whole(tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(_TRANSFER_COPY) + "\n", encoding="utf-8")
    (table,) = parse_file(path).tables
    assert [(i.name, i.target, i.actual) for i in table.indicators] == [
        ("0-6岁儿童健康管理率", "≥85%", "91.2%"),
        ("65岁及以上老年人城乡社区规范健康管理服务率", "≥62%", "66.8%"),
        ("城乡居民公共卫生服务差距", "不断缩小", "逐步缩小"),
        ("基层医疗卫生机构服务能力", "良好", "良好"),
        ("城乡居民对基本公共卫生服务满意度", "≥85%", "90.2%"),
    ]


def test_a_running_head_naming_the_report_after_a_pages_number_is_no_cell(
    tmp_path: Path,
) -> None:
    # mc05: 第1页 then …农业农村局2022年度项目绩效自评, between a row's cells and the next row
    head = ["第1页", "某县卫生健康委员会2023年度项目绩效自评"]
    lines = [*_TRANSFER_COPY[:18], *head, *_TRANSFER_COPY[18:]]
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (table,) = parse_file(path).tables
    assert [i.name for i in table.indicators][2] == "城乡居民公共卫生服务差距"
    assert not any("2023年度" in i.name for i in table.indicators)


WRITTEN = Path(__file__).parent.parent / "eval" / "datasets" / "written"


def test_a_funds_total_label_under_its_figures_stays_with_them() -> None:
    # ly01: 项目资金 and the figures, then （万元） 年度资金总额, then 其中：当年财政拨款 …
    (doc,) = (WRITTEN / "ly" / "texts").glob("ly01_*")
    funds = parse_file(doc).tables[0].funds
    assert (funds.annual_total.initial_budget, funds.annual_total.full_year_budget) == (1280, 1350)
    appropriation = funds.current_year_appropriation
    assert (appropriation.initial_budget, appropriation.executed) == (1280, 1226.54)


def test_a_goal_row_repeating_its_merged_cells_is_read_once(tmp_path: Path) -> None:
    # ma04: a Word table's rows as a converter prints them, a merged cell once a column
    expected, actual = "养护县乡道1126公里。", "完成养护1126公里。"
    rows = [
        ["项目名称", *["农村公路日常养护"] * 6],
        [
            "项目资金（万元）",
            "",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
        ["项目资金（万元）", "年度资金总额", "862.00", "862.00", "855.46", "10", "99.24%", "9.92"],
        ["年度总体目标", *["预期目标"] * 3, *["实际完成情况"] * 3],
        ["年度总体目标", *[expected] * 3, *[actual] * 3],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "养护里程", "≥1126公里", "1126公里", "90", "90"],
    ]
    path = tmp_path / "merged.txt"
    path.write_text("".join(" | ".join(r) + "\n" for r in rows), encoding="utf-8")
    (table,) = parse_file(path).tables
    assert (table.goal_expected, table.goal_actual) == (expected, actual)


def test_a_narrow_columns_wraps_are_read(tmp_path: Path) -> None:
    # me03: a copy wrapped at 10 characters, a bare page number and the title again between
    # rows, a key as wide as the column followed by its value (转移支付（项目）名称 / 基本…)
    lines = [
        "转移支付区域绩效目标自评表",
        "转移支付（项目）名称",
        "基本公共卫生服务补助",
        "资金",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "全年实际值",
        "未完成原因分析及改进",
        "措施",
        "产出指标",
        "数量指标",
        "居民电子健康档案建档",
        "率",
        "≥90%",
        "92.6%",
        "65岁及以上老年人健",
        "康管理率",
        "≥67%",
        "70.4%",
        "2",
        "转移支付区域绩效目标自评表",
        "质量指标",
        "基本公卫项目管理制度",
        "健全",
        "健全",
        "效益指标",
        "社会效益指标",
        "城乡居民基本公共卫生",
        "服务均等化水平",
        "逐步提高",
        "逐步提高",
    ]
    path = tmp_path / "narrow.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (table,) = parse_file(path).tables
    assert table.project == "基本公共卫生服务补助资金"
    assert [(i.name, i.target, i.actual) for i in table.indicators] == [
        ("居民电子健康档案建档率", "≥90%", "92.6%"),
        ("65岁及以上老年人健康管理率", "≥67%", "70.4%"),
        ("基本公卫项目管理制度", "健全", "健全"),
        ("城乡居民基本公共卫生服务均等化水平", "逐步提高", "逐步提高"),
    ]


def test_a_header_label_over_two_lines_set_apart_is_one_column() -> None:
    # mf02: 实际 over 完成值 and 三级 over 指标, each a few characters apart on the scan
    (doc,) = (WRITTEN / "mf" / "texts").glob("mf02_*")
    first = parse_file(doc).tables[0].indicators[0]
    assert (first.name, first.target, first.actual, first.weight, first.score) == (
        "65岁以上老年人健康管理人数",
        "≥1.2万人",
        "1.23万人",
        10,
        10,
    )


def test_funds_labels_printed_under_their_figures_go_with_them() -> None:
    # mf05: each funds row's figures, then its label on the line under them
    lines = [
        _laid_out((38, "年初预算数"), (51, "全年预算数"), (63, "全年执行数")),
        _laid_out((38, "680.00"), (51, "680.00"), (63, "655.20")),
        _laid_out((1, "项目资金"), (15, "年度资金总额")),
        _laid_out((1, "（万元）"), (38, "520.00"), (51, "520.00"), (63, "495.20")),
        _laid_out((13, "其中：当年财政拨款")),
        _laid_out((38, "160.00"), (51, "160.00"), (63, "160.00")),
        _laid_out((14, "上年结转资金")),
    ]  # fmt: skip
    got = _cells(lines)
    assert ["年度资金总额", "680.00", "680.00", "655.20"] in got
    assert any(r[-4:] == ["其中：当年财政拨款", "520.00", "520.00", "495.20"] for r in got)
    assert ["上年结转资金", "160.00", "160.00", "160.00"] in got


def test_rows_with_points_and_no_scores_under_a_scored_total_are_said_misread(
    tmp_path: Path,
) -> None:
    path = tmp_path / "unscored.txt"
    path.write_text(
        "项目名称\t测试项目\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t甲\t≥10个\t10个\t30\t\n"
        "\t质量指标\t乙\t≥95%\t96%\t30\t\n"
        "\t时效指标\t丙\t按时\t按时\t30\t\n"
        "总分\t\t\t\t\t90\t88\n",
        encoding="utf-8",
    )
    result = review(path)
    assert any("有分值而没有读到得分" in f.message for f in result.findings if f.code == "P108")


def test_pipe_rows_without_outer_pipes_end_at_their_lines_end(tmp_path: Path) -> None:
    # rows pasted as 项目名称 | 某项目, fewer cells on some lines: no cell goes on to the next
    path = tmp_path / "unedged.txt"
    path.write_text(
        "项目名称 | 农村公路日常养护\n"
        "年度总体目标 | 预期目标 | 实际完成情况\n"
        "年度总体目标 | 养护县乡道1126公里。 | 完成养护1126公里。\n"
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n"
        "产出指标 | 数量指标 | 养护里程 | ≥1126公里 | 1126公里 | 90 | 90\n",
        encoding="utf-8",
    )
    (table,) = parse_file(path).tables
    assert table.project == "农村公路日常养护"
    assert (table.goal_expected, table.goal_actual) == (
        "养护县乡道1126公里。",
        "完成养护1126公里。",
    )


def test_a_title_marked_continued_goes_on_with_the_table_without_a_page_break(
    tmp_path: Path,
) -> None:
    # mm06: a Word table's text, 附表2 项目支出绩效自评表（续） and the header again
    head = "|绩效指标|一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分|\n"
    path = tmp_path / "continued.txt"
    path.write_text(
        "附表2  项目支出绩效自评表\n|项目名称|城乡最低生活保障资金|\n" + head
        + "||产出指标|数量指标|保障人数|≥5000人|5120人|50|50|\n"
        + "附表2  项目支出绩效自评表（续）\n" + head
        + "||效益指标|社会效益指标|应保尽保率|100%|100%|40|40|\n"
        + "|总分|100|100|\n",
        encoding="utf-8",
    )  # fmt: skip
    (table,) = parse_file(path).tables
    assert [i.name for i in table.indicators] == ["保障人数", "应保尽保率"]


def test_a_department_forms_breakdown_under_its_columns_label(tmp_path: Path) -> None:
    # mm06: 按收入性质分 | 全年执行数 | 按支出性质分 | 全年执行数, then label | amount pairs
    path = tmp_path / "breakdown.txt"
    path.write_text(
        "部门整体支出绩效自评表\n"
        "|部门（单位）名称|某县民政局|\n"
        "|年度预算资金（万元）|年初预算数|全年预算数|全年执行数|分值|执行率|得分|\n"
        "|年度资金总额|8426.70|8426.70|8366.18|10|99.28%|9.93|\n"
        "|按收入性质分|全年执行数|按支出性质分|全年执行数|\n"
        "|一般公共预算拨款|8066.18|基本支出|602.45|\n"
        "|政府性基金预算拨款|300.00|项目支出|7763.73|\n"
        "|绩效指标|一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分|\n"
        "||履职效能|重点工作|社会救助发放率|100%|100%|90|90|\n",
        encoding="utf-8",
    )
    result = review(path)
    assert not any(f.code.startswith("F") for f in result.findings)  # each side adds up


def test_the_breakdowns_side_labels_on_a_line_of_their_own_are_their_own_row() -> None:
    # mj05: 按收入性质分:  按支出性质分: under the total's figures
    lines = [
        _laid_out((30, "年初预算数"), (46, "全年预算数"), (62, "全年执行数")),
        _laid_out((1, "年度资金总额"), (30, "1,452.80"), (46, "1,452.80"), (62, "1,437.25")),
        _laid_out((1, "按收入性质分:"), (48, "按支出性质分:")),
        _laid_out((1, "一般公共预算财政拨款"), (24, "1,452.80"), (48, "基本支出"), (63, "968.30")),
    ]  # fmt: skip
    got = _cells(lines)
    assert ["年度资金总额", "1,452.80", "1,452.80", "1,437.25"] in got
    assert ["按收入性质分:", "按支出性质分:"] in got


def test_a_row_named_by_another_categorys_label_is_said_misread(tmp_path: Path) -> None:
    path = tmp_path / "shifted.txt"
    path.write_text(
        "项目名称\t测试项目\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t甲\t≥10个\t10个\t30\t30\n"
        "效益指标\t经济效益指标\t社会效益指标\t损失明显降低\t明显降低\t30\t30\n"
        "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t95%\t30\t30\n",
        encoding="utf-8",
    )
    result = review(path)
    assert any("名称是类别" in f.message for f in result.findings if f.code == "P108")


def test_a_labels_first_line_goes_where_its_names_first_line_goes() -> None:
    # ms02: 时效 / 指标 and 项目完工 / 及时率 over two lines, the row above's 质量 / 指标 ended
    lines = [
        HEADER,
        _row((14, "质量"), (26, "项目工程验收")),
        _row((14, "指标"), (26, "合格率"), (48, "100%"), (62, "100%"), (76, "10"), (84, "10")),
        _row((14, "时效"), (26, "项目完工")),
        _row((14, "指标"), (26, "及时率"), (48, "≥95%"), (62, "96%"), (76, "10"), (84, "10")),
    ]  # fmt: skip
    assert [r[:2] for r in _cells(lines)[1:]] == [
        ["质量指标", "项目工程验收合格率"],
        ["时效指标", "项目完工及时率"],
    ]


def test_a_labels_tail_drifted_a_column_right_is_still_its_tail() -> None:
    # ly01: 服务对象 / 满意度 / 指标, the last piece alone under the name column
    lines = [
        HEADER,
        _row((2, "满意度"), (14, "服务对象"), (26, "受益农户满")),
        _row((2, "指标"), (14, "满意度"), (26, "意度"), (48, "≥90%"), (62, "95.2%"), (76, "10"),
             (84, "10")),
        _row((27, "指标")),
    ]  # fmt: skip
    assert _cells(lines)[1][:3] == ["满意度指标", "服务对象满意度指标", "受益农户满意度"]


def test_a_row_of_qualitative_values_is_a_row_of_its_own() -> None:
    # lo06: a transfer form without points; 建立健全 | 已建立健全 carry no figure
    lines = [
        _laid_out((2, "一级指标"), (14, "二级指标"), (26, "三级指标"), (48, "指标值"),
                  (62, "全年实际值")),
        _row((2, "效益指标"), (14, "社会效益"), (26, "受益贫困人口"), (48, "≥0.8万人"),
             (62, "0.83万人")),
        _row((14, "可持续影响"), (26, "工程长效运行管护机制"), (48, "建立健全"), (62, "已建立健全")),
        _row((2, "满意度指标"), (14, "服务对象"), (26, "受益群众满意度"), (48, "≥90%"), (62, "93%")),
    ]  # fmt: skip
    names = [r for r in _cells(lines)[1:]]
    assert ["可持续影响", "工程长效运行管护机制", "建立健全", "已建立健全"] in names
    assert ["社会效益", "受益贫困人口", "≥0.8万人", "0.83万人"] in [r[1:] for r in names]


def test_rows_of_words_that_keep_pace_are_rows_of_their_own() -> None:
    # mx05: 资金下达及时性 | 及时 | 及时, 城乡居民公共卫生差距 | 不断缩小 | 不断缩小
    lines = [
        _laid_out((2, "一级指标"), (14, "二级指标"), (26, "三级指标"), (48, "指标值"),
                  (62, "实际完成值")),
        _row((2, "产出指标"), (14, "质量指标"), (26, "疫苗接种率"), (48, "≥90%"), (62, "96.5%")),
        _row((14, "时效指标"), (26, "资金下达及时性"), (48, "及时"), (62, "及时")),
        _row((2, "效益指标"), (14, "社会效益"), (26, "公共卫生差距"), (48, "不断缩小"),
             (62, "不断缩小")),
        _row((2, "满意度指标"), (14, "服务对象"), (26, "居民满意度"), (48, "≥85%"), (62, "90.6%")),
    ]  # fmt: skip
    rows = _cells(lines)[1:]
    assert ["时效指标", "资金下达及时性", "及时", "及时"] in rows
    assert ["效益指标", "社会效益", "公共卫生差距", "不断缩小", "不断缩小"] in rows


def test_a_finance_bureaus_seal_among_the_rows_is_taken_out(tmp_path: Path) -> None:
    # mx06: 同心县财政局 alone between two rows, 专用章 after a row's figures: the seal
    lines = [
        _laid_out((30, "项目支出绩效自评表")),
        "",
        _laid_out((0, "项目名称"), (18, "农村供水工程维修养护")),
        _laid_out((0, "主管部门"), (18, "某县水务局"), (58, "实施单位"), (70, "某县水务局")),
        "",
        HEADER,
        _row((2, "产出指标"), (14, "数量指标"), (26, "维修养护工程"), (48, "≥45处"), (62, "46处"),
             (76, "20"), (84, "20")),
        _row((14, "质量指标"), (26, "验收合格率"), (48, "≥95%"), (62, "100%"), (76, "30"),
             (84, "30")),
        _row((64, "某县财政局")),
        _row((2, "效益指标"), (14, "社会效益指标"), (26, "受益人口"), (48, "≥3.5万人"),
             (62, "3.62万人"), (76, "30"), (84, "30"), (94, "专用章")),
        _row((2, "满意度指标"), (14, "服务对象满意度指标"), (36, "群众满意度"), (48, "≥90%"),
             (62, "92%"), (76, "20"), (84, "20")),
        _row((0, "总分"), (76, "100"), (84, "100")),
    ]  # fmt: skip
    path = tmp_path / "seal.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = parse_file(path)
    rows = report.tables[0].indicators
    assert [(i.name, i.actual, i.explanation) for i in rows[1:3]] == [
        ("验收合格率", "100%", ""),
        ("受益人口", "3.62万人", ""),
    ]
    assert {x.text for x in report.leftovers} >= {"某县财政局", "专用章"}


def test_pieces_of_the_units_name_between_rows_are_its_seal(tmp_path: Path) -> None:
    # nc04: the department's seal read as 某县卫生 over a row and 健康委员会 under another
    lines = [
        _laid_out((30, "项目支出绩效自评表")),
        "",
        _laid_out((0, "项目名称"), (18, "基本公共卫生服务")),
        _laid_out((0, "主管部门"), (18, "某县卫生健康委员会"), (58, "实施单位"), (70, "某县疾控中心")),
        "",
        HEADER,
        _row((2, "产出指标"), (14, "数量指标"), (26, "建档率"), (48, "≥90%"), (62, "91.2%"),
             (76, "40"), (84, "40")),
        _row((26, "某县卫生")),
        _row((2, "效益指标"), (14, "社会效益指标"), (26, "服务能力"), (48, "持续提升"),
             (62, "持续提升"), (76, "30"), (84, "30")),
        _row((48, "(专用章)")),  # nr04: the seal's centre in brackets, under a row's target
        _row((2, "满意度指标"), (14, "服务对象满意度指标"), (36, "居民满意度"), (48, "≥80%"),
             (62, "86.4%"), (76, "20"), (84, "20")),
        _row((40, "健康委员会")),
        _row((0, "总分"), (76, "90"), (84, "90")),
    ]  # fmt: skip
    path = tmp_path / "seal.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = parse_file(path)
    rows = report.tables[0].indicators
    assert [(i.name, i.l2) for i in rows] == [
        ("建档率", "数量指标"),
        ("服务能力", "社会效益指标"),
        ("居民满意度", "服务对象满意度指标"),
    ]
    assert {x.text for x in report.leftovers} >= {"某县卫生", "健康委员会", "(专用章)"}
    assert [i.target for i in rows] == ["≥90%", "持续提升", "≥80%"]


def test_a_group_label_narrower_than_its_parts_starts_no_column() -> None:
    # nh03: 自评得分 over 单项指标得分 | 权重占比 | 折算得分, starting inside the first of them:
    # an item score drifted a character right still falls in its column, not a column of
    # 自评得分's own
    lines = [
        _laid_out((0, "一级指标"), (11, "二级指标"), (25, "三级指标"), (47, "预期指标值"),
                  (66, "单项指标完成情况"), (88, "自评得分")),
        _laid_out((47, "符号"), (55, "值"), (61, "单位"), (79, "单项指标得分"),
                  (93, "权重占比(%)"), (106, "单项指标折算得分")),
        _laid_out((0, "产出指标"), (11, "数量指标"), (25, "维修养护工程处数"), (47, ">="),
                  (55, "120"), (61, "处"), (71, "完成"), (85, "100.00"), (99, "60"),
                  (112, "60.00")),
        _laid_out((0, "效果指标"), (11, "社会效益指标"), (25, "工程运行机制"), (47, "定性"),
                  (55, "健全"), (71, "完成"), (86, "100.00"), (100, "40"), (113, "40.00")),
    ]  # fmt: skip
    header, first, second = fixed_rows(lines)
    scores = [c.column for c in header.cells][-3:]  # 单项指标得分 | 权重占比(%) | 折算得分
    assert [c.column for c in first.cells][-3:] == scores
    assert [c.column for c in second.cells][-3:] == scores


def test_the_goal_blocks_lines_between_the_funds_and_the_indicators(tmp_path: Path) -> None:
    # nm02: 年度总体目标 alone on its line, then 预期目标：… and 实际完成情况：… wrapped over
    # lines of their own: not the last funds row's cells
    lines = [
        _laid_out((20, "部门整体支出绩效自评表")),
        _laid_out((0, "部门（单位）名称"), (24, "某县农业农村局")),
        _laid_out((0, "年度部门整体支出"), (26, "年初预算数"), (40, "全年预算数"),
                  (54, "全年执行数"), (68, "分值"), (76, "执行率"), (86, "得分")),
        _laid_out((0, "年度资金总额"), (27, "5,862.40"), (41, "6,120.85"), (55, "5,968.33"),
                  (69, "10"), (76, "97.51%"), (86, "9.75")),
        _laid_out((3, "其他资金"), (27, "100.00"), (41, "100.00"), (55, "100.00")),
        "年度总体目标",
        _laid_out((11, "预期目标：完成高标准农田建设3.5万亩，发放耕地地力保护补贴，")),
        _laid_out((11, "推进农村人居环境整治。")),
        _laid_out((11, "实际完成情况：建成高标准农田3.52万亩，发放耕地地力保护补贴")),
        _laid_out((11, "1.86万户，全年未发生重大动植物疫情。")),
        HEADER,
        _row((2, "产出指标"), (14, "数量指标"), (26, "高标准农田面积"), (48, "≥3.5万亩"),
             (62, "3.52万亩"), (76, "90"), (84, "90")),
        _row((0, "总分"), (76, "100"), (84, "99.75")),
    ]  # fmt: skip
    path = tmp_path / "goals.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    assert (
        t.goal_expected == "完成高标准农田建设3.5万亩，发放耕地地力保护补贴，推进农村人居环境整治。"
    )
    assert (
        t.goal_actual
        == "建成高标准农田3.52万亩，发放耕地地力保护补贴1.86万户，全年未发生重大动植物疫情。"
    )
    other = t.funds.other
    assert other is not None and other.executed == 100.0
