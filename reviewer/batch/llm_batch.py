"""``review DIR --out-dir OUT --llm-batch``: the LLM stage of a whole run through the provider's
batch engine (half the price, no rate limits, results within 24 hours), then the memos.

Steps, each recorded in ``OUT/.reviewer/llm-batch/state.json`` before the next begins, so that
the command can be stopped (Ctrl-C, a killed process, a machine turned off) and run again to go
on where it was:

1. prepare — parse and check every input whose memo is not current (worker processes), build
   each table's prompt exactly as the live stage would (``reviewer.llm.ask.prompt_for``), and
   write one request per prompt that has no answer yet (in neither the batch answers nor the
   response cache) to ``input-N.jsonl`` (at most ``batch_size`` requests a part);
2. upload each part (files endpoint, purpose ``batch``) and create its batch;
3. wait: look at every batch each ``batch_poll`` seconds, with a progress bar;
4. collect: download the output and error files, read each answer as the live path does
   (``reviewer.llm.batch_api``), append them to ``answers.jsonl`` and fill the response cache
   with the valid ones (so a later live run costs nothing);
5. write the memos with the ordinary batch run (``run_batch``), whose LLM stage takes each
   table's answer from ``answers.jsonl`` instead of asking: the same pipeline, so the same
   grounding, merge and memo as the live path for the same answers.

A table left without an answer (an expired or cancelled batch, a failed request) is reported as
such in its memo (exit code 3), and the next run submits it again. Settings with which no request
can be sent (a key or an address the HTTP client cannot use) submit nothing: every memo is written
with the rules' review and the reason (exit code 3), and batches already submitted wait for a run
with working settings.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from rich.console import Console

from reviewer.atomic import atomic_file, atomic_write_json, read_json
from reviewer.batch.files import SIDECAR_DIR, Task
from reviewer.batch.records import RecordIndex
from reviewer.batch.run import (
    BatchResult,
    _ignore_sigint,
    chunk_size,
    plan,
    progress_bar,
    run_batch,
)
from reviewer.checks import active_rules
from reviewer.config import Config
from reviewer.errors import ReviewerError, UsageError
from reviewer.llm.batch_answers import BatchAnswer, BatchAnswers
from reviewer.llm.capabilities import Capabilities, Ladder, ResponseMode
from reviewer.llm.settings import LlmSettings, endpoint_problem
from reviewer.llm.stage import LlmStage

if TYPE_CHECKING:
    from openai.types import Batch

    from reviewer.llm.batch_api import BatchApi

STATE_DIR = "llm-batch"
STATE_FORMAT = 1
# OpenAI takes input files of up to 200 MB; a part is closed before it reaches this.
MAX_PART_BYTES = 190 * 1024 * 1024


class BatchRunError(ReviewerError):
    """The batch could not be submitted or collected; exit 3 as for a failed LLM stage."""

    exit_code = 3


@dataclass
class Part:
    """One batch at the provider: its input file, its ids, where it stands."""

    n: int
    requests: int
    file_id: str | None = None
    batch_id: str | None = None
    status: str = "prepared"  # prepared → uploaded → the provider's statuses → collected
    done: int = 0  # requests the provider has finished (completed or failed)
    note: str = ""  # why a batch failed as a whole

    @property
    def input(self) -> str:
        return f"input-{self.n}.jsonl"

    @property
    def keys(self) -> str:
        return f"keys-{self.n}.json"


@dataclass
class State:
    """``state.json``: the batches of this output folder that are not collected yet."""

    folder: Path
    endpoint: str
    model: str
    parts: list[Part] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return self.folder / "state.json"

    @classmethod
    def load(cls, folder: Path, settings: LlmSettings) -> State:
        state = cls(folder, settings.display_base_url, settings.model)
        data = read_json(state.path)
        if data is None or data.get("format") != STATE_FORMAT:
            return state
        try:
            parts = [Part(**p) for p in data.get("parts", []) if isinstance(p, dict)]
        except TypeError:  # fields of another version, or damaged
            raise UsageError(
                f"批处理进度文件 {state.path} 无法读取：若其中的批处理已不需要，删除该文件后重新运行"
            ) from None
        active = [p for p in parts if p.status != "collected"]
        if active and (data.get("endpoint"), data.get("model")) != (state.endpoint, state.model):
            raise UsageError(
                f"输出目录中有尚未取回的批处理（模型 {data.get('model')}，接口 "
                f"{data.get('endpoint')}）：请用相同的模型和接口重新运行以取回结果，"
                f"或删除 {folder} 后重新提交"
            )
        state.parts = active
        return state

    def save(self) -> None:
        data = {
            "format": STATE_FORMAT,
            "endpoint": self.endpoint,
            "model": self.model,
            "parts": [dataclasses.asdict(p) for p in self.parts],
        }
        atomic_write_json(self.path, data)


# -- 1. prepare ---------------------------------------------------------------------------------


def _prompts(tasks: list[Task]) -> list[list[str]]:
    """Worker: each file's prompts (the user messages; tables without text have none)."""
    from reviewer.claims import claims_by_table
    from reviewer.llm.ask import prompt_for
    from reviewer.pipeline import analyse

    out: list[list[str]] = []
    for task in tasks:
        try:
            analysis = analyse(task.source, task.config)
        except Exception:  # the memo run reports the file's error; nothing to ask here
            out.append([])
            continue
        analysis.report.source = task.display
        report, findings = analysis.report, analysis.rule_findings
        claims = claims_by_table(report)
        prompts = [prompt_for(t, i, findings, claims.get(i)) for i, t in enumerate(report.tables)]
        out.append([p.user for p in prompts if p is not None])
    return out


