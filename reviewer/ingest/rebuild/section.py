"""The indicator section: where it starts and ends, its header, its rows, and 总分.

It starts at its title (绩效指标(90分), 年度绩效目标(80分)) followed by column labels, or at a
run of column labels naming the category or name columns; it ends at a closing anchor (总分,
a closing field, the next title or header key) or at another block's header. Its rows are
rebuilt under its header by the dynamic programme in ``indicators``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer.forms.vocabulary import key
from reviewer.ingest.rebuild import indicators as ind
from reviewer.ingest.rebuild.anchors import CLOSING, HEADER_LABELS, Kind, kinds, names_columns
from reviewer.ingest.rebuild.header import (
    NAME_AFTER_L2,
    UNIT_UNDER_VALUE,
    Header,
    Slot,
    build_header,
    is_value_part,
    slot_of,
    split_rows,
)
from reviewer.ingest.rebuild.headerless import rows_without_header
from reviewer.ingest.rebuild.indicators import Placed
from reviewer.ingest.rebuild.tokenise import Token
from reviewer.ingest.rebuild.trailing import labels_before_rows
from reviewer.lazyre import lazy_compile
from reviewer.parse.labels import is_scan_mark, is_stamp, sealed_by, unit_like
from reviewer.parse.values import parse_number

if TYPE_CHECKING:
    from reviewer.ingest.rebuild.rows import Builder

_GRADES = frozenset({"优", "良", "中", "差", "优秀", "良好", "合格", "不合格"})
_LOOKAHEAD = 6


def starts_indicators(b: Builder, i: int) -> bool:
    toks = b.toks
    window = [t for t in toks[i : i + 2 * _LOOKAHEAD] if not t.empty][:_LOOKAHEAD]
    if not window:
        return False
    first = kinds(window[0].text)
    if Kind.SECTION in first:
        return any(Kind.COLUMN in kinds(t.text) for t in window[1:4])
    if Kind.COLUMN not in first:
        return False
    labels = [t for t in window if Kind.COLUMN in kinds(t.text)]
    return len(labels) >= HEADER_LABELS and any(
        slot_of(t.text, b.family) in (Slot.L1, Slot.L2, Slot.NAME) for t in labels
    )


def ends_section(b: Builder, i: int, toks: list[Token] | None = None) -> bool:
    """The indicator section ends at a closing anchor or at another block's header; a
    funds or goal label alone may name an indicator (预算执行率 in a rubric)."""
    toks = b.toks if toks is None else toks
    ks = kinds(toks[i].text)
    if ks & CLOSING or (toks is b.toks and starts_indicators(b, i)):
        return True
    nxt = [t for t in toks[i + 1 : i + 2 * _LOOKAHEAD] if not t.empty][:_LOOKAHEAD]
    if ks & {Kind.FUND_BLOCK, Kind.FUND_ONLY}:
        prev = next(
            (t for t in reversed(toks[max(0, i - 2 * _LOOKAHEAD) : i]) if not t.empty), None
        )
        if (nxt and nxt[0].text == toks[i].text) or (
            prev is not None and prev.text == toks[i].text
        ):
            # 预算执行率 | 预算执行率 | 84.25%: the Hebei form's row, as 一级 and as name (its
            # definition after it, 预算执行数/预算数×100%, names no column of a funds block)
            return False
        return any(Kind.FUND_COLUMN in kinds(t.text) for t in nxt)
    if Kind.GOAL in ks:
        return bool(nxt) and Kind.GOAL in kinds(nxt[0].text)
    return False


def line_starts_indicators(b: Builder, line: list[Token]) -> bool:
    """A line (where lines are rows) that is the section's header: it starts with the
    section's title or a column label, and names the category or name columns."""
    if not kinds(line[0].text) & {Kind.COLUMN, Kind.SECTION}:
        return False
    labels = [t for t in line if kinds(t.text) & {Kind.COLUMN, Kind.SECTION}]
    return len(labels) >= HEADER_LABELS and any(
        slot_of(t.text, b.family) in (Slot.L1, Slot.L2, Slot.NAME) for t in labels
    )


