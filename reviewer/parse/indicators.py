"""The 绩效指标 section: rows of cells → Indicators with their 一级/二级 labels.

A row whose cells sit under the header's labels is read by them (``columns``): that covers
forms with other column orders and extra columns. Any other row is read by content: the
values are the two plain numbers (分值, 得分) near its end, with target and actual before.

Extraction from a PDF breaks this section in three ways, and each is undone by the form's
structure rather than by column positions (which shift from page to page):

* A merged category cell prints its label once, often in the middle of the rows it spans, or
  on a row of its own. Groups are contiguous and in form order and each contains its label, so
  the rows between two labels are the only ones in doubt; they stay with the label above
  unless the 二级指标 labels' families pin them below, or the evidence for moving them (the
  default weight split 产出 50, 效益 30, 满意度 10; the indicators' own wording) outweighs
  what moving costs (``_MOVE_COST`` a row).
* A row broken by a page leaves a fragment without values: the part before the break is a
  prefix of the next row, the part after it a suffix of the previous one.
* Vertical labels (绩 / 效 指 标) land in the first column of unrelated rows.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reviewer.forms.template import placeholder_in
from reviewer.grid import Cell, Row
from reviewer.lazyre import lazy_compile
from reviewer.model import Operator, ParsedValue
from reviewer.parse import labels as lb
from reviewer.parse.columns import (
    LABEL_LEVEL,
    IndicatorColumns,
    Role,
    RowMap,
    aligned,
    is_part_heading,
    own_heading_text,
)
from reviewer.parse.values import (
    ascii_form,
    is_operator,
    is_placeholder,
    parse_number,
    parse_points,
    parse_value,
)
from reviewer.textnorm import (
    CLAUSE_MARK,
    SENTENCE_ENDS,
    clean_cell,
    without_enumeration,
    without_spaces,
)

_MAX_COMBINATIONS = 20000
# What moving one row from the label above it to the label below costs in evidence: a row's
# own wording (a hint, 1) moves that row, and so do two groups' default weights made up by the
# move (0.4 each), but not a block of rows that say nothing (measured over the written sets
# and the corpus: labels printed at the top of their merged cells are the rule, and one
# hinted row pulling the rows above it along misread rubrics and web tables).
_MOVE_COST = 0.75
# A heading over the rows of one of a department's units: 二级单位：郸城县第一高级中学
# A row's number in a 序号 column.
# A row's number under 序号: 1, 1.1, or a category heading's 一, 二 (一 | 产出指标（50分）)
_SERIAL = lazy_compile(r"\d{1,3}(?:\.\d{1,2})?|[一二三四五六七八九十]")
_SERIAL_LABELS = frozenset({"序号", "编号"})
_UNIT_HEADING = lazy_compile(r"^(?:二级单位|所属单位|下属单位|预算单位)\s*[:：]")
# a category's sum, or the indicators' before the form's own 预算执行率 row (Hebei: 指标合计)
_SUBTOTAL = frozenset({"小计", "小 计", "分项小计", "指标合计"})


def _is_subtotal(text: str) -> bool:
    """A sum of rows' label: 小计, or a part's (绩效指标得分小计, 产出指标小计), or the
    indicators' (绩效指标得分合计, a 20/80 form's 年度绩效目标得分); a category's code or number
    before it (C1服务对象满意度指标小计) not counted."""
    text = without_enumeration(text)
    return text in _SUBTOTAL or (
        len(text) <= _SUBTOTAL_CHARS
        and (
            text.endswith("小计")
            or (text.endswith("合计") and "指标" in text)
            or (text.endswith("得分") and ("绩效目标" in text or "绩效指标" in text))
        )
    )


_SUBTOTAL_CHARS = 12


_LABEL_TAIL = "指标"
_REST_NAME = 2  # characters of a name that is only the rest of one a break or wrap cut (性)
_CUT_REST = 4  # characters of a name's rest a wrap cut mid-word (宿生, 学人数)
_SENTENCE_ALONE = 12  # characters of a sentence that is a row's explanation on a line of its own


def _stamp_next(rows: Sequence[Row], ri: int) -> bool:
    """The row after row ``ri`` is a seal's mark alone (…局 / （盖章）): a unit's name over it
    is the seal's."""
    nxt = rows[ri + 1].cells if ri + 1 < len(rows) else []
    return len(nxt) == 1 and lb.is_stamp(nxt[0].raw or nxt[0].text)


def _stamped_by(text: str, units: frozenset[str]) -> bool:
    """A line alone that is one of the head's units stamped over the rows: its name whole or in
    part (a seal's ring, a scanner's page mark), marked as a seal or a scan or not."""
    if lb.sealed_by(text, units):
        return True
    name = lb.sealed_name(text)
    return len(name) >= lb.UNIT_NAME and any(name in u for u in units)


# How an indicator's name ends when whole: its measure (…合格率, …农户数, …满意度, …完成时间).
_WHOLE_NAME = lazy_compile(
    r"(?:[率数量度]|面积|长度|时间|时限|年限|期限|人次|标准|投入|成本|情况|机制|水平|保障|比例|占比|比重)$"
)
# A line that may open a name: words only (高血压、糖尿病 with its 、, "三公"经费 with its
# quotes), not a bracketed note or a clause's rest.
_NAME_OPENS = lazy_compile(r"^[\u4e00-\u9fff\"“][\u4e00-\u9fff、\"“”]{3,}$")
TEMPLATE_NAME = lazy_compile(r"^指标\d{1,2}$")  # the template's own name for an empty row
_POS = operator.attrgetter("pos")
_FAMILIES = frozenset(lb.L2_FAMILY.values())


@dataclass(slots=True)
class Draft:
    """An indicator row being assembled."""

    name: list[Cell]
    target: Cell | None
    actual: Cell | None
    weight: Cell | None  # None on a form without 分值 (20/80)
    score: Cell | None  # None where the form or the row prints no 得分
    explanation: list[Cell]
    lines: list[int]
    page_break_before: bool
    l1: str = ""
    l2: str = ""
    nature: Cell | None = None  # 指标性质, when the form prints it apart from the value
    unit: Cell | None = None  # 度量单位, likewise
    extras: dict[str, Cell] = field(default_factory=dict)  # columns the form adds, by label
    # the rest of a target or an actual a page broke, printed at the top of the next page
    continued: dict[str, list[Cell]] = field(default_factory=dict)
    # its row opens a category other than the row above's (效益指标 | 社会效益指标 | …)
    opens_category: bool = False

    def name_text(self) -> str:
        return _join(self.name)


# The key, among an indicator's cells, of the points its own 二级 label prints, on a form
# without a 分值 column (see ``_weights_from_labels``).
LABEL_POINTS = "label_points"

# The value columns whose cell a page may break: a piece under them at a page's top goes on
# with the row above's cell of that column.
_VALUE_PARTS = {Role.TARGET: "target", Role.ACTUAL: "actual"}
# …and the points, which a row the page broke before its values prints on the next page (县域
# 内就诊率 | ≥90% / page's foot / header again / | | 90.6% | 15 | 15): that row's, where empty
_POINTS_PARTS = {Role.WEIGHT: "weight", Role.SCORE: "score"}
# A figure on a line of its own (９７．８％ / ５ / ５ under a name a phone's copy broke apart).
_BARE_FIGURE = lazy_compile(r"^\d[\d.,]*\s*%?$")


# What a scan reads off specks and rules between rows (.. — ~ ., ‥), or a seal's line (㊞ …).
# (not a full stop alone, 。: a sentence's end wrapped onto a line of its own)
_SCAN_NOISE = lazy_compile(r"(?=.*[~～—\-_=‥])[\s.,·…‥~～—\-_=*]+|㊞.*")


def _seal_over_row(text: str, units: frozenset[str]) -> bool:
    """A cell among a row's that is one of the head's units stamped over it: its name whole,
    marked as a seal or not, or its name's end (临桂区民政局 of 桂林市临桂区民政局, the seal's
    ring read in part)."""
    if text in units:
        return True
    if text[-1:] not in _SEAL_ENDS:
        return False  # the cheap test first: this runs for every cell of every row
    if lb.sealed_by(text, units):
        return True
    name = lb.sealed_name(text)
    return (
        len(name) >= lb.UNIT_NAME
        and lb.unit_like(name)
        # (a place's name before it: not a unit's code, 215003-定兴县民政局, whose name is whole)
        and any(u.endswith(name) and _PLACE.fullmatch(u[: -len(name)]) for u in units)
    )


# How a unit's name ends, or a seal's or a scan's mark after it.
_SEAL_ENDS = frozenset("局委办院所站队会厅部处室府司心社校）)件描")
_PLACE = lazy_compile(r"[\u4e00-\u9fff]{2,8}")


def _seal_gap_closed(cells: list[Cell], sealed: list[Cell]) -> list[Cell]:
    """``cells`` without the seal's; where the row's cells are numbered in order (a line read
    a cell at a time, no column left empty: 名称 | 某局 | 不断缩小 | 不断缩小), the cells after
    the seal a column back, into the place it took (quoted where they were printed)."""
    kept = [c for c in cells if c not in sealed]
    numbers = [c.column for c in cells]
    if len(sealed) != 1 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return kept
    for c in kept:
        if c.column > sealed[0].column:
            c.move(-1)
    return kept


def _name_only(d: Draft) -> bool:
    return not (d.target or d.actual or d.weight or d.score or d.explanation or d.nature)


_FIRST_LEVEL = (lb.LabelKind.L1, lb.LabelKind.AMBIGUOUS)
_SECOND_LEVEL = (lb.LabelKind.L2, lb.LabelKind.AMBIGUOUS)


_LABEL_NOTE = lazy_compile(r"\s*[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]")  # a label's points: (30分)


def _glued_labels(text: str) -> list[tuple[lb.LabelKind, str]] | None:
    """A 一级 and a 二级 label the layout ran into one cell (满意度指标服务对象满意度指标, a
    column too narrow for the pair), or a form printed as one (产出指标-数量指标): both, each
    with its kind; None for any other text."""
    if text.count("指标") != 2:
        return None
    end = text.index("指标") + 2
    if (note := _LABEL_NOTE.match(text, end)) is not None:
        end = note.end()  # 效益指标（30分）社会效益指标: the first with its points
    first, second = text[:end], text[end:].strip().lstrip("-－—–/／·")  # 产出指标-数量指标
    one, two = lb.classify_label(first), lb.classify_label(second)
    if one in _FIRST_LEVEL and two in _SECOND_LEVEL:
        return [(one, first), (two, second)]
    return None


