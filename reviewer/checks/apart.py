"""Whether the funds block of a table whose indicator rows alone are doubted is reviewed.

The funds block is read apart from the rows; a doubt on the rows (``ReadingDoubt.rows_only``)
leaves it to the rules that read nothing else (``Rule.funds_alone``: its sums, rate and
execution score), where it reads as a form prints it. The rules' engine, the P108 finding and
the memo's note on the table ask here, so that they say the same.
"""

from __future__ import annotations

from reviewer.model import EvaluationTable


def funds_reviewed_apart(table: EvaluationTable) -> bool:
    """The table's rows alone are doubted and its funds block reads whole: what reads the
    funds block alone judges it."""
    return bool(table.doubts) and table.funds_apart and _funds_read_whole(table)


def _funds_read_whole(table: EvaluationTable) -> bool:
    """The funds block of a table whose rows alone are doubted, read as a form prints it:
    its total's budget and executed amounts, the executed within reach of the budget, a printed
    rate near their quotient, and its source rows an amount in each column the total fills. A
    block read otherwise beside misread rows is taken for misread too, not reviewed."""
    total = table.funds.annual_total
    budget, executed = total.full_year_budget, total.executed
    if not budget or executed is None or executed > budget * _OVER_BUDGET:
        return False
    rate, exact = total.rate_pct, executed / budget * 100
    if rate is not None and not (
        exact / _RATE_APART <= rate <= min(exact * _RATE_APART, _RATE_CAP)
    ):
        return False  # (a rate far off its amounts: a column's figure in its place)
    funds = table.funds
    sources = [r for r in (*list(funds.rows().values())[1:], *funds.extra.values()) if r.cells]
    return not sources or all(
        any(getattr(r, column) is not None for r in sources)
        for column in ("initial_budget", "full_year_budget", "executed")
        if getattr(total, column) is not None
    )


_OVER_BUDGET = 1.2
_RATE_APART = 2.0
_RATE_CAP = 150.0  # % spent, at most, of a budget read right
