"""What round 164 of the written tables (cbq, cbr, cbs, cbt) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_goals_scored_one_by_one_under_a_heading_stating_the_blocks_points() -> None:
    # cbq01 (区域绩效目标自评表): 二、年度目标完成情况 | 分值 | 20 | 自评得分 | 20, then 年度目标1–3
    # each with its own 分值 and 自评得分 — the first goal's points had been taken for the
    # block's (false T101 errors on all six documents)
    (table,) = parse_file(_doc("cbq01")).tables
    assert (table.goal_weight, table.goal_score) == (20.0, 20.0)
    codes = _codes("cbq01")
    assert "T101" not in codes
    # 年度目标2 scored 8 of its 7 points (labelled)
    assert any(
        f.code == "S101" and "年度目标2" in f.message for f in review(_doc("cbq01")).findings
    )
    # cbq02: 自评得分 99.84 against 9.96 + 19.5 + 69.88 (labelled)
    assert "T101" in _codes("cbq02")


def test_a_units_summary_is_no_table_of_its_own() -> None:
    # cbq01: 序号 | 单位名称 | 全年预算数 | 全年执行数 | … under the goals had opened a second
    # table (单位名称 a subject's key), taking the indicators with it, nameless
    tables = parse_file(_doc("cbq01")).tables
    assert len(tables) == 1 and len(tables[0].indicators) == 15
    # and 五、自评总分 | 100 | 自评得分 | 99.67, the form's last part numbered: the total
    assert tables[0].total_score == 99.67


def test_the_2024_forms_columns_in_a_cell_a_line_copy() -> None:
    # cbr05: 指标属性 | 年初目标值 | 调整后目标值 | … | 评分规则, one cell a line ending ` |`:
    # no row had been read
    (table,) = parse_file(_doc("cbr05")).tables
    rows = {i.name: (i.target, i.actual, i.weight, i.score) for i in table.indicators if i.actual}
    assert len(rows) == 13
    assert rows["人均职业技能培训成本"] == ("≤1500元", "1560元", 4.0, 3.84)
    assert rows["预算执行率"] == ("≥100%", "97.88%", 10.0, 9.79)
    # cbr02: the target eased from ≥85% to ≥75% with no reason (labelled)
    assert "W109" in _codes("cbr02", "重点人群签约覆盖率")


def test_a_word_files_tracked_changes_read_as_accepted() -> None:
    # cbs01: 95% deleted, 93.6% inserted in one cell — the inserted runs had not been read
    (table,) = parse_file(_doc("cbs01")).tables
    row = next(i for i in table.indicators if i.name == "受益农户满意度")
    assert row.actual == "93.6%"
    assert all("95%" not in i.actual for i in table.indicators)


def test_a_sheet_printing_the_forms_rows_again_is_its_detail() -> None:
    # cbt01: 指标明细 repeats the 自评表's rows (no subject, no funds): its findings had come
    # twice (S102 on 新建高标准农田面积)
    result = review(_doc("cbt01"))
    assert [f.code for f in result.findings].count("S102") == 1
    assert result.report.tables[1].detail_of is not None
