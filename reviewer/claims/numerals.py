"""Numbers as the narrative writes them: Arabic (``1,200`` ``1.5万``) or Chinese (``十``
``二十`` ``一百零五`` ``两`` ``三千万`` ``九十七点八二``).

``parse_numeral`` gives the value or None when the text is not one number (``四五`` "four or
five", ``十四五`` the plan's name, ``二〇二三`` a year spelt digit by digit). Approximation words
(余, 多, 几) are the extractor's business, not the parser's.
"""

from __future__ import annotations

from reviewer.parse.values import parse_number

DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
# Characters that can start a Chinese numeral (百, 千, 万 and 亿 need a digit before them:
# 千家万户 is an idiom, not a thousand households).
CN_LEAD = "".join(DIGITS) + "十"
CN_ALL = CN_LEAD + "百千万亿"
_MULTIPLIERS = {"万": 10_000.0, "亿": 100_000_000.0, "千": 1000.0}


POINT = "点"  # the decimal point of a Chinese numeral (九十七点八二)


def _decimal_digits(text: str) -> bool:
    return bool(text) and all(ch in DIGITS for ch in text)


def parse_chinese(text: str) -> int | None:
    """``十`` → 10, ``二十`` → 20, ``一百零五`` → 105, ``三千万`` → 30 000 000; None if malformed."""
    if not text or text[0] not in CN_LEAD:
        return None
    total = 0  # finished 万 / 亿 sections
    section = 0  # the current section below 万
    digit: int | None = None  # a digit waiting for its multiplier
    last_small = 10_000  # multipliers inside a section must fall: 三千五百, not 三百五千
    for ch in text:
        if ch in DIGITS:
            value = DIGITS[ch]
            if value == 0:  # 零 only marks a gap (一百零五); it never carries a value
                if digit is not None:
                    return None
                continue
            if digit is not None:  # two digits in a row: 四五 (four or five), 二〇二三
                return None
            digit = value
        elif ch in _SMALL:
            mult = _SMALL[ch]
            if mult >= last_small:
                return None
            section += (1 if digit is None else digit) * mult  # 十 alone is 10
            digit, last_small = None, mult
        elif ch in _BIG:
            section += digit or 0
            if section == 0:
                return None
            total = (total + section) * _BIG[ch] if ch == "亿" else total + section * _BIG[ch]
            section, digit, last_small = 0, None, 10_000
        else:
            return None
    return total + section + (digit or 0)


def parse_numeral(text: str) -> float | None:
    """An Arabic or Chinese number, with 万 / 亿 / 千 after Arabic digits (``1.5万`` → 15000)."""
    text = text.strip()
    if not text:
        return None
    if text[0] in CN_LEAD:
        whole, point, fraction = text.partition(POINT)
        big = _BIG.get(fraction[-1:], 1) if point else 1  # 二点五万: 25 000
        fraction = fraction[:-1] if big > 1 else fraction
        value = parse_chinese(whole)
        if value is None or (point and not _decimal_digits(fraction)):
            return None
        decimals = "".join(str(DIGITS[ch]) for ch in fraction)
        return float(f"{value}.{decimals}") * big if point else float(value)
    mult = _MULTIPLIERS.get(text[-1])
    number = parse_number(text[:-1] if mult else text)
    if number is None:
        return None
    return number * mult if mult else number
