"""The web page reader (.html, saved from a browser or a government site): tables and the text
around them, in document order.

Published tables often reach reviewers as web pages. A table cell is located by table, row and
column (``第2个表格第3行第4格``), its column counted as a browser lays it out: a cell spanning
columns (``colspan``) is one cell at its first column, a cell spanning rows (``rowspan``) holds
its text in its first row and leaves its column taken in the rows below, so its label is read
once, at the top of what it spans (as the Word reader reads merged cells). Line breaks inside a
cell (``<br>``, paragraphs) are kept as line breaks. Text outside tables is read a block
(paragraph, heading, list item, line) at a time, cut into cells at tabs or runs of spaces (at
its pipes, for a table pasted as pipe rows), and located by its block number (shown as a line). Scripts, styles and the page's head are not read.
The file is read in pieces, never held whole; a page saved as one file (.mhtml, 网页，单个文件)
is read from its HTML part.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from reviewer.errors import InputError
from reviewer.grid import IMAGE_TABLE, Cell, Grid, Row
from reviewer.ingest.layouts import split_piped, split_spaced
from reviewer.ingest.text import detect_encoding
from reviewer.lazyre import lazy_compile
from reviewer.limits import Limits
from reviewer.model import Leftover, Location
from reviewer.parse.labels import is_page_line, is_site_furniture
from reviewer.textnorm import clean_cell

_CHUNK = 1 << 16
_SKIPPED = frozenset({"script", "style", "head", "template", "noscript"})
# Tags that end a block of text outside a table, or a line inside a cell.
_BLOCKS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
        "article", "header", "footer", "blockquote", "pre", "hr", "dt", "dd", "caption", "title",
    }
)  # fmt: skip
# A form has a few dozen columns at most: columns past this many, and spans larger than these,
# are typos or traps (a page of cells spanning 1,000 columns and rows would cost a reader
# laying it out cell by cell time to the square), and are cut to them.
_MAX_COLUMN = 200
_MAX_ROWSPAN = 10_000
# Elements a browser does not show (style="display:none", the hidden attribute): an old value
# left in the page beside the shown one is not the table's.
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base"})
_MAX_HIDDEN_TEXT = 200
_HIDDEN_REASON = "网页中设为不显示（display:none）的内容，浏览时看不到，未纳入复核"
# Text struck through (<del>80%</del> 85%): a value the page shows as replaced, not the cell's.
_STRUCK = frozenset({"del", "s", "strike"})
_STRUCK_REASON = "网页中划去（删除线）的内容，已被替换，未纳入复核"
# The site's own parts around the article (its menu, the breadcrumb, the footer): read as the
# page's furniture, their text used, no table's; by tag, or by a class or id naming the part.
_CHROME_TAGS = frozenset({"nav", "footer"})
_CHROME_NAME = lazy_compile(
    r"(?i)(?:^|[\s_-])(?:nav|navbar|menu|crumbs?|breadcrumbs?|footer|foot|copyright|logo|share"
    r"|position|location|sidebar)(?:$|[\s_-])"
)


def _chrome(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """An element that is the site's own part (see ``_CHROME_NAME``)."""
    if tag in _CHROME_TAGS:
        return True
    return any(k in ("class", "id") and v and _CHROME_NAME.search(v) for k, v in attrs)


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "hidden":
            return True
        if name == "style" and value and "display:none" in value.replace(" ", "").lower():
            return True
    return False


_TABLE_TAGS = frozenset({"table", "tr", "td", "th"})
# A style laying other elements out as a table (a CMS's <div style="display:table-row">).
_CSS_DISPLAY = lazy_compile(
    r"display\s*:\s*(table(?:-row|-cell)?|inline-table)(?![\w-])", re.IGNORECASE
)  # (not table-row-group nor table-header-group: a <tbody>'s and <thead>'s, no row)
_DISPLAY_ROLE = {"table": "table", "inline-table": "table", "table-row": "tr", "table-cell": "td"}
# A row laid out by flexbox or a grid (a WeChat article's <section style="display:flex"> of
# <section> cells, no <table> at all): a table's row, its child elements its cells.
_FLEX_ROW = lazy_compile(r"display\s*:\s*(?:inline-)?(?:flex|grid)(?![\w-])", re.IGNORECASE)
# A grid row's cell spanning columns (grid-column:span 3): as a cell's colspan.
_GRID_SPAN = lazy_compile(r"grid-column\s*:\s*span\s+(\d+)", re.IGNORECASE)
_FLEX_COLUMN = lazy_compile(r"flex-direction\s*:\s*column", re.IGNORECASE)


