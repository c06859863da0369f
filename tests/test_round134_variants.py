"""What round 134 of the written tables (za, zb, zc, zd) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_continued_caption_after_the_units_name_is_page_furniture() -> None:
    # zc03 (OCR in runs of spaces): 兴国县水利局  中央水利发展资金绩效自评（续表） over page 2 had
    # been read into the name of the last row of page 1
    names = [i.name for i in parse_file(_doc("zc03")).tables[0].indicators]
    assert "中央资金年度支出进度" in names
    assert not any("续表" in n for n in names)


def test_a_conclusion_and_a_sign_off_under_the_rows_are_no_part_of_a_name() -> None:
    # zd03 (tabs): 自评结论 | 项目各项指标均已完成… and 填报日期 | 2021年3月10日 under the last row;
    # zd06 (.xlsx): 填报日期 | 2026年1月20日: read into the last name
    for stem, name in (("zd03", "学生及家长满意度"), ("zd06", "经营主体满意度")):
        names = [i.name for i in parse_file(_doc(stem)).tables[0].indicators]
        assert names[-1] == name, stem


def test_steps_towards_the_work_are_measures_and_no_claim_of_completion() -> None:
    # za03: …未能按期开工；已完成水源论证，2021年3月前开工。 (a false E102); zb03: 已完成前期工作，
    # 2023年6月底前完工 on a missed row is no claim that the target was met (a false E103)
    found = review(_doc("za03")).findings
    assert not [f for f in found if f.code == "E102" and f.indicator == "项目开工率"]
    found = review(_doc("zb03")).findings
    assert not [f for f in found if f.code == "E103" and f.indicator == "新建及改造供水工程"]
