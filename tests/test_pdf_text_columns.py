"""Text laid out by position, as `pdftotext -layout` or an OCR engine writes a ruled table
(round 63 of the written tables: nw, nx): each column keeps its place, long cells wrap inside
their column, a row's figures may sit on a middle line of its cells. Each test builds the
smallest text that shows one way such a layout went wrong, and asserts how it is read.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.ingest.fixed import fixed_rows
from tests.test_text_layouts import _laid_out

HEADER = _laid_out(
    (0, "一级指标"), (13, "二级指标"), (34, "三级指标"), (51, "年度指标值"),
    (64, "实际完成值"), (81, "分值"), (90, "得分"), (99, "偏差原因分析及改进措施"),
)  # fmt: skip


def _cells(lines: list[str]) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in fixed_rows(lines)]


def _written(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_name_above_its_rows_figures_is_that_rows_not_the_row_above() -> None:
    # nx02: 65岁及以上老年 / 人健康管理率 over ≥65% …, right after the row above's
    # 适龄儿童免疫规 / 划疫苗接种率: the row above's name ended, the next lines open the name below
    lines = [
        HEADER,
        _laid_out((34, "适龄儿童免疫规"), (51, "≥95%"), (64, "98.9%"), (81, "10"), (90, "10")),
        _laid_out((34, "划疫苗接种率")),
        _laid_out((34, "65岁及以上老年")),
        _laid_out((34, "人健康管理率")),
        _laid_out((13, "质量指标"), (51, "≥65%"), (64, "62.4%"), (81, "10"), (90, "9.60")),
        _laid_out((0, "产出指标")),
    ]
    assert _cells(lines)[1:] == [
        ["适龄儿童免疫规划疫苗接种率", "≥95%", "98.9%", "10", "10"],
        ["产出指标", "质量指标", "65岁及以上老年人健康管理率", "≥65%", "62.4%", "10", "9.60"],
    ]


def test_a_piece_above_a_blank_line_ends_the_row_above() -> None:
    # nx01: 机耕道路通达率提 / 高，机收面积增加 / ，明显改善, a blank line, then the next row
    lines = [
        HEADER,
        _laid_out((34, "机械化作业条件"), (51, "明显改善"), (64, "机耕道路通达率"), (81, "10"),
                  (90, "10")),
        _laid_out((34, "改善情况"), (64, "提高，机收面积"),),
        _laid_out((64, "，明显改善")),
        "",
        _laid_out((34, "管护机制建立"), (51, "建立机制"), (64, "已落实管护主体"), (81, "10"),
                  (90, "10")),
    ]  # fmt: skip
    rows = _cells(lines)
    assert rows[1][2] == "机耕道路通达率提高，机收面积，明显改善"
    assert rows[2][2] == "已落实管护主体"


def test_the_goal_blocks_label_beside_the_second_line_of_its_texts() -> None:
    # nx02: 年度总体目标 printed beside the goal's and the result's second lines, no label of
    # their own: one row, the label and each column's lines joined, not three rows of pieces
    lines = [
        _laid_out((17, "落实基本公共卫生服务项目，建档"), (66, "全年规范管理健康档案98.2万份，")),
        _laid_out((0, "年度总体目标"), (17, "率保持在90%以上；推进医共体"), (66, "建档率92.6%；组建")),
        _laid_out((17, "建设。"), (66, "医共体3个。")),
        "",
        HEADER,
        _laid_out((0, "产出指标"), (13, "数量指标"), (34, "健康档案建档率"), (51, "≥90%"),
                  (64, "92.6%"), (81, "100"), (90, "100")),
    ]  # fmt: skip
    assert _cells(lines)[0] == [
        "年度总体目标",
        "落实基本公共卫生服务项目，建档率保持在90%以上；推进医共体建设。",
        "全年规范管理健康档案98.2万份，建档率92.6%；组建医共体3个。",
    ]


def test_a_breakdown_beside_another_gets_a_column_past_the_headers_last() -> None:
    # nw03: 财政拨款 | 3 amounts | 基本支出 | 3 amounts under a header of seven columns: the
    # label and its first amount one column each, not run together (基本支出1,245.60)
    lines = [
        _laid_out((1, "年度预算（万元）"), (18, "年初预算数"), (33, "全年预算数"),
                  (48, "全年执行数"), (63, "分值"), (72, "执行率"), (84, "得分")),
        _laid_out((1, "年度资金总额"), (18, "2,312.70"), (33, "2,312.70"), (48, "2,229.45"),
                  (63, "10"), (72, "96.40%"), (84, "9.64")),
        _laid_out((1, "财政拨款"), (12, "2,168.20"), (23, "2,168.20"), (34, "2,084.95"),
                  (50, "基本支出"), (61, "1,245.60"), (72, "1,245.60"), (83, "1,238.15")),
    ]  # fmt: skip
    assert _cells(lines)[2] == [
        "财政拨款", "2,168.20", "2,168.20", "2,084.95", "基本支出", "1,245.60", "1,245.60",
        "1,238.15",
    ]  # fmt: skip


def test_a_figure_after_a_names_words_in_one_column_is_a_cell_of_its_own() -> None:
    # mf02: 童健康管理  10, the 分值 drifted into the name's column: not 管理10率
    header = _laid_out((0, "一级指标"), (13, "二级指标"), (22, "三级指标"), (36, "分值"),
                       (42, "年度指标值"), (58, "实际完成值"), (74, "得分"))  # fmt: skip
    lines = [
        header,
        _laid_out((22, "0-6岁儿")),
        _laid_out((22, "童健康管理  10"), (42, "≥90%"), (58, "93.2%"), (74, "10")),
        _laid_out((22, "率")),
    ]
    assert _cells(lines)[1] == ["0-6岁儿童健康管理率", "10", "≥90%", "93.2%", "10"]


def test_the_heads_keys_and_a_year_are_no_row(tmp_path: Path) -> None:
    # nw05: 项目名称 | … | 年度 | 2024 had been read as a row (a name, a value and a figure), the
    # line under it joined to it and the project lost
    lines = [
        _laid_out((12, "项目支出绩效自评表")),
        _laid_out((1, "项目名称"), (14, "基本公共卫生服务项目"), (59, "年度"), (66, "2024")),
        _laid_out((1, "主管部门"), (14, "于都县卫生健康委员会"), (44, "实施单位"),
                  (57, "于都县各乡镇卫生院")),
        _laid_out((1, "一级指标"), (17, "二级指标"), (32, "三级指标"), (60, "年初目标值（A）"),
                  (78, "实际完成值（B）"), (96, "得分")),
        _laid_out((1, "产出指标"), (17, "数量指标"), (32, "老年人健康管理人数"), (60, "≥6.2万人"),
                  (78, "6.35万人"), (96, "10")),
    ]  # fmt: skip
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert (t.project, t.department, t.year) == (
        "基本公共卫生服务项目",
        "于都县卫生健康委员会",
        2024,
    )


def test_a_labels_points_are_no_value_of_a_row() -> None:
    # nx06: 预算执行情况（20分） | 预算数（A） | … | 得分（20分*执行率） had been taken for a row of
    # a form without points (a name and two values with figures), the funds header lost
    lines = [
        _laid_out((0, "预算执行情况（20分）"), (25, "预算数（A）"), (42, "执行数（B）"),
                  (59, "执行率（B/A）"), (76, "得分（20分*执行率）")),
        _laid_out((25, "350.00"), (42, "253.40"), (59, "72.40%"), (76, "14.48")),
    ]  # fmt: skip
    assert _cells(lines) == [
        ["预算执行情况（20分）", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）"],
        ["350.00", "253.40", "72.40%", "14.48"],
    ]  # fmt: skip


def test_a_pages_title_printed_again_with_its_continued_mark_keeps_the_tables_columns() -> None:
    # nx04: 四、年度绩效指标完成情况（续） over a page's rows had been read as a header of one
    # column, the page's rows then with columns of their own (=100 | %100%)
    header = _laid_out((0, "一级"), (12, "二级"), (32, "三级指标"), (54, "符号"), (60, "值"),
                       (66, "单位"), (74, "实际完成值"), (88, "单项得分"), (98, "权重占比"),
                       (108, "折算得分"))  # fmt: skip

    def row(name: str, sign: str, value: str, actual: str, weight: str) -> str:
        return _laid_out((0, "产出指标"), (12, "时效指标"), (32, name), (54, sign), (60, value),
                         (66, "%"), (74, actual), (88, "100"), (98, weight),
                         (108, weight + ".00"))  # fmt: skip

    lines = [
        header,
        row("资助资金足额发放率", "=", "100", "100%", "15"),
        _laid_out((40, "第1页")),
        "",
        _laid_out((0, "四、年度绩效指标完成情况（续）")),
        row("资助资金发放及时率", "=", "100", "100%", "10"),
    ]
    last = _cells(lines)[-1]
    assert last[2:7] == ["资助资金发放及时率", "=", "100", "%", "100%"]
