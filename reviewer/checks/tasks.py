"""F: a 部门整体 form's 年度主要任务 — a task spending past its budget, the tasks' 合计, a task's
执行率 (F105–F107)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reviewer.checks.context import Hit, TableContext, cell_evidence
from reviewer.checks.registry import rule
from reviewer.lazyre import lazy_compile
from reviewer.model import Category, EvaluationTable, Evidence, Severity, Task
from reviewer.numbers import fmt, fmt_rate
from reviewer.parse.values import decimals

_CENT = 0.005  # amounts agree to the cent (in the table's unit)
# Words that give a reason for spending past a task's budget.
_REASONS = ("调剂", "超支", "超出预算", "超预算", "超出部分")  # (追加 says why the budget grew)
_SENTENCES = lazy_compile(r"[。；;\n]")


@rule(
    "F105",
    "主要任务执行数超过预算数",
    "task-overspent",
    Category.CONSISTENCY,
    Severity.WARNING,
    "建议",
    "budget",
    what="部门整体表“年度主要任务”中，单项任务的执行数不应超过其预算数；超出时应说明原因（追加、调剂等）。",
    why="任务执行数超过预算数，说明资金超预算使用或在任务间调剂，复核时应了解依据。",
    example="任务“动物疫病防控”预算数185.00万元，执行数212.48万元。",
    fix="核对任务的预算数与执行数；如有追加或调剂，在表中说明。",
    funds=True,
)
def task_overspent(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    said = _SENTENCES.split(t.goal_actual + "。".join([*t.fields.values(), *t.notes]))
    for task in t.tasks:
        if task.budget is None or task.executed is None or task.budget <= 0:
            continue
        over = task.executed - task.budget
        if over <= _CENT:
            continue
        if any(w in task.content or w in task.status for w in _REASONS) or any(
            _names(s, task.name, over) and any(w in s for w in _REASONS) for s in said
        ):
            continue  # the overspend explained: in the task's own cell, or a sentence naming it
        yield Hit(
            f"年度主要任务「{task.name}」执行数{_printed(task, 'executed')}{t.amount_unit}，超过"
            f"预算数{_printed(task, 'budget')}{t.amount_unit}（超出{fmt(round(over, 2))}，"
            f"{task.executed / task.budget * 100:.2f}%），表中未说明原因。",
            expected=f"≤ {fmt(task.budget)}",
            found=fmt(task.executed),
            evidence=_cells(task, "name", "budget", "executed"),
            suggestion="核对该任务的预算数与执行数；如有追加或调剂，说明依据。",
        )


def _names(sentence: str, name: str, over: float) -> bool:
    """``sentence`` is about the task: its name, its name's last words (疫情防控任务 for
    新冠肺炎疫情防控), or the amount it went over (超出任务预算18.60万元)."""
    return (
        name in sentence
        or (len(name) > _NAME_TAIL and name[-_NAME_TAIL:] in sentence)
        or fmt(round(over, 2)) in sentence.replace(",", "")
    )


_NAME_TAIL = 4


@rule(
    "F106",
    "主要任务合计不符",
    "tasks-total",
    Category.ARITHMETIC,
    Severity.ERROR,
    "强制",
    "budget",
    what="部门整体表“年度主要任务”印有合计行时，合计的预算数、执行数应等于各任务之和；"
    "任务下列出“其中”项的，各其中项之和不应超过该任务的预算数、执行数；"
    "各任务预算数之和恰等于年度资金总额全年预算数的（任务涵盖了全部资金），各任务执行数之和也应等于全年执行数。",
    why="合计与各任务之和不符，说明某项金额或合计填错。",
    example="各任务执行数之和2099.43万元，合计行为2067.88万元。",
    fix="核对各任务金额与合计，改正填错的一项。",
    funds=True,
)
def tasks_total(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    yield from _parts_within_tasks(t)
    total = t.tasks_total
    if total is None:  # (a 合计 row is held against its tasks first: the one finding)
        yield from _tasks_against_funds(t)
    if total is None or not t.tasks:
        return
    for field, label in (("budget", "预算数"), ("executed", "执行数")):
        printed = getattr(total, field)
        amounts = [getattr(task, field) for task in t.tasks]
        if printed is None or any(a is None for a in amounts):
            continue
        summed = sum(a for a in amounts if a is not None)
        if abs(summed - printed) <= _CENT * len(amounts):
            continue
        yield Hit(
            f"年度主要任务合计行的{label}为{fmt(printed)}{t.amount_unit}，"
            f"各任务{label}之和为{fmt(round(summed, 2))}{t.amount_unit}，两者不符。",
            expected=fmt(round(summed, 2)),
            found=fmt(printed),
            evidence=_cells(total, field) + [e for k in t.tasks for e in _cells(k, field)],
            suggestion="核对各任务金额与合计行，改正填错的一项。",
        )


def _tasks_against_funds(t: EvaluationTable) -> Iterator[Hit]:
    """Tasks whose budgets add up to the year's whole budget, or to its 项目支出 (every 万元 of
    it given to a task), and whose spending does not add up to that row's spending."""
    budgets = [task.budget for task in t.tasks]
    spent = [task.executed for task in t.tasks]
    if len(t.tasks) < _MIN_TASKS or any(v is None for v in (*budgets, *spent)):
        return
    wholes = [("年度资金总额", t.funds.annual_total)] + [
        (label, row) for label, row in t.funds.extra.items() if _PROJECTS.fullmatch(label)
    ]
    for label, whole in wholes:
        if whole.full_year_budget is None or whole.executed is None:
            continue
        if abs(sum(v or 0.0 for v in budgets) - whole.full_year_budget) > _CENT * len(budgets):
            continue  # (tasks for part of the money only: the rest is no task's)
        summed = round(sum(v or 0.0 for v in spent), 2)
        if abs(summed - whole.executed) <= _CENT * len(spent):
            return
        yield Hit(
            f"年度主要任务的预算数之和等于{label}的全年预算数{fmt(whole.full_year_budget)}"
            f"{t.amount_unit}，而各任务执行数之和为{fmt(summed)}{t.amount_unit}，与其全年执行数"
            f"{fmt(whole.executed)}{t.amount_unit}不符。",
            expected=fmt(whole.executed),
            found=fmt(summed),
            evidence=cell_evidence(whole.cells.get("executed"))
            + [e for k in t.tasks for e in _cells(k, "executed")],
            suggestion=f"核对各任务的执行数与{label}的全年执行数，改正填错的一项。",
        )
        return


