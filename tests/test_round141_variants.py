"""What round 141 of the written tables (ag, ah, ai, aj) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.model import Severity
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def _tasks(stem: str) -> list[tuple[str, float | None, float | None]]:
    (table,) = parse_file(_doc(stem)).tables
    return [(t.name, t.budget, t.executed) for t in table.tasks]


def test_the_tasks_of_a_viewers_copy_are_read() -> None:
    # zx02 (a cell a line): 年度主要任务 / 任务名称 / 主要内容 / 预算数 / 执行数, then each task's
    # cells, a content wrapped over two lines; the block had been reported unread (P101)
    (table,) = parse_file(_doc("zx02")).tables
    assert [t.name for t in table.tasks] == [
        "基本公共卫生服务",
        "家庭医生签约服务",
        "疫情防控",
        "基层医疗机构能力建设",
        "计划生育奖励扶助",
    ]
    assert (
        table.tasks[2].content == "落实常态化疫情防控措施，保障核酸检测、疫苗接种及集中隔离点运行"
    )
    assert table.tasks_total is not None
    assert (table.tasks_total.budget, table.tasks_total.executed) == (2937.80, 2902.59)


def test_a_task_row_that_prints_the_blocks_label_again_is_read() -> None:
    # yb05 (bars): 年度主要任务 | 城乡最低生活保障 | … on every row, a merged cell's copy
    assert _tasks("yb05")[0] == ("城乡最低生活保障", 6850.0, 6850.0)
    assert len(_tasks("yb05")) == 4


def test_a_viewers_copy_with_tasks_reads_them_and_finds_the_overspend() -> None:
    # ag01 (a viewer's copy, 年度 / 主要 / 任务 stacked): the overspent task its writer planted
    findings = review(_doc("ag01")).findings
    assert any(f.code == "F105" and "稻鱼共生产业发展" in f.message for f in findings)


def test_a_tasks_total_printed_without_content_is_the_tasks_total() -> None:
    # ag03 (a cell a line, rows apart by blank lines): 合计 | 2216.80 | 1900.81, three cells
    # under five columns; it had been left unread, the planted F106 missed
    findings = review(_doc("ag03")).findings
    assert any(f.code == "F106" for f in findings)


def test_a_tasks_block_whose_content_column_is_named_dui_ying_xiang_mu_is_read() -> None:
    # ag04: 任务名称 | 对应项目 | 预算数（万元） | 执行数（万元）
    assert len(_tasks("ag04")) == 4


def test_a_layout_text_whose_tasks_stand_apart_from_the_funds_columns_is_read_by_line() -> None:
    # ag05 (pdftotext -layout): the tasks' columns stand where the funds block's do not; read
    # by position, 26 lines were left unread (funds' header, every task); a line at a time,
    # one, and its planted F101 (基本支出 + 项目支出 short of the total's execution) found
    assert len(_tasks("ag05")) == 5
    report = review(_doc("ag05"))
    assert report.report.format == "text/fixed"
    assert any(f.code == "F101" for f in report.findings)


def test_a_next_rows_name_after_an_unstopped_explanation_is_a_name() -> None:
    # ag02 (a viewer's copy): …，不影响资金使用 / 奖励扶助对象覆盖率 / 100%: the name had been
    # read as the explanation's rest, the row said misread
    (table,) = parse_file(_doc("ag02")).tables
    names = [i.name for i in table.indicators]
    assert "奖励扶助对象覆盖率" in names
    assert table.reliable


def test_an_explanation_whose_figure_is_cut_at_the_line_is_whole() -> None:
    # yl01 (a viewer's copy wrapped at 13 characters): 受汛期持续降雨影响，0.0 / 5万亩延至… / 工，…
    (table,) = parse_file(_doc("yl01")).tables
    row = next(i for i in table.indicators if i.name == "新建高标准农田面积")
    assert row.explanation.startswith("受汛期持续降雨影响，0.05万亩延至2024年3月完工")
    assert "受汛期持续降雨影响，0.0" not in [i.name for i in table.indicators]


def test_sources_no_form_lists_that_complete_the_total_are_no_error() -> None:
    # ai03 (政府性基金预算资金, 债券资金), ai04 (财政专户管理资金 on a 部门整体 form), ai06
    # (债券资金 a source, 一般公共 / 政府性基金 parts of 当年财政拨款): each had given a false
    # F101 error, the rows left unread
    for stem in ("ai03", "ai04", "ai06"):
        codes = {f.code for f in review(_doc(stem)).findings}
        assert "F101" not in codes, stem


def test_sources_no_form_lists_that_do_not_complete_the_total_are_doubted_not_wrong() -> None:
    # ai05 (a scan's text in 元): 社会投入资金 printed with an amount left out, which column is
    # blank the text does not say; the sum is shown as one to check, not as an error
    (f101,) = [f for f in review(_doc("ai05")).findings if f.code == "F101"]
    assert f101.severity is Severity.WARNING
    assert "社会投入资金" in f101.message


def test_listed_sources_that_do_not_add_up_stay_an_error() -> None:
    # ai01 (its writer's planted F101) and hw03, whose later 收入支出决算表 rows (一般公共预算
    # 财政拨款 | 52,180.00 …) are no source of the project table above them
    for stem in ("ai01", "hw03"):
        (f101,) = [f for f in review(_doc(stem)).findings if f.code == "F101"]
        assert f101.severity is Severity.ERROR, stem


def test_a_group_label_and_a_row_label_on_one_line_are_two_cells() -> None:
    # os03 (words a line, single spaces): 按收入性质分 财政拨款 2086.30 …: 财政拨款 had been
    # placed after the amounts, the sources read short (a false F101 once its block was read)
    (table,) = parse_file(_doc("os03")).tables
    assert table.funds.current_year_appropriation.executed == 2231.18
    assert "F101" not in {f.code for f in review(_doc("os03")).findings}


def test_a_department_wide_funds_blocks_own_label_is_read() -> None:
    # yu05: 年度部门整体支出预算执行情况（万元） alone on its line, reported unread before
    report = parse_file(_doc("yu05"))
    assert not [lo for lo in report.leftovers if "预算执行情况" in lo.text]
