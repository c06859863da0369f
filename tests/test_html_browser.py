"""The seed's HTML memo rendered in headless Chromium: every finding's cells highlighted and linked.

Needs /usr/bin/chromium and /usr/bin/chromedriver (Debian's chromium and chromium-driver; .ci/run
installs them). On a machine without them the tests skip and say why, so that README's test
command passes on a fresh machine; with REVIEWER_REQUIRE_BROWSER=1 (set by .ci/run) a missing
browser is a failure, so CI always runs them. With REVIEWER_ARTIFACTS set to a folder, the test
also saves seed-memo.png (the whole page) and seed-memo.pdf (printed, A4) there for a person.
"""

from __future__ import annotations

import base64
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

from reviewer.memo.html import render_html
from reviewer.pipeline import Review, review
from tests.conftest import SEED
from tests.htmldom import expected_cell_ids

# REVIEWER_CHROMIUM / REVIEWER_CHROMEDRIVER point elsewhere (a machine without them can be
# imitated on one that has them, to see the skip)
CHROMIUM = os.environ.get("REVIEWER_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("REVIEWER_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1000",
)
SEVERITY_BACKGROUND = {  # memo.css: --err-bg, --warn-bg, --info-bg
    "error": "rgb(253, 227, 224)",
    "warning": "rgb(255, 241, 199)",
    "info": "rgb(227, 237, 251)",
}

# For each finding in the per-table sections: its cells as rendered, and what the browser computes.
INSPECT = """
const out = [];
for (const li of document.querySelectorAll('section.table-review li.finding')) {
  const cells = [];
  for (const id of li.dataset.cells.split(' ').filter(Boolean)) {
    const el = document.getElementById(id);
    const td = el && el.closest('td');
    if (!td) { cells.push({id: id, found: false}); continue; }
    const style = getComputedStyle(td);
    const mark = td.querySelector('a.mark[href="#' + li.id + '"]');
    const box = mark ? mark.getBoundingClientRect() : null;
    cells.push({
      id: id, found: true, classes: [...td.classList],
      background: style.backgroundColor, outline: style.outlineStyle,
      linked: !!mark, markVisible: !!box && box.width > 0 && box.height > 0,
    });
  }
  const back = [...li.querySelectorAll('a[href^="#cell-"]')].map(a => a.getAttribute('href').slice(1));
  out.push({id: li.id, severity: li.dataset.severity, cells: cells, back: back});
}
return out;
"""


@pytest.fixture(scope="module")
def seed() -> Review:
    return review(SEED)


@pytest.fixture(scope="module")
def page(seed: Review, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    missing = [exe for exe in (CHROMIUM, CHROMEDRIVER) if not shutil.which(exe)]
    if missing:
        reason = f"{', '.join(missing)} missing: apt-get install chromium chromium-driver"
        if os.environ.get("REVIEWER_REQUIRE_BROWSER") == "1":
            pytest.fail(f"REVIEWER_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(f"browser test needs Chromium ({reason}); .ci/run installs it and runs it")
    folder = tmp_path_factory.mktemp("html")
    memo = folder / "seed-memo.html"
    memo.write_text(render_html(seed.memo, seed.report), encoding="utf-8")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.get(memo.as_uri())
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def test_every_finding_cell_is_highlighted_and_linked_in_the_browser(
    page: Any, seed: Review
) -> None:
    rendered = {f["id"]: f for f in page.execute_script(INSPECT)}
    expected = {
        f"finding-{t.table_index + 1}-{n}": (f, expected_cell_ids(f))
        for t in seed.memo.tables
        for n, f in enumerate(t.findings, 1)
    }
    assert set(rendered) == set(expected) and len(expected) > 40
    for anchor, (finding, cells) in expected.items():
        got = rendered[anchor]
        assert got["severity"] == finding.severity.value
        assert [c["id"] for c in got["cells"]] == cells, anchor
        assert set(cells) <= set(got["back"]), anchor  # the finding links back to its cells
        for c in got["cells"]:
            assert c["found"] and "hl" in c["classes"], (anchor, c)
            shown = next(k[4:] for k in c["classes"] if k.startswith("sev-"))
            assert c["background"] == SEVERITY_BACKGROUND[shown], (anchor, c)
            assert c["outline"] != "none", (anchor, c)
            assert c["linked"] and c["markVisible"], (anchor, c)


def test_unconcerned_cells_keep_a_plain_background(page: Any) -> None:
    plain = page.execute_script(
        "return [...document.querySelectorAll('table.form td:not(.hl)')]"
        ".map(td => getComputedStyle(td).backgroundColor);"
    )
    assert plain and set(plain) <= {"rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"}


def test_clicking_a_cell_mark_goes_to_its_finding(page: Any) -> None:
    mark = page.find_element(By.CSS_SELECTOR, "td.hl.sev-error a.mark")
    target = mark.get_attribute("href").split("#", 1)[1]
    mark.click()
    assert page.execute_script("return location.hash") == f"#{target}"
    hit = page.execute_script(
        "const el = document.querySelector(':target');"
        "return [el.id, getComputedStyle(el).backgroundColor];"
    )
    assert hit == [target, "rgb(255, 248, 214)"]  # li.finding:target


def test_screenshot_and_printed_pdf(page: Any, tmp_path: Path) -> None:
    """Always rendered and checked; kept for a person when REVIEWER_ARTIFACTS names a folder."""
    page.get(page.current_url.split("#", 1)[0])  # as first opened: no finding targeted
    shot = page.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
    )
    png = base64.b64decode(shot["data"])
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7  # A4, as the print style sheet asks
    options.background = True
    pdf = base64.b64decode(page.print_page(options))
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 100_000
    assert pdf.startswith(b"%PDF-") and pdf.count(b"/Type /Page") > 10
    height = int.from_bytes(png[20:24], "big")
    assert height > 5000  # the whole page, not only the window
    folder = os.environ.get("REVIEWER_ARTIFACTS")
    if folder:
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        (out / "seed-memo.png").write_bytes(png)
        (out / "seed-memo.pdf").write_bytes(pdf)
        assert (out / "seed-memo.png").stat().st_size == len(png)
