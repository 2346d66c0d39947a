"""Terminal styling shared by the text renderers: ANSI colours, lead-shift arrows, word diffs.

Colour is decided by the caller (the CLI asks whether its output is a terminal); without it a
word diff is marked ``[-deleted-]{+inserted+}`` so that it survives a pipe or a mail.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from resdiff.model import DiffOp

RESET = "\033[0m"
STYLES = {
    "delete": "\033[31;9m",  # red, struck through
    "insert": "\033[32;4m",  # green, underlined
    "head": "\033[1m",
    "dim": "\033[2m",
    "match": "\033[1;33m",  # bold yellow
    "stronger": "\033[33;1m",
    "weaker": "\033[35;1m",
    "check": "\033[30;43m",  # black on yellow
}
#: How a lead shift is drawn after ``old → new``.
ARROWS = {"stronger": "↑", "weaker": "↓", "same": "=", "different": "≠"}


#: Control characters (C0 but tab and line feed, DEL, C1): ESC, OSC and BEL from a text would
#: move the cursor, retitle the window or ring the bell of the terminal that shows it.
RE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: object) -> str:
    """``text`` with its control characters shown escaped (``\\x1b``), as a terminal may show it.

    Escaping twice changes nothing more: the escapes themselves are printable.
    """
    return RE_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def paint(text: str, style: str, colour: bool) -> str:
    """``text``, its control characters escaped, in the named style when ``colour`` is on."""
    text = safe(text)
    return f"{STYLES[style]}{text}{RESET}" if colour and style in STYLES else text


def word_diff(diff: Sequence[DiffOp], colour: bool) -> str:
    """A word diff on one line: colours, or ``[-deleted-]{+inserted+}`` marks without them."""
    if colour:
        return "".join(paint(d.text, d.op, True) if d.op != "equal" else safe(d.text) for d in diff)
    marks = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
    return "".join(f"{marks[d.op][0]}{safe(d.text)}{marks[d.op][1]}" if d.op != "equal" else safe(d.text)
                   for d in diff)
