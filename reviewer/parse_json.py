"""``review parse`` as JSON, streamed: each table is written as soon as it is parsed and then
dropped, so that memory stays flat however large the file (a 10,000-table file used to become
one 300 MB string).

``json``  — the Report document, the same bytes as ``Report.model_dump_json(indent=2)``;
``jsonl`` — JSON Lines, one object per line, told apart by ``kind``::

    {"kind": "report", "source": ..., "format": ..., "encoding": ...}     first
    {"kind": "table", "index": 0, "table": {...}}                          one per table
    {"kind": "leftover", "text": ..., "location": {...}, "reason": ...}   one per unread cell
    {"kind": "summary", "project": ..., "score": ..., "rate_pct": ...}    one per line of a
                                                                           汇总 of projects
    {"kind": "end", "tables": 14, "accounting": {...}}                     last

Nothing is written before the first table is parsed: a file without a table raises
:class:`~reviewer.errors.InputError` with stdout untouched.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from reviewer.api import no_table
from reviewer.ingest import read_grid
from reviewer.limits import Limits
from reviewer.model import Accounting, EvaluationTable, Leftover, Report
from reviewer.parse import TableStream
from reviewer.untrusted import path_text

_TABLES = '"tables": []'


@dataclass
class Parsed:
    """What a streamed parse leaves behind besides the tables: for the warnings on stderr."""

    source: str
    tables: int = 0
    leftovers: list[Leftover] = field(default_factory=list)
    accounting: Accounting = field(default_factory=Accounting)


def _stream(
    path: str | Path, limits: Limits | None, form: str | None
) -> tuple[TableStream, Iterator[EvaluationTable], EvaluationTable]:
    """The stream, its iterator and its first table (InputError when there is none)."""
    stream = TableStream(read_grid(path, limits), form)
    tables = iter(stream)
    first = next(tables, None)
    if first is None:
        raise no_table(path, stream.leftovers)
    return stream, tables, first


def _shell(stream: TableStream) -> str:
    grid = stream.grid
    return Report(
        source=path_text(grid.source),  # a name that is not UTF-8 is still written out
        format=grid.format,
        encoding=grid.encoding,
        leftovers=stream.leftovers,
        accounting=stream.accounting,
        summaries=stream.summaries,
    ).model_dump_json(indent=2)


def write_json(
    path: str | Path, out: TextIO, limits: Limits | None = None, form: str | None = None
) -> Parsed:
    """Write the Report of ``path`` to ``out`` as indented JSON, one table at a time (read
    within ``limits``, as the form family ``form`` when given)."""
    stream, tables, first = _stream(path, limits, form)
    head = _shell(stream).split(_TABLES, 1)[0]  # source, format, encoding: known already
    out.write(head + '"tables": [\n    ')
    n = 0
    for table in _chain(first, tables):
        if n:
            out.write(",\n    ")
        out.write(table.model_dump_json(indent=2).replace("\n", "\n    "))
        n += 1
    tail = _shell(stream).split(_TABLES, 1)[1]  # leftovers, accounting, summaries: at the end
    out.write("\n  ]" + tail + "\n")
    return Parsed(path_text(stream.grid.source), n, stream.leftovers, stream.accounting)


def write_jsonl(
    path: str | Path, out: TextIO, limits: Limits | None = None, form: str | None = None
) -> Parsed:
    """Write the Report of ``path`` to ``out`` as JSON Lines (see the module's docstring)."""
    stream, tables, first = _stream(path, limits, form)
    grid = stream.grid
    source = path_text(grid.source)
    head = {
        "kind": "report",
        "source": source,
        "format": grid.format,
        "encoding": grid.encoding,
    }
    out.write(json.dumps(head, ensure_ascii=False, separators=(",", ":")) + "\n")
    n = 0
    for table in _chain(first, tables):
        out.write(f'{{"kind":"table","index":{n},"table":{table.model_dump_json()}}}\n')
        n += 1
    for left in stream.leftovers:
        out.write('{"kind":"leftover",' + left.model_dump_json()[1:] + "\n")
    for entry in stream.summaries:
        out.write('{"kind":"summary",' + entry.model_dump_json()[1:] + "\n")
    accounting = stream.accounting.model_dump_json()
    out.write(f'{{"kind":"end","tables":{n},"accounting":{accounting}}}\n')
    return Parsed(source, n, stream.leftovers, stream.accounting)


def _chain(first: EvaluationTable, rest: Iterator[EvaluationTable]) -> Iterator[EvaluationTable]:
    yield first
    yield from rest
