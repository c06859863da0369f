"""Limits: bombs and oversized inputs are refused quickly, in little memory, with one line
that names the limit's configuration key; the defaults leave real reports alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.cli import main
from reviewer.config import load_config
from reviewer.errors import LimitError, UsageError
from reviewer.grid import Row
from reviewer.ingest import read_grid
from reviewer.limits import Limits
from tests.conftest import SEED
from tests.fixtures.generate.make_xlsx import write_xlsx
from tests.fixtures.generate.source import gold_tables

MB = 1 << 20


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
