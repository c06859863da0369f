"""Claim extraction: numerals, measure words, approximations, ranges, plan language,
enumerations, and what is not a claim."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.api import parse_file
from reviewer.claims import (
    Claim,
    analyse,
    claims_by_table,
    claims_for_prompt,
    extract,
    extract_claims,
    parse_chinese,
    parse_numeral,
)
from reviewer.model import CellRef
from tests.builders import make_table
from tests.conftest import SEED


def claims(text: str, source: str = "goal_actual") -> list[Claim]:
    table = make_table(goal_actual=text, goal_expected="")
    if source == "goal_expected":
        table = make_table(goal_expected=text, goal_actual="")
    return [c for c in extract_claims(table) if c.source == source]


def one(text: str) -> Claim:
    found = claims(text)
    assert len(found) == 1, found
    return found[0]


def items(text: str) -> list[tuple[int, tuple[str, ...]]]:
    ex = extract(make_table(goal_actual=text, goal_expected=""))
    return [(e.announced, e.items) for e in ex.enumerations]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("八", 8),
        ("两", 2),
        ("一百零五", 105),
        ("三百", 300),
        ("两千", 2000),
        ("一万二千", 12000),
        ("三千万", 30_000_000),
        ("一亿五千万", 150_000_000),
    ],
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert parse_chinese(text) == value
    assert parse_numeral(text) == value


@pytest.mark.parametrize(
    ("text", "value"), [("九十七点八二", 97.82), ("八十五点五", 85.5), ("零点五", 0.5)]
)
def test_chinese_numerals_with_a_decimal_point(text: str, value: float) -> None:
    assert parse_numeral(text) == value


def test_a_percentage_in_words_keeps_its_decimals_and_their_step() -> None:
    # kj01: 执行率百分之九十七点八二 is 97.82%, not 97%
    (c,) = claims("全年执行率百分之九十七点八二。")
    assert (c.number, c.unit, c.step) == (97.82, "%", 0.01)


@pytest.mark.parametrize("text", ["四五", "十四五", "二〇二三", "千", "万", "三百五千", "十件"])
def test_not_one_chinese_number(text: str) -> None:
    assert parse_chinese(text) is None
    assert parse_numeral(text + "点") is None  # a point with no digit after it


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.5万", 15000), ("1,200", 1200), ("20", 20), ("99.71", 99.71), ("2亿", 2e8), ("３", 3)],
)
def test_arabic_numerals(text: str, value: float) -> None:
    assert parse_numeral(text) == value


@pytest.mark.parametrize(
    ("text", "quantity", "number", "unit", "noun"),
    [
        ("评选优秀案例十件。", "十件", 10, "件", "优秀案例"),
        ("产生优秀案例10篇。", "10篇", 10, "篇", "优秀案例"),
        ("对八类人员开展培训。", "八类", 8, "类", "人员开展培训"),
        ("组织两场培训。", "两场", 2, "场", "培训"),
        ("服务群众1.5万人次。", "1.5万人次", 15000, "人次", "服务群众"),
        ("完成一百零五名学员培训。", "一百零五名", 105, "名", "学员培训"),
        ("全年培训１２０人。", "１２０人", 120, "人", "全年培训"),
        ("群众满意度95.5%。", "95.5%", 95.5, "%", "群众满意度"),
        ("百分之九十五的群众表示满意。", "百分之九十五", 95, "%", ""),
        ("共1,200人参加。", "1,200人", 1200, "人", "参加"),
        ("扶助对象4 000名。", "4 000名", 4000, "名", "扶助对象"),  # thousands by a space
    ],
)
def test_quantity_unit_and_noun(
    text: str, quantity: str, number: float, unit: str, noun: str
) -> None:
    c = one(text)
    assert (c.text, c.number, c.unit, c.noun) == (quantity, number, unit, noun)
    assert (c.op, c.approx, c.promise) == ("=", False, False)
    assert text[c.start : c.end] == c.text  # offsets point into the text as printed


@pytest.mark.parametrize(
    ("text", "op", "low", "high", "approx"),
    [
        ("服务二十余家企业。", "range", 20, 30, True),
        ("服务20多家企业。", "range", 20, 30, True),
        ("建成十几个站点。", "range", 10, 19, True),
        ("服务1万余人。", "range", 10000, 20000, True),
        ("开展3-5次宣传。", "range", 3, 5, False),
        ("开展3至5次宣传。", "range", 3, 5, False),
        ("开展3～5次宣传。", "range", 3, 5, False),
        ("约200人参加。", "~", 200, None, True),
        ("培训100人左右。", "~", 100, None, True),
        ("培训100人以上。", ">=", 100, None, True),
        ("满意度达到80%以上。", ">=", 80, None, True),
        ("费用控制在5万元以内。", "<=", 50000, None, True),
    ],
)
def test_ranges_and_approximations(
    text: str, op: str, low: float, high: float | None, approx: bool
) -> None:
    c = one(text)
    assert (c.op, c.number, c.upper, c.approx) == (op, low, high, approx)


def test_agreement_follows_the_claim_bounds() -> None:
    assert one("服务二十余家企业。").agrees(25) and not one("服务二十余家企业。").agrees(5)
    assert one("约200人参加。").agrees(180) and not one("约200人参加。").agrees(150)
    assert one("培训100人以上。").agrees(120) and not one("培训100人以上。").agrees(90)
    assert one("开展3-5次宣传。").agrees(4) and not one("开展3-5次宣传。").agrees(6)
    exact = one("培训10场。")
    assert exact.agrees(10) and not exact.agrees(11)
    assert exact.agrees(8, 12)  # a target range 8-12场 holds 10
    assert one("满意度92%。").agrees(92.23)  # printed rounding
    money = one("支出资金9.5万元。")
    assert money.value_yuan == 95000 and money.agrees(95000) and not money.agrees(98000)


@pytest.mark.parametrize(
    "text",
    [
        "2023年9月完成。",  # years and months
        "2022年9月-2023年9月期间开展。",
        "入选第三批示范区。",  # ordinal
        "根据沪财行（2015）64号文件。",  # document number
        "G60九城市联动。",  # a number glued to Latin letters
        "推进“三项制度”落实。",  # quoted names
        "学习《十条措施》。",
        "举办一次性培训，形成一份报告。",  # 一 as an article
        "推进五位一体建设。",  # idiom: a numeral right after the measure word
        "工期3个月。",  # duration
        "十四五规划。",
        "提高2倍。",
    ],
)
def test_not_claims(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "组织并开展不少于2次专家研讨会。",
        "确保调解成功率达到80%以上。",
        "力争培训200人。",
        "计划培训200人。",
        "拟于12月前完成5项。",
        "预计完成5项。",
        "将于年底前完成5项。",
    ],
)
def test_promises(text: str) -> None:
    assert one(text).promise


@pytest.mark.parametrize(
    "text", ["全年培训200人。", "按计划完成培训200人。", "已完成5项。", "将培训款项3万元转入当地。"]
)
def test_results(text: str) -> None:
    assert not one(text).promise


def test_next_year_plans_are_future_not_results() -> None:
    done, planned = claims("全年培训8场。下一步将开展培训10场。")
    assert planned.future and planned.number == 10
    assert not done.future and done.number == 8


@pytest.mark.parametrize(
    "text",
    [
        "较上年增加20人。",  # a change
        "同比增长20%。",
        "其中律师5人。",  # a part
        "人均培训成本100元。",  # per head
        "2022年培训300人。",  # another year (the table is 2023)
        "近三年累计培训3000人。",
    ],
)
def test_not_comparable_levels(text: str) -> None:
    assert not one(text).comparable


def test_chinese_comma_does_not_join_numbers() -> None:
    # 18，361个: a scan's thousands (18,361) or a list's 18 and 361, no telling: no claim of 361
    # nor of 18,361; after a word the comma parts two figures
    assert claims("服务18，361个村居。") == []
    assert claims("新建示范园1，200亩。") == []
    found = claims("服务18个乡镇，361个村居。")
    assert [(c.text, c.number) for c in found] == [("18个", 18), ("361个", 361)]


def test_claim_quotes_its_sentence_and_cell() -> None:
    ref = CellRef(text="……", line=12, column=5)
    text = "全年组织培训10场。评选优秀案例十件，表彰先进。"
    table = make_table(goal_actual=text, goal_expected="", cells={"goal_actual": ref})
    c = next(c for c in extract_claims(table) if c.text == "十件")
    assert c.sentence == "评选优秀案例十件，表彰先进。"
    assert c.clause == "评选优秀案例十件" and c.sentence in text
    assert c.location == ref and c.source == "goal_actual"


# Enumerations ----------------------------------------------------------------------------


def test_enumeration_with_dunhao_keeps_he_inside_an_item() -> None:
    text = "对八类人员开展业务培训，包括社区矫正和安帮工作人员业务培训、人民调解员业务培训、律师业务培训，更好掌握技能。"
    assert items(text) == [
        (8, ("社区矫正和安帮工作人员业务培训", "人民调解员业务培训", "律师业务培训"))
    ]


def test_enumeration_splits_the_last_item_at_he() -> None:
    assert items("开展四类活动：宣传、培训、调研和评估。") == [
        (4, ("宣传", "培训", "调研", "评估"))
    ]
    assert items("开展三类活动，包括宣传、培训以及调研。") == [(3, ("宣传", "培训", "调研"))]


def test_enumeration_with_commas_after_a_colon() -> None:
    assert items("开展四类活动：宣传，培训，调研。") == [(4, ("宣传", "培训", "调研"))]
    ex = extract(make_table(goal_actual="开展两类活动：宣传，培训，取得良好效果。"))
    (e,) = ex.enumerations
    assert e.may_overrun and len(e.items) == 3  # the last "item" may be the next clause


def test_enumeration_with_semicolons_and_ordinals() -> None:
    assert items("完成三个方面工作：加强宣传；开展培训；推进调研。") == [
        (3, ("加强宣传", "开展培训", "推进调研"))
    ]
    assert items("主要做了三项工作：一是宣传；二是培训。") == [(3, ("一是宣传", "二是培训"))]


def test_targets_set_out_under_a_count_are_not_the_kinds_it_counts() -> None:
    # 12类服务 is the national programme's name; the targets after its colon are not its kinds
    text = "提供12类国家基本公共卫生服务：建档率保持在90%以上；规范管理率达到70%以上。"
    (e,) = extract(make_table(goal_expected=text, goal_actual="")).enumerations
    assert e.announced == 12 and len(e.items) == 2 and e.may_fall_short
    (kinds,) = extract(
        make_table(goal_expected="开展三类活动：宣传；培训。", goal_actual="")
    ).enumerations
    assert not kinds.may_fall_short  # kinds named without figures: one is missing


def test_enumeration_in_brackets_and_before_its_count() -> None:
    assert items("按照5项（水费、电费、通讯费、网络费、邮寄费）缴纳。") == [
        (5, ("水费", "电费", "通讯费", "网络费", "邮寄费"))
    ]
    assert items("完成宣传、培训和调研三项任务。") == [(3, ("完成宣传", "培训", "调研"))]


@pytest.mark.parametrize(
    "text",
    [
        "对八类人员开展业务培训，更好掌握技能。",  # no list
        "完成三项工作，包括宣传、培训等。",  # 等: examples only
        "重点做好宣传、培训等五项工作。",
        "通过对全区18个街镇（经开区）开展测评。",  # a bracket that is not a list
        "包括社区矫正和安帮工作人员业务培训的两类培训。",  # 和 alone is not a separator
        "开展三类培训，共培训200人，包括律师、调解员。",  # the list belongs to another figure
        # a count in the last item's name, the list going on with 等 (两项补贴: a policy's)
        "落实城乡低保、特困人员供养、残疾人两项补贴等社会救助政策。",
    ],
)
def test_not_enumerations(text: str) -> None:
    assert items(text) == []


# The seed and the prompt -------------------------------------------------------------------


def test_seed_training_enumeration_lists_seven_of_eight() -> None:
    table = next(t for t in parse_file(SEED).tables if t.project == "业务培训")
    (e,) = analyse(table).enumerations
    assert (e.announced, len(e.items), e.announce_text) == (8, 7, "八类")
    assert e.items[0] == "社区矫正和安帮工作人员业务培训"
    assert e.sentence in table.goal_actual and e.location == table.cells["goal_actual"]


def test_claims_for_prompt_names_figures_and_rows() -> None:
    report = parse_file(SEED)
    by_table = claims_by_table(report)
    training = next(i for i, t in enumerate(report.tables) if t.project == "业务培训")
    assert any("称“八类”，列举7项" in line for line in by_table[training])
    stations = next(i for i, t in enumerate(report.tables) if t.project == "公共法律服务")
    line = next(x for x in by_table[stations] if "20余家" in x)
    assert line.startswith("预期目标：") and "约数" in line
    assert "「公共法律服务特色站室测评家数」年度指标值=5家" in line
    empty = next(i for i, t in enumerate(report.tables) if t.project == "行政复议")
    assert empty not in by_table  # no figures in its narrative
    assert claims_for_prompt(report.tables[training]) == by_table[training]


def test_excerpt_does_not_cut_a_latin_word() -> None:
    table = next(t for t in parse_file(SEED).tables if t.project == "司法行政宣传")
    c = next(c for c in extract_claims(table) if c.text == "4次")
    assert c.excerpt.startswith("…G60九城市") and c.excerpt.endswith("…")
    assert c.excerpt.strip("…") in c.clause


# Narrative text drawn from the extractor's own vocabulary, so that generated texts reach the
# numerals, units, markers and lists rather than stopping at the first character.
PIECES = [
    *"0123456789一二两三十百千万余多几约、，。；：（）()“”《》-至和及等第G.% ",
    "１２",
    "类",
    "项",
    "人",
    "次",
    "家",
    "万元",
    "元",
    "个月",
    "年",
    "月",
    "包括",
    "一是",
    "二是",
    "不少于",
    "确保",
    "下一步将",
    "其中",
    "较上年增加",
    "以上",
    "左右",
    "培训",
    "资金",
    "执行率",
    "八类人员，包括",
    "三项：",
    "5项(",
    "二十余家",
    "十件",
    "3-5次",
    "1.5万人次",
    "约20人",
    "律师、调解员和公证员",
    "宣传；培训；调研",
    "水费、电费）",
]


@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
@settings(max_examples=300, deadline=None)
def test_extraction_never_raises_and_quotes_verbatim(text: str) -> None:
    table = make_table(goal_actual=text, goal_expected=text[::-1])
    a = analyse(table)
    for c in a.claims:
        source = table.goal_actual if c.source == "goal_actual" else table.goal_expected
        assert source[c.start : c.end] == c.text
        assert c.text in c.sentence and c.sentence in source
        assert c.upper is None or c.upper >= c.number
        c.noun, c.excerpt  # noqa: B018 -- computed on demand, must not raise
    for e in a.enumerations:
        assert len(e.items) >= 2 and all(e.items) and e.sentence
    claims_for_prompt(a)
