"""The form's vocabulary: section keywords, category labels, and wording evidence.

Category labels are recognised by what they say, not by the column they sit in: a PDF
extraction shifts columns from page to page, while the words stay the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from enum import StrEnum
from functools import lru_cache

from reviewer.forms.vocabulary import key, ocr_label
from reviewer.lazyre import lazy_compile
from reviewer.textnorm import without_enumeration

# The words a 总分 row opens with.
TOTAL_WORDS = (
    "总分",
    "合计",
    "总计",
    "自评总分",
    "自评总得分",
    "总得分",
    "自评得分合计",
    "总分合计",
    "合计得分",
    "得分合计",
    "综合得分",  # (a 20/80 sheet's last row: 综合得分 | … | 96.62)
)


# The 二级 categories' words a name may end with, printed alone where its rest wrapped
# (补充更新出版物 / 数量): a bare word, no label of its own after a name.
BARE_CATEGORY_WORDS = frozenset({"数量", "质量", "时效", "成本"})


def is_total_word(text: str) -> bool:
    """One of ``TOTAL_WORDS``, as printed or as OCR misreads it (总份), or one with a note in
    brackets after it (总分（预算执行得分+绩效指标得分）)."""
    if text in TOTAL_WORDS or (len(text) <= _TOTAL_LONGEST and ocr_label(text) in TOTAL_WORDS):
        return True
    return text[-1:] in _CLOSING and TOTAL_NOTE.fullmatch(text) is not None


# The longest of ``TOTAL_WORDS``: ``ocr_label`` keeps a text's length (each misread word is
# replaced by one as long), so a longer text is none of them, misread or not.
_TOTAL_LONGEST = max(map(len, TOTAL_WORDS))
_CLOSING = frozenset("）)")
# A total's words (the longer first), and the note in brackets one may carry in its cell
# (总分（预算执行得分+绩效指标得分）): pieces of the patterns that find a total's cell.
TOTAL_WORDS_ALTERNATIVES = "|".join(sorted(TOTAL_WORDS, key=len, reverse=True))
TOTAL_NOTE_PATTERN = r"(?:（[^（）\t]{1,30}）|\([^()\t]{1,30}\))"
TOTAL_NOTE = lazy_compile(f"(?:{TOTAL_WORDS_ALTERNATIVES}){TOTAL_NOTE_PATTERN}")


# The score's own label on a 总分 row whose figures each follow their label (总分：100分
# 自评得分：96.21分, as a typist gives it).
SCORE_WORDS = ("自评得分", "得分", "实际得分", "自评分")


def labelled_total(text: str) -> tuple[str, str] | None:
    """A total's or a score's label and its figure typed with a colon in one piece (总分：100分,
    自评得分：96.21分): the two, as the form prints them in two cells; None for any other text."""
    label, colon, rest = text.partition("：") if "：" in text else text.partition(":")
    if colon and rest.strip() and label.strip() in TOTAL_WORDS + SCORE_WORDS:
        return label, rest
    return None


# The indicator section's vertical label (绩效指标, or 年度绩效指标 / 年度绩效目标 where a form
# prints it so).
SECTION_LABELS = ("年度绩效指标", "年度绩效目标")

# The vertical labels of the form, which extraction splits over lines (绩 / 效 指 标).
VERTICAL_LABELS = (*SECTION_LABELS, "年度总体目标", "项目资金")

# 一级指标 and the default weight the national form gives each (原则上: 50/30/10, plus 10 for
# budget execution).
L1_DEFAULT_WEIGHT = {"产出指标": 50.0, "效益指标": 30.0, "满意度指标": 10.0}

# 预算执行率 is a row of the indicator block on the Hebei form, with its own 一级 label.
_L1 = lazy_compile(r"^(产出|效益|效果|满意度|成本)(指标)?$|^预算执行率$")
# A weight printed in the label (产出指标(50分), 规划 (15分)) and a trailing 等 (…指标等).
# 产出指标(50分), or the share of 100 points: 产出指标（50%）; 分 as OCR reads it, 份
# A weight note's figure, a scan's O, l or S for a digit in it (（4O分）)
_WEIGHT_NOTE = lazy_compile(
    # (a scan's space inside the figure too: （1 0分）)
    r"(?:\s*[(（]\s*((?=[\dOlS]*\d)[\dOlS]+(?: [\dOlS]+)?(?:\.\d+)?)\s*(?:分|份|%|％)\s*[)）]"
    # or bare after a category's label, on its next line in the cell (a sheet's 产出指标 / 50,
    # Alt+Enter), read run on (产出指标50)
    r"|(?<=[\u4e00-\u9fff]{2}指标)\s*(\d{1,3}(?:\.\d+)?)\s*分?)\s*$"
)
_SCAN_DIGITS = str.maketrans("OlS", "015")
_L2 = lazy_compile(
    r"^(数量|质量|时效|日效性|成本|经济效益|社会效益|生态效益|环境效益|可持续影响|服务对象满意度|"
    r"经济效果|社会效果|生态效果|环境效果|"
    r"经济成本|社会成本|生态环境成本|满意度|服务对象)(指标)?$"
)

# The form's labels with one character mistyped or misread (产岀指标, 效溢指标, 满惫度指标,
# 数最指标): the label meant, for each variant whose other characters are the label's.
KNOWN_LABELS = (
    "产出指标",
    "效益指标",
    "满意度指标",
    "成本指标",
    "数量指标",
    "质量指标",
    "时效指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
)


def _slips() -> dict[str, str]:
    """Each known label with one of its characters (not in 指标) blanked, to the label."""
    out: dict[str, str] = {}
    for label in KNOWN_LABELS:
        for i in range(len(label) - 2):
            out[label[:i] + "\0" + label[i + 1 :]] = label
    return out


_SLIP_PATTERNS = _slips()
# Words a character away from a label that are words of their own (绩效指标 is not 时效指标).
_OWN_WORDS = frozenset(
    ("绩效指标", "其他指标", "共性指标", "个性指标", "核心指标", "效率指标", "评价指标", "考核指标")
)
_SLIP_LENGTHS = frozenset(len(label) for label in KNOWN_LABELS)


def _meant(label: str) -> str:
    """The label as printed when the form knows it; else the one known label it differs from
    by one character (产岀指标 → 产出指标); else as printed."""
    if _L1.match(label) or _L2.match(label) or label in _OWN_WORDS:
        return label
    found = {
        meant
        for i in range(len(label) - 2)
        if (meant := _SLIP_PATTERNS.get(label[:i] + "\0" + label[i + 1 :])) is not None
    }
    return found.pop() if len(found) == 1 else label


# Which 一级指标 each 二级指标 belongs to.
L2_FAMILY = {
    "数量": "产出",
    "质量": "产出",
    "时效": "产出",
    "日效性": "产出",  # a misprint of 时效 seen in real forms
    "经济效益": "效益",
    "社会效益": "效益",
    "生态效益": "效益",
    "环境效益": "效益",
    "可持续影响": "效益",
    # the older forms' 效果指标 (2017–2020) and its 二级: 效益 by its later name
    "经济效果": "效益",
    "社会效果": "效益",
    "生态效果": "效益",
    "环境效果": "效益",
    "服务对象满意度": "满意度",
    "服务对象": "满意度",  # 服务对象 / 满意度指标 wrapped over two lines of its cell
    "成本": "产出",  # the 2020 form's 二级 成本指标 (the 2021 form's 一级 has 经济成本指标 …)
    "经济成本": "成本",
    "社会成本": "成本",
    "生态环境成本": "成本",
}


class LabelKind(StrEnum):
    L1 = "l1"
    L2 = "l2"
    AMBIGUOUS = "l1-or-l2"  # 成本指标, 满意度指标: 一级 in some forms, 二级 in others
    UNKNOWN = "unknown"  # a “…指标” this vocabulary does not know (其他指标): its place decides


# A web page's own links and buttons around a copied table (【打印】【关闭】, 上一篇：…): never a
# part of the table, though a page cut inside the table prints them right after its last row.
_SITE_FURNITURE = lazy_compile(
    r"^(?:[【\[](?:打印|关闭|返回|收藏|分享|字体)|(?:上一篇|下一篇|相关链接|相关阅读|责任编辑)[:：]?"
    # the page's footer after the table (分享到：微信, 主办：…人民政府办公室, 网站标识码)
    r"|分享到[:：]|主办(?:单位)?[:：]|承办(?:单位)?[:：]|技术支持[:：]|网站标识码|©|版权所有"
    # a system's export stamp under its sheet (导出时间：2023-03-14 16:42:07数据来源：…)
    r"|导出时间[:：]|打印时间[:：]|数据来源[:：]"
    # a document-mirror site's preview limit and its links (该文档共4页，到这已超出免费预览范围)
    r"|(?:亲[，,])?该文档(?:总)?共\d+页|剩余\d*页未读|(?:立即)?下载(?:文档|此文档|提示|本文)"
    r"|相关搜索|文档贡献者|本文档为【)"
)


def is_site_furniture(text: str) -> bool:
    return _SITE_FURNITURE.match(text) is not None


# A government page's own lines round its article (outside its tables): where the page sits
# (当前位置：首页 > 政务公开 > …), its date, source and counts, the file attached, the browser it
# asks for, its registration numbers; in a page saved as such or its text copied.
_PAGE_LINE = lazy_compile(
    r"^(?:(?:发布时间|发布日期|信息来源|来源|浏览次数|点击次数|访问次数|阅读次数"
    r"|当前位置|您当前的位置|您的位置|您现在的位置|当前所在位置)[:：]"
    r"|附件\d*[:：].*\.(?:xlsx?|docx?|pdf|wps|et|zip|rar)$|建议使用.{0,24}(?:分辨率|浏览器)"
    r"|[\u4e00-\u9fff](?:ICP备|公网安备)|【(?:打印本页|关闭窗口|我要纠错)"
    # its breadcrumb without a label (首页>政务公开>财政预决算>绩效自评)
    r"|(?:首页|网站首页)\s*[>＞»›](?:[^>＞»›\t]{1,16}[>＞»›]){1,6}[^>＞»›\t]{1,16}$)"
)


def is_page_line(text: str) -> bool:
    """``text`` is a web page's own line round its article (not its links and buttons, which a
    page cut inside the table prints among its rows: ``is_site_furniture``)."""
    return _PAGE_LINE.match(text) is not None


# A chat's sender and the time, over a message pasted with the table's rows (张三 10:32).
_CHAT_STAMP = lazy_compile(
    r"^[\u4e00-\u9fffA-Za-z]{1,8}\s*(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$"
)


def is_chat_stamp(text: str) -> bool:
    return _CHAT_STAMP.match(text) is not None


# A name that ends as a unit's does (…水利和湖泊局, …服务中心): a seal's, before its mark or
# over a row's cells.
_UNIT_NAME = r"[\u4e00-\u9fff]{3,24}[局委办院所站队会厅部处室府司心社校]"
# A seal's text as OCR gives it between a scan's rows: its characters apart, ending as a unit's
# name ends (施 甸 县 林 业 局), or its star alone.
_STAMP = lazy_compile(
    r"^(?:[\u4e00-\u9fff]\s+){3,}[局委办院所站队会厅部处室府司心社校章]$|^[★☆]$"
    r"|^[(（]\s*(?:盖章|公章|印章|章|印)\s*[)）]$"  # the form's mark where its seal goes: （盖章）, （章）
    # a unit's name marked as its seal (涉县文化广电和旅游局（盖章）), whatever the head names
    rf"|^{_UNIT_NAME}\s*[(（]\s*(?:盖章|公章|章|印)\s*[)）]$"
    rf"|^[★☆]\s*{_UNIT_NAME}\s*[★☆]$"  # the name round the seal's star (☆ 某县…局 ☆)
    r"|^(?:财务|业务|合同|行政)?专用章$"  # a seal's lower line (某局 / 财务专用章)
    # both lines read as one, the seal's star between them or not (某局 ◎ 财务专用章)
    rf"|^{_UNIT_NAME}\s*[◎★☆]?\s*(?:财务|业务|合同|行政)?专用章$"
)


def is_stamp(raw: str) -> bool:
    """A seal's text (``raw``: the cell as printed, its spaces kept)."""
    return _STAMP.match(raw.strip()) is not None


