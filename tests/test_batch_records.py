"""The batch's records and its streaming .xlsx writer: what a rerun trusts, what a killed run
leaves, and a workbook that spreadsheet programs read as written."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest

from reviewer.batch import run_batch
from reviewer.batch.records import INDEX_NAME
from reviewer.batch.run import chunk_size
from reviewer.batch.xlsx_writer import ERROR_FILL, HEAD, LINK, Cell, SheetWriter
from reviewer.config import Config
from tests.builders import make_table, write_tables


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        write_tables(folder / f"报告{i}.txt", make_table(project=f"项目{i}"))
    return folder


def _age(path: Path, seconds: float = 60.0) -> None:
    """Make a file look written a while ago (so its size and time can be trusted)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - int(seconds * 1e9)))


def test_a_record_cut_short_by_a_killed_run_redoes_only_its_memo(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_batch([str(corpus)], out, config=Config(), jobs=1)
    index = out / ".reviewer" / INDEX_NAME
    lines = index.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6
    index.write_text("\n".join(lines[:5]) + "\n" + lines[5][:40], encoding="utf-8")
    again = run_batch([str(corpus)], out, config=Config(), jobs=1)
    assert (again.count("skipped"), again.count("reviewed")) == (5, 1)
    assert len(index.read_text(encoding="utf-8").splitlines()) == 6  # rewritten whole


def test_an_input_touched_but_unchanged_is_skipped_and_one_changed_is_redone(
    corpus: Path, tmp_path: Path
) -> None:
    for f in corpus.iterdir():
        _age(f)
    out = tmp_path / "out"
    run_batch([str(corpus)], out, config=Config(), jobs=1)
    touched, changed = corpus / "报告1.txt", corpus / "报告2.txt"
    os.utime(touched)  # a new time, the same content: hashed again, found unchanged
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("项目2", "项目9"), encoding="utf-8")  # same size
    assert changed.stat().st_size == len(text.encode("utf-8"))
    again = run_batch([str(corpus)], out, config=Config(), jobs=1)
    by_source = {o.source: o.status for o in again.outcomes}
    assert by_source["报告1.txt"] == "skipped"
    assert by_source["报告2.txt"] == "reviewed"
    assert "项目9" in (out / "报告2.md").read_text(encoding="utf-8")


def test_a_memo_deleted_by_hand_is_written_again(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([str(corpus)], out, config=Config(), jobs=1)
    (out / "报告3.md").unlink()
    again = run_batch([str(corpus)], out, config=Config(), jobs=1)
    assert {o.source for o in again.outcomes if o.status == "reviewed"} == {"报告3.txt"}
    assert (out / "报告3.md").is_file()


def test_a_memo_replaced_by_one_of_the_same_size_is_written_again(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_batch([str(corpus)], out, config=Config(), jobs=1)
    memo = out / "报告4.md"
    text = memo.read_text(encoding="utf-8")
    memo.write_text(text.replace("项目4", "项目X"), encoding="utf-8")  # same size, new content
    assert memo.stat().st_size == len(text.encode("utf-8"))
    _age(memo)  # and as old as the others: only its hash tells
    touched = out / "报告5.md"
    os.utime(touched)  # a new time, the same content: hashed, found the same, skipped
    again = run_batch([str(corpus)], out, config=Config(), jobs=1)
    by_source = {o.source: o.status for o in again.outcomes}
    assert by_source["报告4.txt"] == "reviewed" and by_source["报告5.txt"] == "skipped"
    assert memo.read_text(encoding="utf-8") == text


def test_hand_outs_are_a_few_files_and_many_per_worker() -> None:
    assert chunk_size(10, 2) == 1
    assert chunk_size(7143, 2) == 8
    assert chunk_size(100, 2) == 3  # 100 // (2 × 16)


def test_the_xlsx_writer_keeps_text_as_text_and_drops_what_xml_cannot_hold(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.xlsx"
    with SheetWriter(path, "复核汇总", (6, 20, 12), "B3") as ws:
        ws.append([Cell("标题", HEAD)])
        ws.append([])
        ws.filter_from()
        ws.append([Cell("序号", HEAD), Cell("项目", HEAD), Cell("链接", HEAD)])
        ws.append([1, '=HYPERLINK("http://x")', Cell("复核意见", LINK, target="科室/报告 1.md")])
        ws.append([Cell(2, ERROR_FILL), "a<b & c>d\x07\x1b[31m红", 2.5])
    wb = openpyxl.load_workbook(path)
    sheet = wb["复核汇总"]
    assert sheet["B4"].value == '=HYPERLINK("http://x")' and sheet["B4"].data_type == "s"
    assert sheet["B5"].value == "a<b & c>d[31m红"  # control characters dropped
    assert sheet["A4"].value == 1 and sheet["C5"].value == 2.5
    assert sheet["C4"].hyperlink.target == "科室/报告 1.md"
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb == "FFDDE3EA"
    assert sheet["A5"].fill.fgColor.rgb == "FFFDE3E0"
    assert sheet.freeze_panes == "B3"
    assert sheet.auto_filter.ref == "A3:C5"
    assert [c.width for k, c in sorted(sheet.column_dimensions.items())][:3] == [6, 20, 12]
