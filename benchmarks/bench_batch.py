"""Batch review speed: 700 files holding 10,000 tables, reviewed offline with 1 and 2 jobs.

    python benchmarks/bench_batch.py [--files 700] [--tables 10000] [--jobs 1 2]

The files are made from the seed's 14 tables (written back with the text layout writer), each
copy renamed, and with errors injected into some: a score above what the rule allows, a total that
does not add up. Each run reviews every file into a fresh output folder (memos, sidecars and the
three summaries included) and prints tables per second; the figure should grow with --jobs as
long as the cores are free, so each line also shows the 1-minute load average before the run.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from rich.console import Console

from reviewer.api import parse_file
from reviewer.batch import run_batch
from reviewer.config import Config
from reviewer.layout_text import render_text
from reviewer.model import EvaluationTable

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "000_064cf56e05d2d068.txt"


def _variant(t: EvaluationTable, n: int) -> EvaluationTable:
    """A renamed copy of a seed table; one in three gets an error injected."""
    update: dict[str, object] = {"project": f"{t.project}（{n}）"}
    if n % 3 == 1 and t.total_score is not None:
        update["total_score"] = round(t.total_score + 1.5, 2)  # the total does not add up
    elif n % 3 == 2 and t.indicators:
        rows = list(t.indicators)
        first = rows[0]
        rows[0] = first.model_copy(update={"score": (first.weight or 0) + 2})  # above its weight
        update["indicators"] = rows
    return t.model_copy(update=update)


def make_corpus(folder: Path, files: int, tables: int) -> int:
    seed = parse_file(SEED).tables
    base, extra = divmod(tables, files)
    n = 0
    for i in range(files):
        count = base + (1 if i < extra else 0)
        chosen = [_variant(seed[(n + k) % len(seed)], n + k) for k in range(count)]
        n += count
        sub = folder / f"部门{i % 20:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"自评表{i:04d}.txt").write_text(render_text(chosen), encoding="utf-8")
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--files", type=int, default=700)
    ap.add_argument("--tables", type=int, default=10000)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    quiet = Console(stderr=True, quiet=True)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "报表"
        written = make_corpus(corpus, args.files, args.tables)
        print(f"corpus: {args.files} files, {written} tables ({os.cpu_count()} cores)")
        for jobs in args.jobs:
            out = Path(tmp) / f"out-{jobs}"
            load = os.getloadavg()[0]
            t0 = time.perf_counter()
            result = run_batch([str(corpus)], out, config=Config(), jobs=jobs, console=quiet)
            secs = time.perf_counter() - t0
            tables = sum(len(o.tables) for o in result.outcomes)
            failed = result.count("failed")
            assert result.count("reviewed") == args.files and tables == written and not failed
            print(
                f"--jobs {jobs}: {result.count('reviewed')} files, {tables} tables in {secs:.2f} s: "
                f"{tables / secs:,.0f} tables/s (load average before: {load:.2f})"
            )


if __name__ == "__main__":
    main()
