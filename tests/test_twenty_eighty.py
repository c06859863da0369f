"""The 20/80 form (预算执行情况 20分, 年度绩效目标 80分) as sites publish it: a cell a line with
its rows run together, its total labelled 自评总得分, and its one 偏差原因分析 field beside an
改进措施 field under the rows."""

from __future__ import annotations

from pathlib import Path

from reviewer.pipeline import review

CELLS = [
    "2024年度项目支出绩效自评表",
    "项目名称", "某县农村供水工程维修养护项目",
    "主管部门", "某县水利局",
    "预算执行情况（万元）", "（20分）",
    "预算数(A)", "执行数(B)", "执行率(B/A)", "得分", "（20分*执行率）",
    "年度财政资金总额", "420", "399.5", "95.12%", "19.02",
    "年度绩效目标", "（80分）",
    "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分",
    "产出指标（50分）", "数量指标", "维修养护供水工程处数", "≥86处", "86处", "30",
    "更换老旧管网长度", "≥35公里", "31.2公里", "20",
    "效益指标（20分）", "社会效益指标", "受益人口", "≥12.6万人", "12.8万人", "20",
    "满意度指标（10分）", "服务对象满意度指标", "受益群众满意度", "≥90%", "93.5%", "10",
    "{total}", "99.02",
    "偏差原因分析", "部分路段与道路改造工程交叉，管网无法同步开挖更换。",
    "改进措施", "{measures}",
]  # fmt: skip


def _page(tmp_path: Path, total: str = "合计", measures: str = "无") -> Path:
    text = "\n".join(CELLS).format(total=total, measures=measures)
    # a site's links after a blank line: the cells run together, not a row a paragraph
    text += "\n\n相关链接：某县水利局2024年度部门整体支出绩效自评报告\n【打印】\n"
    path = tmp_path / "excerpt.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_cells_a_line_run_together_are_read_as_a_stream(tmp_path: Path) -> None:
    (t,) = review(_page(tmp_path)).report.tables
    assert [(i.name, i.actual, i.score) for i in t.indicators] == [
        ("维修养护供水工程处数", "86处", 30.0),
        ("更换老旧管网长度", "31.2公里", 20.0),
        ("受益人口", "12.8万人", 20.0),
        ("受益群众满意度", "93.5%", 10.0),
    ]
    assert t.funds.annual_total.score == 19.02


def test_a_total_labelled_self_evaluated_total_score_ends_the_rows(tmp_path: Path) -> None:
    (t,) = review(_page(tmp_path, total="自评总得分")).report.tables
    assert t.total_score == 99.02
    assert t.indicators[-1].name == "受益群众满意度"


def test_a_cause_given_with_no_measure_beside_it(tmp_path: Path) -> None:
    found = [f for f in review(_page(tmp_path)).findings if f.code == "E102"]
    assert [f.indicator for f in found] == ["更换老旧管网长度"]
    assert "“改进措施”栏为“无”" in found[0].message
    measured = review(_page(tmp_path, measures="下一步将协调道路施工同步更换管网。"))
    assert "E102" not in {f.code for f in measured.findings}


def test_a_measures_field_under_its_longer_name(tmp_path: Path) -> None:
    # qi06: 改进措施及结果应用方案 | 无, the field under the name some 20/80 forms give it
    path = _page(tmp_path)
    text = path.read_text(encoding="utf-8").replace("\n改进措施\n", "\n改进措施及结果应用方案\n")
    path.write_text(text, encoding="utf-8")
    found = [f for f in review(path).findings if f.code == "E102"]
    assert [f.indicator for f in found] == ["更换老旧管网长度"]
    assert "“改进措施及结果应用方案”栏为“无”" in found[0].message
