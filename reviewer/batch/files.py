"""Batch plumbing: which files to review, where their memos go, and whether a memo is current.

``collect_inputs`` expands files, directories and globs; ``memo_names`` names each input's memo
in the output folder (mirroring the inputs' folders, never two inputs on one memo nor a memo on
a summary); ``atomic_write`` writes through a temporary file
and ``os.replace`` so that a memo is never seen half written, even when a run is interrupted. Each
memo has a small sidecar (``.reviewer/<memo>.json`` in the output folder) recording the input's
hash, the memo's hash, the tool version and the configuration's hash, plus the figures the summary
needs; a memo is up to date when its sidecar matches, so a re-run skips it without parsing the
input again.
"""

from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, Field

from reviewer.atomic import atomic_write
from reviewer.config import Config
from reviewer.ingest.sniff import INPUT_SUFFIXES
from reviewer.untrusted import path_text
from reviewer.version import __version__

MEMO_SUFFIXES = {"markdown": ".md", "json": ".json", "html": ".html", "docx": ".docx"}
SIDECAR_DIR = ".reviewer"
SUMMARY_STEM = "summary"  # summary.md, summary.csv, summary.xlsx in the output folder
_GLOB_CHARS = frozenset("*?[")


class TableRow(BaseModel):
    """What the summary shows for one table."""

    table_index: int
    project: str
    department: str = ""
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    claimed_total: float | None = None
    claimed_grade: str | None = None
    recomputed_total: float | None = None
    recomputed_grade: str | None = None
    full_year_budget: float | None = None
    executed: float | None = None
    amount_unit: str = "元"


class FileOutcome(BaseModel):
    """How one input fared: reviewed now, up to date from an earlier run, or failed."""

    source: str  # as the summary shows it: relative to the inputs' common folder
    memo: str | None = None  # relative to the output folder
    status: str  # "reviewed", "skipped" (memo up to date), "failed"
    error: str | None = None
    exit_code: int = 0  # the single-file exit code (0, 1 or 3) under the run's --fail-on
    leftovers: int = 0
    tables: list[TableRow] = Field(default_factory=list)


class Sidecar(BaseModel):
    """Stored beside each memo: what it was made from, the memo's own hash (so that a memo
    replaced since, or one another input's memo took over, is not taken as current), and the
    summary figures."""

    stamp: str
    input_sha256: str
    memo_sha256: str
    outcome: FileOutcome


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

    @property
    def sidecar(self) -> Path:
        return self.out_dir / SIDECAR_DIR / f"{self.memo_rel}.json"


def _is_glob(spec: str) -> bool:
    return any(ch in spec for ch in _GLOB_CHARS) and not Path(spec).exists()


def resolved(path: Path) -> Path:
    """``path`` made absolute with its symbolic links resolved, where they can be; a link that
    loops or leads nowhere is kept as written, so that it is listed under its own name."""
    try:
        if not (path.is_symlink() and not path.exists()):
            return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        pass
    return Path(os.path.abspath(path))


def _inside(path: Path, folder: Path | None) -> bool:
    return folder is not None and resolved(path).is_relative_to(resolved(folder))


def _walk(folder: Path, skip: Path | None, unreadable: dict[str, str]) -> list[Path]:
    """The input files below ``folder`` (hidden folders and files and ``skip`` left out).

    A link with an input's suffix that leads nowhere or loops is returned too: reviewing it
    fails with a message and the summary lists it. A folder that cannot be read is added to
    ``unreadable`` with the reason.
    """
    found = []

    def folder_error(exc: OSError) -> None:
        name = exc.filename if isinstance(exc.filename, str) else str(folder)
        unreadable[name] = f"无法读取文件夹 {name}：{exc.strerror or exc}"

    for top, dirs, names in os.walk(folder, onerror=folder_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(top)
        if _inside(here, skip):
            dirs.clear()
            continue
        for name in sorted(names):
            path = here / name
            if name.startswith(".") or path.suffix.lower() not in INPUT_SUFFIXES:
                continue
            if path.is_file() or path.is_symlink():
                found.append(path)
    return found


def collect_inputs(
    specs: list[str], out_dir: Path | None = None
) -> tuple[list[Path], dict[str, str]]:
    """Files named by ``specs`` (files, directories, globs), in order, each once.

    Returns the files, and what could not be taken, with why: specs that matched nothing and
    folders that could not be read. A named file that does not exist is kept: reviewing it
    fails with the reader's own message, and the summary lists it.
    """
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
    return Path(os.path.commonpath([str(resolved(f.parent)) for f in files]))


# Names in the output folder that no memo may take: the summaries, the sidecars' folder.
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


def up_to_date(task: Task) -> FileOutcome | None:
    """The recorded outcome when the task's memo is current, else None.

    Current: the sidecar is this input's (same name, same memo), made with the same tool
    version, configuration and format from the same input bytes, and the memo on disk is the
    one it records.
    """
    if not task.memo.is_file() or not task.sidecar.is_file():
        return None
    try:
        side = Sidecar.model_validate_json(task.sidecar.read_text(encoding="utf-8"))
        current = (
            side.stamp == task.stamp
            and side.outcome.source == task.display
            and side.outcome.memo == task.memo_rel
            and side.input_sha256 == file_sha256(task.source)
            and side.memo_sha256 == file_sha256(task.memo)
        )
    except (OSError, ValueError):
        return None
    if not current:
        return None
    return side.outcome.model_copy(update={"status": "skipped"})


def write_sidecar(task: Task, outcome: FileOutcome, input_sha256: str) -> None:
    """Record the outcome of the memo just written; ``input_sha256`` is the hash of the input
    as it was read."""
    side = Sidecar(
        stamp=task.stamp,
        input_sha256=input_sha256,
        memo_sha256=file_sha256(task.memo),
        outcome=outcome,
    )
    atomic_write(task.sidecar, side.model_dump_json(indent=1))
