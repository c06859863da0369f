"""Matching predictions (the review's findings) to labels, one to one.

The rule, printed in every report (``RULE``): a prediction matches a label when the project
and the category agree and the indicator agrees after normalisation (``reviewer.textnorm.fold``;
a label may list alternative indicators) or both name no indicator. Each label and each
prediction is used at most once. Among all one-to-one assignments, the one with the most
matched required labels is taken, then the one absorbing the most predictions into optional
labels; remaining ties prefer a label whose expected rule codes include the prediction's code,
then a label of the prediction's layer (rules / llm). The assignment is exact (Hungarian
algorithm), computed separately for each (project, category), since no edge crosses them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from eval.labels import Label
from reviewer.model import Category, Finding, Severity
from reviewer.textnorm import fold

RULE = (
    "匹配规则 / Matching rule: 预测与标注的项目、类别一致，且指标名称（规范化后）一致或同为空，"
    "即为匹配；一一对应，取匹配标注数最多的分配（匈牙利算法），同分时优先规则代码、再优先同一层。"
    " A prediction matches a label when project and category agree and the indicator agrees after"
    " normalisation (NFKC, no spaces, lower case; a label may list alternatives) or both are none;"
    " one-to-one, maximising matched required labels (Hungarian algorithm); ties prefer the"
    " label's expected rule code, then the same layer."
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
    absorbed: list[tuple[Label, Prediction]] = field(default_factory=list)  # optional labels
    missed: list[Label] = field(default_factory=list)  # required labels left unmatched
    spurious: list[Prediction] = field(default_factory=list)


def compatible(label: Label, pred: Prediction) -> bool:
    if label.project != pred.project or label.category != pred.category:
        return False
    if label.indicator is None or pred.indicator is None:
        return label.indicator is None and pred.indicator is None
    names = {fold(label.indicator), *(fold(a) for a in label.indicator_alternatives)}
    return fold(pred.indicator) in names


def _weight(label: Label, pred: Prediction) -> int:
    w = 1_000_000 if not label.optional else 1_000
    if pred.code in label.codes:
        w += 10
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


def _match_group(labels: list[Label], preds: list[Prediction], out: MatchResult) -> None:
    # rows: labels; columns: predictions plus one "unmatched" column per label (weight 0)
    cols = len(preds) + len(labels)
    weights = [
        [_weight(lab, p) if compatible(lab, p) else 0 for p in preds] + [0] * len(labels)
        for lab in labels
    ]
    assert len(labels) <= cols
    assign = hungarian_max(weights) if labels else []
    used: set[int] = set()
    for i, (lab, j) in enumerate(zip(labels, assign, strict=True)):
        if 0 <= j < len(preds) and weights[i][j] > 0:
            used.add(j)
            (out.absorbed if lab.optional else out.matched).append((lab, preds[j]))
        elif not lab.optional:
            out.missed.append(lab)
    out.spurious.extend(p for j, p in enumerate(preds) if j not in used)


def match(labels: list[Label], preds: list[Prediction]) -> MatchResult:
    """The one-to-one matching of one document's labels and predictions (see ``RULE``)."""
    groups_l: dict[tuple[str, Category], list[Label]] = defaultdict(list)
    groups_p: dict[tuple[str, Category], list[Prediction]] = defaultdict(list)
    for lab in labels:
        groups_l[(lab.project or "", lab.category)].append(lab)
    for p in preds:
        groups_p[(p.project, p.category)].append(p)
    out = MatchResult()
    for key in sorted(set(groups_l) | set(groups_p)):
        _match_group(groups_l.get(key, []), groups_p.get(key, []), out)
    return out
