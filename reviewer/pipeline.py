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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.api import gc_paused, no_table, parse_file, read_error, stream_file
from reviewer.checks import ReportFacts, active_rules, check_facts, check_table, run_checks
from reviewer.checks.registry import Rule
from reviewer.config import Config
from reviewer.memo.build import MemoAssembly, build_memo
from reviewer.memo.model import Memo, SeverityCounts
from reviewer.model import EvaluationTable, Finding, LlmRun, Report, Severity, TableLlmStatus

if TYPE_CHECKING:
    from reviewer.llm.stage import LlmStage
    from reviewer.memo.stream import MemoSpool

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
        """The CLI's exit code under ``--fail-on`` (see :func:`exit_code`)."""
        return exit_code(self.llm, {f.severity for f in self.findings}, fail_on)


def exit_code(llm: LlmRun, severities: Iterable[Severity], fail_on: str) -> int:
    """3 when the LLM review is incomplete; else 1 for a finding at or above ``fail_on``;
    else 0.

    The LLM failure wins: an incomplete review must not pass for a complete one, and a rerun
    is needed whatever the rules found (their findings are in the memo either way).
    """
    if llm.failed_tables:
        return 3
    if fail_on != "never":
        floor = Severity(fail_on).rank
        if any(s.rank >= floor for s in severities):
            return 1
    return 0


def analyse(source: str | Path | Report, config: Config) -> Analysis:
    """Ingest and parse ``source`` (unless it is parsed already) and run the selected rules."""
    report = (
        source if isinstance(source, Report) else parse_file(source, config.limits, config.form)
    )
    totals: dict[int, float] = {}
    with gc_paused():
        findings = run_checks(report, config, active_rules(config), totals)
    return Analysis(report, findings, totals)


def _llm_selected(rules: Sequence[Rule]) -> bool:
    return any(r.scope == "llm" for r in rules)


def _without_llm(llm: LlmStage | None, rules: Sequence[Rule]) -> LlmRun | None:
    """The record of an LLM stage that does not run (none given, disabled, its codes not
    selected), or None when it runs."""
    if llm is not None and llm.enabled and _llm_selected(rules):
        return None
    if llm is not None and llm.enabled:
        return LlmRun(enabled=False, note="大模型审读的代码（L）均未选用：未进行大模型审读。")
    return LlmRun(enabled=False, note=llm.note if llm is not None else "")


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
    idle = _without_llm(llm, rules)
    if idle is None and llm is not None and report.tables:
        total = len(report.tables)
        hook = (lambda done: progress("llm", done, total)) if progress else None
        result = llm.run(report, analysis.rule_findings, hook)
        llm_findings, run = result.findings, result.run
    else:
        run = idle or LlmRun(enabled=False, note=llm.note if llm is not None else "")
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


# -- streaming: one table at a time ----------------------------------------------------------

LLM_WINDOW = 32  # tables the LLM stage reviews together when the report is streamed


@dataclass
class StreamedReview:
    """What ``review_stream`` gives: the memo without its tables (they went to the spool) and
    what the command line reports."""

    source: str
    tables: int
    memo: Memo  # ``tables`` and the groups' ``tables`` are empty: see MemoSpool
    llm: LlmRun

    @property
    def counts(self) -> SeverityCounts:
        return self.memo.overview.counts

    def exit_code(self, fail_on: str) -> int:
        """The CLI's exit code under ``--fail-on`` (see :func:`exit_code`)."""
        return exit_code(self.llm, [s for s in Severity if self.counts.of(s)], fail_on)


@dataclass
class _Window:
    """Tables waiting for the LLM stage: (index, table, rule findings) each."""

    items: list[tuple[int, EvaluationTable, list[Finding]]] = field(default_factory=list)


