"""Pasted text layouts: pipes, runs of spaces, one cell per line; detected from the text."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from unicodedata import east_asian_width

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reviewer.api import parse_file
from reviewer.grid import Grid
from reviewer.ingest.fixed import fixed_rows
from reviewer.ingest.layouts import Layout, detect_layout
from reviewer.ingest.text import text_rows
from reviewer.parse import parse_grid
from tests.test_parse_properties import VOCAB


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        ("项目名称\t甲\n主管部门\t乙\t实施单位\t丙\n", Layout.TABS),
        ("| 项目名称 | 甲 |\n|---|---|\n| 主管部门 | 乙 |\n", Layout.PIPES),
        ("项目名称 ｜ 甲\n主管部门 ｜ 乙\n", Layout.PIPES),
        ("项目名称    甲\n主管部门    乙      实施单位  丙\n标题\n", Layout.SPACES),
        ("项目名称\n甲\n\n主管部门\n乙\n实施单位\n丙\n", Layout.LINES),
        ("随便一段文字\n没有表格\n", Layout.TABS),
        ("项目名称,甲,,,\n主管部门,乙,实施单位,丙,\n", Layout.CSV),
        # prose with ASCII commas (no empty cells between them) is not comma-separated cells
        ("根据管理办法,将资金支付给施工方,并于12月前完成,验收合格。\n", Layout.TABS),
        # a scan's grid lines between cells apart by spaces: no pipe table
        ("项目资金  | 年初预算数  全年预算数\n年度资金总额  360 | 350  10  97％\n", Layout.SPACES),
    ],
)
def test_detect_layout(text: str, layout: Layout) -> None:
    assert detect_layout(text.splitlines()) is layout


def _rows(text: str) -> list[list[tuple[str, int]]]:
    _, rows = text_rows(text.splitlines(keepends=True))
    return [[(c.text, c.column) for c in r.cells] for r in rows]


def test_pipe_rows_keep_positions_and_skip_borders() -> None:
    text = (
        "+------+------+\n| 一级指标 | 二级指标 | 三级指标 |\n|:---|---|---|\n"
        "| | 数量指标 | 甲 |\n| — |\n"
    )
    assert _rows(text) == [
        [("一级指标", 1), ("二级指标", 2), ("三级指标", 3)],
        [("数量指标", 2), ("甲", 3)],
        [("—", 1)],  # a placeholder is content, not a border
    ]


def test_a_leading_pipe_of_an_unedged_table_closes_an_empty_first_cell() -> None:
    # rows print no pipe before their first cell; a row whose first cell is empty opens
    # with a space and a pipe: its cells stay under the header's columns
    text = (
        "一、基本情况 | 项目名称: | 某项目 |\n"
        "四、绩效指标 | 一级指标 | 二级指标 | 三级指标 |\n"
        " | 产出指标 | 数量指标 | 甲 |\n"
    )
    assert _rows(text)[-2:] == [
        [("四、绩效指标", 1), ("一级指标", 2), ("二级指标", 3), ("三级指标", 4)],
        [("产出指标", 2), ("数量指标", 3), ("甲", 4)],
    ]
    # an edged table's leading pipe is its edge
    edged = "| 一级指标 | 二级指标 |\n | 产出指标 | 数量指标 |\n"
    assert _rows(edged) == [[("一级指标", 1), ("二级指标", 2)], [("产出指标", 1), ("数量指标", 2)]]


def test_spaced_rows_split_at_runs_not_single_spaces() -> None:
    text = "项目资金 (元)    年初预算数  全年预算数\n年度 总体 目标\u3000\u3000预期目标\n标题\n"
    assert _rows(text) == [
        [("项目资金(元)", 1), ("年初预算数", 2), ("全年预算数", 3)],
        [("年度总体目标", 1), ("预期目标", 2)],
        [("标题", 1)],
    ]


def test_a_line_parted_by_single_ideographic_spaces_is_split_there() -> None:
    # a phone's copy (fh04): one U+3000 between cells, where the other lines have runs of spaces
    text = "项目名称  甲\n质量指标\u3000孕产妇系统管理率\u3000５\u3000≥９０％\n预期目标 \u3000甲\n"
    assert _rows(text) == [
        [("项目名称", 1), ("甲", 2)],
        [("质量指标", 1), ("孕产妇系统管理率", 2), ("５", 3), ("≥９０％", 4)],
        [("预期目标", 1), ("甲", 2)],
    ]


def test_cell_per_line_rows_and_page_breaks() -> None:
    text = "项目名称\n甲\n\n主管部门\n乙\n\n\n数量指标\n丙\n"
    _, rows = text_rows(text.splitlines(keepends=True))
    got = [([c.text for c in r.cells], r.line, r.page_break_before) for r in rows]
    assert got == [
        (["项目名称", "甲"], 1, False),
        (["主管部门", "乙"], 4, False),
        (["数量指标", "丙"], 8, True),
    ]


def test_cell_per_line_a_labels_bracketed_tail_on_its_own_line_is_the_labels() -> None:
    # jz04: a PDF viewer's copy, 年初目标值 / (A): the header's cells, not a column each; a
    # figure's bracket stays a cell of its own
    text = "三级指标\n年初目标值\n(A)\n实际完成值\n(B)\n得分\n\n送戏下乡场次\n60场\n(含)\n"
    _, rows = text_rows(text.splitlines(keepends=True))
    got = [[(c.text, c.column) for c in r.cells] for r in rows]
    assert got == [
        [("三级指标", 1), ("年初目标值(A)", 2), ("实际完成值(B)", 3), ("得分", 4)],
        [("送戏下乡场次", 1), ("60场", 2), ("(含)", 3)],
    ]


SMALL = [
    ["财政项目支出绩效自评表"],
    ["(2022 年度)"],
    ["项目名称", "示例项目"],
    ["主管部门", "某市某局", "实施单位", "某市某中心"],
    ["项目资金 (万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "100", "100", "90", "10", "90.00%", "9"],
    ["其中：当年财政拨款", "100", "100", "90", "—"],
    ["年度总体目标", "预期目标", "实际完成情况"],
    ["完成目标。", "已完成目标。"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "甲数", "=1个", "=1个", "80", "80"],
    ["效益指标", "社会效益指标", "提升乙", "提升", "提升", "10", "10"],
    ["总分", "100", "99"],
]


def _padded(row: list[str], blank: str = " ") -> list[str]:
    return [*row, *[blank] * (8 - len(row))]


def render_csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize(
    ("layout", "render"),
    [
        # a pipe table that keeps its empty cells is read by position ...
        (
            Layout.PIPES,
            lambda rows: "\n".join("| " + " | ".join(_padded(r)) + " |" for r in rows),
        ),
        # ... one whose empty cells were dropped is rebuilt from the form's labels
        (Layout.WRAPPED, lambda rows: "\n".join("| " + " | ".join(r) + " |" for r in rows)),
        (Layout.SPACES, lambda rows: "\n".join("   ".join(r) for r in rows)),
        (Layout.LINES, lambda rows: "\n\n".join("\n".join(r) for r in rows)),
        # a spreadsheet saved as .csv, every row as wide as the sheet
        (Layout.CSV, lambda rows: render_csv([_padded(r, "") for r in rows])),
    ],
)
def test_small_table_in_each_layout(tmp_path: Path, layout: Layout, render: object) -> None:
    path = tmp_path / "t.txt"
    path.write_text(render(SMALL) + "\n", encoding="utf-8")  # type: ignore[operator]
    report = parse_file(path)
    assert report.format == f"text/{layout}"
    assert report.leftovers == []
    (t,) = report.tables
    assert (t.project, t.department, t.implementer, t.amount_unit) == (
        "示例项目",
        "某市某局",
        "某市某中心",
        "万元",
    )
    assert t.funds.annual_total.executed == 90 and t.funds.annual_total.rate_pct == 90.0
    assert (t.goal_expected, t.goal_actual) == ("完成目标。", "已完成目标。")
    assert [(i.l1, i.l2, i.name, i.weight, i.score) for i in t.indicators] == [
        ("产出指标", "数量指标", "甲数", 80, 80),
        ("效益指标", "社会效益指标", "提升乙", 10, 10),
    ]
    assert (t.total_weight, t.total_score) == (100, 99)


_cell = st.one_of(
    st.sampled_from(VOCAB),
    st.text(
        alphabet=st.characters(blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
        max_size=8,
    ),
)
_rows_strategy = st.lists(st.lists(_cell, max_size=9), max_size=40)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_rows_strategy, st.sampled_from(["pipes", "spaces", "lines", "csv"]))
# the same line at the foot of two pages (here a title, which is no page's furniture), and the
# same non-title line, taken as the pages' furniture after the last table: accounted for
@example([["财政项目支出绩效自评表"], ["财政项目支出绩效自评表"]], "lines")
@example([["某县公开"], ["某县公开"]], "lines")
# a pipe row with no cell (| |) over a row with a tab in a cell, read as tabs: no empty row
@example([[], ["\t"]], "pipes")
# a funds block's label beside a title on one line, cut into two rows (parse.beside): one line
@example([["财政项目支出绩效自评表", "项目资金 (元)", "年初预算数", "年初预算数"]], "pipes")
# two titles side by side on one line, read as two rows of that line: one line
@example([["财政项目支出绩效自评表", "财政项目支出绩效自评表"], ["一级指标"]], "pipes")
def test_pasted_layouts_never_raise_and_account_for_every_row(
    rows: list[list[str]], layout: str
) -> None:
    if layout == "pipes":
        text = "\n".join("| " + " | ".join(r) + " |" for r in rows)
    elif layout == "spaces":
        text = "\n".join("    ".join(r) for r in rows)
    elif layout == "csv":
        text = render_csv(rows)
    else:
        text = "\n\n".join("\n".join(r) for r in rows)
    stated = Layout.CSV if layout == "csv" else None
    _, it = text_rows(text.splitlines(keepends=True), stated)
    grid_rows = list(it)
    report = parse_grid(Grid(rows=grid_rows, source="x.txt"))
    acc = report.accounting
    # (a line the reader cuts into two rows, two tables' titles side by side, is one line)
    assert acc.nonempty_lines == len({r.line for r in grid_rows if r.cells})
    assert acc.consumed_lines + acc.reported_lines == acc.nonempty_lines
    unused = sum(1 for c in (c for r in grid_rows for c in r.cells) if not c.used)
    assert len(report.leftovers) == unused


def test_csv_records_keep_quoted_commas_and_line_breaks_at_their_place() -> None:
    text = render_csv(
        [["项目名称", "甲，乙,丙", "", ""], ["偏差原因分析及\n改进措施", "", "x", ""]]
    )
    _, rows = text_rows(text.splitlines(keepends=True), Layout.CSV)
    got = [[(c.text, c.line, c.column) for c in r.cells] for r in rows]
    assert got == [
        [("项目名称", 1, 1), ("甲，乙,丙", 1, 2)],
        [("偏差原因分析及\n改进措施", 2, 1), ("x", 2, 3)],  # the record starts on line 2
    ]


def test_a_csv_file_is_read_as_comma_separated_by_its_name(tmp_path: Path) -> None:
    # too few empty cells to tell from the text alone: the extension says it
    path = tmp_path / "t.csv"
    path.write_text(render_csv(SMALL), encoding="gb18030")
    report = parse_file(path)
    assert report.format == "text/csv" and report.leftovers == []
    (t,) = report.tables
    assert [(i.name, i.weight, i.score) for i in t.indicators] == [
        ("甲数", 80, 80),
        ("提升乙", 10, 10),
    ]


def render_pipes(rows: list[list[str]]) -> str:
    return "\n".join("| " + " | ".join(r) + " |" for r in rows) + "\n"


def test_pipes_without_empty_cells_are_read_by_position_when_a_column_is_unknown() -> None:
    """A header naming a column no form's vocabulary knows (专家评议) cannot be rebuilt from the
    labels: such a table is read by position, as pasted."""
    header, first, second, total = SMALL[-4:]
    rows = [*SMALL[:-4], [*header, "专家评议"], [*first, "78"], [*second, "10"], total]
    assert detect_layout(render_pipes(rows).splitlines()) is Layout.PIPES
    assert detect_layout(render_pipes(SMALL).splitlines()) is Layout.WRAPPED


def test_pipes_without_empty_cells_in_traditional_characters_are_rebuilt(tmp_path: Path) -> None:
    from opencc import OpenCC

    text = OpenCC("s2t").convert(render_pipes(SMALL))
    assert "績效指標" in text  # the labels are printed in traditional characters
    assert detect_layout(text.splitlines()) is Layout.WRAPPED
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    (t,) = parse_file(path).tables
    assert [(i.name, i.weight, i.score) for i in t.indicators] == [
        ("甲数", 80, 80),
        ("提升乙", 10, 10),
    ]


def _laid_out(*cells: tuple[int, str]) -> str:
    """A line with each text at its display column (a CJK character is two columns wide)."""
    line, width = "", 0
    for column, text in cells:
        line += " " * (column - width) + text
        width = column + sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)
    return line


# pdftotext -layout columns: 一级 7, 二级 13, 三级 23, 年度 41, 实际 55, 分值 67, 得分 73, 偏差 79
FIXED = [
    _laid_out((26, "财政项目支出绩效自评表")),
    "",
    _laid_out((1, "项目名称"), (15, "农田管护")),
    "",
    _laid_out(
        (7, "一级"),
        (13, "二级指标"),
        (23, "三级指标"),
        (41, "年度"),
        (55, "实际"),
        (67, "分值"),
        (73, "得分"),
        (79, "偏差原因分析"),
    ),
    _laid_out((7, "指标"), (41, "指标值"), (55, "完成值"), (79, "及改进措施")),
    _laid_out(
        (23, "新建高标准农田"),
        (41, "≥3.2万亩"),
        (55, "3.05万亩"),
        (67, "10"),
        (73, "9"),
        (79, "部分地块因土地流转"),
    ),
    _laid_out((13, "数量指标"), (23, "面积"), (79, "纠纷未能按期施工")),
    _laid_out((23, "修复沟渠长度"), (41, "≥85公里"), (55, "87.6公里"), (67, "8"), (73, "8")),
    _laid_out((7, "产出"), (79, "受汛期影响工期顺延；")),
    _laid_out(
        (7, "指标"),
        (13, "时效指标"),
        (23, "项目竣工时间"),
        (41, "12月底"),
        (55, "2022年3月"),
        (67, "6"),
        (73, "4"),
        (79, "今后将汛期因素纳入"),
    ),
    _laid_out((41, "前"), (79, "工期计划")),
    "",
    _laid_out((1, "总分"), (67, "24"), (73, "21")),
]


def test_fixed_width_page_number_above_a_form_feed_is_no_part_of_the_next_page() -> None:
    # — 1 — ends a page, the next opens with a form feed on its first line (no blank line),
    # its header's first label cut (一级指 / 标) and printed where the number is
    header = [
        _laid_out(
            (5, "一级指"),
            (13, "二级指标"),
            (23, "三级指标"),
            (41, "年度"),
            (55, "实际"),
            (67, "分值"),
            (73, "得分"),
            (79, "偏差原因分析"),
        ),
        _laid_out((5, "标"), (41, "指标值"), (55, "完成值"), (79, "及改进措施")),
    ]
    lines = [*FIXED[:8], "", _laid_out((5, "— 1 —")), "\f" + header[0], header[1], *FIXED[8:]]
    layout, rows = text_rows([line + "\n" for line in lines])
    assert layout is Layout.FIXED
    got = [[c.text for c in r.cells] for r in rows]
    assert ["— 1 —"] in got  # the page's foot, a row of its own as printed
    assert got.count(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
                      "得分", "偏差原因分析及改进措施"]) == 2  # fmt: skip


def test_fixed_width_text_is_read_by_its_columns() -> None:
    # pdftotext -layout: a header wrapped over two lines, cells wrapped around a row's figures
    layout, rows = text_rows([line + "\n" for line in FIXED])
    assert layout is Layout.FIXED
    got = [[c.text for c in r.cells] for r in rows]
    assert ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
            "偏差原因分析及改进措施"] in got  # fmt: skip
    assert [
        "新建高标准农田面积",
        "≥3.2万亩",
        "3.05万亩",
        "10",
        "9",
        "部分地块因土地流转纠纷未能按期施工",
    ] in [r[-6:] for r in got]
    assert ["产出指标", "时效指标", "项目竣工时间", "12月底前", "2022年3月", "6", "4",
            "受汛期影响工期顺延；今后将汛期因素纳入工期计划"] in got  # fmt: skip


def _by_count(*cells: tuple[int, str]) -> str:
    """A line with each text at its column counted in characters, as ``pdftotext -layout``
    places a word at its x position whatever the characters before it."""
    line = ""
    for column, text in cells:
        line += " " * (column - len(line)) + text
    return line


# pdftotext -layout from a ruled PDF: columns counted in characters; a goal's text wrapped to a
# line of its own right above the indicator header; an explanation wrapped over three lines
# around its row's figures, its first line right under the row above (whose cell is empty).
BY_COUNT = [
    _by_count((20, "项目支出绩效自评表")),
    "",
    _by_count((2, "项目名称"), (12, "农田管护项目")),
    _by_count((2, "年度总体目标"), (12, "完成农田管护3.2万亩，修复沟渠85公里，保障"), (40, "完成农田管护3.05万亩，")),
    _by_count((12, "项目区灌溉需求。"), (40, "修复沟渠87.6公里，惠及农户1.2万")),
    _by_count((40, "户。")),
    _by_count((4, "一级指标"), (12, "二级指标"), (20, "三级指标"), (32, "年度"), (40, "实际"), (48, "分值"), (53, "得分"), (60, "偏差原因分析")),
    _by_count((32, "指标值"), (40, "完成值"), (60, "及改进措施")),
    _by_count((12, "数量指标"), (20, "修复沟渠长度"), (32, "≥85公里"), (40, "87.6公里"), (48, "10"), (53, "10")),
    _by_count((60, "部分地块因土地流转纠纷")),
    _by_count((4, "产出指标"), (20, "农田管护面积"), (32, "≥3.2万亩"), (40, "3.05万亩"), (48, "10"), (53, "9.53"), (60, "未能按期施工；下一步将")),
    _by_count((60, "加快调解进度。")),
    _by_count((12, "时效指标"), (20, "项目竣工时间"), (32, "12月底前"), (40, "12月20日"), (48, "10"), (53, "10")),
    "",
    _by_count((4, "总分"), (48, "30"), (53, "29.53")),
]  # fmt: skip


def test_fixed_width_counted_in_characters_is_read_by_its_columns() -> None:
    layout, rows = text_rows([line + "\n" for line in BY_COUNT])
    assert layout is Layout.FIXED
    got = [[c.text for c in r.cells] for r in rows]
    # the goal's last line is the goal's, not the first label of the header
    assert ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
            "偏差原因分析及改进措施"] in got  # fmt: skip
    assert ["数量指标", "修复沟渠长度", "≥85公里", "87.6公里", "10", "10"] in got
    # the explanation's first line, under a row whose cell is empty, is the next row's
    assert ["产出指标", "农田管护面积", "≥3.2万亩", "3.05万亩", "10", "9.53",
            "部分地块因土地流转纠纷未能按期施工；下一步将加快调解进度。"] in got  # fmt: skip


# A header's title line printed above 一级指标 (年度 / 实际 centred over two lines), the first
# row's name wrapped above and below its figures (the figures' own line empty in that column),
# the names left of their centred title 三级指标 and running across where it starts.
CENTRED = [
    _laid_out((26, "财政项目支出绩效自评表")),
    "",
    _laid_out((1, "项目名称"), (15, "农田管护")),
    _laid_out((47, "年度"), (61, "实际"), (85, "偏差原因分析")),
    _laid_out((5, "一级指标"), (15, "二级指标"), (31, "三级指标"), (73, "分值"), (79, "得分")),
    _laid_out((47, "指标值"), (61, "完成值"), (85, "及改进措施")),
    _laid_out((23, "维修养护农村供水工程数")),
    _laid_out((47, "≥42处"), (61, "42处"), (73, "10"), (79, "10")),
    _laid_out((13, "数量指标"), (23, "量")),
    _laid_out(
        (5, "产出指标"), (23, "适龄儿童疫苗接种"), (47, "≥90%"), (61, "96.8%"), (73, "10"),
        (79, "10"),
    ),
    _laid_out((23, "率")),
    _laid_out(
        (13, "质量指标"), (23, "农村饮水工程水质达标率"), (47, "≥95%"), (61, "97%"),
        (73, "10"), (79, "10"),
    ),
    "",
    # the page prints a blank line between its rows: still one table
    _laid_out((23, "维修工程验收合格率"), (47, "100%"), (61, "100%"), (73, "10"), (79, "10")),
]  # fmt: skip


def test_fixed_width_cells_wrapped_around_their_figures_stay_with_their_row() -> None:
    layout, rows = text_rows([line + "\n" for line in CENTRED])
    assert layout is Layout.FIXED
    got = [[c.text for c in r.cells] for r in rows]
    assert ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
            "偏差原因分析及改进措施"] in got  # fmt: skip
    names = [r[-5] for r in got if r[-1] == "10"]
    assert names == [
        "维修养护农村供水工程数量",
        "适龄儿童疫苗接种率",
        "农村饮水工程水质达标率",
        "维修工程验收合格率",
    ]
    assert ["数量指标", "维修养护农村供水工程数量", "≥42处", "42处", "10", "10"] in got


def test_fixed_width_a_name_wrapped_around_its_row_and_a_pages_number_between_rows() -> None:
    # kf01: a row's name printed above and below its figures, its own line empty there, beside
    # rows whose names fit on their line; a page's number in two pieces between rows
    header = _laid_out(
        (2, "绩效指标"), (14, "一级指标"), (25, "二级指标"), (37, "三级指标"),
        (55, "年度指标值"), (70, "实际完成值"), (84, "分值"), (92, "得分"),
    )  # fmt: skip
    lines = [
        _laid_out((25, "项目支出绩效自评表")),
        "",
        header,
        _laid_out((14, "产出指标"), (25, "质量指标"), (37, "养护路段优良路率"), (55, "≥85%"),
                  (70, "88%"), (84, "10"), (92, "10")),
        _laid_out((37, "工程完工")),
        _laid_out((25, "时效指标"), (55, "=100%"), (70, "100%"), (84, "5"), (92, "5")),
        _laid_out((37, "及时率")),
        _laid_out((25, "成本指标"), (37, "每公里养护成本"), (55, "≤1.2万元"), (70, "1.15万元"),
                  (84, "10"), (92, "10")),
        "",
        _laid_out((31, "第 1 页"), (42, "共 2 页")),
        "",
        _laid_out((14, "效益指标"), (25, "社会效益"), (37, "群众出行条件改善"), (55, "明显改善"),
                  (70, "明显改善"), (84, "15"), (92, "15")),
        _laid_out((25, "指标")),
    ]  # fmt: skip
    got = [[c.text for c in r.cells] for r in fixed_rows(lines)]
    names = [r[-5] for r in got if len(r) >= 6 and r[-1] != "得分"]
    assert names == ["养护路段优良路率", "工程完工及时率", "每公里养护成本", "群众出行条件改善"]
    assert ["第 1 页 共 2 页"] in got  # a line of its own, which the parser takes as a break
    assert [
        "效益指标",
        "社会效益指标",
        "群众出行条件改善",
        "明显改善",
        "明显改善",
        "15",
        "15",
    ] in got


def test_fixed_width_rows_printed_a_blank_line_apart_are_read_under_their_header() -> None:
    header = _laid_out(
        (5, "一级指标"), (15, "二级指标"), (31, "三级指标"), (47, "年度指标值"),
        (61, "实际完成值"), (73, "分值"), (79, "得分"),
    )  # fmt: skip
    lines = [
        _laid_out((26, "财政项目支出绩效自评表")),
        "",
        header,
        "",
        _laid_out(
            (5, "产出指标"), (15, "数量指标"), (25, "放映场次"), (47, "≥1596场"), (61, "1602场"),
            (73, "15"), (79, "15"),
        ),
        "",
        _laid_out((15, "质量指标"), (25, "放映设备完好"), (47, "≥95%"), (61, "97%"), (73, "5"),
                  (79, "5")),
        _laid_out((25, "率")),  # a name wrapped in its cell: read by position, not by line
        "",
        _laid_out((1, "注：以上数据以验收报告为准。")),
    ] * 2  # fmt: skip
    layout, rows = text_rows([line + "\n" for line in lines])
    assert layout is Layout.FIXED
    got = [[c.text for c in r.cells] for r in rows]
    assert got.count(["产出指标", "数量指标", "放映场次", "≥1596场", "1602场", "15", "15"]) == 2
    assert got.count(["质量指标", "放映设备完好率", "≥95%", "97%", "5", "5"]) == 2


def test_fixed_width_20_80_rows_with_one_figure_and_the_fields_under_the_table() -> None:
    # a 20/80 form (ga03): a row's only figure its score beside a target and an actual with
    # units; a label broken over a row's line (可持续影 / … / 响指标), another's tail below it
    # (社会效益 / 指标); 总分 and the form's fields under the table are lines of their own
    lines = [
        _laid_out((26, "项目支出绩效自评表")),
        "",
        _laid_out((1, "| 项目名称"), (15, "农村公路安全生命防护工程 |")),
        _laid_out((12, "一级指标"), (24, "二级指标"), (38, "三级指标"), (66, "年初目标值"),
                  (84, "实际完成值"), (102, "得分")),
        _laid_out((12, "效益指标"), (24, "社会效益"), (38, "农村公路交通事故发生率"), (66, "较上年下降"),
                  (84, "下降12.5%"), (104, "15")),
        _laid_out((24, "指标")),
        _laid_out((38, "已实施路段隐患消除率"), (66, "100%"), (84, "100%"), (104, "10")),
        _laid_out((24, "可持续影")),
        _laid_out((38, "防护设施设计使用年限"), (66, "≥10年"), (84, "10年"), (104, "5")),
        _laid_out((24, "响指标")),
        _laid_out((1, "总分"), (102, "98.1")),
        _laid_out((1, "偏差大或目标"), (24, "无")),
        _laid_out((1, "未完成原因分析")),
    ]  # fmt: skip
    got = [[c.text for c in r.cells] for r in fixed_rows(lines)]
    assert ["项目名称", "农村公路安全生命防护工程"] in got  # the scan's grid marks dropped
    assert [
        "效益指标",
        "社会效益指标",
        "农村公路交通事故发生率",
        "较上年下降",
        "下降12.5%",
        "15",
    ] in got
    # the label centred over its two rows: the first takes it, the second goes on under it
    assert ["可持续影响指标", "已实施路段隐患消除率", "100%", "100%", "10"] in got
    assert ["防护设施设计使用年限", "≥10年", "10年", "5"] in got
    assert ["总分", "98.1"] in got
    assert ["偏差大或目标", "无"] in got and ["未完成原因分析"] in got


def test_fixed_width_cells_one_space_apart_are_parted_at_a_value_or_after_a_label() -> None:
    # a column printed one space after a name that filled its own (gg04, gg05); a page's foot
    # spaced out (第 1 页 共 2 页) stays one piece
    from reviewer.ingest.fixed import _pieces

    def texts(line: str) -> list[str]:
        return [p.text for p in _pieces(1, line)]

    assert texts("食品安全监督抽检批 ≥2400批次    2650批次      8") == [
        "食品安全监督抽检批", "≥2400批次", "2650批次", "8"
    ]  # fmt: skip
    assert texts("食品安全事故发生数 0起          0起") == ["食品安全事故发生数", "0起", "0起"]
    assert texts("项目完工时间  2022年11月底前 2022年11月") == [
        "项目完工时间", "2022年11月底前", "2022年11月"
    ]  # fmt: skip
    assert texts("社会效益指标 受益群众人数") == ["社会效益指标", "受益群众人数"]
    assert texts("可持续影响指 工程设计使用年限") == ["可持续影响指", "工程设计使用年限"]
    assert texts("第 1 页 共 2 页") == ["第 1 页 共 2 页"]
    assert texts("实施 3 个村庄的改造") == ["实施 3 个村庄的改造"]  # words, not a value


def test_spaced_text_without_a_page_layout_stays_line_by_line() -> None:
    lines = ["项目名称  农田管护", "主管部门  某局  实施单位  某中心"] * 6
    layout, rows = text_rows([line + "\n" for line in lines])
    assert layout is Layout.SPACES
    assert [c.text for c in next(iter(rows)).cells] == ["项目名称", "农田管护"]


_WRAPPED_HEADER_PIPES = """| 项目名称 | 乡村道路养护 |  |  |  |  |  |  |
| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |  |
| 年度资金总额 | 50 | 50 | 50 | 10 | 100% | 10 |  |
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度
指标值 | 实际
完成值 | 分值 | 得分 | 偏差原因分析
及改进措施 |
| 产出指标 | 数量指标 | 养护里程 | ≥120公里 | 126公里 | 40 | 40 |  |
| 质量指标 | 路面完好率 | ≥90% | 93% | 40 | 40 |  |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 95% | 10 | 10 |  |
| 总分 |  |  |  | 100 | 100 |  |  |
"""


def test_pipe_rows_wrapped_in_their_cells_and_a_header_printed_again(tmp_path: Path) -> None:
    """A pipe row whose cells wrap onto lines of their own is one row; the indicator header
    printed again between rows, its labels unwrapped, is no indicator row."""
    assert detect_layout(_WRAPPED_HEADER_PIPES.splitlines()) is Layout.PIPES
    path = tmp_path / "t.txt"
    path.write_text(_WRAPPED_HEADER_PIPES, encoding="utf-8")
    report = parse_file(path)
    (t,) = report.tables
    assert [(i.l1, i.name, i.target, i.weight, i.score) for i in t.indicators] == [
        ("产出指标", "养护里程", "≥120公里", 40, 40),
        ("产出指标", "路面完好率", "≥90%", 40, 40),
        ("满意度指标", "群众满意度", "≥90%", 10, 10),
    ]
    assert t.doubts == []
    assert report.leftovers == []
    assert report.accounting.consumed_lines == report.accounting.nonempty_lines


# A scan's OCR text: laid out, but its columns wander from line to line, and grid lines are
# left between some cells (| and ｜).
_OCR = """                    项目支出绩效自评表
                                 (2021年度)
