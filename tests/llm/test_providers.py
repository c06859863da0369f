"""Provider conformance: the real CLI reviews the seed against fakes that behave like providers.

Each test is one run of ``review SEED --format json`` (``reviewer.cli.main``) with the real
``openai`` client against the fake server in one of its personalities; it prints the requests
made (table, response format, parameters, HTTP status) and asserts what a user would meet: the
review completes, how many requests it cost, what failed and why, what was remembered.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reviewer.cli import main
from reviewer.llm.capabilities import Capabilities, ResponseMode
from tests.conftest import SEED
from tests.fake_openai import (
    FakeOpenAI,
    Handler,
    dashscope_like,
    deepseek_like,
    ollama_like,
    openai_like,
    quota_exhausted,
    reasoning_like,
    wrong_key,
)
from tests.llm.conftest import FAKE_KEY

TABLES = 14
FILTERED = "业务培训"  # the table DashScope's content filter refuses


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("REVIEWER_LLM_EXTRA_BODY", raising=False)
    (tmp_path / "reviewer.toml").write_text(
        "[llm]\nretry_base_delay = 0.01\nretry_max_delay = 0.05\ntimeout = 5\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path / "cache"


def _review(
    handler: Handler,
    model: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[int, dict[str, Any], str, FakeOpenAI]:
    with FakeOpenAI(default=handler) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        code = main([str(SEED), "--format", "json", "--fail-on", "never", "--model", model])
    cap = capsys.readouterr()
    _print_requests(model, server)
    return code, json.loads(cap.out), cap.err, server


def _print_requests(model: str, server: FakeOpenAI) -> None:
    print(f"\n{model}: {server.count} requests")
    for seen in server.requests:
        params = sorted(k for k in seen.body if k not in ("model", "messages"))
        answer = seen.reply.status if seen.reply else "-"
        print(
            f"  {seen.index:2d} {seen.project:<12} {seen.response_format or 'text':<11} "
            f"HTTP {answer}  {','.join(params)}"
        )


def _llm(doc: dict[str, Any]) -> dict[str, Any]:
    llm: dict[str, Any] = doc["notes"]["llm"]
    return llm


def _llm_findings(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for t in doc["tables"] for f in t["findings"] if f["source"] == "llm"]


def _accepted(doc: dict[str, Any]) -> int:
    """The LLM findings the merge took: shown, or dropped as twins of a rule finding."""
    return len(_llm_findings(doc)) + int(_llm(doc)["duplicates_dropped"])


def _remembered(cache: Path, base_url: str, model: str) -> ResponseMode | None:
    return Capabilities(cache).get(base_url, model)


def test_openai_strict_json_schema(
    cache: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, doc, err, server = _review(openai_like, "gpt-4o-mini", capsys, monkeypatch)
    assert code == 0 and server.count == TABLES
    assert {s.response_format for s in server.requests} == {"json_schema"}
    assert {t["status"] for t in _llm(doc)["tables"]} == {"ok"}
    assert all(s.body["temperature"] == 0 for s in server.requests)
    # every answer was grounded; each of the good model's findings repeats a rule finding, so
    # the merge files it under its twin instead of showing it twice
    assert sum(t["findings_dropped"] for t in _llm(doc)["tables"]) == 0
    assert sum(t["findings_kept"] for t in _llm(doc)["tables"]) == _accepted(doc) > 0
    assert "大模型" not in err


def test_deepseek_refuses_json_schema_once_then_json_object(
    cache: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, doc, _, server = _review(deepseek_like, "deepseek-chat", capsys, monkeypatch)
    formats = [s.response_format for s in server.requests]
    assert code == 0 and server.count == TABLES + 1  # one json_schema refusal, then learnt
    assert formats[0] == "json_schema" and formats[1:] == ["json_object"] * TABLES
    assert {t["status"] for t in _llm(doc)["tables"]} == {"ok"}
    assert _llm(doc)["response_format"] == "json_object"
    base = server.base_url
    assert _remembered(cache, base, "deepseek-chat") is ResponseMode.JSON_OBJECT  # a refusal


def test_dashscope_content_filter_fails_one_table_only(
    cache: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    model = "qwen3-32b"
    code, doc, err, server = _review(dashscope_like(FILTERED), model, capsys, monkeypatch)
    assert code == 3 and server.count == TABLES  # one request per table, none repeated
    assert all(s.body.get("enable_thinking") is False for s in server.requests)
    statuses = {t["project"]: t for t in _llm(doc)["tables"]}
    assert statuses[FILTERED]["status"] == "failed"
    assert "内容审核拦截" in statuses[FILTERED]["error"]
    others = [t for p, t in statuses.items() if p != FILTERED]
    assert len(others) == TABLES - 1 and {t["status"] for t in others} == {"ok"}
    assert {t["response_format"] for t in others} == {"json_schema"}
    assert {s.response_format for s in server.requests} == {"json_schema"}
    assert _remembered(cache, server.base_url, model) in (None, ResponseMode.JSON_SCHEMA)
    assert f"大模型审读未完成：{FILTERED}" in err


def test_reasoning_model_succeeds_on_its_first_request_per_table(
    cache: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, doc, _, server = _review(reasoning_like, "o4-mini", capsys, monkeypatch)
    assert code == 0 and server.count == TABLES
    assert all(s.reply is not None and s.reply.status == 200 for s in server.requests)
    assert all("temperature" not in s.body and "max_tokens" not in s.body for s in server.requests)
    assert [t["attempts"] for t in _llm(doc)["tables"]] == [1] * TABLES


def test_ollama_thinks_aloud_and_fences_its_json(
    cache: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, doc, _, server = _review(ollama_like, "qwen2.5:7b", capsys, monkeypatch)
    assert code == 0 and server.count == TABLES
    assert {t["status"] for t in _llm(doc)["tables"]} == {"ok"}
    kept = _llm_findings(doc)
    assert _accepted(doc) > 0 and {f["code"] for f in kept} <= {"L103", "L104"}
    assert sum(t["findings_dropped"] for t in _llm(doc)["tables"]) == 0


@pytest.mark.parametrize(
    ("handler", "line"),
    [
        (quota_exhausted, "大模型账户额度不足或欠费（HTTP 429）"),
        (wrong_key, "大模型密钥无效（HTTP 401）"),
    ],
)
def test_quota_or_wrong_key_stop_after_the_first_request(
    cache: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    handler: Handler,
    line: str,
) -> None:
    code, doc, err, server = _review(handler, "gpt-4o-mini", capsys, monkeypatch)
    assert server.count <= 2
    assert code == 3  # the deterministic review is complete; the LLM's is not
    assert doc["tables"] and any(
        f["source"] == "rules" for t in doc["tables"] for f in t["findings"]
    )
    llm_lines = [ln for ln in err.splitlines() if "大模型" in ln]
    assert len(llm_lines) == 1 and line in llm_lines[0]
    assert _llm(doc)["stopped"] and line in _llm(doc)["stopped"]
    assert FAKE_KEY not in err and FAKE_KEY not in json.dumps(doc, ensure_ascii=False)


def test_a_good_models_findings_do_not_repeat_the_rules(
    cache: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the answers of a model that finds what the rules found, no problem is in the memo
    twice: each such finding is dropped as its rule twin's duplicate, and counted."""
    from reviewer.checks.registry import get_rule

    _, doc, _, _ = _review(openai_like, "gpt-4o-mini", capsys, monkeypatch)
    shown = [f for t in doc["tables"] for f in t["findings"]]
    for f in (f for f in shown if f["source"] == "llm"):
        twins = set(get_rule(f["code"]).twins)  # type: ignore[union-attr]
        assert not [
            r
            for r in shown
            if r["code"] in twins
            and r["table_index"] == f["table_index"]
            and r["indicator"] == f["indicator"]
        ], f
    assert _llm(doc)["duplicates_dropped"] > 0
