"""T109: what a report's own prose (its text outside the tables) says of a table's results —
the execution rate, the amount executed, the self-evaluation score — against the table; T110:
its saying every target was met against the table's missed rows.

A report often opens with its projects' results (其中农村公路日常养护项目执行701.28万元，执行率
98.50%，自评得分99.74分). A figure is held against a table only where the prose says whose it
is: a clause names one table's project (see ``_named``), and the figures after it, to the end of
its paragraph or another project's name, are that project's; a clause speaking of the department
(部门整体, 本部门) means the one 部门整体 table; in a report of one table, a sentence that names
nothing else is that table's. A figure of another scope or time is never taken: a total or an
average over projects, a part (基本支出, 中央资金, 上年结转), another year's or part of the year's,
a target or a floor (达到90%以上, 力争, 计划), the form's own rules; nor a figure of a table said
misread.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from reviewer.checks.context import Hit, ProjectResult, ReportFacts
from reviewer.checks.narrative import all_met_claims, not_excepted
from reviewer.checks.registry import report_rule
from reviewer.claims.match import common_run
from reviewer.config import Config
from reviewer.lazyre import lazy_compile
from reviewer.model import Category, CellRef, Evidence, Leftover, Severity
from reviewer.numbers import fmt
from reviewer.parse.table import YEAR
from reviewer.parse.values import decimals
from reviewer.textnorm import nfkc

_SENTENCE = lazy_compile(r"[^。；;！!？?\n]+")
_CLAUSE = lazy_compile(r"(?:[^，,、：:]|(?<=\d),(?=\d{3}))+")  # (2,215.00: a figure's comma)
_RATE = lazy_compile(
    r"(?:预算|资金)?执行率(?:为|达|达到|是)?\s*(?P<figure>\d{1,3}(?:\.\d+)?)\s*[%％]"
)
_AMOUNT = lazy_compile(
    r"(?:(?<![未不])执行数?|实际支出|支出数|实际完成投资|完成投资|实际拨付(?:资金)?)(?:金额)?(?:为|了|共)?\s*"
    r"(?P<figure>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)"
)
_SCORE = lazy_compile(
    r"(?:自评|综合|评价|考评)(?:总)?(?:得分|分)(?:为|是|达|达到)?\s*"
    r"(?P<figure>\d{1,3}(?:\.\d+)?)\s*分"
)
_BUDGET = lazy_compile(
    r"(?:全年预算数?|调整后(?:全年)?预算数?|预算数|预算资金|总预算)(?:合计)?(?:为|是|共)?\s*"
    r"(?P<figure>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)"
)
_FIGURES = (_RATE, _AMOUNT, _SCORE)
_MONEY = {"元": 1, "万元": 10_000, "亿元": 100_000_000}
# A sentence on the form's own rules, not a table's result.
_FORM = lazy_compile(r"填报说明|填表说明|满分|分值|权重|评分标准|计分|得分\s*=")
# A clause naming a project, or projects, that is no table's (…项目, …工作经费, …等项目资金).
_ANOTHER = lazy_compile(r"[\u4e00-\u9fff]{2}(?:项目|工作经费|专项资金)|等(?:项目|资金|事项)|及其他")
# A clause whose figure is of another scope or time than a table's result.
_OTHER = lazy_compile(
    r"同比|较上|年初|以上|以下|不低于|不少于|不超过|左右|目标|力争|确保|计划|预计|要求|"
    r"平均|基本支出|项目支出|人员经费|公用经费|中央|省级|市级|县级|区级|本级|财政拨款|结转|"
    r"其他资金|自筹|配套|地方"
)
# Another year's (not 上年结转, money carried into this year), or part of the year's.
_PAST = lazy_compile(
    r"上年(?!结转|结余)|去年|上一年(?!度?结转)|前年"
    r"|上半年|下半年|[一二三四1-4]季度|前三季度|(?<![\d十])(?:[1-9]|1[01])月(?:底|末|份)"
)
# Words of a sum over several tables (in a report of several).
_SUM = lazy_compile(
    r"合计|共计|累计|总计|综合|汇总|[\d两二三四五六七八九十]+个项目|项目共[\d两二三四五六七八九十]"
)
# A clause about the department as a whole (its 部门整体 form's).
_DEPARTMENT = lazy_compile(
    r"部门整体|单位整体|本部门|全部门|部门(?:全年|年度|预算|决算)|"
    r"我(?:局|委|办|院|中心|厅|站|所)(?:全年|年度|部门)"
)
_NAME_RUN = 4  # characters a clause shares with a project's name to name it
_OTHER_RUN = 3  # …when no other table's name shares this many
_QUOTE = 80  # characters of the prose quoted


@report_rule(
    "T109",
    "报告正文所述与自评表不符",
    "prose-matches-table",
    Category.CONSISTENCY,
    Severity.WARNING,
    "强制",
    "consistency",
    what="自评报告正文（表格以外的文字）所写某项目（或部门整体）的预算执行率、执行数、自评得分，应与该项目自评表"
    "的执行率、全年执行数、总分一致（按正文所写的小数位取舍后一致即可）。只核对正文写明属于哪一张表的数字："
    "同一句中点名了项目，或写明是部门整体的；只有一张表的报告，句中未提其他对象的。合计、平均、上年、"
    "目标（达到90%以上）和基本支出、中央资金等部分的数字不核对。",
    why="报告正文是公开的自评结论；与自评表不一致，说明其中一处抄错或未随改分、调账更新。",
    example="报告正文称“农村公路日常养护项目执行701.28万元，执行率98.50%”，而该项目自评表执行率为97.40%。",
    fix="核对报告正文与自评表，统一为复核后的执行数、执行率和得分。",
)
def prose_matches_table(facts: ReportFacts, config: Config) -> Iterator[Hit]:
    tables = [t for t in facts.tables if t.name or t.department]
    if not tables:
        return
    for lines in _paragraphs(facts.leftovers):
        for claim in _claims(lines, tables):
            hit = _held(claim)
            if hit is not None:
                yield hit


def _paragraphs(leftovers: list[Leftover]) -> Iterator[list[Leftover]]:
    """The leftovers in runs of lines that go on one from the other: a line not ending a
    sentence, the next line of the page (a PDF's or a text's prose wrapped over lines: …执行率97 /
    .71%，自评得分…) going on with it."""
    run: list[Leftover] = []
    for lo in leftovers:
        if run and not (_goes_on(run[-1], lo) and not run[-1].text.endswith(_ENDS)):
            yield run
            run = []
        run.append(lo)
    if run:
        yield run


_ENDS = ("。", "；", ";", "！", "!", "？", "?", "：", ":")
_WRAPPED = 20  # characters of a line prose wraps at, at the least


def _goes_on(a: Leftover, b: Leftover) -> bool:
    """``b`` is the line right after ``a`` on its page, both whole lines (a text's, a PDF's),
    ``a`` as long as a wrapped line is (not a heading: 二、绩效目标完成情况)."""
    if len(a.text) < _WRAPPED:
        return False
    la, lb = a.location, b.location
    if la.column not in (None, 1) or lb.column not in (None, 1):
        return False
    if (la.page, la.sheet, la.table) != (lb.page, lb.sheet, lb.table):
        return False
    if la.line is not None and lb.line is not None:
        return lb.line == la.line + 1
    return la.row is not None and lb.row == la.row + 1


@dataclass(frozen=True, slots=True)
class _Claim:
    kind: str  # "rate", "executed", "score"
    printed: str  # the figure as the prose writes it
    unit: str  # an amount's (元, 万元, 亿元)
    table: ProjectResult
    sentence: str
    leftover: Leftover


def _claims(lines: list[Leftover], tables: list[ProjectResult]) -> Iterator[_Claim]:
    text = "".join(lo.text for lo in lines)
    starts = list(itertools.accumulate((len(lo.text) for lo in lines), initial=0))
    several = len(tables) > 1
    # whose the figures are, from the paragraph's start on: a paragraph opening on a project
    # (（一）高标准农田建设项目。该项目…执行率98.75%) speaks of it until it names another
    subject = None if several else tables[0]
    for sentence in _SENTENCE.finditer(text):
        said = sentence.group()
        # (not the form's own rules: 自评总分100分，其中预算执行情况20分)
        relevant = not _FORM.search(said) and any(p.search(said) for p in _FIGURES)
        claims: list[_Claim] = []
        elsewhere: set[int] = set()  # tables the sentence gives another budget than theirs
        past = False  # the sentence has turned to another year (上年资助1,986人次，执行率…)
        part = False  # the clause before told a part's spending (其中上年结转资金执行…)
        for clause in _CLAUSE.finditer(said):
            words = clause.group()
            named, unsure = _named(words, tables)
            if named is not None or unsure:
                subject = named
            elif _DEPARTMENT.search(words):
                subject = _department(tables)
            elif _ANOTHER.search(words):
                subject = None  # another project, or a list of them (…等项目资金)
            if several and _SUM.search(words):
                subject = None  # the projects together (…2个项目, 全年预算合计…)
            past = past or _PAST.search(words) is not None or _other_year(words, subject)
            # 其中上年结转资金执行413.16万元，执行率98.37%: the rate after a part's spending is the
            # part's (not 其中中央补助资金600万元…，资金执行率96.05%: the whole's, said anew)
            after_part = part and _RATE.match(words.strip()) is not None
            part = "其中" in words and bool(_OTHER.search(words)) and bool(_AMOUNT.search(words))
            if not relevant or subject is None or past or after_part or _OTHER.search(words):
                continue
            budget = _BUDGET.search(words)
            if budget is not None and not _amount_agrees(budget, subject.budget, subject):
                elsewhere.add(id(subject))
            for kind, pattern in (("rate", _RATE), ("executed", _AMOUNT), ("score", _SCORE)):
                m = pattern.search(words)
                if m is None:
                    continue
                printed = m.group("figure")
                unit = m.group("unit") if kind == "executed" else ""
                # the sentence up to the figure's clause (its last characters, if long), on
                # the line that ends it
                end = sentence.start() + clause.end()
                k = bisect.bisect_right(starts, end - 1) - 1
                begin = max(starts[k], sentence.start(), end - _QUOTE)
                quote = text[begin:end].strip()
                claims.append(_Claim(kind, printed, unit, subject, quote, lines[k]))
        yield from (c for c in claims if id(c.table) not in elsewhere)


def _named(words: str, tables: list[ProjectResult]) -> tuple[ProjectResult | None, bool]:
    """The one table whose project ``words`` name, if any; and whether they name several
    tables' projects without telling which. A project the clause names (…项目, …资金) is a
    table's where one name holds the other, or most of it (农村公路养护项目 is not 农村公路建设's);
    words naming none so are a table's by a run of its name's characters that no other
    table's name shares nearly as long (孤儿基本生活保障 against 城乡最低生活保障)."""
    mentioned = [core for m in _MENTION.finditer(words) if (core := _core(m.group()))]
    if mentioned:
        found = {
            k for k, t in enumerate(tables) for core in mentioned if _same(core, _core(t.name))
        }
        if len(found) > 1:
            return None, True
        return (tables[found.pop()], False) if found else (None, False)
    runs = sorted(
        ((common_run(words, _core(t.name)), k) for k, t in enumerate(tables)), reverse=True
    )
    best, k = runs[0]
    if best < _NAME_RUN:
        return None, False
    second = runs[1][0] if len(runs) > 1 else 0
    if second >= _OTHER_RUN and best - second < _OTHER_RUN:
        return None, True
    if tables[k].department and not _DEPARTMENT.search(words):
        return None, False  # the department's own name (某县某局) says who writes, not of which
    return tables[k], False


