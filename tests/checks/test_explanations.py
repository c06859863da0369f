"""E rules (reviewer/checks/explanations.py): 偏差原因分析及改进措施.

One class per rule: the broken table and its clean twin, then when an explanation is needed
(a deduction of one hundredth, a missed target; a ≤ row met on its target needs none) and
what counts as blank.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.model import EvaluationTable
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


def trainees(actual: str, score: float, explanation: str = "") -> EvaluationTable:
    """The clean table with row 1 (培训人数 >=200人, weight 10) replaced."""
    row = ind("培训人数", ">=200人", actual, 10, score, explanation)
    return make_table(indicators=with_row(1, row))


# E101 explanation missing ----------------------------------------------------------------


class TestE101ExplanationMissing(RuleCase):
    code = "E101"

    def broken(self) -> EvaluationTable:
        return trainees("=180人", 9)

    def clean(self) -> EvaluationTable:
        return trainees("=180人", 9, MEASURE)

    # ], | and 】: a scan's rule mark read at the cell's edge (gr01), no explanation
    @pytest.mark.parametrize("blank", ["无", "—", "/", "无。", "  ", "]", "|", "】"])
    def test_placeholders_are_blank(self, tmp_path: Path, blank: str) -> None:
        assert codes(tmp_path, trainees("=180人", 9, blank)) == {"E101"}

    @pytest.mark.parametrize("grade", ["基本完成", "部分完成", "已完成", "完成。"])
    def test_a_grade_of_completion_alone_is_no_explanation(
        self, tmp_path: Path, grade: str
    ) -> None:
        # jx03: 基本完成 beside a missed target gives no cause and no measure (not E102's)
        (f,) = findings_of(tmp_path, trainees("=180人", 9, grade), "E101")
        assert f"只写了“{grade}”" in f.message
        assert "E102" not in codes(tmp_path, trainees("=180人", 9, grade))

    def test_a_deduction_of_one_hundredth_needs_an_explanation(self, tmp_path: Path) -> None:
        # Met, yet deducted: S103 says so, and E101 asks why.
        assert codes(tmp_path, trainees("=210人", 9.99)) == {"S103", "E101"}
        assert codes(tmp_path, trainees("=210人", 10)) == set()

    def test_a_missed_target_needs_one_even_when_scored_in_full(self, tmp_path: Path) -> None:
        assert codes(tmp_path, trainees("=199人", 10)) == {"S102", "E101"}

    def test_a_lower_is_better_row_met_on_its_target_needs_none(self, tmp_path: Path) -> None:
        row = ind("培训完成及时性", "<=3天", "=3天", 10, 10, l2="时效指标")
        assert codes(tmp_path, make_table(indicators=with_row(3, row))) == set()

    def test_a_row_without_points_printed_is_told_without_them(self, tmp_path: Path) -> None:
        # a 部门整体 form with no 分值 column (gc03): no "分值—分" in the message
        row = ind("培训人数", ">=200人", "=180人", None, 8, l2="数量指标")
        (f,) = findings_of(tmp_path, make_table(indicators=with_row(1, row)), "E101")
        assert "得8分，" in f.message and "分值" not in f.message.split("，偏差")[0]


# E102 explanation without a measure ------------------------------------------------------


class TestE102ExplanationWithoutMeasure(RuleCase):
    code = "E102"

    def broken(self) -> EvaluationTable:
        return trainees("=180人", 9, "部分人员请假")

    def clean(self) -> EvaluationTable:
        return trainees("=180人", 9, MEASURE)

    @pytest.mark.parametrize(
        "explanation",
        [
            "部分人员请假，今后合理安排时间",
            "部分人员请假，将加强组织",
            "部分人员请假，下年度调整指标值",
            "原因：部分人员请假。措施：分批次组织补训。",  # the measure under its heading
            "部分人员请假，补训场地计划于2022年3月底前完工",  # a plan with its date
            "部分人员请假，预计次年一季度完成补训",
            "部分人员请假，已简化请假补训流程，实行按月集中补训",  # fe01: a measure already taken
            "部分人员请假；2023年6月底前完成补训",  # hc03: a dated step
            "部分人员请假；待场地完工后于2023年一季度补训到位",  # iu04: a dated remedy
            "部分人员请假；已委托培训机构于2023年春季开学前补齐",  # iu06: a step taken
            "部分人员请假；2023年随补训一并实施",  # jy03: the dated step a few words on
            "部分人员请假；已新增周末补训班2期",  # ks04: a step already taken
            "部分人员请假，已更换培训场地",  # kz05: 已更换大功率音柱, a step taken
            "部分人员请假；2023年结合新学期增开补训班",  # nm04: a year's plan for it
            "部分人员请假；补训后即可达标，县人社局按月跟踪。",  # ny05: monthly follow-up
            "村医人员不足;2024年增加乡村医生签约团队并开展入户宣传。",  # qf03: next year's step
            "部分人员年中才到岗;2020年起全年聘用,按月发放补贴。",  # ccj06: a rule from then on
            "受疫情影响12场演出取消，已于2023年一季度安排补演",  # cn06: a make-up arranged
            "部分人员请假；已牵头制定补训制度，自2023年1月1日起执行。",  # ccq03: a rule, dated
            "部分人员请假；补训已纳入集中带量采购，6月底前完成招标。",  # ccq05: a dated step
        ],
    )
    def test_measure_words(self, tmp_path: Path, explanation: str) -> None:
        assert codes(tmp_path, trainees("=180人", 9, explanation)) == set()

    def test_a_year_that_caused_it_is_no_rule_from_then_on(self, tmp_path: Path) -> None:
        # 2019年起 as the time a cause began tells why; 2020年起全年聘用 is what is done since
        said = "因2019年起补助标准下调，部分人员未参训"
        assert codes(tmp_path, trainees("=180人", 9, said)) == {"E102"}

    def test_what_was_changed_is_no_measure(self, tmp_path: Path) -> None:
        # the seed's 培训人数: the change that caused the shortfall, told with 改为
        said = "部分人员请假，培训对象由科级干部改为青年干部"
        assert codes(tmp_path, trainees("=180人", 9, said)) == {"E102"}

    def test_something_coming_early_is_a_cause_not_a_step(self, tmp_path: Path) -> None:
        # 提前 as what happened (雨季提前) tells why; 提前谋划 is what will be done
        said = "受雨季提前影响，部分培训班次未能开班"
        assert codes(tmp_path, trainees("=180人", 9, said)) == {"E102"}
        planned = "受雨季提前影响，部分培训班次未能开班，次年提前谋划开班时间"
        assert codes(tmp_path, trainees("=180人", 9, planned)) == set()

    def test_a_step_already_taken_is_a_measure(self, tmp_path: Path) -> None:
        # mg04: 已推行…，在乡镇延伸设立便民服务点
        said = "受市场下行影响，申请量下降；已推行网上办理，在乡镇延伸设立便民服务点"
        assert codes(tmp_path, trainees("=180人", 9, said)) == set()

    def test_a_row_that_needs_no_explanation_needs_no_measure(self, tmp_path: Path) -> None:
        assert codes(tmp_path, trainees("=210人", 10, "按计划实施")) == set()


# E104 explanation without cause --------------------------------------------------------------


class TestE104ExplanationWithoutCause(RuleCase):
    code = "E104"

    def broken(self) -> EvaluationTable:
        return trainees("=180人", 9, "加强管理，确保完成")

    def clean(self) -> EvaluationTable:
        return trainees("=180人", 9, MEASURE)

    @pytest.mark.parametrize(
        "explanation",
        [
            "进一步加强随访管理，提高患者规范管理水平。",  # gj02
            "下一步将加强对营运车辆的动态监管，确保补贴资金精准发放。",  # gj01
            "加强对接，扩大宣传，确保完成",  # ra02
        ],
    )
    def test_measures_alone(self, tmp_path: Path, explanation: str) -> None:
        assert "E104" in codes(tmp_path, trainees("=180人", 9, explanation))

    @pytest.mark.parametrize(
        "explanation",
        [
            "部分人员请假；下一步加强组织",  # a cause first, without a cause's word
            "受疫情影响，加强线上培训",
            "加强管理",  # on a met row: nothing to explain
        ],
    )
    def test_a_cause_or_nothing_to_explain(self, tmp_path: Path, explanation: str) -> None:
        actual = "=200人" if explanation == "加强管理" else "=180人"
        score = 10 if explanation == "加强管理" else 9
        assert "E104" not in codes(tmp_path, trainees(actual, score, explanation))


# E105 one explanation copied onto several rows ----------------------------------------------

_BOILERPLATE = "因客观原因部分工作未能按计划完成，下一步将加强管理，确保完成目标任务。"


def _three_short(explanations: tuple[str, str, str]) -> EvaluationTable:
    """The clean table with its first three rows short of their targets, docked, and each
    explained by the given text (sg05: three rows, one paragraph)."""
    rows = clean_indicators()
    short = [("=8场", 16.0), ("=180人", 9.0), ("=90%", 9.47)]
    for k, ((actual, score), text) in enumerate(zip(short, explanations, strict=True)):
        old = rows[k]
        rows[k] = ind(old.name, old.target, actual, old.weight or 0, score, text, old.l1, old.l2)
    return make_table(indicators=rows)


class TestE105ExplanationBoilerplate(RuleCase):
    code = "E105"
    # (E101–E104 judge each row's text alone and find in the paragraph a cause, 未能按计划完成,
    # and a measure, 下一步将…: E105 alone fires)

    def broken(self) -> EvaluationTable:
        return _three_short((_BOILERPLATE, _BOILERPLATE, _BOILERPLATE))

    def clean(self) -> EvaluationTable:
        return _three_short(
            (
                "2场因讲师临时调整取消，下一步提前确定讲师",
                "部分人员因公缺席，下一步将加强组织",
                "2名学员补考未通过，下一步组织补训",
            )
        )

    def test_two_rows_alike_are_not_yet_boilerplate(self, tmp_path: Path) -> None:
        table = _three_short((_BOILERPLATE, _BOILERPLATE, "2名学员补考未通过，下一步组织补训"))
        assert "E105" not in codes(tmp_path, table)

    def test_spaces_and_the_width_of_marks_do_not_tell_them_apart(self, tmp_path: Path) -> None:
        other = _BOILERPLATE.replace("，", ",").replace("。", ".")
        table = _three_short((_BOILERPLATE, other, _BOILERPLATE))
        assert "E105" in codes(tmp_path, table)


# E106 a cause unnamed -------------------------------------------------------------------


class TestE106ExplanationCauseUnnamed(RuleCase):
    code = "E106"

    def broken(self) -> EvaluationTable:
        # ti02: 61% against ≥65%, "objective reasons" and a dated step
        return trainees("=180人", 9, "受客观原因影响，指标未达预期；下一步将于3月底前补训20人")

    def clean(self) -> EvaluationTable:
        return trainees("=180人", 9, "20名学员因防汛抽调未能参训；下一步将于3月底前补训20人")

    @pytest.mark.parametrize(
        "explanation",
        [
            "受多种因素影响，部分工作未能按计划完成；下一步将于3月底前补训",
            "因客观原因导致任务未完成，将于3月底前补训20人",
            # un02: 主要系 (mainly owing to) before the cause unnamed
            "未完成年度目标,主要系客观原因影响;下一步将于3月底前补训20人",
            # uv04: what fell short in the row's own words, after the cause unnamed
            "受多种因素影响，部分培训未能按期完成；下一步将于3月底前补训20人",
        ],
    )
    def test_causes_that_name_none(self, tmp_path: Path, explanation: str) -> None:
        assert "E106" in codes(tmp_path, trainees("=180人", 9, explanation))

    @pytest.mark.parametrize(
        "explanation",
        [
            "受客观原因及汛期抽调影响，20名学员未能参训；下一步补训",  # a cause named beside it
            "因参训单位调整等原因，下一步补训",  # 等原因 after a cause named
            "受疫情影响未能按计划完成，下一步补训",
        ],
    )
    def test_causes_named(self, tmp_path: Path, explanation: str) -> None:
        assert "E106" not in codes(tmp_path, trainees("=180人", 9, explanation))

    def test_the_same_words_on_three_rows_are_e105s(self, tmp_path: Path) -> None:
        assert "E106" not in codes(tmp_path, _three_short((_BOILERPLATE,) * 3))


# E107 a measure that is a pledge --------------------------------------------------------


class TestE107ExplanationMeasureGeneric(RuleCase):
    code = "E107"

    def broken(self) -> EvaluationTable:
        # ti02: a platform's migration lost 1,200 records; the measure "加强管理"
        return trainees("=180人", 9, "20名学员因防汛抽调未能参训；下一步将加强管理")

    def clean(self) -> EvaluationTable:
        return trainees("=180人", 9, "20名学员因防汛抽调未能参训；下一步将于3月底前补训20人")

    @pytest.mark.parametrize(
        "explanation",
        [
            "20名学员因防汛抽调未能参训，下一步将进一步加强管理，确保按时完成目标任务",
            "20名学员因防汛抽调未能参训；今后切实做好相关工作",
        ],
    )
    def test_pledges_only(self, tmp_path: Path, explanation: str) -> None:
        assert "E107" in codes(tmp_path, trainees("=180人", 9, explanation))

    @pytest.mark.parametrize(
        "explanation",
        [
            "20名学员因防汛抽调未能参训；下一步加强线上培训",  # what will be done
            "加强管理，确保完成",  # no cause either: E104's
            "受客观原因影响；下一步将加强管理",  # no cause named: E106's
        ],
    )
    def test_a_step_or_another_rules(self, tmp_path: Path, explanation: str) -> None:
        assert "E107" not in codes(tmp_path, trainees("=180人", 9, explanation))


# E108 funds said short though the budget was spent --------------------------------------


def spent(explanation: str, budget: tuple[float, float, float]) -> EvaluationTable:
    """``trainees`` missed (180 of 200) with ``explanation``, the funds block at ``budget``."""
    row = ind("培训人数", ">=200人", "=180人", 10, 9, explanation)
    rate = round(budget[2] / budget[1] * 100, 2)
    return make_table(indicators=with_row(1, row), budget=budget, exec_score=rate / 10)


_ALL_SPENT = (100000.0, 100000.0, 100000.0)


class TestE108ExplanationFundsShort(RuleCase):
    code = "E108"

    def broken(self) -> EvaluationTable:
        # ti05, uc02: a shortfall blamed on the project's funds, its budget spent in full
        return spent("因项目资金不足，部分培训未能开展；下一步于3月底前补训20人", _ALL_SPENT)

    def clean(self) -> EvaluationTable:
        return spent(
            "因项目资金不足，部分培训未能开展；下一步于3月底前补训20人",
            (100000.0, 100000.0, 90000.0),
        )

    def test_names_the_rate_and_quotes_the_funds(self, tmp_path: Path) -> None:
        (f,) = findings_of(tmp_path, self.broken(), "E108")
        assert "执行率100%" in f.message
        assert {e.quote for e in f.evidence} >= {
            "因项目资金不足，部分培训未能开展；下一步于3月底前补训20人"
        }

    @pytest.mark.parametrize(
        "explanation",
        [
            "部分企业自筹资金不足，未能按期参训；下一步于3月底前补训20人",  # a third party's money
            "20名学员因防汛抽调未能参训；下一步于3月底前补训20人",  # no word on funds
        ],
    )
    def test_other_causes_pass(self, tmp_path: Path, explanation: str) -> None:
        assert "E108" not in codes(tmp_path, spent(explanation, _ALL_SPENT))


# E103 explanation contradicts the score --------------------------------------------------


class TestE103ExplanationContradictsScore(RuleCase):
    code = "E103"

    def broken(self) -> EvaluationTable:
        return trainees("=210人", 10, "有人员离职")

    def clean(self) -> EvaluationTable:
        return trainees("=210人", 10, "超额完成")

    @pytest.mark.parametrize("done", ["已完成", "按计划完成", "按期完成"])
    def test_says_done_beside_a_missed_target(self, tmp_path: Path, done: str) -> None:
        table = trainees("=180人", 9, f"{done}，下一步将加强组织")
        assert codes(tmp_path, table) == {"E103"}

    def test_says_done_and_admits_a_shortfall(self, tmp_path: Path) -> None:
        table = trainees("=180人", 9, "已完成培训，部分人员离职未参训，下一步将加强组织")
        assert codes(tmp_path, table) == set()

    def test_a_task_put_off_is_no_claim_that_it_was_done(self, tmp_path: Path) -> None:
        # 顺延至次年 admits the shortfall; 已完成 there speaks of a step taken since
        table = trainees("=180人", 9, "部分培训顺延至次年实施；已完成补训方案审批，下一步组织补训")
        assert codes(tmp_path, table) == set()

    def test_the_template_s_instruction_left_in_is_no_contradiction(self, tmp_path: Path) -> None:
        # （未完成指标须填写…） left in beside a full score says nothing: P106 reports it
        table = trainees("=210人", 10, "（未完成指标须填写偏差原因及改进措施）")
        assert codes(tmp_path, table) == {"P106"}

    def test_below_a_ceiling_is_the_aim_not_a_shortfall(self, tmp_path: Path) -> None:
        # a ≤ row met: 低于 and 减少 say it went the way the row wants
        row = ind(
            "森林火灾受害率", "<=0.9‰", "0.12‰", 10, 10, "全年火灾减少，受害率远低于控制目标。"
        )
        assert "E103" not in codes(tmp_path, make_table(indicators=with_row(1, row)))
        # on a ≥ row, 低于 is the shortfall itself
        table = trainees("=210人", 10, "参训人数低于往年")
        assert "E103" in codes(tmp_path, table)

    def test_the_deviation_of_an_excess_is_no_shortfall(self, tmp_path: Path) -> None:
        # mu01: a met row's 偏差 is its excess (超额完成…,属正常偏差), not a shortfall
        said = "超额完成10人,系部分乡镇整村推进所致,属正常偏差。"
        assert "E103" not in codes(tmp_path, trainees("=220人", 10, said))
        # with no excess said, 偏差 beside the full score still admits a shortfall
        assert "E103" in codes(tmp_path, trainees("=210人", 10, "存在一定偏差"))

    @pytest.mark.parametrize("said", ["未偏差", "无偏差", "未发生偏差。"])
    def test_saying_there_was_no_deviation_admits_none(self, tmp_path: Path, said: str) -> None:
        # on05: met rows' 未偏差 had been read as 偏差, a shortfall beside the full score
        assert "E103" not in codes(tmp_path, trainees("=210人", 10, said))

    def test_work_laid_out_longer_beside_its_excess_is_no_shortfall(self, tmp_path: Path) -> None:
        # oe01: 部分渠段因地形需要顺延，超出目标8%: the channel laid longer, not put off
        said = "部分培训点因报名人数需要顺延场次，超出目标5%，已按实结算。"
        assert "E103" not in codes(tmp_path, trainees("=220人", 10, said))
        # with no excess said, 顺延 beside the full score is the work put off
        assert "E103" in codes(tmp_path, trainees("=210人", 10, "部分培训顺延至次年"))

    def test_a_price_below_its_budget_is_money_saved(self, tmp_path: Path) -> None:
        # pp06: 招标价低于预算,结余资金增修2公里 beside a full score: the saving paid for the excess
        said = "招标价低于预算,结余资金增培10人。"
        assert "E103" not in codes(tmp_path, trainees("=220人", 10, said))
        # a count below another figure is still a shortfall
        assert "E103" in codes(tmp_path, trainees("=210人", 10, "参训人数低于计划"))

    def test_a_measures_aim_is_no_claim_that_it_was_done(self, tmp_path: Path) -> None:
        # nm02: 延至次年 admits the shortfall; 确保按期完成 is what the next step aims at
        said = "受连续降雨影响，部分培训延至次年；下一步加强调度，确保按期完成。"
        assert codes(tmp_path, trainees("=180人", 9, said)) == set()
        # the aim alone (no shortfall admitted) is still no claim of being done
        said = "下一步加强调度，确保按期完成。"
        assert "E103" not in codes(tmp_path, trainees("=180人", 9, said))

    def test_says_it_could_not_be_done_on_time(self, tmp_path: Path) -> None:
        # 难以按时完成 admits the shortfall: no claim that the work was done
        table = trainees("=180人", 9, "部分学员常年外出，培训难以按时完成；下一步开展线上培训")
        assert codes(tmp_path, table) == set()
