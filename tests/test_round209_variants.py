"""What round 209 of the written tables (cip, ciq, cir, cis) showed: scanned PDFs whose OCR text
layer lies over rulings drawn a little crooked, which pdfplumber took for vertical edges each (no
ruled table found, the jittered words read as text: most rows lost or misread, and a false F101,
P107 and E101 on what was read), and a scan's space inside a figure or a category's points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reviewer.api import parse_file
from reviewer.ingest.pdf import _rulings
from reviewer.parse.labels import weight_note
from reviewer.parse.values import parse_value
from tests.test_round73_variants import _codes, _doc


def test_round209_crooked_rulings_are_read_straightened() -> None:
    # ciq01–ciq06: every row read (16 of 48 were right), no table said misread
    for stem, rows in (("ciq02", 8), ("ciq03", 7), ("ciq05", 8)):
        t = parse_file(_doc(stem)).tables[0]
        assert len(t.indicators) == rows and not t.doubts, stem
    assert {"T101", "E101", "S102"} <= _codes("ciq03")  # its three labelled
    codes = _codes("ciq04")
    assert "F101" not in codes and {"E101", "S102", "E102"} <= codes
    assert "P107" not in _codes("ciq05") and "T101" in _codes("ciq05")


@dataclass
class _Page:
    lines: list[dict[str, Any]]
    rects: list[dict[str, Any]] = field(default_factory=list)


def _line(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return {"object_type": "line", "x0": x0, "top": top, "x1": x1, "bottom": bottom}


def test_round209_only_a_page_of_crooked_rulings_is_straightened() -> None:
    crooked = _Page(
        [
            _line(36.0, 65.16, 805.9, 65.6),  # level, 0.44 pt off over 770
            _line(36.0, 80.07, 805.9, 80.23),
            _line(36.0, 95.1, 805.9, 95.4),
            _line(35.74, 65.5, 36.3, 80.0),  # upright, 0.56 pt off over 14.5
            _line(151.2, 65.5, 151.6, 80.0),
            _line(60.0, 65.5, 150.0, 80.0),  # a header cell's diagonal: no ruling
        ]
    )
    settings = _rulings(crooked)
    assert settings["vertical_strategy"] == settings["horizontal_strategy"] == "explicit"
    level = settings["explicit_horizontal_lines"]
    upright = settings["explicit_vertical_lines"]
    assert len(level) == 3 and all(e["top"] == e["bottom"] for e in level)
    assert len(upright) == 2 and all(e["x0"] == e["x1"] for e in upright)
    straight = _Page([_line(36, 65, 805, 65), _line(36, 65, 36, 80), _line(805, 65, 805, 80)])
    assert _rulings(straight) == {}  # pdfplumber's own reading


def test_round209_a_scans_space_inside_a_figure_or_a_categorys_points() -> None:
    # ciq04's 1.5 6万人次 (read 1 and a unit .5 6万人次: a false E101, S102, S108, N102)
    v = parse_value("1.5 6万人次")
    assert (v.number, v.unit) == (1.56, "万人次")
    v = parse_value("≥2 5公里")
    assert (v.number, v.unit) == (25, "公里")
    assert parse_value("95% 96%").number is None  # two figures, a correction: none read
    # ciq06's 时效指标（1 0分）: the category and its points (its row had been misread)
    assert weight_note("时效指标（1 0分）") == ("时效指标", 10.0)
    t = parse_file(_doc("ciq06")).tables[0]
    assert len(t.indicators) == 8 and not t.doubts
