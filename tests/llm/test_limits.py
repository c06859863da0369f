"""Limits on the model's side: a deadline for each request as a whole, the answer's length and
its number of findings; each configurable, each with a clear message when hit."""

from __future__ import annotations

import time

import pytest

from reviewer.errors import UsageError
from reviewer.llm.ask import ask_tables
from reviewer.llm.settings import resolve_settings
from reviewer.model import Report
from tests.fake_openai import FakeOpenAI, huge, many_findings, trickling, valid
from tests.llm.conftest import MakeSettings


def _one(report: Report) -> Report:
    return report.model_copy(update={"tables": report.tables[:1]})


def test_a_server_trickling_bytes_is_cut_off_at_the_deadline(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    # One byte every 0.1 s: each read gets a byte long before the 1-second read timeout, and
    # the whole answer (about 1 KB) would take two minutes.
    fake.script(then=trickling(0.1))
    t0 = time.monotonic()
    findings, run = ask_tables(_one(two_tables), [], make_settings(cli={"llm_timeout": 1}))
    elapsed = time.monotonic() - t0
    assert findings == [] and run.tables[0].status == "failed"
    assert "超时" in (run.tables[0].error or "")
    assert run.tables[0].attempts == 2  # the timeout policy's budget
    assert elapsed < 5, elapsed


def test_a_fast_answer_within_the_deadline_is_kept(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    fake.script(then=trickling(0.0005))  # about half a second in all: within 5 s
    findings, run = ask_tables(_one(two_tables), [], make_settings(cli={"llm_timeout": 5}))
    assert run.tables[0].status == "ok" and findings


def test_an_answer_longer_than_the_limit_fails_its_table_without_asking_again(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    fake.script(then=huge(2_000_000))  # a few MB of answer
    findings, run = ask_tables(two_tables, [], make_settings())
    assert findings == []
    assert [t.status for t in run.tables] == ["failed", "failed"]
    error = run.tables[0].error or ""
    assert "模型回答过长" in error and "100,000" in error and "max_answer_chars" in error
    assert fake.count == 2  # one request per table: not asked again


def test_too_many_findings_fail_the_table_with_the_limit_named(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    fake.script(then=many_findings(60_000))
    t0 = time.monotonic()
    findings, run = ask_tables(
        two_tables, [], make_settings(config={"max_answer_chars": 100_000_000})
    )
    assert time.monotonic() - t0 < 20
    assert findings == [] and {t.status for t in run.tables} == {"failed"}
    error = run.tables[0].error or ""
    assert "60,000 条意见" in error and "上限 100 条" in error and "max_findings" in error


def test_the_limits_are_configurable(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    fake.script(then=many_findings(3))
    _findings, strict = ask_tables(two_tables, [], make_settings(config={"max_findings": 2}))
    assert {t.status for t in strict.tables} == {"failed"}
    assert "上限 2 条" in (strict.tables[0].error or "")
    fake.script(then=valid)
    _findings, short = ask_tables(
        two_tables, [], make_settings(config={"max_answer_chars": 50}, use_cache=False)
    )
    assert {t.status for t in short.tables} == {"failed"}
    assert "上限 50 字符" in (short.tables[0].error or "")


@pytest.mark.parametrize("value", [0, -1, "many", 1.5])
def test_invalid_limits_are_usage_errors(value: object) -> None:
    for name in ("max_answer_chars", "max_findings"):
        with pytest.raises(UsageError, match=name):
            resolve_settings({}, {}, {name: value})
