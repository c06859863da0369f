"""Build small, correct tables in the seed's text format; tests then break one thing.

``table_findings`` and ``codes`` run the rules on such a table the way a user's file is
reviewed: through the text writer, the parser and the rule engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.api import parse_file
from reviewer.checks import active_rules, check_table
from reviewer.config import Config
from reviewer.layout_text import render_text
from reviewer.model import EvaluationTable, Finding, FundRow, Funds, Indicator

# An explanation with a cause and a measure: it satisfies E101 and E102 and admits no
# shortfall that E103 would hold against a full score.
MEASURE = "部分人员因公缺席，下一步将加强组织"


def ind(
    name: str,
    target: str,
    actual: str,
    weight: float,
    score: float,
    explanation: str = "",
    l1: str = "产出指标",
    l2: str = "数量指标",
) -> Indicator:
    return Indicator(
        l1=l1,
        l2=l2,
        name=name,
        target=target,
        actual=actual,
        weight=weight,
        score=score,
        explanation=explanation,
    )


def clean_indicators() -> list[Indicator]:
    """Eight rows on the default split (产出 50, 效益 30, 满意度 10), all met, full marks."""
    return [
        ind("培训场次", "=10场", "=10场", 20, 20),
        ind("培训人数", ">=200人", "=210人", 10, 10),
        ind("培训合格率", ">=95%", "=98%", 10, 10, l2="质量指标"),
        ind("培训完成及时性", "及时", "及时", 10, 10, l2="时效指标"),
        ind("提升业务能力", "提升", "提升", 15, 15, l1="效益指标", l2="社会效益指标"),
        ind("减少工作差错", "减少", "减少", 15, 15, l1="效益指标", l2="社会效益指标"),
        ind("参训人员满意度", ">=90%", "=95%", 10, 10, l1="满意度指标", l2="服务对象满意度指标"),
    ]


def _figure(cell: str) -> str:
    """The figure of a target or actual cell without its sign: ``>=200人`` → ``200人``."""
    figure = cell.lstrip("=<>≥≤")
    return figure if figure[:1].isdigit() else ""


def goal_texts(indicators: list[Indicator]) -> tuple[str, str]:
    """预期目标 and 实际完成情况 that agree with the rows: they quote the targets and actuals
    of 培训场次 and 培训人数 (when the table has them, with figures)."""
    rows = {i.name: i for i in indicators}
    expected, actual = [], []
    for name, goal, done in (
        ("培训场次", "组织业务培训", "全年组织业务培训"),
        ("培训人数", "培训", "培训"),
    ):
        row = rows.get(name)
        if row is not None and _figure(row.target):
            expected.append(goal + _figure(row.target))
        if row is not None and _figure(row.actual):
            actual.append(done + _figure(row.actual))
    return (
        "，".join([*expected, "提升业务能力。"]),
        "，".join([*actual, "参训人员业务能力明显提升。"]),
    )


def make_table(**overrides: Any) -> EvaluationTable:
    """A correct table: every number adds up, every target met, execution 95%, and the
    narrative quotes the rows' figures."""
    indicators = overrides.pop("indicators", None) or clean_indicators()
    budget = overrides.pop("budget", (100000.0, 100000.0, 95000.0))
    rate = overrides.pop("rate_pct", round(budget[2] / budget[1] * 100, 2) if budget[1] else None)
    exec_score = overrides.pop(
        "exec_score", round(budget[2] / budget[1] * 10, 2) if budget[1] else 0
    )
    funds = Funds(
        annual_total=FundRow(
            initial_budget=budget[0],
            full_year_budget=budget[1],
            executed=budget[2],
            weight=10,
            rate_pct=rate,
            score=exec_score,
        ),
        current_year_appropriation=FundRow(
            initial_budget=budget[0], full_year_budget=budget[1], executed=budget[2]
        ),
        prior_year_carryover=FundRow(initial_budget=0, full_year_budget=0),
        other=FundRow(initial_budget=0, full_year_budget=0),
    )
    total_score = round(sum(i.score or 0 for i in indicators) + (exec_score or 0), 2)
    goal_expected, goal_actual = goal_texts(indicators)
    fields: dict[str, Any] = {
        "project": "业务培训",
        "department": "某区司法局",
        "implementer": "某区司法局",
        "year": 2023,
        "funds": funds,
        "goal_expected": goal_expected,
        "goal_actual": goal_actual,
        "indicators": indicators,
        "total_weight": 100.0,
        "total_score": total_score,
        "total_printed": True,
    }
    fields.update(overrides)
    return EvaluationTable(**fields)


def write_tables(path: Path, *tables: EvaluationTable) -> Path:
    path.write_text(render_text(tables), encoding="utf-8")
    return path


def with_row(index: int, row: Indicator, rows: list[Indicator] | None = None) -> list[Indicator]:
    """The clean rows (or ``rows``) with row ``index`` replaced."""
    rows = rows or clean_indicators()
    rows[index] = row
    return rows


def table_findings(tmp_path: Path, table: EvaluationTable, **config: Any) -> list[Finding]:
    """The per-table findings for ``table`` written as text and parsed back (nothing left
    unparsed), under a Config built from ``config``."""
    path = write_tables(tmp_path / "t.txt", table)
    report = parse_file(path)
    assert report.leftovers == []
    cfg = Config(**config)
    return check_table(report.tables[0], 0, cfg, active_rules(cfg))


def codes(tmp_path: Path, table: EvaluationTable, **config: Any) -> set[str]:
    return {f.code for f in table_findings(tmp_path, table, **config)}


def findings_of(tmp_path: Path, table: EvaluationTable, code: str, **config: Any) -> list[Finding]:
    return [f for f in table_findings(tmp_path, table, **config) if f.code == code]


def assert_training_form(t: EvaluationTable) -> None:
    """``t`` is the 业务培训 form drawn with merged cells that the web page of
    tests/test_html_input.py and the workbook tests/fixtures/xls/form.xls both hold, read whole."""
    assert (t.project, t.department, t.year) == ("业务培训", "某区司法局", 2023)
    row = t.funds.annual_total
    assert (row.full_year_budget, row.executed, row.rate_pct, row.score) == (
        100000.0,
        95000.0,
        95.0,
        9.5,
    )
    assert t.goal_actual == "全年组织业务培训10场，培训210人。"
    assert [(i.l1, i.l2, i.name, i.actual, i.weight, i.score) for i in t.indicators] == [
        ("产出指标", "数量指标", "培训场次", "=10场", 40, 40),
        ("产出指标", "数量指标", "培训人数", "=150人", 20, 20),
        ("效益指标", "社会效益指标", "提升业务能力", "提升", 20, 20),
        ("满意度指标", "服务对象满意度指标", "参训人员满意度", "=95%", 10, 10),
    ]
    assert (t.total_weight, t.total_score) == (100, 99.5)
