"""Counting, ratios and Wilson intervals, on small runs whose answers are known."""

from __future__ import annotations

import pytest

from eval.harness import DatasetRun, DocResult
from eval.labels import Amendment, Label
from eval.match import Prediction
from eval.metrics import ratios, summarize, wilson
from reviewer.model import Category, Severity


def _lab(
    i: str,
    category: Category,
    project: str = "甲",
    layer: str = "rules",
    severity: str = "error",
    amended: Amendment | None = None,
) -> Label:
    return Label.model_validate(
        {
            "id": i,
            "project": project,
            "category": category,
            "severity": severity,
            "layer": layer,
            "note": "n",
            "codes": ["X1"],
            "amended": amended,
        }
    )


def _pred(
    category: Category, project: str = "甲", code: str = "X1", severity: Severity = Severity.ERROR
) -> Prediction:
    return Prediction(code, category, severity, project, None, "rules", "m")


def _doc(doc_id: str, labels: list[Label], preds: list[Prediction]) -> DocResult:
    variants = {"tool": preds, "dumb": [], "nonsense": []}
    current = [lab for lab in labels if not lab.withdrawn]
    pre = [lab for lab in labels if not lab.added]
    return DocResult(doc_id, f"{doc_id}.txt", "", variants, current, pre)


def test_ratios() -> None:
    assert ratios(3, 1, 1) == (0.75, 0.75, 0.75)
    assert ratios(0, 0, 2) == (None, 0.0, None)
    assert ratios(0, 2, 0) == (0.0, None, None)
    assert ratios(0, 1, 1) == (0.0, 0.0, 0.0)


def test_wilson_intervals_do_not_collapse_at_zero_or_one_hundred_percent() -> None:
    assert wilson(5, 10) == pytest.approx((0.2366, 0.7634), abs=1e-4)
    lo, hi = wilson(10, 10) or (0.0, 0.0)
    assert hi == 1.0 and lo == pytest.approx(0.7225, abs=1e-4)
    lo, hi = wilson(0, 10) or (1.0, 1.0)
    assert lo == 0.0 and hi == pytest.approx(0.2775, abs=1e-4)
    assert wilson(0, 0) is None
    # more evidence, a narrower interval
    a, b = wilson(40, 40) or (0.0, 0.0), wilson(4, 4) or (0.0, 0.0)
    assert a[0] > b[0]


def _run() -> DatasetRun:
    a, s, e = Category.ARITHMETIC, Category.SCORING, Category.EXPLANATION
    labels1 = [_lab("1", a), _lab("2", s, severity="warning"), _lab("3", e, layer="llm")]
    preds1 = [_pred(a), _pred(s, code="S1"), _pred(s)]  # S1: content does not agree
    doc1 = _doc("d1", labels1, preds1)
    doc2 = _doc("d2", [_lab("4", s, project="乙")], [_pred(e, project="乙", code="E9")])
    return DatasetRun("t", "absolute", "rules", [doc1, doc2])


def test_summary_counts_per_category_and_overall() -> None:
    s = summarize(_run())
    c = s.categories
    # d1: labels 1 and 2 found (by X1), 3 missed, the S1 finding spurious; d2: 4 missed, E9 spurious
    assert (c["arithmetic"].tp, c["arithmetic"].fp, c["arithmetic"].fn) == (1, 0, 0)
    assert (c["scoring"].tp, c["scoring"].fp, c["scoring"].fn) == (1, 1, 1)
    assert (c["explanation"].tp, c["explanation"].fp, c["explanation"].fn) == (0, 1, 1)
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (2, 2, 2)
    assert s.overall.precision == 0.5 and s.overall.recall == 0.5
    assert s.overall.ci_recall == wilson(2, 4)
    assert s.layers["rules"].labels == 3 and s.layers["rules"].found == 2
    assert s.layers["llm"].labels == 1 and s.layers["llm"].found == 0
    assert [len(d.missed) for d in s.docs] == [1, 1] and [len(d.spurious) for d in s.docs] == [1, 1]


def test_severity_agreement_is_scored_apart_from_finding() -> None:
    s = summarize(_run())
    # label 2 (warning) was found by an error-level finding: found, severity not the same
    assert s.severity["warning"].found == 1 and s.severity["warning"].same == 0
    assert s.severity["error"].labels == 3 and s.severity["error"].same == 1
    assert s.severity_agreement == 0.5
    (d1, _) = s.docs
    assert [(m.label, m.expected, m.found) for m in d1.severity] == [("2", "warning", "error")]


def test_unscored_llm_labels_are_reported_apart() -> None:
    run = _run()
    doc = run.docs[0]
    doc.unscored = [lab for lab in doc.labels if lab.layer == "llm"]
    doc.labels = [lab for lab in doc.labels if lab.layer != "llm"]
    doc.llm_failed = ["甲"]
    s = summarize(run)
    assert s.llm_unscored_labels == 1 and s.llm_failed_tables == 1
    assert s.categories["explanation"].fn == 0


def test_pre_registered_figures_leave_added_labels_out_and_put_withdrawn_ones_back() -> None:
    added = Amendment(date="2026-12-02", change="added", why="overlooked")
    withdrawn = Amendment(date="2026-12-02", change="withdrawn", why="misread")
    labels = [_lab("kept", Category.SCORING), _lab("new", Category.ARITHMETIC, amended=added)]
    labels.append(_lab("old", Category.EXPLANATION, amended=withdrawn))
    run = DatasetRun("t", "absolute", "rules", [_doc("d", labels, [_pred(Category.SCORING)])])
    current, pre = summarize(run), summarize(run, preregistered=True)
    assert current.labels_scored == "current" and pre.labels_scored == "pre-registered"
    assert (current.overall.tp, current.overall.fn) == (1, 1)  # kept found, new missed
    assert current.categories["explanation"].fn == 0
    assert (pre.overall.tp, pre.overall.fn) == (1, 1)  # kept found, old missed
    assert pre.categories["arithmetic"].fn == 0 and pre.categories["explanation"].fn == 1


def test_blind_tools_are_scored_on_the_same_labels() -> None:
    run = _run()
    run.docs[0].predictions["nonsense"] = [_pred(Category.ARITHMETIC, code="Z999")]
    run.docs[0].predictions["dumb"] = [_pred(Category.ARITHMETIC, code="X000")]
    s = summarize(run)
    assert (s.blind["nonsense"].tp, s.blind["nonsense"].fp, s.blind["nonsense"].fn) == (0, 1, 4)
    assert s.blind["dumb"].tp == 0
    # the place-only rule counts the dumb finding as finding the arithmetic label
    assert s.blind["dumb-place-only"].tp == 1
