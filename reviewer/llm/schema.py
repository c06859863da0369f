"""What the model must answer: the finding kinds (with their L-codes) and the answer's shape.

The answer is validated locally with pydantic whatever the endpoint promises. Every field is
required (nullable where optional) so that strict ``json_schema`` servers accept the schema, and
each finding puts its evidence before its verdict. Keys the model adds beyond the schema (an
attempt to "clear" the deterministic findings, say) are ignored, never acted on.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from reviewer.checks.registry import get_rule
from reviewer.model import Category, Severity


class Kind(StrEnum):
    """What kind of problem the model reports; each maps to one L-code."""

    NARRATIVE_VS_INDICATOR = "narrative_vs_indicator"
    GOAL_NOT_COVERED = "goal_not_covered"
    PLAN_LANGUAGE = "plan_language"
    WEAK_EXPLANATION = "weak_explanation"
    INTERNAL_CONTRADICTION = "internal_contradiction"
    SPENDING_VS_OUTPUT = "spending_vs_output"
    INDICATOR_DESIGN = "indicator_design"


@dataclass(frozen=True)
class LlmRule:
    """One LLM finding kind as the prompt and grounding use it (from the rule registry)."""

    code: str
    kind: Kind
    category: Category
    title: str
    what: str


# Each kind's code; the code's documentation (title, category, twins) is in the rule registry.
KIND_CODES: dict[Kind, str] = {
    Kind.NARRATIVE_VS_INDICATOR: "L101",
    Kind.GOAL_NOT_COVERED: "L102",
    Kind.PLAN_LANGUAGE: "L103",
    Kind.WEAK_EXPLANATION: "L104",
    Kind.INTERNAL_CONTRADICTION: "L105",
    Kind.SPENDING_VS_OUTPUT: "L106",
    Kind.INDICATOR_DESIGN: "L107",
}


def _documented(kind: Kind) -> LlmRule:
    rule = get_rule(KIND_CODES[kind])
    assert rule is not None and rule.scope == "llm", KIND_CODES[kind]
    return LlmRule(rule.code, kind, rule.category, rule.title, rule.what)


LLM_RULES: dict[Kind, LlmRule] = {kind: _documented(kind) for kind in Kind}
LLM_CODES: dict[str, LlmRule] = {rule.code: rule for rule in LLM_RULES.values()}


class AnswerFinding(BaseModel):
    """One finding as the model states it: evidence first, then the verdict."""

    model_config = ConfigDict(extra="ignore")

    row_id: str | None = Field(
        description="所针对的指标行编号（如 R15）；不针对某一指标行时为 null"
    )
    evidence: list[str] = Field(
        min_length=1,
        description="逐字摘自文档的引文，至少一条；每条取自单个单元格或单段叙述，不改写",
    )
    kind: Kind = Field(description="问题类型")
    severity: Severity = Field(
        description="error：叙述与表内事实明确矛盾；warning：需审核人员核实；info：提示"
    )
    message: str = Field(min_length=1, description="一句话意见，复核意见的写法：先说问题，再点事实")
    suggestion: str = Field(description="建议单位如何修改；无则为空字符串")

    @field_validator("evidence")
    @classmethod
    def _quotes_not_blank(cls, quotes: list[str]) -> list[str]:
        if any(not q.strip() for q in quotes):
            raise ValueError("引文不能为空字符串")
        return quotes

    @field_validator("message")
    @classmethod
    def _message_not_blank(cls, message: str) -> str:
        if not message.strip():
            raise ValueError("意见不能为空")
        return message.strip()


class TableAnswer(BaseModel):
    """The whole answer for one table: new findings (possibly none) and a short assessment."""

    model_config = ConfigDict(extra="ignore")

    findings: list[AnswerFinding] = Field(description="新发现的问题；没有问题时为空数组")
    assessment: str = Field(description="对本表文字叙述质量的总体评价，两到三句")


_UNSUPPORTED_IN_STRICT = ("title", "default", "minItems", "minLength", "maxItems", "maxLength")


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """Replace every ``$ref`` by its definition (the field's own keys win): no ``$defs`` left."""
    if isinstance(node, dict):
        if "$ref" in node:
            name = str(node["$ref"]).rsplit("/", 1)[-1]
            merged = {**defs[name], **{k: v for k, v in node.items() if k != "$ref"}}
            return _inline(merged, defs)
        return {k: _inline(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


def _strictify(node: Any) -> Any:
    """All properties required, no additional properties, no keywords strict servers reject.

    Objects lose their ``description`` (it is the class docstring, meant for programmers).
    """
    if isinstance(node, dict):
        out = {k: _strictify(v) for k, v in node.items() if k not in _UNSUPPORTED_IN_STRICT}
        if out.get("type") == "object":
            out.pop("description", None)
            out["required"] = list(out.get("properties", {}))
            out["additionalProperties"] = False
        return out
    if isinstance(node, list):
        return [_strictify(v) for v in node]
    return node


def _build_schema() -> dict[str, Any]:
    raw = TableAnswer.model_json_schema()
    schema: dict[str, Any] = _strictify(_inline(raw, raw.get("$defs", {})))
    return schema


_SCHEMA = _build_schema()
SCHEMA_NAME = "table_review"


def answer_schema() -> dict[str, Any]:
    """The strict JSON schema of :class:`TableAnswer` (all fields required, no extra keys)."""
    return copy.deepcopy(_SCHEMA)


def schema_text() -> str:
    """The schema as compact, stable JSON text (for the prompt and the cache key)."""
    return json.dumps(_SCHEMA, ensure_ascii=False, separators=(",", ":"))


class AnswerError(ValueError):
    """The model's answer is not valid JSON of the required shape; ``str`` is told to the model."""


def strip_fences(text: str) -> str:
    """Remove a Markdown code fence and any prose around the JSON object."""
    s = text.strip()
    if s.startswith("```"):
        first_newline = s.find("\n")
        s = s[first_newline + 1 :] if first_newline != -1 else ""
        end = s.rfind("```")
        if end != -1:
            s = s[:end]
        s = s.strip()
    if not s.startswith("{"):
        start, end = s.find("{"), s.rfind("}")
        if start != -1 and end > start:
            s = s[start : end + 1]
    return s


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors(include_url=False)[:8]:
        where = ".".join(str(x) for x in err["loc"]) or "（根）"
        parts.append(f"{where}：{err['msg']}")
    return "；".join(parts)


def parse_answer(content: str | None, *, lenient: bool) -> TableAnswer:
    """Validate the model's answer. ``lenient`` strips code fences and surrounding prose first."""
    if content is None or not content.strip():
        raise AnswerError("回答为空")
    text = strip_fences(content) if lenient else content.strip()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnswerError(
            f"不是合法的 JSON（{exc.msg}，第 {exc.lineno} 行第 {exc.colno} 列）"
        ) from None
    if not isinstance(data, dict):
        raise AnswerError("回答应为一个 JSON 对象")
    try:
        return TableAnswer.model_validate(data)
    except ValidationError as exc:
        raise AnswerError(f"不符合要求的结构：{_describe(exc)}") from None
