"""`review DIR --out-dir OUT --llm-batch`: the LLM stage through the provider's batch engine.

The real `openai` client talks to the fake server (tests/fake_openai.py), whose batch engine
answers each request with the same handlers as a live request. The memos must be the live
path's for the same answers; a kill in the middle of polling must cost nothing but time; what
a batch leaves unanswered is submitted again by the next run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.cli import main
from tests.builders import make_table, write_tables
from tests.conftest import SEED
from tests.fake_openai import FakeOpenAI, many_findings, per_project, status, valid
from tests.llm.conftest import FAKE_KEY

ROOT = Path(__file__).resolve().parents[2]
CONFIG = "[llm]\nretry_base_delay = 0.01\nretry_max_delay = 0.05\ntimeout = 10\nbatch_poll = 0.05\n"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, fake: FakeOpenAI, tmp_path: Path) -> Path:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", fake.base_url)
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "reviewer.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def corpus(folder: Path, files: int, per_file: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        tables = [make_table(project=f"项目{i:03d}-{k:02d}") for k in range(per_file)]
        write_tables(folder / f"报告{i:03d}.txt", *tables)
    return folder


def memos(out: Path) -> dict[str, str]:
    return {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*"))
        if p.suffix in (".md", ".json")
        and not p.name.startswith("summary")
        and ".reviewer" not in p.parts
    }


def batches_created(fake: FakeOpenAI) -> int:
    return sum(1 for method, path in fake.control if method == "POST" and path.endswith("/batches"))


def live(inputs: Path, out: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> int:
    """The live path over the same inputs, with a cache of its own."""
    with monkeypatch.context() as m:
        m.setenv("REVIEWER_CACHE_DIR", str(cache))
        return main([str(inputs), "--out-dir", str(out), "--fail-on", "never", *extra])


def test_batch_memos_are_the_live_memos_and_fill_the_cache(
    env: Path, fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = corpus(env / "in", 2, 3)
    (inputs / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    args = ["--format", "json", "--fail-on", "never", "--jobs", "1"]
    assert main([str(inputs), "--out-dir", str(env / "batch"), "--llm-batch", *args]) == 0
    asked = fake.count
    assert asked == 2 * 3 + 14 and batches_created(fake) == 1
    fake.reset_counts()
    assert live(inputs, env / "live", env / "cache-live", monkeypatch, "--format", "json") == 0
    assert fake.count == asked  # the live path asked the same questions
    batch_memos, live_memos = memos(env / "batch"), memos(env / "live")
    assert batch_memos == live_memos and len(batch_memos) == 3
    doc = json.loads(batch_memos["seed.json"])
    assert doc["notes"]["llm"]["requests"] == 14 and doc["notes"]["llm"]["tokens_in"] > 0
    # the batch filled the cache: a live run over its cache asks nothing
    fake.reset_counts()
    assert main([str(inputs), "--out-dir", str(env / "again"), *args]) == 0
    assert fake.count == 0
    again = json.loads(memos(env / "again")["seed.json"])
    assert again["notes"]["llm"]["cache_hits"] == 14


def test_an_expired_batch_leaves_its_tables_for_the_next_run(
    env: Path, fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = corpus(env / "in", 3, 4)
    fake.expire_after = 5
    assert main([str(inputs), "--out-dir", str(env / "out"), "--llm-batch", "--jobs", "1"]) == 3
    texts = "".join(memos(env / "out").values())
    assert texts.count("批处理在服务商的处理时限") == 12 - 5
    fake.expire_after = None
    fake.reset_counts()
    assert main([str(inputs), "--out-dir", str(env / "out"), "--llm-batch", "--jobs", "1"]) == 0
    assert fake.count == 12 - 5 and batches_created(fake) == 2  # only what was missing
    assert live(inputs, env / "live", env / "cache-live", monkeypatch) == 0
    assert memos(env / "out") == memos(env / "live")


def test_a_partly_failed_batch_fails_only_its_failed_tables(
    env: Path, fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = corpus(env / "in", 2, 2)
    filtered = status(
        400, "Input data may contain inappropriate content.", error_code="data_inspection_failed"
    )
    fake.script(then=per_project({"项目001-01": filtered}, default=valid))
    assert main([str(inputs), "--out-dir", str(env / "out"), "--llm-batch", "--jobs", "1"]) == 3
    failed = memos(env / "out")["报告001.md"]
    assert "内容审核拦截" in failed and "项目001-01" in failed
    fine = memos(env / "out")["报告000.md"]
    assert "内容审核拦截" not in fine and "大模型" in fine
    # the same answers live: the same memos, the failed table included (exit 3 too)
    assert live(inputs, env / "live", env / "cache-live", monkeypatch) == 3
    assert memos(env / "out") == memos(env / "live")


def test_a_batch_answer_over_the_limits_fails_its_table_as_a_live_one_does(
    env: Path, fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    (env / "reviewer.toml").write_text(CONFIG + "max_findings = 3\n", encoding="utf-8")
    inputs = corpus(env / "in", 2, 2)
    fake.script(then=per_project({"项目001-01": many_findings(4)}, default=valid))
    assert main([str(inputs), "--out-dir", str(env / "out"), "--llm-batch", "--jobs", "1"]) == 3
    failed = memos(env / "out")["报告001.md"]
    assert "超过每表上限 3 条" in failed and "max_findings" in failed
    assert "超过每表上限" not in memos(env / "out")["报告000.md"]
    assert live(inputs, env / "live", env / "cache-live", monkeypatch) == 3
    assert memos(env / "out") == memos(env / "live")


def test_a_key_that_cannot_be_sent_submits_nothing_and_keeps_the_rules_review(
    env: Path, fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-密钥")
    inputs = corpus(env / "in", 1, 2)
    assert main([str(inputs), "--out-dir", str(env / "out"), "--llm-batch", "--jobs", "1"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and "内部错误" not in err and "非 ASCII" in err
    assert fake.count == 0 and batches_created(fake) == 0
    memo = memos(env / "out")["报告000.md"]
    assert "非 ASCII" in memo and "仅有确定性复核结果" in memo


def test_a_batch_refused_as_a_whole_says_so_and_the_next_run_submits_again(
    env: Path, fake: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = corpus(env / "in", 1, 2)
    fake.refuse_batches = True
    assert main([str(inputs), "--out-dir", str(env / "out"), "--llm-batch", "--jobs", "1"]) == 3
    err = capsys.readouterr().err
    assert "服务商拒绝了批处理" in err and "Invalid input file" in err
    fake.refuse_batches = False
    assert main([str(inputs), "--out-dir", str(env / "out"), "--llm-batch", "--jobs", "1"]) == 0
    assert batches_created(fake) == 2 and fake.count == 2


def test_large_runs_are_split_into_batches_of_batch_size(env: Path, fake: FakeOpenAI) -> None:
    (env / "reviewer.toml").write_text(CONFIG + "batch_size = 4\n", encoding="utf-8")
    inputs = corpus(env / "in", 2, 5)
    assert main([str(inputs), "--out-dir", str(env / "out"), "--llm-batch", "--jobs", "1"]) == 0
    assert batches_created(fake) == 3 and fake.count == 10
    assert not list((env / "out" / ".reviewer" / "llm-batch").glob("input-*"))


def test_llm_batch_without_a_model_is_a_usage_error(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY")
    monkeypatch.delenv("OPENAI_BASE_URL")
    inputs = corpus(env / "in", 1, 1)
    assert main([str(inputs), "--out-dir", str(env / "out"), "--llm-batch"]) == 2
    err = capsys.readouterr().err.strip()
    assert "--llm-batch 需要大模型" in err and len(err.splitlines()) == 1


def _state(out: Path) -> dict[str, object]:
    try:
        data: dict[str, object] = json.loads(
            (out / ".reviewer" / "llm-batch" / "state.json").read_text(encoding="utf-8")
        )
    except (OSError, ValueError):
        return {}
    return data


def test_a_thousand_tables_in_one_batch_survive_a_kill_in_the_middle_of_polling(
    env: Path, fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = corpus(env / "in", 100, 10)
    out = env / "out"
    fake.batch_delay = 0.004  # four seconds of work at the provider
    cmd = [sys.executable, "-m", "reviewer.cli", str(inputs), "--out-dir", str(out)]
    proc = subprocess.Popen(
        [*cmd, "--llm-batch", "--jobs", "2", "--fail-on", "never"],
        cwd=env,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    polled = False
    while time.monotonic() < deadline and proc.poll() is None:
        parts = _state(out).get("parts") or []
        polls = sum(1 for method, path in fake.control if method == "GET" and "/batches/" in path)
        if parts and all(p.get("batch_id") for p in parts) and polls >= 2:  # type: ignore[union-attr]
            polled = True
            break
        time.sleep(0.02)
    assert polled, proc.stderr.read().decode() if proc.stderr else ""
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert not memos(out)  # killed while waiting: no memo yet
    batch = next(iter(fake.batches.values()))
    assert batch.status in ("validating", "in_progress")  # the provider goes on without us

    assert (
        main(
            [str(inputs), "--out-dir", str(out), "--llm-batch", "--jobs", "2", "--fail-on", "never"]
        )
        == 0
    )
    assert batches_created(fake) == 1 and batch.total == 1000
    assert fake.count == 1000  # every table asked once, in the one batch
    assert _state(out).get("parts") == []

    fake.batch_delay = 0.0
    fake.reset_counts()
    assert live(inputs, env / "live", env / "cache-live", monkeypatch, "--jobs", "2") == 0
    assert fake.count == 1000
    batch_memos = memos(out)
    assert len(batch_memos) == 100 and batch_memos == memos(env / "live")
