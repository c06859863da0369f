"""What round 206 of the written tables (cid, cie, cif, cig) showed: WeChat pages laying a table
out as CSS grid rows, a cell holding its own flex row of cells, and a funds cell stacking two
columns' labels (年初预算数 over 全年预算数) whose figures were read as one amount.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.ingest import read_grid
from tests.test_round73_variants import _codes, _doc


def test_round206_grid_rows_are_a_tables_rows_their_spans_columns(tmp_path: Path) -> None:
    # cif03: <section style="display:grid"> rows of cells spanning columns (grid-column:span 2):
    # read as a table (it was refused)
    t = parse_file(_doc("cif03")).tables[0]
    assert len(t.indicators) == 7
    assert "T101" in _codes("cif03")  # its labelled total
    page = tmp_path / "grid.html"
    page.write_text(
        "<section style='display:grid;grid-template-columns:repeat(4,1fr)'>"
        "<section style='grid-column:span 2'>项目名称</section><section>测试项目</section>"
        "</section>",
        encoding="utf-8",
    )
    cells = [(c.column, c.text) for r in read_grid(page).rows for c in r.cells]
    assert cells == [(1, "项目名称"), (3, "测试项目")]


def test_round206_a_cells_own_flex_row_gives_the_rows_cells(tmp_path: Path) -> None:
    # a cell holding a row of two cells (年初 | 全年 under one label): each a cell of the row
    page = tmp_path / "nested.html"
    page.write_text(
        "<section style='display:flex'><section>年度资金总额</section>"
        "<section><section style='display:flex'><section>360</section><section>300</section>"
        "</section></section><section>288</section></section>",
        encoding="utf-8",
    )
    rows = [[c.text for c in r.cells] for r in read_grid(page).rows]
    assert rows == [["年度资金总额", "360", "300", "288"]]


def test_round206_a_funds_cell_stacking_two_columns_labels_is_doubted() -> None:
    # cif02: 年初预算数 / 全年预算数 stacked in one cell, 360 / 300 under them read as 360300: a
    # false B101 (应为0.08%) and F101; the funds now said misread, its rows still reviewed
    codes = _codes("cif02")
    assert "B101" not in codes and "F101" not in codes
    assert "P108" in codes
    assert "S102" in codes  # its labelled missed row at full marks
    # a label's note in brackets, closed or not, names no second column (得分（20分*执行率）)
    assert "P108" not in _codes("cid04") and "T101" in _codes("cid04")
