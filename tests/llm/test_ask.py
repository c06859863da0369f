"""The LLM stage end to end: the real openai client against the fake server's scripted behaviours.

Each test names a behaviour and asserts what the stage returns: the findings kept or dropped, the
per-table status, attempts and tokens counted, the response format used, and the number of HTTP
requests the server saw.
"""

from __future__ import annotations

import copy
import json
import socket
import time
from pathlib import Path

from reviewer.llm.ask import ask_tables
from reviewer.model import Category, Finding, Report, Severity
from tests.fake_openai import (
    ASSESSMENT,
    UNFOUND_QUOTE,
    FakeOpenAI,
    Reply,
    clear_rule_findings,
    disconnect,
    empty,
    invalid_json,
    per_project,
    rows,
    slow,
    status,
    ungrounded,
    usage_of,
    valid,
    wrong_shape,
)
from tests.llm.conftest import FAKE_KEY, MakeSettings


def _rule_finding(table_index: int, project: str, code: str = "F301") -> Finding:
    return Finding(
        code=code,
        category=Category.SCORING,
        severity=Severity.ERROR,
        project=project,
        table_index=table_index,
        indicator=None,
        message=f"{code}：得分高于按完成比例计算的分值。",
        expected="9.71",
        found="10",
    )


# -- valid answers ----------------------------------------------------------------------------


