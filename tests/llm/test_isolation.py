"""Any LLM configuration or transport problem is an LLM failure: exit 3, one line, the rules'
findings kept in the memo; never a traceback, never exit 70."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from reviewer.cli import main
from reviewer.llm import ask as llm_ask
from reviewer.llm.ask import ask_tables
from reviewer.llm.cache import ResponseCache
from reviewer.model import Report
from tests.conftest import SEED
from tests.fake_openai import FakeOpenAI, valid
from tests.llm.conftest import FAKE_KEY, MakeSettings

_FAST_CONFIG = "[llm]\nretry_base_delay = 0.01\nretry_max_delay = 0.05\ntimeout = 5\n"


@pytest.fixture
def offline_rules(capsys: pytest.CaptureFixture[str]) -> list[Any]:
    """The rules' findings of the seed without any LLM."""
    main([str(SEED), "--format", "json", "--fail-on", "never", "--no-llm"])
    doc = json.loads(capsys.readouterr().out)
    return _rules(doc)


def _rules(doc: dict[str, Any]) -> list[Any]:
    found = doc["report_findings"] + [f for t in doc["tables"] for f in t["findings"]]
    return sorted((f["code"], f["project"], f["message"]) for f in found if f["source"] == "rules")


def _review(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *,
    key: str,
    base_url: str,
) -> tuple[int, dict[str, Any], str]:
    monkeypatch.setenv("OPENAI_API_KEY", key)
    monkeypatch.setenv("OPENAI_BASE_URL", base_url)
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("REVIEWER_DEBUG", raising=False)
    (tmp_path / "reviewer.toml").write_text(_FAST_CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "memo.json"
    code = main([str(SEED), "-o", str(out), "--fail-on", "never"])
    err = capsys.readouterr().err
    doc = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    return code, doc, err


@pytest.mark.parametrize(
    "base_url",
    [
        "http://127.0.0.1:99999/v1",  # port out of range
        "http://127.0.0.1:port/v1",  # not a number
        "http://[::1/v1",  # broken IPv6 literal
        "ftp://example.com/v1",  # not HTTP
        "not a url",
        "http://exa mple.com/v1",
    ],
)
def test_an_invalid_base_url_is_an_llm_failure_with_the_rules_kept(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    offline_rules: list[Any],
    base_url: str,
) -> None:
    code, doc, err = _review(tmp_path, monkeypatch, capsys, key=FAKE_KEY, base_url=base_url)
    assert code == 3, err
    assert "Traceback" not in err and "内部错误" not in err
    assert "大模型接口地址无效" in err
    assert _rules(doc) == offline_rules  # the deterministic review is whole
    assert doc["notes"]["llm"]["stopped"].startswith("大模型接口地址无效")
    assert doc["notes"]["llm"]["requests"] == 0


def test_a_non_ascii_key_is_one_line_not_a_traceback_per_table(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake: FakeOpenAI,
    offline_rules: list[Any],
) -> None:
    key = "sk-proj-密钥ж-abcdef"
    code, doc, err = _review(tmp_path, monkeypatch, capsys, key=key, base_url=fake.base_url)
    assert code == 3, err
    assert "Traceback" not in err and err.count("非 ASCII") == 1
    assert key not in err and key not in json.dumps(doc, ensure_ascii=False)
    assert fake.count == 0
    assert _rules(doc) == offline_rules


def test_a_surprise_in_the_stage_keeps_the_rules_review_and_exits_3(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake: FakeOpenAI,
    offline_rules: list[Any],
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(llm_ask, "ask_tables_async", broken)
    code, doc, err = _review(tmp_path, monkeypatch, capsys, key=FAKE_KEY, base_url=fake.base_url)
    assert code == 3, err
    assert "Traceback" not in err and "RuntimeError" in err
    assert _rules(doc) == offline_rules


def test_a_surprise_in_one_table_is_logged_without_a_traceback(
    two_tables: Report,
    make_settings: MakeSettings,
    fake: FakeOpenAI,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)

    def broken(*args: object, **kwargs: object) -> None:
        raise UnicodeEncodeError("ascii", "ж", 0, 1, "ordinal not in range(128)")

    monkeypatch.setattr(llm_ask, "build_prompt", broken)
    _findings, run = ask_tables(two_tables, [], make_settings())
    assert [t.status for t in run.tables] == ["failed", "failed"]
    assert all("UnicodeEncodeError" in (t.error or "") for t in run.tables)
    assert "Traceback" not in caplog.text


@pytest.mark.parametrize(
    "damage",
    [
        {"tokens_in": [1, 2]},
        {"tokens_out": "many"},
        {"tokens_in": -5},
        {"content": {"findings": []}},
        {"response_format": "yaml"},
        {"response_format": None},
    ],
)
def test_a_cache_entry_with_a_wrong_field_is_discarded_and_asked_again(
    two_tables: Report,
    make_settings: MakeSettings,
    fake: FakeOpenAI,
    cache_dir: Path,
    damage: dict[str, Any],
) -> None:
    fake.script(then=valid)
    settings = make_settings()
    _findings, first = ask_tables(two_tables, [], settings)
    assert [t.status for t in first.tables] == ["ok", "ok"]
    entries = sorted((cache_dir / "llm" / "responses").rglob("*.json"))
    assert len(entries) == 2
    for path in entries:
        data = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps({**data, **damage}), encoding="utf-8")

    fake.reset_counts()
    _findings, second = ask_tables(two_tables, [], settings)
    assert [t.status for t in second.tables] == ["ok", "ok"]  # asked again, not crashed
    assert fake.count == 2
    _findings, third = ask_tables(two_tables, [], settings)
    assert [t.status for t in third.tables] == ["cached", "cached"]  # the entries were replaced


def test_a_half_written_cache_entry_is_removed(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    key = "ab" + "0" * 62
    cache.path(key).parent.mkdir(parents=True)
    cache.path(key).write_text('{"format": 1, "key": "ab', encoding="utf-8")
    assert cache.get(key) is None
    assert not cache.path(key).exists()
