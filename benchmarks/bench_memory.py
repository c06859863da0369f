"""Peak memory of `review FILE -o memo.md` as the file grows: it should stay flat.

    python benchmarks/bench_memory.py [--tables 1000 10000 100000] [--format markdown json]

Each run is a separate `review` process on the bundled seed repeated to the number of tables;
its peak resident set size (RSS, from the kernel: ``wait4``) is printed with the time taken
and the growth per table between the smallest and the largest file. The acceptance figure
(issue 16): under 500 MB for 100,000 tables.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_parse import make_file

LIMIT_MB = 500


def peak_rss(args: list[str]) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit code) of one process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    return usage.ru_maxrss / 1024, seconds, os.waitstatus_to_exitcode(status)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tables", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--format", nargs="+", default=["markdown"], choices=("markdown", "json"))
    args = ap.parse_args()
    review = [sys.executable, "-m", "reviewer.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for fmt in args.format:
            figures = []
            for tables in sorted(args.tables):
                source = make_file(folder, tables)
                memo = folder / f"memo-{tables}.{'json' if fmt == 'json' else 'md'}"
                mb, seconds, code = peak_rss([*review, str(source), "-o", str(memo), "--no-llm"])
                if code not in (0, 1):
                    raise SystemExit(f"review exited with {code} on {tables} tables")
                size = source.stat().st_size / 1e6
                out = memo.stat().st_size / 1e6
                print(
                    f"{fmt:8s} {tables:>7,} tables ({size:6.1f} MB in, {out:6.1f} MB memo): "
                    f"peak RSS {mb:6.1f} MB, {seconds:6.1f} s"
                )
                figures.append((tables, mb))
                source.unlink()
                memo.unlink()
            (t0, m0), (t1, m1) = figures[0], figures[-1]
            if t1 > t0:
                per = (m1 - m0) * 1024 / (t1 - t0)
                print(f"{fmt:8s} growth: {per:.2f} KB per table ({t0:,} → {t1:,} tables)")
            verdict = "under" if m1 < LIMIT_MB else "OVER"
            print(f"{fmt:8s} {t1:,} tables: {m1:.0f} MB, {verdict} the {LIMIT_MB} MB limit")


if __name__ == "__main__":
    main()
