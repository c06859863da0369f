"""L: the codes of the LLM stage's findings, registered beside the rules.

No check runs here: the LLM stage (``reviewer.llm``) finds these problems in the narrative and
each finding must quote the document. They are registered so that one registry knows every code
a memo can hold: ``review rules`` lists them, ``review explain L101`` documents them,
``--select``/``--ignore`` take them, and the memo puts each under the same group as its rule
twins (the deterministic rules that report the same kind of problem, ``twins``). A model's
finding is at most 需核实: reading prose is for a reviewer to verify, never a proven 错误.
"""

from __future__ import annotations

from reviewer.checks.registry import Rule, define
from reviewer.model import Category, Severity

_WHY = "规则只能核对数字；文字叙述是否与指标一致、是否说清原因，需要审读全文。每条意见都引用原文，引文在原文中找不到的意见不予采用。"


def _llm(
    code: str,
    title: str,
    name: str,
    category: Category,
    group: str,
    twins: tuple[str, ...],
    *,
    what: str,
    example: str,
    fix: str,
) -> Rule:
    return define(
        Rule(
            code,
            title,
            name,
            category,
            Severity.WARNING,
            "建议",
            group,
            what,
            _WHY,
            example,
            fix,
            scope="llm",
            twins=twins,
        )
    )


_llm(
    "L101",
    "叙述与指标不符",
    "llm-narrative-vs-indicator",
    Category.CONSISTENCY,
    "consistency",
    ("N102", "N108"),
    what="实际完成情况所述的数量、时间或范围与指标行的实际完成值不符，或叙述中的数字没有指标支撑。",
    example="叙述称“开展培训12场”，数量指标“培训场次”的实际完成值为10场。",
    fix="核对叙述与指标，更正错误的一方，并说明差异原因。",
)
_llm(
    "L102",
    "目标未报告或无指标覆盖",
    "llm-goal-not-covered",
    Category.CONSISTENCY,
    "consistency",
    ("N105",),
    what="预期目标中的一项，实际完成情况未报告其完成情况，或没有任何指标衡量它。",
    example="预期目标写明“新建收容所1间”，实际完成情况和指标均未提及。",
    fix="在实际完成情况中逐项报告预期目标的完成情况，并设置相应指标。",
)
_llm(
    "L103",
    "以计划代替结果",
    "llm-plan-language",
    Category.CONSISTENCY,
    "consistency",
    ("N104", "N101", "N107"),
    what="实际完成情况照抄计划用语（不少于、确保、力争、将），没有写明实际做了什么、完成了多少。",
    example="实际完成情况为“确保全年开展培训不少于10场”。",
    fix="写明实际完成的工作和数量，不用计划性表述。",
)
_llm(
    "L104",
    "偏差原因说明不充分",
    "llm-weak-explanation",
    Category.EXPLANATION,
    "explanation",
    ("E101", "E102", "E104", "E105"),
    what="偏差原因分析及改进措施没有写明原因，或只有原因没有改进措施，或原因与该指标无关。",
    example="实际完成值低于目标，偏差原因只写“客观原因”。",
    fix="写明偏差的具体原因和下一步改进措施。",
)
_llm(
    "L105",
    "叙述自相矛盾",
    "llm-internal-contradiction",
    Category.CONSISTENCY,
    "consistency",
    ("N103", "N109"),
    what="叙述前后说法不一，例如同一事项数字不同，或列举的项数与所称数量不符。",
    example="前文称“完成三类培训”，后文列出四类。",
    fix="统一前后说法，更正有误的数字或列举。",
)
_llm(
    "L106",
    "资金使用与产出不匹配",
    "llm-spending-vs-output",
    Category.CONSISTENCY,
    "consistency",
    ("B104", "B105", "N106"),
    what="资金几乎全部支出而产出明显不足，或产出已全部完成而资金大量结余，且未作说明。",
    example="执行率45%，各项产出指标均为满分，且未说明结余原因。",
    fix="说明资金结余或产出不足的原因，必要时调整得分。",
)
_llm(
    "L107",
    "指标不可衡量或归类不当",
    "llm-indicator-design",
    Category.INDICATOR,
    "design",
    ("P104", "P110", "S105", "S108"),
    what="指标无法衡量（无明确指标值或口径），或放错了一级、二级指标类别。",
    example="效益指标“提升群众满意度”的指标值为“提升”，无法衡量。",
    fix="设置可衡量的指标值和口径，把指标归入正确的类别。",
)
