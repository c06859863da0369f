"""What rounds 101–103 of the written tables (tz–uj) showed, asserted on the written documents
whose layout is the point.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_transfer_forms_target_label_over_its_two_value_columns() -> None:
    # ub03, .xlsx: 指标值 merged over 全年目标值 | 全年实际完成值 on the row below; 全年目标值
    # was no label, the lower row read as a row and every actual as an explanation
    (t,) = parse_file(_doc("ub03")).tables
    first = t.indicators[0]
    assert (first.name, first.target, first.actual) == (
        "新建高标准农田面积",
        "≥3.8万亩",
        "3.82万亩",
    )
    assert not t.doubts


def test_labels_wrapped_before_their_last_word_in_a_cell_a_line() -> None:
    # ua04, OCR a cell a line of a 20/80 form: 实际完成 / 值(B) (a value column's label wrapped
    # before its letter) and 年度财政资金 / 总额 (a funds row's label before its last word)
    (t,) = parse_file(_doc("ua04")).tables
    assert t.labels["actual"] == "实际完成值(B)"
    total = t.funds.annual_total
    assert (total.full_year_budget, total.executed) == (68.4, 65.2)
    assert [i.name for i in t.indicators][3] == "放映任务完成时限"


def test_a_category_whose_first_words_are_a_bare_category() -> None:
    # ua05: 满意度指标(10分) / 服务对象 / 满意度指标 / 服务对象满意度 — the 二级 wrapped after
    # 服务对象, read as a row of its own and the name shifted into the target
    last = parse_file(_doc("ua05")).tables[0].indicators[-1]
    assert (last.l2, last.name, last.target) == ("服务对象满意度指标", "服务对象满意度", "≥90%")


def test_a_names_first_line_after_an_explanation_left_empty() -> None:
    # ua05: …10 / 10 / / / 市场主体双随机 / 抽查比例 / ≥5%: the / closes the row above, so the two
    # lines are the next name's (the first had been read as a department's own category)
    names = [i.name for i in parse_file(_doc("ua05")).tables[0].indicators]
    assert "市场主体双随机抽查比例" in names


def test_a_scanning_apps_page_mark_is_furniture() -> None:
    # ua03: PAGE 2 under the last row (read as a row PAGE | 1, and into the last name)
    names = [i.name for i in parse_file(_doc("ua03")).tables[0].indicators]
    assert names[-1] == "受益农户满意度"
    assert not any("PAGE" in n for n in names)


def test_a_hebei_form_read_with_its_header_and_units_in_the_rows_is_doubted() -> None:
    # ua06: a Hebei form a cell a line whose definitions and 符号 | 值 | 单位 cells ran into the
    # names (…满意度%(百分比)88%) and a header label into an explanation (单项指标折算得分); it
    # had been reviewed with four false errors. Since round 128 (a Hebei header printed again
    # without its lower row keeps the columns) the units stay in their column; the header's
    # label in a row and the scores read one column off still doubted it; since round 137
    # (权重 / 占比(%) one column) it is read whole
    (t,) = parse_file(_doc("ua06")).tables
    assert not t.doubts
    assert not any("%(百分比)" in i.name for i in t.indicators)
    assert all(i.score is not None for i in t.indicators)


def test_a_narratives_change_in_kilograms_is_compared() -> None:
    # uc02: 实际完成情况 says 亩均粮食产能提升60公斤; the row 项目区亩均粮食产能提升 reports 46公斤
    found = {(f.code, f.indicator) for f in review(_doc("uc02")).findings}
    assert ("N102", "项目区亩均粮食产能提升") in found
    assert ("E108", "新增高效节水灌溉面积") in found


def test_round102_a_seals_lower_line_parts_the_rows() -> None:
    # ue02, a viewer's copy a cell a line: 于都县卫生健康委员会 / 财务专用章 between two rows,
    # the seal's lower line read into the name above (居民健康素养水平财务专用章)
    names = [i.name for i in parse_file(_doc("ue02")).tables[0].indicators]
    assert "居民健康素养水平" in names
    assert not any("专用章" in n for n in names)


def test_round102_a_tall_names_bracketed_note_after_its_figures() -> None:
    # ue01, a viewer's copy: 项目区受益农户数 / ≥3200户 / 3350户 / 10 / 10 / (含脱贫户及防返 /
    # 贫监测户): the note, no explanation, ends the name
    names = [i.name for i in parse_file(_doc("ue01")).tables[0].indicators]
    assert "项目区受益农户数(含脱贫户及防返贫监测户)" in names


def test_round102_a_narratives_name_with_its_middle_left_out() -> None:
    # ua03: 补贴面积95.6万亩 in 实际完成情况 names the row 补贴发放面积 (96.82万亩)
    found = {(f.code, f.indicator) for f in review(_doc("ua03")).findings}
    assert ("N102", "补贴发放面积") in found


def test_round103_cells_one_space_apart_in_runs_of_spaces() -> None:
    # uh03, pdftotext -layout read as runs of spaces: a name that filled its column one space
    # before its target (审计报告按规定程序审定率 100%), and 满意度指标 服务对象满意度 被审计单位满意度
    # (一级, 二级 and name one space apart)
    rows = parse_file(_doc("uh03")).tables[0].indicators
    by_name = {i.name: i for i in rows}
    assert by_name["审计报告按规定程序审定率"].target == "100%"
    last = rows[-1]
    assert (last.l1, last.l2, last.name) == ("满意度指标", "服务对象满意度", "被审计单位满意度")


def test_round103_a_goal_block_labelled_year_completion() -> None:
    # uj03, a 20/80 form: | 年度完成情况 | 全年为12500名… (the narrative, unread before)
    (t,) = parse_file(_doc("uj03")).tables
    assert t.goal_actual.startswith("全年为12500名农村义务教育学生")


def test_round103_an_ocr_scan_whose_cells_stand_one_space_apart_reads_whole() -> None:
    # ec06 (an earlier round's OCR in runs of spaces, two tables over three pages), said misread
    # before: its names one space before their values now part from them
    tables = parse_file(_doc("ec06")).tables
    assert [len(t.indicators) for t in tables] == [9, 8]
    assert not any(t.doubts for t in tables)


def test_round104_a_categorys_points_on_its_next_line_in_a_sheets_cell() -> None:
    # ul03, .xlsx: 产出指标 / 50 in one cell (Alt+Enter): the label with its points, not words
    # run into the name (产出指标50数量指标建设村内道路（公里）)
    (t,) = parse_file(_doc("ul03")).tables
    first = t.indicators[0]
    assert (first.l1, first.l2, first.name) == ("产出指标", "数量指标", "建设村内道路（公里）")
    assert not t.doubts


def test_round104_a_tall_names_rest_after_an_actual_with_its_unit() -> None:
    # um03, OCR a cell a line of a form with no points: 农村供水工程 / ≥45处 / 45处 / 维修养护处数
    names = [i.name for i in parse_file(_doc("um03")).tables[0].indicators]
    assert "农村供水工程维修养护处数" in names
