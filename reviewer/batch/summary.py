"""The batch summary: every table of every file, ranked by risk, in Markdown, CSV and .xlsx.

Ranking (the riskiest first): more errors; then more findings to verify (需核实); then a larger gap
between the claimed and the recomputed total score; then lower budget execution (全年执行数 /
全年预算数). Each row links to its memo by a path relative to the summary. Files that could not be
reviewed follow, each with its error; so do files an interrupted run did not reach.

The summary says what the output folder holds for these inputs, not what this run did (the
command line says that): so a rerun that changes nothing leaves it as it is, and skips writing
it (``records.unchanged``), which for a province's 100,000 tables saves seconds.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from reviewer import untrusted
from reviewer.atomic import atomic_write
from reviewer.batch.files import SUMMARY_STEM
from reviewer.batch.records import (
    FileOutcome,
    TableRow,
    summary_digest,
    unchanged,
    write_summary_stamp,
)
from reviewer.numbers import fmt, fmt_money, fmt_signed
from reviewer.version import __version__

RANKING = "排序依据（风险高者在前）：错误数、需核实数、自评与复算总分之差、预算执行率（低者在前）。"
COLUMNS = (
    "序号",
    "文件",
    "表序",
    "项目名称",
    "主管部门",
    "错误",
    "需核实",
    "提示",
    "自评总分",
    "复算总分",
    "总分差",
    "全年预算数",
    "全年执行数",
    "金额单位",
    "执行率（复算）",
    "复核意见",
    "状态",
)


@dataclass
class Ranked:
    """One row of the summary: a reviewed table, or a file that was not reviewed."""

    source: str
    memo: str | None
    status: str
    table: TableRow | None = None
    error: str | None = None
    rank: int | None = None
    text: list[str] | None = None  # the row as text, made once for the three summaries
    cells: list[str] | None = None  # the row as spreadsheet cells, once for CSV and .xlsx

    @property
    def gap(self) -> float | None:
        t = self.table
        if t is None or t.claimed_total is None or t.recomputed_total is None:
            return None
        return round(t.claimed_total - t.recomputed_total, 2)

    @property
    def rate(self) -> float | None:
        t = self.table
        if t is None or not t.full_year_budget or t.executed is None:
            return None
        return round(t.executed / t.full_year_budget * 100, 2)

    def state(self) -> str:
        if self.status == "failed":
            return f"未能复核：{self.error}"
        if self.status == "unfinished":
            return "未复核（运行被中断）"
        return "已复核"


def risk_key(r: Ranked) -> tuple[int, int, float, float, str, int]:
    t = r.table
    assert t is not None
    rate = r.rate
    return (
        -t.errors,
        -t.warnings,
        -abs(r.gap or 0.0),
        rate if rate is not None else float("inf"),
        r.source,
        t.table_index,
    )


def rank(outcomes: list[FileOutcome], unfinished: list[str]) -> list[Ranked]:
    """Reviewed tables ranked by risk (numbered 1…), then failed and unfinished files."""
    tables = [
        Ranked(o.source, o.memo, o.status, table=t)
        for o in outcomes
        if o.status != "failed"
        for t in o.tables
    ]
    tables.sort(key=risk_key)
    for n, r in enumerate(tables, 1):
        r.rank = n
    failed = [
        Ranked(o.source, None, o.status, error=o.error) for o in outcomes if o.status == "failed"
    ]
    rest = [Ranked(name, None, "unfinished") for name in unfinished]
    return tables + failed + rest


def _cells(r: Ranked) -> list[str]:
    t = r.table
    if t is None:
        return [""] * 13
    claimed = fmt(t.claimed_total, none="")
    recomputed = fmt(t.recomputed_total, none="")
    total = [
        f"{claimed}（{t.claimed_grade}）" if t.claimed_grade else claimed,
        f"{recomputed}（{t.recomputed_grade}）" if t.recomputed_grade else recomputed,
    ]
    gap = r.gap
    return [
        str(t.table_index + 1),
        t.project,
        t.department,
        str(t.errors),
        str(t.warnings),
        str(t.infos),
        *total,
        "" if gap is None else fmt_signed(gap),
        fmt_money(t.full_year_budget, none=""),
        fmt_money(t.executed, none=""),
        t.amount_unit,
        "" if r.rate is None else f"{r.rate:.2f}%",
    ]


def _row(r: Ranked) -> list[str]:
    """The row as text, in COLUMNS order."""
    if r.text is None:
        r.text = [str(r.rank or ""), r.source, *_cells(r), r.memo or "", r.state()]
    return r.text


def sheet_cells(r: Ranked) -> list[str]:
    """The row as CSV and .xlsx cells: text that a spreadsheet never takes for a formula, on
    one line, without control characters (``untrusted.sheet_row``)."""
    if r.cells is None:
        r.cells = untrusted.sheet_row(_row(r))
    return r.cells


def _headline(outcomes: list[FileOutcome], unfinished: list[str], rows: list[Ranked]) -> list[str]:
    n_tables = sum(1 for r in rows if r.table is not None)
    failed = sum(1 for o in outcomes if o.status == "failed")
    errors = sum(r.table.errors for r in rows if r.table is not None)
    warnings = sum(r.table.warnings for r in rows if r.table is not None)
    with_errors = sum(1 for r in rows if r.table is not None and r.table.errors)
    lines = [
        f"共 {len(outcomes) + len(unfinished)} 个文件：已复核 {len(outcomes) - failed} 个，"
        f"未能复核 {failed} 个"
        + (f"，因运行中断尚未复核 {len(unfinished)} 个" if unfinished else "")
        + "。",
        f"共 {n_tables} 张表，发现错误 {errors} 项、需核实 {warnings} 项；{with_errors} 张表存在错误。",
    ]
    return lines


def render_markdown(outcomes: list[FileOutcome], unfinished: list[str], rows: list[Ranked]) -> str:
    out = ["# 批量复核汇总", "", *_headline(outcomes, unfinished, rows), "", RANKING, ""]
    heads = [c for c in COLUMNS if c != "状态"]
    out.append("| " + " | ".join(heads) + " |")
    out.append(
        "|"
        + "|".join("---:" if h in ("序号", "错误", "需核实", "提示") else "---" for h in heads)
        + "|"
    )
    links: dict[str, str] = {}  # a file's tables link to its one memo: quoted once
    for r in rows:
        if r.table is None:
            continue
        cells = untrusted.markdown_row(_row(r)[:-1])
        memo = r.memo or ""
        link = links.get(memo)
        if link is None:
            link = links[memo] = f"[复核意见]({quote(memo)})"
        cells[-1] = link
        out.append("| " + " | ".join(cells) + " |")
    failed = [r for r in rows if r.status == "failed"]
    if failed:
        out += ["", "## 未能复核的文件", ""]
        out += [
            "- {}：{}".format(*untrusted.markdown_row([r.source, r.error or "原因不详"]))
            for r in failed
        ]
    rest = [r for r in rows if r.status == "unfinished"]
    if rest:
        out += ["", "## 运行被中断，尚未复核的文件（重新运行即可继续）", ""]
        out += [f"- {untrusted.markdown(r.source)}" for r in rest]
    out.append("")
    return "\n".join(out)


def render_csv(rows: list[Ranked]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(sheet_cells(r) for r in rows)
    return "\ufeff" + buf.getvalue()  # with a BOM, spreadsheet programs read it as UTF-8


def write_summaries(
    outcomes: list[FileOutcome], unfinished: list[str], out_dir: Path
) -> list[Path]:
    """Write summary.md, summary.csv and summary.xlsx into ``out_dir``; return their paths.

    Nothing is written when the summaries there were made from the same records and have not
    been touched since.
    """
    md = out_dir / f"{SUMMARY_STEM}.md"
    csv_path = out_dir / f"{SUMMARY_STEM}.csv"
    xlsx = out_dir / f"{SUMMARY_STEM}.xlsx"
    paths = [md, csv_path, xlsx]
    digest = summary_digest(outcomes, unfinished, __version__)
    if unchanged(out_dir, digest, paths):
        return paths
    from reviewer.batch.summary_xlsx import write_xlsx

    rows = rank(outcomes, unfinished)
    atomic_write(md, render_markdown(outcomes, unfinished, rows))
    atomic_write(csv_path, render_csv(rows))
    write_xlsx(xlsx, rows, _headline(outcomes, unfinished, rows))
    write_summary_stamp(out_dir, digest, paths)
    return paths
