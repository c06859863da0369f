"""Tab rows whose long cells broke them over lines: a table saved as plain text by a word
processor (a cell of several paragraphs), or a PDF tool's tab text cutting each long cell at
its column's width.

Word's "save as plain text" writes a table's row as its cells joined by tabs and ends a
paragraph inside a cell with a line break: the cell's next paragraphs follow on lines of their
own, and the row's next cells after a tab on its last paragraph's line::

    <tab><tab>质量指标<tab>水质检测合格率<tab>≥95%<tab>92%<tab>10<tab>10<tab>汛期强降雨导致…
    改进措施：加装过滤消毒设备，汛期加密抽检。
    <tab><tab><tab>维修工程验收合格率<tab>100%<tab>…

A row goes on over the lines after it while its last cell is open (narrative: text, no
figure, no label of the form's) and each line after it is consecutive and opens in its first
column: either a line of one piece that is no label (a paragraph may open with a label's
words, 改进措施：…), taken when a row of cells follows it (a line of text alone before a blank
line or the end is no cell's), or a line going on with the row's next cells that opens with
no label's words, the row then no wider than the widest row read before (its header). A
long cell of words among the rows (no sentence's mark where a width cut it) is open as well.
This joins what ``layouts._tab_rows_rejoined`` leaves: that one joins the end of a label cut
in its cell (服务对象满意 / 度指标) before this one runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reviewer.grid import Cell, Row
from reviewer.ingest.rebuild.anchors import Kind, header_key, kinds, label_goes_on
from reviewer.lazyre import lazy_compile
from reviewer.parse.labels import label_kind

_SENTENCE_END = lazy_compile(r"[。；;：:，,、]$")
_CLAUSE_MARK = lazy_compile(r"[。；;，,]")
_CLAUSES_CHARS = 16  # a cell of clauses this long is narrative where it was cut
_FIGURE_ONLY = lazy_compile(r"^[\d.,%％\s—-]+$")
_LABELLED = lazy_compile(r"^[^：:]{2,14}[：:].{2,}")  # a label, its colon, then text of its own
_WHOLE_LINE = frozenset({Kind.TITLE, Kind.NOTE, Kind.SITE})  # a line of its own, however long
_ROW_CELLS = 3
_CUT_CHARS = 14  # a cell this long, cut at a page's width, may go on without a sentence's mark
_MIN_WIDTH = 4  # columns the widest row must have before a row may go on with cells


def paragraphs_rejoined(rows: Iterable[Row]) -> Iterator[Row]:
    """``rows`` with a cell's paragraphs on lines of their own joined back to their cell."""
    held: Row | None = None
    pending: list[Row] = []  # lines of one piece after ``held``, awaiting a row of cells
    width = 0
    for row in rows:
        last = pending[-1] if pending else held
        if (
            held is not None
            and last is not None
            and _next_to(last, row)
            and (
                pending
                or _is_open(held)
                or _is_long(held, row)
                or _cut_short(held, row, width)
                or _label_goes_on(held, row)
            )
        ):
            first = row.cells[0]
            if first.column == 1 and len(row.cells) == 1 and not _is_label(first.text):
                pending.append(row)  # a paragraph, even one opening with a label's words
                continue
            if (
                len(row.cells) == 1
                and 1 < first.column < held.cells[-1].column
                and not pending
                and _is_open(held)
                and _CLAUSE_MARK.search(first.text) is not None
                and not _is_label(first.text)
            ):
                # clauses alone on a line, indented less than the open cell above (…延后施工，
                # / \t剩余0.12万亩已纳入2021年续建计划，汛后开工): its rest, no name of a row
                pending.append(row)
                continue
            if _label_goes_on(held, row) and not pending:
                held = _joined(held, [], row)  # a header label of two paragraphs (单项指标 /
                continue  # 实际完成值 | 单项指标 …): one label, the header's row goes on
            if (
                first.column == 1
                and not _labelled(first.text)
                and width >= _MIN_WIDTH
                and _fits(held, row, width + (not pending and _is_long(held, row)))
            ):
                held = _joined(held, pending, row)
                pending = []
                continue
            if len(row.cells) > 1 and pending:
                held = _joined(held, pending, None)  # a row of cells follows the pieces
                pending = []
        if held is not None:
            yield held
        yield from pending
        pending = []
        if len(row.cells) > 1:
            width = max(width, row.cells[-1].column)
        held = row
    if held is not None:
        yield held
    yield from pending


def _next_to(above: Row, row: Row) -> bool:
    if not row.cells or row.page_break_before:
        return False  # (the cheap tests first: this runs for every row)
    last_line = max([c.line for c in above.cells]) if above.cells else above.line
    return row.line == last_line + 1


def _is_open(row: Row) -> bool:
    """Whether the row's last cell may go on: narrative in a column after the first, a
    sentence (its paragraph ended) or clauses (cut at a width); a name or a label is neither."""
    if not row.cells or row.cells[-1].column < 2:
        return False
    text = row.cells[-1].text
    # a sentence, or a long cell of clauses a page's width cut (…是否依据充分,是否符合客观实):
    # the cheap tests first, this runs for nearly every row
    narrative = _SENTENCE_END.search(text) is not None or (
        len(text) >= _CLAUSES_CHARS and _CLAUSE_MARK.search(text) is not None
    )
    return narrative and not _FIGURE_ONLY.match(text) and not _is_label(text)


