"""E: 偏差原因分析及改进措施 (E1, E2)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from reviewer.checks.budget import budget_field, exact_rate
from reviewer.checks.context import Hit, TableContext, cell_evidence, ilabel, indicator_evidence
from reviewer.checks.registry import rule
from reviewer.forms.template import is_instruction, without_instructions
from reviewer.lazyre import lazy_compile
from reviewer.model import Category, CellRef, EvaluationTable, Indicator, Operator, Severity
from reviewer.numbers import fmt
from reviewer.parse.sub_rows import is_part, parent_index
from reviewer.textnorm import nfkc

# a scan's rule mark (] |) says nothing, nor its 一 read for a dash when alone in the cell
_EMPTY = lazy_compile(r"^[\s无/—\-－、.。|｜\[\]【】]*$|^\s*一\s*$")
# An explanation that is only a grade of completion (基本完成, 部分完成, 按要求完成): no cause,
# no measure.
_GRADE_ONLY = lazy_compile(
    r"^\s*(?:已|均)?(?:按(?:要求|计划|期|时))?(?:基本|部分|大部分|全部|已|未)?(?:完成|达成|实现)"
    r"(?:目标|任务)?[。.]?\s*$"
)


def says_nothing(text: str) -> bool:
    return bool(_EMPTY.match(text) or _GRADE_ONLY.match(text))


# What a unit does towards the work, done before the work itself (已完成二次招标, 已完成水源论证,
# 已完成前期工作): a step taken against a shortfall, never a claim that the target was met.
_STEPS = "招标|报批|审批|采购|签约|签订|整改|论证|前期|选址|设计|立项"
# Words that announce what the unit will do about it.
_MEASURE = lazy_compile(
    r"将|拟|下一步|下一年|下年|今后|后续|以后|加强|改进|完善|争取|督促|优化|做好|确保|"
    # 提前谋划 is a step; 羽化期提前, 雨季提前 a cause
    r"提前(谋划|部署|做好|安排|准备|启动|介入|对接|储备|采购|招标|开展|布置|下达|拨付|摸排|排查)|"
    r"加快|落实|建立|健全|强化|规范|调整.{0,8}(目标|指标|计划)|合理设置|整改|避免|推进|"
    r"持续(跟踪|推进|加强|做好|关注|督促|优化|改进|完善|开展|抓好|监测|跟进)|增设|加密|"
    r"已(采取|安排|部署|组织|实施|实行|推动|推行|启动|开展|协调|制定|着手|编制|调整|与|简化|改为|委托|签订|申请)|"
    r"(延伸|增加|新)设立|"  # 在乡镇延伸设立便民服务点: a step taken
    # 已对施工队开展专项培训, 已对全部遥测站加装防雷模块: a step taken
    r"已对[^，,；;。]{1,12}?(开展|进行|实行|实施|组织|加装|安装|改造|整改)|"
    r"约定[^，,；;。]{0,12}?(?:内|前)(?:修复|完成|到位|整改)|"  # 与运维单位约定48小时内修复
    # 2024年增加…团队, 2025年计划每季度组织: next year's step
    r"\d{4}年(?:将|拟|计划)?(?:每[月季周]度?)?(?:增加|增设|开展|组织|实施|推进|扩大|新增)|"
    r"已新[建打增修购设装]|"  # 已新打备用水源井3眼: a step already taken against it
    r"已(更换|更新|替换|维修|修复|补[种植发齐签])|"  # 已更换大功率音柱
    r"(纳入|列入).{0,12}(计划|预算|台账|清单|项目库|考核|目录|采购)|"
    r"\d{1,2}月(?:底|末)?前(?:完成|完工|建成|实施|开展|到位)|"  # 6月底前完成招标: a dated step
    r"优先(?:实施|安排)|计划.{0,16}(前|底)(完成|完工|建成|实施)|"
    r"预计.{0,16}(完成|完工|建成)|"
    r"(制定|编制).{0,12}(方案|办法|措施|计划|制度)|延长.{0,8}(时间|时长|开放)|"
    r"(改进)?措施[:：]\s*\S|"  # 原因：…措施：… (the measure under its own heading)
    # a dated step (2023年6月底前完成, 2024年实施…改造); not 改为, which tells as often what
    # was changed and caused the shortfall (培训由科级领导干部改为青年干部)
    r"(?:20\d{2}|次|明|下)年(\d{1,2}月|[一二三四]季度|[春夏秋冬]季[^，,；;。]{0,6})?(底前|前|内|底)?"
    # …the step a few words on (2025年随工程一并实施, 2025年工程完工后覆盖)
    r"[^，,；;。的]{0,6}?(完成|完工|开工|建成|实施|开展|推进|补(齐|设|建|种|植|发|签|足|训|充|配)|到位"
    r"|增加|提高|扩大|加大"  # (2025年采购时增加…比例)
    r"|续建|到货|交付|投用|投入使用|实现)|"
    r"逐步(实现|完成|提升|恢复|补齐)|"
    r"(按月|按季|按周|按旬|每月|每周|每旬|定期|动态)(跟踪|调度|通报|督导|督办|监测|核查|统计)|"
    # 自2020年起汛期施工项目提前至3月开工, 2020年起全年聘用: a rule from now on
    r"倒排工期|挂图作战|(?:自|从)20\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?起|20\d{2}年起(?:全年|全面|统一|按月|实行|推行|实施|聘用)|"
    # a step taken against it, or to be (已通过定向培养补充, 2023年通过定向招聘补齐团队, 已完成二次
    # 招标, 已完成用地报批)
    r"通过[^，,；;。]{0,16}?(补充|补足|补齐|补聘|补录|解决|弥补|落实|调剂|实行|采取)|"
    rf"已完成[^，,；;。]{{0,6}}?(?:{_STEPS}|补[种植发齐签录])|"
    # a step taken since, dated (已于9月开通线上借阅), and who answers for it (由县图书馆负责)
    r"已于[^，,；;。]{0,8}?(开通|启用|上线|开展|实施|启动|建立|增设|恢复|安排|组织|补)|"
    r"由(?!于)[^，,；;。]{1,12}负责|"
    r"(?:^|[；;。])(?:推行|推广|引入|试行)|"  # …较长；推行在线纠纷解决: a clause opening with a step
    r"20\d{2}年结合"  # 2020年结合巩固提升工程延伸管网: a year's plan for it
)
# Words that admit a shortfall.
_SHORTFALL = lazy_compile(
    r"未完成|未达|未能|未按|没有|不足|短缺|离职|退休|缺员|减少|推迟|延期|延迟|滞后|取消|暂停|"
    r"顺延|暂缓|延后|延误|延至|"
    r"未进行|未开展|差距|偏差|低于|难以|无法|不能|尚未|未到位|部分完成|"
    r"未(?:全部|完全|全面)(?:达标|达到|完成|覆盖|落实)|不完整"
)
# On a row whose target is a ceiling (森林火灾受害率≤0.9‰), being below it or a fall is the aim.
_BELOW = lazy_compile(r"低于|减少")
# Saying there was none (无偏差, 未偏差, 未发生偏差) admits no shortfall.
_NO_DEVIATION = lazy_compile(r"(?:无|没有|未|未出现|未发生|不存在)(?:明显|任何)?(?:偏差|偏离|差距)")
# Nor saying nothing was late (未发生延误, 无推迟).
_NO_DELAY = lazy_compile(r"(?:无|没有|未出现|未发生|不存在)(?:任何)?(?:延误|延迟|推迟|滞后|拖延)")
# A scoring rule's words (完成目标值得满分，未完成按完成比例计分): the form's 评分标准, not the row's.
_SCORING_RULE = lazy_compile(r"按(?:完成|实际完成)?比例(?:计分|得分|扣分)|得满分[,，;；]")


def _claims_done(text: str, i: Indicator) -> bool:
    """``text`` says row ``i`` was done (已按计划全部完成; under a ceiling, 低于目标值),
    admitting no shortfall (无偏差 says none)."""
    if _NO_DEVIATION.fullmatch(text.strip(" 。.")) is not None:
        return True  # (无偏差 alone: nothing fell short, it says)
    rest = _NO_DEVIATION.sub("", text)
    if i.target_value.operator in (Operator.LE, Operator.LT):
        if _UNDER_CEILING.search(rest) is not None:
            return True  # (孕产妇死亡率低于目标值 on a row above its ceiling)
        rest = _BELOW.sub("", rest)
    return _DONE.search(text) is not None and not _SHORTFALL.search(rest)


# A ceiling's row said kept under it (低于目标值, 控制在指标值以内).
_UNDER_CEILING = lazy_compile(
    r"低于(?:年度)?(?:目标|指标)值?|控制在(?:年度)?(?:目标|指标)值?(?:以内|以下|范围内)"
    r"|未超过(?:年度)?(?:目标|指标)值?"
)


# what a row's explanation claims done; not a measure's aim (下一步…确保按期完成)
_DONE = lazy_compile(
    r"(?<!确保)(?<!力争)(?<!争取)(?<!保证)(?<!将)"
    rf"(?:已完成(?![^，,；;。]{{0,6}}?(?:{_STEPS}))"  # 已完成二次招标: a step
    r"|全部完成|全面完成|圆满完成|已达成|均已完成|按时完成|顺利完成|按计划完成|按期完成|如期完成)"
)


def _admits_shortfall(i: Indicator, text: str, met: bool | None = None) -> bool:
    if met and _APPROVED.search(text):
        return False  # the target adjusted with approval (报经…批准调整), which the row met
    text = _SAVED.sub("", _NO_DELAY.sub("", _NO_DEVIATION.sub("", text)))
    if i.target_value.operator in (Operator.LE, Operator.LT):
        text = _BELOW.sub("", text)
    if met and _EXCEEDED.search(text):
        text = _DEVIATION.sub("", text)  # 超额完成…,属正常偏差: the deviation is the excess
        text = _LENGTHENED.sub("", text)  # 渠段因地形需要顺延，超出目标8%: laid longer
    return _SHORTFALL.search(text) is not None


# A target's adjustment approved (报经县政府批准…调整完工时间, 调整…已经批复): the shortfall told
# is the adjustment's reason.
_APPROVED = lazy_compile(
    r"(?:报经|经|已)[^。；;]{0,16}(?:批准|批复|同意)[^。；;]{0,16}调整"
    r"|调整[^。；;]{0,16}(?:已|经)[^。；;]{0,6}(?:批准|批复)"
)
# A price below its budget (招标价低于预算, 中标价低于控制价): money saved, no shortfall.
_SAVED = lazy_compile(r"低于(?:预算|概算|招标控制价|控制价|最高限价|限价)")
# A met row's explanation of going past its target, whose 偏差 is the excess, no shortfall.
_EXCEEDED = lazy_compile(r"超额|超出|超过|高于目标|多于")
_DEVIATION = lazy_compile(r"偏差|偏离|差距")
# Beside an excess, what was laid out longer than planned (a channel 顺延 along the terrain),
# not the work put off.
_LENGTHENED = lazy_compile(r"顺延|延长|延伸")


def has_column(ctx: TableContext) -> bool:
    """The form has a 偏差原因 column for each row (a 20/80 form has one field per table)."""
    return "explanation" in ctx.table.labels


def explanation_of(i: Indicator, ctx: TableContext) -> str:
    """Row ``i``'s explanation: its own cell, or on a form with one field for the whole table
    (20/80's 偏差大或目标未完成原因分析) that field, where it names the row or its actual
    (…开展全民阅读活动168场,超出目标40%,原因是…)."""
    if has_column(ctx):
        return i.explanation
    text = ctx.table.fields.get("deviation_analysis", "")
    figure = _FIGURE.search(i.actual)
    named = i.name in text or (figure is not None and figure.group() in text)
    return text if named else ""


_FIGURE = lazy_compile(r"\d+(?:\.\d+)?")


def needs_explanation(i: Indicator, ctx: TableContext) -> bool:
    """A deducted row, or a missed target, needs 偏差原因分析及改进措施 (E1); a row scoring
    the budget's execution (预算执行率, a Hebei form's) is asked for its reason as the funds
    block is, below the threshold (B104); a 评分表's deducted criterion still says why."""
    if not ctx.family.scoring.rubric and (
        i.l1.startswith("预算执行") or i.name.startswith("预算执行")
    ):
        return False
    if _explained_above(i, ctx):
        return False
    deducted = i.weight is not None and i.score is not None and i.score < i.weight
    return deducted or ctx.met(i) is False


