"""Text whose cells a typed mark parts: a table retyped into a chat, a forum post or an e-mail
(``产出指标/数量指标/签约人数/≥42000人/45360人/10``, ``年度资金总额、5,000,000.00、…``).

A typist who has no tab key to hand parts the cells with a mark of one kind, the same on every
row. The mark is told by the form's labels: several lines open with a label the forms print
and the mark right after it. Lines are then cut at that mark, except where it belongs to the
text: inside brackets (执行率(B/A)), between a figure's unit and the unit it is counted per
(7650元/公里·年), in a date (2023/12/31), and after a text field's label, whose text (a goal,
an explanation) is cut from its label once and kept whole. Some typists use two marks (、 and
；), each then parts cells.

What a mail client or a chat does to the lines is undone first: the quote marks of a forwarded
mail (``> ``) are taken off, lines it broke at a fixed width are joined again, and a line that
is a mark only, or opens with one, goes on the line above (a row's cells wrapped).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence

from reviewer.grid import Cell, Row
from reviewer.lazyre import lazy_compile
from reviewer.textnorm import clean_cell, unquoted

# The marks typists part cells with; a comma is not among them (prose is full of commas).
MARKS = ("/", "／", "、", "；", ";", "｜", "——", "—")
_MIN_LINES = 4  # lines that open with a label and the mark, three cells or more
_MIN_OTHER = 2  # lines so for a second mark
_MIN_SHARE = 0.2  # of the non-empty lines
_OPEN = "(（[【《"
_CLOSE = ")）]】》"
# A unit a figure is counted per (元/公里, 人/次): after "/" it stays with the figure.
_PER_UNITS = frozenset(
    {
        *("年", "月", "日", "天", "小时", "周", "人", "人次", "户", "次", "台", "套", "件"),
        *("个", "辆", "头", "只", "床", "所", "家", "公里", "千米", "米", "平方米", "亩"),
        *("吨", "km", "kg"),
    }
)
_SPACED_SLASH = " / "
_SPACED_MARKS = 2
_SPACES = lazy_compile(r"[ \u3000\xa0]{2,}")  # two cells a typist spaced apart on one line
_FIGURE_WITH_UNIT = lazy_compile(r"\d\s*[^\d\s/、；;]{1,4}$")
_DATE = lazy_compile(r"(?<!\d)(?:19|20)\d{2}/\d{1,2}(?:/\d{1,2})?(?![\d.%])")
# A label and a colon before the marked cells (年度资金总额：300/280/276.4), or a label with the
# columns in brackets after it (绩效指标（二级指标/三级指标/年度指标值/…）).
_COLON = lazy_compile(r"[:：]")
_BRACKETED = lazy_compile(r"^([^(（]{2,16})[(（](.+)[)）]\s*[:：]?$")
_LABEL_IN_BRACKETS = lazy_compile(r"^([^(（]{2,16})[(（]([^()（）]{2,16})[)）]$")


def _pieces(line: str, marks: tuple[str, ...]) -> list[str]:
    """``line`` cut at any of ``marks`` outside brackets and dates; a line whose slashes part
    its cells with spaces around them (a / b / c) is cut at those alone (8000元/场 stays)."""
    if "/" in marks and line.count(_SPACED_SLASH) >= _SPACED_MARKS:
        marks = tuple(_SPACED_SLASH if m == "/" else m for m in marks)
    protected = {m.start() + i for m in _DATE.finditer(line) for i in range(len(m.group()))}
    pieces: list[str] = []
    depth = 0
    start = i = 0
    while i < len(line):
        ch = line[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif not depth and i not in protected:
            mark = next((m for m in marks if line.startswith(m, i)), None)
            if mark is not None:
                pieces.append(line[start:i])
                i = start = i + len(mark)
                continue
        i += 1
    pieces.append(line[start:])
    return pieces


def _units_rejoined(pieces: list[str]) -> list[str]:
    """A unit counted per (公里·年 after 7650元) joined back to its figure."""
    out: list[str] = []
    for p in pieces:
        per = p.strip()
        if out and _FIGURE_WITH_UNIT.search(out[-1]) and per.split("·")[0] in _PER_UNITS:
            out[-1] += "/" + p
        else:
            out.append(p)
    return out


def _opens_with_label(piece: str) -> bool:
    from reviewer.ingest.rebuild.anchors import is_any_label

    return is_any_label(piece.strip())


def _text_label(piece: str) -> bool:
    """A label whose cell is a text (预期目标, 实际完成情况, 偏差原因分析…): cut from it once."""
    from reviewer.ingest.rebuild.anchors import Kind, kinds

    return bool(kinds(piece.strip()) & {Kind.GOAL, Kind.FIELD})


def typed_marks(nonempty: Sequence[str]) -> tuple[str, ...]:
    """The marks that part the cells of these lines, or none: the one after which most lines
    open with a form's label (at least ``_MIN_LINES`` and a fifth of the lines) in three
    cells or more, and any other after which two lines do so."""
    counts: list[tuple[int, str]] = []
    for mark in MARKS:
        n = 0
        for s in nonempty:
            if mark not in s or "\t" in s or "|" in s:
                continue
            pieces = _pieces(unquoted(s).strip(), (mark,))
            # a label alone before the mark: 年度资金总额：年初预算数180万元；… is a keyed line;
            # a label and its colon before figures the mark parts (年度资金总额：4800／5200／…)
            # is a row of them
            if len(pieces) >= 3 and (
                (not _COLON.search(pieces[0]) and _opens_with_label(pieces[0]))
                or _labelled_figures(pieces)
                or _labelled_cells(pieces)
            ):
                n += 1
        if n:
            counts.append((n, mark))
    counts.sort(reverse=True)
    if not counts or counts[0][0] < max(_MIN_LINES, _MIN_SHARE * len(nonempty)):
        return ()
    # the longest first: —— is one mark, not two —
    return tuple(sorted((mark for n, mark in counts if n >= _MIN_OTHER), key=len, reverse=True))


_FIGURE_CELL = lazy_compile(r"^\s*(?:[-+]?\d[\d,]*(?:\.\d+)?%?|[—–-]+|/)\s*$")


def _labelled_figures(pieces: list[str]) -> bool:
    """A row label and its colon, then figures (or dashes) a mark parts: 年度资金总额：4800 |
    5200 | 5096 | 10 | 98.00% | 9.8."""
    label, colon, first = (
        pieces[0].rpartition("：") if "：" in pieces[0] else pieces[0].rpartition(":")
    )
    return (
        bool(colon)
        and _opens_with_label(label)
        and all(_FIGURE_CELL.match(p) for p in (first, *pieces[1:]))
    )


def _labelled_cells(pieces: list[str]) -> bool:
    """A category's label and its colon, then a row's cells the mark parts, its points last:
    数量指标：新建高标准农田面积 | ≥3.8万亩 | 3.82万亩 | 15 | 15."""
    from reviewer.parse.labels import label_kind

    label, colon, _ = pieces[0].partition("：") if "：" in pieces[0] else pieces[0].partition(":")
    return (
        bool(colon)
        and len(pieces) >= 4
        and label_kind(label.strip()) is not None
        and _FIGURE_CELL.match(pieces[-1]) is not None
    )


_HEADING = lazy_compile(r"【[^【】]{2,12}】")


def _label_apart(body: str, marks: tuple[str, ...]) -> tuple[list[str], str]:
    """The label printed before the marked cells with a colon set apart as a piece of its own
    (``body`` whole otherwise); and the block's title a header prints its columns in brackets
    after (绩效指标（一级指标/二级指标/…）): the columns are the pieces, the title ``""``
    otherwise. The title takes no column (the rows below print none under it): it stays in the
    first column's raw text."""
    first = _pieces(body, marks)[0]
    colons = list(_COLON.finditer(first))
    if colons and len(first) < len(body):  # the label before the last colon of the first cell
        at = colons[-1]
        label = first[: at.start()]
        rest = body[at.end() :]
        if _keyed_whole(label, rest):
            return [label, rest.strip()], ""  # 资金使用单位：各乡镇卫生院、社区卫生服务中心
        if _opens_with_label(label):
            return [label, *_pieces(rest, marks)], ""
        both = _LABEL_IN_BRACKETS.match(label)
        if both and _opens_with_label(both.group(1)) and _opens_with_label(both.group(2)):
            # 年度总体目标（预期目标）：… — the block's label and the field's, then the text
            return [both.group(1), both.group(2), *_pieces(rest, marks)], ""
    bracketed = _BRACKETED.match(body)
    if (
        bracketed
        and any(m in bracketed.group(2) for m in marks)
        and _opens_with_label(bracketed.group(1))
    ):
        inner = [_SHORT_LEVELS.get(p.strip(), p) for p in _pieces(bracketed.group(2), marks)]
        if sum(_opens_with_label(p) for p in inner) >= len(inner) / 2:
            return inner, body[: bracketed.start(2)]
    return _pieces(body, marks), ""


