"""The committed grounding test set: model-style quotes and hallucinations on the seed.

``data/grounding_cases.json`` holds 29 legitimate findings quoted the way models quote (an added
``。``, 「」 for “”, a field label before the value, fund figures, weights, scores, totals …) and
22 hallucinations of the kinds the issue lists (two-character quotes, names as evidence, a
``row_id`` no quote supports, numbers no quote has …), each with the expected outcome. The test
prints the figures; it requires at least 90 % of the legitimate findings kept (on the row
expected) and no hallucination kept.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reviewer.llm.grounding import ground_findings
from reviewer.llm.schema import AnswerFinding
from reviewer.model import Report

CASES = Path(__file__).parent / "data" / "grounding_cases.json"


def _outcome(case: dict[str, Any], report: Report) -> tuple[bool, str | None, str]:
    """(kept, indicator, reason dropped)."""
    answer = AnswerFinding.model_validate(case["finding"])
    grounded = ground_findings([answer], report.tables[case["table"]], case["table"])
    if grounded.findings:
        return True, grounded.findings[0].indicator, ""
    return False, None, grounded.dropped[0].reason


def test_the_grounding_set(seed_report: Report) -> None:
    cases = json.loads(CASES.read_text(encoding="utf-8"))["cases"]
    legit = [c for c in cases if c["expect"] == "keep"]
    invented = [c for c in cases if c["expect"] == "drop"]
    assert len(legit) >= 25 and len(invented) >= 15

    right: list[str] = []
    wrong: list[str] = []
    for case in legit:
        kept, indicator, reason = _outcome(case, seed_report)
        if kept and indicator == case["indicator"]:
            right.append(case["id"])
        else:
            wrong.append(f"{case['id']} ({case['case']}): kept={kept} row={indicator} {reason}")
    leaked = []
    for case in invented:
        kept, indicator, _ = _outcome(case, seed_report)
        if kept:
            leaked.append(f"{case['id']} ({case['case']}): kept on row {indicator}")

    share = len(right) / len(legit)
    print(
        f"\ngrounding set: legitimate kept {len(right)}/{len(legit)} ({share:.0%}), "
        f"hallucinations kept {len(leaked)}/{len(invented)}"
    )
    for line in wrong + leaked:
        print("  " + line)
    assert share >= 0.9, wrong
    assert leaked == []
