"""S: indicator scores against their targets and actuals (D1–D9)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from reviewer.checks.context import (
    Hit,
    TableContext,
    cell_evidence,
    execution_against_target,
    ilabel,
    indicator_evidence,
    scores_execution,
)
from reviewer.checks.explanations import explanation_of, says_nothing
from reviewer.checks.recompute import (
    Direction,
    dates_of,
    direction_of,
    expect,
    parts,
    units_differ,
)
from reviewer.checks.registry import rule
from reviewer.checks.written_rule import delayed_score, noted_rule, ruled_score, written_rule
from reviewer.config import Thresholds
from reviewer.lazyre import lazy_compile
from reviewer.model import Category, CellRef, EvaluationTable, Indicator, Operator, Severity
from reviewer.numbers import fmt
from reviewer.parse.indicators import LABEL_POINTS
from reviewer.parse.labels import is_row_of_its_own
from reviewer.parse.table import ILLEGIBLE
from reviewer.parse.values import parse_points, rounds_to
from reviewer.units import factor, norm_unit, scale_of

_RULE_WORDS = {
    Direction.HIGHER: "按完成值与指标值的比例计分",
    Direction.LOWER: "按反向指标超出比例扣分",
}


def _tv(ind: Indicator) -> str:
    return f"年度指标值{ind.target}，实际完成值{ind.actual}"


def _against_target(ctx: TableContext) -> list[Indicator]:
    """The rows whose score is judged against their target: not the row that scores the
    budget's execution (预算执行率), which B103 judges by the funds' own rate, unless its target
    is a rate below 100% (``execution_against_target``). Found once per table: six rules read
    them."""
    rows = ctx.shared.get(_AGAINST_TARGET_KEY)
    if not isinstance(rows, list):
        t = ctx.table
        rows = ctx.shared[_AGAINST_TARGET_KEY] = [
            i for i in t.indicators if not scores_execution(i, t) or execution_against_target(i, t)
        ]
    return rows


_AGAINST_TARGET_KEY = "rows against their target"


def _scored(ind: Indicator) -> list[Indicator]:
    return [ind] if ind.weight is not None and ind.score is not None else []


@rule(
    "S101",
    "得分超出分值",
    "score-within-weight",
    Category.SCORING,
    Severity.ERROR,
    "强制",
    "score",
    what="每个指标得分应在0与其分值之间；为年度总体目标打分的表式，其得分也应在0与其分值之间；"
    "各行不印分值的表式（20/80 表），一级、二级指标标明的分值（产出指标（40分））不得小于其下各行得分之和；"
    "小计行的得分也不得超过其分值。",
    why="超额完成不加分；得分超过分值或为负数都是错误。",
    example="分值10分的指标得12分。",
    fix="得分不超过分值；超额完成应在偏差原因栏说明。",
    rubric=True,
)
def score_within_weight(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    if (
        t.goal_score is not None
        and t.goal_weight is not None
        and (t.goal_score > t.goal_weight + 1e-9 or t.goal_score < 0)
    ):
        # the goal block scored on a form that scores it (年度总体目标 | 20 | … | 22)
        yield Hit(
            f"年度总体目标得分{fmt(t.goal_score)}分，超出其分值范围（0–{fmt(t.goal_weight)}分）。",
            expected=f"0–{fmt(t.goal_weight)}",
            found=fmt(t.goal_score),
            evidence=cell_evidence(t.cells.get("goal_weight"), t.cells.get("goal_score")),
            suggestion="年度总体目标得分不得超过其分值。",
        )
    yield from _category_scores_above(ctx)
    yield from _goal_scores_above(t)
    for sub in t.subtotals:
        # a form scoring its categories, not its rows (社会效益指标小计 | 10 | 12); rows scored
        # of their own are judged each, their sum against the 小计 by T106
        if any(t.indicators[k].score is not None for k in sub.rows if k < len(t.indicators)):
            continue
        if sub.weight is not None and sub.score is not None and sub.score > sub.weight + 1e-9:
            yield Hit(
                f"「{sub.label}」得分{fmt(sub.score)}分，超出其分值{fmt(sub.weight)}分。",
                expected=f"0–{fmt(sub.weight)}",
                found=fmt(sub.score),
                evidence=cell_evidence(sub.cells.get("weight"), sub.cells.get("score")),
                suggestion="小计得分不得超过其分值；超额完成应在偏差原因栏说明。",
            )
    for ind in ctx.table.indicators:
        for i in _scored(ind):
            assert i.weight is not None and i.score is not None
            if i.score > i.weight + 1e-9 or i.score < 0:
                yield Hit(
                    f"{ilabel(i)}得分{fmt(i.score)}分，超出分值范围（0–{fmt(i.weight)}分）。",
                    indicator=i,
                    expected=f"0–{fmt(i.weight)}",
                    found=fmt(i.score),
                    evidence=indicator_evidence(i, "weight", "score"),
                    suggestion="得分不得超过分值，超额完成不加分。",
                )


def _goal_scores_above(t: EvaluationTable) -> Iterator[Hit]:
    """Each goal of a block scoring its goals one by one (年度目标2 | … | 7 | 8): its score
    within its own points."""
    k = 1
    while (weight := t.cells.get(f"goal_weight:{k}")) is not None:
        score = t.cells.get(f"goal_score:{k}")
        w = parse_points(weight.text)
        sc = parse_points(score.text) if score is not None else None
        if w is not None and sc is not None and (sc > w + 1e-9 or sc < 0):
            yield Hit(
                f"年度目标{k}得分{fmt(sc)}分，超出其分值范围（0–{fmt(w)}分）。",
                expected=f"0–{fmt(w)}",
                found=fmt(sc),
                evidence=cell_evidence(weight, score),
                suggestion="各项年度目标的得分不得超过其分值。",
            )
        k += 1


def _category_scores_above(ctx: TableContext) -> Iterator[Hit]:
    """On a form whose rows print no 分值 (20/80), a category's printed points (产出指标（40分）)
    below its rows' scores added up (the rows the other categories' points give a weight,
    ``implied``, still print none). What a row given its weight so, or a finer category, is
    already said to overrun is not said again of the category holding it; a label printed again
    over each of its rows with points of its own (数量指标(8分) | 数量指标(7分)) is no one
    category."""
    t = ctx.table
    if any(i.weight is not None and id(i) not in ctx.implied for i in t.indicators):
        return
    # the categories' printed points read right: the 一级 ones make up the block's (40 + 30 +
    # 10 of 80), or the rows' scores overrun the block's too (a label's points read under
    # another's, 产出指标 / (40分) / (20分) wrapped, would put a false sum here)
    firsts = {i.l1 for i in t.counted}
    printed = sum(p for name, p in t.stated_weights.items() if name in firsts)
    block = ctx.family.scoring.indicator_total
    scored_all = sum(i.score or 0.0 for i in t.counted)
    if abs(printed - block) > 0.005 and scored_all <= block + 0.005:
        return
    said: dict[int, float] = {  # a row said to overrun its implied weight: by how much
        id(i): i.score - i.weight
        for i in t.counted
        if id(i) in ctx.implied
        and i.score is not None
        and i.weight is not None
        and i.score > i.weight + 0.005
    }
    seconds = {i.l2 for i in t.counted}
    names = sorted(t.stated_weights, key=lambda name: name not in seconds)  # finer first
    for name in names:
        points = t.stated_weights[name]
        rows = [i for i in t.counted if name in (i.l1, i.l2) and i.score is not None]
        if sum(i.cells.get(LABEL_POINTS) is not None for i in rows if i.l2 == name) > 1:
            continue  # the label printed with each row's own points
        scored = sum(i.score for i in rows if i.score is not None)
        over = scored - points - sum(said.get(id(i), 0.0) for i in rows)
        if rows and over > 0.005:
            for i in rows:  # said here: not again of the category holding them
                said[id(i)] = said.get(id(i), 0.0) + over / len(rows)
            yield Hit(
                f"{name}标明{fmt(points)}分，其下各指标得分合计{fmt(round(scored, 2))}分，超过该类分值。",
                expected=f"≤{fmt(points)}",
                found=fmt(round(scored, 2)),
                evidence=[e for i in rows for e in indicator_evidence(i, "score")][:_EVIDENCE_ROWS],
                suggestion="核对该类各指标得分，使其合计不超过该类标明的分值。",
            )


_EVIDENCE_ROWS = 6


@rule(
    "S102",
    "未达成却得满分",
    "unmet-full-marks",
    Category.SCORING,
    Severity.ERROR,
    "强制",
    "score",
    what="实际完成值未达到年度指标值（按指标方向判断：正向、反向、等于、区间、时间节点）却得满分。",
    why="未达成指标应按完成比例计分或适当扣分；给满分会虚增总分，是复核中最常见的问题。",
    example="年度指标值=95%，实际完成值=92.23%，分值10分得10分；按比例应得9.71分。",
    fix="按完成比例调整得分，并在偏差原因栏说明未达成原因及改进措施。",
)
def unmet_full_marks(ctx: TableContext) -> Iterator[Hit]:
    for i in _against_target(ctx):
        if i.weight is None or i.score is None or i.score < i.weight:
            continue
        e = ctx.expect(i)
        if e.met is not False or e.direction is Direction.QUALITATIVE:
            continue
        if (ruled := _by_written_rule(i, ctx.table.notes)) is not None:
            tail = f"{ruled[0]}应为{fmt(ruled[1])}分。"
            expected = fmt(ruled[1])
        elif e.expected is not None:
            how = _RULE_WORDS.get(e.direction, "按规则计分")
            tail = f"{how}应为{fmt(e.expected)}分。"
            expected = fmt(e.expected)
        else:
            tail = "未达成应适当扣分。"
            expected = f"< {fmt(i.weight)}"
        yield Hit(
            f"{ilabel(i)}{_tv(i)}，未达成指标值却得满分{fmt(i.score)}分；{tail}",
            indicator=i,
            expected=expected,
            found=fmt(i.score),
            evidence=indicator_evidence(i, "target", "actual", "score"),
            suggestion="按实际完成比例调整得分，并在偏差原因栏说明未达成原因及改进措施。",
        )


@rule(
    "S103",
    "已达成却扣分",
    "met-but-deducted",
    Category.SCORING,
    Severity.INFO,
    "强制",
    "score",
    what="实际完成值已达到年度指标值却被扣分。",
    why="达成指标应得满分；扣分可能是完成值填错，或扣分理由未写明。",
    example="年度指标值>=90%，实际完成值=95%，分值10分只得8分。",
    fix="核实完成值；如确已达成应给满分，如另有扣分理由应写明。",
)
def met_but_deducted(ctx: TableContext) -> Iterator[Hit]:
    for i in _against_target(ctx):
        if i.weight is None or i.score is None or i.score >= i.weight:
            continue
        e = ctx.expect(i)
        if _rate_scored(i):
            continue  # 预算执行率 scored as its rate (Hebei's): 10 × 97.49% = 9.75
        if e.met is True and e.direction is not Direction.QUALITATIVE:
            yield Hit(
                f"{ilabel(i)}{_tv(i)}，已达成指标值，但只得{fmt(i.score)}分（分值{fmt(i.weight)}分）。",
                indicator=i,
                expected=fmt(i.weight),
                found=fmt(i.score),
                evidence=indicator_evidence(i, "target", "actual", "score"),
                suggestion="核实实际完成值；已达成的指标应得满分，另有扣分理由的应写明。",
            )


def _rate_scored(i: Indicator) -> bool:
    """The budget-execution row (预算执行率) scored as its weight times the rate it reports,
    as forms that print it among the indicators score it."""
    rate = i.actual_value
    return (
        is_row_of_its_own(i.name)
        and i.weight is not None
        and i.score is not None
        and rate.unit == "%"
        and rate.number is not None
        and abs(i.weight * rate.number / 100 - i.score) <= _RATE_SCORE_TOLERANCE
    )


_RATE_SCORE_TOLERANCE = 0.01


@rule(
    "S104",
    "扣分与完成比例不符",
    "deduction-not-proportional",
    Category.SCORING,
    Severity.WARNING,
    "强制",
    "score",
    what="未达成指标已扣分，但得分与按比例计算的得分相差超过0.01分。得分偏高超过分值的10%（可配置）为错误，偏低为提示。",
    why="未达成的定量指标按完成比例计分；扣分过少虚增总分，扣分过多也应说明依据。",
    example="年度指标值=5个，实际完成值=2个，分值15分，得10分；按比例应得6分。",
    fix="按实际完成值 ÷ 年度指标值 × 分值重新计分。",
)
def deduction_not_proportional(ctx: TableContext) -> Iterator[Hit]:
    th = ctx.thresholds
    ruled = _note_rules(ctx.table.notes)
    for i in _against_target(ctx):
        if i.weight is None or i.score is None or i.score >= i.weight:
            continue
        e = ctx.expect(i)
        if e.met is not False or e.expected is None:
            continue
        if any(stem in f"{i.l1}{i.l2}{i.name}" for stem in ruled):
            continue  # a note states the rule its category is scored by (每低1个百分点扣0.5分)
        if _by_written_rule(i, ctx.table.notes) is not None:
            continue  # the row's own 评分标准 scores it (S111's)
        how = _RULE_WORDS.get(e.direction, "按规则计分")
        yield from _score_off(i, e.expected, how, "按实际完成值与年度指标值的比例重新计分。", th)


def _rounded_to_print(i: Indicator, expected: float) -> bool:
    """The score is ``expected`` rounded to the decimals it is printed with (9.7 for 9.74; a
    whole number is no such rounding: 9 for 8.63 is a point given)."""
    ref = i.cells.get("score")
    return ref is not None and i.score is not None and rounds_to(ref.text, i.score, expected)


def _score_off(
    i: Indicator, expected: float, how: str, suggestion: str, th: Thresholds
) -> Iterator[Hit]:
    """A missed row's score against the one ``how`` gives (S104's proportion, S111's written
    rule): too high beyond a tenth of its 分值 an error, else a warning; too low a note."""
    assert i.score is not None and i.weight is not None
    diff = i.score - expected
    if abs(diff) <= th.score_tolerance + 1e-9 or _rounded_to_print(i, expected):
        return
    if diff > 0:
        severity = Severity.ERROR if diff > th.big_deviation_share * i.weight else Severity.WARNING
        verb = "扣分偏少"
    else:
        severity, verb = Severity.INFO, "扣分偏多"
    yield Hit(
        f"{ilabel(i)}{_tv(i)}，得{fmt(i.score)}分；{how}应为{fmt(expected)}分，{verb}{fmt(abs(diff))}分。",
        indicator=i,
        expected=fmt(expected),
        found=fmt(i.score),
        evidence=indicator_evidence(i, "target", "actual", "score"),
        suggestion=suggestion,
        severity=severity,
    )


# A note's own rule for a category's rows: a deduction per unit (满意度指标实际值低于目标值的,每低
# 1个百分点扣0.5分) or its scoring bands (满意度指标评分标准：满意度≥90%得10分，85%—90%得6分…).
_NOTE_RULE = lazy_compile(
    r"([\u4e00-\u9fff]{2,10}?)指标(?:[^。；;]{0,24}?每(?:低|少|超|超过|降低|下降|延期|延迟)"
    r"[^。；;]{0,12}?扣\s*\d+(?:\.\d+)?\s*分|(?:评分|计分)(?:标准|规则|办法))"
)


@rule(
    "S111",
    "得分与本行评分标准不符",
    "score-by-written-rule",
    Category.SCORING,
    Severity.WARNING,
    "强制",
    "score",
    what="指标行的评分标准栏写明了扣分办法（每低1个百分点扣0.5分、每少10人扣1分、每延迟1个月扣2分、"
    "80%-90%得60%分值、未达到不得分）的，或表注为该类指标写明了扣分办法（满意度≥90%得满分，每低1个百分点扣0.5分）的，"
    "未达成指标值的行按该办法计分（不低于0分）；得分与之相差超过0.01分的报告，偏高超过分值的10%为错误，偏低为提示。"
    "评分标准写按比例计分、酌情扣分或按发现问题数扣分的，按S104的比例规则核对。",
    why="表中写明的评分标准是该行的计分依据；不按自己写明的标准扣分，得分就没有依据。",
    example="工程验收合格率≥98%，完成93%，评分标准“每低1个百分点扣0.5分”，分值10分，得9.5分；应为7.5分。",
    fix="按本行评分标准或表注写明的办法重新计分。",
)
def score_by_written_rule(ctx: TableContext) -> Iterator[Hit]:
    th = ctx.thresholds
    for i in _against_target(ctx):
        if i.weight is None or i.score is None or i.score >= i.weight:
            continue  # (a full score on a missed row is S102's)
        if ctx.expect(i).met is not False:
            continue
        ruled = _by_written_rule(i, ctx.table.notes)
        if ruled is None:
            continue
        how, expected = ruled
        yield from _score_off(i, expected, how, "按评分标准重新计分。", th)


def _by_written_rule(i: Indicator, notes: list[str]) -> tuple[str, float] | None:
    """How the row's written rule is quoted (its own 评分标准's, or the table's note's for its
    kind) and the score it gives the row (a missed one), where ``written_rule`` or
    ``noted_rule`` reads one that applies to the row's figures."""
    rule_, where = written_rule(i), "本行评分标准"
    if rule_ is None:
        rule_, where = noted_rule(i, notes), "表注"
    if rule_ is None:
        return None
    how = f"按{where}“{rule_.text[:40]}”"
    if (dates := dates_of(i.target, i.actual)) is not None:
        late = delayed_score(rule_, i, *dates)  # 每延迟1个月扣2分: 8月底前 against 10月底
        return None if late is None else (how, late)
    t, a = i.target_value, i.actual_value
    if t.number is None or a.number is None:
        return None
    scale = scale_of(t, a) if a.unit != t.unit else 1.0
    if scale == 1.0 and units_differ(t, a):
        return None  # units that do not convert (S108's)
    actual = a.number * scale
    score = ruled_score(rule_, i, t.number, actual)
    return None if score is None else (how, score)


