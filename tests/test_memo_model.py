"""The memo model carries its words: headings, sentences and labels are decided once, in the model."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.checks import active_rules, run_checks
from reviewer.config import Config
from reviewer.memo.build import build_memo
from reviewer.memo.markdown import render_markdown
from reviewer.memo.words import leftover_lines
from reviewer.model import Category, EvaluationTable, Finding, Report, Severity
from reviewer.pipeline import Review, review
from tests.builders import make_table, write_tables
from tests.conftest import SEED


@pytest.fixture(scope="module")
def result() -> Review:
    return review(SEED, config=Config())


def test_a_table_carries_its_heading_scores_and_summary(result: Review) -> None:
    t = next(t for t in result.memo.tables if t.project == "课题与规划")
    assert t.heading == f"{t.table_index + 1}. 课题与规划"
    assert (t.claimed_text, t.recomputed_text) == ("82.99（良）", "78.99（中）")
    assert (t.score_gap, t.score_gap_text) == (4.0, "+4")
    assert t.summary.startswith("自评总分 82.99（良），按规则复算 78.99（中）；执行率 ")
    assert t.summary.endswith(f"（第{t.first_line}–{t.last_line}行）。")
    assert t.llm_note == "" and t.assessment_line == ""  # offline: no model, nothing to say


def test_findings_are_numbered_and_counted_per_table(result: Review) -> None:
    for t in result.memo.tables:
        assert [f.number for f in t.findings] == list(range(1, len(t.findings) + 1))
        for s in Severity:
            assert t.counts.of(s) == sum(1 for f in t.findings if f.severity is s)


def test_a_finding_carries_its_label_and_figures(result: Review) -> None:
    findings = [f for t in result.memo.tables for f in t.findings]
    topics = next(f for f in findings if f.code == "S104" and f.indicator == "课题")
    assert (topics.label, topics.found_text, topics.expected_text) == ("课题", "10", "6")
    assert topics.origin == ""
    low = next(f for f in findings if f.code == "B104" and f.project == "业务培训")
    assert low.indicator is None and low.label == "执行率偏低未说明原因"  # its rule's title
    unstated = next(f for f in findings if f.found is None and f.expected is None)
    assert (unstated.found_text, unstated.expected_text) == ("", "")


def test_overview_sentences(result: Review) -> None:
    o = result.memo.overview
    n = Counter(f.severity for f in result.findings)
    assert n[Severity.ERROR] == 8  # the seed's errors, as its expert labels have them
    with_errors = {
        f.table_index
        for f in result.findings
        if f.severity is Severity.ERROR and f.table_index is not None
    }
    assert o.sentences == [
        "共复核自评表 14 张，全年预算数合计 21,824,065.64 元，全年执行数合计 21,371,357.91 元，"
        "总体执行率 97.93%。",
        "自评总分平均 95.56 分，按规则复算平均 95.15 分。",
        f"共发现错误 {n[Severity.ERROR]} 项、需核实 {n[Severity.WARNING]} 项、"
        f"提示 {n[Severity.INFO]} 项；{len(with_errors)} 张表存在错误。",
    ]


def test_main_issues_carry_their_headings_and_tables(result: Review) -> None:
    groups = result.memo.main_issues
    assert groups[0].heading == "（一）偏差原因说明不充分（11 项，最高为错误）"
    assert groups[0].projects_line.startswith("涉及项目：司法行政宣传、公共法律服务、")
    ordinals = "一二三四五六七八九十"
    assert [g.heading[1] for g in groups] == list(ordinals[: len(groups)])
    for g in groups:
        listed = {it.table_index: it.labels for it in g.tables}
        for t in result.memo.tables:
            own = [f for f in t.findings if f.code in g.codes and f.severity is not Severity.INFO]
            assert set(listed.get(t.table_index, [])) == {f.label for f in own}


def test_notes_list_report_findings_by_number() -> None:
    table = make_table()
    report = Report(source="r.txt", tables=[table])
    finding = Finding(
        code="X1",
        category=Category.CONSISTENCY,
        severity=Severity.WARNING,
        project="甲项目",
        message="两张表的项目名称相同。",
    )
    memo = build_memo(report, [finding], Config(), rules=[])
    (shown,) = memo.report_findings
    assert shown.number == 1
    items = [i for i in memo.notes.items if i.severity is not None]
    assert [(i.text, i.severity, i.finding) for i in items] == [
        ("两张表的项目名称相同。", Severity.WARNING, 1)
    ]
    assert memo.byline.startswith("来源文件：r.txt　复核工具：reviewer ")
    assert "2. 【需核实】两张表的项目名称相同。" in render_markdown(memo)


def test_the_rounding_convention_is_one_note_not_a_listed_finding(result: Review) -> None:
    notes = result.memo.notes
    (b102,) = [f for f in result.memo.report_findings if f.code == "B102"]
    assert notes.items[0].text == notes.rounding and "向上取整" in notes.rounding
    assert all(item.finding != b102.number for item in notes.items)


def test_leftover_lines_show_fifty_then_the_count() -> None:
    pairs = [(f"第{n}行", f"内容{n}") for n in range(1, 53)]
    lines = leftover_lines(pairs)
    assert lines[0] == "第1行：内容1" and lines[49] == "第50行：内容50"
    assert lines[50:] == ["……共 52 处"]


def test_the_severity_label_is_bold_whatever_the_message_begins_with(result: Review) -> None:
    """CommonMark does not close ``**`` between a punctuation mark and a letter (``**【错误】**实``);
    the label is bold whether the message opens with a CJK letter or with 「."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(render_markdown(result.memo))
    items = [line for line in html.splitlines() if line.startswith("<li>【")]
    assert any("】「" in i for i in items) and any("】实际完成情况" in i for i in items)
    assert all(i.startswith("<li>【<strong>") for i in items), items[:3]


