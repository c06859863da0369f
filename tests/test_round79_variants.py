"""What round 79 of the written tables (qp–qs) showed, asserted on the written documents whose
layout is the point (OCR in runs of spaces, its columns drifting) and on the smallest cases.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.forms.families import DEFAULT
from reviewer.parse.labels import is_stamp
from reviewer.parse.plausibility import _labels_run_together
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_round79_a_header_cell_of_labels_run_together() -> None:
    # qr04 read by position: 实际完成值分值得分偏差原因分忻 one header cell, the rows' cells
    # one column on, nothing said; a label with its note is one label
    assert _labels_run_together("实际完成值分值得分偏差原因分忻", DEFAULT)
    assert not _labels_run_together("实际完成值(B)", DEFAULT)
    assert not _labels_run_together("偏差原因分析及改进措施", DEFAULT)
    assert not _labels_run_together("年度指标值", DEFAULT)


def test_round79_a_scans_drifting_columns_are_read_a_line_at_a_time() -> None:
    # qr02, qr04: read by position, names took the next line's category label
    # (履约服务人次质量指标) or cells of two rows: read a line at a time, whole
    for stem, names in (
        ("qr02", ("履约服务人次", "签约服务费拨付及时率", "人均签约服务财政补助")),
        ("qr04", ("抽检不合格食品核查处置率", "市场主体数量增长率", "群众满意度")),
    ):
        (t,) = parse_file(_doc(stem)).tables
        assert t.reliable, stem
        assert set(names) <= {i.name for i in t.indicators}, stem


def test_round79_a_name_holding_a_clause_is_doubted() -> None:
    # qr01: 项目完工时间主体工程3月完工，已督促施工单位… (an actual wrapped into the explanation's
    # words, read into the name): said misread, not judged
    result = review(_doc("qr01"))
    assert any(f.code == "P108" for f in result.findings)
    assert not {"E102", "E103"} & {f.code for f in result.findings}


def test_round79_the_seals_place_under_the_rows() -> None:
    # qr03: （盖章） under a transfer form's last row (no 总分 after it): read into its name
    for mark in ("（盖章）", "(盖章)", "（ 公章 ）"):
        assert is_stamp(mark), mark
    assert not is_stamp("盖章")  # a word in a sentence or a field's label is left as it is
    (t,) = parse_file(_doc("qr03")).tables
    assert t.indicators[-1].name == "受益群众满意度"
