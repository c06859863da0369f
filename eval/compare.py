"""The baseline gate: align a run with a committed baseline, dataset by dataset and document
by document; fail when a category's precision or recall drops by more than the margin."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from eval.metrics import CATEGORIES, OVERALL, DatasetSummary, Stats

BASELINE_FORMAT = "reviewer-eval-baseline/1"
DEFAULT_MARGIN = 0.02


class Regression(BaseModel):
    dataset: str
    category: str
    metric: str  # precision / recall
    baseline: float
    current: float

    @property
    def drop(self) -> float:
        return self.baseline - self.current


class DocChange(BaseModel):
    dataset: str
    doc: str
    newly_missed: list[str] = Field(default_factory=list)  # label ids
    newly_spurious: list[str] = Field(default_factory=list)  # code|project|indicator
    now_found: list[str] = Field(default_factory=list)
    no_longer_spurious: list[str] = Field(default_factory=list)

    @property
    def worse(self) -> bool:
        return bool(self.newly_missed or self.newly_spurious)


class Comparison(BaseModel):
    baseline: str
    margin: float
    regressions: list[Regression] = Field(default_factory=list)
    docs: list[DocChange] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.regressions


def _stats_entry(s: Stats) -> dict[str, Any]:
    return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": s.precision, "recall": s.recall}


def baseline_of(backend: str, summaries: list[DatasetSummary]) -> dict[str, Any]:
    """What a baseline keeps: per dataset, per category counts and ratios, and per document
    the labels missed and the findings reported in excess. No timestamps: it diffs cleanly."""
    return {
        "format": BASELINE_FORMAT,
        "backend": backend,
        "datasets": {
            s.dataset: {
                "digest": s.digest,
                "categories": {c: _stats_entry(s.categories[c]) for c in CATEGORIES},
                OVERALL: _stats_entry(s.overall),
                # documents with a miss or an excess finding; every other document was clean
                "docs": {
                    d.id: {
                        "missed": [m.label for m in d.missed],
                        "spurious": sorted(x.key for x in d.spurious),
                    }
                    for d in s.docs
                    if d.missed or d.spurious
                },
            }
            for s in summaries
        },
    }


def write_baseline(path: Path, backend: str, summaries: list[DatasetSummary]) -> None:
    text = json.dumps(baseline_of(backend, summaries), ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")


def load_baseline(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != BASELINE_FORMAT:
        raise ValueError(f"{path}: not a baseline file ({BASELINE_FORMAT})")
    return data


def _metric_regressions(
    name: str, base: dict[str, Any], cur: DatasetSummary, margin: float
) -> list[Regression]:
    out = []
    rows = [(c, base["categories"].get(c, {}), cur.categories[c]) for c in CATEGORIES]
    rows.append((OVERALL, base.get(OVERALL, {}), cur.overall))
    for category, b, s in rows:
        for metric in ("precision", "recall"):
            old, new = b.get(metric), getattr(s, metric)
            if old is None:
                continue
            if new is None:
                # no predictions at all (precision) where there were some: precision is 0
                new = 0.0 if metric == "precision" and b.get("tp", 0) + b.get("fp", 0) else None
            if new is not None and old - new > margin + 1e-12:
                out.append(
                    Regression(
                        dataset=name, category=category, metric=metric, baseline=old, current=new
                    )
                )
    return out


def _doc_changes(name: str, base: dict[str, Any], cur: DatasetSummary) -> list[DocChange]:
    out = []
    base_docs: dict[str, Any] = base.get("docs", {})
    for d in cur.docs:
        b = base_docs.get(d.id, {})  # absent: the document was clean in the baseline
        missed, spurious = {m.label for m in d.missed}, {x.key for x in d.spurious}
        old_missed, old_spurious = set(b.get("missed", [])), set(b.get("spurious", []))
        change = DocChange(
            dataset=name,
            doc=d.id,
            newly_missed=sorted(missed - old_missed),
            newly_spurious=sorted(spurious - old_spurious),
            now_found=sorted(old_missed - missed),
            no_longer_spurious=sorted(old_spurious - spurious),
        )
        if (
            change.newly_missed
            or change.newly_spurious
            or change.now_found
            or change.no_longer_spurious
        ):
            out.append(change)
    return out


def compare(
    summaries: list[DatasetSummary], baseline: dict[str, Any], source: str, margin: float
) -> Comparison:
    result = Comparison(baseline=source, margin=margin)
    datasets: dict[str, Any] = baseline.get("datasets", {})
    for s in summaries:
        base = datasets.get(s.dataset)
        if base is None:
            result.notes.append(f"基线中没有数据集 {s.dataset}，未比较 / dataset not in baseline")
            continue
        if base.get("digest") and s.digest and base["digest"] != s.digest:
            result.notes.append(
                f"数据集 {s.dataset} 与基线生成时不同（digest 不一致），逐文档对齐仅供参考"
                " / dataset differs from the baseline's; document alignment is indicative only"
            )
        result.regressions += _metric_regressions(s.dataset, base, s, margin)
        result.docs += _doc_changes(s.dataset, base, s)
    if baseline.get("backend") and summaries and baseline["backend"] != summaries[0].backend:
        result.notes.append(
            f"基线后端为 {baseline['backend']}，本次为 {summaries[0].backend} / backends differ"
        )
    return result
