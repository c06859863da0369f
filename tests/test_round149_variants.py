"""What round 149 of the written tables (bt, bu, bv, bw) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.builders import ind, make_table, with_row, write_tables
from tests.test_round73_variants import _doc


def test_a_row_without_points_with_its_explanation_after_its_values_is_a_row() -> None:
    # bt01 (pdftotext -layout of a transfer form): 其中:高效节水灌溉面积 | ≥0.6万亩 | 0.52万亩 |
    # 受7月下旬持续强降雨影响,两 (wrapped under its column): the line was no row's own and its
    # cells went to the row above (≥4.4万亩≥0.6万亩), with no doubt said
    (table,) = parse_file(_doc("bt01")).tables
    assert [(i.name, i.target) for i in table.indicators][:3] == [
        ("新建高标准农田面积", "≥4.4万亩"),
        ("其中:高效节水灌溉面积", "≥0.6万亩"),
        ("新打配套机井", "≥120眼"),
    ]
    assert table.indicators[1].explanation.startswith("受7月下旬持续强降雨影响")


def test_a_note_that_the_table_goes_on_elsewhere_is_no_rows_name() -> None:
    # bu05 (.xlsx): （续表见“项目1（续）”） under the sheet's last row was read into its name
    tables = parse_file(_doc("bu05")).tables
    names = [i.name for t in tables for i in t.indicators]
    assert "管网单位造价" in names
    assert not any("续表见" in n for n in names)


def test_funds_sought_and_obtained_are_no_plan() -> None:
    # bu05: 年中争取省级补助286万元 reports money obtained in the year, not a promise (N104)
    assert "N104" not in {f.code for f in review(_doc("bu05")).findings}


def test_two_rows_targets_in_one_cell_are_doubted(tmp_path: Path) -> None:
    # what bt01 read without a doubt: ≥4.4万亩≥0.6万亩 | 4.4万亩0.52万亩, two rows run into one
    rows = with_row(2, ind("新建高标准农田面积", "≥4.4万亩≥0.6万亩", "4.4万亩0.52万亩", 10, 10))
    path = tmp_path / "t.txt"
    write_tables(path, make_table(indicators=rows))
    (table,) = parse_file(path).tables
    assert any("两个带运算符的数值连在一起" in d.reason for d in table.doubts)
    # a part's own target bracketed after the row's is the row's
    rows = with_row(2, ind("出水水质达标率", "≥90%（其中规模以上站点≥95%）", "96%", 10, 10))
    write_tables(path, make_table(indicators=rows))
    (table,) = parse_file(path).tables
    assert not any("两个带运算符的数值连在一起" in d.reason for d in table.doubts)
