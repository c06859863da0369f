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
from reviewer.llm.capabilities import ResponseMode
from reviewer.llm.settings import display_url

FORMAT = 1
_MODES = frozenset(m.value for m in ResponseMode)


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
        """The answer an entry holds, or None when any field has the wrong type or value (an
        entry written by another version, or damaged): such an entry is a miss, never a crash.
        """
        content, fmt = data.get("content"), data.get("response_format")
        tokens = [data.get("tokens_in", 0), data.get("tokens_out", 0)]
        if not isinstance(content, str) or fmt not in _MODES:
            return None
        if not all(type(n) is int and n >= 0 for n in tokens):
            return None
        return cls(content, str(fmt), tokens[0], tokens[1])


class ResponseCache:
    def __init__(self, cache_dir: Path) -> None:
        self.root = cache_dir / "llm" / "responses"

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> CachedAnswer | None:
        """The stored answer; None for a miss. A damaged entry is discarded, so that the
        answer asked for again replaces it."""
        path = self.path(key)
        data = read_json(path)
        if data is None or data.get("format") != FORMAT or data.get("key") != key:
            if data is None and path.exists():
                self.discard(key)
            return None
        answer = CachedAnswer.from_json(data)
        if answer is None:
            self.discard(key)
        return answer

    def put(self, key: str, answer: CachedAnswer) -> None:
        entry = {"format": FORMAT, "key": key, "created": int(time.time()), **answer.to_json()}
        atomic_write_json(self.path(key), entry, fsync=True)

    def discard(self, key: str) -> None:
        with contextlib.suppress(OSError):  # a read-only cache stays as it is
            self.path(key).unlink()
