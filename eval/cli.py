"""``python -m eval`` (and, once wired, ``review eval``): run the evaluation harness.

    python -m eval --backend rules --dataset all                       run and report
    python -m eval --backend rules --dataset all --compare eval/baseline.json
    python -m eval --backend rules --dataset all --write-baseline eval/baseline.json
    python -m eval --ignore S102 --compare eval/baseline.json           a deliberate regression
    python -m eval --dataset path/to/labels.json                         your own labelled documents
    python -m eval generate --out DIR                                    write the injected dataset

Exit codes: 0 done (and the baseline gate passed); 1 the gate failed: a category's precision
or recall dropped by more than the margin; 2 usage error or a backend that cannot run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from rich.console import Console

from eval import mutate
from eval.backends import BACKENDS, BackendUnavailable, make_backend
from eval.compare import DEFAULT_MARGIN, compare, load_baseline, write_baseline
from eval.harness import run_dataset
from eval.labels import Dataset, load_dataset
from eval.metrics import DatasetSummary, summarize
from eval.report import terminal, write
from reviewer.config import Config, parse_codes

REPO = Path(__file__).resolve().parent.parent
SEED_LABELS = REPO / "eval" / "datasets" / "seed" / "labels.json"
CASSETTES = REPO / "eval" / "cassettes"
RUNS = REPO / "eval" / "runs"


class UsageProblem(Exception):
    pass


def run_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m eval",
        description="评测复核质量：按类别统计精确率与召回率，并与基线比较 / evaluate the review per category.",
    )
    p.add_argument(
        "--backend", choices=BACKENDS, default="rules", help="rules（默认）、llm 或 replay"
    )
    p.add_argument(
        "--dataset",
        default="all",
        help="seed、injected、all（默认），或一个 labels.json（或含它的文件夹）",
    )
    p.add_argument("--compare", metavar="BASELINE", help="与基线比较，退步超过容差时退出码为 1")
    p.add_argument("--margin", type=float, default=DEFAULT_MARGIN, help="容差（默认 0.02）")
    p.add_argument("--write-baseline", metavar="PATH", help="把本次结果写成基线文件")
    p.add_argument("--out", metavar="DIR", help="报告文件夹（默认 eval/runs/<时间>-<后端>）")
    p.add_argument("--select", help="只用这些规则（逗号分隔的代码或前缀）")
    p.add_argument("--ignore", help="不用这些规则，如 S102（用于演示退步）")
    p.add_argument("--bootstrap", type=int, default=1000, help="bootstrap 重抽样次数（默认 1000）")
    p.add_argument(
        "--cassettes",
        metavar="DIR",
        help="LLM 录制回放文件夹（replay 默认 eval/cassettes；llm 默认写入本次报告文件夹下的 cassettes，"
        "不覆盖已有录制）",
    )
    return p


def generate_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m eval generate",
        description="生成注入错误数据集 / write the injected dataset",
    )
    p.add_argument("--out", required=True, metavar="DIR")
    return p


def injected(folder: Path) -> tuple[Dataset, str]:
    """Generate the injected dataset (per ``spec.json``) into ``folder``; (dataset, digest)."""
    spec = mutate.read_spec()
    mutate.generate(folder, seed=int(spec["seed"]), count=int(spec["count"]))
    return load_dataset(folder / "labels.json"), mutate.digest(folder)


def datasets(name: str, workdir: Path, err: Console) -> list[tuple[Dataset, str | None]]:
    out: list[tuple[Dataset, str | None]] = []
    if name in ("seed", "all"):
        out.append((load_dataset(SEED_LABELS), None))
    if name in ("injected", "all"):
        ds, digest = injected(workdir / "injected")
        expected = mutate.read_spec().get("sha256")
        if digest != expected:
            err.print(
                "[yellow]注意[/]：注入数据集与 spec.json 记录的不一致（生成器已改动？）"
                "，请更新 spec.json 与基线 / the injected dataset differs from spec.json"
            )
        out.append((ds, digest))
    if not out:
        path = Path(name)
        path = path / "labels.json" if path.is_dir() else path
        if not path.is_file():
            raise UsageProblem(
                f"找不到数据集 {name}（可选 seed、injected、all 或 labels.json 路径）"
            )
        out.append((load_dataset(path), None))
    return out


def _cassette_folder(args: argparse.Namespace, out: Path, dataset: str) -> Path:
    """Where the LLM backend records (a new folder by default, never over a recording) or the
    replay backend reads (the committed cassettes by default)."""
    if args.cassettes:
        root = Path(args.cassettes)
    else:
        root = out / "cassettes" if args.backend == "llm" else CASSETTES
    folder = root / dataset
    if args.backend == "llm" and folder.is_dir() and any(folder.iterdir()):
        raise UsageProblem(f"{folder} 中已有录制，不会覆盖；请用 --cassettes 指定新的文件夹")
    return folder


def run(args: argparse.Namespace, err: Console) -> int:
    config = Config(select=parse_codes(args.select), ignore=parse_codes(args.ignore))
    summaries: list[DatasetSummary] = []
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = Path(args.out) if args.out else RUNS / f"{stamp}-{args.backend}"
    with tempfile.TemporaryDirectory(prefix="reviewer-eval-") as tmp:
        for ds, digest in datasets(args.dataset, Path(tmp), err):
            cassette = _cassette_folder(args, out, ds.dataset)
            backend = make_backend(args.backend, config, cassette)
            summaries.append(summarize(run_dataset(ds, backend, digest), args.bootstrap))
    cmp = None
    if args.compare:
        path = Path(args.compare)
        if not path.is_file():
            raise UsageProblem(f"找不到基线文件 {path}")
        cmp = compare(summaries, load_baseline(path), str(path), args.margin)
    write(out, summaries, cmp, args.backend, config.select, config.ignore)
    terminal(Console(highlight=False), summaries, cmp, out)
    if args.write_baseline:
        write_baseline(Path(args.write_baseline), args.backend, summaries)
        err.print(f"基线已写入 {args.write_baseline}")
    return 0 if cmp is None or cmp.passed else 1


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    err = Console(stderr=True, highlight=False)
    try:
        if argv[:1] == ["generate"]:
            args = generate_parser().parse_args(argv[1:])
            spec = mutate.read_spec()
            out = Path(args.out)
            ds = mutate.generate(out, seed=int(spec["seed"]), count=int(spec["count"]))
            err.print(
                f"已生成 {len(ds.documents)} 份注入文档：{args.out}（digest {mutate.digest(out)}）"
            )
            return 0
        return run(run_parser().parse_args(argv), err)
    except (UsageProblem, BackendUnavailable, ValueError, OSError) as exc:
        err.print(f"错误：{exc}", soft_wrap=True)
        return 2
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
