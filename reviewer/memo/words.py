"""What the memo says: its fixed words and the sentences ``build_memo`` writes into the model.

The memo's own words are here, once (the labels of the form that html_form.py draws are the form's):
the renderers (terminal, Markdown, HTML, Word) take the fixed words below and the sentences the
model carries, and only lay them out.
"""

from __future__ import annotations

from reviewer.lazyre import lazy_compile
from reviewer.memo.model import Overview
from reviewer.model import LlmRun, Severity
from reviewer.numbers import fmt, fmt_money

SECTIONS = ("一、总体情况", "二、主要问题", "三、逐项复核意见", "四、说明")
OVERVIEW_COLUMNS = (
    "项目",
    "全年预算数",
    "全年执行数",
    "执行率",
    "自评总分",
    "复算总分",
    *(s.label for s in Severity),  # 错误、需核实、提示
)
NO_ISSUES = "未发现需要报告的问题。"
NO_FINDINGS = "未发现问题。"
LEFTOVERS = "未解析内容："
FOUND = "填报"
EXPECTED = "应为"
EVIDENCE = "证据"
SUGGESTION = "建议"
WHERE = "表中位置"
CLAIMED = "自评总分"
RECOMPUTED = "按规则复算"
GAP = "自评比复算"
RATE = "执行率"
LEGEND = "标色说明"  # the HTML memo's key to its colours
TOOL = "reviewer"
DOCUMENT = "复核意见"
PAGE_OF = ("第 ", " 页，共 ", " 页")  # around the page number and the page count

_CN_DIGITS = "一二三四五六七八九十"
_LEFTOVERS_SHOWN = 50
_CODE_SPAN = lazy_compile(r"`([^`]+)`")


def cn_ordinal(n: int) -> str:
    """一 … 十九 as in （一）; larger numbers in digits."""
    if n <= 10:
        return _CN_DIGITS[n - 1]
    if n < 20:
        return "十" + _CN_DIGITS[n - 11]
    return str(n)


def code_spans(text: str) -> list[tuple[str, bool]]:
    """``text`` in pieces, each with whether it is a command (written in backquotes)."""
    pieces = _CODE_SPAN.split(text)
    return [(p, i % 2 == 1) for i, p in enumerate(pieces) if p]


def byline(source: str, version: str) -> str:
    return f"来源文件：{source}　复核工具：{TOOL} {version}"


def form_name(subject: str, family: str) -> str:
    """What a table is called in the memo's title."""
    if subject == "department":
        return "部门整体支出绩效自评表"
    if family == "transfer-payment":
        return "转移支付绩效目标自评表"
    return "项目支出绩效自评表"


def title(departments: list[str], years: list[int], forms: list[str] | None = None) -> str:
    """关于{单位}{年度}{表}的复核意见: the form's name when every table is of one kind."""
    who = "、".join(departments[:2]) + ("等" if len(departments) > 2 else "")
    year = f"{years[0]}年度" if len(years) == 1 else ""
    form = (
        forms[0] if forms and len(forms) == 1 else ("绩效自评表" if forms else "项目支出绩效自评表")
    )
    return f"关于{who}{year}{form}的复核意见"


def overview_sentences(o: Overview) -> list[str]:
    details = (
        f"（另有逐指标明细 {o.details} 张，已与自评表逐项核对，不重复计入）" if o.details else ""
    )
    out = [f"共复核自评表 {o.tables} 张{details}，{_funds_sentence(o)}"]
    if o.claimed_total_mean is not None:
        out.append(
            f"自评总分平均 {fmt(o.claimed_total_mean)} 分，"
            f"按规则复算平均 {fmt(o.recomputed_total_mean)} 分。"
        )
    c = o.counts
    out.append(
        f"共发现错误 {c.error} 项、需核实 {c.warning} 项、提示 {c.info} 项；"
        f"{o.tables_with_errors} 张表存在错误。"
    )
    return out


def _funds_sentence(o: Overview) -> str:
    """The overview's sums, or why there are none: a budget not read is never a budget of 0."""
    if o.funds_read == 0:
        return "各表的全年预算数均未能读出，未合计预算数和执行数。"
    if o.full_year_budget is None or o.executed is None:
        return f"各表金额单位不一（{o.amount_unit}），未合计预算数和执行数。"
    rate = f"，总体执行率 {o.execution_rate_pct:.2f}%" if o.execution_rate_pct is not None else ""
    unread = o.tables - o.funds_read
    scope = f"（{unread} 张表的全年预算数未能读出，未计入）" if unread else ""
    return (
        f"全年预算数合计 {fmt_money(o.full_year_budget)} {o.amount_unit}，"
        f"全年执行数合计 {fmt_money(o.executed)} {o.amount_unit}{rate}{scope}。"
    )


def issue_heading(n: int, title: str, count: int, worst: Severity) -> str:
    return f"（{cn_ordinal(n)}）{title}（{count} 项，最高为{worst.label}）"


def projects_line(projects: list[str]) -> str:
    return "涉及项目：" + "、".join(projects) + "。"


