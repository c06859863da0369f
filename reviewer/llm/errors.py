"""What went wrong with a request, and what that means for the table and for the run.

Providers say the same things in different words; this module reads the status, the error
``code`` / ``type`` / ``param`` and the message, and sorts every non-transient error into one
:class:`Failure`. What follows from each is decided here, once:

=====================  =========================================  ==============================
failure                recognised by                              consequence
=====================  =========================================  ==============================
format refused         400/422 naming ``response_format``,        step down the format ladder
                       ``json_schema`` or ``json_object``         (and remember the downgrade)
unsupported parameter  400/422 naming ``temperature`` or          send again once without it
                       ``max_tokens`` as unsupported / unknown    (or as max_completion_tokens)
content filter         ``data_inspection_failed`` (DashScope),    this table fails: 内容审核拦截
                       ``content_filter`` (Azure), "Content
                       Exists Risk" (DeepSeek) …
context length         ``context_length_exceeded``, "maximum      this table fails: 超出上下文长度
                       context length", "Range of input length"
invalid request        any other 400/409/413/422 …               this table fails: 请求参数无效
quota                  ``insufficient_quota`` (429), HTTP 402,    the LLM stage stops
                       ``Arrearage``, "Insufficient Balance"
unauthorized           401                                        the LLM stage stops
forbidden              403                                        the LLM stage stops
model not found        404                                        the LLM stage stops
=====================  =========================================  ==============================

Transient failures (connection, rate limit, 5xx, timeouts) are retried by
:mod:`reviewer.llm.retry`; a 429 that means the quota is spent is not one of them
(:func:`is_quota`). Every message is one Chinese line that never holds the key (:func:`redact`).
An error reads the same whether the ``openai`` client raised it or a batch's result file holds
it: the functions below need only its status and body (:class:`HttpFailure`).
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, Protocol

import openai

from reviewer.lazyre import lazy_compile
from reviewer.llm.settings import LlmSettings

_KEYLIKE = lazy_compile(r"\b(sk|key|tok)-[A-Za-z0-9_\-\*\.]{6,}", re.IGNORECASE)
_SERVER_TEXT = 160  # characters of the server's own message kept in ours


class Failure(StrEnum):
    FORMAT_REFUSED = "format_refused"
    UNSUPPORTED_PARAMETER = "unsupported_parameter"
    CONTENT_FILTER = "content_filter"
    CONTEXT_LENGTH = "context_length"
    INVALID_REQUEST = "invalid_request"
    QUOTA = "quota"
    UNAUTHORIZED = "unauthorized"
    FORBIDDEN = "forbidden"
    MODEL_NOT_FOUND = "model_not_found"


# After one of these no table can succeed: the stage stops.
FATAL = frozenset({Failure.QUOTA, Failure.UNAUTHORIZED, Failure.FORBIDDEN, Failure.MODEL_NOT_FOUND})

_CONTENT_FILTER_CODES = {"data_inspection_failed", "content_filter", "content_policy_violation"}
_CONTENT_FILTER_TEXT = lazy_compile(
    r"content management policy|inappropriate content|content exists risk|content[ _]filter|"
    r"content policy|data inspection|sensitive content|不安全或敏感|敏感内容|内容审核",
    re.IGNORECASE,
)
_CONTEXT_CODES = {"context_length_exceeded", "string_above_max_length"}
_CONTEXT_TEXT = lazy_compile(
    r"context length|context window|maximum context|range of input length|input length|"
    r"too many tokens|prompt is too long|tokens? limit|上下文长度",
    re.IGNORECASE,
)
_QUOTA_CODES = {"insufficient_quota", "arrearage", "insufficient_balance", "billing_hard_limit"}
_QUOTA_TEXT = lazy_compile(
    r"insufficient[_ ]quota|exceeded your current quota|insufficient balance|"
    r"account is in good standing|billing|余额不足|欠费",
    re.IGNORECASE,
)
_FORMAT_TEXT = lazy_compile(r"response_format|json_schema|json_object", re.IGNORECASE)
_PARAMETERS = ("temperature", "max_tokens")
_UNSUPPORTED_TEXT = lazy_compile(
    r"unsupported|not supported|unknown|unrecognized|unexpected|not allowed|does not support|"
    r"only the default|extra (?:inputs|fields)",
    re.IGNORECASE,
)


class HttpFailure(Protocol):
    """An HTTP error: ``openai.APIStatusError``, or an error line of a batch's results."""

    @property
    def status_code(self) -> int: ...

    @property
    def body(self) -> object: ...