项目名称   农田建设项目
主管部门    某县农业农村局          实施单位   某县农田建设服务中心
项目资金       | 年初预算数    全年预算数 | 全年执行数    分值   执行率     得分
(万元)    年度资金总额     360   360 | 350 | 10  97.22％ | 9.72
          其中:当年财政拨款 | 360   360    350     — | —     —
年度总体目标      预期目标
   新建高标准农田3.2万亩,项目区粮食综合生产能力明显提升。
                  实际完成情况
   完成新建高标准农田3.2万亩,项目已于2021年底全面完工。
一级指标     二级指标     三级指标           年度指  实际完  分值    得分     偏差原因分析及改进
                                          标值       成值                     措施
            数量指标    新建高标准农田面积     ≥3.2万亩   3.2万亩     20  20
       新建田间道路长度    ≥35公里    38.5公里    20 | 20
产出指标     质量指标    工程验收合格率  100%   100%  10 | 10
        时效指标   项目完工时间    2021年12月底前     2021年12月 | 10   10
效益指标     社会效益指标  受益农户数  ≥6800户    7120户 | 30 | 30
满意度指标   服务对象满意度指标 | 受益群众满意度  ≥90%  93.6％     10  10
总分                         100    99.72
"""


def test_a_scans_text_is_read_line_by_line_with_its_grid_marks_between_cells(
    tmp_path: Path,
) -> None:
    assert detect_layout(_OCR.splitlines()) is Layout.FIXED  # laid out by position, it seems
    path = tmp_path / "ocr.txt"
    path.write_text(_OCR, encoding="utf-8")
    report = parse_file(path)
    (t,) = report.tables
    assert t.doubts == []
    assert (t.funds.annual_total.executed, t.total_score) == (350, 99.72)
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in t.indicators] == [
        ("新建高标准农田面积", "≥3.2万亩", "3.2万亩", 20, 20),
        ("新建田间道路长度", "≥35公里", "38.5公里", 20, 20),
        ("工程验收合格率", "100%", "100%", 10, 10),
        ("项目完工时间", "2021年12月底前", "2021年12月", 10, 10),
        ("受益农户数", "≥6800户", "7120户", 30, 30),
        ("受益群众满意度", "≥90%", "93.6％", 10, 10),
    ]
    assert report.leftovers == []


def test_a_cell_s_line_break_in_tab_text_joins_one_row_with_its_text() -> None:
    # a copied Word table's cell broke over two lines: one row, its joined text the whole row's
    lines = [
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n",
        "\t产出指标\n",
        "(50分)\t数量指标\t演出场次\t≥120场\t126场\t50\t50\n",
    ]
    _, it = text_rows(lines, None)
    rows = list(it)
    assert [r.line for r in rows] == [1, 2]
    assert rows[1].joined == "产出指标(50分)\t数量指标\t演出场次\t≥120场\t126场\t50\t50"
    assert [c.column for c in rows[1].cells] == [2, 3, 4, 5, 6, 7, 8]


def test_a_scans_rule_read_as_a_lone_bar_is_no_line_of_a_fixed_layout() -> None:
    # OCR of a table laid out with spaces, a rule above the goal read as "|" on a line of its
    # own: it had left an empty line in a block, which the reader indexed (IndexError).
    lines = [
        "|",
        "年度总体    预期目标                                实际完成情况",
        " 目标       全县签约12万人以上，重点人群签约率达到75%。    全县签约12.6万人，重点人群签约率78.2%。",
        "一级指标    二级指标      三级指标              分值  年度指标值    实际完成值    得分",
        "产出指标（50分）  数量指标      家庭医生签约人数      15    ≥12万人       12.6万人      15",
    ]
    rows = [[c.text for c in r.cells] for r in fixed_rows(lines)]
    assert ["产出指标（50分）", "数量指标", "家庭医生签约人数"] in [r[:3] for r in rows]
    assert all("|" not in cells for cells in rows)


def test_pipe_rows_that_open_with_a_pipe_only_where_their_first_cell_is_empty(
    tmp_path: Path,
) -> None:
    # a report's table typed with pipes between cells and none at the edges: a row whose first
    # cell is merged above opens with one, the others do not, and some close with one (an
    # empty last cell). Rows opening with the form's labels are rows, not wrapped cells.
    text = "\n".join(
        [
            "2020年度项目支出绩效自评表",
            "项目名称 | 农村饮水安全巩固提升工程",
            "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分",
            "年度资金总额 | 960.00 | 960.00 | 946.56 | 10 | 98.60% | 9.86",
            "其他资金 |  |  |  | — | — | —",
            "年度总体目标 | 预期目标 | 实际完成情况",
            " | 新建改造供水工程32处。 | 建成改造供水工程32处。",
            "绩效指标",
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施",
            "产出指标 | 数量指标 | 新建改造集中供水工程 | ≥32处 | 32处 | 50 | 50 | ",
            " | 质量指标 | 工程验收合格率 | =100% | 100% | 30 | 30 | ",
            "满意度指标 | 服务对象满意度指标 | 受益群众满意度 | ≥90% | 94% | 10 | 10 | ",
            "总分 | 100 | 99.86 | ",
        ]
    )
    path = tmp_path / "report.txt"
    path.write_text(text + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    assert t.goal_expected == "新建改造供水工程32处。"
    assert [(i.name, i.weight) for i in t.indicators] == [
        ("新建改造集中供水工程", 50.0),
        ("工程验收合格率", 30.0),
        ("受益群众满意度", 10.0),
    ]
    assert t.total_score == 99.86


@pytest.mark.parametrize("number", ["第 1 页  共 2 页", "- l -", "— lO —"])
def test_a_pages_number_parted_or_misread_by_ocr_is_no_part_of_a_name(
    tmp_path: Path, number: str
) -> None:
    # jd04, jd02: the page's number under the last row, its pieces two spaces apart, or its
    # 1 read as l and its 0 as O by a scan's OCR
    lines = [*FIXED[:-2], "", _laid_out((40, number)), ""]
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    assert t.indicators[-1].name == "项目竣工时间"


def test_a_quote_that_never_closes_leaves_the_lines_as_printed() -> None:
    from reviewer.ingest.layouts import quoted_cells_joined

    lines = ['产出指标\t"未闭合\n', "下一行\n", "第三行\n"]
    assert [t for _, t in quoted_cells_joined(enumerate(lines, start=1))] == [
        '产出指标\t"未闭合',
        "下一行",
        "第三行",
    ]
    closed = ['数量指标\t"家庭经济困难幼儿\n', '入园率"\t≥95%\n']
    assert list(quoted_cells_joined(enumerate(closed, start=1))) == [
        (1, "数量指标\t家庭经济困难幼儿入园率\t≥95%")
    ]
