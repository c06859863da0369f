"""Indicators written as list items, not as table rows: a form typed into a chat, a mail or a
forum, each indicator a numbered line of its values after their columns' names.

    （一）产出指标
    数量指标：
    1. 新建高标准农田面积——指标值：≥2.5万亩；实际完成值：2.5万亩；分值：10；得分：10；偏差原因分析及改进措施：无
    1.数量指标——职业技能培训人次：目标≥2000人次，完成2136人次，分值15分，得分15分
    1.一级指标：产出指标；二级指标：数量指标；三级指标：…；年度指标值：=2个；实际完成值：2个；…

Such a line is rewritten as the row the form prints: its label pieces, its name and its values,
each a piece of the line (quoted where it is printed), in the columns of an indicator header
put before the first item of a run. The header's cells are the form's labels (the list prints
them, or some of them, inside each item); they are layout, not content. The category headings
between the items (（一）产出指标, 数量指标：) are held back until the header is put, so that
they label the rows under them as a table's category cells do. A 总分 line typed the same way
(总分：100；自评得分：99) is cut into its labels and figures.

The same is done where such a form writes the rest so: an item a field a line (（1）新建改造
农村供水工程 / 年度指标值：≥25处 / 实际完成值：27处 / …); the funds block a row a line, each figure
after its column's name (年度资金总额：年初预算数1,850.00；全年预算数2,120.00；…); the 20/80
form's funds a column a line (预算数（A）：486.00万元 / 执行数（B）：371.79万元 / …). A run of
lines read as one row's cells (the lines layout) is taken line by line where it holds these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from reviewer.forms.families import DEFAULT
from reviewer.forms.vocabulary import lookup, lookup_slipped
from reviewer.grid import Cell, Row
from reviewer.lazyre import lazy_compile
from reviewer.parse import labels as lb
from reviewer.textnorm import without_enumeration

# The columns of the header put before the items, in the form's order, named in words that
# no family's signature holds (the family is told by what the document prints).
_COLUMNS = (
    ("l1", "一级指标"),
    ("l2", "二级指标"),
    ("name", "三级指标"),
    ("target", "指标值"),
    ("actual", "完成值"),
    ("weight", "分值"),
    ("score", "得分"),
    ("explanation", "偏差原因"),
)
_COLUMN_OF = {role: k for k, (role, _) in enumerate(_COLUMNS, start=1)}
# The words a list names the columns by, besides the form's own labels.
_LIST_KEYS = (
    ("年初目标值", "target"),
    ("年度指标值", "target"),
    ("年度目标值", "target"),
    ("指标值", "target"),
    ("目标值", "target"),
    ("年度目标", "target"),
    ("目标", "target"),
    ("实际完成值", "actual"),
    ("实际值", "actual"),
    ("完成值", "actual"),
    ("实际完成", "actual"),
    ("完成", "actual"),
    ("权重", "weight"),
    ("分值", "weight"),
    ("自评得分", "score"),
    ("得分", "score"),
    ("偏差原因", "explanation"),
    ("偏差说明", "explanation"),
    ("原因", "explanation"),
)
_NUMBER = lazy_compile(r"^\s*(?:\d{1,2}\s*[.、．]|[（(]\s*\d{1,2}\s*[)）]|[①-⑳])\s*")
_SEGMENTS = lazy_compile(r"[；;，]|,(?!\d{3})")  # not a thousands separator (1,968场)
_SEPARATED = lazy_compile(f"({_SEGMENTS.pattern})")
_KEYED = lazy_compile(r"^\s*([^:：]{1,40}?)\s*[:：]\s*(.*)$")
_DASHES = lazy_compile(r"—{1,2}|--|(?<!\d)-(?!\d)")  # not a range (0-6岁, 4-10月)
# A value typed straight after its key (目标≥2000人次, 实际完成值（B）1268次, 分值15分), the
# longest key first; not a word that goes on (完成率, 目标任务).
_GLUED_KEY = lazy_compile(
    r"^("
    + "|".join(sorted((k for k, _ in _LIST_KEYS), key=len, reverse=True))
    + r")(?:[(（][A-Za-z][)）])?(?=[^率任情况：:])"
)
_WEAK_KEYS = frozenset({"目标", "完成", "实际完成", "原因", "得分"})
_FIGURE_START = lazy_compile(r"^\s*[≥≤=＝<>≧≦\d]")
_VALUE_ROLES = ("target", "actual", "weight", "score")
_MIN_VALUES = 3  # of the four: fewer is a sentence, not an item
_TOTAL = lazy_compile(r"^(总分|合计|总计)\s*[:：]\s*(.+)$")


def _role(key: str) -> str | None:
    """The column a list's key names: the form's own label or a list's word for it."""
    key = key.strip()
    role = lookup(key, DEFAULT.indicator_columns)
    if role in _COLUMN_OF:
        return role
    listed = next((r for k, r in _LIST_KEYS if k == key), None)
    if listed is None:  # typed with one character wrong (实际完成直)
        slipped = lookup_slipped(key, DEFAULT.indicator_columns)
        listed = slipped if slipped in _COLUMN_OF else None
    return listed


