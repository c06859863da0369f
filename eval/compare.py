"""The baseline gate: a run fails when anything it scores got worse, counted finding by finding.

The baseline keeps, per dataset, the digest of what was scored (labels and document bytes) and,
per document, the labels missed, the findings in excess (by code|project|indicator, with their
number), the labels found with another severity, and whether the document could not be read.
Those are the accepted imperfections. The run fails (exit 1) on:

- a label missed that the baseline found, in any category (one is enough);
- a finding in excess that the baseline did not have (more of the same key counts too);
- a label the baseline found with its own severity, now found with another;
- a document that could no longer be read;
- a dataset whose digest differs from the baseline's, or from its pin (``spec.json`` for the
  generated set, ``frozen.json`` for pre-registered labels), a dataset the baseline does not
  cover, or a baseline made with another backend.

Improvements (labels now found, excess findings gone) are listed and never fail. After a change
meant to move the figures, regenerate the baseline with one command (``REGENERATE``) and commit
it with the change, saying why: that is how a regression is explicitly accepted.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from eval.metrics import CATEGORIES, OVERALL, DatasetSummary, DocDiff, Stats

BASELINE_FORMAT = "reviewer-eval-baseline/2"
REGENERATE = "python -m eval baseline"
Kind = Literal["missed", "spurious", "severity", "unreadable", "digest", "pin", "coverage"]
KIND_ZH = {
    "missed": "新遗漏",
    "spurious": "新误报",
    "severity": "级别改变",
    "unreadable": "新的无法读取",
    "digest": "数据集已变",
    "pin": "与固定摘要不符",
    "coverage": "基线未覆盖",
}


class Failure(BaseModel):
    dataset: str
    kind: Kind
    category: str = ""  # the category the regression counts in ("" for dataset-wide problems)
    doc: str = ""
    item: str = ""  # a label id or a code|project|indicator key
    detail: str = ""


class Improvement(BaseModel):
    dataset: str
    doc: str
    now_found: list[str] = Field(default_factory=list)
    no_longer_spurious: list[str] = Field(default_factory=list)


class Comparison(BaseModel):
    baseline: str
    failures: list[Failure] = Field(default_factory=list)
    improvements: list[Improvement] = Field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures

    def per_category(self) -> dict[tuple[str, str], Counter[str]]:
        """(dataset, category) → count of each kind of regression."""
        out: dict[tuple[str, str], Counter[str]] = {}
        for f in self.failures:
            out.setdefault((f.dataset, f.category or "—"), Counter())[f.kind] += 1
        return out


def _counts(s: Stats) -> dict[str, int]:
    return {"tp": s.tp, "fp": s.fp, "fn": s.fn}


def baseline_of(backend: str, summaries: list[DatasetSummary]) -> dict[str, Any]:
    """What a baseline keeps (no timestamps: it diffs cleanly)."""
    datasets = {}
    for s in summaries:
        docs = {}
        for d in s.docs:
            entry = {
                "missed": sorted(m.label for m in d.missed),
                "spurious": dict(sorted(Counter(x.key for x in d.spurious).items())),
                "severity": sorted(m.label for m in d.severity),
                "unreadable": d.error is not None,
            }
            if entry["missed"] or entry["spurious"] or entry["severity"] or entry["unreadable"]:
                docs[d.id] = entry
        datasets[s.dataset] = {
            "digest": s.digest,
            "categories": {c: _counts(s.categories[c]) for c in CATEGORIES},
            OVERALL: _counts(s.overall),
            # documents with a miss, an excess finding, a severity mismatch or a read error;
            # every other document was clean
            "docs": docs,
        }
    return {
        "format": BASELINE_FORMAT,
        "backend": backend,
        "regenerate": REGENERATE,
        "datasets": datasets,
    }


def write_baseline(path: Path, backend: str, summaries: list[DatasetSummary]) -> None:
    text = json.dumps(baseline_of(backend, summaries), ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")


def load_baseline(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != BASELINE_FORMAT:
        raise ValueError(f"{path}: 不是基线文件（{BASELINE_FORMAT}）/ not a baseline file")
    return data


def _dataset(name: str, s: DatasetSummary, base: dict[str, Any], out: Comparison) -> None:
    if base.get("digest") != s.digest:
        out.failures.append(
            Failure(
                dataset=name,
                kind="digest",
                detail=f"基线 {str(base.get('digest'))[:12]}…，本次 {str(s.digest)[:12]}…；"
                f"数据集改动后请重新生成基线：{REGENERATE}",
            )
        )
    base_docs: dict[str, Any] = base.get("docs", {})
    for d in s.docs:
        b = base_docs.get(d.id, {})  # absent: the document was clean in the baseline
        _doc(name, d, b, out)


def _doc(name: str, d: DocDiff, b: dict[str, Any], out: Comparison) -> None:
    def fail(kind: Kind, category: str, item: str, detail: str) -> None:
        out.failures.append(
            Failure(dataset=name, kind=kind, category=category, doc=d.id, item=item, detail=detail)
        )

    old_missed = set(b.get("missed", []))
    for m in d.missed:
        if m.label not in old_missed:
            fail("missed", m.category, m.label, m.note)
    allowed = Counter(b.get("spurious", {}))
    for x in d.spurious:
        if allowed[x.key] > 0:
            allowed[x.key] -= 1
        else:
            fail("spurious", x.category, x.key, x.message)
    old_severity = set(b.get("severity", []))
    for sev in d.severity:
        # a label the baseline found with its severity (a newly found one is an improvement)
        if sev.label not in old_severity and sev.label not in old_missed:
            fail("severity", sev.category, sev.label, f"{sev.expected} → {sev.found}（{sev.code}）")
    if d.error is not None and not b.get("unreadable"):
        fail("unreadable", "", "", d.error)
    gone = Counter(b.get("spurious", {})) - Counter(x.key for x in d.spurious)
    change = Improvement(
        dataset=name,
        doc=d.id,
        now_found=sorted(old_missed - {m.label for m in d.missed}),
        no_longer_spurious=sorted(gone.elements()),
    )
    if change.now_found or change.no_longer_spurious:
        out.improvements.append(change)


def compare(summaries: list[DatasetSummary], baseline: dict[str, Any], source: str) -> Comparison:
    out = Comparison(baseline=source)
    datasets: dict[str, Any] = baseline.get("datasets", {})
    for s in summaries:
        if baseline.get("backend") != s.backend:
            out.failures.append(
                Failure(
                    dataset=s.dataset,
                    kind="coverage",
                    detail=f"基线后端为 {baseline.get('backend')}，本次为 {s.backend}",
                )
            )
            continue
        for problem in s.problems:
            out.failures.append(Failure(dataset=s.dataset, kind="pin", detail=problem))
        base = datasets.get(s.dataset)
        if base is None:
            out.failures.append(
                Failure(
                    dataset=s.dataset,
                    kind="coverage",
                    detail=f"基线中没有数据集 {s.dataset}；请重新生成基线：{REGENERATE}",
                )
            )
            continue
        _dataset(s.dataset, s, base, out)
    return out
