"""Renderers: each one a function of a :class:`resdiff.model.Comparison`, in its own module.

The renderers are also importable from here; each loads on first use (jinja2, python-docx,
openpyxl), so that the CLI's text and JSON output do not pay for them.
"""

from __future__ import annotations

import importlib
from typing import Any

_MODULES = {
    "render_html": "resdiff.render.html",
    "render_docx": "resdiff.render.docx",
    "render_brief": "resdiff.render.brief",
    "render_brief_docx": "resdiff.render.brief",
    "make_brief": "resdiff.render.brief",
    "render_xlsx": "resdiff.render.sheet",
    "render_csv": "resdiff.render.sheet",
}

__all__ = sorted(_MODULES)


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        return getattr(importlib.import_module(_MODULES[name]), name)
    raise AttributeError(f"module 'resdiff.render' has no attribute {name!r}")
