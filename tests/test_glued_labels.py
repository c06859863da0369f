"""Header lines whose labels ran together, cut back into the labels; and an excerpt opening on
a table's funds block, which begins inside the table."""

from __future__ import annotations

from pathlib import Path

from reviewer.ingest.glued_labels import glued_labels
from reviewer.pipeline import review


def test_a_line_made_only_of_labels_is_cut_into_them() -> None:
    assert glued_labels(
        "年度绩效目标(80分)一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分"
    ) == [
        "年度绩效目标(80分)",
        "一级指标",
        "二级指标",
        "三级指标",
        "年初目标值(A)",
        "实际完成值(B)",
        "得分",
    ]
    # a line holding anything else is left whole: cutting it would be a guess
    assert glued_labels("项目名称云梦县农家书屋出版物补充更新项目") is None
    assert glued_labels("年度资金总额 36.80 35.42") is None
    assert glued_labels("一级指标二级指标") is None  # fewer than three


def test_an_excerpt_opening_on_the_funds_block_is_not_said_to_lack_its_head(
    tmp_path: Path,
) -> None:
    lines = [
        "预算执行情况(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)",
        "年度资金总额 36.80 35.42 96.25% 19.25",
        "年度绩效目标(80分)一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分",
        "产出指标 数量指标 补充更新出版物 ≥16800册 16830册 40",
        "效益指标 社会效益指标 开展全民阅读活动 ≥20场次 22场次 30",
        "满意度指标 服务对象满意度指标 群众满意度 ≥90% 95% 10",
        "总分 99.25",
    ]
    path = tmp_path / "excerpt.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = review(path)
    (t,) = result.report.tables
    assert [i.name for i in t.indicators] == ["补充更新出版物", "开展全民阅读活动", "群众满意度"]
    assert t.begins_inside
    assert not [f for f in result.findings if f.code == "P103"]
