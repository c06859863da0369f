"""Text normalisation shared by the readers, the parser and the evidence check."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from reviewer.lazyre import lazy_compile

_SPACE_RUN = lazy_compile(r"\s+")
_ASCII_WORD = lazy_compile(r"[0-9A-Za-z]")

# Full-width forms and the ideographic space, which NFKC maps to ASCII one character at a
# time. Chinese text is full of them (，（）：), and any one sends the normaliser down its slow
# path for the whole text; replaced first, most text is then already normalised.
_WIDE = lazy_compile("[\uff01-\uff5e\u3000]")
_WIDE_TO_NFKC = {
    chr(c): unicodedata.normalize("NFKC", chr(c)) for c in (*range(0xFF01, 0xFF5F), 0x3000)
}


# The full-width punctuation Chinese text is full of: found with ``in`` (no regex scan) and
# replaced first, after which most text is normalised already.
_COMMON_WIDE = "，（）：；！？％"


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, the same result, several times faster on
    Chinese text."""
    if text.isascii():
        return text
    for ch in _COMMON_WIDE:
        if ch in text:
            text = text.replace(ch, _WIDE_TO_NFKC[ch])
    if unicodedata.is_normalized("NFKC", text):
        return text
    for ch in set(_WIDE.findall(text)):
        text = text.replace(ch, _WIDE_TO_NFKC[ch])
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


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


# A pipe that separates cells: not one escaped as Markdown escapes a pipe inside a cell (\|).
# A page's number printed on a line of its own (- 1 -, —2—, ·18·, 第3页, 第3页 共5页, 第2/3页, 扫描件 第2/3页,
# — 第1页 —), its
# spaces removed: a page break.
# (a scan's OCR reads 1 as l or I and 0 as O in it: - l -, — lO —)
# The marks a sentence ends with (。；!): what ends a text, never a name or a label.
SENTENCE_ENDS = ("。", "；", ";", "！", "!")
# A clause's mark inside a sentence (no name holds one): 、 ， ； and their ASCII forms.
CLAUSE_MARK = lazy_compile(r"[，,；;、]")

PAGE_NUMBER = lazy_compile(
    r"^(?:[-—–－~·・•][\dlIO]{1,4}[-—–－~·・•]"
    r"|([-—–－~=]{1,3}\s?)?(?:扫描件|扫描页|扫描)?第\d{1,4}(?:/\d{1,4})?页(?:[,，/]?共\d{1,4}页)?"
    # an OCR engine's note on the page (第2页（页面旋转90°，已自动校正）)
    r"(?:[(（][^()（）]{1,24}[)）])?(?(1)\s?[-—–－~=]{1,3})"
    r"|扫描(?:件|页)?P\d{1,4}"  # a scan's own page marker (扫描 P2)
    r"|(?:PAGE|Page)\d{1,4}(?:(?:of|/)\d{1,4})?"  # a scanning app's (PAGE 2, Page 1 of 3)
    r"|扫描全能王(?:创建)?|(?:(?:Scanned|Created)(?:with|by))?CamScanner(?:扫描)?"  # a scan app's mark
    r"|[(（](?:续上表|续表|接上表)[)）])$"  # a table's next page marked as going on
)
_BORDER = lazy_compile(r"^[\s|｜+:=_\-—─━═│┃┼├┤┌┐└┘]*$")
_RULE = lazy_compile(r"[-—─━═=_]{3}")


# A Markdown table's alignment row, its rules however short (|:--|:--|, | -- | :-: |).
_ALIGNMENT = lazy_compile(r"^\s*[|｜]?(?:\s*(?::?-{2,}:?|:-+:?|-+:)\s*[|｜])+\s*(?::?-{2,}:?)?\s*$")


def is_border(line: str) -> bool:
    """A table border drawn in characters (``|---|:--:|``, ``+-----+``, a fixed-width report's
    ``=====``): only rule characters, with a rule; or a Markdown table's alignment row."""
    if not _BORDER.match(line):
        return False
    return bool(_RULE.search(line)) or bool(_ALIGNMENT.match(line))


