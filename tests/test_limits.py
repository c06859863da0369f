"""Limits: bombs and oversized inputs are refused quickly, in little memory, with one line
that names the limit's configuration key; the defaults leave real reports alone."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.cli import main
from reviewer.config import load_config
from reviewer.errors import InputError, LimitError, UsageError
from reviewer.grid import Row
from reviewer.ingest import read_grid
from reviewer.limits import Limits
from tests.conftest import SEED
from tests.fixtures.generate import hostile
from tests.fixtures.generate.make_pdf import write_ruled_pdf
from tests.fixtures.generate.make_xlsx import write_xlsx
from tests.fixtures.generate.source import gold_tables

MB = 1 << 20


def _refusal(path: Path, limits: Limits | None = None) -> tuple[float, float, str]:
    """Seconds and peak MB that parsing ``path`` took before it was refused, and why."""
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        with pytest.raises(InputError) as caught:
            parse_file(path, limits)
        seconds = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()
    return seconds, peak, caught.value.message


@pytest.mark.parametrize(
    ("name", "write"),
    [("bomb.xlsx", hostile.xlsx_bomb), ("bomb.docx", hostile.docx_bomb)],
)
def test_a_1_mb_zip_bomb_is_refused_at_once(
    tmp_path: Path, name: str, write: Callable[[Path], None]
) -> None:
    path = tmp_path / name
    write(path)  # 1 GiB of text in one part, about 1 MB on disk
    assert path.stat().st_size < 1.1 * MB
    seconds, peak, message = _refusal(path)
    assert "疑似压缩炸弹" in message and "limits.unpack_ratio" in message
    assert seconds < 5 and peak < 16, (seconds, peak)


def test_a_part_that_lies_about_its_size_is_refused_as_damaged(tmp_path: Path) -> None:
    # The document part says it holds 1 KB and holds 1 GiB: python-docx, asking zipfile for
    # the whole part, would have it inflate up to 1 GiB in one call before the size check.
    path = tmp_path / "liar.docx"
    hostile.docx_bomb(path, declared=1000)
    seconds, peak, message = _refusal(path)
    assert "无法作为 Word 文件打开" in message
    assert seconds < 5 and peak < 16, (seconds, peak)


def test_a_pdf_stream_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    hostile.pdf_bomb(path)  # a page whose content unpacks to 1 GiB
    seconds, peak, message = _refusal(path)
    assert "疑似压缩炸弹" in message and "limits.unpack_ratio" in message
    # refused once it had unpacked 100 times the file's size (about 100 MB), not 1 GiB
    assert seconds < 5 and peak < 200, (seconds, peak)


def test_the_unpacked_total_has_its_own_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.pdf"
    hostile.pdf_bomb(path, mib=40)
    _, _, message = _refusal(path, Limits(unpacked_mb=8))
    assert "超过上限 8 MB" in message and "limits.unpacked_mb" in message


@pytest.mark.parametrize(
    ("write", "what"),
    [
        (lambda p: hostile.pdf_chars_bomb(p, 2_000_000), "2 million characters in one string"),
        (hostile.pdf_forms_bomb, "forms drawing forms: 10**9 drawings"),
    ],
)
def test_a_page_that_draws_too_much_is_refused(
    tmp_path: Path, write: Callable[[Path], None], what: str
) -> None:
    path = tmp_path / "busy.pdf"
    write(path)
    assert path.stat().st_size < 10_000, what
    # a tenth of the default, to keep the test quick (benchmarks/bench_hostile.py: the default)
    seconds, peak, message = _refusal(path, Limits(pdf_page_objects=10_000))
    assert "第1页绘制的对象（文字、线条、图片）超过上限 10,000 个" in message
    assert "limits.pdf_page_objects" in message
    assert seconds < 10 and peak < 100, (what, seconds, peak)


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    write_ruled_pdf(gold_tables()[:3], path)
    return path


def test_too_many_pages(seed_pdf: Path) -> None:
    _, _, message = _refusal(seed_pdf, Limits(pdf_pages=2))
    assert "超过上限 2" in message and "limits.pdf_pages" in message


def test_too_many_cells_in_a_workbook_is_refused_before_it_is_loaded(tmp_path: Path) -> None:
    path = tmp_path / "cells.xlsx"
    hostile.xlsx_cells_bomb(path, 400_000)  # 400,000 small cells: 150 MB once loaded
    seconds, peak, message = _refusal(path, Limits(cells=200_000))
    assert "单元格数超过上限 200,000" in message and "limits.cells" in message
    assert seconds < 5 and peak < 16, (seconds, peak)


def test_too_many_cells_in_any_format(tmp_path: Path) -> None:
    with pytest.raises(LimitError, match="单元格数超过上限 100，"):
        parse_file(SEED, Limits(cells=100))
    path = tmp_path / "seed.xlsx"
    write_xlsx(gold_tables()[:2], path)
    with pytest.raises(LimitError, match=r"limits\.cells"):
        parse_file(path, Limits(cells=100))


def test_a_line_too_long_is_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("项目名称\t甲\n" + "长" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(LimitError, match="第2行的内容超过上限 1,000 个字符"):
        parse_file(path, Limits(cell_chars=1000))


def test_a_cell_too_long_is_refused_with_its_location(tmp_path: Path) -> None:
    path = tmp_path / "long.xlsx"
    rows = '<row r="1"><c r="B1" t="inlineStr"><is><t>' + "长" * 2000 + "</t></is></c></row>"
    path.write_bytes(hostile.xlsx_package(hostile.xlsx_sheet(rows)))
    with pytest.raises(LimitError, match="Sheet1!B1 的内容超过上限 1,000 个字符"):
        parse_file(path, Limits(cell_chars=1000))


def test_file_size(tmp_path: Path) -> None:
    with pytest.raises(LimitError, match=r"文件大小 .* MB，超过上限 0\.01 MB.*limits\.file_mb"):
        read_grid(SEED, Limits(file_mb=0.01))


def test_limits_come_from_the_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "reviewer.toml"
    config.write_text("[limits]\ncells = 100\n", encoding="utf-8")
    assert load_config(str(config)).limits.cells == 100
    for command in (["parse", str(SEED)], ["review", str(SEED), "--no-llm"]):
        assert main([*command, "--config", str(config)]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "limits.cells" in err, err


def test_an_unknown_or_invalid_limit_is_a_configuration_error(tmp_path: Path) -> None:
    config = tmp_path / "reviewer.toml"
    for text in ("[limits]\nno_such = 1\n", "[limits]\ncells = 0\n"):
        config.write_text(text, encoding="utf-8")
        with pytest.raises(UsageError, match="limits"):
            load_config(str(config))


def _cells(rows: list[Row]) -> int:
    return sum(len(r.cells) for r in rows)


def test_the_defaults_leave_room_for_the_largest_reports() -> None:
    """A provincial file of 10,000 tables, at the seed's size per table, within every default
    with room to spare (the seed: 14 tables of one bureau)."""
    limits = Limits()
    grid = read_grid(SEED)
    rows = list(grid.rows)
    per_table = _cells(rows) / 14
    assert 10_000 * per_table * 2 < limits.cells
    assert max(len(c.raw) for r in rows for c in r.cells) * 20 < limits.cell_chars
    assert 10_000 * SEED.stat().st_size / 14 * 4 < limits.file_mb * MB
    assert limits.pdf_pages > 10_000 * 3  # three pages a table
