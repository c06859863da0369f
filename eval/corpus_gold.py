"""Convert the development corpus's independent gold into the eval's held-out dataset.

    python -m eval.corpus_gold SHARED_CORPUS eval/datasets/corpus

copies the 19 published texts (``texts/``), the 13 hand-made tab renderings (``tsv/``) and the
gold files (``gold/``) into the dataset folder, writes ``labels.json`` (one label per gold
problem) and ``frozen.json`` (the digest of those labels, as pre-registered). It refuses to
overwrite an existing ``labels.json``: amendments live there, marked, once it exists.

Each gold problem becomes one label: its table's 项目名称 (``project``; none when the gold has
none), its row (``indicator``), ``category``, ``severity``, the labeller's words (``note``) and
evidence. What counts as finding it (``codes``, or ``cue``) is derived from the problem's
category and its ``what`` text by ``MAPPING``, an ordered list of rules, first match wins; every
problem must match one. The rules were written from the gold's text and the rule catalogue
(``review rules``, ``review explain``), before the tool was run on the corpus, and choose
conservatively: only codes whose documented check states the problem the label states (plus the
LLM code of the same subject, so that the narrative layer can find it too); a problem no rule
states gets the LLM code of its subject only, or a cue. ``eval/datasets/corpus/README.md``
prints the same table.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.labels import Dataset, Document, Label, dump_dataset, layer_of, preregistered_digest
from reviewer.model import Category, Severity


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: str  # a regular expression searched in the problem's ``what`` (case-insensitive)
    codes: tuple[str, ...] = ()
    cue: str = ""
    category: str = ""  # only for problems of this category ("" any)
    report_wide: bool = False  # the tool may state it once for the whole report
    says: str = ""  # the rule in words, for the README


MAPPING: tuple[Rule, ...] = (
    Rule(
        "M01",
        r"rounded|truncated|one unit in the last digit|no % sign",
        ("B101", "B102"),
        category="arithmetic",
        report_wide=True,
        says="执行率的印法（舍入、截断、无百分号）→ 执行率计算 B101 或全报告取舍方式 B102",
    ),
    Rule(
        "M02",
        r"printed 0 on a 全年预算数 of 0",
        ("B101", "B103"),
        says="预算为 0 时执行率与得分印为 0 → B101、B103",
    ),
    Rule(
        "M03",
        r"budget-execution score|分值×执行率|执行率 × 分值|two different execution scores",
        ("B103",),
        says="预算执行得分与 分值×执行率 不符（或同一执行率两个得分）→ B103",
    ),
    Rule(
        "M04",
        r"fund rows do not add up|breakdown by expenditure .* does not equal",
        ("F101",),
        says="资金来源或分项之和与总额不符 → F101",
    ),
    Rule(
        "M05",
        r"weights and scores do not add up",
        ("W101", "W104", "T101"),
        says="分值、总分加总不符 → W101、W104、T101",
    ),
    Rule(
        "M06",
        r"spending exceeds the budget|spent far above its",
        ("F102", "L106"),
        says="执行数超过预算数 → F102（及资金与产出 L106）",
    ),
    Rule(
        "M07",
        r"in-year",
        ("F104",),
        says="年中预算调整未说明 → F104",
    ),
    Rule(
        "M08",
        r"执行率低但得分高",
        ("B105",),
        says="执行率低而指标满分 → B105",
    ),
    Rule(
        "M09",
        r"far below 80%",
        ("B104",),
        says="执行率偏低未说明 → B104",
    ),
    Rule(
        "M10",
        r"no improvement measure",
        ("E102", "L104"),
        says="偏差说明有原因无改进措施 → E102（及 L104）",
    ),
    Rule(
        "M11",
        r"with no 偏差原因|is empty",
        ("E101", "L104"),
        category="explanation",
        says="扣分或未达成而偏差原因空白 → E101（及 L104）",
    ),
    Rule(
        "M12",
        r"(missed|exceeds the ceiling).*full",
        ("S102",),
        category="scoring",
        says="未达成却得满分 → S102",
    ),
    Rule(
        "M13",
        r"(meets|equals) the target|completed rows keep",
        ("S103",),
        category="scoring",
        says="已达成却扣分 → S103",
    ),
    Rule(
        "M14",
        r"harsher than the rule",
        ("S104",),
        category="scoring",
        says="扣分与完成比例不符 → S104",
    ),
    Rule(
        "M15",
        r"no (效益 or )?满意度 indicator",
        ("W102", "P104"),
        category="scoring",
        says="权重偏离默认且缺少一级指标 → W102、P104",
    ),
    Rule(
        "M16",
        r"split|footnote, which sets",
        ("W102",),
        category="scoring",
        says="一级指标权重偏离默认 → W102",
    ),
    Rule(
        "M17",
        r"exceeds (the target|it) .*(by|≥ 1\.3)",
        ("S107",),
        says="超额完成未分析、目标可能偏低 → S107",
    ),
    Rule(
        "M18",
        r"do not add up to (its stated|the .* it states)",
        ("N106", "L105"),
        category="consistency",
        says="叙述中的金额自相矛盾 → N106、L105",
    ),
    Rule(
        "M19",
        r"every indicator claims full achievement",
        ("N102", "L101", "L105"),
        category="consistency",
        says="叙述显示未完成而指标称全部完成 → N102、L101、L105",
    ),
    Rule(
        "M20",
        r"less than half of the budget was spent|项目支出总额 is 0",
        ("L106",),
        category="consistency",
        says="资金使用与产出叙述不匹配 → L106",
    ),
    Rule(
        "M21",
        r"restates .* while the indicators report",
        ("N101", "N102", "N104", "L101", "L103"),
        category="consistency",
        says="叙述照抄计划数字而指标另有实际数 → N101、N102、N104、L101、L103",
    ),
    Rule(
        "M22",
        r"restates|repeats .*word for word|repeats part of",
        ("N101", "N104", "L103"),
        category="consistency",
        says="实际完成情况照抄目标或计划 → N101、N104、L103",
    ),
    Rule(
        "M23",
        r"no figure|no result|nor any result|no output or result|single word|no reported result",
        ("N101", "N104", "N105", "L102", "L103"),
        category="consistency",
        says="实际完成情况未报告结果或数字 → N101、N104、N105、L102、L103",
    ),
    Rule(
        "M24",
        r"staff in post .* 编制",
        cue="编制",
        category="consistency",
        says="人员超编（无对应规则）→ 意见须提到“编制”",
    ),
    Rule(
        "M25",
        r"is the word",
        ("S108", "L107"),
        category="indicator",
        says="完成值为文字、与目标单位不符 → S108（及 L107）",
    ),
    Rule(
        "M26",
        r".",
        ("L107",),
        category="indicator",
        says="其余指标设置问题（归类、可衡量性、名称）→ L107",
    ),
    Rule(
        "M27",
        r"only one amount",
        ("F103", "P103"),
        category="structure",
        says="预算数或执行数缺失 → F103、P103",
    ),
    Rule(
        "M28",
        r"template instruction",
        ("P103", "P105"),
        category="structure",
        says="栏目中留着模板说明文字 → P103、P105",
    ),
    Rule(
        "M29",
        r"placeholders are left in the indicator names",
        ("L107",),
        category="structure",
        says="指标名称中留着模板占位符 → L107",
    ),
    Rule(
        "M30",
        r"heading",
        ("P101", "P104"),
        category="structure",
        says="空的指标类别标题、占位行 → P101、P104",
    ),
    Rule(
        "M31",
        r"placeholder rows",
        ("P101", "P103"),
        category="structure",
        says="模板占位行、空栏目 → P101、P103",
    ),
    Rule(
        "M32",
        r"no 分值, 得分 or 总分",
        ("P102", "P103"),
        category="structure",
        says="表中没有分值、得分、总分 → P102、P103",
    ),
    Rule(
        "M33",
        r"written in 元",
        ("N106", "L105"),
        category="structure",
        says="叙述金额单位与资金表不符 → N106、L105",
    ),
    Rule(
        "M34",
        r".",
        ("P103",),
        category="structure",
        says="其余栏目空白、未填或填错 → P103",
    ),
)

GOLD_PROVENANCE = {
    "made_by": "an independent reviewer (labelling session) who never ran or read the tool",
    "process": (
        "Labelled from the published text alone (texts/); the hand-made tab renderings (tsv/) "
        "only as a layout aid. No review software was run; arithmetic in Python; each text read "
        "twice; a checker confirmed every value string and every evidence quote against the text "
        "(gold/README.md, 'How it was made')."
    ),
    "gold": "/work/shared/corpus/gold/ (copied to gold/)",
    "written_before_tool_output": True,
}


def rule_for(problem: dict[str, Any]) -> Rule:
    for r in MAPPING:
        if r.category and r.category != problem["category"]:
            continue
        if re.search(r.pattern, problem["what"], re.IGNORECASE | re.DOTALL):
            return r
    raise ValueError(f"no mapping rule for problem: {problem['what'][:80]}")


def label_of(stem: str, n: int, gold: dict[str, Any], problem: dict[str, Any]) -> Label:
    table = gold["tables"][problem["table"]]
    r = rule_for(problem)
    project: str | None = table["project"]
    alternatives = [""] if r.report_wide and project is not None else []
    codes = list(r.codes)
    return Label(
        id=f"{stem.split('_')[0]}.{n}",
        project=project,
        project_alternatives=alternatives,
        category=Category(problem["category"]),
        indicator=problem["indicator"],
        any_row=problem["indicator"] is None,
        severity=Severity(problem["severity"]),
        layer=layer_of(codes),
        note=problem["what"],
        codes=codes,
        cue=r.cue,
        evidence=list(problem.get("evidence", [])),
        origin=f"gold/{stem}.json problems[{n}], table {problem['table']}; mapping {r.id}",
    )


def convert(corpus: Path, out: Path, date: str) -> Dataset:
    """Copy the texts, renderings and gold into ``out`` and build the dataset."""
    for sub in ("texts", "tsv", "gold"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    documents = []
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        stem = gold_path.stem
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        shutil.copyfile(gold_path, out / "gold" / gold_path.name)
        shutil.copyfile(corpus / "texts" / f"{stem}.txt", out / "texts" / f"{stem}.txt")
        renderings = {}
        tsv = corpus / "tsv" / f"{stem}.txt"
        if tsv.is_file():
            shutil.copyfile(tsv, out / "tsv" / tsv.name)
            renderings["tsv"] = f"tsv/{stem}.txt"
        labels = [label_of(stem, n, gold, p) for n, p in enumerate(gold["problems"])]
        documents.append(
            Document(
                id=stem.split("_")[0],
                path=f"texts/{stem}.txt",
                labels=labels,
                renderings=renderings,
                gold=f"gold/{stem}.json",
            )
        )
    shutil.copyfile(corpus / "SOURCES.tsv", out / "SOURCES.tsv")
    return Dataset(
        dataset="corpus",
        description="真实自评表 19 份（各地、各种表式），独立标注 / 19 real published excerpts, independently labelled.",
        role="held-out",
        provenance={
            **GOLD_PROVENANCE,
            "converted": date,
            "converter": "eval/corpus_gold.py (the mapping rules: MAPPING; README.md)",
            "amendments": [],
        },
        documents=documents,
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.corpus_gold", description=__doc__)
    p.add_argument("corpus", type=Path, help="the shared corpus folder (texts/, tsv/, gold/)")
    p.add_argument("out", type=Path, help="the dataset folder, e.g. eval/datasets/corpus")
    p.add_argument("--date", required=True, help="the conversion date, recorded in provenance")
    args = p.parse_args(argv)
    if (args.out / "labels.json").exists():
        print(f"{args.out}/labels.json 已存在，不覆盖（修订请在文件中标注）", file=sys.stderr)
        return 2
    ds = convert(args.corpus, args.out, args.date)
    (args.out / "labels.json").write_text(dump_dataset(ds), encoding="utf-8")
    frozen = {
        "note": "预注册标注的摘要（不含修订新增、含已撤回的标注）；标注被原地改动时与此不符，评测失败。"
        " / sha256 of the pre-registered labels; an in-place edit of a label breaks it.",
        "frozen": args.date,
        "labels_sha256": preregistered_digest(ds),
    }
    text = json.dumps(frozen, ensure_ascii=False, indent=1) + "\n"
    (args.out / "frozen.json").write_text(text, encoding="utf-8")
    print(f"{len(ds.documents)} documents, {len(ds.labels())} labels → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
