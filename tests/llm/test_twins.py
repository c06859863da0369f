"""Rule twins: which of the model's findings repeat a rule finding (same table and row, or the
same quotes), for the pipeline to drop."""

from __future__ import annotations

from reviewer.checks import run_checks
from reviewer.config import Config
from reviewer.llm.grounding import ground_findings
from reviewer.llm.prompts import table_data
from reviewer.llm.schema import LLM_CODES, AnswerFinding
from reviewer.llm.twins import rule_twins, twin_of
from reviewer.model import Category, Evidence, Finding, Report, Severity
from tests.fake_openai import smart_findings


def _finding(
    code: str,
    table: int = 0,
    indicator: str | None = None,
    quotes: tuple[str, ...] = (),
    source: str = "rules",
) -> Finding:
    return Finding(
        code=code,
        category=Category.CONSISTENCY,
        severity=Severity.WARNING,
        source=source,
        project="p",
        table_index=table,
        indicator=indicator,
        message=f"{code} 的意见",
        evidence=[Evidence(quote=q) for q in quotes],
    )


def test_every_l_code_has_its_twins_and_they_are_rule_codes() -> None:
    from reviewer.checks.registry import all_rules, get_rule

    twins = {r.code: set(r.twins) for r in all_rules() if r.scope == "llm"}
    assert set(twins) == set(LLM_CODES)
    assert twins["L103"] >= {"N104"} and twins["L104"] >= {"E102"} and twins["L105"] >= {"N103"}
    for code, codes in twins.items():
        assert codes, code
        assert all((r := get_rule(c)) is not None and r.scope != "llm" for c in codes)


def test_same_table_and_row_with_a_twin_code() -> None:
    rule = _finding("E102", indicator="培训人数")
    assert twin_of(_finding("L104", indicator="培训人数", source="llm"), [rule]) is rule
    assert twin_of(_finding("L104", indicator="培训场次", source="llm"), [rule]) is None
    assert twin_of(_finding("L104", table=1, indicator="培训人数", source="llm"), [rule]) is None
    assert twin_of(_finding("L101", indicator="培训人数", source="llm"), [rule]) is None  # no twin


def test_table_level_findings_are_the_same_row() -> None:
    rule = _finding("N104")
    assert twin_of(_finding("L103", source="llm"), [rule]) is rule


def test_the_same_quotes_make_a_twin_whatever_the_row() -> None:
    rule = _finding("N104", quotes=("组织并开展不少于2次专家研讨会、论证会",))
    llm = _finding(
        "L103", indicator="专家研讨会次数", quotes=("不少于2次专家研讨会",), source="llm"
    )
    assert twin_of(llm, [rule]) is rule
    other = _finding("L103", indicator="专家研讨会次数", quotes=("完成辖区16个",), source="llm")
    assert twin_of(other, [rule]) is None
    short = _finding("L103", indicator="专家研讨会次数", quotes=("2次",), source="llm")
    assert twin_of(short, [rule]) is None  # a short quote overlaps by chance


def test_a_good_models_findings_on_the_seed_all_have_rule_twins(seed_report: Report) -> None:
    """The fake's good model reports plan language and explanations without a measure: the
    rules report each of them already (N104, E102)."""
    rules = run_checks(seed_report, Config())
    llm: list[Finding] = []
    for index, table in enumerate(seed_report.tables):
        answers = [AnswerFinding.model_validate(f) for f in smart_findings(table_data(table))]
        grounded = ground_findings(answers, table, index)
        assert not grounded.dropped
        llm += grounded.findings
    twins = rule_twins(llm, rules)
    assert len(llm) >= 10 and len(twins) == len(llm)
    assert {(t.llm.code, t.rule.code) for t in twins} == {("L103", "N104"), ("L104", "E102")}
    assert all(
        t.llm.table_index == t.rule.table_index and t.llm.indicator == t.rule.indicator
        for t in twins
    )