def _prompt_stream(tasks: list[Task], jobs: int) -> Iterator[str]:
    size = chunk_size(len(tasks), jobs)
    chunks = [tasks[i : i + size] for i in range(0, len(tasks), size)]
    if jobs <= 1:
        for chunk in chunks:
            for prompts in _prompts(chunk):
                yield from prompts
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_sigint) as pool:
        for result in pool.map(_prompts, chunks):
            for prompts in result:
                yield from prompts


class _PartWriter:
    """Write requests into ``input-N.jsonl`` files of at most ``batch_size`` requests, each
    through :func:`~reviewer.atomic.atomic_file` (use as a context manager: an error leaves no
    part behind)."""

    def __init__(self, state: State, first: int, limit: int) -> None:
        self.state = state
        self.n = first - 1
        self.limit = limit
        self.parts: list[Part] = []
        self._file = contextlib.ExitStack()  # the part being written
        self._fh: IO[bytes] | None = None
        self._keys: dict[str, list[str]] = {}
        self._count = 0
        self._bytes = 0

    def __enter__(self) -> _PartWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self._close()
        else:
            self._file.__exit__(*exc)  # type: ignore[arg-type]

    def add(self, custom_id: str, line: str, cache_key: str, mode: ResponseMode) -> None:
        data = (line + "\n").encode("utf-8")
        size = len(data)
        if self._fh is None or self._count >= self.limit or self._bytes + size > MAX_PART_BYTES:
            self._close()
            self.n += 1
            path = self.state.folder / Part(self.n, 0).input
            self._fh = self._file.enter_context(atomic_file(path))
        self._fh.write(data)
        self._keys[custom_id] = [cache_key, mode.value]
        self._count += 1
        self._bytes += size

    def _close(self) -> None:
        if self._fh is None:
            return
        self._file.close()
        atomic_write_json(self.state.folder / Part(self.n, 0).keys, self._keys)
        self.parts.append(Part(self.n, self._count))
        self._fh, self._keys, self._count, self._bytes = None, {}, 0, 0


