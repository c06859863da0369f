"""What round 133 of the written tables (yw, yx, yy, yz) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def test_a_row_scored_by_its_categorys_rule_in_a_note_is_not_held_to_proportion() -> None:
    # yw02: 注:1.满意度指标实际值低于目标值的,每低1个百分点扣0.5分; yg02: 满意度指标评分标准：
    # 满意度≥90%得10分，85%（含）—90%得6分…: 85% against ≥90% scored by the note (false S104)
    for stem in ("yw02", "yg02"):
        found = [f for f in review(_doc(stem)).findings if f.code == "S104"]
        assert not [f for f in found if f.indicator == "签约居民满意度"], stem


def test_a_missed_row_explained_by_steps_alone_has_no_cause() -> None:
    # yx03 (…加强家庭医生签约服务宣传，引导群众基层首诊), yx06 (…优化投诉分流机制，实行承办人限时提醒)
    for stem, name in (("yx03", "基层医疗机构就诊人次增长率"), ("yx06", "12315投诉举报按时办结率")):
        found = {f.code for f in review(_doc(stem)).findings if f.indicator == name}
        assert "E104" in found, stem


def test_a_blocks_unlabelled_row_overrides_a_reports_sentence_about_funds() -> None:
    # yz03 (a whole report): 学生资助资金预算2380万元，执行2296.45万元；…执行率95.24%. above a 20/80
    # table whose row prints | | 2380.00 | 2296.45 | 96.49% | 19.30 |: the sentence's rate (the
    # other project's) had been the table's, a false B101
    table = parse_file(_doc("yz03")).tables[0]
    assert table.funds is not None
    total = table.funds.annual_total
    assert (total.rate_pct, total.score) == (96.49, 19.3)
    assert "B101" not in {f.code for f in review(_doc("yz03")).findings}


def test_an_actual_in_another_unit_is_a_mismatch_not_an_over_achievement() -> None:
    # yy06 (=70元/人·月 against 840元/人·年), gy04 (≥720元/人·月 against 8640元/人·年), ec06
    # (≥12场 against 1500人次): S108, and no S107 on a "multiple" of the target
    for stem in ("yy06", "gy04", "ec06"):
        codes = {f.code for f in review(_doc(stem)).findings}
        assert "S108" in codes, stem
        assert "S107" not in codes, stem