def _note_rules(notes: list[str]) -> set[str]:
    """The categories (their stems: 满意度) whose rows a note scores by a rule of its own."""
    return {m.group(1) for note in notes for m in _NOTE_RULE.finditer(note)}


@rule(
    "S105",
    "正向指标目标为0",
    "zero-target-ratio",
    Category.INDICATOR,
    Severity.INFO,
    "建议",
    "design",
    what="正向指标（≥、>）的年度指标值为0时，无法按比例计分。",
    why="以0为目标的正向指标没有约束力，完成比例也无从计算。",
    example="年度指标值>=0次。",
    fix="设置有意义的目标值，或改为反向指标（如“≤0次”）。",
)
def zero_target(ctx: TableContext) -> Iterator[Hit]:
    for i in ctx.table.indicators:
        t = i.target_value
        if t.operator in (Operator.GE, Operator.GT) and t.number == 0:
            yield Hit(
                f"{ilabel(i)}年度指标值为{i.target}，以0为目标的正向指标无法按比例计分。",
                indicator=i,
                found=i.target,
                evidence=indicator_evidence(i, "target"),
                suggestion="设置有意义的目标值，或改为反向指标。",
            )


@rule(
    "S106",
    "定性指标得分不在档次内",
    "qualitative-band",
    Category.SCORING,
    Severity.WARNING,
    "强制",
    "score",
    what="定性指标得分应落在等级区间：达成[80%,100%]×分值，部分达成[60%,80%)，未达成<60%（区间可配置）。“未进行”“未完成”视为未达成。",
    why="定性指标按达成程度分档计分；档外得分说明计分随意。",
    example="实际完成值“未进行”，分值5分得5分。",
    fix="按达成程度所在档次重新计分，并说明理由。",
)
def qualitative_band(ctx: TableContext) -> Iterator[Hit]:
    for i in ctx.table.indicators:
        if i.weight is None or i.score is None:
            continue
        own = _own_band(i)
        if own is not None:  # the row's own 评分标准 names the actual's band: that rule, not ours
            word, lo, hi, criterion = own
            if lo - 1e-9 <= i.score <= hi + 1e-9:
                continue
            yield Hit(
                f"{ilabel(i)}实际完成值为“{word}”，按本行评分标准“{criterion}”应得"
                f"{fmt(lo)}–{fmt(hi)}分，表中得{fmt(i.score)}分。",
                indicator=i,
                expected=f"{fmt(lo)}–{fmt(hi)}",
                found=fmt(i.score),
                evidence=indicator_evidence(i, "actual", "score") + cell_evidence(_criterion(i)),
                suggestion="按本行评分标准所列档次重新计分。",
                severity=Severity.ERROR if i.score > hi else Severity.WARNING,
            )
            continue
        e = ctx.expect(i)
        if e.direction is not Direction.QUALITATIVE or e.band is None:
            continue
        lo, hi = e.band
        level = "达成" if e.met else ("部分达成" if e.partial else "未达成")
        too_high = i.score > hi + 1e-9 or (
            e.met is False and not e.top_allowed and i.score >= hi - 1e-9 and hi > 0
        )
        too_low = e.met is True and i.score < lo - 1e-9
        if not (too_high or too_low):
            continue
        band = f"{fmt(lo)}–{fmt(hi)}分" if e.met else f"低于{fmt(hi)}分"
        if e.top_allowed:
            band = f"不高于{fmt(hi)}分"
        if e.partial:
            band = f"{fmt(lo)}分至不足{fmt(hi)}分"
        yield Hit(
            f"{ilabel(i)}{_tv(i)}，属{level}，得分应在{band}，表中得{fmt(i.score)}分。",
            indicator=i,
            expected=band,
            found=fmt(i.score),
            evidence=indicator_evidence(i, "target", "actual", "score"),
            suggestion="按达成程度所在档次重新计分，并在偏差原因栏说明。",
            severity=Severity.ERROR if too_high and e.met is False else Severity.WARNING,
        )


