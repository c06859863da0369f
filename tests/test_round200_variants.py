"""What round 200 of the written tables (chf, chg, chh, chi) and the rounds left from 199 showed: a
grid ruled between every two rows whose cells wrap inside their boxes, a table's closing line
restating its project and score, a pasted table cut inside its last cell, a district's
appropriation split into 本级 and 上级转移支付, the municipalities' head fields, and a ceiling's row
said to be under its target when it is above it.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.ingest import read_grid
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc, _unread


def test_round200_a_ruled_grids_band_is_one_row_however_many_lines_it_wraps_over() -> None:
    # chb06: | 可持续影 | 基层文化阵地利 | 持续发挥作 | … / | 响指标 | 用 | 用 | …, and 满意度指 / 标 /
    # 服务对象 / 满意度指 / 标 over three lines: one row each, nothing doubted
    t = parse_file(_doc("chb06")).tables[0]
    names = [i.name for i in t.indicators]
    assert "基层文化阵地利用" in names and "用" not in names
    row = t.indicators[names.index("基层文化阵地利用")]
    assert (row.l2, row.target, row.actual) == ("可持续影响指标", "持续发挥作用", "持续发挥作用")
    last = t.indicators[-1]
    assert (last.l1, last.l2, last.name) == ("满意度指标", "服务对象满意度指标", "观看群众满意度")
    assert "P108" not in _codes("chb06")
    # chb04: its 满意度 row's wrapped labels no longer make the weights look off the split
    assert "W102" not in _codes("chb04")
    assert "S101" in _codes("chb04")  # its labelled score above its weight, still said


def test_round200_a_grid_ruled_only_around_its_header_keeps_its_rows_apart(tmp_path: Path) -> None:
    # a database's print: +---+ above and below the header and at the end, its rows one line each
    # with no rule between: no band of them is one row
    lines = ["+------+------+", "| 名称 | 金额 |", "+------+------+"]
    lines += [f"| 项目{k} | {k}0.00 |" for k in range(1, 7)]
    lines += ["+------+------+"]
    path = tmp_path / "db.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = [[c.text for c in r.cells] for r in read_grid(path).rows]
    assert ["项目3", "30.00"] in rows and len(rows) == 7


def test_round200_a_wrapped_band_with_two_figures_in_a_column_is_two_rows(tmp_path: Path) -> None:
    # a ruled grid whose funds rows a typist left unruled between them: 150.00 under 120.00 is the
    # next row's amount, not the rest of a wrapped cell
    rule = "+----------+--------+"
    body = [rule, "| 项目名称 | 测试   |", rule, "| 年度资金 | 120.00 |", "| 其他资金 | 150.00 |"]
    body += [rule, "| 一级指标 | 分值   |", rule, "| 产出指标 | 50     |", rule]
    path = tmp_path / "g.txt"
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    rows = [[c.text for c in r.cells] for r in read_grid(path).rows]
    assert ["年度资金", "120.00"] in rows and ["其他资金", "150.00"] in rows


def test_round200_a_tables_closing_line_restating_its_score_opens_no_table() -> None:
    # cha04: 项目名称：小型水库安全运行管护 | 自评得分：99.18 | 等级：优 after each table's 总分: the
    # table's close, not a third table (it was one, said cut off)
    tables = parse_file(_doc("cha04")).tables
    assert len(tables) == 2
    assert [t.total_score for t in tables] == [99.76, 99.18]


def test_round200_a_pasted_table_cut_inside_its_last_cell_is_said_cut() -> None:
    # cgw03: the page stops at | 满意度指标 | … | 已达到年度目标，下一步将继续加强书屋日常管, every
    # row above closing with its pipe: cut off, not a table that forgot its 总分 (P102)
    t = parse_file(_doc("cgw03")).tables[0]
    assert t.complete is False
    assert "P102" not in _codes("cgw03")


def test_round200_a_pipe_table_whose_rows_never_close_is_not_cut(tmp_path: Path) -> None:
    # rows printed without a closing pipe throughout: the last one is no cut
    rows = [
        "| 项目名称 | 测试项目",
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分",
        "| 产出指标 | 数量指标 | 培训人数 | ≥100人 | 120人 | 50 | 50",
        "| 效益指标 | 社会效益指标 | 覆盖率 | ≥90% | 95% | 40 | 40",
        "| 满意度指标 | 服务对象满意度指标 | 满意度 | ≥90% | 95% | 10 | 10",
    ]
    path = tmp_path / "t.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert not any(r.cut_off for r in read_grid(path).rows)


def test_round200_a_districts_appropriation_by_level_is_set_against_it() -> None:
    # chh03 (.xlsx): 财政拨款 25,800,000.00 | 其中：本级 17,800,000.00 | 上级转移支付 7,000,000.00
    # (其他资金 1,000,000.00 beside them): the levels short of the appropriation, said so
    hits = [f for f in review(_doc("chh03")).findings if f.code == "F101"]
    assert len(hits) == 1
    assert "当年财政拨款为25,800,000" in hits[0].message
    # chh01, chh06: the levels make their appropriation: nothing said
    assert "F101" not in _codes("chh01") and "F101" not in _codes("chh06")


def test_round200_the_municipalities_head_fields_are_read() -> None:
    # chh01: 项目负责人 | 孙立华, 主管部门及代码 | [101001]北京市海淀区教育委员会, 项目属性, 项目类型,
    # 联系电话, 项目期限: the form's head, none reported unread
    t = parse_file(_doc("chh01")).tables[0]
    assert t.department == "[101001]北京市海淀区教育委员会"
    assert "P101" not in _codes("chh01")
    assert not any("孙立华" in q or "经常性" in q for q in _unread("chh01"))


def test_round200_a_ceilings_row_said_under_its_target_when_above_it_is_contradicted() -> None:
    # chi01: 孕产妇死亡率 ≤18/10万, actual 21.3/10万, 10 of 10, explained "孕产妇死亡率低于目标值，
    # 全面完成年度目标。": a claim the row contradicts (E103), not a cause lacking a measure (E102)
    codes = _codes("chi01", "孕产妇死亡率")
    assert "E103" in codes and "E102" not in codes
    assert "S102" in codes


def test_round200_a_values_annotations_are_not_its_figure_or_unit() -> None:
    # chj: 1,280.00注1 an amount (a false F101 and F103 when unread), 12.3万人次^2 in 万人次 (a false
    # S108), 29.6万人（截至12月31日） 29.6万人 (a false N102 and S108), 85%→98% the corrected 98%
    from reviewer.parse.values import parse_amount, parse_value

    assert parse_amount("1,280.00注1") == 1280.0
    assert parse_amount("200.00①") == 200.0
    for printed, number, unit in (
        ("12.3万人次^2", 12.3, "万人次"),
        ("29.6万人（截至12月31日）", 29.6, "万人"),
        ("88%（抽样）④", 88.0, "%"),
        ("85%→98%", 98.0, "%"),
        ("~~85%~~ 88%", 88.0, "%"),
        ("95%[3]", 95.0, "%"),
    ):
        v = parse_value(printed)
        assert (v.number, v.unit) == (number, unit), printed
    assert parse_value("1200米^2").unit == "米^2"  # a square metre, no note's mark
    assert parse_value("12（万人次）").number == 12.0  # the unit in brackets stays the unit's
    assert "F101" not in _codes("chj01") and "F103" not in _codes("chj01")
    assert "B101" in _codes("chj01")  # its labelled rate (96.06% for 96.60%)
    assert "S108" not in _codes("chj02") and "N102" not in _codes("chj03")


def test_round200_a_goal_labelled_inside_its_cell_beside_the_wrapped_block_label() -> None:
    # chl03 (pdftotext -layout): 年度总体 | 预期目标：开展… / 目标 | 实际完成情况：全年…: the goals
    # read (a false P103, an error, said they were missing)
    t = parse_file(_doc("chl03")).tables[0]
    assert t.goal_expected.startswith("开展职业技能培训1200人次以上")
    assert t.goal_actual.startswith("全年开展职业技能培训1150人次")
    assert "P103" not in _codes("chl03")


def test_round200_an_unlabelled_sentence_under_the_funds_is_the_blocks_note() -> None:
    # chl05 (.xlsx): 全年预算数较年初增加452.26万元，主要为年中追加… alone in a row under the
    # funds' rows: kept as the table's note, not reported unread
    t = parse_file(_doc("chl05")).tables[0]
    assert any("年中追加" in n for n in t.notes)
    assert "P101" not in _codes("chl05")


def test_round200_a_multi_year_projects_period_goal_and_columns() -> None:
    # chk01: 预期目标 "2022-2024年完成…新建生态护岸18.4公里" is the period's, not the year's ≥7公里
    # (a false N102); chk04: 项目实施期 | 2021年-2025年(第三年) and a 累计执行数 column read
    assert "N102" not in _codes("chk01") and "N102" not in _codes("chk05")
    assert "P101" not in _codes("chk04")
    assert "F101" in _codes("chk04")  # its labelled 全年执行数 not adding


def test_round200_two_dates_against_two_dates_is_no_unit_apart() -> None:
    # chm01: 春秋两季集中免疫完成时间 6月底、11月底前 | 6月28日、11月22日 (a false S108)
    assert "S108" not in _codes("chm01", "春秋两季集中免疫完成时间")
