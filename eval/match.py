"""Matching predictions (the review's findings) to labels, one to one, on place *and* content.

The rule, printed in every report (``RULE``): a prediction matches a label when

- **place**: the project agrees (after ``name_key``: folded, traditional read as simplified; one name containing the other
  counts, for codes printed before a name; a label may list alternatives, and a label without a
  project matches any table of its document) and the row agrees (the indicator after
  normalisation, or both name none; a table-level ``any_row`` label also takes a finding on any
  row);
- **content**: the prediction's rule code starts with one of the label's ``codes`` (a code or a
  family), or its message contains the label's ``cue``.

A finding on the right row about something else is therefore a false positive, and the label it
did not find a miss. The category is not compared: a label's codes say what finds it, and the
catalogue files some problems under another category than a labeller might (a TP counts under the
label's category, an FP under the prediction's). Each label and each prediction is used at most
once; among all one-to-one assignments the one with the most matched required labels is taken,
then the one absorbing the most predictions into optional labels; remaining ties prefer an exact
code, a named row, then the same category and layer. Further predictions that match an
``any_row`` label already used are absorbed (the label describes several rows). The assignment
is exact (Hungarian algorithm) per connected group of compatible labels and predictions.

``match(..., content=False)`` drops the content condition and compares categories instead: the
content-blind rule this harness used before, kept to show what content-aware matching changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from eval.labels import Label
from reviewer.forms.script import for_reading
from reviewer.ingest.reading import visible
from reviewer.model import Category, Finding, Severity
from reviewer.textnorm import fold, without_enumeration

RULE = (
    "匹配规则 / Matching rule: 预测与标注的项目、行（指标名称规范化后一致，或同为整表）一致，"
    "且内容一致——规则代码属于标注列出的代码或代码族，或意见文字含标注给出的提示词——才算找到；"
    "位置对而内容不对的，计一条误报和一条遗漏。一一对应，取找到标注数最多的分配（匈牙利算法）。"
    " A prediction matches a label when project and row agree (indicator after normalisation, or"
    " both the table as a whole) AND its content agrees: its rule code is one of the label's codes"
    " or code families, or its message contains the label's cue. A finding on the right row about"
    " something else is a false positive plus a miss. One-to-one, maximising found labels"
    " (Hungarian algorithm)."
)


@dataclass(frozen=True)
class Prediction:
    """A finding as the harness compares it."""

    code: str
    category: Category
    severity: Severity
    project: str
    indicator: str | None
    source: str  # rules / llm
    message: str

    @classmethod
    def of(cls, f: Finding) -> Prediction:
        return cls(
            f.code, f.category, f.severity, f.project, f.indicator, f.source or "rules", f.message
        )

    def key(self) -> str:
        """Stable text key (for baselines and diffs): code|project|indicator."""
        return f"{self.code}|{self.project}|{self.indicator or ''}"


@dataclass
class MatchResult:
    matched: list[tuple[Label, Prediction]] = field(default_factory=list)  # required labels
    absorbed: list[tuple[Label, Prediction]] = field(default_factory=list)  # optional / any_row
    missed: list[Label] = field(default_factory=list)  # required labels left unmatched
    spurious: list[Prediction] = field(default_factory=list)


@lru_cache(maxsize=16384)
def text_key(text: str) -> str:
    """A printed value as compared: folded, and read as the tool reads it (traditional
    characters as simplified, zero-width characters left out)."""
    return fold(for_reading(visible(text), True))


@lru_cache(maxsize=16384)
def name_key(text: str) -> str:
    """A name as compared: folded, and read as the tool reads it (a label copied from a form
    printed in traditional characters, with a mirror site's pinyin, names the same row as the
    simplified name the parser gives it), without a list's number before it (①受益人口 and
    受益人口 name one row)."""
    return text_key(without_enumeration(text.strip()))


def _same_project(name: str, project: str) -> bool:
    if not name or not project:
        return name == project  # "" (the whole report) only matches ""
    a, b = name_key(name), name_key(project)
    return a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a))


def place_agrees(label: Label, pred: Prediction) -> bool:
    if label.project is not None and not any(
        _same_project(n, pred.project) for n in [label.project, *label.project_alternatives]
    ):
        return False
    if label.indicator is None:
        return pred.indicator is None or label.any_row
    if pred.indicator is None:
        return False
    names = {name_key(label.indicator), *(name_key(a) for a in label.indicator_alternatives)}
    return name_key(pred.indicator) in names


def content_agrees(label: Label, pred: Prediction) -> bool:
    if any(pred.code.startswith(c) for c in label.codes):
        return True
    return bool(label.cue) and fold(label.cue) in fold(pred.message)


def compatible(label: Label, pred: Prediction, content: bool = True) -> bool:
    if not place_agrees(label, pred):
        return False
    return content_agrees(label, pred) if content else label.category == pred.category


def _weight(label: Label, pred: Prediction) -> int:
    w = 1_000_000 if not label.optional else 1_000
    if pred.code in label.codes:
        w += 100
    if label.indicator is not None:
        w += 10
    if label.category == pred.category:
        w += 2
    if label.layer == pred.source:
        w += 1
    return w


def hungarian_max(weights: list[list[int]]) -> list[int]:
    """For a rows × cols weight matrix (rows <= cols), the column assigned to each row that
    maximises the total weight (O(n² m), Jonker-style potentials)."""
    n, m = len(weights), len(weights[0]) if weights else 0
    if n == 0:
        return []
    big = max(max(r) for r in weights)
    cost = [[big - w for w in r] for r in weights]  # minimise
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    assign = [-1] * n
    for j in range(1, m + 1):
        if p[j]:
            assign[p[j] - 1] = j - 1
    return assign


def _groups(edges: dict[int, list[int]], n_labels: int) -> list[tuple[list[int], list[int]]]:
    """Connected components of the label–prediction compatibility graph that hold an edge."""
    parent = list(range(n_labels))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[int, int] = {}
    for i, preds in edges.items():
        for j in preds:
            if j in owner:
                parent[find(i)] = find(owner[j])
            else:
                owner[j] = i
    labels: dict[int, list[int]] = {}
    for i in edges:
        labels.setdefault(find(i), []).append(i)
    preds_of: dict[int, set[int]] = {}
    for j, i in owner.items():
        preds_of.setdefault(find(i), set()).add(j)
    return [(ls, sorted(preds_of[root])) for root, ls in labels.items()]


def match(labels: list[Label], preds: list[Prediction], content: bool = True) -> MatchResult:
    """The one-to-one matching of one document's labels and predictions (see ``RULE``)."""
    edges = {
        i: [j for j, p in enumerate(preds) if compatible(lab, p, content)]
        for i, lab in enumerate(labels)
    }
    edges = {i: js for i, js in edges.items() if js}
    chosen: dict[int, int] = {}  # label index → prediction index
    for group_labels, group_preds in _groups(edges, len(labels)):
        weights = [
            [_weight(labels[i], preds[j]) if j in edges[i] else 0 for j in group_preds]
            + [0] * len(group_labels)
            for i in group_labels
        ]
        for row, (i, col) in enumerate(zip(group_labels, hungarian_max(weights), strict=True)):
            if col < len(group_preds) and weights[row][col] > 0:
                chosen[i] = group_preds[col]
    out = MatchResult()
    used = set(chosen.values())
    for i, lab in enumerate(labels):
        if i in chosen:
            (out.absorbed if lab.optional else out.matched).append((lab, preds[chosen[i]]))
        elif not lab.optional:
            out.missed.append(lab)
    broad = [labels[i] for i in chosen if labels[i].any_row]
    for j, p in enumerate(preds):
        if j in used:
            continue
        host = next((lab for lab in broad if compatible(lab, p, content)), None)
        if host is not None:
            out.absorbed.append((host, p))
        else:
            out.spurious.append(p)
    return out
