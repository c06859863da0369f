"""Untrusted text made safe for where it is shown.

Everything that comes from a document, a file name or a model answer is untrusted: it may hold
terminal escape sequences, rich markup (``[/]``), Markdown or HTML (``<script>``,
``[x](javascript:…)``), or a spreadsheet formula (``=HYPERLINK(…)``). Each output escapes it
here, at the point where it is laid out (JSON has its own escaping).

- :func:`one_line` — control characters (escape sequences, bell, backspace), bidirectional
  overrides and line breaks out: for a terminal line, a table cell, a summary row;
- :func:`terminal` — :func:`one_line`, with rich markup escaped;
- :func:`markdown` — :func:`one_line`, with Markdown and HTML syntax backslash-escaped, so that
  it reads as the text it is in any CommonMark renderer;
- :func:`sheet_cell` — :func:`one_line`, and a leading ``= + - @`` (what a spreadsheet takes
  for a formula) neutralised with an apostrophe, unless the text is a plain number;
- :func:`sheet_row`, :func:`markdown_row` — a row of cells at once, for the batch summary's
  100,000 rows: a row that needs nothing (most) is recognised in one pass;
- :func:`html_text` — HTML-escaped, and without the characters XML cannot hold;
- :func:`xml_safe` — the characters XML 1.0 cannot hold removed (for the Word memo);
- :func:`path_text` — a file name that is not UTF-8 made writable (for ``Report.source``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import lru_cache

from reviewer.lazyre import lazy_compile
from reviewer.textnorm import Words

# C0 and C1 controls, DEL, and the bidirectional controls that can make a file name read
# backwards on screen ("Trojan Source"). Tab, CR and LF are among them: one line is one line.
_CONTROLS = lazy_compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATES = lazy_compile("[\ud800-\udfff]")
_BREAKS = lazy_compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]+")
# What could start markup inside a line: raw HTML and autolinks (< before a letter, / ! or ?),
# entities (& before a name or #), links and images ([ ]), code spans, emphasis (* inside a
# word), table cells (|), strikethrough (~, as in 3~5次), and the backslash itself. CommonMark
# lets a backslash escape each. What starts nothing stays as written: < 1.2, >=90分, file_name.
_MARKDOWN = lazy_compile(r"[\\`*\[\]|~]|<(?=[A-Za-z/!?])|&(?=[#A-Za-z0-9])")
# The characters ``_MARKDOWN`` starts with: a text without any (most) needs no substitution.
# Looked for with one regex class in a short text, with ``in`` per character in a long one
# (a regex scan of Chinese text costs about 7 ns a character, nine ``in`` about 0.4 µs).
_MARKDOWN_CHARS = "\\`*[]|~<&"
_MARKDOWN_START = Words(_MARKDOWN_CHARS)
_MARKDOWN_CHAR = lazy_compile("[" + re.escape(_MARKDOWN_CHARS) + "]")
_SHORT = 60


def _may_hold_markdown(text: str) -> bool:
    if len(text) < _SHORT:
        return _MARKDOWN_CHAR.search(text) is not None
    return _MARKDOWN_START.found_in(text)


_FORMULA_START = frozenset("=+-@")
_NUMBER = lazy_compile(r"[+-]?\d[\d,]*(\.\d+)?%?")
# A cell (after the start of a row or a NUL between cells) that :func:`sheet_cell` would change
# for a formula: its first character past any spaces is = or @, or + or - not starting a plain
# number that fills the rest of the cell (as _NUMBER).
_ROW_FORMULA = lazy_compile(r"(?:^|\x00)\s*(?:[=@]|[+-](?!\d[\d,]*(?:\.\d+)?%?(?:\x00|$)))")
_XML_UNSAFE = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def one_line(text: str) -> str:
    """``text`` on one line: line breaks and tabs become a space, other controls go, and a
    lone surrogate (from a file name that is not UTF-8) becomes U+FFFD."""
    if text.isprintable():  # no control, break, surrogate or bidi mark: most text, quickly
        return text
    return _SURROGATES.sub("\ufffd", _CONTROLS.sub("", _BREAKS.sub(" ", text)))


def path_text(name: str) -> str:
    """A file name as text that can be written anywhere: the bytes of a name that is not
    UTF-8 (which Python keeps as lone surrogates, and no UTF-8 file can hold) become U+FFFD."""
    return _SURROGATES.sub("\ufffd", name)


def terminal(text: str) -> str:
    """For a rich console line: one line, markup escaped (``[/]`` prints as itself)."""
    from rich.markup import escape  # where a console prints it, rich is loaded already

    return escape(one_line(text))


@lru_cache(maxsize=4096)
def markdown(text: str) -> str:
    """For Markdown: one line, every character that could start markup or HTML escaped
    (cached: a memo repeats its labels, units and rows' names in every table's findings)."""
    text = one_line(text)
    if not _may_hold_markdown(text):
        return text
    return _MARKDOWN.sub(_backslashed, text)


def _backslashed(m: re.Match[str]) -> str:
    # a function, not a template: a template sends every call through re's Python code
    return "\\" + m.group(0)


def sheet_cell(text: str) -> str:
    """For a CSV or .xlsx cell: one line, never taken for a formula (a leading ``= + - @``,
    after any spaces, gets an apostrophe before it, as spreadsheets themselves write text)."""
    text = one_line(text)
    bare = text.lstrip()
    if bare[:1] in _FORMULA_START and not _NUMBER.fullmatch(bare):
        return "'" + text
    return text


def sheet_row(cells: Sequence[str]) -> list[str]:
    """:func:`sheet_cell` of each cell; a row that needs nothing is checked at once."""
    if "".join(cells).isprintable() and not _ROW_FORMULA.search("\x00".join(cells)):
        return list(cells)
    return [sheet_cell(c) for c in cells]


def markdown_row(cells: Sequence[str]) -> list[str]:
    """:func:`markdown` of each cell; a row that needs nothing is checked at once (a match
    inside a cell is a match in the joined row: the row is never passed over wrongly)."""
    joined = "".join(cells)
    if joined.isprintable() and not _may_hold_markdown(joined):
        return list(cells)
    return [markdown(c) for c in cells]


def html_text(text: str) -> str:
    """For HTML text and attribute values: escaped, without what XML cannot hold (so that no
    escape sequence reaches a terminal the HTML is printed to)."""
    return html.escape(xml_safe(text))


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (most controls, lone surrogates)."""
    return _XML_UNSAFE.sub("", text)
