"""What round 181 of the written tables (cef, ceg, ceh, cei) showed: a fixed-width header whose
two labels the dashes of the rows below chained into one column, a 20/80 category's points
overrun where the other categories' points gave their rows a weight, a measure planned for next
year, and 有所提升 against a target of 明显提升.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import WRITTEN, _codes, _doc


def _messages(stem: str, code: str) -> list[str]:
    path = WRITTEN / stem if "/" in stem else _doc(stem)
    return [f.message for f in review(path).findings if f.code == code]


def test_round181_header_labels_over_drifting_dashes_stay_apart() -> None:
    # cef01 (pdftotext -layout): 分值   执行率 over rows whose dashes drift a character a line
    # were read as one column, the 执行率 98.96% left unread
    (table,) = parse_file(_doc("cef01")).tables
    assert table.funds.annual_total.weight == 10
    assert table.funds.annual_total.rate_pct == 98.96
    assert table.funds.annual_total.score == 9.9
    assert "P101" not in _codes("cef01")


def test_round181_category_points_overrun_beside_implied_weights() -> None:
    # ceh05: 产出指标（40分） rows score 10 + 10 + 12 + 10; 效益 and 满意度 rows were given their
    # weights by their categories' points, which stopped the category check
    assert _messages("ceh05", "S101") == [
        "产出指标标明40分，其下各指标得分合计42分，超过该类分值。"
    ]
    # db03, ei03: the same on earlier Hubei forms, each labelled
    assert any("合计" in m for m in _messages("ei03", "S101"))


def test_round181_an_overrun_said_once() -> None:
    # 05_jiangsu: 时效指标(5分) over one row scoring 8 is said of the row, not again of 时效 and
    # 产出; fi04: 质量指标 12 of 10 is said, not again of 产出 42 of 40
    assert len(_messages("e/texts/05_jiangsu_sihong_nongtianguanhu_2024.docx", "S101")) == 1
    assert _messages("fi04", "S101") == ["质量指标标明10分，其下各指标得分合计12分，超过该类分值。"]
    # fg04: 数量指标(8分) | 数量指标(7分) printed over each row are two categories, not one of 8
    # points holding 17
    (message,) = _messages("fg04", "S101")
    assert "更换维修供水管网" in message


def test_round181_a_partial_change_against_a_marked_one() -> None:
    # cei03: 有所提升 against 明显提升 scored 7 of 10 is partly met, in its band; its note plans
    # next year's step (2025年计划每季度组织…活动): a measure
    assert "S106" not in _codes("cei03")
    assert not [m for m in _messages("cei03", "E102") if "群众阅读氛围" in m]
    # r02, hf05: the same words kept at (nearly) full points, each labelled
    assert any("部分达成" in m for m in _messages("r02", "S106"))
    assert any("部分达成" in m for m in _messages("hf05", "S106"))
