"""Problems the independent writers labelled in eval/datasets/written, found where they put them.

Each case is one gold problem (its document, row and words in the gold) and the rule that states
it; the review must report that rule on that row. The cases are the problems the first review
of these documents missed or put elsewhere; each names the reading or rule it holds in place.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from reviewer.api import parse_file
from reviewer.model import Finding, Severity
from reviewer.pipeline import review

WRITTEN = Path(__file__).resolve().parents[2] / "eval" / "datasets" / "written"


@cache
def _findings(doc: str) -> tuple[Finding, ...]:
    (path,) = (WRITTEN / doc.split("/")[0] / "texts").glob(doc.split("/")[1] + "*")
    return tuple(review(path).findings)


def _gold_rows(doc: str) -> set[str | None]:
    (path,) = (WRITTEN / doc.split("/")[0] / "gold").glob(doc.split("/")[1] + "*")
    return {p["indicator"] for p in json.loads(path.read_text(encoding="utf-8"))["problems"]}


CASES = [
    # the Hebei form's 预算执行率 row scores the execution: said on that row
    ("a/05", "B103", "预算执行率"),
    ("d/02", "B103", "预算执行率"),
    # a 20/80 form: 时效指标（5分） holds one row, which scores 8
    ("e/05", "S101", "维修任务完成时间"),
    # a 20/80 form: 产出指标(40分) holds rows scoring 40 in all, so each is at full marks
    ("f/06", "S102", "推广脱毒种薯种植面积"),
    # ... and the table's one 偏差大或目标未完成原因分析 field says 无
    ("f/06", "E101", "推广脱毒种薯种植面积"),
    # 社会效益指标(20分) over two rows of 10: 部分落实 kept at the full 10
    ("c/03", "S106", "耕地保护目标责任"),
    # a placeholder left in one row's name is said on that row
    ("c/05", "P106", "65岁及以上老年人健康管理人数(≥**人)"),
    # 持续干旱, 持续降雨: a cause, not a measure
    ("g/02", "E102", "补播牧草出苗成活率"),
    # a form without 分值: a missed target with a cause only
    ("g/06", "E102", "农业生产社会化服务面积"),
    # a 评分表 with a 扣分原因 column: a deducted row with none
    ("h/04", "E101", "预算执行率"),
    # sets i–n, first run: a target still the template's placeholder (≥**人)
    ("i/i04", "P106", "聘用保洁员人数"),
    ("k/k02", "P106", "健身设施完好率"),
    ("m/m02", "P106", "县道日常养护单价"),
    # 各项绩效目标全部完成 beside a missed row
    ("n/n4", "N108", "新增校舍面积"),
    # sets o–t: a row with name, target and 分值 only, its self-evaluation left undone
    ("r/r06", "P107", "师生满意度"),
    # 项目资金到位率 filed as a benefit
    ("n/n4", "P110", "项目资金到位率"),
    # sets u–z: columns named 计划值/实际值/标准分/自评分: a score above its weight
    ("u/u01", "S101", "受益群众满意度"),
    # 2023年第三季度 against 2023年11月: a quarter ends with its last month
    ("y/y01", "S102", "管护工程完工时间"),
    # a web page's second table published as a picture (<img alt="绩效自评表">): said unread
    ("di/di05", "P111", None),
]


@pytest.mark.parametrize(("doc", "code", "row"), CASES, ids=[f"{d}-{c}" for d, c, _ in CASES])
def test_labelled_problem_found_on_its_row(doc: str, code: str, row: str | None) -> None:
    assert row in _gold_rows(doc)  # the case is the writer's label, not ours
    assert any(f.code == code and f.indicator == row for f in _findings(doc))


def test_implied_weight_is_said_to_be_implied() -> None:
    (f,) = [f for f in _findings("e/05") if f.code == "S101"]
    assert "本表无分值列" in f.message and "时效指标" in f.message


def test_deadline_done_is_not_a_missing_quantity() -> None:
    # 2020年11月底前完成 against 已完成: no quantity is asked for (S108 was a false alarm)
    assert not [f for f in _findings("c/06") if f.code == "S108"]


def test_explanation_wrapped_over_a_break_stays_with_its_row() -> None:
    # the line above a blank line continued 项目完工时间's sentence; it had gone to the next row
    found = _findings("h/05")
    assert not [f for f in found if f.code == "E103" and f.indicator == "户均改厕补助标准"]


@pytest.mark.parametrize(
    ("doc", "row"),
    [
        ("m/m04", "居民健康素养水平"),  # 有所提高 against 有所提高: met, not partly
        ("l/l01", "补贴资金发放完成时间"),  # 6月25日 against 6月30日前: a date, not a unit
        ("l/l01", "“三公”经费支出"),  # 较上年下降6.2% against ≤上年: met
    ],
)
def test_nothing_said_on_rows_the_writer_found_right(doc: str, row: str) -> None:
    assert row not in _gold_rows(doc)
    assert not [f for f in _findings(doc) if f.indicator == row]


def test_no_errors_or_warnings_on_the_clean_documents() -> None:
    clean = ("a/03", "g/03", "e/06", "i/i03", "n/n2", "m/m05", "l/l04", "o/o5", "t/t05", "s/s03")
    for doc in (*clean, "s/s05", "s/s01"):
        assert not _gold_rows(doc)  # the writer labelled no problem
        loud = [f for f in _findings(doc) if f.severity is not Severity.INFO]
        assert loud == [], doc


# Tables the writers of sets u–z, aa–af, ba–bf and later labelled no problem in, in documents holding others too (or
# alone): their harmless variation (a total rounded to one decimal, a zero-budget project, a
# date followed by its verb, 7个县（市、区）…) gets no error or warning.
_CLEAN_TABLES = [
    ("u/u02", 0),
    ("u/u04", 0),
    ("v/v06", 0),
    ("w/w04", 0),
    ("w/w05", 0),
    ("x/x03", 0),
    ("x/x06", 0),
    ("y/y01", 0),
    ("y/y02", 1),
    ("y/y03", 0),
    ("y/y04", 1),
    ("y/y05", 0),
    ("y/y06", 1),
    ("z/z05", 0),
    # sets aa–af (ad01's and ad05's clean tables print 万亩 against 亩, which S108 reports as
    # D8 asks; their writer called it harmless: the disagreement is in the written README)
    ("aa/aa04", 0),
    ("aa/aa06", 0),
    ("ab/ab02", 1),
    ("ab/ab05", 0),
    ("ac/ac06", 0),
    ("ad/ad02", 1),
    ("ad/ad03", 1),
    ("ad/ad04", 0),
    ("ae/ae03", 0),
    ("ae/ae06", 0),
    ("af/af02", 1),
    ("af/af05", 0),
    # sets ba–bf (be06's narrative is 0.85 like its goal: N101, left out)
    ("bb/bb1a", 1),
    ("bc/bc01", 1),
    ("bc/bc02", 1),
    ("bc/bc03", 1),
    ("bc/bc05", 1),
    ("bc/bc06", 0),
    ("bc/bc06", 1),
    ("bd/bd04", 1),
    ("bd/bd06", 0),
    ("be/be05", 0),
    ("bf/bf02", 0),
    ("bf/bf04", 1),
    # sets ca–cf (ca02's second table's sources add to 0.01 万元 less than their total: said
    # as rounding, information)
    ("ca/ca01", 0),
    ("ca/ca02", 1),
    ("ca/ca03", 1),
    ("ca/ca04", 1),
    ("ca/ca05", 1),
    ("ca/ca06", 1),
    ("ce/ce01", 1),
    ("ce/ce02", 1),
    ("ce/ce03", 1),
    ("ce/ce04", 1),
    ("ce/ce05", 1),
    ("ce/ce06", 0),
    ("cf/cf02", 1),
    ("cf/cf06", 0),
    ("cc/cc1_jiangxi_yudu_weijian_2022.", 1),  # the PDF (its text is still misread)
    # sets cg–cl (the new sets of this stop; cl01's text is said to be misread, not reviewed)
    ("cg/cg01", 1),
    ("cg/cg05", 0),
    ("ch/ch02", 0),
    ("ch/ch03", 1),
    ("ch/ch06", 0),
    ("ci/ci04", 0),
    ("ci/ci04", 1),
    ("cj/cj02", 0),
    ("cj/cj06", 0),
    ("ck/ck01", 2),
    ("ck/ck01", 4),
    ("ck/ck02", 1),
    ("ck/ck02", 4),
    ("ck/ck03", 0),
    ("ck/ck04", 0),
    ("ck/ck05", 0),
    ("ck/ck06", 1),
    ("cl/cl01_guangxi_deling_nongyenongcun_2021_nogrid.", 1),
    # sets cm–cr (cp01 states its own 60/20/10 split, which W102 reports as the corpus's
    # calibration asks; cr02's t4 prints 96% on two rows with different targets: S109)
    ("cm/cm03", 0),
    ("cm/cm06", 0),
    ("cn/cn03", 0),
    ("cn/cn05", 1),
    ("co/co01", 0),
    ("co/co02", 1),
    ("co/co03", 1),
    ("co/co04", 1),
    ("co/co05", 1),
    ("co/co06", 1),
    ("cp/cp03", 0),
    ("cr/cr01", 0),
    ("cr/cr01", 4),
    ("cr/cr01", 7),
    ("cr/cr02", 1),
    ("cr/cr02", 6),
    ("cr/cr02", 8),
    ("cr/cr03", 1),
    ("cr/cr03", 3),
    ("cr/cr03", 6),
    ("cr/cr04", 0),
    ("cr/cr04", 3),
    ("cr/cr04", 6),
    ("cr/cr04", 8),
    ("cr/cr05", 0),
    ("cr/cr05", 4),
    ("cr/cr05", 7),
    ("cr/cr06", 0),
    ("cr/cr06", 3),
    ("cr/cr06", 4),
    # sets cs–cy
    ("cs/cs02", 0),
    ("cs/cs03", 0),
    ("ct/ct02", 0),
    ("ct/ct03", 0),
    ("ct/ct04", 0),
    ("ct/ct06", 0),
    ("cv/cv02", 0),
    ("cv/cv05", 1),
    ("cw/cw01", 0),
    ("cw/cw06", 0),
    ("cx/cx02", 0),
    ("cx/cx05", 0),
    ("cy/cy01", 1),
    ("cy/cy04", 0),
    # sets cz–de
    ("cz/cz02", 0),
    ("cz/cz04", 0),
    ("da/da04", 0),
    ("db/db02", 0),
    ("dc/dc03", 0),
    ("dd/dd04", 1),
    ("de/de01", 1),
    ("de/de05", 0),
    # sets df–dk
    ("df/df04", 0),
    ("dg/dg04", 0),
    ("dg/dg06", 1),
    ("dh/dh05", 0),
    ("dh/dh06", 0),
    ("di/di04", 0),
    ("dj/dj01", 0),
    ("dj/dj03", 0),
    ("dk/dk06", 0),
    # sets dl–dr (do05's table 4 apart: its writer found its 76.40% execution explained by
    # the narrative, where B105 still sets it beside near-full scores)
    ("dl/dl04", 0),
    ("dl/dl06", 0),
    ("dm/dm05", 0),
    ("dm/dm06", 1),
    ("do/do01", 2),
    ("do/do01", 10),
    ("do/do01", 18),
    ("do/do02", 0),
    ("do/do02", 4),
    ("do/do03", 3),
    ("do/do04", 1),
    ("do/do05", 0),
    ("do/do06", 1),
    ("dq/dq03", 1),
    ("dq/dq06", 0),
    ("dn/dn02", 0),
    ("dr/dr01", 0),
    ("dr/dr02", 0),
    # sets du–dx (du06's table 1 apart: two rows with the same 92% against different targets,
    # S109's question, the writer's harmless variation)
    ("du/du02", 0),
    ("dv/dv04", 0),
    ("dw/dw02", 0),
    ("dx/dx05", 0),
    ("dt/03_h", 0),
    # sets dy, dz, ea (dz01: its header's typo 实际完成清况 leaves the actual unread, P103; ea02:
    # a met row's note says 压力不足, which E103 reads as a shortfall beside full marks)
    ("dy/dy02", 0),
    ("dz/dz02", 0),
    ("dz/dz02", 1),
    ("dz/dz04", 0),
    ("dz/dz06", 1),
    # sets eb–eg (the OCR set ec apart: its clean tables are said to be misread)
    ("eb/eb02", 0),
    ("eb/eb05", 0),
    ("ed/ed01", 1),
    ("ee/ee01", 1),
    ("ee/ee02", 1),
    ("ee/ee04", 1),
    ("ef/ef05", 0),
    ("eg/eg01", 1),
    ("eg/eg04", 0),
    # sets eh–em
    ("eh/eh04", 0),
    ("ei/ei02", 0),
    ("ei/ei05", 1),
    ("ej/ej04", 0),
    ("ek/ek04", 1),
    ("el/el04", 0),
    ("em/em01", 0),
    ("em/em05", 1),
    # sets en–et (en06 apart: N105 misses 巡山护林315天 for the goal's 巡护不少于300天; er04
    # apart: a percentage run into a figure in a 扣分原因 is read as a sign of a misread)
    ("en/en05", 0),
    ("eo/eo06", 0),
    ("ep/ep01", 1),
    ("es/es02", 1),
    ("et/et01", 1),
    ("et/et06", 0),
    # sets eu–fb (fb04 apart: its sources by income read as a national form's, a false F101)
    ("eu/eu02", 0),
    ("eu/eu06", 0),
    ("ev/ev04", 0),
    ("ex/ex02", 1),
    ("ex/ex04", 0),
    ("ey/ey03", 0),
    ("fa/fa04", 0),
    ("fb/fb01", 0),
    ("fb/fb03", 0),
    ("fb/fb05", 0),
    # sets fc–fh
    ("fc/fc03", 0),
    ("fc/fc05", 0),
    ("fc/fc06", 0),
    ("fd/fd02", 1),
    ("fd/fd04", 1),
    ("fd/fd06", 0),
    ("fe/fe01", 1),
    ("fe/fe04", 1),
    ("ff/ff03", 0),
    ("ff/ff06", 0),
    ("fh/fh03", 2),
    # sets fi–fn (fn apart: pdftotext -layout text loses rows)
    ("fi/fi01", 0),
    ("fi/fi03", 1),
    ("fi/fi04", 1),
    ("fj/fj04", 0),
    ("fj/fj06", 0),
    ("fk/fk02", 0),
    ("fk/fk05", 0),
    ("fl/fl01", 0),
    ("fl/fl01", 1),
    ("fl/fl02", 0),
    ("fl/fl06", 0),
    ("fm/fm03", 0),
    ("fm/fm06", 0),
    # sets fo–ft
    ("fo/fo04", 1),
    ("fo/fo06", 1),
    ("fp/fp03", 1),
    ("fp/fp04", 0),
    ("fq/fq03", 0),
    ("fr/fr01", 0),
    ("fr/fr02", 0),
    ("fr/fr03", 0),
    ("fr/fr05", 0),
    ("fs/fs01", 0),
    ("fs/fs05", 1),
    ("ft/ft06", 1),
    # sets fu–fz (fu's OCR apart, said misread or its seal read into names)
    ("fu/fu04", 0),
    ("fv/fv02", 0),
    ("fv/fv05", 0),
    ("fx/fx01", 0),
    ("fx/fx02", 0),
    ("fx/fx03", 1),
    ("fx/fx04", 0),
    ("fy/fy02", 1),
    ("fy/fy05", 0),
    ("fw/fw01", 1),
    ("fw/fw01", 2),
    ("fw/fw02", 2),
    ("fw/fw03", 0),
    ("fw/fw03", 1),
    ("fw/fw03", 2),
    ("fw/fw03", 3),
    ("fw/fw06", 1),
]


@pytest.mark.parametrize(
    ("doc", "table"), _CLEAN_TABLES, ids=[f"{d}-t{t}" for d, t in _CLEAN_TABLES]
)
def test_no_errors_or_warnings_on_the_clean_tables(doc: str, table: int) -> None:
    (path,) = (WRITTEN / doc.split("/")[0] / "gold").glob(doc.split("/")[1] + "*")
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert table < len(gold["tables"]) and table not in {p["table"] for p in gold["problems"]}
    loud = [
        (f.code, f.indicator)
        for f in _findings(doc)
        if f.table_index == table and f.severity is not Severity.INFO
    ]
    assert loud == []


def test_an_excerpt_beginning_inside_the_block_infers_its_lost_category() -> None:
    # t01 begins at the indicator rows: 产出指标 was printed on the page before, 效益<br>指标 below
    # the 二级 labels 数量指标 … 成本指标 of the first rows; those rows are 产出, as their 二级 says
    (path,) = (WRITTEN / "t" / "texts").glob("t01*")
    rows = review(path).report.tables[0].indicators
    assert [(i.l1, i.l2) for i in rows[:6]] == [
        ("产出指标", "数量指标"),
        ("产出指标", "数量指标"),
        ("产出指标", "质量指标"),
        ("产出指标", "时效指标"),
        ("产出指标", "成本指标"),
        ("效益指标", "经济效益指标"),
    ]
    assert not [f for f in _findings("t/t01") if f.code in ("P104", "W102")]


def test_a_20_80_form_typed_as_a_list_takes_each_rows_points_from_its_label() -> None:
    # en04: 1、数量指标（10分）——维修养护农村供水工程处数：年初目标值≥85处，实际完成值91处，
    # 得分10分。: a 20/80 form prints no 分值 column; the points its label states are the row's
    (path,) = (WRITTEN / "en" / "texts").glob("en04*")
    (t,) = parse_file(path).tables
    first = t.indicators[0]
    assert (first.l1, first.l2, first.name) == ("产出指标", "数量指标", "维修养护农村供水工程处数")
    assert (first.target, first.actual, first.weight, first.score) == ("≥85处", "91处", 10.0, 10.0)


def test_a_self_evaluation_headed_as_a_rubric_is_not_doubted_for_printing_no_targets() -> None:
    # er04: a 部门整体支出绩效自评表 headed 分值 | 自评得分 | 扣分原因, as a 评分表 is: rows of
    # points only are no sign of columns read wrong (26 rows had been said to lack their
    # targets and actuals)
    (path,) = (WRITTEN / "er" / "texts").glob("er04*")
    (t,) = parse_file(path).tables
    assert len(t.indicators) == 26
    assert not any("没有读到年度指标值" in d.reason for d in t.doubts)
