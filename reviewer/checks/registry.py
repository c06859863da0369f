"""The rule registry, in the style of a linter's.

Every rule has a stable code grouped by family (the letter), a readable name, a category, a
default severity, the authority behind it (强制 / 原则上 / 系统 / 建议, see the scoring rules),
the memo section it is reported under, and a doc: what it checks, why, an example, how to fix.

Families::

    P  structure      the form itself: missing parts, rows left unparsed, injected instructions
    F  funds          项目资金 rows and columns
    B  budget         执行率 and its score, low execution
    W  weights        分值 sums and the default split
    S  scoring        indicator scores against targets and actuals
    E  explanation    偏差原因分析及改进措施
    N  narrative      年度总体目标: 实际完成情况 against 预期目标 and the indicators
    T  totals         总分 and the grade
    L  llm            what the LLM stage reports (no check here: the stage finds them)

Every code that can appear in a memo is registered here, with its scope: ``table`` rules run
once per table (``check``), ``report`` rules once per report (``check_report``), ``llm`` codes
document the LLM stage's findings and name their rule twins (``twins``), so that ``review
rules``, ``review explain``, ``--select``/``--ignore`` and the memo's groups treat them alike.
The engine stamps each finding with its rule's code: a check never states its own code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Literal

from reviewer.model import Category, Severity

if TYPE_CHECKING:
    from reviewer.checks.context import Hit, ReportFacts, TableContext
    from reviewer.config import Config

Check = Callable[["TableContext"], Iterable["Hit"]]
ReportCheck = Callable[["ReportFacts", "Config"], Iterable["Hit"]]
Scope = Literal["table", "report", "llm"]
SCOPES: dict[str, str] = {"table": "逐表", "report": "全报告", "llm": "大模型"}

AUTHORITIES = {
    "强制": "财预〔2020〕10号《项目支出绩效评价管理办法》及其附件，或表格本身的算术",
    "原则上": "财预〔2020〕10号中“原则上”的规定：允许有理由的例外",
    "系统": "各省预算管理一体化系统的填报校验（实务做法，阈值可配置）",
    "建议": "复核实务中的通行做法",
}

# Memo section 二、主要问题: the kinds of problem a reviewer groups findings under.
GROUPS = {
    "score": "自评得分计算不准确",
    "budget": "预算执行与资金数据问题",
    "explanation": "偏差原因说明不充分",
    "consistency": "完成情况与指标不一致",
    "overachieve": "超额完成未说明或指标值设定偏低",
    "design": "指标设置与分值权重问题",
    "structure": "表格填报不完整或不规范",
}


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    title: str  # a short Chinese title, as the memo names the problem
    name: str  # a stable English slug
    category: Category
    severity: Severity
    authority: str
    group: str
    what: str
    why: str
    example: str
    fix: str
    check: Check | None = None  # scope "table": run once per table
    check_report: ReportCheck | None = None  # scope "report": run once per report
    scope: Scope = "table"
    twins: tuple[str, ...] = ()  # scope "llm": the rules that report the same thing
    # When a per-table rule applies (the engine decides, from the table as read):
    on_doubt: bool = False  # also judges a table the plausibility check doubts (text only)
    # reads the funds block (its amounts, rate or points, or sums with them): silent where the
    # funds alone are doubted (``ReadingDoubt.funds_only``), while the other rules judge the rows
    funds: bool = False
    # reads the funds block and nothing else (its sums, rate, execution score): judges a table
    # whose indicator rows alone are doubted (``ReadingDoubt.rows_only``), on its funds alone
    funds_alone: bool = False
    whole: bool = False  # needs the whole table: silent on one cut off by the document's end
    rubric: bool = False  # also checks a rubric (评分表), where only arithmetic can be checked
    # judges a form's detail view (``EvaluationTable.detail_of``), which no other rule reviews
    detail: bool = False

    @property
    def family(self) -> str:
        return self.code[0]


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    title: str,
    name: str,
    category: Category,
    severity: Severity,
    authority: str,
    group: str,
    *,
    what: str,
    why: str,
    example: str,
    fix: str,
    on_doubt: bool = False,
    whole: bool = False,
    rubric: bool = False,
    detail: bool = False,
    funds: bool = False,
    funds_alone: bool = False,
) -> Callable[[Check], Check]:
    """Register a per-table check function under ``code``.

    ``on_doubt``: the rule also judges a table that may have been misread (it reads only text
    that stays right whatever the columns: instructions, the template's leftovers); ``whole``:
    the rule needs every row (sums, totals, what is missing); ``rubric``: it applies to a
    rubric form too; ``detail``: it judges a form's detail view, which the other rules leave
    (the form's own findings would only repeat); ``funds``: it reads the funds block (amounts,
    rate, the execution's points, or sums with them), so a doubt on the funds alone silences it;
    ``funds_alone``: it reads nothing but the funds block, so it judges the funds of a table
    whose indicator rows alone are doubted.
    """

    described = partial(Rule, code, title, name, category, severity, authority, group)

    def register(fn: Check) -> Check:
        define(
            described(
                what,
                why,
                example,
                fix,
                fn,
                on_doubt=on_doubt,
                whole=whole,
                rubric=rubric,
                detail=detail,
                funds=funds,
                funds_alone=funds_alone,
            )
        )
        return fn

    return register


def report_rule(
    code: str,
    title: str,
    name: str,
    category: Category,
    severity: Severity,
    authority: str,
    group: str,
    *,
    what: str,
    why: str,
    example: str,
    fix: str,
) -> Callable[[ReportCheck], ReportCheck]:
    """Register a check that runs once over the whole report under ``code``."""

    described = partial(Rule, code, title, name, category, severity, authority, group)

    def register(fn: ReportCheck) -> ReportCheck:
        define(described(what, why, example, fix, check_report=fn, scope="report"))
        return fn

    return register


def define(r: Rule) -> Rule:
    """Register a rule: a check function's (through ``rule``/``report_rule``) or an LLM code."""
    if r.code in REGISTRY:
        raise ValueError(f"duplicate rule code {r.code}")
    if r.authority not in AUTHORITIES:
        raise ValueError(f"{r.code}: unknown authority {r.authority}")
    if r.group not in GROUPS:
        raise ValueError(f"{r.code}: unknown group {r.group}")
    if (r.scope == "table") != (r.check is not None) or (r.scope == "report") != (
        r.check_report is not None
    ):
        raise ValueError(f"{r.code}: scope {r.scope} does not match its check function")
    REGISTRY[r.code] = r
    return r


def all_rules() -> list[Rule]:
    _load()
    return sorted(REGISTRY.values(), key=lambda r: r.code)


def get_rule(code: str) -> Rule | None:
    _load()
    return REGISTRY.get(code.upper())


def matches(code: str, patterns: Iterable[str]) -> bool:
    """A code matches a pattern that is the code itself or a prefix of it (``S``, ``S1``)."""
    return any(code.startswith(p.upper()) for p in patterns)


def selected(select: list[str], ignore: list[str]) -> Iterator[Rule]:
    for r in all_rules():
        if select and not matches(r.code, select):
            continue
        if ignore and matches(r.code, ignore):
            continue
        yield r


def _load() -> None:
    """Import the rule modules (each registers its rules on import)."""
    from reviewer.checks import (  # noqa: F401
        adjusted_targets,
        budget,
        corrections,
        details,
        explanations,
        funds,
        llm_codes,
        narrative,
        narrative_claims,
        prose,
        scoring,
        structure,
        summaries,
        tasks,
        totals,
        verdicts,
        weights,
    )
