"""The streaming review (`review FILE`, Markdown / JSON / terminal): the same memo as the whole
report gives, in memory that does not grow with the file."""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewer import pipeline
from reviewer.cli import main
from reviewer.config import Config
from reviewer.errors import InputError
from reviewer.llm.settings import resolve_settings
from reviewer.llm.stage import LlmResult, LlmStage
from reviewer.memo.jsonout import render_json
from reviewer.memo.markdown import render_markdown
from reviewer.memo.stream import MemoSpool
from reviewer.model import Category, Finding, LlmRun, Report, Severity, TableLlmStatus
from reviewer.pipeline import review, review_stream
from tests.conftest import SEED
from tests.fake_stage import ScriptedStage


def _copies(tmp_path: Path, n: int, junk: bool = False) -> Path:
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / f"seed-{n}.txt"
    parts = [text] * n
    if junk:  # lines no table takes: leftovers, P101, 未解析内容
        parts.insert(1, "这一行不属于任何表格\t孤立的单元格")
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def _streamed(path: Path, fmt: str, **kwargs: object) -> tuple[str, pipeline.StreamedReview]:
    with MemoSpool("json" if fmt == "json" else "markdown") as spool:
        result = review_stream(path, spool, **kwargs)  # type: ignore[arg-type]
        out = io.StringIO()
        spool.write(result.memo, out)
    return out.getvalue(), result


_RENDER: dict[str, Callable[..., str]] = {"markdown": render_markdown, "json": render_json}


@pytest.mark.parametrize("fmt", ["markdown", "json"])
@pytest.mark.parametrize(
    "config",
    [Config(), Config(min_severity="warning"), Config(select=["S", "B"]), Config(ignore=["P"])],
    ids=["default", "warning", "select", "ignore"],
)
def test_the_streamed_memo_is_the_whole_report_s_memo(
    tmp_path: Path, fmt: str, config: Config
) -> None:
    path = _copies(tmp_path, 3, junk=True)
    whole = review(path, config=config)
    text, streamed = _streamed(path, fmt, config=config)
    assert text == _RENDER[fmt](whole.memo)
    assert streamed.tables == len(whole.report.tables) == 42
    assert streamed.exit_code("error") == whole.exit_code("error")
    assert streamed.exit_code("never") == whole.exit_code("never")


def test_a_file_without_a_table_is_the_same_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("会议纪要\n今天天气很好\n", encoding="utf-8")
    with pytest.raises(InputError) as whole:
        review(path)
    with MemoSpool("markdown") as spool, pytest.raises(InputError) as streamed:
        review_stream(path, spool)
    assert streamed.value.message == whole.value.message


class _TableModel(ScriptedStage):
    """A model whose answer depends only on the table: the same whichever window it is in."""

    def __init__(self, stop_after: int | None = None) -> None:
        super().__init__()
        self.calls: list[int] = []
        self.stop_after = stop_after

    def run(
        self,
        report: Report,
        rule_findings: list[Finding],
        progress: Callable[[int], None] | None = None,
    ) -> LlmResult:
        self.calls.append(len(report.tables))
        if self.stop_after is not None and len(self.calls) > self.stop_after:
            reason = "大模型密钥无效（HTTP 401）"
            statuses = [
                TableLlmStatus(table_index=i, project=t.project, status="failed", error=reason)
                for i, t in enumerate(report.tables)
            ]
            return LlmResult([], LlmRun(enabled=True, model="m", stopped=reason, tables=statuses))
        findings, statuses = [], []
        for i, t in enumerate(report.tables):
            own = [f for f in rule_findings if f.table_index == i]
            failed = len(t.project) % 5 == 0  # some tables fail, as real ones do
            statuses.append(
                TableLlmStatus(
                    table_index=i,
                    project=t.project,
                    status="failed" if failed else "ok",
                    error="接口返回 HTTP 500" if failed else None,
                    attempts=1,
                    tokens_in=100 + len(t.project),
                    tokens_out=len(own),
                    assessment="" if failed else f"「{t.project}」叙述基本清楚（{len(own)}）。",
                )
            )
            if not failed:
                findings.append(
                    Finding(
                        code="L101",
                        category=Category.CONSISTENCY,
                        severity=Severity.ERROR,  # capped at 需核实 by the merge
                        source="llm",
                        project=t.project,
                        table_index=i,
                        message=f"「{t.project}」完成情况与指标不一致（{len(own)}）。",
                    )
                )
            if progress is not None:
                progress(i + 1)
        run = LlmRun(enabled=True, model="m", prompt_version="p", tables=statuses)
        run.requests = run.attempts = len(statuses)
        run.tokens_in = sum(s.tokens_in for s in statuses)
        run.tokens_out = sum(s.tokens_out for s in statuses)
        run.response_format = "json_schema"
        return LlmResult(findings, run)


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_with_the_llm_stage_over_windows_the_memo_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    from reviewer.llm import ask as llm_ask

    path = _copies(tmp_path, 2)

    def finish(run: LlmRun, settings: object) -> None:  # the fake's run has no note to add
        run.note = run.note or ""

    monkeypatch.setattr(llm_ask, "finish_run", finish)
    whole = review(path, llm=_TableModel())
    monkeypatch.setattr(pipeline, "LLM_WINDOW", 5)  # 28 tables: six windows
    model = _TableModel()
    text, streamed = _streamed(path, fmt, llm=model)
    assert model.calls == [5, 5, 5, 5, 5, 3]
    assert text == _RENDER[fmt](whole.memo)
    assert streamed.exit_code("error") == whole.exit_code("error") == 3


def test_after_a_stop_no_window_is_sent_and_every_table_is_marked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "LLM_WINDOW", 4)
    model = _TableModel(stop_after=1)
    _text, streamed = _streamed(SEED, "json", llm=model)
    assert model.calls == [4, 4]  # the second window stopped; the other two were not sent
    statuses = streamed.llm.tables
    assert [s.table_index for s in statuses] == list(range(14))
    assert all(s.status == "failed" for s in statuses[4:])
    assert all(s.error == "未发送请求：大模型密钥无效（HTTP 401）" for s in statuses[8:])
    assert streamed.llm.stopped == "大模型密钥无效（HTTP 401）"
    assert streamed.exit_code("never") == 3


def test_the_command_line_writes_the_streamed_memo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _copies(tmp_path, 2)
    whole = review(path, llm=LlmStage(resolve_settings({"no_llm": True}, {}, {})))
    md, js = tmp_path / "memo.md", tmp_path / "memo.json"
    assert main([str(path), "-o", str(md), "--no-llm"]) == whole.exit_code("error")
    assert main([str(path), "-o", str(js), "--no-llm"]) == whole.exit_code("error")
    assert md.read_text(encoding="utf-8") == render_markdown(whole.memo)
    assert js.read_text(encoding="utf-8") == render_json(whole.memo)
    capsys.readouterr()
    main([str(path), "--format", "json", "--fail-on", "never", "--no-llm"])
    assert capsys.readouterr().out == render_json(whole.memo)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no spool left


def _peak(path: Path) -> int:
    tracemalloc.start()
    with MemoSpool("markdown") as spool:
        review_stream(path, spool)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    small, large = _copies(tmp_path, 3), _copies(tmp_path, 30)  # 42 and 420 tables
    _peak(small)  # imports and caches first
    p_small, p_large = _peak(small), _peak(large)
    # The whole report holds every table (tens of KB each): ten times the tables would be
    # several times the memory. Streamed, the peak is the same give or take the caches.
    assert p_large < p_small * 1.5, (p_small, p_large)
