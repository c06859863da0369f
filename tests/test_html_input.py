"""Web pages as input (reviewer/ingest/html.py): a form published as an HTML table, with the
merged cells a browser draws (rowspan, colspan), the text around it, and what a page also holds
(scripts, styles, entities, line breaks in cells)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.api import parse_file
from reviewer.checks import run_checks
from reviewer.cli import main
from reviewer.config import Config
from reviewer.errors import InputError
from reviewer.grid import Grid
from reviewer.ingest import read_grid
from reviewer.parse import parse_grid
from tests.builders import assert_training_form

# The national form as a government site draws it: 项目资金 and 绩效指标 span their rows, each
# 一级 and 二级 label spans its group, 项目名称's value spans the columns to the right.
PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>自评表</title>
<style>td {{ border: 1px solid }}</style><script>var x = "<td>不是表格</td>";</script></head>
<body>
<h2>财政项目支出绩效自评表</h2>
<p>(2023&nbsp;年度)</p>
<table>
<tr><td>项目名称</td><td colspan="7">业务培训</td></tr>
<tr><td>主管部门</td><td colspan="3">某区司法局</td><td>实施单位</td><td colspan="3">某区司法局</td></tr>
<tr><td rowspan="3">项目资金<br>(元)</td><td></td><td>年初预算数</td><td>全年预算数</td>
    <td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>
<tr><td>年度资金总额</td><td>100000.00</td><td>100000.00</td><td>95000.00</td><td>10</td>
    <td>95.00%</td><td>9.5</td></tr>
<tr><td>其中：当年财政拨款</td><td>100000.00</td><td>100000.00</td><td>95000.00</td><td>—</td>
    <td></td><td></td></tr>
<tr><td rowspan="2">年度总体目标</td><td colspan="3">预期目标</td><td colspan="4">实际完成情况</td></tr>
<tr><td colspan="3">组织业务培训10场，培训200人。</td>
    <td colspan="4">全年组织业务培训10场，培训210人。</td></tr>
<tr><td rowspan="5">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td>
    <td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
<tr><td rowspan="2">产出指标</td><td rowspan="2">数量指标</td><td>培训场次</td><td>=10场</td>
    <td>=10场</td><td>40</td><td>40</td><td></td></tr>
<tr><td>培训人数</td><td>&gt;=200人</td><td>=150人</td><td>20</td><td>20</td><td></td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>提升业务能力</td><td>提升</td><td>提升</td><td>20</td>
    <td>20</td><td></td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>参训人员满意度</td><td>&gt;=90%</td>
    <td>=95%</td><td>10</td><td>10</td><td></td></tr>
<tr><td colspan="6">总分</td><td>100</td><td>99.5</td><td></td></tr>
</table>
<p>附：项目现场照片6张</p>
</body></html>
"""


