"""Batch plumbing: which files to review and where their memos go.

``collect_inputs`` expands files, directories and globs (a link that loops or leads nowhere is
taken, to be listed as failed; a folder that cannot be read is reported); ``memo_names`` names
each input's memo in the output folder (mirroring the inputs' folders, never two inputs on one
memo nor a memo on a summary or on ``.reviewer``); ``config_stamp`` is what a memo depends on
besides its input. Whether a memo is current is the records' business (``records``).
"""

from __future__ import annotations

import functools
import glob
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from reviewer.config import Config
from reviewer.ingest.sniff import INPUT_SUFFIXES
from reviewer.untrusted import path_text
from reviewer.version import __version__

MEMO_SUFFIXES = {"markdown": ".md", "json": ".json", "html": ".html", "docx": ".docx"}
SIDECAR_DIR = ".reviewer"
SUMMARY_STEM = "summary"  # summary.md, summary.csv, summary.xlsx in the output folder
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
def resolved(path: Path) -> Path:
    """``path`` made absolute with its symbolic links resolved, worked out once per folder (a
    province's 7,000 inputs are resolved several times while planning, each time a system call
    per folder of the path; the cache is emptied at each ``collect_inputs``). A link that loops
    or leads nowhere is kept as written, in its resolved folder, so that it is listed under its
    own name."""
    if path.name in ("", ".", ".."):
        try:
            return path.resolve()
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
            return Path(os.path.abspath(path))
    if path.is_symlink():
        try:
            if path.exists():
                return path.resolve()
        except (OSError, RuntimeError):
            pass
    return resolved(path.parent) / path.name


def _inside(path: Path, folder: Path | None) -> bool:
    return folder is not None and resolved(path).is_relative_to(resolved(folder))


def _walk(folder: Path, skip: Path | None, unreadable: dict[str, str]) -> list[Path]:
    """The inputs below ``folder``, in ``sorted(folder.rglob("*"))`` order: hidden files and
    folders, and the folder ``skip`` (the output), left out; symlinked folders not entered.

    One directory listing per folder, the output folder recognised once per folder: a
    province's 7,000 inputs are found in a fraction of a second. A link with an input's suffix
    that leads nowhere or loops is returned too: reviewing it fails with a message and the
    summary lists it. A folder that cannot be read is added to ``unreadable`` with the reason.
    """
    found: list[Path] = []
    stack = [folder]
    while stack:
        here = stack.pop()
        if here != folder and _inside(here, skip):
            continue
        try:
            with os.scandir(here) as listing:
                entries = list(listing)
        except OSError as exc:
            name = exc.filename if isinstance(exc.filename, str) else str(here)
            unreadable[name] = f"无法读取文件夹 {path_text(name)}：{exc.strerror or exc}"
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = here / entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(path)
                elif Path(entry.name).suffix.lower() in INPUT_SUFFIXES:
                    # a link is taken even when it loops or leads nowhere (checked first: to
                    # ask whether such a link is a file raises)
                    if entry.is_symlink():
                        if not _inside(path, skip):
                            found.append(path)
                    elif entry.is_file():
                        found.append(path)
            except OSError:
                continue
    return sorted(found)


def collect_inputs(
    specs: list[str], out_dir: Path | None = None
) -> tuple[list[Path], dict[str, str]]:
    """Files named by ``specs`` (files, directories, globs), in order, each once.

    Returns the files, and what could not be taken, with why: specs that matched nothing and
    folders that could not be read. A named file that does not exist is kept: reviewing it
    fails with the reader's own message, and the summary lists it.
    """
    resolved.cache_clear()
    files: list[Path] = []
    problems: dict[str, str] = {}
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            found = _walk(path, out_dir, problems)
        elif _is_glob(spec):
            found = []
            for match in sorted(glob.glob(spec, recursive=True)):
                p = Path(match)
                found += _walk(p, out_dir, problems) if p.is_dir() else [p]
        else:
            found = [path]
        if not found and spec not in problems:
            problems[spec] = f"没有与 {spec} 匹配的文件"
        files += found
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = resolved(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, problems


def common_base(files: list[Path]) -> Path:
    """The deepest folder holding every input: memos mirror the inputs' folders below it."""
    if not files:
        return Path.cwd()
    return Path(os.path.commonpath([str(resolved(f).parent) for f in files]))


# Names in the output folder that no memo may take: the summaries, the records' folder.
RESERVED = frozenset(f"{SUMMARY_STEM}{ext}" for ext in (".md", ".csv", ".xlsx")) | {SIDECAR_DIR}


def _memo_name(display: str, level: int, suffix: str) -> str:
    """Level 0 ``科室/报告.md``; 1 ``科室/报告.txt.md``; 2 ``科室/报告.txt.<hash>.md`` (unique)."""
    if level == 0:
        return str(Path(display).with_suffix("")) + suffix
    if level == 1:
        return display + suffix
    tag = hashlib.sha256(display.encode("utf-8")).hexdigest()[:8]
    name = f"{display}.{tag}{suffix}"
    return "_" + name if name.split("/")[0].casefold() in RESERVED else name


def memo_names(files: list[Path], base: Path, fmt: str) -> list[tuple[str, str]]:
    """(display name, memo path relative to the output folder) for each input.

    ``科室/报告.txt`` → ``科室/报告.md``. Where that name is taken (by another input's memo, or by
    a summary: ``summary.txt``), the input keeps its suffix (``报告.txt.md``); where even that is
    taken (``a.txt`` beside ``a.pdf`` and ``a.txt.txt``), a hash of the input's path is added.
    Names are compared ignoring case (the output folder may be on a case-insensitive disk), and
    each input's name depends on the set of inputs, not on their order.
    """
    suffix = MEMO_SUFFIXES[fmt]
    displays = [path_text(resolved(f).relative_to(base).as_posix()) for f in files]
    levels = [0] * len(displays)
    while True:
        names = [_memo_name(d, k, suffix) for d, k in zip(displays, levels, strict=True)]
        keys = [n.casefold() for n in names]
        counts: dict[str, int] = {}
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
        bump = [
            i
            for i, key in enumerate(keys)
            if levels[i] < 2 and (counts[key] > 1 or key.split("/")[0] in RESERVED)
        ]
        if not bump:
            return list(zip(displays, names, strict=True))
        for i in bump:
            levels[i] += 1


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
