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
from reviewer.parse.labels import GOAL_POINTS, LISTED_GOAL, is_result_label
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
        or (not b.stream.grouped and _head_goes_on(toks, j, head))
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
    stacked = _stacked_after(content)  # 绩 / 效 / 指 / 标: the next block's label, a line each
    if stacked:
        content = content[: -len(stacked)]
    expected = goal_column(head, "expected")
    actual = goal_column(head, "actual")
    split = _result_between(content) if expected is not None and actual is None else None
    if expected is not None and split is not None:
        # 年度目标 / its lines / 实际完成 / its lines: each label over its own text
        label = content[split]
        header.append(Placed(label, len(head) + 1))
        goal, result = content[:split], content[split + 1 :]
        b.rows.append(
            [Placed(reduce(merge, goal), expected), Placed(reduce(merge, result), len(head) + 1)]
        )
        if stacked:
            b.rows.append([Placed(reduce(merge, stacked), 1)])
        return j
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
    if stacked:
        b.rows.append([Placed(reduce(merge, stacked), 1)])
    return j


def _head_goes_on(toks: list[Token], j: int, head: list[Token]) -> bool:
    """The goal header goes on past ``toks[j]``: the block's points after its label with the
    goal's labels after them (年度总体目标 | 20 | 预期目标 | …, a transfer form's), or the score
    columns' labels after the result's (… | 全年实际完成情况 | 得分, … | 实际完成情况 | 分值 | 得分),
    in a stream whose lines tell no rows (where they do, the rows' own cells are paired)."""
    text = toks[j].text
    if len(head) == 1 and parse_number(text) is not None:
        nxt = next((t for t in toks[j + 1 :] if not t.empty), None)
        return nxt is not None and Kind.GOAL in kinds(nxt.text)
    last = key(head[-1].text) if head else ""
    return (
        len(head) > 1
        and key(text) in GOAL_POINTS
        and (_result_label(last) or last in GOAL_POINTS)
        and goal_column(head, "expected") is not None
        and goal_column(head, "actual") is not None
    )


def _result_between(content: list[Token]) -> int | None:
    """The index of a result's label alone between the goal's lines and the result's (年度目标
    / … / 实际完成 / …), both sides text; None if none."""
    found = [
        k
        for k, t in enumerate(content)
        if 0 < k < len(content) - 1 and len(t.text) <= _LABEL_CHARS and _names_result(t.text)
    ]
    return found[0] if len(found) == 1 else None


def _names_result(text: str) -> bool:
    return is_result_label(text) or _result_label(key(text))


def _result_label(k: str) -> bool:
    """``k`` (a key) is one of the families' labels for the goal's result."""
    return any(lookup(k, tuple((g, "a") for g in f.goal_actual)) for f in FAMILIES)


_LABEL_CHARS = 8


def _stacked_after(content: list[Token]) -> list[Token]:
    """The run of a character or two a line that ends the goal's texts, when together they
    are one of the form's labels (绩 / 效 / 指 / 标: the indicator block's, printed down its
    narrow cell); [] if none."""
    k = len(content)
    while k > 0 and len(content[k - 1].text) <= _STACKED_PIECE:
        k -= 1
    run = content[k:]
    if len(run) < _STACKED_PIECES or k == 0:
        return []
    if not all(_CHARACTERS.fullmatch(t.text) for t in run):
        return []  # (分值 / —: a label and a dash, no label printed a character a line)
    return run if kinds("".join(t.text for t in run)) else []


_CHARACTERS = lazy_compile(r"[\u4e00-\u9fff]+")


_STACKED_PIECE = 2
_STACKED_PIECES = 2


def _sentences(lines: list[Token]) -> list[Token]:
    """Lines joined while a sentence goes on (the line before ends no sentence)."""
    out: list[Token] = []
    for t in lines:
        if out and not out[-1].text.endswith(_SENTENCE_END):
            out[-1] = merge(out[-1], t)
        else:
            out.append(t)
    return out


def _enumerated(content: list[Token]) -> bool:
    """The texts' lines open goals of their own, in pairs (目标1：… / 目标1完成情况：…)."""
    return sum(bool(LISTED_GOAL.match(t.text)) for t in content) * 2 >= len(content)


def goal_column(head: list[Token], side: str) -> int | None:
    """The column of the header's expected or actual goal label, or None. The actual's is the
    first such label after the expected's (or a label there ending 完成情况), where the block's
    own label (年度目标完成情况 | 预期目标 | 实际完成目标) reads as an actual's too."""
    found: dict[str, list[int]] = {"expected": [], "actual": []}
    for col, t in enumerate(head, start=1):
        k = key(t.text)
        actual = _result_label(k)
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
    if found["expected"]:
        return after[0] if after else None  # (the block's own label before it is no result's)
    return found["actual"][0] if found["actual"] else None


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
