"""Ask an OpenAI-compatible endpoint for one table's review and get a validated answer back.

Three layers, each handling one kind of trouble:

1. transport — :class:`~reviewer.llm.retry.TransientRetry`: connection errors, 429 (honouring
   ``Retry-After``), 5xx and timeouts, each with its own bounded, jittered backoff. The openai
   client's own retries are off (``max_retries=0``) so that every try is counted here;
2. request — a non-transient error is sorted by :mod:`reviewer.llm.errors`: a refused
   ``response_format`` steps down the :mod:`~reviewer.llm.capabilities` ladder
   (``json_schema`` → ``json_object`` → ``text``); a refused ``temperature`` (or ``max_tokens``)
   is dropped (or renamed ``max_completion_tokens``) once, for the rest of the run; a content
   filter, a context length or any other invalid request fails the table (:class:`LlmCallError`);
   a bad key, an exhausted quota, a forbidden or unknown model stops the stage
   (:class:`LlmStopped`);
3. answer — an answer cut short (``finish_reason`` ``length``) or filtered
   (``content_filter``) fails the table at once, as does one longer than
   ``settings.max_answer_chars`` or with more than ``settings.max_findings`` findings;
   otherwise the content is validated locally
   (:func:`~reviewer.llm.schema.parse_answer`): a broken envelope is re-asked at most
   ``settings.max_reasks`` times, quoting the error; a malformed finding is dropped alone.

Each HTTP request has a deadline of ``settings.timeout`` seconds in all (the openai client's own
timeout bounds each read, which a server trickling bytes never exceeds); a request past its
deadline is a timeout, retried as one. Every HTTP request is counted in :class:`CallStats`, as
are the tokens of answers thrown away. Messages are short Chinese lines that never hold the key.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import openai
from openai.types.chat import ChatCompletion

from reviewer.llm.capabilities import Ladder, ResponseMode
from reviewer.llm.errors import (
    FATAL,
    Failure,
    LlmCallError,
    LlmStopped,
    classify_error,
    describe_failure,
    redact,
    server_message,
    unsupported_parameter,
)
from reviewer.llm.prompts import TablePrompt, reask_message
from reviewer.llm.retry import (
    FailureKind,
    RequestDeadline,
    TransientRetry,
    classify,
    retry_after_seconds,
)
from reviewer.llm.schema import (
    SCHEMA_NAME,
    AnswerError,
    AnswerTooLarge,
    ParsedAnswer,
    answer_schema,
    parse_answer,
)
from reviewer.llm.settings import LlmSettings

log = logging.getLogger("reviewer.llm")

__all__ = ["CallStats", "ChatClient", "ChatResult", "LlmCallError", "LlmStopped"]


@dataclass
class CallStats:
    """What one table's review cost: HTTP requests, tokens, and what was thrown away."""

    attempts: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    wasted_tokens: int = 0
    reasks: int = 0
    fallbacks: list[str] = field(default_factory=list)
    retries: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class ChatResult:
    answer: ParsedAnswer
    content: str
    mode: ResponseMode
    tokens_in: int
    tokens_out: int


class _Refused(Exception):
    """A non-transient HTTP error, sorted: the caller decides what follows."""

    def __init__(self, failure: Failure, exc: openai.APIStatusError) -> None:
        super().__init__(failure.value)
        self.failure = failure
        self.exc = exc


def describe_transient(exc: BaseException, settings: LlmSettings, retries: int = 0) -> str:
    """One Chinese line for a failure whose retries are spent (or that is no HTTP error)."""
    again = f"，已重试 {retries} 次" if retries else ""
    kind = classify(exc)
    if kind is FailureKind.TIMEOUT:
        text = f"请求超时（每次 {settings.timeout:g} 秒{again}）"
    elif kind is FailureKind.CONNECTION:
        text = f"无法连接到 {settings.display_base_url}{again}"
    elif kind is FailureKind.RATE_LIMIT:
        wait = retry_after_seconds(exc)
        if wait is not None and wait > settings.retry.retry_after_max:
            text = (
                f"接口限流（HTTP 429），要求等待 {wait:g} 秒，"
                f"超过上限 {settings.retry.retry_after_max:g} 秒"
            )
        else:
            text = f"接口持续限流（HTTP 429{again}）"
    elif isinstance(exc, openai.APIStatusError):
        server = server_message(exc, settings.api_key.reveal())
        text = f"接口返回 HTTP {exc.status_code}{again}" + (f"（{server}）" if server else "")
    else:
        text = f"调用接口出错：{type(exc).__name__}"
    return redact(text, settings.api_key.reveal())


