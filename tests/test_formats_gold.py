"""The seed rendered in every input format parses to the shared gold parse, with nothing left
over: the same Report whatever the container, and ``review parse`` reads each alike."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reviewer.api import parse_file
from reviewer.cli import main
from tests.fixtures.generate.renderings import RENDERINGS, write_rendering
from tests.fixtures.generate.source import gold_tables
from tests.goldcompare import differences

FORMATS = {
    "pipes": "text/wrapped",  # pasted without its empty cells: rebuilt from the labels
    "spaces": "text/spaces",
    "lines": "text/lines",
    "bars": "text/bars",
    "paragraphs": "text/paragraphs",
    "wrapped": "text/wrapped",
    "words": "text/words",
    "flat": "text/flat",
    "xlsx": "xlsx",
    "docx": "docx",
    "pdf": "pdf",
    "pdf-plain": "pdf",
}


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The seed in a format, written once per session."""
    directory = tmp_path_factory.mktemp("renderings")
    tables = gold_tables()
    paths: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in paths:
            paths[name] = write_rendering(name, tables, directory)
        return paths[name]

    return get


def test_every_rendering_is_tested() -> None:
    assert set(FORMATS) == set(RENDERINGS)


@pytest.mark.parametrize("name", list(RENDERINGS))
def test_rendering_parses_to_gold(
    name: str, rendered: Callable[[str], Path], gold: dict[str, Any]
) -> None:
    path = rendered(name)
    report = parse_file(path)
    assert report.format == FORMATS[name]
    got = json.loads(report.model_dump_json())
    assert differences(dict(gold, source=path.name), got) == []
    assert report.leftovers == []
    acc = report.accounting
    assert acc.consumed_lines == acc.nonempty_lines > 0


@pytest.mark.parametrize("name", list(RENDERINGS))
def test_review_parse_reads_every_format(
    name: str,
    rendered: Callable[[str], Path],
    gold: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = rendered(name)
    assert main(["parse", str(path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert differences(dict(gold, source=path.name), json.loads(captured.out)) == []
    assert "未解析 0 行" in captured.err


def _finding_keys(path: Path) -> list[tuple[str, str, str | None, str]]:
    from reviewer.config import Config
    from reviewer.pipeline import review

    return sorted(
        (f.code, f.project, f.indicator, f.message) for f in review(path, config=Config()).findings
    )


@pytest.mark.parametrize("name", list(RENDERINGS))
def test_review_gives_the_same_findings_for_every_format(
    name: str, rendered: Callable[[str], Path], tmp_path: Path, seed_text: str
) -> None:
    text = tmp_path / "seed.txt"
    text.write_text(seed_text, encoding="utf-8")
    expected = _finding_keys(text)
    assert len(expected) > 40
    assert _finding_keys(rendered(name)) == expected