def _criterion(i: Indicator) -> CellRef | None:
    """The row's own scoring rule as printed (评分标准, 评分办法, 计分方法), if the form has it."""
    return next(
        (ref for k, ref in i.cells.items() if k not in _ROLE_CELLS and _CRITERION_LABEL.search(k)),
        None,
    )


# The cells every row keeps under its role's name: no printed column's label among them.
_ROLE_CELLS = frozenset(
    ("name", "target", "actual", "weight", "score", "explanation", "nature", "unit", "l1", "l2")
)


def _own_band(i: Indicator) -> tuple[str, float, float, str] | None:
    """The band the row's own 评分标准 gives its actual (规范得9-10分；基本规范得6-8分: 基本规范
    → 6–8), as (the band's word, its least and most points, the band as printed); None where
    the rule names no band whose word is the actual."""
    ref = _criterion(i)
    actual = i.actual.strip().rstrip("。.")
    if ref is None or not actual:
        return None
    for m in _BAND.finditer(ref.text):
        word = m.group("word").strip()
        if word == actual:
            lo = float(m.group("lo"))
            hi = float(m.group("hi")) if m.group("hi") else lo
            return word, min(lo, hi), max(lo, hi), m.group(0).strip("；;，, ")
    return None


_CRITERION_LABEL = lazy_compile(r"评分标准|评分办法|计分方法|评分规则")
# A band of a row's scoring rule: its word, then its points or their range (基本规范得6-8分).
_BAND = lazy_compile(
    r"(?:^|[；;，,。])\s*(?P<word>[^；;，,。\d]{1,8}?)\s*(?:的)?得\s*(?P<lo>\d+(?:\.\d+)?)"
    r"(?:\s*[-—–~～至到]\s*(?P<hi>\d+(?:\.\d+)?))?\s*分"
)


