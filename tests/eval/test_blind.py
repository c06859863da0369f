"""The content-blind tools, and the acceptance of issue 15: on every dataset they score clearly
below the real tool, which a place-only matching rule could not tell apart from them."""

from __future__ import annotations

from eval.blind import DUMB_MESSAGE, NONSENSE_CODE, dumb, nonsense
from eval.match import Prediction
from eval.metrics import DatasetSummary
from reviewer.api import parse_file
from reviewer.model import Category, Severity
from tests.conftest import SEED


def test_the_dumb_tool_points_at_every_deducted_or_differing_row_in_every_category() -> None:
    report = parse_file(SEED)
    preds = dumb(report)
    assert {p.message for p in preds} == {DUMB_MESSAGE}
    rows = {(p.project, p.indicator) for p in preds}
    for t in report.tables:
        for ind in t.indicators:
            lost = ind.score is not None and ind.weight is not None and ind.score < ind.weight
            if lost:
                assert (t.project, ind.name) in rows, ind.name
        budget = t.funds.annual_total
        assert ((t.project, None) in rows) == (
            budget.score is not None and budget.weight is not None and budget.score < budget.weight
        )
    by_row: dict[tuple[str, str | None], set[Category]] = {}
    for p in preds:
        by_row.setdefault((p.project, p.indicator), set()).add(p.category)
    assert all(cats == set(Category) for cats in by_row.values())
    assert dumb(None) == []


def test_the_nonsense_tool_keeps_the_places_and_loses_the_content() -> None:
    p = Prediction("S102", Category.SCORING, Severity.ERROR, "甲", "x", "rules", "未达成却得满分")
    (q,) = nonsense([p])
    assert (q.project, q.indicator, q.category, q.severity) == ("甲", "x", p.category, p.severity)
    assert q.code == NONSENSE_CODE and q.message != p.message


def test_blind_tools_score_clearly_below_the_real_tool_on_every_dataset(
    summaries: dict[str, DatasetSummary],
) -> None:
    assert {"corpus", "corpus-tsv", "seed", "injected"} <= set(summaries)
    for name, s in summaries.items():
        tool = s.overall.f1 or 0.0
        assert s.overall.tp > 0 and tool > 0, name
        for blind in ("dumb", "nonsense"):
            assert (s.blind[blind].f1 or 0.0) <= 0.5 * tool, (name, blind, s.blind[blind])
            assert s.blind[blind].tp <= 0.5 * s.overall.tp, (name, blind)


def test_a_place_only_rule_could_not_tell_the_dumb_tool_from_the_real_one(
    summaries: dict[str, DatasetSummary],
) -> None:
    # the reason the matching looks at content: by place alone, pointing at every deducted
    # row finds about as much of the seed as the rules do
    seed = summaries["seed"].blind
    assert (seed["dumb-place-only"].recall or 0) >= 0.9 * (seed["tool-place-only"].recall or 1)
