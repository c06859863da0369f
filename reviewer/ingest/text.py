"""The text reader: bytes → lines → cells.

Handles UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, and CR, LF or CRLF line ends.
Cells are tab-separated (the published layout), comma-separated (a .csv file), or in one of
the pasted or published layouts that ``layouts`` detects from the first lines (pipes, runs of
spaces, one cell per line, and those whose rows are rebuilt: ``reviewer.ingest.rebuild``).
A blank line, or a form feed, is where the PDF extraction broke the page. The file is read
twice as a stream (once to settle the encoding, once to parse), never held whole in memory.
"""

from __future__ import annotations

import codecs
import io
import itertools
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from reviewer.errors import InputError
from reviewer.grid import Grid, Row
from reviewer.ingest.layouts import (
    REBUILT,
    Layout,
    detect_layout,
    glued_example,
    layout_rows,
    rows_from_lines,
)
from reviewer.ingest.rebuild import Unreadable
from reviewer.ingest.sharing import is_sharing_copy, is_site_line, site_lines_out
from reviewer.lazyre import lazy_compile
from reviewer.limits import Limits, exceeded
from reviewer.model import Leftover
from reviewer.textnorm import is_quoted, unquoted

_CHUNK = 1 << 16
_WHOLE_LINES_BYTES = 16 << 20  # up to this size, a file's longest line may be read whole
_SAMPLE_LINES = 200


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(path: Path) -> str:
    """The file's encoding; InputError for an empty, binary or undecodable file."""
    with path.open("rb") as fh:
        head = fh.read(_CHUNK)
        has_content = bool(head.strip())
        while not has_content and (chunk := fh.read(_CHUNK)):
            has_content = bool(chunk.strip())
    if not has_content:
        raise InputError("输入文件为空，没有可复核的内容")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        if _decodes(path, "utf-16"):
            return "utf-16"
        raise InputError("文件以 UTF-16 标记开头，但内容无法按 UTF-16 解码")
    if b"\x00" in head[:8192]:
        raise InputError("这是二进制文件，不是文本：请提供文本、PDF 或 Excel 格式的自评表")
    if head.startswith(codecs.BOM_UTF8) and _decodes(path, "utf-8-sig"):
        return "utf-8-sig"
    for encoding in ("utf-8", "gb18030"):
        if _decodes(path, encoding):
            return encoding
    raise InputError("无法识别文件编码（已尝试 UTF-8 与 GB18030/GBK）：文件可能已损坏或不是文本")


def split_rows(text: str) -> list[Row]:
    """Rows of an in-memory text in the tab layout (CR, LF or CRLF line ends)."""
    return list(rows_from_lines(io.StringIO(text, newline=None)))


def text_rows(
    lines: Iterable[str], layout: Layout | None = None, taken: list[Leftover] | None = None
) -> tuple[Layout, Iterator[Row]]:
    """Rows of a text in ``layout``, else in whichever layout its first lines show; and that
    layout.

    Unreadable when the text cannot be cut into cells without guessing (glued or scrambled).
    A document-sharing site's own lines are taken out into ``taken`` where it is given.
    """
    it = iter(lines)
    sample = list(itertools.islice(it, _SAMPLE_LINES))
    stripped = [line.rstrip("\r\n") for line in sample]
    if taken is not None and is_sharing_copy(stripped):
        # a sharing site's copy: its own lines out; the pages' numbers off where the text is
        # read as a stream of cells (a row's a page's number cuts is mirror's, or the spaced
        # reader's, to join again)
        cleaned = [s for s in stripped if not is_site_line(s)]
        markers = (layout or detect_layout(cleaned)) in REBUILT
        lines = site_lines_out(itertools.chain(sample, it), taken, markers)
        it = iter(lines)
        sample = list(itertools.islice(it, _SAMPLE_LINES))
        stripped = [line.rstrip("\r\n") for line in sample]
    if is_quoted(stripped):
        # a forwarded mail's quoted text (> before each line): its quote marks are no cells
        it = (unquoted(line) for line in itertools.chain(sample, it))
        sample = list(itertools.islice(it, _SAMPLE_LINES))
        stripped = [line.rstrip("\r\n") for line in sample]
    layout = layout or detect_layout(stripped)
    if layout is Layout.GLUED:
        example = glued_example([s for s in stripped if s.strip()])
        raise Unreadable(f"没有单元格分隔（数字粘连，如“{example}”）")
    return layout, layout_rows(itertools.chain(sample, it), layout, taken)


