"""Renderers: each one a function of a :class:`resdiff.model.Comparison`."""

from resdiff.render.html import render_html

__all__ = ["render_html"]
