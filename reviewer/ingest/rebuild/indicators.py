"""The indicator section's rows, rebuilt from its stream of cells by a small dynamic programme.

Each row of the section is: an optional 序号, an optional 一级 and 二级 label (merged cells
print them once), the indicator's name, then the header's value columns in order. A layout
that lost the rows gives only the cells in reading order, with empty cells shown or dropped.
Every way of cutting the stream into rows and placing each cell in a column is scored (Viterbi
over the cells, the state being the next free column of the open row):

* how well each cell fits its column (``cells.fit``);
* a column a row leaves without a cell (``cells.MISSING``: nothing for a merged category
  cell, a little for an explanation, more for a target or a score);
* each row, so that fewer, fuller rows win; a row of category labels alone (an empty
  heading such as ``经济效益指标``) is allowed;
* where the layout's lines or paragraphs hint at rows, a row that starts inside one or runs
  past its end; where each line is a row, no other cut;
* where single spaces separate cells, a word joined to the cell before it (a name printed
  with a space in it); so too a line that may be the rest of a cell wrapped at its column's
  width (``wrapped``);
* where each line is a row, a line of one piece of text under a row whose explanation it goes
  on with (a PDF viewer's copy prints a wrapped cell's lines as lines of their own).

A cell that fits nowhere is left on a row of its own, for the parser to report.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import combinations

from reviewer.ingest.rebuild import cells as cl
from reviewer.ingest.rebuild.anchors import (
    NAME_REST_CHARS,
    SAYS_STATE,
    STATE_SAID,
    ends_as_name,
    name_rest_word,
)
from reviewer.ingest.rebuild.header import Header, Slot
from reviewer.ingest.rebuild.tokenise import Token, merge
from reviewer.lazyre import lazy_compile

_ROW = 0.5  # each row
_HEADING = 1.0  # closing a row that holds only category labels
_DROP = 6.0  # a cell placed nowhere
_DROP_EMPTY = 0.05
_CUT_INSIDE = 1.0  # a row starting inside a line (where lines hint at rows)
_RUN_ON = 0.4  # a row running on into the next line
_GLUE = 0.8  # a word joined to the cell before it (a cell cut at its own space)
# A line after a line as long as the column is wide, taken for a cell of its own rather than
# the rest of the cell above (``wrapped``): the full line says the cell went on.
_UNJOINED = 0.5
# Such a line joined to a name or a text: free; to a target or an actual, dear: a value of
# words fills its column less often than a name, and a name as wide as its column followed by
# a target of words (…服务差距 / 不断缩小) would else take its row's values into the next row's.
_REST_INTO = {Slot.NAME: 0.0, Slot.TEXT: 0.0, Slot.EXPLANATION: 0.0, Slot.WORD: 0.6}
_REST_INTO_VALUE = 1.2
_GLUED = frozenset({Slot.NAME, Slot.TARGET, Slot.ACTUAL, Slot.WORD, Slot.TEXT, Slot.EXPLANATION})
_WRAPPED = 0.3  # a line of text going on with the explanation of the row above
_LINE_GOES_ON = 0.8  # a line, in a stream of cells a line each, going on with an explanation
_OVER_LINES = frozenset({Slot.NAME, Slot.TEXT})  # the cells a text run's lines go on in
_NAME_GOES_ON = 0.1
_LINE_SHORT = 4  # characters a cell's last line falls short of its lines before, at least
_EARLY_REST = 4  # characters of a name's rest on its own line before the row's figures
_NAME_FIRST_LINE = 16  # characters of a name's first line before such a rest, at most
_WRAPPED_LINE = 12  # characters of a cell's line that wrapped at its column, at least
_EARLY = -0.2  # such a rest joined: below an explanation's fit, so the name opens its row
_SENTENCE_END = ("。", "！", "!", "；")


@dataclass(slots=True)
class Placed:
    token: Token
    column: int  # the grid column
    # Placed by a tie: its row's empty cells were dropped, and the figure fits as well in
    # another of the row's value columns (完成值, 分值, 得分) as in the one it was given.
    guessed: bool = False


def rebuild(
    tokens: list[Token],
    header: Header,
    *,
    grouped: bool,
    strict: bool,
    cut_off: bool = False,
    own: bool = False,
) -> list[list[Placed]]:
    """The rows of ``tokens`` (the section's cells after its header) under ``header``
    (see ``rebuild_costed``)."""
    rows, _ = rebuild_costed(
        tokens, header, grouped=grouped, strict=strict, cut_off=cut_off, own=own
    )
    return rows


def rebuild_costed(
    tokens: list[Token],
    header: Header,
    *,
    grouped: bool,
    strict: bool,
    cut_off: bool = False,
    own: bool = False,
) -> tuple[list[list[Placed]], float]:
    """The rows of ``tokens`` (the section's cells after its header) under ``header``, and
    what the best reading cost (lower fits better; comparable between headers of one stream).

    ``grouped``: a token's group starting hints at a row starting; ``strict``: each group is
    exactly one row, unless it shows more cells than the header has columns (only hints then); ``cut_off``: the text ends inside the last row, whose cells are the first of
    its columns (the columns after its last cell cost nothing: they were cut off); ``own``:
    the form names its own categories (a department's)."""
    if not tokens:
        return [], 0.0
    slots = header.slots()
    m = len(slots)
    looks = [cl.look(t.text) if not t.empty else cl.EMPTY for t in tokens]
    if not grouped:
        tokens, looks = _label_before_name(tokens, looks)
    fits = [
        [cl.fit(s, c, own) + (_UNJOINED if t.rest else 0.0) for s in slots]
        for t, c in zip(tokens, looks, strict=True)
    ]
    miss = [cl.MISSING.get(s, cl.MISSING_DEFAULT) for s in slots]
    prefix = [0.0]
    for x in miss:
        prefix.append(prefix[-1] + x)
    name = next((k for k, s in enumerate(slots) if s is Slot.NAME), 0)

    def skip(a: int, b: int) -> float:  # columns a..b-1 left without a cell
        return prefix[b] - prefix[a] if b > a else 0.0

    def close(s: int) -> float:  # closing a row whose next free column is s (0: none open)
        if s == 0:
            return 0.0
        return _HEADING if s <= name else skip(s, m)

    starts = [i == 0 or tokens[i].group != tokens[i - 1].group for i in range(len(tokens))]
    loose = _loose(tokens, m) if strict else [False] * len(tokens)
    glue = [
        i > 0
        and (
            (t.spaced and _words(looks[i]) and _words(looks[i - 1]))
            # a wrapped line's rest, though it reads as a category (…供水工程 / 数量)
            or (
                t.rest
                and (_words(looks[i]) or looks[i].label is not None)
                and not tokens[i - 1].empty
                and not looks[i - 1].placeholder  # (/ or — is a cell whole: nothing goes on)
            )
        )
        for i, t in enumerate(tokens)
    ]
    # a line of one piece of text after a piece of text left unfinished: the rest of a cell
    going_on = [
        i > 0
        and _words(looks[i])
        and _words(looks[i - 1])
        and not tokens[i - 1].text.endswith(_SENTENCE_END)
        for i in range(len(tokens))
    ]
    # a line well short of the one it went on with: the cell's last (a cell's lines are as
    # wide as its column, give or take a mark's width; its last is shorter), after which no
    # line goes on with it (…下年度将提前核实水 / 库名录 / 雨水情测报及安全监测设施: a name)
    ended = [
        i > 1
        and going_on[i - 1]
        and tokens[i - 1].line == tokens[i - 2].line + 1  # (lines as printed, none joined)
        and len(tokens[i - 1].text) + _LINE_SHORT <= len(tokens[i - 2].text)
        for i in range(len(tokens))
    ]
    wrapped = [
        strict and starts[i] and (i + 1 == len(tokens) or starts[i + 1]) and going_on[i]
        for i in range(len(tokens))
    ]
    # In a stream of cells a line each, a name taller than its row's other cells: its first
    # line before the row's figures, its rest (a measure word: 合格率) after them
    late = [
        not grouped
        and i > 0
        and not _opens_its_line(tokens, i)
        and (
            (
                (_figure(looks[i - 1]) or looks[i - 1].placeholder)  # (an explanation of —)
                and (
                    _late_rest(tokens[i].text, looks[i])
                    or _finishes_name(_name_line(tokens, looks, i), tokens[i].text, looks[i])
                )
            )
            # (or after the row's explanation, its sentence ended: …提高规范 / 管理率。 / 管理率)
            or (tokens[i - 1].text.endswith(_SENTENCE_END) and _late_rest(tokens[i].text, looks[i]))
        )
        for i in range(len(tokens))
    ]
    # In a stream whose lines tell no rows, on a form with a text column beside the names
    # (Hebei's 指标分值, a definition), a name's or a definition's cell over lines: a line no
    # longer than the one before it (a cell's lines are as wide as its column, its last no
    # wider), so 出版物补充更 / 新册数 / 年度为农家书屋 / 补充更新出版物 / 册数 is two cells.
    text_cells = not grouped and Slot.TEXT in slots
    cell_goes_on = [
        text_cells
        and going_on[i]
        and len(tokens[i].text) <= len(tokens[i - 1].text)
        # (not a state said of the row: 进一步提升 / 明显提升, a target and an actual in words)
        and STATE_SAID.match(tokens[i].text) is None
        for i in range(len(tokens))
    ]
    # a name's last word or two on a line of its own, right before its row's first figure
    # (雨水情测报及安全监测设施 / 维护 / ≥42套): the name's rest, not a target of words
    early = [
        not grouped
        and 0 < i < len(tokens) - 1
        and _words(looks[i])
        and looks[i].label is None
        and not looks[i].placeholder
        and len(tokens[i].text) <= _EARLY_REST
        and _words(looks[i - 1])
        and looks[i - 1].label is None
        and len(tokens[i].text) < len(tokens[i - 1].text) <= _NAME_FIRST_LINE
        # (a name's line: no clause in it, as an explanation's line before a short name has)
        and not any(mark in tokens[i - 1].text for mark in _CLAUSE_MARKS + _SENTENCE_END)
        and (looks[i + 1].op_value or looks[i + 1].operator)
        for i in range(len(tokens))
    ]
    inf = cl.INF
    # cost[s]: best cost with the open row's next free column s (0: no row open)
    cost = [0.0] + [inf] * m
    back: list[list[tuple[int, int, bool]]] = []  # per token, per state: (prev state, col, new)
    for i, t in enumerate(tokens):
        new_cost = [inf] * (m + 1)
        came: list[tuple[int, int, bool]] = [(-1, -1, False)] * (m + 1)
        start = starts[i]
        one = strict and not loose[i]  # this token's group is one row
        cut = 0.0 if not grouped or start else (inf if one else _CUT_INSIDE)
        run_on = (
            0.0
            if not grouped or not start
            else (inf if strict and not (loose[i] and loose[i - 1]) else _RUN_ON)
        )
        drop = _DROP_EMPTY if t.empty else _DROP
        for s in range(m + 1):
            c = cost[s]
            if c >= inf:
                continue
            if c + drop < new_cost[s]:  # placed nowhere
                new_cost[s], came[s] = c + drop, (s, -1, False)
            if s > 0 and glue[i] and slots[s - 1] in _GLUED:  # a cell cut at a space
                v = c + (_rest_into(slots[s - 1], tokens[i - 1], text_cells) if t.rest else _GLUE)
                if v < new_cost[s]:
                    new_cost[s], came[s] = v, (s, s - 1, False)
            if s > 0 and (
                (wrapped[i] and slots[s - 1] is Slot.EXPLANATION)
                or (cell_goes_on[i] and slots[s - 1] in _OVER_LINES)
            ):
                # the cell above goes on: the row stays open; a name as wide as the line
                # after it is as likely whole (汛前维修完成率 / 汛期前完成维修 / …, a definition)
                v = c + _WRAPPED + (_NAME_GOES_ON if slots[s - 1] is Slot.NAME else 0.0)
                if v < new_cost[s]:
                    new_cost[s], came[s] = v, (s, s - 1, False)
            elif s > 0 and early[i] and slots[s - 1] is Slot.NAME:
                # the name's rest, at a gain: its first line then opens the row rather than
                # ending the row above's explanation (…15 | 15 / 新增高效节水灌 / 溉面积 / ≥3000)
                v = c + _EARLY
                if v < new_cost[s]:
                    new_cost[s], came[s] = v, (s, s - 1, False)
            elif (
                0 < s == m
                and not grouped
                and going_on[i]
                and not ended[i]
                and slots[s - 1] is Slot.EXPLANATION
                and not looks[i - 1].placeholder  # (an explanation of / or 无 goes on with none)
            ):
                # a stream of cells a line each, no line telling a row: a line going on with
                # the sentence the explanation's line left open, the row's last cell, may be its
                # rest; dearer than a wrap a line shows, so that a row's cells of words after a
                # short explanation (工程设施运行状况 | 良好 | 良好) still open their own row
                v = c + _LINE_GOES_ON
                if v < new_cost[s]:
                    new_cost[s], came[s] = v, (s, s - 1, False)
            if late[i] and name + 1 < s:  # the open row's name goes on after its figures
                v = c + _LATE_REST
                if v < new_cost[s]:
                    new_cost[s], came[s] = v, (s, name, False)
            if s > 0:  # on in the open row
                for j in range(s, m):
                    v = c + run_on + skip(s, j) + fits[i][j]
                    if v < new_cost[j + 1]:
                        new_cost[j + 1], came[j + 1] = v, (s, j, False)
            opened = c + close(s) + _ROW + cut
            for j in range(m):  # a new row
                v = opened + skip(0, j) + fits[i][j]
                if v < new_cost[j + 1]:
                    new_cost[j + 1], came[j + 1] = v, (s, j, True)
        cost = new_cost
        back.append(came)

    def final(s: int) -> float:
        return cost[s] + (close(s) if not cut_off or s <= name else 0)

    best = min(range(m + 1), key=final)
    rows, covered = _rows(tokens, back, best, header)
    _mark_ties(rows, covered, tokens, header, fits, miss)
    return rows, final(best)


def _label_before_name(
    tokens: list[Token], looks: list[cl.Look]
) -> tuple[list[Token], list[cl.Look]]:
    """The stream with a tall row's category label put before its name: a viewer's copy prints
    the name's first line (项目区耕地质量) where its row's middle line begins, then the label
    beside it, then the name's rest (等级平均提升等次) and the figures. Taken so only where the
    first line cannot be the row above's (its explanation ended on a line well short of its
    others), the label is followed by words and these by a figure; the rest is marked as a
    wrapped line's, to go on with the name."""
    out, outlooks = list(tokens), list(looks)
    for k in range(2, len(out) - 3):
        first, label, rest = out[k], outlooks[k + 1], outlooks[k + 2]
        above, before = out[k - 1], out[k - 2]
        if not (
            label.label is not None
            and _words(outlooks[k])
            and outlooks[k].label is None
            and _words(rest)
            and rest.label is None
            and (outlooks[k + 3].op_value or outlooks[k + 3].percent or outlooks[k + 3].operator)
            and len(first.text) <= _NAME_FIRST_LINE
            and not any(mark in first.text for mark in _CLAUSE_MARKS + _SENTENCE_END)
            # the row above's explanation, ended: its last line well short of the wrapped one
            # before, with no full stop (after one, a name's rest may follow: …管理率。 / 管理率)
            and _words(outlooks[k - 1])
            and _words(outlooks[k - 2])
            and above.line == before.line + 1
            and len(before.text) >= _WRAPPED_LINE
            and len(above.text) + _LINE_SHORT <= len(before.text)
            and not above.text.endswith(_SENTENCE_END)
        ):
            continue
        out[k], out[k + 1] = out[k + 1], first
        outlooks[k], outlooks[k + 1] = outlooks[k + 1], outlooks[k]
        out[k + 2] = replace(out[k + 2], rest=True)
    return out, outlooks


def _opens_its_line(tokens: list[Token], i: int) -> bool:
    """``tokens[i]`` opens a line the next cells go on along (覆盖行政村数量 | 放映覆盖的行政村个数 |
    = | 180 …, a fixed-width text read as a stream): its row's first cell, no name's rest."""
    return (
        tokens[i - 1].line != tokens[i].line
        and i + 1 < len(tokens)
        and tokens[i + 1].line == tokens[i].line
    )


def _late_rest(text: str, look: cl.Look) -> bool:
    """Words that may end a name cut by its row's figures: short, ending in a measure word
    (合格率, 满意度, 人数), or the name's bracketed note ((含脱贫户及防返贫监测户)); no label of
    the form's."""
    return (
        bool(look.word or look.text)
        and look.label is None
        and (name_rest_word(text) or _NAME_NOTE.match(text) is not None)
    )


def _name_line(tokens: list[Token], looks: list[cl.Look], i: int) -> str:
    """The words before the figures that end right before token ``i``: the open row's name
    as far as its first line ("" where no words come before them)."""
    k = i - 1
    while k >= 0 and looks[k].label is None and (looks[k].placeholder or not _words(looks[k])):
        k -= 1  # (≥89元, 89元, 5, 5, —: the row's values and an explanation left empty)
    return tokens[k].text if 0 <= k < i - 1 and _words(looks[k]) else ""


def _finishes_name(line: str, text: str, look: cl.Look) -> bool:
    """``text``, after a row's figures, is the rest of the name whose first line is ``line``:
    a few words, no clause, that end the name as names end (人均基本公共卫 / 生服务经费补助
    标准, 居民健康素养水 / 平), not an explanation's (无, 已完成, 受疫情影响)."""
    return (
        len(line) >= _NAME_LINE
        and _words(look)
        and not look.placeholder
        and len(text) <= max(NAME_REST_CHARS, len(line) + 2)  # (no longer than its line)
        and not text.startswith(SAYS_STATE)
        and not any(mark in text for mark in _CLAUSE_MARKS + _SENTENCE_END)
        and (
            name_rest_word((line + text)[-NAME_REST_CHARS:])
            # or a change the name measures (…亩均粮食 / 产能提高), not a state said of it
            or (_CHANGE_END.search(text) is not None and not text.startswith(_STATE_WORDS))
        )
    )


_NAME_LINE = 4  # characters of a name's first line, at least, for a rest of any words
_CHANGE_END = lazy_compile(
    r"^[\u4e00-\u9fff]{0,6}(?:提高|提升|增加|增长|增产|增收|下降|减少|改善|缩小)$"
)
_STATE_WORDS = ("有所", "明显", "逐步", "持续", "稳步", "不断", "大幅", "显著")


# A note in brackets whole, words in it and no figure (no explanation is one).
_NAME_NOTE = lazy_compile(r"^[(（][\u4e00-\u9fff、，,及和与含]{2,20}[)）]$")


def _figure(look: cl.Look) -> bool:
    """A figure, or one with its unit (45处: an actual, the last cell of a row with no points)."""
    return look.number or look.integer or look.ocr_integer or look.percent or look.num_unit


_LATE_REST = (
    -0.01
)  # below an explanation's fit of words (0.1), its row's explanation then left empty (0.1)


def _rest_into(slot: Slot, before: Token, text_cells: bool) -> float:
    """What joining a wrapped line's rest to the cell of ``slot`` costs: a value's cell rarely
    goes on, unless it is a sentence (持续巩固,接种率保持 / 在90%以上: an actual of words); on a
    form with a text column after the names (Hebei's 指标分值), a name that ends as whole names
    end (…符合推荐目录比例) more likely stops, the line its definition's."""
    if slot is Slot.ACTUAL and any(mark in before.text for mark in _CLAUSE_MARKS):
        return _WRAPPED
    if slot is Slot.NAME and text_cells and ends_as_name(before.text):
        return _WRAPPED
    return _REST_INTO.get(slot, _REST_INTO_VALUE)


_CLAUSE_MARKS = (",", "，", "；", ";")


def _loose(tokens: list[Token], columns: int) -> list[bool]:
    """Per token: its group shows more cells than there are ``columns`` (several rows run
    together on one line, as a web page may print a section): a group not held to one row."""
    shown: dict[int, int] = {}
    for t in tokens:
        if not t.empty:
            shown[t.group] = shown.get(t.group, 0) + 1
    return [shown.get(t.group, 0) > columns for t in tokens]


_VALUE_SLOTS = frozenset({Slot.ACTUAL, Slot.WEIGHT, Slot.SCORE})
_TIE = 1e-9


def _mark_ties(
    rows: list[list[Placed]],
    covered: list[set[int]],
    tokens: list[Token],
    header: Header,
    fits: list[list[float]],
    miss: list[float],
) -> None:
    """Mark the figures of each row whose value columns (完成值, 分值, 得分) were not all given
    a cell (an empty one counts: a layout that keeps empty cells shows which was empty), when
    another choice of those columns fits the row's figures at the same cost: a layout that
    drops empty cells leaves no way to tell which of them was the empty one."""
    slots = header.slots()
    value_slots = [j for j, s in enumerate(slots) if s in _VALUE_SLOTS]
    slot_of = {c.number: j for j, c in enumerate(header.columns)}
    index = {id(t): i for i, t in enumerate(tokens)}
    for row, given in zip(rows, covered, strict=True):
        if given.issuperset(value_slots):
            continue
        placed = [(p, slot_of.get(p.column)) for p in row]
        values = [(p, j) for p, j in placed if j in value_slots and id(p.token) in index]
        if not values:
            continue
        figures = [index[id(p.token)] for p, _ in values]

        def cost(chosen: tuple[int, ...], figures: list[int] = figures) -> float:
            fit = sum(fits[i][j] for i, j in zip(figures, chosen, strict=True))
            return fit + sum(miss[j] for j in value_slots if j not in chosen)

        costs = [cost(c) for c in combinations(value_slots, len(figures))]
        if sum(1 for c in costs if c <= min(costs) + _TIE) > 1:
            for p, _ in values:
                p.guessed = True


def _words(c: cl.Look) -> bool:
    """Text that a space may have cut from a cell (not a figure, an operator or a label)."""
    if c.empty or not c.text or c.label is not None or c.weighted:
        return False
    return not (c.percent or c.op_value or c.operator or c.num_unit)


def _rows(
    tokens: list[Token], back: list[list[tuple[int, int, bool]]], state: int, header: Header
) -> tuple[list[list[Placed]], list[set[int]]]:
    """The rows, and for each the header columns (indices) given a cell, an empty one too."""
    placed: list[tuple[int, bool]] = []  # per token: column index (-1: nowhere), new row
    for i in range(len(tokens) - 1, -1, -1):
        prev, col, new = back[i][state]
        placed.append((col, new))
        state = prev
    placed.reverse()
    rows: list[list[Placed]] = []
    covered: list[set[int]] = []
    current: list[Placed] | None = None
    for t, (col, new) in zip(tokens, placed, strict=True):
        if col < 0:
            if not t.empty:
                rows.append([Placed(t, 1)])  # fits nowhere: the parser reports it
                covered.append(set())
            continue
        if new or current is None:
            current = []
            rows.append(current)
            covered.append(set())
        covered[-1].add(col)
        if t.empty:
            continue
        number = header.columns[col].number
        # glued to the cell before, or a name's rest after the row's figures: to its name
        at = next((k for k in range(len(current) - 1, -1, -1) if current[k].column == number), -1)
        if at >= 0 and (at == len(current) - 1 or header.slots()[col] is Slot.NAME):
            current[at] = Placed(merge(current[at].token, t), number)
        else:
            current.append(Placed(t, number))
    kept = [(r, c) for r, c in zip(rows, covered, strict=True) if r]
    return [r for r, _ in kept], [c for _, c in kept]
