"""The label format: per document, the findings an expert reviewer would report.

A dataset is one JSON file (``labels.json``) holding its provenance and its documents; each
document names its file (relative to the labels file) and lists its labels. ``eval/README.md``
documents every field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from reviewer.model import Category, Severity

FORMAT: Literal["reviewer-eval-labels/1"] = "reviewer-eval-labels/1"
Layer = Literal["rules", "llm"]


class Label(BaseModel):
    """One finding an expert reviewer would report."""

    model_config = ConfigDict(extra="forbid")

    id: str
    project: str = ""  # "" for a finding about the whole report
    category: Category
    indicator: str | None = None  # None for a finding about the table (or report) as a whole
    # Other indicators the same finding may be attached to (e.g. a group of rows with the same
    # value): a prediction naming any of them matches.
    indicator_alternatives: list[str] = Field(default_factory=list)
    severity: Severity
    layer: Layer  # which layer of the review is expected to find it
    note: str
    # Optional labels are acceptable but not required: a matching prediction is not counted
    # as spurious, and an unmatched optional label is not counted as missed.
    optional: bool = False
    codes: list[str] = Field(default_factory=list)  # expected rule codes: a tie-break hint only
    amended: str = ""  # set when the label was added or changed after tool output was seen

    @model_validator(mode="after")
    def _alternatives_need_indicator(self) -> Label:
        if self.indicator_alternatives and self.indicator is None:
            raise ValueError(f"label {self.id}: indicator_alternatives without an indicator")
        return self


class Document(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    path: str  # relative to the labels file
    labels: list[Label] = Field(default_factory=list)
    # Injected documents: the mutation applied, and the unmutated document it was made from
    # (findings the review also reports on ``base`` are not counted; see README, "scoring").
    mutation: str = ""
    base: str | None = None


class Dataset(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["reviewer-eval-labels/1"] = FORMAT
    dataset: str
    description: str = ""
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

    def labels(self, *, required_only: bool = False) -> list[Label]:
        out = [lab for d in self.documents for lab in d.labels]
        return [lab for lab in out if not lab.optional] if required_only else out


def load_dataset(path: str | Path) -> Dataset:
    """Read a labels file; paths inside it resolve against its folder."""
    p = Path(path)
    ds = Dataset.model_validate(json.loads(p.read_text(encoding="utf-8")))
    ds._root = p.resolve().parent
    ids = [lab.id for d in ds.documents for lab in d.labels]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"{p}: duplicate label ids {dupes[:5]}")
    return ds


def dump_dataset(ds: Dataset) -> str:
    """The labels file's text: stable key order, Chinese kept readable."""
    data = ds.model_dump(mode="json", exclude_defaults=False)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def save_dataset(ds: Dataset, path: str | Path) -> None:
    Path(path).write_text(dump_dataset(ds), encoding="utf-8")
