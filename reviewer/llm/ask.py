"""The LLM stage's work: ask about each table's narrative, in parallel, and ground the findings.

::

    findings, run = ask_tables(report, rule_findings, settings)

Per table: build the prompt (table, its deterministic findings, claims) → cache or cassette →
the endpoint (:class:`~reviewer.llm.client.ChatClient`, behind the
:class:`~reviewer.llm.gate.EndpointGate`) → ground each finding's quotes in the document
(:mod:`~reviewer.llm.grounding`). A wrong key, an exhausted quota, a forbidden or unknown model
stops the stage: the tables not yet sent are not sent, and ``LlmRun.stopped`` says why in one
line. The returned list holds only *new* LLM findings
(``source="llm"``, codes ``L1xx``); the deterministic findings passed in are read, never changed,
and nothing in an answer can remove or alter them. A table that fails after all retries gets
status ``failed`` and the others go on. :class:`~reviewer.model.LlmRun` records what happened,
for the memo footer and the JSON: statuses, requests, attempts, tokens, cost. It never holds the
API key.

Counting: ``LlmRun.requests`` is the number of tables sent to the endpoint; ``attempts`` the HTTP
requests made in all (retries, re-asks and format fallbacks included); ``cache_hits`` the tables
answered from the cache; ``wasted_tokens`` the tokens of answers thrown away as invalid. Token
counts are those of this run (a cached table costs none).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass

from reviewer.errors import UsageError
from reviewer.llm.batch_answers import NOT_IN_BATCH
from reviewer.llm.cache import CachedAnswer, ResponseCache, request_key
from reviewer.llm.capabilities import LADDER, Capabilities, Ladder, ResponseMode, most_degraded
from reviewer.llm.cassette import Cassette, cassette_key
from reviewer.llm.client import CallStats, ChatClient, request_params
from reviewer.llm.errors import LlmCallError, LlmStopped, clip, stop_message
from reviewer.llm.gate import EndpointGate
from reviewer.llm.grounding import MAX_DROPPED, bounded, ground_findings
from reviewer.llm.prompts import TablePrompt, build_prompt, prompt_version
from reviewer.llm.schema import LLM_RULES, AnswerError, ParsedAnswer, parse_answer, schema_text
from reviewer.llm.settings import LlmSettings, endpoint_problem
from reviewer.model import (
    DroppedFinding,
    EvaluationTable,
    Finding,
    LlmRun,
    Report,
    TableLlmStatus,
)

log = logging.getLogger("reviewer.llm")

Progress = Callable[[int], None]
_Answer = tuple[CachedAnswer, ParsedAnswer] | None  # the answer as stored, and as parsed


@dataclass
class _Outcome:
    status: TableLlmStatus
    findings: list[Finding]
    network_mode: ResponseMode | None = None  # the format that worked over the network
    mode: ResponseMode | None = None  # the format of the answer used (network, cache or cassette)
    wasted_tokens: int = 0


class _Stage:
    """State shared by the tables of one run."""

    def __init__(self, settings: LlmSettings, gate: EndpointGate | None = None) -> None:
        self.settings = settings
        self.version = prompt_version()
        self.schema = schema_text()
        self.model = settings.model
        self.base_url = settings.base_url
        self.replay = settings.cassette_mode == "replay"
        self.cassette = Cassette(settings.cassette_dir) if settings.cassette_dir else None
        self.replay_error: str | None = None
        if self.replay and self.cassette is not None:
            meta = self.cassette.meta()
            if meta is None:
                self.replay_error = f"回放目录 {settings.cassette_dir} 中没有 meta.json"
            else:
                self.model = str(meta.get("model") or self.model)
                self.base_url = str(meta.get("base_url") or self.base_url)
                if meta.get("prompt_version") != self.version:
                    self.replay_error = (
                        f"回放记录的提示词版本 {meta.get('prompt_version')} "
                        f"与当前版本 {self.version} 不同"
                    )
        use_cache = settings.use_cache and not self.replay
        self.cache = ResponseCache(settings.cache_dir) if use_cache else None
        self.batch = settings.batch_answers  # answers from the provider's batch engine
        self.capabilities = Capabilities(settings.cache_dir)
        start = LADDER[0] if self.replay else self.capabilities.start(self.base_url, self.model)
        self.ladder = Ladder(start)
        self.gate = gate or endpoint_gate(settings)
        self.client = None if self.replay else ChatClient(settings, self.ladder)
        if self.cassette is not None and settings.cassette_mode == "record":
            try:
                self.cassette.write_meta(
                    model=self.model, base_url=self.base_url, prompt_version=self.version
                )
            except OSError as exc:
                raise UsageError(
                    f"无法写入记录目录 {settings.cassette_dir}：{exc.strerror or exc}"
                ) from None

    def key(self, prompt: TablePrompt, mode: ResponseMode) -> str:
        return answer_key(self.settings, prompt, mode, model=self.model, base_url=self.base_url)

    def batch_key(self, prompt: TablePrompt) -> str:
        return batch_key(self.settings, prompt)

    async def close(self) -> None:
        if self.client is not None:
            await self.client.close()


def answer_key(
    settings: LlmSettings,
    prompt: TablePrompt,
    mode: ResponseMode,
    *,
    model: str | None = None,
    base_url: str | None = None,
) -> str:
    """The response cache's key of ``prompt`` asked in ``mode`` (never includes the key)."""
    return request_key(
        base_url=base_url or settings.base_url,
        model=model or settings.model,
        messages=prompt.canonical,
        params=request_params(settings, mode),
        schema=schema_text(),
        prompt_version=prompt_version(),
    )


