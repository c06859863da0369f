"""A page's furniture in text copied page by page from a PDF viewer.

Such a copy prints, where each page ends, the page's number (第 1 页 共 2 页), then at the top
of the next page its running head (the line the document opened with) and the table's header
printed again. Read as words, these lines run into the rows around them: an explanation broken
by the page gets the page number in its middle, the repeated header's labels become a row.
They are set apart here, by line, before the words are read, and given back as rows whose
cells are already used: accounted for as printed, never read into the table.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.grid import Cell, Row
from reviewer.ingest.rebuild.anchors import ENDS, Kind, kinds, names_columns
from reviewer.lazyre import lazy_compile
from reviewer.parse.labels import is_scan_mark, label_kind
from reviewer.textnorm import PAGE_NUMBER

_TITLE_LOOKAHEAD = 4  # lines after a title within which a table's first header key comes
_HEAD_LINES = 2  # the document's first lines, a running head a page's top may repeat


def _opens(lines: Sequence[str], i: int) -> bool:
    """The title on line ``i`` opens a table: a header key (项目名称 …) follows it closely,
    maybe after a scan's rule read as a bar (| 项目名称, l 项目名称)."""
    after = [s.split() for s in lines[i + 1 :] if s.strip()][:_TITLE_LOOKAHEAD]
    return any(
        Kind.KEY in kinds(words[1] if words[0] in _BARS and len(words) > 1 else words[0])
        for words in after
    )


_BARS = frozenset({"|", "｜", "l", "I"})
_SCAN_PAGE = lazy_compile(r"^P\d{1,4}$")  # 扫描 P2: a scan's page marker's last word


# A report's name as a running head prints it: its year, then 绩效 or 自评, no sentence.
_REPORT_NAME = lazy_compile(r"\d{4}年度?[^,，。;；:：]{0,16}(?:绩效|自评)[^,，。;；:：]{0,12}$")
_MAX_HEAD = 48


def _names_the_report(text: str) -> bool:
    return len(text) <= _MAX_HEAD and _REPORT_NAME.search(text) is not None


_MAX_PAGE = 999


# A page's number of the pages' count (1/2, 2 / 3).
_FIGURE = lazy_compile(r"^[\d.,%％\s]+$")
_OF_PAGES = lazy_compile(r"^(\d{1,3})\s*/\s*(\d{1,3})$")


def _bare_page_number(lines: Sequence[str], i: int, openings: set[str]) -> bool:
    """A page's number printed bare (2) or of the pages' count (1/2), known by the running
    head on the line after it; the count's last page by ending the text."""
    text = lines[i].strip()
    of = _OF_PAGES.match(text)
    if of is not None and int(of.group(1)) > int(of.group(2)):
        return False
    if of is None and (not (text.isascii() and text.isdigit()) or int(text) > _MAX_PAGE):
        return False
    rest = [k for k in range(i + 1, len(lines)) if lines[k].strip()][:2]
    head = " ".join(lines[rest[0]].split()) if rest else ""
    if not head:
        return of is not None and of.group(1) == of.group(2)
    foot = next((lines[k].strip() for k in range(i - 1, -1, -1) if lines[k].strip()), "")
    if (_names_the_report(foot) or _head_titled(foot.split())) and not _FIGURE.match(head):
        return True  # the page's foot: the report's name, then its number (…绩效自评 / 2)
    after = "".join(lines[rest[1]].split()) if len(rest) > 1 else ""
    if PAGE_NUMBER.match(after) or (
        after.isascii() and after.isdigit() and _names_the_report(head)
    ):
        # the report's name over its page's number (…自评 / 2): the page's foot, ``text`` a
        # row's last figure (…2个工作日 / 5)
        return False
    if len(rest) > 1 and _BODY.match(head) is not None:
        # the head over two lines: the issuer, then the form's title (柳河县农业农村局 /
        # 2022年度项目支出绩效自评表)
        second = " ".join(lines[rest[1]].split())
        if _head_titled(second.split()) or _names_the_report(second):
            return True
    return head in openings or _head_titled(head.split()) or _names_the_report(head)


