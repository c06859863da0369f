"""Variants of the forms' parts met in round 63 of the written tables (nw–oa): a funds header
over two rows, a goal beside its label, the head's year as a key, a 合计 before the total, a
copy a cell a line whose blank lines part only some rows. Each test builds the smallest text
that shows one, and asserts how it is read.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.grid import Cell, Row
from reviewer.parse.columns import header_words, read_header
from reviewer.pipeline import review

INDICATORS = [
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    "产出指标\t数量指标\t家庭医生签约服务人数\t≥12.5万人\t12.86万人\t50\t50\t",
    "效益指标\t社会效益指标\t居民健康档案建档率\t≥90%\t91.7%\t30\t30\t",
    "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t94%\t10\t10\t",
]


def _written(tmp_path: Path, lines: list[str], name: str = "report.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_department_funds_header_over_two_rows(tmp_path: Path) -> None:
    # oa03: 资金类别 | 预算资金情况 over 年初预算数 | 全年预算数 | 全年执行数, and 分值 | 执行率 |
    # 得分 printed on the upper row only: the total's points, rate and score are read
    lines = [
        "部门整体支出绩效自评表",
        "部门（单位）名称\t灵川县卫生健康局",
        "年度预算执行情况（万元）\t资金类别\t\t预算资金情况\t\t\t分值\t执行率\t得分",
        "\t\t\t年初预算数\t全年预算数\t全年执行数\t\t\t",
        "\t年度资金总额\t\t2,152.00\t2,145.60\t2,031.47\t10\t94.40%\t9.44",
        *INDICATORS,
        "总分\t\t\t\t\t\t100\t99.44\t",
    ]
    report = parse_file(_written(tmp_path, lines))
    total = report.tables[0].funds.annual_total
    assert (total.weight, total.rate_pct, total.score) == (10.0, 94.4, 9.44)
    assert not any(lo.text in ("资金类别", "预算资金情况") for lo in report.leftovers)


def test_the_heads_key_and_value_before_the_funds_label_on_one_row(tmp_path: Path) -> None:
    # mk02, ny03: 部门（单位）名称 | 信丰县市场监督管理局 | 年度预算执行情况（万元） run on one
    # row: the head's key and value are read, the row is no funds header (a guard: the label
    # names the funds block since this round, which first lost the department here)
    lines = [
        "部门整体支出绩效自评表",
        "部门（单位）名称\t信丰县市场监督管理局\t年度预算执行情况（万元）",
        "年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t3340.00\t3358.72\t3301.56\t10\t98.30%\t9.83",
        *INDICATORS,
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert t.department == "信丰县市场监督管理局"
    assert t.funds.annual_total.executed == 3301.56


def test_the_amounts_unit_where_the_funds_rows_label_stands(tmp_path: Path) -> None:
    # ny02: | 单位：万元 | 126.50 | 122.52 | 96.85% | 19.37 | under a 20/80 form's funds header
    lines = [
        "| 2022年度项目支出绩效自评表 |",
        "| 项目名称 | 农家书屋及送戏下乡项目 | 主管部门 | 秭归县文化和旅游局 |",
        "| 预算执行情况(20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率) |",
        "| 单位：万元 | 126.50 | 122.52 | 96.85% | 19.37 |",
        "| 年度绩效目标(80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |",
        "| | 产出指标(40分) | 数量指标(40分) | 补充图书 | ≥6000册 | 6240册 | 40 |",
        "| | 效益指标(30分) | 社会效益指标(30分) | 参与群众 | ≥3万人次 | 3.4万人次 | 30 |",
        "| | 满意度指标(10分) | 服务对象满意度指标(10分) | 群众满意度 | ≥90% | 93.5% | 10 |",
    ]  # fmt: skip
    report = parse_file(_written(tmp_path, lines))
    total = report.tables[0].funds.annual_total
    assert (total.full_year_budget, total.executed, total.score) == (126.5, 122.52, 19.37)
    assert not any(lo.text == "单位：万元" for lo in report.leftovers)


def test_a_sum_row_then_the_total_score_row(tmp_path: Path) -> None:
    # ny02, du01: 合计 | 79.50 (the indicators' sum on a 20/80 form), then 自评总分 | 98.87 |
    # 自评等级 | 优: the table's total is the second, its grade read with its label
    lines = [
        "| 2022年度项目支出绩效自评表 |",
        "| 项目名称 | 农家书屋项目 | 主管部门 | 秭归县文化和旅游局 |",
        "| 预算执行情况(20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率) |",
        "| 项目资金 | 126.50 | 122.52 | 96.85% | 19.37 |",
        "| 年度绩效目标(80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |",
        "| | 产出指标(40分) | 数量指标(40分) | 补充图书 | ≥6000册 | 6240册 | 40 |",
        "| | 效益指标(30分) | 社会效益指标(30分) | 参与群众 | ≥3万人次 | 2.9万人次 | 29.50 |",
        "| | 满意度指标(10分) | 服务对象满意度指标(10分) | 群众满意度 | ≥90% | 93.5% | 10 |",
        "| 合计 | | | | | | 79.50 |",
        "| 自评总分 | 98.87 | 自评等级 | 优 |",
    ]  # fmt: skip
    result = review(_written(tmp_path, lines))
    (t,) = result.report.tables
    assert (t.total_score, t.grade) == (98.87, "优")
    assert not {"T101", "T103"} & {f.code for f in result.findings}
    assert not any(lo.text == "自评等级" for lo in result.report.leftovers)


def test_a_goal_beside_the_blocks_label_with_its_points(tmp_path: Path) -> None:
    # oa06: 年度绩效目标（80分） | the goal, on a 20/80 form: the expected goal
    lines = [
        "2019年度项目支出绩效自评表",
        "项目名称\t公共文化服务体系建设专项",
        "预算执行情况（20分）\t预算数（A）\t执行数（B）\t执行率（B/A）\t得分（20分*执行率）",
        "项目资金（万元）\t356.00\t344.39\t96.74%\t19.35",
        "年度绩效目标（80分）\t全年组织送戏下乡演出120场以上，补充农家书屋图书24000册。",
        "一级指标\t二级指标\t三级指标\t年初目标值（A）\t实际完成值（B）\t得分",
        "产出指标（40分）\t数量指标（40分）\t送戏下乡演出场次\t≥120场\t126场\t40",
        "效益指标（30分）\t社会效益指标（30分）\t群众参与人次\t≥3万人次\t3.1万人次\t30",
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert t.goal_expected == "全年组织送戏下乡演出120场以上，补充农家书屋图书24000册。"


def test_a_goal_and_its_result_beside_the_blocks_label(tmp_path: Path) -> None:
    # nx02: 年度总体目标 | the goal | its result, no label of their own: as the form orders them
    lines = [
        "部门整体支出绩效自评表",
        "部门（单位）名称\t沂水县卫生健康局",
        "年度总体目标\t落实基本公共卫生服务项目，建档率保持在90%以上。\t全年规范管理居民电子健康档案98.2万份，建档率92.6%。",
        *INDICATORS,
    ]  # fmt: skip
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert t.goal_expected == "落实基本公共卫生服务项目，建档率保持在90%以上。"
    assert t.goal_actual == "全年规范管理居民电子健康档案98.2万份，建档率92.6%。"


def test_labelled_goal_lines_each_wrapped_onto_a_line_of_its_own(tmp_path: Path) -> None:
    # nw05: 年度目标：… / its rest, 年度目标完成情况：… / its rest: the result is the result's
    # (年度目标* had taken it for the expected goal), each rest joined to its line
    lines = [
        "项目支出绩效自评表",
        "项目名称\t基本公共卫生服务项目",
        "年度目标：为全县城乡居民免费提供基本公共卫生服务，高血压患者规",
        "范管理3.1万人以上。",
        "年度目标完成情况：全年规范管理高血压患者3.18万人，居民电子健",
        "康档案建档率92.4%。",
        *INDICATORS,
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert (
        t.goal_expected == "为全县城乡居民免费提供基本公共卫生服务，高血压患者规范管理3.1万人以上。"
    )
    assert t.goal_actual == "全年规范管理高血压患者3.18万人，居民电子健康档案建档率92.4%。"


def test_the_year_as_a_key_of_the_head(tmp_path: Path) -> None:
    # nw05: 项目名称 | … | 年度 | 2024
    lines = ["项目支出绩效自评表", "项目名称\t基本公共卫生服务项目\t年度\t2024", *INDICATORS]
    report = parse_file(_written(tmp_path, lines))
    assert report.tables[0].year == 2024
    assert not report.leftovers


def test_a_first_level_label_with_its_points_run_into_the_second(tmp_path: Path) -> None:
    # nw05: 效益指标（30分）社会效益指标 in one cell (a scan read no space between them)
    lines = [
        "项目支出绩效自评表",
        "项目名称\t基本公共卫生服务项目",
        "一级指标\t二级指标\t三级指标\t年初目标值（A）\t实际完成值（B）\t得分",
        "产出指标（40分）\t数量指标\t老年人健康管理人数\t≥6.2万人\t6.35万人\t40",
        "效益指标（30分）社会效益指标\t重点人群健康管理覆盖面\t持续扩大\t持续扩大\t30",
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    row = t.indicators[1]
    assert (row.l1, row.l2, row.name) == ("效益指标", "社会效益指标", "重点人群健康管理覆盖面")


def test_a_last_row_cut_after_its_points(tmp_path: Path) -> None:
    # nz01: 安防工程交工验收合格率 | =100% | 100% | 5, the excerpt ending before its 得分: a row of
    # its own, not the rest of the name above
    lines = [
        "绩效指标    一级指标    二级指标    三级指标              年度指标值      实际完成值    分值    得分",
        "            产出指标    数量指标    农村公路日常养护里程  ≥1260公里       1260公里      10      10",
        "                        质量指标    养护路段优良路率      ≥75%            78.6%         10      10",
        "                                    安防工程交工验收合格率  =100%         100%          5",
    ]  # fmt: skip
    (t,) = parse_file(_written(tmp_path, lines)).tables
    last = t.indicators[-1]
    assert [i.name for i in t.indicators[-2:]] == ["养护路段优良路率", "安防工程交工验收合格率"]
    assert (last.target, last.actual, last.weight, last.score) == ("=100%", "100%", 5.0, None)


def test_a_department_form_known_by_its_breakdowns_without_its_title(tmp_path: Path) -> None:
    # nz02: an excerpt from its funds block, no title: 按收入性质分 is the 部门整体 form's own
    # label, where 年度资金总额 and 年初预算数 are every form's; its 其他资金 is then the
    # breakdown's line, not the national form's source row (a false F101)
    lines = [
        "年度预算（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t386.50\t412.80\t405.37\t10\t98.20%\t9.82",
        "按收入性质分",
        "其中：一般公共预算财政拨款\t368.50\t394.80\t387.37",
        "其他资金\t18.00\t18.00\t18.00",
        "按支出性质分",
        "其中：基本支出\t301.20\t318.60\t318.60",
        "项目支出\t85.30\t94.20\t86.77",
        *INDICATORS,
    ]
    result = review(_written(tmp_path, lines))
    assert result.report.tables[0].family == "dept-wide"
    assert "F101" not in {f.code for f in result.findings}


def test_a_copy_a_cell_a_line_whose_blank_lines_part_only_the_rows(tmp_path: Path) -> None:
    # nz02: the funds, goals and header a cell a line with no blank line between them, then
    # the indicator rows each after a blank line, one row's blank line left out after its
    # explanation: the head rebuilt by the form's labels, the two rows apart
    head = [
        "年度预算（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        "年度资金总额", "386.50", "412.80", "405.37", "10", "98.20%", "9.82",
        "年度总体目标", "预期目标", "实际完成情况",
        "全年完成馆藏档案数字化加工120万页，提升档案查阅利用服务水平。",
        "全年完成馆藏档案数字化加工126.4万页，接待查档利用2868人次。",
        "年度绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
        "得分", "偏差原因分析及改进措施",
        "产出指标", "数量指标", "馆藏档案数字化加工页数", "≥120万页", "126.4万页", "60", "60",
    ]  # fmt: skip
    rows = [
        "",
        "效益指标", "社会效益指标", "档案查阅利用人次", "≥3000人次", "2868人次", "20", "19",
        "受疫情影响到馆人次略低于预期；下一步将开通线上查档服务。",
        "可持续影响指标", "档案安全事故发生次数", "=0次", "0次", "10", "10",
        "",
        "满意度指标", "服务对象满意度指标", "查档群众满意度", "≥95%", "97.3%", "10", "10",
        "",
        "总分", "100", "99",
    ]  # fmt: skip
    report = parse_file(_written(tmp_path, [*head, *rows]))
    (t,) = report.tables
    assert [i.name for i in t.indicators] == [
        "馆藏档案数字化加工页数", "档案查阅利用人次", "档案安全事故发生次数", "查档群众满意度",
    ]  # fmt: skip
    assert t.funds.annual_total.executed == 405.37


def test_an_amount_on_the_header_row_is_reported_not_taken_for_a_label() -> None:
    # nz02: a block of cells read as the indicator header had marked its amounts used too
    cells = [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "386.50",
        "分值",
        "得分",
    ]
    row = Row([Cell(t, 1, k) for k, t in enumerate(cells, start=1)], 1)
    read_header(row)
    assert [c.text for c in row.cells if not c.used] == ["386.50"]


def test_three_funds_labels_one_space_apart_are_three_labels() -> None:
    # gg01: 调整后预算数 预算执行数 预算执行率 in one piece of a scan's funds header
    assert header_words("调整后预算数 预算执行数 预算执行率") == [
        "调整后预算数", "预算执行数", "预算执行率",
    ]  # fmt: skip
    assert header_words("全年完成 三个 村的改造") is None


def test_a_20_80_funds_header_then_its_amounts_with_no_label_in_web_pipes(
    tmp_path: Path,
) -> None:
    # od05: | 预算执行情况(20分) | 预算数(A)（万元） | … | 得分(20分*执行率) | over | 1,860.00 | … |:
    # the header's last label followed by the first amount had been read as label and value
    # pairs, the funds lost (a false T101 and P103)
    lines = [
        "| 2019年度项目支出绩效自评表 |",
        "| 项目名称 | 小型水库除险加固工程 |",
        "| 主管部门 | 临朐县水利局 | 实施单位 | 临朐县水利工程建设服务中心 |",
        "| 预算执行情况(20分) | 预算数(A)（万元） | 执行数(B)（万元） | 执行率(B/A) | 得分(20分*执行率) |",
        "| 1,860.00 | 1,848.84 | 99.40% | 19.88 |",
        "| 年度绩效目标(80分) | 预期目标 | 实际完成情况 |",
        "| 完成全县12座小型水库除险加固主体工程。 | 完成全县12座小型水库除险加固主体工程，灌溉面积恢复1.2万亩。 |",
        "| 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | 偏差原因分析及改进措施 |",
        "| 产出指标(40分) | 数量指标 | 除险加固水库座数 | 12座 | 12座 | 40 |",
        "| 效益指标(30分) | 社会效益指标 | 受益群众人数 | 3万人 | 3万人 | 30 |",
        "| 满意度指标(10分) | 服务对象满意度指标 | 群众满意度 | ≥90% | 96% | 10 |",
        "| 总分 | 99.88 |",
    ]  # fmt: skip
    result = review(_written(tmp_path, lines))
    total = result.report.tables[0].funds.annual_total
    assert (total.full_year_budget, total.executed, total.score) == (1860.0, 1848.84, 19.88)
    assert not {"T101", "P103"} & {f.code for f in result.findings}


def test_a_targets_sign_among_a_names_words_is_doubted(tmp_path: Path) -> None:
    # ob03: 普惠性幼儿园覆盖率在普惠园就读幼儿占在园>=幼儿比例, a scan's name, definition and
    # sign read together: said misread, not reviewed (a false S108, T101 and F101)
    lines = [
        "项目支出绩效自评表",
        "项目名称\t普惠性幼儿园奖补资金",
        *INDICATORS[:2],
        "效益指标\t社会效益指标\t普惠性幼儿园覆盖率在普惠园就读幼儿占在园>=幼儿比例\t80%\t83.5%\t30\t30\t",
        INDICATORS[3],
    ]  # fmt: skip
    result = review(_written(tmp_path, lines))
    assert any(f.code == "P108" and "符号" in f.message for f in result.findings)
