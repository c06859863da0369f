"""The memo as a versioned JSON document, and its published JSON Schema.

The schema is generated from the Memo model and committed as ``memo.schema.json`` beside this
module; a test keeps the two identical, so the published schema is always the one in force.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from reviewer.memo.model import SCHEMA_VERSION, Memo

SCHEMA_PATH = Path(__file__).with_name("memo.schema.json")


def memo_schema() -> dict[str, Any]:
    schema = Memo.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://reviewer.invalid/memo/{SCHEMA_VERSION}/memo.schema.json"
    schema["description"] = (
        "reviewer 复核意见（JSON）。schema_version 随结构变化而变化。"
        " The reviewer memo as JSON; schema_version changes when the shape does."
    )
    return schema


def schema_text() -> str:
    return json.dumps(memo_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_json(memo: Memo) -> str:
    return memo.model_dump_json(indent=2) + "\n"


# Where the per-table lists sit in the memo's JSON (indent 2): the top-level "tables" (before
# "report_findings") and each group's "tables" (its last field). Inside a JSON string a quote or
# a line break is escaped, so these can only be the memo's own keys.
_TABLES = '\n  "tables": [],\n'
_GROUP_TABLES = '\n      "tables": []\n'


def json_item(item: BaseModel, depth: int) -> str:
    """An element of a list at ``depth`` (2: the memo's tables, 4: a group's tables), as it
    stands in the memo's JSON."""
    pad = "  " * depth
    return "\n".join(pad + line for line in item.model_dump_json(indent=2).split("\n"))


def _list(items: Iterable[str], depth: int) -> Iterator[str]:
    """A JSON list of items already laid out by :func:`json_item`; ``[]`` when there is none."""
    first = True
    for item in items:
        yield ("[\n" if first else ",\n") + item
        first = False
    yield "[]" if first else "\n" + "  " * (depth - 1) + "]"


def json_chunks(
    memo: Memo, tables: Iterable[str], group_tables: Callable[[int], Iterable[str]]
) -> Iterator[str]:
    """The memo's JSON in pieces, its per-table lists given apart (as for
    :func:`~reviewer.memo.markdown.markdown_lines`): ``memo`` holds none of them, ``tables``
    gives the items of its ``tables`` and ``group_tables(n)`` those of its n-th group's."""
    text = render_json(memo)
    head, found, tail = text.partition(_TABLES)
    assert found, "the memo's tables are expected empty"
    pieces = head.split(_GROUP_TABLES)
    for n, piece in enumerate(pieces[:-1]):
        yield piece + '\n      "tables": '
        yield from _list(group_tables(n), 4)
        yield "\n"
    yield pieces[-1] + '\n  "tables": '
    yield from _list(tables, 2)
    yield ",\n" + tail


if __name__ == "__main__":  # python -m reviewer.memo.jsonout  → rewrite the committed schema
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
