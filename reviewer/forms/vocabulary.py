"""Matching a cell against the families' labels: one normal form for both sides.

``key`` turns printed text into the form labels are written in (``families.py``): NFKC (full-width
brackets and colons to ASCII), no whitespace, no trailing colon. ``matches`` compares a key with a
label, a trailing ``*`` meaning "starts with". ``lookup`` finds the first label of a table that
matches. Everything here is cached: forms repeat the same few labels on every table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from reviewer.lazyre import lazy_compile
from reviewer.textnorm import nfkc, without_spaces

_NUMBERING = lazy_compile(r"^(?:[一二三四五六七八九十]+、|\d+[.、]|[(（]\d+[)）])")


def spaceless(text: str) -> str:
    """NFKC without whitespace: the normal form but for its trailing-colon rule, which only
    matters at the end of a text (texts normalised apart may be run together)."""
    return without_spaces(nfkc(text))


def normalise(text: str) -> str:
    """The normal form of any text, uncached (for long texts): see ``key``."""
    return spaceless(text).rstrip(":")


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """The normal form of a printed label: ``项目资金 （万元）：`` → ``项目资金(万元)``; the
    glyphs OCR takes for a label's own read as them (``实际宪成值`` → ``实际完成值``); a gloss in
    a language written in Latin letters after a slash left aside (``部门（单位）名称 / Bumwnz
    mingzcoh``, a Zhuang form's)."""
    if "/" in text or "／" in text:
        text = _LATIN_GLOSS.sub("", text)
    return ocr_label(normalise(text))


# After a label's own words, a slash and words of Latin letters to the cell's end.
_LATIN_GLOSS = lazy_compile(r"(?<=[\u4e00-\u9fff)）])\s*[/／]\s*[A-Za-z][A-Za-z'’\- ]*$")


# Characters OCR reads in place of a label's own, in the words they are misread in: 标 as 杯
# (指杯), 完 as 宪 (宪成), 成 as 戍 (完戍), 析 as 忻 (分忻), 权 as 杈 (杈重), 质 as 贡 (性贡), 单
# as 単 (度量単位), 分 as 份 (得份, 份值, 总份), 一 as a hyphen (-级指标). A label, not a value,
# is read through them.
_OCR_LABEL = (
    ("指杯", "指标"),
    ("宪成", "完成"),
    ("惰况", "情况"),  # 惰 for 情 (实际完成惰况)
    ("完戍", "完成"),
    ("分忻", "分析"),
    ("杈重", "权重"),
    ("性贡", "性质"),
    ("度量単位", "度量单位"),
    ("得份", "得分"),
    ("份值", "分值"),
    ("总份", "总分"),
    ("-级指标", "一级指标"),
    ("度量单仿", "度量单位"),
    ("权垂", "权重"),  # 垂 for 重
    ("执行敫", "执行数"),  # 敫 for 数: a scan's slip in a funds column's label
    ("预算敫", "预算数"),
)


# Any of the misread words: one scan tells most texts (none of them) apart.
_OCR_WRONG = lazy_compile("|".join(re.escape(wrong) for wrong, _ in _OCR_LABEL))


def ocr_label(text: str) -> str:
    """``text`` with the label words OCR misreads (``_OCR_LABEL``) as printed."""
    if _OCR_WRONG.search(text) is None:
        return text
    for wrong, right in _OCR_LABEL:
        if wrong in text:
            text = text.replace(wrong, right)
    return text


@lru_cache(maxsize=8192)
def unnumbered(text: str) -> str:
    """The key without a leading section number: ``1.项目年度目标完成情况`` → ``项目年度目标完成情况``."""
    return _NUMBERING.sub("", key(text))


def without_qizhong(text: str) -> str:
    """A funds row's label without the 其中 that puts it under the total (``其中：当年财政拨款``
    → ``当年财政拨款``); the text itself when it has none."""
    return _QIZHONG.sub("", text)


_QIZHONG = lazy_compile(r"^其中\s*[:：]?\s*")


def matches(k: str, label: str) -> bool:
    """Whether key ``k`` is ``label`` (``label*``: starts with it)."""
    if label.endswith("*"):
        return k.startswith(label[:-1])
    return k == label


class _Matcher:
    """One table of labels, with what each text seen so far matched (first match wins)."""

    __slots__ = ("found", "slipped", "table")

    def __init__(self, table: Sequence[tuple[str, str]]) -> None:
        self.table = table
        # by the text as printed: a text seen before costs one look-up, not its key's as well
        self.found: dict[str, str | None] = {}
        self.slipped: dict[tuple[str, int], str | None] = {}  # lookup_slipped's, likewise

    def match(self, text: str) -> str | None:
        k = key(text)
        value = next((v for label, v in self.table if matches(k, label)), None)
        if len(self.found) < 65536:
            self.found[text] = value
        return value


_UNSEEN = "\0unseen"  # not a value of any table (and compared by identity)
# Matchers by the identity of their table: the families' tables are constants, kept alive here.
_MATCHERS: dict[int, _Matcher] = {}


def _matcher(table: Sequence[tuple[str, str]]) -> _Matcher:
    matcher = _MATCHERS.get(id(table))
    if matcher is None or matcher.table is not table:
        matcher = _MATCHERS[id(table)] = _Matcher(table)
    return matcher


def lookup(text: str, table: Sequence[tuple[str, str]]) -> str | None:
    """The value of the first ``(label, value)`` whose label matches ``text``, or None."""
    matcher = _MATCHERS.get(id(table))  # _matcher's look first, inline: every label's call
    if matcher is None or matcher.table is not table:
        matcher = _matcher(table)
    value = matcher.found.get(text, _UNSEEN)
    return matcher.match(text) if value is _UNSEEN else value


_SLIP_MIN = 5  # the shortest label a one-character slip is read through (年度资金总颔)


def lookup_slipped(
    text: str, table: Sequence[tuple[str, str]], shortest: int = _SLIP_MIN
) -> str | None:
    """The value of the one label of ``table`` that ``text`` prints with one character
    mistyped (年度资金总颔 for 年度资金总额), at least ``shortest`` characters long and kept
    whole (a prefix label ``X*`` against the text's first ``len(X)`` characters); None when none
    or several are."""
    seen = _matcher(table).slipped
    value = seen.get((text, shortest), _UNSEEN)
    if value is _UNSEEN:
        value = _slipped(key(text), table, shortest)
        if len(seen) < 65536:
            seen[(text, shortest)] = value
    return value


def _slipped(k: str, table: Sequence[tuple[str, str]], shortest: int) -> str | None:
    found = set()
    for label, value in table:
        bare = label.rstrip("*")
        if len(bare) < shortest:
            continue
        if label.endswith("*"):
            part = k[: len(bare)]
        elif len(k) == len(bare):
            part = k
        else:
            continue
        if len(part) == len(bare) and sum(a != b for a, b in zip(part, bare, strict=True)) == 1:
            found.add(value)
    return found.pop() if len(found) == 1 else None


def any_label(text: str, labels: Sequence[str]) -> bool:
    """Whether ``text`` is one of ``labels`` (each possibly ending in ``*``)."""
    k = key(text)
    return any(matches(k, label) for label in labels)