def _head_titled(words: Sequence[str]) -> bool:
    """A running head of the form's title, alone or after its issuer's name (蕉岭县住房和城乡
    建设局 项目支出绩效自评表)."""
    if not words:
        return False
    if Kind.TITLE in kinds(words[0]):
        return True
    return len(words) == 2 and _BODY.match(words[0]) is not None and Kind.TITLE in kinds(words[1])


# An issuing body's name (怀来县卫生健康局), as a running head prints it.
_BODY = lazy_compile(r"^[\u4e00-\u9fff]{2,30}(?:局|委员会|委|办公室|办|中心|政府|院|站|所|厅|馆)$")


def _names_the_issuer(text: str, before: Sequence[str]) -> bool:
    """``text`` is the name of a body the lines ``before`` named (409001-怀来县卫生健康局, or
    a field's value among others: 地方主管部门  都安瑶族自治县教育局  资金使用单位 …)."""
    return _BODY.match(text) is not None and any(
        s.strip().endswith(text) or text in s.split() for s in before
    )


def _title_over_rows(lines: Sequence[str], i: int, above: str) -> bool:
    """The form's title as a page's foot (…委员会项目支出绩效自评表 over its page's number, line
    ``i``), known by the indicator rows going on after the break (a category's label next,
    效益指标（30分）): a table opened there would begin with its name or its funds."""
    if Kind.TITLE not in kinds(above):
        return False
    after = next((s.strip() for s in lines[i + 1 :] if s.strip()), "")
    return label_kind(after) is not None


def _signed_page_number(words: list[str], openings: set[str]) -> bool:
    """A page's foot: the issuer's or the report's name, then the page's number, on one line
    (洋县扶贫开发局        第 2 页)."""
    if len(words) < 2 or not (words[-1].endswith("页") or _SCAN_PAGE.match(words[-1])):
        return False
    for k in range(len(words) - 1, 0, -1):  # the number may be printed in pieces (第 2 页)
        if PAGE_NUMBER.match("".join(words[k:])):
            head = " ".join(words[:k])
            return (
                head in openings
                or _BODY.match(head) is not None
                or _names_the_report(head)
                or _head_titled(words[:k])
            )
    return False


def _head_wrapped(lines: Sequence[str], i: int, text: str) -> int | None:
    """The index of the line that ends a running head wrapped after ``text`` (line ``i``:
    2021年度转移支付区域 / 绩效目标自评表), or None."""
    two = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
    if two is None:
        return None
    joined = text + "".join(lines[two].split())
    first = kinds(joined)
    if (Kind.TITLE in first and not _opens(lines, two)) or _names_the_report(joined):
        return two
    return None


