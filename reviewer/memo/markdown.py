"""The memo as Markdown: what `-o memo.md` writes and what the terminal shows.

The words come with the Memo (``build_memo`` and ``words.py``); this module lays them out. Evidence
quotes are cut at 80 characters and six per finding, to keep a terminal page readable.
"""

from __future__ import annotations

from reviewer.memo import words
from reviewer.memo.model import Memo, MemoFinding, TableReview

_QUOTES_SHOWN = 6
_QUOTE_CHARS = 80


def _evidence(f: MemoFinding) -> str:
    parts = []
    for e in f.evidence[:_QUOTES_SHOWN]:
        quote = e.quote if len(e.quote) <= _QUOTE_CHARS else e.quote[: _QUOTE_CHARS - 2] + "…"
        where = e.location.describe() if e.location else ""
        parts.append(f"{where}“{quote}”")
    return "；".join(parts)


def finding_lines(f: MemoFinding) -> list[str]:
    lines = [f"{f.number}. **【{f.severity.label}】**{f.message} `{f.code}`{f.origin}"]
    if f.found_text or f.expected_text:
        lines.append(f"   - {words.FOUND}：{f.found_text}；{words.EXPECTED}：{f.expected_text}")
    ev = _evidence(f)
    if ev:
        lines.append(f"   - {words.EVIDENCE}：{ev}")
    if f.suggestion:
        lines.append(f"   - {words.SUGGESTION}：{f.suggestion}")
    return lines


def _table_section(t: TableReview) -> list[str]:
    out = [f"### {t.heading}", "", t.form_line, t.summary]
    if t.reading_note:
        out += ["", f"> {t.reading_note}"]
    if t.llm_note:
        out += ["", f"> {t.llm_note}"]
    if t.assessment_line:
        out += ["", t.assessment_line]
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
    out = [f"# {memo.title}", "", memo.byline, ""]

    out += [f"## {overview}", "", *memo.overview.sentences, ""]
    out.append(_row(list(words.OVERVIEW_COLUMNS)))
    out.append("|---" + "|---:" * (len(words.OVERVIEW_COLUMNS) - 1) + "|")
    for t in memo.tables:
        c = t.counts
        out.append(
            _row(
                [
                    t.project,
                    t.budget_text,
                    t.executed_text,
                    t.rate_text,
                    t.claimed_text,
                    t.recomputed_text,
                    *(str(n) for n in (c.error, c.warning, c.info)),
                ]
            )
        )
    out.append("")

    out += [f"## {issues}", ""]
    if not memo.main_issues:
        out.append(words.NO_ISSUES)
    for g in memo.main_issues:
        out += [f"### {g.heading}", "", g.projects_line]
        out += [f"- {it.project}：" + "、".join(it.labels) for it in g.tables]
        out.append("")

    out += [f"## {per_table}", ""]
    for t in memo.tables:
        out += _table_section(t)

    out += [f"## {notes_title}", ""]
    notes = memo.notes
    items = [notes.basis] + [
        f"【{item.severity.label}】{item.text}" if item.severity else item.text
        for item in notes.items
    ]
    out += [f"{n}. {item}" for n, item in enumerate(items, 1)]
    if notes.leftover_lines:
        out += ["", words.LEFTOVERS, ""]
        out += [f"- {line}" for line in notes.leftover_lines]
    out.append("")
    return "\n".join(out)
