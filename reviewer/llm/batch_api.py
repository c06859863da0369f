"""The provider's batch engine (OpenAI Batch API and the endpoints compatible with it).

::

    api = BatchApi(settings)
    file_id = api.upload(Path("input-1.jsonl"))          # files endpoint, purpose "batch"
    batch = api.create(file_id)                           # /v1/batches, 24 h window
    batch = api.retrieve(batch.id)                        # status, request counts
    api.download(batch.output_file_id, Path("output-1.jsonl"))
    for custom_id, answer in read_results(path, modes): ...

An input line is ``{"custom_id", "method": "POST", "url": "/v1/chat/completions", "body"}`` with
the body the live path would send (:func:`~reviewer.llm.client.request_body`). A result line is
read the way the live path reads an answer: a cut or filtered answer fails its table, the content
is validated (:func:`~reviewer.llm.schema.parse_answer`), an HTTP error is sorted and worded by
:mod:`reviewer.llm.errors`. There are no re-asks: a table without a valid answer is reported as
failed, and the next run submits it again.

The real ``openai`` client does the talking; its own retries (with backoff) cover transient
failures of these few control calls. Messages never hold the API key.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openai
from openai.types import Batch
from openai.types.chat import ChatCompletion

from reviewer.atomic import atomic_file
from reviewer.llm.batch_answers import BatchAnswer
from reviewer.llm.cache import CachedAnswer
from reviewer.llm.client import (
    FINISHED,
    describe_transient,
    parse_limited,
    read_completion,
    too_large,
)
from reviewer.llm.errors import (
    FATAL,
    Failure,
    LlmCallError,
    LlmStopped,
    classify_error,
    clip,
    describe_failure,
    redact,
    server_message,
)
from reviewer.llm.retry import classify
from reviewer.llm.schema import AnswerError, AnswerTooLarge
from reviewer.llm.settings import LlmSettings

ENDPOINT = "/v1/chat/completions"
# Where a batch stands: still running, or done one way or another.
RUNNING = frozenset({"validating", "in_progress", "finalizing", "cancelling"})
FINAL = frozenset({"completed", "failed", "expired", "cancelled"})

EXPIRED = "批处理在服务商的处理时限（24 小时）内未完成本表：重新运行同一命令会再次提交"
CANCELLED = "批处理已被取消，本表未完成：重新运行同一命令会再次提交"


def request_line(custom_id: str, body: dict[str, Any]) -> str:
    """One line of a batch input file."""
    line = {"custom_id": custom_id, "method": "POST", "url": ENDPOINT, "body": body}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":"))


class BatchApi:
    """The files and batches endpoints, through one ``openai`` client."""

    def __init__(self, settings: LlmSettings) -> None:
        self.settings = settings
        self._client = openai.OpenAI(
            api_key=settings.api_key.reveal(),
            base_url=settings.base_url,
            timeout=settings.timeout,
            max_retries=5,
        )

    def close(self) -> None:
        self._client.close()

    def _fail(self, exc: openai.OpenAIError) -> LlmCallError:
        """One Chinese line for a failed control call; LlmStopped when nothing can work."""
        if isinstance(exc, openai.APIStatusError) and classify(exc) is None:
            failure = classify_error(exc)
            message = describe_failure(exc, failure, self.settings)
            return (LlmStopped if failure in FATAL else LlmCallError)(message, failure)
        return LlmCallError("批处理接口：" + describe_transient(exc, self.settings))

    def upload(self, path: Path) -> str:
        try:
            with path.open("rb") as fh:
                return self._client.files.create(file=(path.name, fh), purpose="batch").id
        except openai.OpenAIError as exc:
            raise self._fail(exc) from None

    def create(self, file_id: str) -> Batch:
        try:
            return self._client.batches.create(
                input_file_id=file_id, endpoint="/v1/chat/completions", completion_window="24h"
            )
        except openai.OpenAIError as exc:
            raise self._fail(exc) from None

    def retrieve(self, batch_id: str) -> Batch:
        try:
            return self._client.batches.retrieve(batch_id)
        except openai.OpenAIError as exc:
            raise self._fail(exc) from None

    def download(self, file_id: str, path: Path) -> None:
        """Stream a file's content to ``path`` (atomically: never half a file)."""
        try:
            with (
                self._client.files.with_streaming_response.content(file_id) as response,
                atomic_file(path) as fh,
            ):
                for chunk in response.iter_bytes():
                    fh.write(chunk)
        except openai.OpenAIError as exc:
            raise self._fail(exc) from None


