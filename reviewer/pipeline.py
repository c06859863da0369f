"""The review pipeline, in one place: every caller (CLI, batch workers, eval backends) runs this.

::

    from reviewer import review
    result = review("report.pdf")                          # offline: rules only
    result = review("report.pdf", llm=LlmStage(settings))  # with the LLM stage
    result.memo, result.findings, result.exit_code("error")

Stages, each a function of the previous one's output::

    ingest → parse → rules  ─┐  analyse()   (CPU only; batch runs it in worker processes)
                             ├─ complete()  claims + LLM (optional) → merge → memo
    review() = complete(analyse())

The merge is where findings meet: LLM findings are capped at 需核实, dropped when their rule
twin already reports the same table and row (or quotes the same evidence), and the selection
(``select``/``ignore``) and ``min_severity`` apply to every finding, whatever its source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.api import gc_paused, parse_file
from reviewer.checks import active_rules, run_checks
from reviewer.checks.registry import Rule
from reviewer.config import Config
from reviewer.memo.build import build_memo
from reviewer.memo.model import Memo
from reviewer.model import Finding, LlmRun, Report, Severity

if TYPE_CHECKING:
    from reviewer.llm.stage import LlmStage

# progress(stage, done, total): "llm" after each table the LLM stage finishes.
ProgressHook = Callable[[str, int, int], None]


@dataclass
class Analysis:
    """What ``analyse`` gives: the parsed report and its rule findings (picklable)."""

    report: Report
    rule_findings: list[Finding]
    recomputed: dict[int, float] = field(default_factory=dict)  # table index → total by the rules


@dataclass
class Review:
    """One report reviewed: what the memo says and why."""

    report: Report
    findings: list[Finding]  # after the merge: what the memo shows
    memo: Memo
    llm: LlmRun  # what the LLM stage did (``duplicates_dropped``: what the merge dropped)
    rules: list[Rule] = field(default_factory=list)

    def exit_code(self, fail_on: str) -> int:
        """3 when the LLM review is incomplete; else 1 for a finding at or above ``fail_on``;
        else 0.

        The LLM failure wins: an incomplete review must not pass for a complete one, and a
        rerun is needed whatever the rules found (their findings are in the memo either way).
        """
        if self.llm.failed_tables:
            return 3
        if fail_on != "never":
            floor = Severity(fail_on).rank
            if any(f.severity.rank >= floor for f in self.findings):
                return 1
        return 0


def analyse(source: str | Path | Report, config: Config) -> Analysis:
    """Ingest and parse ``source`` (unless it is parsed already) and run the selected rules."""
    report = source if isinstance(source, Report) else parse_file(source)
    totals: dict[int, float] = {}
    with gc_paused():
        findings = run_checks(report, config, active_rules(config), totals)
    return Analysis(report, findings, totals)


def _llm_selected(rules: Sequence[Rule]) -> bool:
    return any(r.scope == "llm" for r in rules)


def complete(
    analysis: Analysis,
    config: Config,
    llm: LlmStage | None = None,
    progress: ProgressHook | None = None,
) -> Review:
    """The LLM stage (when given, enabled and not deselected), the merge, and the memo."""
    report = analysis.report
    rules = active_rules(config)
    llm_findings: list[Finding] = []
    if llm is not None and llm.enabled and _llm_selected(rules) and report.tables:
        total = len(report.tables)
        hook = (lambda done: progress("llm", done, total)) if progress else None
        result = llm.run(report, analysis.rule_findings, hook)
        llm_findings, run = result.findings, result.run
    elif llm is not None and llm.enabled:
        run = LlmRun(enabled=False, note="大模型审读的代码（L）均未选用：未进行大模型审读。")
    else:
        run = LlmRun(enabled=False, note=llm.note if llm is not None else "")
    findings, dropped = merge(analysis.rule_findings, llm_findings, config, rules)
    run.duplicates_dropped = dropped
    applied = [r for r in rules if r.scope != "llm" or run.enabled]
    with gc_paused():
        memo = build_memo(report, findings, config, applied, run, analysis.recomputed)
    return Review(report, findings, memo, run, rules)


def review(
    source: str | Path | Report,
    *,
    config: Config | None = None,
    llm: LlmStage | None = None,
    progress: ProgressHook | None = None,
) -> Review:
    """Review one report: ingest → parse → rules → (LLM) → merge → memo.

    ``source`` is a file (text, PDF, .xlsx, .docx) or an already parsed Report; ``llm`` an
    :class:`~reviewer.llm.stage.LlmStage` (None: rules only). Raises
    :class:`~reviewer.errors.InputError` for a file that cannot be read as a report.
    """
    config = config or Config()
    return complete(analyse(source, config), config, llm, progress)


def merge(
    rule_findings: list[Finding],
    llm_findings: list[Finding],
    config: Config,
    rules: Sequence[Rule],
) -> tuple[list[Finding], int]:
    """Rule findings plus the LLM's new ones; every finding filtered by the same selection.

    Returns the findings and the number of LLM findings dropped as duplicates of a rule twin.
    """
    selected = {r.code for r in rules}
    kept: list[Finding] = list(rule_findings)
    dropped = 0
    if llm_findings:  # the twin matcher (and its quote finder) is imported only when needed
        from reviewer.llm.twins import twin_of

        for f in llm_findings:
            if f.code not in selected:
                continue
            if twin_of(f, rule_findings) is not None:
                dropped += 1
                continue
            kept.append(_at_most_warning(f))
    floor = Severity(config.min_severity).rank
    return [f for f in kept if f.severity.rank >= floor], dropped


def _at_most_warning(f: Finding) -> Finding:
    """A model's reading of prose is for the reviewer to verify (需核实), never a proven 错误."""
    if f.severity is Severity.ERROR:
        return f.model_copy(update={"severity": Severity.WARNING})
    return f
