"""The run's report: a rich table on the terminal, Markdown and JSON written to a folder.

Held-out datasets (labelled independently of the tool) come first, as the headline, with how
their labels were made; the in-sample datasets follow as regression checks. Every dataset shows
the content-blind tools beside the real one, severity agreement apart from finding, and, where
there is a gold parse, the tables and rows the parser found.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from eval.compare import KIND_ZH, Comparison
from eval.match import RULE
from eval.metrics import CATEGORIES, DatasetSummary, Stats
from eval.parsecheck import ParseCheck

REPORT_FORMAT = "reviewer-eval-report/2"
CATEGORY_ZH = {
    "arithmetic": "计算",
    "scoring": "计分",
    "explanation": "说明",
    "consistency": "一致性",
    "indicator": "指标设置",
    "structure": "表格结构",
    "overall": "合计",
}
SEVERITY_ZH = {"error": "错误", "warning": "需核实", "info": "提示"}
BLIND_ZH = {
    "dumb": "笨工具（在每个扣分或完成值≠指标值的行写“此处可能有问题”）",
    "nonsense": "乱码工具（本工具的意见，代码和文字换成无意义内容）",
}
CI_NOTE = "95% 区间为 Wilson 区间（把每条标注、每条意见当作独立试验，同表的问题相关，区间偏窄）"


def pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def ci(x: tuple[float, float] | None) -> str:
    return "" if x is None else f"[{x[0]:.2f}, {x[1]:.2f}]"


def short_ci(x: tuple[float, float] | None) -> str:
    return "" if x is None else f"{x[0]:.2f}–{x[1]:.2f}"


def _rows(s: DatasetSummary) -> list[tuple[str, Stats]]:
    return [(c, s.categories[c]) for c in CATEGORIES] + [("overall", s.overall)]


def _label(category: str) -> str:
    return f"{CATEGORY_ZH.get(category, category)} {category}"


def title(s: DatasetSummary) -> str:
    pre = " · 预注册标注" if s.labels_scored == "pre-registered" else ""
    return f"数据集 {s.dataset}{pre} · 后端 {s.backend} · {s.documents} 份文档"


def made_line(s: DatasetSummary) -> str:
    made = s.provenance.get("made_by", "")
    process = s.provenance.get("process", "")
    return f"标注方式 / how the labels were made: {made.rstrip('.')}. {process}" if made else ""


def layers_line(s: DatasetSummary) -> str:
    parts = [f"{name} 层找到 {v.found}/{v.labels}" for name, v in s.layers.items() if v.labels]
    total = sum(v.labels for v in s.layers.values())
    found = sum(v.found for v in s.layers.values())
    return f"标注（必需）共 {total} 条，找到 {found} 条：" + "；".join(parts)


def severity_line(s: DatasetSummary) -> str:
    parts = [
        f"{SEVERITY_ZH[k]} 找到 {v.found}/{v.labels}（级别一致 {v.same}）"
        for k, v in s.severity.items()
        if v.labels
    ]
    agree = "—" if s.severity_agreement is None else f"{s.severity_agreement:.2f}"
    return "按标注级别：" + "；".join(parts) + f"；找到的标注中级别一致的比例 {agree}"


def _brief(st: Stats) -> str:
    return f"F1 {pct(st.f1)}，召回率 {pct(st.recall)}，精确率 {pct(st.precision)}"


def flagged_line(s: DatasetSummary) -> str:
    """The precision reviewers feel: of the 错误 and 需核实 findings, how many are real."""
    f = s.flagged
    return (
        f"错误与需核实意见（复核人员要处理的）：{f.tp + f.fp} 条中 {f.tp} 条属实，精确率 "
        f"{pct(f.precision)}（95% 区间 {short_ci(f.ci_precision)}）；错误与需核实标注找到 "
        f"{f.tp}/{f.tp + f.fn}。"
    )


def llm_only_line(s: DatasetSummary) -> str:
    """The LLM stage's own figures, beside the combined ones (only when it ran)."""
    f = s.llm_only
    if s.backend == "rules":
        return ""
    return (
        f"大模型单独：意见 {f.tp + f.fp} 条中 {f.tp} 条属实，精确率 {pct(f.precision)}；"
        f"大模型层标注找到 {f.tp}/{f.tp + f.fn}，召回率 {pct(f.recall)}。"
    )


