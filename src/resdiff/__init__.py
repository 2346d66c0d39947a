"""resdiff: what changed between two years of a UN resolution.

>>> import resdiff
>>> old = resdiff.load("corpora/ecosoc-wsis/zh/E-RES-2013-9.txt")
>>> old["OP8"].lead
'吁请'
"""

from __future__ import annotations

from resdiff.api import compare, load, parse
from resdiff.errors import (
    DocumentError,
    FetchError,
    InputError,
    NotAResolutionError,
    ResdiffError,
    SeriesError,
)
from resdiff.model import Change, Comparison, DiffOp, LeadShift, Resolution, TermSwitch, Unit
from resdiff.options import Options

__version__ = "0.1.0"

__all__ = [
    "Change",
    "Comparison",
    "DiffOp",
    "DocumentError",
    "FetchError",
    "InputError",
    "LeadShift",
    "NotAResolutionError",
    "Options",
    "ResdiffError",
    "Resolution",
    "SeriesError",
    "TermSwitch",
    "Unit",
    "__version__",
    "compare",
    "load",
    "parse",
]
