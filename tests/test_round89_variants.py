"""What round 89 of the written tables (sd–sg) showed, asserted on the written documents whose
layout is the point and on the smallest cases.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.checks.explanations import _MEASURE_OPENS
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def _codes(stem: str, indicator: str | None = None) -> set[str]:
    return {
        f.code for f in review(_doc(stem)).findings if indicator is None or f.indicator == indicator
    }


def test_round89_an_explanations_first_line_atop_a_page_opens_the_row_below() -> None:
    # se06 (pdftotext -layout): the first line of 培训后就业率's explanation, centred over its
    # row at the top of page 2, went to the last row of page 1 (a false E103 there)
    (t,) = parse_file(_doc("se06")).tables
    rows = {i.name: i for i in t.indicators}
    assert rows["培训后就业率"].explanation.startswith("受县内企业用工需求")
    assert not rows["人均培训补贴标准"].explanation
    assert "E103" not in _codes("se06")


def test_round89_a_units_seal_among_a_cell_a_line_scans_rows() -> None:
    # sf05 (OCR a cell a line): 临洮县乡村振兴局, the head's unit stamped between two rows, was a
    # cell for the rows' programme to place: the rows around it read one cell off
    (t,) = parse_file(_doc("sf05")).tables
    assert "产业项目补助标准" in {i.name for i in t.indicators}


def test_round89_a_name_after_an_explanation_of_a_slash() -> None:
    # sf01, sf02: 资助覆盖家庭经济困 / 难幼儿比例 after the row above's explanation “/”: its
    # first line read into that explanation (nothing goes on from a slash)
    for stem, name in (("sf01", "资助覆盖家庭经济困难幼儿比例"), ("sf02", "签约履约随访次数")):
        (t,) = parse_file(_doc(stem)).tables
        assert name in {i.name for i in t.indicators}, stem


def test_round89_a_names_last_character_wrapped() -> None:
    # sf03, sf06: 更换老旧管网长 / 度, 特种设备定期检验 / 率: the last character read as the target
    for stem, name in (("sf03", "更换老旧管网长度"), ("sf06", "特种设备定期检验率")):
        (t,) = parse_file(_doc(stem)).tables
        assert name in {i.name for i in t.indicators}, stem


def test_round89_a_labels_last_character_wrapped() -> None:
    # sf03: 年初预算 / 数, 全年预算 / 数, 全年执行 / 数 stacked in a cell a line: the funds read one
    # column off (分值 361.2, said misread)
    (t,) = parse_file(_doc("sf03")).tables
    total = t.funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed) == (400, 410, 361.2)
    assert total.weight == 10


def test_round89_boilerplate_and_measures_only() -> None:
    # sg05: one paragraph on three missed rows (E105); sg03: a measure and a dated step, no
    # cause (E104); sg04: 借阅率 112% with its note on why it passes 100% (no S110)
    assert "E105" in _codes("sg05")
    assert _MEASURE_OPENS.match("2023年6月底前完成全县高血压患者随访复核")
    assert not _MEASURE_OPENS.match("2023年前三季度进度滞后")
    assert "E104" in _codes("sg03", "高血压患者基层规范管理服务率")
    assert "S110" not in _codes("sg04")


def test_round89_a_pairs_label_with_its_amount_run_in() -> None:
    # iv03, nh03 (a Hebei form in pdftotext's layout): 预算数 | 86.40 | 到位数86.40 | 执行数84.69 |
    # 98.02, each label and its amount in one cell: the amounts read one column off or not at all
    # (a false F103 on iv03; false B101, F101, B104, B105 on nh03)
    (t,) = parse_file(_doc("iv03")).tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct) == (86.4, 84.69, 98.02)
    assert "F103" not in _codes("iv03")
    assert not {"B101", "F101", "B104", "B105"} & _codes("nh03")


def test_round89_a_scans_page_head_after_the_units_seal_is_no_row() -> None:
    # ro05 (OCR a cell a line): 沂水县市场监督管理局 | 扫描 | 1/2, the unit taken out as its seal,
    # left 扫描 as a row with nothing done (a false P107)
    assert "P107" not in _codes("ro05")


def test_round89_a_sign_alone_is_no_target_left_unfilled() -> None:
    # oj02 (a doubted Hebei scan): targets read as ≥ or ≤ alone, their figures in the next
    # column: not said to be unset (P106); rb06, rp05: ≥% with no figure, said
    assert not any(f.code == "P106" and f.indicator for f in review(_doc("oj02")).findings)
    assert "P106" in _codes("rb06", "农家书屋年均使用率")


def test_round89_a_scoring_rule_read_as_an_explanation() -> None:
    # qd04 (a viewer's copy): 完成目标值得满分 / ,未完成按完成比 / 例计分 (the 评分标准 cell) read
    # into each met row's explanation: six false E103 ("the explanation admits a shortfall")
    assert "E103" not in _codes("qd04")
