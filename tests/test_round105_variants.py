"""What rounds 105 and after of the written tables (uo– ) showed, and the gaps of earlier rounds
mended since, asserted on the written documents whose layout is the point.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def _hebei(tmp_path: Path, head: list[str], rows: list[list[str]]) -> Path:
    lines = [
        ["某县文化广电和旅游局预算项目绩效自评表"],
        ["一、基本情况", "项目名称", "农村公益电影放映", "实施单位", "某县文化广电和旅游局"],
        [
            "二、预算执行情况",
            "预算数",
            "52.80",
            "到位数",
            "52.80",
            "执行数",
            "52.80",
            "预算执行进度",
            "100",
        ],
        ["三、目标完成情况", "年度预期目标", "放映2640场。", "具体完成情况", "放映2652场。"],
        ["四、年度绩效指标完成情况"],
        head,
        *rows,
    ]
    path = tmp_path / "hebei.txt"
    path.write_text("\n".join("\t".join(r) for r in lines) + "\n", encoding="utf-8")
    return path


POINTS_HEAD = ["一级指标", "二级指标", "三级指标", "指标分值", "符号", "指标值", "单位(文字描述)",
               "单项指标实际完成值", "单项指标完成情况", "单项指标得分"]  # fmt: skip
POINTS_ROWS = [
    ["产出指标", "数量指标", "放映场次", "40", "≥", "2640", "场", "2652场", "完成", "40"],
    ["产出指标", "质量指标", "设备完好率", "30", "≥", "95", "%", "93%", "未完成", "28"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "30", "≥", "90", "%", "92%", "完成", "30"],
]


def test_a_hebei_forms_definition_column_holding_the_points_is_the_weight(tmp_path: Path) -> None:
    # ug06's layout (a .docx): 指标分值, where the province's form has each row's definition,
    # holds its points and 单项指标得分 the score, with no 权重占比 or 折算得分 — the weights and
    # scores had not been read, and the review had no scoring at all, with no doubt
    (t,) = parse_file(_hebei(tmp_path, POINTS_HEAD, POINTS_ROWS)).tables
    assert [(i.name, i.weight, i.score) for i in t.indicators] == [
        ("放映场次", 40, 40),
        ("设备完好率", 30, 28),
        ("群众满意度", 30, 30),
    ]


def test_a_hebei_forms_definitions_in_words_stay_definitions(tmp_path: Path) -> None:
    # the province's own form: 指标分值 holds words, the points stand under 权重占比 and
    # 单项指标折算得分
    head = [*POINTS_HEAD, "权重占比(%)", "单项指标折算得分"]
    rows = [[*r[:3], f"反映{r[2]}", *r[4:9], "100", r[3], r[9]] for r in POINTS_ROWS]
    (t,) = parse_file(_hebei(tmp_path, head, rows)).tables
    assert [(i.name, i.weight, i.score) for i in t.indicators] == [
        ("放映场次", 40, 40),
        ("设备完好率", 30, 28),
        ("群众满意度", 30, 30),
    ]


def test_figures_under_the_definition_beside_a_weight_column_stay_unread(tmp_path: Path) -> None:
    # 指标分值 of figures where the form prints 权重占比 too: the weight is 权重占比's
    head = [*POINTS_HEAD, "权重占比(%)", "单项指标折算得分"]
    rows = [[*r[:9], "100", "10", "10"] for r in POINTS_ROWS]
    (t,) = parse_file(_hebei(tmp_path, head, rows)).tables
    assert [i.weight for i in t.indicators] == [10, 10, 10]


def test_the_written_hebei_docx_reads_its_points() -> None:
    (t,) = parse_file(_doc("ug06")).tables
    assert [(i.weight, i.score) for i in t.indicators[:3]] == [(20, 20), (10, 10), (10, 10)]
    assert t.total_score == 98.56


def _codes(stem: str) -> set[str]:
    return {f.code for f in review(_doc(stem)).findings}


def test_a_notes_label_and_its_text_are_a_line_of_their_own() -> None:
    # up05, OCR in runs of spaces: 预算调整说明: under the breakdown's last line was read as
    # that line's wrapped rest, its amounts lost, and F101 said both sides did not add up
    (t,) = parse_file(_doc("up05")).tables
    assert t.funds.extra["其他资金"].amount == 90.0
    assert t.funds.extra["项目支出"].amount == 834.87
    assert "F101" not in _codes("up05")


def test_a_tall_names_first_line_after_a_whole_name_opens_the_row_below() -> None:
    # up05: 市场主体数量增长率 / 企业信用监管 / 长效机制 … / 建设情况: the middle line opens
    # the three-line name below, not the whole name above
    names = [i.name for i in parse_file(_doc("up05")).tables[0].indicators]
    assert "市场主体数量增长率" in names and "企业信用监管长效机制建设情况" in names


def test_a_funds_line_of_a_label_and_one_amount_is_its_own_row() -> None:
    # uo03, pdftotext -layout: 其他资金 119.12 under the two sides' lines was joined to the line
    # above (政府性基金拨款其他资金 | 0.00119.12)
    (t,) = parse_file(_doc("uo03")).tables
    assert t.funds.extra["其他资金"].amount == 119.12
    assert t.funds.extra["政府性基金拨款"].amount == 0.0


def test_a_goal_texts_wrapped_line_stays_with_its_goal() -> None:
    # uo03: the result's third line alone, in the column the texts stood in (not the labels'),
    # had been taken for the expected goal's
    (t,) = parse_file(_doc("uo03")).tables
    assert t.goal_actual.endswith("年中追加食品安全抽检及特种设备检验经费273.85万元。")
    assert t.goal_expected.endswith("确保不发生重大食品安全事故。")


def test_a_narratives_batches_are_compared_with_a_rows_batches() -> None:
    # uo03's labelled problem: 1128批次 in the narrative against the row's 1286批次
    found = review(_doc("uo03")).findings
    assert any(f.code == "N102" and "1128批次" in f.message for f in found)


def test_a_hebei_total_on_a_line_of_its_own_is_the_total() -> None:
    # uo01: 自评总分 … 99.93 (one figure) had been read into the row above's name, and its
    # figure stood under 单项指标完成情况, a column of words
    (t,) = parse_file(_doc("uo01")).tables
    assert t.indicators[-1].name == "预算执行率"
    assert t.total_score == 99.93


def test_an_amount_with_a_note_paragraph_is_the_amount() -> None:
    # uq04, .docx: 5736.40 / （含追加116.10） in one cell; F101 and F103 had said the budget
    # was missing
    (t,) = parse_file(_doc("uq04")).tables
    assert t.funds.annual_total.full_year_budget == 5736.4
    assert not {"F101", "F103"} & _codes("uq04")


def test_a_carried_over_row_of_equal_amounts_is_three_amounts() -> None:
    # us06, a WeChat copy: 上年结转资金 100 100 100 read as an amount, another and its rate
    # (100 = 100/100), where the block prints its rate with %
    (t,) = parse_file(_doc("us06")).tables
    carried = t.funds.prior_year_carryover
    assert (carried.initial_budget, carried.full_year_budget, carried.executed) == (100, 100, 100)
    assert "F101" not in _codes("us06")


def test_a_quoted_cell_over_lines_in_a_tab_paste_is_one_cell() -> None:
    # us04: "家庭经济困难幼儿⏎入园率" as a spreadsheet copies a cell with a line break
    names = [i.name for i in parse_file(_doc("us04")).tables[0].indicators]
    assert "家庭经济困难幼儿入园率" in names and "学前教育资助政策长效机制" in names


def test_a_retyped_header_naming_its_levels_short() -> None:
    # us02: 绩效指标（一级／二级／三级／年度指标值／…）： — no row had been read
    (t,) = parse_file(_doc("us02")).tables
    assert len(t.indicators) == 8
    assert t.total_score == 99.49


def test_a_rows_explanation_on_a_line_of_its_own() -> None:
    # us03, an e-mail forward in runs of spaces: the explanation of the row above on the next
    # line had been read into its name and the table doubted, so that the cells were read as a
    # stream instead, which lost the goals (P103 said they were missing)
    (t,) = parse_file(_doc("us03")).tables
    first = t.indicators[0]
    assert first.name == "维修养护集中供水工程数量"
    assert first.explanation.startswith("7处工程因冬季低温无法施工")
    assert t.goal_actual.startswith("全年完成85处集中供水工程维修养护")
    assert "P103" not in _codes("us03")


def test_a_total_in_bold_in_a_markdown_table() -> None:
    # us01: | **总分** | … | **100** | **99.05** |, its labelled T101 found
    (t,) = parse_file(_doc("us01")).tables
    assert (t.total_weight, t.total_score) == (100, 99.05)
    assert "T101" in _codes("us01")


def test_funds_figures_after_a_labels_colon_parted_by_a_mark() -> None:
    # sz02 (round 90): 年度资金总额：4800／5200／5096／10／98.00%／9.8 — the mark had not been
    # told from such lines, the funds not read (P103 said the block was missing)
    (t,) = parse_file(_doc("sz02")).tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct) == (5200, 5096, 98.0)


def test_a_units_name_over_its_seals_mark_is_the_seal() -> None:
    # uu04, uu06, OCR a cell a line: 枣阳市水利和湖泊局 / （盖章） between rows had been read
    # into the next row's name
    for stem in ("uu04", "uu06"):
        names = [i.name for i in parse_file(_doc(stem)).tables[0].indicators]
        assert not any(n.startswith(("枣阳市", "涉县")) for n in names), names


def test_a_funds_rate_that_is_the_executed_amount_is_doubted() -> None:
    # uu06: 预算数 60.06 | 到位数 60.06 | 执行数 60.06 | 1OO.OO read as 执行数 60.06 and rate
    # 60.06%, no budget: F103 had said the budget was missing, and round 105 doubted it. Since
    # round 130 (预算安排情况 / （调整后） one label) the block reads as printed
    (t,) = parse_file(_doc("uu06")).tables
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct) == (60.06, 60.06, 100.0)
    assert not any("执行率读作" in d.reason for d in t.doubts)


def test_a_breakdowns_label_wrapped_opens_its_row() -> None:
    # st03 (round 91), pdftotext -layout: 按支出性质分:基本支 / 出 | 72356.20 …: the label's
    # first line went to the row above (其他资金按支出性质分:基本支)
    (t,) = parse_file(_doc("st03")).tables
    assert "按支出性质分:基本支出" in t.funds.extra
    assert "F101" in _codes("st03")  # its labelled problem: 基本支出 + 项目支出 ≠ the total


def test_a_breakdowns_second_side_read_under_the_points_is_not_scored() -> None:
    # ly04 (round 93), pdftotext -layout: 按收入性质分 and 按支出性质分 side by side, the second
    # side's three amounts read under 分值 | 执行率 | 得分 (项目支出 340.00 530.30 462.48): B103
    # had said 462.48 points were scored against 340; no fund row has more than 100 points
    found = _codes("ly04")
    assert "B103" not in found
    assert "B101" in found  # its labelled problem: the rate over 年初预算数


def test_tables_said_misread_before_now_read_whole() -> None:
    # tg05 (round 96): a tall name's first line (A级旅游景区…) between two rows whose lines
    # both fill the names' column goes below, the line above ending as a whole name does; no05
    # (round 84): the 填报说明：… right under the last row is the form's note (read as the
    # table's note since round 207), not the rest of that row's name
    for stem in ("tg05", "no05"):
        (t,) = parse_file(_doc(stem)).tables
        assert not t.doubts, stem
    report = parse_file(_doc("no05"))
    assert report.tables[0].indicators[-1].name == "补贴对象满意度"
    assert any(note.startswith("填报说明：") for note in report.tables[0].notes)


def test_a_dates_day_wrapped_onto_its_own_line() -> None:
    # ux02, a viewer's copy: 2023年11月20 / 日 — the 日 had been read as a row of its own
    # with the points after it, the table said misread
    rows = {i.name: i for i in parse_file(_doc("ux02")).tables[0].indicators}
    assert rows["工程完工时限"].actual == "2023年11月20日"
    assert "日" not in rows


def test_a_budget_change_the_expected_goal_explains() -> None:
    # uz01: 年中省级追加下达…200万元，全年预算调整为1000万元 in 预期目标; F104 said unexplained
    assert "F104" not in _codes("uz01")


def test_final_accounts_after_completion_are_no_completion_date() -> None:
    # uz06: 结余54万元为危桥改造工程尾款，按合同于2020年竣工决算后支付 — N102 had taken 2020年竣工
    # for the bridge's completion, against the row's 2019年10月25日
    assert "N102" not in _codes("uz06")


def test_a_serial_columns_label_one_space_before_the_names() -> None:
    # va03, pdftotext -layout: 序号 三级指标 one space apart — the serial read into every name
    # (1新建高标准农田面积), and its labelled S101 on a name no row has
    names = [i.name for i in parse_file(_doc("va03")).tables[0].indicators]
    assert names[0] == "新建高标准农田面积" and names[-1] == "受益农户满意度"


def test_the_goals_labels_beside_the_block_labels_first_line() -> None:
    # va02: 年度 | 年初设定目标 | 全年实际完成情况 over the texts — read into the funds row above,
    # P103 had said the goals were missing; the narrative's 120处 against the row's 112处 is its
    # labelled N102
    (t,) = parse_file(_doc("va02")).tables
    assert t.goal_actual.startswith("全年完成农村集中供水工程维修养护120处")
    assert t.funds.extra["市县财政资金"].full_year_budget == 96.0
    assert "N102" in _codes("va02") and "P103" not in _codes("va02")


def test_a_heads_key_one_space_from_its_value_and_a_label_cut_over_a_row() -> None:
    # va04: 部门（单位）名称 沂南县市场监督管理局 (P103 had said the name was missing), and
    # 可持续影响指 / 标 | 智慧监管平台覆盖率 … (the label had gone into the row above's name)
    (t,) = parse_file(_doc("va04")).tables
    assert t.department == "沂南县市场监督管理局"
    rows = {i.name: i for i in t.indicators}
    assert rows["智慧监管平台覆盖率"].l2 == "可持续影响指标"
    assert not _codes("va04") - {"P101"}


def test_a_figure_and_a_dash_in_one_column_are_two_cells() -> None:
    # vb01, OCR in runs of spaces: 327.50    — drifted into one column was one cell 327.50—,
    # 当年财政拨款's execution lost and F101 wrong in that column
    (t,) = parse_file(_doc("vb01")).tables
    assert t.funds.current_year_appropriation.executed == 327.5


def test_rows_read_with_an_actual_and_no_score_under_a_larger_total_are_doubted() -> None:
    # vb06: a Hebei row with 符号 | 值 | 单位 left blank read from its target on; T101 and T104
    # had said the total 100 was 20 points above the rows' 80
    found = _codes("vb06")
    assert "P108" in found and not {"T101", "T104"} & found
