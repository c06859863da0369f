"""Backends: what produces the findings the harness scores. Each runs the shipped pipeline.

``rules``  the deterministic review only (``reviewer.review`` without an LLM stage);
``llm``    the same pipeline with the LLM stage against the configured endpoint, recording its
           responses into a cassette folder (``eval/cassettes/<dataset>/``);
``replay`` the same, answering from that cassette instead of the network (what CI runs).

Every backend calls ``reviewer.pipeline.review``: the eval scores exactly what a user gets
(the severity cap, deduplication and selection included). A backend that cannot run (no key
for ``llm``, no cassette for ``replay``) is one clear error, not a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from reviewer.config import Config
from reviewer.llm.stage import LlmStage
from reviewer.model import Finding, LlmRun, Report
from reviewer.pipeline import review

BACKENDS = ("rules", "llm", "replay")


class BackendUnavailable(RuntimeError):
    """The backend cannot run here (its module is missing, or it is not configured)."""


@dataclass
class Output:
    """What a backend hands the harness for one document (not the pipeline's Review: only what
    is scored)."""

    findings: list[Finding]
    llm: LlmRun | None = None  # the LLM stage's run record, for failures and invalid outputs
    report: Report | None = None  # the parse the findings are about (the dumb tool reads it)


class Backend(Protocol):
    name: str

    def review(self, path: Path) -> Output:
        """Review one document file: the findings to score and what they came from."""
        ...


class RulesBackend:
    """The deterministic review, exactly as ``review FILE`` runs it offline."""

    name = "rules"

    def __init__(self, config: Config) -> None:
        self.config = config

    def review(self, path: Path) -> Output:
        result = review(path, config=self.config)
        return Output(result.findings, report=result.report)


def _stage(config: Config, mode: Literal["live", "replay"], cassette: Path) -> LlmStage:
    """The LLM stage as ``review`` runs it, recording into ``cassette`` (live) or answering
    from it (replay: no network, no key)."""
    from reviewer.llm.settings import resolve_settings

    if mode == "replay" and not cassette.is_dir():
        raise BackendUnavailable(f"找不到录制的回放数据 {cassette} / no cassette at {cassette}")
    flag = "llm_replay" if mode == "replay" else "llm_record"
    settings = resolve_settings({flag: str(cassette)}, os.environ, config.llm)
    if not settings.enabled:
        raise BackendUnavailable(settings.note)
    return LlmStage(settings)


class LlmBackend:
    """The pipeline with the LLM stage (live, recording; or replaying a cassette)."""

    def __init__(
        self,
        config: Config,
        mode: Literal["live", "replay"],
        cassette: Path,
        stage: LlmStage | None = None,
    ) -> None:
        self.name = "llm" if mode == "live" else "replay"
        self.config = config
        self.stage = stage or _stage(config, mode, cassette)

    def review(self, path: Path) -> Output:
        result = review(path, config=self.config, llm=self.stage)
        return Output(result.findings, result.llm, result.report)


def make_backend(name: str, config: Config, cassette: Path) -> Backend:
    if name == "rules":
        return RulesBackend(config)
    if name in ("llm", "replay"):
        return LlmBackend(config, "live" if name == "llm" else "replay", cassette)
    raise BackendUnavailable(f"未知后端 {name}（可选：{', '.join(BACKENDS)}）/ unknown backend")
