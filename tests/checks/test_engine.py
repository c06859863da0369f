"""Across the rule families: a clean table passes every rule, and every registered rule has
its section (a ``Test<code>…`` class) in the test module of its family, with a broken table
and its clean twin unless it cannot have one, for a stated reason."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from reviewer.checks.registry import all_rules
from tests.builders import codes, make_table
from tests.checks import (
    test_budget,
    test_explanations,
    test_funds,
    test_narrative,
    test_scoring,
    test_structure,
    test_totals,
    test_weights,
)
from tests.checks.cases import RuleCase

FAMILY_MODULES: dict[str, ModuleType] = {
    "P": test_structure,
    "F": test_funds,
    "B": test_budget,
    "W": test_weights,
    "S": test_scoring,
    "E": test_explanations,
    "N": test_narrative,
    "T": test_totals,
}


def sections() -> dict[str, type]:
    """Rule code → its test class, from every family module."""
    found: dict[str, type] = {}
    for family, module in FAMILY_MODULES.items():
        for name, obj in vars(module).items():
            if (
                isinstance(obj, type)
                and name.startswith("Test")
                and obj.__module__ == module.__name__
            ):
                code = name[4:8]
                assert code[0] == family, f"{name} is in the module of family {family}"
                assert code not in found, f"two sections for {code}"
                found[code] = obj
    return found


def test_clean_table_has_no_finding(tmp_path: Path) -> None:
    assert codes(tmp_path, make_table()) == set()


def _checked() -> set[str]:
    """The codes a check function reports (the L-codes are the LLM stage's: tests/llm)."""
    return {r.code for r in all_rules() if r.scope != "llm"}


def test_every_rule_has_a_section_in_its_family_module() -> None:
    assert set(sections()) == _checked()


def test_every_rule_has_a_broken_table_and_a_clean_twin_but_seventeen() -> None:
    """B102, P101, P111, P114, T108, T109 and T110 are about the whole report, not one table; P104 is tested on the
    model (the text layout always prints a row's labels); P112 needs two tables (a form and
    its detail) in one document; S111–S115, T111 and W109 columns the text layout does not
    print (a 评分标准, a 是否完成, a 完成率, a 单项指标得分, a 扣分, a 年初目标值); P115 a value the
    layout does not print (a spreadsheet's #REF!)."""
    cases = {code: cls for code, cls in sections().items() if issubclass(cls, RuleCase)}
    assert _checked() - set(cases) == {
        "B102",
        "P101",
        "P104",
        "P111",
        "P112",
        "P114",
        "P115",
        "S111",
        "S112",
        "S113",
        "S114",
        "S115",
        "T108",
        "T109",
        "T110",
        "T111",
        "W109",
    }
    for code, cls in cases.items():
        assert cls.code == code, cls.__name__


def test_rules_that_cannot_fire_alone() -> None:
    """Co-firing is documented where it is unavoidable, and nowhere else: a total above 100
    needs a score above its weight (S101); a recomputed grade falls only because rows were
    scored too softly (S102)."""
    also = {
        code: set(cls.also)
        for code, cls in sections().items()
        if issubclass(cls, RuleCase) and cls.also
    }
    assert also == {"T102": {"S101"}, "T104": {"S102"}}
