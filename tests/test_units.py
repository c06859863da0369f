"""Units in other scales (reviewer/units.py) and the rules that compare through them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.units import factor
from tests.builders import codes, ind, make_table, table_findings, with_row


@pytest.mark.parametrize(
    ("source", "dest", "expected"),
    [
        ("米", "公里", 0.001),
        ("公里", "米", 1000.0),
        ("元/台", "万元/台", 0.0001),
        ("人", "万人", 0.0001),
        ("公斤", "吨", 0.001),
        ("千米", "公里", 1.0),
        ("亩", "公顷", None),  # land measures: not ours to convert
        ("人次", "人", None),
        ("元/台", "元/户", None),
    ],
)
def test_factor(source: str, dest: str, expected: float | None) -> None:
    assert factor(source, dest) == expected


def test_a_met_target_in_another_scale_is_met(tmp_path: Path) -> None:
    # ≥12公里 against 12,350米: met (not 1029 times over); one unit per row is still asked (D8)
    rows = with_row(0, ind("渠道长度", ">=12公里", "=12350米", 20, 20))
    (f,) = table_findings(tmp_path, make_table(indicators=rows))
    assert f.code == "S108" and "折合12.35公里" in f.message


def test_a_ceiling_in_another_scale(tmp_path: Path) -> None:
    # 不高于15万元/台 against 142,000元/台 is met; 162,000元/台 is not, and kept full marks
    met = with_row(0, ind("单台补助", "<=15万元/台", "=142000元/台", 20, 20))
    assert codes(tmp_path, make_table(indicators=met)) == {"S108"}
    missed = with_row(0, ind("单台补助", "<=15万元/台", "=162000元/台", 20, 20))
    assert codes(tmp_path, make_table(indicators=missed)) >= {"S102", "S108"}


def test_units_that_do_not_convert_are_still_reported(tmp_path: Path) -> None:
    rows = with_row(0, ind("培训场次", "=10场", "=10人", 20, 20))
    assert "S108" in codes(tmp_path, make_table(indicators=rows))
