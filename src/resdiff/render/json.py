"""JSON output: the ``resdiff.resolution/1`` and ``resdiff.comparison/1`` documents."""

from __future__ import annotations

import json
import re
from typing import Any

from resdiff.model import Comparison, Resolution

#: DEL and the C1 controls (U+0080–U+009F, among them CSI, U+009B), which ``json.dumps`` writes as
#: they are where it escapes the C0 ones: a terminal may obey them.
RE_UNESCAPED_CONTROL = re.compile("[\x7f-\x9f]")


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """JSON text with every control character escaped (``\\u009b``): the same document, and safe
    to show on a terminal. Such characters can only stand inside JSON strings, where an escape
    means the same character."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return RE_UNESCAPED_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def render_json(document: Comparison | Resolution, *, indent: int | None = 2) -> str:
    """The JSON text of a Resolution or Comparison, exactly as ``to_dict()`` gives it."""
    return dumps(document.to_dict(), indent=indent)
