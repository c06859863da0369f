"""The 绩效指标 header: which column holds what, read from the header's own labels.

Forms differ in their columns: 分值 before 年度指标值, the target split into 指标性质 /
指标值 / 度量单位, extra columns such as 复核分, no 分值 at all (20/80), the Hebei form's
符号 / 单位 / 单项指标得分 / 权重占比 / 折算得分. Each family declares its labels
(``reviewer/forms/families.py``); a header printed over two rows (年度指标值 above
指标性质 / 指标值 / 度量单位) is merged, the lower row naming the columns it spans.

A row is mapped by these labels when its cells sit under them (``by_column``), or, when a paste
dropped its empty cells, when it has one cell per column in the header's order (``in_order``,
only for a header whose order is not the standard one). Otherwise the section parser reads the
row by content, which assumes the standard order and copes with columns shifted between pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from reviewer.forms.families import DEFAULT, Family
from reviewer.forms.vocabulary import key, lookup, lookup_slipped
from reviewer.grid import Cell, Row
from reviewer.lazyre import lazy_compile
from reviewer.parse import labels as lb
from reviewer.parse.values import is_operator, is_placeholder, parse_points, parse_value
from reviewer.textnorm import unclosed_bracket
from reviewer.units import opens_with_unit


class Role(StrEnum):
    L1 = "l1"
    L2 = "l2"
    NAME = "name"
    NATURE = "nature"  # 指标性质: ≥ / ≤ / = (or 定性, 正向 …)
    TARGET = "target"
    UNIT = "unit"  # 度量单位
    ACTUAL = "actual"
    WEIGHT = "weight"
    SCORE = "score"
    EXPLANATION = "explanation"
    MEASURES = "measures"  # 改进措施 in a column of its own, beside 偏差原因
    EXTRA = "extra"  # a column the form adds (复核分, 备注): kept under its label


LABEL_LEVEL = {Role.L1: "l1", Role.L2: "l2"}  # a category column → its label level
# The label kinds a category column accepts.
_FITS = {
    Role.L1: frozenset({lb.LabelKind.L1, lb.LabelKind.AMBIGUOUS, lb.LabelKind.UNKNOWN}),
    Role.L2: frozenset({lb.LabelKind.L2, lb.LabelKind.AMBIGUOUS, lb.LabelKind.UNKNOWN}),
}
# Roles a row may leave empty at its end when a paste dropped the empty cells.
_OPTIONAL = frozenset({Role.EXPLANATION, Role.MEASURES, Role.EXTRA})
# Cells a row may leave empty between its filled ones: a 定性 target's unit, its sign.
_TARGET_PART_ROLES = frozenset({Role.UNIT, Role.NATURE})
_MAY_BE_EMPTY = _OPTIONAL | _TARGET_PART_ROLES
_NATURE_WORDS = frozenset({"定性", "定量", "正向", "反向"})


def _bare_unit(text: str) -> bool:
    """A unit alone (%, 日, %(百分比)), no figure before it."""
    return (
        len(text) <= _UNIT_CHARS and opens_with_unit(text) and not any(ch.isdigit() for ch in text)
    )


_UNIT_CHARS = 8


def _nature_word(text: str) -> bool:
    """What a 指标性质 / 符号 cell holds: a sign (≥, 不低于) or 定性 / 定量."""
    return text in _NATURE_WORDS or is_operator(text)


# What makes a row an indicator row besides its name.
_ROW_VALUES = (Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE)
# Columns that hold numbers on the 总分 row.
_TOTAL_ROLES = frozenset({Role.WEIGHT, Role.SCORE, Role.EXTRA})
# Columns whose cells a 总分 row never totals: words (the Hebei form's 完成情况, and its 指标分值
# where it holds the definitions, kept as an extra column), each row's own rate (完成率) and
# its own score out of 100 (单项指标得分, before its weighted one).
# A reviewer's or drafter's aside in brackets beside a row, under no header (（待核实）, （暂估）).
_ASIDE = lazy_compile(r"[(（]\s*(?:待|暂|需|请)[\u4e00-\u9fff]{1,6}\s*[)）]")
_WORDS_COLUMN = lazy_compile(
    r"解释|标准|说明|方法|依据|原因|备注|序号|完成率|完成比例|完成程度|完成情况|单项指标得分|单项得分"
    r"|指标分值|级指标"  # (二级指标三级指标: two label columns' titles read as one)
)
# The labels of a column of the rows' definitions, beside their names.
_DEFINITION_LABELS = frozenset({"指标分值", "指标解释", "指标定义", "指标说明"})
# The standard form's content columns, which reading a row by content assumes.
_STANDARD = [Role.NAME, Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE, Role.EXPLANATION]


# Family roles kept under their label (the Hebei form's 指标解释, 完成情况, 单项指标得分).
_KEPT_AS_EXTRA = frozenset({"extra", "description", "completion", "item_score"})


_HEADING_CHARS = (2, 8)  # a category's own word: 履职效能, 管理效率


def _weighted_heading(text: str) -> bool:
    """A short word with its weight (履职效能(50分)): a category the form names itself, in a
    category column."""
    bare, weight = lb.weight_note(text)
    lo, hi = _HEADING_CHARS
    return weight is not None and lo <= len(bare) <= hi and not any(ch.isdigit() for ch in bare)


def own_heading_text(text: str) -> bool:
    """A short word that may be a category of the form's own (预算管理, 部门履职): no figure,
    no known label of the form's."""
    lo, hi = _HEADING_CHARS
    return (
        lo <= len(text) <= hi
        and not any(ch.isdigit() for ch in text)
        and lb.label_kind(text) is None
        and lb.uncut(text) == text  # a label cut in its cell (服务对象满意度指 | 标…)
    )


def _own_heading(cell: Cell, cells: list[Cell], cols: IndicatorColumns) -> bool:
    """A short word in a category column of a row whose name stands in its own column (预算管理
    | “三公”经费变动率 | …): the form's own category, not a name out of place."""
    if not own_heading_text(cell.text):  # a known label in the other level's column: shifted
        return False
    # the row stands in its columns: a name under 三级指标 and its points under 得分 (a row
    # whose empty cells were dropped has its name in a category column, its points elsewhere)
    scored = [col for col, role in cols.roles.items() if role is Role.SCORE]
    return any(c.column == cols.name_column for c in cells) and any(
        c.column in scored and parse_points(c.text) is not None for c in cells
    )


