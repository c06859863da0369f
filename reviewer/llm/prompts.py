"""The prompts: templates loaded from files, a version derived from their content, and the
rendering of one table (compact JSON, stable row ids, delimited as data) into chat messages.

The canonical templates are the top-level ``prompts/*.md`` of the source tree; the package ships
identical copies in ``reviewer/prompts/`` (package data) and loads only those, so a source
checkout and an installed wheel behave alike. A test asserts the two sets are identical.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from reviewer.llm.schema import schema_text
from reviewer.model import EvaluationTable, Finding, FundRow

PROMPT_FILES = ("system.md", "review_table.md", "reask.md")


@dataclass(frozen=True)
class Prompts:
    system: str
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


def _printed(row: FundRow, name: str) -> str | float | None:
    cell = row.cells.get(name)
    if cell is not None and cell.text:
        return cell.text
    value: float | None = getattr(row, name)
    return value


def _fund_row(row: FundRow, total: bool) -> dict[str, Any]:
    names = ["initial_budget", "full_year_budget", "executed"]
    if total:
        names += ["weight", "rate_pct", "score"]
    out: dict[str, Any] = {name: _printed(row, name) for name in names}
    if total and row.full_year_budget and row.executed is not None:
        out["rate_pct_recomputed"] = f"{row.executed / row.full_year_budget * 100:.2f}%"
    return {k: v for k, v in out.items() if v is not None}


def _number(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def table_data(table: EvaluationTable) -> dict[str, Any]:
    """The table as compact structured data for the prompt (texts as printed)."""
    funds: dict[str, Any] = {"annual_total": _fund_row(table.funds.annual_total, True)}
    for name, row in table.funds.rows().items():
        if name != "annual_total":
            values = _fund_row(row, False)
            if any(v not in (0, "0", "0.00", "") for v in values.values()):
                funds[name] = values
    total_cell = table.cells.get("total_score")
    indicator_scores = [i.score for i in table.indicators]
    recomputed = None
    if all(s is not None for s in indicator_scores):
        recomputed = round(
            sum(s for s in indicator_scores if s is not None)
            + (table.funds.annual_total.score or 0),
            2,
        )
    indicators = [
        {
            "id": rid,
            "l1": ind.l1,
            "l2": ind.l2,
            "name": ind.name,
            "target": ind.target,
            "actual": ind.actual,
            "weight": _number(ind.weight),
            "score": _number(ind.score),
            "explanation": ind.explanation,
        }
        for rid, ind in zip(row_ids(table), table.indicators, strict=True)
    ]
    return {
        "project": table.project,
        "department": table.department,
        "implementer": table.implementer,
        "year": table.year,
        "amount_unit": table.amount_unit,
        "funds": funds,
        "total_score": total_cell.text if total_cell else _number(table.total_score),
        "total_score_recomputed": recomputed,
        "goal_expected": table.goal_expected,
        "goal_actual": table.goal_actual,
        "indicators": indicators,
    }


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def delimit(text: str, label: str = "文档") -> str:
    """Wrap data between markers derived from its own hash, so the data cannot close them."""
    tag = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"<<<{label} {tag}\n{text}\n{label} {tag}>>>"


def _findings_block(findings: list[Finding], table: EvaluationTable) -> str:
    if not findings:
        return "（无）"
    ids = {ind.name: rid for rid, ind in zip(row_ids(table), table.indicators, strict=True)}
    items = []
    for f in findings:
        item: dict[str, Any] = {"code": f.code, "severity": f.severity.value}
        if f.indicator:
            item["row"] = ids.get(f.indicator, f.indicator)
        item["message"] = f.message
        if f.expected is not None:
            item["expected"] = f.expected
        if f.found is not None:
            item["found"] = f.found
        items.append(item)
    return delimit("\n".join(_compact(i) for i in items), "规则检查结果")


def _claims_block(claims: list[str] | None) -> str:
    if not claims:
        return "（无）"
    return delimit(_compact(claims), "叙述说法")


def _fill(template: str, values: dict[str, str]) -> str:
    out = template
    for name, value in values.items():
        out = out.replace("{{" + name + "}}", value)
    return out


def build_messages(
    table: EvaluationTable,
    findings: list[Finding],
    claims: list[str] | None = None,
) -> list[dict[str, str]]:
    """The chat messages for one table: the system prompt, then the filled-in review prompt.

    ``findings`` are the deterministic findings of this table (shown so that the model does not
    repeat them); ``claims`` are statements the narrative checks extracted from the prose.
    """
    prompts = load_prompts()
    user = _fill(
        prompts.review_table,
        {
            "document": delimit(_compact(table_data(table))),
            "findings": _findings_block(findings, table),
            "claims": _claims_block(claims),
            "schema": schema_text(),
        },
    )
    return [
        {"role": "system", "content": prompts.system},
        {"role": "user", "content": user},
    ]


def reask_message(error: str) -> dict[str, str]:
    """The follow-up message after an answer failed validation, quoting the error."""
    return {"role": "user", "content": _fill(load_prompts().reask, {"error": error})}
