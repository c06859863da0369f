"""P114: a correction notice printed with the tables (更正说明, 更正公告, 更正事项) — the cells it
corrects (“新建高标准农田面积”行“实际完成值”由“2.1万亩”更正为“1.8万亩”) are not applied to the
tables, which are read and reviewed as printed: the reviewer is told which, so that no finding on
a corrected figure is taken as it stands. Where the notice says the corrected table is printed
again in full after it (更正后的自评表全文重新公布如下), both tables are read, the later one the
corrected one: said as a remark.
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewer.checks.context import Hit, ReportFacts
from reviewer.checks.registry import report_rule
from reviewer.config import Config
from reviewer.forms.vocabulary import key
from reviewer.lazyre import lazy_compile
from reviewer.model import Category, Evidence, Severity

# A corrected cell: …由“A”更正为“B”, …误填为“A”，更正为“B”, …由A更正为B (the quotes optional),
# “X”的实际完成值应为B.
_CORRECTED = lazy_compile(
    r"(?:由|误填为|原填)[^。；;]{0,60}?(?:更正|修改|改正)为"
    r"|(?:实际完成值|完成值|指标值|目标值|得分|分值|执行数|执行率|预算数|总分)[”\"]?(?:应为|应是)"
)
# The notice's own words: its heading, or a statement that the table has errors corrected.
_NOTICE = lazy_compile(r"更正(?:说明|公告|事项|声明|如下|后的)|勘误|特此更正")
# The corrected table printed again in full after the notice.
_REPRINTED = lazy_compile(r"(?:重新|再次)(?:公布|公开|发布|刊登)|全文如下|更正后的[^。；;]{0,12}表")
_SHOWN = 5  # lines of corrections quoted in the message
_QUOTED = 80  # characters of each


def _bounded(text: str) -> str:
    text = text.rstrip("；;。 ")
    return text if len(text) <= _QUOTED else text[:_QUOTED] + "…"


@report_rule(
    "P114",
    "附有更正说明",
    "correction-notice",
    Category.STRUCTURE,
    Severity.WARNING,
    "建议",
    "structure",
    what="文件附有更正说明（更正公告、更正事项），列出表中某些数字的更正。复核按表中所印数字进行，不套用更正说明；"
    "列出所更正之处，涉及这些数字的意见须按更正后的数字重新判断。更正说明称更正后的表已全文重新公布的，"
    "两张表都已复核，以后一张为准（提示）。",
    why="更正说明改变了表中的数字：按原表数字得出的意见可能已不成立，也可能更正后仍有问题（如更正后的数字与其他栏不符）。",
    example="更正说明：“新建高标准农田面积”行“实际完成值”由“2.1万亩”更正为“1.8万亩”。",
    fix="按更正后的数字核对所列各处及相关意见；最好重新公布更正后的完整自评表。",
)
def correction_notice(facts: ReportFacts, config: Config) -> Iterator[Hit]:
    said = [lo for lo in facts.leftovers if _NOTICE.search(lo.text) or _CORRECTED.search(lo.text)]
    if not any(_NOTICE.search(lo.text) for lo in said):
        return  # (由…改为 in a report's prose, with no notice: a change told, not a correction)
    corrections = [lo for lo in said if _CORRECTED.search(lo.text)]
    count = sum(len(_CORRECTED.findall(lo.text)) for lo in corrections)
    if any(_REPRINTED.search(lo.text) for lo in said):
        yield Hit(
            "文件附有更正说明，并称更正后的自评表已全文重新公布：原表和重新公布的表都已复核，以后者为准，"
            "对原表的意见仅供参考。",
            severity=Severity.INFO,
            evidence=[Evidence(quote=lo.text, location=lo.location) for lo in said[:_SHOWN]],
            suggestion="以重新公布的自评表为准核对各项意见。",
        )
        return
    if not corrections:
        return
    shown = "；".join(_bounded(lo.text) for lo in corrections[:_SHOWN])
    if all(_in_table(lo.text, facts) for lo in corrections):
        yield Hit(
            f"文件附有更正说明（{shown}），表中所印已是更正后的数字：复核按表中数字进行。",
            severity=Severity.INFO,
            evidence=[Evidence(quote=lo.text, location=lo.location) for lo in corrections[:_SHOWN]],
            suggestion="核对表中数字与更正说明一致。",
        )
        return
    yield Hit(
        f"文件附有更正说明，更正了{count}处内容（{shown}"
        f"{'等' if len(corrections) > _SHOWN else ''}）。本复核按表中所印数字进行，未套用这些更正："
        "涉及所更正数字的意见须按更正后的数字重新判断。",
        found=str(count),
        evidence=[Evidence(quote=lo.text, location=lo.location) for lo in corrections[:_SHOWN]],
        suggestion="按更正后的数字核对所列各处及相关意见；最好重新公布更正后的完整自评表。",
    )


def _in_table(text: str, facts: ReportFacts) -> bool:
    """Every cell ``text`` corrects is an indicator row's that already prints the corrected
    figure (the table published after its correction): the row named in quotes before the
    correction (“图书借阅量”实际完成值误填为“1.26万册”，现更正为“12.6万册”), the figure after it."""
    pos = 0
    for m in _CORRECTED.finditer(text):
        start = max(text.rfind(mark, pos, m.start()) for mark in "；;。")
        rows = [key(q) for q in _QUOTED_NAME.findall(text, start + 1, m.start())]
        cells = next((facts.printed[r] for r in rows if r in facts.printed), None)
        figure = _FIGURE_AFTER.match(text, m.end())
        if (
            cells is None
            or figure is None
            or "".join(figure.group(1).split()).lstrip("=＝") not in cells
        ):
            return False
        pos = m.end()
    return pos > 0


_QUOTED_NAME = lazy_compile(r"“([^”]{2,40})”")
_FIGURE_AFTER = lazy_compile(r"\s*[“\"]?([^”\"，,；;。]{1,40})")
