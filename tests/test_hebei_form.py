"""The Hebei four-section form (预算项目绩效自评表) as a web page's pipe copy with no pipe before
each row's first cell: its 预算执行率 row, printed across the label columns, read as a row and
scored as the form scores it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.ingest.layouts import spaced_rows
from reviewer.pipeline import review

EXECUTION = "| 预算执行率 | 预算执行率 | 预算执行率 | 执行数占预算数的比例 |"


def _hebei(tmp_path: Path, rate_row: str, executed: str, progress: str) -> Path:
    lines = [
        "某县残疾人联合会2019年度预算项目绩效自评表 |",
        "一、基本情况 | 项目名称: | 困难残疾人生活补贴 | 是否为专项资金: | 是 | 实施(主管)单位 | "
        "某县残疾人联合会 | 金额单位: | 万元 |",
        "二、预算执行情况 | 预算安排情况(调整后) |  | 资金到位情况 |  | 资金执行情况 |  | "
        "预算执行进度(%) |",
        f" | 预算数 | 400.00 | 到位数 | 400.00 | 执行数 | {executed} | {progress} |",
        "三、目标完成情况 | 年度预期目标 |  |  | 具体完成情况 |  |  | 总体完成率(%) |",
        " | 保障困难残疾人2300人以上的基本生活。 |  |  | 全年惠及困难残疾人2351人。 |  |  | 100.00 |",
        "四、年度绩效指标完成情况 | 一级指标 | 二级指标 | 三级指标 | 指标解释 | 预期指标值 |  |  | "
        "单项指标实际完成值 | 单项指标完成情况 | 自评得分 |  |  |",
        " |  |  |  |  | 符号 | 指标值 | 单位(文字描述) |  |  | 单项指标得分 | 权重占比(%) | "
        "单项指标折算得分 |",
        " | 产出指标 | 数量指标 | 补贴发放人数 | 全年享受补贴的人数 | >= | 2300 | 人 | 2351人 | 完成 "
        "| 100 | 40 | 40.00 |",
        " | 效果指标 | 社会效益指标 | 补贴政策知晓率 | 抽样调查知晓比例 | >= | 85 | %(百分比) | 91.3% "
        "| 完成 | 100 | 30 | 30.00 |",
        " | 满意度指标 | 服务对象满意度指标 | 受助残疾人满意度 | 抽样调查满意程度 | >= | 90 | %(百分比) "
        "| 96% | 完成 | 100 | 20 | 20.00 |",
        " " + EXECUTION + " " + rate_row,
        "合计 |  |  |  |  |  |  |  |  |  |  | 100 | 100.00 |",
    ]
    path = tmp_path / "hebei.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_execution_row_across_the_label_columns_is_one_row(tmp_path: Path) -> None:
    path = _hebei(
        tmp_path, "= | 100 | %(百分比) | 100.00% | 完成 | 100 | 10 | 10.00 |", "400.00", "100"
    )
    result = review(path)
    (t,) = result.report.tables
    *_, last = t.indicators
    assert [i.name for i in t.indicators] == [
        "补贴发放人数",
        "补贴政策知晓率",
        "受助残疾人满意度",
        "预算执行率",
    ]
    assert (last.target, last.actual, last.weight, last.score) == (
        "=100%(百分比)",
        "100.00%",
        10.0,
        10.0,
    )
    # every row sits under its own column: no 一级 read as a 二级, no name taken for a label
    assert [i.l2 for i in t.indicators[:3]] == ["数量指标", "社会效益指标", "服务对象满意度指标"]
    assert not [f for f in result.findings if f.severity.value == "error"]


@pytest.mark.parametrize(
    ("row", "executed", "progress", "code", "fires"),
    [
        # a target of 100%: the row scores the rate × its weight (9.70 of 10 at 97%)
        (
            "= | 100 | %(百分比) | 97.00% | 未完成 | 97 | 10 | 9.70 |",
            "388.00",
            "97.00",
            "B103",
            False,
        ),
        (
            "= | 100 | %(百分比) | 97.00% | 未完成 | 97 | 10 | 10.00 |",
            "388.00",
            "97.00",
            "B103",
            True,
        ),
        # a target below 100% reached: the row's full weight, as the form's other rows
        (
            ">= | 95 | %(百分比) | 97.00% | 完成 | 100 | 10 | 10.00 |",
            "388.00",
            "97.00",
            "B103",
            False,
        ),
        # a target below 100% reached and the row scored as its rate (97.49% of 10): the form's
        # way with this row, no deduction to question (S103)
        (
            ">= | 90 | %(百分比) | 97.49% | 完成 | 97.49 | 10 | 9.75 |",
            "389.96",
            "97.49",
            "S103",
            False,
        ),
        # … and not reached: a full score is the rows' rule broken (S102), not B103's
        (
            ">= | 95 | %(百分比) | 90.00% | 未完成 | 100 | 10 | 10.00 |",
            "360.00",
            "90.00",
            "S102",
            True,
        ),
    ],
)
def test_the_execution_row_is_scored_as_its_target_says(
    tmp_path: Path, row: str, executed: str, progress: str, code: str, fires: bool
) -> None:
    result = review(_hebei(tmp_path, row, executed, progress))
    assert (code in {f.code for f in result.findings}) is fires


def test_the_execution_row_with_no_target_printed_is_still_one_row(tmp_path: Path) -> None:
    # jw05: 符号 | 值 | 单位 left empty on the row (a Word table's merged label cells repeat
    # 预算执行率 in each): the rate is its actual, the label cells no part of its name
    row = " |  |  | 95.00% | 部分完成 | 95 | 10 | 9.50 |"
    (t,) = review(_hebei(tmp_path, row, "380.00", "95.00")).report.tables
    last = t.indicators[-1]
    assert (last.name, last.target, last.actual, last.weight, last.score) == (
        "预算执行率",
        "",
        "95.00%",
        10.0,
        9.5,
    )


_SPACED = [  # an OCR engine's text of section 四: its header over two lines, runs of spaces
    "四、年度绩效指标完成情况",
    " 一级指标  二级指标    三级指标      指标分值        预期指标值     单项指标实际  单项指标    自评得分",
    "                                  符号  值    单位(文字描述)  完成值  完成情况  单项指标得分  "
    "权重占比(%)  单项指标折算得分",
    "产出指标  数量指标   维修供水工程数量  年度完成维修的工程处数  >=  42  处  42处  完成      100.00"
    "      50.00       50.00",
    " 产出指标  质量指标    水质检测合格率    抽检达标水样的比例  >=  95  %(百分比)  86%  未完成  "
    "90.53   40.00   40.00",
    "  预算执行率  预算执行率  预算执行率      执行数占预算数的比例  >=  90  %(百分比)  97.49%     完成"
    "        97.49       10.00       9.75",
    " 总分                                                                    100.00        99.75",
]


def test_section_four_as_ocr_text_with_its_header_over_two_lines(tmp_path: Path) -> None:
    # mn03: the lower labels (符号 | 值 | 单位 …) stand under the last columns the rows fill
    path = tmp_path / "ocr.txt"
    head = [
        "预算项目绩效自评表",
        "项目名称        农村饮水工程维修    实施(主管)单位    某县水务局",
    ]
    path.write_text("\n".join([*head, *_SPACED]) + "\n", encoding="utf-8")
    result = review(path)
    (t,) = result.report.tables
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in t.indicators] == [
        ("维修供水工程数量", ">=42处", "42处", 50, 50),
        ("水质检测合格率", ">=95%(百分比)", "86%", 40, 40),
        ("预算执行率", ">=90%(百分比)", "97.49%", 10, 9.75),
    ]
    assert (t.total_weight, t.total_score) == (100, 99.75)
    assert ("S102", "水质检测合格率") in {(f.code, f.indicator) for f in result.findings}


def test_each_of_the_targets_columns_named_in_full(tmp_path: Path) -> None:
    # mp06: 预期指标值(符号) | 预期指标值 | 单位(文字描述) on one header row; mo02: 资金总额
    # the funds' total row
    rows = [
        ["二、项目资金情况（万元）", "资金来源", "预算数", "到位数", "执行数", "预算执行进度"],
        ["", "资金总额", "201.00", "201.00", "200.88", "99.94"],
        ["四、绩效指标完成情况", "一级指标", "二级指标", "三级指标", "指标分值", "预期指标值(符号)",
         "预期指标值", "单位(文字描述)", "单项指标实际完成值", "单项指标完成情况", "单项指标得分",
         "权重占比(%)", "单项指标折算得分"],
        ["", "产出指标", "数量指标", "补贴发放人数", "享受补贴的人数", ">=", "1860", "人(人)",
         "1860人", "完成", "100.00", "60", "60.00"],
        ["", "满意度指标", "服务对象满意度指标", "受益对象满意度", "抽样调查满意比例", ">=", "90",
         "%(百分比)", "95%", "完成", "100.00", "40", "40.00"],
        ["合计", "", "", "", "", "", "", "", "", "", "", "100", "100.00"],
    ]  # fmt: skip
    path = tmp_path / "tabs.txt"
    text = "某县民政局2025年度预算项目绩效自评表\n一、基本情况\t项目名称:\t困难残疾人生活补贴\n"
    path.write_text(text + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    (t,) = review(path).report.tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed) == (201, 200.88)
    assert [(i.name, i.target, i.actual) for i in t.indicators] == [
        ("补贴发放人数", ">=1860人(人)", "1860人"),
        ("受益对象满意度", ">=90%(百分比)", "95%"),
    ]


def test_the_execution_row_printed_twice_before_its_definition(tmp_path: Path) -> None:
    # mv03: 预算执行率 | 预算执行率 | 定义 | = | 100 | … (its empty 二级 dropped with the
    # spaces between cells): its second copy is its name, the cells after it its own
    lines = [line for line in _SPACED if not line.startswith(" 总分")]
    lines[-1] = (
        "预算执行率   预算执行率   执行数占预算数的比例   =   100   %(百分比)   98.72%   未完成"
        "   98.72   10.00   9.87"
    )
    path = tmp_path / "ocr.txt"
    head = [
        "预算项目绩效自评表",
        "项目名称        农村饮水工程维修    实施(主管)单位    某县水务局",
    ]
    path.write_text("\n".join([*head, *lines]) + "\n", encoding="utf-8")
    (t,) = review(path).report.tables
    last = t.indicators[-1]
    assert (last.name, last.target, last.actual, last.weight, last.score) == (
        "预算执行率",
        "=100%(百分比)",
        "98.72%",
        10,
        9.87,
    )


_GROUPED_HEADER = [
    "一级指标   二级指标     三级指标          指标分值                预期指标值        "
    "单项指标实际完成值  单项指标完成情况     自评得分",
    "                                                           符号    值    单位          "
    "                         单项指标得分  权重占比(%)  单项指标折算得分",
]
_GROUPED_ROWS = [
    "产出指标   数量指标     管护农田面积      当年完成管护的面积      >=      3.2   万亩       "
    "3.25万亩           完成          100.00        60           60.00",
    "           质量指标     设施完好率        期末设施完好比例         >=     95    %          "
    "96.8%              完成          100.00        30           30.00",
    "满意度指标 服务对象满意度指标 农户满意度   抽样调查满意比例         >=      90    %          "
    "93.5%              完成          100.00        10           10.00",
    "总分                                                                                    "
    "                                               100          100.00",
]


@pytest.mark.parametrize("lower_lines", [1, 2])
def test_the_lower_labels_go_under_the_group_labels_above_them(
    tmp_path: Path, lower_lines: int
) -> None:
    # nh01, nh04: 符号 | 值 | 单位 under 预期指标值, the three scores under 自评得分, read a line
    # at a time in runs of spaces (the lower row over one line, or two)
    header = list(_GROUPED_HEADER)
    if lower_lines == 2:
        lower = header[1]
        cut = lower.index("单项指标得分")
        header[1:] = [lower[:cut].rstrip(), " " * cut + lower[cut:]]
    head = ["某县农业农村局2022年度预算项目绩效自评表", "项目名称:   农田管护经费"]
    path = tmp_path / "ocr.txt"
    path.write_text("\n".join([*head, *header, *_GROUPED_ROWS]) + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    assert t.doubts == []
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in t.indicators] == [
        ("管护农田面积", ">=3.2万亩", "3.25万亩", 60, 60),
        ("设施完好率", ">=95%", "96.8%", 30, 30),
        ("农户满意度", ">=90%", "93.5%", 10, 10),
    ]


def test_upper_labels_wrapped_onto_the_lower_line_among_the_groups_parts() -> None:
    # nw02: 单项指标 | 单项指标 over 实际完成值 | 完成情况 (the labels' ends on the lower line,
    # between the groups' parts, 单位（文字描述） one space from 实际完成值), read a line at a
    # time: each end under its label, each part under its group, the columns as the rows'
    lines = [
        "一级指标  二级指标  三级指标  指标分值  预期指标值  单项指标  单项指标  自评得分",
        "                    符号  值  单位（文字描述） 实际完成值  完成情况  单项指标得分  "
        "权重占比（%）  单项指标折算得分",
        "产出指标  数量指标  维修养护工程数量  完成维修养护处数  >=  12  处  12处  完成  100  15  15.00",
        "          质量指标  工程验收合格率  验收合格工程占比  >=  95  %  100%  完成  100  85  85.00",
    ]
    upper, lower, first, _ = list(spaced_rows(lines))
    columns = {c.text: c.column for c in [*upper.cells, *lower.cells]}
    assert [columns[t] for t in ("预期指标值", "符号", "值", "单位（文字描述）")] == [5, 5, 6, 7]
    assert [columns[t] for t in ("实际完成值", "完成情况", "权重占比（%）")] == [8, 9, 11]
    assert [c.column for c in first.cells if c.text in ("12处", "完成", "15")] == [8, 9, 11]


def test_the_national_forms_words_for_the_funds_source(tmp_path: Path) -> None:
    # oc06: 其中:财政拨款 under 年度资金总额 (the Hebei form prints 其中:财政资金): its source
    # row, not a row of nothing (a false F101, the sources summing to 0)
    rows = [
        ["二、预算执行情况（万元）"],
        ["", "预算数", "到位数", "执行数", "预算执行进度"],
        ["年度资金总额", "640.00", "640.00", "627.36", "98.03%"],
        ["其中:财政拨款", "640.00", "640.00", "627.36", "98.03%"],
        ["其他资金", "0.00", "0.00", "0.00", "—"],
        ["四、年度绩效指标完成情况"],
        ["一级指标", "二级指标", "三级指标", "指标分值", "预期指标值", "", "",
         "单项指标实际完成值", "单项指标完成情况", "自评得分"],
        ["", "", "", "", "符号", "值", "单位(文字描述)", "", "", "单项指标得分", "权重占比(%)",
         "单项指标折算得分"],
        ["产出指标", "数量指标", "扶持幼儿园数", "扶持的幼儿园所数", ">=", "18", "所", "18所",
         "完成", "100.00", "100", "100.00"],
    ]  # fmt: skip
    path = tmp_path / "tabs.txt"
    text = "某县教育局2018年度预算项目绩效自评表\n"
    path.write_text(text + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    result = review(path)
    source = result.report.tables[0].funds.current_year_appropriation
    assert (source.full_year_budget, source.executed) == (640.0, 627.36)
    assert "F101" not in {f.code for f in result.findings}


def test_the_national_forms_words_for_the_funds_total(tmp_path: Path) -> None:
    # nj05: 年度资金总额 in a Hebei form's funds block
    rows = [
        ["二、预算执行情况（万元）"],
        ["", "预算数", "到位数", "执行数", "预算执行进度"],
        ["年度资金总额", "52.80", "52.80", "52.00", "98.48%"],
        ["其中:财政资金", "52.80", "52.80", "52.00", "98.48%"],
        ["四、年度绩效指标完成情况"],
        ["一级指标", "二级指标", "三级指标", "指标分值", "预期指标值", "", "",
         "单项指标实际完成值", "单项指标完成情况", "自评得分"],
        ["", "", "", "", "符号", "值", "单位(文字描述)", "", "", "单项指标得分", "权重占比(%)",
         "单项指标折算得分"],
        ["产出指标", "数量指标", "补充出版物", "补充更新的册数", ">=", "2.64", "万册", "2.64万册",
         "完成", "100.00", "100", "100.00"],
    ]  # fmt: skip
    path = tmp_path / "tabs.txt"
    text = "某县文化广电和旅游局2022年度预算项目绩效自评表\n"
    path.write_text(text + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    report = parse_file(path)
    (t,) = report.tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed) == (52.8, 52.0)
