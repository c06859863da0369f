"""W rules (reviewer/checks/weights.py): 分值 sums, the default split, positive weights.

One class per rule: the broken table and its clean twin, then each comparison's allowance
(sums compare within 0.005: a weight printed to 0.01 off is off) on both sides.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.checks import active_rules, check_table
from reviewer.config import Config
from reviewer.model import EvaluationTable, Indicator
from reviewer.pipeline import review
from tests.builders import (
    clean_indicators,
    codes,
    ind,
    make_table,
    table_findings,
    with_row,
    write_tables,
)
from tests.checks.cases import RuleCase


def cost_row(weight: float, score: float = 0, actual: str = "=200元") -> Indicator:
    explanation = "因物价上涨超支，下一步将加强成本控制" if score < weight else ""
    return ind(
        "人均培训成本",
        "<=100元",
        actual,
        weight,
        score,
        explanation,
        l1="成本指标",
        l2="经济成本指标",
    )


# W101 weights sum to 100 -----------------------------------------------------------------


class TestW101WeightsSumTo100(RuleCase):
    code = "W101"

    def broken(self) -> EvaluationTable:
        return make_table(indicators=[*clean_indicators(), cost_row(5)], total_weight=105.0)

    def clean(self) -> EvaluationTable:
        return make_table()

    @pytest.mark.parametrize(
        ("weight", "fires"),
        [
            (0.004, set()),  # 100.004: within the allowance 0.005
            (0.01, {"W101"}),  # 100.01: off
        ],
    )
    def test_allowance(self, tmp_path: Path, weight: float, fires: set[str]) -> None:
        # A met 成本指标 row (not in the default split) adds ``weight`` to the sum.
        row = cost_row(weight, weight, "=90元")
        table = make_table(indicators=[*clean_indicators(), row], total_weight=100 + weight)
        assert codes(tmp_path, table) == fires


# W102 default split ----------------------------------------------------------------------


class TestW102DefaultSplit(RuleCase):
    code = "W102"

    def broken(self) -> EvaluationTable:
        return make_table(
            indicators=[
                *with_row(0, ind("培训场次", "=10场", "=10场", 25, 25))[:4],
                ind("提升业务能力", "提升", "提升", 10, 10, l1="效益指标", l2="社会效益指标"),
                *clean_indicators()[5:],
            ]
        )

    def clean(self) -> EvaluationTable:
        return make_table()

    def test_one_hundredth_moved_between_groups(self, tmp_path: Path) -> None:
        # 产出 49.99, 效益 30.01: the sum is still 100.
        rows = with_row(0, ind("培训场次", "=10场", "=10场", 19.99, 19.99))
        rows[4] = ind(
            "提升业务能力", "提升", "提升", 15.01, 15.01, l1="效益指标", l2="社会效益指标"
        )
        assert codes(tmp_path, make_table(indicators=rows)) == {"W102"}

    @pytest.mark.parametrize(
        ("note", "fires"),
        [
            ("注：产出指标55分、效益指标25分、满意度指标10分。", False),  # the rows' split
            ("注：产出指标50分、效益指标30分、满意度指标10分。", True),  # not the rows' split
            ("注：产出指标55分。", True),  # one category says too little
        ],
    )
    def test_a_split_the_forms_own_note_sets_is_no_departure(
        self, tmp_path: Path, note: str, fires: bool
    ) -> None:
        # fr03, fb02: 注：…产出指标40分，效益指标40分，满意度指标10分 under the table
        path = write_tables(tmp_path / "form.txt", self.broken())
        path.write_text(path.read_text(encoding="utf-8") + note + "\n", encoding="utf-8")
        found = {f.code for f in review(path).findings}
        assert ("W102" in found) is fires

    @pytest.mark.parametrize(("year", "fires"), [(2017, False), (2018, False), (2019, True)])
    def test_the_split_holds_from_the_first_year_evaluated_under_the_2020_rule(
        self, tmp_path: Path, year: int, fires: bool
    ) -> None:
        # 财预〔2020〕10号 set the split; a 2018 table (fd02: 65/20/5) was made without it
        table = self.broken().model_copy(update={"year": year})
        assert ("W102" in codes(tmp_path, table)) is fires


# W103 positive weights -------------------------------------------------------------------


class TestW103PositiveWeights(RuleCase):
    code = "W103"

    def broken(self) -> EvaluationTable:
        return make_table(
            indicators=[
                *clean_indicators()[:4],
                ind("培训教材", "=1套", "=1套", 0, 0),
                *clean_indicators()[4:],
            ]
        )

    def clean(self) -> EvaluationTable:
        return make_table()

    def test_a_small_positive_weight_is_positive(self, tmp_path: Path) -> None:
        row = ind("培训教材", "=1套", "=1套", 0.01, 0.01)
        table = make_table(indicators=[*clean_indicators(), row])
        assert codes(tmp_path, table, select=["W103"]) == set()

    def test_a_negative_weight_fires(self, tmp_path: Path) -> None:
        row = ind("培训教材", "=1套", "=1套", -1, 0)
        table = make_table(indicators=[*clean_indicators(), row])
        assert codes(tmp_path, table, select=["W103"]) == {"W103"}


# W104 printed total weight ---------------------------------------------------------------


class TestW104PrintedTotalWeight(RuleCase):
    code = "W104"

    def broken(self) -> EvaluationTable:
        return make_table(total_weight=95.0)

    def clean(self) -> EvaluationTable:
        return make_table(total_weight=100.0)

    @pytest.mark.parametrize(
        ("printed", "fires"),
        [(100.004, set()), (100.01, {"W104"}), (99.99, {"W104"})],
    )
    def test_allowance(self, tmp_path: Path, printed: float, fires: set[str]) -> None:
        assert codes(tmp_path, make_table(total_weight=printed)) == fires


# W105 printed sub-totals of the 一级 groups ------------------------------------------------


def with_subtotals(rows: list[Indicator], output: int = 50, outcome: int = 30) -> list[Indicator]:
    """``rows`` with each 一级 label printing its points: 产出指标(50分) …"""
    noted = {
        "产出指标": f"产出指标({output}分)",
        "效益指标": f"效益指标({outcome}分)",
        "满意度指标": "满意度指标(10分)",
    }
    return [r.model_copy(update={"l1": noted[r.l1]}) for r in rows]


class TestW105CategorySubtotals(RuleCase):
    code = "W105"

    def broken(self) -> EvaluationTable:
        # labels of 60 and 20 over rows of 50 | 30 | 10: no cut of the rows in order gives
        # 60 | 20 | 10
        return make_table(indicators=with_subtotals(clean_indicators(), 60, 20))

    def clean(self) -> EvaluationTable:
        return make_table(indicators=with_subtotals(clean_indicators()))

    def test_the_message_names_each_group_off_with_both_figures(self, tmp_path: Path) -> None:
        (hit,) = [f for f in table_findings(tmp_path, self.broken()) if f.code == "W105"]
        assert "产出指标标明60分，其下各指标分值合计50分" in hit.message
        assert "效益指标标明20分，其下各指标分值合计30分" in hit.message
        assert "满意度" not in hit.message

    def test_rows_that_another_reading_of_the_labels_would_fit_are_not_reported(self) -> None:
        # one row read under 产出 that, read under 效益, makes every sub-total hold: which rows a
        # merged label covers is what reading may get wrong, so nothing is claimed
        stated = {"产出指标": 50.0, "效益指标": 30.0, "满意度指标": 10.0}
        cfg = Config()

        def w105(rows: list[Indicator]) -> bool:
            table = make_table(indicators=rows, stated_weights=stated)
            return "W105" in {f.code for f in check_table(table, 0, cfg, active_rules(cfg))}

        misread = clean_indicators()
        misread[4] = misread[4].model_copy(update={"l1": "产出指标"})
        assert not w105(misread)
        misread[3] = ind("培训完成及时性", "及时", "及时", 5, 5, l2="时效指标")
        misread[5] = ind("减少工作差错", "减少", "减少", 20, 20, l1="效益指标", l2="社会效益指标")
        assert w105(misread)  # no reading of the labels makes these rows fit

    def test_labels_without_points_are_not_checked(self, tmp_path: Path) -> None:
        rows = clean_indicators()
        rows[3] = ind("培训完成及时性", "及时", "及时", 5, 5, l2="时效指标")
        rows[5] = ind("减少工作差错", "减少", "减少", 20, 20, l1="效益指标", l2="社会效益指标")
        assert "W105" not in codes(tmp_path, make_table(indicators=rows))


# W106 a quantity's target with no figure ----------------------------------------------------


def _quantity(target: str, actual: str = "11场") -> EvaluationTable:
    return make_table(indicators=with_row(0, ind("培训场次", target, actual, 20, 20)))


class TestW106QuantityWithoutFigure(RuleCase):
    code = "W106"

    def broken(self) -> EvaluationTable:
        return _quantity("按计划完成")

    def clean(self) -> EvaluationTable:
        return _quantity("≥10场")

    @pytest.mark.parametrize(
        ("target", "fires"),
        [
            ("有效管护", True),
            ("持续巩固", True),
            ("≥十场", False),  # a Chinese numeral is a figure
            ("≥１０场", False),  # full-width digits
            ("全面覆盖", False),  # all of them: a quantity in words
            ("按政策全额发放", False),
            ("≥**场", False),  # the template's placeholder: P106's
        ],
    )
    def test_targets(self, tmp_path: Path, target: str, fires: bool) -> None:
        assert ("W106" in codes(tmp_path, _quantity(target))) is fires

    def test_only_quantity_rows(self, tmp_path: Path) -> None:
        rows = clean_indicators()  # 培训完成及时性 | 及时, a 时效指标 in words
        assert rows[3].target == "及时" and "数量" not in rows[3].l2
        assert "W106" not in codes(tmp_path, make_table(indicators=rows))

    def test_a_comparison_with_a_misread_figure_is_left(self, tmp_path: Path) -> None:
        assert "W106" not in codes(tmp_path, _quantity("=S场"))  # OCR's S for 5


# W107 a target that only refers to a requirement or plan -------------------------------------


def _benefit(target: str, actual: str = "按要求完成") -> EvaluationTable:
    rows = clean_indicators()
    w = rows[4].weight or 0
    row = ind("丰富群众文化生活", target, actual, w, w, l1="效益指标", l2="社会效益指标")
    return make_table(indicators=with_row(4, row, rows))


class TestW107TargetByReference(RuleCase):
    code = "W107"

    def broken(self) -> EvaluationTable:
        return _benefit("按要求")

    def clean(self) -> EvaluationTable:
        return _benefit("≥12场次", "12场次")

    @pytest.mark.parametrize(
        ("target", "fires"),
        [
            ("=按要求", True),  # the Hebei form's sign before the words
            ("按计划完成", True),
            ("按要求落实", True),
            ("按要求完成验收", False),  # a named step: a qualitative target of its own
            ("按期完成", False),  # a time target in words
            ("按政策全额发放", False),
            ("达到预期", False),
        ],
    )
    def test_targets(self, tmp_path: Path, target: str, fires: bool) -> None:
        assert ("W107" in codes(tmp_path, _benefit(target))) is fires

    def test_a_quantity_row_is_left_to_w106(self, tmp_path: Path) -> None:
        found = codes(tmp_path, _quantity("按计划完成"))
        assert "W106" in found and "W107" not in found


# W108 a target left empty -------------------------------------------------------------------


class TestW108TargetLeftEmpty(RuleCase):
    code = "W108"

    def broken(self) -> EvaluationTable:
        return make_table(indicators=with_row(0, ind("培训场次", "", "=10场", 20, 20)))

    def clean(self) -> EvaluationTable:
        return make_table()

    @pytest.mark.parametrize(("target", "fires"), [("/", True), ("—", True), ("=10场", False)])
    def test_a_dash_is_no_target(self, tmp_path: Path, target: str, fires: bool) -> None:
        rows = with_row(0, ind("培训场次", target, "=10场", 20, 20))
        assert ("W108" in codes(tmp_path, make_table(indicators=rows))) is fires

    def test_a_table_whose_rows_have_no_targets_is_left(self, tmp_path: Path) -> None:
        # most rows without a target: a form without the column, or a column not read
        rows = [i.model_copy(update={"target": ""}) for i in clean_indicators()]
        assert "W108" not in codes(tmp_path, make_table(indicators=rows))


# W109 a target eased during the year --------------------------------------------------------


class TestW109TargetEasedUnexplained:
    """No broken table and clean twin of the text writer's: the year's first target lives in a
    年初目标值 column the national form does not print; texts of their own here, written
    documents in round 162."""

    _HEAD = (
        "项目名称\t高标准农田建设项目\n"
        "一级指标\t二级指标\t三级指标\t年初目标值\t调整后目标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
    )

    def _codes(self, tmp_path: Path, row: str) -> set[str]:
        path = tmp_path / "eased.txt"
        path.write_text(self._HEAD + row + "\n", encoding="utf-8")
        return {f.code for f in review(path).findings if f.indicator == "新建高标准农田面积"}

    def test_a_target_lowered_to_what_was_reached_is_asked_about(self, tmp_path: Path) -> None:
        row = "产出指标\t数量指标\t新建高标准农田面积\t≥12000亩\t≥10500亩\t10500亩\t10\t10\t"
        assert "W109" in self._codes(tmp_path, row)
        # in another scale of the unit (1.05万亩) alike
        row = "产出指标\t数量指标\t新建高标准农田面积\t≥1.2万亩\t≥10500亩\t10500亩\t10\t10\t"
        assert "W109" in self._codes(tmp_path, row)

    def test_a_change_told_or_a_first_target_met_is_not(self, tmp_path: Path) -> None:
        told = "因项目区调整，经县政府批复调减至10500亩"
        for row in (
            f"产出指标\t数量指标\t新建高标准农田面积\t≥12000亩\t≥10500亩\t10500亩\t10\t10\t{told}",
            "产出指标\t数量指标\t新建高标准农田面积\t≥12000亩\t≥10500亩\t12100亩\t10\t10\t",
            "产出指标\t数量指标\t新建高标准农田面积\t≥12000亩\t≥12000亩\t12100亩\t10\t10\t",
            # raised, not eased
            "产出指标\t数量指标\t新建高标准农田面积\t≥10500亩\t≥12000亩\t12100亩\t10\t10\t",
        ):
            assert "W109" not in self._codes(tmp_path, row), row


# W110 the budget's execution scored twice ---------------------------------------------------


class TestW110ExecutionScoredTwice(RuleCase):
    code = "W110"

    def broken(self) -> EvaluationTable:
        # the funds block scores the execution (10), and a 成本指标 row 预算执行率 again
        row = ind("预算执行率", ">=90%", "=95%", 10, 10, l2="成本指标")
        return make_table(indicators=with_row(1, row))

    def clean(self) -> EvaluationTable:
        row = ind("人均培训成本", "<=100元", "=95元", 10, 10, l2="成本指标")
        return make_table(indicators=with_row(1, row))
