"""What round 211 of the written tables (cix, ciy, ciz, cja) showed: category headings numbered
一、二 under a 序号 column run into the first row's name (every cix table doubted), a pasted
excerpt saying its rest was not copied taken for a whole table (a false W101, an error), and rows
read a column off with nothing doubted (cja03's false T101 and T104, errors; ciz05's false P113).
"""

from __future__ import annotations

from reviewer.api import parse_file
from tests.test_round73_variants import _codes, _doc


def test_round211_numbered_category_headings_are_headings() -> None:
    # cix02: 序号 | … with 一 | 产出指标（50分） over its rows: the category, not a name's start
    t = parse_file(_doc("cix02")).tables[0]
    assert len(t.indicators) == 8 and not t.doubts
    assert t.indicators[0].name == "重点人群家庭医生签约人数"
    assert "T106" in _codes("cix01") and "T106" in _codes("cix06")  # their labelled 小计


def test_round211_an_excerpt_saying_its_rest_was_left_out_is_cut_there() -> None:
    # ciy04: （后面两页没复制下来） after three rows, another table after it: cut, not whole
    report = parse_file(_doc("ciy04"))
    assert report.tables[0].ends_inside and not report.tables[0].complete
    codes = _codes("ciy04")
    assert not {"W101", "P102"} & codes
    assert "F101" in codes  # the second table's labelled sources


def test_round211_a_row_read_a_column_off_is_doubted() -> None:
    # cja03 (20/80, no points per row): 化肥使用量 | 减少 | 减少8% | 15 read with 15 as its actual
    # and no score (a false T101 and T104): doubted, the text read again, every row right
    t = parse_file(_doc("cja03")).tables[0]
    assert len(t.indicators) == 6 and not t.doubts
    assert not {"T101", "T104"} & _codes("cja03")
    # ciz05: 不少于1200人次/年 1185人次/年 in the target's cell, no actual (a false P113): doubted
    codes = _codes("ciz05")
    assert "P108" in codes and "P113" not in codes
