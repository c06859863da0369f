"""Fixtures of the LLM stage tests: the fake server, the seed report, settings pointing at it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reviewer.api import parse_file
from reviewer.llm.settings import LlmSettings, resolve_settings
from reviewer.model import Report
from tests.conftest import SEED
from tests.fake_openai import FakeOpenAI

FAKE_KEY = "sk-test-fake-key-for-tests"

# Tiny backoff so that retries cost milliseconds; the policies' attempt budgets stay the defaults.
FAST = {"retry_base_delay": 0.01, "retry_max_delay": 0.05, "timeout": 5}

MakeSettings = Callable[..., LlmSettings]


@pytest.fixture(scope="session")
def seed_report() -> Report:
    return parse_file(SEED)


@pytest.fixture
def two_tables(seed_report: Report) -> Report:
    return seed_report.model_copy(update={"tables": seed_report.tables[:2]})


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def make_settings(fake: FakeOpenAI, cache_dir: Path) -> MakeSettings:
    """Settings for the fake server: ``cli`` / ``config`` entries override, then ``replace``."""

    def make(
        cli: dict[str, Any] | None = None,
        config: dict[str, Any] | None = None,
        key: str = FAKE_KEY,
        **replace: Any,
    ) -> LlmSettings:
        settings = resolve_settings(
            {"base_url": fake.base_url, "concurrency": 1, **(cli or {})},
            {"OPENAI_API_KEY": key, "REVIEWER_CACHE_DIR": str(cache_dir)},
            {**FAST, **(config or {})},
        )
        return dataclasses.replace(settings, **replace) if replace else settings

    return make
