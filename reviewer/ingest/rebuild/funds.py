"""A funds row's values placed under the funds header's columns.

Where the layout shows empty cells, the values stand in order. Where it drops them and a row
has fewer values than the header has columns (``年度资金总额 | 32.4 | 31.69 | 10 | 97.80% | 9``
under six columns), the columns left empty are chosen so that the row reads as the form's
arithmetic says it must: a percentage is the rate, and the rate is the executed amount over
the budget (97.80% = 31.69 / 32.4 puts 32.4 under 全年预算数, not 年初预算数); a dash marks
points that do not apply; a row fills the columns the row above filled. Among equally good
placements the leftmost wins.
"""

from __future__ import annotations

import itertools
import re

from reviewer.parse.values import ascii_form, is_placeholder, parse_amount, parse_percent

_PERCENT = re.compile(r"%\s*$")
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


def place(values: list[str], roles: list[str], above: frozenset[int] = frozenset()) -> list[int]:
    """The column index (into ``roles``) of each value, in order; ``above``: the columns the
    block's previous row filled, which a row of the same block tends to fill too."""
    n, k = len(roles), len(values)
    if k >= n or n > _MAX_COLUMNS:
        return list(range(k))
    best: tuple[float, tuple[int, ...]] | None = None
    for cols in itertools.combinations(range(n), k):
        cost = _cost(values, [roles[c] for c in cols], "full_year_budget" in roles)
        cost += 0.01 * sum(cols) - _LIKE_ABOVE * len(above.intersection(cols))
        if best is None or cost < best[0]:
            best = (cost, cols)
    assert best is not None
    return list(best[1])


def _cost(values: list[str], roles: list[str], has_full_year: bool) -> float:
    cost = 0.0
    got: dict[str, float] = {}
    for text, role in zip(values, roles, strict=True):
        t = ascii_form(text)
        if is_placeholder(t):
            cost += 0.0 if role in POINTS else _DASH_ELSEWHERE
            continue
        percent = bool(_PERCENT.search(t))
        if role == "rate_pct":
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
