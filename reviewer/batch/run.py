"""Batch review: many reports in one command, one memo each, and a ranked summary.

    run_batch(["报表/", "其他/*.txt"], Path("复核结果"), config=config, jobs=4)

Parsing and the rules run in worker processes (``jobs``; 1 runs in this process). Each worker
writes its memo atomically and a sidecar beside it, so an interrupted run (Ctrl-C) leaves every
memo already written intact, and a re-run skips inputs whose memo is up to date. A file that fails
(unreadable, not a form) is recorded with its error and the others go on. The summary (Markdown,
CSV, .xlsx) ranks every table by risk and links each row to its memo.

Every file goes through the one review pipeline (``reviewer.pipeline``). Offline, a worker runs
all of it (``review``). With the LLM stage enabled, workers run ``analyse`` (parse and rules, the
CPU work) and this process runs ``complete`` (the LLM stage, the merge and the memo) for all files
through one thread pool of ``max_concurrency`` threads, so the limit is shared across the batch.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Generator
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from reviewer.atomic import atomic_write
from reviewer.batch.files import (
    FileOutcome,
    TableRow,
    Task,
    collect_inputs,
    common_base,
    config_stamp,
    file_sha256,
    memo_names,
    up_to_date,
    write_sidecar,
)
from reviewer.batch.summary import write_summaries
from reviewer.config import Config
from reviewer.errors import ReviewerError
from reviewer.llm.settings import LlmSettings
from reviewer.llm.stage import LlmStage
from reviewer.memo.render import render_memo
from reviewer.model import Severity
from reviewer.pipeline import Analysis, Review, analyse, complete


@dataclass
class BatchResult:
    outcomes: list[FileOutcome]
    unfinished: list[str]  # inputs not reviewed because the run was interrupted
    interrupted: bool
    summaries: list[Path] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def exit_code(self) -> int:
        """130 interrupted; 2 a file failed; else 3 / 1 / 0 as for one file (3 first)."""
        codes = {o.exit_code for o in self.outcomes if o.status != "failed"}
        if self.interrupted:
            return 130
        if self.count("failed"):
            return 2
        return 3 if 3 in codes else 1 if 1 in codes else 0


def _rows(result: Review) -> list[TableRow]:
    rows = []
    for t, review in zip(result.report.tables, result.memo.tables, strict=True):
        sev = [sum(1 for f in review.findings if f.severity is s) for s in Severity]
        rows.append(
            TableRow(
                table_index=review.table_index,
                project=review.project,
                department=review.department,
                errors=sev[0],
                warnings=sev[1],
                infos=sev[2],
                claimed_total=review.claimed_total,
                claimed_grade=review.claimed_grade,
                recomputed_total=review.recomputed_total,
                recomputed_grade=review.recomputed_grade,
                full_year_budget=review.full_year_budget,
                executed=review.executed,
                amount_unit=t.amount_unit,
            )
        )
    return rows


def _failed(task: Task, message: str) -> FileOutcome:
    return FileOutcome(source=task.display, status="failed", error=message)


@dataclass
class _Analysed:
    """A worker's result when the LLM stage runs in the parent: the parse and rule findings."""

    task: Task
    analysis: Analysis
    sha: str


def _analyse(task: Task) -> _Analysed | FileOutcome:
    """Parse and run the rules; a file that cannot be reviewed becomes a failed outcome."""
    try:
        sha = file_sha256(task.source) if task.source.is_file() else ""
        analysis = analyse(task.source, task.config)
        analysis.report.source = task.display
        return _Analysed(task, analysis, sha)
    except ReviewerError as exc:
        return _failed(task, exc.message)
    except OSError as exc:
        return _failed(task, f"无法读取文件：{exc.strerror or exc}")
    except Exception as exc:  # one bad file must not stop the batch: record and go on
        return _failed(task, f"复核时出现内部错误（{type(exc).__name__}：{exc}）")


def _finish(a: _Analysed, llm: LlmStage | None) -> FileOutcome:
    """The rest of the pipeline (LLM stage, merge, memo); write the memo and its sidecar."""
    task = a.task
    result = complete(a.analysis, task.config, llm)
    try:
        atomic_write(task.memo, render_memo(task.fmt, result.memo, result.report))
    except OSError as exc:
        return _failed(task, f"无法写入复核意见 {task.memo_rel}：{exc.strerror or exc}")
    outcome = FileOutcome(
        source=task.display,
        memo=task.memo_rel,
        status="reviewed",
        exit_code=result.exit_code(task.config.fail_on),
        leftovers=len(result.report.leftovers),
        tables=_rows(result),
    )
    if not result.llm.failed_tables:  # an incomplete LLM review is retried by the next run
        with contextlib.suppress(OSError):  # without its sidecar the memo is redone next time
            write_sidecar(task, outcome, a.sha)
    return outcome


