"""Retries of transient failures: one policy per kind, driven by tenacity.

=================  ==============================================  =========================
failure            raised by the openai client as                   what happens
=================  ==============================================  =========================
connection         ``APIConnectionError``                           backoff, ``connection``
rate limit (429)   ``RateLimitError`` (not ``insufficient_quota``)  wait ``Retry-After`` when
                                                                    given, else backoff
server (5xx)       ``APIStatusError`` with status >= 500             backoff, ``server``
timeout            ``APITimeoutError`` (and HTTP 408), or the       backoff, ``timeout``
                   request's deadline passed (``RequestDeadline``)
anything else      400, 401, 402, 403, 404, 422, quota 429 …        raised at once
=================  ==============================================  =========================

Each kind has its own budget of tries (:class:`~reviewer.llm.settings.RetryPolicies`), so a few
timeouts do not use up the patience for 429s. Backoff is exponential, capped, with jitter. What a
non-transient error means is :mod:`reviewer.llm.errors`' business; the format fallback and the
re-ask on an invalid answer live in :mod:`reviewer.llm.client`.
"""

from __future__ import annotations

import email.utils
import math
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import TypeVar

import openai
from tenacity import AsyncRetrying, RetryCallState

from reviewer.llm.errors import is_quota
from reviewer.llm.settings import RetryPolicies, RetryPolicy

T = TypeVar("T")


class FailureKind(StrEnum):
    CONNECTION = "connection"
    RATE_LIMIT = "rate_limit"
    SERVER = "server"
    TIMEOUT = "timeout"


class RequestDeadline(Exception):
    """A request took longer than its deadline in all (however steadily bytes arrived)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"request deadline of {seconds:g} s exceeded")
        self.seconds = seconds


def classify(exc: BaseException | None) -> FailureKind | None:
    """The kind of a transient failure, or None when it must not be retried."""
    if isinstance(exc, openai.APITimeoutError | RequestDeadline):
        return FailureKind.TIMEOUT
    if isinstance(exc, openai.APIConnectionError):
        return FailureKind.CONNECTION
    if isinstance(exc, openai.RateLimitError):
        return None if is_quota(exc) else FailureKind.RATE_LIMIT
    if isinstance(exc, openai.APIStatusError):
        if exc.status_code >= 500:
            return FailureKind.SERVER
        if exc.status_code == 408:
            return FailureKind.TIMEOUT
    return None


def retry_after_seconds(exc: BaseException | None, now: float | None = None) -> float | None:
    """Seconds asked for by ``Retry-After-Ms`` / ``Retry-After`` (seconds or an HTTP date)."""
    if not isinstance(exc, openai.APIStatusError):
        return None
    headers = exc.response.headers
    ms = headers.get("retry-after-ms")
    if ms is not None:
        try:
            value = float(ms) / 1000
        except ValueError:
            value = math.nan
        if math.isfinite(value):
            return max(0.0, value)
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            return None
        value = parsed.timestamp() - (time.time() if now is None else now)
    return max(0.0, value) if math.isfinite(value) else None


def backoff(policy: RetryPolicy, tries: int, rng: random.Random | None = None) -> float:
    """Wait after the ``tries``-th failure of a kind: exponential, capped, jittered in [½, 1]."""
    delay: float = min(policy.max_delay, policy.base_delay * 2.0 ** max(0, tries - 1))
    jitter: float = rng.random() if rng is not None else random.random()
    return delay * (0.5 + 0.5 * jitter)


class TransientRetry:
    """One retry budget per failure kind for one logical request.

    ``retries`` counts the retries made per kind, for the caller's accounting.
    """

    def __init__(self, policies: RetryPolicies) -> None:
        self.policies = policies
        self.tries: Counter[FailureKind] = Counter()
        self.retries: Counter[FailureKind] = Counter()
        self._last: FailureKind | None = None
        self._retry_after: float | None = None

    def _policy(self, kind: FailureKind) -> RetryPolicy:
        return {
            FailureKind.CONNECTION: self.policies.connection,
            FailureKind.RATE_LIMIT: self.policies.rate_limit,
            FailureKind.SERVER: self.policies.server,
            FailureKind.TIMEOUT: self.policies.timeout,
        }[kind]

    def _should_retry(self, state: RetryCallState) -> bool:
        exc = state.outcome.exception() if state.outcome and state.outcome.failed else None
        kind = classify(exc)
        self._last = kind
        if kind is None:
            return False
        self.tries[kind] += 1
        self._retry_after = retry_after_seconds(exc) if kind is FailureKind.RATE_LIMIT else None
        return True

    def _should_stop(self, state: RetryCallState) -> bool:
        kind = self._last
        if kind is None:
            return True
        if self.tries[kind] >= self._policy(kind).attempts:
            return True
        return self._retry_after is not None and self._retry_after > self.policies.retry_after_max

    def _wait(self, state: RetryCallState) -> float:
        kind = self._last
        if kind is None:
            return 0.0
        if self._retry_after is not None:
            return self._retry_after
        return backoff(self._policy(kind), self.tries[kind])

    def _before_sleep(self, state: RetryCallState) -> None:
        if self._last is not None:
            self.retries[self._last] += 1

    async def call(self, fn: Callable[[], Awaitable[T]]) -> T:
        """Run ``fn`` until it succeeds, a non-transient error is raised, or a budget runs out.

        The last exception is re-raised as is when retrying stops.
        """
        retrying = AsyncRetrying(
            retry=self._should_retry,
            stop=self._should_stop,
            wait=self._wait,
            before_sleep=self._before_sleep,
            reraise=True,
        )
        result: T = await retrying(fn)
        return result
