"""What round 137 of the written tables (zm, zn, zo, zp) showed, and the earlier documents its
mends read again, asserted on the written documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def _codes(stem: str) -> set[str]:
    return {f.code for f in review(_doc(stem)).findings}


def _names(stem: str) -> list[str]:
    return [i.name for t in parse_file(_doc(stem)).tables for i in t.indicators]


def test_a_funds_score_labelled_on_the_line_under_the_others_is_read() -> None:
    # li06: 预算数(A) | 执行数(B) | 执行率 over (B/A) | 得分, its 18.84 one column past the
    # header's first line: unread, the total's 99.84 against 98.84 only noted as not checked
    total = parse_file(_doc("li06")).tables[0].funds.annual_total
    assert total.score == 18.84
    hit = next(f for f in review(_doc("li06")).findings if f.code == "T101")
    assert hit.severity.value == "error"
    assert "98.84" in hit.message


def test_a_funds_header_whose_lines_stop_inside_their_last_cell_is_one_header() -> None:
    # af04: 资金情况 | 全年预算 / 数（A） | 全年执行 / 数（B） | 执行率 / （B/A） | 分值 | 得分:
    # the amounts had been read a column off (the budget as the executed, the score as the rate)
    total = parse_file(_doc("af04")).tables[0].funds.annual_total
    assert (total.full_year_budget, total.executed, total.rate_pct, total.score) == (
        1530.0,
        1468.35,
        95.97,
        9.6,
    )


def test_a_20_80_rows_figures_under_the_headers_notes_are_the_total() -> None:
    # zn04: (万元)(20分) | 480.00 | 456.96 | 95.20% | 19.04 under the header: the funds unread
    table = parse_file(_doc("zn04")).tables[0]
    total = table.funds.annual_total
    assert (total.full_year_budget, total.executed, total.score) == (480.0, 456.96, 19.04)
    assert "P108" not in _codes("zn04")


def test_a_label_cut_after_its_and_is_one_column() -> None:
    # zm01 (a viewer's copy): 偏差原因分析及 / 改进措施 had been two columns, the page's rows
    # after the break merged into one another (false T101, W101, W102 and T104)
    assert "项目区粮食亩产增加" in _names("zm01")
    assert "受益农户数" in _names("zm01")
    assert not {"T101", "W101", "W102"} & _codes("zm01")


def test_a_stacked_block_label_after_the_goal_is_not_the_goals_text() -> None:
    # zm01: 绩 / 效 / 指 / 标 down its cell after the result's text had ended that text
    (table,) = parse_file(_doc("zm01")).tables
    assert table.goal_actual.endswith("建后管护制度已落实到村。")


def test_a_running_head_over_the_header_printed_again_is_no_rows() -> None:
    # zn03, zn04, zn05 (OCR in runs of spaces): 通渭县财政局 2, 秭归县文化和旅游局2022年度部门
    # 决算公开附表, 翁源县市场监督管理局2023年度部门整体支出绩效自评报告 over the page's header
    # had been read into the name of the row above or below
    assert "农村自来水普及率" in _names("zn03")
    assert "单场演出补助标准" in _names("zn04")
    assert "“三公”经费支出" in _names("zn05")


def test_a_reading_that_cut_a_table_in_two_at_a_page_is_read_again() -> None:
    # zo02 (plain pdftotext): 项目支出绩效自评表 / （2021年度） atop page 2 had opened a second
    # table (no subject, doubted) and the first reading was kept for its first table, with a
    # false W101 error; read as a stream, the one table is whole
    report = parse_file(_doc("zo02"))
    assert report.format == "text/flat"
    assert len(report.tables) == 1
    assert len(report.tables[0].indicators) == 9
    assert "W101" not in _codes("zo02")


def test_a_names_rest_beside_its_centred_category_label_ends_that_name() -> None:
    # zo04 (pdftotext -layout): …家庭经济困难寄 / 产出指标 宿生: 宿生 had opened the next name
    names = _names("zo04")
    assert "资助义务教育家庭经济困难寄宿生" in names
    assert "资助政策宣传覆盖学校" in names
    assert "家庭经济困难学生因贫失学辍学人数" in names


def test_a_names_rest_on_its_own_line_before_the_figures_ends_that_name() -> None:
    # zm03, qd01, pa03 (viewer's copies): 雨水情测报及安全监测设施 / 维护 / ≥42套, 新增高效节水灌
    # / 溉面积 / ≥3000: the rest had been read as a name of its own or a target
    assert "雨水情测报及安全监测设施维护" in _names("zm03")
    assert "新增高效节水灌溉面积" in _names("qd01")
    assert "群众对公共文化服务满意度" in _names("pa03")


def test_a_goal_and_its_result_each_a_line_under_the_goals_header_are_both_read() -> None:
    # vv04 (a scan): 年度总体目标 | 预期目标 | 实际完成情况 over a line each: both had been read
    # as the goal, a false P109 (the result said to be empty)
    (table,) = parse_file(_doc("vv04")).tables
    assert table.goal_expected.endswith("工程于2020年10月底前完工。")
    assert table.goal_actual.startswith("完成管网建设86.4公里")
    assert "P109" not in _codes("vv04")


def test_a_results_line_wrapped_goes_on_with_the_result() -> None:
    # ih02: the result's first line alone, its rest on the next: the rest had gone to the goal
    (table,) = parse_file(_doc("ih02")).tables
    assert table.goal_actual.endswith("签约居民满意度93%。")
    assert "1.2万人,两慢病" in table.goal_actual


def test_a_template_note_as_the_result_keeps_the_goals_wrapped_line() -> None:
    # eh03: the goal over two lines, the result the template's note (…200字以内）): the goal's
    # second line stays the goal's and the note is still found (P106)
    (table,) = parse_file(_doc("eh03")).tables
    assert table.goal_expected.endswith("居民健康素养水平达到18%。")
    assert "P106" in _codes("eh03")


def test_a_hebei_goal_section_with_labels_over_their_own_lines_is_read() -> None:
    # sr06 (OCR a cell a line): 二、绩效目标完成情况 / 年度目标 / … / 实际完成 / …: the goal had
    # not been read (a false P103 error), the section's heading read into the unit's name
    (table,) = parse_file(_doc("sr06")).tables
    assert table.implementer == "涞水县旅游服务中心"
    assert table.goal_expected.endswith("增长10%以上。")
    assert table.goal_actual.endswith("增长12.5%。")
    assert "P103" not in _codes("sr06")


def test_a_hebei_label_and_its_percent_note_wrapped_is_one_column() -> None:
    # zm06, sr06, ua06, xa06: 权重 / 占比(%) had been two columns, every row read a column off
    for stem in ("ua06", "xa06"):
        (table,) = parse_file(_doc(stem)).tables
        assert not table.doubts, stem
        assert all(i.score is not None for i in table.indicators), stem


def test_a_row_with_no_target_set_is_in_no_band() -> None:
    # xa06: 农民群众阅读习惯, target / and actual 有所提升 at full marks: said partly reached (a
    # false S106 error); the row's lack of a target is W108's to say
    codes = _codes("xa06")
    assert "S106" not in codes
    assert "W108" in codes


def test_a_reading_with_less_left_unread_and_no_doubt_is_kept() -> None:
    # zp04 (a Hebei viewer's copy): read a line at a time, 13 cells unread and doubted; read as
    # a stream every row, two sign-off lines left: that reading had been refused for them
    (table,) = parse_file(_doc("zp04")).tables
    assert len(table.indicators) == 10
    assert not table.doubts