def table_heading(index: int, project: str, detail: bool = False) -> str:
    name = project or "（未读到项目名称）"
    return f"{index + 1}. {name}（逐指标明细）" if detail else f"{index + 1}. {name}"


def table_summary(claimed: str, recomputed: str, rate: str, first: int, last: int) -> str:
    return f"自评总分 {claimed}，按规则复算 {recomputed}；执行率 {rate}（第{first}–{last}行）。"


def detail_summary(form: int, rows: int, mismatches: int, first: int, last: int) -> str:
    """What a form's detail view is, in place of a table's scores (第a–b行)."""
    found = f"有 {mismatches} 处数值不一致" if mismatches else "数值一致"
    return (
        f"本表是第{form + 1}表同一项目的逐指标明细（第{first}–{last}行），已与第{form + 1}表"
        f"逐项核对：{rows} 行，{found}；其余内容见第{form + 1}表的复核意见，不重复复核。"
    )


def form_caption(first: int, last: int) -> str:
    """The caption of the form as the HTML memo draws it."""
    return f"原表（第{first}–{last}行）：标色单元格为复核意见所涉内容，角标为意见序号"


def form_line(title: str, name: str) -> str:
    return f"表格类型：{title}（{name}）。"


def reading_note(
    begins_inside: bool,
    ends_inside: bool,
    reliable: bool,
    funds_reliable: bool,
    last_visible: str | None,
    funds_apart: bool = False,
) -> str:
    """What the review of a table left out because of how the table reached us: a cut-off
    table is not the department's error, and is said here, once, not as a finding.
    ``last_visible``: the last indicator read ("" when the indicators never began);
    ``funds_apart``: its rows alone doubted, its funds block reviewed."""
    if not reliable and funds_apart:
        return (
            "本表绩效指标可能未被正确读取，未作指标分值与算术复核，请人工核对（见本表意见）；"
            "资金合计、执行率与预算执行得分照常复核。"
        )
    if not reliable:
        return "本表可能未被正确读取，未作分值与算术复核，请人工核对（见本表意见）。"
    if not funds_reliable:
        return (
            "本表资金部分可能未被正确读取，未作资金、执行率、分值合计与总分的复核，请人工核对"
            "（见本表意见）；绩效指标各行照常复核。"
        )
    cuts = []
    if begins_inside:
        cuts.append("文档从表的中间开始，表头（项目名称、资金、目标）未出现")
    if ends_inside:
        where = f"最后可见的指标为「{last_visible}」" if last_visible else "绩效指标部分未出现"
        cuts.append(f"文档在表中截断，{where}")
    if not cuts:
        return ""
    # a table missing only its top still has its rows: what needs the funds block is left
    left = "分值合计、总分、缺项等需要全表" if ends_inside else "分值合计、总分等需要资金部分"
    return f"本表不完整（{'；'.join(cuts)}），只复核了可见部分；{left}的检查未进行。"


def llm_failed_note(status: str | None) -> str:
    return "本表的大模型审读失败，以下仅为确定性复核结果。" if status == "failed" else ""


def assessment_line(assessment: str) -> str:
    return f"总体评价（大模型）：{assessment}" if assessment else ""


def finding_origin(source: str) -> str:
    return "（大模型）" if source == "llm" else ""


def basis(rules: int, families: list[str]) -> str:
    return (
        "复核依据：财预〔2020〕10号《项目支出绩效评价管理办法》及附件、各地预算管理一体化系统的校验规则和复核实务，"
        f"共适用规则 {rules} 条（{'、'.join(families)} 类），`review rules` 可列出全部规则。"
    )


def leftovers_unread(count: int) -> str:
    return f"{count}处内容未能解析，未纳入复核（见未解析内容）。"


def llm_unused(note: str) -> str:
    return note or "未使用大模型：文字叙述的一致性未经模型审读。"


def llm_failed(project: str, error: str | None) -> str:
    return f"「{project}」的大模型审读失败（{error or '原因不详'}），仅有确定性复核结果。"


def llm_summary(llm: LlmRun) -> str:
    dropped = sum(s.findings_dropped for s in llm.tables)
    kept = sum(s.findings_kept for s in llm.tables)
    cost = f"，估算费用 {llm.cost:.4f}" if llm.cost is not None else ""
    return (
        f"大模型审读：模型 {llm.model}，提示词版本 {llm.prompt_version}；保留有原文依据的意见 {kept} 条，"
        f"因引文在原文中找不到而舍弃 {dropped} 条；请求 {llm.requests} 次（缓存命中 {llm.cache_hits} 次），"
        f"输入 {llm.tokens_in} / 输出 {llm.tokens_out} tokens{cost}。大模型意见仅涉及文字叙述，不改变任何数字。"
    )


def config_line(source: str) -> str:
    return f"配置文件：{source}"


def leftover_lines(leftovers: list[tuple[str, str]]) -> list[str]:
    """(where, text) pairs as 未解析内容 lists them: the first 50, then how many there are."""
    out = [f"{where}：{text}" for where, text in leftovers[:_LEFTOVERS_SHOWN]]
    if len(leftovers) > _LEFTOVERS_SHOWN:
        out.append(f"……共 {len(leftovers)} 处")
    return out
