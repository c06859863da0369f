"""Indicator design: units, zero targets, zero weights, the default weight split."""

from __future__ import annotations

from random import Random

from eval.mutations import (
    UNIT_SWAP,
    Injected,
    Want,
    clean_quantitative,
    full_marks,
    mutation,
    number_text,
    pick,
    set_actual,
    set_target,
)
from reviewer.model import Category, EvaluationTable, Severity
from reviewer.numbers import fmt_number


@mutation("unit")
def m_unit(t: EvaluationTable, rng: Random) -> Injected | None:
    rows = [i for i in clean_quantitative(t) if i.actual_value.unit in UNIT_SWAP]
    ind = pick(rng, rows)
    if ind is None or ind.actual_value.number is None:
        return None
    unit = UNIT_SWAP[ind.actual_value.unit]
    old = ind.actual
    set_actual(ind, number_text(ind.actual_value.number, unit))
    note = f"注入：「{ind.name}」实际完成值由{old}改为{ind.actual}，与年度指标值{ind.target}计量单位不一致。"
    wants = [Want(Category.INDICATOR, Severity.WARNING, note, ind.name, codes=["S108"])]
    return Injected(t, wants)


@mutation("zero-target")
def m_zero_target(t: EvaluationTable, rng: Random) -> Injected | None:
    ind = pick(rng, clean_quantitative(t, "higher"))
    if ind is None:
        return None
    old = ind.target
    set_target(ind, f">=0{ind.target_value.unit}")
    note = f"注入：「{ind.name}」年度指标值由{old}改为{ind.target}，以0为目标的正向指标无法考核。"
    wants = [Want(Category.INDICATOR, Severity.INFO, note, ind.name, codes=["S105"])]
    return Injected(t, wants)


@mutation("zero-weight")
def m_zero_weight(t: EvaluationTable, rng: Random) -> Injected | None:
    rows = [i for i in t.indicators if full_marks(i) and not i.explanation]
    ind = pick(rng, rows)
    if ind is None or ind.weight is None:
        return None
    peers = [i for i in rows if i is not ind and i.l1 == ind.l1]
    peer = pick(rng, peers)
    if peer is None or peer.weight is None:
        return None
    w = ind.weight
    ind.weight = ind.score = 0.0
    peer.weight = peer.score = peer.weight + w
    note = f"注入：「{ind.name}」分值与得分改为0，其分值{fmt_number(w)}分并入「{peer.name}」。"
    wants = [Want(Category.INDICATOR, Severity.WARNING, note, ind.name, codes=["W103"])]
    return Injected(t, wants)


@mutation("default-split")
def m_default_split(t: EvaluationTable, rng: Random) -> Injected | None:
    out_rows = [
        i for i in t.indicators if full_marks(i) and i.l1 == "产出指标" and (i.weight or 0) >= 4
    ]
    ben_rows = [i for i in t.indicators if full_marks(i) and i.l1 == "效益指标"]
    a, b = pick(rng, out_rows), pick(rng, ben_rows)
    if a is None or b is None or a.weight is None or b.weight is None:
        return None
    d = float(rng.randint(2, min(5, int(a.weight) - 1)))
    if rng.random() < 0.5:
        a, b = b, a  # move weight the other way (效益 → 产出)
        if a.weight is None or a.weight - d < 1 or b.weight is None:
            return None
    a.weight = a.score = (a.weight or 0) - d
    b.weight = b.score = (b.weight or 0) + d
    note = f"注入：{fmt_number(d)}分分值由「{a.name}」（{a.l1}）移至「{b.name}」（{b.l1}），一级指标分值偏离默认的产出50、效益30。"
    return Injected(t, [Want(Category.INDICATOR, Severity.WARNING, note, codes=["W102"])])
