"""The LLM stage on the seed report: prompt tokens per table, and wall time against the fake server.

    pip install -e '.[bench]'          # the tokenizer (quicktok-v1)
    python benchmarks/bench_llm.py [--latency 1.0] [--concurrency 8] [--max-tokens 2500]

**Prompt tokens.** Each of the seed's 14 table prompts (system and user message, with the
rules' findings and the extracted claims, as the review sends them) is counted with real
tokenizers: ``o200k_base`` (gpt-4o, gpt-4o-mini, o-series, gpt-5 — the default model's) and
Qwen3's (DashScope, Ollama). quicktok-v1 is used because it ships these vocabularies in its
wheel — tiktoken downloads its files on first use, which fails offline and in CI — and its ids
are those of tiktoken (checked on these prompts against tiktoken's cl100k_base). Counted in the
two shapes a request takes: ``json_schema`` (messages only; the schema travels in
``response_format``, counted apart) and ``json_object`` / text (the schema in the system
message). Fails when any count exceeds ``--max-tokens``.

**Wall time.** Each table is one request; the fake OpenAI-compatible server (a real HTTP server
on 127.0.0.1, ``tests/fake_openai.py``) answers after ``--latency`` seconds; the real openai
client, no response cache. The latency floor is the time the requests need at best:
``ceil(tables / concurrency) x latency`` on an endpoint that has answered before, plus one
latency on a new endpoint, whose first request goes alone (a wrong key then costs one request,
not fourteen). Both runs are printed; each fails beyond 1.2 x its floor. A warm-up run with no
latency comes first, so that the process's one-time start (imports, the client) is not counted.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.fake_openai when run as a script

from reviewer.api import parse_file  # noqa: E402
from reviewer.checks import run_checks  # noqa: E402
from reviewer.claims import claims_by_table  # noqa: E402
from reviewer.config import Config  # noqa: E402
from reviewer.llm import resolve_settings  # noqa: E402
from reviewer.llm.ask import ask_tables  # noqa: E402
from reviewer.llm.capabilities import ResponseMode  # noqa: E402
from reviewer.llm.prompts import build_prompt  # noqa: E402
from reviewer.llm.schema import schema_text  # noqa: E402
from reviewer.model import Report  # noqa: E402
from tests.fake_openai import FakeOpenAI  # noqa: E402

SEED = ROOT / "examples" / "000_064cf56e05d2d068.txt"
ENCODINGS = {"o200k": "o200k_base", "qwen3": "qwen3"}
SLACK = 1.2


def prompt_tokens(report: Report, limit: int) -> bool:
    try:
        import quicktok
    except ImportError:
        print("prompt tokens: not measured — install the tokenizer: pip install -e '.[bench]'")
        return False
    encoders = {name: quicktok.get_encoding(enc) for name, enc in ENCODINGS.items()}
    findings = run_checks(report, Config())
    claims = claims_by_table(report)

    def count(name: str, messages: list[dict[str, str]]) -> int:
        return sum(len(encoders[name].encode(m["content"])) for m in messages)

    schema = {name: len(enc.encode(schema_text())) for name, enc in encoders.items()}
    print(
        f"Prompt tokens per table (limit {limit}); json_schema mode sends the schema in "
        f"response_format: o200k {schema['o200k']}, qwen3 {schema['qwen3']} tokens"
    )
    print(f"  {'table':<14} {'json_schema':>18} {'json_object/text':>18}")
    print(f"  {'':<14} {'o200k':>8} {'qwen3':>9} {'o200k':>8} {'qwen3':>9}")
    worst = 0
    for index, table in enumerate(report.tables):
        own = [f for f in findings if f.table_index == index]
        prompt = build_prompt(table, own, claims.get(index))
        row = [
            count(name, prompt.messages(mode))
            for mode in (ResponseMode.JSON_SCHEMA, ResponseMode.JSON_OBJECT)
            for name in ENCODINGS
        ]
        worst = max(worst, *row)
        print(f"  {table.project[:12]:<14} {row[0]:>8} {row[1]:>9} {row[2]:>8} {row[3]:>9}")
    ok = worst <= limit
    print(f"  most: {worst} tokens{'' if ok else f'  FAILED: over {limit}'}")
    return ok


def timed_run(report: Report, server: FakeOpenAI, cache: str, concurrency: int) -> float:
    settings = resolve_settings(
        {"base_url": server.base_url, "concurrency": concurrency, "no_cache": True},
        {"OPENAI_API_KEY": "sk-bench", "REVIEWER_CACHE_DIR": cache},
        {},
    )
    t0 = time.perf_counter()
    _, run = ask_tables(report, [], settings)
    wall = time.perf_counter() - t0
    if any(t.status != "ok" for t in run.tables):
        raise SystemExit("FAILED: tables failed")
    return wall


def wall_time(report: Report, latency: float, concurrency: int) -> bool:
    tables = len(report.tables)
    known = math.ceil(tables / concurrency) * latency
    new = latency + math.ceil((tables - 1) / concurrency) * latency
    ok = True
    with FakeOpenAI() as warm, tempfile.TemporaryDirectory() as cache:
        timed_run(report, warm, cache, concurrency)
    with FakeOpenAI(latency=latency) as server, tempfile.TemporaryDirectory() as cache:
        print(
            f"Wall time: {tables} tables, latency {latency:g} s/request, "
            f"concurrency {concurrency}, sequential {tables * latency:.1f} s"
        )
        for label, floor in (("new endpoint (probe first)", new), ("known endpoint", known)):
            server.reset_counts()
            wall = timed_run(report, server, cache, concurrency)
            within = wall <= SLACK * floor
            ok &= within
            print(
                f"  {label:<27} {wall:5.2f} s   floor {floor:.2f} s   {wall / floor:.2f} x"
                f"   {server.count} requests, at most {server.max_in_flight} in flight"
                + ("" if within else f"   FAILED: over {SLACK:g} x floor")
            )
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--latency", type=float, default=1.0, help="seconds per request")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--max-tokens", type=int, default=2500, help="prompt tokens allowed per table")
    args = ap.parse_args()

    report = parse_file(SEED)
    tokens_ok = prompt_tokens(report, args.max_tokens)
    print()
    time_ok = wall_time(report, args.latency, args.concurrency)
    return 0 if tokens_ok and time_ok else 1


if __name__ == "__main__":
    sys.exit(main())
