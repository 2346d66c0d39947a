"""The forms a delegate holds the same resolution in (issue 9), made by code from a parse.

Each function takes a :class:`resdiff.Resolution` and writes it in one form; the forms corpus
test parses every form back and expects the same resolution. See ``tests/forms/README.md``.
"""

from __future__ import annotations

import re

import resdiff

#: Full-width punctuation as a web page often gives it, in half width.
HALF_WIDTH = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")"})

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

#: How a web page writes footnote reference ``n`` after a paragraph's last mark.
MARK_STYLES = {
    "glued": lambda n: str(n),
    "bracket": lambda n: f"[{n}]",
    "superscript": lambda n: str(n).translate(_SUPERSCRIPT),
    "paren": lambda n: f"({n})",
}


def _top_lines(resolution: resdiff.Resolution, *, half: bool) -> list[str]:
    lines = []
    number = resolution.symbol.split("RES/", 1)[1] if resolution.symbol and "RES/" in resolution.symbol else None
    if resolution.symbol:
        lines.append(resolution.symbol)
    if resolution.title:
        lines.append(f"{number}. {resolution.title}" if number else resolution.title)
    if resolution.body:
        lines.append(resolution.body + ("," if half else "，"))
    return lines


def _end_lines(resolution: resdiff.Resolution) -> list[str]:
    lines = []
    if resolution.adopted:
        y, m, d = (int(p) for p in resolution.adopted.split("-"))
        lines.append(f"{y}年{m}月{d}日")
    if resolution.meeting:
        lines.append(resolution.meeting)
    return lines


def _label(unit: resdiff.Unit) -> str:
    if unit.kind != "operative" or not unit.number:
        return ""
    letter = re.fullmatch(r"\d+\((\w+)\)", unit.number)
    return f"({letter.group(1)}) " if letter else f"{unit.number}. "


def web_copy(resolution: resdiff.Resolution, *, marks: str = "glued", notes: str = "end",
             half: bool = True) -> str:
    """The text as a web page gives it: one paragraph a line, no blank lines, no bold; half-width
    punctuation (``half``); each footnote reference after the paragraph's last mark in the style
    ``marks``; the footnotes after the closing lines (``notes="end"``, as ``1 见…``) or below the
    paragraph that first cites them (``notes="foot"``)."""
    mark = MARK_STYLES[marks]
    lines = _top_lines(resolution, half=half)
    listed: set[int] = set()
    for unit in resolution.units:
        text = unit.text.translate(HALF_WIDTH) if half else unit.text
        lines.append(_label(unit) + text + "".join(mark(n) for n in unit.footnotes))
        if notes == "foot":
            for n in unit.footnotes:
                if n not in listed:
                    listed.add(n)
                    lines.append(f"{mark(n)} {resolution.footnotes[n]}")
    lines.extend(_end_lines(resolution))
    if notes == "end":
        lines.extend(f"{mark(n)} {t}" for n, t in resolution.footnotes.items())
    return "\n".join(lines) + "\n"
