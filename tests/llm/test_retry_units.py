"""Retry building blocks: classification, Retry-After parsing, bounded jittered backoff."""

from __future__ import annotations

import email.utils
import random

import httpx2
import openai
import pytest

from reviewer.llm.retry import FailureKind, backoff, classify, retry_after_seconds
from reviewer.llm.settings import RetryPolicy

REQUEST = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")


def _status_error(code: int, headers: dict[str, str] | None = None) -> openai.APIStatusError:
    response = httpx2.Response(code, headers=headers or {}, request=REQUEST)
    classes: dict[int, type[openai.APIStatusError]] = {
        400: openai.BadRequestError,
        401: openai.AuthenticationError,
        404: openai.NotFoundError,
        429: openai.RateLimitError,
    }
    cls = classes.get(code, openai.InternalServerError if code >= 500 else openai.APIStatusError)
    return cls(f"Error code: {code}", response=response, body=None)


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (openai.APITimeoutError(request=REQUEST), FailureKind.TIMEOUT),
        (openai.APIConnectionError(request=REQUEST), FailureKind.CONNECTION),
        (_status_error(429), FailureKind.RATE_LIMIT),
        (_status_error(500), FailureKind.SERVER),
        (_status_error(503), FailureKind.SERVER),
        (_status_error(408), FailureKind.TIMEOUT),
        (_status_error(400), None),
        (_status_error(401), None),
        (_status_error(404), None),
        (ValueError("x"), None),
    ],
)
def test_classify(exc: BaseException, kind: FailureKind | None) -> None:
    assert classify(exc) is kind


def test_retry_after_forms() -> None:
    assert retry_after_seconds(_status_error(429, {"Retry-After": "3"})) == 3.0
    assert retry_after_seconds(_status_error(429, {"Retry-After": "0.25"})) == 0.25
    assert retry_after_seconds(_status_error(429, {"retry-after-ms": "1500"})) == 1.5
    now = 1_700_000_000.0
    date = email.utils.formatdate(now + 7, usegmt=True)
    assert retry_after_seconds(_status_error(429, {"Retry-After": date}), now=now) == 7.0
    assert retry_after_seconds(_status_error(429, {"Retry-After": "soon"})) is None
    assert retry_after_seconds(_status_error(429)) is None
    assert retry_after_seconds(openai.APITimeoutError(request=REQUEST)) is None


def test_backoff_is_exponential_capped_and_jittered() -> None:
    policy = RetryPolicy(attempts=10, base_delay=1.0, max_delay=5.0)
    rng = random.Random(1)
    for tries, ceiling in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 5.0), (9, 5.0)]:
        waits = [backoff(policy, tries, rng) for _ in range(200)]
        assert all(ceiling / 2 <= w <= ceiling for w in waits)
        assert max(waits) - min(waits) > ceiling / 10  # jitter actually varies
