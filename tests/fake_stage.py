"""An LLM stage that answers from a script instead of an endpoint, for the pipeline's tests."""

from __future__ import annotations

from collections.abc import Callable

from reviewer.llm.settings import resolve_settings
from reviewer.llm.stage import LlmResult, LlmStage
from reviewer.model import Finding, Report


class ScriptedStage(LlmStage):
    """An enabled LLM stage (replay settings: no key, no network) whose ``answer`` is the
    result; subclasses say what it is."""

    def __init__(self, *, shared_limit: bool = False) -> None:
        super().__init__(
            resolve_settings({"llm_replay": "unused"}, {}, {}), shared_limit=shared_limit
        )

    def run(
        self,
        report: Report,
        rule_findings: list[Finding],
        progress: Callable[[int], None] | None = None,
    ) -> LlmResult:
        return self.answer(report, rule_findings, progress)

    def answer(
        self,
        report: Report,
        rule_findings: list[Finding],
        progress: Callable[[int], None] | None,
    ) -> LlmResult:
        raise NotImplementedError
