"""The LLM narrative review stage: grounded findings through any OpenAI-compatible endpoint.

::

    from reviewer.llm import resolve_settings, run_llm_review
    settings = resolve_settings(cli={}, env=os.environ, config=config.get("llm", {}))
    llm_findings, llm_run = run_llm_review(report, rule_findings, settings)

Modules, one job each: ``settings`` (flag > env > config > default, CLI flags), ``quirks``
(what known model families need), ``prompts`` (templates and their version, rendering a table),
``schema`` (the answer, parsing it, the L-codes), ``client`` (the endpoint: format ladder,
parameters, re-asks), ``errors`` (what a provider's error means), ``retry`` (transient
failures), ``gate`` (one request first on a new endpoint, none after a fatal error), ``cache``
(responses on disk), ``capabilities`` (what format worked per endpoint), ``cassette`` (record and
replay), ``quotes`` (a quote found in the table's cells, the way models quote), ``grounding``
(what is evidence, or the finding dropped with the reason),
``twins`` (which findings a rule already reported), ``review`` (the stage itself).
"""

from reviewer.llm.review import review_report_llm, run_llm_review
from reviewer.llm.schema import LLM_CODES, LLM_RULES, Kind, LlmRule
from reviewer.llm.settings import (
    LlmSettings,
    Secret,
    add_llm_arguments,
    resolve_settings,
    settings_from_args,
)

__all__ = [
    "LLM_CODES",
    "LLM_RULES",
    "Kind",
    "LlmRule",
    "LlmSettings",
    "Secret",
    "add_llm_arguments",
    "resolve_settings",
    "review_report_llm",
    "run_llm_review",
    "settings_from_args",
]
