"""What round 154 of the written tables (cae, caf, cag, cah) showed, asserted on the written
documents whose text is the point, and on by02, by05, by06 of round 152."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.checks.written_rule import written_rule
from reviewer.model import CellRef, Indicator
from reviewer.parse.sub_rows import mark_within_above
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def _within(stem: str) -> list[tuple[str, bool]]:
    (table,) = parse_file(_doc(stem)).tables
    return [(i.name, i.within_above) for i in table.indicators if i.name.startswith("其中")]


def test_parts_whose_points_a_note_puts_in_their_parents_are_added_in_no_sum() -> None:
    # cae04: 注：“其中”行…分值、得分已含在上一行内，不计入小计和总分 — the parts had made the
    # weights 118, both 小计 wrong and the 总分 off by 17.5 (false W101, W102, T106, T101)
    assert all(within for _, within in _within("cae04"))
    hits = [f for f in review(_doc("cae04")).findings if f.code in ("T106", "T101", "W101")]
    # what is left is the planted 效益指标小计 (29.2 for 29.6) and the 总分 it carries
    assert sorted(f.code for f in hits) == ["T101", "T106"]
    (t106,) = [f for f in hits if f.code == "T106"]
    assert "效益指标小计" in t106.message and "29.6" in t106.message
    # …不重复计入总分 (cae01), 不另行计入小计和总分 (by05): the same, no error left
    for stem in ("cae01", "by02", "by05"):
        assert not _codes(stem) & {"T101", "T106", "W101", "W105"}, stem


def test_parts_a_note_counts_are_added_in() -> None:
    # cae03: 注：“其中”行为单独设置分值的考核指标，分值、得分计入…小计和总分 — the parts count,
    # and its planted 产出指标小计 (46.71 for 49.71) is found with them
    assert not any(within for _, within in _within("cae03"))
    (t106,) = [f for f in review(_doc("cae03")).findings if f.code == "T106"]
    assert "46.71" in t106.message and "49.71" in t106.message


def test_parts_without_a_note_are_within_where_only_then_the_points_add_up() -> None:
    # by06: no note; the weights make 100 and the 总分 adds up only without the part
    assert _within("by06") == [("其中：贫困劳动力培训人次", True)]
    assert not _codes("by06") & {"T101", "T106", "W101", "W102"}
    # a part whose parent holds fewer points than it is no part of the parent's points
    table = {
        "indicators": [
            {"name": "受益人数", "weight": 4.0, "score": 4.0},
            {"name": "其中：脱贫人口", "weight": 6.0, "score": 6.0},
            {"name": "满意度", "weight": 90.0, "score": 90.0},
        ],
        "funds": {"annual_total": {"weight": 10.0, "score": 10.0}},
        "total_score": 104.0,
        "notes": [],
    }
    mark_within_above(table, 100.0)
    assert "within_above" not in table["indicators"][1]


def test_a_part_explained_by_its_parent_asks_for_no_explanation_of_its_own() -> None:
    # cae02: the parts' cells empty under a parent that explains the shortfall (false E101 on
    # both); cae04: 同上 under a parent with its cause (false E102 on both)
    assert "E101" not in _codes("cae02", "其中：高血压患者规范管理人数")
    assert "E102" in _codes("cae02", "高血压、2型糖尿病患者规范管理人数")
    assert "E102" not in _codes("cae04", "其中：单村供水工程")
    # cae06: parts printed without points under scored rows are parts, not a name's pieces
    # (P108 had refused the table); its counted part missing its target is found
    codes = _codes("cae06")
    assert "P108" not in codes
    assert "S102" in _codes("cae06", "其中：事实无人抚养儿童保障人数")


def test_a_rows_written_rule_by_delay_by_share_and_in_a_larger_unit() -> None:
    # caf03 (a Hebei-like form in single spaces with 指标分值 and 自评得分): the weights read
    (table,) = parse_file(_doc("caf03")).tables
    assert [i.weight for i in table.indicators][:3] == [15.0, 10.0, 10.0]
    # 按时完成得满分，每延迟1个月扣2分: 8月底前 against 10月底 is 6, not the 8 printed
    (late,) = [f for f in review(_doc("caf03")).findings if f.code == "S111"]
    assert late.indicator == "工程完工时间" and "应为6分" in late.message
    # caf04: 80%-90%得60%分值 at 86% is 6 of 10, not 8.6
    found = {f.indicator: f.message for f in review(_doc("caf04")).findings if f.code == "S111"}
    assert "应为6分" in found["污水处理设施正常运行率"]
    # caf02: 每少1000人扣0.1分 against 14.2万人 of ≥15万人 is 9.2, as printed (no S111)
    assert "S111" not in _codes("caf02")
    # caf05: 每少10人扣0.1分 on a row in 人次 applies (13.6 as printed: no proportional S104)
    assert "S104" not in _codes("caf05", "培训人数")


def test_a_rule_of_a_share_of_the_weight_is_read() -> None:
    row = Indicator(
        l1="产出指标",
        l2="质量指标",
        name="运行率",
        target="≥90%",
        actual="86%",
        weight=10.0,
        score=8.6,
        explanation="",
        cells={"评分标准": CellRef(line=1, text="80%-90%得分值的50%，80%以下不得分")},
    )
    rule = written_rule(row)
    assert rule is not None and rule.bands == ((80.0, 90.0, None, 0.5),)


def test_a_placeholder_explanation_atop_a_page_is_not_continued() -> None:
    # cag04 (pdftotext -layout): the row above the page's break explains 无; the first line
    # after the repeated header is the next row's explanation, not that 无's rest (a false E103)
    (table,) = parse_file(_doc("cag04")).tables
    rows = {i.name: i.explanation for i in table.indicators}
    assert rows["学生营养健康状况"] == "无"
    assert rows["学生体质健康达标率"].startswith("部分学校体育设施不足")
    assert "E103" not in _codes("cag04")
