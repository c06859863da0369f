"""Grid → Report: split the rows into tables, parse each, account for every cell.

Tables are parsed one at a time as the rows arrive, so that a large file is never held in
memory as rows: only the parsed tables (or, with ``iter_tables``, not even those) remain.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import chain

from reviewer.forms.families import get_family
from reviewer.grid import LOOK_ALIKE, UNRECOGNISED, Cell, Grid, Row, account
from reviewer.lazyre import lazy_compile
from reviewer.model import Accounting, EvaluationTable, Leftover, Report, SummaryEntry
from reviewer.parse.beside import funds_beside
from reviewer.parse.compound import split_compound
from reviewer.parse.details import DetailMatcher
from reviewer.parse.instructions import read_instructions
from reviewer.parse.labels import (
    SIGN_OFF,
    is_page_line,
    is_site_furniture,
    is_total_word,
    label_kind,
    unit_like,
    weight_note,
)
from reviewer.parse.listed import listed_rows
from reviewer.parse.long_export import Opening, Unfolded, Unfolder, fresh
from reviewer.parse.plausibility import HEADER_GLUED, position_doubts
from reviewer.parse.summary import read_summaries
from reviewer.parse.table import (
    TITLE_HINT,
    YEAR,
    layout_doubted,
    parse_table,
    says_omitted,
    starts_table,
)
from reviewer.parse.values import parse_points
from reviewer.textnorm import PAGE_NUMBER, Words

# Keys that name a table's subject: a second one in a block starts the next table.
_SUBJECT_KEYS = (
    "项目名称",
    "专项名称",
    "专项资金名称",
    "部门(单位)名称",
    "部门（单位）名称",
    "单位名称",
    "转移支付(项目)名称",
    "转移支付（项目）名称",
    "转移支付资金名称",
    "转移支付名称",
)
_SUBJECT_HINT = Words(_SUBJECT_KEYS)


def _has_project_key(row: Row) -> bool:
    if not _SUBJECT_HINT.found_in(row.joined):
        return False
    if _AMOUNT_COLUMNS.search(row.joined) is not None and len(row.cells) > _KEY_AND_VALUES:
        # 序号 | 单位名称 | 全年预算数 | 全年执行数 | …: a header over the units' amounts (a
        # regional form's summary by unit), no table's subject
        return False
    for c in row.cells:  # noqa: SIM110 (a loop costs less than any() and a generator)
        if c.text.startswith(_SUBJECT_KEYS):
            return True
    return False


_AMOUNT_COLUMNS = lazy_compile(r"预算数\S*\t[^\t]*执行数")
_KEY_AND_VALUES = 4  # a subject's row: a key and its value, or two keys with theirs


_BODY = Words(("年度资金总额", "一级指标", "预算数"))


def _has_body(row: Row) -> bool:
    """A row of the table's body (funds or indicators): after one, a new subject key starts
    the next table; before it, a second key is the same table's (单位名称 in a line above)."""
    return _BODY.found_in(row.joined)


# A row with none of the words a title, a subject key or a body row has is none of them: most
# rows, told apart with a first look at their text.
_ANY_HINT = lazy_compile(
    "|".join(re.escape(w) for w in (*TITLE_HINT.words, *_SUBJECT_HINT.words, *_BODY.words))
)


def _is_year_line(row: Row) -> bool:
    cells = row.cells
    return len(cells) == 1 and bool(YEAR.search(cells[0].text)) and len(cells[0].text) <= 12


# A bare number alone on the first line after a page break (the page's number at its foot, as
# PDF text puts it): 2.
_BARE_PAGE_NUMBER = lazy_compile(r"^\s*\d{1,3}\s*$")
_PAGE_NUMBER_CELLS = 2


# A title marked as continued (…自评表（续）, 续表): the page goes on with the table above.
_HEADER_AFTER = 3  # cells after a 续 title on its row, at least, for a header printed on with it
# (or opening a caption that names the table: （续表）基本公共卫生服务项目)
_CONTINUED = lazy_compile(
    r"[(（]\s*续表?\s*[)）]\s*$|^[(（]\s*续表?\s*[)）]|^续表|续表$"
    # (or a note that the table goes on elsewhere: （续表见“项目1（续）”）, （转下页）)
    r"|^[(（]\s*(?:续表见|见续表|转下页|接下页|续下页)"
)


def _marked_continued(text: str) -> bool:
    """``_CONTINUED`` found in ``text``: each of its forms holds 续 or 下页, looked for first
    (no regex call for most cells)."""
    return ("续" in text or "下页" in text) and _CONTINUED.search(text) is not None


