"""What round 140 of the written tables (zy, zz) showed, asserted on the written documents
whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from tests.test_round73_variants import _doc


def test_names_that_took_their_definitions_wrapped_line_are_doubted() -> None:
    # zy03 (pdftotext -layout of a Hebei form): 维修养护工程数量 | 年度完成维修养护的 | … over
    # 农村供水工程处数: each definition's rest had been read into the name without a doubt, the
    # table reviewed as read (a B103 on a row named 水服务的满意程度); now said misread
    (table,) = parse_file(_doc("zy03")).tables
    assert not table.reliable
    assert "维修养护工程数量农村供水工程处数" not in [i.name for i in table.indicators]


def test_a_name_that_takes_its_own_wrapped_rest_is_not_doubted() -> None:
    # Hebei forms of this round and an earlier one read whole: no such doubt on them
    for stem in ("zy01", "zy02", "zy05", "zy06"):
        (table,) = parse_file(_doc(stem)).tables
        assert table.reliable, stem
