"""The memo as Markdown: what `-o memo.md` writes and what the terminal shows.

The words come with the Memo (``build_memo`` and ``words.py``); this module lays them out. Evidence
quotes are cut at 80 characters and six per finding, to keep a terminal page readable. Every text
of the memo is escaped (:func:`reviewer.untrusted.markdown`): document text, file names and model
answers are shown as what they are, never as Markdown, HTML or links.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from reviewer.memo import words
from reviewer.memo.model import IssueGroup, IssueTable, Memo, MemoFinding, TableReview
from reviewer.untrusted import markdown as md
from reviewer.untrusted import one_line

_QUOTES_SHOWN = 6
_QUOTE_CHARS = 80


def _evidence(f: MemoFinding) -> str:
    parts = []
    for e in f.evidence[:_QUOTES_SHOWN]:
        quote = e.quote if len(e.quote) <= _QUOTE_CHARS else e.quote[: _QUOTE_CHARS - 2] + "…"
        where = e.location.describe() if e.location else ""
        parts.append(f"{md(where)}“{md(quote)}”")
    return "；".join(parts)


def finding_lines(f: MemoFinding) -> list[str]:
    code = one_line(f.code).replace("`", "")
    lines = [f"{f.number}. **【{f.severity.label}】**{md(f.message)} `{code}`{md(f.origin)}"]
    if f.found_text or f.expected_text:
        lines.append(
            f"   - {words.FOUND}：{md(f.found_text)}；{words.EXPECTED}：{md(f.expected_text)}"
        )
    ev = _evidence(f)
    if ev:
        lines.append(f"   - {words.EVIDENCE}：{ev}")
    if f.suggestion:
        lines.append(f"   - {words.SUGGESTION}：{md(f.suggestion)}")
    return lines


def _with_commands(text: str) -> str:
    """Text whose commands (in backquotes, such as `review rules`) stay code spans."""
    return "".join(f"`{p}`" if command else md(p) for p, command in words.code_spans(text))


def table_lines(t: TableReview) -> list[str]:
    """A table's part of 三、逐项复核意见."""
    out = [f"### {md(t.heading)}", "", md(t.form_line), md(t.summary)]
    if t.reading_note:
        out += ["", f"> {md(t.reading_note)}"]
    if t.llm_note:
        out += ["", f"> {md(t.llm_note)}"]
    if t.assessment_line:
        out += ["", md(t.assessment_line)]
    out.append("")
    if not t.findings:
        out.append(words.NO_FINDINGS)
    for f in t.findings:
        out += finding_lines(f)
    out.append("")
    return out


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def overview_row(t: TableReview) -> str:
    """A table's row of the overview table (一、总体情况)."""
    c = t.counts
    texts = [
        t.project,
        t.budget_text,
        t.executed_text,
        t.rate_text,
        t.claimed_text,
        t.recomputed_text,
        *(str(n) for n in (c.error, c.warning, c.info)),
    ]
    return _row([md(x) for x in texts])


def issue_line(it: IssueTable) -> str:
    """A table's line under its group of 二、主要问题."""
    return f"- {md(it.project)}：" + "、".join(md(x) for x in it.labels)


def markdown_lines(
    memo: Memo,
    rows: Iterable[str],
    issue_lines: Callable[[int, IssueGroup], Iterable[str]],
    sections: Iterable[str],
) -> Iterator[str]:
    """The memo's lines, in order, with the per-table parts given apart: the overview ``rows``,
    ``issue_lines(n, group)`` for the n-th group of 二、主要问题, the ``sections`` of 三 (for a
    memo written as its tables are reviewed, these come from where they were put meanwhile).
    """
    overview, issues, per_table, notes_title = words.SECTIONS
    yield from [f"# {md(memo.title)}", "", md(memo.byline), ""]

    yield from [f"## {overview}", "", *(md(x) for x in memo.overview.sentences), ""]
    yield _row(list(words.OVERVIEW_COLUMNS))
    yield "|---" + "|---:" * (len(words.OVERVIEW_COLUMNS) - 1) + "|"
    yield from rows
    yield ""

    yield from [f"## {issues}", ""]
    if not memo.main_issues:
        yield words.NO_ISSUES
    for n, g in enumerate(memo.main_issues):
        yield from [f"### {md(g.heading)}", "", md(g.projects_line)]
        yield from issue_lines(n, g)
        yield ""

    yield from [f"## {per_table}", ""]
    yield from sections

    yield from [f"## {notes_title}", ""]
    notes = memo.notes
    items = [_with_commands(notes.basis)] + [
        f"【{item.severity.label}】{md(item.text)}" if item.severity else md(item.text)
        for item in notes.items
    ]
    yield from [f"{n}. {item}" for n, item in enumerate(items, 1)]
    if notes.leftover_lines:
        yield from ["", words.LEFTOVERS, ""]
        yield from [f"- {md(line)}" for line in notes.leftover_lines]
    yield ""


def render_markdown(memo: Memo) -> str:
    rows = [overview_row(t) for t in memo.tables]
    sections = [line for t in memo.tables for line in table_lines(t)]
    return "\n".join(
        markdown_lines(memo, rows, lambda _n, g: [issue_line(it) for it in g.tables], sections)
    )
