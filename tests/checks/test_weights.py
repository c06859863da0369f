"""W rules (reviewer/checks/weights.py): 分值 sums, the default split, positive weights.

One class per rule: the broken table and its clean twin, then each comparison's allowance
(sums compare within 0.005: a weight printed to 0.01 off is off) on both sides.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.model import EvaluationTable, Indicator
from tests.builders import clean_indicators, codes, ind, make_table, with_row
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
