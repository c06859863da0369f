"""The memo as one self-contained HTML file: what `-o memo.html` and `--format html` write.

It carries what the Markdown memo carries (一、总体情况 … 四、说明) and, for each table, the form drawn
as printed with the cells that findings concern highlighted by severity: each highlighted cell links
to its findings (numbered marks) and each finding links back to its cells. CSS is inline, nothing is
loaded from elsewhere, and a print style sheet makes "print to PDF" give a clean memo. Every piece of
document text is escaped: the document is untrusted.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files

from reviewer.checks.registry import get_rule
from reviewer.memo.build import Memo, TableReview
from reviewer.memo.html_form import Mark, Td, cell_id, draw_form, form_ids, form_rows
from reviewer.memo.markdown import _cn
from reviewer.model import Finding, Location, Report, Severity
from reviewer.numbers import fmt, fmt_money, fmt_score, fmt_signed

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def finding_anchor(f: Finding, number: int) -> str:
    """The id of a finding's list item: ``finding-3-2`` (table 3, finding 2) or ``finding-r-1``."""
    where = "r" if f.table_index is None else str(f.table_index + 1)
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


def _finding_item(f: Finding, n: int, drawn: set[str]) -> str:
    anchor = finding_anchor(f, n)
    cells = [cell_id(loc) for loc in finding_locations(f) if cell_id(loc) in drawn]
    who = f"「{escape(f.project)}」" if f.project and f.table_index is None else ""
    src = "（大模型）" if f.source == "llm" else ""
    out = [
        f'<li id="{anchor}" class="finding sev-{f.severity.value}" '
        f'data-severity="{f.severity.value}" data-cells="{" ".join(cells)}">',
        f'<p class="msg">{_badge(f.severity)}{who}{escape(f.message)} '
        f'<code class="code">{escape(f.code)}</code>{src}</p>',
    ]
    if f.expected is not None or f.found is not None:
        out.append(
            f'<p class="kv">填报：<span class="found">{escape(f.found or "—")}</span>；'
            f'应为：<span class="expected">{escape(f.expected or "—")}</span></p>'
        )
    if f.evidence:
        quotes = "；".join(
            f"{_cell_link(e.location, drawn) if e.location else ''}<q>{escape(e.quote)}</q>"
            for e in f.evidence
        )
        out.append(f'<p class="evidence">证据：{quotes}</p>')
    quoted = {cell_id(e.location) for e in f.evidence if e.location is not None}
    others = [loc for loc in finding_locations(f) if cell_id(loc) not in quoted]
    if others:
        links = "、".join(_cell_link(loc, drawn) for loc in others)
        out.append(f'<p class="where">表中位置：{links}</p>')
    if f.suggestion:
        out.append(f'<p class="suggestion">建议：{escape(f.suggestion)}</p>')
    out.append("</li>")
    return "\n".join(out)


def _marks(findings: list[Finding], drawn: set[str]) -> dict[str, list[Mark]]:
    marks: dict[str, list[Mark]] = {}
    for n, f in enumerate(findings, 1):
        for loc in finding_locations(f):
            cid = cell_id(loc)
            if cid in drawn:
                marks.setdefault(cid, []).append(Mark(finding_anchor(f, n), n, f.severity))
    return marks


def _scores(t: TableReview) -> str:
    gap = ""
    if t.claimed_total is not None and t.recomputed_total is not None:
        d = round(t.claimed_total - t.recomputed_total, 2)
        cls = "delta bad" if abs(d) >= 0.01 else "delta"
        gap = f'<div class="{cls}"><span>自评比复算</span><strong>{fmt_signed(d)}</strong></div>'
    return (
        '<div class="scores">'
        f"<div><span>自评总分</span><strong>{escape(fmt_score(t.claimed_total, t.claimed_grade))}</strong></div>"
        f"<div><span>按规则复算</span><strong>{escape(fmt_score(t.recomputed_total, t.recomputed_grade))}</strong></div>"
        f"{gap}<div><span>执行率</span><strong>{escape(t.rate_printed or '—')}</strong></div></div>"
    )


