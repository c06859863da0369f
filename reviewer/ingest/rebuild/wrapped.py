"""Cells a PDF viewer's copy wrapped at the width of the page's column.

Copied one cell a line, a cell longer than its column goes on over further lines, each full
line exactly as long as the column is wide (the length most long lines share). A short rest of
words after such a line (…占已完工单项工程的 / 比例, …激励机制运行情 / 况) is no cell of its own:
it is joined to the line it finishes before the cells are read, as is a line opening where
no cell opens, or ending the sentence the full line left open.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from reviewer.ingest.rebuild.anchors import (
    NAME_REST_CHARS,
    STATE_SAID,
    Kind,
    category_goes_on,
    ends_as_name,
    kinds,
    name_rest_word,
)
from reviewer.lazyre import lazy_compile
from reviewer.parse.labels import BARE_CATEGORY_WORDS, is_stamp, label_kind
from reviewer.parse.values import is_placeholder
from reviewer.textnorm import CLAUSE_MARK, SPACED_PIECE, display_width

_MIN_WIDTH = 8  # characters: a narrower "width" is a column of short cells, not a wrap
_NARROW = 12  # characters: a width below it is believed only where few lines are longer
_MIN_FULL = 3  # lines, at least, as long as the width
_MIN_NARROW = 5  # characters: the narrowest wrap believed, where lines of words fill it
_NARROW_LINES = 20  # lines of words that long, at least, for so narrow a wrap
_CJK = lazy_compile(r"[\u4e00-\u9fff]")
# A line that is one figure (3,286.40, 98.40%): a cell of its own, whatever its length.
_AMOUNT_LINE = lazy_compile(r"^[\d,.%]+$")
_REST = lazy_compile(r"^[\u4e00-\u9fff、（）()]{1,8}$")  # a short rest of words, no figure


def _width(lines: Sequence[str]) -> int | None:
    """The length most long lines share (a running head printed on each page may be longer).
    A narrow one (a column of 10 characters) only where fewer lines are longer than are as
    long: short cells of one length in a text of longer ones are no wrap. Where the commonest
    length is such short cells, a less common one that fewer lines pass than reach is the
    wrap (cells of 8 characters among lines wrapped at 13)."""
    lengths = Counter(len(s.strip()) for s in lines if len(s.strip()) >= _MIN_WIDTH)
    # of lengths as common, the longest: short cells of one length (2,356.80) are no wrap
    ranked = sorted(lengths.items(), key=lambda kv: (kv[1], kv[0]), reverse=True)
    for rank, (width, count) in enumerate(ranked):
        if count < _MIN_FULL:
            return _very_narrow(lines)
        longer = sum(n for k, n in lengths.items() if k > width)
        if longer < count or (rank == 0 and width >= _NARROW):
            return width
    return _very_narrow(lines)


def _very_narrow(lines: Sequence[str]) -> int | None:
    """A wrap narrower than ``_MIN_WIDTH`` (a viewer's copy wrapped at seven characters):
    believed only where lines of words that long are most of the text's and hardly any line
    is longer (the running head)."""
    texts = [s.strip() for s in lines if s.strip()]
    worded = Counter(len(s) for s in texts if _MIN_NARROW <= len(s) < _MIN_WIDTH and _CJK.search(s))
    if not worded:
        return None
    width, count = worded.most_common(1)[0]
    longer = sum(len(s) > width for s in texts)
    return width if count >= _NARROW_LINES and longer * 10 <= count else None


def unwrapped(lines: Sequence[str], is_label: Callable[[str], bool]) -> tuple[list[str], set[int]]:
    """``lines`` with each rest of a wrapped cell joined to the full line before it, its own
    line left empty (the line count kept): a short rest of words (…工程的 / 比例) that is not
    one of the form's labels (二级指标's 满意度指标 stays a cell); after a line that ends no
    sentence, a rest opening where no cell opens (…未完成3 / .5公里;…), a word's end before a
    clause's mark (…路面损 / 毁;下步将…), a full line again (a long cell's middle), or the
    sentence's end (…施工方案,列入 / 2023年续建计划,6月底前完工。).

    Among the indicator rows, where a cell of words may as well be the next cell (a name
    filling its column exactly, then a target of words: …服务差距 / 不断缩小), a rest of words
    (no more than a line) is not joined but given back, by its index, for the rows' programme
    to join or not (``indicators``: the reading that makes whole rows wins)."""
    lines = _row_rests_joined(lines, is_label)
    width = _width(lines)
    if width is None:
        # (with a width, a full line's rest is joined by it: a clause's or a unit's rest
        # joined first would leave the cell's last line alone)
        lines = _sure_rests_joined(lines)
        return list(lines), _not_states(lines, _unmeasured_rests(lines, is_label))
    out = list(lines)
    maybe: set[int] = set()
    section = False
    cell = None  # the index of the line the cell being joined began on
    for i in range(len(lines) - 1):
        full, rest = lines[i].strip(), lines[i + 1].strip()
        section = in_section(section, full)
        cell = i if cell is None else cell
        after = lines[i + 2].strip() if i + 2 < len(lines) else ""
        if section and width < _MIN_WIDTH:
            # so narrow a wrap leaves names and the cells beside them alike: the rows'
            # programme tells them apart (a cell's lines no wider than its first)
            cell = None
        elif len(full) == width and rest and _label_ended(out[cell].strip(), rest, is_label):
            out[cell] += rest
            out[i + 1] = ""
        elif section and len(full) == width and _category_rest(full, rest):
            maybe.add(i + 1)  # …供水工程 / 数量: the name's end, or the next row's category
            cell = None
        elif (
            len(full) != width
            or not rest
            or _AMOUNT_LINE.match(full)  # an amount as wide as the column: a cell of its own
            or is_label(rest)
            or _label_alone(full, rest, is_label)
            or (is_label(rest + after) and not is_label(after))  # 转移支付(项目) / 名称
        ):
            cell = None
        elif section and not _certain(full, rest, is_label):
            if len(rest) <= width and not _restated(rest, after):
                maybe.add(i + 1)
            cell = None
        elif _goes_on(full, rest, is_label):
            out[cell] += rest
            out[i + 1] = ""
        else:
            cell = None
    # the indicator rows' cells wrapped at widths of their own, the text's width the goals'
    maybe |= {i for i in _unmeasured_rests(lines, is_label) if out[i] and out[i - 1]}
    return out, _not_states(lines, maybe)


def _not_states(lines: Sequence[str], maybe: set[int]) -> set[int]:
    """The rests in ``maybe`` but those that say a state (建立健全, 有效提升) after a name ended as
    names end (工程长效运行管护机制): the row's target in words, no rest of the name; nor those
    that are the next row's name after an explanation (``_name_after``)."""
    return {
        i
        for i in maybe
        if not (
            STATE_SAID.match(lines[i].strip())
            and name_rest_word(lines[i - 1].strip()[-NAME_REST_CHARS:])
        )
        and not (
            i + 1 < len(lines)
            and _name_after(lines[i - 1].strip(), lines[i].strip(), lines[i + 1].strip())
        )
    }


