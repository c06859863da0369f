"""Batch review: many reports in one command, one memo each, and a ranked summary.

    run_batch(["报表/", "其他/*.txt"], Path("复核结果"), config=config, jobs=4)

Parsing and the rules run in worker processes (``jobs``; 1 runs in this process), a few files
per hand-out and never more than a few hand-outs ahead, so that this process does work in
proportion to the files whatever their number. Each worker writes its memo atomically; this
process records each outcome in the output folder's index (``records``) as it arrives, so an
interrupted run (Ctrl-C) leaves every memo already written intact and recorded, and a re-run
skips inputs whose memo is up to date. A file that fails (unreadable, not a form) is recorded
with its error and the others go on; so is a file whose work raises past its own handling or whose
worker process dies (the batch never hangs on it nor stops for it). The summary (Markdown, CSV, .xlsx) ranks every table by risk
and links each row to its memo; it is written from the records, and not at all when they have
not changed.

Every file goes through the one review pipeline (``reviewer.pipeline``). Offline, a worker runs
all of it (``review``). With the LLM stage enabled, workers run ``analyse`` (parse and rules, the
CPU work) and this process runs ``complete`` (the LLM stage, the merge and the memo) for all files
through one thread pool of ``max_concurrency`` threads, so the limit is shared across the batch.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from reviewer.atomic import atomic_write
from reviewer.batch.files import Task, collect_inputs, common_base, config_stamp, memo_names
from reviewer.batch.records import FileOutcome, FileState, RecordIndex, TableRow
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


_WORKER_DIED = "复核进程意外退出（可能是内存不足或被系统终止），本文件未能复核；重新运行会再次复核"


def _crashed(task: Task, exc: BaseException) -> FileOutcome:
    """The outcome of a file whose worker died or whose work raised past its own handling."""
    if isinstance(exc, BrokenProcessPool):
        return _failed(task, _WORKER_DIED)
    return _failed(task, f"复核时出现内部错误（{type(exc).__name__}：{exc}）")


@dataclass
class _Analysed:
    """A worker's result when the LLM stage runs in the parent: the parse and rule findings."""

    task: Task
    analysis: Analysis
    made_from: FileState | None


def _analyse(task: Task) -> _Analysed | FileOutcome:
    """Parse and run the rules; a file that cannot be reviewed becomes a failed outcome."""
    try:
        made_from = FileState.of(task.source) if task.source.is_file() else None
        analysis = analyse(task.source, task.config)
        analysis.report.source = task.display
        return _Analysed(task, analysis, made_from)
    except ReviewerError as exc:
        return _failed(task, exc.message)
    except OSError as exc:
        return _failed(task, f"无法读取文件：{exc.strerror or exc}")
    except Exception as exc:  # one bad file must not stop the batch: record and go on
        return _crashed(task, exc)


def _finish(a: _Analysed, llm: LlmStage | None) -> FileOutcome:
    """The rest of the pipeline (LLM stage, merge, memo); write the memo."""
    task = a.task
    result = complete(a.analysis, task.config, llm)
    content = render_memo(task.fmt, result.memo, result.report)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        atomic_write(task.memo, data)
        written = FileState.written(task.memo, data)
    except OSError as exc:
        return _failed(task, f"无法写入复核意见 {task.memo_rel}：{exc.strerror or exc}")
    outcome = FileOutcome(
        source=task.display,
        memo=task.memo_rel,
        status="reviewed",
        exit_code=result.exit_code(task.config.fail_on),
        leftovers=len(result.report.leftovers),
        tables=_rows(result),
        # an incomplete LLM review is not recorded as current: the next run retries it
        made_from=None if result.llm.failed_tables else a.made_from,
        written=written,
    )
    return outcome


def review_task(task: Task) -> FileOutcome:
    """One file, offline, start to finish (what a worker process runs)."""
    analysed = _analyse(task)
    if isinstance(analysed, FileOutcome):
        return analysed
    # The stage is rebuilt here, not sent: a stage holds the API key, which is never pickled.
    return _finish(analysed, LlmStage(LlmSettings(enabled=False, note=task.llm_note)))


