"""The prompts: templates loaded from files, a version derived from their content, and the
rendering of one table (compact JSON, stable row ids, delimited as data) into chat messages.

The templates live in the top-level ``prompts/`` of the source tree; ``reviewer/prompts`` is a
link to it, so that they ship as package data and a source checkout and an installed wheel load
the same files. The system message is static — instructions, the field
glossary, two short examples and, when the answer format is not enforced by a JSON schema, the
schema itself — so that providers' prompt caches can reuse it across tables; the per-table
document, the rules' findings and the extracted claims follow in the user message.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from reviewer.llm.capabilities import ResponseMode
from reviewer.llm.schema import schema_text
from reviewer.model import CellRef, EvaluationTable, Finding, FundRow

PROMPT_FILES = ("system.md", "schema.md", "review_table.md", "reask.md")


@dataclass(frozen=True)
class Prompts:
    system: str
    schema: str  # the schema section of the system message, for json_object and text modes
    review_table: str
    reask: str
    version: str


@cache
def load_prompts() -> Prompts:
    """Read the templates shipped with the package; ``version`` is a short hash of their content."""
    root = resources.files("reviewer") / "prompts"
    texts = {name: (root / name).read_text(encoding="utf-8") for name in PROMPT_FILES}
    return Prompts(
        system=texts["system.md"],
        schema=texts["schema.md"],
        review_table=texts["review_table.md"],
        reask=texts["reask.md"],
        version=content_version(texts),
    )


def content_version(texts: dict[str, str]) -> str:
    """Twelve hex digits of SHA-256 over the files' names and contents."""
    digest = hashlib.sha256()
    for name in sorted(texts):
        digest.update(name.encode() + b"\0" + texts[name].encode("utf-8") + b"\0")
    return digest.hexdigest()[:12]


def prompt_version() -> str:
    return load_prompts().version


def row_ids(table: EvaluationTable) -> list[str]:
    """Stable ids for the indicator rows: ``R<first line>`` (``Indicator.row_id``).

    When a row has no line or two rows share an id, the later ones get ``X<position>``.
    """
    ids: list[str] = []
    seen: set[str] = set()
    for pos, ind in enumerate(table.indicators, start=1):
        rid = ind.row_id
        if rid == "R?" or rid in seen:
            rid = f"X{pos}"
        seen.add(rid)
        ids.append(rid)
    return ids


def printed(cells: Mapping[str, CellRef], name: str, value: str | float | None) -> str | None:
    """A cell's text as printed; else the parsed value as text (``7``, not ``7.0``)."""
    cell = cells.get(name)
    if cell is not None and cell.text:
        return cell.text
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return value or None


FUND_COLUMNS = ("initial_budget", "full_year_budget", "executed", "weight", "rate_pct", "score")
INDICATOR_COLUMNS = ("id", "name", "target", "actual", "weight", "score", "explanation")


def _fund_row(row: FundRow) -> list[str | None]:
    values = [printed(row.cells, name, getattr(row, name)) for name in FUND_COLUMNS]
    while values and values[-1] is None:
        values.pop()
    return values


def table_data(table: EvaluationTable) -> dict[str, Any]:
    """The table as compact structured data for the prompt (texts as printed).

    Fund and indicator rows are arrays in the order of ``FUND_COLUMNS`` / ``INDICATOR_COLUMNS``
    (the system message names the columns once); indicator rows are grouped under their 一级
    and 二级指标, as the form prints them; ``…_recomputed`` values are the program's.
    """
    total = table.funds.annual_total
    funds: dict[str, Any] = {"annual_total": _fund_row(total)}
    for name, row in table.funds.rows().items():
        if name != "annual_total":
            values = _fund_row(row)
            if any(v not in ("0", "0.00", "", None) for v in values):
                funds[name] = values
    if total.full_year_budget and total.executed is not None:
        funds["rate_pct_recomputed"] = f"{total.executed / total.full_year_budget * 100:.2f}%"
    scores = [i.score for i in table.indicators]
    recomputed = None
    if all(s is not None for s in scores):
        recomputed = round(sum(s for s in scores if s is not None) + (total.score or 0), 2)
    indicators: dict[str, dict[str, list[list[Any]]]] = {}
    for rid, ind in zip(row_ids(table), table.indicators, strict=True):
        indicators.setdefault(ind.l1, {}).setdefault(ind.l2, []).append(
            [
                rid,
                ind.name,
                ind.target,
                ind.actual,
                printed(ind.cells, "weight", ind.weight),
                printed(ind.cells, "score", ind.score),
                ind.explanation,
            ]
        )
    data: dict[str, Any] = {
        "project": table.project,
        "department": table.department,
        "implementer": table.implementer,
        "year": table.year,
        "amount_unit": table.amount_unit,
        "funds": funds,
        "total_score": printed(table.cells, "total_score", table.total_score),
        "total_score_recomputed": recomputed,
        "goal_expected": table.goal_expected,
        "goal_actual": table.goal_actual,
        "indicators": indicators,
    }
    return {k: v for k, v in data.items() if v not in (None, "")}


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def delimit(text: str, label: str = "文档") -> str:
    """Wrap data between markers derived from its own hash, so the data cannot close them."""
    tag = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"<<<{label} {tag}\n{text}\n{label} {tag}>>>"


