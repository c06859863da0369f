"""The memo as a versioned JSON document, and its published JSON Schema.

The schema is generated from the Memo model and committed as ``memo.schema.json`` beside this
module; a test keeps the two identical, so the published schema is always the one in force.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


if __name__ == "__main__":  # python -m reviewer.memo.jsonout  → rewrite the committed schema
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
