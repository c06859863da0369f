"""The review pipeline: parse → deterministic checks → (LLM) → memo."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reviewer.api import gc_paused, parse_file
from reviewer.checks import active_rules, run_checks
from reviewer.config import Config
from reviewer.memo.build import Memo, build_memo
from reviewer.model import Finding, LlmRun, Report, Severity


@dataclass
class ReviewResult:
    report: Report
    findings: list[Finding]
    memo: Memo

    def exit_code(self, fail_on: str) -> int:
        """0 clean; 1 a finding at or above ``fail_on``; 3 the LLM review is incomplete."""
        if fail_on != "never":
            floor = Severity(fail_on).rank
            if any(f.severity.rank >= floor for f in self.findings):
                return 1
        if self.memo.notes.llm.failed_tables:
            return 3
        return 0


def _at_most_warning(f: Finding) -> Finding:
    """A model's reading of prose is for the reviewer to verify (需核实), never a proven 错误."""
    if f.severity is Severity.ERROR:
        return f.model_copy(update={"severity": Severity.WARNING})
    return f


def review_report(
    report: Report,
    config: Config,
    llm: LlmRun | None = None,
    llm_findings: list[Finding] | None = None,
    rule_findings: list[Finding] | None = None,
) -> ReviewResult:
    """Review a parsed report; LLM findings (already grounded) are added, never replacing any.

    ``rule_findings`` are the deterministic findings when the caller has them already (the LLM
    stage needs them first); otherwise they are computed here.
    """
    with gc_paused():
        if rule_findings is None:
            rule_findings = run_checks(report, config)
        findings = list(rule_findings) + [_at_most_warning(f) for f in llm_findings or []]
        memo = build_memo(report, findings, config, active_rules(config), llm)
    return ReviewResult(report=report, findings=findings, memo=memo)


def review_file(path: str | Path, config: Config | None = None) -> ReviewResult:
    """Parse and review a file offline (deterministic rules only)."""
    config = config or Config()
    return review_report(parse_file(path, config.limits), config)
