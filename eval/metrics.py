"""Per-category and overall TP / FP / FN, precision, recall and F1, with Wilson intervals.

Counting: a matched required label is a TP, an unmatched required label an FN, a prediction
matched to no label an FP; predictions absorbed by optional (or ``any_row``) labels, and LLM-layer
labels on tables whose LLM review failed, count in none of them (the latter are reported apart).
A TP and an FN count under the label's category, an FP under the prediction's.

Intervals: 95 % Wilson score intervals for precision (TP of TP + FP) and recall (TP of TP + FN).
They treat labels (and predictions) as independent trials, which findings clustered in one table
are not, so they are somewhat too narrow; unlike percentile bootstrap intervals they do not
collapse to a point at 0 or 100 %.

Besides the real tool, every summary scores the content-blind tools (``eval/blind.py``) on the
same labels, and the real and the dumb tool under the content-blind (place-only) rule, so that a
reader sees what the rules add over pointing at every deducted row.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from pydantic import BaseModel, Field

from eval.harness import TOOL, DatasetRun, DocResult
from eval.labels import Label
from eval.match import MatchResult, match
from eval.parsecheck import ParseCheck
from reviewer.model import Category, Severity

CATEGORIES = [c.value for c in Category]
SEVERITIES = [s.value for s in Severity]
OVERALL = "overall"
Z95 = 1.959963984540054


class Stats(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    ci_precision: tuple[float, float] | None = None
    ci_recall: tuple[float, float] | None = None


class LayerStats(BaseModel):
    labels: int = 0
    found: int = 0


class SeverityStats(BaseModel):
    """Required labels of one severity: how many, found, and found with the same severity."""

    labels: int = 0
    found: int = 0
    same: int = 0


class Miss(BaseModel):
    label: str
    category: str
    indicator: str | None
    layer: str
    note: str


class Spurious(BaseModel):
    key: str  # code|project|indicator
    category: str
    message: str


class SeverityMismatch(BaseModel):
    label: str
    category: str
    expected: str
    found: str
    code: str


class DocDiff(BaseModel):
    id: str
    mutation: str = ""
    layout: str = ""
    matched: int = 0
    missed: list[Miss] = Field(default_factory=list)
    spurious: list[Spurious] = Field(default_factory=list)
    severity: list[SeverityMismatch] = Field(default_factory=list)
    error: str | None = None


class DatasetSummary(BaseModel):
    dataset: str
    backend: str
    role: str = "regression"
    labels_scored: str = "current"  # or "pre-registered" (--exclude-amended)
    scoring: str
    digest: str | None = None
    documents: int
    seconds: float
    categories: dict[str, Stats]
    overall: Stats
    # The findings a reviewer acts on (错误 and 需核实): how many are real, and how many of the
    # error and warning labels they find. Remarks (提示) count in ``overall`` only.
    flagged: Stats = Field(default_factory=lambda: stats(0, 0, 0))
    # The LLM stage alone: its findings that matched, those that did not, and the labels
    # expected of it (layer llm) that it missed.
    llm_only: Stats = Field(default_factory=lambda: stats(0, 0, 0))
    layers: dict[str, LayerStats]  # required labels by expected layer, and how many were found
    severity: dict[str, SeverityStats]  # required labels by their severity
    severity_agreement: float | None = None  # among matched pairs
    blind: dict[str, Stats] = Field(default_factory=dict)  # overall: dumb, nonsense, place-only
    optional_labels: int = 0
    absorbed: int = 0  # predictions matched to optional labels or absorbed by any_row labels
    excluded: int = 0  # predictions also made on the base document (difference scoring)
    errors: int = 0  # documents the backend could not review
    llm_failed_tables: int = 0
    llm_invalid_outputs: int = 0
    llm_unscored_labels: int = 0  # llm labels on tables whose LLM review failed
    mutations: dict[str, Stats] = Field(default_factory=dict)
    layouts: dict[str, Stats] = Field(default_factory=dict)
    docs: list[DocDiff] = Field(default_factory=list)
    parse: list[ParseCheck] = Field(default_factory=list)
    provenance: dict[str, Any] = Field(default_factory=dict)
    problems: list[str] = Field(default_factory=list)


_FLAGGED = (Severity.ERROR, Severity.WARNING)


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval for k successes in n trials (None when n is 0)."""
    if n == 0:
        return None
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4))


