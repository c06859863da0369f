"""The parts of the row rebuilder: layout detection, funds placement by the form's arithmetic,
the goal texts' split, the indicator rows' dynamic programme, and that no cell is ever lost."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reviewer.forms.families import NATIONAL, TWENTY_EIGHTY
from reviewer.ingest.layouts import Layout, detect_layout
from reviewer.ingest.reading import visible
from reviewer.ingest.rebuild import Unreadable, rebuild_rows
from reviewer.ingest.rebuild.cells import look
from reviewer.ingest.rebuild.funds import place
from reviewer.ingest.rebuild.goals import split_goals
from reviewer.ingest.rebuild.header import build_header
from reviewer.ingest.rebuild.indicators import rebuild
from reviewer.ingest.rebuild.tokenise import Token, pipe_tokens
from tests.test_parse_properties import VOCAB


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        ("项目名称 |\n示范项目 |\n|\n主管部门 |\n某局 |\n||||\n", Layout.BARS),
        ("项目名称\n\n示范项目\n\n主管部门\n\n某局\n\n" * 3, Layout.PARAGRAPHS),
        ("项目名称 | 示范项目 | ||||\n主管部门 | 某局 | 实施单位 | 某中心 | ||\n", Layout.WRAPPED),
        ("| 项目名称 |\n示范项目 |\n| 主管部门 | 某局 |\n", Layout.WRAPPED),
        (
            "项目名称 示范项目\n主管部门 某局 实施单位 某中心\n一级指标 二级指标 三级指标\n",
            Layout.WORDS,
        ),
        ("附件: " + " ".join(["项目名称", "示范项目", "主管部门", "某局"] * 8) + "\n", Layout.FLAT),
        (
            "项目名称示范项目主管部门某局年度资金总额202010100.00%10一级指标二级指标三级指标"
            "年度指标值实际完成值\n",
            Layout.GLUED,
        ),
        # what was detected before stays as it was
        ("| 项目名称 | 甲 |\n|---|---|\n| 主管部门 | 乙 |\n", Layout.PIPES),
        ("项目名称 ｜ 甲\n主管部门 ｜ 乙\n", Layout.PIPES),
        ("这是一段说明文字 不是表格\n第二行\n", Layout.TABS),
    ],
)
def test_detect_layout(text: str, layout: Layout) -> None:
    assert detect_layout(text.splitlines()) is layout


NATIONAL_FUNDS = ["initial_budget", "full_year_budget", "executed", "weight", "rate_pct", "score"]


@pytest.mark.parametrize(
    ("values", "roles", "columns"),
    [
        # 97.80% = 31.69 / 32.4: the empty column is 年初预算数
        (["32.4", "31.69", "10", "97.80%", "9"], NATIONAL_FUNDS, [1, 2, 3, 4, 5]),
        # a percentage is the rate; the empty column is 分值
        (["7.29", "7.29", "7.29", "100%"], NATIONAL_FUNDS, [0, 1, 2, 4]),
        # dashes mark the points a sub-row does not carry
        (["/", "/"], NATIONAL_FUNDS, [3, 5]),
        # nothing to tell them apart: the leftmost columns
        (["90", "89.974", "89.974"], NATIONAL_FUNDS, [0, 1, 2]),
        # 20/80: 预算数(A), 执行数(B), 执行率, 得分 with 执行数 blank
        (["864.2", "100%", "20"], ["full_year_budget", "executed", "rate_pct", "score"], [0, 2, 3]),
    ],
)
def test_funds_values_placed_by_the_forms_arithmetic(
    values: list[str], roles: list[str], columns: list[int]
) -> None:
    assert place(values, roles) == columns


def test_funds_row_follows_the_row_above() -> None:
    roles = NATIONAL_FUNDS
    assert place(["100", "100"], roles) == [0, 1]
    assert place(["100", "100"], roles, above=frozenset({1, 2, 3, 4, 5})) == [1, 2]


def _tok(text: str, line: int = 1, *, spaced: bool = True, group: int = 0) -> Token:
    return Token(text, text, line, spaced=spaced, group=group)


def test_goal_pieces_split_where_the_second_text_begins() -> None:
    pieces = [
        _tok("本项目共申请资金100万元,其中村委会"),
        _tok("工资2万元。"),
        _tok(".."),
        _tok("本项目共完成资金90万元,其中村委会"),
        _tok("工资2万元。"),
    ]
    expected, actual = split_goals(pieces)
    assert expected.raw == "本项目共申请资金100万元,其中村委会 工资2万元。 .."
    assert actual.raw == "本项目共完成资金90万元,其中村委会 工资2万元。"


def _header(labels: list[str], family: object = NATIONAL) -> object:
    return build_header([_tok("绩效指标")], [_tok(t) for t in labels], [], [], family)  # type: ignore[arg-type]


def _rows(texts: list[str], header: object, **kw: bool) -> list[list[tuple[str, int]]]:
    toks = [_tok(t, group=k) for k, t in enumerate(texts)]
    rows = rebuild(toks, header, grouped=kw.get("grouped", False), strict=False)  # type: ignore[arg-type]
    return [[(p.token.text, p.column) for p in r] for r in rows]


def test_indicator_rows_cut_by_their_cells() -> None:
    header = _header(
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    )
    cells = [
        *("产出指标", "数量指标", "培训场次", "≥10场", "12场", "20", "20"),
        *("合规性", "合规", "达成预期指标", "20", "20"),  # no 二级 printed: merged above
        *("经济效益指标",),  # an empty heading: a row of its own
        *("效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", "30", "30"),
    ]
    assert _rows(cells, header) == [
        [
            ("产出指标", 2),
            ("数量指标", 3),
            ("培训场次", 4),
            ("≥10场", 5),
            ("12场", 6),
            ("20", 7),
            ("20", 8),
        ],
        [("合规性", 4), ("合规", 5), ("达成预期指标", 6), ("20", 7), ("20", 8)],
        [("经济效益指标", 3)],
        [
            ("效益指标", 2),
            ("社会效益指标", 3),
            ("群众知晓率", 4),
            ("≥90%", 5),
            ("95%", 6),
            ("30", 7),
            ("30", 8),
        ],
    ]


def test_explanation_or_next_name_decided_by_the_whole_row() -> None:
    header = _header(
        ["三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    )
    cells = [
        "到位率",
        "100%",
        "80%",
        "10",
        "8",
        "资金下达较晚",
        "及时率",
        "100%",
        "100%",
        "10",
        "10",
    ]
    assert _rows(cells, header) == [
        [("到位率", 2), ("100%", 3), ("80%", 4), ("10", 5), ("8", 6), ("资金下达较晚", 7)],
        [("及时率", 2), ("100%", 3), ("100%", 4), ("10", 5), ("10", 6)],
    ]


def test_twenty_eighty_rows_without_weight_column() -> None:
    header = _header(
        ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        TWENTY_EIGHTY,
    )
    cells = [
        "产出指标",
        "数量指标",
        "办结案件",
        "168起",
        "168起",
        "10",
        "日效性指标",
        "办结时间",
        "2天以内",
        "2天以内",
        "10",
    ]
    assert _rows(cells, header) == [
        [("产出指标", 2), ("数量指标", 3), ("办结案件", 4), ("168起", 5), ("168起", 6), ("10", 7)],
        [("日效性指标", 3), ("办结时间", 4), ("2天以内", 5), ("2天以内", 6), ("10", 7)],
    ]


def _render(cells: list[str], layout: str) -> list[str]:
    if layout == "bars":
        return [f"{c} |" for c in cells]
    if layout == "paragraphs":
        return [line for c in cells for line in (c, "")]
    if layout == "pipes":
        return [" | ".join(cells[k : k + 4]) + " |" for k in range(0, len(cells), 4)]
    if layout == "words":
        return [" ".join(cells[k : k + 5]) for k in range(0, len(cells), 5)]
    return [" ".join(cells)]


def _chars(texts: list[str]) -> Counter[str]:
    # what prints nothing (a soft hyphen, a zero-width space) is no cell's content: reading
    # removes it by design (reviewer.ingest.reading.visible)
    return Counter(ch for t in texts for ch in visible(t) if not ch.isspace())


_cell = st.one_of(
    st.sampled_from([v for v in VOCAB if "|" not in v]),
    st.sampled_from(
        ["产出指标(50分)", "(20分)", "(万元)", "≥90%", "12场", "—", "/", "年度", "总体", "目标"]
    ),
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Zs"), blacklist_characters="|｜"
        ),
        min_size=1,
        max_size=8,
    ),
)


_TITLE = "财政项目支出绩效自评表"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_cell, max_size=60), st.sampled_from(["bars", "paragraphs", "pipes", "words", "flat"])
)
# found by this test: rows read without a header starting mid-line (产出指标 after a title), the
# line's cells before them and a cell the reading put in a row before them had been dropped;
# and a label with a dash after it (分值 / —) taken for a label printed a character a line at the
# goal's end, dropped
@example(cells=["预期目标", "(2023 年度)", "分值", "—"], layout="bars")
@example(
    cells=[
        *("产出指标(50分)", _TITLE, "(2023 年度)", "产出指标", _TITLE, "(2023 年度)"),
        *([_TITLE] * 4 + ["(2023 年度)"] + [_TITLE] * 4 + ["(2023 年度)"] + [_TITLE] * 3),
    ],
    layout="words",
)
# …and a name's rest before a figure as the rows' very first cell (no slot before it): raised
@example(cells=["绩效指标", "年度资金总额", "分值", ":0000", "其他资金", "=16家"], layout="bars")
def test_no_cell_is_lost_or_made_up(cells: list[str], layout: str) -> None:
    lines = _render(cells, layout)
    try:
        rows = rebuild_rows(lines, layout)
    except Unreadable:
        assert layout == "flat"  # a scrambled dump is refused, not read
        return
    printed = [c.printed if c.printed is not None else c.text for r in rows for c in r.cells]
    got, want = _chars(printed), _chars(cells)
    if layout == "pipes":  # a Markdown table's escape (\# for #, \| for |) is no content
        got.pop("\\", None)
        want.pop("\\", None)
    assert got == want
    for r in rows:
        assert [c.column for c in r.cells] == sorted({c.column for c in r.cells})


SPACED_ROWS = [
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
    "产出指标 数量指标 与委托运营方结 算完成率 =100% 100% 50 50",
    "效益指标 社会效益 指标 群众满意 程度 提升 提升 30 28 个别 活动 延期",
    "总分 100 98",
]


@pytest.mark.parametrize("layout", ["words", "flat"])
def test_cells_cut_at_their_own_spaces_are_joined(layout: str) -> None:
    lines = SPACED_ROWS if layout == "words" else [" ".join(SPACED_ROWS)]
    rows = [[(c.text, c.column) for c in r.cells] for r in rebuild_rows(lines, layout)]
    assert rows[1:] == [
        [
            ("产出指标", 2),
            ("数量指标", 3),
            ("与委托运营方结算完成率", 4),  # a name wrapped in the source
            ("=100%", 5),
            ("100%", 6),
            ("50", 7),
            ("50", 8),
        ],
        [
            ("效益指标", 2),
            ("社会效益指标", 3),  # a label with a space in it
            ("群众满意程度", 4),
            ("提升", 5),
            ("提升", 6),
            ("30", 7),
            ("28", 8),
            ("个别活动延期", 9),
        ],
        [("总分", 1), ("100", 7), ("98", 8)],
    ]


def test_a_paragraphs_lines_are_one_cell() -> None:
    lines = ["项目名称", "", "农村公路", "建设项目", "", "主管部门", "", "某镇人民政府", ""]
    rows = [[(c.text, c.ref().line) for c in r.cells] for r in rebuild_rows(lines, "paragraphs")]
    assert rows == [
        [("项目名称", 1), ("农村公路建设项目", 3)],
        [("主管部门", 6), ("某镇人民政府", 8)],
    ]


def test_a_pipe_cell_wrapped_onto_the_next_line_is_one_cell() -> None:
    lines = [
        "| 评价结论 | 根据财政局资金下达的管理办法,",
        "将资金支付给项目施工方。 |",
        "| 存在问题 | 无 |",
        "备注:",  # a line outside the table is a line of its own
        "1.其他资金包括社会投入资金。",
    ]
    rows = [[c.text for c in r.cells] for r in rebuild_rows(lines, "pipes")]
    assert rows == [
        ["评价结论", "根据财政局资金下达的管理办法,将资金支付给项目施工方。"],
        ["存在问题", "无"],
        ["备注:"],
        ["1.其他资金包括社会投入资金。"],
    ]


@pytest.mark.parametrize(
    ("cells", "layout"),
    [
        # found by test_no_cell_is_lost_or_made_up: a second header row repeating a label
        (["一级指标", "分值", "一级指标"], "bars"),
        # … and cells after the labels on a header line, where lines are rows
        (["财政项目支出绩效自评表", "分值", "分值", "一级指标"], "words"),
    ],
)
def test_header_oddities_lose_no_cell(cells: list[str], layout: str) -> None:
    rows = rebuild_rows(_render(cells, layout), layout)
    assert _chars([c.text for r in rows for c in r.cells]) == _chars(cells)


def test_a_header_cell_opened_by_a_lone_pipe_and_wrapped_is_one_cell() -> None:
    # | / 一级 / 指标 | / 二级 / 指标 | … : each label printed over two lines of its own
    lines = [
        "|",
        "一级",
        "指标 |",
        "二级",
        "指标 |",
        "三级指标 | 分值 | 偏差原因分",
        "析及改进",
        "措施 |",
    ]
    assert [t.text for t in pipe_tokens(lines).tokens] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "分值",
        "偏差原因分析及改进措施",
    ]


def test_lines_without_pipes_after_a_table_stay_apart() -> None:
    lines = ["| 存在问题 | 无 |", "备注:", "1.其他资金包括社会投入资金。"]
    assert [t.text for t in pipe_tokens(lines).tokens] == [
        "存在问题",
        "无",
        "备注:",
        "1.其他资金包括社会投入资金。",
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("个", True),
        ("人次", True),
        ("万元/公里", True),
        ("%(百分比)", True),
        ("公里", True),
        ("分钟", True),
        ("个百分点", True),
        ("部分提高", False),  # starts with a measure word's character (部), is no unit
        ("提升", False),
        ("及时", False),
    ],
)
def test_a_unit_is_the_whole_cell(text: str, unit: bool) -> None:
    assert look(text).unit is unit


def test_a_fund_row_printed_with_its_qizhong_is_a_fund_row() -> None:
    # 其中：财政拨款, a row the forms list as 财政拨款: it starts a row, not ends the one above
    from reviewer.ingest.rebuild.anchors import Kind, kinds

    assert Kind.FUND_ROW in kinds("其中：财政拨款")
    assert Kind.FUND_ROW in kinds("其中:财政拨款")
    assert Kind.FUND_ROW not in kinds("其中")  # the word alone names no row