@rule(
    "S107",
    "超额完成",
    "over-achievement",
    Category.EXPLANATION,
    Severity.WARNING,
    "强制",
    "overachieve",
    what="实际完成值达到年度指标值的1.2倍以上提示指标值可能偏低；达到1.3倍以上须说明原因（倍数可配置）。",
    why="大幅超额完成须分析原因；如属目标设定过低，应“按照偏离度适度调减”得分。",
    example="年度指标值=127家，实际完成值=187家（1.47倍），偏差原因栏空白。",
    fix="在偏差原因栏说明超额完成的原因；目标设定偏低的，按偏离度适度调减得分，下年度合理设置目标。",
)
def over_achievement(ctx: TableContext) -> Iterator[Hit]:
    th = ctx.thresholds
    for i in _against_target(ctx):
        e = ctx.expect(i)
        if i.weight is None and e.ratio is None:
            # a form without 分值 (a transfer's, a 20/80's rows): the multiple all the same
            e = expect(i.model_copy(update={"weight": 1.0}), ctx.config)
        if (
            e.direction is not Direction.HIGHER
            or e.ratio is None
            or e.ratio < th.over_achievement_warn
            or _rate_past_whole(i)
            or _growth_points(i)
            or _units_apart(i)  # (元/人·年 against 元/人·月: S108's mismatch, no multiple)
        ):
            continue
        explained = explanation_of(i, ctx).strip()
        # (无, —: no reason written)
        unexplained = e.ratio >= th.over_achievement_explain and says_nothing(explained)
        if unexplained:
            msg = f"{ilabel(i)}{_tv(i)}，为指标值的{e.ratio:.2f}倍，大幅超额完成但未说明原因。"
            severity = Severity.WARNING
        else:
            msg = f"{ilabel(i)}{_tv(i)}，为指标值的{e.ratio:.2f}倍，指标值可能设定偏低。"
            severity = Severity.INFO
        yield Hit(
            msg,
            indicator=i,
            expected=f"< {th.over_achievement_warn:g} 倍或说明原因",
            found=f"{e.ratio:.2f} 倍",
            evidence=indicator_evidence(i, "target", "actual"),
            suggestion="说明超额完成的原因；如属目标设定偏低，按偏离度适度调减得分，并在下年度合理设置指标值。",
            severity=severity,
        )


