"""Readers: turn an input file into a Grid of located cells."""

from __future__ import annotations

from pathlib import Path

from reviewer.errors import InputError
from reviewer.grid import Grid
from reviewer.ingest.text import read_text


def read_grid(path: str | Path) -> Grid:
    """Read ``path`` with the reader its content and extension call for."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"找不到文件：{p}")
    if p.is_dir():
        raise InputError(f"这是一个目录，不是文件：{p}")
    try:
        return read_text(p)
    except OSError as exc:
        raise InputError(f"无法读取文件 {p}：{exc.strerror or exc}") from exc
