"""Parse speed and memory on a large synthetic file: the bundled seed repeated.

    python benchmarks/bench_parse.py [--tables 10000]

Prints tables parsed per second (streaming with ``iter_tables``, and whole with
``parse_file``), and memory: the streaming peak at two file sizes (it should not grow with
the file), and for a whole parse the peak against the size of the Report it returns.
"""

from __future__ import annotations

import argparse
import math
import tempfile
import time
import tracemalloc
from pathlib import Path

from reviewer.api import iter_tables, parse_file

SEED = Path(__file__).resolve().parent.parent / "examples" / "000_064cf56e05d2d068.txt"
SEED_TABLES = 14


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


def timed(fn: object, *args: object) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result). CPU time is the one-core figure:
    other processes on the machine lengthen the wall time but not it."""
    t0, c0 = time.perf_counter(), time.process_time()
    result = fn(*args)  # type: ignore[operator]
    return time.perf_counter() - t0, time.process_time() - c0, result


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
    args = ap.parse_args()
    mib = 1024 * 1024
    with tempfile.TemporaryDirectory() as tmp:
        big = make_file(Path(tmp), args.tables)
        small = make_file(Path(tmp), max(SEED_TABLES, args.tables // 10))
        size = big.stat().st_size / mib
        secs, cpu, n = timed(stream_count, big)
        print(f"file: {n} tables, {size:.1f} MiB")
        print(
            f"streaming (iter_tables): {secs:.2f} s wall, {n / secs:,.0f} tables/s;"  # type: ignore[operator]
            f" {cpu:.2f} s CPU, {n / cpu:,.0f} tables per CPU-second"  # type: ignore[operator]
        )
        secs, cpu, report = timed(parse_file, big)
        n_whole = len(report.tables)  # type: ignore[attr-defined]
        del report
        print(
            f"whole report (parse_file): {secs:.2f} s wall, {n_whole / secs:,.0f} tables/s;"
            f" {cpu:.2f} s CPU, {n_whole / cpu:,.0f} tables per CPU-second"
        )
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
