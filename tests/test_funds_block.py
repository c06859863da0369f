"""The funds block read where a report says more about its funds than the block: a sentence
about the funds above the block, and breakdown rows whose labels stand a column right of the
total's."""

from __future__ import annotations

import json
from pathlib import Path

from reviewer.api import parse_file
from reviewer.parse.values import parse_number
from reviewer.pipeline import review

ROWS = [
    "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |",
    "| | 产出指标 | 数量指标 | 新建供水工程 | ≥18处 | 18处 | 50 | 50 | |",
    "| | 效益指标 | 社会效益指标 | 受益人口 | ≥4.2万人 | 4.26万人 | 30 | 30 | |",
    "| | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 92.5% | 10 | 10 | |",
    "| 总分 | | | | | | 100 | 99.58 | |",
]


def test_a_sentence_about_the_funds_above_the_block_gives_way_to_the_block(
    tmp_path: Path,
) -> None:
    lines = [
        "项目全年预算820.00万元,其中年初预算600.00万元,实际支出805.60万元,预算执行率98.24%。",
        "",
        "项目支出绩效自评表(2024年度)",
        "| 项目名称 | 农村供水保障工程 | | | | | | |",
        "| 项目资金(万元) | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
        "| | 年度资金总额 | 600.00 | 820.00 | 785.60 | 10 | 95.80% | 9.58 |",
        "| | 其中:当年财政拨款 | 600.00 | 820.00 | 785.60 | — | — | — |",
        *ROWS,
    ]
    path = _written(tmp_path, "report.txt", lines)
    report = parse_file(path)
    (t,) = report.tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct) == (820.0, 785.6, 95.8)
    # the sentence is the report's narrative: reported as not read, not taken as figures
    assert any("805.60" in left.text for left in report.leftovers)


