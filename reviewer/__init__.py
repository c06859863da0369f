"""reviewer: 财政项目支出绩效自评表复核工具.

Public API::

    from reviewer import review
    result = review("report.pdf")          # ingest → parse → rules → (LLM) → merge → memo
    print(result.memo.overview.counts, result.exit_code("error"))

    from reviewer import parse_file
    report = parse_file("report.txt")      # the parse only
"""

from reviewer.api import parse_file
from reviewer.errors import InputError, ReviewerError, UsageError
from reviewer.model import EvaluationTable, Finding, Indicator, Report
from reviewer.pipeline import Review, review
from reviewer.version import __version__

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
