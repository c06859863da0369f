"""A full disk (simulated by a file size limit) never leaves a truncated file or a traceback.

The review runs in a child process whose RLIMIT_FSIZE is smaller than a memo: every write past
the limit fails with EFBIG, as a write to a full disk fails with ENOSPC.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.batch.summary import write_summaries
from reviewer.cli import main
from tests.conftest import SEED

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 16 * 1024  # bytes: the seed's memo is about 33 KB

_RUN = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
from reviewer.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _review_limited(*args: str, limit: int = LIMIT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _RUN.format(limit=limit), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )


def _temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def test_single_memo_on_a_full_disk_keeps_the_old_memo(tmp_path: Path) -> None:
    memo = tmp_path / "memo.md"
    memo.write_text("上一次的复核意见\n", encoding="utf-8")
    proc = _review_limited(str(SEED), "-o", str(memo))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "无法写入" in proc.stderr and len(proc.stderr.strip().splitlines()) <= 2
    assert memo.read_text(encoding="utf-8") == "上一次的复核意见\n"
    assert _temp_files(tmp_path) == []


def test_batch_on_a_full_disk_keeps_the_old_memo_and_lists_the_file(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / "a.txt")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").write_text("上一次的复核意见\n", encoding="utf-8")
    proc = _review_limited(str(inputs), "--out-dir", str(out), "--jobs", "1")
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and "内部错误" not in proc.stderr
    assert "无法写入复核意见 a.md" in proc.stderr
    assert (out / "a.md").read_text(encoding="utf-8") == "上一次的复核意见\n"
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert "a.txt" in summary and "无法写入复核意见" in summary
    assert _temp_files(out) == []


def test_a_summary_that_cannot_be_written_leaves_the_old_one_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "summary.xlsx").write_bytes(b"old workbook")
    real_replace = os.replace

    def failing_replace(src: str | Path, dst: str | Path) -> None:
        if str(dst).endswith("summary.xlsx"):  # the last step of writing the workbook fails
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        write_summaries([], [], tmp_path)
    assert (tmp_path / "summary.xlsx").read_bytes() == b"old workbook"
    assert _temp_files(tmp_path) == []


def test_an_output_folder_that_cannot_be_made_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    code = main([str(SEED), "--out-dir", str(blocker / "out")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "无法写入或读取" in err and "内部错误" not in err