def _written(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


WRITTEN = Path(__file__).resolve().parent.parent / "eval" / "datasets" / "written"


def test_breakdown_rows_a_column_right_keep_the_headers_columns() -> None:
    # A web page's 部门整体 form (written set hp, labelled before the tool ran on it): the
    # total's label spans three columns, each breakdown's two after its group's label, and the
    # amounts stand under the header's columns in both. They had been read a column off.
    (doc,) = (WRITTEN / "hp" / "texts").glob("hp03_*")
    gold = json.loads((WRITTEN / "hp" / "gold" / f"{doc.stem}.json").read_text(encoding="utf-8"))
    want = {**gold["tables"][0]["funds"]["by_income"], **gold["tables"][0]["funds"]["by_expense"]}
    (t,) = parse_file(doc).tables
    rows = {"其他资金": t.funds.other, **t.funds.extra}  # 其他资金 is the form's own row
    for label, cells in want.items():
        row = rows[label]
        got = (row.initial_budget, row.full_year_budget, row.executed)
        assert got == tuple(
            parse_number(cells[k]) for k in ("initial_budget", "full_year_budget", "executed")
        )


def _dept_wide(tmp_path: Path, breakdown: list[str]) -> Path:
    lines = [
        "某县卫生健康局2021年度部门整体支出绩效自评表",
        "部门(单位)名称\t某县卫生健康局",
        "资金情况(万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t\t8425.60\t9137.24\t9004.52\t10\t98.55%\t9.85",
        *breakdown,
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "\t履职效能\t重点工作履行\t家庭医生签约服务人数\t≥22万人\t22.6万人\t90\t90",
        "总分\t\t\t\t\t\t100\t99.85",
    ]
    return _written(tmp_path, "dept.txt", lines)


def test_a_breakdown_of_single_amounts_is_summed_against_its_own_total(tmp_path: Path) -> None:
    # 按收入性质分 | 9004.52: the breakdown states its total, the 全年执行数; its lines are not
    # the 年初预算数 column's (they had been: a false F101 against 8425.60)
    breakdown = [
        "按收入性质分\t9004.52",
        "一般公共预算拨款\t6120.45",
        "政府性基金拨款\t350.00",
        "国有资本经营预算拨款\t0",
        "其他资金\t2534.07",
        "按支出性质分\t9004.52",
        "基本支出\t4318.66",
        "项目支出\t4685.86",
    ]
    findings = review(_dept_wide(tmp_path, breakdown)).findings
    assert not [f for f in findings if f.code == "F101"]


def test_breakdowns_of_two_columns_are_not_set_against_each_other(tmp_path: Path) -> None:
    # the income side sums the 全年预算数, the expense side the 全年执行数: each adds up, and
    # the two totals are different columns of the block, not one sum printed twice
    breakdown = [
        "按收入性质分\t9137.24",
        "一般公共预算拨款\t6787.24",
        "其他资金\t2350.00",
        "按支出性质分\t9004.52",
        "基本支出\t4318.66",
        "项目支出\t4685.86",
    ]
    findings = review(_dept_wide(tmp_path, breakdown)).findings
    assert not [f for f in findings if f.code == "F101"]
    # a side that does not add up is still found
    breakdown[5] = "项目支出\t4695.86"
    findings = review(_dept_wide(tmp_path, breakdown)).findings
    assert [f.code for f in findings if f.code == "F101"] == ["F101"]


def test_an_excerpt_opening_on_its_keys_and_cut_after_the_total_weight(tmp_path: Path) -> None:
    # an excerpt opening on 主管部门 (项目名称 above the cut) and ending after 总分 | 100 (its
    # score past the cut): no missing 项目名称, no total said to be wrong
    lines = [
        "主管部门\t某县水务局\t实施单位\t某县供水站",
        "资金情况(万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t\t860\t860\t845.16\t10\t98.27%\t9.83",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t新建供水工程\t≥12处\t12处\t50\t50",
        "效益指标\t社会效益指标\t农村自来水普及率\t≥95%\t95.6%\t30\t30",
        "满意度指标\t服务对象满意度指标\t受益群众满意度\t≥90%\t94%\t10\t10",
        "总分\t\t\t\t\t100",
    ]
    path = _written(tmp_path, "excerpt.txt", lines)
    result = review(path)
    (t,) = result.report.tables
    assert t.begins_inside and t.total_weight == 100 and t.total_score is None
    assert not [f for f in result.findings if f.code in ("P103", "T101")]


def test_a_target_without_its_comparison_takes_the_one_its_name_states(tmp_path: Path) -> None:
    lines = [
        "项目支出绩效自评表",
        "项目名称\t森林防火项目",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t质量指标\t森林火灾受害率(≤0.9‰)\t0.9‰\t0.12‰\t90\t90",
        "总分\t\t\t\t\t90\t90",
    ]
    path = _written(tmp_path, "baoshan.txt", lines)
    result = review(path)
    (row,) = result.report.tables[0].indicators
    assert row.target == "0.9‰"  # as printed
    assert row.target_value.operator is not None and row.target_value.operator.value == "<="
    assert not [f for f in result.findings if f.code.startswith("S10")]


def test_a_side_whose_first_line_names_its_first_item_is_summed_against_the_total(
    tmp_path: Path,
) -> None:
    # ir03: 按收入性质分：一般公共预算拨款 | 6120.45 is the first item's line (a Word table's
    # merged side label before it), not the side's total; a side printed without its total
    # is summed against 年度资金总额, one of whose columns it must be
    breakdown = [
        "按收入性质分：一般公共预算拨款\t6120.45",
        "政府性基金拨款\t350.00",
        "其他资金\t2534.07",
        "按支出性质分：基本支出\t4318.66",
        "项目支出\t4685.86",
    ]
    findings = review(_dept_wide(tmp_path, breakdown)).findings
    assert not [f for f in findings if f.code == "F101"]
    breakdown[4] = "项目支出\t4585.86"  # the expense side 100 short of every column
    (f,) = [f for f in review(_dept_wide(tmp_path, breakdown)).findings if f.code == "F101"]
    assert f.message.startswith("按支出性质分各项之和为8,904.52")


def test_breakdown_lines_beside_the_blocks_label_printed_down_its_rows(tmp_path: Path) -> None:
    # iv04 (pdftotext): 年度预算 / 执行情况 / （万元）, the block's label, on the lines of the
    # breakdown, each line's label and amount in one cell
    breakdown = [
        "\t按收入性质分：9004.52\t按支出性质分：9004.52",
        "年度预算\t其中：一般公共预算：6120.45\t其中：基本支出：4318.66",
        "执行情况\t政府性基金拨款：350.00\t项目支出：4685.86",
        "\t其他资金：2534.07",
    ]
    report = parse_file(_dept_wide(tmp_path, breakdown))
    (t,) = report.tables
    amounts = {label: row.amount for label, row in t.funds.extra.items()}
    assert (amounts["一般公共预算"], amounts["政府性基金拨款"], amounts["项目支出"]) == (
        6120.45,
        350.0,
        4685.86,
    )
    assert not [f for f in review(_dept_wide(tmp_path, breakdown)).findings if f.code == "F101"]


def test_a_funds_header_printed_over_two_lines_is_joined_column_by_column(
    tmp_path: Path,
) -> None:
    # ja04: two spaces between cells, the funds labels cut over two lines (年初 / 预算数)
    lines = [
        "2023年度部门整体支出绩效自评表",
        "部门（单位）名称  某县市场监督管理局",
        "年度预算  年初  全年  全年  分值  执行率  得分",
        "（万元）  预算数  预算数  执行数",
        "年度资金总额  2,465.30  2,618.74  2,540.18  10  97.00%  9.70",
        "年度绩效指标  一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分",
        "产出指标  数量指标  登记注册业务办结量  ≥2.5万件  2.73万件  90  90",
        "总分  100  99.70",
    ]
    (t,) = parse_file(_written(tmp_path, "dept.txt", lines)).tables
    total = t.funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed) == (
        2465.3,
        2618.74,
        2540.18,
    )
    assert t.labels["funds.initial_budget"] == "年初预算数"


