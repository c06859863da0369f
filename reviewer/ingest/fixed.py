"""Fixed-width text (``pdftotext -layout``): columns aligned by spaces, cells wrapped over lines.

A PDF table printed as text keeps each cell at its horizontal place and wraps a long cell over
several physical lines; a row's figures stand on one of its lines (the first, or the middle one
where the tool centres them), its other cells' pieces on the lines around it. Read line by line
(the ``spaces`` layout), every piece would be a row of its own. Here the page is read as the
printer laid it out:

* a block is the lines between blank lines (two blank lines or a form feed: a page break; one
  blank line before a row's own line parts nothing), or from a part's first label (年初,
  预期目标, 一级指标) where a page prints no blank line, the header's title lines above that
  label going with it;
* pieces are parted by two spaces or more, and by one before a value after Chinese words or
  after a category label (食品安全监督抽检批 ≥2400批次, 社会效益指标 受益群众人数);
* a column starts where text starts on two lines or more (display width: a CJK character is two
  columns wide), or where the header's labels start, unless a title is centred over a wider
  column whose rows' words run across it; a table's columns are read from all its blocks (its
  pages, the header printed again or not); a piece belongs to the column it overlaps most;
* a line with two figures or more, or one beside a value with its unit, anchors a row; the
  lines of titles right above a block's first anchor are its header, joined column by column
  into one row, and the lines between them and the anchor are the first row's; every piece of
  another line joins the row whose anchor its column runs on to without a gap, if only one does
  (or the row whose figures' line, empty in that column, it and its neighbour frame), else the
  nearer (the one above on a tie), in its column, in reading order; from 总分 or a field's label
  in the first column on, lines under the last row are rows of their own;
* a block without figures (titles, the goal texts, notes) keeps a row per line;
* a scan's seal read among the rows (㊞, or pieces of a unit's name the head prints: 健康委)
  is taken out before the columns are read and reported as such; values a run of spaces parts
  are never run together into one cell.

The rows go to the parser like any other layout's; what it cannot place it reports.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reviewer.forms.families import DEFAULT, UNIT_FIELDS
from reviewer.forms.vocabulary import lookup
from reviewer.grid import Cell, Row
from reviewer.ingest.rebuild.anchors import Kind, header_key, kinds, name_rest_word
from reviewer.ingest.rebuild.furniture import page_furniture, with_furniture
from reviewer.lazyre import lazy_compile
from reviewer.model import Leftover, Location
from reviewer.parse.columns import header_words
from reviewer.parse.labels import (
    KNOWN_LABELS,
    SIGN_OFF,
    LabelKind,
    classify_label,
    family_of_l2,
    group_of,
    is_ellipsis,
    is_total_word,
    is_vertical_fragment,
    is_weight_note,
    label_kind,
    stem,
    unit_like,
)
from reviewer.parse.values import is_placeholder, parse_percent
from reviewer.textnorm import (
    COMPARISON_SIGNS,
    PAGE_NUMBER,
    SINGLE_SPACE_VALUE,
    SPACED_PIECE,
    clean_cell,
    display_width,
    is_border,
    unclosed_bracket,
)

if TYPE_CHECKING:
    from reviewer.model import Report

# A part of the form numbered at the margin, on a line of its own (三、目标完成情况).
_PART_HEADING = lazy_compile(
    r"^[一二三四五六七八九十]{1,2}[、.．]\s*\S{0,6}(?:情况|指标|目标|信息)"
)
# The first label of a part of the form (its funds, goal and indicator headers): a part of its own.
_SECTION = lazy_compile(r"^(?:一级(?:指标)?|预期目标|年初(?:预算数?)?|绩效指标)$")
# A column's title, or a piece of one wrapped over the header's lines (年度 / 指标值, 偏差原因分析
# / 及改进措施, （A）): a line of nothing else is the header's, not a row's.
_BRACKETED = lazy_compile(r"[（(][^（()）]{1,6}[)）]")
_TITLE = lazy_compile(
    r"指标|分值|得分|权重|值|偏差|原因|措施|改进|采取|分析|预算|执行|完成|年度|实际|目标|情况|性质"
    r"|单位|评分|备注"
    r"|满分|序号|^[（(][A-Z][）)]$"
)
_DIGIT = lazy_compile(r"\d")
_IN_BRACKETS = lazy_compile(r"[(（][^()（）]*[)）]")
_WRAPPED_LINES = 3  # lines of wrapped pieces that suggest a laid-out table
_WRAPPED_PIECES = 3
_WRAPPED_CHARS = 6
_VALUE_PIECE = 12  # characters, at most, of a value with its unit (≥1,500万人次, 2023年10月底前)
_GRID = "|｜"  # a scan's grid lines, read as characters
_LABEL_TAILS = frozenset(("指标", "标"))
# the titles of the columns every row fills: its name (三级指标), its target and its actual
_FILLED_TITLE = lazy_compile(r"三级指标|指标名称|指标值|完成值")
_LABEL_LINES = 4  # lines, at most, a category label is broken over
_HEADER_PIECE = 16  # characters, at most, of a header label's piece
_SAME_START = 2  # display columns within which two starts are one column's
_ACROSS = 4  # display columns (two CJK characters) a piece runs on past where a title starts


@dataclass(slots=True)
class Piece:
    line: int
    start: int  # display columns
    end: int
    text: str
    column: int = 0


@dataclass(slots=True)
class _Row:
    line: int
    cells: dict[int, list[Piece]] = field(default_factory=dict)
    page_break: bool = False

    def add(self, p: Piece) -> None:
        self.cells.setdefault(p.column, []).append(p)


def looks_fixed(sample: Sequence[str]) -> bool:
    """Text laid out by position: most lines indented, and pieces on lines of their own far
    from the margin (a wrapped cell's continuation)."""
    lines = [s for s in sample if s.strip()]
    if len(lines) < 10:
        return False
    indented = sum(s.startswith("  ") for s in lines)
    far = sum(len(s) - len(s.lstrip()) >= 10 for s in lines)
    return indented >= 0.4 * len(lines) and far >= 0.1 * len(lines)


def fixed_or_spaced(
    lines: Sequence[str],
    spaced_rows: Callable[[Sequence[str]], Iterator[Row]],
    taken: list[Leftover] | None = None,
) -> Iterator[Row]:
    """The rows of a text laid out by position; or, when reading it by position leaves some
    table it finds said to be misread (or finds none) and reading it a line at a time (cells
    apart where runs of spaces or a scan's grid marks part them) reads more tables without a
    doubt (or as many, fewer doubted), its rows a line at a time: a scan's OCR text keeps its
    lines but not its columns. So too where neither reading is doubted, the text's cells do not
    line up (``_aligned``) and a line at a time reads more rows.

    Each reading is parsed to be judged (the text is short: a laid-out page or a few), and
    the one kept is read again, as the trial parses marked its cells used. A reading that
    finds no table (or no row) gives way to one that finds some, even misread: the memo says
    so."""
    from reviewer.grid import Grid
    from reviewer.parse import parse_grid

    by_position = parse_grid(Grid(rows=fixed_rows(lines), source=""))
    if _misread(by_position) or not _rows_read(by_position):
        by_line = parse_grid(Grid(rows=spaced_rows(lines), source=""))
        if _judged(by_line) > _judged(by_position) or _found(by_line) > _found(by_position):
            return spaced_rows(lines)  # some table or row, if only to say it was misread
    elif (
        not (aligned := _aligned(lines))
        or _funds_read(by_position) < len(by_position.tables)
        or _unread(by_position) >= _MANY_UNREAD
    ):
        # read without a doubt, but the cells' starts not lined up as a layout program prints
        # them: a scan whose columns drift, read by position, may run two rows' cells into one
        # (项目区亩均增产粮食受益农户数); a line at a time, without a doubt and more rows, it reads
        # as printed. So too a table's funds block unread by position (its amounts under no
        # label) that a line at a time reads, with as many rows.
        by_line = parse_grid(Grid(rows=spaced_rows(lines), source=""))
        if (
            not _misread(by_line)
            and len(by_line.tables) == len(by_position.tables)
            and (
                (not aligned and _rows_read(by_line) > _rows_read(by_position))
                or (
                    _rows_read(by_line) >= _rows_read(by_position)
                    and (
                        _funds_read(by_line) > _funds_read(by_position)
                        # (or most of what by position was left unread: blocks whose columns
                        # stand apart from the indicators', 年度主要任务 under a funds block)
                        or _mostly_read(by_line, by_position)
                    )
                )
            )
        ):
            return spaced_rows(lines)
    return fixed_rows(lines, taken)


_ALIGNED = 0.8  # of the cells' starts shared by three lines or more: a layout program's text
_MIN_CELLS = 3  # cells of a line whose starts are counted


def _aligned(lines: Sequence[str]) -> bool:
    """The cells' starts line up across lines, counted in characters or in display columns
    (a CJK character two): most starts of lines of three cells or more are shared by at least
    three such lines. A layout program's text does (pdftotext -layout: 0.83–0.97 of them); a
    scan's OCR, its columns drifting a character or more from row to row, does not (≤0.63)."""
    return any(_shared_starts(lines, width) >= _ALIGNED for width in (len, display_width))


def _shared_starts(lines: Sequence[str], width: Width) -> float:
    per = []
    for line in lines:
        pieces = list(SPACED_PIECE.finditer(line))
        if len(pieces) >= _MIN_CELLS:
            per.append({width(line[: m.start()]) for m in pieces})
    counts: Counter[int] = Counter(s for starts in per for s in starts)
    total = sum(len(starts) for starts in per)
    shared = sum(1 for starts in per for s in starts if counts[s] >= _MIN_CELLS)
    return shared / total if total else 1.0


def _rows_read(report: Report) -> int:
    return sum(t.rows_read for t in report.tables)


def _unread(report: Report) -> int:
    """The lines a reading left unread."""
    return len({lo.location.line for lo in report.leftovers})


_MANY_UNREAD = 3  # lines a reading by position left unread that make another worth trying


def _mostly_read(by_line: Report, by_position: Report) -> bool:
    """A line at a time reads most of the lines by position left unread (several)."""
    return _unread(by_position) >= _MANY_UNREAD and _unread(by_line) * 2 < _unread(by_position)


def _funds_read(report: Report) -> int:
    """The tables whose funds block's amounts were read under its labels."""
    from reviewer.parse.table import FUNDS_UNREAD

    return sum(all(d.reason != FUNDS_UNREAD for d in t.doubts) for t in report.tables)


def _found(report: Report) -> tuple[bool, bool]:
    """Whether a reading finds a table, then whether it finds an indicator row: one that does
    is kept over one that does not, even doubted (the memo then says the table was misread,
    rather than that it has no indicators)."""
    return bool(report.tables), _rows_read(report) > 0


def spaced_or_fixed(
    lines: Sequence[str],
    spaced_rows: Callable[[Sequence[str]], Iterator[Row]],
    taken: list[Leftover] | None = None,
) -> Iterator[Row]:
    """The rows of a text whose cells runs of spaces part, a line at a time; or, when its
    lines show a laid-out table's wrapped cells (lines of a few short pieces: 分）, (A) )) and
    reading it a line at a time leaves a table said to be misread while reading it by position
    reads more without a doubt, by position. A layout program's text (pdftotext -layout) may
    start most lines at the margin, as a positional text's detector does not expect."""
    from reviewer.grid import Grid
    from reviewer.parse import parse_grid

    if sum(_wrapped_pieces(s) for s in lines) >= _WRAPPED_LINES:
        by_line = parse_grid(Grid(rows=spaced_rows(lines), source=""))
        if _misread(by_line):
            by_position = parse_grid(Grid(rows=fixed_rows(lines), source=""))
            if _judged(by_position) > _judged(by_line):
                return fixed_rows(lines, taken)
    return spaced_rows(lines)


def _wrapped_pieces(line: str) -> bool:
    """A line of a wrapped cell's rest or two (分）, 标, (A)  )): at most three pieces, each a
    few characters and none a figure (a row's score pushed to a line of its own is one)."""
    pieces = SPACED_PIECE.findall(line)
    return (
        0 < len(pieces) <= _WRAPPED_PIECES
        and all(len(p) <= _WRAPPED_CHARS and not _is_figure(p) for p in pieces)
        and not PAGE_NUMBER.fullmatch("".join(line.split()))
    )


def _misread(report: Report) -> bool:
    from reviewer.parse.table import layout_doubted

    return not report.tables or any(layout_doubted(t) for t in report.tables)


def _judged(report: Report) -> tuple[int, int]:
    """A reading's worth: its tables read without a doubt, then the fewer doubted."""
    from reviewer.parse.table import layout_doubted

    doubted = sum(layout_doubted(t) for t in report.tables)
    return len(report.tables) - doubted, -doubted


def fixed_rows(lines: Sequence[str], taken: list[Leftover] | None = None) -> Iterator[Row]:
    """The rows; a seal's text the scan read among them goes to ``taken`` (see ``_seal``).
    A page's furniture (its number, then the running head at the next page's top) is set
    apart before the lines are read, and given back as rows of their own, used (a header
    printed again is read by position: its lines below it are its)."""
    furniture = page_furniture(lines, headers=False)
    if not furniture:
        yield from _rows_by_position(lines, taken)
        return
    # (a form feed on a furniture line still opens its page)
    kept = [("\f" if "\f" in s else "") if i in furniture else s for i, s in enumerate(lines)]
    yield from with_furniture(list(_rows_by_position(kept, taken)), furniture)


def _rows_by_position(lines: Sequence[str], taken: list[Leftover] | None) -> Iterator[Row]:
    width = _metric(lines)
    blocks = list(_blocks(lines, width))
    units = _unit_names(block for block, _ in blocks)
    if units:
        for block, _ in blocks:
            _seal_out(block, units, taken)
    parts = [_part(block, page_break, width) for block, page_break in blocks]
    # A table's columns are read from all its blocks: a block of figures goes on under the
    # header above it when it has none of its own or prints the same one again (a page's top),
    # so that its cells fall in the columns the header's do.
    tables: list[list[_Part]] = []
    text = ""
    broken = False  # a page broke in the short blocks since the last part with rows
    for part in parts:
        if not part.anchors:
            # (a page's number, the unit's running head and print date, a form feed among
            # them: the page the next rows open broke there)
            broken = (broken or part.page_break) and len(part.block) <= _FURNITURE_LINES
            continue
        part.page_break, broken = part.page_break or broken, False
        if part.header and tables and _CONTINUED.search(part.header_text):
            # 四、年度绩效指标完成情况（续） over a page's rows: the table goes on, its columns
            part.header, part.inside = [], frozenset()
        if part.header and (not _same_header(part.header_text, text) or not tables):
            tables.append([part])
            text = part.header_text
        elif tables:
            tables[-1].append(part)
        else:
            tables.append([part])
    for table in tables:
        lines_of = [line for part in table for line in part.block]
        starts = _columns(lines_of, table[0].header, frozenset().union(*(p.inside for p in table)))
        for part in table:
            part.starts = starts
    for part in parts:
        _place_pieces(part)
    for table in tables:
        filled = _filled(table[0])
        for part in table:
            part.filled = filled
    for table in tables:
        _figures_back([line for part in table for line in part.block])
        for above, below in itertools.pairwise(table):
            _carry_over_break(above, below)
    for part in parts:
        rows = _part_rows(part)
        if rows and part.page_break:
            rows[0].page_break = True
        for r in rows:
            row = _to_row(r)
            if row is not None:
                yield row


_FURNITURE_LINES = 2  # lines, at most, of a block of a page's furniture between its rows

_SEAL_MARK = frozenset("㊞印")
_SEAL_PIECE = 3  # characters, at least, of a unit's name a seal's piece prints
_SEAL_REASON = "扫描件上印章的文字（单位名称的片段），不是表格内容"


def _unit_names(blocks: Iterable[list[list[Piece]]]) -> list[str]:
    """The units' names the head prints after their labels (主管部门 | 沈丘县卫生健康委员会)."""
    names = []
    for block in blocks:
        for line in block:
            for p, q in itertools.pairwise(line):
                if len(q.text) > _SEAL_PIECE and header_key(p.text) in UNIT_FIELDS:
                    names.append(q.text)
    return names


def _seal(text: str, units: list[str]) -> bool:
    """A seal's mark (㊞), a piece of a unit's name that is not the whole of it (沈丘县卫,
    健康委): what OCR reads of the round red seal stamped across the form; or a unit's name
    marked as its seal (都安瑶族自治县水利局（章）)."""
    if text in _SEAL_MARK or _SEAL_WORDS.search(text) is not None:
        return True
    if (named := _STAMPED.sub("", text)) != text:
        return named in units
    # a piece of a name in its characters: a figure is none (100 inside 131001-涞水县教育局)
    return (
        len(text) >= _SEAL_PIECE
        and _HAN.search(text) is not None
        and any(text in u and text != u for u in units)
    )


_HAN = lazy_compile("[\u4e00-\u9fff]")
_STOP_ALONE = frozenset(("。", "."))
_STAMPED = lazy_compile(r"\s*[(（](?:盖|公)?[章印][)）]$")
# The words of a seal's ring and centre, whichever body stamped it (同心县财政局 / 专用章).
_SEAL_WORDS = lazy_compile(r"^[(（]?(?:(?:财务|业务|绩效)?专用章|公章)[)）]?$")
# A finance bureau's name on a line of its own among the rows: the seal it stamped.
_FINANCE_SEAL = lazy_compile(r"^[\u4e00-\u9fff]{2,12}财政(?:局|厅)$")


def _seal_out(block: list[list[Piece]], units: list[str], taken: list[Leftover] | None) -> None:
    """Take a seal's pieces out of the block's lines with figures (the rows the seal covers),
    a seal's piece one space after a label (其中：当年财政拨款 沈丘县卫), a unit's name
    marked as its seal on any line, a piece of a unit's name on the lines between rows
    (重庆市黔江区 over a row, 委员会 under it), and a finance bureau's name alone on a line
    among the rows (同心县财政局 over 专用章: the bureau that stamped the form), and so a unit's
    whole name there (秦安县水务局 over a row: its seal)."""
    among = False  # below a line of figures: among the rows, not the report's own heading
    for line in block:
        figures = any(_is_figure(p.text) for p in line)
        alone = among and (
            (
                len(line) == 1
                and (_FINANCE_SEAL.match(line[0].text) is not None or line[0].text in units)
            )
            # the form's mark where its seal goes, spaced apart (（公  章）)
            or _STAMPED.fullmatch("".join(p.text for p in line).replace(" ", "")) is not None
        )
        among = among or figures
        kept = []
        for p in line:
            head, _, tail = p.text.rpartition(" ")
            if alone:
                seal = p.text
                if taken is not None:
                    where = Location(line=p.line)
                    taken.append(Leftover(text=seal, location=where, reason=_SEAL_REASON))
                continue
            if (
                not figures
                and _STAMPED.search(p.text) is None
                and not (among and _seal(p.text, units))
            ):
                kept.append(p)
                continue
            if _seal(p.text, units):
                seal = p.text
            elif head and _seal(tail, units):
                seal, p.text, p.end = tail, head, p.start + display_width(head)
                kept.append(p)
            else:
                kept.append(p)
                continue
            if taken is not None:
                where = Location(line=p.line)
                taken.append(Leftover(text=seal, location=where, reason=_SEAL_REASON))
        line[:] = kept
    block[:] = [line for line in block if line]  # a line that held the seal alone: gone


_CONTINUED = lazy_compile(r"[(（]续[)）]$")  # a part's title printed again over a page: (续)


def _same_header(a: str, b: str) -> bool:
    """The header printed again, whole or without the block's label left of it (绩效指标 序号
    一级指标 … on the first page, 序号 一级指标 … on the next)."""
    return bool(a and b) and (a.endswith(b) or b.endswith(a))


Width = Callable[[str], int]


def _metric(lines: Sequence[str]) -> Width:
    """How the text measures its columns: by display width (a CJK character two columns, as
    a terminal shows it and as people align by hand), or a character a column (as
    ``pdftotext -layout`` places each word at its x position, whatever the characters before
    it). Told by the pieces after CJK text on their line, where the two differ: a character a
    column when nearly all of them start where a piece of another line starts, counted so,
    and clearly more of them than counted by display width."""
    by_width: dict[int, set[int]] = {}
    by_count: dict[int, set[int]] = {}
    for number, raw in enumerate(lines):
        line = raw.replace("\f", "").rstrip("\r\n")
        for m in SPACED_PIECE.finditer(line):
            before = line[: m.start()]
            wide = display_width(before)
            if wide == len(before):
                continue  # no CJK before it: the same column either way
            by_width.setdefault(wide, set()).add(number)
            by_count.setdefault(len(before), set()).add(number)
    pieces = sum(len(on) for on in by_count.values())
    shared_count = sum(len(on) for on in by_count.values() if len(on) > 1)
    shared_width = sum(len(on) for on in by_width.values() if len(on) > 1)
    if (
        pieces
        and shared_count >= _COUNT_ALIGNED * pieces
        and shared_count > _COUNT_BETTER * shared_width
    ):
        return len
    return display_width


_COUNT_ALIGNED = 0.9  # of the pieces after CJK text, aligned when a character is a column
_COUNT_BETTER = 1.1  # and clearly more of them than by display width (which a tie keeps)


def _pieces(number: int, line: str, width: Width = display_width) -> list[Piece]:
    """The line's pieces at their columns (``width`` measures them); a scan's grid line kept
    at a piece's edge (| 项目名称) is no part of its text; a column printed one space after a
    name that filled its own (食品安全监督抽检批 ≥2400批次) is a piece of its own."""
    out = []
    for m in SPACED_PIECE.finditer(line):
        for a, b in _cells_apart(m.group(), m.start()):
            text = line[a:b]
            start = width(line[:a])
            end = start + width(text)
            if text[0] in _GRID or text[-1] in _GRID:
                text = text.strip(_GRID + " ")
                if not text:
                    continue
            if is_border(text):
                continue  # a report's rule drawn in characters (-----, =====): a border
            out.append(Piece(number, start, end, text))
    return out


def _cells_apart(text: str, at: int) -> list[tuple[int, int]]:
    """Where a piece parts at single spaces: before a value (a sign, or a figure with its unit)
    after Chinese words, and after each category label, whole or cut (社会效益指标 受益群众人数,
    可持续影响指 工程设计使用年限, 满意度指标 服务对象满意度 群众满意度), that opens it."""
    if " " not in text:
        return [(at, at + len(text))]
    if (words := header_words(text)) is not None:
        spans, begin = [], 0
        for w in words:  # a scan's header line, its labels one space apart
            begin = text.index(w, begin)
            spans.append((at + begin, at + begin + len(w)))
            begin += len(w)
        return spans
    label, _, rest = text.partition(" ")
    if (
        rest
        and " " not in rest
        and (
            (label in _SERIAL_COLUMNS and Kind.COLUMN in kinds(rest))
            or (header_key(label) is not None and not kinds(rest))
        )
    ):
        # a numbering column's label and the next (序号 三级指标), or a head's key and its value
        # (部门（单位）名称 沂南县市场监督管理局): two cells, as a line at a time reads them
        return [(at, at + len(label)), (at + len(label) + 1, at + len(text))]
    spans = []
    begin = 0
    for _ in range(2):  # a 一级 and a 二级 label
        space = text.find(" ", begin)
        if space <= begin or not _opens_with_label(text[begin:space]):
            break
        spans.append((at + begin, at + space))
        begin = space + 1
    for m in SINGLE_SPACE_VALUE.finditer(text, begin):
        spans.append((at + begin, at + m.start()))
        begin = m.end()
    spans.append((at + begin, at + len(text)))
    return spans


# A numbering column's label, one space before the next column's (序号 三级指标); other labels
# one space apart (符号 值, 一级指标 二级指标) are a header wrapped over lines, its columns
# told by its other lines and the rows.
_SERIAL_COLUMNS = frozenset({"序号", "编号"})


def _opens_with_label(word: str) -> bool:
    """A category label, or the first four characters or more of one (its cell cut it)."""
    if classify_label(word) is not None:
        return True
    return len(word) >= 4 and any(label.startswith(word) for label in KNOWN_LABELS)


def _blocks(lines: Sequence[str], width: Width) -> Iterator[tuple[list[list[Piece]], bool]]:
    """The blocks between blank lines, each with whether it begins a page."""
    block: list[list[Piece]] = []
    blanks, form_feed, first, page_break = 0, False, True, False
    for number, raw in enumerate(lines, start=1):
        if "\f" in raw:
            form_feed = True
            raw = raw.replace("\f", "")
        line = raw.rstrip("\r\n")
        if not line.strip():
            blanks += 1
            continue
        pieces = _pieces(number, line, width)
        if not pieces:
            continue  # a line of grid marks only (a scan's rule read as |): a border, no text
        if block and blanks == 1 and not form_feed and _anchor(pieces):
            blanks = 0  # a page printed with a blank line between its rows: one table still
        if block and blanks:
            yield block, page_break
            block = []
        elif block and (
            form_feed or any(_SECTION.match(p.text) for p in pieces) or _part_heading(pieces)
        ):
            # a page printed without blank lines: its parts apart, the header's lines printed
            # above its first label with it; a form feed opening a line right under the text
            # above (a page's number): a new page
            keep = len(block)
            while (
                not form_feed
                and keep > 0
                and _header_line(block[keep - 1])
                and not _text_wrapped_end(block, keep - 1)
            ):
                keep -= 1
            if keep:
                yield block[:keep], page_break
                block, page_break = block[keep:], False
        if not block:
            page_break = not first and (blanks >= 2 or form_feed)
        first = False
        blanks, form_feed = 0, False
        block.append(pieces)
    if block:
        yield block, page_break


def _part_heading(line: list[Piece]) -> bool:
    """A line of one piece at the margin numbering a part of the form (二、预算执行情况（万元）,
    四、年度绩效指标完成情况): the part begins there, its lines not the rows' above it."""
    return len(line) == 1 and _PART_HEADING.match(line[0].text) is not None


def _title(p: Piece) -> bool:
    """A column's title or a piece of one: short, its words a title's, or a title's last
    character or two wrapped (一级指 / 标)."""
    return (
        len(p.text) <= _HEADER_PIECE
        and bool(
            _TITLE.search(p.text)
            or len(p.text) <= 2
            or is_weight_note(p.text)
            or _BRACKETED.fullmatch(p.text)  # (万元), (A): a label's note wrapped
        )
        and not _is_figure(p.text)
        and p.text[-1:] not in _SENTENCE_STOPS  # a sentence's wrapped end (户。), not a title's
        # a clause's mark inside: a sentence's line (年度内完成秸秆还田、离, a definition's first)
        and not any(mark in p.text for mark in _CLAUSE_MARKS)
    )


_SENTENCE_STOPS = "。；;，,"
_CLAUSE_MARKS = "、，,；;"


def _header_like(line: list[Piece]) -> bool:
    """A line the header may hold: short pieces, most of them titles (a goal's text wrapped
    right above the header is not)."""
    return all(len(p.text) <= _HEADER_PIECE for p in line) and 2 * sum(
        _title(p) for p in line
    ) >= len(line)


def _header_line(line: list[Piece]) -> bool:
    """A line of the header: column titles only."""
    return bool(line) and all(_title(p) for p in line)


def _is_figure(text: str) -> bool:
    return parse_percent(text.replace(" ", "")) is not None  # a number, or a rate with its %


# A qualitative value as a target or an actual prints it: a few words of a state reached.
_STATE = lazy_compile(
    r"健全|建立|有效|良好|改善|提高|提升|达标|完善|显著|稳定|增强|落实|规范|合格|及时|按时|缩小|降低"
    r"|下降|减少|增加|扩大|到位"
)
_STATE_PIECE = 6


def _qualitative(text: str) -> bool:
    return (
        len(text) <= _STATE_PIECE
        and _STATE.search(text) is not None
        and label_kind(text) is None
        and not _DIGIT.search(text)
    )


_CUT_ENDS = "/／、，,（(·-"  # a value's line ending here goes on below


def _goes_on_cut(block: list[list[Piece]], i: int) -> bool:
    """Line ``i``, no figure of its own, each piece under one of the line above, which holds a
    value cut at a mark (城市≥850元、 over 农村≥650元): that row's lines going on, no row."""
    if i == 0 or any(_is_figure(p.text) for p in block[i]):
        return False
    above = block[i - 1]
    cut = [q for q in above if q.text[-1] in _CUT_ENDS and len(q.text) > 1]
    return any(not is_placeholder(q.text) for q in cut) and all(
        any(abs(p.start - q.start) <= _SAME_START for q in above) for p in block[i]
    )


def _breakdown_header(line: list[Piece]) -> bool:
    """The header of a 部门整体 form's breakdowns side by side (按收入性质分 | 全年执行数 |
    按支出性质分 | 全年执行数): a row of its own, not the first line of the row below."""
    opens = sum(_BREAKDOWN_OPENS.match(p.text) is not None for p in line)
    return 0 < opens < len(line) and all(
        _BREAKDOWN_OPENS.match(p.text) is not None or _title(p) for p in line
    )


def _anchor(line: list[Piece]) -> bool:
    """A row's own line: two figures or more (a dash standing for an empty amount counts), or
    a figure (the row's points) beside a value with its unit or sign (≥10年 | 10年 | 5), or,
    with no figure, a name and two values after it (铺设供水管网 | ≥185公里 | 188.6公里), or
    two qualitative ones (工程长效运行管护机制 | 建立健全 | 已建立健全)."""
    figures = sum(_is_figure(p.text) or is_placeholder(p.text) for p in line)
    if figures >= 2:
        return True
    if _breakdown_header(line):
        return True
    if line and Kind.KEY in kinds(line[0].text):
        return False  # the form's head (项目名称 | … | 年度 | 2024): its keys' line, no row's
    if figures == 0:
        # a form without points (a transfer form's rows: 铺设供水管网 | ≥185公里 | 188.6公里):
        # a name, then a target and an actual, each a value with its sign or unit (and the
        # explanation's first line after them)
        # (a label's points in its brackets, 预算执行情况（20分）, are no value's figure; a
        # sentence's end, 率保持在90%以上。, is a text's)
        values = [
            p
            for p in line
            if len(p.text) <= _VALUE_PIECE
            and _DIGIT.search(_IN_BRACKETS.sub("", p.text))
            and p.text[-1] not in _SENTENCE_STOPS
            and p.text[-1] not in _CUT_ENDS  # (小学1000元/ over 生·年: a value's first line)
        ]
        if len(values) >= 2 and len(line) >= 3 and line[-1] in values:
            return True
        if (
            len(values) >= 2
            and len(line) >= 4
            and line[-2] in values
            and len(line[-1].text) > _VALUE_PIECE
        ):
            return (
                True  # … | ≥0.6万亩 | 0.52万亩 | 受7月下旬持续强降雨影响,两: its explanation after
            )
        # … or a qualitative target and actual (工程长效运行管护机制 | 建立健全 | 已建立健全)
        return len(line) >= 3 and all(_qualitative(p.text) for p in line[-2:])
    return figures == 1 and (
        any(
            len(p.text) <= _VALUE_PIECE and _DIGIT.search(p.text) and not _is_figure(p.text)
            for p in line
        )
        # a qualitative row: its points last, after a label, a name, a target and an actual
        or (len(line) >= 4 and _is_figure(line[-1].text))
    )


def _word_row(block: list[list[Piece]], i: int) -> bool:
    """A row of words opening its category (时效指标 | 资助资金发放及时性 | 按学期及时足额发 |
    按学期及时足额发放到学): its label (or the label's first piece, 可持续影响指 / 标), a name,
    a target and an actual (or one short value, its target left empty: … | 长期), no figure;
    not when the line after it holds the row's figures (项目建设完工时间 | 2021年12月31日前完 |
    … over 工 | 完工 | 10 | 10)."""
    line = block[i]
    if len(line) < 3 or not (
        label_kind(line[0].text) is not None or _opens_with_label(line[0].text)
    ):
        return False
    if any(_is_figure(p.text) or is_placeholder(p.text) for p in line) or _header_like(line):
        return False
    if len(line) == 3 and len(line[-1].text) > _STATE_PIECE:
        return False  # a label, a name and one value (its target left empty): a short one
    after = block[i + 1] if i + 1 < len(block) else []
    return sum(_is_figure(p.text) for p in after) < 2


def _columns(
    block: list[list[Piece]], header: list[int], inside: frozenset[int] = frozenset()
) -> list[int]:
    """The starts of the block's columns: where text (not a figure) starts on two lines, and
    where each of the header's labels starts."""
    # a header label's piece set a little apart from the piece it is printed over (实际 over
    # 完成值: ``inside``) starts no column of its own: its column starts where the header's does
    texts = [p for line in block for p in line if not _is_figure(p.text) and id(p) not in inside]
    dashes = {p.start for p in texts if is_placeholder(p.text)}
    starts = sorted([p.start for p in texts] + header * 2)
    clusters: list[list[int]] = []
    for s in starts:
        if (
            clusters
            and s - clusters[-1][-1] <= _SAME_START
            and not _bridged(clusters[-1], s, header, dashes)
        ):
            clusters[-1].append(s)
        else:
            clusters.append([s])
    body = [p.start for line in block if not _header_line(line) for p in line]
    # (a breakdowns' header, 按收入性质分 | 全年执行数 | …, is a row of another grid's)
    own = [line for line in block if _anchor(line) and not _breakdown_header(line)]
    # (figures one space apart, ９７.００％ ９.７０, are two cells, no text running across)
    rows = [p for line in own for p in line if not all(_is_figure(w) for w in p.text.split())]
    # a title centred over a wider column (三级指标 over the names) starts no column of its
    # own: text on rows' own lines runs across where it starts, and not two lines start there
    kept = [
        c[0]
        for c in clusters
        if len(c) >= 2
        and (
            sum(s in c for s in body) >= 2
            or not any(p.start < c[0] and p.end > c[0] + _ACROSS for p in rows)
        )
    ]
    # ... unless, without it, a row's label and its figure fall in one column (年度资金总额
    # 860 under 年初预算数, the labels drifting across where that title starts)
    for h in sorted(set(header) - set(kept)):
        if any(_parts_at(line, h, kept) for line in own):
            kept.append(h)
    return sorted(kept) or [0]


def _bridged(cluster: list[int], s: int, header: list[int], dashes: set[int]) -> bool:
    """Header label start ``s`` reached from another label's start in ``cluster`` only through
    empty cells' dashes (分值 | 执行率 over dashes a character or two apart line by line): two
    columns, which a dash set anywhere in its cell does not join."""
    if s not in header:
        return False
    heads = [c for c in cluster if c in header and s - c > _SAME_START]
    if not heads:
        return False
    between = [c for c in cluster if c > heads[-1] and c not in header]
    return bool(between) and all(c in dashes for c in between)


def _across(p: Piece, starts: list[int], width: Width) -> list[Piece]:
    """A figure and the next column's cell one space apart, the piece running on across where
    that column starts (９７.００％ ９.７０, ９.７８ 偏小，已更换: full-width digits, each twice
    as wide as the header's were counted, push a cell into the next column): two pieces."""
    space = p.text.find(" ")
    if space <= 0 or not _is_figure(p.text[:space]):
        return [p]
    at = p.start + width(p.text[: space + 1])  # where the text after the space starts
    crossed = [s for s in starts if p.start < s < p.end and abs(at - s) <= 2 * _ACROSS]
    if not crossed:
        return [p]
    rest = p.text[space + 1 :].lstrip()
    # the figure is the column's before the one the rest starts
    end = min(p.start + width(p.text[:space]), crossed[0] - 1)
    return [
        Piece(p.line, p.start, end, p.text[:space]),
        Piece(p.line, p.end - width(rest), p.end, rest),
    ]


def _apart(line: list[Piece], columns: int) -> None:
    """Two values a run of spaces parts that fell in one column (95.2%   10   10 printed a
    little right of 分值; 2450元   10 left of it), or a funds row's label and its first
    figure (其中：当年财政拨款  1000): the first goes into the column left of them when it is
    empty on their line, else the second, and those after it up to an empty column, each one
    column on; two values are never run together into one cell. A name's words and a bare
    figure after them (童健康管理    10, the 分值 drifted into the name's column): the figure
    goes on, the name stays."""
    for k in range(1, len(line)):
        a, b = line[k - 1], line[k]
        if b.column != a.column:
            continue
        label = _is_label_of_figure(a, line)
        words = not label and _DIGIT.search(a.text) is None and _is_figure(b.text)
        # (a figure and a dash after it, 327.50   —: two values, the dash an empty cell's; a
        # figure and a unit's name, 9.78   缙云县文化和广电旅游体育局: a seal over the row)
        second = _DIGIT.search(b.text) or (
            _DIGIT.search(a.text) and (is_placeholder(b.text) or unit_like(b.text))
        )
        if not (words or ((_DIGIT.search(a.text) or label) and second)):
            continue  # two pieces of one text (a name an OCR gap parts) stay one cell
        taken = {p.column for p in line}
        if not words and a.column > 1 and a.column - 1 not in taken:
            a.column -= 1
            continue
        # every column taken: one past the header's last (a breakdown printed beside another,
        # 财政拨款 | 3 amounts | 基本支出 | 3 amounts under a header of seven columns)
        gap = next((c for c in range(b.column + 1, columns + 2) if c not in taken), None)
        if gap is not None:
            for p in line[k:]:
                if p.column < gap:
                    p.column += 1


def _figures_back(block: list[list[Piece]]) -> None:
    """A row's closing figures printed a column right of the rest's (15 | 15 under 得分 and
    偏差原因…, the 分值 column empty on their line): back into the columns the other rows'
    figures fill, when the column left of them is one of those and empty on their line."""
    count: dict[int, int] = {}
    lines = [line for line in block if sum(_is_figure(p.text) for p in line) >= 2]
    for line in lines:
        for p in line:
            if _is_figure(p.text):
                count[p.column] = count.get(p.column, 0) + 1
    usual = {c for c, n in count.items() if 2 * n >= len(lines)}
    for line in lines:
        run = []  # the closing points (bare numbers; a rate before them is the actual)
        for p in reversed(line):
            if not _is_figure(p.text) or "%" in p.text or "％" in p.text:
                break
            run.append(p)
        if len(run) < 2 or run[0].column in usual:
            continue
        left = run[-1].column - 1
        if left in usual and all(p.column != left for p in line):
            for p in run:
                p.column -= 1


def _is_label_of_figure(a: Piece, line: list[Piece]) -> bool:
    """The last piece in words of a line whose other pieces after it are figures (two or
    more), or a funds row's label a figure follows: a funds row's label."""
    after = line[line.index(a) + 1 :]
    if _fund_row(a.text) and after and _is_figure(after[0].text):
        return True  # a breakdown's line, its label and amount beside the other side's
    return (
        not _is_figure(a.text)
        and len(after) >= 2
        and all(_is_figure(p.text) or is_placeholder(p.text) for p in after)
    )


def _parts_at(line: list[Piece], h: int, starts: list[int]) -> bool:
    """A piece of words before ``h`` and a figure after it on ``line``, no column starting
    between them: ``h`` parts them."""
    for a, b in itertools.pairwise(line):
        if (
            a.start < h <= b.start + _SAME_START
            and not _is_figure(a.text)
            and _is_figure(b.text)
            and not any(a.start < s <= b.start for s in starts)
        ):
            return True
    return False


def _place(p: Piece, starts: list[int]) -> int:
    """The column a piece overlaps most (its start's column when it overlaps none)."""
    best, most = 0, -1
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else 10**6
        overlap = min(p.end, end) - max(p.start, s)
        if overlap > most:
            best, most = k, overlap
    return best + 1


@dataclass(slots=True)
class _Part:
    """A block: its row anchors, where its header and its first row's lines begin."""

    block: list[list[Piece]]
    page_break: bool
    anchors: list[int]
    top: int  # the first row's own lines start here: its cells wrapped above its figures
    head: int  # the header's first line
    header: list[int]  # the starts of the header's labels
    header_text: str
    inside: frozenset[int]  # ids of the header's pieces printed inside another's column
    starts: list[int] = field(default_factory=list)  # the columns, when read with others
    # the columns every row fills (see _part_rows), from the header of the table it goes on
    filled: frozenset[int] = frozenset()
    width: Width = display_width  # how the text measures its columns
    # a row the page broke: its words' line at this block's foot, given to the next block's
    # first row (given), and that line as the next block's first row takes it (carried)
    given: int | None = None
    carried: list[Piece] = field(default_factory=list)


def _part(block: list[list[Piece]], page_break: bool, width: Width = display_width) -> _Part:
    anchors = [
        i
        for i, line in enumerate(block)
        if (_anchor(line) or _word_row(block, i)) and not _goes_on_cut(block, i)
    ]
    first = anchors[0] if anchors else 0
    top = first
    while (
        top > 0
        and first - top < _LABEL_LINES - 1
        and not _page_number(block[top - 1])
        and not any(_title(p) and label_kind(p.text) is None for p in block[top - 1])
        and all(len(p.text) <= _HEADER_PIECE for p in block[top - 1])
        and not any(_is_figure(p.text) for p in block[top - 1])  # a row of its own
    ):
        top -= 1
    if top > 0 and not any(_title(p) for p in block[top - 1]):
        top = first  # no header above the lines: not the first row's, as far as one can tell
    head = top
    while (
        head > 0
        and _header_like(block[head - 1])
        and not _part_heading(block[head - 1])
        and not _block_title(block[head - 1], block[head])
    ):
        head -= 1
    lines = block[head:top]
    header = _header_starts(lines)
    inside = frozenset(id(p) for line in lines for p in line if p.start not in header)
    text = "".join(p.text for line in lines for p in line)
    return _Part(block, page_break, anchors, top, head, header, text, inside, width=width)


def _text_wrapped_end(block: list[list[Piece]], k: int) -> bool:
    """Line ``k`` is one short piece of no title's words under a line of text (…受益农户1.26万
    / 户): that text's wrapped end, above the header, not a label stacked over a column's."""
    line = block[k]
    return (
        k > 0
        and len(line) == 1
        and _TITLE.search(line[0].text) is None
        and _BRACKETED.fullmatch(line[0].text) is None  # (（盖章）: a seal's mark, the header's)
        and not _header_like(block[k - 1])
    )


def _block_title(line: list[Piece], below: list[Piece]) -> bool:
    """The indicator block's own label alone on its line (绩效指标) over a header's line of
    labels: the block's title, no column's label stacked over the first (序号)."""
    return (
        len(line) == 1
        and len(below) >= _TITLE_OVER
        and kinds(line[0].text) == {Kind.SECTION}
        and below[0].start <= line[0].start + len(line[0].text)
    )


_TITLE_OVER = 3  # labels, at least, of the header line under a block's title


def _header_starts(lines: list[list[Piece]]) -> list[int]:
    """Where the header's columns start: a label printed over two lines (三级 / 指标, 实际 /
    完成值) is one column's, its pieces of about one width overlapping though a scan set them
    a character or two apart; each column starts where its leftmost piece does. (A group's
    label over its parts, 年度预算数 over 年初预算 | 调整后预算数, is wider: no part's; one
    narrower than its parts, 自评得分 over 单项指标得分 | 权重占比 | …, starts none.)"""
    texts = {p.text for line in lines for p in line}
    parts = {g for t in texts if (g := group_of(t, parents=False)) is not None}
    spans: list[list[int]] = []
    for p in sorted((p for line in lines for p in line), key=lambda p: p.start):
        if group_of(p.text, parents=True) in parts:
            continue  # 自评得分 over its three scores, its parts' labels under it: theirs
        for span in spans:
            if _stacked(span, p):
                span[0], span[1] = min(span[0], p.start), max(span[1], p.end)
                break
        else:
            spans.append([p.start, p.end])
    return [start for start, _ in spans]


def _stacked(span: list[int], p: Piece) -> bool:
    overlap = min(span[1], p.end) - max(span[0], p.start)
    narrow, wide = sorted((span[1] - span[0], p.end - p.start))
    return 2 * overlap >= narrow > 0 and wide <= 2 * narrow


# The 部门整体 form's breakdowns' side labels, on a line of their own over their lines.
_BREAKDOWN_SIDE = lazy_compile(r"^按(?:收入|支出)性质分\s*[:：]?$")
_BREAKDOWN_OPENS = lazy_compile(r"^按(?:收入|支出)性质分")
# An amount after its label in one piece (按收入性质分：1,642.80), as a 部门整体 form's breakdown
# prints its lines.
_LABELLED_AMOUNT = lazy_compile(r"^[^\d：:]{2,16}[：:]\s*\d[\d,]*(?:\.\d+)?$")

# A note's label with its colon, opening a line of its own (预算调整说明:, 备注：).
_NOTE_LABEL = lazy_compile(r"^[^\d：:]{0,8}(?:说明|备注)\s*[：:]$")


def _place_pieces(part: _Part) -> None:
    """Each piece of the block in its column (the table's, or the block's own)."""
    starts = part.starts or _columns(part.block, part.header, part.inside)
    for line in part.block:
        line[:] = [q for p in line for q in _across(p, starts, part.width)]
        for p in line:
            p.column = _place(p, starts)
        _apart(line, len(starts))
    _labels_with_their_column(part.block)


def _labels_with_their_column(block: list[list[Piece]]) -> None:
    """Funds rows' labels, and their parts' (其中：中央结转), set where the others stand (上年结转
    资金 under 年度资金总额, one start) go into the column the others went to: ``_apart`` moved
    those left of the first figure that fell in their column (amounts printed right-aligned, a
    little left of their labels), and a row whose first amount is blank (上年结转资金 | | 248.75)
    had none there."""
    moved: dict[int, int] = {}  # a label's start → the column the rows' labels went to
    for line in block:
        first = line[0] if line else None
        if first is not None and _fund_row(first.text) and len(line) > 1:
            moved.setdefault(first.start, first.column)
    for line in block:
        first = line[0] if line else None
        if (
            first is None
            or _is_figure(first.text)
            or not (
                any(_is_figure(p.text) for p in line[1:])
                or (len(line) == 1 and _fund_row(first.text))  # 其他资金 with no figures
            )
            or (to := moved.get(first.start)) is None
            or first.column <= to
            or any(p.column == to for p in line[1:])
        ):
            continue
        first.column = to


def _goal_lines_joined(block: list[list[Piece]]) -> list[list[Piece]]:
    """A block's lines, a goal's text wrapped onto a line of its own under the goal block's
    label joined to the line it goes on from (see ``_goes_on_above``)."""
    out: list[list[Piece]] = []
    goal = False
    for line in block:
        if goal and out and _goes_on_above(out[-1], line):
            _take_rest(out[-1], line)
            continue
        goal = goal or _opens_goals(line)
        out.append(line)
    return out


def _take_rest(above: list[Piece], line: list[Piece]) -> None:
    """The goal's text on ``above`` goes on with ``line``'s one piece (``_goes_on_above``); a
    goal's label alone on ``above`` (预期目标, its text on the lines below) has it as its text,
    a cell of its own."""
    if len(above) == 1 and Kind.GOAL in kinds(above[0].text):
        above.append(line[0])
        return
    above[-1].text += line[0].text


def _goes_on_above(above: list[Piece], line: list[Piece]) -> bool:
    """A goal's text wrapped onto ``line``: one piece, no label, after a text whose sentence
    did not end."""
    return (
        len(line) == 1
        and bool(above)
        and not above[-1].text.endswith(("。", "；", ";"))
        and not kinds(line[0].text)
        and "：" not in line[0].text[:8]
    )


def _opens_goals(line: list[Piece]) -> bool:
    """The goal block's label alone on its line (年度总体目标), the block's texts under it; or
    beside it the first goal's text after its own label (年度总体目标   预期目标：完成42座…); or
    the goals' labels over their texts beside the block label's first line (年度 | 年初设定目标
    | 全年实际完成情况, 总体目标 on a line below)."""
    if kinds(line[0].text) == {Kind.GOAL} and all(_labelled_goal(p.text) for p in line[1:]):
        return True
    goals = [p for p in line if kinds(p.text) == {Kind.GOAL}]
    return (
        len(goals) >= _GOAL_LABELS
        and line[0] not in goals  # (年度总体目标 | 预期目标 over a text: the first kind's)
        and all(p in goals or is_vertical_fragment(p.text, "年度总体目标") for p in line)
    )


_GOAL_LABELS = 2  # 年初设定目标 | 全年实际完成情况: the two goals' labels on one line


def _labelled_goal(text: str) -> bool:
    """A goal's text after its label (预期目标：…, 实际完成情况：…)."""
    label, colon, rest = text.partition("：")
    if not colon:
        label, colon, rest = text.partition(":")
    return bool(colon and rest.strip()) and Kind.GOAL in kinds(label.strip())


def _part_rows(part: _Part) -> list[_Row]:
    """The block's rows: each anchor's with the pieces around it; lines of their own above the
    header and in a block without figures."""
    block, anchors, top, head = part.block, part.anchors, part.top, part.head
    _join_labels([line for line in block if not _page_number(line)])
    if not anchors:
        if (label := _label_beside(block)) is not None:
            return [_beside_row(block, label)]
        return [_line_row(line) for line in _goal_lines_joined(block)]
    rows = [_line_row(line) for line in _keys_closed(block[:head])]
    if head < top:
        labels = _Row(line=block[head][0].line)
        for line in block[head:top]:
            for p in line:
                labels.add(p)
        rows.append(labels)
    end = _table_end(block, anchors[-1])
    # columns every row fills (its name, target and actual): a row's own line empty there
    # has its cell wrapped around it
    filled = part.filled or _filled(part)
    anchored = {i: _Row(line=block[i][0].line) for i in anchors}
    under = _labels_under(block, anchors)
    goal: int | None = None  # the goal block's last line, under its label on a line of its own
    for i in range(top, end):
        if i == part.given:
            continue  # the row the page broke: the next block's first row's (_carry_over_break)
        if i not in anchored and (goal is not None or _opens_goals(block[i])):
            # 年度总体目标 alone, then 预期目标：… and 实际完成情况：… over lines of their own:
            # the goal block's lines, no row's around them; a line going on with the text
            # above (its sentence not ended) is that text's
            if goal is not None and _goes_on_above(block[goal], block[i]):
                _take_rest(block[goal], block[i])
                anchored[goal] = _line_row(block[goal])
                continue
            goal = i
            anchored[i] = _line_row(block[i])
            continue
        goal = None
        if all(is_ellipsis(p.text) or p.text in _STOP_ALONE for p in block[i]):
            # the template's "more rows here", or a sentence's full stop wrapped onto a line of
            # its own: a line of its own, no row's figures around it
            anchored[i] = _line_row(block[i])
            continue
        if i not in anchored and all(_BREAKDOWN_SIDE.match(p.text) for p in block[i]):
            anchored[i] = _line_row(block[i])  # 按收入性质分:  按支出性质分: over their lines
            continue
        if i not in anchored and all(_LABELLED_AMOUNT.match(p.text) for p in block[i]):
            anchored[i] = _line_row(block[i])  # a breakdown's line (项目支出：730.36): its own
            continue
        if i not in anchored and is_total_word(block[i][0].text) and len(block[i]) <= _TOTAL_PIECES:
            anchored[i] = _line_row(block[i])  # 自评总分   99.93 (one figure): the total's row
            continue
        if i not in anchored and _funds_line(block[i]):
            anchored[i] = _line_row(block[i])  # 其他资金    119.12 under two sides' lines: its own
            continue
        if i > anchors[-1] and SIGN_OFF.match(block[i][0].text):
            # 填报人：…  联系电话：… under the last row (总分): no row's; between rows it is a
            # seal's, which the rows' reading takes out
            anchored[i] = _line_row(block[i])
            continue
        if i not in anchored and _NOTE_LABEL.match(block[i][0].text):
            anchored[i] = _line_row(block[i])  # 预算调整说明:  年中追加…: a note's own line
            continue
        if i not in anchored and (_page_number(block[i]) or _form_title(block[i])):
            # 第 1 页    共 2 页, 项目支出绩效自评表（续）: no row's cells
            anchored[i] = _line_row(block[i])
            continue
        near = [_nearest(i, p.column, anchors, block, top, p.column in filled) for p in block[i]]
        near = [
            _unlabelled(block, i, p, a, anchors, under) for p, a in zip(block[i], near, strict=True)
        ]
        near = _labels_with_names(block[i], near)
        if all(_fund_row(p.text) for p in block[i]) and all(
            any(_whole_label(q.text) for q in anchored[a].cells.get(p.column, ()))
            for p, a in zip(block[i], near, strict=True)
        ):
            # 其他资金 with its figures left empty: its own row, under another funds row or a
            # part's (省级结转), not the rest of a label wrapped there (其中： / 当年财政拨款)
            anchored[i] = _line_row(block[i])
            continue
        for p, a in zip(block[i], near, strict=True):
            anchored[a].add(p)
    for p in part.carried:
        anchored[anchors[0]].add(p)
    rows.extend(anchored[i] for i in sorted(anchored))
    rest = block[end:]
    if len(rest) >= 2 and _field_text_above(rest[0], rest[1]):
        # the field's text begun above its label: its first line, put before the rest
        rest[1][1].text = rest[0][0].text + rest[1][1].text
        rest = rest[1:]
    rows.extend(_line_row(line) for line in _goal_lines_joined(rest))
    return rows


def _carry_over_break(above: _Part, below: _Part) -> None:
    """A row the page broke, its name (and labels) on the page's last line, its figures on the
    next page's first row under the header printed again (…  社会效益指标  带动农民务工 / 第 2
    页 / header / ≥600人次  612人次  5  5): the words' line is that row's. Only where the two
    fill each other's columns: a wrapped name's last line over the break stays the row above's
    when the row below has a name of its own."""
    if not (below.page_break and above.anchors and below.anchors):
        return
    last = len(above.block) - 1
    while last > above.anchors[-1] and _page_number(above.block[last]):
        last -= 1  # (the page's number printed under its last line: 第 1 页 共 3 页)
    line, first = above.block[last], below.block[below.anchors[0]]
    if last <= above.anchors[-1] or below.anchors[0] != below.top:
        return
    if any(_is_figure(p.text) for p in line) or _page_number(line):
        return
    # (the category's labels printed again atop the new page, 满意度指标 | 服务对象满意度指标
    # over both: the row's once)
    again = {p.column for p in line} & {
        p.column for p in first if (p.column, p.text) in {(q.column, q.text) for q in line}
    }
    here = {p.column for p in line} - again
    there = {p.column for p in first} - again
    if here & there or not (here & below.filled) or below.filled - here - there - again:
        return
    above.given = last
    below.carried = [p for p in line if p.column not in again]


def _keys_closed(lines: list[list[Piece]]) -> list[list[Piece]]:
    """The form's head lines, a key wrapped in its narrow cell inside its bracket (转移支付（项目
    / ）名称) given its rest back, the rest's line kept only for the pieces beside it; a value's
    wrapped line alone under it joined to it."""
    out: list[list[Piece]] = []
    for line in lines:
        above = out[-1][0] if out else None
        first = line[0]
        if (
            above is not None
            and first.text[:1] in "）)"
            and abs(first.start - above.start) <= _SAME_START
            and unclosed_bracket(above.text)
        ):
            above.text += first.text
            line = line[1:]
            if not line:
                continue
        keyed = bool(out) and Kind.KEY in kinds(out[-1][0].text)  # (a key's line, no header)
        value = next(
            (
                q
                for q in (out[-1][1:] if keyed else [])
                if abs(q.start - first.start) <= _SAME_START
            ),
            None,
        )
        if len(line) == 1 and value is not None and kinds(first.text) != {Kind.KEY}:
            value.text += first.text  # a value wrapped in its cell (…16个乡镇 / 卫生院)
            continue
        out.append(line)
    return out


def _label_beside(block: list[list[Piece]]) -> Piece | None:
    """The goal block's label printed beside a middle line of its texts (a PDF's text keeps a
    merged label centred on its cell: 年度总体目标 left of the goal's and the result's second
    lines), every other piece of the block right of it: that label."""
    firsts = [line[0] for line in block if len(line) >= 2 and kinds(line[0].text) == {Kind.GOAL}]
    if len(block) < 2 or len(firsts) != 1:
        return None
    label = firsts[0]
    rest = [p for line in block for p in line if p is not label]
    # (the block's own labels among them, 预期目标 / 实际完成情况 over their texts: read a line
    # at a time)
    if all(p.start > label.end and not _is_figure(p.text) and not kinds(p.text) for p in rest):
        return label
    return None


def _beside_row(block: list[list[Piece]], label: Piece) -> _Row:
    """The block as one row: the label its first cell, each column's lines joined."""
    row = _Row(line=block[0][0].line)
    for line in block:
        for p in line:
            # the label in a column of its own, left of the texts (it shared the first's)
            p.column = 1 if p is label else p.column + 1
            row.add(p)
    return row


def _filled(part: _Part) -> frozenset[int]:
    """The columns whose titles in the part's header name what every row fills."""
    lines = part.block[part.head : part.top]
    return frozenset(p.column for line in lines for p in line if _FILLED_TITLE.search(p.text))


def _labels_with_names(line: list[Piece], near: list[int]) -> list[int]:
    """Where each piece of a line goes, a category label going where every other piece of
    the line goes, when they all go one way (时效指标 over 指标 and 项目完工 over 及时率, the
    name's first line opening the row below: its label opens it too)."""
    labels = [label_kind(p.text) is not None for p in line]
    others = {a for a, label in zip(near, labels, strict=True) if not label}
    if len(others) != 1 or all(labels) or not any(labels):
        return near
    (where,) = others
    return [where if label else a for a, label in zip(near, labels, strict=True)]


def _unlabelled(
    block: list[list[Piece]], i: int, p: Piece, a: int, anchors: list[int], under: bool
) -> int:
    """Where a funds row's label on a line of its own (or after the block's label) goes. Not
    to a line that prints its own label (项目资金 1280.00 … / （万元）  年度资金总额 / 其中：当年
    财政拨款 1280.00 …), but to the other line next to it, if that has none; and where the block
    prints its labels under their figures (``under``), to the figures above it."""
    if a == i or not _fund_row(p.text) or any(q.column > p.column for q in block[i]):
        return a  # no label, or its figures or marks on its own line

    def unlabelled(k: int) -> bool:
        return k in anchors and not any(_fund_row(q.text) for q in block[k])

    if under and unlabelled(i - 1):
        return i - 1
    if unlabelled(a):
        return a
    return next((b for b in (i - 1, i + 1) if b != a and unlabelled(b)), a)


def _labels_under(block: list[list[Piece]], anchors: list[int]) -> bool:
    """The funds block prints each row's label on the line under its figures: its first
    line of figures has no label, the line after it one alone."""
    if not anchors:
        return False
    first = anchors[0]
    below = block[first + 1] if first + 1 < len(block) else []
    return (
        not any(_fund_row(q.text) for q in block[first])
        and first + 1 not in anchors
        and any(_fund_row(q.text) for q in below)
    )


_TOTAL_PIECES = 4  # 总分 | 100 | 99.93 | 优: a total's line, no wrapped sentence's


def _funds_line(line: list[Piece]) -> bool:
    """A funds row's label and its one amount alone on a line (a breakdown's last source, 其他资金
    119.12, under lines that print both sides): no wrapped piece of the row above."""
    return len(line) == 2 and _is_figure(line[1].text) and Kind.FUND_ROW in kinds(line[0].text)


def _whole_label(text: str) -> bool:
    """A funds row's label, or a part's printed whole (省级结转): words, not ending on a colon."""
    return _fund_row(text) or (
        not _is_figure(text) and len(text) >= 2 and text[-1] not in ":：" and text != "其中"
    )


def _fund_row(text: str) -> bool:
    """A funds row's label (上年结转资金, 其他资金)."""
    return lookup(text, DEFAULT.fund_rows) is not None


_FORM_TITLE = lazy_compile(r"(?:自评|评价)表\s*(?:[(（]续[)）])?$")


def _form_title(line: list[Piece]) -> bool:
    """The form's title printed again at a page's top, alone on its line."""
    return len(line) == 1 and _FORM_TITLE.search(line[0].text) is not None


def _page_number(line: list[Piece]) -> bool:
    """A page's number on a line of its own, in one piece or two (第 1 页    共 2 页)."""
    return PAGE_NUMBER.match("".join(p.text for p in line).replace(" ", "")) is not None


def _table_end(block: list[list[Piece]], last: int) -> int:
    """Where the lines under the last row stop going on with its cells: at a line opening in
    the first column with words of its own (总分, 偏差大或目标未完成原因分析, 注：…), not a
    category label's piece (指 / 标, 标（10分）)."""
    for i in range(last + 1, len(block)):
        if _opens_own_words(block[i]):
            return i
        if i + 1 < len(block) and _field_text_above(block[i], block[i + 1]):
            return i
    return len(block)


def _opens_own_words(line: list[Piece]) -> bool:
    first = line[0]
    text = first.text
    if first.column == 1 and is_total_word(text):
        return True
    return (
        first.column == 1
        and len(text) > 2
        and label_kind(text) is None
        and not is_weight_note(text)
    )


def _field_text_above(line: list[Piece], below: list[Piece]) -> bool:
    """``line`` one piece of text whose start is that of the text beside the field's label on
    the line below (偏差原因分析 centred on its cell, its text's first line above it): the
    field's first line, no row's."""
    return (
        len(line) == 1
        and line[0].column > 1
        and len(below) >= 2
        and _opens_own_words(below)
        and not is_total_word(below[0].text)
        and abs(below[1].start - line[0].start) <= _SAME_START
    )


def _join_labels(block: list[list[Piece]]) -> None:
    """A category label broken over the lines of its merged cell (产出指 / 标, 服务对象 / 满意度指
    / 标) is one label, whatever rows its pieces stand beside (a row's line between them,
    empty in that column: 可持续影 / … / 响指标): joined into its first piece."""
    for i, line in enumerate(block[1:], start=1):  # 社会效益 / 指标: the tail goes up
        for p in line:
            if p.text in _LABEL_TAILS:
                # in its column, or, alone on its line, drifted a column right of its label
                columns = (p.column, p.column - 1) if len(line) == 1 else (p.column,)
                above = next(
                    (
                        q
                        for c in columns
                        for q in block[i - 1]
                        if q.column == c and q.text and classify_label(q.text + p.text)
                    ),
                    None,
                )
                if above is not None:
                    above.text, p.text = above.text + p.text, ""
    for i, line in enumerate(block):
        for p in line:
            if not p.text or label_kind(p.text) is not None:
                continue
            run = [p]
            skipped = False
            for k in range(i + 1, min(i + _LABEL_LINES + 1, len(block))):
                nxt = next((q for q in block[k] if q.column == p.column), None)
                if nxt is None:
                    if skipped or len(run) > 1:
                        break
                    skipped = True
                    continue
                if "级指标" in nxt.text:
                    break  # the header's 一级指标 under a label above it: a title, not a tail
                run.append(nxt)
                text = "".join(q.text for q in run)
                # across a row's line only a label the form knows (可持续影响指标)
                if (classify_label if skipped else label_kind)(text) is not None:
                    p.text = text
                    for q in run[1:]:
                        q.text = ""  # kept in its place: the column still runs through it
                    break


def _heads_below(q: Piece, above: list[Piece], below: list[Piece]) -> bool:
    """``q`` a 一级 label alone between two rows whose 二级 labels tell it is the row below's
    (效益指标 between 成本指标's row and 社会效益指标's): not the row above's group."""
    if label_kind(q.text) not in (LabelKind.L1, LabelKind.AMBIGUOUS):  # (满意度指标: either)
        return False

    def family(line: list[Piece]) -> str | None:
        return next((f for p in line if (f := family_of_l2(p.text)) is not None), None)

    upper, lower = family(above), family(below)
    return lower == stem(q.text) and upper is not None and upper != lower


def _label_of_row_below(q: Piece, block: list[list[Piece]], above: int, below: int) -> bool:
    """``q``, a category label alone on its line between two rows (its first line cut, 可持续
    影响指 / 标, joined), where the row above has its own label in that column (on its line, or
    on the line right over it: 社会效益指标 重大食品… / 效益指标 | 数 | 0起 …) and the row below
    none: the row below's label, printed over its line."""
    if label_kind(q.text) not in (LabelKind.L2, LabelKind.AMBIGUOUS):
        return False

    def label_at(k: int) -> bool:
        return any(p.column == q.column and label_kind(p.text) is not None for p in block[k])

    return (
        # (an empty piece there: the rest of this label, joined to it)
        not any(p.column == q.column and p.text for p in block[below])
        and (label_at(above) or (above > 0 and label_at(above - 1)))
    )


def _words_over_figure(block: list[list[Piece]], i: int, below: int, column: int) -> bool:
    """Line ``i``'s piece in ``column`` is words (no digit), the row below's own piece there a
    figure, maybe after its sign (≥90%): not one cell (a wrapped cell's lines are of one
    kind)."""
    mine = [p for p in block[i] if p.column == column]
    theirs = [p for p in block[below] if p.column == column]
    return (
        len(mine) == 1
        and len(theirs) == 1
        and not _DIGIT.search(mine[0].text)
        and _is_figure(theirs[0].text.lstrip(COMPARISON_SIGNS))
    )


def _nearest(
    i: int,
    column: int,
    anchors: list[int],
    block: list[list[Piece]],
    top: int,
    filled: bool = False,
) -> int:
    """The anchor line whose row a piece on line ``i`` in ``column`` belongs to: the one its
    column runs on to without a gap, if only one does (a cell wrapped around its row's figures);
    else the nearer, the one above on a tie. A title on a line above ``top`` is the header's:
    no row's cell is centred over it. In a column every row fills (``filled``: the names), a
    row's own line empty there takes the pieces right above and below it."""
    if i in anchors:
        return i
    above = max((a for a in anchors if a < i), default=None)
    below = min((a for a in anchors if a > i), default=None)
    if above is None or below is None:
        return below if above is None else above  # type: ignore[return-value]
    if any(is_total_word(p.text) for p in block[below]):
        return above  # the 总分 row's cells are on its own line: the lines above are a row's
    # a line opening a category (成本指标 | 家庭医生签约服务费) whose label's column the row
    # above already fills with its own goes, whole, with the row below
    if any(_BREAKDOWN_OPENS.match(q.text) for q in block[i]):
        return below  # 按支出性质分:基本支 / 出 | 72356.20 …: a breakdown's label opens its row
    if len(block[i]) == 1 and _label_of_row_below(block[i][0], block, above, below):
        return below
    for q in block[i]:
        if label_kind(q.text) is not None and any(
            r.column == q.column and (label_kind(r.text) is not None or not r.text)
            for r in block[above]
        ):  # (an empty piece: the row above's label's tail, joined to its first line)
            return below
        if len(block[i]) == 1 and _heads_below(q, block[above], block[below]):
            return below

    def holds(k: int) -> bool:
        return 0 <= k < len(block) and any(p.column == column for p in block[k])

    def titled(k: int) -> bool:  # the header's line: its piece in the column is a title
        return k < top and any(p.column == column and _title(p) for p in block[k])

    def labels_only(k: int) -> bool:  # a category label's own line, left of the column
        return all(p.column < column for p in block[k])

    def runs(k: int, a: int | None) -> bool:  # every line from k to anchor a has a piece
        if a is None:
            return False
        lo, hi = sorted((k, a))
        return all(holds(n) for n in range(lo, hi + 1))

    def apart(lo: int, hi: int) -> int:  # lines from lo to hi, a label's own lines not counted
        return sum(not labels_only(n) for n in range(lo + 1, hi + 1))

    def runs_to(a: int) -> bool:
        return runs(i, a)

    # a cell centred on its row's figures with an even count of lines leaves the figures'
    # own line empty in its column, its pieces right above and right below it, unless each
    # of the two is the end of the cell of the row beyond it
    for a in (above, below):
        if abs(i - a) == 1 and not holds(a) and holds(a - 1) and holds(a + 1) and not titled(a - 1):
            beyond = [
                runs(k, max((n for n in anchors if n < k), default=None))
                if k < a
                else runs(k, min((n for n in anchors if n > k), default=None))
                for k in (a - 1, a + 1)
            ]
            if filled or not all(beyond):
                return a
    if filled and above == i - 1 and below == i + 1 and _cell_ended(block, above, i, column):
        return below
    if filled and not holds(below) and not holds(i - 1) and all(holds(k) for k in range(i, below)):
        # a name's lines standing apart from the row above's, run down to the line right above
        # a row whose own line leaves the names' column empty (基本药物零差率销 / 售执行率 over
        # 产出指标 | 质量指标 | (empty) | …物按进价… | = | 100): that row's name
        return below
    if (
        below - i > 1
        and not runs_to(below)
        and _beside_a_cell_below(block, i, above, below, column)
    ):
        return below
    up, down = runs_to(above), runs_to(below)
    if (
        filled
        and up
        and not down
        and holds(above)
        and not holds(below)
        and (not holds(below + 1) or below + 1 in anchors)
        and _opens_name(block, i, column, anchors, top, below)
    ):
        return below
    if up != down:
        return above if up else below
    if up and _words_over_figure(block, i, below, column):
        return above  # a figure's cell has no words over it: 2023年 / 12月底 / 前完工 above 1200
    # in a column every row fills, a blank line parts two rows: a piece right above it ends
    # the row above (…机收面积增加 / ，明显改善 / (blank) / the next row's figures)
    gap_above, gap_below = _blank_between(block, above, i), _blank_between(block, i, below)
    if filled and gap_above != gap_below:
        return above if gap_below else below
    # the end of the sentence the lines above began (…随访未能覆盖；下一步 / 联合村医开展电话
    # 随访。), not the head of the row below's
    if (
        up
        and _ends_sentence(block, i, column)
        and not _ends_sentence(block, i - 1, column)
        and (i - 1 == above or _nearest(i - 1, column, anchors, block, top, filled) == above)
    ):
        return above
    if apart(above, i) != apart(i, below):
        return above if apart(above, i) < apart(i, below) else below
    # a tie, in a column every row fills: the row below when the line above ends as a name
    # ends and the piece does not (送戏下乡演出场次 ≥200场 … / 举办县级以上 / 体育赛事场次 ≥12场
    # …: it opens the name below); else the row above (…小型水利 ≥35座 … / 设施)
    if filled or (holds(above) and holds(below)):
        before = [p.text for p in block[i - 1] if p.column == column]
        mine = [p.text for p in block[i] if p.column == column]
        if (
            before
            and _NAME_END.search(before[-1])
            # (nor a name's measure word: …签约服务长 / 效机制, 长效机制 the name above's end)
            and not any(_NAME_END.search(t) or name_rest_word(t) for t in mine)
        ):
            return below
    return above


def _blank_between(block: list[list[Piece]], lo: int, hi: int) -> bool:
    """A blank line printed between block lines ``lo`` and ``hi`` (the block leaves it out)."""
    return any(block[k + 1][0].line - block[k][0].line > 1 for k in range(lo, hi))


def _beside_a_cell_below(
    block: list[list[Piece]], i: int, above: int, below: int, column: int
) -> bool:
    """Line ``i`` opens another column's cell that runs on, line by line, to the row below's
    line and not up to the row above's (项目区受益农户数 beside 部分农户承包地调整后未纳入 …,
    the explanation running down to ≥7000户 | 6850户 | 10 | 9.79): the line is that row's."""

    def holds(k: int, c: int) -> bool:
        return any(p.column == c for p in block[k])

    for q in block[i]:
        if q.column == column:
            continue
        down = all(holds(k, q.column) for k in range(i + 1, below + 1))
        if down and not all(holds(k, q.column) for k in range(above, i)):
            return True
    return False


_SHORTER = 4  # display columns: a line this much short of the column's full ones ends its cell


def _cell_ended(block: list[list[Piece]], above: int, i: int, column: int) -> bool:
    """Right under the row above's line, whose piece in ``column`` is short of the column's
    full lines, a full line: wrapped text fills every line of a cell but its last, so the cell
    above ended there and line ``i`` opens the next (…日常养护里 / 程 ≥ 1260 … / 危桥改造（含加固）
    / 座数 ≥ 6 …, each row's figures on its name's last line)."""
    theirs = [p for p in block[above] if p.column == column]
    mine = [p for p in block[i] if p.column == column]
    if not theirs or not mine:
        return False
    full = max(p.end - p.start for line in block for p in line if p.column == column)
    last, first = theirs[-1], mine[0]
    return last.end - last.start <= full - _SHORTER and first.end - first.start >= full - 1


def _opens_name(
    block: list[list[Piece]], i: int, column: int, anchors: list[int], top: int, below: int
) -> bool:
    """Line ``i`` in a names' column opens, or goes on with, the name of the row ``below``,
    whose figures' line leaves that column empty (65岁及以上老年 / 人健康管理率 over ≥65% …):
    the line before it ended the name of the row above (…划疫苗接种率), or is itself the
    opening of the name below and did not end it."""
    before = [p.text for p in block[i - 1] if p.column == column]
    if not before:
        return False
    if _NAME_END.search(before[-1]):
        return i - 1 in anchors or _nearest(i - 1, column, anchors, block, top, True) != below
    return i - 1 not in anchors and _nearest(i - 1, column, anchors, block, top, True) == below


def _ends_sentence(block: list[list[Piece]], k: int, column: int) -> bool:
    """Line ``k``'s piece in ``column`` ends a sentence (…电话随访。)."""
    texts = [p.text for p in block[k] if p.column == column]
    return bool(texts) and texts[-1].endswith(("。", "！", "!"))


# How an indicator's name ends (…合格率, …场次, …满意度, …面积, …时限, …成本, …水平).
_NAME_END = lazy_compile(r"[率数量次度额积长间限本况性平值比例价费准][)）]?$")


def _line_row(line: list[Piece]) -> _Row:
    """A line of its own; pieces that fall in one column (a key and its value printed beside
    columns they do not belong to) keep their order instead."""
    row = _Row(line=line[0].line)
    if len({p.column for p in line}) < len(line):
        for k, p in enumerate(line, start=1):
            p.column = k
    for p in line:
        row.add(p)
    return row


def _to_row(r: _Row) -> Row | None:
    cells: list[Cell] = []
    for column in sorted(r.cells):
        pieces = sorted((p for p in r.cells[column] if p.text), key=lambda p: (p.line, p.start))
        if not pieces:
            continue
        if (
            len(pieces) > 1
            and len({p.line for p in pieces}) == 1
            and all(_is_figure(p.text) for p in pieces)
        ):
            # figures a run of spaces parts on one line, in one column (总分 … 100   99.68
            # printed right of the header's columns): each a cell, never one run-together figure
            cells.extend(
                Cell(p.text, p.line, column, p.text, where={"line": p.line}) for p in pieces
            )
            continue
        raw = "\n".join(p.text for p in pieces)
        text = clean_cell("".join(clean_cell(p.text) for p in pieces))
        if text:
            where = {"line": pieces[0].line}
            cells.append(Cell(text, pieces[0].line, column, raw, where=where))
    if not cells:
        return None
    return Row(cells=cells, line=min(c.line for c in cells), page_break_before=r.page_break)
