"""What round 91 of the written tables (sl–so) and the sj exports left from round 90 showed,
asserted on the written documents whose layout is the point and on the smallest cases.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.ingest.rebuild.anchors import is_any_label
from reviewer.ingest.rebuild.furniture import page_furniture
from reviewer.ingest.rebuild.wrapped import _row_rests_joined
from reviewer.parse.labels import is_total_word
from reviewer.parse.plausibility import _cut_name
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_round91_a_systems_detail_sheet_is_compared_with_its_form_not_reviewed_again() -> None:
    # sj01–sj06: each workbook holds the form and a 指标明细 sheet of the same rows; sj04 names
    # its export's project column 转移支付名称, sj05 its department's 部门名称, and sj06's export
    # had been read into the form's table (the same 项目名称 row taken for a page's repeat)
    for stem in ("sj01", "sj04", "sj05", "sj06"):
        result = review(_doc(stem))
        form, detail = result.report.tables
        assert form.detail_of is None and detail.detail_of is not None, stem
        assert detail.detail_of.table == 0 and detail.detail_of.rows == len(form.indicators)
        assert [f for f in result.findings if f.table_index == 1] == [], stem
        assert (result.memo.overview.tables, result.memo.overview.details) == (1, 1)
    # sj01's export sums no total: the grade it "overstated" (T104) was the tool's own sum
    assert "T104" not in {f.code for f in review(_doc("sj01")).findings}


def test_round91_a_totals_label_with_a_note_in_brackets_ends_the_rows() -> None:
    # sj06: 绩效指标得分小计 | 80.00 and 总分（预算执行得分+绩效指标得分） | 99.46 had been read
    # into the last row's name and explanation (the table said misread)
    assert is_total_word("总分（预算执行得分+绩效指标得分）")
    assert is_total_word("总分(满分100分)")
    assert not is_total_word("总分值说明（见附件）")
    t = parse_file(_doc("sj06")).tables[0]
    assert t.reliable and t.total_printed and t.total_score == 99.46
    assert t.indicators[-1].name == "林区群众满意度" and t.indicators[-1].explanation == ""


def test_round91_a_hebei_sign_cell_holding_its_figure_is_the_target() -> None:
    # sl06: 符号 | 单位(文字描述) under 预期指标值, the sign's cell printing >=45: the target had
    # been read as its unit alone (处, %(百分比)), every row's
    rows = parse_file(_doc("sl06")).tables[0].indicators
    assert [i.target for i in rows[:3]] == [">=45处", ">=95%(百分比)", "<=2天"]
    assert "S102" in {f.code for f in review(_doc("sl06")).findings}


def test_round91_the_units_own_funds_and_a_hebei_funds_score() -> None:
    # sn04: 单位自有资金 beside 财政拨款 (a false F101: the sources short of the total);
    # ri05: a Hebei funds row scoring its execution (… | 预算执行进度 | 分值 | 得分): 10 and
    # 9.74 had been left out, a false T101 and T104 once its total was read
    assert "F101" not in {f.code for f in review(_doc("sn04")).findings}
    total = parse_file(_doc("ri05")).tables[0].funds.annual_total
    assert (total.weight, total.score) == (10.0, 9.74)
    assert not {"T101", "T104", "W101"} & {f.code for f in review(_doc("ri05")).findings}


def test_round91_a_scans_rows_read_again_as_a_stream_with_their_rests_joined() -> None:
    # sm01, sm05 (OCR in runs of spaces, cells a space apart): read by position every row
    # was misread (said so); read as a stream, the cells' rests joined, every row is right
    for stem in ("sm01", "sm05"):
        report = parse_file(_doc(stem))
        assert report.format == "text/flat" and all(t.reliable for t in report.tables), stem


def test_round91_a_rest_under_its_cell_or_at_the_margin_is_joined_to_it() -> None:
    lines = [
        "效益指标    社会效益指标    农村公路交通事      ≤12起  9起      10     10",
        "                            故起数",
        "  效益指标   可持续影响指标      养护长效机制  长期    长期   10    10",
        "  资助家庭经济困难  ≥1800人次  1862人次  8",
        "幼儿人次",
        "   质量指标  幼儿园教师持证上岗率 ≥95%      96.8%  8",
    ]
    out = _row_rests_joined(lines, is_any_label)
    assert "农村公路交通事故起数" in out[0] and out[1] == ""
    assert "资助家庭经济困难幼儿人次" in out[3] and out[4] == ""
    assert out[2] == lines[2] and out[5] == lines[5]


def test_round91_a_line_over_a_row_opens_its_name_and_a_sentence_goes_on() -> None:
    lines = [
        "社会效益指标 受益农户数    ≥6800户   7015户  5 5",
        "          农田灌溉水有效",
        "  生态效益指标  利用系数      ≥0.6    0.61  5     5   受降雨偏少影响；",
        "已加强灌溉调度",
    ]
    out = _row_rests_joined(lines, is_any_label)
    assert "农田灌溉水有效利用系数" in out[2] and out[1] == ""
    assert out[2].endswith("受降雨偏少影响；已加强灌溉调度") and out[3] == ""
    assert out[0] == lines[0]


def test_round91_a_seal_or_a_rest_as_near_the_row_below_is_left() -> None:
    lines = [
        "主管部门  商水县农业农村局  实施单位  商水县农田建设服务中心",
        "  生态效益指标  利用系数      ≥0.6    0.61  5     5",
        "                商水县农业农村局",  # the unit's seal: printed in the head too
        "  可持续影响指标  管护机制      健全    健全   10    10",
        "  数量指标  新建渠道  ≥45公里  46公里  10  10",
        "            长度",  # as near 新建渠道's start as the next row's name: left
        "  数量指标  道路长度  ≥38公里  39公里  10  10",
    ]
    out = _row_rests_joined(lines, is_any_label)
    assert out == lines


def test_round91_a_scans_page_head_is_furniture_a_title_marked_scanned_is_not() -> None:
    lines = [
        "某县农业农村局2022年度项目支出绩效自评表  扫描",
        "项目名称  某项目",
        "                              — 1 —",
        "商水县财政局绩效管理股  扫描件  2023-04-18        第1页/共2页",
        "沂南县市场监督管理局  扫描全能王  2025.03",
    ]
    found = page_furniture(lines)
    assert 3 in found and 4 in found and 0 not in found


def test_round91_a_name_opening_with_a_particle_is_said_cut() -> None:
    # oq03 read as a stream: definitions' rests (的资助资金占应发资金的比例) read as names
    assert _cut_name("的资助资金占应发资金的比例")
    assert not _cut_name("资助资金按学期发放及时率")
    assert not _cut_name("及时率")