def _cut_label(text: str, below: Row | None) -> list[tuple[lb.LabelKind, str]] | None:
    """A label its cell's width cut, its rest on the line below with no row of its own (服务对象满
    / 意度指标): the whole label, the rest's cell used and taken from ``below``; None when the
    text is no such label's beginning."""
    if below is None or not 0 < len(below.cells) <= 2:
        return None
    for rest in below.cells:
        if len(rest.text) > 6:
            continue
        kind = lb.label_kind(text + rest.text)
        if kind not in (None, lb.LabelKind.UNKNOWN) and lb.label_kind(rest.text) in (
            None,
            lb.LabelKind.UNKNOWN,
        ):  # a label the form knows (服务对象满意度指标), not any words before 指标
            rest.used = True
            below.cells = [c for c in below.cells if c is not rest]
            below.joined = "\t".join(c.text for c in below.cells)
            return [(kind, text + rest.text)]
    return None


_BARE_POINTS = lazy_compile(r"\d{1,2}(?:\.\d{1,2})?|100")


def _points_beside_label(events: list[LabelEvent], content: list[Cell]) -> bool:
    """A 一级 label alone on its row, a bare number of points beside it (产出指标 | 50)."""
    return (
        len(events) == 1
        and events[0].level == "l1"
        and len(content) == 1
        and lb.weight_note(events[0].text)[1] is None
        and _BARE_POINTS.fullmatch(content[0].text) is not None
    )


def _weight_on_label_above(events: list[LabelEvent], role: Role | None, note: str) -> None:
    """Give the weight note wrapped under a label (产出指标 / （60分）) to that label."""
    level = LABEL_LEVEL.get(role) if role is not None else None
    for ev in reversed(events):
        if ev.level == level:
            if lb.weight_note(ev.text)[1] is None:
                ev.text += note
            return


def _label_before_name(name: list[Cell]) -> tuple[str, list[Cell]] | None:
    """A 二级 label run into the name's cell (a PDF whose label column's rule did not part
    them; the label may wrap onto the name's next line): the label, and the name's cells
    without it, the one it ended in cut where it ended; None for any other name."""
    text = _join(name)
    end = text.find("指标") + 2
    if end < 4 or len(text) - end < _MIN_NAME:
        return None
    label = text[:end]
    if lb.classify_label(label) is not lb.LabelKind.L2:
        return None
    for k, c in enumerate(name):  # the cell the label ends in, and where in it
        if end <= len(c.text):
            rest = c.text[end:].strip()
            head = [Cell(rest, c.line, c.column, rest, used=True, where=c.where)] if rest else []
            return label, head + name[k + 1 :]
        end -= len(c.text)
    return None


_MIN_NAME = 2
_NAME_TAIL = 2  # the most characters of a name's last piece wrapped onto its values' line


def _values_only(row: Row, name_column: int) -> bool:
    """The row prints a row's values and nothing in its name or label columns: the values of
    the name above, its cell merged down over both rows (a workbook's merged name cell holds its
    text in the first)."""
    cells = row.cells
    return len(cells) >= 2 and cells[0].column > name_column and name_column > 1


def _name_goes_on(d: Draft, row: Row, name_column: int) -> bool:
    """A name that does not end as a name ends (农村集中供水工程, no measure's word) alone on its
    line, the next line opening in the name's column with the rest and the row's values (水质
    达标率 | ≥95% | 96.8% …): one name wrapped in its cell, not a row left empty."""
    cells = row.cells
    return (
        len(cells) >= _WITH_VALUES
        and cells[0].column == name_column
        and _WHOLE_NAME.search(d.name_text()) is None
        and _WHOLE_NAME.search(cells[0].text) is not None
        and parse_number(cells[0].text) is None
    )


_WITH_VALUES = 3  # cells, at least, of the rest's line: the rest, a target, an actual


def _slid_values_joined(rows: Sequence[Row]) -> Sequence[Row]:
    """A photographed page read a line at a time, slanted so that a row's last values slid
    to the line under it (质量指标 | 水质检测合格率 | ≥95% / 100% | 15 | 15): the two lines one
    row, each cell at its own place."""
    if not any(_values_slid(a, b) for a, b in itertools.pairwise(rows)):
        return rows
    out: list[Row] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        if i + 1 < len(rows) and _values_slid(row, below := rows[i + 1]):
            joined = Row([*row.cells, *below.cells], row.line, row.page_break_before)
            joined.cut_off = below.cut_off
            out.append(joined)
            i += 2
            continue
        out.append(row)
        i += 1
    return out


def _values_slid(row: Row, below: Row) -> bool:
    """``row`` ends on its target, its actual, points and score alone on the line under it."""
    cells, under = row.cells, below.cells
    return (
        not below.page_break_before
        and below.line == row.line + 1
        and _SLID_MIN <= len(under) <= _SLID_MAX
        and len(cells) >= _WITH_TARGET
        and all(_FIGURE_ONLY.fullmatch(c.text) for c in under)
        and _TARGET_END.search(cells[-1].text) is not None
        and parse_number(cells[-2].text) is None
    )


# A cell of words in Latin letters only (Zhuang's Daihngeih gaep, Muzbiu bi), a header's
# translation printed under it; such a row of three cells at least is no row of the table.
_LATIN_WORDS = lazy_compile(r"[A-Za-z][A-Za-z'’\- ]*")
_GLOSSED = 3
_SLID_MIN, _SLID_MAX = 2, 3  # the values that slide: actual, points, score
_WITH_TARGET = 2  # a name and its target at least
_FIGURE_ONLY = lazy_compile(r"\d+(?:[.．]\d+)?[%％]?")  # 100% | 15 | 15 (no word, no operator)
_TARGET_END = lazy_compile(r"^(?:[≥≤><=]|大于|小于|不低于|不高于|不少于|不超过)\s*\d")


def _name_tail(row: Row, name_column: int) -> bool:
    """The row opens with a name's short tail, then its values (农村卫生厕所普 / 及率 | ≥85% …):
    the name-only row above is that name's start. The tail sits under the name's column, or
    in the first column where a line break inside the name's cell started a new line of the
    text (工程设施完 / 好率 → ≥95% …)."""
    cells = row.cells
    return (
        len(cells) >= 2
        and cells[0].column in (name_column, 1)
        and len(cells[0].text) <= _NAME_TAIL
        and parse_number(cells[0].text) is None
    )


@dataclass(slots=True)
class LabelEvent:
    pos: float  # row index; x.5 for a label on a row of its own between two indicator rows
    level: str  # "l1" or "l2"
    text: str


@dataclass(slots=True)
class Fragment:
    cell: Cell
    kind: str  # "name", "explanation", or "target" / "actual" at the top of a page
    row_index: int  # index in the section's rows
    after_break: bool  # the fragment's row starts a page
    before_break: bool  # the next row starts a page
    labelled: bool = False  # the fragment's row opens a category (质量指标 | 地质灾害隐患点)
    # alone on its line, in the first column, left of the name's: a line that lost its tabs (a
    # cell's line break in a copied Word table or a saved sheet), the rest of the line above's
    # last cell
    line_start: bool = False
    # the fragment's row opens a category whose label differs from the last of its level: a
    # row of its own even at the top of a page (效益指标 | 生态效益指标 | 疫情发生面积较 /
    # 上年下降 | 下降 | …), where a merged label printed again over the page's first row is not
    new_category: bool = False
    # the row's only label a 一级's (产出指标 | 宿生: a merged label printed at its group's middle)
    l1_alone: bool = False


def _resolve_ambiguous(
    texts: list[tuple[lb.LabelKind, str]],
    context_l1: str,
    no_l1: bool = False,
    alone: bool = False,
) -> list[LabelEvent]:
    """Turn a row's label cells into l1/l2 events, settling 成本指标 / 满意度指标 (二级 on a
    form whose header has no 一级 column: ``no_l1``; ``alone``: the row holds nothing else)."""
    events: list[LabelEvent] = []
    seen: set[tuple[str, str]] = set()
    for i, (kind, text) in enumerate(texts):
        level: str
        if kind is lb.LabelKind.AMBIGUOUS:
            later_l2 = any(k is lb.LabelKind.L2 for k, _ in texts[i + 1 :])
            if (
                no_l1
                and not later_l2
                and not is_part_heading(text)
                # (满意度指标（10分） alone on its row: a category's heading, merged across)
                and not (alone and lb.weight_note(text)[1] is not None)
            ):
                # (a category numbered as a heading, 三、满意度指标（10分）: a 一级 label)
                level = "l2"
            elif later_l2 or lb.stem(text) == "满意度":
                level = "l1"
            else:
                level = "l2" if context_l1 == "产出" else "l1"
        elif kind is lb.LabelKind.UNKNOWN:  # 其他指标 before a 二级 label is a 一级 label
            level = "l1" if i + 1 < len(texts) else "l2"
        elif kind is lb.LabelKind.L1 and any(
            e.level == "l1" and e.text != _one_line(text) for e in events
        ):
            level = "l2"  # a 一级 label after another (效果指标 | 效益指标): a form's 二级
        else:
            level = "l1" if kind is lb.LabelKind.L1 else "l2"
        key = (level, text)
        if key not in seen:
            seen.add(key)
            events.append(LabelEvent(pos=0.0, level=level, text=_one_line(text)))
    return events


def _lines_joined(text: str) -> str:
    return "".join(line.strip() for line in text.split("\n")) if "\n" in text else text


def _one_line(text: str) -> str:
    """A label broken over lines in its cell (效益<br>指标) is one label."""
    return without_spaces(text) if "\n" in text else text


def _split_values(cells: list[Cell]) -> tuple[int, int] | None:
    """Find (weight, score) in a row's content cells: two plain numbers with target and
    actual before them and at most the explanation after. Returns their indices."""
    n = len(cells)
    for j in range(n - 2, 1, -1):
        if n - j - 2 > 1:
            break
        if parse_number(cells[j].text) is not None and parse_number(cells[j + 1].text) is not None:
            return j, j + 1
    return None


