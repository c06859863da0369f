"""Traditional characters read like simplified ones; mirror sites' pinyin glosses are not text.

Some sites republish forms converted to traditional characters, and some add the reading of a
character after it (``項(xiàng)目``). The form's labels are simplified, so a document whose sample
shows traditional characters is converted, cell by cell, for reading (OpenCC's ``t2s`` table,
the standard one); the cell keeps what was printed, and evidence quotes that. A pinyin gloss is a
parenthesised syllable with a tone mark right after a CJK character: it is dropped for reading.
"""

from __future__ import annotations

import itertools
import re
from functools import cache, lru_cache
from pathlib import Path

import opencc
from opencc import OpenCC

from reviewer import recache
from reviewer.lazyre import lazy_compile

_CJK = lazy_compile(r"[\u4e00-\u9fff]")
# A syllable with a tone mark (or ü), in brackets, right after a CJK character.
_PINYIN = lazy_compile(r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
_MIN_CHANGED = 4  # distinct characters that differ in traditional script
_MIN_SHARE = 0.03  # of the CJK characters of the sample


@cache
def _converter() -> OpenCC:
    return OpenCC("t2s")


@cache
def _changeable() -> frozenset[str]:
    """Every character the ``t2s`` conversion can change: where an entry of its dictionaries
    (the same ones ``t2s.json`` chains) differs from its key. A simplified text holds few."""
    folder = Path(opencc.__file__).parent / "dictionary"
    chars: set[str] = set()
    for name in ("TSPhrases.txt", "TSCharacters.txt"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            source, _, targets = line.partition("\t")
            for target in targets.split(" "):
                if len(target) != len(source):
                    chars.update(source)
                else:
                    chars.update(a for a, b in zip(source, target, strict=True) if a != b)
    return frozenset(chars)


def has_pinyin(text: str) -> bool:
    return _PINYIN.search(text) is not None


@cache
def _changeable_cjk() -> frozenset[str]:
    """The CJK characters the conversion can change (of ``_changeable``)."""
    return frozenset(c for c in _changeable() if _CJK.fullmatch(c))


@cache
def _changeable_cjk_class() -> re.Pattern[str]:
    """``_changeable_cjk`` as a regex class: a scan with it makes no string of the characters
    it passes over, as a loop over the sample does; compiling it costs about 8 ms."""
    points = sorted(map(ord, _changeable_cjk()))
    ranges: list[list[int]] = []
    for p in points:  # runs of consecutive code points as ranges: a quicker compile
        if ranges and p == ranges[-1][1] + 1:
            ranges[-1][1] = p
        else:
            ranges.append([p, p])
    return recache.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]")


# Samples judged in this process: a process that reads many documents (a batch) compiles the
# class once they are this many; one that reads a few loops over them (about 0.2 ms each).
_SAMPLES_BEFORE_CLASS = 32
_samples = itertools.count()


def _candidates(sample: str) -> list[str]:
    """The sample's CJK characters that the conversion can change, in order."""
    if next(_samples) < _SAMPLES_BEFORE_CLASS:
        changeable = _changeable_cjk()
        return [c for c in sample if c in changeable]
    return _changeable_cjk_class().findall(sample)


def is_traditional(sample: str) -> bool:
    """Whether ``sample`` is written in traditional characters (enough of them differ)."""
    # Only characters the conversion can change are ever counted as changed: too few of
    # them and the answer is no, without converting the sample (a tenth of reading a file)
    # and without listing its CJK characters (most documents are simplified and hold none).
    candidates = _candidates(sample)
    if len(set(candidates)) < _MIN_CHANGED:
        return False
    cjk = _CJK.findall(sample)
    if len(candidates) < _MIN_SHARE * len(cjk):
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
