"""The PDF reader: ruled tables with merged cells and centred labels, tables continued over a
page break, text around the tables, ruling-less pages, pages without text, and PDFs that
cannot be read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from reportlab.pdfgen.canvas import Canvas

from reviewer.api import parse_file
from reviewer.cli import main
from reviewer.ingest import read_grid
from reviewer.ingest.pdf import page_rows
from reviewer.ingest.pdf_layout import join_wrapped
from tests.fixtures.generate import hostile, make_pdf
from tests.fixtures.generate.source import gold_tables


@pytest.fixture(scope="module")
def ruled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    make_pdf.write_ruled_pdf(gold_tables(), path)
    return path


def test_tables_continue_over_page_breaks(ruled: Path) -> None:
    report = parse_file(ruled)
    with pdfplumber.open(ruled) as pdf:
        assert len(pdf.pages) > len(report.tables)  # some forms take two pages
    continued = [t for t in report.tables if len({i.cells["name"].page for i in t.indicators}) > 1]
    assert continued  # … with the break among the indicator rows
    for t in continued:
        pages = [i.cells["name"].page or 0 for i in t.indicators]
        assert pages == sorted(pages)


def test_centred_label_is_read_at_the_top_of_its_merged_cell(ruled: Path) -> None:
    rows = list(read_grid(ruled).rows)
    first_page = [r for r in rows if r.cells[0].where and r.cells[0].where["page"] == 1]
    label = next(c for r in first_page for c in r.cells if c.text == "产出指标")
    assert label.where is not None
    first_indicator = next(r for r in first_page if "完成司法所规范化建设个数" in r.joined)
    # read in the row where its merged cell starts, alongside the group's first indicator …
    assert label.where["row"] == first_indicator.cells[0].where["row"]  # type: ignore[index]
    # … although it is drawn lower down, in the middle of the rows it spans.
    with pdfplumber.open(ruled) as pdf:
        page = pdf.pages[0]
        (drawn,) = page.search("产出指标")
        (name,) = page.search("完成司法所规范化建设个数")
    assert drawn["top"] > name["bottom"]


def test_locations_name_the_page(ruled: Path) -> None:
    report = parse_file(ruled)
    with pdfplumber.open(ruled) as pdf:
        texts = ["".join(c["text"] for c in page.chars) for page in pdf.pages]
        for t in report.tables:
            for ind in t.indicators:
                for key in ("target", "actual", "weight", "score"):
                    ref = ind.cells[key]
                    assert ref.page is not None and ref.row is not None and ref.column
                    assert ref.text in texts[ref.page - 1]
    ref = report.tables[0].indicators[0].cells["weight"]
    assert ref.describe() == f"第1页表格第{ref.row}行第7格"


def test_several_tables_on_a_page_and_text_around_them(tmp_path: Path) -> None:
    path = tmp_path / "two.pdf"
    canvas = Canvas(str(path), pagesize=(595, 842))
    canvas.setFont(make_pdf.FONT, 10)
    canvas.drawString(50, 800, "表一")
    for top, rows in ((780, [["甲", "1"], ["乙", "2"]]), (700, [["丙", "3", "4"]])):
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                x, y = 50 + 60 * c, top - 20 * (r + 1)
                canvas.rect(x, y, 60, 20)
                canvas.drawString(x + 5, y + 6, value)
    canvas.drawString(50, 600, "填表人：张三      联系电话：123")
    canvas.save()
    with pdfplumber.open(path) as pdf:
        rows = page_rows(pdf.pages[0])
    assert [[(c.raw, c.column) for c in r.cells] for r in rows] == [
        [("表一", 1)],
        [("甲", 1), ("1", 2)],
        [("乙", 1), ("2", 2)],
        [("丙", 1), ("3", 2), ("4", 3)],
        [("填表人：张三", 1), ("联系电话：123", 2)],
    ]


def test_wrapped_lines_join_without_the_wrap() -> None:
    assert join_wrapped(["G60公共法律服务中心挂牌、启用等宣传活", "动场次"]) == (
        "G60公共法律服务中心挂牌、启用等宣传活动场次"
    )
    assert join_wrapped(["《财政部 ", "司法部关于》"]) == "《财政部 司法部关于》"
    assert join_wrapped(["Hello", "World"]) == "Hello World"


def test_a_number_a_ruled_cell_wrapped_is_one_number() -> None:
    assert join_wrapped(["工程验收合格率1", "00%"]) == "工程验收合格率100%"
    assert join_wrapped(["18,650,000.0", "0"]) == "18,650,000.00"
    # the next line opening a numbered item is no part of the number
    assert join_wrapped(["完成率达到100", "2.下一步加强管理"]) == "完成率达到100 2.下一步加强管理"
    # lines stacked into a cell by their positions alone may be two cells': the space stays
    assert join_wrapped(["18,650,000.0", "0"], ruled=False) == "18,650,000.0 0"


def _error(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("错误")
    return err


def test_scanned_pdf_needs_ocr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "scan.pdf"
    make_pdf.write_image_pdf(path)
    assert "OCR" in _error(path, capsys)


def test_encrypted_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "locked.pdf"
    make_pdf.write_encrypted_pdf(gold_tables(), path)
    assert "已加密" in _error(path, capsys)


def test_truncated_pdf(tmp_path: Path, ruled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(ruled.read_bytes()[:3000])
    assert "无法作为 PDF 读取" in _error(path, capsys)


def test_a_scanned_page_in_a_text_pdf_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "mixed.pdf"
    make_pdf.write_image_pdf(path, gold_tables()[:1])
    report = parse_file(path)
    assert len(report.tables) == 1
    with pdfplumber.open(path) as pdf:
        last = len(pdf.pages)
    assert [(left.location.page, "OCR" in left.reason) for left in report.leftovers] == [
        (last, True)
    ]


def _outlines(canvas: Canvas) -> None:
    """A table drawn, its text converted to outlines: lines and curves, no characters."""
    canvas.rect(100, 100, 400, 300)
    path = canvas.beginPath()
    path.moveTo(120, 120)
    path.curveTo(150, 200, 200, 50, 250, 120)
    canvas.drawPath(path)


def test_every_page_without_text_is_reported_with_its_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "pages.pdf"
    make_pdf.write_pdf_then(path, gold_tables()[:1], [lambda canvas: None, _outlines])
    report = parse_file(path)
    assert len(report.tables) == 1
    with pdfplumber.open(path) as pdf:
        last = len(pdf.pages)
    found = [(left.location.page, left.text) for left in report.leftovers]
    assert found == [
        (last - 1, "（本页没有可读取的文字）"),
        (last, "（页面只有线条或图形，没有可读取的文字）"),
    ]
    assert main(["parse", str(path)]) == 0
    err = capsys.readouterr().err
    assert f"第{last - 1}页" in err and f"第{last}页" in err
    assert "未解析 0 行；另有 2 处未能读取（见上方警告）" in err


@pytest.mark.parametrize(
    "mediabox",
    [b"[0 0 595 842 /x 1]", b"[0 0 /x 842]", b"[0 0 595]", b"[0 0 (a) 842]"],
)
def test_a_damaged_object_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mediabox: bytes
) -> None:
    path = tmp_path / "box.pdf"
    path.write_bytes(hostile.one_page_pdf(hostile.TEXT, mediabox=mediabox))
    assert "无法作为 PDF 读取" in _error(path, capsys)


def test_pdfminer_says_nothing_on_stderr(tmp_path: Path) -> None:
    # A font descriptor without its bounding box: pdfminer logs a warning about it. The CLI
    # is run as a program, so that logging is as it is for users (no pytest handler).
    path = tmp_path / "font.pdf"
    font = b"<< /Type /Font /Subtype /TrueType /BaseFont /Foo /FontDescriptor 6 0 R >>"
    descriptor = b"<< /Type /FontDescriptor /FontName /Foo /Flags 32 >>"
    path.write_bytes(hostile.one_page_pdf(hostile.TEXT, font=font, extra=[descriptor]))
    done = subprocess.run(
        [sys.executable, "-m", "reviewer.cli", "parse", str(path)],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "REVIEWER_DEBUG"},
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"错误：未在 {path.name} 中找到财政项目支出绩效自评表（项目名称、绩效指标等栏目）"
    ]


def test_a_header_written_sideways_reads_in_its_own_direction(tmp_path: Path) -> None:
    path = tmp_path / "turned.pdf"
    canvas = Canvas(str(path), pagesize=(595, 842))
    canvas.setFont(make_pdf.FONT, 10)
    for c, x in enumerate((50, 110, 170)):
        canvas.rect(x, 700, 60, 60)
        canvas.rect(x, 680, 60, 20)
        canvas.drawString(x + 5, 686, ("甲", "15", "14")[c])
    canvas.drawString(55, 726, "指标")
    for x, word, angle in ((135, "分值", 90), (195, "得分", -90)):
        canvas.saveState()
        canvas.translate(x, 730 - 10 if angle == 90 else 730 + 10)
        canvas.rotate(angle)
        canvas.drawString(0, 0, word)  # upwards, then downwards
        canvas.restoreState()
    canvas.save()
    with pdfplumber.open(path) as pdf:
        rows = page_rows(pdf.pages[0])
    assert [c.raw for c in rows[0].cells] == ["指标", "分值", "得分"]


def test_a_seals_words_are_not_read_into_the_cells_they_cover(tmp_path: Path) -> None:
    path = tmp_path / "sealed.pdf"
    canvas = Canvas(str(path), pagesize=(595, 842))
    canvas.setFont(make_pdf.FONT, 10)
    for c, value in enumerate(("满意度", "10", "10")):
        canvas.rect(50 + 60 * c, 700, 60, 20)
        canvas.drawString(55 + 60 * c, 706, value)
    canvas.setFillColorRGB(0.85, 0.1, 0.1)
    for k, ch in enumerate("某县文化局"):  # a ring of characters, each at its own angle
        canvas.saveState()
        canvas.translate(110 + 12 * k, 712 - 3 * k)
        canvas.rotate(30 - 15 * k)
        canvas.drawString(0, 0, ch)
        canvas.restoreState()
    canvas.drawString(165, 704, "（盖章）")  # level, in the seal's ink, over a score
    canvas.save()
    grid = read_grid(path)
    rows = list(grid.rows)
    assert [c.text for c in rows[0].cells] == ["满意度", "10", "10"]
    (seal,) = grid.extra_leftovers
    assert seal.location.page == 1 and "盖章" in seal.text and "县" in seal.text


def _chars(text: str, x0: float, top: float, size: float = 8.5) -> list[dict[str, object]]:
    """A line of CJK characters as pdfplumber gives them, each one size wide."""
    return [
        {"text": ch, "x0": x0 + k * size, "x1": x0 + (k + 1) * size, "top": top,
         "bottom": top + size, "size": size}
        for k, ch in enumerate(text)
    ]  # fmt: skip


def test_lines_stacked_close_in_a_page_without_rules_are_wrapped_only_when_set_alike() -> None:
    # gk06: a title, its unit and the project's fields a line apart, none of them wrapped; a
    # name wrapped in its cell goes on from the same left edge
    from reviewer.ingest.pdf_layout import block_rows

    chars = [
        *_chars("项目支出绩效自评表", 230, 80),
        *_chars("填报单位：某县教育和体育局（盖章）", 44, 111.6),
        *_chars("单位：元", 250, 111.6),
        *_chars("项目名称", 47, 124.1),
        *_chars("2023年学前教育家庭经济困难幼儿资助资金", 117, 124.1),
        *_chars("资助家庭经济困难", 117, 150),
        *_chars("幼儿人次", 117, 162.5),
        *_chars("1275人次", 300, 150),
    ]
    rows = [[c.raw for c in r.cells] for r in block_rows(chars)]
    assert ["填报单位：某县教育和体育局（盖章）", "单位：元"] in rows
    assert ["项目名称", "2023年学前教育家庭经济困难幼儿资助资金"] in rows
    assert ["资助家庭经济困难幼儿人次", "1275人次"] in rows