def _keyed_whole(label: str, value: str) -> bool:
    """A subject's key and its colon, then one value and no other key (资金使用单位：各乡镇
    卫生院、社区卫生服务中心): the value a name, whatever marks it holds."""
    from reviewer.ingest.rebuild.anchors import Kind, kinds

    return kinds(label.strip()) == {Kind.KEY} and not _COLON.search(value)


# The levels a typist names short in the block's title (绩效指标（一级／二级／三级／…）).
_SHORT_LEVELS = {"一级": "一级指标", "二级": "二级指标", "三级": "三级指标"}


def _total_apart(piece: str) -> list[str]:
    """A total's label and its figure typed with a colon (总分：100分): two cells."""
    from reviewer.parse.labels import labelled_total

    parts = labelled_total(piece)
    return [piece] if parts is None else list(parts)


def split_marked(line: str, number: int, marks: tuple[str, ...]) -> list[Cell]:
    """A line cut into cells at ``marks`` (see the module's doc); empty cells are dropped and
    a cell's column is its position among the line's pieces. A pipe row among the lines (the
    funds block pasted as a table above indicators typed as a list) is cut at its pipes."""
    from reviewer.ingest.layouts import split_piped

    piped = split_piped(line, number)
    if piped is not None:
        return piped
    pieces, title = _label_apart(line.strip(), marks)
    # the text after the last label of the line's leading labels (年度总体目标 / 预期目标 / …)
    labels = next((k for k, p in enumerate(pieces) if not _text_label(p)), len(pieces))
    if len(pieces) > labels + 1 and labels:
        rest_text = line.strip()
        for p in pieces[:labels]:
            rest_text = rest_text[rest_text.index(p) + len(p) :]
        rest_text = rest_text.lstrip(" \u3000)）:：")  # (the label's bracket and colon)
        mark = next((m for m in marks if rest_text.startswith(m)), "")
        pieces = [*pieces[:labels], rest_text[len(mark) :]]
    elif "/" in marks or "／" in marks:
        pieces = _units_rejoined(pieces)
    pieces = [s for p in pieces for s in _SPACES.split(p)]
    if pieces and len(_total_apart(pieces[0])) == 2:  # 总分：100分  自评得分：96.21分
        pieces = [q for p in pieces for q in _total_apart(p)]
    cells: list[Cell] = []
    for col, raw in enumerate(pieces, start=1):
        text = clean_cell(raw)
        if _HEADING.fullmatch(text):  # 【产出指标】: a category's heading, its label
            text = text[1:-1].strip()
        if text:
            cells.append(Cell(text, number, col, title + raw if col == 1 else raw))
    return cells


