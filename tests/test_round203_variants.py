"""What round 203 of the written tables (chr, chs, cht, chu) showed: indicator lists with no
category columns, a level's money named for its purpose, and several targets of one row listed in
its cell.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_round203_a_flat_list_of_indicators_is_said_once_not_row_by_row() -> None:
    # chr01, chr06: 序号 | 指标名称 | 指标值 | … with no 一级/二级 column: one note for the table
    # (P104, information), no warning on each of its rows and no 0/0/0 split (W102)
    for stem in ("chr01", "chr06"):
        hits = [f for f in review(_doc(stem)).findings if f.code == "P104"]
        assert len(hits) == 1 and hits[0].indicator is None, stem
        assert hits[0].severity.value == "info"
        assert "W102" not in _codes(stem)
    # chr03: a 指标类型 column (产出 / 效益 / 满意度): its split still judged
    assert "W102" in _codes("chr03")


def test_round203_a_levels_money_named_for_its_purpose_is_that_level() -> None:
    # chs01: 其中：中央财政衔接资金 | 省级财政衔接资金 | 县级衔接资金 under 当年财政拨款: the levels,
    # 40.00 short of it (its labelled F101)
    t = parse_file(_doc("chs01")).tables[0]
    kinds = {label: row.kind for label, row in t.funds.extra.items()}
    assert kinds["省级财政衔接资金"] == "local_funds"
    assert kinds["其中：中央财政衔接资金"] == "central_funds"
    hits = [f for f in review(_doc("chs01")).findings if f.code == "F101"]
    assert hits and "当年财政拨款为1,250" in hits[0].message


def test_round203_a_rows_targets_listed_in_its_cell_are_no_two_rows() -> None:
    # cht01: 工程验收合格率 | ≥95%；一次性验收通过率≥90% | 100%；96%: one row's two targets, not
    # two rows run together (a false P108 left the rows unreviewed)
    for stem in ("cht01", "cht02", "cht06"):
        assert "P108" not in _codes(stem), stem
