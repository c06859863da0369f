"""Record the seed's LLM cassette from the fake OpenAI-compatible server.

    python -m eval.record_fake            # rewrites eval/cassettes/seed/

The cassette lets CI run the ``replay`` backend (the LLM path end to end, offline). Its entries
are keyed by the prompt messages, which include the deterministic findings and the prompt
version: re-record after changing the rules' messages or the prompts (a test says when).
A cassette recorded from a real endpoint is made the same way with ``--backend llm``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from eval.cli import CASSETTES
from eval.cli import main as eval_main
from tests.fake_openai import FakeOpenAI


def record(cassettes: Path = CASSETTES) -> int:
    target = cassettes / "seed"
    shutil.rmtree(target, ignore_errors=True)
    saved = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp, FakeOpenAI() as server:
        os.environ.update(
            OPENAI_API_KEY="sk-fake-recording",
            OPENAI_BASE_URL=server.base_url,
            REVIEWER_CACHE_DIR=str(Path(tmp) / "cache"),
        )
        try:
            return eval_main(
                [
                    "--backend",
                    "llm",
                    "--dataset",
                    "seed",
                    "--cassettes",
                    str(cassettes),
                    "--out",
                    str(Path(tmp) / "out"),
                    "--bootstrap",
                    "50",
                ]
            )
        finally:
            os.environ.clear()
            os.environ.update(saved)


if __name__ == "__main__":
    sys.exit(record())
