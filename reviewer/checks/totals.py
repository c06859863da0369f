"""T: 总分 and the grade (F1, F2); on a form scored by deduction, its 扣分合计 (T111)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from reviewer.checks.context import (
    Hit,
    TableContext,
    cell_evidence,
    goal_score_unread,
    indicator_evidence,
    scores_execution,
)
from reviewer.checks.recompute import Expectation, recomputed_score
from reviewer.checks.registry import rule
from reviewer.checks.verdicts import deduction_cell
from reviewer.config import Config
from reviewer.lazyre import lazy_compile
from reviewer.model import Category, CellRef, EvaluationTable, Evidence, Indicator, Severity
from reviewer.numbers import fmt, half_up
from reviewer.parse.values import decimals, parse_number, rounds_to


def grade_of(total: float, config: Config) -> str:
    """优 ≥ 90, 良 80–90, 中 60–80, 差 < 60 (bands configurable)."""
    good, fair, passing = config.thresholds.grade_bands
    if total >= good:
        return "优"
    if total >= fair:
        return "良"
    if total >= passing:
        return "中"
    return "差"


def claimed_sum(table: EvaluationTable) -> float:
    """The printed scores' sum: the indicators', the execution's, and the goal block's where
    the form scores it."""
    return round(
        sum(i.score or 0.0 for i in table.counted) * (table.indicator_scale or 1.0)
        + (table.funds.annual_total.score or 0.0)
        + (table.goal_score or 0.0),
        2,
    )


def _parts(t: EvaluationTable) -> str:
    """What the total sums, as the memo says it."""
    if t.goal_score is not None:
        return "各指标得分、预算执行得分与年度总体目标得分"
    return "各指标得分与预算执行得分"


def recomputed_total(
    table: EvaluationTable,
    config: Config,
    expectation: Callable[[Indicator], Expectation] | None = None,
) -> float:
    """Σ recomputed indicator scores + the execution score at X / B × wb (+ the goal block's
    score, where the form scores it)."""
    from reviewer.checks.budget import expected_execution_score

    row = table.funds.annual_total
    checked = expected_execution_score(table, config.thresholds.score_tolerance)
    # where the printed score agrees with the rule, keep it
    budget = row.score or 0.0 if checked is None or checked[1] else checked[0]
    total = budget + (table.indicator_scale or 1.0) * sum(
        recomputed_score(i, config, expectation(i) if expectation else None) or 0.0
        for i in table.counted
    )
    # the goal block's own score, where the form scores it: no more than it is worth
    goal = table.goal_score or 0.0
    if table.goal_weight is not None:
        goal = min(goal, table.goal_weight)
    return half_up(total + goal)  # (half up, as the forms round: 89.125 → 89.13)


@rule(
    "T101",
    "总分与各项得分之和不符",
    "total-adds-up",
    Category.ARITHMETIC,
    Severity.ERROR,
    "强制",
    "score",
    what="总分应等于各指标得分与预算执行得分之和；总分按较少的小数位四舍五入印出的"
    "（之和96.55，总分印96.6）只作提示；预算执行有分值而未读到其得分、总分与各指标得分之和"
    "之差又在其分值以内的，总分未核对，只作提示。指标按百分制评分、按比例折算计入总分的（绩效指标折算得分"
    "(×80%)），百分制合计与折算得分也与各指标得分之和核对。",
    why="总分决定评价等级；与各项得分之和不符说明漏计、重计或抄错。",
    example="各项得分之和为93.93，总分填98.93。",
    fix="按各项得分之和改正总分。",
    whole=True,
    rubric=True,
    funds=True,
)
def total_adds_up(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    if not t.total_printed or t.total_score is None or not _rows_scored(t):
        return  # a form that scores no row (a transfer payment's 自评得分 alone): no sum
    if goal_score_unread(t):
        yield Hit(
            "年度总体目标一栏另有分值、得分，本工具未读取其分数，总分未核对。",
            severity=Severity.INFO,
            evidence=cell_evidence(t.cells.get("total_score")),
            suggestion="核对总分时请计入年度总体目标的得分。",
        )
        return
    tolerance = ctx.thresholds.score_tolerance + 1e-9
    yield from _scaled_sums(t, tolerance)
    expected = claimed_sum(t)
    if abs(t.total_score - expected) <= tolerance or _by_deductions(t, ctx.family.scoring.total):
        return  # (a form scored by deduction: a row's 得分 off its 扣分 is S115's)
    if _rounded_to_print(t, expected):
        yield Hit(
            f"总分填报为{fmt(t.total_score)}分，{_parts(t)}之和为{fmt(expected)}分，"
            "是按较少的小数位四舍五入印出的。",
            severity=Severity.INFO,
            expected=fmt(expected),
            found=fmt(t.total_score),
            evidence=cell_evidence(t.cells.get("total_score")),
            suggestion="总分按各项得分之和填报，保留与各项得分相同的小数位。",
        )
        return
    execution = t.funds.annual_total
    # (the family's points for it only where the block was printed: its amounts read; none
    # where a row of the indicators scores it, 资金管理 | 预算执行率, its points in their sum)
    in_rows = any(scores_execution(i, t) for i in t.counted)
    worth = execution.weight or (
        ctx.family.scoring.execution_weight if execution.cells and not in_rows else None
    )
    points = None if in_rows else ctx.family.scoring.execution_weight
    unread: tuple[str, str] | None = None  # the execution's score the total may hold, unread
    if execution.score is None and worth and 0 < t.total_score - expected <= worth + tolerance:
        unread = (
            f"预算执行一栏有分值（{fmt(worth)}分）而未读到其得分，总分{fmt(t.total_score)}分与"
            f"各指标得分之和{fmt(expected)}分之差在其分值以内，总分未核对。",
            "核对总分时请计入预算执行得分。",
        )
    elif _block_left_out(t, points) and 0 < t.total_score - expected <= (points or 0) + tolerance:
        unread = (  # the form scores the execution, and its block is not printed
            f"表中未印项目资金（预算执行）一栏，总分{fmt(t.total_score)}分与各指标得分之和"
            f"{fmt(expected)}分之差在预算执行的分值（{fmt(points or 0)}分）以内，总分未核对。",
            "请提供完整的自评表（含项目资金一栏），核对预算执行得分和总分。",
        )
    if unread is not None:
        yield Hit(
            unread[0],
            severity=Severity.INFO,
            evidence=cell_evidence(t.cells.get("total_score")),
            suggestion=unread[1],
        )
        return
    yield Hit(
        f"总分填报为{fmt(t.total_score)}分，{_parts(t)}之和为{fmt(expected)}分。",
        expected=fmt(expected),
        found=fmt(t.total_score),
        evidence=cell_evidence(t.cells.get("total_score")),
        suggestion="按各项得分之和改正总分。",
    )


def _scaled_sums(t: EvaluationTable, tolerance: float) -> Iterator[Hit]:
    """A form scoring its rows on 100 and counting a share of them: its printed sums (绩效指标
    得分(百分制) | 100, 绩效指标折算得分(×80%) | 80) against the rows' scores."""
    rows = round(sum(i.score or 0.0 for i in t.counted), 2)
    sums = [("indicator_sum", rows, "")]
    if t.indicator_scale is not None:
        sums.append(("indicator_scaled", half_up(rows * t.indicator_scale), "折算"))
    summed = t.cells.get("indicator_sum")
    on_hundred = parse_number(summed.text) if summed is not None else None
    for name, expected, scaled in sums:
        cell = t.cells.get(name)
        printed = parse_number(cell.text) if cell is not None else None
        if cell is None or printed is None or abs(printed - expected) <= tolerance:
            continue
        if (
            scaled
            and on_hundred is not None
            and t.indicator_scale is not None
            and abs(printed - half_up(on_hundred * t.indicator_scale)) <= tolerance
        ):
            continue  # the share of the printed sum, itself said wrong: one mistake
        yield Hit(
            f"绩效指标{scaled}得分填报为{fmt(printed)}分，各指标得分之和"
            + (f"按{fmt(t.indicator_scale * 100)}%折算" if scaled and t.indicator_scale else "")
            + f"为{fmt(expected)}分。",
            expected=fmt(expected),
            found=fmt(printed),
            evidence=cell_evidence(cell),
            suggestion="按各指标得分之和改正该合计。",
        )


