"""What known model families need that the OpenAI defaults do not give them.

=====================================  ===================================================
family (model name, any provider)      default request parameters
=====================================  ===================================================
o-series (``o1``, ``o3-mini``, ``o4``)  no ``temperature``; ``max_completion_tokens``
``gpt-5`` …                            no ``temperature``; ``max_completion_tokens``
``deepseek-reasoner``, ``deepseek-r1``  no ``temperature``
``qwen3`` …                            ``extra_body = {"enable_thinking": false}`` (DashScope
                                       refuses thinking outside streaming calls)
anything else                          ``temperature = 0``; ``max_tokens``
=====================================  ===================================================

These are defaults: ``temperature`` and ``extra_body`` in the ``[llm]`` config (and the
``REVIEWER_LLM_EXTRA_BODY`` environment variable) override them. A model missing here that
refuses ``temperature`` or ``max_tokens`` says so in a 400, and the client sends again once
without it (:mod:`reviewer.llm.client`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reviewer.lazyre import lazy_compile

_REASONING = lazy_compile(r"^(?:o\d+|gpt-5)(?:$|[-.:])")
_NO_TEMPERATURE = lazy_compile(r"^(?:deepseek-reasoner|deepseek-r1)(?:$|[-.:])")
_QWEN3 = lazy_compile(r"^qwen3(?:$|[-.:])")


@dataclass(frozen=True)
class Quirks:
    temperature: bool = True  # the model accepts a temperature
    token_parameter: str = "max_tokens"  # the name of the output-token limit
    extra_body: dict[str, Any] = field(default_factory=dict)


def base_name(model: str) -> str:
    """``openai/o3-mini`` → ``o3-mini``; ``Qwen/Qwen3-8B`` → ``qwen3-8b``."""
    return model.strip().rsplit("/", 1)[-1].lower()


def quirks_for(model: str) -> Quirks:
    name = base_name(model)
    if _REASONING.match(name):
        return Quirks(temperature=False, token_parameter="max_completion_tokens")
    if _NO_TEMPERATURE.match(name):
        return Quirks(temperature=False)
    if _QWEN3.match(name):
        return Quirks(extra_body={"enable_thinking": False})
    return Quirks()
