"""Every reader's location reads as a short Chinese description."""

from __future__ import annotations

import pytest

from reviewer.model import Location


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
    assert Location.model_validate(fields).describe() == text