def header_role(text: str, family: Family = DEFAULT) -> Role | None:
    """The role of a header label in ``family``'s form; None for a piece of the vertical label
    绩效指标 (or a label the form does not use for a column)."""
    return _header_role(text, family)


@lru_cache(maxsize=4096)
def _header_role(text: str, family: Family) -> Role | None:
    if lb.is_vertical_fragment(text, "绩效指标"):
        return None
    role = _declared(text, family)
    if role is None:
        return Role.EXTRA
    return Role.EXTRA if role in _KEPT_AS_EXTRA else Role(role)


def slipped_role(text: str, family: Family) -> Role | None:
    """The role of a scan's header label with one character misread (指标性庾, 度量単位)."""
    role = lookup_slipped(text, family.indicator_columns, _HEADER_SLIP_MIN)
    return None if role is None or role in _KEPT_AS_EXTRA else Role(role)


_HEADER_SLIP_MIN = 4  # characters: 指标性质, 度量单位 (三个字的 完成值 and 指标值 are too near)


@dataclass(slots=True)
class IndicatorColumns:
    """Column (1-based) → role, from the header row; ``labels`` keeps each header label."""

    roles: dict[int, Role] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    name_column: int = 3
    standard: bool = True  # the content columns are in the standard order (or unknown)
    any_labels: bool = False  # a rubric's categories are its own words (规划, 执行 …)
    # a category of the form's own was read with its weight (履职效能(50分)): its 二级 words
    # (预算管理, 资产管理) are the form's own too
    own_categories: bool = False

    def _content_columns(self) -> list[int]:
        """Columns from 三级指标 rightwards: what a row holds after its category labels."""
        return [
            col
            for col in sorted(self.roles)
            if col >= self.name_column and self.roles[col] not in LABEL_LEVEL
        ]

    def label_level(self, cell: Cell) -> str | None:
        """``l1``/``l2`` when the cell sits in a category column and reads as that label."""
        role = self.roles.get(cell.column)
        if role not in LABEL_LEVEL:
            return None
        text = cell.text
        if self.any_labels or lb.label_kind(text) in _FITS[role]:
            return LABEL_LEVEL[role]
        if (whole := lb.uncut(text)) != text and lb.label_kind(whole) in _FITS[role]:
            return LABEL_LEVEL[role]  # its cell cut its last character onto the next line
        if _weighted_heading(text):  # 履职效能(50分): a form's own category, weighted
            self.own_categories = True
            return LABEL_LEVEL[role]
        return None

    def by_column(self, cells: list[Cell]) -> RowMap | None:
        """The row's cells by role, when every cell sits under a header label that fits it."""
        roles = self.roles
        row = RowMap()
        for c in cells:  # one pass: this runs for every indicator row
            role = roles.get(c.column)
            if role is None:
                if _ASIDE.fullmatch(c.text) is not None:
                    continue  # （待核实） beside the row, under no header: no cell of it (reported)
                return None
            if role is Role.EXTRA:
                row.extras[self.labels[c.column]] = c
                continue
            if (
                role in LABEL_LEVEL
                and self.label_level(c) is None
                and not (self.own_categories and _own_heading(c, cells, self))
            ):
                first = row.cells.get(Role.L1)
                if (
                    first is not None
                    and first.text == c.text
                    and lb.is_row_of_its_own(c.text)
                    and any(x.column == c.column + 1 and x.text == c.text for x in cells)
                ):
                    c.used = True  # 预算执行率 merged across the label columns, printed in each
                    continue
                return None  # (printed twice, its last copy is the name: read in order)
            row.cells[role] = c
        unit, nature = row.cells.get(Role.UNIT), row.cells.get(Role.NATURE)
        if (
            unit is not None
            and nature is not None
            and _no_unit_there(nature, unit)
            and "文字" not in self.labels.get(unit.column, "")  # (Hebei's 单位(文字描述): words)
            and Role.SCORE in self.roles.values()
            and Role.SCORE not in row.cells  # a cell short: the last one's column left empty
        ):
            return self._unit_left_out(cells, unit.column)
        label = row.cells.get(Role.L1)
        if label is not None and lb.is_row_of_its_own(label.text):
            text = self._definitions()
            if Role.NAME in row.cells and text is not None and text not in row.extras:
                # (预算执行率 | 项目预算执行数占预算数的比例 | >= …: its label printed once, across
                # the label columns and the name's, its definition read in the name's column)
                row.extras[text] = row.cells.pop(Role.NAME)
            if Role.NAME not in row.cells:
                row.cells[Role.NAME] = label  # 预算执行率 printed across the label columns
        name = row.cells.get(Role.NAME)
        if (
            name is not None
            and name.text.startswith("标")
            and any(c.text.endswith("指") for c in cells if c.column < name.column)
        ):
            return None  # a label cut into the name's cell (…满意度指 | 标改造住户满意度)
        if (
            name is not None
            and Role.L2 in self.roles.values()
            and lb.label_kind(name.text) is lb.LabelKind.L2
            and lb.printed_label(name.text).endswith("指标")
        ):
            return None  # an 二级 label in the name's column (经济成本指标 | 单个自然村…): a row
            # pushed one column right (a merged label's text printed on it), read in order
        return row if row.has_values() else None

    def _definitions(self) -> str | None:
        """The label of the column of the rows' definitions (the Hebei form's 指标分值 holding
        them, 指标解释), if the form has one."""
        return next(
            (
                label
                for col, label in self.labels.items()
                if self.roles[col] is Role.EXTRA and key(label) in _DEFINITION_LABELS
            ),
            None,
        )

    def shifted(self, by: int) -> IndicatorColumns:
        """The same columns ``by`` places to the right."""
        return IndicatorColumns(
            roles={col + by: role for col, role in self.roles.items()},
            labels={col + by: label for col, label in self.labels.items()},
            name_column=self.name_column + by,
            standard=self.standard,
            any_labels=self.any_labels,
            own_categories=self.own_categories,
        )

    def _unit_left_out(self, cells: list[Cell], at: int) -> RowMap | None:
        """A 定性 row whose empty 度量单位 a layout of runs of spaces dropped (定性 | 及时 | 及时 |
        7 | 7): its cells from the unit's on, each one column further right."""
        placed = [(c.column + (c.column >= at), c) for c in cells]
        if any(col not in self.roles for col, _ in placed):
            return None
        row = self._place(placed)
        return row if row.has_values() else None

    def in_order(self, cells: list[Cell]) -> RowMap | None:
        """A row whose empty cells were dropped: its cells in the header's order of content
        columns, leaving only optional columns (explanation, extras) unfilled at the end."""
        order = self._content_columns()
        if not cells or len(cells) > len(order):
            return None
        if all(self.roles[col] in _OPTIONAL for col in order[len(cells) :]):
            row = self._place(list(zip(order, cells, strict=False)))
            if row.has_values():
                return row
        return self._in_order_spaced(cells, order) or self._in_order_unsigned(cells, order)

    def _in_order_unsigned(self, cells: list[Cell], order: list[int]) -> RowMap | None:
        """A row whose target's sign or unit cell was left empty and dropped with the others
        (家庭医生团队服务能力 | 10 | 逐步提升 | 有效提升 | 10.00 under 指标分值 | 符号 | 指标值 |
        计量单位 | …): its cells in the header's order without those columns, where no sign then
        stands outside its own."""
        parts = [col for col in order if self.roles[col] in _TARGET_PART_ROLES]
        if not parts:
            return None
        for dropped in ([p] for p in parts) if len(parts) > 1 else ():
            row = self._unsigned([col for col in order if col not in dropped], cells)
            if row is not None:
                return row
        return self._unsigned([col for col in order if col not in parts], cells)

    def _unsigned(self, order: list[int], cells: list[Cell]) -> RowMap | None:
        if len(cells) > len(order) or any(
            self.roles[col] not in _OPTIONAL for col in order[len(cells) :]
        ):
            return None
        placed = list(zip(order, cells, strict=False))
        if any(
            (self.roles[col] is Role.NATURE) != _nature_word(c.text)
            # (a unit, %, 日, is a unit's cell, its column kept: the row is not one of these)
            or (self.roles[col] not in (Role.UNIT, Role.EXTRA) and _bare_unit(c.text))
            for col, c in placed
        ):
            return None
        row = self._place(placed)
        return row if row.has_values() else None

    def _in_order_spaced(self, cells: list[Cell], order: list[int]) -> RowMap | None:
        """A row whose merged category cells were dropped but whose empty cells after its name
        were kept (a tab paste: 丰富农村群众文化生活 | 定性 | 有效丰富 | | 有效丰富 | …), which
        read one after another leave the 得分 unfilled: its cells in the header's order from the
        name on, each as far from the name as printed."""
        first = cells[0].column
        steps = [c.column - first for c in cells]
        if steps[-1] == len(cells) - 1 or steps[-1] >= len(order):
            return None  # no empty cell kept among them, or more places than the header's
        if any(self.roles[col] not in _OPTIONAL for col in order[steps[-1] + 1 :]):
            return None
        skipped = set(range(steps[-1])) - set(steps)
        if any(self.roles[order[k]] not in _MAY_BE_EMPTY for k in skipped):
            return None  # (a gap where a row's value stands: cells placed by position, a scan's)
        row = self._place([(order[k], c) for k, c in zip(steps, cells, strict=True)])
        return row if row.has_values() else None

    def totals(self, numbers: list[Cell]) -> RowMap | None:
        """The 总分 row's numbers by role: under the header's 分值 / 得分 / extra columns, or,
        for a header in another order, in that order (the last columns', when those in order
        would hold no 分值 or 得分); None to read them as the last two."""
        if not numbers:
            return None
        if all(self._holds_total(c.column) for c in numbers):
            return self._place([(c.column, c) for c in numbers])
        if self.standard or len(numbers) == 1:
            return None  # read as the last two; one figure not under its column is the 总分
        order = [col for col in self._content_columns() if self._holds_total(col)]
        if len(numbers) > len(order):
            return None
        placed = self._place(list(zip(order, numbers, strict=False)))
        points = [col for col in order if self.roles[col] in (Role.WEIGHT, Role.SCORE)]
        if placed.extras and len(placed.cells) < len(numbers) <= len(points):
            # fewer figures than columns, an added column of figures first (累计完成值 | 分值 |
            # 得分 over 总分 | 100 | 98.65): the points' columns
            return self._place(list(zip(points, numbers, strict=False)))
        if not placed.cells and any(self.roles[col] in _TOTAL_ROLES for col in order):
            # figures for the last columns only (the Hebei form's 权重占比 and 折算得分 totals
            # after columns of each row's own figures): the last columns'
            return self._place(list(zip(order[-len(numbers) :], numbers, strict=True)))
        return placed

    def _holds_total(self, col: int) -> bool:
        """A column a 总分 row's number may stand in: 分值, 得分, or an added column of figures
        (复核分), not one of words (指标解释, 评分标准, 得分计算方法)."""
        role = self.roles.get(col)
        if role is Role.EXTRA:
            return _WORDS_COLUMN.search(self.labels.get(col, "")) is None
        return role in _TOTAL_ROLES

    def _place(self, placed: list[tuple[int, Cell]]) -> RowMap:
        row = RowMap()
        for col, c in placed:
            role = self.roles[col]
            if role is Role.EXTRA:
                row.extras[self.labels[col]] = c
            else:
                row.cells[role] = c
        return row


