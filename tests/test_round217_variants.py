"""What round 217 of the written tables (cjv–cka) and the known-left of round 216 showed:
sub-projects' funds rows unread and their sums unchecked (cjs); a look-alike form beside a real
table reported cell by cell (cjr04–06); the older forms' 效果指标 with 社会效果 / 经济效果 run
into the rows' names and their goals 绩效目标 | 绩效目标完成情况 unread (cjx); a 20/80 form that
scores its rows on 100 and counts 80 % of them given a false total error (cjz02); an 观测指标 of
分值 0 doubted (cjz03); a .csv's merged cells' copies and a Markdown quote reported unread (cka);
the sign-off, the review opinions and the seal under a table reported unread (cjw).
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc, _unread


def test_round217_sub_projects_funds_are_read_and_added_up() -> None:
    # cjs01: 格林镇新华村通组公路硬化 | 248.50 | 248.50 | 246.10 | — under 年度资金总额 (431.20)
    funds = parse_file(_doc("cjs01")).tables[0].funds
    parts = {k: r for k, r in funds.extra.items() if r.kind == "sub_project"}
    assert set(parts) == {"格林镇新华村通组公路硬化", "安场镇光明村通组公路硬化"}
    assert parts["安场镇光明村通组公路硬化"].executed == 180.10
    # 246.10 + 180.10 = 426.20 against 431.20: said, with the printed cells
    hits = [f for f in review(_doc("cjs01")).findings if f.code == "F101"]
    assert len(hits) == 1 and "各子项目（用途）资金之和为426.2" in hits[0].message
    # cjs02: the sub-projects add up (80 + 70 = 150): nothing said, nothing unread
    assert "F101" not in _codes("cjs02") and not _unread("cjs02")


def test_round217_a_pointer_to_the_report_is_no_cause() -> None:
    # cju05: 见报告 alone on a missed row: the table carries neither cause nor measure
    hit = next(f for f in review(_doc("cju05")).findings if f.indicator == "学生营养健康知识知晓率")
    assert hit.code == "E102" and "表内未说明原因和改进措施" in hit.message
    assert "只说明了原因" not in hit.message


def test_round217_a_look_alike_beside_the_table_is_said_once() -> None:
    # cjr05: a 绩效目标申报表 over lines 3–17, then the self-evaluation
    said = [f.message for f in review(_doc("cjr05")).findings if f.code == "P101"]
    assert any(m.startswith("第3行至第17行是“2022年度项目支出绩效目标申报表”") for m in said)
    assert not any("第4行第2格" in m for m in said)  # not its cells one by one
    # cjr04: a 部门决算 (收入支出决算总表) before the table: a look-alike too
    said = [f.message for f in review(_doc("cjr04")).findings if f.code == "P101"]
    assert len(said) == 1 and "部门决算" in said[0] and "不是绩效自评表" in said[0]


def test_round217_older_forms_effect_categories_are_second_level_labels() -> None:
    # cjx06: 效果指标 | 社会效果 | 受益少数民族群众 (2020, its own 二级 words)
    t = parse_file(_doc("cjx06")).tables[0]
    row = next(i for i in t.indicators if i.name == "受益少数民族群众")
    assert (row.l1, row.l2) == ("效果指标", "社会效果")
    assert "P104" not in _codes("cjx06")


def test_round217_goal_and_its_outcome_under_their_2017_labels() -> None:
    # cjx05: 绩效目标 | | | 绩效目标完成情况 over a row of the two texts
    t = parse_file(_doc("cjx05")).tables[0]
    assert t.goal_expected.startswith("2017年在全区新建农家书屋40个")
    assert t.goal_actual.startswith("全年新建农家书屋40个")


def test_round217_a_pre_2020_forms_own_category_with_its_points_is_the_forms() -> None:
    # cjx05 (2017): 资金管理（10分） is that form's own 一级; the national list came in 2020
    assert "P104" not in _codes("cjx05")


def test_round217_rows_scored_on_a_hundred_count_their_stated_share() -> None:
    # cjz02: rows sum to 100 (百分制), 折算得分(×80%) 80, 总分 19.90 + 80 = 99.90
    t = parse_file(_doc("cjz02")).tables[0]
    assert t.indicator_scale == 0.8 and len(t.indicators) == 8
    assert "T101" not in _codes("cjz02")


def test_round217_the_printed_sums_of_rows_scored_on_a_hundred_are_checked(
    tmp_path: Path,
) -> None:
    # cjz02 with its two sums misprinted: 98 for the rows' 100, 78 for 80 % of them
    text = _doc("cjz02").read_text(encoding="utf-8")
    text = text.replace("绩效指标得分(百分制) | 100 ", "绩效指标得分(百分制) | 98 ")
    text = text.replace("绩效指标折算得分(×80%) | 80 ", "绩效指标折算得分(×80%) | 78 ")
    doc = tmp_path / "cjz02.txt"
    doc.write_text(text, encoding="utf-8")
    said = sorted(f.message for f in review(doc).findings if f.code == "T101")
    assert said == [
        "绩效指标得分填报为98分，各指标得分之和为100分。",
        "绩效指标折算得分填报为78分，各指标得分之和按80%折算为80分。",
    ]


def test_round217_a_row_kept_to_watch_may_carry_no_points() -> None:
    # cjz03: 家庭医生签约服务人数（观测指标） | … | 0 | 0
    assert "W103" not in _codes("cjz03")


def test_round217_merged_cells_copies_and_a_quoted_note_are_read() -> None:
    # cka02 (.csv): 项目名称 | X | X | X …, the merged cell's value in every cell it spans
    assert not _unread("cka02")
    # cka01 (.md): > 注：本表由纸质盖章版转录… under the table
    assert not _unread("cka01")


def test_round217_sign_offs_review_opinions_and_seals_are_the_forms() -> None:
    # cjw06 (.xlsx): 填表人： | 孙晓东 | 联系电话： | 0539-2251306 …, 主管部门审核意见：, （盖章）
    t = parse_file(_doc("cjw06")).tables[0]
    assert t.fields["填表人"] == "孙晓东" and t.fields["财务负责人"] == "高敏"
    assert t.fields["review_opinion"].startswith("经审核")
    assert not _unread("cjw06")
    # cjw02: the finance bureau's opinion and its seal (宜都市财政局（盖章）)
    assert not _unread("cjw02")
