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


def test_a_label_that_is_two_labels_is_cut_where_no_label_then_comes_twice() -> None:
    # 分值 | 执行率 | 得分: three columns, not 分值 | 执行率得分
    assert glued_labels("年初预算数全年预算数全年执行数分值执行率得分") == [
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
    ]
    # the goal block's two columns run together are cut; two funds labels that make one are not
    assert glued_labels("预期目标实际完成情况") == ["预期目标", "实际完成情况"]
    assert glued_labels("一般公共预算财政拨款") is None


def test_a_copy_in_words_with_labels_run_together_is_read(tmp_path: Path) -> None:
    lines = [
        "项目支出绩效自评表 (2024年度) 项目名称 农家书屋更新项目 主管部门 某县文旅局 实施单位 某县图书馆",
        "项目资金(万元) 年初预算数全年预算数全年执行数分值执行率得分",
        "年度资金总额 52.80 52.80 47.30 10 89.58% 9.50",
        "其中:当年财政拨款 52.80 52.80 47.30",
        "年度总体目标 预期目标实际完成情况 补充更新出版物2.64万册以上。 补充更新出版物2.71万册。",
        "绩效指标 一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施",
        "产出指标 数量指标 补充更新出版物数量 ≥2.64万册 2.71万册 50 50",
        "效益指标 社会效益指标 农家书屋年借阅人次 ≥3万人次 3.42万人次 30 30",
        "满意度指标 服务对象满意度指标 农村群众满意度 ≥90% 95% 10 10",
        "总分 100 99.50",
    ]
    path = tmp_path / "words.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = review(path)
    (t,) = result.report.tables
    # the keys after the title on its line, and each goal under its own label
    assert (t.project, t.department, t.implementer) == (
        "农家书屋更新项目",
        "某县文旅局",
        "某县图书馆",
    )
    assert t.goal_expected == "补充更新出版物2.64万册以上。"
    assert t.goal_actual == "补充更新出版物2.71万册。"
    # 分值 | 执行率 | 得分 as three columns: the rate and the score read, the score checked
    funds = t.funds.annual_total
    assert (funds.weight, funds.rate_pct, funds.score) == (10.0, 89.58, 9.5)
    assert "B103" in {f.code for f in result.findings}  # 9.50 above 10 × 89.58% = 8.96


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
