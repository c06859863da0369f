"""The memo as one self-contained HTML file: what `-o memo.html` and `--format html` write.

It carries what the Markdown memo carries (一、总体情况 … 四、说明) and, for each table, the form drawn
as printed with the cells that findings concern highlighted by severity: each highlighted cell links
to its findings (numbered marks) and each finding links back to its cells. CSS is inline, nothing is
loaded from elsewhere, and a print style sheet makes "print to PDF" give a clean memo. Every piece of
document text is escaped: the document is untrusted.
"""

from __future__ import annotations

from importlib.resources import files

from reviewer.memo import words
from reviewer.memo.html_form import Mark, Td, cell_id, draw_form, form_ids, form_rows
from reviewer.memo.model import Memo, MemoFinding, NoteItem, TableReview
from reviewer.model import Finding, Location, Report, Severity
from reviewer.untrusted import html_text as escape

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def finding_anchor(table_index: int | None, number: int) -> str:
    """The id of a finding's list item: ``finding-3-2`` (table 3, finding 2) or ``finding-r-1``."""
    where = "r" if table_index is None else str(table_index + 1)
    return f"finding-{where}-{number}"


def finding_locations(f: Finding) -> list[Location]:
    """Every location a finding names (its own and its evidence's), in order, without repeats."""
    locs = list(f.locations) + [e.location for e in f.evidence if e.location is not None]
    seen: dict[str, Location] = {}
    for loc in locs:
        seen.setdefault(cell_id(loc), loc)
    return list(seen.values())


def _css() -> str:
    return files("reviewer.memo").joinpath("memo.css").read_text(encoding="utf-8")


def _badge(s: Severity) -> str:
    return f'<span class="badge sev-{s.value}">{s.label}</span>'


def _cell_link(loc: Location, drawn: set[str]) -> str:
    where = escape(loc.describe())
    cid = cell_id(loc)
    return f'<a class="loc" href="#{cid}">{where}</a>' if cid in drawn else where


def _finding_item(f: MemoFinding, drawn: set[str]) -> str:
    anchor = finding_anchor(f.table_index, f.number)
    cells = [cell_id(loc) for loc in finding_locations(f) if cell_id(loc) in drawn]
    out = [
        f'<li id="{anchor}" class="finding sev-{f.severity.value}" '
        f'data-severity="{f.severity.value}" data-cells="{" ".join(cells)}">',
        f'<p class="msg">{_badge(f.severity)}{escape(f.message)} '
        f'<code class="code">{escape(f.code)}</code>{f.origin}</p>',
    ]
    if f.found_text or f.expected_text:
        out.append(
            f'<p class="kv">{words.FOUND}：<span class="found">{escape(f.found_text)}</span>；'
            f'{words.EXPECTED}：<span class="expected">{escape(f.expected_text)}</span></p>'
        )
    if f.evidence:
        quotes = "；".join(
            f"{_cell_link(e.location, drawn) if e.location else ''}<q>{escape(e.quote)}</q>"
            for e in f.evidence
        )
        out.append(f'<p class="evidence">{words.EVIDENCE}：{quotes}</p>')
    quoted = {cell_id(e.location) for e in f.evidence if e.location is not None}
    others = [loc for loc in finding_locations(f) if cell_id(loc) not in quoted]
    if others:
        links = "、".join(_cell_link(loc, drawn) for loc in others)
        out.append(f'<p class="where">{words.WHERE}：{links}</p>')
    if f.suggestion:
        out.append(f'<p class="suggestion">{words.SUGGESTION}：{escape(f.suggestion)}</p>')
    out.append("</li>")
    return "\n".join(out)


def _marks(findings: list[MemoFinding], drawn: set[str]) -> dict[str, list[Mark]]:
    marks: dict[str, list[Mark]] = {}
    for f in findings:
        for loc in finding_locations(f):
            cid = cell_id(loc)
            if cid in drawn:
                marks.setdefault(cid, []).append(
                    Mark(finding_anchor(f.table_index, f.number), f.number, f.severity)
                )
    return marks


def _scores(t: TableReview) -> str:
    gap = ""
    if t.score_gap is not None:
        cls = "delta bad" if abs(t.score_gap) >= 0.01 else "delta"
        gap = (
            f'<div class="{cls}"><span>{words.GAP}</span><strong>{t.score_gap_text}</strong></div>'
        )
    return (
        '<div class="scores">'
        f"<div><span>{words.CLAIMED}</span><strong>{escape(t.claimed_text)}</strong></div>"
        f"<div><span>{words.RECOMPUTED}</span><strong>{escape(t.recomputed_text)}</strong></div>"
        f"{gap}<div><span>{words.RATE}</span><strong>{escape(t.rate_text)}</strong></div></div>"
    )


