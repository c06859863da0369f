"""Which reader a file needs, decided by its content first and its extension second.

A PDF starts with ``%PDF-`` (after at most 1 KiB of junk, as the format allows); .xlsx and
.docx are zip packages holding ``xl/`` or ``word/``; the legacy binary .doc / .xls (and
password-protected .xlsx / .docx, which Office wraps the same way) are OLE2 compound files, of
which a workbook (a ``Workbook`` stream: .xls) is read, the others refused.
A web page (named .html / .htm, or text that starts ``<!DOCTYPE html`` or ``<html``) is read
as HTML; one saved as a single file (.mhtml / .mht, or a MIME multipart/related message) from
its HTML part. Everything else is text. A file whose extension promises a container its content
does not hold is damaged or misnamed: that is said plainly rather than read as text.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from reviewer.errors import InputError

PDF = "pdf"
XLSX = "xlsx"
DOCX = "docx"
HTML = "html"
MHTML = "mhtml"
XLS = "xls"
TEXT = "text"

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_ENCRYPTED_STREAM = "EncryptionInfo".encode("utf-16-le")
# The stream a legacy Excel workbook keeps its sheets in (Excel 97 and later; BIFF5: Book).
_WORKBOOK_STREAMS = ("Workbook".encode("utf-16-le"), "Book\x00".encode("utf-16-le"))
_CONTAINER_EXTENSIONS = {
    ".pdf": "PDF",
    ".xlsx": "Excel",
    ".xlsm": "Excel",
    ".docx": "Word",
    ".xls": "Excel",
    ".doc": "Word",
}
_CHUNK = 1 << 20

# What a folder given to batch review is searched for: every suffix a reader takes, and the
# legacy .doc, so that such a file is listed with how to convert it, not silently skipped.
INPUT_SUFFIXES = (
    ".txt", ".tsv", ".csv", ".md", ".markdown", ".html", ".htm", ".mhtml", ".mht", ".pdf",
    ".xlsx", ".xlsm", ".docx", ".doc", ".xls",
)  # fmt: skip
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_HTML_STARTS = (b"<!doctype html", b"<html")
_MHTML_SUFFIXES = (".mhtml", ".mht")


def _found(path: Path, needles: tuple[bytes, ...]) -> set[bytes]:
    """Which of ``needles`` occur in the file, read once in chunks."""
    found: set[bytes] = set()
    keep = max(len(n) for n in needles) - 1
    tail = b""
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            window = tail + chunk
            found.update(n for n in needles if n in window)
            tail = window[-keep:] if keep else b""
    return found


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{path.name} 是已损坏的压缩包（.xlsx/.docx），无法打开") from exc
    if any(n.startswith("xl/") for n in names):
        return XLSX
    if any(n.startswith("word/") for n in names):
        return DOCX
    raise InputError(f"{path.name} 是压缩包，但不是 Excel（.xlsx）或 Word（.docx）文件")


def _ole2_error(path: Path, encrypted: bool) -> InputError:
    if encrypted:
        return InputError(
            f"{path.name} 是设有打开密码的 Office 文件：请去除密码后另存为 .xlsx 或 .docx 再复核"
        )
    return InputError(
        f"{path.name} 是旧版 Word/Excel 二进制格式（.doc，或无法识别的 .xls）："
        "请另存为 .docx 或 .xlsx 后再复核"
    )


def sniff(path: Path) -> str:
    """The reader ``path`` needs: PDF, XLSX, XLS, DOCX, HTML, MHTML or TEXT; InputError for what
    none can read."""
    with path.open("rb") as fh:
        head = fh.read(1024)
    if head.startswith(_OLE2):
        streams = _found(path, (_ENCRYPTED_STREAM, *_WORKBOOK_STREAMS))
        encrypted = _ENCRYPTED_STREAM in streams
        if not encrypted and streams:
            return XLS
        raise _ole2_error(path, encrypted)
    if head.startswith(_ZIP):
        return _zip_kind(path)
    if b"%PDF-" in head:
        return PDF
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:14].lower()
    if path.suffix.lower() in _HTML_SUFFIXES or start.startswith(_HTML_STARTS):
        return HTML
    if path.suffix.lower() in _MHTML_SUFFIXES or (
        b"multipart/related" in head.lower() and b"mime-version" in head.lower()
    ):
        return MHTML
    kind = _CONTAINER_EXTENSIONS.get(path.suffix.lower())
    if kind is not None and head.strip():
        raise InputError(
            f"{path.name} 的扩展名是 {path.suffix}，但内容不是 {kind} 文件："
            "文件可能已损坏或扩展名有误"
        )
    return TEXT
