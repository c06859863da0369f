"""What rounds 116 and after of the written tables (wg– ) and the rows of earlier rounds
they went back to showed, asserted on the written documents whose layout is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.parse.indicators import _seal_over_row
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_sign_off_under_the_total_is_no_rows_cell() -> None:
    # wd01, OCR in runs of spaces: 填报人：… 联系电话：… under 总分 had been read with the 总分
    # line into the last row's name (项目区农户满意度总分填报人：王立新100联系电话：…)
    (t,) = parse_file(_doc("wd01")).tables
    assert t.indicators[-1].name == "项目区农户满意度"
    assert t.total_score == 98.07
    assert t.reliable


def test_a_names_first_line_with_its_enumeration_comma_opens_the_name_below() -> None:
    # wd02: 高血压、糖尿病 atop a page, over 患者规范 / 管理率, had gone to the row above the break
    (t,) = parse_file(_doc("wd02")).tables
    names = [i.name for i in t.indicators]
    assert "高血压、糖尿病患者规范管理率" in names
    assert "重点人群签约率" in names


def test_a_reports_next_part_under_a_table_without_a_total_is_no_name() -> None:
    # wg01, a department's whole report: 四、部门整体支出自评情况 and its sentence under a
    # transfer table (no 总分 row) had been read into the last row's name, the table doubted
    tables = parse_file(_doc("wg01")).tables
    transfer = tables[2]
    assert transfer.indicators[-1].name == "补贴对象满意度"
    assert transfer.reliable


def test_a_header_opening_with_its_parts_heading_over_rows_without_its_column() -> None:
    # wh04, a Hebei form in tabs: 四、年度绩效指标完成情况 in the header's first cell, the rows
    # not keeping its column — every row had been read a column off (target 所, weight 100)
    (t,) = parse_file(_doc("wh04")).tables
    first = t.indicators[0]
    assert (first.target, first.weight, first.score) == (">=42所", 20.0, 20.0)
    assert t.reliable
    # the goal block's labels after 三、目标完成情况 likewise: the result is the text, not the
    # 总体完成率 beside it
    assert t.goal_actual.startswith("按标准向42所普惠性幼儿园拨付生均公用经费")
    # rm03: the same heading, its header's lower row keeping the heading's column as well
    (t,) = parse_file(_doc("rm03")).tables
    first = t.indicators[0]
    assert (first.target, first.weight, first.score) == (">=120处(数量)", 20.0, 20.0)
    assert t.goal_actual.startswith("维修养护农村供水工程126处")


def test_a_result_labelled_under_the_rows() -> None:
    # wh03, a 20/80 form: 目标完成情况 | … under the rows had been read into the last row's name
    (t,) = parse_file(_doc("wh03")).tables
    assert t.indicators[-1].name == "受益群众满意度"
    assert t.goal_actual.startswith("新建改造供水管网36.8公里")
    assert t.reliable


def test_funds_unread_by_position_are_read_a_line_at_a_time() -> None:
    # kf02, a Hebei form in pdftotext's layout with OCR's O for 0: by position its funds'
    # amounts stood under no label (said unread); a line at a time they are read, and the
    # labelled rate printed 96.88 for 118.60 / 125.00 = 94.88% is found
    (t,) = parse_file(_doc("kf02")).tables
    assert t.funds_reliable
    assert t.funds.annual_total.full_year_budget == 125.0
    assert "B101" in {f.code for f in review(_doc("kf02")).findings}


def _names(stem: str) -> dict[str, tuple[str, str]]:
    return {
        i.name: (i.target, i.actual) for t in parse_file(_doc(stem)).tables for i in t.indicators
    }


def test_a_name_opening_after_a_rows_name_rest_that_came_after_its_figures() -> None:
    # wm03, OCR a cell a line: 享受免费教科书 / 48650人 / 48720人 / / / 学生人数 / 家庭经济困难寄宿生
    # / 生活补助人数 / ≥6200人: the second name's first line had gone to the row above's
    # explanation; wm04 (新建及改造供水 / … / 10 / 管网长度 / 维修改造集中供水 / 工程处数) likewise
    assert _names("wm03")["家庭经济困难寄宿生生活补助人数"] == ("≥6200人", "6314人")
    names = _names("wm04")
    assert names["新建及改造供水管网长度"] == ("120公里", "124公里")
    assert names["维修改造集中供水工程处数"] == ("18处", "18处")


def test_a_tall_names_rest_naming_a_yield_gained() -> None:
    # wm01: 项目区粮食亩均 / ≥50公斤 / 56公斤 / 15 / 15 / 增产 — 增产 had been the explanation
    assert _names("wm01")["项目区粮食亩均增产"] == ("≥50公斤", "56公斤")


def test_names_ending_in_a_share_or_a_term_are_whole() -> None:
    # wl03, OCR in runs of spaces: 义务教育大班额 / 比例 under its row, then 办学条件改善 over
    # the next row's 持续发挥作用 / 年限 — the second had gone to the first (…比例办学条件改善)
    names = _names("wl03")
    assert names["义务教育大班额比例"] == ("≤5%", "3.2%")
    assert names["办学条件改善持续发挥作用年限"] == ("≥20年", "20年")


def test_a_category_label_printed_mid_way_down_its_cell_gives_no_row_its_points() -> None:
    # wk04, a 20/80 form a cell a line: 数量指标（20分） printed between its two rows had been
    # taken for the second row's alone (its weight 20, a false S103 on 5元 met and scored 10)
    findings = review(_doc("wk04")).findings
    assert not [f for f in findings if f.code == "S103" and f.indicator == "每生每天膳食补助标准"]


def test_rows_under_a_pages_header_printed_without_the_parts_heading() -> None:
    # wk06, a Hebei form copied from a viewer: the first page's header opens with 四、年度绩效
    # 指标完成情况, the second's does not, and its rows are numbered as it — they had been read a
    # column off (names, definitions and targets as one, said misread)
    names = _names("wk06")
    assert names["就业困难人员收入增加"] == ("有效", "有效增加")
    # its 预算执行率 printed once across the label columns, the definition in the name's
    assert names["预算执行率"] == (">=95%(百分比)", "98.66%")
    # jk02: a page's header without 绩效指标 over rows that keep its column stay as they are
    assert _names("jk02")["资金拨付及时率"] == ("=100%", "100%")


def test_a_target_and_an_actual_in_words_are_no_definitions_lines() -> None:
    # wm06, a Hebei form a cell a line: 进一步提升 / 明显提升 after the definition had been read as
    # its last lines, the row's name, definition, target and actual as one
    assert _names("wm06")["农家书屋使用效率"] == ("进一步提升", "明显提升")
    # vu03: 建立健全 after 工程长效运行管护机制 is the target, not the name's rest
    assert _names("vu03")["工程长效运行管护机制"] == ("建立健全", "已建立")


def test_names_each_saying_four_of_their_words_twice_are_doubted() -> None:
    # tx06, a Hebei form copied from a viewer: each name run together with its definition's
    # first line (困难残疾人生活补贴享受生活补贴的困发放人数), once a row's value no longer
    # among them went undoubted
    (t,) = parse_file(_doc("tx06")).tables
    assert not t.reliable
    assert any("同一段文字出现两次" in d.reason for d in t.doubts)


def test_a_headers_last_label_wrapped_onto_a_line_of_its_own_in_a_pipe_paste() -> None:
    # wq05, rows pasted with ` | ` and no outer pipes: 偏差原因分析及改进 / 措施 — 措施 had opened
    # the first row's category (措施产出指标: five false P104 and a W102)
    (t,) = parse_file(_doc("wq05")).tables
    assert t.indicators[0].l1 == "产出指标"
    assert not {"P104", "W102"} & {f.code for f in review(_doc("wq05")).findings}


def test_a_funds_row_typed_with_each_amount_after_its_columns_label() -> None:
    # wq02, retyped into a chat: 年度资金总额：年初预算数320.00、全年预算数320.00、… had been
    # left unread (a false P103 for funds missing, a false T101 without the execution score)
    (t,) = parse_file(_doc("wq02")).tables
    total = t.funds.annual_total
    assert (total.initial_budget, total.executed, total.rate_pct, total.score) == (
        320.0,
        313.6,
        98.0,
        9.8,
    )
    # the rows typed after it with amounts alone read under the same columns
    assert t.funds.current_year_appropriation.executed == 313.6
    assert not {"P103", "T101"} & {f.code for f in review(_doc("wq02")).findings}


def test_each_breakdowns_total_printed_side_by_side() -> None:
    # wr03, a department's form: 合计 | 2686.50 | 合计 | 2564.43 under the two breakdowns had
    # been one line of the income side (a false F101: 5,250.93 against the total)
    assert "F101" not in {f.code for f in review(_doc("wr03")).findings}
    # df06: 基本支出总额 | 812.60 | 项目支出总额 | 708.78 are the expense side's lines, no totals
    assert "F101" not in {f.code for f in review(_doc("df06")).findings}


def test_rows_numbered_in_a_serial_column_under_the_blocks_title() -> None:
    # ws01, pdftotext's layout: 绩效指标 alone over a header opening with 序号 had been stacked
    # into one label (绩效指标序号), and each row's number read into its name (1数量指标农村…)
    names = _names("ws01")
    assert names["农村公路日常养护里程"] == ("≥1260公里", "1260公里")
    assert names["沿线群众满意度"] == ("≥90%", "93%")
    # rh06, a line at a time: a deadline's last word wrapped under its date is the target's
    assert _names("rh06")["主体工程完工时间"] == ("2025年6月15日前", "2025年6月10日")


def test_a_values_note_in_a_paragraph_of_its_own_is_kept_apart() -> None:
    # wt04, a Word cell of two paragraphs, 3,120批次 / (含省、市下达任务): the note had been read
    # into the actual (vo01, we03, th01 and eight more of earlier rounds the same)
    rows = {i.name: i for t in parse_file(_doc("wt04")).tables for i in t.indicators}
    row = rows["食品安全监督抽检批次"]
    assert row.actual == "3,120批次"
    assert row.cells["actual_note"].text == "(含省、市下达任务)"


def test_a_hebei_targets_kind_noted_in_its_unit_cell() -> None:
    # wt06: = | 建立 | (定性) is the target =建立(定性); oh06's (文字描述), the column's own
    # label left in its cells, is no part of the target
    assert _names("wt06")["工程良性运行管护机制"][0] == "=建立(定性)"
    assert _names("oh06")["补贴动态管理机制"][0] == "长期有效"


def test_a_pages_number_glued_to_the_running_head() -> None:
    # wv01, a department's whole report in pdftotext's layout: — 3 —获嘉县水利局2021年度…报告
    # had been read into the last row's name on the page
    rows = {i.name for t in parse_file(_doc("wv01")).tables for i in t.indicators}
    assert "维修任务完成时限" in rows


def test_a_seal_numbered_among_a_rows_cells_read_a_line_at_a_time() -> None:
    # ww03, OCR in runs of spaces: 城乡居民公共卫生服务差距 | 兴国县卫生健康委员会 | 不断缩小 |
    # 不断缩小 — the seal taken out, its place had been left empty and the row read a column
    # off (no target, its actual repeated as the explanation)
    rows = {i.name: i for t in parse_file(_doc("ww03")).tables for i in t.indicators}
    row = rows["城乡居民公共卫生服务差距"]
    assert (row.target, row.actual, row.explanation) == ("不断缩小", "不断缩小", "")


def test_a_seals_ring_read_in_part_and_a_name_ending_in_a_guarantee() -> None:
    # ww05: 临桂区民政局 (of 桂林市临桂区民政局) beside a row had been read into its name; a name
    # ending in 保障 is whole, the line under it opening the next name (社会救助 / 体系建设 / 情况)
    names = _names("ww05")
    assert names["救助对象满意度"] == ("≥90%", "9B.2%")
    assert names["社会救助体系建设情况"] == ("持续完善", "持续完善")
    # a unit named with its code (215003-定兴县民政局, up06) prints its name whole: the name
    # alone among a row's cells is no piece of a seal's ring
    assert _seal_over_row("临桂区民政局", frozenset({"桂林市临桂区民政局"}))
    assert not _seal_over_row("定兴县民政局", frozenset({"215003-定兴县民政局"}))


def test_a_tall_names_rest_naming_an_awareness() -> None:
    # wy04, a viewer's copy: 农民耕地地力保护 / 明显增强 / 明显增强 / 15 / 意识
    assert _names("wy04")["农民耕地地力保护意识"] == ("明显增强", "明显增强")


def test_a_tall_names_last_word_a_category_beside_the_explanations_last_words() -> None:
    # wl02, OCR in runs of spaces: 家庭医生 / 签约服务团队 | ≥85个 | … / 数量 | 比例计分。 — the
    # bare 数量 had been taken for a category's label and lost from the name
    assert _names("wl02")["家庭医生签约服务团队数量"] == ("≥85个", "92个")


def test_a_pages_number_first_then_the_running_head() -> None:
    # xf02, pdftotext's layout: 第 1 页 共 2 页 … 秦安县农业农村局2022年度转移支付绩效自评 under the
    # page's last row had been read into its name
    assert "补贴发放及时率" in _names("xf02")


def test_seals_read_with_their_star_or_spaced_apart() -> None:
    # xe02: 兴国县卫生健康委员会 ◎ 财务专用章 between rows had been read into a name
    assert _names("xe02")["慢病患者规范管理率"] == ("≥60%", "57.8%")
    # xf06: the form's seal mark printed spaced apart under a row's target (（公  章）)
    assert _names("xf06")["困难家庭幼儿入园率"] == ("≥95%", "97.3%")


def test_a_quoted_names_first_line_atop_a_page_opens_the_name_below() -> None:
    # xe05: "三公"经费 / 支出 / 控制 atop page 2 had gone to the row above the break
    assert _names("xe05")['"三公"经费支出控制'] == ("≤上年", "低于上年")


def test_the_categories_points_set_out_in_pairs_under_the_rows() -> None:
    # xh02: 产出指标 | 50 | 效益指标 | 30 | 满意度指标 | 10 under the last row had been read into
    # its name; it is left unread, reported
    names = _names("xh02")
    assert names["城乡居民对基本公共卫生服务满意度"] == ("≥85%", "88.2%")
    assert "P101" in {f.code for f in review(_doc("xh02")).findings}
