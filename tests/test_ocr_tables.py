"""OCR text of scanned tables: the label glyphs OCR misreads, a figure's handwritten correction
beside it, and a table continued on a second scanned page under its own title."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.forms.vocabulary import key
from reviewer.parse.labels import LabelKind, label_kind
from reviewer.parse.values import parse_value
from reviewer.pipeline import review


def test_labels_read_through_the_glyphs_ocr_takes_for_theirs() -> None:
    assert key("实际宪成值") == "实际完成值"
    assert key("得份") == "得分"
    assert label_kind("效益指杯") is LabelKind.L1
    # a value is not a label: its characters are kept
    assert parse_value("宪成").word == "宪成"


def test_more_label_glyphs_ocr_misreads_and_the_rows_read_through_them(tmp_path: Path) -> None:
    # kc02, kc03, kc05: 分 read as 份 (份值, 总份, (50份)), 一 as a hyphen (-级指标)
    assert (key("份值"), key("-级指标")) == ("分值", "一级指标")
    rows = [
        [TITLE],
        ["项目名称", "农村供水保障工程"],
        ["项目资金", "", "年初预算数", "全年预算数", "全年执行数", "份值", "执行率", "得分"],
        ["", "年度资金总额", "860.00", "860.00", "812.40", "10", "94.47%", "9.45"],
        ["绩效指标", "-级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "份值", "得分"],
        ["", "产出指标(50份)", "数量指标", "新建供水工程", "≥12处", "12处", "50", "50"],
        ["", "效益指标(40份)", "社会效益指标", "受益人口", "≥4.5万人", "4.62万人", "40", "40"],
        ["总份", "", "", "", "", "", "100", "99.45"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert [(i.l1, i.name, i.weight, i.score) for i in t.indicators] == [
        ("产出指标", "新建供水工程", 50.0, 50.0),
        ("效益指标", "受益人口", 40.0, 40.0),
    ]
    assert (t.total_weight, t.total_score) == (100.0, 99.45)


def test_rows_parted_by_runs_of_spaces_among_rows_parted_by_tabs(tmp_path: Path) -> None:
    # kn04: an OCR service's text, some lines' cells parted by tabs, some by runs of spaces
    rows = [
        [TITLE],
        ["项目名称", "农村供水保障工程"],
        ["项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额   860.00   860.00   812.40   10   94.47%   9.45"],
        HEADER,
        ["", "产出指标", "数量指标", "新建供水工程", "≥12处", "12处", "50", "50"],
        ["", "效益指标   社会效益指标   受益人口   ≥4.5万人   4.62万人   40   40"],
        ["总分", "", "", "", "", "", "100", "99.45"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert [(i.l1, i.name, i.actual, i.score) for i in t.indicators] == [
        ("产出指标", "新建供水工程", "12处", 50.0),
        ("效益指标", "受益人口", "4.62万人", 40.0),
    ]
    assert t.funds.annual_total.executed == 812.40


def test_a_figure_and_its_correction_side_by_side_is_no_figure() -> None:
    for text in ("95% 96%", "12000人12460人", "92%94%"):
        assert parse_value(text).number is None, text
    # a figure with a unit that holds digits of its own, or two units, is still a figure
    assert parse_value("≥90%（2023年）").number == 90
    assert parse_value("2023年12月").number == 2023


def _write(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "scan.txt"
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


TITLE = "某县2023年度项目支出绩效自评表"
HEADER = [
    "绩效指杯",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际宪成值",
    "分值",
    "得份",
]


def test_a_table_continued_on_a_second_page_under_its_own_title_is_one_table(
    tmp_path: Path,
) -> None:
    rows = [
        [TITLE],
        ["项目名称", "农村供水保障工程"],
        ["项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得份"],
        ["", "年度资金总额", "860.00", "860.00", "812.40", "10", "94.47%", "9.45"],
        HEADER,
        ["", "产出指标", "数量指标", "新建供水工程", "≥12处", "12处", "40", "40"],
        ["第1页"],
        [],
        [TITLE],
        HEADER,
        ["", "效益指杯", "社会效益指标", "受益人口", "≥4.5万人", "4.62万人", "30", "30"],
        ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95% 96%", "10", "10"],
        ["总分", "", "", "", "", "", "90", "89.45"],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert [(i.l1, i.name, i.score) for i in t.indicators] == [
        ("产出指标", "新建供水工程", 40.0),
        ("效益指标", "受益人口", 30.0),  # 效益指杯: the label OCR misread
        ("满意度指标", "群众满意度", 10.0),
    ]
    # the corrected cell is not judged against its target as a figure in another unit
    assert not [f for f in review(path).findings if f.code == "S108"]


def test_a_pages_rows_under_the_title_and_header_printed_again_go_on(tmp_path: Path) -> None:
    # kv06: no blank line at the page's break, its number read -l-, then the form's title and
    # its indicator header again: the rows of both pages are the table's, none replaced
    rows = [
        [TITLE],
        ["项目名称", "农村供水保障工程"],
        HEADER,
        ["", "产出指标", "数量指标", "新建供水工程", "≥12处", "12处", "50", "50"],
        ["-l-"],
        [TITLE],
        HEADER,
        ["", "效益指标", "社会效益指标", "受益人口", "≥4.5万人", "4.62万人", "40", "40"],
        ["总分", "", "", "", "", "", "90", "90"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert [i.name for i in t.indicators] == ["新建供水工程", "受益人口"]


@pytest.mark.parametrize("mark", ["▇", "■", "▒"])  # kn05: a scan's smudge in medium shade
def test_a_table_of_illegible_cells_is_said_to_be_misread(tmp_path: Path, mark: str) -> None:
    rows = [
        ["项■支出绩效■评表"],
        ["项目名称", "残疾人两项■▇▇", "主管▇▇", "某县民▇▇"],
        ["项目资金", "▇▇▇▇▇", "全年▇▇数", "■■■", "分值", "▇行率", "得■"],
        ["", "年度资▇▇额", "4■7.▇", "▇▇6.■", "▇l■.▇", "10", "■■.▇%", "▇.▇"],
        HEADER,
        ["", "产出指标", "数量指标", "▇▇▇▇补贴发放人数", "≥▇▇▇▇人", "▇▇▇▇人", "50", "50"],
        ["总分", "", "", "", "", "", "100", "9▇.▇"],
    ]
    rows = [[c.replace("▇", mark).replace("■", mark) for c in r] for r in rows]
    findings = review(_write(tmp_path, rows)).findings
    assert any(f.code == "P108" and "无法辨认" in f.message for f in findings)


def test_a_target_and_its_actual_in_one_cell_are_read_under_their_labels(tmp_path: Path) -> None:
    # an OCR export that missed the rule between 年度指标值 and 实际完成值: "≥92% 93.5%" in one
    # cell, every cell after it a column left of its label (a false T101 had followed)
    rows = [
        [TITLE],
        ["项目名称", "农村饮水项目"],
        HEADER,
        ["", "产出指标", "质量指标", "农村自来水普及率", "≥92% 93.5%", "50", "50"],
        ["", "效益指标", "社会效益指标", "受益农村人口", "≥5万人", "5.2万人", "30", "30"],
        ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10"],
        ["总分", "", "", "", "", "", "90", "90"],
    ]
    path = _write(tmp_path, rows)
    result = review(path)
    row = result.report.tables[0].indicators[0]
    assert (row.target, row.actual, row.weight, row.score) == ("≥92%", "93.5%", 50, 50)
    # quoted where they are printed: the merged cell's column, and the columns after it
    assert (row.cells["target"].column, row.cells["actual"].column) == (5, 5)
    assert row.cells["score"].column == 7
    assert not [f for f in result.findings if f.code == "T101"]
