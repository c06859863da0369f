"""Each form family, from a small table written in that family's own labels (tab layout).

For each family: the table is recognised as it, read into the one EvaluationTable shape (the
form's words kept in ``labels``), and reviewed by the family's conventions — the points of
budget execution, the default split where it applies, no finding the form cannot cause.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.cli import main
from reviewer.config import Config
from reviewer.model import EvaluationTable
from reviewer.pipeline import review


def _write(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "form.txt"
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def _table(tmp_path: Path, rows: list[list[str]]) -> EvaluationTable:
    report = parse_file(_write(tmp_path, rows))
    assert report.leftovers == [], [lo.text for lo in report.leftovers]
    (table,) = report.tables
    return table


def _codes(tmp_path: Path, rows: list[list[str]]) -> set[str]:
    """The codes of the findings about the table (not the report's rounding note)."""
    found = review(_write(tmp_path, rows), config=Config()).findings
    return {f.code for f in found if f.table_index is not None}


SICHUAN = [
    ["报表编号:510000_0013zp"],
    ["部门预算项目支出绩效自评表(2023年度)"],
    ["项目名称", "51000021R000000019951-工资性支出"],
    ["主管部门", "某县发展和改革局", "实施单位 (盖章)", "某县发展和改革局"],
    ["项目基本情况", "1.项目年度目标完成情况", "项目年度目标", "年度目标完成情况"],
    ["", "", "保障工资及时足额发放。", "全年按月足额发放工资238.93万元。"],
    ["", "2.项目实施内容及过程概述", "按月发放工资。"],
    [
        "预算执行情况(10分)",
        "年度预算数(万元)",
        "年初预算",
        "调整后预算数",
        "预算执行数",
        "预算执行率",
        "权重",
        "得分",
        "原因",
    ],
    ["", "总额", "238.93", "238.93", "238.93", "100.00%", "10", "10", ""],
    ["", "其中:财政资金", "238.93", "238.93", "238.93", "100.00%", "/", "/"],
    ["", "财政专户管理资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"],
    ["", "单位资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"],
    [
        "绩效指标(90分)",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "完成值",
        "权重",
        "得分",
        "未完成原因分析",
    ],
    ["", "产出指标", "数量指标", "发放覆盖率", "=", "100", "%", "100%", "50", "50", ""],
    ["", "效益指标", "社会效益指标", "足额保障率", "=", "100", "%", "100%", "30", "30", ""],
    ["", "满意度指标", "服务对象满意度指标", "职工满意度", "≥", "90", "%", "95%", "10", "10", ""],
    ["合计", "", "", "", "", "", "", "", "100", "100", ""],
    ["评价结论", "工资按月足额发放，自评得分100分。"],
    ["存在问题", "无"],
    ["改进措施", "继续做好工资发放。"],
    ["项目负责人:张三", "财务负责人:李四"],
]


def test_sichuan_form_reads_its_own_words(tmp_path: Path) -> None:
    t = _table(tmp_path, SICHUAN)
    assert (t.family, t.project, t.implementer) == (
        "sichuan-zp",
        "51000021R000000019951-工资性支出",
        "某县发展和改革局",
    )
    total = t.funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed) == (
        238.93,
        238.93,
        238.93,
    )
    assert (total.weight, total.score, t.amount_unit) == (10, 10, "万元")
    assert set(t.funds.extra) == {"财政专户管理资金", "单位资金"}
    assert t.funds.extra["单位资金"].kind == "source"  # a source of 总额, added up with 财政资金
    assert [(i.name, i.target, i.actual, i.weight) for i in t.indicators] == [
        ("发放覆盖率", "=100%", "100%", 50),
        ("足额保障率", "=100%", "100%", 30),
        ("职工满意度", "≥90%", "95%", 10),
    ]
    assert (t.labels["weight"], t.labels["explanation"]) == ("权重", "未完成原因分析")
    assert t.fields["conclusion"].startswith("工资按月足额发放")
    assert (t.fields["project_lead"], t.fields["finance_lead"]) == ("张三", "李四")
    assert t.goal_actual == "全年按月足额发放工资238.93万元。"
    assert t.complete and t.reliable