def _growth_points(i: Indicator) -> bool:
    """A growth rate's small target in percent (接待游客人次增长率 ≥5%, 7.4%): its excess is a
    few points of growth, not a multiple of the work planned."""
    t = i.target_value
    return (
        _GROWTH.search(i.name) is not None
        and norm_unit(t.unit) == "%"
        and t.number is not None
        and t.number <= _SMALL_GROWTH
    )


_GROWTH = lazy_compile(r"增长率|增幅|增速|增长幅度|下降幅度|降幅|下降率|增产|增收|减少|降低")
_SMALL_GROWTH = 20.0  # percent


def _rate_past_whole(i: Indicator) -> bool:
    """A rate's actual printed past 100 without its % (929 for 92%: a scan read % as 9): not
    an achievement to weigh against the target."""
    t, a = i.target_value, i.actual_value
    return norm_unit(t.unit) == "%" and not a.unit and a.number is not None and a.number > 100


def _units_apart(i: Indicator) -> bool:
    """Target and actual in units that differ and do not convert one into the other."""
    t, a = i.target_value, i.actual_value
    return (
        _numbers_in_units_apart(i)
        and factor(norm_unit(a.unit or ""), norm_unit(t.unit or "")) is None
    )


def _numbers_in_units_apart(i: Indicator) -> bool:
    t, a = i.target_value, i.actual_value
    return (
        t.number is not None
        and a.number is not None
        and units_differ(t, a)
        # (6月底、11月底前 against 6月28日、11月22日: dates, no unit)
        and not (_DATE_TAIL.match(t.unit or "") and _DATE_TAIL.match(a.unit or ""))
    )


