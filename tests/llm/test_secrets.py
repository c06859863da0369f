"""The API key is used, and appears nowhere else: not in results, files, logs or messages."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from reviewer.llm.ask import ask_tables
from reviewer.llm.settings import resolve_settings
from reviewer.model import Report
from tests.fake_openai import FakeOpenAI, per_project, status, valid
from tests.llm.conftest import FAST, MakeSettings

SECRET = "sk-proj-Zq8VtT3stK3yN0tF0rPr1nt-4242"


def test_the_key_is_sent_and_never_leaks(
    seed_report: Report,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, the openai client's included
    report = seed_report.model_copy(update={"tables": seed_report.tables[:4]})
    cache, cassette = tmp_path / "cache", tmp_path / "cassette"
    names = [t.project for t in report.tables]
    echo = f"Incorrect API key provided: {SECRET}. You can find your API key at …"
    with FakeOpenAI() as fake:
        fake.script(
            then=per_project(
                {
                    names[1]: status(503, f"upstream rejected key {SECRET}"),
                    names[2]: status(400, f"bad request for {SECRET}"),
                    names[3]: status(401, echo),  # servers do echo keys in error messages
                },
                default=valid,
            )
        )
        settings = resolve_settings(
            {"base_url": fake.base_url, "llm_record": str(cassette), "concurrency": 1},
            {"OPENAI_API_KEY": SECRET, "REVIEWER_CACHE_DIR": str(cache)},
            FAST,
        )
        findings, run = ask_tables(report, [], settings)
        # A second run, served from the cache where it can be.
        findings2, run2 = ask_tables(report, [], settings)
        sent = {s.headers.get("authorization") for s in fake.requests}

    assert sent == {f"Bearer {SECRET}"}  # the key was really used
    assert [t.status for t in run.tables] == ["ok", "failed", "failed", "failed"]
    assert run2.tables[0].status == "cached"

    outputs = [
        run.model_dump_json(),
        run2.model_dump_json(),
        *(f.model_dump_json() for f in [*findings, *findings2]),
        *(t.error or "" for t in [*run.tables, *run2.tables]),
        caplog.text,
        *(str(r.args) for r in caplog.records),
        *capsys.readouterr(),
        repr(settings),
        str(settings),
    ]
    files = [p for d in (cache, cassette) for p in d.rglob("*") if p.is_file()]
    assert files  # the cache and the cassette were written
    outputs += [p.read_text(encoding="utf-8") for p in files]
    for text in outputs:
        assert SECRET not in text
        assert SECRET[8:24] not in text  # nor a recognisable part of it
    assert "503" in (run.tables[1].error or "") and "***" in (run.tables[1].error or "")
    assert "400" in (run.tables[2].error or "") and "***" in (run.tables[2].error or "")
    assert "401" in (run.tables[3].error or "") and run.stopped is not None


PLAIN_KEY = "Zq8VtT3stK3yN0tF0rPr1ntAbCdE4242"  # 32 characters, no sk- prefix to recognise


@pytest.mark.parametrize("before", [100, 114, 130, 150])
def test_a_key_cut_by_the_length_limit_is_redacted_first(
    two_tables: Report, make_settings: MakeSettings, fake: FakeOpenAI, before: int
) -> None:
    # A server echoes the key after a long message: the part of the message we keep ends
    # inside the key. Redacting the kept part would miss it and show most of the key.
    assert len(PLAIN_KEY) == 32
    fake.script(then=status(400, "x" * before + " " + PLAIN_KEY + " rejected"))
    _findings, run = ask_tables(two_tables, [], make_settings(key=PLAIN_KEY))
    errors = [t.error or "" for t in run.tables]
    assert all("400" in e for e in errors)
    for e in errors:
        assert not any(PLAIN_KEY[i : i + 6] in e for i in range(len(PLAIN_KEY) - 5)), e
