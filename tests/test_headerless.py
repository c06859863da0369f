"""Excerpts that open among the indicator rows, with no header above them.

A search engine's cache or a page split across posts may show a table from inside its
indicator block. The rows then carry no column labels; they are read by the shapes the forms
print them in (national; 分值 before the target; Sichuan's 指标性质 | 指标值 | 度量单位 apart;
no points), in every layout, or refused when no shape reads them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.errors import InputError
from reviewer.pipeline import review

_ROWS = [  # 一级, 二级, name, target, actual, 分值, 得分 (merged labels printed once)
    ("", "质量指标", "道路验收合格率", "≥95%", "98%", "10", "10"),
    ("", "", "路面平整达标率", "≥90%", "92.5%", "10", "10"),
    ("", "时效指标", "工程完工及时率", "100%", "100%", "5", "5"),
    ("效益指标", "社会效益指标", "受益群众人数", "≥3000人", "3120人", "15", "15"),
]
_EXPECTED = [
    ("道路验收合格率", "≥95%", "98%", 10, 10),
    ("路面平整达标率", "≥90%", "92.5%", 10, 10),
    ("工程完工及时率", "100%", "100%", 5, 5),
    ("受益群众人数", "≥3000人", "3120人", 15, 15),
]


def _read(path: Path) -> list[tuple[str, str | None, str | None, float | None, float | None]]:
    (table,) = parse_file(path).tables
    return [(i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators]


def _cells(row: tuple[str, ...]) -> list[str]:
    return [c for c in row if c]


def test_rows_a_cell_a_line_ending_in_bars(tmp_path: Path) -> None:
    lines = [f"{c} |" for row in _ROWS for c in [*_cells(row), ""]]
    path = tmp_path / "bars.txt"
    path.write_text("\n".join([*lines, "总分 |", "100 |", "99.5 |"]) + "\n", encoding="utf-8")
    assert _read(path) == _EXPECTED


def test_rows_a_cell_a_paragraph(tmp_path: Path) -> None:
    cells = [c for row in _ROWS for c in _cells(row)]
    path = tmp_path / "paragraphs.txt"
    path.write_text("\n\n".join([*cells, "总分", "100", "99.5"]) + "\n", encoding="utf-8")
    assert _read(path) == _EXPECTED


def test_rows_a_line_each_cells_parted_by_single_spaces(tmp_path: Path) -> None:
    lines = [" ".join(_cells(row)) for row in _ROWS]
    path = tmp_path / "words.txt"
    path.write_text("\n".join([*lines, "总分 100 99.5"]) + "\n", encoding="utf-8")
    assert _read(path) == _EXPECTED


def test_a_sichuan_forms_rows_with_the_target_in_three_cells(tmp_path: Path) -> None:
    path = tmp_path / "sichuan.txt"
    path.write_text(
        "数量指标 | 培训人次 | ≥ | 800 | 人次 | 812 | 20 | 20 | |\n"
        "质量指标 | 培训合格率 | ≥ | 90 | % | 93 | 20 | 20 | |\n"
        "可持续影响指标 | 培训长效机制 | 定性 | 健全 | | 健全 | 10 | 10 | |\n"
        "合计 | 100 | 100 | |\n",
        encoding="utf-8",
    )
    assert _read(path) == [
        ("培训人次", "≥800人次", "812", 20, 20),
        ("培训合格率", "≥90%", "93", 20, 20),
        ("培训长效机制", "健全", "健全", 10, 10),
    ]


def test_rows_with_a_serial_number_before_their_labels(tmp_path: Path) -> None:
    path = tmp_path / "numbered.txt"
    path.write_text(
        "".join(f"{k}\t" + "\t".join(row) + "\t\n" for k, row in enumerate(_ROWS, start=4)),
        encoding="utf-8",
    )
    assert _read(path) == _EXPECTED


def test_rows_printing_their_points_before_the_target(tmp_path: Path) -> None:
    shown = [(r[0], r[1], r[2], r[5], r[3], r[4], r[6]) for r in _ROWS]
    lines = [f"{c} |" for row in shown for c in [*_cells(row), ""]]
    path = tmp_path / "weight_first.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _read(path) == _EXPECTED


def test_the_table_after_the_excerpts_total_is_a_table_of_its_own(tmp_path: Path) -> None:
    lines = [f"{c} |" for row in _ROWS for c in [*_cells(row), ""]]
    lines += ["总分 |", "100 |", "99.5 |", "项目支出绩效自评表 |", "项目名称 |", "乡村道路养护 |"]
    path = tmp_path / "two.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tables = parse_file(path).tables
    assert [t.project for t in tables] == ["", "乡村道路养护"]
    assert [i.name for i in tables[0].indicators] == [e[0] for e in _EXPECTED]


def test_a_hebei_forms_section_four_a_cell_a_line(tmp_path: Path) -> None:
    # name | 指标分值 (its definition) | 符号 | 值 | 单位 | actual | 完成情况 | 单项指标得分 |
    # 权重占比 | 折算得分
    rows = [
        ["产出指标", "数量指标", "改造户厕数", "完成改造的户厕数量", ">=", "1200", "户", "1200户",
         "完成", "100.00", "30.00", "30.00"],
        ["质量指标", "改厕验收合格率", "验收合格户厕的比例", ">=", "95", "%(百分比)", "97%", "完成",
         "100.00", "30.00", "30.00"],
        ["效果指标", "社会效益指标", "卫生厕所普及率", "使用卫生厕所户数的比例", ">=", "80",
         "%(百分比)", "82%", "完成", "100.00", "40.00", "40.00"],
    ]  # fmt: skip
    path = tmp_path / "hebei.txt"
    path.write_text("".join(f"{c} |\n" for row in rows for c in row), encoding="utf-8")
    assert _read(path) == [
        ("改造户厕数", ">=1200户", "1200户", 30, 30),
        ("改厕验收合格率", ">=95%(百分比)", "97%", 30, 30),
        ("卫生厕所普及率", ">=80%(百分比)", "82%", 40, 40),
    ]


@pytest.mark.parametrize("layout", ["bars", "words"])
def test_lines_of_names_and_amounts_are_no_indicator_rows(tmp_path: Path, layout: str) -> None:
    rows = [("教育支出", "120.5", "130.2"), ("卫生支出", "80.1", "85.6"), ("交通支出", "60", "66")]
    if layout == "bars":
        text = "\n".join(f"{c} |" for row in rows for c in row)
    else:
        text = "\n".join(" ".join(row) for row in rows)
    path = tmp_path / f"{layout}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    try:
        tables = parse_file(path).tables
    except InputError:
        return
    assert all(not t.indicators for t in tables)


def test_a_twenty_eighty_forms_rows_whose_first_targets_are_bare_numbers(tmp_path: Path) -> None:
    # md02: name | 年初目标值 | 实际完成值 | 得分, no 分值; a target in words further down
    path = tmp_path / "twenty.txt"
    path.write_text(
        "\t数量指标\t新建高标准农田面积(亩)\t12000\t12000\t8\n"
        "\t\t新建灌排渠道(公里)\t36.5\t37.2\t6\n"
        "\t\t新建机耕路(公里)\t18\t18\t6\n"
        "\t质量指标\t工程验收合格率\t100%\t100%\t8\n",
        encoding="utf-8",
    )
    assert _read(path) == [
        ("新建高标准农田面积(亩)", "12000", "12000", None, 8),
        ("新建灌排渠道(公里)", "36.5", "37.2", None, 6),
        ("新建机耕路(公里)", "18", "18", None, 6),
        ("工程验收合格率", "100%", "100%", None, 8),
    ]


def test_a_department_forms_rows_in_its_own_categories(tmp_path: Path) -> None:
    # mi06: 部门管理 | 预算编制 | name …, a row printing one word has its 二级 alone
    path = tmp_path / "department.txt"
    path.write_text(
        "| 部门管理 | 预算编制 | 预算调整率 | ≤10% | 6.8% | 3 | 3 |\n"
        "| 预算编制准确率 | ≥90% | 93.6% | 4 | 4 |\n"
        "| 预算执行 | 预算执行率 | ≥95% | 97.42% | 5 | 5 |\n"
        "| 结转结余率 | ≤5% | 3.1% | 3 | 3 |\n",
        encoding="utf-8",
    )
    result = review(path)
    (table,) = result.report.tables
    assert [(i.l1, i.l2, i.name) for i in table.indicators] == [
        ("部门管理", "预算编制", "预算调整率"),
        ("部门管理", "预算编制", "预算编制准确率"),
        ("部门管理", "预算执行", "预算执行率"),
        ("部门管理", "预算执行", "结转结余率"),
    ]
    assert not any(f.code == "P104" for f in result.findings)  # its categories are its own


def test_rows_a_cell_a_paragraph_each_with_its_serial_number(tmp_path: Path) -> None:
    cells = [c for k, row in enumerate(_ROWS, start=4) for c in [str(k), *_cells(row)]]
    path = tmp_path / "numbered_paragraphs.txt"
    path.write_text("\n\n".join([*cells, "总分", "100", "99.5"]) + "\n", encoding="utf-8")
    assert _read(path) == _EXPECTED
    (table,) = parse_file(path).tables
    assert all(not i.explanation for i in table.indicators)  # no serial read as one


def test_a_sections_rows_run_together_on_one_line_then_a_whole_table(tmp_path: Path) -> None:
    # mq05: a web page printing each section on one line, single spaces between the cells: an
    # excerpt's rows (no header) with its 总分, then a whole table whose rows share a line too;
    # a row's points before the next row's labels are no 序号 (those count up)
    excerpt = " ".join(c for row in _ROWS for c in _cells(row)) + " 总分 100 99.5"
    rows = [
        ("产出指标", "数量指标", "养护里程", "≥1126公里", "1126公里", "40", "40"),
        ("", "质量指标", "路面优良率", "≥80%", "85%", "40", "40"),
    ]
    table = [
        "项目支出绩效自评表",
        "项目名称 农村公路日常养护 主管部门 某县交通运输局",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        " ".join(c for row in rows for c in _cells(row)) + " 总分 80 80",
    ]
    path = tmp_path / "page.txt"
    path.write_text("某县交通运输局项目支出绩效自评结果公开\n" + excerpt + "\n" + "\n".join(table) + "\n",
                    encoding="utf-8")  # fmt: skip
    first, second = parse_file(path).tables
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in first.indicators] == _EXPECTED
    assert first.total_score == 99.5
    assert second.project == "农村公路日常养护"
    assert [(i.name, i.l2, i.actual) for i in second.indicators] == [
        ("养护里程", "数量指标", "1126公里"),
        ("路面优良率", "质量指标", "85%"),
    ]


def test_pipe_rows_that_lost_their_merged_cells_with_no_header(tmp_path: Path) -> None:
    # mq03: | 质量指标 | name | … under a 一级 cell left out, | 效益指标 | 经济效益指标 | … beside
    # it, a form without points; no empty cell written, no header to say the columns
    path = tmp_path / "pipes.txt"
    path.write_text(
        "| 新建产业路 | ≥12公里 | 12.6公里 |\n"
        "| 新建日光温室 | ≥160座 | 160座 |\n"
        "| 质量指标 | 工程验收合格率 | 100% | 100% |\n"
        "| 时效指标 | 资金拨付及时率 | ≥95% | 100% |\n"
        "| 效益指标 | 经济效益指标 | 户均增收 | ≥1200元 | 1350元 |\n",
        encoding="utf-8",
    )
    (table,) = parse_file(path).tables
    assert [(i.name, i.target, i.actual) for i in table.indicators] == [
        ("新建产业路", "≥12公里", "12.6公里"),
        ("新建日光温室", "≥160座", "160座"),
        ("工程验收合格率", "100%", "100%"),
        ("资金拨付及时率", "≥95%", "100%"),
        ("户均增收", "≥1200元", "1350元"),
    ]
    assert [i.l2 for i in table.indicators][2:] == ["质量指标", "时效指标", "经济效益指标"]


def test_a_transfer_forms_rows_whose_targets_are_rates_without_a_sign(tmp_path: Path) -> None:
    # ll04: no 分值 or 得分, a target of 100% with no sign among targets with one: its unit
    # says it is a target (a funds row's bare amounts have none)
    path = tmp_path / "excerpt.txt"
    path.write_text(
        "孕产妇系统管理率 ≥85% 91.2%\n"
        "质量指标 居民电子健康档案动态使用率 ≥50% 56.3%\n"
        "时效指标 补助资金拨付及时率 100% 100%\n"
        "满意度指标 服务对象满意度指标 居民满意度 ≥85% 88.6%\n",
        encoding="utf-8",
    )
    assert [(n, t, a) for n, t, a, _, _ in _read(path)] == [
        ("孕产妇系统管理率", "≥85%", "91.2%"),
        ("居民电子健康档案动态使用率", "≥50%", "56.3%"),
        ("补助资金拨付及时率", "100%", "100%"),
        ("居民满意度", "≥85%", "88.6%"),
    ]
