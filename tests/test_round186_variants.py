"""What round 186 of the written tables (cfb, cfc, cfd, cfe) showed: a draft's template text in
other words (填写说明：…, （请对照…填写…）), and a finance bureau's re-evaluation (复评表) printed
after the self-evaluation.
"""

from __future__ import annotations

from reviewer.forms.template import is_instruction
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def _messages(stem: str, code: str) -> list[str]:
    return [f.message for f in review(_doc(stem)).findings if f.code == code]


def test_round186_template_text_in_other_words() -> None:
    assert is_instruction("填写说明：对未完成的指标逐项分析偏差原因，不超过200字。")
    assert is_instruction("完成××公里防火隔离带建设。（请对照预期目标逐项填写完成情况）")
    assert not is_instruction("部分路段征地协调滞后，已请乡镇协助，计划明年3月完工。")
    # cfc04: 实际完成情况 left as the template's; cfc06: 偏差原因分析 the 填写说明 beside a missed
    # target (each labelled)
    assert any("实际完成情况" in m for m in _messages("cfc04", "P106"))
    assert "E101" in _codes("cfc06")


def test_round186_a_bureaus_re_evaluation() -> None:
    # cfe06: the 复评表's deductions with the evaluator's reasons are no shortfall of the
    # department's (no E102, no S103); cfe02: its arithmetic is still checked (labelled)
    findings = review(_doc("cfe06")).findings
    assert not {f.code for f in findings if f.table_index == 1} & {"E102", "S103"}
    assert any(f.code == "B101" and f.table_index == 1 for f in review(_doc("cfe02")).findings)


def test_round186_a_template_stub_for_an_amount() -> None:
    # cfc04: 其他资金 | 0000.00 | 0000.00 | 0000.00 (labelled: a reviewer asks for the amounts)
    assert any("0000.00" in m for m in _messages("cfc04", "P106"))
    # cfc01, clean, prints its zeros as 0.00
    assert not any("占位" in m for m in _messages("cfc01", "P106"))
