"""Wall time of the LLM stage on the seed report against the fake server.

    python benchmarks/bench_llm.py [--latency 1.0] [--concurrency 8] [--budget 3.0]

Each of the seed's 14 tables is one request; the fake OpenAI-compatible server (a real HTTP
server on 127.0.0.1, ``tests/fake_openai.py``) answers every request after ``--latency``
seconds. The real openai client is used, the cache is off. Prints the wall time of the stage
and the sequential estimate (tables x latency), and exits 1 when the wall time exceeds
``--budget``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.fake_openai when run as a script

from reviewer.api import parse_file  # noqa: E402
from reviewer.llm import resolve_settings, run_llm_review  # noqa: E402
from tests.fake_openai import FakeOpenAI  # noqa: E402

SEED = ROOT / "examples" / "000_064cf56e05d2d068.txt"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--latency", type=float, default=1.0, help="seconds per request")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--budget", type=float, default=3.0, help="seconds allowed for the stage")
    args = ap.parse_args()

    report = parse_file(SEED)
    tables = len(report.tables)
    with FakeOpenAI(latency=args.latency) as server, tempfile.TemporaryDirectory() as cache:
        settings = resolve_settings(
            {"base_url": server.base_url, "concurrency": args.concurrency, "no_cache": True},
            {"OPENAI_API_KEY": "sk-bench", "REVIEWER_CACHE_DIR": cache},
            {},
        )
        t0 = time.perf_counter()
        findings, run = run_llm_review(report, [], settings)
        wall = time.perf_counter() - t0
        requests, in_flight = server.count, server.max_in_flight

    ok = sum(t.status == "ok" for t in run.tables)
    sequential = tables * args.latency
    print(
        f"LLM stage: {tables} tables, {requests} requests, latency {args.latency:g} s/request, "
        f"concurrency {args.concurrency} (at most {in_flight} in flight)"
    )
    print(f"  wall time:            {wall:.2f} s   (budget {args.budget:g} s)")
    print(f"  sequential estimate:  {sequential:.2f} s   ({tables} x {args.latency:g} s)")
    print(f"  speed-up:             {sequential / wall:.1f}x")
    print(f"  tables ok:            {ok}/{tables}, findings kept: {len(findings)}")
    if ok != tables or wall > args.budget:
        print("FAILED: over budget or tables failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
