"""What round 143 of the written tables (ao, ap, aq, ar) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_score_split_into_self_and_review_columns_is_read() -> None:
    # ao04 (pipes): 得分 over 自评 | 复核 on the header's second row: every row had been lost
    # (the second row read as a row of its own); the 自评 column is the score
    (table,) = parse_file(_doc("ao04")).tables
    assert len(table.indicators) == 10
    assert table.indicators[3].score == 4.92
    assert "T101" in {f.code for f in review(_doc("ao04")).findings}  # its writer's


def test_a_funds_rows_label_wrapped_before_its_last_word_is_one_label() -> None:
    # ap01 (a viewer's copy): 其中：一般公共预算 / 资金 had been left apart, the block's rows
    # after it unread (9 lines)
    report = parse_file(_doc("ap01"))
    assert not report.leftovers
    assert report.tables[0].funds.extra["其中：一般公共预算资金"].executed == 285.60


def test_a_name_ending_in_li_cheng_after_an_unstopped_explanation_is_a_name() -> None:
    # ap05 (OCR a cell a line): …，计划2021年5月底前完工 / 安全生命防护工程里程 / ≥40公里
    (table,) = parse_file(_doc("ap05")).tables
    assert "安全生命防护工程里程" in [i.name for i in table.indicators]


def test_a_narrative_figure_of_another_grade_or_of_parts_is_no_contradiction() -> None:
    # aq03: 全年发生一般森林火灾2起 beside 重特大森林火灾发生次数 0起 (another grade of fire),
    # 开展防火宣传活动46场、扑火技能培训6期 beside 防火宣传培训场次 52 (its parts): two false
    # N102 warnings; 已通过补聘临时护林员并实行轮岗制度补足巡护力量 is a measure (a false E102)
    codes = {f.code for f in review(_doc("aq03")).findings}
    assert not {"N102", "E102"} & codes


def test_a_funds_label_and_its_amount_on_the_next_line_stay_apart() -> None:
    # id02 (bars, a cell a line): 上年结转资金 / 60 / 60 — a guard on this round's joining of a
    # funds label's wrapped last word, which first took the amount for it
    (table,) = parse_file(_doc("id02")).tables
    assert table.funds.prior_year_carryover.executed == 60
