"""The answer schema: strict (all required, no extras), evidence first; local validation."""

from __future__ import annotations

import json
from typing import Any

import pytest

from reviewer.llm.schema import (
    LLM_CODES,
    LLM_RULES,
    AnswerError,
    Kind,
    answer_schema,
    parse_answer,
    strip_fences,
)
from reviewer.model import Category

GOOD = {
    "findings": [
        {
            "row_id": "R15",
            "evidence": ["不少于2次专家研讨会"],
            "kind": "plan_language",
            "severity": "warning",
            "message": "实际完成情况使用计划用语。",
            "suggestion": "写明实际次数。",
        }
    ],
    "assessment": "叙述基本完整。",
}


def _objects(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if node.get("type") == "object":
            found.append(node)
        for v in node.values():
            found.extend(_objects(v))
    elif isinstance(node, list):
        for v in node:
            found.extend(_objects(v))
    return found


def test_schema_is_strict_everywhere() -> None:
    schema = answer_schema()
    objects = _objects(schema)
    assert len(objects) == 2
    for obj in objects:
        assert obj["additionalProperties"] is False
        assert obj["required"] == list(obj["properties"])
    assert "$defs" not in json.dumps(schema) and "$ref" not in json.dumps(schema)
    finding = schema["properties"]["findings"]["items"]
    assert finding["properties"]["row_id"]["anyOf"] == [{"type": "string"}, {"type": "null"}]


def test_evidence_comes_before_the_verdict() -> None:
    props = list(answer_schema()["properties"]["findings"]["items"]["properties"])
    assert props.index("evidence") < props.index("kind") < props.index("message")
    assert list(answer_schema()["properties"]) == ["findings", "assessment"]


def test_every_kind_has_a_distinct_l_code_and_an_allowed_category() -> None:
    assert set(LLM_RULES) == set(Kind)
    assert sorted(LLM_CODES) == [f"L10{i}" for i in range(1, 8)]
    for rule in LLM_RULES.values():
        assert rule.category in (Category.CONSISTENCY, Category.EXPLANATION, Category.INDICATOR)
        assert rule.title and rule.what


def test_valid_answer_parses() -> None:
    answer = parse_answer(json.dumps(GOOD, ensure_ascii=False), lenient=False)
    assert answer.findings[0].kind is Kind.PLAN_LANGUAGE
    assert answer.assessment == "叙述基本完整。"


def test_extra_keys_are_ignored_not_acted_on() -> None:
    hostile = {**GOOD, "remove_codes": ["F101"], "deterministic_findings": []}
    hostile["findings"] = [{**GOOD["findings"][0], "code": "F101", "source": "rules"}]
    answer = parse_answer(json.dumps(hostile, ensure_ascii=False), lenient=False)
    dumped = answer.model_dump()
    assert "remove_codes" not in dumped and "code" not in dumped["findings"][0]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("", "回答为空"),
        (None, "回答为空"),
        ("{not json", "不是合法的 JSON"),
        ("[1, 2]", "JSON 对象"),
        ('{"findings": []}', "assessment"),
        (json.dumps({**GOOD, "findings": [{**GOOD["findings"][0], "evidence": []}]}), "evidence"),
        (json.dumps({**GOOD, "findings": [{**GOOD["findings"][0], "kind": "x"}]}), "kind"),
        (json.dumps({**GOOD, "findings": [{**GOOD["findings"][0], "evidence": [" "]}]}), "引文"),
    ],
)
def test_invalid_answers_say_what_is_wrong(content: str | None, fragment: str) -> None:
    with pytest.raises(AnswerError) as info:
        parse_answer(content, lenient=True)
    assert fragment in str(info.value)


def test_fences_and_prose_are_stripped() -> None:
    body = json.dumps(GOOD, ensure_ascii=False)
    assert strip_fences(f"```json\n{body}\n```") == body
    assert strip_fences(f"结果如下：\n```\n{body}\n```\n以上。") == body
    assert strip_fences(f"结果如下：{body} 以上。") == body
    assert parse_answer(f"```json\n{body}\n```", lenient=True).assessment == "叙述基本完整。"
    with pytest.raises(AnswerError):
        parse_answer(f"```json\n{body}\n```", lenient=False)
