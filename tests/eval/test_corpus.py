"""The held-out dataset: the corpus's independent gold, converted without tuning, frozen, and
scored as published and as the tab renderings; unreadable files are reported, never fatal."""

from __future__ import annotations

import json
import re
from pathlib import Path

from eval.cli import CORPUS_LABELS, frozen_problem
from eval.corpus_gold import MAPPING, convert
from eval.labels import Amendment, Dataset, preregistered_digest
from eval.metrics import DatasetSummary

FOLDER = CORPUS_LABELS.parent


def _gold(ds: Dataset, doc_id: str) -> dict:  # type: ignore[type-arg]
    (doc,) = [d for d in ds.documents if d.id == doc_id]
    assert doc.gold is not None
    data: dict = json.loads(ds.resolve(doc.gold).read_text(encoding="utf-8"))  # type: ignore[type-arg]
    return data


def test_one_label_per_gold_problem_in_the_labeller_s_words(corpus_ds: Dataset) -> None:
    assert corpus_ds.role == "held-out" and len(corpus_ds.documents) == 19
    assert len(corpus_ds.labels(preregistered=True)) == 97
    for doc in corpus_ds.documents:
        gold = _gold(corpus_ds, doc.id)
        pre = doc.scored_labels(preregistered=True)
        assert len(pre) == len(gold["problems"]), doc.id
        for lab, problem in zip(pre, gold["problems"], strict=True):
            assert lab.note == problem["what"] and lab.evidence == problem["evidence"]
            assert (lab.category.value, lab.severity.value) == (
                problem["category"],
                problem["severity"],
            )
            assert lab.indicator == problem["indicator"]
            assert lab.project == gold["tables"][problem["table"]]["project"]
            text = corpus_ds.resolve(doc.path).read_text(encoding="utf-8")
            assert all(q in text for q in lab.evidence), lab.id


def test_labels_are_what_the_converter_makes_from_the_gold(
    corpus_ds: Dataset, tmp_path: Path
) -> None:
    """Not hand-tuned: converting the committed gold again gives the pre-registered labels."""
    again = convert(FOLDER, tmp_path, "2026-12-02")
    for a, b in zip(again.documents, corpus_ds.documents, strict=True):
        assert a.id == b.id and a.path == b.path and a.renderings == b.renderings
        assert a.labels == [
            lab.model_copy(update={"amended": None}) for lab in b.scored_labels(preregistered=True)
        ]


def test_each_label_names_the_mapping_rule_that_made_it(corpus_ds: Dataset) -> None:
    rules = {r.id: r for r in MAPPING}
    for lab in corpus_ds.labels(preregistered=True):
        found = re.search(r"mapping (M\d\d)$", lab.origin)
        assert found, lab.id
        rule = rules[found.group(1)]
        assert lab.codes == list(rule.codes) and lab.cue == rule.cue, lab.id
        assert lab.codes or lab.cue


def test_the_readme_prints_the_mapping_rules() -> None:
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    for r in MAPPING:
        row = next((line for line in readme.splitlines() if line.startswith(f"| {r.id} |")), "")
        assert row, r.id
        for code in r.codes:
            assert code in row, (r.id, code)
        if r.cue:
            assert r.cue in row


def test_the_pre_registered_labels_are_frozen(corpus_ds: Dataset, seed_ds: Dataset) -> None:
    for ds in (corpus_ds, seed_ds):
        pin = json.loads((ds.root / "frozen.json").read_text(encoding="utf-8"))
        assert pin["labels_sha256"] == preregistered_digest(ds)
        assert frozen_problem(ds) is None


def test_an_edit_in_place_breaks_the_pin_and_a_marked_amendment_does_not(
    corpus_ds: Dataset,
) -> None:
    edited = corpus_ds.model_copy(deep=True)
    edited._root = corpus_ds.root
    edited.documents[0].labels[0].codes = ["S1"]
    assert frozen_problem(edited) is not None
    amended = corpus_ds.model_copy(deep=True)
    amended._root = corpus_ds.root
    labels = amended.documents[0].labels
    change = Amendment(date="2026-12-02", change="withdrawn", why="misread")
    labels[0] = labels[0].model_copy(update={"amended": change})
    added = Amendment(date="2026-12-02", change="added", why="corrected", replaces=labels[0].id)
    labels.append(labels[0].model_copy(update={"id": "new", "codes": ["S1"], "amended": added}))
    assert frozen_problem(amended) is None


def test_both_renderings_are_scored_with_the_same_labels(corpus_ds: Dataset) -> None:
    tsv = corpus_ds.rendering("tsv")
    assert tsv.dataset == "corpus-tsv" and len(tsv.documents) == 13
    for d in tsv.documents:
        assert d.path.startswith("tsv/") and tsv.resolve(d.path).is_file()
        (orig,) = [o for o in corpus_ds.documents if o.id == d.id]
        assert d.labels == orig.labels


def test_an_unreadable_file_is_reported_and_all_its_labels_missed(
    summaries: dict[str, DatasetSummary], corpus_ds: Dataset
) -> None:
    s = summaries["corpus"]
    labels = {d.id: len(d.scored_labels()) for d in corpus_ds.documents}
    parse = {p.doc: p for p in s.parse}
    assert len(s.parse) == 19 and len(summaries["corpus-tsv"].parse) == 13
    for d in s.docs:
        if d.error is not None:
            assert d.matched == 0 and len(d.missed) == labels[d.id], d.id
            assert parse[d.id].error is not None and parse[d.id].rows_found == 0
    assert s.errors == sum(d.error is not None for d in s.docs)


def test_the_parse_table_counts_tables_and_rows_against_the_gold(
    summaries: dict[str, DatasetSummary],
) -> None:
    for name in ("corpus", "corpus-tsv"):
        for p in summaries[name].parse:
            assert 0 <= p.rows_right <= p.rows_found <= p.gold_rows, (name, p)
            assert 0 <= p.tables_found <= min(p.gold_tables, p.tables_parsed), (name, p)
    tsv = {p.doc: p for p in summaries["corpus-tsv"].parse}
    assert sum(p.rows_found for p in tsv.values()) > 0
