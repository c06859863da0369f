"""The text folding helpers: ``nfkc`` is NFKC exactly, only faster on Chinese text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewer.textnorm import fold, nfkc, unbold, without_enumeration

# Full-width forms, CJK, compatibility characters (①, ㎡, ﬁ, …), and combining marks that
# compose with the character before them: the cases where a shortcut could go wrong.
_TRICKY = st.sampled_from(
    [
        *"，（）：；！？％＋－＝＜＞０９ＡＺａｚ\u3000、。“”…①㎡ﬁ½Å",
        "\u0301",
        "\u0308",
        "\u3099",
        "か",
    ]
)
_TEXT = st.lists(st.one_of(_TRICKY, st.characters()), max_size=40).map("".join)


@given(_TEXT)
def test_nfkc_is_unicode_nfkc(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_nfkc_examples() -> None:
    assert nfkc("满意度（%）：≥９５％") == "满意度(%):≥95%"
    assert nfkc("Ａ\u0301") == "Á"  # a full-width letter still composes with its accent
    assert nfkc("か\u3099") == "が"
    assert nfkc("plain ascii") == "plain ascii"


def test_fold_drops_spaces_and_case() -> None:
    assert fold("Ｈｅｌｌｏ　Ｗｏｒｌｄ，你 好") == "helloworld,你好"


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("（一）数量指标", "数量指标"),
        ("一、产出指标", "产出指标"),
        ("①受益人口", "受益人口"),
        ("1.1.1完成整治村数", "完成整治村数"),
        ("1.4.1“三公”经费支出", "“三公”经费支出"),
        ("(1)日均垃圾清运量", "日均垃圾清运量"),
        ("3.维修改造校舍面积", "维修改造校舍面积"),
        # a figure that opens a name is the name's
        ("65岁及以上老年人健康管理率", "65岁及以上老年人健康管理率"),
        ("2019年度资金", "2019年度资金"),
        ("10万元以上项目", "10万元以上项目"),
        ("十分满意率", "十分满意率"),
        ("1.5万人次以上", "1.5万人次以上"),
    ],
)
def test_a_list_number_before_an_item_is_not_its_words(text: str, bare: str) -> None:
    assert without_enumeration(text) == bare


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("**100**", "100"),  # a total's figures in bold (us01)
        ("**99.05**", "99.05"),
        ("≥**%", "≥**%"),  # the template's stars around a sign stay
        ("10**2**", "10**2**"),  # stars after a figure are no bold
        ("**项目名称**", "项目名称"),
    ],
)
def test_bold_figures_and_words_lose_their_marks(text: str, plain: str) -> None:
    assert unbold(text) == plain
