"""Mutation check of the rule tests (issue 13): each mutant of a threshold, a tolerance or a
rule must make at least one unit test fail.

    python benchmarks/mutants.py [--tests tests/checks] [--only NAME] [--all-failures]

For each mutant: copy reviewer/, tests/ and pyproject.toml to a temporary folder, change one
line of one source file there, run pytest on the copy (which imports the copied, mutated
package: the working tree is never modified), and print whether the mutant was killed and by
which tests. A mutant whose line is no longer in the source is reported as not applied. Exit
code 1 when a mutant survives or cannot be applied.

Not part of the test suite: it runs the rule tests once per mutant (about a minute on two
cores for tests/checks).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str  # relative to the repository root
    old: str  # must occur exactly once in the file
    new: str
    tests: tuple[str, ...] = ()  # pytest paths run besides --tests


CONFIG = "reviewer/config.py"
MUTANTS = [
    # The four of issue 13's acceptance, and B104's threshold.
    Mutant(
        "T101 tolerance 0.01 → 0.4 (Thresholds.score_tolerance)",
        CONFIG,
        "score_tolerance: float = 0.01",
        "score_tolerance: float = 0.4",
    ),
    Mutant(
        "T101 tolerance 0.01 → 0.4 (T101 alone)",
        "reviewer/checks/totals.py",
        "abs(t.total_score - expected) > ctx.thresholds.score_tolerance + 1e-9",
        "abs(t.total_score - expected) > 0.4 + 1e-9",
    ),
    Mutant(
        "S107 explain threshold 1.3 → 1.45",
        CONFIG,
        "over_achievement_explain: float = 1.3",
        "over_achievement_explain: float = 1.45",
    ),
    Mutant(
        "≤ read as < (A == T on a lower-is-better row not met)",
        "reviewer/checks/recompute.py",
        "        if A <= T:\n            return Expectation(d, True",
        "        if A < T:\n            return Expectation(d, True",
    ),
    Mutant(
        # The rules score `≤` and `<` alike (D3: A ≤ T → w), so only the parser's own test
        # can tell this one.
        "≤ parsed as < (`<=` → Operator.LT)",
        "reviewer/parse/values.py",
        '("<=", Operator.LE)',
        '("<=", Operator.LT)',
        tests=("tests/test_values.py",),
    ),
    Mutant(
        "N103 disabled",
        "reviewer/checks/narrative_claims.py",
        "for e in analysis(ctx).enumerations:",
        "for e in analysis(ctx).enumerations[:0]:",
    ),
    Mutant(
        "B104 threshold 90 → 80 (Thresholds.low_execution_pct)",
        CONFIG,
        "low_execution_pct: float = 90.0",
        "low_execution_pct: float = 80.0",
    ),
    # Every other threshold and tolerance, and each boundary's side.
    Mutant(
        "B104 at 90 % counted as low (>= → >)",
        "reviewer/checks/budget.py",
        "float(exact) >= limit or",
        "float(exact) > limit or",
    ),
    Mutant(
        "B101 rounding allowance one unit → two",
        "reviewer/checks/budget.py",
        "abs(printed - exact) <= unit",
        "abs(printed - exact) <= 2 * unit",
    ),
    Mutant(
        "B105 completion margin 5 % → 6 %",
        CONFIG,
        "completion_over_execution_pct: float = 5.0",
        "completion_over_execution_pct: float = 6.0",
    ),
    Mutant(
        "S107 warn threshold 1.2 → 1.25",
        CONFIG,
        "over_achievement_warn: float = 1.2",
        "over_achievement_warn: float = 1.25",
    ),
    Mutant(
        "S107 explain at 1.3 exactly not required (>= → >)",
        "reviewer/checks/scoring.py",
        "e.ratio >= th.over_achievement_explain",
        "e.ratio > th.over_achievement_explain",
    ),
    Mutant(
        "S104 error share 0.10 → 0.2",
        CONFIG,
        "big_deviation_share: float = 0.10",
        "big_deviation_share: float = 0.2",
    ),
    Mutant(
        "F104 budget change 20 % → 25 %",
        CONFIG,
        "budget_change_pct: float = 20.0",
        "budget_change_pct: float = 25.0",
    ),
    Mutant(
        "N101 copy similarity 0.8 → 0.85",
        CONFIG,
        "copy_similarity: float = 0.8",
        "copy_similarity: float = 0.85",
    ),
    Mutant(
        "N101 similarity 0.8 exactly not a copy (>= → >)",
        "reviewer/checks/narrative.py",
        "    if score >= threshold:",
        "    if score > threshold:",
    ),
    Mutant(
        "N101 containment 0.95 → 0.9",
        "reviewer/checks/narrative.py",
        ">= 0.95",
        ">= 0.9",
    ),
    Mutant(
        "S106 band 达成 0.8 → 0.75",
        CONFIG,
        "qualitative_band_full: float = 0.8",
        "qualitative_band_full: float = 0.75",
    ),
    Mutant(
        "S106 band 部分达成 0.6 → 0.55",
        CONFIG,
        "qualitative_band_partial: float = 0.6",
        "qualitative_band_partial: float = 0.55",
    ),
    Mutant(
        "T103/T104 grade bands 90/80/60 → 90/80/55",
        CONFIG,
        "(90.0, 80.0, 60.0)",
        "(90.0, 80.0, 55.0)",
    ),
    Mutant(
        "T103/T104 a total of 90 is not 优 (>= → >)",
        "reviewer/checks/totals.py",
        "    if total >= good:",
        "    if total > good:",
    ),
    Mutant(
        "T102 100 exactly is over (> → >=)",
        "reviewer/checks/totals.py",
        "t.total_score > 100 + 1e-9",
        "t.total_score >= 100",
    ),
    Mutant(
        "S110 allows up to 100.5 %",
        "reviewer/checks/scoring.py",
        "a.number > 100:",
        "a.number > 100.5:",
    ),
    Mutant(
        "S101 allows one hundredth over the weight",
        "reviewer/checks/scoring.py",
        "i.score > i.weight + 1e-9",
        "i.score > i.weight + 0.011",
    ),
    Mutant(
        "F101 allowance 0.005 → 0.02",
        "reviewer/checks/funds.py",
        "abs((claimed or 0.0) - expected) > 0.005",
        "abs((claimed or 0.0) - expected) > 0.02",
    ),
    Mutant(
        "W101 allowance 0.005 → 0.02",
        "reviewer/checks/weights.py",
        "abs(total - expected) > 0.005",
        "abs(total - expected) > 0.02",
    ),
    Mutant(
        "W104 allowance 0.005 → 0.02",
        "reviewer/checks/weights.py",
        "abs(t.total_weight - total) > 0.005",
        "abs(t.total_weight - total) > 0.02",
    ),
]

_FAILED = re.compile(r"^(?:FAILED|ERROR) (\S+)", re.MULTILINE)


def copy_tree(dest: Path, names: tuple[str, ...] = ("reviewer", "tests")) -> None:
    """Copy these top-level folders of the repository (and pyproject.toml) into ``dest``."""
    ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache", "*.egg-info", "runs")
    for name in names:
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    shutil.copy2(ROOT / "pyproject.toml", dest / "pyproject.toml")


def by_name(prefix: str) -> Mutant:
    """The mutant whose name starts with ``prefix``."""
    (m,) = [m for m in MUTANTS if m.name.startswith(prefix)]
    return m


@contextmanager
def mutated(where: Path, m: Mutant) -> Iterator[bool]:
    """Apply ``m`` to the copy in ``where`` for the duration of the block (False, and nothing
    changed, when its line is not exactly once in the source)."""
    target = where / m.path
    original = target.read_text(encoding="utf-8")
    if original.count(m.old) != 1:
        yield False
        return
    target.write_text(original.replace(m.old, m.new), encoding="utf-8")
    try:
        yield True
    finally:
        target.write_text(original, encoding="utf-8")


def run_pytest(where: Path, tests: list[str]) -> tuple[int, list[str]]:
    """(pytest's exit code, the ids of the failed tests) for the copy in ``where``."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(where)}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--tb=no", "-rfE", *tests],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.returncode, _FAILED.findall(proc.stdout)


def imports_the_copy(where: Path) -> bool:
    env = {**os.environ, "PYTHONPATH": str(where)}
    out = subprocess.run(
        [sys.executable, "-c", "import reviewer; print(reviewer.__file__)"],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return Path(out.strip()).resolve().is_relative_to(where.resolve())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--tests", nargs="+", default=["tests/checks"], help="pytest paths")
    ap.add_argument("--only", help="run the mutants whose name contains this text")
    ap.add_argument("--all-failures", action="store_true", help="list every failed test")
    args = ap.parse_args()
    mutants = [m for m in MUTANTS if not args.only or args.only in m.name]
    bad = 0
    with tempfile.TemporaryDirectory(prefix="mutants-") as tmp:
        where = Path(tmp)
        copy_tree(where)
        if not imports_the_copy(where):
            print("the copy does not import its own reviewer package; nothing tested")
            return 2
        extra = [t for m in mutants for t in m.tests]
        code, failed = run_pytest(where, [*args.tests, *dict.fromkeys(extra)])
        print(f"unmutated: pytest exit {code}, {len(failed)} failed")
        if code != 0:
            print("the tests must pass before mutation")
            return 2
        for m in mutants:
            with mutated(where, m) as applied:
                if applied:
                    code, failed = run_pytest(where, [*args.tests, *m.tests])
            if not applied:
                print(f"NOT APPLIED  {m.name}: {m.old!r} is not once in {m.path}")
                bad += 1
                continue
            if failed:
                shown = failed if args.all_failures else failed[:6]
                more = "" if len(shown) == len(failed) else f" … (+{len(failed) - len(shown)})"
                print(f"KILLED       {m.name}: {len(failed)} failed")
                for test in shown:
                    print(f"               {test}")
                if more:
                    print(f"              {more}")
            else:
                print(f"SURVIVED     {m.name} (pytest exit {code})")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
