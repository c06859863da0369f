"""The LLM narrative review stage: grounded findings through any OpenAI-compatible endpoint."""

from reviewer.llm.settings import (
    LlmSettings,
    Secret,
    add_llm_arguments,
    resolve_settings,
    settings_from_args,
)

__all__ = [
    "LlmSettings",
    "Secret",
    "add_llm_arguments",
    "resolve_settings",
    "settings_from_args",
]
