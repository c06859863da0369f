"""What round 204 of the written tables (chv, chw, chx, chy) showed: PDF tables drawn without
rulings between their rows (a 三线表, or none at all), a table pasted as text into one Word
paragraph, and tables a WeChat article lays out with flexbox instead of <table>.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.ingest import read_grid
from tests.test_round73_variants import _codes, _doc


def test_round204_a_pdf_table_without_rulings_is_read_from_its_laid_out_text() -> None:
    # chv03 (no rules at all), chv06 (a rule under every row), chv02 (20/80): their rows had
    # been stacked into one another (每格多行), the table refused or no row read
    for stem, rows in (("chv03", 9), ("chv06", 9), ("chv02", 8)):
        t = parse_file(_doc(stem)).tables[0]
        assert len(t.indicators) == rows, stem
        assert not t.doubts, stem
    t = parse_file(_doc("chv06")).tables[0]
    assert t.funds.annual_total.executed == 1196.3
    assert "F101" in _codes("chv06")  # its labelled 执行数 not adding
    assert "S101" in _codes("chv03") and "T101" in _codes("chv03")


def test_round204_a_laid_out_reading_keeps_its_cells_pages() -> None:
    # the cells of the second reading say their page, and their line on it as their row
    grid = read_grid(_doc("chv04"))
    second = dict(grid.second)["pdf/layout"]
    cells = [c for row in second() for c in row.cells]
    assert cells and all(c.where and c.where.get("page") in (1, 2) for c in cells)
    assert any(c.where["page"] == 2 for c in cells)


def test_round204_a_table_pasted_as_text_into_one_paragraph_is_read() -> None:
    # chw05 (.docx): 项目名称 | 小型水库除险加固项目 |  | … / 主管部门 | … one paragraph, its lines
    # parted by soft breaks: each line a row, its empty cells in place (the table was refused)
    t = parse_file(_doc("chw05")).tables[0]
    assert t.project == "小型水库除险加固项目"
    assert len(t.indicators) == 7


def test_round204_flexbox_rows_are_a_tables_rows(tmp_path: Path) -> None:
    # chx01 (a WeChat article): <section style="display:flex"> rows of <section> cells, no
    # <table>: read as a table (it was refused)
    t = parse_file(_doc("chx01")).tables[0]
    assert len(t.indicators) == 9
    assert "B101" in _codes("chx01")  # its labelled rate
    # a flex row's children are its cells; a paragraph after the rows ends their table
    page = tmp_path / "flex.html"
    page.write_text(
        "<html><body><p>前言</p>"
        "<section><section style='display:flex'><section>项目名称</section>"
        "<section><p>测试项目</p></section></section>"
        "<section style='display: flex'><section>主管部门</section><section>某局</section>"
        "</section><p>以下为说明。</p></section></body></html>",
        encoding="utf-8",
    )
    rows = [[c.text for c in r.cells] for r in read_grid(page).rows]
    assert ["项目名称", "测试项目"] in rows and ["主管部门", "某局"] in rows
    assert ["以下为说明。"] in rows and ["前言"] in rows


def test_round204_a_pdf_whose_tables_are_all_ruled_is_not_read_again() -> None:
    # chn01: every page's table ruled cell by cell: no laid-out reading offered (it would read
    # the same table with its cells guessed by position)
    grid = read_grid(_doc("chn01"))
    assert list(dict(grid.second)["pdf/layout"]()) == []


def test_round204_what_a_laid_out_reading_misreads_is_doubted(tmp_path: Path) -> None:
    # ix05 (a PDF without rulings): a header's wrapped labels read into a name (单项指标 twice:
    # 行政村放映覆盖率预期指单项指标实际单项指标完), which a reading must not pass for a right one
    assert "P108" in _codes("ix05")
    # a target run into its name one space apart (保障农村饮水安全人口15.8万人 | 15.8万人 | 10, the
    # points a column on: its actual a bare figure), as cc2's PDF laid out read it
    head = "项目名称\t测试项目\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    glued = "效益指标\t社会效益指标\t保障农村饮水安全人口15.8万人\t15.8万人\t10\t10\n"
    path = tmp_path / "glued.txt"
    path.write_text(head + glued, encoding="utf-8")
    assert any("末尾带着数值和计量单位" in d.reason for d in parse_file(path).tables[0].doubts)
    # a name stating a figure of its own, its actual in its unit: no doubt (corpus 017's
    # 扶贫临时救助标准——一户年最高5300元 | ≤5300元/户 | 5830元/户)
    own = "产出指标\t数量指标\t临时救助标准一户年最高5300元\t≤5300元/户\t5830元/户\t10\t10\n"
    path.write_text(head + own, encoding="utf-8")
    assert not any("末尾带着" in d.reason for d in parse_file(path).tables[0].doubts)


def test_round204_a_scans_space_inside_a_figure_is_no_claim() -> None:
    # cd06 (a scan's text layer): 重点人群签约率67. 8% in the narrative is 67.8%, not a claim of
    # 8% against the row's 67.8% (a false N102)
    assert "N102" not in _codes("cd06", "重点人群签约率")
