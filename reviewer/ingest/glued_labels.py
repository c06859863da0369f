"""A header line whose labels were run together (年度绩效目标(80分)一级指标二级指标三级指标年初目标值(A)
实际完成值(B)得分偏差原因分析及改进措施): a web page's copy drops the cells between them.

Such a line is cut back into its labels where it is made of nothing else: each piece is one of
the forms' labels (an indicator, funds or goal column, a block's or section's label, a funds row's)
with the note a form prints after it ((A), (80分), (20分*执行率)). A line with anything else in it
(a value, a word no form prints) is left as it is: cutting it would be a guess.
"""

from __future__ import annotations

from functools import cache

from reviewer.lazyre import lazy_compile

_NOTE = lazy_compile(r"[(（][^()（）]{1,12}[)）]")
_MIN_LABELS = 3
_MAX_CHARS = 160


@cache
def _goal_columns() -> frozenset[str]:
    """The goal block's two column labels (预期目标, 实际完成情况), as the forms print them."""
    from reviewer.forms.families import FAMILIES

    return frozenset(t for f in FAMILIES for t in (*f.goal_expected, *f.goal_actual))


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
    holds anything that is no label, or fewer than three labels (two: the goal's columns)."""
    text = line.strip()
    if not text or " " in text or len(text) > _MAX_CHARS:
        return None
    fewest = _split(text, more=False)
    if fewest is None:
        return None
    # A label that is two labels (执行率得分: 执行率 | 得分) is cut in two where no label then
    # comes twice: 分值执行率得分 is three columns, 执行率分值执行率得分 two.
    most = _split(text, more=True)
    result = most if most is not None and len(set(most)) == len(most) else fewest
    if len(result) >= _MIN_LABELS:
        return result
    # the goal block's two columns run together (预期目标实际完成情况): two labels no
    # other label joins, where two labels of other kinds often make one (一般公共预算财政拨款)
    goals = _goal_columns()
    return result if len(result) == 2 and all(r in goals for r in result) else None


def _split(text: str, more: bool) -> list[str] | None:
    """``text`` as a run of labels, each with its notes: the fewest labels (or the most, where
    ``more``); None when it is not one."""
    labels = _labels()
    longest = max(map(len, labels))
    # best[i]: the split of text[:i] with the fewest (most) labels; None: it cannot be made
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
            known = best[end]
            if known is None or (len(split) > len(known) if more else len(split) < len(known)):
                best[end] = split
    return best[len(text)]


def labels_spaced(line: str) -> str:
    """``line`` with each word made of run-together labels (``glued_labels``) cut into them,
    a space between; the other words as they are."""
    if len(line) < _MIN_LABELS * 2:
        return line
    words = line.split()
    if len(words) <= 1:
        labels = glued_labels(line)
        return " ".join(labels) if labels else line
    out = [" ".join(labels) if (labels := glued_labels(w)) else w for w in words]
    return " ".join(out) if out != words else line
