"""Cells holding two columns' values, as some hand-made forms print them.

A header cell naming two columns (年初目标值/实际完成值, 分值（得分）, 一级指标-二级指标,
预算数/执行数) heads cells that hold both values (≥3200人/3346人, 10（9.77）, 产出指标-数量指标,
860.00/812.40). Read as printed, the target holds the actual too and the weight the score, and
every rule misjudges the row. Under such a header, each cell of its column is cut into its two
values, each a piece of the cell (quoted where it was printed), and the columns right of it move
one on, in the header and the rows under it alike, until a row that is no longer the block's (a
header of its own, a total's row).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from reviewer.forms.families import DEFAULT, FAMILIES
from reviewer.forms.vocabulary import key, lookup
from reviewer.grid import Cell, Row
from reviewer.lazyre import lazy_compile
from reviewer.parse import labels as lb
from reviewer.parse.columns import Role, header_role
from reviewer.parse.values import parse_value

# Two labels in one header cell, and how their values are set apart below it.
_SLASH = lazy_compile(r"^(?P<a>[^/／]+?)\s*[/／]\s*(?P<b>[^/／]+)$")
_BRACKET = lazy_compile(r"^(?P<a>[^(（]+?)\s*[(（]\s*(?P<b>[^()（）]+?)\s*[)）]$")
_DASH = lazy_compile(r"^(?P<a>[^-－—]+?)\s*[-－—]\s*(?P<b>[^-－—]+)$")
_FORMS = (("/", _SLASH), ("()", _BRACKET), ("-", _DASH))
_MARK = lazy_compile("[/／（(\\-－—]")  # the marks that part two labels or two values
_SLASH_AT = lazy_compile(r"[/／]")
_DIGIT = lazy_compile(r"\d")


def _role(label: str) -> str | None:
    """The column a label names, as a form's indicator header or its funds header does."""
    role = header_role(key(label), DEFAULT)
    if role in _VALUE_ROLES:
        return role.value
    if role is not None and role is not Role.EXTRA:
        return None  # a column of words (符号, 单位, 偏差原因): no pair's half
    # (预算数 alone is a 20/80 form's column)
    return next((r for f in FAMILIES if (r := lookup(label, f.fund_columns)) is not None), None)


_VALUE_ROLES = frozenset({Role.L1, Role.L2, Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE})


def _two_labels(text: str) -> tuple[str, str, str] | None:
    """(first label, second label, the mark between them) where ``text`` names two columns."""
    if len(text) > _PAIR_CHARS or _MARK.search(text) is None:
        return None  # (a longer text is no two labels: the cheap look first)
    return _labels_apart(text)


@lru_cache(maxsize=4096)
def _labels_apart(text: str) -> tuple[str, str, str] | None:
    """``_two_labels`` past its cheap look (cached: a header's cells, 单位/分值, come back on
    every table; the result is the text's alone)."""
    for mark, form in _FORMS:
        m = form.match(text.strip())
        if m is None:
            continue
        a, b = m["a"].strip(), m["b"].strip()
        if _DIGIT.search(a + b) or max(len(a), len(b)) > _LABEL_CHARS:
            return None  # a label's note or formula (得分（20分×执行率）), no second label
        first, second = _role(a), _role(b)
        if first is not None and second is not None and first != second:
            return a, b, mark
    return None


def _values(text: str, mark: str) -> tuple[str, str] | None:
    """The two values a cell under a two-label header holds, or None when it holds one."""
    text = text.strip()
    if mark == "()":
        m = _BRACKET.match(text)
        return (m["a"].strip(), m["b"].strip()) if m is not None else None
    if mark == "-":
        m = _DASH.match(text)
        return (m["a"].strip(), m["b"].strip()) if m is not None else None
    cuts = [m.start() for m in _SLASH_AT.finditer(text)]
    splits = [(text[:k].strip(), text[k + 1 :].strip()) for k in cuts]
    splits = [(a, b) for a, b in splits if a and b]
    if not splits:
        return None
    return max(splits, key=_fit)  # (元/亩 inside each value: the cut that leaves both whole)


def _fit(pair: tuple[str, str]) -> tuple[bool, bool, int]:
    """How well a cut parts two values: both figures in one unit, the second opening as the
    first does, the halves' lengths alike."""
    a, b = pair
    va, vb = parse_value(a), parse_value(b)
    same_unit = va.number is not None and vb.number is not None and va.unit == vb.unit
    alike = _opening(a) == _opening(b)
    return same_unit, alike, -abs(len(a) - len(b))


def _opening(text: str) -> str:
    """The kind of a value's first character, its comparison sign left out."""
    bare = text.lstrip("≥≤<>=＝≧≦")
    first = bare[:1]
    return "digit" if first.isdigit() else "other"


