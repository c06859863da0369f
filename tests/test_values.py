from __future__ import annotations

import pytest

from reviewer.model import Operator
from reviewer.parse.values import (
    decimals,
    parse_amount,
    parse_number,
    parse_percent,
    parse_points,
    parse_value,
)
from reviewer.textnorm import clean_cell


@pytest.mark.parametrize(
    ("text", "op", "number", "upper", "unit", "word"),
    [
        ("=16家", Operator.EQ, 16, None, "家", ""),
        (">=90%", Operator.GE, 90, None, "%", ""),
        ("≥95%", Operator.GE, 95, None, "%", ""),
        ("＞400人", Operator.GT, 400, None, "人", ""),
        ("<=0.5小时/个", Operator.LE, 0.5, None, "小时/个", ""),
        ("＜3天", Operator.LT, 3, None, "天", ""),
        ("不低于95%", Operator.GE, 95, None, "%", ""),
        ("不超过10个", Operator.LE, 10, None, "个", ""),
        ("控制在5天以内", Operator.LE, 5, None, "天", ""),
        ("50人以上", Operator.GE, 50, None, "人", ""),
        ("3-10月", Operator.RANGE, 3, 10, "月", ""),
        ("3～10月", Operator.RANGE, 3, 10, "月", ""),
        ("3月至10月", Operator.RANGE, 3, 10, "月", ""),
        ("9月", Operator.EQ, 9, None, "月", ""),
        ("=0", Operator.EQ, 0, None, "", ""),
        ("１，２００元", Operator.EQ, 1200, None, "元", ""),
        ("提升", Operator.QUALITATIVE, None, None, "", "提升"),
        ("促进(11人)", Operator.QUALITATIVE, 11, None, "人", "促进"),
        # approximate figures: the figure, the unit without 左右 (else 家左右 ≠ 家, a false S108)
        ("60%左右", Operator.EQ, 60, None, "%", ""),
        ("5家上下", Operator.EQ, 5, None, "家", ""),
        ("约90%", Operator.EQ, 90, None, "%", ""),
        ("大约3天", Operator.EQ, 3, None, "天", ""),
        ("约束", Operator.QUALITATIVE, None, None, "", "约束"),
        # a scan's letters for digits at a figure's start (1l26公里 had the unit l26公里)
        ("1l26公里", Operator.EQ, 1126, None, "公里", ""),
        ("≥l5年", Operator.GE, 15, None, "年", ""),
        ("1OO%", Operator.EQ, 100, None, "%", ""),
        ("lot", Operator.QUALITATIVE, None, None, "", "lot"),
        # a ratio to one is its second term (≥1:1.2 against 1:1.35 had been units :1.2, :1.35)
        ("≥1:1.2", Operator.GE, 1.2, None, "", ""),
        ("1：1.35", Operator.EQ, 1.35, None, "", ""),
    ],
)
def test_parse_value(
    text: str, op: Operator, number: float | None, upper: float | None, unit: str, word: str
) -> None:
    v = parse_value(text)
    assert (v.operator, v.number, v.upper, v.unit, v.word) == (op, number, upper, unit, word)


def test_written_and_implied_operators() -> None:
    assert parse_value("=5场").operator_written
    assert not parse_value("9月").operator_written


@pytest.mark.parametrize("text", ["未进行", "未完成", "未开展"])
def test_not_done(text: str) -> None:
    v = parse_value(text)
    assert v.not_done and v.operator is Operator.QUALITATIVE and v.number is None