def test_rows_a_column_on_from_their_label_are_read_as_the_full_row_shows(
    tmp_path: Path,
) -> None:
    # iw01 (a page's cells a line each, |-ended): the label spans two cells; the total row's
    # figures, all there, show where the columns are, for the rows below with blanks
    cells = [
        "项目名称 |", "乡村道路养护项目 |",
        "项目资金(万元) |", "|", "年初预算数 |", "全年预算数 |", "全年执行数 |", "分值 |",
        "执行率 |", "得分 |",
        "年度资金总额 |", "|", "1200 |", "1350 |", "1281.36 |", "10 |", "94.92% |", "9.49 |",
        "其中:当年财政拨款 |", "|", "1200 |", "1200 |", "1140.5 |", "— |", "95.04% |", "— |",
        "上年结转资金 |", "|", "0 |", "150 |", "140.86 |", "— |", "93.91% |", "— |",
        "一级指标 |", "二级指标 |", "三级指标 |", "年度指标值 |", "实际完成值 |", "分值 |", "得分 |",
        "产出指标 |", "数量指标 |", "养护里程 |", "≥120公里 |", "126公里 |", "90 |", "89.49 |",
        "总分 |", "100 |", "99.49 |",
    ]  # fmt: skip
    report = parse_file(_written(tmp_path, "page.txt", cells))
    (t,) = report.tables
    funds = t.funds
    assert (
        funds.current_year_appropriation.full_year_budget,
        funds.prior_year_carryover.executed,
    ) == (
        1200.0,
        140.86,
    )
    assert not [
        f for f in review(_written(tmp_path, "page.txt", cells)).findings if f.code == "F101"
    ]


def test_a_20_80_forms_total_under_the_blocks_own_label(tmp_path: Path) -> None:
    # jc03 (pdftotext): 项目资金 | 620.00 | 558.00 | 90.00% | 18 — the block's label is its
    # only row's
    lines = [
        "2023年度项目支出绩效自评表",
        "项目名称\t学前教育发展资金",
        "预算执行情况(万元)(20分)",
        "\t预算数(A)\t执行数(B)\t执行率(B/A)\t得分(20分*执行率)",
        "项目资金\t620.00\t558.00\t90.00%\t18",
        "年度绩效目标(80分)\t一级指标\t二级指标\t三级指标\t年初目标值(A)\t实际完成值(B)\t得分",
        "\t产出指标\t数量指标\t补助幼儿园数\t≥42所\t42所\t80",
        "总分\t98",
    ]
    (t,) = parse_file(_written(tmp_path, "t.txt", lines)).tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.score) == (620.0, 558.0, 18.0)


def test_the_group_label_over_the_amount_columns_joined_to_the_first(tmp_path: Path) -> None:
    # jc02 (pdftotext, 四川's form): 年度预算数(万元) over 年初预算 | 调整后预算数 | 预算执行数,
    # joined to the first column's label by the layout
    lines = [
        "部门预算项目支出绩效自评表(2022年度)",
        "项目名称\t基本公共卫生服务项目",
        "预算执行情况(10分)\t年度预算数(万元)年初预算\t调整后预算数\t预算执行数\t预算执行率\t权重\t得分",
        "总额\t1862.40\t1862.40\t1815.75\t97.50%\t10\t9.75",
        "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分",
        "产出指标\t数量指标\t建档率\t≥\t90\t%\t92.3%\t90\t90",
        "合计\t\t\t\t\t\t\t100\t99.75",
    ]
    (t,) = parse_file(_written(tmp_path, "t.txt", lines)).tables
    total = t.funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed) == (
        1862.4,
        1862.4,
        1815.75,
    )
    assert t.labels["funds.initial_budget"] == "年初预算"


def test_an_excerpt_opening_inside_the_funds_header(tmp_path: Path) -> None:
    # jh06: the page's copy opens on the header's last labels (全年执行数 | 分值 | 执行率 | 得分);
    # the total row printed whole: the header's columns are its last ones, for the rows
    # below too (with their placeholders), and the budgets under no label are reported
    lines = [
        "全年执行数 | 分值 | 执行率 | 得分 |",
        "年度资金总额 | 1,250.00 | 1,180.00 | 1,132.80 | 10 | 96.00% | 9.60 |",
        "其中:当年财政拨款 | 1,250.00 | 1,180.00 | 1,132.80 | - | - | - |",
        *ROWS,
    ]
    report = parse_file(_written(tmp_path, "cut.txt", lines))
    (t,) = report.tables
    total, own = t.funds.annual_total, t.funds.current_year_appropriation
    assert (total.executed, total.weight, total.rate_pct, total.score) == (1132.8, 10, 96.0, 9.6)
    assert own.executed == 1132.8
    assert "1,250.00" in {lo.text for lo in report.leftovers}
    assert not [
        f for f in review(_written(tmp_path, "cut.txt", lines)).findings if f.code == "F101"
    ]