def _draft_from_map(row_map: RowMap, row: Row) -> Draft:
    m = row_map.cells
    for c in m.values():
        c.used = True
    for c in row_map.extras.values():
        c.used = True
    # 偏差原因 and 改进措施 printed in two columns are one explanation
    explanation = _unstamped(
        [c for c in (m.get(Role.EXPLANATION), m.get(Role.MEASURES)) if c is not None]
    )
    return Draft(
        name=[m[Role.NAME]],
        target=m.get(Role.TARGET),
        actual=m.get(Role.ACTUAL),
        weight=m.get(Role.WEIGHT),
        score=m.get(Role.SCORE),
        explanation=explanation,
        lines=[row.line],
        page_break_before=row.page_break_before,
        nature=m.get(Role.NATURE),
        unit=m.get(Role.UNIT),
        extras=row_map.extras,
    )


def _draft_by_content(content: list[Cell], row: Row) -> Draft | None:
    split = _split_values(content)
    if split is None:
        return _unfilled(content, row)
    j, k = split
    before = content[:j]
    for c in content:
        c.used = True
    # 指标性质 printed in a cell of its own between the name and the target (定性, ≥)
    nature = before[-3] if len(before) >= 4 and _is_nature(before[-3].text) else None
    return Draft(
        name=before[:-3] if nature is not None else before[:-2],
        target=before[-2] if len(before) >= 2 else None,
        actual=before[-1] if before else None,
        weight=content[j],
        score=content[k],
        explanation=_unstamped(content[k + 1 :]),
        lines=[row.line],
        page_break_before=row.page_break_before,
        nature=nature,
    )


def _unstamped(cells: list[Cell]) -> list[Cell]:
    """An explanation's cells without a seal's text a scan printed in the column (某局财务专用章):
    that is left unused, reported."""
    kept = []
    for c in cells:
        if lb.is_stamp(c.raw or c.text):
            c.used = False
        else:
            kept.append(c)
    return kept


def _own_labels(content: list[Cell], events: list[LabelEvent], most: int) -> list[Cell]:
    """A department's row whose empty cells were dropped, its categories its own words
    (部门履职 | 社会救助 | 城乡低保按时足额发放率 | =100% | …): the words before the name are
    its 一级 and 二级 (one word: its 二级, the 一级 going on from above). The content left."""
    split = _split_values(content)
    if split is None:
        return content
    before = content[: split[0]]
    n = len(before) - 3  # the name, the target and the actual stand before the points
    heads = before[:n]
    if not 1 <= n <= most or not all(
        own_heading_text(c.text) or lb.label_kind(c.text) is not None for c in heads
    ):
        return content
    levels = ("l1", "l2")[2 - n :]
    for level, c in zip(levels, heads, strict=True):
        c.used = True
        events.append(LabelEvent(pos=0.0, level=level, text=_one_line(c.text)))
    return content[n:]


def _is_nature(text: str) -> bool:
    return text == "定性" or text == "定量" or is_operator(text)


def _cut_row(content: list[Cell], row: Row) -> bool:
    """A name in words alone on its row, or with its target after it: what an excerpt's end
    leaves of its last row."""
    if not 1 <= len(content) <= 2 or content[0].line != row.line:
        return False
    name = content[0].text
    if parse_number(name) is not None or lb.is_site_furniture(name):
        return False
    return len(content) == 1 or parse_value(content[1].text).number is not None


def _unfilled(content: list[Cell], row: Row) -> Draft | None:
    """A row printed with its name, target and 分值 only, the empty cells dropped
    (师生满意度 | ≥90% | 10): the self-evaluation left undone on it, not a piece of another row.
    Or a row with its name, target and actual and no 分值 or 得分 (群众满意度 | ≥90% | 94%): a
    row left unscored, or the last one of a page cut after its actual. Or its name, target,
    actual and 分值 (安防工程交工验收合格率 | =100% | 100% | 5): its 得分 left empty, or the
    excerpt cut after the 分值."""
    if len(content) == 4:
        return _scoreless(content, row)
    if len(content) != 3:
        return None
    if parse_number(content[2].text) is None:
        return _unscored(content, row)
    target = parse_value(content[1].text)
    if not target.operator_written or target.number is None or parse_number(content[0].text):
        return None
    for c in content:
        c.used = True
    return Draft(
        name=[content[0]],
        target=content[1],
        actual=None,
        weight=content[2],
        score=None,
        explanation=[],
        lines=[row.line],
        page_break_before=row.page_break_before,
    )


def _scoreless(content: list[Cell], row: Row) -> Draft | None:
    name, target_cell, actual_cell, weight = content
    draft = _unscored([name, target_cell, actual_cell], row)
    if draft is None or _BARE_POINTS.fullmatch(weight.text) is None:
        for c in content[:3]:
            c.used = False
        return None
    weight.used = True
    draft.weight = weight
    return draft


_BARE_POINTS = lazy_compile(r"\d{1,3}(?:\.\d{1,2})?")  # a 分值 alone in its cell


def _unscored(content: list[Cell], row: Row) -> Draft | None:
    name, target_cell, actual_cell = content
    target = parse_value(target_cell.text)
    actual = parse_value(actual_cell.text)
    if not target.operator_written or target.number is None or actual.number is None:
        return None
    if parse_number(name.text) is not None:
        return None
    for c in content:
        c.used = True
    return Draft(
        name=[name],
        target=target_cell,
        actual=actual_cell,
        weight=None,
        score=None,
        explanation=[],
        lines=[row.line],
        page_break_before=row.page_break_before,
    )


def stated_weights(events: Sequence[LabelEvent]) -> dict[str, float]:
    """Weights printed in category labels (产出指标(50分) → {"产出指标": 50})."""
    out: dict[str, float] = {}
    for ev in events:
        weight = lb.weight_note(ev.text)[1]
        if weight is not None:
            name = lb.l1_name(ev.text) if ev.level == "l1" else lb.l2_name(ev.text)
            out.setdefault(name, weight)
    return out


@dataclass
class Section:
    """The 绩效指标 section as read: its rows, the weights its labels state (产出指标(50分)),
    and the template's placeholder rows left in it (……)."""

    indicators: list[dict[str, Any]] = field(default_factory=list)
    stated_weights: dict[str, float] = field(default_factory=dict)
    placeholders: list[Cell] = field(default_factory=list)
    ends_with_label: bool = False  # a category label after the last row: the next is cut off
    subtotals: list[dict[str, Any]] = field(default_factory=list)  # 小计 rows, their rows' indexes


def _names_rest(text: str, cells: list[Cell], drafts: list[Draft], last: dict[str, str]) -> bool:
    """A line of one bare category word (数量, 质量) under a row of the category it names: no
    new category (its group is open, its label printed with 指标), but the rest of the name
    above, wrapped (补充更新出版物 / 数量, 城区垃圾积存点 / 数量); so too the measure word the open
    category's label ends with, under a name not yet whole (服务对象满意度指标 | 群众对文化旅游
    公共服务 / 满意度)."""
    if not drafts:
        return False
    if (
        len(cells) == 2
        and text in lb.BARE_CATEGORY_WORDS
        and _is_sentence(cells[1].text)
        and _WHOLE_NAME.search(drafts[-1].name_text()) is None
    ):
        return True  # beside the explanation's last words (… / 数量 | 比例计分。): no category's
    if len(cells) != 1:
        return False
    if text in lb.BARE_CATEGORY_WORDS and last.get("l2") == lb.stem(text):
        return True
    return (
        any(v.endswith(text) for v in last.values() if v)
        and _WHOLE_NAME.search(drafts[-1].name_text()) is None
    )


GROUP_KEY = "分组"  # the cell of a row's group heading (a task's, a sub-project's), among its cells
# A 部门整体 form's heading over the rows of one of its main tasks (任务一：…, 第二项任务：…), or
# over the rows of the department's own work (部门整体履职).
# Or a project's heading over the rows of one of its sub-projects (子项目一：甲镇片区), or over
# the rows of the project as a whole (项目整体).
_GROUP_HEADING = lazy_compile(
    r"^(?:(?:任务|子项目|第)[一二三四五六七八九十\d]{1,3}(?:项任务|个子项目)?\s*[:：、.．]\s*\S"
    r"|(?:部门|项目)整体(?:履职|管理|运行)?(?:指标|情况)?$)"
)


