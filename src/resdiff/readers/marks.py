"""Characters with layout hints → the lines of the clean text format (``docs/text-format.md``).

The PDF and Word readers each turn their document into :class:`Atom` s (a character, whether it
was bold, or a footnote reference) and leave the rest to this module: spaces folded as the
format wants them, the number of a unit set apart, its bold lead marked ``**…**``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A resolution symbol: ``E/RES/2013/9``, ``A/RES/67/195``, ``A/HRC/RES/22/1``.
RE_SYMBOL = re.compile(r"\b[A-Z]{1,3}/(?:[A-Z]{2,5}/)*RES/\d{1,4}/\d{1,4}\b")

#: The numbered title, which wraps: ``2013/9. 信息社会世界首脑会议成果文件执行和后续行动``.
RE_TITLE = re.compile(r"^\d{2,4}/\d{1,4}\s*[.．]")

#: The number or letter that opens a unit: ``1. ``, ``１．``, ``(a) ``, ``（ａ）``.
RE_UNIT_PREFIX = re.compile(r"^(?:\d{1,4}\s*[.．]|[（(][a-zａ-ｚ]{1,4}[)）])\s*")

#: A CJK ideograph, CJK punctuation or a full-width form: takes no spaces around it.
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
                  r"\u2014\u2026\u201c\u201d\u2018\u2019]")

#: Punctuation that may follow a bold lead without leaving any text after it (a heading, a
#: body line ``经济及社会理事会，``): such a line has no lead.
_TRAILING = set("，。；：、,.;: \u3000")


@dataclass
class Atom:
    """A character of the output, or a footnote reference (``ref`` set)."""

    text: str
    bold: bool = False
    ref: int | None = None


def fold_atom_spaces(atoms: list[Atom]) -> list[Atom]:
    """Spaces folded to one, and dropped next to CJK, next to a reference and at the ends."""
    kept: list[Atom] = []
    for i, atom in enumerate(atoms):
        if atom.text != " ":
            kept.append(atom)
            continue
        before = kept[-1] if kept else None
        after = next((a for a in atoms[i + 1:] if a.text != " "), None)
        if before is None or after is None or before.text == " ":
            continue
        if before.ref is not None or after.ref is not None:
            continue
        if (_CJK.match(before.text) or _CJK.match(after.text)) and not _opening_number(kept):
            continue
        kept.append(atom)
    return kept


def _opening_number(kept: list[Atom]) -> bool:
    """The line so far is a number of one or two digits: the space after it is kept, for it parts a
    footnote's number from its text (``1 见A/C.2/59/3``, which a web copy pasted into Word prints
    after the closing lines); the parser folds it away wherever else it stands."""
    return 0 < len(kept) <= 2 and all(a.ref is None and a.text.isascii() and a.text.isdigit() for a in kept)


def render(atoms: list[Atom]) -> str:
    """The atoms as text, references as ``[^n]``."""
    return "".join(f"[^{a.ref}]" if a.ref is not None else a.text for a in atoms)


def unit_line(atoms: list[Atom]) -> str:
    """A unit's line: its number, the lead in ``**…**`` when it was bold, the text, references."""
    plain = "".join(a.text if a.ref is None else "\0" for a in atoms)
    prefix = RE_UNIT_PREFIX.match(plain) or RE_TITLE.match(plain)
    start = prefix.end() if prefix else 0
    while start < len(atoms) and atoms[start].text == " ":
        start += 1
    number = f"{plain[:start].strip()} " if prefix else ""
    end = start
    while end < len(atoms) and atoms[end].ref is None and (atoms[end].bold or atoms[end].text == " "):
        end += 1
    while end > start and atoms[end - 1].text == " ":
        end -= 1
    rest = atoms[end:]
    has_text = any(a.ref is None and a.text not in _TRAILING for a in rest)
    if end == start or not has_text:
        return number + render(atoms[start:])
    return f"{number}**{render(atoms[start:end])}**{render(rest)}"