def test_amounts_and_numbers() -> None:
    assert parse_amount("4,024,422.6") == 4024422.6
    assert parse_amount("1046000.00") == 1046000.0
    assert parse_amount("—") is None
    assert parse_amount("") is None
    assert parse_amount("12.5万元") == 12.5
    assert parse_amount("23l8.60") == 2318.6  # a scan's l for 1
    assert parse_number("9.98") == 9.98
    assert parse_number("=9") is None
    assert parse_number("10分") is None
    assert parse_percent("99.85%") == 99.85
    assert parse_percent("—") is None
    assert decimals("99.00%") == 2 and decimals("9.9") == 1 and decimals("10") == 0
    assert decimals("95.44o") == 2  # a scan's % read as o is no decimal


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # a Word cell's second paragraph, a note after the amount (uq04)
        ("5736.40\n（含追加116.10）", 5736.4),
        ("5736.40（含追加116.10）", 5736.4),
        ("620.82万元（其中中央500万元）", 620.82),
        ("12(3)", None),  # a bracket of figures is no note
        ("100（万元）", None),  # nor a unit in brackets
        ("（含追加）", None),
    ],
)
def test_an_amount_with_a_note_after_it(text: str, amount: float | None) -> None:
    assert parse_amount(text) == amount


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("95,2%", 95.2, "%"),  # a decimal comma: one or two digits after it
        ("18,6万人次", 18.6, "万人次"),
        ("3 456 000", 3456000.0, ""),  # thousands parted by spaces
        ("1 850元/人·月", 1850.0, "元/人·月"),
        ("12,000", 12000.0, ""),  # three digits after the comma: thousands
        ("4,024,422.6", 4024422.6, ""),
    ],
)
def test_thousands_and_decimal_marks_as_forms_print_them(
    text: str, number: float, unit: str
) -> None:
    value = parse_value(text)
    assert (value.number, value.unit) == (number, unit)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1O", 10.0),
        ("9.5l", 9.51),
        ("l0", 10.0),
        ("I5", 15.0),
        ("lO", 10.0),  # ten with both digits misread: the points of many a row (cbp04)
        ("Il", None),
        ("l", None),
        ("45。30", 45.3),  # 。 for the decimal point between digits
        ("45。", None),
    ],
)
def test_a_scans_letters_for_digits_in_a_figure(text: str, number: float | None) -> None:
    # OCR's O for 0, l or I for 1, first or later in the figure; letters alone are no figure,
    # but for 10 read lO
    assert parse_number(text) == number


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("12b", 126, ""),  # OCR's b for 6, B for 8, S for 5 after a figure's first digit
        ("16.B万人次", 16.8, "万人次"),
        ("2S人", 25, "人"),
        ("B级", None, ""),  # a grade, no figure
        ("3B级", 3, "B级"),
    ],
)
def test_a_scans_letters_for_later_digits_in_a_value(
    text: str, number: float | None, unit: str
) -> None:
    value = parse_value(text)
    assert (value.number, value.unit) == (number, unit)


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [("83.3%①", 83.3, "%"), ("3.2万亩※", 3.2, "万亩"), ("95%*", 95, "%")],
)
def test_a_footnote_mark_after_a_value_is_no_unit(text: str, number: float, unit: str) -> None:
    value = parse_value(text)
    assert (value.number, value.unit) == (number, unit)


@pytest.mark.parametrize(
    ("text", "points"),
    [("9（扣1分）", 9.0), ("8 (扣2分)", 8.0), ("9分（扣1分）", 9.0), ("9（扣1分", None)],
)
def test_points_with_a_note_after_them(text: str, points: float | None) -> None:
    assert parse_points(text) == points


def test_numbers_that_are_not_one_number_stay_words() -> None:
    assert parse_number("2021 100") is None  # two figures, not a thousands group
    assert parse_amount("3 456 000") == 3456000.0


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("宣传活 动场次", "宣传活动场次"),
        ("就业 (累计人数)", "就业(累计人数)"),
        ("长三角G60科创走廊 法治", "长三角G60科创走廊法治"),
        ("  年度 指标值 ", "年度指标值"),
        ("Hello  World", "Hello World"),
        ("", ""),
    ],
)
def test_clean_cell(raw: str, clean: str) -> None:
    assert clean_cell(raw) == clean


def test_a_figure_marked_as_text_in_a_spreadsheet_is_the_figure() -> None:
    # ks05: '300.00, '92.30%, '10 typed with the apostrophe that keeps them text
    assert parse_number("'300.00") == 300.0
    assert parse_percent("'92.30%") == 92.3
    assert parse_value("'12.6%").number == 12.6
    assert parse_value("'提升").word == "'提升"  # words keep it: only a figure's mark goes


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [("≥2/3", 66.67, "%"), ("3/4", 75.0, "%"), ("12/15", 12.0, "/15"), ("6/30", 6.0, "/30")],
)
def test_a_share_written_as_a_fraction_is_its_percentage(
    text: str, number: float, unit: str
) -> None:
    # cci06: 改造方案居民征询同意率 ≥2/3 against 78% (no count done of planned, no date)
    value = parse_value(text)
    assert (value.number, value.unit) == (number, unit)


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [("一百零八人", 108.0, "人"), ("≥一百二十人", 120.0, "人"), ("两所", 2.0, "所")],
)
def test_a_count_in_chinese_numerals_is_read(text: str, number: float, unit: str) -> None:
    # cch03: ≥一百二十人 against 一百零八人
    value = parse_value(text)
    assert (value.number, value.unit) == (number, unit)


@pytest.mark.parametrize("text", ["三季度", "十分满意", "一般", "四五个"])
def test_words_with_numerals_in_them_stay_words(text: str) -> None:
    assert parse_value(text).number is None


def test_a_scans_space_inside_an_amount_is_one_amount_two_amounts_are_none() -> None:
    assert parse_amount("31 2.64") == 312.64
    assert parse_amount("1，16 8.40") == 1168.40  # a full-width comma too
    # two amounts, the first printing its own cents, or a figure and its points: no amount
    assert parse_amount("320.00 312.64") is None
    assert parse_amount("10 9.5") is None
    assert parse_amount("1,268 .40") is None
