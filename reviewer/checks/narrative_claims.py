"""N102–N106, N109: the figures the narrative states, against the indicators, the fund block and
themselves (E3: 实际完成情况 reports results and figures against each 预期目标 item, and the
figures quoted in the narrative agree with the indicators and the fund block).

The claims come from ``reviewer.claims`` (extracted once per table and shared by the rules).
Every finding quotes the sentence its figure comes from, with the location of its goal cell,
and the indicator cells or fund cells it was compared with.

All six rules are ``consistency`` (memo section 完成情况与指标不一致). Plan language in the
实际完成情况 (N104) is filed there too, beside N101: like a copied goal, it is the narrative
failing to report results against the goal, not a deviation explanation.

Precision comes first: a figure is compared only where the match is clear, and a figure that
agrees with any matching row, or that several rows or several figures could share, is left to
the reviewer (and to the LLM, which gets the claims as context).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence

from reviewer.checks.context import (
    Hit,
    TableContext,
    cell_evidence,
    ilabel,
    indicator_evidence,
    unit_factors,
)
from reviewer.checks.narrative import copied, similarity
from reviewer.checks.recompute import dates_in
from reviewer.checks.registry import rule
from reviewer.claims.analysis import Analysis, analyse
from reviewer.claims.extract import (
    FUTURE,
    MONEY_UNITS,
    MULTIPLIERS,
    PROMISE,
    SOUGHT,
    Claim,
    field_claims,
    sentence_at,
)
from reviewer.claims.match import Target, common_run, unit_class
from reviewer.lazyre import lazy_compile
from reviewer.model import (
    Category,
    CellRef,
    EvaluationTable,
    Evidence,
    Indicator,
    Operator,
    Severity,
    Task,
)
from reviewer.numbers import fmt
from reviewer.parse.values import decimals, parse_amount

_SHARED_KEY = "claims"
_FIELDS_KEY = "claims with fields"


def analysis(ctx: TableContext) -> Analysis:
    """The table's claims, analysed once and shared by the N rules."""
    a = ctx.shared.get(_SHARED_KEY)
    if not isinstance(a, Analysis):
        a = ctx.shared[_SHARED_KEY] = analyse(ctx.table)
    return a


def _with_fields(ctx: TableContext, a: Analysis) -> list[Claim]:
    """The goals' claims (their positions those of ``a.matches``), then a text field's
    (项目实施内容及过程概述) that state a level for this year; read once, shared by N106 and
    N109."""
    claims = ctx.shared.get(_FIELDS_KEY)
    if not isinstance(claims, list):
        fields = (c for c in field_claims(ctx.table) if c.comparable and not c.future)
        claims = ctx.shared[_FIELDS_KEY] = [*a.claims, *fields]
    return claims


def _sentence_evidence(c: Claim) -> Evidence:
    return Evidence(quote=c.sentence, location=c.location)


@rule(
    "N102",
    "叙述数字与指标不符",
    "narrative-figure-vs-indicator",
    Category.CONSISTENCY,
    Severity.WARNING,
    "强制",
    "consistency",
    what="预期目标或实际完成情况中的数量，与计量单位相同、名称相符的绩效指标不一致。实际完成情况中的结果与实际完成值比较，"
    "预期目标和“不少于”“确保”等承诺与年度指标值比较；约数（约、余、以上）按其范围比较。"
    "数字与该指标的年度指标值或实际完成值之一相符、可对应几个指标、或同一段文字有几个数字对应同一指标的，不报告；"
    "但实际完成情况所写的结果恰是年度指标值、而实际完成值另有其数的（百分率除外），报告叙述写的是计划数。"
    "较上年的增减量只与本身计量增减的指标（亩均增收、增幅）比较。实际完成情况所写的完工、竣工验收日期"
    "（于2023年12月20日完工；于2023年11月底前全部完工）与名称为该事项时间的唯一指标的实际完成值没有一天能对上的，"
    "也报告。",
    why="总体目标完成情况须与绩效指标相互印证（E3）：同一事项叙述与指标数字不一，至少有一处填报有误。",
    example="预期目标称对“20余家行业、园区、商圈特色站室”开展测评，而指标“公共法律服务特色站室测评家数”年度指标值为=5家。",
    fix="核对叙述与指标的数据来源，统一为实际数字；二者统计口径不同的，在叙述中写明口径。",
)
def narrative_figure_vs_indicator(ctx: TableContext) -> Iterator[Hit]:
    yield from _dates_vs_rows(ctx)
    a = analysis(ctx)
    if all(m.best is None for m in a.matches.values()):
        return
    shared: Counter[tuple[str, int]] = Counter()
    for m in a.matches.values():
        if m.best is not None:  # the row a claim is about; a weaker or tied match is not
            shared[(m.claim.source, id(m.best.indicator))] += 1
    restated: list[tuple[Claim, Indicator]] = []
    for _, m in sorted(a.matches.items()):
        best = m.best
        if best is None:
            continue
        c, ind = m.claim, best.indicator
        if shared[(c.source, id(ind))] > 1:  # parts, or several states of one thing
            continue
        if m.agrees:
            if _plan_for_result(c, best):
                restated.append((c, best.indicator))
            elif (
                _result_past_plan(c, best)
                and best.actual is not None
                and not c.agrees(*best.actual)
            ):
                # a result finer than the plan's round figure, other than the actual (2.15万亩
                # against ≥2万亩 and 2.05万亩): within the plan's rounding, but a result
                yield _contradiction(c, ind, "actual")
            continue
        which, value = best.compared(c)
        if value is None or _parts_add_up(c, value, a.claims) or _of_a_group(c, ind, a.claims):
            continue
        yield _contradiction(c, ind, which)
    if restated and copied(ctx) is None:  # a copied goal restates it all: N101 says so
        yield _plan_restated(restated)


# A group picked out of the whole (其中脱贫人口及监测对象培训4,610人次，培训后就业率82.3%): the
# figures after it, to the sentence's end, are the group's.
_GROUP_OPENS = lazy_compile(r"其中[:：]?\s*([\u4e00-\u9fff]{2})")
_GROUP_ENDS = ("；", ";", "。")


def _of_a_group(c: Claim, ind: Indicator, claims: Sequence[Claim]) -> bool:
    """``c`` is said of a group 其中 picked out, which the row's name does not name, and the
    row's actual is said of the whole elsewhere in the text: the group's figure (82.3%), not
    the whole's the row measures (…就业率68.5%, as the row). Without the whole's figure said,
    the figure after the group's may be the whole's again (其中寄宿制学生4860人，食品安全抽检
    合格率100%, against the row's 99.2)."""
    if not _in_a_group(c, ind):
        return False
    actual = ind.actual_value.number
    return actual is not None and any(
        o is not c
        and o.source == c.source
        and o.number == actual
        and unit_class(o.unit) == unit_class(c.unit)
        and not _in_a_group(o, ind)
        for o in claims
    )