def lines_start_indicators(b: Builder, lines: list[list[Token]], k: int) -> bool:
    """Line ``k`` starts the section's header: it names the category or name columns itself,
    or it is the header's upper row and the next line, all column labels, names them
    (``绩效指标 年度指标值 实际完成值 …`` over ``一级指标 二级指标 三级指标 指标性质 …``)."""
    line = [t for t in lines[k] if not t.empty]
    if not line or not kinds(line[0].text) & {Kind.COLUMN, Kind.SECTION}:
        return False
    if line_starts_indicators(b, line):
        return True
    below = [t for t in lines[k + 1] if not t.empty] if k + 1 < len(lines) else []
    return (
        names_columns(t.text for t in line)
        and bool(below)
        and all(Kind.COLUMN in kinds(t.text) for t in below)
        and line_starts_indicators(b, below)
    )


def _header_tokens(
    b: Builder, toks: list[Token], i: int
) -> tuple[list[Token], list[Token], list[Token], int]:
    """(section title pieces, column labels, bare numbers, index after the header)."""
    section: list[Token] = []
    labels: list[Token] = []
    extra: list[Token] = []
    j = i
    while j < len(toks):
        t = toks[j]
        ks = kinds(t.text)
        if t.empty:
            pass
        elif Kind.SECTION in ks and not labels and Kind.COLUMN not in ks:
            section.append(t)
        elif (
            Kind.COLUMN in ks
            or (t.text == UNIT_UNDER_VALUE and labels and is_value_part(labels[-1]))
            or (
                t.text == NAME_AFTER_L2 and labels and slot_of(labels[-1].text, b.family) is Slot.L2
            )
        ):
            # (单位 after 指标值 or 值: the target's unit on the lower row; 指标 after 二级指标:
            # the rows' names, 一级指标 | 二级指标 | 指标 | 符号 | 值 | 单位)
            labels.append(t)
        elif (
            labels
            and not extra
            and parse_number(t.text) is not None
            and not any(slot_of(x.text, b.family) in (Slot.SCORE, Slot.WEIGHT) for x in labels)
        ):
            extra.append(t)  # a bare section weight where a points column has no label
            j += 1
            break
        else:
            break
        j += 1
    return section, labels, extra, j


def _cut(body: list[Token], at_end: bool) -> bool:
    """The text ends inside the rows (no 总分 after them) and its layout dropped the empty
    cells: its last row may be cut short, its cells the first of its columns. A layout that
    keeps empty cells shows where each row ends."""
    return at_end and not any(t.empty for t in body)


# A scan's page of pages beside its 扫描 mark (某局 | 扫描 | 1/2).
_PAGE_OF = lazy_compile(r"^\d{1,3}/\d{1,3}$")


def _seals(body: list[Token], units: set[str]) -> list[Token]:
    """The tokens of seals and a scan's page heads among the rows: a unit's name (marked as its
    seal or not), （盖章）, and a 扫描 | 1/2 right after the unit's name."""
    found: list[Token] = []
    after_unit = False  # the last token that is not empty was a unit's name or its scan mark
    shown = [t for t in body if not t.empty]
    for k, t in enumerate(shown):
        if (
            sealed_by(t.text, units)
            or is_stamp(t.raw or t.text)
            # a unit's name with the seal's mark after it (枣阳市水利和湖泊局 / （盖章）)
            or (k + 1 < len(shown) and is_stamp(shown[k + 1].text) and unit_like(t.text))
        ):
            found.append(t)
            after_unit = True
        elif after_unit and (is_scan_mark(t.text) or _PAGE_OF.match(t.text)):
            found.append(t)
        else:
            after_unit = False
    return found


def _again(before: Header | None, first: list[Token], second: list[Token]) -> Header | None:
    """The header above, for a header printed again on a later page with its upper row alone
    (预期指标值 without 符号 / 值 / 单位 under it): the rows after it keep the columns of the
    header it repeats, its labels placed where they were printed first. None otherwise."""
    if before is None or second or len(before.rows) < 2 or not first:
        return None
    printed = [(t, c) for t, c in before.rows[0] if Kind.COLUMN in kinds(t.text)]
    if [key(t.text) for t in first] != [key(t.text) for t, _ in printed]:
        return None
    return Header(
        columns=before.columns,
        rows=[[(t, c) for t, (_, c) in zip(first, printed, strict=True)]],
    )