_UNIT_LIKE = lazy_compile(rf"^{_UNIT_NAME}$")


def unit_like(text: str) -> bool:
    return _UNIT_LIKE.match(text) is not None


# A unit's name marked as its seal (桃源县司法局（盖章）) or as the scan's (临桂区民政局 扫描).
_SEAL_MARKS = lazy_compile(r"\s*(?:[(（]\s*(?:盖章|公章|章)\s*[)）]|扫描件?)$")
_SCAN_MARK = lazy_compile(r"^扫描件?$")


def sealed_name(text: str) -> str:
    """``text`` without the seal's or scan's mark after a unit's name (桃源县司法局（盖章）→
    桃源县司法局): what to look up among the units the table's head names."""
    return _SEAL_MARKS.sub("", text)


def sealed_by(text: str, units: Collection[str]) -> bool:
    """``text`` is one of ``units`` (the units the table's head names), whole, marked as its
    seal or its scan or not: a seal stamped over the rows, no cell of theirs."""
    if text in units:
        return True
    return text[-1:] in _MARK_ENDS and sealed_name(text) in units


_MARK_ENDS = frozenset("）)描件")  # how a seal's or a scan's mark ends: （盖章）, 扫描件
UNIT_NAME = 4  # characters, at least, of a unit's name looked for among the rows (某某县局)


