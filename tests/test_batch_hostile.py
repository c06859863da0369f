"""Batch review against awkward inputs: names that collide, links that loop, folders that cannot
be read, workers that die, arguments that cannot be sent, Ctrl-C, and an LLM that fails."""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reviewer.batch import run as batch_run
from reviewer.batch import run_batch
from reviewer.batch.files import Task, memo_names
from reviewer.config import Config
from reviewer.llm.stage import LlmResult
from reviewer.model import Finding, LlmRun, Report, TableLlmStatus
from tests.builders import make_table, write_tables
from tests.fake_stage import ScriptedStage

ROOT = Path(__file__).resolve().parent.parent


def _memo_projects(out: Path, name: str) -> str:
    return (out / name).read_text(encoding="utf-8")


# -- memo names ----------------------------------------------------------------------------


def test_inputs_whose_names_collide_each_get_their_own_memo(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    projects = {
        "a.txt": "甲项目",
        "a.tsv": "乙项目",
        "a.txt.txt": "丙项目",
        "summary.txt": "丁项目",
    }
    for name, project in projects.items():
        write_tables(inputs / name, make_table(project=project))
    out = tmp_path / "out"
    result = run_batch([str(inputs)], out, config=Config(), jobs=1)
    assert result.count("reviewed") == 4
    memos = {o.source: o.memo for o in result.outcomes}
    assert len(set(memos.values())) == 4  # no two inputs share a memo
    for source, memo in memos.items():
        assert memo is not None and memo not in ("summary.md", "summary.csv", "summary.xlsx")
        text = (out / memo).read_text(encoding="utf-8")
        assert projects[source] in text and f"来源文件：{source}" in text
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("# 批量复核汇总")

    again = run_batch([str(inputs)], out, config=Config(), jobs=1)
    assert again.count("skipped") == 4
    for source, memo in memos.items():
        assert memo is not None and projects[source] in (out / memo).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "names",
    [
        ["a.txt", "a.txt.txt"],
        ["a.txt", "a.tsv", "a.txt.txt"],
        ["a.txt", "a.tsv", "a.txt.txt", "a.txt.tsv", "a.txt.txt.txt"],
        ["summary.txt", "summary.tsv", "Summary.txt"],
        ["A.txt", "a.txt", "a.TXT"],
        ["科室/报告.txt", "科室/报告.tsv", "科室.txt", "科室/报告.txt.txt"],
        [".reviewer/a.txt", "a.txt"],
    ],
)
def test_memo_names_never_collide_ignoring_case_nor_take_a_summary(
    tmp_path: Path, names: list[str]
) -> None:
    files = [tmp_path / n for n in names]
    for fmt in ("markdown", "json", "html", "docx"):
        named = memo_names(files, tmp_path, fmt)
        memos = [memo.casefold() for _display, memo in named]
        assert len(set(memos)) == len(memos), named
        for memo in memos:
            top = memo.split("/")[0]
            assert top not in {"summary.md", "summary.csv", "summary.xlsx", ".reviewer"}, memo
        # the name of each input depends on the set of inputs, not on their order
        assert sorted(memo_names(files[::-1], tmp_path, fmt)) == sorted(named)


def test_a_lone_input_keeps_the_short_name(tmp_path: Path) -> None:
    assert memo_names([tmp_path / "科室" / "报告.txt"], tmp_path, "markdown") == [
        ("科室/报告.txt", "科室/报告.md")
    ]


