"""Where the tool keeps what it caches between runs (model answers, compiled patterns)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


def default_cache_dir(env: Mapping[str, str]) -> Path:
    """``$REVIEWER_CACHE_DIR``, else ``$XDG_CACHE_HOME/reviewer``, else ``~/.cache/reviewer``."""
    if env.get("REVIEWER_CACHE_DIR"):
        return Path(env["REVIEWER_CACHE_DIR"]).expanduser()
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]).expanduser() / "reviewer"
    return Path.home() / ".cache" / "reviewer"