def _in_a_group(c: Claim, ind: Indicator) -> bool:
    text = c.source_text
    at = text.rfind("其中", 0, c.start)
    if at < 0 or any(mark in text[at : c.start] for mark in _GROUP_ENDS):
        return False
    m = _GROUP_OPENS.match(text, at)
    return m is not None and m.group(1) not in ind.name


def _contradiction(c: Claim, ind: Indicator, which: str) -> Hit:
    """The narrative's figure ``c`` against the row's target or actual (``which``)."""
    label, cell = ("年度指标值", ind.target) if which == "target" else ("实际完成值", ind.actual)
    return Hit(
        f"{c.source_label}称“{c.excerpt}”（{c.text}），而指标{ilabel(ind)}{label}为{cell}，两者不一致。",
        indicator=ind,
        expected=cell,
        found=c.text,
        evidence=[_sentence_evidence(c), *indicator_evidence(ind, "target", "actual")],
        suggestion="核对叙述与指标的数据来源，统一为实际数字；口径不同的应在叙述中写明。",
    )


def _parts_add_up(c: Claim, value: tuple[float, float | None], claims: Sequence[Claim]) -> bool:
    """``c`` is one of figures listed together (开展防火宣传活动46场、扑火技能培训6期) whose sum is
    the row's figure (防火宣传培训场次 52): the narrative's parts of it, no contradiction."""
    listed = [c]
    for k in sorted(claims, key=lambda k: k.start):
        if k.source != c.source or k is c or k.sentence_span != c.sentence_span:
            continue
        first, last = (k, c) if k.end <= c.start else (c, k)
        between = c.source_text[first.end : last.start]
        if "、" in between and not _CLAUSE_BREAK.search(between) and len(between) <= _LIST_GAP:
            listed.append(k)
    if len(listed) < 2:
        return False
    low, high = value
    # all of them (宣传活动46场、培训6期 of 52场次), or those in the claim's unit (雨量站48个、
    # 水位站12个 of 60个, 预警广播310套 beside them counting something else)
    alike = [k for k in listed if k.unit == c.unit]
    for parts in (listed, alike) if len(alike) >= 2 else (listed,):
        total = sum(k.number for k in parts)
        if abs(total - low) < 1e-6 if high is None else low <= total <= high:
            return True
    return False


_CLAUSE_BREAK = lazy_compile(r"[，,。；;]")
_LIST_GAP = 16  # characters between two listed figures, at most


# What a date in 实际完成情况 says was done then (项目于2023年12月20日完成竣工验收), and the
# words a row's name gives that event (项目竣工验收时间): acceptance first, then completion.
_EVENTS = {"竣工验收": "验收", "交工验收": "验收", "验收": "验收", "完工": "完工", "竣工": "完工"}
_EVENT_NAMES = {"验收": ("验收",), "完工": ("完工", "竣工")}
_AFTER_DATE = 12  # characters between a date and the word of its event
_DONE_AFTER = lazy_compile(r"\s*(?:底|末)?(?:之前|以前|前)?(?:全部|全面|顺利)?(?:完成|结束)")
# A part of the work the date is told of (余2.4公里, 剩余2座, 其中3座, 部分标段): not the whole.
_REMAINDER = lazy_compile(r"(?:余|剩余|其余|其中|部分)[^，,；;。（）()]{0,10}$")
# 于2023年11月底前全部完工: done by then, at any day up to it
_BY_AFTER = lazy_compile(r"\s*(?:底|末)?(?:之前|以前|前)")


def _dates_vs_rows(ctx: TableContext) -> Iterator[Hit]:
    """A date the narrative says an event was done on (完工, 竣工验收) against the actual of
    the one row whose name is that event's time, when no day both may mean is the same
    (2023年12月20日 against 2023年11月; 2021年12月底前 against 2022年3月)."""
    text = ctx.table.goal_actual
    if "月" not in text and "年" not in text:
        return
    for start, end, first, last in dates_in(text, ctx.table.year):
        if _BY_AFTER.match(text, end):
            first = 0  # done by the end of it, at any day before
        sentence = sentence_at(text, start)
        if FUTURE.search(sentence) or PROMISE.search(sentence):
            continue
        if _REMAINDER.search(text[max(0, start - _AFTER_DATE) : start]):
            continue  # (余2.4公里2022年3月完工): when a part was done, not the project
        after = re.split(r"[，,；;。]", text[end : end + _AFTER_DATE], maxsplit=1)[0]
        # the first event word after the date, the longer at a tie (竣工验收 before 竣工); not
        # 竣工决算, the accounts settled after completion (尾款于2020年竣工决算后支付)
        found = [
            (k, -len(w), w)
            for w in _EVENTS
            if (k := after.find(w)) >= 0 and not after.startswith("决算", k + len(w))
        ]
        phrase_start = start
        done = _DONE_AFTER.match(after)
        if not found and done is not None:
            # the event named before the date, its completion after it (项目竣工验收推迟至
            # 2024年3月完成)
            before = re.split(r"[，,；;。]", text[max(0, start - _AFTER_DATE) : start])[-1]
            # the word ending nearest the date, the longer at a tie (竣工验收 before 验收)
            found = [(-before.rfind(w) - len(w), -len(w), w) for w in _EVENTS if w in before]
            if found:
                phrase_start = start - len(before) + before.rfind(min(found)[2])
        if not found:
            continue
        printed_word = min(found)[2]
        word = _EVENTS[printed_word]
        rows = [
            (i, keys)
            for i in ctx.table.indicators
            if any(n in i.name for n in _EVENT_NAMES[word])
            and (word == "验收") == ("验收" in i.name)
            and (keys := [(a, b) for _, _, a, b in dates_in(i.actual, ctx.table.year)])
        ]
        if len(rows) != 1 or len(rows[0][1]) != 1:
            continue
        done_first, done_last = rows[0][1][0]
        if done_first <= last and first <= done_last:
            continue  # the days the two may mean meet: no contradiction certain
        ind = rows[0][0]
        if phrase_start < start and done is not None:
            printed = text[phrase_start : end + done.end()]
        else:
            printed = text[start : end + after.find(printed_word) + len(printed_word)]
        ref = ctx.table.cells.get("goal_actual")
        yield Hit(
            f"实际完成情况称“{printed}”，而指标{ilabel(ind)}实际完成值为{ind.actual}，两者不一致。",
            indicator=ind,
            expected=ind.actual,
            found=printed,
            evidence=[
                Evidence(quote=sentence, location=ref.plain() if ref is not None else None),
                *indicator_evidence(ind, "target", "actual"),
            ],
            suggestion="核对完成时间，叙述与指标统一；时间晚于指标值的，应如实扣分并说明原因。",
        )


