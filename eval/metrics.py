"""Per-category and overall TP / FP / FN, precision, recall and F1, with bootstrap intervals.

Counting: a matched required label is a TP, an unmatched required label an FN, a prediction
matched to no label an FP; predictions absorbed by optional labels, and LLM-layer labels on
tables whose LLM review failed, count in none of them (the latter are reported apart).

Intervals: 95 % percentile bootstrap, resampling units with replacement (fixed seed). A unit is
one table of one document (for the injected set, where each document holds one table, that is
the document); findings about a whole report form a unit of their own.
"""

from __future__ import annotations

from collections import defaultdict
from random import Random

from pydantic import BaseModel, Field

from eval.harness import DatasetRun, DocResult
from reviewer.model import Category

CATEGORIES = [c.value for c in Category]
OVERALL = "overall"


class Stats(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    ci_precision: tuple[float, float] | None = None
    ci_recall: tuple[float, float] | None = None
    ci_f1: tuple[float, float] | None = None


class LayerStats(BaseModel):
    labels: int = 0
    found: int = 0


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


class DocDiff(BaseModel):
    id: str
    mutation: str = ""
    matched: int = 0
    missed: list[Miss] = Field(default_factory=list)
    spurious: list[Spurious] = Field(default_factory=list)
    error: str | None = None


class DatasetSummary(BaseModel):
    dataset: str
    backend: str
    scoring: str
    digest: str | None = None
    documents: int
    units: int
    seconds: float
    categories: dict[str, Stats]
    overall: Stats
    layers: dict[str, LayerStats]  # required labels by expected layer, and how many were found
    optional_labels: int = 0
    absorbed: int = 0  # predictions matched to optional labels
    excluded: int = 0  # predictions also made on the base document (difference scoring)
    severity_agreement: float | None = None  # among matched pairs
    errors: int = 0  # documents the backend could not review
    llm_failed_tables: int = 0
    llm_invalid_outputs: int = 0
    llm_unscored_labels: int = 0  # llm labels on tables whose LLM review failed
    mutations: dict[str, Stats] = Field(default_factory=dict)
    docs: list[DocDiff] = Field(default_factory=list)


def ratios(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
    if p is not None and r is not None and not p + r:
        f = 0.0
    return p, r, f


def _stats(tp: int, fp: int, fn: int) -> Stats:
    p, r, f = ratios(tp, fp, fn)
    return Stats(tp=tp, fp=fp, fn=fn, precision=p, recall=r, f1=f)


Vector = dict[int, int]  # sparse: index (category × 3 + [tp, fp, fn]) → count


def _units(run: DatasetRun) -> list[Vector]:
    units: dict[tuple[str, str], Vector] = defaultdict(lambda: defaultdict(int))
    for d in run.docs:
        r = d.result
        for lab, _ in r.matched:
            units[(d.id, lab.project or "")][CATEGORIES.index(lab.category.value) * 3] += 1
        for p in r.spurious:
            units[(d.id, p.project)][CATEGORIES.index(p.category.value) * 3 + 1] += 1
        for lab in r.missed:
            units[(d.id, lab.project or "")][CATEGORIES.index(lab.category.value) * 3 + 2] += 1
        if not any(doc == d.id for doc, _ in units):  # a document with nothing to count
            units[(d.id, "")] = defaultdict(int)
    return [dict(v) for v in units.values()]


def _interval(values: list[float]) -> tuple[float, float] | None:
    if not values:
        return None
    values.sort()
    lo = values[int(0.025 * (len(values) - 1))]
    hi = values[round(0.975 * (len(values) - 1))]
    return (round(lo, 4), round(hi, 4))


def bootstrap(units: list[Vector], resamples: int, seed: int) -> dict[str, dict[str, list[float]]]:
    """Per category (and overall): the resampled precision, recall and F1 values."""
    rng = Random(seed)
    n = len(units)
    names = [*CATEGORIES, OVERALL]
    out: dict[str, dict[str, list[float]]] = {
        c: {"precision": [], "recall": [], "f1": []} for c in names
    }
    if n == 0:
        return out
    for _ in range(resamples):
        sums = [0] * (len(CATEGORIES) * 3)
        for i in rng.choices(range(n), k=n):
            for pos, val in units[i].items():
                sums[pos] += val
        totals = [sum(sums[k::3]) for k in range(3)]
        for c, (tp, fp, fn) in zip(
            names, [*(sums[k * 3 : k * 3 + 3] for k in range(len(CATEGORIES))), totals], strict=True
        ):
            for name, value in zip(("precision", "recall", "f1"), ratios(tp, fp, fn), strict=True):
                if value is not None:
                    out[c][name].append(value)
    return out


def _with_ci(stats: Stats, samples: dict[str, list[float]]) -> Stats:
    stats.ci_precision = _interval(samples["precision"]) if stats.precision is not None else None
    stats.ci_recall = _interval(samples["recall"]) if stats.recall is not None else None
    stats.ci_f1 = _interval(samples["f1"]) if stats.f1 is not None else None
    return stats


def _doc_diff(d: DocResult) -> DocDiff:
    r = d.result
    return DocDiff(
        id=d.id,
        mutation=d.mutation,
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
        error=d.error,
    )


def summarize(run: DatasetRun, resamples: int = 1000, seed: int = 0) -> DatasetSummary:
    counts = {c: [0, 0, 0] for c in CATEGORIES}
    layers = {"rules": LayerStats(), "llm": LayerStats()}
    mutation_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    same_severity = matched_pairs = 0
    for d in run.docs:
        r = d.result
        for lab, p in r.matched:
            counts[lab.category.value][0] += 1
            layers[lab.layer].found += 1
            same_severity += lab.severity == p.severity
            matched_pairs += 1
        for p in r.spurious:
            counts[p.category.value][1] += 1
        for lab in r.missed:
            counts[lab.category.value][2] += 1
        if d.mutation:
            m = mutation_counts[d.mutation]
            m[0] += len(r.matched)
            m[1] += len(r.spurious)
            m[2] += len(r.missed)
    for lab in run.labels:
        if not lab.optional:
            layers[lab.layer].labels += 1
    units = _units(run)
    samples = bootstrap(units, resamples, seed)
    categories = {c: _with_ci(_stats(*counts[c]), samples[c]) for c in CATEGORIES}
    total = [sum(v[k] for v in counts.values()) for k in range(3)]
    overall = _with_ci(_stats(*total), samples[OVERALL])
    return DatasetSummary(
        dataset=run.name,
        backend=run.backend,
        scoring=run.scoring,
        digest=run.digest,
        documents=len(run.docs),
        units=len(units),
        seconds=round(run.seconds, 2),
        categories=categories,
        overall=overall,
        layers=layers,
        optional_labels=sum(lab.optional for lab in run.labels),
        absorbed=sum(len(d.result.absorbed) for d in run.docs),
        excluded=sum(d.excluded for d in run.docs),
        severity_agreement=round(same_severity / matched_pairs, 4) if matched_pairs else None,
        errors=sum(d.error is not None for d in run.docs),
        llm_failed_tables=sum(len(d.llm_failed) for d in run.docs),
        llm_invalid_outputs=sum(d.llm_invalid for d in run.docs),
        llm_unscored_labels=sum(len(d.unscored) for d in run.docs),
        mutations={k: _stats(*v) for k, v in sorted(mutation_counts.items())},
        docs=[_doc_diff(d) for d in run.docs],
    )