def _flex_row(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "style" and value and ("flex" in value or "grid" in value):
            return _FLEX_ROW.search(value) is not None and _FLEX_COLUMN.search(value) is None
    return False


def _spanned(attrs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """A flex or grid row's cell as a <td>: its grid-column span as its colspan."""
    for name, value in attrs:
        if name == "style" and value and (m := _GRID_SPAN.search(value)) is not None:
            return [("colspan", m.group(1))]
    return []


def _css_role(attrs: list[tuple[str, str | None]], styles: dict[str, str]) -> str | None:
    """The table part (table, tr, td) an element's style, or its class's in the page's style
    sheet, shows it as; or None."""
    role = None
    for name, value in attrs:
        if name == "style" and value and "table" in value.lower():
            found = _CSS_DISPLAY.search(value)
            if found is not None:
                return _DISPLAY_ROLE[found.group(1).lower()]
        elif name == "class" and value and styles:
            role = next((styles[c] for c in value.split() if c in styles), role)
    return role


_MAX_SHEET = 1 << 18  # characters of style sheets read for their table layouts
_RULE = lazy_compile(r"([^{}]+)\{([^{}]*)\}")
_LAST_CLASS = lazy_compile(r"\.([\w-]+)\s*$")


def _sheet_roles(sheet: str) -> dict[str, str]:
    """The classes a style sheet lays out as a table's parts (.grid .tr { display:table-row })."""
    roles: dict[str, str] = {}
    for selectors, body in _RULE.findall(sheet):
        found = _CSS_DISPLAY.search(body)
        if found is None:
            continue
        for selector in selectors.split(","):
            last = _LAST_CLASS.search(selector)
            if last is not None:
                roles[last.group(1)] = _DISPLAY_ROLE[found.group(1).lower()]
    return roles


def _span(value: str | None, most: int) -> int:
    try:
        return min(max(int(value or "1"), 1), most)
    except ValueError:
        return 1


class _Table:
    """A table being read: its number, its current row, and the columns that cells spanning
    rows from above still take (column → the last row it is taken in)."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.row = 0
        self.taken: dict[int, int] = {}
        self.cells: list[Cell] = []
        self.column = 1

    def start_row(self) -> None:
        self.row += 1
        self.cells = []
        self.column = 1

    def place(self, colspan: int, rowspan: int) -> int:
        """The column a new cell starts at (past the columns taken from above)."""
        taken, row = self.taken, self.row
        while self.column < _MAX_COLUMN and taken.get(self.column, 0) >= row:
            self.column += 1
        start = self.column
        end = min(start + colspan, _MAX_COLUMN)
        if rowspan > 1:
            for c in range(start, end):
                taken[c] = row + rowspan - 1
        self.column = max(end, start)
        return start


class _Reader(HTMLParser):
    def __init__(self, leftovers: list[Leftover]) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[Row] = []  # rows finished, taken by the caller after each piece
        self.leftovers = leftovers  # what the page holds and does not show
        self.hiding: tuple[str, int] | None = None  # the hidden element's tag, its depth
        self.hiding_reason = _HIDDEN_REASON  # why its text is left out: unseen, or struck
        self.hidden_text: list[str] = []
        self.line = 0
        self.blocks = 0
        self.tables = 0
        self.skipping: list[str] = []
        self.stack: list[_Table] = []  # tables inside tables
        self.text: list[str] = []  # the text of the block or cell being read
        self.cell: tuple[int, int] | None = None  # (column, table number) of the open cell
        self.depth: dict[str, int] = {}  # per tag, how many of its elements are open
        self.styles: dict[str, str] = {}  # class → the table part a style sheet shows it as
        self.sheet: list[str] = []  # the text of the <style> being read
        self.sheet_size = 0
        self.roles: list[tuple[str, int, str]] = []  # elements a style shows as a table's part
        self.chrome: tuple[str, int] | None = None  # the site's part being read: tag, depth
        self.sup: list[str] | None = None  # the text of a cell's <sup> being read
        self.level = 0  # elements open (void ones aside)
        self.flex_rows: list[int] = []  # the levels of the flex rows open (see _FLEX_ROW)
        self.flex_table: int | None = None  # the level of the flex rows' parent, their table

    # -- text outside tables, and cells -------------------------------------------------------

    def _flush_block(self) -> None:
        text = "".join(self.text)
        self.text = []
        if not text.strip():
            return
        self.blocks += 1
        for piece in text.splitlines():
            # a table pasted as pipe rows into paragraphs (a mirror site's copy) is cut at pipes
            cells = split_piped(piece, self.line + 1)
            if cells is None:
                cells = split_spaced(piece, self.line + 1)
            if cells:
                self.line += 1
                for c in cells:
                    c.where = {"line": self.blocks, "column": c.column}
                    # the site's menu, breadcrumb and footer, its page's date and its links
                    c.used = (
                        self.chrome is not None or is_site_furniture(c.text) or is_page_line(c.text)
                    )
                self.rows.append(Row(cells=cells, line=self.line))

    def _open_cell(self, attrs: list[tuple[str, str | None]]) -> None:
        table = self.stack[-1]
        if self.cell is not None:
            self._close_cell()
        if table.row == 0:
            table.start_row()  # a cell outside any <tr>
        values = dict(attrs)
        colspan = _span(values.get("colspan"), _MAX_COLUMN)
        column = table.place(colspan, _span(values.get("rowspan"), _MAX_ROWSPAN))
        self.cell = (column, table.number)
        self.text = []

    def _close_cell(self) -> None:
        if self.cell is None:
            return
        column, _ = self.cell
        table = self.stack[-1]
        raw = "".join(self.text).strip("\n")
        self.text = []
        self.cell = None
        text = clean_cell(raw)
        if text:
            where = {"table": table.number, "row": table.row, "column": column}
            table.cells.append(Cell(text, self.line + 1, column, raw, where=where))

    def _end_row(self) -> None:
        self._close_cell()
        table = self.stack[-1]
        if table.cells:
            self.line += 1
            for c in table.cells:
                c.line = self.line
            self.rows.append(Row(cells=table.cells, line=self.line))
        table.cells = []

    # -- the parser's events ------------------------------------------------------------------

    def _hide(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Track the element a browser does not show; True while inside one."""
        if self.hiding is not None:
            hidden_tag, depth = self.hiding
            if tag == hidden_tag and tag not in _VOID:
                self.hiding = (hidden_tag, depth + 1)
            return True
        struck = tag in _STRUCK
        if tag in _VOID or not (struck or _hidden(attrs)):
            return False
        self.hiding = (tag, 1)
        self.hiding_reason = _STRUCK_REASON if struck else _HIDDEN_REASON
        if tag == "tr" and self.stack:
            # a hidden row still counts in the rowspans around it (a sheet's hidden template
            # row inside 产出指标's rowspan=6): its place is taken, its cells are not read
            if self.stack[-1].row and (self.stack[-1].cells or self.cell is not None):
                self._end_row()
            self.stack[-1].start_row()
        return True

    def _shown_again(self, tag: str) -> bool:
        """At an end tag inside a hidden element: True while still inside it; its text is
        reported when it ends."""
        if self.hiding is None:
            return False
        hidden_tag, depth = self.hiding
        if tag != hidden_tag:
            return True
        if depth > 1:
            self.hiding = (hidden_tag, depth - 1)
            return True
        self.hiding = None
        text = clean_cell(" ".join(self.hidden_text))[:_MAX_HIDDEN_TEXT]
        self.hidden_text = []
        if text:
            self.leftovers.append(
                Leftover(
                    text=text,
                    location=Location(line=self.line + 1),
                    reason=self.hiding_reason,
                )
            )
        return True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping and self._hide(tag, attrs):
            return
        if self.skipping or tag in _SKIPPED:
            if tag in _SKIPPED:
                self.skipping.append(tag)
            return
        if tag not in _VOID:
            depth = self.depth[tag] = self.depth.get(tag, 0) + 1
            self.level += 1
            if self.chrome is None and not self.stack and _chrome(tag, attrs):
                self._flush_block()  # the text before it is the page's own
                self.chrome = (tag, depth)
            role = _css_role(attrs, self.styles) if tag not in _TABLE_TAGS else None
            flexed = None
            if role is None and tag not in _TABLE_TAGS:
                role = flexed = self._flex_role(attrs)
            if role is not None:  # <div style="display:table-cell">: read as the cell it shows
                self.roles.append((tag, depth, role))
                tag, attrs = role, _spanned(attrs) if flexed == "td" else []
        self._start(tag, attrs)

    def _flex_role(self, attrs: list[tuple[str, str | None]]) -> str | None:
        """The table part a flexbox layout shows an element as: a flex row outside any table
        (or in the flex rows' own) a row, the first of them opening a table; a flex row's
        child a cell; an element beside the rows that is none of them ends their table."""
        level = self.level
        if self.flex_rows and level > self.flex_rows[-1]:
            child = level == self.flex_rows[-1] + 1
            if _flex_row(attrs) and (child or self.cell is not None):
                # a cell that is itself a row of cells, or a row inside a cell (年初 | 全年 under
                # one label): its children are the row's cells, in order
                self.flex_rows.append(level)
                return None
            return "td" if child else None
        if self.flex_table is not None and level == self.flex_table + 1:
            if _flex_row(attrs):
                self.flex_rows.append(level)
                return "tr"
            self._end("table")  # (a paragraph after the rows: their table ends)
            self.flex_table = None
            return None
        if self.stack or self.flex_rows or not _flex_row(attrs):
            return None
        self._start("table", [])
        self.flex_table = level - 1
        self.flex_rows.append(level)
        return "tr"

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "sup" and self.cell is not None and self.sup is None:
            self.sup = []
        elif tag == "img":
            self._picture(attrs)
        elif tag == "table":
            if self.stack and self.cell is not None:
                self._close_cell()  # a table inside a cell: its rows are read as rows
            elif not self.stack:
                self._flush_block()
            self.tables += 1
            self.stack.append(_Table(self.tables))
        elif self.stack and tag == "tr":
            if self.stack[-1].row and (self.stack[-1].cells or self.cell is not None):
                self._end_row()
            self.stack[-1].start_row()
        elif self.stack and tag in ("td", "th"):
            self._open_cell(attrs)
        elif tag in _BLOCKS:
            if self.cell is not None:
                self.text.append("\n")
            elif not self.stack:
                self._flush_block()

    def _picture(self, attrs: list[tuple[str, str | None]]) -> None:
        """A picture whose description names the form: a table published as an image, which
        no text reading can review; said so, where it stands."""
        said = " ".join(v for k, v in attrs if k in ("alt", "title") and v)
        said = clean_cell(said)[:_MAX_HIDDEN_TEXT]
        if _names_a_form(said):
            self.leftovers.append(
                Leftover(
                    text=f"[图片]{said}", location=Location(line=self.line + 1), reason=IMAGE_TABLE
                )
            )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.skipping and self._shown_again(tag):
            return
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
                if tag == "style":
                    self.styles.update(_sheet_roles("".join(self.sheet)))
                    self.sheet = []
            return
        depth = self.depth.get(tag, 0)
        if depth:
            self.depth[tag] = depth - 1
        level = self.level
        if tag not in _VOID and level:
            self.level = level - 1
        if self.flex_rows and self.flex_rows[-1] == level:
            self.flex_rows.pop()  # a flex row ends (a cell's own row too)
        if self.roles and self.roles[-1][:2] == (tag, depth):
            tag = self.roles.pop()[2]  # the end of an element shown as a table's part
        self._end(tag)
        if self.flex_table is not None and level == self.flex_table:
            self._end("table")  # the flex rows' parent ends: their table with it
            self.flex_table = None
        if self.chrome == (tag, depth):
            self._flush_block()  # the site's part ends: its text read as its
            self.chrome = None

    def _end(self, tag: str) -> None:
        if tag == "sup" and self.sup is not None:
            mark, self.sup = "".join(self.sup), None
            if not _footnote_mark(mark, "".join(self.text)):
                self.text.append(mark)  # (m<sup>2</sup>: the unit's square, kept)
            return
        if tag == "table" and self.stack:
            if self.cell is not None or self.stack[-1].cells:
                self._end_row()
            self.stack.pop()
        elif self.stack and tag == "tr":
            self._end_row()
        elif self.stack and tag in ("td", "th"):
            self._close_cell()
        elif tag in _BLOCKS and not self.stack:
            self._flush_block()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            if self.skipping[-1] == "style" and self.sheet_size < _MAX_SHEET:
                self.sheet.append(data)
                self.sheet_size += len(data)
            return
        if self.hiding is not None:
            self.hidden_text.append(data)
            return
        if self.sup is not None:
            self.sup.append(data)
            return
        if self.stack and self.cell is None:
            if data.strip():  # text in a table but in no cell: read as a block of its own
                self.text = [data]
                self._flush_block()
            return
        self.text.append(data)

    def finish(self) -> None:
        self.close()
        self.skipping = []  # a script or style left open runs to the end of the page
        while self.stack:  # tables left open end with the page
            self.handle_endtag("table")
        self._flush_block()


# A footnote's mark raised after a cell's figure or word (98.50%<sup>1</sup>, 62公斤<sup>2</sup>,
# <sup>※</sup>): the note's number, no digit of the figure. After a Latin letter it is a power
# (m<sup>2</sup>, 平方米 as m²), kept.
_FOOTNOTE_MARK = lazy_compile(r"\s*(?:[(（\[]?\d{1,2}[)）\]]?|[*※#†‡]|[①-⑳])\s*")


def _footnote_mark(mark: str, before: str) -> bool:
    if _FOOTNOTE_MARK.fullmatch(mark) is None:
        return False
    tail = before.rstrip()[-1:]
    return tail != "" and not (tail.isascii() and tail.isalpha())


def _names_a_form(text: str) -> bool:
    """A picture's description naming a form: 绩效自评表, 项目支出绩效自评表（图）."""
    return "表" in text and ("绩效" in text or "自评" in text)


def _rows(chunks: Iterable[str], leftovers: list[Leftover]) -> Iterator[Row]:
    reader = _Reader(leftovers)
    for chunk in chunks:
        reader.feed(chunk)
        yield from reader.rows
        reader.rows = []
    reader.finish()
    yield from reader.rows


def _file_chunks(path: Path, encoding: str) -> Iterator[str]:
    with path.open("r", encoding=encoding, newline=None) as fh:
        while chunk := fh.read(_CHUNK):
            yield chunk


def read_html(path: Path, limits: Limits) -> Grid:
    encoding = detect_encoding(path)
    hidden: list[Leftover] = []
    rows = _rows(_file_chunks(path, encoding), hidden)
    return Grid(
        rows=rows, source=path.name, format="html", encoding=encoding, extra_leftovers=hidden
    )


def read_mhtml(path: Path, limits: Limits) -> Grid:
    """A page saved as one file (.mhtml / .mht: 网页，单个文件): its HTML part, decoded as its
    headers say (quoted-printable or base64, in its charset)."""
    with path.open("rb") as fh:
        message = email.message_from_binary_file(fh, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            data = part.get_payload(decode=True)
            text = _decoded(data if isinstance(data, bytes) else b"", part.get_content_charset())
            if text is None:
                raise InputError(f"{path.name} 的网页部分无法按其字符集解码：文件可能已损坏")
            hidden: list[Leftover] = []
            return Grid(
                rows=_rows([text], hidden), source=path.name, format="mhtml", extra_leftovers=hidden
            )
    raise InputError(f"{path.name} 是单文件网页（MHTML），但其中没有 HTML 网页部分")


# Pages labelled GB2312 or GBK often hold characters only GB18030 has: read them as GB18030.
_GB = frozenset({"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030"})


def _decoded(data: bytes, charset: str | None) -> str | None:
    """``data`` decoded as its charset says (GB charsets as GB18030), else as UTF-8 or GB18030;
    None when none decodes it whole (nothing is replaced silently)."""
    label = (charset or "").lower()
    for encoding in ("gb18030" if label in _GB else label, "utf-8", "gb18030"):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return None