# A project the prose names: words ending as a project's or a fund's name does.
_MENTION = lazy_compile(r"[\u4e00-\u9fff（）()“”]{2,40}?(?:项目|资金|经费)")
_MOST = 0.75  # of a table's name, the run a clause shares with it to name it


def _same(mention: str, name: str) -> bool:
    """The project a clause names (its words before …项目, what opens the clause with them) is
    the table's: the table's name without its place (平遥县城区老旧小区改造 → 城区老旧小区改造)
    within it, it within the name (免费开放 of 公共图书馆、文化馆免费开放), or most of the name."""
    name = _PLACE.sub("", name)
    if not name:
        return False
    # (ending with it: 高标准农田建设管护项目 is another project than 高标准农田建设's)
    if mention.endswith(name) or (mention in name and len(mention) >= _NAME_RUN):
        return True
    # the clause's words for it that end its mention (…管护项目 names no 高标准农田建设项目)
    run = next((k for k in range(len(mention), 0, -1) if mention[-k:] in name), 0)
    return run >= _NAME_RUN and run >= _MOST * len(name)


# A county's, a town's name opening a project's (翁源县高标准农田建设): not what the prose repeats.
_PLACE = lazy_compile(r"^[\u4e00-\u9fff]{2,6}?[省市县区旗州镇乡](?=[\u4e00-\u9fff]{4})")


