"""What the frontier round 84 left (names and targets centred over their rows) and round 86 of
the written tables showed, asserted on the written documents whose layout is the point and on
the smallest cases.
"""

from __future__ import annotations

import pytest

from reviewer.api import parse_file
from reviewer.errors import InputError
from reviewer.ingest.fixed import _pieces, _words_over_figure
from reviewer.parse.indicators import _opens_name_below
from reviewer.parse.plausibility import _STATE_NAME, _VALUE_FIRST
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_round86_a_name_centred_over_its_row_opens_the_name_below() -> None:
    # rl01, rl03 (OCR in runs of spaces): 项目年度建设任务 on a line of its own between
    # 项目工程验收合格率's row and 按期完成率's was read into the name above
    assert _opens_name_below("项目年度建设任务", "项目工程验收合格率")
    assert _opens_name_below("农村义务教育学校办学", "校舍建设单位成本")
    # the rest of a name above that the wrap cut: the name above is not whole
    assert not _opens_name_below("长度达标情况", "新建改造灌排渠道")
    assert not _opens_name_below("管理员", "农家书屋年均借阅人次")  # short
    assert not _opens_name_below("（按月统计）", "资金拨付及时率")  # a note
    for stem, name in (
        ("rl01", "项目年度建设任务按期完成率"),
        ("rl03", "农村义务教育学校办学条件基本达标率"),
    ):
        (t,) = parse_file(_doc(stem)).tables
        assert name in {i.name for i in t.indicators}, stem


def test_round86_a_wrapped_cells_last_words_above_a_figure_are_its_own() -> None:
    # rj02 (pdftotext -layout): 2023年 / 12月底 / 前完工, the last line right above the next
    # row's 1200, was read into that row's target (≤前完工1200)
    block = [
        _pieces(1, "  定性   2023年"),
        _pieces(2, "         12月底"),
        _pieces(3, "         前完工"),
    ]
    block.append(_pieces(4, "  ≤      1200"))
    for line in block:
        for p in line:
            p.column = 1 if p.start < 5 else 2
    assert _words_over_figure(block, 2, 3, 2)
    assert not _words_over_figure(block, 1, 2, 2)  # words over words
    (t,) = parse_file(_doc("rj02")).tables
    targets = {i.name: i.target for i in t.indicators}
    assert targets["亩均财政投入"] == "≤1200元/亩"
    assert "前完工" in targets["项目完工时间"]


def test_round86_a_units_seal_over_the_rows_is_no_rows() -> None:
    # rt03, rt05 (OCR in runs of spaces, read a line at a time): 秦安县水务局 and 桃源县司法局
    # （盖章）, the head's own units stamped over a row, were read into the name below or above
    for stem, name in (("rt03", "工程完工及时率"), ("rt05", "矛盾纠纷化解率")):
        (t,) = parse_file(_doc(stem)).tables
        assert name in {i.name for i in t.indicators}, stem


def test_round86_a_pledge_is_neither_cause_nor_measure() -> None:
    # rt01: 严格按照项目要求组织实施 beside a shortfall was said to give "only a cause" (E102)
    # as well as to be a pledge with no cause (E104): it is the second only
    codes = [
        f.code for f in review(_doc("rt01")).findings if f.indicator == "新建及硬化灌排渠道长度"
    ]
    assert "E104" in codes
    assert "E102" not in codes


def test_round86_money_owed_under_the_contract_explains_a_low_rate() -> None:
    # rt04, ru06: 执行率 85% and 86.73% with every output done, the rest being 尾款 or 质保金 due
    # after acceptance or the warranty, as the form says: no "low execution, high score" (B105)
    for stem in ("rt04", "ru06"):
        assert "B105" not in {f.code for f in review(_doc(stem)).findings}, stem


def test_round86_the_blocks_unit_and_points_run_together_under_its_label() -> None:
    # rt04 (a 20/80 form): （万元）（20分） under 预算执行情况 stated the block's 20 points, unread:
    # its score 18 against 20 × 85% = 17 went unchecked
    (t,) = parse_file(_doc("rt04")).tables
    assert t.funds.annual_total.weight == 20
    assert "B103" in {f.code for f in review(_doc("rt04")).findings}


def test_round86_a_page_whose_table_is_a_picture_says_so() -> None:
    # rs03: the table published as an <img> whose alt names the form: the error says the table
    # is a picture, not that no table was found
    with pytest.raises(InputError, match="以图片发布"):
        parse_file(_doc("rs03"))


def test_round86_names_holding_a_value_or_a_state_are_doubted() -> None:
    # rr02, rr05 (a viewer's copy printing a tall row's name after its figures): the row above's
    # target read into the name (≥90%受助幼儿家长满意度); rr01: the target 建立健全 taken for the
    # name. Said misread, not reviewed
    for stem in ("rr01", "rr02", "rr05"):
        result = review(_doc(stem))
        assert any(f.code == "P108" for f in result.findings), stem
    assert _VALUE_FIRST.match("≥90%受助幼儿家长满意度")
    assert not _VALUE_FIRST.match("≥60岁老年人健康体检率")  # no % : an age, the name's own
    assert _STATE_NAME.match("建立健全")
    assert not _STATE_NAME.match("管护机制建立健全率")
