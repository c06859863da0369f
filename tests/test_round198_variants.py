"""What round 198 of the written tables (cgx, cgy, cgz, cha) showed: a row of several targets whose
names share their words is no name read twice, and what the execution rows of rounds 196–197
needed beside the Hebei form's (预算执行率 | 10 | 9.50 across the columns).
"""

from __future__ import annotations

from reviewer.api import parse_file
from tests.test_round73_variants import _codes, _doc


def test_round198_a_row_of_several_targets_is_no_name_said_twice() -> None:
    # cgz01: 农贸市场快检覆盖率；覆盖农贸市场数 | ≥95%；≥28家 | 100%；31家 and another such row
    assert not parse_file(_doc("cgz01")).tables[0].doubts
    # its labelled missed deadline (2024年1月18日 against 2023年12月31日前) is said
    assert {"S102", "E101"} <= _codes("cgz01", "年度抽检任务完成时间")
    assert not _codes("cgz05")  # (clean: 春季学期…；秋季学期… in one name)


def test_round198_the_execution_row_across_the_columns_is_no_category() -> None:
    # dy04 (an earlier round's): 预算执行率 | 10 | 9.50 spanning the label columns, the funds
    # block unscored: the execution's row, its score held against 10 × 94.30 % (B103)
    rows = parse_file(_doc("dy04")).tables[0].indicators
    assert [i.name for i in rows][-1] == "预算执行率"
    assert "B103" in _codes("dy04", "预算执行率")


def test_round198_a_label_after_a_second_level_label_is_the_rows_name() -> None:
    # mi06 (an earlier round's): 部门管理 | 预算执行 | 预算执行率 | ≥95% | …: 预算执行率 the name
    rows = parse_file(_doc("mi06")).tables[0].indicators
    assert any(i.l2 == "预算执行" and i.name == "预算执行率" for i in rows)
