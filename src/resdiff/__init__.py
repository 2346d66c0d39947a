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
    LanguageError,
    NotAResolutionError,
    ResdiffError,
    SeriesError,
)
from resdiff.fetch import fetch  # after the errors: the module and the function share a name
from resdiff.model import (
    Change,
    Comparison,
    DiffOp,
    FootnoteChange,
    LeadShift,
    ParseWarning,
    Resolution,
    TermSwitch,
    Unit,
)
from resdiff.options import Options

__version__ = "0.1.0"

# Heavier parts load on first use, so that `import resdiff` and the CLI start fast.
_LAZY = {
    "render_html": ("resdiff.render.html", "render_html"),
    "render_docx": ("resdiff.render.docx", "render_docx"),
    "render_brief": ("resdiff.render.brief", "render_brief"),
    "render_brief_docx": ("resdiff.render.brief", "render_brief_docx"),
    "make_brief": ("resdiff.render.brief", "make_brief"),
    "render_xlsx": ("resdiff.render.sheet", "render_xlsx"),
    "render_csv": ("resdiff.render.sheet", "render_csv"),
    "Series": ("resdiff.series", "Series"),
    "Index": ("resdiff.search", "Index"),
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module 'resdiff' has no attribute {name!r}")

__all__ = [
    "Change",
    "Comparison",
    "DiffOp",
    "DocumentError",
    "FetchError",
    "FootnoteChange",
    "Index",
    "InputError",
    "LanguageError",
    "LeadShift",
    "NotAResolutionError",
    "Options",
    "ParseWarning",
    "ResdiffError",
    "Resolution",
    "Series",
    "SeriesError",
    "TermSwitch",
    "Unit",
    "__version__",
    "compare",
    "fetch",
    "load",
    "make_brief",
    "parse",
    "render_brief",
    "render_brief_docx",
    "render_csv",
    "render_docx",
    "render_html",
    "render_xlsx",
]