def is_scan_mark(text: str) -> bool:
    """扫描 or 扫描件 alone: a scan's page head beside the unit's name (某局 | 扫描 | 1/2)."""
    return _SCAN_MARK.match(text) is not None


# A 部门整体 form's task heading over the rows of that task (任务一：基本公共卫生服务): a group's
# title, never part of an indicator's name.
_TASK_HEADING = lazy_compile(r"^(?:任务|工作任务|重点任务)[一二三四五六七八九十\d]+[:：、.]")


def is_task_heading(text: str) -> bool:
    return _TASK_HEADING.match(text) is not None


@lru_cache(maxsize=4096)
def weight_note(text: str) -> tuple[str, float | None]:
    """A label and the weight printed in it: ``产出指标(50分)`` → (``产出指标``, 50.0)."""
    m = _WEIGHT_NOTE.search(text)
    if m is None:
        return text, None
    return text[: m.start()], float(_weight_of(m).translate(_SCAN_DIGITS))


def weight_figure(text: str) -> str | None:
    """The weight printed in a label, as printed: ``数量指标(8分)`` → ``8``."""
    m = _WEIGHT_NOTE.search(text)
    return _weight_of(m) if m else None


def _weight_of(m: re.Match[str]) -> str:
    return (m.group(1) or m.group(2)).replace(" ", "")


