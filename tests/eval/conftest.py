from __future__ import annotations

from pathlib import Path

import pytest

from eval.cli import SEED_LABELS, injected
from eval.labels import Dataset, load_dataset


@pytest.fixture(scope="session")
def seed_ds() -> Dataset:
    return load_dataset(SEED_LABELS)


@pytest.fixture(scope="session")
def injected_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("injected")
    injected(folder)
    return folder


@pytest.fixture(scope="session")
def injected_ds(injected_dir: Path) -> Dataset:
    return load_dataset(injected_dir / "labels.json")