def test_sichuan_forms_other_name_for_its_appropriation_row(tmp_path: Path) -> None:
    # a county's form prints 其中:财政拨款 where the province's prints 其中:财政资金
    rows = [r if r[1:2] != ["其中:财政资金"] else ["", "其中:财政拨款", *r[2:]] for r in SICHUAN]
    t = _table(tmp_path, rows)
    appropriation = t.funds.current_year_appropriation
    assert appropriation is not None and appropriation.executed == 238.93


def test_sichuan_form_clean_has_no_finding_and_asks_a_reason_for_any_change(
    tmp_path: Path,
) -> None:
    assert _codes(tmp_path, SICHUAN) == set()
    changed = [r[:] for r in SICHUAN]
    changed[8][2] = "200.00"  # 年初预算 200 → 调整后 238.93: the form asks a reason for any change
    assert "F104" in _codes(tmp_path, changed)


TWENTY_EIGHTY = [
    ["2022年度项目支出绩效自评表"],
    ["项目名称", "某合作社生猪养殖场建设项目"],
    ["主管部门", "某县供销合作社联合社", "项目实施单位", "某专业合作社"],
    [
        "预算执行情况(万元) (20分)",
        "预算数(A)",
        "执行数(B)",
        "执行率(B/A)",
        "得分 (20分*执行率)",
    ],
    ["年度财政资金总额", "50", "50", "100%", "20"],
    [
        "年度绩效目标 (80分)",
        "一级指标",
        "二级指标",
        "三级指标",
        "年初目标值(A)",
        "实际完成值(B)",
        "得分",
    ],
    ["", "产出指标(40分)", "数量指标", "公猪舍面积", "≥22.8平方米", "22.8平方米", "20"],
    ["", "", "时效指标", "按期完工率", "≥90%", "100%", "20"],
    ["", "效益指标(30分)", "经济效益指标", "年出栏生猪", "≥200头", "220头", "30"],
    ["", "满意度指标(10分)", "服务对象满意度指标", "农户满意度", "≥90%", "95%", "10"],
    ["总分", "100分"],
]


def test_twenty_eighty_form_has_no_weight_column_and_execution_worth_20(tmp_path: Path) -> None:
    t = _table(tmp_path, TWENTY_EIGHTY)
    assert t.family == "20-80"
    assert t.funds.annual_total.weight == 20  # from the block's label: 预算执行情况(20分)
    assert [(i.weight, i.score) for i in t.indicators] == [
        (None, 20),
        (None, 20),
        (None, 30),
        (None, 10),
    ]
    assert t.stated_weights["产出指标"] == 40 and t.total_score == 100
    # 40/30/10 is not a departure from 50/30/10 here, nor is the absent 分值 a weight error
    assert _codes(tmp_path, TWENTY_EIGHTY) == set()


def test_twenty_eighty_total_must_add_up(tmp_path: Path) -> None:
    wrong = [r[:] for r in TWENTY_EIGHTY]
    wrong[-1] = ["总分", "95分"]
    assert "T101" in _codes(tmp_path, wrong)


def test_twenty_eighty_cut_off_with_little_spent_and_every_row_met(tmp_path: Path) -> None:
    # 10 of 50 spent (20%), and the document ends inside the table: the rows' share of the 80
    # points is unknown, but each of the three rows in view reached its target.
    rows = [r[:] for r in TWENTY_EIGHTY[:-2]]
    rows.append(["", "满意度指标(10分)", "服务对象满意度指标", "农户满意度"])  # cut in this row
    rows[4] = ["年度财政资金总额", "50", "10", "20%", "4"]
    t = _table(tmp_path, rows)
    assert not t.complete and [i.partial for i in t.indicators] == [False, False, False, True]
    found = [f for f in review(_write(tmp_path, rows)).findings if f.code == "B105"]
    assert [("3个指标均达到" in f.message) for f in found] == [True]
    rows[8][5] = "15平方米"  # one row in view short of its target: nothing to say
    assert "B105" not in _codes(tmp_path, rows)


