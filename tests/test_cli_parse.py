"""`review parse`: output formats, warnings for leftovers, and one-line errors with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reviewer.cli import main
from tests.conftest import SEED
from tests.goldcompare import differences


def test_parse_json_matches_gold(capsys: pytest.CaptureFixture[str], gold: dict[str, Any]) -> None:
    assert main(["parse", str(SEED), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert differences(gold, out) == []


def test_parse_table_shows_every_project(
    capsys: pytest.CaptureFixture[str], gold: dict[str, Any]
) -> None:
    assert main(["parse", str(SEED), "--format", "table"]) == 0
    out = capsys.readouterr().out
    for table in gold["tables"]:
        assert table["project"] in out


def test_parse_warns_about_leftovers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.txt"
    path.write_text("多余的一行\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["parse", str(path)]) == 0
    err = capsys.readouterr().err
    assert "第1行" in err and "多余的一行" in err and "未解析 1 行" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "为空"),
        (b"  \n\n", "为空"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "二进制"),
        ("随便一段文字\n没有表格".encode(), "未在"),
        # the form's labels, one cell per line in column order: there, but not rebuilt
        (
            "项目名称\n某项目\n年度资金总额\n一级指标\n二级指标\n三级指标\n".encode(),
            "未能还原出表格",
        ),
        (b"\xff\xfe\x00\xd8", "UTF-16"),
    ],
)
def test_bad_input_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err
    assert len(err.splitlines()) == 1


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["parse", str(tmp_path / "nope.txt")]) == 2
    assert "找不到文件" in capsys.readouterr().err


def test_console_script_prints_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\x00\x01\x02")
    proc = subprocess.run(
        [sys.executable, "-m", "reviewer.cli", "parse", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().startswith("错误")


def _with_leftover(tmp_path: Path) -> Path:
    path = tmp_path / "r.txt"
    path.write_text("多余的一行\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.mark.parametrize("with_leftover", [False, True])
def test_streamed_json_is_the_report_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], with_leftover: bool
) -> None:
    from reviewer.api import parse_file

    path = _with_leftover(tmp_path) if with_leftover else SEED
    assert main(["parse", str(path), "--format", "json"]) == 0
    assert capsys.readouterr().out == parse_file(path).model_dump_json(indent=2) + "\n"


def test_json_lines_hold_the_file_each_table_the_leftovers_and_the_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reviewer.api import parse_file

    path = _with_leftover(tmp_path)
    assert main(["parse", str(path), "--format", "jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    report = json.loads(parse_file(path).model_dump_json())
    kinds = [line["kind"] for line in lines]
    n = len(report["tables"])
    assert kinds == ["report"] + ["table"] * n + ["leftover", "end"]
    assert lines[0] == {
        "kind": "report",
        "source": report["source"],
        "format": report["format"],
        "encoding": report["encoding"],
    }
    assert [line["table"] for line in lines[1 : n + 1]] == report["tables"]
    assert [line["index"] for line in lines[1 : n + 1]] == list(range(n))
    leftover = {k: v for k, v in lines[-2].items() if k != "kind"}
    assert [leftover] == report["leftovers"] and leftover["text"] == "多余的一行"
    assert lines[-1] == {"kind": "end", "tables": n, "accounting": report["accounting"]}


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_summary_of_projects_results_is_written_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    # a 汇总 of the projects' results above the table: read, so written out, not dropped
    from reviewer.layout_text import render_text
    from tests.builders import make_table

    path = tmp_path / "t.txt"
    summary = "序号\t项目名称\t执行率\t自评得分\n1\t业务培训\t95.00%\t99.50\n\n"
    path.write_text(summary + render_text([make_table()]), encoding="utf-8")
    assert main(["parse", str(path), "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        (entry,) = json.loads(out)["summaries"]
    else:
        (entry,) = [e for e in map(json.loads, out.splitlines()) if e["kind"] == "summary"]
    assert (entry["project"], entry["score"], entry["rate_pct"]) == ("业务培训", 99.5, 95.0)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_file_without_a_table_writes_nothing_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    path = tmp_path / "none.txt"
    path.write_text("随便一段文字\n没有表格\n", encoding="utf-8")
    assert main(["parse", str(path), "--format", fmt]) == 2
    cap = capsys.readouterr()
    assert cap.out == "" and "未在" in cap.err and len(cap.err.strip().splitlines()) == 1


def test_streamed_json_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    import io
    import tracemalloc

    from reviewer.parse_json import write_json

    seed = SEED.read_text(encoding="utf-8")
    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text(seed, encoding="utf-8")
    big.write_text("\n\n".join([seed] * 10), encoding="utf-8")

    class Sink(io.StringIO):
        def write(self, s: str) -> int:  # count, do not keep
            return len(s)

    peaks = []
    for path in (small, big):
        tracemalloc.start()
        parsed = write_json(path, Sink())
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert parsed.tables == (14 if path is small else 140)
    assert peaks[1] < 2 * peaks[0]  # ten times the tables, not ten times the memory
