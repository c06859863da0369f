"""The seed rendered in every input format parses to the shared gold parse, with nothing left
over: the same Report whatever the container."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reviewer.api import parse_file
from reviewer.model import EvaluationTable
from tests.fixtures.generate.renderings import RENDERINGS, write_rendering
from tests.fixtures.generate.source import gold_tables
from tests.goldcompare import differences


@pytest.fixture(scope="session")
def tables() -> list[EvaluationTable]:
    return gold_tables()


@pytest.fixture(scope="session")
def render_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("renderings")


@pytest.mark.parametrize("name", list(RENDERINGS))
def test_rendering_parses_to_gold(
    name: str, tables: list[EvaluationTable], render_dir: Path, gold: dict[str, Any]
) -> None:
    path = write_rendering(name, tables, render_dir)
    report = parse_file(path)
    got = json.loads(report.model_dump_json())
    assert differences(dict(gold, source=path.name), got) == []
    assert report.leftovers == []
    acc = report.accounting
    assert acc.consumed_lines == acc.nonempty_lines > 0