HEBEI = [
    ["某县民政局2020年度预算项目绩效自评表"],
    [
        "一、基本情况",
        "项目名称:",
        "百岁老人高龄津贴",
        "实施(主管)单位",
        "314002-某县民政局",
        "金额单位: 万元",
    ],
    ["二、预算执行情况", "预算安排情况(调整后)", "资金到位情况", "资金执行情况", "预算执行进度(%)"],
    ["预算数", "6.84", "到位数", "6.84", "执行数", "6.84", "100.00"],
    ["其中:财政资金", "6.84", "其中:财政资金", "6.84", "其中:财政资金", "6.84"],
    ["三、目标完成情况", "年度预期目标", "具体完成情况", "总体完成率(%)"],
    ["", "为百岁老人发放补贴。", "为19名百岁老人发放补贴6.84万元。", "100.00"],
]


def test_hebei_form_reads_label_amount_pairs_and_its_sections(tmp_path: Path) -> None:
    report = parse_file(_write(tmp_path, HEBEI))
    (t,) = report.tables
    assert t.family == "hebei-4section" and t.amount_unit == "万元"
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct) == (6.84, 6.84, 100.0)
    assert total.cells["received"].text == "6.84"  # 到位数: kept as printed
    assert t.goal_actual == "为19名百岁老人发放补贴6.84万元。"
    assert t.fields["总体完成率(%)"] == "100.00"


DEPARTMENT = [
    ["部门整体支出绩效自评表"],
    ["部门(单位)名称", "某镇人民政府"],
    ["年度资金总额:", "1172.55", "1172.55", "1100.00", "10", "93.81%", "9.38"],
]


