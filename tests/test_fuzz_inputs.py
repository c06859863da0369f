"""Fuzzing the readers through the command line: small valid files of every format, mutated.

A seeded mutator (so that a failure replays) changes bytes of a one-table report as text,
.xlsx, .xls, .docx and PDF: flips bits, overwrites, deletes, repeats or truncates spans, and inserts
tokens of the format's own syntax. In a zip package the mutation is made either to the raw
bytes or inside one of its parts, re-packed, so that it reaches the XML readers rather than
stopping at the zip's checksums. ``review`` must answer every mutant with exit 0, 1 or 2
(never 70, an internal error) and a clean stderr: no traceback, every line the tool's own
(in Chinese: no library's log message), and on exit 2 one line.

``REVIEWER_FUZZ_EXAMPLES=N`` runs N mutants per format instead of a few (for a longer hunt).
"""

from __future__ import annotations

import io
import logging
import os
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewer.cli import main
from tests.conftest import SEED
from tests.fixtures.generate.make_docx import write_docx
from tests.fixtures.generate.make_pdf import write_plain_pdf, write_ruled_pdf
from tests.fixtures.generate.make_xlsx import write_xlsx
from tests.fixtures.generate.source import gold_tables

EXAMPLES = int(os.environ.get("REVIEWER_FUZZ_EXAMPLES", "0"))
# mutants per format in the suite: enough to reach every reader's error paths in seconds
XLS_FORM = Path(__file__).parent / "fixtures" / "xls" / "form.xls"
DEFAULT_EXAMPLES = {"txt": 30, "xlsx": 25, "xls": 40, "docx": 25, "pdf": 30, "plain.pdf": 30}
HAN = re.compile(r"[\u4e00-\u9fff]")

TOKENS = {
    "xml": [b"<", b">", b"&", b"&amp;", b"</c>", b"<f>SUM(A1)</f>", b'r="XFE0"', b'"', b"\x00"],
    "pdf": [b"<<", b">>", b"0 R", b"99 0 R", b"/Length 99999", b"stream", b"endobj", b"[", b"("],
    # BIFF records: BOF, EOF, a cell, a string table, a merged range; lengths of 0 and 0xFFFF
    "xls": [
        b"\x09\x08",
        b"\x0a\x00",
        b"\xfd\x00",
        b"\xfc\x00",
        b"\xe5\x00",
        b"\x00\x00",
        b"\xff\xff",
    ],
}
ATTRIBUTE = re.compile(rb'="([^"]*)"')
ODD_VALUES = [
    b"",
    b"x",
    b"-1",
    b"0",
    b"1e9",
    b"99999999999999999999",
    b"A0",
    b"XFE1048577",
    b"&#0;",
]
TEXT_TOKENS = ["\t", "\n", "\r", "|", "  ", "项目名称", "全年预算数", "100%", "1e308", "—", "\x00"]
# kinds of mutation, and their weights: truncation is rare, or it would be all there is
KINDS = ["flip", "overwrite", "delete", "repeat", "insert", "truncate"]
WEIGHTS = [20, 15, 20, 20, 20, 5]


def _first_table_text() -> bytes:
    text = SEED.read_text(encoding="utf-8")
    second = text.find("财政项目支出绩效自评表", text.find("财政项目支出绩效自评表") + 1)
    return text[:second].encode("utf-8")


def _mutate(data: bytes, rng: random.Random, tokens: list[bytes]) -> bytes:
    out = bytearray(data)
    for kind in rng.choices(KINDS, WEIGHTS, k=rng.randint(1, 4)):
        at = rng.randrange(len(out) + 1)
        span = rng.randint(1, 64)
        if kind == "flip" and at < len(out):
            out[at] ^= 1 << rng.randrange(8)
        elif kind == "overwrite":
            out[at : at + span] = rng.randbytes(len(out[at : at + span]))
        elif kind == "delete":
            del out[at : at + span]
        elif kind == "repeat":
            out[at:at] = out[at : at + span] * rng.randint(1, 8)
        elif kind == "insert":
            out[at:at] = rng.choice(tokens)
        elif kind == "truncate":
            del out[at:]
    return bytes(out)