def read_indicators(b: Builder, i: int) -> int:
    """The indicator section from its header; the index after it."""
    b.close()
    toks = b.toks
    section, labels, extra, j = _header_tokens(b, toks, i)
    first, second = split_rows(labels, b.family)
    header = _again(b.header, first, second) or build_header(
        section, first, second, extra, b.family
    )
    b.header = header
    b.rows.extend([Placed(t, c) for t, c in r] for r in header.rows)
    end = j
    while end < len(toks) and not (not toks[end].empty and ends_section(b, end)):
        end += 1
    body = toks[j:end]
    # a unit's seal stamped over the rows (东安县农业农村局, 临洮县乡村振兴局（盖章）, （盖章）): a row of its own
    # (reported unread), not a cell for the rows' programme to place
    seals = _seals(body, b.units)
    if seals:
        body = [t for t in body if t not in seals]
    rows = ind.rebuild(
        body if b.family.own_categories else labels_before_rows(body),
        header,
        grouped=b.stream.grouped,
        strict=False,
        cut_off=_cut(body, end == len(toks)),
        own=b.family.own_categories,
    )
    for t in seals:  # each a row of its own where it was printed, between the rows around it
        at = next((k for k, r in enumerate(rows) if r and r[0].token.line > t.line), len(rows))
        rows.insert(at, [Placed(t, 1)])
    b.rows.extend(rows)
    return end


def read_indicator_lines(b: Builder, lines: list[list[Token]], k: int) -> int:
    head = [t for t in lines[k] if not t.empty]
    section, labels, extra, after = _header_tokens(b, head, 0)
    second: list[Token] = []
    nxt = k + 1
    if nxt < len(lines):
        below = [t for t in lines[nxt] if not t.empty]
        if below and all(Kind.COLUMN in kinds(t.text) for t in below):
            second = below
            nxt += 1
    first = labels
    if not second:
        first, second = split_rows(labels, b.family)
    header = _again(b.header, first, second) or build_header(
        section, first, second, extra, b.family
    )
    b.header = header
    b.rows.extend([Placed(t, c) for t, c in r] for r in header.rows)
    if head[after:]:  # what follows the labels on their line: not the header's, reported
        b.rows.append([Placed(t, c) for c, t in enumerate(head[after:], start=1)])
    end = nxt
    while end < len(lines):
        line = [t for t in lines[end] if not t.empty]
        if line and (ends_section(b, 0, line) or line_starts_indicators(b, line)):
            break
        end += 1
    body = [t for line in lines[nxt:end] for t in line]
    cut_off = _cut(body, end == len(lines))
    b.rows.extend(
        ind.rebuild(
            body,
            header,
            grouped=True,
            strict=True,
            cut_off=cut_off,
            own=b.family.own_categories,
        )
    )
    return end


@dataclass(slots=True)
class Unheaded:
    """Indicator rows found without a header: they start at token (or line) ``start`` and
    the section ends before ``end``."""

    start: int
    end: int
    rows: list[list[Placed]]
    header: Header


def find_headerless(b: Builder, i: int) -> Unheaded | None:
    """Indicator rows from token ``i`` on, in a text with no indicator header (an excerpt
    opening below it), read under the shape that fits them (``headerless``); None when they
    are no such rows. ``b.headerless_until`` is set to where the search ended: nothing before
    it is searched again."""
    if b.header is not None:
        return None
    toks = b.toks
    end = _section_end(b, toks, i)
    if _header_after(b, i, end):
        return None
    b.headerless_until = end
    body = toks[i:end]
    found = rows_without_header(
        body,
        grouped=b.stream.grouped,
        strict=False,
        cut_off=_cut(body, end == len(toks)),
        own=b.family.own_categories,
    )
    if found is None:
        return None
    rows, start, header = found
    return Unheaded(i + start, end, rows, header)


def find_headerless_lines(b: Builder, lines: list[list[Token]], k: int) -> Unheaded | None:
    """As ``find_headerless``, where each line is a row; ``start`` and ``end`` are lines."""
    if b.header is not None or _header_above(lines, k):
        return None
    end = k
    while end < len(lines):
        line = [t for t in lines[end] if not t.empty]
        if line and (
            ends_section(b, 0, line) or line_starts_indicators(b, line) or _labels_of_header(line)
        ):
            break
        end += 1
    b.headerless_until = end
    for x in ([t for t in x if not t.empty] for x in lines[end:]):
        if x and kinds(x[0].text) & _OPENS_TABLE:
            break  # the next table's: a header after it is that table's
        if x and (line_starts_indicators(b, x) or _labels_of_header(x)):
            return None
    body = [t for line in lines[k:end] for t in line]
    found = rows_without_header(
        body,
        grouped=True,
        strict=True,
        cut_off=_cut(body, end == len(lines)),
        own=b.family.own_categories,
    )
    if found is None:
        return None
    rows, start, header = found
    first, seen = k, len(lines[k])
    while seen <= start:
        first += 1
        seen += len(lines[first])
    # the rows start inside line ``first``: what the line prints before them is a row of its
    # own, reported by the parser, not lost
    lead = [t for t in body[seen - len(lines[first]) : start] if not t.empty]
    if lead:
        rows = [[Placed(t, c) for c, t in enumerate(lead, start=1)], *rows]
    return Unheaded(first, end, rows, header)


