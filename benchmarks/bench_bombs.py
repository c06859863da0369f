"""Time and peak memory to refuse hostile files: zip bombs (.xlsx, .docx), PDF bombs, a web
page of cells spanning 1,000 columns and rows.

    python benchmarks/bench_bombs.py [--timeout 60] [--max-gb 4]

Each file is built by tests/fixtures/generate/hostile.py (the test extra) and read with the
default limits in a fresh process, so that its peak resident memory (``ru_maxrss``) is its
own; the memory of that process once the readers are imported is printed beside it. A reader
without limits is stopped after ``--timeout`` seconds or ``--max-gb`` of address space, so
that the script can be run on an older version (``PYTHONPATH=old-checkout``) to compare.
The acceptance figure: a 1 MB zip bomb refused in under 5 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# the tests package; appended, so that PYTHONPATH may name another version of reviewer
sys.path.append(str(Path(__file__).resolve().parent.parent))

from tests.fixtures.generate import hostile

MB = 1 << 20

# name → (file name, writer, what it holds)
BOMBS = {
    "xlsx bomb": ("bomb.xlsx", hostile.xlsx_bomb, "one cell of 1 GiB"),
    "docx bomb": ("bomb.docx", hostile.docx_bomb, "one paragraph of 1 GiB"),
    "docx, size lied": (
        "liar.docx",
        lambda p: hostile.docx_bomb(p, declared=1000),
        "1 GiB part declared as 1 KB",
    ),
    "PDF stream bomb": ("bomb.pdf", hostile.pdf_bomb, "page content of 1 GiB"),
    "PDF chars bomb": (
        "chars.pdf",
        lambda p: hostile.pdf_chars_bomb(p, 2_000_000),
        "2 million characters on a page",
    ),
    "PDF forms bomb": ("forms.pdf", hostile.pdf_forms_bomb, "forms drawing forms: 10^9 lines"),
    "HTML spans bomb": (
        "spans.html",
        hostile.html_spans_bomb,
        "20,000 rows, each a cell spanning 1,000 columns and rows",
    ),
}


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def refuse(path: Path) -> None:
    """In the child process: read ``path``, print seconds, memory and the message as JSON."""
    from reviewer.api import parse_file
    from reviewer.errors import InputError
    from reviewer.ingest import docx, html, pdf, xlsx  # noqa: F401  # imported before the clock starts

    base = _rss_mb()
    t0 = time.perf_counter()
    try:
        parse_file(path)
        message = "(read: not refused)"
    except InputError as exc:
        message = exc.message
    except MemoryError:
        message = "(not refused: out of memory at the address-space cap)"
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "base": base, "peak": peak, "message": message}))


def _child(path: Path, timeout: float, max_gb: float) -> str:
    def cap() -> None:
        limit = int(max_gb * (1 << 30))
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    try:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=cap,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"{'—':>11} {'—':>9} {'—':>9}  (not refused within {timeout:g} s)"
    if done.returncode != 0 or not done.stdout.strip():
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return f"{'—':>11} {'—':>9} {'—':>9}  (failed: {last})"
    r = json.loads(done.stdout)
    return f"{r['seconds']:9.2f} s {r['peak']:6.0f} MB {r['base']:6.0f} MB  {r['message']}"


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        refuse(Path(sys.argv[2]))
        return
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--max-gb", type=float, default=4)
    args = ap.parse_args()
    print(f"{'file':18} {'size':>8} {'refused in':>11} {'peak RSS':>9} {'imported':>9}  message")
    with tempfile.TemporaryDirectory() as tmp:
        for label, (name, write, holds) in BOMBS.items():
            path = Path(tmp) / name
            write(path)
            figures = _child(path, args.timeout, args.max_gb)
            print(f"{label:18} {path.stat().st_size / MB:6.2f}MB {figures}  [{holds}]")


if __name__ == "__main__":
    main()
