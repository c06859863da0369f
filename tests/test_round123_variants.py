"""What round 123 of the written tables (xi–xl) and the rows of earlier rounds it went back
to showed, asserted on the written documents whose layout is the point, and on small texts."""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_unedged_pipe_rows_with_one_row_opening_on_an_empty_cell() -> None:
    # xh05, a Hebei form in pipes with no pipe before a row's first cell: its one row under a
    # merged 一级 opens with a space and a pipe ( | 质量指标 | …); read as a wrapped web
    # table, the 预算执行率 row's rate (单项指标实际完成值) had become its target
    (t,) = parse_file(_doc("xh05")).tables
    rate = t.indicators[-1]
    assert (rate.name, rate.target, rate.actual) == ("预算执行率", "", "90.00%")
    assert (rate.weight, rate.score) == (10.0, 9.0)
    assert [i.l2 for i in t.indicators[:2]] == ["数量指标", "质量指标"]


def test_a_state_kept_up_is_met_whatever_its_sign() -> None:
    # wf05: = | 不断缩小 against 不断缩小 — 不断 ("ever") read as 不 ("not"): a false S106
    (t,) = parse_file(_doc("wf05")).tables
    row = next(i for i in t.indicators if i.name == "基本公共卫生服务水平")
    assert (row.target, row.actual) == ("=不断缩小", "不断缩小")
    codes = {(f.code, f.indicator) for f in review(_doc("wf05")).findings}
    assert ("S106", "基本公共卫生服务水平") not in codes


def test_a_deadlines_word_in_the_unit_cell_ends_the_target() -> None:
    # xi06, a Hebei form: <= | 2020年10月31日 | 前 — the 前 in 单位(文字描述) had been dropped
    (t,) = parse_file(_doc("xi06")).tables
    row = next(i for i in t.indicators if i.name == "大中修工程完工时间")
    assert row.target == "<=2020年10月31日前"


def test_a_tab_paste_keeps_a_rows_empty_unit_after_its_merged_labels_were_dropped() -> None:
    # xj06, a Hebei form pasted with tabs, merged 一级/二级 cells left out: a 定性 row's empty
    # 单位 kept as two tabs (丰富农村群众文化生活 | 定性 | 有效丰富 | | 有效丰富 | 完成 | …) had
    # been read as one glued name with 完成 for its target
    (t,) = parse_file(_doc("xj06")).tables
    row = next(i for i in t.indicators if i.name == "丰富农村群众文化生活")
    assert (row.target, row.actual, row.weight, row.score) == ("有效丰富", "有效丰富", 10.0, 10.0)


def test_a_target_a_program_wrote_as_a_formula_reads_as_typed() -> None:
    # xk03: =100% saved as a formula without a value is the target =100%, its sign kept
    (t,) = parse_file(_doc("xk03")).tables
    row = next(i for i in t.indicators if i.name == "资助资金发放及时率")
    assert (row.target, row.actual) == ("=100%", "100%")


def test_a_names_measure_word_wrapped_onto_its_own_line_in_a_stream() -> None:
    # xl03, a viewer's copy a cell a line: 农村集中供水工程水质 / 达标率 after an explanation
    # over three lines had been read with the explanation as a row's name
    (t,) = parse_file(_doc("xl03")).tables
    row = next(i for i in t.indicators if i.name == "农村集中供水工程水质达标率")
    assert (row.target, row.actual, row.weight, row.score) == (
        "较上年提高",
        "提高2.3个百分点",
        5.0,
        5.0,
    )
    assert t.reliable
    # not a definition's last line after another line of it (享受营养膳食补助的 / 农村义务教育阶段
    # 学 / 生人数, ue06): that is one cell of three lines, the row read as before
    (t,) = parse_file(_doc("ue06")).tables
    assert t.indicators[0].target == ">=18500人"


def _doubts(path: Path) -> list[str]:
    (t,) = parse_file(path).tables
    return [d.reason for d in t.doubts]