def blind_line(s: DatasetSummary) -> str:
    b = s.blind
    line = (
        f"内容无关的对照（合计，同一标注）：本工具 {_brief(s.overall)}；"
        f"笨工具 {_brief(b['dumb'])}；乱码工具 {_brief(b['nonsense'])}。"
    )
    if "tool-place-only" in b:
        line += (
            f"若只按位置匹配（旧规则）：本工具召回率 {pct(b['tool-place-only'].recall)}，"
            f"笨工具召回率 {pct(b['dumb-place-only'].recall)}。"
        )
    return line


def llm_line(s: DatasetSummary) -> str:
    return (
        f"LLM 失败的表 {s.llm_failed_tables}，无效输出（引文不符而丢弃）{s.llm_invalid_outputs}，"
        f"因 LLM 失败未计分的标注 {s.llm_unscored_labels}；无法读取的文档 {s.errors}"
    )


def unreadable(s: DatasetSummary) -> list[str]:
    return [f"{d.id}：{d.error}" for d in s.docs if d.error]


# ------------------------------------------------------------------------------ parse table


def parse_groups(summaries: list[DatasetSummary]) -> dict[str, dict[str, list[ParseCheck]]]:
    """Parse checks grouped by source dataset (``corpus`` and ``corpus-tsv`` together)."""
    groups: dict[str, dict[str, list[ParseCheck]]] = defaultdict(dict)
    for s in summaries:
        if s.parse and s.labels_scored == "current":
            root = s.dataset.split("-")[0]
            groups[root][s.dataset] = s.parse
    return groups


def _cell(p: ParseCheck | None) -> str:
    if p is None:
        return ""
    if p.error is not None:
        return "未能解析"
    return f"表 {p.tables_found}/{p.gold_tables}，行 {p.rows_found}/{p.rows_right}/{p.gold_rows}"


def parse_rows(renderings: dict[str, list[ParseCheck]]) -> tuple[list[str], list[list[str]]]:
    names = list(renderings)
    by_doc: dict[str, dict[str, ParseCheck]] = defaultdict(dict)
    for name, checks in renderings.items():
        for p in checks:
            by_doc[p.doc][name] = p
    rows = []
    for doc in sorted(by_doc):
        first = next(iter(by_doc[doc].values()))
        rows.append(
            [doc, str(first.gold_tables), str(first.gold_rows)]
            + [_cell(by_doc[doc].get(n)) for n in names]
        )
    totals = ["合计", "", ""]
    for n in names:
        ps = renderings[n]
        totals.append(
            f"读出 {sum(p.error is None for p in ps)}/{len(ps)} 份；表 {sum(p.tables_found for p in ps)}"
            f"/{sum(p.gold_tables for p in ps)}，行 {sum(p.rows_found for p in ps)}"
            f"/{sum(p.rows_right for p in ps)}/{sum(p.gold_rows for p in ps)}"
        )
    return names, [*rows, totals]


PARSE_NOTE = (
    "解析对照 / parse against the gold：每格为 表 找到/金标准，行 找到/正确/金标准（正确：指标值、"
    "实际完成值、分值、得分与金标准一致，值按印出的文字比较）；“未能解析”的文件其全部标注计为遗漏。"
)


# ------------------------------------------------------------------------------ terminal


