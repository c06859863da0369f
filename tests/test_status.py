"""Status lines on standard error (reviewer/status.py): plain where no terminal shows them, and
rich never imported for them there; in colour where asked, the text never read as markup."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.status import Status
from tests.conftest import SEED


def test_a_line_is_written_as_it_is_where_no_terminal_shows_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    Status().say(("警告", "yellow"), "：报告[/][bold red].txt 未能解析")
    assert capsys.readouterr().err == "警告：报告[/][bold red].txt 未能解析\n"


def test_a_line_is_coloured_where_colour_is_forced_and_its_text_stays_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    Status().say(("错误", "red"), "：报告[/][bold red].txt")
    err = capsys.readouterr().err
    assert "\x1b[31m错误\x1b[0m" in err  # the lead word in red
    assert "：报告[/][bold red].txt" in err  # the rest as written, not taken for markup


def test_reviewing_into_a_file_does_not_import_rich(tmp_path: Path) -> None:
    # rich is a tenth of a single review's start-up; with stderr a pipe it prints nothing rich
    # would not print the same
    script = (
        "import sys\n"
        "from reviewer.cli import main\n"
        f"code = main([{str(SEED)!r}, '-o', {str(tmp_path / 'memo.md')!r}])\n"
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "1 []"
    assert "14 张表，错误 8 项" in done.stderr
