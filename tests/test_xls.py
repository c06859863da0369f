"""Legacy Excel (.xls, reviewer/ingest/xls.py): the fixture written by
tests/fixtures/generate/xls_fixture.py (the national form with merged labels, numbers in number
formats, a second sheet), and the files an OLE2 container may be that are not a workbook."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.checks import run_checks
from reviewer.cli import main
from reviewer.config import Config
from reviewer.errors import InputError
from tests.builders import assert_training_form

FORM = Path(__file__).parent / "fixtures" / "xls" / "form.xls"


def test_the_form_is_read_with_its_merged_labels_and_number_formats() -> None:
    report = parse_file(FORM)
    assert report.format == "xls"
    (t,) = report.tables
    assert_training_form(t)
    row = t.funds.annual_total
    # the rate is stored as 0.95 in a 0.00% format: read as printed
    assert row.cells["rate_pct"].text == "95.00%"
    assert row.cells["executed"].describe() == "自评表!E6"
    # the second sheet's note is read, and reported as not part of the form
    assert [(lo.text, lo.location.describe()) for lo in report.leftovers] == [
        ("填表人：张三", "说明!A1")
    ]


def test_the_review_of_a_workbook(tmp_path: Path) -> None:
    found = {(f.code, f.indicator) for f in run_checks(parse_file(FORM), Config())}
    assert ("S102", "培训人数") in found  # 150 of 200 people, full marks
    out = tmp_path / "memo.md"
    assert main([str(FORM), "-o", str(out)]) == 1
    assert "自评表!" in out.read_text(encoding="utf-8")  # evidence located by sheet and cell


def test_a_workbook_under_another_name_is_told_by_its_content(tmp_path: Path) -> None:
    path = tmp_path / "下载的表格"
    shutil.copy(FORM, path)
    assert parse_file(path).tables[0].project == "业务培训"


def test_a_damaged_workbook_is_refused_with_the_reason(tmp_path: Path) -> None:
    data = bytearray(FORM.read_bytes())
    data[1024:1536] = b"\xff" * 512  # the workbook stream overwritten, its name kept
    path = tmp_path / "坏.xls"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"无法作为 Excel（\.xls）文件打开"):
        parse_file(path)


def test_a_cut_workbook_that_lost_its_directory_is_the_legacy_binary_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "半截.xls"
    path.write_bytes(FORM.read_bytes()[:2048])
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "另存为 .docx 或 .xlsx" in err
