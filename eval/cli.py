"""``python -m eval`` (and ``review eval``): run the evaluation harness.

    python -m eval --backend rules --dataset all                       run and report
    python -m eval --dataset all --compare eval/baseline.json          the CI gate
    python -m eval --dataset all --exclude-amended                     pre-registered figures too
    python -m eval --ignore S102 --dataset injected --compare eval/baseline.json   a regression
    python -m eval --dataset path/to/labels.json                       your own labelled documents
    python -m eval generate --out DIR                                  write the injected dataset
    python -m eval baseline                                            regenerate both baselines

Exit codes: 0 done (and the baseline gate passed); 1 the gate failed (a new miss, a new false
positive, a severity change, a dataset that differs from its baseline or pin); 2 usage error or
a backend that cannot run.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from rich.console import Console

from eval import mutate
from eval.backends import BACKENDS, BackendUnavailable, make_backend
from eval.compare import compare, load_baseline, write_baseline
from eval.harness import run_dataset
from eval.labels import Dataset, dataset_digest, load_dataset, preregistered_digest
from eval.metrics import DatasetSummary, summarize
from eval.report import terminal, write
from reviewer.config import Config, parse_codes

REPO = Path(__file__).resolve().parent.parent
DATASETS = REPO / "eval" / "datasets"
SEED_LABELS = DATASETS / "seed" / "labels.json"
CORPUS_LABELS = DATASETS / "corpus" / "labels.json"
CASSETTES = REPO / "eval" / "cassettes"
RUNS = REPO / "eval" / "runs"
BASELINE = REPO / "eval" / "baseline.json"
REPLAY_BASELINE = REPO / "eval" / "baseline-replay.json"
NAMES = ("corpus", "seed", "injected", "all")


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
        help="corpus（留出集：公开文本与制表符版本）、seed、injected、all（默认），"
        "或一个 labels.json（或含它的文件夹）",
    )
    p.add_argument(
        "--compare", metavar="BASELINE", help="与基线比较：有新遗漏、新误报等时退出码为 1"
    )
    p.add_argument("--write-baseline", metavar="PATH", help="把本次结果写成基线文件")
    p.add_argument(
        "--exclude-amended",
        action="store_true",
        help="另按预注册标注（不含修订新增、含已撤回的标注）计分，与当前标注并列报告",
    )
    p.add_argument("--out", metavar="DIR", help="报告文件夹（默认 eval/runs/<时间>-<后端>）")
    p.add_argument("--select", help="只用这些规则（逗号分隔的代码或前缀）")
    p.add_argument("--ignore", help="不用这些规则，如 S102（用于演示退步）")
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
    ds = load_dataset(folder / "labels.json")
    return ds, dataset_digest(ds)


def frozen_problem(ds: Dataset) -> str | None:
    """A labels file's pre-registered labels against their pin (``frozen.json``), if any."""
    pin = ds.root / "frozen.json"
    if not pin.is_file():
        return None
    frozen = json.loads(pin.read_text(encoding="utf-8"))["labels_sha256"]
    if preregistered_digest(ds) == frozen:
        return None
    return (
        f"{ds.dataset} 的预注册标注被改动（与 frozen.json 不符）：修订须以 amended 标注新增或撤回，"
        "不能原地修改 / pre-registered labels edited in place"
    )


Loaded = tuple[Dataset, str, list[str]]  # dataset, digest, problems with its pins


def _with_renderings(ds: Dataset, problems: list[str]) -> list[Loaded]:
    out = [(ds, dataset_digest(ds), problems)]
    for name in ds.renderings():
        view = ds.rendering(name)
        out.append((view, dataset_digest(view), problems))
    return out


def _labelled(path: Path) -> list[Loaded]:
    ds = load_dataset(path)
    problem = frozen_problem(ds)
    return _with_renderings(ds, [problem] if problem else [])


