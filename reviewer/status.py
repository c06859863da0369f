"""The command line's status lines on standard error: warnings, errors, the one-line summary.

On a terminal, or where colour is asked for (``FORCE_COLOR``), a line goes through rich, its
lead word in colour. Anywhere else (a pipe, a log file, CI, a batch script) it is written as it
is: rich would print the same characters there, and importing it is a tenth of a single review's
start-up (issue 17). Either way a line is plain text, never read as rich markup, so a file name
or a document's words cannot style it; each untrusted part is put on one line by the caller
(:func:`reviewer.untrusted.one_line`).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

# A part of a line: its text, or its text and a rich style (``("警告", "yellow")``).
Part = str | tuple[str, str]


def coloured(stream: TextIO) -> bool:
    """Whether rich would style what it writes to ``stream``: a terminal, or colour forced."""
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False


class Status:
    """Lines for the user on standard error."""

    def __init__(self) -> None:
        self._console: Console | None = None

    @property
    def console(self) -> Console:
        """A rich console on standard error, for a progress bar (imports rich)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=True, highlight=False)
        return self._console

    def say(self, *parts: Part) -> None:
        """One line made of ``parts``."""
        stream = sys.stderr
        if coloured(stream):
            from rich.text import Text

            self.console.print(Text.assemble(*parts), soft_wrap=True)
            return
        stream.write("".join(p if isinstance(p, str) else p[0] for p in parts) + "\n")
        stream.flush()
