"""What round 88 of the written tables (rz–sc) showed, asserted on the written documents whose
layout is the point and on the smallest cases.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.grid import Cell, Row
from reviewer.parse.columns import close_wrapped_brackets
from reviewer.parse.labels import is_ellipsis
from reviewer.pipeline import review
from reviewer.textnorm import PAGE_NUMBER
from tests.test_round73_variants import _doc


def test_round88_the_subject_printed_again_over_the_next_page_is_the_same_table() -> None:
    # sa02 (a PDF whose indicators start on page 2 under 项目名称 | its name again): read as a
    # second table with no funds and no goal, the first with no indicators (false P103 twice,
    # T101, T104)
    result = review(_doc("sa02"))
    (t,) = result.report.tables
    assert len(t.indicators) == 8
    assert not {"P103", "T101", "T104"} & {f.code for f in result.findings}


def test_round88_a_full_stop_alone_is_no_ellipsis() -> None:
    # sa02, rh01: an explanation's 。 wrapped onto a line of its own was taken for the template's
    # "more rows here" (a false P106 on sa02)
    assert not is_ellipsis("。")
    assert not is_ellipsis(".")
    assert is_ellipsis("……") and is_ellipsis("…") and is_ellipsis("...")
    (t,) = parse_file(_doc("sa02")).tables
    assert t.indicators[0].explanation.endswith("培训需求。")
    assert "P106" not in {f.code for f in review(_doc("sa02")).findings}


def test_round88_a_transfer_forms_sources_by_level() -> None:
    # sa03: 其中：中央财政 | 省级财政 | 市县财政 | 其他 under 年度资金总额 were unread, the sources'
    # sum not checked against the total (2,050.00 against 2,000.00)
    result = review(_doc("sa03"))
    f101 = [f for f in result.findings if f.code == "F101"]
    assert f101 and "2,000" in f101[0].message


def test_round88_a_bracket_a_narrow_header_cell_wrapped() -> None:
    # sa06 (a Hebei PDF): 权重占比（% | ）单项指标折算得分, the header's columns lost and no row read
    row = Row(line=1, cells=[Cell("权重占比（%", 1, 1), Cell("）单项指标折算得分", 1, 2)])
    close_wrapped_brackets(row)
    assert [c.text for c in row.cells] == ["权重占比（%）", "单项指标折算得分"]
    (t,) = parse_file(_doc("sa06")).tables
    assert len(t.indicators) == 8
    assert t.reliable


def test_round88_seals_and_a_scanners_marks_over_the_rows() -> None:
    # sc01–sc04 (OCR in runs of spaces): the head's unit stamped over a row's cells (受益农户满意度
    # 东安县农业农村局 ≥90% …) read into its name; sc05: 临桂区民政局 扫描, a scanner's page head;
    # sc02: （续上表） at the next page's top
    assert PAGE_NUMBER.match("（续上表）") and PAGE_NUMBER.match("(续表)")
    for stem, name in (
        ("sc01", "受益农户满意度"),
        ("sc02", "资金拨付及时率"),
        ("sc03", "学生体质健康测试合格率"),
        ("sc05", "困难群众基本生活保障水平"),
    ):
        (t,) = parse_file(_doc(stem)).tables
        assert name in {i.name for i in t.indicators}, stem


def test_round88_the_open_categorys_measure_word_ends_a_name() -> None:
    # sc06: 群众对文化旅游公共服务 / 满意度 under 服务对象满意度指标: the line is the name's rest,
    # not a category label
    (t,) = parse_file(_doc("sc06")).tables
    assert "群众对文化旅游公共服务满意度" in {i.name for i in t.indicators}