def _has_measure(text: str) -> bool:
    """``text`` states a measure: a measure's word not under a word that says it could not be
    done (难以纳入规范管理 is the cause: 规范 there is no step taken), nor a date the work was
    put off to (延期至2022年3月完工 tells what happened)."""
    pos = 0
    while (m := _MEASURE.search(text, pos)) is not None:
        before = text[max(0, m.start() - _CANNOT_WINDOW) : m.start()]
        negated = _NEGATED.search(before) and not m.group().startswith("定期")  # 不定期抽查
        if not (negated or _CANNOT.search(before) or _PUT_OFF_TO.search(before)):
            return True
        pos = m.start() + 1  # (a measure may begin inside the words the match took)
    return False


_CANNOT = lazy_compile(r"难以|无法|未能|不能|不便|尚未")
_CANNOT_WINDOW = 4
# A measure's word said of what was lacking (随访记录填写不规范, 制度不够健全, 管理欠规范): the cause.
_NEGATED = lazy_compile(r"(?:不|不够|不太|欠|未)$")
_PUT_OFF_TO = lazy_compile(r"(?:延期|推迟|延迟|顺延|延后|拖延|延|拖)(?:至|到)$")


def _explained_above(i: Indicator, ctx: TableContext) -> bool:
    """A 其中 row whose own cell says nothing or 同上 under a row that explains itself: the
    part's deviation is the row above's, explained there (and judged there)."""
    if not is_part(i.name) or not (says_nothing(i.explanation) or _SAME.fullmatch(i.explanation)):
        return False
    rows = ctx.table.indicators
    k = next(n for n, row in enumerate(rows) if row is i)
    parent = parent_index([row.name for row in rows], k)
    return parent is not None and not says_nothing(rows[parent].explanation)


