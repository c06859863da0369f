"""What rounds 174 and 175 of the written tables (cde–cdl) showed, each asserted on the
written document that shows it or on the smallest text: a report's prose against its tables
(T109), a 20/80 form's category points that do not add up, a cause read as a measure (不规范),
a total against a per-unit row, a policy's name read as a count, a report's sentence taken for
the form's year line, a unit guessed from the prose above the form.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.layout_text import render_text
from reviewer.pipeline import review
from tests.builders import make_table
from tests.test_round73_variants import _codes, _doc


def _messages(stem: str, code: str) -> list[str]:
    return [f.message for f in review(_doc(stem)).findings if f.code == code]


def test_round174_a_reports_prose_against_its_tables() -> None:
    # cdh01: the prose gives 农村公路日常养护 98.50%, its table 97.40%; cdi03 an amount with two
    # digits swapped; cdi04 a score (the second project of a Word report, named in its paragraph)
    assert _messages("cdh01", "T109") == [
        "报告正文称“农村公路日常养护”预算执行率为98.50%，而该自评表的执行率为97.40%，两者不符。"
    ]
    assert _messages("cdi03", "T109") == [
        "报告正文称“农村供水保障工程维修养护项目”执行数为128.64万元，而该自评表的全年执行数为128.46万元，两者不符。"
    ]
    assert _messages("cdi04", "T109") == [
        "报告正文称“重大传染病防控项目”自评得分为99.53分，而该自评表的总分为99.35分，两者不符。"
    ]
    # cdi02 and cdi05: the bureau's totals, its parts, last year's rate, a target met: nothing
    assert "T109" not in _codes("cdi02") | _codes("cdi05")


def test_round174_the_prose_above_a_form_is_read_not_taken_for_its_year(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    prose = "截至2023年12月31日，项目资金执行率达100%。"
    path.write_text(prose + "\n\n" + render_text([make_table()]), encoding="utf-8")
    report = parse_file(path)
    assert [lo.text for lo in report.leftovers] == [prose]
    assert report.tables[0].year == 2023  # (the form's own (2023 年度))


def test_round174_a_unit_guessed_from_the_prose_gives_way_to_the_headers() -> None:
    # la03: 年初预算320万元 in the prose above a form headed 项目资金（元）: its amounts are in 元
    (t,) = parse_file(_doc("la03")).tables
    assert t.amount_unit == "元"
    assert t.funds.annual_total.executed == 2871330.0


def test_round175_a_20_80_forms_category_points_that_do_not_add_up() -> None:
    # cdj04: 产出指标(40分) + 效益指标(30分) + 满意度指标(20分) + 20 for execution = 110
    assert _messages("cdj04", "W101") == [
        "一级指标标明的分值（产出指标40分、效益指标30分、满意度指标20分）加预算执行20分，合计为110分，"
        "不等于100分。"
    ]
    assert "W101" not in _codes("cdj01") | _codes("cdj05")  # 40 + 30 + 10 + 20


def test_round174_a_measures_word_said_of_what_was_lacking_is_the_cause() -> None:
    # cde02: 部分村医业务能力不足，随访记录填写不规范: a cause, no measure (规范 negated)
    assert "E102" in _codes("cde02", "签约服务规范率")
    # a measure still: 下一步加强培训，规范随访记录 (cdh03's row with a cause and a measure too)
    assert "E102" not in _codes("cdi01") | _codes("cde05")


def test_round174_a_total_is_no_figure_of_a_per_unit_row() -> None:
    # cdf05: 管护经费126万元全部拨付到位 against 单座水库年度管护经费 3万元
    assert "N102" not in _codes("cdf05", "单座水库年度管护经费")
    assert "N102" in _codes("cdf05", "管护小型水库座数")  # 40座 against 42座, as labelled


def test_round175_a_policys_name_is_no_count_of_the_list_before_it() -> None:
    # cdl05: 城乡低保、特困供养和残疾人两项补贴资金 (残疾人两项补贴: two subsidies of one policy)
    assert "N103" not in _codes("cdl05")