def prepare(
    tasks: list[Task], settings: LlmSettings, state: State, answers: BatchAnswers, jobs: int
) -> int:
    """Write the requests of every table that has no answer yet; return how many."""
    from reviewer.llm.ask import answer_key, batch_key
    from reviewer.llm.batch_api import request_line
    from reviewer.llm.cache import ResponseCache
    from reviewer.llm.client import request_body
    from reviewer.llm.prompts import TablePrompt

    mode = Capabilities(settings.cache_dir).start(settings.base_url, settings.model)
    cache = ResponseCache(settings.cache_dir) if settings.use_cache else None
    first = max((p.n for p in state.parts), default=0) + 1
    seen: set[str] = set()
    with _PartWriter(state, first, settings.batch_size) as writer:
        for user in _prompt_stream(tasks, jobs):
            prompt = TablePrompt(user)
            custom_id = batch_key(settings, prompt)
            if custom_id in seen:  # the same table twice: one request serves both
                continue
            seen.add(custom_id)
            known = answers.get(custom_id)
            if known is not None and known.answer is not None:
                continue
            cache_key = answer_key(settings, prompt, mode)
            if cache is not None and cache.get(cache_key) is not None:
                continue
            line = request_line(custom_id, request_body(settings, prompt, mode))
            writer.add(custom_id, line, cache_key, mode)
    parts = writer.parts
    state.parts += parts
    return sum(p.requests for p in parts)


# -- 2.–4. submit, wait, collect ----------------------------------------------------------------


_STATUS = {
    "prepared": "待提交",
    "uploaded": "已上传",
    "validating": "服务商校验中",
    "in_progress": "处理中",
    "finalizing": "整理结果中",
    "cancelling": "取消中",
    "completed": "已完成",
    "failed": "失败",
    "expired": "已过期",
    "cancelled": "已取消",
    "collected": "已取回",
}


def submit_and_collect(
    state: State,
    settings: LlmSettings,
    answers: BatchAnswers,
    console: Console,
    on_poll: Callable[[State], None] | None = None,
) -> list[str]:
    """Upload, create, wait for and collect every part; return the batches' failures (lines).

    ``on_poll(state)`` is called after each look at the batches (a hook for tests).
    """
    from reviewer.llm.batch_api import FINAL, BatchApi, batch_failure
    from reviewer.llm.errors import LlmCallError

    api = BatchApi(settings)
    failures: list[str] = []
    try:
        for part in state.parts:
            if part.file_id is None:
                part.file_id = api.upload(state.folder / part.input)
                part.status = "uploaded"
                state.save()
            if part.batch_id is None:
                part.batch_id = api.create(part.file_id).id
                part.status = "validating"
                state.save()
        total = sum(p.requests for p in state.parts)
        with progress_bar(console, "大模型批处理") as bar:
            progress = bar.add_task("", total=total, note="")
            while True:
                for part in state.parts:
                    if part.status in FINAL or part.status == "collected":
                        continue
                    assert part.batch_id is not None
                    batch = api.retrieve(part.batch_id)
                    part.status = batch.status
                    counts = batch.request_counts
                    part.done = (counts.completed + counts.failed) if counts else 0
                    if batch.status in FINAL:
                        _collect(api, state, part, batch, settings, answers)
                        if batch.status == "failed":
                            failures.append(batch_failure(batch, settings))
                state.save()
                statuses = sorted({_STATUS.get(p.status, p.status) for p in state.parts})
                bar.update(
                    progress,
                    completed=sum(
                        p.requests if p.status == "collected" else p.done for p in state.parts
                    ),
                    note="、".join(statuses),
                )
                if on_poll is not None:
                    on_poll(state)
                if all(p.status == "collected" for p in state.parts):
                    break
                time.sleep(settings.batch_poll)
    except LlmCallError as exc:
        raise BatchRunError(
            f"{exc.message}（批处理进度已保存在 {state.folder}，重新运行同一命令即可继续）"
        ) from None
    except OSError as exc:
        raise BatchRunError(
            f"无法读写批处理文件（{exc.strerror or exc}）：进度保存在 {state.folder}，"
            "重新运行同一命令即可继续"
        ) from None
    finally:
        api.close()
    state.parts = []
    state.save()
    return failures


