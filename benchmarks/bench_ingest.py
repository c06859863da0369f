"""Reading speed of the container formats, on the seed rendered from its gold parse.

    python benchmarks/bench_ingest.py [--copies 5]

Prints PDF pages per second (ruled, and without rulings) and tables per second for .xlsx and
.docx, each for a file holding the seed's 14 forms ``--copies`` times, read and parsed whole
with ``parse_file``. The renderings come from tests/fixtures/generate (the test extra).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests package

import pdfplumber

from reviewer.api import parse_file
from tests.fixtures.generate.make_docx import write_docx
from tests.fixtures.generate.make_pdf import write_plain_pdf, write_ruled_pdf
from tests.fixtures.generate.make_xlsx import write_xlsx
from tests.fixtures.generate.source import gold_tables


def _parse_seconds(path: Path) -> tuple[float, int]:
    t0 = time.perf_counter()
    report = parse_file(path)
    return time.perf_counter() - t0, len(report.tables)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--copies", type=int, default=5)
    args = ap.parse_args()
    tables = gold_tables() * args.copies
    with tempfile.TemporaryDirectory() as tmp:
        for label, writer, suffix in (
            ("PDF, ruled", write_ruled_pdf, ".pdf"),
            ("PDF, no rulings", write_plain_pdf, ".plain.pdf"),
        ):
            path = Path(tmp) / f"seed{suffix}"
            writer(tables, path)
            with pdfplumber.open(path) as pdf:
                pages = len(pdf.pages)
            secs, n = _parse_seconds(path)
            rate = pages / secs
            print(f"{label}: {pages} pages, {n} tables in {secs:.2f} s: {rate:,.1f} pages/s")
        for label, writer, suffix in (("xlsx", write_xlsx, ".xlsx"), ("docx", write_docx, ".docx")):
            path = Path(tmp) / f"seed{suffix}"
            writer(tables, path)
            secs, n = _parse_seconds(path)
            print(f"{label}: {n} tables in {secs:.2f} s: {n / secs:,.1f} tables/s")


if __name__ == "__main__":
    main()
