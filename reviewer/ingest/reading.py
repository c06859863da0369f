"""Cells as the parser reads them: traditional characters as simplified, pinyin glosses dropped,
zero-width characters taken out, a minority language's translation printed beside the Chinese
(项目名称 / تۈر نامى: Uyghur, Mongolian, Tibetan or Korean labels and notes) left aside as a gloss;
a cell or a line of that language alone goes with it.

Every reader's grid passes through ``readable_rows``: a sample of its first rows decides
whether the document is written in traditional characters (``forms.script.is_traditional``),
carries a mirror site's pinyin glosses (``項(xiàng)目``) or zero-width characters (a web
page's ``≥\u200b95%``, lines of a lone ``\u200b`` for empty cells). If so, each cell is read
converted, one by one, and keeps what was printed in ``Cell.printed`` for evidence; if not, the
rows pass through untouched (the common case costs one look at the sample).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reviewer.forms.script import for_reading, has_pinyin, is_traditional
from reviewer.grid import Cell, Row
from reviewer.lazyre import lazy_compile

SAMPLE_ROWS = 200
SAMPLE_CHARS = 4000


@dataclass(frozen=True, slots=True)
class Script:
    """How a document's cells are read: ``traditional`` converts, glosses always go;
    ``invisible``: zero-width characters go too; ``foreign``: a minority language's words."""

    traditional: bool
    invisible: bool = False
    foreign: bool = False


# Characters that print nothing (zero-width space, joiners, word joiner, BOM, soft hyphen).
_INVISIBLE = lazy_compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
# The scripts of the languages printed beside Chinese in its autonomous regions: Arabic
# (Uyghur, Kazakh), Mongolian, Tibetan, Hangul (Korean in Yanbian).
_LETTERS = (
    "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u1800-\u18af\u0f00-\u0fff"
    "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
)
_FOREIGN = lazy_compile(f"[{_LETTERS}]")
# A run of such words with what parts them (spaces, their punctuation, a slash before them).
_GLOSS = lazy_compile(
    f"\\s*[/／|｜]?\\s*[{_LETTERS}](?:[{_LETTERS}\\s:：.,،؛·()（）\\-]*[{_LETTERS}.。:：])?\\s*"
)


def script_of(sample: str) -> Script | None:
    """How to read a document whose sample text is ``sample``; None: as printed."""
    traditional = is_traditional(sample)
    invisible = _INVISIBLE.search(sample) is not None
    foreign = _FOREIGN.search(sample) is not None
    if traditional or invisible or foreign or has_pinyin(sample):
        return Script(traditional, invisible, foreign)
    return None


def visible(text: str) -> str:
    """``text`` without the characters that print nothing."""
    return _INVISIBLE.sub("", text)


def read_text(text: str, script: Script) -> str:
    if script.foreign and _FOREIGN.search(text) is not None:
        text = _GLOSS.sub(" ", text).strip()
    return for_reading(visible(text) if script.invisible else text, script.traditional)


def read_cell(cell: Cell, script: Script) -> None:
    """Convert one cell for reading, keeping what was printed."""
    text = read_text(cell.text, script)
    if script.invisible or script.foreign:
        text = text.strip()  # a cell that printed a zero-width character beside its words
    if text != cell.text:
        cell.printed = cell.text if cell.printed is None else cell.printed
        cell.text = text
    if cell.raw:
        cell.raw = read_text(cell.raw, script)


def _converted(rows: Iterable[Row], script: Script) -> Iterator[Row]:
    for row in rows:
        for cell in row.cells:
            read_cell(cell, script)
        if (script.invisible or script.foreign) and not all(c.text for c in row.cells):
            row.cells = [c for c in row.cells if c.text]  # a cell of nothing but those
            if not row.cells:
                continue
        row.joined = "\t".join([c.text for c in row.cells])
        yield row


def readable_rows(rows: Iterable[Row]) -> Iterable[Row]:
    """``rows`` as the parser reads them (see the module's docstring)."""
    it = iter(rows)
    sample: list[Row] = []
    size = 0
    for row in it:  # the first rows, up to enough text to judge by
        sample.append(row)
        size += len(row.joined)
        if size >= SAMPLE_CHARS or len(sample) >= SAMPLE_ROWS:
            break
    script = script_of("\n".join(r.joined for r in sample))
    whole: Iterable[Row] = rows if isinstance(rows, list) else _resumed(sample, it)
    return whole if script is None else _converted(whole, script)


def _resumed(sample: list[Row], rest: Iterator[Row]) -> Iterator[Row]:
    """The sample then the rest, letting go of each sampled row once it is passed on (a
    streamed file holds no more rows than before)."""
    sample.reverse()
    while sample:
        yield sample.pop()
    yield from rest
