"""What round 73 of the written tables (pr–pu) showed, each asserted on the smallest text that
shows it, or on the written document itself where its layout is the point: a scan's slips in
the header's labels and a score (S for 5), a 20/80 form's last 自评得分, a page's foot of the
form's title, Hebei's definitions beside names in text runs, a viewer's copy wrapped at seven
characters, a 部门整体 breakdown with 基本支出's own parts.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.ingest.rebuild.anchors import Kind, kinds
from reviewer.parse.values import parse_number
from reviewer.pipeline import review
from tests.test_form_variants import _written

WRITTEN = Path(__file__).resolve().parent.parent / "eval" / "datasets" / "written"


def _doc(stem: str) -> Path:
    """A written document by its stem (pu03, caa01): its set is the stem's letters."""
    return next(WRITTEN.glob(f"{stem.rstrip('0123456789')}/texts/{stem}_*"))


def _codes(stem: str, indicator: str | None = None) -> set[str]:
    """The codes of a written document's findings (on ``indicator``'s row, if given)."""
    return {
        f.code for f in review(_doc(stem)).findings if indicator is None or f.indicator == indicator
    }


def _unread(stem: str) -> list[str]:
    """The texts a written document's P101 reports unread."""
    return [e.quote for f in review(_doc(stem)).findings if f.code == "P101" for e in f.evidence]


def test_round73_a_scans_slips_in_the_headers_labels_are_those_labels() -> None:
    # pu03, pu06, gr01: 实际完戍值, 未完成原因分忻, 杈重, 指标性贡, 度量単位: the header had not been
    # found (pu06: no row read) or its column lost (gr01: no weights, said misread)
    for printed in ("实际完戍值", "完戍值", "未完成原因分忻", "杈重", "指标性贡", "度量単位"):
        assert Kind.COLUMN in kinds(printed), printed
    # one character misread in a label of five or more, whatever the character
    assert Kind.COLUMN in kinds("偏差原因分析及改进措旅")
    # not a row's name
    assert not kinds("受益群众满意度")
    assert not kinds("工程验收合格率")


def test_round73_a_score_of_one_digit_a_scan_misread() -> None:
    # pu03: the score 5 printed S alone in its cell: read as the row's explanation
    assert parse_number("S") == 5.0
    assert parse_number("〇") == 0.0
    for letter in ("l", "O", "I", "b", "B"):  # as like a mark or a letter as a figure
        assert parse_number(letter) is None
    (t,) = parse_file(_doc("pu03")).tables
    row = next(r for r in t.indicators if r.name == "草原生态持续改善")
    assert (row.weight, row.score, row.explanation) == (5.0, 5.0, "")


def test_round73_a_twenty_eighty_forms_goal_and_total_a_cell_per_line() -> None:
    # pu05: 年度目标 with its text over two lines (…改造工程 / 竣工验收合格率…): the second line had
    # been read as the result; the form's title as the page's foot (…委员会项目支出绩效自评表 /
    # - 2 -) had cut the rows after it; 自评得分 / 99.6O at the end is the table's total
    doc = _doc("pu05")
    (t,) = parse_file(doc).tables
    assert t.goal_expected.endswith("改造工程竣工验收合格率100％，消除安全隐患点位150处以上。")
    assert t.goal_actual.startswith("完成改造老旧小区11个")
    assert len(t.indicators) == 8
    assert t.total_score == 99.6
    codes = {f.code for f in review(doc).findings}
    assert "P102" not in codes
    assert "N102" in codes  # the narrative's 11个 against the row's 12个, found once read


def test_round73_a_goal_whose_line_ends_a_sentence_is_followed_by_its_result(
    tmp_path: Path,
) -> None:
    # the other side of pu05: a system's export, 年度总体目标 | goal | result on one row
    lines = [
        "项目支出绩效自评表",
        "项目名称\t农村公路养护",
        "年度总体目标\t完成全县农村公路日常养护120公里以上。\t完成全县农村公路日常养护126公里。",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t养护里程\t≥120公里\t126公里\t90\t90",
        "总分\t100\t100",
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert t.goal_expected == "完成全县农村公路日常养护120公里以上。"
    assert t.goal_actual == "完成全县农村公路日常养护126公里。"


def test_round73_hebei_names_and_definitions_over_lines_in_text_runs() -> None:
    # pn03 (plain pdftotext) and pu04 (OCR, a cell per line): each row's name and its 指标分值
    # definition wrapped in their narrow columns, a line each; a cell's lines are no wider than
    # its first, which tells 出版物补充更 / 新册数 from 年度为农家书屋 / 补充更新出版物 / 册数
    (t,) = parse_file(_doc("pn03")).tables
    assert [r.name for r in t.indicators][:3] == [
        "出版物补充更新册数",
        "覆盖行政村书屋个数",
        "出版物选配合格率",
    ]
    assert not t.doubts
    (t,) = parse_file(_doc("pu04")).tables
    assert [r.name for r in t.indicators][:2] == ["居民电子健康档案建档率", "高血压患者规范管理率"]


def test_round73_a_viewers_copy_wrapped_at_seven_characters() -> None:
    # ol05: every cell wrapped at seven characters (the project's name over two lines), the
    # page's foot the report's name then its number (…绩效自评 / 2), 财政资金 under 合计 by
    # 资金来源: a running head read as a row (a false P107 error), the source not read (a false
    # F101 error), names and definitions read together (said misread)
    doc = _doc("ol05")
    (t,) = parse_file(doc).tables
    assert t.project == "农村饮水安全工程维修养护"
    assert t.implementer == "涞源县农村供水管理站"
    assert [r.name for r in t.indicators] == [
        "维修养护供水工程处数",
        "维修工程验收合格率",
        "汛前维修完成率",
        "受益农村人口",
        "供水工程正常运行率",
        "受益群众满意度",
    ]
    assert t.funds.current_year_appropriation.executed == 183.9
    assert not {f.code for f in review(doc).findings} & {"P107", "F101", "P108"}


def test_round73_a_breakdown_with_basic_expenses_own_parts(tmp_path: Path) -> None:
    # ps01: 按支出性质分 with 人员经费 and 公用经费 under 基本支出, each line's label and amount in
    # one cell beside the income side's: a row mixing a known and an unknown label had been read
    # as one label (政府性基金拨款：2150.00), its amount lost, and a false F101 error reported
    text = _doc("ps01").read_text(encoding="utf-8")
    assert "F101" not in {f.code for f in review(_doc("ps01")).findings}
    (t,) = parse_file(_doc("ps01")).tables
    kinds_of = {k: r.kind for k, r in t.funds.extra.items()}
    assert kinds_of["人员经费"] == kinds_of["公用经费"] == "expense_detail"
    assert t.funds.extra["政府性基金拨款"].amount == 2150.0
    # the parts no longer adding up is still found
    wrong = tmp_path / "ps01_wrong.txt"
    wrong.write_text(text.replace("项目支出：10163.50", "项目支出：10100.00"), encoding="utf-8")
    assert "F101" in {f.code for f in review(wrong).findings}


def test_round73_a_transfer_payment_projects_title() -> None:
    # pu03: 中央对地方转移支付项目绩效目标自评表 had been read as the national form's (a false W102
    # on the national default weights, which a transfer form does not follow)
    (t,) = parse_file(_doc("pu03")).tables
    assert t.family == "transfer-payment"
