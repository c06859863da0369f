"""What round 125 of the written tables (xq–xt: pdftotext, .docx, narratives, web pages) and
the rows of earlier rounds it went back to showed, asserted on the written documents whose
layout is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_reading_doubted_with_every_cell_placed_gives_way_to_one_without_doubt() -> None:
    # xq02, plain pdftotext a cell a line, blank lines between pages only: read a page to a row,
    # every cell placed into rows glued together (doubted); the same text as a stream reads
    # every row without a doubt, and is kept. Before, a reading that placed every cell was
    # never read again (tn05, ty05, wi06 of earlier rounds, OCR in runs of spaces of Hebei
    # forms, read whole since)
    (t,) = parse_file(_doc("xq02")).tables
    assert len(t.indicators) == 13 and t.reliable
    (t,) = parse_file(_doc("tn05")).tables
    assert t.reliable and len(t.indicators) >= 8
    # a text in tabs (ni06), doubted as read: another reading is kept only where its rows'
    # scores add up to the printed 总分 too (round 168), as ni06's do; ah04's other reading,
    # a name ending in a rate (预算执行率1095.62%), is doubted and not kept
    (t,) = parse_file(_doc("ni06")).tables
    assert t.reliable and len(t.indicators) == 7
    (t,) = parse_file(_doc("ah04")).tables
    assert not t.reliable


def test_another_reading_that_loses_the_tables_subject_is_not_kept() -> None:
    # pb04, OCR in runs of spaces with 项目名称：… in a cell of its own: the stream reading reads
    # the rows but not the project, which would be a false P103; the doubted reading stays
    (t,) = parse_file(_doc("pb04")).tables
    assert t.project == "学前教育幼儿资助资金"
    assert not t.reliable


def test_a_labels_bracket_closed_in_the_row_below_goes_back_to_the_label() -> None:
    # xq04, pdftotext -layout: 得分(20分*执 / 行率) over its column, the rest put before the
    # score (行率)18): the score had been left unread, and with it the B103 its writer labelled
    (t,) = parse_file(_doc("xq04")).tables
    assert (t.funds.annual_total.weight, t.funds.annual_total.score) == (20.0, 18.0)
    codes = {f.code for f in review(_doc("xq04")).findings}
    assert "B103" in codes
    # xn03: 单位(文字 / 描述) over the Hebei form's unit column, its rest before the first unit
    (t,) = parse_file(_doc("xn03")).tables
    assert t.indicators[0].target == "≥2100人"


def test_a_fields_label_wrapped_in_its_column() -> None:
    # xq03: 转移支付（项目） / 名称 with the name beside the first line: a false P103
    (t,) = parse_file(_doc("xq03")).tables
    assert t.project == "城乡义务教育家庭经济困难学生生活补助及普通高中国家助学金"
    assert "P103" not in {f.code for f in review(_doc("xq03")).findings}


def test_a_clause_opening_with_a_step_is_a_measure() -> None:
    # xt05: …调解周期较长；推行在线消费纠纷解决（ODR）企业扩面 — a false E102; qf06, vp06 the same
    codes = {(f.code, f.indicator) for f in review(_doc("xt05")).findings}
    assert ("E102", "消费者满意度") not in codes
