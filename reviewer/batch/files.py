"""Batch plumbing: which files to review and where their memos go.

``collect_inputs`` expands files, directories and globs; ``memo_names`` names each input's memo in
the output folder (mirroring the inputs' folders); ``config_stamp`` is what a memo depends on
besides its input. Whether a memo is current is the records' business (``records``).
"""

from __future__ import annotations

import functools
import glob
import hashlib
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reviewer.config import Config
from reviewer.ingest.sniff import INPUT_SUFFIXES
from reviewer.version import __version__

MEMO_SUFFIXES = {"markdown": ".md", "json": ".json", "html": ".html", "docx": ".docx"}
SIDECAR_DIR = ".reviewer"
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Task:
    """One input to review, with everything a worker process needs."""

    source: Path
    display: str
    out_dir: Path
    memo_rel: str
    fmt: str
    config: Config
    llm_note: str  # why the LLM stage does not run, for an offline memo (it runs in the parent)
    stamp: str

    @property
    def memo(self) -> Path:
        return self.out_dir / self.memo_rel


def _is_glob(spec: str) -> bool:
    return any(ch in spec for ch in _GLOB_CHARS) and not Path(spec).exists()


@functools.cache
def _real(path: Path) -> Path:
    """``path.resolve()``, worked out once per folder: a province's 7,000 inputs are resolved
    several times while planning, each time a system call per folder of the path. The cache is
    emptied at each ``collect_inputs``."""
    if path.name in ("", ".", "..") or path.is_symlink():
        return path.resolve()
    return _real(path.parent) / path.name


def _inside(path: Path, folder: Path | None) -> bool:
    return folder is not None and _real(path).is_relative_to(_real(folder))


def _walk(folder: Path, skip: Path | None) -> list[Path]:
    """The inputs below ``folder``, in ``sorted(folder.rglob("*"))`` order: hidden files and
    folders, and the folder ``skip`` (the output), left out; symlinked folders not entered.

    One directory listing per folder, the output folder recognised once per folder: a
    province's 7,000 inputs are found in a fraction of a second."""
    found: list[Path] = []
    stack = [folder]
    while stack:
        here = stack.pop()
        if here != folder and _inside(here, skip):
            continue
        try:
            entries = list(os.scandir(here))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = here / entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(path)
                elif (
                    entry.is_file()
                    and Path(entry.name).suffix.lower() in INPUT_SUFFIXES
                    and not (entry.is_symlink() and _inside(path, skip))
                ):
                    found.append(path)
            except OSError:
                continue
    return sorted(found)


def collect_inputs(specs: list[str], out_dir: Path | None = None) -> tuple[list[Path], list[str]]:
    """Files named by ``specs`` (files, directories, globs), in order, each once.

    Returns the files and the specs that matched nothing. A named file that does not exist is
    kept: reviewing it fails with the reader's own message, and the summary lists it.
    """
    _real.cache_clear()
    files: list[Path] = []
    unmatched: list[str] = []
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            found = _walk(path, out_dir)
        elif _is_glob(spec):
            found = []
            for match in sorted(glob.glob(spec, recursive=True)):
                p = Path(match)
                found += _walk(p, out_dir) if p.is_dir() else [p]
        else:
            found = [path]
        if not found:
            unmatched.append(spec)
        files += found
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = _real(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, unmatched


def common_base(files: list[Path]) -> Path:
    """The deepest folder holding every input: memos mirror the inputs' folders below it."""
    if not files:
        return Path.cwd()
    return Path(os.path.commonpath([str(_real(f).parent) for f in files]))


def memo_names(files: list[Path], base: Path, fmt: str) -> list[tuple[str, str]]:
    """(display name, memo path relative to the output folder) for each input.

    ``科室/报告.txt`` → ``科室/报告.md``; two inputs differing only in suffix keep it (``报告.txt.md``).
    """
    suffix = MEMO_SUFFIXES[fmt]
    displays = [_real(f).relative_to(base).as_posix() for f in files]
    stems = [str(Path(d).with_suffix("")) for d in displays]
    counts = Counter(stems)
    clash = {s for s, n in counts.items() if n > 1}
    return [(d, (d if s in clash else s) + suffix) for d, s in zip(displays, stems, strict=True)]


def config_stamp(config: Config, fmt: str) -> str:
    """What a memo depends on besides its input: tool version, configuration, format."""
    settings = config.model_dump_json(exclude={"source"})
    digest = hashlib.sha256(settings.encode("utf-8")).hexdigest()[:16]
    return f"{__version__}:{fmt}:{digest}"


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
