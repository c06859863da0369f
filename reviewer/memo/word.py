"""The memo as a Word document (.docx): what `-o 复核意见.docx` writes, for auditors to file and edit.

The same four parts as the Markdown memo, in Word's own structure so that Word and WPS can edit it:
the title, headings (标题 1 for the parts, 标题 2 for each group and table), the overview as a
table, each finding as a numbered paragraph with its figures, evidence and suggestion. A4 pages,
页码 in the footer (a PAGE field), Chinese text in 宋体 (headings 黑体) through the eastAsia font
slot. Every piece of text goes through ``_safe``: characters that XML cannot hold (control
characters, lone surrogates from undecodable file names) are dropped, never written.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import CharacterStyle
from docx.table import _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from reviewer.memo import words
from reviewer.memo.model import Memo, MemoFinding, TableReview
from reviewer.model import Severity
from reviewer.untrusted import xml_safe

BODY_FONT = "宋体"  # SimSun
HEADING_FONT = "黑体"  # SimHei
LATIN_FONT = "Times New Roman"
_SEVERITY_COLOUR = {  # memo.css: --err, --warn, --info
    Severity.ERROR: RGBColor(0xC5, 0x22, 0x1F),
    Severity.WARNING: RGBColor(0xB2, 0x6A, 0x00),
    Severity.INFO: RGBColor(0x1A, 0x5F, 0xB4),
}
_MUTED = RGBColor(0x5F, 0x63, 0x68)
_BLACK = RGBColor(0, 0, 0)
_INDENT = Cm(0.74)  # two characters of 五号 text


def _safe(text: str) -> str:
    """``text`` without the characters an XML document cannot contain."""
    return xml_safe(text)


def _run(p: Paragraph, text: str, *, bold: bool = False, colour: RGBColor | None = None) -> Run:
    run = p.add_run(_safe(text))
    if bold:
        run.bold = True
    if colour is not None:
        run.font.color.rgb = colour
    return run


def _paragraph(doc: DocxDocument, text: str = "", style: str | None = None) -> Paragraph:
    p = doc.add_paragraph(style=style)
    if text:
        _run(p, text)
    return p


def _heading(doc: DocxDocument, text: str, level: int) -> Paragraph:
    p = doc.add_paragraph(style="Title" if level == 0 else f"Heading {level}")
    _run(p, text)
    return p


def _fonts(
    doc: DocxDocument, name: str, east_asia: str, size: float, *, bold: bool | None = None
) -> None:
    """Style ``name``'s Latin and East Asian fonts, set explicitly (the template's theme fonts
    removed: they would take precedence)."""
    style = doc.styles[name]
    assert isinstance(style, CharacterStyle)  # paragraph styles are character styles too
    font = style.font
    font.name = LATIN_FONT
    font.size = Pt(size)
    font.color.rgb = _BLACK
    if bold is not None:
        font.bold = bold
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)
    rfonts.set(qn("w:eastAsia"), east_asia)


def _setup(doc: DocxDocument, memo: Memo) -> None:
    for name in ("Normal", "List Bullet"):
        _fonts(doc, name, BODY_FONT, 10.5)
    _fonts(doc, "Footer", BODY_FONT, 9)
    _fonts(doc, "Title", HEADING_FONT, 18, bold=True)
    _fonts(doc, "Heading 1", HEADING_FONT, 15, bold=True)
    _fonts(doc, "Heading 2", HEADING_FONT, 12, bold=True)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    doc.styles["Normal"].element.get_or_add_rPr().append(lang)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    section.top_margin = section.bottom_margin = Cm(2.54)
    section.left_margin = section.right_margin = Cm(3.17)
    _page_numbers(section.footer.paragraphs[0])
    props = doc.core_properties
    props.title = _safe(memo.title)[:255]
    props.subject = words.DOCUMENT
    props.author = props.last_modified_by = words.TOOL
    props.comments = _safe(memo.byline)[:255]
    props.created = props.modified = datetime.now(UTC)


def _field_char(p: Paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    p.add_run()._r.append(char)


def _field(p: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and WPS fill in when they lay the page out."""
    _field_char(p, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    p.add_run()._r.append(instr)
    _field_char(p, "separate")
    p.add_run("1")  # shown until the field is updated
    _field_char(p, "end")


def _page_numbers(p: Paragraph) -> None:
    """第 X 页，共 Y 页."""
    before, between, after = words.PAGE_OF
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(before)
    _field(p, "PAGE")
    p.add_run(between)
    _field(p, "NUMPAGES")
    p.add_run(after)


def _cells(row: _Row, texts: list[str], *, header: bool = False) -> None:
    for col, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
        p = cell.paragraphs[0]
        run = _run(p, text, bold=header)
        run.font.size = Pt(9)
        if col > 0:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER if header else WD_ALIGN_PARAGRAPH.RIGHT


def _overview(doc: DocxDocument, memo: Memo) -> None:
    _heading(doc, words.SECTIONS[0], 1)
    _paragraph(doc, "".join(memo.overview.sentences))
    table = doc.add_table(rows=1, cols=len(words.OVERVIEW_COLUMNS))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on each page
    _cells(header, list(words.OVERVIEW_COLUMNS), header=True)
    for t in memo.tables:  # row by row: asking a table for a cell by index is quadratic
        counts = [str(t.counts.of(s)) for s in Severity]
        texts = [t.project, t.budget_text, t.executed_text, t.rate_text]
        _cells(table.add_row(), [*texts, t.claimed_text, t.recomputed_text, *counts])


def _main_issues(doc: DocxDocument, memo: Memo) -> None:
    _heading(doc, words.SECTIONS[1], 1)
    if not memo.main_issues:
        _paragraph(doc, words.NO_ISSUES)
    for g in memo.main_issues:
        _heading(doc, g.heading, 2)
        _paragraph(doc, g.projects_line)
        for it in g.tables:
            _paragraph(doc, f"{it.project}：" + "、".join(it.labels), style="List Bullet")


def _detail(doc: DocxDocument, caption: str, text: str) -> Paragraph:
    p = _paragraph(doc)
    p.paragraph_format.left_indent = _INDENT
    _run(p, f"{caption}：", colour=_MUTED)
    _run(p, text)
    return p


def _finding(doc: DocxDocument, f: MemoFinding) -> None:
    p = _paragraph(doc)
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.keep_with_next = True
    _run(p, f"{f.number}. ")
    _run(p, f"【{f.severity.label}】", bold=True, colour=_SEVERITY_COLOUR[f.severity])
    _run(p, f.message)
    _run(p, f" {f.code}", colour=_MUTED)
    if f.origin:
        _run(p, f.origin)
    if f.found_text or f.expected_text:
        figures = _detail(doc, words.FOUND, f.found_text)
        _run(figures, f"；{words.EXPECTED}：", colour=_MUTED)
        _run(figures, f.expected_text)
    if f.evidence:
        quotes = "；".join(
            f"{e.location.describe() if e.location else ''}“{e.quote}”" for e in f.evidence
        )
        _detail(doc, words.EVIDENCE, quotes)
    if f.suggestion:
        _detail(doc, words.SUGGESTION, f.suggestion)


def _table_review(doc: DocxDocument, t: TableReview) -> None:
    _heading(doc, t.heading, 2)
    _paragraph(doc, t.form_line)
    _paragraph(doc, t.summary)
    if t.reading_note:
        _run(_paragraph(doc), t.reading_note, colour=_SEVERITY_COLOUR[Severity.WARNING])
    if t.llm_note:
        _run(_paragraph(doc), t.llm_note, colour=_SEVERITY_COLOUR[Severity.ERROR])
    if t.assessment_line:
        _paragraph(doc, t.assessment_line)
    if not t.findings:
        _paragraph(doc, words.NO_FINDINGS)
    for f in t.findings:
        _finding(doc, f)


def _notes(doc: DocxDocument, memo: Memo) -> None:
    _heading(doc, words.SECTIONS[3], 1)
    notes = memo.notes
    p = _paragraph(doc, "1. ")
    for piece, command in words.code_spans(notes.basis):
        run = _run(p, piece)
        if command:
            run.font.name = "Consolas"
    for n, item in enumerate(notes.items, 2):
        p = _paragraph(doc, f"{n}. ")
        if item.severity is not None:
            _run(p, f"【{item.severity.label}】", bold=True, colour=_SEVERITY_COLOUR[item.severity])
        _run(p, item.text)
    if notes.leftover_lines:
        _paragraph(doc, words.LEFTOVERS)
        for line in notes.leftover_lines:
            _paragraph(doc, line, style="List Bullet")


def render_docx(memo: Memo) -> bytes:
    """The memo as the bytes of a .docx file."""
    doc = Document()
    _setup(doc, memo)
    title = _heading(doc, memo.title, 0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    byline = _paragraph(doc, memo.byline)
    byline.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _overview(doc, memo)
    _main_issues(doc, memo)
    _heading(doc, words.SECTIONS[2], 1)
    for t in memo.tables:
        _table_review(doc, t)
    _notes(doc, memo)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