# What a date leaves after its first figure (月底前 of 6月底前, 月28日, 年12月): no unit.
_DATE_TAIL = lazy_compile(r"^(?:年|月)(?:\d|底|末|初|中旬|上旬|下旬|前|份)")


@rule(
    "S108",
    "计量单位不一致",
    "unit-mismatch",
    Category.INDICATOR,
    Severity.WARNING,
    "系统",
    "design",
    what="年度指标值与实际完成值应使用同一计量单位。年度指标值是带单位的数量（≤30万元、≥95%），"
    "实际完成值却只写“完成”“达标”等文字、没有数值，而该行得了分的，同样报告：完成情况无法与指标值比较；"
    "数值中有扫描件未能识别的字符（9▇%）的，也报告：该行无法核对。",
    why="单位不同（分与份、%与个数、元与万元）时完成情况无法比较，计分也就没有依据。",
    example="年度指标值>=90分，实际完成值=100份；年度指标值≤30万元，实际完成值“完成”，得满分。",
    fix="统一计量单位，按同一口径填报完成值。",
)
def unit_mismatch(ctx: TableContext) -> Iterator[Hit]:
    for i in ctx.table.indicators:
        t, a = i.target_value, i.actual_value
        if (
            a.number is None
            and t.is_quantitative
            and norm_unit(t.unit)
            and direction_of(t) is not Direction.DEADLINE  # 已完成 by a deadline: no quantity
            and _says_done(a.word, i.score)
        ):
            yield Hit(
                f"{ilabel(i)}年度指标值为{i.target}，实际完成值只写了“{i.actual}”，"
                "没有实际数值，无法判断是否达到指标值。",
                indicator=i,
                expected=f"以“{norm_unit(t.unit)}”为单位的实际数值",
                found=i.actual,
                evidence=indicator_evidence(i, "target", "actual"),
                suggestion="填写实际完成的数值（与年度指标值同一单位），再按完成比例计分。",
            )
            continue
        # a row of several targets (≥95%；≤5天) is compared target by target
        pair = next(
            (p for p in parts(i) or [i] if _numbers_in_units_apart(p)),
            None,
        )
        if pair is None:
            continue
        if ILLEGIBLE.search(pair.target + pair.actual):
            # a glyph a scan's OCR could not read (9▇%): no unit to compare, the value unread
            yield Hit(
                f"{ilabel(i)}{_tv(i)}，其中有无法辨认的字符（扫描件未能识别），"
                "完成情况与得分无法核对。",
                indicator=i,
                expected="可辨认的数值",
                found=pair.actual,
                evidence=indicator_evidence(i, "target", "actual"),
                suggestion="对照原件核实该行的年度指标值和实际完成值。",
            )
            continue
        t, a = pair.target_value, pair.actual_value
        assert t.number is not None and a.number is not None
        scale = scale_of(t, a)
        converted = (
            f"；实际完成值折合{fmt(round(a.number * scale, 6))}{norm_unit(t.unit)}，已按此核对完成情况"
            if scale != 1.0
            else ""
        )
        if scale == 1.0 and (factor(norm_unit(a.unit), norm_unit(t.unit)) or 1.0) != 1.0:
            # (units that convert, the figure near the target only as printed: scale_of)
            converted = (
                "；所填数值与指标值相近，按单位折合则相差悬殊，单位可能填错，已按所填数值核对"
            )
        # the same quantity in another scale, met once converted (≤25万元 against 243,600元):
        # a matter of notation, not a result hidden by its unit
        notation = scale != 1.0 and ctx.met(i) is True
        yield Hit(
            f"{ilabel(i)}{_tv(i)}，计量单位不一致（“{norm_unit(t.unit)}”与“{norm_unit(a.unit)}”）"
            f"{converted}。",
            severity=Severity.INFO if notation else None,
            indicator=i,
            expected=norm_unit(t.unit),
            found=norm_unit(a.unit),
            evidence=indicator_evidence(i, "target", "actual"),
            suggestion="统一计量单位后重新填报实际完成值。",
        )


