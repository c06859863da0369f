"""Offline review speed: the seed report, and a large synthetic file (the seed repeated).

    python benchmarks/bench_review.py [--tables 10000]

Prints the seed's review time after start-up, and tables reviewed per second on the large file:
whole (parse, every rule, memo) and streaming (parse and every rule, one table at a time).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from reviewer.api import gc_paused, iter_tables
from reviewer.checks import active_rules, check_table
from reviewer.config import Config
from reviewer.review import review_file

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "000_064cf56e05d2d068.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tables", type=int, default=10000)
    args = ap.parse_args()
    config = Config()
    rules = active_rules(config)

    review_file(SEED, config)  # warm up: imports, regex compilation
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        result = review_file(SEED, config)
        runs.append(time.perf_counter() - t0)
    print(
        f"seed: {len(result.report.tables)} tables, {len(result.findings)} findings, "
        f"review {min(runs) * 1000:.1f} ms (best of 5 after start-up)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        text = SEED.read_text(encoding="utf-8")
        copies = -(-args.tables // 14)
        big.write_text("\n\n".join([text] * copies), encoding="utf-8")

        # CPU time is the one-core figure: other processes lengthen the wall time, not it.
        t0, c0 = time.perf_counter(), time.process_time()
        n = findings = 0
        with gc_paused():
            for index, table in enumerate(iter_tables(big)):
                findings += len(check_table(table, index, config, rules))
                n += 1
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(
            f"streaming: {n} tables, {findings} findings, {secs:.2f} s wall, {n / secs:,.0f}"
            f" tables/s; {cpu:.2f} s CPU, {n / cpu:,.0f} tables per CPU-second"
        )

        t0, c0 = time.perf_counter(), time.process_time()
        result = review_file(big, config)
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        n = len(result.report.tables)
        print(
            f"whole (parse + rules + memo): {n} tables, {secs:.2f} s wall, {n / secs:,.0f}"
            f" tables/s; {cpu:.2f} s CPU, {n / cpu:,.0f} tables per CPU-second"
        )


if __name__ == "__main__":
    main()