def _page(tmp_path: Path, name: str = "表.html", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    charset = "gb2312" if encoding == "gb18030" else encoding
    path.write_text(PAGE.format(charset=charset), encoding=encoding)
    return path


def test_a_form_drawn_with_merged_cells_is_read_as_printed(tmp_path: Path) -> None:
    report = parse_file(_page(tmp_path))
    assert report.format == "html"
    (t,) = report.tables
    assert_training_form(t)
    # row 10 of the table; 绩效指标, 产出指标 and 数量指标 span down into it from above, so its
    # first cell (培训人数) is in column 4 and its 实际完成值 in column 6, as a browser draws it
    second = t.indicators[1]
    assert second.cells["actual"].describe() == "第1个表格第10行第6格"


def test_the_text_around_the_table_is_read_and_what_is_left_is_reported(tmp_path: Path) -> None:
    report = parse_file(_page(tmp_path))
    assert [lo.text for lo in report.leftovers] == ["附：项目现场照片6张"]  # not silently dropped
    texts = [c.text for r in read_grid(_page(tmp_path)).rows for c in r.cells]
    assert "不是表格" not in " ".join(texts)  # a script is not the page's text
    assert "td {" not in " ".join(texts)


def test_the_review_finds_what_the_table_holds(tmp_path: Path) -> None:
    # 培训人数 met 150 of 200 yet took its full 20 points
    found = {(f.code, f.indicator) for f in run_checks(parse_file(_page(tmp_path)), Config())}
    assert ("S102", "培训人数") in found


def test_a_value_struck_through_is_left_out_and_reported(tmp_path: Path) -> None:
    page = PAGE.format(charset="utf-8").replace(
        "<td>=150人</td>", "<td><del>=180人</del> =150人</td>"
    )
    path = tmp_path / "t.html"
    path.write_text(page, encoding="utf-8")
    report = parse_file(path)
    assert report.tables[0].indicators[1].actual == "=150人"
    (struck,) = [lo for lo in report.leftovers if lo.text == "=180人"]
    assert "删除线" in struck.reason


def test_a_page_in_gbk_named_otherwise_is_told_by_its_content(tmp_path: Path) -> None:
    path = _page(tmp_path, "下载.txt", encoding="gb18030")
    report = parse_file(path)
    assert report.format == "html" and report.tables[0].project == "业务培训"


def test_line_breaks_in_a_cell_are_kept_and_spans_are_bounded(tmp_path: Path) -> None:
    path = tmp_path / "t.html"
    path.write_text(
        "<table><tr><td colspan='99999999'>偏差原因分析<br/>及改进措施</td><td>甲</td></tr>"
        "<tr><td rowspan='x'>乙</td><td>丙</td></tr></table>",
        encoding="utf-8",
    )
    rows = list(read_grid(path).rows)
    assert [[(c.text, c.column) for c in r.cells] for r in rows] == [
        [("偏差原因分析\n及改进措施", 1), ("甲", 200)],  # spans are cut to 200 columns
        [("乙", 1), ("丙", 2)],
    ]


def test_the_command_reviews_a_web_page(tmp_path: Path) -> None:
    out = tmp_path / "复核意见.md"
    assert main([str(_page(tmp_path)), "-o", str(out)]) == 1  # S102 is an error
    assert "培训人数" in out.read_text(encoding="utf-8")


_piece = st.sampled_from(
    [
        "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan='2'>",
        "<td rowspan='3'>", "<br>", "<p>", "</p>", "<script>", "</script>", "项目名称", "分值",
        "绩效指标", "=10场", "100", "&nbsp;", "&lt;", "<div>", "</div>", "<!-- x -->", "<",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_piece, st.text(max_size=5)), max_size=60))