def is_weight_note(text: str) -> bool:
    """Only a weight note (``（60分）``): a label's tail a narrow column wrapped onto a line of
    its own."""
    return _WEIGHT_NOTE.fullmatch(text) is not None


@lru_cache(maxsize=4096)
def printed_label(text: str) -> str:
    """A category label as the form names it: no weight note, no spaces (``经济效益 指标``), no
    list number before it (（一）数量指标)."""
    label = ocr_label(weight_note(without_enumeration(text))[0].replace(" ", ""))
    return _meant(label) if len(label) in _SLIP_LENGTHS and label.endswith("指标") else label


@lru_cache(maxsize=4096)
def _bare(text: str) -> str:
    """The label to classify: printed, without a trailing 等 (``服务对象满意度指标等``)."""
    label = printed_label(text)
    return label[:-1] if label.endswith("指标等") else label


@lru_cache(maxsize=4096)
def stem(label: str) -> str:
    """``社会效益指标`` → ``社会效益``; ``产出指标(50分)`` → ``产出``."""
    label = _bare(label)
    return label[:-2] if label.endswith("指标") else label


# Labels 一级 in some forms and 二级 in others: 成本指标, 满意度指标.
_EITHER_LEVEL = frozenset(("成本指标", "成本", "满意度指标", "满意度"))