CELL_BAR = lazy_compile(r"(?<!\\)[|｜]")
_LINE_BREAK_TAG = lazy_compile(r"<br\s*/?>", re.IGNORECASE)


def pipe_cell(raw: str) -> str:
    """A cell cut from a pipe row, as ``clean_cell`` gives it, with a Markdown table's marks
    undone (``unmarked``)."""
    return clean_cell(unmarked(raw))


def unmarked(raw: str) -> str:
    r"""A pipe row's cell with a Markdown table's marks undone, its spacing kept: ``\|`` is a
    pipe, ``\*`` a star, ``<br>`` a line break inside the cell, ``**项目名称**`` (bold) the
    words inside."""
    raw = unbold(raw)
    if raw[:1] in _MARK_STARTS or raw[:2].strip()[:1] in _MARK_STARTS:
        raw = _LINE_MARK.sub("", raw, count=1)  # - 项目名称：…, ## 一、项目资金
    if "\\" in raw:
        raw = raw.replace("\\｜", "｜")
        raw = _ESCAPED.sub(r"\1", raw)
    if "<" in raw:
        raw = _LINE_BREAK_TAG.sub("\n", raw)
    return raw


# A Markdown line's own mark before its words: a list's bullet (- 项目名称：…), a heading's
# hashes (## 一、项目资金（万元）) or a quote's mark (> 注：…); a lone dash (—, -), a figure (-5%) or a page's number (- 1 -)
# is no such mark.
_LINE_MARK = lazy_compile(r"^\s*(?:[-*+•>]|#{1,6})\s+(?=[^\d\s])")
_MARK_STARTS = frozenset("-*+•#>")

# Words Markdown sets in bold (**项目名称**, __总分__, **单位名称:某局**　**填报日期:…**), as
# converters set labels: two words or more inside, or a figure alone; a template's stars
# around a value's sign (≥**%，≤**%) are no bold. Then the escapes of punctuation (\* \| \_) a converter writes.
_BOLD = lazy_compile(
    # (a single star inside is the words': **得分(20分*执行率)**)
    r"(?<![\\*])\*\*(?=\S)((?:\\\*|[^*]|\*(?!\*))*?[\u4e00-\u9fff]{2}(?:\\\*|[^*]|\*(?!\*))*?)"
    r"(?<=[^\s\\])\*\*(?!\*)"
    r"|(?<![\\\w])__(?=\S)([^_]*?[\u4e00-\u9fff]{2}[^_]*?)(?<=[^\s\\])__"
    # a figure in bold (**100**, **99.05**: a total's), never a template's stars (≥**%)
    r"|(?<![\\*\w])\*\*([-+]?\d[\d,]*(?:\.\d+)?%?)\*\*(?![*\w])"
)


def unbold(text: str) -> str:
    """Text Markdown set in bold without its marks (``**项目名称**`` → ``项目名称``)."""
    if "**" in text or "__" in text:
        return _BOLD.sub(lambda m: m.group(1) or m.group(2) or m.group(3), text)
    return text


_ESCAPED = lazy_compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")


def collapse_spaces(text: str) -> str:
    """Trim and collapse whitespace runs to one space (for narrative text)."""
    return " ".join(text.split())


def without_spaces(text: str) -> str:
    """``text`` with all whitespace removed.

    ``str.split()`` cuts at exactly the characters ``\\s`` matches in a str pattern (those
    ``str.isspace`` accepts), and on CJK text it is several times faster than ``re.sub``.
    """
    return "".join(text.split())