# An actual that only says the work is done (完成, 已完成, 达标, 达到预期): a verdict, not a
# value. Words of not doing it (未完成, 没有达到) are the not-done actuals S102 reads.
_DONE_WORD = lazy_compile(r"^(?:已|全部|基本)?(?:完成|达到|达成|实现|达标|合格)")
_NOT_DONE_WORD = lazy_compile(r"未|没|不|无|差")
_VERDICT_LENGTH = 8  # characters: longer texts describe something (a range, a note)


def _says_done(word: str, score: float | None) -> bool:
    """``word`` (an actual without a number) only says the work was done, and the row scored."""
    w = word.strip("。.，, ")
    return (
        bool(w)
        and len(w) <= _VERDICT_LENGTH
        and score is not None
        and score > 0
        and _DONE_WORD.match(w) is not None
        and _NOT_DONE_WORD.search(w) is None
    )


@rule(
    "S109",
    "多个指标完成值相同",
    "repeated-actual",
    Category.CONSISTENCY,
    Severity.WARNING,
    "建议",
    "consistency",
    what="同一张表中，年度指标值不同的几个指标，实际完成值却完全相同（且与指标值不同；92%、95%这类整数百分比不计）。",
    why="不同指标恰好完成同一数值的可能性很小，常见原因是复制粘贴或以一个数据代替多个指标。",
    example="知晓率、首选率、满意率的实际完成值都是=92.23%。",
    fix="核实各指标的实际完成值及其数据来源。",
)
def repeated_actual(ctx: TableContext) -> Iterator[Hit]:
    groups: dict[tuple[float, str], list[Indicator]] = defaultdict(list)
    for i in ctx.table.indicators:
        a, t = i.actual_value, i.target_value
        if a.number is None or a.operator is Operator.QUALITATIVE:
            continue
        if t.number == a.number or a.number in (0, 100) or norm_unit(a.unit) in ("月",):
            continue
        if a.number.is_integer() and norm_unit(a.unit) == "%":
            continue  # 92%, 95%: whole rates two rows of a table may well share
        groups[(a.number, norm_unit(a.unit))].append(i)
    for inds in groups.values():
        if len({i.target_value.number for i in inds}) < 2:
            continue  # the same target and the same result can both be true (2 of 5 → 40 %)
        names = "、".join(f"「{i.name}」" for i in inds)
        evidence = [e for i in inds for e in indicator_evidence(i, "actual")]
        yield Hit(
            f"{names}的实际完成值均为{inds[0].actual}，而各自的年度指标值不同，需核实数据来源。",
            indicator=inds[0],
            found=inds[0].actual,
            evidence=evidence,
            suggestion="核实各指标实际完成值的统计口径和数据来源。",
        )


