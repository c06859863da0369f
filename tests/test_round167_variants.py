"""What round 167 of the written tables (ccc, ccd, cce, ccf) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from tests.test_round73_variants import _codes, _doc


def test_plan_and_actual_counts_name_the_target_and_actual_columns() -> None:
    # ccf01 (Hunan): 计划数 | 实际数 | 分值 | 得分 | 偏差原因 | 改进措施 — no target or actual
    # had been read (said misread)
    (table,) = parse_file(_doc("ccf01")).tables
    row = next(i for i in table.indicators if i.name == "新修机耕道长度")
    assert (row.target, row.actual) == ("≥35公里", "31.2公里")
    assert "S102" in _codes("ccf01", "新修机耕道长度")  # labelled


def test_a_measures_column_of_the_rows_is_no_field_left_empty() -> None:
    # ccf02–ccf05: 改进措施 a column beside 偏差原因, empty on the rows that met: no P109
    for stem in ("ccf02", "ccf03"):
        (table,) = parse_file(_doc(stem)).tables
        assert table.reliable, stem  # read, so that its fields are judged
        assert "P109" not in _codes(stem), stem