def review_stream(
    source: str | Path,
    spool: MemoSpool,
    *,
    config: Config | None = None,
    llm: LlmStage | None = None,
    progress: ProgressHook | None = None,
) -> StreamedReview:
    """Review a file one table at a time, holding none: the same stages as :func:`review`, the
    same memo, in memory that does not grow with the file.

    Each table is parsed, checked, reviewed by the LLM stage (a window of ``LLM_WINDOW``
    tables at a time), merged, and its part of the memo goes to ``spool``; the rules about the
    whole report read what was gathered on the way (:class:`~reviewer.checks.ReportFacts`).
    Write the memo with ``spool.write(result.memo, out)``. ``progress("llm", done, 0)``: the
    number of tables is known only at the end.
    """
    config = config or Config()
    rules = active_rules(config)
    idle = _without_llm(llm, rules)
    stage = llm if idle is None else None
    run = idle or LlmRun(enabled=True)
    name, stream = stream_file(source, config.limits, config.form)
    facts = ReportFacts(leftovers=stream.leftovers, summaries=stream.summaries, config=config)
    assembly = MemoAssembly(config, keep=False)
    window = _Window()
    totals: dict[int, float] = {}  # the window's totals as the rules computed them
    tables = 0

    def flush() -> None:
        nonlocal run
        for index, table, findings, status in _reviewed(stage, window, run, name, progress):
            merged, dropped = merge(findings[0], findings[1], config, rules)
            run.duplicates_dropped += dropped
            spool.add(*assembly.add_table(index, table, merged, status, totals.pop(index, None)))
        window.items.clear()

    try:
        for index, table in enumerate(stream):
            tables += 1
            facts.add_table(table)
            found = check_table(table, index, config, rules, totals)
            window.items.append((index, table, found))
            if stage is None or len(window.items) >= LLM_WINDOW:
                flush()
        flush()
    except OSError as exc:
        raise read_error(source, exc) from exc
    if not tables:
        raise no_table(source, stream.leftovers)
    if stage is not None:
        from reviewer.llm.ask import finish_run

        finish_run(run, stage.settings)
    report_findings, _ = merge(check_facts(facts, config, rules), [], config, rules)
    applied = [r for r in rules if r.scope != "llm" or run.enabled]
    memo = assembly.finish(name, report_findings, facts, applied, run)
    return StreamedReview(name, tables, memo, run)


def _reviewed(
    stage: LlmStage | None,
    window: _Window,
    run: LlmRun,
    source: str,
    progress: ProgressHook | None,
) -> Iterable[
    tuple[int, EvaluationTable, tuple[list[Finding], list[Finding]], TableLlmStatus | None]
]:
    """The window's tables with (rule findings, LLM findings) and LLM status each; the LLM
    stage's record folded into ``run``."""
    if stage is None or not window.items:
        return [(i, t, (f, []), None) for i, t, f in window.items]
    from reviewer.llm.ask import fold_run, stopped_run

    offset = window.items[0][0]
    part_report = Report(source=source, tables=[t for _, t, _ in window.items])
    if run.stopped:  # a wrong key, an exhausted quota: no table after can be reviewed either
        part = stopped_run(part_report, stage.settings, run.stopped, f"未发送请求：{run.stopped}")
        found: list[Finding] = []
    else:
        local = [
            f.model_copy(update={"table_index": pos})
            for pos, (_, _, fs) in enumerate(window.items)
            for f in fs
        ]
        done = len(run.tables)
        hook = (lambda n: progress("llm", done + n, 0)) if progress else None
        result = stage.run(part_report, local, hook)
        found, part = result.findings, result.run
    fold_run(run, part, offset)
    by_table: dict[int, list[Finding]] = {}
    for f in found:
        pos = f.table_index if f.table_index is not None else 0
        by_table.setdefault(pos, []).append(f.model_copy(update={"table_index": offset + pos}))
    statuses = {s.table_index: s for s in part.tables}
    return [
        (i, t, (fs, by_table.get(pos, [])), statuses.get(pos))
        for pos, (i, t, fs) in enumerate(window.items)
    ]