def _block_left_out(t: EvaluationTable, points: float | None) -> bool:
    """The funds block not printed on a form that scores the execution, the rows' weights (where
    all are printed) leaving its points to it (90 of 100)."""
    if t.funds.annual_total.cells or not points:
        return False
    weights = [i.weight for i in t.counted]
    if weights and all(w is not None for w in weights):
        return abs(sum(w or 0.0 for w in weights) + points - (t.total_weight or 100.0)) <= 0.005
    return True


def _rows_scored(t: EvaluationTable) -> bool:
    """Some indicator row of the table prints a score."""
    return any(i.score is not None for i in t.indicators)


def _rounded_to_print(t: EvaluationTable, expected: float) -> bool:
    """The total printed with fewer decimals than the sum has, and the sum rounded to them
    (96.55 printed 96.6): a precision to remark on, not a wrong total. Whole points (97 for
    96.55) are too coarse to tell rounding from a mistake."""
    cell = t.cells.get("total_score")
    return (
        cell is not None
        and t.total_score is not None
        and rounds_to(cell.text, t.total_score, expected)
    )


@rule(
    "T102",
    "总分超过100",
    "total-over-100",
    Category.SCORING,
    Severity.ERROR,
    "强制",
    "score",
    what="总分不得超过100分。",
    why="自评满分100分，超额完成不加分。",
    example="总分填102分。",
    fix="按规则重新计分，总分不超过100分。",
    whole=True,
    rubric=True,
)
def total_over_100(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    if t.total_score is not None and t.total_score > 100 + 1e-9:
        yield Hit(
            f"总分为{fmt(t.total_score)}分，超过100分。",
            expected="≤ 100",
            found=fmt(t.total_score),
            evidence=cell_evidence(t.cells.get("total_score")),
            suggestion="超额完成不加分，按规则重新计分。",
        )


@rule(
    "T103",
    "等级与总分不符",
    "grade-matches-total",
    Category.SCORING,
    Severity.WARNING,
    "原则上",
    "score",
    what="表中填写的评价等级应与总分对应：优≥90，良80–90，中60–80，差<60（可配置）。",
    why="等级由总分决定；等级与总分不符会误导评价结果的使用。",
    example="总分86分，等级填“优”。",
    fix="按总分所在区间改正等级。",
    whole=True,
)
def grade_matches(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    if not t.grade or t.total_score is None:
        return
    expected = grade_of(t.total_score, ctx.config)
    if t.grade[0] != expected:
        yield Hit(
            f"总分{fmt(t.total_score)}分对应等级应为“{expected}”，表中填“{t.grade}”。",
            expected=expected,
            found=t.grade,
            evidence=cell_evidence(t.cells.get("grade"), t.cells.get("total_score")),
            suggestion="按总分所在区间改正等级。",
        )


@rule(
    "T104",
    "复算后等级下降",
    "recomputed-grade-changes",
    Category.SCORING,
    Severity.WARNING,
    "建议",
    "score",
    what="按规则复算后的总分若落入更低的等级，提示等级可能被高估。",
    why="逐项复算的得分差异累积起来可能改变评价等级，这是复核结论中最受关注的一点。",
    example="自评总分92.5（优），复算总分88.1（良）。",
    fix="按复算结果调整各项得分和总分。",
    whole=True,
    funds=True,
)
def recomputed_grade(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    if (
        t.total_score is None
        or not _rows_scored(t)
        or goal_score_unread(t)
        or _block_left_out(t, ctx.family.scoring.execution_weight)  # its points unknown
    ):
        return
    recomputed = ctx.recomputed_total()
    claimed_grade = grade_of(t.total_score, ctx.config)
    new_grade = grade_of(recomputed, ctx.config)
    if new_grade != claimed_grade and recomputed < t.total_score:
        yield Hit(
            f"自评总分{fmt(t.total_score)}分（{claimed_grade}），按规则复算为{fmt(recomputed)}分（{new_grade}），等级可能被高估。",
            expected=f"{fmt(recomputed)}（{new_grade}）",
            found=f"{fmt(t.total_score)}（{claimed_grade}）",
            evidence=cell_evidence(t.cells.get("total_score")),
            suggestion="按复算结果调整各项得分、总分和等级。",
        )


# A total the narrative states: 项目自评总分98.76分, 自评得分为95分, 综合得分：96.21分. Not
# 自评得分分别为… (several projects) nor 均在90分以上, 自评得分90分以上为优 (a band).
_STATED_TOTAL = lazy_compile(
    r"(?:自评|综合|总|本项目|该项目)(?:总分|得分|分数)(?:为|是|[:：])?\s*(\d{1,3}(?:\.\d{1,2})?)\s*分"
    # (not a grade's band the form prints: 自评得分90分以上为优, 80-89分为良)
    r"(?!\s*(?:以上|以下|及以上|及以下|\s*[-—–~至]\s*\d))"
)
# A grade it states of the project: 自评等级为“良”, 评价等级：优, …得分99.8分，等级为优; not a row's own
# (传习活动考核等级为“良”).
_STATED_GRADE = lazy_compile(
    r"(?:自评|评价|综合|分[，,]\s*)等级(?:为|是|评定为|[:：])\s*[“\"‘']?([优良中差])[”\"’']?"
)
_TOTAL_SAID_IN = (("goal_actual", "实际完成情况"), ("conclusion", "评价结论"))


@rule(
    "T105",
    "叙述所称总分或等级与表中总分不符",
    "stated-total-matches",
    Category.CONSISTENCY,
    Severity.WARNING,
    "强制",
    "consistency",
    what="实际完成情况或评价结论中写明的自评总分（“项目自评总分98.76分”“自评得分为95分”）应与表中的总分一致"
    "（叙述按较少的小数位写出的，四舍五入后一致即可）；写明的等级（“自评等级为良”）应是表中总分所在的等级。",
    why="评价结论引用的总分和等级是自评结果的文字表述；与表中总分不符，说明其中一处抄错或未随改分更新。",
    example="总分栏为99.76，评价结论称“经自评，项目自评总分98.76分”；总分99.51，评价结论称“自评等级为良”。",
    fix="核对总分，统一评价结论与总分栏。",
    whole=True,
)
def stated_total_matches(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    if not t.total_printed or t.total_score is None:
        return
    for key, label in _TOTAL_SAID_IN:
        text = t.goal_actual if key == "goal_actual" else t.fields.get(key, "")
        where = t.labels.get(key) or label
        ref = t.cells.get(key) or t.cells.get(f"field:{key}")
        stated = list(_STATED_TOTAL.finditer(text))
        off = [m for m in stated if not _agrees(m.group(1), t.total_score)]
        # (a conclusion stating several projects' scores, this table's among them: no finding)
        if off and len(off) == len(stated):
            m = off[0]
            yield _said_otherwise(t, where, ref, m.group(0), fmt(t.total_score), m.group(1))
            return
        grade = grade_of(t.total_score, ctx.config)
        grades = list(_STATED_GRADE.finditer(text))
        if grades and all(m.group(1) != grade for m in grades):
            m = grades[0]
            yield _said_otherwise(t, where, ref, m.group(0), grade, m.group(1))
            return


def _agrees(said: str, total: float) -> bool:
    """A stated score that is the total, to the decimals it is stated with."""
    return bool(abs(float(said) - total) <= 0.5 * 10.0 ** -decimals(said) + 1e-9)


def _said_otherwise(
    t: EvaluationTable, where: str, ref: CellRef | None, quote: str, expected: str, found: str
) -> Hit:
    total = fmt(t.total_score) if t.total_score is not None else ""
    shown = f"{total}分" if expected == total else f"{total}分，等级为“{expected}”"
    return Hit(
        f"{where}称“{quote}”，而表中总分为{shown}。",
        expected=expected,
        found=found,
        evidence=[
            Evidence(quote=quote, location=ref.plain() if ref else None),
            *cell_evidence(t.cells.get("total_score")),
        ],
        suggestion="核对总分和等级，统一评价结论与总分栏。",
    )


@rule(
    "T107",
    "其中行分值未计入合计",
    "parts-within-above",
    Category.ARITHMETIC,
    Severity.INFO,
    "系统",
    "score",
    what="标注“其中”的指标行，表注说明其分值、得分已含在上一行内（不重复计分、不计入小计和总分），"
    "或表中没有说明而只有不计这些行时分值合计、总分才相符的，各项合计、小计与总分的复核均不计这些行；"
    "本条说明按哪一种依据处理，供复核人员确认。",
    why="其中行是上一行指标的分解；重复计入会使分值合计超过100分、小计与总分看似不符，掩盖真正的错误。",
    example="“其中：脱贫人口签约人数”4分，表注称其分值已含在上一行“重点人群家庭医生签约人数”10分内。",
    fix="如其中行应单独计分，请在表注中写明，并使分值合计为100分。",
)
def parts_within_above(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    parts = [i for i in t.indicators if i.within_above]
    if not parts:
        return
    noted = next((n for n in t.notes if "其中" in n), None)
    names = "、".join(f"「{i.name}」" for i in parts[:5]) + ("等" if len(parts) > 5 else "")
    why = f"表注称“{noted[:60]}”" if noted else "表中未说明，但只有不计这些行时各项合计才相符"
    yield Hit(
        f"{names}共{len(parts)}个其中行的分值、得分视为已含在上一行内，未计入合计、小计与总分的复核"
        f"（{why}）。",
        evidence=[e for i in parts[:5] for e in indicator_evidence(i, "name", "weight")],
        suggestion="如其中行应单独计分，请在表注中写明，并相应调整分值与总分。",
    )


@rule(
    "T106",
    "小计与所含各行之和不符",
    "subtotals-add-up",
    Category.ARITHMETIC,
    Severity.ERROR,
    "强制",
    "score",
    what="表中印出的小计行（数量指标小计、产出指标小计、小计）的分值、得分应等于其所含各指标行的分值、"
    "得分之和；小计按较少的小数位四舍五入印出的不报告。",
    why="小计是各类指标的得分汇总，与所含各行之和不符，说明有行的分值、得分或小计本身填错。",
    example="可持续影响指标小计得分填10分，其下唯一一行得分为9.5分。",
    fix="核对所含各行的分值、得分，改正小计。",
    rubric=True,
)
def subtotals_add_up(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    for s in t.subtotals:
        rows = [t.indicators[k] for k in s.rows if k < len(t.indicators)]
        rows = [i for i in rows if not i.within_above]  # (a 其中 row's points are its parent's)
        if not rows or (t.begins_inside and s.rows[0] == 0):
            continue  # its rows not told, or the first of them before the text begins
        off = []
        for field, word, printed in (("weight", "分值", s.weight), ("score", "得分", s.score)):
            parts = [getattr(i, field) for i in rows]
            if printed is None or None in parts:
                continue
            added = round(sum(p or 0.0 for p in parts), 2)
            cell = s.cells.get(field)
            if abs(added - printed) <= ctx.thresholds.score_tolerance + 1e-9 or (
                cell is not None and rounds_to(cell.text, printed, added)
            ):
                continue
            off.append((field, word, printed, added))
        if not off:
            continue
        said = "，".join(
            f"{w}填报为{fmt(p)}分，所含{len(rows)}行{w}之和为{fmt(a)}分" for _, w, p, a in off
        )
        yield Hit(
            f"{_group_of(rows, s.label)}「{s.label}」{said}。",
            expected="，".join(f"{w}{fmt(a)}" for _, w, _, a in off),
            found="，".join(f"{w}{fmt(p)}" for _, w, p, _ in off),
            evidence=cell_evidence(*(s.cells.get(f) for f, *_ in off)),
            suggestion="核对所含各行的分值、得分，改正小计。",
        )


def _group_of(rows: list[Indicator], label: str) -> str:
    """The category a bare 小计's rows share (产出指标), to name it by; "" when its label names
    it or they share none."""
    if label.replace(" ", "") not in ("小计", "分项小计"):
        return ""
    for level in ("l1", "l2"):
        names = {getattr(i, level) for i in rows}
        if len(names) == 1 and (name := names.pop()):
            return str(name)
    return ""


@rule(
    "T111",
    "扣分合计不符",
    "deductions-add-up",
    Category.ARITHMETIC,
    Severity.ERROR,
    "强制",
    "score",
    what="按扣分计分的表式，扣分合计应等于各指标扣分与预算执行扣分之和；各行不印得分的，总分应等于"
    "满分（100分）减去扣分合计。",
    why="总分由扣分合计算出；扣分合计漏计、重计，总分和评价等级都会出错。",
    example="各行扣分之和为3.36，扣分合计填2.36；或扣分合计1.13，总分填97.87。",
    fix="按各行扣分之和改正扣分合计，再按满分减扣分合计改正总分。",
    whole=True,
    funds=True,
)
def deductions_add_up(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    if t.total_deduction is None:
        return
    stated = t.cells.get("total_deduction")
    refs, added = _deductions(t)
    if refs and abs(added - t.total_deduction) > _CENT:
        yield Hit(
            f"扣分合计填报为{fmt(t.total_deduction)}分，各行扣分之和为{fmt(added)}分，两者不符。",
            expected=fmt(added),
            found=fmt(t.total_deduction),
            evidence=cell_evidence(stated, *refs),
            suggestion="按各行扣分之和改正扣分合计，并据以核对总分。",
        )
    if t.total_score is None or _rows_scored(t):
        return  # rows with their scores: the total is held to their sum (T101)
    full = t.total_weight or ctx.family.scoring.total
    if abs(full - t.total_deduction - t.total_score) > _CENT:
        due = round(full - t.total_deduction, 2)
        yield Hit(
            f"总分填报为{fmt(t.total_score)}分，满分{fmt(full)}分减扣分合计{fmt(t.total_deduction)}分"
            f"应为{fmt(due)}分。",
            expected=fmt(due),
            found=fmt(t.total_score),
            evidence=cell_evidence(t.cells.get("total_score"), stated),
            suggestion="按满分减扣分合计改正总分。",
        )


_CENT = 0.005


def _deductions(t: EvaluationTable) -> tuple[list[CellRef], float]:
    """The 扣分 cells of a form scored by deduction (rows and funds) and their sum."""
    refs = [r for i in t.indicators if (r := deduction_cell(i)) is not None]
    if (funds := t.funds.annual_total.cells.get("deduction")) is not None:
        refs.append(funds)
    return refs, round(sum(v for r in refs if (v := parse_number(r.text)) is not None), 2)


def _by_deductions(t: EvaluationTable, full_points: float) -> bool:
    """The 总分 is the full points less the 扣分合计, which is the rows' deductions: the total
    is right by the form's own working, whatever a row's 得分 says."""
    if t.total_deduction is None or t.total_score is None:
        return False
    refs, added = _deductions(t)
    full = t.total_weight or full_points
    return (
        bool(refs)
        and abs(added - t.total_deduction) <= _CENT
        and abs(full - t.total_deduction - t.total_score) <= _CENT
    )
