"""W: 分值 — sums to 100, the default split, positive weights, printed sub-totals (C1–C3)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from reviewer.checks.budget import zero_budget
from reviewer.checks.context import (
    EXECUTION_NAME,
    Hit,
    TableContext,
    cell_evidence,
    goal_scored,
    ilabel,
    indicator_evidence,
    left_blank,
    scores_execution,
)
from reviewer.checks.registry import rule
from reviewer.forms.template import placeholder_in
from reviewer.lazyre import lazy_compile
from reviewer.model import Category, EvaluationTable, Indicator, Severity
from reviewer.numbers import fmt
from reviewer.textnorm import PAGE_NUMBER


@rule(
    "W101",
    "分值合计不为100",
    "weights-sum-to-100",
    Category.ARITHMETIC,
    Severity.ERROR,
    "强制",
    "design",
    what="全部三级指标分值与预算执行分值之和应为100分。",
    why="自评满分为100分；分值合计不为100，得分与等级都失去可比性。",
    example="三级指标分值合计85分，加预算执行10分，共95分。",
    fix="调整各指标分值，使合计为100分。",
    whole=True,
    rubric=True,
    funds=True,
)
def weights_sum(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    scoring = ctx.family.scoring
    weights = [i.weight for i in t.counted]
    if scoring.weights == "labels" and "weight" not in t.labels:  # (weights implied or none)
        yield from _stated_sum(ctx)
        return
    if scoring.weights != "column" or not weights or any(w is None for w in weights):
        return
    if goal_scored(t):
        return  # the goal block holds points of its own, not read
    budget_w = t.funds.annual_total.weight
    if (
        budget_w is None
        and scoring.execution_weight is not None
        and not any(scores_execution(i, t) for i in t.indicators)
    ):
        # the funds block printed no points: the indicators must make up their share alone
        expected, parts = scoring.indicator_total, "三级指标"
        total = _rows_counted(t)
    else:
        expected, parts = scoring.total, "三级指标与预算执行"
        total = _rows_counted(t) + (budget_w or 0.0)
    label = ctx.family.scoring.weight_label
    if budget_w is None and "funds.weight" not in t.labels and abs(total - scoring.total) <= 0.005:
        return  # a funds block with no 分值 column scores no execution: the rows make up 100
    if abs(total - expected) > 0.005:
        yield Hit(
            f"{parts}{label}合计为{fmt(total)}分，不等于{fmt(expected)}分。",
            expected=fmt(expected),
            found=fmt(total),
            evidence=cell_evidence(
                t.funds.annual_total.cells.get("weight"), t.cells.get("total_weight")
            ),
            suggestion="调整各指标分值，使全部分值合计为100分。",
        )


def _rows_counted(t: EvaluationTable) -> float:
    """The rows' points as the total counts them: at the share the form states where it scores
    them on a hundred (绩效指标折算得分(×80%))."""
    return round(sum(i.weight or 0.0 for i in t.counted) * (t.indicator_scale or 1.0), 2)


def _stated_sum(ctx: TableContext) -> Iterator[Hit]:
    """A form whose rows print no 分值 (20/80): the points its 一级 labels state (产出指标(40分))
    with the execution's, where every category of the rows states its own."""
    t = ctx.table
    groups = list(dict.fromkeys(i.l1 for i in t.counted))
    stated = [t.stated_weights.get(g) for g in groups]
    execution = t.funds.annual_total.weight or ctx.family.scoring.execution_weight
    if not groups or None in stated or execution is None:
        return
    total = sum(p or 0.0 for p in stated) + execution
    if abs(total - ctx.family.scoring.total) <= 0.005:
        return
    parts = "、".join(f"{g}{fmt(p or 0.0)}分" for g, p in zip(groups, stated, strict=True))
    yield Hit(
        f"一级指标标明的分值（{parts}）加预算执行{fmt(execution)}分，合计为{fmt(total)}分，"
        f"不等于{fmt(ctx.family.scoring.total)}分。",
        expected=fmt(ctx.family.scoring.total),
        found=fmt(total),
        evidence=cell_evidence(t.funds.annual_total.cells.get("weight")),
        suggestion="核对各一级指标标明的分值，使其与预算执行分值合计为100分。",
    )