def _item(cell: Cell, text: str) -> dict[str, Cell] | None:
    """The columns of a list item, each a piece of ``cell``; None when ``text`` is not one."""
    body = _NUMBER.sub("", text, count=1)
    found: dict[str, Cell] = {}
    lead: list[str] = []  # what comes before the first keyed piece: labels and the name
    parts = _SEPARATED.split(body)  # segments, each after the separator before it
    for segment, separator in zip(parts[::2], ["", *parts[1::2]], strict=True):
        segment = segment.strip().rstrip("。")
        if not segment:
            continue
        if not found:
            # 新建高标准农田面积——指标值：≥2.5万亩 / 数量指标——职业技能培训人次：目标≥2000人次 /
            # 数量指标-培训人次：目标≥500人次: the dashes before the key's colon part labels
            head, colon, tail = (
                segment.partition("：") if "：" in segment else segment.partition(":")
            )
            *before, last = [p for p in _DASHES.split(head) if p.strip()] or [head]
            lead.extend(before)
            segment = last + colon + tail
        role, value = _keyed(segment, strict=not found)
        if role == _NAMED and not found:  # 职业技能培训人次：目标≥2000人次
            name, _, rest = value.partition(_NAMED)
            lead.append(name)
            role, value = _keyed(rest)  # 乡镇综合文化站免费开放数量：年度目标：=11个
            if role is None or role == _NAMED:  # 数量指标：居家养老服务对象人数: a label, the name
                lead.append(rest)
                continue
        if role is None or role == _NAMED:
            if not found:
                lead.append(segment)
                continue
            if next(reversed(found)) == "explanation":  # its sentence cut at a comma
                prior = found["explanation"].text
                found["explanation"] = cell.piece(prior + separator + segment)
                continue
            return None
        found.setdefault(role, cell.piece(value))
    if sum(r in found for r in _VALUE_ROLES) < _MIN_VALUES:
        return None
    if "name" not in found and lead:
        found["name"] = cell.piece(lb.weight_note(lead.pop().strip())[0])  # the last before
    for text_ in lead:  # the values; what comes before it, the category labels
        piece = lb.weight_note(text_.strip())[0]
        points = lb.weight_figure(text_)
        kind = lb.label_kind(piece)
        if kind is lb.LabelKind.L1 and "l1" not in found:
            found["l1"] = cell.piece(piece)
        elif kind is not None and "l2" not in found:
            found["l2"] = cell.piece(piece)
            if points is not None and "weight" not in found:  # 数量指标（10分）: the row's
                found["weight"] = cell.piece(points)
    return found if "name" in found and found["name"].text else None


_NAMED = "\x00"  # a key no column has: a name before its keyed value (name：目标≥…)


def _keyed(segment: str, strict: bool = False) -> tuple[str | None, str]:
    """(role, value) of a ``key：value`` segment, or of a value typed after its key; (None,
    segment) otherwise. A ``name：value`` segment whose key names no column gives
    (``_NAMED``, name + ``_NAMED`` + value)."""
    m = _KEYED.match(segment)
    if m is not None:
        role = _role(m.group(1))
        if role is not None:
            return role, m.group(2).strip()
        return _NAMED, m.group(1).strip() + _NAMED + m.group(2).strip()
    return _glued(segment, strict)