def _mutate_text(data: bytes, rng: random.Random) -> bytes:
    """Text mutated as characters (most often) or as bytes (then it may not decode)."""
    if rng.random() < 0.15:
        return _mutate(data, rng, [t.encode() for t in TEXT_TOKENS])
    chars = list(data.decode("utf-8"))
    for kind in rng.choices(KINDS, WEIGHTS, k=rng.randint(1, 6)):
        at = rng.randrange(len(chars) + 1)
        span = rng.randint(1, 40)
        if kind in ("flip", "overwrite"):
            chars[at : at + 1] = [
                chr(rng.choice((rng.randrange(32, 127), rng.randrange(0x4E00, 0x9FA5))))
            ]
        elif kind == "delete":
            del chars[at : at + span]
        elif kind == "repeat":
            chars[at:at] = chars[at : at + span] * rng.randint(1, 8)
        elif kind == "insert":
            chars[at:at] = list(rng.choice(TEXT_TOKENS))
        elif kind == "truncate":
            del chars[at:]
    return "".join(chars).encode("utf-8")


def _mutate_attribute(xml: bytes, rng: random.Random) -> bytes:
    """One attribute's value replaced: the XML stays well-formed, its meaning does not."""
    values = list(ATTRIBUTE.finditer(xml))
    if not values:
        return xml
    m = rng.choice(values)
    return xml[: m.start(1)] + rng.choice(ODD_VALUES) + xml[m.end(1) :]


def _mutate_package(data: bytes, rng: random.Random) -> bytes:
    """A zip package with one part's content mutated, re-packed; or its raw bytes mutated."""
    if rng.random() < 0.2:
        return _mutate(data, rng, TOKENS["xml"])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    xml = [name for name in parts if name.endswith(".xml")]
    target = rng.choice(xml)
    if rng.random() < 0.5:
        for _ in range(rng.randint(1, 3)):
            parts[target] = _mutate_attribute(parts[target], rng)
    else:
        parts[target] = _mutate(parts[target], rng, TOKENS["xml"])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(name, content)
    return buf.getvalue()


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """One table in every format, as bytes."""
    directory = tmp_path_factory.mktemp("seeds")
    table = gold_tables()[:1]
    writers: dict[str, Callable[[list], None]] = {  # type: ignore[type-arg]
        "xlsx": lambda t: write_xlsx(t, directory / "s.xlsx", sheets=1),
        "docx": lambda t: write_docx(t, directory / "s.docx"),
        # page contents uncompressed, so that mutations reach the interpreter
        "pdf": lambda t: write_ruled_pdf(t, directory / "s.pdf", compress=False),
        "plain.pdf": lambda t: write_plain_pdf(t, directory / "s.plain.pdf", compress=False),
    }
    # the legacy workbook is a committed fixture (its writer, xlwt, is not a test dependency)
    out = {"txt": _first_table_text(), "xls": XLS_FORM.read_bytes()}
    for suffix, write in writers.items():
        write(table)
        out[suffix] = (directory / f"s.{suffix}").read_bytes()
    return out


def _mutant(suffix: str, seed: bytes, rng: random.Random) -> bytes:
    if suffix in ("xlsx", "docx"):
        return _mutate_package(seed, rng)
    if suffix == "txt":
        return _mutate_text(seed, rng)
    return _mutate(seed, rng, TOKENS["xls" if suffix == "xls" else "pdf"])


@pytest.mark.parametrize("suffix", list(DEFAULT_EXAMPLES))
def test_mutated_inputs_never_crash(
    suffix: str,
    seeds: dict[str, bytes],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("REVIEWER_DEBUG", raising=False)
    monkeypatch.chdir(tmp_path)  # no configuration file but the defaults
    # Logging as on the command line: without pytest's handler, stray records reach stderr.
    monkeypatch.setattr(logging.root, "handlers", [])
    rng = random.Random(f"fuzz-{suffix}")
    for n in range(EXAMPLES or DEFAULT_EXAMPLES[suffix]):
        path = tmp_path / f"m{n}.{suffix}"
        path.write_bytes(_mutant(suffix, seeds[suffix], rng))
        code = main(["review", str(path), "--no-llm", "--format", "json"])
        err = capsys.readouterr().err
        where = f"mutant {n} of {suffix} (seed fuzz-{suffix})"
        assert code in (0, 1, 2), f"{where}: exit {code}: {err}"
        assert "Traceback" not in err and "内部错误" not in err, f"{where}: {err}"
        assert all(HAN.search(line) for line in err.splitlines()), f"{where}: {err}"
        if code == 2:
            lines = err.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("错误"), f"{where}: {err}"
