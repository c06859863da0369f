"""``python -m eval``: reports written, and the baseline gate failing on a deliberate
regression (a rule switched off)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from eval.cli import REPO, main

BASELINE = str(REPO / "eval" / "baseline.json")


def _report(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return data


def test_run_against_the_baseline_passes_and_writes_reports(tmp_path: Path) -> None:
    code = main(
        ["--dataset", "all", "--compare", BASELINE, "--out", str(tmp_path), "--bootstrap", "50"]
    )
    assert code == 0
    report = _report(tmp_path)
    assert report["comparison"]["passed"] is True
    for name in ("seed", "injected"):
        cats = report["datasets"][name]["categories"]
        assert set(cats) == {
            "arithmetic",
            "scoring",
            "explanation",
            "consistency",
            "indicator",
            "structure",
        }
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "匹配规则" in md and "rules 层找到" in md and "llm 层找到" in md


def test_switching_a_rule_off_fails_the_gate_and_names_the_regression(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--dataset",
            "all",
            "--ignore",
            "S102",
            "--compare",
            BASELINE,
            "--out",
            str(tmp_path),
            "--bootstrap",
            "50",
        ]
    )
    assert code == 1
    cmp = _report(tmp_path)["comparison"]
    assert cmp["passed"] is False
    hits = {(r["dataset"], r["category"], r["metric"]) for r in cmp["regressions"]}
    assert ("injected", "scoring", "recall") in hits and ("seed", "scoring", "recall") in hits
    worse = {d["doc"] for d in cmp["docs"] if d["newly_missed"]}
    kinds = {d["id"]: d["mutation"] for d in _report(tmp_path)["datasets"]["injected"]["docs"]}
    assert worse and {kinds.get(doc, "seed") for doc in worse} <= {
        "unmet-full-marks",
        "operator",
        "seed",
    }
    out = capsys.readouterr().out
    assert "基线检查未通过" in out and "scoring" in out


def test_write_baseline_then_compare_with_it(tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    args = ["--dataset", "seed", "--out", str(tmp_path / "r"), "--bootstrap", "20"]
    assert main([*args, "--ignore", "S104", "--write-baseline", str(base)]) == 0
    assert main([*args, "--compare", str(base)]) == 0  # better than the baseline: passes
    assert main([*args, "--ignore", "S104,E102", "--compare", str(base)]) == 1


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dataset", str(tmp_path / "none.json"), "--out", str(tmp_path)]) == 2
    assert (
        main(
            ["--compare", str(tmp_path / "none.json"), "--dataset", "seed", "--out", str(tmp_path)]
        )
        == 2
    )
    assert main(["--backend", "bogus"]) == 2
    err = capsys.readouterr().err
    assert "错误" in err and "Traceback" not in err


def test_python_dash_m_eval_runs_from_the_repository_root(tmp_path: Path) -> None:
    out = tmp_path / "gen"
    proc = subprocess.run(
        [sys.executable, "-m", "eval", "generate", "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(list((out / "docs").glob("inj-*.txt"))) >= 300