def _plan_for_result(c: Claim, t: Target) -> bool:
    """A result in 实际完成情况 that repeats its row's 年度指标值 while the row's 实际完成值
    says otherwise: the narrative restates the plan, not what was done. Not a rate (满意度达到
    80%): a narrative quotes the standard a rate reached as often as the rate itself."""
    if c.source != "goal_actual" or c.promise or t.target is None or t.actual is None:
        return False
    if c.unit in ("%", "％") or _NAMED_AS_PLAN.search(c.lead):
        return False  # a rate's standard, or the plan named as such (超额完成目标200人)
    if not c.agrees(*t.target) or _result_past_plan(c, t):
        return False
    if not c.agrees(*t.actual):
        return True
    # a round figure in a larger unit that is the target's own (1万亩 against ≥10000亩, 0.4万亩
    # against ≥0.4万亩) while the actual falls well short of it (8600亩, 0.35万亩): within the
    # figure's rounding, but the plan, not the result
    tv, av = t.indicator.target_value, t.indicator.actual_value
    return (
        _ROUND_SCALE.search(c.number_text) is not None
        and tv.operator is not Operator.RANGE
        and av.operator is Operator.EQ
        and c.op == "="  # (15万人次以上 is a floor, which 16.8万人次 meets)
        and c.upper is None
        and math.isclose(c.number, _printed(t.target))
        and abs(_printed(t.actual) - c.number) > _ROUNDED_SHORT * abs(c.number)
    )


def _result_past_plan(c: Claim, t: Target) -> bool:
    """A count's result in 实际完成情况 printed finer than its row's target and other than it
    (3.2万亩 against ≥3万亩): within the round target's rounding, but no restatement of it."""
    return (
        c.source == "goal_actual"
        and c.unit not in ("%", "％")  # (a rate: see _plan_for_result)
        and t.target is not None
        and "." in c.number_text
        and not math.isclose(c.number, _printed(t.target))
    )


def _printed(figure: tuple[float, float | None]) -> float:
    """A row's figure as printed: the middle of the range its rounding allows (0.35万亩 is
    3450–3550亩, printed 3500)."""
    low, high = figure
    return low if high is None else (low + high) / 2


_ROUNDED_SHORT = 0.05  # of the figure: an actual further from it is no rounding of it
_ROUND_SCALE = lazy_compile(r"[万亿千]")  # a figure printed in a larger unit: 1万, 2.5万
# Words that name a figure as the plan, beside a result (完成目标200人的105%).
_NAMED_AS_PLAN = lazy_compile(r"计划|预期|目标|原定|指标值")


def _plan_restated(restated: list[tuple[Claim, Indicator]]) -> Hit:
    """One finding for the table's results that restate their rows' plans."""
    said = "；".join(
        f"“{c.excerpt}”（{c.text}）与指标{ilabel(ind)}的年度指标值{ind.target}相同，"
        f"实际完成值为{ind.actual}"
        for c, ind in restated
    )
    (c, first), *_ = restated
    return Hit(
        f"{c.source_label}中{said}：叙述写的是计划数，不是完成结果。",
        indicator=first if len(restated) == 1 else None,
        expected="、".join(ind.actual for _, ind in restated),
        found="、".join(c.text for c, _ in restated),
        evidence=[
            *(
                Evidence(quote=q, location=c.location)
                for q in dict.fromkeys(k.sentence for k, _ in restated)
            ),
            *(e for _, ind in restated for e in indicator_evidence(ind, "target", "actual")),
        ],
        suggestion="实际完成情况应写实际完成的数字，与指标实际完成值一致。",
    )


@rule(
    "N103",
    "列举项数与所称数量不符",
    "enumeration-count",
    Category.CONSISTENCY,
    Severity.WARNING,
    "建议",
    "consistency",
    what="叙述中宣布的数量（N类、N项、N个方面、N大、N种）与随后（或紧前）列举的项数不一致。"
    "以“、”分隔的列举只把最后一项按“和”“及”拆分；以“等”结尾的列举不计数；“N个”后括号内列举的"
    "是种类（12个场馆（图书馆、文化馆、博物馆）），少于N项不报告。",
    why="宣布“八类人员”却只列出七类，说明遗漏了一项，或数量写错；复核时须请单位核实。",
    example="“对八类人员开展业务培训，包括社区矫正和安帮工作人员业务培训、人民调解员业务培训、律师业务培训、依法治区培训、"
    "司法行政干部培训、行政执法人员培训、法治政府建设培训”——列举七项。",
    fix="补全遗漏的项目，或改正所称数量。",
)
def enumeration_count(ctx: TableContext) -> Iterator[Hit]:
    for e in analysis(ctx).enumerations:
        n = len(e.items)
        if n == e.announced or (e.may_overrun and n > e.announced):
            continue
        if e.may_fall_short and n < e.announced:
            continue
        yield Hit(
            f"{e.source_label}称“{e.announce_text}”，但列举了{n}项（{'、'.join(e.items)}），数量不一致。",
            expected=str(e.announced),
            found=str(n),
            evidence=[Evidence(quote=e.sentence, location=e.location)],
            suggestion="补全遗漏的项目，或改正所称数量。",
        )


# Hedged figures: the wording of a plan or a contract, not of a result.
_HEDGE = lazy_compile(
    rf"不少于|不低于|至少|确保|力争|{SOUGHT}|努力|(?<![模虚])拟(?![定订稿])|预计|"
    r"将(?:于|会|要|继续|进一步|持续|逐步)"
)
_RESULT = lazy_compile(
    r"已|了|完成|实现|达到|达成|累计|共计|开展|举办|组织|形成|提交|建成|发放|聘请|产生|办结|印发|"
    r"出具|落实|取得|获得|召开|签订|采购|购置|支付|拨付|上线|验收"
)
_CONTRAST = lazy_compile(r"计划|预期|目标|实际")
# 计划 opening its clause before the work the figure counts (计划资助1200人次以上), not a
# programme's name (营养改善计划惠及…, 计划生育), a plan compared with (较计划, 计划1.2万亩) nor a
# count of plans
_PLANNED = lazy_compile(
    r"(?:^|[，,、；;\s]|将|拟|并)计划(?:资助|建设|实施|开展|发放|培训|新建|改造|投入|安排|招收"
    r"|救助|补助|覆盖|惠及)[\u4e00-\u9fff]{0,6}$"
)


