"""The response-format ladder, and what worked per endpoint, remembered on disk.

Servers differ in how they can be held to a JSON answer. The ladder is tried from the top:

1. ``json_schema`` — strict structured output (OpenAI, recent vLLM);
2. ``json_object`` — JSON mode, the schema given in the prompt (DeepSeek, Qwen, Ollama);
3. ``text`` — no ``response_format`` at all; code fences are stripped before validation.

A server that refuses a format answers 400 (or 422) naming ``response_format``, ``json_schema`` or
``json_object`` (:mod:`reviewer.llm.errors`); the run then steps down for every table. Any other
400 (a content filter, a context length) says nothing about formats and changes nothing here.
The format that worked is stored per (base URL, model) in ``<cache dir>/llm/capabilities.json``
and the next run starts there; an entry also tells that the endpoint has answered before
(:mod:`reviewer.llm.gate`).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from reviewer.atomic import atomic_write_json, read_json
from reviewer.llm.settings import display_url


class ResponseMode(StrEnum):
    JSON_SCHEMA = "json_schema"
    JSON_OBJECT = "json_object"
    TEXT = "text"


LADDER: tuple[ResponseMode, ...] = (
    ResponseMode.JSON_SCHEMA,
    ResponseMode.JSON_OBJECT,
    ResponseMode.TEXT,
)


def most_degraded(modes: list[ResponseMode]) -> ResponseMode | None:
    return max(modes, key=LADDER.index) if modes else None


class Ladder:
    """The run's current rung, shared by all tables so that one refusal teaches them all."""

    def __init__(self, start: ResponseMode = ResponseMode.JSON_SCHEMA) -> None:
        self.current = start

    def step_down(self, refused: ResponseMode) -> ResponseMode | None:
        """The rung below ``refused`` (or the run's current rung if lower); None at the bottom.

        Synchronous on purpose: tables share it within one event loop, and without an ``await``
        inside no other task can interleave.
        """
        index = LADDER.index(refused) + 1
        if index >= len(LADDER):
            return None
        if LADDER.index(self.current) < index:
            self.current = LADDER[index]
        return self.current


class Capabilities:
    """``capabilities.json``: the response format that last worked, per base URL and model."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir / "llm" / "capabilities.json"

    @staticmethod
    def _key(base_url: str, model: str) -> str:
        return f"{display_url(base_url)} {model}"

    def get(self, base_url: str, model: str) -> ResponseMode | None:
        data = read_json(self.path) or {}
        value = data.get(self._key(base_url, model))
        try:
            return ResponseMode(value) if isinstance(value, str) else None
        except ValueError:
            return None

    def start(self, base_url: str, model: str) -> ResponseMode:
        return self.get(base_url, model) or LADDER[0]

    def remember(self, base_url: str, model: str, mode: ResponseMode) -> None:
        data = read_json(self.path) or {}
        key = self._key(base_url, model)
        if data.get(key) == mode.value:
            return
        data[key] = mode.value
        atomic_write_json(self.path, data)
