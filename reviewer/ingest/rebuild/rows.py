"""A stream of cells → the form's rows, anchored on its fixed labels.

The stream is read part by part, each part starting at its anchor (``anchors``):

* the title and what precedes the header: a row per cell (per line, where lines mean rows);
* header keys: a row per key with its value, the keys printed on the right of another key's
  row (实施单位 after 主管部门) joining it;
* the funds block: its header (block label, column labels), then a row per row label with its
  values placed under the columns (``funds``);
* the goal block: its header, then the goals in pairs (预期目标, 实际完成情况);
* the indicator section: its header (``header``), then rows rebuilt by the dynamic programme
  (``indicators``);
* 总分 / 合计 with its numbers under the points columns; closing fields with their value.

Columns follow the tab rendering of the seed's form: a block's own label in column 1, row
labels in column 2 and values from column 3 in the funds block; the indicator section's title
in column 1 and its columns from column 2. Every non-empty cell ends up in some row: what no
part claims is a row of its own, which the parser then reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.forms.families import FAMILIES, Family
from reviewer.forms.vocabulary import key, lookup, unnumbered
from reviewer.ingest.rebuild import funds
from reviewer.ingest.rebuild import indicators as ind
from reviewer.ingest.rebuild.anchors import RIGHT_FIELDS, Kind, header_key, kinds, label_role
from reviewer.ingest.rebuild.header import Header, Slot, build_header, slot_of, split_rows
from reviewer.ingest.rebuild.indicators import Placed
from reviewer.ingest.rebuild.narrative import split_goals
from reviewer.ingest.rebuild.tokenise import Stream, Token
from reviewer.parse.values import parse_number

# Anchors that end whatever part the stream is in.
_ENDS = frozenset(
    {
        Kind.TITLE,
        Kind.KEY,
        Kind.FUND_BLOCK,
        Kind.FUND_ONLY,
        Kind.GOAL,
        Kind.SECTION,
        Kind.TOTAL,
        Kind.FIELD,
        Kind.NOTE,
    }
)
# Anchors that end the indicator section wherever they stand.
_CLOSING = frozenset({Kind.TITLE, Kind.KEY, Kind.TOTAL, Kind.FIELD, Kind.NOTE})
_TEXT_ROLES = frozenset({"reason", "method"})
_RIGHT_TEXT_FIELDS = frozenset({"finance_lead"})
_GRADES = frozenset({"优", "良", "中", "差", "优秀", "良好", "合格", "不合格"})
_FUND_START = 3  # the first value column of the funds block
_LOOKAHEAD = 6
_MIN_HEADER_LABELS = 3


@dataclass(slots=True)
class _Open:
    """The row being filled: a header key's, a closing field's, or free cells'."""

    kind: str
    cells: list[Placed]
    label: str = ""
    values: int = 0

    @property
    def next_column(self) -> int:
        return self.cells[-1].column + 1