def _table_section(n: int, t: TableReview, report: Report) -> str:
    table = report.tables[t.table_index] if t.table_index < len(report.tables) else None
    rows: list[list[Td]] = form_rows(table) if table is not None else []
    drawn = form_ids(rows)
    out = [
        f'<section class="table-review" id="table-{t.table_index + 1}">',
        f"<h3>{n}. {escape(t.project)}</h3>",
        _scores(t),
        f'<p class="head">自评总分 {escape(fmt_score(t.claimed_total, t.claimed_grade))}，按规则复算 '
        f"{escape(fmt_score(t.recomputed_total, t.recomputed_grade))}；执行率 "
        f"{escape(t.rate_printed or '—')}（第{t.first_line}–{t.last_line}行）。</p>",
    ]
    if t.llm_status == "failed":
        out.append('<p class="note">本表的大模型审读失败，以下仅为确定性复核结果。</p>')
    if t.assessment:
        out.append(f"<p>总体评价（大模型）：{escape(t.assessment)}</p>")
    if rows:
        caption = f"原表（第{t.first_line}–{t.last_line}行）：标色单元格为复核意见所涉内容，角标为意见序号"
        out.append(draw_form(rows, _marks(t.findings, drawn), caption))
    if t.findings:
        items = "\n".join(_finding_item(f, i, drawn) for i, f in enumerate(t.findings, 1))
        out.append(f'<ol class="findings">\n{items}\n</ol>')
    else:
        out.append('<p class="clean">未发现问题。</p>')
    out.append("</section>")
    return "\n".join(out)


