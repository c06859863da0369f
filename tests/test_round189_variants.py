"""What round 189 of the written tables (cfn, cfo, cfp, cfq) showed, and what measuring rounds
187–188 across the earlier documents caught: a county's share named 县区配套, a table whose every
得分 is blank, a name's lines read through a scan's values, a source's row read a column on, and
a note that defines the form's columns rather than explaining a change.
"""

from __future__ import annotations

from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def _messages(stem: str, code: str) -> list[str]:
    return [f.message for f in review(_doc(stem)).findings if f.code == code]


def test_round189_funds_by_level_named_county_and_district() -> None:
    # cfn04: 中央 / 省级 / 市级 / 县区配套资金 under 当年财政拨款 add up to it (clean)
    assert "F101" not in _codes("cfn04")
    # cfn06: 其他资金（社会资本） left out of 年度资金总额 is still said (labelled)
    assert "F101" in _codes("cfn06")


def test_round189_every_score_left_blank() -> None:
    # cfp06: every row's 实际完成值 written, every 得分 blank, the total's too (labelled)
    assert any("没有自评打分" in m for m in _messages("cfp06", "P107"))
    # cfq05, clean and scored: nothing of the kind
    assert "P107" not in _codes("cfq05")


def test_round189_a_names_lines_read_through_a_scans_values() -> None:
    # tg02: 2型糖尿病 / 患者规范管理 … 63.O% / 率 read as actual 2型糖尿病63.O% and target ≥62%率:
    # the table is doubted, no finding on the broken row
    assert any("完成值前夹着文字" in m for m in _messages("tg02", "P108"))
    assert not {"S102", "S108", "E101"} & _codes("tg02", "患者规范管理")


def test_round189_a_sources_row_read_a_column_on() -> None:
    # tu06: 其中：财政拨款 | 2680.00 | 2680.00 | 2631.20 read with its executed amount as a rate
    assert any("执行率读作2,631.2%" in m for m in _messages("tu06", "P108"))
    assert "F101" not in _codes("tu06")


def test_round189_a_note_defining_the_columns_explains_no_change() -> None:
    # ep04: 注：调整预算数为年度内追加(+)或调减(-)的预算数… beside a budget cut of 25 % (labelled)
    assert "F104" in _codes("ep04")
