"""The JSON Schemas of resdiff's output formats, as package data."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

#: Schema name (the ``"schema"`` field of a document) → file under this package.
FILES = {
    "resdiff.resolution/1": "resolution-1.json",
    "resdiff.comparison/1": "comparison-1.json",
    "resdiff.lineage/1": "lineage-1.json",
    "resdiff.search-hits/1": "search-hits-1.json",
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of the format ``name`` (``resdiff.comparison/1``)."""
    text = resources.files("resdiff.schemas").joinpath(FILES[name]).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
