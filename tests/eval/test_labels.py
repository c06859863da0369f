"""The label format, and the seed labels as the issue requires them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from eval.labels import Dataset, load_dataset
from reviewer.textnorm import fold


def test_seed_labels_are_enough_and_varied(seed_ds: Dataset) -> None:
    required = seed_ds.labels(required_only=True)
    assert len(required) >= 30
    assert len({lab.category for lab in required}) >= 5
    assert {lab.layer for lab in required} == {"rules", "llm"}
    assert all(lab.note.strip() for lab in required)


def test_seed_labels_record_how_they_were_made(seed_ds: Dataset) -> None:
    prov = seed_ds.provenance
    for key in ("made_by", "date", "process", "rules_document", "written_before_tool_output"):
        assert prov.get(key), key
    assert "scoring-rules.md" in prov["rules_document"]
    # every label added or withdrawn after tool output was seen is marked, dated, says why,
    # and is listed (itself or the label it replaces) among the amendments
    listed = {a["label"] for a in prov["amendments"]}
    amended = [lab for d in seed_ds.documents for lab in d.labels if lab.amended]
    assert {lab.id for lab in amended} == {"S024", "S024b", "S072", "S074", "S075"}
    for lab in amended:
        assert lab.amended is not None and lab.amended.date and lab.amended.why
        assert (lab.amended.replaces or lab.id) in listed, lab.id


def test_seed_labels_name_real_projects_and_indicators(
    seed_ds: Dataset, gold: dict[str, Any]
) -> None:
    rows = {(t["project"], fold(i["name"])) for t in gold["tables"] for i in t["indicators"]}
    projects = {t["project"] for t in gold["tables"]} | {""}
    for lab in seed_ds.labels():
        assert lab.project in projects, lab.id
        for name in [lab.indicator, *lab.indicator_alternatives]:
            if name is not None:
                assert (lab.project, fold(name)) in rows, (lab.id, name)


def test_seed_document_is_the_bundled_example(seed_ds: Dataset) -> None:
    (doc,) = seed_ds.documents
    path = seed_ds.resolve(doc.path)
    assert path.name == "000_064cf56e05d2d068.txt" and path.is_file()


def _write(tmp_path: Path, labels: list[dict[str, Any]]) -> Path:
    data = {
        "dataset": "t",
        "documents": [{"id": "d", "path": "d.txt", "labels": labels}],
    }
    path = tmp_path / "labels.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _label(i: str, **extra: Any) -> dict[str, Any]:
    base = {
        "id": i,
        "category": "scoring",
        "severity": "error",
        "layer": "rules",
        "note": "n",
        "codes": ["S1"],
    }
    return {**base, **extra}


def test_duplicate_label_ids_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="duplicate"):
        load_dataset(_write(tmp_path, [_label("a"), _label("a")]))


def test_alternatives_need_an_indicator(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        load_dataset(_write(tmp_path, [_label("a", indicator_alternatives=["x"])]))


def test_unknown_fields_and_categories_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        load_dataset(_write(tmp_path, [_label("a", categry="scoring")]))
    with pytest.raises(ValidationError):
        load_dataset(_write(tmp_path, [_label("a", category="arith")]))


def test_layers_are_counted_in_the_seed(seed_ds: Dataset) -> None:
    layers = Counter(lab.layer for lab in seed_ds.labels(required_only=True))
    assert layers["rules"] >= 20 and layers["llm"] >= 10


def test_a_label_must_say_what_counts_as_finding_it(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="codes or the cue"):
        load_dataset(_write(tmp_path, [_label("a", codes=[])]))
    assert load_dataset(_write(tmp_path, [_label("a", codes=[], cue="编制")])).labels()
    with pytest.raises(ValidationError, match="any_row"):
        load_dataset(_write(tmp_path, [_label("a", indicator="x", any_row=True)]))


def test_withdrawn_labels_stay_in_the_file_and_out_of_the_current_scoring(tmp_path: Path) -> None:
    old = {"date": "2026-12-02", "change": "withdrawn", "why": "misread"}
    new = {"date": "2026-12-02", "change": "added", "why": "corrected", "replaces": "a"}
    ds = load_dataset(_write(tmp_path, [_label("a", amended=old), _label("b", amended=new)]))
    assert [lab.id for lab in ds.labels()] == ["b"]
    assert [lab.id for lab in ds.labels(preregistered=True)] == ["a"]
    assert ds.amended
    with pytest.raises(ValueError, match="replaces a, not withdrawn"):
        load_dataset(_write(tmp_path, [_label("a"), _label("b", amended=new)]))


def test_the_seed_pre_registered_labels_are_those_first_committed(seed_ds: Dataset) -> None:
    pre = {lab.id for lab in seed_ds.labels(preregistered=True)}
    assert pre == {f"S{k:03d}" for k in range(1, 74)}  # S001–S073, as in commit dac6f09
    current = {lab.id for lab in seed_ds.labels()}
    assert current - pre == {"S024b", "S074", "S075"} and pre - current == {"S024", "S072"}
