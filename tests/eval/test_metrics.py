"""Counting, ratios and the bootstrap, on small runs whose answers are known."""

from __future__ import annotations

import pytest

from eval.harness import DatasetRun, DocResult
from eval.labels import Label
from eval.match import Prediction, match
from eval.metrics import bootstrap, ratios, summarize
from reviewer.model import Category, Severity


def _lab(i: str, category: Category, project: str = "甲", layer: str = "rules") -> Label:
    return Label.model_validate(
        {
            "id": i,
            "project": project,
            "category": category,
            "severity": "error",
            "layer": layer,
            "note": "n",
            "codes": ["S1", "N1", "E1"],
        }
    )


def _pred(category: Category, project: str = "甲", indicator: str | None = None) -> Prediction:
    return Prediction("X1", category, Severity.ERROR, project, indicator, "rules", "m")


def test_ratios() -> None:
    assert ratios(3, 1, 1) == (0.75, 0.75, 0.75)
    assert ratios(0, 0, 2) == (None, 0.0, None)
    assert ratios(0, 2, 0) == (0.0, None, None)
    assert ratios(0, 1, 1) == (0.0, 0.0, 0.0)


def _run() -> DatasetRun:
    a, s, e = Category.ARITHMETIC, Category.SCORING, Category.EXPLANATION
    labels1 = [_lab("1", a), _lab("2", s), _lab("3", e, layer="llm")]
    doc1 = DocResult("d1", "d1.txt", "", match(labels1, [_pred(a), _pred(s), _pred(s)]))
    labels2 = [_lab("4", s, project="乙")]
    doc2 = DocResult("d2", "d2.txt", "", match(labels2, [_pred(e, project="乙")]))
    return DatasetRun("t", "absolute", "rules", [doc1, doc2], labels1 + labels2)


def test_summary_counts_per_category_and_overall() -> None:
    s = summarize(_run(), resamples=200)
    c = s.categories
    assert (c["arithmetic"].tp, c["arithmetic"].fp, c["arithmetic"].fn) == (1, 0, 0)
    assert (c["scoring"].tp, c["scoring"].fp, c["scoring"].fn) == (1, 1, 1)
    assert (c["explanation"].tp, c["explanation"].fp, c["explanation"].fn) == (0, 1, 1)
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (2, 2, 2)
    assert s.overall.precision == 0.5 and s.overall.recall == 0.5
    assert s.layers["rules"].labels == 3 and s.layers["rules"].found == 2
    assert s.layers["llm"].labels == 1 and s.layers["llm"].found == 0
    assert s.units == 2
    assert [len(d.missed) for d in s.docs] == [1, 1] and [len(d.spurious) for d in s.docs] == [1, 1]


def test_intervals_bracket_the_estimate_and_are_reproducible() -> None:
    s1, s2 = summarize(_run(), resamples=300, seed=3), summarize(_run(), resamples=300, seed=3)
    assert s1.overall.ci_recall == s2.overall.ci_recall
    lo, hi = s1.overall.ci_recall or (2.0, -1.0)
    assert lo <= (s1.overall.recall or 0) <= hi
    assert lo < hi  # two units that disagree: the interval is not a point


def test_bootstrap_of_identical_units_has_no_spread() -> None:
    units = [{0: 1, 5: 1}] * 5  # every unit: one arithmetic TP, one scoring FN
    samples = bootstrap(units, 50, 0)
    assert set(samples["arithmetic"]["recall"]) == {1.0}
    assert set(samples["scoring"]["recall"]) == {0.0}
    assert set(samples["overall"]["recall"]) == {0.5}


def test_unscored_llm_labels_are_reported_apart() -> None:
    run = _run()
    doc = run.docs[0]
    doc.unscored = [lab for lab in doc.result.missed if lab.layer == "llm"]
    doc.result.missed = [lab for lab in doc.result.missed if lab.layer != "llm"]
    doc.llm_failed = ["甲"]
    s = summarize(run, resamples=10)
    assert s.llm_unscored_labels == 1 and s.llm_failed_tables == 1
    assert s.categories["explanation"].fn == 0


@pytest.mark.parametrize("resamples", [1, 20])
def test_summary_survives_tiny_resample_counts(resamples: int) -> None:
    assert summarize(_run(), resamples=resamples).overall.ci_f1 is not None
