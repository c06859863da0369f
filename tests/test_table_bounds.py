"""Where a table begins and ends in a document that holds other things besides: a workbook's
cover listing the projects, another table's 合计 after the 总分, a 20/80 form's 偏差原因分析
row under its indicators."""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.model import Report

FORM = [
    ["项目支出绩效自评表"],
    ["(2019年度)"],
    ["项目名称", "农村公路养护工程"],
    ["主管部门", "某县交通运输局", "", "", "实施单位", "某县公路养护中心"],
    ["项目资金 (万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "100", "100", "90", "10", "90.00%", "9"],
    ["年度总体目标", "预期目标", "", "", "实际完成情况"],
    ["", "养护县乡道100公里。", "", "", "养护县乡道100公里。"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["", "产出指标", "数量指标", "养护里程", "≥100公里", "100公里", "50", "50"],
    ["", "效益指标", "社会效益指标", "群众出行条件", "改善", "改善", "30", "30"],
    ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10"],
    ["总分", "", "", "", "", "", "100", "99"],
]


def _parse(tmp_path: Path, rows: list[list[str]]) -> Report:
    path = tmp_path / "t.txt"
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    return parse_file(path)


def test_a_cover_listing_the_projects_is_no_table(tmp_path: Path) -> None:
    cover = [
        ["某县交通运输局2019年度项目支出绩效自评表目录"],
        ["序号", "项目名称", "工作表", "自评得分"],
        ["1", "农村公路养护工程", "农村公路养护", "99.00"],
    ]
    report = _parse(tmp_path, cover + FORM)
    (table,) = report.tables
    assert table.project == "农村公路养护工程"
    assert table.first_line == len(cover) + 1  # from the form's own title
    assert len(table.indicators) == 3
    # the cover's cells are not read into the table: the cover is a summary of the projects'
    # results, read as such (and held against each project's table, T108)
    (entry,) = report.summaries
    assert (entry.project, entry.score) == ("农村公路养护工程", 99.0)
    assert not {"工作表", "农村公路养护", "99.00"} & {x.text for x in report.leftovers}


def test_the_first_total_is_the_tables_another_tables_total_below_it_is_not(
    tmp_path: Path,
) -> None:
    spending = [
        ["表2 农村公路养护工程资金使用明细"],
        ["序号", "路段", "合同金额", "支付金额"],
        ["1", "城关至白沙段", "496.90", "473.12"],
        ["合计", "", "496.90", "473.12"],
    ]
    report = _parse(tmp_path, FORM + spending)
    (table,) = report.tables
    assert (table.total_weight, table.total_score) == (100, 99)
    assert "473.12" in {x.text for x in report.leftovers}


def test_a_deviation_analysis_row_under_the_indicators_is_a_field(tmp_path: Path) -> None:
    rows = [*FORM[:-1], ["偏差原因分析", "无"], ["改进措施", "加强养护管理。"], FORM[-1]]
    report = _parse(tmp_path, rows)
    (table,) = report.tables
    assert [i.name for i in table.indicators] == ["养护里程", "群众出行条件", "群众满意度"]
    assert table.fields["deviation_analysis"] == "无"


def test_a_text_stopping_inside_its_total_figure_is_cut_there(tmp_path: Path) -> None:
    # jm04: a page's excerpt ends at "| 总分 | 100 | 99." — the score cut after its point is
    # no 100 to check against the rows' sum (a false T101)
    from reviewer.pipeline import review

    lines = [
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
        "| 产出指标 | 数量指标 | 设备购置 | ≥20台 | 20台 | 50 | 50 |",
        "| 效益指标 | 社会效益指标 | 服务能力 | 提升 | 提升 | 40 | 39.81 |",
        "| 满意度指标 | 服务对象满意度指标 | 患者满意度 | ≥90% | 93.6% | 10 | 10 |",
        "| 总分 | 100 | 99.",
    ]
    path = tmp_path / "cut.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = review(path)
    (t,) = result.report.tables
    assert t.ends_inside
    assert "T101" not in {f.code for f in result.findings}


def test_the_next_attachments_heading_ends_rows_with_no_total(tmp_path: Path) -> None:
    # mr02: a transfer form's rows end with no 总分; the report's 附件2 (a list of projects,
    # no self-evaluation table) follows: no part of the last row's name
    rows = [*FORM[:-1], ["附件2  2021年度项目支出清单"], ["1. 农村公路养护工程  100"]]
    (table,) = _parse(tmp_path, rows).tables
    assert table.indicators[-1].name == "群众满意度"


def test_rows_short_of_their_points_with_no_total_and_no_satisfaction_row_are_cut(
    tmp_path: Path,
) -> None:
    # nk03: an excerpt pasted up to its first rows, no 总分 after them: not a table whose
    # points fall short of 100 (W101), a table cut after a whole row
    report = _parse(tmp_path, FORM[:10])
    (t,) = report.tables
    assert t.ends_inside and not t.complete
    from reviewer.pipeline import review

    codes = {f.code for f in review(tmp_path / "t.txt").findings}
    assert "W101" not in codes


def test_rows_with_their_satisfaction_row_and_no_total_are_whole(tmp_path: Path) -> None:
    rows = [r for r in FORM if r[0] != "总分"]
    (t,) = _parse(tmp_path, rows).tables
    assert t.complete and not t.ends_inside
