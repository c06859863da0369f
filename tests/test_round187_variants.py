"""What round 187 of the written tables (cff, cfg, cfh, cfi) showed: Hebei's four-section form
in fixed-width text (a text column beside the names), a transfer-payment form's note and its
categories' points on rows of their own, a goal block labelled over lines, the funds received
(到位数) a narrative's balance is taken from, and explanations' words for a step and a shortfall.
"""

from __future__ import annotations

from reviewer.api import parse_file
from tests.test_round73_variants import _codes, _doc


def _names(stem: str, table: int = 0) -> list[str]:
    return [i.name for i in parse_file(_doc(stem)).tables[table].indicators]


def _left(stem: str) -> list[str]:
    return [lo.text for lo in parse_file(_doc(stem)).leftovers]


def test_round187_a_row_opening_its_line_is_no_name_rest() -> None:
    # cff06: 覆盖行政村数量 | 放映覆盖的行政村个数 | = | 180 … under 公益电影放映场次's row, read
    # as a stream of cells: its own row, not the end of the name above
    names = _names("cff06")
    assert "公益电影放映场次" in names
    assert "覆盖行政村数量" in names


def test_round187_a_report_with_one_table_misread_is_read_again() -> None:
    # cff04: the first table's 效果指标 row (符号 and 指标值 empty) misread in the spaced reading,
    # the second read right: the stream reading reads both
    t = parse_file(_doc("cff04")).tables[0]
    row = next(i for i in t.indicators if i.name == "学生营养健康状况")
    assert (row.target, row.actual, row.weight, row.score) == ("有所改善", "有所改善", 30.0, 30.0)
    assert "P108" not in _codes("cff04")


def test_round187_a_balance_of_the_funds_received() -> None:
    # cff05: 结余资金5.14万元 = 到位数 148.00 − 执行数 142.86: no figure foreign to the funds
    assert "N106" not in _codes("cff05")


def test_round187_a_note_in_a_labelled_cell() -> None:
    # cfg06: 说明 | 本表为区域绩效自评表，未设置分值。 after the rows: the table's note, not a
    # new table's title
    t = parse_file(_doc("cfg06")).tables[0]
    assert "本表为区域绩效自评表，未设置分值。" in "".join(t.notes)
    assert not any("本表为区域绩效自评表" in text for text in _left("cfg06"))
    # caj04: 说明 | 全年预算数较年初增加350.00万元，系…追加资金。 explains the budget's change
    assert "F104" not in _codes("caj04")


def test_round187_category_points_on_a_row_of_their_own() -> None:
    # cfg05: 产出指标 | 50, 效益指标 | 30, 满意度指标 | 10 over each category's rows
    t = parse_file(_doc("cfg05")).tables[0]
    assert (t.stated_weights.get("产出指标"), t.stated_weights.get("效益指标")) == (50.0, 30.0)
    assert not any(text in ("50", "30", "10") for text in _left("cfg05"))


def test_round187_a_goal_block_labelled_over_lines() -> None:
    # cfh03: 年度总体目标 / 预期目标： / … / 实际完成情况： / …: the block's label is used
    assert "年度总体目标" not in _left("cfh03")
    t = parse_file(_doc("cfh03")).tables[0]
    assert t.goal_expected.startswith("对大寅镇红星水库") and t.goal_actual.startswith("完成6座")


def test_round187_explanations_words() -> None:
    # cfi02: 规范化考核未全部达标 beside a full score (labelled); cfi03: 下学期提前摸排… is a
    # measure (clean)
    assert "E103" in _codes("cfi02", "签约服务规范化")
    assert "E102" not in _codes("cfi03")
