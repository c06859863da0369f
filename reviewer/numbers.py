"""How the tool writes a number: in a message or a memo, as a form prints it, as money.

One formatter (``fmt``) and its presets, so that every rule message, memo, summary and test form
writes the same number the same way. Nothing here depends on the rest of the package.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def fmt(x: float | None, digits: int = 2, *, none: str = "—", sep: str = ",") -> str:
    """A number for a message or a memo: 9.71, 10, 4,024,422.6.

    At most ``digits`` decimals, trailing zeros dropped; ``sep`` groups thousands; ``none`` stands
    for a missing value.
    """
    if x is None:
        return none
    text = f"{half_up(x, digits):{sep}.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def share_of(points: float, part: float, whole: float, digits: int = 2) -> float:
    """``points × part ÷ whole`` rounded half up, worked in decimals from the figures as printed
    (15 × 11500 ÷ 12000 is 14.375, so 14.38; in floats it is 14.3749…, so 14.37)."""
    try:
        exact = Decimal(repr(points)) * Decimal(repr(part)) / Decimal(repr(whole))
        return float(exact.quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP))
    except (InvalidOperation, ArithmeticError):
        return half_up(points * part / whole, digits)


def half_up(x: float, digits: int = 2) -> float:
    """``x`` rounded half up at ``digits`` decimals, as the forms round (9.125 → 9.13; a float's
    own rounding gives 9.12), from the shortest decimal that is ``x``."""
    if not math.isfinite(x):
        return x
    try:
        return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP))
    except InvalidOperation:  # (more digits than a Decimal holds: no figure a form prints)
        return x


def fmt_cents(x: float) -> str:
    """A computed score or amount to exactly two decimals, half up: 9.13, 9.10."""
    return f"{half_up(x):.2f}"


def fmt_number(x: float | None) -> str:
    """A number as a form prints it: no grouping, no trailing zeros (10, 9.98, 1194); "" if missing."""
    return fmt(x, 6, none="", sep="")


def fmt_money(x: float | None, *, none: str = "—") -> str:
    """An amount with thousands grouped and two decimals: 4,024,422.60."""
    return none if x is None else f"{x:,.2f}"


def to_cents(exact: Decimal) -> Decimal:
    """An exact figure to 0.01, half up as the forms round it: 95.625 → 95.63 (a float's own
    rounding gives 95.62)."""
    return exact.quantize(_CENT, ROUND_HALF_UP)


def fmt_rate(exact: Decimal) -> str:
    """An exact rate to 0.01, half up, with its sign: 95.63%."""
    return f"{to_cents(exact)}%"


_CENT = Decimal("0.01")


def fmt_signed(x: float) -> str:
    """A difference with its sign: +4, -0.5, 0."""
    return ("+" if x > 0 else "") + fmt(x)


def fmt_score(x: float | None, grade: str | None, *, none: str = "—") -> str:
    """A total score with its grade when there is one: 82.99（良）, 78.99."""
    if x is None:
        return none
    return f"{fmt(x)}（{grade}）" if grade else fmt(x)
