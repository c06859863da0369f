"""Matching: project + category + normalised indicator, one to one, exact assignment."""

from __future__ import annotations

import itertools
import random

from eval.labels import Label
from eval.match import Prediction, hungarian_max, match
from reviewer.model import Category, Severity


def lab(i: str, indicator: str | None = None, **kw: object) -> Label:
    fields: dict[str, object] = {
        "id": i,
        "project": "业务培训",
        "category": Category.SCORING,
        "indicator": indicator,
        "severity": Severity.ERROR,
        "layer": "rules",
        "note": "n",
        "codes": ["S1"],
    }
    fields.update(kw)
    return Label.model_validate(fields)


def pred(indicator: str | None = None, code: str = "S102", **kw: object) -> Prediction:
    fields: dict[str, object] = {
        "code": code,
        "category": Category.SCORING,
        "severity": Severity.ERROR,
        "project": "业务培训",
        "indicator": indicator,
        "source": "rules",
        "message": "m",
    }
    fields.update(kw)
    return Prediction(**fields)  # type: ignore[arg-type]


def test_indicator_names_are_compared_after_normalisation() -> None:
    r = match([lab("a", "培训人数（人）")], [pred("培训 人数(人)")])
    assert [(x.id, p.indicator) for x, p in r.matched] == [("a", "培训 人数(人)")]


def test_project_category_and_indicator_must_all_agree() -> None:
    labels = [lab("a", "培训人数")]
    assert match(labels, [pred("培训人数", project="法律援助")]).missed == labels
    assert match(labels, [pred("培训人数", category=Category.EXPLANATION)]).missed == labels
    assert match(labels, [pred(None)]).missed == labels
    assert match([lab("b", None)], [pred("培训人数")]).missed[0].id == "b"
    assert match([lab("c", None)], [pred(None)]).matched[0][0].id == "c"


def test_one_to_one_counts_a_duplicate_prediction_as_spurious() -> None:
    r = match([lab("a", "培训人数")], [pred("培训人数"), pred("培训人数", code="S104")])
    assert len(r.matched) == 1 and len(r.spurious) == 1 and not r.missed


def test_the_assignment_is_maximal_where_greedy_would_not_be() -> None:
    # greedy in label order would give x to a, leaving b (which can only take x) unmatched
    labels = [lab("a", "x", indicator_alternatives=["y"]), lab("b", "x")]
    r = match(labels, [pred("x"), pred("y")])
    assert sorted((x.id, p.indicator) for x, p in r.matched) == [("a", "y"), ("b", "x")]


def test_optional_labels_absorb_without_counting_and_never_displace_required() -> None:
    labels = [lab("req", "x"), lab("opt", "x", optional=True)]
    r = match(labels, [pred("x")])
    assert [x.id for x, _ in r.matched] == ["req"] and not r.absorbed
    r = match(labels, [pred("x"), pred("x", code="S106")])
    assert [x.id for x, _ in r.absorbed] == ["opt"] and not r.spurious
    r = match([lab("opt", "x", optional=True)], [])
    assert not r.missed


def test_ties_prefer_the_expected_code_then_the_layer() -> None:
    labels = [
        lab("f", None, category=Category.CONSISTENCY, codes=["F104"]),
        lab("b", None, category=Category.CONSISTENCY, codes=["B105"]),
        lab("llm", None, category=Category.CONSISTENCY, layer="llm"),
    ]
    r = match(labels, [pred(None, code="B105", category=Category.CONSISTENCY)])
    assert [x.id for x, _ in r.matched] == ["b"]
    r = match(labels[2:] + labels[:1], [pred(None, code="N101", category=Category.CONSISTENCY)])
    assert [x.id for x, _ in r.matched] == ["f"]  # same layer (rules) before the llm label


def test_hungarian_matches_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(200):
        n, m = rng.randint(1, 4), rng.randint(1, 5)
        if n > m:
            n, m = m, n
        w = [[rng.choice((0, 0, 1, 5, 1000)) for _ in range(m)] for _ in range(n)]
        assign = hungarian_max(w)
        assert len(set(assign)) == n
        got = sum(w[i][j] for i, j in enumerate(assign))
        best = max(
            sum(w[i][j] for i, j in enumerate(cols)) for cols in itertools.permutations(range(m), n)
        )
        assert got == best
