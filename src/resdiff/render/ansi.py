"""Terminal styling shared by the text renderers: ANSI colours, lead-shift arrows, word diffs.

Colour is decided by the caller (the CLI asks whether its output is a terminal); without it a
word diff is marked ``[-deleted-]{+inserted+}`` so that it survives a pipe or a mail.
"""

from __future__ import annotations

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


def paint(text: str, style: str, colour: bool) -> str:
    """``text`` in the named style when ``colour`` is on and the style exists."""
    return f"{STYLES[style]}{text}{RESET}" if colour and style in STYLES else text


def word_diff(diff: Sequence[DiffOp], colour: bool) -> str:
    """A word diff on one line: colours, or ``[-deleted-]{+inserted+}`` marks without them."""
    if colour:
        return "".join(paint(d.text, d.op, True) if d.op != "equal" else d.text for d in diff)
    marks = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
    return "".join(f"{marks[d.op][0]}{d.text}{marks[d.op][1]}" if d.op != "equal" else d.text for d in diff)
