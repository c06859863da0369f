"""The run's report: a rich table on the terminal, Markdown and JSON written to a folder."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from eval.compare import Comparison
from eval.match import RULE
from eval.metrics import CATEGORIES, DatasetSummary, Stats

REPORT_FORMAT = "reviewer-eval-report/1"
CATEGORY_ZH = {
    "arithmetic": "计算",
    "scoring": "计分",
    "explanation": "说明",
    "consistency": "一致性",
    "indicator": "指标设置",
    "structure": "表格结构",
    "overall": "合计",
}


def pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def ci(x: tuple[float, float] | None) -> str:
    return "" if x is None else f"[{x[0]:.2f}, {x[1]:.2f}]"


def short_ci(x: tuple[float, float] | None) -> str:
    return "" if x is None else f"{x[0]:.2f}–{x[1]:.2f}"


def _rows(s: DatasetSummary) -> list[tuple[str, Stats]]:
    return [(c, s.categories[c]) for c in CATEGORIES] + [("overall", s.overall)]


def _label(category: str) -> str:
    return f"{CATEGORY_ZH[category]} {category}"


def layers_line(s: DatasetSummary) -> str:
    parts = [f"{name} 层找到 {v.found}/{v.labels}" for name, v in s.layers.items() if v.labels]
    total = sum(v.labels for v in s.layers.values())
    found = sum(v.found for v in s.layers.values())
    return f"标注（必需）共 {total} 条，找到 {found} 条：" + "；".join(parts)


def llm_line(s: DatasetSummary) -> str:
    return (
        f"LLM 失败的表 {s.llm_failed_tables}，无效输出（引文不符而丢弃）{s.llm_invalid_outputs}，"
        f"因 LLM 失败未计分的标注 {s.llm_unscored_labels}；无法复核的文档 {s.errors}"
    )


def terminal(
    console: Console, summaries: list[DatasetSummary], cmp: Comparison | None, out: Path
) -> None:
    console.print(f"[dim]{RULE}[/]")
    for s in summaries:
        table = Table(
            title=f"数据集 {s.dataset} · 后端 {s.backend} · {s.documents} 份文档",
            caption="计算 arithmetic · 计分 scoring · 说明 explanation · 一致性 consistency · 指标设置 indicator · 表格结构 structure；95% 区间按表重抽样",
        )
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
        console.print(table)
        console.print(layers_line(s))
        console.print(llm_line(s))
        weak = {k: v for k, v in s.mutations.items() if v.fn or v.fp}
        if weak:
            console.print(
                "注入类型中有遗漏或误报的："
                + "，".join(f"{k}（漏 {v.fn}，误 {v.fp}）" for k, v in weak.items())
            )
        worse = [d for d in s.docs if d.missed or d.spurious]
        console.print(f"有遗漏或误报的文档 {len(worse)} 份（逐份差异见 report.md）")
    if cmp is not None:
        _terminal_comparison(console, cmp)
    console.print(f"报告已写入 {out}/report.md、{out}/report.json")


def _terminal_comparison(console: Console, cmp: Comparison) -> None:
    for note in cmp.notes:
        console.print(f"[yellow]注意[/]：{note}")
    if cmp.passed:
        console.print(f"[green]基线检查通过[/]（容差 {cmp.margin:g}，基线 {cmp.baseline}）")
    else:
        console.print(f"[red]基线检查未通过[/]（容差 {cmp.margin:g}，基线 {cmp.baseline}）：")
        for r in cmp.regressions:
            console.print(
                f"  {r.dataset} · {_label(r.category)} · {r.metric}: "
                f"{r.baseline:.3f} → {r.current:.3f}（下降 {r.drop:.3f}）"
            )
    worse = [d for d in cmp.docs if d.worse]
    if worse:
        console.print(f"变差的文档 {len(worse)} 份：")
        for d in worse[:20]:
            console.print(f"  {d.dataset}/{d.doc}: 新漏 {d.newly_missed} 新误报 {d.newly_spurious}")
        if len(worse) > 20:
            console.print(f"  …其余 {len(worse) - 20} 份见 report.md")


def markdown(summaries: list[DatasetSummary], cmp: Comparison | None, meta: dict[str, Any]) -> str:
    lines = [
        "# 评测报告 / Evaluation report",
        "",
        f"- 后端 / backend: `{meta['backend']}`",
        f"- 时间 / date: {meta['created']}",
        f"- 规则选择 / rules: select={meta['select'] or '全部'} ignore={meta['ignore'] or '无'}",
        f"- {RULE}",
        "- 计数：匹配的必需标注为 TP，未匹配的必需标注为 FN，未匹配任何标注的预测为 FP；可选标注吸收的预测不计；"
        "LLM 失败的表上的 llm 层标注单独计数。区间为按表（注入数据集即按文档）重抽样的 95% bootstrap 区间。",
        "",
    ]
    for s in summaries:
        lines += _markdown_dataset(s)
    if cmp is not None:
        lines += _markdown_comparison(cmp)
    return "\n".join(lines) + "\n"


def _markdown_dataset(s: DatasetSummary) -> list[str]:
    lines = [
        f"## 数据集 {s.dataset}",
        "",
        f"{s.documents} 份文档，{s.units} 个计数单位；计分方式 `{s.scoring}`"
        + (f"（与原表相同的预测 {s.excluded} 条不计）" if s.scoring == "difference" else "")
        + f"；可选标注 {s.optional_labels} 条，吸收预测 {s.absorbed} 条；用时 {s.seconds} 秒。",
        "",
        "| 类别 | TP | FP | FN | 精确率 | 95% CI | 召回率 | 95% CI | F1 |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for c, st in _rows(s):
        lines.append(
            f"| {_label(c)} | {st.tp} | {st.fp} | {st.fn} | {pct(st.precision)} | "
            f"{ci(st.ci_precision)} | {pct(st.recall)} | {ci(st.ci_recall)} | {pct(st.f1)} |"
        )
    agree = "—" if s.severity_agreement is None else f"{s.severity_agreement:.2f}"
    lines += [
        "",
        f"- {layers_line(s)}",
        f"- {llm_line(s)}",
        f"- 匹配对中级别一致的比例 {agree}",
        "",
    ]
    if s.mutations:
        lines += [
            "### 各注入类型",
            "",
            "| 注入类型 | TP | FP | FN | 召回率 |",
            "|---|--:|--:|--:|--:|",
        ]
        for k, v in s.mutations.items():
            lines.append(f"| {k} | {v.tp} | {v.fp} | {v.fn} | {pct(v.recall)} |")
        lines.append("")
    worse = [d for d in s.docs if d.missed or d.spurious or d.error]
    lines += [f"### 逐文档差异（{len(worse)} 份有遗漏或误报）", ""]
    for d in worse:
        head = f"- **{d.id}**" + (f" `{d.mutation}`" if d.mutation else "") + f"：匹配 {d.matched}"
        lines.append(head + (f"，错误：{d.error}" if d.error else ""))
        for m in d.missed:
            where = f"「{m.indicator}」" if m.indicator else "（整表）"
            lines.append(f"  - 遗漏 {m.label} [{m.category}/{m.layer}] {where} {m.note}")
        for x in d.spurious:
            lines.append(f"  - 多报 {x.key} [{x.category}] {x.message}")
    lines.append("")
    return lines


def _markdown_comparison(cmp: Comparison) -> list[str]:
    verdict = "通过" if cmp.passed else "未通过"
    lines = [f"## 与基线比较：{verdict}", "", f"基线 `{cmp.baseline}`，容差 {cmp.margin:g}。", ""]
    lines += [f"- 注意：{n}" for n in cmp.notes]
    for r in cmp.regressions:
        lines.append(
            f"- 退步 {r.dataset} · {_label(r.category)} · {r.metric}: "
            f"{r.baseline:.3f} → {r.current:.3f}"
        )
    if cmp.docs:
        lines += [
            "",
            "| 数据集 | 文档 | 新遗漏 | 新多报 | 新找到 | 不再多报 |",
            "|---|---|---|---|---|---|",
        ]
        for d in cmp.docs:
            lines.append(
                f"| {d.dataset} | {d.doc} | {', '.join(d.newly_missed)} | "
                f"{', '.join(d.newly_spurious)} | {', '.join(d.now_found)} | "
                f"{', '.join(d.no_longer_spurious)} |"
            )
    lines.append("")
    return lines


def write(
    out: Path,
    summaries: list[DatasetSummary],
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
        "comparison": None
        if cmp is None
        else {**cmp.model_dump(mode="json"), "passed": cmp.passed},
    }
    (out / "report.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (out / "report.md").write_text(markdown(summaries, cmp, meta), encoding="utf-8")
    return doc