@pytest.mark.parametrize("cut", [False, True], ids=["whole", "cut-off"])
def test_the_totals_the_rules_computed_are_the_ones_the_memo_computes(
    tmp_path: Path, cut: bool
) -> None:
    text = SEED.read_text(encoding="utf-8")
    if cut:  # a last table that ends inside a row: its rows printed in part are not judged
        last = write_tables(tmp_path / "last.txt", make_table()).read_text(encoding="utf-8")
        text += "\n\n" + last[: last.index("参训人员满意度") + len("参训人员满意度")]
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_file(path)
    config = Config()
    rules = active_rules(config)
    totals: dict[int, float] = {}
    findings = run_checks(report, config, rules, totals)
    whole = [i for i, t in enumerate(report.tables) if not any(r.partial for r in t.indicators)]
    assert sorted(totals) == whole  # the rules computed each table's they judged whole
    shared = build_memo(report, findings, config, rules, None, totals)
    alone = build_memo(report, findings, config, rules)  # each total computed by the memo
    assert shared == alone
    assert [t.recomputed_total for t in shared.tables].count(None) == int(cut)


def _overview_of(*tables: EvaluationTable) -> list[str]:
    config = Config()
    report = Report(source="r.txt", tables=list(tables))
    return build_memo(report, [], config, active_rules(config)).overview.sentences


def test_a_budget_not_read_is_not_summed_as_zero() -> None:
    unread = make_table(budget=(None, None, None), rate_pct=None, exec_score=None)
    (first, *_) = _overview_of(unread)
    assert first == "共复核自评表 1 张，各表的全年预算数均未能读出，未合计预算数和执行数。"


def test_the_sum_says_which_tables_it_leaves_out() -> None:
    unread = make_table(budget=(None, None, None), rate_pct=None, exec_score=None)
    (first, *_) = _overview_of(make_table(), unread)
    assert first == (
        "共复核自评表 2 张，全年预算数合计 100,000.00 元，全年执行数合计 95,000.00 元，"
        "总体执行率 95.00%（1 张表的全年预算数未能读出，未计入）。"
    )


def test_amounts_in_different_units_are_not_added() -> None:
    (first, *_) = _overview_of(make_table(), make_table(amount_unit="万元"))
    assert first == "共复核自评表 2 张，各表金额单位不一（万元、元），未合计预算数和执行数。"