def test_department_form_names_a_department_not_a_project(tmp_path: Path) -> None:
    rows = [
        DEPARTMENT[0],
        DEPARTMENT[1],
        [
            "部门(单位)总体资金(万元)",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
        DEPARTMENT[2],
    ]
    report = parse_file(_write(tmp_path, rows))
    (t,) = report.tables
    assert (t.family, t.subject, t.department, t.project) == (
        "dept-wide",
        "department",
        "某镇人民政府",
        "",
    )
    assert t.name == "某镇人民政府"
    assert not t.complete  # the excerpt ends before its indicators
    codes = {f.code for f in review(report).findings}
    assert "P103" not in codes  # a cut table is not said to lack its parts


def _department_with_breakdown(income: list[str], expense: list[str]) -> list[list[str]]:
    """The 部门整体 form with its breakdown lines printed label：amount in one cell each."""
    header = ["部门(单位)总体资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值"]
    return [
        *DEPARTMENT[:2],
        [*header, "执行率", "得分"],
        ["年度资金总额", "861.10", "2030.12", "2030.12", "10", "100%", "10"],
        ["按收入性质分：" + income[0], "按支出性质分：" + expense[0]],
        ["其中：一般公共预算：" + income[1], "其中：基本支出：" + expense[1]],
        ["政府性基金拨款：" + income[2], "项目支出：" + expense[2]],
        ["纳入专户管理的非税收入拨款："],
        ["其他资金：" + income[3]],
    ]


def test_department_breakdown_lines_are_read_label_and_amount_from_one_cell(
    tmp_path: Path,
) -> None:
    rows = _department_with_breakdown(
        ["2030.12", "1325.68", "118.82", "585.62"], ["2030.12", "1004.92", "1025.20"]
    )
    report = parse_file(_write(tmp_path, rows))
    assert report.leftovers == [], [lo.text for lo in report.leftovers]
    (t,) = report.tables
    read = {label: (row.kind, row.amount) for label, row in t.funds.extra.items()}
    assert read == {
        "按收入性质分": ("income_total", 2030.12),
        "按支出性质分": ("expense_total", 2030.12),
        "一般公共预算": ("by_income", 1325.68),
        "基本支出": ("by_expense", 1004.92),
        "政府性基金拨款": ("by_income", 118.82),
        "项目支出": ("by_expense", 1025.20),
        "纳入专户管理的非税收入拨款": ("by_income", None),
        "其他资金": ("by_income", 585.62),
    }
    assert t.funds.other.cells == {}  # 其他资金 here is a part of the income, not a source row
    assert "F101" not in {f.code for f in review(report).findings}


def test_department_breakdowns_that_do_not_add_up(tmp_path: Path) -> None:
    # by expense 900.47 + 1025.20 = 1925.67: its own sum holds, but not the income's 2030.12
    rows = _department_with_breakdown(
        ["2030.12", "1325.68", "118.82", "585.62"], ["1925.67", "900.47", "1025.20"]
    )
    found = [f for f in review(_write(tmp_path, rows)).findings if f.code == "F101"]
    assert [(f.found, f.expected) for f in found] == [("1,925.67", "2,030.12")]
    # a part changed: the income side's sum no longer makes its total
    rows = _department_with_breakdown(
        ["2030.12", "1325.68", "118.82", "500.00"], ["2030.12", "1004.92", "1025.20"]
    )
    found = [f for f in review(_write(tmp_path, rows)).findings if f.code == "F101"]
    assert [(f.found, f.expected) for f in found] == [("2,030.12", "1,944.5")]
    assert "按收入性质分合计为2,030.12" in found[0].message


RUBRIC = [
    ["2023年度部门整体支出绩效评价自评表"],
    ["单位", "某县司法局"],
    ["序号", "一级指标", "二级指标", "三级指标", "指标分值", "指标解释", "评分标准", "自评得分"],
    ["1", "规划(15分)", "基础信息(3分)", "基础信息完整性", "3", "信息是否完整。", "完整得3分", "3"],
    ["2", "", "工作计划(12分)", "工作计划完整性", "12", "计划是否完整。", "完整得12分", "12"],
    ["3", "执行(85分)", "预算执行(85分)", "预算执行率", "85", "执行率。", "按执行率计分", "90"],
    ["总分", "", "", "", "100", "", "", "105"],
]


def test_rubric_gets_only_its_arithmetic(tmp_path: Path) -> None:
    t = _table(tmp_path, RUBRIC)
    assert t.family == "rubric"
    assert [(i.l1, i.name, i.weight, i.score) for i in t.indicators] == [
        ("规划", "基础信息完整性", 3, 3),
        ("规划", "工作计划完整性", 12, 12),
        ("执行", "预算执行率", 85, 90),
    ]
    codes = _codes(tmp_path, RUBRIC)
    assert "S101" in codes  # 90 points on a row worth 85
    # no targets to score against, no 50/30/10, no funds block: nothing but arithmetic
    assert not {c for c in codes if c[0] in "BFEN"} and "W102" not in codes


def test_rubric_with_its_unit_left_empty(tmp_path: Path) -> None:
    # 单位 printed with nothing after it: the rubric does not say whose it is.
    rows = [RUBRIC[0], ["单位", ""], *RUBRIC[2:]]
    t = _table(tmp_path, rows)
    assert t.name == "" and t.labels.get("department") == "单位"
    assert "P109" in _codes(tmp_path, rows)
    assert "P109" not in _codes(tmp_path, RUBRIC)  # 某县司法局: filled in


TRANSFER = [
    ["食品监管补助资金区域绩效目标自评表"],
    ["专项名称", "食品监管补助资金"],
    ["中央主管部门", "市场监管总局", "省级财政部门", "某省财政厅"],
    ["项目资金(万元)", "全年预算数", "全年执行数", "执行率"],
    ["年度资金总额", "2.38", "2.38", "100%"],
    ["其中:中央补助", "2.38", "2.38", "100%"],
]


def test_transfer_payment_form(tmp_path: Path) -> None:
    report = parse_file(_write(tmp_path, TRANSFER))
    (t,) = report.tables
    assert (t.family, t.project) == ("transfer-payment", "食品监管补助资金")
    assert t.fields["中央主管部门"] == "市场监管总局"
    assert t.funds.extra["其中:中央补助"].kind == "central_funds"


TRANSFER_BY_LINE = [
    ["食品监管补助资金区域绩效目标自评表"],
    ["专项名称", "食品监管补助资金"],
    ["中央主管部门", "市场监管总局", "省级财政部门", "某省财政厅"],
    ["预算执行情况"],
    ["预算数:", "2.38"],
    ["执行数:", "2.30"],
    ["其中:中央补助", "2.38万元", "其中:中央补助", "2.30万元"],
    ["地方资金/其他", "万元", "地方资金/其他", "万元"],
]


def test_transfer_payment_funds_named_a_column_per_line(tmp_path: Path) -> None:
    """预算数: | 2.38 and 执行数: | 2.30 on lines of their own, with no row label, are the
    block's total; the rows below print their label over each column (中央补助 | 2.38万元 |
    中央补助 | 2.30万元): their amounts go to the columns in the order the lines named them,
    not to 年初预算数 first, and a cell holding only 万元 is an amount left blank."""
    t = _table(tmp_path, TRANSFER_BY_LINE)
    total = t.funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed) == (None, 2.38, 2.30)
    central = t.funds.extra["其中:中央补助"]
    assert (central.initial_budget, central.full_year_budget, central.executed) == (
        None,
        2.38,
        2.30,
    )
    local = t.funds.extra["地方资金/其他"]
    assert (local.full_year_budget, local.executed) == (None, None)
    assert t.amount_unit == "万元"


