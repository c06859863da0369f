"""Record the seed's LLM cassette from the fake OpenAI-compatible server.

    python -m eval.record_fake            # rewrites eval/cassettes/seed/

The cassette lets CI run the ``replay`` backend (the LLM path end to end, offline). It is
plumbing, not a model's quality: the fake server answers from templates, and its meta.json names
the model ``fake-server-plumbing``. Its entries are keyed by the prompt messages, which include
the deterministic findings and the prompt version: re-record after changing the rules' findings
or the prompts (a test says when). A real model is evaluated with ``--backend llm`` and a key
(eval/README.md), into a folder of its own.
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

FAKE_MODEL = "fake-server-plumbing"  # not a model: the fake server's templated answers


def record(cassettes: Path = CASSETTES) -> int:
    target = cassettes / "seed"
    shutil.rmtree(target, ignore_errors=True)
    saved = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp, FakeOpenAI() as server:
        os.environ.update(
            OPENAI_API_KEY="sk-fake-recording",
            OPENAI_BASE_URL=server.base_url,
            REVIEWER_MODEL=FAKE_MODEL,
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
                ]
            )
        finally:
            os.environ.clear()
            os.environ.update(saved)


if __name__ == "__main__":
    sys.exit(record())
