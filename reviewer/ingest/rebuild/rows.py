"""A stream of cells → the form's rows, anchored on its fixed labels.

The stream is read part by part, each part starting at its anchor (``anchors``):

* the title and what precedes the header: a row per cell (per line, where lines mean rows);
* header keys: a row per key with its value, the keys printed on the right of another key's
  row (实施单位 after 主管部门) joining it;
* the funds block: its header (block label, column labels), then a row per row label with its
  values placed under the columns (``funds``);
* the goal block: its header, then the goals in pairs (预期目标, 实际完成情况) (``goals``);
* the indicator section: its header (``header``), then rows rebuilt by the dynamic programme
  (``indicators``), and 总分 / 合计 with its figures under the points columns (``section``);
* closing fields (评价结论, 项目负责人) with their value.

Columns follow the tab rendering of the seed's form: a block's own label in column 1, row
labels in column 2 and values from column 3 in the funds block; the indicator section's title
in column 1 and its columns from column 2. Every non-empty cell ends up in some row: what no
part claims is a row of its own, which the parser then reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.forms.families import FAMILIES, UNIT_FIELDS, Family
from reviewer.forms.vocabulary import key, lookup, unnumbered
from reviewer.ingest.rebuild.anchors import RIGHT_FIELDS, Kind, header_key, kinds
from reviewer.ingest.rebuild.funds import header_roles, line_row, rate_in_percent, read_funds
from reviewer.ingest.rebuild.goals import goal_line, read_goals
from reviewer.ingest.rebuild.header import Header
from reviewer.ingest.rebuild.indicators import Placed
from reviewer.ingest.rebuild.section import (
    Unheaded,
    find_headerless,
    find_headerless_lines,
    lines_start_indicators,
    read_indicator_lines,
    read_indicators,
    read_total,
    starts_indicators,
    total_row,
)
from reviewer.ingest.rebuild.tasks import read_tasks
from reviewer.ingest.rebuild.tokenise import Stream, Token, merge
from reviewer.lazyre import lazy_compile
from reviewer.parse.labels import UNIT_NAME
from reviewer.parse.values import parse_points
from reviewer.textnorm import SENTENCE_ENDS

_SCORE_TOTALS = ("自评得分", "实际得分", "自评总分")  # a total's score under its own label
_RIGHT_TEXT_FIELDS = frozenset({"finance_lead"})  # 财务负责人 beside 项目负责人
_TEXT_FIELDS = tuple(pair for f in FAMILIES for pair in f.text_fields)


@dataclass(slots=True)
class _Open:
    """The row being filled: a header key's, a closing field's, or free cells'."""

    kind: str
    cells: list[Placed]
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
    # indicator rows with no header above them: searched for up to here (a token's or a
    # line's index), and the rows found, placed when the stream reaches their start
    headerless_until: int = -1
    unheaded: Unheaded | None = None
    headers: list[int] | None = None  # where the stream's indicator headers start
    # the units the head names (主管部门 | 某局): their seals stamped over the rows are no cells
    units: set[str] = field(default_factory=set)

    @property
    def toks(self) -> list[Token]:
        return self.stream.tokens

    def run(self) -> list[list[Placed]]:
        if self.stream.lines_are_rows:
            self._by_lines()
        else:
            self._by_anchors()
        self.close()
        return self.rows

    # -- the stream, part by part ------------------------------------------------------------

    def _by_anchors(self) -> None:
        toks = self.toks
        i = 0
        while i < len(toks):
            t = toks[i]
            if self.unheaded is not None and i == self.unheaded.start:
                i = self._place_unheaded()
                continue
            if t.empty:
                i += 1
                continue
            ks = kinds(t.text)
            if self._awaits_value(ks):
                self._add(t)
                i += 1
            elif starts_indicators(self, i):
                i = read_indicators(self, i)
            elif ks & {Kind.TITLE, Kind.SITE}:  # a row of its own
                self.close()
                self.rows.append([Placed(t, 1)])
                i += 1
            elif Kind.KEY in ks:
                self._key(t)
                i += 1
            elif Kind.TOTAL in ks or self._score_total(i):
                i = read_total(self, i)
            elif Kind.FIELD in ks or Kind.NOTE in ks:
                self._field(t)
                i += 1
            elif Kind.GOAL in ks:
                i = read_goals(self, i)
            elif Kind.TASKS in ks:
                i = read_tasks(self, i)
            elif ks & {Kind.FUND_BLOCK, Kind.FUND_ONLY, Kind.FUND_ROW}:
                i = read_funds(self, i)
            elif i > self.headerless_until and (found := find_headerless(self, i)) is not None:
                self.unheaded = found  # placed when the stream reaches where the rows start
            else:
                self.free(t)
                i += 1

    def _score_total(self, i: int) -> bool:
        """自评得分 and one figure after the indicator rows were read (a 20/80 form's last
        line, its fields between): the table's total, not the header's column label."""
        toks = self.toks
        nxt = next((t for t in toks[i + 1 :] if not t.empty), None)
        return (
            self.header is not None
            and toks[i].text in _SCORE_TOTALS
            and nxt is not None
            and parse_points(nxt.text) is not None
        )

    def _place_unheaded(self) -> int:
        """The headerless rows found, placed; the index after them."""
        found = self.unheaded
        assert found is not None
        self.close()
        self.header = found.header
        self.rows.extend(found.rows)
        self.unheaded = None
        return found.end

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
        fund_roles: list[str] | None = None  # the funds header's, while in the block
        percent_rates = False  # a row of the block printed its rate with % (97.98%)
        filled: frozenset[int] = frozenset()  # the funds columns the row above filled
        while k < len(lines):
            line = [t for t in lines[k] if not t.empty]
            if self.unheaded is not None and k == self.unheaded.start:
                k = self._place_unheaded()
                continue
            if line and lines_start_indicators(self, lines, k):
                k = read_indicator_lines(self, lines, k)
                continue
            if (
                line
                and k > self.headerless_until
                and not kinds(line[0].text)
                and (found := find_headerless_lines(self, lines, k)) is not None
            ):
                self.unheaded = found
                continue
            if line:
                ks = kinds(line[0].text)
                if not ks and goal_head:
                    self.rows.append(goal_line(line, goal_head))
                elif Kind.TOTAL in ks:
                    self.rows.append(total_row(self, line[0], line[1:]))
                elif fund_roles and Kind.FUND_ROW in ks and len(line) - 1 < len(fund_roles):
                    # a funds row whose empty cells were left out (其中:中央财政资金 300.00
                    # 300.00 100.00% under five columns): each value in its column
                    if len(line) > 1 and Kind.FUND_ROW in kinds(line[1].text):
                        # its group's label before it (按收入性质分 财政拨款 2086.30 …): a row
                        # of its own, as the group's label is where it stands alone
                        self.rows.append([Placed(line[0], 1)])
                        line = line[1:]
                    row = line_row(self, line, fund_roles, filled, percent_rates)
                    filled = frozenset(p.column - 2 for p in row[1:]) or filled
                    self.rows.append(row)
                else:
                    goal_head = line if Kind.GOAL in ks else []
                    if Kind.FUND_ROW not in ks:
                        fund_roles, filled = header_roles(self, line), frozenset()
                        percent_rates = False
                    elif fund_roles:
                        percent_rates = percent_rates or any(rate_in_percent(t) for t in line)
                    self.rows.append([Placed(t, c) for c, t in enumerate(line, start=1)])
            k += 1

    # -- rows that take values ---------------------------------------------------------------

    def close(self) -> None:
        """No row takes values any more (a block of its own follows)."""
        self.open = None

    def _start(self, kind: str, t: Token, column: int = 1) -> None:
        self.close()
        self.open = _Open(kind, [Placed(t, column)])
        self.rows.append(self.open.cells)

    def _add(self, t: Token) -> None:
        assert self.open is not None
        label = self.open.cells[-1].token.text
        if (
            self.open.kind == "key"
            and header_key(label) in UNIT_FIELDS
            and len(t.text) >= UNIT_NAME
        ):
            self.units.add(t.text)
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
        role = lookup(key(t.text).split(":")[0], _TEXT_FIELDS)
        if o is not None and o.kind == "field" and role in _RIGHT_TEXT_FIELDS:
            o.cells.append(Placed(t, o.next_column))
            return
        numbered = unnumbered(t.text) != key(t.text)
        self._start("field", t, self.numbered_column if numbered else 1)

    def free(self, t: Token) -> None:
        """A cell no anchor claims: a value of the open row, or a row of its own."""
        o = self.open
        if o is not None and self._value_goes_on(o, t):
            last = o.cells[-1]
            o.cells[-1] = Placed(merge(last.token, t), last.column)
            return
        if o is not None and self._accepts(o, t):
            self._add(t)
            return
        self._start("free", t)
        if not self.stream.grouped:
            self.close()

    def _value_goes_on(self, o: _Open, t: Token) -> bool:
        """In a stream of cells a line each, a header key's value wrapped onto the next line
        (项目名称 / 义务教育阶段家庭经济 / 困难寄宿生生活补助): a key holds one value, and a line as
        wide as a cell's fills it, its sentence not ended."""
        if self.stream.grouped or o.kind != "key" or o.values != 1:
            return False
        value = o.cells[-1].token
        return (
            t.line == value.line + 1
            and len(value.text) >= _VALUE_LINE
            and not value.text.endswith(SENTENCE_ENDS)
            and _YEAR_THEN_WORDS.fullmatch(value.text) is not None
            and _WORDS.fullmatch(t.text) is not None
            and not kinds(t.text)
        )

    def _accepts(self, o: _Open, t: Token) -> bool:
        same_group = t.group == o.cells[-1].token.group
        if self.stream.grouped:
            return same_group or (o.kind == "key" and o.values == 0)
        if o.kind == "key":
            return True
        return o.kind == "field" and o.values == 0


# -- helpers ---------------------------------------------------------------------------------

_VALUE_LINE = 8  # characters of a value's line, at least, that a cell's width wrapped
_WORDS = lazy_compile(r"[\u4e00-\u9fff（）()“”、]+")  # words, no figure: no amount's or date's
# …after the year a project's name may open with (2023年基本公共卫生服务家 / 庭医生签约服务项目)
_YEAR_THEN_WORDS = lazy_compile(r"(?:\d{4}年度?)?[\u4e00-\u9fff（）()“”、]+")


def rebuild_stream(stream: Stream, family: Family) -> list[list[Placed]]:
    return Builder(stream, family).run()
