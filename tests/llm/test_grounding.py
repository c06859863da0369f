"""Grounding: quotes matched the way models quote, linked to their cell; what is not evidence."""

from __future__ import annotations

import pytest

from reviewer.llm.grounding import ground_findings, numbers_in
from reviewer.llm.quotes import Located, locate, match_fold, table_sources
from reviewer.llm.schema import AnswerFinding, Kind
from reviewer.model import Category, Location, Report, Severity


def _answer(
    *quotes: str,
    row_id: str | None = None,
    kind: Kind = Kind.PLAN_LANGUAGE,
    message: str = "意见。",
) -> AnswerFinding:
    return AnswerFinding(
        row_id=row_id,
        evidence=list(quotes),
        kind=kind,
        severity=Severity.WARNING,
        message=message,
        suggestion="建议。",
    )


def _found(quote: str, report: Report, table: int = 0) -> Located:
    found = locate(quote, table_sources(report.tables[table]))
    assert isinstance(found, Located), f"{quote}: {found}"
    return found


def test_folding_drops_punctuation_and_keeps_what_numbers_need() -> None:
    folded, index = match_fold("完成“16个”、 4,024,422.6元；3—10月 99.85％ ≥95%")
    assert folded == "完成16个4024422.6元3-10月99.85%>=95%"
    assert len(index) == len(folded)
    assert match_fold("G60 公共法律服务")[0] == "g60公共法律服务"


def test_quote_found_despite_spacing_width_and_punctuation(seed_report: Report) -> None:
    for quote in (
        "组织并开展不少于2次专家研讨会",
        "组织并开展 不少于 ２ 次专家研讨会",
        "“不少于2次专家研讨会”",
        "「不少于2次专家研讨会、论证会」",
        "组织并开展不少于2次专家研讨会，论证会。",
    ):
        match = _found(quote, seed_report).matches[0]
        assert match.source.field == "goal_actual", quote
        assert match.source.location == Location(line=13, column=5)
    assert _found("组织并开展不少于２次", seed_report).matches[0].printed == "组织并开展不少于2次"
    # The evidence is the document's text, not the model's punctuation.
    assert _found("不少于2次专家研讨会，论证会。", seed_report).matches[0].printed == (
        "不少于2次专家研讨会、论证会"
    )


def test_quote_in_an_indicator_cell_links_the_row(seed_report: Report) -> None:
    (match,) = _found("施工进度有所调整", seed_report).matches
    assert (match.row_id, match.source.field) == ("R22", "indicator.explanation")
    assert match.source.location == Location(line=22, column=10)


def test_name_broken_by_wrapping_is_found(seed_report: Report) -> None:
    found = _found("G60公共法律服务中心挂牌、启用等宣传活 动场次", seed_report)
    assert found.matches[0].row_id == "R16"
    assert found.matches[0].printed == "G60公共法律服务中心挂牌、启用等宣传活动场次"


@pytest.mark.parametrize(
    ("quote", "printed", "field"),
    [
        ("4024422.6", "4,024,422.6", "funds.annual_total.executed"),
        ("4,024,422.6", "4,024,422.6", "funds.annual_total.executed"),
        ("执行率：99.85%", "99.85%", "funds.annual_total.rate_pct"),
        ("年度资金总额全年预算数4030800.00", "4030800.00", "funds.annual_total.full_year_budget"),
        ("总分98.98", "98.98", "total_score"),
        ("实际完成值=16家", "=16家", "indicator.target"),
        ("偏差原因分析及改进措施：施工进度有所调整", "施工进度有所调整", "indicator.explanation"),
        ("「工程完成及验收时间」实际完成值：11月", "11月", "indicator.actual"),
    ],
)
def test_every_printed_cell_is_quotable_labels_stripped(
    seed_report: Report, quote: str, printed: str, field: str
) -> None:
    match = _found(quote, seed_report).matches[0]
    assert (match.printed, match.source.field) == (printed, field)
    assert match.source.location.line is not None


def test_ellipsis_parts_must_be_in_order_in_one_cell(seed_report: Report) -> None:
    ts = table_sources(seed_report.tables[0])
    assert isinstance(locate("完成辖区16个……标识牌装修工作", ts), Located)
    assert isinstance(locate("标识牌装修工作……完成辖区16个", ts), str)  # wrong order
    assert isinstance(locate("完成辖区16个……施工进度有所调整", ts), str)  # two cells


@pytest.mark.parametrize(
    ("quote", "reason"),
    [
        ("全年共举办培训班九十九期", "找不到"),
        ("“ ”", "找不到"),
        ("的", "少于 4 个字"),
        ("完成", "少于 4 个字"),
        ("组织并开展不少于3次专家研讨会", "找不到"),
    ],
)
def test_invented_or_trivial_quotes_do_not_count(
    seed_report: Report, quote: str, reason: str
) -> None:
    found = locate(quote, table_sources(seed_report.tables[0]))
    assert isinstance(found, str) and reason in found


def test_a_short_quote_counts_as_a_whole_cell_only(seed_report: Report) -> None:
    found = _found("提升", seed_report)
    assert {m.row_id for m in found.matches} == {"R24", "R25"} and all(
        m.whole for m in found.matches
    )