def _sure_rests_joined(lines: Sequence[str]) -> list[str]:
    """Rests no cell could be, joined to the line they finish (its own line left empty), in a
    text with no width to go by: a sentence's clause after words that end none (…进度不满意 /
    ，将加强沟通…): no cell opens with a clause's mark. (A unit's rest, 元/ / 亩, is the
    tokens' to join: ``tokenise._value_wrapped``.)"""
    out = list(lines)
    for i in range(len(out) - 1):
        full, rest = out[i].strip(), out[i + 1].strip()
        if not full or not rest:
            continue
        clause = (
            rest[0] in _CLAUSE_OPENS
            and _CJK.search(full[-1]) is not None
            and not full.endswith(_STOPS)
        )
        if clause:
            out[i] = full + rest
            out[i + 1] = ""
    return out


_CLAUSE_OPENS = "，、；;"  # (a comma between digits is a figure's: 1,650 — never a line's start)


def _unmeasured_rests(lines: Sequence[str], is_label: Callable[[str], bool]) -> set[int]:
    """With no width to go by (a PDF's text runs a line each, every column wrapped at its own
    width; the width the text has, the goals'), among the indicator rows a short rest of words
    after a row's first line of words that ends no sentence, a value opening the line after it
    (工程设施管护机制 / 落实率 / ≥90%): given back, by its index, for the rows' programme to
    join or not, as a rest the width leaves in doubt."""
    maybe: set[int] = set()
    texts = [s.strip() for s in lines]
    names = _names_width(texts)
    section = False
    for i in range(1, len(texts) - 1):
        section = in_section(section, texts[i - 1])
        before, rest = texts[i - 1], texts[i]
        if (
            section
            and names is not None
            and len(before) == names
            and len(rest) < names  # a cell as wide may be the next (Hebei's definitions)
            and not _restated(rest, texts[i + 1])
            and _REST.match(rest)
            and _WORDS.match(before)
            # (a category's bare word too: 城区垃圾积存点 / 数量, the programme tells)
            and (not is_label(rest) or rest in BARE_CATEGORY_WORDS)
        ):
            maybe.add(i)  # a name as wide as the names' column: its rest may follow, whatever
        elif (
            section
            and _opens_row(texts, i - 1)
            and _REST.match(rest)
            and _WORDS.match(before)
            # 控制在预算内 / 控制在预算内: a target, its actual; a name's first line as wide as
            # its rest (完成农村户用卫 / 生厕所改造数量) before a value
            and (
                len(rest) < len(before)
                or (
                    len(rest) == len(before)
                    and (
                        VALUE_OPENS.match(texts[i + 1]) is not None
                        # (…管护 / 机制建立情况 / 健全 / 健全: a target of words its actual restates)
                        or (i + 2 < len(texts) and texts[i + 1] == texts[i + 2])
                    )
                )
            )
            and not before.endswith(_STOPS)
            # a value after it, or a rest of one character, no cell of its own (…差 / 距), or
            # a target and an actual of words before the row's figures (…科学施肥 / 意识 /
            # 有效提升 / 有效提升, 改厕设施长效管 / 护机制 / 建立 / 已建立 / 15)
            and (
                VALUE_OPENS.match(texts[i + 1])
                # (a target printed / before the actual: 寄宿生生活补助 / 人数 / / / 3862人)
                or (
                    is_placeholder(texts[i + 1])
                    and i + 2 < len(texts)
                    and VALUE_OPENS.match(texts[i + 2]) is not None
                )
                or len(rest) == 1
                or (i + 2 < len(texts) and texts[i + 1] == texts[i + 2] != rest)
                or _words_then_figures(texts, i + 1)
            )
            # (…赛事活动 / 数量 / ≥25项; 师生及家长 / 满意度 / ≥90%: a category's word before a
            # value, which no category's label is)
            and (
                not is_label(rest)
                or rest in BARE_CATEGORY_WORDS
                # (not a whole label, 数量指标, before a name opening with a figure: 65岁…)
                or (VALUE_OPENS.match(texts[i + 1]) is not None and not rest.endswith("指标"))
            )
            # (a funds row's label among the rows is a name's first words: 公用经费补助公办 /
            # 幼儿园数)
            and not (is_label(before) and kinds(before) != _FUND_ROW_ONLY)
        ):
            maybe.add(i)
        elif (
            section
            and (
                CLAUSE_MARK.search(before)
                # an explanation's first line under its row's figures, its sentence going on
                # (not a tall name's rest there, 检验率, over the explanation's first line)
                or (
                    CLAUSE_MARK.search(rest)
                    and i > 1
                    and _FIGURE.match(texts[i - 2]) is not None
                    and not name_rest_word(before)
                )
            )
            and not before.endswith(_STOPS)
            and _TEXT_REST.match(rest)
            and not is_label(rest)
        ):
            maybe.add(i)  # an explanation's sentence going on (…纠纷需 / 移交上级部门处理;下一步)
    return maybe


