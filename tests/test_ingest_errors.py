"""Files no reader can use get a one-line Chinese error and exit code 2, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from reviewer.cli import main

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _one_line_error(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["parse", str(path)]) == 2
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("错误") and "Traceback" not in err
    assert captured.out == ""
    return err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.xls", OLE2, "另存为 .docx 或 .xlsx"),
        ("report.doc", OLE2, "旧版 Word/Excel"),
        ("report.xlsx", OLE2 + "EncryptionInfo".encode("utf-16-le"), "打开密码"),
        ("report.xlsx", b"PK\x03\x04 truncated", "已损坏的压缩包"),
        ("report.xlsx", _zip({"xl/workbook.xml": b"<not a workbook"}), "无法作为 Excel 文件打开"),
        ("report.zip", _zip({"a.txt": b"x"}), "不是 Excel"),
        ("report.pdf", "项目名称\t甲\n".encode(), "内容不是 PDF"),
        ("report.docx", "项目名称\t甲\n".encode(), "内容不是 Word"),
    ],
)
def test_unreadable_container(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert message in _one_line_error(path, capsys)


def test_legacy_binary_under_any_name_is_recognised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(OLE2)
    assert "旧版" in _one_line_error(path, capsys)


def test_corrupt_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(_zip({"word/document.xml": b"<broken"}))
    assert "无法作为 Word 文件打开" in _one_line_error(path, capsys)
