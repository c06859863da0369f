"""Ways of printing the forms met in round 72 of the written tables (pn–pq), a PDF's text runs a
line each as plain pdftotext writes them: a page break inside an indicator row, the header row
printed again on the next page, labels and values wrapped in their narrow columns. Each test
builds the smallest text that shows one, and asserts how it is read.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_form_variants import _written
from tests.test_round68_variants import TEXT_RUNS

# TEXT_RUNS up to its indicators (funds, goals, the page's number, 绩效指标), then its header
# (…偏差原因分析 / 及改进措施) and first categories; the funds' score is 8.81 of 10.
FRONT = TEXT_RUNS[:32]
HEAD = [*FRONT, *TEXT_RUNS[32:45]]
WRITTEN = Path(__file__).resolve().parent.parent / "eval" / "datasets" / "written"
HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]


def _row(name: list[str], target: str, actual: str, weight: str, score: str) -> list[str]:
    return [*name, target, actual, weight, score]


def test_round72_a_page_break_inside_a_row_and_rows_of_equal_figures_after_it(
    tmp_path: Path,
) -> None:
    # pn01: a row's name, target and actual on page 1, its 分值 and 得分 (10 / 10) first on page 2;
    # the 10 that opened page 2 had been taken for the pages' running head, every later 10 / 10
    # for a page's number and its head, and three rows' points lost (a P108 on a clean table)
    lines = [
        *HEAD,
        *_row(["新建高标准农田面", "积"], "≥1.2万亩", "1.2万亩", "20", "20"),
        "示范区亩均节本增效",
        "≥20元",
        "23.6元",
        "- 1 -",
        "县农业农村局2021年度项目支出绩效自评表",
        "20",
        "20",
        "效益指标",
        "社会效益指标",
        # a name's rest before a target of words its actual repeats
        *_row(["带动农户科学施肥", "意识"], "有效提升", "有效提升", "20", "20"),
        "生态效益指标",
        *_row(["示范区化肥使用量", "减少"], "≥3%", "3.4%", "20", "20"),
        "满意度指标",
        "服务对象满意",
        "度指标",
        *_row(["受益群众满意度"], "≥90%", "93%", "10", "10"),
        "总分",
        "100",
        "98.81",
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert [(r.name, r.target, r.actual, r.weight, r.score) for r in t.indicators] == [
        ("新建高标准农田面积", "≥1.2万亩", "1.2万亩", 20.0, 20.0),
        ("示范区亩均节本增效", "≥20元", "23.6元", 20.0, 20.0),
        ("带动农户科学施肥意识", "有效提升", "有效提升", 20.0, 20.0),
        ("示范区化肥使用量减少", "≥3%", "3.4%", 20.0, 20.0),
        ("受益群众满意度", "≥90%", "93%", 10.0, 10.0),
    ]
    assert not t.doubts


def test_round72_the_header_again_after_a_page_break_and_a_category_over_three_lines(
    tmp_path: Path,
) -> None:
    # pn02: the indicator header printed again on page 2, its last label wrapped to one character
    # (偏差原因分析及改进措 / 施): the 施 had been glued to the name of the row before the break;
    # a 二级 wrapped over three lines (服务对象 / 满意度指 / 标) had left its first line to be read
    # as the row's name and the row's cells a column early
    lines = [
        *FRONT,
        *HEADER,
        "偏差原因分析及改进措",
        "施",
        "产出指标",
        "时效指标",
        *_row(["资金拨付及时率"], "=100%", "100%", "40", "40"),
        "第 1 页",
        *HEADER,
        "偏差原因分析及改进措",
        "施",
        "效益指标",
        "可持续影",
        "响指标",
        *_row(["基本公共卫生服务", "长效机制"], "健全", "健全", "40", "40"),
        "满意度指",
        "标",
        "服务对象",
        "满意度指",
        "标",
        *_row(["服务对象满意度"], "≥85%", "90.2%", "10", "10"),
        "总分",
        "100",
        "98.81",
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert [(r.l2, r.name, r.target, r.actual, r.score) for r in t.indicators] == [
        ("时效指标", "资金拨付及时率", "=100%", "100%", 40.0),
        ("可持续影响指标", "基本公共卫生服务长效机制", "健全", "健全", 40.0),
        ("服务对象满意度指标", "服务对象满意度", "≥85%", "90.2%", 10.0),
    ]
    assert not t.doubts


def test_round72_a_key_label_and_a_deadline_wrapped_in_text_runs(tmp_path: Path) -> None:
    # pn05: 部门（单位） / 名称, the key's label wrapped: the department had not been read (a false
    # P103); pn04: a deadline's 前 on a line of its own (2020年12月底 / 前), and the header's
    # …改进 / 措施, had put every later cell of the row one column on
    lines = [
        "项目支出绩效自评表",
        "(2020年度)",
        "项目名称",
        "小型水库维修养护",
        "部门（单位）",
        "名称",
        "县水利局",
        *FRONT[7:],
        *HEADER,
        "偏差原因分析及改进",
        "措施",
        "产出指标",
        "时效指标",
        *_row(["维修养护任务完成", "时限"], "2020年12月底", "前", "2020年11月底", "40"),
        "40",
        "满意度指标",
        "服务对象满意",
        "度指标",
        *_row(["受益群众满意度"], "≥90%", "95%", "50", "50"),
        "总分",
        "100",
        "98.81",
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert t.department == "县水利局"
    assert [(r.name, r.target, r.actual, r.weight, r.score) for r in t.indicators] == [
        ("维修养护任务完成时限", "2020年12月底前", "2020年11月底", 40.0, 40.0),
        ("受益群众满意度", "≥90%", "95%", 50.0, 50.0),
    ]


def test_round72_a_goal_beside_its_blocks_label_under_a_funds_row_in_spaces(
    tmp_path: Path,
) -> None:
    # po04 (an OCR engine's runs of spaces, columns drifting): 年度总体目标 with 预期目标：… beside
    # it, under a funds row whose first column is empty: the goal's lines had been taken as that
    # row's wrapped cells, and the goals said missing (a false P103 error)
    lines = [
        "2020年度中央对地方转移支付区域绩效目标自评表",
        "转移支付（项目）名称     中央财政水利发展资金（小型水库维修养护）",
        "中央主管部门      水利部                    地方主管部门      芷江侗族自治县水利局",
        "省级财政部门      湖南省财政厅              资金使用单位      芷江侗族自治县小型水库管理所      |",
        "资金情况（万元）              全年预算数       全年执行数       执行率",
        "     年度资金总额：             326.00          316.40          97.06%",
        "     其中：中央补助              250.00          245.80         98.32%",
        "          地方资金                76.00           74.60          98.16%",
        "年度总体目标   预期目标：完成42座小型水库维修养护，水库安全鉴定完成率100%，保障水库安全运行，灌溉受益面积3.2万亩以上。",
        "             实际完成情况：完成42座小型水库维修养护，维修养护项目完工率97.6%，汛期无一座水库出险，灌溉受益面积3.3万亩。",
        "（盖章）",
        " 一级指标    二级指标     三级指标                         年度指标值       全年实际完成值      未完成原因分折",
        " 产出指标    数量指标     维修养护小型水库数量              ≥42座            42座",
        "            质量指标      水库安全鉴定完成率                100%             100%",
        "              时效指标    维修养护项目完工率               ≥95%              97.6%",
        " 效益指标    社会效益指标  水库防洪安全保障                 有效保障          有效保障",
        " 3",
        "             经济效益指标  受益灌溉面积                    ≥3.2万亩          3.3万亩",
        "             可持续影响指标 水库管护人员到位率              100%             l00％",
        " 满意度指标  服务对象满意度指标 受益群众满意度            ≥90%              94%",
    ]
    (t,) = parse_file(_written(tmp_path, lines)).tables
    assert t.goal_expected.startswith("完成42座小型水库维修养护，水库安全鉴定完成率100%")
    assert t.goal_actual.startswith("完成42座小型水库维修养护，维修养护项目完工率97.6%")
    local = t.funds.extra["地方资金"]  # the row above the goal keeps its own cells only
    assert (local.full_year_budget, local.executed) == (76.0, 74.6)
    assert [r.name for r in t.indicators][-3:] == [
        "受益灌溉面积",
        "水库管护人员到位率",
        "受益群众满意度",
    ]


def test_round72_a_fields_label_over_three_lines_in_text_runs() -> None:
    # pf01 (plain pdftotext of a 20/80 form): 偏差大或目标 / 未完成原因分 / 析 and 改进措施及结 /
    # 果应用方案, the fields' labels under the rows wrapped in their narrow column: their 无 had
    # been read into the last row and the missed row's missing explanation not reported
    doc = next(WRITTEN.glob("pf/texts/pf01_*"))
    (t,) = parse_file(doc).tables
    assert t.fields.get("deviation_analysis") == "无"
    assert t.fields.get("improvement_measures") == "无"
    assert t.indicators[-1].name == "项目区果农满意度"
    assert "E101" in {f.code for f in review(doc).findings}
