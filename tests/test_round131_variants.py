"""What round 131 of the written tables (yo, yp, yq, yr) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from eval.parsecheck import check
from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_step_already_agreed_is_a_measure() -> None:
    # yp04: 图书采购招标延期一月；已签订补充采购合同，次年一季度配送到位。: a cause and a measure
    findings = review(_doc("yp04")).findings
    assert not [f for f in findings if f.code == "E102" and f.indicator == "农家书屋补充图书"]


def test_a_date_targets_unit_cell_of_its_kind_is_no_unit_to_the_harness() -> None:
    # yo01, ri05, cy04: ≤ | 2022年12月31日 | 日期: the target read without the word 日期 is the
    # gold's target, as (文字描述) is left off a Hebei target in words
    for stem in ("yo01", "ri05", "cy04"):
        doc = _doc(stem)
        gold = doc.parent.parent / "gold" / (doc.stem + ".json")
        result = check(doc.name, gold, parse_file(doc), None)
        assert result.rows_right == result.gold_rows, stem
