"""eval.relayout prints a tab rendering the way the other published layouts print it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eval.relayout import LAYOUTS, relayout, same_rows
from tests.conftest import SEED

TSV = "项目名称\t甲 乙\n\n\t产出指标\t\t数量指标\n"


def test_each_layout_prints_the_cells_as_that_layout_does(tmp_path: Path) -> None:
    tsv = tmp_path / "t.txt"
    tsv.write_text(TSV, encoding="utf-8")
    printed = {name: relayout(tsv, name, tmp_path).read_text(encoding="utf-8") for name in LAYOUTS}
    assert printed == {
        "paragraphs": "项目名称\n\n甲 乙\n\n产出指标\n\n数量指标\n\n",
        "bars": "项目名称 |\n甲 乙 |\n产出指标 |\n数量指标 |\n",
        "pipes": "| 项目名称 | 甲 乙 |\n|  |\n|  | 产出指标 |  | 数量指标 |\n",
        "collapsed": "| 项目名称 | 甲 乙 |\n| 产出指标 | 数量指标 |\n",
        "words": "项目名称 甲乙\n\n产出指标 数量指标\n",
    }


def test_pipes_that_keep_their_empty_cells_read_the_seed_as_its_tabs_do(
    tmp_path: Path, gold: dict[str, Any]
) -> None:
    rows = sum(len(t["indicators"]) for t in gold["tables"])
    assert same_rows(SEED, "pipes", tmp_path) == rows
