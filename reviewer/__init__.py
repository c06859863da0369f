"""reviewer: 财政项目支出绩效自评表复核工具.

Public API::

    from reviewer import parse_file
    report = parse_file("report.txt")
"""

from reviewer.api import parse_file
from reviewer.errors import InputError, ReviewerError, UsageError
from reviewer.model import EvaluationTable, Indicator, Report

__all__ = [
    "EvaluationTable",
    "Indicator",
    "InputError",
    "Report",
    "ReviewerError",
    "UsageError",
    "parse_file",
]
__version__ = "0.1.0"