def test_valid_answers_give_grounded_llm_findings(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    findings, run = ask_tables(two_tables, [], make_settings())
    assert fake.count == 2 and run.attempts == 2 and run.requests == 2
    assert [t.status for t in run.tables] == ["ok", "ok"]
    assert len(findings) == 4 and all(f.source == "llm" for f in findings)
    assert {f.code for f in findings} == {"L103", "L107"}
    first = findings[0]
    assert first.table_index == 0 and first.project == two_tables.tables[0].project
    assert first.evidence[0].quote == "根据《全国司法所工作规范》"  # the title closed
    assert first.evidence[0].location is not None and first.evidence[0].location.line == 13
    row_finding = next(f for f in findings if f.code == "L107" and f.table_index == 0)
    assert row_finding.indicator == two_tables.tables[0].indicators[0].name
    assert run.tables[0].assessment == ASSESSMENT
    assert run.tables[0].findings_kept == 2 and run.tables[0].findings_dropped == 0
    assert run.response_format == "json_schema" and run.tables[0].response_format == "json_schema"
    assert run.tokens_in == sum(t.tokens_in for t in run.tables) > 0
    assert run.tokens_out == sum(t.tokens_out for t in run.tables) > 0
    assert run.wasted_tokens == 0 and run.cache_hits == 0


def test_the_request_is_what_the_contract_says(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    rules = [_rule_finding(0, two_tables.tables[0].project, "F301")]
    rules.append(_rule_finding(1, two_tables.tables[1].project, "F999"))
    claims = {1: ["叙述称开展专题培训5场"]}
    ask_tables(two_tables, rules, make_settings(cli={"model": "m-1"}), claims=claims)
    first, second = sorted(fake.requests, key=lambda s: s.project != two_tables.tables[0].project)
    assert "叙述称开展专题培训5场" in second.text and "叙述称开展专题培训5场" not in first.text
    assert first.headers["authorization"] == f"Bearer {FAKE_KEY}"
    assert first.body["model"] == "m-1" and first.body["temperature"] == 0
    rf = first.body["response_format"]
    assert rf["type"] == "json_schema" and rf["json_schema"]["strict"] is True
    assert "F301" in first.text and "F999" not in first.text  # each table sees its own findings
    assert "F999" in second.text and "F301" not in second.text
    assert rows(first.document)[0]["id"] == two_tables.tables[0].indicators[0].row_id


def test_a_clean_table_gives_no_finding(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    fake.script(then=empty)
    findings, run = ask_tables(two_tables, [], make_settings())
    assert findings == [] and [t.status for t in run.tables] == ["ok", "ok"]
    assert run.tables[0].assessment == "叙述清楚，与指标一致。"


# -- transient failures -----------------------------------------------------------------------


def test_429_with_retry_after_then_success(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    one = two_tables.model_copy(update={"tables": two_tables.tables[:1]})
    fake.script(status(429, headers={"Retry-After": "0.4"}), then=valid)
    findings, run = ask_tables(one, [], make_settings())
    assert fake.count == 2 and run.attempts == 2 and run.tables[0].attempts == 2
    assert run.tables[0].status == "ok" and len(findings) == 2
    waited = fake.requests[1].started - fake.requests[0].started
    assert waited >= 0.38  # the backoff alone would be ~0.01 s: Retry-After was honoured


def test_retry_after_beyond_the_limit_fails_the_table_at_once(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    one = two_tables.model_copy(update={"tables": two_tables.tables[:1]})
    fake.script(then=status(429, headers={"Retry-After": "3600"}))
    findings, run = ask_tables(one, [], make_settings(config={"retry_after_max": 5}))
    assert findings == []
    assert fake.count == 1 and run.tables[0].status == "failed"
    assert "3600" in (run.tables[0].error or "")


def test_repeated_5xx_fails_one_table_and_the_others_go_on(
    fake: FakeOpenAI, make_settings: MakeSettings, seed_report: Report
) -> None:
    broken = seed_report.tables[3].project
    fake.script(then=per_project({broken: status(503)}))
    settings = make_settings(cli={"concurrency": 4})
    findings, run = ask_tables(seed_report, [], settings)
    failed = run.failed_tables
    assert [t.project for t in failed] == [broken]
    assert failed[0].attempts == settings.retry.server.attempts == 4
    assert "HTTP 503" in (failed[0].error or "") and "已重试 3 次" in (failed[0].error or "")
    assert sum(t.status == "ok" for t in run.tables) == 13
    assert {f.table_index for f in findings} == set(range(14)) - {3}
    assert fake.count == 13 + 4 and run.attempts == 17
    assert broken in run.note


def test_5xx_then_success_recovers(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    fake.script(status(500), status(502), then=valid)
    findings, run = ask_tables(two_tables, [], make_settings())
    assert [t.status for t in run.tables] == ["ok", "ok"]
    assert fake.count == 4 and run.attempts == 4 and len(findings) == 4


def test_slow_answer_times_out_then_succeeds(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    one = two_tables.model_copy(update={"tables": two_tables.tables[:1]})
    fake.script(slow(2.0), then=valid)
    findings, run = ask_tables(one, [], make_settings(cli={"llm_timeout": 0.4}))
    assert run.tables[0].status == "ok" and run.tables[0].attempts == 2 and len(findings) == 2


def test_always_slow_fails_with_a_timeout(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    one = two_tables.model_copy(update={"tables": two_tables.tables[:1]})
    fake.script(then=slow(2.0))
    t0 = time.monotonic()
    findings, run = ask_tables(one, [], make_settings(cli={"llm_timeout": 0.3}))
    assert findings == [] and run.tables[0].status == "failed"
    assert "超时" in (run.tables[0].error or "")
    assert run.tables[0].attempts == fake.count == 2  # the timeout policy's budget
    assert time.monotonic() - t0 < 1.5


def test_dropped_connection_is_retried(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    one = two_tables.model_copy(update={"tables": two_tables.tables[:1]})
    fake.script(disconnect, then=valid)
    findings, run = ask_tables(one, [], make_settings())
    assert run.tables[0].status == "ok" and fake.count == 2 and run.attempts == 2
    assert len(findings) == 2


def test_unreachable_server_fails_after_the_connection_budget(
    make_settings: MakeSettings, two_tables: Report
) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = make_settings(cli={"base_url": f"http://127.0.0.1:{port}/v1"})
    findings, run = ask_tables(two_tables, [], settings)
    assert findings == [] and [t.status for t in run.tables] == ["failed", "failed"]
    assert all(t.attempts == settings.retry.connection.attempts for t in run.tables)
    assert f"127.0.0.1:{port}" in (run.tables[0].error or "")


# -- no retry on client errors ----------------------------------------------------------------


def test_a_wrong_key_costs_one_request_and_stops_the_stage(
    fake: FakeOpenAI, make_settings: MakeSettings, seed_report: Report
) -> None:
    fake.script(then=status(401, "Incorrect API key provided", error_code="invalid_api_key"))
    findings, run = ask_tables(seed_report, [], make_settings(cli={"concurrency": 4}))
    assert findings == [] and fake.count == 1 and run.attempts == 1
    assert run.stopped is not None and "密钥无效（HTTP 401）" in run.stopped
    assert "OPENAI_API_KEY" in run.stopped and run.note == run.stopped
    assert all(t.status == "failed" for t in run.tables)
    assert sorted(t.attempts for t in run.tables) == [0] * 13 + [1]
    assert sum("未发送请求" in (t.error or "") for t in run.tables) == 13


def test_an_unknown_model_stops_the_stage(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    fake.script(then=status(404, "The model `gpt-9` does not exist", error_code="model_not_found"))
    _, run = ask_tables(two_tables, [], make_settings(cli={"model": "gpt-9"}))
    assert fake.count == 1 and run.stopped is not None
    assert "找不到模型 gpt-9（HTTP 404）" in run.stopped


# -- invalid answers --------------------------------------------------------------------------


def test_invalid_json_then_valid_is_reasked_with_the_error(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    one = two_tables.model_copy(update={"tables": two_tables.tables[:1]})
    fake.script(invalid_json, then=valid)
    findings, run = ask_tables(one, [], make_settings())
    assert run.tables[0].status == "ok" and len(findings) == 2
    assert fake.count == 2 and run.attempts == 2
    reask = fake.requests[1].messages
    assert [m["role"] for m in reask] == ["system", "user", "assistant", "user"]
    assert "未通过校验" in reask[3]["content"] and "不是合法的 JSON" in reask[3]["content"]
    (in1, out1), (in2, out2) = usage_of(fake.requests[0]), usage_of(fake.requests[1])
    assert run.wasted_tokens == in1 + out1 > 0  # the thrown-away first answer
    assert (run.tokens_in, run.tokens_out) == (in1 + in2, out1 + out2)
    assert (run.tables[0].tokens_in, run.tables[0].tokens_out) == (in1 + in2, out1 + out2)


def test_invalid_answers_are_reasked_at_most_twice(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    one = two_tables.model_copy(update={"tables": two_tables.tables[:1]})
    fake.script(then=invalid_json)
    findings, run = ask_tables(one, [], make_settings())
    assert findings == [] and run.tables[0].status == "failed"
    assert fake.count == 3 and run.attempts == 3
    assert "未通过校验" in (run.tables[0].error or "")
    assert run.wasted_tokens == run.tokens_in + run.tokens_out > 0


def test_a_malformed_finding_is_dropped_alone_without_asking_again(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    one = two_tables.model_copy(update={"tables": two_tables.tables[:1]})
    fake.script(then=wrong_shape)
    findings, run = ask_tables(one, [], make_settings())
    assert findings == [] and run.tables[0].status == "ok" and fake.count == 1
    assert run.tables[0].findings_invalid == 1 and run.tables[0].findings_dropped == 0
    (dropped,) = run.tables[0].dropped
    assert dropped.code is None and "evidence" in dropped.reason and "kind" in dropped.reason


# -- grounding and the rules' findings --------------------------------------------------------


def test_ungrounded_quotes_are_dropped_and_counted(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    fake.script(then=ungrounded)
    findings, run = ask_tables(two_tables, [], make_settings())
    assert [(t.findings_kept, t.findings_dropped) for t in run.tables] == [(1, 2), (1, 2)]
    assert len(findings) == 2
    assert all(UNFOUND_QUOTE not in e.quote for f in findings for e in f.evidence)


def test_an_answer_cannot_clear_or_change_rule_findings(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    rules = [_rule_finding(0, two_tables.tables[0].project, "F101")]
    rules.append(_rule_finding(1, two_tables.tables[1].project, "F201"))
    before = copy.deepcopy(rules)
    fake.script(then=clear_rule_findings)
    findings, run = ask_tables(two_tables, rules, make_settings())
    assert rules == before  # untouched
    assert all(f.source == "llm" and f.code.startswith("L") for f in findings)
    assert not any(f.code in ("F101", "F201") for f in findings)
    assert all(f is not r for f in findings for r in rules)
    assert len(findings) == 2  # the one (grounded) remark per table, as a new LLM finding
    dumped = json.dumps([f.model_dump(mode="json") for f in findings], ensure_ascii=False)
    assert "withdrawn" not in dumped and "remove_codes" not in run.model_dump_json()


# -- cache ------------------------------------------------------------------------------------


def test_second_run_is_served_from_the_cache_with_zero_requests(
    fake: FakeOpenAI, make_settings: MakeSettings, seed_report: Report
) -> None:
    settings = make_settings(cli={"concurrency": 8})
    first, run1 = ask_tables(seed_report, [], settings)
    assert fake.count == 14
    fake.reset_counts()
    second, run2 = ask_tables(seed_report, [], settings)
    assert fake.count == 0
    assert second == first
    assert run2.cache_hits == 14 and run2.requests == 0 and run2.attempts == 0
    assert {t.status for t in run2.tables} == {"cached"}
    assert [t.assessment for t in run2.tables] == [t.assessment for t in run1.tables]
    assert run2.tokens_in == 0 and run2.response_format == "json_schema"


def test_no_cache_asks_again(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    ask_tables(two_tables, [], make_settings())
    ask_tables(two_tables, [], make_settings(cli={"no_cache": True}))
    assert fake.count == 4


def test_cache_key_follows_model_and_rule_findings(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    ask_tables(two_tables, [], make_settings())
    ask_tables(two_tables, [], make_settings(cli={"model": "other"}))
    assert fake.count == 4
    ask_tables(two_tables, [_rule_finding(0, "p")], make_settings())
    assert fake.count == 5  # only the table whose findings changed


def test_errors_and_invalid_answers_are_never_cached(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report, cache_dir: Path
) -> None:
    fake.script(then=status(503))
    ask_tables(two_tables, [], make_settings())
    fake.script(then=invalid_json)
    ask_tables(two_tables, [], make_settings())
    responses = cache_dir / "llm" / "responses"
    assert not responses.exists() or not list(responses.rglob("*.json"))
    fake.script(then=valid)
    fake.reset_counts()
    _, run = ask_tables(two_tables, [], make_settings())
    assert fake.count == 2 and {t.status for t in run.tables} == {"ok"}
    assert len(list(responses.rglob("*.json"))) == 2
    assert not list(responses.rglob("*.tmp"))  # atomic writes leave no temporary file


# -- concurrency, progress, usage -------------------------------------------------------------


def test_tables_run_in_parallel_up_to_the_limit(
    fake: FakeOpenAI, make_settings: MakeSettings, seed_report: Report
) -> None:
    fake.latency = 0.3
    t0 = time.monotonic()
    _, run = ask_tables(seed_report, [], make_settings(cli={"concurrency": 4}))
    elapsed = time.monotonic() - t0
    assert fake.max_in_flight == 4
    assert elapsed < 14 * 0.3 * 0.6  # four waves of 0.3 s (1.2 s), far from fourteen (4.2 s)
    assert len(run.tables) == 14 and {t.status for t in run.tables} == {"ok"}


def test_progress_reports_each_finished_table(
    make_settings: MakeSettings, seed_report: Report
) -> None:
    seen: list[int] = []
    ask_tables(seed_report, [], make_settings(cli={"concurrency": 3}), progress=seen.append)
    assert seen == list(range(1, 15))


def test_cost_from_configured_prices(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    settings = make_settings(
        config={"price_input_per_1m": 2.0, "price_output_per_1m": 8.0, "currency": "CNY"}
    )
    _, run = ask_tables(two_tables, [], settings)
    expected = run.tokens_in / 1e6 * 2.0 + run.tokens_out / 1e6 * 8.0
    assert run.cost is not None and abs(run.cost - expected) < 1e-6 and run.currency == "CNY"
    _, no_prices = ask_tables(two_tables, [], make_settings(cli={"no_cache": True}))
    assert no_prices.cost is None


def test_disabled_stage_makes_no_request(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    settings = make_settings(key="", cli={"base_url": "https://api.example.com/v1"})
    findings, run = ask_tables(two_tables, [], settings)
    assert findings == [] and not run.enabled and "OPENAI_API_KEY" in run.note
    assert fake.count == 0


# -- record and replay ------------------------------------------------------------------------


def test_record_then_replay_offline(
    make_settings: MakeSettings, two_tables: Report, tmp_path: Path
) -> None:
    cassette = tmp_path / "cassette"
    with FakeOpenAI() as server:
        rec = make_settings(cli={"base_url": server.base_url, "llm_record": str(cassette)})
        recorded, rec_run = ask_tables(two_tables, [], rec)
        assert server.count == 2
    assert len(list(cassette.glob("*.json"))) == 3  # two answers and meta.json
    # The server is gone; no key, no base URL: the replay needs neither.
    replay = make_settings(key="", cli={"llm_replay": str(cassette), "base_url": None})
    replayed, run = ask_tables(two_tables, [], replay)
    assert replayed == recorded
    assert {t.status for t in run.tables} == {"replayed"} and run.attempts == 0
    assert run.model == rec_run.model
    assert [t.assessment for t in run.tables] == [t.assessment for t in rec_run.tables]


def test_replay_of_an_unrecorded_table_fails_that_table(
    fake: FakeOpenAI, make_settings: MakeSettings, seed_report: Report, tmp_path: Path
) -> None:
    cassette = tmp_path / "cassette"
    only_first = seed_report.model_copy(update={"tables": seed_report.tables[:1]})
    ask_tables(only_first, [], make_settings(cli={"llm_record": str(cassette)}))
    two = seed_report.model_copy(update={"tables": seed_report.tables[:2]})
    _, run = ask_tables(two, [], make_settings(cli={"llm_replay": str(cassette)}))
    assert [t.status for t in run.tables] == ["replayed", "failed"]
    assert "回放" in (run.tables[1].error or "")
    assert fake.count == 1  # only the recording


def test_a_200_that_is_not_a_completion_is_reasked(
    fake: FakeOpenAI, make_settings: MakeSettings, two_tables: Report
) -> None:
    one = two_tables.model_copy(update={"tables": two_tables.tables[:1]})
    fake.script(lambda seen: Reply(body="<html>网关维护中</html>"), then=valid)
    findings, run = ask_tables(one, [], make_settings())
    assert run.tables[0].status == "ok" and run.attempts == 2 and len(findings) == 2
