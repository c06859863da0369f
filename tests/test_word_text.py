"""A table saved as plain text by a word processor: a row's cells joined by tabs, a cell of
several paragraphs breaking its row over lines (its next paragraphs on lines of their own, the
row's next cells after a tab on the last one's line)."""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.ingest import read_grid

T = "\t"
HEAD = [
    "项目支出绩效自评表",
    "单位：万元",
    T.join(["项目名称", "农村饮水工程维修养护项目", "", "", "", "", "", ""]),
    T.join(["主管部门", "某县水利局", "", "", "实施单位", "某县农村饮水安全管理站", "", ""]),
    T.join(
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    ),
    T.join(["", "年度资金总额", "260.00", "260.00", "255.36", "10", "98.22%", "9.82"]),
    T.join(["", "其中：当年财政拨款", "260.00", "260.00", "255.36", "—", "—", "—"]),
    T.join(["年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""]),
    # each goal cell of two paragraphs: the row over three lines
    T.join(["", "维修养护农村集中供水工程40处。"]),
    T.join(["保障受益人口12.5万人。", "", "", "完成维修养护42处。"]),
    T.join(["巩固提升受益人口12.1万人。", "", "", ""]),
    T.join(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值"])
    + T
    + T.join(["得分", "偏差原因分析及改进措施"]),
    T.join(["", "产出指标", "数量指标", "维修养护工程数", "≥40处", "42处", "30", "30", ""]),
    T.join(["", "", "质量指标", "水质检测合格率", "≥95%", "92%", "20", "19.37"])
    + T
    + "汛期强降雨导致部分水源浑浊度超标。",
    "改进措施：加装过滤消毒设备，汛期加密抽检。",
    T.join(["", "效益指标", "社会效益指标", "受益人口", "≥12.5万人", "12.1万人", "30", "29.04"])
    + T
    + "部分群众外出务工，常住人口减少。",
    "改进措施：按常住人口核定目标。",
    T.join(["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93.5%", "10", "10", ""]),
    T.join(["总分", "", "", "", "", "", "100", "98.23", ""]),
]


def _read(tmp_path: Path, lines: list[str]):
    path = tmp_path / "word.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return parse_file(path)


def test_a_cells_paragraphs_on_lines_of_their_own_stay_in_their_cell(tmp_path: Path) -> None:
    (t,) = _read(tmp_path, HEAD).tables
    assert t.doubts == []
    assert [i.name for i in t.indicators] == [
        "维修养护工程数",
        "水质检测合格率",
        "受益人口",
        "群众满意度",
    ]
    quality, people = t.indicators[1], t.indicators[2]
    assert (
        quality.explanation
        == "汛期强降雨导致部分水源浑浊度超标。改进措施：加装过滤消毒设备，汛期加密抽检。"
    )
    assert people.explanation == "部分群众外出务工，常住人口减少。改进措施：按常住人口核定目标。"
    # the paragraphs of a goal's cell, one after the other
    assert (
        "".join(t.goal_expected.split()) == "维修养护农村集中供水工程40处。保障受益人口12.5万人。"
    )
    assert "".join(t.goal_actual.split()) == "完成维修养护42处。巩固提升受益人口12.1万人。"
    assert t.total_score == 98.23


def test_a_line_of_text_before_a_blank_line_is_no_cells_paragraph(tmp_path: Path) -> None:
    last = T.join(
        ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "88%", "10", "9.78"]
    )
    lines = [*HEAD[:-2], last + T + "个别村组水压不足。", "本表据财务决算填报。", "", HEAD[-1]]
    (t,) = _read(tmp_path, lines).tables
    assert t.indicators[-1].explanation == "个别村组水压不足。"


def test_a_row_opening_with_a_label_of_the_form_is_a_row_of_its_own(tmp_path: Path) -> None:
    # the explanation ends a sentence; the 总分 row after it opens in the first column
    last = T.join(
        ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "88%", "10", "9.78"]
    )
    lines = [*HEAD[:-2], last + T + "个别村组水压不足。", HEAD[-1]]
    (t,) = _read(tmp_path, lines).tables
    assert t.indicators[-1].explanation == "个别村组水压不足。"
    assert t.total_score == 98.23


def test_a_long_cell_cut_at_a_width_goes_on_on_the_lines_after_it(tmp_path: Path) -> None:
    # ni02: a PDF tool's tab text, each long cell cut at 18 characters, a number among them
    # (…及时率1 / 00%): the rest joins its cell with no break in the number
    goal = [
        T.join(["年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""]),
        T.join(["", "维修养护农村集中供水工程40处。", "", "", "全年为12.1万名农村群众提供供水服"]),
        "务，工程验收合格率达到100%，物资拨付及时率1",
        "00%。",
    ]
    lines = [*HEAD[:7], *goal, *HEAD[11:]]
    (t,) = _read(tmp_path, lines).tables
    assert t.goal_expected == "维修养护农村集中供水工程40处。"
    assert (
        t.goal_actual
        == "全年为12.1万名农村群众提供供水服务，工程验收合格率达到100%，物资拨付及时率100%。"
    )


def test_a_long_name_in_the_forms_head_is_whole(tmp_path: Path) -> None:
    # corpus 025 as tab text: a key's long value, then head lines of a label and its value
    lines = [
        "2022年度项目支出绩效自评表",
        T.join(["项目名称", "生猪养殖场建设项目"]),
        T.join(["主管部门", "某县供销合作社联合社", "项目实施单位", "某县某某鸿运牧业专业合作社"]),
        T.join(["项目类别", "1、部门预算项目 □ 2、县直专项 ☑ 3、省市对下转移支付项目 □"]),
        T.join(["项目属性", "1、持续性项目 ☑ 2、新增性项目 □"]),
        *HEAD[4:],
    ]
    report = _read(tmp_path, lines)
    (t,) = report.tables
    assert t.implementer == "某县某某鸿运牧业专业合作社"
    rows = {r.line: [c.text for c in r.cells] for r in read_grid(tmp_path / "word.txt").rows}
    assert rows[5][0] == "项目属性"
