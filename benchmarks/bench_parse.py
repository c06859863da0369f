"""Parse speed and memory on a large synthetic file: the bundled seed repeated.

    python benchmarks/bench_parse.py [--tables 10000] [--repeat 3]

Prints tables parsed per CPU-second, streaming with ``iter_tables`` and whole with
``parse_file`` (each run, then the best and the median: see ``runs.py``), and memory: the
streaming peak at two file sizes (it should not grow with the file), and for a whole parse
the peak against the size of the Report it returns; and the peak memory (maximum resident set
size) of the command ``review parse FILE --format json`` and ``--format jsonl``, which stream
the tables to stdout (issue 17: under 300 MB for 10,000 tables).
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from runs import throughput

from reviewer.api import iter_tables, parse_file

SEED = Path(__file__).resolve().parent.parent / "examples" / "000_064cf56e05d2d068.txt"
SEED_TABLES = 14
TARGET = 2000  # tables per second on one core (issue 2)
CLI_PEAK_MIB = 300  # review parse on 10,000 tables (issue 17)

# Runs the command in a fresh process and prints its peak resident memory (KiB on Linux).
_PEAK = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def cli_peak(path: Path, fmt: str) -> tuple[float, float]:
    """(peak MiB, wall s) of ``review parse path --format fmt`` with its output discarded."""
    review = str(Path(sys.executable).parent / "review")
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, review, "parse", str(path), "--format", fmt],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip()) / 1024, time.perf_counter() - t0


def make_file(directory: Path, tables: int) -> Path:
    text = SEED.read_text(encoding="utf-8")
    path = directory / f"synthetic-{tables}.txt"
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(math.ceil(tables / SEED_TABLES)):
            fh.write(text)
            fh.write("\n\n")
    return path


def stream_count(path: Path) -> int:
    return sum(1 for _ in iter_tables(path))


def traced(fn: object, *args: object) -> tuple[int, int]:
    """(peak, still allocated at the end while the result is held), in bytes."""
    tracemalloc.start()
    result = fn(*args)  # type: ignore[operator]
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return peak, current


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tables", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measure (default 3)")
    args = ap.parse_args()
    mib = 1024 * 1024
    with tempfile.TemporaryDirectory() as tmp:
        big = make_file(Path(tmp), args.tables)
        small = make_file(Path(tmp), max(SEED_TABLES, args.tables // 10))
        size = big.stat().st_size / mib
        n = stream_count(big)  # also warms up: imports, regex compilation, caches
        print(f"file: {n} tables, {size:.1f} MiB")
        throughput("streaming (iter_tables)", lambda: stream_count(big), args.repeat, TARGET)
        throughput("whole report (parse_file)", lambda: parse_file(big).tables, args.repeat, TARGET)
        peak_small, _ = traced(stream_count, small)
        peak_big, _ = traced(stream_count, big)
        small_size = small.stat().st_size / mib
        print(
            f"streaming peak memory: {peak_small / mib:.1f} MiB for {small_size:.1f} MiB file,"
            f" {peak_big / mib:.1f} MiB for {size:.1f} MiB file"
        )
        peak, held = traced(parse_file, big)
        print(
            f"whole report: peak {peak / mib:.0f} MiB, Report held {held / mib:.0f} MiB"
            f" (peak/Report = {peak / held:.2f})"
        )
        for fmt in ("json", "jsonl"):
            rss, wall = cli_peak(big, fmt)
            verdict = "met" if rss < CLI_PEAK_MIB else "NOT met"
            print(
                f"review parse --format {fmt}: peak {rss:.0f} MiB resident, {wall:.1f} s "
                f"({n} tables; target under {CLI_PEAK_MIB} MiB: {verdict})"
            )


if __name__ == "__main__":
    main()
