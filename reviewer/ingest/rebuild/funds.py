"""The funds block: its header, then a row per row label with its values under the columns.

The header is the block's label (项目资金(万元), 预算执行情况(10分)), a sub-label if any, then the
column labels (年初预算数 …); a row is its label (年度资金总额, 其中:当年财政拨款 …) and values.
Where the layout shows empty cells, the values stand in order. Where it drops them and a row
has fewer values than the header has columns (``年度资金总额 | 32.4 | 31.69 | 10 | 97.80% | 9``
under six columns), the columns left empty are chosen so that the row reads as the form's
arithmetic says it must: a percentage is the rate, and the rate is the executed amount over
the budget (97.80% = 31.69 / 32.4 puts 32.4 under 全年预算数, not 年初预算数); a dash marks
points that do not apply; a row fills the columns the row above filled. Among equally good
placements the leftmost wins. A block printing each column label beside its value
(预算数: 2.38) is read as label and value pairs.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from reviewer.forms.families import FAMILIES, Family
from reviewer.forms.vocabulary import key
from reviewer.ingest.rebuild.anchors import ENDS, Kind, kinds, label_role
from reviewer.ingest.rebuild.indicators import Placed
from reviewer.ingest.rebuild.section import starts_indicators
from reviewer.ingest.rebuild.tokenise import Token, merge
from reviewer.lazyre import lazy_compile
from reviewer.parse.funds import place_name, places_label, source_label
from reviewer.parse.values import ascii_form, is_placeholder, parse_amount, parse_percent

if TYPE_CHECKING:
    from reviewer.ingest.rebuild.rows import Builder

_PERCENT = lazy_compile(r"%\s*$")
_RATE_TOLERANCE = 0.6  # percentage points: rates are printed rounded
_TYPE_MISMATCH = 5.0
_BARE_RATE = 0.5  # a rate printed without % (``20``, ``0.958``)
_AGREES = -2.0
_DISAGREES = 1.0
_MAX_COLUMNS = 12
_DASH_ELSEWHERE = 0.2  # a dash marks what does not apply: a sub-row's points, mostly
_LIKE_ABOVE = 0.3

BUDGETS = ("initial_budget", "full_year_budget")
AMOUNTS = ("initial_budget", "full_year_budget", "executed", "received")
POINTS = ("weight", "score")


def is_value(text: str) -> bool:
    """A cell a funds row holds under its columns: an amount, a rate, points or a dash."""
    t = ascii_form(text)
    if is_placeholder(t) or _PERCENT.search(t):
        return True
    return parse_amount(t.replace("万", "").replace(" ", "")) is not None


def place(
    values: list[str],
    roles: list[str],
    above: frozenset[int] = frozenset(),
    percent_rates: bool = False,
) -> list[int]:
    """The column index (into ``roles``) of each value, in order; ``above``: the columns the
    block's previous row filled, which a row of the same block tends to fill too;
    ``percent_rates``: the block prints its rates with %, so a bare figure is none (a carried
    over 100 | 100 | 100 is three amounts, not two and their rate)."""
    n, k = len(roles), len(values)
    if k >= n or n > _MAX_COLUMNS:
        return list(range(k))
    best: tuple[float, tuple[int, ...]] | None = None
    for cols in itertools.combinations(range(n), k):
        cost = _cost(values, [roles[c] for c in cols], "full_year_budget" in roles, percent_rates)
        cost += 0.01 * sum(cols) - _LIKE_ABOVE * len(above.intersection(cols))
        if best is None or cost < best[0]:
            best = (cost, cols)
    assert best is not None
    return list(best[1])


def _cost(values: list[str], roles: list[str], has_full_year: bool, percent_rates: bool) -> float:
    cost = 0.0
    got: dict[str, float] = {}
    for text, role in zip(values, roles, strict=True):
        t = ascii_form(text)
        if is_placeholder(t):
            cost += 0.0 if role in POINTS else _DASH_ELSEWHERE
            continue
        percent = bool(_PERCENT.search(t))
        if role == "rate_pct":
            if not percent and percent_rates:
                cost += _TYPE_MISMATCH
                continue
            cost += 0.0 if percent else _BARE_RATE
            rate = parse_percent(t)
            if rate is not None:
                got[role] = rate if percent or rate > 1 else rate * 100
        elif percent:
            cost += _TYPE_MISMATCH
        else:
            amount = parse_amount(t.replace("万", "").replace(" ", ""))
            if amount is not None:
                got[role] = amount
    executed, rate = got.get("executed"), got.get("rate_pct")
    # the rate is over 全年预算数 where the form has that column
    budget = got.get("full_year_budget" if has_full_year else "initial_budget")
    if executed is not None and rate is not None and budget:
        cost += _AGREES if abs(executed / budget * 100 - rate) <= _RATE_TOLERANCE else _DISAGREES
    weight, score = got.get("weight"), got.get("score")
    if weight is not None and score is not None and score > weight:
        cost += _DISAGREES
    return cost


TEXT_ROLES = frozenset({"reason", "method"})
FUND_START = 3  # the first value column: the block's label in column 1, row labels in 2


def read_funds(b: Builder, i: int) -> int:
    """The funds block from its first label; the index after it."""
    toks = b.toks
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
        if (
            Kind.FUND_ROW in ks
            and Kind.FUND_COLUMN not in ks  # (预算数, a column's too, under 预算安排情况)
            and any(Kind.FUND_COLUMN in kinds(h.text) for h in head)
        ):
            break  # 项目资金总额 after the columns' labels: the first row's, not the block's
        if not (ks & {Kind.FUND_BLOCK, Kind.FUND_COLUMN}) and not _unit_note(t, head):
            break
        if (
            Kind.FUND_COLUMN in ks
            and _value_follows(toks, j)
            # (not the last label of a header of several, its row of amounts printed without
            # a label under it: 执行率(B/A) | 得分(20分*执行率) | 1,860.00 | 1,848.84 | …)
            and not (
                sum(Kind.FUND_COLUMN in kinds(h.text) for h in head) >= 2
                and _values_follow(toks, j, 2)
            )
        ):
            b.close()
            return _read_pairs(b, i)
        head.append(t)
        j += 1
    if not head and b.stream.grouped:
        b.free(toks[i])  # row labels before any funds header: rows as printed
        return i + 1
    b.close()
    roles = _header(b, head)
    return _rows(b, j, roles)


def _header(b: Builder, head: list[Token]) -> list[str]:
    """The header row; the roles of its columns, in order."""
    row: list[Placed] = []
    roles: list[str] = []
    col = FUND_START
    for t in head:
        ks = kinds(t.text)
        if Kind.FUND_COLUMN in ks and not (Kind.FUND_BLOCK in ks and not roles and not row):
            roles.append(_role(t.text, b.family))
            row.append(Placed(t, col))
            col += 1
        elif not roles and len(row) < FUND_START - 1:
            row.append(Placed(t, len(row) + 1))  # the block's label, a sub-label
        else:
            row.append(Placed(t, col))  # a unit note after the columns
            col += 1
    if row:
        b.rows.append(row)
    return roles


def _rows(b: Builder, j: int, roles: list[str]) -> int:
    toks = b.toks
    rows: list[tuple[Token | None, list[Token]]] = []
    places = False  # under a list of places' label (分乡镇（街道）：): each place opens a row
    while j < len(toks):
        t = toks[j]
        ks = kinds(t.text)
        # (项目资金总额, a block's label too, is the first row's under the columns' labels)
        row_label = Kind.FUND_ROW in ks and bool(roles) and not rows
        if not t.empty and ((ks & ENDS and not row_label) or starts_indicators(b, j)):
            break
        if not roles and not t.empty and not ks and not is_value(t.text):
            break  # without a header, a row holds its values only
        listed = None if t.empty or ks else places_label(t.text)
        if Kind.FUND_ROW in ks:
            if rows and _pairs_with(rows[-1], t):
                rows[-1][1].append(t)
            else:
                rows.append((t, []))
            places = False
        elif listed is not None or (places and not t.empty and place_name(t.text)):
            rows.append((t, []))  # the list's label, or a place of the list
            places = places or bool(listed)
        elif (
            rows and not t.empty and not ks and source_label(t.text) and _values_follow(toks, j, 2)
        ):
            rows.append((t, []))  # a source no form lists (省市县资金 | 620.00 | …): its own row
        elif rows:
            rows[-1][1].append(t)
        elif not t.empty:
            rows.append((None, [t]))
        j += 1
    above: frozenset[int] = frozenset()
    # the block's rates printed with % (97.98%): its bare figures are amounts or points
    percent_rates = any(rate_in_percent(t) for _, items in rows for t in items)
    for label, items in rows:
        row = _row(b, label, items, roles, above, percent_rates=percent_rates)
        b.rows.append(row)
        filled = frozenset(p.column - FUND_START for p in row if p.column >= FUND_START)
        above = filled or above
    return j


def header_roles(b: Builder, line: list[Token]) -> list[str] | None:
    """The roles of a funds header printed on a line of its own (资金情况(万元) | 全年预算数 |
    全年执行数 | 分值 | 执行率 | 得分), or None when ``line`` is no such header."""
    if not line or Kind.FUND_BLOCK not in kinds(line[0].text):
        return None
    columns = [t for t in line[1:] if Kind.FUND_COLUMN in kinds(t.text)]
    if len(columns) < 2 or len(columns) != len(line) - 1:
        return None
    return [_role(t.text, b.family) for t in columns]


def line_row(
    b: Builder,
    line: list[Token],
    roles: list[str],
    above: frozenset[int],
    percent_rates: bool = False,
) -> list[Placed]:
    """A funds row printed on a line of its own under a header of ``roles`` (placed from
    column 2 on, as the header's line is), its empty cells left out: each value in the column
    its kind and the arithmetic say (``place``); ``percent_rates``: the block's rows above
    printed a rate with %."""
    return _row(b, line[0], line[1:], roles, above, start=2, percent_rates=percent_rates)


def rate_in_percent(t: Token) -> bool:
    """A funds row's value printed with % (97.98%): the block's rates are so printed."""
    return _PERCENT.search(ascii_form(t.text)) is not None


def _row(
    b: Builder,
    label: Token | None,
    items: list[Token],
    roles: list[str],
    above: frozenset[int],
    start: int = FUND_START,
    percent_rates: bool = False,
) -> list[Placed]:
    row = [Placed(label, start - 1)] if label is not None else []
    text_cols = [k for k, r in enumerate(roles) if r in TEXT_ROLES]
    value_cols = [k for k, r in enumerate(roles) if r not in TEXT_ROLES]
    values = [t for t in items if t.empty or is_value(t.text)]
    texts = _wrapped_joined(
        [t for t in items if not t.empty and not is_value(t.text)], len(text_cols)
    )
    placed: list[tuple[Token, int]] = []
    if b.stream.explicit_empties and any(t.empty for t in values[: len(value_cols)]):
        placed = [(t, value_cols[k]) for k, t in enumerate(values) if k < len(value_cols)]
        rest = values[len(value_cols) :]
    else:
        shown = [t for t in values if not t.empty]
        cols = place(
            [t.text for t in shown],
            [roles[k] for k in value_cols],
            frozenset(value_cols.index(k) for k in above if k in value_cols),
            percent_rates,
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
    row += [Placed(t, start + k) for t, k in placed]
    after = start + max(len(roles), 1 + max((k for _, k in placed), default=-1))
    row += [Placed(t, after + n) for n, t in enumerate(extra)]
    return row


def _wrapped_joined(texts: list[Token], columns: int) -> list[Token]:
    """A row's texts, more than its text columns, with each line that goes on from the line
    above (a 原因 cell wrapped over three lines: 因春季学期在园幼儿人数较年初 / 预计减少,经县财政局
    批复调减 / 预算13.60万元。) joined to it, while it ends no sentence."""
    if not columns or len(texts) <= columns:
        return texts  # (no text column: the texts are other cells, kept apart)
    out: list[Token] = []
    last = 0  # the line the text before ends on
    for t in texts:
        if out and t.line == last + 1 and not out[-1].text.endswith(_SENTENCE_ENDS):
            out[-1] = merge(out[-1], t)
        else:
            out.append(t)
        last = t.line
    return out


_SENTENCE_ENDS = ("。", "！", "？", "；")


def _read_pairs(b: Builder, i: int) -> int:
    """A funds block printing each column label beside its value (预算数: 2.38 执行数: …):
    read as rows of label and value pairs, a row per row label."""
    toks = b.toks
    j = i
    row: list[Placed] = []
    label = ""
    while j < len(toks):
        t = toks[j]
        ks = kinds(t.text)
        if t.empty:
            j += 1
            continue
        if j > i and (
            ks & (ENDS - {Kind.FUND_BLOCK, Kind.FUND_ONLY})
            or (Kind.FUND_ONLY in ks and Kind.FUND_COLUMN not in ks)
            or starts_indicators(b, j)
        ):
            break  # (the Hebei form's column labels, 资金到位情况 …, go on with the block)
        row_label = Kind.FUND_ROW in ks and Kind.FUND_COLUMN not in ks
        # the first label printed beside its value after a row of labels (预算安排情况(调整后)
        # | 资金到位情况 | … , then 预算数 | 1260.00 | 到位数 | …): the values' row begins
        first_pair = (
            Kind.FUND_COLUMN in ks
            and _value_follows(toks, j)
            and any(Kind.FUND_COLUMN in kinds(p.token.text) for p in row)
            and not any(is_value(p.token.text) for p in row)
        )
        if not row or (row_label and key(t.text) != label) or (first_pair and j > i):
            row, label = [Placed(t, 1)], key(t.text)
            b.rows.append(row)
        else:
            row.append(Placed(t, row[-1].column + 1))
        j += 1
    return j


def _role(text: str, family: Family) -> str:
    return label_role(text, [f.fund_columns for f in (family, *FAMILIES)]) or "extra"


def _unit_note(t: Token, head: list[Token]) -> bool:
    """``(万元)`` printed apart from the block's label, after its columns."""
    k = key(t.text)
    return bool(head) and k.strip("()") in ("万元", "元", "万元")


def _value_follows(toks: list[Token], j: int) -> bool:
    """A column label with its value right after it (``预算数: 2.38``)."""
    nxt = next((t for t in toks[j + 1 : j + 3] if not t.empty), None)
    return nxt is not None and is_value(nxt.text) and not kinds(nxt.text)


def _values_follow(toks: list[Token], j: int, n: int) -> bool:
    """``n`` values right after token ``j``, no label between them."""
    after = [t for t in toks[j + 1 : j + 1 + 2 * n] if not t.empty][:n]
    return len(after) == n and all(is_value(t.text) and not kinds(t.text) for t in after)


def _pairs_with(row: tuple[Token | None, list[Token]], t: Token) -> bool:
    """The same row label again after one value: the row's second half (budget | executed)."""
    label, items = row
    shown = [x for x in items if not x.empty]
    return label is not None and key(label.text) == key(t.text) and len(shown) == 1