@dataclass(slots=True)
class RowMap:
    """One indicator row's cells by role; ``extras`` by their header label."""

    cells: dict[Role, Cell] = field(default_factory=dict)
    extras: dict[str, Cell] = field(default_factory=dict)

    def has_values(self) -> bool:
        """An indicator row: a name and something of the row besides (a target, an actual, a
        分值 or a 得分: a form without 分值, or a row never scored, is still a row), with
        分值 and 得分, where printed, plain numbers."""
        cells = self.cells
        if Role.NAME not in cells:
            return False
        for role in (Role.WEIGHT, Role.SCORE):
            c = cells.get(role)
            if c is not None and parse_points(c.text) is None and not is_placeholder(c.text):
                return False
        # a row cut by the end of the document still opens its category (产出指标 | 数量指标 |
        # name): a fragment of a row broken by a page never carries a label
        return not cells.keys().isdisjoint(_ROW_VALUES) or Role.L1 in cells or Role.L2 in cells


# Labels printed over several columns (the Hebei form's 预期指标值 over 符号 | 值 | 单位, 自评得分
# over its three scores), which a copy laid out by position joins to the first column's label.
_GROUP_LABEL = lazy_compile(r"^(?:预期指标值|自评得分)(.*)$")


_AMOUNT = lazy_compile(r"\d[\d,]*\.\d+%?")  # 386.50, 98.20%: a figure no header label is


