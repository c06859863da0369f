"""What rounds 177 and 178 of the written tables (cdq–cdx) showed: a correction notice in
other words (勘误：…的实际完成值应为85.6%) is one (P114), and a change a report tells that is no
correction (an approved target's reduction) is not; a target in three columns headed 符号 | 数值 |
单位; a narrative's breakdown with the money added in the year among its parts.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.model import Severity
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_round177_corrections_in_other_words() -> None:
    # cdq04: 勘误：上表“农村公路优良路率”的实际完成值应为85.6%，原录入有误。
    (hit,) = [f for f in review(_doc("cdq04")).findings if f.code == "P114"]
    assert hit.severity is Severity.WARNING
    assert "更正了1处内容（勘误：上表“农村公路优良路率”的实际完成值应为85.6%" in hit.message
    # cdo04, cdq06: the corrected table printed again in full after the notice: a remark
    for stem in ("cdo04", "cdq06"):
        (again,) = [f for f in review(_doc(stem)).findings if f.code == "P114"]
        assert again.severity is Severity.INFO


def test_round178_a_notice_the_table_already_follows() -> None:
    # cdu03: “图书借阅量”实际完成值误填为“1.26万册”，现更正为“12.6万册”, and the table prints 12.6万册
    (hit,) = [f for f in review(_doc("cdu03")).findings if f.code == "P114"]
    assert hit.severity is Severity.INFO


def test_round177_changes_told_that_are_no_corrections() -> None:
    # cdq05: 其他需要说明事项 telling an approved reduction of a target: no correction notice
    assert "P114" not in _codes("cdq05")


def test_round178_a_target_in_three_columns_headed_number() -> None:
    # cdv06: 符号 | 数值 | 单位 (≥ | 5 | 万册): the target read as ≥ alone, the rest lost, with no
    # doubt said; cdv01 with 指标性质 before them: said misread
    for stem, first in (("cdv06", "≥5万册"), ("cdv01", "≥2.0万亩")):
        (t,) = parse_file(_doc(stem)).tables
        assert t.indicators[0].target == first
        assert not t.doubts


def test_round178_a_narratives_breakdown_with_money_added_in_the_year() -> None:
    # cdx01: 全年预算数1,491.35万元，其中年初预算1,286.40万元，年中追加…经费166.35万元，上年结转
    # 38.60万元: it adds up; and “三公”经费实际支出9.84万元 is a part's (its indicator row's)
    assert "N106" not in _codes("cdx01")
