"""Content-blind tools, scored beside the real one in every report.

- the **dumb tool** reads the same parse and writes 此处可能有问题 on every row that lost points or
  whose actual differs from its target (and on the table when its budget row lost points), once in
  each category: it knows where problems tend to be and nothing about what they are;
- the **nonsense tool** is the real tool's findings with every message and code replaced by
  nonsense: the same places, no content.

Under a matching rule that looks at place only, both come close to the real tool (the dumb tool
even beat it on the seed); a rule that measures quality must score them clearly below it. A test
keeps it so on every dataset.
"""

from __future__ import annotations

from dataclasses import replace

from eval.match import Prediction
from reviewer.model import Category, Report, Severity
from reviewer.textnorm import fold

DUMB_CODE = "X000"
DUMB_MESSAGE = "此处可能有问题"
NONSENSE_CODE = "Z999"
NONSENSE_MESSAGE = "云雾缭绕，月色正好，茶已凉。"
BLIND = ("dumb", "nonsense")


def _everywhere(project: str, indicator: str | None) -> list[Prediction]:
    return [
        Prediction(DUMB_CODE, c, Severity.WARNING, project, indicator, "rules", DUMB_MESSAGE)
        for c in Category
    ]


def dumb(report: Report | None) -> list[Prediction]:
    """The dumb tool's findings on a parsed report (none when it could not be parsed)."""
    out: list[Prediction] = []
    for t in report.tables if report is not None else []:
        row = t.funds.annual_total
        if row.weight is not None and row.score is not None and row.score < row.weight:
            out += _everywhere(t.project, None)
        for ind in t.indicators:
            lost = ind.weight is not None and ind.score is not None and ind.score < ind.weight
            if lost or fold(ind.actual) != fold(ind.target):
                out += _everywhere(t.project, ind.name)
    return out


def nonsense(preds: list[Prediction]) -> list[Prediction]:
    """The real tool's findings, each code and message replaced by nonsense."""
    return [replace(p, code=NONSENSE_CODE, message=NONSENSE_MESSAGE) for p in preds]
