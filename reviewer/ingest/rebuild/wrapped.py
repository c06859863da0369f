"""Cells a PDF viewer's copy wrapped at the width of the page's column.

Copied one cell a line, a cell longer than its column goes on over further lines, each full
line exactly as long as the column is wide (the length most long lines share). A short rest of
words after such a line (…占已完工单项工程的 / 比例, …激励机制运行情 / 况) is no cell of its own:
it is joined to the line it finishes before the cells are read, as is a line opening where
no cell opens, or ending the sentence the full line left open.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

_MIN_WIDTH = 12  # characters: a narrower "width" is a column of short cells, not a wrap
_MIN_FULL = 3  # lines, at least, as long as the width
_REST = re.compile(r"^[\u4e00-\u9fff、（）()]{1,8}$")  # a short rest of words, no figure


def _width(lines: Sequence[str]) -> int | None:
    """The length most long lines share (a running head printed on each page may be longer)."""
    lengths = Counter(len(s.strip()) for s in lines if len(s.strip()) >= _MIN_WIDTH)
    if not lengths:
        return None
    width, count = lengths.most_common(1)[0]
    return width if count >= _MIN_FULL else None


def unwrapped(lines: Sequence[str], is_label: Callable[[str], bool]) -> list[str]:
    """``lines`` with each rest of a wrapped cell joined to the full line before it, its own
    line left empty (the line count kept): a short rest of words (…工程的 / 比例) that is not
    one of the form's labels (二级指标's 满意度指标 stays a cell); after a line that ends no
    sentence, a rest opening where no cell opens (…未完成3 / .5公里;…), a word's end before a
    clause's mark (…路面损 / 毁;下步将…), or the sentence's end (…施工方案,列入 / 2023年续建
    计划,6月底前完工。)."""
    width = _width(lines)
    if width is None:
        return list(lines)
    out = list(lines)
    cell = None  # the index of the line the cell being joined began on
    for i in range(len(lines) - 1):
        full, rest = lines[i].strip(), lines[i + 1].strip()
        cell = i if cell is None else cell
        if len(full) == width and rest and _goes_on(full, rest, is_label):
            out[cell] += rest
            out[i + 1] = ""
        else:
            cell = None
    return out


def _goes_on(full: str, rest: str, is_label: Callable[[str], bool]) -> bool:
    if is_label(rest):
        return False
    if full.endswith(_STOPS):
        return bool(_REST.match(rest))
    return (
        bool(_REST.match(rest))
        or rest[0] in _NO_START
        or rest.endswith(_STOPS)  # no value ends a sentence: the rest of one
        or bool(_WORD_END.match(rest))  # …路面损 / 毁;下步将…: a word's end, then a clause
    )


_NO_START = ".,，、；;:：)）%"  # no cell opens with these: the line goes on with the one above
_STOPS = ("。", "！", "？")
_WORD_END = re.compile(r"^[\u4e00-\u9fff]{1,2}[,，;；、]")
