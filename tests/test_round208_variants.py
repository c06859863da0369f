"""What round 208 of the written tables (cil, cim, cin, cio) showed: funds blocks laid out
across (sources as columns, stages as rows) and printed after the indicators, left unread and
then a table said to have no funds (P103, an error); a written rule per day of delay; a
部门整体 form's funds label glued to the unit's name in a cell-a-line text; and sign-off lines
left unread.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.checks.written_rule import rule_of
from tests.test_round73_variants import _codes, _doc, _unread


def test_round208_funds_laid_out_across_are_read_as_the_forms_block() -> None:
    # cil01 (tab text): 资金来源 | 年度资金总额 | 财政拨款 | 其中：中央 | 省级 | 市县 | 上年结转 |
    # 其他资金 over 年初预算数 / 全年预算数 / 全年执行数 / 执行率 rows, 分值 | 10 | 得分 | 9.93 below:
    # 37 cells were reported unread, the grade recomputed without the funds (a false T104)
    t = parse_file(_doc("cil01")).tables[0]
    total = t.funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed) == (2400, 2650, 2631.35)
    assert (total.rate_pct, total.weight, total.score) == (97.30, 10, 9.93)
    # quoted where printed: 2631.35 on the 全年执行数 line (10), in the total's column (2)
    executed = total.cells["executed"]
    assert (executed.line, executed.column) == (10, 2)
    codes = _codes("cil01")
    assert "B101" in codes  # its labelled rate
    assert not {"F101", "T104", "P101"} & codes  # the levels under 财政拨款 add up
    # cil02 (pipes, the points in columns right of the sources): its labelled F101
    assert "F101" in _codes("cil02") and _unread("cil02") == []
    # cil04 (.docx, Guangxi's 自治区级 among the levels): read
    assert _unread("cil04") == [] and "B103" in _codes("cil04")


def test_round208_a_funds_header_that_is_no_sources_header_stays(tmp_path: Path) -> None:
    # the form's own block (项目资金 | 年初预算数 | …) is not turned
    doc = tmp_path / "t.txt"
    doc.write_text(
        "项目支出绩效自评表\n项目名称\t测试项目\n"
        "项目资金\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        "\t年度资金总额\t100\t120\t118\t10\t98.33%\t9.83\n"
        "\t其中：当年财政拨款\t100\t120\t118\t—\t—\t—\n",
        encoding="utf-8",
    )
    total = parse_file(doc).tables[0].funds.annual_total
    assert (total.full_year_budget, total.executed, total.score) == (120, 118, 9.83)


def test_round208_funds_printed_after_the_indicators_are_the_tables() -> None:
    # cil06: the block under 总分 (its pipe rows with empty cells dropped): read by the pipes'
    # reading, not said missing (P103, an error)
    t = parse_file(_doc("cil06")).tables[0]
    assert t.funds.annual_total.executed == 590.12
    assert not {"P103", "P101", "T101"} & _codes("cil06")


def test_round208_a_rule_per_day_of_delay_scores_the_row() -> None:
    # cim06: 按期完成得满分，每延迟1天扣1分 on ≤180天 against 185: 5, not proportion's 9.72
    rule = rule_of("按期完成得满分，每延迟1天扣1分")
    assert rule is not None and (rule.per, rule.points, rule.unit) == (1.0, 1.0, "天")
    codes = _codes("cim06", "驿站建成投用时限")
    assert "S111" in codes and "S104" not in codes


def test_round208_a_cell_a_line_texts_funds_label_and_wrapped_name() -> None:
    # cin05, cin03: 部门预算资金 / （万元） under the unit's name: the funds' label, not the
    # name's rest (天水市秦州区市场监督管理局部门预算资金)
    assert parse_file(_doc("cin05")).tables[0].department == "天水市秦州区市场监督管理局"
    assert _unread("cin05") == []
    # cin02: 2023年基本公共卫生服务家 / 庭医生签约服务项目: one name
    assert (
        parse_file(_doc("cin02")).tables[0].project == "2023年基本公共卫生服务家庭医生签约服务项目"
    )
    # cin03: its labelled total and sources (its rows read whole now)
    assert {"T101", "F101", "S102"} <= _codes("cin03")


def test_round208_sign_off_lines_are_read() -> None:
    # cio06: 填表人：陈静 | 联系电话：… | 分管负责人：周海涛; cio02: 填报时间：… beside 金额单位
    assert _unread("cio06") == [] and _unread("cio02") == []
    fields = parse_file(_doc("cio06")).tables[0].fields
    assert fields["分管负责人"] == "周海涛" and fields["填表人"] == "陈静"
    # qa04's sign-off a line to a key: its table still read a cell a line (its rows right)
    t = parse_file(_doc("qa04")).tables[0]
    assert t.fields["填报人"] == "张立新"
    assert t.indicators[0].name == "维修改造供水管网长度"
