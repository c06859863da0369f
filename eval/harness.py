"""Run a backend over a dataset and match its findings to the labels, document by document."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eval.backends import Backend, Review
from eval.labels import Dataset, Document, Label
from eval.match import MatchResult, Prediction, match
from reviewer.errors import ReviewerError
from reviewer.textnorm import fold


@dataclass
class DocResult:
    id: str
    path: str
    mutation: str
    result: MatchResult
    excluded: int = 0  # predictions also made on the base document (difference scoring)
    error: str | None = None  # the backend could not review the document at all
    llm_failed: list[str] = field(default_factory=list)  # projects whose LLM review failed
    llm_invalid: int = 0  # LLM findings dropped as invalid (quotes not found in the document)
    unscored: list[Label] = field(default_factory=list)  # llm labels on tables the LLM failed


@dataclass
class DatasetRun:
    name: str
    scoring: str
    backend: str
    docs: list[DocResult]
    labels: list[Label]
    seconds: float = 0.0
    digest: str | None = None


def _identity(p: Prediction) -> tuple[str, str, str, str]:
    return (p.code, p.project, p.category.value, fold(p.indicator or ""))


def subtract(preds: list[Prediction], base: list[Prediction]) -> tuple[list[Prediction], int]:
    """Predictions not already made on the base document (a multiset difference on code,
    project, category and indicator); and how many were removed."""
    left = Counter(_identity(p) for p in base)
    out = []
    for p in preds:
        k = _identity(p)
        if left[k] > 0:
            left[k] -= 1
        else:
            out.append(p)
    return out, len(preds) - len(out)


def _llm_accounting(review: Review) -> tuple[list[str], int]:
    if review.llm is None:
        return [], 0
    failed = [t.project for t in review.llm.failed_tables]
    invalid = sum(t.findings_dropped for t in review.llm.tables)
    return failed, invalid


def _run_doc(
    ds: Dataset, doc: Document, backend: Backend, base_cache: dict[Path, list[Prediction]]
) -> DocResult:
    path = ds.resolve(doc.path)
    try:
        review = backend.review(path)
    except ReviewerError as exc:
        return DocResult(
            doc.id, doc.path, doc.mutation, match(doc.scored_labels(), []), error=str(exc)
        )
    preds = [Prediction.of(f) for f in review.findings]
    excluded = 0
    if ds.scoring == "difference" and doc.base:
        base_path = ds.resolve(doc.base)
        if base_path not in base_cache:
            base_cache[base_path] = [Prediction.of(f) for f in backend.review(base_path).findings]
        preds, excluded = subtract(preds, base_cache[base_path])
    result = match(doc.scored_labels(), preds)
    failed, invalid = _llm_accounting(review)
    unscored = [lab for lab in result.missed if lab.layer == "llm" and lab.project in failed]
    if unscored:
        result.missed = [lab for lab in result.missed if lab not in unscored]
    return DocResult(
        doc.id, doc.path, doc.mutation, result, excluded, None, failed, invalid, unscored
    )


def run_dataset(ds: Dataset, backend: Backend, digest: str | None = None) -> DatasetRun:
    started = time.perf_counter()
    base_cache: dict[Path, list[Prediction]] = {}
    docs = [_run_doc(ds, d, backend, base_cache) for d in ds.documents]
    return DatasetRun(
        ds.dataset,
        ds.scoring,
        backend.name,
        docs,
        ds.labels(),
        time.perf_counter() - started,
        digest,
    )
