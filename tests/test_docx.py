"""The Word reader: tables with merged cells, paragraphs around them, locations by table, row
and cell."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document

from reviewer.api import parse_file
from reviewer.cli import main
from reviewer.ingest import read_grid
from tests.fixtures.generate.make_docx import write_docx
from tests.fixtures.generate.source import gold_tables


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "seed.docx"
    write_docx(gold_tables()[:3], path)
    return path


def test_locations_point_at_the_cells(seed_docx: Path) -> None:
    report = parse_file(seed_docx)
    doc = Document(str(seed_docx))
    checked = 0
    for table in report.tables:
        for ind in table.indicators:
            for key in ("name", "target", "actual", "weight", "score"):
                ref = ind.cells[key]
                assert ref.table is not None and ref.row is not None and ref.column is not None
                cell = doc.tables[ref.table - 1].cell(ref.row - 1, ref.column - 1)
                assert cell.text.replace(" ", "") == ref.text
                checked += 1
    assert checked == 5 * sum(len(t.indicators) for t in report.tables)
    assert report.tables[2].indicators[0].cells["name"].describe() == "第3个表格第11行第4格"


def test_vertically_merged_labels_are_read_once(seed_docx: Path) -> None:
    first = parse_file(seed_docx).tables[0]
    name = first.indicators[0].cells["name"]
    assert name.row is not None
    group = [i for i in first.indicators if i.l1 == "产出指标"]
    assert len(group) > 1
    # python-docx repeats a merged cell's text in every row it covers …
    table = Document(str(seed_docx)).tables[0]
    spanned = [table.cell(name.row - 1 + k, 1).text for k in range(len(group))]
    assert spanned == ["产出指标"] * len(group)
    # … the reader gives it once, at the top of the group.
    cells = [c for row in read_grid(seed_docx).rows for c in row.cells]
    where = [c.where for c in cells if c.text == "产出指标" and (c.where or {}).get("table") == 1]
    assert where == [{"table": 1, "row": name.row, "column": 2}]


def _small_document(path: Path) -> None:
    doc = Document()
    doc.add_paragraph("财政项目支出绩效自评表")
    doc.add_paragraph("（2023年度）")
    doc.add_paragraph("项目名称：示例项目")
    doc.add_paragraph("主管部门：某市某局\t实施单位：某市某中心")
    rows = [
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
        ["", "年度资金总额", "100", "100", "90", "10", "90.00%", "9"],
        ["年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""],
        ["", "完成目标。", "", "", "已完成目标。", "", "", ""],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
        ],
        ["", "产出指标", "数量指标", "甲数", "=1个", "=1个", "30", "30"],
        ["", "", "", "乙数", "=2个", "=2个", "30", "30"],
        ["", "", "质量指标", "丙合格率", "=100%", "=100%", "20", "20"],
        ["", "效益指标", "社会效益指标", "提升丁", "提升", "提升", "10", "10"],
        ["总分", "", "", "", "", "", "100", "99"],
    ]
    table = doc.add_table(rows=len(rows), cols=8)
    grid = [r.cells for r in table.rows]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            grid[r][c].text = value
    for (r0, c0), (r1, c1) in (
        ((0, 0), (1, 0)),  # 项目资金 down two rows
        ((2, 0), (3, 0)),
        ((2, 1), (2, 3)),  # 预期目标 across three columns
        ((3, 1), (3, 3)),
        ((2, 4), (2, 7)),
        ((3, 4), (3, 7)),
        ((4, 0), (8, 0)),  # 绩效指标 down the section
        ((5, 1), (7, 1)),  # 产出指标 down its group
        ((5, 2), (6, 2)),  # 数量指标 down its sub-group
        ((9, 0), (9, 5)),  # 总分 across
    ):
        grid[r0][c0].merge(grid[r1][c1])
    doc.add_paragraph("附：项目现场照片6张")
    doc.save(str(path))


def test_paragraphs_around_a_table_with_merged_cells(tmp_path: Path) -> None:
    path = tmp_path / "small.docx"
    _small_document(path)
    report = parse_file(path)
    (t,) = report.tables
    assert (t.project, t.department, t.implementer, t.year, t.amount_unit) == (
        "示例项目",
        "某市某局",
        "某市某中心",
        2023,
        "万元",
    )
    assert (t.goal_expected, t.goal_actual) == ("完成目标。", "已完成目标。")
    assert [(i.l1, i.l2, i.name, i.weight) for i in t.indicators] == [
        ("产出指标", "数量指标", "甲数", 30),
        ("产出指标", "数量指标", "乙数", 30),
        ("产出指标", "质量指标", "丙合格率", 20),
        ("效益指标", "社会效益指标", "提升丁", 10),
    ]
    assert (t.total_weight, t.total_score) == (100, 99)
    assert t.cells["goal_actual"].column == 5  # a merged cell sits at its first grid column
    assert [(left.text, left.location.describe()) for left in report.leftovers] == [
        ("附：项目现场照片6张", "第5行第1格")  # the fifth paragraph
    ]


@pytest.mark.parametrize("span", ["x", "1.5", ""])
def test_a_damaged_cell_attribute_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], span: str
) -> None:
    # python-docx reads an attribute's value only when asked, while the rows are read.
    path = tmp_path / "small.docx"
    _small_document(path)
    with zipfile.ZipFile(path) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    xml = parts["word/document.xml"].decode()
    parts["word/document.xml"] = xml.replace(
        "<w:tcPr>", f'<w:tcPr><w:gridSpan w:val="{span}"/>', 1
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "错误：small.docx 无法作为 Word 文件打开：文件已损坏或不完整"


def test_a_table_inside_a_cell_is_read_as_rows_of_its_own(tmp_path: Path) -> None:
    # a layout table: its first row holds the form's title, its second row one cell holding
    # the form itself as a table (as Word nests a table in a cell)
    path = tmp_path / "nested.docx"
    _small_document(path)
    doc = Document(str(path))
    inner = doc.tables[0]._tbl
    outer = doc.add_table(rows=2, cols=1)
    outer.rows[0].cells[0].text = "附件：绩效自评情况"
    holder = outer.rows[1].cells[0]
    holder.paragraphs[0].text = "（表格见下）"
    holder._tc.append(inner)  # moved into the cell, after its paragraph
    doc.save(str(path))
    (t,) = parse_file(path).tables
    assert [(i.name, i.weight, i.score) for i in t.indicators] == [
        ("甲数", 30, 30),
        ("乙数", 30, 30),
        ("丙合格率", 20, 20),
        ("提升丁", 10, 10),
    ]
    assert (t.total_weight, t.total_score) == (100, 99)


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _boxed(text: str) -> str:
    """A text box holding ``text`` as Word writes one: the drawing (mc:Choice) and its copy for
    older readers (mc:Fallback), each with its own w:txbxContent."""
    content = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        f'<w:r xmlns:w="{_W}" xmlns:mc="{_MC}"><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing>{content}</w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict>{content}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def test_a_text_box_is_read_once_after_its_paragraph(tmp_path: Path) -> None:
    # cbd03: a form's indicator table drawn in a text box had not been read at all; Word keeps
    # a fallback copy of each text box, which is not read a second time
    from lxml import etree

    doc = Document()
    anchor = doc.add_paragraph("年度绩效指标")
    anchor._p.append(etree.fromstring(_boxed("三级指标\t年度指标值\t实际完成值")))
    doc.add_paragraph("填报人：王某")
    path = tmp_path / "boxed.docx"
    doc.save(str(path))
    texts = [r.joined for r in read_grid(path).rows]
    assert texts == ["年度绩效指标", "三级指标\t年度指标值\t实际完成值", "填报人：王某"]
