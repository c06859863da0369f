"""What round 199 of the written tables (chb, chc, chd, che) showed: a grid drawn in box characters,
and a report's cover list of its units (序号 | 单位名称 | 项目名称 | 全年预算数（元）) taken for a table.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.ingest import read_grid
from tests.test_round73_variants import _codes, _doc


def test_round199_a_grid_drawn_in_box_characters_is_read_as_an_ascii_one() -> None:
    # chb03: ┌──┬──┐ / │ 项目名称 │ … │ / ├──┼──┤: read, not refused
    t = parse_file(_doc("chb03")).tables[0]
    assert len(t.indicators) == 8
    assert t.funds.annual_total.executed == 80.85
    assert "T101" in _codes("chb03")  # its labelled total (99.53 against 99.03)


def test_round199_a_cover_list_of_units_is_no_table() -> None:
    # che01 (.docx): 附：单位清单 | 序号 | 单位名称 | 项目名称 | 全年预算数（元） | 1 | …: no table of
    # its own (its cells reported unread), the two units' tables read
    tables = parse_file(_doc("che01")).tables
    assert len(tables) == 2
    assert all(t.project == "家庭经济困难学生资助资金" for t in tables)
    assert "P103" not in _codes("che01")


def test_round199_a_scans_double_bar_for_an_equals_sign_is_kept(tmp_path: Path) -> None:
    # corpus 023: 成本指标 | 生均补助标准达标率 | ═ | 100 | % … (═ for =), no grid around it: not
    # taken for a rule's piece, as a line drawn with corners and uprights is
    path = tmp_path / "t.txt"
    path.write_text("指标\t符号\t值\n生均补助标准达标率\t═\t100\n", encoding="utf-8")
    texts = [c.text for r in read_grid(path).rows for c in r.cells]
    assert "═" in texts
    grid = tmp_path / "g.txt"
    grid.write_text("┌────┬────┐\n│ 项目 │ 值 │\n└────┴────┘\n", encoding="utf-8")
    cells = [c.text for r in read_grid(grid).rows for c in r.cells]
    assert {"项目", "值"} <= set(cells)
    assert not any("│" in t for t in cells)  # the uprights drawn as the ASCII grid's bars
