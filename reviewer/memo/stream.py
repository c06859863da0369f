"""A memo written while its tables are reviewed: each table's parts wait on disk, not in memory.

The memo opens with what only the last table settles (the title, the overview's totals, the
order of 二、主要问题), so a table's parts cannot be written where they belong as it is reviewed.
:class:`MemoSpool` puts them in temporary files instead — the overview row, the lines under
each group of 二、主要问题, the section of 三、逐项复核意见 (or, for JSON, the table's item and
its groups' items) — and :meth:`MemoSpool.write` lays the finished memo out around them. The
words are the renderers' own (``markdown_lines``, ``json_chunks``): the memo is byte for byte
the one :func:`~reviewer.memo.markdown.render_markdown` or
:func:`~reviewer.memo.jsonout.render_json` gives for the whole report.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Literal

from reviewer.memo.jsonout import json_chunks, json_item
from reviewer.memo.markdown import issue_line, markdown_lines, overview_row, table_lines
from reviewer.memo.model import IssueTable, Memo, TableReview

SpoolFormat = Literal["markdown", "json"]


class _Spool:
    """One temporary file of lines (Markdown) or of list items (JSON)."""

    def __init__(self, folder: Path | None) -> None:
        self.file: IO[str] = tempfile.TemporaryFile(  # noqa: SIM115 - closed by MemoSpool.close
            "w+", encoding="utf-8", newline="", dir=folder, prefix=".reviewer-spool-"
        )
        self.count = 0

    def add_lines(self, lines: list[str]) -> None:
        self.file.write("".join(line + "\n" for line in lines))

    def add_item(self, item: str) -> None:
        self.file.write(("" if not self.count else "\0") + item)  # JSON escapes every \0
        self.count += 1

    def lines(self) -> Iterator[str]:
        self.file.seek(0)
        for line in self.file:
            yield line[:-1]

    def items(self) -> Iterator[str]:
        self.file.seek(0)
        buffer = ""
        while chunk := self.file.read(1 << 16):
            *done, buffer = (buffer + chunk).split("\0")
            yield from done
        if self.count:
            yield buffer


class MemoSpool:
    """The per-table parts of a memo being written, in temporary files in ``folder`` (the
    output's folder: the parts are as large as the memo)."""

    def __init__(self, fmt: SpoolFormat, folder: Path | None = None) -> None:
        self.fmt = fmt
        self._folder = folder
        self._tables = _Spool(folder)
        self._rows = _Spool(folder)
        self._groups: dict[str, _Spool] = {}

    def add(self, review: TableReview, entries: list[tuple[str, IssueTable]]) -> None:
        """A table's parts: its review, and its entries under the groups of 二、主要问题."""
        if self.fmt == "json":
            self._tables.add_item(json_item(review, 2))
        else:
            self._rows.add_lines([overview_row(review)])
            self._tables.add_lines(table_lines(review))
        for key, entry in entries:
            group = self._groups.get(key)
            if group is None:
                group = self._groups[key] = _Spool(self._folder)
            if self.fmt == "json":
                group.add_item(json_item(entry, 4))
            else:
                group.add_lines([issue_line(entry)])

    def write(self, memo: Memo, out: IO[str]) -> None:
        """The memo, finished (its tables left out: they are here), to ``out``."""
        keys = [g.key for g in memo.main_issues]
        if self.fmt == "json":
            for chunk in json_chunks(memo, self._tables.items(), lambda n: self._items(keys[n])):
                out.write(chunk)
            return
        lines = markdown_lines(
            memo, self._rows.lines(), lambda n, _g: self._lines(keys[n]), self._tables.lines()
        )
        out.write(next(lines, ""))
        for line in lines:  # "\n".join, a line at a time
            out.write("\n")
            out.write(line)

    def _items(self, key: str) -> Iterator[str]:
        group = self._groups.get(key)
        return group.items() if group is not None else iter(())

    def _lines(self, key: str) -> Iterator[str]:
        group = self._groups.get(key)
        return group.lines() if group is not None else iter(())

    def close(self) -> None:
        for spool in [self._tables, self._rows, *self._groups.values()]:
            spool.file.close()

    def __enter__(self) -> MemoSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
