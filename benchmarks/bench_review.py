"""Offline review speed: the seed report, and a large synthetic file (the seed repeated).

    python benchmarks/bench_review.py [--tables 10000] [--repeat 3]

Prints the seed's review time after start-up, and tables reviewed per CPU-second on the large
file: streaming (parse and every rule, one table at a time), whole (parse, every rule, memo;
then with the Markdown memo written, as `review FILE -o memo.md` did) and streamed (what it
does now: the same, one table at a time); each run, then the best and the median (see ``runs.py``).
Peak memory as the file grows: ``bench_memory.py``.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from runs import throughput

from reviewer.api import gc_paused, iter_tables
from reviewer.atomic import atomic_write
from reviewer.checks import active_rules, check_table
from reviewer.config import Config
from reviewer.memo.markdown import render_markdown
from reviewer.memo.stream import MemoSpool
from reviewer.pipeline import review, review_stream

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "000_064cf56e05d2d068.txt"
TARGET = 1000  # tables reviewed per second on one core (issue 3)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tables", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measure (default 3)")
    args = ap.parse_args()
    config = Config()
    rules = active_rules(config)

    review(SEED, config=config)  # warm up: imports, regex compilation
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        result = review(SEED, config=config)
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

        def streaming() -> int:
            n = 0
            with gc_paused():
                for index, table in enumerate(iter_tables(big)):
                    check_table(table, index, config, rules)
                    n += 1
            return n

        throughput("streaming (parse + rules)", streaming, args.repeat, TARGET)
        throughput(
            "whole (parse + rules + memo)",
            lambda: review(big, config=config).report.tables,
            args.repeat,
            TARGET,
        )

        def whole_written() -> int:
            result = review(big, config=config)
            atomic_write(Path(tmp) / "memo.md", render_markdown(result.memo))
            return len(result.report.tables)

        throughput("whole (parse + rules + memo written)", whole_written, args.repeat, TARGET)

        def streamed() -> int:
            with MemoSpool("markdown", Path(tmp)) as spool, open(os.devnull, "w") as out:
                result = review_stream(big, spool, config=config)
                spool.write(result.memo, out)
            return result.tables

        throughput("streamed (parse + rules + memo written)", streamed, args.repeat, TARGET)


if __name__ == "__main__":
    main()
