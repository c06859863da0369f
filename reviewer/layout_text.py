"""Write EvaluationTables back out in the published text layout (tab-separated cells).

Used to build test tables and the eval harness's mutated documents: what it writes, the
parser reads back to the same content. Labels go on the first row of their group.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewer.model import EvaluationTable, FundRow
from reviewer.numbers import fmt_number


def _amount(x: float | None) -> str:
    return "" if x is None else f"{x:.2f}"


def _fund_line(label: str, row: FundRow, total: bool) -> str:
    cells = [
        "",
        label,
        _amount(row.initial_budget),
        _amount(row.full_year_budget),
        _amount(row.executed),
    ]
    if total or row.weight is not None or row.score is not None:  # a row scored as well
        rate = "" if row.rate_pct is None else f"{row.rate_pct:.2f}%"
        cells += [fmt_number(row.weight), rate, fmt_number(row.score)]
    else:
        cells += ["—", "", ""]
    return "\t".join(cells)


def _task_lines(t: EvaluationTable) -> list[str]:
    """A 部门整体 form's 年度主要任务, if the table has them: the header, a row each, 合计."""
    if not t.tasks:
        return []
    rows = [*t.tasks, *([t.tasks_total] if t.tasks_total is not None else [])]
    rated = any(k.rate_pct is not None for k in rows)  # (the form prints each task's 执行率)
    head = "年度主要任务\t任务名称\t主要内容\t预算数\t执行数" + ("\t执行率" if rated else "")
    return [head] + [
        f"\t{k.name}\t{k.content}\t{_amount(k.budget)}\t{_amount(k.executed)}"
        + (f"\t{k.rate_pct:.2f}%" if rated and k.rate_pct is not None else "\t" if rated else "")
        for k in rows
    ]


def table_lines(t: EvaluationTable) -> list[str]:
    year = f"({t.year} 年度)" if t.year else ""
    lines = [
        "财政项目支出绩效自评表\t\t\t\t\t\t\t",
        f"{year}\t\t\t\t\t\t\t",
        f"项目名称\t{t.project}\t\t\t\t\t\t",
        f"主管部门\t{t.department}\t\t\t实施单位\t{t.implementer}\t\t",
        f"项目资金 ({t.amount_unit})\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        _fund_line("年度资金总额", t.funds.annual_total, True),
        _fund_line("其中：当年财政拨款", t.funds.current_year_appropriation, False),
        _fund_line("上年结转资金", t.funds.prior_year_carryover, False),
        _fund_line("其他资金", t.funds.other, False),
        *_task_lines(t),
        "年度总体目标\t预期目标\t\t\t实际完成情况\t\t\t",
        f"\t{t.goal_expected}\t\t\t{t.goal_actual}\t\t\t",
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    ]
    prev_l1 = prev_l2 = None
    sums_after: dict[int, list[str]] = {}  # 小计 rows, each under the last row it sums
    for sub in t.subtotals:
        if sub.rows:
            sums_after.setdefault(max(sub.rows), []).append(
                f"\t\t{sub.label}\t\t\t\t{fmt_number(sub.weight)}\t{fmt_number(sub.score)}\t"
            )
    for k, ind in enumerate(t.indicators):
        l1 = ind.l1 if ind.l1 != prev_l1 else ""
        l2 = ind.l2 if (ind.l2, ind.l1) != (prev_l2, prev_l1) else ""
        prev_l1, prev_l2 = ind.l1, ind.l2
        lines.append(
            "\t".join(
                [
                    "",
                    l1,
                    l2,
                    ind.name,
                    ind.target,
                    ind.actual,
                    fmt_number(ind.weight),
                    fmt_number(ind.score),
                    ind.explanation,
                ]
            )
        )
        lines += sums_after.get(k, [])
    if t.total_printed or t.total_score is not None:
        lines.append(
            f"\t总分\t\t\t\t\t{fmt_number(t.total_weight)}\t{fmt_number(t.total_score)}\t{t.grade}"
        )
    for key, text in t.fields.items():  # the form's text fields after the table (评价结论 …)
        lines.append(f"{t.labels.get(key) or FIELD_LABELS.get(key, key)}\t{text}")
    return lines


# How the national form prints the text fields a table may carry.
FIELD_LABELS = {
    "conclusion": "评价结论",
    "problems": "存在问题",
    "measures": "改进措施",
    "implementation": "项目实施内容及过程概述",
    "other_notes": "其他需要说明事项",
}


def render_text(tables: Iterable[EvaluationTable]) -> str:
    """Tables in the published text layout, separated by blank lines (page breaks)."""
    return "\n\n".join("\n".join(table_lines(t)) for t in tables) + "\n"
