"""Text normalisation shared by the readers, the parser and the evidence check."""

from __future__ import annotations

import re
import unicodedata

_SPACE_RUN = re.compile(r"\s+")
_ASCII_WORD = re.compile(r"[0-9A-Za-z]")


def clean_cell(text: str) -> str:
    """Remove the whitespace that line wrapping inserts into CJK text.

    A run of whitespace is kept (as one space) only between two ASCII letters or digits, as in
    ``Hello World``; everywhere else (``活 动场次``, ``就业 (累计``) it is an artefact and goes.
    """
    text = text.strip()
    if not text or not (" " in text or "\u3000" in text or "\xa0" in text):
        return text
    out: list[str] = []
    pos = 0
    for m in _SPACE_RUN.finditer(text):
        out.append(text[pos : m.start()])
        before = text[m.start() - 1]
        after = text[m.end()]
        if _ASCII_WORD.match(before) and _ASCII_WORD.match(after):
            out.append(" ")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def collapse_spaces(text: str) -> str:
    """Trim and collapse whitespace runs to one space (for narrative text)."""
    return _SPACE_RUN.sub(" ", text).strip()


def fold(text: str) -> str:
    """Fold text for comparison: NFKC, no whitespace, lower case.

    Two texts that differ only in full-/half-width forms, spacing or case fold alike; used to
    find quoted evidence in the document and to compare names.
    """
    return _SPACE_RUN.sub("", unicodedata.normalize("NFKC", text)).lower()
