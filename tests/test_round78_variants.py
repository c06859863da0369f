"""What round 78 of the written tables (ql–qo) showed, asserted on the written documents whose
layout is the point (pdftotext's layout, OCR a cell per line, web pages) and on the smallest
texts where one line shows it.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.grid import Grid
from reviewer.ingest.fixed import _wrapped_pieces, fixed_rows
from reviewer.ingest.rebuild.furniture import page_furniture
from reviewer.parse import parse_grid
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_round78_a_layout_programs_text_at_the_margin_is_read_by_position() -> None:
    # ql06: pdftotext -layout of a table whose header is over two rows (年初目标值 / (A) over
    # 指标值 | 度量单位) and whose lines mostly start at the margin: read a line at a time,
    # every row lost and the table said misread; by position, whole
    assert _wrapped_pieces("分）                        率")
    assert _wrapped_pieces("                  (A)               )")
    assert not _wrapped_pieces("                    10")  # a score pushed to its own line
    assert not _wrapped_pieces("             - 1 -")  # a page's number
    assert not _wrapped_pieces("危桥改造数量          ≥6          座        4座           6.67")
    (t,) = parse_file(_doc("ql06")).tables
    assert [(i.name, i.target, i.actual) for i in t.indicators][:2] == [
        ("列养农村公路里程", "≥1,850公里", "1,850公里"),
        ("危桥改造数量", "≥6座", "4座"),
    ]
    assert len(t.indicators) == 7 and t.reliable


def test_round78_an_issuers_name_alone_heads_a_page() -> None:
    # ql04: 都安瑶族自治县教育局 alone after a page's number, the issuer a field of the head
    # printed among others (地方主管部门  都安瑶族自治县教育局  资金使用单位 …): had run into the
    # last row's name (补助资金按时拨付率都安瑶族自治县教育局)
    lines = [
        "地方主管部门            都安瑶族自治县教育局          资金使用单位    各学校",
        "一级指标    二级指标      三级指标                指标值          实际完成值",
        "产出指标    数量指标      受益学生人数            ≥3.9万人        3.86万人",
        "",
        "                                                  - 1 -",
        "都安瑶族自治县教育局",
        "",
        "            成本指标      膳食补助标准            5元/生·天       5元/生·天",
    ]
    assert page_furniture(lines, headers=False) == {4: "- 1 -", 5: "都安瑶族自治县教育局"}


def test_round78_a_row_of_words_whose_target_is_empty() -> None:
    # ql04: 可持续影响指 | 营养改善计划长效保障机 | 长期, its target cell empty, then 标 / 制
    # under it: had been taken into the next row (…长效保障机学生及家长满意度)
    (t,) = parse_file(_doc("ql04")).tables
    row = next(i for i in t.indicators if i.name.startswith("营养改善计划"))
    assert (row.name, row.target, row.actual) == ("营养改善计划长效保障机制", "", "长期")
    assert t.indicators[0].explanation.startswith("学期中部分学生随父母外出转学")
    assert t.indicators[0].name == "受益学生人数"


def test_round78_a_funds_rows_label_starting_a_name_wrapped_a_cell_per_line() -> None:
    # qm03: 公用经费补助公办 / 幼儿园数 (公用经费 a 部门整体 form's funds row): the name's first
    # line had been read as the row above's explanation
    (t,) = parse_file(_doc("qm03")).tables
    assert "公用经费补助公办幼儿园数" in [i.name for i in t.indicators]
    # qm05: A级旅游景区安全检查 / 覆盖率, a name with a Latin letter
    (t,) = parse_file(_doc("qm05")).tables
    assert "A级旅游景区安全检查覆盖率" in [i.name for i in t.indicators]


def test_round78_a_scans_slip_in_a_funds_columns_label() -> None:
    # qm02: 全年执行敫 (敫 for 数): the executed column unread, a false T101 error (总分99.9,
    # 各项之和90)
    doc = _doc("qm02")
    (t,) = parse_file(doc).tables
    assert t.funds.annual_total.executed == 309.61
    assert "T101" not in {f.code for f in review(doc).findings}


def test_round78_a_web_pages_footer_after_a_table_without_a_total() -> None:
    # qo03: a transfer form (no 总分 row) then the site's footer outside the table
    # (鲁ICP备…号, 网站地图 | 联系我们 | 隐私声明): read into the last row and as a row
    (t,) = parse_file(_doc("qo03")).tables
    assert t.indicators[-1].name == "居民基本公共卫生服务满意度"
    assert len(t.indicators) == 9


def test_round78_local_funds_by_their_longer_name() -> None:
    # qn05: 地方财政资金 under 其中:中央财政资金 was not a funds row: a false F101 error
    doc = _doc("qn05")
    (t,) = parse_file(doc).tables
    assert "F101" not in {f.code for f in review(doc).findings}
    assert sum(r.full_year_budget or 0 for r in t.funds.extra.values()) == 12680.0


def test_round78_a_row_worth_more_than_the_form_even_cut_off() -> None:
    # pm04 read by position: the last row's 10 and its score 1O on the next line run together
    # (1010), the row taken as cut off and so not judged: the table is doubted (and so the
    # reading a line at a time, said misread, is kept: no silent misreading)
    lines = _doc("pm04").read_text(encoding="utf-8").splitlines()
    report = parse_grid(Grid(rows=fixed_rows(lines), source=""))
    (t,) = report.tables
    assert any(i.weight == 1010 for i in t.indicators)
    assert any("超过满分" in d.reason for d in t.doubts)


def test_round78_a_round_figure_that_is_the_plan_not_the_result() -> None:
    # qo02: 全年建成高标准农田1万亩 against ≥10000亩 | 8600亩: 8600 rounds to 1万 at the figure's
    # precision, but the figure is the target's own and the actual 14 % short of it
    doc = _doc("qo02")
    hits = [f for f in review(doc).findings if f.code == "N102" and f.table_index == 0]
    assert len(hits) == 1
    assert "计划数" in hits[0].message and "8600亩" in hits[0].message