def _name_after(full: str, rest: str, after: str) -> bool:
    """``rest`` is the next row's name after an explanation left without its stop (…所致，
    不影响资金使用 / 奖励扶助对象覆盖率 / 100%): the line above clauses, ``rest`` none, ending as
    names end, a target after it."""
    return (
        _CLAUSES.search(full) is not None
        and _CLAUSES.search(rest) is None
        and ends_as_name(rest)
        and _TARGET_OPENS.match(after) is not None
    )


_CLAUSES = lazy_compile(r"[，,；;]")  # (not 、: a name lists too, “双随机、一公开”)
_TARGET_OPENS = lazy_compile(r"^(?:[≥≤=<>＞＜]|\d)")


def _restated(rest: str, after: str) -> bool:
    """The line after ``rest`` is it or begins with it: a target of words its actual restates
    (稳定 / 稳定, 持续加强 / 持续加强,完成区级非遗名录项目12项), no name's rest."""
    return after.startswith(rest)


def _names_width(texts: Sequence[str]) -> int | None:
    """The width the rows' names wrap at, where the text tells it: the length most of the
    names after a category's label share (适龄儿童国家免疫, 居民健康档案规范, 城乡居民公共卫生:
    eight), when three or more and most of them fill it."""
    section = False
    firsts: list[int] = []
    for i in range(1, len(texts)):
        section = in_section(section, texts[i - 1])
        if (
            section
            and label_kind(texts[i - 1]) is not None
            and _WORDS.match(texts[i])
            and label_kind(texts[i]) is None
            and not kinds(texts[i])
        ):
            firsts.append(len(texts[i]))
    if not firsts:
        return None
    width, count = Counter(firsts).most_common(1)[0]
    return width if count >= _FULL_NAMES and 2 * count > len(firsts) else None


