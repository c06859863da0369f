from __future__ import annotations

from pathlib import Path

import pytest

from eval.backends import RulesBackend
from eval.cli import CORPUS_LABELS, SEED_LABELS, datasets, injected
from eval.harness import run_dataset
from eval.labels import Dataset, load_dataset
from eval.metrics import DatasetSummary, summarize
from reviewer.config import Config


@pytest.fixture(scope="session")
def seed_ds() -> Dataset:
    return load_dataset(SEED_LABELS)


@pytest.fixture(scope="session")
def corpus_ds() -> Dataset:
    return load_dataset(CORPUS_LABELS)


@pytest.fixture(scope="session")
def injected_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("injected")
    injected(folder)
    return folder


@pytest.fixture(scope="session")
def injected_ds(injected_dir: Path) -> Dataset:
    return load_dataset(injected_dir / "labels.json")


@pytest.fixture(scope="session")
def summaries(tmp_path_factory: pytest.TempPathFactory) -> dict[str, DatasetSummary]:
    """The rules backend over every dataset (`--dataset all`), summarised once per session."""
    folder = tmp_path_factory.mktemp("all")
    backend = RulesBackend(Config())
    return {
        ds.dataset: summarize(run_dataset(ds, backend, digest, problems))
        for ds, digest, problems in datasets("all", folder)
    }
