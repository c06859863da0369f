"""On-disk pieces: the response cache, the capability memory, the cassette."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reviewer.atomic import atomic_write_json
from reviewer.llm.cache import CachedAnswer, ResponseCache, request_key
from reviewer.llm.capabilities import Capabilities, Ladder, ResponseMode
from reviewer.llm.cassette import Cassette, cassette_key

MESSAGES = [{"role": "user", "content": "审读"}]


def _key(**changes: object) -> str:
    args: dict[str, object] = {
        "base_url": "https://api.example.com/v1",
        "model": "m",
        "messages": MESSAGES,
        "params": {"temperature": 0},
        "schema": "{}",
        "prompt_version": "abc",
    }
    args.update(changes)
    return request_key(**args)  # type: ignore[arg-type]


def test_key_depends_on_every_part_but_not_on_credentials_in_the_url() -> None:
    base = _key()
    for change in (
        {"base_url": "https://other/v1"},
        {"model": "n"},
        {"messages": [{"role": "user", "content": "审读2"}]},
        {"params": {"temperature": 0.5}},
        {"schema": "{ }"},
        {"prompt_version": "abd"},
    ):
        assert _key(**change) != base, change
    assert _key(base_url="https://u:pw@api.example.com/v1?k=1") == base


def test_cache_round_trip_and_layout(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    key = _key()
    assert cache.get(key) is None
    answer = CachedAnswer('{"findings":[],"assessment":"好"}', "json_object", 10, 5)
    cache.put(key, answer)
    assert cache.get(key) == answer
    assert cache.path(key) == tmp_path / "llm" / "responses" / key[:2] / f"{key}.json"
    cache.discard(key)
    assert cache.get(key) is None


def test_corrupt_or_foreign_entries_are_misses(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    key = _key()
    cache.path(key).parent.mkdir(parents=True)
    cache.path(key).write_text("{half a file", encoding="utf-8")
    assert cache.get(key) is None
    atomic_write_json(cache.path(key), {"format": 1, "key": "another", "content": "x"})
    assert cache.get(key) is None


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    path = tmp_path / "d" / "f.json"
    atomic_write_json(path, {"a": 1})
    with pytest.raises(TypeError):
        atomic_write_json(path, {"a": object()})  # not serialisable, fails midway
    assert path.read_text(encoding="utf-8").replace(" ", "").replace("\n", "") == '{"a":1}'
    assert os.listdir(path.parent) == ["f.json"]  # no temporary file left behind


def test_capabilities_are_remembered_per_endpoint_and_model(tmp_path: Path) -> None:
    caps = Capabilities(tmp_path)
    assert caps.start("https://a/v1", "m") is ResponseMode.JSON_SCHEMA
    caps.remember("https://a/v1", "m", ResponseMode.TEXT)
    assert Capabilities(tmp_path).get("https://a/v1", "m") is ResponseMode.TEXT
    assert caps.get("https://a/v1", "other") is None
    assert caps.get("https://b/v1", "m") is None


def test_ladder_steps_down_once_for_everyone() -> None:
    ladder = Ladder()
    assert ladder.step_down(ResponseMode.JSON_SCHEMA) is ResponseMode.JSON_OBJECT
    # A table that was still on json_schema when refused joins the run's current rung.
    assert ladder.step_down(ResponseMode.JSON_SCHEMA) is ResponseMode.JSON_OBJECT
    assert ladder.step_down(ResponseMode.JSON_OBJECT) is ResponseMode.TEXT
    assert ladder.step_down(ResponseMode.TEXT) is None
    assert ladder.current is ResponseMode.TEXT


def test_cassette_round_trip(tmp_path: Path) -> None:
    cassette = Cassette(tmp_path)
    cassette.write_meta(model="m", base_url="https://u:p@h/v1?x=1", prompt_version="v1")
    assert cassette.meta() == {
        "format": 1,
        "model": "m",
        "base_url": "https://h/v1",
        "prompt_version": "v1",
    }
    key = cassette_key(MESSAGES, "{}", "v1")
    assert cassette_key(MESSAGES, "{}", "v2") != key
    answer = CachedAnswer("{}", "json_schema", 1, 2)
    cassette.record(key, project="p", messages=MESSAGES, answer=answer)
    assert cassette.lookup(key) == answer
    assert cassette.lookup(cassette_key(MESSAGES, "{}", "v2")) is None
