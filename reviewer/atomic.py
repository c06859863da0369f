"""Writing a file so that a reader (or an interrupted run, or a full disk) never sees it half written.

Every file the tool writes goes through here: memos, batch sidecars and summaries, the LLM
response cache, the remembered capabilities and the cassettes.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

_TEMP_NUMBERS = itertools.count()
_TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _open_temp(path: Path) -> tuple[int, str]:
    """A new file beside ``path`` to write it through, named for this process and a counter
    (``O_EXCL``: never a file that exists, such as one a killed run left); the folder is made
    when missing. Its mode is an ordinary file's (0666 less the umask, applied by the system).

    Threads may write into the same missing folder at once: each makes it (``exist_ok``) and
    tries again, so one that finds it made by another meanwhile is not taken for a failure."""
    made = False
    while True:
        tmp = os.path.join(path.parent, f".{path.name}.{os.getpid()}.{next(_TEMP_NUMBERS)}.tmp")
        try:
            return os.open(tmp, _TEMP_FLAGS, 0o666), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:
            if made:
                raise  # the folder is there, the file still cannot be made: not ours to mend
            path.parent.mkdir(parents=True, exist_ok=True)
            made = True


@contextmanager
def atomic_file(path: Path, *, fsync: bool = False) -> Iterator[BinaryIO]:
    """A file to write ``path`` through: ``path`` holds either its old content or all of the
    new, never part of it. The file is a temporary one in the same folder, moved into place
    with ``os.replace`` when the block ends; if anything fails (a full disk, a file size limit,
    an exception in the block), the old file stays as it was and no temporary file is left.

    ``fsync`` flushes the data to the disk before the rename (for files that must survive a
    power cut, at a few milliseconds each).
    """
    fd, tmp = _open_temp(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            if fsync:
                fh.flush()
                os.fsync(fh.fileno())
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
