"""What round 97 of the written tables (tj–tm) showed, asserted on the written documents whose
layout is the point.
"""

from __future__ import annotations

from reviewer.api import parse_file
from tests.test_round73_variants import _doc


def test_round97_a_name_after_a_seal_and_a_rest_ending_in_a_share() -> None:
    # tk03, a viewer's copy a cell a line: 农村集中供水工程水质 / 达标率 / ≥90% under a unit's
    # seal (大化瑶族自治县水利局 / （公章）), which parts the rows as a figure does; and
    # 农村规模化供水工程覆 / ≥52% / 53.10% / 盖人口比例, a tall name's rest ending in 比例
    names = [i.name for i in parse_file(_doc("tk03")).tables[0].indicators]
    assert "农村集中供水工程水质达标率" in names
    assert "农村规模化供水工程覆盖人口比例" in names


def test_round97_a_hebei_definitions_first_line_is_no_header_line() -> None:
    # tj01, pdftotext -layout of a Hebei form: the first row's name and definition begin a line
    # above its figures (秸秆综合利用面 | 年度内完成秸秆还田、离); the definition's words (年度,
    # 完成) had made the line a title's and joined it to the header. (Its funds, not read, leave
    # the table said misread.)
    (t,) = parse_file(_doc("tj01")).tables
    assert [i.name for i in t.indicators][:3] == [
        "秸秆综合利用面积",
        "秸秆综合利用率",
        "补助资金兑付及时率",
    ]


def test_round98_a_tall_names_rest_ending_in_a_state_of_things() -> None:
    # tp01, OCR a cell a line: 工程设施管护 / 机制建立情况 / 健全 / 健全 (a rest as long as the
    # line before it, a target of words its actual restates after it)
    names = [i.name for i in parse_file(_doc("tp01")).tables[0].indicators]
    assert "工程设施管护机制建立情况" in names