def datasets(name: str, workdir: Path) -> list[Loaded]:
    """The datasets a name stands for, held-out ones first."""
    out: list[Loaded] = []
    if name in ("corpus", "all"):
        out += _labelled(CORPUS_LABELS)
    if name in ("seed", "all"):
        out += _labelled(SEED_LABELS)
    if name in ("injected", "all"):
        ds, digest = injected(workdir / "injected")
        expected = mutate.read_spec().get("sha256")
        problems = []
        if digest != expected:
            problems.append(
                "注入数据集与 spec.json 记录的不一致（生成器或其所用的解析已改动）；"
                "请运行 python -m eval baseline 并提交 / the injected dataset differs from spec.json"
            )
        out.append((ds, digest, problems))
    if not out:
        path = Path(name)
        path = path / "labels.json" if path.is_dir() else path
        if not path.is_file():
            raise UsageProblem(
                f"找不到数据集 {name}（可选 {'、'.join(NAMES)} 或 labels.json 路径）"
            )
        out += _labelled(path)
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


def evaluate(args: argparse.Namespace) -> tuple[list[DatasetSummary], list[DatasetSummary], Path]:
    """Run the backend over the datasets: (current summaries, pre-registered ones, out dir)."""
    config = Config(select=parse_codes(args.select), ignore=parse_codes(args.ignore))
    current: list[DatasetSummary] = []
    pre: list[DatasetSummary] = []
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = Path(args.out) if args.out else RUNS / f"{stamp}-{args.backend}"
    with tempfile.TemporaryDirectory(prefix="reviewer-eval-") as tmp:
        for ds, digest, problems in datasets(args.dataset, Path(tmp)):
            cassette = _cassette_folder(args, out, ds.dataset)
            backend = make_backend(args.backend, config, cassette)
            run = run_dataset(ds, backend, digest, problems)
            current.append(summarize(run))
            if args.exclude_amended and ds.amended:
                pre.append(summarize(run, preregistered=True))
    return current, pre, out


def run(args: argparse.Namespace, err: Console) -> int:
    current, pre, out = evaluate(args)
    cmp = None
    if args.compare:
        path = Path(args.compare)
        if not path.is_file():
            raise UsageProblem(f"找不到基线文件 {path}")
        cmp = compare(current, load_baseline(path), str(path))
    config = Config(select=parse_codes(args.select), ignore=parse_codes(args.ignore))
    write(out, current, pre, cmp, args.backend, config.select, config.ignore)
    terminal(Console(highlight=False), current, pre, cmp, out)
    if args.write_baseline:
        write_baseline(Path(args.write_baseline), args.backend, current)
        err.print(f"基线已写入 {args.write_baseline}")
    return 0 if cmp is None or cmp.passed else 1


def rebaseline(err: Console) -> int:
    """Regenerate both baselines (rules over every dataset, the replay over the seed) and the
    injected set's pinned digest: the one command to run after a change meant to move figures."""
    with tempfile.TemporaryDirectory(prefix="reviewer-eval-") as tmp:
        _, digest = injected(Path(tmp))
    spec = mutate.read_spec()
    if spec.get("sha256") != digest:
        spec["sha256"] = digest
        mutate.SPEC.write_text(json.dumps(spec, ensure_ascii=False, indent=1) + "\n", "utf-8")
        err.print(f"spec.json 的注入数据集摘要已更新为 {digest}")
    for backend, dataset, path in (("rules", "all", BASELINE), ("replay", "seed", REPLAY_BASELINE)):
        with tempfile.TemporaryDirectory(prefix="reviewer-eval-") as out:
            args = run_parser().parse_args(
                ["--backend", backend, "--dataset", dataset, "--out", out]
            )
            current, _, _ = evaluate(args)
        write_baseline(path, backend, current)
        err.print(f"基线已写入 {path.relative_to(REPO)}（{backend}，{dataset}）")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    err = Console(stderr=True, highlight=False)
    try:
        if argv[:1] == ["generate"]:
            args = generate_parser().parse_args(argv[1:])
            spec = mutate.read_spec()
            out = Path(args.out)
            mutate.generate(out, seed=int(spec["seed"]), count=int(spec["count"]))
            ds = load_dataset(out / "labels.json")
            err.print(
                f"已生成 {len(ds.documents)} 份注入文档：{args.out}（digest {dataset_digest(ds)}）"
            )
            return 0
        if argv[:1] == ["baseline"]:
            if argv[1:]:
                raise UsageProblem("python -m eval baseline 不带参数")
            return rebaseline(err)
        return run(run_parser().parse_args(argv), err)
    except (UsageProblem, BackendUnavailable, ValueError, OSError) as exc:
        err.print(f"错误：{exc}", soft_wrap=True)
        return 2
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
