"""Compiled regular expressions kept on disk between runs, as Python keeps bytecode.

Compiling the patterns one review uses costs about 70 ms, most of it ``re``'s optimiser walking
every code point of CJK classes such as ``[\\u4e00-\\u9fff]``: more than the review of a whole
report. What the compiler produces (the engine's code, a list of integers, and the groups) is
kept in ``<cache dir>/re-<python>.marshal`` and handed straight to the engine the next time, which
takes microseconds. The engine checks the code it is given (``_sre.compile`` rejects code that
is not well formed), the file is keyed by the interpreter's exact version and the engine's
``MAGIC``, and anything unexpected (another interpreter, a file that does not load, an entry the
engine refuses, no writable cache directory) falls back to ``re.compile``: the store can make a
run faster, never different.

The store is written once, when the process exits, and only when it learnt a pattern; it is
merged with what another process wrote meanwhile. ``REVIEWER_RE_CACHE=0`` turns it off.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import AnyStr, cast

from reviewer.cachedir import default_cache_dir

try:  # CPython's engine and compiler; elsewhere the store is not used
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not CPython
    _sre = None

Key = tuple[str | bytes, int]
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_MAX_BYTES = 8 * 1024 * 1024  # a store larger than this is not read (it is not ours)
_store: dict[Key, Entry] | None = None
_learnt: dict[Key, Entry] = {}


def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, from the store when it holds the pattern."""
    if _sre is None or not _enabled():
        return re.compile(pattern, flags)
    flags = int(flags)  # a RegexFlag is no plain int to marshal
    key = (pattern, flags)
    store = _loaded()
    entry = store.get(key)
    if entry is not None:
        try:
            return cast("re.Pattern[AnyStr]", _sre.compile(pattern, *entry))
        except Exception:  # an entry the engine refuses: compile as usual, learn it again
            del store[key]
    try:
        entry = _entry(pattern, flags)
        compiled = _sre.compile(pattern, *entry)
    except Exception:  # the compiler's private interface differs: no store for this one
        return re.compile(pattern, flags)
    if not _learnt:
        atexit.register(save)
    store[key] = _learnt[key] = entry
    return cast("re.Pattern[AnyStr]", compiled)


def _entry(pattern: str | bytes, flags: int) -> Entry:
    """What ``re._compiler.compile`` hands the engine, as plain data."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _enabled() -> bool:
    return os.environ.get("REVIEWER_RE_CACHE", "1") != "0"


def path() -> Path:
    """The store's file for this interpreter."""
    version = "-".join(map(str, sys.version_info[:3]))
    tag = f"re-{sys.implementation.cache_tag}-{version}-{_sre.MAGIC if _sre else 0}.marshal"
    return default_cache_dir(os.environ) / tag


def _read() -> dict[Key, Entry]:
    try:
        with path().open("rb") as f:
            data = f.read(_MAX_BYTES + 1)
        if len(data) > _MAX_BYTES:
            return {}
        store = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return store if isinstance(store, dict) else {}


def _loaded() -> dict[Key, Entry]:
    global _store
    if _store is None:
        _store = _read()
    return _store


def save() -> None:
    """Write what this process learnt, merged with the file as it is now (atomically)."""
    if not _learnt:
        return
    merged = _read()
    merged.update(_learnt)
    target = path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".re-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(marshal.dumps(merged))
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        return  # no writable cache directory (or data marshal cannot hold): compiled next run
    _learnt.clear()
