"""What the model must answer: the finding kinds (with their L-codes) and the answer's shape.

The answer is validated locally with pydantic whatever the endpoint promises. Every field is
required (nullable where optional) so that strict ``json_schema`` servers accept the schema, and
each finding puts its evidence before its verdict. Keys the model adds beyond the schema (an
attempt to "clear" the deterministic findings, say) are ignored, never acted on.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from reviewer.checks.registry import get_rule
from reviewer.lazyre import lazy_compile
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


# Keywords strict servers reject, and descriptions: the system message explains every field
# once (in every mode), so the schema sent carries only the shape.
_UNSUPPORTED_IN_STRICT = (
    "title",
    "default",
    "minItems",
    "minLength",
    "maxItems",
    "maxLength",
    "description",
)


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
    """All properties required, no additional properties, no keywords strict servers reject."""
    if isinstance(node, dict):
        out = {
            k: _strictify(v) if k != "properties" else {n: _strictify(x) for n, x in v.items()}
            for k, v in node.items()
            if k not in _UNSUPPORTED_IN_STRICT
        }
        if out.get("type") == "object":
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


class AnswerTooLarge(AnswerError):
    """The answer exceeds a configured limit (its length, its findings): it is not used, and the
    model is not asked again (a longer conversation cannot make it shorter)."""


@dataclass(frozen=True)
class InvalidFinding:
    """A finding in the answer that does not fit the schema: dropped alone, and counted."""

    raw: Any
    reason: str


@dataclass(frozen=True)
class ParsedAnswer:
    """An answer whose envelope is valid: its valid findings, the invalid ones, the assessment."""

    findings: list[AnswerFinding]
    assessment: str
    invalid: list[InvalidFinding]


_THINK = lazy_compile(r"<(think|thinking|reasoning)>.*?</\1>", re.DOTALL | re.IGNORECASE)
_FENCE = lazy_compile(r"```[A-Za-z0-9_-]*[ \t]*\n?(.*?)```", re.DOTALL)
_DECODER = json.JSONDecoder()


def _objects_in(text: str) -> list[dict[str, Any]]:
    """Every JSON object that starts somewhere in ``text`` and decodes, in order."""
    found: list[dict[str, Any]] = []
    pos = text.find("{")
    while pos != -1:
        try:
            value, end = _DECODER.raw_decode(text, pos)
        except ValueError:
            pos = text.find("{", pos + 1)
            continue
        if isinstance(value, dict):
            found.append(value)
        pos = text.find("{", end)
    return found


def extract_json(text: str) -> Any:
    """The answer's JSON object, wherever the model put it.

    Reasoning (``<think>…</think>``) is removed first; then a fenced block (```` ```json ````)
    that holds an object is taken, else the first object in the text (after prose, say) that
    has ``findings``, else the first object at all. Raises ``ValueError`` when there is none.
    """
    text = _THINK.sub("", text).strip()
    if re.match(r"<(think|thinking|reasoning)>", text, re.IGNORECASE):
        raise ValueError("回答只有推理过程（<think> 未结束），没有 JSON")
    try:
        return json.loads(text)
    except ValueError:
        pass
    candidates: list[dict[str, Any]] = []
    for block in _FENCE.findall(text):
        candidates.extend(_objects_in(block))
    candidates.extend(_objects_in(text))
    for obj in candidates:
        if "findings" in obj:
            return obj
    if candidates:
        return candidates[0]
    if "{" in text:  # an object that does not decode: say where, for the re-ask
        json.loads(text[text.find("{") :])
    raise ValueError("回答中找不到 JSON 对象")


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors(include_url=False)[:8]:
        where = ".".join(str(x) for x in err["loc"]) or "（根）"
        parts.append(f"{where}：{err['msg']}")
    return "；".join(parts)


def parse_answer(
    content: str | None,
    *,
    lenient: bool = True,
    max_chars: int | None = None,
    max_findings: int | None = None,
) -> ParsedAnswer:
    """Validate the model's answer, finding by finding.

    ``lenient`` looks for the JSON object after reasoning, in a code fence or after prose
    (:func:`extract_json`); otherwise the content must be the object alone. The envelope must
    be an object with a ``findings`` array (else :class:`AnswerError`, and the model is asked
    again); each finding is validated on its own, and one that does not fit is dropped and
    counted in ``invalid`` while the others are kept.

    An answer longer than ``max_chars`` characters, or with more than ``max_findings``
    findings, raises :class:`AnswerTooLarge` before anything else is read from it.
    """
    if content is None or not content.strip():
        raise AnswerError("回答为空")
    if max_chars is not None and len(content) > max_chars:
        raise AnswerTooLarge(f"模型回答过长（{len(content):,} 字符，上限 {max_chars:,} 字符）")
    try:
        data = extract_json(content) if lenient else json.loads(content)
    except json.JSONDecodeError as exc:
        raise AnswerError(
            f"不是合法的 JSON（{exc.msg}，第 {exc.lineno} 行第 {exc.colno} 列）"
        ) from None
    except ValueError as exc:
        raise AnswerError(str(exc)) from None
    if not isinstance(data, dict):
        raise AnswerError("回答应为一个 JSON 对象")
    raw_findings = data.get("findings")
    if not isinstance(raw_findings, list):
        raise AnswerError("回答缺少 findings 数组（没有问题时应为 []）")
    if max_findings is not None and len(raw_findings) > max_findings:
        raise AnswerTooLarge(
            f"模型回答给出 {len(raw_findings):,} 条意见，超过每表上限 {max_findings:,} 条"
        )
    assessment = data.get("assessment")
    findings: list[AnswerFinding] = []
    invalid: list[InvalidFinding] = []
    for raw in raw_findings:
        try:
            findings.append(AnswerFinding.model_validate(raw))
        except ValidationError as exc:
            invalid.append(InvalidFinding(raw, f"不符合要求的结构：{_describe(exc)}"))
    return ParsedAnswer(
        findings, assessment.strip() if isinstance(assessment, str) else "", invalid
    )
