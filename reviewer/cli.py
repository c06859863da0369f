"""The ``review`` command line: a thin layer over the public API.

review FILE                      review a report and print the memo
review parse FILE [--format json|table]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from rich.console import Console

from reviewer import __version__
from reviewer.api import parse_file
from reviewer.errors import ReviewerError
from reviewer.model import Report


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


def _warn_leftovers(report: Report, err: Console) -> None:
    for left in report.leftovers:
        where = f"{report.source} {left.location.describe()}"
        err.print(f"[yellow]警告[/]：{where} 未能解析：{left.text[:60]}", soft_wrap=True)
    acc = report.accounting
    err.print(
        f"已解析 {len(report.tables)} 张表；非空行 {acc.nonempty_lines} 行，"
        f"已使用 {acc.consumed_lines} 行，未解析 {acc.reported_lines} 行。"
    )


def cmd_parse(args: argparse.Namespace) -> int:
    """Parse a report and print its structured content."""
    report = parse_file(args.file)
    err = _stderr()
    if args.format == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        from reviewer.render_parse import print_tables

        print_tables(report, Console(highlight=False))
    _warn_leftovers(report, err)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="review",
        description="复核财政项目支出绩效自评表，生成复核意见。",
    )
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("parse", help="解析自评表并输出结构化内容", description=cmd_parse.__doc__)
    p.add_argument("file", help="自评表文件：PDF、Excel（.xlsx）、Word（.docx）或文本")
    p.add_argument("--format", choices=("json", "table"), default="json", help="输出格式")
    p.set_defaults(func=cmd_parse)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        code: int = args.func(args)
    except ReviewerError as exc:
        _stderr().print(f"[red]错误[/]：{exc.message}", soft_wrap=True)
        return exc.exit_code
    except KeyboardInterrupt:
        _stderr().print("已中断。")
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