def test_a_unit_or_one_character_read_as_a_name_is_doubted() -> None:
    # tp05: 全县旅游接待 / 人次 read as a row named 人次; pa03: 项目资金支付及时 / 率 as one named
    # 率 — each had been reviewed as read (a funds finding beside rows that were not there)
    assert any("只是一个计量单位或一个字" in r for r in _doubts(_doc("tp05")))
    # pa03 is read whole since round 137 (a name's rest before its row's target ends it)
    names = [i.name for i in parse_file(_doc("pa03")).tables[0].indicators]
    assert "项目资金支付及时率" in names and "率" not in names


def test_figures_under_no_name_beside_a_name_without_figures_are_doubted() -> None:
    # xl02: a viewer put one row's figures (≥60% | 63.5% | 6 | 6) before its label and name
    assert any("没有指标名称" in r for r in _doubts(_doc("xl02")))


_HEAD = (
    "项目名称 | 某项目 |\n"
    "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
    "产出指标 | 数量指标 | 新建道路长度 | ≥10公里 | 10公里 | 20 | 20 | |\n"
)


def _split_doubted(tmp_path: Path, first: str, rest: str) -> bool:
    path = tmp_path / "r.txt"
    path.write_text(
        _HEAD + f" | 质量指标 | {first} | | | | | |\n | | {rest} | ≥95% | 96% | 30 | 30 | |\n",
        encoding="utf-8",
    )
    (t,) = parse_file(path).tables
    return any("拆成了两行" in d.reason for d in t.doubts)


def test_a_name_cut_mid_word_standing_alone_over_its_rest_is_one_row(tmp_path: Path) -> None:
    # rw02: 人均基本公共卫生服 (no value) over 务经费补助标准 | ≥94元 | …: one name, first doubted
    # as read into two rows (round 123), read as the one row since round 192
    assert not _split_doubted(tmp_path, "人均基本公共卫生服", "务经费补助标准")
    path = tmp_path / "r.txt"  # (written by _split_doubted)
    names = [i.name for i in parse_file(path).tables[0].indicators]
    assert names == ["新建道路长度", "人均基本公共卫生服务经费补助标准"]
    (t,) = parse_file(_doc("rw02")).tables
    assert not t.reliable


def test_one_name_alone_that_ends_as_names_end_is_no_doubt(tmp_path: Path) -> None:
    # a row left unfilled whose name is whole (…合格率) is the department's omission, reviewed
    assert not _split_doubted(tmp_path, "工程验收合格率", "道路完好率")


def test_a_table_whose_rows_alone_are_doubted_has_its_funds_reviewed() -> None:
    # tp05 (a row named 人次) and pa03 (one named 率): their funds blocks, read apart from the
    # rows, do not add up as their writers labelled (1,352.04 against 1,339.04; 1,526.84 against
    # 1,516.84): said, where a doubt on the rows had silenced every rule reading the funds
    findings = review(_doc("tp05")).findings
    f101 = [f for f in findings if f.code == "F101"]
    assert f101 and "1,352.04" in f101[0].message
    (p108,) = [f for f in findings if f.code == "P108"][:1]
    assert "资金部分照常复核" in p108.message
    # what reads the rows stays silent: no score or total rule on the doubted rows
    assert not [f for f in findings if f.code[0] in "ST"]
    # pa03, read whole since round 137: its funds' error found with the rows reviewed
    f101 = [f for f in review(_doc("pa03")).findings if f.code == "F101"]
    assert f101 and "1,526.84" in f101[0].message


def test_a_funds_block_read_off_its_amounts_beside_doubted_rows_is_not_reviewed() -> None:
    # cd01: rows doubted, and a total whose printed rate (10.54%) is nowhere near its amounts'
    # quotient (0.78%): the block is taken for misread too, no B101 or F101 on it
    codes = {f.code for f in review(_doc("cd01")).findings}
    assert "P108" in codes
    assert not codes & {"B101", "F101"}


def test_the_memo_says_the_funds_of_a_table_with_doubted_rows_were_reviewed() -> None:
    (table,) = review(_doc("tp05")).memo.tables
    assert table.reading_note.startswith("本表绩效指标可能未被正确读取")
    assert "资金合计、执行率与预算执行得分照常复核" in table.reading_note
    (table,) = review(_doc("cd01")).memo.tables  # its funds block not read whole either
    assert table.reading_note.startswith("本表可能未被正确读取，未作分值与算术复核")