def ratios(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
    if p is not None and r is not None and not p + r:
        f = 0.0
    return p, r, f


def stats(tp: int, fp: int, fn: int) -> Stats:
    p, r, f = ratios(tp, fp, fn)
    return Stats(
        tp=tp,
        fp=fp,
        fn=fn,
        precision=p,
        recall=r,
        f1=f,
        ci_precision=wilson(tp, tp + fp),
        ci_recall=wilson(tp, tp + fn),
    )


def _labels(d: DocResult, preregistered: bool) -> list[Label]:
    return d.preregistered if preregistered else d.labels


def _doc_diff(d: DocResult, r: MatchResult) -> DocDiff:
    return DocDiff(
        id=d.id,
        mutation=d.mutation,
        layout=d.layout,
        matched=len(r.matched),
        missed=[
            Miss(
                label=lab.id,
                category=lab.category.value,
                indicator=lab.indicator,
                layer=lab.layer,
                note=lab.note,
            )
            for lab in r.missed
        ],
        spurious=[
            Spurious(key=p.key(), category=p.category.value, message=p.message) for p in r.spurious
        ],
        severity=[
            SeverityMismatch(
                label=lab.id,
                category=lab.category.value,
                expected=lab.severity.value,
                found=p.severity.value,
                code=p.code,
            )
            for lab, p in r.matched
            if lab.severity != p.severity
        ],
        error=d.error,
    )


def _overall(results: list[MatchResult]) -> Stats:
    return stats(
        sum(len(r.matched) for r in results),
        sum(len(r.spurious) for r in results),
        sum(len(r.missed) for r in results),
    )


def _blind(run: DatasetRun, preregistered: bool) -> dict[str, Stats]:
    out = {}
    for name, variant, content in (
        ("dumb", "dumb", True),
        ("nonsense", "nonsense", True),
        ("tool-place-only", TOOL, False),
        ("dumb-place-only", "dumb", False),
    ):
        out[name] = _overall(
            [match(_labels(d, preregistered), d.predictions[variant], content) for d in run.docs]
        )
    return out


def summarize(run: DatasetRun, preregistered: bool = False) -> DatasetSummary:
    counts = {c: [0, 0, 0] for c in CATEGORIES}
    layers = {"rules": LayerStats(), "llm": LayerStats()}
    severity = {s: SeverityStats() for s in SEVERITIES}
    flagged = [0, 0, 0]
    llm_only = [0, 0, 0]
    by_mutation: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_layout: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    diffs = []
    absorbed = 0
    for d in run.docs:
        r = match(_labels(d, preregistered), d.predictions[TOOL])
        diffs.append(_doc_diff(d, r))
        absorbed += len(r.absorbed)
        flagged[0] += sum(p.severity in _FLAGGED for _, p in r.matched)
        flagged[1] += sum(p.severity in _FLAGGED for p in r.spurious)
        flagged[2] += sum(lab.severity in _FLAGGED for lab in r.missed)
        llm_only[0] += sum(p.source == "llm" for _, p in r.matched)
        llm_only[1] += sum(p.source == "llm" for p in r.spurious)
        llm_only[2] += sum(lab.layer == "llm" for lab in r.missed)
        for lab, p in r.matched:
            counts[lab.category.value][0] += 1
            layers[lab.layer].found += 1
            severity[lab.severity.value].found += 1
            severity[lab.severity.value].same += lab.severity == p.severity
        for p in r.spurious:
            counts[p.category.value][1] += 1
        for lab in r.missed:
            counts[lab.category.value][2] += 1
        for key, table in ((d.mutation, by_mutation), (d.layout, by_layout)):
            if key:
                table[key][0] += len(r.matched)
                table[key][1] += len(r.spurious)
                table[key][2] += len(r.missed)
    required = [lab for lab in run.labels(preregistered) if not lab.optional]
    for lab in required:
        layers[lab.layer].labels += 1
        severity[lab.severity.value].labels += 1
    matched = sum(s.found for s in severity.values())
    total = [sum(v[k] for v in counts.values()) for k in range(3)]
    return DatasetSummary(
        dataset=run.name,
        backend=run.backend,
        role=run.role,
        labels_scored="pre-registered" if preregistered else "current",
        scoring=run.scoring,
        digest=run.digest,
        documents=len(run.docs),
        seconds=round(run.seconds, 2),
        categories={c: stats(*counts[c]) for c in CATEGORIES},
        overall=stats(*total),
        flagged=stats(*flagged),
        llm_only=stats(*llm_only),
        layers=layers,
        severity=severity,
        severity_agreement=(
            round(sum(s.same for s in severity.values()) / matched, 4) if matched else None
        ),
        blind=_blind(run, preregistered),
        optional_labels=sum(lab.optional for lab in run.labels(preregistered)),
        absorbed=absorbed,
        excluded=sum(d.excluded for d in run.docs),
        errors=sum(d.error is not None for d in run.docs),
        llm_failed_tables=sum(len(d.llm_failed) for d in run.docs),
        llm_invalid_outputs=sum(d.llm_invalid for d in run.docs),
        llm_unscored_labels=sum(len(d.unscored) for d in run.docs),
        mutations={k: stats(*v) for k, v in sorted(by_mutation.items())},
        layouts={k: stats(*v) for k, v in sorted(by_layout.items())},
        docs=diffs,
        parse=[d.parse for d in run.docs if d.parse is not None],
        provenance={k: run.provenance[k] for k in ("made_by", "process") if k in run.provenance},
        problems=run.problems,
    )