# An answer the server cut short or filtered: the table fails (asking again cannot help).
FINISHED = {
    "length": "模型回答超出输出长度上限被截断（finish_reason=length），可在配置中调大 max_tokens",
    "content_filter": "内容审核拦截：模型的回答被服务商过滤（finish_reason=content_filter）",
}


def request_params(settings: LlmSettings, mode: ResponseMode) -> dict[str, Any]:
    """The request parameters as configured, besides model and messages (the cache key's).

    What the endpoint taught a run (a refused ``temperature``) is applied at send time and is
    not part of the key, so that later runs still find the answer in the cache.
    """
    params: dict[str, Any] = {}
    if settings.temperature is not None:
        params["temperature"] = settings.temperature
    if settings.max_tokens is not None:
        params[settings.token_parameter] = settings.max_tokens
    if mode is ResponseMode.JSON_SCHEMA:
        params["response_format"] = {
            "type": "json_schema",
            "json_schema": {"name": SCHEMA_NAME, "strict": True, "schema": answer_schema()},
        }
    elif mode is ResponseMode.JSON_OBJECT:
        params["response_format"] = {"type": "json_object"}
    if settings.extra_body:
        params["extra_body"] = dict(settings.extra_body)
    return params


def request_body(settings: LlmSettings, prompt: TablePrompt, mode: ResponseMode) -> dict[str, Any]:
    """The JSON body of the first request for ``prompt``, as the live path sends it (what the
    ``openai`` client does with ``extra_body``: its keys merged in): a batch input line's body."""
    params = request_params(settings, mode)
    extra = params.pop("extra_body", None) or {}
    return {"model": settings.model, "messages": prompt.messages(mode), **params, **extra}


