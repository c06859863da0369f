"""N: 年度总体目标 — what the 实际完成情况 says against the 预期目标 (E3)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from typing import TypeVar

from reviewer.checks.context import (
    Hit,
    MissedRow,
    TableContext,
    cell_evidence,
    ilabel,
    indicator_evidence,
)
from reviewer.checks.registry import rule
from reviewer.lazyre import lazy_compile
from reviewer.model import Category, EvaluationTable, Evidence, Indicator, Severity
from reviewer.textnorm import fold

_FIGURE = lazy_compile(
    r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)\s*"
    r"(万人次|人次|万人|万亩|万元|平方米|立方米|公里|千米|公斤|千克|公顷|小时|个|家|人|次|场|份|件|类"
    r"|项|篇|台|元|%|％|年|月|日|天|期|批|所|处|条|户|名|座|套|亩|吨|米|辆|册|头|株)"
)


def _bigrams(text: str) -> Counter[tuple[str, str]]:
    return Counter(itertools.pairwise(text))  # pairs of characters, counted in C


def containment(plan: str, actual: str) -> float:
    """The share of the plan's distinct character bigrams that recur in the actual text."""
    return _containment(_bigrams(fold(plan)), _bigrams(fold(actual)))


def _containment(plan: Counter[tuple[str, str]], actual: Counter[tuple[str, str]]) -> float:
    return len(plan.keys() & actual.keys()) / len(plan) if plan else 0.0


def new_figures(plan: str, actual: str) -> set[str]:
    """Figures (a number with its measure word) the actual text has and the plan does not."""
    return {m.group(0) for m in _FIGURE.finditer(actual)} - {
        m.group(0) for m in _FIGURE.finditer(plan)
    }


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams: 1.0 for identical texts, linear time."""
    return _similarity(fold(a), fold(b))


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if min(len(a), len(b)) < 2:
        return 0.0
    return _dice(_bigrams(a), _bigrams(b))


def _dice(ba: Counter[tuple[str, str]], bb: Counter[tuple[str, str]]) -> float:
    total = ba.total() + bb.total()
    common = sum(min(ba[k], bb[k]) for k in ba.keys() & bb.keys())
    return 2 * common / total if total else 0.0


_REPORTED = 1  # figures of its own that make a text in the plan's words a report (mr01)
_YEAR = lazy_compile(r"^(?:\d{2}|\d{4})年$")


def copy_kind(t: EvaluationTable, threshold: float) -> tuple[str, str, bool] | None:
    """How 实际完成情况 copies 预期目标: (what to say, the figure found, identical), or None.

    A near copy (similarity ≥ threshold), or the whole plan restated with words added but no
    figure. Lengths alone rule out a near copy first (the slack covers folded whitespace).
    """
    if not t.goal_expected or not t.goal_actual:
        return None
    plan, actual = fold(t.goal_expected), fold(t.goal_actual)
    la, lb = len(t.goal_expected), len(t.goal_actual)
    near = 2 * min(la, lb) / (la + lb) >= threshold - 0.05
    identical = plan == actual
    bigrams: tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]] | None = None
    score = 0.0
    if identical:
        score = 1.0
    elif near and min(len(plan), len(actual)) >= 2:
        bigrams = _bigrams(plan), _bigrams(actual)
        score = _dice(*bigrams)
    own = new_figures(t.goal_expected, t.goal_actual)
    # the plan's sentence with a result of its own (1200套以上 → 1236套, 机耕路22公里 → 22.4公里):
    # reported in the plan's words, not a copy; sums spent and years (23年在…排名第一) are no results
    results = [f for f in own if not f.endswith("元") and not _YEAR.match(f)]
    if score >= threshold and (identical or len(results) < _REPORTED):
        what = "与预期目标完全相同" if identical else f"与预期目标几乎相同（相似度{score:.2f}）"
        return what, f"相似度 {score:.2f}", identical
    if own:
        return None  # figures of its own: results reported, whatever else is copied
    if lb > la and _containment(*(bigrams or (_bigrams(plan), _bigrams(actual)))) >= 0.95:
        return (
            "完整照录了预期目标，只增补了文字，没有写出任何完成数字",
            "照录预期目标，无完成数字",
            False,
        )
    copied = _copied_parts(t.goal_expected, t.goal_actual)
    if copied:
        return (
            f"有{len(copied)}处是预期目标的原文（“{copied[0]}”）",
            "摘录预期目标原文",
            False,
        )
    return None


# Where a narrative's parts end: sentences, and the numbers of an item list ((1) …, 1、…).
_PART_BREAK = lazy_compile(r"[。；;！？!?\n]|[(（]\s*\d{1,2}\s*[)）]|(?<![\d.])\d{1,2}[、.](?!\d)")
_MIN_PART = 8  # characters (folded): shorter parts (完成。) say too little to call them copies


def _copied_parts(plan: str, actual: str) -> list[str]:
    """The parts of ``actual`` that are the plan's own words, cut from it (every character pair
    of the part is in the plan), when they make up half of its parts' text or more; else []."""
    # sets of the pairs, not counts (_bigrams): only which pairs occur is compared
    plan_pairs = set(itertools.pairwise(fold(plan)))
    folded = [(p, fold(p)) for p in (q.strip(" ,，、：:") for q in _PART_BREAK.split(actual))]
    parts = [(p, f) for p, f in folded if len(f) >= _MIN_PART]
    copied = [p for p, f in parts if set(itertools.pairwise(f)) <= plan_pairs]
    if not copied or 2 * sum(map(len, copied)) < sum(len(p) for p, _ in parts):
        return []
    return copied


