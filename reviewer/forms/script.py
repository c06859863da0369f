"""Traditional characters read like simplified ones; mirror sites' pinyin glosses are not text.

Some sites republish forms converted to traditional characters, and some add the reading of a
character after it (``項(xiàng)目``). The form's labels are simplified, so a document whose sample
shows traditional characters is converted, cell by cell, for reading (OpenCC's ``t2s`` table,
the standard one); the cell keeps what was printed, and evidence quotes that. A pinyin gloss is a
parenthesised syllable with a tone mark right after a CJK character: it is dropped for reading.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from opencc import OpenCC

_CJK = re.compile(r"[\u4e00-\u9fff]")
# A syllable with a tone mark (or ü), in brackets, right after a CJK character.
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
_MIN_CHANGED = 4  # distinct characters that differ in traditional script
_MIN_SHARE = 0.03  # of the CJK characters of the sample


@cache
def _converter() -> OpenCC:
    return OpenCC("t2s")


def has_pinyin(text: str) -> bool:
    return _PINYIN.search(text) is not None


def is_traditional(sample: str) -> bool:
    """Whether ``sample`` is written in traditional characters (enough of them differ)."""
    cjk = _CJK.findall(sample)
    if not cjk:
        return False
    converted = _converter().convert("".join(cjk))
    changed = {a for a, b in zip(cjk, converted, strict=False) if a != b}
    differing = sum(1 for a, b in zip(cjk, converted, strict=False) if a != b)
    return len(changed) >= _MIN_CHANGED and differing >= _MIN_SHARE * len(cjk)


@lru_cache(maxsize=65536)
def for_reading(text: str, traditional: bool) -> str:
    """The text as the parser reads it: pinyin glosses dropped, traditional made simplified."""
    if "(" in text or "（" in text:
        text = _PINYIN.sub("", text)
    return _converter().convert(text) if traditional else text
