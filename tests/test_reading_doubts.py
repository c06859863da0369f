"""What round 28 showed a reading must doubt, or read, rather than review wrongly: a row lost
whose points are among the cells left unplaced, names no row has, a fund row's points or rate
that are amounts; and what a provincial form's columns mean (指标方向, 元 under 万元)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.forms.families import get_family
from reviewer.model import EvaluationTable
from reviewer.parse.plausibility import position_doubts

HEADER = [
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
]
ROWS = [
    ["", "产出指标", "数量指标", "培训场次", "≥10场", "12场", "40", "40"],
    ["", "", "质量指标", "培训合格率", "≥95%", "98%", "10", "10"],
    ["", "效益指标", "社会效益指标", "业务能力提升", "提升", "提升", "30", "30"],
    ["", "满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "95%", "10", "10"],
]
FUNDS = [
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "100.00", "100.00", "95.00", "10", "95.00%", "9.5"],
    ["", "其中：当年财政拨款", "100.00", "100.00", "95.00"],
]


def _table(tmp_path: Path, rows: list[list[str]], name: str = "t.txt") -> EvaluationTable:
    path = tmp_path / name
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    return t


def _form(rows: list[list[str]], total: str = "99.5", funds: list[list[str]] = FUNDS) -> list:
    return [
        ["项目支出绩效自评表"],
        ["项目名称", "业务培训"],
        *funds,
        HEADER,
        *rows,
        ["总分", "", "", "", "", "", "100", total],
    ]


def test_the_clean_form_is_not_doubted(tmp_path: Path) -> None:
    assert _table(tmp_path, _form(ROWS)).doubts == []


def test_points_missing_from_the_sum_and_unplaced_in_the_section_are_a_row_lost(
    tmp_path: Path,
) -> None:
    # gz06: a row's cells a line each, its name read into the row above, its 97.8% | 5 | 5 in
    # no row: the total is 5 above the scores read, and a 5 is among the cells unplaced
    rows = [*ROWS[:2], ["", "", "", "特种设备定期检验率"], ["97.8%"], ["5"], ["5"], *ROWS[2:]]
    t = _table(tmp_path, _form(rows, total="104.5"))
    assert any("所差5分正是" in d.reason for d in t.doubts)
    # the same gap with no figure of it unplaced is the department's arithmetic, not a doubt
    t = _table(tmp_path, _form(ROWS, total="104.5"), "b.txt")
    assert t.doubts == []


def test_points_missing_as_the_weights_lack_of_100_are_a_row_lost_only_read_by_position(
    tmp_path: Path,
) -> None:
    # sx02: a scan read by position, a row of 15 points (its lS) run into the rows around:
    # the weights read 85 of 100, the total 15 above the scores read
    rows = [*ROWS[:2], ["", "效益指标", "社会效益指标", "业务能力提升", "提升", "提升", "15", "15"]]
    t = _table(tmp_path, _form([*rows, ROWS[3]], total="99.5"))
    family = get_family(t.family)
    assert family is not None
    (doubt,) = position_doubts(t, family)
    assert "所差15分正是读到的分值合计距满分100分所缺" in doubt.reason
    # a text whose cells the text itself parts: the same gap is the department's (weights of
    # 85 and the template's total), reported by the rules, not doubted
    assert t.doubts == []
    # 14 above the scores: no row of full points lost
    t = _table(tmp_path, _form([*rows, ROWS[3]], total="98.5"), "b.txt")
    assert position_doubts(t, family) == []


def test_a_figure_alone_on_a_line_is_no_piece_of_a_name(tmp_path: Path) -> None:
    rows = [*ROWS[:1], ["97.8%"], *ROWS[1:]]
    t = _table(tmp_path, _form(rows))
    assert t.indicators[0].name == "培训场次"


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("%", "没有文字"),
        ("——", "没有文字"),
        ("管护机制≥90%重要河湖水质达标率", "中间夹着带运算符的指标值"),
        ("补助资金发放时间—2—", "中夹着页码"),  # hg06: a page's number read into a name
        # kf04: the next row's category and name read into this one
        ("高血压患者规范管理率满意度指标签约居民满意度", "中间夹着指标类别"),
    ],
)
def test_names_no_row_has_are_a_misreading(tmp_path: Path, name: str, why: str) -> None:
    rows = [list(r) for r in ROWS]
    rows[1][3] = name
    t = _table(tmp_path, _form(rows))
    assert any(why in d.reason for d in t.doubts)


@pytest.mark.parametrize(
    "name",
    [
        "≥60岁老人健康管理率",  # a comparison opening a name
        "优良天数比例(≥80%)达标",  # a condition in brackets
        "……",  # the template's row left in
        "—2—",  # a page's number read among the rows
        "服务对象满意度指标",  # a category's label as the name, at its start
        "农村生活污水治理率提升指标值",  # no category's label between words
    ],
)
def test_names_that_are_no_misreading(tmp_path: Path, name: str) -> None:
    rows = [list(r) for r in ROWS]
    rows[1][3] = name
    assert _table(tmp_path, _form(rows)).doubts == []


def test_names_cut_at_their_brackets(tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[1][3] = "（按季度抽检）"  # one name that is only a bracketed note
    assert any("残缺不全" in d.reason for d in _table(tmp_path, _form(rows)).doubts)
    rows[1][3] = "水质检测合格率（按季度"  # one bracket left open: a typo, maybe
    assert _table(tmp_path, _form(rows), "b.txt").doubts == []
    rows[0][3] = "通报为准）培训场次"  # and a second: names cut at their lines
    assert any("残缺不全" in d.reason for d in _table(tmp_path, _form(rows), "c.txt").doubts)


@pytest.mark.parametrize(
    ("cells", "why"),
    [
        (["", "年度资金总额", "100.00", "100.00", "95.00", "10", "95.00%", "1352400"], "得分读作"),
        (["", "年度资金总额", "", "", "", "10", "1286000", "9.5"], "执行率读作"),
    ],
)
def test_a_fund_rows_points_or_rate_that_are_amounts(
    tmp_path: Path, cells: list[str], why: str
) -> None:
    t = _table(tmp_path, _form(ROWS, funds=[FUNDS[0], cells]))
    assert any(why in d.reason for d in t.doubts)


def test_an_amount_in_the_other_unit_than_the_blocks_is_read_in_the_blocks(
    tmp_path: Path,
) -> None:
    # gz06: 453,000元 under 资金（万元）is 45.3 万元
    funds = [*FUNDS, ["", "上年结转资金", "0", "453,000元", "453,000元"]]
    t = _table(tmp_path, _form(ROWS, funds=funds))
    assert t.funds.prior_year_carryover.full_year_budget == pytest.approx(45.3)
    yuan = [["项目资金（元）", *FUNDS[0][1:]], *FUNDS[1:], ["", "其他资金", "0", "1.2万元", "0"]]
    t = _table(tmp_path, _form(ROWS, funds=yuan), "b.txt")
    assert t.funds.other.full_year_budget == 12000.0


@pytest.mark.parametrize(
    ("direction", "target"),
    [("正向", "≥126个"), ("反向", "≤126个"), ("正向", "健全")],
)
def test_a_direction_column_gives_the_targets_comparison(
    tmp_path: Path, direction: str, target: str
) -> None:
    header = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标方向", "年度指标值"]
    header += ["实际完成值", "标准分", "评分标准", "得分", "未完成原因"]
    value = "健全" if target == "健全" else "126个"
    row = ["", "产出指标", "数量指标", "水站运维覆盖数", direction, value, value, "90"]
    row += ["完成目标值得满分，未完成按完成比例计分", "90", ""]
    rows = [["项目支出绩效自评表"], ["项目名称", "水站运维"], header, row]
    (i,) = _table(tmp_path, rows).indicators
    assert i.target == target
    assert "完成目标值" not in i.explanation  # the 评分标准 is the row's rule, no explanation


def test_a_form_without_a_first_level_column(tmp_path: Path) -> None:
    # ha02: 二级指标 | 三级指标 | …, no 一级 column: 成本指标 is a 二级 label there
    header = ["绩效指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "标准分", "得分"]
    rows = [
        ["项目支出绩效自评表"],
        ["项目名称", "城区环卫保洁"],
        header,
        ["", "数量指标", "清扫保洁面积", "≥320万平方米", "320万平方米", "40", "40"],
        ["", "成本指标", "单位保洁成本", "≤4.2元/平方米", "3.96元/平方米", "10", "10"],
        ["", "社会效益指标", "群众有效投诉率", "≤2%", "1.5%", "30", "30"],
        ["", "服务对象满意度指标", "市民满意度", "≥90%", "91.5%", "10", "10"],
    ]
    t = _table(tmp_path, rows)
    assert [(i.l1, i.l2) for i in t.indicators] == [
        ("产出指标", "数量指标"),
        ("产出指标", "成本指标"),
        ("效益指标", "社会效益指标"),
        ("满意度指标", "服务对象满意度指标"),
    ]


def test_a_pipe_row_whose_lines_each_close_with_a_pipe(tmp_path: Path) -> None:
    # ha02: a web page's header row, its cells' line breaks printed as lines closing with |
    text = "\n".join(
        [
            "| 2023年度项目支出绩效自评表 |",
            "| 项目名称 | 城区环卫保洁服务项目 |",
            "| 项目资金 |",
            "（万元） | 年初 |",
            "预算数 | 调整后 |",
            "预算数 | 实际 |",
            "支出数 | 支出进度 | 标准分 | 得分 |",
            "| 年度资金总额 | 1280.00 | 1280.00 | 1266.35 | 98.93% | 10 | 9.89 |",
            "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
            "| | 产出指标 | 数量指标 | 清扫保洁面积 | ≥320万平方米 | 320万平方米 | 90 | 90 |",
        ]
    )
    path = tmp_path / "p.txt"
    path.write_text(text + "\n", encoding="utf-8")
    (t,) = parse_file(path).tables
    row = t.funds.annual_total
    assert (row.initial_budget, row.full_year_budget, row.executed) == (1280, 1280, 1266.35)
    assert (row.rate_pct, row.weight, row.score) == (98.93, 10, 9.89)
    assert t.labels["funds.initial_budget"] == "年初预算数"


def test_a_funds_header_over_amounts_no_row_was_read_from_is_a_misreading(
    tmp_path: Path,
) -> None:
    # iv03 (pdftotext, the Hebei form): each amount joined to its label in one cell, under
    # the header's columns; the block's header read, its 年度资金总额 not: said, not reviewed
    # as a table without funds (a false P103) whose total lacks the funds' score (a false T101)
    from reviewer.parse.table import FUNDS_UNREAD
    from reviewer.pipeline import review

    funds = [
        [
            "项目资金（万元）",
            "",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
        ["预算数100.00", "", "到位数100.00", "执行数95.00", "95.00"],
    ]
    rows = _form(ROWS, funds=funds)
    t = _table(tmp_path, rows)
    assert [d.reason for d in t.doubts] == [FUNDS_UNREAD]
    assert t.doubts[0].evidence[0].text == "预算数100.00"
    codes = {f.code for f in review(tmp_path / "t.txt").findings}
    assert "P108" in codes and not codes & {"P103", "T101"}
    # a block whose rows were read is not doubted
    assert _table(tmp_path, _form(ROWS)).doubts == []


def test_names_holding_their_rows_comparisons_or_a_sentence_are_a_misreading(
    tmp_path: Path,
) -> None:
    # ix05 (a PDF without rules): the target's columns read into the names of several rows
    rows = [
        ["", "产出指标", "数量指标", "放映场次>=3672场3672场", "完成", "100.00", "40", "40"],
        ["", "", "质量指标", "设备完好率>=95%(百分比)", "完成", "100.00", "10", "10"],
        *ROWS[2:],
    ]
    compared, unit = _table(tmp_path, _form(rows)).doubts
    assert "运算符和指标值" in compared.reason
    assert "计量单位" in unit.reason  # (百分比): the unit's cell read in too
    # one row may print its condition so: no doubt
    one = [["", "产出指标", "数量指标", "受害率≤0.9‰以内", "≤0.9‰", "0.5‰", "40", "40"], *ROWS[1:]]
    assert _table(tmp_path, _form(one)).doubts == []
    # ix06: the actual's words, a sentence, in the name's column, the name under the target
    swapped = [
        *ROWS[:2],
        [
            "",
            "效益指标",
            "社会效益指标",
            "基本规范,个别乡镇存在延迟发放",
            "发放规范性",
            "规范",
            "30",
            "30",
        ],
        ROWS[3],
    ]
    (doubt,) = _table(tmp_path, _form(swapped)).doubts
    assert "带逗号的句子" in doubt.reason


def test_a_value_run_into_its_rows_points_is_a_misreading(tmp_path: Path) -> None:
    # jd02 (OCR laid out with spaces): 100%10, the actual and its 分值 in one cell, the row's
    # 分值 then missing from its column
    rows = [*ROWS[:1], ["", "", "质量指标", "培训合格率", "≥95%", "98%10", "", "10"], *ROWS[2:]]
    (doubt,) = _table(tmp_path, _form(rows)).doubts
    assert "几个百分数连在一起" in doubt.reason


def test_the_amount_unit_under_the_rows_is_no_part_of_the_last_name(tmp_path: Path) -> None:
    # iz04: 单位:万元 on a line of its own under the indicator rows
    rows = [*_form(ROWS)[:-1], ["单位:万元"]]
    t = _table(tmp_path, rows)
    assert t.indicators[-1].name == "参训人员满意度" and t.amount_unit == "万元"


@pytest.mark.parametrize(
    ("explanation", "doubted"),
    [
        ("10 9.51036l00人", True),  # kv03: a row's figures read into the row below's cell
        ("29.8530", True),
        ("部分人员请假，下一步分批补训", False),
        ("2所", False),  # one figure
    ],
)
def test_an_explanation_of_figures_only_is_a_misreading(
    tmp_path: Path, explanation: str, doubted: bool
) -> None:
    rows = [list(r) for r in ROWS]
    rows[1] = [*rows[1][:7], "9", explanation]
    header = [*HEADER, "偏差原因分析及改进措施"]
    form = [r if r[:2] != HEADER[:2] else header for r in _form(rows, total="98.5")]
    t = _table(tmp_path, form)
    assert any("偏差原因栏只有数字" in d.reason for d in t.doubts) is doubted


@pytest.mark.parametrize(("total", "doubted"), [("99.78", True), ("", False)])
def test_rows_without_figures_beside_a_total_that_prints_one(
    tmp_path: Path, total: str, doubted: bool
) -> None:
    # kz01: a laid-out scan whose rows' figures stood where the reading did not look; a
    # template left unfilled (总分 | 100 |) is a self-evaluation not done (P107), not a misreading
    rows = [[*r[:5], "", r[6], ""] for r in ROWS]
    form = _form(rows, total=total)
    t = _table(tmp_path, form)
    assert any("实际完成值和得分都没有读到" in d.reason for d in t.doubts) is doubted


def test_a_category_label_without_its_beginning_is_a_misreading(tmp_path: Path) -> None:
    # mn04 (OCR, narrow columns): 可持 / 续影响指标 wrapped, the first piece read into a row's
    # name: a label no form prints (续影响指标) says the rows around it were pieced wrongly
    rows = [
        *ROWS[:2],
        ["", "效益指标", "续影响指标", "可持业务能力提升", "提升", "提升", "30", "30"],
    ]
    (doubt,) = _table(tmp_path, _form([*rows, ROWS[3]])).doubts
    assert "类别名称不完整" in doubt.reason and "续影响指标" in doubt.reason


def test_a_label_wrapped_in_its_tab_cell_is_joined_with_the_line_after(tmp_path: Path) -> None:
    # fy06: 服务对象满意 / 度指标 — the tab row breaks in the label's cell and the next line goes
    # on with the label's end, then the row's name and figures
    rows = [
        *ROWS[:3],
        ["", "满意度指标", "服务对象满意"],
        ["度指标", "参训人员满意度", "≥90%", "95%", "10", "10"],
    ]
    t = _table(tmp_path, _form(rows))
    assert t.doubts == []
    last = t.indicators[-1]
    assert (last.l2, last.name, last.actual, last.score) == (
        "服务对象满意度指标",
        "参训人员满意度",
        "95%",
        10,
    )
