"""Renderers: each one a function of a :class:`resdiff.model.Comparison`, in its own module.

``render_html`` is also importable from here; it loads (with jinja2) on first use, so that the
CLI's text and JSON output do not pay for the HTML templates.
"""

from __future__ import annotations

from typing import Any

__all__ = ["render_html"]


def __getattr__(name: str) -> Any:
    if name == "render_html":
        from resdiff.render.html import render_html

        return render_html
    raise AttributeError(f"module 'resdiff.render' has no attribute {name!r}")
