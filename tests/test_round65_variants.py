"""Ways of printing the forms met in round 65 of the written tables (og–ok): a viewer's copy
wrapping a Hebei header's labels, a scan's page foot and running head between rows, a
category label alone between rows, a Word cell of two paragraphs in a row's name, the text
under a table with no 总分 row, a web page's table drawn with styled <div>s, a funds row its
rowspan left a column off. Each test builds the smallest text that shows one, and asserts how
it is read.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.ingest.rebuild.anchors import is_any_label
from reviewer.ingest.rebuild.wrapped import unwrapped
from tests.test_form_variants import _written
from tests.test_text_layouts import _laid_out

# -- a PDF viewer's copy, a cell a line, wrapped at eight characters ----------------------------

HEBEI_COPY = [
    "预算项目绩效自评",
    "表",
    "（2019年度）",
    "一、基本情况",
    "项目名称",
    "农村饮水安全工程",
    "维修养护",
    "实施（主管）单位",
    "内丘县水利局",
    "二、预算执行情况",
    "（万元）",
    "预算安排情况（调",
    "整后）",
    "资金执行情况",
    "预算执行进度（%",
    "）",
    "合计",
    "186.50",
    "186.50",
    "100.00",
    "四、年度绩效指标",
    "完成情况",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标分值",
    "预期指标值",
    "单项指标实际完成",
    "值",
    "单项指标完成情况",
    "自评得分",
    "符号",
    "值",
    "单位（文字描述）",
    "单项指标得分",
    "权重占比（%）",
    "单项指标折算得分",
    "产出指标",
    "数量指标",
    "维修养护供水工程",
    "数量",
    "100",
    "≥",
    "58",
    "处",
    "58处",
    "完成",
    "100",
    "45",
    "45",
    "质量指标",
    "维修工程验收合格",
    "率",
    "100",
    "=",
    "100",
    "%",
    "100%",
    "完成",
    "100",
    "45",
    "45",
    "预算执行率",
    "100",
    "=",
    "100",
    "%",
    "100.00%",
    "完成",
    "100",
    "10",
    "10",
    "合计",
    "100",
    "100",
]


def test_a_label_wrapped_at_the_width_is_one_label_though_its_rest_is_a_label_too() -> None:
    # oe05: 单项指标实际完成 / 值 (值 is Hebei's own label under 预期指标值) and the section's
    # title 四、年度绩效指标 / 完成情况 (完成情况 a column's label alone) were each two cells
    out, _ = unwrapped(HEBEI_COPY, is_any_label)
    assert "单项指标实际完成值" in out
    assert "四、年度绩效指标完成情况" in out
    assert out.count("值") == 1  # the 值 under 预期指标值 stays a cell of its own


def test_a_viewer_copy_of_a_hebei_form_wrapped_inside_its_header_is_read_whole(
    tmp_path: Path,
) -> None:
    # oe05: one row had been read of eight (单项指标实际完成 as a row), the rest left unread;
    # the name's rest 数量 reads as a category's label but ends the name above it
    (t,) = parse_file(_written(tmp_path, HEBEI_COPY)).tables
    rows = [(r.name, r.target, r.actual, r.weight, r.score) for r in t.indicators]
    assert rows == [
        ("维修养护供水工程数量", "≥58处", "58处", 45.0, 45.0),
        ("维修工程验收合格率", "=100%", "100%", 45.0, 45.0),
        ("预算执行率", "=100%", "100.00%", 10.0, 10.0),
    ]
    assert t.labels["actual"] == "单项指标实际完成值"
    assert not t.doubts


# -- a scan laid out by position: the page's foot and the next page's head between rows --------

SCAN_HEAD = [
    "黑龙江省某县交通运输局                                    2022年度部门决算公开",
    "                         项目支出绩效自评表",
    "  项目名称         农村公路日常养护专项资金",
    "  主管部门         某县交通运输局                 实施单位      某县农村公路养护中心",
    "  项目资金          年初预算数     全年预算数    全年执行数     分值     执行率      得分",
    "     年度资金总额     860.00        860.00        842.35       10      97.95%      9.79",
]
SCAN_HEADER = _laid_out(
    (2, "绩效"), (9, "一级指标"), (20, "二级指标"), (41, "三级指标"), (63, "年度指标值"),
    (77, "实际完成值"), (91, "分值"), (98, "得分"), (105, "偏差原因分析及改进措施"),
)  # fmt: skip
SCAN_TOTAL = _laid_out((2, "总分"), (91, "90"), (98, "90"))


def _scan_row(l1: str, l2: str, name: str, target: str, actual: str, points: str) -> str:
    return _laid_out(
        (9, l1), (20, l2), (41, name), (63, target), (77, actual), (91, points), (98, points)
    )


def test_a_page_foot_and_running_head_between_rows_laid_out_by_position(tmp_path: Path) -> None:
    # oj01: the running head at the next page's top (the document's first line again) had
    # joined the row above the page break to the one below it, one row's cells in another's
    lines = [
        *SCAN_HEAD,
        SCAN_HEADER,
        "  指标",
        _scan_row("产出指标", "数量指标", "日常养护里程", "≥1200公里", "1236公里", "40"),
        _laid_out((20, "质量指标"), (41, "农村公路优良中")),
        _scan_row("", "", "等路率", "≥85%", "86.2%", "40"),
        "",
        "                                   — 7 —",
        "黑龙江省某县交通运输局                                    2022年度部门决算公开",
        _scan_row("", "时效指标", "养护任务完成及时率", "≥95%", "90%", "5")
        + "    受汛期降雨影响部分路段延期施工",
        _laid_out((9, "效益指标")),
        _scan_row("", "社会效益", "群众出行条件", "明显改善", "明显改善", "5"),
        _laid_out((20, "指标"), (41, "改善程度")),
        _scan_row("", "社会效益指标", "重大安全责任事故", "0起", "0起", "5"),
        _scan_row("", "可持续影响指标", "养护长效机制", "健全", "健全", "5"),
        _laid_out((9, "满意度指标")),
        _scan_row("", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93.5%", "10"),
        SCAN_TOTAL,
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert [(r.name, r.target, r.actual, r.score) for r in t.indicators] == [
        ("日常养护里程", "≥1200公里", "1236公里", 40.0),
        ("农村公路优良中等路率", "≥85%", "86.2%", 40.0),
        ("养护任务完成及时率", "≥95%", "90%", 5.0),
        ("群众出行条件改善程度", "明显改善", "明显改善", 5.0),
        ("重大安全责任事故", "0起", "0起", 5.0),
        ("养护长效机制", "健全", "健全", 5.0),
        ("沿线群众满意度", "≥90%", "93.5%", 10.0),
    ]
    assert t.indicators[2].explanation == "受汛期降雨影响部分路段延期施工"


def test_a_category_label_alone_between_rows_heads_the_row_below(tmp_path: Path) -> None:
    # oj01: 效益指标 alone on its line between 成本指标's row and 社会效益指标's had been the row
    # above's, which then read as a 效益 row (and 可持续影响指标's as a 满意度 one)
    lines = [
        *SCAN_HEAD,
        SCAN_HEADER,
        "  指标",
        _laid_out((9, "产出指标")),
        _scan_row("", "数量指标", "日常养护里程", "≥1200公里", "1236公里", "30"),
        _scan_row("", "成本指标", "每公里养护成本", "≤0.72万元", "0.68万元", "20"),
        _laid_out((9, "效益指标")),
        _scan_row("", "社会效益指标", "重大安全责任事故", "0起", "0起", "20"),
        _scan_row("", "可持续影响指标", "养护长效机制", "健全", "健全", "10"),
        _laid_out((9, "满意度指标")),
        _scan_row("", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93.5%", "10"),
        SCAN_TOTAL,
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert [(r.name, r.l1) for r in t.indicators] == [
        ("日常养护里程", "产出指标"),
        ("每公里养护成本", "产出指标"),
        ("重大安全责任事故", "效益指标"),
        ("养护长效机制", "效益指标"),
        ("沿线群众满意度", "满意度指标"),
    ]


def test_the_issuers_name_beside_the_page_number_is_the_pages_foot(tmp_path: Path) -> None:
    # oj04: 洋县扶贫开发局        第 2 页 between two rows had been read into the name above
    lines = [
        *SCAN_HEAD,
        SCAN_HEADER,
        "  指标",
        _scan_row("产出指标", "数量指标", "日常养护里程", "≥1200公里", "1236公里", "40"),
        _scan_row("", "质量指标", "优良中等路率", "≥85%", "86.2%", "40"),
        "",
        "  某县交通运输局                                                     第 2 页",
        _scan_row("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93.5%", "10"),
        SCAN_TOTAL,
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert [r.name for r in t.indicators] == ["日常养护里程", "优良中等路率", "沿线群众满意度"]


# -- Word's plain text: a cell of several paragraphs breaks its row over lines -----------------

WORD_HEAD = [
    "项目支出绩效自评表",
    "项目名称\t农村饮用水达标提标工程",
    "主管部门\t开化县水利局\t实施单位\t开化县水利局",
    "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "\t年度资金总额\t500.00\t500.00\t500.00\t10\t100.00%\t10",
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
]


def test_a_name_of_two_paragraphs_is_one_name_in_its_row(tmp_path: Path) -> None:
    # oh03, oh04: …人均可支配 / 收入增长率 | ≥7% | …: the name's second paragraph, then the
    # row's next cells, had made two rows (a name alone, a row named by the rest)
    lines = [
        *WORD_HEAD,
        "\t产出指标\t数量指标\t完成达标提标工程行政村数\t≥85个\t88个\t30\t30\t",
        "\t效益指标\t经济效益指标\t农村常住居民人均可支配",
        "收入增长率\t≥7%\t8.1%\t30\t30\t",
        "\t满意度指标\t服务对象满意度指标\t受益群众满意度\t≥90%\t95%\t30\t30\t",
        "总分\t\t\t\t\t\t100\t100\t",
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert [(r.name, r.target, r.weight) for r in t.indicators] == [
        ("完成达标提标工程行政村数", "≥85个", 30.0),
        ("农村常住居民人均可支配收入增长率", "≥7%", 30.0),
        ("受益群众满意度", "≥90%", 30.0),
    ]


def test_the_lines_after_the_last_row_are_no_names_rest(tmp_path: Path) -> None:
    # fd03 (a guard: the name-of-two-paragraphs join first took these): 自评结论 | 自评等级 |
    # 优 ends on a word, the sign-off line after it is no paragraph of that word's
    lines = [
        *WORD_HEAD,
        "\t产出指标\t数量指标\t完成达标提标工程行政村数\t≥85个\t88个\t50\t50\t",
        "\t满意度指标\t服务对象满意度指标\t受益群众满意度\t≥90%\t95%\t40\t40\t",
        "自评结论\t自评等级\t优",
        "填表人：\t\t联系电话：\t\t填报日期：2020年4月12日",
    ]
    report = parse_file(_written(tmp_path, lines))
    names = [r.name for t in report.tables for r in t.indicators]
    assert not any("填表人" in name for name in names)


def test_a_sentence_a_blank_line_under_a_table_without_total_is_no_name(tmp_path: Path) -> None:
    # oh04: a transfer form ends on its last row (no 总分); the paragraph after it had been
    # read into that row's name, and the table then said misread
    lines = [
        "2019年度中央对地方转移支付区域绩效目标自评表",
        "转移支付（项目）名称\t农村饮用水达标提标工程",
        "中央主管部门\t水利部\t地方主管部门\t开化县水利局",
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t偏差原因分析及改进措施",
        "\t产出指标\t数量指标\t完成达标提标工程行政村数\t≥85个\t88个\t",
        "\t效益指标\t社会效益指标\t新增受益人口\t≥4.5万人\t4.62万人\t",
        "\t满意度指标\t服务对象满意度指标\t受益群众满意度\t≥90%\t95%\t",
        "",
        "总体来看，项目资金使用规范，绩效目标全面完成。结余资金已按规定收回统筹使用。",
    ]
    report = parse_file(_written(tmp_path, lines))
    (t,) = report.tables
    assert t.indicators[-1].name == "受益群众满意度"
    assert not t.doubts
    assert any(lo.text.startswith("总体来看") for lo in report.leftovers)


# -- web pages ---------------------------------------------------------------------------------

_CELL = '<div style="display:table-cell">{}</div>'


def _div_row(*cells: str) -> str:
    return '<div style="display:table-row">' + "".join(_CELL.format(c) for c in cells) + "</div>"


DIV_ROWS = [
    ("项目名称", "农村生活污水治理设施运行维护", "", "", "", "", "", "", ""),
    ("主管部门", "缙云县农业农村局", "", "", "实施单位", "缙云县运维中心", "", "", ""),
    ("项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""),
    ("", "年度资金总额", "180.00", "210.00", "179.13", "10", "85.30%", "8.53", ""),
    ("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
     "偏差原因分析及改进措施"),
    ("", "产出指标", "数量指标", "运维处理终端数量", "≥312个", "312个", "40", "40", ""),
    ("", "效益指标", "生态效益指标", "出水水质达标率", "≥85%", "88.6%", "30", "30", ""),
    ("", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "20", "20", ""),
    ("总分", "", "", "", "", "", "100", "98.53", ""),
]  # fmt: skip


def test_a_table_drawn_with_styled_divs_is_read_as_the_table_it_shows(tmp_path: Path) -> None:
    # ok01: <div style="display:table-row"> and table-cell had been read as paragraphs, the
    # page refused as a table whose rows could not be rebuilt
    page = (
        "<html><body><h2>项目支出绩效自评表</h2>"
        '<div style="display:table">' + "".join(_div_row(*r) for r in DIV_ROWS) + "</div>"
        "<p>主办：缙云县人民政府</p></body></html>"
    )
    (t,) = parse_file(_written(tmp_path, [page], "page.html")).tables
    assert [(r.name, r.actual, r.score) for r in t.indicators] == [
        ("运维处理终端数量", "312个", 40.0),
        ("出水水质达标率", "88.6%", 30.0),
        ("群众满意度", "93%", 20.0),
    ]
    assert t.funds.annual_total.executed == 179.13


def test_a_table_laid_out_by_the_style_sheets_classes(tmp_path: Path) -> None:
    # aa05: the same with the display rules in <style> (.grid .tr { display:table-row });
    # a table-row-group is no row
    rows = "".join(
        '<div class="tr">' + "".join(f'<div class="td">{c}</div>' for c in r) + "</div>"
        for r in DIV_ROWS
    )
    page = (
        "<html><head><style>.grid { display:table } .grid .tr { display: table-row; }"
        " .grid .td { display:table-cell; border:1px solid }"
        " .body { display:table-row-group }</style></head><body>"
        f'<div class="grid"><div class="body">{rows}</div></div></body></html>'
    )
    (t,) = parse_file(_written(tmp_path, [page], "page.html")).tables
    assert [r.name for r in t.indicators] == ["运维处理终端数量", "出水水质达标率", "群众满意度"]


def test_text_outside_the_web_table_is_no_rows_rest(tmp_path: Path) -> None:
    # ok05: a transfer form with no 总分 row, the page's footer after the table had been read
    # into the last row's name
    page = (
        "<html><body><h2>转移支付区域绩效目标自评表</h2><table>"
        "<tr><td>转移支付（项目）名称</td><td colspan='5'>衔接推进乡村振兴补助资金</td></tr>"
        "<tr><td>绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td>"
        "<td>年度指标值</td><td>实际完成值</td></tr>"
        "<tr><td></td><td>产出指标</td><td>数量指标</td><td>支持产业发展项目个数</td>"
        "<td>≥18个</td><td>18个</td></tr>"
        "<tr><td></td><td>满意度指标</td><td>服务对象满意度指标</td><td>受益群众满意度</td>"
        "<td>≥90%</td><td>95%</td></tr></table>"
        "<p>秦安县农业农村局</p><p>主办：秦安县人民政府</p></body></html>"
    )
    (t,) = parse_file(_written(tmp_path, [page], "page.html")).tables
    assert [r.name for r in t.indicators] == ["支持产业发展项目个数", "受益群众满意度"]


def test_a_funds_row_its_rowspan_left_a_column_off_is_read_under_its_columns(
    tmp_path: Path,
) -> None:
    # ok03: 年度预算 spans seven rows of eight; the last, 项目支出, starts a column left, its
    # amounts under the wrong labels (400.00 under 全年预算数, 442.57 under 分值) and a false
    # F101 on the breakdown; 年度总金额 is the total's row
    page = (
        "<html><body><h2>部门整体支出绩效自评表</h2><table>"
        "<tr><td colspan='2'>部门（单位）名称</td><td colspan='7'>鄄城县文化和旅游局</td></tr>"
        "<tr><td rowspan='4'>年度预算（万元）</td><td colspan='2'></td><td>年初预算数</td>"
        "<td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>"
        "<tr><td colspan='2'>年度总金额</td><td>1,256.40</td><td>1,338.75</td><td>1,314.72</td>"
        "<td>10</td><td>98.21%</td><td>9.82</td></tr>"
        "<tr><td colspan='2'>按支出性质分</td><td colspan='6'></td></tr>"
        "<tr><td colspan='2'>基本支出</td><td>856.40</td><td>872.15</td><td>872.15</td>"
        "<td>—</td><td></td><td>—</td></tr>"
        "<tr><td colspan='2'>项目支出</td><td>400.00</td><td>466.60</td><td>442.57</td>"
        "<td>—</td><td></td><td>—</td></tr>"
        "<tr><td>绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td>"
        "<td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td>"
        "<td>偏差原因分析及改进措施</td></tr>"
        "<tr><td></td><td>产出指标</td><td>数量指标</td><td>送戏下乡场次</td><td>≥120场</td>"
        "<td>126场</td><td>90</td><td>90</td><td></td></tr>"
        "<tr><td>总分</td><td colspan='5'></td><td>100</td><td>99.82</td><td></td></tr>"
        "</table></body></html>"
    )
    (t,) = parse_file(_written(tmp_path, [page], "page.html")).tables
    total = t.funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed) == (
        1256.4,
        1338.75,
        1314.72,
    )
    spent = t.funds.extra["项目支出"]
    assert (spent.initial_budget, spent.full_year_budget, spent.executed) == (400.0, 466.6, 442.57)
    assert spent.weight is None