def classify_label(text: str) -> LabelKind | None:
    """Is this cell a category label, and of which level?"""
    text = _bare(text)
    if len(text) > 12:
        return None
    if text in _EITHER_LEVEL:
        return LabelKind.AMBIGUOUS
    if _L1.match(text):
        return LabelKind.L1
    if _L2.match(text):
        return LabelKind.L2
    return None


@lru_cache(maxsize=4096)
def label_kind(text: str) -> LabelKind | None:
    """A category label cell in the 绩效指标 section, and its level; pieces of the vertical
    label 绩效指标 are not labels. An unknown ``…指标`` is UNKNOWN: 一级 when another label
    follows it in the row, else 二级."""
    if is_section_fragment(text):
        return None
    kind = classify_label(text)
    label = _bare(text)
    if kind is None and label.endswith("指标") and 2 < len(label) <= 10:
        return LabelKind.UNKNOWN
    return kind


def is_cut_label(text: str) -> bool:
    """The end of a known category label without its beginning (续影响指标, 度指标): a label
    wrapped over lines whose first piece went to another row."""
    label = _bare(text)
    return (
        label.endswith("指标")
        and len(label) > 2
        and label not in KNOWN_LABELS
        and classify_label(label) is None
        and any(k.endswith(label) for k in KNOWN_LABELS)
    )


def is_row_of_its_own(text: str) -> bool:
    """A 一级 label that is an indicator row in itself (预算执行率, printed across the 一级,
    二级 and 三级 columns by the Hebei form and the 2024 national one)."""
    return _bare(text) == "预算执行率"


def l1_name(text: str) -> str:
    """The canonical 一级指标 name for a label (``产出`` → ``产出指标``); a label of the form's
    own (a rubric's 规划) as printed."""
    if classify_label(text) in (LabelKind.L1, LabelKind.AMBIGUOUS, LabelKind.L2):
        return stem(text) + "指标"
    return printed_label(text)


def l2_name(text: str) -> str:
    """A 二级指标 label as printed, without spaces or a weight note; whole where its cell cut
    its last character (``uncut``)."""
    return uncut(printed_label(text))


def uncut(label: str) -> str:
    """A label whose cell cut its last character onto the next line, whole again
    (服务对象满意度指 / 标 → 服务对象满意度指标); any other text as it is."""
    if label.endswith("指") and classify_label(label + "标") is not None:
        return label + "标"
    return label


def family_of_l2(label: str) -> str | None:
    """The 一级指标 (as a stem: 产出/效益/满意度/成本) that a 二级指标 label belongs to."""
    return L2_FAMILY.get(stem(label))


def is_section_fragment(text: str) -> bool:
    """A piece of the indicator section's vertical label (年度 / 绩效 / 指标, 目标)."""
    if not text:
        return False
    # is_vertical_fragment's test for each label, without a generator: this runs for every row
    for label in SECTION_LABELS:  # noqa: SIM110 (a loop costs less than any() and a generator)
        if text in label:
            return True
    return False


_ELLIPSIS = frozenset("…．.。·")


def is_ellipsis(text: str) -> bool:
    """A cell holding only an ellipsis (……, ..., …): the template's "more rows here". A full
    stop alone (。) is a sentence's end wrapped onto a line of its own, no ellipsis."""
    return bool(text) and set(text) <= _ELLIPSIS and (len(text) > 1 or text == "…")


def is_vertical_fragment(text: str, label: str | None = None) -> bool:
    """A piece of a vertical label (绩, 效指标, 年度, 总体目标) split over lines.

    With ``label``, only pieces of that label count.
    """
    if not text:
        return False
    if label:
        return text in label
    return any(text in v for v in VERTICAL_LABELS)