def test_any_page_is_read_without_error_and_every_cell_accounted_for(pieces: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.html"
        path.write_text("<html>" + "".join(pieces), encoding="utf-8")
        try:
            grid = read_grid(path)
            rows = list(grid.rows)
        except InputError:
            return  # an empty page is refused with its reason
        report = parse_grid(Grid(rows=rows, source="t.html"))
        unused = sum(1 for r in rows for c in r.cells if not c.used)
        assert len(report.leftovers) == unused


def _mhtml(
    tmp_path: Path,
    charset: str,
    name: str = "表.mhtml",
    label: str | None = None,
    project: str = "",
) -> Path:
    """The page saved as one file, as a browser saves it: a multipart/related message whose
    first part is the page, quoted-printable, in ``charset`` (labelled ``label`` if given)."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Subject"] = "自评表"
    message.make_related()
    page = PAGE.format(charset=charset).replace("业务培训", project or "业务培训")
    part = EmailMessage()
    part.set_content(page.encode(charset), "text", "html", cte="quoted-printable")
    part.set_param("charset", label or charset)
    message.attach(part)
    path = tmp_path / name
    path.write_bytes(bytes(message))
    return path


def test_a_page_saved_as_one_file_is_read_from_its_html_part(tmp_path: Path) -> None:
    for charset in ("utf-8", "gb18030"):
        report = parse_file(_mhtml(tmp_path, charset))
        assert report.format == "mhtml"
        (t,) = report.tables
        assert (t.project, len(t.indicators), t.total_score) == ("业务培训", 4, 99.5), charset
    # told by its content too
    assert parse_file(_mhtml(tmp_path, "utf-8", "下载.dat")).format == "mhtml"


def test_a_page_labelled_gb2312_is_read_whole_as_gb18030(tmp_path: Path) -> None:
    # 喆 is in GBK/GB18030, not in GB2312: a strict GB2312 decoding would fail or replace it
    path = _mhtml(tmp_path, "gb18030", label="gb2312", project="喆园培训")
    assert parse_file(path).tables[0].project == "喆园培训"


def test_a_single_file_page_without_a_page_in_it_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "空.mhtml"
    path.write_bytes(
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n"
    )
    with pytest.raises(InputError, match="没有 HTML 网页部分"):
        parse_file(path)


def test_cells_a_browser_does_not_show_are_reported_not_read(tmp_path: Path) -> None:
    page = tmp_path / "hidden.html"
    page.write_text(
        """<html><head><meta charset="utf-8"></head><body><table>
<tr><td>项目名称</td><td>某项目</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td>
<td>分值</td><td>得分</td></tr>
<tr><td>产出指标</td><td>时效指标</td><td>完工时间</td><td style="display: none">2021年12月</td>
<td>2021年12月底前</td><td>2022年3月</td><td>10</td><td>10</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>满意度</td><td>≥90%</td><td>95%</td>
<td>10</td><td><span hidden>9</span>10</td></tr>
</table></body></html>""",
        encoding="utf-8",
    )
    report = parse_file(page)
    rows = report.tables[0].indicators
    assert [(i.name, i.target, i.actual, i.score) for i in rows] == [
        ("完工时间", "2021年12月底前", "2022年3月", 10.0),
        ("满意度", "≥90%", "95%", 10.0),
    ]
    hidden = [lo for lo in report.leftovers if "不显示" in lo.reason]
    assert [lo.text for lo in hidden] == ["2021年12月", "9"]


# A transfer-payment form as a county site draws it: each target's unit after a <br>, no
# explanation column, one 偏差原因分析及改进措施 row under the indicators for the whole table.
TRANSFER = """<html><head><meta charset="utf-8"></head><body><table border="1">
<caption>某县2022年度中央财政衔接推进乡村振兴补助资金绩效自评表</caption>
<tr><th colspan="2">转移支付(项目)名称</th><td colspan="6">中央财政衔接推进乡村振兴补助资金</td></tr>
<tr><th colspan="2">中央主管部门</th><td colspan="2">财政部</td>
    <th colspan="2">地方主管部门</th><td colspan="2">某县乡村振兴局</td></tr>
<tr><th rowspan="4">资金情况<br>（万元）</th><th></th><th colspan="2">全年预算数（A）</th>
    <th colspan="2">全年执行数（B）</th><th colspan="2">执行率（B/A）</th></tr>
<tr><td>年度资金总额</td><td colspan="2">6700.00</td><td colspan="2">6512.40</td>
    <td colspan="2">97.20%</td></tr>
<tr><td>其中：中央补助</td><td colspan="2">5200.00</td><td colspan="2">5030.40</td>
    <td colspan="2">—</td></tr>
<tr><td>地方资金</td><td colspan="2">1500.00</td><td colspan="2">1482.00</td>
    <td colspan="2">—</td></tr>
<tr><th rowspan="3">绩<br>效<br>指<br>标</th><th>一级指标</th><th>二级指标</th><th>三级指标</th>
    <th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th></tr>
<tr><td>产出指标</td><td>数量指标</td><td>支持产业项目个数</td><td>≥42<br>个</td><td>45个</td>
    <td>50</td><td>50</td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>监测对象风险消除率</td><td>≥80<br>%</td><td>76%</td>
    <td>50</td><td>50</td></tr>
<tr><th colspan="2">偏差原因分析及改进措施</th><td colspan="6">{said}</td></tr>
</table></body></html>"""


@pytest.mark.parametrize("said", ["无", "无偏差"])
def test_a_transfer_form_s_one_explanation_row_is_its_explanation(
    tmp_path: Path, said: str
) -> None:
    path = tmp_path / "transfer.html"
    path.write_text(TRANSFER.format(said=said), encoding="utf-8")
    report = parse_file(path)
    (t,) = report.tables
    # a value broken over lines in its cell (≥80<br>%) is one value
    assert [i.target for i in t.indicators] == ["≥42个", "≥80%"]
    assert t.fields["deviation_analysis"] == said
    assert "偏差原因分析及改进措施" not in {lo.text for lo in report.leftovers}
    # the missed row has no cause: 无, or 无偏差 beside a shortfall, explains nothing
    found = [f for f in run_checks(report, Config()) if f.code == "E101"]
    assert [f.indicator for f in found] == ["监测对象风险消除率"]


def test_a_pages_footer_after_a_table_without_a_total_is_no_part_of_it(tmp_path: Path) -> None:
    # na05: a transfer form ends with no 总分; the page's share buttons and footer follow
    rows = [
        ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值"],
        ["产出指标", "数量指标", "维修养护工程处数", "≥120处", "126处"],
        ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%"],
    ]
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    page = (
        "<html><body><h2>转移支付区域绩效目标自评表</h2><table><tr><td>转移支付(项目)名称</td>"
        f"<td>农村饮水工程维修养护</td></tr>{table}</table>"
        "<div>分享到：微信 微博</div><div>主办：某县人民政府办公室</div><div>©版权所有</div>"
        "</body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (t,) = parse_file(path).tables
    assert [i.name for i in t.indicators] == ["维修养护工程处数", "受益群众满意度"]
