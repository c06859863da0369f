"""Batch review: many reports in one command, one memo each, and a ranked summary.

``run`` (the run: workers, the LLM stage under one limit, interruption), ``files`` (inputs,
memo names, atomic writes, up-to-date sidecars), ``summary`` and ``summary_xlsx`` (the ranked
summary in Markdown, CSV and .xlsx).
"""

from reviewer.batch.run import BatchResult, run_batch

__all__ = ["BatchResult", "run_batch"]
