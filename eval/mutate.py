"""Injected errors: one known mutation per document, made from the gold parse of the seed.

Each mutated document holds one table (the mutated seed table), rendered in one of the text
layouts documents arrive in (``LAYOUTS``, taken in turn): the tool's clean tab layout, the
seed's page-broken layout, pipes, one cell per line; next to it lies the unmutated table (its
*base*), rendered in the same layout. The mutations (``eval/mutations/``) keep everything else consistent, so that exactly
one problem is injected; the harness scores only findings the review does not also report on
the base (``scoring: difference``).

Generation is seeded (``random.Random(seed)``) and deterministic: the same seed and count give
byte-identical files; ``eval/datasets/injected/spec.json`` pins their digest.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from random import Random

from eval.labels import Dataset, Document, Label, dump_dataset, layer_of
from eval.mutations import MUTATIONS, Want, direction, grade_of, reset_decks
from reviewer.layout_text import render_text, table_lines
from reviewer.model import Category, EvaluationTable, Severity
from reviewer.parse.values import parse_value
from tests.fixtures.generate.make_text import cell_per_line_text, paged_text, pipe_text

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "fixtures" / "000_064cf56e05d2d068.parse.json"
SPEC = REPO / "eval" / "datasets" / "injected" / "spec.json"
# The layouts a mutated document (and its base) is rendered in, in turn.
LAYOUTS: dict[str, Callable[[list[EvaluationTable]], str]] = {
    "clean": render_text,
    "paged": paged_text,
    "pipes": pipe_text,
    "lines": cell_per_line_text,
}
# Layouts that drop empty cells, as copying from a web page does: a cell the mutation empties
# (or fills) moves every cell after it, which no reader can undo. Such a document is rendered
# in the page-broken layout instead, which keeps every cell in its column.
LOSSY = {"pipes", "lines"}


def base_tables(gold: Path = GOLD) -> list[EvaluationTable]:
    """The seed's tables from the gold parse, with values parsed and the 总分 row printed."""
    data = json.loads(gold.read_text(encoding="utf-8"))
    tables = [EvaluationTable.model_validate(t) for t in data["tables"]]
    for t in tables:
        t.total_printed = t.total_score is not None  # the seed prints every 总分 row
        for ind in t.indicators:
            ind.target_value = parse_value(ind.target)
            ind.actual_value = parse_value(ind.actual)
    return tables


def recomputed_total(t: EvaluationTable) -> float:
    """The total by the scoring rules (proportional, linear lower-is-better), independent of
    the reviewer's checks; used only to see whether a mutation moves the grade band."""
    total = 0.0
    for ind in t.indicators:
        w, s = ind.weight or 0.0, ind.score or 0.0
        tv, av = ind.target_value, ind.actual_value
        d = direction(tv)
        if d != "other" and av.number is not None and tv.number:
            a, tn = av.number, tv.number
            if d == "higher":
                total += w if a >= tn else round(w * a / tn, 2)
            else:
                total += w if a <= tn else max(0.0, round(w * (1 - (a - tn) / tn), 2))
        else:
            total += min(max(s, 0.0), w)
    row = t.funds.annual_total
    if row.full_year_budget and row.executed is not None and row.weight:
        total += min(row.executed / row.full_year_budget * row.weight, row.weight)
    return round(total, 2)


def _knock_ons(base: EvaluationTable, new: EvaluationTable) -> list[Want]:
    """Findings a reviewer may also report as a consequence, when the base did not have them."""

    def drop(t: EvaluationTable) -> bool:
        if t.total_score is None:
            return False
        r = recomputed_total(t)
        return r < t.total_score and grade_of(r) != grade_of(t.total_score)

    out = []
    if drop(new) and not drop(base):
        note = "（连带）复算总分落入更低等级，可提示等级可能被高估。"
        out.append(Want(Category.SCORING, Severity.WARNING, note, codes=["T104"], optional=True))
    over = new.total_score is not None and new.total_score > 100
    if over and not (base.total_score is not None and base.total_score > 100):
        note = "（连带）总分超过100分。"
        out.append(Want(Category.SCORING, Severity.ERROR, note, codes=["T102"], optional=True))
    return out


def _labels(doc_id: str, project: str, wants: list[Want]) -> list[Label]:
    return [
        Label(
            id=f"{doc_id}/{n}",
            project=project,
            category=w.category,
            indicator=w.indicator,
            indicator_alternatives=w.alternatives,
            severity=w.severity,
            layer=layer_of(w.codes),
            note=w.note,
            optional=w.optional,
            codes=w.codes,
        )
        for n, w in enumerate(wants, 1)
    ]


def _blanks(t: EvaluationTable) -> list[tuple[int, ...]]:
    """Where the empty cells are, line by line, in the published layout."""
    return [
        tuple(i for i, c in enumerate(line.split("\t")) if not c.strip()) for line in table_lines(t)
    ]


def _base(k: int, layout: str) -> str:
    return f"docs/base-{k:02d}-{layout}.txt"


def generate(out: Path, *, seed: int, count: int, gold: Path = GOLD) -> Dataset:
    """Write ``count`` mutated documents, the 14 base documents in each layout and
    ``labels.json`` to ``out``."""
    bases = base_tables(gold)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    for k, table in enumerate(bases):
        for layout, render in LAYOUTS.items():
            (out / _base(k, layout)).write_text(render([table]), encoding="utf-8")
    rng = Random(seed)
    reset_decks()
    kinds = sorted(MUTATIONS)
    layouts = list(LAYOUTS)
    seen: set[str] = set()
    documents: list[Document] = []
    step = 0
    while len(documents) < count and step < count * 10:
        kind = kinds[step % len(kinds)]
        step += 1
        order = list(range(len(bases)))
        rng.shuffle(order)
        for k in order:
            injected = MUTATIONS[kind](bases[k].model_copy(deep=True), rng)
            if injected is None:
                continue
            clean = render_text([injected.table])
            if clean in seen:
                continue
            seen.add(clean)
            layout = layouts[len(documents) % len(layouts)]
            if layout in LOSSY and _blanks(injected.table) != _blanks(bases[k]):
                layout = "paged"
            doc_id = f"inj-{len(documents) + 1:04d}"
            path = f"docs/{doc_id}.txt"
            (out / path).write_text(LAYOUTS[layout]([injected.table]), encoding="utf-8")
            wants = injected.wants + [
                w
                for w in _knock_ons(bases[k], injected.table)
                if not any(x.codes == w.codes for x in injected.wants)
            ]
            labels = _labels(doc_id, injected.table.project, wants)
            documents.append(
                Document(
                    id=doc_id,
                    path=path,
                    labels=labels,
                    mutation=kind,
                    base=_base(k, layout),
                    layout=layout,
                )
            )
            break
    ds = Dataset(
        dataset="injected",
        description="由金标准解析逐一注入单个错误生成的文档（每份一张表）/ One injected error per document, made from the gold parse of the seed.",
        scoring="difference",
        provenance={
            "generator": "eval/mutate.py",
            "seed": seed,
            "count": count,
            "source": "tests/fixtures/000_064cf56e05d2d068.parse.json",
        },
        documents=documents,
    )
    (out / "labels.json").write_text(dump_dataset(ds), encoding="utf-8")
    ds._root = out.resolve()
    return ds


def read_spec(path: Path = SPEC) -> dict[str, int | str]:
    data: dict[str, int | str] = json.loads(path.read_text(encoding="utf-8"))
    return data
