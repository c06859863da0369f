"""One table's rows → an EvaluationTable, in the vocabulary of the table's form family.

The form's sections (header, funds, goals, 绩效指标, totals, the fields and notes after them) are
found by their labels, which each family declares (``reviewer/forms/families.py``); columns inside
a section are mapped by the section's own header labels. What a row says that the form has no
field for (项目类别, 金额单位 …) is kept in ``fields`` under its printed label.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reviewer import recache
from reviewer.forms.families import DEFAULT, DEPARTMENT, NATIONAL_COLUMNS, Family
from reviewer.forms.recognise import recognise
from reviewer.forms.vocabulary import any_label, key, lookup, ocr_label, unnumbered
from reviewer.grid import Cell, Row
from reviewer.lazyre import lazy_compile
from reviewer.model import EvaluationTable, ReadingDoubt
from reviewer.parse import labels as lb
from reviewer.parse import plausibility
from reviewer.parse.columns import (
    IndicatorColumns,
    Role,
    better_read,
    close_wrapped_brackets,
    headerless,
    is_column_numbering,
    is_part_heading,
    is_sub_header,
    merge_header,
    points_in_hebei_labels,
    read_header,
    slipped_role,
    without_heading,
)
from reviewer.parse.funds import (
    FundsReader,
    completes_header,
    funds_label_piece,
    is_fund_header,
    names_a_column,
    run_on_header,
    tails_realigned,
    widened_header,
)
from reviewer.parse.funds_across import funds_across
from reviewer.parse.indicators import TEMPLATE_NAME, parse_section
from reviewer.parse.sub_rows import mark_within_above
from reviewer.parse.tasks import TasksReader, is_block_label, is_task_header
from reviewer.parse.values import is_placeholder, parse_points
from reviewer.textnorm import SENTENCE_ENDS, Words, collapse_spaces, nfkc, unclosed_bracket

YEAR = lazy_compile(r"((?:19|20)\d{2})\s*年")
_YEAR_KEYS = frozenset({"年度", "评价年度", "自评年度", "项目年度"})  # 年度 | 2024 in the head
_BARE_YEAR = lazy_compile(r"(?:19|20)\d{2}(?:年度?)?$")
# A project's name printed as a column of the indicator header (a long export).
_PROJECT_COLUMNS = frozenset({"项目名称", "项目", "专项名称"})
_TAIL = 6  # the most characters of a header cell's wrapped tail (原因, 指标, 及改进措施)
_SUB_HEADERS = 2  # lower rows of an indicator header, at most


@lru_cache(maxsize=16)
def _header_labels(family: Family) -> frozenset[str]:
    """The indicator header's labels as printed whole (and 绩效指标), for joining wrapped tails."""
    return frozenset(
        {
            key("绩效指标"),
            key("年度绩效目标"),  # the 20/80 form's block label (年度绩 / 效目标)
            *(key(label.rstrip("*")) for label, _ in family.indicator_columns),
        }
    )


# A header label's bracketed tail wrapped onto the next line (年初目标值 / (A), 执行率 / (B/A)).
_LABEL_NOTE = lazy_compile(r"^[(（][A-Za-z/]{1,5}[)）]$")


def _completes(head: str, tail: str, labels: frozenset[str], family: Family) -> bool:
    """``tail`` completes ``head`` into a label of the form: the whole label, or a label
    the form's words begin and a bracketed letter note (年初目标值(A))."""
    whole = key(head + tail)
    if whole in labels:
        return True
    # (or the note's bracket closed on the next line, 年初目标值（A / ）)
    closes = _BRACKET_REST.fullmatch(tail) is not None and unclosed_bracket(head)
    return (_LABEL_NOTE.match(tail) is not None or closes) and lookup(
        whole, family.indicator_columns
    ) is not None


_BRACKET_REST = lazy_compile(r"[^（(）)]{0,3}[)）]")


def _join_cut_explanation(header: Row, family: Family) -> None:
    """The explanation's label cut mid-phrase, its rest printed as the next cell (a web page's
    row of the wrapped tail read on: 未完成原因及拟采取的 | 改进措施): one label, one column,
    not an explanation and a column of measures left empty."""
    cells = header.cells
    columns = family.indicator_columns
    for k in range(len(cells) - 1):
        head, tail = cells[k], cells[k + 1]
        if (
            head.text.endswith(lb.CUT_PHRASE)
            and len(tail.text) <= _TAIL
            and lookup(head.text, columns) == "explanation"
            and lookup(head.text + tail.text, columns) == "explanation"
        ):
            head.printed = head.printed or head.text
            head.text += tail.text
            tail.used = True
            del cells[k + 1]
            header.joined = "\t".join(c.text for c in cells)
            return


# a 总分 row: one of its words as a cell of its own (the longer first)
_TOTAL_RE = lazy_compile(
    # (numbered as the form's last part at the margin, 五、自评总分)
    rf"(?:^(?:[一二三四五六七八九十]+、)?|\t)(?:{lb.TOTAL_WORDS_ALTERNATIVES}){lb.TOTAL_NOTE_PATTERN}?(?:\t|$)"
)
_GRADE_LABELS = frozenset({"自评等级", "评价等级", "等级", "综合等级", "绩效等级"})
_GRADE_WORDS = ("优", "良", "中", "差", "优秀", "良好", "合格", "不合格")
# A grade printed with its label in one cell (等级：优, 自评等级：良好).
_LABELLED_GRADE = lazy_compile(
    r"^(?:综合)?(?:自评|评价)?(?:等级|结果|结论)\s*[:：]\s*(优秀|良好|不合格|合格|优|良|中|差)"
    # …and a reviewer's grade after it (自评等级：优 复核等级：良): the self-evaluation's is the one
    r"(?:\s*(?:复核|财政评价|第三方评价|评审)等级\s*[:：]\s*(?:优秀|良好|不合格|合格|优|良|中|差))?$"
)
_SCORED = "自评得分"
# The columns a row's explanation stands in: a lone cell there goes on with the one above.
_EXPLAINING = frozenset({Role.EXPLANATION, Role.MEASURES})
_NOTE_START = lazy_compile(r"^(注|备注|说明|填表说明|填报说明)\s*[:：]")
_REMARKS = lazy_compile(r"^备注\s*[:：]?")  # (备注 | 运营校车数量未达目标：…: a row's remarks)
# A heading over the rows' explanations written under the table (see ``_explained_below``).
# (with its colon, or after an attachment's: the column's own label is printed bare)
_EXPLAINED_WORDS = r"(?:偏差原因(?:分析)?(?:及改进措施)?(?:说明)?|偏差说明|未完成原因(?:分析)?(?:及改进措施)?(?:说明)?)"
_EXPLAINED_BELOW = lazy_compile(
    rf"^(?:附件\s*\d*\s*[:：]\s*{_EXPLAINED_WORDS}\s*[:：]?|{_EXPLAINED_WORDS}\s*[:：])$"
)
# The same label in a cell of its own, the note's text in the next (说明 | 本表…).
_NOTE_LABEL = lazy_compile(r"(?:注|备注|说明)\s*[:：]?")


def _labelled_note(cells: list[Cell]) -> bool:
    """A note in two cells, its label and its text (说明 | 本表为区域绩效自评表，未设置分值。)."""
    return len(cells) == 2 and _NOTE_LABEL.fullmatch(cells[0].text) is not None


# A report's next attachment under a table that ends with no 总分 (附件2 2021年度项目支出清单).
_ATTACHMENT = lazy_compile(r"^(?:附件|附表)\s*[一二三四五六七八九十\d]+")
# The form's sign-off under its rows, no 总分 row before it: 填报单位（盖章）：… 填报人：…


# The goal block's own label before its labelled goals on one row.
_GOAL_BLOCK = ("年度总体目标", "年度目标", "总体目标", "绩效目标")
# The label of the goal of a project's whole period, its years in brackets or not (总体目标,
# 项目总体目标, 中期目标, 实施期目标(2023—2025年)), and its text's length at least.
_PERIOD_GOAL = lazy_compile(
    r"^(?:项目)?(?:总体|中期|实施期|整体)目标(?:\(\d{4}年?[—\-–~至]+\d{4}年?\))?$"
)
_PERIOD_GOAL_TEXT = 10
_LABELLED = 2  # cells of a goal's row of its own: its label and its text
# What a head's label no family knows ends with (项目类别, 项目编码, 地方实施单位, 联系电话).
_PAIR_LABEL = lazy_compile(
    r"(?:类别|类型|编码|代码|编号|单位|属性|期限|周期|级次|性质|名称|部门|负责人|联系人|电话"
    r"|日期|时间|方式|来源|地点|年度|领域|层级)$"
)
# The text fields naming a person, printed among the head's keys too (项目负责人 | 孙立华).
_PERSON_FIELDS = frozenset({"project_lead", "finance_lead"})
# The deductions' sum under the rows of a form scored by deduction (扣分合计 | 3.36).
_DEDUCTIONS_TOTAL = lazy_compile(r"^(?:扣分合计|合计扣分|扣分总计|扣分小计|总扣分|扣分合计数)$")


# A budget system's approval steps under its table: their heading, their columns' labels
# (three at least), and a step's time (2025-02-26 09:08:55).
_WORKFLOW_HEADINGS = frozenset(
    {"审批流程", "审批记录", "审核流程", "审核记录", "流转记录", "审批信息"}
)
_WORKFLOW_COLUMNS = frozenset(
    {
        "环节",
        "流程环节",
        "审批环节",
        "处理人",
        "审批人",
        "处理时间",
        "审批时间",
        "处理意见",
        "审批意见",
    }
)
_WORKFLOW_LABELS = 3
_WORKFLOW_HINT = lazy_compile(r"审批|审核|流转|环节|处理")
_DASHES = frozenset({"—", "-", "－", "/", "／", "——"})
_STAMPED = lazy_compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")


# The goal and its outcome as the older forms label them (2015–2019: 绩效目标, 目标完成情况),
# printed unnumbered: numbered (三、绩效目标完成情况) they head a part of the Hebei form.
_OLDER_GOAL_LABELS = {
    "绩效目标": "goal_expected",
    "绩效目标完成情况": "goal_actual",
    "目标完成情况": "goal_actual",
}
# The indicators' points on a hundred, or their share in the total (绩效指标得分(百分制),
# 绩效指标折算得分(×80%)), on a form that scores its rows on 100 and counts a share of them.
_SCALED_SUM = lazy_compile(
    r"^(?:年度)?(?:绩效)?指标(?:合计)?(?:(?:得分)?(?:合计)?[(（]百分制[)）]"
    r"|(?:得分)?折算(?:得分)?[(（](?:[×xX*]|乘以?)?\s*(?P<share>\d+(?:\.\d+)?)\s*[%％][)）])$"
)


# The indicators' heading with a note (年度绩效指标（百分制，按80%折算计入总分）), and a share of
# their points stated in words (按80%折算, 指标得分×80%计入总分).
_INDICATORS_HEADING = lazy_compile(
    r"^(?:[一二三四五六七八九十]+[、.．]\s*)?(?:年度)?绩效指标(?:完成情况)?\s*"
    r"[(（](?P<note>[^()（）]{2,40})[)）]$"
)
_STATED_SCALE = lazy_compile(
    r"(?:按|[×xX*])\s*(\d{2}(?:\.\d+)?)\s*[%％]\s*(?:的比例)?(?:折算|计入总分)"
)


def _scaled_sum_label(text: str) -> bool:
    """The label of the rows' points on a hundred or of their share (``_SCALED_SUM``)."""
    return ("百分制" in text or "折算" in text) and _SCALED_SUM.match(key(text)) is not None


# A sentence under the funds' rows on why the budget moved or fell short, with no label: the
# block's note (全年预算数较年初增加452.26万元，主要为年中追加…。).
_FUNDS_NOTE = lazy_compile(
    r"^(?=.{12,})(?=.*(?:预算|资金|执行))(?=.*(?:追加|调减|调增|调整|增加|减少|原因|结转|未执行))"
    r"[^\t]*[。.]$"
)
# A goal's label and its text on one line: 预期目标：…, 实际完成情况：…
_GOAL_LINE = lazy_compile(r"^\s*([^:：]{2,12})[:：]\s*(\S.{4,})$")
_BARE_GOAL_LABEL = lazy_compile(r"^\s*([^:：]{2,12})[:：]\s*$")
# An item of a list (1. / （1） / 一是): a goal's line under its bare label.
_LIST_ITEM = lazy_compile(
    r"^\s*(?:[-*•·]\s*)?(?:\d{1,2}\s*[.、．)）]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]+[、是])"
)


def _any_amount(funds: dict[str, Any]) -> bool:
    """Whether the funds block read any figure (its rows, and the rows it adds)."""
    rows = [r for k, r in funds.items() if k != "extra"] + list(funds["extra"].values())
    return any(isinstance(v, float) for r in rows for k, v in r.items() if k != "cells")


# What the template prints in an indicator row for the department to fill in.
_TEMPLATE_MARK = lazy_compile(r"[*＊…]|^指标\d")


def _template_only(rows: list[dict[str, Any]], cells: list[Cell]) -> bool:
    """An indicator section holding only the template's marks (指标1：……, ≥**场, *): rows
    named 指标1, 指标2 …, and nothing else left unread but such marks."""
    if any(TEMPLATE_NAME.match(r["name"]) is None for r in rows):
        return False
    unused = [c for c in cells if not c.used]
    return bool(rows or unused) and all(_TEMPLATE_MARK.search(c.text) for c in unused)


def _labelled_totals(cells: list[Cell]) -> tuple[Cell, Cell] | None:
    """(weight, score) of a 总分 row whose figures each follow their label, the score the
    one after a ``SCORE_WORDS`` label; None when the row is not printed so."""
    weight = score = None
    for before, c in itertools.pairwise(cells):
        if parse_points(c.text) is None:
            continue
        if before.text in lb.SCORE_WORDS:
            score = c
        elif lb.is_total_word(before.text):
            weight = c
    return (weight, score) if weight is not None and score is not None else None


def _grade(text: str) -> str | None:
    """The grade a 总分 row's cell prints (优, or 等级：优), None for other text."""
    if text in _GRADE_WORDS:
        return text
    m = _LABELLED_GRADE.match(text) if "：" in text or ":" in text else None
    return m.group(1) if m else None


