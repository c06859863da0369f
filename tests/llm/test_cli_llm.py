"""`review FILE` with the LLM stage against the fake server: what reaches the memo, the JSON
and the exit code. The real `openai` client talks to a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reviewer.cli import main
from tests.conftest import SEED
from tests.fake_openai import (
    FakeOpenAI,
    clear_rule_findings,
    per_project,
    refuse_json_schema,
    slow,
    status,
    ungrounded,
    valid,
)
from tests.llm.conftest import FAKE_KEY


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, fake: FakeOpenAI, tmp_path: Path) -> Path:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
    cache = tmp_path / "cache"
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(cache))
    config = tmp_path / "reviewer.toml"
    config.write_text(
        "[llm]\nretry_base_delay = 0.01\nretry_max_delay = 0.05\ntimeout = 5\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return cache


def _review_json(
    capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, dict[str, Any], str]:
    code = main([str(SEED), "--format", "json", "--fail-on", "never", *extra])
    cap = capsys.readouterr()
    return code, json.loads(cap.out), cap.err


def _findings(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return doc["report_findings"] + [f for t in doc["tables"] for f in t["findings"]]


def _rule_findings(doc: dict[str, Any]) -> list[tuple[str, str, str | None, str]]:
    return sorted(
        (f["code"], f["project"], f["indicator"], f["message"])
        for f in _findings(doc)
        if f["source"] == "rules"
    )


def _offline(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    with monkeypatch.context() as m:
        m.delenv("OPENAI_API_KEY")
        m.delenv("OPENAI_BASE_URL")
        return _review_json(capsys)[1]


def test_llm_findings_join_the_memo_and_a_second_run_is_cached(
    env: Path, fake: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.script(then=valid)
    code, doc, err = _review_json(capsys)
    assert code == 0
    llm = doc["notes"]["llm"]
    assert llm["enabled"] and llm["model"] and fake.count == 14
    llm_findings = [f for f in _findings(doc) if f["source"] == "llm"]
    assert llm_findings and all(f["code"].startswith("L") and f["evidence"] for f in llm_findings)
    assert all(t["assessment"] for t in doc["tables"])
    assert "OPENAI_API_KEY" not in err

    fake.reset_counts()
    code, again, _ = _review_json(capsys)
    assert fake.count == 0
    assert again["notes"]["llm"]["cache_hits"] == 14
    assert _findings(again) == _findings(doc)


def test_partial_failure_keeps_every_rule_finding_and_exits_3(
    env: Path,
    fake: FakeOpenAI,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    offline = _offline(capsys, monkeypatch)
    fake.script(then=per_project({"业务培训": status(500, "boom")}))
    code, doc, err = _review_json(capsys)
    assert code == 3
    assert _rule_findings(doc) == _rule_findings(offline)
    failed = [t for t in doc["tables"] if t["llm_status"] == "failed"]
    assert [t["project"] for t in failed] == ["业务培训"]
    assert "大模型审读未完成" in err and "业务培训" in err

    out = tmp_path / "memo.md"
    assert main([str(SEED), "-o", str(out), "--fail-on", "never"]) == 3
    md = out.read_text(encoding="utf-8")
    assert "本表的大模型审读失败" in md and "「业务培训」的大模型审读失败" in md
    capsys.readouterr()
    # an incomplete LLM review outranks the errors found: the run must be redone either way
    assert main([str(SEED), "--format", "json"]) == 3


def test_ungrounded_findings_are_dropped_and_counted(
    env: Path, fake: FakeOpenAI, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fake.script(then=ungrounded)
    _, doc, _ = _review_json(capsys, "--no-cache")
    tables = doc["notes"]["llm"]["tables"]
    dropped = sum(t["findings_dropped"] for t in tables)
    kept = [f for f in _findings(doc) if f["source"] == "llm"]
    assert dropped == 2 * 14
    # the grounded one is plan language (L103): where N104 reports it already, the merge drops it
    twins = doc["notes"]["llm"]["duplicates_dropped"]
    assert len(kept) + twins == 14 and 0 < twins < 14
    evidence = json.dumps([f["evidence"] for f in kept], ensure_ascii=False)
    assert "九十九期" not in evidence and "审计署通报" not in evidence
    # The dropped quotes are listed, with the reason, for the reviewer to see.
    for t in tables:
        assert [d["quotes"][-1] for d in t["dropped"]] == [
            "全年共举办培训班九十九期",
            "该项目已被审计署通报",
        ]
        assert all("找不到" in d["reason"] for d in t["dropped"])
    out = tmp_path / "memo.md"
    main([str(SEED), "-o", str(out), "--no-cache", "--fail-on", "never"])
    assert "舍弃 28 条" in out.read_text(encoding="utf-8")


def test_an_answer_cannot_clear_rule_findings(
    env: Path, fake: FakeOpenAI, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    offline = _offline(capsys, monkeypatch)
    fake.script(then=clear_rule_findings)
    _, doc, _ = _review_json(capsys, "--no-cache")
    assert _rule_findings(doc) == _rule_findings(offline)
    assert [t["claimed_total"] for t in doc["tables"]] == [
        t["claimed_total"] for t in offline["tables"]
    ]
    assert all(f["code"].startswith("L") for f in _findings(doc) if f["source"] == "llm")


def test_format_fallback_is_reported(
    env: Path, fake: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.script(then=refuse_json_schema())
    _, doc, _ = _review_json(capsys, "--no-cache")
    assert doc["notes"]["llm"]["response_format"] == "json_object"
    assert doc["notes"]["llm"]["attempts"] > doc["notes"]["llm"]["requests"]


def test_rate_limit_then_success_counts_attempts(
    env: Path, fake: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.script(status(429, headers={"Retry-After": "0.05"}), then=valid)
    code, doc, _ = _review_json(capsys, "--no-cache", "--concurrency", "1")
    assert code == 0
    assert doc["notes"]["llm"]["attempts"] == 15 and fake.count == 15


def test_the_key_appears_nowhere(
    env: Path, fake: FakeOpenAI, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fake.script(then=per_project({"业务培训": status(401, f"bad key {FAKE_KEY}")}))
    out = tmp_path / "memo.json"
    main([str(SEED), "-o", str(out), "--fail-on", "never"])
    cap = capsys.readouterr()
    assert FAKE_KEY not in cap.out + cap.err
    assert FAKE_KEY not in out.read_text(encoding="utf-8")
    for path in env.rglob("*"):
        if path.is_file():
            assert FAKE_KEY not in path.read_text(encoding="utf-8", errors="replace")


def test_llm_findings_are_never_errors(
    env: Path, fake: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    def as_error(seen: Any) -> Any:
        reply = valid(seen)
        reply.body["choices"][0]["message"]["content"] = (
            reply.body["choices"][0]["message"]["content"]
            .replace('"warning"', '"error"')
            .replace('"info"', '"error"')
        )
        return reply

    fake.script(then=as_error)
    _, doc, _ = _review_json(capsys, "--no-cache")
    llm = [f for f in _findings(doc) if f["source"] == "llm"]
    assert llm and all(f["severity"] == "warning" for f in llm)


def test_batch_shares_one_concurrency_limit_across_files(
    env: Path, fake: FakeOpenAI, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.builders import make_table, write_tables

    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(4):
        tables = [make_table(project=f"项目{n}-{k}") for k in range(3)]
        write_tables(inputs / f"r{n}.txt", *tables)
    fake.script(then=slow(0.2))
    out = tmp_path / "out"
    code = main(
        [
            str(inputs),
            "--out-dir",
            str(out),
            "--format",
            "json",
            "--jobs",
            "2",
            "--concurrency",
            "2",
            "--fail-on",
            "never",
        ]
    )
    assert code == 0
    assert fake.count == 12 and fake.max_in_flight <= 2
    memos = sorted(out.glob("*.json"))
    assert len(memos) == 4
    for memo in memos:
        doc = json.loads(memo.read_text(encoding="utf-8"))
        assert doc["notes"]["llm"]["enabled"]
        assert [t["llm_status"] for t in doc["tables"]] == ["ok"] * 3