_FULL_NAMES = 3


def _words_then_figures(texts: Sequence[str], i: int) -> bool:
    """Lines ``i`` and ``i + 1`` short words (a target and its actual: 建立 / 已建立), then a
    figure (the row's points)."""
    return (
        i + 2 < len(texts)
        and all(_SHORT_WORDS.match(t) for t in texts[i : i + 2])
        and _FIGURE.match(texts[i + 2]) is not None
    )


def _opens_row(texts: Sequence[str], i: int) -> bool:
    """Line ``i`` opens a row's name: above it the row before's last figure (its score, or its
    actual where the form has no points: 5120亩), its explanation's last sentence or its
    explanation left empty after the score (10 / /), a name's rest after them, a category's
    label (数量指标, 可持续影响指 / 标), or a seal's mark stamped between the rows (（公章）), not
    a target's sign (定性).
    Blank lines between (plain pdftotext's, a block each) are passed over."""
    k = i - 1
    while k >= 0 and not texts[k]:
        k -= 1
    if k < 0:
        return False
    last = texts[k]
    if (
        _FIGURE.match(last)
        or last.endswith(_STOPS)
        # (/ after the row's score: its explanation; not — after words: a unit's cell left empty)
        or (is_placeholder(last) and k > 0 and _FIGURE.match(texts[k - 1]) is not None)
        or label_kind(last) is not None
        or is_stamp(last)
        # (a name's rest after the row's figures or its explanation left empty: 享受免费教科书 /
        # 48650人 / 48720人 / / / 学生人数, its row ended)
        or (
            k > 0
            and name_rest_word(last)
            and texts[k - 1]
            and (_FIGURE.match(texts[k - 1]) is not None or is_placeholder(texts[k - 1]))
        )
    ):
        return True
    return k > 0 and category_goes_on(texts[k - 1], last)


_FIGURE = lazy_compile(r"^\d[\d.,]*(?:%|[\u4e00-\u9fff]{1,3})?$")  # 10, 5120亩, 98%
_SHORT_WORDS = lazy_compile(r"^[\u4e00-\u9fff]{1,8}$")  # 建立, 已建立, 有效提升
# A line in a sentence (a clause's mark in it), and a line that may go on with one: words first.
_TEXT_REST = lazy_compile(r"^[\u4e00-\u9fff“‘（(][^≥≤≧≦><＞＜=＝]{1,30}$")
# A line of words, a name's first (65岁及以上老年人健, 0-6岁儿童健康管理, A级旅游景区安全检查):
# no sign, no figure alone.
_WORDS = lazy_compile(
    r"^(?=(?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){3})[\u4e00-\u9fff、（）()“”‘’\dA-Za-z\-]{4,}$"
)
# A cell opening a row's values: a target's sign (定性 and a direction in their own column), or
# a figure.
VALUE_OPENS = lazy_compile(r"^(?:[≥≤≧≦><=＞＜＝]|\d|(?:定性|正向|反向)$)")


