"""The label format: per document, the findings an expert reviewer would report.

A dataset is one JSON file (``labels.json``) holding its provenance and its documents; each
document names its file (relative to the labels file) and lists its labels. ``eval/README.md``
documents every field.

A label says *what* counts as finding it, not only *where*: the rule codes (or code families,
``"S1"``) whose findings state its problem, or a cue the finding's message must contain. Labels
changed after tool output was seen are never edited in place: the change is an ``Amendment``
(a label ``added``, or one ``withdrawn`` and kept), so that the pre-registered labels can always
be scored next to the current ones (``--exclude-amended``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from reviewer.model import Category, Severity

FORMAT: Literal["reviewer-eval-labels/2"] = "reviewer-eval-labels/2"
Layer = Literal["rules", "llm"]


def layer_of(codes: list[str]) -> Layer:
    """The layer expected to find a label: ``rules`` when a deterministic rule's code counts,
    else ``llm`` (only the LLM stage's codes, L…, or only a cue)."""
    return "rules" if any(not c.startswith("L") for c in codes) else "llm"


class Amendment(BaseModel):
    """A change made to a dataset's labels after they were first committed."""

    model_config = ConfigDict(extra="forbid")

    date: str
    change: Literal["added", "withdrawn"]
    why: str
    replaces: str | None = None  # an added label that corrects a withdrawn one: its id


class Label(BaseModel):
    """One finding an expert reviewer would report."""

    model_config = ConfigDict(extra="forbid")

    id: str
    # 项目名称 as printed; "" for a finding about the whole report; None: any table of the
    # document (the gold gives no name: a 部门整体 form, or a name past the excerpt's cut).
    project: str | None = ""
    # Other names the same finding may be filed under ("" lets a report-wide finding count).
    project_alternatives: list[str] = Field(default_factory=list)
    category: Category
    indicator: str | None = None  # None for a finding about the table (or report) as a whole
    # Other indicators the same finding may be attached to (e.g. a group of rows with the same
    # value): a prediction naming any of them matches.
    indicator_alternatives: list[str] = Field(default_factory=list)
    # A table-level label about several rows: a finding on any row of the table matches too,
    # and every further such finding is absorbed rather than counted as spurious.
    any_row: bool = False
    severity: Severity
    layer: Layer  # which layer of the review is expected to find it
    note: str
    # What counts as finding it: a prediction whose rule code starts with one of ``codes``
    # (a code, "S102", or a family, "S1"), or whose message contains ``cue``.
    codes: list[str] = Field(default_factory=list)
    cue: str = ""
    # Optional labels are acceptable but not required: a matching prediction is not counted
    # as spurious, and an unmatched optional label is not counted as missed.
    optional: bool = False
    evidence: list[str] = Field(default_factory=list)  # quotes of the document, when given
    origin: str = ""  # where the label comes from (e.g. the gold problem it was converted from)
    amended: Amendment | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Label:
        if self.indicator_alternatives and self.indicator is None:
            raise ValueError(f"label {self.id}: indicator_alternatives without an indicator")
        if self.any_row and self.indicator is not None:
            raise ValueError(f"label {self.id}: any_row is for a label without an indicator")
        if not self.codes and not self.cue.strip():
            raise ValueError(f"label {self.id}: give the codes or the cue that count as finding it")
        return self

    @property
    def withdrawn(self) -> bool:
        return self.amended is not None and self.amended.change == "withdrawn"

    @property
    def added(self) -> bool:
        return self.amended is not None and self.amended.change == "added"


class Document(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    path: str  # relative to the labels file
    labels: list[Label] = Field(default_factory=list)
    # Injected documents: the mutation applied, and the unmutated document it was made from
    # (findings the review also reports on ``base`` are not counted; see README, "scoring").
    mutation: str = ""
    base: str | None = None
    layout: str = ""  # injected documents: the text layout they are rendered in
    # Other renderings of the same document (e.g. "tsv": a hand-made tab-separated one),
    # scored as a dataset of their own with the same labels.
    renderings: dict[str, str] = Field(default_factory=dict)
    gold: str | None = None  # the gold parse (tables and rows as printed), for the parse table

    def scored_labels(self, preregistered: bool = False) -> list[Label]:
        """The labels a run scores: current ones (withdrawn left out), or the pre-registered
        ones (labels added by an amendment left out, withdrawn ones put back)."""
        if preregistered:
            return [lab for lab in self.labels if not lab.added]
        return [lab for lab in self.labels if not lab.withdrawn]


class Dataset(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["reviewer-eval-labels/2"] = FORMAT
    dataset: str
    description: str = ""
    # held-out: labelled independently of the tool (the headline); regression: in-sample checks
    role: Literal["held-out", "regression"] = "regression"
    # absolute: every prediction counts; difference: only predictions not already made on the
    # document's base (the injected errors' scoring).
    scoring: Literal["absolute", "difference"] = "absolute"
    provenance: dict[str, Any] = Field(default_factory=dict)
    documents: list[Document]

    _root: Path = PrivateAttr(default=Path("."))

    @property
    def root(self) -> Path:
        return self._root

    def resolve(self, relative: str) -> Path:
        """A document path, relative to the labels file, as a usable path."""
        return (self._root / relative).resolve()

    def labels(self, *, required_only: bool = False, preregistered: bool = False) -> list[Label]:
        out = [lab for d in self.documents for lab in d.scored_labels(preregistered)]
        return [lab for lab in out if not lab.optional] if required_only else out

    @property
    def amended(self) -> bool:
        return any(lab.amended for d in self.documents for lab in d.labels)

    def renderings(self) -> list[str]:
        return sorted({name for d in self.documents for name in d.renderings})

    def rendering(self, name: str) -> Dataset:
        """The documents that have rendering ``name``, read from it: a dataset of its own
        (``<dataset>-<name>``) with the same labels."""
        docs = [
            d.model_copy(update={"path": d.renderings[name], "renderings": {}})
            for d in self.documents
            if name in d.renderings
        ]
        out = self.model_copy(update={"dataset": f"{self.dataset}-{name}", "documents": docs})
        out._root = self._root
        return out


def load_dataset(path: str | Path) -> Dataset:
    """Read a labels file; paths inside it resolve against its folder."""
    p = Path(path)
    ds = Dataset.model_validate(json.loads(p.read_text(encoding="utf-8")))
    ds._root = p.resolve().parent
    ids = [lab.id for d in ds.documents for lab in d.labels]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"{p}: duplicate label ids {dupes[:5]}")
    withdrawn = {lab.id for d in ds.documents for lab in d.labels if lab.withdrawn}
    for d in ds.documents:
        for lab in d.labels:
            if lab.amended and lab.amended.replaces and lab.amended.replaces not in withdrawn:
                raise ValueError(f"{p}: {lab.id} replaces {lab.amended.replaces}, not withdrawn")
    return ds


def dump_dataset(ds: Dataset) -> str:
    """The labels file's text: stable key order, Chinese kept readable."""
    data = ds.model_dump(mode="json", exclude_defaults=False)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def save_dataset(ds: Dataset, path: str | Path) -> None:
    Path(path).write_text(dump_dataset(ds), encoding="utf-8")


def preregistered_digest(ds: Dataset) -> str:
    """sha256 of the pre-registered labels (added ones left out, withdrawn ones in, amendment
    marks removed): it stays the same through marked amendments and changes with any edit of
    a label made in place. ``frozen.json`` next to a labels file pins it."""
    docs = [
        {
            "id": d.id,
            "labels": [
                lab.model_dump(mode="json", exclude={"amended"})
                for lab in d.scored_labels(preregistered=True)
            ],
        }
        for d in ds.documents
    ]
    text = json.dumps(docs, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def dataset_digest(ds: Dataset) -> str:
    """sha256 of what a run scores: the current labels and the bytes of every document (and
    base document) they are about. A baseline records it; a run on anything else fails the gate."""
    h = hashlib.sha256()
    h.update(dump_dataset(ds).encode())
    paths = sorted({p for d in ds.documents for p in (d.path, d.base) if p is not None})
    for rel in paths:
        h.update(b"\0" + rel.encode() + b"\0")
        h.update(ds.resolve(rel).read_bytes())
    return h.hexdigest()
