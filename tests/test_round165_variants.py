"""What round 165 of the written tables (cbu, cbv, cbw, cbx) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_goals_listed_under_their_bare_labels() -> None:
    # cbw02, cbw04 (Markdown from online editors): **预期目标：** then - 1.… / - 2.… — the
    # goals had not been read (false P103 errors)
    for stem in ("cbw02", "cbw04"):
        (table,) = parse_file(_doc(stem)).tables
        assert "1." in table.goal_expected and "1." in table.goal_actual, stem
        assert "P103" not in _codes(stem), stem
    # qz04: the result read, its figure against the row's (labelled)
    assert "N102" in _codes("qz04", "城乡低保保障人数")


def test_an_explanation_saying_nothing_was_late_admits_no_shortfall() -> None:
    # cbu03: 全部按期下达，未发生延误 under full marks; 已完成 beside 尚未到位 under 部分完成
    assert "E103" not in _codes("cbu03")
    # 尚未 admits one (xz01, labelled: 产能尚未充分释放 under full marks)
    assert "E103" in _codes("xz01", "亩均粮食产能提升")


def test_a_date_told_of_a_part_of_the_work() -> None:
    # cbx01: 新建改造渠道45.6公里(余2.4公里2022年3月完工) against 项目完工时间 2021年12月20日
    assert "N102" not in _codes("cbx01")


def test_several_projects_in_one_workbook() -> None:
    # cbx02: a 汇总 sheet and a sheet a project: three tables, the 汇总 none of them (a guard:
    # read so on arrival)
    tables = parse_file(_doc("cbx02")).tables
    assert len(tables) == 3 and all(t.indicators for t in tables)
    assert "W102" in _codes("cbx02")  # its 40/40 split (labelled)


def test_portal_pages_with_awkward_markup() -> None:
    # cbv04 (GBK, header and rows in separate tables): the income rows against the total (a
    # guard: read so on arrival)
    assert "F101" in _codes("cbv04")
    result = review(_doc("cbv02"))  # clean
    assert not [f for f in result.findings if f.severity.value == "error"]