_SAME = lazy_compile(r"\s*(?:同上|同上一?[行项栏]|见上一?[行项栏]?)[。.]?\s*")


@rule(
    "E101",
    "偏差原因空白",
    "explanation-missing",
    Category.EXPLANATION,
    Severity.ERROR,
    "强制",
    "explanation",
    what="扣分或未达成指标值的指标，偏差原因分析及改进措施栏不得空白（“无”“—”、模板的填写说明和只写完成程度的"
    "“基本完成”“部分完成”视为空白）。",
    why="财预〔2020〕10号要求对偏差分析原因并提出改进措施；空白说明自评流于形式。",
    example="年度指标值=36人，实际完成值=32人，偏差原因栏空白。",
    fix="写明未达成的原因和下一步改进措施。",
    rubric=True,  # a 评分表 with a 扣分原因 column: a deducted row says why
)
def explanation_missing(ctx: TableContext) -> Iterator[Hit]:
    if not has_column(ctx):
        yield from _table_field_missing(ctx)
        return
    for i in ctx.table.indicators:
        said = without_instructions(i.explanation)
        if needs_explanation(i, ctx) and _nothing_said(said) and not _elsewhere_says(i, ctx):
            if i.explanation and is_instruction(i.explanation):
                left = "仍为模板的填写说明"
            elif said.strip():
                left = f"只写了“{said.strip()}”，未说明原因和改进措施"
            else:
                left = "空白"
            values = f"年度指标值{i.target}，实际完成值{i.actual}，" if i.target or i.actual else ""
            column = ctx.table.labels.get("explanation", "偏差原因分析及改进措施")
            points = f"得{fmt(i.score)}分" if i.score is not None else ""
            if points and i.weight is not None:
                points += f"（分值{fmt(i.weight)}分）"
            yield Hit(
                f"{ilabel(i)}{values}{points}{'，' if points else ''}{column}栏{left}。",
                indicator=i,
                expected="原因及改进措施",
                found=i.explanation or "（空白）",
                evidence=indicator_evidence(i, "target", "actual", "score"),
                suggestion="在偏差原因栏写明未达成的原因和下一步改进措施。",
            )