# Rates that may pass 100%: a task done beyond its plan, a growth.
_MAY_PASS_100 = lazy_compile(
    r"完成率|完成比例|增长|增幅|增速|提高|提升"
    r"|借阅率|流通率|周转率"  # loans or turns per item held: an item lent twice counts twice
    r"|与[^，,]{2,10}比$|之比$"  # one rate against another (资金支付进度与序时进度比)
)
# The row's own note on why its rate passes 100% (同一册图书可多次借出，故超过100%).
_SAYS_WHY_OVER_100 = lazy_compile(r"(?:故|所以|因此|可以?|可能|会)(?:超过|超出|大于|高于)100%")


@rule(
    "S110",
    "比率超过100%",
    "percent-over-100",
    Category.CONSISTENCY,
    Severity.WARNING,
    "系统",
    "consistency",
    what="以百分比计的比率类指标，实际完成值不应超过100%。任务完成率（完成率、完成比例）、增长率、增幅和借阅率、"
    "流通率、周转率可以超过100%（超额完成由S107报告），不在此列；本行已说明为何超过100%的也不报告。",
    why="合格率、覆盖率、满意度等占比类比率不可能超过100%，超过说明数据有误。",
    example="年度指标值=100%，实际完成值=105%。",
    fix="核实实际完成值的计算口径。",
)
def percent_over_100(ctx: TableContext) -> Iterator[Hit]:
    for i in _against_target(ctx):
        a = i.actual_value
        if _MAY_PASS_100.search(i.name) or _SAYS_WHY_OVER_100.search(i.explanation):
            continue  # 森林抚育任务完成率108.3%: more done than planned; or the row says why
        if norm_unit(a.unit) == "%" and a.number is not None and a.number > 100:
            yield Hit(
                f"{ilabel(i)}实际完成值为{i.actual}，比率超过100%。",
                indicator=i,
                expected="≤ 100%",
                found=i.actual,
                evidence=indicator_evidence(i, "actual"),
                suggestion="核实实际完成值的计算口径。",
            )