def close_wrapped_brackets(row: Row) -> None:
    """A header row's labels with the bracket a PDF's narrow cell wrapped into the next cell
    given back to its label (权重占比（% | ）单项指标折算得分 → 权重占比（%） | 单项指标折算得分)."""
    cells = row.cells
    for k in range(1, len(cells)):
        head, text = cells[k - 1].text, cells[k].text
        if text[:1] in ")）" and unclosed_bracket(head):
            cells[k - 1].text = head + text[0]
            cells[k].text = text[1:].lstrip()


# A part of the report numbered at the margin (四、年度绩效指标完成情况): no column's label.
_PART_HEADING = lazy_compile(r"^[一二三四五六七八九十]+[、.．]")
_ROWS_LOOKED_AT = 3


def is_part_heading(text: str) -> bool:
    """A part of the report numbered at the margin (四、年度绩效指标完成情况)."""
    return _PART_HEADING.match(text) is not None


def without_heading(header: Row, below: Sequence[Row], family: Family = DEFAULT) -> Row | None:
    """A header row opening with its part's numbered heading (四、年度绩效指标完成情况 | 一级指标
    | …, a text that writes the merged heading on its first row only) over rows whose category
    labels stand in the heading's column: the row without the heading, its labels a column to
    the left, over the rows' cells (quoted where they were printed), for ``better_read`` to
    weigh against the row as printed. None for any other header."""
    cells = header.cells
    if (
        len(cells) < 3
        or not is_part_heading(cells[0].text)
        or header_role(cells[1].text, family) is None
    ):
        return None
    col = cells[0].column
    rows = [row for row in below[:_ROWS_LOOKED_AT] if not is_sub_header(row, family)]
    if not any(
        c.column == col and lb.label_kind(c.text) is not None for r in rows for c in r.cells
    ):
        return None
    moved = [Cell(c.text, c.line, c.column, c.raw, where=c.where) for c in cells[1:]]
    for c in moved:
        c.move(-1)
    return Row(moved, header.line, header.page_break_before)


def better_read(
    columns: IndicatorColumns, other: IndicatorColumns, rows: Sequence[Row]
) -> IndicatorColumns:
    """Of two readings of a header, the one that reads more of ``rows`` by column; the first
    on a tie."""
    here = sum(columns.by_column(row.cells) is not None for row in rows)
    there = sum(other.by_column(row.cells) is not None for row in rows)
    return other if there > here else columns


_SECTION_POINTS = lazy_compile(r"[1-9]\d?|100")  # 70 after 绩效指标: whole points


# The national form's own label for a column some forms print twice, and the labels of the
# columns those forms add before it (the project's whole target, the weight as a share).
_NATIONAL = {Role.TARGET: "年度指标值", Role.WEIGHT: "分值"}
_ADDED = {
    Role.TARGET: lazy_compile(r"^(?:全年|项目|实施期|项目期|总体?|期末)目标值?$"),
    Role.WEIGHT: lazy_compile(r"权重"),
}
_NOTHING = lazy_compile(r"(?!)")


