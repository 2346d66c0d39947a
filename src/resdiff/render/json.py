"""JSON output: the ``resdiff.resolution/1`` and ``resdiff.comparison/1`` documents."""

from __future__ import annotations

import json

from resdiff.model import Comparison, Resolution


def render_json(document: Comparison | Resolution, *, indent: int | None = 2) -> str:
    """The JSON text of a Resolution or Comparison, exactly as ``to_dict()`` gives it."""
    return json.dumps(document.to_dict(), ensure_ascii=False, indent=indent) + "\n"
