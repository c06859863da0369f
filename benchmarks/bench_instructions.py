"""Parse cost of the seed layout in CPU instructions per table, counted by valgrind.

    python benchmarks/bench_instructions.py [OTHER_CHECKOUT] [--copies 15] [--review]

Wall and CPU timings on this shared VM swing by ±30 %, far more than the 10 % the parse
speed must stay within (issue 12); an instruction count does not. The file is the bundled
seed repeated, as ``bench_parse.py`` builds it. Each tree's interpreter (``.venv`` of the
checkout) runs under ``valgrind --tool=callgrind`` twice: once streaming the seed repeated
once (imports, reading, the first parse that compiles regexes and fills caches), once the
seed repeated ``1 + copies`` times. The difference, divided by ``14 × copies`` tables, is the
steady cost of one table, with start-up and warm-up excluded. Given another checkout (with
its own ``.venv``), it is measured the same way and the ratio of this tree to it printed.

It is measured twice: on the seed repeated as it is (the benchmark issue 12 names), and with
each copy's project names and amounts made its own, as a real report's tables differ: the
parser caches what it derives from a cell's text, and repeated text would flatter the caches.

``--review`` measures the whole review as a batch worker does it (parse, rules, the memo
rendered and written), over files of one varied seed copy each (14 tables, as the batch
benchmark writes them): issue 17's CPU per table, counted so that it does not depend on the
machine's speed or its neighbours.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "000_064cf56e05d2d068.txt"
SEED_TABLES = 14

# Streams every table of the file given as argument, as ``bench_parse.stream_count`` does.
_PARSE = (
    "import sys\n"
    "from reviewer.api import iter_tables\n"
    "n = sum(1 for _ in iter_tables(sys.argv[1]))\n"
    "assert n == int(sys.argv[2]), n\n"
)
# Reviews every file of the folder given as argument as a batch worker does (parse, rules, the
# memo written), one file at a time.
_REVIEW = (
    "import sys\n"
    "from pathlib import Path\n"
    "from reviewer.batch.run import plan, review_task\n"
    "from reviewer.config import Config\n"
    "src = Path(sys.argv[1])\n"
    "out = src.parent / ('memos-' + src.name)\n"
    "tasks, _ = plan([str(src)], out, Config(), 'markdown')\n"
    "out.mkdir(exist_ok=True)\n"
    "done = [review_task(t) for t in tasks]\n"
    "assert all(d.status == 'reviewed' for d in done), done\n"
    "assert sum(len(d.tables) for d in done) == int(sys.argv[2])\n"
)
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


_AMOUNT = re.compile(r"^(\d{4,})(\.\d+)?$")


def _varied(text: str, k: int) -> str:
    """Copy ``k`` of the seed with its own project names and amounts: a real report's tables
    differ in these, so caches keyed by a cell's text miss on them as they would there."""
    lines = []
    for line in text.split("\n"):
        cells = line.split("\t")
        for i, cell in enumerate(cells):
            if (m := _AMOUNT.match(cell)) is not None:
                cells[i] = f"{int(m.group(1)) + 7 * k}{m.group(2) or ''}"
            elif i and cells[i - 1] == "项目名称":
                cells[i] = f"{cell}（{k}）"
        lines.append("\t".join(cells))
    return "\n".join(lines)


def make_folder(directory: Path, copies: int) -> Path:
    """A folder of ``copies`` files, each the seed with its own names and amounts (14 tables a
    file, as the batch benchmark's files)."""
    text = SEED.read_text(encoding="utf-8")
    folder = directory / f"seed-files-{copies}"
    folder.mkdir()
    for k in range(copies):
        (folder / f"{k:04d}.txt").write_text(_varied(text, k), encoding="utf-8")
    return folder


def make_file(directory: Path, copies: int, vary: bool = False) -> Path:
    text = SEED.read_text(encoding="utf-8")
    path = directory / f"seed-x{copies}{'-varied' if vary else ''}.txt"
    with path.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            fh.write(_varied(text, k) if vary and k else text)
            fh.write("\n\n")
    return path


def instructions(python: Path, path: Path, tables: int, code: str = _PARSE) -> int:
    """Instructions executed by ``python`` running ``code`` (streaming, by default) on
    ``path``, which holds ``tables`` tables."""
    env = dict(os.environ, PYTHONHASHSEED="0")  # the same hashing, so the same work, each run
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            str(python),
            "-c",
            code,
            str(path),
            str(tables),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=path.parent,  # not the checkout: its ``reviewer`` must come from the .venv install
    )
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or not found:
        raise SystemExit(f"{python} failed under valgrind:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_table(tree: Path, small: Path, big: Path, copies: int, code: str = _PARSE) -> float:
    python = tree / ".venv" / "bin" / "python"
    if not python.exists():
        raise SystemExit(f"{tree} has no .venv (python3 -m venv .venv && pip install -e .)")
    base = instructions(python, small, SEED_TABLES, code)
    full = instructions(python, big, SEED_TABLES * (1 + copies), code)
    return (full - base) / (SEED_TABLES * copies)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("other", nargs="?", type=Path, help="another checkout to compare with")
    ap.add_argument("--copies", type=int, default=15, help="extra copies of the seed (default 15)")
    ap.add_argument(
        "--review",
        action="store_true",
        help="measure the whole review of a file as a batch worker does it (issue 17), "
        "names and amounts varied, instead of the parse",
    )
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is needed (apt-get install valgrind)")
    code = _REVIEW if args.review else _PARSE
    what = "whole review (parse, rules, memo written)" if args.review else "parse"
    with tempfile.TemporaryDirectory() as tmp:
        for vary in (True,) if args.review else (False, True):
            made = make_folder if args.review else partial(make_file, vary=vary)
            small = made(Path(tmp), 1)
            big = made(Path(tmp), 1 + args.copies)
            tables = SEED_TABLES * args.copies
            how = "names and amounts varied per copy" if vary else "repeated as it is"
            print(
                f"seed layout, {how}: {tables} tables past the first copy, "
                f"instructions per table, {what}"
            )
            here = per_table(ROOT, small, big, args.copies, code)
            print(f"  this tree ({ROOT}): {here / 1e6:.2f} M")
            if args.other is not None:
                other = per_table(args.other.resolve(), small, big, args.copies, code)
                print(f"  other tree ({args.other}): {other / 1e6:.2f} M")
                limit = "" if args.review else " (issue 12: at most 1.10)"
                print(f"  ratio this/other: {here / other:.3f}{limit}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
