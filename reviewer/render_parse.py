"""Show a parsed Report: as JSON, or as rich tables that look like the form."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table

from reviewer.model import EvaluationTable, Report
from reviewer.numbers import fmt
from reviewer.untrusted import terminal


def _fmt(x: float | None) -> str:
    return fmt(x, none="")


def table_view(t: EvaluationTable) -> Panel:
    head = Table.grid(padding=(0, 2))
    head.add_row("主管部门", terminal(t.department), "实施单位", terminal(t.implementer))
    funds = Table(title=f"项目资金（{terminal(t.amount_unit)}）", title_justify="left")
    for col in ("", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"):
        funds.add_column(col, justify="right" if col else "left")
    names = {
        "annual_total": "年度资金总额",
        "current_year_appropriation": "当年财政拨款",
        "prior_year_carryover": "上年结转资金",
        "other": "其他资金",
    }
    for key, row in t.funds.rows().items():
        rate = f"{row.rate_pct:.2f}%" if row.rate_pct is not None else ""
        funds.add_row(
            names[key],
            _fmt(row.initial_budget),
            _fmt(row.full_year_budget),
            _fmt(row.executed),
            _fmt(row.weight),
            rate,
            _fmt(row.score),
        )
    goals = Table(show_header=True, expand=True)
    goals.add_column("预期目标", ratio=1)
    goals.add_column("实际完成情况", ratio=1)
    goals.add_row(terminal(t.goal_expected), terminal(t.goal_actual))
    ind = Table(title="绩效指标", title_justify="left", expand=True)
    for col in (
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因",
    ):
        ind.add_column(col, justify="right" if col in ("分值", "得分") else "left")
    for i in t.indicators:
        texts = (i.l1, i.l2, i.name, i.target, i.actual)
        ind.add_row(
            *(terminal(x) for x in texts),
            _fmt(i.weight),
            _fmt(i.score),
            terminal(i.explanation),
        )
    grade = terminal(t.grade or "")
    ind.add_row("总分", "", "", "", "", _fmt(t.total_weight), _fmt(t.total_score), grade)
    title = f"{terminal(t.project)}（{t.year or '年度不详'}）  第{t.first_line}–{t.last_line}行"
    return Panel(Group(head, funds, goals, ind), title=title, title_align="left")


def print_tables(report: Report, console: Console) -> None:
    for t in report.tables:
        console.print(table_view(t))