def _stats_table(s: DatasetSummary) -> Table:
    table = Table(title=escape(title(s)), caption=CI_NOTE)
    table.add_column("类别", no_wrap=True)
    for col in ("TP", "FP", "FN"):
        table.add_column(col, justify="right", no_wrap=True)
    for col in ("精确率 (95%)", "召回率 (95%)", "F1"):
        table.add_column(col, justify="right", no_wrap=True)
    for c, st in _rows(s):
        table.add_row(
            CATEGORY_ZH[c],
            str(st.tp),
            str(st.fp),
            str(st.fn),
            f"{pct(st.precision)} {short_ci(st.ci_precision)}",
            f"{pct(st.recall)} {short_ci(st.ci_recall)}",
            pct(st.f1),
        )
    return table


def _terminal_dataset(console: Console, s: DatasetSummary) -> None:
    console.print(_stats_table(s))
    if made_line(s):
        console.print(escape(made_line(s)))
    console.print(escape(flagged_line(s)))
    if llm_only_line(s):
        console.print(escape(llm_only_line(s)))
    console.print(escape(blind_line(s)))
    console.print(severity_line(s))
    console.print(layers_line(s))
    console.print(llm_line(s))
    bad = unreadable(s)
    if bad:
        console.print(f"无法读取的文档 {len(bad)} 份（其标注全部计为遗漏）：")
        for line in bad[:20]:
            console.print(f"  {escape(line)}")
    for name, table in (("注入类型", s.mutations), ("版式", s.layouts)):
        weak = {k: v for k, v in table.items() if v.fn or v.fp}
        if weak:
            console.print(
                f"{name}中有遗漏或误报的："
                + "，".join(f"{k}（漏 {v.fn}，误 {v.fp}）" for k, v in weak.items())
            )
    for problem in s.problems:
        console.print(f"[red]注意[/]：{escape(problem)}")


def terminal(
    console: Console,
    summaries: list[DatasetSummary],
    pre: list[DatasetSummary],
    cmp: Comparison | None,
    out: Path,
) -> None:
    console.print(f"[dim]{escape(RULE)}[/]")
    held = [s for s in summaries if s.role == "held-out"]
    rest = [s for s in summaries if s.role != "held-out"]
    for heading, group in (
        ("留出集（独立标注，主要结果）/ held-out: the headline", held),
        ("回归检查（样本内）/ regression checks (in-sample)", rest),
    ):
        if not group:
            continue
        console.rule(heading)
        for s in group:
            _terminal_dataset(console, s)
            for p in pre:
                if p.dataset == s.dataset:
                    console.print(_stats_table(p))
        if heading.startswith("留出集"):
            _terminal_parse(console, group)
    if cmp is not None:
        _terminal_comparison(console, cmp)
    console.print(f"报告已写入 {out}/report.md、{out}/report.json")


def _terminal_parse(console: Console, group: list[DatasetSummary]) -> None:
    for root, renderings in parse_groups(group).items():
        names, rows = parse_rows(renderings)
        table = Table(title=f"解析对照 {root}", caption=PARSE_NOTE)
        for col in ["文件", "表", "行", *names]:
            table.add_column(col)
        for r in rows:
            table.add_row(*[escape(x) for x in r])
        console.print(table)


def _terminal_comparison(console: Console, cmp: Comparison) -> None:
    if cmp.passed:
        console.print(f"[green]基线检查通过[/]（基线 {cmp.baseline}）")
    else:
        console.print(f"[red]基线检查未通过[/]（基线 {cmp.baseline}）：")
        for (dataset, category), kinds in sorted(cmp.per_category().items()):
            counts = "，".join(f"{KIND_ZH[k]} {n}" for k, n in sorted(kinds.items()))
            console.print(f"  {dataset} · {_label(category) if category != '—' else '—'}：{counts}")
        for f in cmp.failures[:20]:
            where = f"{f.doc} " if f.doc else ""
            console.print(
                f"  {KIND_ZH[f.kind]} {f.dataset}/{escape(where + f.item)} {escape(f.detail[:120])}"
            )
        if len(cmp.failures) > 20:
            console.print(f"  …其余 {len(cmp.failures) - 20} 条见 report.md")
    if cmp.improvements:
        n = sum(len(i.now_found) + len(i.no_longer_spurious) for i in cmp.improvements)
        console.print(f"改进 {n} 处（新找到或不再多报，见 report.md）")