def _table_field_missing(ctx: TableContext) -> Iterator[Hit]:
    """A form with one 偏差大或目标未完成原因分析 field for the whole table (20/80): each row
    that needs an explanation, when the field is left empty, 无, 无偏差 or the template's
    instruction."""
    t = ctx.table
    label = t.labels.get("deviation_analysis")
    text = t.fields.get("deviation_analysis", "")
    said = without_instructions(text)
    # 无偏差 beside a row that missed: no cause given
    none = _NO_DEVIATION.fullmatch(said.strip().rstrip("。.")) is not None
    if label is None or not (says_nothing(said) or none):
        return
    said = f"为“{text[:20]}”" if text.strip() else "空白"
    ref = t.cells.get("field:deviation_analysis")
    for i in t.indicators:
        if needs_explanation(i, ctx) and not _explained_in_narrative(i, t.goal_actual):
            yield Hit(
                f"{ilabel(i)}年度指标值{i.target}，实际完成值{i.actual}，未达成或已扣分，"
                f"而本表“{label}”栏{said}，没有说明偏差原因。",
                indicator=i,
                expected="原因及改进措施",
                found=text or "（空白）",
                evidence=indicator_evidence(i, "target", "actual", "score") + cell_evidence(ref),
                suggestion=f"在“{label}”栏写明各项未达成指标的原因和下一步改进措施。",
            )


@rule(
    "E102",
    "偏差说明缺少改进措施",
    "explanation-without-measure",
    Category.EXPLANATION,
    Severity.WARNING,
    "强制",
    "explanation",
    what="偏差原因说明只讲了原因，没有提出改进措施。",
    why="偏差说明须同时包括原因分析和改进措施；只有原因没有措施，问题在下一年度会重复出现。",
    example="偏差原因栏只写“部分课题是跨年度工作”。",
    fix="补充具体的改进措施（如调整计划、加强进度管理、下一年度合理设置指标值）。",
)
def explanation_without_measure(ctx: TableContext) -> Iterator[Hit]:
    if not has_column(ctx):
        yield from _table_field_without_measure(ctx)
        return
    # (a text of pledges only, 严格按照项目要求组织实施, tells no cause either: E104's)
    for i, text in _explained(
        ctx, lambda text: not _has_measure(text) and not _measures_only(text)
    ):
        if _claims_done(text, i):
            continue  # (已按计划全部完成，无偏差: no cause, a claim E103 holds against the row)
        if _OUT_OF_TABLE.fullmatch(text.strip()):
            # (见报告: a pointer to a paper the table does not carry, no cause at all)
            said = f"{ilabel(i)}偏差原因栏只写了“{text}”，表内未说明原因和改进措施。"
            fix = "在表内写明偏差原因和改进措施，或随表提供所指材料。"
        else:
            said = f"{ilabel(i)}偏差原因为“{text}”，只说明了原因，未提出改进措施。"
            fix = "补充具体的改进措施。"
        yield _explanation_hit(i, said, "原因及改进措施", fix, ctx)


@rule(
    "E104",
    "偏差说明只有措施没有原因",
    "explanation-without-cause",
    Category.EXPLANATION,
    Severity.WARNING,
    "强制",
    "explanation",
    what="未达成的指标，偏差原因说明只写了措施或表态（加强管理、确保完成），没有说明未完成的原因。",
    why="偏差说明须同时包括原因分析和改进措施；只有措施没有原因，看不出差距从何而来，措施也无从判断是否对症。",
    example="完成率88%（指标值≥95%），偏差原因栏只写“加强管理，确保完成”。",
    fix="写明未完成的具体原因，再提出针对该原因的改进措施。",
)
def explanation_without_cause(ctx: TableContext) -> Iterator[Hit]:
    if not has_column(ctx):
        return
    for i, text in _explained(ctx, _measures_only):
        yield _explanation_hit(
            i,
            f"{ilabel(i)}未达成指标值，偏差原因只写了“{text}”，是措施或表态，没有说明未完成的原因。",
            "原因及改进措施",
            "写明未完成的具体原因，再提出针对该原因的改进措施。",
            ctx,
        )