def in_section(section: bool, line: str) -> bool:
    """Whether the indicator rows go on at ``line`` (their header's labels open them; 总分, a
    field, the next table's title or block close them)."""
    ks = kinds(line)
    if ks & _CLOSES and Kind.COLUMN not in ks:  # 偏差原因分析及改进措施: a column, and a field
        return False
    return section or Kind.SECTION in ks or (Kind.COLUMN in ks and not ks & _NOT_ONLY_COLUMN)


# Labels an indicator header shares with other blocks (实际完成情况, 分值, 偏差原因分析…): they
# open no indicator rows.
_NOT_ONLY_COLUMN = frozenset({Kind.FUND_COLUMN, Kind.GOAL, Kind.FIELD})
_CLOSES = frozenset(
    {Kind.TOTAL, Kind.FIELD, Kind.NOTE, Kind.TITLE, Kind.KEY, Kind.GOAL, Kind.FUND_BLOCK}
)


def _certain(full: str, rest: str, is_label: Callable[[str], bool]) -> bool:
    """A rest no cell could be: it opens where no cell opens, ends the sentence the full line
    left open or the bracket it opened, ends the label the full line began (未完成原因分析及改进
    / 措施), or ends the date it began (2025年10月2 / 0日, 2025年10月底 / 前)."""
    if (
        is_label(full + rest)
        or _date_ended(full, rest)
        or _bracket_closed(full, rest)
        or _figure_cut(full, rest)
    ):
        return True
    return not full.endswith(_STOPS) and (rest[0] in _NO_START or rest.endswith(_STOPS))


def _figure_cut(full: str, rest: str) -> bool:
    """A sentence's figure cut at the line's end (…降雨影响，0.0 / 5万亩延至…): the full line a
    sentence's clauses, ending in a digit or its point, ``rest`` opening with a digit."""
    return _CLAUSES.search(full) is not None and full[-1] in _FIGURE_END and rest[0].isdigit()


_FIGURE_END = frozenset("0123456789.")


def _bracket_closed(full: str, rest: str) -> bool:
    """``rest`` closes the bracket ``full`` left open (7015户(其中脱贫户1236 / 户))."""
    opened = sum(full.count(b) for b in "(（") - sum(full.count(b) for b in ")）")
    close = min((i for i in (rest.find(")"), rest.find("）")) if i >= 0), default=-1)
    if opened <= 0 or close < 0:
        return False
    return not any(b in rest[:close] for b in "(（")


# A date as a target or an actual prints (2023年12月20日, 12月底前, 2024年11月以前).
_DATE = lazy_compile(r"^(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末|[上中下]旬)?(?:前|以前|之前)?$")


def _date_ended(full: str, rest: str) -> bool:
    """``rest``, no date itself, ends the date ``full`` began: a number cut in two (…10月2 /
    0日), the day after the month (…12月 / 31日前) or the date's last word (…10月底 / 前)."""
    if not _DATE.match(full + rest) or _DATE.match(rest):
        return False
    cut = full[-1].isdigit() or (full[-1] in "年月" and rest[0].isdigit())
    return cut or rest in ("前", "以前", "之前")


def _category_rest(full: str, rest: str) -> bool:
    """A rest that is a category's label (数量, 质量) after a line of words no label itself."""
    return label_kind(rest) is not None and label_kind(full) is None and not kinds(full)