def parse_section(
    rows: Sequence[Row], columns: IndicatorColumns, units: frozenset[str] = frozenset()
) -> Section:
    """Parse the rows between the 绩效指标 header and 总分 into Indicators, and the weights the
    category labels state.

    ``columns`` is what the header says each column holds. A values-less fragment beyond the
    column after 三级指标 continues an explanation, otherwise a name; one that is a unit's name
    the table's head prints (``units``), alone or marked （盖章）, is that unit's seal over the
    rows: no row's.
    """
    drafts: list[Draft] = []
    events: list[LabelEvent] = []
    fragments: list[Fragment] = []
    draft_at_row: dict[int, int] = {}
    context_l1 = ""
    last_label: dict[str, str] = {}  # the stem of the last label of each level
    columns = aligned(columns, rows)
    rows = _slid_values_joined(rows)
    numbered = not _SERIAL_LABELS.isdisjoint(columns.labels.values())  # a 序号 column
    name_column = columns.name_column
    roles = set(columns.roles.values())
    no_l1 = Role.L2 in roles and Role.L1 not in roles  # 二级指标 | 三级指标 | …, no 一级 column

    placeholders: list[Cell] = []
    subtotals: list[dict[str, Any]] = []
    groups: list[tuple[int, Cell]] = []  # a group's heading, by the first row under it
    chat = False  # inside a chat's message pasted between the rows (张三 10:33 / 还有…吗)
    for ri, row in enumerate(rows):
        cells = row.cells
        if len(cells) == 1 and (lb.is_chat_stamp(cells[0].text) or chat):
            chat = True
            continue  # a chat's sender and time, its message: no row's (reported unparsed)
        chat = False
        if len(cells) == 1 and _GROUP_HEADING.match(cells[0].text):
            # 任务一：城镇老旧小区改造 over the rows serving that task (部门整体履职 over the
            # department's own): no row, each row's below it, as a 对应任务 column gives them
            cells[0].used = True
            groups.append((len(drafts), cells[0]))
            continue
        if cells and len(cells) > 1 and _is_subtotal(cells[0].text):
            # 指标合计 | 90 | 89.00: a sum of the rows, no row; read where its figures stand in
            # the 分值 and 得分 columns, else left unused (reported)
            _read_subtotal(cells, columns, len(drafts), subtotals)
            continue
        if (heading := _category_with_points(cells, columns)) is not None:
            # 投入 | | | 20 | | | 19 (a scoring sheet's 一级 over its rows): the category's
            # points, as 投入（20分） states them, and its score, as a 小计 over the rows below
            category, weight, score = heading
            for c in cells:
                c.used = True
            events.append(
                LabelEvent(
                    len(drafts) - 0.5, "l1", f"{_one_line(category.text)}（{weight.text}分）"
                )
            )
            if score is not None:
                _read_subtotal([category, score], columns, len(drafts), subtotals)
                subtotals[-1]["above"] = True
            continue
        if units and len(cells) > 2:
            # a unit's seal stamped over a row's cells (受益农户满意度 | 东安县农业农村局 | ≥90%):
            # no cell of the row (left unused, it is reported); not a scan's page head (某局 |
            # 扫描 | 1/2), which is the page's furniture whole
            # (_seal_over_row's own first tests, before its call: this runs for every cell)
            sealed = [
                c
                for c in cells
                if (c.text in units or c.text[-1:] in _SEAL_ENDS) and _seal_over_row(c.text, units)
            ]
            if sealed and not any(lb.is_scan_mark(c.text) for c in cells):
                cells = _seal_gap_closed(cells, sealed)
        # Leading pieces of vertical labels (绩 / 效 指 标) are layout, not content; so is the
        # block's label with its points, printed on a row of a new page (绩效指标(90分) | …).
        while cells and lb.is_section_fragment(lb.weight_note(cells[0].text)[0]):
            cells[0].used = True
            cells = cells[1:]
        k = 0
        while k < len(cells) and cells[k].column < name_column:  # the label columns only
            c = cells[k]
            if c.text == _LABEL_TAIL or lb.is_weight_note(c.text):
                # the tail of a category label wrapped onto this row (社会效益 / 指标, 产出指标 /
                # （60分）, both: （20分） | 指标): the label's; a weight it states goes with the
                # label above
                if c.text != _LABEL_TAIL:
                    _weight_on_label_above(events, columns.roles.get(c.column), c.text)
                c.used = True
                cells = cells[:k] + cells[k + 1 :]
                continue
            k += 1
        if cells and all(
            lb.is_ellipsis(c.text) or TEMPLATE_NAME.match(c.text) for c in cells
        ):  # the template's placeholder rows (……, 指标2, 指标1 | 指标1) left in
            for c in cells:
                c.used = True
            placeholders.extend(cells)
            continue
        if cells and all(_SCAN_NOISE.fullmatch(c.text) for c in cells):
            continue  # a scan's specks (.. — ~ .) or a seal's line (㊞ 某局): no row's (reported)
        if len(cells) >= _GLOSSED and all(_LATIN_WORDS.fullmatch(c.text) for c in cells):
            continue  # the header in a language of Latin letters (Daih'it gaep | …): reported
        if len(cells) == 1 and _UNIT_HEADING.match(cells[0].text):
            # 二级单位：某中学 over a 部门整体 form's rows of that unit: no part of a name (left
            # unused, it is reported with the content not read)
            continue
        row_map = columns.by_column(cells)
        if row_map is not None:  # labels by the column they sit in
            row_events: list[
                LabelEvent
            ] = []  # a loop, not a comprehension: this runs for every row
            for level in (Role.L1, Role.L2):
                if (label := row_map.cells.get(level)) is not None:
                    text = _one_line(label.text)
                    row_events.append(LabelEvent(pos=0.0, level=level.value, text=text))
            content = []
        else:
            if numbered and len(cells) > 1 and _SERIAL.fullmatch(cells[0].text):
                cells[0].used = True  # the row's 序号, under a header that prints the column
                cells = cells[1:]
            label_cells: list[tuple[lb.LabelKind, str]] = []
            n_labels = 0
            for n, c in enumerate(cells):  # labels first; the first non-label starts content
                if len(label_cells) >= 2:
                    break  # a 一级 and a 二级 label: what follows is the name (服务对象满意度)
                if (
                    label_cells
                    and label_cells[-1][1] == c.text
                    and lb.is_row_of_its_own(c.text)
                    and not (n + 1 < len(cells) and cells[n + 1].text == c.text)
                ):
                    break  # 预算执行率 printed twice, its 二级 left empty: the copy is the name
                kind = lb.label_kind(c.text)
                if kind is None and c.text in _EXECUTION_GROUPS and context_l1 in _FORM_L1:
                    # 产出指标 | 资金管理 | 预算执行率 (Guangdong's, Fujian's): a 二级 of the
                    # form's 一级 (a department's 部门管理 | 资金管理 is its own words, as read)
                    kind = lb.LabelKind.L2
                if kind is not None and _names_rest(c.text, cells, drafts, last_label):
                    break  # 补充更新出版物 / 数量 within 数量指标's rows: the name's end
                if (
                    label_cells
                    and lb.is_row_of_its_own(c.text)
                    and n + 1 < len(cells)
                    and any(ch.isdigit() for ch in cells[n + 1].text)
                ):
                    break  # 预算执行 | 预算执行率 | ≥95%: after its label, with its target, the name
                if kind is None:
                    glued = _glued_labels(c.text) or _cut_label(
                        c.text, rows[ri + 1] if ri + 1 < len(rows) else None
                    )
                    if glued is None:
                        break
                    label_cells.extend(glued)  # 满意度指标 服务对象满意度指标 in one cell
                else:
                    label_cells.append((kind, c.text))
                c.used = True
                n_labels += 1
            content = cells[n_labels:]
            row_events = _resolve_ambiguous(label_cells, context_l1, no_l1, not content)
            if columns.own_categories and len(label_cells) < 2:
                content = _own_labels(content, row_events, 2 - len(label_cells))
            row_map = None if columns.standard else columns.in_order(content)
        new_category = False
        for ev in row_events:
            stem = lb.stem(ev.text)
            new_category = new_category or last_label.get(ev.level, stem) != stem
            last_label[ev.level] = stem
            if ev.level == "l1":
                context_l1 = stem

        d = (
            _draft_from_map(row_map, row)
            if row_map is not None
            else _draft_by_content(content, row)
        )
        if (
            d is not None
            and _name_only(d)
            and ri + 1 < len(rows)
            and (
                rows[ri + 1].page_break_before
                or _name_tail(rows[ri + 1], name_column)
                or _values_only(rows[ri + 1], name_column)
                or _name_goes_on(d, rows[ri + 1], name_column)
            )
        ):
            # a name the page, or the cell's width, broke before its values: a fragment of
            # the row it goes on in
            content = d.name
            d = None
        rests: dict[int, str] = {}  # a cell's id: the part of the row above it is the rest of
        if d is not None and row.page_break_before and _rests_of_row_above(d, drafts):
            # atop a page, only a name's and a sentence's rests (非遗项目影像 | ≥6项 | … | 已与 /
            # page's foot / 记录 | 传承人约定…补拍。): the row above, which the page broke
            rests = {id(c): "name" for c in d.name}
            sentence = d.actual or d.target
            assert sentence is not None
            rests[id(sentence)] = "explanation"
            content = [*d.name, sentence]
            d = None
        if d is None and new_category and ri == len(rows) - 1 and _cut_row(content, row):
            # the last row, opening a category of its own, with only its name (and perhaps its
            # target): a row the document's end cut (满意度指标 | 服务对象满意度指标 | 受益农户
            # 满意度 | ≥90%), not the rest of another category's name
            for c in content:
                c.used = True
            d = Draft(
                name=content[:1], target=content[1] if len(content) > 1 else None, actual=None,
                weight=None, score=None, explanation=[], lines=[row.line],
                page_break_before=row.page_break_before,
            )  # fmt: skip
        if d is not None:
            if d.name and all(ev.level != "l2" for ev in row_events):
                glued_l2 = _label_before_name(d.name)
                if glued_l2 is not None:  # 服务对象满意度指标改造住户满意度 in one cell
                    row_events.append(LabelEvent(0.0, "l2", glued_l2[0]))
                    d.name = glued_l2[1]
            draft_at_row[ri] = len(drafts)
            for ev in row_events:
                ev.pos = float(len(drafts))
            d.opens_category = new_category
            drafts.append(d)
        else:
            for ev in row_events:
                ev.pos = len(drafts) - 0.5
            next_break = ri + 1 < len(rows) and rows[ri + 1].page_break_before
            if content and _is_subtotal(content[0].text):
                # a category's 小计 row (产出指标 | 小计 | 40 | 39.74): not a row's piece
                _read_subtotal(content, columns, len(drafts), subtotals)
                continue
            if _points_beside_label(row_events, content):
                # a category's row of its own with its points beside it (产出指标 | 50): the
                # label's weight, as 产出指标（50分） states it
                row_events[0].text += f"（{content[0].text}分）"
                content[0].used = True
                content = []
            for c in content:
                if (
                    lb.is_site_furniture(c.text)
                    or lb.is_task_heading(c.text)
                    or lb.is_stamp(c.raw or c.text)
                    or _stamped_by(c.text, units)
                    or (lb.unit_like(c.text) and _stamp_next(rows, ri))
                ):
                    continue  # not a row's: left unused, it is reported as unparsed
                if not drafts and _header_tail(c.text, columns):
                    c.used = True  # 偏差原因分析 / 及改进措施: the header's last label wrapped
                    continue
                role = columns.roles.get(c.column)
                part = rests.get(id(c))
                if part is None and role and row.page_break_before:
                    part = _VALUE_PARTS.get(role) or _POINTS_PARTS.get(role)
                if part is None:
                    part = "explanation" if c.column > name_column + 1 else "name"
                    if part == "name" and _BARE_FIGURE.match(ascii_form(c.text)):
                        continue  # a figure alone is no piece of a name: left unused, reported
                line_start = len(cells) == 1 and c.column == 1 < name_column - 1
                fragments.append(
                    Fragment(
                        c,
                        part,
                        ri,
                        row.page_break_before,
                        next_break,
                        bool(row_events),
                        line_start,
                        new_category,
                        bool(row_events) and all(e.level == "l1" for e in row_events),
                    )
                )
        events.extend(row_events)

    section = Section(stated_weights=stated_weights(events), placeholders=placeholders)
    last = len(drafts) - 1
    for e in events:
        if e.pos > last:
            section.ends_with_label = True
            break
    if drafts:
        _attach_fragments(drafts, fragments, draft_at_row)
        if Role.WEIGHT not in columns.roles.values():
            _weights_from_labels(drafts, events, rows, draft_at_row)
        _assign_labels(drafts, _without_empty_headings(events, len(drafts)))
        described = any(
            "文字" in columns.labels.get(col, "")
            for col, role in columns.roles.items()
            if role is Role.UNIT
        )
        section.indicators = [_to_indicator(d, described) for d in drafts]
        for start, grouped in groups:
            for ind in section.indicators[start:]:
                ind["cells"][GROUP_KEY] = grouped.ref()  # (a later heading's rows: overwritten)
        _ordinals_dropped(section.indicators)
        section.subtotals = _subtotal_rows(subtotals, section.indicators)
    return section


