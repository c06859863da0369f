"""The text folding helpers: ``nfkc`` is NFKC exactly, only faster on Chinese text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from reviewer.textnorm import fold, nfkc

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
