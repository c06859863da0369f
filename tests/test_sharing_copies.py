"""Text copied from a document-sharing site: the site's lines between pages are taken out and
reported as the site's, and the pages' numbers come off the lines they open."""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.ingest.sharing import SITE_REASON, is_site_line

SITE = ["原创力文档", "max.book118.com", "预览与源文档一致，下载高清无水印"]


def test_a_sites_lines_are_told_from_the_documents() -> None:
    assert is_site_line("道客巴巴 www.doc88.com 下载文档 到手机 收藏")
    assert not is_site_line("项目名称 2025年中小学校园安防提升项目")
    # a long line of the document that names a site is the document's
    assert not is_site_line("实际完成情况 " + "全年完成培训640人次，" * 8 + "资料见原创力文档")


def test_a_sharing_sites_copy_is_read_without_the_sites_lines(tmp_path: Path) -> None:
    lines = [
        "遂昌县2025年校园安防提升项目绩效自评表.doc 原创力文档",
        "1、2025年度项目支出绩效自评表 项目名称 2025年中小学校园安防提升项目 主管部门 遂昌县教育局"
        " 实施单位 遂昌县教育后勤服务中心 项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率"
        " 得分 年度资金总额 320.00 320.00 312.64 10 97.70% 9.77 一级指标 二级指标 三级指标 年度指标值"
        " 实际完成值 分值 得分 偏差原因分析及改进措施 产出指标 数量指标 培训师生人次",
        *SITE,
        "2、≥600人次 640人次 50 50  效益指标 社会效益指标 校园安全隐患整改率 ≥95% 97% 30 30"
        "  满意度指标 服务对象满意度指标 师生满意度 ≥90% 95% 10 10  总分 100 99.77",
        *SITE,
    ]
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = parse_file(path)
    (t,) = report.tables
    assert [(i.name, i.target, i.actual, i.score) for i in t.indicators] == [
        ("培训师生人次", "≥600人次", "640人次", 50.0),
        ("校园安全隐患整改率", "≥95%", "97%", 30.0),
        ("师生满意度", "≥90%", "95%", 10.0),
    ]
    site = [left for left in report.leftovers if left.reason == SITE_REASON]
    assert [(left.location.line, left.text) for left in site][:2] == [
        (1, "遂昌县2025年校园安防提升项目绩效自评表.doc 原创力文档"),
        (3, "原创力文档"),
    ]
