"""The LLM stage as the review pipeline runs it: one object, one result type.

::

    stage = LlmStage(settings)                 # settings: reviewer.llm.settings.LlmSettings
    result = stage.run(report, rule_findings)  # LlmResult: grounded findings + the run record

The stage only adds findings: it reads the rule findings (to show them to the model) and never
changes them. Merging (the severity cap, deduplication against rule twins, select/ignore and
--min-severity) is the pipeline's (``reviewer.pipeline``), not the stage's.

For a batch, ``shared_limit=True`` runs each file's tables one request at a time, so that the
batch, running up to ``max_concurrency`` files at once, never has more than
``settings.concurrency`` requests in flight, and every file goes through one endpoint gate
(``reviewer.llm.gate``): a wrong key costs the batch one request, not one per file.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer.llm.settings import LlmSettings
from reviewer.model import Finding, LlmRun, Report

if TYPE_CHECKING:
    from reviewer.llm.gate import EndpointGate

log = logging.getLogger("reviewer.llm")


@dataclass
class LlmResult:
    """What the stage returns: its new findings (codes ``L1xx``) and what it did."""

    findings: list[Finding]
    run: LlmRun


class LlmStage:
    def __init__(self, settings: LlmSettings, *, shared_limit: bool = False) -> None:
        self.settings = settings
        self.max_concurrency = settings.concurrency
        self._per_file = dataclasses.replace(settings, concurrency=1) if shared_limit else settings
        self._shared_limit = shared_limit
        self._gate: EndpointGate | None = None  # the batch's one gate, made on first use
        self._gate_lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.settings.enabled

    @property
    def note(self) -> str:
        """Why the stage does not run (empty when it does)."""
        return self.settings.note

    def run(
        self,
        report: Report,
        rule_findings: list[Finding],
        progress: Callable[[int], None] | None = None,
    ) -> LlmResult:
        """Review every table's narrative; ``progress(done)`` after each table."""
        if not self.enabled:
            return LlmResult([], LlmRun(enabled=False, note=self.note))
        from reviewer.claims import claims_by_table
        from reviewer.llm.ask import ask_tables, stopped_run, surprise
        from reviewer.llm.errors import stop_message

        try:
            found, run = ask_tables(
                report,
                rule_findings,
                self._per_file,
                claims_by_table(report),
                progress,
                gate=self._shared_gate(),
            )
        except Exception as exc:  # the LLM stage is optional: its failure keeps the rules' review
            if os.environ.get("REVIEWER_DEBUG"):
                raise
            log.debug("the LLM stage failed", exc_info=True)
            return LlmResult(
                [], stopped_run(report, self.settings, stop_message(surprise(exc, self.settings)))
            )
        return LlmResult(found, run)

    def _shared_gate(self) -> EndpointGate | None:
        """The gate every file of a batch shares (None outside a batch: one per run)."""
        if not self._shared_limit:
            return None
        from reviewer.llm.ask import endpoint_gate

        with self._gate_lock:
            if self._gate is None:
                self._gate = endpoint_gate(self.settings)
            return self._gate