def test_a_memo_replaced_since_is_not_taken_as_up_to_date(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_tables(inputs / "a.txt", make_table(project="甲项目"))
    write_tables(inputs / "b.txt", make_table(project="乙项目"))
    out = tmp_path / "out"
    run_batch([str(inputs)], out, config=Config(), jobs=1)
    (out / "a.md").write_text("# 别的内容\n", encoding="utf-8")  # overwritten by someone else
    again = run_batch([str(inputs)], out, config=Config(), jobs=1)
    status = {o.source: o.status for o in again.outcomes}
    assert status == {"a.txt": "reviewed", "b.txt": "skipped"}
    assert "甲项目" in (out / "a.md").read_text(encoding="utf-8")


# -- links and folders ---------------------------------------------------------------------


def test_a_symlink_loop_and_a_dangling_link_are_listed_and_the_rest_go_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    write_tables(inputs / "good.txt", make_table(project="好项目"))
    (inputs / "loop.txt").symlink_to("loop.txt")
    (inputs / "dangling.txt").symlink_to("nowhere.txt")
    (inputs / "sub" / "up").symlink_to("..")  # a folder loop
    out = tmp_path / "out"
    result = run_batch([str(inputs)], out, config=Config(), jobs=1)
    status = {o.source: (o.status, o.error) for o in result.outcomes}
    assert status["good.txt"] == ("reviewed", None)
    assert status["loop.txt"][0] == "failed" and status["loop.txt"][1]
    assert status["dangling.txt"][0] == "failed" and status["dangling.txt"][1]
    assert set(status) == {"good.txt", "loop.txt", "dangling.txt"}
    assert result.exit_code == 2
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert "loop.txt" in summary and "dangling.txt" in summary


def test_a_folder_that_cannot_be_read_is_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "in"
    (inputs / "locked").mkdir(parents=True)
    write_tables(inputs / "good.txt", make_table(project="好项目"))
    write_tables(inputs / "locked" / "hidden.txt", make_table(project="看不到的项目"))
    locked = str(inputs / "locked")
    real_scandir = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if os.fspath(path) == locked:  # as for a folder without read permission (not root)
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run_batch([str(inputs)], tmp_path / "out", config=Config(), jobs=1)
    failed = {o.source: o.error for o in result.outcomes if o.status == "failed"}
    assert list(failed) == [locked] and "无法读取文件夹" in (failed[locked] or "")
    assert result.count("reviewed") == 1 and result.exit_code == 2


# -- workers -------------------------------------------------------------------------------


class _Unpicklable:
    def __reduce__(self) -> str:
        raise TypeError("this object cannot be sent to a worker")


def test_an_argument_that_cannot_be_sent_to_a_worker_fails_its_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(4):
        write_tables(inputs / f"r{n}.txt", make_table(project=f"项目{n}"))
    real_plan = batch_run.plan

    def plan(*args: object, **kwargs: object) -> tuple[list[Task], dict[str, str]]:
        tasks, problems = real_plan(*args, **kwargs)  # type: ignore[arg-type]
        tasks[1] = dataclasses.replace(tasks[1], llm_note=_Unpicklable())  # type: ignore[arg-type]
        return tasks, problems

    monkeypatch.setattr(batch_run, "plan", plan)
    result = run_batch([str(inputs)], tmp_path / "out", config=Config(), jobs=2)
    status = {o.source: o.status for o in result.outcomes}
    assert status == {
        "r0.txt": "reviewed",
        "r1.txt": "failed",
        "r2.txt": "reviewed",
        "r3.txt": "reviewed",
    }
    error = next(o.error for o in result.outcomes if o.source == "r1.txt")
    assert error and "内部错误" in error
    assert result.exit_code == 2


def test_in_a_hand_out_of_several_files_only_the_one_that_cannot_be_sent_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(6):
        write_tables(inputs / f"r{n}.txt", make_table(project=f"项目{n}"))
    real_plan = batch_run.plan

    def plan(*args: object, **kwargs: object) -> tuple[list[Task], dict[str, str]]:
        tasks, problems = real_plan(*args, **kwargs)  # type: ignore[arg-type]
        tasks[4] = dataclasses.replace(tasks[4], llm_note=_Unpicklable())  # type: ignore[arg-type]
        return tasks, problems

    monkeypatch.setattr(batch_run, "plan", plan)
    monkeypatch.setattr(batch_run, "chunk_size", lambda files, jobs: 3)  # r3, r4, r5 together
    result = run_batch([str(inputs)], tmp_path / "out", config=Config(), jobs=2)
    status = {o.source: o.status for o in result.outcomes}
    assert status == {f"r{n}.txt": "failed" if n == 4 else "reviewed" for n in range(6)}
    assert result.exit_code == 2


_CRASH = """
import json, os, sys
from pathlib import Path
from reviewer.batch import run as batch_run
from reviewer.config import Config

real = batch_run.analyse

def analyse(source, config):
    if Path(source).name == "crash.txt":
        os._exit(9)  # the worker dies: out of memory, killed
    return real(source, config)

batch_run.analyse = analyse  # inherited by the forked workers
r = batch_run.run_batch([sys.argv[1]], Path(sys.argv[2]), config=Config(), jobs=2)
print(json.dumps({"code": r.exit_code, "outcomes": [[o.source, o.status, o.error] for o in r.outcomes]}))
"""


def test_a_worker_that_dies_fails_its_files_and_the_batch_ends(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(6):
        write_tables(inputs / f"r{n}.txt", make_table(project=f"项目{n}"))
    write_tables(inputs / "crash.txt", make_table(project="崩溃项目"))
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-c", _CRASH, str(inputs), str(out)],
        capture_output=True,
        text=True,
        timeout=120,  # a hang fails the test here
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    outcomes = {source: (status, error) for source, status, error in report["outcomes"]}
    assert len(outcomes) == 7 and report["code"] == 2
    assert outcomes["crash.txt"][0] == "failed" and "意外退出" in outcomes["crash.txt"][1]
    for status, error in outcomes.values():
        assert status == "reviewed" or (status == "failed" and "意外退出" in error)
    # a re-run without the crash reviews every file the broken pool took down
    rerun = run_batch([str(inputs)], out, config=Config(), jobs=2)
    assert rerun.count("failed") == 0
    assert rerun.count("reviewed") == sum(1 for s, _ in outcomes.values() if s == "failed")


# -- Ctrl-C --------------------------------------------------------------------------------


def test_after_ctrl_c_the_summary_matches_the_memos_on_disk(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(16):
        write_tables(
            inputs / f"r{n:02d}.txt", *[make_table(project=f"项目{n}-{k}") for k in range(40)]
        )
    out = tmp_path / "out"

    def stop_after_three(n: int) -> None:
        if n == 3:
            raise KeyboardInterrupt

    result = run_batch([str(inputs)], out, config=Config(), jobs=2, on_file_done=stop_after_three)
    assert result.interrupted
    on_disk = {p.name for p in out.glob("r*.md")}
    reviewed = {o.memo for o in result.outcomes if o.status == "reviewed"}
    assert reviewed == on_disk  # every memo written is listed as reviewed, and only those
    assert len(on_disk) >= 3
    for name in result.unfinished:
        assert not (out / name.replace(".txt", ".md")).exists()
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["文件"] for r in rows} == {f"r{n:02d}.txt" for n in range(16)}
    for row in rows:
        written = row["文件"].replace(".txt", ".md") in on_disk
        assert row["状态"].startswith("已复核" if written else "未复核"), row


# -- an LLM that fails ---------------------------------------------------------------------


class _FailingLlm(ScriptedStage):
    """An LLM stage that fails every table (``fail``) or reviews them all."""

    def __init__(self) -> None:
        super().__init__(shared_limit=True)
        self.fail = True

    def run(
        self,
        report: Report,
        rule_findings: list[Finding],
        progress: Callable[[int], None] | None = None,
    ) -> LlmResult:
        status = "failed" if self.fail else "ok"
        tables = [
            TableLlmStatus(
                table_index=i, project=t.project, status=status, error="接口返回 HTTP 500"
            )
            for i, t in enumerate(report.tables)
        ]
        return LlmResult([], LlmRun(enabled=True, model="fake", tables=tables))


def test_an_llm_failure_outranks_errors_and_is_never_up_to_date(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_tables(inputs / "bad.txt", make_table(project="有错项目", total_score=99.0))
    out = tmp_path / "out"
    llm = _FailingLlm()
    first = run_batch([str(inputs)], out, config=Config(), jobs=1, llm=llm)
    assert first.exit_code == 3  # not 1: the review is incomplete, whatever the rules found
    assert first.outcomes[0].exit_code == 3
    again = run_batch([str(inputs)], out, config=Config(), jobs=1, llm=llm)
    assert again.count("reviewed") == 1 and again.count("skipped") == 0  # retried
    llm.fail = False
    fixed = run_batch([str(inputs)], out, config=Config(), jobs=1, llm=llm)
    assert fixed.count("reviewed") == 1 and fixed.exit_code == 1  # T101: the total is wrong
    assert run_batch([str(inputs)], out, config=Config(), jobs=1, llm=llm).count("skipped") == 1