def _rule_title(code: str) -> str:
    from reviewer.checks.registry import get_rule

    rule = get_rule(code)
    return rule.title if rule is not None else ""


def _findings_block(findings: list[Finding], table: EvaluationTable) -> str:
    """One line per rule code: its title and the rows it concerns (全表 for the whole table)."""
    if not findings:
        return "（无）"
    ids = {ind.name: rid for rid, ind in zip(row_ids(table), table.indicators, strict=True)}
    rows: dict[str, list[str]] = {}
    for f in findings:
        where = ids.get(f.indicator, f.indicator) if f.indicator else "全表"
        listed = rows.setdefault(f.code, [])
        if where not in listed:
            listed.append(where)
    lines = [f"{code} {_rule_title(code)}：{'、'.join(where)}" for code, where in rows.items()]
    return delimit("\n".join(lines), "规则检查结果")


def _claims_block(claims: list[str] | None) -> str:
    if not claims:
        return "（无）"
    return delimit("\n".join(claims), "叙述说法")


def _fill(template: str, values: dict[str, str]) -> str:
    out = template
    for name, value in values.items():
        out = out.replace("{{" + name + "}}", value)
    return out


def system_message(mode: ResponseMode) -> str:
    """The static system message; the schema is added where no JSON schema enforces it."""
    prompts = load_prompts()
    if mode is ResponseMode.JSON_SCHEMA:
        return prompts.system
    return prompts.system + "\n" + _fill(prompts.schema, {"schema": schema_text()})


@dataclass(frozen=True)
class TablePrompt:
    """One table's prompt: the user message, and the system message that goes with each mode."""

    user: str

    def messages(self, mode: ResponseMode) -> list[dict[str, str]]:
        return [
            {"role": "system", "content": system_message(mode)},
            {"role": "user", "content": self.user},
        ]

    @property
    def canonical(self) -> list[dict[str, str]]:
        """The messages that identify the request in the cache and the cassette (any mode)."""
        return self.messages(ResponseMode.JSON_SCHEMA)


def build_prompt(
    table: EvaluationTable,
    findings: list[Finding],
    claims: list[str] | None = None,
) -> TablePrompt:
    """The prompt for one table.

    ``findings`` are the deterministic findings of this table (listed so that the model does
    not repeat them); ``claims`` are statements the narrative checks extracted from the prose.
    """
    user = _fill(
        load_prompts().review_table,
        {
            "document": delimit(_compact(table_data(table))),
            "findings": _findings_block(findings, table),
            "claims": _claims_block(claims),
        },
    )
    return TablePrompt(user)


def build_messages(
    table: EvaluationTable,
    findings: list[Finding],
    claims: list[str] | None = None,
    mode: ResponseMode = ResponseMode.JSON_SCHEMA,
) -> list[dict[str, str]]:
    """The chat messages for one table in ``mode``: the system prompt, then the user message."""
    return build_prompt(table, findings, claims).messages(mode)


def reask_message(error: str) -> dict[str, str]:
    """The follow-up message after an answer failed validation, quoting the error."""
    return {"role": "user", "content": _fill(load_prompts().reask, {"error": error})}