def _titles_again(rows: Iterable[Row], taken: list[Row]) -> Iterator[Row]:
    """The rows without the title printed again over a table's next printed page with its mark
    (部门整体支出绩效自评表 / (2023年度) / (续): a sheet's print titles, repeated every page):
    taken (into ``taken``) with its year line and its mark, the row after them opening a page,
    so that a row the page broke is joined again. A title marked so on its own line is
    ``_page_numbers_out``'s; this is for the title above its mark."""
    title = ""  # the document's first title
    held: list[Row] = []  # that title printed again, and the year line under it
    opens_page = False
    for row in rows:
        one = len(row.cells) == 1
        text = row.joined.strip()
        if held and one and len(held) <= _TITLE_LINES and _marked_continued(text):
            for r in (*held, row):
                for c in r.cells:
                    c.used = True
                taken.append(r)
            held, opens_page = [], True
            continue
        if held and one and len(held) < _TITLE_LINES and _is_year_line(row):
            held.append(row)
            continue
        yield from held
        held = []
        if one and title and text == title:
            held = [row]
            continue
        if not title and one and starts_table(row):
            title = text
        if opens_page:
            row.page_break_before = True
            opens_page = False
        yield row
    yield from held


_TITLE_LINES = 2  # the title and its year line, over the mark (续)


def _page_numbers_out(rows: Iterable[Row], taken: list[Row]) -> Iterator[Row]:
    """The rows without the page numbers printed between them (into ``taken``, their cell
    used): the row after one begins a new page, as after the blank line a page break leaves,
    so that an indicator row broken by it is joined again and the number is not read into it.

    A page's running head (the report's title repeated at the top of each page) goes with the
    number before it: a line that opens a page with the text the document opened with, or that
    an earlier page opened with (its page number aside: 第2页/共3页). A table's own title, alone
    on its line, is taken so only where the page goes on with no new table under it (a running
    head naming the form, 某局2022年度项目支出绩效自评表, over a page of the same table's rows)."""
    page_break = False
    heads: set[str] = set()  # texts that opened the document or a page
    lines: set[str] = set()  # short lines of one cell seen anywhere (a few hundred at most)
    first = True
    # one row ahead, the rows streaming: each row with the one after it (None after the last),
    # paired here rather than by a generator of pairs (one layer less for every row)
    it = iter(rows)
    after = next(it, None)
    if after is None:
        return
    for ahead in chain(it, (None,)):
        row, after = after, ahead
        assert row is not None
        cells = row.cells
        if cells and cells[0].used and all(c.used for c in cells):
            taken.append(row)  # a page's furniture its reader set apart (rebuild.furniture)
            page_break = True
            continue
        if len(cells) == 1 and is_page_line(cells[0].text):
            cells[0].used = True  # a web page's own line, its text copied with the table's
            taken.append(row)  # (当前位置：首页 > …, 发布日期：2023-05-26　来源：…)
            continue
        if (
            (
                len(cells) == 1
                and _BARE_PAGE_NUMBER.match(cells[0].text)
                and (row.page_break_before or _opens_page_again(after, heads))
            )
            or (
                0 < len(cells) <= _PAGE_NUMBER_CELLS
                and PAGE_NUMBER.match("".join(c.text for c in cells).replace(" ", ""))
            )  # 第 1 页 | 共 2 页: its pieces a layout parted
            or (0 < len(cells) <= _PAGE_NUMBER_CELLS and _numbered_head(cells))
        ):
            for c in cells:
                c.used = True
            taken.append(row)
            page_break = True
            continue
        if _running_head(cells, after):
            _take(row, taken)
            page_break = True  # passed on to the row below it
            continue
        new_page = page_break or row.page_break_before
        if len(cells) > _HEADER_AFTER and _marked_continued(cells[0].text) and not first:
            # … printed at the head of the next page's first row (a copy whose page runs title
            # and header together): the title's cell taken, the row read on
            cells[0].used = True
            taken.append(Row([cells[0]], row.line))
            row.cells = cells = cells[1:]
            row.joined = "\t".join(c.text for c in cells)
            new_page = page_break = True
        if 0 < len(cells) <= _PAGE_NUMBER_CELLS and _marked_continued(cells[-1].text) and not first:
            # (or after the unit's name: 兴国县水利局 | 中央水利发展资金绩效自评（续表）)
            # the table's title printed again over its next page, marked 续: not a new table
            # (a copy that lost the page's break between them says so by the mark alone)
            cells[0].used = True
            taken.append(row)
            page_break = True  # passed on to the row below it
            continue
        if first or new_page:
            # one cell that is no title, or several (unit, 附件3, the form's name) that are no
            # row of the form's body: a page's running head when a page opens with it again
            if len(cells) == 1 or not _has_body(row):
                text = row.joined.strip()
                paged = "页" in text  # 第1页/共2页: a page's head, wherever a page breaks
                if paged:
                    text = _DIGITS.sub("0", text)  # its page's number aside
                titled = starts_table(row)
                head = len(cells) > 1 or not (titled and _opens(after))
                # the form's title, or a line printed before, over a page whose rows go on with
                # the indicators above: that page's running head (the report's title the first
                # page printed under its table of contents, with no break before it)
                if (
                    head
                    and (page_break or paged)
                    and (
                        text in heads
                        or ((titled or text in lines) and _goes_on(after))
                        # a report's name alone under a page's number (某局2020年度绩效自评报告):
                        # its running head, whatever its first page's title said
                        or (
                            page_break and len(cells) == 1 and _REPORT_NAME.search(text) is not None
                        )
                    )
                ):
                    _take(row, taken)
                    page_break = True  # passed on to the row below it
                    continue
                if first or page_break or paged:
                    heads.add(text)  # a title too: a later page may open with it as its head
            first = False
        if len(cells) == 1 and len(cells[0].text) <= _HEAD_CHARS and len(lines) < _LINES_KEPT:
            lines.add(cells[0].text)
        if page_break:
            row.page_break_before = True
            page_break = False
        yield row