def read_header(row: Row, family: Family = DEFAULT) -> IndicatorColumns:
    """The header row's columns; its cells are used (they are the form's layout)."""
    cols = IndicatorColumns()
    last: Role | None = None
    scored = [header_role(c.text, family) is Role.SCORE for c in row.cells]
    for k, c in enumerate(row.cells):
        if k == 1 and _SECTION_POINTS.fullmatch(c.text) and any(scored[k + 1 :]):
            # the section's points printed before its columns' labels (绩效指标 | 70 | 一级指标
            # | … | 得分): no column of its own
            c.used = True
            continue
        text = lb.under_group(
            c.text,
            _GROUP_LABEL,
            lambda t: t == "单位" or header_role(t, family) not in (None, Role.EXTRA),
        )
        role = header_role(text, family)
        # a label, known or not; an amount on the header's row is no label: reported unread
        c.used = _AMOUNT.fullmatch(c.text) is None
        if text == "单位" and last is Role.TARGET and role in (None, Role.EXTRA):
            role = Role.UNIT  # 目标值 | 单位: the target's unit in a column of its own
        if (
            text in ("指标", "绩效指标")
            and last is Role.L2
            and Role.NAME not in cols.roles.values()
        ):
            # 一级指标 | 二级指标 | 指标 | 符号 | 值 | 单位, … | 二级指标 | 绩效指标 | 年度目标值: the
            # rows' names (绩效指标 elsewhere the block's own label, left of 一级指标)
            role = Role.NAME
        if text in ("值", "数值") and last is Role.NATURE and role in (None, Role.EXTRA):
            role = Role.TARGET  # 符号 | 值 | 单位: the target's figure between its sign and unit
        last = role
        if role is None:
            continue
        if role is Role.EXTRA and _bare_points(c.text) and Role.SCORE not in cols.roles.values():
            # a column headed only by the section's points (区域绩效目标自评表: 50 over the
            # rows' points, the rebuilt rows' score column): the points each row got
            role = Role.SCORE
        if role is Role.EXTRA and c.text in _GOAL_WORDS and Role.TARGET not in cols.roles.values():
            # 预期目标 | 实际完成 over the indicator rows: the goal block's words for the columns
            role = Role.TARGET
        if (
            role in (None, Role.EXTRA)
            and key(c.text) == _YEARS_GOAL
            and Role.NAME in cols.roles.values()
            and Role.TARGET not in cols.roles.values()
        ):
            # 三级指标 | 年度绩效目标 | 实际完成 (Guangdong's): the target, right of the names;
            # not the 20/80 form's 年度绩效目标（80分）, its block's label left of them
            role = Role.TARGET
        if (
            role in (Role.TARGET, Role.EXTRA)
            and Role.TARGET in cols.roles.values()
            and _ADJUSTED_TARGET.search(c.text)
        ):
            # 年初目标值 | 调整后目标值: the target adjusted in the year is the one scored; the
            # first is kept under its label
            for col, r in cols.roles.items():
                if r is Role.TARGET:
                    cols.roles[col] = Role.EXTRA
            role = Role.TARGET
        if role is Role.WEIGHT and c.text == _POINTS_WORD and role in cols.roles.values():
            role = Role.SCORE  # 分值 | 分数: beside a 分值, 分数 is the points the row got
        if role is not Role.EXTRA and role in cols.roles.values():
            # a second column of the same kind: keep it, do not guess; unless it is the one
            # the national form prints after one a form adds (年度指标值 after a 全年目标值 of
            # the project's years, 分值 after an 指标权重(%) of shares), which is the row's
            earlier = next(col for col, r in cols.roles.items() if r is role)
            if _NATIONAL.get(role) == key(text) and _ADDED.get(role, _NOTHING).search(
                key(cols.labels.get(earlier, ""))
            ):
                cols.roles[earlier] = Role.EXTRA
            else:
                role = Role.EXTRA
        cols.roles[c.column] = role
        cols.labels[c.column] = c.text
        if role is Role.NAME:
            cols.name_column = c.column
    for c in row.cells:
        # a label one character from one of the form's, for a column no other label names
        # (上年实际值 beside 实际完成值 stays the extra column it is)
        if cols.roles.get(c.column) is Role.EXTRA:
            role = slipped_role(c.text, family)
            if role is not None and role not in cols.roles.values():
                cols.roles[c.column] = role
                if role is Role.NAME:
                    cols.name_column = c.column
    cols.standard = _is_standard(cols)
    cols.any_labels = family.scoring.rubric
    # a department's form names its own categories (部门管理 / 预算管理) whether or not it
    # prints their weights in them
    cols.own_categories = family.own_categories
    return cols


def aligned(columns: IndicatorColumns, rows: Sequence[Row]) -> IndicatorColumns:
    """The header's columns, or the same one place to the right where the rows sit so: a
    header printed without the form's leading 绩效指标 cell (merged down the rows, in a text
    it prints on their first row only) over rows that keep its place. Rows then run one column
    past the header's last, or print a category label under 三级指标, and more of them read by
    column one place to the right; read by the header's places, a row whose 二级 label stands
    under 三级指标 would take the label for its name and its name for its target."""
    if not columns.roles:
        return columns
    last = max(columns.roles)
    if not any(_one_place_right(row, columns, last) for row in rows):
        return columns  # the cheap test first: this runs for every table
    return better_read(columns, columns.shifted(1), rows)


# A Hebei form's column labels that a form without 权重占比 and 折算得分 fills with the points:
# 指标分值 with each row's weight (where the province's form has the definition) and 单项指标得分
# with the score.
_POINTS_LABELS = {Role.WEIGHT: ("指标分值",), Role.SCORE: ("单项指标得分", "单项得分")}
_POINTS_ROWS = 3  # rows whose 指标分值 is a figure, none of them words


def points_in_hebei_labels(columns: IndicatorColumns, rows: Sequence[Row]) -> IndicatorColumns:
    """``columns`` with the Hebei form's 指标分值 read as the weight and 单项指标得分 as the
    score, where the form prints no 权重占比 (nor 折算得分, for the score) and every row's 指标分值
    is a bare figure (20, 10): a form that put the points where the province's prints the
    definition. Unchanged otherwise (the definitions are words)."""
    roles = set(columns.roles.values())
    if Role.WEIGHT in roles:
        return columns
    found = {  # (a score under 自评得分 stays: 指标分值 holds the weights beside it)
        role: col
        for col, label in columns.labels.items()
        if columns.roles.get(col) is Role.EXTRA
        for role, words in _POINTS_LABELS.items()
        if key(label) in words and role not in roles
    }
    if Role.WEIGHT not in found:
        return columns
    weights = [
        c.text for row in rows for c in row.cells if c.column == found[Role.WEIGHT] and c.text
    ]
    if len(weights) < _POINTS_ROWS or not all(_bare_points(t) for t in weights):
        return columns
    moved = columns.shifted(0)
    for role, col in found.items():
        moved.roles[col] = role
    moved.standard = _is_standard(moved)
    return moved


def _one_place_right(row: Row, columns: IndicatorColumns, last: int) -> bool:
    """Whether the row runs past the header's ``last`` column or prints a category label under
    its 三级指标."""
    cells = row.cells
    if not cells:
        return False
    if cells[-1].column > last:
        return True
    name = columns.name_column
    return any(c.column == name and lb.label_kind(c.text) is not None for c in cells)


_ADJUSTED_TARGET = lazy_compile(r"(?:调整后|调整|修订后|变更后)的?(?:年度)?(?:目标|指标)值")
_POINTS_WORD = "分数"
# The goal block's word for what was planned, heading an indicator header's target column.
_GOAL_WORDS = frozenset(("预期目标", "年度目标", "绩效目标", "计划目标", "目标"))
_YEARS_GOAL = "年度绩效目标"

_HEADERLESS_ROWS = 3
# The national form's label for each role, as its vocabulary spells it first (一级指标 …).
_NATIONAL_LABELS: dict[Role, str] = {}
for _label, _role in DEFAULT.indicator_columns:
    _NATIONAL_LABELS.setdefault(Role(_role), _label.rstrip("*"))
_NATIONAL_LABELS[Role.NATURE] = "指标性质"
_NATIONAL_LABELS[Role.UNIT] = "度量单位"