_SECTION = lazy_compile(r"^[一二三四五六七八九十]+、\S{2,14}$")
_SECTION_HINTS = lazy_compile("[、\\-—–页附公金单]")  # a first look for _SECTION and _FURNITURE
# Page furniture: page numbers (-1-, 第2页), attachment marks (附件:, 附件二), a disclosure
# table's number (公开14表).
_FURNITURE = lazy_compile(
    r"^(?:[-—–]\s*\d+\s*[-—–]|第\d+页(?:共\d+页)?|附件[一二三四五六七八九十\d]*:?|公开\d+表)$"
)
# What a key matching _FURNITURE, 金额单位 or _SECTION starts with: other cells need no regex.
_SECTION_FIRST = frozenset("-—–第附公金单一二三四五六七八九十")
_UNIT_ALONE = frozenset({"单位:元", "单位:万元"})
_AMOUNT_UNITS = frozenset({"元", "万元"})  # the amount unit stated without 金额


def _table_of(row: Row) -> int | None:
    """The number of the table (a web page's, a Word document's) a row was printed in; None
    for a row outside any, or read from a layout that has no tables."""
    where = row.cells[0].where if row.cells else None
    table = where.get("table") if where else None
    return table if isinstance(table, int) else None


def says_omitted(table: EvaluationTable) -> bool:
    """The table's notes say its rest was left out where it stops (（后面两页没复制下来）)."""
    return any(_OMITTED.match(note) for note in table.notes)


def _on_sheet(c: Cell) -> bool:
    """``c`` a workbook's cell, its column the sheet's own."""
    return c.where is not None and "sheet" in c.where


def _sheet(c: Cell) -> str | None:
    """The workbook's sheet ``c`` is on, if it is a sheet's."""
    return c.where.get("sheet") if c.where is not None else None


def _blank_sign_off(text: str) -> bool:
    """A sign-off's key with nothing after its colon (填报人：, 联系电话:)."""
    m = lb.SIGN_OFF.match(text)
    return m is not None and not text[m.end() :].strip()


def _unit_line(k: str) -> bool:
    """A cell's key stating the amount unit on its own (金额单位：万元, 单位：元, in brackets
    too: （单位：万元）)."""
    if k.startswith("(") and k.endswith(")"):
        k = k[1:-1]
    return k.startswith("金额单位") or k in _UNIT_ALONE


def _year_line(text: str) -> bool:
    """A line over the form stating its year ((2023年度), 填报日期：2024年4月10日); not a
    report's sentence that mentions one (截至2023年12月31日，项目资金执行率达100%。), which is
    prose to read or report."""
    return (
        YEAR.search(nfkc(text)) is not None  # (（２０２３年度）: a scan's full-width digits)
        and len(text) <= _YEAR_LINE
        and not _PROSE.search(text)
    )


_YEAR_LINE = 60
_VERTICAL_PIECE = 2  # characters of a label printed down its column, a line each
_PROSE = lazy_compile(r"[。，,；;]")


def stated_unit(k: str) -> str | None:
    """The amount unit such a cell states; None for any other cell (or none stated)."""
    if _unit_line(k):
        return "万元" if "万元" in k else "元" if "元" in k else None
    return None


# (年度绩效目标: a 20/80 form's block label, its points after it: 年度绩效目标(80分) | 预期目标 | …)
_GOAL_ANCHORS = ("年度总体目标", "年度目标", "年度绩效目标", "项目基本情况")
# A goal block's own label before its columns' labels (总体目标 / 完成情况 | 预期目标 | 实际完成目标)
_BLOCK_LABELS = (*_GOAL_ANCHORS, "总体目标")
# A cell of an indicator row the form's categories name (数量指标/职业技能培训人次/≥3000人次):
# unread in a table that read no indicator, two of them say its indicators were not rebuilt.
_CATEGORY_WORDS = lazy_compile(r"(?:数量|质量|时效|成本|社会效益|经济效益|生态效益|满意度)指标")
# An indicator typed as a list item, each value after its column's name (新建高标准农田面积——指标值：
# ≥2.5万亩；实际完成值：2.5万亩；分值：10；…).
_COLUMN_NAMED = lazy_compile(r"(?:指标值|完成值|实际值)\s*[:：]|目标\s*[:：≥≤=＝><]")
# Marks OCR prints for characters it could not read; this many cells holding them is a table
# that cannot be checked.
ILLEGIBLE = lazy_compile("[■▇□█▆▅▄▒░▓�]")
_ILLEGIBLE_CELLS = 5
_EXCERPT_TOP_LINES = 2  # a table opening in these first lines of a text opens it
# A title's note that the text prints a part of the form: （绩效指标部分）, （节选）, （摘录）.
_PART_OF = lazy_compile(r"[(（][^()（）]{0,12}(?:部分|节选|摘录)[)）]")
_LABEL_ONLY = 9  # longer than a category's label printed alone (服务对象满意度指标)
_UNREAD_ROWS = 2
# Goals a form prints beside the year's (长期目标 | 年度目标 | 实际完成情况, 2018–2019): each
# kept as a field under its label, not read into the year's goal.
_OTHER_GOALS = frozenset({"长期目标", "中长期目标", "项目长期目标", "长期绩效目标"})
# The year's column of a goal block whose columns are the periods (总体目标 | 长期目标 | 年度目标).
_YEAR_GOALS = frozenset({"年度目标", "年度绩效目标"})
_PERIOD_CELLS = 4
_CUT_NUMBER = lazy_compile(r"^\d+\.$")  # a figure cut after its point: an excerpt's last characters
_FULL_POINTS = 100.0  # a whole table's points
_BEFORE_SATISFACTION = ("产出", "效益", "效果")  # the form's categories before 满意度指标
_STACKED_PIECES = 3  # label pieces on the lower row of a funds header printed over two
_STACKED_PIECE = 6  # characters of such a piece at most (预算数, （万元）)
_DIGITS = lazy_compile(r"\d")
_GOAL_TEXT = 15  # the fewest characters of a goal written beside its label
_SENTENCE_END = lazy_compile(r"[。；;，,]")
_CLOSES_SENTENCE = "。；;！!？?"  # a line ending on one closes its sentence
_KEY_ROW_KEYS = 2  # header keys on a row of column labels over their values
# A system's own column label beside the header keys (项目编码, 单位编码, 导出日期, 项目类型).
_COLUMN_LABEL = lazy_compile(
    r"^\D{0,6}(?:编码|代码|编号|日期|时间|类型|类别|级次|年度)$|^是否\D{1,4}$"
)
_CONCLUDED = "自评结论"  # a row under the table concluding it, its text beside it
# the block's label, beside its goal; a 20/80 form's 年度绩效目标(80分) too, its points left off
LONE_GOAL_LABELS = frozenset({"年度总体目标", "年度目标", "年度绩效目标"})
_POINTS_AFTER = lazy_compile(r"\(\d+(?:\.\d+)?分\)$")  # a label's points, after key(): (80分)
# Title words: a cell naming the form (…绩效自评表, …绩效目标自评表, …评分表).
_TITLE_WORDS = ("自评表", "评分表", "复评表")  # (复评表: a finance bureau's re-evaluation)
TITLE_HINT = Words(_TITLE_WORDS)
# A run of leader dots at the end of a text (……………… filling the cell): layout, not words.
# Two goal texts one space apart in one cell, where a scan's single spaces part cells: the plan
# ends a sentence, and the outcome opens as one does (……正常运行。 完成雨量站65个……).
_GOALS_APART = lazy_compile(
    r"(?<=[。；;])[ \u3000]+(?=(?:已|完成|实际|全年|截至|截止|本年|年内|累计|共计?|20\d\d年))"
)


def _goals_in_one(cell: Cell) -> tuple[Cell, Cell] | None:
    """The expected and the actual goal of a row of one cell, when one place alone parts two
    texts in it (see ``_GOALS_APART``); both refer to the cell."""
    text = cell.raw or cell.text
    parts = _GOALS_APART.split(text.strip())
    if len(parts) != 2:
        return None
    plan, outcome = parts
    return (
        Cell(plan, cell.line, cell.column, raw=plan, used=True),
        Cell(outcome, cell.line, cell.column, raw=outcome, used=True),
    )


_LEADER = lazy_compile(r"\s*[.·…][\s.·…]{5,}$")
_LEADER_END = frozenset(".·…")


@lru_cache(maxsize=8192)
def header_key(text: str, family: Family) -> tuple[str, str, str] | None:
    """(field, printed key, value glued on) when ``text`` is one of ``family``'s header keys
    (项目名称, 项目名称：XX, 实施单位(盖章)); None otherwise."""
    k = key(text)
    for label, field, lk in _longest_first(family):
        if k == lk or (k.startswith(lk) and k[len(lk) : len(lk) + 1] in (":", "(")):
            rest = k[len(lk) :]
            if rest.startswith("(") and ")" in rest:  # 实施单位(盖章)
                rest = rest[rest.index(")") + 1 :]
                if rest and not rest.startswith(":"):
                    continue  # words after the bracket: a text opening with the key's words
                    # (项目实施期（2022-2024年）内完成…, a goal's)
            glued = rest.lstrip(":") if rest.startswith(":") else ""
            return field, label, _printed_after_colon(text) if glued else ""
        if k.startswith(lk) and field in _UNIT_FIELDS and lb.unit_like(k[len(lk) :]):
            # the key and a unit's name run together, the space between them lost (a scan's
            # 部门（单位)名称 商水县民政局)
            printed = "".join(text.split())[len(lk) :]
            return field, label, printed if key(printed) == k[len(lk) :] else k[len(lk) :]
    return None


_UNIT_FIELDS = frozenset({"department", "implementer"})


@lru_cache(maxsize=64)
def _longest_first(family: Family) -> tuple[tuple[str, str, str], ...]:
    """``family``'s header keys with their normal forms, the longest first: 部门(单位)名称 is
    tried before 部门, which would take (单位) for a note after it (部门(盖章))."""
    keyed = [(label, field, key(label)) for label, field in family.header_fields]
    return tuple(sorted(keyed, key=lambda t: -len(t[2])))


@lru_cache(maxsize=64)
def header_hint(family: Family) -> re.Pattern[str]:
    """A first look for ``family``'s header keys in a row's printed text: each key's first
    two characters (a key may be printed with spaces or full-width brackets after them)."""
    heads = sorted({key(label)[:2] for label, _ in family.header_fields})
    return recache.compile("|".join(re.escape(h) for h in heads) or "(?!)")


@lru_cache(maxsize=64)
def goal_hint(family: Family) -> re.Pattern[str]:
    """A first look for ``family``'s goal labels in a row's text."""
    labels = (label.rstrip("*") for label in (*family.goal_expected, *family.goal_actual))
    return recache.compile("|".join(re.escape(label) for label in (*labels, *_OLDER_GOAL_LABELS)))


@lru_cache(maxsize=8192)
def goal_label(text: str, family: Family) -> str | None:
    """``goal_expected`` / ``goal_actual`` when ``text`` labels one of the goal's texts."""
    k = unnumbered(text)
    # the actual's labels first: they name the goal's completion (年度目标完成情况), which a
    # prefix of the expected's (年度目标*) also matches
    if any_label(k, family.goal_actual):
        return "goal_actual"
    if any_label(k, family.goal_expected):
        return "goal_expected"
    if k == text.strip():
        return _OLDER_GOAL_LABELS.get(key(k))
    return None


@lru_cache(maxsize=8192)
def field_label(text: str, family: Family) -> tuple[str, str, str] | None:
    """(field, printed label, text glued after a colon) when ``text`` names one of the form's
    text fields (评价结论, 1.项目实施内容及过程概述, 项目负责人：查小兵)."""
    k = unnumbered(text)
    field = lookup(k, family.text_fields)
    if field is not None:
        return field, k, ""
    head, colon, _ = k.partition(":")
    field = lookup(head, family.text_fields) if colon else None
    return (field, head, _printed_after_colon(text)) if field else None


def _printed_after_colon(text: str) -> str:
    """The printed text after a key's colon: ``项目名称：XX`` → ``XX``."""
    for colon in (":", "："):
        if colon in text:
            return text.split(colon, 1)[1].strip()
    return ""


def is_title(text: str) -> bool:
    """A cell naming the form: …绩效…自评表 (项目支出绩效自评表, 绩效目标自评表,
    部门整体支出绩效评价自评表 …) or …评分表, not a sentence that mentions one."""
    return len(text) <= 48 and "绩效" in text and TITLE_HINT.found_in(text)


def starts_table(row: Row) -> bool:
    """A row with the form's title (the first row of a table, or of the next one). A title
    printed after a name key (项目名称 | …补助经费支出绩效自评表) is that key's value."""
    if not TITLE_HINT.found_in(row.joined):
        return False
    for c in row.cells:
        if is_title(c.text):
            return True
        if key(c.text).endswith("名称") or _NOTE_LABEL.fullmatch(c.text) is not None:
            return False  # (说明 | 本表为区域绩效自评表，…: a note naming the form)
    return False


# A line in brackets saying the rest of the table was not copied (（后面两页没复制下来）,
# （以下略）, (第二张后面的目标和指标略)).
_OMITTED = lazy_compile(
    r"^[(（][^()（）]{0,16}(?:没复制|未复制|没有复制|没贴|未粘贴|以下略|下略|省略|略去|指标略|目标略)"
    r"[^()（）]{0,12}[)）]$"
)
_SIGN_DATE = lazy_compile(r"^\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$")  # 2024年2月26日


def _sign_off_cells(cells: list[Cell]) -> list[tuple[Cell, Cell | None]] | None:
    """A sign-off's row whose keys stand in cells of their own, each value in the next (填表人：
    | 孙晓东 | 单位负责人（签章）： | | 财务负责人： | 高敏): each key with its value (None for a key
    with its value in its own cell); None when the row is not such a row."""
    first = cells[0].text
    if ":" not in first and "：" not in first:
        return None  # (every key ends with its colon: a first look, as this runs on most rows)
    out: list[tuple[Cell, Cell | None]] = []
    k = 0
    while k < len(cells):
        m = lb.SIGN_OFF.match(cells[k].text)
        if m is None:
            return None
        bare = not cells[k].text[m.end() :].strip()
        after = cells[k + 1] if k + 1 < len(cells) else None
        if bare and after is not None and lb.SIGN_OFF.match(after.text) is None:
            out.append((cells[k], after))
            k += 2
        else:
            out.append((cells[k], None))
            k += 1
    return out if any(value is not None for _, value in out) else None


