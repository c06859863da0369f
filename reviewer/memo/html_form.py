"""One EvaluationTable drawn as an HTML table laid out like the printed form.

Every drawn cell that was read from the document carries ids derived from its source location
(``cell_id``), so that a finding's locations name the cells it concerns. A cell read from several
source cells (a name or explanation broken by a page break) gets one id per source cell, and an
indicator row answers to ``cell-L{line}`` for each of its lines (rules locate some findings by line
only). ``draw_form`` highlights the cells that findings concern and links them to the findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.lazyre import lazy_compile
from reviewer.model import (
    SOURCE_LABELS,
    CellRef,
    EvaluationTable,
    FundRow,
    Indicator,
    Location,
    Severity,
)
from reviewer.numbers import fmt_number
from reviewer.untrusted import html_text as escape

_UNSAFE = lazy_compile(r"[^0-9A-Za-z]")
_FUND_LABELS = (("annual_total", "年度资金总额"), *SOURCE_LABELS.items())
_FUND_FIELDS = ("initial_budget", "full_year_budget", "executed", "weight", "rate_pct", "score")


def cell_id(loc: Location) -> str:
    """An HTML id for a source location: ``cell-L12-C3``, ``cell-P2-R5-C3``, ``cell-SSheet1-B12``."""
    parts = ["cell"]
    if loc.sheet is not None:
        parts.append("S" + _UNSAFE.sub(lambda m: f"_{ord(m.group()):x}", loc.sheet))
    if loc.page is not None:
        parts.append(f"P{loc.page}")
    if loc.line is not None:
        parts.append(f"L{loc.line}")
    elif loc.row is not None:
        parts.append(f"R{loc.row}")
    if loc.cell is not None:
        parts.append(_UNSAFE.sub("_", loc.cell))
    elif loc.column is not None:
        parts.append(f"C{loc.column}")
    return "-".join(parts)


@dataclass
class Mark:
    """A finding that concerns a cell: where it is listed and how serious it is."""

    anchor: str
    number: int
    severity: Severity


@dataclass
class Td:
    text: str
    ids: list[str] = field(default_factory=list)
    tag: str = "td"
    cls: str = ""
    colspan: int = 1
    rowspan: int = 1


def _ids(*refs: CellRef | None) -> list[str]:
    return [cell_id(r) for r in refs if r is not None]


def _parts(cells: dict[str, CellRef], key: str) -> list[CellRef]:
    first = cells.get(key)
    if first is None:
        return []
    out = [first]
    n = 1
    while (more := cells.get(f"{key}+{n}")) is not None:
        out.append(more)
        n += 1
    return out


def _value(cells: dict[str, CellRef], key: str, value: float | None, cls: str = "num") -> Td:
    ref = cells.get(key)
    text = ref.text if ref is not None else fmt_number(value)
    return Td(text, _ids(ref), cls=cls)


def _th(text: str, colspan: int = 1, rowspan: int = 1, cls: str = "") -> Td:
    return Td(text, tag="th", colspan=colspan, rowspan=rowspan, cls=cls)


def _fund_row(key: str, label: str, row: FundRow) -> list[Td]:
    out = [_th(label, colspan=2, cls="rowlabel")]
    for f in _FUND_FIELDS:
        if key != "annual_total" and f in ("weight", "rate_pct", "score"):
            out.append(Td("—" if f == "weight" else "", cls="num"))
            continue
        value = getattr(row, f)
        if f == "rate_pct" and value is not None and f not in row.cells:
            out.append(Td(f"{value:.2f}%", cls="num"))
        else:
            out.append(_value(row.cells, f, value))
    return out


def _indicator_cells(ind: Indicator, l1_span: int, l2_span: int) -> list[Td]:
    out: list[Td] = []
    if l1_span:
        out.append(_th(ind.l1, rowspan=l1_span, cls="group"))
    if l2_span:
        out.append(_th(ind.l2, rowspan=l2_span, cls="group"))
    name_refs = _parts(ind.cells, "name")
    line_ids = [cell_id(Location(line=line)) for line in ind.lines]
    out.append(Td(ind.name, _ids(*name_refs) + line_ids, cls="name"))
    out.append(_value(ind.cells, "target", None, cls="val"))
    out[-1].text = out[-1].text or ind.target
    out.append(_value(ind.cells, "actual", None, cls="val"))
    out[-1].text = out[-1].text or ind.actual
    out.append(_value(ind.cells, "weight", ind.weight))
    out.append(_value(ind.cells, "score", ind.score))
    out.append(Td(ind.explanation, _ids(*_parts(ind.cells, "explanation")), cls="text"))
    return out


def _spans(values: list[str]) -> list[int]:
    """Rowspan of each run of equal values, 0 for the rows a run continues."""
    spans = [0] * len(values)
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            spans[start] = i - start
            start = i
    return spans


def form_rows(t: EvaluationTable) -> list[list[Td]]:
    """The table as rows of cells, nine columns wide like the printed form."""
    c = t.cells
    year = c.get("year")
    title_ids = [cell_id(Location(line=t.first_line))] if t.first_line else []
    rows: list[list[Td]] = [
        [Td("财政项目支出绩效自评表", title_ids, tag="th", cls="form-title", colspan=9)],
        [
            Td(
                year.text if year else (f"（{t.year}年度）" if t.year else ""),
                _ids(year),
                cls="form-year",
                colspan=9,
            )
        ],
        [_th("项目名称"), Td(t.project, _ids(c.get("project")), colspan=8, cls="text")],
        [
            _th("主管部门"),
            Td(t.department, _ids(c.get("department")), colspan=4, cls="text"),
            _th("实施单位"),
            Td(t.implementer, _ids(c.get("implementer")), colspan=3, cls="text"),
        ],
        [
            _th(f"项目资金（{t.amount_unit}）", rowspan=5),
            _th("", colspan=2),
            *(_th(h) for h in ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")),
        ],
    ]
    funds = t.funds.rows()
    rows += [_fund_row(key, label, funds[key]) for key, label in _FUND_LABELS]
    rows.append(
        [_th("年度总体目标", rowspan=2), _th("预期目标", colspan=4), _th("实际完成情况", colspan=4)]
    )
    rows.append(
        [
            Td(t.goal_expected, _ids(c.get("goal_expected")), colspan=4, cls="text"),
            Td(t.goal_actual, _ids(c.get("goal_actual")), colspan=4, cls="text"),
        ]
    )
    heads = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
    rows.append(
        [
            _th("绩效指标", rowspan=len(t.indicators) + 1),
            *(_th(h) for h in heads),
            _th("偏差原因分析及改进措施"),
        ]
    )
    l1_spans = _spans([i.l1 for i in t.indicators])
    l2_spans = _spans([f"{i.l1}\t{i.l2}" for i in t.indicators])
    for ind, s1, s2 in zip(t.indicators, l1_spans, l2_spans, strict=True):
        rows.append(_indicator_cells(ind, s1, s2))
    rows.append(
        [
            _th("总分", colspan=6),
            _value(c, "total_weight", t.total_weight),
            _value(c, "total_score", t.total_score),
            Td(t.grade, _ids(c.get("grade")), cls="val"),
        ]
    )
    return rows


def form_ids(rows: list[list[Td]]) -> set[str]:
    return {i for row in rows for td in row for i in td.ids}


def _render_td(td: Td, marks: dict[str, list[Mark]]) -> str:
    found = [m for i in td.ids for m in marks.get(i, [])]
    found = list({m.anchor: m for m in found}.values())
    classes = [td.cls] if td.cls else []
    attrs = ""
    if td.ids:
        attrs += f' id="{td.ids[0]}"'
    if found:
        worst = max((m.severity for m in found), key=lambda s: s.rank)
        classes += ["hl", f"sev-{worst.value}"]
        attrs += f' data-findings="{" ".join(m.anchor for m in found)}"'
    if classes:
        attrs += f' class="{" ".join(classes)}"'
    if td.colspan > 1:
        attrs += f' colspan="{td.colspan}"'
    if td.rowspan > 1:
        attrs += f' rowspan="{td.rowspan}"'
    anchors = "".join(f'<span class="anchor" id="{i}"></span>' for i in td.ids[1:])
    links = "".join(
        f'<a class="mark sev-{m.severity.value}" href="#{m.anchor}" '
        f'title="{m.severity.label}：见第{m.number}条">{m.number}</a>'
        for m in found
    )
    if links:
        links = f' <sup class="marks">{links}</sup>'
    return f"<{td.tag}{attrs}>{anchors}{escape(td.text)}{links}</{td.tag}>"


def draw_form(rows: list[list[Td]], marks: dict[str, list[Mark]], caption: str) -> str:
    """The drawn form; cells named in ``marks`` are highlighted and linked to their findings."""
    widths = (9, 9, 9, 16, 10, 10, 7, 7, 23)
    cols = "".join(f'<col style="width:{w}%">' for w in widths)
    body = "\n".join(
        "<tr>" + "".join(_render_td(td, marks) for td in row) + "</tr>" for row in rows
    )
    return (
        f'<table class="form"><caption>{escape(caption)}</caption>'
        f"<colgroup>{cols}</colgroup>\n{body}\n</table>"
    )
