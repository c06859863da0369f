"""Acceptance of issue 15: each of these mutants of the source fails the eval gate.

The approach of ``benchmarks/mutants.py``: copy reviewer/, eval/ and tests/ to a temporary
folder, change one line there, and run the gate on the copy (``python -m eval --dataset
injected --compare eval/baseline.json``), which imports the copied, mutated package; the
working tree is never modified. The unmutated copy must pass first, or the test proves nothing.
Only the injected set runs per mutant (its edges sit on each threshold), about 5 s each.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.mutants import by_name, copy_tree, imports_the_copy, mutated

# mutant (by the start of its name in benchmarks/mutants.py) → the injected kinds whose
# documents must show the regression, and the kind of regression
EXPECTED = {
    "S107 explain threshold 1.3 → 1.45": ({"over-1.31", "over-achievement"}, "severity"),
    "T101 tolerance 0.01 → 0.4 (Thresholds": ({"total-outside"}, "missed"),
    "≤ read as <": ({"lower-equal"}, "spurious"),
    "N103 disabled": ({"enumeration"}, "missed"),
    "B104 threshold 90 → 80": ({"execution-outside", "low-execution"}, "missed"),
}


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    where = tmp_path_factory.mktemp("gate-mutants")
    copy_tree(where, ("reviewer", "eval", "tests"))
    assert imports_the_copy(where), "the copy must import its own reviewer package"
    yield where


def _gate(where: Path, out: Path) -> tuple[int, dict[str, Any]]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(where)}
    args = ["--dataset", "injected", "--compare", "eval/baseline.json", "--out", str(out)]
    proc = subprocess.run(
        [sys.executable, "-m", "eval", *args],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    report: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return proc.returncode, report


def test_the_unmutated_copy_passes_the_gate(copy: Path, tmp_path: Path) -> None:
    code, report = _gate(copy, tmp_path)
    assert code == 0 and report["comparison"]["passed"], report["comparison"]["failures"][:5]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_mutant_fails_the_gate(copy: Path, tmp_path: Path, name: str) -> None:
    kinds, regression = EXPECTED[name]
    with mutated(copy, by_name(name)) as applied:
        assert applied, f"{name}: the mutated line is no longer in the source"
        code, report = _gate(copy, tmp_path)
    assert code == 1
    mutation = {d["id"]: d["mutation"] for d in report["datasets"]["injected"]["docs"]}
    failures = report["comparison"]["failures"]
    assert any(f["kind"] == regression and mutation.get(f["doc"]) in kinds for f in failures), (
        name,
        failures[:5],
    )
