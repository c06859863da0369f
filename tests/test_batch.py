"""Batch review: 200 generated reports with injected errors plus a broken file, in one command."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import docx
import openpyxl
import pytest
from rich.console import Console

from reviewer.batch import BatchResult, run_batch
from reviewer.batch.files import collect_inputs
from reviewer.cli import main
from reviewer.config import Config
from reviewer.layout_text import render_text
from reviewer.llm.stage import LlmResult
from reviewer.model import Category, EvaluationTable, Finding, LlmRun, Report, Severity
from reviewer.pipeline import review
from tests.builders import clean_indicators, ind, make_table, write_tables
from tests.fake_stage import ScriptedStage

ROOT = Path(__file__).resolve().parent.parent
HEAVY = (17, 93, 158)  # files whose every table has seven errors: they must rank first


def _tables(i: int) -> list[EvaluationTable]:
    """File i: 1–3 tables; one kind of error injected by i % 5 (0 is clean); HEAVY files worst."""
    tables = []
    for k in range(1 + i % 3):
        project = f"项目{i:03d}-{k}"
        rows = clean_indicators()
        if i in HEAVY:
            rows[0] = ind("培训场次", "=10场", "=6场", 20, 20)
            rows[1] = ind("培训人数", ">=200人", "=150人", 10, 10)
            rows[2] = ind("培训合格率", ">=95%", "=80%", 10, 10, l2="质量指标")
            tables.append(make_table(project=project, indicators=rows, total_score=99.0))
        elif i % 5 == 1 and k == 0:  # target missed, full marks: E101 + S102
            rows[1] = ind("培训人数", ">=200人", "=150人", 10, 10)
            tables.append(make_table(project=project, indicators=rows))
        elif i % 5 == 2 and k == 0:  # total does not add up: T101
            tables.append(make_table(project=project, total_score=99.0))
        elif i % 5 == 3 and k == 0:  # low execution: B104 + B105 warnings
            tables.append(make_table(project=project, budget=(100000.0, 100000.0, 70000.0)))
        elif i % 5 == 4 and k == 0:  # over-achievement: S107 warning
            rows[0] = ind("培训场次", "=10场", "=15场", 20, 20)
            tables.append(make_table(project=project, indicators=rows))
        else:
            tables.append(make_table(project=project))
    return tables


def make_corpus(folder: Path, n: int, broken: bool = True) -> Path:
    """n reports (the second half in a subfolder) and, optionally, one broken file."""
    for i in range(n):
        sub = folder / ("科室乙" if i >= n // 2 else "")
        sub.mkdir(parents=True, exist_ok=True)
        write_tables(sub / f"报告{i:03d}.txt", *_tables(i))
    if broken:
        (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not a report \xff\xfe")
    return folder


def memo_path(out: Path, i: int, n: int, suffix: str = ".md") -> Path:
    return out / ("科室乙" if i >= n // 2 else "") / f"报告{i:03d}{suffix}"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def no_temp_files(out: Path) -> bool:
    return not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """The acceptance run: one command over the folder of 200 reports and the broken file."""
    root = tmp_path_factory.mktemp("batch")
    corpus = make_corpus(root / "报表", 200)
    out = root / "复核结果"
    code = main([str(corpus), "--out-dir", str(out), "--jobs", "2"])
    return corpus, out, code


def test_one_command_reviews_every_report_and_exits_2_for_the_broken_file(
    batch: tuple[Path, Path, int],
) -> None:
    _, out, code = batch
    assert code == 2  # a file could not be reviewed
    for i in range(200):
        memo = memo_path(out, i, 200)
        assert memo.is_file(), memo
        text = memo.read_text(encoding="utf-8")
        assert text.startswith("# 关于") and "## 四、说明" in text
        assert f"项目{i:03d}-0" in text
    assert not list(out.rglob("broken*.md"))
    assert no_temp_files(out)


def test_summary_lists_the_broken_file_with_its_error(batch: tuple[Path, Path, int]) -> None:
    _, out, _ = batch
    rows = read_csv(out / "summary.csv")
    broken = [r for r in rows if r["文件"] == "broken.txt"]
    assert len(broken) == 1
    assert broken[0]["状态"].startswith("未能复核：") and "二进制" in broken[0]["状态"]
    md = (out / "summary.md").read_text(encoding="utf-8")
    section = md.split("## 未能复核的文件", 1)[1]
    assert "broken.txt" in section and "二进制" in section
    ws = openpyxl.load_workbook(out / "summary.xlsx").active
    assert ws is not None
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert any(t.startswith("未能复核：") and "二进制" in t for t in texts)


def _key(r: dict[str, str]) -> tuple[int, int, float, float]:
    rate = float(r["执行率（复算）"].rstrip("%")) if r["执行率（复算）"] else float("inf")
    gap = abs(float(r["总分差"])) if r["总分差"] else 0.0
    return (-int(r["错误"]), -int(r["需核实"]), -gap, rate)


def test_summary_ranks_every_table_by_risk(batch: tuple[Path, Path, int]) -> None:
    corpus, out, _ = batch
    rows = [r for r in read_csv(out / "summary.csv") if r["序号"]]
    assert len(rows) == sum(1 + i % 3 for i in range(200))
    assert [int(r["序号"]) for r in rows] == list(range(1, len(rows) + 1))
    keys = [_key(r) for r in rows]
    assert keys == sorted(keys)
    heavy = sum(1 + i % 3 for i in HEAVY)
    top_files = {r["文件"] for r in rows[:heavy]}
    assert top_files == {str(memo_path(Path(), i, 200, ".txt").as_posix()) for i in HEAVY}
    assert all(int(r["错误"]) == 7 for r in rows[:heavy])
    clean = [r for r in rows if int(r["错误"]) == 0 and int(r["需核实"]) == 0]
    assert clean and rows[-len(clean) :] == clean
    # the figures are the single-file review's
    for r in rows[:: len(rows) // 12]:
        result = review(corpus / r["文件"])
        table_review = result.memo.tables[int(r["表序"]) - 1]
        assert table_review.project == r["项目名称"]
        errors = sum(1 for f in table_review.findings if f.severity is Severity.ERROR)
        warnings = sum(1 for f in table_review.findings if f.severity is Severity.WARNING)
        assert (errors, warnings) == (int(r["错误"]), int(r["需核实"]))


def test_every_summary_row_links_to_its_memo(batch: tuple[Path, Path, int]) -> None:
    _, out, _ = batch
    rows = [r for r in read_csv(out / "summary.csv") if r["序号"]]
    for r in rows:
        memo = out / r["复核意见"]
        assert memo.is_file()
        assert r["项目名称"] in memo.read_text(encoding="utf-8")
    md = (out / "summary.md").read_text(encoding="utf-8")
    links = re.findall(r"\[复核意见\]\(([^)]+)\)", md)
    assert len(links) == len(rows) and all((out / unquote(x)).is_file() for x in links)
    ws = openpyxl.load_workbook(out / "summary.xlsx").active
    assert ws is not None
    targets = [c.hyperlink.target for row in ws.iter_rows() for c in row if c.hyperlink]
    assert targets == [r["复核意见"] for r in rows]  # each row links to its own file's memo
    # a file's tables share one relationship to its memo
    with zipfile.ZipFile(out / "summary.xlsx") as z:
        rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode("utf-8")
    assert rels.count("<Relationship ") == len({r["复核意见"] for r in rows})


@pytest.fixture
def small(tmp_path: Path) -> tuple[Path, Path]:
    return make_corpus(tmp_path / "in", 20, broken=False), tmp_path / "out"


def _memos(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*.md")
        if not p.name.startswith("summary")
    }


def test_rerun_skips_up_to_date_memos_and_redoes_changed_inputs(
    small: tuple[Path, Path],
) -> None:
    corpus, out = small
    first = run_batch([str(corpus)], out, config=Config(), jobs=2)
    assert (first.count("reviewed"), first.count("skipped")) == (20, 0)
    ranking = read_csv(out / "summary.csv")
    assert {r["状态"] for r in ranking} == {"已复核"}
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.md") if p.name != "summary.md"}
    summaries = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.glob("summary.*")}

    again = run_batch([str(corpus)], out, config=Config(), jobs=2)
    assert (again.count("reviewed"), again.count("skipped")) == (0, 20)
    assert all(p.stat().st_mtime_ns == t for p, t in stamps.items())
    # nothing changed: the summaries say the same, so they are not written again
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in summaries} == summaries

    (out / "summary.xlsx").unlink()  # a summary gone (or edited) is written again
    run_batch([str(corpus)], out, config=Config(), jobs=1)
    assert (out / "summary.xlsx").is_file()
    assert (out / "summary.csv").stat().st_mtime_ns != summaries[out / "summary.csv"][1]
    assert read_csv(out / "summary.csv") == ranking

    write_tables(corpus / "报告003.txt", make_table(project="改过的项目", total_score=99.0))
    changed = run_batch([str(corpus)], out, config=Config(), jobs=2)
    assert (changed.count("reviewed"), changed.count("skipped")) == (1, 19)
    assert "改过的项目" in (out / "报告003.md").read_text(encoding="utf-8")

    other_config = run_batch([str(corpus)], out, config=Config(ignore=["S107"]), jobs=1)
    assert other_config.count("reviewed") == 20  # a different configuration: every memo redone


def test_interrupt_keeps_finished_memos_and_rerun_completes(small: tuple[Path, Path]) -> None:
    corpus, out = small
    reference = out.parent / "reference"
    run_batch([str(corpus)], reference, config=Config(), jobs=1)
    expected = _memos(reference)

    def stop_after_seven(n: int) -> None:
        if n == 7:
            raise KeyboardInterrupt

    result = run_batch([str(corpus)], out, config=Config(), jobs=1, on_file_done=stop_after_seven)
    assert result.interrupted and result.exit_code == 130
    written = _memos(out)
    assert len(written) == 7 and len(result.unfinished) == 13
    assert all(expected[name] == data for name, data in written.items())  # each one complete
    assert no_temp_files(out)
    md = (out / "summary.md").read_text(encoding="utf-8")
    assert "运行被中断" in md and all(name in md for name in result.unfinished)

    rerun = run_batch([str(corpus)], out, config=Config(), jobs=2)
    assert (rerun.count("skipped"), rerun.count("reviewed")) == (7, 13)
    assert _memos(out) == expected


_CTRL_C = """
import json, os, signal, sys
from pathlib import Path
from reviewer.batch import run_batch
from reviewer.config import Config
from reviewer.layout_text import render_text