def batch_key(settings: LlmSettings, prompt: TablePrompt) -> str:
    """The ``custom_id`` of ``prompt`` in a batch: its cache key in the first rung's format,
    whatever format the request went in, so that looking an answer up needs no format."""
    return answer_key(settings, prompt, LADDER[0])


def endpoint_gate(settings: LlmSettings) -> EndpointGate:
    """A gate that probes the endpoint first unless it is known to have answered before."""
    known = Capabilities(settings.cache_dir).get(settings.base_url, settings.model) is not None
    return EndpointGate(probe=not known)


def _has_text(table: EvaluationTable) -> bool:
    return bool(table.goal_expected or table.goal_actual or table.indicators)


def prompt_for(
    table: EvaluationTable, index: int, findings: list[Finding], claims: list[str] | None
) -> TablePrompt | None:
    """The prompt for table ``index`` (None when it has no text to read): the live path and a
    batch's requests use this one function, so a batch asks exactly what a live run would."""
    if not _has_text(table):
        return None
    own = [f for f in findings if f.table_index == index]
    return build_prompt(table, own, claims)


def _replayed(stage: _Stage, prompt: TablePrompt, status: TableLlmStatus) -> _Answer:
    """The recorded answer for this prompt, or None with the status set to failed."""
    assert stage.cassette is not None
    if stage.replay_error:
        status.status, status.error = "failed", stage.replay_error
        return None
    answer = stage.cassette.lookup(cassette_key(prompt.canonical, stage.schema, stage.version))
    if answer is None:
        status.status, status.error = "failed", "回放记录中没有本表的应答"
        return None
    status.status = "replayed"
    return answer, parse_answer(answer.content, lenient=True)


def _cached(stage: _Stage, prompt: TablePrompt, status: TableLlmStatus) -> _Answer:
    if stage.cache is None:
        return None
    key = stage.key(prompt, stage.ladder.current)
    answer = stage.cache.get(key)
    if answer is None:
        return None
    try:
        parsed = parse_answer(answer.content, lenient=True)
    except AnswerError:  # written by another version, say: ask again
        stage.cache.discard(key)
        return None
    status.status = "cached"
    return answer, parsed


def _batched(
    stage: _Stage, prompt: TablePrompt, status: TableLlmStatus, stats: CallStats
) -> tuple[_Answer, ResponseMode | None]:
    """The batch's answer for this prompt, reported as a live request's would be (one request,
    its tokens); a table the batch did not ask about may be in the cache; else it failed."""
    assert stage.batch is not None
    found = stage.batch.get(stage.batch_key(prompt))
    if found is None:
        got = _cached(stage, prompt, status)
        if got is None:
            status.status, status.error = "failed", NOT_IN_BATCH
        return got, None
    stats.attempts = status.attempts = 1
    stats.tokens_in = status.tokens_in = found.tokens_in
    stats.tokens_out = status.tokens_out = found.tokens_out
    if found.answer is None:
        status.status, status.error = "failed", found.error
        stats.wasted_tokens = found.tokens_in + found.tokens_out
        return None, None
    mode = ResponseMode(found.answer.response_format)
    return (found.answer, parse_answer(found.answer.content, lenient=True)), mode


