"""What round 150 of the written tables (bx, bz, cu, dp) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_target_in_three_cells_under_zhibiao_fuhao_zhi_danwei() -> None:
    # bx04 (a tab paste), bx03 (a viewer's copy in single spaces): 一级指标 | 二级指标 | 指标 |
    # 符号 | 值 | 单位 | 实际完成值 | …: the names and targets had run together (新建改造集中供水站≥10)
    for stem in ("bx04", "bx03"):
        (table,) = parse_file(_doc(stem)).tables
        first = table.indicators[0]
        assert first.name in ("新建改造集中供水站", "改造薄弱学校数量"), stem
        assert first.target in ("≥10座", "≥12所"), stem


def test_a_rates_band_in_its_written_rule_scores_the_row() -> None:
    # bz02: 签约居民满意度 86.4% scored 5 of 10 by its rule (80%（含）–90%得一半分): no S104
    # saying a proportional 9.6 was due; bz04: 88.5% scored 10, the rule giving 5
    assert "S104" not in {f.code for f in review(_doc("bz02")).findings}
    (s102,) = [f for f in review(_doc("bz04")).findings if f.code == "S102"]
    assert s102.expected == "5" and "按本行评分标准" in s102.message


def test_a_deadline_missed_in_words_is_found() -> None:
    # cu01: 项目竣工验收时间 2023年12月31日前, 延期至2024年3月, full marks and no explanation
    codes = {f.code for f in review(_doc("cu01")).findings if f.indicator == "项目竣工验收时间"}
    assert {"S102", "E101"} <= codes
