"""What round 195 of the written tables (cgl, cgm, cgn, cgo) showed: a label a web page broke
over lines quoted whole, and funds by level beside sources no form names (伊犁州资金).
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_round195_a_label_broken_over_lines_is_quoted_as_one_word() -> None:
    # cgm01: 全年<br>执行数 and 全年<br>预算数 in the funds header of a web page
    t = parse_file(_doc("cgm01")).tables[0]
    assert all("\n" not in v and " " not in v for v in t.labels.values())
    [hit] = [f for f in review(_doc("cgm01")).findings if f.code == "B101"]
    assert "按全年执行数÷全年预算数应为94.91%" in hit.message


def test_round195_levels_and_sources_no_form_names_make_the_whole_together() -> None:
    # cgn06: 其中：中央水利发展资金 | 援疆资金 | 自治区资金 | 伊犁州资金 | 县级资金 add up to the
    # total (1200.00 / 1280.00 / 1132.30); the levels alone (370.00) are not all of it
    assert "F101" not in _codes("cgn06")
    # cgn01: its 县级 row 150,000 too many: the sources' sum said (3,536,200 against 3,486,200)
    [hit] = [f for f in review(_doc("cgn01")).findings if f.code == "F101"]
    assert "3,536,200" in hit.message
