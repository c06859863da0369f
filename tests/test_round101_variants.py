"""What round 101 of the written tables (tz–uc) showed, asserted on the written documents whose
layout is the point.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_transfer_forms_target_label_over_its_two_value_columns() -> None:
    # ub03, .xlsx: 指标值 merged over 全年目标值 | 全年实际完成值 on the row below; 全年目标值
    # was no label, the lower row read as a row and every actual as an explanation
    (t,) = parse_file(_doc("ub03")).tables
    first = t.indicators[0]
    assert (first.name, first.target, first.actual) == (
        "新建高标准农田面积",
        "≥3.8万亩",
        "3.82万亩",
    )
    assert not t.doubts


def test_labels_wrapped_before_their_last_word_in_a_cell_a_line() -> None:
    # ua04, OCR a cell a line of a 20/80 form: 实际完成 / 值(B) (a value column's label wrapped
    # before its letter) and 年度财政资金 / 总额 (a funds row's label before its last word)
    (t,) = parse_file(_doc("ua04")).tables
    assert t.labels["actual"] == "实际完成值(B)"
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed) == (68.4, 65.2)
    assert [i.name for i in t.indicators][3] == "放映任务完成时限"


def test_a_category_whose_first_words_are_a_bare_category() -> None:
    # ua05: 满意度指标(10分) / 服务对象 / 满意度指标 / 服务对象满意度 — the 二级 wrapped after
    # 服务对象, read as a row of its own and the name shifted into the target
    last = parse_file(_doc("ua05")).tables[0].indicators[-1]
    assert (last.l2, last.name, last.target) == ("服务对象满意度指标", "服务对象满意度", "≥90%")


def test_a_names_first_line_after_an_explanation_left_empty() -> None:
    # ua05: …10 / 10 / / / 市场主体双随机 / 抽查比例 / ≥5%: the / closes the row above, so the two
    # lines are the next name's (the first had been read as a department's own category)
    names = [i.name for i in parse_file(_doc("ua05")).tables[0].indicators]
    assert "市场主体双随机抽查比例" in names


def test_a_scanning_apps_page_mark_is_furniture() -> None:
    # ua03: PAGE 2 under the last row (read as a row PAGE | 1, and into the last name)
    names = [i.name for i in parse_file(_doc("ua03")).tables[0].indicators]
    assert names[-1] == "受益农户满意度"
    assert not any("PAGE" in n for n in names)


def test_a_hebei_form_read_with_its_header_and_units_in_the_rows_is_doubted() -> None:
    # ua06: a Hebei form a cell a line whose definitions and 符号 | 值 | 单位 cells ran into the
    # names (…满意度%(百分比)88%) and a header label into an explanation (单项指标折算得分); it
    # had been reviewed with four false errors
    (t,) = parse_file(_doc("ua06")).tables
    reasons = " ".join(d.reason for d in t.doubts)
    assert "偏差原因栏是表头的栏目名称" in reasons
    assert "名称中带着计量单位" in reasons


def test_a_narratives_change_in_kilograms_is_compared() -> None:
    # uc02: 实际完成情况 says 亩均粮食产能提升60公斤; the row 项目区亩均粮食产能提升 reports 46公斤
    found = {(f.code, f.indicator) for f in review(_doc("uc02")).findings}
    assert ("N102", "项目区亩均粮食产能提升") in found
    assert ("E108", "新增高效节水灌溉面积") in found


def test_round102_a_seals_lower_line_parts_the_rows() -> None:
    # ue02, a viewer's copy a cell a line: 于都县卫生健康委员会 / 财务专用章 between two rows,
    # the seal's lower line read into the name above (居民健康素养水平财务专用章)
    names = [i.name for i in parse_file(_doc("ue02")).tables[0].indicators]
    assert "居民健康素养水平" in names
    assert not any("专用章" in n for n in names)