def _collect(
    api: BatchApi,
    state: State,
    part: Part,
    batch: Batch,
    settings: LlmSettings,
    answers: BatchAnswers,
) -> None:
    """Download a finished batch's files and keep its answers; the part is then collected (its
    files are removed: ``answers.jsonl`` keeps what they said)."""
    from reviewer.llm.batch_api import read_results
    from reviewer.llm.cache import ResponseCache
    from reviewer.llm.errors import Failure

    keys = read_json(state.folder / part.keys)
    if keys is None:
        raise BatchRunError(
            f"批处理文件 {state.folder / part.keys} 缺失或已损坏：删除 {state.folder} 后重新提交"
        )
    modes = {cid: mode for cid, (_, mode) in keys.items()}
    cache = ResponseCache(settings.cache_dir) if settings.use_cache else None
    refused: set[str] = set()
    for kind, file_id in (("output", batch.output_file_id), ("errors", batch.error_file_id)):
        if not file_id:
            continue
        path = state.folder / f"{kind}-{part.n}.jsonl"
        api.download(file_id, path)
        got: list[tuple[str, BatchAnswer]] = []
        for custom_id, answer, failure in read_results(path, modes, settings):
            got.append((custom_id, answer))
            if answer.answer is not None and cache is not None:
                # an unwritable cache costs money later, not the review
                with contextlib.suppress(OSError):
                    cache.put(keys[custom_id][0], answer.answer)
            if failure is Failure.FORMAT_REFUSED:
                refused.add(modes[custom_id])
        answers.add(got)
    for mode in refused:  # the next submission asks in the next format down
        lower = Ladder(ResponseMode(mode)).step_down(ResponseMode(mode))
        if lower is not None:
            Capabilities(settings.cache_dir).remember(settings.base_url, settings.model, lower)
    part.status = "collected"
    state.save()
    for name in (part.input, part.keys, f"output-{part.n}.jsonl", f"errors-{part.n}.jsonl"):
        (state.folder / name).unlink(missing_ok=True)


# -- the command ---------------------------------------------------------------------------------


def run_llm_batch(
    specs: list[str],
    out_dir: Path,
    *,
    config: Config,
    settings: LlmSettings,
    fmt: str = "markdown",
    jobs: int = 1,
    console: Console | None = None,
    on_poll: Callable[[State], None] | None = None,
) -> tuple[BatchResult, list[str]]:
    """Review ``specs`` into ``out_dir`` with the LLM stage through the batch engine.

    Returns the batch run's result and the lines describing batches that failed as a whole.
    """
    console = console or Console(stderr=True, highlight=False)
    if not settings.enabled:
        raise UsageError(f"--llm-batch 需要大模型：{settings.note}")
    if settings.cassette_mode is not None:
        raise UsageError("--llm-batch 不能与 --llm-record / --llm-replay 同时使用")
    folder = out_dir / SIDECAR_DIR / STATE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    state = State.load(folder, settings)
    answers = BatchAnswers(folder / "answers.jsonl")
    stage = LlmStage(dataclasses.replace(settings, batch_answers=answers), shared_limit=True)
    failures: list[str] = []
    asks_llm = any(r.scope == "llm" for r in active_rules(config))
    problem = endpoint_problem(settings)
    if problem is not None:  # nothing can be sent: the memos say so, with the rules' review
        failures.append(problem)
    elif not state.parts and asks_llm:
        tasks, _ = plan(specs, out_dir, config, fmt, stage)
        index = RecordIndex(out_dir)
        todo = [t for t in tasks if index.current(t) is None]
        try:
            with console.status("准备批处理请求（解析并复核各文件）…"):
                count = prepare(todo, settings, state, answers, jobs)
            state.save()
        except OSError as exc:
            raise BatchRunError(f"无法写入批处理请求（{exc.strerror or exc}）：{folder}") from None
        if count:
            console.print(f"提交批处理：{count} 个请求，分 {len(state.parts)} 批。", soft_wrap=True)
    if state.parts and problem is None:
        failures = submit_and_collect(state, settings, answers, console, on_poll)
    result = run_batch(
        specs, out_dir, config=config, fmt=fmt, jobs=jobs, llm=stage, console=console
    )
    return result, failures