@rule(
    "E105",
    "偏差说明千篇一律",
    "explanation-boilerplate",
    Category.EXPLANATION,
    Severity.WARNING,
    "强制",
    "explanation",
    what="同一张表中3个及以上需要说明的指标行，偏差原因分析及改进措施一字不差，且只写了“客观原因”之类不指明原因的套话：一段话说明不了各行各自的原因。",
    why="偏差说明须针对该指标写明原因和措施；几行照抄同一段套话，等于没有逐项分析。",
    example="三个未达成的指标都写“因客观原因部分工作未能按计划完成，下一步将加强管理，确保完成目标任务。”",
    fix="逐项写明各指标未达成的具体原因和针对性的改进措施。",
)
def explanation_boilerplate(ctx: TableContext) -> Iterator[Hit]:
    if not has_column(ctx):
        return
    same: dict[str, list[Indicator]] = {}
    # (one specific cause may well hold for several rows: 巡察期间不允许出省 for a trip's
    # count, date and satisfaction; only a text that names none is boilerplate)
    for i, text in _explained(ctx, lambda text: _VAGUE.search(text) is not None):
        same.setdefault(_one_text(text), []).append(i)
    for rows in same.values():
        if len(rows) < _SAME_TEXT_ROWS:
            continue
        names = "、".join(ilabel(i) for i in rows[:5]) + ("等" if len(rows) > 5 else "")
        yield Hit(
            f"{names}{len(rows)}个指标行的偏差原因一字不差，均为“{rows[0].explanation}”，"
            "未针对各指标分别说明原因和改进措施。",
            indicator=rows[0],
            found=rows[0].explanation,
            evidence=[e for i in rows[:3] for e in indicator_evidence(i, "explanation")],
            suggestion="逐项写明各指标未达成的具体原因和针对性的改进措施。",
        )


_SAME_TEXT_ROWS = 3  # rows, at least, sharing one explanation before it is boilerplate
# A cause that names none (因客观原因, 受多种因素影响).
_VAGUE = lazy_compile(
    r"客观原因|多种原因|各种原因|诸多原因|种种原因|多方面(?:原因|因素)|多种因素|等原因"
)


@rule(
    "E106",
    "偏差原因笼统",
    "explanation-cause-unnamed",
    Category.EXPLANATION,
    Severity.WARNING,
    "强制",
    "explanation",
    what="未达成的指标，偏差原因只写了“受客观原因影响”“因多种因素”之类的套话，没有指明是什么原因"
    "（同一段套话照抄3行及以上的，由E105报告）。",
    why="偏差说明须写明原因；“客观原因”不是原因，看不出差距从何而来，所列措施也无从判断是否对症。",
    example="完成率61%（指标值≥65%），偏差原因栏写“受客观原因影响，指标未达预期；下一步将开展入户随访”。",
    fix="写明未完成的具体原因（什么事、何时、影响多少），再提出针对该原因的改进措施。",
)
def explanation_cause_unnamed(ctx: TableContext) -> Iterator[Hit]:
    if not has_column(ctx):
        return
    rows = [(i, text) for i, text in _explained(ctx, _any) if _cause_unnamed(text, i.name)]
    counts: dict[str, int] = {}
    for _, text in rows:
        counts[_one_text(text)] = counts.get(_one_text(text), 0) + 1
    for i, text in rows:
        if counts[_one_text(text)] >= _SAME_TEXT_ROWS:
            continue  # the same boilerplate on several rows: E105's
        yield _explanation_hit(
            i,
            f"{ilabel(i)}未达成指标值，偏差原因为“{text}”，只称客观原因，没有指明是什么原因。",
            "具体原因及改进措施",
            "写明未完成的具体原因，再提出针对该原因的改进措施。",
            ctx,
        )


@rule(
    "E107",
    "改进措施空泛",
    "explanation-measure-generic",
    Category.EXPLANATION,
    Severity.WARNING,
    "强制",
    "explanation",
    what="未达成的指标，偏差说明写了原因，改进措施却只有“下一步将加强管理”“确保完成”之类的表态，"
    "没有具体做什么。",
    why="偏差说明须提出针对原因的改进措施；只有表态的措施无法落实，也无从检查。",
    example="偏差原因写明“系统迁移致1200份档案需重新录入”，措施只写“下一步将加强管理”。",
    fix="针对所写原因提出具体措施（做什么、由谁做、何时完成）。",
)
def explanation_measure_generic(ctx: TableContext) -> Iterator[Hit]:
    if not has_column(ctx):
        return
    for i, text in _explained(ctx, _measure_generic):
        yield _explanation_hit(
            i,
            f"{ilabel(i)}偏差说明的改进措施只有“{_measure_part(text)}”，是表态，没有具体措施。",
            "具体改进措施",
            "针对所写原因提出具体措施（做什么、由谁做、何时完成）。",
            ctx,
        )


