"""The ``review`` command line: a thin layer over the public API.

    review FILE [-o memo.md|.json|.html|.docx] [--format terminal|markdown|json|html|docx]
                                                                   review a report (default command)
    review FILE|DIR|GLOB ... [--out-dir DIR] [--jobs N]            batch: memos and a ranked summary
    review DIR --out-dir DIR --llm-batch                           batch, the LLM through the provider's batch engine
    review parse FILE [--format json|jsonl|table]                 show what the parser read
    review rules                                                   list the rules
    review explain CODE                                            one rule's documentation

Exit codes: 0 no finding at or above --fail-on; 1 there is one; 2 usage or input error;
3 the LLM review failed for some tables (the deterministic review is complete).
In batch mode 2 also means that some file could not be reviewed, and 130 that the run was
interrupted (the memos already written are kept).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from reviewer.errors import ReviewerError, UsageError
from reviewer.llm.settings import add_llm_arguments, settings_from_args
from reviewer.status import Status
from reviewer.untrusted import one_line, terminal
from reviewer.version import __version__

if TYPE_CHECKING:
    from rich.console import Console

    from reviewer.config import Config
    from reviewer.llm.stage import LlmStage
    from reviewer.memo.model import SeverityCounts
    from reviewer.model import LlmRun, Report
    from reviewer.parse_json import Parsed
    from reviewer.pipeline import ProgressHook

# Each command imports what it needs when it runs: `review --version` and `review rules` never
# import the pipeline, and a review imports neither the LLM client nor renderers it does not use.

COMMANDS = ("review", "parse", "rules", "explain", "forms", "eval")


def _stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _warn_leftovers(parsed: Report | Parsed, tables: int, err: Status) -> None:
    from reviewer.grid import UNRECOGNISED

    for left in parsed.leftovers:
        where = one_line(f"{parsed.source} {left.location.describe()}")
        err.say(("警告", "yellow"), f"：{where} 未能解析：{one_line(left.text[:60])}")
    acc = parsed.accounting
    unread = sum(left.reason != UNRECOGNISED for left in parsed.leftovers)
    err.say(
        f"已解析 {tables} 张表；非空行 {acc.nonempty_lines} 行，"
        f"已使用 {acc.consumed_lines} 行，未解析 {acc.reported_lines} 行"
        + (f"；另有 {unread} 处未能读取（见上方警告）。" if unread else "。")
    )


def cmd_parse(args: argparse.Namespace) -> int:
    """解析自评表并输出结构化内容（JSON、JSON Lines 或表格）。

    JSON 与 JSON Lines 逐表写出、不在内存中保留已写出的表，大文件也只占少量内存。
    """
    from reviewer.config import load_config

    config = load_config(args.config)
    form = args.form or config.form
    if args.format in ("json", "jsonl"):
        from reviewer.parse_json import write_json, write_jsonl

        write = write_json if args.format == "json" else write_jsonl
        parsed = write(args.file, sys.stdout, config.limits, form)
        _warn_leftovers(parsed, parsed.tables, Status())
        return 0
    from reviewer.api import parse_file
    from reviewer.render_parse import print_tables

    report = parse_file(args.file, config.limits, form)
    print_tables(report, _stdout())
    _warn_leftovers(report, len(report.tables), Status())
    return 0


def _effective_config(args: argparse.Namespace) -> Config:
    from reviewer.checks.registry import all_rules
    from reviewer.config import load_config, parse_codes

    config = load_config(args.config)
    updates: dict[str, object] = {}
    if args.select is not None:
        updates["select"] = parse_codes(args.select)
    if args.ignore is not None:
        updates["ignore"] = parse_codes(args.ignore)
    if args.min_severity:
        updates["min_severity"] = args.min_severity
    if args.fail_on:
        updates["fail_on"] = args.fail_on
    if args.form:
        updates["form"] = args.form
    config = config.model_copy(update=updates)
    known = {r.code for r in all_rules()}
    for pattern in config.select + config.ignore:
        if not any(code.startswith(pattern) for code in known):
            raise UsageError(f"未知的规则代码或类别：{pattern}（用 review rules 查看全部规则）")
    return config


def cmd_review(args: argparse.Namespace) -> int:
    """复核自评表，输出复核意见（终端、Markdown、JSON、HTML 或 Word）。

    给出多个文件、目录或通配符，或给出 --out-dir 时为批量复核：每个文件的复核意见写入
    --out-dir，并生成按风险排序的汇总表（summary.md、summary.csv、summary.xlsx）。

    示例：review 报表.txt -o 复核意见.html；review 报表目录/ --out-dir 复核结果 --jobs 4
    """
    if _is_batch(args):
        return _review_batch(args)
    args.file = args.file[0]
    return _review_one(args)


def _format_of(output: str | None) -> str:
    suffix = Path(output).suffix.lower() if output else ""
    formats = {".json": "json", ".html": "html", ".htm": "html", ".docx": "docx"}
    return formats.get(suffix, "terminal")


def _is_batch(args: argparse.Namespace) -> bool:
    first = args.file[0]
    return (
        len(args.file) > 1
        or args.out_dir is not None
        or args.llm_batch
        or Path(first).is_dir()
        or (any(ch in first for ch in "*?[") and not Path(first).exists())
    )


def _review_batch(args: argparse.Namespace) -> int:
    """Several files: memos into --out-dir, a ranked summary, one progress bar."""
    from reviewer.batch import run_batch
    from reviewer.llm.stage import LlmStage

    config = _effective_config(args)
    if args.output:
        raise UsageError("批量复核请用 --out-dir 指定输出目录；-o 只用于单个文件")
    fmt = args.format or "markdown"
    if fmt == "terminal":
        raise UsageError("批量复核的复核意见只能写成文件：--format markdown、json、html 或 docx")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs 至少为 1")
    out_dir = Path(args.out_dir or "review-out")
    err = Status()
    settings = settings_from_args(args, env=os.environ, config=config.llm)
    if args.llm_batch:
        from reviewer.batch.llm_batch import run_llm_batch

        try:
            result, failures = run_llm_batch(
                args.file,
                out_dir,
                config=config,
                settings=settings,
                fmt=fmt,
                jobs=args.jobs or os.cpu_count() or 1,
                console=err.console,
            )
        except KeyboardInterrupt:
            err.say(
                "已中断：已提交的批处理仍在服务商处进行，进度保存在输出目录；"
                "重新运行同一命令即可继续等待并取回结果。"
            )
            return 130
        for line in failures:
            err.say(("批处理失败", "yellow"), f"：{one_line(line)}")
    else:
        stage = LlmStage(settings, shared_limit=True)
        result = run_batch(
            args.file,
            out_dir,
            config=config,
            fmt=fmt,
            jobs=args.jobs,
            llm=stage,
            console=err.console,
        )
    if not settings.enabled and settings.note:
        err.say(one_line(settings.note))
    for o in result.outcomes:
        if o.status == "failed":
            err.say(("未能复核", "red"), f"：{one_line(o.source)}：{one_line(o.error or '')}")
    err.say(
        f"本次复核 {result.count('reviewed')} 个文件，未变化而跳过 {result.count('skipped')} 个，"
        f"未能复核 {result.count('failed')} 个；复核意见与汇总表（summary.md / .csv / .xlsx）"
        f"在 {one_line(str(out_dir))}。"
    )
    if result.interrupted:
        err.say(
            f"已中断：已写好的复核意见完整保留，{len(result.unfinished)} 个文件尚未复核；"
            "重新运行同一命令会跳过已完成的文件。"
        )
    return result.exit_code


def _review_one(args: argparse.Namespace) -> int:
    """One file: the memo to the terminal, stdout or the file given with -o.

    Markdown, JSON and the terminal take the streaming review (memory does not grow with the
    file); HTML and Word draw from the whole report.
    """
    fmt = args.format or _format_of(args.output)
    if fmt == "docx" and not args.output:
        raise UsageError("Word 复核意见是二进制文件，不能输出到终端：请用 -o 复核意见.docx")
    from reviewer.llm.stage import LlmStage

    config = _effective_config(args)
    stage = LlmStage(settings_from_args(args, env=os.environ, config=config.llm))
    err = Status()
    if fmt in ("html", "docx"):
        source, tables, counts, llm, code = _review_whole(args, fmt, config, stage, err)
    else:
        source, tables, counts, llm, code = _review_streamed(args, fmt, config, stage, err)
    if not llm.enabled:
        if llm.note:
            err.say(one_line(llm.note))
    elif llm.stopped:  # key, quota, access or model: one line says it all
        err.say((one_line(llm.stopped), "yellow"))
    elif llm.failed_tables:
        names = one_line("、".join(t.project for t in llm.failed_tables))
        err.say(("大模型审读未完成", "yellow"), f"：{names}（仅有确定性复核结果）")
    err.say(
        f"{one_line(source)}：{tables} 张表，错误 {counts.error} 项，"
        f"需核实 {counts.warning} 项，提示 {counts.info} 项。"
    )
    return code


_Outcome = tuple[str, int, "SeverityCounts", "LlmRun", int]


def _written(args: argparse.Namespace, err: Status, write: Callable[[BinaryIO], object]) -> None:
    """The memo to the file given with -o, atomically."""
    from reviewer.atomic import atomic_file

    try:
        with atomic_file(Path(args.output)) as fh:
            write(fh)
    except OSError as exc:
        raise UsageError(f"无法写入 {args.output}：{exc.strerror or exc}") from exc
    err.say(f"复核意见已写入 {one_line(args.output)}")


def _review_whole(
    args: argparse.Namespace, fmt: str, config: Config, stage: LlmStage, err: Status
) -> _Outcome:
    from reviewer.memo.render import render_memo
    from reviewer.pipeline import review

    with _llm_progress(err) as progress:
        result = review(args.file, config=config, llm=stage, progress=progress)
    report = result.report
    content = render_memo(fmt, result.memo, report)
    if args.output:
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        _written(args, err, lambda fh: fh.write(data))
    else:  # docx was refused above: HTML is text
        assert isinstance(content, str)
        sys.stdout.write(content)
    code = result.exit_code(config.fail_on)
    return report.source, len(report.tables), result.memo.overview.counts, result.llm, code


def _review_streamed(
    args: argparse.Namespace, fmt: str, config: Config, stage: LlmStage, err: Status
) -> _Outcome:
    from reviewer.memo.stream import MemoSpool
    from reviewer.pipeline import review_stream

    # the memo's parts wait beside the output (they are as large as the memo), else in /tmp
    folder = Path(args.output).absolute().parent if args.output else None
    with MemoSpool(
        "json" if fmt == "json" else "markdown", folder if folder and folder.is_dir() else None
    ) as spool:
        with _llm_progress(err) as progress:
            result = review_stream(args.file, spool, config=config, llm=stage, progress=progress)
        if args.output:
            _written(args, err, lambda fh: _as_text(fh, lambda out: spool.write(result.memo, out)))
        elif fmt == "terminal":
            _print_markdown(lambda out: spool.write(result.memo, out))
        else:
            spool.write(result.memo, sys.stdout)
    code = result.exit_code(config.fail_on)
    return result.source, result.tables, result.counts, result.llm, code


def _as_text(fh: BinaryIO, write: Callable[[TextIO], None]) -> None:
    text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
    write(text)
    text.flush()
    text.detach()  # the file is the caller's to close


def _print_markdown(write: Callable[[TextIO], None]) -> None:
    """The Markdown memo in the terminal, a section at a time (never all of it in memory)."""
    from rich.markdown import Markdown

    console = _stdout()
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as tmp:
        write(tmp)
        tmp.seek(0)
        chunk: list[str] = []
        for line in tmp:
            if line.startswith(("## ", "### ")) and chunk:
                console.print(Markdown("".join(chunk)))
                chunk = []
            chunk.append(line)
        if chunk:
            console.print(Markdown("".join(chunk)))


@contextmanager
def _llm_progress(err: Status) -> Iterator[ProgressHook]:
    """A progress bar on stderr for the LLM stage, shown once the stage starts."""
    if TYPE_CHECKING:
        from rich.progress import Progress

    bar: Progress | None = None
    task = None

    def hook(stage: str, done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            bar = Progress(
                TextColumn("大模型审读"),
                BarColumn(),
                MofNCompleteColumn(),
                console=err.console,
                transient=True,
            )
            bar.start()
            task = bar.add_task(stage, total=total or None)  # 0: not known (a streamed file)
        assert task is not None
        bar.update(task, completed=done)

    try:
        yield hook
    finally:
        if bar is not None:
            bar.stop()


def cmd_forms(args: argparse.Namespace) -> int:
    """列出可识别的表格类型（表格家族）：名称、如何识别、评分约定。

    复核时自动识别每张表的类型，并在复核意见中注明；--form 名称 可指定按某一类型读取。
    """
    from reviewer.forms.families import FAMILIES

    out = _stdout()
    for f in FAMILIES:
        s = f.scoring
        points = (
            "评分表，只复核算术"
            if s.rubric
            else f"预算执行{_points(s.execution_weight)}，指标{_points(s.indicator_total)}，"
            f"行分值称“{s.weight_label}”，"
            + ("原则上按50/30/10设置分值" if s.default_split else "不适用50/30/10的默认分值")
            + (
                f"，执行率低于{s.explain_execution_below:g}%须说明原因"
                if s.explain_execution_below
                else ""
            )
        )
        out.print(f"[bold]{f.name}[/]  {terminal(f.title)}", soft_wrap=True)
        out.print(f"  识别与栏目：{terminal(f.note)}", soft_wrap=True)
        out.print(f"  评分约定：{terminal(points)}。", soft_wrap=True)
        out.print()
    return 0


def _points(value: float | None) -> str:
    return "不计分" if value is None else f"{value:g}分"


class FormNames:
    """The form families' names, as ``--form`` accepts them: the registry is imported only when
    the option is used or the help is shown (``review --version`` never reads it; the option's
    ``metavar`` spares argparse listing them while the parser is built)."""

    def _names(self) -> list[str]:
        from reviewer.forms.families import FAMILIES

        return [f.name for f in FAMILIES]

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())


def cmd_rules(args: argparse.Namespace) -> int:
    """列出全部复核规则。"""
    from rich.table import Table

    from reviewer.checks.registry import SCOPES, all_rules

    table = Table(title="复核规则", show_lines=False)
    for col in ("代码", "名称", "类别", "默认级别", "依据", "范围"):
        table.add_column(col)
    for r in all_rules():
        table.add_row(
            r.code,
            f"{r.title}（{r.name}）",
            r.category.value,
            r.severity.label,
            r.authority,
            SCOPES[r.scope],
        )
    _stdout().print(table)
    return 0


def explain_text(code: str) -> str:
    from reviewer.checks.registry import AUTHORITIES, GROUPS, SCOPES, get_rule

    r = get_rule(code)
    if r is None:
        raise UsageError(f"没有规则 {code}（用 review rules 查看全部规则）")
    return "\n".join(
        [
            f"# {r.code} {r.title}（{r.name}）",
            "",
            f"- 类别：{r.category.value}；默认级别：{r.severity.label}（{r.severity.value}）",
            f"- 依据：{r.authority}——{AUTHORITIES[r.authority]}",
            f"- 归入主要问题：{GROUPS[r.group]}",
            f"- 范围：{SCOPES[r.scope]}" + (f"；同类规则：{'、'.join(r.twins)}" if r.twins else ""),
            "",
            f"**检查什么**：{r.what}",
            "",
            f"**为什么**：{r.why}",
            "",
            f"**示例**：{r.example}",
            "",
            f"**如何改正**：{r.fix}",
            "",
        ]
    )


def cmd_explain(args: argparse.Namespace) -> int:
    """打印一条规则的说明。"""
    from rich.markdown import Markdown

    _stdout().print(Markdown(explain_text(args.code)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="review",
        description="复核财政项目支出绩效自评表，生成复核意见。不写子命令时即为 review FILE。",
    )
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    r = sub.add_parser(
        "review", help="复核自评表并输出复核意见（默认命令）", description=cmd_review.__doc__
    )
    r.add_argument(
        "file", nargs="+", metavar="FILE", help="自评表文件；可给多个文件、目录或通配符（批量复核）"
    )
    r.add_argument(
        "-o",
        "--output",
        help="写入文件（.md 为 Markdown，.json 为 JSON，.html 为 HTML，.docx 为 Word）",
    )
    r.add_argument(
        "--format",
        choices=("terminal", "markdown", "json", "html", "docx"),
        help="输出格式（单个文件默认终端，docx 须配合 -o；批量复核默认 markdown）",
    )
    r.add_argument("--out-dir", help="批量复核：复核意见和汇总表写入此目录（默认 review-out）")
    r.add_argument("-j", "--jobs", type=int, help="批量复核：并行的进程数（默认为全部 CPU 核数）")
    r.add_argument(
        "--llm-batch",
        dest="llm_batch",
        action="store_true",
        help="批量复核：大模型审读通过服务商的批处理接口（Batch API）提交，费用约为一半，"
        "24 小时内返回；中断后重新运行同一命令即可继续",
    )
    r.add_argument("--select", help="只用这些规则，逗号分隔的代码或前缀（如 S,B101）")
    r.add_argument("--ignore", help="不用这些规则，逗号分隔的代码或前缀")
    r.add_argument(
        "--min-severity", choices=("error", "warning", "info"), help="只报告此级别及以上"
    )
    r.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        help="有此级别及以上的问题时退出码为1（默认 error）",
    )
    r.add_argument(
        "--config", help="配置文件（reviewer.toml 或含 [tool.reviewer] 的 pyproject.toml）"
    )
    r.add_argument(
        "--form",
        choices=FormNames(),
        metavar="FORM",  # the names are listed in the help, read from the registry then
        help="按指定的表格类型读取：%(choices)s（默认从表格内容识别；review forms 说明各类型）",
    )
    add_llm_arguments(r)
    r.set_defaults(func=cmd_review)

    p = sub.add_parser("parse", help="解析自评表并输出结构化内容", description=cmd_parse.__doc__)
    p.add_argument("file", help="自评表文件：PDF、Excel（.xlsx）、Word（.docx）或文本")
    p.add_argument(
        "--format",
        choices=("json", "jsonl", "table"),
        default="json",
        help="输出格式：json（整份文档）、jsonl（每行一个对象：报告、各表、未解析内容、合计）或 table",
    )
    p.add_argument("--config", help="配置文件（其中 [limits] 设定读取上限）")
    p.add_argument(
        "--form",
        choices=FormNames(),
        metavar="FORM",
        help="按指定的表格类型读取：%(choices)s（默认自动识别）",
    )
    p.set_defaults(func=cmd_parse)

    lr = sub.add_parser("rules", help="列出全部复核规则", description=cmd_rules.__doc__)
    lr.set_defaults(func=cmd_rules)

    fm = sub.add_parser("forms", help="列出可识别的表格类型", description=cmd_forms.__doc__)
    fm.set_defaults(func=cmd_forms)

    e = sub.add_parser("explain", help="打印一条规则的说明", description=cmd_explain.__doc__)
    e.add_argument("code", help="规则代码，如 S102")
    e.set_defaults(func=cmd_explain)
    return parser


def cmd_eval(rest: list[str]) -> int:
    """评测：在标注数据上计算各类问题的精确率与召回率（即 python -m eval）。"""
    root = Path.cwd()
    if (root / "eval" / "__init__.py").is_file() and str(root) not in sys.path:
        sys.path.insert(0, str(root))
    try:
        from eval.cli import main as eval_main
    except ImportError as exc:
        raise UsageError(
            "评测工具随代码仓库提供：请在仓库根目录运行 review eval 或 python -m eval"
        ) from exc
    code: int = eval_main(rest)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["eval"]:
        try:
            return cmd_eval(args_list[1:])
        except ReviewerError as exc:
            Status().say(("错误", "red"), f"：{one_line(exc.message)}")
            return exc.exit_code
    if args_list and args_list[0] not in COMMANDS and not args_list[0].startswith("-"):
        args_list.insert(0, "review")
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse has printed its own one-line usage error
        return 0 if exc.code == 0 else 2
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        code: int = args.func(args)
    except ReviewerError as exc:
        Status().say(("错误", "red"), f"：{one_line(exc.message)}")
        return exc.exit_code
    except KeyboardInterrupt:
        Status().say("已中断。")
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:  # the disk, not the tool: a full disk, a folder that cannot be written
        where = f" {exc.filename}" if exc.filename else ""
        Status().say(
            ("错误", "red"),
            f"：无法写入或读取{one_line(where)}：{one_line(exc.strerror or str(exc))}",
        )
        return 2
    except Exception as exc:  # a defect of ours: one line for the user, the trace on request
        if os.environ.get("REVIEWER_DEBUG"):
            raise
        Status().say(
            ("内部错误", "red"),
            f"：{type(exc).__name__}: {one_line(str(exc))}。这是 reviewer 的缺陷，请报告；"
            "设置 REVIEWER_DEBUG=1 可显示详细信息。",
        )
        return 70
    return code


if __name__ == "__main__":
    sys.exit(main())
