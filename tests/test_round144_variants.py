"""What round 144 of the written tables (as, at, au, av) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_the_sections_points_before_its_columns_labels_are_no_column() -> None:
    # au05 (a web page a cell a line, rows apart by blank lines): 绩效指标 / 70 / 一级指标 / … /
    # 得分: the 70 had been taken for the score column's label, every row's score lost
    (table,) = parse_file(_doc("au05")).tables
    assert [i.score for i in table.indicators][:4] == [6, 6, 6, 5.70]


def test_a_fields_label_and_its_nothing_are_two_cells() -> None:
    # au06 (words a line): 偏差原因分析 无 under the rows had been joined into one label's cell
    # and read into the last row's name
    (table,) = parse_file(_doc("au06")).tables
    assert table.indicators[-1].name == "受益群众满意度"


def test_an_actual_with_its_conversion_noted_is_compared_in_its_own_unit() -> None:
    # av03: 受益农户 12480户（1.25万户） against ≥1.2万户, the narrative's 受益农户12480户: the
    # note in brackets had left the actual's unit unknown, read as 12480 万户 (a false N102)
    assert "N102" not in {f.code for f in review(_doc("av03")).findings}
