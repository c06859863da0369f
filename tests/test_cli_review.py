"""`review FILE`: formats, output file, selection, exit codes, config file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from reviewer.cli import main
from reviewer.memo.jsonout import SCHEMA_PATH, schema_text
from tests.builders import ind, make_table, write_tables
from tests.conftest import SEED


def test_json_output_validates_against_published_schema(capsys: pytest.CaptureFixture[str]) -> None:
    main([str(SEED), "--format", "json", "--fail-on", "never"])
    doc = json.loads(capsys.readouterr().out)
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    assert doc["schema_version"] == "1.4"
    assert len(doc["tables"]) == 14


def test_published_schema_is_current() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "run: python -m reviewer.memo.jsonout"
    )


def test_markdown_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "memo.md"
    code = main([str(SEED), "-o", str(out)])
    assert code == 1  # the seed has errors; --fail-on defaults to error
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 关于") and "## 四、说明" in text
    err = capsys.readouterr().err
    assert "已写入" in err and "OPENAI_API_KEY" in err


def test_terminal_output(capsys: pytest.CaptureFixture[str]) -> None:
    main([str(SEED), "--fail-on", "never"])
    cap = capsys.readouterr()
    assert "一、总体情况" in cap.out and "测评对象满意率" in cap.out
    assert "OPENAI_API_KEY" in cap.err and "14 张表" in cap.err and "14 张表" not in cap.out


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_fail_on_with_errors(
    fail_on: str, expected: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(SEED), "--format", "json", "--fail-on", fail_on]) == expected


def test_fail_on_levels_on_a_table_with_only_a_warning(tmp_path: Path) -> None:
    rows = make_table().indicators
    rows[0] = ind("培训场次", "=10场", "=15场", 20, 20)  # S107 warning only
    path = write_tables(tmp_path / "t.txt", make_table(indicators=rows))
    args = [str(path), "--format", "json"]
    assert main([*args, "--fail-on", "error"]) == 0
    assert main([*args, "--fail-on", "warning"]) == 1
    assert main([*args, "--fail-on", "warning", "--ignore", "S107"]) == 0


def test_select_and_min_severity(capsys: pytest.CaptureFixture[str]) -> None:
    main([str(SEED), "--format", "json", "--select", "S10", "--min-severity", "error"])
    doc = json.loads(capsys.readouterr().out)
    findings = [f for t in doc["tables"] for f in t["findings"]] + doc["report_findings"]
    assert findings and all(f["code"].startswith("S10") for f in findings)
    assert all(f["severity"] == "error" for f in findings)


def test_unknown_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), "--select", "Q1"]) == 2
    assert "未知的规则" in capsys.readouterr().err


def test_config_file_sets_thresholds_and_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "reviewer.toml").write_text(
        'ignore = ["S107"]\nfail-on = "never"\n[thresholds]\nlow_execution_pct = 50\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main([str(SEED), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    codes = {f["code"] for t in doc["tables"] for f in t["findings"]}
    assert "S107" not in codes and "B104" not in codes
    assert doc["notes"]["config_source"].endswith("reviewer.toml")


def test_bad_config_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "reviewer.toml").write_text("[thresholds]\nno_such = 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([str(SEED)]) == 2
    err = capsys.readouterr().err.strip()
    assert "配置文件" in err and len(err.splitlines()) == 1


def test_no_color_and_piped_output_has_no_escape_codes(tmp_path: Path) -> None:
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.run(
        [sys.executable, "-m", "reviewer.cli", str(SEED), "--fail-on", "never"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0
    assert "\x1b[" not in proc.stdout and "\x1b[" not in proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_internal_defect_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reviewer.memo.build import MemoAssembly

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(MemoAssembly, "add_table", broken)  # the memo of every format
    monkeypatch.delenv("REVIEWER_DEBUG", raising=False)
    assert main([str(SEED)]) == 70
    err = capsys.readouterr().err.strip()
    assert "内部错误" in err and "boom" in err and "Traceback" not in err
    assert len(err.splitlines()) == 1
