"""OCR text laid out with runs of spaces (an OCR service's plain-text export): a row whose cells
it ran together with one space each, a category's row at the top of a page with its name
wrapped onto the next line, and the funds block's unit on a line of its own under its header."""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file

SPACED = """\
                  项目支出绩效自评表
项目名称      农村供水保障工程
项目资金    年初预算数    全年预算数    全年执行数    分值    执行率    得分
（万元）
年度资金总额    860.00    860.00    812.40    10    94.47%    9.45
绩效指标       一级指标       二级指标       三级指标       年度指标值       实际完成值       分值       得分
产出指标    数量指标    新建供水工程    ≥12处    12处    20    20
新建供水管网 ≥40公里 42.5公里 20 20
质量指标  水质达标率  ≥95%  96.8%  20  20
                              第 1 页 共 2 页
效益指标       社会效益指标       农村自来水
                      普及率    ≥92%    93.1%    20    20
满意度指标      服务对象满意度指标      群众满意度      ≥90%      95%      10      10
总分    100    99.45
"""


def _table(tmp_path: Path, text: str = SPACED):  # type: ignore[no-untyped-def]
    path = tmp_path / "ocr.txt"
    path.write_text(text, encoding="utf-8")
    (t,) = parse_file(path).tables
    return t


def test_a_row_run_together_with_single_spaces_is_cut_into_its_cells(tmp_path: Path) -> None:
    rows = {i.name: i for i in _table(tmp_path).indicators}
    pipes = rows["新建供水管网"]
    assert (pipes.l2, pipes.target, pipes.actual, pipes.weight, pipes.score) == (
        "数量指标",
        "≥40公里",
        "42.5公里",
        20.0,
        20.0,
    )
    assert rows["新建供水工程"].target == "≥12处"  # the row above keeps its own name


def test_a_sentence_with_single_spaces_is_not_cut(tmp_path: Path) -> None:
    # words that do not end with two figures: a name with a space in it, not a row's cells
    text = SPACED.replace(
        "新建供水管网 ≥40公里 42.5公里 20 20", "新建供水 管网    ≥40公里    42.5公里    20    20"
    )
    rows = {i.name: i for i in _table(tmp_path, text).indicators}
    assert rows["新建供水管网"].actual == "42.5公里"


def test_a_category_at_the_top_of_a_page_opens_its_row(tmp_path: Path) -> None:
    t = _table(tmp_path)
    names = [i.name for i in t.indicators]
    # the name wrapped under the page's first line is that row's, not the page's last row's
    assert names == ["新建供水工程", "新建供水管网", "水质达标率", "农村自来水普及率", "群众满意度"]
    assert t.indicators[3].l1 == "效益指标"


def test_the_funds_unit_on_a_line_under_the_header_is_the_blocks(tmp_path: Path) -> None:
    t = _table(tmp_path)
    assert t.amount_unit == "万元"
    assert t.funds.annual_total.executed == 812.40


def test_a_label_one_space_from_the_name_or_the_amount_after_it(tmp_path: Path) -> None:
    # ms03: 可持续影响 资助政策持续实施年限; fq02: 其中：当年财政拨款 60, one space each
    text = (
        SPACED.replace("年度资金总额    860.00    860.00    812.40    10    94.47%    9.45\n",
                       "年度资金总额    860.00    860.00    812.40    10    94.47%    9.45\n"
                       "其中：当年财政拨款 860.00    860.00    812.40\n")
        .replace("质量指标  水质达标率  ≥95%  96.8%  20  20\n",
                 "质量指标  水质达标率  ≥95%  96.8%  10  10\n"
                 "可持续影响 工程设计使用年限  ≥15年  15年  10  10\n")
    )  # fmt: skip
    t = _table(tmp_path, text)
    row = next(i for i in t.indicators if i.name == "工程设计使用年限")
    assert (row.l2, row.target, row.score) == ("可持续影响", "≥15年", 10)
    appropriation = t.funds.current_year_appropriation
    assert (appropriation.initial_budget, appropriation.executed) == (860, 812.40)