_DIGITS = lazy_compile(r"\d+")


def _opens_page_again(after: Row | None, heads: set[str]) -> bool:
    """``after`` opens a page with the text the document or a page opened with: a bare figure
    right above it is its page's number at the foot (2), not a row's last cell."""
    return after is not None and after.page_break_before and after.joined.strip() in heads


def _numbered_head(cells: list[Cell]) -> bool:
    """A page's running head and its number on one line, runs of spaces between (2019年度转移
    支付区域绩效目标自评表    扫描件 第2/2页, — 4 —    某局2021年度项目支出绩效自评报告, or
    某局预算项目绩效自评表（续）    —2—), in one cell or two: the page's furniture, not a
    table's title."""
    last, first = cells[-1].text, cells[0].text
    # the cheap test first: this runs for every short row
    if "页" in last:
        head, _, tail = "  ".join(c.text for c in cells).rstrip().rpartition("  ")
        return bool(head.strip()) and PAGE_NUMBER.match(tail.replace(" ", "")) is not None
    if first[:1] == "第" and len(cells) > 1 and PAGE_NUMBER.fullmatch(first.replace(" ", "")):
        # 第 1 页 共 2 页    某局2022年度转移支付绩效自评: the number first, the head after it
        return _REPORT_HEAD.search("".join(c.text for c in cells[1:])) is not None
    if len(cells) > 1 and (
        (last[:1] in _NUMBER_MARKS and PAGE_NUMBER.match(last.replace(" ", "")))
        or (last.isdigit() and len(last) <= _PAGE_DIGITS)
    ):
        # 某局预算项目绩效自评表（续）    —2—, or …绩效自评    2: the head first, its page's
        # number after it
        return _REPORT_HEAD.search("".join(c.text for c in cells[:-1])) is not None
    if first[:1] in _NUMBER_MARKS:
        number, _, head = "  ".join(c.text for c in cells).strip().partition("  ")
        if not head and (glued := _NUMBER_GLUED.match(number)) is not None:
            number, head = glued.group(1), glued.group(2)  # — 3 —某局2021年度…报告, no space
        return (
            PAGE_NUMBER.match(number.replace(" ", "")) is not None
            and _REPORT_HEAD.search(head) is not None
        )
    return False


_PAGE_DIGITS = 3  # a page's number printed bare after the running head
_NUMBER_MARKS = "-—–－~·・•"  # what a page's number opens with (— 4 —)
# A page's number between its marks and the running head right after it (— 3 —某局…).
_NUMBER_GLUED = lazy_compile(r"^([-—–－~·・•]\s*\d{1,3}\s*[-—–－~·・•])(\S.*)$")
# A report's running head: its unit and year and the report's name (…2021年度…自评报告).
# (or the form's title continued, 某局预算项目绩效自评表（续）, beside its page's number)
_REPORT_HEAD = lazy_compile(
    r"\d{4}年.*(?:报告|自评表?|评价表)\s*$|(?:自评表|评价表)\s*[(（]续[)）]\s*$"
)
_REPORT_NAME = lazy_compile(r"^[^，。；：:|]{2,30}\d{4}年.*报告$")  # a report's, not a table's


def _running_head(cells: list[Cell], after: Row | None) -> bool:
    """A page's head printed over the indicators' header again (or its 续 caption), where no
    page break was marked: the report's or the unit's running title (某局2023年度部门整体
    支出绩效自评报告, 某局2022年度部门决算公开附表), or the unit beside the page's number (某局 |
    2) or the date the page was printed on. No row of the table stands between a table's
    rows and its header printed again."""
    if not 0 < len(cells) <= _PAGE_NUMBER_CELLS or after is None:
        return False
    if "一级指标" not in after.joined and not _marked_continued(after.joined):
        return False
    first = cells[0].text
    if len(cells) == 1:
        return len(first) <= _HEAD_CHARS + 8 and _RUNNING_TITLE.match(first) is not None
    last = cells[-1].text
    return unit_like(first) and (
        (last.isdigit() and len(last) <= _PAGE_DIGITS) or _PRINTED_ON.fullmatch(last) is not None
    )


