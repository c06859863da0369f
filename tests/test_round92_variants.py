"""What round 92 of the written tables (sp–ss) showed, asserted on the written documents whose
layout is the point and on the smallest cases.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.parse.plausibility import _runs_said_twice
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_round92_a_tall_names_rest_after_its_rows_figures_goes_back_to_the_name() -> None:
    # sr05, sr02 (OCR a cell a line): 社会救助长效 / 持续完善 / 持续完善 / 15 / 15 / 机制 — the
    # name's rest, printed after the row's short cells, had been read as its explanation
    rows = {i.name: i for i in parse_file(_doc("sr05")).tables[0].indicators}
    assert "社会救助长效机制" in rows and rows["社会救助长效机制"].explanation == ""
    names = [i.name for i in parse_file(_doc("sr02")).tables[0].indicators]
    assert "工程质量验收合格率" in names and "项目区灌溉保证率" in names
    # and the row's own explanation after it (—) stays its explanation: sp05's 处置率
    assert "抽检不合格食品核查处置率" in [
        i.name for i in parse_file(_doc("sp05")).tables[0].indicators
    ]


def test_round92_a_name_saying_a_run_of_words_twice_is_doubted() -> None:
    # sp06 (a viewer's copy of a Hebei form): names read with their definitions (农村群众出行条件
    # 改善情况项目实施对农村群众出行条件的改善…) had passed for names: the table is said misread
    assert _runs_said_twice("农村群众出行条件改善情况项目实施对农村群众出行条件的改善")[0]
    assert _runs_said_twice("农村公路养护长效机制农村公路管养长效机制建立情况") == (False, 2)
    # one run of four: doubted only where two names or more say one (tx06, round 117)
    assert _runs_said_twice("高技能人才占技能人才比例") == (False, 1)
    assert _runs_said_twice("城乡居民医保人均财政补助标准（不低于省定最低补助标准）") == (False, 0)
    assert _runs_said_twice("<script>alert('审核')</script>演出节目原创率") == (False, 0)
    # (sp06 itself is read whole since round 117; tx06's names, each run together with its
    # definition's first line, say one run of four twice each: doubted as well)
    assert "P108" in {f.code for f in review(_doc("tx06")).findings}
