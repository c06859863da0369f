"""Errors the user sees.

Every error here carries a one-line Chinese message meant for the person running ``review``;
the CLI prints it and exits with the error's code instead of a traceback::

    ReviewerError            exit 2 unless stated
    ├── InputError           the file cannot be read as a report (missing, empty, binary, no table)
    │   └── LimitError       reading it would exceed a configured limit (reviewer.limits)
    └── UsageError           a command-line or configuration mistake
"""

from __future__ import annotations


class ReviewerError(Exception):
    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(ReviewerError):
    """The input cannot be read as a self-evaluation report."""


class LimitError(InputError):
    """Reading the input would go past one of the configured limits (a bomb, or a file too big)."""


class UsageError(ReviewerError):
    """The command line or configuration is wrong."""