_SAMPLE = 200  # lines the marks are told from
_WRAP_MIN = 30  # characters of a line a mail client broke at its width
_WRAPPED_LINES = 4
_MAX_JOINED = 2000  # characters: a row of the form is far shorter


def _wrap_width(nonempty: Sequence[str]) -> int | None:
    """The width a mail client broke these lines at: the length most long lines share."""
    lengths = [len(s) for s in nonempty if len(s) >= _WRAP_MIN]
    if not lengths:
        return None
    width, n = max(((k, lengths.count(k)) for k in set(lengths)), key=lambda kn: (kn[1], kn[0]))
    return width if n >= _WRAPPED_LINES and n >= 0.25 * len(lengths) else None


def _column_label(text: str) -> bool:
    from reviewer.ingest.rebuild.anchors import Kind, kinds

    return Kind.COLUMN in kinds(text.strip())


def _unwrapped(
    numbered: Iterable[tuple[int, str]], marks: tuple[str, ...], width: int | None
) -> Iterator[tuple[int, str]]:
    """Lines as typed: a line the client broke at ``width`` goes on with the next (unless
    the next opens a row with a label); a line that is a mark only or opens with one, or a
    header's label wrapped after its row's last mark, goes on the line above. A line joined
    so stops growing at ``_MAX_JOINED`` characters (a text of lines all one width)."""
    held: tuple[int, str] | None = None
    for number, raw in numbered:
        line = unquoted(raw.rstrip("\r\n"))
        if held is not None:
            h_number, h_line = held
            goes_on = (
                line.strip()
                and len(h_line) < _MAX_JOINED
                and (
                    (
                        width is not None
                        and len(h_line) == width
                        and not _opens_with_label(_pieces(line.strip(), marks)[0])  # a new row
                    )
                    or (line.lstrip().startswith(marks) and not _empty_first(line, marks))
                    or (h_line.rstrip().endswith(marks) and _column_label(line))
                )
            )
            if goes_on:
                held = (h_number, h_line + line.strip())
                continue
            yield held
        held = (number, line)
    if held is not None:
        yield held


