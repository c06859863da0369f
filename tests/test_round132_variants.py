"""What round 132 of the written tables (ys, yt, yu, yv) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_an_explanations_wrapped_line_with_a_clauses_end_is_no_name() -> None:
    # ys01 (a tab paste, a wrapped cell going on after one leading tab): …推迟至次年一 /
    # 季度；已督促施工单位倒排工期，2022年4月底前 / 完成剩余800亩并组织验收。 had run into the name
    rows = {i.name: i for i in parse_file(_doc("ys01")).tables[0].indicators}
    row = rows["新增高效节水灌溉面积"]
    assert row.explanation.endswith("2022年4月底前完成剩余800亩并组织验收。")
    assert "季度；已督促" in row.explanation


def test_a_notes_points_for_each_categorys_rows_are_that_categorys() -> None:
    # yv05 (20/80, no 分值 column): 注：产出指标各三级指标分值均为8分，效益指标各三级指标分值均为
    # 7.5分，满意度指标分值为10分: 8 had been taken for every row (a false S101 on the 10-point
    # satisfaction row, false E101 on 效益 rows scored their full 7.5)
    findings = review(_doc("yv05")).findings
    assert not [f for f in findings if f.code == "S101"]
    assert not [f for f in findings if f.code == "E101"]
    # dd03: 产出指标、效益指标各三级指标分值均为10分: both categories' rows are worth 10
    found = review(_doc("dd03")).findings
    assert [f for f in found if f.code == "S102" and f.indicator == "新修灌排渠道长度"]
