"""Layout quirks of PDF-extracted text, each in a small table of its own, and the
text writer's round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reviewer.api import parse_file
from reviewer.layout_text import render_text
from reviewer.model import EvaluationTable
from tests.builders import make_table, write_tables
from tests.goldcompare import differences

HEAD = """财政项目支出绩效自评表
(2022 年度)
项目名称\t示例项目
主管部门\t某市某局\t\t\t实施单位\t某市某中心
项目资金 (万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
\t年度资金总额\t100\t100\t90\t10\t90.00%\t9
\t其中：当年财政拨款\t100\t100\t90\t—\t\t
\t上年结转资金\t0\t0\t\t—\t\t
\t其他资金\t0\t0\t\t—\t\t
年度总体目标\t预期目标\t\t\t实际完成情况
\t完成目标。\t\t\t已完成目标。
绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
"""


def _parse(tmp_path: Path, body: str) -> EvaluationTable:
    path = tmp_path / "t.txt"
    path.write_text(HEAD + body, encoding="utf-8")
    report = parse_file(path)
    assert report.leftovers == [], report.leftovers
    assert len(report.tables) == 1
    return report.tables[0]


def _rows(t: EvaluationTable) -> list[tuple[str, str, str]]:
    return [(i.l1, i.l2, i.name) for i in t.indicators]


def test_round_trip_of_the_gold_parse(tmp_path: Path, gold: dict[str, Any]) -> None:
    tables = [EvaluationTable.model_validate(t) for t in gold["tables"]]
    path = tmp_path / gold["source"]
    path.write_text(render_text(tables), encoding="utf-8")
    got = json.loads(parse_file(path).model_dump_json())
    assert differences(gold, got) == []


def test_header_fields_and_amount_unit(tmp_path: Path) -> None:
    t = _parse(
        tmp_path, "\t产出指标\t数量指标\t甲\t=1个\t=1个\t90\t90\t\n\t总分\t\t\t\t\t100\t99\t\n"
    )
    assert (t.project, t.department, t.implementer, t.year) == (
        "示例项目",
        "某市某局",
        "某市某中心",
        2022,
    )
    assert t.amount_unit == "万元"
    assert t.funds.annual_total.rate_pct == 90.0
    assert t.funds.prior_year_carryover.executed is None
    assert (t.goal_expected, t.goal_actual) == ("完成目标。", "已完成目标。")


def test_l1_label_in_the_middle_of_its_group(tmp_path: Path) -> None:
    body = (
        "\t\t数量指标\t甲数\t=1个\t=1个\t20\t20\t\n"
        "\t\t\t乙数\t=1个\t=1个\t20\t20\t\n"
        "\t产出指标\t质量指标\t丙合格率\t=100%\t=100%\t10\t10\t\n"
        "\t效益指标\t社会效益指标\t提升丁\t提升\t提升\t30\t30\t\n"
        "\t满意度指标\t服务对象满意度指标\t满意度\t>=90%\t=95%\t10\t10\t\n"
        "\t总分\t\t\t\t\t100\t99\t\n"
    )
    t = _parse(tmp_path, body)
    assert [r[0] for r in _rows(t)] == ["产出指标"] * 3 + ["效益指标", "满意度指标"]
    assert [r[1] for r in _rows(t)][:3] == ["数量指标", "数量指标", "质量指标"]


def test_weight_split_settles_a_row_between_two_l1_labels(tmp_path: Path) -> None:
    # The row 提升戊 sits between 产出's rows and a label row for 效益: the default split
    # (产出 50, 效益 30) says it is 效益's.
    body = (
        "\t产出指标\t数量指标\t甲数\t=1个\t=1个\t25\t25\t\n"
        "\t\t质量指标\t乙合格率\t=100%\t=100%\t25\t25\t\n"
        "\t\t\t戊\t达成\t达成\t15\t15\t\n"
        "效益指标\t社会效益指标\t\t\t\t\t\t\n"
        "\t\t\t己\t达成\t达成\t15\t15\t\n"
        "满意度指标\t服务对象满意度指标\t满意度\t>=90%\t=95%\t10\t10\t\n"
        "\t总分\t\t\t\t\t100\t99\t\n"
    )
    t = _parse(tmp_path, body)
    assert _rows(t)[2] == ("效益指标", "社会效益指标", "戊")
    assert _rows(t)[1] == ("产出指标", "质量指标", "乙合格率")


def test_without_a_default_split_the_row_stays_with_the_label_above(tmp_path: Path) -> None:
    body = (
        "\t产出指标\t数量指标\t甲数\t=1个\t=1个\t20\t20\t\n"
        "\t\t\t戊\t达成\t达成\t20\t20\t\n"
        "效益指标\t社会效益指标\t\t\t\t\t\t\n"
        "\t\t\t己\t达成\t达成\t40\t40\t\n"
        "满意度指标\t服务对象满意度指标\t满意度\t>=90%\t=95%\t10\t10\t\n"
        "\t总分\t\t\t\t\t100\t99\t\n"
    )
    t = _parse(tmp_path, body)
    assert _rows(t)[1] == ("产出指标", "数量指标", "戊")


def test_wording_settles_an_l2_row_between_two_labels(tmp_path: Path) -> None:
    body = (
        "\t产出指标\t数量指标\t甲数\t=1个\t=1个\t20\t20\t\n"
        "\t\t质量指标\t乙合格率\t=100%\t=100%\t10\t10\t\n"
        "\t\t\t培训开展及时性\t及时\t及时\t10\t10\t\n"
        "\n"
        "\t\t时效指标\t报告提交时间\t9月\t9月\t10\t10\t\n"
        "\t效益指标\t社会效益指标\t提升丁\t提升\t提升\t30\t30\t\n"
        "\t满意度指标\t服务对象满意度指标\t满意度\t>=90%\t=95%\t10\t10\t\n"
        "\t总分\t\t\t\t\t100\t99\t\n"
    )
    t = _parse(tmp_path, body)
    assert _rows(t)[2] == ("产出指标", "时效指标", "培训开展及时性")


def test_name_broken_by_a_page_suffix_and_prefix(tmp_path: Path) -> None:
    body = (
        "\t产出指标\t数量指标\t人员配置与业务量相匹\t=90%\t=90%\t25\t25\t\n"
        "\n"
        "\t\t配\t\t\t\t\t\n"
        "\t\t\t办案设备购置完成及时\t\t\t\t\t\n"
        "\n"
        "\t\t时效指标\t性\t及时\t及时\t25\t25\t\n"
        "\t效益指标\t社会效益指标\t提升丁\t提升\t提升\t30\t30\t\n"
        "\t满意度指标\t服务对象满意度指标\t满意度\t>=90%\t=95%\t10\t10\t\n"
        "\t总分\t\t\t\t\t100\t99\t\n"
    )
    t = _parse(tmp_path, body)
    assert [i.name for i in t.indicators][:2] == [
        "人员配置与业务量相匹配",
        "办案设备购置完成及时性",
    ]
    assert t.indicators[1].l2 == "时效指标"
    assert t.indicators[0].lines == [13, 15]


def test_explanation_continued_on_the_next_page(tmp_path: Path) -> None:
    body = (
        "绩\t产出指标\t数量指标\t甲数\t=10个\t=8个\t50\t40\t因故未完成，考核主要以现场服务实际\n"
        "\n"
        "效 指 标\t\t\t\t\t\t\t质量为主。\t\n"
        "\t效益指标\t社会效益指标\t提升丁\t提升\t提升\t30\t30\t\n"
        "\t满意度指标\t服务对象满意度指标\t满意度\t>=90%\t=95%\t10\t10\t\n"
        "\t总分\t\t\t\t\t100\t89\t\n"
    )
    t = _parse(tmp_path, body)
    assert t.indicators[0].explanation == "因故未完成，考核主要以现场服务实际质量为主。"


def test_unknown_rows_are_reported_with_their_line(tmp_path: Path) -> None:
    path = write_tables(tmp_path / "x.txt", make_table())
    text = path.read_text(encoding="utf-8")
    path.write_text(
        "前言：以下为自评表\n" + text + "附：项目现场照片6张\t验收资料另行报送\n", encoding="utf-8"
    )
    report = parse_file(path)
    texts = {(left.location.line, left.text) for left in report.leftovers}
    assert (1, "前言：以下为自评表") in texts
    last = len(path.read_text(encoding="utf-8").splitlines())
    assert (last, "附：项目现场照片6张") in texts and (last, "验收资料另行报送") in texts
    acc = report.accounting
    assert acc.reported_lines == 2
    assert acc.consumed_lines + acc.reported_lines == acc.nonempty_lines


def test_untitled_tables_split_at_each_project(tmp_path: Path) -> None:
    path = write_tables(tmp_path / "x.txt", make_table(project="甲"), make_table(project="乙"))
    text = path.read_text(encoding="utf-8").replace("财政项目支出绩效自评表\t\t\t\t\t\t\t\n", "")
    path.write_text(text, encoding="utf-8")
    report = parse_file(path)
    assert [t.project for t in report.tables] == ["甲", "乙"]
    assert [t.year for t in report.tables] == [2023, 2023]
    assert report.leftovers == []
    assert all(len(t.indicators) == 7 for t in report.tables)


def test_funds_label_split_by_a_page_break_keeps_its_unit(tmp_path: Path) -> None:
    # The vertical label 项目资金（万元） is cut by the page break; its unit is in the lower piece.
    head = HEAD.replace("项目资金 (万元)\t\t", "项目资\t\t").replace(
        "\t其中：当年财政拨款", "\n金 (万元)\t其中：当年财政拨款"
    )
    path = tmp_path / "t.txt"
    body = "\t产出指标\t数量指标\t甲\t=1个\t=1个\t90\t90\t\n\t总分\t\t\t\t\t100\t99\t\n"
    path.write_text(head + body, encoding="utf-8")
    assert "\n\n金 (万元)\t其中" in head and head.count("项目资\t") == 1
    report = parse_file(path)
    assert report.leftovers == []
    (t,) = report.tables
    assert t.amount_unit == "万元"
    assert t.funds.current_year_appropriation.full_year_budget == 100


def test_a_form_off_the_default_split_keeps_rows_under_their_labels(tmp_path: Path) -> None:
    # 产出 55 / 效益 25: moving the last 时效 row into 效益 would restore 50/30, but its own
    # wording (及时性) and its place under the 产出 label say otherwise.
    from tests.builders import clean_indicators, ind

    rows = clean_indicators()
    rows[2] = ind("培训完成及时性", "及时", "及时", 20, 20, l2="时效指标")
    rows[3] = ind("报告提交及时性", "及时", "及时", 5, 5, l2="时效指标")
    rows[4] = ind("提升业务能力", "提升", "提升", 10, 10, l1="效益指标", l2="社会效益指标")
    path = write_tables(tmp_path / "t.txt", make_table(indicators=rows))
    table = parse_file(path).tables[0]
    assert [(i.l1, i.l2) for i in table.indicators][3] == ("产出指标", "时效指标")


def test_an_unknown_l1_label_is_kept_not_dropped(tmp_path: Path) -> None:
    body = (
        "\t产出指标\t数量指标\t甲数\t=1个\t=1个\t50\t50\t\n"
        "\t其他指标\t数量指标\t乙数\t=1个\t=1个\t30\t30\t\n"
        "\t满意度指标\t服务对象满意度指标\t满意度\t>=90%\t=95%\t10\t10\t\n"
        "\t总分\t\t\t\t\t100\t99\t\n"
    )
    t = _parse(tmp_path, body)
    assert _rows(t)[1] == ("其他指标", "数量指标", "乙数")


def test_a_goal_text_mentioning_project_funds_stays_a_goal(tmp_path: Path) -> None:
    table = make_table(goal_actual="项目资金已全部用于培训，全年组织业务培训10场，培训210人。")
    path = write_tables(tmp_path / "t.txt", table)
    report = parse_file(path)
    assert report.leftovers == []
    t = report.tables[0]
    assert t.goal_actual.startswith("项目资金已全部用于培训") and t.amount_unit == "元"


def test_a_stray_line_in_the_funds_block_is_reported_not_glued_into_the_goal(
    tmp_path: Path,
) -> None:
    from tests.builders import make_table, write_tables

    path = write_tables(tmp_path / "t.txt", make_table())
    text = path.read_text(encoding="utf-8")
    at = text.index("年度总体目标")
    path.write_text(text[:at] + "\t扫描件第2页 ###\n" + text[at:], encoding="utf-8")
    report = parse_file(path)
    (table,) = report.tables
    assert "扫描件" not in table.goal_expected + table.goal_actual
    assert [lo.text for lo in report.leftovers] == ["扫描件第2页###"]