def _signing(c: Cell) -> bool:
    """A cell of the sign-off's row: a person's key and value, or the date it was signed."""
    return lb.SIGNED.match(c.text) is not None or _SIGN_DATE.match(c.text) is not None


# Labels of points printed in the goal block of forms that score it (区域绩效目标自评表).
# Keys printed after another key's value on the same line (单位名称：某局 填报日期：…).
_TRAILING_FIELD = lazy_compile(
    r"(填报日期|填表日期|填报时间|填报人|填表人|联系人|联系电话|审核人)\s*[:：]\s*"
)

_BUDGET_FIELDS = ("initial_budget", "full_year_budget", "executed")
_CLAUSE_MARKS = ("、", "，", ",")  # a text cut right after one goes on
_TEXT_ENDS = (*SENTENCE_ENDS, ".", "）", ")")  # (a note in brackets ends a text too)
# The doubt on a funds block whose rows were not read: the block's own, whatever layout the
# text is read in (a reading of the rows is not chosen by it).
FUNDS_UNREAD = (
    "资金部分的栏目已读到，年度资金总额的金额却未能读出（其下的金额未能对应到栏目），"
    "资金部分没有复核。"
)


def _better_shifted(columns: IndicatorColumns, rows: list[Row], by: int) -> bool:
    """More of ``rows`` are read by column with their cells ``by`` columns to the right (rows
    under a page's header printed without the first page's leading cell, numbered as it)
    than as they stand (rows that keep the cell's column, 绩效指标 merged down them)."""
    return better_read(columns, columns.shifted(-by), rows) is not columns


def _points_pairs(cells: list[Cell]) -> bool:
    """A row of the categories' labels each followed by its points (产出指标 | 50 | 效益指标 |
    30 | 满意度指标 | 10): the form's weights set out under its rows, no indicator row."""
    return (
        len(cells) >= _PAIRS_CELLS
        and len(cells) % 2 == 0
        and all(lb.label_kind(c.text) is not None for c in cells[::2])
        and all(parse_points(c.text) is not None for c in cells[1::2])
    )


_PAIRS_CELLS = 4  # two categories and their points, at least


def layout_doubted(t: EvaluationTable) -> bool:
    """Whether the table's reading is doubted for what a layout decides: its rows and columns
    (not its funds block alone)."""
    return any(
        d.reason != FUNDS_UNREAD and not d.reason.startswith(plausibility.FUNDS_GLUED)
        for d in t.doubts
    )


_AMOUNT_IN = lazy_compile(r"\d[\d,]*\.\d{2}")  # an amount as the funds block prints it (1,386.50)

_RECOGNISE_ROWS = 40  # the title, header, funds and indicator header are within these
# A form's titles and labels are short; a longer cell is narrative, where a label's words
# prove nothing (and normalising it is most of recognition's cost).
_LABEL_CHARS = 64


def _note_line(row: Row) -> bool:
    """A line of its own that is a note or a sentence (表格说明：…。), no row of the form."""
    return len(row.cells) == 1 and _NOTE.search(row.cells[0].text) is not None


_NOTE = lazy_compile(r"[。；;，,]|^(?:表格|填表|填报)?(?:说明|注|备注)[:：]")


def family_of(rows: Sequence[Row]) -> Family:
    """The family of a table, recognised from its rows up to its indicator header (title,
    header, funds, goals and the indicator columns: where a form's own labels are)."""
    head: list[str] = []
    for row in rows[:_RECOGNISE_ROWS]:
        joined = row.joined
        if len(joined) > _LABEL_CHARS:  # narrative (the goals, a project's description)
            joined = "\t".join([c.text for c in row.cells if len(c.text) <= _LABEL_CHARS])
        head.append(joined)
        if ("一级指标" in joined or "三级指标" in joined) and not _note_line(row):
            break  # the indicator header (not a note naming its columns: 各三级指标分值均为10分)
    return recognise(head).family


