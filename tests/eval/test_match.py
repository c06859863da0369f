"""Matching: place (project, row) and content (codes or cue), one to one, exact assignment."""

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
        "codes": ["S102"],
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


def test_project_and_row_must_agree() -> None:
    labels = [lab("a", "培训人数")]
    assert match(labels, [pred("培训人数", project="法律援助")]).missed == labels
    assert match(labels, [pred(None)]).missed == labels
    assert match([lab("b", None)], [pred("培训人数")]).missed[0].id == "b"
    assert match([lab("c", None)], [pred(None)]).matched[0][0].id == "c"


def test_a_finding_on_the_right_row_about_something_else_is_a_miss_and_a_false_positive() -> None:
    r = match([lab("a", "培训人数", codes=["S102"])], [pred("培训人数", code="S104")])
    assert [x.id for x in r.missed] == ["a"]
    assert [p.code for p in r.spurious] == ["S104"]


def test_codes_may_be_families_and_a_cue_may_stand_for_them() -> None:
    assert match([lab("a", "x", codes=["S1"])], [pred("x", code="S104")]).matched
    assert not match([lab("a", "x", codes=["S1"])], [pred("x", code="E101")]).matched
    cue = lab("c", None, codes=[], cue="编制")
    assert match([cue], [pred(None, code="L105", message="实有人数超过编制数")]).matched
    assert not match([cue], [pred(None, code="L105", message="叙述自相矛盾")]).matched


def test_the_category_is_not_compared_when_the_content_agrees() -> None:
    label = lab("a", None, category=Category.ARITHMETIC, codes=["B103"])
    r = match([label], [pred(None, code="B103", category=Category.SCORING)])
    assert [x.id for x, _ in r.matched] == ["a"]


def test_place_only_matching_is_blind_to_content_and_compares_categories() -> None:
    label = lab("a", "x", codes=["S102"])
    nonsense = pred("x", code="Z999", message="胡言乱语")
    assert match([label], [nonsense], content=False).matched
    assert not match([label], [nonsense]).matched
    assert not match([label], [pred("x", category=Category.EXPLANATION)], content=False).matched


def test_projects_fold_and_may_carry_a_printed_code() -> None:
    label = lab("a", None, project="工资性支出", codes=["W102"])
    p = pred(None, code="W102", project="51000021R000000019951-工资性支出")
    assert match([label], [p]).matched
    assert not match([lab("b", None, project="培训", codes=["W102"])], [p]).matched  # too short


def test_a_label_without_project_matches_any_table_and_alternatives_allow_the_report() -> None:
    anywhere = lab("a", None, project=None, codes=["F104"])
    assert match([anywhere], [pred(None, code="F104", project="任何一张表")]).matched
    wide = lab("r", None, project="甲", project_alternatives=[""], codes=["B102"])
    assert match([wide], [pred(None, code="B102", project="")]).matched
    assert not match(
        [lab("s", None, project="甲", codes=["B102"])], [pred(None, code="B102", project="")]
    ).matched


def test_an_any_row_label_takes_findings_on_its_rows_and_absorbs_the_rest() -> None:
    label = lab("a", None, any_row=True, codes=["E101"])
    preds = [pred(f"行{k}", code="E101") for k in range(3)] + [pred("行9", code="S102")]
    r = match([label], preds)
    assert [x.id for x, _ in r.matched] == ["a"]
    assert len(r.absorbed) == 2 and [p.code for p in r.spurious] == ["S102"]


def test_a_named_row_label_is_preferred_over_an_any_row_one() -> None:
    labels = [lab("wide", None, any_row=True, codes=["E1"]), lab("row", "x", codes=["E101"])]
    r = match(labels, [pred("x", code="E101")])
    assert [x.id for x, _ in r.matched] == ["row"] and [x.id for x in r.missed] == ["wide"]


def test_one_to_one_counts_a_duplicate_prediction_as_spurious() -> None:
    r = match(
        [lab("a", "培训人数", codes=["S1"])], [pred("培训人数"), pred("培训人数", code="S104")]
    )
    assert len(r.matched) == 1 and len(r.spurious) == 1 and not r.missed


def test_the_assignment_is_maximal_where_greedy_would_not_be() -> None:
    # greedy in label order would give x to a, leaving b (which can only take x) unmatched
    labels = [lab("a", "x", indicator_alternatives=["y"]), lab("b", "x")]
    r = match(labels, [pred("x"), pred("y")])
    assert sorted((x.id, p.indicator) for x, p in r.matched) == [("a", "y"), ("b", "x")]


def test_optional_labels_absorb_without_counting_and_never_displace_required() -> None:
    labels = [lab("req", "x", codes=["S1"]), lab("opt", "x", optional=True, codes=["S1"])]
    r = match(labels, [pred("x")])
    assert [x.id for x, _ in r.matched] == ["req"] and not r.absorbed
    r = match(labels, [pred("x"), pred("x", code="S106")])
    assert [x.id for x, _ in r.absorbed] == ["opt"] and not r.spurious
    r = match([lab("opt", "x", optional=True)], [])
    assert not r.missed


def test_ties_prefer_the_exact_code() -> None:
    labels = [
        lab("family", None, category=Category.CONSISTENCY, codes=["B1"]),
        lab("exact", None, category=Category.CONSISTENCY, codes=["B105"]),
    ]
    r = match(labels, [pred(None, code="B105", category=Category.CONSISTENCY)])
    assert [x.id for x, _ in r.matched] == ["exact"]


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


def test_matching_by_groups_equals_one_assignment_over_everything() -> None:
    rng = random.Random(11)
    rows = ["x", "y", "z", None]
    for _ in range(100):
        labels = [
            lab(f"l{k}", rng.choice(rows), codes=[rng.choice(["S1", "S102", "E1"])])
            for k in range(rng.randint(1, 5))
        ]
        preds = [
            pred(rng.choice(rows), code=rng.choice(["S102", "S104", "E101"]))
            for _ in range(rng.randint(0, 6))
        ]
        r = match(labels, preds)
        # brute force: the most labels that can be matched one to one
        best = 0
        for k in range(len(labels), 0, -1):
            if any(
                all(_ok(labels[i], preds[j]) for i, j in zip(ls, ps, strict=True))
                for ls in itertools.combinations(range(len(labels)), k)
                for ps in itertools.permutations(range(len(preds)), k)
            ):
                best = k
                break
        assert len(r.matched) == best


def _ok(label: Label, p: Prediction) -> bool:
    return bool(match([label], [p]).matched)