# ------------------------------------------------------------------------------ Markdown


def _md(text: str) -> str:
    """Untrusted text (labels, messages, file names) in a Markdown table cell or list item."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown(
    summaries: list[DatasetSummary],
    pre: list[DatasetSummary],
    cmp: Comparison | None,
    meta: dict[str, Any],
) -> str:
    lines = [
        "# 评测报告 / Evaluation report",
        "",
        f"- 后端 / backend: `{meta['backend']}`",
        f"- 时间 / date: {meta['created']}",
        f"- 规则选择 / rules: select={meta['select'] or '全部'} ignore={meta['ignore'] or '无'}",
        f"- {RULE}",
        "- 计数：找到的必需标注为 TP，未找到的必需标注为 FN，未匹配任何标注的预测为 FP；可选标注吸收的预测不计；"
        f"LLM 失败的表上的 llm 层标注单独计数。{CI_NOTE}。",
        "",
    ]
    held = [s for s in summaries if s.role == "held-out"]
    rest = [s for s in summaries if s.role != "held-out"]
    if held:
        lines += ["## 留出集（独立标注，主要结果）/ Held-out (the headline)", ""]
        for s in held:
            lines += _markdown_dataset(s, pre)
        for root, renderings in parse_groups(held).items():
            lines += _markdown_parse(root, renderings)
    if rest:
        lines += ["## 回归检查（样本内）/ Regression checks (in-sample)", ""]
        for s in rest:
            lines += _markdown_dataset(s, pre)
    if cmp is not None:
        lines += _markdown_comparison(cmp)
    return "\n".join(lines) + "\n"


def _markdown_table(s: DatasetSummary) -> list[str]:
    lines = [
        "| 类别 | TP | FP | FN | 精确率 | 95% CI | 召回率 | 95% CI | F1 |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for c, st in _rows(s):
        lines.append(
            f"| {_label(c)} | {st.tp} | {st.fp} | {st.fn} | {pct(st.precision)} | "
            f"{ci(st.ci_precision)} | {pct(st.recall)} | {ci(st.ci_recall)} | {pct(st.f1)} |"
        )
    return lines


def _markdown_dataset(s: DatasetSummary, pre: list[DatasetSummary]) -> list[str]:
    lines = [
        f"### {title(s)}",
        "",
        f"计分方式 `{s.scoring}`"
        + (f"（与原表相同的预测 {s.excluded} 条不计）" if s.scoring == "difference" else "")
        + f"；可选标注 {s.optional_labels} 条，吸收预测 {s.absorbed} 条；用时 {s.seconds} 秒。",
        "",
        *_markdown_table(s),
        "",
    ]
    if made_line(s):
        lines += [f"- {_md(made_line(s))}"]
    lines += [
        f"- {flagged_line(s)}",
        *([f"- {llm_only_line(s)}"] if llm_only_line(s) else []),
        f"- {blind_line(s)}",
        f"  - {BLIND_ZH['dumb']}；{BLIND_ZH['nonsense']}。",
        f"- {severity_line(s)}",
        f"- {layers_line(s)}",
        f"- {llm_line(s)}",
    ]
    lines += [f"- **注意**：{_md(p)}" for p in s.problems]
    lines.append("")
    for p in pre:
        if p.dataset == s.dataset:
            lines += [f"#### {title(p)}", "", *_markdown_table(p), ""]
    for name, table in (("注入类型", s.mutations), ("版式", s.layouts)):
        if table:
            lines += [
                f"#### 各{name}",
                "",
                f"| {name} | TP | FP | FN | 召回率 |",
                "|---|--:|--:|--:|--:|",
            ]
            for k, v in table.items():
                lines.append(f"| {k} | {v.tp} | {v.fp} | {v.fn} | {pct(v.recall)} |")
            lines.append("")
    worse = [d for d in s.docs if d.missed or d.spurious or d.error or d.severity]
    lines += [f"#### 逐文档差异（{len(worse)} 份有遗漏、误报或级别不一致）", ""]
    for d in worse:
        head = f"- **{_md(d.id)}**" + (f" `{d.mutation}`" if d.mutation else "")
        head += (f" `{d.layout}`" if d.layout else "") + f"：找到 {d.matched}"
        lines.append(head + (f"，无法读取：{_md(d.error)}" if d.error else ""))
        for m in d.missed:
            where = f"「{_md(m.indicator)}」" if m.indicator else "（整表）"
            lines.append(f"  - 遗漏 {m.label} [{m.category}/{m.layer}] {where} {_md(m.note)}")
        for x in d.spurious:
            lines.append(f"  - 多报 {_md(x.key)} [{x.category}] {_md(x.message)}")
        for sev in d.severity:
            lines.append(
                f"  - 级别 {sev.label}：标注 {sev.expected}，意见 {sev.found}（{sev.code}）"
            )
    lines.append("")
    return lines


def _markdown_parse(root: str, renderings: dict[str, list[ParseCheck]]) -> list[str]:
    names, rows = parse_rows(renderings)
    lines = [f"### 解析对照 {root}", "", PARSE_NOTE, ""]
    lines.append("| 文件 | 表（金标准） | 指标行（金标准） | " + " | ".join(names) + " |")
    lines.append("|---|--:|--:|" + "---|" * len(names))
    lines += ["| " + " | ".join(_md(c) for c in r) + " |" for r in rows]
    return [*lines, ""]


def _markdown_comparison(cmp: Comparison) -> list[str]:
    verdict = "通过" if cmp.passed else "未通过"
    lines = [f"## 与基线比较：{verdict}", "", f"基线 `{cmp.baseline}`。", ""]
    if cmp.failures:
        lines += ["| 数据集 | 类别 | 退步 | 文档 | 项 | 说明 |", "|---|---|---|---|---|---|"]
        for f in cmp.failures:
            lines.append(
                f"| {f.dataset} | {_label(f.category) if f.category else '—'} | {KIND_ZH[f.kind]} | "
                f"{_md(f.doc)} | {_md(f.item)} | {_md(f.detail)} |"
            )
        lines.append("")
    if cmp.improvements:
        lines += ["| 数据集 | 文档 | 新找到 | 不再多报 |", "|---|---|---|---|"]
        for i in cmp.improvements:
            lines.append(
                f"| {i.dataset} | {_md(i.doc)} | {', '.join(i.now_found)} | "
                f"{_md(', '.join(i.no_longer_spurious))} |"
            )
        lines.append("")
    return lines


def write(
    out: Path,
    summaries: list[DatasetSummary],
    pre: list[DatasetSummary],
    cmp: Comparison | None,
    backend: str,
    select: list[str],
    ignore: list[str],
) -> dict[str, Any]:
    """Write report.md and report.json into ``out``; returns the JSON document."""
    out.mkdir(parents=True, exist_ok=True)
    meta: dict[str, Any] = {
        "backend": backend,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "select": select,
        "ignore": ignore,
    }
    doc: dict[str, Any] = {
        "format": REPORT_FORMAT,
        **meta,
        "matching_rule": RULE,
        "datasets": {s.dataset: s.model_dump(mode="json") for s in summaries},
        "preregistered": {s.dataset: s.model_dump(mode="json") for s in pre},
        "comparison": None
        if cmp is None
        else {**cmp.model_dump(mode="json"), "passed": cmp.passed},
    }
    (out / "report.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (out / "report.md").write_text(markdown(summaries, pre, cmp, meta), encoding="utf-8")
    return doc