def _other_year(words: str, subject: ProjectResult | None) -> bool:
    """``words`` name a year other than the table's (2022年基本公共卫生服务项目自评得分96.80分
    in a report on 2023)."""
    if subject is None or subject.year is None:
        return False
    return any(int(m.group(1)) != subject.year for m in YEAR.finditer(words))


def _department(tables: list[ProjectResult]) -> ProjectResult | None:
    found = [t for t in tables if t.department]
    if len(found) == 1:
        return found[0]
    return None  # (a report of project tables: its department's whole budget is no table's)


# A name's year (a sentence's own names its time, 2023年全年预算数) and generic end.
_GENERIC = lazy_compile(r"\d{4}年度?|(?:项目|资金|经费|专项|工作)+$")


def _core(name: str) -> str:
    return _GENERIC.sub("", nfkc(name)) if name else ""


def _held(c: _Claim) -> Hit | None:
    """A hit where the claim agrees with none of its table's figures of its kind (a table
    said misread holds none)."""
    t = c.table
    if not t.reliable:
        return None
    if c.kind == "rate":
        computed = t.executed / t.budget * 100 if t.executed is not None and t.budget else None
        values = [v for v in (t.rate, computed) if v is not None]
        label, own, cell, unit = "预算执行率", "执行率", t.rate_cell, "%"
    elif c.kind == "executed":
        if t.executed is None:
            return None
        values = [t.executed * f / _MONEY[c.unit] for f in t.factors]
        label, own, cell, unit = "执行数", "全年执行数", t.executed_cell, c.unit
    else:
        values = [t.total] if t.total is not None else []
        label, own, cell, unit = "自评得分", "总分", t.total_cell, "分"
    if not values or any(_agrees(c.printed, v) for v in values):
        return None
    whose = f"“{t.name}”" if t.name else "部门整体"
    converted = c.kind == "executed" and t.factors != (_MONEY[c.unit],)
    shown = fmt(round(values[0], 2)) if cell is None or converted else cell.text.rstrip("%％")
    return Hit(
        f"报告正文称{whose}{label}为{c.printed}{unit}，而该自评表的{own}为{shown}{unit}，两者不符。",
        expected=shown,
        found=c.printed,
        evidence=[Evidence(quote=c.sentence, location=c.leftover.location), *_cell(cell)],
        suggestion="核对报告正文与自评表，统一为复核后的执行数、执行率和得分。",
    )


