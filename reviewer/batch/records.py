"""What became of each input of a batch, kept compactly: the summary is written from these
records, and a rerun skips an input whose record says its memo is current.

A :class:`FileOutcome` is one input's record: its status, and for a reviewed file one
:class:`TableRow` (a plain tuple) per table with the figures the summary shows. The output
folder keeps the records of every memo it holds in one index, ``.reviewer/index.jsonl``: one JSON
line per memo, appended as files finish (so an interrupted run keeps what it did) and rewritten
once at the end of a run with the latest line per memo.

A memo is current when its record was made with the same tool version, configuration and
format (the task's stamp) from the same input: the same SHA-256, or, to spare reading every input
again, the same size and modification time when the file was already older than two seconds
when it was hashed (a file changed within the same clock tick as the hash is hashed again). The
memo must be the one the record was made with, too: its SHA-256 is recorded with its size and
time as written, and a memo with another size or time is hashed again (a memo replaced since, or
one that another input's memo once took over, is not taken as current and is written again).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, NamedTuple

from reviewer.atomic import atomic_write, atomic_write_json, read_json
from reviewer.batch.files import SIDECAR_DIR, Task, file_sha256

INDEX_NAME = "index.jsonl"
INDEX_FORMAT = 2  # 2: the memo's own hash, size and time
# A modification time this much older than the hash is trusted to mean "unchanged".
_SETTLED_NS = 2_000_000_000


class TableRow(NamedTuple):
    """What the summary shows for one table (a tuple: 100,000 of them stay small and quick)."""

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


class FileOutcome:
    """How one input fared: reviewed now, up to date from an earlier run, or failed.

    ``source`` is the input as the summary shows it (relative to the inputs' common folder),
    ``memo`` its memo relative to the output folder, ``exit_code`` the single-file exit code
    (0, 1 or 3) under the run's ``--fail-on``; ``made_from`` what the memo was made from, and
    ``written`` the memo as written, when a rerun may skip it (None: redo it next time, e.g. an
    incomplete LLM review or a failure).
    An outcome read from the index keeps its tables as JSON until they are asked for: a rerun
    whose summary is unchanged never needs them.
    """

    __slots__ = (
        "_digest",
        "_tables",
        "_tables_json",
        "error",
        "exit_code",
        "leftovers",
        "made_from",
        "memo",
        "source",
        "status",
        "written",
    )

    def __init__(
        self,
        source: str,
        status: str,  # "reviewed", "skipped" (memo up to date), "failed"
        memo: str | None = None,
        error: str | None = None,
        exit_code: int = 0,
        leftovers: int = 0,
        tables: list[TableRow] | None = None,
        made_from: FileState | None = None,
        written: FileState | None = None,
        *,
        tables_json: str | None = None,
        digest: str | None = None,
    ) -> None:
        self.source = source
        self.status = status
        self.memo = memo
        self.error = error
        self.exit_code = exit_code
        self.leftovers = leftovers
        self.made_from = made_from
        self.written = written
        self._tables = tables if tables is not None or tables_json is not None else []
        self._tables_json = tables_json
        self._digest = digest

    @property
    def tables(self) -> list[TableRow]:
        if self._tables is None:
            self._tables = [TableRow(*row) for row in json.loads(self._tables_json or "[]")]
        return self._tables

    def digest(self) -> str:
        """A digest of what the summary shows of this input (not of how this run got it)."""
        if self._digest is None:
            shown = [self.source, self.memo, self.status == "failed", self.error, self.tables]
            text = json.dumps(shown, ensure_ascii=False, separators=(",", ":"))
            self._digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
        return self._digest


@dataclass(frozen=True, slots=True)
class FileState:
    """A file as it was: its hash, and its size and time when hashed."""

    sha256: str
    size: int
    mtime_ns: int
    hashed_ns: int

    @classmethod
    def of(cls, path: Path) -> FileState:
        """Stat, then hash: a change after the stat shows as a different time next run."""
        st = path.stat()
        return cls(file_sha256(path), st.st_size, st.st_mtime_ns, time.time_ns())

    @classmethod
    def written(cls, path: Path, data: bytes) -> FileState:
        """A file just written with ``data``: hashed from the bytes in hand, not read back."""
        st = path.stat()
        return cls(hashlib.sha256(data).hexdigest(), st.st_size, st.st_mtime_ns, time.time_ns())


def _line(task: Task, outcome: FileOutcome, state: FileState, memo: FileState) -> str:
    return json.dumps(
        {
            "format": INDEX_FORMAT,
            "memo": task.memo_rel,
            "source": task.display,
            "stamp": task.stamp,
            "sha256": state.sha256,
            "size": state.size,
            "mtime_ns": state.mtime_ns,
            "hashed_ns": state.hashed_ns,
            "memo_sha256": memo.sha256,
            "memo_size": memo.size,
            "memo_mtime_ns": memo.mtime_ns,
            "exit_code": outcome.exit_code,
            "leftovers": outcome.leftovers,
            "digest": outcome.digest(),
            "tables": outcome.tables,  # last: a rerun reads the rest without them
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


class RecordIndex:
    """The output folder's index of memos and what each was made from."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / SIDECAR_DIR / INDEX_NAME
        self._lines: dict[str, str] = {}  # memo → its latest line
        self._parsed: dict[str, dict[str, Any]] = {}
        self._stale = False  # lines superseded or refreshed: rewrite at close
        self._fh: IO[str] | None = None
        self._load()

    def _load(self) -> None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return
        for line in text.splitlines():
            entry = _head(line)
            if entry is None:  # a line cut short by a killed run: its memo is redone
                self._stale = True
                continue
            memo = str(entry.get("memo"))
            if memo in self._lines:
                self._stale = True
            self._lines[memo] = line
            self._parsed[memo] = entry

    def current(self, task: Task) -> FileOutcome | None:
        """The recorded outcome (status ``skipped``) when the task's memo is current, else None."""
        entry = self._parsed.get(task.memo_rel)
        if entry is None or entry["stamp"] != task.stamp or entry["source"] != task.display:
            return None
        try:
            memo = task.memo.stat()
            if not stat.S_ISREG(memo.st_mode):
                return None
            refresh = False
            # The memo as written, with its size and time then: another file put in its place
            # has another time (or size), and is hashed.
            if (memo.st_size, memo.st_mtime_ns) != (entry["memo_size"], entry["memo_mtime_ns"]):
                if memo.st_size != entry["memo_size"]:
                    return None
                if file_sha256(task.memo) != entry["memo_sha256"]:
                    return None
                entry.update(memo_mtime_ns=memo.st_mtime_ns)
                refresh = True
            st = task.source.stat()
            settled = entry["mtime_ns"] < entry["hashed_ns"] - _SETTLED_NS
            same = settled and (st.st_size, st.st_mtime_ns) == (entry["size"], entry["mtime_ns"])
            if not same:
                state = FileState.of(task.source)
                if state.sha256 != entry["sha256"]:
                    return None
                entry.update(size=state.size, mtime_ns=state.mtime_ns, hashed_ns=state.hashed_ns)
                refresh = True
            if refresh:
                head = json.dumps(
                    {k: v for k, v in entry.items() if k != "tables"},
                    ensure_ascii=False,
                    separators=(",", ":"),
                )
                self._lines[task.memo_rel] = f"{head[:-1]}{_TABLES}{entry['tables']}}}"
                self._stale = True
            return FileOutcome(
                source=task.display,
                status="skipped",
                memo=task.memo_rel,
                exit_code=int(entry["exit_code"]),
                leftovers=int(entry["leftovers"]),
                tables_json=str(entry["tables"]),
                digest=str(entry["digest"]),
            )
        except (OSError, KeyError, TypeError, ValueError):
            return None

    def add(self, task: Task, outcome: FileOutcome) -> None:
        """Record a memo just written (appended at once: an interrupted run keeps it)."""
        if outcome.made_from is None or outcome.written is None:
            self.forget(task)
            return
        line = _line(task, outcome, outcome.made_from, outcome.written)
        if task.memo_rel in self._lines:
            self._stale = True
        self._lines[task.memo_rel] = line
        self._parsed.pop(task.memo_rel, None)  # this run's outcome is in hand, not looked up
        try:
            if self._fh is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._fh = self.path.open("a", encoding="utf-8")
            self._fh.write(line + "\n")
        except OSError:  # without its record the memo is redone next time
            self._stale = True

    def forget(self, task: Task) -> None:
        """A memo that must be redone next time (rewritten, or its review incomplete)."""
        if self._lines.pop(task.memo_rel, None) is not None:
            self._parsed.pop(task.memo_rel, None)
            self._stale = True

    def close(self) -> None:
        """Flush; rewrite the index with one line per memo when lines were superseded."""
        if self._fh is not None:
            with contextlib.suppress(OSError):
                self._fh.close()
            self._fh = None
        if not self._stale:
            return
        text = "".join(line + "\n" for line in self._lines.values())
        with contextlib.suppress(OSError):
            atomic_write(self.path, text)
        self._stale = False


_TABLES = ',"tables":'


def _head(line: str) -> dict[str, Any] | None:
    """A line's fields but its tables, which are kept as JSON text under ``"tables"``."""
    cut = line.find(_TABLES)  # a quote inside a value is escaped: the first one is the key
    if cut < 0 or not line.endswith("}"):
        return None
    try:
        entry = json.loads(line[:cut] + "}")
    except ValueError:
        return None
    if not isinstance(entry, dict) or entry.get("format") != INDEX_FORMAT:
        return None
    entry["tables"] = line[cut + len(_TABLES) : -1]
    return entry


def summary_digest(outcomes: list[FileOutcome], unfinished: list[str], version: str) -> str:
    """What the summary is made of: when it is unchanged, the summary files need not be
    written again."""
    h = hashlib.sha256(f"{version}\n".encode())
    for outcome in outcomes:
        h.update(outcome.digest().encode("ascii"))
    h.update(json.dumps(unfinished, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def unchanged(out_dir: Path, digest: str, paths: list[Path]) -> bool:
    """True when the summaries at ``paths`` were written from ``digest`` and not touched since."""
    stamp = read_summary_stamp(out_dir)
    if stamp is None or stamp.get("digest") != digest:
        return False
    files = stamp.get("files")
    if not isinstance(files, dict):
        return False
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            return False
        if files.get(path.name) != [st.st_size, st.st_mtime_ns]:
            return False
    return True


def _stamp_path(out_dir: Path) -> Path:
    return out_dir / SIDECAR_DIR / "summary.json"


def read_summary_stamp(out_dir: Path) -> dict[str, Any] | None:
    return read_json(_stamp_path(out_dir))


def write_summary_stamp(out_dir: Path, digest: str, paths: list[Path]) -> None:
    files = {}
    for path in paths:
        st = os.stat(path)
        files[path.name] = [st.st_size, st.st_mtime_ns]
    with contextlib.suppress(OSError):
        atomic_write_json(_stamp_path(out_dir), {"digest": digest, "files": files})
