"""Markdown as document converters write a table (round 28, hd): bold cells, ``<br>`` inside
cells, escaped stars and pipes, merged cells repeated in every cell they span; a ``.md`` file
among a batch's inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.batch.files import collect_inputs
from reviewer.textnorm import pipe_cell, unbold

CONVERTED = """**附件2**

# 2022年度项目支出绩效自评表

**单位名称(盖章):某县文化和旅游局**　　　**填报日期:2023年4月12日**

| **项目名称** | 非遗保护传承专项 | 非遗保护传承专项 | 非遗保护传承专项 | 非遗保护传承专项 | 非遗保护传承专项 |
| --- | --- | --- | --- | --- | --- |
| **主管部门** | 某县文化和旅游局 | 某县文化和旅游局 | **项目实施单位** | 某县非遗保护中心 | 某县非遗保护中心 |
| **预算执行情况(万元)<br>(20分)** | **预算数(A)** | **执行数(B)** | **执行率(B/A)** | **得分<br>(20分\\*执行率)** | **得分<br>(20分\\*执行率)** |
| **项目资金总额** | 80.00 | 74.60 | 93.25% | 18.65 | 18.65 |
| **年度绩效指标** | **一级指标** | **二级指标** | **三级指标** | **年初目标值(A)** | **实际完成值(B)** | **得分** |
| **年度绩效指标** | 产出指标<br>(40分) | 数量指标 | 非遗展演展示活动场次 | ≥12场 | 14场 | 20 |
| **年度绩效指标** | 产出指标<br>(40分) | 质量指标 | 资料归档完整率\\|抽查 | 100% | 100% | 20 |
| **年度绩效指标** | 效益指标<br>(30分) | 社会效益指标 | 屈原故里端午习俗等非遗<br>项目社会知名度 | 持续提升 | 持续提升 | 30 |
| **年度绩效指标** | 满意度指标<br>(10分) | 服务对象满意度指标 | 参与群众满意度 | ≥90% | 93% | 10 |
| **总分** | 98.65 | 98.65 | 98.65 | 98.65 | 98.65 |
"""


@pytest.mark.parametrize(
    ("raw", "cell"),
    [
        ("**项目名称**", "项目名称"),
        ("__总分__", "总分"),
        ("**得分<br>(20分\\*执行率)**", "得分\n(20分*执行率)"),
        ("(≥\\*\\*亩)", "(≥**亩)"),  # escaped stars are the template's, kept
        ("≥**%，≤**%", "≥**%，≤**%"),  # a template's stars around a sign: no bold
        ("a\\|b", "a|b"),
        ("- 项目名称：某项目", "项目名称：某项目"),  # a list's bullet (ja01)
        ("## 一、项目资金（万元）", "一、项目资金（万元）"),  # a heading's hashes
        ("- 1 -", "-1-"),  # a page's number, no bullet
        ("-5%", "-5%"),
        ("—", "—"),
    ],
)
def test_a_converters_marks_are_undone_in_a_cell(raw: str, cell: str) -> None:
    assert pipe_cell(raw) == cell


def test_bold_words_on_a_line_between_tables() -> None:
    line = "**单位名称:某局**　　**填报日期:2023年4月12日**"
    assert unbold(line) == "单位名称:某局　　填报日期:2023年4月12日"


@pytest.mark.parametrize("name", ["form.md", "form.txt"])
def test_a_converted_table_reads_as_printed(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(CONVERTED, encoding="utf-8")
    (t,) = parse_file(path).tables
    assert (t.project, t.department) == ("非遗保护传承专项", "某县文化和旅游局")
    assert [(i.l1, i.name, i.target, i.actual, i.score) for i in t.indicators] == [
        ("产出指标", "非遗展演展示活动场次", "≥12场", "14场", 20.0),
        ("产出指标", "资料归档完整率|抽查", "100%", "100%", 20.0),
        ("效益指标", "屈原故里端午习俗等非遗项目社会知名度", "持续提升", "持续提升", 30.0),
        ("满意度指标", "参与群众满意度", "≥90%", "93%", 10.0),
    ]
    assert t.funds.annual_total.executed == 74.6
    assert not t.doubts


def test_a_batch_takes_markdown_files(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "form.md").write_text(CONVERTED, encoding="utf-8")
    (tmp_path / "in" / "notes.markdown").write_text("# 说明\n", encoding="utf-8")
    files, problems = collect_inputs([str(tmp_path / "in")], tmp_path / "out")
    assert [p.name for p in files] == ["form.md", "notes.markdown"]
    assert problems == {}
