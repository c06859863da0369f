"""The shape of a rule's section in the family test modules.

Each rule has a test class named ``Test<code>…`` in the module of its family. Most derive
from ``RuleCase``: a table that breaks exactly that rule fires it (alone, or with the rules
listed in ``also`` that cannot be separated from it), and its clean twin, which differs only
in what the rule looks at, fires nothing. The class then adds the rule's thresholds and
tolerances, each tested on both sides.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from reviewer.model import EvaluationTable
from tests.builders import codes


class RuleCase:
    code: ClassVar[str]
    # Rules that fire with this one whenever it fires; the subclass says why.
    also: ClassVar[frozenset[str]] = frozenset()

    def broken(self) -> EvaluationTable:
        raise NotImplementedError

    def clean(self) -> EvaluationTable:
        raise NotImplementedError

    def test_broken_table_fires_the_rule(self, tmp_path: Path) -> None:
        assert codes(tmp_path, self.broken()) == {self.code, *self.also}

    def test_clean_twin_fires_nothing(self, tmp_path: Path) -> None:
        assert codes(tmp_path, self.clean()) == set()