def _section_end(b: Builder, toks: list[Token], i: int) -> int:
    end = i
    while end < len(toks) and not (not toks[end].empty and ends_section(b, end)):
        end += 1
    return end


_OPENS_TABLE = frozenset({Kind.TITLE, Kind.KEY})


def _header_above(lines: list[list[Token]], k: int) -> bool:
    """A line of header labels above line ``k`` in its table (after the title or keys that
    opened it): the rows below are under that header, read or not."""
    for line in reversed(lines[:k]):
        x = [t for t in line if not t.empty]
        if x and _labels_of_header(x):
            return True
        if x and kinds(x[0].text) & _OPENS_TABLE:
            return False
    return False


def _labels_of_header(line: list[Token]) -> bool:
    """A line holding the indicator header's labels, if after a word of its own (绩效 一级指标
    二级指标 …: the section's title wrapped)."""
    return names_columns(t.text for t in line)


def _header_after(b: Builder, i: int, end: int) -> bool:
    """An indicator header after token ``i`` of the table the section ending at ``end`` is
    in: none of the next table's title or keys before it (where the stream's headers start
    is found once)."""
    toks = b.toks
    if b.headers is None:
        b.headers = [
            j
            for j, t in enumerate(toks)
            if not t.empty
            and kinds(t.text) & {Kind.COLUMN, Kind.SECTION}
            and starts_indicators(b, j)
        ]
    at = bisect_left(b.headers, i)
    if at == len(b.headers):
        return False
    return not any(kinds(t.text) & _OPENS_TABLE for t in toks[end : b.headers[at]] if not t.empty)


# -- 总分 --------------------------------------------------------------------------------


def read_total(b: Builder, i: int) -> int:
    """总分 / 合计 and its figures; the index after them."""
    b.close()
    toks = b.toks
    label = toks[i]
    items: list[Token] = []
    j = i + 1
    last = label.line
    while j < len(toks):
        t = toks[j]
        if not t.empty and not _total_value(t.text):
            break
        if b.stream.grouped and t.group != label.group and not t.empty:
            break
        if (
            not t.empty
            and t.line - last > _TOTAL_GAP
            and t.text.isdigit()
            and all(u.empty for u in toks[j + 1 :])
        ):
            break  # the text's last line, a number after blank lines (97.92 / / / 1): its page's
        items.append(t)
        if not t.empty:
            last = t.line
        j += 1
    b.rows.append(total_row(b, label, items))
    return j


_TOTAL_GAP = 2  # lines from the total's last figure to a page's number under it, more than


def total_row(b: Builder, label: Token, items: list[Token]) -> list[Placed]:
    """总分 and its numbers under 分值 and 得分 (then the columns after: a grade)."""
    slots = _total_columns(b)
    row = [Placed(label, 1)]
    while items and items[0].empty:  # the columns before the points
        items = items[1:]
    shown = items if b.stream.explicit_empties else [t for t in items if not t.empty]
    score = _score_column(b)
    if len(shown) == 1 and not shown[0].empty and score is not None:
        return [*row, Placed(shown[0], score)]  # a 总分 row printing only the score
    last = slots[-1] if slots else 1
    for k, t in enumerate(shown):
        col = slots[k] if k < len(slots) else last + k - len(slots) + 1
        if not t.empty:
            row.append(Placed(t, col))
    return row


def _score_column(b: Builder) -> int | None:
    """The 得分 column of the section's header, when it has 分值 too (else None)."""
    h = b.header
    if h is None or not h.column_of(Slot.WEIGHT):
        return None
    score = h.column_of(Slot.SCORE)
    return score[0] if score else None


def _total_columns(b: Builder) -> list[int]:
    """Where a 总分 row's numbers go: under 分值 and 得分, then the columns after."""
    h = b.header
    if h is None:
        return []
    points = [c.number for c in h.columns if c.slot in (Slot.WEIGHT, Slot.SCORE)]
    if not points:
        return []
    return [c.number for c in h.columns if c.number >= points[0]]


def _total_value(text: str) -> bool:
    t = key(text)
    return parse_number(t) is not None or t in _GRADES or (t.endswith("分") and len(t) <= 8)