@dataclass(frozen=True, slots=True)
class _Shape:
    """What an indicator row printed without its header holds from its name on."""

    roles: tuple[Role, ...]  # the name's column first
    optional: frozenset[int] = frozenset()  # places (after the name) a row may leave empty
    labels: tuple[tuple[int, str], ...] = ()  # a place's own label (else the national one)


# name | target | actual | 分值 | 得分 (the national form)
_SCORED = _Shape((Role.NAME, Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE))
# name | 指标性质 | 指标值 | 度量单位 | actual | 分值 | 得分 (Sichuan's 指标性质 apart; a
# qualitative row leaves its unit empty)
_SPLIT = _Shape(
    (Role.NAME, Role.NATURE, Role.TARGET, Role.UNIT, Role.ACTUAL, Role.WEIGHT, Role.SCORE),
    frozenset({3}),
)
# name | 分值 | target | actual | 得分 (a variant printing 分值 before 年度指标值)
_WEIGHT_FIRST = _Shape((Role.NAME, Role.WEIGHT, Role.TARGET, Role.ACTUAL, Role.SCORE))
# name | target with its sign or unit | actual (a transfer form without points)
_UNSCORED = _Shape((Role.NAME, Role.TARGET, Role.ACTUAL))
# name | 指标分值 (its definition) | 符号 | 值 | 单位 | actual | 完成情况 | 单项指标得分 |
# 权重占比 | 折算得分 (the Hebei form's section 四)
_HEBEI = _Shape(
    (
        Role.NAME,
        Role.EXTRA,
        Role.NATURE,
        Role.TARGET,
        Role.UNIT,
        Role.ACTUAL,
        Role.EXTRA,
        Role.EXTRA,
        Role.WEIGHT,
        Role.SCORE,
    ),
    frozenset({4}),
    (
        (1, "指标分值"),
        (6, "单项指标完成情况"),
        (7, "单项指标得分"),
        (8, "权重占比(%)"),
        (9, "单项指标折算得分"),
    ),
)
# name | target | actual | 得分 (the 20/80 form: no 分值, the points in the 一级 labels)
_TWENTY = _Shape((Role.NAME, Role.TARGET, Role.ACTUAL, Role.SCORE))
_SHAPES = (_SCORED, _WEIGHT_FIRST, _SPLIT, _HEBEI, _TWENTY, _UNSCORED)
# The most points one row of a form without 分值 scores (the 20/80 form's 80 over a few rows).
_MOST_ROW_POINTS = 50.0
# Rows looked at for a target in words, where the first rows' are bare numbers.
_WORDED_ROWS = 8


def headerless(rows: Sequence[Row], not_names: Callable[[str], bool]) -> IndicatorColumns | None:
    """The columns of indicator rows printed without their header (a page excerpt that begins
    inside the indicator block): the first rows each print, after a 序号 and their category
    labels if any, a name and then the cells of one shape: the national form's target,
    actual, 分值 and an 得分 of at most twice it; the same with 分值 before the target;
    指标性质, 指标值, 度量单位 apart before the actual and the points; the Hebei form's; the
    20/80 form's target, actual and 得分; or, on a form without points, a target with its sign or unit
    and an actual (then perhaps an explanation, never a figure). At least one target of the
    rows that fit (of up to eight) is not a bare number, so that funds rows, all amounts, are
    not taken for them; no name is a label or what ``not_names`` rejects (a funds row's
    label). None when the rows are not such, or fit more than one shape."""
    if len(rows) < _HEADERLESS_ROWS:
        return None
    fitting = [
        (shape, found)
        for shape in _SHAPES
        if (found := _rows_fit(rows[:_WORDED_ROWS], shape, not_names)) is not None
    ]
    if len(fitting) != 1:
        return None
    shape, (k, numbered) = fitting[0]
    roles = [Role.L1, Role.L2, *shape.roles, Role.EXPLANATION]
    own = dict(shape.labels)
    cols = IndicatorColumns()
    for col, role in zip(range(k - 2, k - 2 + len(roles)), roles, strict=True):
        if col >= 1:
            cols.roles[col] = role
            cols.labels[col] = own.get(col - k) or _NATIONAL_LABELS[role]
    if numbered:
        cols.roles[k - 3] = Role.EXTRA
        cols.labels[k - 3] = "序号"
    cols.name_column = k
    cols.standard = _is_standard(cols)
    # categories in the form's own words before a name (部门管理 | 预算编制 | 预算调整率 …): a
    # department's, read as its rows are (a row printing one word has its 二级 alone)
    cols.own_categories = any(
        own_heading_text(c.text)
        for row in rows[:_HEADERLESS_ROWS]
        for c in row.cells
        if c.column < k and lb.label_kind(c.text) is None
    )
    return cols


def _rows_fit(
    rows: Sequence[Row], shape: _Shape, not_names: Callable[[str], bool]
) -> tuple[int, bool] | None:
    """(the name's column, whether a 序号 column stands before the labels) when the first
    rows fit ``shape`` and some target, theirs or of the fitting rows after, is more than a
    bare number."""
    columns: set[int] = set()
    numbered = worded = False
    for n, row in enumerate(rows):
        found = _row_fit(row, shape, not_names)
        if found is None and n >= _HEADERLESS_ROWS:
            break  # the first rows decide; those after only show a target in words
        if found is None:
            return None
        k, words = found
        worded = worded or words
        if n >= _HEADERLESS_ROWS:
            continue
        before = [c for c in row.cells if c.column < k]
        if before and _serial(before[0].text) and before[0].column == k - 3:
            numbered, before = True, before[1:]
        if any(lb.label_kind(c.text) is None and not own_heading_text(c.text) for c in before):
            return None  # before the name, only the row's category labels
        columns.add(k)
    if not worded:
        return None
    # rows whose merged label cells were dropped (标准农田面积 | ≥2.5万亩 | … under 质量指标 |
    # 工程验收合格率 | …) print their names further left: the columns are the fullest row's,
    # the others read in order
    return max(columns), numbered


