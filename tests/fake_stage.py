"""An LLM stage that answers from a script instead of an endpoint, for the pipeline's tests."""

from __future__ import annotations

from typing import Any

from reviewer.llm.settings import resolve_settings
from reviewer.llm.stage import LlmStage


class ScriptedStage(LlmStage):
    """An enabled LLM stage (replay settings: no key, no network); a subclass's ``run`` is
    its answer."""

    def __init__(self, *, shared_limit: bool = False, **cli: Any) -> None:
        settings = resolve_settings({"llm_replay": "unused", **cli}, {}, {})
        super().__init__(settings, shared_limit=shared_limit)
