"""The indicator section's header: which grid column holds what, from the header's labels.

The header names the columns in the form's own words; the family's ``indicator_columns`` say
what each holds. Two-row headers (``年度指标值`` over ``指标性质 / 指标值 / 度量单位``;
Hebei's ``预期指标值`` over ``符号 / 单位`` and ``自评得分`` over three score columns) are
merged into one list of columns, the group label spanning its sub-columns, as a tab rendering
lays them out: the section's title in column 1, the columns from column 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reviewer.forms.families import FAMILIES, Family
from reviewer.forms.vocabulary import key
from reviewer.ingest.rebuild.anchors import Kind, kinds, label_role
from reviewer.ingest.rebuild.tokenise import Token


class Slot(StrEnum):
    """What a column holds, as far as telling cells apart needs."""

    SEQ = "seq"  # 序号
    L1 = "l1"
    L2 = "l2"
    NAME = "name"
    NATURE = "nature"  # ≥ ≤ = (指标性质, 符号)
    VALUE = "value"  # the number of a split target (指标值)
    UNIT = "unit"  # 度量单位
    TARGET = "target"  # a whole target (年度指标值): ≥95%, 及时
    ACTUAL = "actual"
    WEIGHT = "weight"
    SCORE = "score"
    NUMBER = "number"  # another column of points (单项指标得分, 复核分)
    WORD = "word"  # a short verdict (单项指标完成情况: 完成)
    TEXT = "text"  # free text (指标解释, 评分标准, 得分计算方法, Hebei's 指标分值)
    EXPLANATION = "explanation"


_ROLE_SLOT = {
    "l1": Slot.L1,
    "l2": Slot.L2,
    "name": Slot.NAME,
    "nature": Slot.NATURE,
    "unit": Slot.UNIT,
    "target": Slot.TARGET,
    "actual": Slot.ACTUAL,
    "weight": Slot.WEIGHT,
    "score": Slot.SCORE,
    "item_score": Slot.NUMBER,
    "completion": Slot.WORD,
    "description": Slot.TEXT,
    "explanation": Slot.EXPLANATION,
    "measures": Slot.EXPLANATION,
}
_LABEL_SLOTS = frozenset({Slot.L1, Slot.L2, Slot.NAME, Slot.SEQ})
_TARGET_PARTS = frozenset({Slot.NATURE, Slot.VALUE, Slot.UNIT, Slot.TARGET})
_SCORE_PARTS = frozenset({Slot.NUMBER, Slot.WEIGHT, Slot.SCORE})
_RESULTS = frozenset({Slot.ACTUAL, Slot.SCORE, Slot.WORD})


@dataclass(slots=True)
class Column:
    number: int  # the grid column
    slot: Slot
    label: str


@dataclass(slots=True)
class Header:
    columns: list[Column]
    rows: list[list[tuple[Token, int]]]  # the header's own rows, each token with its column

    def slots(self) -> list[Slot]:
        return [c.slot for c in self.columns]

    def column_of(self, *slots: Slot) -> list[int]:
        return [c.number for c in self.columns if c.slot in slots]


# 单位 alone is a column's label only on a header's lower row after the target's figure
# (年度指标值 over 指标值 | 单位): elsewhere it is a key (单位名称) or a field's.
UNIT_UNDER_VALUE = "单位"
_VALUE_PARTS = frozenset({"指标值", "值", "符号"})


# 指标 alone names the rows' column only right after 二级指标 (elsewhere it is a piece of a
# wrapped label, 绩效 / 指标).
NAME_AFTER_L2 = "指标"


def is_value_part(t: Token) -> bool:
    return key(t.text) in _VALUE_PARTS


def slot_of(label: str, family: Family) -> Slot:
    """What the column headed ``label`` holds, by the family's labels (then any family's)."""
    k = key(label)
    if k == "序号":
        return Slot.SEQ
    if k == UNIT_UNDER_VALUE:
        return Slot.UNIT  # (taken as a label only after 指标值: see UNIT_UNDER_VALUE)
    if k == NAME_AFTER_L2:
        return Slot.NAME  # (taken as a label only after 二级指标: see NAME_AFTER_L2)
    role = label_role(k, [f.indicator_columns for f in (family, *FAMILIES)])
    if role is None or role == "extra":
        return Slot.NUMBER if k.endswith("分") else Slot.TEXT
    return _ROLE_SLOT.get(role, Slot.TEXT)


def is_section(t: Token) -> bool:
    return Kind.SECTION in kinds(t.text)


def split_rows(labels: list[Token], family: Family) -> tuple[list[Token], list[Token]]:
    """A two-row header read as one run of labels: the second row starts at a category or
    name label that follows a value column (``…偏差原因分析 一级指标 二级指标 …``), or at a
    part of a split target printed after the results (Hebei's ``…自评得分 符号 单位 …``:
    a form prints its target's parts before its actual, never after)."""
    seen_value = seen_result = seen_target = False
    for i, t in enumerate(labels):
        slot = slot_of(t.text, family)
        if slot in (Slot.L1, Slot.L2, Slot.NAME) and seen_value:
            return labels[:i], labels[i:]
        if slot in (Slot.NATURE, Slot.UNIT) and seen_result:
            return labels[:i], labels[i:]
        if slot is Slot.TARGET and seen_target and seen_result:
            return labels[:i], labels[i:]  # 年度指标值 … 偏差原因分析 指标值 单位: its parts
        if slot not in _LABEL_SLOTS:
            seen_value = True
        seen_result = seen_result or slot in _RESULTS
        seen_target = seen_target or slot is Slot.TARGET
    return labels, []


@dataclass(slots=True)
class _Entry:
    slot: Slot
    label: str
    top: Token | None = None  # the token printing it in the header's first row
    below: Token | None = None  # in its second row


def build_header(
    section: list[Token],
    first: list[Token],
    second: list[Token],
    extra: list[Token],
    family: Family,
) -> Header:
    """Columns from the header's rows: ``section`` (the section's title pieces), the first
    row's labels, the second row's (empty for a one-row header), and ``extra`` tokens printed
    in the header where a column has no label (a bare section weight: a points column)."""
    start = 2 if section else 1
    second_slots = [(t, slot_of(t.text, family)) for t in second]
    lead = [(t, s) for t, s in second_slots if s in (Slot.L1, Slot.L2, Slot.NAME)]
    subs: list[tuple[Token, Slot]] = [
        (t, s) for t, s in second_slots if s not in (Slot.L1, Slot.L2, Slot.NAME)
    ]
    first_slots = [(t, slot_of(t.text, family)) for t in first]
    entries: list[_Entry] = []
    if lead and not any(s in (Slot.L1, Slot.L2, Slot.NAME) for _, s in first_slots):
        entries.extend(_Entry(s, t.text, below=t) for t, s in lead)
        lead = []
    k = 0
    while k < len(first_slots):
        t, s = first_slots[k]
        k += 1
        parts = _group_parts(s, subs)
        if not parts and not second:
            # a one-row header printing each group's label before its parts (预期指标值 符号
            # 值 单位(文字描述) …, 自评得分 单项指标得分 权重占比 …: a copy in reading order)
            rest = first_slots[k:]
            parts = _group_parts(s, rest)
            if len(parts) >= 2:
                k += len(parts)
            else:
                parts = []
        if parts:
            entries.extend(_expand(t, parts))
        else:
            entries.append(_Entry(s, t.text, top=t))
    entries.extend(_Entry(s, t.text, below=t) for t, s in subs)  # unclaimed sub-labels
    for t, s in lead:  # the second row repeats a label of the first: under it
        same = next((e for e in entries if e.slot is s and e.below is None), None)
        if same is None:
            entries.append(_Entry(s, t.text, below=t))
        else:
            same.below = t
    if extra and all(e.slot is not Slot.SCORE for e in entries):
        entries.append(_Entry(Slot.SCORE, extra[0].text, top=extra[0]))
        extra = extra[1:]
    columns = [Column(start + k, _split_value(entries, k), e.label) for k, e in enumerate(entries)]
    top = [(t, 1) for t in section]
    top += [(e.top, c.number) for e, c in zip(entries, columns, strict=True) if e.top]
    after = start + len(entries)
    top += [(t, after + k) for k, t in enumerate(extra)]
    below = [(e.below, c.number) for e, c in zip(entries, columns, strict=True) if e.below]
    return Header(columns=columns, rows=[r for r in (top, below) if r])


def _group_parts(slot: Slot, subs: list[tuple[Token, Slot]]) -> list[tuple[Token, Slot]]:
    """The sub-columns a first-row label spans, taken from the front of ``subs``."""
    parts = _TARGET_PARTS if slot is Slot.TARGET else _SCORE_PARTS if slot is Slot.SCORE else None
    if parts is None:
        return []
    taken = []
    while subs and subs[0][1] in parts:
        taken.append(subs.pop(0))
    return taken


def _expand(group: Token, parts: list[tuple[Token, Slot]]) -> list[_Entry]:
    """A group label over its sub-columns; a split target always has its value column."""
    out: list[_Entry] = []
    slots = {s for _, s in parts}
    for k, (t, s) in enumerate(parts):
        out.append(_Entry(s, t.text, top=group if k == 0 else None, below=t))
        if s is Slot.NATURE and not slots & {Slot.VALUE, Slot.TARGET}:
            out.append(_Entry(Slot.VALUE, ""))
    return out


def _split_value(entries: list[_Entry], k: int) -> Slot:
    """A target column beside a nature or unit column holds only the number."""
    slot = entries[k].slot
    if slot is Slot.TARGET:
        near = {entries[j].slot for j in (k - 1, k + 1) if 0 <= j < len(entries)}
        if near & {Slot.NATURE, Slot.UNIT}:
            return Slot.VALUE
    return slot
