"""The form's fixed labels, which anchor the rows of a table whose row structure was lost.

Every family in ``reviewer.forms.families`` prints its header keys, funds block, goal block,
indicator columns and closing fields with fixed labels; a token that is one of them tells
which part of the form the stream is in and where a row starts. The labels come from the
families' registry; the few here are the block labels the registry has no field for (the
vertical label of the funds block, the indicator section's title).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from functools import lru_cache

from reviewer.forms.families import FAMILIES
from reviewer.forms.vocabulary import (
    key,
    lookup_slipped,
    matches,
    unnumbered,
    without_qizhong,
)
from reviewer.lazyre import lazy_compile
from reviewer.parse.labels import (
    CUT_PHRASE,
    SIGN_OFF,
    classify_label,
    is_site_furniture,
    label_kind,
)
from reviewer.parse.tasks import BLOCK as TASKS_BLOCK


class Kind(StrEnum):
    TITLE = "title"
    KEY = "key"  # a header key: 项目名称, 主管部门 …
    FUND_BLOCK = "fund-block"  # the funds block's own label: 项目资金(万元), 预算执行情况(10分)
    FUND_COLUMN = "fund-column"  # 年初预算数, 执行率 …
    FUND_ONLY = "fund-only"  # a funds column no indicator header prints (年初预算数, 执行率)
    FUND_ROW = "fund-row"  # 年度资金总额, 其中:当年财政拨款 …
    GOAL = "goal"  # 年度总体目标, 预期目标, 实际完成情况 …
    SECTION = "section"  # the indicator section's title: 绩效指标(90分), 年度绩效目标(80分)
    COLUMN = "column"  # an indicator column label: 一级指标, 年度指标值 …
    TOTAL = "total"  # 总分, 合计
    FIELD = "field"  # a closing field: 评价结论, 项目负责人 …
    NOTE = "note"  # a note under the table: 注:, 备注:
    SITE = "site"  # a web page's own links after a copied table: 【打印】, 上一篇：
    TASKS = "tasks"  # a 部门整体 form's 年度主要任务 block: its label, or 任务名称 opening it


# Anchors that end whatever part the stream is in.
ENDS = frozenset(
    {
        Kind.TITLE,
        Kind.KEY,
        Kind.FUND_BLOCK,
        Kind.FUND_ONLY,
        Kind.GOAL,
        Kind.SECTION,
        Kind.TOTAL,
        Kind.FIELD,
        Kind.NOTE,
        Kind.SITE,
        Kind.TASKS,
    }
)
# Anchors that end the indicator section wherever they stand (a funds or goal label there
# may name an indicator).
CLOSING = frozenset({Kind.TITLE, Kind.KEY, Kind.TOTAL, Kind.FIELD, Kind.NOTE, Kind.SITE})
# Anchors a row of the form opens with (not a column's label, which a header's wrapped cell
# may go on with).
ROW_OPENING = frozenset(
    {
        Kind.TITLE,
        Kind.KEY,
        Kind.FUND_BLOCK,
        Kind.FUND_ROW,
        Kind.GOAL,
        Kind.SECTION,
        Kind.TOTAL,
        Kind.TASKS,
    }
)
# Anchors that head a column (of the indicators or the funds).
COLUMN_KINDS = frozenset({Kind.COLUMN, Kind.FUND_COLUMN, Kind.FUND_ONLY})
# Header keys written on the right of another key's row (主管部门 X 实施单位 Y).
RIGHT_FIELDS = frozenset({"implementer", "contact", "provincial_department"})

_FUND_ONLY_ROLES = frozenset(
    {"initial_budget", "full_year_budget", "executed", "rate_pct", "received"}
)
_BLOCK_LABELS = (
    "项目资金*",
    "资金情况*",
    "预算执行情况*",
    "部门预算执行情况*",  # (a 部门整体 form's: 部门预算执行情况(万元))
    "年度预算申请*",
    "年度预算情况*",
    "部门(单位)总体资金*",
    "部门(单位)总体*",
    "部门整体资金*",
    "年度部门整体支出预算*",  # (执行情况)(万元): a 部门整体 form's block
    "部门整体支出预算*",
    "部门资金*",
    "部门预算资金*",  # (部门预算资金 / （万元）, a 部门整体 form's)
    "年度预算资金*",
    "年度部门预算资金*",
    "年度预算数*",
    "资金来源",
)
_GOAL_LABELS = (
    "年度总体目标",
    "项目基本情况",
    "项目年度目标完成情况",
    "目标完成情况",
    "绩效目标完成情况",  # a Hebei form's section (二、绩效目标完成情况 over 年度目标 / 实际完成)
    "总体完成率*",
)
_SECTION_LABELS = (
    "绩效指标",
    "绩效指标(*",
    "年度绩效指标",
    "年度绩效指标(*",
    "年度绩效指标完成情况",
    "绩效指标完成情况",
    "年度绩效目标",
    "年度绩效目标(*",
)
# A name's last words cut off by its row's figures (a tall name's rest after them, a cell a
# line): short, ending in a measure word (合格率, 满意度, 人数); not 年度 (a running head's rest).
_MEASURE_END = lazy_compile(
    r"(?:[率数量]|满意度|程度|进度|密度|面积|长度|里程|时间|时限|年限|人次|机制|标准|水平|比例|占比|比重"
    r"|差距|情况|意识|素养)$"
)
NAME_REST_CHARS = 8
# How an explanation of a few words opens (无特殊情况, 已完成, 未发生): no name's rest.
SAYS_STATE = ("无", "未", "已")
# A state said of a row in words (进一步提升, 明显改善, 建立健全): a target's or an actual's
# whole cell, no name's rest nor a definition's line.
STATE_SAID = lazy_compile(
    r"^(?:(?:有所|明显|逐步|持续|稳步|不断|大幅|显著|进一步|有效)"
    r"(?:提高|提升|增加|增长|增强|改善|下降|减少|降低|完善|健全)|建立健全|健全完善)$"
)


def ends_as_name(text: str) -> bool:
    """Text that ends as whole names end (…合格率, …目录比例, …机制)."""
    return _MEASURE_END.search(text) is not None


def name_rest_word(text: str) -> bool:
    """Words that may end a name cut by its row's figures (检验率, 群众满意度, 机制建立情况)."""
    return (
        len(text) <= NAME_REST_CHARS
        and _MEASURE_END.search(text) is not None
        and not text.startswith(SAYS_STATE)
    )


