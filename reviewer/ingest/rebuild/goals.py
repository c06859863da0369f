"""The goal block: its header (年度总体目标 | 预期目标 | 实际完成情况), then its two texts.

The texts go under the header's 预期目标 and 实际完成情况 labels, in pairs (a form may state
several goals, 目标1 … 目标4, each with its result). A layout that separates cells by single
spaces also cuts the narrative at its own spaces (``…村民监督委员会 工资28000元…``); the cut
between the two texts is where a sentence ends and the next piece opens the way the first
did (``本项目共申请…`` / ``本项目共完成…``), else the sentence end nearest the middle.
"""

from __future__ import annotations

from functools import reduce
from typing import TYPE_CHECKING

from reviewer.forms.families import FAMILIES
from reviewer.forms.vocabulary import key, lookup, unnumbered
from reviewer.ingest.rebuild.anchors import ENDS, Kind, kinds
from reviewer.ingest.rebuild.indicators import Placed
from reviewer.ingest.rebuild.section import starts_indicators
from reviewer.ingest.rebuild.tokenise import Token, merge
from reviewer.lazyre import lazy_compile
from reviewer.parse.labels import is_result_label
from reviewer.parse.values import parse_number

if TYPE_CHECKING:
    from reviewer.ingest.rebuild.rows import Builder

_SENTENCE_END = ("。", ".", "；", ";", "！", "!", "…")
_END_BONUS = 2.0


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def split_goals(pieces: list[Token]) -> list[Token]:
    """The pieces joined into the expected and the actual text (one text if no cut fits)."""
    if len(pieces) < 2:
        return pieces
    total = sum(len(p.text) for p in pieces)
    best: tuple[float, int] | None = None
    left = 0
    for k in range(1, len(pieces)):
        left += len(pieces[k - 1].text)
        score = -abs(2 * left - total) / max(total, 1)
        if pieces[k - 1].text.endswith(_SENTENCE_END):
            score += _END_BONUS
        score += _common_prefix(pieces[0].text, pieces[k].text)
        if best is None or score > best[0]:
            best = (score, k)
    assert best is not None
    k = best[1]
    return [reduce(merge, pieces[:k]), reduce(merge, pieces[k:])]


def read_goals(b: Builder, i: int) -> int:
    """The goal block from its header; the index after it."""
    b.close()
    toks = b.toks
    head: list[Token] = []
    j = i
    while j < len(toks) and (
        toks[j].empty
        or Kind.GOAL in kinds(toks[j].text)
        # 年度目标 | 完成情况 (a Sichuan form's goal header): a result's words after a goal's
        or (head and is_result_label(toks[j].text) and Kind.GOAL in kinds(head[-1].text))
    ):
        if not toks[j].empty:
            head.append(toks[j])
        j += 1
    if j < len(toks) and head and parse_number(toks[j].text) is not None:
        head.append(toks[j])  # the block's points, printed in its header (20)
        j += 1
    header = [Placed(t, c) for c, t in enumerate(head, start=1)]
    b.rows.append(header)
    for p in header:
        if unnumbered(p.token.text) != key(p.token.text):
            b.numbered_column = p.column
    content: list[Token] = []
    while j < len(toks):
        t = toks[j]
        if not t.empty and (kinds(t.text) & (ENDS | {Kind.FUND_ROW}) or starts_indicators(b, j)):
            break
        if not t.empty:
            content.append(t)
        j += 1
    expected = goal_column(head, "expected")
    actual = goal_column(head, "actual")
    if expected is None or actual is None:
        header += [Placed(t, len(head) + 1 + k) for k, t in enumerate(content)]
        return j
    figures: list[Token] = []  # 总体完成率(%) after a goal's texts, in a column of its own
    if len(head) > actual and len(content) > 2:
        figures = [t for t in content if _is_figure(t.text)]
        content = [t for t in content if not _is_figure(t.text)]
    if any(t.spaced for t in content):
        content = split_goals(content)
    elif len(content) > 2 and not b.stream.grouped and not _enumerated(content):
        # a copy a line a cell, each text wrapped over lines (…配套建设灌 / 溉排水…): its
        # sentences joined again; goals and results in pairs if they make an even number of
        # texts, else the two texts (unless each line opens a goal of its own: 目标1：…)
        texts = _sentences(content)
        content = texts if len(texts) >= 2 and len(texts) % 2 == 0 else split_goals(content)
    for k in range(0, len(content), 2):
        pair = content[k : k + 2]
        row = [Placed(pair[0], expected)]
        if len(pair) == 2:
            row.append(Placed(pair[1], actual))
        b.rows.append(row)
    first = len(b.rows) - (len(content) + 1) // 2  # the goals' first row
    if figures:
        b.rows[first] += [Placed(t, actual + 1 + k) for k, t in enumerate(figures)]
    return j


def _sentences(lines: list[Token]) -> list[Token]:
    """Lines joined while a sentence goes on (the line before ends no sentence)."""
    out: list[Token] = []
    for t in lines:
        if out and not out[-1].text.endswith(_SENTENCE_END):
            out[-1] = merge(out[-1], t)
        else:
            out.append(t)
    return out


_ENUMERATED = lazy_compile(r"^(?:目标|任务)?[\d一二三四五六七八九十]+[、.:：)）]")


def _enumerated(content: list[Token]) -> bool:
    """The texts' lines open goals of their own, in pairs (目标1：… / 目标1完成情况：…)."""
    return sum(bool(_ENUMERATED.match(t.text)) for t in content) * 2 >= len(content)


def goal_column(head: list[Token], side: str) -> int | None:
    """The column of the header's expected or actual goal label, or None. The actual's is the
    first such label after the expected's (or a label there ending 完成情况), where the block's
    own label (年度目标完成情况 | 预期目标 | 实际完成目标) reads as an actual's too."""
    found: dict[str, list[int]] = {"expected": [], "actual": []}
    for col, t in enumerate(head, start=1):
        k = key(t.text)
        actual = any(lookup(k, tuple((g, "a") for g in f.goal_actual)) for f in FAMILIES)
        expected = any(lookup(k, tuple((g, "e") for g in f.goal_expected)) for f in FAMILIES)
        if actual:
            found["actual"].append(col)
        elif expected:
            found["expected"].append(col)
    if side == "expected":
        return found["expected"][0] if found["expected"] else None
    after = [c for c in found["actual"] if found["expected"] and c > found["expected"][0]]
    if found["expected"] and not after:
        # a result's own words after the expected's (预期目标 | 目标完成情况)
        after = [
            col
            for col, t in enumerate(head, start=1)
            if col > found["expected"][0] and is_result_label(t.text)
        ]
    columns = after or found["actual"]
    return columns[0] if columns else None


def goal_line(line: list[Token], head: list[Token]) -> list[Placed]:
    """A line of goal texts under the goal header: the expected and the actual text (cut
    into words where the narrative has spaces), then any figures the header adds a column
    for (总体完成率(%))."""
    expected, actual = goal_column(head, "expected"), goal_column(head, "actual")
    if expected is None or actual is None:
        return [Placed(t, c) for c, t in enumerate(line, start=expected or 1)]
    figures: list[Token] = []
    while len(head) > actual and len(line) > 2 and _is_figure(line[-1].text):
        figures.insert(0, line.pop())
    texts = split_goals(line) if len(line) > 2 else line
    row = [Placed(t, c) for t, c in zip(texts, (expected, actual), strict=False)]
    return row + [Placed(t, actual + 1 + k) for k, t in enumerate(figures)]


def _is_figure(text: str) -> bool:
    return parse_number(text.rstrip("%")) is not None
