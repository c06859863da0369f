"""What round 202 of the written tables (chn, cho, chp, chq) showed: forms scored by deduction
(分值 | 扣分 | 得分, 扣分合计), a header key that a shorter key's prefix took, and measures a
department states without the usual words.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc

_FORM = (
    "项目名称\t测试项目\n"
    "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t扣分\t得分\n"
    "\t年度资金总额\t100.00\t100.00\t98.00\t10\t98.00%\t0.2\t9.8\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t扣分\t得分\t扣分原因\n"
    "产出指标\t数量指标\t培训人数\t≥100人\t100人\t50\t0\t50\t\n"
    "效益指标\t社会效益指标\t就业率\t≥90%\t90%\t30\t{taken}\t{score}\t{why}\n"
    "满意度指标\t服务对象满意度指标\t满意度\t≥90%\t95%\t10\t0\t10\t\n"
    "扣分合计\t\t\t\t\t\t{total_taken}\n"
    "总分\t\t\t\t\t100\t\t{total}\n"
)


def _deduction_form(tmp_path: Path, **values: str) -> Path:
    path = tmp_path / "deduction.txt"
    path.write_text(_FORM.format(**values), encoding="utf-8")
    return path


def test_round202_a_deductions_total_row_is_no_indicator_row() -> None:
    # chp01: 扣分合计 | 3.36 under the rows was read into the last row's name and explanation
    # (doubted, P108); it is the table's total deduction
    t = parse_file(_doc("chp01")).tables[0]
    assert t.indicators[-1].name == "项目区农户满意度"
    assert t.indicators[-1].explanation == ""
    assert t.total_deduction == 3.36
    assert "P108" not in _codes("chp01")


def test_round202_a_score_not_its_weight_less_its_deduction_is_found() -> None:
    # chp01: 项目完工时间 分值 8, 扣分 2, 得分 5 (6 due); the 总分 96.64 is 100 less 扣分合计 3.36,
    # which the rows' deductions make: the row is wrong, not the total (no T101)
    codes = _codes("chp01", "项目完工时间")
    assert "S115" in codes
    assert "T101" not in _codes("chp01")


def test_round202_deductions_held_together(tmp_path: Path) -> None:
    # clean: 30 − 0.5 = 29.5, 扣分合计 0.2 + 0.5 = 0.7, 总分 100 − 0.7 = 99.3
    clean = _deduction_form(
        tmp_path,
        taken="0.5",
        score="29.5",
        why="部分学员外出务工，下一步加强跟踪。",
        total_taken="0.7",
        total="99.3",
    )
    found = {f.code for f in review(clean).findings}
    assert not {"S115", "T111", "T101"} & found
    # the funds' 得分 not its 分值 less its 扣分: 10 − 0.2 is 9.8
    wrong_funds = tmp_path / "funds.txt"
    wrong_funds.write_text(
        clean.read_text(encoding="utf-8").replace("0.2\t9.8", "0.2\t9.6"), encoding="utf-8"
    )
    assert "S115" in {f.code for f in review(wrong_funds).findings}
    # 扣分合计 not the rows' deductions
    off = _deduction_form(
        tmp_path,
        taken="0.5",
        score="29.5",
        why="部分学员外出务工，下一步加强跟踪。",
        total_taken="0.9",
        total="99.3",
    )
    assert "T111" in {f.code for f in review(off).findings}


def test_round202_a_longer_header_key_is_not_taken_by_a_shorter_ones_prefix() -> None:
    # chp02: 部门（单位）名称：临泉县自然资源和规划局 on a 评分表 that also knows 部门 alone: the
    # department read (a false P109 said it was left empty)
    t = parse_file(_doc("chp02")).tables[0]
    assert t.department == "临泉县自然资源和规划局"
    assert "P109" not in _codes("chp02")


def test_round202_measures_stated_without_the_usual_words() -> None:
    # cho04: …；2025年采购时增加农技、健康类大字本比例。 chn05: 已对全部遥测站加装防雷模块，并与运维单位
    # 约定48小时内修复。: measures (false E102)
    assert "E102" not in _codes("cho04", "村民读者满意度")
    assert "E102" not in _codes("chn05")