# A figure with its sign or its unit (≥2.5万亩, 96%, 1.23万人): a value, never a name (a name
# may open with a figure, 0-6岁儿童健康管理率, and goes on in words).
_VALUE_LIKE = lazy_compile(r"^(?:[≥≤≧≦<>=＞＜＝]|>=|<=)|^\d[\d.,]*\s*[^\d\s]{0,4}$")


def _value_like(text: str) -> bool:
    return _VALUE_LIKE.search(text) is not None


def _serial(text: str) -> bool:
    return text.isdigit() and len(text) <= 3


def _row_fit(row: Row, shape: _Shape, not_names: Callable[[str], bool]) -> tuple[int, bool] | None:
    """(the name's column, whether the target is more than a bare number) when the row's last
    cells read as ``shape`` (and perhaps an explanation after)."""
    by_column = {c.column: c for c in row.cells}
    n = len(shape.roles)
    for c in row.cells:
        k = c.column
        if any(col > k + n for col in by_column) or _value_like(c.text):
            continue
        cells = [by_column.get(k + j) for j in range(n)]
        if any(x is None for j, x in enumerate(cells) if j not in shape.optional):
            continue
        if not all(
            _fits_role(role, x, cells, shape) for role, x in zip(shape.roles, cells, strict=True)
        ):
            continue
        after = by_column.get(k + n)
        if after is not None and parse_points(after.text) is not None:
            continue  # a figure is no explanation: another shape's points
        if parse_points(c.text) is not None or (
            lb.label_kind(c.text) is not None and not lb.is_row_of_its_own(c.text)
        ):
            return None  # (预算执行率, a 一级 label that is its row's name too, is a name)
        if not_names(c.text):
            return None
        target = cells[shape.roles.index(Role.TARGET)]
        worded = target is not None and parse_points(target.text) is None
        return k, worded or shape in (_SPLIT, _HEBEI, _UNSCORED)
    return None


def _fits_role(role: Role, cell: Cell | None, cells: list[Cell | None], shape: _Shape) -> bool:
    if cell is None:
        return True  # an optional place left empty
    text = cell.text
    if role is Role.WEIGHT:
        w = parse_points(text)
        return w is not None and 0 < w <= 100
    if role is Role.SCORE:
        sc = parse_points(text)
        if Role.WEIGHT not in shape.roles:
            return sc is not None and 0 <= sc <= _MOST_ROW_POINTS
        w = parse_points(cells[shape.roles.index(Role.WEIGHT)].text)  # type: ignore[union-attr]
        return w is not None and sc is not None and 0 <= sc <= 2 * w
    if role is Role.NATURE:
        return text in ("定性", "定量") or is_operator(text)
    if shape is _UNSCORED and role is Role.TARGET:
        value = parse_value(text)  # a sign or a unit (≥95%, 100%, 12公里): no bare amount
        return value.operator_written or (value.number is not None and bool(value.unit))
    if shape is _UNSCORED and role is Role.ACTUAL:
        return any(ch.isdigit() for ch in text)
    return True


def _bare_points(text: str) -> bool:
    return parse_points(text) is not None and text.strip().replace(".", "", 1).isdigit()


def is_sub_header(row: Row, family: Family = DEFAULT) -> bool:
    """The lower row of a two-row header: every cell a column label of the form (指标性质,
    指标值, 度量单位; 符号, 单位(文字描述), 权重占比 …), none of them a category or a value."""
    signed = _signed(row)
    roles = [
        _declared(c.text, family) or ("unit" if c.text == "单位" and signed else None)
        for c in row.cells
    ]
    return bool(roles) and all(
        r is not None or _PERIOD.fullmatch(c.text) for r, c in zip(roles, row.cells, strict=True)
    )


def is_column_numbering(row: Row) -> bool:
    """A row numbering the header's columns under it (栏次 | 1 | 2 | 3 | …, a system export's):
    a label of its own or none, then the numbers from 1 on, each one more than the last."""
    texts = [c.text.strip() for c in row.cells]
    if texts and texts[0] in _NUMBERING_LABELS:
        texts = texts[1:]
    return len(texts) >= _NUMBERED_COLUMNS and texts == [str(n) for n in range(1, len(texts) + 1)]


_NUMBERING_LABELS = frozenset({"栏次", "列次", "行次", "序号", "编号"})
_NUMBERED_COLUMNS = 4  # numbers, at the fewest, that number a header's columns


# The periods a value column is split into on a header's lower row (实际完成值 → 上半年 |
# 全年): the year's column takes the upper label's role, a part of the year is kept beside it.
_PERIOD = lazy_compile(
    r"(全年度?|年度|上半年|下半年|[一二三四1-4]季度|前三季度|1[-—~至]\d{1,2}月|截至\d{1,2}月(?:底|末)?)"
)
_WHOLE_YEAR = ("全年", "全年度", "年度")


def _signed(row: Row) -> bool:
    """A lower header row naming the target's parts, where 单位 is the target's unit: its sign
    (符号 | 值 | 单位, the Hebei form's) or its figure (指标值 | 单位 under 年度指标值)."""
    return any(c.text in _TARGET_PARTS for c in row.cells)


_TARGET_PARTS = frozenset({"符号", "指标值", "值", "数值"})


def _declared(text: str, family: Family) -> str | None:
    """The role ``text`` names; a label with a note bracketed after it (指标值（全年指标值）,
    完成值（%）) names its label's."""
    role = lookup(text, family.indicator_columns)
    if role is None and (bracket := _NOTED.match(key(text))) is not None:
        role = lookup(bracket.group(1), family.indicator_columns)
    return role


def _no_unit_there(nature: Cell, unit: Cell) -> bool:
    """A qualitative row (指标性质 定性) whose 度量单位 column holds a word no unit is (及时,
    稳定提升): its unit was left empty and the cells after it came one column early."""
    return key(nature.text) == "定性" and not opens_with_unit(unit.text) and len(unit.text) > 1


_NOTED = lazy_compile(r"^([^(]{2,})(?:\([^()]+\))+$")


