"""Regular expressions compiled on their first use rather than at import.

The package holds a few hundred module-level patterns, and compiling them all at import cost
more than reviewing a whole report: ``re``'s optimiser walks every code point of a CJK class
such as ``[\\u4e00-\\u9fff]`` (about 3 ms each time one is compiled), and a review of one
document uses about half of the patterns. ``lazy_compile`` returns a stand-in that compiles on
the first call and then keeps the compiled pattern's methods as its own slots, so that every
later ``search``/``match``/``sub``… is the compiled pattern's own method, without a Python frame
in between. ``pattern`` is the source text from the start (other patterns are built from it).

A stand-in is not an ``re.Pattern``: hand ``re.sub`` and friends the stand-in's methods, not the
stand-in. It is typed as a ``re.Pattern`` because it answers every method a caller uses.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

from reviewer import recache

_DELEGATED = (
    "search",
    "match",
    "fullmatch",
    "sub",
    "subn",
    "split",
    "findall",
    "finditer",
    "flags",
    "groups",
    "groupindex",
)


class _LazyPattern:
    __slots__ = ("_flags", "pattern", *_DELEGATED)

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Called only while a delegated slot is still empty, i.e. before the first use.
        if name not in _DELEGATED:
            raise AttributeError(name)
        compiled: re.Pattern[Any] = recache.compile(cast("str", self.pattern), self._flags)
        for attr in _DELEGATED:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (lazy_compile, (self.pattern, self._flags))

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags!r})"


def lazy_compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[AnyStr]", _LazyPattern(pattern, int(flags)))