# A list's number before an item (一、 （一） ① 1. 1.1.1 (1)): the item's place, not its words.
# A plain figure stays (65岁及以上…, 1.5万人次): a number is only taken with a separator after
# it, or as an outline number before the item's words (1.1.1, or 1.1 before no unit).
_ENUMERATION = lazy_compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[\u2460-\u2473]"
    r"|\d{1,2}(?:[.．]\d{1,2}){2,3}(?=\s|[\u4e00-\u9fff“《（(])"
    r"|\d{1,2}[.．]\d{1,2}(?![万萬亿億千百元个人户次吨亩公斤里米倍])(?=\s|[\u4e00-\u9fff“《（(])"
    r"|\d{1,2}[、.．](?!\d)"
    # a category's code (A 产出指标, A1 数量指标, C1服务对象满意度指标); not A级, B超
    r"|[A-Z](?:\d{1,2}\s*|\s+|(?=[\u4e00-\u9fff]{2,10}指标))(?=[\u4e00-\u9fff]))\s*"
)


def without_enumeration(text: str) -> str:
    """``text`` without a list's number before it: （一）数量指标 → 数量指标, ①受益人口 → 受益人口."""
    if not text or not (text[0] in "(（" or text[0].isdigit() or text[0] in _ENUMERATION_STARTS):
        return text  # the cheap test first: most texts open with none
    return _ENUMERATION.sub("", text, count=1)


_ENUMERATION_STARTS = frozenset("一二三四五六七八九十 ABCDEFGHIJKLMNOPQRSTUVWXYZ") | frozenset(
    map(chr, range(0x2460, 0x2474))
)


def fold(text: str) -> str:
    """Fold text for comparison: NFKC, no whitespace, lower case.

    Two texts that differ only in full-/half-width forms, spacing or case fold alike; used to
    find quoted evidence in the document and to compare names.
    """
    return without_spaces(nfkc(text)).lower()


class Words:
    """A first look for any of a few words (or characters) in a text.

    ``str.__contains__`` scans Chinese text many times faster than a regex alternation, which
    tests every character against the words' first characters one by one; the parser takes
    such a first look at every row, so this is what it uses.
    """

    __slots__ = ("words",)

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(words)

    def found_in(self, text: str) -> bool:
        for word in self.words:  # noqa: SIM110 (a loop costs less than any() and a generator)
            if word in text:
                return True
        return False


# A forwarded mail's quote marks before a line (> , >> ): a space after each is theirs, a tab
# is the line's own (its first cell left empty).
_QUOTE = lazy_compile(r"^ *(?:> ?)+")


def unquoted(line: str) -> str:
    """``line`` without a mail's quote marks before it."""
    return _QUOTE.sub("", line) if ">" in line[:8] else line


def is_quoted(lines: Sequence[str]) -> bool:
    """Whether these lines are mostly a mail's quoted text (> before each)."""
    nonempty = [s for s in lines if s.strip()]
    quoted = sum(s.lstrip(" ")[:1] == ">" for s in nonempty)
    return quoted >= _QUOTED_LINES and quoted >= _QUOTED_SHARE * len(nonempty)


_QUOTED_LINES = 5
_QUOTED_SHARE = 0.3


# One space between Chinese words and a value, a column's cell printed one space after a cell
# that filled its own: a sign (≥2400批次), a date, or a figure with its unit or rate (0起,
# 92.5%, 16.42万元) ending the piece or followed by another value.
SINGLE_SPACE_VALUE = lazy_compile(
    r"(?<=[\u4e00-\u9fff）)”][\u4e00-\u9fff）)”]) "
    r"(?=[≥≤＞＜<>=]|\d{4}年\d{1,2}月|\d[\d.,]*(?:%|(?!页)[\u4e00-\u9fff/]{0,4})(?:$| [≥≤\d]))"
)

# A cell of text laid out by spaces: text with single spaces inside, two or more around it.
SPACED_PIECE = lazy_compile(r"\S+(?: \S+)*")


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal or a scan's grid: a CJK (wide) character two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# The signs a target's comparison is printed with (≥90%, ＜5%), full-width ones too.
COMPARISON_SIGNS = "≥≤≧≦><=＞＜＝"


def unclosed_bracket(text: str) -> bool:
    """``text`` opens more brackets than it closes (年初目标值（A, 转移支付（项目): a label or
    a key cut inside its bracket, its rest printed after it)."""
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")
