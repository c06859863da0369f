"""Backends: what produces the findings the harness scores.

``rules``  the deterministic review only (``reviewer.review.review_report``);
``llm``    deterministic review plus the LLM stage against the configured endpoint, recording
           its responses into a cassette folder (``eval/cassettes/<dataset>/``);
``replay`` the same, answering from that cassette instead of the network (what CI runs).

The LLM stage (``reviewer.llm``) is imported only when an LLM backend is made; a backend that
cannot run (no key for ``llm``, no cassette for ``replay``) is one clear error, not a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from reviewer.api import parse_file
from reviewer.config import Config
from reviewer.model import Finding, LlmRun, Report
from reviewer.review import review_report

BACKENDS = ("rules", "llm", "replay")


class BackendUnavailable(RuntimeError):
    """The backend cannot run here (its module is missing, or it is not configured)."""


@dataclass
class Review:
    findings: list[Finding]
    llm: LlmRun | None = None  # the LLM stage's run record, for failures and invalid outputs


class Backend(Protocol):
    name: str

    def review(self, path: Path) -> Review:
        """Review one document file."""
        ...


class RulesBackend:
    """The deterministic review, exactly as ``review FILE`` runs it offline."""

    name = "rules"

    def __init__(self, config: Config) -> None:
        self.config = config

    def review(self, path: Path) -> Review:
        return Review(review_report(parse_file(path), self.config).findings)


LlmCall = Callable[[Report, list[Finding]], tuple[list[Finding], LlmRun]]


def _bind_llm(config: Config, mode: Literal["live", "replay"], cassette: Path) -> LlmCall:
    """The LLM stage as ``review`` runs it, recording into ``cassette`` (live) or answering
    from it (replay: no network, no key)."""
    from reviewer.claims import claims_by_table
    from reviewer.llm import resolve_settings, run_llm_review

    if mode == "replay" and not cassette.is_dir():
        raise BackendUnavailable(f"找不到录制的回放数据 {cassette} / no cassette at {cassette}")
    flag = "llm_replay" if mode == "replay" else "llm_record"
    settings = resolve_settings({flag: str(cassette)}, os.environ, config.llm)
    if not settings.enabled:
        raise BackendUnavailable(settings.note)

    def call(report: Report, findings: list[Finding]) -> tuple[list[Finding], LlmRun]:
        return run_llm_review(report, findings, settings, claims_by_table(report))

    return call


class LlmBackend:
    """Deterministic review plus the LLM stage (live, recording; or replaying a cassette)."""

    def __init__(
        self,
        config: Config,
        mode: Literal["live", "replay"],
        cassette: Path,
        call: LlmCall | None = None,
    ) -> None:
        self.name = "llm" if mode == "live" else "replay"
        self.config = config
        self._call = call or _bind_llm(config, mode, cassette)

    def review(self, path: Path) -> Review:
        report = parse_file(path)
        deterministic = review_report(report, self.config).findings
        extra, run = self._call(report, deterministic)
        return Review(deterministic + extra, run)


def make_backend(name: str, config: Config, cassette: Path) -> Backend:
    if name == "rules":
        return RulesBackend(config)
    if name in ("llm", "replay"):
        return LlmBackend(config, "live" if name == "llm" else "replay", cassette)
    raise BackendUnavailable(f"未知后端 {name}（可选：{', '.join(BACKENDS)}）/ unknown backend")