def split_compound(rows: Iterable[Row]) -> Iterator[Row]:
    """``rows`` with each two-value column under a two-label header read as two columns: a
    header whose next row holds such a pair (执行数/预算数 over a rate is one column's label)."""
    spec: list[tuple[int, str]] = []  # (column, mark), right to left
    held: Row | None = None  # a two-label header, until the row under it shows its pairs
    for row in rows:
        if held is not None:
            header, held = held, None
            found = _header_spec(header)
            if _holds_pairs(row, found):
                spec = found
                yield _cut(header, found, header=True)
            else:
                spec = []
                yield header
        if _header_spec(row):
            held = row
            continue
        if spec and _ends_block(row):
            spec = []
        yield _cut(row, spec, header=False) if spec else row
    if held is not None:
        yield held


def _holds_pairs(row: Row, spec: list[tuple[int, str]]) -> bool:
    """The row under a two-label header holds two values in one of its columns' cells."""
    for column, mark in spec:
        cell = next((c for c in row.cells if c.column == column), None)
        if cell is not None and _values(cell.text, mark) is not None:
            return True
        if mark != "-" and _figures_pair(row.cells, mark)[0] is not None:
            return True
    return False


def _header_spec(row: Row) -> list[tuple[int, str]]:
    """The two-label columns of a header row (the rightmost first); [] for any other row (a
    header: two more of its cells are a form's column labels)."""
    cells = row.cells
    if len(cells) < _HEADER_CELLS or _MARK.search(row.joined) is None:
        return []
    spec = [(c.column, pair[2]) for c in cells if (pair := _two_labels(c.text)) is not None]
    if not spec:
        return []
    from reviewer.ingest.rebuild.anchors import Kind, kinds

    labels = (Kind.COLUMN, Kind.FUND_COLUMN)
    pairs = {column for column, _ in spec}
    named = sum(bool(kinds(c.text).intersection(labels)) for c in cells if c.column not in pairs)
    return sorted(spec, reverse=True) if named >= _OTHER_LABELS else []


_HEADER_CELLS = 3
_OTHER_LABELS = 2
_LABEL_CHARS = 8  # a column's label is short: a longer half is a formula's or a sentence's
_PAIR_CHARS = 2 * _LABEL_CHARS + 4  # two labels, their mark and its spaces


def _ends_block(row: Row) -> bool:
    """A row that is no longer under the header: the table's total, or a header of its own
    (two cells or more that are a form's labels)."""
    from reviewer.ingest.rebuild.anchors import Kind, kinds

    cells = row.cells
    if cells and lb.is_total_word(cells[0].text):
        return True
    labels = (Kind.COLUMN, Kind.FUND_COLUMN)
    return sum(bool(kinds(c.text).intersection(labels)) for c in cells) >= 2


def _cut(row: Row, spec: list[tuple[int, str]], header: bool) -> Row:
    cells = list(row.cells)
    for column, mark in spec:  # right to left: a cut moves only the columns right of it
        at = next((k for k, c in enumerate(cells) if c.column == column), None)
        pair: tuple[str, str] | None = None
        if at is not None:
            text = cells[at].text
            labels = _two_labels(text) if header else None
            pair = labels[:2] if labels is not None else _values(text, mark)
        if pair is None and not header and mark != "-" and len(cells) < len(spec) + column:
            # a row printed without its empty cells (its labels left out): the pair of figures
            # is where it stands, not under its column
            at, pair = _figures_pair(cells, mark)
            if at is not None:
                column = cells[at].column
        for c in cells:
            if c.column > column:
                _move(c, c.column + 1)
        if at is None or pair is None:
            continue
        whole = cells[at]
        whole.used = True  # read as its two values
        first, second = whole.piece(pair[0]), whole.piece(pair[1])
        first.column, second.column = column, column + 1
        cells[at : at + 1] = [first, second]
    if cells == row.cells:
        return row
    return Row(cells, row.line, row.page_break_before)


def _figures_pair(cells: list[Cell], mark: str) -> tuple[int | None, tuple[str, str] | None]:
    """The last cell holding two figures the way ``mark`` parts them (10（9.77）, ≥42/42)."""
    for k in range(len(cells) - 1, -1, -1):
        pair = _values(cells[k].text, mark)
        if pair is not None and all(parse_value(v).number is not None for v in pair):
            return k, pair
    return None, None


def _move(c: Cell, column: int) -> None:
    """``c`` put one column on; it keeps the place it was printed at."""
    if c.where is None and c.printed is None:
        c.where = {"line": c.line, "column": c.column}
    c.column = column


__all__ = ["split_compound"]
