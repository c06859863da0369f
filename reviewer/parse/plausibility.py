"""Was the table read right? A plausibility check on each parsed table.

A table read in the wrong columns produces numbers no form would print: weights summing to
thousands, a 分值 column holding the targets, scores above their weights on most rows, a rate
printed beside amounts that give another. Reviewed as if right, such a table yields dozens of
false findings; marked as doubtful (``EvaluationTable.doubts``), it gets one honest finding
(P108) and the rules that read its numbers stay silent. Each doubt names the cells that show it.

Only gross signs count: a department's own arithmetic error (a rate off by a few points, one
score above its weight) is a finding for the rules, not a doubt about the reading.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sized
from functools import cache
from typing import Any

from reviewer.forms.families import Family
from reviewer.forms.vocabulary import key
from reviewer.grid import Cell, Row
from reviewer.lazyre import lazy_compile
from reviewer.model import SOURCE_LABELS, CellRef, EvaluationTable, ReadingDoubt
from reviewer.numbers import fmt
from reviewer.parse.labels import is_cut_label, is_ellipsis, label_kind
from reviewer.parse.sub_rows import is_part
from reviewer.parse.values import is_operator, parse_value
from reviewer.textnorm import COMPARISON_SIGNS, nfkc
from reviewer.units import is_counter, is_measure

_MAX_ROW_WEIGHT_SHARE = 1.0  # a row worth more than the whole form
_WEIGHT_SUM_FACTOR = 1.6  # weights summing past 1.6 × the form's total
_MOST = 0.6  # "most rows"
_LABEL_CHARS = 9  # characters, at most, of a category's label (服务对象满意度指标)
_UNPLACED = 0.15  # share of the indicator section's cells left unplaced
# An amount no larger than a row's points, beside a budget a thousand times larger.
_POINTS_LIKE = 100.0
_TINY_SHARE = 1000
# Column labels of the indicator header, never part of an indicator's name.
_HEADER_WORDS = lazy_compile(
    r"实际完成值|年度指标值|偏差原因|改进措施|三级指标|二级指标|完成值|指标值|评分标准|得满分|扣\d+(?:\.\d+)?分"
    # the Hebei form's (单项指标实际完成值, 单项指标得分, 权重占比)
    r"|单项指标|权重占比"
    # a category label, or the 总分 row, run into a name: rows of the table joined into one
    r"|(?:产出|效益|满意度|数量|质量|时效|社会效益|经济效益|生态效益|可持续影响)指标(?=.)|总分|合计$"
)
# A unit with its gloss, as the Hebei form's unit column prints it: no name's words.
_UNIT_GLOSS = lazy_compile(r"%\s*[(（]百分比[)）]")
# A name that begins with a category label and goes on (效益指标新增市场主体户数).
_LABEL_FIRST = lazy_compile(r"^(?:产出|效益|满意度)指标.")
# A percentage run into the figure after it (100.00%100%): cells of several columns, or of
# several rows, read as one.
_RUN_TOGETHER = lazy_compile(r"\d%\d")
# A rate and its correction written beside it (93%95%, a scan's handwriting): read as no figure.
_CORRECTION = lazy_compile(r"^\d[\d.]*%\d[\d.]*%$")
# A figure, its unit, then a figure (1815批次10); not a date's (2023年11月) nor a rate's (per 万人).
_UNIT_THEN_POINTS = lazy_compile(r"\d(?![年月日号])[\u4e00-\u9fff]{1,3}\d+(?:\.\d+)?$")
_RUN_FIELDS = ("name", "target", "actual", "explanation")
_SIGNS = COMPARISON_SIGNS
_NAME_IN_VALUE = lazy_compile(r"^[\u4e00-\u9fff]{2,}[^\d]*\d")
# A category's points with more text after them inside a name (…措施）（30分）可持续影): a label
# and other rows read into the name (a weight note ends a label, never a name's middle).
_POINTS_INSIDE = lazy_compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*\S")
# A name that is a value (≥95%, 83.3%): the row read a column to the right, its name taken
# for a label and its target for the name.
# A state reached, the whole of a qualitative target or actual: no indicator's name.
_STATE_NAME = lazy_compile(
    r"^(?:已|基本|全面)?(?:建立健全|建立完善|健全完善|建立|健全|完善|明显改善|有效改善|显著改善|改善"
    r"|明显提升|有效提升|显著提升|持续提升|稳步提升|逐步提高|明显提高|有效提高|达标|合格|良好|有效|稳定"
    r"|按期完成|按时完成|全部完成|及时)$"
)
_VALUE_FIRST = lazy_compile(r"^(?:[≥≤≧≦<>=＞＜]|>=|<=)\s*\d+(?:\.\d+)?\s*%\s*[\u4e00-\u9fff]")
_NAME_IS_VALUE = lazy_compile(r"^(?:[≥≤≧≦<>=]|>=|<=)?\s*\d+(?:[.,]\d+)*\s*%?$")
_VALUE_STARTS = frozenset("≥≤≧≦<>=0123456789")
# A name says what it counts in words: one with no letter at all (%, ——) is another cell's.
_WORD = lazy_compile(r"[\u4e00-\u9fffA-Za-z]")
# A name ending in a category's label (履约服务人次质量指标): the next line's label read into it.
_LABEL_AT_END = lazy_compile(
    r"..(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度|产出|效益|效果)指标$"
)
# A name ending in a comparison and a number (资金到位及时率≧100): a value glued to the name.
_VALUE_IN_NAME = lazy_compile(r"(?:[≥≤≧≦═=<>﹦]|>=|<=)\s*\d+(?:\.\d+)?\s*%?$")


def check(
    t: dict[str, Any],
    family: Family,
    section_cells: list[Cell] | None = None,
    guessed_rows: list[Row] | None = None,
) -> list[ReadingDoubt]:
    """The doubts about table ``t`` (the parsed table's fields, before validation);
    ``section_cells`` are the cells of its 绩效指标 section, used or not; ``guessed_rows`` its
    rows rebuilt with figures whose columns were a guess (``Row.guessed``)."""
    doubts: list[ReadingDoubt] = []
    rows = [_ascii(r) for r in t["indicators"] if not r.get("partial")]
    doubts.extend(_guessed(rows, guessed_rows or []))
    doubts.extend(_rows_lost(t, rows, section_cells or []))
    total = family.scoring.total
    weights = [(r, r["weight"]) for r in rows if r["weight"] is not None]
    # a row worth more than the whole form, even one the text cut off (its figures run
    # together: 10 | 1O read as 1010)
    heavy = [
        r
        for r in t["indicators"]
        if r["weight"] is not None and r["weight"] > total * _MAX_ROW_WEIGHT_SHARE
    ]
    weight_sum = sum([w for r, w in weights if not r.get("within_above")])
    if heavy:
        doubts.append(
            ReadingDoubt(
                reason=f"指标「{heavy[0]['name']}」的分值读为{fmt(heavy[0]['weight'])}分，超过满分"
                f"{fmt(total)}分，分值一栏读入的可能是指标值、完成值或相邻几格的数字。",
                evidence=_cells(heavy, "weight"),
            )
        )
    elif weights and weight_sum > total * _WEIGHT_SUM_FACTOR:
        doubts.append(
            ReadingDoubt(
                reason=f"三级指标分值合计{fmt(weight_sum)}分，远超满分{fmt(total)}分，"
                "分值一栏读入的可能是指标值或完成值。",
                evidence=_cells([r for r, _ in weights], "weight"),
            )
        )
    if len(weights) >= 3:
        like_targets = [r for r, w in weights if _equals_a_value(r, w)]
        if _most(like_targets, weights):
            doubts.append(
                ReadingDoubt(
                    reason="多数指标行的分值与其指标值或完成值的数字相同，分值一栏读入的可能是指标值。",
                    evidence=_cells(like_targets, "weight", "target"),
                )
            )
    # (nearly) every row's actual and score blank while the total row prints its figures: the
    # rows' figures stand where the reading did not look for them (no self-evaluation undone)
    blank = [r for r in rows if not r["actual"] and r["score"] is None]
    if (
        len(blank) >= max(_BLANK_ROWS, _MOST * len(rows))
        # a score printed, or a figure where the form's full points would stand (99.78): not
        # a template left with its weights only (总分 | 100)
        and (t.get("total_score") is not None or t.get("total_weight") not in (None, total))
    ):
        doubts.append(
            ReadingDoubt(
                reason=f"{len(blank)}个指标行的实际完成值和得分都没有读到，而总分行有数字，"
                "各行的数字可能没有读到或错了栏。",
                evidence=_cells(blank[:3], "name"),
            )
        )
    # most rows with their 分值 and no 得分 while the total row prints a score: the scores
    # stand in a column the reading gave another role (a scan's columns drifting under them)
    unscored = [r for r in rows if r["weight"] is not None and r["score"] is None]
    if (
        len(unscored) >= _BLANK_ROWS
        and len(unscored) >= _MOST * len(rows)
        and t.get("total_score") is not None
        and t.get("total_deduction") is None  # (a form scored by deduction: 扣分, no 得分)
    ):
        doubts.append(
            ReadingDoubt(
                reason=f"{len(unscored)}个指标行有分值而没有读到得分，而总分行印有得分，"
                "各行的得分可能错了栏。",
                evidence=_cells(unscored[:3], "name", "weight"),
            )
        )
    # rows with neither 分值 nor 得分, each over a row of its category with them, two or more:
    # one indicator's lines cut into two rows (a name wrapped in a narrow
    # column, its first line a row of its own), the cells of both rows out of place
    split = [
        r
        for r, below in itertools.pairwise(rows)
        if r["weight"] is None
        and r["score"] is None
        and below["weight"] is not None
        and (below["l1"], below["l2"]) == (r["l1"], r["l2"])
        and not is_part(r["name"])  # (a 其中 row printed without points: a part, not a piece)
    ]
    if len(split) >= _SPLIT_ROWS or any(_cut_name_alone(r) for r in split):
        doubts.append(
            ReadingDoubt(
                reason=f"{len(split)}个指标行没有分值和得分，而其下一行同类指标有："
                "一个指标的各格可能被拆成了两行，各栏可能错位。",
                evidence=_cells(split[:3], "name"),
            )
        )
    # a name of a few characters under a 二级 no form names (率 under 项目资金支付及时, 机制
    # under 文化遗产保护长效): a wrapped name's first line read as the row's category
    halved = [
        r
        for r in rows
        if r["l2"]
        and len(r["name"]) <= _NAME_END_CHARS
        and _CJK_NAME.search(r["name"])  # a rubric's item numbered 4 is no name's end
        and label_kind(r["l2"]) is None
    ]
    if len(halved) >= _SPLIT_ROWS:
        doubts.append(
            ReadingDoubt(
                reason=f"{len(halved)}个指标行的名称只有几个字（如“{halved[0]['name']}”），"
                f"二级指标一栏却是“{halved[0]['l2']}”：折行的名称可能被拆进了类别一栏，各栏可能错位。",
                evidence=_cells(halved[:3], "l2", "name"),
            )
        )
    beyond = [r for r in rows if r["score"] is not None and r["score"] > total]
    if beyond:  # 1010: two cells' figures (10 | 10) run together, a scan's gap lost
        doubts.append(
            ReadingDoubt(
                reason=f"指标行的得分{fmt(beyond[0]['score'])}大于满分{fmt(total)}分，"
                "可能是相邻两格的数字连在了一起。",
                evidence=_cells(beyond, "score"),
            )
        )
    scored = [r for r in rows if r["weight"] is not None and r["score"] is not None]
    over = [r for r in scored if r["score"] > r["weight"] + 1e-9]
    if len(scored) >= 3 and len(over) >= _MOST * len(scored):
        doubts.append(
            ReadingDoubt(
                reason=f"{len(over)}个指标行的得分大于分值，得分与分值两栏可能错位。",
                evidence=_cells(over, "weight", "score"),
            )
        )
    # most rows with a target and a score but no actual, under a header where no column was
    # read as the actuals' (度量单位 and 完成值 read as one label): not read. (A header with
    # the column, its cells left empty, is the unit's omission, not a misreading.)
    blank = [r for r in rows if r["score"] is not None and not r["actual"] and r["target"]]
    if "actual" not in t["labels"] and _most(blank, rows):
        doubts.append(
            ReadingDoubt(
                reason=f"{len(blank)}个指标行有得分而没有读到实际完成值，表头中也没有读到实际完成值一栏，"
                "该栏可能与其他栏合并或未能读取。",
                evidence=_cells(blank, "target"),
            )
        )
    # a category label cut (续影响指标 for 可持续影响指标): its first piece, wrapped onto a line
    # above, read into another row's cells; the rows' names went with it
    doubts += _labels(
        rows, is_cut_label, "不完整", "折行的类别与指标名称可能被拼入了别的行，各栏可能错位。"
    )
    # two categories' labels in one cell (质量指标时效指标): two rows' lines read as one, the
    # rows' names and values run together with them
    doubts += _labels(
        rows, _two_labels, "是两个类别连在一起", "相邻两行可能被读成了一行，各栏可能错位。"
    )
    # a row with no name whose target opens with words and holds a figure: its name read
    # into the target (危桥改造数量3座); a row named by a category's label alone has no name
    # left and is no misreading
    # a row whose name is a category's own label, another than its 一级 and 二级 (效益指标 |
    # 经济效益指标 | 社会效益指标 | …): the next category's label read into the name column,
    # the row's cells a column off
    shifted = [
        r
        for r in rows
        if r["name"].endswith("指标")
        and len(r["name"]) <= _LABEL_CHARS  # the label alone, not a name run into one
        and label_kind(r["name"]) is not None
        and r["name"] not in (r["l1"], r["l2"])
        and (r["target"] or r["actual"])
    ]
    if shifted:
        doubts.append(
            ReadingDoubt(
                reason=f"{len(shifted)}个指标行的名称是类别（如“{shifted[0]['name']}”），"
                "下一类别的名称可能被读入了指标名称一栏，各栏可能错位。",
                evidence=_cells(shifted, "name"),
            )
        )
    nameless = [r for r in rows if not r["name"] and _NAME_IN_VALUE.match(r["target"] or "")]
    if nameless:
        doubts.append(
            ReadingDoubt(
                reason=f"{len(nameless)}个指标行有指标值或完成值而没有读到名称"
                f"（如“{(nameless[0]['target'] or nameless[0]['actual'])[:30]}”），"
                "名称可能被并入了其他栏，各栏可能错位。",
                evidence=_cells(nameless, "target", "actual"),
            )
        )
    # a row with nothing but a name's measure word for its actual (寄宿生生活补助 | | 人数): a
    # name printed around its row's figures, its last words read as a row of their own
    rests = [
        r
        for r in rows
        if not r["target"]
        and r["weight"] is None
        and r["score"] is None
        and _NAME_TAIL.fullmatch(r["actual"] or "") is not None
    ]
    if rests:
        doubts.append(
            ReadingDoubt(
                reason=f"{len(rests)}个指标行没有指标值和分值，实际完成值一栏只有“{rests[0]['actual']}”："
                "折行的指标名称可能被拆成了两行，各栏可能错位。",
                evidence=_cells(rests, "name", "actual"),
            )
        )
    # most rows with an actual but no target: every form that reports what was done states
    # what was planned; the targets' column was not found (a header read as a row's cells)
    untargeted = [r for r in rows if r["actual"] and not r["target"]]
    if _most(untargeted, rows):
        doubts.append(
            ReadingDoubt(
                reason=f"{len(untargeted)}个指标行有实际完成值而没有读到年度指标值，"
                "指标值一栏可能没有读到，各栏可能错位。",
                evidence=_cells(untargeted, "actual"),
            )
        )
    # most targets read as their sign alone (>= | 3384 | 场 read as >=, the figure taken for the
    # actual): the target's figure and unit, columns of their own, not found
    signs = [r for r in rows if r["target"] and is_operator(r["target"].strip())]
    if _most(signs, rows):
        doubts.append(
            ReadingDoubt(
                reason=f"{len(signs)}个指标行的年度指标值只读到符号（如“{signs[0]['target']}”），"
                "指标值的数值和单位可能被读入了其他栏，各栏可能错位。",
                evidence=_cells(signs, "target"),
            )
        )
    glued = [r for r in rows if _value_in_name(r["name"])]
    # one is enough where the target left holds no figure (…建档率≥70 | %): the value split
    if len(glued) >= 2 or any(r["target"] and r["target_value"].number is None for r in glued):
        doubts.append(
            ReadingDoubt(
                reason=f"{len(glued)}个指标名称的末尾带着运算符和数字（如“{glued[0]['name'][-12:]}”），"
                "指标值可能被并入了名称，各栏可能错位。",
                evidence=_cells(glued, "target"),
            )
        )
    # a figure, then a comparison and its figure (1092%≥90%农村生活垃圾…): another row's values
    # run into the name; no name prints a target after a figure of its own
    doubts += _names(
        [r for r in rows if _FIGURE_THEN_COMPARED.search(r["name"])],
        "中夹着数字和带运算符的指标值",
        "其他行的数值可能被并入了名称，各栏可能错位。",
    )
    # a rate's name and then a rate (预算执行率1095.62%): a figure of the row's run into it
    doubts += _names(
        [r for r in rows if r["name"][-1:] == "%" and _RATE_AFTER_NAME.search(r["name"])],
        "末尾带着百分数",
        "完成值或执行率可能被并入了名称，各栏可能错位。",
    )
    run = [
        (r, f)
        for r in rows
        for f in _RUN_FIELDS
        if "%" in r[f] and _RUN_TOGETHER.search(r[f]) and not _CORRECTION.match(r[f])
    ]
    if (
        len(run) >= 2
        or any(len(_RUN_TOGETHER.findall(r[f])) >= 2 for r, f in run)
        or any(f == "name" for _, f in run)  # a name holds no percentage run into a figure
        # an actual opening with a target's sign, another figure after it (≥95%94.2%)
        or any(f == "actual" and r[f][:1] in _SIGNS for r, f in run)
        # a value run into the row's points, its 分值 or 得分 then missing (100%10)
        or any(f in ("target", "actual") and None in (r["weight"], r["score"]) for r, f in run)
    ):
        r, f = run[0]
        doubts.append(
            ReadingDoubt(
                reason=f"{len(run)}格中几个百分数连在一起（如“{r[f][:30]}”），"
                "几栏或几行的文字可能被并成了一格，各栏可能错位。",
                evidence=_cells([r for r, _ in run], *_RUN_FIELDS[1:]),
            )
        )
    # a cell holding one text twice (持续提升持续提升): its neighbour's, the same words, run into
    # it, the row's cells a column off (the name's rest read as the target: 平)
    doubled = [r for r in rows if _DOUBLED.fullmatch(r["actual"]) is not None]
    if doubled:
        doubts.append(
            ReadingDoubt(
                reason=f"{len(doubled)}个指标行的完成值是同一段文字写了两遍（如“"
                f"{doubled[0]['actual'][:30]}”），两格的文字可能被并成了一格，各栏可能错位。",
                evidence=_cells(doubled, "target", "actual"),
            )
        )
    # a value with its unit run into the row's points, its 分值 or 得分 then missing
    # (1815批次10): the cells after it are a column off
    glued = [
        r
        for r in rows
        if None in (r["weight"], r["score"])
        and any(_UNIT_THEN_POINTS.search(r[f]) for f in ("target", "actual"))
    ]
    if glued:
        first = glued[0]
        doubts.append(
            ReadingDoubt(
                reason=f"{len(glued)}行的指标值或完成值后连着数字（如“{first['actual'][:30]}”），"
                "分值或得分可能被并入了这一格，该行各栏可能错位。",
                evidence=_cells(glued, "target", "actual"),
            )
        )
    glued_header = [
        t["labels"][role]
        for role in _VALUE_ROLES
        if role in t["labels"] and _labels_run_together(t["labels"][role], family)
    ]
    if glued_header:
        doubts.append(
            ReadingDoubt(
                reason=f"{HEADER_GLUED}（如“{glued_header[0][:20]}”），"
                "表头的栏目可能没有分开，各栏可能错位。"
            )
        )
    # a name ending in a category's label (履约服务人次质量指标): the next line's label read
    # into it, a scan's drifting columns read by position (no name ends so)
    doubts += _names(
        [r for r in rows if r["name"].endswith("指标") and _LABEL_AT_END.search(r["name"])],
        "末尾带着类别名称",
        "下一行的类别或其他行的文字可能被并入了名称，各栏可能错位。",
    )
    doubts += _names(
        [r for r in rows if "。" in r["name"].rstrip("。")],
        "中夹着句子",
        "说明栏或表后栏目的文字可能被并入了名称，各栏可能错位。",
    )
    doubts += _names(
        [r for r in rows if r["name"][:1] in _VALUE_STARTS and _NAME_IS_VALUE.match(r["name"])],
        "是一个数值",
        "指标名称、指标值等栏可能错位。",
    )
    doubts += _names(
        [r for r in rows if r["name"] and not _WORD.search(r["name"]) and not _benign(r["name"])],
        "没有文字",
        "指标名称、指标值等栏可能错位。",
    )
    # figures under no name beside a name with none (a viewer's copy that put a row's figures
    # before its name): the row's cells read as two rows; or most rows so, no name anywhere
    # (≥5000亩 | 5200亩 | 20 | 20 | 绿色防控示范面积: the names in another column)
    nameless = [r for r in rows if not r["name"] and (r["target"] or r["actual"])]
    if nameless and any(r["name"] and not (r["target"] or r["actual"]) for r in rows):
        doubts.append(
            ReadingDoubt(
                reason=f"{len(nameless)}行有指标值却没有指标名称，另有指标只有名称没有数值："
                "同一行的名称与数值可能被分开读成了两行。",
                evidence=_cells(nameless, "target"),
            )
        )
    elif len(nameless) >= _BLANK_ROWS and len(nameless) >= _MOST * len(rows):
        doubts.append(
            ReadingDoubt(
                reason=f"{len(nameless)}个指标行有指标值和完成值而没有读到指标名称，"
                "名称可能印在别的位置，各栏可能错位。",
                evidence=_cells(nameless[:3], "target", "actual"),
            )
        )
    # a unit alone as the name (次, 万元), or one character (率): the last line of a value or
    # a name wrapped in its narrow column (≥2400批 / 次, 项目资金支付及时 / 率) read as a row's
    # name, its first line elsewhere
    doubts += _names(
        [r for r in rows if _name_piece(r["name"])],
        "只是一个计量单位或一个字",
        "折行单元格的末尾可能被读成了一行的名称，各栏可能错位。",
    )
    # a state reached as the whole name (建立健全, 明显改善): the row's target in its name's
    # column, the name printed elsewhere (after the row's figures, in a viewer's copy)
    doubts += _names(
        [r for r in rows if _STATE_NAME.match(r["name"])],
        "是一个完成状态",
        "指标值可能读进了名称一栏，该行各栏可能错位。",
    )
    # a comparison and its figure, then words (≥90%受助幼儿家长满意度): the row above's target,
    # or a row's, read into this row's name
    doubts += _names(
        [r for r in rows if r["name"][:1] in _SIGNS and _VALUE_FIRST.match(r["name"])],
        "以带运算符的数值开头",
        "其他行的指标值可能被并入了名称，各栏可能错位。",
    )
    # a name ending in a figure and its unit (保障农村饮水安全人口15.8万人 | 15.8万人 | 10): the
    # target read into the name, one space apart in a laid-out text, the cells after it a
    # column on
    doubts += _names(
        [
            r
            for r in rows
            if _FIGURE_TAIL.search(_BRACKETED.sub("", r["name"]))
            # (its actual then a bare figure, the points a column on: a name stating a
            # figure of its own, 一户年最高5300元, has its own actual in its unit)
            and _BARE_FIGURE.match(r.get("actual") or "")
        ],
        "末尾带着数值和计量单位",
        "年度指标值可能被并入了名称，其后各栏可能错位。",
    )
    # a row's actual a bare figure, its points, and no score, under a target of words (“三公”经费
    # 控制在年初预算以内 | 控制在预算内 | 5 | 5): its cells read a column to the left, the target
    # run into the name
    shifted = [
        r
        for r in rows
        if r["score"] is None
        and r["weight"] is not None
        and _BARE_FIGURE.match(r.get("actual") or "")
        and float(r["actual"]) == r["weight"]
        and r["target"]
        # (its target words, or its name ending on the target: 慢病患者规范管理率≥65% | 66.2% | 12)
        and (not any(ch.isdigit() for ch in r["target"]) or _TARGET_ENDS_NAME.search(r["name"]))
    ]
    if shifted:
        doubts.append(
            ReadingDoubt(
                reason=f"{len(shifted)}个指标行的实际完成值只是一个与分值相同的数字而没有得分"
                f"（如“{shifted[0]['name'][:20]}”），该行各栏可能左移了一栏，指标值可能并入了名称。",
                evidence=_cells(shifted, "actual"),
            )
        )
    # a category's points closing a bracket inside a name (受益群众满意度10分)度指标): a label's
    # wrapped lines (满意度指标（10分）) read into the row's name
    doubts += _names(
        [r for r in rows if _POINTS_CLOSED.search(r["name"])],
        "中间夹着类别的分值",
        "类别标签折行的文字可能被并入了名称，各栏可能错位。",
    )
    # words, a comparison and its figure, more words (…管护机制≥90%重要河湖水质达标率): a target,
    # and another row's name, read into this one (a bracketed condition, (≥80%), is the name's)
    doubts += _names(
        [r for r in rows if _VALUE_MID.search(_BRACKETED.sub("", r["name"]))],
        "中间夹着带运算符的指标值",
        "其他栏或其他行的文字可能被并入了名称，各栏可能错位。",
    )
    # an explanation of figures only (10 9.51036l00人): a row's points and values read into the
    # explanation of the row below them
    figured = [
        r
        for r in rows
        if _FIGURES_ONLY.match(r.get("explanation") or "")
        or _VALUES_RUN.search(r.get("explanation") or "")
    ]
    doubts += _showing(
        figured,
        "explanation",
        "行的偏差原因栏只有数字或夹着其他行的指标值",
        "其他行的分值、指标值可能被并入了这一栏，该行各栏可能错位。",
    )
    # a target of two comparisons with their figures (≥4.4万亩≥0.6万亩, ≥120眼=100%): two rows'
    # targets read into one cell, their rows run together
    # (a part's own target bracketed, ≥90%（其中规模以上站点≥95%）, is the row's)
    # (not a row's several targets listed apart, ≥95%；一次性验收通过率≥90%: the form's way)
    doubled = [
        r
        for r in rows
        if _TWO_TARGETS.match(target := _BRACKETED.sub("", r.get("target") or ""))
        and not _LISTED_APART.search(target)
    ]
    doubts += _showing(
        doubled,
        "target",
        "个指标行的年度指标值是两个带运算符的数值连在一起",
        "相邻两行可能被读成了一行，各栏可能错位。",
    )
    # on a form printing no points per row (20/80), a row with no score whose actual is a bare
    # figure while the other rows are scored (化肥使用量减少 | 减少8% | 15): its score read as its
    # actual, its cells a column to the left
    scored = [r for r in rows if r["score"] is not None]
    unscored = [
        r
        for r in rows
        if r["score"] is None
        and r["weight"] is None
        and r["target"]
        and _BARE_FIGURE.match(r.get("actual") or "")
    ]
    if (
        unscored
        and len(scored) >= len(rows) - len(unscored) > 0
        and not any(r["weight"] is not None for r in rows)
    ):
        doubts.append(
            ReadingDoubt(
                reason=f"{len(unscored)}个指标行没有得分，实际完成值却只是一个数字"
                f"（如“{unscored[0]['name'][:20]}”的“{unscored[0]['actual']}”），该行的得分可能被读作了"
                "实际完成值，各栏可能左移了一栏。",
                evidence=_cells(unscored, "actual"),
            )
        )
    # no actual, and a target holding two figures in one unit a space apart (不少于1200人次/年
    # 1185人次/年): the actual read into the target's cell, its own left empty
    doubts += _showing(
        [r for r in rows if not r.get("actual") and _TWO_IN_ONE_UNIT.search(r["target"] or "")],
        "target",
        "个指标行没有实际完成值，年度指标值一格中却连着两个同一单位的数值",
        "实际完成值可能被并入了指标值一栏，该行各栏可能错位。",
    )
    # a rate's name, then a second name opening with a figure (…管理服务率0-6岁儿童健康管理率): the
    # tail of a name wrapped above read into the next row's, two names as one
    doubts += _names(
        [r for r in rows if _NAME_AFTER_RATE.search(r["name"])],
        "中连着两个指标名称",
        "上一行折行名称的后半可能被并入了这一行的名称，各行名称可能错位。",
    )
    # a category's label between words (高血压患者规范管理率满意度指标签约居民满意度): the next row's
    # label and name read into this one
    doubts += _names(
        [r for r in rows if _CATEGORY_MID.search(r["name"])],
        "中间夹着指标类别",
        "下一行的类别和名称可能被并入了这一行，各栏可能错位。",
    )
    # a comparison and its figure after the name's words, in several rows (公益电影放映场次>=3672场
    # 3672场): the target's columns read into the name (one row may print its condition so)
    compared = [r for r in rows if _COMPARED_AFTER_WORDS.search(_BRACKETED.sub("", r["name"]))]
    if len(compared) >= _COMPARED_NAMES:
        doubts += _names(
            compared,
            "中带着运算符和指标值",
            "指标值、完成值等栏可能被并入了名称，各栏可能错位。",
        )
    else:
        # one row is enough where a second figure follows to the name's end (…受益农户数≥8500户
        # 8620户): the row's target and actual, not a condition the name prints
        doubts += _names(
            [r for r in rows if _VALUES_AT_END.search(r["name"])],
            "末尾带着指标值和完成值",
            "该行的指标值和实际完成值可能被并入了名称，其后各栏可能错位。",
        )
    # a comparison's sign with no figure after it in the name (…就读幼儿占在园>=幼儿比例): the
    # target's sign, and the definition beside the name, read into it; no name prints one
    doubts += _names(
        [r for r in rows if _BARE_SIGN.search(r["name"])],
        "中夹着指标值的符号",
        "符号一栏和旁边的文字可能被并入了名称，各栏可能错位。",
    )
    # a clause after a comma where the name is (基本规范,个别乡镇存在延迟发放), the row's words
    # beside it a column on: no name is a sentence
    doubts += _names(
        # (whatever the target: 项目完工时间主体工程3月完工，已督促… beside 2022年12月底前)
        [r for r in rows if _has_clause(r["name"])],
        "是带逗号的句子",
        "实际完成值等栏的文字可能读进了名称一栏，该行各栏可能错位。",
    )
    doubts += _names(
        [r for r in rows if _PAGE_NUMBER_INSIDE.search(r["name"])],
        "中夹着页码",
        "页脚或下一页的文字可能被并入了名称，该页的各行可能错位。",
    )
    # pieces of names: a bracket left open or closed alone (通报为准）, （自报修之日起计算）农村…),
    # a name that is only a bracketed note, or one opening with 的 (…发放到位 / 的资助资金…):
    # a wrapped name cut at its lines
    # (not a row of several targets, its names apart by ；: 农贸市场快检覆盖率；覆盖农贸市场数
    # share their words as a matter of course)
    said = [
        (r, _runs_said_twice(r["name"]))
        for r in rows
        if len(r["name"]) > _TWICE_LEAST and "；" not in r["name"] and ";" not in r["name"]
    ]
    # a run of five said twice, or two of four; or, in two names or more, one of four (困难残疾人
    # 生活补贴享受生活补贴的困发放人数: each name run together with its definition's first line)
    twice = [r for r, (five, fours) in said if five or fours >= 2]
    if len(twice) < 2 and sum(fours >= 1 for _, (_, fours) in said) >= 2:
        twice = [r for r, (five, fours) in said if five or fours]
    doubts += _names(
        twice, "中同一段文字出现两次", "指标解释或其他栏的文字可能被并入了名称，各栏可能错位。"
    )
    cut = [r for r in rows if _cut_name(r["name"])]
    if len(cut) >= 2 or any(
        _ONLY_BRACKETED.match(r["name"]) or r["name"].startswith(_PARTICLE) for r in cut
    ):
        doubts += _names(cut, "残缺不全", "名称换行处可能被断开，各行可能错位。")
    doubts += _names(
        [r for r in rows if "分" in r["name"] and _POINTS_INSIDE.search(r["name"])],
        "中夹着类别的分值",
        "类别标签或其他行的文字可能被并入了名称，各栏可能错位。",
    )
    swollen = [r for r in rows if _swollen(r["name"])]
    if len(swollen) >= 2 or any(
        # another row's comparison in it, or a sentence (…结转下年使用。): no name ends so
        _COMPARED_INSIDE.search(r["name"]) or r["name"].rstrip().endswith("。")
        for r in swollen
    ):
        doubts.append(
            ReadingDoubt(
                reason=f"{len(swollen)}个指标名称过长或夹着多处数字（如“{swollen[0]['name'][:30]}”），"
                "其他栏或下面几行的文字可能被并入了名称。",
                evidence=_cells(swollen, "target"),
            )
        )
    labels = t["labels"]
    # a 评分表 prints no targets: its rows have only points (so does a form headed as one:
    # 分值 | 自评得分 | 扣分原因, no target or actual column)
    rubric_columns = "扣分" in labels.get("explanation", "") and not (
        "target" in labels or "actual" in labels
    )
    if not family.scoring.rubric and not rubric_columns:
        with_score = [r for r in rows if r["score"] is not None]
        blank = [r for r in with_score if not r["target"] and not r["actual"]]
        if _most(blank, with_score):
            doubts.append(
                ReadingDoubt(
                    reason=f"{len(blank)}个指标行有得分，却没有读到年度指标值和实际完成值，"
                    "各栏可能错位。",
                    evidence=_cells(blank, "weight", "score"),
                )
            )
    headed = [r for r in rows if _HEADER_WORDS.search(r["name"])]
    if (
        len(headed) >= 2
        # (two labels in one name, or one label twice: 行政村放映覆盖率预期指单项指标实际单项指标完,
        # a header's wrapped lines read into it)
        or any(len(_HEADER_WORDS.findall(r["name"])) >= 2 for r in headed)
        or any(_LABEL_FIRST.match(r["name"]) for r in headed)
    ):
        doubts.append(
            ReadingDoubt(
                reason=f"{len(headed)}个指标名称中夹着表头的栏目名称（如“{headed[0]['name'][:24]}”），"
                "表头或其他栏的文字可能被并入了名称。",
                evidence=_cells(headed, "name"),
            )
        )
    # an explanation that is one of the form's column labels (单项指标折算得分): the header's
    # lines read as a row's cells
    roles = _label_roles(family.indicator_columns)
    labelled = [r for r in rows if r.get("explanation") and key(r["explanation"]) in roles]
    if labelled:
        doubts.append(
            ReadingDoubt(
                reason=f"{len(labelled)}行的偏差原因栏是表头的栏目名称"
                f"（如“{labelled[0]['explanation'][:24]}”），表头的文字可能被读成了指标行，各栏可能错位。",
                evidence=_cells(labelled, "explanation"),
            )
        )
    # a unit as a Hebei form glosses it (%(百分比)) in a name: the unit's cell, and the cells
    # after it, read into the name
    doubts += _names(
        [r for r in rows if _UNIT_GLOSS.search(r["name"])],
        "中带着计量单位",
        "单位一栏和其后各栏的文字可能被并入了名称，各栏可能错位。",
    )
    if section_cells:
        unused = [c for c in section_cells if not c.used]
        if len(unused) >= 4 and len(unused) >= _UNPLACED * len(section_cells):
            doubts.append(
                ReadingDoubt(
                    reason=f"绩效指标部分有{len(unused)}格（共{len(section_cells)}格）未能归入任何指标行，"
                    "表格的行列可能没有读对。",
                    evidence=[c.ref() for c in unused[:6]],
                )
            )
    # names that took the line under them on rows whose definition (指标分值) a line of its
    # own also wraps: the definition's rest read into the name (维修养护工程数量 / 年度完成维修
    # 养护的 over 农村供水工程处数, a layout that numbered the cells in order)
    glued = [
        r
        for r in rows
        if "name+1" in r["cells"]
        and (text := r["cells"].get(_DEFINITION)) is not None
        and not text.text.endswith(_DEFINITION_ENDS)
    ]
    if len(glued) >= _GLUED_ROWS and len(glued) * 2 >= len(rows):
        doubts.append(
            ReadingDoubt(
                reason=f"{len(glued)}个指标名称接上了下一行的文字，而该行的{_DEFINITION}一栏的文字"
                "没有写完：折行的指标解释可能被读进了名称，各栏可能错位。",
                evidence=_cells(glued, "name"),
            )
        )
    # every doubt so far is the indicator rows': the funds block is read apart from them
    doubts = [d.model_copy(update={"rows_only": True}) for d in doubts]
    # a subject of a character or two (项目名称 一级, 主管部门 二级): the header's stacked labels
    # read as the table's fields, the rows below them not read as rows
    subject = t.get("project") or ""
    if 0 < len(subject) <= _SUBJECT_CHARS and (ref := t["cells"].get("project")) is not None:
        doubts.append(
            ReadingDoubt(
                reason=f"项目名称读为“{subject}”，不像项目名称：表头的栏目可能被读成了表的基本信息，"
                "表格的行列可能没有读对。",
                evidence=[ref],
            )
        )
    doubts.extend(_funds_doubts(t))
    return doubts


# Full-width digits and signs (９７．８％５５), which the tests below read in their ASCII form.
_WIDE = lazy_compile("[\uff01-\uff5e]")


_DEFINITION = "指标分值"  # the Hebei form's column of each row's definition
# How a definition ends when whole (…的数量, …的比例, …的时间): a measure's word, not a cut
# phrase's (…维修养护的).
_DEFINITION_ENDS = (*"数量率比例额度间况值平", "标准", "人次")
_GLUED_ROWS = 3


# The last words of a name, a measure's (人数, 覆盖率, 面积): no row's actual.
_NAME_TAIL = lazy_compile(
    r"[\u4e00-\u9fff]{0,3}(?:人数|户数|个数|次数|数|率|量|面积|长度|时间|人次)"
)


def _ascii(r: dict[str, Any]) -> dict[str, Any]:
    """A row whose texts print full-width digits or signs, with them in ASCII (a copy)."""
    # one search of the texts run together (no line break is full-width), not one a text
    if _WIDE.search("\n".join([r[f] for f in _RUN_FIELDS])) is None:
        return r
    return {**r, **{f: nfkc(r[f]) for f in _RUN_FIELDS}}


def _labels(
    rows: list[dict[str, Any]], bad: Callable[[str], bool], holds: str, so: str
) -> list[ReadingDoubt]:
    """A doubt when some rows' category labels are what no label is: how many, the first."""
    # each label told once first (the rows of a category repeat its labels): most tables have
    # no such label, and no row is then looked at twice
    labels = {r[k] or "" for r in rows for k in ("l1", "l2")}
    if not any(bad(label) for label in labels):
        return []
    hit = [r for r in rows if any(bad(r[k] or "") for k in ("l1", "l2"))]
    if not hit:
        return []
    label = next(r[k] for r in hit for k in ("l1", "l2") if bad(r[k] or ""))
    return [
        ReadingDoubt(
            reason=f"{len(hit)}个指标行的类别名称{holds}（如“{label[:20]}”），{so}",
            evidence=_cells(hit, "name"),
        )
    ]


def _showing(hit: list[dict[str, Any]], field: str, holds: str, so: str) -> list[ReadingDoubt]:
    """A doubt when some rows' ``field`` holds what it never does: how many, the first's text."""
    if not hit:
        return []
    return [
        ReadingDoubt(
            reason=f"{len(hit)}{holds}（如“{hit[0][field][:30]}”），{so}",
            evidence=_cells(hit, field),
        )
    ]


def _names(hit: list[dict[str, Any]], holds: str, so: str) -> list[ReadingDoubt]:
    """A doubt when some rows' names are what a name never is: how many, the first's name."""
    if not hit:
        return []
    first = hit[0]["name"][:30]
    return [
        ReadingDoubt(
            reason=f"{len(hit)}个指标名称{holds}（如“{first}”），{so}",
            evidence=_cells(hit, "target"),
        )
    ]


def _rows_lost(
    t: dict[str, Any], rows: list[dict[str, Any]], section_cells: list[Cell]
) -> list[ReadingDoubt]:
    """A printed 总分 above the scores read by what unread rows would hold: far above (98.78
    printed, 70 read), or by exactly a figure among the indicator section's cells left
    unplaced (99 printed, 94 read, and 特种设备定期检验率 | 97.8% | 5 | 5 read into no row):
    rows not read, their points missing from the sum, rather than a total misreckoned."""
    printed = t.get("total_score")
    scores = [r["score"] for r in rows if r["score"] is not None and not r.get("within_above")]
    if printed is None or not scores or t.get("begins_inside") or t.get("ends_inside"):
        return []  # an excerpt's total holds the points of rows it does not print
    if "goal.points" in t["labels"]:
        return []  # the goal block's own points are in the total, not in the rows'
    read = sum(scores) + (t["funds"]["annual_total"].get("score") or 0.0)
    missing = printed - read
    evidence = [ref] if (ref := t["cells"].get("total_score")) is not None else []
    if missing > _LOST_POINTS:
        return [
            ReadingDoubt(
                reason=f"总分填报{fmt(printed)}分，读到的各项得分之和只有{fmt(read)}分，相差过大，"
                "部分指标行可能没有读到。",
                evidence=evidence,
            )
        ]
    if missing <= _SCORE_SLACK:
        return []
    # rows read with their actual but no score, where the total holds more than the scores
    # read, on the Hebei form (whose every row has its 单项指标得分 and 折算得分): their cells
    # taken a column or two off (符号 | 值 | 单位 left out, 明显改善 | 完成 | 100 | 20 | 20.00 read
    # from its target on), not rows left unscored (those print no actual either: P107's)
    unscored = [r for r in rows if r["score"] is None and r["actual"]]
    if unscored and len(unscored) * 2 < len(rows) and t.get("family") == _SCORED_EACH:
        return [
            ReadingDoubt(
                reason=f"总分填报{fmt(printed)}分，读到的各项得分之和为{fmt(read)}分，"
                f"{len(unscored)}个指标行（如「{unscored[0]['name'][:20]}」）读到了完成值却没有读到"
                "得分：这些行的各栏可能错位。",
                evidence=[*evidence, *_cells(unscored, "actual")],
            )
        ]
    unplaced = [c for c in section_cells if not c.used]
    worth = [c for c in unplaced if abs((parse_value(c.text).number or -1.0) - missing) <= 0.005]
    figures = [c for c in unplaced if parse_value(c.text).number is not None]
    if not worth or len(figures) < 2:  # a row's points (and more of its figures) unplaced
        return []
    return [
        ReadingDoubt(
            reason=f"总分填报{fmt(printed)}分，读到的各项得分之和为{fmt(read)}分，"
            f"所差{fmt(missing)}分正是绩效指标部分未能归入任何指标行的一格（“{worth[0].text}”）："
            "该处的指标行可能没有读到。",
            evidence=[*evidence, *(c.ref() for c in unplaced[:6])],
        )
    ]


_SCORE_SLACK = 0.01
_SCORED_EACH = "hebei-4section"


_LOST_POINTS = 20.0  # a misreckoned total is off by a point or a few, not by a fifth


def _guessed(rows: list[dict[str, Any]], guessed_rows: list[Row]) -> list[ReadingDoubt]:
    """A doubt when indicator rows (not one cut off by the document's end) were rebuilt with
    figures whose columns could not be told: their 完成值, 分值 and 得分 may be any of them."""
    lines = {row.line for row in guessed_rows}
    hit = [r for r in rows if not lines.isdisjoint(r["lines"])]
    if not hit:
        return []
    first = hit[0]["name"]
    return [
        ReadingDoubt(
            reason=f"{len(hit)}个指标行（如「{first}」）印出时省略了空白格，无法确定其中的数字"
            "是完成值、分值还是得分。",
            evidence=_cells(hit, "actual", "weight", "score"),
        )
    ]


_THREE_FIGURES = lazy_compile(r"\d+\D+\d+\D+\d")  # three separate figures (0-6岁 has two)
# A comparison and its figure inside a name (…及时率≥95%2、…): another row's target in it.
_COMPARED_INSIDE = lazy_compile(r"(?:[≥≤≧≦＞＜><=＝]|>=|<=)\s*\d")
_LONG_NAME = 50  # characters: longer than any indicator's name
_RATE_AFTER_NAME = lazy_compile(r"率\d+(?:\.\d+)?%$")
_TWO_IN_ONE_UNIT = lazy_compile(r"\d[\d.]*\s*([^\d\s]{1,6})\s*\d[\d.]*\s*\1$")
_NAME_AFTER_RATE = lazy_compile(
    r"[\u4e00-\u9fff]{2}率\d[\d\-~—]*[岁个项][\u4e00-\u9fff]{2,}[率数度量]$"
)
_FIGURE_THEN_COMPARED = lazy_compile(r"\d[^≥≤≧≦＞＜><=＝\d]{0,3}(?:[≥≤≧≦＞＜><=＝]|>=|<=)\s*\d")


_VALUE_MID = lazy_compile(
    # (a scan's letter for the next row's points between them: ≥62%B规范管理率)
    r"(?<=[\u4e00-\u9fff])(?:[≥≤≧≦＞＜]|>=|<=)\s*\d+(?:\.\d+)?\s*%?[A-Za-z]?[\u4e00-\u9fff]{2}"
)
_VALUES_AT_END = lazy_compile(
    r"(?<=[\u4e00-\u9fff])(?:[≥≤≧≦＞＜><＝=]|>=|<=)\s*\d+(?:\.\d+)?\s*(?:%|[\u4e00-\u9fff]{1,3})"
    r"\d+(?:\.\d+)?\s*(?:%|[\u4e00-\u9fff]{1,3})?$"
)
_BRACKETED = lazy_compile(r"[（(][^（()）]*[）)]")
# figures and their units only, two figures at least, no word (10 9.51036l00人)
_NAME_END_CHARS = 3  # a name's last line: 率, 覆盖率, 机制
_CJK_NAME = lazy_compile(r"[\u4e00-\u9fff]")
_SPLIT_ROWS = 2  # such pairs, at least: one row left blank is the form's own
_BLANK_ROWS = 3
_FIGURES_ONLY = lazy_compile(r"^(?=(?:.*\d){2})[\d.,%％lO\s]+[\u4e00-\u9fff%]{0,2}[\d.,%％lO\s]*$")
# a figure run into a comparison and its figure (S593%≥90%): a row's actual and the next
# row's target, no prose's words between them
_TWO_TARGETS = lazy_compile(
    r"^\s*(?:[≥≤≧≦＞＜><=＝]|>=|<=)\s*\d[^≥≤≧≦＞＜><=＝]*?[\d%％\u4e00-\u9fff]"
    r"(?<![且或并及和至到])(?:[≥≤≧≦＞＜><=＝]|>=|<=)\s*\d"
)
_VALUES_RUN = lazy_compile(r"[\d%％](?:[≥≤≧≦＞＜]|>=|<=)\s*\d")
_LISTED_APART = lazy_compile(r"[；;、]")  # targets of one row listed (≥95%；…≥90%)
_BARE_FIGURE = lazy_compile(r"^\d+(?:\.\d+)?$")
_TARGET_ENDS_NAME = lazy_compile(r"(?:[≥≤≧≦＞＜><=＝]|>=|<=)\s*\d+(?:\.\d+)?\s*%?$")
_POINTS_CLOSED = lazy_compile(r"(?<![(（\d.])\d+(?:\.\d+)?分[)）]")  # (…满意度10分)度指标)
# A figure with its unit closing a name after its words (…人口15.8万人, …覆盖率95%).
_FIGURE_TAIL = lazy_compile(
    r"[\u4e00-\u9fff]{2}\d+(?:\.\d+)?\s*(?:%|％|万?人次?|万?户|个|处|公里|千米|万?亩|万?元|座|所"
    r"|家|台|套|场|次|项|吨|天|小时)$"
)
# (after words, or after a figure: a category's points printed under its label, 60质量指标…)
_CATEGORY_MID = lazy_compile(
    r"(?:(?<=[\u4e00-\u9fff]{2})|(?<=\d))"
    r"(?:数量|质量|时效|成本|社会效益|经济效益|生态效益|可持续影响|满意度)指标"
    r"(?=[\u4e00-\u9fff]{2})"
)
_COMPARED_AFTER_WORDS = lazy_compile(r"(?<=[\u4e00-\u9fff])(?:[≥≤≧≦＞＜]|>=|<=)\s*\d")
_COMPARED_NAMES = 2
_BARE_SIGN = lazy_compile(
    r"(?<=[\u4e00-\u9fff)）])\s*(?:>=|<=|[≥≤≧≦＞＜>=<])\s*(?=[\u4e00-\u9fff]|$)"
)
_CLAUSES = lazy_compile(r"[\u4e00-\u9fff][,，][\u4e00-\u9fff]")
_DIGIT = lazy_compile(r"\d")
_ONLY_BRACKETED = lazy_compile(r"^[（(][^（()）]*[）)]$")


_PAGE_NUMBER = lazy_compile(r"^[-—－]\s*\d+\s*[-—－]$")
# A page's number run into a name (补助资金发放时间—2—): a page foot read as the name's tail.
_PAGE_NUMBER_INSIDE = lazy_compile(r"(?<=[\u4e00-\u9fff])[—－·]\s?\d{1,3}\s?[—－·]")


_LABEL_PIECES = lazy_compile(r"[\u4e00-\u9fff]+?指标")


def _two_labels(text: str) -> bool:
    """``text`` two category labels run together (质量指标时效指标), each one known; not a
    label and its group's, printed as one with a mark between (产出指标-数量指标)."""
    if text.count("指标") < 2:  # most labels end here
        return False
    pieces = _LABEL_PIECES.findall(text)
    return (
        len(pieces) >= 2
        and "".join(pieces) == text
        and all(label_kind(p) is not None for p in pieces)
    )


_SUBJECT_CHARS = 2  # characters, at most, of a project's name read from a header's label
_UNIT_NAME = 3  # characters, at most, of a unit read as a name (次, 人次, 万元)


def _cut_name_alone(r: dict[str, Any]) -> bool:
    """A row of a name alone, no value, whose name ends as no name does (人均基本公共卫生服,
    its rest 务经费补助标准 the row below's name): a wrapped name's first line read as a row."""
    from reviewer.ingest.rebuild.anchors import name_rest_word

    name = r["name"]
    return (
        not (r["target"] or r["actual"] or r.get("explanation"))
        and len(name) >= _NAME_END_CHARS
        and _CJK_NAME.match(name[-1]) is not None
        and not name_rest_word(name[-_NAME_END_CHARS:])
        and label_kind(name) is None
    )


def _name_piece(name: str) -> bool:
    """A name that is a wrapped cell's last line: a unit (次, 人次, 万元) or one character."""
    if len(name) == 1:
        return _CJK_NAME.match(name) is not None
    return len(name) <= _UNIT_NAME and (is_counter(name) or is_measure(name))


def _benign(name: str) -> bool:
    """A name no row has that is no misreading either: the template's …… left in, a page's
    number (—2—) read in among the rows."""
    return is_ellipsis(name) or _PAGE_NUMBER.match(name) is not None


_VALUE_ROLES = ("target", "actual", "weight", "score", "explanation")
_MIN_LABEL = 2  # characters of a label another may run into (分值, 得分)


_PARTS_UNDER = {
    "target": ("target", "nature", "unit"),
    "score": ("score", "weight", "item_score"),
}


@cache
def _label_roles(columns: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {w.rstrip("*"): role for w, role in reversed(columns)}


@cache
def _known_labels(columns: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """A form's column labels, longest first."""
    return tuple(sorted({w.rstrip("*") for w, _ in columns}, key=len, reverse=True))


def _labels_run_together(label: str, family: Family) -> bool:
    """A header's label that is two of the form's column labels run together (实际完成值分值
    得分…: a scan's columns read by position into one), not a label with its note (完成值(B))."""
    k = key(label)
    known = _known_labels(family.indicator_columns)
    if k in _label_roles(family.indicator_columns):
        return False  # a label as the form prints it (most are)
    first = next((w for w in known if k.startswith(w)), None)
    if first is None or len(k) == len(first):
        return False
    rest = k[len(first) :]
    second = next((w for w in known if len(w) >= _MIN_LABEL and rest.startswith(w)), None)
    if second is None:
        return False
    roles = _label_roles(family.indicator_columns)
    # a group's label over its part, read into one cell (年度指标值 over 指标值): one column's
    return roles[second] not in _PARTS_UNDER.get(roles[first], ())


def _has_clause(name: str) -> bool:
    """A clause after a comma in the name, outside its brackets (a condition's own comma)."""
    return ("，" in name or "," in name) and _CLAUSES.search(_BRACKETED.sub("", name)) is not None


def _runs_said_twice(name: str) -> tuple[bool, int]:
    """Whether a name says a run of five of its characters twice, and how many runs of four
    it says twice (农村群众出行条件改善情况项目实施对农村群众出行条件的改善…: a name and its
    definition run together), its bracketed notes left out (…补助标准（不低于省定最低补助标准）)
    and anything but words (markup, figures and units repeat)."""
    runs = _CJK_RUN.findall(_BRACKETED.sub("", name))
    grams = [run[i : i + _FOUR] for run in runs for i in range(len(run) - _FOUR + 1)]
    if len(set(grams)) == len(grams):
        return False, 0  # no run of four said twice, so none of five (most names: a set's cost)
    fours: set[str] = set()
    for k in (5, _FOUR):
        first: dict[str, tuple[int, int]] = {}
        for n, run in enumerate(runs):
            for i in range(len(run) - k + 1):
                piece = run[i : i + k]
                at = first.setdefault(piece, (n, i))
                if at[0] != n or i - at[1] >= k:
                    if k == 5:
                        return True, 0
                    fours.add(piece)
    return False, len(fours)


_FOUR = 4
_TWICE_LEAST = 12  # characters: a shorter name has no room to say anything twice
_CJK_RUN = lazy_compile(r"[\u4e00-\u9fff]{4,}")  # a run of words long enough to say twice


def _cut_name(name: str) -> bool:
    """A name whose brackets do not pair, that is one bracketed note, or that opens with a
    particle no name opens with."""
    opened = name.count("（") + name.count("(")
    closed = name.count("）") + name.count(")")
    return opened != closed or _ONLY_BRACKETED.match(name) is not None or name.startswith(_PARTICLE)


_PARTICLE = "的"  # a sentence's middle: a name wrapped before it is cut there


def _swollen(name: str) -> bool:
    """A name holding what its row, or the rows below, print: too long, or three figures."""
    return len(name) > _LONG_NAME or _THREE_FIGURES.search(name) is not None


def _most(some: Sized, rows: Sized) -> bool:
    """Three rows or more of ``some``, and most of ``rows``: a pattern of the reading, not one
    row's chance."""
    return len(some) >= _MIN_PATTERN and len(some) >= _MOST * len(rows)


_MIN_PATTERN = 3


def _value_in_name(name: str) -> bool:
    # the regex only where the name ends as it demands (a digit or %): most names do not
    last = name.rstrip()[-1:]
    return (last == "%" or last.isdecimal()) and _VALUE_IN_NAME.search(name) is not None


def _equals_a_value(row: dict[str, Any], weight: float) -> bool:
    """The row's weight is the number of its target or its actual (and that number is not a
    plausible weight by coincidence: 10 for =10场 is possible, 21933 is not)."""
    if weight <= 30:  # the cheap half first: most weights are small
        return False
    numbers = {row["target_value"].number, row["actual_value"].number}
    if row["target"] and row["target_value"].number is None:
        numbers.add(parse_value(row["target"]).number)
    return weight in numbers


_RATE_UNREAD = 1000.0  # % : no execution rate, an amount in its place
_POINTS_AS_RATE = 20.0  # the most points a fund row is worth (the 20/80 form's)
_FEW_POINTS_SHARE = 0.05  # of the budget: a whole number of points read as the spending


# A doubt about the funds block alone (its rows' labels holding amounts): the indicator rows
# may still be read right, as with ``table.FUNDS_UNREAD``.
FUNDS_GLUED = "资金部分的一格"
# A header's cell holding several columns' labels: a layout's failing, whatever else it placed.
HEADER_GLUED = "表头一格中连着几个栏目名称"
# A funds row's label with an amount run into it after its colon (基本支出：2460.30).
_AMOUNT_AFTER_LABEL = lazy_compile(r"[:：]\s*\d[\d,]*(?:\.\d+)?$")
_AMOUNT_FIELDS = ("initial_budget", "full_year_budget", "executed")
# The funds amount columns' own words, the longer first (预算执行数 one label, not 执行数 twice);
# a rate's and its points' words run together (预算执行率分值) name one column.
_FUNDS_COLUMN_WORDS = lazy_compile(
    r"年初预算数|全年预算数|调整后预算数|调整预算数|全年执行数|预算执行数|预算数|执行数"
)
_TWO = 2
_OPENED = lazy_compile(r"[(（].*$")
_SUB_ROWS = ("current_year_appropriation", "prior_year_carryover", "other")


def _funds_doubts(t: dict[str, Any]) -> list[ReadingDoubt]:
    """The funds block's doubts: what its rows show first, else its header's stacked labels."""
    return _funds_rows_doubts(t) or _stacked_labels(t)


def _stacked_labels(t: dict[str, Any]) -> list[ReadingDoubt]:
    """A funds column's label holding two columns' labels (年初预算数 over 全年预算数 in one cell,
    a page's stacked cell): its figures are two columns' too, read as one amount."""
    total = t["funds"]["annual_total"]
    stacked = [
        (field, label)
        for field, label in t["labels"].items()
        if field.startswith("funds.")
        # (what a bracket opens is the label's note, closed or not: 得分（20分*执行率）)
        and len(_FUNDS_COLUMN_WORDS.findall(_OPENED.sub("", label))) >= _TWO
    ]
    if not stacked:
        return []
    field, label = stacked[0]
    role = field.removeprefix("funds.")
    return [
        ReadingDoubt(
            funds_only=True,
            reason=f"{FUNDS_GLUED}“{label[:24]}”一格中连着两个栏目名称，其下的金额也是两栏的，"
            "资金部分没有读对。",
            evidence=[total["cells"][role]] if role in total["cells"] else [],
        )
    ]


def _funds_rows_doubts(t: dict[str, Any]) -> list[ReadingDoubt]:
    total = t["funds"]["annual_total"]
    # a row's label holding its first amount (一般公共预算拨款：3185.60) beside more amounts: the
    # row's figures taken one column on
    glued = [
        (label, row)
        for label, row in t["funds"]["extra"].items()
        if _AMOUNT_AFTER_LABEL.search(label) and sum(f in row for f in _AMOUNT_FIELDS) >= 2
    ]
    if glued:
        label, row = glued[0]
        return [
            ReadingDoubt(
                funds_only=True,
                reason=f"{FUNDS_GLUED}“{label[:24]}”里名称与金额连在一起，其后的金额可能错了栏，"
                "资金部分没有读对。",
                evidence=list(row["cells"].values())[:3],
            )
        ]
    funds = t["funds"]
    named = [("", total)]
    if all(total.get(f) is None for f in ("full_year_budget", "weight", "score")):
        # the total read without its budget or its points: its sources' rows tell how the
        # columns went (a sub-row's 分值 cell may hold an amount where the total is read right)
        named += [
            (name, row)
            for name, row in (*((k, funds.get(k)) for k in _SUB_ROWS), *funds["extra"].items())
            if row
        ]
    for name, row in named:
        for field, label in (("weight", "分值"), ("score", "得分")):
            points = row.get(field)
            if points is not None and points > 100:
                # no form gives its funds more than the 100 points of the whole table: an
                # amount read under 分值 or 得分 (of the total or of a source's row), the
                # block's columns taken in the wrong order
                which = f"“{SOURCE_LABELS.get(name, name)[:16]}”" if name else ""
                return [
                    ReadingDoubt(
                        funds_only=True,
                        reason=f"资金{which}一行的{label}读作{fmt(points)}，超过全表的100分，"
                        "读入的可能是金额，资金各栏可能错位。",
                        evidence=[ref] if (ref := row["cells"].get(field)) is not None else [],
                    )
                ]
    for name in _SUB_ROWS:
        row = funds.get(name) or {}
        if not any(total.get(f) is not None and row.get(f) is None for f in _AMOUNT_FIELDS):
            continue  # (a 部门整体 form's breakdown by use printed beside the row's amounts)
        # a source's row read a column on, its first column empty (其中：财政拨款 | 2680.00 |
        # 2680.00 | 2631.20): its executed amount under 执行率 (not 分值: a row of amounts that
        # does not add up is often read so, and its sum is still checked)
        sub_rate = row.get("rate_pct")
        if sub_rate is not None and sub_rate > _RATE_UNREAD:
            return [
                ReadingDoubt(
                    funds_only=True,
                    reason=f"资金“{SOURCE_LABELS.get(name, name)[:16]}”一行的执行率读作"
                    f"{fmt(sub_rate)}%，读入的可能是金额，资金各栏可能错位。",
                    evidence=[ref] if (ref := row["cells"].get("rate_pct")) is not None else [],
                )
            ]
    rate, budget, executed = (
        total.get("rate_pct"),
        total.get("full_year_budget"),
        total.get("executed"),
    )
    if rate and not budget and (rate > _RATE_UNREAD or rate == executed):
        # (a rate the very figure of the executed amount, and no budget: the row's amounts
        # read one column on, 预算数 60.06 | 执行数 60.06 as the amount and its rate)
        return [
            ReadingDoubt(
                funds_only=True,
                reason=f"资金一行的执行率读作{fmt(rate)}%，读入的可能是金额，资金各栏可能错位。",
                evidence=[ref] if (ref := total["cells"].get("rate_pct")) is not None else [],
            )
        ]
    if not budget or executed is None:
        return []
    if executed <= _POINTS_LIKE and budget >= _POINTS_LIKE * _TINY_SHARE:
        # 18,473,926.40 budgeted and 10 executed: the 分值 or the 得分 read as the amount
        return [
            ReadingDoubt(
                funds_only=True,
                reason=f"资金一行的执行数{fmt(executed)}不到预算数{fmt(budget)}的千分之一，"
                "读入的可能是分值或得分，资金各栏可能错位。",
                evidence=[
                    ref
                    for f in ("full_year_budget", "executed")
                    if (ref := total["cells"].get(f)) is not None
                ],
            )
        ]
    if (
        executed.is_integer()
        and executed <= _POINTS_AS_RATE
        and total.get("weight") is None
        and executed < budget * _FEW_POINTS_SHARE
    ):
        # 520.00 budgeted and 10 executed, no 分值 read on the row: its points in the amount's
        # column, the row's cells read a column off
        return [
            ReadingDoubt(
                funds_only=True,
                reason=f"资金一行的执行数读作{fmt(executed)}，只及预算数{fmt(budget)}的"
                f"{executed / budget * 100:.2f}%，而该行没有读到分值：读入的可能是分值，资金各栏可能错位。",
                evidence=[
                    ref
                    for f in ("full_year_budget", "executed")
                    if (ref := total["cells"].get(f)) is not None
                ],
            )
        ]
    if rate is None:
        return []
    exact = executed / budget * 100
    # A rate far from its amounts that equals one of the row's other cells: shifted columns.
    shifted = abs(rate - exact) > 5 and any(
        rate == total.get(f) for f in ("initial_budget", "full_year_budget", "executed", "score")
    )
    # Or a tenth of it or less, or ten times as much: a figure cut in two (8 4.24%) or a
    # column's figure in the rate's place, not a rate reckoned on the wrong amount.
    apart = exact >= 10 and (rate <= exact / 10 or rate >= exact * 10)
    # Or a whole number of points where most of the budget was spent (10 beside 1266.35 of
    # 1280): the 分值 read as the rate, the rate's column left out.
    points = rate.is_integer() and rate <= _POINTS_AS_RATE and exact >= 50
    if not shifted and not apart and not points and not (rate > 1000 and exact < 200):
        return []
    why = "且与本行另一格的数字相同，资金各栏可能错位" if shifted else "资金各栏可能错位或识别有误"
    return [
        ReadingDoubt(
            funds_only=True,
            reason=f"资金一行的执行率{fmt(rate)}与其金额（{fmt(executed)} ÷ {fmt(budget)} = "
            f"{exact:.2f}%）相去甚远，{why}。",
            evidence=[
                ref
                for f in ("full_year_budget", "executed", "rate_pct")
                if (ref := total["cells"].get(f)) is not None
            ],
        )
    ]


_DOUBLED = lazy_compile(r"([\u4e00-\u9fff]{2,12})\1")


def _cells(rows: list[dict[str, Any]], *fields: str) -> list[CellRef]:
    out: list[CellRef] = []
    for r in rows[:4]:
        for f in ("name", *fields):
            ref = r["cells"].get(f)
            if isinstance(ref, CellRef):
                out.append(ref)
    return out


def position_doubts(table: EvaluationTable, family: Family) -> list[ReadingDoubt]:
    """The doubts only a reading by its cells' positions raises (a scan's OCR text, its
    columns drifting, a tall row's lines read into the rows around)."""
    found = (
        _points_of_rows_lost(table, family),
        _words_after_unit(table),
        _name_through_values(table),
        _names_after_none(table),
    )
    return [d for d in found if d]


def _name_through_values(table: EvaluationTable) -> ReadingDoubt | None:
    """A name's lines read through a row's values (2型糖尿病 / 患者规范管理 … 63.O% / 率): the
    actual opening with words before its figure (2型糖尿病63.O%) and the target ending in a
    word after its unit (≥62%率)."""
    hit = [
        i
        for i in table.indicators
        if _WORDS_THEN_FIGURE.match(i.actual or "") and _UNIT_THEN_WORD.search(i.target or "")
    ]
    return (
        ReadingDoubt(
            reason=f"{len(hit)}个指标行的完成值前夹着文字、指标值后跟着文字（如“{hit[0].actual}”与"
            f"“{hit[0].target}”），按文字位置读取的扫描件中，折行的指标名称可能被并入了数值栏。",
            evidence=_cells([{"cells": i.cells} for i in hit[:3]], "target", "actual"),
        )
        if hit
        else None
    )


_WORDS_THEN_FIGURE = lazy_compile(r"^\d?[\u4e00-\u9fff]{3,}\d")
_UNIT_THEN_WORD = lazy_compile(r"\d\s*[%‰][\u4e00-\u9fff]$")


def _names_after_none(table: EvaluationTable) -> ReadingDoubt | None:
    """Two or more rows whose explanation is 无 run on with a few words of a name (无组织全民健,
    无公共图书馆): the first lines of the names below, drifted under the explanation column."""
    hit = [i for i in table.indicators if _NONE_THEN_NAME.fullmatch(i.explanation)]
    if len(hit) < _NAMES_AFTER_NONE:
        return None
    return ReadingDoubt(
        reason=f"{len(hit)}个指标行的偏差原因是“无”后接一段名称样的文字（如“{hit[0].explanation}”），"
        "下一行折行名称的首行可能被并入了偏差原因，各行名称可能只读到了一部分。",
        evidence=_cells([{"cells": i.cells} for i in hit[:3]], "explanation"),
    )


_NAMES_AFTER_NONE = 2  # rows, at least: one such explanation may be a terse one
# 无 and three to ten characters of a name, no sentence (not 无法…, 无需…, 无偏差, 无特殊情况).
_NONE_THEN_NAME = lazy_compile(r"[无/／—](?!法|需|偏差|特殊|明显|异常)[\u4e00-\u9fff“”]{3,10}")


def _words_after_unit(table: EvaluationTable) -> ReadingDoubt | None:
    """A target whose unit is its actual's and words after it (≥62%2型糖尿病 beside 64.1%,
    ≥48次A级旅游景区 beside 52次): the first line of the name below, drifted under the
    target, read into it."""
    hit = []
    for i in table.indicators:
        unit, done = i.target_value.unit, i.actual_value.unit
        # (a unit's note in brackets aside: %(百分比), 次(累计))
        rest = _BRACKETED.sub("", unit[len(done) :]) if done and unit.startswith(done) else ""
        if len(rest) >= _WORDS_AFTER and len(_CJK_NAME.findall(rest)) >= _WORDS_AFTER - 1:
            hit.append(i)
    if not hit:
        return None
    first = hit[0]
    return ReadingDoubt(
        reason=f"{len(hit)}个指标行的指标值在单位之后还有文字（如“{first.target}”，完成值为"
        f"“{first.actual}”），按文字位置读取的扫描件中下一行名称的文字可能被并入了指标值。",
        evidence=[c for i in hit[:3] if (c := i.cells.get("target")) is not None],
    )


_WORDS_AFTER = 4  # characters after the unit, at least (…2型糖尿病), three of them CJK


def _points_of_rows_lost(table: EvaluationTable, family: Family) -> ReadingDoubt | None:
    """For a table read by its cells' positions (a scan's OCR text, its columns drifting): the
    printed 总分 above the scores read by exactly the points the weights read lack of the
    form's total (99.39 printed, 84.39 read, the weights 85 of 100): a row of full points
    not read (its cells run into the rows around), rather than a total misreckoned. Where
    cells are parted by the text itself the same gap is the department's (weights of 95 and
    a total of 100 printed from the template), which the rules report."""
    rows = [i for i in table.counted if not i.partial]
    printed = table.total_score
    if (
        printed is None
        or family.scoring.weights != "column"
        or not rows
        or any(i.weight is None or i.score is None for i in rows)
        or not table.complete
        or "goal.points" in table.labels
    ):
        return None
    budget = table.funds.annual_total
    read = sum(i.score or 0.0 for i in rows) + (budget.score or 0.0)
    lacking = family.scoring.total - sum(i.weight or 0.0 for i in rows) - (budget.weight or 0.0)
    missing = printed - read
    if lacking <= _SCORE_SLACK or abs(lacking - missing) > _SCORE_SLACK:
        return None
    ref = table.cells.get("total_score")
    return ReadingDoubt(
        reason=f"总分填报{fmt(printed)}分，读到的各项得分之和为{fmt(read)}分，所差{fmt(missing)}分"
        f"正是读到的分值合计距满分{fmt(family.scoring.total)}分所缺的分数，而本表是按文字位置读取的"
        "扫描件：得满分的指标行可能没有读到（并入了上下行）。",
        evidence=[ref] if ref is not None else [],
    )
