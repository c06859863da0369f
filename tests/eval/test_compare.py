"""The baseline gate: count-based, every category, digests, backends; improvements pass."""

from __future__ import annotations

from pathlib import Path

from eval.compare import baseline_of, compare, load_baseline, write_baseline
from eval.harness import DatasetRun, DocResult
from eval.labels import Label
from eval.match import Prediction
from eval.metrics import CATEGORIES, DatasetSummary, summarize
from reviewer.model import Category, Severity


def _lab(i: str, category: Category, code: str) -> Label:
    return Label.model_validate(
        {
            "id": i,
            "project": "甲",
            "category": category,
            "severity": "warning",
            "layer": "rules",
            "note": "n",
            "codes": [code],
        }
    )


LABELS = [_lab(f"{c.value}-1", c, f"{c.value[:1].upper()}1") for c in Category]


def _pred(code: str, category: Category, severity: Severity = Severity.WARNING) -> Prediction:
    return Prediction(code, category, severity, "甲", None, "rules", "m")


def _summary(
    preds: list[Prediction],
    digest: str = "d1",
    backend: str = "rules",
    error: str | None = None,
    problems: list[str] | None = None,
) -> DatasetSummary:
    doc = DocResult(
        "doc", "doc.txt", "", {"tool": preds, "dumb": [], "nonsense": []}, LABELS, LABELS
    )
    doc.error = error
    run = DatasetRun("t", "absolute", backend, [doc], digest=digest, problems=problems or [])
    return summarize(run)


ALL_FOUND = [_pred(f"{c.value[:1].upper()}1", c) for c in Category]
# the baseline: the first category's label missed, one finding in excess
BASELINE_PREDS = [*ALL_FOUND[1:], _pred("Q9", Category.SCORING)]
BASE = baseline_of("rules", [_summary(BASELINE_PREDS)])


def test_the_same_results_pass() -> None:
    cmp = compare([_summary(BASELINE_PREDS)], BASE, "b")
    assert cmp.passed and not cmp.improvements


def test_a_single_new_miss_fails_in_whichever_category_it_falls() -> None:
    for k, category in enumerate(Category):
        if k == 0:
            continue  # the baseline already misses the first category's label
        preds = [p for i, p in enumerate(ALL_FOUND) if i not in (0, k)]
        cmp = compare([_summary([*preds, _pred("Q9", Category.SCORING)])], BASE, "b")
        assert not cmp.passed, category
        (f,) = cmp.failures
        assert (f.kind, f.category, f.item) == ("missed", category.value, f"{category.value}-1")
    assert len(CATEGORIES) == 6


def test_a_single_new_false_positive_fails_and_a_repeated_one_counts_too() -> None:
    extra = _pred("Z1", Category.INDICATOR)
    cmp = compare([_summary([*ALL_FOUND[1:], _pred("Q9", Category.SCORING), extra])], BASE, "b")
    assert [(f.kind, f.category, f.item) for f in cmp.failures] == [
        ("spurious", "indicator", "Z1|甲|")
    ]
    twice = [*ALL_FOUND[1:], _pred("Q9", Category.SCORING), _pred("Q9", Category.SCORING)]
    assert [f.kind for f in compare([_summary(twice)], BASE, "b").failures] == ["spurious"]


def test_a_changed_severity_fails() -> None:
    preds = [*ALL_FOUND[1:], _pred("Q9", Category.SCORING)]
    preds[0] = _pred(preds[0].code, preds[0].category, Severity.INFO)
    cmp = compare([_summary(preds)], BASE, "b")
    assert [(f.kind, f.category) for f in cmp.failures] == [("severity", preds[0].category.value)]


def test_improvements_are_listed_and_pass() -> None:
    cmp = compare([_summary(ALL_FOUND)], BASE, "b")
    assert cmp.passed
    (imp,) = cmp.improvements
    assert imp.now_found == ["arithmetic-1"] and imp.no_longer_spurious == ["Q9|甲|"]


def test_digest_backend_coverage_pins_and_unreadable_documents_fail() -> None:
    same = [*ALL_FOUND[1:], _pred("Q9", Category.SCORING)]
    assert [f.kind for f in compare([_summary(same, digest="d2")], BASE, "b").failures] == [
        "digest"
    ]
    assert [f.kind for f in compare([_summary(same, backend="replay")], BASE, "b").failures] == [
        "coverage"
    ]
    other = _summary(same)
    other.dataset = "unknown"
    assert [f.kind for f in compare([other], BASE, "b").failures] == ["coverage"]
    pinned = _summary(same, problems=["labels edited in place"])
    assert [f.kind for f in compare([pinned], BASE, "b").failures] == ["pin"]
    broken = compare([_summary([], error="未找到自评表")], BASE, "b")
    assert {f.kind for f in broken.failures} == {"missed", "unreadable"}


def test_a_baseline_round_trips_through_its_file(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    s = _summary([*ALL_FOUND[1:], _pred("Q9", Category.SCORING)])
    write_baseline(path, "rules", [s])
    loaded = load_baseline(path)
    assert loaded == BASE
    assert loaded["datasets"]["t"]["docs"]["doc"]["spurious"] == {"Q9|甲|": 1}
    assert compare([s], loaded, str(path)).passed
