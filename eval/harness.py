"""Run a backend over a dataset, document by document: what each tool predicts, on what labels.

Per document the harness keeps the real tool's predictions and those of the two content-blind
tools (``eval/blind.py``), the labels to score them on (current and pre-registered), and, where
the dataset has a gold parse, how much of it the parser found (``eval/parsecheck.py``). The
matching and the counting are ``eval/metrics.py``'s. A document the backend cannot read is kept,
with its error: all its labels count as missed.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval.backends import Backend, Output
from eval.blind import dumb, nonsense
from eval.labels import Dataset, Document, Label
from eval.match import Prediction
from eval.parsecheck import ParseCheck, check
from reviewer.errors import ReviewerError
from reviewer.textnorm import fold

TOOL = "tool"
VARIANTS = (TOOL, "dumb", "nonsense")


@dataclass
class DocResult:
    id: str
    path: str
    mutation: str
    predictions: dict[str, list[Prediction]]  # per variant (tool, dumb, nonsense)
    labels: list[Label]  # the current labels scored (llm labels on failed tables left out)
    preregistered: list[Label]  # the same, as pre-registered
    layout: str = ""
    excluded: int = 0  # tool predictions also made on the base document (difference scoring)
    error: str | None = None  # the backend could not review the document at all
    llm_failed: list[str] = field(default_factory=list)  # projects whose LLM review failed
    llm_invalid: int = 0  # LLM findings dropped as invalid (quotes not found in the document)
    unscored: list[Label] = field(default_factory=list)  # llm labels on tables the LLM failed
    parse: ParseCheck | None = None


@dataclass
class DatasetRun:
    name: str
    scoring: str
    backend: str
    docs: list[DocResult]
    role: str = "regression"
    seconds: float = 0.0
    digest: str | None = None
    provenance: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # digests that do not match their pins

    def labels(self, preregistered: bool = False) -> list[Label]:
        return [lab for d in self.docs for lab in (d.preregistered if preregistered else d.labels)]


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


def _variants(review: Output) -> dict[str, list[Prediction]]:
    tool = [Prediction.of(f) for f in review.findings]
    return {TOOL: tool, "dumb": dumb(review.report), "nonsense": nonsense(tool)}


def _llm_accounting(review: Output) -> tuple[list[str], int]:
    if review.llm is None:
        return [], 0
    failed = [t.project for t in review.llm.failed_tables]
    invalid = sum(t.findings_dropped for t in review.llm.tables)
    return failed, invalid


def _on_failed_table(lab: Label, failed: list[str]) -> bool:
    return lab.layer == "llm" and bool(failed) and (lab.project is None or lab.project in failed)


class _Runner:
    def __init__(self, ds: Dataset, backend: Backend) -> None:
        self.ds = ds
        self.backend = backend
        self.bases: dict[Path, dict[str, list[Prediction]]] = {}

    def _review(self, path: Path) -> tuple[Output | None, str | None]:
        try:
            return self.backend.review(path), None
        except ReviewerError as exc:
            return None, str(exc)
        except Exception as exc:  # a defect on one document must not hide the others' figures
            return None, f"内部错误 / internal error: {type(exc).__name__}: {exc}"

    def _base(self, path: Path) -> dict[str, list[Prediction]]:
        if path not in self.bases:
            review, _ = self._review(path)
            self.bases[path] = _variants(review) if review else {v: [] for v in VARIANTS}
        return self.bases[path]

    def doc(self, doc: Document) -> DocResult:
        ds = self.ds
        review, error = self._review(ds.resolve(doc.path))
        current, pre = doc.scored_labels(), doc.scored_labels(preregistered=True)
        parse = None
        if doc.gold is not None:
            report = review.report if review else None
            parse = check(doc.id, ds.resolve(doc.gold), report, error)
        if review is None:
            empty: dict[str, list[Prediction]] = {v: [] for v in VARIANTS}
            return DocResult(
                doc.id,
                doc.path,
                doc.mutation,
                empty,
                current,
                pre,
                doc.layout,
                0,
                error,
                parse=parse,
            )
        preds = _variants(review)
        excluded = 0
        if ds.scoring == "difference" and doc.base:
            base = self._base(ds.resolve(doc.base))
            for v in VARIANTS:
                preds[v], n = subtract(preds[v], base[v])
                excluded = n if v == TOOL else excluded
        failed, invalid = _llm_accounting(review)
        unscored = [lab for lab in current if _on_failed_table(lab, failed)]
        return DocResult(
            doc.id,
            doc.path,
            doc.mutation,
            preds,
            [lab for lab in current if lab not in unscored],
            [lab for lab in pre if not _on_failed_table(lab, failed)],
            doc.layout,
            excluded,
            None,
            failed,
            invalid,
            unscored,
            parse,
        )


def run_dataset(
    ds: Dataset, backend: Backend, digest: str | None = None, problems: list[str] | None = None
) -> DatasetRun:
    started = time.perf_counter()
    runner = _Runner(ds, backend)
    docs = [runner.doc(d) for d in ds.documents]
    return DatasetRun(
        ds.dataset,
        ds.scoring,
        backend.name,
        docs,
        ds.role,
        time.perf_counter() - started,
        digest,
        ds.provenance,
        list(problems or []),
    )
