"""A memo in the format asked for; each renderer is imported only when its format is used
(the Word one pulls in python-docx, which an ordinary review does not need)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.memo.model import Memo
    from reviewer.model import Report

# The file formats a memo is written in (the terminal's is Markdown, shown by rich).
FORMATS = ("markdown", "json", "html", "docx")


def render_memo(fmt: str, memo: Memo, report: Report) -> str | bytes:
    """The memo as ``fmt`` (markdown, json, html or docx: bytes); ``report`` for the HTML form."""
    if fmt == "docx":
        from reviewer.memo.word import render_docx

        return render_docx(memo)
    if fmt == "json":
        from reviewer.memo.jsonout import render_json

        return render_json(memo)
    if fmt == "html":
        from reviewer.memo.html import render_html

        return render_html(memo, report)
    from reviewer.memo.markdown import render_markdown

    return render_markdown(memo)