def _glued(segment: str, strict: bool = False) -> tuple[str | None, str]:
    """(role, value) of a value typed straight after its key (目标≥2000人次); (None,
    segment) otherwise. ``strict`` where a name may stand (before the first value): a word
    that opens names too (完成小型水库除险加固座数) is a key only before a figure."""
    m = _GLUED_KEY.match(segment)
    if m is None:
        return None, segment
    if strict and m.group(1) in _WEAK_KEYS and not _FIGURE_START.match(segment[m.end() :]):
        return None, segment
    return _role(m.group(1)), segment[m.end() :].strip()


def _heading(row: Row) -> Cell | None:
    """A category heading between the items (（一）产出指标, 数量指标：, 一、产出指标（50分）),
    as the label it prints; None for any other row."""
    if len(row.cells) != 1:
        return None
    text = row.cells[0].text
    label = without_enumeration(text.strip()).rstrip("：: ")
    if lb.label_kind(lb.weight_note(label)[0]) is None and lb.label_kind(label) is None:
        return None
    return row.cells[0].piece(label) if label != text else row.cells[0]


def _total(row: Row) -> Row | None:
    """总分：100；自评得分：99 as the form's 总分 row (总分 | 100 | 自评得分 | 99)."""
    if len(row.cells) != 1:
        return None
    cell = row.cells[0]
    m = _TOTAL.match(cell.text)
    if m is None:
        return None
    cells = [cell.piece(m.group(1))]
    for segment in _SEGMENTS.split(m.group(2)):
        if (parts := lb.labelled_total(segment)) is not None:
            cells += [cell.piece(parts[0].strip()), cell.piece(parts[1].strip())]
        elif segment.strip():
            cells.append(cell.piece(segment.strip()))  # 100, or 等级：优 (a grade's own cell)
    for k, c in enumerate(cells, start=1):
        c.column = k
    return Row(cells, row.line, row.page_break_before)


def _funds_header(at: Row) -> Row:
    labels = ("项目资金", *_FUND_COLUMNS)
    cells = [Cell(label, at.line, k, "", used=True) for k, label in enumerate(labels, 1)]
    return Row(cells, at.line, at.page_break_before)


def _header(at: Row) -> Row:
    cells = [Cell(label, at.line, k, "", used=True) for k, (_, label) in enumerate(_COLUMNS, 1)]
    return Row(cells, at.line, at.page_break_before)


def _as_row(row: Row, item: dict[str, Cell]) -> Row:
    cells = []
    for role, c in item.items():
        c.column = _COLUMN_OF[role]
        cells.append(c)
    cells.sort(key=lambda c: c.column)
    return Row(cells, row.line)


def _item_of(row: Row) -> dict[str, Cell] | None:
    if len(row.cells) == 1:
        return _item(row.cells[0], row.cells[0].text)
    # cut at a typed mark already (1.数量指标 | 职业技能培训人次：目标≥2000人次，…): read whole,
    # each piece then quoted at the cell it was printed in
    text = "；".join(c.text for c in row.cells)
    item = _item(Cell(text, row.line, row.cells[0].column), text)
    return None if item is None else _located(item, row, text)


def _located(item: dict[str, Cell], row: Row, text: str) -> dict[str, Cell]:
    """The pieces of ``text`` (``row``'s cells joined by a mark) each at its own cell, found
    in the order they are printed (two pieces of one text, 10 | 10, at their two cells)."""
    starts, at = [], 0
    for c in row.cells:
        starts.append(at)
        at += len(c.text) + 1
    found: dict[str, Cell] = {}
    after = 0
    for role, piece in sorted(item.items(), key=lambda rp: text.find(rp[1].text)):
        where = text.find(piece.text, after)
        if where < 0:
            where = max(text.find(piece.text), 0)
        after = where + len(piece.text)
        k = max(i for i, start in enumerate(starts) if start <= where)
        found[role] = row.cells[k].piece(piece.text)
    return found


