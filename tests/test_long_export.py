"""A system's long export (one row per indicator, each repeating its project's fields, several
projects) is read as one table per project, each reviewed as its own."""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.config import Config
from reviewer.model import Severity
from reviewer.pipeline import review

_HEADER = [
    "项目名称",
    "主管部门",
    "年度预算数（万元）",
    "执行数（万元）",
    "执行率",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因",
]
_A = ["甲项目", "某局", "100.00", "95.00", "95.00%"]
_B = ["乙项目", "某局", "50.00", "50.00", "100.00%"]
_ROWS = [
    ["某县2023年度项目支出绩效自评表（导出）"],
    _HEADER,
    [*_A, "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "50", "50", ""],
    [*_A, "效益指标", "社会效益指标", "满意度", "≥90%", "95%", "40", "40", ""],
    [*_B, "产出指标", "数量指标", "检查次数", "≥10次", "8次", "50", "50", ""],
    [*_B, "效益指标", "社会效益指标", "满意度", "≥90%", "92%", "40", "40", ""],
]


def _write(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "export.txt"
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_each_project_is_a_table_with_its_funds_and_rows(tmp_path: Path) -> None:
    report = parse_file(_write(tmp_path, _ROWS))
    assert [t.project for t in report.tables] == ["甲项目", "乙项目"]
    a, b = report.tables
    assert [i.name for i in a.indicators] == ["培训人次", "满意度"]
    assert [i.actual for i in b.indicators] == ["8次", "92%"]
    assert (a.funds.annual_total.full_year_budget, a.funds.annual_total.executed) == (100, 95)
    assert a.funds.annual_total.rate_pct == 95
    assert a.department == "某局" and a.amount_unit == "万元"
    assert a.exported and b.exported
    # the repeated fields are consumed; the evidence of a budget points at its printed cell
    assert report.leftovers == []
    assert a.funds.annual_total.cells["full_year_budget"].line == 3
    assert b.funds.annual_total.cells["full_year_budget"].line == 5
    acc = report.accounting
    assert acc.nonempty_lines == acc.consumed_lines == len(_ROWS)


def test_findings_fall_on_the_project_they_are_about(tmp_path: Path) -> None:
    findings = review(_write(tmp_path, _ROWS), config=Config()).findings
    missed = [f for f in findings if f.code == "S102"]
    assert [(f.table_index, f.indicator) for f in missed] == [(1, "检查次数")]
    # the export prints no goal and no 总分: said, not called an error of the table
    said = [f for f in findings if f.code in ("P102", "P103")]
    assert said and all(f.severity is Severity.INFO for f in said)
    assert not any(f.code == "P108" for f in findings)


def test_a_repeat_that_differs_from_the_first_row_is_reported(tmp_path: Path) -> None:
    rows = [r[:] for r in _ROWS]
    rows[3][2] = "120.00"  # 甲项目's budget printed otherwise on its second row
    report = parse_file(_write(tmp_path, rows))
    assert report.tables[0].funds.annual_total.full_year_budget == 100
    assert [(lo.text, lo.location.line) for lo in report.leftovers] == [("120.00", 4)]


def test_a_summary_row_per_project_gives_its_total_and_grade(tmp_path: Path) -> None:
    header = [*_HEADER, "总分", "等级"]
    blank = [""] * 5
    rows = [
        header,
        [*_A, "合计", "", "", "", "", "90", "", "", "99.5", "优"],
        [*blank, "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "50", "50", ""],
        [*blank, "效益指标", "社会效益指标", "满意度", "≥90%", "95%", "40", "40", ""],
    ]
    (table,) = parse_file(_write(tmp_path, rows)).tables
    assert (table.total_weight, table.total_score, table.grade) == (90, 99.5, "优")
    assert len(table.indicators) == 2


def test_the_title_over_the_next_page_does_not_split_a_project(tmp_path: Path) -> None:
    a2 = [*_A, "效益指标", "社会效益指标", "满意度", "≥90%", "95%", "40", "40", ""]
    rows = [*_ROWS[:3], ["第 1 页，共 2 页"], [], _ROWS[0], _HEADER, a2, *_ROWS[4:]]
    report = parse_file(_write(tmp_path, rows))
    assert [len(t.indicators) for t in report.tables] == [2, 2]
    assert report.leftovers == []


def test_rows_naming_no_project_are_not_unfolded(tmp_path: Path) -> None:
    row = ["", "某局", "", "", "", "产出指标", "数量指标", "培训人次", "≥100人次", "120人次"]
    report = parse_file(_write(tmp_path, [_HEADER, [*row, "90", "90", ""]]))
    assert [t.exported for t in report.tables] == [False]
    acc = report.accounting
    assert acc.nonempty_lines == 2


def test_the_budgets_points_and_score_named_for_its_execution(tmp_path: Path) -> None:
    # kg01: 预算执行分值 / 预算执行得分 are the funds' weight and score (their total then adds up)
    header = [*_HEADER[:5], "预算执行分值", "预算执行得分", *_HEADER[5:], "总分"]
    rows = [
        header,
        [*_A, "10", "9.5", "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", "50", "50", "",
         "99.5"],
        [*_A, "10", "9.5", "效益指标", "社会效益指标", "满意度", "≥90%", "95%", "40", "40", "",
         "99.5"],
    ]  # fmt: skip
    full = [*_B, "10", "10", "产出指标", "数量指标", "检查次数", "≥10次", "10次", "50", "50", "",
            "100"]  # fmt: skip
    rows += [full, [*full[:7], "效益指标", "社会效益指标", "满意度", "≥90%", "92%", "40", "40", "",
                    "100"]]  # fmt: skip
    result = review(_write(tmp_path, rows))
    a, b = result.report.tables
    assert (a.funds.annual_total.weight, a.funds.annual_total.score) == (10.0, 9.5)
    assert a.total_score == 99.5
    # kg01: a full 100 under the export's 总分 is the project's score, not its weights' total
    assert b.total_score == 100.0
    assert "T101" not in {f.code for f in result.findings}
