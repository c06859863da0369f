"""The Excel reader: merged cells, several sheets and forms, numbers as the sheet shows them,
and locations as Sheet!B12."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from reviewer.api import parse_file
from reviewer.ingest.xlsx import cell_text, format_number
from reviewer.model import EvaluationTable
from tests.fixtures.generate import hostile
from tests.fixtures.generate.make_xlsx import write_xlsx
from tests.fixtures.generate.source import gold_tables


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (0.9985, "0.00%", "99.85%"),
        (0.5, "0%", "50%"),
        (1046000, "#,##0.00", "1,046,000.00"),
        (4024422.6, "General", "4024422.6"),
        (0.1 + 0.2, "General", "0.3"),
        (7, "General", "7"),
        (9.98, "0.00", "9.98"),
        (812, '0"头"', "812头"),  # the text a format prints after the number
        (1200.5, '#,##0.00"元"', "1,200.50元"),
        (3, '"第"0"期"', "第3期"),
    ],
)
def test_numbers_as_the_sheet_shows_them(value: float, number_format: str, text: str) -> None:
    assert format_number(value, number_format) == text


@pytest.mark.parametrize(
    ("number_format", "text"),
    [
        ('yyyy"年"m"月"d"日"', "2021年12月20日"),
        ("yyyy-mm-dd", "2021-12-20"),
        ("yyyy/m/d", "2021/12/20"),
        ("General", "2021-12-20"),  # no date format: ISO
        ("dddd", "2021-12-20"),  # a weekday's name is not spelled out: ISO
    ],
)
def test_dates_as_the_sheet_shows_them(number_format: str, text: str) -> None:
    assert cell_text(dt.datetime(2021, 12, 20), number_format) == text


def test_two_forms_side_by_side_on_a_sheet_are_read_one_after_the_other(tmp_path: Path) -> None:
    t = gold_tables()[0]
    path = tmp_path / "pair.xlsx"
    write_xlsx([t], path, sheets=1)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    width = ws.max_column
    for row in list(ws.iter_rows()):
        for c in row:
            if c.value is not None:
                twin = ws.cell(row=c.row, column=c.column + width + 1)
                twin.value = "第二个项目" if c.value == t.project else c.value
                twin.number_format = c.number_format
    wb.save(path)
    report = parse_file(path)
    left, right = report.tables
    assert (left.project, right.project) == (t.project, "第二个项目")
    assert [i.name for i in right.indicators] == [i.name for i in left.indicators]
    assert _amounts(right) == _amounts(left)


def test_a_form_laid_sideways_reads_its_indicators_beside_its_other_blocks(
    tmp_path: Path,
) -> None:
    # oy02: the key, funds and goals in columns A–G, the indicator section from column H on the
    # same rows, no empty column between: the two parts had been read as one table's rows
    left = [
        ["部门预算项目支出绩效自评表"],
        ["项目名称", "基本公共卫生服务项目"],
        ["主管部门", "县卫生健康局"],
        ["项目年度目标", "为辖区常住居民免费提供基本公共卫生服务。"],
        [
            "预算执行情况（10分）",
            "年初预算",
            "调整后预算数",
            "预算执行数",
            "预算执行率",
            "权重",
            "得分",
        ],
        ["总额", "1126.50", "1126.50", "1101.72", "97.80%", "10", "9.78"],
    ]
    right = [
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "完成值",
            "权重",
            "得分",
        ],
        ["产出指标", "数量指标", "居民电子健康档案建档率", "≥", "90", "%", "93.1%", "40", "40"],
        ["产出指标", "质量指标", "高血压患者规范管理率", "≥", "65", "%", "66.8%", "30", "30"],
        [
            "效益指标",
            "社会效益指标",
            "城乡居民公共卫生差距",
            "定性",
            "不断缩小",
            "",
            "不断缩小",
            "10",
            "10",
        ],
        ["满意度指标", "服务对象满意度指标", "居民满意度", "≥", "85", "%", "90.5%", "10", "10"],
        ["合计", "", "", "", "", "", "", "100", "99.78"],
    ]
    wb = Workbook()
    ws = wb.active
    for r, cells in enumerate(left, start=1):
        for c, v in enumerate(cells, start=1):
            ws.cell(row=r, column=c, value=v)
    for r, cells in enumerate(right, start=1):
        for c, v in enumerate(cells, start=8):
            if v:
                ws.cell(row=r, column=c, value=v)
    path = tmp_path / "sideways.xlsx"
    wb.save(path)
    (t,) = parse_file(path).tables
    assert t.funds.annual_total.executed == 1101.72
    assert [(i.name, i.weight, i.score) for i in t.indicators] == [
        ("居民电子健康档案建档率", 40.0, 40.0),
        ("高血压患者规范管理率", 30.0, 30.0),
        ("城乡居民公共卫生差距", 10.0, 10.0),
        ("居民满意度", 10.0, 10.0),
    ]


def test_text_stays_text() -> None:
    assert cell_text("=16家", "General") == "=16家"
    assert cell_text("99.85%", "0.00%") == "99.85%"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "seed.xlsx"
    write_xlsx(gold_tables(), path)
    return path


def test_locations_point_at_the_cells(workbook: Path) -> None:
    report = parse_file(workbook)
    wb = load_workbook(workbook, data_only=True)
    sheets = set()
    for table in report.tables:
        refs = [table.funds.annual_total.cells["rate_pct"], table.cells["project"]]
        for ind in table.indicators:
            refs += [ind.cells[k] for k in ("name", "target", "weight", "score")]
        for ref in refs:
            assert ref.sheet is not None and ref.cell is not None
            sheets.add(ref.sheet)
            c = wb[ref.sheet][ref.cell]
            assert cell_text(c.value, c.number_format).replace(",", "") == ref.text.replace(",", "")
    assert sheets == {"自评表1", "自评表2"}


def test_merged_label_is_read_once_at_its_top_left(workbook: Path) -> None:
    first = parse_file(workbook).tables[0]
    ws = load_workbook(workbook)["自评表1"]
    name = ws[first.indicators[0].cells["name"].cell or ""]
    # The 一级 label is one cell merged over its group, left of the group's first row.
    (merged,) = [r for r in ws.merged_cells.ranges if (r.min_row, r.min_col) == (name.row, 2)]
    assert ws.cell(merged.min_row, merged.min_col).value == "产出指标"
    group = [i for i in first.indicators if i.l1 == "产出指标"]
    assert len(group) == merged.max_row - merged.min_row + 1 > 1


def _amounts(t: EvaluationTable) -> dict[str, object]:
    return {k: row.model_dump(exclude={"cells"}) for k, row in t.funds.rows().items()}


def test_numbers_stored_as_numbers_and_as_text_read_alike(tmp_path: Path) -> None:
    t = gold_tables()[0]
    path = tmp_path / "r.xlsx"
    write_xlsx([t, t], path, sheets=1)  # the first form stores numbers, the second text
    typed, text = parse_file(path).tables
    assert _amounts(typed) == _amounts(text)
    assert typed.funds.annual_total.rate_pct == 99.85
    ws = load_workbook(path).worksheets[0]
    rate_typed = ws[typed.funds.annual_total.cells["rate_pct"].cell or ""]
    rate_text = ws[text.funds.annual_total.cells["rate_pct"].cell or ""]
    assert (rate_typed.value, rate_typed.number_format) == (0.9985, "0.00%")
    assert rate_text.value == "99.85%"


def test_unused_cells_are_reported_with_their_sheet_and_cell(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_xlsx(gold_tables()[:1], path, sheets=1)
    wb = load_workbook(path)
    wb.worksheets[0]["K3"] = "附：项目现场照片6张"
    wb.save(path)
    report = parse_file(path)
    assert [(left.text, left.location.describe()) for left in report.leftovers] == [
        ("附：项目现场照片6张", "自评表1!K3")
    ]
    acc = report.accounting
    assert acc.consumed_lines + acc.reported_lines == acc.nonempty_lines


def test_an_empty_workbook_holds_no_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reviewer.cli import main

    path = tmp_path / "empty.xlsx"
    Workbook().save(path)
    assert main(["parse", str(path)]) == 2
    assert "未在 empty.xlsx 中找到" in capsys.readouterr().err


def test_each_sheet_and_page_break_starts_a_page(workbook: Path) -> None:
    from reviewer.ingest import read_grid

    rows = list(read_grid(workbook).rows)
    starts = [r.cells[0].where for r in rows if r.page_break_before]
    assert {"sheet": "自评表2", "cell": "A1"} in starts  # the second sheet
    titles = [r.cells[0].where for r in rows if r.cells[0].text == "财政项目支出绩效自评表"]
    assert starts == titles[1:]  # each later form follows a page break


def test_formatting_far_below_the_form_costs_nothing(tmp_path: Path) -> None:
    # Formatting alone can stretch a sheet to Excel's last row; only stored cells are read.
    from openpyxl.styles import Font

    path = tmp_path / "r.xlsx"
    write_xlsx(gold_tables()[:1], path, sheets=1)
    wb = load_workbook(path)
    wb.worksheets[0].cell(row=1_048_000, column=20).font = Font(bold=True)
    wb.save(path)
    started = time.perf_counter()
    report = parse_file(path)
    assert time.perf_counter() - started < 5  # visiting every row took ~25 s
    assert [t.project for t in report.tables] == ["司法行政宣传"]
    assert report.leftovers == []


def test_a_formula_saved_without_its_value_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # openpyxl (like other programs) saves formulas without the value Excel would compute:
    # read for its value, such a cell is empty, and 全年预算数 would seem missing.
    path = tmp_path / "r.xlsx"
    write_xlsx(gold_tables()[:1], path, sheets=1)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    budget = parse_file(path).tables[0].funds.annual_total.cells["full_year_budget"].cell or ""
    ws[budget] = "=D7+D8+D9"
    ws["K1"] = '=IF(1,"","")'
    wb.save(path)
    report = parse_file(path)
    assert [(left.location.describe(), left.text) for left in report.leftovers] == [
        ("自评表1!K1", '是公式但文件未保存计算结果（=IF(1,"","")）'),
        (f"自评表1!{budget}", "是公式但文件未保存计算结果（=D7+D8+D9）"),
    ]
    from reviewer.cli import main

    assert main(["parse", str(path)]) == 0
    err = capsys.readouterr().err
    assert f"自评表1!{budget} 未能解析：是公式但文件未保存计算结果" in err
    assert "另有 2 处未能读取" in err


def test_a_formula_with_its_saved_value_reads_as_the_value(tmp_path: Path) -> None:
    # As Excel saves them: the value beside the formula; an empty string result typed "str".
    rows = (
        '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c>'
        '<c r="B1" t="str"><f>IF(1,"","")</f><v></v></c><c r="C1"><f>1/0</f></c></row>'
    )
    path = tmp_path / "r.xlsx"
    path.write_bytes(hostile.xlsx_package(hostile.xlsx_sheet(rows)))
    from reviewer.ingest import read_grid

    grid = read_grid(path)
    assert [c.text for r in grid.rows for c in r.cells] == ["2"]
    assert [(left.location.describe(), left.text) for left in grid.extra_leftovers] == [
        ("Sheet1!C1", "是公式但文件未保存计算结果（=1/0）")
    ]


def test_a_formula_that_needs_no_computing_reads_as_typed(tmp_path: Path) -> None:
    # A program that wrote a target (=42条, =100%) as a formula saves no value: words no
    # spreadsheet computes and one figure read as typed, the sign a target's; others reported
    rows = (
        '<row r="1"><c r="A1"><f>42条</f></c><c r="B1"><f>100%</f></c>'
        '<c r="C1"><f>≥95%</f></c><c r="D1"><f>SUM(A2:A3)</f></c></row>'
    )
    path = tmp_path / "r.xlsx"
    path.write_bytes(hostile.xlsx_package(hostile.xlsx_sheet(rows)))
    from reviewer.ingest import read_grid

    grid = read_grid(path)
    assert [c.text for r in grid.rows for c in r.cells] == ["=42条", "=100%", "=≥95%"]
    assert [(left.location.describe(), left.text) for left in grid.extra_leftovers] == [
        ("Sheet1!D1", "是公式但文件未保存计算结果（=SUM(A2:A3)）")
    ]


def test_hidden_rows_columns_and_sheets_are_reported_not_read(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_xlsx(gold_tables()[:1], path, sheets=1)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    first = parse_file(path).tables[0].indicators[0]
    row = int((first.cells["name"].cell or "")[1:])
    ws.insert_rows(row + 1)  # a draft of the row below it, hidden
    for col, cell in enumerate(ws[row], start=1):
        ws.cell(row + 1, col, cell.value)
    ws.row_dimensions[row + 1].hidden = True
    ws["Z1"] = "旧数据"
    ws.column_dimensions["Z"].hidden = True
    wb.create_sheet("草稿")["A1"] = "项目名称"
    wb["草稿"].sheet_state = "hidden"
    wb.save(path)
    report = parse_file(path)
    (t,) = report.tables
    assert [i.name for i in t.indicators].count(first.name) == 1  # the hidden copy is not read
    hidden = [lo for lo in report.leftovers if "隐藏" in lo.reason]
    places = {lo.location.describe() for lo in hidden}
    assert {"自评表1!Z1", "工作表“草稿”"} <= places
    assert first.name in {lo.text for lo in hidden}  # the hidden row's cells, each reported
