"""What round 196 of the written tables (cgp, cgq, cgr, cgs) showed: a scan's 一 for a dash alone
in an explanation, 无偏差 beside a missed row, and a seal's text and a vertical label under the
goals; and what round 192's reports (cgb) left: the prose saying every target was met (T110).
"""

from __future__ import annotations

import io

from reviewer.api import parse_file
from reviewer.memo.stream import MemoSpool
from reviewer.pipeline import review, review_stream
from tests.test_round73_variants import _codes, _doc, _unread


def test_round196_a_scans_one_for_a_dash_says_nothing() -> None:
    # cgr01: 工程验收合格率 95% against ≥98%, its 偏差原因 cell 一 (a dash as the scan read it)
    assert "E101" in _codes("cgr01", "工程验收合格率")
    assert "E102" not in _codes("cgr01", "工程验收合格率")


def test_round196_no_deviation_said_beside_a_missed_row_is_a_claim() -> None:
    # cgs04: 主体工程完工率 83% against 100%, its note 无偏差: held against the row (E103)
    hits = {f.code for f in review(_doc("cgs04")).findings if f.indicator == "主体工程完工率"}
    assert "E103" in hits
    assert "E102" not in hits


def test_round196_a_seal_and_a_vertical_label_are_no_goals_text() -> None:
    # cgr06: 三台县水利局 | （盖章） under the goals, then 绩 / 效 / 指 / 标 down the label column
    t = parse_file(_doc("cgr06")).tables[0]
    assert t.goal_expected.endswith("稳步提升。")
    assert t.goal_actual.endswith("执行率86.40%。")
    assert "（盖章）" in _unread("cgr06")  # the seal reported, not read as text
    assert "N105" not in _codes("cgr06")


def test_round196_a_reports_prose_claiming_every_target_met_beside_a_missed_row() -> None:
    # cgb06: 年初设定的各项绩效指标全部完成 in the report's prose; 救助资金发放及时率 =100% / 95%
    [hit] = [f for f in review(_doc("cgb06")).findings if f.code == "T110"]
    assert hit.indicator == "救助资金发放及时率"
    assert hit.evidence[0].quote == "各项绩效指标全部完成"
    # read one table at a time, the report says the same
    with MemoSpool("json") as spool:
        streamed = review_stream(_doc("cgb06"), spool)
        out = io.StringIO()
        spool.write(streamed.memo, out)
    assert "T110" in out.getvalue()
    # cgb03 (.docx): 各项绩效指标均全面完成 beside 资助对象识别精准率 97% against ≥98%
    assert "T110" in _codes("cgb03")
    # a clean report of the same set says nothing (cgb05: every row met)
    assert "T110" not in _codes("cgb05")