@rule(
    "E108",
    "偏差原因称资金不足而预算已执行完毕",
    "explanation-funds-short-though-spent",
    Category.CONSISTENCY,
    Severity.WARNING,
    "建议",
    "explanation",
    what="未达成的指标，偏差原因归于本项目资金不足、短缺，而本表资金部分的全年执行数已达到全年预算数"
    "（执行率100%及以上）。",
    why="预算已全部执行，说明资金并未短缺；所称原因与资金部分相矛盾，真正的原因没有写出，"
    "复核人员需要向单位核实。",
    example="维修养护供水工程112处（指标值≥120处），偏差原因写“因项目资金不足，部分工程未能实施”，"
    "而资金部分全年预算数380.00万元、全年执行数380.00万元。",
    fix="写明未完成的真实原因；若确因资金不足，说明缺口从何而来（如预算调减、资金未拨付）。",
    funds=True,
)
def explanation_funds_short(ctx: TableContext) -> Iterator[Hit]:
    if not has_column(ctx):
        return
    rate = exact_rate(ctx.table)
    if rate is None or rate < _ALL_SPENT:
        return
    row = ctx.table.funds.annual_total
    spent = cell_evidence(
        row.cells.get(budget_field(ctx.table)), row.cells.get("executed"), row.cells.get("rate_pct")
    )
    for i, text in _explained(ctx, _blames_funds):
        hit = _explanation_hit(
            i,
            f"{ilabel(i)}偏差原因称“{text}”，而本表全年执行数已达全年预算数（执行率{fmt(float(rate))}%），"
            "资金并未短缺，所称原因与资金部分不符。",
            "与资金执行情况相符的偏差原因",
            "写明未完成的真实原因；若确因资金不足，说明缺口从何而来。",
            ctx,
        )
        hit.evidence.extend(spent)
        yield hit


def _blames_funds(text: str) -> bool:
    return _FUNDS_SHORT.search(text) is not None


_ALL_SPENT = 100
# The project's own funds said to fall short (not a third party's: 企业自筹资金不足).
_FUNDS_SHORT = lazy_compile(
    r"(?<!自筹)(?<!配套)(?:项目)?(?:资金|经费)(?:到位)?(?:不足|短缺|紧张|缺口|不到位|未到位)"
)


def _explanation_hit(
    i: Indicator, message: str, expected: str, suggestion: str, ctx: TableContext
) -> Hit:
    """A finding on row ``i``'s explanation, quoting it (and the item under the table that
    explains the row, where its own cell points there)."""
    item = explained_elsewhere(i, ctx)
    return Hit(
        message,
        indicator=i,
        expected=expected,
        found=i.explanation if item is None else item.text,
        evidence=[*indicator_evidence(i, "explanation"), *cell_evidence(item)],
        suggestion=suggestion,
    )


def explained_elsewhere(i: Indicator, ctx: TableContext) -> CellRef | None:
    """Where row ``i``'s own cell says nothing or points out of the row (见说明, 详见附件, 见下文),
    the item of the table's notes that names the row (偏差原因说明：1.某指标未达目标：…；2.…, or a
    备注 row), quoted as a piece of the note's cell; None where no note names it."""
    found = ctx.shared.get("elsewhere")
    if found is None:
        found = ctx.shared["elsewhere"] = _items_by_row(ctx.table)
    assert isinstance(found, dict)
    return found.get(id(i))


def _nothing_said(text: str) -> bool:
    """``text`` tells no cause and no measure: blank, 无, or the words 客观原因 alone (a pointer
    out of the table, 详见自评报告, is judged as a text: it gives the table no cause, E102)."""
    return says_nothing(text) or _OBJECTIVE_ONLY.fullmatch(text.strip()) is not None


_OBJECTIVE_ONLY = lazy_compile(r"(?:受)?(?:主)?客观(?:原因|因素)(?:影响)?[。.]?")


def _own_or_elsewhere(i: Indicator, ctx: TableContext) -> str:
    """Row ``i``'s explanation: its own cell's, or the note's item naming it where the cell
    points there."""
    item = explained_elsewhere(i, ctx)
    return i.explanation if item is None else item.text


def _elsewhere_says(i: Indicator, ctx: TableContext) -> bool:
    item = explained_elsewhere(i, ctx)
    return item is not None and not says_nothing(item.text)


def _items_by_row(t: EvaluationTable) -> dict[int, CellRef]:
    """Each row whose cell points out of it (or says nothing) and the piece of a note naming
    it: from its name to the next such row's name in that note (its number aside)."""
    rows = [
        i
        for i in t.indicators
        if len(i.name) >= _NAMED
        and (
            says_nothing(i.explanation)
            or _POINTER.fullmatch(i.explanation.strip())
            or _ATTACHED.fullmatch(i.explanation.strip())
        )
    ]
    out: dict[int, CellRef] = {}
    if not rows:
        return out
    for key_, ref in t.cells.items():
        if not key_.startswith("explained:"):
            continue
        text = ref.text
        at = sorted(
            ((pos, n) for n, i in enumerate(rows) if (pos := text.find(i.name)) >= 0),
        )
        if not at:
            continue
        ends = [pos for pos, _ in at[1:]] + [len(text)]
        for (pos, n), end in zip(at, ends, strict=True):
            piece = _ITEM_TAIL.sub("", text[pos:end])
            fields = {f: getattr(ref, f) for f in CellRef._all_fields() if f != "text"}
            out.setdefault(id(rows[n]), CellRef(piece, **fields))
    return out


_NAMED = 4  # a row's name this long at least, to be found in a note by it
# A pointer to an attachment (详见附件): the table's own notes may be it.
_ATTACHED = lazy_compile(r"(?:详见|参见|见)附件\d*[。.]?")
# What ends one item before the next (；2. , 二、): not the item's
_ITEM_TAIL = lazy_compile(r"[\s；;，,]*(?:\d{1,2}\s*[.、．]|[一二三四五六七八九十]{1,3}\s*、)?\s*$")