# Words in an indicator's name that suggest its 二级指标, in order of precedence.
_L2_WORDING: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("时效", ("及时", "时间", "时限", "按时", "进度", "周期", "期限", "时效", "完成时")),
    ("成本", ("成本", "费用", "单价", "经费", "单位造价")),
    (
        "质量",
        (
            "质量",
            "合格",
            "达标",
            "准确",
            "通过率",
            "验收",
            "合规",
            "规范",
            "符合",
            "一致",
            "匹配",
            "稳定",
            "正确",
            "优良",
            "覆盖率",
            "采纳率",
            "公正",
        ),
    ),
    ("数量", ("数量", "人数", "次数", "场次", "个数", "家数", "份数", "件数", "台数", "数")),
    ("服务对象满意度", ("满意",)),
)
# Verbs that open an outcome (效益) indicator's name.
_OUTCOME_VERBS = (
    "提升",
    "提高",
    "促进",
    "减少",
    "保障",
    "优化",
    "推进",
    "推动",
    "增强",
    "维护",
    "改善",
    "降低",
    "带动",
    "加强",
    "营造",
    "助力",
    "实现",
)


_L2_WORDING_RE = tuple((l2, lazy_compile("|".join(words))) for l2, words in _L2_WORDING)


# A name ending in what it counts (…规范管理人数, …培训人次) is a 数量 indicator, whatever
# words before the end suggest: the last word of a Chinese name is its head.
_COUNT_END = lazy_compile(r"(?:数量|人数|次数|场次|人次|户数|个数|家数|份数|件数|台数)$")


def l2_hint(name: str) -> str | None:
    """The 二级指标 stem an indicator's wording suggests, or None."""
    if _COUNT_END.search(name):
        return "数量"
    for l2, pattern in _L2_WORDING_RE:
        if pattern.search(name):
            return l2
    return None


def l1_hint(name: str, l2: str | None) -> str | None:
    """The 一级指标 stem an indicator's wording suggests, or None; ``l2`` is the name's
    ``l2_hint`` (computed once for both levels)."""
    if "满意" in name:
        return "满意度"
    if name.startswith(_OUTCOME_VERBS):
        return "效益"
    return "产出" if l2 in ("时效", "质量", "数量") else None


def under_group(text: str, group: re.Pattern[str], names_a_column: Callable[[str], bool]) -> str:
    """A column's label without the label of the group printed over several columns that a
    layout joined before it (预期指标值符号 → 符号, 年度预算数(万元)年初预算 → 年初预算): ``group``
    matches the group's label and captures what follows; that is kept when it names a column."""
    m = group.match(text)
    rest = m.group(1) if m is not None else ""
    if (inner := _IN_BRACKETS.fullmatch(rest)) is not None:
        rest = inner.group(1)  # 预期指标值(单位): the part named in brackets after the group
    return rest if rest and names_a_column(rest) else text


_IN_BRACKETS = lazy_compile(r"[(（]([^()（）]+)[)）]")


# The form's sign-off under the table (填报单位（盖章）：…, 填报人：…, 联系电话：…): no row's.
# The people who sign it (财务负责人 aside: a text field of the form's own, read as one).
_SIGN_OFF_PEOPLE = r"填报人|填表人|联系人|联系电话|审核人|单位负责人|分管负责人|分管领导"
_SIGN_OFF_KEYS = rf"填报单位|填表单位|编制单位|填报日期|填表日期|财务负责人|{_SIGN_OFF_PEOPLE}"
# (or any body's key marked for its seal: 地方主管部门（盖章）：…)
SIGN_OFF = lazy_compile(
    rf"^(?:(?:{_SIGN_OFF_KEYS})[^:：]{{0,6}}|[\u4e00-\u9fff]{{2,12}}[(（](?:盖章|公章|签章|签字)[)）])[:：]"
)
# A seal under the table: its place marked (（盖章）) or its ring's words as OCR reads them
# (◎梅县区水务局单位公章, 财务专用章).
_SEAL = lazy_compile(
    r"^[(（](?:盖章|公章|签章|签字|签字盖章)[)）]|^◎|(?:公章|专用章|之章|[(（](?:盖章|公章|签章)[)）])$"
)


