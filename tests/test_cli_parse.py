"""`review parse`: output formats, warnings for leftovers, and one-line errors with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reviewer.cli import main
from tests.conftest import SEED
from tests.goldcompare import differences


def test_parse_json_matches_gold(capsys: pytest.CaptureFixture[str], gold: dict[str, Any]) -> None:
    assert main(["parse", str(SEED), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert differences(gold, out) == []


def test_parse_table_shows_every_project(
    capsys: pytest.CaptureFixture[str], gold: dict[str, Any]
) -> None:
    assert main(["parse", str(SEED), "--format", "table"]) == 0
    out = capsys.readouterr().out
    for table in gold["tables"]:
        assert table["project"] in out


def test_parse_warns_about_leftovers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.txt"
    path.write_text("多余的一行\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["parse", str(path)]) == 0
    err = capsys.readouterr().err
    assert "第1行" in err and "多余的一行" in err and "未解析 1 行" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "为空"),
        (b"  \n\n", "为空"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "二进制"),
        ("随便一段文字\n没有表格".encode(), "未在"),
        (b"\xff\xfe\x00\xd8", "UTF-16"),
    ],
)
def test_bad_input_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err
    assert len(err.splitlines()) == 1


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["parse", str(tmp_path / "nope.txt")]) == 2
    assert "找不到文件" in capsys.readouterr().err


def test_console_script_prints_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\x00\x01\x02")
    proc = subprocess.run(
        [sys.executable, "-m", "reviewer.cli", "parse", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().startswith("错误")
