"""Amend a label, marked: withdraw it and add its corrected copy, never edit it in place.

    python -m eval.amend eval/datasets/corpus/labels.json 014.2 --codes P103,P109 \\
        --why "P109 (a printed field left empty) states this problem; added to the catalogue later"

The withdrawn label stays in the file (so ``--exclude-amended`` and the frozen digest still
score the pre-registered labels); the added one carries ``replaces`` and the reason and date.
Only what counts as finding a label (``--codes``, ``--cue``) or its ``--severity`` may change:
the labeller's words, place and category stay theirs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from eval.labels import Amendment, dump_dataset, load_dataset
from reviewer.model import Severity


def amend(
    path: Path,
    label_id: str,
    *,
    why: str,
    codes: list[str] | None = None,
    cue: str | None = None,
    severity: Severity | None = None,
    date: str | None = None,
) -> str:
    """Amend ``label_id`` in the labels file at ``path``; return the id of the added label."""
    ds = load_dataset(path)
    when = date or dt.date.today().isoformat()
    for doc in ds.documents:
        for i, lab in enumerate(doc.labels):
            if lab.id != label_id:
                continue
            if lab.withdrawn:
                raise ValueError(f"label {label_id} is withdrawn already")
            n = sum(1 for other in doc.labels if other.id.startswith(f"{label_id}-a"))
            new_id = f"{label_id}-a{n + 1}"
            update: dict[str, object] = {
                "id": new_id,
                "amended": Amendment(date=when, change="added", why=why, replaces=label_id),
            }
            if codes is not None:
                update["codes"] = codes
            if cue is not None:
                update["cue"] = cue
            if severity is not None:
                update["severity"] = severity
            added = lab.model_copy(update=update)
            doc.labels[i] = lab.model_copy(
                update={"amended": Amendment(date=when, change="withdrawn", why=why)}
            )
            doc.labels.insert(i + 1, added)
            path.write_text(dump_dataset(ds), encoding="utf-8")
            load_dataset(path)  # the file still validates
            return new_id
    raise KeyError(f"no label {label_id} in {path}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.amend", description=__doc__)
    p.add_argument("labels", type=Path)
    p.add_argument("label")
    p.add_argument("--why", required=True)
    p.add_argument("--codes", help="comma-separated codes or code families")
    p.add_argument("--cue")
    p.add_argument("--severity", choices=[s.value for s in Severity])
    args = p.parse_args(argv)
    try:
        new = amend(
            args.labels,
            args.label,
            why=args.why,
            codes=[c.strip() for c in args.codes.split(",")] if args.codes else None,
            cue=args.cue,
            severity=Severity(args.severity) if args.severity else None,
        )
    except (KeyError, ValueError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    print(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
