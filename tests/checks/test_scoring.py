"""S rules (reviewer/checks/scoring.py): indicator scores against their targets and actuals.

One class per rule: the broken table and its clean twin (``RuleCase``), then each threshold
and tolerance the rule reads, tested on both sides. Scores are recomputed operator-aware
(reviewer/checks/recompute.py), so the S102/S103 sections test each direction at its target.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.model import EvaluationTable, Indicator, Severity
from reviewer.pipeline import review
from tests.builders import (
    MEASURE,
    clean_indicators,
    codes,
    findings_of,
    ind,
    make_table,
    with_row,
)
from tests.checks.cases import RuleCase
from tests.test_round73_variants import _doc


def trainees(target: str, actual: str, score: float, explanation: str = "") -> EvaluationTable:
    """The clean table with row 1 (培训人数, weight 10) replaced."""
    row = ind("培训人数", target, actual, 10, score, explanation)
    return make_table(indicators=with_row(1, row))


def timeliness(target: str, actual: str, score: float, explanation: str = "") -> EvaluationTable:
    """The clean table with row 3 (培训完成及时性, weight 10) replaced."""
    row = ind("培训完成及时性", target, actual, 10, score, explanation, l2="时效指标")
    return make_table(indicators=with_row(3, row))


def benefit(actual: str, score: float, explanation: str = "") -> EvaluationTable:
    """The clean table with the qualitative row 4 (提升业务能力, weight 15) replaced."""
    row = ind(
        "提升业务能力", "提升", actual, 15, score, explanation, l1="效益指标", l2="社会效益指标"
    )
    return make_table(indicators=with_row(4, row))


# S101 score within 0..weight -------------------------------------------------------------


class TestS101ScoreWithinWeight(RuleCase):
    code = "S101"

    def broken(self) -> EvaluationTable:
        # Row 1 loses a point so that the total stays at 99.5 (no T102).
        return make_table(
            indicators=with_row(
                0,
                ind("培训场次", "=10场", "=10场", 20, 21),
                with_row(1, ind("培训人数", ">=200人", "=180人", 10, 9, MEASURE)),
            )
        )

    def clean(self) -> EvaluationTable:
        return make_table(
            indicators=with_row(1, ind("培训人数", ">=200人", "=180人", 10, 9, MEASURE))
        )

    def test_a_score_equal_to_the_weight_is_within(self, tmp_path: Path) -> None:
        assert codes(tmp_path, trainees(">=200人", "=210人", 10)) == set()

    def test_one_hundredth_over_the_weight_fires(self, tmp_path: Path) -> None:
        assert codes(tmp_path, trainees(">=200人", "=210人", 10.01)) == {"S101"}

    def test_a_negative_score_fires_and_zero_does_not(self, tmp_path: Path) -> None:
        assert "S101" in codes(tmp_path, trainees(">=200人", "=100人", -1, MEASURE))
        assert "S101" not in codes(tmp_path, trainees(">=200人", "=100人", 0, MEASURE))


# S102 unmet target, full marks -----------------------------------------------------------


class TestS102UnmetFullMarks(RuleCase):
    code = "S102"

    def broken(self) -> EvaluationTable:
        return trainees(">=200人", "=180人", 10, MEASURE)

    def clean(self) -> EvaluationTable:
        return trainees(">=200人", "=180人", 9, MEASURE)

    @pytest.mark.parametrize(
        ("target", "actual", "score", "fires"),
        [
            ("<=3天", "=2天", 10, set()),  # lower-is-better met
            ("<=3天", "=4天", 10, {"S102"}),  # lower-is-better missed, full marks
            ("<=3天", "=4天", 6.67, set()),  # linear profile: 10 × (1 − 1/3)
            ("3-10月", "11月", 10, {"S102"}),  # outside the window, full marks
            ("3-10月", "9月", 10, set()),
            ("9月", "10月", 10, {"S102"}),  # deadline missed
            ("=0", "=0", 10, set()),  # = 0 met
            ("=0", "=2", 10, {"S102"}),
            # a completion printing two dates is done at the later one
            ("2021年11月底前", "2座于2021年10月完工，2座于2022年5月完工", 10, {"S102"}),
            ("2021年11月底前", "2座于2021年9月完工，2座于2021年10月完工", 10, set()),
            # a date by separators is a date (2021.11 against 2021.12 is early, not 99.99 %)
            ("2021.12", "2021.11", 10, set()),
            ("2021.12", "2022.01", 10, {"S102"}),
            # a month without its year against a dated actual (gy04: not 2022 / 6 = 337 times)
            ("6月底前发放到位", "2022年6月", 10, set()),
            ("6月底前发放到位", "2022年7月", 10, {"S102"}),
            ("≤12月", "2022年11月", 10, set()),
            # two targets in one cell, each against its actual (not one unit 天 against %)
            ("≥95%；≤5天", "97.2%；7天", 10, {"S102"}),
            ("≥95%；≤5天", "97.2%；4天", 10, set()),
        ],
    )
    def test_directions(
        self, tmp_path: Path, target: str, actual: str, score: float, fires: set[str]
    ) -> None:
        explanation = MEASURE if fires or score < 10 else ""
        assert codes(tmp_path, timeliness(target, actual, score, explanation)) == fires

    @pytest.mark.parametrize(
        ("target", "actual", "fires"),
        [
            ("<=3天", "=3天", set()),  # A == T on a ≤ row is met: full marks are right
            ("<=3天", "=3.01天", {"S102"}),  # just above a ≤ target
            ("≤3天", "=3天", set()),
            ("不超过3天", "=3天", set()),
            ("<3天", "=3天", set()),  # D3 scores `≤ <` alike: A ≤ T → w
            ("3-10月", "3月", set()),  # a window's two ends are inside it
            ("3-10月", "10月", set()),
            ("3-10月", "2月", {"S102"}),
            ("9月", "9月", set()),  # a deadline met on the month
            ("=0", "=0.01", {"S102"}),
        ],
    )
    def test_each_direction_at_its_target(
        self, tmp_path: Path, target: str, actual: str, fires: set[str]
    ) -> None:
        explanation = MEASURE if fires else ""
        assert codes(tmp_path, timeliness(target, actual, 10, explanation)) == fires

    @pytest.mark.parametrize(
        ("target", "actual", "fires"),
        [
            (">=200人", "=200人", set()),  # A == T on a ≥ row is met
            (">=200人", "=199人", {"S102"}),
            (">200人", "=200人", set()),  # D2 scores `≥ >` alike: A ≥ T → w
            ("=200人", "=200人", set()),
            ("=200人", "=199.9人", {"S102"}),
        ],
    )
    def test_higher_is_better_at_its_target(
        self, tmp_path: Path, target: str, actual: str, fires: set[str]
    ) -> None:
        explanation = MEASURE if fires else ""
        assert codes(tmp_path, trainees(target, actual, 10, explanation)) == fires

    @pytest.mark.parametrize(
        ("target", "actual", "fires"),
        [
            # a length against a count (ur04): no achievement to weigh, S108's mismatch alone
            (">=120公里", "=46处", {"S108"}),
            (">=50吨", "=30亩", {"S108"}),
            # two counts' words may count the same things: compared as they are
            (">=200人", "=180名", {"S102", "S108"}),
        ],
    )
    def test_units_that_do_not_convert(
        self, tmp_path: Path, target: str, actual: str, fires: set[str]
    ) -> None:
        assert codes(tmp_path, trainees(target, actual, 10, MEASURE)) == fires

    def test_expected_score_in_the_finding(self, tmp_path: Path) -> None:
        (f,) = findings_of(tmp_path, self.broken(), "S102")
        assert (f.expected, f.found) == ("9", "10")
        assert "按完成值与指标值的比例计分应为9分" in f.message


# S103 target met, points deducted --------------------------------------------------------

DEDUCTED = "因评估扣分，下一步将改进"


class TestS103MetButDeducted(RuleCase):
    code = "S103"

    def broken(self) -> EvaluationTable:
        return trainees(">=200人", "=210人", 8, DEDUCTED)

    def clean(self) -> EvaluationTable:
        return trainees(">=200人", "=210人", 10)

    def test_one_hundredth_short_of_full_marks_on_a_met_row(self, tmp_path: Path) -> None:
        assert codes(tmp_path, trainees(">=200人", "=200人", 9.99, DEDUCTED)) == {"S103"}

    def test_a_lower_is_better_row_met_on_its_target(self, tmp_path: Path) -> None:
        # A == T on a ≤ row is met, so the deduction is S103's, not a proportional one.
        assert codes(tmp_path, timeliness("<=3天", "=3天", 9, DEDUCTED)) == {"S103"}


# S104 deduction not proportional ---------------------------------------------------------


class TestS104DeductionNotProportional(RuleCase):
    code = "S104"

    def broken(self) -> EvaluationTable:
        return trainees(">=200人", "=100人", 8, MEASURE)

    def clean(self) -> EvaluationTable:
        return trainees(">=200人", "=100人", 5, MEASURE)

    @pytest.mark.parametrize(
        ("score", "fires"),
        [
            (9.01, set()),  # 180 / 200 × 10 = 9: off by the tolerance 0.01
            (9.02, {"S104"}),  # just past it, too soft
            (8.99, set()),
            (8.98, {"S104"}),  # just past it, too hard
        ],
    )
    def test_score_tolerance(self, tmp_path: Path, score: float, fires: set[str]) -> None:
        assert codes(tmp_path, trainees(">=200人", "=180人", score, MEASURE)) == fires

    @pytest.mark.parametrize(
        ("score", "fires"),
        [(6.68, set()), (6.69, {"S104"}), (6.66, set()), (6.65, {"S104"})],
    )
    def test_score_tolerance_on_a_lower_is_better_row(
        self, tmp_path: Path, score: float, fires: set[str]
    ) -> None:
        # Linear profile: 10 × (1 − (4 − 3) / 3) = 6.67.
        assert codes(tmp_path, timeliness("<=3天", "=4天", score, MEASURE)) == fires

    def test_lower_is_better_floored_at_zero(self, tmp_path: Path) -> None:
        # 7 days against 3: 10 × (1 − 4/3) is negative; the rule floors it at 0.
        assert codes(tmp_path, timeliness("<=3天", "=7天", 0, MEASURE)) == set()
        (f,) = findings_of(tmp_path, timeliness("<=3天", "=7天", 1, MEASURE), "S104")
        assert (f.expected, f.found) == ("0", "1")

    def test_lower_is_better_ratio_profile(self, tmp_path: Path) -> None:
        table = timeliness("<=3天", "=4天", 7.5, MEASURE)
        assert codes(tmp_path, table, **{"lower-is-better": "ratio"}) == set()  # 10 × 3/4
        assert codes(tmp_path, table) == {"S104"}  # linear: 6.67, so 7.5 is too soft

    def test_severity_by_size(self, tmp_path: Path) -> None:
        small = trainees(">=200人", "=180人", 9.5, MEASURE)
        big = trainees(">=200人", "=100人", 8, MEASURE)
        harder = trainees(">=200人", "=180人", 8, MEASURE)
        sev = {
            name: [f.severity for f in findings_of(tmp_path, t, "S104")]
            for name, t in (("small", small), ("big", big), ("harder", harder))
        }
        assert sev == {
            "small": [Severity.WARNING],
            "big": [Severity.ERROR],
            "harder": [Severity.INFO],
        }

    @pytest.mark.parametrize(
        ("score", "severity"),
        [(12, Severity.WARNING), (12.01, Severity.ERROR)],
    )
    def test_error_when_too_soft_by_more_than_a_tenth_of_the_weight(
        self, tmp_path: Path, score: float, severity: Severity
    ) -> None:
        # 5 of 10 sessions, weight 20: 10 points; 2 points is a tenth of the weight.
        row = ind("培训场次", "=10场", "=5场", 20, score, MEASURE)
        table = make_table(indicators=with_row(0, row))
        assert [f.severity for f in findings_of(tmp_path, table, "S104")] == [severity]


# S105 zero target on a higher-is-better row ----------------------------------------------


class TestS105ZeroTarget(RuleCase):
    code = "S105"

    def broken(self) -> EvaluationTable:
        return make_table(indicators=with_row(0, ind("培训场次", ">=0场", "=3场", 20, 20)))

    def clean(self) -> EvaluationTable:
        return make_table(indicators=with_row(0, ind("培训场次", ">=3场", "=3场", 20, 20)))

    def test_strictly_above_zero_fires_too(self, tmp_path: Path) -> None:
        table = make_table(indicators=with_row(0, ind("培训场次", ">0场", "=3场", 20, 20)))
        assert codes(tmp_path, table) == {"S105"}

    def test_equals_zero_is_a_lower_is_better_target(self, tmp_path: Path) -> None:
        assert codes(tmp_path, timeliness("=0", "=0", 10)) == set()


# S106 qualitative score outside its band -------------------------------------------------


class TestS106QualitativeBand(RuleCase):
    code = "S106"

    def broken(self) -> EvaluationTable:
        return benefit("未进行", 15, "下一步将尽快开展")

    def clean(self) -> EvaluationTable:
        return benefit("未进行", 0, "因故推迟，下一步将尽快开展")

    @pytest.mark.parametrize(
        ("actual", "score", "fires"),
        [
            # 达成: [0.8 w, w] = [12, 15]
            ("提升", 12, set()),
            ("提升", 11.99, {"S106"}),
            # 部分达成: [0.6 w, 0.8 w) = [9, 12)
            ("部分提升", 11.99, set()),
            ("部分提升", 12, {"S106"}),
            ("初步提升", 9, set()),  # 初步 (initially): partly, as vd05's 初步建立 against 健全
            ("初步提升", 15, {"S106"}),
            # 未达成: below 0.6 w = 9
            ("未进行", 8.99, set()),
            ("未进行", 9, {"S106"}),
            # 有所提升 against 提升: the change asked for, made (达成); 较好 grades without saying
            # whether the target was reached, 基本提升 says it basically was (达成 to one reader,
            # 部分达成 to another: lq05, lw01): not judged
            ("有所提升", 15, set()),
            ("较好", 15, set()),
            ("较好", 11, set()),  # neither 达成 (held to [12, 15]) nor 部分达成
            ("基本提升", 15, set()),
            ("基本提升", 13, set()),
            # pl03: 尚未全部落实, not yet all of it done: a part done (部分达成), not 未达成
            ("提升措施尚未全部落实", 10.5, set()),
            ("提升措施尚未落实", 10.5, {"S106"}),
        ],
    )
    def test_band_edges(self, tmp_path: Path, actual: str, score: float, fires: set[str]) -> None:
        assert codes(tmp_path, benefit(actual, score, MEASURE)) == fires

    def test_bands_are_configurable(self, tmp_path: Path) -> None:
        table = benefit("提升", 11.99, MEASURE)
        bands = {"qualitative_band_full": 0.7, "qualitative_band_partial": 0.5}
        assert codes(tmp_path, table, thresholds=bands) == set()

    def test_severity(self, tmp_path: Path) -> None:
        over = findings_of(tmp_path, benefit("未进行", 9, MEASURE), "S106")
        under = findings_of(tmp_path, benefit("提升", 11.99, MEASURE), "S106")
        assert [f.severity for f in over] == [Severity.ERROR]
        assert [f.severity for f in under] == [Severity.WARNING]

    @pytest.mark.parametrize(
        ("target", "actual", "score", "fires"),
        [
            # a grade below the one set keeps at most its share (优/良/中/差 as 100/80/60/0 %)
            ("优", "良", 12, set()),  # 良 of 优: up to 80 % of 15
            ("优", "良", 10, set()),  # ny01: 7 of 10 beside 良 had been held to 达成's 8–10
            ("优", "良", 15, {"S106"}),
            ("优", "中", 9, set()),  # 中 of 优: up to 60 %
            ("优", "中", 12, {"S106"}),
            ("良", "优", 15, set()),  # a grade above the one set: met
            ("良好", "良", 15, set()),  # the same grade in other words
        ],
    )
    def test_a_grade_below_the_one_set_keeps_its_share(
        self, tmp_path: Path, target: str, actual: str, score: float, fires: set[str]
    ) -> None:
        # ny01, y02: 考核等级 优 against 良 read as met (a false S106 on 7 of 10)
        row = ind(
            "管护考核等级", target, actual, 15, score, MEASURE, l1="效益指标", l2="社会效益指标"
        )
        table = make_table(indicators=with_row(4, row))
        assert codes(tmp_path, table) & {"S106"} == fires


# S107 over-achievement -------------------------------------------------------------------

REASON = "因群众需求旺盛，超额完成"


class TestS107OverAchievement(RuleCase):
    code = "S107"

    def broken(self) -> EvaluationTable:
        return make_table(indicators=with_row(0, ind("培训场次", "=10场", "=15场", 20, 20)))

    def clean(self) -> EvaluationTable:
        return make_table(indicators=with_row(0, ind("培训场次", "=10场", "=11场", 20, 20)))

    @pytest.mark.parametrize(
        ("name", "target", "fires"),
        [
            ("接待游客人次增长率", "≥5%", False),  # qg06: 7.4% is a growth 2.4 points past
            ("基层诊疗人次增幅", "≥5%", False),
            ("接待游客人次增长率", "≥25%", True),  # a large growth target: a multiple again
            ("游客满意度", "≥5%", True),  # no growth: the multiple stands
        ],
    )
    def test_a_small_growth_rates_excess_is_points_not_a_multiple(
        self, tmp_path: Path, name: str, target: str, fires: bool
    ) -> None:
        actual = "7.4%" if target == "≥5%" else "37%"
        table = make_table(indicators=with_row(0, ind(name, target, actual, 20, 20)))
        assert ("S107" in codes(tmp_path, table)) is fires

    @pytest.mark.parametrize(("actual", "fires"), [("929", False), ("129%", True)])
    def test_a_rate_past_100_without_its_sign_is_no_achievement(
        self, tmp_path: Path, actual: str, fires: bool
    ) -> None:
        # fu06: 92% read by the OCR as 929 against ≥90%: not 10.32 times the target
        row = ind(
            "受益群众满意度", "≥90%", actual, 10, 10, l1="满意度指标", l2="服务对象满意度指标"
        )
        table = make_table(indicators=with_row(6, row))
        assert ("S107" in codes(tmp_path, table)) is fires

    @pytest.mark.parametrize(
        ("actual", "explanation", "severities"),
        [
            ("=119人", "", []),  # 1.19 × the target: below the warn level 1.2
            ("=120人", "", [Severity.INFO]),  # at it
            ("=121人", "", [Severity.INFO]),
            ("=129人", "", [Severity.INFO]),  # below the explain level 1.3
            ("=130人", "", [Severity.WARNING]),  # at it, no reason given
            ("=131人", "", [Severity.WARNING]),
            ("=131人", REASON, [Severity.INFO]),  # a reason given
        ],
    )
    def test_warn_and_explain_levels(
        self, tmp_path: Path, actual: str, explanation: str, severities: list[Severity]
    ) -> None:
        table = trainees(">=100人", actual, 10, explanation)
        assert [f.severity for f in findings_of(tmp_path, table, "S107")] == severities
        assert codes(tmp_path, table) <= {"S107"}

    def test_levels_are_configurable(self, tmp_path: Path) -> None:
        table = trainees(">=100人", "=131人", 10)
        raised = {"over_achievement_warn": 1.4, "over_achievement_explain": 1.5}
        assert codes(tmp_path, table, thresholds=raised) == set()

    def test_lower_is_better_rows_are_not_over_achieved(self, tmp_path: Path) -> None:
        assert codes(tmp_path, timeliness("<=3天", "=1天", 10)) == set()


# S108 unit mismatch ----------------------------------------------------------------------


def pass_rate(actual: str) -> EvaluationTable:
    row = ind("培训合格率", ">=95%", actual, 10, 10, l2="质量指标")
    return make_table(indicators=with_row(2, row))


class TestS108UnitMismatch(RuleCase):
    code = "S108"

    def broken(self) -> EvaluationTable:
        return pass_rate("=98分")

    def clean(self) -> EvaluationTable:
        return pass_rate("=98%")

    def test_full_width_percent_is_the_same_unit(self, tmp_path: Path) -> None:
        assert codes(tmp_path, pass_rate("=98％")) == set()

    def test_an_actual_without_a_unit_is_not_a_mismatch(self, tmp_path: Path) -> None:
        assert codes(tmp_path, pass_rate("=98")) == set()

    def test_ocrs_wan_wu_for_wan_yuan_is_the_same_unit(self, tmp_path: Path) -> None:
        # ow05: ≤85万兀 against 81.6万元, 元 read as 兀 by a scan
        row = ind("防火物资采购成本", "≤85万兀", "81.6万元", 10, 10, l2="成本指标")
        assert "S108" not in codes(tmp_path, make_table(indicators=with_row(2, row)))

    def test_a_done_word_against_a_quantity_that_scored_cannot_be_compared(
        self, tmp_path: Path
    ) -> None:
        for actual in ("完成", "已完成", "达标", "达成预期指标"):
            assert codes(tmp_path, pass_rate(actual)) == {"S108"}, actual

    def test_words_of_not_doing_it_or_describing_it_are_left_to_other_rules(
        self, tmp_path: Path
    ) -> None:
        # 未完成 is a not-done actual (its score is S102's); a sentence describes a result
        assert "S108" not in codes(tmp_path, pass_rate("未完成"))
        assert "S108" not in codes(tmp_path, pass_rate("完成了全部培训并通过验收考核"))

    def test_a_rate_against_a_count_is_not_weighed(self, tmp_path: Path) -> None:
        # ja02: ≥75% against 7.8万人 — the units differ, so nothing says the target was missed
        row = ind("重点人群签约率", ">=75%", "7.8万人", 10, 10, l2="质量指标")
        assert codes(tmp_path, make_table(indicators=with_row(2, row))) == {"S108"}

    def test_a_done_word_on_a_row_that_scored_nothing_is_not_reported(self, tmp_path: Path) -> None:
        row = ind("培训合格率", ">=95%", "完成", 10, 0, l2="质量指标")
        table = make_table(indicators=with_row(2, row))
        assert "S108" not in codes(tmp_path, table)

    def test_a_done_word_against_a_qualitative_target_is_not_reported(self, tmp_path: Path) -> None:
        row = ind("培训质量", "达标", "完成", 10, 10, l2="质量指标")
        assert "S108" not in codes(tmp_path, make_table(indicators=with_row(2, row)))

    @pytest.mark.parametrize(
        ("actual", "score", "severity"),
        [
            ("243,600元", 10, Severity.INFO),  # hb04: met once converted, a notation
            ("263,600元", 10, Severity.WARNING),  # over the ceiling once converted
        ],
    )
    def test_another_scale_of_the_unit(
        self, tmp_path: Path, actual: str, score: float, severity: Severity
    ) -> None:
        row = ind("宣传教育经费支出", "≤25万元", actual, 10, score, l2="成本指标")
        found = findings_of(tmp_path, make_table(indicators=with_row(3, row)), "S108")
        assert [f.severity for f in found] == [severity]
        assert "折合24.36万元" in found[0].message or "折合26.36万元" in found[0].message

    @pytest.mark.parametrize(
        ("target", "actual"),
        [
            ("6月底前", "6月"),
            ("≤2022-09-30", "2022-09-22"),
            ("2022年3-10月", "2022年4-9月"),  # fy05: a range of months within a year
        ],
    )
    def test_dates_are_not_units(self, tmp_path: Path, target: str, actual: str) -> None:
        row = ind("资金发放时间", target, actual, 10, 10, l2="时效指标")
        assert "S108" not in codes(tmp_path, make_table(indicators=with_row(2, row)))


# S109 the same actual on rows with different targets -------------------------------------


def same_actuals(a: str, b: str) -> list[Indicator]:
    rows = clean_indicators()
    rows[0] = ind("培训人数", ">=220人", a, 10, 10)
    rows.insert(1, ind("参训学员人数", ">=240人", b, 10, 10))
    rows[2] = ind("培训场次", ">=10场", "=10场", 10, 10)
    return rows


class TestS109RepeatedActual(RuleCase):
    code = "S109"

    def broken(self) -> EvaluationTable:
        return make_table(indicators=same_actuals("=250人", "=250人"))

    def clean(self) -> EvaluationTable:
        return make_table(indicators=same_actuals("=250人", "=251人"))

    def test_same_target_same_actual_is_not_suspicious(self, tmp_path: Path) -> None:
        rows = clean_indicators()
        rows[2] = ind("报告出具及时率", "=100%", "=40%", 5, 2, MEASURE, l2="时效指标")
        rows[3] = ind("报告验收及时率", "=100%", "=40%", 5, 2, MEASURE, l2="时效指标")
        rows.insert(4, ind("报告质量", "达标", "达标", 10, 10, l2="质量指标"))
        assert "S109" not in codes(tmp_path, make_table(indicators=rows))

    def test_one_hundred_percent_on_several_rows_is_not_suspicious(self, tmp_path: Path) -> None:
        rows = clean_indicators()
        rows[2] = ind("培训合格率", ">=95%", "=100%", 10, 10, l2="质量指标")
        rows[6] = ind(
            "参训人员满意度", ">=90%", "=100%", 10, 10, l1="满意度指标", l2="服务对象满意度指标"
        )
        assert codes(tmp_path, make_table(indicators=rows)) == set()


# S110 a percentage over 100 --------------------------------------------------------------


class TestS110PercentOver100(RuleCase):
    code = "S110"

    def broken(self) -> EvaluationTable:
        return pass_rate("=105%")

    def clean(self) -> EvaluationTable:
        return pass_rate("=100%")  # exactly 100 % is possible

    def test_one_hundredth_over_100_fires(self, tmp_path: Path) -> None:
        assert codes(tmp_path, pass_rate("=100.01%")) == {"S110"}

    def test_a_task_done_beyond_its_plan_may_pass_100(self, tmp_path: Path) -> None:
        # jy06: 森林抚育任务完成率 108.3% against ≥100%: more done than planned, not bad data
        rows = with_row(2, ind("森林抚育任务完成率", ">=100%", "=108.3%", 10, 10, l2="质量指标"))
        assert "S110" not in codes(tmp_path, make_table(indicators=rows))


# S111 a score against the row's own written rule ----------------------------------------


class TestS111ScoreByWrittenRule:
    """No broken table and clean twin: the text writer prints the national form's columns
    only, and the rule lives in a 评分标准 column; tested on written documents (and the rule's
    reading on the model, tests/checks/test_written_rule.py)."""

    def test_a_score_above_its_written_rule_is_found_and_one_that_follows_it_is_not(self) -> None:
        # bg01: 工程验收合格率 ≥98%, 93%, 每低1个百分点扣0.5分, 9.5 of 10 (7.5 by its rule); ha03:
        # 66.5% against ≥70%, 每低1个百分点扣1分, 9 (6.5)
        for stem, name in (("bg01", "工程验收合格率"), ("ha03", "65岁及以上老年人健康管理率")):
            s111 = [f for f in review(_doc(stem)).findings if f.code == "S111"]
            assert [f.indicator for f in s111] == [name], stem
        # et05: 66.5% against ≥70%, 每低1个百分点扣0.5分, 6.25 of 8 — the rule followed, and no S104
        # (which had said a proportional 7.6 was due)
        codes = {f.code for f in review(_doc("et05")).findings}
        assert not {"S111", "S104"} & codes


def test_s109_a_round_rate_shared_by_two_rows_is_not_suspicious(tmp_path: Path) -> None:
    rows = clean_indicators()
    rows[0] = ind("应免密度", ">=90%", "=95%", 10, 10)
    rows.insert(1, ind("监测合格率", ">=98%", "=95%", 10, 9.69))
    assert "S109" not in codes(tmp_path, make_table(indicators=rows))
    rows[0] = ind("应免密度", ">=90%", "=95.3%", 10, 10)
    rows[1] = ind("监测合格率", ">=98%", "=95.3%", 10, 9.72)
    assert "S109" in codes(tmp_path, make_table(indicators=rows))


def test_a_whole_rate_shared_by_two_rows_is_not_suspicious(tmp_path: Path) -> None:
    # lm04: 三公经费控制率 and 群众就医满意度 both at 92%: whole rates coincide often enough
    rows = clean_indicators()
    rows[0] = ind("应免密度", ">=90%", "=92%", 10, 10)
    rows.insert(1, ind("监测合格率", ">=95%", "=92%", 10, 9.68))
    assert "S109" not in codes(tmp_path, make_table(indicators=rows))


_TWENTY_EIGHTY = [
    "某县2018年度项目支出绩效自评表",
    "| 项目名称 | 农家书屋出版物补充更新 |  |  |",
    "| 预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |",
    "| 项目总额 | 186.00 | 179.30 | 96.40% | 19.28 |",
    "| 年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |",
    "| 产出指标(40分) | 数量指标 | 开展全民阅读活动场次 | ≥120场 | 168场 | 40 |",
    "| 满意度指标(40分) | 服务对象满意度指标 | 村民满意度 | ≥90% | 93% | 40 |",
    "| 总分 | 99.28 |",
]


@pytest.mark.parametrize(
    ("field", "severity"),
    [
        # mu06: the table's one field explains the 168 场 (上级追加了48场活动任务)
        ("1.开展全民阅读活动168场,超出目标40%,原因是上级追加了48场活动任务。", Severity.INFO),
        ("2.农家书屋借阅人次未达目标,受农忙影响。", Severity.WARNING),  # about another row
    ],
)
def test_an_excess_explained_in_the_tables_one_field(
    tmp_path: Path, field: str, severity: Severity
) -> None:
    path = tmp_path / "twenty.txt"
    lines = [*_TWENTY_EIGHTY, f"| 偏差大或 目标未完成 原因分析 | {field} |"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = review(path)
    assert result.report.tables[0].funds.annual_total.executed == 179.30  # 项目总额 read
    assert [f.severity for f in result.findings if f.code == "S107"] == [severity]


def test_a_missed_deadline_written_in_words_around_its_date_is_missed(tmp_path: Path) -> None:
    # cu01, zk01: 延期至2024年3月 against 2023年12月31日前, full marks: the actual's words had
    # left the row unjudged (a date in words is no number)
    late = ind("项目竣工验收时间", "2023年12月31日前", "延期至2024年3月", 10, 10, MEASURE)
    assert "S102" in codes(tmp_path, make_table(indicators=with_row(2, late, clean_indicators())))
    early = ind("项目竣工验收时间", "2023年12月31日前", "提前至2023年11月", 10, 10, MEASURE)
    assert "S102" not in codes(
        tmp_path, make_table(indicators=with_row(2, early, clean_indicators()))
    )


# A transfer form with no points and a verdict column, and a rate column: the text writer
# prints the national form's columns only, so S112 and S113 are tested on texts of their own.
_VERDICTS = [
    "2022年度转移支付区域绩效目标自评表",
    "| 转移支付名称 | 高标准农田建设补助资金 |  |  |  |  |",
    "| 一级指标 | 二级指标 | 三级指标 | 全年指标值 | 实际完成值 | 完成率 | 是否完成 |",
    "| 产出指标 | 数量指标 | 新建高标准农田面积 | ≥5.2万亩 | 5.2万亩 | 100% | 是 |",
]


def _verdicts(tmp_path: Path, row: str) -> set[str]:
    path = tmp_path / "verdicts.txt"
    path.write_text("\n".join([*_VERDICTS, row]) + "\n", encoding="utf-8")
    return {f.code for f in review(path).findings}


class TestS112VerdictVsActual:
    """No broken table and clean twin of the text writer's: the verdict lives in a column the
    national form does not print; texts of their own here, written documents in round 161."""

    def test_a_row_marked_done_whose_actual_misses_is_found(self, tmp_path: Path) -> None:
        row = "| 产出指标 | 数量指标 | 高效节水灌溉面积 | ≥1.5万亩 | 1.38万亩 | 92% | 是 |"
        assert "S112" in _verdicts(tmp_path, row)

    def test_a_row_marked_not_done_or_one_that_met_is_not(self, tmp_path: Path) -> None:
        for row in (
            "| 产出指标 | 数量指标 | 高效节水灌溉面积 | ≥1.5万亩 | 1.38万亩 | 92% | 否 |",
            "| 产出指标 | 数量指标 | 高效节水灌溉面积 | ≥1.5万亩 | 1.38万亩 | 92% | 部分完成 |",
            "| 产出指标 | 数量指标 | 高效节水灌溉面积 | ≥1.5万亩 | 1.52万亩 | 101.33% | 是 |",
        ):
            assert "S112" not in _verdicts(tmp_path, row), row

    def test_a_state_in_words_is_not_judged(self, tmp_path: Path) -> None:
        row = "| 效益指标 | 生态效益指标 | 农田生态环境 | 明显改善 | 土壤有机质含量稳定 | — | 是 |"
        assert "S112" not in _verdicts(tmp_path, row)


class TestS113CompletionRate:
    """The rate lives in a column the text writer does not print: texts of their own."""

    def test_a_rate_not_the_actual_over_the_target_is_found(self, tmp_path: Path) -> None:
        # 1.38 of 1.5 is 92.00%: printed 98.00% (and 1 for 100 % as a fraction of one)
        row = "| 产出指标 | 数量指标 | 高效节水灌溉面积 | ≥1.5万亩 | 1.38万亩 | 98.00% | 否 |"
        assert "S113" in _verdicts(tmp_path, row)
        row = "| 产出指标 | 数量指标 | 高效节水灌溉面积 | ≥1.5万亩 | 1.38万亩 | 1 | 否 |"
        assert "S113" in _verdicts(tmp_path, row)

    def test_a_rate_as_printed_or_capped_is_not(self, tmp_path: Path) -> None:
        for rate in ("92.00%", "92%", "0.92"):  # as printed, whole, a fraction of one
            row = f"| 产出指标 | 数量指标 | 高效节水灌溉面积 | ≥1.5万亩 | 1.38万亩 | {rate} | 否 |"
            assert "S113" not in _verdicts(tmp_path, row), rate
        for rate in ("66.67%", "66.66%"):  # 2 of 3: rounded, or cut
            row = f"| 产出指标 | 数量指标 | 高效节水灌溉面积 | ≥3万亩 | 2万亩 | {rate} | 否 |"
            assert "S113" not in _verdicts(tmp_path, row), rate
        row = "| 产出指标 | 数量指标 | 高效节水灌溉面积 | ≥3万亩 | 2万亩 | 66.65% | 否 |"
        assert "S113" in _verdicts(tmp_path, row)
        # 1.6 of 1.5 is 106.67%: printed 100% (capped) is the form's way
        row = "| 产出指标 | 数量指标 | 高效节水灌溉面积 | ≥1.5万亩 | 1.6万亩 | 100% | 是 |"
        assert "S113" not in _verdicts(tmp_path, row)


class TestS114ConvertedScore:
    """The item score lives in a Hebei column the text writer does not print: texts of their
    own here, written documents in round 163."""

    _HEAD = (
        "项目名称\t高标准农田建设项目\n"
        "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t单项指标得分\t权重占比(%)\t单项指标折算得分\n"
    )

    def _codes(self, tmp_path: Path, item: str, weight: str, score: str) -> set[str]:
        row = f"产出指标\t数量指标\t新打机井数量\t≥120眼\t112眼\t{item}\t{weight}\t{score}\n"
        path = tmp_path / "hebei.txt"
        path.write_text(self._HEAD + row, encoding="utf-8")
        return {f.code for f in review(path).findings if f.indicator == "新打机井数量"}

    def test_a_converted_score_not_the_item_score_times_the_weight(self, tmp_path: Path) -> None:
        assert "S114" in self._codes(tmp_path, "93.33", "10", "9.83")  # 9.33 due

    def test_one_rounded_as_printed_is_not(self, tmp_path: Path) -> None:
        for score in ("9.33", "9.3"):
            assert "S114" not in self._codes(tmp_path, "93.33", "10", score), score


class TestS115ScoreLessDeduction:
    """The 扣分 lives in a column the text writer does not print: texts of their own here,
    written documents in round 202."""

    _HEAD = (
        "项目名称\t高标准农田建设项目\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t扣分\t得分\t扣分原因\n"
    )

    def _codes(self, tmp_path: Path, taken: str, score: str) -> set[str]:
        row = f"产出指标\t数量指标\t新打机井数量\t≥120眼\t112眼\t10\t{taken}\t{score}\t征地滞后\n"
        path = tmp_path / "deduction.txt"
        path.write_text(self._HEAD + row, encoding="utf-8")
        return {f.code for f in review(path).findings if f.indicator == "新打机井数量"}

    def test_a_score_not_the_weight_less_the_deduction(self, tmp_path: Path) -> None:
        assert "S115" in self._codes(tmp_path, "1", "8")  # 9 due
        assert "S115" in self._codes(tmp_path, "0", "9.33")  # nothing taken off: 10 due

    def test_a_score_the_weight_less_the_deduction_is_not(self, tmp_path: Path) -> None:
        for taken, score in (("0.67", "9.33"), ("1", "9"), ("0", "10")):
            assert "S115" not in self._codes(tmp_path, taken, score), (taken, score)
