"""Tables copied from a phone's browser, a WeChat article or an e-mail body (round 28, gz):
cells one ideographic space apart, a row's figures a line each, cells on lines of their own in
places, zero-width characters; and the second reading a short text gets when its layout reads
no table right."""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.grid import Grid
from reviewer.ingest import read_grid
from reviewer.ingest.layouts import Layout, detect_layout
from reviewer.parse import parse_grid
from reviewer.pipeline import review

S = "\u3000"  # an ideographic space


def _write(tmp_path: Path, lines: list[str], name: str = "copy.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# A national form as a phone copies it: one ideographic space between cells, two where a cell
# between them is empty, full-width digits; the fund row's figures a line each under its label.
PHONE = [
    "项目支出绩效自评表",
    f"项目名称{S}{S}农作物病虫害统防统治项目",
    f"主管部门{S}{S}某县农业农村局{S}{S}{S}实施单位{S}{S}某县植保站",
    f"项目资金（万元）{S}{S}年初预算数{S}全年预算数{S}全年执行数{S}分值{S}执行率{S}得分",
    "年度资金总额",
    "１２０．００",
    "１３５．５０",
    "１２８．３６",
    "１０",
    "９４．７４％",
    "９．４７",
    f"其中：当年财政拨款{S}{S}１２０．００{S}{S}１３５．５０{S}{S}１２８．３６",
    f"一级指标{S}二级指标{S}三级指标{S}{S}年度指标值{S}实际完成值{S}分值{S}得分{S}偏差原因分析及改进措施",
    f"产出指标{S}数量指标{S}统防统治作业面积{S}{S}≥１５万亩{S}{S}１６．２万亩{S}{S}４０{S}{S}４０",
    f"质量指标{S}病虫害危害损失率{S}{S}≤５％{S}{S}３．８％{S}{S}１０{S}{S}１０",
    f"效益指标{S}经济效益指标{S}挽回粮食损失{S}{S}≥１万吨{S}{S}１．２万吨{S}{S}３０{S}{S}３０",
    f"满意度指标{S}服务对象满意度指标{S}种植户满意度{S}{S}≥９０％{S}{S}９６％{S}{S}１０{S}{S}１０",
    f"总分{S}{S}{S}{S}１００{S}{S}９９．４７",
]


def test_single_ideographic_spaces_part_the_cells_of_a_phones_copy() -> None:
    assert detect_layout([line for line in PHONE if S in line]) is Layout.SPACES


def test_a_phones_copy_is_read_row_by_row(tmp_path: Path) -> None:
    (t,) = parse_file(_write(tmp_path, PHONE)).tables
    assert [(i.l2, i.name, i.target, i.actual, i.weight, i.score) for i in t.indicators] == [
        ("数量指标", "统防统治作业面积", "≥１５万亩", "１６．２万亩", 40.0, 40.0),
        ("质量指标", "病虫害危害损失率", "≤５％", "３．８％", 10.0, 10.0),
        ("经济效益指标", "挽回粮食损失", "≥１万吨", "１．２万吨", 30.0, 30.0),
        ("服务对象满意度指标", "种植户满意度", "≥９０％", "９６％", 10.0, 10.0),
    ]
    assert not t.doubts


def test_a_rows_figures_a_line_each_under_its_label_are_that_row(tmp_path: Path) -> None:
    (t,) = parse_file(_write(tmp_path, PHONE)).tables
    row = t.funds.annual_total
    assert (row.initial_budget, row.full_year_budget, row.executed) == (120.0, 135.5, 128.36)
    assert (row.weight, row.rate_pct, row.score) == (10.0, 94.74, 9.47)
    assert row.cells["executed"].line == 8  # each figure where it is printed
    codes = {f.code for f in review(_write(tmp_path, PHONE, "r.txt")).findings}
    assert not codes & {"F101", "F103", "T101"}  # the block read whole: nothing to say


def test_two_figures_under_a_label_are_not_taken_for_its_row(tmp_path: Path) -> None:
    lines = [*PHONE[:4], "年度资金总额", "１２０．００", "１３５．５０", *PHONE[11:]]
    row = parse_file(_write(tmp_path, lines)).tables[0].funds.annual_total
    assert (row.full_year_budget, row.executed) == (None, None)


# The indicator section one cell per line (a WeChat article's), the rest one line per row.
CELL_PER_LINE = [
    "项目支出绩效自评表",
    "项目名称：农村公益电影放映补助",
    "主管部门：某县文化广电体育和旅游局",
    "项目资金（元）",
    "年初预算数 全年预算数 全年执行数 分值 执行率 得分",
    "年度资金总额 288,000.00 288,000.00 286,560.00 10 99.50% 9.95",
    "绩效指标",
    *["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    "偏差原因分析及改进措施",
    *["产出指标", "数量指标", "放映场次", "≥1440场", "1452场", "50", "50"],
    *["质量指标", "放映设备完好率", "≥95%", "98%", "20", "20"],
    *["效益指标", "社会效益指标", "观影群众人次", "≥10万人次", "10.8万人次", "10", "10"],
    *["满意度指标", "服务对象满意度指标", "观影群众满意度", "≥90%", "95%", "10", "10"],
    "总分",
    "100",
    "99.95",
]


def test_a_short_text_its_lines_cannot_read_is_read_again_as_a_stream_of_cells(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, CELL_PER_LINE)
    first = read_grid(path)
    first.second = None
    assert all(t.doubts for t in parse_grid(first).tables)  # line by line: said misread
    report = parse_file(path)
    assert report.format == "text/flat"
    (t,) = report.tables
    assert not t.doubts
    assert [(i.name, i.target, i.actual, i.score) for i in t.indicators] == [
        ("放映场次", "≥1440场", "1452场", 50.0),
        ("放映设备完好率", "≥95%", "98%", 20.0),
        ("观影群众人次", "≥10万人次", "10.8万人次", 10.0),
        ("观影群众满意度", "≥90%", "95%", 10.0),
    ]


def test_the_second_reading_is_the_same_streamed(tmp_path: Path) -> None:
    # the command line streams a file; the batch parses it whole: one reading for both
    from reviewer.api import stream_file

    path = _write(tmp_path, CELL_PER_LINE)
    _, stream = stream_file(path)
    leftovers = stream.leftovers  # held before reading, as the streamed review holds them
    streamed = list(stream)
    assert [len(t.indicators) for t in streamed] == [4]
    assert [t.doubts for t in streamed] == [[]]
    whole = parse_file(path)
    assert leftovers == whole.leftovers  # the kept reading's, not the first's
    assert stream.accounting == whole.accounting


def test_a_reading_doubted_with_every_cell_placed_is_not_read_again(tmp_path: Path) -> None:
    # an export with a 项目名称 column is read and doubted on purpose: no layout failed
    header = [
        "项目名称",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
    ]
    row = ["", "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "90", "90"]
    path = _write(tmp_path, ["\t".join(header), "\t".join(row)])
    report = parse_file(path)
    assert report.format == "text"
    assert any("项目名称" in d.reason for d in report.tables[0].doubts)


def test_a_second_reading_that_reads_fewer_rows_is_not_taken(tmp_path: Path) -> None:
    grid = read_grid(_write(tmp_path, CELL_PER_LINE))
    (fmt, _), *_ = grid.second
    grid.second = [(fmt, lambda: [])]  # a second reading with nothing in it
    report = parse_grid(grid)
    assert report.format == "text"
    assert all(t.doubts for t in report.tables)


def test_zero_width_characters_are_read_as_nothing(tmp_path: Path) -> None:
    zw = "\u200b"
    lines = [line.replace("≥１５万亩", f"≥{zw}１５万亩") for line in PHONE]
    lines.insert(2, zw)  # a line of nothing but one, as a web page's empty cell
    (t,) = parse_file(_write(tmp_path, lines)).tables
    assert t.indicators[0].target == "≥１５万亩"
    report = parse_file(_write(tmp_path, lines, "b.txt"))
    assert all(lo.text.strip() for lo in report.leftovers)  # no empty leftover reported


def test_a_grid_without_a_second_reading_is_read_once() -> None:
    from reviewer.grid import Cell, Row

    rows = [Row([Cell("项目名称", 1, 1), Cell("甲", 1, 2)], 1)]
    report = parse_grid(Grid(rows=rows, source="x"))
    assert report.format == "text"


# One cell a line, an empty cell a blank line (a viewer's copy): read so, the funds' amounts
# stand under no column; read as one run of cells, the whole table is read.
BLANK_CELLS = [
    "附表1 2024年度部门整体支出绩效自评表",
    "（2024年度）",
    "部门（单位）名称",
    "某县水利局",
    "年度预算执行情况（万元）",
    "",
    *["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    *["年度资金总额", "", "500.00", "520.00", "510.00", "10", "98.08%", "9.81"],
    *["其中：财政拨款", "", "500.00", "500.00", "492.00", "—", "—", "—"],
    *["上年结转资金", "", "0.00", "20.00", "18.00", "—", "—", "—"],
    *["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    "偏差原因分析及改进措施",
    *["产出指标", "数量指标", "维修养护工程数", "≥120处", "126处", "40", "40", ""],
    *["效益指标", "社会效益指标", "群众饮水安全保障", "有效保障", "有效保障", "30", "30", ""],
    *["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "94%", "20", "20", ""],
    *["总分", "100", "99.81"],
]


def test_a_table_doubted_for_its_funds_alone_is_read_again(tmp_path: Path) -> None:
    report = parse_file(_write(tmp_path, BLANK_CELLS))
    assert report.format == "text/flat"
    (t,) = report.tables
    assert t.doubts == []
    assert [(i.name, i.score) for i in t.indicators] == [
        ("维修养护工程数", 40.0),
        ("群众饮水安全保障", 30.0),
        ("受益群众满意度", 20.0),
    ]
    assert t.funds is not None and t.funds.annual_total is not None
    total = t.funds.annual_total
    assert (total.initial_budget, total.full_year_budget, total.executed) == (500.0, 520.0, 510.0)


def test_a_second_reading_whose_funds_total_is_not_whole_is_not_taken(tmp_path: Path) -> None:
    # a second reading of the same rows whose total has no spending: not read better
    tabs = [
        "部门（单位）名称\t某县水利局",
        "年度预算执行情况（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额\t500.00\t520.00\t\t10\t98.08%\t9.81",
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
        "产出指标\t数量指标\t维修养护工程数\t≥120处\t126处\t40\t40",
        "效益指标\t社会效益指标\t群众饮水安全保障\t有效保障\t有效保障\t30\t30",
        "满意度指标\t服务对象满意度指标\t受益群众满意度\t≥90%\t94%\t20\t20",
        "总分\t100\t99.81",
    ]
    other = read_grid(_write(tmp_path, tabs, "tabs.txt"))
    grid = read_grid(_write(tmp_path, BLANK_CELLS))
    (fmt, _), *_ = grid.second
    grid.second = [(fmt, lambda: other.rows)]
    report = parse_grid(grid)
    assert report.format == "text/lines"
    (t,) = report.tables
    assert t.doubts
