"""The LLM narrative review stage: grounded findings through any OpenAI-compatible endpoint.

::

    from reviewer.llm import resolve_settings, run_llm_review
    settings = resolve_settings(cli={}, env=os.environ, config=config.get("llm", {}))
    llm_findings, llm_run = run_llm_review(report, rule_findings, settings)

Modules, one job each: ``settings`` (flag > env > config > default, CLI flags), ``prompts``
(templates and their version, rendering a table), ``schema`` (the answer and the L-codes),
``client`` (the endpoint: format ladder, re-asks), ``retry`` (transient failures), ``cache``
(responses on disk), ``capabilities`` (what format worked per endpoint), ``cassette`` (record and
replay), ``grounding`` (quotes found in the document or the finding dropped), ``review`` (the
stage itself).
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
