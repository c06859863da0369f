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

from reviewer.textnorm import nfkc

_SPACE = re.compile(r"\s+")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.、]|[(（]\d+[)）])")


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """The normal form of a printed label: ``项目资金 （万元）：`` → ``项目资金(万元)``."""
    k = _SPACE.sub("", nfkc(text))
    return k.rstrip(":")


@lru_cache(maxsize=8192)
def unnumbered(text: str) -> str:
    """The key without a leading section number: ``1.项目年度目标完成情况`` → ``项目年度目标完成情况``."""
    return _NUMBERING.sub("", key(text))


def matches(k: str, label: str) -> bool:
    """Whether key ``k`` is ``label`` (``label*``: starts with it)."""
    if label.endswith("*"):
        return k.startswith(label[:-1])
    return k == label


def lookup(text: str, table: Sequence[tuple[str, str]]) -> str | None:
    """The value of the first ``(label, value)`` whose label matches ``text``, or None."""
    return _lookup(key(text), tuple(table))


@lru_cache(maxsize=8192)
def _lookup(k: str, table: tuple[tuple[str, str], ...]) -> str | None:
    for label, value in table:
        if matches(k, label):
            return value
    return None


def any_label(text: str, labels: Sequence[str]) -> bool:
    """Whether ``text`` is one of ``labels`` (each possibly ending in ``*``)."""
    k = key(text)
    return any(matches(k, label) for label in labels)