def test_transfer_payment_funds_a_cell_per_paragraph(tmp_path: Path) -> None:
    """The same block as published, one cell per paragraph, reads the same."""
    path = tmp_path / "form.txt"
    path.write_text("\n\n".join(c for row in TRANSFER_BY_LINE for c in row) + "\n", "utf-8")
    (t,) = parse_file(path).tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed) == (2.38, 2.30)
    central = t.funds.extra["其中:中央补助"]
    assert (central.initial_budget, central.full_year_budget, central.executed) == (
        None,
        2.38,
        2.30,
    )


def test_form_names_a_family_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, TWENTY_EIGHTY)
    assert main(["parse", str(path), "--form", "national-2020"]) == 0
    assert '"family": "national-2020"' in capsys.readouterr().out
    assert main(["forms"]) == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in ("sichuan-zp", "20-80", "rubric", "hebei-4section"))


def test_a_form_title_in_the_project_name_cell_is_the_project_not_a_new_table(
    tmp_path: Path,
) -> None:
    """项目名称 | …支出绩效自评表: the title printed after the name key is that key's value (a
    published Yunnan table fills it so), and the memo notes it (P103, info)."""
    rows = [*SICHUAN[:2], ["项目名称", "2020年省级卫片执法补助经费支出绩效自评表"], *SICHUAN[3:]]
    table = _table(tmp_path, rows)
    assert table.project == "2020年省级卫片执法补助经费支出绩效自评表"
    found = review(_write(tmp_path, rows), config=Config()).findings
    (p103,) = [f for f in found if f.code == "P103"]
    assert "填写的是表名" in p103.message and p103.severity == "info"
    # said on a table the document cuts off too: the name is in view whatever follows
    last = next(i for i, r in enumerate(rows) if "职工满意度" in r)
    cut = [*rows[:last], rows[last][:4]]  # the document ends inside the last indicator row
    assert not _table(tmp_path, cut).complete
    found = review(_write(tmp_path, cut), config=Config()).findings
    assert [f.message for f in found if f.code == "P103"] == [p103.message]


# A rubric printed in numbered sections, its 一级 labels at the top of their merged cells and
# the 二级 words of 财预〔2020〕10号's framework (产出数量 …) under 产出.
RUBRIC_IN_SECTIONS = [
    ["某县交通运输局2020年度项目支出绩效自评评分表"],
    ["一、项目基本情况"],
    ["项目名称", "农村公路日常养护", "主管部门", "某县交通运输局"],
    ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数"],
    ["年度资金总额", "560.00", "560.00", "548.80"],
    ["二、绩效评价评分表"],
    ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "评分依据", "得分"],
    ["决策", "项目立项", "立项依据充分性", "10", "依据充分的得10分。", "依据充分。", "10"],
    ["过程", "资金管理", "预算执行率", "20", "得分=执行率×20。", "执行率98%。", "19.6"],
    ["", "", "资金使用合规性", "10", "合规的得10分。", "合规。", "10"],
    ["", "组织实施", "制度执行有效性", "10", "按月考核的得10分。", "按月考核。", "10"],
    ["产出", "产出数量", "日常养护里程", "20", "完成466公里的得20分。", "完成466公里。", "20"],
    ["", "产出成本", "养护成本控制", "10", "不超过1.2万元/公里的得10分。", "1.18万元。", "10"],
    ["效益", "社会效益", "群众出行条件改善", "20", "明显改善的得20分。", "明显改善。", "20"],
    ["合计", "", "", "100", "", "", "99.6"],
]


