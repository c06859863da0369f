"""gc_paused: the collector's state is restored, what was built moves to the oldest
generation, and a program's own frozen objects stay frozen."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from reviewer.api import gc_paused


class Node:
    def __init__(self) -> None:
        self.children: list[Node] = []


@pytest.fixture(autouse=True)
def _restore_gc() -> Iterator[None]:
    was = gc.isenabled()
    yield
    gc.unfreeze()
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collectors_state_is_restored(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled


def test_what_was_built_goes_to_the_oldest_generation() -> None:
    with gc_paused():
        built = Node()
    assert any(o is built for o in gc.get_objects(generation=2))
    assert not any(o is built for o in gc.get_objects(generation=0))


def test_a_programs_frozen_objects_stay_frozen() -> None:
    gc.freeze()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    with gc_paused():
        Node()
    assert gc.get_freeze_count() == frozen