# The funds block typed a row a line, each figure after its column's name (年度资金总额：
# 年初预算数1,850.00；全年预算数2,120.00；全年执行数1,987.36；分值10；执行率93.74%；得分9.37).
_FUND_COLUMNS = ("年初预算", "全年预算数", "执行数", "分值", "执行率", "得分")  # no signature
_FUND_KEYS = (
    ("年初预算数", 1),
    ("年初预算", 1),
    ("调整后预算数", 2),
    ("全年预算数", 2),
    ("全年预算", 2),
    ("预算数", 2),
    ("全年执行数", 3),
    ("执行数", 3),
    ("实际支出", 3),
    ("分值", 4),
    ("执行率", 5),
    ("得分", 6),
)
_FUND_KEY = lazy_compile(
    r"^(" + "|".join(sorted((k for k, _ in _FUND_KEYS), key=len, reverse=True)) + r")"
    r"(?:[(（][A-Za-z/]+[)）])?\s*[:：为]?\s*(?=\S)"
)
_FUND_COLUMN_OF = dict(_FUND_KEYS)
_COLON = lazy_compile(r"[:：]")


def _fund_line(cell: Cell) -> list[Cell] | None:
    """A funds row typed with each figure after its column's name, as the row's cells at the
    columns of ``_FUND_COLUMNS`` (the label in column 1); None for any other text."""
    from reviewer.ingest.rebuild.anchors import Kind, kinds

    text = cell.text
    # the row's label before a colon (其中：当年财政拨款：年初预算数…: the last that names a row)
    at = next(
        (
            m.start()
            for m in reversed(list(_COLON.finditer(text)))
            if Kind.FUND_ROW in kinds(text[: m.start()].strip())
        ),
        None,
    )
    if at is None:
        return None
    label, rest = text[:at], text[at + 1 :]
    cells = [cell.piece(label.strip())]
    cells[0].column = 1
    for segment in _SEGMENTS.split(rest):
        segment = segment.strip().rstrip("。")
        if not segment:
            continue
        m = _FUND_KEY.match(segment)
        if m is None:
            return None
        piece = cell.piece(segment[m.end() :].strip())
        piece.column = 1 + _FUND_COLUMN_OF[m.group(1)]
        cells.append(piece)
    return cells if len(cells) >= 3 else None


# A funds column and its figure a line each (预算数（A）：486.00万元 / 执行数（B）：371.79万元 /
# 执行率（B/A）：76.50%): the 20/80 form's one row of figures, typed down the page.
_COLUMN_LINE = lazy_compile(
    r"^((?:" + "|".join(sorted((k for k, _ in _FUND_KEYS), key=len, reverse=True)) + r")"
    r"(?:[(（][^()（）]{1,12}[)）])*)\s*[:：]\s*(\S.*)$"
)


def _column_line(row: Row) -> re.Match[str] | None:
    return _COLUMN_LINE.match(row.cells[0].text) if len(row.cells) == 1 else None


def _columns_joined(rows: Iterable[Row]) -> Iterator[Row]:
    """Funds columns typed a line each, each with its figure, as the header they make and the
    row of their figures (each a piece of its line)."""
    held: list[tuple[Row, re.Match[str]]] = []
    for row in rows:
        m = _column_line(row)
        if m is not None:
            held.append((row, m))
            continue
        yield from _columns_out(held)
        held = []
        yield row
    yield from _columns_out(held)


def _columns_out(held: list[tuple[Row, re.Match[str]]]) -> Iterator[Row]:
    if len(held) < 2:
        yield from (r for r, _ in held)
        return
    first = held[0][0]
    labels, figures = [], []
    for k, (row, m) in enumerate(held, start=1):
        cell = row.cells[0]
        cell.used = True  # read as its label and its figure
        label, figure = cell.piece(m.group(1)), cell.piece(m.group(2))
        label.column = figure.column = k
        labels.append(label)
        figures.append(figure)
    yield Row(labels, first.line, first.page_break_before)
    yield Row(figures, first.line)


