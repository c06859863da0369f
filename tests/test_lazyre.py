"""Patterns compiled on first use (reviewer.lazyre): they answer as the compiled pattern does,
compile once, and only when used."""

from __future__ import annotations

import pickle
import re

import pytest

from reviewer.lazyre import lazy_compile


def test_nothing_is_compiled_until_first_use() -> None:
    pattern = lazy_compile(r"(?P<n>\d+)万元")
    assert pattern.pattern == r"(?P<n>\d+)万元"  # other patterns are built from the text
    with pytest.raises(AttributeError):
        object.__getattribute__(pattern, "search")  # the slot is still empty
    assert pattern.search("共12万元") is not None
    object.__getattribute__(pattern, "search")  # filled by the first use


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_every_method_answers_as_the_compiled_pattern(flags: int) -> None:
    source = r"(?P<n>\d+)(?P<u>万元|KM)"
    text = "计划12万元，完成3km，另8万元"
    lazy, compiled = lazy_compile(source, flags), re.compile(source, flags)
    assert lazy.search(text).group() == compiled.search(text).group()  # type: ignore[union-attr]
    assert lazy.match("12万元") is not None and lazy.match("x12万元") is None
    assert lazy.fullmatch("12万元") is not None
    assert lazy.findall(text) == compiled.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub(r"\g<n>", text) == compiled.sub(r"\g<n>", text)
    assert lazy.subn("#", text) == compiled.subn("#", text)
    assert lazy.split(text) == compiled.split(text)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (
        compiled.flags,
        compiled.groups,
        compiled.groupindex,
    )


def test_bytes_patterns_and_pickling() -> None:
    assert lazy_compile(rb"<c r=").search(b'<row><c r="A1">') is not None
    pattern = lazy_compile(r"\d+", re.ASCII)
    copy = pickle.loads(pickle.dumps(pattern))
    assert copy.findall("第12页") == ["12"]
    pattern.search("1")  # compiled: still pickles from its source
    assert pickle.loads(pickle.dumps(pattern)).flags == pattern.flags


def test_an_unknown_attribute_is_an_error_not_a_compile() -> None:
    pattern = lazy_compile(r"[")  # a broken pattern fails when used, as re.compile would
    with pytest.raises(AttributeError):
        pattern.no_such_method  # noqa: B018
    with pytest.raises(re.error):
        pattern.search("x")