# A 部门整体 block's project spending's row (项目支出, 其中：项目支出): the tasks' money.
_PROJECTS = lazy_compile(r"(?:其中\s*[:：]?\s*)?项目支出(?:[(（]万元[)）])?")


_MIN_TASKS = 2


def _parts_within_tasks(t: EvaluationTable) -> Iterator[Hit]:
    """A task's 其中 lines adding up to more than the task (其中 380.00 + 1080.00 under a
    task of 1420.00)."""
    for task in t.tasks:
        for field, label in (("budget", "预算数"), ("executed", "执行数")):
            whole = getattr(task, field)
            amounts = [getattr(p, field) for p in task.parts]
            if whole is None or not amounts or any(a is None for a in amounts):
                continue
            summed = round(sum(a for a in amounts if a is not None), 2)
            if summed - whole <= _CENT * len(amounts):
                continue
            yield Hit(
                f"年度主要任务「{task.name}」{label}为{fmt(whole)}{t.amount_unit}，其下各其中项"
                f"{label}之和为{fmt(summed)}{t.amount_unit}，超过该任务。",
                expected=f"≤ {fmt(whole)}",
                found=fmt(summed),
                evidence=_cells(task, field) + [e for p in task.parts for e in _cells(p, field)],
                suggestion="核对该任务及其其中项的金额，改正填错的一项。",
            )


@rule(
    "F107",
    "主要任务执行率计算错误",
    "task-rate",
    Category.ARITHMETIC,
    Severity.ERROR,
    "强制",
    "budget",
    what="部门整体表“年度主要任务”印有执行率的，各任务的执行率应等于其执行数 ÷ 预算数；"
    "允许末位一个单位的取舍差异。",
    why="任务执行率算错，说明执行数、预算数或执行率中有一项填错。",
    example="任务“学生资助”预算数1280.00万元、执行数1196.80万元，执行率应为93.50%，表中为95.30%。",
    fix="按任务的执行数 ÷ 预算数重新计算执行率。",
    funds=True,
)
def task_rate(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    for task in [*t.tasks, *([t.tasks_total] if t.tasks_total else [])]:
        ref = task.cells.get("rate_pct")
        if task.rate_pct is None or ref is None or not task.budget or task.executed is None:
            continue
        exact = Decimal(str(task.executed)) / Decimal(str(task.budget)) * 100
        unit = Decimal(1).scaleb(-decimals(ref.text))
        if abs(Decimal(str(task.rate_pct)) - exact) <= unit:
            continue  # within a unit of its last printed digit: rounded or cut
        yield Hit(
            f"年度主要任务「{task.name}」执行率填报为{ref.text}，按执行数{_printed(task, 'executed')}"
            f"÷预算数{_printed(task, 'budget')}应为{fmt_rate(exact)}。",
            expected=fmt_rate(exact),
            found=ref.text,
            evidence=_cells(task, "budget", "executed", "rate_pct"),
            suggestion="按该任务的执行数÷预算数重新计算执行率。",
        )


def _printed(task: Task, field: str) -> str:
    ref = task.cells.get(field)
    return ref.text if ref is not None else fmt(getattr(task, field))


def _cells(task: Task, *fields: str) -> list[Evidence]:
    return cell_evidence(*(task.cells.get(f) for f in fields))
