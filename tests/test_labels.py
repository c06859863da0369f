"""The 一级/二级 category labels real forms print, besides the national form's own."""

from __future__ import annotations

import pytest

from reviewer.forms.vocabulary import _OCR_LABEL
from reviewer.parse.labels import (
    LabelKind,
    family_of_l2,
    is_total_word,
    l2_hint,
    label_kind,
    printed_label,
    stem,
    weight_note,
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("产出指标", LabelKind.L1),
        ("产出指标(50分)", LabelKind.L1),  # the weight printed in the label (Anhui)
        ("效益指标（30分）", LabelKind.L1),
        ("满意度指标(10分)", LabelKind.AMBIGUOUS),
        ("效果指标", LabelKind.L1),  # Hebei's 一级 for outcomes
        ("经济成本指标", LabelKind.L2),
        ("日效性指标", LabelKind.L2),  # a misprint of 时效指标 seen in a published form
        ("服务对象满意度指标等", LabelKind.L2),
        ("其他指标", LabelKind.UNKNOWN),
        ("产出指标完成情况说明", None),
    ],
)
def test_label_kind(text: str, kind: LabelKind | None) -> None:
    assert label_kind(text) is kind


def test_weight_note_is_split_from_the_label() -> None:
    assert weight_note("产出指标(50分)") == ("产出指标", 50.0)
    assert weight_note("规划 （15分）") == ("规划", 15.0)
    assert weight_note("数量指标") == ("数量指标", None)
    # a sheet's cell: the category, its points on the next line (or run on once the line break
    # is read away); a template's 指标2 is no category with points
    assert weight_note("产出指标\n50") == ("产出指标", 50.0)
    assert weight_note("效益指标35") == ("效益指标", 35.0)
    assert weight_note("指标2") == ("指标2", None)


def test_stem_drops_weight_note_and_trailing_deng() -> None:
    assert stem("产出指标(50分)") == "产出"
    assert stem("服务对象满意度指标等") == "服务对象满意度"
    assert stem("数量指标") == "数量"


def test_family_of_printed_labels() -> None:
    assert family_of_l2("服务对象满意度指标等") == "满意度"
    assert family_of_l2("日效性指标") == "产出"


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        # the name's last word is its head: a count, whatever words before it suggest
        ("高血压患者规范管理人数", "数量"),
        ("验收合格工程场次", "数量"),
        ("岗前培训人次", "数量"),
        ("严重精神障碍患者规范管理率", "质量"),
        ("资金拨付及时率", "时效"),
        ("0-6岁儿童健康管理率", None),
    ],
)
def test_the_wording_a_row_gives_for_its_second_level(name: str, hint: str | None) -> None:
    assert l2_hint(name) == hint


@pytest.mark.parametrize(
    ("printed", "meant"),
    [
        # a character mistyped or misread: the label meant
        ("产岀指标", "产出指标"),
        ("效溢指标", "效益指标"),
        ("满惫度指标", "满意度指标"),
        ("数最指标", "数量指标"),
        # the form's own words a character away from a label stay as printed
        ("绩效指标", "绩效指标"),
        ("效果指标", "效果指标"),
        ("其他指标", "其他指标"),
        ("社会效益指标", "社会效益指标"),
    ],
)
def test_a_label_with_one_character_slipped_is_the_label_meant(printed: str, meant: str) -> None:
    assert printed_label(printed) == meant


def test_a_total_word_misread_by_ocr_is_as_long_as_the_word() -> None:
    # is_total_word looks a text up misread (ocr_label) only when it is no longer than the
    # longest total word: every misreading ocr_label mends must keep the text's length
    assert all(len(wrong) == len(right) for wrong, right in _OCR_LABEL)
    assert is_total_word("总份") and is_total_word("自评总得分")
    assert not is_total_word("自评总分说明")
