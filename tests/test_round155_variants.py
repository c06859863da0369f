"""What round 155 of the written tables (cai, caj, cak, cal) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.claims.numerals import parse_numeral
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def _findings(stem: str, code: str) -> dict[str | None, str]:
    return {f.indicator: f.message for f in review(_doc(stem)).findings if f.code == code}


def test_a_chinese_numeral_with_its_decimal_point_is_one_figure() -> None:
    assert parse_numeral("一百零八点六") == 108.6
    assert parse_numeral("二十一点四") == 21.4
    assert parse_numeral("二点五万") == 25000.0
    # cal04: 更换老化管网二十一点四公里 against 21.4公里 had been read as 四公里 (a false N102)
    assert "更换老化管网长度" not in _findings("cal04", "N102")
    # cal01: 惠及项目区农户一万零五十户 against 受益农户数 11500户: the place between the name's
    # words (项目区) no longer hides the row
    assert "一万零五十户" in _findings("cal01", "N102")["受益农户数"]


def test_tenths_are_a_share_in_tens_of_per_cent() -> None:
    # cal06: 留守老人和儿童约占观影人次的三成 against a row of 45%
    assert "三成" in _findings("cal06", "N102")["留守老人儿童观影占比"]
    # cal03: 三成以上 against 33.6% agrees
    assert "N102" not in {f.code for f in review(_doc("cal03")).findings}
    # ct03: 脱贫家庭学生占比约六成 is a share, not the row's 资助对象认定准确率 (a false N102)
    assert "资助对象认定准确率" not in _findings("ct03", "N102")


def test_a_step_it_could_not_take_is_no_measure() -> None:
    # cal02: 部分患者长期外出务工，难以纳入规范管理。 — 规范 there is the cause's, no measure
    assert "高血压患者规范管理人数" in _findings("cal02", "E102")


def test_an_exports_funds_after_its_rows_and_its_project_first() -> None:
    # cak06 (.csv): 年初预算数 … 预算执行率得分 after 偏差原因 were the rows' columns (P103 on
    # each of the four projects: funds missing); 临时救助资金's full score at 96.12% found
    (*_, relief, _) = parse_file(_doc("cak06")).tables
    assert relief.funds.annual_total.full_year_budget == 680.0
    findings = review(_doc("cak06")).findings
    assert not any(f.code == "P103" and "项目资金" in f.message for f in findings)
    assert "B103" in {f.code for f in findings}
    # cak02 (.xlsx): 项目名称 the first column — the opening had moved its cell into 一级指标's,
    # each project's first row read with the project's name in its own
    for table in parse_file(_doc("cak02")).tables:
        assert not any(table.project in i.name for i in table.indicators), table.project


def test_an_investment_completed_is_money_spent() -> None:
    # caj03: 完成投资1260万元 is the year's budget; 1219.68 was spent
    message = _findings("caj03", "N106")[None]
    assert "1260万元" in message and "1,219.68" in message


def test_a_tasks_status_column_and_its_parts() -> None:
    # cai02 (.docx): 任务名称 | 主要内容 | 预算数 | 执行数 | 完成情况 — the 完成情况 column had left
    # every task unread; 其中 lines are parts of the task above, not tasks
    (table,) = parse_file(_doc("cai02")).tables
    assert len(table.tasks) == 10
    public_health = table.tasks[1]
    assert public_health.name == "基本公共卫生服务" and len(public_health.parts) == 2
    assert public_health.status.startswith("已完成")
    assert "医疗服务能力提升" in _findings("cai02", "F105")[None]
    # cai05: a task's 其中 lines adding up to more than it (380.00 + 1080.00 under 1420.00)
    message = _findings("cai05", "F106")[None]
    assert "特困人员救助供养" in message and "1,460" in message
