"""Ways of printing the forms met in round 66 of the written tables (ol–op): `pdftotext -layout`
rows whose figures sit on their name's last line, a name beside an explanation running down
to its row's figures, rows of words opening their categories, a PDF viewer's copy with blank
lines between rows wrapping its cells, a page's foot of two lines. Each test builds the
smallest text that shows one, and asserts how it is read.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.ingest.layouts import Layout
from reviewer.ingest.text import text_rows
from tests.test_form_variants import _written
from tests.test_round65_variants import SCAN_HEAD, SCAN_HEADER, SCAN_TOTAL, _scan_row
from tests.test_text_layouts import _laid_out


def _names(tmp_path: Path, lines: list[str]) -> list[str]:
    (t,) = parse_file(_written(tmp_path, lines)).tables
    return [r.name for r in t.indicators]


def test_a_short_line_ends_its_cell_and_the_full_line_after_it_opens_the_next(
    tmp_path: Path,
) -> None:
    # om04: each row's figures on its name's last line (…日常养护里 / 程 ≥1260 …, 危桥改造（含
    # 加固） / 座数 ≥6 …): 危桥改造（含加固）, right under the row above's line, had been that
    # row's (农村公路日常养护里程危桥改造（含加固）), the row below named 座数
    lines = [
        *SCAN_HEAD,
        SCAN_HEADER,
        "  指标",
        _laid_out((9, "产出指标"), (20, "数量指标"), (41, "农村公路日常养护里")),
        _scan_row("", "", "程", "≥1260公里", "1260公里", "40"),
        _laid_out((41, "危桥改造（含加固）")),
        _scan_row("", "", "座数", "≥6座", "6座", "40"),
        _scan_row("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93.5%", "10"),
        SCAN_TOTAL,
    ]
    assert _names(tmp_path, lines) == [
        "农村公路日常养护里程",
        "危桥改造（含加固）座数",
        "沿线群众满意度",
    ]


def test_a_name_beside_an_explanation_running_down_to_its_figures(tmp_path: Path) -> None:
    # om01: 项目区受益农户数 printed three lines above its figures, beside its explanation's
    # first line, had been read into the name of the row right above it
    lines = [
        *SCAN_HEAD,
        SCAN_HEADER,
        "  指标",
        _scan_row("效益指标", "经济效益指标", "项目区亩均粮食增产", "≥50公斤", "50公斤", "40"),
        _laid_out((41, "项目区受益农户数"), (105, "部分农户承包地调整后未纳入")),
        _laid_out((20, "社会效益指标"), (105, "项目区，受益户数略低于目标")),
        _laid_out((105, "；下一步提前核实承包关系，")),
        _laid_out((63, "≥7000户"), (77, "6850户"), (91, "40"), (98, "39"), (105, "扩大受益面。")),
        _scan_row("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "92%", "10"),
        _laid_out((2, "总分"), (91, "90"), (98, "89")),
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert [(r.name, r.target) for r in t.indicators] == [
        ("项目区亩均粮食增产", "≥50公斤"),
        ("项目区受益农户数", "≥7000户"),
        ("受益群众满意度", "≥90%"),
    ]
    assert t.indicators[1].explanation.startswith("部分农户承包地调整后未纳入")


TRANSFER_HEAD = [
    "                           2020年度中央对地方转移支付区域绩效目标自评表",
    "转移支付（项目）名称  学生资助补助经费",
    "中央主管部门          教育部                 地方主管部门    某区教育局",
    "                                            全年预算数      全年执行数      执行率",
    "资金情况（万元）  年度资金总额               2,500.00        2,500.00      100.00%",
    "",
    _laid_out(
        (0, "一级指标"), (12, "二级指标"), (26, "三级指标"), (50, "指标值"), (68, "全年实际完成值")
    ),
]


def test_a_row_of_words_opening_its_category_is_a_row(tmp_path: Path) -> None:
    # om03: 时效指标 | 资助资金发放及时性 | 按学期及时足额发 | 按学期及时足额发放到学 (no
    # figure) had been read into the row above it, two categories' labels in one cell
    lines = [
        *TRANSFER_HEAD,
        _laid_out((0, "产出指标"), (12, "数量指标"), (26, "资助幼儿人次"), (50, "≥3200人次"),
                  (68, "3200人次")),
        _laid_out((12, "质量指标"), (26, "资助对象认定准确率"), (50, "100%"), (68, "100%")),
        _laid_out((12, "时效指标"), (26, "资助资金发放及时性"), (50, "按学期及时足额发"),
                  (68, "按学期及时足额发放到学")),
        _laid_out((50, "放"), (68, "生或家长账户")),
        _laid_out((0, "满意度指标"), (12, "服务对象满意度指标"), (32, "受助家长满意度"),
                  (50, "≥90%"), (68, "93.5%")),
    ]  # fmt: skip
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert [(r.l2, r.name, r.target) for r in t.indicators] == [
        ("数量指标", "资助幼儿人次", "≥3200人次"),
        ("质量指标", "资助对象认定准确率", "100%"),
        ("时效指标", "资助资金发放及时性", "按学期及时足额发放"),
        ("服务对象满意度指标", "受助家长满意度", "≥90%"),
    ]


def test_two_category_labels_in_one_cell_are_doubted(tmp_path: Path) -> None:
    # a guard for what om03 had read: 质量指标时效指标 in the 二级 column, said misread
    lines = [
        "项目支出绩效自评表",
        "项目名称\t学生资助补助经费",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t资助幼儿人次\t≥3200人次\t3200人次\t40\t40",
        "\t质量指标时效指标\t资助对象认定准确率资助资金发放及时性\t100%\t100%\t40\t40",
        "满意度指标\t服务对象满意度指标\t受助家长满意度\t≥90%\t93.5%\t10\t10",
        "总分\t\t\t\t\t90\t90",
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert any("两个类别连在一起" in d.reason for d in t.doubts)


def test_a_label_printed_with_its_group_is_no_two_labels(tmp_path: Path) -> None:
    # eo02 (a guard): 产出指标-数量指标, a form's own way to print the 二级 label with its group
    lines = [
        "项目支出绩效自评表",
        "项目名称\t基本公共卫生服务",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "效益指标\t产出指标-数量指标\t居民电子健康档案建档率\t≥90%\t92.4%\t40\t40",
        "\t产出指标-质量指标\t健康档案动态使用率\t≥60%\t71%\t40\t40",
        "满意度指标\t服务对象满意度指标\t居民满意度\t≥85%\t91%\t10\t10",
        "总分\t\t\t\t\t90\t90",
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert not any("两个类别连在一起" in d.reason for d in t.doubts)


# -- a PDF viewer's copy, a cell a line, a blank line between rows ------------------------------

VIEWER_HEAD = [
    "项目支出绩效自评表",
    "",
    "项目名称",
    "学前教育资助",
    "",
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
    "完成值",
    "分值",
    "得分",
    "",
]


def test_a_viewer_copy_with_blank_lines_between_rows_joins_its_wrapped_cells(
    tmp_path: Path,
) -> None:
    # ol04: 资助家庭经济困难幼 / 儿人数 (wrapped at nine characters) had been two cells, the
    # row's figures then a column off; 资助对象识别准确率, as wide as the column, keeps its =
    rows = [
        [
            "产出指标",
            "数量指标",
            "资助家庭经济困难幼",
            "儿人数",
            "≥",
            "4200",
            "人",
            "4295",
            "40",
            "40",
        ],
        ["质量指标", "资助对象识别准确率", "=", "100", "%", "100", "40", "40"],
        ["满意度指标", "服务对象满意度指标", "受助家庭满意度", "≥", "90", "%", "93.5", "10", "10"],
    ]
    lines = [*VIEWER_HEAD, *[s for r in rows for s in (*r, "")], "总分", "90", "90"]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert [(r.name, r.target, r.score) for r in t.indicators] == [
        ("资助家庭经济困难幼儿人数", "≥4200人", 40.0),
        ("资助对象识别准确率", "=100%", 40.0),
        ("受助家庭满意度", "≥90%", 10.0),
    ]


def test_a_pages_foot_of_two_lines_after_a_row_is_no_cell(tmp_path: Path) -> None:
    # ol04: the row's last points (10), a blank line, the report's name over 第 1 页: the 10 had
    # been taken for a bare page number, the foot read into the next row
    rows = [
        ["产出指标", "数量指标", "资助幼儿人数", "≥", "4200", "人", "4295", "40", "40"],
        ["质量指标", "资助对象识别准确率", "=", "100", "%", "100", "40", "10"],
    ]
    foot = ["某县教育局2024年度项目支出绩效自评", "第 1 页", ""]
    last = [
        "满意度指标",
        "服务对象满意度指标",
        "受助家庭满意度",
        "≥",
        "90",
        "%",
        "93.5",
        "10",
        "10",
    ]
    lines = [
        *VIEWER_HEAD,
        *[s for r in rows for s in (*r, "")],
        *foot,
        *last,
        "",
        "总分",
        "90",
        "60",
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert [(r.name, r.score) for r in t.indicators] == [
        ("资助幼儿人数", 40.0),
        ("资助对象识别准确率", 10.0),
        ("受助家庭满意度", 10.0),
    ]


def test_a_digit_no_number_is_read_as_is_before_a_title() -> None:
    # found by the layouts' fuzz test: a superscript two (²) after a title printed again,
    # which str.isdigit takes for a digit, had raised where a bare page number is looked for
    title = "财政项目支出绩效自评表"
    lines = [title, "", title, title, "²"]
    _, rows = text_rows([line + "\n" for line in lines], Layout.LINES)
    assert "²" in [c.text for r in rows for c in r.cells]