def test_a_20_80_total_under_its_blocks_points_wrapped_from_the_label(tmp_path: Path) -> None:
    # jk03 (an OCR tab export): 预算执行情况(万元) | 预算数(A) | … over (20分) | 150.00 | …,
    # the label's points wrapped onto the row of figures; a rate beside its correction (93%95%)
    # is no run of figures
    lines = [
        "2024年度项目支出绩效自评表",
        "项目名称\t校园安全防控体系建设项目",
        "预算执行情况(万元)\t预算数(A)\t执行数(B)\t执行率(B/A)\t得分(20分*执行率)",
        "(20分)\t150.00\t112.50\t75.00%\t16",
        "年度绩效目标\t一级指标\t二级指标\t三级指标\t年初目标值(A)\t实际完成值(B)\t得分",
        "(80分)\t产出指标\t数量指标\t监控设备安装\t≥120套\t126套\t70",
        "\t满意度指标\t服务对象满意度指标\t家长满意度\t≥90%\t93%95%\t10",
        "总分\t96",
    ]
    result = review(_written(tmp_path, "t.txt", lines))
    (t,) = result.report.tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.score) == (150.0, 112.5, 16.0)
    assert t.reliable
    (f,) = [f for f in result.findings if f.code == "B103"]  # 16 against 20 × 75% = 15
    assert "15.00" in f.message


def test_the_amount_unit_in_the_cell_after_its_key_is_the_tables(tmp_path: Path) -> None:
    # jw05: 金额单位 | 万元 on a header row, the unit in a cell of its own
    lines = [
        "项目支出绩效自评表(2024年度)",
        "| 项目名称 | 农村供水保障工程 | 金额单位 | 万元 | | | | |",
        "| 项目资金 | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
        "| | 年度资金总额 | 600.00 | 820.00 | 785.60 | 10 | 95.80% | 9.58 |",
        *ROWS,
    ]
    report = parse_file(_written(tmp_path, "report.txt", lines))
    (t,) = report.tables
    assert t.amount_unit == "万元"
    assert not [lo for lo in report.leftovers if lo.text in ("金额单位", "万元")]


def test_source_rows_between_single_spaces_keep_their_columns(tmp_path: Path) -> None:
    # mp04: a transfer form's funds, cells parted by single spaces, each source row leaving
    # out its empty 分值 and 得分: its rate is the rate, not the points
    lines = [
        "某县2024年度农村供水工程维修养护中央转移支付区域绩效目标自评表",
        "转移支付(项目)名称 农村供水工程维修养护补助资金",
        "中央主管部门 水利部 省级主管部门 某省水利厅 实施单位 某县水利局",
        "资金情况(万元) 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 420.00 420.00 10 100.00% 10",
        "其中:中央财政资金 300.00 300.00 100.00%",
        "省级资金 80.00 80.00 100.00%",
        "市县资金 40.00 40.00 100.00%",
        "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
        "产出指标 数量指标 维修养护工程处数 50处 50处 90 90 无",
        "总分 100 100",
    ]
    path = tmp_path / "words.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = parse_file(path)
    (table,) = report.tables
    central = next(r for r in table.funds.extra.values() if r.kind == "central_funds")
    assert (central.full_year_budget, central.executed, central.rate_pct) == (300, 300, 100)
    assert not report.leftovers


def test_header_labels_wrapped_onto_the_row_under_them(tmp_path: Path) -> None:
    # 全年预算 / 数 and 全年执行 / 数: the row of the labels' ends is no row of amounts
    lines = [
        "2022年度农村公路养护补助资金绩效自评表",
        "| 转移支付资金名称 | 农村公路养护补助 | | | | |",
        "| 资金情况(万元) | 全年预算 | 全年执行 | 执行率 | 分值 | 得分 |",
        "| | 数 | 数 | | | |",
        "| 年度资金总额 | 500.00 | 480.00 | 96.00% | 10 | 9.60 |",
        "| 其中:中央补助 | 400.00 | 390.00 | 97.50% | — | — |",
        *ROWS,
    ]
    path = tmp_path / "t.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    assert t.doubts == []
    assert t.funds is not None and t.funds.annual_total is not None
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct) == (500.0, 480.0, 96.0)
    assert t.labels["funds.full_year_budget"] == "全年预算数"
