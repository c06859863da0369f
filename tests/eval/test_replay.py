"""The replay backend: the LLM path end to end from a cassette, with no server and no key."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.backends import make_backend
from eval.cli import CASSETTES
from eval.record_fake import record
from reviewer.config import Config
from tests.conftest import SEED
from tests.fake_openai import FakeOpenAI


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "REVIEWER_MODEL", "OPENAI_MODEL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))


def test_committed_cassette_replays_every_seed_table(offline: None) -> None:
    """Fails when the rules' messages or the prompts changed: run `python -m eval.record_fake`."""
    review = make_backend("replay", Config(), CASSETTES / "seed").review(SEED)
    assert review.llm is not None
    assert [t.status for t in review.llm.tables] == ["replayed"] * 14
    assert any(f.source == "llm" for f in review.findings)
    assert review.llm.requests == 0


def test_record_from_the_fake_server_then_replay_without_it(
    offline: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cassettes = tmp_path / "cassettes"
    assert record(cassettes) == 0
    with FakeOpenAI() as server:  # a server that would answer differently, and is never asked
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        review = make_backend("replay", Config(), cassettes / "seed").review(SEED)
        assert server.count == 0
    assert review.llm is not None and not review.llm.failed_tables
    assert sum(t.findings_kept for t in review.llm.tables) > 0


def test_the_llm_backend_records_into_a_new_folder_and_never_over_a_recording(
    offline: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from eval.cli import main

    out = tmp_path / "run"
    with FakeOpenAI() as server:
        monkeypatch.setenv("OPENAI_API_KEY", "sk-eval-test")
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        args = ["--backend", "llm", "--dataset", "seed", "--out", str(out)]
        assert main(args) == 0
        assert (out / "cassettes" / "seed" / "meta.json").is_file()  # by default, beside the report
        asked = server.count
        again = ["--backend", "llm", "--dataset", "seed", "--cassettes", str(out / "cassettes")]
        assert main([*again, "--out", str(tmp_path / "run2")]) == 2
        assert server.count == asked  # refused before any request
    assert "已有录制，不会覆盖" in capsys.readouterr().err
