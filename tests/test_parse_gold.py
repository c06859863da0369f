"""The bundled seed report parses to the hand-checked gold parse, whatever its encoding,
line ends or table order."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from reviewer.api import parse_file
from tests.goldcompare import differences


def _report_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(parse_file(path).model_dump_json())
    return data


def test_seed_reproduces_gold(tmp_path: Path, seed_text: str, gold: dict[str, Any]) -> None:
    path = tmp_path / gold["source"]
    path.write_text(seed_text, encoding="utf-8")
    got = _report_json(path)
    assert differences(gold, got) == []
    assert len(got["tables"]) == 14
    assert sum(len(t["indicators"]) for t in got["tables"]) == 136


def test_seed_has_no_leftovers(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    report = parse_file(path)
    assert report.leftovers == []
    acc = report.accounting
    assert acc.consumed_lines == acc.nonempty_lines > 300


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [("gbk", "\n"), ("gb18030", "\n"), ("utf-8", "\r\n"), ("utf-8-sig", "\n"), ("gbk", "\r\n")],
)
def test_encodings_and_line_ends(
    tmp_path: Path, seed_text: str, gold: dict[str, Any], encoding: str, newline: str
) -> None:
    path = tmp_path / gold["source"]
    path.write_bytes(seed_text.replace("\n", newline).encode(encoding))
    report = parse_file(path)
    assert differences(gold, json.loads(report.model_dump_json())) == []
    assert report.encoding.replace("-sig", "") in (encoding.replace("-sig", ""), "gb18030")


def test_tables_in_another_order(tmp_path: Path, seed_text: str, gold: dict[str, Any]) -> None:
    lines = seed_text.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("财政项目支出绩效自评表")]
    blocks = [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]
    order = list(range(len(blocks)))
    random.Random(7).shuffle(order)
    shuffled = "\n".join("\n".join(blocks[i]) for i in order)
    path = tmp_path / gold["source"]
    path.write_text(shuffled, encoding="utf-8")
    got = _report_json(path)
    expected = dict(gold, tables=[gold["tables"][i] for i in order])
    assert differences(expected, got) == []


def test_every_value_keeps_its_location(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    lines = seed_text.split("\n")
    for table in parse_file(path).tables:
        for ind in table.indicators:
            assert ind.lines, ind.name
            for field in ("target", "actual", "weight", "score"):
                ref = ind.cells[field]
                assert ref.location.line is not None
                assert ref.text in lines[ref.location.line - 1].replace(" ", "")
        amount = table.funds.annual_total.cells["executed"]
        assert amount.location.line is not None
        assert amount.text in lines[amount.location.line - 1]
