"""reviewer.numbers: how a number is written in messages, memos and test forms."""

from __future__ import annotations

from decimal import Decimal

from reviewer.numbers import (
    fmt,
    fmt_cents,
    fmt_money,
    fmt_number,
    fmt_rate,
    fmt_score,
    fmt_signed,
    half_up,
)


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


def test_rounding_is_half_up_as_the_forms_round() -> None:
    # 9.125 and 95.625 are exact binary fractions: a float's own rounding gives 9.12 / 95.62
    assert fmt(9.125) == "9.13"
    assert fmt_cents(9.125) == "9.13"
    assert fmt_cents(9.1) == "9.10"
    assert half_up(89.125) == 89.13
    assert half_up(-0.125) == -0.13
    assert fmt_rate(Decimal("7650") / Decimal("8000") * 100) == "95.63%"
    # no figure a form prints, left as it is
    assert half_up(float("inf")) == float("inf")
    assert half_up(1e40, 6) == 1e40