def test_rubric_in_numbered_sections_is_one_table_with_labels_from_their_top(
    tmp_path: Path,
) -> None:
    """二、绩效评价评分表 names the form but is the table's second part, not a new table; a row
    whose wording points to 产出 (资金使用合规性: 合规 → 质量) stays under the label above it. (The rubric reads no funds block: its amounts are reported.)"""
    (t,) = parse_file(_write(tmp_path, RUBRIC_IN_SECTIONS)).tables
    assert t.family == "rubric" and t.project == "农村公路日常养护"
    assert [(i.l1, i.l2, i.name) for i in t.indicators] == [
        ("决策", "项目立项", "立项依据充分性"),
        ("过程", "资金管理", "预算执行率"),
        ("过程", "资金管理", "资金使用合规性"),
        ("过程", "组织实施", "制度执行有效性"),
        ("产出指标", "产出数量", "日常养护里程"),
        ("产出指标", "产出成本", "养护成本控制"),
        ("效益指标", "社会效益", "群众出行条件改善"),
    ]


@pytest.mark.parametrize("actual_label", ["年度目标实际完成情况", "年度绩效目标完成情况"])
def test_the_goals_actual_under_a_longer_label(tmp_path: Path, actual_label: str) -> None:
    # bd01: 年初设定目标 | 年度目标实际完成情况 had both texts read as the goal
    rows = [
        ["2021年度项目支出绩效目标实现情况表"],
        ["项目名称", "农村饮水工程维修养护"],
        ["主管部门", "某县水利局", "", "实施单位", "某县农村饮水安全管理站"],
        [
            "项目资金",
            "资金来源",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "执行率",
            "权重",
            "得分",
        ],
        ["", "合计", "420.00", "420.00", "420.00", "100.00%", "10", "10"],
        ["年度目标", "年初设定目标", "", "", actual_label],
        ["", "更换老旧供水管网35公里。", "", "", "更换老旧供水管网31.2公里。"],
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
        ["", "产出指标", "数量指标", "更换老旧供水管网长度", "≥35公里", "31.2公里", "90", "80"],
        ["总分", "", "", "", "", "", "100", "90"],
    ]
    table = _table(tmp_path, rows)
    assert table.goal_expected == "更换老旧供水管网35公里。"
    assert table.goal_actual == "更换老旧供水管网31.2公里。"


def test_a_longer_title_over_another_forms_labels_is_that_form() -> None:
    from reviewer.forms.recognise import recognise

    national = [
        "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t64.00\t64.00\t64.00\t10\t100.00%\t10.00",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    ]
    # iu05: 部门预算项目支出绩效自评表 is 四川's title, over the national form's labels
    seen = recognise(["某局2022年度部门预算项目支出绩效自评表", "项目支出绩效自评表", *national])
    assert seen.family.name == "national-2020"
    # a title naming another subject is no longer word for the same form: 部门整体 stays
    seen = recognise(["某局2025年度部门整体支出绩效自评表", "部门名称\t某局", *national])
    assert seen.family.name == "dept-wide"
    # 四川's title cut at its start (…算项目支出绩效自评表) over 四川's labels: 四川's form
    cut = ["算项目支出绩效自评表(2022年度)", "总额\t年初预算\t调整后预算数\t预算执行数\t预算执行率"]
    cut.append("一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t未完成原因分析")
    assert recognise(cut).family.name == "sichuan-zp"
    # and 四川's own labels keep 四川's form
    sichuan = ["部门预算项目支出绩效自评表", "总额\t年初预算\t调整后预算数\t预算执行数\t预算执行率"]
    assert recognise(sichuan).family.name == "sichuan-zp"
