"""What round 207 of the written tables (cih, cii, cij, cik) showed: a scan's row whose last
values slid to the next line, a 其中 nested under 中央资金 taking the levels after it, a narrative's
overspend read as no amount of the block's, a scan's 1，200 read as 200, and the unread reports a
workbook's remarks column, a 填表说明 and a sign-off line gave.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.grid import Cell, Row
from reviewer.model import Severity, SummaryEntry
from reviewer.parse.summary import read_summaries
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc, _unread


def test_round207_a_rows_values_slid_to_the_line_under_it_join_it() -> None:
    # cih04: 质量指标 | 水质检测合格率 | ≥95% / 100% | 15 | 15 on the next line (a slanted photo):
    # the row's name had been run into the next row's (≥95%水质检测合格率农村自来水普及率), two
    # rows lost and the table said misread (P108)
    t = parse_file(_doc("cih04")).tables[0]
    row = next(i for i in t.indicators if i.name == "水质检测合格率")
    assert (row.target, row.actual, row.weight, row.score) == ("≥９５％", "１００％", 15, 15)
    assert len(t.indicators) == 7
    codes = _codes("cih04")
    assert "P108" not in codes and {"F101", "B103", "S107"} <= codes  # its labelled three


def test_round207_a_rows_values_on_the_next_line_only_when_they_are_bare_figures(
    tmp_path: Path,
) -> None:
    # the next line a row of its own (a name, then figures): two rows, as printed
    doc = tmp_path / "t.txt"
    doc.write_text(
        "项目支出绩效自评表\n项目名称\t测试项目\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t培训人数\t≥100人\n"
        "\t\t宣传场次\t≥5场\t6场\t10\t10\n"
        "总分\t\t\t\t\t100\t90\n",
        encoding="utf-8",
    )
    names = [i.name for i in parse_file(doc).tables[0].indicators]
    assert "宣传场次" in names and not any("≥100人" in n for n in names)


def test_round207_a_nested_of_which_under_central_funds_ends_at_the_next_level() -> None:
    # cij02: 其中:中央资金 | 　其中:新划入…资金 | 省级资金 | 市县级资金: 省级 and 市县级 are 中央资金's
    # siblings (a false F101, an error: 中央资金 against 412 + 1,865 + 1,901)
    assert "F101" not in _codes("cij02")
    assert "F101" in _codes("cij04")  # its labelled breakdown that does not add up


def test_round207_an_overspend_a_narrative_names_is_the_blocks_difference() -> None:
    # cij03: 县级配套超出预算部分50.40万元 = 全年执行数 9,650.40 − 全年预算数 9,600.00 (false N106)
    assert "N106" not in _codes("cij03")
    # …and it says why the spending passed the budget: F102 as information, the reason to check
    f102 = [f for f in review(_doc("cij03")).findings if f.code == "F102"]
    assert [f.severity for f in f102] == [Severity.INFO]


def test_round207_a_scans_chinese_comma_in_a_figure_makes_no_claim() -> None:
    # cih01: 新建脐橙标准化示范园1，200亩: 1,200 or a list's 1 and 200, no telling (a false N105 on
    # 200亩)
    assert "N105" not in _codes("cih01")


def test_round207_a_fields_text_under_its_label_wrapped_or_nothing() -> None:
    # cih03, cih06 (20/80): 偏差大或目标未完成原因分析 / 无, and a cause wrapped over two lines:
    # the fields' texts, not unread lines
    t = parse_file(_doc("cih06")).tables[0]
    assert t.fields["deviation_analysis"].endswith("减少，在校学生人数下降。")
    assert t.fields["improvement_measures"] == "无"
    assert parse_file(_doc("cih03")).tables[0].fields["deviation_analysis"] == "无"
    assert _unread("cih06") == [] and _unread("cih03") == []
    assert "E102" in _codes("cih06")  # its labelled cause without a measure


def test_round207_a_sign_off_line_a_sheets_remarks_and_its_instructions_are_read() -> None:
    # cik03 (Word): 填表人：刘敏　　联系电话：…　　填报日期：… under the table; cii02 (workbook):
    # 备注 over a column, 年中追加20万元… beside 年度资金总额, 填表说明：1.… under the table, and the
    # 汇总 sheet's title: all reported unread before
    assert parse_file(_doc("cik03")).tables[0].fields["填表人"] == "刘敏"
    assert _unread("cik03") == []
    t = parse_file(_doc("cii02")).tables[0]
    assert any(n.startswith("备注：年中追加20万元") for n in t.notes)
    assert any(n.startswith("填表说明:1.") for n in t.notes)
    unread = _unread("cii02")
    assert len(unread) == 1 and unread[0].startswith("注:本表由财务股汇总")


def test_round207_a_summarys_title_only_over_its_header() -> None:
    def row(line: int, *texts: str) -> Row:
        return Row([Cell(t, line, n + 1) for n, t in enumerate(texts)], line)

    rows = [
        row(1, "某局2023年度项目自评得分汇总表"),
        row(2, "序号", "项目名称", "自评得分"),
        row(3, "1", "测试项目", "95.5"),
    ]
    entries: list[SummaryEntry] = []
    read_summaries(rows, entries)
    assert len(entries) == 1 and rows[0].cells[0].used
    other = [row(1, "项目情况说明"), *rows[1:]]
    read_summaries(other, [])
    assert not other[0].cells[0].used
