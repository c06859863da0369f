"""What round 147 of the written tables (bk, bl, bn, bo) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def _codes(stem: str) -> list[str]:
    return [f.code for f in review(_doc(stem)).findings]


def test_a_bare_page_number_above_the_running_head_again_is_the_pages() -> None:
    # bk02 (pdftotext -layout): a row's name broken by the page's break (65岁及以上老年 / …
    # 人健康管理人数), the page's number (1) above the break and the document's first line
    # (沂南县卫生健康局  2023年4月6日) at the next page's top: the date had been read into the name
    (table,) = parse_file(_doc("bk02")).tables
    names = [i.name for i in table.indicators]
    assert "65岁及以上老年人健康管理人数" in names
    assert not any("2023年4月6日" in n for n in names)


def test_a_weight_column_called_zhibiao_quanzhong_is_the_rows_weights() -> None:
    # bl03 (.xlsx, Qinghai): 指标权重 | 自评得分 over the rows and the funds; the weights had
    # been left unread and the row scoring 6 of 5 not found
    (table,) = parse_file(_doc("bl03")).tables
    assert [i.weight for i in table.indicators][:3] == [15, 10, 10]
    assert table.funds.annual_total.weight == 10
    assert "S101" in _codes("bl03")


def test_a_grade_on_a_line_of_its_own_under_the_total_is_read() -> None:
    # bl01 (tabs): 自评等级：良 alone under 总分 98.74: the grade of 优's band printed as 良
    (table,) = parse_file(_doc("bl01")).tables
    assert table.grade == "良"
    assert "T103" in _codes("bl01")
    # bl05: 自评等级：优 under a total of the band, no finding
    assert "T103" not in _codes("bl05")


def test_a_target_column_with_its_other_name_bracketed_is_the_target() -> None:
    # bn01 (tabs), bn06 (pipes): 指标值（全年指标值） over the targets, read as no column before
    for stem in ("bn01", "bn06"):
        (table,) = parse_file(_doc(stem)).tables
        assert table.indicators and all(i.target for i in table.indicators), stem
    (table,) = parse_file(_doc("bn01")).tables
    assert table.indicators[0].target == "≥115万亩"


def test_an_unscored_forms_great_overachievement_needs_a_reason() -> None:
    # bn06 (a transfer form without 分值): 126场 against ≥60场, no reason; bl06 (20/80, no 分值
    # per row): 2.4万人 against ≥1.5万人 — S107 had looked only at rows with their points
    for stem, name in (("bn06", "送戏下乡场次"), ("bl06", "巩固提升受益人口")):
        s107 = [f for f in review(_doc(stem)).findings if f.code == "S107"]
        assert [f.indicator for f in s107] == [name], stem
