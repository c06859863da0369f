"""Record a run's model answers to a directory (a "cassette") and replay them offline.

For the evaluation harness: record once against a real endpoint, then replay as often as needed
with no server, no key and no network. An entry is keyed by what was asked — the messages, the
answer schema and the prompt version — not by endpoint or sampling parameters, so a replay needs
no configuration. ``meta.json`` says which model and endpoint the cassette was recorded with.

Layout::

    <dir>/meta.json            {"format", "model", "base_url", "prompt_version"}
    <dir>/<64 hex>.json        {"format", "key", "project", "messages", "answer": {...}}

The API key is never written: nothing here sees it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.atomic import atomic_write_json, read_json
from reviewer.llm.cache import CachedAnswer, stable_hash
from reviewer.llm.settings import display_url

FORMAT = 1


def cassette_key(messages: list[dict[str, str]], schema: str, prompt_version: str) -> str:
    return stable_hash(
        {
            "format": FORMAT,
            "messages": messages,
            "schema": schema,
            "prompt_version": prompt_version,
        }
    )


class Cassette:
    def __init__(self, directory: Path) -> None:
        self.dir = directory

    @property
    def meta_path(self) -> Path:
        return self.dir / "meta.json"

    def write_meta(self, *, model: str, base_url: str, prompt_version: str) -> None:
        atomic_write_json(
            self.meta_path,
            {
                "format": FORMAT,
                "model": model,
                "base_url": display_url(base_url),
                "prompt_version": prompt_version,
            },
        )

    def meta(self) -> dict[str, Any] | None:
        return read_json(self.meta_path)

    def record(
        self, key: str, *, project: str, messages: list[dict[str, str]], answer: CachedAnswer
    ) -> None:
        atomic_write_json(
            self.dir / f"{key}.json",
            {
                "format": FORMAT,
                "key": key,
                "project": project,
                "messages": messages,
                "answer": answer.to_json(),
            },
        )

    def lookup(self, key: str) -> CachedAnswer | None:
        data = read_json(self.dir / f"{key}.json")
        if data is None or data.get("key") != key or not isinstance(data.get("answer"), dict):
            return None
        return CachedAnswer.from_json(data["answer"])
