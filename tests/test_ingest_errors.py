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


def test_indicator_rows_without_their_header_are_said_to_be_the_form_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # an excerpt opening among a form's rows, no header, each row's name and one figure (no
    # shape the forms print): the form is there and could not be rebuilt, not a file without
    # one (ll04's rows, with their targets, are read: tests/test_headerless.py)
    path = tmp_path / "excerpt.txt"
    path.write_text(
        "孕产妇系统管理率 91.2%\n"
        "质量指标 居民电子健康档案动态使用率 56.3%\n"
        "时效指标 补助资金拨付及时率 100%\n"
        "满意度指标 服务对象满意度指标 居民满意度 88.6%\n",
        encoding="utf-8",
    )
    err = _one_line_error(path, capsys)
    assert "中有自评表的栏目" in err and "缺了表头" in err
