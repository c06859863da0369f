"""Tables as a PDF viewer copies them: a cell a line, long cells wrapped at their column's
width, the page's furniture between rows.

Each test writes the copy a viewer gives of a small national form and checks the rows read
from it: dates wrapped inside their number or before 前, category labels the copy printed
after the rows they span, a page numbered of its count (1/2) before the form's title again,
a running head that is the issuer's name or wraps over two lines.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.ingest.rebuild.furniture import page_furniture
from reviewer.ingest.rebuild.wrapped import unwrapped
from reviewer.pipeline import review

_HEAD = [
    "项目支出绩效自评表",
    "项目名称",
    "乡村图书室补充更新",
    "主管部门",
    "某县文化广电和旅游局",
    "实施单位",
    "某县图书馆",
    "项目资金（万元）",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
    "年度资金总额",
    "64.00",
    "64.00",
    "62.85",
    "10",
    "98.20%",
    "9.82",
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
]


def _rows(path: Path) -> list[tuple[str | None, str | None, str, str | None, str | None]]:
    (table,) = parse_file(path).tables
    return [(i.l1, i.l2, i.name, i.target, i.actual) for i in table.indicators]


def test_a_date_wrapped_inside_its_number_or_before_its_last_word_is_one_cell() -> None:
    # mo06: 2025年10月底 / 前 and 2025年10月2 / 0日 at a column of 9 characters
    lines = [
        "补充更新图书室数量",
        "配送完成时间",
        "2025年10月底",
        "前",
        "2025年10月2",
        "0日",
        "书屋管理员培训覆盖",
        "率",
    ]
    out, maybe = unwrapped(["一级指标", "二级指标", "三级指标", *lines], lambda s: False)
    assert "2025年10月底前" in out
    assert "2025年10月20日" in out
    assert not maybe & {out.index("2025年10月底前"), out.index("2025年10月20日")}


def test_labels_printed_after_the_rows_they_span_go_before_them(tmp_path: Path) -> None:
    # mo06: a viewer that copies each merged category cell once its rows are done
    body = [
        *("补充更新图书室数量", "15", "≥158个", "158个", "15"),
        *("补充出版物册数", "10", "≥9480册", "9520册", "10"),
        "数量指标",
        *("出版物验收合格率", "10", "=100%", "100%", "10"),
        "质量指标",
        "产出指标",
        *("图书室年借阅人次", "15", "≥3.2万人次", "3.4万人次", "15"),
        "社会效益指标",
        "效益指标",
        *("群众满意度", "10", "≥90%", "93%", "10"),
        "服务对象满意度指标",
        "满意度指标",
        *("总分", "60", "60"),
    ]
    head = [*_HEAD[:-8], "一级指标", "二级指标", "三级指标", "分值", "年度指标值"]
    head += ["实际完成值", "得分", "偏差原因分析及改进措施"]
    path = tmp_path / "copy.txt"
    path.write_text("\n".join([*head, *body]) + "\n", encoding="utf-8")
    assert _rows(path) == [
        ("产出指标", "数量指标", "补充更新图书室数量", "≥158个", "158个"),
        ("产出指标", "数量指标", "补充出版物册数", "≥9480册", "9520册"),
        ("产出指标", "质量指标", "出版物验收合格率", "=100%", "100%"),
        ("效益指标", "社会效益指标", "图书室年借阅人次", "≥3.2万人次", "3.4万人次"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%"),
    ]


def test_labels_before_their_rows_are_left_where_they_are(tmp_path: Path) -> None:
    body = [
        *("产出指标", "数量指标", "补充出版物册数", "≥9480册", "9520册", "10", "10"),
        *("质量指标", "出版物验收合格率", "=100%", "100%", "10", "10"),
        *("总分", "20", "20"),
    ]
    path = tmp_path / "copy.txt"
    path.write_text("\n".join([*_HEAD, *body]) + "\n", encoding="utf-8")
    assert _rows(path) == [
        ("产出指标", "数量指标", "补充出版物册数", "≥9480册", "9520册"),
        ("产出指标", "质量指标", "出版物验收合格率", "=100%", "100%"),
    ]


def test_a_page_numbered_of_its_count_and_the_title_again_continue_the_table(
    tmp_path: Path,
) -> None:
    # mo04: 1/2, then the form's title at the next page's top, then the indicator header
    head = _HEAD[:21]
    rest = [
        *_HEAD[21:],
        *("产出指标", "数量指标", "补充出版物册数", "≥9480册", "9520册", "10", "10"),
        *("总分", "10", "10"),
        "2/2",
    ]
    path = tmp_path / "copy.txt"
    path.write_text("\n".join([*head, "1/2", "项目支出绩效自评表", *rest]) + "\n", encoding="utf-8")
    report = parse_file(path)
    (table,) = report.tables
    assert table.project == "乡村图书室补充更新"
    assert [i.name for i in table.indicators] == ["补充出版物册数"]
    assert not report.leftovers


def test_an_issuers_name_after_a_pages_number_is_its_running_head() -> None:
    # mo02: - 1 - then 怀来县卫生健康局, the body 409001-怀来县卫生健康局 named at the top
    lines = [
        "主管部门",
        "409001-某县卫生健康局",
        "补助资金拨付及时率",
        "- 1 -",
        "某县卫生健康局",
        "效果指标",
    ]
    assert page_furniture(lines) == {3: "- 1 -", 4: "某县卫生健康局"}


def test_a_body_named_after_a_pages_number_but_never_before_is_a_cell() -> None:
    lines = ["主管部门", "某县民政局", "补助资金拨付及时率", "- 1 -", "乡镇卫生院", "≥95%"]
    assert page_furniture(lines) == {3: "- 1 -"}


def test_a_running_head_wrapped_over_two_lines_is_furniture() -> None:
    # mo01: 第1页, then 2021年度转移支付区域 / 绩效目标自评表 at a column of 12
    lines = [
        "亩均财政投入",
        "≤1500元",
        "第1页",
        "2021年度转移支付区域",
        "绩效目标自评表",
        "效益指标",
    ]
    assert page_furniture(lines) == {2: "第1页", 3: "2021年度转移支付区域", 4: "绩效目标自评表"}


def test_of_lengths_as_common_the_longer_is_the_wrap_width() -> None:
    # mo04: as many amounts of 8 characters (2,356.80) as lines wrapped at 14
    amounts = ["2,356.80", "2,618.45", "2,590.12", "2,511.82"]
    text = ["受疫情影响部分线下培训班停办", "；下一步拓展线上培训渠道，扩", "大补贴性培训覆盖面。"]
    filler = ["全年城镇新增就业不少于650", "0人，开展职业技能培训120"]
    out, _ = unwrapped([*amounts, *filler, "一级指标", *text], lambda s: False)
    assert "受疫情影响部分线下培训班停办；下一步拓展线上培训渠道，扩大补贴性培训覆盖面。" in out


def test_a_wrap_width_less_common_than_short_cells_of_one_length() -> None:
    # nf02: more cells of 8 characters (1,186.00, 服务对象满意度指 …) than lines wrapped at
    # 13, as many lines longer than 8 (shorter than 13) as those
    short = [
        "1,186.00",
        "2,356.80",
        "2,618.45",
        "2,590.12",
        "2,511.82",
        "服务对象满意度指",
        "部门公用经费控制",
    ]
    short += ["一般登记业务办结时限", "耕地保护动态巡查覆盖", "违法用地案件查处率高"]
    text = ["2个补充耕地项目验收推迟至", "次年，下一步加快项目验收进", "度，强化跟踪调度"]
    filler = [
        "做好不动产登记、耕地保护、",
        "违法用地查处和地质灾害防治",
        "等工作，全年完成不动产登记",
    ]
    out, _ = unwrapped([*short, *filler, "1186亩", *text], lambda s: False)
    assert "2个补充耕地项目验收推迟至次年，下一步加快项目验收进度，强化跟踪调度" in out


def test_a_rest_that_closes_the_bracket_the_line_opened_is_joined() -> None:
    # nf03: 7015户(其中脱贫户1236 / 户) among the indicator rows
    lines = ["受益农户数", "≥6800户", "7015户(其中脱贫户1236", "户)", "可持续影响指标"]
    # lines wrapped at 15 characters, as the one the bracket opens on
    filler = [
        "项目区亩均粮食产能提升112斤",
        "新建高标准农田2.6万亩，高效",
        "节水灌溉面积0.42万亩，受益",
    ]
    out, _ = unwrapped([*filler, "一级指标", "二级指标", "三级指标", *lines], lambda s: False)
    assert "7015户(其中脱贫户1236户)" in out


def test_work_under_way_against_a_state_to_reach_is_a_missed_row(tmp_path: Path) -> None:
    # mo01: 建立健全 against 正在建立, the 未完成原因分析 empty: the row needs its explanation
    rows = [
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |",
        "| 产出指标 | 数量指标 | 建设面积 | ≥2.5万亩 | 2.5万亩 | 50 | 50 | |",
        "| 效益指标 | 可持续影响指标 | 工程建后管护机制 | 建立健全 | 正在建立 | 50 | 50 | |",
        "| 总分 | | | | | 100 | 100 | |",
    ]
    path = tmp_path / "table.txt"
    path.write_text("项目名称 | 高标准农田建设\n" + "\n".join(rows) + "\n", encoding="utf-8")
    codes = {(f.code, f.indicator) for f in review(path).findings}
    assert ("E101", "工程建后管护机制") in codes
    assert ("E101", "建设面积") not in codes


def test_the_day_after_a_month_that_filled_the_line_ends_its_date() -> None:
    # mt06 at 8 characters: 2020年12月 / 31日前 and 2020年12月 / 25日
    lines = [
        "一级指标",
        "培训补贴资金拨付",
        "完成时间",
        "2020年12月",
        "31日前",
        "2020年12月",
        "25日",
    ]
    out, _ = unwrapped([*lines, "成本指标", "人均培训补贴标准", "≤1500元"], lambda s: False)
    assert "2020年12月31日前" in out and "2020年12月25日" in out


def test_a_line_beginning_a_label_is_no_rest_of_the_line_above() -> None:
    # mt06: (2020年度) fills the 8 characters, then 转移支付(项目) / 名称 — a key's two lines
    lines = [
        "转移支付区域绩效目标自评表",
        "(2020年度)",
        "转移支付(项目)",
        "名称",
        "职业技能提升行动",
    ]
    labels = {"转移支付(项目)名称"}
    out, _ = unwrapped([*lines, "人力资源社会保障", "秦安县人力资源和"], lambda s: s in labels)
    assert "(2020年度)" in out and "转移支付(项目)名称" in out


def test_a_copy_read_only_with_a_doubt_is_read_and_said_misread() -> None:
    # mt03: a Hebei form whose 预算执行率 line prints only its weight and score; no reading
    # reads it without a doubt: the one that finds the table is kept, the memo says misread
    (doc,) = (WRITTEN / "mt" / "texts").glob("mt03_*")
    result = review(doc)
    (table,) = result.report.tables
    assert [i.name for i in table.indicators][:2] == [
        "免费开放乡镇综合文化站数量",
        "开展群众文化活动场次",
    ]
    assert "P108" in {f.code for f in result.findings}


WRITTEN = Path(__file__).parent.parent / "eval" / "datasets" / "written"


def test_a_continued_title_run_into_the_header_below_it_continues_the_table(
    tmp_path: Path,
) -> None:
    # nb04: a cell a line, rows apart by blank lines; the next page's 续 title and the
    # indicator header printed again as one row: the table goes on, no second one
    head = _HEAD[:14]
    first_page = [
        *_HEAD[21:],
        "",
        *("产出指标", "数量指标", "补充出版物册数", "≥9480册", "9520册", "10", "10"),
    ]
    second_page = [
        "— 2 —",
        "项目支出绩效自评表（乡村图书室补充更新）（续）",
        *_HEAD[21:],
        "",
        *("效益指标", "社会效益指标", "图书室年借阅人次", "≥3.2万人次", "3.4万人次", "10", "10"),
        "",
        *("总分", "20", "20"),
    ]
    path = tmp_path / "copy.txt"
    text = "\n\n".join(head) + "\n\n" + "\n".join(first_page) + "\n\n" + "\n".join(second_page)
    path.write_text(text + "\n", encoding="utf-8")
    (table,) = parse_file(path).tables
    assert [i.name for i in table.indicators] == ["补充出版物册数", "图书室年借阅人次"]


def test_the_next_tables_title_after_a_pages_number_is_no_running_head() -> None:
    # nb04: — 7 — then 附表4 2024年度项目支出绩效自评表（山洪灾害防治项目）, its keys below: a
    # table opens there, whatever its title names or is preceded by on its line
    lines = [
        "群众满意度", "≥90%", "95%", "— 7 —", "附表4 2024年度项目支出绩效自评表（山洪灾害防治项目）",
        "（2024年度）", "项目名称", "山洪灾害防治项目",
    ]  # fmt: skip
    assert page_furniture(lines) == {3: "— 7 —"}
