"""Rows rebuilt from published layouts against their hand-made tab renderings.

    python -m eval.rows ../shared/corpus

For each text in ``CORPUS/texts`` that has a rendering in ``CORPUS/tsv``, read both with the
text reader and compare their rows: a row is the sequence of its non-empty cells' texts after
``key()`` normalisation (traditional characters read as simplified on both sides). Prints per
file the rendering's rows found in the same order among the rebuilt rows (the longest common
subsequence), and of those, how many have every cell under the same header label as in the
rendering (what the row parser maps columns by); then the indicator rows the row parser reads
from each, and how many are the same (l1, l2, name, target, actual, weight, score). Texts
without a rendering print their layout and row count; texts the reader refuses, its message.
"""

from __future__ import annotations

import argparse
import difflib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reviewer.errors import InputError
from reviewer.forms.families import FAMILIES
from reviewer.forms.vocabulary import key, matches
from reviewer.grid import Grid, Row
from reviewer.ingest import read_grid
from reviewer.parse import parse_grid

Keyed = tuple[str, ...]


_GOALS = tuple(sorted({label for f in FAMILIES for label in f.goal_expected + f.goal_actual}))
_LABELS = (
    tuple(sorted({label for f in FAMILIES for label, _ in f.indicator_columns + f.fund_columns}))
    + _GOALS
)


def _is_label(text: str) -> bool:
    k = key(text)
    return any(matches(k, label) for label in _LABELS)


def _is_goal(text: str) -> bool:
    k = key(text)
    return any(matches(k, label) for label in _GOALS)


def _is_header(row: Row) -> bool:
    return sum(_is_label(c.text) for c in row.cells) >= 2


def keyed(rows: list[Row]) -> list[Keyed]:
    return [tuple(key(c.text) for c in r.cells if c.text.strip()) for r in rows]


def under_labels(rows: list[Row]) -> list[tuple[tuple[str, str], ...]]:
    """Each row's cells with the column label above them (the nearest of the last two header
    rows with a label in that column); a header row's own cells are under themselves, and so
    are a goal row's (which ends the funds block above it)."""
    headers: list[dict[int, str]] = []
    out = []
    for r in rows:
        if _is_header(r) or any(_is_goal(c.text) for c in r.cells):
            labels = {c.column: key(c.text) for c in r.cells if _is_label(c.text)}
            headers = [*headers[-1:], labels]
            out.append(tuple((key(c.text), key(c.text)) for c in r.cells))
            continue
        row = []
        for c in r.cells:
            above = next((h[c.column] for h in reversed(headers) if c.column in h), "")
            row.append((above, key(c.text)))
        out.append(tuple(row))
    return out


@dataclass
class Comparison:
    matched: int  # rendering rows found, in order, among the rebuilt rows
    rows: int  # rendering rows
    aligned: int  # of the matched, rows whose cells sit under the same labels
    layout: str
    parsed: int  # indicator rows the parser reads from the rebuilt rows
    parsed_ref: int  # … from the rendering
    same: int  # rebuilt indicators equal to one read from the rendering


def indicators(rows: list[Row]) -> list[tuple[object, ...]]:
    report = parse_grid(Grid(rows=rows, source="x.txt"))
    return [
        (key(i.l1), key(i.l2), key(i.name), key(i.target), key(i.actual), i.weight, i.score)
        for t in report.tables
        for i in t.indicators
    ]


def compare(text: Path, tsv: Path) -> Comparison:
    grid = read_grid(text)
    mine = list(grid.rows)
    ref = list(read_grid(tsv).rows)
    a, b = keyed(ref), keyed(mine)
    ua, ub = under_labels(ref), under_labels(mine)
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    matched = aligned = 0
    for block in sm.get_matching_blocks():
        for k in range(block.size):
            matched += 1
            aligned += ua[block.a + k] == ub[block.b + k]
    got, want = indicators(mine), indicators(ref)
    same = sum((Counter(got) & Counter(want)).values())
    return Comparison(
        matched, len([r for r in a if r]), aligned, grid.format, len(got), len(want), same
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", type=Path, help="the corpus folder (with texts/ and tsv/)")
    args = ap.parse_args()
    total_matched = total_rows = total_aligned = 0
    for text in sorted((args.corpus / "texts").glob("*.txt")):
        tsv = args.corpus / "tsv" / text.name
        name = text.stem[:4].rstrip("_")
        try:
            if tsv.exists():
                c = compare(text, tsv)
                total_matched += c.matched
                total_rows += c.rows
                total_aligned += c.aligned
                print(
                    f"{name:5} {c.layout:16} rows matched {c.matched:3} / {c.rows:3},"
                    f" columns aligned {c.aligned:3} / {c.matched:3};"
                    f" indicators parsed {c.parsed:2} (rendering {c.parsed_ref:2}, same {c.same:2})"
                )
            else:
                grid = read_grid(text)
                n = sum(1 for r in grid.rows if r.cells)
                print(f"{name:5} {grid.format:16} {n} rows (no rendering)")
        except InputError as exc:
            print(f"{name:5} {'refused':16} {exc.message}")
    print(
        f"total: rows matched {total_matched} / {total_rows}"
        f" ({100 * total_matched / max(total_rows, 1):.0f} %),"
        f" columns aligned {total_aligned} / {total_matched}"
    )


if __name__ == "__main__":
    main()
