"""What round 148 of the written tables (bp, bq, br, bs) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def _codes(stem: str) -> list[str]:
    return [f.code for f in review(_doc(stem)).findings]


def test_header_labels_with_notes_bracketed_after_them() -> None:
    # bp05 (pdftotext -layout, a header over three lines): 分数（分） | 自评分（分）, the
    # pieces (分) (分) read together into the second: weights and scores had gone unread
    (table,) = parse_file(_doc("bp05")).tables
    assert all(i.weight == 10 and i.score is not None for i in table.indicators[:3])


def test_a_departments_budget_in_one_column_with_its_parts_scored() -> None:
    # br05 (pdftotext -layout): 项目 | 预算数 | 执行数 | 执行率 | 分值 | 得分, 合计 / 基本支出 /
    # 项目支出: the budget column had been left unread; 基本支出 scored 4 of its 4 at 92.88%
    (table,) = parse_file(_doc("br05")).tables
    assert table.funds.annual_total.full_year_budget == 7210.94
    b103 = [f for f in review(_doc("br05")).findings if f.code == "B103"]
    assert len(b103) == 1 and "基本支出" in b103[0].message
    # br01 (tabs): 部门预算总额 is the total; 项目支出's rate printed 92.48% for 90.48%
    (table,) = parse_file(_doc("br01")).tables
    assert table.funds.annual_total.executed == 4581.83
    assert "B101" in _codes("br01")
    # br04 (.docx): 年度预算总额 is the total too (the funds had been said misread)
    assert "P108" not in _codes("br04")


def test_a_total_scored_as_its_parts_scores_added_up_is_no_finding() -> None:
    # br01, br02, br05: 合计得分为基本支出与项目支出得分之和 (9.49 = 4.97 + 4.52), not 10 × the
    # total's rate (9.28): B103 had called every such total wrong
    for stem in ("br01", "br02", "br05"):
        b103 = [f for f in review(_doc(stem)).findings if f.code == "B103"]
        assert not any(f.message.startswith("预算执行得分") for f in b103), stem


def test_key_work_blocks_tasks_are_read() -> None:
    # br03 (.xlsx): 三、重点工作完成情况 | 重点工作 | 主要内容 | 预算数 | 执行数: the tasks had
    # been left unread, 市场监管执法办案's 212.40 against 185.00 not found
    (table,) = parse_file(_doc("br03")).tables
    assert [t.name for t in table.tasks][:2] == ["食品安全抽检", "特种设备安全监管"]
    assert "F105" in _codes("br03")


def test_indicators_without_points_beside_a_scored_budget() -> None:
    # br06 (a web page copied): the indicators print no 分值 or 得分, the funds do: no total
    # to miss (a warning had said the total row was missing)
    p102 = [f for f in review(_doc("br06")).findings if f.code == "P102"]
    assert [f.severity.value for f in p102] == ["info"]
    assert "只为预算执行打分" in p102[0].message


def test_a_doubt_names_a_funds_row_by_its_label() -> None:
    # bs01 (OCR): an amount read under 当年财政拨款's 分值 was named by a field of the code
    messages = [f.message for f in review(_doc("bs01")).findings if f.code == "P108"]
    assert any("其中：当年财政拨款" in m for m in messages)
    assert not any("current_year" in m for m in messages)


def test_a_department_goal_printed_as_one_field_asks_for_no_actual() -> None:
    # wg01 (a whole report, pdftotext -layout): its 部门整体 table prints 年度总体目标 | its text
    # and no 实际完成情况; read since its 年度预算总额 is, it was said to lack one (P103)
    findings = review(_doc("wg01")).findings
    tables = parse_file(_doc("wg01")).tables
    department = next(k for k, t in enumerate(tables) if t.family == "dept-wide")
    assert tables[department].funds.annual_total.full_year_budget == 12108.47
    assert not [f for f in findings if f.code == "P103" and f.table_index == department]
