"""What round 153 of the written tables (caa, cab, cac, cad) showed, asserted on the written
documents whose text is the point, and on bk05 of round 147."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.model import Operator
from reviewer.parse.values import parse_value
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_a_rows_rests_atop_a_page_go_back_to_it() -> None:
    # bk05 (a viewer's copy in single spaces): 非遗项目影像 | ≥6项 | 5项 | 7 | 5.83 | …已与 / the
    # page's foot / 记录 | 传承人约定2025年5月补拍…。: the name's and the explanation's rests, which
    # had been read as a row of their own (记录, its actual the sentence)
    (table,) = parse_file(_doc("bk05")).tables
    names = [r.name for r in table.indicators]
    assert "记录" not in names
    row = next(r for r in table.indicators if r.name == "非遗项目影像记录")
    assert (row.target, row.actual, row.weight, row.score) == ("≥6项", "5项", 7.0, 5.83)
    assert row.explanation.endswith("传承人约定2025年5月补拍，并建立记录工作进度月报制度。")


def test_more_than_a_figure_is_in_the_figures_unit() -> None:
    # 8600余户 against ≥8000户 had been 8600 in a unit 余户 (a false S108 on cad01, cad04–cad06)
    assert (parse_value("8600余户").number, parse_value("8600余户").unit) == (8600.0, "户")
    assert parse_value("4.6万余人").unit == "万人"
    assert parse_value("300多人次").unit == "人次"
    assert parse_value("60%左右").unit == "%"
    for stem, name in (("cad01", "受益农户数"), ("cad05", "中小学教师培训人次")):
        assert "S108" not in _codes(stem, name), stem


def test_a_floor_and_a_ceiling_make_a_range() -> None:
    value = parse_value("≥8000株且≤10000株")
    assert (value.operator, value.number, value.upper, value.unit) == (
        Operator.RANGE,
        8000.0,
        10000.0,
        "株",
    )
    value = parse_value("不低于90%，不高于110%")
    assert (value.operator, value.number, value.upper, value.unit) == (
        Operator.RANGE,
        90.0,
        110.0,
        "%",
    )
    assert parse_value("≥90%").operator is Operator.GE
    # caa02: 11200株 above the range's ceiling with full marks and no explanation; the rows had
    # been ≥8000 in a unit 株且≤10000株 (a false S108 on two rows, the miss unseen)
    codes = _codes("caa02", "大豆亩均种植密度")
    assert {"S102", "E101"} <= codes and "S108" not in codes
    assert "S108" not in _codes("caa02", "带状复合种植面积任务完成率")


def test_a_narratives_percentage_of_a_rows_fraction_agrees() -> None:
    # cad01: 工程验收合格率为百分之九十三 against the row's 0.93; cad02: 65% against 0.65 — the
    # same figures (N102 had called them inconsistent); the missed target is still scored
    assert "N102" not in _codes("cad01", "项目工程验收合格率")
    assert "S102" in _codes("cad01", "项目工程验收合格率")
    assert "N102" not in _codes("cad02", "重点人群健康规范管理率")


def test_a_score_columns_formula_states_the_blocks_points() -> None:
    # cac06 (a 20/80 form copied from a web page): 得分(20分*执行率) | 17.88 at 84.38%: the
    # block's 20 points are in its score's label (no B103 had been possible without them)
    (b103,) = [f for f in review(_doc("cac06")).findings if f.code == "B103"]
    assert "17.88" in b103.message and "16.88" in b103.message
    # the unpaid balance (尾款…验收后支付) is the low rate's reason: B104 no longer says none
    assert "B104" not in _codes("cac06")
    # ws06: 得分(20分*执行率) over its column and (20分) under the block's label: both read
    assert "P101" not in _codes("ws06")


def test_a_round_figure_that_is_the_target_in_a_larger_unit_is_the_plan() -> None:
    # cac01: 其中高效节水灌溉0.4万亩 against ≥0.4万亩 | 0.35万亩 (the row scored 4.38 of 5): the
    # narrative states the plan, within 0.4万's rounding but not the result
    (n102,) = [f for f in review(_doc("cac01")).findings if f.code == "N102"]
    assert n102.indicator == "高效节水灌溉面积" and "0.35万亩" in n102.message
    # it06: 受益群众8万人以上 against ≥80000人 | 86500人: a floor the result meets
    assert "N102" not in _codes("it06", "受益群众人数")