def _header_tail(text: str, columns: IndicatorColumns) -> bool:
    """Under the header, before any row, the rest of its explanation's label that a scan put
    on a line of its own (偏差原因分析 / 及改进措施): no row's name."""
    return text in _LABEL_TAILS and any(
        role is Role.EXPLANATION and not columns.labels.get(col, "").endswith(text)
        for col, role in columns.roles.items()
    )


_LABEL_TAILS = frozenset({"及改进措施", "和改进措施", "改进措施", "及整改措施", "和整改措施"})


# A name's ordinal before it (1. 2、 ③), where the rows are numbered so.
_ORDINAL = lazy_compile(r"^(?:(\d{1,2})[.．、]|([\u2460-\u2473]))\s*")
_ORDINALS_AT_LEAST = 3


def _ordinals_dropped(indicators: list[dict[str, Any]]) -> None:
    """Names numbered in order (1.… 2.… 3.…, ①②③, starting again at 1 under each category)
    without their numbers: the number is the row's place, no part of its name (2.0-6岁儿童健康
    管理率 is 0-6岁儿童健康管理率). Only where every row is so numbered."""
    found = [_ORDINAL.match(i["name"]) for i in indicators]
    if len(found) < _ORDINALS_AT_LEAST or any(m is None for m in found):
        return
    numbers = [int(m.group(1)) if m.group(1) else ord(m.group(2)) - 0x245F for m in found if m]
    if any(n != 1 and n != before + 1 for before, n in zip([0, *numbers], numbers, strict=False)):
        return
    for i, m in zip(indicators, found, strict=True):
        if m is not None and m.end() < len(i["name"]):
            i["name"] = i["name"][m.end() :]


def _category_with_points(
    cells: list[Cell], columns: IndicatorColumns
) -> tuple[Cell, Cell, Cell | None] | None:
    """A category's row of its own in the 一级 column with its 分值 (and 得分) under the points'
    columns, no name (投入 | 20 | 19, 预算编制 | 15 | 14): its label, weight and score cells."""
    if not 2 <= len(cells) <= 3 or columns.roles.get(cells[0].column) is not Role.L1:
        return None
    label, figures = cells[0], cells[1:]
    if lb.is_row_of_its_own(label.text):
        return None  # 预算执行率 | 10 | 9.50: a row of its own, the execution's
    if lb.classify_label(label.text) is None and not own_heading_text(label.text):
        return None  # (in the 一级 column with the points, whatever level a word elsewhere)
    roles = [columns.roles.get(c.column) for c in figures]
    if roles not in ([Role.WEIGHT], [Role.WEIGHT, Role.SCORE]) or any(
        _points(c) is None for c in figures
    ):
        return None
    return label, figures[0], figures[1] if len(figures) > 1 else None


def _read_subtotal(
    cells: list[Cell], columns: IndicatorColumns, after: int, into: list[dict[str, Any]]
) -> None:
    """A 小计 row's label and the 分值 and 得分 it prints (``after``: the rows read above it),
    its cells used; nothing when a figure stands outside those columns or some other text is
    printed (the cells left unused, reported)."""
    found: dict[str, Cell] = {}
    figures = [c for c in cells[1:] if c.text not in _EMPTY_MARKS]
    if (
        len(figures) == 2
        and all(_points(c) is not None for c in figures)
        and [columns.roles.get(c.column) for c in figures] != [Role.WEIGHT, Role.SCORE]
        and figures[1].column == figures[0].column + 1
    ):
        # its two figures a column off the points' (a label merged over two columns, one
        # separator fewer in a pipe paste: 数量指标小计 | | | | 20 | 20): 分值 and 得分, in order
        found = {"weight": figures[0], "score": figures[1]}
    for c in cells[1:] if not found else ():
        role = columns.roles.get(c.column)
        if role in (Role.WEIGHT, Role.SCORE) and role.value not in found and _points(c) is not None:
            found[role.value] = c
        elif not lb.is_ellipsis(c.text) and c.text not in _EMPTY_MARKS:
            return
    if not found:
        return
    label = cells[0]
    for c in (label, *found.values()):
        c.used = True
    into.append(
        {
            "label": label.text,
            "after": after,
            "weight": _points(found.get("weight")),
            "score": _points(found.get("score")),
            "cells": {"label": label.ref(), **{k: c.ref() for k, c in found.items()}},
        }
    )


_EMPTY_MARKS = frozenset({"/", "-", "—", "——", "／"})
# The 二级 a project form files the budget's execution row under (资金管理 | 预算执行率), and the
# form's own 一级 stems it may stand under.
_EXECUTION_GROUPS = frozenset({"资金管理", "预算执行"})
_FORM_L1 = frozenset({"产出", "效益", "满意度", "成本"})


