"""What round 157 of the written tables (caq, car, cas, cat) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.grid import Cell, Row
from reviewer.parse.beside import funds_beside
from tests.test_round73_variants import _codes, _doc


def test_a_funds_block_beside_the_key_fields_and_the_goal_is_read() -> None:
    # caq03 (pipes): 项目名称 | … | 预算执行情况(万元)(20分) | 预算数(A) | … on one row, the goal's
    # header beside the funds' last row: the funds had been unread on all six (P103 and T101
    # errors on each), and the goal too where its header shared a row with them (P109)
    (table,) = parse_file(_doc("caq03")).tables
    assert table.funds.annual_total.full_year_budget == 356.0
    assert table.goal_expected.startswith("完成全县1260公里农村公路日常养护")
    assert table.project == "2023年施甸县农村公路养护项目"
    for stem in ("caq01", "caq02", "caq03", "caq04", "caq05", "caq06"):
        assert not _codes(stem) & {"P103", "P109", "T101", "W104"}, stem
    # caq01: its planted sources' sum (612.38 + 36.00 against 652.38) found
    assert "F101" in _codes("caq01")
    # cap03 of round 156 (the goal block left of the funds block): no false P103
    assert "P103" not in _codes("cap03")


def test_a_definition_naming_the_projects_funds_is_no_funds_block() -> None:
    # a Hebei 预算执行率 row's definition (项目资金实际支出占预算数的比例) beside its values: the
    # row stays whole (no funds block's column labels follow it)
    row = Row(
        [
            Cell("预算执行率", 25, 1),
            Cell("预算执行率", 25, 2),
            Cell("项目资金实际支出占预算数的比例", 25, 4),
            Cell("≥", 25, 5),
            Cell("95", 25, 6),
            Cell("96.80%", 25, 8),
        ],
        25,
    )
    assert list(funds_beside([row])) == [row]


def test_an_adjusted_target_left_empty_leaves_the_years_own() -> None:
    # car06: 年初目标值 | 调整后目标值 | 实际完成值, the second empty where nothing was adjusted:
    # the first stands (seven rows had had no target, the table doubted)
    (table,) = parse_file(_doc("car06")).tables
    targets = {i.name: i.target for i in table.indicators}
    assert targets["特种设备定期检验率"] == "=100%"
    assert targets["食品安全抽检批次"] == "≥1700批次"  # the adjusted one, where printed
    assert "P108" not in _codes("car06")
    # car01: a full score on a deadline adjusted with approval (报经县政府批准…调整完工时间)
    # contradicts nothing; car03's adjustment only applied for still does (E103)
    assert "E103" not in _codes("car01", "项目完工时间")
    assert "E103" in _codes("car03", "维修项目按期完工率")