def hook(n):
    if n == 5:
        os.killpg(os.getpgid(0), signal.SIGINT)  # Ctrl-C: the whole process group

r = run_batch([sys.argv[1]], Path(sys.argv[2]), config=Config(), jobs=2, on_file_done=hook)
print(json.dumps({"interrupted": r.interrupted, "done": len(r.outcomes)}))
"""


def test_ctrl_c_with_worker_processes_leaves_only_complete_memos(tmp_path: Path) -> None:
    # enough files that the workers cannot finish them all between the fifth memo and the
    # Ctrl-C landing (twenty were, at times, once a table's review got cheaper)
    corpus, out = make_corpus(tmp_path / "in", _MANY, broken=False), tmp_path / "out"
    reference = out.parent / "reference"
    run_batch([str(corpus)], reference, config=Config(), jobs=1)
    expected = _memos(reference)
    proc = subprocess.run(
        [sys.executable, "-c", _CTRL_C, str(corpus), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        start_new_session=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["interrupted"] and 5 <= report["done"] < _MANY
    written = _memos(out)
    assert 5 <= len(written) < _MANY
    assert all(expected[name] == data for name, data in written.items())
    assert no_temp_files(out)
    rerun = run_batch([str(corpus)], out, config=Config(), jobs=2)
    assert rerun.count("skipped") == len(written)
    assert rerun.count("reviewed") == _MANY - len(written)


_MANY = 80  # files of the Ctrl-C test


class FakeLlm(ScriptedStage):
    """Stands in for the LLM stage: counts how many calls run at once."""

    def __init__(self, limit: int) -> None:
        super().__init__(shared_limit=True, concurrency=limit)
        self.running = 0
        self.peak = 0
        self.calls = 0
        self.lock = threading.Lock()

    def run(
        self,
        report: Report,
        rule_findings: list[Finding],
        progress: Callable[[int], None] | None = None,
    ) -> LlmResult:
        with self.lock:
            self.running += 1
            self.calls += 1
            self.peak = max(self.peak, self.running)
        time.sleep(0.05)
        with self.lock:
            self.running -= 1
        extra = Finding(
            code="L101",
            category=Category.CONSISTENCY,
            severity=Severity.WARNING,
            source="llm",
            project=report.tables[0].project,
            table_index=0,
            message="叙述所称培训人数与指标不一致（模拟）。",
        )
        return LlmResult([extra], LlmRun(enabled=True, model="fake"))


def test_llm_stage_hook_shares_one_concurrency_limit(small: tuple[Path, Path]) -> None:
    corpus, out = small
    llm = FakeLlm(limit=2)
    result = run_batch([str(corpus)], out, config=Config(), jobs=2, llm=llm)
    assert result.count("reviewed") == 20 and llm.calls == 20
    assert 1 <= llm.peak <= 2
    for memo in _memos(out).values():
        assert "叙述所称培训人数与指标不一致（模拟）" in memo.decode("utf-8")


def test_collect_inputs_from_files_folders_and_globs(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", 6, broken=False)
    (corpus / ".hidden.txt").write_text("x", encoding="utf-8")
    (corpus / "notes.md").write_text("x", encoding="utf-8")
    specs = [
        str(corpus / "科室乙"),
        str(corpus / "报告00[01].txt"),
        str(corpus / "报告000.txt"),  # already matched: listed once
        str(tmp_path / "*.pdf"),
        str(tmp_path / "missing.txt"),
    ]
    files, problems = collect_inputs(specs)
    names = [f.name for f in files]
    expected = ["报告003.txt", "报告004.txt", "报告005.txt", "报告000.txt", "报告001.txt"]
    assert names == [*expected, "missing.txt"]
    glob_spec = str(tmp_path / "*.pdf")
    assert problems == {glob_spec: f"没有与 {glob_spec} 匹配的文件"}


def test_unmatched_glob_and_missing_file_are_listed_as_failed(tmp_path: Path) -> None:
    write_tables(tmp_path / "a.txt", make_table())
    result: BatchResult = run_batch(
        [str(tmp_path / "a.txt"), str(tmp_path / "none" / "*.txt"), str(tmp_path / "gone.txt")],
        tmp_path / "out",
        config=Config(),
        jobs=1,
    )
    failed = {o.source: o.error for o in result.outcomes if o.status == "failed"}
    assert (
        failed[str(tmp_path / "none" / "*.txt")]
        == f"没有与 {tmp_path / 'none' / '*.txt'} 匹配的文件"
    )
    assert "找不到文件" in (failed["gone.txt"] or "")
    assert result.exit_code == 2


def test_files_that_could_not_be_reviewed_are_not_counted_as_unchanged(tmp_path: Path) -> None:
    # the progress line had said "（2 个未变化，跳过）" of a run whose two inputs were missing
    out = io.StringIO()
    run_batch(
        [str(tmp_path / "none" / "*.txt"), str(tmp_path / "gone.txt")],
        tmp_path / "out",
        config=Config(),
        jobs=1,
        console=Console(file=out, width=200),
    )
    assert "未变化，跳过）" not in out.getvalue()


def test_batch_html_memos(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", 4, broken=False)
    code = main([str(corpus), "--out-dir", str(tmp_path / "out"), "--format", "html", "-j", "1"])
    assert code == 1  # injected errors, nothing failed
    memo = memo_path(tmp_path / "out", 1, 4, ".html").read_text(encoding="utf-8")
    assert memo.startswith("<!DOCTYPE html>")
    assert re.search(r'<td id="cell-L\d+-C\d+"[^>]* class="[^"]*\bhl sev-error"', memo)


def test_batch_word_memos(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in", 2, broken=False)
    out = tmp_path / "out"
    assert main([str(corpus), "--out-dir", str(out), "--format", "docx", "-j", "1"]) == 1
    rows = read_csv(out / "summary.csv")
    assert {r["复核意见"] for r in rows} == {"报告000.docx", "科室乙/报告001.docx"}
    for r in rows:
        doc = docx.Document(str(out / r["复核意见"]))
        headings = [p.text for p in doc.paragraphs if p.style and p.style.name == "Heading 2"]
        assert f"{r['表序']}. {r['项目名称']}" in headings
    assert no_temp_files(out)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["-o", "x.md"], "--out-dir"),
        (["--format", "terminal"], "只能写成文件"),
        (["-j", "0"], "--jobs"),
    ],
)
def test_batch_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    corpus = make_corpus(tmp_path / "in", 2, broken=False)
    assert main([str(corpus), *extra]) == 2
    assert message in capsys.readouterr().err


def test_memo_files_are_readable_by_others(small: tuple[Path, Path]) -> None:
    corpus, out = small
    run_batch([str(corpus)], out, config=Config(), jobs=1)
    mode = (out / "报告000.md").stat().st_mode & 0o777
    assert mode == 0o666 & ~_umask()


def _umask() -> int:
    old = os.umask(0)
    os.umask(old)
    return old


def test_a_folder_of_every_input_format_is_reviewed_whole(tmp_path: Path) -> None:
    """Batch takes what the readers take: a .docx in a folder is reviewed, not skipped."""
    from tests.fixtures.generate.renderings import write_rendering
    from tests.fixtures.generate.source import gold_tables

    folder = tmp_path / "in"
    tables = gold_tables()[:2]
    for name in ("pipes", "pdf", "xlsx", "docx"):
        sub = folder / name
        sub.mkdir(parents=True)
        write_rendering(name, tables, sub)
    with (folder / "表.csv").open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(line.split("\t") for line in render_text(tables).splitlines())
    shutil.copy(Path(__file__).parent / "fixtures" / "xls" / "form.xls", folder / "旧表.xls")
    result = run_batch([str(folder)], tmp_path / "out", config=Config(), jobs=1)
    reviewed = sorted(Path(o.source).suffix for o in result.outcomes if o.status == "reviewed")
    assert reviewed == [".csv", ".docx", ".pdf", ".txt", ".xls", ".xlsx"]
    assert [len(o.tables) for o in result.outcomes if o.source.endswith(".xls")] == [1]
    assert all(len(o.tables) == 2 for o in result.outcomes if not o.source.endswith(".xls"))
