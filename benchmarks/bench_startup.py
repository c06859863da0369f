"""Start-up time of the command line: each command run as a fresh process, repeated.

    python benchmarks/bench_startup.py [--repeat 15]

Prints, for each command, every run's wall time summarised as best and median, and compares
with a bare ``python -c pass`` (issue 17: ``review --version`` within 5× of it; reviewing the
seed within 0.35 s). The 1-minute load average is printed before each command, since other
processes on a shared machine lengthen wall time; the best run is the least disturbed.

Run it after an install, with bytecode compiled (a ``pip install`` compiles it; with
``PYTHONDONTWRITEBYTECODE`` set, an editable install recompiles the package at every start):
the script compiles the package once before timing, unless ``--no-compile``. Likewise the
store of compiled patterns (``reviewer/recache.py``): one untimed review fills it (in a temporary
cache directory), as a user's first run does; the seed is also timed without it.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "000_064cf56e05d2d068.txt"
BIN = Path(sys.executable).parent


def timings(cmd: list[str], repeat: int, env: dict[str, str]) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        out.append(time.perf_counter() - t0)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode(errors='replace')}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--no-compile", action="store_true", help="do not compile the bytecode first")
    args = ap.parse_args()
    if not args.no_compile:
        compileall.compile_dir(ROOT / "reviewer", quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("OPENAI_API_KEY", None)  # offline: the review runs the rules only
    review = str(BIN / "review")
    with tempfile.TemporaryDirectory() as tmp:
        memo = str(Path(tmp) / "memo.md")
        env["REVIEWER_CACHE_DIR"] = str(Path(tmp) / "cache")  # the pattern store starts empty
        seed = [review, str(SEED), "-o", memo]
        commands = {
            "python -c pass": ([sys.executable, "-c", "pass"], {}),
            "review --version": ([review, "--version"], {}),
            "review rules": ([review, "rules"], {}),
            "review SEED, no store": (seed, {"REVIEWER_RE_CACHE": "0"}),
            "review SEED -o memo.md": (seed, {}),
        }
        subprocess.run(seed, env=env, capture_output=True, check=False)  # fills the store
        best: dict[str, float] = {}
        for label, (cmd, extra) in commands.items():
            load = os.getloadavg()[0]
            runs = timings(cmd, args.repeat, env | extra)
            best[label] = min(runs)
            print(
                f"{label:24s} best {min(runs) * 1000:6.0f} ms  median "
                f"{statistics.median(runs) * 1000:6.0f} ms  ({args.repeat} runs, load {load:.2f})"
            )
    ratio = best["review --version"] / best["python -c pass"]
    seed = best["review SEED -o memo.md"]
    print(
        f"review --version: {ratio:.1f}× python -c pass (target ≤ 5×: "
        f"{'met' if ratio <= 5 else 'NOT met'}); reviewing the seed: {seed:.3f} s "
        f"(target ≤ 0.35 s: {'met' if seed <= 0.35 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
