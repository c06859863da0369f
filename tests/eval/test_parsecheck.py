"""eval/parsecheck.py: a parsed row against its gold row."""

from __future__ import annotations

import json
from pathlib import Path

from eval.parsecheck import check
from reviewer.model import CellRef, EvaluationTable, Indicator, Report
from reviewer.parse.indicators import LABEL_POINTS


def _report(target: str) -> Report:
    row = Indicator(
        l1="产出指标",
        l2="数量指标",
        name="新建集中供水工程",
        target=target,
        actual="12",
        weight=10,
        score=10,
        explanation="",
    )
    return Report(source="t.txt", tables=[EvaluationTable(project="饮水工程", indicators=[row])])


def _gold(tmp_path: Path, **row: str | list[str]) -> Path:
    gold = {
        "tables": [
            {
                "project": "饮水工程",
                "indicators": [
                    {"name": "新建集中供水工程", "actual": "12", "weight": "10", "score": "10"}
                    | row
                ],
            }
        ]
    }
    path = tmp_path / "g.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_target_whose_unit_the_gold_keeps_apart_may_be_read_with_it(tmp_path: Path) -> None:
    """A 计量单位 column: the gold keeps ``unit`` apart, a parser joins it to the target."""
    gold = _gold(tmp_path, target="≥12", unit="处")
    assert check("t.txt", gold, _report("≥12处"), None).rows_right == 1
    assert check("t.txt", gold, _report("≥12"), None).rows_right == 1
    assert check("t.txt", gold, _report("≥12个"), None).rows_right == 0


def test_without_a_unit_apart_the_target_must_agree(tmp_path: Path) -> None:
    gold = _gold(tmp_path, target="≥12")
    assert check("t.txt", gold, _report("≥12"), None).rows_right == 1
    assert check("t.txt", gold, _report("≥12处"), None).rows_right == 0
    placeholder = _gold(tmp_path, target="≥12", unit="—")
    assert check("t.txt", placeholder, _report("≥12—"), None).rows_right == 0


def test_points_printed_with_their_unit_are_read_as_numbers(tmp_path: Path) -> None:
    gold = _gold(tmp_path, target="≥12", weight="10分", score="10分")
    assert check("t.txt", gold, _report("≥12"), None).rows_right == 1
    wrong = _gold(tmp_path, target="≥12", weight="10分", score="9分")
    assert check("t.txt", wrong, _report("≥12"), None).rows_right == 0


def test_a_dash_for_no_unit_among_the_targets_cells_is_no_part_of_it(tmp_path: Path) -> None:
    # mq06: a Sichuan row 定性 | 持续健全 | / — its target is the words, without the dash
    gold = _gold(tmp_path, target="定性持续健全/", target_cells=["定性", "持续健全", "/"])
    assert check("t.txt", gold, _report("持续健全"), None).rows_right == 1
    assert check("t.txt", gold, _report("持续"), None).rows_right == 0


def test_a_weight_its_one_row_label_states_is_the_rows(tmp_path: Path) -> None:
    # mz06: a 20/80 form's 数量指标(15分) over one row, no 分值 column: the row keeps the
    # label's points for the review (label_points), which the gold's weight "15" reads as
    gold = _gold(tmp_path, target="≥12", weight="15", score="15")
    report = _report("≥12")
    row = report.tables[0].indicators[0]
    row.weight, row.score = None, 15
    assert check("t.txt", gold, report, None).rows_right == 0
    row.cells[LABEL_POINTS] = CellRef(line=3, text="15")
    assert check("t.txt", gold, report, None).rows_right == 1


def test_a_nature_column_gives_the_targets_direction(tmp_path: Path) -> None:
    """指标性质 正向 | 计量单位 个 | 12: the gold keeps ``nature`` and ``unit`` apart, a parser
    reads ≥12个; 定性 gives no direction."""
    gold = _gold(tmp_path, target="12", unit="个", nature="正向")
    assert check("t.txt", gold, _report("≥12个"), None).rows_right == 1
    assert check("t.txt", gold, _report("≤12个"), None).rows_right == 0
    qualitative = _gold(tmp_path, target="12", unit="个", nature="定性")
    assert check("t.txt", qualitative, _report("≥12个"), None).rows_right == 0
