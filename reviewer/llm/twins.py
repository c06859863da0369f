"""Which of the model's findings say again what a rule already reported: their *rule twins*.

Each L-code has rule codes that report the same kind of problem (its ``twins`` in the rule
registry, ``reviewer/checks/llm_codes.py``). A model's
finding duplicates a rule's finding when both concern the same table, the rule's code is a twin
of the model's, and either they concern the same indicator row (both none: the table as a
whole) or a quote of the model's is already in the rule finding's evidence (one contains the
other once folded as :func:`~reviewer.llm.quotes.match_fold` folds them).

This module only answers the question (pure functions, nothing changed); the review pipeline
decides what to do with the answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.checks.registry import get_rule
from reviewer.llm.quotes import MIN_QUOTE, match_fold
from reviewer.model import Finding


@dataclass(frozen=True)
class Twin:
    """A model's finding and the rule finding it repeats."""

    llm: Finding
    rule: Finding


def _folded_quotes(finding: Finding) -> list[str]:
    return [q for q in (match_fold(e.quote)[0] for e in finding.evidence) if q]


def _quotes_overlap(llm: Finding, rule: Finding) -> bool:
    ours, theirs = _folded_quotes(llm), _folded_quotes(rule)
    return any(
        min(len(a), len(b)) >= MIN_QUOTE and (a in b or b in a) for a in ours for b in theirs
    )


def twin_of(llm: Finding, rules: list[Finding]) -> Finding | None:
    """The rule finding that ``llm`` repeats — on its own row first, else by its quotes — or
    None."""
    rule_doc = get_rule(llm.code)
    codes = set(rule_doc.twins) if rule_doc is not None else set()
    candidates = [r for r in rules if r.code in codes and r.table_index == llm.table_index]
    same_row = [r for r in candidates if r.indicator == llm.indicator]
    quoted = [r for r in candidates if _quotes_overlap(llm, r)]
    found = same_row or quoted
    return found[0] if found else None


def rule_twins(llm_findings: list[Finding], rule_findings: list[Finding]) -> list[Twin]:
    """The model's findings that repeat a rule finding, each with the first one it repeats."""
    out: list[Twin] = []
    for finding in llm_findings:
        rule = twin_of(finding, rule_findings)
        if rule is not None:
            out.append(Twin(finding, rule))
    return out
