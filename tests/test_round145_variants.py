"""What round 145 of the written tables (ay, az, bg) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_scans_task_over_two_lines_its_amounts_on_the_second_is_one_task() -> None:
    # ay01 (OCR in runs of spaces): 高标准农田建设 | 新建高标准农田1.2万亩,配套建设灌溉渠道 /
    # 、机耕路及农田防护设施 | 1,850.00 | 1,812.36: the block had ended at the first line
    (table,) = parse_file(_doc("ay01")).tables
    assert [(t.name, t.budget) for t in table.tasks][:2] == [
        ("高标准农田建设", 1850.0),
        ("粮食生产扶持", 680.0),
    ]
    assert table.tasks[0].content.endswith("机耕路及农田防护设施")
    assert table.tasks_total is not None and table.tasks_total.executed == 3242.90


def test_a_tasks_total_not_their_sum_is_found_in_a_scan() -> None:
    # ay03: the planted 合计 (5,090.95 for 5,009.95), missed while the tasks went unread
    assert "F106" in {f.code for f in review(_doc("ay03")).findings}


def test_the_goal_blocks_points_and_score_are_read_and_counted() -> None:
    # az01 (tabs): 年度总体目标 | 分值 | 预期目标 | 实际完成情况 | 得分 over 20 | … | 22: the goal
    # scored above its points; az02 (pipes): a total that leaves the goal's 18 out — both had
    # been beyond the tool (T101 said the total was not checked)
    (table,) = parse_file(_doc("az01")).tables
    assert (table.goal_weight, table.goal_score) == (20, 22)
    s101 = [f for f in review(_doc("az01")).findings if f.code == "S101"]
    assert any("年度总体目标" in f.message for f in s101)
    (t101,) = [f for f in review(_doc("az02")).findings if f.code == "T101"]
    assert "97.43" in t101.message and "年度总体目标得分" in t101.message


def test_a_goal_scored_total_that_adds_up_is_no_finding() -> None:
    # az06 (a web page) and az03 (.xlsx): the totals with the goal's score add up
    for stem in ("az03", "az06"):
        assert "T101" not in {f.code for f in review(_doc(stem)).findings}, stem
