"""T108: a summary of several projects' results (a workbook's 汇总 sheet) against each
project's own table."""

from __future__ import annotations

from collections.abc import Iterator

from reviewer.checks.context import Hit, ProjectResult, ReportFacts
from reviewer.checks.registry import report_rule
from reviewer.config import Config
from reviewer.forms.vocabulary import key
from reviewer.model import Category, CellRef, Evidence, Severity, SummaryEntry
from reviewer.numbers import fmt
from reviewer.parse.values import rounds_to


@report_rule(
    "T108",
    "汇总表所列得分、执行率或金额与项目自评表不符",
    "summary-matches-table",
    Category.CONSISTENCY,
    Severity.WARNING,
    "强制",
    "consistency",
    what="同一文件中汇总各项目自评结果的表（工作簿的汇总页、报告中的自评结果汇总表）所列某项目的自评得分、执行率、"
    "全年预算数和全年执行数，应与该项目自评表的总分、执行率和年度资金总额一致（按汇总表所写的小数位取舍后一致即可，"
    "金额以元和万元分列的按单位换算）。汇总表所列项目在文件中没有"
    "名称相同的自评表的，不核对。",
    why="汇总表是上报和公开的结果；与项目自评表不一致，说明其中一处抄错或未随改分更新。",
    example="汇总页中“家庭医生签约服务经费”自评得分98.83分，而该项目自评表总分为99.83分。",
    fix="核对项目自评表与汇总表，统一为复核后的得分和执行率。",
)
def summary_matches_table(facts: ReportFacts, config: Config) -> Iterator[Hit]:
    for entry in facts.summaries:
        result = facts.results.get(key(entry.project))
        if result is None or not result.reliable:
            continue  # no table of that name in the file (or two, or one said misread)
        said = [
            (label, figure, printed, cell, own)
            for label, figure, printed, cell, own in (
                ("自评得分", entry.score, result.total, entry.cells.get("score"), "总分"),
                ("执行率", entry.rate_pct, result.rate, entry.cells.get("rate_pct"), "执行率"),
                (
                    "全年预算数",
                    entry.budget,
                    result.budget,
                    entry.cells.get("budget"),
                    "全年预算数",
                ),
                (
                    "全年执行数",
                    entry.executed,
                    result.executed,
                    entry.cells.get("executed"),
                    "全年执行数",
                ),
            )
            if figure is not None
            and printed is not None
            and not _agrees(cell, figure, printed, amount=label in _AMOUNTS)
        ]
        if not said:
            continue
        parts = [
            f"{label}为{fmt(figure)}{_UNITS[label]}（该项目自评表的{own}为{fmt(printed)}{_UNITS[label]}）"
            for label, figure, printed, _, own in said
        ]
        yield Hit(
            f"汇总表所列“{entry.project}”的{'、'.join(parts)}，两者不符。",
            expected="、".join(fmt(printed) for _, _, printed, _, _ in said),
            found="、".join(fmt(figure) for _, figure, _, _, _ in said),
            evidence=_evidence(entry, said, result),
            suggestion="核对项目自评表与汇总表，统一为复核后的得分和执行率。",
        )


_UNITS = {"自评得分": "分", "执行率": "%", "全年预算数": "", "全年执行数": ""}
_OTHER_UNIT = (10_000.0, 1 / 10_000.0)  # an amount in 元 against one in 万元, either way


_AMOUNTS = frozenset({"全年预算数", "全年执行数"})


def _agrees(cell: CellRef | None, figure: float, printed: float, amount: bool = False) -> bool:
    """The summary's figure is the table's, to the decimals the summary prints it with (an
    amount perhaps in the other unit: 元 against 万元)."""
    return any(
        abs(figure - printed * f) < 1e-9
        or (cell is not None and rounds_to(cell.text, figure, printed * f))
        for f in ((1.0, *_OTHER_UNIT) if amount else (1.0,))
    )


def _evidence(
    entry: SummaryEntry,
    said: list[tuple[str, float, float, CellRef | None, str]],
    result: ProjectResult,
) -> list[Evidence]:
    """The summary's name and figures, and the table's own figures they differ from."""
    own = {
        "自评得分": result.total_cell,
        "执行率": result.rate_cell,
        "全年预算数": result.budget_cell,
        "全年执行数": result.executed_cell,
    }
    cells = [entry.cells.get("project")]
    for label, _, _, cell, _ in said:
        cells += [cell, own[label]]
    return [Evidence(quote=c.text, location=c.plain()) for c in cells if c is not None]
