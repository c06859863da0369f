"""The error taxonomy: providers' own error bodies sorted into what follows from them, and the
stage doing exactly that against the fake server (format step-down, a parameter dropped once,
a table failed, the stage stopped, an answer cut short)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest

from reviewer.llm.ask import ask_tables
from reviewer.llm.capabilities import Capabilities, ResponseMode
from reviewer.llm.errors import FATAL, Failure, classify_error, unsupported_parameter
from reviewer.llm.retry import classify
from reviewer.model import Report
from tests.fake_openai import (
    FakeOpenAI,
    Reply,
    finished,
    per_project,
    reasoning_like,
    status,
    valid,
)
from tests.llm.conftest import MakeSettings

REQUEST = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")
CLASSES: dict[int, type[openai.APIStatusError]] = {
    400: openai.BadRequestError,
    401: openai.AuthenticationError,
    403: openai.PermissionDeniedError,
    404: openai.NotFoundError,
    422: openai.UnprocessableEntityError,
    429: openai.RateLimitError,
}


def _error(code: int, body: dict[str, Any]) -> openai.APIStatusError:
    """The exception the openai client raises for this HTTP status and body."""
    cls = CLASSES.get(code, openai.APIStatusError)
    response = httpx2.Response(code, json=body, request=REQUEST)
    return cls(f"Error code: {code}", response=response, body=body.get("error", body))


def _body(message: str, code: str | None = None, kind: str = "", param: str | None = None) -> Any:
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


# Error bodies as the providers word them.
CASES = [
    # format refusals
    (
        400,
        _body(
            "Invalid parameter: 'response_format' of type 'json_schema' is not supported with "
            "this model.",
            param="response_format",
        ),
        Failure.FORMAT_REFUSED,
    ),
    (400, _body("This response_format type is unavailable now"), Failure.FORMAT_REFUSED),
    (
        400,
        _body("<400> InternalError.Algo.InvalidParameter: 'response_format.type' invalid"),
        Failure.FORMAT_REFUSED,
    ),
    (422, _body("json_schema is not supported by this backend"), Failure.FORMAT_REFUSED),
    # content filters
    (
        400,
        _body(
            "Input data may contain inappropriate content.",
            "data_inspection_failed",
            "data_inspection_failed",
        ),
        Failure.CONTENT_FILTER,
    ),
    (
        400,
        _body(
            "The response was filtered due to the prompt triggering Azure OpenAI's content "
            "management policy.",
            "content_filter",
        ),
        Failure.CONTENT_FILTER,
    ),
    (400, _body("Content Exists Risk"), Failure.CONTENT_FILTER),
    # context length
    (
        400,
        _body(
            "This model's maximum context length is 65536 tokens. However, you requested "
            "70000 tokens.",
            "context_length_exceeded",
        ),
        Failure.CONTEXT_LENGTH,
    ),
    (400, _body("Range of input length should be [1, 30720]"), Failure.CONTEXT_LENGTH),
    # parameters
    (
        400,
        _body(
            "Unsupported value: 'temperature' does not support 0 with this model. Only the "
            "default (1) value is supported.",
            "unsupported_value",
            param="temperature",
        ),
        Failure.UNSUPPORTED_PARAMETER,
    ),
    (
        400,
        _body(
            "Unsupported parameter: 'max_tokens' is not supported with this model. Use "
            "'max_completion_tokens' instead.",
            "unsupported_parameter",
            param="max_tokens",
        ),
        Failure.UNSUPPORTED_PARAMETER,
    ),
    (400, _body("Invalid value for 'messages[1].content'"), Failure.INVALID_REQUEST),
    # the run cannot go on
    (
        429,
        _body(
            "You exceeded your current quota, please check your plan and billing details.",
            "insufficient_quota",
            "insufficient_quota",
        ),
        Failure.QUOTA,
    ),
    (402, _body("Insufficient Balance"), Failure.QUOTA),
    (
        400,
        _body("Access denied, please make sure your account is in good standing.", "Arrearage"),
        Failure.QUOTA,
    ),
    (401, _body("Incorrect API key provided", "invalid_api_key"), Failure.UNAUTHORIZED),
    (403, _body("You are not allowed to use this model"), Failure.FORBIDDEN),
    (404, _body("The model `gpt-9` does not exist", "model_not_found"), Failure.MODEL_NOT_FOUND),
]


@pytest.mark.parametrize(("code", "body", "failure"), CASES)
def test_providers_errors_are_sorted(code: int, body: dict[str, Any], failure: Failure) -> None:
    assert classify_error(_error(code, body)) is failure


def test_a_quota_429_is_not_retried_but_a_rate_limit_is() -> None:
    quota = _error(429, _body("You exceeded your current quota", "insufficient_quota"))
    limit = _error(429, _body("Rate limit reached for requests", "rate_limit_exceeded"))
    assert classify(quota) is None and classify(limit) is not None
    assert classify_error(quota) in FATAL


def test_only_the_refused_parameter_is_named() -> None:
    temperature = _error(400, _body("Unsupported parameter: 'temperature'", param="temperature"))
    assert unsupported_parameter(temperature) == "temperature"
    plain = _error(400, _body("max_tokens is too large: 99999"))
    assert unsupported_parameter(plain) is None


# -- what the stage does ------------------------------------------------------------------------


def _one(report: Report) -> Report:
    return report.model_copy(update={"tables": report.tables[:1]})


def test_a_refused_temperature_is_dropped_once_for_the_run_and_the_cache_still_hits(
    fake: FakeOpenAI, make_settings: MakeSettings, seed_report: Report
) -> None:
    fake.script(then=reasoning_like)
    settings = make_settings(cli={"model": "house-reasoner"})  # a name no quirk knows
    assert settings.temperature == 0
    _, run = ask_tables(seed_report, [], settings)
    assert {t.status for t in run.tables} == {"ok"}
    assert ["temperature" in s.body for s in fake.requests] == [True] + [False] * 14
    assert fake.count == 15  # the refusal taught every table
    fake.reset_counts()
    _, again = ask_tables(seed_report, [], settings)
    assert fake.count == 0 and again.cache_hits == 14


def test_a_table_whose_parameter_is_refused_twice_fails(
    fake: FakeOpenAI, make_settings: MakeSettings, seed_report: Report
) -> None:
    refuse = status(400, "Unsupported parameter: 'temperature'", param="temperature")
    fake.script(then=refuse)
    _, run = ask_tables(_one(seed_report), [], make_settings())
    assert fake.count == 2 and run.tables[0].status == "failed"
    assert "不接受请求参数" in (run.tables[0].error or "")


@pytest.mark.parametrize(
    ("reason", "said"), [("length", "截断"), ("content_filter", "内容审核拦截")]
)
def test_an_answer_cut_short_or_filtered_is_not_asked_again(
    fake: FakeOpenAI, make_settings: MakeSettings, seed_report: Report, reason: str, said: str
) -> None:
    fake.script(then=finished(reason))
    _, run = ask_tables(_one(seed_report), [], make_settings())
    assert fake.count == 1 and run.tables[0].status == "failed"
    assert said in (run.tables[0].error or "") and run.wasted_tokens > 0


def test_a_content_filter_fails_its_table_and_teaches_nothing(
    fake: FakeOpenAI, make_settings: MakeSettings, seed_report: Report, cache_dir: Path
) -> None:
    blocked = seed_report.tables[2].project
    filtered = status(
        400,
        "Input data may contain inappropriate content.",
        error_code="data_inspection_failed",
        error_type="data_inspection_failed",
    )
    fake.script(then=per_project({blocked: filtered}, default=valid))
    settings = make_settings(cli={"concurrency": 4})
    _, run = ask_tables(seed_report, [], settings)
    assert fake.count == 14 and {s.response_format for s in fake.requests} == {"json_schema"}
    (failed,) = run.failed_tables
    assert failed.project == blocked and "内容审核拦截" in (failed.error or "")
    assert run.stopped is None and run.response_format == "json_schema"
    remembered = Capabilities(cache_dir).get(settings.base_url, settings.model)
    assert remembered in (None, ResponseMode.JSON_SCHEMA)


@pytest.mark.parametrize(
    ("code", "body", "said"),
    [
        (403, _body("not allowed"), "拒绝访问（HTTP 403）"),
        (402, _body("Insufficient Balance"), "额度不足或欠费（HTTP 402）"),
    ],
)
def test_fatal_errors_stop_the_stage(
    fake: FakeOpenAI,
    make_settings: MakeSettings,
    seed_report: Report,
    code: int,
    body: dict[str, Any],
    said: str,
) -> None:
    fake.script(then=lambda seen: Reply(status=code, body=body))
    _, run = ask_tables(seed_report, [], make_settings(cli={"concurrency": 8}))
    assert fake.count == 1 and run.stopped is not None and said in run.stopped


def test_an_endpoint_that_answered_before_is_not_probed(
    fake: FakeOpenAI, make_settings: MakeSettings, seed_report: Report
) -> None:
    fake.latency = 0.2
    settings = make_settings(cli={"concurrency": 4})
    ask_tables(_one(seed_report), [], settings)  # the first run probes: one request alone
    fake.reset_counts()
    ask_tables(seed_report, [], make_settings(cli={"concurrency": 4, "no_cache": True}))
    first_wave = [s for s in fake.requests if s.started - fake.requests[0].started < 0.1]
    assert len(first_wave) == 4  # known endpoint: full concurrency from the first request


def test_a_new_endpoint_is_probed_with_one_request_first(
    fake: FakeOpenAI, make_settings: MakeSettings, seed_report: Report
) -> None:
    fake.latency = 0.2
    ask_tables(seed_report, [], make_settings(cli={"concurrency": 4}))
    starts = sorted(s.started for s in fake.requests)
    # told apart by order and spacing, not by windows of wall time (a loaded machine starts
    # threads late): the probe went alone, the next waiting for its answer ...
    assert starts[1] - starts[0] > 0.15
    # ... then the others four at a time: four start before any of them is answered
    wave = [t for t in starts[1:] if t - starts[1] < 0.15]
    assert len(wave) == 4


def test_a_batch_with_a_wrong_key_costs_one_request(
    fake: FakeOpenAI, make_settings: MakeSettings, seed_report: Report
) -> None:
    from reviewer.llm.stage import LlmStage

    fake.script(then=status(401, "Incorrect API key provided", error_code="invalid_api_key"))
    stage = LlmStage(make_settings(cli={"concurrency": 2}), shared_limit=True)  # as batch builds it
    runs = [stage.run(seed_report, []).run for _ in range(3)]
    assert fake.count == 1
    assert all(r.stopped and "密钥无效" in r.stopped for r in runs)


def test_quirks_and_extra_body_reach_the_request(
    fake: FakeOpenAI, make_settings: MakeSettings, seed_report: Report
) -> None:
    settings = make_settings(
        cli={"model": "o4-mini"}, config={"max_tokens": 2000, "extra_body": {"seed": 7}}
    )
    ask_tables(_one(seed_report), [], settings)
    (seen,) = fake.requests
    assert seen.body["max_completion_tokens"] == 2000 and seen.body["seed"] == 7
    assert "max_tokens" not in seen.body and "temperature" not in seen.body