def _parts(text: str) -> tuple[list[str], list[str]]:
    """The clauses of ``text`` telling its cause, and those from its first measure on (下一步
    将…, 加强…)."""
    clauses = [c.strip() for c in _CLAUSE_SPLIT.split(text) if c.strip()]
    k = next(
        (n for n, c in enumerate(clauses) if _MEASURE_OPENS.match(c) or _NEXT_STEP.match(c)),
        len(clauses),
    )
    return clauses[:k], clauses[k:]


_NEXT_STEP = lazy_compile(r"^(?:下一步|下一年度?|下年度?|今后|后续|将|拟)")


def _cause_unnamed(text: str, name: str = "") -> bool:
    """The clauses before the measures say no more than a cause unnamed (受客观原因影响，指标
    未达预期), one of them naming it so; words of the row's ``name`` they repeat (受多种因素影响，
    部分管网更新改造工程未能按期完成, for 更新改造供水管网长度) tell what fell short, no cause."""
    causes, _ = _parts(text)
    if not any(_VAGUE.search(c) for c in causes):
        return False
    subject = set(name)
    return all(
        not "".join(ch for ch in _CAUSE_FILLER.sub("", _VAGUE.sub("", c)) if ch not in subject)
        for c in causes
    )


def _any(text: str) -> bool:
    return True


def _measure_part(text: str) -> str:
    return "，".join(_parts(text)[1])


def _measure_generic(text: str) -> bool:
    """A cause told, and the measures only pledges (下一步将加强管理，确保完成): every clause
    telling a step, wherever it stands (已列入明年计划 before 确保按期完成), says nothing more."""
    causes, measures = _parts(text)
    steps = [c for c in causes if _MEASURE.search(c)] + measures
    return (
        bool(causes)
        and bool(measures)
        and not _cause_unnamed(text)  # (a cause unnamed is E106's, whatever follows)
        and all(not _PLEDGE_WORDS.sub("", c) for c in steps)
        and not _DEFERRED.search(text)
    )


# A shortfall moved to a later year (2户调整至2025年实施): the step it is, however worded.
_DEFERRED = lazy_compile(r"(?:调整|顺延|推迟|延至|移至|结转|纳入|列入)[至到]?\s*20\d{2}年")


# What a clause of a cause says besides the cause (受…影响, 指标未达预期, 导致部分工作未完成).
_CAUSE_FILLER = lazy_compile(
    r"[受因由于导致造成使致其的了等及和与，,。；;、\s]|影响|指标值?|未达预期|未达到预期|未能?达到|未能?完成|"
    r"未能|按计划|完成|目标|任务|部分|工作|存在|一定|差距|偏差|有所|下降|偏低|滞后|"
    r"年度|全年|本年|主要|系|属|按期|按时|如期|工程|项目|完工|竣工|"
    r"\d+(?:\.\d+)?"  # how many fell short (1座…未能按期完工): what, not why
)
# Words of a pledge, no step (下一步将进一步加强管理，确保按时完成目标任务).
_PLEDGE_WORDS = lazy_compile(
    r"下一步|下一年度?|下年度?|今后|将|要|并|同时|进一步|加强|管理|监管|确保|按时|按期|"
    r"完成|目标|任务|工作|力争|全面|切实|认真|做好|落实|提高|努力|继续|持续|抓好|积极|"
    r"推进|提升|规范|严格|力度|水平|效率|质量|各项|相关|高度|重视|关注|的|[，,。；;、\s]"
)


def _one_text(text: str) -> str:
    """An explanation as compared with others: spaces and the width of its marks aside."""
    return "".join(nfkc(text).split()).replace("。", ".")


def _explained(
    ctx: TableContext, lacking: Callable[[str], bool]
) -> Iterator[tuple[Indicator, str]]:
    """The rows that need an explanation and give one (one that says nothing is E101's) that is
    ``lacking``, with its text."""
    rows = ctx.shared.get("explained")
    if rows is None:  # found once per table: five rules read them
        rows = ctx.shared["explained"] = [
            (i, text)
            for i in ctx.table.indicators
            if not _nothing_said(text := _own_or_elsewhere(i, ctx))
            # (见表下注, 详见实际完成情况说明: the explanation is elsewhere, not judged here,
            # unless a note under the table names the row: 偏差原因说明：1.某指标…)
            and _POINTER.fullmatch(text.strip()) is None
            and needs_explanation(i, ctx)
        ]
    assert isinstance(rows, list)
    for i, text in rows:
        if lacking(text):
            yield i, text


def _explained_in_narrative(i: Indicator, narrative: str) -> bool:
    """Row ``i``'s actual figure stated in a sentence of 实际完成情况 that gives a cause
    (受益人口3.05万人，较计划少0.15万人，原因是…): the shortfall explained there, on a form
    whose one 偏差原因分析 field says 无."""
    figure = _FIGURE.search(i.actual)
    if figure is None or not narrative:
        return False
    pos = narrative.find(figure.group())
    while pos >= 0:
        start = max(narrative.rfind(stop, 0, pos) for stop in "。；;") + 1
        ends = [e for e in (narrative.find(stop, pos) for stop in "。；;") if e >= 0]
        if _GIVES_CAUSE.search(narrative[start : min(ends, default=len(narrative))]):
            return True
        pos = narrative.find(figure.group(), pos + 1)
    return False


