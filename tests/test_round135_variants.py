"""What round 135 of the written tables (ze, zf, zg, zh) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_page_number_under_the_total_is_not_the_total() -> None:
    # zf02, zf04 (plain pdftotext, a cell a line): 总分 / 100 / 97.92, then after blank lines the
    # page's number 1, the text's last line: read as the total (false T101 and W104 errors)
    for stem, total in (("zf02", 97.92), ("zf04", 97.52)):
        table = parse_file(_doc(stem)).tables[0]
        assert table.total_score == total, stem
        codes = {f.code for f in review(_doc(stem)).findings}
        assert not codes & {"T101", "W104"}, stem
