"""The public API the CLI and the eval harness call."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reviewer.errors import InputError
from reviewer.grid import IMAGE_TABLE
from reviewer.ingest import read_grid
from reviewer.limits import Limits
from reviewer.model import EvaluationTable, Leftover, Report
from reviewer.parse import TableStream, look_alike, parse_grid
from reviewer.parse.labels import is_total_word
from reviewer.untrusted import path_text


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large object graph is built.

    The parser creates no reference cycles, so reference counting frees everything; but each
    automatic collection walks every live object, and while a big Report grows that walk makes
    parsing quadratic. The collector's previous state is restored afterwards.

    What was built meanwhile is long-lived, so it is moved straight to the oldest generation
    (``gc.freeze()`` then ``gc.unfreeze()``, as documented: into the permanent generation and
    back into the oldest). Otherwise the first young collection after the pause walks every
    object of the Report, then the next one again: a tenth of a large parse. Skipped when
    the program keeps objects frozen itself, so as not to unfreeze them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


# A form's own labels: two of them in a text that yields no table mean the form is there, in
# a layout that could not be rebuilt, not that the file holds none.
_FORM_LABELS = (
    "项目名称",
    "年度资金总额",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "产出指标",
    "满意度指标",
    # an excerpt opening among the indicator rows, no header above them: their categories
    "数量指标",
    "质量指标",
    "时效指标",
    "效益指标",
)


# The rows' category labels among them: one printed says indicator rows are there.
_CATEGORY_LABELS = tuple(
    label for label in _FORM_LABELS if label.endswith("指标") and not label.endswith("级指标")
)


def no_table(path: str | Path, leftovers: Iterable[Leftover] = ()) -> InputError:
    """The error for a file that holds no self-evaluation table; ``leftovers`` (what was read
    and not placed) tell a form that could not be rebuilt from a file without one."""
    name = Path(path).name
    leftovers = list(leftovers)
    pictures = [lo.text.removeprefix("[图片]") for lo in leftovers if lo.reason == IMAGE_TABLE]
    if pictures:
        return InputError(
            f"{name} 中的自评表以图片发布（“{pictures[0][:40]}”），无法读取其中的内容："
            "请提供文字版本（.xlsx、.docx 或可复制文字的 PDF）再复核"
        )
    alike = next((lo.text for lo in leftovers if len(lo.text) <= 40 and look_alike(lo.text)), None)
    if alike is not None:
        return InputError(
            f"{name} 中是“{alike[:40]}”，不是绩效自评表（没有实际完成值和自评得分）："
            "本工具只复核财政项目支出绩效自评表"
        )
    seen = [label for label in _FORM_LABELS if any(label in lo.text for lo in leftovers)]
    texts = [lo.text.strip() for lo in leftovers]
    if (
        "一级指标" in seen
        and any(is_total_word(t) for t in texts)
        and not any(label in t for label in _CATEGORY_LABELS for t in texts)
    ):
        # the indicator header and the 总分 row alone (a form's last page): nothing to review
        return InputError(
            f"{name} 中只有自评表绩效指标的表头和总分行，没有指标行和项目资金（可能只是表格的最后一页）："
            "无从复核，请提供完整的自评表"
        )
    if len(seen) >= 2:
        shown = "、".join(f"“{label}”" for label in seen[:3])
        return InputError(
            f"{name} 中有自评表的栏目（{shown}），但未能还原出表格的行列"
            "（可能缺了表头，或是每格一行、按列复制的文字）：请提供原始表格文件（.xlsx、.docx 或 PDF）再复核"
        )
    return InputError(f"未在 {name} 中找到财政项目支出绩效自评表（项目名称、绩效指标等栏目）")


def parse_file(path: str | Path, limits: Limits | None = None, form: str | None = None) -> Report:
    """Read and parse a report file within ``limits`` (the defaults if None); raise InputError
    when it holds no self-evaluation table, LimitError when it goes past a limit."""
    grid = read_grid(path, limits)
    try:
        with gc_paused():
            report = parse_grid(grid, form)
    except OSError as exc:
        raise read_error(path, exc) from exc
    if not report.tables:
        raise no_table(path, report.leftovers)
    report.source = path_text(report.source)  # a name that is not UTF-8 is still written out
    return report


def stream_file(
    path: str | Path, limits: Limits | None = None, form: str | None = None
) -> tuple[str, TableStream]:
    """A report's name (as the memo shows it) and its tables, parsed one by one as they are
    read: the stream's ``leftovers`` and ``accounting`` fill in as it goes. Reading errors
    surface while iterating (:func:`read_error`)."""
    grid = read_grid(path, limits)
    return path_text(grid.source), TableStream(grid, form)


def read_error(path: str | Path, exc: OSError) -> InputError:
    return InputError(f"读取 {Path(path).name} 时出错：{exc.strerror or exc}")


def iter_tables(
    path: str | Path, limits: Limits | None = None, form: str | None = None
) -> Iterator[EvaluationTable]:
    """Yield a file's tables one by one as they are parsed, holding none of them.

    For very large files; leftovers are not collected (use ``parse_file`` for those).
    """
    found = False
    stream = TableStream(read_grid(path, limits), form)
    for table in stream:
        found = True
        yield table
    if not found:
        raise no_table(path, stream.leftovers)
