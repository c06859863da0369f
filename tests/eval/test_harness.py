"""The harness: backends, difference scoring, LLM failure accounting, and the acceptance
figures of the rules backend."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eval.backends import BackendUnavailable, LlmBackend, Output, make_backend
from eval.harness import run_dataset, subtract
from eval.labels import Dataset, Document, Label
from eval.match import Prediction
from eval.metrics import DatasetSummary, summarize
from reviewer.config import Config
from reviewer.errors import ReviewerError
from reviewer.llm.stage import LlmResult
from reviewer.model import (
    Category,
    Finding,
    LlmRun,
    Report,
    Severity,
    TableLlmStatus,
)
from tests.fake_stage import ScriptedStage


@pytest.fixture(scope="module")
def injected_summary(summaries: dict[str, DatasetSummary]) -> DatasetSummary:
    return summaries["injected"]


@pytest.fixture(scope="module")
def seed_summary(summaries: dict[str, DatasetSummary]) -> DatasetSummary:
    return summaries["seed"]


def test_rules_reach_the_acceptance_figures_on_injected_errors(
    injected_summary: DatasetSummary,
) -> None:
    for category in ("arithmetic", "scoring"):
        s = injected_summary.categories[category]
        assert s.tp >= 50, category
        assert (s.recall or 0) >= 0.95 and (s.precision or 0) >= 0.95, (category, s)


def test_every_category_has_figures_on_injected_errors(injected_summary: DatasetSummary) -> None:
    for category, s in injected_summary.categories.items():
        assert s.tp + s.fn > 0 and s.recall is not None, category
    assert injected_summary.errors == 0


def test_rules_find_most_rules_layer_seed_labels_and_few_llm_ones(
    seed_summary: DatasetSummary,
) -> None:
    rules, llm = seed_summary.layers["rules"], seed_summary.layers["llm"]
    assert rules.labels >= 20 and rules.found >= 0.8 * rules.labels
    # The narrative cross-checks (N102–N106) find some of what the labeller expected only an
    # LLM to find (counted enumerations, plan language), never most of it.
    assert llm.found < 0.5 * llm.labels


def test_subtract_is_a_multiset_difference() -> None:
    a = Prediction("S102", Category.SCORING, Severity.ERROR, "甲", "x", "rules", "m")
    b = Prediction("S104", Category.SCORING, Severity.ERROR, "甲", "x", "rules", "m")
    left, removed = subtract([a, a, b], [a])
    assert left == [a, b] and removed == 1


class FakeBackend:
    """Findings by file name; optionally an LLM run with a failed table."""

    name = "fake"

    def __init__(self, by_name: dict[str, list[Finding]], llm: LlmRun | None = None) -> None:
        self.by_name, self.llm = by_name, llm

    def review(self, path: Path) -> Output:
        if path.name == "broken.txt":
            raise ReviewerError("未在 broken.txt 中找到财政项目支出绩效自评表")
        if path.name == "defect.txt":
            raise KeyError("a parser defect")
        return Output(self.by_name.get(path.name, []), self.llm)


def _finding(code: str, category: Category, project: str = "甲", ind: str | None = None) -> Finding:
    return Finding(
        code=code,
        category=category,
        severity=Severity.ERROR,
        project=project,
        indicator=ind,
        message="m",
    )


def _label(i: str, category: Category, layer: str = "rules", ind: str | None = None) -> Label:
    return Label.model_validate(
        {
            "id": i,
            "project": "甲",
            "category": category,
            "indicator": ind,
            "severity": "error",
            "layer": layer,
            "note": "n",
            "codes": ["S1", "N1", "E1", "X"],
        }
    )


def test_difference_scoring_ignores_what_the_base_already_had(tmp_path: Path) -> None:
    old = _finding("N101", Category.CONSISTENCY)
    new = _finding("S102", Category.SCORING, ind="x")
    extra = _finding("S109", Category.CONSISTENCY, ind="y")
    backend = FakeBackend({"doc.txt": [old, new, extra], "base.txt": [old]})
    ds = Dataset(
        dataset="t",
        scoring="difference",
        documents=[
            Document(
                id="d",
                path="doc.txt",
                base="base.txt",
                labels=[_label("l", Category.SCORING, ind="x")],
            )
        ],
    )
    ds._root = tmp_path
    run = run_dataset(ds, backend)
    r = run.docs[0]
    assert [p.code for p in r.predictions["tool"]] == ["S102", "S109"]
    assert r.excluded == 1
    s = summarize(run)
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (1, 1, 0)
    assert [x.key for x in s.docs[0].spurious] == ["S109|甲|y"]
    # the nonsense tool is made from the same findings, and differenced the same way
    assert len(r.predictions["nonsense"]) == 2


def test_a_document_that_cannot_be_read_counts_all_its_labels_missed(tmp_path: Path) -> None:
    labels = [_label("a", Category.SCORING), _label("b", Category.CONSISTENCY)]
    docs = [
        Document(id="broken", path="broken.txt", labels=labels),
        Document(id="defect", path="defect.txt", labels=[_label("c", Category.SCORING)]),
        Document(id="ok", path="ok.txt", labels=[_label("d", Category.SCORING)]),
    ]
    ds = Dataset(dataset="t", documents=docs)
    ds._root = tmp_path
    backend = FakeBackend({"ok.txt": [_finding("S102", Category.SCORING)]})
    s = summarize(run_dataset(ds, backend))
    assert s.errors == 2 and (s.overall.tp, s.overall.fn) == (1, 3)
    errors = {d.id: d.error for d in s.docs}
    assert errors["broken"] is not None and "找到" in errors["broken"]
    assert errors["defect"] is not None and "KeyError" in errors["defect"]


def test_llm_failures_are_counted_apart_from_wrong_answers(tmp_path: Path) -> None:
    llm = LlmRun(
        enabled=True,
        tables=[
            TableLlmStatus(table_index=0, project="甲", status="failed", error="timeout"),
            TableLlmStatus(table_index=1, project="乙", status="ok", findings_dropped=2),
        ],
    )
    backend = FakeBackend({"doc.txt": []}, llm)
    labels = [_label("rules", Category.SCORING), _label("llm", Category.CONSISTENCY, "llm")]
    ds = Dataset(dataset="t", documents=[Document(id="d", path="doc.txt", labels=labels)])
    ds._root = tmp_path
    s = summarize(run_dataset(ds, backend))
    assert s.llm_failed_tables == 1 and s.llm_invalid_outputs == 2
    assert s.llm_unscored_labels == 1
    assert s.categories["scoring"].fn == 1 and s.categories["consistency"].fn == 0


def test_llm_backends_say_in_one_line_when_they_cannot_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(BackendUnavailable) as info:  # no key configured
        make_backend("llm", Config(), tmp_path)
    assert "OPENAI_API_KEY" in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(BackendUnavailable) as info:  # no cassette recorded
        make_backend("replay", Config(), tmp_path / "none")
    assert "回放" in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(BackendUnavailable):
        make_backend("nope", Config(), tmp_path)


class _FakeStage(ScriptedStage):
    """An enabled stage that answers without a model: one finding on the training table."""

    def run(
        self,
        report: Report,
        rule_findings: list[Finding],
        progress: Callable[[int], None] | None = None,
    ) -> LlmResult:
        extra = Finding(
            code="L105",
            category=Category.CONSISTENCY,
            severity=Severity.WARNING,
            source="llm",
            project="业务培训",
            message="八类人员只列七类",
        )
        status = [
            TableLlmStatus(table_index=i, project=t.project, status="ok")
            for i, t in enumerate(report.tables)
        ]
        return LlmResult([extra], LlmRun(enabled=True, tables=status))


def test_llm_backend_adds_the_llm_findings_to_the_rules(seed_ds: Dataset) -> None:
    backend = LlmBackend(Config(), "replay", Path("unused"), stage=_FakeStage())
    s = summarize(run_dataset(seed_ds, backend))
    assert s.backend == "replay"
    assert s.layers["llm"].found >= 1
