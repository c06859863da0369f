"""A form's detail view: the same subject's rows printed again, one per line, after the form.

Budget systems export a project's form and, on a sheet of its own (指标明细), its indicators
one per row with the project's name and funds repeated. Read as a second table of the same
project, it would be reviewed twice and its findings would repeat the form's. A table read
from such an export whose subject and indicator names are an earlier form's is that form's
detail: it is compared with the form value by value, and what it prints otherwise is what the
rules report of it.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from reviewer.forms.vocabulary import key, spaceless
from reviewer.model import CellRef, DetailMismatch, DetailOf, EvaluationTable, Indicator

_KEPT = 64  # forms remembered: a workbook's detail sheet follows its forms, not thousands on
_LEAST_ROWS = 3  # fewer rows shared prove nothing
_SHARE = 0.8  # of the form's rows the detail must print
_TEXTS = ("target", "actual")
_POINTS = ("weight", "score")


@dataclass(slots=True)
class _Form:
    index: int
    rows: dict[str, Indicator]  # by the name's normal form
    budget: tuple[float | None, float | None]  # the total's budget and spending
    cells: tuple[CellRef | None, CellRef | None]
    unit: str  # their unit


def _rows_alone(table: EvaluationTable) -> bool:
    """A table of indicator rows with nothing of a form around them (no subject, no funds, no
    goal): a workbook's 指标明细 sheet printing a form's rows again, say."""
    return (
        not table.name
        and not table.funds.annual_total.cells
        and not table.goal_expected
        and not table.goal_actual
    )


class DetailMatcher:
    """Remembers the forms a stream has read (the last ``_KEPT``) and tells, of an export's
    table, which form it is the detail of."""

    def __init__(self) -> None:
        self._forms: OrderedDict[str, _Form] = OrderedDict()

    def see(self, table: EvaluationTable, index: int) -> None:
        """Take a table as read: a form is remembered; an export matching a form is marked
        its detail (``table.detail_of``)."""
        if not table.indicators:
            return
        if table.exported or _rows_alone(table):
            # (a detail that may be misread is a table said misread, not a form's detail)
            table.detail_of = self._match(table) if table.reliable else None
            if table.detail_of is not None or table.exported:
                return
        total = table.funds.annual_total
        self._forms[key(table.name)] = _Form(
            index,
            {_name(i): i for i in table.indicators},
            (total.full_year_budget, total.executed),
            (total.cells.get("full_year_budget"), total.cells.get("executed")),
            table.amount_unit,
        )
        self._forms.move_to_end(key(table.name))
        while len(self._forms) > _KEPT:
            self._forms.popitem(last=False)

    def _match(self, table: EvaluationTable) -> DetailOf | None:
        names = [_name(i) for i in table.indicators]
        subject = key(table.name)
        candidates = [self._forms[subject]] if subject in self._forms else []
        if not subject:  # a detail that names no subject: the form whose rows it prints
            candidates = list(reversed(self._forms.values()))
        for form in candidates:
            shared = [n for n in names if n in form.rows]
            if (
                len(shared) == len(names)
                and len(set(shared)) >= _LEAST_ROWS
                and len(set(shared)) >= _SHARE * len(form.rows)
            ):
                mismatches = _compare(form, table)
                return DetailOf(table=form.index, rows=len(set(shared)), mismatches=mismatches)
        return None


def _name(i: Indicator) -> str:
    return key(i.name)


def _compare(form: _Form, detail: EvaluationTable) -> list[DetailMismatch]:
    out: list[DetailMismatch] = []
    for row in detail.indicators:
        mine = form.rows[_name(row)]
        for field in _TEXTS:
            a, b = getattr(mine, field), getattr(row, field)
            if a and b and spaceless(a) != spaceless(b):
                out.append(_mismatch(row.name, field, a, b, mine, row))
        for field in _POINTS:
            x, y = getattr(mine, field), getattr(row, field)
            if x is not None and y is not None and abs(x - y) > 0.005:
                out.append(_mismatch(row.name, field, _points(x), _points(y), mine, row))
    if detail.amount_unit != form.unit:
        return out  # amounts in other units: not compared here
    total = detail.funds.annual_total
    for field, printed, cell, own in zip(
        ("full_year_budget", "executed"),
        form.budget,
        form.cells,
        (total.full_year_budget, total.executed),
        strict=True,
    ):
        if printed is not None and own is not None and abs(printed - own) > 0.005:
            theirs = total.cells.get(field)
            out.append(
                DetailMismatch(
                    indicator="",
                    field=field,
                    form=cell.text if cell else _points(printed),
                    detail=theirs.text if theirs else _points(own),
                    evidence=[c for c in (cell, theirs) if c is not None],
                )
            )
    return out


def _mismatch(
    name: str, field: str, form: str, detail: str, mine: Indicator, theirs: Indicator
) -> DetailMismatch:
    cells = [mine.cells.get(field), theirs.cells.get(field)]
    return DetailMismatch(
        indicator=name,
        field=field,
        form=form,
        detail=detail,
        evidence=[c for c in cells if c is not None],
    )


def _points(x: float) -> str:
    return f"{x:g}"
