"""The answers a provider's batch engine gave, as the review stage reads them.

One JSON line per request, keyed by the request's ``custom_id`` (:func:`batch_key`): the
validated answer as the cache stores it, or why there is none (a Chinese line), with the tokens
the provider counted. The file is appended to as batches are collected; a later line for the
same id wins. Only offsets are held in memory, so that 100,000 answers cost little; a lookup
reads its line (``os.pread``: safe from several threads).

The LLM stage (``reviewer.llm.ask``) looks a table up here instead of asking the endpoint:
a found answer is grounded and reported exactly as a live one would be (status ``ok``, one
request, its tokens), so the memos are the live path's for the same answers.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.llm.cache import CachedAnswer

NOT_IN_BATCH = "批处理中没有本表的回答：重新运行同一命令会再次提交"


@dataclass(frozen=True)
class BatchAnswer:
    """A validated answer, or the reason there is none; the tokens the provider counted."""

    answer: CachedAnswer | None
    error: str | None = None
    tokens_in: int = 0
    tokens_out: int = 0

    def to_json(self, custom_id: str) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": custom_id}
        if self.answer is not None:
            entry.update(self.answer.to_json())
        else:
            entry.update(error=self.error, tokens_in=self.tokens_in, tokens_out=self.tokens_out)
        return entry

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BatchAnswer | None:
        if isinstance(data.get("error"), str):
            tokens_in, tokens_out = (
                int(data.get("tokens_in") or 0),
                int(data.get("tokens_out") or 0),
            )
            return cls(None, data["error"], tokens_in, tokens_out)
        answer = CachedAnswer.from_json(data)
        if answer is None:
            return None
        return cls(answer, None, answer.tokens_in, answer.tokens_out)


class BatchAnswers:
    """The answers file of an output folder: append, and look up by ``custom_id``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._where: dict[str, tuple[int, int]] = {}  # id → (offset, length)
        self._lock = threading.Lock()
        self._load()

    def _load(self) -> None:
        try:
            data = self.path.read_bytes()
        except OSError:
            return
        offset = 0
        for line in data.splitlines(keepends=True):
            if line.endswith(b"\n"):  # a line cut short by a killed run is not counted
                start = line.find(b'"id": "')
                if start >= 0:
                    end = line.find(b'"', start + 7)
                    self._where[line[start + 7 : end].decode("ascii")] = (offset, len(line))
            offset += len(line)

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, custom_id: str) -> bool:
        return custom_id in self._where

    def get(self, custom_id: str) -> BatchAnswer | None:
        where = self._where.get(custom_id)
        if where is None:
            return None
        fd = os.open(self.path, os.O_RDONLY)
        try:
            raw = os.pread(fd, where[1], where[0])
        finally:
            os.close(fd)
        try:
            data = json.loads(raw)
            return BatchAnswer.from_json(data) if isinstance(data, dict) else None
        except (ValueError, TypeError):  # a damaged line: the table is asked again
            return None

    def add(self, items: list[tuple[str, BatchAnswer]]) -> None:
        """Append answers (one write, flushed to disk: they cost money)."""
        if not items:
            return
        lines = [
            json.dumps(answer.to_json(custom_id), ensure_ascii=False) + "\n"
            for custom_id, answer in items
        ]
        blob = "".join(lines).encode("utf-8")
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("ab") as fh:
                offset = fh.tell()
                fh.write(blob)
                fh.flush()
                os.fsync(fh.fileno())
            for (custom_id, _), line in zip(items, lines, strict=True):
                size = len(line.encode("utf-8"))
                self._where[custom_id] = (offset, size)
                offset += size
