"""Which family a table is, from what it prints: its title and the labels only it uses.

A title naming a family (部门预算项目支出绩效自评表, 区域绩效目标自评表 …) decides, the longest
(most specific) matching title first, unless that title is another family's with a word or two
before it (部门预算项目支出绩效自评表: 项目支出绩效自评表) and the table prints none of the first
family's signature labels and three or more of the other's; among families whose titles match
equally (the national form and 20/80 share theirs), the signature labels found decide. Ties go to the earlier family in
``FAMILIES`` (national-2020 first), so an unknown variant is read as the national form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from reviewer.forms.families import DEFAULT, FAMILIES, Family
from reviewer.forms.vocabulary import key, spaceless


@dataclass(frozen=True)
class Recognition:
    family: Family
    # (length of the matching title, signature labels no other family prints, all found)
    score: tuple[int, int, int]
    evidence: tuple[str, ...]  # what was found: the title and signature labels


def recognise(texts: Iterable[str]) -> Recognition:
    """The family whose title and signatures best match ``texts`` (a table's cells, or its
    rows' text, in order)."""
    texts = list(texts)
    # the title cells' keys, one per line (a key has no whitespace, so none spans two cells)
    title_cells = "\n".join(
        key(cell) for k in range(len(texts)) for cell in _title_cells(texts, k) if _titled(cell)
    )
    titles = _titles(title_cells)
    # A family with a shorter title wins only as said above: the families with the longest
    # title found are told apart by their signatures (looked for in the whole text).
    longest = max(map(len, titles))
    # the texts' normal form run together, as ``normalise`` makes it of the whole (a line
    # break is dropped with the other whitespace; no key ends with a colon)
    joined = "".join([_spaceless(t) for t in texts])
    best = Recognition(DEFAULT, (0, 0, 0), ())
    best_title = ""
    for (family, _, signatures), title in zip(_keyed(), titles, strict=True):
        if len(title) < longest:
            continue
        found = [label for label, k in signatures if k in joined]
        score = _score(family, title, found)
        if score > best.score:
            best = Recognition(family, score, tuple([title] if title else []) + tuple(found))
            best_title = title
    if best.score[0] and not best.score[1]:
        # a title that is another form's title with a word or two before it (部门预算项目支出
        # 绩效自评表: 项目支出绩效自评表) over a table that prints none of the longer one's own
        # labels (年度资金总额 is every form's) and many of the other's: the other
        return _printed_instead(best, best_title, titles, joined)
    return best


def _titled(text: str) -> bool:
    return "自评表" in text or "评分表" in text


def _title_cells(texts: list[str], k: int) -> list[str]:
    """Cell ``k``, and where it opens with the title's last words, the cell before it joined
    to it: a title over two cells (部门整体支出 / 绩效自评表, a scan's cell a line)."""
    text = texts[k]
    if k == 0 or not _titled(text) or _titled(texts[k - 1]):
        return [text]
    return [text, texts[k - 1] + text]


def _printed_instead(
    best: Recognition, best_title: str, titles: tuple[str, ...], joined: str
) -> Recognition:
    """The family whose signatures the table prints most (three or more), when its title is
    ``best_title``'s last words (a title with a word or two before it), or when none of its
    titles was found and one of them ends with ``best_title`` (its start cut off); else
    ``best``."""
    printed, printed_title = best, ""
    for (family, _, signatures), title in zip(_keyed(), titles, strict=True):
        found = [label for label, k in signatures if k in joined]
        if len(found) > printed.score[2]:
            evidence = tuple([title] if title else []) + tuple(found)
            printed = Recognition(family, _score(family, title, found), evidence)
            printed_title = title
    if printed.score[2] < _PRINTED_LABELS:
        return best
    if best_title.endswith(printed_title) and 2 * len(printed_title) > len(best_title):
        return printed  # the longer title is the other's with a word or two before it
    if not printed_title and any(t.endswith(best_title) for t in printed.family.titles):
        return printed  # the other's own title cut at its start (…算项目支出绩效自评表)
    return best


_PRINTED_LABELS = 3


_Keyed = tuple[tuple[str, str], ...]


@cache
def _keyed() -> tuple[tuple[Family, _Keyed, _Keyed], ...]:
    """Each family with its titles and signatures, each with its key (computed once)."""
    return tuple(
        (
            family,
            tuple((t, key(t)) for t in family.titles),
            tuple((label, key(label)) for label in family.signatures),
        )
        for family in FAMILIES
    )


def _score(family: Family, title: str, found: list[str]) -> tuple[int, int, int]:
    """A family's match: its title's length, then the signatures found that only it prints
    (the national form's 年度资金总额 is the 部门整体 form's as well; 按收入性质分 is that form's
    alone), then all its signatures found."""
    own = sum(label not in _shared(family) for label in found)
    return len(title), own, len(found)


@cache
def _shared(family: Family) -> frozenset[str]:
    """``family``'s signatures that another family prints among its labels."""
    printed = {
        key(label.rstrip("*"))
        for other in FAMILIES
        if other is not family
        for pairs in (other.fund_columns, other.fund_rows, other.indicator_columns)
        for label, _ in pairs
    }
    return frozenset(s for s in family.signatures if key(s) in printed)


@lru_cache(maxsize=256)
def _titles(title_cells: str) -> tuple[str, ...]:
    """Each family's longest title found in a title cell (the first of them, if several as
    long; "" for none), in the order of ``FAMILIES``. The same few titles head every table."""
    return tuple(
        max([t for t, k in titles if k in title_cells], key=len, default="") if title_cells else ""
        for _, titles, _ in _keyed()
    )


# A form's label rows repeat from table to table: their normal forms are cached.
_spaceless = lru_cache(maxsize=4096)(spaceless)
