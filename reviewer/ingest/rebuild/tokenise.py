"""Each published layout → one stream of cell tokens, with what the layout says about rows.

A token is a cell as the layout delimits it, with its line for evidence. Layouts differ in
what survives of the table's rows and empty cells, and the stream records it:

* ``empty`` tokens: empty cells the layout shows (a bare ``|`` line, a paragraph holding only
  a space); layouts that collapse empty cells have none.
* ``group``: the unit of text that may be a row (a line of pipes, a run of paragraphs between
  wide gaps, a line of words). ``Stream.grouped`` says whether groups mean anything;
  ``Stream.lines_are_rows`` that every group is exactly one row.
* ``spaced``: the token was cut from its neighbour at a single space, so it may be a piece of
  one cell (``项目资金 (万元)``, ``年度 总体 目标``); pieces that only make sense together are
  joined here, narrative is joined where the goal block is read.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import cache

from reviewer.forms.families import FAMILIES
from reviewer.forms.vocabulary import key
from reviewer.ingest.reading import Script, read_text, script_of
from reviewer.ingest.rebuild.anchors import (
    Kind,
    category_goes_on,
    category_opens,
    column_completed,
    is_fund_row_whole,
    is_title,
    kinds,
    name_rest_word,
    section_completed,
)
from reviewer.lazyre import lazy_compile
from reviewer.parse import labels as lb
from reviewer.textnorm import CELL_BAR, clean_cell, pipe_cell, unclosed_bracket
from reviewer.units import is_counter, is_measure

_PIPE = CELL_BAR
_BORDER = lazy_compile(r"^[\s|｜+:=\-—─━│┃┼├┤┌┐└┘]*$")
_RULE = lazy_compile(r"[-—─━=]{3}")
_WORD_SPLIT = lazy_compile(r"[ \u3000\xa0\t]+")
# Gaps of this many blank lines between paragraphs end a row, where a document has them.
_ROW_GAP = 3
_MIN_ROW_GAPS = 3
_ROW_GAP_SHARE = 0.1  # of the paragraphs: then gaps follow rows, not the odd empty cell


@dataclass(slots=True)
class Token:
    text: str  # as the parser reads it: wrap spaces removed, simplified characters
    raw: str  # as extracted, spaces kept (narrative keeps the author's spaces)
    line: int
    printed: str | None = None  # as printed, where reading changed it
    empty: bool = False
    group: int = 0
    spaced: bool = False
    # the line may be the rest of the cell on the line above, wrapped at the column's width
    rest: bool = False


@dataclass(slots=True)
class Stream:
    tokens: list[Token] = field(default_factory=list)
    grouped: bool = False  # groups hint at rows
    lines_are_rows: bool = False  # each group is one row
    explicit_empties: bool = False  # the layout shows empty cells


def _is_border(line: str) -> bool:
    return bool(_BORDER.match(line)) and bool(_RULE.search(line))


_CELL_END = ("。", "！", "？")  # a line ending a sentence without its bar: a cell of its own


def bar_tokens(lines: Iterable[str]) -> Stream:
    """One cell per line, each ending `` |``; a bare ``|`` is an empty cell, ``||||`` four.
    A cell of several lines (a goal's list, 1. …； / 2. … |) ends its last with the bar: the
    lines without one after a cell's, each going on with a sentence, are the next cell's first
    lines, unless that cell is a label or a title (a section's heading before a table's title
    is a line of its own, as is a title's and one ending its sentence)."""
    out = Stream(explicit_empties=True)
    held: list[tuple[int, str]] = []  # lines without a bar after a cell's: the next cell's
    barred = False  # the line before ended a cell
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            out.tokens.extend(_line_tokens(held))
            held, barred = [], False
            continue
        content = text.rstrip("|｜").rstrip()
        bars = len(text) - len(text.rstrip("|｜"))
        if (
            not bars
            and (barred or held)
            and not is_title(content)
            and not content.endswith(_CELL_END)
        ):
            held.append((number, content))  # a cell's line, its sentence going on
            continue
        first = held[0][0] if held else number
        if held and content and bars and not kinds(content):
            content = "\n".join([*(t for _, t in held), content])
            held = []
        elif held:
            out.tokens.extend(_line_tokens(held))
            held, first = [], number
        if content:
            out.tokens.append(Token(clean_cell(content), content, first, group=first))
            bars -= 1
        for _ in range(max(bars, 0)):
            out.tokens.append(Token("", "", number, empty=True, group=number))
        barred = text.endswith(("|", "｜"))
    out.tokens.extend(_line_tokens(held))
    return out


def _line_tokens(lines: list[tuple[int, str]]) -> list[Token]:
    """A token a line (its number, its text), each a group of its own."""
    return [Token(clean_cell(t), t, n, group=n) for n, t in lines]


def paragraph_tokens(lines: Iterable[str]) -> Stream:
    """One cell per paragraph, blank lines between (a paragraph's lines are one cell); a
    paragraph of spaces is an empty cell. Where the document leaves wide gaps (several blank
    lines) after its rows, those gaps delimit groups."""
    out = Stream(explicit_empties=True)
    gaps: list[int] = []
    blanks = 0
    para: list[str] = []
    first = 0
    for number, line in enumerate([*lines, ""], start=1):
        line = line.rstrip("\r\n")
        if line != "":
            if not para:
                gaps.append(blanks)
                first = number
            para.append(line)
            blanks = 0
            continue
        blanks += 1
        if para:
            raw = "\n".join(p.strip() for p in para)
            text = clean_cell(" ".join(para))
            out.tokens.append(Token(text, raw, first, empty=not text))
            para = []
            blanks = 1
    wide = sum(g >= _ROW_GAP for g in gaps)
    out.grouped = wide >= max(_MIN_ROW_GAPS, _ROW_GAP_SHARE * len(gaps))
    group = 0
    for token, gap in zip(out.tokens, gaps, strict=True):
        if not out.grouped or gap >= _ROW_GAP:
            group += 1
        token.group = group
    return out


def pipe_tokens(lines: Iterable[str]) -> Stream:
    """Pipe rows as web pages print them: empty cells collapsed (dropped here), a row's
    cells often wrapped over several lines. Each line is a group. A table line that ends
    inside a cell (no closing pipe) continues that cell on the next line, up to its first
    pipe; a line of the table without any pipe is a cell's first part, continued by the next
    line's text up to its first pipe (一级 / 指标 |), if that line has one. Where no line ends
    with a pipe, the rows were printed without their outer ones: no cell goes on past its
    line."""
    out = Stream(grouped=True)
    open_cell = False  # the previous table line ended inside a cell
    part = False  # the previous line, in a table, held no pipe: a cell's first part
    in_table = False  # the previous line was a table line
    lines = list(lines)
    # rows printed without their outer pipes (项目名称 | 某项目): a line's end is a row's end
    edged = any(s.rstrip().endswith(("|", "｜")) for s in lines)
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        if not line.strip() or _is_border(line):
            open_cell = part = False
            in_table = bool(line.strip())
            continue
        body = line.strip()
        has_pipe = bool(_PIPE.search(body))
        if not has_pipe and not edged and in_table and out.tokens:
            t = out.tokens[-1]
            if t.line == number - 1 and column_completed(t.text, pipe_cell(body)):
                # the header's last label wrapped onto a line of its own (偏差原因分析及改进 /
                # 措施), in rows printed without their outer pipes: that label's rest
                out.tokens[-1] = merge(t, Token(pipe_cell(body), body, t.line, group=t.group))
                continue
        pieces = _PIPE.split(line)
        goes_on = open_cell or (part and has_pipe)
        if goes_on and out.tokens and body[:1] not in "|｜":
            rest = pieces.pop(0).strip()
            if rest:
                t = out.tokens[-1]
                out.tokens[-1] = merge(t, Token(pipe_cell(rest), rest, t.line, group=t.group))
        start = len(out.tokens)
        for raw in pieces:
            text = pipe_cell(raw)
            if text:
                out.tokens.append(Token(text, raw.strip(), number, group=number))
        if start and _notes_under(out.tokens, start):
            del out.tokens[start:]
        if has_pipe:
            open_cell, part = edged and body[-1:] not in "|｜", False
        else:  # 析及改进 inside an open cell leaves it open; 一级 in a table starts a cell
            open_cell, part = open_cell, in_table and not open_cell
        in_table = in_table or has_pipe
    return out


_NOTE = lazy_compile(r"^[(（][^()（）]{1,16}[)）]$")
_LETTER_NOTE = lazy_compile(r"^[(（]\s*[A-Za-z]\s*(?:[/÷]\s*[A-Za-z]\s*)?[)）]$")
_VALUE_LABEL = lazy_compile(r"(?:数|值|率)$")


def _notes_under(tokens: list[Token], start: int) -> bool:
    """A header wrapped over two lines, its second line only the notes under its labels
    (``(80分) | (A) | (B)`` under ``年度绩效目标 | … | 年初目标值 | 实际完成值 | 得分``): each
    note is joined to its label on the line above, and True returned (the line is used up).
    With as many notes as labels, note k goes under label k; with fewer (the empty cells
    collapsed), a points note goes to the first label, lettered notes in order to the labels
    of values (…数, …值, …率), and any other to 得分. False, and nothing joined, when the line
    holds anything but notes or a note finds no label."""
    notes = tokens[start:]
    if not all(_NOTE.match(t.text) for t in notes):
        return False
    group = tokens[start - 1].group
    above = [i for i in range(start) if tokens[i].group == group]
    if len(above) < 2 or len(notes) > len(above):
        return False  # a title's (2023年度) under it is a line of its own
    if len(notes) == len(above):
        places = above
    else:
        places = []
        values = [i for i in above[1:] if _VALUE_LABEL.search(tokens[i].text)]
        for k, note in enumerate(notes):
            if k == 0 and _WEIGHT_NOTE.match(note.text):
                places.append(above[0])
            elif _LETTER_NOTE.match(note.text) and values:
                places.append(values.pop(0))
            else:
                score = [i for i in above if tokens[i].text.startswith("得分")]
                if not score or score[0] in places:
                    return False
                places.append(score[0])
        if len(set(places)) != len(places):
            return False
    for i, note in zip(places, notes, strict=True):
        tokens[i] = merge(tokens[i], note)
    return True


def word_tokens(
    lines: Iterable[str], *, lines_are_rows: bool, rests: Collection[int] = ()
) -> Stream:
    """Cells separated by single spaces: each word a token, joined back where pieces make one
    cell. With ``lines_are_rows`` each line is a row; otherwise (a whole table on one or two
    lines) the words carry no row information. ``rests``: the indices of lines that may be
    the rest of a cell wrapped from the line above (``wrapped``)."""
    out = Stream(grouped=lines_are_rows, lines_are_rows=lines_are_rows)
    for number, line in enumerate(lines, start=1):
        words = [w for w in _WORD_SPLIT.split(line.strip()) if w]
        for k, word in enumerate(words):
            group = number if lines_are_rows else len(out.tokens) + 1
            rest = k == 0 and number - 1 in rests
            out.tokens.append(
                Token(clean_cell(word), word, number, group=group, spaced=k > 0, rest=rest)
            )
    return out


# -- reading and joining ---------------------------------------------------------------------

_WEIGHT_NOTE = lazy_compile(r"^[(（]\s*(?=[\dOlS]*\d)[\dOlS]+(?:\.\d+)?\s*分[^()（）]*[)）]$")
_UNIT_NOTE = lazy_compile(r"^[(（]\s*(?:万元|元)\s*[)）]?$")
_UNIT_WORD = lazy_compile(r"^(?:万元|元)$")


def apply_script(stream: Stream, sample: str) -> None:
    """Read every token converted when the document is traditional or carries pinyin."""
    script = script_of(sample)
    if script is None:
        return
    for t in stream.tokens:
        _read(t, script)
    if (script.invisible or script.foreign) and not stream.explicit_empties:  # (nothing left)
        stream.tokens = [t for t in stream.tokens if t.text.strip()]


def _read(t: Token, script: Script) -> None:
    text = read_text(t.text, script)
    if text != t.text:
        t.printed = t.text
        t.text = text
    t.raw = read_text(t.raw, script)


def merge(a: Token, b: Token) -> Token:
    """One token of two pieces (``b`` after ``a``); a wrapped line's rest still one when its
    unit joins it (级非遗名录项目12 / 项)."""
    printed = None
    if a.printed is not None or b.printed is not None:
        printed = (a.printed or a.text) + (b.printed or b.text)
    sep = " " if b.spaced else ""
    return Token(
        clean_cell(a.raw + sep + b.raw),
        a.raw + sep + b.raw,
        a.line,
        printed=printed,
        group=a.group,
        spaced=a.spaced,
        rest=a.rest,
    )


def join_pieces(
    stream: Stream,
    is_label: Callable[[str], bool],
    block_labels: Callable[[str], bool],
    goes_on: Callable[[str, str], bool],
) -> None:
    """Join the tokens that only make sense together: a weight note after its label
    (``(20分)``), a unit note after a block label (``项目资金`` ``(万元)``), a unit after
    ``金额单位:``, and label pieces cut at spaces (``年度 总体 目标``).

    ``is_label(text)`` says whether text is one of the form's labels; ``block_labels(text)``
    whether it is the label of the funds block, which its unit note belongs to;
    ``goes_on(head, tail)`` whether two cells of a row are one header label cut at its line
    break (一级 | 指标 is joined again)."""
    out: list[Token] = []
    toks = stream.tokens
    i = 0
    while i < len(toks):
        t = toks[i]
        prev = out[-1] if out else None
        if prev is not None and not t.empty and not prev.empty:
            if _WEIGHT_NOTE.match(t.text) or (_UNIT_NOTE.match(t.text) and block_labels(prev.text)):
                out[-1] = merge(prev, t)
                i += 1
                continue
            if t.spaced and prev.text.endswith(("单位:", "单位：")) and _UNIT_WORD.match(t.text):
                out[-1] = merge(prev, t)
                i += 1
                continue
            if _label_wrapped(prev, t, goes_on, stream.grouped, is_label) or (
                not stream.grouped
                and (
                    _unit_wrapped(prev, t)
                    or _bracket_wrapped(prev, t)
                    or _value_wrapped(prev, t)
                    or _figure_unit_wrapped(prev, t)
                    or _state_wrapped(prev, t)
                    or _name_end_wrapped(prev, t, out[-2] if len(out) > 1 else None)
                    or _figure_cut(prev, t)
                )
            ):
                out[-1] = merge(prev, t)
                before = out[-2] if len(out) > 1 else None
                if (
                    not stream.grouped
                    and before is not None
                    and before.line == prev.line - 1
                    and not before.empty
                    and (
                        category_opens(before.text, out[-1].text)
                        or _label_opens(before.text, out[-1].text, is_label)
                    )
                ):  # 服务对象满 / 意度指标( / 10分), 服务对象 / 满意度指 / 标, 偏差大或目标 / 未完成原
                    # 因分 / 析: the label's first line too, once closed
                    out[-2:] = [merge(before, out[-1])]
                i += 1
                continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (
            nxt is not None
            and _LIST_MARK.match(t.text)
            and not t.spaced
            and nxt.spaced
            and nxt.line == t.line
            and not nxt.empty
            and not is_label(nxt.text)
        ):
            out.append(merge(t, nxt))  # 1. 为辖区…: an item of a list, its number and its text
            i += 2
            continue
        if not stream.grouped and (end := _stacked_chars(toks, i, is_label)) is not None:
            run = t
            for piece in toks[i + 1 : end]:
                run = merge(run, piece)
            out.append(run)  # 产 / 出 / 指 / 标: a label printed a character a line
            i = end
            continue
        if not stream.grouped and _stacked_label(toks, i, is_label):
            out.append(merge(merge(t, toks[i + 1]), toks[i + 2]))  # 年度 / 总体 / 目标
            i += 3
            continue
        if unclosed_bracket(t.text) and i + 1 < len(toks) and toks[i + 1].spaced:
            closed = _bracket_run(toks, i)
            if closed is not None:
                merged, i = closed
                out.append(merged)
                continue
        if t.spaced or (i + 1 < len(toks) and toks[i + 1].spaced):
            joined = _label_run(toks, i, is_label)
            if joined is not None:
                merged, i = joined
                out.append(merged)
                continue
        out.append(t)
        i += 1
    stream.tokens = out


_NOTE_AFTER = lazy_compile(r"[(（](?:%|％)[)）]$")  # a label's unit note: 占比(%)
_LIST_MARK = lazy_compile(r"^(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）]|[①-⑳])$")  # opening a line
_MAX_PIECES = 4
_MAX_PIECE = 4
_HAS_DIGIT = lazy_compile(r"\d")


def _label_run(
    toks: list[Token], i: int, is_label: Callable[[str], bool]
) -> tuple[Token, int] | None:
    """The longest run of short spaced word pieces from ``i`` that together read as a label
    (``年度`` ``总体`` ``目标``; ``社会效益`` ``指标``, whose first piece reads as one too;
    ``年度`` ``指标值``, whose second does)."""
    if len(toks[i].text) > _MAX_PIECE + 2 or _HAS_DIGIT.search(toks[i].text):
        return None
    best = None
    merged = toks[i]
    for j in range(i + 1, min(i + _MAX_PIECES, len(toks))):
        t = toks[j]
        if not t.spaced or t.empty or len(t.text) > _MAX_PIECE + 2 or _HAS_DIGIT.search(t.text):
            break
        if is_label(t.text) and (
            j > i + 1 or is_label(merged.text) or Kind.COLUMN not in kinds(merged.text + t.text)
        ):
            break  # two labels side by side are two cells; not 年度 指标值, no label first
        if (
            j == i + 1
            and Kind.COLUMN in kinds(merged.text)
            and Kind.COLUMN not in kinds(merged.text + t.text)
        ):
            break  # a column's label and the next one's word (二级指标 指标): two cells
        merged = merge(merged, t)
        if is_label(merged.text):
            best = (merged, j + 1)
    return best


_CHARS_STACKED = 7  # characters, at most, of a label printed one a line (服务对象满意度指标 is 9)


def _stacked_chars(toks: list[Token], i: int, is_label: Callable[[str], bool]) -> int | None:
    """Where a label printed one character a line in its narrow cell ends (产 / 出 / 指 / 标,
    满 / 意 / 度 / 指 / 标): the longest run from ``i`` of single characters on lines one after
    another that together read as a label; None where there is none."""
    end = None
    j = i
    while (
        j < len(toks)
        and j - i < _CHARS_STACKED + 2
        and not toks[j].empty
        and len(toks[j].text) == 1
        and _CJK_CHAR.match(toks[j].text) is not None
        and (j == i or toks[j].line == toks[j - 1].line + 1)
    ):
        j += 1
        if j - i >= 2 and is_label("".join(t.text for t in toks[i:j])):
            end = j
    return end


_CJK_CHAR = lazy_compile(r"[\u4e00-\u9fff]")


def _stacked_label(toks: list[Token], i: int, is_label: Callable[[str], bool]) -> bool:
    """Three short pieces a line each that are one of the form's labels stacked in its narrow
    cell: a block's, of pieces no label apiece (年度 / 总体 / 目标, 项目 / 资金 / （万元）), or a
    column's or a field's whose last two pieces are none (偏差原因 / 分析及改进 / 措施)."""
    three = toks[i : i + 3]
    if len(three) < 3 or any(t.empty or len(t.text) > _STACKED_COLUMN for t in three):
        return False
    if not (three[0].line + 1 == three[1].line == three[2].line - 1):
        return False
    if any(is_label(t.text) or kinds(t.text) for t in three[1:]):
        return False
    whole = kinds("".join(t.text for t in three))
    first = three[0].text
    if len(first) <= _STACKED_PIECE and not (is_label(first) or kinds(first)):
        return bool(whole & _BLOCK_KINDS)
    rest = three[1].text + three[2].text  # (预期指标值 / 单项指标实 / 际完成值: two labels)
    return (
        bool(whole & _COLUMN_KINDS)
        and Kind.COLUMN in kinds(first)
        and not (is_label(rest) or kinds(rest))
        # the label whole as a form prints it, not a label and a cell's value (未完成原因分 / 析 / 无)
        and key("".join(t.text for t in three)) in _column_labels()
    )


@cache
def _column_labels() -> frozenset[str]:
    """The indicator and funds columns', the funds rows' and the fields' labels as the forms
    print them, whole."""
    return frozenset(
        key(label.rstrip("*"))
        for family in FAMILIES
        for label, _ in (
            *family.indicator_columns,
            *family.text_fields,
            *family.fund_columns,
            *family.fund_rows,
        )
    )


_STACKED_PIECE = 3
_STACKED_COLUMN = 6
_BLOCK_KINDS = frozenset({Kind.GOAL, Kind.SECTION, Kind.FUND_BLOCK})
_COLUMN_KINDS = frozenset({Kind.COLUMN, Kind.FIELD})


_FUND_ROW = frozenset({Kind.FUND_ROW})
_VALUE_TAIL = lazy_compile(r"^值(?:[(（][A-Z][)）])?$")  # 值, 值(B): a value column's last word


def _label_wrapped(
    prev: Token,
    t: Token,
    goes_on: Callable[[str, str], bool],
    grouped: bool,
    is_label: Callable[[str], bool],
) -> bool:
    """Two cells of one row (not pieces cut at spaces) that are one header label cut at its
    line break; in a stream of cells a line each (a PDF's text runs, no row told), two lines
    that are one label wrapped in its narrow column (年度 / 指标值, 实际 / 完成值, 服务对象满意 /
    度指标, 按收入性 / 质分)."""
    if t.spaced or len(prev.text) + len(t.text) > _MAX_LABEL:
        return False
    head, tail = prev.text, t.text
    if prev.group == t.group:
        return goes_on(head, tail)
    if grouped or t.line != prev.line + 1:
        return False
    return (
        goes_on(head, tail)
        or category_goes_on(head, tail)
        # (服务对象 / 满意度指标: a category's first words, though a bare category alone, before
        # a category's label whole, 指标 and all, that they lengthen into another's)
        or (tail.endswith("指标") and category_opens(head, tail))
        or (is_label(head + tail) and not is_label(head) and not is_label(tail))
        # 偏差原因分析及改进措 / 施, …及改进 / 措施: a column's label whose last word wrapped
        or (_LABEL_END.match(tail) is not None and column_completed(head, tail))
        # 部门（单位） / 名称: a key's label whose last word wrapped, the same key whole; so a
        # funds row's label (其中：一般公共预算 / 资金)
        or (
            len(tail) <= 2
            and not kinds(tail)
            and kinds(head + tail) == kinds(head)
            and (
                kinds(head) == _KEY
                # (a word, not a row's figure: 上年结转资金 / 60 is a label and its amount)
                or (kinds(head) == _FUND_ROW and is_fund_row_whole(head + tail))
            )
        )
        # 年度绩效指标 / 完成情况: the indicator block's own label wrapped, the same label whole
        or section_completed(head, tail)
        # 实际完成 / 值, 实际完成 / 值(B): 值 a column's label only under 预期指标值, after 符号
        or (
            _VALUE_TAIL.match(tail) is not None
            and head != "符号"
            and Kind.COLUMN in kinds(head + tail)
        )
        # 年初预算 / 数: a label's last character wrapped, the whole a label of the head's kind
        # (or its last word and its note: 权重 / 占比(%), a column's label as Hebei prints it)
        or (
            (len(tail) == 1 or _NOTE_AFTER.sub("", tail) != tail)
            and not kinds(tail)
            and bool(kinds(head + tail) & kinds(head))
            # whole as the forms print it (not 符号 / 值)
            and key(_NOTE_AFTER.sub("", head + tail)) in _column_labels()
        )
        # 调整后 / 预算数: words of no label of their own before a label they lengthen into
        # another of its kind (预算数 a label too, so not caught above); longer words where the
        # whole is a label as the forms print it (年度财政资金 / 总额)
        or (
            (len(head) <= _OPENING_WORDS or key(head + tail) in _column_labels())
            and _LABEL_HEAD.match(head) is not None
            and not kinds(head)
            and is_label(head + tail)
            and bool(whole := kinds(head + tail))
            and whole <= kinds(tail)
        )
    )


def _label_opens(head: str, tail: str, is_label: Callable[[str], bool]) -> bool:
    """``head``, words of no label, opens the label ``tail`` ends (偏差大或目标 / 未完成原因分析,
    a field's label over three lines): together one of the form's block, field or column
    labels (not any words before a …指标, 持续改善 / 社会效益指标: a row's last cell)."""
    return (
        len(head) + len(tail) <= _MAX_LABEL
        and _LABEL_HEAD.match(head) is not None
        and not is_label(head)
        and bool(kinds(head + tail))
    )


_MAX_LABEL = 16
_OPENING_WORDS = 4  # characters of words opening a label (调整后, 全年)
_LABEL_HEAD = lazy_compile(r"^[\u4e00-\u9fff]{2,}$")
_KEY = frozenset({Kind.KEY})
_LABEL_END = lazy_compile(r"^[\u4e00-\u9fff]{1,6}$")


def _unit_wrapped(prev: Token, t: Token) -> bool:
    """A unit per something wrapped in its narrow column, a line each (元/ / 亩): one cell."""
    return (
        not t.spaced
        and t.line == prev.line + 1
        and _UNIT_HEAD.match(prev.text) is not None
        and _UNIT_TAIL.match(t.text) is not None
    )


def _bracket_wrapped(prev: Token, t: Token) -> bool:
    """A short cell whose bracket its narrow column wrapped onto the next line (执行率(B/ / A),
    产出指标( / 50分), 得分(20分 / *执行率)): one cell, the bracket closed on that line."""
    return (
        not t.spaced
        and t.line == prev.line + 1
        and len(prev.text) <= _BRACKET_PIECE
        and len(t.text) <= _BRACKET_PIECE
        and unclosed_bracket(prev.text)
        and not unclosed_bracket(prev.text + t.text)
    )


_BRACKET_PIECE = 12


def _figure_unit_wrapped(prev: Token, t: Token) -> bool:
    """A sentence's last figure with its unit on the next line (…完成区级非遗名录项目12 / 项):
    one cell. Not a bare figure (a 度量单位 column's cell follows its value's)."""
    return (
        not t.spaced
        and t.line == prev.line + 1
        and _ENDS_IN_FIGURE.search(prev.text) is not None
        and len(t.text) <= _PER_CHARS
        and is_counter(t.text)
    )


_ENDS_IN_FIGURE = lazy_compile(r"[\u4e00-\u9fff].*\d$")


def _name_end_wrapped(prev: Token, t: Token, before: Token | None) -> bool:
    """A name's last character wrapped onto a line of its own (特种设备定期检验 / 率, 更换老旧管网长
    / 度): no cell is one such character alone; or its last measure word (农村集中供水工程水质 /
    达标率), no label of the form's, after a line of a name's words opening a cell (``before``,
    the token before it, no line of words it goes on from: 享受营养膳食补助的 / 农村义务教育阶段学
    / 生人数 is a definition over three lines)."""
    return (
        t.line == prev.line + 1
        and not t.spaced
        and (
            t.text in _NAME_ENDS
            or (
                len(t.text) <= _MEASURE_REST
                and name_rest_word(t.text)
                and lb.label_kind(t.text) is None
                and not (is_counter(t.text) or is_measure(t.text))  # (…抽检 / 批次: a unit)
                and len(prev.text) >= _NAME_LINE_CHARS
                and not _words_above(before, prev)
            )
        )
        and _NAME_HEAD.fullmatch(prev.text) is not None
        and not kinds(prev.text)  # (实际完成情况 / 度: a label, then a vertical label's piece)
    )


def _figure_cut(prev: Token, t: Token) -> bool:
    """Words whose figure the line's end cut (村集体经济年收入1 / 0万元以上村占比): no cell ends
    in a figure's first digit after words and another opens with the rest of it and words."""
    return (
        t.line == prev.line + 1
        and not t.spaced
        and _WORDS_THEN_DIGIT.search(prev.text) is not None
        and _DIGITS_THEN_WORDS.match(t.text) is not None
    )


_WORDS_THEN_DIGIT = lazy_compile(r"[\u4e00-\u9fff]{4,}\d$")  # …年收入1: one digit, cut
_DIGITS_THEN_WORDS = lazy_compile(r"^\d{1,3}[\u4e00-\u9fff]{3,}")  # 0万元以上村占比


def _words_above(before: Token | None, prev: Token) -> bool:
    """``before`` is a line of words right above ``prev`` that ``prev`` may go on from."""
    return (
        before is not None
        and not before.empty
        and before.line == prev.line - 1
        and _NAME_HEAD.fullmatch(before.text) is not None
        and lb.label_kind(before.text) is None
        and not kinds(before.text)
    )


_NAME_ENDS = frozenset("率数度量额")
_MEASURE_REST = 3  # 达标率, 满意度: a measure word wrapped whole
_NAME_LINE_CHARS = 8  # a name's first line as wide as a narrow column holds
# (a name may quote a programme's name: "四好农村路"长效养护 / 机制)
_NAME_HEAD = lazy_compile(r"[\u4e00-\u9fff（）()“”\"《》]{4,}")


def _state_wrapped(prev: Token, t: Token) -> bool:
    """A qualitative value wrapped in its narrow column, its degree on one line and the state
    on the next (有所 / 改善, 明显 / 提升): one cell."""
    return (
        t.line == prev.line + 1
        and not t.spaced
        and _DEGREE.fullmatch(prev.text) is not None
        and _STATE_WORD.fullmatch(t.text) is not None
    )


_DEGREE = lazy_compile(r"有所|明显|逐步|持续|不断|进一步|稳步|显著|有效|大幅|全面|基本")
_STATE_WORD = lazy_compile(r"(?:改善|提升|提高|增强|增加|下降|减少|降低|好转|完善|健全|落实)[。.]?")


def _value_wrapped(prev: Token, t: Token) -> bool:
    """A value wrapped in its narrow column, its unit's rest on the next line (≥12000 / 平方米,
    11800平 / 方米, ≤680万 / 元, 2020年12 / 月底前): one cell, the unit a measure (or a date's
    month) whole again. Not a bare figure before a unit (12 / 个): a form with a 度量单位
    column prints them as two cells; nor a value and the next cell (1.2万亩 / 完成)."""
    head = _VALUE_HEAD.match(prev.text)
    if head is None or t.spaced:
        return False
    if not (
        _VALUE_REST.match(t.text)
        or _PER_DOT.match(t.text)
        or _DAY_REST.fullmatch(t.text)
        or (head.group("month") and _MONTH_REST.fullmatch(t.text))  # 2024年11 / 月25日
    ):
        return False
    date = head.group("date")
    # a date over three lines (2022年12 / 月底前完 / 工): its last line two after its first
    lines = (1, 2) if date and date.endswith("完") else (1,)
    if t.line - prev.line not in lines:
        return False
    if head.group("month"):  # 2020年12 / 月底前, 2022年1 / 1月
        return _MONTH_REST.fullmatch(t.text) is not None
    if head.group("day"):  # 2023年11月20 / 日
        return _DAY_REST.fullmatch(t.text) is not None
    if date:  # 2020年12月底 / 前, 2020年5月 / 20日
        if date.endswith("月") and t.text[:1].isdigit() and _DAY_REST.fullmatch(t.text):
            return True
        if date.endswith(("日", "月")) and not t.text.startswith(
            ("前", "以前", "之前", "底", "末")
        ):
            # 2024年10月28日 / 完成, 2023年10月 / 完成: a day's or a month's date is whole,
            # 完成 the next cell's (a deadline's rest is 前 or 底前: 2020年12月 / 底前完成)
            return False
        return _BEFORE.fullmatch(t.text) is not None
    unit = head.group("unit")
    if not head.group("sign") and not unit:
        return False  # 20 / 万元: a figure and its 度量单位's cell
    if "/" in unit:  # a rate per something (≤650元/ / 平方米, 612元/平 / 方米, 元/ / 亩)
        per = unit.partition("/")[2] + t.text
        return (
            is_measure(per)
            or (unit.endswith("/") and len(t.text) <= _PER_CHARS)
            or _PER_DOT.fullmatch(per) is not None  # ≥1160元/ / 人·月, 1160元/人 / ·月
        )
    # (a count's unit too, its scale before it: ≥1200万人 / 次)
    whole = unit + t.text
    return _VALUE_REST.match(t.text) is not None and (
        is_measure(whole) or (whole != t.text and unit[:1] in "万亿千" and is_counter(whole))
    )


# A value's head: its sign and figure, or a figure and its unit's first characters, or a date
# cut after its month's figure (≥12000, 11800平, 672.35万, ≥1.6万立方, 2020年12).
_VALUE_HEAD = lazy_compile(
    r"^(?:(?P<sign>[≥≤≧≦><＞＜=＝]\s*)?\d[\d.,]*(?P<unit>[\u4e00-\u9fff]{0,3}(?:/[\u4e00-\u9fff]?)?)"
    r"|(?P<month>\d{4}年\d{1,2})"
    r"|(?P<day>\d{4}年\d{1,2}月\d{1,2})"
    r"|(?P<date>\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:底|末)?(?:前|以前)?完?))$"
)
_PER_CHARS = 2  # 亩, 人: what a rate is per, printed whole on the next line
# What a rate is per over two words, a middle dot between (人·月, 生·天), or its dotted rest (·月).
_PER_DOT = lazy_compile(r"^(?:[\u4e00-\u9fff]{1,2})?[·•][\u4e00-\u9fff]{1,2}$")
# A date's rest cut off: 2020年12月底 / 前, 2022年12月底前完 / 工
_BEFORE = lazy_compile(r"(?:底|末)?(?:前|以前|之前)(?:完成|完工)?|底|末|完成|完工|成|工")
# A month's rest: 月底前, 1月, 月25日, 月底前完 (its 工 on the line after)
_MONTH_REST = lazy_compile(r"\d?月(?:\d{1,2}日)?(?:底|末)?(?:前|以前)?(?:完成|完工|完)?")
_VALUE_REST = lazy_compile(r"^(?:[\u4e00-\u9fff]{1,4}|\d月[\u4e00-\u9fff]{0,3})$")
# A day's rest: 日, 日前, 日前完成 (2023年11月20 / 日), or the day whole (2020年5月 / 20日)
_DAY_REST = lazy_compile(r"\d{0,2}日(?:前|以前|之前)?(?:完成|完工)?")

_UNIT_HEAD = lazy_compile(r"^[^\d\s/]{1,3}/$")
_UNIT_TAIL = lazy_compile(r"^[\u4e00-\u9fff]{1,3}$")


def _bracket_run(toks: list[Token], i: int) -> tuple[Token, int] | None:
    """A bracket opened in one piece and closed a few pieces on (``(2023`` ``年度)``)."""
    merged = toks[i]
    for j in range(i + 1, min(i + _MAX_PIECES, len(toks))):
        t = toks[j]
        if not t.spaced or t.empty or len(t.text) > _MAX_PIECE + 2:
            return None
        merged = merge(merged, t)
        if not unclosed_bracket(merged.text):
            return merged, j + 1
    return None
