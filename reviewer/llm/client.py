"""Ask an OpenAI-compatible endpoint for one table's review and get a validated answer back.

Three layers, each handling one kind of trouble:

1. transport — :class:`~reviewer.llm.retry.TransientRetry`: connection errors, 429 (honouring
   ``Retry-After``), 5xx and timeouts, each with its own bounded, jittered backoff. The openai
   client's own retries are off (``max_retries=0``) so that every try is counted here;
2. format — the :mod:`~reviewer.llm.capabilities` ladder: a 400/422 while a ``response_format``
   is sent steps down to the next format (``json_schema`` → ``json_object`` → ``text``); any
   other 4xx (401, 403, 404 …) fails at once;
3. answer — the content is validated locally against :class:`~reviewer.llm.schema.TableAnswer`;
   an invalid answer is re-asked at most ``settings.max_reasks`` times, quoting the error.

Every HTTP request is counted in :class:`CallStats`, as are the tokens of answers thrown away.
Errors come out as :class:`LlmCallError` with a short Chinese message that never holds the key.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import openai
from openai.types.chat import ChatCompletion

from reviewer.llm.capabilities import Ladder, ResponseMode
from reviewer.llm.prompts import reask_message
from reviewer.llm.retry import FailureKind, TransientRetry, classify, retry_after_seconds
from reviewer.llm.schema import SCHEMA_NAME, AnswerError, TableAnswer, answer_schema, parse_answer
from reviewer.llm.settings import LlmSettings

log = logging.getLogger("reviewer.llm")

_KEYLIKE = re.compile(r"\b(sk|key|tok)-[A-Za-z0-9_\-\*\.]{6,}", re.IGNORECASE)


class LlmCallError(Exception):
    """The table could not be reviewed; ``message`` is Chinese, one line, without secrets."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
    answer: TableAnswer
    content: str
    mode: ResponseMode
    tokens_in: int
    tokens_out: int


class _FormatRefused(Exception):
    pass


def redact(text: str, secret: str) -> str:
    """Remove the key, and anything that looks like a key, from a message."""
    if secret and len(secret) >= 4:
        text = text.replace(secret, "***")
    return _KEYLIKE.sub(lambda m: f"{m.group(1)}-***", text)


def _server_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    msg: Any = None
    if isinstance(body, dict):
        msg = body.get("message") or body.get("error")
        if isinstance(msg, dict):
            msg = msg.get("message")
    elif isinstance(body, str):
        msg = body
    if not isinstance(msg, str) or not msg.strip():
        return ""
    text = " ".join(msg.split())
    return text[:160] + ("…" if len(text) > 160 else "")


def describe_error(exc: BaseException, settings: LlmSettings, retries: int = 0) -> str:
    """One Chinese line for a failed request; the key is never part of it."""
    again = f"，已重试 {retries} 次" if retries else ""
    where = settings.display_base_url
    kind = classify(exc)
    if kind is FailureKind.TIMEOUT:
        text = f"请求超时（每次 {settings.timeout:g} 秒{again}）"
    elif kind is FailureKind.CONNECTION:
        text = f"无法连接到 {where}{again}"
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
        code = exc.status_code
        hint = {
            401: "：密钥无效，请检查 OPENAI_API_KEY",
            403: "：无权使用该模型或接口",
            404: "：接口地址或模型不存在，请检查 OPENAI_BASE_URL 与 --model",
        }.get(code, "")
        server = _server_message(exc)
        text = f"接口返回 HTTP {code}{hint}{again}" + (f"（{server}）" if server else "")
    else:
        text = f"调用接口出错：{type(exc).__name__}"
    return redact(text, settings.api_key.reveal())


class ChatClient:
    """One AsyncOpenAI client for a run; :meth:`complete` asks for one table's answer."""

    def __init__(self, settings: LlmSettings, ladder: Ladder) -> None:
        self.settings = settings
        self.ladder = ladder
        self._client = openai.AsyncOpenAI(
            api_key=settings.api_key.reveal(),
            base_url=settings.base_url,
            timeout=settings.timeout,
            max_retries=0,
        )

    async def close(self) -> None:
        await self._client.close()

    def params(self, mode: ResponseMode) -> dict[str, Any]:
        """The request parameters besides model and messages (also part of the cache key)."""
        params: dict[str, Any] = {}
        if self.settings.temperature is not None:
            params["temperature"] = self.settings.temperature
        if self.settings.max_tokens is not None:
            params["max_tokens"] = self.settings.max_tokens
        if mode is ResponseMode.JSON_SCHEMA:
            params["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": SCHEMA_NAME, "strict": True, "schema": answer_schema()},
            }
        elif mode is ResponseMode.JSON_OBJECT:
            params["response_format"] = {"type": "json_object"}
        return params

    async def _send(
        self, messages: list[dict[str, str]], mode: ResponseMode, stats: CallStats
    ) -> object:
        """One HTTP request. A ChatCompletion, or a str when a 200 body is not JSON."""
        stats.attempts += 1
        log.debug("request %d, response format %s", stats.attempts, mode.value)
        kwargs: dict[str, Any] = {
            "model": self.settings.model,
            "messages": messages,
            **self.params(mode),
        }
        completion: object = await self._client.chat.completions.create(**kwargs)
        return completion

    async def complete(self, messages: list[dict[str, str]], stats: CallStats) -> ChatResult:
        """A validated answer, stepping down the format ladder on refusal; LlmCallError if none."""
        mode = self.ladder.current
        while True:
            try:
                return await self._converse(messages, mode, stats)
            except _FormatRefused:
                lower = self.ladder.step_down(mode)
                if lower is None:  # pragma: no cover - TEXT never raises _FormatRefused
                    raise LlmCallError("接口拒绝了所有回答格式") from None
                log.info("response format %s refused; trying %s", mode.value, lower.value)
                stats.fallbacks.append(f"{mode.value}→{lower.value}")
                mode = lower

    async def _converse(
        self, messages: list[dict[str, str]], mode: ResponseMode, stats: CallStats
    ) -> ChatResult:
        convo = list(messages)
        error: AnswerError | None = None
        for ask in range(self.settings.max_reasks + 1):
            transport = TransientRetry(self.settings.retry)
            try:
                completion = await transport.call(functools.partial(self._send, convo, mode, stats))
            except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                stats.retries.update(transport.retries)
                if mode is not ResponseMode.TEXT:
                    raise _FormatRefused() from None
                raise LlmCallError(describe_error(exc, self.settings)) from None
            except openai.OpenAIError as exc:
                stats.retries.update(transport.retries)
                retried = sum(transport.retries.values())
                raise LlmCallError(describe_error(exc, self.settings, retried)) from None
            stats.retries.update(transport.retries)

            if isinstance(completion, ChatCompletion):
                usage = completion.usage
                tokens_in = usage.prompt_tokens if usage else 0
                tokens_out = usage.completion_tokens if usage else 0
                content = _content(completion)
            else:  # a 200 whose body is not JSON, e.g. a proxy's HTML page
                tokens_in = tokens_out = 0
                content = None
            stats.tokens_in += tokens_in
            stats.tokens_out += tokens_out
            try:
                if not isinstance(completion, ChatCompletion):
                    raise AnswerError("接口返回的不是对话补全（chat completion）")
                answer = parse_answer(content, lenient=True)
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


def _content(completion: ChatCompletion) -> str | None:
    """The answer text, or None (no choice, or a refusal): then validation fails."""
    if not completion.choices:
        return None
    message = completion.choices[0].message
    if not message.content and getattr(message, "refusal", None):
        log.info("the model refused to answer")
    return message.content
