"""The store of compiled patterns (reviewer/recache.py): faster, never different."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from reviewer import recache

PATTERNS = [
    (r"^[\u4e00-\u9fff（）()]{1,8}$", 0),
    (r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)", 0),
    (r"ignore|disregard", re.IGNORECASE),
    (rb"^\d+$", 0),
]
TEXTS = ["高标准农田", "1850.00万元", "IGNORE all", "12", "", "（已完成）"]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty store in a temporary cache directory, and none of this process's patterns."""
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("REVIEWER_RE_CACHE", raising=False)
    monkeypatch.setattr(recache, "_store", None)
    monkeypatch.setattr(recache, "_learnt", {})
    return tmp_path


def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a new process starts with: nothing loaded, nothing learnt."""
    monkeypatch.setattr(recache, "_store", None)
    monkeypatch.setattr(recache, "_learnt", {})


def _same(got: re.Pattern[str] | re.Pattern[bytes], pattern: str | bytes, flags: int) -> None:
    want = re.compile(pattern, flags)
    assert (got.pattern, got.flags, got.groups, got.groupindex) == (
        want.pattern,
        want.flags,
        want.groups,
        want.groupindex,
    )
    for text in TEXTS:
        probe = text.encode() if isinstance(pattern, bytes) else text
        a, b = got.search(probe), want.search(probe)  # type: ignore[arg-type]
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


def test_patterns_from_the_store_match_as_compiled_ones(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for pattern, flags in PATTERNS:
        _same(recache.compile(pattern, flags), pattern, flags)
    recache.save()
    assert recache.path().parent == store
    _fresh_process(monkeypatch)
    assert set(recache._loaded()) == set(PATTERNS)  # the next process reads them back
    for pattern, flags in PATTERNS:
        _same(recache.compile(pattern, flags), pattern, flags)
    assert recache._learnt == {}  # nothing compiled again


def test_save_merges_with_what_another_process_wrote(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recache.compile(*PATTERNS[0])
    recache.save()
    _fresh_process(monkeypatch)
    monkeypatch.setattr(recache, "_store", {})  # this process started before the file existed
    recache.compile(*PATTERNS[1])
    recache.save()
    _fresh_process(monkeypatch)
    assert set(recache._loaded()) == {PATTERNS[0], PATTERNS[1]}


def test_a_file_that_does_not_load_is_ignored(store: Path) -> None:
    recache.path().parent.mkdir(parents=True, exist_ok=True)
    recache.path().write_bytes(b"\x00not marshal")
    _same(recache.compile(*PATTERNS[0]), *PATTERNS[0])


def test_an_entry_the_engine_refuses_is_compiled_again(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pattern, flags = PATTERNS[1]
    entry = recache._entry(pattern, flags)
    broken = (entry[0], [999_999, *entry[1]], *entry[2:])
    recache.path().parent.mkdir(parents=True, exist_ok=True)
    recache.path().write_bytes(marshal.dumps({(pattern, flags): broken}))
    _same(recache.compile(pattern, flags), pattern, flags)
    assert recache._loaded()[(pattern, flags)] == entry  # learnt again, right this time


def test_turned_off_nothing_is_read_or_written(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVIEWER_RE_CACHE", "0")
    _same(recache.compile(*PATTERNS[0]), *PATTERNS[0])
    recache.save()
    assert not list(store.iterdir())


def test_no_writable_cache_directory_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(blocker / "cache"))  # under a file: unwritable
    monkeypatch.setattr(recache, "_store", None)
    monkeypatch.setattr(recache, "_learnt", {})
    _same(recache.compile(*PATTERNS[0]), *PATTERNS[0])
    recache.save()  # does not raise
    assert not (blocker / "cache").exists()
