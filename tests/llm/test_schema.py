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
    extract_json,
    parse_answer,
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


def test_the_schema_sent_carries_the_shape_only() -> None:
    """Field guidance is in the system message once; descriptions would repeat it."""
    assert "description" not in json.dumps(answer_schema())


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
    assert not hasattr(answer, "remove_codes") and answer.invalid == []
    assert "code" not in answer.findings[0].model_dump()


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("", "回答为空"),
        (None, "回答为空"),
        ("{not json", "不是合法的 JSON"),
        ("没有问题。", "找不到 JSON"),
        ("[1, 2]", "JSON 对象"),
        ('{"assessment": "好"}', "findings"),
        ('{"findings": {}, "assessment": "好"}', "findings"),
        ("<think>先看预期目标……", "<think>"),
    ],
)
def test_a_broken_envelope_says_what_is_wrong(content: str | None, fragment: str) -> None:
    with pytest.raises(AnswerError) as info:
        parse_answer(content, lenient=True)
    assert fragment in str(info.value)


def test_strict_parsing_wants_the_object_alone() -> None:
    with pytest.raises(AnswerError, match="不是合法的 JSON"):
        parse_answer("结果：" + json.dumps(GOOD, ensure_ascii=False), lenient=False)


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        ({"evidence": []}, "evidence"),
        ({"kind": "x"}, "kind"),
        ({"evidence": [" "]}, "引文"),
        ({"message": "  "}, "message"),
        ({"severity": "fatal"}, "severity"),
    ],
)
def test_one_malformed_finding_is_dropped_alone_and_counted(
    bad: dict[str, Any], fragment: str
) -> None:
    good = GOOD["findings"][0]
    answer = {**GOOD, "findings": [good, {**good, **bad}, good]}
    parsed = parse_answer(json.dumps(answer, ensure_ascii=False))
    assert len(parsed.findings) == 2 and len(parsed.invalid) == 1
    assert fragment in parsed.invalid[0].reason
    assert parsed.invalid[0].raw == {**good, **bad}


def test_a_missing_assessment_is_empty_not_an_error() -> None:
    assert parse_answer('{"findings": []}').assessment == ""


BODY = json.dumps(GOOD, ensure_ascii=False)


@pytest.mark.parametrize(
    "content",
    [
        BODY,
        f"```json\n{BODY}\n```",
        f"结果如下：\n```\n{BODY}\n```\n以上。",
        f"结果如下：{BODY} 以上。",
        f"<think>先看预期目标，{{再看指标}}……</think>\n{BODY}",
        f"<think>\n推理\n</think>\n\n```json\n{BODY}\n```",
        f"我先说明一下思路：关注叙述与指标是否一致。\n\n```json\n{BODY}\n```\n如需更多请告诉我。",
        f'示例格式为 {{"a": 1}}，本表的回答：{BODY}',
    ],
)
def test_the_json_is_found_after_prose_fences_and_thinking(content: str) -> None:
    assert extract_json(content) == GOOD
    assert parse_answer(content).assessment == "叙述基本完整。"
