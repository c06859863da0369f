"""What rounds 97–99 of the written tables (tj–tu) showed, asserted on the written documents whose
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


def test_round99_names_first_lines_read_into_the_explanation_above_is_a_misreading() -> None:
    # tu05, OCR in runs of spaces read by position: 组织全民健 / 身赛事活动 ≥30项 … — each tall
    # name's first line, drifted under the explanation column, read into the row above's 无
    (t,) = parse_file(_doc("tu05")).tables
    assert any("偏差原因是“无”后接一段名称样的文字" in d.reason for d in t.doubts)
    # an explanation of 无 and a few words that are no name's is none: 无偏差, 无特殊情况
    assert not any(
        "后接一段名称样的文字" in d.reason for d in parse_file(_doc("tu04")).tables[0].doubts
    )


def test_round99_a_20_80_forms_target_score_ends_the_rows() -> None:
    # tt03: 年度绩效目标得分 | 79.5 under the last row, read into its name before
    names = [i.name for i in parse_file(_doc("tt03")).tables[0].indicators]
    assert names[-1] == "受益群众满意度"
