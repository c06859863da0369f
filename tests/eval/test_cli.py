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
    code = main(["--dataset", "all", "--compare", BASELINE, "--out", str(tmp_path)])
    assert code == 0
    report = _report(tmp_path)
    assert report["comparison"]["passed"] is True
    assert list(report["datasets"]) == ["corpus", "corpus-tsv", "seed", "injected"]
    for name, data in report["datasets"].items():
        assert set(data["categories"]) == {
            "arithmetic",
            "scoring",
            "explanation",
            "consistency",
            "indicator",
            "structure",
        }
        assert set(data["blind"]) >= {"dumb", "nonsense"}, name
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "匹配规则" in md and "rules 层找到" in md and "笨工具" in md and "乱码工具" in md
    # the held-out figures come first, with how their labels were made and the parse table
    held, regression = md.index("留出集"), md.index("回归检查")
    assert held < md.index("数据集 corpus ") < md.index("解析对照") < regression
    assert md.index("never ran or read the tool") < regression
    assert regression < md.index("数据集 seed ") < md.index("数据集 injected ")


def test_switching_a_rule_off_fails_the_gate_and_names_the_regression(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--dataset", "seed", "--ignore", "S102", "--compare", BASELINE, "--out", str(tmp_path)]
    assert main(args) == 1
    cmp = _report(tmp_path)["comparison"]
    assert cmp["passed"] is False
    assert {(f["dataset"], f["kind"], f["category"], f["item"]) for f in cmp["failures"]} == {
        ("seed", "missed", "scoring", "S020"),
        ("seed", "missed", "scoring", "S058"),
    }
    out = capsys.readouterr().out
    assert "基线检查未通过" in out and "新遗漏" in out


def test_exclude_amended_reports_the_pre_registered_figures_beside_the_current(
    tmp_path: Path,
) -> None:
    assert main(["--dataset", "seed", "--exclude-amended", "--out", str(tmp_path)]) == 0
    report = _report(tmp_path)
    pre, current = report["preregistered"]["seed"], report["datasets"]["seed"]
    assert pre["labels_scored"] == "pre-registered" and current["labels_scored"] == "current"
    assert pre["overall"] != current["overall"]
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert md.index("数据集 seed · 后端") < md.index("数据集 seed · 预注册标注")


def test_write_baseline_then_compare_with_it(tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    args = ["--dataset", "seed", "--out", str(tmp_path / "r")]
    assert main([*args, "--ignore", "S104", "--write-baseline", str(base)]) == 0
    assert main([*args, "--compare", str(base)]) == 0  # better than the baseline: passes
    assert main([*args, "--ignore", "S104,E102", "--compare", str(base)]) == 1


def test_a_baseline_of_another_dataset_fails_the_gate(tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    assert main(["--dataset", "seed", "--out", str(tmp_path), "--write-baseline", str(base)]) == 0
    data = json.loads(base.read_text(encoding="utf-8"))
    data["datasets"]["seed"]["digest"] = "0" * 64
    base.write_text(json.dumps(data), encoding="utf-8")
    assert main(["--dataset", "seed", "--out", str(tmp_path), "--compare", str(base)]) == 1
    assert _report(tmp_path)["comparison"]["failures"][0]["kind"] == "digest"


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