async def _asked(
    stage: _Stage, prompt: TablePrompt, status: TableLlmStatus, stats: CallStats
) -> tuple[_Answer, ResponseMode | None]:
    """The answer from the endpoint (cached on success), or None with the status failed."""
    assert stage.client is not None
    if not await stage.gate.enter():
        status.status, status.error = "failed", f"未发送请求：{stage.gate.stopped}"
        return None, None
    try:
        result = await stage.client.complete(prompt, stats)
    except LlmStopped as exc:
        stage.gate.stop(exc.message)
        status.status, status.error = "failed", exc.message
        return None, None
    except LlmCallError as exc:
        stage.gate.open()
        status.status, status.error = "failed", exc.message
        return None, None
    except BaseException:
        stage.gate.open()  # a surprise in one table must not hold the others back
        raise
    finally:
        status.attempts = stats.attempts
        status.tokens_in = stats.tokens_in
        status.tokens_out = stats.tokens_out
    stage.gate.open()
    answer = CachedAnswer(result.content, result.mode.value, result.tokens_in, result.tokens_out)
    if stage.cache is not None:
        try:
            stage.cache.put(stage.key(prompt, result.mode), answer)
        except OSError as exc:  # an unwritable cache costs money, not the review
            log.warning("cannot write the LLM cache: %s", exc.strerror or exc)
    return (answer, result.answer), result.mode


async def _ask_table(
    stage: _Stage,
    index: int,
    table: EvaluationTable,
    findings: list[Finding],
    claims: list[str] | None,
) -> _Outcome:
    status = TableLlmStatus(table_index=index, project=table.name, status="ok")
    prompt = prompt_for(table, index, findings, claims)
    if prompt is None:
        status.status, status.error = "skipped", "本表没有可审读的文字"
        return _Outcome(status, [])
    stats = CallStats()
    network_mode: ResponseMode | None = None
    if stage.replay:
        got = _replayed(stage, prompt, status)
    elif stage.batch is not None:
        got, network_mode = _batched(stage, prompt, status, stats)
    else:
        got = _cached(stage, prompt, status)
        if got is None:
            got, network_mode = await _asked(stage, prompt, status, stats)
        if got is not None and stage.cassette is not None:
            stage.cassette.record(
                cassette_key(prompt.canonical, stage.schema, stage.version),
                project=table.name,
                messages=prompt.canonical,
                answer=got[0],
            )
    outcome = _Outcome(status, [], network_mode, wasted_tokens=stats.wasted_tokens)
    if got is None:
        return outcome
    answer, parsed = got
    grounded = ground_findings(parsed.findings, table, index)
    status.response_format = answer.response_format
    status.findings_kept = len(grounded.findings)
    status.findings_dropped = len(grounded.dropped)
    status.findings_invalid = len(parsed.invalid)
    invalid = [
        DroppedFinding(code=_code_of(bad.raw), message=_message_of(bad.raw), reason=bad.reason)
        for bad in parsed.invalid
    ]
    status.dropped = (invalid + grounded.dropped)[:MAX_DROPPED]
    status.assessment = parsed.assessment.strip()
    if grounded.dropped or parsed.invalid:
        log.info(
            "table %d: %d finding(s) dropped as ungrounded, %d as invalid",
            index,
            len(grounded.dropped),
            len(parsed.invalid),
        )
    outcome.findings = grounded.findings
    outcome.mode = ResponseMode(answer.response_format)
    return outcome


def _code_of(raw: object) -> str | None:
    """The L-code of a malformed finding whose kind is still readable."""
    kind = raw.get("kind") if isinstance(raw, dict) else None
    rule = next((r for k, r in LLM_RULES.items() if k.value == kind), None)
    return rule.code if rule else None


def _message_of(raw: object) -> str:
    message = raw.get("message") if isinstance(raw, dict) else None
    return bounded(message) if isinstance(message, str) else ""


