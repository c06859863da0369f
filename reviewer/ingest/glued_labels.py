"""A header line whose labels were run together (年度绩效目标(80分)一级指标二级指标三级指标年初目标值(A)
实际完成值(B)得分偏差原因分析及改进措施): a web page's copy drops the cells between them.

Such a line is cut back into its labels where it is made of nothing else: each piece is one of
the forms' labels (an indicator, funds or goal column, a block's or section's label, a funds row's)
with the note a form prints after it ((A), (80分), (20分*执行率)). A line with anything else in it
(a value, a word no form prints) is left as it is: cutting it would be a guess.
"""

from __future__ import annotations

import re
from functools import cache

_NOTE = re.compile(r"[(（][^()（）]{1,12}[)）]")
_MIN_LABELS = 3
_MAX_CHARS = 160


@cache
def _labels() -> frozenset[str]:
    """Every label the forms print, as printed (a prefix label ``X*`` as ``X``)."""
    from reviewer.forms.families import FAMILIES

    found: set[str] = set()
    for f in FAMILIES:
        tables = (
            f.indicator_columns,
            f.fund_columns,
            f.fund_rows,
            f.text_fields,
            tuple((t, "") for t in f.goal_expected),
            tuple((t, "") for t in f.goal_actual),
        )
        for table in tables:
            for label, _ in table:
                label = label.rstrip("*")
                if len(label) >= 2 and not _NOTE.search(label):
                    found.add(label)
    found.update(
        ("年度总体目标", "绩效指标", "年度绩效目标", "年度绩效指标", "预算执行情况", "项目资金")
    )
    return frozenset(found)


def glued_labels(line: str) -> list[str] | None:
    """The labels a line is made of, each with the note printed after it; None when the line
    holds fewer than three or anything that is no label."""
    text = line.strip()
    if not text or " " in text or len(text) > _MAX_CHARS:
        return None
    labels = _labels()
    longest = max(map(len, labels))
    # best[i]: the fewest labels that make text[:i], with the split (None: it cannot be made)
    best: list[list[str] | None] = [None] * (len(text) + 1)
    best[0] = []
    for i in range(len(text)):
        if best[i] is None:
            continue
        for j in range(min(len(text), i + longest), i + 1, -1):
            word = text[i:j]
            if word not in labels:
                continue
            end = j
            note = _NOTE.match(text, end)
            while note:  # 年初目标值(A), 预算执行情况(20分)(万元)
                end = note.end()
                note = _NOTE.match(text, end)
            split = [*best[i], text[i:end]]  # type: ignore[misc]
            if best[end] is None or len(split) < len(best[end]):  # type: ignore[arg-type]
                best[end] = split
    result = best[len(text)]
    return result if result is not None and len(result) >= _MIN_LABELS else None
