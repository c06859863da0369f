"""What round 193 of the written tables (cgd, cge, cgf, cgg) and the known-left items of round
192 showed: a region's funds by county (其中：按县（市、区）| 正定县 | …) read and added up.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_round193_a_regions_funds_by_county_are_read() -> None:
    # cgc01: 其中:按县(市、区) | 正定县 | 1820.35 | 1820.35 | 100.00% | — | —, then a row per county
    funds = parse_file(_doc("cgc01")).tables[0].funds
    counties = {k: r for k, r in funds.extra.items() if r.kind == "by_region"}
    assert set(counties) == {"正定县", "藁城区", "晋州市", "无极县"}
    assert counties["藁城区"].executed == 2398.62
    # nothing of the block left unparsed (the lists' labels, the counties' rows)
    assert "P101" not in _codes("cgc01")


def test_round193_counties_not_adding_up_to_the_total_are_said() -> None:
    # cgc01: the counties' 全年执行数 add to 7359.14 against the total's 7389.14
    hits = [f for f in review(_doc("cgc01")).findings if f.code == "F101"]
    assert len(hits) == 1 and "7,359.14" in hits[0].message
    # cgc06: their 全年预算数 add to 18720.00 against 18900.00
    assert "F101" in _codes("cgc06")
    # cgc03: a county's own rate below 90 % (龙胜各族自治县) beside a total's above: clean
    assert not {"F101", "B101"} & set(_codes("cgc03"))


def test_round193_a_scans_space_inside_an_amount_is_one_amount() -> None:
    # cge02: 年度资金总额 | ３２０.００ | ３２０.００ | 31 2.64 | 10 | 97.7O% | 9.77
    total = parse_file(_doc("cge02")).tables[0].funds.annual_total
    assert total.executed == 312.64
    assert not {"F101", "F103", "P101"} & _codes("cge02")
    # cge06: its executed 62 2.64 read, the fund rows' labelled sum error said once
    assert parse_file(_doc("cge06")).tables[0].funds.annual_total.executed == 622.64


def test_round193_rates_and_scores_are_rounded_half_up() -> None:
    # cgd01: 7650.00 / 8000.00 = 95.625 % → 95.63 % (a float's rounding printed 95.62 %)
    [hit] = [f for f in review(_doc("cgd01")).findings if f.code == "B101"]
    assert "95.63%" in hit.message
    # cgg05: 10 × 91.25 % = 9.125 → 9.13, and the recomputed total 89.125 → 89.13
    messages = {f.code: f.message for f in review(_doc("cgg05")).findings if f.table_index == 0}
    assert "应为9.13分" in messages["B103"]
    assert "89.13分" in messages["T104"]


def test_round193_a_goals_label_alone_over_its_text_in_a_laid_out_page() -> None:
    # cgf01: 年度总体目标 / 预期目标 / its text over two lines / 实际完成情况 / its text
    t = parse_file(_doc("cgf01")).tables[0]
    assert t.goal_expected.startswith("完成300户农村卫生户厕改造")
    assert t.goal_actual.startswith("全年完成农村卫生户厕改造271户")
    assert not {"P101", "P103"} & _codes("cgf01")


def test_round193_a_tight_header_read_by_position_gives_way_to_a_clean_stream() -> None:
    # cgf06: 指标方向 年度指标值 one space apart over columns that drift; read by position one
    # table is doubted, as a stream both are read whole
    tables = parse_file(_doc("cgf06")).tables
    assert [len(t.indicators) for t in tables] == [7, 7]
    assert not any(t.doubts for t in tables)
