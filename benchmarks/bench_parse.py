"""Parse speed and memory on a large synthetic file: the bundled seed repeated.

    python benchmarks/bench_parse.py [--tables 10000] [--repeat 3]

Prints tables parsed per CPU-second, streaming with ``iter_tables`` and whole with
``parse_file`` (each run, then the best and the median: see ``runs.py``), and memory: the
streaming peak at two file sizes (it should not grow with the file), and for a whole parse
the peak against the size of the Report it returns.
"""

from __future__ import annotations

import argparse
import math
import tempfile
import tracemalloc
from pathlib import Path

from runs import throughput

from reviewer.api import iter_tables, parse_file

SEED = Path(__file__).resolve().parent.parent / "examples" / "000_064cf56e05d2d068.txt"
SEED_TABLES = 14
TARGET = 2000  # tables per second on one core (issue 2)


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


if __name__ == "__main__":
    main()
