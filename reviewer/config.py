"""Configuration: thresholds, scoring profiles and rule selection.

Read from ``reviewer.toml`` or the ``[tool.reviewer]`` table of ``pyproject.toml`` (the first
found in the current directory or above it), or from ``--config FILE``; command-line flags
override the file. Every threshold that provincial systems set differently is here, and the
``[limits]`` on what one input may make the readers do (``reviewer.limits``).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from reviewer.errors import UsageError
from reviewer.limits import Limits


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")

    low_execution_pct: float = 90.0  # B4: below this rate, the text must explain it
    low_execution_warn_pct: float = 80.0  # B4: below this, 需核实; between it and the above, 提示
    completion_over_execution_pct: float = 5.0  # B4: completion above execution, relative %
    over_achievement_warn: float = 1.2  # D5: A >= 1.2 T is flagged
    over_achievement_explain: float = 1.3  # D5: A >= 1.3 T needs a written reason
    score_tolerance: float = 0.01  # B3: scores printed to 0.01
    big_deviation_share: float = 0.10  # D2: softer scoring by more than this share of w is an error
    budget_change_pct: float = 20.0  # B5: 年初 vs 全年 budget change worth a question
    copy_similarity: float = 0.8  # 实际完成情况 this similar to 预期目标 is a copy
    qualitative_band_full: float = 0.8  # D6: 达成 → [0.8 w, w]
    qualitative_band_partial: float = 0.6  # D6: 部分达成 → [0.6 w, 0.8 w)
    grade_bands: tuple[float, float, float] = (90.0, 80.0, 60.0)  # F2: 优 / 良 / 中 lower bounds


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    select: list[str] = Field(default_factory=list)  # codes or prefixes; empty = all
    ignore: list[str] = Field(default_factory=list)
    min_severity: Literal["error", "warning", "info"] = Field("info", alias="min-severity")
    fail_on: Literal["error", "warning", "info", "never"] = Field("error", alias="fail-on")
    lower_is_better: Literal["linear", "ratio"] = Field("linear", alias="lower-is-better")
    thresholds: Thresholds = Field(default_factory=Thresholds)
    limits: Limits = Field(default_factory=Limits)  # what one input may make the readers do
    form: str | None = None  # a form family's name: read every table as that form (--form)
    llm: dict[str, Any] = Field(default_factory=dict)
    source: str = ""  # where the configuration was read from

    @field_validator("form")
    @classmethod
    def _form(cls, value: str | None) -> str | None:
        return _known_form(value)


def _known_form(name: str | None) -> str | None:
    from reviewer.forms.families import FAMILIES

    if name is not None and name not in {f.name for f in FAMILIES}:
        names = "、".join(f.name for f in FAMILIES)
        raise ValueError(f"未知的表格类型 {name}（可选：{names}；用 review forms 查看）")
    return name


def parse_codes(value: str | None) -> list[str]:
    """Rule codes or prefixes as given on a command line: ``"s,B101"`` → ``["S", "B101"]``."""
    return [c.strip().upper() for c in (value or "").split(",") if c.strip()]


def _find_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    for folder in (start, *start.parents):
        own = folder / "reviewer.toml"
        if own.is_file():
            return own, _read_toml(own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            data = _read_toml(pyproject).get("tool", {}).get("reviewer")
            if isinstance(data, dict):
                return pyproject, data
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"配置文件 {path} 无法读取：{exc}") from exc


def load_config(explicit: str | None = None, start: Path | None = None) -> Config:
    """The configuration in force: an explicit file, else the nearest one, else defaults."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise UsageError(f"找不到配置文件：{path}")
        data = _read_toml(path)
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("reviewer", {})
        found: tuple[Path, dict[str, Any]] | None = (path, data)
    else:
        found = _find_file((start or Path.cwd()).resolve())
    if found is None:
        return Config()
    path, data = found
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise UsageError(f"配置文件 {path} 中 {where} 有误：{first['msg']}") from exc
    config.source = str(path)
    return config
