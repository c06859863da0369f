"""What round 212 of the written tables (cjb, cjc, cjd, cje) showed: funds written as a sentence
in the cell after the block's label, as the label's lines in one cell, or down the block a stage
a line (five cjb tables' funds unread: P108 or a false F103, P103 and T104, errors); a narrative
saying the budget was paid in full, or spending after the funds received, left unchecked; and a
round-the-clock 7×24小时 taken for a quantity the narrative should report.
"""

from __future__ import annotations

from reviewer.api import parse_file
from tests.test_round73_variants import _codes, _doc


def test_round212_funds_as_a_sentence_after_the_blocks_label() -> None:
    # cjb01: 项目资金情况 | 年初预算数120万元，全年预算数135万元（…），全年执行数128.6万元，执行率94.26%…
    total = parse_file(_doc("cjb01")).tables[0].funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed) == (120, 135, 128.6)
    assert (total.rate_pct, total.weight, total.score) == (94.26, 10, 9.53)
    assert "B101" in _codes("cjb01") and "P108" not in _codes("cjb01")
    # cjb05: the sentence, then 分值 | 10 | 得分 | 9.80 in cells of their own
    total = parse_file(_doc("cjb05")).tables[0].funds.annual_total
    assert (total.executed, total.weight, total.score) == (84.3, 10, 9.8)
    assert not {"P108", "P101"} & _codes("cjb05")


def test_round212_funds_as_the_labels_lines_in_one_cell() -> None:
    # cjb06 (.docx): 资金情况 | 全年预算数：62.5\n资金到位数：62.5\n实际支出数：62.5\n结余：0 | 执行率 | 100% …
    t = parse_file(_doc("cjb06")).tables[0]
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct, total.score) == (
        62.5,
        62.5,
        100,
        10,
    )
    assert total.cells["received"].text == "62.5"
    assert not {"F103", "P103", "T104", "P101"} & _codes("cjb06")


def test_round212_funds_down_the_block_a_stage_a_line() -> None:
    # cjb02: 项目资金（万元） | 全年预算数 | 80, then 资金到位数 | 72 … 得分 | 10, a line each; the
    # rate printed is the spending over the funds received, not over the budget
    t = parse_file(_doc("cjb02")).tables[0]
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct, total.score) == (
        80,
        70.56,
        98,
        10,
    )
    assert (total.cells["received"].text, total.cells["balance"].text) == ("72", "1.44")
    codes = _codes("cjb02")
    assert {"B101", "B103"} <= codes and not {"F103", "P101"} & codes


def test_round212_a_narrative_paying_the_budget_in_full_or_spending_after_receipts() -> None:
    # cjc03: 项目资金860万元已全部支付到位 against 执行数 812.40; cjc04: 全年到位资金286.5万元，
    # 支出281.2万元 against 276.20
    assert "N106" in _codes("cjc03") and "N106" in _codes("cjc04")
    # jt06: …展演13场，支出18.46万元 is the shows' spending, not the project's
    assert "N106" not in _codes("jt06")


def test_round212_round_the_clock_is_no_quantity() -> None:
    # cje06: 保障数字化城管平台7×24小时稳定运行 in the goal: no figure to report
    assert "N105" not in _codes("cje06")
