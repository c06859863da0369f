"""Locations: a short Chinese description for every reader's kind, and the pydantic behaviour
of the slotted Location/CellRef classes (validated, serialised and documented as models)."""

from __future__ import annotations

import copy
import pickle

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from reviewer.model import CellRef, Evidence, Indicator, Location


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"line": 12, "column": 3}, "第12行第3格"),
        ({"page": 2, "row": 5, "column": 4}, "第2页表格第5行第4格"),
        ({"sheet": "Sheet1", "cell": "B12"}, "Sheet1!B12"),
        ({"table": 2, "row": 3, "column": 4}, "第2个表格第3行第4格"),
        ({}, "位置不详"),
    ],
)
def test_describe(fields: dict[str, object], text: str) -> None:
    assert TypeAdapter(Location).validate_python(fields).describe() == text


def test_instances_pass_through_validation_unchanged() -> None:
    ref = CellRef("=18家", 89, 6)
    ind = Indicator.model_validate(
        {
            "l1": "产出指标",
            "l2": "数量指标",
            "name": "测评数量",
            "target": "=18家",
            "actual": "=18家",
            "weight": 10,
            "score": 10,
            "explanation": "",
            "cells": {"actual": ref, "name": {"text": "测评数量", "line": 89, "column": 4}},
        }
    )
    assert ind.cells["actual"] is ref
    assert ind.cells["name"] == CellRef("测评数量", 89, 4)


def test_dicts_and_json_are_validated_field_by_field() -> None:
    adapter = TypeAdapter(CellRef)
    with pytest.raises(ValidationError):
        adapter.validate_python({"line": 3})  # no text
    with pytest.raises(ValidationError):
        adapter.validate_json('{"text": "x", "line": "three"}')
    assert adapter.validate_json('{"text": "x", "page": 2}') == CellRef("x", page=2)


def test_a_cellref_in_a_location_field_serialises_as_its_location() -> None:
    ev = Evidence(quote="x", location=CellRef("整段文字", 7, 2))
    dumped = ev.model_dump()["location"]
    assert dumped == {
        "line": 7,
        "column": 2,
        "page": None,
        "row": None,
        "sheet": None,
        "cell": None,
        "table": None,
    }
    assert Evidence.model_validate_json(ev.model_dump_json()).location == Location(line=7, column=2)


def test_cellref_round_trips_through_json_with_its_text() -> None:
    class Holder(BaseModel):
        cells: dict[str, CellRef]

    h = Holder(cells={"name": CellRef("课题", sheet="Sheet1", cell="B12")})
    again = Holder.model_validate_json(h.model_dump_json())
    assert again.cells["name"] == h.cells["name"]
    assert again.cells["name"].text == "课题"


def test_equality_hash_copy_and_pickle() -> None:
    a, b = CellRef("x", 1, 2), CellRef("x", 1, 2)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != CellRef("y", 1, 2)
    assert a != Location(line=1, column=2)  # a cell is not the bare place
    assert a.plain() == Location(line=1, column=2)
    assert copy.deepcopy(a) == a and pickle.loads(pickle.dumps(a)) == a
    assert repr(a) == "CellRef(line=1, column=2, text='x')"