class ChatClient:
    """One AsyncOpenAI client for a run; :meth:`complete` asks for one table's answer."""

    def __init__(self, settings: LlmSettings, ladder: Ladder) -> None:
        self.settings = settings
        self.ladder = ladder
        self.refused: set[str] = set()  # parameters the endpoint refused in this run
        self._client = openai.AsyncOpenAI(
            api_key=settings.api_key.reveal(),
            base_url=settings.base_url,
            timeout=settings.timeout,
            max_retries=0,
        )

    async def close(self) -> None:
        await self._client.close()

    def params(self, mode: ResponseMode) -> dict[str, Any]:
        """The request parameters as configured (``request_params``)."""
        return request_params(self.settings, mode)

    def _sent_params(self, mode: ResponseMode) -> dict[str, Any]:
        params = self.params(mode)
        for name in self.refused:
            value = params.pop(name, None)
            if name == "max_tokens" and value is not None:
                params["max_completion_tokens"] = value
        return params

    def _kwargs(self, messages: list[dict[str, str]], mode: ResponseMode) -> dict[str, Any]:
        """The arguments of ``chat.completions.create`` for ``messages`` in ``mode``."""
        return {"model": self.settings.model, "messages": messages, **self._sent_params(mode)}

    async def _send(
        self, messages: list[dict[str, str]], mode: ResponseMode, stats: CallStats
    ) -> object:
        """One HTTP request. A ChatCompletion, or a str when a 200 body is not JSON."""
        stats.attempts += 1
        log.debug("request %d, response format %s", stats.attempts, mode.value)
        # The client's own timeout bounds each read, not the request: a server that trickles
        # a byte every few seconds would hold it for ever. The deadline is for the whole request.
        try:
            async with asyncio.timeout(self.settings.timeout):
                completion: object = await self._client.chat.completions.create(
                    **self._kwargs(messages, mode)
                )
        except TimeoutError:
            raise RequestDeadline(self.settings.timeout) from None
        return completion

    async def complete(self, prompt: TablePrompt, stats: CallStats) -> ChatResult:
        """A validated answer; :class:`LlmCallError` if none, :class:`LlmStopped` if none can be.

        Steps down the format ladder on a refused ``response_format`` and drops a refused
        parameter once; any other refusal ends the table (or, for key, quota, access and model,
        the stage).
        """
        mode = self.ladder.current
        adjusted: set[str] = set()  # parameters dropped for this table: once each
        while True:
            try:
                return await self._converse(prompt, mode, stats)
            except _Refused as refused:
                failure, exc = refused.failure, refused.exc
                param = unsupported_parameter(exc)
                if failure is Failure.FORMAT_REFUSED and mode is not ResponseMode.TEXT:
                    lower = self.ladder.step_down(mode)
                    assert lower is not None  # only TEXT has no rung below
                    log.info("response format %s refused; trying %s", mode.value, lower.value)
                    stats.fallbacks.append(f"{mode.value}→{lower.value}")
                    mode = lower
                    continue
                if failure is Failure.UNSUPPORTED_PARAMETER and param and param not in adjusted:
                    log.info("parameter %s refused; sending without it", param)
                    adjusted.add(param)
                    self.refused.add(param)
                    stats.fallbacks.append(f"-{param}")
                    continue
                message = describe_failure(exc, failure, self.settings)
                if failure in FATAL:
                    raise LlmStopped(message, failure) from None
                raise LlmCallError(message, failure) from None

    async def _converse(
        self, prompt: TablePrompt, mode: ResponseMode, stats: CallStats
    ) -> ChatResult:
        convo = prompt.messages(mode)
        error: AnswerError | None = None
        for ask in range(self.settings.max_reasks + 1):
            transport = TransientRetry(self.settings.retry)
            try:
                completion = await transport.call(functools.partial(self._send, convo, mode, stats))
            except openai.APIStatusError as exc:
                stats.retries.update(transport.retries)
                if classify(exc) is None:  # not transient: what it means is decided above
                    raise _Refused(classify_error(exc), exc) from None
                retried = sum(transport.retries.values())
                raise LlmCallError(describe_transient(exc, self.settings, retried)) from None
            except (openai.OpenAIError, RequestDeadline) as exc:
                stats.retries.update(transport.retries)
                retried = sum(transport.retries.values())
                raise LlmCallError(describe_transient(exc, self.settings, retried)) from None
            stats.retries.update(transport.retries)

            content, finish, tokens_in, tokens_out = read_completion(completion)
            stats.tokens_in += tokens_in
            stats.tokens_out += tokens_out
            if finish in FINISHED:  # asking again in a longer conversation cannot help
                stats.wasted_tokens += tokens_in + tokens_out
                raise LlmCallError(FINISHED[finish])
            try:
                if not isinstance(completion, ChatCompletion):
                    raise AnswerError("接口返回的不是对话补全（chat completion）")
                answer = parse_limited(content, self.settings)
            except AnswerTooLarge as exc:
                stats.wasted_tokens += tokens_in + tokens_out
                raise LlmCallError(too_large(exc)) from None
            except AnswerError as exc:
                error = exc
                stats.wasted_tokens += tokens_in + tokens_out
                log.info("answer invalid (%s)", exc)
                if ask == self.settings.max_reasks:
                    break
                stats.reasks += 1
                convo = [
                    *convo,
                    {"role": "assistant", "content": content or ""},
                    reask_message(str(exc)),
                ]
                continue
            return ChatResult(answer, content or "", mode, tokens_in, tokens_out)
        raise LlmCallError(
            redact(
                f"模型回答未通过校验（已重问 {self.settings.max_reasks} 次）：{error}",
                self.settings.api_key.reveal(),
            )
        )


def parse_limited(content: str | None, settings: LlmSettings) -> ParsedAnswer:
    """``parse_answer`` under the configured limits on the answer's length and findings."""
    return parse_answer(
        content,
        lenient=True,
        max_chars=settings.max_answer_chars,
        max_findings=settings.max_findings,
    )


def too_large(exc: AnswerTooLarge) -> str:
    """The table's failure for an answer over a limit, and where the limit is set."""
    return (
        f"{exc}：本表不采用该回答（上限可在配置文件 [llm] 的 max_answer_chars、"
        "max_findings 中调整）"
    )


def read_completion(completion: object) -> tuple[str | None, str | None, int, int]:
    """(content, finish reason, prompt tokens, completion tokens) of an answer; a 200 whose
    body is not a chat completion (a proxy's HTML page) gives (None, None, 0, 0)."""
    if not isinstance(completion, ChatCompletion):
        return None, None, 0, 0
    usage = completion.usage
    tokens_in = usage.prompt_tokens if usage else 0
    tokens_out = usage.completion_tokens if usage else 0
    finish = completion.choices[0].finish_reason if completion.choices else None
    return _content(completion), finish, tokens_in, tokens_out


def _content(completion: ChatCompletion) -> str | None:
    """The answer text, or None (no choice, or a refusal): then validation fails."""
    if not completion.choices:
        return None
    message = completion.choices[0].message
    if not message.content and getattr(message, "refusal", None):
        log.info("the model refused to answer")
    return message.content