class LlmCallError(Exception):
    """The table could not be reviewed; ``message`` is Chinese, one line, without secrets."""

    def __init__(self, message: str, failure: Failure | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.failure = failure


class LlmStopped(LlmCallError):
    """No table can be reviewed (key, quota, access, model): the stage stops."""


def redact(text: str, secret: str) -> str:
    """Remove the key, and anything that looks like a key, from a message."""
    if secret and len(secret) >= 4:
        text = text.replace(secret, "***")
    return _KEYLIKE.sub(lambda m: f"{m.group(1)}-***", text)


def _error_fields(exc: HttpFailure) -> tuple[str, str, str, str]:
    """(code, type, param, message) of the error body, lower-cased where they are identifiers."""
    body: Any = exc.body
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        body = body["error"]
    if isinstance(body, dict):
        message = body.get("message") or body.get("msg") or ""
        return (
            str(body.get("code") or "").lower(),
            str(body.get("type") or "").lower(),
            str(body.get("param") or "").lower(),
            message if isinstance(message, str) else str(message),
        )
    return "", "", "", body if isinstance(body, str) else ""


def clip(text: str, limit: int, secret: str) -> str:
    """``text`` on one line, redacted, then cut at ``limit`` characters.

    In that order: a key cut in two by the limit would no longer match the redaction and would
    show all but its last characters.
    """
    one = redact(" ".join(text.split()), secret)
    return one[:limit] + ("…" if len(one) > limit else "")


def server_message(exc: HttpFailure, secret: str) -> str:
    """The provider's own error message, on one line, without the key, and bounded."""
    return clip(_error_fields(exc)[3], _SERVER_TEXT, secret)


def unsupported_parameter(exc: HttpFailure) -> str | None:
    """``temperature`` or ``max_tokens`` when the error says that parameter is not accepted."""
    code, _, param, message = _error_fields(exc)
    for name in _PARAMETERS:
        named = param == name or name in message.lower()
        if named and (
            "unsupported" in code or "unknown" in code or _UNSUPPORTED_TEXT.search(message)
        ):
            return name
    return None


def classify_error(exc: HttpFailure) -> Failure:
    """The failure a non-transient HTTP error stands for (see the module's table)."""
    code, kind, param, message = _error_fields(exc)
    ids = {code, kind}
    status = exc.status_code
    if ids & _QUOTA_CODES or status == 402 or _QUOTA_TEXT.search(message):
        return Failure.QUOTA
    if status == 401:
        return Failure.UNAUTHORIZED
    if status == 403:
        return Failure.FORBIDDEN
    if status == 404:
        return Failure.MODEL_NOT_FOUND
    if ids & _CONTENT_FILTER_CODES or _CONTENT_FILTER_TEXT.search(message):
        return Failure.CONTENT_FILTER
    if ids & _CONTEXT_CODES or status == 413 or _CONTEXT_TEXT.search(message):
        return Failure.CONTEXT_LENGTH
    if unsupported_parameter(exc) is not None:
        return Failure.UNSUPPORTED_PARAMETER
    if param == "response_format" or _FORMAT_TEXT.search(message) or _FORMAT_TEXT.search(code):
        return Failure.FORMAT_REFUSED
    return Failure.INVALID_REQUEST


def is_quota(exc: BaseException | None) -> bool:
    """A 429 that means the account is out of money, not that requests come too fast."""
    return isinstance(exc, openai.APIStatusError) and classify_error(exc) is Failure.QUOTA


_STOP = "已停止大模型审读，本次仅有确定性复核结果"


def stop_message(reason: str) -> str:
    """The one line for a stage that cannot go on: why, and that only the rules' review is in."""
    return f"{reason}；{_STOP}。"


def describe_failure(exc: HttpFailure, failure: Failure, settings: LlmSettings) -> str:
    """One Chinese line for a non-transient error: what happened and what to do."""
    status = exc.status_code
    server = server_message(exc, settings.api_key.reveal())
    said = f"（服务端：{server}）" if server else ""
    if failure is Failure.UNAUTHORIZED:
        text = f"大模型密钥无效（HTTP {status}）：请检查 OPENAI_API_KEY 或配置的密钥；{_STOP}。"
    elif failure is Failure.QUOTA:
        text = f"大模型账户额度不足或欠费（HTTP {status}）：请充值或更换密钥；{_STOP}。"
    elif failure is Failure.FORBIDDEN:
        text = (
            f"大模型接口拒绝访问（HTTP {status}）：该密钥无权使用模型 {settings.model}；{_STOP}。"
        )
    elif failure is Failure.MODEL_NOT_FOUND:
        text = (
            f"大模型接口找不到模型 {settings.model}（HTTP {status}）：请检查 --model 与接口地址 "
            f"{settings.display_base_url}；{_STOP}。"
        )
    elif failure is Failure.CONTENT_FILTER:
        text = f"内容审核拦截（HTTP {status}）：服务商拒绝审读本表{said}"
    elif failure is Failure.CONTEXT_LENGTH:
        text = f"超出上下文长度（HTTP {status}）：本表提示词超过模型上限{said}"
    elif failure is Failure.FORMAT_REFUSED:
        text = f"接口不接受任何回答格式（HTTP {status}）{said}"
    elif failure is Failure.UNSUPPORTED_PARAMETER:
        text = f"接口不接受请求参数（HTTP {status}）{said}"
    else:
        text = f"请求参数无效（HTTP {status}）{said}"
    return redact(text, settings.api_key.reveal())