async def ask_tables_async(
    report: Report,
    findings: list[Finding],
    settings: LlmSettings,
    claims: dict[int, list[str]] | None = None,
    progress: Progress | None = None,
    gate: EndpointGate | None = None,
) -> tuple[list[Finding], LlmRun]:
    """Review the narrative of every table; return the new LLM findings and the run summary.

    ``findings`` are the deterministic findings (``table_index`` = position in
    ``report.tables``); they are shown to the model and never modified. ``claims`` maps a table
    index to statements extracted from its prose. ``progress`` is called after each table with
    the number of tables finished so far (1 … ``len(report.tables)``). ``gate`` is shared by
    several runs against one endpoint (a batch); by default each run has its own.
    """
    if not settings.enabled:
        return [], LlmRun(enabled=False, note=settings.note)
    replay = settings.cassette_mode == "replay"
    problem = None if replay else endpoint_problem(settings)
    if problem is not None:
        return [], stopped_run(report, settings, stop_message(problem))
    stage = _Stage(settings, gate)
    run = LlmRun(
        enabled=True,
        model=stage.model,
        base_url=stage.base_url if stage.replay else settings.display_base_url,
        prompt_version=stage.version,
        currency=settings.currency,
    )
    semaphore = asyncio.Semaphore(settings.concurrency)
    done = 0

    async def one(index: int, table: EvaluationTable) -> _Outcome:
        nonlocal done
        async with semaphore:
            try:
                outcome = await _ask_table(
                    stage, index, table, findings, claims.get(index) if claims else None
                )
            except Exception as exc:  # one table's surprise must not sink the others
                log.debug("LLM review of table %d failed", index, exc_info=True)
                status = TableLlmStatus(
                    table_index=index,
                    project=table.name,
                    status="failed",
                    error=surprise(exc, settings),
                )
                outcome = _Outcome(status, [])
        done += 1
        if progress is not None:
            progress(done)
        return outcome

    try:
        outcomes = await asyncio.gather(*(one(i, t) for i, t in enumerate(report.tables)))
    finally:
        await stage.close()

    new: list[Finding] = []
    for outcome in outcomes:
        new.extend(outcome.findings)
        s = outcome.status
        run.tables.append(s)
        run.attempts += s.attempts
        run.tokens_in += s.tokens_in
        run.tokens_out += s.tokens_out
        run.wasted_tokens += outcome.wasted_tokens
        if s.status == "cached":
            run.cache_hits += 1
        elif s.status in ("ok", "failed") and s.attempts:
            run.requests += 1
    worked = [o.network_mode for o in outcomes if o.network_mode is not None]
    best = most_degraded(worked)
    if best is not None:
        try:
            stage.capabilities.remember(stage.base_url, stage.model, best)
        except OSError as exc:
            log.warning("cannot remember the response format: %s", exc.strerror or exc)
    used = most_degraded([o.mode for o in outcomes if o.mode is not None])
    run.response_format = used.value if used else None
    run.stopped = stage.gate.stopped
    finish_run(run, settings)
    return new, run


def finish_run(run: LlmRun, settings: LlmSettings) -> None:
    """The run's cost and its note (why it stopped, or which tables it could not review)."""
    run.cost = _cost(settings, run.tokens_in, run.tokens_out)
    failed = run.failed_tables
    if run.stopped:
        run.note = run.stopped
    elif failed:
        names = "、".join(t.project for t in failed)
        run.note = f"以下 {len(failed)} 张表未完成大模型叙述审读：{names}。"


def fold_run(total: LlmRun, part: LlmRun, offset: int) -> None:
    """Add to ``total`` the record of a run over some of the report's tables, the first of
    them table ``offset`` (a report reviewed a window of tables at a time); then
    :func:`finish_run`."""
    for name in ("model", "base_url", "prompt_version", "currency"):
        if not getattr(total, name):
            setattr(total, name, getattr(part, name))
    total.tables += [
        s.model_copy(update={"table_index": s.table_index + offset}) for s in part.tables
    ]
    for name in ("requests", "cache_hits", "attempts", "wasted_tokens", "tokens_in", "tokens_out"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    formats = [ResponseMode(f) for f in (total.response_format, part.response_format) if f]
    worst = most_degraded(formats)
    total.response_format = worst.value if worst else None
    total.stopped = total.stopped or part.stopped


def surprise(exc: BaseException, settings: LlmSettings) -> str:
    """One line for an exception nobody expected: its kind and its words, without the key."""
    said = clip(str(exc), 120, settings.api_key.reveal())
    return f"大模型审读出错（{type(exc).__name__}{'：' + said if said else ''}）"


def stopped_run(
    report: Report, settings: LlmSettings, reason: str, error: str | None = None
) -> LlmRun:
    """The record of a stage that could not review any table: each table failed, for
    ``reason`` (or ``error``, what each table's status says)."""
    return LlmRun(
        enabled=True,
        note=reason,
        stopped=reason,
        model=settings.model,
        base_url=settings.display_base_url,
        currency=settings.currency,
        tables=[
            TableLlmStatus(table_index=i, project=t.name, status="failed", error=error or reason)
            for i, t in enumerate(report.tables)
        ],
    )


def _cost(settings: LlmSettings, tokens_in: int, tokens_out: int) -> float | None:
    pin, pout = settings.price_input_per_1m, settings.price_output_per_1m
    if pin is None and pout is None:
        return None
    return round(tokens_in / 1e6 * (pin or 0.0) + tokens_out / 1e6 * (pout or 0.0), 6)


def ask_tables(
    report: Report,
    findings: list[Finding],
    settings: LlmSettings,
    claims: dict[int, list[str]] | None = None,
    progress: Progress | None = None,
    gate: EndpointGate | None = None,
) -> tuple[list[Finding], LlmRun]:
    """Synchronous :func:`ask_tables_async` (runs its own event loop)."""
    return asyncio.run(ask_tables_async(report, findings, settings, claims, progress, gate))
