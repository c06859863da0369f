"""What round 138 of the written tables (zq, zr, zs, zt) showed, and the earlier documents its
mends read again, asserted on the written documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def _codes(stem: str) -> set[str]:
    return {f.code for f in review(_doc(stem)).findings}


def _tasks(stem: str) -> list[tuple[str, float | None, float | None]]:
    (table,) = parse_file(_doc(stem)).tables
    return [(k.name, k.budget, k.executed) for k in table.tasks]


def test_a_department_forms_main_tasks_are_read() -> None:
    # zs01 (pipes, the block's label merged down its first column), zs02 (tabs), zs05 (.docx):
    # 年度主要任务 | 任务名称 | 主要内容 | 预算数 | 执行数 had been left unparsed, 23 cells a table
    assert _tasks("zs01")[0] == ("高标准农田建设", 1260.0, 1248.36)
    assert len(_tasks("zs01")) == 4
    assert _tasks("zs02")[0] == ("基本公共卫生服务项目", 1856.4, 1912.75)
    assert _tasks("zs05")[-1] == ("福彩公益金项目", 210.0, 210.0)
    report = parse_file(_doc("zs01"))
    assert not any("任务" in leftover.text for leftover in report.leftovers)


def test_a_tasks_content_wrapped_onto_its_own_line_goes_on_with_it() -> None:
    # dm05 (tabs, after a 注：… line under the funds): 按月发放低保金和 / 特困供养金; the note had
    # swallowed the block's header
    (table,) = parse_file(_doc("dm05")).tables
    assert table.tasks[0].content.endswith("按月发放低保金和特困供养金")
    assert table.tasks[0].budget == 22480000.0


def test_a_task_spending_past_its_budget_is_said() -> None:
    # zs02, and ae01, ae06, yb03, yu01, yu06 of earlier rounds: each labelled by its writer
    for stem, name in (
        ("zs02", "基本公共卫生服务项目"),
        ("ae01", "动物疫病防控"),
        ("yu01", "高标准农田建设"),
    ):
        hits = [f for f in review(_doc(stem)).findings if f.code == "F105"]
        assert [name in f.message for f in hits] == [True], stem


def test_the_tasks_total_not_their_sum_is_an_error() -> None:
    # cm01: the tasks' 实际支出 add up to 2,099.43, the 合计 row prints 2,067.88
    (hit,) = [f for f in review(_doc("cm01")).findings if f.code == "F106"]
    assert "2,067.88" in hit.message and "2,099.43" in hit.message


def test_a_tasks_table_that_is_the_forms_funds_block_stays_the_funds() -> None:
    # lt04: 任务名称 | … | 全年预算数 | 全年执行数 | 执行率 and 金额合计, the form's only funds:
    # read as its funds block, as before (no false P103 that the funds are missing)
    assert "P103" not in _codes("lt04")


def test_a_keys_row_running_into_the_tasks_header_keeps_its_key() -> None:
    # ae05 (a wrapped web copy): 部门（单位）名称 | 沂南县市场监督管理局年度主要任务 | 任务名称 | …
    # is the head's row, not the tasks' header (a false P103 that the department is missing)
    assert "P103" not in _codes("ae05")


def test_a_word_the_target_says_too_is_no_partial_result() -> None:
    # zr05: 完成初步成果 against 已完成初步成果并通过专家论证 at full marks: said partly reached
    # (false S106 and E101 errors), 初步 read as a partial result's word
    codes = _codes("zr05")
    assert not {"S106", "E101"} & codes


def test_a_bodys_key_marked_for_its_seal_is_a_sign_off() -> None:
    # zr03: 地方主管部门（盖章）：秦安县水务局 under the last row had been read into its name
    (table,) = parse_file(_doc("zr03")).tables
    assert table.indicators[-1].name == "受益群众满意度"


def test_a_whole_name_as_wide_as_its_column_stops_before_its_definition() -> None:
    # zt06 (OCR a cell a line of a Hebei form): 出版物选配符合推荐目录比例 / 选配出版物属于国家和省推荐
    # / 目录的比例: the definition had been read into the name
    names = [i.name for i in parse_file(_doc("zt06")).tables[0].indicators]
    assert "出版物选配符合推荐目录比例" in names


def test_a_tall_rows_name_before_its_category_label_is_read_with_it() -> None:
    # xy01, zm02 (viewer's copies): the explanation above ends on a short line, then the name's
    # first line, the row's category label, the name's rest and the figures
    names = [i.name for i in parse_file(_doc("xy01")).tables[0].indicators]
    assert "项目区耕地质量等级平均提升等次" in names
    names = [i.name for i in parse_file(_doc("zm02")).tables[0].indicators]
    assert "签约服务费季度拨付及时率" in names
    # an explanation ended by a full stop may be followed by the name's rest above (vj01's
    # …提高规范 / 管理率。 / 管理率): no label moved there
    names = [i.name for i in parse_file(_doc("vj01")).tables[0].indicators]
    assert "高血压患者规范管理率" in names
