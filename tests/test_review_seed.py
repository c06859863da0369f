"""The deterministic review of the bundled seed report finds what a reviewer would, and does
not report legitimate rounding as errors."""

from __future__ import annotations

from collections import Counter

import pytest

from reviewer.config import Config
from reviewer.memo.markdown import render_markdown
from reviewer.model import Finding
from reviewer.pipeline import Review, review
from tests.conftest import SEED


@pytest.fixture(scope="module")
def result() -> Review:
    return review(SEED, config=Config())


def _one(result: Review, project: str, code: str, indicator: str | None = None) -> Finding:
    found = [
        f
        for f in result.findings
        if f.project == project
        and f.code == code
        and (indicator is None or f.indicator == indicator)
    ]
    assert len(found) == 1, (project, code, indicator, found)
    return found[0]


def test_satisfaction_full_marks_below_target(result: Review) -> None:
    f = _one(result, "公共法律服务", "S102", "测评对象满意率")
    assert f.expected == "9.71" and f.found == "10"
    assert "=95%" in f.message and "=92.23%" in f.message
    assert {e.quote for e in f.evidence} >= {"=95%", "=92.23%", "10"}


def test_topics_scored_10_of_15_for_2_of_5(result: Review) -> None:
    f = _one(result, "课题与规划", "S104", "课题")
    assert (f.expected, f.found) == ("6", "10")


def test_staff_count_full_marks_for_32_of_36(result: Review) -> None:
    f = _one(result, "人民调解", "S102", "工作人员数")
    assert f.expected == "4.44" and "=32人" in f.message


def test_low_execution_nothing_explains(result: Review) -> None:
    f = _one(result, "业务培训", "B104")
    assert "59.30%" in f.message


def test_actual_identical_to_goal(result: Review) -> None:
    f = _one(result, "法律援助", "N101")
    assert "完全相同" in f.message


def test_rounding_convention_said_once_not_per_table(result: Review) -> None:
    codes = Counter(f.code for f in result.findings)
    assert codes["B101"] == 0 and codes["B103"] == 0
    assert codes["B102"] == 1
    b102 = next(f for f in result.findings if f.code == "B102")
    assert "向上取整" in b102.message and b102.table_index is None


def test_memo_has_four_parts_and_claimed_vs_recomputed(result: Review) -> None:
    md = render_markdown(result.memo)
    for heading in ("## 一、总体情况", "## 二、主要问题", "## 三、逐项复核意见", "## 四、说明"):
        assert heading in md
    assert "自评得分计算不准确" in md and "偏差原因说明不充分" in md
    table = next(t for t in result.memo.tables if t.project == "课题与规划")
    assert table.claimed_total == 82.99 and table.recomputed_total == 78.99
    assert (table.claimed_grade, table.recomputed_grade) == ("良", "中")
    assert "自评总分 82.99（良），按规则复算 78.99（中）" in md
    assert "未使用大模型" in md or "OPENAI_API_KEY" in md


def test_every_finding_has_evidence_from_the_document(result: Review) -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for f in result.findings:
        if f.table_index is None or f.code in ("W102", "P102", "P103"):
            continue
        assert f.evidence, f
        for e in f.evidence:
            assert e.location is not None and e.location.line is not None
            assert e.quote.replace(" ", "")[:20] in lines[e.location.line - 1].replace(" ", "")
