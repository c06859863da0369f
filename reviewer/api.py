"""The public API the CLI and the eval harness call."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reviewer.errors import InputError
from reviewer.ingest import read_grid
from reviewer.model import EvaluationTable, Report
from reviewer.parse import TableStream, parse_grid


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large object graph is built.

    The parser creates no reference cycles, so reference counting frees everything; but each
    automatic collection walks every live object, and while a big Report grows that walk makes
    parsing quadratic. The collector's previous state is restored afterwards.

    What was built meanwhile is long-lived, so it is moved straight to the oldest generation
    (``gc.freeze()`` then ``gc.unfreeze()``, as documented: into the permanent generation and
    back into the oldest). Otherwise the first young collection after the pause walks every
    object of the Report, then the next one again: a tenth of a large parse. Skipped when
    the program keeps objects frozen itself, so as not to unfreeze them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


def no_table_error(path: str | Path) -> InputError:
    return InputError(
        f"未在 {Path(path).name} 中找到财政项目支出绩效自评表（项目名称、绩效指标等栏目）"
    )


def parse_file(path: str | Path) -> Report:
    """Read and parse a report file; raise InputError when it holds no self-evaluation table."""
    grid = read_grid(path)
    try:
        with gc_paused():
            report = parse_grid(grid)
    except OSError as exc:
        raise InputError(f"读取 {Path(path).name} 时出错：{exc.strerror or exc}") from exc
    if not report.tables:
        raise no_table_error(path)
    return report


def iter_tables(path: str | Path) -> Iterator[EvaluationTable]:
    """Yield a file's tables one by one as they are parsed, holding none of them.

    For very large files; leftovers are not collected (use ``parse_file`` for those).
    """
    found = False
    for table in TableStream(read_grid(path)):
        found = True
        yield table
    if not found:
        raise no_table_error(path)
