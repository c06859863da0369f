"""What round 79 of the written tables (qp–qs) showed, asserted on the written documents whose
layout is the point (OCR in runs of spaces, its columns drifting) and on the smallest cases.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.forms.families import DEFAULT
from reviewer.parse.labels import is_stamp
from reviewer.parse.plausibility import _labels_run_together
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_round79_a_header_cell_of_labels_run_together() -> None:
    # qr04 read by position: 实际完成值分值得分偏差原因分忻 one header cell, the rows' cells
    # one column on, nothing said; a label with its note is one label
    assert _labels_run_together("实际完成值分值得分偏差原因分忻", DEFAULT)
    assert not _labels_run_together("实际完成值(B)", DEFAULT)
    assert not _labels_run_together("偏差原因分析及改进措施", DEFAULT)
    assert not _labels_run_together("年度指标值", DEFAULT)


def test_round79_a_scans_drifting_columns_are_read_a_line_at_a_time() -> None:
    # qr02, qr04: read by position, names took the next line's category label
    # (履约服务人次质量指标) or cells of two rows: read a line at a time, whole
    for stem, names in (
        ("qr02", ("履约服务人次", "签约服务费拨付及时率", "人均签约服务财政补助")),
        ("qr04", ("抽检不合格食品核查处置率", "市场主体数量增长率", "群众满意度")),
    ):
        (t,) = parse_file(_doc(stem)).tables
        assert t.reliable, stem
        assert set(names) <= {i.name for i in t.indicators}, stem


def test_round79_an_explanations_rest_is_no_names() -> None:
    # qr01: 项目完工时间主体工程3月完工，已督促施工单位… (an actual wrapped into the explanation's
    # words) had been read into the name and the table said misread; since round 111 the
    # clause's line right of the name's goes with the explanation, and the row's labelled S102
    # and E103 (completed 2023年3月 against 2022年12月底前, full marks) are found
    rows = {i.name: i for i in parse_file(_doc("qr01")).tables[0].indicators}
    assert rows["项目完工时间"].explanation.startswith("受雨季影响部分田间道路延至2023年3月完工")
    found = {f.code for f in review(_doc("qr01")).findings if f.indicator == "项目完工时间"}
    assert found == {"S102", "E103"}


def test_round79_the_seals_place_under_the_rows() -> None:
    # qr03: （盖章） under a transfer form's last row (no 总分 after it): read into its name
    for mark in ("（盖章）", "(盖章)", "（ 公章 ）"):
        assert is_stamp(mark), mark
    assert not is_stamp("盖章")  # a word in a sentence or a field's label is left as it is
    (t,) = parse_file(_doc("qr03")).tables
    assert t.indicators[-1].name == "受益群众满意度"


def test_round79_a_header_over_two_rows_with_the_targets_unit() -> None:
    # qk01 (.xlsx), qg01 (a PDF): 年度指标值 over 指标值 | 单位. 单位 alone names the target's
    # unit only on the lower row beside the figure's label (elsewhere it is a key: 单位名称)
    for stem in ("qk01", "qg01"):
        (t,) = parse_file(_doc(stem)).tables
        assert t.reliable, stem
        assert all(i.target_value.number is not None for i in t.indicators[:3]), stem
        assert t.indicators[0].target.endswith(t.indicators[0].target_value.unit), stem


def test_round79_the_rebuilt_headers_lower_row_starts_at_the_targets_parts() -> None:
    from reviewer.ingest.rebuild.header import Slot, slot_of, split_rows
    from reviewer.ingest.rebuild.tokenise import Token

    words = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    words += ["偏差原因分析及改进措施", "指标值", "单位"]
    tokens = [Token(w, w, k + 1) for k, w in enumerate(words)]
    first, second = split_rows(tokens, DEFAULT)
    assert [t.text for t in first][-1] == "偏差原因分析及改进措施"
    assert [t.text for t in second] == ["指标值", "单位"]
    assert slot_of("单位", DEFAULT) is Slot.UNIT


def test_round80_rests_no_cell_could_be_at_any_width() -> None:
    # qt06: ≥1160元/ / 人·月 and 1160元/人 / ·月; qt01: …进度不满意 / ，将加强沟通…; nn02: a lone
    # / (an empty cell's mark) before the next cell is no unit's cut
    from reviewer.ingest.rebuild.tokenise import Token, _value_wrapped
    from reviewer.ingest.rebuild.wrapped import _sure_rests_joined

    def joins(head: str, rest: str) -> bool:
        return _value_wrapped(Token(head, head, 1), Token(rest, rest, 2))

    assert joins("≥1160元/", "人·月") and joins("1160元/人", "·月")
    assert not joins("/", "长期")  # a lone / (an empty cell's mark) is no unit's head
    assert _sure_rests_joined(["部分家长对食堂改造进度不满意", "，将加强沟通"])[0].endswith("沟通")
    assert _sure_rests_joined(["长期", "/", "长期"]) == ["长期", "/", "长期"]
    assert _sure_rests_joined(["10", "，"]) == ["10", "，"]  # after a figure: no sentence
    for stem, rows in (("qt06", 8), ("qt01", 8)):
        (t,) = parse_file(_doc(stem)).tables
        assert len(t.indicators) == rows, stem


def test_round80_a_scans_slip_in_the_units_label() -> None:
    # qu04: 度量单仿 (仿 for 位): the header not found, every row's figures apart from it
    (t,) = parse_file(_doc("qu04")).tables
    assert t.reliable
    assert t.indicators[0].target_value.unit == "公里"


def test_round79_a_parts_own_execution_rate() -> None:
    # qp02: 地方资金 | 1944.2 | 1701.18 | 92.50% (87.50% by its own figures): the total's rate
    # was right, the part's wrong, and nothing said so
    hits = [f for f in review(_doc("qp02")).findings if f.code == "B101"]
    assert [h.expected for h in hits] == ["87.50%"]
    assert hits[0].message.startswith("地方资金的执行率填报为92.5%")
    # cg03: 总额 and 其中:当年财政拨款 alike, the rate against 年初预算 on both: one finding
    hits = [f for f in review(_doc("cg03")).findings if f.code == "B101"]
    assert len(hits) == 1 and "当年财政拨款" not in hits[0].message


def test_round81_a_categorys_bare_word_ending_a_name() -> None:
    # qr05 (OCR in runs of spaces): 数量指标's row 补充更新出版物, then 数量 alone on the next
    # line: the name's end, not the group's label again; qd03 (a cell per line):
    # 城区垃圾积存点 / 数量 under 生态效益指标, a name as wide as the names' column
    for stem, name in (("qr05", "补充更新出版物数量"), ("qd03", "城区垃圾积存点数量")):
        (t,) = parse_file(_doc(stem)).tables
        assert name in [i.name for i in t.indicators], stem


def test_round82_a_scans_drifting_columns_not_a_layout_programs() -> None:
    # rb01–rb06 (OCR in runs of spaces, columns drifting): read by position without a doubt
    # but with two rows' cells run together (项目区亩均增产粮食受益农户数); a line at a time
    # they read whole. pdftotext's layout lines its cells' starts up; a scan does not.
    from reviewer.ingest.fixed import _aligned

    scan = _doc("rb01").read_text(encoding="utf-8").replace("\f", "").splitlines()
    laid_out = _doc("nx01").read_text(encoding="utf-8").replace("\f", "").splitlines()
    assert not _aligned(scan)
    assert _aligned(laid_out)
    for stem in ("rb01", "rb02", "rb03", "rb04"):
        (t,) = parse_file(_doc(stem)).tables
        assert t.reliable, stem
        assert not any("受益农户数" in i.name and i.name != "受益农户数" for i in t.indicators)


def test_round82_a_names_rest_before_a_page_break_and_a_new_category() -> None:
    # rb06: 单个书屋出版物 / 补充标准, then the page's break, then 效益指标 | 社会效益指标 |
    # 农家书屋年均使用率: the rest is the row above's (a row the break cut would not open a
    # category of its own); cc1's 培训人均成本 before the break, the same category's labels
    # printed again over its values, still begins the row below
    (t,) = parse_file(_doc("rb06")).tables
    names = [i.name for i in t.indicators]
    assert "单个书屋出版物补充标准" in names and "农家书屋年均使用率" in names
    assert t.indicators[0].weight is not None  # 权垂 (垂 for 重) is the 权重 column
    report = parse_file(next(_doc("cc1").parent.glob("cc1_jiangxi_yudu_weijian_2022.pdf")))
    assert "培训人均成本" in [i.name for t in report.tables for i in t.indicators]


def test_round83_funds_labels_notes_stamps_and_sums() -> None:
    # rf04: 预算数 / （A） / 执行数 / （B） / 执行率 / （B/A） a line each: the executed amount
    # and the score had not been read (a false doubt); a points note stays the weight's
    from reviewer.ingest.rebuild.anchors import label_goes_on

    assert label_goes_on("预算数", "（A）") and label_goes_on("执行率", "（B/A）")
    assert not label_goes_on("得分", "(20分)")
    (t,) = parse_file(_doc("rf04")).tables
    assert (t.funds.annual_total.executed, t.funds.annual_total.score) == (860.0, 20.0)
    assert t.reliable
    # rg01: the system's stamp under the sheet (导出时间：… 数据来源：…) is no name's
    names = [i.name for t in parse_file(_doc("rg01")).tables for i in t.indicators]
    assert not any("导出时间" in n for n in names)
    # ri05: a Hebei form's 指标合计 | 90 | 89.00 before its 预算执行率 row is no indicator
    names = [i.name for t in parse_file(_doc("ri05")).tables for i in t.indicators]
    assert "指标合计" not in names
    # rf06: 全民健身赛事活动 / 数量 / ≥25项: the name's rest, not a category
    (t,) = parse_file(_doc("rf06")).tables
    assert "全民健身赛事活动数量" in [i.name for i in t.indicators]


def test_round84_a_hebei_sign_beside_a_target_written_in_the_unit_column() -> None:
    # rm03: 符号 | 单位(文字描述) and no 值 column: >= | 120处(数量). The sign had been left off
    # (a false S102 error on a ≤24小时 row its 10小时 met)
    doc = _doc("rm03")
    (t,) = parse_file(doc).tables
    assert [i.target for i in t.indicators[:2]] == [">=120处(数量)", ">=40公里(长度)"]
    assert "S102" not in {f.code for f in review(doc).findings}


def test_round84_pipe_rows_written_whole_and_a_funds_breakdown_with_its_fiscal_row() -> None:
    # rm05: every row as many cells as its header (… | 10 | with its empty explanation kept): no
    # cells dropped, not a wrapped web table (its 无 had run into the next row's 产出指标, its
    # funds and total unread: false P103, P102 and P104)
    doc = _doc("rm05")
    codes = {f.code for f in review(doc).findings}
    assert not {"P102", "P103", "P104"} & codes
    assert {"E101", "T101"} <= codes
    # rm06: 按收入性质分 | 财政拨款 | … over 其他收入 | …: both the total's parts (a false F101)
    assert "F101" not in {f.code for f in review(_doc("rm06")).findings}
