"""Each tab rendering of the corpus, printed again in the layouts that lose rows, read back.

    python -m eval.relayout ../shared/corpus

The corpus has each table once as published (one layout per file) and once as a hand-made tab
rendering. To see how the reader does on the other layouts with the same tables, each rendering
in ``CORPUS/tsv`` is written again the way those layouts print it, and its indicator rows are
read and compared with those read from the rendering itself (l1, l2, name, target, actual,
分值, 得分; see ``eval.rows``):

* ``paragraphs``  one non-empty cell per paragraph (web pages converted from Word);
* ``bars``        one non-empty cell per line, ending `` |``;
* ``pipes``       a row per line between pipes, empty cells kept;
* ``collapsed``   the same with the empty cells dropped (web tables);
* ``words``       a row per line, cells separated by single spaces, spaces inside a cell
                  removed (HTML with its tags stripped).

Prints per file and layout the rows read the same (of the rendering's), ``refused`` where the
reader declines the text, and the totals per layout. Measures the reader, not the review.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from eval.rows import indicators
from reviewer.errors import InputError
from reviewer.ingest import read_grid


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def _paragraphs(lines: list[str]) -> list[str]:
    return [p for line in lines for c in _cells(line) if c for p in (c, "")]


def _bars(lines: list[str]) -> list[str]:
    return [f"{c} |" for line in lines for c in _cells(line) if c]


def _pipes(lines: list[str]) -> list[str]:
    return ["| " + " | ".join(_cells(line)) + " |" for line in lines]


def _collapsed(lines: list[str]) -> list[str]:
    rows = ([c for c in _cells(line) if c] for line in lines)
    return ["| " + " | ".join(cells) + " |" for cells in rows if cells]


def _words(lines: list[str]) -> list[str]:
    return [" ".join(c.replace(" ", "") for c in _cells(line) if c) for line in lines]


LAYOUTS: dict[str, Callable[[list[str]], list[str]]] = {
    "paragraphs": _paragraphs,
    "bars": _bars,
    "pipes": _pipes,
    "collapsed": _collapsed,
    "words": _words,
}


def relayout(tsv: Path, layout: str, folder: Path) -> Path:
    lines = tsv.read_text(encoding="utf-8").splitlines()
    out = folder / f"{tsv.stem}.{layout}.txt"
    out.write_text("\n".join(LAYOUTS[layout](lines)) + "\n", encoding="utf-8")
    return out


def same_rows(tsv: Path, layout: str, folder: Path) -> int | None:
    """Indicator rows read from ``tsv`` in ``layout`` that equal the rendering's (None: the
    reader refused the text)."""
    want = Counter(indicators(list(read_grid(tsv).rows)))
    try:
        got = Counter(indicators(list(read_grid(relayout(tsv, layout, folder)).rows)))
    except InputError:
        return None
    return sum((got & want).values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", type=Path, help="the corpus folder (with tsv/)")
    args = ap.parse_args()
    totals = Counter[str]()
    want_total = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'file':5} {'rows':>4}  " + "  ".join(f"{name:>10}" for name in LAYOUTS))
        for tsv in sorted((args.corpus / "tsv").glob("*.txt")):
            want = len(indicators(list(read_grid(tsv).rows)))
            want_total += want
            shown = []
            for name in LAYOUTS:
                same = same_rows(tsv, name, folder)
                totals[name] += same or 0
                shown.append(f"{'refused' if same is None else same:>10}")
            print(f"{tsv.stem[:4].rstrip('_'):5} {want:4}  " + "  ".join(shown))
    print(f"{'total':5} {want_total:4}  " + "  ".join(f"{totals[name]:>10}" for name in LAYOUTS))


if __name__ == "__main__":
    main()
