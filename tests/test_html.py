"""The HTML memo, read statically: self-contained, every finding linked both ways, text escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.memo.html import render_html
from reviewer.memo.markdown import render_markdown
from reviewer.pipeline import Review, review
from tests.builders import clean_indicators, ind, make_table, write_tables
from tests.conftest import SEED
from tests.htmldom import Node, by_id, expected_cell_ids, parse


@pytest.fixture(scope="module")
def seed() -> tuple[Review, str]:
    result = review(SEED)
    return result, render_html(result.memo, result.report)


def test_self_contained(seed: tuple[Review, str]) -> None:
    _, html = seed
    root = parse(html)
    tags = {n.tag for n in root.walk()}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "video", "audio"}
    assert not re.search(r"https?:|src\s*=|@import|url\(", html, re.IGNORECASE)
    hrefs = [n.attrs["href"] for n in root.walk() if "href" in n.attrs]
    assert hrefs and all(h.startswith("#") for h in hrefs)
    ids = by_id(root)
    assert all(h[1:] in ids for h in hrefs)  # every link lands somewhere in the memo
    assert len(ids) == sum(1 for n in root.walk() if "id" in n.attrs)  # ids are unique
    assert "<style>" in html and "@media print" in html


def _table_findings(result: Review) -> list[tuple[str, list[str], str]]:
    out = []
    for t in result.memo.tables:
        for n, f in enumerate(t.findings, 1):
            out.append((f"finding-{t.table_index + 1}-{n}", expected_cell_ids(f), f.severity.value))
    return out


def test_every_finding_is_highlighted_and_linked_both_ways(
    seed: tuple[Review, str],
) -> None:
    result, html = seed
    ids = by_id(parse(html))
    findings = _table_findings(result)
    assert len(findings) == sum(len(t.findings) for t in result.memo.tables) > 40
    rank = {"error": 3, "warning": 2, "info": 1}
    for anchor, cells, severity in findings:
        item = ids[anchor]
        assert item.tag == "li" and f"sev-{severity}" in item.classes()
        assert cells, anchor  # the seed's findings all point at cells
        assert item.attrs["data-cells"].split() == cells
        back = {n.attrs["href"][1:] for n in item.walk() if n.tag == "a"}
        assert set(cells) <= back, anchor  # the finding links to each of its cells
        for cid in cells:
            td = ids[cid].closest("td")
            assert td is not None and "hl" in td.classes(), (anchor, cid)
            shown = next(c[4:] for c in td.classes() if c.startswith("sev-"))
            assert rank[shown] >= rank[severity]  # the cell shows its worst finding
            marks = [n.attrs["href"] for n in td.walk() if n.tag == "a"]
            assert f"#{anchor}" in marks, (anchor, cid)


def test_cells_without_findings_are_not_highlighted(seed: tuple[Review, str]) -> None:
    result, html = seed
    concerned = {c for _, cells, _ in _table_findings(result) for c in cells}
    root = parse(html)
    highlighted = [n for n in root.walk() if n.tag == "td" and "hl" in n.classes()]
    assert highlighted
    for td in highlighted:
        own = {td.attrs["id"]} | {n.attrs["id"] for n in td.walk() if "id" in n.attrs}
        assert own & concerned


def test_html_carries_the_markdown_content(seed: tuple[Review, str]) -> None:
    result, html = seed
    text = parse(html).all_text()
    md = render_markdown(result.memo)
    for heading in ("一、总体情况", "二、主要问题", "三、逐项复核意见", "四、说明"):
        assert heading in md and heading in text
    for t in result.memo.tables:
        assert t.project in text
        for f in t.findings:
            assert f.message in text
            assert all(e.quote in text for e in f.evidence)
            assert f.suggestion in text
    # claimed vs recomputed for the table whose grade drops (课题与规划: 82.99 良 → 78.99 中)
    assert "82.99（良）" in text and "78.99（中）" in text


def _hostile(tmp_path: Path) -> Path:
    rows = clean_indicators()
    rows[1] = ind(
        '培训人数<script>alert("x")</script>',
        ">=200人",
        "=150人",
        10,
        10,
        explanation='原因"><img src=x onerror=alert(1)></td></tr><a href="https://evil.example">',
    )
    table = make_table(
        project="<b>项目</b>&amp;<script>steal()</script>",
        department="单位</caption><style>body{display:none}</style>",
        indicators=rows,
    )
    return write_tables(tmp_path / "hostile.txt", table)


def test_hostile_document_text_is_escaped(tmp_path: Path) -> None:
    out = tmp_path / "memo.html"
    assert main([str(_hostile(tmp_path)), "-o", str(out)]) == 1
    html = out.read_text(encoding="utf-8")
    root = parse(html)
    tags = [n.tag for n in root.walk()]
    assert "script" not in tags and "img" not in tags and "b" not in tags
    assert tags.count("style") == 1  # ours only
    assert not re.search(r"https?:", "".join(n.attrs.get("href", "") for n in root.walk()))
    text = root.all_text()
    assert "<b>项目</b>&amp;<script>steal()</script>" in text  # shown as written
    assert '原因"><img src=x onerror=alert(1)></td></tr>' in text
    assert "&lt;script&gt;" in html


def test_cli_html_to_stdout_and_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = clean_indicators()
    rows[0] = ind("培训场次", "=10场", "=15场", 20, 20)
    path = write_tables(tmp_path / "t.txt", make_table(indicators=rows))
    assert main([str(path), "--format", "html"]) == 0  # one warning, --fail-on error
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>")
    root = parse(out)
    item = by_id(root)["finding-1-1"]
    assert "sev-warning" in item.classes() and "S107" in item.all_text()
    assert main([str(path), "-o", str(tmp_path / "m.htm")]) == 0
    assert (tmp_path / "m.htm").read_text(encoding="utf-8") == out


def _cell(root: Node, cid: str) -> Node:
    node = by_id(root)[cid].closest("td")
    assert node is not None
    return node


def test_cell_of_an_error_and_a_warning_shows_the_error(seed: tuple[Review, str]) -> None:
    result, html = seed
    root = parse(html)
    # 「测评对象满意率」 (line 103): S102 / E101 errors and an S109 warning share its actual value
    td = _cell(root, "cell-L103-C6")
    anchors = td.attrs["data-findings"].split()
    assert len(anchors) >= 3 and "sev-error" in td.classes()
    table = result.memo.tables[3]
    severities = {f"finding-4-{n}": f.severity.value for n, f in enumerate(table.findings, 1)}
    assert {severities[a] for a in anchors} == {"error", "warning"}
