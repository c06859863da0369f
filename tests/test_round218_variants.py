"""What round 218 of the written tables (ckb–ckg) showed: a sheet's print titles repeated over
its next page (部门整体支出绩效自评表 / (2023年度) / (续)) read as a second table (ckb02); rows scored
on 100 whose sums print their points and their score (绩效指标得分（百分制） | 100 | 99.59) read
one figure off, the share stated in the heading or a note unread, and the rows' 100 points held
to the form's (false W101, W104, W102: ckc); funds by use or by sub-project under the sources
unread (ckd); a budget system's approval steps, seal and print stamp reported unread (cke); the
older forms' 绩效目标 / 目标完成情况 on lines of their own, 项目预算 | 实际支出 and 预算执行 as the
funds' row unread (ckg); a grade's band (自评得分90分以上为优) read as a stated total (ckg03).
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc, _unread


def test_round218_print_titles_over_a_next_page_are_no_new_table() -> None:
    # ckb02: the title, its year and (续) over page 2; 孕产妇死亡率 cut by them
    report = parse_file(_doc("ckb02"))
    assert len(report.tables) == 1
    row = next(i for i in report.tables[0].indicators if i.name == "孕产妇死亡率")
    assert (row.target, row.actual, row.weight, row.score) == ("≤10/10万", "0/10万", 10.0, 10.0)
    assert not {"P102", "P107"} & _codes("ckb02")


def test_round218_rows_on_a_hundred_their_printed_sums_and_stated_share() -> None:
    # ckc01: 绩效指标得分（百分制） | 100 | 99.59, then 折算得分（×80%） | 80 | 79.76 (99.59 × 0.8
    # is 79.67): the score of each sum read, not its points; the rows' 100 points are 80 counted
    t = parse_file(_doc("ckc01")).tables[0]
    assert t.cells["indicator_sum"].text == "99.59" and t.cells["indicator_scaled"].text == "79.76"
    said = [f.message for f in review(_doc("ckc01")).findings if f.code == "T101"]
    assert "绩效指标折算得分填报为79.76分，各指标得分之和按80%折算为79.67分。" in said
    assert not {"W101", "W102", "W104"} & _codes("ckc01")
    # ckc03: the share stated in a note only (注：指标得分按80%折算计入总分)
    assert parse_file(_doc("ckc03")).tables[0].indicator_scale == 0.8
    # ckc04: the 百分制 sum misprinted (98.47 for 99.47), its share following it: said once
    said = [f.message for f in review(_doc("ckc04")).findings if f.code == "T101"]
    assert "绩效指标得分填报为98.47分，各指标得分之和为99.47分。" in said
    assert not any(m.startswith("绩效指标折算得分") for m in said)


def test_round218_funds_by_use_or_sub_project_under_the_sources() -> None:
    # ckd02: 按用途：设备购置费 | 420 | … after the sources: four uses, adding up
    parts = parse_file(_doc("ckd02")).tables[0].funds.extra
    assert [r.kind for r in parts.values()] == ["sub_project"] * 4
    assert not _unread("ckd02") and "F101" not in _codes("ckd02")
    # ckd05: 培训补贴资金 (a use named …资金) over 教材资料费 | 场地租赁费 | 其他费用: one list
    parts = parse_file(_doc("ckd05")).tables[0].funds.extra
    assert {r.kind for r in parts.values()} == {"sub_project"} and len(parts) == 4
    assert "F101" not in _codes("ckd05")
    # ckd06: a partial list (注：仅列示主要子项目) is not held to the total
    assert not _unread("ckd06") and "F101" not in _codes("ckd06")


def test_round218_a_budget_systems_workflow_and_marks_are_the_forms() -> None:
    # cke02: 审批流程 / 环节 | 处理人 | 处理时间 | 处理意见 / its steps, 电子签章：…, 打印时间：…
    t = parse_file(_doc("cke02")).tables[0]
    assert t.fields["审批流程"].startswith("单位填报 张永刚 2025-02-18 10:12:36 提交；")
    assert "退回修改：请补充佐证材料" in t.fields["审批流程"]
    assert t.fields["电子签章"] == "伊川县农业农村局"
    assert not _unread("cke02")
    # the approval's 同意 is no explanation of any row
    assert not any(
        f.code.startswith("E") and "同意" in f.message for f in review(_doc("cke02")).findings
    )


def test_round218_older_forms_goals_funds_and_bands() -> None:
    # ckg05: 绩效目标 / its text / 目标完成情况 / its text, each on a line of its own
    t = parse_file(_doc("ckg05")).tables[0]
    assert t.goal_expected.startswith("新建集中供水工程12处")
    assert t.goal_actual.startswith("建成集中供水工程12处")
    # …and 项目预算 | 实际支出 | 执行率 | 得分（10分） over its figures
    assert (t.funds.annual_total.full_year_budget, t.funds.annual_total.executed) == (
        1280.0,
        1262.08,
    )
    # ckg03: 预算执行 | 450.00 | 441.90 | … the funds' row; its band (90分以上为优) is no total
    t = parse_file(_doc("ckg03")).tables[0]
    assert t.funds.annual_total.executed == 441.9
    assert not {"T105", "N105", "P108"} & _codes("ckg03")