@rule(
    "N104",
    "实际完成情况为计划性表述",
    "actual-written-as-plan",
    Category.CONSISTENCY,
    Severity.WARNING,
    "强制",
    "consistency",
    what="实际完成情况用“不少于”“确保”“力争”“拟”“预计”“将于”等计划性表述说明数量；"
    "或整段只有计划性表述，没有完成结果（完成、已、开展、实现等）和数据。“下一步”“今后”等改进打算除外。",
    why="实际完成情况应写明实际完成的结果和数据（E3）；照搬计划或合同条款（“不少于5家”）说明没有统计实际完成数。",
    example="实际完成情况称“组织并开展不少于2次专家研讨会……招募到符合中心定位和需求的法律服务机构不少于5家”。",
    fix="写明实际完成的数量（如“开展专家研讨会3次”），不用计划或合同的表述。",
)
def actual_written_as_plan(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    if copied(ctx) is not None:
        return  # a copied plan is N101's: one problem, one remark
    a = analysis(ctx)
    actual = [c for c in a.claims if c.source == "goal_actual" and not c.future and c.comparable]
    hedged: list[Claim] = []
    words: list[str] = []
    for c in actual:
        h = _HEDGE.search(c.lead) or _PLANNED.search(c.lead)
        # (计划资助1200人次以上: the plan's word, said of this figure, is no contrast with it)
        if h is not None and not _CONTRAST.search(c.lead.replace(h.group(), "", 1)):
            hedged.append(c)
            words.append(h.group())
    if hedged:
        clauses = "；".join(f"“{c.excerpt}”" for c in hedged[:5])
        more = f"等{len(hedged)}处" if len(hedged) > 5 else ""
        quotes = list(dict.fromkeys(c.sentence for c in hedged))
        yield Hit(
            f"实际完成情况用计划性表述说明数量（{clauses}{more}），未写明实际完成的数量。",
            expected="实际完成的数量",
            found=f"{'、'.join(dict.fromkeys(words))}（{len(hedged)}处）",
            evidence=[Evidence(quote=q, location=hedged[0].location) for q in quotes],
            suggestion="写明实际完成的数量，不用“不少于”“确保”等计划或合同表述。",
        )
        return
    if not t.goal_actual or actual or _RESULT.search(t.goal_actual):
        return
    for h in _HEDGE.finditer(t.goal_actual):
        sentence = sentence_at(t.goal_actual, h.start())
        head = sentence[: sentence.find(h.group())]
        if FUTURE.search(head):
            continue
        ref = t.cells.get("goal_actual")
        yield Hit(
            f"实际完成情况只有“{h.group()}”等计划性表述，没有完成结果和数据。",
            expected="完成结果和数据",
            found=sentence,
            evidence=[Evidence(quote=sentence, location=ref)],
            suggestion="逐项写明预期目标的实际完成结果，附具体数量、时间和效果。",
        )
        return


_SCOPE = lazy_compile(r"(?:全区|全市|全县|全省|全镇|全街道|辖区|全国|本区|本市|本县)$")
# Where the work is done, its places listed before their count (在岸堤镇、孙祖镇等6个乡镇荒山实施
# 造林6000亩): the count of places, no item delivered.
_PLACES_LISTED = lazy_compile(r"(?:^|[，,；;])\s*在[^，,；;。在]{1,30}等\s*$")
_NOT_ITEMS = frozenset({"类", "方面", "个方面", "大", "种"})
# A figure the goal reckons by, no item to deliver (全年按在校200天计算).
_BASIS_BEFORE = lazy_compile(r"按[^，,；;。、]{0,8}$")
_BASIS_AFTER = lazy_compile(r"^\s*(?:计算|计|核算|测算)")


def _basis(c: Claim) -> bool:
    return _BASIS_BEFORE.search(c.before) is not None and _BASIS_AFTER.match(c.after) is not None


def _context(c: Claim) -> str:
    return f"{c.before}|{c.after}"


def _reported(c: Claim, a: Analysis) -> bool:
    """A goal figure the 实际完成情况 or an indicator speaks of (loosely: any shared word)."""
    unit = unit_class(c.unit)
    words = _context(c)
    for o in a.claims:
        if o.source != "goal_actual" or unit_class(o.unit) != unit:
            continue
        if o.number == c.number or common_run(words, _context(o)) >= 2:
            return True
    if any(t.unit == unit and common_run(words, t.core) >= 2 for t in a.targets):
        return True
    if any(
        t.unit == unit and _same_figure(c.number, t.target) and _narrated(t, a) for t in a.targets
    ):
        # the goal's figure an indicator's target, whose actual the 实际完成情况 states in
        # other words (保障下游3.5万人 / 受益人口 ≥3.5万人 | 3.6万人 / 受益人口3.6万人)
        return True
    return any(common_run(words, ind.name) >= 3 for ind in a.table.indicators)


def _narrated(t: Target, a: Analysis) -> bool:
    return any(
        o.source == "goal_actual"
        and unit_class(o.unit) == t.unit
        and _same_figure(o.number, t.actual)
        for o in a.claims
    )


def _same_figure(number: float, figure: tuple[float, float | None] | None) -> bool:
    if figure is None:
        return False
    low, high = figure
    return low <= number <= (high if high is not None else low)


@rule(
    "N105",
    "预期目标的数量未报告完成情况",
    "goal-figure-unreported",
    Category.CONSISTENCY,
    Severity.WARNING,
    "强制",
    "consistency",
    what="预期目标中带数量的事项（如“组织7人赴对口支援地区”），实际完成情况没有相应的数量，也没有任何绩效指标对应。"
    "覆盖范围（全区18个街镇）、金额和类别数（八类）不在此列；实际完成情况照抄预期目标的由N101报告。",
    why="实际完成情况应逐项报告预期目标的完成结果（E3）；带数量的目标既无叙述也无指标，就无从判断是否完成。",
    example="预期目标“编印培训教材500册”，实际完成情况与绩效指标均未提及教材的编印数量。",
    fix="在实际完成情况中写明该事项的完成数量，或说明未完成的原因；该事项应设置相应的绩效指标。",
    whole=True,
)
def goal_figure_unreported(ctx: TableContext) -> Iterator[Hit]:
    t = ctx.table
    if not t.goal_expected or not t.goal_actual:
        return
    a = analysis(ctx)
    silent = [
        c
        for i, c in enumerate(a.claims)
        if c.source == "goal_expected"
        and i in a.matches
        and c.unit not in _NOT_ITEMS
        and not c.is_money
        and not _SCOPE.search(c.before)
        and not _PLACES_LISTED.search(c.lead)
        and not _basis(c)
        and not _reported(c, a)
    ]
    if not silent or similarity(t.goal_expected, t.goal_actual) >= ctx.thresholds.copy_similarity:
        return  # nothing unreported, or a copy of the goal (N101's)
    items = "；".join(f"“{c.excerpt}”（{c.text}）" for c in silent)
    quotes = list(dict.fromkeys(c.sentence for c in silent))
    yield Hit(
        f"预期目标中的{items}，实际完成情况和绩效指标均未反映完成数量。",
        expected="完成数量",
        found="未报告",
        evidence=[Evidence(quote=q, location=silent[0].location) for q in quotes],
        suggestion="在实际完成情况中写明该事项的完成数量或未完成原因，并设置相应的绩效指标。",
    )


_FUND_WORDS = lazy_compile(
    r"预算|资金|经费|支出|拨付|拨款|执行|结余|结转|投入|投资|总额|追加|调减|调增"
)
# The whole project's money, not one use of it (支出培训经费3万元 may be a part).
_WHOLE = lazy_compile(
    r"项目|全年|年度|总|共|累计|合计|预算|执行|结余|结转|到位|实际支出|完成投资|追加|调减|调增"
)
# Spent, of nothing named (…，支出281.2万元): the whole's only after the whole's funds in its
# sentence (全年到位资金286.5万元，支出281.2万元), else a use's (…展演13场，支出18.46万元).
_SPENT_BARE = lazy_compile(r"^\s*(?:已|共)?支出(?:资金|经费)?(?:为|达)?\s*$")
_PART_WORDS = lazy_compile(r"用于|补助|补贴|标准|单价|费用|三公")  # (“三公”经费: a part's)
# The whole project's cost, of which the fiscal funds the block shows are often only a part
# (项目总投资780万元，其中财政资金612万元、群众投工投劳折资168万元): not the block's to match.
_WIDER = lazy_compile(r"总投资|概算|估算")
# A 部门整体 table's narrative names many of the department's uses; its own money is said so.
_DEPARTMENT_WHOLE = lazy_compile(r"部门|全局|本局|本单位|预算|执行|结余|结转|总|合计|共|累计|支出")


def _amounts_yuan(ctx: TableContext) -> list[tuple[float, float]]:
    """Every amount of the fund block in 元, with the differences a narrative may quote
    (结余 = 全年预算 − 执行 or 到位 − 执行, 调整 = 年初 − 全年) and a 部门整体 breakdown's lines (基本支出
    1168.30); each with the rounding its printed form allows (132.912 万元 is 1,329,120 元 to
    the nearest 10 元)."""
    out: list[tuple[float, float]] = []
    funds = ctx.table.funds
    for factor in unit_factors(ctx.table):
        # the block's own rows and the sources it lists besides (单位资金, 财政专户管理资金)
        for row in (*funds.rows().values(), *funds.extra.values()):
            b0, b, x = row.initial_budget, row.full_year_budget, row.executed
            tol = {
                f: _half_unit(row.cells.get(f), factor)
                for f in ("initial_budget", "full_year_budget", "executed", "amount")
            }
            for f, v in (
                ("initial_budget", b0),
                ("full_year_budget", b),
                ("executed", x),
                ("amount", row.amount),
            ):
                if v:
                    out.append((v * factor, tol[f]))
            if b is not None and x is not None:  # left over, or spent past the budget
                out.append((abs(b - x) * factor, tol["full_year_budget"] + tol["executed"]))
            if b0 is not None and b is not None:
                out.append((abs(b0 - b) * factor, tol["initial_budget"] + tol["full_year_budget"]))
            if b0 is not None and x is not None:
                out.append((abs(b0 - x) * factor, tol["initial_budget"] + tol["executed"]))
            # the funds received (到位数), a column some forms print, and what was left of them
            # (结余资金5.14万元 of 到位148.00, 执行142.86)
            got = row.cells.get("received")
            if got is not None and (r := parse_amount(got.text)):
                half = _half_unit(got, factor)
                out.append((r * factor, half))
                if x is not None:
                    out.append(((r - x) * factor, half + tol["executed"]))
        # a 部门整体 form's tasks: each one's budget, spending, and what it spent past or short
        # of its budget (地质灾害防治任务执行286.40万元，超预算26.40万元)
        tasks = [*ctx.table.tasks, *([ctx.table.tasks_total] if ctx.table.tasks_total else [])]
        for task in tasks:
            tt = {f: _half_unit(task.cells.get(f), factor) for f in ("budget", "executed")}
            for f, v in (("budget", task.budget), ("executed", task.executed)):
                if v:
                    out.append((v * factor, tt[f]))
            if task.budget is not None and task.executed is not None:
                gap = abs(task.executed - task.budget) * factor
                out.append((gap, tt["budget"] + tt["executed"]))
    return out


def _half_unit(ref: CellRef | None, factor: float) -> float:
    """Half a unit of a printed amount's last digit, in 元: the rounding it allows."""
    return factor * 0.5 * 10 ** -decimals(ref.text) if ref is not None else 0.0


def _task_named(t: EvaluationTable, c: Claim) -> Task | None:
    """The 年度主要任务 whose name the words before a money figure say (其中基本公共卫生服务支出
    1248.72万元, 已拨付学生资助资金1862.40万元), the longest such name; None on a table
    without tasks or when none is named."""
    lead = c.lead
    named = []
    for k in t.tasks:
        at = lead.rfind(k.name) if len(k.name) >= _TASK_NAME else -1
        if (
            at >= 0
            and _TASK_MONEY.fullmatch(lead[at + len(k.name) :])
            and not lead[:at].endswith(_LISTED_WITH)
        ):
            named.append(k)
    return max(named, key=lambda k: len(k.name)) if named else None


_TASK_NAME = 2  # characters, at least, of a task's name a narrative names it by
# Between a task's name and its figure, only the money's words (学生资助资金, 疾控任务支出)
_TASK_MONEY = lazy_compile(
    r"(?:任务)?(?:实际)?(?:支出|执行|拨付|使用)?(?:资金|经费)?(?:支出)?(?:为|共|合计|计|达)?\s*"
)
# …and the name no item of a list (农机购置补贴和农村人居环境整治资金: the two together)
_LISTED_WITH = ("和", "及", "与", "、", "以及")


def _task_amount(ctx: TableContext, c: Claim, task: Task) -> Iterator[Hit]:
    """A money figure said of a task against its row: its budget, its spending or what is
    left of it, at the precision printed."""
    scale = MONEY_UNITS[c.unit]
    said = (c.number or 0.0) * scale
    b, x = task.budget, task.executed
    figures = [v for v in (b, x, None if b is None or x is None else b - x) if v is not None]
    if not figures:
        return
    for factor in unit_factors(ctx.table):
        slack = max(_half_unit(task.cells.get(f), factor) for f in ("budget", "executed"))
        if any(
            c.agrees(v * factor, scale=scale) or abs(said - v * factor) <= slack for v in figures
        ):
            return
    unit = ctx.table.amount_unit
    shown = "，".join(
        f"{label}{fmt(v)}{unit}" for label, v in (("预算数", b), ("执行数", x)) if v is not None
    )
    yield Hit(
        f"{c.source_label}称“{c.excerpt}”（{c.text}），而年度主要任务「{task.name}」一行为{shown}，两者不符。",
        expected=shown,
        found=c.text,
        evidence=[
            _sentence_evidence(c),
            *cell_evidence(
                task.cells.get("name"), task.cells.get("budget"), task.cells.get("executed")
            ),
        ],
        suggestion="核对叙述与年度主要任务表中的金额，统一为实际数字。",
    )


# Money said to be spent right before its figure (全年支出资金, 已拨付, 实际执行), not budgeted.
_SPENT_SAID = lazy_compile(
    r"(?:支出|拨付|执行|使用|兑付|完成投资|投资完成)(?:资金|经费)?(?:为|共|合计|计|达)?\s*$"
)


# …or said right after it to be spent in full (项目资金860万元已全部支付到位).
_SPENT_IN_FULL = lazy_compile(
    r"^(?:已|均已|均)?(?:全部|全额|足额)(?:支付|拨付|支出|使用|兑付|执行)"
)


def _budget_as_spent(ctx: TableContext, c: Claim) -> Iterator[Hit]:
    """A figure said to be the money spent (全年支出资金1350万元, 860万元已全部支付) that is
    the year's budget and not its spending: the budget quoted for the spending."""
    row = ctx.table.funds.annual_total
    b, x = row.full_year_budget, row.executed
    if b is None or x is None or abs(b - x) < _SAME_AMOUNT:
        return
    if not _SPENT_SAID.search(c.before) and not _SPENT_IN_FULL.match(c.after):
        return
    scale = MONEY_UNITS[c.unit]
    for factor in unit_factors(ctx.table):
        if c.agrees(x * factor, scale=scale):
            return
        if not c.agrees(b * factor, scale=scale):
            continue
        unit = ctx.table.amount_unit
        yield Hit(
            f"{c.source_label}称“{c.excerpt}”（{c.text}），这是全年预算数，而全年执行数为{fmt(x)}{unit}：叙述把预算数写成了支出数。",
            expected=f"{fmt(x)}{unit}",
            found=c.text,
            evidence=[
                _sentence_evidence(c),
                *cell_evidence(row.cells.get("full_year_budget"), row.cells.get("executed")),
            ],
            suggestion="核对资金数字，实际支出以全年执行数为准。",
        )
        return


_SAME_AMOUNT = 0.005  # the budget spent to the cent: no telling the two apart


def _rates(ctx: TableContext) -> list[float]:
    row = ctx.table.funds.annual_total
    out = [row.rate_pct] if row.rate_pct is not None else []
    if row.full_year_budget and row.executed is not None:
        out.append(row.executed / row.full_year_budget * 100)
    return out


@rule(
    "N106",
    "叙述金额与资金表不符",
    "narrative-amount-vs-funds",
    Category.CONSISTENCY,
    Severity.WARNING,
    "强制",
    "consistency",
    what="叙述中说明项目全年预算、资金、支出、结余的金额（元、万元），与项目资金表的任何金额（年初预算数、全年预算数、全年执行数，"
    "及其差额）都不符（按叙述所写的精度取舍）；或所称执行率与资金表的执行率不符；或叙述给出总额并以“其中”分列两项以上金额，"
    "各项合计与总额不符。用于某一用途的部分金额、补助标准，以及项目总投资、概算等常含非财政资金的口径不在此列。资金表以万元为单位而叙述以元写出万元以上的金额的，"
    "作为提示报告。称为支出（全年支出资金、已拨付）的金额恰是全年预算数而非全年执行数的，报告叙述把预算数写成了支出数；"
    "紧接年度主要任务名称的金额（其中基本公共卫生服务支出1248.72万元），与该任务一行的预算数、执行数及其差额比较。",
    why="叙述中引用的资金数字应与项目资金表一致（E3）；不一致时至少有一处填报有误。",
    example="资金表全年执行数95,000元，实际完成情况称“全年支出资金12万元”。",
    fix="核对资金数字，叙述与资金表统一；引用部分金额的，写明用途。",
    funds=True,
)
def narrative_amount_vs_funds(ctx: TableContext) -> Iterator[Hit]:
    a = analysis(ctx)
    claims = _with_fields(ctx, a)
    yield from _breakdowns_that_do_not_add_up(claims)
    yield from _amounts_in_another_unit(ctx, claims)
    amounts: list[tuple[float, float]] | None = None
    row = ctx.table.funds.annual_total
    department = ctx.family.subject == "department"
    mislabelled: list[Claim] = []  # amounts the block's figures are, read in the other unit
    for i, c in enumerate(claims):
        if not (c.is_money or c.unit == "%"):
            continue
        if c.is_money and not c.future and (task := _task_named(ctx.table, c)) is not None:
            yield from _task_amount(ctx, c, task)  # a task's money: its row's, not the block's
            continue
        if i < len(a.claims) and ((m := a.matches.get(i)) is None or m.agrees):
            continue
        if c.change:
            continue  # 较预算减少4.4万元: a difference, no amount of the block's
        lead = c.lead
        if not _FUND_WORDS.search(lead) or _PART_WORDS.search(lead):
            continue
        if not (_WHOLE.search(lead) or _after_whole(c, claims[:i])) or _WIDER.search(lead):
            continue
        if department and not _DEPARTMENT_WHOLE.search(lead):
            continue  # 全年发放各类社会救助资金: one of a department's uses, not its money
        if _said_of_a_place(ctx.table, c):
            continue  # 太康县因…，执行率89.27%: one county's of a region's table
        if c.is_money:
            if amounts is None:
                amounts = _amounts_yuan(ctx)
            scale = MONEY_UNITS[c.unit]
            said = (c.number or 0.0) * scale
            if not amounts or any(
                c.agrees(v, scale=scale) or abs(said - v) <= slack for v, slack in amounts
            ):
                yield from _budget_as_spent(ctx, c)
                continue
            if _in_other_unit(ctx, c, amounts):
                mislabelled.append(c)
                continue
            unit = ctx.table.amount_unit
            shown = (
                f"全年预算数{fmt(row.full_year_budget)}{unit}，全年执行数{fmt(row.executed)}{unit}"
            )
            yield Hit(
                f"{c.source_label}称“{c.excerpt}”（{c.text}），与项目资金表的金额均不相符（{shown}）。",
                expected=shown,
                found=c.text,
                evidence=[
                    _sentence_evidence(c),
                    *cell_evidence(
                        row.cells.get("initial_budget"),
                        row.cells.get("full_year_budget"),
                        row.cells.get("executed"),
                    ),
                ],
                suggestion="核对资金数字，叙述与资金表统一；引用部分金额的，写明用途。",
            )
        elif c.unit == "%" and "执行率" in c.lead:
            rates = _rates(ctx)
            if not rates or any(c.agrees(v) for v in rates):
                continue
            shown = f"{fmt(rates[0])}%"
            yield Hit(
                f"{c.source_label}称“{c.excerpt}”（{c.text}），而项目资金表的执行率为{shown}。",
                expected=shown,
                found=c.text,
                evidence=[_sentence_evidence(c), *cell_evidence(row.cells.get("rate_pct"))],
                suggestion="核对执行率，叙述与资金表统一。",
            )
    if mislabelled:
        yield _unit_mislabelled(ctx, mislabelled)


def _after_whole(c: Claim, before: Sequence[Claim]) -> bool:
    """``c`` is spending of nothing named (支出281.2万元) right after the whole's funds in its
    sentence (全年到位资金286.5万元，支出…): the whole's spending."""
    if not before or _SPENT_BARE.match(c.lead) is None:
        return False
    prev = before[-1]
    return (
        prev.is_money
        and prev.source == c.source
        and prev.sentence_span == c.sentence_span
        and _FUND_WORDS.search(prev.lead) is not None
        and _WHOLE.search(prev.lead) is not None
    )


_WAN = 10_000.0
# A place a sentence opens with (太康县, 田东县, 城关镇): what it says is that place's.
_PLACE_OPENS = lazy_compile(
    r"^[\u4e00-\u9fff]{1,6}?(?:县|区|市|旗|镇|乡)(?=[因由受在的，,全年共已])"
)


def _said_of_a_place(t: EvaluationTable, c: Claim) -> bool:
    """``c``'s sentence opens with a place the table's subject does not name (a county of a
    region's table): its figure is that place's, not the table's."""
    m = _PLACE_OPENS.match(c.source_text[c.sentence_span[0] : c.start].lstrip("，,；; "))
    if m is None:
        return False
    place = m.group(0)
    return not any(place in (text or "") for text in (t.project, t.department, t.implementer))


def _in_other_unit(ctx: TableContext, c: Claim, amounts: list[tuple[float, float]]) -> bool:
    """The narrative's amount is one of the block's figures read in the other unit (248.60万元
    against 2,486,000.00 under 万元; 235.60万元 against 235.60 under 元): the block's unit
    label, printed, is not the one its figures were filled in."""
    unit = ctx.table.amount_unit
    if unit not in ("万元", "元") or not amounts:
        return False
    scale = MONEY_UNITS[c.unit]
    factor = 1 / _WAN if unit == "万元" else _WAN
    return any(c.agrees(v * factor, scale=scale) for v, _ in amounts)


def _unit_mislabelled(ctx: TableContext, claims: Sequence[Claim]) -> Hit:
    row = ctx.table.funds.annual_total
    unit = ctx.table.amount_unit
    other = "元" if unit == "万元" else "万元"
    first = claims[0]
    said = "、".join(c.text for c in claims[:3]) + ("等" if len(claims) > 3 else "")
    shown = f"全年预算数{fmt(row.full_year_budget)}，全年执行数{fmt(row.executed)}"
    return Hit(
        f"项目资金表标明单位为{unit}，而其金额（{shown}）按{other}计恰与{first.source_label}所称金额"
        f"（{said}）相符：表中金额应是以{other}填写的，单位标注有误，按所标单位读相差一万倍。",
        expected=f"金额单位与所填金额一致（{other}）",
        found=f"单位：{unit}；{shown}",
        evidence=[
            _sentence_evidence(first),
            *cell_evidence(row.cells.get("full_year_budget"), row.cells.get("executed")),
        ],
        suggestion=f"将项目资金表的单位更正为{other}，或把金额换算为{unit}。",
    )


# A total, then 其中 and its parts: 共完成预算资金89.97万元。其中:30万元用于…;30万元用于…
_TOTAL_WORDS = lazy_compile(r"共|总|合计|总计|累计|全年预算|年度预算")
# money spent or left after the parts (实际支出817万元, 结转下年12万元), not a source among them
# (上年结转资金87.20万元)
_SPENT = lazy_compile(r"支出|执行|结余|(?<!上年)结转")
# a figure per item after the parts (单座平均投资43.6万元): no part of the total
_PER_ITEM = lazy_compile(r"平均|人均|户均|亩均|单[座个台户项处所]|每")
# a budget's change told after the parts (全年预算数较年初增加的42.60万元即为该笔结转资金): the
# amount of a part said again, or the budget's, no part of the total
_CHANGED = lazy_compile(r"增加|减少|调增|调减|追加")
# a figure set against another year's or the plan's after the parts (较2022年的24,930人次, 比上年):
# no part of the total
_COMPARED = lazy_compile(r"(?:较|比)(?:\d{4}年|上年|去年|上一年|年初|计划)|同比")
# the money spent, then its uses after 其中 (kj06: 实际支出198.70万元，其中用于管网维修…)
_SPENT_TOTAL = lazy_compile(r"(?:实际|全年|累计)?支出(?:资金|经费)?$")
_BREAKDOWN = "其中"
# characters between the total and its 其中 in its sentence (元，, ，超额完成年度任务，)
_BREAKDOWN_GAP = 12
_BREAKDOWN_END = lazy_compile(r"[。！？!?\n]")


def _parts_after(claims: Sequence[Claim], k: int) -> tuple[list[Claim], int] | None:
    """The figures listed after 其中 right after claim ``k`` (其中：讲课费5万元；教材费4.5万元),
    with the end of their list: None when no 其中 follows the figure. The list runs to the
    sentence's end (a ；between parts is no stop) or to a second 其中, which breaks down a part."""
    total = claims[k]
    text = total.source_text
    at = text.find(_BREAKDOWN, total.end, total.end + _BREAKDOWN_GAP + len(_BREAKDOWN))
    # in the figure's sentence, or opening the next (共支出9.5万元。其中：…)
    if at < 0 or _BREAKDOWN_END.search(text[total.end : at].rstrip("。 ")):
        return None
    if any(c.source == total.source and total.end <= c.start < at for c in claims[k + 1 :]):
        return None  # another figure before the 其中: the parts are that one's
    stop = _BREAKDOWN_END.search(text, at)
    end = len(text) if stop is None else stop.start()
    following = text.find(_BREAKDOWN, at + len(_BREAKDOWN), end)
    end = end if following < 0 else following
    parts = [c for c in claims[k + 1 :] if c.source == total.source and at < c.start < end]
    return parts, end


def _exact(claims: Sequence[Claim]) -> bool:
    return all(not c.approx and c.op == "=" for c in claims)


def _breakdowns_that_do_not_add_up(claims: Sequence[Claim]) -> Iterator[Hit]:
    """A money total the narrative breaks down (其中 …) into two or more amounts that do not
    add up to it (at the precision printed)."""
    for k, total in enumerate(claims):
        if not total.is_money or not _exact([total]):
            continue
        whole = _TOTAL_WORDS.search(total.lead) is not None
        if not whole and _SPENT_TOTAL.search(total.lead) is None:
            continue
        if (found := _parts_after(claims, k)) is None:
            continue
        listed, end = found
        # 实际支出817万元 after the parts: no part
        money = [
            c
            for c in listed
            if c.is_money and not _SPENT.search(c.lead) and not _PER_ITEM.search(c.lead)
        ]
        parts = [c for c in money if not _CHANGED.search(c.lead)]
        if len(parts) < 2 or not _exact(parts):
            continue
        said = total.value_yuan
        summed = sum(c.value_yuan for c in parts)
        slack = min(c.step * MONEY_UNITS[c.unit] for c in (total, *parts)) / 2
        if abs(summed - said) <= slack or (not whole and summed < said):
            continue  # the money spent told by its main uses: more than it only is wrong
        if any(
            abs(sum(c.value_yuan for c in parts[:k]) - said) <= slack for k in range(2, len(parts))
        ):
            continue  # its parts add up, a sibling's after them (…80.00万元；上年结转资金60.00万元)
        if _exact(money) and abs(sum(c.value_yuan for c in money) - said) <= slack:
            continue  # with the money added in the year among them (其中年初预算…，年中追加…)
        unit = next((u for u in ("亿元", "万元") if total.text.endswith(u)), "元")  # as printed
        shown = f"{fmt(round(summed / MONEY_UNITS[unit], 6))}{unit}"
        text = total.source_text
        said_as = f"共{total.text}" if whole else f"支出{total.text}"
        yield Hit(
            f"{total.source_label}称{said_as}，其中各项（{'、'.join(c.text for c in parts)}）"
            f"合计{shown}，与所称{'总额' if whole else '支出'}不符。",
            expected=total.text,
            found=shown,
            evidence=[Evidence(quote=text[total.sentence_span[0] : end], location=total.location)],
            suggestion="核对总额与各分项金额；分项未全部列出的，写明其余用途。",
        )


# Parts that come to nearly all of their total but not all of it read as the whole split, with
# a slip in one figure; parts far below it are groups picked out of the whole (其中脱贫户520户).
_SPLIT_SHARE = 0.8
_NOT_COUNTED = frozenset({"%", "‰", "℃"})


# Units a list of parts mixes for one count in one clause (…5,318人次、中职学生免学费3,412人 of
# 25,867人次; not 8650人取得证书 after a ；, another count).
_PEOPLE = frozenset({"人", "人次", "名"})


def _counted_parts(total: Claim, listed: Sequence[Claim]) -> list[Claim]:
    """The parts of a count: the figures after 其中 in its unit, while they run on. A figure in
    another unit ends them in a clause of its own (；新建候车亭12个), not inside a part's clause
    (二期改造小区1,540户: a name's numeral); a figure above the total, or one per item (平均每处),
    is no part of it."""
    with_a_part = {c.clause_span for c in listed if c.unit == total.unit}
    parts: list[Claim] = []
    for c in listed:
        alike = c.unit == total.unit or (
            c.clause_span in with_a_part and {c.unit, total.unit} <= _PEOPLE
        )
        if not alike:
            if c.clause_span not in with_a_part:
                break
            continue
        if c.number > total.number or _PER_ITEM.search(c.lead) or _COMPARED.search(c.lead):
            break  # (…，较2022年的24,930人次增加937人次: last year's figure and the change)
        parts.append(c)
    return parts


@rule(
    "N109",
    "叙述分项合计与总数不符",
    "narrative-parts-vs-total",
    Category.CONSISTENCY,
    Severity.WARNING,
    "建议",
    "consistency",
    what="叙述给出一个数量（人次、户、处等），紧接着以“其中”分列两项以上同一单位的数量，各项合计超过该数量；"
    "或各项合计不足该数量但已达其八成以上（读来是全部分项，却有一个数字写错）。"
    "各项合计远小于总数的（其中脱贫户520户），是从总数中挑出的部分，不报告；金额的分项见N106。",
    why="同一段叙述中总数与分项自相矛盾，至少有一个数字填报有误；复核时须请单位核实。",
    example="实际完成情况称“全年组织开展职业技能培训3,150人次，其中农村转移劳动力2,110人次、"
    "城镇登记失业人员1,140人次”——分项合计3,250人次。",
    fix="核对总数与各分项数字；分项未全部列出的，写明其余部分。",
)
def narrative_parts_vs_total(ctx: TableContext) -> Iterator[Hit]:
    a = analysis(ctx)
    claims = _with_fields(ctx, a)
    for k, total in enumerate(claims):
        if total.is_money or total.unit in _NOT_COUNTED or not _exact([total]):
            continue
        if (found := _parts_after(claims, k)) is None:
            continue
        listed, end = found
        parts = _counted_parts(total, listed)
        if len(parts) < 2 or not _exact(parts):
            continue
        slack = min(c.step for c in (total, *parts)) / 2
        sums = [sum(c.number for c in parts[:n]) for n in range(2, len(parts) + 1)]
        if any(abs(summed - total.number) <= slack for summed in sums):
            continue  # the first parts add up: the figures after them count something else
        summed = sums[-1]
        if not (summed > total.number + slack or summed >= _SPLIT_SHARE * total.number):
            continue
        scale = MULTIPLIERS.get(total.number_text[-1:], 1.0)  # in the total's own 万 (2.05万亩)
        shown = f"{fmt(round(summed / scale, 6))}{total.number_text[-1] if scale > 1 else ''}"
        shown += total.unit
        # the row the total is compared with (N102), when it matches one
        m = a.matches.get(k) if k < len(a.claims) else None
        text = total.source_text
        yield Hit(
            f"{total.source_label}称{total.text}，其中各项（{'、'.join(c.text for c in parts)}）"
            f"合计{shown}，{'超过' if summed > total.number else '少于'}所称总数。",
            expected=total.text,
            found=shown,
            evidence=[Evidence(quote=text[total.sentence_span[0] : end], location=total.location)],
            suggestion="核对总数与各分项数字；分项未全部列出的，写明其余部分。",
            indicator=m.best.indicator if m is not None and m.best is not None else None,
        )


_YUAN_OF_A_WAN_TABLE = 10_000.0  # 元 amounts this large read as 万元 in a 万元 table


def _amounts_in_another_unit(ctx: TableContext, claims: Sequence[Claim]) -> Iterator[Hit]:
    """Amounts the narrative writes in 元 (2026400元) in a table whose amounts are in 万元:
    the reader has to convert to compare them (a note, not an error)."""
    if ctx.table.amount_unit != "万元":
        return
    in_yuan = [
        c
        for c in claims
        if c.is_money
        and c.comparable  # not 单台平均补助142,000元: a rate, not an amount of the fund block
        and c.text.endswith("元")
        and not c.text.endswith(("万元", "亿元"))
        and c.value_yuan >= _YUAN_OF_A_WAN_TABLE
    ]
    if not in_yuan:
        return
    first = in_yuan[0]
    shown = "、".join(c.text for c in in_yuan[:3]) + ("等" if len(in_yuan) > 3 else "")
    yield Hit(
        f"{first.source_label}中的金额以元为单位（{shown}），而项目资金表以万元为单位，"
        "两者需换算才能核对。",
        expected="万元",
        found=shown,
        evidence=[_sentence_evidence(first)],
        severity=Severity.INFO,
        suggestion="叙述中的金额与项目资金表使用同一单位（万元）。",
    )