def review_task(task: Task) -> FileOutcome:
    """One file, offline, start to finish (what a worker process runs)."""
    analysed = _analyse(task)
    if isinstance(analysed, FileOutcome):
        return analysed
    # The stage is rebuilt here, not sent: a stage holds the API key, which is never pickled.
    return _finish(analysed, LlmStage(LlmSettings(enabled=False, note=task.llm_note)))


def _ignore_sigint() -> None:
    """Workers finish the file in hand on Ctrl-C; the parent stops handing out new ones."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _outcomes(
    tasks: list[Task], jobs: int, llm: LlmStage | None
) -> Generator[FileOutcome, None, None]:
    """Outcomes as files finish. Closing the iterator cancels what has not started."""
    if jobs <= 1 and llm is None:
        for task in tasks:
            yield review_task(task)
        return
    procs = ProcessPoolExecutor(max_workers=max(jobs, 1), initializer=_ignore_sigint)
    threads = ThreadPoolExecutor(max_workers=llm.max_concurrency) if llm else None
    pending: set[Future[Any]] = set()
    try:
        work = _analyse if llm else review_task
        pending = {procs.submit(work, t) for t in tasks}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                value = fut.result()
                if isinstance(value, _Analysed):
                    assert llm is not None and threads is not None
                    pending.add(threads.submit(_finish, value, llm))
                elif isinstance(value, FileOutcome):
                    yield value
    finally:
        for fut in pending:
            fut.cancel()
        pools: list[Executor] = [procs] + ([threads] if threads else [])
        for pool in pools:
            pool.shutdown(wait=True, cancel_futures=True)


def plan(
    specs: list[str], out_dir: Path, config: Config, fmt: str, llm_note: str = ""
) -> tuple[list[Task], list[str]]:
    """The tasks for ``specs``, and the specs that matched no file."""
    files, unmatched = collect_inputs(specs, out_dir)
    base = common_base(files)
    stamp = config_stamp(config, fmt)
    tasks = [
        Task(f, display, out_dir, memo_rel, fmt, config, llm_note, stamp)
        for f, (display, memo_rel) in zip(files, memo_names(files, base, fmt), strict=True)
    ]
    return tasks, unmatched


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("复核"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[note]}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )


def run_batch(
    specs: list[str],
    out_dir: Path,
    *,
    config: Config,
    fmt: str = "markdown",
    jobs: int | None = None,
    llm: LlmStage | None = None,
    console: Console | None = None,
    on_file_done: Callable[[int], None] | None = None,
) -> BatchResult:
    """Review every input named by ``specs`` into ``out_dir`` and write the summaries there.

    ``llm`` is the LLM stage for every file (built with ``shared_limit=True``), or None.
    ``on_file_done(n)`` is called after each file with the number of files finished in this run
    (a hook for tests: raising KeyboardInterrupt from it acts like Ctrl-C).
    """
    console = console or Console(stderr=True, highlight=False)
    jobs = jobs or os.cpu_count() or 1
    live = llm if llm is not None and llm.enabled else None
    tasks, unmatched = plan(specs, out_dir, config, fmt, llm.note if llm is not None else "")
    out_dir.mkdir(parents=True, exist_ok=True)

    finished: dict[str, FileOutcome] = {}
    todo: list[Task] = []
    for task in tasks:
        current = up_to_date(task)
        if current is None:
            todo.append(task)
        else:
            finished[task.display] = current
    for spec in unmatched:
        finished[spec] = FileOutcome(
            source=spec, status="failed", error=f"没有与 {spec} 匹配的文件"
        )

    interrupted = False
    with _progress(console) as bar:
        note = f"（{len(finished)} 个未变化，跳过）" if finished else ""
        progress_task = bar.add_task(
            "", total=len(tasks), completed=len(tasks) - len(todo), note=note
        )
        stream = _outcomes(todo, jobs, live)
        try:
            for n, outcome in enumerate(stream, 1):
                finished[outcome.source] = outcome
                bar.advance(progress_task)
                if on_file_done is not None:
                    on_file_done(n)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            stream.close()

    order = [t.display for t in tasks] + unmatched
    outcomes = [finished[name] for name in order if name in finished]
    unfinished = [name for name in order if name not in finished]
    result = BatchResult(outcomes, unfinished, interrupted)
    result.summaries = write_summaries(outcomes, unfinished, out_dir)
    return result
