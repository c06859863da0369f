"""What round 194 of the written tables (cgh, cgi, cgj, cgk) showed: a system export's header
over rows (是否完成 | 完成比例 under 完成情况, 栏次 | 1 | 2 | …), provinces' words for the
target (全年目标, 绩效指标值), a note denying any deviation beside a missed row, and a region's
places listed in other ways (分乡镇（街道）：, 其中：青州市 under the total, a list with its own
columns, some places only).
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def _places(stem: str) -> dict[str, tuple[float | None, float | None, float | None, str]]:
    funds = parse_file(_doc(stem)).tables[0].funds
    return {
        k: (r.full_year_budget, r.executed, r.rate_pct, r.kind)
        for k, r in funds.extra.items()
        if r.kind in ("by_region", "region_part")
    }


def test_round194_a_verdict_and_a_ratio_under_a_headers_group_label() -> None:
    # cgi03 (.csv): 序号 | 绩效指标 | | | 年度指标值 | 实际完成值 | 完成情况 | | 分值 | … over
    # | 一级指标 | 二级指标 | 三级指标 | | | 是否完成 | 完成比例 |, then 栏次 | 1 | 2 | …
    t = parse_file(_doc("cgi03")).tables[0]
    assert [i.name for i in t.indicators][:2] == ["送戏下乡演出场次", "公益培训期数"]
    assert (t.indicators[0].target, t.indicators[0].actual) == ("≥90场", "94场")
    assert not {"S101", "T101", "W101"} & _codes("cgi03")  # (the 栏次 row no indicator)
    # cgi01: 是否完成 是 beside 542 of ≥600台（套）: said (S112)
    assert "S112" in _codes("cgi01", "补贴机具数量")


def test_round194_a_funds_rows_note_column_is_read() -> None:
    # cgi05: 备注 | 追加136.40万元用于冬季防冻抢修 beside the total: the budget's change said
    assert "P101" not in _codes("cgi05")
    assert "F104" not in _codes("cgi05")


def test_round194_provinces_words_for_the_target() -> None:
    # cgh02: 绩效指标值 | 完成情况 (Anhui); cgh03: 全年目标 | 实际值 (Shandong)
    assert parse_file(_doc("cgh02")).tables[0].indicators[0].target == "≥15000人次"
    assert parse_file(_doc("cgh03")).tables[0].indicators[0].target == "≥90%"


def test_round194_a_note_denying_any_deviation_beside_a_missed_row() -> None:
    # cgj04: 2835 of ≥3000人, its note 已按计划全部完成，无偏差。: a claim against the row, no cause
    hits = {f.code for f in review(_doc("cgj04")).findings if f.indicator == "护理补贴发放人数"}
    assert "E103" in hits
    assert "E102" not in hits


def test_round194_places_listed_under_their_own_label_in_pipes() -> None:
    # cgk01: | 分乡镇（街道）： | then | 沂城街道 | 1250.00 | 1236.80 | 98.94% | …, the rows not
    # run into 地方资金's above; the towns' spending 5092.35 against the total's 5102.35
    places = _places("cgk01")
    assert places["沂城街道"] == (1250.0, 1236.8, 98.94, "by_region")
    [hit] = [f for f in review(_doc("cgk01")).findings if f.code == "F101"]
    assert "5,092.35" in hit.message
    # cgk04: | 　　　省市县资金 | 620.00 | … a source no form lists, a row of its own
    assert "P101" not in _codes("cgk04")


def test_round194_places_under_the_total_and_a_list_with_its_own_columns() -> None:
    # cgk05 (.xlsx): 年度资金（万元） | | 年初预算数 | …, then 其中：青州市 | … under the total
    assert len(_places("cgk05")) == 5
    assert "F101" not in _codes("cgk05")  # (they add up)
    # cgk02: 分县（市、区）资金情况 | 县（市、区） | 全年预算数 | 全年执行数 | 执行率 | 情况说明
    places = _places("cgk02")
    assert places["会昌县"][:3] == (1400.0, 1313.0, 97.93)
    hits = [f.message for f in review(_doc("cgk02")).findings if f.code == "B101"]
    assert any("会昌县" in m and "93.79%" in m for m in hits)


def test_round194_some_places_only_are_never_added_up() -> None:
    # cgk03: 按地区分（3个重点帮扶乡镇，非全部）： run into the row above by position, then
    # 其中：大桥乡 | … : read, not set against the total
    places = _places("cgk03")
    assert {kind for *_, kind in places.values()} == {"region_part"}
    assert "F101" not in _codes("cgk03")
