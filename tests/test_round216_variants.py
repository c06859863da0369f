"""What round 216 of the written tables (cjr, cjs, cjt, cju) showed: a 绩效运行监控表 read as a
self-evaluation (its rows said misread) and a 绩效目标表 refused with a message about columns that
could not be rebuilt; a project's sub-project headings run into its rows' names with nothing
doubted (cjs04's rows misread, undoubted); and 见报告 or 客观原因 alone judged a cause without a
measure rather than no explanation at all.
"""

from __future__ import annotations

import pytest

from reviewer.api import parse_file
from reviewer.errors import InputError
from tests.test_round73_variants import _codes, _doc


@pytest.mark.parametrize(("stem", "form"), [("cjr01", "绩效目标表"), ("cjr02", "运行监控表")])
def test_round216_a_look_alike_form_is_said_to_be_one(stem: str, form: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_file(_doc(stem))
    assert form in str(caught.value) and "不是绩效自评表" in str(caught.value)


def test_round216_a_monitoring_sheet_beside_the_table_is_no_table() -> None:
    # cjr06: a 运行监控表 sheet, then the 自评表 sheet: one table, its own
    report = parse_file(_doc("cjr06"))
    assert len(report.tables) == 1 and len(report.tables[0].indicators) == 8


def test_round216_sub_project_headings_group_the_rows() -> None:
    # cjs04: 子项目一：槐店回族镇片区 / 子项目二：… / 项目整体 over their rows
    t = parse_file(_doc("cjs04")).tables[0]
    names = [i.name for i in t.indicators]
    assert names[:4] == ["建设高标准农田面积", "新建道路里程", "建设高标准农田面积", "新建道路里程"]
    assert t.indicators[1].cells["分组"].text == "子项目一：槐店回族镇片区"
    assert t.indicators[3].cells["分组"].text == "子项目二：付井镇片区"


def test_round216_objective_reasons_alone_say_nothing() -> None:
    # cju05: 客观原因 alone on a missed row: no explanation (E101), not a cause without measure
    assert _codes("cju05", "受益学生人数") == {"E101"}
    # 见报告 alone: the table is given no cause (E102, a warning, as round 161 has it)
    assert "E102" in _codes("cju05", "学生营养健康知识知晓率")
