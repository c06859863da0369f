"""Property tests: the parser never raises on arbitrary text, and accounts for every line."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.grid import Cell, Grid
from reviewer.ingest.text import split_rows
from reviewer.parse import parse_grid

# Cells drawn from the form's own vocabulary as well as arbitrary text, so that the generated
# documents reach deep into the parser rather than failing at the first keyword.
VOCAB = [
    "财政项目支出绩效自评表",
    "(2023 年度)",
    "项目名称",
    "主管部门",
    "实施单位",
    "项目资金 (元)",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
    "年度资金总额",
    "其中：当年财政拨款",
    "上年结转资金",
    "其他资金",
    "预期目标",
    "实际完成情况",
    "年度总体目标",
    "绩效指标",
    "绩",
    "效 指 标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "偏差原因分析及改进措施",
    "产出指标",
    "效益指标",
    "满意度指标",
    "成本指标",
    "数量指标",
    "质量指标",
    "时效指标",
    "社会效益指标",
    "服务对象满意度指标",
    "总分",
    "=16家",
    ">=90%",
    "3-10月",
    "未进行",
    "提升",
    "促进(11人)",
    "10",
    "9.98",
    "100",
    "—",
    "99.85%",
    "4,024,422.6",
    "",
    "",
    "",
]
cell = st.one_of(st.sampled_from(VOCAB), st.text(max_size=12))
line = st.lists(cell, max_size=10).map("\t".join)
document = st.lists(line, max_size=60).map("\n".join)


def _check(text: str) -> None:
    grid = Grid(rows=split_rows(text), source="x.txt")
    report = parse_grid(grid)
    acc = report.accounting
    nonempty = sum(1 for row in grid.rows if row.cells)
    assert acc.nonempty_lines == nonempty
    assert acc.consumed_lines + acc.reported_lines == acc.nonempty_lines
    reported = {left.location.line for left in report.leftovers}
    assert len(reported) == acc.reported_lines


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_form_like_documents_never_raise_and_account_for_every_line(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_text_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=340), st.integers(min_value=1, max_value=40))
def test_seed_with_lines_cut_out_never_raises(start: int, length: int) -> None:
    from tests.conftest import SEED

    lines = SEED.read_text(encoding="utf-8").split("\n")
    _check("\n".join(lines[:start] + lines[start + length :]))


def test_a_piece_of_a_cell_is_quoted_at_the_cell_s_place() -> None:
    # a figure in a funds sentence, a goal's text after its label: quoted as the piece, at the
    # cell's line and column, or, for a workbook's cell, its sheet and cell
    plain = Cell("项目资金：年初预算86万元", 12, 1)
    piece = plain.piece("86万元")
    assert (piece.ref().text, piece.ref().line, piece.ref().column) == ("86万元", 12, 1)
    sheet = Cell("预期目标：全年培训300人", 5, 2, where={"sheet": "自评表", "cell": "B5"})
    ref = sheet.piece("全年培训300人").ref()
    assert (ref.text, ref.sheet, ref.cell) == ("全年培训300人", "自评表", "B5")
