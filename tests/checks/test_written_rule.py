"""A row's own 评分标准: which rules are read, and the score each gives a missed row (S111's;
the rule itself is tested on documents in tests/checks/test_scoring.py)."""

from __future__ import annotations

import pytest

from reviewer.checks.written_rule import delayed_score, ruled_score, written_rule
from reviewer.model import CellRef, Indicator
from reviewer.parse.values import parse_value


def _row(target: str, actual: str, rule: str, weight: float = 10) -> Indicator:
    i = Indicator(
        l1="产出指标",
        l2="质量指标",
        name="指标",
        target=target,
        actual=actual,
        weight=weight,
        score=0,
        explanation="",
        target_value=parse_value(target),
        actual_value=parse_value(actual),
    )
    i.cells["评分标准"] = CellRef(rule, 1, 7)
    return i


def _score(i: Indicator) -> float | None:
    r = written_rule(i)
    assert r is not None
    t, a = parse_value(i.target), parse_value(i.actual)
    assert t.number is not None and a.number is not None
    return ruled_score(r, i, t.number, a.number)


@pytest.mark.parametrize(
    ("target", "actual", "rule", "score"),
    [
        ("≥98%", "93%", "达到目标值得满分，每低1个百分点扣0.5分", 7.5),
        ("≥70%", "66.5%", "完成得满分，每低1个百分点扣1分", 6.5),
        ("≥90%", "88%", "≥90%得满分,每低1个百分点扣0.5分", 9.0),
        ("≥95%", "80%", "每低1个百分点扣1分，扣完为止", 0.0),  # never below 0
        ("≤5%", "7%", "每超过1个百分点扣2分", 6.0),  # a lower-is-better row
        ("≥1200人", "1150人", "每少10人扣0.5分", 7.5),  # in the row's own unit
        ("≥200场", "180场", "每少1%扣0.5分", 5.0),  # a share of the target: 10 % short
        ("≥0.5个等级", "0.4个等级", "达到目标值得满分，未达到不得分", 0.0),
        ("≤350元/平方米", "362元/平方米", "不超过目标值得满分，每超出1%扣0.5分", 8.29),
        # a rate's bands (bz02, ab02): half the weight, or the band's points, or none below
        ("≥90%", "86.4%", "满意度≥90%得满分，80%（含）–90%得一半分，<80%不得分", 5.0),
        ("≥95%", "91%", "≥95%得满分；90%（含）-95%得6分；90%以下不得分", 6.0),
        ("≥95%", "88%", "≥95%得满分；90%（含）-95%得6分；90%以下不得分", 0.0),
    ],
)
def test_a_written_rule_scores_a_missed_row(
    target: str, actual: str, rule: str, score: float
) -> None:
    assert _score(_row(target, actual, rule)) == score


@pytest.mark.parametrize(
    "rule",
    [
        "完成目标值得满分，未完成按比例计分",
        "建立得满分，未建立酌情扣分",
        "每发现一项问题扣1分",
        "",
    ],
)
def test_rules_it_does_not_read_are_left_to_the_proportional_rule(rule: str) -> None:
    assert written_rule(_row("≥98%", "93%", rule)) is None


def test_a_rule_in_another_unit_than_the_rows_gives_no_score() -> None:
    # persons against a row in 户: not the row's measure
    assert _score(_row("≥1200户", "1150户", "每少10人扣0.5分")) is None
    # …nor a rate's mark (90%得满分) against a count
    assert _score(_row("≥1200户", "1150户", "90%得满分，每低1个百分点扣0.5分")) is None


def test_percentage_points_of_a_counts_completion() -> None:
    # 1150 of ≥1200户 is 95.83% done: 4.17 points short, 0.5 each, 2.08 off 10
    assert _score(_row("≥1200户", "1150户", "每低1个百分点扣0.5分")) == 7.92
    # 57 of ≥60场 is 95%: five points, 0.5 each (cji05's row, scored so)
    assert _score(_row("≥60场", "57场", "完成得满分，每降低1个百分点扣0.5分")) == 7.5


@pytest.mark.parametrize(
    ("rule", "deadline", "done", "score"),
    [
        ("按期完工得满分，每延迟1个月扣1分", 20230831, 20231020, 8.0),  # two months late
        ("按期完工得满分，每逾期一个月扣3分", 20230831, 20231231, 0.0),  # not below nothing
        ("每延迟2个月扣1分", 20230831, 20231100, 8.0),  # three months: two periods begun
        ("按期完工得满分，每延迟1个月扣1分", 20231031, 20231020, None),  # on time
        ("按期完工得满分，每延迟1个月扣1分", 831, 1000, 8.0),  # dates without their year
        ("每低1个百分点扣0.5分", 20230831, 20231020, None),  # no rule of delay
    ],
)
def test_a_rule_per_month_of_delay_scores_a_late_row(
    rule: str, deadline: int, done: int, score: float | None
) -> None:
    written = written_rule(_row("2023年8月底前", "2023年10月20日", rule))
    assert written is not None
    assert delayed_score(written, _row("", "", rule), deadline, done) == score


def test_a_band_may_give_a_share_of_the_weight() -> None:
    rule = "达到90%以上得满分，80%-90%得60%分值，80%以下不得分"
    assert _score(_row("≥90%", "86%", rule)) == 6.0
    assert _score(_row("≥90%", "75%", rule)) == 0.0


def test_a_rule_in_a_smaller_unit_than_the_rows_is_scaled() -> None:
    # 每少1000人扣0.1分 against ≥15万人 | 14.2万人: 8000 short, 0.8 off
    assert _score(_row("≥15万人", "14.2万人", "完成得满分，每少1000人扣0.1分")) == 9.2
    # 人 for a row in 人次
    assert _score(_row("≥3000人次", "2860人次", "每少10人扣0.1分", weight=15)) == 13.6
