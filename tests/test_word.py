"""The Word memo (`-o 复核意见.docx`), read back with python-docx: the four parts, the overview
table, every finding with its evidence, page numbers, Chinese fonts, text safe for XML."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from reviewer.cli import main
from reviewer.memo.model import Memo
from reviewer.memo.word import render_docx
from reviewer.pipeline import Review, review
from tests.builders import clean_indicators, ind, make_table, write_tables
from tests.conftest import SEED

PARTS = ["一、总体情况", "二、主要问题", "三、逐项复核意见", "四、说明"]
COLUMNS = [
    "项目",
    "全年预算数",
    "全年执行数",
    "执行率",
    "自评总分",
    "复算总分",
    "错误",
    "需核实",
    "提示",
]


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Review, DocxDocument]:
    out = tmp_path_factory.mktemp("word") / "复核意见.docx"
    assert main([str(SEED), "-o", str(out)]) == 1  # the seed has errors
    return review(SEED), docx.Document(str(out))


def _styled(doc: DocxDocument, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style is not None and p.style.name == style]


def _part(doc: DocxDocument, heading: str) -> list[Paragraph]:
    """The paragraphs of one of the four parts, below its heading and above the next."""
    out: list[Paragraph] = []
    inside = False
    for p in doc.paragraphs:
        if p.style is not None and p.style.name == "Heading 1":
            inside = p.text == heading
        elif inside:
            out.append(p)
    return out


def test_title_and_the_four_parts(seed: tuple[Review, DocxDocument]) -> None:
    result, doc = seed
    assert _styled(doc, "Title") == [result.memo.title]
    assert _styled(doc, "Heading 1") == PARTS
    assert doc.paragraphs[1].text.startswith(
        "来源文件：000_064cf56e05d2d068.txt　复核工具：reviewer "
    )


def test_overview_table(seed: tuple[Review, DocxDocument]) -> None:
    result, doc = seed
    (table,) = doc.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == COLUMNS
    assert [r[0] for r in rows[1:]] == [t.project for t in result.memo.tables]
    topics = next(r for r in rows if r[0] == "课题与规划")
    assert topics[4:6] == ["82.99（良）", "78.99（中）"]
    for row, t in zip(rows[1:], result.memo.tables, strict=True):
        counts = [
            sum(1 for f in t.findings if f.severity.value == s)
            for s in ("error", "warning", "info")
        ]
        assert row[6:] == [str(n) for n in counts]
    overview = " ".join(p.text for p in _part(doc, PARTS[0]))
    c = result.memo.overview.counts
    said = f"共发现错误 {c.error} 项、需核实 {c.warning} 项、提示 {c.info} 项"
    assert "共复核自评表 14 张" in overview and said in overview


def test_main_issues_by_group(seed: tuple[Review, DocxDocument]) -> None:
    result, doc = seed
    part = _part(doc, PARTS[1])
    headings = [p.text for p in part if p.style is not None and p.style.name == "Heading 2"]
    assert headings[0] == "（一）偏差原因说明不充分（11 项，最高为错误）"
    assert headings == [g.heading for g in result.memo.main_issues]
    bullets = [p.text for p in part if p.style is not None and p.style.name == "List Bullet"]
    assert "课题与规划：课题、复算后等级下降" in bullets


def test_every_finding_under_its_table_with_evidence(
    seed: tuple[Review, DocxDocument],
) -> None:
    result, doc = seed
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for p in _part(doc, PARTS[2]):
        if p.style is not None and p.style.name == "Heading 2":
            current = sections.setdefault(p.text, [])
        else:
            current.append(p.text)
    assert len(sections) == 14
    total = 0
    for t in result.memo.tables:
        lines = sections[f"{t.table_index + 1}. {t.project}"]
        text = "\n".join(lines)
        assert lines[0] == t.form_line and "national-2020" in lines[0]
        assert lines[1].startswith("自评总分 ")
        if not t.findings:
            assert "未发现问题。" in lines
        for n, f in enumerate(t.findings, 1):
            head = next(x for x in lines if x.startswith(f"{n}. 【{f.severity.label}】"))
            assert f.message in head and head.endswith(f.code)
            assert all(f"“{e.quote}”" in text for e in f.evidence)
            assert f.suggestion in text
            if f.found is not None:
                assert f"填报：{f.found}；应为：" in text
            total += 1
    assert total == sum(len(t.findings) for t in result.memo.tables) > 40


def test_notes(seed: tuple[Review, DocxDocument]) -> None:
    result, doc = seed
    notes = [p.text for p in _part(doc, PARTS[3])]
    assert notes[0].startswith("1. 复核依据：") and "review rules 可列出全部规则" in notes[0]
    assert notes[1] == f"2. {result.memo.notes.rounding}"
    assert any("未配置 OPENAI_API_KEY" in x for x in notes)


def test_page_numbers_in_the_footer(seed: tuple[Review, DocxDocument]) -> None:
    _, doc = seed
    footer = doc.sections[0].footer.paragraphs[0]._p
    fields = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]
    kinds = [c.get(qn("w:fldCharType")) for c in footer.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2


def test_chinese_fonts_and_a4(seed: tuple[Review, DocxDocument]) -> None:
    _, doc = seed
    for style, font in (("Normal", "宋体"), ("Heading 1", "黑体"), ("Heading 2", "黑体")):
        rfonts = doc.styles[style].element.rPr.rFonts
        assert rfonts.get(qn("w:eastAsia")) == font
        assert rfonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would win over it
    section = doc.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.cm, 2), round(section.page_height.cm, 2)) == (21.0, 29.7)


def _hostile(memo: Memo) -> Memo:
    bad = "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\ufffe\udcff"
    t = memo.tables[0]
    f = t.findings[0].model_copy(update={"message": f"意见{bad}正文", "suggestion": f"建议{bad}"})
    t = t.model_copy(
        update={"heading": f"1. 项目{bad}甲", "project": f"项目{bad}甲", "findings": [f]}
    )
    return memo.model_copy(update={"title": f"标题{bad}", "tables": [t]})


def test_characters_xml_cannot_hold_are_dropped(tmp_path: Path) -> None:
    rows = clean_indicators()
    rows[1] = ind("培训人数", ">=200人", "=150人", 10, 10)  # missed, yet full marks
    source = write_tables(tmp_path / "t.txt", make_table(indicators=rows))
    memo = _hostile(review(source).memo)
    path = tmp_path / "m.docx"
    path.write_bytes(render_docx(memo))
    doc = docx.Document(str(path))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert _styled(doc, "Title") == ["标题"]
    assert "1. 项目甲" in _styled(doc, "Heading 2") and doc.tables[0].cell(1, 0).text == "项目甲"
    assert "意见正文" in text and "建议：建议" in text
    assert doc.core_properties.title == "标题"


def test_a_file_name_with_control_and_undecodable_bytes(tmp_path: Path) -> None:
    source = write_tables(tmp_path / "bad\x07na\udcffme.txt", make_table())
    assert os.fsencode(source.name) == b"bad\x07na\xffme.txt"
    out = tmp_path / "m.docx"
    assert main([str(source), "-o", str(out)]) == 0
    # the control character is dropped; the byte that is not UTF-8 shows as U+FFFD
    assert docx.Document(str(out)).paragraphs[1].text.startswith("来源文件：badna\ufffdme.txt　")


def test_written_atomically_over_an_old_file(tmp_path: Path) -> None:
    out = tmp_path / "复核意见.docx"
    out.write_bytes(b"an old memo")
    source = write_tables(tmp_path / "t.txt", make_table())
    assert main([str(source), "-o", str(out)]) == 0
    assert _styled(docx.Document(str(out)), "Heading 1") == PARTS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.txt", "复核意见.docx"]  # no temp file
    assert out.stat().st_mode & 0o444 == 0o444  # an ordinary file, not mkstemp's private one


def test_docx_is_never_written_to_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), "--format", "docx"]) == 2
    cap = capsys.readouterr()
    assert cap.out == "" and "-o" in cap.err and len(cap.err.strip().splitlines()) == 1


def test_unwritable_output_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    source = write_tables(tmp_path / "t.txt", make_table())
    assert main([str(source), "-o", str(tmp_path / "file" / "m.docx")]) == 2
    assert "无法写入" in capsys.readouterr().err