def merge_header(upper: IndicatorColumns, lower: Row, family: Family = DEFAULT) -> IndicatorColumns:
    """The columns of a header printed over two rows: the lower row names the columns it spans
    (年度指标值 → 指标性质 / 指标值 / 度量单位), the upper row the others. A column the lower
    row leaves unnamed inside a span takes the upper label's role (the Hebei form prints 符号
    and 单位 under 预期指标值, and nothing over the value between them)."""
    merged = IndicatorColumns(
        dict(upper.roles), dict(upper.labels), upper.name_column, any_labels=upper.any_labels
    )
    lower_roles: dict[int, Role] = {}
    for c in lower.cells:
        c.used = True
        if _PERIOD.fullmatch(c.text):
            over = max((col for col in upper.roles if col <= c.column), default=None)
            if over is None:
                continue
            whole = c.text in _WHOLE_YEAR
            lower_roles[c.column] = upper.roles[over] if whole else Role.EXTRA
            merged.labels[c.column] = upper.labels[over] + ("" if whole else f"（{c.text}）")
            continue
        role = header_role(c.text, family)
        if c.text == "单位" and role in (None, Role.EXTRA) and _signed(lower):
            role = Role.UNIT  # 符号 | 值 | 单位: the target's unit, its note left off
        if role is None:
            continue
        lower_roles[c.column] = role
        merged.labels[c.column] = c.text
        if role is Role.NAME:
            merged.name_column = c.column
    upper = _spread(upper, merged, set(lower_roles))
    upper_cols = sorted(upper.roles)
    for i, col in enumerate(upper_cols):
        end = upper_cols[i + 1] if i + 1 < len(upper_cols) else max(lower_roles, default=col) + 1
        span = [k for k in lower_roles if col <= k < end]
        if not span or (col not in lower_roles and upper.roles[col] is Role.EXTRA):
            continue  # 序号 over nothing, the lower labels under a group label beside it
        role = merged.roles.pop(col)
        if role in lower_roles.values() or role is Role.EXTRA:
            continue
        free = [k for k in range(col, end) if k not in lower_roles]
        if free:  # the upper label names the unlabelled column of its span
            merged.roles[free[0]] = role
            merged.labels[free[0]] = upper.labels[col]
    for col, role in lower_roles.items():
        if role is not Role.EXTRA and role in merged.roles.values():
            role = Role.EXTRA
        merged.roles[col] = role
    merged.standard = _is_standard(merged)
    return merged


def _spread(upper: IndicatorColumns, merged: IndicatorColumns, lower: set[int]) -> IndicatorColumns:
    """The upper row as printed without the columns its group labels span (Word's plain
    text writes a merged cell once: 预期指标值 | 单项指标实际完成值 | … over 符号 | 值 | 单位 |
    | | 单项指标得分 …), each label moved on by the spans before it; ``upper`` itself where
    no other upper label stands over a sub-label's column inside a group, or the upper row
    reaches as far as the lower (its columns as printed).
    ``merged`` gets the moved labels' roles and labels in place of the printed ones."""
    inside = [
        col
        for col in upper.roles
        if col in lower
        and col - 1 in lower
        and upper.labels.get(col) != upper.labels.get(col - 1)  # (a merged label repeated)
        # over a group's part (值 under 预期指标值), not a wrapped label's end (…实际 / 完成值),
        # and no group's own label (自评得分 over its parts)
        and lb.group_of(merged.labels.get(col, ""), parents=False) is not None
        and lb.group_of(upper.labels.get(col, ""), parents=True) is None
    ]
    if not inside or max(upper.roles) >= max(lower):
        return upper
    spread = IndicatorColumns(
        {}, {}, upper.name_column, any_labels=upper.any_labels, own_categories=upper.own_categories
    )
    shift = 0
    for col in sorted(upper.roles):
        at = col + shift
        run = 0
        while at + run in lower:
            run += 1
        spread.roles[at], spread.labels[at] = upper.roles[col], upper.labels[col]
        shift += max(run - 1, 0)
    for col in upper.roles:
        merged.roles.pop(col, None)
        if col not in lower:  # (a sub-label's column keeps the lower row's label)
            merged.labels.pop(col, None)
    merged.roles.update(spread.roles)
    merged.labels.update({col: text for col, text in spread.labels.items() if col not in lower})
    return spread


def _is_standard(cols: IndicatorColumns) -> bool:
    roles = [cols.roles[col] for col in cols._content_columns()]
    return roles in (_STANDARD, _STANDARD[:-1]) or not roles


_ALL_KNOWN = 3  # labels one space apart, every one known: a header's piece
_HEADER_WORDS_MIN = 3  # header labels among a line's words that make it a header


@lru_cache(maxsize=1)
def _all_header_labels() -> tuple[tuple[str, str], ...]:
    from reviewer.forms.families import FAMILIES

    seen: dict[str, str] = {}
    for family in FAMILIES:
        for label, role in family.indicator_columns:
            seen.setdefault(label, role)
    return tuple(seen.items())


@lru_cache(maxsize=1)
def _all_fund_labels() -> tuple[tuple[str, str], ...]:
    from reviewer.forms.families import FAMILIES

    return tuple({label: role for f in FAMILIES for label, role in f.fund_columns}.items())


def header_words(text: str) -> list[str] | None:
    """A scan's header line whose labels one space parts (一級指标 二级指标 三级指杯 指标性贡
    指标值 …): its words, when three or more and half or more of them are column labels of a
    form (one character misread in a long one allowed); else None."""
    if text.count(" ") < _ALL_KNOWN - 1:  # most text ends here
        return None
    words = text.split()
    table = _all_header_labels()
    known = sum(
        lookup(w, table) is not None or lookup_slipped(w, table, _HEADER_SLIP_MIN) is not None
        for w in words
    )
    funds = _all_fund_labels()
    if len(words) >= _ALL_KNOWN and all(
        lookup(w, table) is not None or lookup(w, funds) is not None for w in words
    ):
        return words  # three labels, each one a form prints (调整后预算数 预算执行数 预算执行率)
    if text.count(" ") < _HEADER_WORDS_MIN:  # four labels at the fewest, some not known
        return None
    return words if known >= _HEADER_WORDS_MIN and 2 * known >= len(words) else None
