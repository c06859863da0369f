"""Variants of the families that documents written independently of the tool showed, and that
it misread: each small table here prints one of them, and the test names what must be read.

A misread there was a confident wrong finding (a rate taken from the 分值 column, a unit taken
for the actual, an 二级 row moved to another 一级), so each test also says which finding must
not be made.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.config import Config
from reviewer.errors import InputError
from reviewer.forms.vocabulary import lookup_slipped
from reviewer.ingest.rebuild.cells import look
from reviewer.model import Finding
from reviewer.pipeline import review


def _write(tmp_path: Path, rows: list[list[str]], name: str = "form.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def _findings(path: Path) -> list[Finding]:
    return [f for f in review(path, config=Config()).findings if f.table_index is not None]


# -- a web page: the funds block's row labels span two columns, its header label one ----------

_PAGE = """<html><head><meta charset="utf-8"></head><body><table>
<tr><td colspan=9>项目支出绩效自评表</td></tr>
<tr><td>项目名称</td><td colspan=8>送戏下乡</td></tr>
<tr><td rowspan=3>项目资金(万元)</td><td colspan=2>&nbsp;</td><td>年初预算数</td><td>全年预算数</td>
<td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td><td>复核分</td></tr>
<tr><td colspan=2>年度资金总额</td><td>38.60</td><td>38.60</td><td>37.92</td><td>10</td>
<td>98.24%</td><td>9.82</td><td>9.82</td></tr>
<tr><td colspan=2>其中:当年财政拨款</td><td>32.60</td><td>32.60</td><td>31.92</td><td>—</td>
<td>—</td><td>—</td><td>—</td></tr>
</table></body></html>
"""


def test_funds_columns_of_a_web_page_are_the_grids_own(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(_PAGE, encoding="utf-8")
    (t,) = parse_file(path).tables
    total, own = t.funds.annual_total, t.funds.current_year_appropriation
    assert (total.initial_budget, total.full_year_budget, total.executed) == (38.6, 38.6, 37.92)
    assert (total.weight, total.rate_pct, total.score) == (10.0, 98.24, 9.82)
    # the rows below the total leave the other columns blank: the total's columns hold for them
    assert (own.initial_budget, own.full_year_budget, own.executed) == (32.6, 32.6, 31.92)
    assert own.weight is None
    assert total.cells["review_score"].text == "9.82"  # the bureau's 复核分, kept as printed
    assert "B101" not in {f.code for f in _findings(path)}


# -- the 2020 form's 二级 成本指标 sits under 产出指标 ---------------------------------------

_HEADER = [
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
]
# The 20/80 form's indicator columns after its block label (no 分值 column).
_TWENTY_EIGHTY = ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"]
_COST_UNDER_OUTPUT = [
    ["项目支出绩效自评表"],
    ["项目名称", "某项目"],
    _HEADER,
    ["", "产出指标", "数量指标", "演出场次", "≥120场", "126场", "20", "20", ""],
    ["", "", "质量指标", "合格率", "100%", "100%", "20", "20", ""],
    ["", "", "成本指标", "每场补助标准", "≤200元/场", "200元/场", "20", "20", ""],
    ["", "效益指标", "社会效益指标", "参与人次", "≥15万人次", "15万人次", "20", "20", ""],
    ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "96%", "10", "10", ""],
]


def test_cost_row_of_the_2020_form_stays_under_output(tmp_path: Path) -> None:
    # 60/20/10 split: the default-split evidence (50/30) must not move the 成本 row to 效益
    (t,) = parse_file(_write(tmp_path, _COST_UNDER_OUTPUT)).tables
    cost = next(i for i in t.indicators if i.l2 == "成本指标")
    assert cost.l1 == "产出指标"


# -- rates printed as fractions ---------------------------------------------------------------


def _with_rate(rate: str, label: str = "执行率") -> list[list[str]]:
    return [
        ["项目支出绩效自评表"],
        ["项目名称", "某项目"],
        ["项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", label, "得分"],
        ["", "年度资金总额", "186.00", "186.00", "183.43", "10", rate, "9.86"],
    ]


def test_a_rate_printed_as_a_fraction_is_read_in_per_cent(tmp_path: Path) -> None:
    path = _write(tmp_path, _with_rate("0.9862"))
    (t,) = parse_file(path).tables
    assert t.funds.annual_total.rate_pct == 98.62
    codes = {f.code for f in _findings(path)}
    assert "B101" not in codes  # right, and no one takes 0.9862 for an amount: no note either


def test_a_wrong_fraction_is_quoted_as_printed(tmp_path: Path) -> None:
    (b101,) = [f for f in _findings(_write(tmp_path, _with_rate("0.9586"))) if f.code == "B101"]
    assert "0.9586（即95.86%）" in b101.message and "98.62%" in b101.message


def test_a_small_rate_under_a_per_cent_label_stays_as_printed(tmp_path: Path) -> None:
    (t,) = parse_file(_write(tmp_path, _with_rate("0.99", "执行率(%)"))).tables
    assert t.funds.annual_total.rate_pct == 0.99


# -- measure words are units -------------------------------------------------------------------


def test_measure_words_are_units() -> None:
    for unit in (
        "轮",
        "班",
        "趟",
        "盏",
        "栋",
        "宗",
        "例",
        "枚",
        "箱",
        "斤",
        "顷",
        "届",
        "站",
        "名",
    ):
        assert look(unit).unit, unit


# -- the Hebei form: 值 printed under 预期指标值, and its 预算执行率 row ------------------------

_HEBEI = [
    ["某县农业农村局2024年度预算项目绩效自评表"],
    ["一、基本情况", "项目名称:", "动物防疫补助", "实施(主管)单位", "某县农业农村局"],
    ["二、预算执行情况", "预算安排情况(调整后)", "资金到位情况", "资金执行情况", "预算执行进度(%)"],
    ["", "预算数", "86.50", "到位数", "86.50", "执行数", "79.38", "91.77"],
    [
        "四、年度绩效指标完成情况",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标分值",
        "预期指标值",
        "",
        "",
        "单项指标实际完成值",
        "单项指标完成情况",
        "自评得分",
    ],
    [
        "",
        "",
        "",
        "",
        "",
        "符号",
        "值",
        "单位(文字描述)",
        "",
        "",
        "单项指标得分",
        "权重占比(%)",
        "单项指标折算得分",
    ],
    [
        "",
        "产出指标",
        "数量指标",
        "免疫数量",
        "完成免疫的数量",
        ">=",
        "120",
        "万头(只)",
        "126.4万头(只)",
        "完成",
        "100.00",
        "90.00",
        "90.00",
    ],
    [
        "",
        "预算执行率",
        "",
        "预算执行率",
        "预算执行数占预算数的比例",
        "=",
        "100",
        "%(百分比)",
        "91.77%",
        "基本完成",
        "91.77",
        "10.00",
        "9.18",
    ],
]


def test_hebei_value_column_labelled_in_the_lower_header_row(tmp_path: Path) -> None:
    path = _write(tmp_path, _HEBEI)
    (t,) = parse_file(path).tables
    first = t.indicators[0]
    assert (first.name, first.target, first.actual) == (
        "免疫数量",
        ">=120万头(只)",
        "126.4万头(只)",
    )
    assert (first.weight, first.score) == (90.0, 90.0)
    # 预算执行率 is a row of its own on this form: no 二级, and not an irregular 一级; its
    # 9.18 is 10 × 91.77%
    assert not {"P104", "B103"} & {f.code for f in _findings(path)}


def test_hebei_funds_by_source_under_their_total(tmp_path: Path) -> None:
    # (二)项目资金情况: 资金来源 | 年初预算数 | 调整后预算数 | 到位数 | 执行数 | 预算执行进度(%)
    rows = [
        _HEBEI[0],
        _HEBEI[1],
        ["(二)项目资金情况"],
        ["资金来源", "年初预算数", "调整后预算数", "到位数", "执行数", "预算执行进度(%)"],
        ["合计", "86.50", "86.50", "86.50", "79.38", "91.77"],
        ["其中:财政资金", "86.50", "86.50", "86.50", "79.38", ""],
        ["其他资金", "0.00", "0.00", "0.00", "0.00", ""],
        *_HEBEI[4:],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    total = t.funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed) == (86.5, 86.5, 79.38)
    assert t.funds.other.executed == 0
    assert [lo.text for lo in report.leftovers] == ["(二)项目资金情况"]


def test_hebei_scores_under_their_short_labels(tmp_path: Path) -> None:
    # 单项得分 | 权重(%) | 折算得分: the 得分 is the 折算得分, the 分值 the 权重
    rows = [r[:] for r in _HEBEI]
    rows[5][-3:] = ["单项得分", "权重(%)", "折算得分"]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert [(i.name, i.weight, i.score) for i in t.indicators] == [
        ("免疫数量", 90.0, 90.0),
        ("预算执行率", 10.0, 9.18),
    ]
    assert (t.labels["weight"], t.labels["score"]) == ("权重(%)", "折算得分")


def test_hebei_execution_row_scored_above_its_rate(tmp_path: Path) -> None:
    rows = [r[:] for r in _HEBEI]
    rows[-1][-1] = "9.77"  # 10 × 97.71%, a rate the amounts (79.38 / 86.50) do not give
    (b103,) = [f for f in _findings(_write(tmp_path, rows)) if f.code == "B103"]
    assert "「预算执行率」" in b103.message and "9.18" in b103.message


# -- qualitative targets that ask for less, or for none -----------------------------------------


def _qualitative(target: str, actual: str, score: str) -> list[list[str]]:
    return [
        ["项目支出绩效自评表"],
        ["项目名称", "某项目"],
        _HEADER,
        ["", "效益指标", "社会效益指标", "群众出行时间成本", target, actual, "10", score, ""],
    ]


def test_an_actual_that_restates_a_target_asking_for_less_is_met(tmp_path: Path) -> None:
    for target, actual in (("有效降低", "有效降低"), ("无重大安全事故", "无重大安全事故")):
        path = _write(tmp_path, _qualitative(target, actual, "10"), f"{target}.txt")
        codes = {f.code for f in _findings(path)}
        assert not codes & {"S106", "E101"}, (target, codes)


def test_a_decrease_where_the_target_asks_for_more_is_not_met(tmp_path: Path) -> None:
    codes = {f.code for f in _findings(_write(tmp_path, _qualitative("有效提升", "下降", "10")))}
    assert "S106" in codes


# -- the 部门整体 form's two breakdowns printed side by side ------------------------------------

_DEPARTMENT = [
    ["部门整体支出绩效自评表"],
    ["部门(单位)名称", "某县自然资源局"],
    [
        "年度预算执行情况(万元)",
        "",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
    ],
    ["", "年度资金总额", "2,316.80", "2,351.45", "2,291.63", "10", "97.46%", "9.75"],
    [
        "",
        "按收入性质分",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "按支出性质分",
        "年初预算数",
        "全年预算数",
        "全年执行数",
    ],
    [
        "",
        "其中:财政拨款",
        "2,146.80",
        "2,181.45",
        "2,121.63",
        "其中:基本支出",
        "1,204.36",
        "1,215.90",
        "1,215.90",
    ],
    ["", "其他资金", "170.00", "170.00", "170.00", "项目支出", "1,112.44", "1,135.55", "1,055.73"],
]


def test_department_breakdowns_side_by_side_are_read_each_under_its_columns(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, _DEPARTMENT)
    (t,) = parse_file(path).tables
    funds = t.funds
    own = funds.current_year_appropriation
    assert (own.initial_budget, own.full_year_budget, own.executed) == (2146.8, 2181.45, 2121.63)
    assert funds.other.executed == 170.0 and funds.other.weight is None
    basic, project = funds.extra["其中:基本支出"], funds.extra["项目支出"]
    assert (basic.kind, basic.executed, project.executed) == ("by_expense", 1215.9, 1055.73)
    # 基本支出 + 项目支出 executed: 2,271.63 against 2,291.63; the other columns add up
    (f101,) = [f for f in _findings(path) if f.code == "F101"]
    assert "全年执行数" in f101.message and "2,271.63" in f101.message
    assert "全年预算数" not in f101.message and "年初预算数" not in f101.message


def test_department_sources_by_income_add_up_with_their_other_funds(tmp_path: Path) -> None:
    # 按收入性质分 over 一般公共预算拨款 | 政府性基金拨款 | 其他资金: the three are the sources (only
    # 其他资金 had been counted: a false F101 on a table whose funds add up)
    rows = [
        ["部门整体支出绩效自评表"],
        ["部门（单位）名称", "某县自然资源局"],
        [
            "年度预算执行情况（万元）",
            "",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
        ["", "年度资金总额", "2,186.50", "3,045.80", "2,871.36", "10", "94.27%", "9.43"],
        ["", "按收入性质分"],
        ["", "一般公共预算拨款", "1,986.50", "2,315.60", "2,168.92"],
        ["", "政府性基金拨款", "200.00", "690.20", "662.44"],
        ["", "其他资金", "0", "40.00", "40.00"],
        ["", "按支出性质分"],
        ["", "基本支出", "1,102.30", "1,125.40", "1,118.75"],
        ["", "项目支出", "1,084.20", "1,920.40", "1,752.61"],
    ]
    assert "F101" not in {f.code for f in _findings(_write(tmp_path, rows))}
    rows[7] = ["", "其他资金", "0", "40.00", "30.00"]  # executed: 2,861.36 against 2,871.36
    (f101,) = [f for f in _findings(_write(tmp_path, rows, "off.txt")) if f.code == "F101"]
    assert "2,861.36" in f101.message


# -- a transfer payment's funds by level, and a form that prints no score ------------------------

_TRANSFER = [
    ["2023年度转移支付区域绩效目标自评表"],
    ["转移支付(项目)名称", "高标准农田建设"],
    ["中央主管部门", "农业农村部", "", "地方主管部门", "某县农业农村局"],
    ["资金情况(万元)", "", "全年预算数", "全年执行数", "执行率"],
    ["", "年度资金总额", "3,420.82", "2,516.94", "73.58%"],
    ["", "其中:中央补助", "2,400.00", "1,812.36", "75.52%"],
    ["", "省级资金", "400.00", "260.00", "65.00%"],
    ["", "市县资金", "620.82", "404.58", "65.17%"],
    [*_HEADER[:6], _HEADER[8]],  # no 分值 or 得分
    ["", "产出指标", "数量指标", "新建高标准农田面积", "3.2万亩", "3.2万亩", ""],
]


def test_transfer_funds_by_level_must_add_up_to_the_total(tmp_path: Path) -> None:
    path = _write(tmp_path, _TRANSFER)
    report = parse_file(path)
    assert report.leftovers == [], [lo.text for lo in report.leftovers]
    (t,) = report.tables
    assert t.fields["地方主管部门"] == "某县农业农村局"
    assert {r.kind for r in t.funds.extra.values()} == {"central_funds", "local_funds"}
    found = {f.code: f for f in _findings(path)}
    assert "2,476.94" in found["F101"].message  # 1,812.36 + 260.00 + 404.58
    # no 分值, 得分 or 总分 at all: said once, as a remark, not as a missing total row
    assert found["P102"].severity.value == "info" and "未自评打分" in found["P102"].message


# -- a page number printed between two indicator rows ---------------------------------------------


@pytest.mark.parametrize("marker", ["- 1 -", "第 2 页 共 5 页", "— 第1页 —", "—— 第2页 ——"])
def test_a_page_number_line_is_a_page_break_not_part_of_a_row(tmp_path: Path, marker: str) -> None:
    rows = [
        *_COST_UNDER_OUTPUT[:4],
        ["", "", "质量指标", "随访率", "≥95%", "96.9%", "20", "20", ""],
        [],
        [marker],
        ["", "", "", "符合率", "≥90%", "92%", "20", "20", ""],
        *_COST_UNDER_OUTPUT[6:],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert [i.name for i in t.indicators][1:3] == ["随访率", "符合率"]
    assert report.leftovers == []  # the number is used, as a page break
    assert report.accounting.consumed_lines == report.accounting.nonempty_lines


# -- pipes with empty cells dropped and a header wrapped over two lines ---------------------------

_TWENTY_EIGHTY_PIPES = """2023年度项目支出绩效自评表
| 项目名称 | 农作物病虫害统防统治 |
| 预算执行情况(万元) | 预算数 | 执行数 | 执行率 | 得分 |
| (20分) | (A) | (B) | (B/A) | (20分*执行率) |
| 年度财政资金总额 | 85.00 | 66.12 | 77.79% | 15.56 |
| 年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 年初目标值 | 实际完成值 | 得分 |
| (80分) | (A) | (B) |
| 产出指标(40分) | 数量指标(20分) | 作业面积 | ≥3.5万亩 | 3.62万亩 | 10 |
| 监测点数量 | 12个 | 12个 | 10 |
| 质量指标(20分) | 危害损失率 | ≤5% | 3.8% | 20 |
| 效益指标(30分) | 社会效益指标(30分) | 防控效果 | 有效控制 | 有效控制 | 30 |
| 满意度指标(10分) | 服务对象满意度指标(10分) | 种植户满意度 | ≥90% |
| 总分 | 95.56 |
"""


def test_notes_under_a_wrapped_header_join_their_labels(tmp_path: Path) -> None:
    path = tmp_path / "pipes.txt"
    path.write_text(_TWENTY_EIGHTY_PIPES, encoding="utf-8")
    (t,) = parse_file(path).tables
    assert t.family == "20-80"
    assert [(i.name, i.target, i.actual, i.score) for i in t.indicators[:2]] == [
        ("作业面积", "≥3.5万亩", "3.62万亩", 10.0),
        ("监测点数量", "12个", "12个", 10.0),
    ]
    # the last row was never scored; the 总分 row after it shows the table is whole
    last = t.indicators[-1]
    assert (last.name, last.actual, last.score, last.partial) == ("种植户满意度", "", None, False)
    assert t.complete
    found = {f.code: f for f in _findings(path)}
    assert "85.56" in found["T101"].message  # 15.56 + 70, not the printed 95.56
    assert found["P107"].indicator == "种植户满意度"  # one row of six not evaluated


# -- dates with their year ----------------------------------------------------------------------


def test_a_deadline_missed_by_a_month_of_the_same_year_is_missed(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows[5] = ["", "", "时效指标", "完成时间", "2021年11月底前", "2021年12月", "20", "20", ""]
    found = {f.code for f in _findings(_write(tmp_path, rows))}
    assert {"S102", "E101"} <= found  # full score and no word on the month's delay
    rows[5][5] = "2021年11月"
    assert not {"S102", "E101"} & {f.code for f in _findings(_write(tmp_path, rows, "met.txt"))}


# -- the indicator header printed again at the top of the next page -----------------------------


def test_a_repeated_header_is_not_a_row_and_the_name_it_broke_is_joined(tmp_path: Path) -> None:
    header = _COST_UNDER_OUTPUT[2]
    rows = [
        *_COST_UNDER_OUTPUT[:4],
        ["", "", "时效指标", "春秋两季集中免"],
        [],
        header,
        ["", "", "", "疫工作完成时限", "2022年11月底前", "2022年11月", "20", "20", ""],
        *_COST_UNDER_OUTPUT[5:],
    ]
    path = _write(tmp_path, rows)
    report = parse_file(path)
    (t,) = report.tables
    assert [i.name for i in t.indicators][:2] == ["演出场次", "春秋两季集中免疫工作完成时限"]
    assert t.indicators[1].l1 == "产出指标" and t.indicators[1].l2 == "时效指标"
    assert report.leftovers == []
    assert "P104" not in {f.code for f in _findings(path)}


def test_rows_that_keep_the_header_s_missing_leading_cell_are_read_one_place_right(
    tmp_path: Path,
) -> None:
    # The header printed without the merged 绩效指标 cell, which holds its place in the rows
    # (empty after the first): a 二级 label then stands under 三级指标, and a row whose actual is
    # a plain figure (0.62) read by the header's places took the label for its name.
    rows = [
        *_COST_UNDER_OUTPUT[:2],
        _HEADER[1:],
        ["绩效指标", "产出指标", "数量指标", "演出场次", "≥120场", "126场", "20", "20"],
        ["", "", "质量指标", "演出合格率", "100%", "100%", "20", "20"],
        ["", "", "", "节目验收通过率", "≥95%", "96.5%", "20", "20"],
        ["", "效益指标", "社会效益指标", "参与人次", "≥15万人次", "15万人次", "10", "10"],
        ["", "", "生态效益指标", "舞台灯光节能系数", "≥0.6", "0.62", "10", "10"],
        ["", "", "", "废弃道具回收率", "≥90%", "92%", "10", "10"],
        ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "96%", "10", "10"],
        ["总分", "", "", "", "", "100", "100"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    eco = next(i for i in t.indicators if i.l2 == "生态效益指标")
    assert (eco.name, eco.target, eco.actual, eco.weight, eco.score) == (
        "舞台灯光节能系数",
        "≥0.6",
        "0.62",
        10.0,
        10.0,
    )
    assert len(t.indicators) == 7 and (t.total_weight, t.total_score) == (100.0, 100.0)


def test_a_sign_off_at_a_page_s_foot_does_not_end_the_table(tmp_path: Path) -> None:
    # Each page printed with the form's sign-off at its foot and the unit and page number at
    # its head: the sign-off over rows that go on, on the next page, with no new table is the
    # page's footer, and the head (第2页/共2页 against 第1页/共2页) the page's running head.
    sign_off = ["填报人：张某", "联系电话：0578-5100000", "填报日期：2022年3月"]
    head = ["单位名称：某县文旅局", "第{}页/共2页"]
    rows = [
        [head[0], head[1].format(1)],
        *_COST_UNDER_OUTPUT[:5],
        sign_off,
        ["\f" + head[0], head[1].format(2)],
        *_COST_UNDER_OUTPUT[5:],
        ["总分", "", "", "", "", "", "100", "100"],
        ["审核人：李某", "单位负责人：王某"],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert [i.name for i in t.indicators] == [
        "演出场次",
        "合格率",
        "每场补助标准",
        "参与人次",
        "群众满意度",
    ]
    assert t.total_score == 100
    # neither the footer nor the head is left over as content not read
    assert not any("第2页" in lo.text or lo.location.line == 7 for lo in report.leftovers)


def test_a_line_at_the_foot_of_every_page_does_not_end_the_table(tmp_path: Path) -> None:
    # The report's title printed at each page's foot, once inside the table: the last row of
    # the next page too, it is the pages' furniture (read as a title, it had cut the table in
    # two and lost the row after it)
    foot = ["某县2023年度部门预算项目绩效自评结果公开"]
    rows = [
        *_COST_UNDER_OUTPUT[:5],
        foot,
        ["\f" + _HEADER[0], *_HEADER[1:]],
        *_COST_UNDER_OUTPUT[5:],
        ["总分", "", "", "", "", "", "100", "100"],
        foot,
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert [i.name for i in t.indicators] == [
        "演出场次",
        "合格率",
        "每场补助标准",
        "参与人次",
        "群众满意度",
    ]
    assert not any("结果公开" in lo.text for lo in report.leftovers)


def test_a_cell_s_line_break_kept_by_a_copied_word_table_is_joined_again(
    tmp_path: Path,
) -> None:
    # A Word table copied as text keeps a cell's line break unquoted: the cell's tail opens
    # the next line, the row's other cells after it (产出指标 / (50分)\t数量指标\t…)
    rows = [
        *_COST_UNDER_OUTPUT[:3],
        ["", "产出指标\n(50分)", "数量指标", "演出场次", "≥120场", "126场", "20", "20"],
        ["", "", "质量指标", "路面技术状况指数\n（PQI）", "≥80", "81.6", "20", "20"],
        *_COST_UNDER_OUTPUT[5:],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert [(i.l1, i.name, i.target, i.actual) for i in t.indicators[:2]] == [
        ("产出指标", "演出场次", "≥120场", "126场"),
        ("产出指标", "路面技术状况指数（PQI）", "≥80", "81.6"),
    ]
    assert t.stated_weights.get("产出指标") == 50
    assert report.leftovers == []


def test_a_weight_note_and_a_label_s_tail_on_one_wrapped_line_are_both_the_labels(
    tmp_path: Path,
) -> None:
    # 效益指标 / （20分） and 社会效益 / 指标 wrapped onto one line under the row: both tails are
    # the labels' (the second had been read into the row's name: 参与人次指标)
    rows = [
        *_COST_UNDER_OUTPUT[:4],
        ["", "效益指标", "社会效益", "参与人次", "≥15万人次", "15万人次", "20", "20", ""],
        ["", "（20分）", "指标"],
        *_COST_UNDER_OUTPUT[7:],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    row = next(i for i in t.indicators if i.l1 == "效益指标")
    assert row.name == "参与人次"
    assert t.stated_weights.get("效益指标") == 20


def test_a_label_cut_by_its_cell_s_width_is_whole_again_with_its_rest_below(
    tmp_path: Path,
) -> None:
    # 服务对象满 / 意度指标 and 产出指标(4 / 0分): each label's rest on the line below, alone; the
    # whole label is the row's (服务对象满 had been read into the name, 意度指标 lost)
    rows = [
        *_COST_UNDER_OUTPUT[:3],
        ["", "产出指标(4", "数量指标", "演出场次", "≥120场", "126场", "40", "40", ""],
        ["", "0分)"],
        *_COST_UNDER_OUTPUT[6:7],
        ["", "满意度指标", "服务对象满", "群众满意度", "≥90%", "96%", "10", "10", ""],
        ["", "", "意度指标"],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    last = t.indicators[-1]
    assert (last.l1, last.l2, last.name) == ("满意度指标", "服务对象满意度指标", "群众满意度")
    assert t.indicators[0].name == "演出场次" and t.stated_weights.get("产出指标") == 40


def test_the_funds_points_wrapped_onto_a_line_of_their_own_are_the_blocks(
    tmp_path: Path,
) -> None:
    # 预算执行情况(万元) / (20分) and 得分 / (20分*执行率) wrapped below the header: the block is
    # worth 20 points, so 16 at 71.21 % is 2 points too many (the score had gone unchecked)
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "农村公路养护"],
        ["预算执行情况(万元)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分"],
        ["(20分)", "", "", "", "(20分*执行率)"],
        ["年度资金总额", "860.00", "612.40", "71.21%", "16.00"],
        ["年度目标", "完成全县农村公路日常养护。"],
        ["年度绩效指标", *_TWENTY_EIGHTY],
        ["", "产出指标(80分)", "数量指标(80分)", "日常养护里程", "≥1126公里", "1126公里", "80"],
        ["总分", "", "", "", "", "", "96.00"],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert t.funds.annual_total.weight == 20
    (b103,) = [f for f in _findings(path) if f.code == "B103"]
    assert "14.24" in b103.message


def test_a_target_declaration_form_and_a_template_s_sample_rows_are_no_tables(
    tmp_path: Path,
) -> None:
    # a workbook's 填表说明 quoting the template's rows (指标1 | ≥**个) and its 绩效目标申报表
    # (targets only) before the self-evaluation: neither is a table to review (they had drawn
    # P107 errors: "自评没有完成")
    rows = [
        ["项目名称:某项目"],  # the workbook's cover
        ["填表说明"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "指标1", "≥**个", "**个", "*", "*"],
        ["指标2", "……"],
        ["2023年度项目支出绩效目标申报表"],
        ["项目名称", "某项目"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "演出场次", "≥120场"],
        ["效益指标", "社会效益指标", "参与人次", "≥15万人次"],
        *_COST_UNDER_OUTPUT,
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert [i.name for i in t.indicators][:1] == ["演出场次"] and t.indicators[0].actual == "126场"
    assert "P107" not in {f.code for f in _findings(path)}


def test_a_total_row_labelled_he_ji_de_fen_ends_the_rows(tmp_path: Path) -> None:
    # 合计得分 | … | 100 under the last row: the table's total (the last row had been lost)
    rows = [*_COST_UNDER_OUTPUT, ["合计得分", "", "", "", "", "", "", "90"]]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert t.indicators[-1].name == "群众满意度" and t.total_score == 90


def test_funds_and_goals_written_as_sentences_are_read(tmp_path: Path) -> None:
    # a form typed in a message: the funds as a sentence, the goals as labelled lines, the
    # indicators as a table; the funds had gone unread (P103, and a 总分 short of the execution
    # score: T101), and the goals too
    rows = [
        ["2021年度财政项目支出绩效自评表"],
        ["项目名称：某项目"],
        [
            "项目资金：年初预算86万元，全年预算92万元，执行87.4万元，执行率101.63%，分值10分，得分10分。"
        ],
        ["预期目标：全年组织送戏下乡演出不少于120场。"],
        ["实际完成情况：全年组织送戏下乡演出126场。"],
        *_COST_UNDER_OUTPUT[2:],
        ["总分", "", "", "", "", "", "100", "100"],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    total = t.funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed) == (86, 92, 87.4)
    assert (total.rate_pct, total.weight, total.score) == (101.63, 10, 10)
    assert t.goal_expected == "全年组织送戏下乡演出不少于120场。"
    assert t.goal_actual == "全年组织送戏下乡演出126场。"
    found = {f.code for f in _findings(path)}
    assert "B101" in found  # 87.4 / 86: the rate on the initial budget
    assert not {"P103", "T101"} & found


def test_a_transfer_payment_s_self_score_line_ends_its_rows(tmp_path: Path) -> None:
    # 自评得分 | 100 and 偏差原因 | 无偏差。 under a transfer payment's last row: the table's total
    # and a field, not the row's name (改造户满意度自评得分100偏差原因无偏差。)
    rows = [
        *_TRANSFER,
        ["", "满意度指标", "服务对象满意度指标", "改造户满意度", "≥90%", "96.5%", ""],
        ["自评得分", "100"],
        ["偏差原因", "无偏差。"],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert t.indicators[-1].name == "改造户满意度" and t.total_score == 100
    # no row prints a score: the self-score is no sum to check (it had drawn T101: 0 against 100)
    assert not {"T101", "T104"} & {f.code for f in _findings(path)}


def test_a_transfer_payment_named_by_its_funds_name_key(tmp_path: Path) -> None:
    rows = [_TRANSFER[0], ["转移支付资金名称", "高标准农田建设"], *_TRANSFER[2:]]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert t.project == "高标准农田建设"


# -- a goal printed as one field asks for no 实际完成情况 -----------------------------------------


def test_a_twenty_eighty_department_form_has_no_actual_goal_field(tmp_path: Path) -> None:
    rows = [
        ["2021年度部门整体支出绩效自评表"],
        ["单位名称", "某县自然资源局"],
        [
            "预算执行情况(万元)(20分)",
            "",
            "预算数(A)",
            "执行数(B)",
            "执行率(B/A)",
            "得分(20分*执行率)",
        ],
        ["", "部门整体支出总额", "2,035.60", "1,862.35", "91.49%", "18.30"],
        ["年度目标", "严格落实耕地保护制度。"],
        ["年度绩效指标", *_TWENTY_EIGHTY],
        ["", "产出指标(80分)", "数量指标(80分)", "不动产登记办件量", "≥6000件", "6428件", "80"],
        ["总分", "", "", "", "", "", "98.30"],
    ]
    assert "P103" not in {f.code for f in _findings(_write(tmp_path, rows))}


# -- a rubric's 合计 whose figures a collapsed layout left under the wrong columns ----------------


def test_a_rubric_total_is_not_read_into_a_column_of_words(tmp_path: Path) -> None:
    rows = [
        ["部门整体支出绩效评价自评表"],
        ["部门(单位)名称", "某县住建局"],
        ["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准", "自评得分"],
        [
            "产出(50分)",
            "职责履行(50分)",
            "重点工作完成率",
            "50",
            "完成数÷计划数",
            "每降1%扣1分",
            "48",
        ],
        ["效果(50分)", "履职效益(50分)", "社会效益", "50", "履职产生的效益", "酌情评分", "47"],
        ["合计", "", "", "100", "97"],  # 97 printed one cell after 100, under 指标解释
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert (t.total_weight, t.total_score) == (100.0, 97.0)
    assert "T101" in {f.code for f in _findings(_write(tmp_path, rows, "again.txt"))}  # 48 + 47


def test_a_key_glued_with_the_next_keys_of_its_line_keeps_its_own_value(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows.insert(1, ["单位名称(盖章):某县文化馆 填报日期:2024年3月18日 填报人:张三"])
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert t.department == "某县文化馆"
    assert (t.fields["填报日期"], t.fields["填报人"]) == ("2024年3月18日", "张三")
    assert report.leftovers == []


def test_the_memo_names_the_form_its_tables_are(tmp_path: Path) -> None:
    dept = review(_write(tmp_path, _DEPARTMENT, "dept.txt"), config=Config()).memo.title
    assert dept == "关于某县自然资源局部门整体支出绩效自评表的复核意见"
    project = review(_write(tmp_path, _COST_UNDER_OUTPUT, "p.txt"), config=Config()).memo.title
    assert project.endswith("项目支出绩效自评表的复核意见")


# -- a page excerpt that begins inside the indicator rows, with no header above them -------------

_EXCERPT = """某县人民政府
首页 | 政务公开 | 财政预决算
某县农业农村局2021年度项目支出绩效自评表（二）
发布日期：2022-06-17
| | | | 新建灌溉渠道长度 | ≥12公里 | 12.6公里 | 8 | 8 | |
| | | | 新建田间道路长度 | ≥9.5公里 | 9.8公里 | 7 | 7 | |
| | | 质量指标 | 工程质量验收合格率 | ≥90% | 96% | 8 | 8 | |
| | | 时效指标 | 竣工验收时间 | 2021年11月底前 | 2022年1月 | 5 | 5 | |
| | 满意度指标 | 服务对象满意度指标 | 受益农户满意度 | ≥90% | 96% | 10 | 10 | |
| 总分 | | | | | | 100 | 97.64 | |
"""


def test_indicator_rows_without_their_header_are_read_as_a_page_excerpt(tmp_path: Path) -> None:
    path = tmp_path / "excerpt.txt"
    path.write_text(_EXCERPT, encoding="utf-8")
    (t,) = parse_file(path).tables
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in t.indicators][3] == (
        "竣工验收时间",
        "2021年11月底前",
        "2022年1月",
        5.0,
        5.0,
    )
    assert t.begins_inside and not t.complete
    codes = {f.code for f in _findings(path)}
    assert "S102" in codes  # the month late, at full score
    # the rows above the excerpt are not in it: no total to check, no part said missing
    assert not {"T101", "P103"} & codes


def test_funds_rows_without_their_header_are_not_read_as_indicators(tmp_path: Path) -> None:
    rows = [
        ["某县农业农村局2021年度项目支出绩效自评表"],
        ["", "年度资金总额", "100", "100", "90", "10", "9"],
        ["", "其中:当年财政拨款", "80", "80", "72", "8", "8"],
        ["", "上年结转资金", "20", "20", "18", "2", "2"],
    ]
    with pytest.raises(InputError, match="未在"):  # a title and amounts: no table to review
        parse_file(_write(tmp_path, rows))


# -- a 20/80 funds row printed without its row label ----------------------------------------------


def test_a_twenty_eighty_funds_row_without_its_label_is_the_total(tmp_path: Path) -> None:
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "农田设施管护"],
        [
            "预算执行情况（万元）（20分）",
            "预算数(A)",
            "",
            "执行数(B)",
            "执行率(B/A)",
            "得分（20分×执行率）",
        ],
        ["", "268.50", "", "194.26", "72.35%", "14.47"],
        ["年度绩效目标（80分）", *_TWENTY_EIGHTY],
        ["", "产出指标（80分）", "数量指标（80分）", "管护面积", "≥42万亩", "42.6万亩", "80"],
        ["总分", "", "", "", "", "", "94.47"],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct, total.score) == (
        268.5,
        194.26,
        72.35,
        14.47,
    )
    codes = {f.code for f in _findings(path)}
    assert "B104" in codes and not {"P103", "T101"} & codes  # 80 + 14.47 = 94.47


# -- the 部门整体 breakdown printed label | amount, the two sides on one row ------------------------


def test_department_breakdown_lines_side_by_side_with_one_amount_each(tmp_path: Path) -> None:
    rows = [
        ["部门整体支出绩效自评表"],
        ["部门（单位）名称", "", "某县自然资源局"],
        [
            "年度预算申请（万元）",
            "",
            "",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
        ["", "年度资金总额", "", "1402.80", "1402.80", "1318.66", "10", "94.00%", "9.40"],
        ["", "按收入性质分", "", "1318.66", "按支出性质分", "", "1318.66"],
        ["", "其中：一般公共预算", "", "1246.24", "其中：基本支出", "", "823.47"],
        ["", "其他资金", "", "72.42", "项目支出", "", "475.19"],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    extra = t.funds.extra
    assert (extra["其中：基本支出"].kind, extra["其中：基本支出"].amount) == ("by_expense", 823.47)
    assert (extra["其他资金"].kind, extra["其他资金"].amount) == ("by_income", 72.42)
    assert t.funds.other.initial_budget is None  # a breakdown line, not the 其他资金 column row
    (f101,) = [f for f in _findings(path) if f.code == "F101"]
    assert "1,298.66" in f101.message  # 823.47 + 475.19 against 1318.66; income adds up


def test_an_explanation_left_as_the_templates_instruction_is_none(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows[4] = [
        "",
        "",
        "质量指标",
        "政策知晓率",
        "≥85%",
        "81%",
        "20",
        "19.06",
        "（填写偏差原因及拟采取的改进措施）",
    ]
    found = {f.code: f for f in _findings(_write(tmp_path, rows))}
    assert "模板的填写说明" in found["E101"].message  # points lost, nothing said
    assert "政策知晓率" in found["P106"].message


def test_columns_and_fields_named_in_other_words(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows[2] = [*_HEADER[:5], "全年实际完成值", *_HEADER[6:]]  # 全年实际完成值 for 实际完成值
    rows.append(["其他需要说明的事项", "无"])
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert [i.actual for i in t.indicators][:2] == ["126场", "100%"]
    assert t.indicators[-1].name == "群众满意度"  # the field after the table is not a name
    assert t.fields["other_notes"] == "无" and report.leftovers == []


# -- a transfer payment's goal block with points of its own ---------------------------------------


def test_a_scored_goal_blocks_points_are_read_and_counted_in_the_total(tmp_path: Path) -> None:
    rows = [
        ["2022年度中央对地方转移支付区域绩效目标自评表"],
        ["转移支付（项目）名称", "农机购置与应用补贴"],
        [
            "资金情况（万元）",
            "",
            "全年预算数（A）",
            "全年执行数（B）",
            "执行率（B/A）",
            "分值",
            "得分",
        ],
        ["", "年度资金总额", "2356.00", "1707.38", "72.47%", "20", "14.49"],
        ["年度总体目标", "预期目标", "实际完成情况", "分值", "得分"],
        ["", "补贴购置农业机械1500台（套）以上。", "补贴购置农业机械1528台（套）。", "30", "30"],
        _HEADER[:8],
        [
            "",
            "产出指标",
            "数量指标",
            "补贴购置农业机械数量",
            "≥1500台（套）",
            "1528台（套）",
            "50",
            "50",
        ],
        ["总分", "", "", "", "", "", "100", "94.49"],
    ]
    path = _write(tmp_path, rows)
    report = parse_file(path)
    (t,) = report.tables
    assert t.goal_expected == "补贴购置农业机械1500台（套）以上。"  # not the points
    assert report.leftovers == []
    assert (t.goal_weight, t.goal_score) == (30, 30)
    found = {f.code: f for f in _findings(path)}
    # 14.49 + 50 + the goal's 30: the total adds up, and no weights of 70 are said wrong
    assert "T101" not in found and "W101" not in found


# -- money in the narrative against an indicator in 万元 ------------------------------------------


def _money(narrative: str) -> list[list[str]]:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows[2:2] = [
        ["年度总体目标", "预期目标", "", "", "实际完成情况"],
        ["", "完成供水工程维修养护。", "", "", narrative],
    ]
    rows[7] = [
        "",
        "",
        "成本指标",
        "维修养护资金支出控制数",
        "≤612.8万元",
        "598.46万元",
        "20",
        "20",
        "",
    ]
    return rows


def test_money_in_the_narrative_is_compared_in_yuan(tmp_path: Path) -> None:
    same = _write(tmp_path, _money("完成维修养护，支出维修养护资金598.46万元。"), "same.txt")
    assert "N102" not in {f.code for f in _findings(same)}
    other = _write(tmp_path, _money("完成维修养护，支出维修养护资金568.46万元。"), "other.txt")
    assert "N102" in {f.code for f in _findings(other)}


def test_funds_figures_left_out_by_the_columns_are_read_in_the_headers_order(
    tmp_path: Path,
) -> None:
    # each header label printed over three columns, the figures one to a column
    rows = [
        ["中央对地方转移支付区域绩效目标自评表"],
        ["转移支付（项目）名称", "农业生产发展资金"],
        ["地方主管部门", "某县农业农村局", "", "资金使用单位", "某县农业农村局"],
        [
            "资金情况（万元）",
            "",
            "",
            "全年预算数（A）",
            "",
            "",
            "全年执行数（B）",
            "",
            "",
            "执行率（B/A）",
        ],
        ["", "年度资金总额", "", "1856.40", "1420.35", "76.51%"],
        ["", "其中：中央财政资金", "", "1526.40", "1203.62", "78.85%"],
        ["", "省级财政资金", "", "180.00", "132.73", "73.74%"],
        ["", "市县财政资金", "", "160.00", "84.00", "52.50%"],
    ]
    path = tmp_path / "t.txt"
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    report = parse_file(path)
    (t,) = report.tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct) == (1856.4, 1420.35, 76.51)
    assert t.implementer == "某县农业农村局" and report.leftovers == []
    (f101,) = [f for f in _findings(path) if f.code == "F101"]
    assert "1,866.4" in f101.message  # 1526.40 + 180.00 + 160.00 against 1856.40


# -- a web copy cut in its last row, the site's links after it -----------------------------------

_CUT_WEB_COPY = """| 2022年度项目支出绩效自评表 | ||||||||
| 项目名称 | 农家书屋提升项目 | |||||||
| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | ||
| 年度资金总额 | 86.50 | 86.50 | 80.12 | 10 | 92.62% | 9.26 | ||
| 年度总体目标 | 预期目标 | 实际完成情况 | ||||||
| 更新图书1.2万册。 | 更新图书1.25万册。 | |||||||
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
| 产出指标 | 数量指标 | 图书更新量 | ≥1.2万册 | 1.25万册 | 10 | 10 | |
| 效益指标 | 可持续影响指标 | 长效机制 | 健全 | 健全 | 15 | 15 | |
| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 94% |
【打印】【关闭】
上一篇：某县2022年体育彩票公益金项目绩效自评表
"""


def test_a_row_cut_after_its_actual_is_a_row_and_the_sites_links_are_reported(
    tmp_path: Path,
) -> None:
    path = tmp_path / "copy.txt"
    path.write_text(_CUT_WEB_COPY, encoding="utf-8")
    report = parse_file(path)
    (t,) = report.tables
    last = t.indicators[-1]
    assert (last.name, last.target, last.actual) == ("群众满意度", "≥90%", "94%")
    assert (last.weight, last.score, last.partial) == (None, None, True)
    assert t.indicators[-2].name == "长效机制"  # nothing of the cut row read into it
    # the links are not the table's: reported, the one taken for a title too
    assert [lo.text for lo in report.leftovers][-2:] == [
        "【打印】【关闭】",
        "上一篇：某县2022年体育彩票公益金项目绩效自评表",
    ]
    acc = report.accounting
    assert acc.consumed_lines + acc.reported_lines == acc.nonempty_lines


# -- the same columns under other provinces' words --------------------------------------------


_SYNONYMS = [
    ["项目支出绩效自评表"],
    ["项目名称", "村庄清洁行动"],
    ["主管单位", "某县农业农村局", "", "", "项目实施单位", "某县环境服务中心"],
    [
        "项目资金（万元）",
        "",
        "年初预算数",
        "全年预算数（调整后）",
        "全年实际支出",
        "满分",
        "预算执行率",
        "得分",
    ],
    ["", "年度资金总额", "320.00", "356.50", "331.20", "10", "92.90%", "9.29"],
    [
        "绩效指标",
        "指标类别",
        "指标子类",
        "具体指标",
        "计划值",
        "实现值",
        "标准分",
        "实得分",
        "偏差说明",
    ],
    ["", "产出指标", "数量指标", "清理垃圾量", "≥1.2万吨", "1.35万吨", "40", "40", ""],
    ["", "", "时效指标", "资金拨付时间", "2021年6月底前拨付", "2021年5月拨付", "10", "10", ""],
    ["", "效益指标", "生态效益指标", "无害化处理率", "≥70%", "65%", "30", "30", ""],
    ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "10", "12", ""],
    ["总分", "", "", "", "", "", "100", "101.29"],
]


def test_columns_named_in_other_provinces_words_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path, _SYNONYMS)
    (t,) = parse_file(path).tables
    assert [(i.l1, i.l2, i.name) for i in t.indicators][:2] == [
        ("产出指标", "数量指标", "清理垃圾量"),
        ("产出指标", "时效指标", "资金拨付时间"),
    ]
    assert [(i.target, i.actual, i.weight, i.score) for i in t.indicators][2:] == [
        ("≥70%", "65%", 30.0, 30.0),
        ("≥90%", "92%", 10.0, 12.0),
    ]
    total = t.funds.annual_total
    assert (total.executed, total.weight, total.rate_pct) == (331.2, 10.0, 92.9)
    assert t.department == "某县农业农村局" and t.implementer == "某县环境服务中心"
    found = {(f.code, f.indicator) for f in _findings(path)}
    assert ("S101", "群众满意度") in found  # 12 of 10
    assert ("S102", "无害化处理率") in found  # 65% against ≥70% at full marks
    # a deadline and a completion date each followed by the verb: dates, not units
    assert not any(code == "S108" for code, _ in found)


def test_a_department_tables_income_lines_in_other_words(tmp_path: Path) -> None:
    rows = [
        ["部门整体支出绩效自评表"],
        ["预算单位名称", "某县卫生健康局"],
        ["主管单位", "某县人民政府", "", "", "单位负责人", "韦某"],
        [
            "部门整体资金（万元）",
            "",
            "年初预算数",
            "全年预算数",
            "全年实际支出",
            "分值",
            "执行率",
            "得分",
        ],
        ["", "年度资金总额", "4186.30", "5024.72", "4622.75", "10", "92.00%", "9.20"],
        ["", "按收入性质分：财政拨款收入", "4036.30", "4874.72", "4472.75", "—", "—", "—"],
        ["", "事业收入", "150.00", "150.00", "150.00", "—", "—", "—"],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert (t.subject, t.department) == ("department", "某县卫生健康局")
    assert t.funds.extra["事业收入"].kind == "by_income"
    assert report.leftovers == [], [lo.text for lo in report.leftovers]


def test_the_first_breakdown_line_under_its_sides_label_is_that_sides(tmp_path: Path) -> None:
    # na04, nd03: 按收入性质分：一般公共预算 in one cell, its amounts the item's, not the side's
    # total nor the national form's rows (其他资金 after it is an income line, no source row)
    rows = [
        ["部门整体支出绩效自评表"],
        ["部门（单位）名称", "某县市场监督管理局"],
        [
            "部门资金（万元）",
            "",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
        ["", "年度资金总额", "2386.40", "2512.60", "2471.35", "10", "98.36%", "9.84"],
        ["", "按收入性质分：一般公共预算", "2286.40", "2412.60", "2371.35", "—", "—", "—"],
        ["", "其他资金", "100.00", "100.00", "100.00", "—", "—", "—"],
        ["", "按支出性质分：基本支出", "1968.20", "2010.50", "2003.87", "—", "—", "—"],
        ["", "项目支出", "418.20", "502.10", "467.48", "—", "—", "—"],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert t.funds.extra["按收入性质分：一般公共预算"].kind == "by_income"
    assert t.funds.extra["按支出性质分：基本支出"].kind == "by_expense"
    assert "F101" not in {f.code for f in _findings(path)}
    # nk03: the item after its side's label and 其中 (按收入性质分：其中：一般公共预算拨款)
    rows[4][1] = "按收入性质分：其中：一般公共预算拨款"
    path = _write(tmp_path, rows, "qizhong.txt")
    (t,) = parse_file(path).tables
    assert t.funds.extra["按收入性质分：其中：一般公共预算拨款"].kind == "by_income"
    assert "F101" not in {f.code for f in _findings(path)}


def test_a_total_in_the_narrative_is_not_a_per_person_indicators_figure(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows.insert(2, ["年度总体目标", "预期目标", "", "", "实际完成情况"])
    rows.insert(3, ["", "开展演出。", "", "", "追加基本公共卫生服务补助资金838.42万元。"])
    rows[7] = ["", "", "成本指标", "人均基本公共卫生服务补助标准", "≥84元", "84元", "20", "20", ""]
    codes = {f.code for f in _findings(_write(tmp_path, rows))}
    assert "N102" not in codes
    # a day's figure against the year's total (全年收运处理12.1万吨 against 日均处理量331.5吨)
    rows[3][4] = "全年收运处理城镇生活垃圾12.1万吨。"
    rows[7] = ["", "", "数量指标", "日均生活垃圾处理量", "≥300吨", "331.5吨", "20", "20", ""]
    assert "N102" not in {f.code for f in _findings(_write(tmp_path, rows, "daily.txt"))}


def test_kinds_in_brackets_after_a_count_are_not_its_members(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows.insert(2, ["年度总体目标", "预期目标", "", "", "实际完成情况"])
    goal = "保障全市12个公共文化场馆（图书馆、文化馆、美术馆、博物馆）免费开放。"
    rows.insert(3, ["", goal, "", "", "全市12个场馆全年免费开放。"])
    assert "N103" not in {f.code for f in _findings(_write(tmp_path, rows))}
    rows[3][1] = "保障全市3个场馆（图书馆、文化馆、美术馆、博物馆）免费开放。"
    # more members listed than announced is certain either way
    assert "N103" in {f.code for f in _findings(_write(tmp_path, rows, "more.txt"))}


# -- a Markdown table, as a converter renders one -------------------------------------------------

_MARKDOWN = """| 项目支出绩效自评表 |  |  |  |  |  |  |  |  |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 项目名称 |  | 基本公共卫生服务 |  |  |  |  |  |  |
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度<br>指标值 | 实际<br/>完成值 | 分值 | 得分 | 偏差原因分析及<br>改进措施 |
|  | 产出指标 | 数量指标 | 老年人健康管理率（体检\\|随访） | ≥65% | 67.2% | 50 | 50 |  |
|  | 效益指标 | 社会效益指标 | 居民健康素养水平 | ≥25% | 26.4% | 30 | 30 |  |
|  | 满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥85% | 88.3% | 10 | 10 |  |
| 总分 |  |  |  |  |  | 90 | 90 |  |
"""


def test_a_markdown_tables_escaped_pipes_and_line_breaks_are_inside_cells(
    tmp_path: Path,
) -> None:
    path = tmp_path / "table.md.txt"
    path.write_text(_MARKDOWN, encoding="utf-8")
    (t,) = parse_file(path).tables
    first = t.indicators[0]
    assert first.name == "老年人健康管理率（体检|随访）"
    assert (first.target, first.actual, first.weight, first.score) == ("≥65%", "67.2%", 50.0, 50.0)
    assert [i.actual for i in t.indicators] == ["67.2%", "26.4%", "88.3%"]


# -- review content the written sets showed -------------------------------------------------------


def test_a_total_printed_to_one_decimal_is_a_remark_not_an_error(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows[3][7] = "19.55"  # 19.55 + 20 + 20 + 20 + 10 = 89.55
    rows.append(["总分", "", "", "", "", "", "90", "89.6"])
    found = {f.code: f for f in _findings(_write(tmp_path, rows))}
    assert found["T101"].severity.value == "info" and "四舍五入" in found["T101"].message
    rows[-1][7] = "89.7"
    found = {f.code: f for f in _findings(_write(tmp_path, rows, "wrong.txt"))}
    assert found["T101"].severity.value == "error"


def test_a_qualitative_target_against_last_year_restated_is_met(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows[6] = [
        "",
        "效益指标",
        "社会效益指标",
        "社会知晓率",
        "较上年有所提高",
        "有所提高（由78%升至83%）",
        "20",
        "20",
        "",
    ]
    found = {f.code for f in _findings(_write(tmp_path, rows)) if f.indicator == "社会知晓率"}
    assert not found & {"S106", "E101", "S102"}


def test_a_deadline_given_as_a_quarter_ends_with_its_last_month(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows[4] = ["", "", "时效指标", "完工时间", "2025年第三季度", "2025年10月", "20", "20", ""]
    found = {f.code for f in _findings(_write(tmp_path, rows)) if f.indicator == "完工时间"}
    assert "S102" in found  # October is after the third quarter: missed at full marks
    rows[4][5] = "2025年9月"
    found = {f.code for f in _findings(_write(tmp_path, rows, "met.txt")) if f.indicator}
    assert not found & {"S102", "S103", "S106"}


def test_a_project_with_no_budget_is_not_said_to_lack_one(tmp_path: Path) -> None:
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "法律进社区（零预算项目）"],
        [
            "项目资金（万元）",
            "",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
        ["", "年度资金总额", "0.00", "0.00", "0.00", "10", "", ""],
        _HEADER,
        ["", "产出指标", "数量指标", "活动场次", "≥24场", "26场", "50", "50", ""],
        ["", "效益指标", "社会效益指标", "化解率", "≥90%", "92%", "30", "30", ""],
        ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
        ["总分", "", "", "", "", "", "90", "90"],
    ]
    found = {f.code: f for f in _findings(_write(tmp_path, rows))}
    assert found["F103"].severity.value == "info"  # said, not an error
    assert "W104" not in found  # 90: the execution's 10 points left out, as the 0 budget says


def test_an_explanation_broken_by_a_line_break_goes_on_in_the_first_column(
    tmp_path: Path,
) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows[6] = [
        "",
        "效益指标",
        "社会效益指标",
        "入园率",
        "≥98%",
        "92.6%",
        "20",
        "18.9",
        "受部分幼儿园撤并影响，入园率未达预期；",
    ]
    rows.insert(7, ["下一步将协调开通校车线路并加大宣传动员力度。"])
    (t,) = parse_file(_write(tmp_path, rows)).tables
    row = next(i for i in t.indicators if i.name.startswith("入园率"))
    assert row.name == "入园率"
    assert row.explanation.endswith("下一步将协调开通校车线路并加大宣传动员力度。")


def test_an_amount_no_larger_than_points_beside_millions_is_a_misread(tmp_path: Path) -> None:
    # a PDF whose amounts wrap inside narrow cells: 分值 and 得分 read as 执行数 and 分值
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "基本公共卫生服务"],
        ["项目资金（元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "18,650,000.00", "18,473,926.40", "10", "9.91", "", ""],
        *_COST_UNDER_OUTPUT[2:],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert t.doubts and "千分之一" in t.doubts[0].reason
    found = {f.code for f in _findings(path)}
    assert "P108" in found and not found & {"B104", "B105", "F103", "T101"}


def test_a_twenty_eighty_forms_funds_by_source_under_their_total(tmp_path: Path) -> None:
    rows = [
        ["2023年度项目支出绩效自评表"],
        ["项目名称", "肉牛产业发展项目"],
        [
            "预算执行情况（万元）（20分）",
            "资金来源",
            "预算数（A）",
            "执行数（B）",
            "执行率（B/A）",
            "得分（20分*执行率）",
        ],
        ["", "合计", "386.50", "381.70", "98.76%", "19.75"],
        ["", "其中：中央资金", "200.00", "200.00", "100.00%"],
        ["", "省级资金", "150.00", "146.20", "97.47%"],
        ["", "县级资金", "36.50", "34.50", "94.52%"],
        [
            "年度绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年初目标值（A）",
            "实际完成值（B）",
            "得分",
        ],
        ["", "产出指标（40分）", "数量指标", "新建圈舍", "≥6000平方米", "6120平方米", "40"],
        ["", "效益指标（30分）", "经济效益指标", "户均增收", "≥3000元", "3260元", "30"],
        ["", "满意度指标（10分）", "服务对象满意度指标", "养殖户满意度", "≥90%", "95%", "10"],
        ["总分", "", "", "", "", "", "99.75"],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.score) == (386.5, 381.7, 19.75)
    found = {f.code: f for f in _findings(path)}
    assert "P103" not in found  # the funds block is there
    assert "380.7" in found["F101"].message  # 200 + 146.2 + 34.5 executed, not 381.7


def _row_codes(tmp_path: Path, row: list[str], name: str = "row.txt") -> set[str]:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows[4] = row
    return {f.code for f in _findings(_write(tmp_path, rows, name)) if f.indicator == row[3]}


def test_a_range_written_with_an_en_dash_is_a_range(tmp_path: Path) -> None:
    row = ["", "", "质量指标", "管网漏损率", "10%–15%", "12.4%", "20", "20", ""]
    assert not _row_codes(tmp_path, row) & {"S102", "E101", "S108"}  # inside: met, one unit
    row[5] = "16.2%"  # outside it: missed at full marks (D7)
    assert "S102" in _row_codes(tmp_path, row, "above.txt")


def test_a_fall_asked_for_and_half_of_it_reached(tmp_path: Path) -> None:
    row = [
        "",
        "",
        "质量指标",
        "转外就医率",
        "下降3个百分点",
        "下降1.5个百分点",
        "20",
        "10",
        "原因及措施",
    ]
    codes = _row_codes(tmp_path, row)
    assert not codes & {"S106", "S104", "S102"}  # 20 × 1.5 / 3 = 10: right
    row[7] = "20"
    assert "S102" in _row_codes(tmp_path, row, "full.txt")  # half the fall at full marks


def test_a_fall_against_a_rise_asked_for_earns_nothing_not_less(tmp_path: Path) -> None:
    row = ["", "", "质量指标", "进出口额增长率", "≥5%", "-3%", "20", "0", "原因及措施"]
    assert "S104" not in _row_codes(tmp_path, row)  # 0 is right; it was "-12, deducted too little"


def test_task_headings_inside_the_indicator_rows_are_not_names(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows.insert(3, ["任务一：送戏下乡"])
    report = parse_file(_write(tmp_path, rows))
    first = report.tables[0].indicators[0]
    assert first.name == "演出场次"
    # read as the rows' task (round 215), not dropped: each row under it carries it
    assert first.cells["分组"].text == "任务一：送戏下乡"
    assert "任务一：送戏下乡" not in [lo.text for lo in report.leftovers]


def test_a_transfer_payments_project_key_and_a_total_row_named_by_its_header(
    tmp_path: Path,
) -> None:
    rows = [
        ["部门整体支出绩效自评表"],
        ["部门（单位）名称", "某县教育体育局"],
        ["部门整体支出总额", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "38,652.70", "40,118.36", "39,804.52", "10", "99.22%", "9.92"],
        *_COST_UNDER_OUTPUT[2:],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.score) == (40118.36, 39804.52, 9.92)
    rows = [["转移支付项目名称", "天然林保护"], *_COST_UNDER_OUTPUT[2:]]
    (t,) = parse_file(_write(tmp_path, rows, "transfer.txt")).tables
    assert t.project == "天然林保护"


# -- a header whose cells wrapped, copied as pipe lines ---------------------------------------

_HEADER_OVER_LINES = """项目支出绩效自评表
项目名称 | 农村饮水巩固提升 |
绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标 |
值 | 实际完成 |
值 | 分值 | 得分 | 偏差原因分析及改进 |
措施 |
产出指标 | 数量指标 | 新建供水工程处数 | ≥18处 | 18处 | 50 | 50 |
效益指标 | 社会效益指标 | 受益人口 | ≥5.2万人 | 5.36万人 | 30 | 30 |
满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 93% | 10 | 10 |
总分 | 90 | 90 |
"""

_TAILS_UNDER = """项目支出绩效自评表
| 项目名称 | 基本公共卫生服务 |
| 绩效指标 | 一级 | 二级指标 | 三级指标 | 年度 | 实际 | 分值 | 得分 | 偏差原因分析 |
| 指标 | 指标值 | 完成值 | 及改进措施 |
| 产出指标 | 数量指标 | 健康管理人数 | ≥2.6万人 | 2.71万人 | 50 | 50 |
| 效益指标 | 社会效益指标 | 疫苗接种率 | ≥95% | 96.2% | 30 | 30 |
| 满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥90% | 91% | 10 | 10 |
| 总分 | 90 | 90 |
"""


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (_HEADER_OVER_LINES, ("新建供水工程处数", "≥18处", "18处", 50.0, 50.0)),
        (_TAILS_UNDER, ("健康管理人数", "≥2.6万人", "2.71万人", 50.0, 50.0)),
    ],
    ids=["goes-on", "tails"],
)
def test_a_header_wrapped_over_pipe_lines_reads_as_its_labels(
    tmp_path: Path, text: str, first: tuple[str, str, str, float, float]
) -> None:
    path = tmp_path / "copy.txt"
    path.write_text(text, encoding="utf-8")
    (t,) = parse_file(path).tables
    assert {"target", "actual", "weight", "score", "explanation"} <= t.labels.keys()
    row = t.indicators[0]
    assert (row.name, row.target, row.actual, row.weight, row.score) == first
    assert len(t.indicators) == 3


@pytest.mark.parametrize("mark", ["(续)", "（续表）"])
def test_a_title_marked_continued_at_a_page_top_goes_on_with_the_table(
    tmp_path: Path, mark: str
) -> None:
    rows = [
        ["某县2019年度项目支出绩效自评表"],
        *_COST_UNDER_OUTPUT[1:5],
        ["第 1 页,共 2 页"],
        [],
        [f"某县2019年度项目支出绩效自评表{mark}"],
        *_COST_UNDER_OUTPUT[5:],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert [i.name for i in t.indicators][-2:] == ["参与人次", "群众满意度"]
    assert report.leftovers == []  # the repeated title is the page's, used as such


def test_the_national_forms_funds_by_source_under_their_total(tmp_path: Path) -> None:
    rows = [
        ["项目绩效目标实现情况表"],
        ["项目名称", "基本公共卫生服务"],
        ["资金来源", "", "年初预算数", "调整后预算数", "实际支出数", "执行率", "权重", "得分"],
        ["合计", "", "1,286.40", "1,312.80", "1,298.55", "98.91%", "10", "9.89"],
        ["中央补助", "", "702.00", "702.00", "702.00", "100.00%"],
        ["县级配套", "", "584.40", "610.80", "590.55", "96.69%"],
        *_COST_UNDER_OUTPUT[2:],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.score) == (1312.8, 1298.55, 9.89)
    assert {r.kind for r in t.funds.extra.values()} == {"central_funds", "local_funds"}
    missing = " ".join(f.message for f in _findings(path) if f.code == "P103")
    assert "项目资金" not in missing  # the funds block is there (whatever else P103 says)


def test_a_categorys_subtotal_row_is_not_read_into_a_name(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows.insert(6, ["", "", "小计", "", "", "", "60", "60", ""])
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert [i.name for i in t.indicators] == [
        "演出场次",
        "合格率",
        "每场补助标准",
        "参与人次",
        "群众满意度",
    ]
    # read as the 产出 rows' sum, its figures by their columns, none left over
    assert [(s.label, s.rows, s.weight, s.score) for s in t.subtotals] == [
        ("小计", [0, 1, 2], 60, 60)
    ]
    assert report.leftovers == []


def test_a_subtotal_printing_other_text_is_left_and_reported(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows.insert(6, ["", "", "小计", "", "见附表", "", "60", "60", ""])
    report = parse_file(_write(tmp_path, rows))
    assert report.tables[0].subtotals == []
    assert "小计" in [lo.text for lo in report.leftovers]


def test_a_category_subtotal_fixes_a_row_its_wording_drew_to_the_next_category(
    tmp_path: Path,
) -> None:
    # 按时办结率 reads like a 时效 row, but 质量指标小计 under it closes the 质量 rows
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "某项目"],
        _HEADER,
        ["", "产出指标", "数量指标", "抽检批次", "≥1800批次", "1865批次", "20", "20", ""],
        ["", "", "数量指标小计", "", "", "", "20", "20", ""],
        ["", "", "质量指标", "核查处置率", "100%", "100%", "15", "15", ""],
        ["", "", "", "投诉举报按时办结率", "≥95%", "96%", "15", "15", ""],
        ["", "", "质量指标小计", "", "", "", "30", "30", ""],
        ["", "", "时效指标", "许可事项办结时限", "≤15日", "12日", "10", "10", ""],
        ["", "", "时效指标小计", "", "", "", "10", "10", ""],
        ["", "效益指标", "社会效益指标", "抽检合格率", "≥97%", "98%", "30", "30", ""],
        ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "96%", "10", "10", ""],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert [i.l2 for i in t.indicators[:4]] == ["数量指标", "质量指标", "质量指标", "时效指标"]
    assert [s.rows for s in t.subtotals] == [[0], [1, 2], [3]]


def test_measures_already_taken_are_measures(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    for k, note in enumerate(
        [
            "降雨偏少蓄水不足；已实施3座水库清淤扩容，并制定枯水期轮灌方案。",
            "与道路施工交叉推迟实施；已与交通部门协调，列入2023年一季度计划。",
        ]
    ):
        rows[3 + k][5:9] = ["100场" if k == 0 else "98%", "20", "18", note]
    assert "E102" not in {f.code for f in _findings(_write(tmp_path, rows))}


def test_cost_as_its_own_category_takes_its_points_from_outputs_fifty(tmp_path: Path) -> None:
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "某项目"],
        _HEADER,
        ["", "产出指标", "数量指标", "处理量", "≥100吨", "120吨", "40", "40", ""],
        ["", "成本指标", "经济成本指标", "运维单价", "≤50元/吨", "48元/吨", "10", "10", ""],
        ["", "效益指标", "社会效益指标", "达标率", "≥90%", "95%", "30", "30", ""],
        ["", "满意度指标", "服务对象满意度指标", "满意度", "≥90%", "96%", "10", "10", ""],
    ]
    assert "W102" not in {f.code for f in _findings(_write(tmp_path, rows))}
    rows[3][6:8] = ["45", "45"]  # 55 for 产出 and 成本: off the default
    assert "W102" in {f.code for f in _findings(_write(tmp_path, rows, "off.txt"))}


def test_a_template_instruction_with_a_character_limit_is_an_instruction(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows[4][5:9] = ["96%", "20", "19.2", "（未完成的需说明偏差原因及改进措施，限100字）"]
    found = {f.code for f in _findings(_write(tmp_path, rows))}
    assert "P106" in found


def test_a_goal_written_as_labelled_fields_is_read(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    rows.insert(
        2, ["年度绩效目标", "全年开展送戏下乡演出120场以上，惠及群众15万人次，群众满意度90%以上。"]
    )
    rows.insert(3, ["目标实现情况", "全年开展送戏下乡演出126场，惠及群众15万人次，群众满意度96%。"])
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert t.goal_expected.startswith("全年开展送戏下乡演出120场")
    assert t.goal_actual.startswith("全年开展送戏下乡演出126场")
    missing = " ".join(f.message for f in _findings(path) if f.code == "P103")
    assert "预期目标" not in missing and "实际完成情况" not in missing  # (it has no funds block)


def test_a_category_labels_tail_wrapped_onto_the_next_row_is_not_a_name(tmp_path: Path) -> None:
    rows = [r[:] for r in _COST_UNDER_OUTPUT]
    # the 一级 label printed in the middle of its rows, beside the 二级 label's wrapped tail
    rows[6] = ["", "", "社会效益", "参与人次", "≥15万人次", "15万人次", "10", "10", ""]
    rows.insert(7, ["", "效益指标", "指标", "受益率", "≥88%", "90%", "10", "10", ""])
    (t,) = parse_file(_write(tmp_path, rows)).tables
    row = next(i for i in t.indicators if i.name.endswith("受益率"))
    assert (row.name, row.target, row.actual, row.score) == ("受益率", "≥88%", "90%", 10.0)


def test_the_goal_beside_the_block_label_is_the_expected_goal(tmp_path: Path) -> None:
    goal = "完成全县58处农村集中供水工程维修养护，保障12.6万农村人口饮水安全。"
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "某项目"],
        ["年度总体目标", goal],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "维修养护工程处数", "≥58处", "58处", "90", "90"],
    ]
    report = parse_file(_write(tmp_path, rows))
    assert report.tables[0].goal_expected == goal
    assert report.tables[0].fields == {}


def test_the_amount_unit_stated_alone_is_read(tmp_path: Path) -> None:
    rows = [
        ["项目支出绩效自评表"],
        ["单位：万元"],
        ["项目名称", "某项目"],
        ["项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "10", "10", "9", "10", "90%", "9"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "维修养护工程处数", "≥58处", "58处", "90", "90"],
    ]
    report = parse_file(_write(tmp_path, rows))
    assert report.tables[0].amount_unit == "万元"
    assert report.leftovers == []


def test_a_serial_column_does_not_make_a_form_a_rubric(tmp_path: Path) -> None:
    rows = [
        ["序号", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
        ["1", "产出指标", "数量指标", "面积", "≥3.2万亩", "3.35万亩", "20", "20"],
    ]
    (table,) = parse_file(_write(tmp_path, rows)).tables
    assert table.family == "national-2020"
    assert (table.indicators[0].target, table.indicators[0].actual) == ("≥3.2万亩", "3.35万亩")


def test_a_running_head_of_several_cells_over_each_page_is_taken_out(tmp_path: Path) -> None:
    head = ["某县卫生健康委员会2022年度部门决算公开", "附件3", "项目支出绩效自评表"]
    rows = [
        head,
        *_COST_UNDER_OUTPUT[:6],
        ["第 1 页 共 2 页"],
        [],
        head,
        _HEADER,
        *_COST_UNDER_OUTPUT[6:],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables  # the head over page 2 names the form: not a second table
    assert [i.name for i in t.indicators][-2:] == ["参与人次", "群众满意度"]
    # the first page's head is reported (nothing told it apart yet), the second's taken out
    assert {lo.location.line for lo in report.leftovers} == {1}


def test_a_second_table_printing_only_its_rows_after_a_total_is_its_own(tmp_path: Path) -> None:
    rows = [
        *_COST_UNDER_OUTPUT,
        ["总分", "", "", "", "", "", "90", "90", ""],
        ["备注：各三级指标分值见上表。"],
        ["附件2（续页）"],
        _HEADER,
        *_COST_UNDER_OUTPUT[3:5],
        ["总分", "", "", "", "", "", "40", "40", ""],
    ]
    report = parse_file(_write(tmp_path, rows))
    first, second = report.tables  # not swallowed as notes under the first table's 备注
    assert len(first.indicators) == 5
    assert [i.name for i in second.indicators] == ["演出场次", "合格率"]
    assert second.total_score == 40


def test_a_name_wrapped_with_a_short_tail_on_its_values_line_is_one_name(tmp_path: Path) -> None:
    rows = [
        *_COST_UNDER_OUTPUT[:4],
        ["", "效益指标", "社会效益指标", "农村卫生厕所普"],
        [
            "",
            "",
            "",
            "及率",
            "≥85%",
            "83.4%",
            "20",
            "19.6",
            "部分村组改厕意愿不强；下一步加强宣传。",
        ],
        *_COST_UNDER_OUTPUT[7:],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    row = next(i for i in t.indicators if i.name.endswith("及率"))
    assert (row.name, row.target, row.l1) == ("农村卫生厕所普及率", "≥85%", "效益指标")


def test_a_category_pair_run_into_one_cell_is_two_labels_and_the_name_follows(
    tmp_path: Path,
) -> None:
    rows = [
        *_COST_UNDER_OUTPUT[:7],
        ["", "满意度指标 服务对象满意度指标", "服务对象满意度", "≥85%", "88%", "10", "10"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    last = t.indicators[-1]
    assert (last.l1, last.l2, last.name) == ("满意度指标", "服务对象满意度指标", "服务对象满意度")
    assert (last.target, last.actual) == ("≥85%", "88%")


def test_percentages_run_together_in_a_cell_are_a_misread(tmp_path: Path) -> None:
    # several columns read into one cell: the 完成率 and the next rows' figures glued on
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "公益性岗位补贴"],
        [
            *["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
            *["分值", "得分", "偏差原因分析及改进措施"],
        ],
        [
            *["", "产出指标", "数量指标", "安置人数", "≥300人", "306人", "50", "50"],
            "不得分10100.00%100%100%完成得满分",
        ],
        ["", "效益指标", "社会效益指标", "托底安置率", "≥95%", "96.5%", "30", "30"],
        ["", "满意度指标", "服务对象满意度指标", "满意度", "≥90%", "92%", "10", "10"],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert any("连在一起" in d.reason for d in t.doubts)
    assert "P108" in {f.code for f in _findings(path)}


def test_rows_without_actuals_under_a_header_without_their_column_are_a_misread(
    tmp_path: Path,
) -> None:
    # gi05: 度量单位 and 完成值 read as one header label, the actuals lost with it; a header
    # that prints the column with its cells left empty (dv06) is the unit's omission instead
    header = [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "度量单位完成值",
        "分值",
        "得分",
    ]
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "计划生育奖励扶助"],
        header,
        ["", "产出指标", "数量指标", "奖励扶助对象人数", "≥3255", "人", "50", "50"],
        ["", "效益指标", "社会效益指标", "政策知晓率", "≥90", "%", "30", "30"],
        ["", "满意度指标", "服务对象满意度指标", "扶助对象满意度", "≥90", "%", "10", "10"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert any("没有读到实际完成值" in d.reason for d in t.doubts)
    rows[2][5] = "实际完成值"
    for row in rows[3:]:
        row[5] = ""
    (t,) = parse_file(_write(tmp_path, rows, "b.txt")).tables
    assert not t.doubts


def test_an_explanations_label_cut_mid_phrase_is_one_column(tmp_path: Path) -> None:
    # gd06: a web page's header row, its last label's rest on a row of its own
    lines = [
        "| 项目支出绩效目标自评表 |",
        "| 项目名称 | 职业技能提升培训补贴 |",
        "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 |"
        " 未完成原因及拟采取的 |",
        "| 改进措施 |",
        "| 产出指标(50分) | 数量指标 | 职业技能培训人数 | 50 | ≥2400人次 | 2465人次 | 50 |",
        "| 效益指标(30分) | 社会效益指标 | 培训后就业创业率 | 30 | ≥60% | 63.5% | 30 |",
        "| 满意度指标(10分) | 服务对象满意度指标 | 参训学员满意度 | 10 | ≥90% | 92.7% | 10 |",
    ]
    path = tmp_path / "form.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    assert t.labels["explanation"] == "未完成原因及拟采取的改进措施"
    assert "measures" not in t.labels
    assert "P109" not in {f.code for f in _findings(path)}


def test_a_running_head_naming_the_form_opens_no_new_table(tmp_path: Path) -> None:
    # ga02: the report's title at each page's top, the page going on with the same table
    head = ["平江县卫生健康局2022年度项目支出绩效自评表"]
    header = [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
    ]
    rows = [
        head,
        ["项目支出绩效自评表"],
        ["项目名称", "基本公共卫生服务项目"],
        header,
        ["", "产出指标", "数量指标", "居民电子健康档案建档率", "≥90%", "92.6%", "50", "50"],
        ["— 1 —"],
        head,
        header,
        ["", "效益指标", "社会效益指标", "居民健康素养水平", "≥25%", "27.4%", "30", "30"],
        ["", "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥85%", "91.3%", "10", "10"],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert [i.name for i in t.indicators] == [
        "居民电子健康档案建档率",
        "居民健康素养水平",
        "服务对象满意度",
    ]


def test_a_value_split_between_a_name_and_its_target_is_a_misread(tmp_path: Path) -> None:
    # OCR (ge03): ≥70 read into the name, its % left alone in the target: one row says enough
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "基本公共卫生服务"],
        [
            *["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
            *["分值", "得分"],
        ],
        ["", "产出指标", "数量指标", "居民电子健康档案建档率≥70", "%", "72.6%", "50", "50"],
        ["", "效益指标", "社会效益指标", "居民健康素养水平", "≥25%", "26.3%", "30", "30"],
        ["", "满意度指标", "服务对象满意度指标", "满意度", "≥85%", "87%", "10", "10"],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert any("运算符和数字" in d.reason for d in t.doubts)
    rows[3][3:5] = ["居民电子健康档案建档率≥70", "≥70%"]  # a name quoting its target: no doubt
    (t,) = parse_file(_write(tmp_path, rows, "b.txt")).tables
    assert not t.doubts


def test_a_target_and_an_actual_broken_by_a_page_are_joined(tmp_path: Path) -> None:
    # the page breaks inside a row's 年度指标值 and 实际完成值 cells: their rest opens the page
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "义务教育均衡发展"],
        [
            *["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
            *["分值", "得分", "偏差原因分析及改进措施"],
        ],
        ["", "产出指标", "数量指标", "义务教育巩固率", "≥95%", "96.3%", "50", "50"],
        [
            *["", "效益指标", "社会效益指标", "控辍保学目标", "适龄儿童少年失学辍学动态"],
            *["全县适龄儿童少年失学辍学实现动态", "30", "30"],
        ],
        ["第1页，共2页"],
        ["", "", "", "", "清零，无新增辍学学生", "清零，全年劝返复学12人"],
        ["", "满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "93.5%", "10", "10"],
        ["总分", "", "", "", "", "", "90", "90"],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert [i.name for i in t.indicators] == ["义务教育巩固率", "控辍保学目标", "家长满意度"]
    row = t.indicators[1]
    assert row.target == "适龄儿童少年失学辍学动态清零，无新增辍学学生"
    assert row.actual == "全县适龄儿童少年失学辍学实现动态清零，全年劝返复学12人"
    assert row.cells["target+1"].text == "清零，无新增辍学学生"
    assert row.lines == [5, 7]
    assert not report.leftovers


def test_a_second_level_label_run_into_the_name_is_parted_from_it(tmp_path: Path) -> None:
    # a PDF whose 二级 column rule was not drawn: the label and the name read as one cell
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "农村危房改造"],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
        ],
        ["", "产出指标", "数量指标", "改造户数", "≥120户", "126户", "50", "50"],
        ["", "效益指标", "社会效益指标", "居住条件", "改善", "改善", "30", "30"],
        ["", "满意度指标", "服务对象满意度指标改造住户满意度", "", "≥90%", "92%", "10", "10"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    last = t.indicators[-1]
    assert (last.l1, last.l2, last.name) == ("满意度指标", "服务对象满意度指标", "改造住户满意度")
    assert last.cells["name"].text == "改造住户满意度"
    # a name that only begins like a label's word stays whole
    assert t.indicators[1].name == "居住条件"


def test_a_weight_note_wrapped_under_its_label_goes_with_it(tmp_path: Path) -> None:
    # 产出指标 / （60分） over two rows of a narrow 一级 column; the grade printed 等级：优
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "农田设施管护"],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
        ],
        ["", "产出指标", "数量指标", "管护面积", "≥3.2万亩", "3.2万亩", "30", "30"],
        ["", "（60分）", "时效指标", "管护任务按期完成率", "≥95%", "96%", "30", "30"],
        ["", "效益指标", "社会效益指标", "管护责任落实率", "=100%", "100%", "20", "20"],
        ["", "（20分）", "", "", "", "", "", ""],
        ["", "满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "93.6%", "10", "10"],
        ["总分", "", "", "", "", "", "90", "90", "等级：优"],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert [i.name for i in t.indicators] == [
        "管护面积",
        "管护任务按期完成率",
        "管护责任落实率",
        "农户满意度",
    ]
    assert t.indicators[1].l1 == "产出指标"
    assert t.stated_weights == {"产出指标": 60.0, "效益指标": 20.0}
    assert t.grade == "优"
    assert not report.leftovers


def test_a_department_forms_own_weighted_categories_are_read_and_allowed(tmp_path: Path) -> None:
    # 部门整体: 一级 履职效能(50分) / 管理效率(20分), 二级 words of its own (预算管理, 资产管理)
    rows = [
        ["部门整体支出绩效自评表"],
        ["部门（单位）名称", "某县文化和旅游局"],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "分值",
            "年度指标值",
            "实际完成值",
            "得分",
        ],
        ["", "履职效能(50分)", "数量指标", "送戏下乡场次", "30", "≥120场", "126场", "30"],
        ["", "", "质量指标", "旅游投诉按期办结率", "20", "≥98%", "100%", "20"],
        ["", "管理效率(20分)", "预算管理", "预算调整率", "10", "≤10%", "4.38%", "10"],
        ["", "", "资产管理", "固定资产利用率", "10", "≥90%", "95%", "10"],
        ["", "满意度指标", "服务对象满意度指标", "群众满意度", "20", "≥90%", "94.3%", "20"],
        ["总分", "", "", "", "100", "", "", "100", "自评结果:优"],
    ]
    path = _write(tmp_path, rows)
    report = parse_file(path)
    (t,) = report.tables
    assert [(i.l1, i.l2, i.name) for i in t.indicators][2:4] == [
        ("管理效率", "预算管理", "预算调整率"),
        ("管理效率", "资产管理", "固定资产利用率"),
    ]
    assert t.stated_weights["履职效能"] == 50.0 and t.grade == "优"
    assert not report.leftovers
    # the form's own categories, their weights stated, are not said to be irregular (P104)
    assert "P104" not in {f.code for f in _findings(path)}


_OWN_HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"]
_OWN_ROWS = [  # 一级 and 二级 in words of the department's own, no weights printed in them
    ["", "部门管理", "预算管理", "预算执行率", "≥95%", "96.61%", "5"],
    ["", "", "", "项目支出预算细化率", "≥90%", "94%", "3"],
    ["", "", "资金管理", "资金使用合规性", "合规", "合规", "4"],
    ["", "部门履职", "公共卫生服务", "居民电子健康档案建档率", "≥90%", "92.3%", "8"],
    ["", "履职效益", "社会效益", "居民人均预期寿命", "≥78.5岁", "78.9岁", "8"],
]
_OWN_READ = [
    ("部门管理", "预算管理", "预算执行率"),
    ("部门管理", "预算管理", "项目支出预算细化率"),
    ("部门管理", "资金管理", "资金使用合规性"),
    ("部门履职", "公共卫生服务", "居民电子健康档案建档率"),
    ("履职效益", "社会效益", "居民人均预期寿命"),
]


def _own_form(rows: list[list[str]]) -> list[list[str]]:
    return [["部门整体支出绩效自评表"], ["部门（单位）名称", "某市卫生健康委员会"], *rows]


def test_a_department_forms_own_categories_without_weights_are_read_in_their_columns(
    tmp_path: Path,
) -> None:
    # gc03: a 部门整体 form whose 一级 weights stand only in a note under it
    path = _write(
        tmp_path, _own_form([_OWN_HEADER, *_OWN_ROWS, ["", "自评总分", "", "", "", "", "28"]])
    )
    report = parse_file(path)
    (t,) = report.tables
    assert [(i.l1, i.l2, i.name) for i in t.indicators] == _OWN_READ
    assert [i.score for i in t.indicators] == [5, 3, 4, 8, 8]
    assert "P104" not in {f.code for f in _findings(path)}  # a department's own categories


def test_a_department_forms_own_categories_are_read_with_the_empty_cells_dropped(
    tmp_path: Path,
) -> None:
    # gc05: a web page's pipes, the merged cells dropped (部门履职 | 公共卫生服务 | name | …)
    lines = [
        "| " + " | ".join(c for c in row if c) + " |"
        for row in _own_form([_OWN_HEADER, *_OWN_ROWS])
    ]
    path = tmp_path / "form.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    assert [(i.l1, i.l2, i.name) for i in t.indicators] == _OWN_READ


def test_a_department_forms_own_categories_are_read_where_merged_cells_are_left_out(
    tmp_path: Path,
) -> None:
    # gc05: Markdown rows keep their empty cells but leave out the merged ones before the name
    lines = [
        "部门整体支出绩效自评表",
        "| 部门(单位)名称 | 某县民政局 |",
        "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |"
        " 偏差原因分析及改进措施 |",
        "| 部门管理 | 预算管理 | 预算执行率 | ≥95% | 97.80% | 6 | 6 |  |",
        "| 结转结余率 | ≤5% | 2.20% | 4 | 4 |  |",
        "| 资金管理 | 救助资金社会化发放率 | =100% | 100% | 5 | 5 |  |",
        "| 部门履职 | 社会救助 | 城乡低保按时足额发放率 | =100% | 100% | 10 | 10 |  |",
        "| 总分 | 25 | 25 |",
    ]
    path = tmp_path / "form.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    assert [(i.l1, i.l2, i.name, i.weight) for i in t.indicators] == [
        ("部门管理", "预算管理", "预算执行率", 6),
        ("部门管理", "预算管理", "结转结余率", 4),
        ("部门管理", "资金管理", "救助资金社会化发放率", 5),
        ("部门履职", "社会救助", "城乡低保按时足额发放率", 10),
    ]


def _points_form(
    funds_header: list[str], funds_row: list[str], weights: list[str]
) -> list[list[str]]:
    return [
        ["部门整体支出绩效自评表"],
        ["部门（单位）名称", "某县民政局"],
        funds_header,
        funds_row,
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
        ],
        ["", "部门管理", "预算管理", "预算执行率", "≥95%", "97.8%", weights[0], weights[0]],
        ["", "部门履职", "社会救助", "低保按时足额发放率", "=100%", "100%", weights[1], weights[1]],
        [
            "",
            "履职效益",
            "社会效益",
            "困难群众基本生活保障",
            "应保尽保",
            "应保尽保",
            weights[2],
            weights[2],
        ],
    ]


def test_rows_make_up_the_hundred_where_the_funds_block_scores_nothing(tmp_path: Path) -> None:
    # gc05: the funds block has no 分值 column, so the indicators carry all 100 points
    header = ["部门整体支出(万元)", "收入性质", "年初预算数", "全年预算数", "全年执行数", "执行率"]
    row = ["", "年度资金总额", "9865.32", "11204.87", "10958.16", "97.80%"]
    hundred = _write(tmp_path, _points_form(header, row, ["30", "40", "30"]), "a.txt")
    assert "W101" not in {f.code for f in _findings(hundred)}
    ninety = _write(tmp_path, _points_form(header, row, ["30", "40", "20"]), "b.txt")
    assert "W101" not in {f.code for f in _findings(ninety)}  # or 90, as the national form's
    off = _write(tmp_path, _points_form(header, row, ["30", "40", "25"]), "c.txt")
    assert "W101" in {f.code for f in _findings(off)}


def test_a_project_forms_short_names_are_not_taken_for_categories(tmp_path: Path) -> None:
    # only a department's form names its own categories: a project form's rows whose empty
    # cells were dropped keep their short names (corpus 014's second table)
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "援滇对口支援经费"],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
        ],
        ["", "产出指标", "数量指标", "经费使用率"],
        ["", "", "质量指标", "经费完成情况"],
        ["", "", "时效指标", "经费完成进度"],
    ]
    lines = ["| " + " | ".join(c for c in row if c) + " |" for row in rows]
    path = tmp_path / "form.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    assert [i.name for i in t.indicators] == ["经费使用率", "经费完成情况", "经费完成进度"]


def test_names_that_swallowed_the_rows_below_are_a_misread(tmp_path: Path) -> None:
    # a copy whose empty cells were dropped: rows run into the names of the rows above
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "基本公共卫生服务"],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "分值",
            "年度指标值",
            "实际完成值",
            "得分",
        ],
        ["", "产出指标", "数量指标", "居民电子健康档案建档率", "40", "≥90%", "91.3%", "40"],
        ["", "", "时效指标", "资金拨付及时性人均补助标准569元2、69元5", "10", "及时", "及时", "10"],
        [
            *["", "效益指标", "社会效益指标"],
            "居民健康素养水平基本公共卫生服务长效机制健全亲，该文档总共3页，到这已经超出免费预览范围，如果喜欢就下载吧！",
            *["30", "提升", "提升", "30"],
        ],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert any("过长或夹着多处数字" in d.reason for d in t.doubts)
    assert "P108" in {f.code for f in _findings(path)}


def test_a_twenty_eighty_forms_project_spending_row_is_its_funds_total(tmp_path: Path) -> None:
    rows = [
        ["2023年度项目支出绩效自评表"],
        ["项目名称", "乡镇渡口安全管理补助"],
        [
            "预算执行情况（万元）（20分）",
            "预算数(A)",
            "执行数(B)",
            "执行率(B/A)",
            "得分(20分*执行率)",
        ],
        ["项目支出总额", "24.00", "24.00", "100.00%", "20.00"],
        [
            "年度绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年初目标值(A)",
            "实际完成值(B)",
            "得分",
        ],
        ["", "产出指标（40分）", "数量指标", "安全管理员配备", "≥9人", "9人", "40"],
        ["", "效益指标（30分）", "社会效益指标", "渡运安全事故", "0起", "0起", "30"],
        ["", "满意度指标（10分）", "满意度指标", "渡运群众满意度", "≥90%", "93%", "10"],
        ["总分", "100.00"],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.score) == (24, 24, 20)
    found = _findings(path)
    assert "T101" not in {f.code for f in found}
    assert not any("项目名称" in f.message or "项目资金" in f.message for f in found)


def test_a_name_holding_another_rows_target_and_figures_is_a_misread(tmp_path: Path) -> None:
    # a row without its values (the page cut it) joined to the name above, figures and all
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "学前教育资助"],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "分值",
            "年度指标值",
            "实际完成值",
            "得分",
        ],
        ["", "产出指标", "数量指标", "资助人数", "40", "≥1580人", "1598人", "40"],
        [
            "",
            "",
            "质量指标",
            "资助对象精准率资助资金发放及时率≥95%2、1001010",
            "20",
            "=100%",
            "100%",
            "20",
        ],
        ["", "效益指标", "社会效益指标", "入园保障率", "30", "≥98%", "99.2%", "30"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert any("过长或夹着多处数字" in d.reason for d in t.doubts)


def test_a_name_holding_the_row_below_with_its_figures_is_a_misread(tmp_path: Path) -> None:
    # the row below (its 分值 unread) and its wrapped explanation ran into a name: figures of
    # several digits (100, 80, 2022) count as three figures as much as single digits do
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "高标准农田建设"],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
        ],
        ["", "产出指标", "数量指标", "新建农田面积", "≥3.2万亩", "3.2万亩", "50", "50"],
        [
            *["", "", "成本指标"],
            *["亩均财政投资项目区亩均粮食产能提高≥100斤80斤后期管护,2022年跟踪测产"],
            *["≤1500元", "1209.8元", "30", "30"],
        ],
        ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93.6%", "10", "10"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert any("过长或夹着多处数字" in d.reason for d in t.doubts)


def test_a_name_that_swallowed_the_total_and_the_next_title_is_a_misread(tmp_path: Path) -> None:
    # the last row's name ran on into the 总分 row and the next table's heading
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "农家书屋出版物补充更新"],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
        ],
        ["", "产出指标", "数量指标", "覆盖农家书屋数量", "386个", "386个", "40", "40"],
        ["", "效益指标", "社会效益指标", "持续开放率", "≥95%", "97%", "30", "30"],
        [
            *["", "满意度指标", "服务对象满意度指标"],
            *["农村群众满意度指标总分二、送戏下乡惠民演出项目", "≥85%", "91%", "10", "10"],
        ],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert any("表头的栏目名称" in d.reason for d in t.doubts)


def test_a_goal_text_naming_the_years_goal_is_a_text_not_a_label(tmp_path: Path) -> None:
    # 实际完成情况 | text on a row of its own, the text saying 年度目标 in its sentences
    done = "全年为1.2万名老年人提供健康管理服务，较上年增加795人，全面完成年度目标。"
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "基本公共卫生服务"],
        ["年度总体目标", "预期目标", "为辖区常住居民提供基本公共卫生服务，提高居民健康素养。"],
        ["", "实际完成情况", done],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
        ],
        ["", "产出指标", "数量指标", "老年人健康管理人数", "≥11500人", "12035人", "90", "90"],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert t.goal_actual == done
    assert not report.leftovers


def test_an_older_forms_name_column_and_a_name_broken_by_a_line_break(tmp_path: Path) -> None:
    # 指标内容 names the indicator column (2018–2019 forms); a line break inside a name's cell
    # starts the next line of the text with the name's tail (工程设施完 / 好率)
    rows = [
        ["年度绩效目标自评表"],
        ["项目名称", "高标准农田管护"],
        ["一级指标", "二级指标", "指标内容", "分值", "年度指标值", "实际完成值", "得分"],
        ["产出指标", "数量指标", "管护面积", "50", "≥2.3万亩", "2.3万亩", "50"],
        ["效益指标", "可持续影响指标", "工程设施完"],
        ["好率", "30", "≥95%", "96%", "30"],
        ["满意度指标", "服务对象满意度指标", "农户满意度", "10", "≥90%", "93%", "10"],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in t.indicators] == [
        ("管护面积", "≥2.3万亩", "2.3万亩", 50, 50),
        ("工程设施完好率", "≥95%", "96%", 30, 30),
        ("农户满意度", "≥90%", "93%", 10, 10),
    ]
    assert not report.leftovers


def test_a_systems_export_keys_over_their_values_and_its_header_repeated(tmp_path: Path) -> None:
    # 项目编码 | 项目名称 | 主管部门 | … over a row of values; the indicator header printed again
    # every few rows (no page break)
    header = [
        *["项目编码", "指标编码", "一级指标", "二级指标", "三级指标", "指标性质", "指标值"],
        *["度量单位", "完成值", "权重", "得分", "未完成原因分析"],
    ]
    code = "51112925R000000140053"
    rows = [
        ["部门预算项目支出绩效自评表(2025年度)"],
        ["项目编码", "项目名称", "单位编码", "主管部门", "实施单位(盖章)", "导出日期"],
        [
            code,
            "地质灾害群测群防员补助",
            "407001",
            "沐川县自然资源局",
            "沐川县自然资源局本级",
            "2026-02-26",
        ],
        ["绩效指标(90分)"],
        header,
        [
            code,
            "ZB5101",
            "产出指标",
            "数量指标",
            "群测群防员人数",
            "≥",
            "212",
            "人",
            "212",
            "40",
            "40",
        ],
        header,
        [
            code,
            "ZB5104",
            "效益指标",
            "社会效益指标",
            "隐患点监测覆盖率",
            "=",
            "100",
            "%",
            "100",
            "40",
            "40",
        ],
        [
            code,
            "ZB5106",
            "满意度指标",
            "服务对象满意度指标",
            "满意度",
            "≥",
            "90",
            "%",
            "96",
            "10",
            "10",
        ],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert (t.project, t.department, t.implementer) == (
        "地质灾害群测群防员补助",
        "沐川县自然资源局",
        "沐川县自然资源局本级",
    )
    assert t.fields["项目编码"] == code and t.fields["导出日期"] == "2026-02-26"
    assert [i.name for i in t.indicators] == ["群测群防员人数", "隐患点监测覆盖率", "满意度"]


# -- the 2024 national form: 序号, 预算执行率 as a row of its own, a project of several years --

_NATIONAL_2024 = [
    ["项目支出绩效自评表"],
    ["填报单位：某县监测站"],
    ["项目名称", "2024—2026年监测站运行维护", "", "", "", "", "项目实施周期", "2024年—2026年"],
    ["主管部门", "某县生态环境局", "", "", "", "", "实施单位", "某县监测站"],
    ["项目资金(元)", "", "项目总预算", "本年度", "本年度", "本年度", "本年度"],
    ["", "", "", "年初预算数", "全年预算数", "全年执行数", "执行率"],
    ["", "年度资金总额", "2850000.00", "950000.00", "980000.00", "968420.00", "98.82%"],
    ["", "当年财政拨款", "2700000.00", "900000.00", "900000.00", "888420.00", "—"],
    ["", "其他资金", "150000.00", "50000.00", "80000.00", "80000.00", "—"],
    ["年度总体目标", "预期目标", "", "", "", "实际完成情况"],
    ["", "保障6个监测站全年运行。", "", "", "", "6个监测站全年稳定运行。"],
    [
        "序号",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标方向",
        "计量单位",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ],
    ["1", "产出指标", "数量指标", "运维站点数量", "正向", "个", "≥6", "6", "50", "50", ""],
    ["2", "效益指标", "生态效益指标", "优良天数比率", "正向", "%", "≥70", "71.8", "30", "30", ""],
    [
        "3",
        "满意度指标",
        "服务对象满意度指标",
        "部门满意度",
        "正向",
        "%",
        "≥90",
        "96",
        "10",
        "10",
        "",
    ],
    [
        "4",
        "预算执行率",
        "",
        "",
        "正向",
        "%",
        "100",
        "98.82",
        "10",
        "9.88",
        "结余资金11,580.00元系采购节约，已按规定收",
    ],
    ["回统筹使用。"],
    ["总分", "", "", "", "", "", "", "", "100", "99.88", ""],
]


# this year's columns named once, with 本年度 glued to each label
_ONE_ROW_HEADER = [
    [
        "项目资金(元)",
        "",
        "项目总预算",
        "本年度年初预算数",
        "本年度全年预算数",
        "本年度全年执行数",
        "本年度执行率",
    ]
]


@pytest.mark.parametrize("one_row", [False, True])
def test_national_2024_form_scores_execution_in_a_row_of_its_own(
    tmp_path: Path, one_row: bool
) -> None:
    rows = _NATIONAL_2024
    if one_row:
        rows = [*rows[:4], *_ONE_ROW_HEADER, *rows[6:]]
    path = _write(tmp_path, rows)
    report = parse_file(path)
    assert report.leftovers == [], [lo.text for lo in report.leftovers]
    (t,) = report.tables
    # this year's columns under 本年度, the project's whole budget beside them
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct) == (980000, 968420, 98.82)
    assert (t.fields["项目实施周期"], t.fields["填报单位"]) == ("2024年—2026年", "某县监测站")
    last = t.indicators[-1]
    assert (last.l1, last.l2, last.name, last.weight, last.score) == (
        "预算执行率指标",
        "",
        "预算执行率",
        10,
        9.88,
    )
    # the explanation's last line, wrapped onto a line of its own, is the explanation's
    assert last.explanation.endswith("已按规定收回统筹使用。")
    # a clean table: the row is no irregular 一级, the 分值 make 100 with it, 9.88 = 10 × 98.82%
    assert _findings(path) == []


def test_national_2024_execution_row_judged_by_the_funds_rate_once(tmp_path: Path) -> None:
    rows = [list(r) for r in _NATIONAL_2024]
    rows[-3][9] = "10"  # full marks at 98.82%
    codes = [f.code for f in _findings(_write(tmp_path, rows))]
    assert "B103" in codes  # 10 × 98.82% is 9.88
    assert "S102" not in codes  # not reported again as a target missed at full marks


def test_the_funds_label_run_into_a_row_label_is_that_rows(tmp_path: Path) -> None:
    # a laid-out page read by position put 项目资金 and 其中：当年财政拨款 in one cell
    rows = [
        *_COST_UNDER_OUTPUT[:2],
        ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "1,860,000.00", "1,860,000.00", "1,831,420.00", "10", "98.46%", "9.85"],
        ["项目资金其中：当年财政拨款", "1,860,000.00", "1,860,000.00", "1,831,420.00"],
        ["上年结转资金", "0.00", "0.00", "0.00"],
        *_COST_UNDER_OUTPUT[2:],
    ]
    path = _write(tmp_path, rows)
    report = parse_file(path)
    (t,) = report.tables
    assert t.funds.current_year_appropriation.executed == 1831420
    assert report.leftovers == []
    assert "F101" not in {f.code for f in _findings(path)}  # the sources add up


def test_a_rate_a_tenth_of_what_its_amounts_give_is_a_misread(tmp_path: Path) -> None:
    # a scan cut 84.24% in two (8 | 4.24%): the rate read is 8, the amounts give 82.43%
    rows = [
        *_COST_UNDER_OUTPUT[:2],
        ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "520.00", "468.00", "385.76", "10", "8", "8.42"],
        *_COST_UNDER_OUTPUT[2:],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert any("执行率8与其金额" in d.reason for d in t.doubts)
    codes = {f.code for f in _findings(path)}
    assert "P108" in codes and "B101" not in codes  # said misread, not judged


@pytest.mark.parametrize(
    ("cut", "name_cell", "after"),
    [
        # the label's last character wrapped onto a line of its own
        ("服务对象满意度指", "种植户满意度", [["", "", "标"]]),
        # or run into the name's cell (a PDF's cells)
        ("服务对象满意度指", "标种植户满意度", []),
    ],
)
def test_a_label_cut_before_its_last_character(
    tmp_path: Path, cut: str, name_cell: str, after: list[list[str]]
) -> None:
    rows = [
        *_COST_UNDER_OUTPUT[:-1],
        ["", "满意度指标", cut, name_cell, "≥90%", "93%", "10", "10", ""],
        *after,
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    last = t.indicators[-1]
    assert (last.l1, last.l2, last.name, last.target) == (
        "满意度指标",
        "服务对象满意度指标",
        "种植户满意度",
        "≥90%",
    )
    assert len(t.indicators) == len(_COST_UNDER_OUTPUT) - 3


def test_fiscal_funds_under_the_total_are_this_years_appropriation(tmp_path: Path) -> None:
    rows = [
        *_COST_UNDER_OUTPUT[:2],
        ["项目资金（万元）", "年度资金总额", "300.00", "287.45", "95.82%", "19.16"],
        ["", "其中：财政资金", "300.00", "287.45"],
        *_COST_UNDER_OUTPUT[2:],
    ]
    rows.insert(2, ["", "", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"])
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert t.funds.current_year_appropriation.executed == 287.45
    assert report.leftovers == []


def test_a_name_that_swallowed_a_sentence_is_a_misread(tmp_path: Path) -> None:
    # a field's text under the last row read into its name: longer than any name, a sentence
    rows = [
        *_COST_UNDER_OUTPUT[:-1],
        [
            *["", "满意度指标", "服务对象满意度指标"],
            "群众满意度其他需要说明的问题受疫情影响，线下培训班次压缩，结余资金452.50万元已按规定"
            "结转下年使用。",
            *["≥90%", "96%", "10", "10", ""],
        ],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert any("过长或夹着多处数字" in d.reason for d in t.doubts)


def test_other_matters_under_the_rows_are_a_field_not_the_last_name(tmp_path: Path) -> None:
    rows = [*_COST_UNDER_OUTPUT, ["其他需要说明的问题", "结余资金已按规定结转下年使用。"]]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert t.indicators[-1].name == "群众满意度"
    assert "结余资金" in t.fields["other_notes"]


def test_an_adjustment_column_between_the_budgets_is_kept_apart(tmp_path: Path) -> None:
    # 年初预算数 | 调整数 | 全年预算数: the sub-rows' figures stand under their own columns
    rows = [
        *_COST_UNDER_OUTPUT[:2],
        [
            "项目资金（元）",
            "",
            "",
            "年初预算数",
            "调整数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
        [
            "",
            "年度资金总额",
            "1,860,000.00",
            "-240,000.00",
            "1,620,000.00",
            "1,587,000.00",
            "10",
            "97.96%",
            "9.80",
        ],
        [
            "",
            "其中：当年财政拨款",
            "1,860,000.00",
            "-240,000.00",
            "1,620,000.00",
            "1,587,000.00",
            "—",
            "—",
            "—",
        ],
        *_COST_UNDER_OUTPUT[2:],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    sub = t.funds.current_year_appropriation
    assert (sub.full_year_budget, sub.executed) == (1620000, 1587000)
    assert sub.cells["adjustment"].text == "-240,000.00"
    assert "F101" not in {f.code for f in _findings(path)}


def test_columns_no_vocabulary_knows_before_the_known_ones_are_left_to_report(
    tmp_path: Path,
) -> None:
    # 甲栏 | 乙栏 before 全年执行数 | 分值 | 执行率 | 得分, over a row of figures printed whole:
    # the known columns are the row's last ones; the two amounts under no known label reported
    rows = [
        *_COST_UNDER_OUTPUT[:2],
        ["资金情况", "甲栏", "乙栏", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "1,846.20万元", "1,846.20万元", "1,823.05万元", "10", "98.75", "9.87"],
        *_COST_UNDER_OUTPUT[2:],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    total = t.funds.annual_total
    assert (total.executed, total.weight, total.rate_pct, total.score) == (1823.05, 10, 98.75, 9.87)
    assert "1,846.20万元" in {lo.text for lo in report.leftovers}


def test_a_funds_weight_above_the_tables_100_points_is_a_misread(tmp_path: Path) -> None:
    # a header naming fewer columns than its row prints, from its first: the amounts read by
    # column, one of them under 分值
    rows = [
        *_COST_UNDER_OUTPUT[:2],
        ["资金情况", "全年预算数", "分值", "执行率", "得分"],
        ["年度资金总额", "1,846.20万元", "1,846.20万元", "1,823.05万元", "10", "98.75", "9.87"],
        *_COST_UNDER_OUTPUT[2:],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert t.funds.annual_total.weight == 1846.2
    assert any("超过全表的100分" in d.reason for d in t.doubts)
    codes = {f.code for f in _findings(path)}
    assert "P108" in codes and "W101" not in codes


def test_a_transfer_payments_funds_issued_are_its_budget(tmp_path: Path) -> None:
    rows = [
        *_COST_UNDER_OUTPUT[:2],
        ["资金情况", "年初下达数", "全年下达数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "1,846.20万元", "1,846.20万元", "1,823.05万元", "10", "98.75", "9.87"],
        *_COST_UNDER_OUTPUT[2:],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    total = t.funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed, total.weight) == (
        1846.2,
        1846.2,
        1823.05,
        10,
    )


def test_a_note_inside_the_form_does_not_end_it(tmp_path: Path) -> None:
    # 注：… under the funds block, the goal block and the indicators below it
    rows = [
        *_COST_UNDER_OUTPUT[:2],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "100", "120", "118", "10", "98.33%", "9.83"],
        ["注：年中追加困难群众救助补助资金20万元，全年预算数相应调增。"],
        ["年度总体目标", "预期目标", "实际完成情况"],
        ["", "组织演出120场。", "全年组织演出126场。"],
        *_COST_UNDER_OUTPUT[2:],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert len(t.indicators) == len(_COST_UNDER_OUTPUT) - 3
    assert t.goal_actual == "全年组织演出126场。"
    assert any("年中追加" in n for n in t.notes)


def test_the_sign_off_under_the_rows_is_no_part_of_the_last_name(tmp_path: Path) -> None:
    # no 总分 row: the sign-off follows the last indicator row, its keys apart
    rows = [
        *_COST_UNDER_OUTPUT,
        ["填报单位（盖章）：某区教育局", "填报人：黄丽", "联系电话：0775-2826419"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert t.indicators[-1].name == "群众满意度"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        # a percentage run into the next row's target, inside a name
        ("工程竣工验收合格率100%2022年8月底前单位面积维修改造", "百分数连在一起"),
        # a category label and its points read into a name
        ("农村自来水普及率及改进措施）（30分）可持续影", "夹着类别的分值"),
    ],
)
def test_a_name_holding_other_cells_is_a_misread(tmp_path: Path, name: str, reason: str) -> None:
    rows = [
        *_COST_UNDER_OUTPUT[:-1],
        ["", "满意度指标", "服务对象满意度指标", name, "≥90%", "96%", "10", "10", ""],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert any(reason in d.reason for d in t.doubts)


def test_a_total_far_above_the_scores_read_is_a_misread(tmp_path: Path) -> None:
    # 总分 100 printed, 40 read (two rows of 20): rows lost, not a total misreckoned by sixty
    rows = [*_COST_UNDER_OUTPUT[:5], ["", "总分", "", "", "", "", "100", "100", ""]]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert any("部分指标行可能没有读到" in d.reason for d in t.doubts)
    rows[-1][7] = "55"  # 15 above the 40 read: an error to report, not a misread
    (t,) = parse_file(_write(tmp_path, rows, "b.txt")).tables
    assert not t.doubts


def test_a_goal_block_headed_nian_chu_mu_biao(tmp_path: Path) -> None:
    # 年度总体目标完成情况(80分) | 年初目标 | 全年实际完成情况: two texts, not one actual
    rows = [
        *_COST_UNDER_OUTPUT[:2],
        ["年度总体目标完成情况(80分)", "年初目标", "", "全年实际完成情况"],
        ["", "开发公益性岗位不少于560个。", "", "全年开发公益性岗位572个。"],
        *_COST_UNDER_OUTPUT[2:],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert (t.goal_expected, t.goal_actual) == (
        "开发公益性岗位不少于560个。",
        "全年开发公益性岗位572个。",
    )


def test_a_units_heading_over_its_rows_is_no_part_of_a_name(tmp_path: Path) -> None:
    # a 部门整体 form listing each 二级单位's rows under a heading of its own
    rows = [
        *_COST_UNDER_OUTPUT[:3],
        ["二级单位：某县第一高级中学"],
        *_COST_UNDER_OUTPUT[3:5],
        ["二级单位：某县实验小学"],
        *_COST_UNDER_OUTPUT[5:],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert [i.name for i in t.indicators] == [r[3] for r in _COST_UNDER_OUTPUT[3:]]
    # the headings are not dropped: reported with what was not read
    assert [lo.text for lo in report.leftovers] == [
        "二级单位：某县第一高级中学",
        "二级单位：某县实验小学",
    ]


# -- round 20: 说明 above the form, levels of autonomous regions, older columns, wrapped cells --

_FORM_BODY = [
    ["项目名称", "", "高标准农田建设后续管护经费"],
    ["主管部门", "", "于都县农业农村局", "", "", "实施单位", "", "于都县农田建设服务中心"],
    [
        "项目资金（万元）",
        "",
        "",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
    ],
    ["", "", "年度资金总额", "280.00", "310.00", "301.26", "10", "97.18%", "9.72"],
    ["", "", "其中：当年财政拨款", "250.00", "280.00", "277.76", "—"],
    ["", "", "上年结转资金", "30.00", "30.00", "23.50", "—"],
    [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ],
    ["", "产出指标", "数量指标", "管护高标准农田面积", "≥12.6万亩", "12.6万亩", "90", "90"],
    ["总分", "", "", "", "", "", "100", "99.72"],
]


def test_a_note_above_the_form_leaves_its_head_and_funds_to_it(tmp_path: Path) -> None:
    # a Word file's 说明 paragraph above the table (ff01): it had been read as a note running on
    # to the indicators, the 项目名称 and the funds with it, and 总分 then failed to add up
    note = [
        ["说明：根据县财政局通知要求开展了绩效自评。该项目年初预算280.00万元，全年预算310.00万元。"]
    ]
    path = _write(tmp_path, [["项目支出绩效自评表"], *note, *_FORM_BODY])
    (t,) = parse_file(path).tables
    assert t.project == "高标准农田建设后续管护经费"
    assert (t.funds.annual_total.executed, t.funds.prior_year_carryover.executed) == (301.26, 23.5)
    assert t.notes and t.notes[0].startswith("说明：")
    found = _findings(path)
    assert "T101" not in {f.code for f in found}
    assert not any("项目名称" in f.message or "项目资金" in f.message for f in found)


def test_funds_by_level_beside_other_funds_add_up_with_them(tmp_path: Path) -> None:
    # the XPCC's and an autonomous region's levels (兵团资金, 师市配套, 自治区资金) under
    # 其中:中央补助, and the form's 其他资金 row: the total is all of them (fe01)
    head = [
        ["项目名称", "某项目"],
        ["项目资金 (万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ]
    levels = [
        ["", "年度资金总额", "6800.00", "7350.00", "6924.60", "10", "94.21%", "9.42"],
        ["", "其中:中央补助", "5600.00", "5600.00", "5412.30", "—"],
        ["", "兵团资金", "1200.00", "1200.00", "1132.30", "—"],
        ["", "师市配套", "0.00", "550.00", "380.00", "—"],
        ["", "其他资金", "0.00", "0.00", "0.00", "—"],
    ]
    path = _write(tmp_path, [*head, *levels, *_FORM_BODY[6:]])
    (t,) = parse_file(path).tables
    assert {k: r.kind for k, r in t.funds.extra.items()} == {
        "其中:中央补助": "central_funds",
        "兵团资金": "local_funds",
        "师市配套": "local_funds",
    }
    assert "F101" not in {f.code for f in _findings(path)}
    levels[3][4] = "370.00"  # now they do not add up: said once
    path = _write(tmp_path, [*head, *levels, *_FORM_BODY[6:]], "wrong.txt")
    assert [f.code for f in _findings(path)].count("F101") == 1


def test_an_older_form_prints_its_actuals_under_完成情况(tmp_path: Path) -> None:
    rows = [
        ["项目名称", "大气污染防治专项资金"],
        [
            "绩效指标 完成情况",
            "一级指标",
            "二级指标",
            "指标内容",
            "指标值",
            "完成情况",
            "未完成原因及改进措施",
        ],
        ["", "产出指标", "数量指标", "淘汰城区燃煤小锅炉", "60台", "60台"],
        ["", "", "", "新建空气质量自动监测站", "3个", "2个", "选址调整，计划2016年3月底前建成"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert [(i.target, i.actual) for i in t.indicators] == [("60台", "60台"), ("3个", "2个")]


def test_a_line_without_tabs_under_a_row_ends_its_explanation(tmp_path: Path) -> None:
    # a copied Word table: the explanation cell's line break leaves its tail alone on a line
    # (fe05), which had been read into the row's name
    rows = [
        ["项目名称", "防火专项经费"],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "分值",
            "年度指标值",
            "全年实际值",
            "得分",
            "未完成原因及改进措施",
        ],
        [
            "",
            "产出指标",
            "时效指标",
            "防火物资到位时间",
            "5",
            "3月15日前",
            "3月28日",
            "3",
            "受道路解冻影响运输",
        ],
        ["推迟"],
        ["", "", "成本指标", "扑火队员人均补助", "5", "≤2.4万元/人", "2.4万元/人", "5"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    first, second = t.indicators
    assert (first.name, first.explanation) == ("防火物资到位时间", "受道路解冻影响运输推迟")
    assert second.name == "扑火队员人均补助"


def test_a_20_80_forms_points_printed_in_an_二级_label_over_one_row_are_its_weight(
    tmp_path: Path,
) -> None:
    # fg04: no 分值 column, 数量指标(8分) over one row each; a weight over two rows is the
    # group's, and no row's
    text = "\n".join(
        [
            "| 项目名称 | 农村饮水工程维修养护 |",
            "| 年度绩效指标 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |",
            "| 产出指标(40分) | 数量指标(8分) | 维修养护农村供水工程 | ≥86处 | 91处 | 8 |",
            "| 数量指标(7分) | 更换维修供水管网 | ≥45公里 | 47.3公里 | 9 |",
            "| 质量指标(25分) | 水质达标率 | ≥90% | 92% | 12 |",
            "| 工程验收合格率 | 100% | 100% | 13 |",
        ]
    )
    path = tmp_path / "form.txt"
    path.write_text(text + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    assert all(i.weight is None for i in t.indicators)  # no 分值 is printed for any row
    points = [(i.name, ref.text) for i in t.indicators if (ref := i.cells.get("label_points"))]
    assert points == [("维修养护农村供水工程", "8"), ("更换维修供水管网", "7")]
    (over,) = [f for f in _findings(path) if f.code == "S101"]
    assert over.indicator == "更换维修供水管网"
    assert "0–7分" in over.message and "本表无分值列：“数量指标”标明7分" in over.message


def test_a_funds_block_labelled_by_its_rate_and_points_reads_its_columns(tmp_path: Path) -> None:
    # fd02 (2018): the block's label 预算执行率（10分） had been taken for the 执行率 column, every
    # figure then read one column off (a rate of 1450)
    text = "\n".join(
        [
            "项目名称 | 农村公路养护工程 |",
            "预算执行率（10分） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 得分 |",
            "年度资金总额 | 1450 | 1450 | 1323.38 | 91.27% | 10 |",
            "其中：财政拨款 | 1450 | 1450 | 1323.38 | 91.27% |",
            "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
            "产出指标 | 数量指标 | 农村公路日常养护里程 | ≥1260公里 | 1260公里 | 90 | 90 |",
        ]
    )
    path = tmp_path / "form.txt"
    path.write_text(text + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    total = t.funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed) == (1450, 1450, 1323.38)
    assert (total.rate_pct, total.score, total.weight) == (91.27, 10.0, 10.0)
    assert "F103" not in {f.code for f in _findings(path)}


def test_a_long_term_goal_beside_the_years_is_kept_apart(tmp_path: Path) -> None:
    # fd04 (2019): 总体目标 | 长期目标 | 年度目标 | 实际完成情况 — the year's goal is the one the
    # indicators answer (it had been said missing, P103)
    rows = [
        ["项目名称", "农村饮水安全巩固提升工程"],
        ["总体目标", "长期目标", "", "年度目标", "", "实际完成情况"],
        [
            "",
            "到2020年全县自来水普及率达到88%以上。",
            "",
            "新建供水管网186公里。",
            "",
            "完成新建供水管网192.4公里。",
        ],
        *_FORM_BODY[6:],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert (t.goal_expected, t.goal_actual) == (
        "新建供水管网186公里。",
        "完成新建供水管网192.4公里。",
    )
    assert t.fields["长期目标"] == "到2020年全县自来水普及率达到88%以上。"
    assert not [f for f in _findings(path) if f.code == "P103" and "预期目标" in f.message]


def test_goals_as_rows_under_the_periods_as_columns(tmp_path: Path) -> None:
    # iz03 (2019): 总体目标 | 长期目标 | 年度目标 over 预期目标 | … | … and 实际完成情况 | … | …
    rows = [
        ["项目名称", "农村饮水安全巩固提升工程"],
        ["总体目标", "长期目标", "年度目标"],
        ["预期目标", "到2020年全县自来水普及率达到88%以上。", "新建供水管网186公里。"],
        ["实际完成情况", "全县自来水普及率达到86.5%。", "完成新建供水管网192.4公里。"],
        *_FORM_BODY[6:],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert (t.goal_expected, t.goal_actual) == (
        "新建供水管网186公里。",
        "完成新建供水管网192.4公里。",
    )
    assert t.fields["长期目标（预期目标）"] == "到2020年全县自来水普及率达到88%以上。"
    assert not [f for f in _findings(path) if f.code == "P103" and "预期目标" in f.message]


def test_中央和省级补助资金_is_a_level_of_a_20_80_forms_funds(tmp_path: Path) -> None:
    # fl03: 项目资金总额 over 其中:中央和省级补助资金 and 县级财政资金 had been no funds row, the
    # execution score then missing from 总分 (false T101, T104, P103)
    text = "\n".join(
        [
            "项目名称 | 农村供水工程维修养护项目 | ||||",
            "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |",
            "项目资金总额 | 386.00 | 376.83 | 97.62% | 19.52 |",
            "其中:中央和省级补助资金 | 300.00 | 300.00 | 100.00% |",
            "县级财政资金 | 86.00 | 76.83 | 89.34% |",
            "年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |",
            "产出指标 | 数量指标 | 维修养护供水工程数量 | ≥45处 | 47处 | 80 |",
            "总分 | 99.52分 |",
        ]
    )
    path = tmp_path / "form.txt"
    path.write_text(text + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    assert (t.funds.annual_total.full_year_budget, t.funds.annual_total.executed) == (386, 376.83)
    assert t.funds.extra["其中:中央和省级补助资金"].kind == "central_funds"
    assert not {"T101", "P103", "F101"} & {f.code for f in _findings(path)}


def test_a_table_whose_indicators_were_not_rebuilt_is_said_to_be_misread(tmp_path: Path) -> None:
    # fq04: indicator rows typed with slashes between their cells; the table had been reviewed
    # with no indicator and no word of it (its rows only listed as unparsed)
    text = "\n".join(
        [
            "项目名称：2023年职业技能提升行动培训补贴",
            "主管部门：郸城县人力资源和社会保障局",
            "绩效指标（二级指标/三级指标/年度指标值/实际完成值/分值/得分/偏差原因分析及改进措施）",
            "一、产出指标（50分）",
            "数量指标/职业技能培训人次/≥3000人次/3260人次/15/15/",
            "质量指标/培训合格率/≥85%/91.2%/10/10/",
            "社会效益指标/培训后就业率/≥60%/58.5%/15/15/部分学员外出务工",
        ]
    )
    path = tmp_path / "typed.txt"
    path.write_text(text + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    assert t.indicators == [] and not t.reliable
    (doubt,) = t.doubts
    assert "绩效指标部分有3处" in doubt.reason and len(doubt.evidence) == 3
    assert {f.code for f in _findings(path)} <= {"P101", "P108"}


def test_a_funds_row_label_typed_with_one_character_wrong_is_read(tmp_path: Path) -> None:
    # fq03: 年度资金总颔 (for 总额), typed by hand: the funds had been said missing (P103) and 总分
    # not to add up (T101)
    rows = [
        ["项目名称", "基本公共卫生服务补助资金"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总颔", "1,286.50万元", "1,342.80万元", "1,305.20万元", "10", "97.20%", "9.72"],
        ["当年财政拨款", "1,186.50万元", "1,242.80万元", "1,205.20万元"],
        ["上年结转资金", "100.00万元", "100.00万元", "100.00万元"],
        *_FORM_BODY[6:],
    ]
    path = _write(tmp_path, rows)
    (t,) = parse_file(path).tables
    assert (t.funds.annual_total.full_year_budget, t.funds.annual_total.score) == (1342.8, 9.72)
    found = _findings(path)
    assert not {"T101", "F101"} & {f.code for f in found}
    assert not [f for f in found if f.code == "P103" and "项目资金" in f.message]


def test_only_one_known_label_a_character_away_is_taken() -> None:
    table = [("年度资金总额*", "annual_total"), ("其他资金*", "other"), ("上年结转资金*", "carry")]
    assert lookup_slipped("年度资金总颔", table) == "annual_total"
    assert lookup_slipped("年度资金总颔（万元）", table) == "annual_total"
    assert lookup_slipped("其他资全", table) is None  # too short to read through a slip
    assert lookup_slipped("年度资本总颔", table) is None  # two characters away
    assert lookup_slipped("某某", [("甲乙丙丁戊", "a"), ("甲乙丙丁己", "b")]) is None
    assert (
        lookup_slipped("甲乙丙丁庚", [("甲乙丙丁戊", "a"), ("甲乙丙丁己", "b")]) is None
    )  # two fit


_SICHUAN = """报表编号:510000_0013zp |
部门预算项目支出绩效自评表(2024年度) |
项目名称 | 2024年职业技能提升培训补贴 |
预算执行情况
(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |
总额 | 860.00 | 1020.00 | 1003.46 | 98.38% | 10 | 9.84 | 年中追加补助资金。 |
其中:财政资金 | 600.00 | 700.00 | 689.26 | 98.47% | / | / |
财政专户管理资金 | 260.00 | 320.00 | 314.20 | 98.19% | / | / |
单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / |
其他资金 | / | / |
绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |
产出指标 | 数量指标 | 补贴性职业技能培训人次 | ≥ | 6000 | 人次 | 6842 | 90 | 90 |
合计 | 100 |
"""


def test_a_sichuan_forms_sources_and_its_合计_left_without_a_score(tmp_path: Path) -> None:
    # fr02: 财政专户管理资金 is a source of 总额 beside 财政资金 (a false F101 had added 财政资金
    # alone), and 合计 | 100 | is the weights' total, its 得分 left blank by the system (a false
    # T101 had read 100 as the total score)
    path = tmp_path / "sichuan.txt"
    path.write_text(_SICHUAN, encoding="utf-8")
    (t,) = parse_file(path).tables
    assert t.family == "sichuan-zp"
    assert (t.total_weight, t.total_score) == (100.0, None)
    assert not {"F101", "T101"} & {f.code for f in _findings(path)}


def test_the_forms_sign_off_under_its_last_row_is_no_part_of_it(tmp_path: Path) -> None:
    # fp06: 填表单位（盖章）：… under a table without a 总分 row had been read into the last name
    rows = [*_FORM_BODY[:8], ["填表单位（盖章）：于都县农田建设服务中心填报日期：2024年3月18日"]]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert [i.name for i in t.indicators] == ["管护高标准农田面积"]


def test_transfer_payments_in_one_file_split_at_each_name(tmp_path: Path) -> None:
    # fp04: 表2's 转移支付（项目）名称 had not started a table: its funds went to 表1's
    def block(name: str, total: str) -> list[list[str]]:
        return [
            ["转移支付（项目）名称", "", name],
            ["资金情况（万元）", "", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["", "年度资金总额", total, total, "10", "100%", "10"],
            ["", "其中：中央资金", total, total, "—", "100%", "—"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "免费提供教科书学生人数", "≥9.8万人", "9.86万人", "90", "90"],
        ]

    rows = [
        ["表1"],
        *block("城乡义务教育补助经费", "14,268.35"),
        ["表2"],
        *block("学生资助", "2,386.40"),
    ]
    first, second = parse_file(_write(tmp_path, rows)).tables
    assert (first.project, first.funds.annual_total.full_year_budget) == (
        "城乡义务教育补助经费",
        14268.35,
    )
    assert (second.project, second.funds.annual_total.full_year_budget) == ("学生资助", 2386.4)


def test_the_blocks_label_with_its_points_on_a_new_pages_row_is_layout(tmp_path: Path) -> None:
    # fo03: a PDF's second page prints 绩效指标(90分) on its first row; it had been read as the
    # rows' 一级 (P104 twice, and the split of points off)
    rows = [
        *_FORM_BODY[:8],
        ["绩效指标(90分)", "", "质量指标", "验收合格率", "100%", "100%", "10", "10"],
        ["", "", "时效指标", "完工及时率", "100%", "100%", "10", "10"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert [(i.l1, i.l2) for i in t.indicators[1:]] == [
        ("产出指标", "质量指标"),
        ("产出指标", "时效指标"),
    ]


def test_a_row_pushed_right_with_its_二级_in_the_names_column_is_read_in_order(
    tmp_path: Path,
) -> None:
    # fs05: the merged 绩效指标 label printed on a middle row pushed it one column right, its
    # 二级 (经济成本指标) under 三级指标; the row had been read with that label as its name
    rows = [
        ["项目名称", "农村生活污水治理"],
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "",
            "",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ],
        ["", "", "", "指标性质", "指标值", "度量单位", "", "", "", ""],
        ["", "数量指标", "治理自然村数", "≥", "18", "个", "18", "30", "30", ""],
        ["产出指标", "质量指标", "出水水质达标率", "≥", "90", "%", "92.5", "30", "30", ""],
        ["", "时效指标", "项目完工时间", "≤", "11", "月", "11", "15", "15", ""],
        [
            "绩效指标",
            "",
            "经济成本指标",
            "单个自然村平均治理投资",
            "≤",
            "21",
            "万元/个",
            "19.59",
            "15",
            "15",
            "",
        ],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    last = t.indicators[-1]
    assert (last.l2, last.name, last.weight) == ("经济成本指标", "单个自然村平均治理投资", 15.0)


def test_a_20_80_headers_wrapped_tails_join_their_labels(tmp_path: Path) -> None:
    # fy06: 年度绩 / 效目标 and 年初目标值 / (A), 实际完成值 / (B) on the line under the header;
    # the tails had been read into the first row's name ((A)效目标新建苹果矮化密植园面积)
    rows = [
        ["项目名称", "苹果矮化密植园建设"],
        ["年度绩", "一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分"],
        ["效目标", "", "", "", "(A)", "(B)", ""],
        ["", "产出指标(50分)", "数量指标", "新建苹果矮化密植园面积", "≥3000亩", "3120亩", "80"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    (row,) = t.indicators
    assert (row.name, row.target, row.actual) == ("新建苹果矮化密植园面积", "≥3000亩", "3120亩")
    assert t.labels["target"] == "年初目标值(A)"


def test_an_ocr_pipe_rows_grid_marks_and_seal_are_not_the_tables_words(tmp_path: Path) -> None:
    # fu04: 82.44 丨 95.86% (a grid line read as 丨 inside a pipe cell) had left 执行数 blank
    # (F103, and 总分 not adding up); the seal's 施 甸 县 … 局 / ★ had gone into a name; ‰ read
    # as %o is ‰
    text = "\n".join(
        [
            "| 项目名称 | 2023年森林草原防灭火专项经费 |",
            "| 预算执行情况（万元） | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 |",
            "| 年度财政资金总额 | 86.OO | 82.44 丨 95.86% | 19.17 |",
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
            "| 产出指标 | 质量指标 | 森林火灾受害率 | ≤O.9‰ | 0.12%o | 40 | 40 |",
            "施 甸 县 林 业 和 草 原 局",
            "★",
            "| | 时效指标 | 火情处置响应时间 | ≤3O分钟 | 25分钟 | 40 | 40 |",
        ]
    )
    path = tmp_path / "ocr.txt"
    path.write_text(text + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct) == (86.0, 82.44, 95.86)
    assert [i.name for i in t.indicators] == ["森林火灾受害率", "火情处置响应时间"]
    assert not {"F103", "S108"} & {f.code for f in _findings(path)}


def test_a_hebei_target_described_in_words_is_the_target() -> None:
    # fv02: 符号 and 值 left empty, the target in 单位(文字描述); it had been read as no target
    (path,) = (Path(__file__).parents[2] / "eval/datasets/written/fv/texts").glob("fv02_*")
    (t,) = parse_file(path).tables
    row = next(i for i in t.indicators if i.name == "农村学校取暖经费保障机制")
    assert (row.target, row.actual) == ("建立县级统筹保障机制", "已建立")
    assert all(i.target for i in t.indicators)


@pytest.mark.parametrize(("spent", "fires"), [("142.87万元", False), ("150.00万元", True)])
def test_a_funds_block_printing_no_unit_is_compared_in_either(
    tmp_path: Path, spent: str, fires: bool
) -> None:
    # fv05: 预算数 145.00 / 执行数 142.87 with no unit printed; the narrative's 142.87万元 had
    # been compared with 142.87元 (a false N106)
    rows = [
        ["项目名称", "森林草原防火专项经费"],
        ["项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "145.00", "145.00", "142.87", "10", "98.53%", "9.85"],
        ["年度总体目标", "预期目标", "实际完成情况"],
        ["", "组建专业森林消防队伍。", f"组建专业森林消防队伍126人，全年支出防火经费{spent}。"],
        *_FORM_BODY[6:],
    ]
    found = {f.code for f in _findings(_write(tmp_path, rows))}
    assert ("N106" in found) is fires


def test_a_20_80_forms_funds_total_named_项目资金总额_over_national_rows(tmp_path: Path) -> None:
    # fw02: 项目资金总额 over 其中：财政拨款 / 其他资金 had been no funds row (false P103, and 总分
    # short by the execution score: T101, T104, W104)
    text = "\n".join(
        [
            "项目名称\t食品安全监督抽检经费",
            "预算执行情况（万元）（20分）\t预算数（A）\t执行数（B）\t执行率（B/A）\t得分（20分*执行率）",
            "项目资金总额\t120.00\t104.82\t87.35%\t17.47",
            "其中：财政拨款\t120.00\t104.82\t87.35%\t—",
            "绩效指标\t一级指标\t二级指标\t三级指标\t年初目标值（A）\t实际完成值（B）\t分值\t得分",
            "\t产出指标\t数量指标\t抽检批次\t≥2100批次\t2160批次\t80\t80",
            "总分\t\t\t\t\t\t100\t97.47",
        ]
    )
    path = tmp_path / "form.txt"
    path.write_text(text + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    assert (t.funds.annual_total.full_year_budget, t.funds.annual_total.executed) == (120, 104.82)
    assert not {"P103", "T101"} & {f.code for f in _findings(path)}


def test_a_sichuan_department_forms_总额_and_its_goal_columns(tmp_path: Path) -> None:
    # fw05: 总额 is the total of a 部门整体 form too; 年度总体目标完成情况 | 年度总体目标 | 年度目标
    # 完成情况 labels the block, the goal set and its completion (they had been read swapped)
    rows = [
        ["部门整体支出绩效自评表"],
        ["部门名称", "宜宾市叙州区司法局"],
        ["年度总体目标完成情况", "年度总体目标", "", "", "", "年度目标完成情况"],
        ["", "全年调解矛盾纠纷2800件以上。", "", "", "", "全年调解矛盾纠纷3012件。"],
        [
            "预算执行情况（10分）",
            "年度预算数（万元）",
            "年初预算",
            "调整后预算数",
            "预算执行数",
            "预算执行率",
            "权重",
            "得分",
        ],
        ["", "总额", "1012.50", "1045.92", "1037.32", "99.18%", "10", "9.92"],
        *_FORM_BODY[6:],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert (t.goal_expected, t.goal_actual) == (
        "全年调解矛盾纠纷2800件以上。",
        "全年调解矛盾纠纷3012件。",
    )
    assert t.funds.annual_total.executed == 1037.32


def test_funds_by_province_county_and_unit_add_up_and_a_score_headed_pingfen(
    tmp_path: Path,
) -> None:
    # 省级资金 | 市县配套 | 单位自筹 | 上年结转 beside 中央资金, under a 评分 column (gm01, gm03)
    head = [
        ["项目名称", "某项目"],
        ["项目资金 (万元)", "", "年初预算数", "全年预算数", "全年执行数", "权重", "执行率", "评分"],
    ]
    levels = [
        ["", "年度资金总额", "186.00", "212.40", "201.36", "10", "94.80%", "9.48"],
        ["", "其中:中央资金", "120.00", "120.00", "120.00", "—"],
        ["", "省级资金", "36.00", "36.00", "33.80", "—"],
        ["", "市县配套", "30.00", "30.00", "25.16", "—"],
        ["", "单位自筹", "0.00", "0.00", "0.00", "—"],
        ["", "上年结转", "0.00", "26.40", "22.40", "—"],
    ]
    path = _write(tmp_path, [*head, *levels, *_FORM_BODY[6:]])
    (t,) = parse_file(path).tables
    assert t.funds.annual_total.score == 9.48
    assert t.funds.extra["市县配套"].kind == t.funds.extra["单位自筹"].kind == "local_funds"
    assert "F101" not in {f.code for f in _findings(path)}


def test_a_figure_and_another_rows_target_in_a_name_is_a_misread(tmp_path: Path) -> None:
    # OCR (gr05): a row's score and actual, then the next row's target, read into a name
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "农村人居环境整治"],
        [
            *["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
            *["分值", "得分"],
        ],
        ["", "产出指标", "数量指标", "清运垃圾量", "≥1.8万吨", "1.86万吨", "50", "50"],
        ["", "效益指标", "社会效益指标", "1092%≥90%无害化处理率", "≥90%", "92%", "30", "30"],
        ["", "满意度指标", "服务对象满意度指标", "满意度", "≥85%", "87%", "10", "10"],
    ]
    (t,) = parse_file(_write(tmp_path, rows)).tables
    assert any("带运算符的指标值" in d.reason for d in t.doubts)
    rows[4][3] = "≥60岁老人无害化处理率"  # a comparison opening a name, no figure before it
    (t,) = parse_file(_write(tmp_path, rows, "b.txt")).tables
    assert not t.doubts
    # an explanation's sentence read into a name (gx03: 天，于12月中旬完工。下一步将)
    rows[4][3] = "天，于12月中旬完工。下一步将"
    (t,) = parse_file(_write(tmp_path, rows, "c.txt")).tables
    assert any("中夹着句子" in d.reason for d in t.doubts)