def is_seal(text: str) -> bool:
    # (a look at its ends first: this runs on most rows' cells)
    if not text or (text[0] not in _SEAL_OPENS and text[-1] not in _SEAL_ENDS):
        return False
    return len(text) <= _SEAL_LONGEST and _SEAL.search(text) is not None


_SEAL_OPENS = frozenset("(（◎")
_SEAL_ENDS = frozenset("章)）")


_SEAL_LONGEST = 30


# A budget system's marks on its printout, under the table: its electronic seal, the time and
# person it was printed by, the QR code's caption (电子签章：…, 打印时间：…打印人：…, （二维码）扫码…).
_SYSTEM_LINE = lazy_compile(r"^(?:电子签章|电子印章|打印时间|打印人|生成时间)[:：]|二维码|^扫码")


def is_system_line(text: str) -> bool:
    # (a look for its words first: this runs on most rows' cells)
    if "码" not in text and text[:2] not in _SYSTEM_OPENS:
        return False
    return len(text) <= _SYSTEM_LONGEST and _SYSTEM_LINE.search(text) is not None


_SYSTEM_OPENS = frozenset({"电子", "打印", "生成"})


_SYSTEM_LONGEST = 60


# A person's key of the sign-off, its value after it (填报人：张立新, 联系电话：0319-…).
SIGNED = lazy_compile(rf"(?:{_SIGN_OFF_PEOPLE})\s*[:：]")
# The sign-off's key alone in its cell, its value in the next (填报日期 | 2021年3月10日).
SIGN_OFF_CELL = lazy_compile(rf"^(?:{_SIGN_OFF_KEYS})$")


_RESULT_ENDS = ("完成情况", "完成目标")
_RESULT_LABEL = 10  # characters of such a label at most


# Labels of the goal block's own points, on forms that score it (区域绩效目标自评表: 年度总体目标 |
# 分值 | 预期目标 | 实际完成情况 | 得分); the first two say what it is worth, the others its score.
GOAL_POINTS = frozenset({"分值", "权重", "得分", "自评得分"})
GOAL_WORTH = frozenset({"分值", "权重"})


# An amount's unit noted after a column's label (预算数(A)（万元）, 预算数 / （万元）).
UNIT_AFTER = lazy_compile(r"\s*[(（](?:万元|元)[)）]$")


# A goal's or a result's text opening a list of its own (目标2：…, 1、…, (3)…).
LISTED_GOAL = lazy_compile(r"^(?:目标|任务)?[\d一二三四五六七八九十]+[、.．:：)）]")


# The words a label cut off mid-phrase ends with (未完成原因及拟采取的, 偏差原因分析及): its rest
# follows, in the next cell or on the next line.
CUT_PHRASE = ("的", "及", "和", "与", "、")


def is_result_label(text: str) -> bool:
    """A goal block's label for the result in words no family lists (目标完成情况), which
    after the expected goal's label names the result's column (or 实际完成, its 情况 left off)."""
    k = key(text)
    return len(text) <= _RESULT_LABEL and (k.endswith(_RESULT_ENDS) or k == "实际完成")


# Group labels printed over several columns, and the labels of their parts on the row below
# (the Hebei form's 预期指标值 over 符号 | 值 | 单位, 自评得分 over its three scores).
_GROUPS = (
    (
        ("预期指标值", "年度指标值"),
        ("符号", "值", "单位", "指标性质", "指标值", "度量单位", "计量单位"),
    ),
    (("自评得分",), ("单项指标得分", "权重占比", "单项指标折算得分", "折算得分")),
)


def group_of(text: str, parents: bool) -> int | None:
    """The index of the group ``text`` is the label (``parents``) or a part's label of."""
    text = text.replace("（", "(")  # 单位（文字描述）, 权重占比（%）: a note after the part
    for k, (heads, parts) in enumerate(_GROUPS):
        names = heads if parents else parts
        if any(text == n or (not parents and text.startswith(n + "(")) for n in names):
            return k
    return None
