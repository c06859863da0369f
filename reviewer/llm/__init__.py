"""The LLM narrative review stage: grounded findings through any OpenAI-compatible endpoint.

::

    from reviewer.llm import LlmStage, resolve_settings
    stage = LlmStage(resolve_settings(cli={}, env=os.environ, config=config.llm))
    result = stage.run(report, rule_findings)      # LlmResult: findings, run

The pipeline (``reviewer.pipeline``) runs the stage and merges its findings; call it rather than
the stage directly. Modules, one job each: ``settings`` (flag > env > config > default, CLI
flags), ``stage`` (the stage as the pipeline sees it), ``quirks`` (what known model families
need), ``prompts`` (templates and their version, rendering a table), ``schema`` (the answer,
parsing it; the L-codes are in the rule registry), ``client`` (the endpoint: format ladder,
parameters, re-asks), ``errors`` (what a provider's error means), ``retry`` (transient failures),
``gate`` (one request first on a new endpoint, none after a fatal error), ``cache`` (responses on
disk), ``capabilities`` (what format worked per endpoint), ``cassette`` (record and replay),
``quotes`` (a quote found in the table's cells, the way models quote), ``grounding`` (what is
evidence, or the finding dropped with the reason), ``twins`` (which findings a rule already
reported), ``ask`` (the per-table work, run by the stage).

Nothing here imports the ``openai`` client until a stage actually runs, and the names below are
imported on first use, so that an offline review (and ``review --version``) starts quickly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.lazy import lazy_getattr

if TYPE_CHECKING:
    from reviewer.llm.settings import (
        LlmSettings,
        Secret,
        add_llm_arguments,
        resolve_settings,
        settings_from_args,
    )
    from reviewer.llm.stage import LlmResult, LlmStage

_WHERE = {
    "LlmResult": "reviewer.llm.stage",
    "LlmStage": "reviewer.llm.stage",
    "LlmSettings": "reviewer.llm.settings",
    "Secret": "reviewer.llm.settings",
    "add_llm_arguments": "reviewer.llm.settings",
    "resolve_settings": "reviewer.llm.settings",
    "settings_from_args": "reviewer.llm.settings",
}

__all__ = [
    "LlmResult",
    "LlmSettings",
    "LlmStage",
    "Secret",
    "add_llm_arguments",
    "resolve_settings",
    "settings_from_args",
]


__getattr__ = lazy_getattr(__name__, _WHERE)