def _cell(cell: CellRef | None) -> list[Evidence]:
    return [] if cell is None else [Evidence(quote=cell.text, location=cell)]


def _agrees(printed: str, value: float) -> bool:
    """``printed`` is ``value`` to the decimals it shows, rounded half up or cut."""
    unit = Decimal(1).scaleb(-decimals(printed))
    exact = Decimal(str(round(value, 6)))
    said = Decimal(printed.replace(",", ""))
    return said in (exact.quantize(unit, ROUND_HALF_UP), exact.quantize(unit, ROUND_DOWN))


def _amount_agrees(m: re.Match[str], amount: float | None, t: ProjectResult) -> bool:
    """The amount ``m`` states is ``amount`` (in the table's unit), to its decimals; an
    amount the table does not print agrees with anything."""
    if amount is None:
        return True
    printed = m.group("figure")
    return any(_agrees(printed, amount * f / _MONEY[m.group("unit")]) for f in t.factors)


@report_rule(
    "T110",
    "报告正文称目标全部完成而指标未达成",
    "prose-claims-all-met",
    Category.CONSISTENCY,
    Severity.WARNING,
    "强制",
    "consistency",
    what="自评报告正文（表格以外的文字）称各项绩效指标或目标全部完成（“年初设定的各项绩效指标全部完成”"
    "“绩效目标全部实现”等），而该项目自评表中有指标行的实际完成值未达到年度指标值。只核对正文写明属于哪一张表的"
    "说法：只有一张表的报告，或句中点名了项目的；“基本完成”“力争全部完成”等不核对，“除…外”点名的指标不计。",
    why="报告正文是公开的自评结论；指标未达成而称全部完成，结论与自评表相互矛盾。",
    example="报告正文称“年初设定的各项绩效指标全部完成”，而自评表中“救助资金发放及时率”指标值=100%，完成95%。",
    fix="如实写明未完成的指标及其原因，或核实自评表中的实际完成值。",
)
def prose_claims_all_met(facts: ReportFacts, config: Config) -> Iterator[Hit]:
    tables = [t for t in facts.tables if t.name or t.department]
    if not tables:
        return
    said: set[int] = set()  # a table whose claim was held once
    for lo in facts.leftovers:
        for sentence in _SENTENCE.finditer(lo.text):
            words = sentence.group()
            claim = next(all_met_claims(words), None)
            if claim is None:
                continue
            subject = tables[0] if len(tables) == 1 else _named(words, tables)[0]
            if subject is None or not subject.reliable or id(subject) in said:
                continue
            missed = not_excepted(list(subject.missed), words, claim.start())
            if not missed:
                continue
            said.add(id(subject))
            rows = "、".join(f"「{r.name}」（指标值{r.target}，完成{r.actual}）" for r in missed)
            count = subject.missed_count - (len(subject.missed) - len(missed))
            more = f"等{count}项" if count > len(missed) else ""
            yield Hit(
                f"报告正文称“{claim.group(0)}”，但{rows}{more}未达到年度指标值。",
                indicator_name=missed[0].name,
                expected="如实说明未达成的指标",
                found=claim.group(0),
                evidence=[Evidence(quote=claim.group(0), location=lo.location)]
                + [e for r in missed for e in r.evidence],
                suggestion="如实写明未完成的指标及其原因，或核实自评表中的实际完成值。",
            )
