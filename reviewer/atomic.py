"""Writing a file so that a reader (or an interrupted run, or a full disk) never sees it half written.

Every file the tool writes goes through here: memos, batch sidecars and summaries, the LLM
response cache, the remembered capabilities and the cassettes.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

_UMASK = os.umask(0o022)
os.umask(_UMASK)


@contextmanager
def atomic_file(path: Path, *, fsync: bool = False) -> Iterator[BinaryIO]:
    """A file to write ``path`` through: ``path`` holds either its old content or all of the
    new, never part of it. The file is a temporary one in the same folder, moved into place
    with ``os.replace`` when the block ends; if anything fails (a full disk, a file size limit,
    an exception in the block), the old file stays as it was and no temporary file is left.

    ``fsync`` flushes the data to the disk before the rename (for files that must survive a
    power cut, at a few milliseconds each).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            if fsync:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes it private; a memo is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(path: Path, content: str | bytes, *, fsync: bool = False) -> None:
    """Write ``content`` (text as UTF-8) to ``path`` through :func:`atomic_file`."""
    with atomic_file(path, fsync=fsync) as fh:
        fh.write(content.encode("utf-8") if isinstance(content, str) else content)


def atomic_write_json(path: Path, data: Any, *, fsync: bool = False) -> None:
    """``data`` as JSON (UTF-8, not ASCII-escaped), written with :func:`atomic_write`."""
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1), fsync=fsync)


def read_json(path: Path) -> dict[str, Any] | None:
    """A JSON object from ``path``, or None when missing, unreadable or not an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
