"""The form families reviewers receive, as data: one place to read and extend.

Each family declares how it is recognised (its title and signature labels), the labels of its
header, funds block, goal block and indicator columns, and its scoring conventions. The parser
reads every family into the same EvaluationTable; the family's conventions tell the rules what
the form promises (execution worth 10 or 20, 分值 or 权重, whether rows are scored at all), and
its printed labels let the memo speak the form's own words.

Labels are matched on normalised text (simplified characters, no spaces, ASCII brackets): a
label here is written that way. A label ending in ``*`` matches as a prefix, so that
``产出指标(50分)`` or ``全年执行数(B)`` match ``产出指标*`` / ``全年执行数*``.

To add a family: copy the closest one, change its signatures and the labels that differ, and
add a small table in that family's own labels to ``tests/forms/`` (see the existing ones).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Subject = Literal["project", "department"]
WeightSource = Literal["column", "labels", "none"]


@dataclass(frozen=True)
class Scoring:
    """What the form promises about its points."""

    scored: bool = True  # the rows carry 得分 (a transfer-payment form may print none)
    rubric: bool = False  # 评分表: criteria and points, no targets: only arithmetic is checked
    execution_weight: float | None = 10.0  # the points of budget execution (10, or 20 on 20/80)
    indicator_total: float = 90.0  # the points of the indicator block (90, or 80 on 20/80)
    weights: WeightSource = "column"  # row weights in a 分值/权重 column, only in labels, or none
    weight_label: str = "分值"  # what the form calls a row's maximum points
    default_split: tuple[tuple[str, float], ...] | None = (
        ("产出指标", 50.0),
        ("效益指标", 30.0),
        ("满意度指标", 10.0),
    )  # 原则上 (财预〔2020〕10号): checked only where the form follows it
    explain_execution_below: float | None = None  # a reason is required below this rate (%)
    explain_any_adjustment: bool = False  # the form asks a reason for any in-year budget change
    total: float = 100.0
    # the 合计 row prints the weights' total and the system leaves its 得分 blank (四川): a lone
    # figure there equal to the form's total is the weights', not a score
    total_score_may_be_blank: bool = False


@dataclass(frozen=True, eq=False)  # one object per family: compared and hashed by identity
class Family:
    name: str  # stable slug, used by --form and in the JSON
    title: str  # what the form is called (Chinese)
    note: str  # how to recognise it and what differs (Chinese, for `review forms`)
    titles: tuple[str, ...]  # words of the title (the first match recognises strongly)
    signatures: tuple[str, ...]  # labels only this family prints
    subject: Subject = "project"
    # printed header key → field (project, department, implementer, or kept under its label)
    header_fields: tuple[tuple[str, str], ...] = ()
    fund_columns: tuple[tuple[str, str], ...] = ()  # printed column label → FundRow field
    fund_rows: tuple[tuple[str, str], ...] = ()  # printed row label → Funds row
    goal_expected: tuple[str, ...] = ()
    goal_actual: tuple[str, ...] = ()
    indicator_columns: tuple[tuple[str, str], ...] = ()  # printed header label → column role
    text_fields: tuple[tuple[str, str], ...] = ()  # printed label → key of a table-level text
    scoring: Scoring = field(default_factory=Scoring)
    # The parts the form has (a missing one is P103's): its subject (项目/部门), the funds block,
    # the goal's two texts, the indicators.
    sections: tuple[str, ...] = ("subject", "funds", "goal_expected", "goal_actual", "indicators")
    # 一级指标 labels the form prints besides 产出/效益/满意度/成本 (P104)
    l1_extra: tuple[str, ...] = ()
    # The form may name its own 一级 categories (履职效能(50分)) where it states their weights
    own_categories: bool = False


# -- the labels most families share ---------------------------------------------------------

_HEADER = (
    ("项目名称", "project"),
    ("专项名称", "project"),
    ("专项资金名称", "project"),
    ("转移支付(项目)名称", "project"),
    ("转移支付名称", "project"),
    ("转移支付项目名称", "project"),
    ("转移支付资金名称", "project"),
    ("主管部门", "department"),
    ("主管单位", "department"),
    ("预算部门", "department"),
    ("县级主管部门", "department"),
    ("主管部门及代码", "department"),  # [101001]某区教育委员会 (the municipalities' forms)
    ("主管部门及编码", "department"),
    ("实施单位", "implementer"),
    ("项目实施单位", "implementer"),
    ("实施(主管)单位", "implementer"),
    ("预算单位", "implementer"),
    ("项目实施周期", "period"),
    ("项目实施期", "period"),  # 2022年-2024年 (a project of several years)
    ("实施周期", "period"),
    ("项目负责人及电话", "contact"),
    # the municipalities' forms' head: how the project runs, when (项目负责人 is a text field)
    ("项目属性", "project_kind"),  # 经常性 / 一次性
    ("项目类型", "project_kind"),
    ("项目期限", "period"),
    ("单位负责人", "contact"),
    ("负责人及电话", "contact"),
    ("部门(单位)名称", "department"),
    ("单位名称", "department"),
    ("报表编号", "form_number"),
    # a project of several years: its whole budget in the head (项目总预算（万元） | 3,000.00)
    ("项目总预算", "project_budget"),
    ("项目总投资", "project_budget"),
    ("是否为专项资金", "special_fund"),
    ("填报日期", "date"),
    ("填报时间", "date"),
    ("填表日期", "date"),
    ("单位(盖章)", "seal"),
    ("填报单位", "reporting_unit"),
    ("填报单位(盖章)", "reporting_unit"),
    ("编制单位", "reporting_unit"),  # (a township's: 编制单位：光山县槐店乡人民政府)
    ("部门", "reporting_unit"),
)
# A form printing one budget (预算数 | 执行数 | 执行率 | 得分: the 20/80 and 部门整体 forms'):
# the year's; on the national form 预算数 is a header's lower line (年初 / 预算数), not a column.
_ONE_BUDGET = ("预算数", "full_year_budget")
_FUND_COLUMNS = (
    ("年初预算数*", "initial_budget"),
    ("年初预算*", "initial_budget"),
    ("全年预算数*", "full_year_budget"),
    ("调整后预算数*", "full_year_budget"),
    ("调整预算数*", "full_year_budget"),
    ("调整后预算*", "full_year_budget"),
    ("预算数(A)", "full_year_budget"),
    ("项目预算", "full_year_budget"),  # 项目预算 | 实际支出 | 执行率 (2015–2019 forms)
    ("项目预算数", "full_year_budget"),
    ("全年执行数*", "executed"),
    # a transfer payment's funds issued (下达) in the year: its budget
    ("年初下达数*", "initial_budget"),
    ("全年下达数*", "full_year_budget"),
    ("资金下达数*", "full_year_budget"),  # (a province's special fund: 下达 | 到位 | 实际支出)
    ("下达数*", "full_year_budget"),
    ("资金到位数*", "received"),
    ("预算执行数*", "executed"),
    ("全年实际支出*", "executed"),
    ("实际支出*", "executed"),
    ("执行数(B)", "executed"),
    ("执行数*", "executed"),
    ("分值*", "weight"),
    ("权重*", "weight"),
    ("指标权重*", "weight"),  # (Qinghai: 指标权重 | 执行率 | 自评得分)
    ("满分*", "weight"),
    ("标准分*", "weight"),
    # a system export's funds columns name the rate they score (执行率分值 / 执行率得分)
    ("执行率分值*", "weight"),
    ("预算执行率分值*", "weight"),
    ("执行率得分*", "score"),
    ("预算执行率得分*", "score"),
    ("预算执行分值*", "weight"),  # …or the budget's execution itself (预算执行分值 / 预算执行得分)
    ("预算执行得分*", "score"),
    ("执行率*", "rate_pct"),
    ("预算执行率*", "rate_pct"),
    ("备注", "reason"),  # a system export's note on its row (7月追加30万元（…文号）)
    ("支出进度*", "rate_pct"),  # 年初预算数 | 调整后预算数 | 实际支出数 | 支出进度 (Guangdong)
    ("得分*", "score"),
    ("自评得分*", "score"),
    ("评分*", "score"),
    # the year's adjustment between 年初 and 全年 (调整数: −240,000.00), kept as printed
    ("调整数*", "adjustment"),
    ("预算调整数*", "adjustment"),
    # a project of several years: its whole budget beside this year's, kept as printed
    ("项目总预算*", "project_total"),
    ("总预算数*", "project_total"),
    # the funds received, a column some provinces add: kept as printed, not an amount spent
    ("全年到位数*", "received"),
    ("结余*", "balance"),  # what was left of the funds received (结余 | 1.44): kept as printed
    # a form scored by deduction: the points the execution lost (its 得分 the 分值 less them)
    ("扣分", "deduction"),
    # a project of several years: what it spent in them all so far, beside the year's
    ("累计执行数*", "cumulative"),
    ("累计支出数*", "cumulative"),
    ("到位数*", "received"),
    # a finance bureau's own score beside the department's: kept as printed, not checked
    ("复核分*", "review_score"),
    ("复核得分*", "review_score"),
    ("财政审核评分*", "review_score"),
    ("财政评价得分*", "review_score"),
    ("第三方评价得分*", "review_score"),
    ("差异说明*", "review_note"),  # (why the review's score differs from the department's)
)
# The head's fields whose value names a unit (主管部门, 实施单位 …): whose seal a scan may show
# among the rows.
UNIT_FIELDS = frozenset(
    {"department", "implementer", "reporting_unit", "local_department", "provincial_department"}
)
# Funds by the level of government that gives them (a transfer payment's, a 20/80 form's).
_SOURCE_ROWS = (
    # the levels named bare under 其中：当年财政拨款 (其中：中央 | 800.00 …, 省级 | 400.00 …)
    ("其中:中央", "central_funds"),
    # a district's appropriation by level (财政拨款 | 其中：本级 | 上级转移支付, the municipalities'
    # forms): its own and what the levels above transferred
    ("其中:本级", "local_funds"),
    ("本级", "local_funds"),
    ("本级资金", "local_funds"),
    ("其中:上级转移支付", "central_funds"),  # (…资金 after it: a breakdown's line, its own)
    ("上级转移支付", "central_funds"),
    ("中央", "central_funds"),
    ("省级", "local_funds"),
    ("自治区级", "local_funds"),  # (a region's province level: Guangxi, Xinjiang …)
    ("市级", "local_funds"),
    ("县级", "local_funds"),
    ("市县", "local_funds"),
    ("其中:中央、省、市补助县级资金*", "central_funds"),
    ("其中:中央补助*", "central_funds"),
    ("其中:中央和省级补助资金*", "central_funds"),
    ("中央和省级补助资金*", "central_funds"),
    ("中央补助*", "central_funds"),
    ("中央资金*", "central_funds"),
    ("其中:中央资金*", "central_funds"),
    ("中央财政资金*", "central_funds"),
    ("中央财政", "central_funds"),  # 其中：中央财政 | 省级财政 | 市县财政 (a transfer form's)
    ("其中:中央财政资金*", "central_funds"),
    ("省级财政资金*", "local_funds"),
    ("市县财政资金*", "local_funds"),
    ("县级财政资金*", "local_funds"),
    ("地方资金/其他*", "local_funds"),
    ("地方资金*", "local_funds"),
    ("地方财政资金*", "local_funds"),
    ("市级财政资金*", "local_funds"),
    ("省级资金*", "local_funds"),
    ("省级财政", "local_funds"),
    ("市县财政", "local_funds"),
    ("市级财政", "local_funds"),
    ("县级财政", "local_funds"),
    ("自治区资金*", "local_funds"),  # a region's own (广西: 区域：自治区资金)
    ("省级补助*", "local_funds"),
    ("市县资金*", "local_funds"),
    ("市县级资金*", "local_funds"),
    ("市级资金*", "local_funds"),
    ("县级资金*", "local_funds"),
    ("县级配套*", "local_funds"),
    ("市级配套*", "local_funds"),
    ("地方配套*", "local_funds"),
    ("市县配套*", "local_funds"),
    ("省级配套*", "local_funds"),
    ("市级补助*", "local_funds"),
    ("县级补助*", "local_funds"),
    ("上级补助*", "local_funds"),
    # the levels of autonomous regions, leagues, banners and the XPCC (兵团, its 师市)
    ("自治区资金*", "local_funds"),
    ("自治区补助*", "local_funds"),
    ("自治区财政资金*", "local_funds"),
    ("兵团资金*", "local_funds"),
    ("兵团补助*", "local_funds"),
    ("师市资金*", "local_funds"),
    ("师市配套*", "local_funds"),
    ("地市资金*", "local_funds"),
    ("地区资金*", "local_funds"),  # (新疆's 地区, between 自治区 and 县)
    ("州、市(县)级资金*", "local_funds"),
    ("州市县级资金*", "local_funds"),
    ("地市配套*", "local_funds"),
    ("州级资金*", "local_funds"),
    ("州级配套*", "local_funds"),
    ("盟市资金*", "local_funds"),
    ("盟市配套*", "local_funds"),
    ("旗级资金*", "local_funds"),
    ("旗县资金*", "local_funds"),
    ("旗县配套*", "local_funds"),
    ("区县资金*", "local_funds"),
    ("区县配套*", "local_funds"),
    ("县区资金*", "local_funds"),
    ("县区配套*", "local_funds"),
    ("区级资金*", "local_funds"),
    ("区级配套*", "local_funds"),
    ("县(市、区)配套*", "local_funds"),
    ("县(市、区)资金*", "local_funds"),
    # paired assistance from another province (援疆, 援藏), spent through the county's budget
    ("援疆资金*", "local_funds"),
    ("援藏资金*", "local_funds"),
    ("援青资金*", "local_funds"),
    ("对口支援资金*", "local_funds"),
    # a unit's own funds beside the governments': part of the same total
    ("自筹资金*", "local_funds"),
    ("自筹*", "local_funds"),
    ("单位自筹*", "local_funds"),
)
_FUND_ROWS = (
    ("年度资金总额*", "annual_total"),
    ("年度财政资金总额*", "annual_total"),
    ("年度总金额*", "annual_total"),
    ("年度预算总额*", "annual_total"),
    ("资金总额*", "annual_total"),
    ("项目支出总额*", "annual_total"),  # the 20/80 form's row (项目支出总额 | 预算数 | 执行数 …)
    ("项目资金总额*", "annual_total"),
    ("项目总额*", "annual_total"),  # a 20/80 form's (项目总额 | 186.00 | 179.30 | 96.40% | …)
    ("其中:当年财政拨款*", "current_year_appropriation"),
    ("当年财政拨款*", "current_year_appropriation"),
    ("其中:本年财政拨款*", "current_year_appropriation"),
    ("本年财政拨款*", "current_year_appropriation"),
    ("财政拨款*", "current_year_appropriation"),
    ("财政资金*", "current_year_appropriation"),  # 其中：财政资金 | 其他资金 under the total
    ("其中:一般公共预算资金*", "current_year_appropriation"),  # the same, named by its budget
    ("上年结转资金*", "prior_year_carryover"),
    ("上年结转*", "prior_year_carryover"),
    ("其他资金*", "other"),
    ("单位自有资金*", "other"),  # beside 财政拨款: the unit's own, not the budget's
    ("自有资金*", "other"),
    ("其他", "other"),  # under the sources or 财政资金: the rest, named no further
    # funds by the level of government, under their 合计 (a 资金来源 column)
    ("合计", "annual_total"),
    *_SOURCE_ROWS,
)
_GOAL_EXPECTED = (
    "预期目标",
    "年度目标",  # beside 长期目标 (2018–2019 forms): the year's goal is the one reviewed
    "年初设定目标",
    "项目年度目标",
    "年度预期目标",
    "年度绩效目标",
    "年初目标",
    "部门整体绩效目标",  # a 部门整体 form's goal in one field (部门整体绩效目标 | its text)
    "部门整体支出绩效目标",
)
_GOAL_ACTUAL = (
    "实际完成情况",
    "全年实际完成情况",
    "年度总体目标完成情况综述",
    "年度总体目标完成情况",
    "总体目标完成情况",  # under 年度目标(80分) (a 20/80 form)
    "年度目标完成情况",
    "年度完成情况",
    "年度目标实际完成情况",
    "年度绩效目标完成情况",
    "年度绩效目标实际完成情况",
    "目标实际完成情况",
    "实际完成目标",
    "具体完成情况",
    "目标实现情况",
)
_INDICATOR_COLUMNS = (
    ("一级指标", "l1"),
    ("二级指标", "l2"),
    ("三级指标", "name"),
    ("指标名称", "name"),
    ("绩效指标名称", "name"),
    ("指标内容", "name"),  # older forms (2018–2019)
    # other provinces' words for the same columns
    ("指标类别", "l1"),
    ("指标子类", "l2"),
    ("具体指标", "name"),
    (
        "绩效指标内容",
        "name",
    ),  # the northeast's words: 绩效指标内容 | 指标标准 | 完成数 | 分值 | 分数
    ("绩效指标(一级)", "l1"),
    ("绩效指标(二级)", "l2"),
    ("绩效指标(三级)", "name"),
    ("年度指标值*", "target"),
    ("年初目标值*", "target"),
    # the target adjusted in the year, beside the year's first (the 2024 forms'): the scored
    # one (parse.columns keeps the first under its label)
    ("调整后目标值*", "target"),
    ("调整后指标值*", "target"),
    ("预期指标值*", "target"),
    ("全年指标值*", "target"),  # the transfer-payment form's, beside 全年实际完成值
    ("全年目标值*", "target"),
    ("全年目标", "target"),  # 全年目标 | 实际值 (Shandong's), 满分 | 全年目标 (Jiangsu's)
    ("绩效指标值*", "target"),  # 绩效指标值 | 完成情况 (Anhui's)
    ("指标值", "target"),
    ("年度目标值*", "target"),
    ("年度计划值*", "target"),
    ("目标值*", "target"),
    ("指标目标值*", "target"),
    ("计划值*", "target"),
    ("预期值*", "target"),
    ("指标性质", "nature"),
    # a target printed in three cells (符号 | 值 | 单位: ≥ | 10 | 座), the Hebei forms' way (值,
    # a wrapped label's piece as often, is the target only after 符号: columns.read_header)
    ("符号", "nature"),
    ("指标方向", "nature"),  # 正向 / 反向: the comparison the target cell leaves out
    ("指标属性", "nature"),  # the 2024 forms' word for it
    ("度量单位", "unit"),
    ("计量单位*", "unit"),
    ("实际完成值*", "actual"),
    ("全年实际完成值*", "actual"),
    ("年度实际完成值*", "actual"),
    ("实际完成数*", "actual"),
    ("完成数", "actual"),
    ("指标标准", "target"),
    ("计划数", "target"),  # 计划数 | 实际数 (Hunan, Guangxi, Guizhou)
    ("实际数", "actual"),
    ("实际值*", "actual"),
    ("指标实际值*", "actual"),
    ("全年实际值*", "actual"),
    ("全年完成值*", "actual"),
    ("实际完成指标值*", "actual"),
    ("完成值*", "actual"),
    ("指标完成值*", "actual"),
    ("年度完成值*", "actual"),
    ("实现值*", "actual"),
    ("实际完成", "actual"),
    # over 完成值 | 完成率 on a header printed over two rows, or the actual's column alone
    ("实际完成情况", "actual"),
    ("完成情况", "actual"),  # older forms: 指标内容 | 指标值 | 完成情况
    ("完成率*", "extra"),
    # a system export's verdict and ratio under 完成情况 (是否完成 | 完成比例), on a header's
    # lower row: the row's own, kept under their labels (S112 reads the verdict)
    ("是否完成", "extra"),
    ("是否达成", "extra"),
    ("是否达标", "extra"),
    ("完成比例*", "extra"),
    ("分值*", "weight"),
    ("权重*", "weight"),
    ("指标分值*", "weight"),
    ("指标权重*", "weight"),
    ("分数", "weight"),  # 分数 | 自评分 (a county's words for 分值 | 得分)
    ("标准分*", "weight"),
    ("满分*", "weight"),
    ("得分", "score"),
    ("指标得分", "score"),
    ("自评得分", "score"),
    ("自评分", "score"),
    ("自评", "score"),  # 得分 over 自评 | 复核: the unit's own score, the reviewer's beside it
    ("实得分*", "score"),
    ("评分", "score"),
    ("复核分*", "extra"),
    ("复核得分*", "extra"),
    ("复核", "extra"),
    ("财政审核评分*", "extra"),
    ("评分标准*", "extra"),  # the row's scoring rule written out
    ("评分规则*", "extra"),
    ("评分方法*", "extra"),
    ("偏差原因分析及改进措施*", "explanation"),
    ("偏差原因分析*", "explanation"),
    ("未完成原因分析*", "explanation"),
    ("未完成原因及拟采取的改进措施*", "explanation"),
    ("未完成原因和改进措施*", "explanation"),
    ("未完成原因*", "explanation"),
    ("扣分原因*", "explanation"),
    ("扣分理由*", "explanation"),
    ("扣分说明*", "explanation"),
    ("偏差说明*", "explanation"),
    ("偏差原因*", "explanation"),
    ("存在问题及整改措施*", "explanation"),
    # 偏差原因 | 改进措施 printed as two columns: the explanation is both
    ("改进措施*", "measures"),
    ("整改措施*", "measures"),
)
_TEXT_FIELDS = (
    ("评价结论", "conclusion"),
    # the opinions signed under the table by the department above and the finance bureau
    ("主管部门审核意见", "review_opinion"),
    ("主管部门意见", "review_opinion"),
    ("审核意见", "review_opinion"),
    ("财政部门复核意见", "finance_review"),
    ("财政部门审核意见", "finance_review"),
    ("财政部门意见", "finance_review"),
    ("复核意见", "finance_review"),
    ("自评结论", "conclusion"),
    ("绩效自评结论", "conclusion"),
    ("存在问题", "problems"),
    ("改进措施", "measures"),
    ("其他需要说明事项", "other_notes"),
    ("其他需要说明的事项", "other_notes"),
    ("其他说明事项", "other_notes"),
    ("其他需要说明的问题", "other_notes"),
    ("其他需要说明问题", "other_notes"),
    ("说明", "other_notes"),
    ("偏差大或目标未完成原因分析", "deviation_analysis"),
    ("偏差原因分析", "deviation_analysis"),  # a row of its own under the indicators (20/80)
    ("偏差原因及改进措施", "deviation_analysis"),  # (a paragraph under a typed table's)
    # …under a transfer-payment form's indicators, which have no column for it
    ("偏差原因分析及改进措施", "deviation_analysis"),
    # a 部门整体 form's note on its funds under the block (why the budget changed, why the
    # spending passed it)
    ("预算调整及执行情况说明", "budget_note"),
    ("预算调整情况说明", "budget_note"),
    ("预算执行情况说明", "budget_note"),
    ("预算调整说明", "budget_note"),
    ("年中预算调整情况说明", "budget_note"),
    ("预算调整原因", "budget_note"),
    # why the spending fell short of the budget, and what will be done (a 部门整体 form's)
    ("预算执行偏差原因分析及改进措施", "execution_note"),
    ("预算执行偏差原因分析", "execution_note"),
    ("改进措施及结果应用方案", "improvement_measures"),
    ("项目负责人", "project_lead"),
    ("财务负责人", "finance_lead"),
)

# The indicator columns the national form shares with the forms that print its rows (20/80,
# transfer payments): their rows' columns can be told as the national form's are.
NATIONAL_COLUMNS = _INDICATOR_COLUMNS

NATIONAL = Family(
    name="national-2020",
    title="项目支出绩效自评表（财预〔2020〕10号 附件1）",
    note=(
        "项目名称、年度资金总额，绩效指标栏目为年度指标值/实际完成值/分值/得分/偏差原因分析及改进措施；"
        "含各地变体：资金情况(万元)、调整预算数、分值在年度指标值之前、指标性质/指标值/度量单位分列、"
        "一级指标标明分值如“产出指标(50分)”、复核分等附加栏目。预算执行10分，指标90分（原则上50/30/10）。"
    ),
    titles=("项目支出绩效自评表", "绩效目标自评表", "绩效自评表"),
    signatures=("年度资金总额", "年初预算数", "偏差原因分析及改进措施", "年度指标值"),
    header_fields=_HEADER,
    fund_columns=_FUND_COLUMNS,
    fund_rows=_FUND_ROWS,
    goal_expected=_GOAL_EXPECTED,
    goal_actual=_GOAL_ACTUAL,
    indicator_columns=_INDICATOR_COLUMNS,
    text_fields=_TEXT_FIELDS,
)

SICHUAN = Family(
    name="sichuan-zp",
    title="部门预算项目支出绩效自评表（四川，报表编号 510000_…zp）",
    note=(
        "预算执行情况(10分)：年初预算/调整后预算数/预算执行数/预算执行率/权重/得分/原因，"
        "行为总额、其中:财政资金、财政专户管理资金、单位资金、其他资金；绩效指标(90分)的目标分为"
        "指标性质/指标值/度量单位，用“权重”而非“分值”，偏差说明栏为“未完成原因分析”；"
        "表后有评价结论/存在问题/改进措施。执行率低于90%须说明原因。"
    ),
    titles=("部门预算项目支出绩效自评表",),
    signatures=("调整后预算数", "预算执行数", "未完成原因分析", "财政专户管理资金", "510000_"),
    header_fields=_HEADER,
    fund_columns=(*_FUND_COLUMNS, ("原因", "reason"), ("未完成原因分析", "reason")),
    fund_rows=(
        ("总额", "annual_total"),
        ("其中:财政资金*", "current_year_appropriation"),
        ("财政资金*", "current_year_appropriation"),
        ("其中:财政拨款*", "current_year_appropriation"),  # a county's name for the same row
        ("财政拨款*", "current_year_appropriation"),
        # sources of the total beside 财政资金 and 其他资金 (added up with them)
        ("财政专户管理资金*", "source"),
        ("单位资金*", "source"),
        ("其他资金*", "other"),
    ),
    goal_expected=_GOAL_EXPECTED,
    goal_actual=_GOAL_ACTUAL,
    indicator_columns=_INDICATOR_COLUMNS,
    text_fields=(*_TEXT_FIELDS, ("项目实施内容及过程概述", "implementation")),
    scoring=Scoring(
        weight_label="权重",
        explain_execution_below=90.0,
        explain_any_adjustment=True,
        total_score_may_be_blank=True,
    ),
)

TWENTY_EIGHTY = Family(
    name="20-80",
    title="项目支出绩效自评表（预算执行20分、绩效目标80分）",
    note=(
        "预算执行情况(20分)：预算数(A)/执行数(B)/执行率(B/A)/得分(20分*执行率)；年度绩效目标(80分)："
        "一级/二级/三级指标、年初目标值(A)/实际完成值(B)/得分，没有分值栏，分值写在一级指标或表注中"
        "（湖北、云南保山等）。不适用50/30/10的默认分值。"
    ),
    # 绩效自评表 too (XX局2024年度项目绩效自评表): a title the national form shares, its
    # signatures then decide
    titles=("项目支出绩效自评表", "绩效自评表"),
    signatures=("(20分)", "(80分)", "年初目标值(A)", "得分(20分*执行率)", "20分*执行率"),
    header_fields=_HEADER,
    fund_columns=(*_FUND_COLUMNS, _ONE_BUDGET),
    fund_rows=(
        *_FUND_ROWS,
        ("部门整体支出总额*", "annual_total"),
        ("年度预算", "annual_total"),  # (年度预算 | 356.80 | 352.10 | 98.68% | 19.74)
        ("金额(万元)", "annual_total"),  # (金额（万元） | 5268.00 | 5075.70 | 96.35% | 19.27)
    ),
    goal_expected=(*_GOAL_EXPECTED, "年度目标*"),
    goal_actual=_GOAL_ACTUAL,
    indicator_columns=_INDICATOR_COLUMNS,
    text_fields=_TEXT_FIELDS,
    scoring=Scoring(
        execution_weight=20.0, indicator_total=80.0, weights="labels", default_split=None
    ),
    sections=("subject", "funds", "indicators"),
)

HEBEI = Family(
    name="hebei-4section",
    title="预算项目绩效自评表（河北，四个部分）",
    note=(
        "一、基本情况 二、预算执行情况（预算数/到位数/执行数/预算执行进度）三、目标完成情况 "
        "四、年度绩效指标完成情况：指标分值栏写的是指标解释，预期指标值分为符号/值/单位(文字描述)，"
        "自评得分分为单项指标得分/权重占比(%)/单项指标折算得分。一级指标“效果指标”属正常。"
    ),
    titles=("预算项目绩效自评表",),
    signatures=(
        "四、年度绩效指标完成情况",
        "单项指标折算得分",
        "权重占比",
        "预算执行进度",
        "到位数",
    ),
    header_fields=_HEADER,
    fund_columns=(
        ("预算数*", "full_year_budget"),
        ("年初预算数*", "initial_budget"),
        ("调整后预算数*", "full_year_budget"),
        ("预算安排情况*", "full_year_budget"),
        ("执行数*", "executed"),
        ("资金执行情况*", "executed"),
        ("预算执行进度*", "rate_pct"),
        ("到位数*", "received"),
        ("资金到位情况*", "received"),
        # a variant that scores the execution beside its rate (… | 预算执行进度(%) | 分值 | 得分)
        ("分值", "weight"),
        ("权重", "weight"),
        ("得分", "score"),
    ),
    fund_rows=(
        ("预算数", "annual_total"),
        ("资金总额", "annual_total"),
        ("年度资金总额", "annual_total"),  # the national form's words for the same row
        ("合计", "annual_total"),  # funds by source under 资金来源, their total first
        ("总计", "annual_total"),
        ("预算资金总额", "annual_total"),
        ("其中:财政资金*", "current_year_appropriation"),
        ("财政资金", "current_year_appropriation"),  # under 合计 by 资金来源, without its 其中
        ("其中:财政拨款*", "current_year_appropriation"),  # the national form's words for it
        ("其中:当年财政拨款*", "current_year_appropriation"),  # (a county's, 上年结转 after it)
        ("当年财政拨款*", "current_year_appropriation"),
        ("其中:一般公共预算资金*", "current_year_appropriation"),  # the budget's money by its kind
        ("一般公共预算资金", "current_year_appropriation"),
        ("上年结转*", "prior_year_carryover"),
        ("其他", "other"),
        ("其他资金", "other"),
    ),
    goal_expected=_GOAL_EXPECTED,
    goal_actual=_GOAL_ACTUAL,
    indicator_columns=(
        ("一级指标", "l1"),
        ("二级指标", "l2"),
        ("三级指标", "name"),
        ("指标分值", "description"),
        ("预期指标值(符号)", "nature"),  # the sign, when each of the three is named in full
        ("预期指标值*", "target"),
        ("符号", "nature"),
        ("值", "target"),  # the value between them, printed by some, left unlabelled by others
        ("单位(文字描述)*", "unit"),
        ("单项指标实际完成值*", "actual"),
        ("单项指标完成情况*", "completion"),
        ("单项指标得分*", "item_score"),
        ("单项得分*", "item_score"),
        ("权重占比*", "weight"),
        ("单项指标折算得分*", "score"),
        ("折算得分*", "score"),
        ("自评得分", "score"),
        # a Hebei form printing the national form's columns (实际完成值 | 分值 | 得分 | 偏差…)
        *_INDICATOR_COLUMNS,
    ),
    text_fields=_TEXT_FIELDS,
    scoring=Scoring(execution_weight=None, weight_label="权重占比", default_split=None),
    l1_extra=("效果指标",),
)

TRANSFER = Family(
    name="transfer-payment",
    title="转移支付（专项资金）绩效目标自评表",
    note=(
        "转移支付(项目)名称或专项(资金)名称、中央/省级/县级主管部门；资金按来源分列（中央、省、市县）；"
        "指标栏目同国家表，有的没有分值/得分；区域绩效目标自评表的预算执行、年度目标和指标各部分分值"
        "以数字单列。不适用50/30/10的默认分值。"
    ),
    titles=(
        "区域绩效目标自评表",
        "专项资金绩效目标自评表",
        "转移支付绩效目标自评表",
        "转移支付项目绩效目标自评表",  # 中央对地方转移支付项目绩效目标自评表
        "区域(项目)绩效目标自评表",  # 中央对地方转移支付区域（项目）绩效目标自评表
        "转移支付项目绩效自评表",  # (without 目标: Inner Mongolia's)
        "转移支付绩效自评表",
        "区域绩效自评表",  # 转移支付区域绩效自评表
        "区域(项目)绩效自评表",
    ),
    signatures=("中央主管部门", "省级财政部门", "专项名称", "专项资金名称", "转移支付", "中央补助"),
    header_fields=(
        *_HEADER,
        ("中央主管部门", "central_department"),
        ("省级财政部门", "provincial_finance"),
        ("省级主管部门", "provincial_department"),
        ("地方主管部门", "local_department"),
        ("资金使用单位", "implementer"),
        ("地方财政部门", "local_finance"),
    ),
    fund_columns=(*_FUND_COLUMNS, ("预算数", "full_year_budget")),
    fund_rows=_FUND_ROWS,
    goal_expected=_GOAL_EXPECTED,
    goal_actual=_GOAL_ACTUAL,
    indicator_columns=_INDICATOR_COLUMNS,
    text_fields=_TEXT_FIELDS,
    scoring=Scoring(default_split=None),
)

DEPARTMENT = Family(
    name="dept-wide",
    title="部门整体支出绩效自评表",
    note=(
        "评价对象是部门（单位），不是项目：部门(单位)名称/单位名称；资金按收入性质、支出性质分列"
        "（基本支出、项目支出）；绩效指标用国家表栏目或20/80的栏目。有目标值和完成值的，"
        "按项目表的规则复核。不适用50/30/10的默认分值。"
    ),
    titles=("部门整体支出绩效自评表", "部门整体绩效自评表"),
    signatures=("部门(单位)名称", "单位名称", "按收入性质分", "按支出性质分", "部门整体支出总额"),
    subject="department",
    header_fields=(
        ("部门(单位)名称", "department"),
        ("预算部门、单位名称", "department"),
        ("预算部门(单位)名称", "department"),
        ("预算部门名称", "department"),
        ("单位名称", "department"),
        ("部门名称", "department"),
        ("预算单位名称", "department"),
        *_HEADER,
    ),
    fund_columns=(
        *_FUND_COLUMNS,
        _ONE_BUDGET,
        ("得分计算方法", "method"),
    ),
    fund_rows=(
        *_FUND_ROWS,
        ("部门整体支出总额*", "annual_total"),
        ("部门预算总额*", "annual_total"),
        ("总额", "annual_total"),  # 四川's 部门整体 form: 总额 | 年初预算 | 调整后预算数 | …
        ("基本支出*", "by_expense"),
        ("项目支出*", "by_expense"),
        # 基本支出's own parts, printed under it: read, never added to the side's total
        ("人员经费*", "expense_detail"),
        ("公用经费*", "expense_detail"),
        ("按收入性质分*", "income_total"),
        ("按支出性质分*", "expense_total"),
        ("一般公共预算*", "by_income"),
        ("政府性基金*", "by_income"),
        ("国有资本经营预算*", "by_income"),  # the third of the government's budgets
        ("纳入专户管理的非税收入*", "by_income"),
        ("财政专户管理资金*", "by_income"),  # (2021+: 财政拨款, 财政专户管理资金, 单位资金)
        ("单位资金*", "by_income"),
        ("财政拨款收入*", "by_income"),
        ("上级补助收入*", "by_income"),
        ("事业收入*", "by_income"),
        ("经营收入*", "by_income"),
        ("附属单位上缴收入*", "by_income"),
        ("其他收入*", "by_income"),
        ("其他", "other"),
    ),
    goal_expected=(*_GOAL_EXPECTED, "年度目标*"),
    goal_actual=_GOAL_ACTUAL,
    indicator_columns=(*_INDICATOR_COLUMNS, ("得分计算方法", "extra")),
    text_fields=_TEXT_FIELDS,
    scoring=Scoring(default_split=None),
    own_categories=True,
)

RUBRIC = Family(
    name="rubric",
    title="部门整体支出绩效评价自评表（评分表）",
    note=(
        "评分表：序号/一级/二级/三级指标/指标分值/指标解释/评分标准/自评得分，没有目标值和完成值。"
        "只能复核算术（各级分值之和、得分不超过分值、总分），其余内容需人工复核。"
    ),
    # (部门整体支出绩效自评表（评分表）: the 部门整体 form's title, marked as its scoring sheet)
    titles=(
        "绩效评价自评表",
        "评分表",
        "部门整体支出绩效自评表(评分表)",
        "部门整体绩效自评表(评分表)",
    ),
    signatures=("指标解释", "评分标准", "指标说明及评分标准"),
    subject="department",
    header_fields=(("单位", "department"), ("部门", "department"), *_HEADER),
    goal_expected=(),
    goal_actual=(),
    indicator_columns=(
        ("序号", "extra"),
        ("一级指标", "l1"),
        ("二级指标", "l2"),
        ("三级指标", "name"),
        ("指标分值", "weight"),
        ("分值", "weight"),
        ("指标解释", "extra"),
        ("指标说明及评分标准", "extra"),
        ("评分标准", "extra"),
        ("自评得分", "score"),
        ("得分", "score"),
        ("扣分原因", "explanation"),
        ("扣分说明", "explanation"),
    ),
    text_fields=_TEXT_FIELDS,
    scoring=Scoring(rubric=True, execution_weight=None, indicator_total=100.0, default_split=None),
    sections=("indicators",),
    own_categories=True,  # (预算编制 / 预算执行 / 资产管理 …: a department's own words)
)

FAMILIES: tuple[Family, ...] = (
    NATIONAL,
    SICHUAN,
    TWENTY_EIGHTY,
    HEBEI,
    TRANSFER,
    DEPARTMENT,
    RUBRIC,
)
DEFAULT = NATIONAL


def get_family(name: str) -> Family | None:
    return next((f for f in FAMILIES if f.name == name), None)