def _labelled(text: str) -> bool:
    """A label of the form's, or text opening with one (项目负责人:张三 | 财务负责人:…): a row
    of its own before more cells, whatever a paragraph alone may open with."""
    return bool(kinds(text)) or label_kind(text) is not None


def _is_long(held: Row, row: Row) -> bool:
    """A long cell of words (no sentence's end) a page's width cut: the line after it may hold
    its rest (全年为5.46万名65岁及以上老年人 / 提供健康管理服务，…, when a row of cells follows;
    经县乡两级验收合格的改造户厕数占 / 改造总数的比例 | >= | 95 …, when the row stays no wider
    than its header)."""
    text = held.cells[-1].text if held.cells else ""
    return (
        held.cells[-1].column >= 2
        and len(text) >= _CUT_CHARS
        and not _FIGURE_ONLY.match(text)
        and not _labelled(text)
        and (len(row.cells) == 1 or _among_rows(held))
    )


def _label_goes_on(held: Row, row: Row) -> bool:
    """A header's last cell a label's first paragraph, the line after it opening with the
    rest (单项指标 / 实际完成值): together one of the form's column labels."""
    head, tail = held.cells[-1].text, row.cells[0].text
    return (
        row.cells[0].column == 1
        and len(head) <= _LABEL_PIECE  # (the cheap tests first: this runs for most rows)
        and len(tail) <= _LABEL_PIECE
        and len(held.cells) >= _ROW_CELLS
        and label_goes_on(head, tail)
    )


_LABEL_PIECE = 8  # characters, at most, of a header label's paragraph (单项指标, 实际完成值)


def _cut_short(held: Row, row: Row, width: int) -> bool:
    """A row of the indicators' stopping at a short cell of words (a name of two paragraphs:
    …农村常住居民人均可支配 / 收入增长率 | ≥7% | 8.1% | 15 | 15), the line after it the
    rest of that cell, then the row's next cells: together no wider than the header."""
    last = held.cells[-1]
    if width < _MIN_WIDTH or len(row.cells) < _ROW_CELLS or last.column < _ROW_CELLS:
        return False
    return (
        _NAME_REST.match(row.cells[0].text) is not None  # (the cheap tests first)
        and _fits(held, row, width)
        and not _LABEL_COLON.search(last.text)  # 按支出性质分：9004.52, a labelled amount
        and not _FIGURE_ONLY.match(last.text)
        # an indicator row: under the section's merged label, or opening a category
        and (held.cells[0].column >= 2 or label_kind(held.cells[0].text) is not None)
        and not any(header_key(c.text) for c in held.cells)
        and not _is_label(last.text)
        and not _labelled(row.cells[0].text)
    )


_LABEL_COLON = lazy_compile(r"[：:]")
_NAME_REST = lazy_compile(r"^[\u4e00-\u9fff（）()]{2,}$")  # 收入增长率; not 2、 nor 填表人：


def _among_rows(held: Row) -> bool:
    """A row of the indicators' or a rubric's (three cells or more, none a key of the form's
    head): a key's value (项目实施单位 | 昌宁县昌龙鸿运牧业专业合作社) or a head's line (项目类别
    | 1、部门预算项目□…) is whole, the line after it a row of its own."""
    return len(held.cells) >= _ROW_CELLS and not any(header_key(c.text) for c in held.cells)


def _is_label(text: str) -> bool:
    """A label of the form's (a title, a key, a column's, a sign-off), not a paragraph opening
    with one's words (改进措施：加强政策宣传…)."""
    found = kinds(text)
    if found & _WHOLE_LINE:
        return True
    return (bool(found) and not _LABELLED.match(text)) or label_kind(text) is not None


def _fits(held: Row, row: Row, width: int) -> bool:
    """``held`` and ``row`` joined no wider than ``width``: a cell cut at a page's width may
    run a column past the header read before it, whose label over two columns (预期指标值 over
    its sign and its value) was printed once."""
    shift = held.cells[-1].column - 1
    return row.cells[-1].column + shift <= width


def _joined(held: Row, pending: list[Row], row: Row | None) -> Row:
    """``held`` with the pieces and the first cell of ``row`` added to its last cell, and the
    rest of ``row``'s cells after it."""
    last = held.cells[-1]
    pieces = [p.cells[0] for p in pending] + ([row.cells[0]] if row is not None else [])
    text = last.text + "".join(c.text for c in pieces)
    raw = last.raw
    for c in pieces:
        # a paragraph after a sentence's end; a cell's rest cut at a width (…及时率1 / 00%)
        # goes on without a break
        raw += ("\n" if _SENTENCE_END.search(raw.rstrip()) else "") + c.raw
    cell = Cell(text, last.line, last.column, raw, where=last.where)
    cells = [*held.cells[:-1], cell]
    if row is not None:
        shift = last.column - 1
        for c in row.cells[1:]:
            c.column += shift
            cells.append(c)
    return Row(cells, held.line, held.page_break_before)
