"""Claims: the figures the narrative states, and what they are compared with.

``extract_claims(table)`` reads the quantities in 预期目标 and 实际完成情况;
``analyse(table)`` adds the enumerations and the indicators each claim matches;
``claims_for_prompt(table)`` / ``claims_by_table(report)`` give them to the LLM as Chinese lines.
"""

from reviewer.claims.analysis import Analysis, analyse, claims_by_table, claims_for_prompt
from reviewer.claims.extract import Claim, Enumeration, extract, extract_claims
from reviewer.claims.numerals import parse_chinese, parse_numeral

__all__ = [
    "Analysis",
    "Claim",
    "Enumeration",
    "analyse",
    "claims_by_table",
    "claims_for_prompt",
    "extract",
    "extract_claims",
    "parse_chinese",
    "parse_numeral",
]