@dataclass(slots=True)
class Builder:
    stream: Stream
    family: Family
    rows: list[list[Placed]] = field(default_factory=list)
    open: _Open | None = None
    header: Header | None = None  # the last indicator header, for the 总分 row
    # the goal block's numbered sub-label (1.项目年度目标完成情况): 2.… fields go beside it
    numbered_column: int = 1

    @property
    def toks(self) -> list[Token]:
        return self.stream.tokens

    def run(self) -> list[list[Placed]]:
        if self.stream.lines_are_rows:
            self._by_lines()
        else:
            self._by_anchors()
        self._close()
        return self.rows

    # -- the stream, part by part ------------------------------------------------------------

    def _by_anchors(self) -> None:
        toks = self.toks
        i = 0
        while i < len(toks):
            t = toks[i]
            if t.empty:
                i += 1
                continue
            ks = kinds(t.text)
            if self._awaits_value(ks):
                self._add(t)
                i += 1
            elif self._starts_indicators(i):
                i = self._indicators(i)
            elif Kind.TITLE in ks:
                self._close()
                self.rows.append([Placed(t, 1)])
                i += 1
            elif Kind.KEY in ks:
                self._key(t)
                i += 1
            elif Kind.TOTAL in ks:
                i = self._total(i)
            elif Kind.FIELD in ks or Kind.NOTE in ks:
                self._field(t)
                i += 1
            elif Kind.GOAL in ks:
                i = self._goals(i)
            elif ks & {Kind.FUND_BLOCK, Kind.FUND_ONLY, Kind.FUND_ROW}:
                i = self._funds(i)
            else:
                self._free(t)
                i += 1

    def _by_lines(self) -> None:
        """Each line a row; the indicator section's rows get their columns by its header."""
        lines: list[list[Token]] = []
        for t in self.toks:
            if lines and lines[-1][0].group == t.group:
                lines[-1].append(t)
            else:
                lines.append([t])
        k = 0
        goal_head: list[Token] = []  # the goal block's header, while in the block
        while k < len(lines):
            line = [t for t in lines[k] if not t.empty]
            if line and self._line_starts_indicators(line):
                k = self._indicator_lines(lines, k)
                continue
            if line:
                ks = kinds(line[0].text)
                if not ks and goal_head:
                    self.rows.append(_goal_line(line, goal_head))
                elif Kind.TOTAL in ks:
                    self.rows.append(self._total_row(line[0], line[1:]))
                else:
                    goal_head = line if Kind.GOAL in ks else []
                    self.rows.append([Placed(t, c) for c, t in enumerate(line, start=1)])
            k += 1

    # -- rows that take values ---------------------------------------------------------------

    def _close(self) -> None:
        self.open = None

    def _start(self, kind: str, t: Token, column: int = 1) -> None:
        self._close()
        self.open = _Open(kind, [Placed(t, column)])
        self.rows.append(self.open.cells)

    def _add(self, t: Token) -> None:
        assert self.open is not None
        self.open.cells.append(Placed(t, self.open.next_column))
        self.open.values += 1

    def _awaits_value(self, ks: frozenset[Kind]) -> bool:
        """A header key's value may look like a title (项目名称 | …绩效自评表)."""
        o = self.open
        return o is not None and o.kind == "key" and o.values == 0 and ks <= {Kind.TITLE}

    def _key(self, t: Token) -> None:
        o = self.open
        fld = header_key(t.text) or ""
        if o is not None and o.kind == "key" and o.values and fld in RIGHT_FIELDS:
            o.cells.append(Placed(t, o.next_column))
            o.values = 0
            return
        self._start("key", t)

    def _field(self, t: Token) -> None:
        o = self.open
        role = lookup(key(t.text).split(":")[0], _text_fields())
        if o is not None and o.kind == "field" and role in _RIGHT_TEXT_FIELDS:
            o.cells.append(Placed(t, o.next_column))
            return
        numbered = unnumbered(t.text) != key(t.text)
        self._start("field", t, self.numbered_column if numbered else 1)

    def _free(self, t: Token) -> None:
        o = self.open
        if o is not None and self._accepts(o, t):
            self._add(t)
            return
        self._start("free", t)
        if not self.stream.grouped:
            self._close()

    def _accepts(self, o: _Open, t: Token) -> bool:
        same_group = t.group == o.cells[-1].token.group
        if self.stream.grouped:
            return same_group or (o.kind == "key" and o.values == 0)
        if o.kind == "key":
            return True
        return o.kind == "field" and o.values == 0

    # -- the funds block ---------------------------------------------------------------------

    def _funds(self, i: int) -> int:
        self._close()
        toks = self.toks
        head: list[Token] = []
        j = i
        while j < len(toks):
            t = toks[j]
            ks = kinds(t.text)
            if t.empty:
                j += 1
                continue
            if Kind.FUND_ROW in ks and not (ks & {Kind.FUND_BLOCK, Kind.FUND_COLUMN}):
                break
            if not (ks & {Kind.FUND_BLOCK, Kind.FUND_COLUMN}) and not _unit_note(t, head):
                break
            if Kind.FUND_COLUMN in ks and _value_follows(toks, j):
                return self._fund_pairs(i)
            head.append(t)
            j += 1
        if not head and self.stream.grouped:
            self._free(toks[i])  # row labels before any funds header: rows as printed
            return i + 1
        roles = self._fund_header(head)
        return self._fund_rows(j, roles)

    def _fund_header(self, head: list[Token]) -> list[str]:
        """The header row; the roles of its columns, in order."""
        row: list[Placed] = []
        roles: list[str] = []
        col = _FUND_START
        for t in head:
            ks = kinds(t.text)
            if Kind.FUND_COLUMN in ks and not (Kind.FUND_BLOCK in ks and not roles and not row):
                roles.append(_fund_role(t.text, self.family))
                row.append(Placed(t, col))
                col += 1
            elif not roles and len(row) < _FUND_START - 1:
                row.append(Placed(t, len(row) + 1))  # the block's label, a sub-label
            else:
                row.append(Placed(t, col))  # a unit note after the columns
                col += 1
        if row:
            self.rows.append(row)
        return roles

    def _fund_rows(self, j: int, roles: list[str]) -> int:
        toks = self.toks
        rows: list[tuple[Token | None, list[Token]]] = []
        while j < len(toks):
            t = toks[j]
            ks = kinds(t.text)
            if not t.empty and (ks & _ENDS or self._starts_indicators(j)):
                break
            if not roles and not t.empty and not ks and not funds.is_value(t.text):
                break  # without a header, a row holds its values only
            if Kind.FUND_ROW in ks:
                if rows and _pairs_with(rows[-1], t):
                    rows[-1][1].append(t)
                else:
                    rows.append((t, []))
            elif rows:
                rows[-1][1].append(t)
            elif not t.empty:
                rows.append((None, [t]))
            j += 1
        above: frozenset[int] = frozenset()
        for label, items in rows:
            row = self._fund_row(label, items, roles, above)
            self.rows.append(row)
            filled = frozenset(p.column - _FUND_START for p in row if p.column >= _FUND_START)
            above = filled or above
        return j

    def _fund_row(
        self, label: Token | None, items: list[Token], roles: list[str], above: frozenset[int]
    ) -> list[Placed]:
        row = [Placed(label, _FUND_START - 1)] if label is not None else []
        text_cols = [k for k, r in enumerate(roles) if r in _TEXT_ROLES]
        value_cols = [k for k, r in enumerate(roles) if r not in _TEXT_ROLES]
        values = [t for t in items if t.empty or funds.is_value(t.text)]
        texts = [t for t in items if not t.empty and not funds.is_value(t.text)]
        placed: list[tuple[Token, int]] = []
        if self.stream.explicit_empties and any(t.empty for t in values[: len(value_cols)]):
            placed = [(t, value_cols[k]) for k, t in enumerate(values) if k < len(value_cols)]
            rest = values[len(value_cols) :]
        else:
            shown = [t for t in values if not t.empty]
            cols = funds.place(
                [t.text for t in shown],
                [roles[k] for k in value_cols],
                frozenset(value_cols.index(k) for k in above if k in value_cols),
            )
            placed = [
                (t, value_cols[c]) for t, c in zip(shown, cols, strict=True) if c < len(value_cols)
            ]
            rest = shown[len(cols) :] + [
                t for t, c in zip(shown, cols, strict=True) if c >= len(value_cols)
            ]
        for t, k in zip(texts, text_cols, strict=False):
            placed.append((t, k))
        extra = [t for t in (*rest, *texts[len(text_cols) :]) if not t.empty]
        placed = [(t, k) for t, k in placed if not t.empty]
        placed.sort(key=lambda p: p[1])
        row += [Placed(t, _FUND_START + k) for t, k in placed]
        after = _FUND_START + max(len(roles), 1 + max((k for _, k in placed), default=-1))
        row += [Placed(t, after + n) for n, t in enumerate(extra)]
        return row

    def _fund_pairs(self, i: int) -> int:
        """A funds block printing each column label beside its value (预算数: 2.38 执行数: …):
        read as rows of label and value pairs, a row per row label."""
        toks = self.toks
        j = i
        current: _Open | None = None
        while j < len(toks):
            t = toks[j]
            ks = kinds(t.text)
            if t.empty:
                j += 1
                continue
            if j > i and (ks & (_ENDS - {Kind.FUND_BLOCK}) or self._starts_indicators(j)):
                break
            row_label = Kind.FUND_ROW in ks and Kind.FUND_COLUMN not in ks
            if current is None or (row_label and key(t.text) != current.label):
                current = _Open("fund", [Placed(t, 1)], label=key(t.text))
                self.rows.append(current.cells)
            else:
                current.cells.append(Placed(t, current.next_column))
            j += 1
        return j

    # -- the goal block ----------------------------------------------------------------------

    def _goals(self, i: int) -> int:
        self._close()
        toks = self.toks
        head: list[Token] = []
        j = i
        while j < len(toks) and (toks[j].empty or Kind.GOAL in kinds(toks[j].text)):
            if not toks[j].empty:
                head.append(toks[j])
            j += 1
        if j < len(toks) and head and parse_number(toks[j].text) is not None:
            head.append(toks[j])  # the block's points, printed in its header (20)
            j += 1
        header = [Placed(t, c) for c, t in enumerate(head, start=1)]
        self.rows.append(header)
        for p in header:
            if unnumbered(p.token.text) != key(p.token.text):
                self.numbered_column = p.column
        content: list[Token] = []
        while j < len(toks):
            t = toks[j]
            if not t.empty and (
                kinds(t.text) & (_ENDS | {Kind.FUND_ROW}) or self._starts_indicators(j)
            ):
                break
            if not t.empty:
                content.append(t)
            j += 1
        expected = _goal_column(head, "expected")
        actual = _goal_column(head, "actual")
        if expected is None or actual is None:
            header += [Placed(t, len(head) + 1 + k) for k, t in enumerate(content)]
            return j
        if any(t.spaced for t in content):
            content = split_goals(content)
        for k in range(0, len(content), 2):
            pair = content[k : k + 2]
            row = [Placed(pair[0], expected)]
            if len(pair) == 2:
                row.append(Placed(pair[1], actual))
            self.rows.append(row)
        return j

    # -- the indicator section ---------------------------------------------------------------

    def _starts_indicators(self, i: int) -> bool:
        toks = self.toks
        window = [t for t in toks[i : i + 2 * _LOOKAHEAD] if not t.empty][:_LOOKAHEAD]
        if not window:
            return False
        first = kinds(window[0].text)
        if Kind.SECTION in first:
            return any(Kind.COLUMN in kinds(t.text) for t in window[1:4])
        if Kind.COLUMN not in first:
            return False
        labels = [t for t in window if Kind.COLUMN in kinds(t.text)]
        return len(labels) >= _MIN_HEADER_LABELS and any(
            slot_of(t.text, self.family) in (Slot.L1, Slot.L2, Slot.NAME) for t in labels
        )

    def _ends_section(self, i: int, toks: list[Token] | None = None) -> bool:
        """The indicator section ends at a closing anchor or at another block's header; a
        funds or goal label alone may name an indicator (预算执行率 in a rubric)."""
        toks = self.toks if toks is None else toks
        ks = kinds(toks[i].text)
        if ks & _CLOSING or (toks is self.toks and self._starts_indicators(i)):
            return True
        nxt = [t for t in toks[i + 1 : i + 2 * _LOOKAHEAD] if not t.empty][:_LOOKAHEAD]
        if ks & {Kind.FUND_BLOCK, Kind.FUND_ONLY}:
            return any(Kind.FUND_COLUMN in kinds(t.text) for t in nxt)
        if Kind.GOAL in ks:
            return bool(nxt) and Kind.GOAL in kinds(nxt[0].text)
        return False

    def _line_starts_indicators(self, line: list[Token]) -> bool:
        """A line (where lines are rows) that is the section's header: it starts with the
        section's title or a column label, and names the category or name columns."""
        if not kinds(line[0].text) & {Kind.COLUMN, Kind.SECTION}:
            return False
        labels = [t for t in line if kinds(t.text) & {Kind.COLUMN, Kind.SECTION}]
        return len(labels) >= _MIN_HEADER_LABELS and any(
            slot_of(t.text, self.family) in (Slot.L1, Slot.L2, Slot.NAME) for t in labels
        )

    def _header_tokens(
        self, toks: list[Token], i: int
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
            elif Kind.COLUMN in ks:
                labels.append(t)
            elif (
                labels
                and not extra
                and parse_number(t.text) is not None
                and not any(
                    slot_of(x.text, self.family) in (Slot.SCORE, Slot.WEIGHT) for x in labels
                )
            ):
                extra.append(t)  # a bare section weight where a points column has no label
                j += 1
                break
            else:
                break
            j += 1
        return section, labels, extra, j

    def _indicators(self, i: int) -> int:
        self._close()
        toks = self.toks
        section, labels, extra, j = self._header_tokens(toks, i)
        first, second = split_rows(labels, self.family)
        header = build_header(section, first, second, extra, self.family)
        self.header = header
        self.rows.extend([Placed(t, c) for t, c in r] for r in header.rows)
        end = j
        while end < len(toks) and not (not toks[end].empty and self._ends_section(end)):
            end += 1
        self.rows.extend(
            ind.rebuild(toks[j:end], header, grouped=self.stream.grouped, strict=False)
        )
        return end

    def _indicator_lines(self, lines: list[list[Token]], k: int) -> int:
        head = [t for t in lines[k] if not t.empty]
        section, labels, extra, after = self._header_tokens(head, 0)
        second: list[Token] = []
        nxt = k + 1
        if nxt < len(lines):
            below = [t for t in lines[nxt] if not t.empty]
            if below and all(Kind.COLUMN in kinds(t.text) for t in below):
                second = below
                nxt += 1
        first = labels
        if not second:
            first, second = split_rows(labels, self.family)
        header = build_header(section, first, second, extra, self.family)
        self.header = header
        self.rows.extend([Placed(t, c) for t, c in r] for r in header.rows)
        if head[after:]:  # what follows the labels on their line: not the header's, reported
            self.rows.append([Placed(t, c) for c, t in enumerate(head[after:], start=1)])
        end = nxt
        while end < len(lines):
            line = [t for t in lines[end] if not t.empty]
            if line and (self._ends_section(0, line) or self._line_starts_indicators(line)):
                break
            end += 1
        body = [t for line in lines[nxt:end] for t in line]
        self.rows.extend(ind.rebuild(body, header, grouped=True, strict=True))
        return end

    # -- 总分 --------------------------------------------------------------------------------

    def _total(self, i: int) -> int:
        self._close()
        toks = self.toks
        label = toks[i]
        items: list[Token] = []
        j = i + 1
        while j < len(toks):
            t = toks[j]
            if not t.empty and not _total_value(t.text):
                break
            if self.stream.grouped and t.group != label.group and not t.empty:
                break
            items.append(t)
            j += 1
        self.rows.append(self._total_row(label, items))
        return j

    def _total_row(self, label: Token, items: list[Token]) -> list[Placed]:
        """总分 and its numbers under 分值 and 得分 (then the columns after: a grade)."""
        slots = self._total_columns()
        row = [Placed(label, 1)]
        while items and items[0].empty:  # the columns before the points
            items = items[1:]
        shown = items if self.stream.explicit_empties else [t for t in items if not t.empty]
        last = slots[-1] if slots else 1
        for k, t in enumerate(shown):
            col = slots[k] if k < len(slots) else last + k - len(slots) + 1
            if not t.empty:
                row.append(Placed(t, col))
        return row

    def _total_columns(self) -> list[int]:
        """Where a 总分 row's numbers go: under 分值 and 得分, then the columns after."""
        h = self.header
        if h is None:
            return []
        points = [c.number for c in h.columns if c.slot in (Slot.WEIGHT, Slot.SCORE)]
        if not points:
            return []
        return [c.number for c in h.columns if c.number >= points[0]]


# -- helpers ---------------------------------------------------------------------------------


def _text_fields() -> tuple[tuple[str, str], ...]:
    return tuple(pair for f in FAMILIES for pair in f.text_fields)


def _fund_role(text: str, family: Family) -> str:
    return label_role(text, [f.fund_columns for f in (family, *FAMILIES)]) or "extra"


def _unit_note(t: Token, head: list[Token]) -> bool:
    """``(万元)`` printed apart from the block's label, after its columns."""
    k = key(t.text)
    return bool(head) and k.strip("()") in ("万元", "元", "万元")


def _value_follows(toks: list[Token], j: int) -> bool:
    """A column label with its value right after it (``预算数: 2.38``)."""
    nxt = next((t for t in toks[j + 1 : j + 3] if not t.empty), None)
    return nxt is not None and funds.is_value(nxt.text) and not kinds(nxt.text)


def _pairs_with(row: tuple[Token | None, list[Token]], t: Token) -> bool:
    """The same row label again after one value: the row's second half (budget | executed)."""
    label, items = row
    shown = [x for x in items if not x.empty]
    return label is not None and key(label.text) == key(t.text) and len(shown) == 1


def _goal_column(head: list[Token], side: str) -> int | None:
    for col, t in enumerate(head, start=1):
        k = key(t.text)
        actual = any(lookup(k, tuple((g, "a") for g in f.goal_actual)) for f in FAMILIES)
        expected = any(lookup(k, tuple((g, "e") for g in f.goal_expected)) for f in FAMILIES)
        if side == "actual" and actual:
            return col
        if side == "expected" and expected and not actual:
            return col
    return None


def _goal_line(line: list[Token], head: list[Token]) -> list[Placed]:
    """A line of goal texts under the goal header: the expected and the actual text (cut
    into words where the narrative has spaces), then any figures the header adds a column
    for (总体完成率(%))."""
    expected, actual = _goal_column(head, "expected"), _goal_column(head, "actual")
    if expected is None or actual is None:
        return [Placed(t, c) for c, t in enumerate(line, start=expected or 1)]
    figures: list[Token] = []
    while len(head) > actual and len(line) > 2 and _is_figure(line[-1].text):
        figures.insert(0, line.pop())
    texts = split_goals(line) if len(line) > 2 else line
    row = [Placed(t, c) for t, c in zip(texts, (expected, actual), strict=False)]
    return row + [Placed(t, actual + 1 + k) for k, t in enumerate(figures)]


def _is_figure(text: str) -> bool:
    return parse_number(text.rstrip("%")) is not None


def _total_value(text: str) -> bool:
    t = key(text)
    return parse_number(t) is not None or t in _GRADES or (t.endswith("分") and len(t) <= 8)


def rebuild_stream(stream: Stream, family: Family) -> list[list[Placed]]:
    return Builder(stream, family).run()