# (a cause said outright: 受施工季节影响 alone tells no more than a 无 beside it)
_GIVES_CAUSE = lazy_compile(r"原因[是为系在]|主要是|由于|因为")
# (the table's own text: a pointer out of it, 详见自评报告, leaves the table without a cause)
_POINTER = lazy_compile(
    r"(?:详见|参见|见)[^，,；;。报附]{0,16}"
    r"(?:表下注|注|备注|说明|实际完成情况|完成情况|总体目标|上[一]?[行栏项]|下[一]?[行栏项]|下文)"
    r"[。.]?"
)

# (a pointer to a paper outside the table: 见报告, 详见自评报告, 详见附件材料)
_OUT_OF_TABLE = lazy_compile(r"(?:详见|参见|见)[^，,；;。]{0,12}(?:报告|附件|材料|说明书)[。.]?")


def _measures_only(text: str) -> bool:
    """Every clause of ``text`` opens with what will be done (加强管理，确保完成; 进一步加强随访
    管理，提高…): no clause tells what happened."""
    clauses = [c.strip() for c in _CLAUSE_SPLIT.split(text) if c.strip()]
    return bool(clauses) and all(_MEASURE_OPENS.match(c) for c in clauses)


_CLAUSE_SPLIT = lazy_compile(r"[，,；;。！!]")
_MEASURE_OPENS = lazy_compile(
    # a dated step (2023年6月底前完成…): what will be done and by when
    r"^20\d{2}年(?:\d{1,2}月(?:底|末)?前|[底末]前|内|[一二三四1-4]季度)|"  # (2021年一季度完成…)
    r"^(?:下一步|下一年度?|下年度?|今后|将|并|同时)?(?:要|将)?"
    r"(?:加强|确保|扩大|提高|推进|做好|强化|完善|落实|督促|争取|加快|加大|积极|认真|严格|全力|努力"
    r"|继续|进一步|持续|抓好|切实|提升|优化|规范|引导|实行|推行|健全|增设|高度重视|重视"
    r"|按(?:计划|要求|进度)(?:推进|实施|开展|执行|落实))"  # 按计划推进: how it is done, no cause
)


_MEASURE_FIELDS = ("measures", "improvement_measures")


def _table_field_without_measure(ctx: TableContext) -> Iterator[Hit]:
    """A form whose one 偏差原因分析 field gives a cause and whose 改进措施 field beside it is
    left empty or 无 (20/80), while a row needs an explanation."""
    t = ctx.table
    cause = without_instructions(t.fields.get("deviation_analysis", ""))
    # 改进措施, or 改进措施及结果应用方案 (a 20/80 form's field of its own name)
    field = next((f for f in _MEASURE_FIELDS if f in t.labels), "measures")
    label = t.labels.get(field)
    measures = without_instructions(t.fields.get(field, ""))
    if label is None or says_nothing(cause) or _has_measure(cause):
        return
    if not _EMPTY.match(measures):
        return
    missed = [i for i in t.indicators if needs_explanation(i, ctx)]
    if not missed:
        return
    said = f"为“{measures.strip()}”" if measures.strip() else "空白"
    yield Hit(
        f"本表“{t.labels.get('deviation_analysis', '偏差原因分析')}”栏说明了原因，而“{label}”栏{said}，"
        "没有提出改进措施。",
        indicator=missed[0] if len(missed) == 1 else None,
        expected="原因及改进措施",
        found=measures or "（空白）",
        evidence=[
            *cell_evidence(t.cells.get("field:deviation_analysis")),
            *cell_evidence(t.cells.get(f"field:{field}")),
        ],
        suggestion=f"在“{label}”栏写明下一步的改进措施。",
    )


@rule(
    "E103",
    "偏差说明与得分矛盾",
    "explanation-contradicts-score",
    Category.CONSISTENCY,
    Severity.WARNING,
    "建议",
    "explanation",
    what="偏差说明与得分或完成情况相矛盾：得满分但说明承认未完成，或说明称已完成而实际未达到指标值。",
    why="说明与数字打架时，至少有一处不实；复核人员需要向单位核实。",
    example="工作人员数=36人，完成=32人，得满分，偏差原因写“有人员离职或退休”。",
    fix="使得分与说明一致：未完成的按比例扣分，已完成的修改说明。",
)
def explanation_contradicts(ctx: TableContext) -> Iterator[Hit]:
    for i in ctx.table.indicators:
        text = i.explanation
        if _EMPTY.match(text) or i.weight is None or i.score is None or is_instruction(text):
            continue  # the template's instruction left in says nothing (P106 reports it)
        if _SCORING_RULE.search(text):
            continue  # the form's scoring rule (未完成按完成比例计分) read in: no word on the row
        met = ctx.expect(i).met
        full = i.score >= i.weight
        if full and _admits_shortfall(i, text, met):
            msg = f"{ilabel(i)}得满分{fmt(i.score)}分，但偏差原因写明“{text}”，说明与得分矛盾。"
        elif met is False and _claims_done(text, i):
            said = text.rstrip("。.")
            msg = f"{ilabel(i)}实际完成值{i.actual}未达到年度指标值{i.target}，说明却称“{said}”。"
        else:
            continue
        yield Hit(
            msg,
            indicator=i,
            evidence=indicator_evidence(i, "actual", "score", "explanation"),
            suggestion="使得分与说明一致：未完成的按比例扣分，已完成的修改说明。",
        )