_TOTAL_LABELS = ("总分", "合计", "总计")
_TASKS_LABELS = (*TASKS_BLOCK, "任务名称", "主要任务名称", "重点工作", "重点任务")
_NOTE_LABELS = ("注:*", "备注*", "说明:*")
_MAX_NOTE = 12
_SENTENCE = lazy_compile(r"[,，。;；、]")
_NOTE_OPENS = lazy_compile(r"^(?:注|备注)\s*[:：]\s*\S")  # a note's text after its label
_SIDE_NOTE = lazy_compile(r"[(（][^()（）]*[)）]$")


def _header_keys() -> dict[str, str]:
    out: dict[str, str] = {}
    for f in FAMILIES:
        for label, fld in f.header_fields:
            out.setdefault(label, fld)
    return out


HEADER_KEYS = _header_keys()
_FUND_COLUMNS = tuple(dict.fromkeys(label for f in FAMILIES for label, _ in f.fund_columns))
_FUND_ONLY = tuple(
    dict.fromkeys(
        label for f in FAMILIES for label, role in f.fund_columns if role in _FUND_ONLY_ROLES
    )
)
_FUND_ROWS = tuple(dict.fromkeys(label for f in FAMILIES for label, _ in f.fund_rows))
_GOALS = tuple(
    dict.fromkeys(
        [*(g for f in FAMILIES for g in (*f.goal_expected, *f.goal_actual)), *_GOAL_LABELS]
    )
)
_COLUMNS = tuple(dict.fromkeys(label for f in FAMILIES for label, _ in f.indicator_columns))
_COLUMN_ROLES = tuple((label, "column") for label in _COLUMNS)  # for lookup_slipped
_FIELDS = tuple(dict.fromkeys(label for f in FAMILIES for label, _ in f.text_fields))


# (kind, matched without a leading section number (二、预算执行情况), labels)
_TABLE: tuple[tuple[Kind, bool, tuple[str, ...]], ...] = (
    (Kind.NOTE, False, _NOTE_LABELS),
    (Kind.TOTAL, False, _TOTAL_LABELS),
    (Kind.SECTION, True, _SECTION_LABELS),
    (Kind.COLUMN, False, _COLUMNS),
    (Kind.GOAL, True, _GOALS),
    (Kind.FUND_BLOCK, True, _BLOCK_LABELS),
    (Kind.FUND_ROW, False, _FUND_ROWS),
    (Kind.FUND_COLUMN, False, _FUND_COLUMNS),
    (Kind.FUND_ONLY, False, _FUND_ONLY),
    (Kind.TASKS, True, _TASKS_LABELS),
)


