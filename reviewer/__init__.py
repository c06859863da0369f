"""reviewer: 财政项目支出绩效自评表复核工具.

Public API::

    from reviewer import review
    result = review("report.pdf")          # ingest → parse → rules → (LLM) → merge → memo
    print(result.memo.overview.counts, result.exit_code("error"))

    from reviewer import parse_file
    report = parse_file("report.txt")      # the parse only

The names are imported on first use (PEP 562), so that ``import reviewer.cli`` (and with it
``review --version`` or ``review rules``) does not pay for the pipeline's imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.lazy import lazy_getattr
from reviewer.version import __version__

if TYPE_CHECKING:
    from reviewer.api import parse_file
    from reviewer.errors import InputError, ReviewerError, UsageError
    from reviewer.model import EvaluationTable, Finding, Indicator, Report
    from reviewer.pipeline import Review, review

_WHERE = {
    "parse_file": "reviewer.api",
    "InputError": "reviewer.errors",
    "ReviewerError": "reviewer.errors",
    "UsageError": "reviewer.errors",
    "EvaluationTable": "reviewer.model",
    "Finding": "reviewer.model",
    "Indicator": "reviewer.model",
    "Report": "reviewer.model",
    "Review": "reviewer.pipeline",
    "review": "reviewer.pipeline",
}

__all__ = [
    "EvaluationTable",
    "Finding",
    "Indicator",
    "InputError",
    "Report",
    "Review",
    "ReviewerError",
    "UsageError",
    "__version__",
    "parse_file",
    "review",
]


__getattr__ = lazy_getattr(__name__, _WHERE)


def __dir__() -> list[str]:
    return sorted(__all__)
