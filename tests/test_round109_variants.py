"""What rounds 109 and after of the written tables (ve– ) showed, asserted on the written
documents whose layout is the point, and the review of a table whose funds alone are doubted.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.checks.explanations import _blames_funds, _cause_unnamed, _measure_generic
from reviewer.ingest.marked import split_marked
from reviewer.ingest.rebuild import cells as cl
from reviewer.ingest.rebuild.indicators import _finishes_name
from reviewer.model import Operator
from reviewer.parse.labels import is_stamp
from reviewer.parse.values import parse_value
from reviewer.pipeline import review
from reviewer.units import is_measure
from tests.test_round73_variants import _doc


def _codes(stem: str) -> set[str]:
    return {f.code for f in review(_doc(stem)).findings}


def test_a_chats_sign_off_under_the_last_row_is_no_name() -> None:
    # ve02, retyped into a chat: 以上，有问题随时@我 a blank line under the last row had been
    # read into its name (居民满意度以上,有问题随时@我) and the table said misread
    (t,) = parse_file(_doc("ve02")).tables
    assert t.indicators[-1].name == "居民满意度"
    assert t.reliable


def test_a_retyped_goal_line_labelled_with_its_block_and_field() -> None:
    # ve02: 年度总体目标（预期目标）：… and 年度总体目标（实际完成情况）：… — cut at every 、 of the
    # text, unread, and P103 had said the goals were missing
    (t,) = parse_file(_doc("ve02")).tables
    assert t.goal_expected.startswith(
        "按每人每年79元标准落实基本公共卫生服务经费，开展建档、儿童、"
    )
    assert t.goal_actual.endswith("分别为65.3%和63.1%")
    assert "P103" not in _codes("ve02")


def test_a_subjects_key_and_its_one_value_are_not_cut_at_the_values_marks() -> None:
    cells = split_marked("资金使用单位：各乡镇卫生院、社区卫生服务中心", 7, ("、", "／"))
    assert [c.text for c in cells] == ["资金使用单位", "各乡镇卫生院、社区卫生服务中心"]
    # a key whose value holds another key's colon is still cut at the marks
    cells = split_marked("项目名称：某项目／主管部门：某局", 3, ("／",))
    assert len(cells) == 3


def test_a_mail_clients_wrap_of_the_goals_last_cell_goes_on_with_it() -> None:
    # ve03, an e-mail forward in runs of spaces: the actual's rest at the next line's start had
    # gone to the expected goal, N107 had said the actual (已在南江、) said nothing, and the
    # narrative's 2.45万亩 against the row's 2.2万亩 (its labelled N102) was not found
    (t,) = parse_file(_doc("ve03")).tables
    assert t.goal_expected.endswith("提高粮食综合生产能力。")
    assert t.goal_actual.startswith("已在南江、长寿、龙门等乡镇建成高标准农田2.45万亩")
    found = _codes("ve03")
    assert "N102" in found and "N107" not in found


def test_a_lone_camscanner_mark_is_no_cell() -> None:
    # vg02, OCR a cell a line: CamScanner between the pages had been read as the actual of a row
    # named 标准 (the tall name's rest) and 亩均财政投入标准 lost its last word
    names = [i.name for i in parse_file(_doc("vg02")).tables[0].indicators]
    assert "亩均财政投入标准" in names and "标准" not in names


def test_a_two_line_name_before_a_target_printed_slash() -> None:
    # vg03: 寄宿生生活补助 / 人数 / / / 3862人 — the name's first line had been read as the row
    # above's explanation and the row named 人数
    rows = {i.name: i for i in parse_file(_doc("vg03")).tables[0].indicators}
    assert rows["寄宿生生活补助人数"].actual == "3862人"
    assert rows["享受公用经费补助学生人数"].explanation == ""


def test_funds_said_to_arrive_short_are_blamed() -> None:
    # vh02: 资金到位不足 under a funds block executed 100% is its labelled E108
    assert _blames_funds("资金到位不足，部分节水灌溉工程未能实施。")
    assert "E108" in _codes("vh02")


def test_a_count_of_what_fell_short_names_no_cause() -> None:
    # vh04: 受多种因素影响，1座水库除险加固工程未能按期完工 — its labelled E106
    assert _cause_unnamed(
        "受多种因素影响，1座水库除险加固工程未能按期完工。", "病险水库除险加固座数"
    )
    # a dated event is a cause, figures and all
    assert not _cause_unnamed(
        "受2023年7月持续降雨影响，1座水库未能按期完工。", "病险水库除险加固座数"
    )
    assert "E106" in _codes("vh04")


def test_a_table_whose_funds_alone_are_doubted_has_its_rows_reviewed() -> None:
    # hg04 (written round 40s): the funds row's rate read as 120 (its budget's figure): the rows
    # were not reviewed at all; now its labelled S102 (报修响应时间 36小时 against ≤24小时, full
    # marks) is found, and nothing that reads the funds
    found = _codes("hg04")
    assert {"P108", "S102"} <= found
    assert not found & {"B101", "B103", "B104", "B105", "T101", "T104", "W101"}


def test_a_seals_name_between_its_stars_is_no_names_rest() -> None:
    # lt04, OCR in runs of spaces: （公章） ☆ 阳朔县市场监督管理局 ☆ under the last row had been
    # read into its name (…满意度☆阳朔县市场监督管理局☆)
    assert is_stamp("☆ 阳朔县市场监督管理局 ☆")
    assert not is_stamp("☆ 重点项目")
    names = [i.name for i in parse_file(_doc("lt04")).tables[0].indicators]
    assert names[-1] == "市场主体及消费者满意度"


def test_a_units_rest_on_the_line_below_finishes_the_unit() -> None:
    # rh01, pdftotext of unruled tables: 531.67元/平方 / 米 — the 米 fell under the target's
    # column and had been read into the name (单位面积维修成本米), and S108 said 元/平方米
    # against 元/平方 were two units
    rows = {i.name: i for t in parse_file(_doc("rh01")).tables for i in t.indicators}
    assert rows["单位面积维修成本"].actual == "531.67元/平方米"
    assert "S108" not in _codes("rh01")


def test_a_names_rest_after_a_blank_line_between_blocks() -> None:
    # rw05, plain pdftotext (a blank line between the blocks): 群众对市场监管工作 / 满意度 had
    # been read as two rows, the category's word taken for a row of its own
    names = [i.name for i in parse_file(_doc("rw05")).tables[0].indicators]
    assert names[-1] == "群众对市场监管工作满意度" and "满意度" not in names


def test_money_spent_is_not_what_an_indicator_of_another_thing_reports() -> None:
    # tj01: 向58个秸秆利用主体兑付补助资金178.56万元 — N102 had set it against the row
    # 带动秸秆利用主体增收 (326万元): the subsidy paid, not the income it brought
    assert "N102" not in _codes("tj01")


def test_a_whole_category_label_is_no_names_rest() -> None:
    # vj01, a viewer's copy: 居民电子健康档 / … / 案建档率 / 数量指标 / 65岁及以上老 — 数量指标 had
    # been joined to the rest before it and both read as the row's explanation
    rows = parse_file(_doc("vj01")).tables[0].indicators
    assert rows[0].name == "居民电子健康档案建档率" and rows[0].explanation == ""
    assert rows[1].l2 == "数量指标"


def test_a_tall_names_rest_after_the_rows_figures_or_explanation() -> None:
    # vj01: the rest after the figures (居民健康素养水 / … / 平, 城乡居民公共卫 / … / 生服务差距)
    # or after the explanation's last sentence (…提高规范 / 管理率。 / 管理率) had been read as
    # the explanation, or as a row of its own
    names = [i.name for i in parse_file(_doc("vj01")).tables[0].indicators]
    assert {"高血压患者规范管理率", "城乡居民公共卫生服务差距", "居民健康素养水平"} <= set(names)


def test_values_wrapped_in_narrow_columns_are_whole_again() -> None:
    # vj04: ≥1.6万立方 / 米 and 2020年5月 / 20日; vj05: ≥1200万人 / 次 — each had been read as
    # two cells, the rows around them a column off
    assert is_measure("万立方米")
    rows = {i.name: i for i in parse_file(_doc("vj04")).tables[0].indicators}
    assert rows["大坝除险加固土方"].target == "≥1.6万立方米"
    assert rows["汛前完成维修养护"].actual == "2020年5月20日"
    rows = {i.name: i for i in parse_file(_doc("vj05")).tables[0].indicators}
    assert rows["接待游客人次"].target == "≥1200万人次"


def test_a_self_evaluations_total_on_a_line_of_its_own() -> None:
    # vj04, a 20/80 form a cell a line: 自评总分 / 100 after the fields under the rows — the
    # total had not been read (P102 said it was missing) and its labelled T101 not found
    (t,) = parse_file(_doc("vj04")).tables
    assert t.total_score == 100
    assert "T101" in _codes("vj04")


def test_a_funds_headers_wrapped_notes_give_the_executions_points() -> None:
    # vm04, pdftotext -layout of a 20/80 form: 预算执行情况(万 / 元)(20分) and 得分(20分*执行 /
    # 率) — the points of the execution had not been read and its labelled B103 (19.00 against
    # 20 × 92.50% = 18.50) not found
    (t,) = parse_file(_doc("vm04")).tables
    assert t.stated_weights["预算执行"] == 20
    assert "B103" in _codes("vm04")


def test_a_results_label_on_a_row_of_its_own_under_the_goal() -> None:
    # vm04: 年度目标(80分) | … / 总体目标完成情况 | … — read into the expected goal, the
    # narrative's 36处 against the row's 32处 (its labelled N102) not found; ri02: | 完成情况 | …
    # under 预期目标's row, where P103 had said the result was missing
    (t,) = parse_file(_doc("vm04")).tables
    assert t.goal_actual.startswith("全年完成36处农村供水工程维修养护")
    assert "N102" in _codes("vm04")
    assert parse_file(_doc("ri02")).tables[0].goal_actual.startswith("全年居民电子健康档案建档率")
    # and beside the columns' labels it is the block's own label (fe02: 总体目标 / 完成情况 |
    # 预期目标 | 实际完成目标), the goals not swapped
    (t,) = parse_file(_doc("fe02")).tables
    assert t.goal_expected.startswith("1.支持产业发展项目不少于85个")


def test_within_a_time_is_at_most_it() -> None:
    # vo01: 24小时内 against ≤24小时 — S108 had said 小时内 and 小时 were two units
    assert parse_value("24小时内").operator is Operator.LE
    assert parse_value("3个县内").unit == "个县内"  # not after a unit of time
    assert "S108" not in _codes("vo01")


def test_a_notes_points_for_each_row_are_the_rows_weights() -> None:
    # vo05, a 20/80 .docx without 分值: 注：…效益指标30分（每项10分）… — a met target scored 8
    # was not judged (its labelled S103)
    found = [f for f in review(_doc("vo05")).findings if f.code == "S103"]
    assert [f.indicator for f in found] == ["农家书屋年度借阅人次"]
    assert "每项10分" in found[0].message


def test_a_seal_in_the_explanations_column_and_an_explanations_rest_beside_a_names() -> None:
    # vn02, OCR in runs of spaces: 于都县卫生健康委员会财务专用章 in a row's explanation (E103
    # had quoted it as the explanation), and 健康管理率 | 时返乡体检;下年实行预约 on one line —
    # the explanation's rest had been read into the name
    names = [i.name for i in parse_file(_doc("vn02")).tables[0].indicators]
    assert {"65岁及以上老年人健康管理率", "城乡居民公共卫生服务差距"} <= set(names)
    assert not {"E102", "E103"} & _codes("vn02")


def test_a_failure_said_of_a_part_is_a_partial_result() -> None:
    # vp01: 部分农村园保教质量评估未达二级标准, scored 11 of 15 — S106 had called it not achieved
    # (at most 9), and T104 the grade overstated
    assert not {"S106", "T104"} & _codes("vp01")


def test_a_subtotals_figures_a_column_off_the_points() -> None:
    # vp05, a pipe paste whose 小计 rows have one separator fewer (数量指标小计 | | | | 20 | 20):
    # unread, the table was said misread and read again in a worse layout (its funds lost);
    # now its labelled T106, S102 and E101 are found
    found = _codes("vp05")
    assert {"T106", "S102", "E101"} <= found and "P108" not in found


def test_a_pages_number_before_the_reports_running_head() -> None:
    # vq01, a whole report in pdftotext's layout: — 4 —    涞水县教育局2021年度项目支出绩效自评报告
    # under a page's last row had been read into that row's name
    names = [i.name for i in parse_file(_doc("vq01")).tables[0].indicators]
    assert "初中生均公用经费标准" in names


def test_a_sources_points_over_100_where_the_total_read_none() -> None:
    # vq01's transfer table: its funds columns a step apart from their labels (中央补助's 分值
    # read as 1,042.56, the total without budget or points) — F101 and T101 had been found on
    # those amounts; doubted, the table is read again and its labelled B101 (99.60% printed
    # for 96.00%) found
    found = [f for f in review(_doc("vq01")).findings if f.table_index == 1]
    assert "B101" in {f.code for f in found}
    assert not {"F101", "T101"} & {f.code for f in found}


def test_an_evaluation_not_done_is_said_under_a_doubt_on_the_funds() -> None:
    # cz06: the 得分 of 养护成本控制 left blank (its labelled P107), the funds alone doubted: P107
    # reads no funds, and says nothing of them
    (found,) = [f for f in review(_doc("cz06")).findings if f.code == "P107"]
    assert found.indicator == "养护成本控制" and "预算执行得分" not in found.message


def test_a_seals_mark_of_one_character() -> None:
    # vu04, a viewer's copy: 应城市教育局 / （章） between two rows — （章） had been read into
    # the row's name
    assert is_stamp("（章）") and is_stamp("(章)")
    names = [i.name for i in parse_file(_doc("vu04")).tables[0].indicators]
    assert "资助学前教育家庭经济困难幼儿人次" in names


def test_a_tall_names_rest_that_names_a_change() -> None:
    # vw02 (OCR a cell a line): 项目区亩均粮食 / ≥75公斤 / 80公斤 / 10 / 10 / 产能提高; vj03 (a
    # viewer's copy): 耕地质量等级 / … / 提升 — the rests had been read as the explanation
    names = [i.name for i in parse_file(_doc("vw02")).tables[0].indicators]
    assert "项目区亩均粮食产能提高" in names
    rows = {i.name: i for i in parse_file(_doc("vj03")).tables[0].indicators}
    assert rows["耕地质量等级提升"].explanation == ""
    # a state said of the row (有所提高) stays its explanation
    assert not _finishes_name("项目区亩均粮食", "有所提高", cl.look("有所提高"))


def test_attention_promised_is_no_measure() -> None:
    # vx04: …临时救助需求相应减少;下一步将高度重视,持续关注。 — its labelled E107
    assert _measure_generic(
        "部分困难群众转入低保常态化保障，需求减少；下一步将高度重视，持续关注。"
    )
    assert "E107" in _codes("vx04")


def test_a_note_giving_every_row_its_points() -> None:
    # vz06, a 20/80 web page without 分值: 注:年度绩效目标各三级指标分值均为10分 over eight rows
    # whose categories print 40 + 30 + 10 — a met target scored 8 was not judged (its labelled
    # S103)
    found = [f for f in review(_doc("vz06")).findings if f.code == "S103"]
    assert [f.indicator for f in found] == ["群众参与文化活动人次"]


def test_a_retyped_row_opening_with_its_categorys_label_and_a_colon() -> None:
    # wa02, retyped into a chat: 【产出指标】 / 数量指标：新建高标准农田面积／≥3.8万亩／3.82万亩／15／15
    # — the marks had not been told from such lines, no row was read
    cells = split_marked("数量指标：新建高标准农田面积／≥3.8万亩／3.82万亩／15／15", 15, ("／",))
    assert [c.text for c in cells] == [
        "数量指标",
        "新建高标准农田面积",
        "≥3.8万亩",
        "3.82万亩",
        "15",
        "15",
    ]
    assert [c.text for c in split_marked("【产出指标】", 14, ("／",))] == ["产出指标"]
    names = [i.name for i in parse_file(_doc("wa02")).tables[0].indicators]
    assert "新建高标准农田面积" in names and "受益农户满意度" in names


def test_a_seals_two_lines_read_apart_and_its_mark_of_印() -> None:
    # wd03, wd05 (OCR in runs of spaces): 秦安县教育局 财务专用章 over a row had been read into its
    # name; wd02: 于都县卫生健康委员会（印） likewise
    assert is_stamp("秦安县教育局 财务专用章") and is_stamp("于都县卫生健康委员会（印）")
    for stem, name in (("wd03", "学生及家长满意度"), ("wd05", "公共文化服务体系运行")):
        assert name in [i.name for i in parse_file(_doc(stem)).tables[0].indicators], stem


def test_a_dates_day_after_its_months_figure_wrapped() -> None:
    # tx04, a viewer's copy: 2024年11 / 月25日 — read as a row of its own named 月25日 (P107 said
    # it was never evaluated) and the table said misread; now its labelled S102 and T101 found
    rows = {i.name: i for i in parse_file(_doc("tx04")).tables[0].indicators}
    assert rows["工程完工时间"].actual == "2024年11月25日"
    found = _codes("tx04")
    assert {"S102", "T101"} <= found and "P107" not in found
