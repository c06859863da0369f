"""What round 188 of the written tables (cfj, cfk, cfl, cfm) showed: a scan's letters for digits
in a rate (85.5O%), and a narrative's breakdown that mixes 人 and 人次 and ends in last year's figure.
"""

from __future__ import annotations

from reviewer.parse.values import parse_percent
from tests.test_round73_variants import _codes


def test_round188_a_rate_with_a_scans_letter_for_a_digit() -> None:
    assert parse_percent("85.5O%") == 85.5
    assert parse_percent("95.6l%") == 95.61
    assert parse_percent("约九成") is None
    # cfm03: the 20/80 funds row 80 | 68.4 | 85.5O% | 20 is read: its score above 20 × 85.50%
    # (labelled) and its total (labelled) are said, no doubt on the table
    codes = _codes("cfm03")
    assert {"B103", "T101"} <= codes
    assert "P108" not in codes


def test_round188_a_breakdown_in_people_and_person_times() -> None:
    # cfl05: 25,867人次，其中…4,682人次、…12,455人次、…5,318人次、…3,412人，较2022年的24,930人次
    # 增加937人次: the four parts add up; last year's figure and the change are none (clean)
    assert "N109" not in _codes("cfl05")


def test_round188_a_groups_figure_is_not_the_wholes() -> None:
    # cfl06: 其中脱贫人口及监测对象培训4,610人次，培训后就业率82.3% against 培训后就业率 68.5% (the
    # whole's, said later): clean
    assert "N102" not in _codes("cfl06")
    # cfl02: 全年完成新改建农村公路48.6公里 against the row's 52.3公里 is still said (labelled)
    assert "N102" in _codes("cfl02")
