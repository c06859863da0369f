"""What round 139 of the written tables (zu, zv, zw, zx) showed, asserted on the written
documents whose text is the point."""

from __future__ import annotations

from reviewer.api import parse_file
from reviewer.pipeline import review
from tests.test_round73_variants import _doc


def _findings(stem: str, code: str) -> list[str]:
    return [f.message for f in review(_doc(stem)).findings if f.code == code]


def test_the_tasks_rules_find_what_their_writer_planted() -> None:
    # zx01 (pdftotext -layout): 动物疫病防控 214.35 against 186.00; zx03 (a web page, rowspan):
    # the 合计 of 执行数 6,072.96 against the tasks' 5,972.96
    (overspent,) = _findings("zx01", "F105")
    assert "动物疫病防控" in overspent and "214.35" in overspent
    (total,) = _findings("zx03", "F106")
    assert "6,072.96" in total and "5,972.96" in total


def test_an_overspend_explained_in_the_tasks_own_cell_is_not_said() -> None:
    # zx05 (.xlsx): 地质灾害防治's 主要内容 says the 26.40万元 over its budget was 调剂 from
    # another task (a trap its writer set)
    assert _findings("zx05", "F105") == []


def test_the_tasks_headers_unit_under_its_labels_is_read_with_them() -> None:
    # zx06 (tabs): 预算数 / 执行数 over （万元） | （万元）: the tasks had been left unparsed
    (table,) = parse_file(_doc("zx06")).tables
    assert [k.name for k in table.tasks] == [
        "中小河流治理",
        "农村饮水安全巩固提升",
        "水土保持",
        "河湖长制",
    ]
    assert table.tasks_total is not None and table.tasks_total.executed == 6415.65
    assert _findings("zx06", "F106") == []  # the 合计 adds up


def test_a_key_and_a_units_name_run_together_are_both_read() -> None:
    # zx04 (OCR in runs of spaces): 部门（单位)名称 商水县民政局, one space lost: a false P103 error
    (table,) = parse_file(_doc("zx04")).tables
    assert table.department == "商水县民政局"
    assert _findings("zx04", "P103") == []


def test_the_general_budgets_money_under_the_total_is_its_appropriation() -> None:
    # zu06 (a Hebei web page): 其中：一般公共预算资金 | 185.00 … had been left unread, the sources
    # then summing to 0.00 against 185.00 (a false F101 error)
    (table,) = parse_file(_doc("zu06")).tables
    assert table.funds.current_year_appropriation.full_year_budget == 185.0
    assert _findings("zu06", "F101") == []


def test_a_date_within_a_window_of_months_meets_it() -> None:
    # zv05: 2020年10月-12月 against 2020年12月: said missed at full marks (false S102 and E101)
    assert _findings("zv05", "S102") == []
    assert _findings("zv05", "E101") == []
