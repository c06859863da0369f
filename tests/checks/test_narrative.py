"""N rules (reviewer/checks/narrative.py, narrative_claims.py): 年度总体目标 — the
实际完成情况 against the 预期目标, the indicators and the fund block.

One class per rule: the broken table and its clean twin, then what must fire and the figures
that must not (a matching figure, a figure that counts something else, a plan for next year,
a part, a tie between rows), and N101's similarity thresholds on both sides. The checks on
the bundled seed are at the end.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.checks import run_checks
from reviewer.config import Config
from reviewer.model import EvaluationTable, Finding, Severity
from reviewer.pipeline import Review, review
from tests.builders import (
    clean_indicators,
    codes,
    findings_of,
    goal_texts,
    ind,
    make_table,
    with_row,
    write_tables,
)
from tests.checks.cases import RuleCase
from tests.conftest import SEED

N_CODES = ("N102", "N103", "N104", "N105", "N106", "N109")
DONE = "全年组织业务培训10场，培训210人"  # agrees with the builder's rows


def narrative_codes(tmp_path: Path, **overrides: object) -> set[str]:
    return {c for c in codes(tmp_path, make_table(**overrides)) if c.startswith("N")}


# N101 the actual copies the goal ---------------------------------------------------------

# 128 different characters (the 千字文's first lines): texts cut from it have no bigram twice,
# so their similarity can be counted by hand.
CHARS = (
    "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出"
    "昆冈剑号巨阙珠称夜光果珍李柰菜重芥姜海咸河淡鳞潜羽翔龙师火帝鸟官人皇始制文字乃服衣裳推位让国"
    "有虞陶唐吊民伐罪周发殷汤坐朝问道垂拱平章爱育黎首臣伏戎羌遐迩一体率宾归王"
)


class TestN101ActualCopiesGoal(RuleCase):
    code = "N101"

    def broken(self) -> EvaluationTable:
        return make_table(goal_actual="组织业务培训10场，培训200人，提升业务能力。")

    def clean(self) -> EvaluationTable:
        return make_table()

    def test_characters_are_all_different(self) -> None:
        assert len(set(CHARS)) == len(CHARS) == 128

    @pytest.mark.parametrize(
        ("shared", "fires"),
        [
            # 51 characters each (50 bigrams); the actual keeps the plan's first ``shared``
            # characters, so shares shared − 1 bigrams: Dice 2 × 40 / 100 = 0.8, the threshold.
            (41, True),
            (40, False),  # 2 × 39 / 100 = 0.78
        ],
    )
    def test_similarity_threshold(self, tmp_path: Path, shared: int, fires: bool) -> None:
        plan = CHARS[:51]
        actual = CHARS[:shared] + CHARS[51 : 51 + 51 - shared]
        table = make_table(goal_expected=plan, goal_actual=actual)
        found = findings_of(tmp_path, table, "N101")
        assert codes(tmp_path, table) == ({"N101"} if fires else set())
        if fires:
            assert "相似度0.80" in found[0].message
            assert found[0].severity is Severity.WARNING

    def test_similarity_threshold_is_configurable(self, tmp_path: Path) -> None:
        table = make_table(goal_expected=CHARS[:51], goal_actual=CHARS[:40] + CHARS[51:62])
        assert codes(tmp_path, table, thresholds={"copy_similarity": 0.78}) == {"N101"}

    def test_identical_is_an_error(self, tmp_path: Path) -> None:
        plan = "组织业务培训10场，培训200人，提升业务能力。"
        (f,) = findings_of(tmp_path, make_table(goal_expected=plan, goal_actual=plan), "N101")
        assert f.severity is Severity.ERROR and "完全相同" in f.message

    def test_plan_copied_whole_with_words_but_no_figures(self, tmp_path: Path) -> None:
        plan = "组织业务培训，提升业务能力。"
        padded = "组织业务培训，包括法律实务培训、执法规范培训，提升业务能力。"
        with_result = "组织业务培训，全年共培训210人、10场，提升业务能力。"
        assert codes(tmp_path, make_table(goal_expected=plan, goal_actual=padded)) == {"N101"}
        assert codes(tmp_path, make_table(goal_expected=plan, goal_actual=with_result)) == set()

    @pytest.mark.parametrize(
        ("actual", "fires"),
        [
            # The plan is 21 characters (20 bigrams); the longer actual (not a near copy by
            # length) holds it with words inserted: one break keeps 19 of 20 bigrams (0.95,
            # the containment threshold), two keep 18 (0.9).
            (CHARS[:10] + CHARS[60] + CHARS[10:21] + CHARS[61:89], True),
            (
                CHARS[:10] + CHARS[60] + CHARS[10:15] + CHARS[61] + CHARS[15:21] + CHARS[62:89],
                False,
            ),
        ],
    )
    def test_plan_restated_containment_threshold(
        self, tmp_path: Path, actual: str, fires: bool
    ) -> None:
        table = make_table(goal_expected=CHARS[:21], goal_actual=actual)
        found = findings_of(tmp_path, table, "N101")
        assert codes(tmp_path, table) == ({"N101"} if fires else set())
        if fires:
            assert "完整照录了预期目标" in found[0].message

    def test_parts_of_the_plan_copied_word_for_word(self, tmp_path: Path) -> None:
        plan = "(1)组织开展全区司法行政业务培训工作。(2)提升基层司法所工作人员的业务能力。"
        actual = "(1)较好地完成了年度工作任务。(2)提升基层司法所工作人员的业务能力。"
        (f,) = findings_of(tmp_path, make_table(goal_expected=plan, goal_actual=actual), "N101")
        assert "有1处是预期目标的原文" in f.message
        assert "提升基层司法所工作人员的业务能力" in f.message

    # A plan of farmland works and its report in the plan's own words (Dice about 0.81).
    FARMLAND = (
        "建设高标准农田1.2万亩，新建及改造灌排渠道18.5公里、机耕路22公里，"
        "项目区耕地质量提升0.5个等级，亩均粮食产能提高50公斤以上。"
    )

    @pytest.mark.parametrize(
        "actual",
        [
            (
                "建成高标准农田1.2万亩，新建及改造灌排渠道18.5公里、机耕路22.4公里，"
                "项目区耕地质量平均提升0.3个等级，亩均粮食产能提高约52公斤。"
            ),
            # mr01: one figure of the plan met as planned, the other reported (1236套): the
            # written gold of five more such texts names no copy either
            FARMLAND.replace("建设", "建成").replace("22公里", "22.4公里"),
        ],
    )
    def test_a_near_copy_with_results_of_its_own_is_a_report(
        self, tmp_path: Path, actual: str
    ) -> None:
        table = make_table(goal_expected=self.FARMLAND, goal_actual=actual)
        assert "N101" not in codes(tmp_path, table)

    def test_a_near_copy_with_sums_spent_only_is_still_a_copy(self, tmp_path: Path) -> None:
        plan = (
            "本项目共申请预算资金90万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程"
            "项目审计;30万元用于基建工程项目设计、规划、测绘。"
        )
        spent = (
            "本项目共完成预算资金89.97万元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程"
            "项目审计;29.99万元用于基建工程项目设计、规划、测绘。"
        )
        table = make_table(goal_expected=plan, goal_actual=spent)
        assert "N101" in codes(tmp_path, table)

    @pytest.mark.parametrize(
        "actual",
        [
            # the copied part is less than half of the text
            "(1)全年组织业务培训工作，覆盖各街镇司法所，共计培训全体工作人员。"
            "(2)提升基层司法所工作人员的业务能力。",
            # figures of its own: results are reported
            "(1)全年组织业务培训10场，培训210人。(2)提升基层司法所工作人员的业务能力。",
            # done, not copied: 已 is the unit's own word
            "(1)较好地完成了年度工作任务。(2)已提升基层司法所工作人员的业务能力。",
        ],
    )
    def test_copied_parts_not_reported(self, tmp_path: Path, actual: str) -> None:
        plan = "(1)组织开展全区司法行政业务培训工作。(2)提升基层司法所工作人员的业务能力。"
        table = make_table(goal_expected=plan, goal_actual=actual)
        assert "N101" not in codes(tmp_path, table)


# N107 an actual that says nothing but "done" ---------------------------------------------


class TestN107ActualSaysNothing(RuleCase):
    code = "N107"

    def broken(self) -> EvaluationTable:
        return make_table(goal_actual="已完成。")

    def clean(self) -> EvaluationTable:
        return make_table()

    @pytest.mark.parametrize(
        ("actual", "fires"),
        [
            ("完成", True),
            ("全部完成", True),
            ("达到预期", True),
            ("完成10场", False),  # a figure: something to check
            ("通过项目实施", False),  # a fragment, not a report of being done
            ("已按计划完成全部培训任务", False),  # more than a word or two
        ],
    )
    def test_bare_reports(self, tmp_path: Path, actual: str, fires: bool) -> None:
        assert ("N107" in codes(tmp_path, make_table(goal_actual=actual))) is fires

    def test_a_table_cut_inside_its_first_indicator_row_is_still_judged(
        self, tmp_path: Path
    ) -> None:
        # the goal above the indicators is whole; only the row the text stops in is not
        path = write_tables(tmp_path / "t.txt", make_table(goal_actual="完成"))
        text = path.read_text(encoding="utf-8")
        path.write_text(text[: text.index("=10场") + 4], encoding="utf-8")
        report = parse_file(path)
        (table,) = report.tables
        assert table.ends_inside and [i.partial for i in table.indicators] == [True]
        assert "N107" in {f.code for f in run_checks(report, Config())}

    def test_a_table_cut_before_its_indicators_may_be_cut_in_its_goal(self, tmp_path: Path) -> None:
        path = write_tables(tmp_path / "t.txt", make_table(goal_actual="完成"))
        text = path.read_text(encoding="utf-8")
        path.write_text(text[: text.index("绩效指标")], encoding="utf-8")
        assert "N107" not in {f.code for f in run_checks(parse_file(path), Config())}


# N102 a narrative figure against the indicators ------------------------------------------


class TestN102NarrativeFigureVsIndicator(RuleCase):
    code = "N102"

    def broken(self) -> EvaluationTable:
        return make_table(goal_actual="全年组织业务培训8场，培训210人，参训人员业务能力明显提升。")

    def clean(self) -> EvaluationTable:
        return make_table()

    @pytest.mark.parametrize(
        "actual",
        [
            f"{DONE}，参训人员业务能力明显提升。",  # the same figures
            "全年组织业务培训十场，培训二百一十人。",  # in Chinese numerals
            "全年组织业务培训约10场，培训200余人。",  # approximations that hold the actual
            "全年组织业务培训10场，培训210人，评选优秀学员30人。",  # 人, but counts something else
            "全年组织业务培训10场，培训210人，其中青年干部30人。",  # a part
            "全年组织业务培训10场，培训210人，较上年增加30人。",  # a change
            f"{DONE}。下一步将开展培训12场。",  # next year's plan
            "全年组织业务培训10场，力争培训200人。",  # a promise agrees with the target
        ],
    )
    def test_silent_when_figures_agree_or_count_something_else(
        self, tmp_path: Path, actual: str
    ) -> None:
        assert "N102" not in narrative_codes(tmp_path, goal_actual=actual)

    @pytest.mark.parametrize(
        ("said", "fires"),
        [
            # jq06: 25个乡镇 counts the townships the collection covers, not collection points
            ("完成全县25个乡镇生活垃圾收集点建设。", False),
            # kj05: a row of one point's cost is no total's figure
            ("其中用于垃圾收集点建设补助3000万元。", False),
            ("建成25个村级垃圾收集点。", True),  # 村级: the points' level, the points counted
            ("建成25个垃圾收集点。", True),
        ],
    )
    def test_a_count_of_places_the_work_covers_is_not_the_rows(
        self, tmp_path: Path, said: str, fires: bool
    ) -> None:
        row = ind("新建垃圾收集点", "≥120个", "126个", 10, 10, l2="数量指标")
        table = make_table(indicators=with_row(2, row), goal_actual=f"{DONE}，{said}")
        assert ("N102" in codes(tmp_path, table)) is fires

    @pytest.mark.parametrize(
        ("actual", "said", "fires"),
        [
            ("7座", "改造危桥9座", True),  # od02: the name's two words the other way round
            ("9座", "改造危桥9座", False),
            ("≥7座", "改造危桥9座", False),  # dy06: an actual printed as a floor, 9 above it
            ("7座", "危桥改造9座", True),
            ("≥7座", "危桥改造9座", False),  # a floor the claim's figure is above
        ],
    )
    def test_a_claim_naming_the_row_in_its_words_swapped(
        self, tmp_path: Path, actual: str, said: str, fires: bool
    ) -> None:
        row = ind("危桥改造数量", "≥7座", actual, 10, 10, l2="数量指标")
        table = make_table(indicators=with_row(2, row), goal_actual=f"{DONE}，{said}。")
        assert ("N102" in codes(tmp_path, table)) is fires

    @pytest.mark.parametrize(("planned", "fires"), [("6座", False), ("5座", True)])
    def test_a_goal_stating_the_target_set_at_the_years_start(
        self, tmp_path: Path, planned: str, fires: bool
    ) -> None:
        # ep06: 年初目标值 6座 | 调整后目标值 4座, the 预期目标 written at the year's start
        # (改造危桥6座) states the first; a figure neither target is contradicts them
        lines = [
            "项目支出绩效自评表",
            "项目名称\t农村公路养护",
            "主管部门\t某旗交通运输局\t实施单位\t某旗公路养护中心",
            "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "\t年度资金总额\t100.00\t100.00\t100.00\t10\t100.00%\t10",
            "年度总体目标\t预期目标\t实际完成情况",
            "\t完成养护任务，改造危桥6座。\t完成养护任务，改造危桥4座。",
            "绩效指标\t一级指标\t二级指标\t三级指标\t分值\t年初目标值\t调整后目标值\t实际完成值"
            "\t得分\t偏差原因分析及改进措施",
            f"\t产出指标\t数量指标\t危桥改造座数\t50\t{planned}\t4座\t4座\t50\t年中调整为4座",
            "\t效益指标\t社会效益指标\t群众出行条件\t30\t有效改善\t有效改善\t有效改善\t30\t",
            "\t满意度指标\t服务对象满意度指标\t群众满意度\t10\t≥90%\t≥90%\t93%\t10\t",
            "总分\t\t\t\t100\t\t\t\t100\t",
        ]
        path = tmp_path / "t.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert ("N102" in {f.code for f in review(path).findings}) is fires

    @pytest.mark.parametrize(
        ("said", "fires"),
        [
            ("65岁以上老年人健康管理率66.5%", False),  # ou04: another rate, 管理率 alone shared
            ("孕产妇系统管理率90.1%", True),
        ],
    )
    def test_a_rate_sharing_only_its_measure_word_is_another(
        self, tmp_path: Path, said: str, fires: bool
    ) -> None:
        row = ind("孕产妇系统管理率", "≥90%", "92.4%", 10, 10, l2="质量指标")
        table = make_table(indicators=with_row(2, row), goal_actual=f"{DONE}，{said}。")
        assert ("N102" in codes(tmp_path, table)) is fires

    def test_a_claim_is_about_the_row_measuring_what_it_measures(self, tmp_path: Path) -> None:
        # ef03: 签约居民满意度达到95%以上 is the 满意度 row's (93%), not 签约居民续约率's
        # (82.4%), though that name shares more of the claim's words
        rows = [
            ind("签约居民续约率", "≥80%", "82.4%", 10, 10, l2="质量指标"),
            ind(
                "签约服务群众满意度",
                "≥90%",
                "93%",
                10,
                10,
                l1="满意度指标",
                l2="服务对象满意度指标",
            ),
        ]
        table = make_table(
            indicators=[*with_row(2, rows[0]), rows[1]],
            goal_actual=f"{DONE}，续约率82.4%，签约居民满意度达到95%以上。",
        )
        found = [f.indicator for f in findings_of(tmp_path, table, "N102")]
        assert found == ["签约服务群众满意度"]

    def test_a_claim_naming_the_rows_measure_in_more_words(self, tmp_path: Path) -> None:
        # jn03 (a guard): 签约服务覆盖率 is the 签约率 row's measure, in more words
        row = ind("重点人群家庭医生签约率", "≥70%", "68%", 10, 9.71, "外出务工人员较多。")
        table = make_table(
            indicators=with_row(1, row),
            goal_actual=f"{DONE}，重点人群家庭医生签约服务覆盖率达72%。",
        )
        assert "N102" in codes(tmp_path, table)

    # oj01: a count named by its counter (座数), the narrative's words the other way round
    @pytest.mark.parametrize("name", ["桥涵维修座数", "桥涵维修数量", "桥涵维修处数"])
    def test_a_count_named_by_its_counter(self, tmp_path: Path, name: str) -> None:
        row = ind(name, "≥18座", "18座", 10, 10, l2="数量指标")
        table = make_table(indicators=with_row(2, row), goal_actual=f"{DONE}，维修桥涵21座。")
        assert "N102" in codes(tmp_path, table)

    @pytest.mark.parametrize(
        ("actual", "said", "fires"),
        [
            ("2023年11月28日", "项目于2023年12月20日全部完工", True),  # jx04
            ("2023年11月", "全部工程于2023年12月20日完工", True),  # ft01: months apart
            ("2023年12月", "全部工程于2023年12月20日完工", False),  # the day is in the month
            ("2022年3月", "项目于2021年12月底前全部完工", True),  # ei01: done by, not so
            ("2021年11月", "项目于2021年12月底前全部完工", False),
            ("2022年3月", "顺延至2022年一季度完工", False),  # cq01: March is in the quarter
            ("2023年11月28日", "项目于2023年3月开工", False),  # a start, not the completion
            ("2023年11月28日", "项目于2023年12月20日通过竣工验收", False),  # another event
            ("2023年11月28日", "项目计划于2023年12月20日完工", False),  # a plan
            # kj03: the event named before the date, its completion after it
            ("2023年12月", "项目完工推迟至2024年3月完成", True),
            ("2023年12月", "项目完工于2023年12月完成", False),
            # kr03: a date without its year is of the table's year (2023)
            ("2023年9月28日", "全部工程于8月20日前完工", True),
            ("2023年8月18日", "全部工程于8月20日前完工", False),
        ],
    )
    def test_a_completion_date_against_the_row_of_its_time(
        self, tmp_path: Path, actual: str, said: str, fires: bool
    ) -> None:
        row = ind("项目完工时间", "2023年12月底前", actual, 10, 10, l2="时效指标")
        table = make_table(indicators=with_row(3, row), goal_actual=f"{DONE}，{said}。")
        found = findings_of(tmp_path, table, "N102")
        assert any(f.indicator == "项目完工时间" for f in found) is fires

    def test_an_acceptance_date_is_compared_with_the_acceptance_row(self, tmp_path: Path) -> None:
        # jx01: 竣工验收 is the acceptance, not the completion; the rate row of 验收 has no date
        rows = with_row(3, ind("项目竣工验收时间", "2023年11月30日前", "2023年11月28日", 5, 5))
        rows[2] = ind("工程验收合格率", ">=98%", "=100%", 10, 10, l2="质量指标")
        said = f"{DONE}，项目于2023年12月20日完成竣工验收。"
        (f,) = findings_of(tmp_path, make_table(indicators=rows, goal_actual=said), "N102")
        assert f.indicator == "项目竣工验收时间" and f.found == "2023年12月20日完成竣工验收"

    @pytest.mark.parametrize(
        ("row", "said", "fires"),
        [
            # jx06: a rise said against a row that measures a rise
            (("茶园亩均增收", ">=10%", "=12%"), "茶园亩均增收较上年提高百分之八", True),
            (("茶园亩均增收", ">=10%", "=12%"), "茶园亩均增收较上年提高12%", False),
            # fa03: a fall is the row's rise with its sign turned
            (("粮食亩产增幅", ">=5%", "=-3.2%"), "粮食亩产较上年下降3.2%", False),
            # a rise against a row of a level is no comparison
            (("茶园病虫害防治覆盖率", ">=90%", "=95%"), "茶园病虫害防治覆盖率较上年提高8%", False),
        ],
    )
    def test_a_change_is_compared_with_a_row_that_measures_one(
        self, tmp_path: Path, row: tuple[str, str, str], said: str, fires: bool
    ) -> None:
        changed = ind(*row, 10, 10, l1="效益指标", l2="经济效益指标")
        table = make_table(indicators=with_row(4, changed), goal_actual=f"{DONE}，{said}。")
        assert ("N102" in codes(tmp_path, table)) is fires

    def test_an_actual_in_another_scale_of_the_targets_unit_is_compared_converted(
        self, tmp_path: Path
    ) -> None:
        # fe04: ≥126公里 against 126400米 (S108 says the units differ), the narrative 126.4公里
        row = ind("养护工程实施里程", "≥126公里", "126400米", 10, 10, l2="数量指标")
        said = f"{DONE}，实施养护工程126.4公里。"
        table = make_table(indicators=with_row(2, row), goal_actual=said)
        assert "N102" not in codes(tmp_path, table)
        wrong = make_table(
            indicators=with_row(2, row), goal_actual=f"{DONE}，实施养护工程120公里。"
        )
        assert "N102" in codes(tmp_path, wrong)

    @pytest.mark.parametrize(
        ("row", "said", "fires"),
        [
            # gj05: the narrative's 168.5公里 against a row in 米 (186500米)
            (("供水管网长度", "≥180000米", "186500米"), "新建供水管网168.5公里", True),
            (("供水管网长度", "≥180000米", "186500米"), "新建供水管网186.5公里", False),
            # a row in 公里 with its bracketed measure (公里(长度)), the narrative's the same
            (("供水管网长度", "≥40公里(长度)", "38.6公里"), "新建供水管网38.6公里", False),
            (("供水管网长度", "≥40公里(长度)", "38.6公里"), "新建供水管网38600米", False),
            (("垃圾清运量", "≥1.2万吨", "1.25万吨"), "垃圾清运量12500000公斤", False),
            (("垃圾清运量", "≥1.2万吨", "1.25万吨"), "垃圾清运量1.52万吨", True),
        ],
    )
    def test_a_length_or_weight_in_another_unit_of_the_rows_is_compared_converted(
        self, tmp_path: Path, row: tuple[str, str, str], said: str, fires: bool
    ) -> None:
        indicator = ind(*row, 10, 10, l2="数量指标")
        table = make_table(indicators=with_row(2, indicator), goal_actual=f"{DONE}，{said}。")
        assert ("N102" in codes(tmp_path, table)) is fires

    @pytest.mark.parametrize(
        ("said", "fires"),
        [
            ("全年完成高标准农田2.1万亩。", False),  # the row's 2.1万亩
            ("全年完成高标准农田21000亩。", False),  # the same, in 亩
            ("全年完成高标准农田2.5万亩。", True),  # dv05: the target, not the 2.1万亩 done
            ("全年完成高标准农田2.4万亩。", True),  # ex01
        ],
    )
    def test_a_row_printed_in_wan_is_compared_in_its_count(
        self, tmp_path: Path, said: str, fires: bool
    ) -> None:
        # dv05, dy04, ex01: a row in 万亩 / 万人 had no unit a claim's 亩 / 人 could match
        row = ind("新建高标准农田面积", "≥2.5万亩", "2.1万亩", 10, 8.4, l2="数量指标")
        table = make_table(indicators=with_row(2, row), goal_actual=f"{DONE}，{said}")
        assert ("N102" in codes(tmp_path, table)) is fires

    @pytest.mark.parametrize(("said", "fires"), [("2,351人", False), ("2,315人", True)])
    def test_a_part_named_by_an_indicator_of_its_own_is_compared_with_it(
        self, tmp_path: Path, said: str, fires: bool
    ) -> None:
        # ip06: 其中 marks a part of a total, but this part is what its own row counts; the
        # comma inside 2,315 is the figure's, not the clause's end
        row = ind("困难残疾人生活补贴发放人数", ">=2300人", "2351人", 10, 10, l2="数量指标")
        text = f"{DONE}，发放两项补贴，其中困难残疾人生活补贴惠及{said}。"
        table = make_table(indicators=with_row(2, row), goal_actual=text)
        found = findings_of(tmp_path, table, "N102")
        assert bool(found) is fires
        assert all(f"其中困难残疾人生活补贴惠及{said}" in f.message for f in found)

    def test_a_part_compared_with_a_row_that_is_that_part(self, tmp_path: Path) -> None:
        # it05: 其中脱贫户1,208户 against the row 其中：脱贫户受益户数 1280户
        row = ind("其中：脱贫户受益户数", ">=1200户", "1280户", 10, 10, l2="数量指标")
        said = f"{DONE}，惠及农户3120户，其中脱贫户1,208户。"
        table = make_table(indicators=with_row(2, row), goal_actual=said)
        assert "N102" in codes(tmp_path, table)
        agreeing = make_table(
            indicators=with_row(2, row), goal_actual=f"{DONE}，惠及农户3120户，其中脱贫户1280户。"
        )
        assert "N102" not in codes(tmp_path, agreeing)

    def test_a_figure_rounded_in_wan_holds_the_narratives_count(self, tmp_path: Path) -> None:
        # gd01: 6.24万人 is 62,350–62,450 人; the narrative's 62418人 is that figure
        row = ind("老年人健康体检人数", "≥6万人", "6.24万人", 10, 10, l2="数量指标")
        right = make_table(
            indicators=with_row(2, row), goal_actual=f"{DONE}，老年人健康体检62418人。"
        )
        assert "N102" not in codes(tmp_path, right)
        wrong = make_table(
            indicators=with_row(2, row), goal_actual=f"{DONE}，老年人健康体检65418人。"
        )
        assert "N102" in codes(tmp_path, wrong)

    def test_target_and_actual_in_different_money_units(self, tmp_path: Path) -> None:
        # db06: ≥1.2万元 against 13800元; the narrative's 13800元 is the actual
        row = ind("种植户户均增收", "≥1.2万元", "13800元", 10, 10, l1="效益指标", l2="经济效益指标")
        said = f"{DONE}，带动种植户户均增收13800元。"
        assert "N102" not in codes(
            tmp_path, make_table(indicators=with_row(4, row), goal_actual=said)
        )

    def test_a_total_is_not_a_per_kilometre_standards_figure(self, tmp_path: Path) -> None:
        # gz05: 拨付养护补助548.62万元 is the whole sum, not 每公里年养护补助标准's 1916元
        row = ind("每公里年养护补助标准", "≤2000元", "1916元", 10, 10, l2="成本指标")
        said = f"{DONE}，拨付养护补助548.62万元。"
        table = make_table(indicators=with_row(3, row), goal_actual=said)
        assert "N102" not in codes(tmp_path, table)

    def test_benefiting_is_said_with_either_word(self, tmp_path: Path) -> None:
        # gf04: 惠及学生2.14万人 of the row 受益学生人数 2136人 (a 万 slipped in)
        row = ind("受益学生人数", "≥2000人", "2136人", 10, 10, l1="效益指标", l2="社会效益指标")
        wrong = make_table(indicators=with_row(2, row), goal_actual=f"{DONE}，惠及学生2.14万人。")
        assert "N102" in codes(tmp_path, wrong)
        right = make_table(indicators=with_row(2, row), goal_actual=f"{DONE}，惠及学生2136人。")
        assert "N102" not in codes(tmp_path, right)

    def test_a_figure_of_a_row_with_a_bracketed_part_is_that_rows(self, tmp_path: Path) -> None:
        # fc01: 93.6%（其中千吨万人工程98.2%） is the water-quality row's, whose unit read with
        # its bracket had left it out; the claim went to another row sharing a few words
        quality = ind(
            "农村供水工程水质检测合格率",
            "≥95%（其中千吨万人工程≥98%）",
            "93.6%（其中千吨万人工程98.2%）",
            10,
            10,
            l2="质量指标",
        )
        other = ind("农村规模化供水工程覆盖人口比例提升幅度", "≥3%", "3.4%", 10, 10, l2="质量指标")
        rows = with_row(3, other, with_row(2, quality))
        said = f"{DONE}，全年农村供水工程水质检测合格率93.6%。"
        assert "N102" not in codes(tmp_path, make_table(indicators=rows, goal_actual=said))

    def test_a_claim_tied_between_rows_does_not_hide_anothers_match(self, tmp_path: Path) -> None:
        # ft04: 管理率67.2% ties 高血压 and 2型糖尿病's rows; it had counted as a second figure
        # for each, and 高血压患者规范管理率62.4% (the row: 68.4%) was left unsaid
        rows = with_row(2, ind("高血压患者规范管理率", "≥60%", "68.4%", 10, 10, l2="质量指标"))
        rows = with_row(
            3, ind("2型糖尿病患者规范管理率", "≥60%", "58.3%", 10, 10, l2="质量指标"), rows
        )
        said = f"{DONE}，健康管理率67.2%；高血压患者规范管理率62.4%，2型糖尿病患者规范管理率58.3%。"
        (f,) = findings_of(tmp_path, make_table(indicators=rows, goal_actual=said), "N102")
        assert f.indicator == "高血压患者规范管理率" and f.found == "62.4%"

    def test_the_budgets_execution_rate_is_not_an_indicators(self, tmp_path: Path) -> None:
        # 预算执行率99.12% is the funds' rate, not the row 政府采购执行率 (=100%, 100%)
        row = ind("政府采购执行率", "=100%", "100%", 10, 10, l2="质量指标")
        table = make_table(indicators=with_row(2, row), goal_actual=f"{DONE}，预算执行率99.12%。")
        assert "N102" not in codes(tmp_path, table)
        said = f"{DONE}，政府采购执行率95%。"
        assert "N102" in codes(tmp_path, make_table(indicators=with_row(2, row), goal_actual=said))

    @pytest.mark.parametrize(
        ("field", "text", "compared"),
        [
            ("goal_actual", "全年组织业务培训8场，培训210人。", "实际完成值为=10场"),
            ("goal_actual", "全年组织业务培训十二场，培训210人。", "实际完成值为=10场"),
            ("goal_actual", "全年组织业务培训10场，培训约300人。", "实际完成值为=210人"),
            (
                "goal_expected",
                "组织业务培训10场，培训二十余人，提升业务能力。",
                "年度指标值为>=200人",
            ),
        ],
    )
    def test_fires_when_the_same_thing_has_another_figure(
        self, tmp_path: Path, field: str, text: str, compared: str
    ) -> None:
        findings = findings_of(tmp_path, make_table(**{field: text}), "N102")
        assert len(findings) == 1
        f = findings[0]
        assert compared in f.message
        assert f.evidence[0].quote in text  # the sentence, verbatim
        assert f.indicator in ("培训场次", "培训人数")
        assert {e.quote for e in f.evidence[1:]} >= {f.indicator}

    def test_a_result_that_restates_the_plan(self, tmp_path: Path) -> None:
        # 培训200人 is the row's target (>=200人); the row says 210 were trained.
        actual = "全年组织业务培训10场，培训200人，参训人员业务能力明显提升。"
        (f,) = findings_of(tmp_path, make_table(goal_actual=actual), "N102")
        assert "写的是计划数" in f.message and f.indicator == "培训人数"
        assert f.expected == "=210人" and f.found == "200人"

    def test_results_that_restate_the_plan_are_one_finding(self, tmp_path: Path) -> None:
        rows = clean_indicators()
        rows[0] = ind("培训场次", ">=10场", "=12场", 20, 20)
        actual = "全年组织业务培训10场，培训200人，参训人员业务能力明显提升。"
        (f,) = findings_of(tmp_path, make_table(indicators=rows, goal_actual=actual), "N102")
        assert "「培训场次」" in f.message and "「培训人数」" in f.message
        assert f.indicator is None  # about two rows

    @pytest.mark.parametrize(
        "actual",
        [
            "全年组织业务培训10场，培训210人，参训人员满意度达到90%。",  # a rate's standard
            "组织业务培训10场，培训200人，提升业务能力。",  # the goal copied: N101's
            "全年组织业务培训10场，超额完成目标培训200人。",  # the plan, named as the plan
        ],
    )
    def test_no_restated_plan_for_a_rate_or_a_copied_goal(
        self, tmp_path: Path, actual: str
    ) -> None:
        found = findings_of(tmp_path, make_table(goal_actual=actual), "N102")
        assert not any("写的是计划数" in f.message for f in found)

    def test_silent_on_a_tie_between_rows(self, tmp_path: Path) -> None:
        rows = clean_indicators()
        rows[1] = ind("业务培训学员人数", ">=200人", "=210人", 5, 5)
        actual = "全年组织业务培训10场，业务培训30人。"
        # With one row to match, 30 against 210 is a contradiction …
        assert "N102" in codes(tmp_path, make_table(indicators=rows, goal_actual=actual))
        # … with two rows that match equally well, the figure could be either: nothing fires.
        rows.insert(2, ind("业务培训教师人数", "=5人", "=5人", 5, 5))
        assert "N102" not in codes(tmp_path, make_table(indicators=rows, goal_actual=actual))

    def test_silent_when_two_figures_share_a_row(self, tmp_path: Path) -> None:
        actual = "全年组织业务培训10场，其中线上培训4场，线下培训6场，培训210人。"
        assert "N102" not in narrative_codes(tmp_path, goal_actual=actual)

    def test_a_claim_naming_the_indicator_in_full_is_compared_with_that_indicator(
        self, tmp_path: Path
    ) -> None:
        rows = clean_indicators()
        rows[1] = ind("帮教人数", "=85人", "=85人", 10, 10)
        rows[4] = ind(
            "促进安置帮教人员就业(累计安置帮教人员就业人数)",
            "促进(11人)",
            "促进(11人)",
            15,
            15,
            l1="效益指标",
            l2="社会效益指标",
        )
        table = make_table(indicators=rows, goal_actual="全年帮教人数实际完成59人。")
        found = findings_of(tmp_path, table, "N102")
        assert [f.indicator for f in found] == ["帮教人数"]


# N103 an enumeration's count -------------------------------------------------------------


def trainee_kinds(listing: str) -> str:
    """实际完成情况 announcing three kinds of trainees, then listing them."""
    return (
        f"全年组织业务培训10场，培训210人，培训对象分为三类，{listing}，参训人员业务能力明显提升。"
    )


class TestN103EnumerationCount(RuleCase):
    code = "N103"

    def broken(self) -> EvaluationTable:
        return make_table(goal_actual=trainee_kinds("包括律师、人民调解员"))

    def clean(self) -> EvaluationTable:
        return make_table(goal_actual=trainee_kinds("包括律师、人民调解员和社区矫正工作人员"))

    @pytest.mark.parametrize(
        ("listing", "fires"),
        [
            ("培训对象分为三类，包括律师、调解员", True),  # 、 , two of three
            ("培训对象分为三类，包括律师、调解员和社区矫正工作人员", False),  # 、 and 和
            ("培训对象分为两类，包括律师、调解员和社区矫正工作人员", True),
            ("培训对象分为三类：律师，调解员，社区矫正工作人员", False),  # ， after a colon
            ("培训对象分为四类：律师，调解员，社区矫正工作人员", True),
            ("培训对象分为三类：律师；调解员；社区矫正工作人员", False),  # ；
            ("培训对象分为四类（律师、调解员、公证员）", True),  # in brackets
            ("培训对象分为三类，包括律师、调解员等", False),  # 等: examples only
            ("培训对象分为两类，包括律师（含公职律师、公司律师）、调解员", False),  # 、 in brackets
            ("培训对象分为两类，包括“法律明白人、调解员”和律师", False),  # 、 in quotes
            # a ratio's colon after the count opens no list (fl04: 16个乡镇…医护比1:1.26)
            ("覆盖全部16个乡镇，医护比达到1:1.26、床护比1:0.8", False),
        ],
    )
    def test_counts_listed_items(self, tmp_path: Path, listing: str, fires: bool) -> None:
        actual = f"{DONE}，{listing}。"
        assert ("N103" in narrative_codes(tmp_path, goal_actual=actual)) is fires

    def test_message_names_the_items(self, tmp_path: Path) -> None:
        actual = f"{DONE}，培训对象分为三类，包括律师、调解员。"
        (f,) = findings_of(tmp_path, make_table(goal_actual=actual), "N103")
        assert "“三类”" in f.message and "列举了2项（律师、调解员）" in f.message
        assert (f.expected, f.found) == ("3", "2")
        assert f.evidence[0].quote == actual[actual.index("全年") :]


# N104 results written as a plan ----------------------------------------------------------


class TestN104ActualWrittenAsPlan(RuleCase):
    code = "N104"

    def broken(self) -> EvaluationTable:
        return make_table(
            goal_actual="全年组织业务培训不少于10场，培训210人，参训人员业务能力明显提升。"
        )

    def clean(self) -> EvaluationTable:
        return make_table()

    @pytest.mark.parametrize(
        ("actual", "fires"),
        [
            ("全年组织业务培训不少于10场，培训210人。", True),
            ("确保培训10场，培训210人。", True),
            ("全年组织业务培训10场，力争培训200人。", True),
            ("力争提升参训人员业务能力，确保培训质量。", True),  # plan only: no result, no figure
            (f"{DONE}，参训人员业务能力明显提升。", False),
            ("按计划完成业务培训10场，培训210人。", False),  # 按计划 is a result
            (f"{DONE}。下一步将确保培训不少于12场。", False),  # next year's plan
            ("已完成全部培训任务，确保了培训质量。", False),  # results, no hedged figure
            (f"{DONE}，剩余2场拟于2024年3月前完成。", False),  # work left for next year
        ],
    )
    def test_plan_language_in_the_account_of_results(
        self, tmp_path: Path, actual: str, fires: bool
    ) -> None:
        assert ("N104" in narrative_codes(tmp_path, goal_actual=actual)) is fires

    def test_lists_each_hedged_figure(self, tmp_path: Path) -> None:
        actual = "组织不少于10场培训，确保培训210人。"
        (f,) = findings_of(tmp_path, make_table(goal_actual=actual), "N104")
        assert "“组织不少于10场培训”；“确保培训210人”" in f.message
        assert [e.quote for e in f.evidence] == [actual]

    def test_a_copied_plan_is_one_remark_not_two(self, tmp_path: Path) -> None:
        plan = "确保法律顾问在重大行政决策中发挥积极作用。"
        fired = codes(tmp_path, make_table(goal_expected=plan, goal_actual=plan))
        assert "N101" in fired and "N104" not in fired


# N105 a goal figure nobody reports -------------------------------------------------------

BOOKS = "组织业务培训10场，培训200人，编印培训教材500册，提升业务能力。"


class TestN105GoalFigureUnreported(RuleCase):
    code = "N105"

    def broken(self) -> EvaluationTable:
        return make_table(goal_expected=BOOKS)

    def clean(self) -> EvaluationTable:
        return make_table(
            goal_expected=BOOKS,
            goal_actual="全年组织业务培训10场，培训210人，编印培训教材500册，参训人员业务能力明显提升。",
        )

    @pytest.mark.parametrize(
        ("expected", "actual", "fires"),
        [
            (BOOKS, f"{DONE}，参训人员业务能力明显提升。", True),
            (BOOKS, f"{DONE}，编印培训教材500册。", False),  # reported
            (BOOKS, f"{DONE}，编印教材480册。", False),  # reported, with another figure
            (
                "组织业务培训10场，培训200人，覆盖全区12个街镇。",  # scope, not an output
                f"{DONE}，参训人员业务能力明显提升。",
                False,
            ),
            (BOOKS, BOOKS, False),  # a copy is N101's
            (  # a bracket between the item and its figure: the item's words are before it
                "组织业务培训10场，培训200人，编印培训教材(含电子版、纸质版)500册。",
                f"{DONE}，编印培训教材480册。",
                False,
            ),
        ],
    )
    def test_goal_figure_without_a_result(
        self, tmp_path: Path, expected: str, actual: str, fires: bool
    ) -> None:
        got = narrative_codes(tmp_path, goal_expected=expected, goal_actual=actual)
        assert ("N105" in got) is fires

    def test_silent_when_an_indicator_reports_it(self, tmp_path: Path) -> None:
        rows = clean_indicators()
        rows[0] = ind("培训场次", "=10场", "=10场", 15, 15)
        rows.insert(1, ind("培训教材编印数", "=500册", "=500册", 5, 5))
        table = make_table(indicators=rows, goal_expected=BOOKS)
        assert codes(tmp_path, table) == set()

    def test_silent_when_an_indicators_target_is_the_goals_figure(self, tmp_path: Path) -> None:
        # mg01: 保障下游3.5万人防洪安全, the row 受益人口 ≥3.5万人 | 3.6万人, and the 实际完成情况
        # saying 受益人口3.6万人: reported, in other words
        goal = "组织业务培训10场，培训200人，保障下游1.2万户防洪安全。"
        told = f"{DONE}，受益农户1.3万户。"
        silent = f"{DONE}，参训人员业务能力明显提升。"
        for target, actual, fires in (
            ("≥1.2万户", told, False),
            ("≥1.2万户", silent, True),  # ce06: the narrative says nothing of it
            ("≥2万户", told, True),  # another figure: the goal's is not reported
        ):
            rows = clean_indicators()
            rows.insert(1, ind("受益农户", target, "=1.3万户", 5, 5))
            table = make_table(indicators=rows, goal_expected=goal, goal_actual=actual)
            assert ("N105" in codes(tmp_path, table)) is fires


# N106 a narrative amount against the fund block ------------------------------------------


# A Sichuan 部门预算项目支出绩效自评表 whose 项目实施内容及过程概述 states an amount.
SICHUAN_ZP = "\n".join(
    [
        "部门预算项目支出绩效自评表(2024年度)",
        "项目名称\t旅游公共服务设施提升项目",
        "主管部门\t某县文化广播电视和旅游局\t\t\t实施单位\t某县文化广播电视和旅游局",
        "项目基本情况\t1.项目年度目标完成情况\t项目年度目标\t\t\t年度目标完成情况",
        "\t\t新建旅游厕所6座。\t\t\t新建旅游厕所6座。",
        "\t2.项目实施内容及过程概述\t{implementation}",
        "预算执行情况(10分)\t年度预算数(万元)\t年初预算\t调整后预算数\t预算执行数\t预算执行率\t权重\t得分",
        "\t总额\t500.00\t480.00\t468.50\t97.60%\t10\t9.76",
        "\t其中:财政资金\t500.00\t480.00\t468.50\t97.60%\t/\t/",
        "绩效指标(90分)\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分\t未完成原因分析",
        "\t产出指标\t数量指标\t新建旅游厕所\t≥\t6\t座\t6\t50\t50\t",
        "\t效益指标\t社会效益指标\t设施持续使用年限\t≥\t10\t年\t10\t30\t30\t",
        "\t满意度指标\t服务对象满意度指标\t游客满意度\t≥\t90\t%\t93\t10\t10\t",
        "合计\t\t\t\t\t\t\t\t100\t99.76\t",
    ]
)


# A 部门整体 form with its breakdowns by income and by expense side by side.
DEPARTMENT = "\n".join(
    [
        "2019年度部门整体支出绩效自评表",
        "部门（单位）名称\t某县市场监督管理局",
        "年度预算情况（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "\t年度资金总额\t1520.60\t1586.20\t1563.40\t10\t98.56%\t9.86",
        "\t按收入性质分\t\t\t全年执行数\t按支出性质分\t\t全年执行数",
        "\t一般公共预算拨款\t\t\t1540.20\t基本支出\t\t1168.30",
        "\t其他资金\t\t\t23.20\t项目支出\t\t395.10",
        "年度总体目标\t预期目标\t\t\t\t实际完成情况",
        "\t全年完成食品安全监督抽检1200批次以上。\t\t\t\t{actual}完成抽检1286批次。",
        "年度绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
        "\t产出指标\t数量指标\t食品安全监督抽检批次\t≥1200批次\t1286批次\t50\t50\t",
        "\t效益指标\t社会效益指标\t评价性抽检合格率\t≥97%\t98.7%\t30\t30\t",
        "\t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t93%\t10\t10\t",
        "总分\t\t\t\t\t\t100\t99.86\t",
    ]
)


class TestN106NarrativeAmountVsFunds(RuleCase):
    code = "N106"

    def broken(self) -> EvaluationTable:
        return make_table(goal_actual="全年组织业务培训10场，培训210人，全年支出培训资金12万元。")

    def clean(self) -> EvaluationTable:
        return make_table(goal_actual="全年组织业务培训10场，培训210人，全年支出培训资金9.5万元。")

    @pytest.mark.parametrize(
        ("sentence", "fires"),
        [
            ("全年支出培训资金12万元。", True),
            ("全年支出培训资金9.5万元。", False),  # 执行数 95,000 元
            ("全年预算资金10万元。", False),  # 全年预算数
            ("资金结余5000元。", False),  # 全年预算 − 执行
            ("资金结余2万元。", True),
            ("其中拨付讲课费用于外聘教师1.2万元。", False),  # a part, for one use
            ("预算执行率95%。", False),
            ("预算执行率为98.5%。", True),
            ("为群众挽回经济损失12万元。", False),  # not the project's money
            ("支出培训经费3万元。", False),  # one use of the money, not the project's total
            ("本项目结余资金3万元。", True),
            ("项目全年完成投资9.5万元。", False),  # it03: the money spent, said as invested
            ("项目全年完成投资1,186.3万元。", True),  # …and a thousands comma in the figure
            ("实际支出12万元。", True),  # jn01: the money spent, said so
            ("实际支出9.5万元。", False),
            ("年中调减3万元。", True),  # jn03: no change between 年初 and 全年 in the block
            # jn06: a budget broken down by source after 其中, the amount spent after the parts
            ("全年预算10万元，其中：中央资金6万元、省级资金3万元，实际支出9.5万元。", True),
            ("全年预算10万元，其中：中央资金6万元、省级资金4万元，实际支出9.5万元。", False),
            # lh05: the whole project's cost, fiscal funds only a part of it
            ("项目总投资15万元，其中财政资金10万元、群众投工投劳折资5万元。", False),
            ("项目概算12万元。", False),
        ],
    )
    def test_amounts_against_the_fund_block(
        self, tmp_path: Path, sentence: str, fires: bool
    ) -> None:
        actual = f"{DONE}。{sentence}"
        assert ("N106" in narrative_codes(tmp_path, goal_actual=actual)) is fires

    def test_reads_amounts_in_wan_yuan(self, tmp_path: Path) -> None:
        wan = dict(amount_unit="万元", budget=(10.0, 10.0, 9.5), exec_score=9.5, rate_pct=95.0)
        ok = make_table(goal_actual=f"{DONE}。全年支出资金9.5万元。", **wan)
        assert "N106" not in codes(tmp_path, ok)
        wrong = make_table(goal_actual=f"{DONE}。全年支出资金95万元。", **wan)
        (f,) = findings_of(tmp_path, wrong, "N106")
        assert "全年执行数9.5万元" in f.message and f.found == "95万元"

    @pytest.mark.parametrize(
        ("sentence", "fires"),
        [
            # 9.5万元 broken down into parts that add up (a 。 or ；between them is no stop)
            ("本项目共支出资金9.5万元。其中：讲课费5万元；教材费4.5万元。", False),
            ("本项目共支出资金9.5万元，其中讲课费5万元、教材费4.6万元。", True),
            ("本项目共支出资金95000元，其中讲课费50000元、教材费40000元。", True),
            ("本项目共支出资金9.5万元，其中讲课费5万元。", False),  # one part: not a breakdown
            ("本项目共支出资金9.5万元，其中讲课费约5万元、教材费4万元。", False),  # approximate
            # kj06: the money spent told by its uses: more than it is wrong, less is its main
            # uses only
            ("实际支出9.5万元，其中用于讲课费5万元、用于教材费4.6万元。", True),
            ("实际支出9.5万元，其中用于讲课费5万元、用于教材费4万元。", False),
            # kh05: a prior year's carry-over is a source among the parts; a figure per item
            # after them is none
            (
                "项目总投资9.5万元，其中当年财政拨款8万元、上年结转资金1.5万元，单场平均3.2万元。",
                False,
            ),
            ("项目总投资9.5万元，其中当年财政拨款8万元、上年结转资金1万元。", True),
            # pg01: the parts of a part of the budget, then the budget's other source after them
            (
                "全年预算10万元（当年财政拨款9万元，其中中央资金5万元、省级资金4万元；"
                "上年结转资金1万元），实际支出9.5万元。",
                False,
            ),
            # fx06: the budget's change after the parts, the carry-over's amount said again
            (
                "共支出资金9.5万元，其中上年结转资金1.5万元，全年预算较年初增加的1.5万元即为该笔结转资金。",
                False,
            ),
        ],
    )
    def test_a_total_and_its_parts(self, tmp_path: Path, sentence: str, fires: bool) -> None:
        found = findings_of(tmp_path, make_table(goal_actual=f"{DONE}。{sentence}"), "N106")
        assert any("其中各项" in f.message for f in found) is fires

    @pytest.mark.parametrize(
        ("said", "fires"),
        [
            ("全年支付项目资金486.50万元，其中厕所建设支出201.60万元。", True),  # gv06
            ("全年支付项目资金468.50万元，其余用于标识标牌制作。", False),  # 预算执行数
            ("其中旅游厕所建设支出201.60万元。", False),  # a part
        ],
    )
    def test_amounts_in_the_implementation_text(
        self, tmp_path: Path, said: str, fires: bool
    ) -> None:
        # the Sichuan form's 2.项目实施内容及过程概述: its amounts are the project's too
        path = tmp_path / "zp.txt"
        path.write_text(SICHUAN_ZP.format(implementation=said), encoding="utf-8")
        found = [f for f in review(path).findings if f.code == "N106"]
        assert bool(found) is fires
        if fires:
            assert found[0].message.startswith(
                "项目实施内容及过程概述称“全年支付项目资金486.50万元"
            )

    def test_amounts_in_yuan_in_a_wan_yuan_table_are_noted(self, tmp_path: Path) -> None:
        wan = dict(amount_unit="万元", budget=(10.0, 10.0, 9.5), exec_score=9.5, rate_pct=95.0)
        in_yuan = make_table(goal_actual=f"{DONE}。全年支出资金95000元。", **wan)
        (f,) = findings_of(tmp_path, in_yuan, "N106")
        assert f.severity is Severity.INFO and "95000元" in f.message
        small = make_table(goal_actual=f"{DONE}。人均补助500元。", **wan)  # a rate, not 万元
        assert "N106" not in codes(tmp_path, small)
        in_wan = make_table(goal_actual=f"{DONE}。全年支出资金9.5万元。", **wan)
        assert "N106" not in codes(tmp_path, in_wan)

    @pytest.mark.parametrize(
        ("said", "fires"),
        [
            # ox05: 项目支出395.10万元, a line of the 部门整体 form's breakdown by expense, had
            # been said to match no amount of the block
            ("全局支出1563.40万元（基本支出1168.30万元、项目支出395.10万元）。", False),
            ("全局支出1563.40万元（基本支出1168.30万元、项目支出359.10万元）。", True),
            ("全年发放各类社会救助资金600.00万元。", False),  # ph04: one of the uses
            ("全局全年支出资金1600.00万元。", True),  # the department's own money
        ],
    )
    def test_a_departments_narrative_amounts(self, tmp_path: Path, said: str, fires: bool) -> None:
        path = tmp_path / "dept.txt"
        path.write_text(DEPARTMENT.format(actual=said), encoding="utf-8")
        found = [f for f in review(path).findings if f.code == "N106"]
        assert bool(found) is fires

    def test_the_parts_sum_is_said_in_the_totals_unit(self, tmp_path: Path) -> None:
        sentence = "本项目共支出资金9.5万元，其中讲课费5万元、教材费4.6万元。"
        (f,) = findings_of(tmp_path, make_table(goal_actual=f"{DONE}。{sentence}"), "N106")
        assert "合计9.6万元" in f.message and f.expected == "9.5万元"


# N109 a count and its parts after 其中 ---------------------------------------------------


class TestN109NarrativePartsVsTotal(RuleCase):
    code = "N109"

    def broken(self) -> EvaluationTable:
        return make_table(goal_actual="全年组织业务培训10场，培训210人，其中干部120人、职工110人。")

    def clean(self) -> EvaluationTable:
        return make_table(goal_actual="全年组织业务培训10场，培训210人，其中干部120人、职工90人。")

    @pytest.mark.parametrize(
        ("said", "fires"),
        [
            ("培训210人，其中干部120人、职工90人。", False),  # they add up
            ("培训210人，其中干部120人、职工110人。", True),  # jf06: more than the total
            ("培训210人，其中干部120人、职工80人。", True),  # jn04: all but a slip
            ("培训210人，其中青年干部30人、女职工25人。", False),  # groups picked out of it
            ("培训210人，其中干部120人。", False),  # one part: not a breakdown
            ("培训210人，其中干部约120人、职工110人。", False),  # approximate
            ("培训210人，其中：一期培训120人、二期培训110人。", True),  # a name's numeral
            # the parts end at a clause holding no part: 12场 and what comes after it
            ("培训210人，其中干部120人、职工90人，开展送教下乡12场，服务群众800人。", False),
            # a figure above the total is no part of it (hc03: another item's area)
            ("培训210人，其中干部120人；（2）服务群众800人。", False),
            ("培训210人，其中干部120人、职工90人，服务群众800人。", False),  # first two add up
            # jx03: words between the total and its 其中, in its sentence
            ("培训210人，超额完成年度任务，其中干部120人、职工110人。", True),
            ("培训210人，开展交流12次，其中干部120人、职工110人。", False),  # 其中 is 12次's
            ("培训210人。全年开展交流，其中干部120人、职工110人。", False),  # another sentence
        ],
    )
    def test_parts_against_their_total(self, tmp_path: Path, said: str, fires: bool) -> None:
        actual = f"全年组织业务培训10场，{said}"
        assert ("N109" in narrative_codes(tmp_path, goal_actual=actual)) is fires

    def test_message_sums_in_the_totals_own_wan(self, tmp_path: Path) -> None:
        rows = with_row(1, ind("高标准农田建设面积", ">=2万亩", "=2.15万亩", 10, 10))
        actual = "全年组织业务培训10场，建成高标准农田2.15万亩，其中新建1.32万亩、改造0.73万亩。"
        (f,) = findings_of(tmp_path, make_table(indicators=rows, goal_actual=actual), "N109")
        assert "合计2.05万亩，少于所称总数" in f.message
        assert (f.expected, f.found, f.indicator) == ("2.15万亩", "2.05万亩", "高标准农田建设面积")
        assert f.evidence[0].quote == actual.rstrip("。")  # the sentence up to its end


# The seed --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Review:
    return review(SEED, config=Config())


def _narrative(result: Review) -> list[Finding]:
    return [f for f in result.findings if f.code in N_CODES]


def test_seed_training_announces_eight_lists_seven(seed: Review) -> None:
    (f,) = [f for f in _narrative(seed) if f.project == "业务培训"]
    assert f.code == "N103" and (f.expected, f.found) == ("8", "7")
    assert "“八类”" in f.message and "列举了7项" in f.message


def test_seed_narrative_findings(seed: Review) -> None:
    # Each judged by hand; see the issue report for the reasoning.
    assert sorted((f.code, f.project) for f in _narrative(seed)) == [
        ("N102", "公共法律服务"),  # 20余家特色站室 in 预期目标 vs target =5家
        ("N103", "业务培训"),  # 八类 announced, seven listed
        ("N104", "人民调解"),  # 确保调解成功率达到80%以上 in the account of results
        ("N104", "司法行政宣传"),  # 不少于2次 / 4次 / 1次 / 5家 in the account of results
    ]


def test_seed_findings_quote_their_sentence_verbatim(seed: Review) -> None:
    tables = seed.report.tables
    for f in _narrative(seed):
        assert f.table_index is not None
        t = tables[f.table_index]
        quote = f.evidence[0].quote
        text = t.goal_actual if quote in t.goal_actual else t.goal_expected
        assert quote and quote in text, f
        start = text.index(quote)  # a whole sentence: from a sentence start to its end
        assert start == 0 or text[start - 1] in "。；！？", f
        end = start + len(quote)
        assert end == len(text) or text[end - 1] in "。；！？", f
        loc = f.evidence[0].location
        assert loc is not None and loc.line in (
            t.cells["goal_actual"].line,
            t.cells["goal_expected"].line,
        )


# N108 the narrative says every target was met while a row missed ------------------------


def _one_missed(goal_actual_tail: str) -> EvaluationTable:
    """The clean table with 培训人数 missed (180 of ≥200, scored in proportion and explained),
    its 实际完成情况 quoting the rows and ending with ``goal_actual_tail``."""
    rows = clean_indicators()
    rows[1] = ind("培训人数", ">=200人", "=180人", 10, 9, "部分学员因疫情未能参训，下一步将补训。")
    actual = goal_texts(rows)[1].rstrip("。") + goal_actual_tail
    return make_table(indicators=rows, goal_actual=actual)


class TestN108NarrativeClaimsAllMet(RuleCase):
    code = "N108"

    def broken(self) -> EvaluationTable:
        return _one_missed("，项目各项绩效目标全部完成。")

    def clean(self) -> EvaluationTable:
        return _one_missed("，培训人数未达到目标。")

    @pytest.mark.parametrize(
        ("tail", "fires"),
        [
            ("，各项目标任务均已完成。", True),
            ("，全面完成了年度绩效目标。", True),
            ("，所有指标均已达成。", True),
            ("，年度绩效目标全面完成。", True),
            ("，项目各项建设任务全部完成。", True),
            ("，年度目标任务全面完成。", True),  # ml05
            ("，年度目标部分完成。", False),
            ("，各项绩效目标基本完成。", False),  # admits a shortfall
            ("，各项目标大部分完成。", False),
            ("，确保各项目标全部完成。", False),  # a promise, not a result
        ],
    )
    def test_phrasings(self, tmp_path: Path, tail: str, fires: bool) -> None:
        assert ("N108" in codes(tmp_path, _one_missed(tail))) is fires

    def test_names_the_missed_row_and_quotes_the_claim(self, tmp_path: Path) -> None:
        (f,) = findings_of(tmp_path, self.broken(), "N108")
        assert f.indicator == "培训人数"
        assert "各项绩效目标全部完成" in f.message and "180人" in f.message
        assert any(e.quote == "各项绩效目标全部完成" for e in f.evidence)

    def test_a_conclusion_after_the_rows_claiming_it_too(self, tmp_path: Path) -> None:
        # the Sichuan form's 评价结论 (gv05): 各项绩效指标均已完成 beside a missed row
        table = self.clean()
        table.fields["conclusion"] = "项目自评总分99分，各项绩效指标均已完成。"
        (f,) = findings_of(tmp_path, table, "N108")
        assert f.message.startswith("评价结论称“各项绩效指标均已完成”")

    def test_every_target_met_says_nothing(self, tmp_path: Path) -> None:
        table = make_table()
        table = table.model_copy(
            update={"goal_actual": table.goal_actual + "各项绩效目标全部完成。"}
        )
        assert "N108" not in codes(tmp_path, table)

    @pytest.mark.parametrize(
        ("claim", "fires"),
        [
            ("，12座水库均已通过竣工验收。", True),  # mu05
            ("，全部完成竣工验收。", True),
            ("，10座水库已通过竣工验收，2座尚未验收。", False),  # no claim of all
            ("，竣工验收基本完成。", False),
        ],
    )
    def test_every_one_of_what_a_missed_rate_row_measures_claimed_done(
        self, tmp_path: Path, claim: str, fires: bool
    ) -> None:
        rows = clean_indicators()
        rows[1] = ind("水库竣工验收率", "=100%", "83.3%", 10, 8.33, "2座需补充施工，拟汛前验收。")
        actual = goal_texts(rows)[1].rstrip("。") + claim
        table = make_table(indicators=rows, goal_actual=actual)
        found = [f for f in findings_of(tmp_path, table, "N108") if f.indicator == "水库竣工验收率"]
        assert bool(found) is fires
