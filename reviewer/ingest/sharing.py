"""Text copied from a document-sharing site (原创力文档, 豆丁网, 道客巴巴): the site's own lines
between the pages, and the page numbers it puts before each page's text.

Such a copy prints the site's name, its address and its offers (max.book118.com, 免费下载,
下载文档 …) on lines of their own between pages, and opens each page's text with the page's
number and a 、 (``1、…``, ``2、…``), wherever the page begins: inside a row, inside a cell. The
site's lines are no part of the document: they are taken out (a blank line, where a page ends)
and reported as the site's, with their line. The page numbers are taken off the lines they open,
in order (1、 2、 3、 …), where the layout reads the text as a stream of cells (a page's number
cutting a tab-separated row is ``mirror``'s to place).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from reviewer.ingest.mirror import MARKER
from reviewer.lazyre import lazy_compile
from reviewer.model import Leftover, Location

# Words only a sharing site's own lines hold.
_SITE_WORDS = (
    "原创力文档",
    "book118",
    "豆丁网",
    "docin.com",
    "道客巴巴",
    "doc88.com",
    "预览与源文档一致",
    "下载文档",
    "免费下载",
    "加入VIP",
    "由会员分享",
)
_SITE_LINE_CHARS = 80  # a site's line is short; a longer one is the document's text
_MIN_SITE_LINES = 2
SITE_REASON = "文档分享网站加在页间的文字（网站名称、下载提示等），不属于自评表，未纳入复核"


# Any of them, found with one scan of a line rather than one per word.
_SITE_WORD = lazy_compile("|".join(re.escape(w) for w in _SITE_WORDS))


def is_site_line(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= _SITE_LINE_CHARS and _SITE_WORD.search(s) is not None


def is_sharing_copy(sample: Sequence[str]) -> bool:
    """Whether these first lines are a sharing site's copy: its own lines among them."""
    return sum(is_site_line(s) for s in sample) >= _MIN_SITE_LINES


def site_lines_out(lines: Iterable[str], taken: list[Leftover], markers: bool) -> Iterator[str]:
    """``lines`` with the site's lines blank (each reported into ``taken``) and, where
    ``markers``, the pages' numbers taken off the lines they open (1、 2、 3、 in order)."""
    page = 1
    for number, line in enumerate(lines, start=1):
        if is_site_line(line):
            taken.append(
                Leftover(
                    text=line.strip(),
                    location=Location(line=number),
                    reason=SITE_REASON,
                )
            )
            yield "\n"
            continue
        if markers and (m := MARKER.match(line.lstrip())) and int(m.group(1)) == page:
            page += 1
            line = line.lstrip()[m.end() :]
        yield line
