"""Grounding: quotes found verbatim (after fold) and linked to their cell, or finding dropped."""

from __future__ import annotations

from reviewer.llm.grounding import ground_findings, locate, table_sources
from reviewer.llm.schema import AnswerFinding, Kind
from reviewer.model import Category, Location, Report, Severity


def _answer(
    *quotes: str, row_id: str | None = None, kind: Kind = Kind.PLAN_LANGUAGE
) -> AnswerFinding:
    return AnswerFinding(
        row_id=row_id,
        evidence=list(quotes),
        kind=kind,
        severity=Severity.WARNING,
        message="意见。",
        suggestion="建议。",
    )


def test_quote_found_despite_spacing_and_width(seed_report: Report) -> None:
    ts = table_sources(seed_report.tables[0])
    for quote in (
        "组织并开展不少于2次专家研讨会",
        "组织并开展 不少于 ２ 次专家研讨会",
        "“不少于2次专家研讨会”",
    ):
        found = locate(quote, ts)
        assert found is not None, quote
        assert found.source.field == "goal_actual"
        assert found.source.location == Location(line=13, column=5)
    assert locate("组织并开展不少于２次", ts).printed == "组织并开展不少于2次"  # type: ignore[union-attr]


def test_quote_in_an_indicator_cell_links_the_row(seed_report: Report) -> None:
    table = seed_report.tables[0]
    found = locate("施工进度有所调整", table_sources(table))
    assert found is not None
    assert (found.source.row_id, found.source.field) == ("R22", "explanation")
    assert found.source.location == Location(line=22, column=10)


def test_name_broken_by_wrapping_is_found(seed_report: Report) -> None:
    found = locate(
        "G60公共法律服务中心挂牌、启用等宣传活 动场次", table_sources(seed_report.tables[0])
    )
    assert found is not None and found.source.row_id == "R16"
    assert found.printed == "G60公共法律服务中心挂牌、启用等宣传活动场次"


def test_ellipsis_parts_must_be_in_order_in_one_cell(seed_report: Report) -> None:
    ts = table_sources(seed_report.tables[0])
    assert locate("完成辖区16个……标识牌装修工作", ts) is not None
    assert locate("标识牌装修工作……完成辖区16个", ts) is None  # wrong order
    assert locate("完成辖区16个……施工进度有所调整", ts) is None  # two different cells


def test_invented_or_trivial_quotes_are_not_found(seed_report: Report) -> None:
    ts = table_sources(seed_report.tables[0])
    assert locate("全年共举办培训班九十九期", ts) is None
    assert locate("“ ”", ts) is None
    assert locate("的", ts) is None


def test_findings_with_any_unfound_quote_are_dropped_and_counted(seed_report: Report) -> None:
    table = seed_report.tables[0]
    answers = [
        _answer("不少于2次专家研讨会"),
        _answer("全年共举办培训班九十九期"),
        _answer("不少于2次专家研讨会", "该项目已被审计署通报"),
    ]
    grounded = ground_findings(answers, table, 0)
    assert grounded.dropped == 2
    assert len(grounded.findings) == 1
    assert grounded.unfound_quotes == ["全年共举办培训班九十九期", "该项目已被审计署通报"]


def test_quotes_from_another_table_do_not_count(seed_report: Report) -> None:
    other = seed_report.tables[1].goal_actual[:15]
    grounded = ground_findings([_answer(other)], seed_report.tables[0], 0)
    assert grounded.dropped == 1 and not grounded.findings


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


def test_row_is_taken_from_the_quotes_when_not_given(seed_report: Report) -> None:
    (f,) = ground_findings([_answer("施工进度有所调整")], seed_report.tables[0], 0).findings
    assert f.indicator == "工程完成及验收时间"


def test_unknown_row_id_is_not_trusted(seed_report: Report) -> None:
    (f,) = ground_findings(
        [_answer("不少于2次专家研讨会", row_id="R999")], seed_report.tables[0], 0
    ).findings
    assert f.indicator is None


def test_row_given_but_quoted_elsewhere_locates_both(seed_report: Report) -> None:
    (f,) = ground_findings(
        [_answer("不少于4次路演宣传活动", row_id="R16")], seed_report.tables[0], 0
    ).findings
    assert f.indicator == "G60公共法律服务中心挂牌、启用等宣传活动场次"
    assert f.locations == [Location(line=16), Location(line=13, column=5)]


def test_duplicates_are_kept_once(seed_report: Report) -> None:
    same = _answer("不少于2次专家研讨会")
    assert len(ground_findings([same, same], seed_report.tables[0], 0).findings) == 1