class _TableBuilder:
    def __init__(self, rows: Sequence[Row], family: Family) -> None:
        self.rows = rows
        self.family = family
        self.t: dict[str, Any] = {
            "project": "",
            "year": None,
            "cells": {},
            "indicators": [],
            "family": family.name,
            "labels": {},
            "fields": {},
            "notes": [],
            "stated_weights": {},
            "subtotals": [],
        }
        self.funds = FundsReader(family, self.t)
        self.tasks = TasksReader(self.t)
        self.goal_cols: dict[str, int] = {}
        self.goal_other: dict[int, str] = {}  # columns the goal block adds, by printed label
        # the columns of the goal's own points (分值 → goal_weight, 得分 → goal_score)
        self.goal_points: dict[int, str] = {}
        self.goal_stated = False  # the block's points stated on its heading, not summed
        # the column of a part's numbered heading printed in the goal header's first cell (三、
        # 目标完成情况 | 年度预期目标 | …), which rows that open in it do not keep
        self.goal_heading: int | None = None
        self.goal_parts: dict[str, list[Cell]] = {"goal_expected": [], "goal_actual": []}
        self.period_goal: Cell | None = None  # the whole period's goal (see _period_goal)
        # the goal labels' columns, and each goal text's column → its goal, read in order
        self.goal_seen: tuple[dict[str, int], dict[int, str]] = ({}, {})
        # a goal's field whose bare label (预期目标：) stands over its items listed below
        self.goal_listed: str | None = None
        self.goal_open: str | None = None  # a labelled goal line's field, its text wrapped on
        self.columns = IndicatorColumns()
        self.ended = False  # a totals row or the fields after it were read: the table is whole
        self.totals_row = False
        self.totals_at = -1  # the 总分 row's index, and its label (合计, 总分 …)
        self.totals_label = ""
        self.header_text = ""  # the indicator header as printed, to know its repeats
        self.header_table: int | None = None  # the table (web page, Word) the header is in
        self.header_cells: dict[str, int] = {}  # its cells' texts, likewise, and their columns
        self.stacked = False  # the header's labels cut in two over two rows (_stacked_header)
        self.ends_with_label = False
        self.section_cells: list[Cell] = []
        self.first_indicator_line: int | None = None  # the indicator header's line
        self.guessed_rows: list[Row] = []  # rows whose figures' columns were a guess
        self.headerless = False  # indicator rows read without their header: a page excerpt
        # the indicator header names the project as a column: a system's export, one row per
        # indicator with its project's fields repeated, several projects in one block
        self.project_column: Cell | None = None
        self.remarks: Cell | None = None  # a sheet's 备注 column's label, right of the head's
        self.omitted = False  # a line saying the rest was left out (（后面两页没复制下来）)
        # the notes being read explain the rows (偏差原因说明：…, a 备注 row), not the form
        self.explaining = False
        self.workflow = False  # a budget system's approval steps being read (审批流程)
        self.goal_labelled: list[int] = []  # the goals' labels' columns (_goal_header)

    def build(self) -> EvaluationTable | None:
        rows = self.rows
        i = 0
        state = resumed = "head"
        while i < len(rows):
            row = rows[i]
            cells = row.cells
            if state == "notes" and not self._form_goes_on(row):
                self._note(row)
            elif (
                _NOTE_START.match(cells[0].text if cells else "")
                or _labelled_note(cells)
                or self._explained_below(cells)
            ):
                self._note(row)
                if state != "notes":
                    resumed, state = state, "notes"
            elif state == "notes":  # the form goes on where the note broke in
                state, self.explaining = resumed, False
                continue
            elif not self._details_sheet(row) and (
                self._is_indicator_header(row) or self._stacked_header(i)
            ):
                # (a header on a sheet of its own after the rows and their 总分: a sheet of the
                # rows' details, 附表：指标明细, not the rows again; its cells are reported)
                i = self._indicators(i)
                state = "after"
                continue
            elif (
                state != "after"
                and is_block_label(row)
                and i + 1 < len(rows)
                and is_task_header(rows[i + 1])
            ):
                row.cells[0].used = True  # 年度主要任务 over its header
                self.t["labels"].setdefault("tasks", row.cells[0].text)
            elif (
                state != "after"
                and is_task_header(row)
                # (a form whose tasks' table is its funds block, its rates and 金额合计 its
                # total, before any other: the funds')
                and (self.funds.seen or "执行率" not in row.joined)
            ):
                self.tasks.header(row)  # a 部门整体 form's 年度主要任务
                resumed, state = state, "tasks"
            elif state == "tasks" and not self.tasks.row(row):
                state = resumed  # the block ended: the row read as the form goes on
                continue
            elif state == "tasks":
                pass
            elif len(cells) == 1 and not self.totals_row and _OMITTED.match(cells[0].text):
                cells[0].used = True  # （后面两页没复制下来）: the rest of the table left out here
                self.omitted = True
                self.t["notes"].append(cells[0].text)
            elif _DEDUCTIONS_TOTAL.match(key(cells[0].text) if cells else ""):
                self._deductions_total(row)  # 扣分合计 | 3.36 under the rows of a form so scored
            elif self._scaled_sum(row):
                pass  # 绩效指标得分(百分制) | 100, 绩效指标折算得分(×80%) | 80 under the rows
            elif starts_table(row):
                self._title(row)
                self._header(row)  # keys printed after the title on its line (项目名称 …)
            elif cells and all(lb.is_seal(c.text) for c in cells):
                for c in cells:  # （盖章）, ◎某某局单位公章: the seal's place or its OCR'd words
                    c.used = True
                    self.t["fields"].setdefault("盖章", c.text)
            elif cells and lb.SIGNED.match(cells[0].text) and all(map(_signing, cells)):
                for c in cells:  # 填报人：张立新 on its own line, 联系电话：… and the date beside
                    if not self._signed(c):
                        self._set_field("", "日期", c.text, c)
                        c.used = True
            elif cells and self._workflow(row):
                pass  # 审批流程, 环节 | 处理人 | 处理时间 | 处理意见 and its steps: the system's
            elif cells and all(lb.is_system_line(c.text) for c in cells):
                for c in cells:  # 电子签章：…, 打印时间：…, （二维码）扫码查看…: the system's marks
                    label, colon, said = c.text.partition("：" if "：" in c.text else ":")
                    self._set_field("", label.strip() if colon else "二维码", said or c.text, c)
                    c.used = True
            elif cells and (keyed := _sign_off_cells(cells)) is not None:
                for k, value in keyed:  # 填表人： | 孙晓东 | 联系电话： | 0539-…, a sheet's cells
                    if value is None:
                        self._signed(k)
                    else:
                        k.used = value.used = True
                        self._set_field("", k.text.rstrip(":： "), value.text, value)
            elif self._text_field(row):
                i += self._field_below(rows, i)  # the label alone on its line, its text below
            elif state in ("head", "funds") and self.funds.sentence(row):
                state = "funds"  # (项目资金情况 | 年初预算数120万元，…: no header, though it names some)
            elif is_fund_header(row, self.family):
                lower = rows[i + 1] if i + 1 < len(rows) else None
                if lower is not None and (
                    completes_header(row, lower, self.family)
                    or tails_realigned(row, lower, self.family)
                ):
                    _join_stacked(row, lower, _column_by_column(row, lower) or row)
                    i += 1  # the labels' ends, read with them
                elif lower is not None and (wider := widened_header(row, lower, self.family)):
                    row = wider  # a column's label on the line under the others'
                    i += 1
                else:
                    i += run_on_header(list(rows[i : i + 5]), self.family)
                self.funds.header(row)
                state = "funds"
            elif state == "head" and self._stacked_funds_header(i):
                self.funds.header(row)  # its labels joined with the row under it
                state = "funds"
                i += 2
                continue
            elif state in ("head", "funds") and self._period_goal(row):
                state = "head"
            elif (
                (state != "after" and (self._goal_block_over_lines(i) or self._goal_line(row)))
                or (state == "goals" and (self._goal_by_row(row) or self._result_row(row)))
                or (state == "after" and self._result_row(row))
            ):
                pass
            elif self._periods_header(row):
                state = "goals"
            elif self._is_goal_header(row):
                self._goal_header(row)
                state = "goals"
            elif state == "head" and self._key_row(i):
                i += 2  # the keys, and the row of their values under them
                continue
            elif self._section_title(row) or self._header(row):
                pass
            elif state == "head" and len(cells) == 1 and _year_line(cells[0].text):
                self._year(cells[0])
            elif state == "funds" and (self.funds.row(row) or self._block_label(row)):
                pass  # (a 20/80 form's 年度绩效目标(80分) alone under the funds: the rows' label)
            elif state == "funds" and len(cells) == 1 and _FUNDS_NOTE.match(cells[0].text):
                self._note(row)  # 全年预算数较年初增加452.26万元，主要为年中追加…: unlabelled
            elif len(cells) == 1 and self._indicators_heading(cells[0]):
                pass  # 年度绩效指标（百分制，按80%折算计入总分） over the rows' header
            elif state == "goals" and cells:
                self._goal_content(row)
            elif state == "after" and not self.totals_row and self._is_total(row):
                self._totals(row)  # the first only: a 合计 further down is another table's
            elif state == "after" and self._score_after_sum(row):
                self._totals(row)  # 合计 the indicators' sum (20/80), 自评总分 the table's
            elif state == "after":
                self._after(row)
            elif state == "head" and (columns := self._headerless(i)) is not None:
                i = self._indicators(i, columns)  # rows recognised as nothing else
                state = "after"
                continue
            elif state == "head":
                self._label_value_pairs(row)
            i += 1
        return self._finish()

    def _form_goes_on(self, row: Row) -> bool:
        """A note printed inside the form (注：年中追加… under the funds block, 说明：… above
        the form's first row), the form going on below it: its head's keys (项目名称 | …), its
        funds header, its tasks, its goal block, its indicator header or its 总分 row ends the
        note."""
        cells = row.cells
        return (
            self._is_goal_header(row)
            or self._is_indicator_header(row)
            or is_fund_header(row, self.family)
            or is_task_header(row)
            or (bool(cells) and self._header_key(cells[0].text) is not None)
            # the 总分 row after a note under the indicators (注：两项来自同一次调查)
            or (bool(self.t["indicators"]) and not self.totals_row and self._is_total(row))
        )

    # -- the parts of the form ------------------------------------------------------------

    def _title(self, row: Row) -> None:
        for c in row.cells:
            if is_title(c.text):
                c.used = True
                self._year(c, quiet=True)
                self.t["labels"].setdefault("title", c.text)
            elif YEAR.search(c.text) and len(c.text) <= 12:
                self._year(c)

    def _year(self, cell: Cell, quiet: bool = False) -> None:
        m = YEAR.search(nfkc(cell.text))
        if m and self.t["year"] is None:
            self.t["year"] = int(m.group(1))
            self.t["cells"]["year"] = cell.ref()
            cell.used = True
        elif not quiet and m:
            cell.used = True

    def _header_key(self, text: str) -> tuple[str, str, str] | None:
        return header_key(text, self.family)

    def _key_row(self, i: int) -> bool:
        """Header keys printed as column labels over a row of their values (项目编码 | 项目名称 |
        主管部门 | … over 5111… | 地质灾害群测群防员补助 | …, a system's export): each value is its
        key's, by column; the other labels keep theirs as fields. False when row ``i`` is not
        such a row."""
        rows = self.rows
        if i + 1 >= len(rows) or header_hint(self.family).search(rows[i].joined) is None:
            return False
        keys = {c.column: self._header_key(c.text) for c in rows[i].cells}
        found = {k: kv for k, kv in keys.items() if kv is not None and not kv[2]}
        below = {c.column: c for c in rows[i + 1].cells}
        if len(found) < _KEY_ROW_KEYS or not set(found) <= set(below):
            return False
        if any(keys[c.column] is None and not _COLUMN_LABEL.search(c.text) for c in rows[i].cells):
            return False  # a value beside its key (某区司法局), not a column's label (单位编码)
        if is_fund_header(rows[i + 1], self.family) or any(
            self._header_key(c.text) for c in below.values()
        ):
            return False  # the row below is the next block's labels, not the keys' values
        for c in rows[i].cells:
            value = below.get(c.column)
            if value is None:
                continue
            kv = keys[c.column]
            field, label = (kv[0], kv[1]) if kv is not None else ("", key(c.text))
            self._set_field(field, label, value.text, value)
            c.used = value.used = True
        return True

    def _header(self, row: Row) -> bool:
        """Header keys and their values (several per row); False when the row has none."""
        if header_hint(self.family).search(row.joined) is None:
            return False
        cells = row.cells
        keys = [self._header_key(c.text) for c in cells]
        if not any(keys):
            return False
        i = 0
        while i < len(cells):
            c = cells[i]
            kv = keys[i]
            if kv is None:
                if self._remarks_label(c, last=i == len(cells) - 1):
                    i += 1
                    continue
                if self._signed(c):  # 填表人：刘敏 beside 填报日期：…
                    i += 1
                    continue
                if self._person_beside(c, cells[i + 1] if i + 1 < len(cells) else None):
                    i += 2  # 项目名称 | … | 项目负责人 | 孙立华 (the municipalities' head)
                    continue
                i += 2 if self._year_after(c, cells[i + 1] if i + 1 < len(cells) else None) else 1
                continue
            field, label, glued = kv
            c.used = True
            value_cell: Cell | None = c if glued else None
            value = glued
            if (
                not glued
                and i + 1 < len(cells)
                and keys[i + 1] is None
                # (a list's column labels: 单位名称 | 项目名称 | 全年预算数（元）, no key's value)
                and not names_a_column(cells[i + 1].text, self.family)
            ):
                value_cell = cells[i + 1]
                value = value_cell.text
                value_cell.used = True
                i += 1
                while i + 1 < len(cells) and cells[i + 1].text == value and keys[i + 1] is None:
                    # a merged cell's copies in the cells it spans (a sheet saved as .csv)
                    cells[i + 1].used = True
                    i += 1
            if value_cell is not None:
                if glued:
                    value = self._trailing_fields(value, value_cell)
                self._set_field(field, label, value, value_cell)
            elif field in ("project", "department", "implementer"):
                self.t["labels"].setdefault(field, label)  # printed, left empty (P109)
            i += 1
        rest = [c for c in row.cells if not c.used]
        if rest and all(_PAIR_LABEL.search(c.text) for c in rest[::2]):
            # 项目类别 | 县直专项 beside 项目属性 | 经常性项目: kept too (not 填报人：… | 联系电话：…,
            # keys with their values, nor a seal's pieces: 沂南县卫生健 | 康局财务专用章)
            self._label_value_pairs(row)
        return True

    def _signed(self, c: Cell) -> bool:
        """A sign-off's key and its value (填表人：刘敏, 联系电话：…) kept as a field, or its key
        left blank (填报人：) read as nothing to read."""
        if (signed := lb.SIGN_OFF.match(c.text)) is None:
            return False
        c.used = True
        if value := c.text[signed.end() :].strip():
            self._set_field("", c.text[: signed.end() - 1].strip(), value, c)
        return True

    def _remarks_label(self, c: Cell, last: bool) -> bool:
        """A sheet's 备注 the last cell of a head's row (项目名称 | … | 备注): the label of the
        column its rows' remarks are written in (``_remarks_read``)."""
        if not last or not _on_sheet(c) or self.remarks is not None or key(c.text) != "备注":
            return False
        c.used = True
        self.remarks = c
        return True

    def _remarks_read(self) -> None:
        """The remarks written in a sheet's 备注 column beside the rows under its label (年中追加
        20万元… beside 年度资金总额) that no part of the form read: the table's notes."""
        label = self.remarks
        if label is None:
            return
        for row in self.rows:
            for c in row.cells:
                if (
                    not c.used
                    and c.column == label.column
                    and row.line > label.line
                    and _sheet(c) == _sheet(label)
                ):
                    c.used = True
                    self.t["notes"].append(f"{label.text}：{c.text}")

    def _person_beside(self, label: Cell, value: Cell | None) -> bool:
        """A person's field among the head's keys (项目负责人 | 孙立华): kept as the field its own
        row would be (``_text_field``)."""
        named = self._field_label(label)
        if named is None or named[0] not in _PERSON_FIELDS or named[2]:
            return False
        if value is None or self._header_key(value.text) or self._field_label(value):
            return False
        label.used = value.used = True
        self._store_field(named, value.text, label)
        return True

    def _year_after(self, label: Cell, value: Cell | None) -> bool:
        """年度 | 2024 among the head's keys: the year the table reports."""
        if value is None or key(label.text) not in _YEAR_KEYS or not _BARE_YEAR.match(value.text):
            return False
        label.used = value.used = True
        if self.t["year"] is None:
            self.t["year"] = int(value.text[:4])
            self.t["cells"]["year"] = value.ref()
        return True

    def _unit_names(self) -> frozenset[str]:
        """The units the table's head names (主管部门, 实施单位, 地方主管部门, 资金使用单位 …): whose
        seals may be stamped over its rows."""
        t = self.t
        named = [t.get("department"), t.get("implementer")]
        named += [v for k, v in t["fields"].items() if k.endswith(("单位", "部门"))]
        return frozenset(n for n in named if n and len(n) >= lb.UNIT_NAME)

    def _trailing_fields(self, value: str, cell: Cell) -> str:
        """A key's value glued in one cell with the next keys of its line (单位名称：某局 填报日期：
        2024年3月18日): the value up to the first of them; each of them kept as a field."""
        parts = _TRAILING_FIELD.split(value)
        if len(parts) < 3 or not parts[0].strip():
            return value
        for label, rest in zip(parts[1::2], parts[2::2], strict=True):
            self.t["fields"].setdefault(label, rest.strip())
            self.t["cells"].setdefault(f"field:{label}", cell.ref())
        return parts[0].strip()

    def _set_field(self, field: str, label: str, value: str, cell: Cell) -> None:
        if field in ("project", "department", "implementer"):
            if not self.t.get(field):
                self.t[field] = value
                self.t["cells"][field] = cell.ref()
                self.t["labels"].setdefault(field, label)
        else:
            self.t["fields"].setdefault(label, value)
            self.t["cells"].setdefault(f"field:{label}", cell.ref())

    def _section_title(self, row: Row) -> bool:
        """Numbered section titles (一、基本情况) and the amount unit stated on its own
        (金额单位：万元, 单位：元): the form's layout, read and kept."""
        if _SECTION_HINTS.search(row.joined) is None:
            return False
        found = False
        cells = row.cells
        for n, c in enumerate(cells):
            first = c.text[:1]
            k = key(c.text)
            if first in "(（":
                if not _unit_line(k):
                    continue  # of what opens in a bracket, only the unit: （单位：万元）
            elif first > " " and first.isascii() and first not in _SECTION_FIRST:
                continue  # an amount, most often: its key starts the same (ASCII is normal)
            elif k[:1] not in _SECTION_FIRST:
                continue
            if _FURNITURE.match(k):
                c.used = found = True
            elif _unit_line(k):
                unit = stated_unit(k)
                after = cells[n + 1] if n + 1 < len(cells) else None
                if not unit and after is not None and after.text in _AMOUNT_UNITS:
                    unit = after.text  # 金额单位 | 万元: the unit in the cell after its key
                    after.used = True
                if unit:
                    self.t["amount_unit"] = unit
                c.used = found = True
            elif _SECTION.match(k):
                self.t["labels"].setdefault(f"section:{k}", c.text)
                c.used = found = True
        return found and all(c.used for c in row.cells)  # else the rest of the row is read on

    def _label_value_pairs(self, row: Row) -> None:
        """A header row of label | value pairs the family has no key for (项目类别 | …,
        基本支出总额 | 864.2万 | 项目支出总额 | 0): kept in ``fields`` under each label."""
        cells = [c for c in row.cells if not c.used]
        if len(cells) < 2 or len(cells) % 2:
            return
        labels = cells[0::2]
        if any(len(c.text) > 12 or parse_points(c.text) is not None for c in labels):
            return
        for label, value in zip(labels, cells[1::2], strict=True):
            self._set_field("", key(label.text), value.text, value)
            label.used = value.used = True

    def _field_label(self, cell: Cell) -> tuple[str, str, str] | None:
        return field_label(cell.text, self.family)

    def _text_field(self, row: Row) -> bool:
        """A printed field of the form's own (评价结论 | …, 项目负责人：…), kept under its
        field; several on one row (项目负责人：… | 财务负责人：…) each under its own."""
        cells = row.cells
        first = self._field_label(cells[0]) if cells else None
        if first is None:
            return False
        current = first
        text: list[str] = [first[2]]
        anchor = cells[0]
        anchor.used = True
        for c in cells[1:]:
            c.used = True
            another = self._field_label(c)
            if another is not None:
                self._store_field(current, "".join(text), anchor)
                current, text, anchor = another, [another[2]], c
            else:
                text.append(collapse_spaces(c.raw or c.text))
        self._store_field(current, "".join(text), anchor)
        if self.t["indicators"]:
            self.ended = True
        return True

    def _field_below(self, rows: Sequence[Row], i: int) -> int:
        """A field's label alone on its row, left empty, and under it one cell of prose that
        no other part of the form claims (2.项目实施内容及过程概述 / 由县文化馆组织…) or a bare
        无: the field's text, stored under it, with the lines its sentence wraps onto (…农村学校
        生源 / 减少，在校学生人数下降。). The rows taken below the label."""
        row = rows[i]
        named = self._field_label(row.cells[0]) if len(row.cells) == 1 else None
        if named is None or named[2] or i + 1 >= len(rows) or not self._field_text(rows[i + 1]):
            return 0
        lines = [rows[i + 1].cells[0]]
        while (
            lines[-1].text.rstrip()[-1:] not in _CLOSES_SENTENCE
            and i + 1 + len(lines) < len(rows)
            and self._field_text(rows[i + 1 + len(lines)], wrapped=True)
        ):
            lines.append(rows[i + 1 + len(lines)].cells[0])
        for c in lines:
            c.used = True
        self.t["fields"][named[0]] = "".join(collapse_spaces(c.raw or c.text) for c in lines)
        return len(lines)

    def _field_text(self, row: Row, wrapped: bool = False) -> bool:
        """``row`` a field's text under its label: one cell of prose, or of 无 where it is the
        first; ``wrapped``, the rest of a sentence the line above left open."""
        if len(row.cells) != 1:
            return False
        text = row.cells[0].text.strip()
        if not wrapped and text and is_placeholder(text):
            return True  # 无, —: the field answered with nothing
        if not wrapped and (not _SENTENCE_END.search(text) or len(text) < _GOAL_TEXT):
            return False
        if not text or is_placeholder(text) or self._field_label(row.cells[0]) is not None:
            return False
        if wrapped and (starts_table(row) or self._goal_label(text) is not None):
            return False
        return not (self._is_goal_header(row) or self._is_indicator_header(row))

    def _store_field(self, named: tuple[str, str, str], text: str, cell: Cell) -> None:
        field, label, _ = named
        fields = self.t["fields"]
        fields[field] = fields.get(field, "") + text.strip()
        self.t["labels"].setdefault(field, label)
        self.t["cells"].setdefault(f"field:{field}", cell.ref())

    def _note(self, row: Row) -> None:
        cells = row.cells
        if _labelled_note(cells) and cells[0].text[-1] not in ":：":
            text = f"{cells[0].text}：{cells[1].text}"  # 说明 | 本表… as 说明：本表…
        else:
            text = "".join(c.text for c in cells)
        for c in row.cells:
            c.used = True
        first = cells[0].text if cells else ""
        if self._explained_below(cells):
            self.explaining = True
        elif _NOTE_START.match(first) or _labelled_note(cells):  # a note of its own begins
            self.explaining = (  # (a 备注 row on a form with a column for the rows' reasons)
                _REMARKS.match(first) is not None and "explanation" in self.t["labels"]
            )
        # the rows' explanations by the cell of their text, for the rules to find each row's
        kind = "explained" if self.explaining else "note"
        self.t["cells"][f"{kind}:{len(self.t['notes'])}"] = cells[-1].ref()
        self.t["notes"].append(text)
        self.ended = self.ended or bool(self.t["indicators"])

    def _explained_below(self, cells: list[Cell]) -> bool:
        """The heading, alone on its line, of the rows' explanations written under the table
        (偏差原因说明：, 附件：偏差原因分析及改进措施) on a form with a column for them: its items
        (1.某指标未达目标：…) are the table's notes, each row's explanation where it names it."""
        return (
            len(cells) == 1
            and "explanation" in self.t["labels"]
            and _EXPLAINED_BELOW.match(cells[0].text) is not None
        )

    # -- goals ------------------------------------------------------------------------------

    def _goal_label(self, text: str) -> str | None:
        return goal_label(text, self.family)

    @staticmethod
    def _lone_goal(row: Row) -> bool:
        """The goal printed beside the block's own label on a row of two cells (年度总体目标 |
        text, as a system's export gives it): the expected goal; on a row of three, the goal
        and its result after it, as the form orders them, with no label of their own."""
        cells = row.cells
        return (
            len(cells) in (2, 3)
            and all(len(c.text) >= _GOAL_TEXT for c in cells[1:])
            and _POINTS_AFTER.sub("", key(cells[0].text)) in LONE_GOAL_LABELS
        )

    def _is_goal_header(self, row: Row) -> bool:
        if self._lone_goal(row):
            return True
        if goal_hint(self.family).search(ocr_label(row.joined)) is None:  # 实际宪成情况 too
            return False
        found = {self._goal_label(c.text) for c in row.cells} - {None}
        if "goal_expected" in found and "goal_actual" in found:
            return True
        first = row.cells[0].text if row.cells else ""
        if len(row.cells) == 1 and key(first) in _OLDER_GOAL_LABELS:
            return True  # 绩效目标 alone on its line, its text on the next (2015–2019 forms)
        if found and self.goal_cols and self._goal_label(first) in found - self.goal_cols.keys():
            return True  # the block's next label on a row of its own (实际完成情况 | text)
        if len(row.cells) == 2 and self._goal_label(first) and len(row.cells[1].text) >= _GOAL_TEXT:
            return True  # a goal as a labelled field: 年度绩效目标 | text, 目标实现情况 | text
        # under the block's label, whole or the first piece of it down its rows (年度总体 /
        # 目标, the goals' labels stacked on lines of their own)
        return bool(found) and (
            any(w in key(first) for w in _GOAL_ANCHORS)
            or (len(first) >= 2 and lb.is_vertical_fragment(first, "年度总体目标"))
            # (the part's numbered heading: 二、绩效目标完成情况 | 年度目标 | 实际完成)
            or (is_part_heading(first) and "目标" in first)
        )

    def _goal_header(self, row: Row) -> None:
        """The goal block's labels: they name the columns of the rows below. Text beside a
        label on its own row (年度目标1:(80分) | text) is the goal itself; a short last label
        the family does not know (总体完成率(%)) is a column kept under its label."""
        cells = row.cells
        self.goal_cols = {}
        self.goal_other = {}
        self.goal_heading = (
            cells[0].column if len(cells) > 2 and is_part_heading(cells[0].text) else None
        )
        # the columns of the goals' own labels after the block's (年度总体目标 | 实施期目标 |
        # 年度目标 | 全年实际完成情况): a copy dropping the empty cell under the block's label
        # prints each text a column left of its label (_goal_content)
        self.goal_labelled = (
            [c.column for c in cells[1:]]
            if len(cells) > 2 and self._goal_label(cells[0].text) is None
            else []
        )
        if (
            len(cells) == _LABELLED
            and (field := self._goal_label(cells[0].text)) is not None
            and len(cells[1].text) >= _GOAL_TEXT
        ):
            # one goal's label and its text beside it (目标实际完成情况 | 年度目标基本完成：…), the
            # text whatever words it opens with
            cells[0].used = True
            self.goal_cols[field] = cells[0].column
            self.t["labels"].setdefault(field, unnumbered(cells[0].text))
            self._add_goal(field, cells[1])
            return
        if self._lone_goal(row):
            label, text, *result = cells
            label.used = True
            self.goal_cols["goal_expected"] = label.column
            self.t["labels"].setdefault("goal_expected", unnumbered(label.text))
            self._add_goal("goal_expected", text)
            # the goal's text going on on the next line (…改造工程 / 竣工验收合格率100％…。),
            # a text run's wrapped line: no result, which would follow a sentence's end (on
            # one line, the cells are the goal and its result, however the goal ends)
            going_on = not text.text.rstrip().endswith(SENTENCE_ENDS) and all(
                c.line > text.line for c in result
            )
            into = "goal_expected" if going_on else "goal_actual"
            for c in result:
                self.goal_cols.setdefault(into, c.column)
                self._add_goal(into, c)
            return
        texts: list[Cell] = []
        if self._goal_totals(cells):
            return  # 二、年度目标完成情况 | 分值 | 20 | 自评得分 | 20: the block's points stated
        labelled = any(self._goal_label(c.text) is not None for c in cells)
        if labelled and any(c.text in lb.GOAL_POINTS for c in cells):
            self.goal_points = {}  # the goals' own header: its 分值 and 得分 columns hold
        for i, c in enumerate(cells):
            c.used = True
            block_label = (
                i == 0 and len(cells) > 2 and any(key(c.text).startswith(a) for a in _BLOCK_LABELS)
            )
            field = None if block_label else self._goal_label(c.text)
            if i == 0:
                block_named = block_label and key(c.text) != "年度总体目标"
            if key(c.text) in _OTHER_GOALS:
                self.goal_other[c.column] = c.text  # 长期目标 beside the year's: kept apart
            elif c.text in lb.GOAL_POINTS:
                self.t["labels"].setdefault("goal.points", c.text)  # the goal block is scored
                self.goal_points.setdefault(c.column, self._points_field(c.text))
            elif field is not None:
                self.goal_cols.setdefault(field, c.column)
                self.t["labels"].setdefault(field, unnumbered(c.text))
            elif i > 0 and key(c.text) == "年度总体目标" and block_named:
                # under the block's own label (年度总体目标完成情况 | 年度总体目标 | … | 年度目标
                # 完成情况, 四川's 部门整体 form): the goal set, beside its completion
                self.goal_cols.setdefault("goal_expected", c.column)
                self.t["labels"].setdefault("goal_expected", c.text)
            elif i == 0 or (
                len(c.text) < _GOAL_TEXT and any(w in key(c.text) for w in _GOAL_ANCHORS)
            ):
                continue  # the block's own label (年度总体目标, 项目基本情况), not a text naming it
            elif lb.is_vertical_fragment(c.text, "年度总体目标"):
                continue
            elif (
                "goal_expected" in self.goal_cols
                and "goal_actual" not in self.goal_cols
                and lb.is_result_label(c.text)
            ):
                # a result's own words after the expected's (预期目标 | 目标完成情况)
                self.goal_cols["goal_actual"] = c.column
                self.t["labels"].setdefault("goal_actual", c.text)
            elif (
                len(c.text) <= 16
                and i == len(cells) - 1
                and len(self.goal_cols) > 1
                and not _SENTENCE_END.search(c.text)  # a label, not a short goal (…2.71万册。)
            ):
                self.goal_other[c.column] = c.text
            elif self.goal_cols:
                texts.append(c)
        if len(texts) > 1 and len(texts) == len(self.goal_cols):
            # the texts on the labels' line, as many as the labels: each under its label, in
            # order (年度总体目标 预期目标 实际完成情况 text text, a copy without the cells)
            by_column = sorted(self.goal_cols, key=self.goal_cols.__getitem__)
            for field, c in zip(by_column, texts, strict=True):
                self._add_goal(field, c)
        else:
            for c in texts:
                self._goal_text(c)

    def _goal_totals(self, cells: list[Cell]) -> bool:
        """The goal block's heading with its points and score each after its label (二、年度
        目标完成情况 | 分值 | 20 | 自评得分 | 20): read as the block's, the rows below each
        goal's own."""
        if any(self._goal_label(c.text) is not None for c in cells):
            return False  # (a header over the goals' texts and points, whatever follows it)
        found = [
            (self._points_field(c.text), nxt)
            for c, nxt in itertools.pairwise(cells)
            if c.text in lb.GOAL_POINTS and parse_points(nxt.text) is not None
        ]
        if not found:
            return False
        for c in cells:
            c.used = True
        for field, number in found:
            self.t[field] = parse_points(number.text)
            self.t["cells"][field] = number.ref()
        self.goal_stated = True
        return True

    @staticmethod
    def _points_field(label: str) -> str:
        return "goal_weight" if label in lb.GOAL_WORTH else "goal_score"

    def _goal_line(self, row: Row) -> bool:
        """A goal written as a labelled line of its own (预期目标：全年培育…, 实际完成情况：…),
        or a row of such cells after the goal block's label (年度总体目标 | 预期目标：… |
        实际完成情况：…): each text (after its label) as that goal's. False for any other row."""
        cells = row.cells
        listed, self.goal_listed = self.goal_listed, None
        if listed is not None and len(cells) == 1 and _LIST_ITEM.match(cells[0].text):
            # an item of the goal listed under its bare label (预期目标： / - 1.组建…)
            cells[0].used = True
            self._add_goal(listed, cells[0])
            self.goal_listed = listed
            return True
        if len(cells) == 1 and (bare := _BARE_GOAL_LABEL.match(cells[0].text)) is not None:
            # 预期目标： alone: its items may be listed on the lines below (read as they come;
            # the label itself as before)
            self.goal_listed = self._goal_label(bare.group(1))
        wrapped, self.goal_open = self.goal_open, None
        if wrapped is not None and self._wraps_goal(row, wrapped):
            self._add_goal(wrapped, cells[0])  # …高血压患者规 / 范管理3.1万人以上…。
            self.goal_open = wrapped
            return True
        if len(cells) > 1 and (
            any_label(cells[0].text, _GOAL_BLOCK)
            # (年度总体 | 预期目标：… / 目标 | 实际完成情况：…, the label wrapped down its lines)
            or (len(cells) == _LABELLED and lb.is_vertical_fragment(cells[0].text, "年度总体目标"))
        ):
            cells = cells[1:]
            if not cells or len(cells) > 2:
                return False
        elif len(cells) != 1:
            return False
        found = []
        for c in cells:
            m = _GOAL_LINE.match(c.text)
            if m is None:
                return False
            field = self._goal_label(m.group(1))  # 年度目标完成情况 the result's, not 年度目标*
            if field is None:
                return False
            found.append((field, c, m))
        for field, c, m in found:
            part = c.piece(m.group(2))
            c.used = True
            self._add_goal(field, part)
            self.t["labels"].setdefault(field, m.group(1))
        if len(row.cells) > len(cells):
            row.cells[0].used = True  # the block's label
        if len(found) == 1:
            self.goal_open = found[0][0]
        return True

    def _goal_block_over_lines(self, i: int) -> bool:
        """The goal block's label alone on its line (年度总体目标), its goals labelled on the
        lines below it (预期目标： / 对大寅镇… / 实际完成情况：…, or 预期目标 | its text): the
        label, used."""
        cells = self.rows[i].cells
        if len(cells) != 1 or not any_label(cells[0].text, _GOAL_BLOCK) or i + 1 >= len(self.rows):
            return False
        below = self.rows[i + 1].cells
        if len(below) == 2:  # (预期目标 | its text: the label over lines of its own, laid out)
            label: str | None = below[0].text
        elif len(below) == 1:
            m = _BARE_GOAL_LABEL.match(below[0].text) or _GOAL_LINE.match(below[0].text)
            label = m.group(1) if m is not None else None
        else:
            return False
        if label is None or self._goal_label(label) is None:
            return False
        cells[0].used = True
        return True

    def _wraps_goal(self, row: Row, field: str) -> bool:
        """``row`` is the rest of a labelled goal line's text wrapped onto a line of its own:
        one cell, no label or labelled line, the text before it not at a sentence's end."""
        cells = row.cells
        before = self.goal_parts[field][-1].text if self.goal_parts[field] else ""
        return (
            len(cells) == 1
            and bool(before)
            and not before.endswith(("。", "；", ";"))
            and _GOAL_LINE.match(cells[0].text) is None
            and lb.label_kind(cells[0].text) is None
            and self._goal_label(cells[0].text) is None
            and lb.SIGN_OFF.match(cells[0].text) is None
        )

    def _periods_header(self, row: Row) -> bool:
        """The older form's goal header with the periods as its columns (总体目标 | 长期目标 |
        年度目标): the year's column and the long term's kept for the rows below."""
        cells = row.cells
        if not 2 <= len(cells) <= _PERIOD_CELLS or "长期" not in row.joined:
            return False  # most rows: no period's label (a first look, without the keys)
        keys = [key(c.text) for c in cells]
        year = next((c for c, k in zip(cells, keys, strict=True) if k in _YEAR_GOALS), None)
        longer = [c for c, k in zip(cells, keys, strict=True) if k in _OTHER_GOALS]
        if (
            year is None
            or not longer
            or any(self._goal_label(c.text) == "goal_actual" for c in cells)
        ):
            return False  # 总体目标 | 长期目标 | 年度目标 | 实际完成情况: the goals as columns
        self.goal_cols = {"goal_expected": year.column}
        self.goal_other = {c.column: c.text for c in longer}
        for c in cells:
            c.used = True  # the block's label, and the periods
        return True

    def _goal_by_row(self, row: Row) -> bool:
        """The older form's goals with the periods as columns (总体目标 | 长期目标 | 年度目标) and
        the goals as rows (预期目标 | … | … / 实际完成情况 | … | …): the year's column of each
        row is that goal; the long-term column is kept as a field. False for any other row."""
        cells = row.cells
        if len(cells) < 2 or not self.goal_other or len(self.goal_cols) != 1:
            return False
        field = self._goal_label(cells[0].text)
        if field not in ("goal_expected", "goal_actual"):
            return False
        (year,) = self.goal_cols.values()
        cells[0].used = True
        self.t["labels"].setdefault(field, cells[0].text)
        for c in cells[1:]:
            period = self.goal_other.get(c.column)
            if period is not None:
                name = f"{period}（{cells[0].text}）"
                self.t["fields"][name] = c.text
                self.t["cells"].setdefault(f"field:{name}", c.ref())
                c.used = True
            elif c.column >= year or c is cells[-1]:
                self._add_goal(field, c)
        return True

    def _is_result_row(self, row: Row) -> bool:
        """The result's own row under a goal read beside its label (年度目标(80分) | … /
        总体目标完成情况 | …, or 目标完成情况 | … under the rows): a label naming a result that
        no family lists, and its text."""
        cells = row.cells
        return not (
            len(cells) != 2
            or set(self.goal_cols) != {"goal_expected"}
            or not self.goal_parts["goal_expected"]
            or self.goal_parts["goal_actual"]
            or len(cells[1].text) < _GOAL_TEXT
            or not lb.is_result_label(cells[0].text)
            # (the older forms' 目标完成情况 is such a label, wherever it stands)
            or (
                self._goal_label(cells[0].text) is not None
                and key(cells[0].text) not in _OLDER_GOAL_LABELS
            )
        )

    def _result_row(self, row: Row) -> bool:
        """The result read from its own row (``_is_result_row``); False for any other row."""
        if not self._is_result_row(row):
            return False
        cells = row.cells
        cells[0].used = True
        self.goal_cols["goal_actual"] = cells[1].column
        self.t["labels"].setdefault("goal_actual", cells[0].text)
        self._add_goal("goal_actual", cells[1])
        return True

    def _goal_text(self, cell: Cell) -> None:
        field = next(iter(self.goal_cols)) if len(self.goal_cols) == 1 else "goal_expected"
        self._add_goal(field, cell)

    def _period_goal(self, row: Row) -> bool:
        """The goal of the project's whole period beside its label, before the year's goal
        block (总体目标(2021—2022年) | 两年建成高标准农田5.5万亩…): kept as a field; the form's
        goal when it prints no other."""
        cells = row.cells
        if len(cells) != 2 or _PERIOD_GOAL.match(key(cells[0].text)) is None:
            return False
        text = cells[1]
        if len(text.text) < _PERIOD_GOAL_TEXT or self._goal_label(key(text.text)) is not None:
            return False
        cells[0].used = text.used = True
        self._set_field("", key(cells[0].text), text.text, text)
        self.period_goal = text
        return True

    def _add_goal(self, field: str, cell: Cell) -> None:
        self.goal_parts[field].append(cell)
        cell.used = True
        self.t["cells"].setdefault(field, cell.ref())

    def _block_label(self, row: Row) -> bool:
        """绩效指标, 年度绩效目标(80分) on a line of its own: the next block's label, kept."""
        if len(row.cells) != 1 or ("指标" not in row.joined and "分" not in row.joined):
            return False
        title, points = lb.weight_note(row.cells[0].text)
        if not (lb.is_section_fragment(title) and ("指标" in title or points is not None)):
            return False
        row.cells[0].used = True
        self.t["labels"].setdefault(f"section:{key(title)}", row.cells[0].text)
        return True

    def _goal_content(self, row: Row) -> None:
        """Each cell goes to the goal whose header column it sits under (or is nearest to).

        Pasted text drops empty cells, so the columns no longer line up; a row with one cell
        per goal, not under the header's columns, is read in order.
        """
        if self._block_label(row):
            return
        if any(lb.is_stamp(c.raw or c.text) for c in row.cells) and all(
            lb.is_stamp(c.raw or c.text) or lb.unit_like(c.text) for c in row.cells
        ):
            return  # a seal's text under the goals (三台县水利局 | （盖章）): no goal's, reported
        if row.cells and all(c.text in lb.GOAL_POINTS for c in row.cells):
            for c in row.cells:  # 分值 | 得分 over the goal's own points, on a row of their own
                c.used = True
            self.t["labels"].setdefault("goal.points", row.cells[0].text)
            return
        if "goal.points" in self.t["labels"] and all(
            parse_points(c.text) is not None for c in row.cells
        ):
            # the goal's points, kept as printed (the checks do not use them)
            printed = [self.t["fields"].get("年度总体目标分值", ""), *(c.text for c in row.cells)]
            self.t["fields"]["年度总体目标分值"] = " ".join(p for p in printed if p)
            for c in row.cells:
                c.used = True
            return
        cols = self.goal_cols or {"goal_expected": 2, "goal_actual": 5}
        other = self.goal_other
        if (row.cells and row.cells[0].column == self.goal_heading) or (
            self.goal_labelled
            and not any(self.goal_parts.values())  # (the texts' first row, none read yet)
            and [c.column for c in row.cells] == [col - 1 for col in self.goal_labelled]
            and all(len(c.text) >= _GOAL_TEXT for c in row.cells)
        ):
            # the texts open in the heading's column, or a copy that dropped the empty cell
            # under the block's label (| 实施期 text | 年度 text | 完成 text |): each goal's a
            # column left of its label
            cols = {field: col - 1 for field, col in cols.items()}
            other = {col - 1: label for col, label in other.items()}
        cells = []
        goal = sum(1 for k in self.t["cells"] if k.startswith("goal_weight:")) + 1
        for c in row.cells:
            field = self.goal_points.get(c.column)
            if field is not None and (points := parse_points(c.text)) is not None:
                # the goal's points or its score under its header's 分值 / 得分: each goal's
                # kept (年度目标1 | … | 7 | 7); the block's their sum, unless its heading
                # stated it
                c.used = True
                self.t["cells"][f"{field}:{goal}"] = c.ref()
                if self.t.get(field) is None:
                    self.t[field] = points
                    self.t["cells"][field] = c.ref()
                elif not self.goal_stated:
                    self.t[field] = round(self.t[field] + points, 2)
                continue
            if (lb.is_vertical_fragment(c.text, "年度总体目标") and len(c.text) <= 6) or (
                len(c.text) <= _VERTICAL_PIECE and lb.is_vertical_fragment(c.text, "绩效指标")
            ):
                c.used = True  # (绩 / 效 / 指 / 标 down the next block's label column)
            elif c.column in other:
                label = other[c.column]
                self.t["fields"][label] = (self.t["fields"].get(label, "") + " " + c.text).strip()
                c.used = True
            else:
                cells.append(c)
        in_order = sorted(cols, key=cols.__getitem__)
        once = [c for k, c in enumerate(cells) if k == 0 or c.text != cells[k - 1].text]
        if len(cells) > len(cols) == len(once):
            # a copy printing a merged cell again in each column it spans (a Word table's
            # rows as a converter gives them: 目标 | A | A | A | B | B | B): each text once
            for c in cells:
                c.used = True
            cells = once
        if len(cells) == 1 and len(cols) == 2 and (pair := _goals_in_one(cells[0])):
            cells[0].used = True
            for c, field in zip(pair, in_order, strict=True):
                self._add_goal(field, c)
            return
        if len(cells) == len(cols) and any(c.column not in cols.values() for c in cells):
            fields = in_order
            # the columns the texts stand in, off the labels' (a layout's columns counted
            # line by line): a text's line wrapped alone into one of them is that goal's
            if len(cols) > 1:
                placed = zip(cells, fields, strict=True)
                self.goal_seen = (dict(cols), {c.column: f for c, f in placed})
        else:
            seen = self.goal_seen[1] if self.goal_seen[0] == cols else {}
            fields = [
                seen.get(c.column)
                or min(cols, key=lambda f: (abs(cols[f] - c.column), f != "goal_expected"))
                for c in cells
            ]
        if len(cells) == 1 and len(cols) > 1:
            fields = [self._goal_left_open(fields[0], cells[0].text)]
        for c, field in zip(cells, fields, strict=True):
            self._add_goal(field, c)

    def _goal_left_open(self, field: str, text: str) -> str:
        """The goal a line of text alone goes on with: ``field``, unless its text ended with a
        full stop and the other goal's text stops after a clause's mark (…。 | 已在南江、 /
        长寿、龙门…: a mail client's wrap of the row's last cell, its rest at the line's start),
        or is yet empty, the result's column printed, and the line no goal's of a list (a scan's
        goal and result a line each, both under the goal's label)."""
        parts = self.goal_parts[field]
        if not parts or not parts[-1].text.endswith("。"):
            return field
        if (
            field == "goal_expected"
            and "goal_actual" in self.goal_cols
            and not self.goal_parts["goal_actual"]
            and len(text) >= _GOAL_TEXT
            and lb.LISTED_GOAL.match(text) is None
            and lb.LISTED_GOAL.match(parts[0].text) is None
        ):
            return "goal_actual"
        open_ = [
            f
            for f, cells in self.goal_parts.items()
            if f != field
            and cells
            and (
                cells[-1].text.endswith(_CLAUSE_MARKS)
                # (the result begun on a line of its own and not yet ended: its rest)
                or (f == "goal_actual" and not cells[-1].text.endswith(_TEXT_ENDS))
            )
        ]
        return open_[0] if len(open_) == 1 else field

    # -- indicators -------------------------------------------------------------------------

    def _is_indicator_header(self, row: Row) -> bool:
        """The 绩效指标 header: a cell that is the 一级指标 or 三级指标 label, or the upper row
        of a two-row header (年度指标值 … 实际完成值 over the columns they span)."""
        joined = row.joined
        if not ("指标" in joined or "目标值" in joined):
            return False
        columns = self.family.indicator_columns
        roles = set()
        for c in row.cells:  # a loop, not a comprehension: this runs on most indicator rows
            role = lookup(c.text, columns)
            if role == "l1" or role == "name":
                return True
            roles.add(role)
        if "l2" in roles:  # 二级指标 beside a scan's 一級指标 or 三级指杯: one character misread
            for c in row.cells:
                if slipped_role(c.text, self.family) in (Role.L1, Role.NAME):
                    return True
        return "target" in roles and "actual" in roles

    def _stacked_header(self, i: int) -> bool:
        """The indicator header printed over two rows, each label cut in two under itself
        (一级 | 二级 | 三级 | 年度 … over 指标 | 指标 | 指标 | 指标值 …): the upper row's cells
        then read as the labels the two rows make column by column (quoting what was printed),
        the lower row's cells used. False, and nothing joined, unless that makes the header."""
        if i + 1 >= len(self.rows):
            return False
        upper, lower = self.rows[i], self.rows[i + 1]
        if len(lower.cells) < 3 or "指标" not in lower.joined or "级" not in upper.joined:
            return False
        whole = _column_by_column(upper, lower)
        if whole is None or not self._is_indicator_header(whole):
            return False
        _join_stacked(upper, lower, whole)
        self.stacked = True
        return True

    def _stacked_funds_header(self, i: int) -> bool:
        """The funds header printed over two rows, its labels cut in two (年度预算 | 年初 | 全年 |
        全年 | 分值 | … over （万元） | 预算数 | 预算数 | 执行数): the upper row's cells joined
        with the lower's column by column (quoting what was printed), the lower row's used.
        False, and nothing joined, unless that makes the funds header."""
        if i + 1 >= len(self.rows):
            return False
        upper, lower = self.rows[i], self.rows[i + 1]
        if len(lower.cells) < _STACKED_PIECES or any(
            len(c.text) > _STACKED_PIECE or _DIGITS.search(c.text) for c in lower.cells
        ):
            return False
        whole = _column_by_column(upper, lower)
        if whole is None or not is_fund_header(whole, self.family):
            return False
        _join_stacked(upper, lower, whole)
        return True

    def _header_tails(self, header: Row, row: Row) -> bool:
        """A header whose cells wrapped, printed as a row of the tails alone with the empty
        cells collapsed (``绩效 | 一级指标 | … | 扣分`` over ``指标 | 原因``): each tail joins,
        in order, the first header cell it completes into a label of the form (扣分原因) or
        into 绩效指标; the header cells then read as the whole labels (quoting what was
        printed). False, and nothing joined, unless every tail finds its cell."""
        tails, heads = row.cells, header.cells
        if not tails or len(tails) >= len(heads) or any(len(c.text) > _TAIL for c in tails):
            return False
        labels = _header_labels(self.family)
        places: list[int] = []
        k = 0
        for c in tails:
            while k < len(heads):
                if _completes(heads[k].text, c.text, labels, self.family):  # not a part of one
                    break
                k += 1
            if k == len(heads):
                return False
            places.append(k)
            k += 1
        for k, c in zip(places, tails, strict=True):
            head = heads[k]
            head.printed = head.printed or head.text
            head.text += c.text
            c.used = True
        return True

    def _header_goes_on(self, header: Row, row: Row) -> bool:
        """A header line that stopped inside its last cell (年度指标 |), the next line
        beginning with the rest of it (值 | 实际完成 |): the rest joins that cell, the line's
        other cells go on the header after it. False, and nothing joined, unless the two
        pieces make a label of the form that they are not both alone (年度 | 指标值: the rest
        may be one, 指标值, where the cell it ends is none)."""
        cells, heads = row.cells, header.cells
        if not cells or not heads or len(cells[0].text) > _TAIL:
            return False
        labels = _header_labels(self.family)
        last, rest = heads[-1], cells[0]
        columns = self.family.indicator_columns
        said = (  # 未完成原因分析 | 及改进措施: the label's rest, opening with its 及
            rest.text[:1] in lb.CUT_PHRASE
            and lookup(last.text, columns) is not None
            and lookup(last.text + rest.text, columns) == lookup(last.text, columns)
        )
        if not said and (
            key(last.text + rest.text) not in labels
            or (key(rest.text) in labels and key(last.text) in labels)
        ):
            return False
        last.printed = last.printed or last.text
        last.text += rest.text
        rest.used = True
        column = last.column
        for c in cells[1:]:
            column += 1
            c.column = column
            heads.append(c)
        header.joined = "\t".join(c.text for c in heads)
        return True

    def _headerless(self, i: int) -> IndicatorColumns | None:
        """The national columns of a page excerpt that begins inside the indicator rows, with
        no header above them (see ``columns.headerless``)."""
        if self.family.indicator_columns not in (DEFAULT.indicator_columns, NATIONAL_COLUMNS):
            return None  # other forms' columns cannot be told from their rows alone
        fund_rows = self.family.fund_rows
        return headerless(self.rows[i : i + 8], lambda t: lookup(t, fund_rows) is not None)

    def _indicators(self, start: int, printed: IndicatorColumns | None = None) -> int:
        """The indicator block from its header at ``start`` (or, with ``printed``, the
        columns of rows printed without one, from ``start``)."""
        family = self.family
        other: IndicatorColumns | None = None  # the header read without a part's heading
        if printed is not None:
            columns, end = printed, start
            self.headerless = True
            if columns.own_categories and not family.own_categories:
                # rows naming categories in their own words (部门管理 | 预算编制 | …): a
                # 部门整体 form's, whatever the rows alone let the family be told as
                family = self.family = DEPARTMENT
                self.t["family"] = family.name
        else:
            while (
                not self.stacked
                and start + 1 < len(self.rows)
                and self.rows[start + 1].joined == self.rows[start].joined
            ):
                # the header printed again at the next page's top before any row (a PDF's
                # pages numbering their grids' columns each its own way): the rows go by it
                for c in self.rows[start].cells:
                    c.used = True
                start += 1
            end = start + 2 if self.stacked else start + 1  # its lower row read with it
            self.header_text = self.rows[start].joined  # as printed, before any joining
            self.header_table = _table_of(self.rows[start])
            self.header_cells = {c.text: c.column for c in self.rows[start].cells}
            while end < len(self.rows) and self._header_goes_on(self.rows[start], self.rows[end]):
                end += 1
            if end < len(self.rows) and self._header_tails(self.rows[start], self.rows[end]):
                end += 1
            _join_cut_explanation(self.rows[start], family)
            close_wrapped_brackets(self.rows[start])
            if end < len(self.rows):
                close_wrapped_brackets(self.rows[end])  # the header's lower row, if it is one
            columns = read_header(self.rows[start], family)
            moved = without_heading(
                self.rows[start], self.rows[end : end + _SUB_HEADERS + 3], family
            )
            other = read_header(moved, family) if moved is not None else None
            self.project_column = next(
                (c for c in self.rows[start].cells if key(c.text) in _PROJECT_COLUMNS), None
            )
            # its lower rows: one, or two where the spans' labels were printed a row apart
            # (权重占比 under 自评得分, then 符号 | 指标值 under 预期指标值)
            for _ in range(_SUB_HEADERS):
                if end >= len(self.rows) or not is_sub_header(self.rows[end], family):
                    break
                columns = merge_header(columns, self.rows[end], family)
                if other is not None:
                    other = merge_header(other, self.rows[end], family)
                end += 1
            if end < len(self.rows) and is_column_numbering(self.rows[end]):
                for c in self.rows[end].cells:  # (栏次 | 1 | 2 | …: the columns' numbers)
                    c.used = True
                end += 1
        first = end
        if first < len(self.rows) and self.first_indicator_line is None:
            self.first_indicator_line = self.rows[start].line
        while end < len(self.rows) and not self._ends_indicators(self.rows[end], columns):
            end += 1
        rows = self._without_repeated_headers(first, end, columns)
        if other is not None:  # the header's labels a column right of the rows' cells
            columns = better_read(columns, other, rows)
        columns = points_in_hebei_labels(columns, rows)
        self.columns = columns
        for col, role in columns.roles.items():
            if role is not Role.EXTRA:
                self.t["labels"].setdefault(role.value, columns.labels[col])
        section = parse_section(rows, columns, self._unit_names())
        # a page's rows under the form's title and header printed again (a scan's next page):
        # the table's rows go on, none replaced
        more = bool(self.t["indicators"]) and not self.totals_row
        if not more:
            self.section_cells, self.guessed_rows, self.t["template_text"] = [], [], []
            self.t["indicators"], self.t["subtotals"] = [], []
        self.section_cells += [c for row in self.rows[first:end] for c in row.cells]
        self.guessed_rows += [row for row in self.rows[first:end] if row.guessed]
        above = len(self.t["indicators"])
        self.t["subtotals"] += [
            {**s, "rows": [above + k for k in s["rows"]]} for s in section.subtotals
        ]
        self.t["indicators"] = [*self.t["indicators"], *section.indicators]
        self.t["stated_weights"].update(section.stated_weights)
        self.t["template_text"] += [c.ref() for c in section.placeholders]
        self.ends_with_label = section.ends_with_label
        if end < len(self.rows) and self._is_total(self.rows[end]):
            self._totals(self.rows[end])
            end += 1
        return end

    def _without_repeated_headers(
        self, first: int, end: int, columns: IndicatorColumns
    ) -> list[Row]:
        """The section's rows without the header a page prints again at its top (with its
        lower row, if any): its cells used, and the row after it begins the new page, so that
        an indicator row the page broke is joined again across it."""
        rows: list[Row] = []
        new_page = False
        lower = False
        header = self.header_text
        # the rows under a header printed again whose labels stand off the first's, and by how
        # many columns
        moved: list[tuple[int, list[Row]]] = []
        for row in self.rows[first:end]:
            if header and row.joined == header:
                # the header printed again between rows (a system's export repeats it every
                # few rows, a page its top): a break, as a page's, that a name may go on over
                for c in row.cells:
                    c.used = True
                new_page = lower = True  # its lower row, if printed, comes next
                continue
            # at a page's top, or printed again between rows with its labels wrapped (or not)
            # otherwise: then it opens with a label of the header (the cheap tests first)
            if (
                row.page_break_before
                or lower
                or (len(row.cells) > 2 and row.cells[0].text in self.header_cells)
            ) and (self._is_indicator_header(row) or (lower and is_sub_header(row, self.family))):
                for c in row.cells:
                    c.used = True
                if not lower:
                    moved.append((self._header_shift(row), []))
                new_page = True
                lower = not lower
                continue
            lower = False
            if new_page:
                row.page_break_before = True
                new_page = False
            rows.append(row)
            if moved:
                moved[-1][1].append(row)
        for shift, under in moved:
            if shift and _better_shifted(columns, under, shift):
                for c in (c for row in under for c in row.cells):
                    c.move(shift)
        return rows

    def _header_shift(self, row: Row) -> int:
        """How many columns the labels of a header printed again stand left of the first's
        (a page's header without the part's heading the first page printed in its first cell:
        四、年度绩效指标完成情况 | 一级指标 | … over 一级指标 | …), where all its labels the first
        has agree; 0 otherwise."""
        offsets = {
            self.header_cells[c.text] - c.column for c in row.cells if c.text in self.header_cells
        }
        return offsets.pop() if len(offsets) == 1 else 0

    def _ends_indicators(self, row: Row, columns: IndicatorColumns) -> bool:
        if self._is_total(row) or starts_table(row):
            return True
        cells = row.cells
        if not cells:
            return False
        if _DEDUCTIONS_TOTAL.match(key(cells[0].text)) or _scaled_sum_label(cells[0].text):
            return True  # 扣分合计 | 3.36, 指标得分(百分制) | 100: a sum, no row's
        if len(cells) == 1 and _OMITTED.match(cells[0].text):
            return True  # （后面两页没复制下来）: the rows stop here, the rest left out
        if (
            len(cells) == 1
            and cells[0].column > columns.name_column
            and columns.roles.get(cells[0].column) in _EXPLAINING
        ):
            return False  # 改进措施：… under the row above's explanation: its rest, no field
        if self.header_table is not None and _table_of(row) is None:
            # a web page's or a document's own lines after its table's last row (a table
            # that goes on in another, cut at a page, goes on)
            return True
        first = cells[0].text
        if len(cells) > 2:
            # notes and the fields after the table are one or two cells; the sign-off (填报单位：…
            # 填报人：… 联系电话：…) any number, each key with its value; the categories' points
            # in pairs under the rows (产出指标 | 50 | 效益指标 | 30 | …), no row's
            return (len(first) < 40 and lb.SIGN_OFF.match(first) is not None) or _points_pairs(
                cells
            )
        return (
            _NOTE_START.match(first) is not None
            or _labelled_note(cells)
            or _ATTACHMENT.match(first) is not None
            or lb.SIGN_OFF.match(first) is not None
            or (len(cells) == 2 and lb.SIGN_OFF_CELL.match(first) is not None)
            or (len(cells) == 2 and key(first) == _CONCLUDED)  # 自评结论 | 项目各项指标均已完成…
            or field_label(first, self.family) is not None
            or (len(cells) == 1 and _unit_line(key(first)))  # 单位:万元 under the table
            or self._is_result_row(row)  # 目标完成情况 | … under the rows
        )

    def _details_sheet(self, row: Row) -> bool:
        """``row`` opens another sheet of the workbook after the table's rows and 总分."""
        if not (self.totals_row and self.t["indicators"] and row.cells):
            return False
        sheet = _sheet(row.cells[0])
        first = next((r.cells[0] for r in self.rows if r.cells), None)
        return sheet is not None and first is not None and sheet != _sheet(first)

    def _workflow(self, row: Row) -> bool:
        """A budget system's approval steps under the table: its heading (审批流程), its header
        (环节 | 处理人 | 处理时间 | 处理意见) and its steps (财政审核 | 孟凡 | 2025-02-26 09:08:55 |
        同意), kept together under 审批流程; False for any other row."""
        cells = row.cells
        if not self.workflow and _WORKFLOW_HINT.search(row.joined) is None:
            return False  # (a first look: this runs on most rows outside the indicators)
        texts = [c.text for c in cells]
        heading = len(cells) == 1 and key(texts[0]) in _WORKFLOW_HEADINGS
        header = sum(key(t) in _WORKFLOW_COLUMNS for t in texts) >= _WORKFLOW_LABELS
        # (a step left undone prints dashes: 主管部门审核 | — | — | —)
        step = self.workflow and (
            any(_STAMPED.match(t) for t in texts)
            or (len(texts) > 1 and all(t in _DASHES for t in texts[1:]))
        )
        if not (heading or header or step):
            return False
        self.workflow = True
        for c in cells:
            c.used = True
        if step:
            done = self.t["fields"].get("审批流程", "")
            self.t["fields"]["审批流程"] = (done + "；" if done else "") + " ".join(texts)
            self.t["cells"].setdefault("field:审批流程", cells[0].ref())
        return True

    def _indicators_heading(self, cell: Cell) -> bool:
        """The indicators' heading with a note in brackets (年度绩效指标（百分制，按80%折算计入
        总分）): the share its note states kept; False for any other cell."""
        m = _INDICATORS_HEADING.match(cell.text)
        if m is None:
            return False
        cell.used = True
        self.t["labels"].setdefault("indicators", cell.text)
        if (share := _STATED_SCALE.search(m.group("note"))) is not None:
            self.t["indicator_scale"] = float(share.group(1)) / 100
        return True

    def _scaled_sum(self, row: Row) -> bool:
        """The indicators' points on a hundred and their share counted in the total (绩效指标
        得分(百分制) | 100, then 绩效指标折算得分(×80%) | 80: a 20/80 form scoring its rows on
        100): the share kept (``indicator_scale``), the sums printed kept as cells. False for
        any other row."""
        cells = row.cells
        if len(cells) < 2 or not _scaled_sum_label(cells[0].text):
            return False
        # each label with the figures after it, its points and its score (… | 100 | 99.59) or
        # its score alone; the two may share a line (百分制 | 100 | 折算 | 80)
        at = [k for k, c in enumerate(cells) if _SCALED_SUM.match(key(c.text)) is not None]
        for k, end in zip(at, [*at[1:], len(cells)], strict=True):
            m = _SCALED_SUM.match(key(cells[k].text))
            assert m is not None
            figures = [c for c in cells[k + 1 : end] if parse_points(c.text) is not None]
            if not figures:
                continue
            cells[k].used = True
            name = "indicator_sum" if m.group("share") is None else "indicator_scaled"
            if m.group("share") is not None:
                self.t["indicator_scale"] = float(m.group("share")) / 100
            fields = [name] if len(figures) == 1 else [f"{name}_weight", name]
            for c, field in zip(figures[-len(fields) :], fields, strict=True):
                c.used = True
                self.t["cells"][field] = c.ref()
        return True

    def _deductions_total(self, row: Row) -> None:
        """A form scored by deduction: its 扣分合计 row, the first figure after the label."""
        for c in row.cells:
            c.used = True
        figure = next((c for c in row.cells[1:] if parse_points(c.text) is not None), None)
        if figure is not None and self.t.get("total_deduction") is None:
            self.t["total_deduction"] = parse_points(figure.text)
            self.t["cells"]["total_deduction"] = figure.ref()

    @staticmethod
    def _is_total(row: Row) -> bool:
        joined = row.joined
        # a first look without the regex, whose (^|\t) start makes it try every position
        if ("总" in joined or "合计" in joined or "综合得分" in joined) and _TOTAL_RE.search(
            ocr_label(joined)
        ) is not None:
            return True
        # a transfer payment's 自评得分 | 100 under its rows (a header's cell, never its first)
        return joined.startswith(_SCORED + "\t")

    def _score_after_sum(self, row: Row) -> bool:
        """Right after a 合计 row, one labelled the total score (自评总分 | 98.87): on a form
        that scores its budget apart (20/80), the 合计 is its indicators' sum, this the
        table's total."""
        cells = row.cells
        return (
            self.totals_row
            and self.totals_label == "合计"
            and self.rows.index(row) == self.totals_at + 1
            and bool(cells)
            and cells[0].text in ("总分", "自评总分", "自评总得分", "总得分")
            and self._is_total(row)
        )

    def _totals(self, row: Row) -> None:
        self.ended = True
        self.totals_row = True
        self.totals_at = self.rows.index(row)
        self.totals_label = next((c.text for c in row.cells if lb.is_total_word(c.text)), "")
        numbers: list[Cell] = []
        for c in row.cells:
            text = unnumbered(c.text)  # (五、自评总分: the form's last part, numbered)
            if lb.is_total_word(text) or lb.is_section_fragment(c.text) or text == _SCORED:
                c.used = True  # (a transfer's or a 20/80's 自评得分 | 96.32: the total's label)
            elif parse_points(c.text) is not None:
                numbers.append(c)
            elif (grade := _grade(c.text)) is not None:
                self.t["grade"] = grade
                self.t["cells"]["grade"] = c.ref()
                c.used = True
            elif key(c.text) in _GRADE_LABELS:
                c.used = True  # 自评等级 | 优 beside the total: the grade's label
        lone_weights = len(numbers) == 1 and (
            self._weights_total(numbers[0])
            # the form's total alone on the text's last row of a form that prints a 分值 column
            # (总分 | 100 |, an excerpt cut after it): the weights', its score past the cut;
            # not one under the 得分 column (a project's full score in a system's export)
            or (
                row is self.rows[-1]
                and Role.WEIGHT in self.columns.roles.values()
                and self.columns.roles.get(numbers[0].column) is not Role.SCORE
                and parse_points(numbers[0].text) == self.family.scoring.total
            )
        )
        labelled = _labelled_totals(row.cells)
        mapped = None if lone_weights or labelled else self.columns.totals(numbers)
        w: Cell | None
        s: Cell | None
        if labelled is not None:
            w, s = labelled
            for c in row.cells:
                c.used = c.used or c.text in lb.SCORE_WORDS
        elif lone_weights:
            w, s = numbers[0], None  # 合计 | 100 |, its 得分 left blank by the system (四川)
        elif mapped is not None:
            w, s = mapped.cells.get(Role.WEIGHT), mapped.cells.get(Role.SCORE)
            for label, c in mapped.extras.items():
                self.t["cells"][label] = c.ref()
                c.used = True
        elif len(numbers) >= 2:
            w, s = numbers[-2], numbers[-1]
        else:
            w, s = None, numbers[-1] if numbers else None
        if (
            s is None
            and w is not None
            and Role.SCORE not in self.columns.roles.values()
            and self.t.get("total_deduction") is not None
        ):
            # a form scored by deduction with no 得分 column: its 总分 right of the 分值
            # (总分 | 100 | | 98.87, under the 扣分原因 column)
            s = next((c for c in reversed(numbers) if c.column > w.column), None)
        if w is not None:
            self.t["total_weight"] = parse_points(w.text)
            self.t["cells"]["total_weight"] = w.ref()
            w.used = True
        if s is not None:
            self.t["total_score"] = parse_points(s.text)
            self.t["cells"]["total_score"] = s.ref()
            self.t["total_printed"] = True
            s.used = True

    def _weights_total(self, cell: Cell) -> bool:
        """A lone figure on the 合计 row of a form whose system leaves the total score blank
        (``Scoring.total_score_may_be_blank``), equal to the form's total: the weights'."""
        scoring = self.family.scoring
        return scoring.total_score_may_be_blank and parse_points(cell.text) == scoring.total

    def _after(self, row: Row) -> None:
        """Rows after 总分: a stated grade is read; anything else is left to be reported."""
        cells = row.cells
        for i, c in enumerate(cells):
            if "等级" in c.text and i + 1 < len(cells) and cells[i + 1].text in _GRADE_WORDS:
                c.used = cells[i + 1].used = True
                self.t["grade"] = cells[i + 1].text
                self.t["cells"]["grade"] = cells[i + 1].ref()
            elif c.text not in _GRADE_WORDS and (grade := _grade(c.text)) is not None:
                c.used = True  # 自评等级：良 in a cell of its own
                self.t["grade"] = grade
                self.t["cells"]["grade"] = c.ref()
            elif _blank_sign_off(c.text):
                c.used = True  # 填报人： left blank: a key with nothing to read

    # -- the table as a whole ---------------------------------------------------------------

    def _finish(self) -> EvaluationTable | None:
        t = self.t
        funds = self.funds.result()
        subject_named = t["project"] or t.get("department")
        if not (t["project"] or t["indicators"] or (subject_named and self.funds.seen)):
            return None
        if not _any_amount(funds) and _template_only(t["indicators"], self.section_cells):
            return None  # a 填表说明 quoting the template's rows (指标1：……, ≥**场): no table
        t["funds"] = funds
        self._remarks_read()
        dept_key = key(t["labels"].get("department", ""))
        if not t["project"] and t.get("department") and "名称" in dept_key:
            t["subject"] = "department"  # 单位名称 / 部门(单位)名称: a 部门整体 table
        if self.period_goal is not None and not self.goal_parts["goal_expected"]:
            self._add_goal("goal_expected", self.period_goal)  # the only goal printed
        for field, parts in self.goal_parts.items():
            text = "".join(collapse_spaces(c.raw or c.text) for c in parts)
            t[field] = _LEADER.sub("", text) if text[-1:] in _LEADER_END else text
        if t.get("indicator_scale") is None:
            # 注：指标得分按80%折算计入总分 under the table: the rows' share, no row printing it
            stated = next((m for n in t["notes"] if (m := _STATED_SCALE.search(n))), None)
            if stated is not None:
                t["indicator_scale"] = float(stated.group(1)) / 100
        t["begins_inside"] = self._starts_inside()
        cut = self._cut_short()
        # no 总分 and short of its points: an excerpt cut after a whole row, its last row whole
        after_a_row = not cut and not self.totals_row and self._short_of_its_points()
        t["ends_inside"] = cut or after_a_row or self.omitted
        t["complete"] = not (t["ends_inside"] or t["begins_inside"])
        if cut and t["indicators"] and not self.ends_with_label:
            t["indicators"][-1]["partial"] = True  # a table only missing its top ends whole
        self._complete_totals()
        mark_within_above(t, self.family.scoring.total)
        t["doubts"] = plausibility.check(t, self.family, self.section_cells, self.guessed_rows)
        if not t["indicators"] and (glued := self._glued_indicator_header()) is not None:
            t["doubts"].append(glued)  # not a document cut before its indicators: unread ones
        elif not t["indicators"] and (unread := self._unread_indicator_rows()) is not None:
            t["doubts"].append(unread)
        elif not t["indicators"] and self.totals_row and t.get("total_score") is not None:
            # a 总分 row with its score under no indicator read: the rows are there, unread
            t["doubts"].append(
                ReadingDoubt(
                    reason="表中印有总分行，却没有读出任何绩效指标行：指标行的版式未能还原，"
                    "本表的绩效指标没有复核。",
                    evidence=[t["cells"]["total_score"]] if "total_score" in t["cells"] else [],
                    rows_only=True,
                )
            )
        if (illegible := self._illegible()) is not None:
            t["doubts"].append(illegible)
        if (funds_unread := self._unread_funds(funds)) is not None:
            t["doubts"].append(funds_unread)
        if self.project_column is not None and t["indicators"]:
            t["doubts"].append(
                ReadingDoubt(
                    reason="绩效指标的表头有“项目名称”一栏：这是按指标逐行导出的明细，每行重复其项目的"
                    "名称和资金，可能含多个项目；本工具未按项目拆分成表，各行未逐项目复核。",
                    evidence=[self.project_column.ref()],
                )
            )
        t["first_line"] = self.rows[0].line
        t["last_line"] = self.rows[-1].line
        # the form's names for its columns and fields, as messages quote them: a label a web
        # page broke over lines (全年<br>执行数) is one word
        t["labels"] = {
            k: v if " " not in v and "\n" not in v else "".join(v.split())
            for k, v in t["labels"].items()
        }
        return EvaluationTable.model_validate(t)

    def _unread_indicator_rows(self) -> ReadingDoubt | None:
        """No indicator row read, while rows of the table left unread name the form's
        categories (数量指标/职业技能培训人次/≥3000人次/…, typed with slashes) or give values
        after their column's name (指标值：≥2.5万亩；实际完成值：…, 目标≥2000人次，完成…: a
        list): the indicators are there, in a layout that was not rebuilt."""
        unread = [
            c
            for row in self.rows
            for c in row.cells
            if not c.used
            and (_CATEGORY_WORDS.search(c.text) or _COLUMN_NAMED.search(c.text))
            and len(c.text) > _LABEL_ONLY
        ]
        if len(unread) < _UNREAD_ROWS:
            return None
        return ReadingDoubt(
            reason=f"绩效指标部分有{len(unread)}处（如“{unread[0].text[:24]}”）未能读出为指标行，"
            "本表的绩效指标没有复核。",
            evidence=[c.ref() for c in unread[:6]],
            rows_only=True,
        )

    def _unread_funds(self, funds: dict[str, Any]) -> ReadingDoubt | None:
        """The funds block's header read, its 年度资金总额 not, while amounts under the header
        were left unread before the indicators: the block's rows are there, misread."""
        start = self.funds.header_line
        total = funds["annual_total"]
        if start is None or not self.t["indicators"] or self.first_indicator_line is None:
            return None
        if any(total.get(f) is not None for f in _BUDGET_FIELDS):
            return None
        left = [
            c
            for row in self.rows
            if start < row.line < self.first_indicator_line
            for c in row.cells
            if not c.used and _AMOUNT_IN.search(c.text)
        ]
        if not left:
            return None
        return ReadingDoubt(
            reason=FUNDS_UNREAD, evidence=[c.ref() for c in left[:4]], funds_only=True
        )

    def _illegible(self) -> ReadingDoubt | None:
        """Cells a scan's OCR could not read (■, ▇ where characters were): many of them, and
        what the table says cannot be told."""
        # one scan of the cells' text run together first (the marks are no line break): most
        # tables have none, and a regex call for each cell costs more than the scan
        if ILLEGIBLE.search("\n".join([c.text for row in self.rows for c in row.cells])) is None:
            return None
        marked = [c for row in self.rows for c in row.cells if ILLEGIBLE.search(c.text)]
        if len(marked) < _ILLEGIBLE_CELLS:
            return None
        return ReadingDoubt(
            reason=f"{len(marked)}格中有无法辨认的字符（如“{marked[0].text[:16]}”），"
            "扫描件的文字未能识别，本表的内容无法核对。",
            evidence=[c.ref() for c in marked[:6]],
        )

    def _glued_indicator_header(self) -> ReadingDoubt | None:
        """The 绩效指标 header printed with its labels run together in one cell (一级指标二级指标
        三级指标…, a scan's text layer): the rows under it are there but cannot be read."""
        for row in self.rows:
            for c in row.cells:
                if not c.used and "一级指标" in c.text and "三级指标" in c.text:
                    return ReadingDoubt(
                        reason=f"绩效指标的表头“{c.text[:24]}”各栏文字连在一起，没有单元格分隔，"
                        "其下的指标行无法读取。",
                        evidence=[c.ref()],
                        rows_only=True,
                    )
        return None

    def _starts_inside(self) -> bool:
        """The text begins inside this table: no title, no subject, no funds block above its
        indicators (a page excerpt starting mid-table)."""
        if self.headerless:
            return True  # the rows above, and the header, are not in the text
        labels = self.t["labels"]
        if _PART_OF.search(labels.get("title", "")) and "project" not in labels:
            return True  # a title saying it prints a part (…自评表（绩效指标部分）): cut above
        if {"title", "project"} & labels.keys() or "名称" in labels.get("department", ""):
            return False  # its title, or its subject's name (部门(单位)名称 of a 部门整体 form)
        if {"department", "implementer"} & labels.keys():
            # 主管部门 | 实施单位 without 项目名称 above them: the text opens on them (an excerpt)
            return self.rows[0].line <= _EXCERPT_TOP_LINES
        # no title, no subject: the text begins inside it unless the funds block is there and
        # some row above it (a title the form's words do not name, a heading) opens the table;
        # an excerpt opening on the funds block's own rows is cut above them
        return not self.funds.seen or self.rows[0].line <= _EXCERPT_TOP_LINES

    def _cut_short(self) -> bool:
        """The table looks cut off where it ends: no indicator rows, or a last row lacking what
        the rows before it have (a 得分, an actual, a target)."""
        rows = self.t["indicators"]
        if not rows or self.ends_with_label:
            return True
        if self.rows[-1].cut_off:
            return True  # the text stops inside the last row's cell
        end = self.rows[-1].cells
        if len(end) == 1 and _CUT_NUMBER.match(end[0].text):
            return True  # the text stops inside a figure (总分 | 100 | 99.): cut there
        values = ("target", "actual", "weight", "score")
        if not any(r[f] not in (None, "") for r in rows for f in values):
            return True  # labels and names only: the values were cut (or printed elsewhere)
        t = self.t
        if self.totals_row and (t.get("total_score") is not None or t.get("total_weight")):
            return False  # a 总分 row with its figures follows: a last row without is unfilled
        last, before = rows[-1], rows[:-1]
        printed = set(self.columns.roles.values())
        if {Role.ACTUAL, Role.SCORE} <= printed and all(
            last[f] in (None, "") for f in ("actual", "weight", "score")
        ):
            return True  # the row stops before its values, though the form has columns for them
        for field in ("score", "actual", "target"):
            empty = last[field] in (None, "")
            if empty and any(r[field] not in (None, "") for r in before):
                return True
        return False

    def _short_of_its_points(self) -> bool:
        """The rows' points and the funds' short of 100, every row of the form's categories
        before its last (满意度指标): with no 总分 row, an excerpt cut after a whole row."""
        rows = self.t["indicators"]
        if not all(any(w in (r["l1"] or "") for w in _BEFORE_SATISFACTION) for r in rows):
            return False  # a satisfaction row there, or categories of a department's own
        weights: list[float | None] = [r["weight"] for r in rows]
        if any(w is None for w in weights):
            return False
        funds: float = self.t["funds"]["annual_total"].get("weight") or 0.0
        return sum(w or 0.0 for w in weights) + funds < _FULL_POINTS

    def _complete_totals(self) -> None:
        """A table printed without its 总分 row still gets totals: the sums of its rows. Not a
        table cut off before it (its rows are not all there), nor one whose 总分 row printed
        only part (合计 | 100 | | : the 得分 left blank is a finding, not a sum to supply)."""
        t = self.t
        if not t["indicators"] or not t["complete"] or self.totals_row:
            return
        total = t["funds"]["annual_total"]
        for key_, field in (("total_weight", "weight"), ("total_score", "score")):
            if t.get(key_) is None:
                parts = [ind[field] for ind in t["indicators"]] + [total.get(field)]
                t[key_] = round(sum(x or 0.0 for x in parts), 2)


