"""reviewer.numbers: how a number is written in messages, memos and test forms."""

from __future__ import annotations

from reviewer.numbers import fmt, fmt_money, fmt_number, fmt_score, fmt_signed


def test_fmt_drops_trailing_zeros_and_groups_thousands() -> None:
    assert fmt(9.71) == "9.71"
    assert fmt(10.0) == "10"
    assert fmt(4024422.6) == "4,024,422.6"
    assert fmt(2.345, 1) == "2.3"
    assert fmt(1.005, 0) == "1"
    assert fmt(None) == "—"
    assert fmt(None, none="") == ""


def test_fmt_number_writes_what_a_form_prints() -> None:
    assert fmt_number(10.0) == "10"
    assert fmt_number(9.98) == "9.98"
    assert fmt_number(1194.0) == "1194"  # no thousands separator in a form's cell
    assert fmt_number(0.123456789) == "0.123457"
    assert fmt_number(None) == ""


def test_money_score_and_signed() -> None:
    assert fmt_money(4024422.6) == "4,024,422.60"
    assert fmt_money(None) == "—" and fmt_money(None, none="") == ""
    assert fmt_score(82.99, "良") == "82.99（良）"
    assert fmt_score(78.0, None) == "78"
    assert fmt_score(None, "良") == "—"
    assert fmt_signed(4.0) == "+4"
    assert fmt_signed(-0.5) == "-0.5"
    assert fmt_signed(0.0) == "0"
