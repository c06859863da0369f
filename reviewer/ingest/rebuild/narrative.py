"""The goal block's two texts, where single spaces cut them into pieces.

A layout that separates cells by single spaces also cuts the narrative at its own spaces
(``…村民监督委员会 工资28000元…``). The block holds two texts, 预期目标 then 实际完成情况;
the cut between them is where a sentence ends and the next piece opens the way the first did
(``本项目共申请…`` / ``本项目共完成…``), else the sentence end nearest the middle.
"""

from __future__ import annotations

from functools import reduce

from reviewer.ingest.rebuild.tokenise import Token, merge

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
