"""Repeated timing for the throughput benchmarks.

This VM's speed varies by 10–25 % from minute to minute (other guests share the host), so a
single pass says little. Each measure is taken ``--repeat`` times; every run is printed, then
the best (the least disturbed: what one quiet core does, as ``timeit`` reports) and the median.
CPU time of this process is the one-core figure: waiting for the CPU lengthens wall time only.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sized
from typing import TypeVar

T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[float, float, T]:
    """(wall seconds, CPU seconds of this process, result)."""
    t0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - t0, time.process_time() - c0, result


def throughput(
    label: str, fn: Callable[[], int | Sized], repeat: int, target: float | None = None
) -> None:
    """Run ``fn`` ``repeat`` times and print tables per CPU-second for each run, then the best
    and the median (and the target, if any). ``fn`` returns how many tables it handled, or
    the tables themselves: those are freed after the clock stops (freeing a large Report is
    the caller's cost, not the parser's)."""
    rates = []
    for k in range(1, repeat + 1):
        wall, cpu, result = timed(fn)
        n = result if isinstance(result, int) else len(result)
        del result
        rates.append(n / cpu)
        print(
            f"  {label} run {k}: {n} tables, {wall:.2f} s wall ({n / wall:,.0f} tables/s),"
            f" {cpu:.2f} s CPU ({n / cpu:,.0f} tables per CPU-second)"
        )
    verdict = ""
    if target is not None:
        verdict = f"; target {target:,.0f}: {'met' if max(rates) >= target else 'NOT met'}"
    print(
        f"{label}: {max(rates):,.0f} tables per CPU-second (best of {repeat}),"
        f" median {statistics.median(rates):,.0f}{verdict}"
    )
