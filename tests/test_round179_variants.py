"""What round 179 of the written tables (cdy, cdz, cea, ceb) showed: a report's prose held
against a table said misread (T109 must not), a 部门决算's pipe rows, a reason written 无 for an
over-achievement, Hainan's 效果指标 for 效益指标 in the default split.
"""

from __future__ import annotations

from reviewer.model import Severity
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_round179_no_prose_held_against_a_table_said_misread() -> None:
    # cea02: both tables doubted (P108); the prose's 执行数15628.06万元 was held against a funds row
    # read a column off (“|” its project, 15628.06% its rate)
    codes = _codes("cea02")
    assert "P108" in codes
    assert "T109" not in codes
    # cea04: the department's rate in the prose (98.12%) against its table's 96.12%, as labelled
    assert "T109" in _codes("cea04")


def test_round179_an_over_achievement_whose_reason_says_nothing() -> None:
    # cdy05: 320 against ≥200人次 (1.6 times), its 偏差原因 无: unexplained, a warning
    (hit,) = [f for f in review(_doc("cdy05")).findings if f.code == "S107"]
    assert hit.severity is Severity.WARNING


def test_round179_another_provinces_word_for_a_default_category() -> None:
    # cdz03: 效果指标 (Hainan) is the 效益 of the default split, not a category short of its 30
    assert "W102" not in _codes("cdz03")
    assert "W102" in _codes("cdz06")  # 60/20/10/10, as labelled
