"""The memo as Markdown: what `-o memo.md` writes and what the terminal shows.

The words come with the Memo (``build_memo`` and ``words.py``); this module lays them out. Evidence
quotes are cut at 80 characters and six per finding, to keep a terminal page readable. Every text
of the memo is escaped (:func:`reviewer.untrusted.markdown`): document text, file names and model
answers are shown as what they are, never as Markdown, HTML or links.
"""

from __future__ import annotations

from reviewer.memo import words
from reviewer.memo.model import Memo, MemoFinding, TableReview
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


def _table_section(t: TableReview) -> list[str]:
    out = [f"### {md(t.heading)}", "", md(t.summary)]
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


def render_markdown(memo: Memo) -> str:
    overview, issues, per_table, notes_title = words.SECTIONS
    out = [f"# {md(memo.title)}", "", md(memo.byline), ""]

    out += [f"## {overview}", "", *(md(x) for x in memo.overview.sentences), ""]
    out.append(_row(list(words.OVERVIEW_COLUMNS)))
    out.append("|---" + "|---:" * (len(words.OVERVIEW_COLUMNS) - 1) + "|")
    for t in memo.tables:
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
        out.append(_row([md(x) for x in texts]))
    out.append("")

    out += [f"## {issues}", ""]
    if not memo.main_issues:
        out.append(words.NO_ISSUES)
    for g in memo.main_issues:
        out += [f"### {md(g.heading)}", "", md(g.projects_line)]
        out += [f"- {md(it.project)}：" + "、".join(md(x) for x in it.labels) for it in g.tables]
        out.append("")

    out += [f"## {per_table}", ""]
    for t in memo.tables:
        out += _table_section(t)

    out += [f"## {notes_title}", ""]
    notes = memo.notes
    items = [_with_commands(notes.basis)] + [
        f"【{item.severity.label}】{md(item.text)}" if item.severity else md(item.text)
        for item in notes.items
    ]
    out += [f"{n}. {item}" for n, item in enumerate(items, 1)]
    if notes.leftover_lines:
        out += ["", words.LEFTOVERS, ""]
        out += [f"- {md(line)}" for line in notes.leftover_lines]
    out.append("")
    return "\n".join(out)