# The date a system printed the page on, beside the unit's name (某局 | 打印日期：2023-05-15).
_PRINTED_ON = lazy_compile(
    r"(?:打印|导出|生成)(?:日期|时间)\s*[:：]\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
# A unit's running title: its name, a year, what it publishes (…报告, …附表, …自评).
_RUNNING_TITLE = lazy_compile(r"^[^，。；：:|\d]{2,30}\d{4}年度?[^，。；：:|]*(?:表|报告|自评)$")


def _opens(after: Row | None) -> bool:
    """A title over ``after`` opens a table: the line under it is another title, the year, or
    the project's or unit's fields (the last line of all: it may, the rest is cut)."""
    if after is None:
        return True
    return starts_table(after) or _is_year_line(after) or _SUBJECT_HINT.found_in(after.joined)


_HEAD_CHARS = 40  # characters of a running head, at most
_LINES_KEPT = 512  # short lines remembered: the rows stream, memory stays flat


def _goes_on(after: Row | None) -> bool:
    """A row of the indicators: opening with a category label, a name with its values, or
    their header printed again over a new page."""
    if after is None or not after.cells:
        return False
    cells = after.cells
    return (
        label_kind(weight_note(cells[0].text)[0]) is not None
        or (len(cells) >= 4 and parse_points(cells[-1].text) is not None)
        or "一级指标" in after.joined
    )


# The rows of a page held while the next is read; a longer page (a text without page breaks)
# is passed on as it comes, its foot no longer looked at.
_PAGE_ROWS_HELD = 400


def _without_page_feet(rows: Iterable[Row], taken: list[Row]) -> Iterator[Row]:
    """The rows without the line printed at the foot of every page (into ``taken``, its cells
    used): a page's last row that is the next page's last row too, digits aside (the report's
    title, the unit's name, 第1页), or a sign-off (填报人：… 联系电话：…) over a page that goes
    on with no new table. Read as a row, a foot in the middle of a table ends it there.

    A page's foot is known as such once the next page is read, so a page is held until then
    (up to ``_PAGE_ROWS_HELD`` rows)."""
    feet: set[str] = set()
    pending: list[Row] = []  # the page before the one being read: its foot undecided
    page: list[Row] = []
    first: Row | None = None  # the first row of the page being read
    for row in rows:
        if row.page_break_before and page:
            yield from _settled(pending, first, page[-1], feet, taken)
            pending, page, first = page, [], None
        if first is None:
            first = row
        page.append(row)
        if len(page) > _PAGE_ROWS_HELD:
            yield from pending
            yield from page[:-1]
            pending, page = [], page[-1:]
    yield from _settled(pending, first, page[-1] if page else None, feet, taken)
    if page and _foot_key(page[-1]) in feet:
        _take(page.pop(), taken)  # the last page's foot, as the pages' before it
    yield from page


def _settled(
    page: list[Row], after: Row | None, next_foot: Row | None, feet: set[str], taken: list[Row]
) -> list[Row]:
    """``page``'s rows, without its foot when that is the page's furniture: the next page
    opens with ``after`` and ends with ``next_foot``."""
    if not page or after is None or next_foot is None:
        return page
    foot = page[-1]
    k = _foot_key(foot)
    if k is None:
        return page
    signed = SIGN_OFF.match(foot.cells[0].text) is not None
    continues = not starts_table(after) and not _SUBJECT_HINT.found_in(after.joined)
    if k in feet or k == _foot_key(next_foot) or (signed and continues):
        feet.add(k)
        _take(page.pop(), taken)
    return page


def _foot_key(row: Row) -> str | None:
    """What a page's foot is compared by (its digits aside); None for a row that is no page's
    furniture: a row of the form's body or its 总分, a title, or one of many cells."""
    cells = row.cells
    if not cells or len(cells) > 4 or _has_body(row) or _TOTAL_ROW.match(row.joined):
        return None
    if starts_table(row):
        return None  # a title at a page's foot opens the table the next page prints
    if len(cells) > 2 and SIGN_OFF.match(cells[0].text) is None:
        return None
    return _DIGITS.sub("0", row.joined)


def _take(row: Row, taken: list[Row]) -> None:
    for c in row.cells:
        c.used = True
    taken.append(row)


# A 总分 row opening with its label (narrower than the table's total words: a funds block's
# 合计 row does not end a table's indicators).
_TOTAL_ROW = lazy_compile(r"^(?:总分|自评总分)(?:\t|$)")


def _labels_indicator_columns(row: Row) -> bool:
    """The indicator header: cells labelled 一级指标 and 三级指标 (not a note naming them)."""
    if "一级指标" not in row.joined:
        return False
    texts = {c.text for c in row.cells}
    return "一级指标" in texts and "三级指标" in texts


def split_tables(rows: Iterable[Row]) -> Iterator[list[Row]]:
    """Cut the rows into one block per table: at a title once the block has a body (funds or
    indicators), or at a subject key (项目名称 …) once a key and a body were seen."""
    current: list[Row] = []
    body = key_then_body = key_seen = False
    totalled = False  # an indicator header, then a 总分 row: a header after it is the next table's
    block_title = ""  # the title the block opened with
    block_subject = ""  # its subject's row (项目名称 | …), as printed
    summed = False  # the block's 总分 (合计) row seen
    declared = False  # in a 绩效目标申报表: rows no table's until the next form's title
    for row in rows:
        joined = row.joined
        if body and row.page_break_before and not declared and _instructions(row):
            # a workbook's sheet of instructions (填报说明) after a table's body: none of that
            # table's (a system's export may print one table over several sheets: 基本信息,
            # 项目资金, 绩效指标, 备注)
            yield current
            current = []
            body = key_then_body = key_seen = totalled = summed = False
            block_title = ""
            block_subject = ""
        if ("表" in joined or "决算" in joined) and _is_look_alike(row):
            # 项目支出绩效目标申报表: the targets declared before the year, not a self-evaluation
            if current:
                yield current
            current = LookAlike([row])
            body = key_then_body = key_seen = totalled = summed = False
            block_title = ""
            block_subject = ""
            declared = True
            continue
        if declared:
            if not starts_table(row):
                current.append(row)
                continue
            yield current
            current = []
            declared = False
            block_title = ""
            block_subject = ""
        if "总分" in joined and _TOTAL_ROW.match(joined):
            if not body and not key_seen and any(parse_points(c.text) for c in row.cells):
                # an excerpt's indicator rows printed without their header or any key above,
                # then 总分 and its points: a table's body, so a title after it opens the next
                # table
                body = summed = True
            totalled = body
        if body and row.cells and is_total_word(row.cells[0].text):
            summed = True  # its 总分 or 合计 row: the table's end
        opening = isinstance(row, Opening)  # an export's project: a table of its own
        if not opening and _ANY_HINT.search(joined) is None:
            current.append(row)
            continue
        if current and totalled and _labels_indicator_columns(row):
            # a second table printing only its indicator rows (附件2（续页）): not this one's
            yield current
            current = []
            body = key_then_body = key_seen = totalled = summed = False
            block_title = ""
            block_subject = ""
        title = starts_table(row)
        subject = opening or _has_project_key(row)
        if subject and key_seen and not body:
            cover = _title_after_key(current)
            if cover:  # a workbook's cover listed the projects under 项目名称: no table
                yield NoTable(current[:cover])
                current = current[cover:]
                key_seen = False
        if title and _next_section(row, current):
            title = False  # 二、绩效评价评分表 under 一、项目基本情况: the table's next part
        if (
            title
            and not body
            and not key_seen
            and not is_site_furniture(row.cells[0].text)  # 上一篇：…自评表, a page's link
            and len(current) > _PREAMBLE_ROWS
        ):
            # a report's pages before the form (its prose, other tables, a contents list naming
            # the form): no table's, whatever form-like words they hold
            yield NoTable(current)
            current = []
            block_title = ""
            block_subject = ""
        if title and body and not summed and row.page_break_before and joined == block_title:
            title = False  # the table's own title again at a page's top, before its 总分: a head
        if subject and not title and not summed and joined == block_subject and not opening:
            subject = False  # 项目名称 | its name again over the next page's rows: the same table
        if subject and summed and not title and not opening and _restates(row, block_subject):
            subject = False  # 项目名称：X | 自评得分：99.76 | 等级：优 under the table: its close
        if current and ((title and body) or (subject and key_then_body)):
            carried: list[Row] = []
            if not title:
                # an untitled table: its year line (if any) sits just above 项目名称
                while current and _is_year_line(current[-1]):
                    carried.insert(0, current.pop())
            yield current
            current = carried
            body = key_then_body = key_seen = totalled = summed = False
            block_title = ""
            block_subject = ""
        if title and not block_title:
            block_title = joined
        if subject and not block_subject:
            block_subject = joined
        current.append(row)
        key_seen = key_seen or subject
        if _has_body(row):
            body = True
            key_then_body = key_then_body or key_seen
    if current:
        yield current


# A score restated by key on a table's closing line (自评得分：99.76, 等级：优).
_RESTATED_SCORE = lazy_compile(r"(?:^|\t)(?:自评)?(?:得分|总分|等级)\s*[:：]\s*\S")


def _restates(row: Row, block_subject: str) -> bool:
    """A line after a table's 总分 naming the table's own project beside its score or grade by
    key: the table's close, not the subject of a next table."""
    if not block_subject or _RESTATED_SCORE.search(row.joined) is None:
        return False
    cells = row.cells
    for i, c in enumerate(cells):
        if c.text.startswith(_SUBJECT_KEYS):
            name = re.split("[:：]", c.text, maxsplit=1)[1:]
            printed = name[0].strip() if name else ""
            if not printed and i + 1 < len(cells):
                printed = cells[i + 1].text.strip()
            return bool(printed) and printed in block_subject
    return False


def _instructions(row: Row) -> bool:
    """The row opens a workbook's sheet of instructions (填报说明): a sheet's first row is
    marked a page's break."""
    where = row.cells[0].where if row.cells else None
    sheet = where.get("sheet") if where else None
    return sheet is not None and "说明" in sheet


# A form published beside the self-evaluation that is not one: the targets declared before the
# year (绩效目标申报表), the year's mid-way monitoring (绩效运行监控表: 1-6月执行情况, 全年预计),
# the department's final accounts (部门决算, 收入支出决算总表).
_DECLARATION = lazy_compile(
    r"绩效目标(?:申报)?表$|绩效目标申报|(?:绩效)?(?:运行)?监控(?:情况)?表$|部门决算$|决算(?:总)?表$"
)


def look_alike(text: str) -> bool:
    """``text`` is the title of a form that looks like a self-evaluation and is not one."""
    return "自评" not in text and _DECLARATION.search(text) is not None


def _is_look_alike(row: Row) -> bool:
    """The title of a look-alike form (a 绩效目标申报表's targets declared, no actual, no score; a
    运行监控表's year half-way)."""
    cells = row.cells
    return len(cells) <= 2 and len(cells[0].text) <= 40 and look_alike(cells[0].text)


# Rows before a title with no subject key and no body among them: a report's own pages.
_PREAMBLE_ROWS = 12


# A numbered section's heading: 一、 (二) （三）
_SECTION = lazy_compile(r"^(?:[(（]\s*)?([一二三四五六七八九十])\s*(?:[)）]|、)")


def _next_section(row: Row, current: list[Row]) -> bool:
    """A form printed in numbered sections, the section after the first (二、绩效评价评分表),
    its heading naming the form: the table goes on, it does not begin again."""
    m = _SECTION.match(row.cells[0].text) if row.cells else None
    if m is None or m.group(1) == "一":
        return False
    return any(r.cells and _SECTION.match(r.cells[0].text) for r in current)


class NoTable(list[Row]):
    """Rows that split_tables knows hold no table: reported, never parsed as one."""


class LookAlike(NoTable):
    """A look-alike form's rows, its title first: reported as that form's, not cell by cell."""


def _title_after_key(rows: list[Row]) -> int:
    """Where a block with a 项目名称 but no body yet begins again: at a title printed after its
    last 项目名称 row (a cover listing the projects, then the first project's own form); 0 when
    there is none."""
    last_key = max((k for k, r in enumerate(rows) if _has_project_key(r)), default=-1)
    return next((k for k in range(len(rows) - 1, last_key, -1) if starts_table(rows[k])), 0)


def _unused(rows: list[Row]) -> None:
    """Mark the cells of rows that turned out to hold no table as not used, so that they
    are reported (a 上一篇：…绩效自评表 link taken for a title is not a table's)."""
    for row in rows:
        for c in row.cells:
            c.used = False


def _continued(table: EvaluationTable) -> None:
    """The document goes on after ``table``: it was not cut off at its end, whatever its last
    row lacks (it may still begin inside, on a page excerpt), unless it says its rest was left
    out there."""
    if says_omitted(table):
        return
    table.ends_inside = False
    table.complete = not table.begins_inside
    for ind in table.indicators:
        ind.partial = False


class TableStream:
    """Iterate over a grid's tables; leftovers and accounting fill in as it goes."""

    def __init__(self, grid: Grid, form: str | None = None) -> None:
        """``form``: a family's name to read every table as (else each is recognised)."""
        self.grid = grid
        self.family = get_family(form) if form else None
        self.leftovers: list[Leftover] = []
        self.accounting = Accounting()
        self.summaries: list[SummaryEntry] = []  # a 汇总 of several projects' results

    def __iter__(self) -> Iterator[EvaluationTable]:
        if not self.grid.second:
            tables: Iterable[EvaluationTable] = self._read(
                self.grid.rows, self.leftovers, self.accounting, self.grid.format, self.summaries
            )
        else:
            tables = self._better_reading(self.grid.second)
        details = DetailMatcher()
        for index, table in enumerate(tables):
            details.see(table, index)
            yield table
        # What the reader could not turn into cells (a scanned page), known once it has read.
        self.leftovers.extend(self.grid.extra_leftovers)

    def _better_reading(
        self, seconds: list[tuple[str, Callable[[], Iterable[Row]]]]
    ) -> list[EvaluationTable]:
        """The tables of the grid's rows, or of another reading when the one kept reads no
        table right and the other reads one (a short text: both are held); the other readings
        tried in turn."""
        tables = list(
            self._read(
                self.grid.rows, self.leftovers, self.accounting, self.grid.format, self.summaries
            )
        )
        for fmt, again in seconds:
            funds_only = _funds_alone_doubted(tables)
            # doubted with every cell placed: no layout's failing, unless the text was read a
            # block of lines or a line of spaced cells to a row (a page of cells a line each
            # read as one row), where another reading is kept only if it places every cell
            # too, reads as many rows, doubts none of its tables and keeps their subjects
            placed = (
                bool(tables)
                and not self.accounting.reported_lines
                # (a header's labels run into one cell: its columns not told apart)
                and not any(d.reason.startswith(HEADER_GLUED) for t in tables for d in t.doubts)
            )
            if (
                placed
                and self.grid.format not in _READ_AGAIN_PLACED
                # (every table's rows doubted: another reading kept on the terms below, its
                # scores adding up to its printed 总分 besides)
                and not all(_misread(t) for t in tables)
            ):
                break
            funds_sought = False  # read again only for funds the text left unread
            if (
                tables
                and not funds_only
                and not any(_misread(t) for t in tables)
                and not _cut_in_two(tables)
                # (a text read a block of lines to a row that left some unread: a block may
                # hold several rows, read as one or not at all)
                and not (self.grid.format == "text/lines" and self.accounting.reported_lines)
            ):
                # (no funds read and text left unread: perhaps the funds, another reading's)
                if not self.accounting.reported_lines or any(map(_has_funds, tables)):
                    break
                funds_sought = True
            leftovers: list[Leftover] = []
            accounting = Accounting()
            summaries: list[SummaryEntry] = []
            others = list(self._read(again(), leftovers, accounting, fmt, summaries))
            if placed and not (
                others
                and not accounting.reported_lines  # (every cell placed too)
                and _rows(others) >= _rows(tables)
                and len(others) <= len(tables)
                and not any(t.doubts for t in others)
                # (nor loses a subject the first read: 项目名称：… in a cell of its own)
                and sum(bool(t.name) for t in others) >= sum(bool(t.name) for t in tables)
                # (a reading whose every table was doubted, given up for one whose rows' scores
                # add up besides: a row dropped or cut in two no doubt caught would not)
                and (
                    self.grid.format in _READ_AGAIN_PLACED or all(_scores_add_up(t) for t in others)
                )
            ):
                continue
            if funds_sought:
                if not self._funds_found(tables, others, accounting):
                    continue
            elif not placed and not self._better(tables, others, accounting, funds_only):
                continue
            # in place: a streamed review holds these objects from before the reading
            self.leftovers[:] = leftovers
            self.summaries[:] = summaries
            for name, value in accounting:
                setattr(self.accounting, name, value)
            self.grid.format = fmt
            tables = others
        return tables

    def _funds_found(
        self, tables: list[EvaluationTable], others: list[EvaluationTable], accounting: Accounting
    ) -> bool:
        """Whether ``others`` reads the same tables and rows as ``tables``, which read no
        funds and left text unread, and the funds too, whole, leaving less unread and doubting
        nothing (a block after the 总分 the first read as the rows' wrapped lines)."""
        return (
            len(others) == len(tables)
            and _rows_read(others) >= _rows_read(tables) > 0
            and accounting.reported_lines < self.accounting.reported_lines
            # (read whole: its budget and spending, the rate between them as printed)
            and any(map(_total_holds, others))
            and not any(t.doubts for t in others)
            and [t.name for t in others] == [t.name for t in tables]
        )

    def _better(
        self,
        tables: list[EvaluationTable],
        others: list[EvaluationTable],
        accounting: Accounting,
        funds_only: bool,
    ) -> bool:
        """Whether ``others`` (read leaving ``accounting``) reads better than ``tables``."""
        if funds_only:
            # every table's rows read and only its funds not: the second reading must read the
            # same tables and rows, and their funds too, the total's rate its amounts' quotient
            return (
                len(others) == len(tables)
                and _rows(others) >= _rows(tables)
                and all(not t.doubts and _total_holds(t) for t in others)
            )
        # a reading that finds no table or no row gives way to one that finds some rows, even
        # doubted: the memo then says the table was misread, rather than that there was none.
        # Else more rows read without a doubt, and none fewer at all (rows merged into one
        # another that no doubt caught would otherwise pass for a reading), and no table cut
        # in two (a second reading had read rows as two tables at a page's break)
        return not (_rows(tables) or not _rows(others)) or (
            _rows_read(others) > _rows_read(tables)
            and (
                _rows(others) >= _rows(tables)
                # (fewer, where the first left text unread and the other leaves less and
                # doubts nothing: the first's were pieces of rows cut apart)
                or (
                    accounting.reported_lines < self.accounting.reported_lines
                    and not any(t.doubts for t in others)
                )
            )
            and len(others) <= len(tables)
            # (a scan's rows read again as a stream: less of the text left unread, where a
            # name's rest dropped would be rows no doubt catches as wrong)
            and (
                self.grid.format != _BY_POSITION
                or accounting.reported_lines < self.accounting.reported_lines
                # (or nothing left unread by either: no name's rest dropped)
                or not accounting.reported_lines
            )
        )

    def _read(
        self,
        source: Iterable[Row],
        leftovers: list[Leftover],
        accounting: Accounting,
        fmt: str,
        summaries: list[SummaryEntry],
    ) -> Iterator[EvaluationTable]:
        """The tables of ``source`` (rows read in the format ``fmt``); a summary of several
        projects' results among the rows no table used goes to ``summaries``."""
        by_position = fmt == _BY_POSITION
        held: EvaluationTable | None = None  # the document goes on after it: it is not cut
        page_numbers: list[Row] = []
        exports = Unfolder()
        rows = split_compound(
            listed_rows(
                funds_beside(
                    exports.rows(
                        _without_page_feet(
                            _page_numbers_out(_titles_again(source, page_numbers), page_numbers),
                            page_numbers,
                        )
                    )
                )
            )
        )
        for block in split_tables(rows):
            if exports.printed:
                fresh(block)
            table = None if isinstance(block, NoTable) else parse_table(block, self.family)
            if table is not None and exports.printed:
                table.exported = any(isinstance(r, Opening) for r in block)
            if table is None:
                _unused(block)  # what a block that held no table used was used for nothing
            read_summaries(block, summaries)
            if table is None:
                read_instructions(block)  # a 填表说明 sheet, or under the report's last table
            account(
                [r for r in block if not isinstance(r, Unfolded)] if exports.printed else block,
                leftovers,
                accounting,
                LOOK_ALIKE if isinstance(block, LookAlike) else UNRECOGNISED,
            )
            account(page_numbers, leftovers, accounting)
            page_numbers.clear()
            if table is not None:
                if held is not None and _cover_of(held, table):
                    _from_cover(held, table)  # a workbook's cover naming the table's project
                elif held is not None:
                    _continued(held)
                    yield _judged(held, by_position)
                held = table
        if held is not None:
            yield _judged(held, by_position)
        account(page_numbers, leftovers, accounting)  # taken after the last block
        # an export's printed rows are accounted for, not the rows unfolded from them
        account(exports.printed, leftovers, accounting)


def _cover_of(cover: EvaluationTable, table: EvaluationTable) -> bool:
    """``cover`` names ``table``'s project and holds nothing of a form (no funds, goal, row or
    total): a cover sheet (封面: 项目名称：… | 项目单位（盖章）：… | 填报日期：…) before it."""
    return (
        bool(cover.project)
        and cover.project == table.project
        and not (cover.indicators or cover.tasks or cover.funds.annual_total.cells)
        and not (cover.goal_expected or cover.goal_actual or cover.total_printed)
    )


def _from_cover(cover: EvaluationTable, table: EvaluationTable) -> None:
    """What a cover printed beyond the project's name kept on the table it covers: its fields
    (项目单位（盖章）, 填报日期) and its notes (a 填表说明 sheet read with it), each with its cell."""
    for label, value in cover.fields.items():
        if label not in table.fields:
            table.fields[label] = value
            if (ref := cover.cells.get(f"field:{label}")) is not None:
                table.cells[f"field:{label}"] = ref
    for k, text in enumerate(cover.notes):
        if (ref := cover.cells.get(f"note:{k}") or cover.cells.get(f"explained:{k}")) is not None:
            table.cells[f"note:{len(table.notes)}"] = ref
        table.notes.append(text)


_BY_POSITION = "text/fixed"  # a scan's text read by its cells' positions


def _judged(table: EvaluationTable, by_position: bool) -> EvaluationTable:
    """``table`` with the doubts only a reading by position raises (a row of full points, or
    a name's first line, run into the rows around it: ``plausibility.position_doubts``)."""
    family = get_family(table.family) if by_position else None
    if family is not None:
        table.doubts.extend(position_doubts(table, family))
    return table


def _rows_read(tables: list[EvaluationTable]) -> int:
    """Indicator and task rows of the tables read without a doubt."""
    return sum(t.rows_read for t in tables if not layout_doubted(t))


_READ_AGAIN_PLACED = frozenset({"text/lines", "text/spaces"})


def _cut_in_two(tables: list[EvaluationTable]) -> bool:
    """A table after the first that names no subject and is doubted: the rest of the one above,
    cut off at a page's break (its title printed again there), read as a table of its own."""
    return any(_misread(t) and not t.project and not t.department for t in tables[1:])


def _misread(t: EvaluationTable) -> bool:
    """A table whose layout is doubted, or with no indicator row read at all."""
    return not t.indicators or layout_doubted(t)


def _funds_alone_doubted(tables: list[EvaluationTable]) -> bool:
    """Whether tables were read and every one is doubted for its funds block alone."""
    return bool(tables) and all(t.doubts and not layout_doubted(t) for t in tables)


def _has_funds(t: EvaluationTable) -> bool:
    """Whether the table's funds total was read with an amount."""
    row = t.funds.annual_total if t.funds is not None else None
    return row is not None and (row.full_year_budget is not None or row.executed is not None)


def _total_holds(t: EvaluationTable) -> bool:
    """Whether the funds total was read with its budget and spending, and its printed rate (if
    any) is within rounding of their quotient: columns read one off would not be."""
    row = t.funds.annual_total if t.funds is not None else None
    if row is None or not row.full_year_budget or row.executed is None:
        return False
    rate = row.rate_pct
    return rate is None or abs(row.executed / row.full_year_budget * 100 - rate) < _RATE_ROUNDING


_RATE_ROUNDING = 0.6  # percentage points: a rate printed whole (96%) is within them


def _scores_add_up(t: EvaluationTable) -> bool:
    """The rows' scores and the execution's add up to the printed 总分: a reading's rows all
    there, each with its own score (a reading that doubts nothing may still drop a row)."""
    if t.total_score is None:
        return False
    scores = [i.score for i in t.indicators if i.score is not None]
    got = sum(scores) + (t.funds.annual_total.score or 0.0)
    return bool(scores) and abs(got - t.total_score) <= _SUM_SLACK


_SUM_SLACK = 0.05  # points: two-decimal rounding of a dozen scores


def _rows(tables: list[EvaluationTable]) -> int:
    return sum(t.rows_read for t in tables)


def parse_grid(grid: Grid, form: str | None = None) -> Report:
    """Parse a grid into a Report. Never raises on odd input: what it cannot place it reports."""
    stream = TableStream(grid, form)
    tables = list(stream)
    return Report(
        source=grid.source,
        format=grid.format,
        encoding=grid.encoding,
        tables=tables,
        leftovers=stream.leftovers,
        accounting=stream.accounting,
        summaries=stream.summaries,
    )
