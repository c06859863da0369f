"""Backends: what produces the findings the harness scores.

``rules``  the deterministic review only (``reviewer.review.review_report``);
``llm``    deterministic review plus the LLM stage against the configured endpoint, recording
           its responses into a cassette folder (``eval/cassettes/<dataset>/``);
``replay`` the same, answering from that cassette instead of the network (what CI runs).

The LLM stage lives in ``reviewer.llm`` (branch ``llm``); it is imported only when an LLM
backend is made, and its absence is one clear error, not a traceback.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

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
    """The one place that wires ``reviewer.llm`` (the ``llm`` branch) into the harness.

    Expected API (to adjust to the merged code): ``reviewer.llm.run_llm_review(report,
    findings, settings) -> (findings, LlmRun)`` and ``reviewer.llm.settings.resolve_settings``
    returning settings that accept a cassette folder and a record / replay mode.
    """
    try:
        llm: Any = importlib.import_module("reviewer.llm")
        settings_mod: Any = importlib.import_module("reviewer.llm.settings")
    except ImportError as exc:
        raise BackendUnavailable(
            "大模型审读模块 reviewer.llm 不可用（llm 分支合并后才能使用 llm / replay 后端）"
            " / the LLM stage (reviewer.llm) is not available yet"
        ) from exc
    run = getattr(llm, "run_llm_review", None)
    resolve = getattr(settings_mod, "resolve_settings", None)
    if not callable(run) or not callable(resolve):
        raise BackendUnavailable(
            "reviewer.llm 缺少 run_llm_review / resolve_settings，评测后端尚未接入"
            " / reviewer.llm lacks run_llm_review or resolve_settings"
        )
    if mode == "replay" and not cassette.is_dir():
        raise BackendUnavailable(f"找不到录制的回放数据 {cassette} / no cassette at {cassette}")
    settings = resolve(
        config=config, cassette=cassette, cassette_mode="replay" if mode == "replay" else "record"
    )

    def call(report: Report, findings: list[Finding]) -> tuple[list[Finding], LlmRun]:
        found, record = run(report, findings, settings)
        return list(found), LlmRun.model_validate(record)

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
