"""One pipeline: the CLI, a batch worker and the eval backends give the same findings for the
seed, offline and with the LLM stage against the fake server; the selection and the severity
floor apply to LLM findings as to rule findings."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from eval.backends import LlmBackend, RulesBackend
from reviewer.batch import run_batch
from reviewer.cli import main
from reviewer.config import Config
from reviewer.llm.settings import resolve_settings
from reviewer.llm.stage import LlmStage
from reviewer.model import Finding
from reviewer.pipeline import review
from tests.conftest import SEED
from tests.fake_openai import FakeOpenAI
from tests.llm.conftest import FAKE_KEY

Key = tuple[str, str, str | None, str, str, str]


def _key(f: dict[str, Any]) -> Key:
    return (f["code"], f["project"], f["indicator"], f["severity"], f["source"], f["message"])


def _keys(findings: list[Finding]) -> list[Key]:
    return sorted(_key(f.model_dump(mode="json")) for f in findings)


def _memo_keys(doc: dict[str, Any]) -> list[Key]:
    found = doc["report_findings"] + [f for t in doc["tables"] for f in t["findings"]]
    return sorted(_key(f) for f in found)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, fake: FakeOpenAI, tmp_path: Path) -> Path:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _cli(capsys: pytest.CaptureFixture[str], *extra: str) -> list[Key]:
    main([str(SEED), "--format", "json", "--fail-on", "never", *extra])
    return _memo_keys(json.loads(capsys.readouterr().out))


def _batch(tmp_path: Path, stage: LlmStage | None) -> list[Key]:
    out = tmp_path / "batch-out"
    run_batch([str(SEED)], out, config=Config(), fmt="json", jobs=1, llm=stage)
    return _memo_keys(json.loads((out / f"{SEED.stem}.json").read_text(encoding="utf-8")))


def test_offline_the_cli_batch_and_eval_agree(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    library = _keys(review(SEED).findings)
    assert library and all(k[4] == "rules" for k in library)
    assert _cli(capsys) == library
    assert _batch(tmp_path, None) == library
    assert _keys(RulesBackend(Config()).review(SEED).findings) == library


def test_with_the_llm_the_cli_batch_and_eval_agree(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = _cli(capsys)
    assert any(k[4] == "llm" for k in cli)
    stage = LlmStage(resolve_settings({}, os.environ, {}), shared_limit=True)
    assert _batch(env, stage) == cli
    live = LlmBackend(Config(), "live", env / "cassette")
    assert _keys(live.review(SEED).findings) == cli
    replay = LlmBackend(Config(), "replay", env / "cassette")
    assert _keys(replay.review(SEED).findings) == cli
    library = review(SEED, llm=LlmStage(resolve_settings({}, os.environ, {})))
    assert _keys(library.findings) == cli


def test_llm_findings_are_capped_deduplicated_and_selected(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stage = LlmStage(resolve_settings({}, os.environ, {}))
    result = review(SEED, llm=stage)
    llm = [f for f in result.findings if f.source == "llm"]
    assert {f.code for f in llm} == {"L103", "L107"}  # what the fake answers
    assert all(f.severity.value != "error" for f in llm)
    # L103 (plan language) has the twins N104 (plan words) and N101 (a copied plan): where one
    # of them reports a table, the L103 there is dropped
    twins = {f.table_index for f in result.findings if f.code in ("N104", "N101")}
    l103 = {f.table_index for f in llm if f.code == "L103"}
    assert twins and not (twins & l103) and len(l103) == 14 - len(twins)
    assert result.llm.duplicates_dropped == len(twins)
    # the selection and the severity floor apply to LLM findings too
    assert not [k for k in _cli(capsys, "--ignore", "L1") if k[0].startswith("L")]
    assert not [k for k in _cli(capsys, "--min-severity", "error") if k[4] == "llm"]
    codes = {k[0] for k in _cli(capsys, "--min-severity", "warning") if k[4] == "llm"}
    assert codes == {"L103"}  # L107 is an info
    assert {k[0] for k in _cli(capsys, "--select", "L107")} == {"L107"}


def test_deselecting_every_llm_code_sends_no_request(
    env: Path, fake: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = _cli(capsys, "--ignore", "L")
    assert fake.count == 0
    assert keys and all(k[4] == "rules" for k in keys)
