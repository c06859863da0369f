"""The template's own words, left in a filled form: instructions and placeholders.

A form arrives with instructions in its cells (``结合自评情况，说明项目自评总分……（200字以内）``,
``1.预算执行率=预算执行数/调整后预算数，…未达到90%的需说明原因``) and placeholders in its rows
(``(≥**人)``, ``指标2``, ``……``). A unit that leaves them in place has not filled the field: that is
a finding, and such text is never taken for an explanation.
"""

from __future__ import annotations

from functools import lru_cache

from reviewer.lazyre import lazy_compile

# A field's instruction: a word budget in brackets, or the template's stock phrases.
_INSTRUCTION = lazy_compile(
    r"[(（]\s*\d+\s*字以内\s*[)）]|[,，]\s*限\s*\d+\s*字\s*[)）]"
    r"|需说明原因|应单独说明理由|对照年度目标[，,]?说明|结合自评情况[，,]"
    r"|针对项目自评中发现的问题|其他资金包括[:：]"
    # a cell that asks to be filled (请填写实际完成情况（填写说明：…）)
    r"|^\s*请(?:如实)?(?:填写|填报)|[(（]\s*填写说明\s*[:：]|^\s*填写说明\s*[:：]"
    # an instruction in brackets after the unit's placeholders (（请对照预期目标逐项填写完成情况）)
    r"|[(（]\s*请[^()（）]{0,30}(?:填写|填报)[^()（）]{0,20}[)）]"
    # a whole cell that only says what to write there: （填写偏差原因及拟采取的改进措施）
    r"|^\s*[(（][^()（）已]{0,20}(?:填写|填报|列明|简述|需说明|请说明)[^()（）]{0,40}[)）]\s*$"
)
# A placeholder in a row: stars for a number (≥**人), a numbered stub (指标1), dots.
_PLACEHOLDER = lazy_compile(r"\*\*|＊＊|^指标\s*\d+$|^[…．.。·]{2,}$|[(（]\s*[≥≤<>=]\s*[)）]")
_STARS = lazy_compile(r"^★+")


@lru_cache(maxsize=4096)
def is_instruction(text: str) -> bool:
    """The text is (or holds) the template's instruction for the field, not the unit's words
    (cached: a form's empty or boilerplate cells come back on every table)."""
    return bool(text) and _INSTRUCTION.search(text) is not None


def placeholder_in(text: str) -> str | None:
    """The template placeholder printed in ``text`` (``**`` in ``(≥**人)``, ``★``), or None."""
    m = _PLACEHOLDER.search(text)
    if m is not None:
        return m.group(0)
    m = _STARS.match(text)
    return m.group(0) if m else None


def without_instructions(text: str) -> str:
    """``text`` with nothing of it if it is an instruction: what the unit itself wrote."""
    return "" if is_instruction(text) else text
