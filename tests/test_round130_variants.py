"""What round 130 of the written tables (yk, yl, ym, yn) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_source_row_short_of_amounts_is_read_where_the_sums_close() -> None:
    # yk01 (OCR in runs of spaces): 上年结转资金  150.00  136.00  —  —  —, its 年初预算数 left
    # blank and dropped: read from the first column it had made a false F101 in every column
    funds = parse_file(_doc("yk01")).tables[0].funds
    assert funds is not None
    carried = funds.prior_year_carryover
    assert (carried.initial_budget, carried.full_year_budget, carried.executed) == (
        None,
        150.0,
        136.0,
    )
    for stem in ("yk01", "yk02"):
        assert "F101" not in {f.code for f in review(_doc(stem)).findings}, stem


def test_a_sources_sum_that_does_not_close_either_way_is_still_reported() -> None:
    # yk03: 中央补助 1150.35 + 地方资金 582.00 against 1742.35 executed: no placing closes it
    assert "F101" in {f.code for f in review(_doc("yk03")).findings}


def test_a_hebei_funds_label_with_its_note_on_the_next_line_is_one_label() -> None:
    # yl06 (a viewer's copy): 预算安排情况 / （调整后） / 资金到位情况 …: the note had opened a row
    # of its own, the columns read one off (false B101, B103, F101, F102)
    table = parse_file(_doc("yl06")).tables[0]
    assert table.funds is not None
    total = table.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct) == (120.0, 96.3, 80.25)
    codes = {f.code for f in review(_doc("yl06")).findings}
    assert not codes & {"B101", "B103", "F101", "F102"}
    # a header key's value wrapped onto the next line (项目名称 / 义务教育阶段家庭经济 / 困难…)
    assert table.project == "义务教育阶段家庭经济困难寄宿生生活补助"


def test_a_rate_under_its_column_noted_in_percent_on_the_next_line_is_no_remark() -> None:
    # pn03: 预算执行进度 / （%） over 100.00: the rate printed as its column says
    assert "B101" not in {f.code for f in review(_doc("pn03")).findings}


def test_a_continued_tables_caption_is_no_part_of_a_name() -> None:
    # ym02, ym05 (whole reports): （续表）基本公共卫生服务项目 over a page's rows had been read into
    # the name of the last row above the break
    for stem, name in (("ym02", "孕产妇系统管理率"), ("ym05", "低保金发放")):
        names = [i.name for t in parse_file(_doc(stem)).tables for i in t.indicators]
        assert name in names, stem
        assert not any("续表" in n for n in names), stem
