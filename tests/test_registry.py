"""The rule registry: every rule documented, `review rules` and `review explain` cover them all."""

from __future__ import annotations

import re

import pytest

from reviewer.checks.registry import AUTHORITIES, GROUPS, all_rules
from reviewer.cli import explain_text, main


def test_every_rule_is_documented() -> None:
    rules = all_rules()
    assert len(rules) >= 30
    for r in rules:
        assert re.fullmatch(r"[A-Z]\d{3}", r.code), r.code
        for field in ("title", "name", "what", "why", "example", "fix"):
            assert getattr(r, field).strip(), f"{r.code} lacks {field}"
        assert r.authority in AUTHORITIES and r.group in GROUPS


def test_codes_are_unique_and_families_known() -> None:
    codes = [r.code for r in all_rules()]
    assert len(codes) == len(set(codes))
    assert {c[0] for c in codes} <= set("PFBWSENTL")
    llm = {r.code for r in all_rules() if r.scope == "llm"}
    assert llm == {f"L10{i}" for i in range(1, 8)}
    assert all(r.code.startswith("L") == (r.scope == "llm") for r in all_rules())


@pytest.mark.parametrize("code", [r.code for r in all_rules()])
def test_explain_prints_each_rule(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", code]) == 0
    out = capsys.readouterr().out
    assert code in out and "为什么" in out and "如何改正" in out
    assert code.lower() in explain_text(code.lower()).lower()


def test_explain_unknown_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "Z999"]) == 2
    assert "没有规则" in capsys.readouterr().err


def test_rules_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for r in all_rules():
        assert r.code in out
