"""reviewer/ingest/mirror.py: a document-mirror site's page markers (1、 2、 …) set apart, and
its preview limit and links kept out of the table."""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file

_HEAD = [
    "2021年高标准农田建设项目绩效自评表.docx",
    "《2021年高标准农田建设项目绩效自评表.docx》由会员分享，可在线阅读。",
    "1、附件2",
    "项目支出绩效自评表",
    "项目名称\t高标准农田建设",
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    "\t产出指标\t数量指标\t新建高标准农田\t≥2.3万亩\t2.3万亩\t30\t30",
]


def _parse(tmp_path: Path, lines: list[str]):  # type: ignore[no-untyped-def]
    path = tmp_path / "mirror.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return parse_file(path)


def test_a_page_marker_inside_a_row_is_taken_out_and_the_row_joined(tmp_path: Path) -> None:
    lines = [
        *_HEAD,
        "\t\t时效指标\t项目完工时间",  # the page ends after the name
        "2、\t2021年12月底前\t2022年3月\t30\t25\t部分地块征地协调滞后，工期顺延。",
        "\t效益指标\t社会效益指标\t受益农户数\t≥5200户\t5316户\t30\t30",
        "总分\t\t\t\t\t\t90\t85",
    ]
    report = _parse(tmp_path, lines)
    (t,) = report.tables
    late = t.indicators[1]
    assert (late.name, late.target, late.actual, late.weight, late.score) == (
        "项目完工时间",
        "2021年12月底前",
        "2022年3月",
        30,
        25,
    )
    assert late.cells["target"].line == 9  # the cell keeps the line it was printed on
    assert late.explanation == "部分地块征地协调滞后，工期顺延。"
    assert [i.name for i in t.indicators] == ["新建高标准农田", "项目完工时间", "受益农户数"]
    # the markers are accounted for as printed: 1、 reported with its line, 2、 as a page number
    assert [x.text for x in report.leftovers] == ["1、附件2"]


def test_a_marker_between_two_lines_of_prose_is_left_as_printed(tmp_path: Path) -> None:
    lines = [
        "1、项目基本情况",
        "本项目为高标准农田建设。",
        "2、绩效目标完成情况",
        *_HEAD[3:],
    ]
    report = _parse(tmp_path, lines)
    assert {x.text for x in report.leftovers} >= {"1、项目基本情况", "2、绩效目标完成情况"}


def test_a_mirrors_preview_limit_and_links_are_not_read_into_the_last_row(
    tmp_path: Path,
) -> None:
    lines = [
        *_HEAD,
        "\t效益指标\t社会效益指标\t受益农户数\t≥5200户\t5316户\t30\t30",
        "该文档共4页，到这儿已超出免费预览范围，",
        "下载文档",
        "相关搜索",
    ]
    report = _parse(tmp_path, lines)
    (t,) = report.tables
    assert [i.name for i in t.indicators] == ["新建高标准农田", "受益农户数"]
    assert {"下载文档", "相关搜索"} <= {x.text for x in report.leftovers}


def test_the_templates_own_empty_row_is_template_text(tmp_path: Path) -> None:
    lines = [*_HEAD, "\t\t\t指标2", "\t效益指标\t社会效益指标\t受益农户数\t≥5200户\t5316户\t30\t30"]
    (t,) = _parse(tmp_path, lines).tables
    assert [i.name for i in t.indicators] == ["新建高标准农田", "受益农户数"]
    assert [c.text for c in t.template_text] == ["指标2"]


def test_a_page_opening_with_the_next_tables_title_starts_that_table(tmp_path: Path) -> None:
    second = [line.replace("高标准农田建设", "农田水利设施管护") for line in _HEAD[4:]]
    lines = [
        *_HEAD,
        "总分\t\t\t\t\t\t30\t30",
        "2、项目支出绩效自评表",  # the page and the second table begin together
        *second,
        "总分\t\t\t\t\t\t30\t30",
    ]
    report = _parse(tmp_path, lines)
    first, other = report.tables
    assert (first.total_weight, first.total_score) == (30, 30)
    assert other.project == "农田水利设施管护" and other.first_line == 9  # the title's line
    assert [i.name for i in other.indicators] == ["新建高标准农田"]