def test_numbers_of_a_message() -> None:
    def values(text: str, measured: bool = True) -> list[set[float]]:
        return [v for _, v in numbers_in(text, measured_only=measured)]

    assert values("执行率99.85%，执行4,024,422.6元") == [{99.85}, {4024422.6}]
    assert values("G60中心的R15行，第3批") == []  # names, row ids and ordinals are not figures
    assert values("进一步开展三项工作，举办九十九期") == [{3.0}, {99.0}]
    assert values("1.5万人次") == [{1.5, 15000.0}]


def test_findings_with_any_unfound_quote_are_dropped_with_the_reason(seed_report: Report) -> None:
    table = seed_report.tables[0]
    answers = [
        _answer("不少于2次专家研讨会"),
        _answer("全年共举办培训班九十九期"),
        _answer("不少于2次专家研讨会", "该项目已被审计署通报"),
    ]
    grounded = ground_findings(answers, table, 0)
    assert len(grounded.findings) == 1
    assert [d.quotes for d in grounded.dropped] == [
        ["全年共举办培训班九十九期"],
        ["不少于2次专家研讨会", "该项目已被审计署通报"],
    ]
    assert all("找不到" in d.reason and d.code == "L103" for d in grounded.dropped)
    assert "该项目已被审计署通报" in grounded.dropped[1].reason


def test_quotes_from_another_table_do_not_count(seed_report: Report) -> None:
    other = seed_report.tables[1].goal_actual[:15]
    grounded = ground_findings([_answer(other)], seed_report.tables[0], 0)
    assert len(grounded.dropped) == 1 and not grounded.findings


def test_kept_finding_is_a_full_llm_finding(seed_report: Report) -> None:
    table = seed_report.tables[0]
    grounded = ground_findings(
        [_answer("施工进度有所调整", row_id="R22", kind=Kind.WEAK_EXPLANATION)], table, 0
    )
    (f,) = grounded.findings
    assert (f.code, f.category, f.source, f.project, f.table_index) == (
        "L104",
        Category.EXPLANATION,
        "llm",
        "司法行政宣传",
        0,
    )
    assert f.indicator == "工程完成及验收时间"
    assert f.evidence[0].quote == "施工进度有所调整"
    assert f.evidence[0].location == Location(line=22, column=10)
    assert f.locations == [Location(line=22, column=10)]
    assert f.message == "意见。" and f.suggestion == "建议。"


def test_row_is_taken_from_quotes_unique_in_the_table(seed_report: Report) -> None:
    (f,) = ground_findings([_answer("施工进度有所调整")], seed_report.tables[0], 0).findings
    assert f.indicator == "工程完成及验收时间"
    (g,) = ground_findings([_answer("=100%")], seed_report.tables[0], 0).findings
    assert g.indicator is None  # two rows print =100%: no row is guessed


@pytest.mark.parametrize("row_id", ["r22", "22", " R22 "])
def test_row_ids_are_read_leniently(seed_report: Report, row_id: str) -> None:
    (f,) = ground_findings(
        [_answer("施工进度有所调整", row_id=row_id)], seed_report.tables[0], 0
    ).findings
    assert f.indicator == "工程完成及验收时间"


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (_answer("不少于2次专家研讨会", row_id="R999"), "R999 不存在"),
        (_answer("不少于4次路演宣传活动", row_id="R16"), "没有一条引文取自该行"),
        (_answer("司法行政宣传", message="项目整体绩效良好。"), "只引用了名称"),
        (_answer("上海市松江区司法局"), "只引用了名称"),
        (_answer("完成司法所规范化建设个数", row_id="R15"), "只引用了名称"),
        (_answer("提升", message="效益指标均为提升。"), "过短"),
        (
            _answer("组织并开展不少于2次专家研讨会", message="实际只召开了1次专家研讨会。"),
            "数字 1 不见于",
        ),
        (
            _answer("施工进度有所调整", row_id="R22", message="完成时间推迟了2个月。"),
            "数字 2 不见于",
        ),
    ],
)
def test_what_is_not_evidence(seed_report: Report, answer: AnswerFinding, reason: str) -> None:
    grounded = ground_findings([answer], seed_report.tables[0], 0)
    assert not grounded.findings
    (dropped,) = grounded.dropped
    assert reason in dropped.reason, dropped.reason


def test_a_design_finding_may_quote_the_name_of_its_row(seed_report: Report) -> None:
    answer = _answer(
        "提升司法所辨识度", "提升", row_id="R24", kind=Kind.INDICATOR_DESIGN, message="无指标值。"
    )
    (f,) = ground_findings([answer], seed_report.tables[0], 0).findings
    assert f.indicator == "提升司法所辨识度" and [e.quote for e in f.evidence] == [
        "提升司法所辨识度",
        "提升",
    ]


def test_numbers_in_the_message_may_come_from_the_row(seed_report: Report) -> None:
    answer = _answer(
        "施工进度有所调整",
        row_id="R22",
        kind=Kind.WEAK_EXPLANATION,
        message="指标值3-10月，实际11月完成，得5分，偏差原因只写“施工进度有所调整”。",
    )
    assert len(ground_findings([answer], seed_report.tables[0], 0).findings) == 1


def test_duplicates_are_kept_once(seed_report: Report) -> None:
    same = _answer("不少于2次专家研讨会")
    assert len(ground_findings([same, same], seed_report.tables[0], 0).findings) == 1