def _overview(memo: Memo) -> str:
    o, c = memo.overview, memo.overview.counts
    rate = f"，总体执行率 {o.execution_rate_pct:.2f}%" if o.execution_rate_pct is not None else ""
    out = [
        "<h2>一、总体情况</h2>",
        f"<p>共复核自评表 {o.tables} 张，全年预算数合计 {fmt_money(o.full_year_budget)} "
        f"{escape(o.amount_unit)}，全年执行数合计 {fmt_money(o.executed)} {escape(o.amount_unit)}{rate}。",
    ]
    if o.claimed_total_mean is not None:
        out.append(
            f"自评总分平均 {fmt(o.claimed_total_mean)} 分，按规则复算平均 "
            f"{fmt(o.recomputed_total_mean)} 分。"
        )
    out.append(
        f"共发现错误 {c.error} 项、需核实 {c.warning} 项、提示 {c.info} 项；"
        f"{o.tables_with_errors} 张表存在错误。</p>"
    )
    heads = (
        "项目",
        "全年预算数",
        "全年执行数",
        "执行率",
        "自评总分",
        "复算总分",
        "错误",
        "需核实",
        "提示",
    )
    out.append('<table class="overview"><thead><tr>')
    out.append("".join(f"<th>{h}</th>" for h in heads) + "</tr></thead><tbody>")
    for t in memo.tables:
        sev = [sum(1 for f in t.findings if f.severity is s) for s in _SEVERITIES]
        counts = "".join(
            f'<td class="num{" sev-" + s.value if k else ""}">{k}</td>'
            for s, k in zip(_SEVERITIES, sev, strict=True)
        )
        out.append(
            f'<tr><td><a href="#table-{t.table_index + 1}">{escape(t.project)}</a></td>'
            f'<td class="num">{fmt_money(t.full_year_budget)}</td><td class="num">{fmt_money(t.executed)}</td>'
            f'<td class="num">{escape(t.rate_printed or "—")}</td>'
            f'<td class="num">{escape(fmt_score(t.claimed_total, t.claimed_grade))}</td>'
            f'<td class="num">{escape(fmt_score(t.recomputed_total, t.recomputed_grade))}</td>'
            f"{counts}</tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out)


def _main_issues(memo: Memo) -> str:
    out = ["<h2>二、主要问题</h2>"]
    if not memo.main_issues:
        out.append("<p>未发现需要报告的问题。</p>")
    for n, g in enumerate(memo.main_issues, 1):
        out.append(f"<h3>（{_cn(n)}）{escape(g.title)}（{g.count} 项，最高为{g.worst.label}）</h3>")
        out.append("<p>涉及项目：" + "、".join(escape(p) for p in g.projects) + "。</p>")
        by_project: dict[int, list[str]] = {}
        for t in memo.tables:
            for f in t.findings:
                if f.code in g.codes and f.severity is not Severity.INFO:
                    rule = get_rule(f.code) if f.source == "rules" else None
                    label = f.indicator or (rule.title if rule else f.message.split("，")[0])
                    labels = by_project.setdefault(t.table_index, [])
                    if label not in labels:
                        labels.append(label)
        items = "".join(
            f'<li><a href="#table-{i + 1}">{escape(memo.tables[i].project)}</a>：'
            + "、".join(escape(x) for x in labels)
            + "</li>"
            for i, labels in by_project.items()
        )
        if items:
            out.append(f"<ul>{items}</ul>")
    return "\n".join(out)


def _notes(memo: Memo) -> str:
    notes = memo.notes
    families = sorted({r.code[0] for r in notes.rules_applied})
    items = [
        "复核依据：财预〔2020〕10号《项目支出绩效评价管理办法》及附件、各地预算管理一体化系统的校验规则和复核实务，"
        f"共适用规则 {len(notes.rules_applied)} 条（{'、'.join(families)} 类），<code>review rules</code> 可列出全部规则。"
    ]
    if notes.rounding:
        items.append(escape(notes.rounding))
    report_items = [(n, f) for n, f in enumerate(memo.report_findings, 1) if f.code != "B102"]
    items += [
        f'<span id="{finding_anchor(f, n)}">{_badge(f.severity)}{escape(f.message)}</span>'
        for n, f in report_items
    ]
    items += [escape(x) for x in notes.not_reviewed]
    llm = notes.llm
    if llm.enabled:
        dropped = sum(s.findings_dropped for s in llm.tables)
        kept = sum(s.findings_kept for s in llm.tables)
        cost = f"，估算费用 {llm.cost:.4f}" if llm.cost is not None else ""
        items.append(
            escape(
                f"大模型审读：模型 {llm.model}，提示词版本 {llm.prompt_version}；保留有原文依据的意见 {kept} 条，"
                f"因引文在原文中找不到而舍弃 {dropped} 条；请求 {llm.requests} 次（缓存命中 {llm.cache_hits} 次），"
                f"输入 {llm.tokens_in} / 输出 {llm.tokens_out} tokens{cost}。大模型意见仅涉及文字叙述，不改变任何数字。"
            )
        )
    if notes.config_source:
        items.append(f"配置文件：{escape(notes.config_source)}")
    out = ["<h2>四、说明</h2>", "<ol>" + "".join(f"<li>{x}</li>" for x in items) + "</ol>"]
    if notes.leftovers:
        lines = [
            f"<li>{escape(lo.location.describe())}：{escape(lo.text)}</li>"
            for lo in notes.leftovers[:50]
        ]
        if len(notes.leftovers) > 50:
            lines.append(f"<li>……共 {len(notes.leftovers)} 处</li>")
        out.append("<p>未解析内容：</p><ul>" + "".join(lines) + "</ul>")
    return "\n".join(out)


def render_html(memo: Memo, report: Report) -> str:
    """The memo as one HTML document; ``report`` is the parsed report the memo was built from."""
    legend = "".join(f'<span class="swatch sev-{s.value}">{s.label}</span>' for s in _SEVERITIES)
    sections = "\n".join(_table_section(n, t, report) for n, t in enumerate(memo.tables, 1))
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
<p class="meta">来源文件：{escape(memo.source)}　复核工具：reviewer {escape(memo.tool_version)}</p>
<p class="legend">标色说明：{legend}</p>
</header>
<main>
{_overview(memo)}
{_main_issues(memo)}
<h2 class="per-table">三、逐项复核意见</h2>
{sections}
{_notes(memo)}
</main>
</body>
</html>
"""