def _any(k: str, labels: tuple[str, ...]) -> bool:
    """``k`` is one of ``labels``; a prefix label (``年初预算数*``) only with a short note
    after it (``(A)``, ``(万元)``, ``(20分*执行率)``), not a sentence that starts the same way
    (``执行率*该指标分值,最高不得超过分值上限。``)."""
    for label in labels:
        if label.endswith("*"):
            stem = label[:-1]
            if k.startswith(stem) and _is_note(k[len(stem) :]):
                return True
        elif k == label:
            return True
    return False


def _is_note(rest: str) -> bool:
    # (not a value saying there is nothing: 偏差原因分析 | 无, the field and its answer)
    return len(rest) <= _MAX_NOTE and not _SENTENCE.search(rest) and not rest.endswith(_NOTHING)


_NOTHING = ("无", "没有", "略")


_FUND_ROW_WHOLE = frozenset(label.rstrip("*") for label in _FUND_ROWS)


def is_fund_row_whole(text: str) -> bool:
    """``text`` is a funds row's label exactly as the forms print it (其中：一般公共预算资金), not
    one with words after it."""
    k = key(text)
    return k in _FUND_ROW_WHOLE or without_qizhong(k) in _FUND_ROW_WHOLE


def header_key(text: str) -> str | None:
    """The field of a header key (``实施单位 (盖章)`` → implementer), or None."""
    k = key(text)
    fld = HEADER_KEYS.get(k)
    if fld is None and _SIDE_NOTE.search(k):
        fld = HEADER_KEYS.get(_SIDE_NOTE.sub("", k))
    return fld


def is_title(text: str) -> bool:
    k = key(text)
    return ("自评表" in k or "评分表" in k) and len(k) <= 40


def _is_field(k: str) -> bool:
    return any(k == label or k.startswith(label + ":") for label in _FIELDS)


HEADER_LABELS = 3  # column labels, at least, that make a line the indicator header's


def names_columns(texts: Iterable[str]) -> bool:
    """Texts naming the indicator header's columns: three of the form's column labels or more
    (绩效 一级指标 二级指标 …, whatever precedes them)."""
    return sum(Kind.COLUMN in kinds(t) for t in texts) >= HEADER_LABELS


@lru_cache(maxsize=8192)
def kinds(text: str) -> frozenset[Kind]:
    """Every kind of anchor ``text`` can be; empty for content."""
    if not text:
        return frozenset()
    k = key(text)
    u = unnumbered(text)
    found: set[Kind] = set()
    if is_title(text):
        found.add(Kind.TITLE)
    if header_key(text) is not None:
        found.add(Kind.KEY)
    if _is_field(k) or _is_field(u):
        found.add(Kind.FIELD)
    if is_site_furniture(text):
        found.add(Kind.SITE)
    if SIGN_OFF.match(k) or _NOTE_OPENS.match(k):
        # 填报单位（盖章）：… under the table, 注:1.本表由…填报: no row's
        found.add(Kind.NOTE)
    for kind, unnumber, labels in _TABLE:
        if _any(u if unnumber else k, labels):
            found.add(kind)
    if Kind.FUND_ROW not in found and k.startswith("其中"):
        # 其中：财政拨款, a row the forms list without its 其中 (财政拨款*)
        rest = without_qizhong(k)
        if rest and _any(rest, _FUND_ROWS):
            found.add(Kind.FUND_ROW)
    if not found and _SLIP_CANDIDATE.match(k) and lookup_slipped(k, _COLUMN_ROLES) is not None:
        found.add(Kind.COLUMN)  # a scan's slip in a column's label (实际完戍值, 偏差原因分忻)
    return frozenset(found)


# A column's label as a scan may print it with one character misread: words only, long
# enough that one character wrong leaves it that label's (not 完成值 / 指标值).
_SLIP_CANDIDATE = lazy_compile(r"^[\u4e00-\u9fff]{5,14}$")


def label_role(text: str, tables: Sequence[Sequence[tuple[str, str]]]) -> str | None:
    """The role of a printed label in the first of ``tables`` (``(label, role)`` pairs, in
    order of preference) that has it exactly, else in the first that has it as a prefix
    label: ``得分计算方法`` is a method column where a family names it, not a ``得分*``."""
    k = key(text)
    for table in tables:
        for label, role in table:
            if label == k:
                return role
    for table in tables:
        for label, role in table:
            if matches(k, label):
                return role
    return None


