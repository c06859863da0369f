"""Compare a parsed Report with a gold parse, field by field, and list every difference."""

from __future__ import annotations

from typing import Any


def differences(gold: Any, got: Any, path: str = "") -> list[str]:
    """Every field of ``gold`` must equal the same field of ``got``; extra fields in ``got`` are
    fine. An indicator's ``l2`` may be any of its ``l2_alternatives``."""
    diffs: list[str] = []
    if isinstance(gold, dict):
        if not isinstance(got, dict):
            return [f"{path}: expected an object, got {got!r}"]
        for key, value in gold.items():
            if key == "l2_alternatives":
                continue
            if key == "l2" and "l2_alternatives" in gold:
                if got.get("l2") not in gold["l2_alternatives"]:
                    diffs.append(f"{path}.l2: {got.get('l2')!r} not in {gold['l2_alternatives']}")
                continue
            if key not in got:
                diffs.append(f"{path}.{key}: missing")
                continue
            diffs.extend(differences(value, got[key], f"{path}.{key}"))
    elif isinstance(gold, list):
        if not isinstance(got, list) or len(gold) != len(got):
            n = len(got) if isinstance(got, list) else got
            return [f"{path}: expected {len(gold)} items, got {n}"]
        for i, (a, b) in enumerate(zip(gold, got, strict=True)):
            diffs.extend(differences(a, b, f"{path}[{i}]"))
    elif gold != got:
        diffs.append(f"{path}: expected {gold!r}, got {got!r}")
    return diffs