def _label_ended(text: str, rest: str, is_label: Callable[[str], bool]) -> bool:
    """``rest`` ends the label the cell's text began (单项指标实际完成 / 值), though it is a
    label of its own too (Hebei's 值 under 预期指标值), or the section's title the text is
    already (四、年度绩效指标 / 完成情况: a column's label alone)."""
    if not is_label(text):
        return is_label(text + rest)
    return Kind.SECTION in kinds(text) and Kind.SECTION in kinds(text + rest)


def _label_alone(full: str, rest: str, is_label: Callable[[str], bool]) -> bool:
    """A label as wide as the column (转移支付（项目）名称): its value follows, not its rest."""
    return is_label(full) and not is_label(full + rest)


def _goes_on(full: str, rest: str, is_label: Callable[[str], bool]) -> bool:
    if is_label(rest):
        return False
    if _date_ended(full, rest):
        return True
    if full.endswith(_STOPS):
        return bool(_REST.match(rest))
    return (
        bool(_REST.match(rest))
        or len(rest) == len(full)  # a full line again: the cell's middle
        or rest[0] in _NO_START
        or rest.endswith(_STOPS)  # no value ends a sentence: the rest of one
        or bool(_WORD_END.match(rest))  # …路面损 / 毁;下步将…: a word's end, then a clause
    )


_FUND_ROW_ONLY = frozenset({Kind.FUND_ROW})
_NO_START = ".,，、；;:：)）%"  # no cell opens with these: the line goes on with the one above
_STOPS = ("。", "！", "？")
_WORD_END = lazy_compile(r"^[\u4e00-\u9fff]{1,2}[,，;；、]")


# A piece that is a figure (≥80%, 10, 1687元/亩, OCR's 9S%), not a name opening with one
# (12315投诉举报, 0-6岁儿童健康管理率).
_VALUE = lazy_compile(r"^[≥≤<>=＝＞＜]?[\d０-９][\d０-９.,，。]*[^\d０-９\s-]{0,3}$")
_CLAUSE_END = ("；", "，", "、", ";", ",")  # a sentence left open: its rest follows
_ALIGNED = 1  # characters (or display columns) a rest may stand off its cell's start
_WORDS_ONLY = lazy_compile(r"^[\u4e00-\u9fff、（）()“”]+$")
_REST_CHARS = 8  # a rest longer may be a cell's middle line


def _pieces(line: str) -> list[tuple[int, int, str]]:
    """(start in characters, start in display columns, text) of each piece of ``line``."""
    out = []
    for m in SPACED_PIECE.finditer(line):
        lead = line[: m.start()]
        out.append((m.start(), display_width(lead), m.group()))
    return out


def _row_rests_joined(lines: Sequence[str], is_label: Callable[[str], bool]) -> list[str]:
    """A scan's row printed on one line, a cell's rest alone on the lines after it: joined to
    the cell it finishes, its own line left empty. Rests of words (…交通事 / 故起数, a
    definition's 经审核符合条件的受助 / 幼儿占受助幼儿总数的 / 比例) where each stands under a cell of
    words before the row's figures, or at the margin, and nearer it than the cell of words
    opening the line after it (whose first line it may be: it opens that cell then); the
    rest of a sentence the row's last cell left open (…路况下降； / 已列入次年养护计划…)."""
    out = list(lines)
    # what lines of several cells print (the head's units: a seal over the rows repeats one)
    printed: set[str] = set()
    for s in lines:
        pieces = _pieces(s) if s.strip() else []
        if len(pieces) > 1:
            printed.update(p[2] for p in pieces)
    for i in range(len(out) - 1):
        row = _pieces(out[i])
        if len(row) >= 3 and any(_VALUE.match(p[2]) for p in row):
            _rest_joined(out, i, row, printed, is_label)
    return out


