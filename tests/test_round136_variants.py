"""What round 136 of the written tables (zi, zj, zk, zl) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_names_figure_cut_at_the_lines_end_is_whole() -> None:
    # zi03 (OCR a cell a line): 村集体经济年收入1 / 0万元以上村占比: the name had been cut in two
    names = [i.name for i in parse_file(_doc("zi03")).tables[0].indicators]
    assert "村集体经济年收入10万元以上村占比" in names


def test_a_tables_number_before_a_word_is_no_quantity() -> None:
    # zk05: 预期目标 names 表2 部门整体年度绩效指标完成情况: read as 2部, a false N105
    assert "N105" not in {f.code for f in review(_doc("zk05")).findings}


def test_a_20_80_forms_amount_row_is_its_funds_total() -> None:
    # zl05: 金额（万元） | 5268.00 | 5075.70 | 96.35% | 19.27: the funds had been doubted, unread
    table = parse_file(_doc("zl05")).tables[0]
    assert table.funds is not None
    total = table.funds.annual_total
    assert (total.full_year_budget, total.executed, total.score) == (5268.0, 5075.7, 19.27)
    assert not table.doubts
