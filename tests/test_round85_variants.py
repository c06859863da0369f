"""What round 85 of the written tables (rn–rq) and the frontier left by round 84 (rj01, rl06)
showed, asserted on the written documents whose layout is the point and on the smallest cases.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.claims.match import _other_measure
from reviewer.ingest.fixed import _part_heading, _pieces, _seal
from reviewer.parse.values import parse_amount
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_round85_a_reading_that_finds_rows_is_kept_over_one_that_finds_none() -> None:
    # rl06: a Hebei scan read by position found its table but no indicator row, and said only
    # that 21 cells were unparsed; read a line at a time it finds the rows, doubted: the memo
    # now says the table was misread instead of reviewing a table with no indicators
    result = review(_doc("rl06"))
    (t,) = result.report.tables
    assert t.indicators
    assert any(f.code == "P108" for f in result.findings)


def test_round85_a_numbered_part_of_the_form_opens_a_block_of_its_own() -> None:
    # rj01 (pdftotext -layout, no blank line between parts): 二、预算执行情况（万元） and the
    # funds header under it were read into the 实施(主管)单位 row above, the funds lost (P103)
    assert _part_heading(_pieces(1, "二、预算执行情况（万元）"))
    assert _part_heading(_pieces(1, "四、年度绩效指标完成情况"))
    assert not _part_heading(_pieces(1, "一、为全县270个农家书屋补充更新出版物"))  # a goal's item
    assert not _part_heading(_pieces(1, "二、预算执行情况      预算数"))  # more than the title
    (t,) = parse_file(_doc("rj01")).tables
    assert t.funds.annual_total.full_year_budget == 88.32
    assert t.funds.annual_total.executed == 88.32


def test_round85_a_figure_is_no_piece_of_a_seal() -> None:
    # rj01: each row's 单项指标得分 100 was taken for a piece of the seal because the unit's
    # name printed its code (131001-涞水县教育局), 100 inside it
    units = ["131001-涞水县教育局"]
    assert not _seal("100", units)
    assert _seal("涞水县教", units)
    (t,) = parse_file(_doc("rj01")).tables
    assert all(i.score is not None for i in t.indicators)


def test_round85_a_label_stacked_in_a_narrow_cell_is_one_label() -> None:
    # ro06 (OCR a cell a line, a Sichuan form): 调整后 / 预算数 (预算数 a label too) and 年度 /
    # 总体 / 目标 were left apart: the funds columns one off (a false B101 on every row) and
    # the goal block unread (a false P103)
    result = review(_doc("ro06"))
    (t,) = result.report.tables
    total = t.funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed) == (56.0, 56.0, 55.2)
    assert total.rate_pct == 98.57
    assert t.goal_expected.startswith("为全县546个农家书屋")
    assert t.goal_actual.startswith("为546个农家书屋")
    assert not {"B101", "P103", "P109"} & {f.code for f in result.findings}


def test_round85_an_explanations_lines_in_a_stream_of_cells_stay_its_own() -> None:
    # ro05, ro06: a cell a line, an explanation over four lines after the row's score was read
    # as a row of its own (a false E101 on the row it explains)
    for stem, name in (("ro05", "新增市场主体"), ("ro06", "农家书屋年借阅人次")):
        (t,) = parse_file(_doc(stem)).tables
        row = next(i for i in t.indicators if i.name == name)
        assert "下一步" in row.explanation, stem
        assert name not in {f.indicator for f in review(_doc(stem)).findings if f.code == "E101"}


def test_round85_a_thousands_comma_read_as_a_point() -> None:
    # ro05: 基本支出 2.105.80 (2,105.80 as scanned) was no amount, its row's amounts shifted
    # one column and the breakdown said not to add up (a false F101)
    assert parse_amount("2.105.80") == 2105.80
    assert parse_amount("1.234.567.80") == 1234567.80
    assert parse_amount("2.10.80") is None  # not groups of three: no thousands
    assert parse_amount("12.5") == 12.5
    result = review(_doc("ro05"))
    assert "F101" not in {f.code for f in result.findings}


def test_round85_a_transfer_forms_source_rows_marked_with_their_level() -> None:
    # rn03: 区域：自治区资金 and 市县：县级配套资金 under 其中：中央补助 were left unparsed
    (t,) = parse_file(_doc("rn03")).tables
    sources = {label: row for label, row in t.funds.extra.items() if row.kind}
    assert sources["区域：自治区资金"].full_year_budget == 315.30
    assert sources["市县：县级配套资金"].executed == 162.46


def test_round85_a_claim_measuring_what_the_name_measures_too() -> None:
    # rn03: 65岁及以上老年人健康管理率达到70.6% against 65岁及以上老年人城乡社区规范健康管理
    # 服务率: the name measures 管理 too; the claim had gone to 0-6岁儿童健康管理率 instead
    assert not _other_measure(
        "65岁及以上老年人健康管理率达到", "65岁及以上老年人城乡社区规范健康管理服务率"
    )
    assert _other_measure("签约居民满意度达到", "签约居民续约率")
    result = review(_doc("rn03"))
    n102 = [f for f in result.findings if f.code == "N102"]
    assert n102
    assert all(f.indicator.startswith("65岁及以上老年人") for f in n102)


def test_round85_a_measure_taken_since_and_its_owner() -> None:
    # rq05: …到馆人次减少；已于9月开通线上借阅和流动图书车服务，由县图书馆负责: a cause with a
    # dated measure and its owner, not "only a cause" (a false E102)
    result = review(_doc("rq05"))
    assert "E102" not in {f.code for f in result.findings}