def _rest_joined(
    out: list[str],
    i: int,
    row: list[tuple[int, int, str]],
    printed: set[str],
    is_label: Callable[[str], bool],
) -> None:
    """The line after row ``i``, a lone piece, joined to that row's cell it finishes, or to
    the cell of the row after it that it opens, or left."""
    j = i + 1
    lone = _pieces(out[j])
    if len(lone) != 1:
        return
    rest = lone[0][2]
    last = row[-1][2]
    if _CJK.match(last) and last.endswith(_CLAUSE_END) and _CJK.match(rest):
        out[i] = out[i].rstrip() + rest  # the explanation's sentence goes on
        out[j] = ""
        return
    if _WORDS_ONLY.match(rest) is None or is_label(rest) or rest in printed:
        return  # (a cell printed in a row too, a unit's seal over the rows, is none)
    if len(rest) > _REST_CHARS:
        return  # a cell's middle line, the rows' programme's to place
    cell = _finished_cell(row, lone[0], is_label)
    after = _pieces(out[j + 1]) if j + 1 < len(out) else []
    opened = _opened_cell(after, lone[0], is_label) if len(after) >= 3 else None
    if cell is not None and opened is not None:
        # under a cell of each row: the one it stands nearer the start of (a tie is the
        # rows' programme's to tell)
        near, far = _off(row[cell], lone[0]), _off(after[opened], lone[0])
        if near == far:
            return
        cell, opened = (cell, None) if near < far else (None, opened)
    if cell is not None:
        start, _, text = row[cell]
        end = start + len(text)
        out[i] = out[i][:end] + rest + out[i][end:]
        out[j] = ""
    elif opened is not None:
        start = after[opened][0]
        out[j + 1] = out[j + 1][:start] + rest + out[j + 1][start:]
        out[j] = ""


def _off(cell: tuple[int, int, str], lone: tuple[int, int, str]) -> tuple[int, int]:
    """How far a line stands off a cell's start: in the nearer of characters and display
    columns, then in both."""
    chars, shown = abs(cell[0] - lone[0]), abs(cell[1] - lone[1])
    return min(chars, shown), chars + shown


def _at(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Two pieces start at one place, counted in characters or in display columns."""
    return abs(a[0] - b[0]) <= _ALIGNED or abs(a[1] - b[1]) <= _ALIGNED


def _words_cell(text: str, is_label: Callable[[str], bool]) -> bool:
    """A cell of words (a name may open with a figure: 12315投诉举报), not one of the form's
    labels."""
    return _VALUE.match(text) is None and _CJK.search(text) is not None and not is_label(text)


def _finished_cell(
    row: list[tuple[int, int, str]], lone: tuple[int, int, str], is_label: Callable[[str], bool]
) -> int | None:
    """The cell of words a rest finishes: the one it stands under, else (a rest at the
    margin) the last before the row's first figure; a cell followed by a figure either way."""
    first_figure = next((k for k, p in enumerate(row) if _VALUE.match(p[2])), None)
    if first_figure is None:
        return None
    under = [k for k in range(first_figure) if _words_cell(row[k][2], is_label)]
    over = [k for k in under if _at(row[k], lone) or _spans(row[k], lone)]
    if over:
        return min(over, key=lambda k: _off(row[k], lone))
    if lone[0] > _ALIGNED:
        return None
    # at the margin: the row's first cell of words (its name; a target of words wraps less)
    return next((k for k in range(first_figure) if _words_cell(row[k][2], is_label)), None)


def _opened_cell(
    row: list[tuple[int, int, str]], lone: tuple[int, int, str], is_label: Callable[[str], bool]
) -> int | None:
    """The cell of words a line above a row opens (a name's first line over a row centred in
    its height: 农田灌溉水有效 / 生态效益指标 | 利用系数 | ≥0.6): the row's first cell of words,
    before its first figure, that the line spans in characters or in display columns."""
    first_figure = next((k for k, p in enumerate(row) if _VALUE.match(p[2])), None)
    if first_figure is None:
        return None
    k = next((k for k in range(first_figure) if _words_cell(row[k][2], is_label)), None)
    if k is None:
        return None
    return k if _spans(row[k], lone) else None


def _spans(cell: tuple[int, int, str], lone: tuple[int, int, str]) -> bool:
    """A line and a cell share columns, in characters or in display columns."""
    start, shown, text = cell
    over = lone[0] < start + len(text) and start < lone[0] + len(lone[2])
    return over or (
        lone[1] < shown + display_width(text) and shown < lone[1] + display_width(lone[2])
    )