def _table_section(t: TableReview, report: Report) -> str:
    table = report.tables[t.table_index] if t.table_index < len(report.tables) else None
    rows: list[list[Td]] = form_rows(table) if table is not None else []
    drawn = form_ids(rows)
    out = [
        f'<section class="table-review" id="table-{t.table_index + 1}">',
        f"<h3>{escape(t.heading)}</h3>",
        _scores(t),
        f'<p class="head">{escape(t.form_line)}<br>{escape(t.summary)}</p>',
    ]
    if t.reading_note:
        out.append(f'<p class="note">{escape(t.reading_note)}</p>')
    if t.llm_note:
        out.append(f'<p class="note">{escape(t.llm_note)}</p>')
    if t.assessment_line:
        out.append(f"<p>{escape(t.assessment_line)}</p>")
    if rows:
        caption = words.form_caption(t.first_line, t.last_line)
        out.append(draw_form(rows, _marks(t.findings, drawn), caption))
    if t.findings:
        items = "\n".join(_finding_item(f, drawn) for f in t.findings)
        out.append(f'<ol class="findings">\n{items}\n</ol>')
    else:
        out.append(f'<p class="clean">{words.NO_FINDINGS}</p>')
    out.append("</section>")
    return "\n".join(out)


def _overview(memo: Memo) -> str:
    out = [
        f"<h2>{words.SECTIONS[0]}</h2>",
        "<p>" + "\n".join(escape(x) for x in memo.overview.sentences) + "</p>",
        '<table class="overview"><thead><tr>',
        "".join(f"<th>{h}</th>" for h in words.OVERVIEW_COLUMNS) + "</tr></thead><tbody>",
    ]
    for t in memo.tables:
        counts = "".join(
            f'<td class="num{" sev-" + s.value if t.counts.of(s) else ""}">{t.counts.of(s)}</td>'
            for s in _SEVERITIES
        )
        out.append(
            f'<tr><td><a href="#table-{t.table_index + 1}">{escape(t.project)}</a></td>'
            f'<td class="num">{t.budget_text}</td><td class="num">{t.executed_text}</td>'
            f'<td class="num">{escape(t.rate_text)}</td>'
            f'<td class="num">{escape(t.claimed_text)}</td>'
            f'<td class="num">{escape(t.recomputed_text)}</td>'
            f"{counts}</tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out)


def _main_issues(memo: Memo) -> str:
    out = [f"<h2>{words.SECTIONS[1]}</h2>"]
    if not memo.main_issues:
        out.append(f"<p>{words.NO_ISSUES}</p>")
    for g in memo.main_issues:
        out.append(f"<h3>{escape(g.heading)}</h3>")
        out.append(f"<p>{escape(g.projects_line)}</p>")
        items = "".join(
            f'<li><a href="#table-{it.table_index + 1}">{escape(it.project)}</a>：'
            + "、".join(escape(x) for x in it.labels)
            + "</li>"
            for it in g.tables
        )
        if items:
            out.append(f"<ul>{items}</ul>")
    return "\n".join(out)


def _commands(text: str) -> str:
    """Escaped text, its `commands` as <code>."""
    return "".join(
        f"<code>{escape(piece)}</code>" if command else escape(piece)
        for piece, command in words.code_spans(text)
    )


def _note_item(item: NoteItem) -> str:
    if item.severity is None:
        return escape(item.text)
    anchor = finding_anchor(None, item.finding or 0)
    return f'<span id="{anchor}">{_badge(item.severity)}{escape(item.text)}</span>'


def _notes(memo: Memo) -> str:
    notes = memo.notes
    items = [_commands(notes.basis)] + [_note_item(item) for item in notes.items]
    out = [
        f"<h2>{words.SECTIONS[3]}</h2>",
        "<ol>" + "".join(f"<li>{x}</li>" for x in items) + "</ol>",
    ]
    if notes.leftover_lines:
        lines = "".join(f"<li>{escape(x)}</li>" for x in notes.leftover_lines)
        out.append(f"<p>{words.LEFTOVERS}</p><ul>{lines}</ul>")
    return "\n".join(out)


def render_html(memo: Memo, report: Report) -> str:
    """The memo as one HTML document; ``report`` is the parsed report the memo was built from."""
    legend = "".join(f'<span class="swatch sev-{s.value}">{s.label}</span>' for s in _SEVERITIES)
    sections = "\n".join(_table_section(t, report) for t in memo.tables)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="reviewer {escape(memo.tool_version)}">
<title>{escape(memo.title)}</title>
<style>
{_css()}
</style>
</head>
<body>
<header>
<h1>{escape(memo.title)}</h1>
<p class="meta">{escape(memo.byline)}</p>
<p class="legend">{words.LEGEND}：{legend}</p>
</header>
<main>
{_overview(memo)}
{_main_issues(memo)}
<h2 class="per-table">{words.SECTIONS[2]}</h2>
{sections}
{_notes(memo)}
</main>
</body>
</html>
"""
