"""What round 192 of the written tables (cfz, cga, cgb, cgc) showed: a name wrapped in its cell in
tab text (its first words alone on a line, its rest with the row's values), and a county's
figure in a region's narrative.
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc


def test_round192_a_name_wrapped_in_tab_text() -> None:
    # cfz06: 质量指标 | 农村集中供水工程 / 水质达标率 | ≥95% | 96.8% | 15 | 15: one row
    names = [i.name for i in parse_file(_doc("cfz06")).tables[0].indicators]
    assert "农村集中供水工程水质达标率" in names
    assert "P108" not in _codes("cfz06")
    # cfz06's labelled missed row at full points is reviewed now (S102)
    assert "S102" in _codes("cfz06", "农村供水管网改造长度")


def test_round192_a_countys_rate_in_a_regions_narrative() -> None:
    # cgc05: 太康县因…，执行率89.27% in a city's region table whose rate is 97.51% (clean)
    assert "N106" not in _codes("cgc05")


def test_round192_a_cell_holding_one_text_twice_is_a_misreading() -> None:
    # rw02: an OCR page whose 基本公共卫生服务水 / 平 was read with 持续提升持续提升 as its
    # actual (the target's and the actual's words in one cell): doubted, not reviewed
    findings = review(_doc("rw02")).findings
    assert any(f.code == "P108" for f in findings)
    assert not [f for f in findings if f.indicator and "服务水" in f.indicator]
