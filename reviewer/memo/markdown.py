"""The memo as Markdown: what `-o memo.md` writes and what the terminal shows."""

from __future__ import annotations

from reviewer.checks.registry import get_rule
from reviewer.memo.build import Memo, TableReview
from reviewer.model import Finding
from reviewer.numbers import fmt, fmt_money, fmt_score

_CN_NUM = "一二三四五六七八九十"


def _cn(n: int) -> str:
    if n <= 10:
        return _CN_NUM[n - 1]
    if n < 20:
        return "十" + _CN_NUM[n - 11]
    return str(n)


def _evidence(f: Finding) -> str:
    parts = []
    for e in f.evidence[:6]:
        quote = e.quote if len(e.quote) <= 80 else e.quote[:78] + "…"
        where = e.location.describe() if e.location else ""
        parts.append(f"{where}“{quote}”" if where else f"“{quote}”")
    return "；".join(parts)


def finding_lines(f: Finding, n: int) -> list[str]:
    who = f"「{f.project}」" if f.project and f.table_index is None else ""
    src = "（大模型）" if f.source == "llm" else ""
    lines = [f"{n}. **【{f.severity.label}】**{who}{f.message} `{f.code}`{src}"]
    if f.expected is not None or f.found is not None:
        lines.append(f"   - 填报：{f.found or '—'}；应为：{f.expected or '—'}")
    ev = _evidence(f)
    if ev:
        lines.append(f"   - 证据：{ev}")
    if f.suggestion:
        lines.append(f"   - 建议：{f.suggestion}")
    return lines


def _table_section(n: int, t: TableReview) -> list[str]:
    out = [f"### {n}. {t.project}", ""]
    head = (
        f"自评总分 {fmt_score(t.claimed_total, t.claimed_grade)}，按规则复算 "
        f"{fmt_score(t.recomputed_total, t.recomputed_grade)}；执行率 {t.rate_printed or '—'}"
        f"（第{t.first_line}–{t.last_line}行）。"
    )
    out.append(head)
    if t.llm_status == "failed":
        out.append("")
        out.append("> 本表的大模型审读失败，以下仅为确定性复核结果。")
    if t.assessment:
        out += ["", f"总体评价（大模型）：{t.assessment}"]
    out.append("")
    if not t.findings:
        out.append("未发现问题。")
    for i, f in enumerate(t.findings, 1):
        out += finding_lines(f, i)
    out.append("")
    return out


def render_markdown(memo: Memo) -> str:
    o = memo.overview
    c = o.counts
    out = [
        f"# {memo.title}",
        "",
        f"来源文件：{memo.source}　复核工具：reviewer {memo.tool_version}",
        "",
    ]

    out += ["## 一、总体情况", ""]
    rate = f"，总体执行率 {o.execution_rate_pct:.2f}%" if o.execution_rate_pct is not None else ""
    out.append(
        f"共复核自评表 {o.tables} 张，全年预算数合计 {fmt_money(o.full_year_budget)} {o.amount_unit}，"
        f"全年执行数合计 {fmt_money(o.executed)} {o.amount_unit}{rate}。"
    )
    if o.claimed_total_mean is not None:
        out.append(
            f"自评总分平均 {fmt(o.claimed_total_mean)} 分，按规则复算平均 "
            f"{fmt(o.recomputed_total_mean)} 分。"
        )
    out.append(
        f"共发现错误 {c.error} 项、需核实 {c.warning} 项、提示 {c.info} 项；"
        f"{o.tables_with_errors} 张表存在错误。"
    )
    out += [
        "",
        "| 项目 | 全年预算数 | 全年执行数 | 执行率 | 自评总分 | 复算总分 | 错误 | 需核实 | 提示 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t in memo.tables:
        sev = [
            sum(1 for f in t.findings if f.severity.value == s)
            for s in ("error", "warning", "info")
        ]
        out.append(
            f"| {t.project} | {fmt_money(t.full_year_budget)} | {fmt_money(t.executed)} | "
            f"{t.rate_printed or '—'} | {fmt_score(t.claimed_total, t.claimed_grade)} | "
            f"{fmt_score(t.recomputed_total, t.recomputed_grade)} | {sev[0]} | {sev[1]} | {sev[2]} |"
        )
    out.append("")

    out += ["## 二、主要问题", ""]
    if not memo.main_issues:
        out.append("未发现需要报告的问题。")
    for n, g in enumerate(memo.main_issues, 1):
        out.append(f"### （{_cn(n)}）{g.title}（{g.count} 项，最高为{g.worst.label}）")
        out.append("")
        out.append("涉及项目：" + "、".join(g.projects) + "。")
        by_project: dict[str, list[str]] = {}
        for t in memo.tables:
            for f in t.findings:
                if f.code in g.codes and f.severity.value != "info":
                    rule = get_rule(f.code) if f.source == "rules" else None
                    label = f.indicator or (rule.title if rule else f.message.split("，")[0])
                    by_project.setdefault(t.project, [])
                    if label not in by_project[t.project]:
                        by_project[t.project].append(label)
        for project, labels in by_project.items():
            out.append(f"- {project}：" + "、".join(labels))
        out.append("")

    out += ["## 三、逐项复核意见", ""]
    for n, t in enumerate(memo.tables, 1):
        out += _table_section(n, t)

    out += ["## 四、说明", ""]
    notes = memo.notes
    families = sorted({r.code[0] for r in notes.rules_applied})
    items = [
        f"复核依据：财预〔2020〕10号《项目支出绩效评价管理办法》及附件、各地预算管理一体化系统的校验规则和复核实务，"
        f"共适用规则 {len(notes.rules_applied)} 条（{'、'.join(families)} 类），`review rules` 可列出全部规则。",
    ]
    if notes.rounding:
        items.append(notes.rounding)
    for f in memo.report_findings:
        if f.code != "B102":
            items.append(f"【{f.severity.label}】{f.message}")
    items += notes.not_reviewed
    llm = notes.llm
    if llm.enabled:
        dropped = sum(s.findings_dropped for s in llm.tables)
        kept = sum(s.findings_kept for s in llm.tables)
        cost = f"，估算费用 {llm.cost:.4f}" if llm.cost is not None else ""
        items.append(
            f"大模型审读：模型 {llm.model}，提示词版本 {llm.prompt_version}；保留有原文依据的意见 {kept} 条，"
            f"因引文在原文中找不到而舍弃 {dropped} 条；请求 {llm.requests} 次（缓存命中 {llm.cache_hits} 次），"
            f"输入 {llm.tokens_in} / 输出 {llm.tokens_out} tokens{cost}。大模型意见仅涉及文字叙述，不改变任何数字。"
        )
    if notes.config_source:
        items.append(f"配置文件：{notes.config_source}")
    for n, item in enumerate(items, 1):
        out.append(f"{n}. {item}")
    if notes.leftovers:
        out += ["", "未解析内容：", ""]
        for lo in notes.leftovers[:50]:
            out.append(f"- {lo.location.describe()}：{lo.text}")
        if len(notes.leftovers) > 50:
            out.append(f"- ……共 {len(notes.leftovers)} 处")
    out.append("")
    return "\n".join(out)