def _lines_apart(rows: Iterable[Row]) -> Iterator[Row]:
    """A row whose cells are lines of their own (a run of lines, the lines layout's row)
    holding list items, as a row per line: the items are rows, not a row's cells."""
    for row in rows:
        cells = row.cells
        if (
            len(cells) > 1
            and cells[0].line != cells[-1].line
            and "分" in row.joined
            and (
                any(_item(c, c.text) is not None for c in cells if "分" in c.text)
                or sum(_is_field(c.text) for c in cells) >= _MIN_VALUES
            )
        ) or (len(cells) > 1 and cells[0].line != cells[-1].line and _has_fund_lines(cells)):
            for k, c in enumerate(cells):
                c.column = 1
                yield Row([c], c.line, row.page_break_before and k == 0)
        else:
            yield row


def _has_fund_lines(cells: list[Cell]) -> bool:
    return sum(_fund_line(c) is not None for c in cells if "：" in c.text or ":" in c.text) >= 2


def _field(row: Row) -> bool:
    """A line of one of an item's values after its column's name (年度指标值：≥25处)."""
    return len(row.cells) == 1 and _is_field(row.cells[0].text)


def _is_field(text: str) -> bool:
    m = _KEYED.match(text)
    return m is not None and _role(m.group(1)) in _FIELD_ROLES


_FIELD_ROLES = frozenset({"target", "actual", "weight", "score", "explanation"})


def _fields_joined(rows: Iterable[Row]) -> Iterator[Row]:
    """An item written a field a line (（1）新建改造农村供水工程 / 年度指标值：≥25处 / 实际完成值：
    27处 / …) as one row of those lines' cells, at the name's line."""
    held: Row | None = None
    fields: list[Cell] = []
    for row in rows:
        if held is not None and _field(row):
            fields.append(row.cells[0])
            continue
        if held is not None:
            yield from _item_lines(held, fields)
            held, fields = None, []
        if len(row.cells) == 1 and "：" not in row.joined and ":" not in row.joined:
            held = row  # a name, perhaps: its fields may follow
            continue
        yield row
    if held is not None:
        yield from _item_lines(held, fields)


def _item_lines(name: Row, fields: list[Cell]) -> Iterator[Row]:
    """A name's line and its fields' lines as one row, if they are enough for an item."""
    if len(fields) >= _MIN_VALUES:
        yield Row([*name.cells, *fields], name.line, name.page_break_before)
    else:
        yield name
        yield from (Row([c], c.line) for c in fields)


def listed_rows(rows: Iterable[Row]) -> Iterator[Row]:
    """``rows`` with list items rewritten as the form's rows (see the module's doc)."""
    rows = _columns_joined(_fields_joined(_lines_apart(rows)))
    in_list = in_funds = False
    held: list[tuple[Row, Cell]] = []  # category headings before the first item of a run
    for row in rows:
        joined = row.joined
        funds = _fund_line(row.cells[0]) if len(row.cells) == 1 and "数" in joined else None
        if funds is not None:
            row.cells[0].used = True  # read as its pieces
            if not in_funds:
                yield _funds_header(row)
                in_funds = True
            yield Row(funds, row.line, row.page_break_before)
            continue
        in_funds = False
        if not (in_list or held or "指标" in joined or "分" in joined):
            yield row
            continue
        item = (
            _item_of(row)
            if ("分" in joined or "权重" in joined)
            and ("：" in joined or ":" in joined or "目标" in joined)  # a key before a value
            else None
        )
        if item is not None:
            for c in row.cells:
                c.used = True  # read as its pieces
            if not in_list:
                yield _header(held[0][0] if held else row)
                in_list = True
            for heading_row, heading in held:
                yield _heading_row(heading_row, heading)
            held.clear()
            yield _as_row(row, item)
            continue
        label = _heading(row)
        if label is not None:
            if in_list:
                yield _heading_row(row, label)
            else:
                held.append((row, label))
            continue
        yield from (r for r, _ in held)  # no item after them: as they were
        held.clear()
        if in_list and (total := _total(row)) is not None:
            row.cells[0].used = True
            yield total
            in_list = False
            continue
        if in_list and joined.strip():
            in_list = False
        yield row
    yield from (r for r, _ in held)


def _heading_row(row: Row, heading: Cell) -> Row:
    """A heading among the items as the category label it prints."""
    if heading is row.cells[0]:
        return row
    row.cells[0].used = True  # read as its label
    return Row([heading], row.line, row.page_break_before)