def _reviewed(task: Task) -> FileOutcome:
    """``review_task``, with whatever it raises past its own handling (a memo that cannot be
    rendered, say) recorded as the file's failure: the others go on."""
    try:
        return review_task(task)
    except Exception as exc:
        return _crashed(task, exc)


def _review_chunk(tasks: list[Task]) -> list[FileOutcome]:
    return [_reviewed(t) for t in tasks]


def _analyse_chunk(tasks: list[Task]) -> list[_Analysed | FileOutcome]:
    return [_analyse(t) for t in tasks]


def _ignore_sigint() -> None:
    """Workers finish the files in hand on Ctrl-C; the parent stops handing out new ones."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def chunk_size(files: int, jobs: int) -> int:
    """Files per hand-out: up to 8 (fewer round trips), while every worker gets many."""
    return max(1, min(8, files // (jobs * 16)))


class _Runner:
    """Outcomes as files finish, in worker processes (and LLM threads).

    At most ``2 × jobs`` hand-outs are in the worker pool at a time, and at most that many
    files wait for the LLM stage, so waiting for the next result looks at a handful of futures
    (not at every file of the run) and memory does not grow with the run. ``stop`` cancels what
    has not started, waits for the files in hand and returns their outcomes.

    A future that raises fails its files: a hand-out of several files that could not be sent
    to a worker (an argument that cannot be pickled) is handed out again file by file, so that
    only the culprit fails; when a worker dies the pool breaks, and every file still in it or
    not yet handed out fails at once.
    """

    def __init__(self, tasks: list[Task], jobs: int, llm: LlmStage | None) -> None:
        self.llm = llm
        self.sequential = jobs <= 1 and llm is None
        self.tasks = iter(tasks)
        self.size = chunk_size(len(tasks), max(jobs, 1))
        self.window = 2 * max(jobs, 1)
        self.pending: set[Future[Any]] = set()
        # the files of each future, and whether it is a hand-out of the worker pool
        self.owner: dict[Future[Any], tuple[list[Task], bool]] = {}
        self.ready: deque[FileOutcome] = deque()  # finished, not yet taken
        self.alone: deque[Task] = deque()  # files to hand out one by one
        self.analysing = 0  # hand-outs in the worker pool
        self.broken: BrokenProcessPool | None = None
        self.procs: ProcessPoolExecutor | None = None
        self.threads: ThreadPoolExecutor | None = None
        if not self.sequential:
            self.procs = ProcessPoolExecutor(max_workers=max(jobs, 1), initializer=_ignore_sigint)
        if llm is not None:
            self.threads = ThreadPoolExecutor(max_workers=llm.max_concurrency)

    def _submit(self, chunk: list[Task]) -> None:
        assert self.procs is not None
        work = _analyse_chunk if self.llm else _review_chunk
        if self.broken is None:
            try:
                fut = self.procs.submit(work, chunk)
            except BrokenProcessPool as exc:  # a worker died: nothing more runs in this pool
                self.broken = exc
            else:
                self.pending.add(fut)
                self.owner[fut] = (chunk, True)
                self.analysing += 1
                return
        self.ready.extend(_crashed(t, self.broken) for t in chunk)

    def _hand_out(self) -> None:
        while self.alone and self.analysing < self.window:
            self._submit([self.alone.popleft()])
        waiting_llm = len(self.pending) - self.analysing
        while self.analysing < self.window and waiting_llm < self.window * self.size:
            chunk = [t for _, t in zip(range(self.size), self.tasks, strict=False)]
            if not chunk:
                return
            self._submit(chunk)

    def __iter__(self) -> Iterator[FileOutcome]:
        if self.sequential:
            for task in self.tasks:
                yield _reviewed(task)
            return
        self._hand_out()
        while self.pending or self.ready:
            while self.ready:
                yield self.ready.popleft()
            if not self.pending:
                break
            done, self.pending = wait(self.pending, return_when=FIRST_COMPLETED)
            for fut in done:
                self._take(fut)
            self._hand_out()

    def _take(self, fut: Future[Any]) -> None:
        tasks, handout = self.owner.pop(fut)
        if handout:
            self.analysing -= 1
        try:
            value = fut.result()
        except Exception as exc:
            if isinstance(exc, BrokenProcessPool):
                self.broken = exc
            elif handout and len(tasks) > 1:
                self.alone.extend(tasks)  # which of them could not be sent: one at a time
                return
            self.ready.extend(_crashed(t, exc) for t in tasks)
            return
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, _Analysed):
                assert self.llm is not None and self.threads is not None
                later = self.threads.submit(_finish, item, self.llm)
                self.pending.add(later)
                self.owner[later] = ([item.task], False)
            elif isinstance(item, FileOutcome):
                self.ready.append(item)

    def stop(self) -> list[FileOutcome]:
        """Cancel what has not started; wait for what has; return the outcomes of the files
        finished meanwhile (their memos are written: they count as done)."""
        for fut in self.pending:
            fut.cancel()
        pools: list[Executor] = [p for p in (self.procs, self.threads) if p is not None]
        for pool in pools:
            pool.shutdown(wait=True, cancel_futures=True)
        finished = list(self.ready)
        for fut in self.pending:
            if fut.cancelled() or fut.exception() is not None:
                continue
            value = fut.result()
            items = value if isinstance(value, list) else [value]
            finished += [item for item in items if isinstance(item, FileOutcome)]
        self.pending = set()
        self.ready.clear()
        return finished


def _llm_identity(llm: LlmStage | None) -> str:
    """What a memo depends on when the LLM stage reads the tables: model, endpoint, prompts."""
    if llm is None or not llm.enabled:
        return ""
    from reviewer.llm.prompts import prompt_version

    s = llm.settings
    return f":llm:{s.model}@{s.display_base_url}:{prompt_version()}"


def plan(
    specs: list[str], out_dir: Path, config: Config, fmt: str, llm: LlmStage | None = None
) -> tuple[list[Task], dict[str, str]]:
    """The tasks for ``specs``, and what could not be taken (specs that matched no file,
    folders that could not be read), with why."""
    files, problems = collect_inputs(specs, out_dir)
    base = common_base(files)
    stamp = config_stamp(config, fmt) + _llm_identity(llm)
    llm_note = llm.note if llm is not None else ""
    tasks = [
        Task(f, display, out_dir, memo_rel, fmt, config, llm_note, stamp)
        for f, (display, memo_rel) in zip(files, memo_names(files, base, fmt), strict=True)
    ]
    return tasks, problems


def progress_bar(console: Console, label: str = "复核") -> Progress:
    """The batch's progress bar on ``console``: a label, the bar, done of total, a note, time."""
    return Progress(
        TextColumn(label),
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
    tasks, problems = plan(specs, out_dir, config, fmt, llm)
    out_dir.mkdir(parents=True, exist_ok=True)

    index = RecordIndex(out_dir)
    by_name = {t.display: t for t in tasks}
    finished: dict[str, FileOutcome] = {}
    todo: list[Task] = []
    for task in tasks:
        current = index.current(task)
        if current is None:
            todo.append(task)
        else:
            finished[task.display] = current
    for name, why in problems.items():
        finished[name] = FileOutcome(source=name, status="failed", error=why)

    interrupted = False
    with progress_bar(console) as bar:
        skipped = len(tasks) - len(todo)  # (``finished`` holds the files that failed too)
        note = f"（{skipped} 个未变化，跳过）" if skipped else ""
        progress_task = bar.add_task(
            "", total=len(tasks), completed=len(tasks) - len(todo), note=note
        )
        runner = _Runner(todo, jobs, live)

        def record(outcome: FileOutcome) -> None:
            finished[outcome.source] = outcome
            if outcome.status != "failed":
                index.add(by_name[outcome.source], outcome)

        try:
            for n, outcome in enumerate(runner, 1):
                record(outcome)
                bar.advance(progress_task)
                if on_file_done is not None:
                    on_file_done(n)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            for outcome in runner.stop():
                record(outcome)
            index.close()

    order = [t.display for t in tasks] + list(problems)
    outcomes = [finished[name] for name in order if name in finished]
    unfinished = [name for name in order if name not in finished]
    result = BatchResult(outcomes, unfinished, interrupted)
    result.summaries = write_summaries(outcomes, unfinished, out_dir)
    return result
