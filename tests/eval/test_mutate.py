"""The injected-error dataset: reproducible, parseable, one injected problem per document,
and everything else in the table kept consistent."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from random import Random
from typing import Any

import pytest

from eval import mutate
from eval.labels import Dataset, dataset_digest
from eval.mutations import MUTATIONS
from reviewer.api import parse_file
from reviewer.layout_text import render_text
from reviewer.model import EvaluationTable
from tests.goldcompare import differences


def test_regenerating_gives_the_pinned_dataset(injected_ds: Dataset, tmp_path: Path) -> None:
    spec = mutate.read_spec()
    assert dataset_digest(injected_ds) == spec["sha256"]
    again = mutate.generate(tmp_path, seed=int(spec["seed"]), count=int(spec["count"]))
    assert dataset_digest(again) == spec["sha256"]


def test_another_seed_gives_another_dataset(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    da, db = mutate.generate(a, seed=1, count=40), mutate.generate(b, seed=2, count=40)
    assert dataset_digest(da) != dataset_digest(db)


INSIDE = {"total-inside", "execution-inside", "lower-equal", "window-inside", "enumeration-agrees"}


def test_size_and_coverage(injected_ds: Dataset) -> None:
    docs = injected_ds.documents
    assert len(docs) >= 500
    required = [lab for d in docs for lab in d.labels if not lab.optional]
    for d in docs:  # an edge just inside carries no label; every other document one
        assert sum(not lab.optional for lab in d.labels) == (d.mutation not in INSIDE), d.id
    assert {lab.category.value for lab in required} == {
        "arithmetic",
        "scoring",
        "explanation",
        "consistency",
        "indicator",
        "structure",
    }
    kinds = Counter(d.mutation for d in docs)
    assert set(kinds) == set(MUTATIONS) and set(kinds) >= INSIDE
    assert all(n >= 5 for n in kinds.values()), kinds
    assert all(lab.codes for lab in required)


def test_documents_come_in_every_layout_with_their_base_in_the_same(injected_ds: Dataset) -> None:
    layouts = Counter(d.layout for d in injected_ds.documents)
    assert set(layouts) == set(mutate.LAYOUTS) and min(layouts.values()) >= 50, layouts
    for d in injected_ds.documents:
        assert d.base is not None and d.base.endswith(f"-{d.layout}.txt"), d.id


def test_the_edges_sit_on_either_side_of_each_threshold(injected_ds: Dataset) -> None:
    notes = {d.mutation: [lab.note for lab in d.labels] for d in injected_ds.documents}
    assert any("0.02" in n for n in notes["total-outside"])
    assert all("1.3" in n for n in notes["over-1.31"]) and all(
        lab.severity.value == "info"
        for d in injected_ds.documents
        if d.mutation == "over-1.29"
        for lab in d.labels
    )
    assert any("89.9%" in n for n in notes["execution-outside"])


def _edge_tables(kind: str, n: int = 40) -> list[EvaluationTable]:
    rng = Random(5)
    out = []
    for t in mutate.base_tables():
        for _ in range(n // 14 + 1):
            got = MUTATIONS[kind](t.model_copy(deep=True), rng)
            if got is not None:
                out.append(got.table)
    assert out, kind
    return out


def test_total_edges_are_0_01_and_0_02_from_the_sum_of_the_scores() -> None:
    for kind, off in (("total-inside", 0.01), ("total-outside", 0.02)):
        for t in _edge_tables(kind):
            parts = [i.score or 0 for i in t.indicators] + [t.funds.annual_total.score or 0]
            assert t.total_score is not None
            assert abs(t.total_score - sum(parts)) == pytest.approx(off, abs=1e-6), kind


def test_over_achievement_edges_straddle_1_3() -> None:
    bases = {t.project: t for t in mutate.base_tables()}
    for kind, lo, hi in (("over-1.29", 1.28, 1.3), ("over-1.31", 1.3, 1.32)):
        ratios = [
            (i.actual_value.number or 0) / (i.target_value.number or 1)
            for t in _edge_tables(kind)
            for i, b in zip(t.indicators, bases[t.project].indicators, strict=True)
            if i.actual != b.actual
        ]
        assert ratios and all(lo <= r < hi for r in ratios), (kind, ratios)


def test_execution_edges_straddle_90_percent() -> None:
    for kind, lo, hi in (("execution-outside", 89.89, 90.0), ("execution-inside", 90.0, 90.0)):
        for t in _edge_tables(kind):
            row = t.funds.annual_total
            assert row.executed is not None and row.full_year_budget
            exact = row.executed / row.full_year_budget * 100
            assert lo - 1e-9 <= exact <= hi + 1e-9 and (exact < 90) == (kind == "execution-outside")


def test_lower_equal_puts_the_actual_on_a_lower_is_better_target() -> None:
    for t in _edge_tables("lower-equal"):
        assert any(
            i.target.startswith("<=") and i.actual_value.number == i.target_value.number
            for i in t.indicators
        )


def test_base_documents_reproduce_the_gold_parse_in_every_layout(
    injected_dir: Path, gold: dict[str, Any]
) -> None:
    for layout in mutate.LAYOUTS:
        for k, table in enumerate(gold["tables"]):
            report = parse_file(injected_dir / "docs" / f"base-{k:02d}-{layout}.txt")
            assert report.leftovers == [], (layout, k)
            got = report.model_dump(mode="json")["tables"]
            assert differences([table], got) == [], (layout, k)


def _parsed(ds: Dataset) -> list[tuple[str, EvaluationTable]]:
    out = []
    for d in ds.documents:
        report = parse_file(ds.resolve(d.path))
        assert report.leftovers == [] and len(report.tables) == 1, d.id
        out.append((d.mutation, report.tables[0]))
    return out


@pytest.fixture(scope="module")
def parsed(injected_ds: Dataset) -> list[tuple[str, EvaluationTable]]:
    return _parsed(injected_ds)


def test_totals_follow_the_scores_unless_the_total_is_the_mutation(
    parsed: list[tuple[str, EvaluationTable]],
) -> None:
    for kind, t in parsed:
        claimed = sum(i.score or 0 for i in t.indicators) + (t.funds.annual_total.score or 0)
        if kind == "no-total-row":
            assert not t.total_printed
        elif kind not in ("total", "total-inside", "total-outside"):
            assert t.total_score == pytest.approx(claimed, abs=0.006), kind
        weights = sum(i.weight or 0 for i in t.indicators) + (t.funds.annual_total.weight or 0)
        if kind != "total-weight" and t.total_printed:
            assert t.total_weight == pytest.approx(weights), kind


def test_funds_stay_consistent_unless_they_are_the_mutation(
    parsed: list[tuple[str, EvaluationTable]],
) -> None:
    for kind, t in parsed:
        f = t.funds
        row = f.annual_total
        if kind == "budget-missing":
            assert (
                row.full_year_budget is None
                and f.current_year_appropriation.full_year_budget is None
            )
            continue
        assert row.full_year_budget and row.executed is not None and row.rate_pct is not None
        exact = row.executed / row.full_year_budget * 100
        if kind != "rate":
            assert row.rate_pct - 0.01 <= exact <= row.rate_pct + 1e-9, kind  # rounded up
        if kind == "executed-over-budget":
            assert exact > 100 and row.score == row.weight  # capped at the weight (B3)
        elif kind != "execution-score":
            assert row.score == pytest.approx(exact / 10, abs=0.011), kind  # ±0.01 (B3)
        if kind != "fund-rows":
            for col in ("initial_budget", "full_year_budget", "executed"):
                parts = sum(
                    getattr(getattr(f, p), col) or 0
                    for p in ("current_year_appropriation", "prior_year_carryover", "other")
                )
                assert getattr(row, col) == pytest.approx(parts), (kind, col)


def test_each_label_names_a_row_of_its_table(
    injected_ds: Dataset, parsed: list[tuple[str, EvaluationTable]]
) -> None:
    for d, (_, t) in zip(injected_ds.documents, parsed, strict=True):
        names = {i.name for i in t.indicators}
        for lab in d.labels:
            assert lab.project == t.project
            assert lab.indicator is None or lab.indicator in names, (d.id, lab.indicator)


def test_a_mutation_changes_the_table(injected_ds: Dataset) -> None:
    for d in injected_ds.documents:
        assert d.base is not None
        text = injected_ds.resolve(d.path).read_text(encoding="utf-8")
        assert text != injected_ds.resolve(d.base).read_text(encoding="utf-8"), d.id


def test_render_of_a_base_table_is_what_the_generator_writes(injected_dir: Path) -> None:
    tables = mutate.base_tables()
    assert render_text([tables[3]]) == (injected_dir / "docs" / "base-03-clean.txt").read_text()
