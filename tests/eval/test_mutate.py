"""The injected-error dataset: reproducible, parseable, one injected problem per document,
and everything else in the table kept consistent."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
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


def test_size_and_coverage(injected_ds: Dataset) -> None:
    docs = injected_ds.documents
    assert len(docs) >= 300
    required = [lab for d in docs for lab in d.labels if not lab.optional]
    assert all(sum(not lab.optional for lab in d.labels) == 1 for d in docs)
    assert {lab.category.value for lab in required} == {
        "arithmetic",
        "scoring",
        "explanation",
        "consistency",
        "indicator",
        "structure",
    }
    kinds = Counter(d.mutation for d in docs)
    assert set(kinds) == set(MUTATIONS)
    assert all(n >= 5 for n in kinds.values()), kinds


def test_base_documents_reproduce_the_gold_parse(injected_dir: Path, gold: dict[str, Any]) -> None:
    for k, table in enumerate(gold["tables"]):
        report = parse_file(injected_dir / "docs" / f"base-{k:02d}.txt")
        assert report.leftovers == []
        got = report.model_dump(mode="json")["tables"]
        assert differences([table], got) == [], k


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
        elif kind != "total":
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
        assert row.full_year_budget and row.executed is not None and row.rate_pct is not None
        exact = row.executed / row.full_year_budget * 100
        if kind != "rate":
            assert row.rate_pct - 0.01 <= exact <= row.rate_pct + 1e-9, kind  # rounded up
        if kind != "execution-score":
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


def test_a_mutation_changes_the_table(injected_dir: Path, injected_ds: Dataset) -> None:
    bases = {k: (injected_dir / "docs" / f"base-{k:02d}.txt").read_text() for k in range(14)}
    for d in injected_ds.documents:
        assert d.base is not None
        text = injected_ds.resolve(d.path).read_text(encoding="utf-8")
        assert text != bases[int(d.base[-6:-4])], d.id


def test_render_of_a_base_table_is_what_the_generator_writes(injected_dir: Path) -> None:
    tables = mutate.base_tables()
    assert render_text([tables[3]]) == (injected_dir / "docs" / "base-03.txt").read_text()