@rule(
    "W102",
    "未按默认权重设置分值",
    "default-weight-split",
    Category.INDICATOR,
    Severity.WARNING,
    "原则上",
    "design",
    what="分值原则上按产出指标50分、效益指标30分、满意度指标10分、预算执行率10分设置；"
    "成本指标单列为一级指标的，与产出指标合计50分。这一默认权重始于财预〔2020〕10号，"
    "2018年度及以前的表不适用。",
    why="财预〔2020〕10号附件规定了原则上的权重；不同的分配须有理由，否则可能借权重拉高得分。",
    example="产出指标合计40分、效益指标40分。",
    fix="按默认权重调整分值，或在报告中说明采用不同权重的理由。",
    funds=True,
)
def default_split(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    split = ctx.family.scoring.default_split
    if split is None or any(i.weight is None for i in t.indicators) or t.indicator_scale:
        # the form does not follow 50/30/10 (20/80, transfer payments, 部门整体), or scores
        # its rows on a hundred of its own
        return
    if t.year is not None and t.year < _DEFAULT_SPLIT_FROM:
        return  # evaluated before 财预〔2020〕10号 set the split
    if not (t.complete or _block_whole(ctx)):
        return
    sums: dict[str, float] = {}
    for i in t.counted:
        if i.weight is not None and i.l1 and not scores_execution(i, t):
            l1 = _SAME_CATEGORY.get(i.l1, i.l1)
            sums[l1] = sums.get(l1, 0.0) + i.weight
    if not sums:
        return  # no row names its category (a flat list of indicators): no split to judge
    output, cost = sums.get("产出指标"), sums.get("成本指标")
    if output is not None and cost is not None and abs(output + cost - 50) <= 0.005:
        # the 2021+ forms print 成本 as an 一级 of its own, its points taken from 产出's 50
        sums["产出指标"] = output + cost
        del sums["成本指标"]
    off = [
        f"{l1}{fmt(sums.get(l1, 0.0))}分（默认{fmt(default)}分）"
        for l1, default in split
        if abs(sums.get(l1, 0.0) - default) > 0.005
    ]
    if off and _split_in_notes(t, sums):
        return  # the form's own note sets the split the rows follow (产出指标40分,效益指标40分)
    budget_w = t.funds.annual_total.weight
    if budget_w is None:  # (or the row scoring it among the indicators: 资金管理 | 预算执行率)
        budget_w = next((i.weight for i in t.counted if scores_execution(i, t)), None)
    if budget_w is not None and abs(budget_w - 10) > 0.005:
        off.append(f"预算执行率{fmt(budget_w)}分（默认10分）")
    if off and t.indicators:
        yield Hit(
            "分值未按默认权重设置：" + "，".join(off) + "。",
            expected="产出50、效益30、满意度10、预算执行10",
            found="，".join(f"{k}{fmt(v)}" for k, v in sums.items()),
            evidence=[],
            suggestion="按默认权重设置分值，或说明采用不同权重的理由。",
        )


_NOTE_POINTS = lazy_compile(
    r"(产出指标|效益指标|满意度指标|成本指标)\s*[（(]?\s*(\d+(?:\.\d+)?)\s*分"
)


_CATEGORY = lazy_compile(r"产出指标|效益指标|满意度指标|成本指标")
# Another province's word for a default category (Hainan's 效果指标 for 效益指标).
_SAME_CATEGORY = {"效果指标": "效益指标"}
_POINTS = lazy_compile(r"(\d+(?:\.\d+)?)\s*分")
_NOTE_RESPECTIVELY = lazy_compile(
    r"((?:产出指标|效益指标|满意度指标|成本指标)(?:[、和及与](?:产出指标|效益指标|满意度指标|成本指标))+)"
    r"(?:的)?(?:分值|权重)?分别(?:调整|设置|设定)?为((?:\d+(?:\.\d+)?\s*分[、和及与]?)+)"
)


def _split_in_notes(t: EvaluationTable, sums: dict[str, float]) -> bool:
    """The table's notes state the points of two categories or more, and the rows follow them
    (注：…产出指标40分，效益指标40分，满意度指标10分): a split the form sets, not a departure."""
    notes = " ".join(t.notes)
    stated = {m.group(1): float(m.group(2)) for m in _NOTE_POINTS.finditer(notes)}
    for m in _NOTE_RESPECTIVELY.finditer(notes):
        # 产出指标、效益指标分值分别调整为40分、40分: the names, then their points in order
        names = _CATEGORY.findall(m.group(1))
        points = _POINTS.findall(m.group(2))
        if len(names) == len(points):
            stated.update(zip(names, map(float, points), strict=True))
    return len(stated) >= 2 and all(
        abs(sums.get(l1, 0.0) - points) <= 0.005 for l1, points in stated.items()
    )


# The first budget year evaluated under 财预〔2020〕10号 (issued in February 2020, it governed
# the self-evaluations of 2019 made that spring).
_DEFAULT_SPLIT_FROM = 2019


def _block_whole(ctx: TableContext) -> bool:
    """A table whose text begins inside it still has its whole indicator block when the text
    goes on past the block and the rows' 分值 make up the block's points (90 of 100): a page
    excerpt that began inside the block would leave some out."""
    t = ctx.table
    if t.ends_inside or not t.indicators:
        return False
    total = sum(i.weight or 0.0 for i in t.counted)
    return abs(total - ctx.family.scoring.indicator_total) < 0.005


@rule(
    "W103",
    "指标分值不为正",
    "positive-weights",
    Category.INDICATOR,
    Severity.WARNING,
    "系统",
    "design",
    what="每个三级指标的分值应大于0。",
    why="分值为0或负数的指标不参与计分，等于没有设置该指标。",
    example="满意度指标分值填0。",
    fix="删除不计分的指标，或为其设置正的分值。",
    rubric=True,
)
def positive_weights(ctx: TableContext) -> Iterator[Hit]:
    for i in ctx.table.indicators:
        if left_blank(i.target) and left_blank(i.actual) and not i.score:
            continue  # a template's row marked not applicable (/ | / | 0): no indicator set
        if i.weight == 0 and _WATCHED.search(i.name + i.explanation):
            continue  # 家庭医生签约服务人数（观测指标） | … | 0: kept to watch, scored by no one
        if i.weight is not None and i.weight <= 0:
            yield Hit(
                f"「{i.name}」的分值为{fmt(i.weight)}，应大于0。",
                indicator=i,
                expected="> 0",
                found=fmt(i.weight),
                evidence=cell_evidence(i.cells.get("name"), i.cells.get("weight")),
                suggestion="为该指标设置正的分值，或删除该指标并重新分配分值。",
            )


# A row the form says is kept to watch, not scored (观测指标, 仅作观测, 不计分, 不赋分).
_WATCHED = lazy_compile(r"观测指标|仅作观测|仅观测|不计分|不赋分|不计入(?:总分|得分)")


@rule(
    "W104",
    "总分行分值不符",
    "printed-total-weight",
    Category.ARITHMETIC,
    Severity.ERROR,
    "强制",
    "design",
    what="总分行的分值应等于各行分值之和。",
    why="总分行的分值是合计；与各行之和不符说明有行漏计或填错。",
    example="各行分值之和为100，总分行分值填95。",
    fix="改正总分行分值，或补全漏填的行。",
    whole=True,
    rubric=True,
    funds=True,
)
def printed_total_weight(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    ref = t.cells.get("total_weight")
    if ref is None or t.total_weight is None or any(i.weight is None for i in t.indicators):
        return
    rows = _rows_counted(t)
    total = rows + (t.funds.annual_total.weight or 0.0)
    if zero_budget(t) and abs(t.total_weight - rows) <= 0.005:
        return  # the execution's points left out of a project with no budget, as its 0 says
    if (
        abs(t.total_weight - ctx.family.scoring.total) <= 0.005
        and ctx.family.scoring.weights == "column"
    ):
        return  # the row prints the form's 100 over rows that do not add up to it: W101's
    if abs(t.total_weight - total) > 0.005:
        yield Hit(
            f"总分行分值填报为{fmt(t.total_weight)}，各行分值之和为{fmt(total)}。",
            expected=fmt(total),
            found=fmt(t.total_weight),
            evidence=cell_evidence(ref),
            suggestion="核对总分行分值与各行分值。",
        )


@rule(
    "W105",
    "一级指标分值小计不符",
    "category-subtotals",
    Category.ARITHMETIC,
    Severity.ERROR,
    "强制",
    "design",
    what="一级指标标明的分值（产出指标(50分)）应等于其下各三级指标分值之和。"
    "只在各行无论怎样依次归入各一级指标都无法与标明的分值相符时报告（各行的归类读不准时不报告）。",
    why="一级指标后标明的分值是该类的小计；与各行分值之和不符，说明有行的分值填错、漏填，或小计本身有误。",
    example="产出指标(50分)下各行分值合计45分，效益指标(30分)下合计35分。",
    fix="核对各指标的分值，使每类合计等于标明的分值，或更正标明的分值。",
    whole=True,
    rubric=True,
)
def category_subtotals(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    rows = t.counted
    groups = list(dict.fromkeys(i.l1 for i in rows))
    printed = {g: t.stated_weights.get(g) for g in groups}
    weights = [i.weight for i in rows]
    if ctx.family.scoring.weights != "column" or not rows or "" in groups:
        return
    if None in weights or None in printed.values():
        return  # a row without its 分值, a group without a printed sub-total
    if any(
        a.l1 != b.l1 and b.l1 in groups[: groups.index(a.l1)] for a, b in itertools.pairwise(rows)
    ):
        return  # a group's rows not together: not a printed form's order
    stated = {g: s or 0.0 for g, s in printed.items()}
    # Could the rows, taken in order, be cut into the groups so that every sub-total holds? Then
    # the only question is which rows a merged label covers, which reading may get wrong.
    ends = {round(x, 2) for x in itertools.accumulate(w or 0.0 for w in weights)}
    cuts = [round(x, 2) for x in itertools.accumulate(stated.values())]
    if (
        all(c in ends for c in cuts)
        and abs(cuts[-1] - round(sum(w or 0.0 for w in weights), 2)) < 0.005
    ):
        return
    sums = {g: sum(i.weight or 0.0 for i in rows if i.l1 == g) for g in groups}
    off = [g for g in groups if abs(sums[g] - stated[g]) > 0.005]
    if not off:
        return
    yield Hit(
        "；".join(f"{g}标明{fmt(stated[g])}分，其下各指标分值合计{fmt(sums[g])}分" for g in off)
        + "，两者不符。",
        expected="，".join(f"{g}{fmt(stated[g])}" for g in off),
        found="，".join(f"{g}{fmt(sums[g])}" for g in off),
        evidence=[e for i in rows if i.l1 in off for e in indicator_evidence(i, "weight")],
        suggestion="核对各指标的分值，使每个一级指标下的分值合计等于标明的分值。",
    )


# A figure of any writing: digits (full-width too) or a Chinese numeral.
_ANY_FIGURE = lazy_compile(r"[0-9０-９零〇一二三四五六七八九十百千万两]")
# Words of a whole (全覆盖, 全额发放): a quantity of 100 %, said in words.
_WHOLE = lazy_compile(r"覆盖|全额|全部|所有|无$")
_NO_VALUE = frozenset({"", "/", "—", "-", "N/A", "无"})
_COMPARISONS = frozenset("=≥≤<>＝＞＜")


@rule(
    "W106",
    "数量指标未量化",
    "quantity-without-figure",
    Category.INDICATOR,
    Severity.INFO,
    "建议",
    "design",
    what="数量指标的年度指标值应是具体数量（如≥12座）；只写“按计划完成”“有效管护”“持续巩固”等文字、"
    "没有任何数字的，完成情况无法对照衡量。“全覆盖”“全额发放”等说明全部的不在此列。",
    why="数量指标考核完成了多少；没有数量的指标值无法判断是否达成，也无法按比例计分。",
    example="数量指标「危桥改造」年度指标值填“按计划完成”，实际完成值6座。",
    fix="将年度指标值写成具体数量（如≥6座）。",
)
def quantity_without_figure(ctx: TableContext) -> Iterator[Hit]:
    for i in ctx.table.indicators:
        target = i.target.strip()
        if (
            "数量" not in i.l2
            or target in _NO_VALUE
            or _ANY_FIGURE.search(target) is not None
            or target[0] in _COMPARISONS  # a comparison's figure misread (=S元: OCR's 5元)
            or _WHOLE.search(target) is not None
            or placeholder_in(target) is not None  # the template's (≥**人): P106's
        ):
            continue
        yield Hit(
            f"「{i.name}」是数量指标，年度指标值“{target}”没有数量，完成情况无法对照衡量。",
            indicator=i,
            expected="具体数量",
            found=target,
            evidence=cell_evidence(i.cells.get("name"), i.cells.get("target")),
            suggestion="将年度指标值写成具体数量（如≥N个），以便对照实际完成值考核和计分。",
        )


# A target that only refers to a requirement or plan it does not state (按要求, 按计划完成).
_AS_REQUIRED = lazy_compile(r"按(?:要求|计划)(?:完成|开展|落实|执行|实施|推进|进行)?")


@rule(
    "W107",
    "指标值只写按要求或按计划",
    "target-by-reference",
    Category.INDICATOR,
    Severity.WARNING,
    "建议",
    "design",
    what="年度指标值只写“按要求”“按计划完成”“按要求落实”等，没有写出要求或计划本身（数量、比率、"
    "标准或时限）的，完成情况无法对照衡量。数量指标的此类指标值由W106提示。",
    why="指标值是考核完成情况的依据；只引用未写明的要求或计划，实际完成值“已完成”无从核对，"
    "得分也无从判断。",
    example="社会效益指标「丰富农民群众文化生活」年度指标值填“按要求”，实际完成值“按要求完成”。",
    fix="写明要求或计划的内容：数量、比率、标准或完成时限（如≥95%、12月底前）。",
)
def target_by_reference(ctx: TableContext) -> Iterator[Hit]:
    for i in ctx.table.indicators:
        target = i.target.strip().lstrip("".join(_COMPARISONS)).strip()
        if "数量" in i.l2 or _AS_REQUIRED.fullmatch(target) is None:
            continue  # a quantity's: W106's
        yield Hit(
            f"「{i.name}」的年度指标值“{i.target.strip()}”只引用了要求或计划，没有写明其内容，"
            "完成情况无法对照衡量。",
            indicator=i,
            expected="具体的数量、比率、标准或时限",
            found=i.target.strip(),
            evidence=cell_evidence(i.cells.get("name"), i.cells.get("target")),
            suggestion="将年度指标值写成可衡量的内容（数量、比率、标准或完成时限），以便对照实际完成值考核和计分。",
        )


@rule(
    "W108",
    "年度指标值空白",
    "target-left-empty",
    Category.INDICATOR,
    Severity.WARNING,
    "强制",
    "design",
    what="指标行的年度指标值空白（或只有“/”“—”），却填了完成值或得分：没有目标，完成情况无从衡量。"
    "多数指标行都没有指标值的（表格没有该栏或未读出），不逐行提示。",
    why="年度指标值是考核完成情况和计分的依据；没有指标值的行，得分没有依据。",
    example="满意度指标「就诊群众满意度」年度指标值空白，实际完成值92%，得分10分。",
    fix="补填批复的年度指标值；没有批复指标值的，说明情况。",
)
def target_left_empty(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    if "target" not in t.labels:
        return
    rows = [
        i
        for i in t.indicators
        if left_blank(i.target)
        and (not left_blank(i.actual) or i.score)  # (/ | / | 0: a row marked not applicable)
        and not i.partial
        and not scores_execution(i)
        and "预算执行" not in i.name
        and placeholder_in(i.name) is None  # the template's 指标2: P106's
        and PAGE_NUMBER.fullmatch(i.name) is None  # a page's number read as a row
        and (i.target.strip() or _in_columns(i))
    ]
    if not rows or len(rows) * 2 > len(t.indicators):
        return
    for i in rows:
        done = [f"实际完成值“{i.actual.strip()}”"] if i.actual.strip() else []
        done += [f"得分{fmt(i.score)}分"] if i.score is not None else []
        printed = i.target.strip()
        yield Hit(
            f"{ilabel(i)}年度指标值{f'只填了“{printed}”' if printed else '空白'}，"
            f"{'、'.join(done)}没有可对照的目标。",
            indicator=i,
            expected="年度指标值",
            found=printed or "空白",
            evidence=indicator_evidence(i, "target", "actual"),
            suggestion="补填批复的年度指标值；没有批复指标值的，说明情况。",
        )


def _in_columns(i: Indicator) -> bool:
    """The row's name and its actual or score stand in columns of one line or sheet row, so
    that nothing printed between them is a target left blank; a text read a cell a line
    places its cells by their content, and a target it did not find may be one misread."""
    refs = [i.cells.get(k) for k in ("name", "actual", "score")]
    return (
        refs[0] is not None
        and all(r is None or r.column is not None or r.cell is not None for r in refs)
        and any(r is not None for r in refs[1:])
    )


# A row that scores the budget's execution by its name (预算执行率, 资金执行率, 预算执行进度).


@rule(
    "W110",
    "预算执行率重复计分",
    "execution-scored-twice",
    Category.INDICATOR,
    Severity.WARNING,
    "原则上",
    "design",
    what="项目支出表的资金表已为预算执行率设分值并计分，绩效指标中又设“预算执行率”（资金执行率、预算执行进度）一行并计分，"
    "预算执行情况被计了两次分。部门整体表的部门管理指标中的预算执行率不在此列。",
    why="财预〔2020〕10号附件中预算执行率单独计分（原则上10分）；在产出或效益指标中再设一行，"
    "同一事项重复计分，挤占了产出、效益指标的分值。",
    example="资金表预算执行率分值10分，成本指标中又设“预算执行率≥90%”5分。",
    fix="删去绩效指标中的预算执行率一行，把其分值还给产出、效益指标。",
    funds=True,
)
def execution_scored_twice(ctx: TableContext) -> Iterator[Hit]:
    total = ctx.table.funds.annual_total
    if not total.weight or total.score is None or ctx.family.subject != "project":
        return  # (a 部门整体 form's 部门管理 scores its 预算执行率 among the department's own)
    for i in ctx.table.counted:
        if scores_execution(i) or not i.weight or EXECUTION_NAME.fullmatch(i.name) is None:
            continue
        yield Hit(
            f"项目资金表已为预算执行率设{fmt(total.weight)}分并计分，{ilabel(i)}又作为{i.l1 or '绩效指标'}"
            f"设{fmt(i.weight)}分，预算执行情况被计了两次分。",
            indicator=i,
            expected="预算执行率只在资金表计分",
            found=f"{i.name}{fmt(i.weight)}分",
            evidence=indicator_evidence(i, "weight") + cell_evidence(total.cells.get("weight")),
            suggestion="删去绩效指标中的预算执行率一行，把其分值还给产出、效益指标。",
        )
