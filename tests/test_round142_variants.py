"""What round 142 of the written tables (ak, al, am, an) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.model import Severity
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def _codes(stem: str) -> set[str]:
    return {f.code for f in review(_doc(stem)).findings}


def test_a_tasks_rate_column_is_read_and_checked() -> None:
    # ak02 (.docx): 任务名称 | 对应项目 | 预算数 | 执行数 | 执行率, its label on a row of its own
    # above; the block had been left unread (29 cells), the planted rate (95.30% for 93.50%)
    # missed
    report = parse_file(_doc("ak02"))
    (table,) = report.tables
    assert [t.rate_pct for t in table.tasks][:2] == [99.67, 95.30]
    assert not [lo for lo in report.leftovers if lo.text == "年度主要任务"]
    (f107,) = [f for f in review(_doc("ak02")).findings if f.code == "F107"]
    assert "学生资助" in f107.message and "93.50%" in f107.message


def test_a_tasks_block_without_amounts_is_read() -> None:
    # ak06 (OCR in runs of spaces): 年度主要任务 / 任务名称 | 主要内容, four tasks, no amounts
    (table,) = parse_file(_doc("ak06")).tables
    assert [t.name for t in table.tasks] == ["社会救助", "养老服务", "儿童福利", "社会事务"]
    assert all(t.budget is None for t in table.tasks)


def test_a_narrative_amount_of_a_task_is_no_contradiction_of_the_funds() -> None:
    # ak03: 地质灾害防治任务执行286.40万元，超预算26.40万元 — a task's spending and its
    # overspend, not the block's amounts (two false N106 warnings)
    assert "N106" not in _codes("ak03")


def test_funds_by_level_under_the_appropriation_are_set_against_it() -> None:
    # al01: 其中：当年财政拨款 760 / 820 / 812.60, then 其中：中央补助资金 · 省级 · 县级配套 under
    # it: they had been set against 年度资金总额 (three columns wrong); the planted error is
    # the executed column's, against the appropriation
    (f101,) = [f for f in review(_doc("al01")).findings if f.code == "F101"]
    assert "当年财政拨款为812.6" in f101.message
    assert "年初预算数" not in f101.message


def test_unlisted_sources_that_settle_every_column_but_one_leave_that_one_an_error() -> None:
    # al03 (政府性基金预算资金 and a bond's row with its note in brackets): with both, the
    # budget column adds up; the executed column, 20.00 short, is the writer's planted error
    (f101,) = [f for f in review(_doc("al03")).findings if f.code == "F101"]
    assert f101.severity is Severity.ERROR
    assert "执行数(B)" in f101.message and "预算数(A)" not in f101.message


def test_levels_named_bare_under_the_appropriation_are_read() -> None:
    # al05 (.xlsx): 其中：中央 | 800.00 …, 省级 | 400.00 … had been left unread (15 cells);
    # 社会投入资金 and 银行贷款 are parts of 其他资金: no F101
    report = parse_file(_doc("al05"))
    assert not report.leftovers
    assert "F101" not in _codes("al05")


def test_a_label_printed_a_character_a_line_is_one_label() -> None:
    # am02 (a viewer's copy): 产 / 出 / 指 / 标, 满 / 意 / 度 / 指 / 标 had been read as rows named
    # 指, the table said misread
    (table,) = parse_file(_doc("am02")).tables
    assert table.reliable
    assert {i.l1 for i in table.indicators} == {"产出指标", "效益指标", "满意度指标"}


def test_a_rows_last_figure_before_the_pages_foot_is_the_rows() -> None:
    # am06: …2个工作日 / 5 / 监利县民政局2019年度项目绩效自评 / 2: the 5 had been taken for a
    # page's number, the row's score lost (a false T101 error)
    (table,) = parse_file(_doc("am06")).tables
    row = next(i for i in table.indicators if i.name == "急难型救助审批时限")
    assert row.score == 5
    assert "T101" not in _codes("am06")


def test_a_deviation_field_that_says_all_was_done_is_checked() -> None:
    # am06 (20/80): 偏差原因分析 | 各项绩效指标均已全面完成… while 临时救助人次 missed its target
    findings = review(_doc("am06")).findings
    assert any(f.code == "N108" and "偏差原因分析" in f.message for f in findings)


def test_the_goal_labels_are_not_one_column_label() -> None:
    # am06: 年初目标 / 实际完成情况 had been joined into 年初目标实际完成情况 (a column's label),
    # the goal and its result left unread
    report = parse_file(_doc("am06"))
    assert report.tables[0].goal_actual.startswith("全年实施临时救助3512人次")


def test_an_actuals_unit_in_a_column_of_its_own_joins_it() -> None:
    # an06 (.docx): 完成值情况 over 完成值 | 单位, as 指标值情况 over 指标值 | 单位
    (table,) = parse_file(_doc("an06")).tables
    assert table.indicators[0].actual == "13150公里"


def test_a_fraction_against_a_percentage_is_read_as_one() -> None:
    # rg06 (.xlsx): 0.978 against ≥95%, a sheet's cell typed as its value: met (false S102
    # errors on two rows before)
    assert "S102" not in _codes("rg06")


def test_a_goal_block_with_its_points_and_a_score_column_is_read() -> None:
    # lf03 (a viewer's copy of a transfer form): 年度总体目标 / 20 / 预期目标 / 全年实际完成情况 /
    # 得分: the goal had been left unread (a false P103 error) and its 20 points with it
    # (false W101 and T101 errors)
    codes = _codes("lf03")
    assert not {"P103", "W101"} & codes
    assert "F101" in codes  # its writer's planted error
