"""The forms an English resolution is held in, made from a clean English text (issue 12).

- ``to_web``: as a web page gives it when copied: one paragraph a line, no italics, each footnote
  number glued after the punctuation that precedes it (``Society,1``, ``2003,1 as endorsed``), the
  footnotes listed after the end as ``1 See A/C.2/59/3 and A/60/687.`` (or with ``[1]`` marks).
- ``to_wrapped``: the web copy hard-wrapped at a column, as a text saved from an e-mail or a PDF
  viewer gives it, with blank lines here and there.
"""

from __future__ import annotations

import re
import textwrap

RE_LEAD_MARK = re.compile(r"\*{1,2}([^*]+?)\*{1,2}")
RE_REF = re.compile(r"\[\^(\d{1,2})\]")
RE_DEF = re.compile(r"^\[\^(\d{1,2})\]:\s*(.*)$")


def to_web(clean: str, *, brackets: bool = False) -> str:
    """The clean text as a web copy (``brackets``: ``[1]`` marks instead of glued digits)."""
    body: list[str] = []
    notes: list[str] = []
    for line in clean.splitlines():
        if not line.strip():
            continue
        found = RE_DEF.match(line)
        if found:
            notes.append(f"[{found.group(1)}] {found.group(2)}" if brackets else f"{found.group(1)} {found.group(2)}")
            continue
        line = RE_LEAD_MARK.sub(r"\1", line)
        if not brackets:  # two references in a row print as 2,3
            line = line.replace("][^", "],[^")
        line = RE_REF.sub(r"[\1]" if brackets else r"\1", line)
        body.append(line)
    return "\n".join(body + notes) + "\n"


def to_wrapped(clean: str, *, width: int = 72, brackets: bool = False) -> str:
    """The web copy hard-wrapped at ``width`` columns, a blank line after every third paragraph."""
    out: list[str] = []
    for k, line in enumerate(to_web(clean, brackets=brackets).splitlines()):
        out.extend(textwrap.wrap(line, width=width, break_long_words=False, break_on_hyphens=False) or [""])
        if k % 3 == 2:
            out.append("")
    return "\n".join(out) + "\n"
