"""reviewer/atomic.py: files written whole, into folders made on demand, by several threads."""

from __future__ import annotations

import threading
from pathlib import Path

from reviewer.atomic import atomic_write


def test_threads_writing_into_one_missing_folder_all_succeed(tmp_path: Path) -> None:
    # The batch's LLM path writes memos from several threads: each may find the folder missing
    # and one of the others may make it between its failed open and its look at the folder.
    for round_ in range(40):
        folder = tmp_path / f"r{round_}" / "科室乙"
        errors: list[BaseException] = []
        start = threading.Barrier(8)

        def write(
            n: int,
            folder: Path = folder,
            errors: list[BaseException] = errors,
            start: threading.Barrier = start,
        ) -> None:
            start.wait()
            try:
                atomic_write(folder / f"{n}.md", f"memo {n}")
            except BaseException as exc:  # recorded for the assertion below
                errors.append(exc)

        threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert sorted(p.read_text(encoding="utf-8") for p in folder.iterdir()) == [
            f"memo {n}" for n in range(8)
        ]