def batch_failure(batch: Batch, settings: LlmSettings) -> str:
    """Why a batch failed as a whole (its input was refused), on one line, without the key."""
    errors = batch.errors.data if batch.errors and batch.errors.data else []
    said = "；".join(f"{e.code or ''} {e.message or ''}".strip() for e in errors[:3])
    said = clip(said, 200, settings.api_key.reveal())
    return f"服务商拒绝了批处理（{clip(batch.id, 80, '')}）" + (f"：{said}" if said else "")


@dataclass(frozen=True)
class _ResultError:
    """An HTTP error in a result line: :mod:`reviewer.llm.errors` sorts and words it as it
    does one the ``openai`` client raised (an :class:`~reviewer.llm.errors.HttpFailure`)."""

    status_code: int
    body: object


def _transient(status: int) -> bool:
    """A rate limit, a timeout or a server error: the next run asks again."""
    return status in (408, 409, 429) or status >= 500


def read_results(
    path: Path, modes: dict[str, str], settings: LlmSettings
) -> Iterator[tuple[str, BatchAnswer, Failure | None]]:
    """Each line of an output or error file: (custom_id, what it gives, its failure kind).

    ``modes`` maps each custom_id to the response format its request asked for.
    """
    secret = settings.api_key.reveal()
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            try:
                line = json.loads(raw)
            except ValueError:
                continue
            if not isinstance(line, dict) or line.get("custom_id") not in modes:
                continue
            custom_id = str(line["custom_id"])
            answer, failure = _answer(line, modes[custom_id], settings)
            if answer.error is not None:
                answer = BatchAnswer(
                    None, redact(answer.error, secret), answer.tokens_in, answer.tokens_out
                )
            yield custom_id, answer, failure


def _answer(
    line: dict[str, Any], mode: str, settings: LlmSettings
) -> tuple[BatchAnswer, Failure | None]:
    response = line.get("response")
    if isinstance(response, dict) and response.get("status_code") == 200:
        return _completion(response.get("body"), mode, settings), None
    if isinstance(response, dict) and isinstance(response.get("status_code"), int):
        exc = _ResultError(response["status_code"], response.get("body"))
        failure = classify_error(exc)
        if _transient(exc.status_code) and failure is not Failure.QUOTA:
            server = server_message(exc, settings.api_key.reveal())
            said = f"（{server}）" if server else ""
            text = f"批处理中本表的请求失败（HTTP {exc.status_code}）{said}：重新运行同一命令会再次提交"
            return BatchAnswer(None, text), None
        return BatchAnswer(None, describe_failure(exc, failure, settings)), failure
    found = line.get("error")
    error: dict[str, Any] = found if isinstance(found, dict) else {}
    code = str(error.get("code") or "")
    if code == "batch_expired":
        return BatchAnswer(None, EXPIRED), None
    if code == "batch_cancelled":
        return BatchAnswer(None, CANCELLED), None
    said = clip(str(error.get("message") or ""), 160, settings.api_key.reveal())
    return BatchAnswer(None, f"批处理中本表的请求失败（{code or '原因不详'}：{said}）"), None


def _completion(body: Any, mode: str, settings: LlmSettings) -> BatchAnswer:
    try:
        completion: object = ChatCompletion.model_validate(body)
    except ValueError:
        completion = body
    content, finish, tokens_in, tokens_out = read_completion(completion)
    if finish in FINISHED:
        return BatchAnswer(None, FINISHED[finish], tokens_in, tokens_out)
    try:
        if not isinstance(completion, ChatCompletion):
            raise AnswerError("接口返回的不是对话补全（chat completion）")
        parse_limited(content, settings)
    except AnswerTooLarge as exc:
        return BatchAnswer(None, too_large(exc), tokens_in, tokens_out)
    except AnswerError as exc:
        return BatchAnswer(None, f"模型回答未通过校验：{exc}", tokens_in, tokens_out)
    return BatchAnswer(CachedAnswer(content or "", mode, tokens_in, tokens_out))
