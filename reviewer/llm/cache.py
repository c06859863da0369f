"""The on-disk response cache: validated answers keyed by everything that shapes them.

The key is a SHA-256 over the base URL (without credentials), the model, the messages, the
request parameters (response format, temperature, max tokens), the answer schema and the prompt
version. The API key is not part of it and is never written. Only answers that passed validation
are stored: errors, refusals and invalid answers are never cached. Files are written atomically
(:mod:`reviewer.atomic`), so a reader never sees half a file and concurrent writers cannot corrupt
an entry.

Layout: ``<cache dir>/llm/responses/<2 hex>/<64 hex>.json``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.atomic import atomic_write_json, read_json
from reviewer.llm.settings import display_url

FORMAT = 1


def stable_hash(payload: Any) -> str:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def request_key(
    *,
    base_url: str,
    model: str,
    messages: list[dict[str, str]],
    params: dict[str, Any],
    schema: str,
    prompt_version: str,
) -> str:
    """The cache key of one request (never includes the API key)."""
    return stable_hash(
        {
            "format": FORMAT,
            "base_url": display_url(base_url),
            "model": model,
            "messages": messages,
            "params": params,
            "schema": schema,
            "prompt_version": prompt_version,
        }
    )


@dataclass(frozen=True)
class CachedAnswer:
    """A validated answer as stored: its text, the response format that produced it, usage."""

    content: str
    response_format: str
    tokens_in: int = 0
    tokens_out: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "content": self.content,
            "response_format": self.response_format,
            "tokens_in": self.tokens_in,
            "tokens_out": self.tokens_out,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CachedAnswer | None:
        content, fmt = data.get("content"), data.get("response_format")
        if not isinstance(content, str) or not isinstance(fmt, str):
            return None
        return cls(content, fmt, int(data.get("tokens_in") or 0), int(data.get("tokens_out") or 0))


class ResponseCache:
    def __init__(self, cache_dir: Path) -> None:
        self.root = cache_dir / "llm" / "responses"

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> CachedAnswer | None:
        data = read_json(self.path(key))
        if data is None or data.get("format") != FORMAT or data.get("key") != key:
            return None
        return CachedAnswer.from_json(data)

    def put(self, key: str, answer: CachedAnswer) -> None:
        entry = {"format": FORMAT, "key": key, "created": int(time.time()), **answer.to_json()}
        atomic_write_json(self.path(key), entry, fsync=True)

    def discard(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(key).unlink()
