"""What round 210 of the written tables (cit, ciu, civ, ciw) showed: bilingual forms whose labels
carry a minority language's translation (项目名称 / تۈر نامى, a false P103 error, names run into
the header's translation), provinces' special-fund forms whose funds print 资金下达数 | 资金到位数 |
实际支出数 (the budget unread, nothing checked), a reviewer's grade beside the department's, and
a laid-out text whose source row's spending slid under 分值 (a false F101 and T101, errors).
"""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.forms.vocabulary import key
from reviewer.ingest.reading import Script, read_text
from reviewer.pipeline import review
from tests.test_round73_variants import _codes, _doc, _unread


def test_round210_a_minority_languages_translation_is_a_gloss() -> None:
    foreign = Script(traditional=False, foreign=True)
    assert read_text("项目名称 / تۈر نامى", foreign) == "项目名称"
    assert (
        read_text("注：金额单位为万元。 ئىزاھات: سومما بىرلىكى.", foreign) == "注：金额单位为万元。"
    )
    assert read_text("يىل بېشىدىكى مۆلچەر", foreign) == ""  # a cell of it alone: no cell
    assert read_text("≥95%", foreign) == "≥95%"
    # civ01 (Uyghur), civ02 (Mongolian), civ05 (Korean): the subject read, every row right
    for stem in ("civ01", "civ02", "civ05"):
        t = parse_file(_doc(stem)).tables[0]
        assert t.project and "P103" not in _codes(stem), stem
    t = parse_file(_doc("civ01")).tables[0]
    assert t.indicators[0].name == "培训幼儿园教师人数"
    assert {"B101", "S102"} <= _codes("civ01")  # its two labelled


def test_round210_a_latin_letters_gloss_after_a_label_and_a_row_of_them() -> None:
    # civ04 (Zhuang, written in Latin letters): 部门（单位）名称 / Bumwnz mingzcoh is the key;
    # the header's translation row (Daih'it gaep | Daihngeih gaep | …) is no row's name
    assert key("部门（单位）名称 / Bumwnz mingzcoh") == key("部门（单位）名称")
    assert key("PM2.5/年均浓度").endswith("年均浓度")  # Chinese after the slash: no gloss
    assert key("执行率/Rate") == key("执行率")
    t = parse_file(_doc("civ04")).tables[0]
    assert t.department == "那坡县民族宗教事务局"
    assert t.indicators[0].name == "民族团结进步示范单位创建数"
    assert "P103" not in _codes("civ04")


def test_round210_a_special_funds_issued_received_and_spent() -> None:
    # ciw01: 资金下达数 | 资金到位数 | 实际支出数 | 执行率 by level: the 省级 rate checked (its
    # labelled B101); ciw03: the levels' 下达数 against the 合计 (its labelled F101)
    total = parse_file(_doc("ciw01")).tables[0].funds.annual_total
    assert (total.full_year_budget, total.executed) == (3500, 3392.40)
    assert "B101" in _codes("ciw01") and "F101" in _codes("ciw03")
    assert "B104" in _codes("ciw06")  # 73.02% with no reason
    assert _unread("ciw01") == []


def test_round210_a_reviewers_grade_and_scores_beside_the_departments() -> None:
    # cit06: 自评等级：优　复核等级：良 under a self-total of 87.88: the grade is the department's
    # (its labelled T103); 复核得分 | 差异说明 columns of the funds kept, not reported unread
    assert "T103" in _codes("cit06")
    assert _unread("cit05") == [] and _unread("cit03") == []


def test_round210_a_source_rows_spending_slid_under_its_points() -> None:
    # ly02 (pdftotext -layout): 其中：当年财政拨款 | 860.00 | 880.00 | | 862.78, its spending
    # under 分值: read as its spending, so its labelled F101 is said with the printed figures
    # (it had said 各资金来源合计为32.4)
    t = parse_file(_doc("ly02")).tables[0]
    assert (
        t.funds.current_year_appropriation.executed,
        t.funds.current_year_appropriation.weight,
    ) == (862.78, None)
    f101 = [f for f in review(_doc("ly02")).findings if f.code == "F101"]
    assert len(f101) == 1 and "895.18" in f101[0].message
    # ciu02: the same slide (a false F101, 各资金来源合计为0) and a row read a column off
    # (慢病患者规范管理率≥65% | 66.2% | 12, no score: a false E101, T101, T104), doubted and the
    # text read again: every row right, nothing said
    t = parse_file(_doc("ciu02")).tables[0]
    assert len(t.indicators) == 7 and not t.doubts
    assert not {"F101", "T101", "T104", "E101"} & _codes("ciu02")
    # wq05: a source row whose budgets were not read beside the total's: left as read
    assert "F101" not in _codes("wq05")