def _column_by_column(upper: Row, lower: Row) -> Row | None:
    """The labels two header rows make joined column by column (年度 over 指标值, 年初 over 预算数);
    None when a lower piece stands under no upper one."""
    above = {c.column for c in upper.cells}
    if any(c.column not in above for c in lower.cells):
        return None
    below = {c.column: c.text for c in lower.cells}
    return Row(
        [Cell(c.text + below.get(c.column, ""), c.line, c.column) for c in upper.cells],
        upper.line,
    )


def _join_stacked(upper: Row, lower: Row, whole: Row) -> None:
    """The upper row's cells read as the labels ``whole`` joined (quoting what was printed),
    the lower row's used."""
    below = {c.column: c.text for c in lower.cells}
    for c in upper.cells:
        if c.column in below:
            c.printed = c.printed or c.text
            c.text += below[c.column]
    for c in lower.cells:
        c.used = True
    upper.joined = whole.joined


def parse_table(rows: Sequence[Row], family: Family | None = None) -> EvaluationTable | None:
    """Parse one table's rows (in ``family``'s vocabulary, else the one recognised from them);
    None when they hold no table at all."""
    family = family or family_of(rows) or DEFAULT
    return _TableBuilder(funds_across(rows, family), family).build()


__all__ = [
    "TITLE_HINT",
    "YEAR",
    "funds_label_piece",
    "is_title",
    "layout_doubted",
    "parse_table",
    "says_omitted",
    "starts_table",
]
