"""What round 173 of the written tables (cda, cdb, cdc, cdd) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_the_execution_blocks_label_with_its_weight_is_no_column() -> None:
    # cdb02: 预算执行率（权重10分） | 年初预算数 | … | 权重 | 执行率 | 得分 (every figure had been
    # read a column off, the block said misread)
    (table,) = parse_file(_doc("cdb02")).tables
    total = table.funds.annual_total
    assert (total.executed, total.weight, total.rate_pct, total.score) == (
        11853720.0,
        10.0,
        94.08,
        9.41,
    )
    assert table.reliable


def test_an_exception_named_in_other_words_is_the_row() -> None:
    # cdc05: 除溢洪道清淤长度外各项指标均已完成, the row 清淤疏浚溢洪道长度 missed (a false N108)
    from reviewer.checks.narrative import _names_row

    assert _names_row("溢洪道清淤长度", "清淤疏浚溢洪道长度")
    assert not _names_row("受益人口", "清淤疏浚溢洪道长度")
    assert "N108" not in _codes("cdc05")


def test_money_added_in_the_year_is_no_rows_figure() -> None:
    # cdd06: 年中追加抽检经费26万元 against the row 抽检经费控制在预算内 (a false N102)
    assert "N102" not in _codes("cdd06")


def test_a_cell_that_asks_to_be_filled_is_the_templates() -> None:
    # cdd03: 实际完成情况 | 请填写实际完成情况（填写说明：…） (labelled)
    said = [f for f in review(_doc("cdd03")).findings if f.code == "P106"]
    assert said and "实际完成情况" in said[0].message
