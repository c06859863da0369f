"""What round 183 of the written tables (ceo, ceq, cer, ces) showed: a PDF's header printed again
at the next page's top before any row, funds by level nested under the row they make up, a
fixed-width funds row with its first amount blank, a goal's figure reckoned by, and tables with a
part left out (no funds block, a last page).
"""

from __future__ import annotations

import pytest

from reviewer.api import parse_file
from reviewer.errors import InputError
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def _messages(stem: str, code: str) -> list[str]:
    return [f.message for f in review(_doc(stem)).findings if f.code == code]


def test_round183_header_again_at_the_next_pages_top() -> None:
    # ceo06 (a PDF): the second table's header at page 1's foot and again at page 2's top, each
    # page numbering its grid's columns its own way: the rows go by the second
    second = parse_file(_doc("ceo06")).tables[1]
    first = second.indicators[0]
    assert (first.weight, first.score, first.explanation) == (20, 18.4, "已按计划完成。")


def test_round183_levels_nested_under_what_they_make_up() -> None:
    # cer02, cer06: 中央 | 地方资金 | 其中：省级 | 市级 | 县级: the levels under 地方资金, not all
    # added up against the total
    assert "F101" not in _codes("cer02") | _codes("cer06")
    # cer05: 其他资金 | 其中：自筹资金 | 社会资金 (120 + 360 against 450 in 年初预算数, labelled)
    assert _messages("cer05", "F101") == [
        "年初预算数：其他资金为450，其下各项之和为480，两者不符。"
    ]
    # cer01: the levels under 当年财政拨款 not adding up to it (labelled)
    assert any("当年财政拨款" in m for m in _messages("cer01", "F101"))


def test_round183_a_fixed_width_funds_row_with_a_blank_first_amount() -> None:
    # cer03: 上年结转资金 | (blank) | 248.75 | 238.75, its label read a column right of the
    # others' and 其他资金 alone run into the part above it: a false F101
    (table,) = parse_file(_doc("cer03")).tables
    carryover = table.funds.prior_year_carryover
    assert (carryover.initial_budget, carryover.full_year_budget) == (None, 248.75)
    assert "F101" not in _codes("cer03")
    # 全年按在校200天计算 is what the goal reckons by, no item to report
    assert "N105" not in _codes("cer03")


def test_round183_a_table_printed_without_its_funds_block() -> None:
    # ces03: no 项目资金 block, 总分 95.52 against rows adding up to 86: the execution's points
    # unknown, the total not checked (no T101 error, no T104)
    (message,) = _messages("ces03", "T101")
    assert "总分未核对" in message
    assert "T104" not in _codes("ces03")


def test_round183_a_forms_last_page_alone() -> None:
    # ces04: the indicator header and the 总分 row of a form's last page, nothing else
    with pytest.raises(InputError, match="只有自评表绩效指标的表头和总分行"):
        parse_file(_doc("ces04"))