def is_label(text: str) -> bool:
    """Whether ``text`` is one of the form's fixed labels."""
    return bool(kinds(text) - {Kind.TITLE})


def is_any_label(text: str) -> bool:
    """A fixed label or a category label (经济效益指标): what a cell cut at its spaces was."""
    return is_label(text) or label_kind(text) is not None


def is_block_label(text: str) -> bool:
    return Kind.FUND_BLOCK in kinds(text)


_HEADER_KINDS = frozenset({Kind.COLUMN, Kind.SECTION})
# A funds column's letter note (（A）, （B/A）): not its points ((20分): a weight's), nor a unit
# ((万元): the block's label's, 项目资金 / （万元）, on its own line under it).
_FUND_NOTE = lazy_compile(r"^[(（](?:[A-Za-z](?:[/／][A-Za-z])?|调整后|调整前|%|％)[)）]$")
# Words that open the rest of a label wrapped onto its next line (… | 及改进措施, … | (A)).
_GOES_ON = ("及", "和", "与", "(", "（")


def label_goes_on(head: str, tail: str) -> bool:
    """A header label a paste cut at its line break into two cells (一级 | 指标, 实际 | 完成值,
    偏差原因分析 | 及改进措施): together a label, and ``tail`` no label of its own after one (or a
    piece no label alone, ``head``)."""
    whole = kinds(head + tail)
    if not whole & _HEADER_KINDS:
        # a funds column's label and its note wrapped under it (预算数 / （A）, 执行率 /
        # （B/A）): the note no label of its own
        return Kind.FUND_COLUMN in whole and _FUND_NOTE.match(tail) is not None
    if (not kinds(head) & _HEADER_KINDS and Kind.GOAL not in kinds(head)) or head.endswith(
        CUT_PHRASE
    ):
        # (偏差原因分析及 | 改进措施: a label cut after its 及 ends past it; not a goal's label
        # and the next, 年初目标 | 实际完成情况, though together a column's)
        return True
    return tail[:1] in _GOES_ON and not kinds(tail) & _HEADER_KINDS


def column_completed(head: str, tail: str) -> bool:
    """``tail``, a word of no label, completes the column's label ``head`` began, wrapped in
    its narrow column (偏差原因分析及改进措 / 施, 未完成原因分析及改进 / 措施): together a column's
    label that ends as one of the columns' labels ends, or a label of a kind more than ``head``
    alone (改进措施及结 / 果应用方案, a field's too); 实际完成值(B) / 得 is neither."""
    joined, alone = kinds(head + tail), kinds(head)
    if kinds(tail) or Kind.COLUMN not in joined or Kind.COLUMN not in alone:
        return False
    return joined > alone or any(label.rstrip("*").endswith(tail) for label in _COLUMNS)


def section_completed(head: str, tail: str) -> bool:
    """``tail`` ends the indicator block's own label ``head`` began, wrapped in its narrow
    column (年度绩效指 / 标 / 完成情况): together one of the block's labels exactly (not
    绩效指标(90分) and the next column's 一级指标)."""
    return kinds(head) == {Kind.SECTION} and unnumbered(head + tail) in _SECTION_WHOLE


_SECTION_WHOLE = frozenset(label for label in _SECTION_LABELS if not label.endswith("*"))


def category_opens(head: str, tail: str) -> bool:
    """``head`` opens the category label ``tail`` ends, the label wrapped over lines in its
    narrow column (服务对象满 / 意度指标, 服务对象 / 满意度指 / 标): together a category's label,
    ``head`` none and no label at all (the words before a 满意度指标 are its first line, since
    no row's name is followed by a category)."""
    return category_goes_on(head, tail) or (
        _WORDS_ONLY.match(head) is not None
        and classify_label(head + tail) is not None
        and not kinds(head)
    )


_WORDS_ONLY = lazy_compile(r"^[\u4e00-\u9fff]+$")  # 服务对象, not a row's last figure (10.00)


def category_goes_on(head: str, tail: str) -> bool:
    """``tail`` ends the category label ``head`` began, wrapped in its narrow column (服务对象满意
    / 度指标, 可持续影响指 / 标): together a category's label, ``tail`` none alone."""
    return classify_label(head + tail) is not None and classify_label(tail) is None