def _subtotal_rows(
    subtotals: list[dict[str, Any]], indicators: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each 小计 with the indexes of the rows it sums: a bare 小计 the rows since the 小计
    before it; the indicators' whole (指标合计, 绩效指标小计) every row above it; a category's
    (数量指标小计) the rows since the 小计 before it when the first of them was read under that
    category, those rows then taken for the category's (its label printed on the first, a
    row's wording may have drawn another to the next category), else the category's rows
    right above it (产出指标小计 under 数量指标小计 and 质量指标小计)."""
    out = []
    start = 0
    for s in subtotals:
        after = s.pop("after")
        if s.pop("above", False):
            # a category's points over its rows (投入 | 20 | 19): the rows below, up to the next
            # category's
            stem = lb.stem(s["label"])
            rows = []
            k = after
            while k < len(indicators) and _names(indicators[k]["l1"], stem):
                rows.append(k)
                k += 1
            out.append({**s, "rows": rows})
            continue
        stem = without_enumeration(s["label"].replace(" ", "")).removesuffix("小计")
        if stem.endswith("合计") and stem[:-2] not in _WHOLE_SECTION and lb.label_kind(stem[:-2]):
            stem = stem[:-2]  # 满意度指标合计 under 满意度指标小计: the category's, not the whole's
        since = list(range(start, after))
        level = next((v for v in _LEVELS if since and _names(indicators[start][v], stem)), "")
        if stem in ("", "分项"):
            rows = since
        elif level:
            # (过程小计 under the rows since the last 小计, the first of them under 过程: a
            # form's own category, as 数量指标小计 under 数量指标's)
            rows = since
            for k in rows:
                indicators[k][level] = indicators[start][level]
        elif lb.label_kind(stem) is None or stem in _WHOLE_SECTION:
            rows = list(range(after))
        else:
            k = after - 1
            rows = []
            while k >= 0 and any(_names(indicators[k][v], stem) for v in _LEVELS):
                rows.insert(0, k)
                k -= 1
        out.append({**s, "rows": rows})
        start = after
    return out


_WHOLE_SECTION = frozenset({"绩效指标", "指标"})


def _names(label: str, stem: str) -> bool:
    """A row's category label is the one a 小计 names (产出 of 产出指标 too)."""
    return bool(stem) and label in (stem, stem + "指标")


_LEVELS = ("l2", "l1")


def _weights_from_labels(
    drafts: list[Draft],
    events: list[LabelEvent],
    rows: Sequence[Row],
    draft_at_row: dict[int, int],
) -> None:
    """On a form without a 分值 column, an 二级 label printed with its points over one row only
    (数量指标(8分) | 维修养护农村供水工程 | …, as 20/80 forms print them, the same label again
    with other points over the next): the points are kept with the row, quoted from the label
    (``LABEL_POINTS``), for the review to take as the row's weight, saying where it comes from.
    Points over several rows are the group's, and stay the label's."""
    row_of = {d: r for r, d in draft_at_row.items()}
    starts = sorted(e.pos for e in events)
    for e in events:
        figure = lb.weight_figure(e.text) if e.level == "l2" and e.pos % 1 == 0 else None
        if figure is None:
            continue
        following = [p for p in starts if p > e.pos]
        end = following[0] if following else float(len(drafts))
        first = int(e.pos)
        if end - first > 1 or first not in row_of:
            continue
        label = next((c for c in rows[row_of[first]].cells if c.text == e.text), None)
        if label is not None:
            drafts[first].extras[LABEL_POINTS] = label.piece(figure)


def _without_empty_headings(events: list[LabelEvent], n: int) -> list[LabelEvent]:
    """Drop the template's empty headings: a label on a row of its own that has no rows of
    its own — the next row prints a different label of the same level (经济效益指标 left
    empty above 社会效益指标), or no row follows it (the last label of the section). A label
    in the middle of its merged cell, between rows of its group, is kept."""
    on_rows = {(e.level, e.pos): lb.stem(e.text) for e in events if e.pos % 1 == 0}
    kept = []
    for e in events:
        if e.pos % 1:
            nxt = on_rows.get((e.level, e.pos + 0.5))
            if e.pos > n - 1 or (nxt is not None and nxt != lb.stem(e.text)):
                continue
        kept.append(e)
    return kept


def _attach_fragments(
    drafts: list[Draft], fragments: list[Fragment], draft_at_row: dict[int, int]
) -> None:
    """Join each values-less fragment to the indicator row it was broken from."""
    rows_with_drafts = sorted(draft_at_row)
    last_row = -1  # the row of the fragment before: a fragment after it on its line is no name's
    for frag in fragments:
        after_another, last_row = frag.row_index == last_row, frag.row_index
        prev_rows = [r for r in rows_with_drafts if r < frag.row_index]
        next_rows = [r for r in rows_with_drafts if r > frag.row_index]
        prev = drafts[draft_at_row[prev_rows[-1]]] if prev_rows else None
        nxt = drafts[draft_at_row[next_rows[0]]] if next_rows else None
        if prev is None and nxt is None:
            continue
        if nxt is None and prev is not None and _text_under(frag, prev):
            continue  # left unused: reported
        cut = (
            (_unit_cut(prev, frag.cell.text) or _date_cut(prev, frag.cell.text))
            if prev is not None
            else None
        )
        if prev is not None and cut is not None:
            # the rest of a unit its cell wrapped (531.67元/平方 / 米), wherever it fell
            prev.continued.setdefault(cut, []).append(frag.cell)
            _add_line(prev, frag.cell)
            continue
        kind = frag.kind
        if frag.after_break and prev is not None and _values_go_on(prev, frag):
            # the values of the row above, which the page broke before them
            setattr(prev, kind, frag.cell)
            _add_line(prev, frag.cell)
            continue
        if kind in _POINTS_PARTS.values():
            kind = "explanation"  # (points under one already printed: no row's, as before)
        if kind in _VALUE_PARTS.values():
            if prev is not None and getattr(prev, kind) is not None:
                # under the 年度指标值 or 实际完成值 column at the top of a page: the rest of
                # the row above's cell, which the page broke
                prev.continued.setdefault(kind, []).append(frag.cell)
                _add_line(prev, frag.cell)
                continue
            kind = "name"
        if (
            kind == "name"
            and prev is not None
            and prev.explanation
            and not prev.explanation[-1].text.rstrip().endswith(("。", "！", "!"))
            and (
                _is_sentence(frag.cell.text)
                or (frag.line_start and _last_is_explanation(prev))
                # right of the name's rest on its line, a clause's mark in it (健康管理率 |
                # 时返乡体检;下年实行预约): OCR's runs of spaces number cells by their order
                or (after_another and CLAUSE_MARK.search(frag.cell.text) is not None)
                # a clause ended inside it (季度；已督促…): no name holds a semicolon
                or (len(frag.cell.text) >= _CLAUSES_ALONE and _SEMICOLON.search(frag.cell.text))
            )
        ):
            # the rest of the row above's explanation, cut at a line break inside its cell
            # (a text saved from a sheet starts it in the first column)
            kind = "explanation"
            to_next = False
        elif (
            kind == "name"
            and prev is not None
            and nxt is not None  # (under the last row: a note's, 填报说明：…, reported)
            and not prev.explanation
            and frag.line_start
            and frag.cell.text.rstrip().endswith(("。", "！", "!"))
            and len(frag.cell.text) > _SENTENCE_ALONE
        ):
            # a sentence on a line of its own under a row with no explanation: that row's,
            # its cell's text put under the row (an e-mail's lines: …｜15｜13.76 / 7处工程因
            # 冬季低温无法施工顺延…。); no name ends with a full stop
            kind = "explanation"
            to_next = False
        elif prev is None:
            to_next = True
        elif nxt is None:
            to_next = False
        elif frag.after_break and not (kind == "name" and frag.new_category):
            # atop a page, the rest of the row the page broke; but a name's first line centred
            # over the page's first row, or an explanation's first line where the row above
            # has none to go on with, opens the row below
            # (无, /: a placeholder, no text the page broke)
            to_next = (kind == "name" and _opens_name_below(frag.cell.text, prev.name_text())) or (
                kind == "explanation"
                and (not prev.explanation or is_placeholder(_join(prev.explanation)))
            )
        elif frag.before_break:
            # the row below began before the break, unless the text above is a sentence the
            # break cut (its explanation wrapped on: 施工队伍 / 调配不足影响，…), or the row below
            # opens a category of its own with a whole name (单个书屋出版物 / 补充标准 | break |
            # 效益指标 | 社会效益指标 | 农家书屋年均使用率 | …; the labels of the same category
            # printed again over the page's first row are no new one's, and a row whose name
            # the break left a rest of, 时效指标 | 性 | 及时 …, is the one the text began)
            to_next = not (
                frag.kind == "explanation" and prev.explanation and _unfinished(prev.explanation)
            ) and not (kind == "name" and nxt.opens_category and len(nxt.name_text()) > _REST_NAME)
        elif frag.kind == "name" and frag.labelled:
            # a row opening a category begins a name: the row above is another's; but a 一级
            # label printed at its group's middle line beside a word or two ends the name above
            # where it was cut mid-word (…家庭经济困难寄 / 产出指标 | 宿生)
            to_next = not (
                frag.l1_alone
                and len(frag.cell.text) <= _CUT_REST
                and _WHOLE_NAME.search(prev.name_text()) is None
            )
        elif frag.kind == "name":
            below = nxt.name_text()
            to_next = len(below) <= _REST_NAME or (
                _opens_name_below(frag.cell.text, prev.name_text())
                # (a change measured, over a whole name: the rest of the name above, 项目区耕地
                # 质量 / 等级提升 | 时效指标 | 项目完工及时率)
                and not (_CHANGE_NAMED.search(frag.cell.text) and _WHOLE_NAME.search(below))
            )
        else:
            to_next = not prev.explanation
        target = nxt if to_next else prev
        assert target is not None
        part = target.name if kind == "name" else target.explanation
        if to_next:
            part.insert(0, frag.cell)
        else:
            part.append(frag.cell)
        _add_line(target, frag.cell)


def _opens_name_below(text: str, above: str) -> bool:
    """A line of words ``text`` between two rows (or atop a page) whose name ``above`` is whole
    (…验收合格率, …单位成本) and which is no whole name itself (项目年度建设任务): the first line of
    the name below, which the scan centred over its row (/ 按期完成率); the rest of a name is short (性)
    or ends as a whole name does."""
    return (
        _WHOLE_NAME.search(above) is not None
        and _WHOLE_NAME.search(text) is None
        and _NAME_OPENS.match(text) is not None
    )


# A change a name measures, its last words (项目区耕地质量 / 等级提升): a name's end, not the
# first line of a whole name below it.
_CHANGE_NAMED = lazy_compile(r"(?:提升|提高|增加|增长|增效|增收|增产|改善|下降|减少|降低)$")


# A unit cut after 平方 / 立方 and the line finishing it (元/平方 / 米): no name's, no word's.
_UNIT_CUT = lazy_compile(r"(?:平方|立方)$")
_UNIT_REST = lazy_compile(r"^(?:米|公里|千米|厘米)$")


def _unit_cut(d: Draft, text: str) -> str | None:
    """The value of ``d`` (its actual, else its target) whose unit ``text`` finishes."""
    if not _UNIT_REST.match(text.strip()):
        return None
    return next(
        (
            kind
            for kind in ("actual", "target")
            if (cell := getattr(d, kind)) is not None
            and not d.continued.get(kind)
            and _UNIT_CUT.search(cell.text.rstrip())
        ),
        None,
    )


# A deadline's last word wrapped below its date (2025年6月15日 / 前).
_DATE_END = lazy_compile(r"(?:\d{1,2}[日号]|\d{1,2}月|月底|年底)$")
_DEADLINE_RESTS = frozenset({"前", "以前", "之前", "底前", "止"})


def _date_cut(d: Draft, text: str) -> str | None:
    """``"target"`` where ``text`` finishes the row's target, a date whose deadline word
    wrapped onto a line of its own (2025年6月15日 / 前)."""
    cell = d.target
    if (
        text.strip() in _DEADLINE_RESTS
        and cell is not None
        and not d.continued.get("target")
        and _DATE_END.search(cell.text.rstrip()) is not None
    ):
        return "target"
    return None


def _text_under(frag: Fragment, last: Draft) -> bool:
    """The text under a table with no 总分 row, no cell's rest: a sentence alone in the first
    column a blank line under the last row (总体来看，项目资金使用规范…。, a chat's 以上，有问题
    随时@我: no name has a clause's comma), or text outside the page's or document's table the
    row was read from (a web page's footer: 主办：…), or a report's numbered heading."""
    table = next((c.where.get("table") for c in last.name if c.where), None)
    if table is not None and (frag.cell.where or {}).get("table") != table:
        return True
    if frag.line_start and _NOTE_OPENS.match(frag.cell.text):
        return True  # 填报说明：本表由…填报: the form's note, right under the last row
    text = frag.cell.text
    return (
        frag.line_start
        and frag.cell.line > max(last.lines, default=frag.cell.line) + 1
        and (
            _is_sentence(text)
            or "，" in text
            # a report's next part (四、部门整体支出自评情况) under a table without a 总分 row
            or (is_part_heading(text) and lb.label_kind(text) is None)
        )
    )


_NOTE_OPENS = lazy_compile(r"^(?:填报说明|填表说明|注|说明|备注)\s*[:：]")


def _last_is_explanation(d: Draft) -> bool:
    """The draft's explanation ends its line: nothing printed right of it."""
    last = d.explanation[-1]
    cells = [*d.name, d.target, d.actual, d.weight, d.score, d.nature, d.unit, *d.extras.values()]
    return all(c.column <= last.column for c in cells if c is not None and c.line == last.line)


def _values_go_on(prev: Draft, frag: Fragment) -> bool:
    """Fragment ``frag``, atop a page, is a value the row above left empty: its actual or its
    points, that row printing none of them (its name and target on the page before)."""
    kind = frag.kind
    given = [c for c in (prev.actual, prev.weight, prev.score) if c is not None]
    return (
        kind in ("actual", "weight", "score")
        and getattr(prev, kind) is None
        and all(c.line == frag.cell.line for c in given)  # (this line's, put there just now)
        and not prev.explanation
    )


def _add_line(d: Draft, cell: Cell) -> None:
    cell.used = True
    if cell.line not in d.lines:
        d.lines.append(cell.line)
        d.lines.sort()


_SEMICOLON = lazy_compile(r"[；;]")
_CLAUSES_ALONE = 6  # characters, at least, of a wrapped explanation's line holding a clause's end


def _is_sentence(text: str) -> bool:
    """Text that ends as a sentence does (。；!), never as an indicator's name: a full stop
    ends even a short one (回统筹使用。), a semicolon one of some length."""
    text = text.rstrip()
    if text.endswith(("。", "！", "!")):
        return len(text) >= 2
    return len(text) >= 8 and text.endswith(SENTENCE_ENDS)


def _rests_of_row_above(d: Draft, drafts: list[Draft]) -> bool:
    """``d`` holds only a name and a sentence for one value, and the row above's explanation
    stops inside a sentence: the rests of that row's name and explanation, not a row."""
    values = [c for c in (d.target, d.actual) if c is not None]
    return (
        len(values) == 1
        and not (d.weight or d.score or d.explanation or d.nature or d.unit or d.extras)
        and _is_sentence(values[0].text)
        and bool(drafts)
        and bool(drafts[-1].explanation)
        and _unfinished(drafts[-1].explanation)
    )


def _unfinished(cells: list[Cell]) -> bool:
    """Text that stops inside a sentence (no 。；! at its end)."""
    return not cells[-1].text.rstrip().endswith((*SENTENCE_ENDS, "？", "?"))


@dataclass(slots=True)
class _Group:
    text: str
    positions: list[float]
    stem: str = ""


def _groups(events: list[LabelEvent]) -> list[_Group]:
    """Consecutive events with the same label are one merged cell seen twice."""
    groups: list[_Group] = []
    for ev in sorted(events, key=_POS):
        stem = lb.stem(ev.text)
        if groups and groups[-1].stem == stem:
            groups[-1].positions.append(ev.pos)
        else:
            groups.append(_Group(ev.text, [ev.pos], stem))
    return groups


def _segment(
    n: int,
    groups: list[_Group],
    scorer: Callable[[], Callable[[Sequence[int]], float]],
) -> list[int]:
    """Choose group boundaries (first row of each group after the first).

    Each group must contain its label positions; among the segmentations allowed, the one
    with the best evidence score wins, and ties keep rows with the label above them.
    ``scorer`` makes the scoring function, only when some row is in doubt.
    """
    k = len(groups)
    if k <= 1:
        return []
    ranges: list[range] = []
    for j in range(1, k):
        # the boundary falls after every position of the group above (a label on a row
        # of its own, x.5, just after it) and at or before every one of the group below
        lo = max([int(p + 1.5) if p % 1 == 0 else int(p + 1) for p in groups[j - 1].positions])
        hi = min([int(p + 0.5) if p % 1 else int(p) for p in groups[j].positions])
        lo = max(lo, 1)
        hi = min(hi, n - 1)
        ranges.append(range(lo, hi + 1) if lo <= hi else range(hi, hi + 1))
    fixed = [r[0] for r in ranges if len(r) == 1]
    if len(fixed) == len(ranges) and (k == 2 or all(map(operator.lt, fixed, fixed[1:]))):
        return fixed  # the labels leave no row in doubt
    best: list[int] | None = None
    best_score = float("-inf")
    score = scorer()
    for combo in itertools.islice(itertools.product(*ranges), _MAX_COMBINATIONS):
        if k > 2 and not all(map(operator.lt, combo, combo[1:])):
            continue  # boundaries out of order
        moved = sum(r[-1] - b for r, b in zip(ranges, combo, strict=True))
        s = score(combo) - _MOVE_COST * moved - 1e-6 * moved
        if s > best_score:
            best, best_score = list(combo), s
    if best is None:  # labels out of order: fall back to each label's own position
        best = [max(1, min(n - 1, int(min(g.positions) + 0.5))) for g in groups[1:]]
        for i in range(1, len(best)):
            best[i] = max(best[i], best[i - 1])
    return best


def _spans(n: int, bounds: Sequence[int]) -> list[tuple[int, int]]:
    return list(itertools.pairwise([0, *bounds, n]))


def _hint_scores(hints: list[str | None], stem: str, mismatch: float) -> list[float]:
    """Prefix sums of the rows' wording as evidence for a group: +1 for each row whose name
    points to the group's label, ``mismatch`` for each that points elsewhere."""
    sums = [0.0]
    total = 0.0
    for h in hints:
        if h is not None:
            total += 1.0 if h == stem else mismatch
        sums.append(total)
    return sums


def _assign_labels(drafts: list[Draft], events: list[LabelEvent]) -> None:
    n = len(drafts)
    l1_events = [e for e in events if e.level == "l1"]
    l2_events = [e for e in events if e.level == "l2"]
    weights = [_points(d.weight) or 0.0 for d in drafts]

    l1_groups = _groups(l1_events)
    if not l1_groups:  # no 一级 labels printed: infer them from the 二级 labels' families
        l1_groups = _groups(
            [
                LabelEvent(e.pos, "l1", (lb.family_of_l2(e.text) or "") + "指标")
                for e in l2_events
                if lb.family_of_l2(e.text)
            ]
        )
    elif l2_events and l2_events[0].pos < min(e.pos for e in l1_events):
        # a page excerpt beginning inside the block: the rows above its first 一级 label whose
        # 二级 labels belong to another 一级 (数量指标 above 效益指标) take that 一级, inferred
        first_l1 = min(e.pos for e in l1_events)
        known = {g.stem for g in l1_groups}
        inferred = [
            LabelEvent(e.pos, "l1", fam + "指标")
            for e in l2_events
            if e.pos < first_l1 and (fam := lb.family_of_l2(e.text)) and fam not in known
        ]
        if inferred:
            l1_groups = _groups(inferred) + l1_groups
    # An 二级 label pins its row to the 一级 group of its family, unless the row names its own
    # 一级 label (an unknown one such as 其他指标 may hold any 二级 label).
    stems = [g.stem for g in l1_groups]
    l1_rows = {e.pos for e in l1_events}
    # 成本指标 and its 二级 labels sit under 产出指标 on forms without a 成本 一级 (2021+).
    cost_as_output = "成本" not in stems
    families: list[str | None] = []
    for e in l2_events:
        fam = lb.family_of_l2(e.text)
        families.append("产出" if fam == "成本" and cost_as_output else fam)
    for e, fam in zip(l2_events, families, strict=True):
        if fam is not None and stems.count(fam) == 1 and e.pos not in l1_rows:
            l1_groups[stems.index(fam)].positions.append(e.pos)

    # What each row's wording suggests (二级, then 一级): read only when some row is in doubt.
    hints: list[list[str | None]] = []

    def wording() -> list[list[str | None]]:
        if not hints:
            names = [d.name_text() for d in drafts]
            l2 = [lb.l2_hint(name) for name in names]
            hints.extend([l2, [lb.l1_hint(name, h) for name, h in zip(names, l2, strict=True)]])
        return hints

    def scorer_l1() -> Callable[[Sequence[int]], float]:
        # A weight the label prints (产出指标(70分)) is evidence the default split is not.
        stated = [lb.weight_note(g.text)[1] for g in l1_groups]
        defaults = [
            w if w is not None else lb.L1_DEFAULT_WEIGHT.get(g.stem + "指标")
            for w, g in zip(stated, l1_groups, strict=True)
        ]
        bonus = [1.0 if w is not None else 0.4 for w in stated]
        # Prefix sums: a span's weight and each group's hint score in O(1) for every candidate.
        weight_upto = list(itertools.accumulate(weights, initial=0.0))
        # a form's own category (a rubric's 决策, 过程) says nothing of what a row's wording
        # points to: a row pointing to 产出 is no evidence against its being there
        hints_upto = [
            _hint_scores(wording()[1], g.stem, -1.0 if g.stem in _FAMILIES else 0.0)
            for g in l1_groups
        ]

        def score(bounds: Sequence[int]) -> float:
            total = 0.0
            for (a, b), upto, default, plus in zip(
                _spans(n, bounds), hints_upto, defaults, bonus, strict=True
            ):
                if default is not None and abs(weight_upto[b] - weight_upto[a] - default) < 1e-6:
                    # The default split is evidence, but weaker than a row's own wording:
                    # forms that depart from 50/30/10 must not have rows moved to restore it.
                    total += plus
                total += upto[b] - upto[a]
            return total

        return score

    l1_bounds = _segment(n, l1_groups, scorer_l1)
    l1_spans = _spans(n, l1_bounds) if l1_groups else [(0, n)]
    for (a, b), g in zip(l1_spans, l1_groups or [_Group("", [])], strict=True):
        l1 = lb.l1_name(g.text) if g.text else ""
        stem1 = g.stem
        any_family = stem1 not in _FAMILIES  # 其他指标 may hold any 二级 label
        inside = [
            e
            for e, fam in zip(l2_events, families, strict=True)
            if a - 0.5 <= e.pos <= b - 0.5 and (any_family or fam is None or fam == stem1)
        ]
        l2_groups = _groups(inside)
        for grp in l2_groups:
            grp.positions = [min(max(p - a, -0.5), b - a - 0.5) for p in grp.positions]

        def scorer_l2(
            a: int = a, b: int = b, groups: list[_Group] = l2_groups
        ) -> Callable[[Sequence[int]], float]:
            prefix = [_hint_scores(wording()[0][a:b], grp.stem, -0.25) for grp in groups]

            def score(bounds: Sequence[int]) -> float:
                total = 0.0
                for (x, y), upto in zip(_spans(b - a, bounds), prefix, strict=True):
                    total += upto[y] - upto[x]
                return total

            return score

        l2_bounds = _segment(b - a, l2_groups, scorer_l2)
        spans2 = _spans(b - a, l2_bounds) if l2_groups else [(0, b - a)]
        for (x, y), grp in zip(spans2, l2_groups or [_Group("", [])], strict=True):
            for d in drafts[a + x : a + y]:
                d.l1 = l1
                d.l2 = lb.l2_name(grp.text) if grp.text else ""


def _points(cell: Cell | None) -> float | None:
    return parse_points(cell.text) if cell is not None else None


def _join(cells: list[Cell]) -> str:
    if len(cells) == 1:  # most fields are one cell, or none
        return cells[0].text
    if not cells:
        return ""
    return "".join([c.text for c in cells])


def _name_text(cells: list[Cell]) -> str:
    """A name as one line: a line break its cell kept (…等非遗<br>项目社会知名度) is a wrap."""
    name = _join(cells)
    return clean_cell(name.replace("\n", " ")) if "\n" in name else name


def _target_text(d: Draft, described: bool = False) -> str:
    """年度指标值 as one text: 指标性质 (when it is a comparison) + 指标值 + 度量单位. With
    ``described`` (the unit's column is 单位(文字描述), 河北), a target written there in words, its
    值 left empty (建立县级统筹保障机制), is the target."""
    value = d.target.text if d.target else ""
    if d.nature is None and d.unit is None:
        return value
    if not value and d.nature is not None and _signed_figure(d.nature.text):
        return _with_unit(d.nature.text, d.unit)  # the sign's cell holds the figure (>=45 | 处)
    if not value and d.nature is not None and _QUALITATIVE_STATE.match(d.nature.text):
        # the sign's cell holds the state asked for (定性 健全 | , its 单位(文字描述) empty)
        return "".join(d.nature.text.split()) + (d.unit.text if d.unit is not None else "")
    if not value and described and d.unit is not None:
        # (its sign kept where the form prints one beside it: >= | 120处(数量))
        nature = d.nature.text if d.nature is not None else ""
        return (nature if is_operator(nature) else "") + d.unit.text
    if d.nature is not None and is_operator(d.nature.text):
        value = d.nature.text + value
    elif d.nature is not None and (sign := _DIRECTIONS.get(d.nature.text.strip())):
        parsed = parse_value(value)
        if parsed.number is not None and not parsed.operator_written:
            value = sign + value  # 正向 | 126个: at least 126个
    return _with_unit(value, d.unit)


_QUALITATIVE_STATE = lazy_compile(r"^定性\s*[\u4e00-\u9fff]")  # 定性 健全: the sign, then the state


def _signed_figure(text: str) -> bool:
    """A comparison and its figure in one cell (>=45, ≤2)."""
    parsed = parse_value(text)
    return parsed.operator_written and parsed.number is not None


# A 指标方向 column's words: the comparison a target of that direction makes.
_DIRECTIONS = {"正向": "≥", "反向": "≤"}


# A name that carries its target's comparison (森林火灾受害率(≤0.9‰), Yunnan's forms).
_NAMED_COMPARISON = lazy_compile(r"[(（]\s*([≥≤><]|>=|<=)\s*([^()（）]+?)\s*[)）]\s*$")


def _sign_read_as_two(text: str, target: ParsedValue, actual: ParsedValue) -> ParsedValue:
    """A scan's ≥ read as 2 before a target (290% for ≥90%, 21.86万人 for ≥1.86万人): the
    figure after the 2 with its comparison, where the actual is near it and the figure as
    read is many times the actual. A rate then stays under 100 %."""
    if (
        target.operator_written
        or target.number is None
        or actual.number is None
        or actual.number <= 0
        or target.unit != actual.unit
        or not text.startswith("2")
        or target.number < _MANY_TIMES * actual.number
    ):
        return target
    rest = parse_value(text[1:])
    if rest.number is None or rest.unit != target.unit or rest.operator_written:
        return target
    if abs(actual.number - rest.number) > _NEAR * rest.number:
        return target
    if target.unit == "%" and not (_LOWEST_RATE <= rest.number <= _WHOLE_RATE):
        return target
    return target.model_copy(
        update={"operator": Operator.GE, "number": rest.number, "operator_written": True}
    )


_MANY_TIMES = 2.0  # the figure as read against the actual, at least
_NEAR = 0.25  # the actual within a quarter of the figure the 2 hid
_WHOLE_RATE = 100.0
_LOWEST_RATE = 10.0


def _with_named_operator(value: ParsedValue, name: str) -> ParsedValue:
    """A target printed without its comparison (0.9‰) whose name states it with the same
    figure (森林火灾受害率(≤0.9‰)): the name's comparison; the target as parsed otherwise."""
    if value.operator_written or value.number is None or ("(" not in name and "（" not in name):
        return value
    m = _NAMED_COMPARISON.search(name)
    if m is None:
        return value
    named = parse_value(m.group(1) + m.group(2))
    if named.number != value.number or named.unit != value.unit:
        return value
    return value.model_copy(update={"operator": named.operator, "operator_written": True})


def _with_unit(value: str, unit: Cell | None) -> str:
    """A value with the row's 度量单位 appended, unless it is qualitative or has a unit. The
    template's stars for a number never filled in (≥ | ** | %) take the unit as a number would."""
    if unit is None or not value or value.endswith(unit.text):
        return value
    if unit.text in _DEADLINE_RESTS and _DATE_END.search(value):
        return value + unit.text  # <= | 2020年10月31日 | 前: the deadline's word in the unit's cell
    parsed = parse_value(value)
    if parsed.number is not None:
        return value if parsed.unit else value + unit.text
    if parse_number(value.lstrip(_SIGN_CHARS)) is not None:
        return value + unit.text  # a figure a scan misread (=S for =5): a figure's unit still
    if _NOTE_LINE.fullmatch(unit.text) and "文字描述" not in unit.text:
        # = | 建立 | (定性): the kind of target, noted in brackets (not the column's own
        # (文字描述) left in it)
        return value + unit.text
    return value + unit.text if placeholder_in(value) in ("**", "＊＊") else value


_SIGN_CHARS = "=≥≤<>＝＞＜≧≦ "


# A note in brackets, whole, on a line of its own in a value's cell (a Word cell's second
# paragraph: 3,120批次 / (含省、市下达任务)).
_NOTE_LINE = lazy_compile(r"[(（][^()（）]{2,40}[)）]")


def _note_apart(text: str) -> tuple[str, str]:
    """A value's text and the note in brackets its cell printed on a line of its own after it
    (``""`` where there is none)."""
    head, sep, last = text.rpartition("\n")
    if sep and head.strip() and _NOTE_LINE.fullmatch(last.strip()):
        return head, last.strip()
    return text, ""


def _actual_unit(d: Draft) -> Cell | None:
    """The actual's unit in a column of its own right after it (完成值情况 over 完成值 | 单位,
    the target's split alike): an extra column labelled 单位, its cell a unit's words."""
    if d.actual is None:
        return None
    for label, c in d.extras.items():
        if (
            label.rstrip("0123456789") == _UNIT_LABEL
            and c.column == d.actual.column + 1
            and _UNIT_WORDS.fullmatch(c.text) is not None
        ):
            return c
    return None


_UNIT_LABEL = "单位"
_UNIT_WORDS = lazy_compile(r"[\u4e00-\u9fff%‰％/·]{1,6}")


def _initial_target(d: Draft) -> Cell | None:
    """The row's target as set at the year's start, on a form that prints it beside the
    adjusted one (年初目标值 | 调整后目标值)."""
    return next((c for label, c in d.extras.items() if INITIAL_TARGET.match(label)), None)


# The column of the year's first target beside the adjusted one (年初目标值, 原定目标值).
INITIAL_TARGET = lazy_compile(r"^(?:年初|原定?)(?:设定的?)?(?:目标|指标)值?")


def _to_indicator(d: Draft, described: bool = False) -> dict[str, Any]:
    """The indicator's fields, validated with the whole table (``described``: as for
    ``_target_text``)."""
    if d.target is None and (first := _initial_target(d)) is not None:
        # 调整后目标值 left empty: the target was not adjusted, the year's own (年初目标值) stands
        d.target = first
    target = _target_text(d, described)
    actual = d.actual.text if d.actual else ""
    actual, note = _note_apart(actual)
    if (unit := _actual_unit(d)) is not None and parse_number(actual) is not None:
        actual += unit.text  # 完成值 | 单位 under 完成值情况: the actual's own unit beside it
    if d.continued:  # a target or an actual broken by a page: its pieces joined
        target += _join(d.continued.get("target", []))
        actual += _join(d.continued.get("actual", []))
    # a value broken over lines in its cell (≥80<br>%, a target and its unit as two
    # paragraphs) is one value
    target, actual = _lines_joined(target), _lines_joined(actual)
    # The actual stays as printed; compared with the target, it is read in the row's unit.
    actual_read = _with_unit(actual, d.unit) if d.unit is not None else actual
    cells: dict[str, Any] = {}
    weight, score = d.weight, d.score
    if weight is not None:
        cells["weight"] = weight.ref()
    if score is not None:
        cells["score"] = score.ref()
    for key, part in (("name", d.name), ("explanation", d.explanation)):
        for n, piece in enumerate(part):  # a field broken by a page: name, name+1, …
            cells[key if n == 0 else f"{key}+{n}"] = piece.ref()
    if d.target is not None:
        cells["target"] = d.target.ref()
    if d.actual is not None:
        cells["actual"] = d.actual.ref()
        if note:  # kept, quoted at its cell: the value's note, no part of the value
            cells["actual_note"] = d.actual.piece(note).ref()
    for key, more in d.continued.items():
        for n, piece in enumerate(more, start=1):
            cells[f"{key}+{n}"] = piece.ref()
    if d.nature is not None:
        cells["target_nature"] = d.nature.ref()
    if d.unit is not None:
        cells["unit"] = d.unit.ref()
    for key, cell in d.extras.items():
        cells[key] = cell.ref()
    return {
        "l1": d.l1,
        "l2": d.l2,
        "name": _name_text(d.name),
        "target": target,
        "actual": actual,
        "weight": _points(weight),
        "score": _points(score),
        "explanation": _join(d.explanation),
        "target_value": _sign_read_as_two(
            target,
            _with_named_operator(parse_value(target), _name_text(d.name)),
            parse_value(actual_read),
        ),
        "actual_value": parse_value(actual_read),
        "lines": d.lines,
        "cells": cells,
    }
