"""T rules (reviewer/checks/totals.py, summaries.py, prose.py): 总分 and the grade; a report's
summary of results and its prose against its tables.

One class per rule: the broken table and its clean twin, then the score tolerance (T101), the
100-point cap (T102) and the grade bands 90 / 80 / 60 (T103, T104) on both sides.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.checks import run_checks
from reviewer.config import Config
from reviewer.layout_text import render_text
from reviewer.model import EvaluationTable, Finding, Subtotal
from tests.builders import MEASURE, clean_indicators, codes, findings_of, ind, make_table, with_row
from tests.checks.cases import RuleCase

# Every row at full marks and 100 % execution: the total is exactly 100.
FULL = (100000.0, 100000.0, 100000.0)


# T101 total adds up ----------------------------------------------------------------------


class TestT101TotalAddsUp(RuleCase):
    code = "T101"

    def broken(self) -> EvaluationTable:
        return make_table(total_score=99.0)

    def clean(self) -> EvaluationTable:
        return make_table(total_score=99.5)

    @pytest.mark.parametrize(
        ("total", "fires"),
        [
            (99.51, set()),  # the rows add up to 99.5: off by the tolerance 0.01
            (99.49, set()),
            (99.52, {"T101"}),  # just past it
            (99.48, {"T101"}),
            (99.9, {"T101"}),
        ],
    )
    def test_score_tolerance(self, tmp_path: Path, total: float, fires: set[str]) -> None:
        assert codes(tmp_path, make_table(total_score=total)) == fires

    def test_tolerance_is_configurable(self, tmp_path: Path) -> None:
        table = make_table(total_score=99.52)
        assert codes(tmp_path, table, thresholds={"score_tolerance": 0.02}) == set()

    def test_finding_gives_the_sum(self, tmp_path: Path) -> None:
        (f,) = findings_of(tmp_path, self.broken(), "T101")
        assert (f.expected, f.found) == ("99.5", "99")


# T102 total over 100 ---------------------------------------------------------------------


class TestT102TotalOver100(RuleCase):
    code = "T102"
    # A total above 100 needs a score above its weight, so S101 fires with it (and T101 when
    # the printed total is not the sum): they cannot be separated.
    also = frozenset({"S101"})

    def broken(self) -> EvaluationTable:
        return make_table(indicators=with_row(0, ind("培训场次", "=10场", "=10场", 20, 22)))

    def clean(self) -> EvaluationTable:
        return make_table()

    def test_exactly_100_is_allowed(self, tmp_path: Path) -> None:
        table = make_table(budget=FULL)
        assert table.total_score == 100
        assert codes(tmp_path, table) == set()

    def test_printed_total_one_hundredth_over_100(self, tmp_path: Path) -> None:
        # The rows add up to 100 and 100.01 is within T101's tolerance: T102 alone.
        assert codes(tmp_path, make_table(budget=FULL, total_score=100.01)) == {"T102"}


# T103 grade matches the total ------------------------------------------------------------


class TestT103GradeMatchesTotal(RuleCase):
    code = "T103"

    def broken(self) -> EvaluationTable:
        return make_table(grade="良")

    def clean(self) -> EvaluationTable:
        return make_table(grade="优")

    @pytest.mark.parametrize(
        ("total", "grade", "fires"),
        [
            (90, "优", False),  # each band's lower bound belongs to it
            (89.99, "优", True),
            (89.99, "良", False),
            (80, "良", False),
            (79.99, "良", True),
            (79.99, "中", False),
            (60, "中", False),
            (59.99, "中", True),
            (59.99, "差", False),
            (90, "优秀", False),  # the grade's first character
            (90, "良好", True),
        ],
    )
    def test_grade_bands(self, tmp_path: Path, total: float, grade: str, fires: bool) -> None:
        # Only T103 runs: the printed total is set without changing the rows.
        table = make_table(total_score=total, grade=grade)
        assert codes(tmp_path, table, select=["T103"]) == ({"T103"} if fires else set())

    def test_bands_are_configurable(self, tmp_path: Path) -> None:
        table = make_table(total_score=85, grade="优")
        assert codes(tmp_path, table, select=["T103"]) == {"T103"}
        older = {"grade_bands": [80, 70, 60]}
        assert codes(tmp_path, table, select=["T103"], thresholds=older) == set()


# T104 recomputed grade falls -------------------------------------------------------------


def sessions_done(actual: str) -> EvaluationTable:
    """100 points claimed, 培训场次 (=10场, weight 20) at full marks whatever its actual."""
    row = ind("培训场次", "=10场", actual, 20, 20, MEASURE)
    return make_table(indicators=with_row(0, row), budget=FULL)


class TestT104RecomputedGradeFalls(RuleCase):
    code = "T104"
    # The recomputed total drops a grade only because rows were scored too softly, which the
    # scoring rules also report.
    also = frozenset({"S102"})

    def broken(self) -> EvaluationTable:
        rows = clean_indicators()
        rows[0] = ind("培训场次", "=10场", "=3场", 20, 20, MEASURE)  # 99.5 → 85.5: 优 → 良
        return make_table(indicators=rows)

    def clean(self) -> EvaluationTable:
        return make_table()

    def test_still_the_same_grade(self, tmp_path: Path) -> None:
        rows = clean_indicators()
        rows[0] = ind("培训场次", "=10场", "=9场", 20, 20, MEASURE)  # 99.5 → 97.5: still 优
        assert codes(tmp_path, make_table(indicators=rows)) == {"S102"}

    @pytest.mark.parametrize(
        ("actual", "fires"),
        [
            ("=5场", set()),  # recomputed 80 + 20 × 5/10 = 90: still 优
            ("=4.995场", {"T104"}),  # 80 + 9.99 = 89.99: 良
        ],
    )
    def test_at_the_grade_bound(self, tmp_path: Path, actual: str, fires: set[str]) -> None:
        assert codes(tmp_path, sessions_done(actual)) == {"S102", *fires}

    def test_finding_gives_both_totals(self, tmp_path: Path) -> None:
        (f,) = findings_of(tmp_path, sessions_done("=4.995场"), "T104")
        assert (f.expected, f.found) == ("89.99（良）", "100（优）")


# T105 the total the narrative states -----------------------------------------------------


def _said(text: str, where: str = "conclusion") -> EvaluationTable:
    """The clean table (total 99.5) with ``text`` in its 评价结论 or 实际完成情况."""
    if where == "goal_actual":
        clean = make_table()
        return make_table(goal_actual=f"{clean.goal_actual}{text}")
    return make_table(fields={"conclusion": text})


class TestT105StatedTotalMatches(RuleCase):
    code = "T105"

    def broken(self) -> EvaluationTable:
        return _said("经自评，项目自评总分98.5分，项目实施达到预期。")

    def clean(self) -> EvaluationTable:
        return _said("经自评，项目自评总分99.5分，项目实施达到预期。")

    @pytest.mark.parametrize(
        ("text", "fires"),
        [
            ("自评得分为99.50分。", set()),
            ("自评得分100分。", set()),  # 99.5 written in whole points
            ("综合得分：97分，评价等级为优。", {"T105"}),
            ("自评得分99.4分。", {"T105"}),
            ("各项目自评得分分别为98分、99分。", set()),  # several projects' scores
            ("项目自评得分均在90分以上。", set()),  # a band, not a total
            ("产出指标得分50分。", set()),  # a part of the total
            ("经自评，本项目得分98分，评价等级为优。", {"T105"}),  # ti03
            ("经自评，本项目得分99.5分。", set()),
        ],
    )
    def test_what_counts_as_a_stated_total(
        self, tmp_path: Path, text: str, fires: set[str]
    ) -> None:
        assert codes(tmp_path, _said(text)) == fires

    @pytest.mark.parametrize(
        ("text", "fires"),
        [
            ("项目自评得分99.5分，自评等级为“良”。", {"T105"}),  # hi04: 99.5 is 优
            ("项目自评得分99.5分，等级为优。", set()),
            ("评价等级：优。", set()),
            ("传承人传习活动考核等级为“良”。", set()),  # a row's own grade, not the project's
        ],
    )
    def test_a_stated_grade(self, tmp_path: Path, text: str, fires: set[str]) -> None:
        assert codes(tmp_path, _said(text)) == fires

    def test_read_in_the_actual_too(self, tmp_path: Path) -> None:
        assert codes(tmp_path, _said("自评总分96分。", "goal_actual")) == {"T105"}

    def test_finding_gives_both_totals(self, tmp_path: Path) -> None:
        (f,) = findings_of(tmp_path, self.broken(), "T105")
        assert (f.expected, f.found) == ("99.5", "98.5")
        assert f.evidence[0].quote == "自评总分98.5分"


# T106 printed 小计 rows ------------------------------------------------------------------


def _with_part(note: str | None = None, weight: float = 5) -> EvaluationTable:
    """The clean table with a 其中 row under 培训场次 (20 points) whose points the 总分 leaves out
    (and, with ``note``, a note under the table)."""
    rows = clean_indicators()
    rows.insert(1, ind("其中：线上培训场次", "=4场", "=4场", weight, weight))
    total = make_table().total_score
    return make_table(indicators=rows, total_score=total, notes=[note] if note else [])


class TestT107PartsWithinAbove(RuleCase):
    code = "T107"

    def broken(self) -> EvaluationTable:
        # the weights make 105 with the part and 100 without it; the 总分 only without it
        return _with_part()

    def clean(self) -> EvaluationTable:
        return make_table()

    def test_the_sums_leave_the_part_out_and_say_why(self, tmp_path: Path) -> None:
        (f,) = findings_of(tmp_path, _with_part(), "T107")
        assert "「其中：线上培训场次」共1个其中行" in f.message and "表中未说明" in f.message
        # a note under the table (the text layout prints none: a written document's)
        from reviewer.pipeline import review
        from tests.test_round73_variants import _doc

        (f,) = [f for f in review(_doc("cae04")).findings if f.code == "T107"]
        assert "共4个其中行" in f.message and "表注称“注：“其中”行为上一行指标的分项" in f.message

    def test_a_part_worth_more_than_its_parent_is_counted(self, tmp_path: Path) -> None:
        # 25 points under 培训场次's 20: no part of it; the sums do not add up (W101, T101)
        assert {"W101", "T101"} <= codes(tmp_path, _with_part(weight=25))


def _with_subtotals(*sums: tuple[str, list[int], float, float]) -> EvaluationTable:
    """The clean table with 小计 rows printed under the rows they sum."""
    return make_table(
        subtotals=[
            Subtotal(label=label, rows=rows, weight=w, score=s) for label, rows, w, s in sums
        ]
    )


class TestT106SubtotalsAddUp(RuleCase):
    code = "T106"

    def broken(self) -> EvaluationTable:
        # 数量指标: 20 + 10 points; the 小计 prints 29
        return _with_subtotals(("数量指标小计", [0, 1], 30, 29))

    def clean(self) -> EvaluationTable:
        return _with_subtotals(("数量指标小计", [0, 1], 30, 30))

    def test_each_kind_of_subtotal_is_read_back_with_its_rows(self, tmp_path: Path) -> None:
        from reviewer.api import parse_file
        from tests.builders import write_tables

        table = _with_subtotals(
            ("数量指标小计", [0, 1], 30, 30),
            ("小计", [2, 3], 20, 20),  # a bare 小计: the rows since the last
            ("效益指标小计", [4, 5], 30, 30),
            ("指标合计", [6], 10, 10),  # the indicators' whole: every row above it
        )
        (t,) = parse_file(write_tables(tmp_path / "t.txt", table)).tables
        assert [(s.label, s.rows, s.weight, s.score) for s in t.subtotals] == [
            ("数量指标小计", [0, 1], 30, 30),
            ("小计", [2, 3], 20, 20),
            ("效益指标小计", [4, 5], 30, 30),
            ("指标合计", [0, 1, 2, 3, 4, 5, 6], 10, 10),
        ]

    def test_weights_and_scores_both_told(self, tmp_path: Path) -> None:
        (f,) = findings_of(tmp_path, _with_subtotals(("效益指标小计", [4, 5], 28, 28)), "T106")
        assert "分值填报为28分，所含2行分值之和为30分" in f.message
        assert "得分填报为28分，所含2行得分之和为30分" in f.message
        assert f.found == "分值28，得分28" and f.expected == "分值30，得分30"

    @pytest.mark.parametrize(
        ("score", "fires"),
        [
            (30.0, set()),
            (30.01, set()),  # within the score tolerance
            (30.5, {"T106"}),
        ],
    )
    def test_tolerance(self, tmp_path: Path, score: float, fires: set[str]) -> None:
        assert codes(tmp_path, _with_subtotals(("数量指标小计", [0, 1], 30, score))) == fires


# T108 a summary of several projects' results against each project's table (whole report) -----


def _with_summary(tmp_path: Path, *lines: str) -> Path:
    """The clean table (业务培训, 总分 99.5, 执行率 95.00%) under a summary of results."""
    head = "\n".join(["项目自评结果汇总表", "序号\t项目名称\t执行率\t自评得分\t自评等级", *lines])
    path = tmp_path / "t.txt"
    path.write_text(head + "\n\n" + render_text([make_table()]), encoding="utf-8")
    return path


class TestT108SummaryMatchesTable:
    def test_a_score_other_than_the_tables_total(self, tmp_path: Path) -> None:
        path = _with_summary(tmp_path, "1\t业务培训\t95.00%\t98.50\t优")
        report = parse_file(path)
        (entry,) = report.summaries
        assert (entry.project, entry.score, entry.rate_pct) == ("业务培训", 98.5, 95.0)
        (hit,) = [f for f in run_checks(report, Config()) if f.code == "T108"]
        assert hit.severity.value == "warning"
        assert "自评得分为98.5分（该项目自评表的总分为99.5分）" in hit.message
        assert [e.quote for e in hit.evidence] == ["业务培训", "98.50", "99.5"]
        # the summary's rows are read, not reported unread
        assert not [lo for lo in report.leftovers if lo.text in ("业务培训", "98.50")]

    def test_a_rate_other_than_the_tables(self, tmp_path: Path) -> None:
        path = _with_summary(tmp_path, "1\t业务培训\t97.00%\t99.5\t优")
        (hit,) = [f for f in run_checks(parse_file(path), Config()) if f.code == "T108"]
        assert "执行率为97%（该项目自评表的执行率为95%）" in hit.message

    def test_the_same_results_rounded_nothing_said(self, tmp_path: Path) -> None:
        path = _with_summary(tmp_path, "1\t业务培训\t95.0%\t99.5\t优")
        assert "T108" not in {f.code for f in run_checks(parse_file(path), Config())}

    def test_a_project_without_its_table_in_the_file_is_not_held_against_one(
        self, tmp_path: Path
    ) -> None:
        path = _with_summary(
            tmp_path, "1\t业务培训\t95.00%\t99.5\t优", "2\t普法宣传\t90.00%\t88\t良"
        )
        report = parse_file(path)
        assert len(report.summaries) == 2
        assert "T108" not in {f.code for f in run_checks(report, Config())}


# T109 a report's prose against its tables' results (whole report) ---------------------------
# The tables: 业务培训 (全年预算数 100000 元, 执行 95000 元, 95%, 总分 99.5) and, where two, 普法宣传
# (the same funds, 执行 90000 元, 90%), under paragraphs of prose.


def _second() -> EvaluationTable:
    return make_table(project="普法宣传", budget=(100000.0, 100000.0, 90000.0))


def _prose_hits(tmp_path: Path, *prose: str, two: bool = False) -> list[Finding]:
    tables = [make_table(), _second()] if two else [make_table()]
    path = tmp_path / "report.txt"
    path.write_text("\n".join(prose) + "\n\n" + render_text(tables), encoding="utf-8")
    return [f for f in run_checks(parse_file(path), Config()) if f.code == "T109"]


class TestT109ProseMatchesTable:
    def test_a_rate_the_prose_gives_a_named_project_other_than_its_tables(
        self, tmp_path: Path
    ) -> None:
        (hit,) = _prose_hits(
            tmp_path,
            "其中业务培训项目执行9.50万元，执行率97.50%，自评得分99.5分；普法宣传项目执行率90%。",
            two=True,
        )
        assert hit.severity.value == "warning"
        assert hit.message == (
            "报告正文称“业务培训”预算执行率为97.50%，而该自评表的执行率为95.00%，两者不符。"
        )
        # the prose's words up to the figure, and the table's cell
        quotes = [e.quote for e in hit.evidence]
        assert quotes == ["其中业务培训项目执行9.50万元，执行率97.50%", "95.00%"]

    def test_an_amount_in_another_unit_and_a_score(self, tmp_path: Path) -> None:
        hits = _prose_hits(
            tmp_path,
            "业务培训项目全年执行9.60万元，自评得分98.5分。",
            "普法宣传项目执行9万元。",
            two=True,
        )
        assert sorted(h.message for h in hits) == [
            "报告正文称“业务培训”执行数为9.60万元，而该自评表的全年执行数为9.5万元，两者不符。",
            "报告正文称“业务培训”自评得分为98.5分，而该自评表的总分为99.5分，两者不符。",
        ]

    def test_figures_that_agree_to_the_decimals_the_prose_writes(self, tmp_path: Path) -> None:
        assert not _prose_hits(
            tmp_path, "业务培训项目执行9.5万元，执行率95.0%，自评得分99.5分。", two=True
        )

    def test_the_paragraphs_project_carries_to_its_later_sentences(self, tmp_path: Path) -> None:
        (hit,) = _prose_hits(
            tmp_path, "（一）普法宣传项目。该项目全年预算数10.00万元，预算执行率92.00%。", two=True
        )
        assert "“普法宣传”预算执行率为92.00%" in hit.message

    def test_in_a_report_of_one_table_a_sentence_naming_nothing_is_its(
        self, tmp_path: Path
    ) -> None:
        (hit,) = _prose_hits(tmp_path, "截至2023年12月31日，项目资金执行率达100%。")
        assert "预算执行率为100%" in hit.message

    def test_figures_of_another_scope_or_time_are_not_held_against_a_table(
        self, tmp_path: Path
    ) -> None:
        assert not _prose_hits(
            tmp_path,
            # the bureau's sum over its projects, and the part of one project's money
            "我局纳入自评的项目共2个，全年执行数合计18.00万元，综合执行率90.00%。",
            "对业务培训、普法宣传2个项目开展了自评，涉及预算资金20.00万元，实际支出18.50万元。",
            "业务培训项目中央资金执行率80.00%，未执行0.50万元为质保金。",
            # last year's, a target, the rate on the year's first budget
            "业务培训项目上年资助1986人次，执行率96.30%。",
            "普法宣传项目预算执行率达到85%以上的目标已实现。",
            "业务培训项目按年初预算数计算执行率为119.57%。",
            # the form's own rules
            "填报说明：自评总分100分，其中预算执行情况10分。",
            two=True,
        )

    def test_a_sentence_that_gives_the_project_another_budget_speaks_of_something_else(
        self, tmp_path: Path
    ) -> None:
        # (追加业务培训经费…及其他事项资金: the bureau's whole budget, not the project's)
        assert not _prose_hits(
            tmp_path, "业务培训项目全年预算数1625.00万元，执行1590.00万元，执行率97.85%。"
        )

    def test_another_project_or_names_that_cannot_be_told_apart_end_the_subject(
        self, tmp_path: Path
    ) -> None:
        assert not _prose_hits(
            tmp_path,
            "业务培训项目自评得分99.5分，河长制工作经费项目自评得分98.99分。",
            "业务培训项目执行率95%，普法宣传等项目资金执行率80%。",
        )

    def test_a_project_sharing_words_with_the_tables_is_another(self, tmp_path: Path) -> None:
        # 农村公路建设 is the table's; 农村公路养护 another project's, four words shared
        path = tmp_path / "report.txt"
        prose = "农村公路养护项目另行开展评价，全年执行率100%。"
        path.write_text(
            prose + "\n\n" + render_text([make_table(project="农村公路建设")]), encoding="utf-8"
        )
        assert "T109" not in {f.code for f in run_checks(parse_file(path), Config())}

    def test_the_project_named_without_its_countys_name_and_an_amount_in_thousands(
        self, tmp_path: Path
    ) -> None:
        tables = [make_table(project="某某区业务培训"), _second()]
        path = tmp_path / "report.txt"
        prose = "其中业务培训项目全年预算数100,000.00元，实际支出96,500.00元。"
        path.write_text(prose + "\n\n" + render_text(tables), encoding="utf-8")
        (hit,) = [f for f in run_checks(parse_file(path), Config()) if f.code == "T109"]
        assert hit.message == (
            "报告正文称“某某区业务培训”执行数为96,500.00元，而该自评表的全年执行数为95000.00元，两者不符。"
        )

    def test_part_of_the_years_figures_are_not_its(self, tmp_path: Path) -> None:
        assert not _prose_hits(
            tmp_path, "业务培训项目上半年执行率为45.18%，截至9月底执行率80%。", two=True
        )

    def test_another_years_figures_and_a_project_named_after_the_tables(
        self, tmp_path: Path
    ) -> None:
        assert not _prose_hits(
            tmp_path,
            # last year's score, said by its year (the table's is 2023)
            "2022年业务培训项目自评得分96.80分。",
            # 业务培训管理项目: another project, whose name opens with the table's
            "（三）业务培训管理项目。该项目执行率78.00%，自评得分88.50分。",
            two=True,
        )

    def test_a_parts_figures_after_its_other_words_in_the_sentence(self, tmp_path: Path) -> None:
        # 其中上年结转资金执行…，执行率…: the part's rate, however the clause after it reads
        assert not _prose_hits(
            tmp_path, "业务培训项目全年执行9.50万元，其中上年结转资金执行1.20万元，执行率80.00%。"
        )

    def test_the_department_as_a_whole_is_not_a_project_tables(self, tmp_path: Path) -> None:
        assert not _prose_hits(
            tmp_path, "2023年部门整体支出执行率96.04%，部门整体自评得分99.62分。"
        )


# T110 a report's prose saying every target was met (whole report) ---------------------------
# The tables: 业务培训, where missed, its 培训人数 210 against >=250人 (scored 8.4 of 10, its cause
# and measure given), and 普法宣传 beside it where two.


def _missed() -> EvaluationTable:
    return make_table(
        indicators=with_row(1, ind("培训人数", ">=250人", "=210人", 10, 8.4, MEASURE))
    )


def _claim_hits(tmp_path: Path, *prose: str, tables: list[EvaluationTable]) -> list[Finding]:
    path = tmp_path / "report.txt"
    path.write_text("\n".join(prose) + "\n\n" + render_text(tables), encoding="utf-8")
    return [f for f in run_checks(parse_file(path), Config()) if f.code == "T110"]


class TestT110ProseClaimsAllMet:
    def test_every_target_said_met_beside_a_missed_row(self, tmp_path: Path) -> None:
        (hit,) = _claim_hits(
            tmp_path, "2023年，业务培训项目年初设定的各项绩效指标全部完成。", tables=[_missed()]
        )
        assert hit.severity.value == "warning"
        assert hit.indicator == "培训人数"
        assert hit.message == (
            "报告正文称“各项绩效指标全部完成”，但「培训人数」（指标值>=250人，完成=210人）未达到年度指标值。"
        )
        assert [e.quote for e in hit.evidence][:2] == ["各项绩效指标全部完成", "培训人数"]

    def test_a_clean_table_a_hedged_claim_and_an_excepted_row(self, tmp_path: Path) -> None:
        assert not _claim_hits(tmp_path, "各项绩效指标全部完成。", tables=[make_table()])
        assert not _claim_hits(tmp_path, "各项绩效指标基本完成。", tables=[_missed()])
        assert not _claim_hits(tmp_path, "除培训人数外，各项绩效指标均已完成。", tables=[_missed()])

    def test_of_several_tables_only_the_one_the_sentence_names(self, tmp_path: Path) -> None:
        two = [_missed(), make_table(project="普法宣传")]
        # a sentence naming no project of the two: whose claim it is, the prose does not say
        assert not _claim_hits(tmp_path, "各项绩效指标全部完成。", tables=two)
        assert not _claim_hits(tmp_path, "普法宣传项目各项绩效指标全部完成。", tables=two)
        (hit,) = _claim_hits(tmp_path, "业务培训项目各项绩效指标全部完成。", tables=two)
        assert hit.indicator == "培训人数"


# T111 a form scored by deduction: its 扣分合计 ---------------------------------------------------


class TestT111DeductionsAddUp:
    """The 扣分 and 扣分合计 are columns and rows the text writer does not print: texts of their
    own here, written documents in round 202."""

    @staticmethod
    def _codes(tmp_path: Path, total_taken: str, total: str, scored: bool = True) -> set[str]:
        score = "\t得分" if scored else ""
        rows = [
            "项目名称\t测试项目",
            f"一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t扣分{score}\t扣分原因",
        ]
        for name, weight, taken in (("培训人数", "60", "0.4"), ("就业率", "30", "0.6")):
            points = f"\t{float(weight) - float(taken):g}" if scored else ""
            rows.append(
                f"产出指标\t数量指标\t{name}\t≥100\t99\t{weight}\t{taken}{points}\t原因；下一步加强"
            )
        rows.append(
            "满意度指标\t服务对象满意度指标\t满意度\t≥90%\t95%\t10\t0" + ("\t10" if scored else "")
        )
        rows.append(f"扣分合计\t\t\t\t\t\t{total_taken}")
        rows.append(f"总分\t\t\t\t\t100\t\t{total}")
        path = tmp_path / "deduction.txt"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        return {f.code for f in run_checks(parse_file(path), Config())}

    def test_a_deductions_total_not_the_rows_deductions(self, tmp_path: Path) -> None:
        assert "T111" in self._codes(tmp_path, "1.5", "99")  # the rows take off 1.0

    def test_a_total_not_the_full_points_less_the_deductions_without_row_scores(
        self, tmp_path: Path
    ) -> None:
        assert "T111" in self._codes(tmp_path, "1", "98", scored=False)  # 99 due
        assert "T111" not in self._codes(tmp_path, "1", "99", scored=False)

    def test_deductions_that_add_up_are_not(self, tmp_path: Path) -> None:
        assert "T111" not in self._codes(tmp_path, "1", "99")