def page_furniture(lines: Sequence[str], headers: bool = True) -> dict[int, str]:
    """The furniture lines (index → the line's text, its spaces collapsed): each page number,
    and the lines right after it that repeat the document's first line or an earlier page's
    (never a table's title: the next table may open the page), or (``headers``) the indicator
    header of a section the page break interrupted."""
    found: dict[int, str] = {}
    openings: set[str] = set()  # the texts that opened the document or a page
    # the document's first lines: a running head wrapped over two (涞水县农业农村局2021年度预算
    # 项目 / 绩效自评表) is printed again whole at each page's top
    openings.update(" ".join(s.split()) for s in [s for s in lines if s.strip()][:_HEAD_LINES])
    header = ""  # the header of the indicator section being read, "" outside one
    after_break = False
    last = max((i for i, s in enumerate(lines) if s.strip()), default=-1)
    pages: list[int] = []  # the bare page numbers found so far
    for i, line in enumerate(lines):
        words = line.split()
        if not words:
            continue
        text = " ".join(words)
        if (
            PAGE_NUMBER.match("".join(words))
            or _scan_head(words)
            or _bare_page_number(lines, i, openings)
            or _signed_page_number(words, openings)
            # the last page's bare number, the text's last line (总分 / 100 / 99.66 / 3)
            or (
                i == last
                and bool(pages)
                and text.isascii()
                and text.isdigit()
                and 0 < int(text) - pages[-1] <= 2
            )
        ):
            found[i] = text
            if text.isascii() and text.isdigit():
                pages.append(int(text))
            after_break = True
            # the page's foot over two lines: the report's name, then its number
            foot = next((k for k in range(i - 1, -1, -1) if lines[k].strip()), None)
            if foot is not None and foot not in found:
                above = " ".join(lines[foot].split())
                if (
                    _names_the_report(above)
                    or (above in openings and foot > _HEAD_LINES)
                    or _title_over_rows(lines, i, above)
                    or (" " in above and _head_titled(above.split()))  # its issuer, its title
                ):
                    found[foot] = above
            continue
        if after_break and headers and text == header:
            found[i] = text
            continue
        first = kinds(words[0])
        if (
            after_break
            and (
                text in openings
                or Kind.TITLE in first
                or _head_titled(words)
                or _names_the_report(text)
                or _names_the_issuer(text, lines[:i])
            )
            # (not the next table's title, whatever precedes it on its line: 附表4 2024年度…)
            and not (any(Kind.TITLE in kinds(w) for w in words) and _opens(lines, i))
        ):
            # the running head: the document's opening line, or the form's title with its
            # issuer (施甸县农业农村局2024年度项目支出绩效自评表) opening no table, or the
            # report's name (…农业农村局2022年度项目绩效自评), or its issuer's
            found[i] = text
            continue
        if (
            after_break
            # (a title that opens a table, 项目名称 next, is no head's second line)
            and not (any(Kind.TITLE in kinds(w) for w in words) and _opens(lines, i))
            and (two := _head_wrapped(lines, i, text)) is not None
        ):
            found[i], found[two] = text, " ".join(lines[two].split())  # a head over two lines
            continue
        if after_break:
            # a page's first line may head the pages after it; a figure (a row's cells the
            # break cut off: 10 / 10) heads none, and would make every later 10 a page number
            if not _FIGURE.match(text):
                openings.add(text)
            after_break = False
        if names_columns(words):
            header = text
        elif first & ENDS:
            header = ""  # the section ended (总分, a field, the next table)
    # the running head atop the first page too, where later pages print it again; not the
    # form's title (…部门整体支出绩效自评表), which the table is read with
    printed_again = set(found.values())
    for i in [i for i, s in enumerate(lines) if s.strip()][:_HEAD_LINES]:
        words = lines[i].split()
        if (
            i not in found
            and (text := " ".join(words)) in printed_again
            and not any(Kind.TITLE in kinds(w) for w in words)
        ):
            found[i] = text
    return found


def _scan_head(words: list[str]) -> bool:
    """A scan's page head: its issuer beside the scan's mark, a date or the page's number on
    one line (商水县财政局绩效管理股 扫描件 2023-04-18 第1页/共2页, 某局 扫描全能王 2025.03),
    none of its words the form's."""
    if not 1 < len(words) <= _HEAD_WORDS or any("表" in w or label_kind(w) for w in words):
        return False  # (a title marked 扫描 opens the form: no page's head)
    marked = any(is_scan_mark(w) for w in words)
    return any(PAGE_NUMBER.match(w) for w in words) or (
        marked and any(_DATE.match(w) for w in words)
    )


_HEAD_WORDS = 5
_DATE = lazy_compile(r"^\d{4}[-./年]\d{1,2}(?:[-./月]\d{1,2}日?)?$")


def with_furniture(rows: list[Row], furniture: dict[int, str]) -> list[Row]:
    """``rows`` with a row for each furniture line (index → text) put back in line order, its
    cell used."""
    if not furniture:
        return rows
    out: list[Row] = []
    pending = sorted(furniture.items())
    for row in rows:
        while pending and pending[0][0] + 1 < row.line:
            out.append(_row(*pending.pop(0)))
        out.append(row)
    out.extend(_row(i, text) for i, text in pending)
    return out


def _row(index: int, text: str) -> Row:
    line = index + 1
    return Row(cells=[Cell(text, line, 1, text, used=True, where={"line": line})], line=line)