def _file_lines(path: Path, encoding: str, limits: Limits) -> Iterator[str]:
    """The file's lines; a line longer than ``limits.cell_chars`` is not read whole.

    A file small enough that any line of it fits in memory is read the fast way, line by line
    as Python iterates a file; a larger one line by line in bounded pieces.
    """
    most = limits.cell_chars
    with path.open("r", encoding=encoding, newline=None) as fh:
        lines: Iterator[str] = (
            iter(fh)
            if path.stat().st_size <= _WHOLE_LINES_BYTES
            else iter(lambda: fh.readline(most + 1), "")
        )
        for number, line in enumerate(lines, start=1):
            if len(line) > most and (len(line) > most + 1 or not line.endswith("\n")):
                what = f"第{number}行的内容超过上限 {most:,} 个字符"
                raise exceeded(path.name, what, "cell_chars")
            # a grid drawn in box characters (┌─┬─┐ │ ├─┼─┤) as the ASCII one is (+-+-+ |)
            yield line.translate(_BOX_TO_ASCII) if _BOX_CHARS.search(line) else line


# Box-drawing characters and the ASCII a text grid draws the same lines with.
_BOX_TO_ASCII = str.maketrans(
    {
        **dict.fromkeys("│┃║", "|"),
        **dict.fromkeys("─━═", "-"),
        **dict.fromkeys("┌┐└┘├┤┬┴┼╋┏┓┗┛┣┫┳┻╔╗╚╝╠╣╦╩╬", "+"),
    }
)
# (a line drawn with its corners, tees or uprights only: a scan's ═ alone is an equals sign,
# ═ 100 %)
_BOX_CHARS = lazy_compile("[│┃║┌┐└┘├┤┬┴┼╋┏┓┗┛┣┫┳┻╔╗╚╝╠╣╦╩╬]")


# A short text whose layout reads no table right is read again in the layouts nearest to it, in
# turn, and a reading kept if it reads more (parse.TableStream): a text read line by line that
# holds cells on lines of their own in places (a phone's copy) as a stream of cells the form's
# labels place (flat); pipe rows with cells left out (a web page's) as written, and the other
# way round.
_SECOND = {
    Layout.TABS: (Layout.FLAT,),
    # (and a layout program's text whose first column starts at the margin, pdftotext -layout:
    # by position, a label wrapped in its narrow column, 产出指标(40 / 分), and rows with the
    # first column empty kept in their columns)
    Layout.SPACES: (Layout.FLAT, Layout.FIXED),
    # a scan's rows by position, misread where cells stand one space apart: as a stream
    Layout.FIXED: (Layout.FLAT,),
    # cells a line each with a blank line here and there, not between every row (an excerpt
    # ending in a site's links): the cells as a stream
    Layout.LINES: (Layout.FLAT,),
    Layout.WRAPPED: (Layout.PIPES,),
    Layout.PIPES: (Layout.WRAPPED,),
}
_SECOND_BYTES = 256 << 10


def _read_as(layout: Layout, path: Path, encoding: str, limits: Limits) -> Iterable[Row]:
    try:
        return text_rows(_file_lines(path, encoding, limits), layout, [])[1]
    except Unreadable:
        return []


def read_text(path: Path, limits: Limits) -> Grid:
    encoding = detect_encoding(path)
    stated = Layout.CSV if path.suffix.lower() == ".csv" else None
    taken: list[Leftover] = []
    try:
        layout, rows = text_rows(_file_lines(path, encoding, limits), stated, taken)
    except Unreadable as exc:
        raise InputError(f"{path.name} 的文字{exc.reason}，无法可靠还原表格") from exc
    second: list[tuple[str, Callable[[], Iterable[Row]]]] = []
    if path.stat().st_size <= _SECOND_BYTES:
        second = [
            (f"text/{other}", partial(_read_as, other, path, encoding, limits))
            for other in _SECOND.get(layout, ())
        ]
    return Grid(
        rows=rows,
        source=path.name,
        format="text" if layout is Layout.TABS else f"text/{layout}",
        encoding=encoding,
        second=second,
        extra_leftovers=taken,
    )