def copied(ctx: TableContext) -> tuple[str, str, bool] | None:
    """``copy_kind`` of the context's table, computed once for the rules that ask."""
    if "copy_kind" not in ctx.shared:
        ctx.shared["copy_kind"] = copy_kind(ctx.table, ctx.thresholds.copy_similarity)
    return ctx.shared["copy_kind"]  # type: ignore[return-value]


@rule(
    "N101",
    "实际完成情况照抄预期目标",
    "actual-copies-goal",
    Category.CONSISTENCY,
    Severity.WARNING,
    "强制",
    "consistency",
    what="实际完成情况与预期目标完全相同或几乎相同（相似度默认≥0.8，可配置），或完整照录预期目标、只增补文字而没有任何完成数字，"
    "或一半以上的内容是从预期目标中逐字摘录的（且没有预期目标以外的数字）。",
    why="实际完成情况应逐项说明目标的完成结果和数据，而不是重复预期目标；照抄说明没有真正自评。",
    example="预期目标与实际完成情况都是“为贯彻落实《法律援助条例》的精神……”。",
    fix="逐项写明预期目标的实际完成结果，附具体数量、时间和效果。",
)
def actual_copies_goal(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    copied_as = copied(ctx)
    if copied_as is None:
        return
    what, found, identical = copied_as
    evidence = cell_evidence(t.cells.get("goal_expected"), t.cells.get("goal_actual"))
    if not evidence:
        evidence = [Evidence(quote=t.goal_actual)]
    yield Hit(
        f"实际完成情况{what}，未说明目标的实际完成结果。",
        expected="逐项写明完成结果",
        found=found,
        evidence=evidence,
        suggestion="逐项写明预期目标的实际完成结果，附具体数量、时间和效果。",
        severity=Severity.ERROR if identical else Severity.WARNING,
    )


# What a unit writes when it reports nothing: 完成, 已完成, 全部完成, 达到预期 … (at most this
# many characters once folded, no figure, and a word saying it is done): nothing to check.
_BARE_REPORT = 6
_DONE_WORDS = lazy_compile(r"完成|达到|达成|实现|达标|良好|较好|已")


@rule(
    "N107",
    "实际完成情况没有实际内容",
    "actual-says-nothing",
    Category.CONSISTENCY,
    Severity.WARNING,
    "强制",
    "consistency",
    what="实际完成情况只说已经完成（如“完成”“已完成”“达到预期”，不超过6个字且没有任何数字），"
    "没有写明完成了哪些工作、完成了多少。表格在指标之前被文档截断的不报告（文字可能不全）。",
    why="实际完成情况应逐项说明目标的完成结果和数据（E3）；只写“完成”无从判断目标是否实现，等于没有自评。",
    example="预期目标为“购买安可设备并完成资金支付”，实际完成情况只填了“完成”。",
    fix="逐项写明预期目标的实际完成结果，附具体数量、时间和效果。",
    on_doubt=True,
)
def actual_says_nothing(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    if ctx.cut_before_indicators:
        return  # the goal's text may be cut, not written so
    said = fold(t.goal_actual).strip("。.，,；;！!")
    if not said or len(said) > _BARE_REPORT or any(ch.isdigit() for ch in said):
        return
    if _DONE_WORDS.search(said) is None:
        return  # a fragment (通过项目实施), not a report of being done
    yield Hit(
        f"实际完成情况只写了“{t.goal_actual.strip()}”，没有写明完成了哪些工作、完成了多少。",
        expected="逐项写明完成结果",
        found=t.goal_actual.strip(),
        evidence=cell_evidence(t.cells.get("goal_actual")) or [Evidence(quote=t.goal_actual)],
        suggestion="逐项写明预期目标的实际完成结果，附具体数量、时间和效果。",
    )


# A sentence saying every target was reached: 各项绩效目标全部完成, 所有指标均已达成, 全面完成
# 了年度绩效目标. Not 基本完成 / 大部分完成 (which admit a shortfall), nor a plan (将, 确保).
_ALL_MET = lazy_compile(
    r"(?:各项|所有|全部|全年)(?:绩效|建设|工作|项目)?(?:目标|指标|任务)(?:任务)?[^。；;，,]{0,4}?"
    r"(?:均已|均|全部|全面|都已|都|已)(?:已)?(?:按期|按时|如期|顺利|圆满)?(?:完成|达成|实现|达到)"
    r"|(?:全面|圆满)(?:完成|实现|达成)(?:了)?(?:各项|全部|年度|全年|预期)?(?:绩效)?(?:目标|指标)"
    r"|(?:年度|全年|预期)(?:绩效)?(?:目标任务|目标|任务)(?:均已|均|已)?(?:全面|全部|圆满)"
    r"(?:完成|实现|达成)"
)
_HEDGED = lazy_compile(r"基本|大部分|部分|未|没有|尚|将|确保|力争|计划")
# The rows a claim that all was done leaves out, just before it (除出水水质达标率外各项指标均完成).
_EXCEPT = lazy_compile(r"除([^。；;]{1,60}?)(?:以)?外[^。；;]{0,6}$")


def all_met_claims(text: str) -> Iterator[re.Match[str]]:
    """Where ``text`` says every target was met, not hedged (基本完成, 力争全部完成)."""
    for m in _ALL_MET.finditer(text):
        if not _HEDGED.search(text[max(0, m.start() - 4) : m.end()]):
            yield m


_Named = TypeVar("_Named", Indicator, MissedRow)


def not_excepted(missed: list[_Named], text: str, at: int) -> list[_Named]:
    """The missed rows a claim at ``at`` in ``text`` leaves in: those its words before it do
    not except (除出水水质达标率外各项指标均完成)."""
    excepted = _excepted(text, at)
    return missed if excepted is None else [i for i in missed if not _names_row(excepted, i.name)]


def _names_row(excepted: str, name: str) -> bool:
    """The exception names the row, in its words or in its own order of them (溢洪道清淤长度 for
    清淤疏浚溢洪道长度): a part of it whose characters are all the name's."""
    parts = [p for p in re.split(r"[、，,和及与]", excepted) if len(p) >= _NAMED_CHARS]
    return name in excepted or any(set(p) <= set(name) for p in parts)


_NAMED_CHARS = 3


def _excepted(text: str, at: int) -> str | None:
    """What the words just before ``at`` except from a claim that all was done, if any."""
    m = _EXCEPT.search(text, max(0, at - 80), at)
    return m.group(1) if m is not None else None


_MEASURED = 4  # characters before a rate row's 率 that name what it measures (竣工验收)


def _row_claim(
    said: list[tuple[str, str, str]], missed: list[Indicator]
) -> tuple[tuple[str, re.Match[str], str], Indicator] | None:
    """The first claim (where, match, cell) that all of a missed rate row's measure was done,
    and that row."""
    for i in missed:
        claim = _all_of(i)
        if claim is None:
            continue
        for where, text, cell in said:
            for m in claim.finditer(text):
                if not _HEDGED.search(text[max(0, m.start() - 4) : m.end()]):
                    return (where, m, cell), i
    return None


def _all_of(i: Indicator) -> re.Pattern[str] | None:
    """A claim that every one of what rate row ``i`` measures was done (…率 of 竣工验收:
    均已通过竣工验收, 全部完成竣工验收), or None for a row that is no rate."""
    name = i.name.strip()
    if not name.endswith("率") or len(name) <= _MEASURED or "%" not in i.actual:
        return None
    what = re.escape(name[-_MEASURED - 1 : -1])
    return re.compile(r"(?:均已|均|全部|全都|都已|悉数)(?:已)?(?:通过|完成|实现|达到|落实)?" + what)


@rule(
    "N108",
    "叙述称目标全部完成而指标未达成",
    "narrative-claims-all-met",
    Category.CONSISTENCY,
    Severity.WARNING,
    "强制",
    "consistency",
    what="实际完成情况（或表后的评价结论、偏差原因分析）称各项绩效目标全部完成（“各项绩效目标全部完成”“全面完成年度目标”等），"
    "而有指标行的实际完成值未达到年度指标值。",
    why="叙述应如实反映指标的完成情况；指标未达成而称全部完成，自评结论与数据相互矛盾。",
    example="实际完成情况称“项目各项绩效目标全部完成”，而“新增校舍面积”完成4,600平方米，指标值≥5,000平方米。",
    fix="如实写明未完成的指标及其原因，或核实指标的实际完成值。",
)
def narrative_claims_all_met(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    # 实际完成情况, or the 评价结论 a form asks for after the rows (the Sichuan form's)
    said = [("实际完成情况", t.goal_actual, "goal_actual")]
    if t.fields.get("conclusion"):
        said.append(("评价结论", t.fields["conclusion"], "field:conclusion"))
    if t.fields.get("deviation_analysis"):
        # (a 20/80 form's 偏差原因分析 under its rows: 各项绩效指标均已全面完成，…)
        said.append(("偏差原因分析", t.fields["deviation_analysis"], "field:deviation_analysis"))
    found = next(
        ((where, m, cell) for where, text, cell in said for m in all_met_claims(text)), None
    )
    missed = [i for i in t.indicators if ctx.met(i) is False]
    if found is None:
        # or every one of what a missed rate row measures (12座水库均已通过竣工验收 beside
        # 水库竣工验收率 83.3%)
        row_claim = _row_claim(said, missed)
        if row_claim is None:
            return
        found, row = row_claim
        missed = [row]
    where, claim, cell = found
    text = next(text for w, text, c in said if c == cell)
    # 除出水水质达标率外各项指标均完成: the rows it names as missed are said so
    missed = not_excepted(missed, text, claim.start())
    if not missed:
        return
    rows = "、".join(f"{ilabel(i)}（指标值{i.target}，完成{i.actual}）" for i in missed[:3])
    more = f"等{len(missed)}项" if len(missed) > 3 else ""
    ref = t.cells.get(cell)
    yield Hit(
        f"{where}称“{claim.group(0)}”，但{rows}{more}未达到年度指标值。",
        indicator=missed[0],
        expected="如实说明未达成的指标",
        found=claim.group(0),
        evidence=[Evidence(quote=claim.group(0), location=ref.plain() if ref else None)]
        + [e for i in missed[:3] for e in indicator_evidence(i, "target", "actual")],
        suggestion="如实写明未完成的指标及其原因，或核实指标的实际完成值。",
    )