def _empty_first(line: str, marks: tuple[str, ...]) -> bool:
    """A row whose first cell is empty: its mark first, then a label of the form ( / 实际完成
    情况 / …), not the rest of the line above."""
    body = line.strip()
    mark = next((m for m in marks if body.startswith(m)), "")
    rest = _pieces(body[len(mark) :].strip(), marks)
    return len(rest) > 1 and _opens_with_label(rest[0])


def marked_rows(lines: Iterable[str]) -> Iterator[Row]:
    """Rows of a text whose cells typed marks part, the marks told from its first lines."""
    from reviewer.ingest.layouts import rows_from_numbered

    it = iter(lines)
    sample = list(itertools.islice(it, _SAMPLE))
    nonempty = [unquoted(s.rstrip("\r\n")) for s in sample if s.strip()]
    marks = typed_marks(nonempty) or MARKS[:1]
    numbered = _unwrapped(
        enumerate(itertools.chain(sample, it), start=1), marks, _wrap_width(nonempty)
    )
    rows = rows_from_numbered(numbered, lambda line, number: split_marked(line, number, marks))
    return _amounts_labelled(rows)


# A funds column's label and its amount in one cell (年初预算数320.00, 执行率98.00%).
_LABELLED_AMOUNT = lazy_compile(r"^([^\d\s:：]{2,12}?)\s*[:：]?\s*([-+]?\d[\d,]*(?:\.\d+)?%?)$")
_AMOUNTS_LABELLED = 3  # labelled amounts, at least, of a funds row typed so


def _amounts_labelled(rows: Iterable[Row]) -> Iterator[Row]:
    """A funds row typed with each amount after its column's label (年度资金总额：年初预算数
    320.00、全年预算数320.00、全年执行数313.60、分值10、…): the block's header, its labels (the
    cells' printed text), then the row with its amounts, so that the rows typed after it with
    amounts alone (当年财政拨款：320.00、320.00、313.60) read under the same columns."""
    from reviewer.ingest.rebuild.anchors import Kind, kinds

    for row in rows:
        cells = row.cells
        pairs = [_LABELLED_AMOUNT.match(c.text) for c in cells[1:]]
        if (
            len(pairs) < _AMOUNTS_LABELLED
            or Kind.FUND_ROW not in kinds(cells[0].text)
            or not all(m is not None and Kind.FUND_COLUMN in kinds(m.group(1)) for m in pairs)
        ):
            yield row
            continue
        placed = [(c, m) for c, m in zip(cells[1:], pairs, strict=True) if m is not None]
        labels = [Cell(m.group(1), c.line, c.column, c.raw) for c, m in placed]
        amounts = [Cell(m.group(2), c.line, c.column, c.raw) for c, m in placed]
        yield Row(labels, row.line, row.page_break_before)
        yield Row([cells[0], *amounts], row.line)
