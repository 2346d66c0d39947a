"""Word (.docx) → clean text: a resolution as the Official Document System serves it in Word.

A Word file keeps what a PDF loses: one ``w:p`` element is one paragraph, bold is a property of a
run, footnotes are a part of their own. What it hides is the numbering: ``1.`` and ``(a)`` are
usually not in the text but computed by Word from the paragraph's numbering properties
(``w:numPr``) and the list definitions in ``numbering.xml``; this reader counts them the same way.
Numbers typed into the text are kept as they are.

python-docx (1.2) reads paragraphs, runs and styles but not footnotes; the footnotes part is
read here as XML from the package. Tables and text boxes are left out (a resolution has neither),
and so is deleted text of tracked changes. The page header is read only for the symbol.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from resdiff import limits
from resdiff.errors import DocumentError, Message, ResdiffError, install_command
from resdiff.normalize import trailing_notes, typed_note
from resdiff.readers.marks import RE_SYMBOL, Atom, fold_atom_spaces, render, unit_line

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

#: How an error inside a Word file names it, until the reader puts in the file's own name.
WORD_FILE = Message("the Word file")
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"

#: The magic number of the Word 97-2003 ``.doc`` format (OLE2 compound file).
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

#: ``%1`` … ``%9`` in a level's text: the counters of the levels.
RE_LEVEL_PLACEHOLDER = re.compile(r"%([1-9])")

#: Digits written as a superscript: a footnote reference typed by hand or a NOTEREF field's result.
RE_REF_DIGITS = re.compile(r"^\s*(\d{1,3})\s*$")

_CHINESE_DIGITS = "〇一二三四五六七八九"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


# --- numbering ----------------------------------------------------------------------------------


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word's lowerLetter after z: aa, bb, cc … (the letter repeated), not spreadsheet columns.
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _chinese(n: int) -> str:
    if n < 10:
        return _CHINESE_DIGITS[n]
    tens, ones = divmod(n, 10)
    if n < 100:
        return ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" + (_CHINESE_DIGITS[ones] if ones else "")
    return "".join(_CHINESE_DIGITS[int(d)] for d in str(n))


def format_number(n: int, fmt: str) -> str:
    """A counter as Word prints it in the number format ``fmt`` (``decimal``, ``lowerLetter``, …)."""
    if fmt in ("lowerLetter",):
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographDigital", "taiwaneseCounting"):
        return _chinese(n)
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _Numbering:
    """The list definitions of a document and the counters Word keeps while it lays it out."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    """abstractNumId → level → definition."""
    nums: dict[str, str] = field(default_factory=dict)
    """numId → abstractNumId."""
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    """numId → level → start value that restarts the list where that num is first used."""
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, root: Any | None) -> _Numbering:
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.findall("w:abstractNum", NS):
            levels: dict[int, _Level] = {}
            for lvl in abstract.findall("w:lvl", NS):
                levels[_level(lvl.get(_q("ilvl"), "0"))] = _Level(
                    start=_list_number(_val(lvl, "w:start") or "1", "w:start"),
                    fmt=_val(lvl, "w:numFmt") or "decimal",
                    text=_val(lvl, "w:lvlText") or "",
                )
            numbering.levels[abstract.get(_q("abstractNumId"), "")] = levels
        for num in root.findall("w:num", NS):
            num_id = num.get(_q("numId"), "")
            numbering.nums[num_id] = _val(num, "w:abstractNumId") or ""
            for override in num.findall("w:lvlOverride", NS):
                start = _val(override, "w:startOverride")
                if start is not None:
                    level = _level(override.get(_q("ilvl"), "0"))
                    numbering.overrides.setdefault(num_id, {})[level] = _list_number(start, "w:startOverride")
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        """Count one paragraph of list ``num_id`` at level ``ilvl`` and return its label (``(b)``).

        Lists that share a definition share its counters, as in Word; a ``startOverride``
        restarts them where its list is first used.
        """
        abstract = self.nums.get(num_id)
        if num_id == "0" or abstract is None or abstract not in self.levels:
            return ""
        levels = self.levels[abstract]
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for restarted, start in self.overrides.get(num_id, {}).items():
                counters[restarted] = start - 1
                for deeper in [k for k in counters if k > restarted]:
                    del counters[deeper]
        level = levels.get(ilvl, _Level())
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        limits.check_list_number(counters[ilvl], WORD_FILE)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def _counter(found: re.Match[str]) -> str:
            k = int(found.group(1)) - 1
            lvl = levels.get(k, _Level())
            return format_number(counters.get(k, lvl.start), lvl.fmt)

        return RE_LEVEL_PLACEHOLDER.sub(_counter, level.text).strip()


def _integer(value: str, what: str) -> int:
    """A whole number written in the XML, or one clear error (never a traceback for ``abc``, or
    for 5,000 digits, which Python refuses to convert)."""
    text = value.strip()
    if not (1 <= len(text) <= 12 and text.lstrip("+-").isdigit() and text.lstrip("+-").isascii()):
        shown = text if len(text) <= 20 else text[:20] + "…"
        raise DocumentError('{name} is damaged: {what}="{shown}" is not a number', name=WORD_FILE, what=what,
                            shown=shown)
    return int(text)


def _list_number(value: str, what: str) -> int:
    number = _integer(value, what)
    limits.check_list_number(number, Message("{name}'s {what}", name=WORD_FILE, what=what))
    return number


def _level(value: str) -> int:
    """A list level, ``w:ilvl``: 0 to 8 in Word."""
    level = _integer(value, "w:ilvl")
    if not 0 <= level <= 8:
        raise DocumentError('{name} is damaged: w:ilvl="{level}" is not a list level (0 to 8)', name=WORD_FILE,
                            level=level)
    return level


def _val(element: Any, path: str) -> str | None:
    found = element.find(path, NS)
    return None if found is None else found.get(_q("val"))


# --- properties through the style hierarchy --------------------------------------------------


def _on(element: Any | None) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``): on, off, or not set."""
    if element is None:
        return None
    return element.get(_q("val"), "true").lower() not in ("0", "false", "off")


class _Styles:
    """Bold, superscript and numbering as styles pass them on (``w:basedOn``)."""

    def __init__(self, root: Any | None) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for style in root.findall("w:style", NS):
            style_id = style.get(_q("styleId"), "")
            self.by_id[style_id] = style
            if style.get(_q("type")) == "paragraph" and style.get(_q("default")) in ("1", "true", "on"):
                self.default_paragraph = style_id

    def _chain(self, style_id: str | None) -> Iterator[Any]:
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = _val(style, "w:basedOn")

    def run_property(self, style_id: str | None, tag: str) -> Any | None:
        for style in self._chain(style_id):
            found = style.find(f"w:rPr/{tag}", NS)
            if found is not None:
                return found
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        for style in self._chain(style_id):
            num_pr = style.find("w:pPr/w:numPr", NS)
            if num_pr is not None:
                ilvl = _val(num_pr, "w:ilvl")
                return _val(num_pr, "w:numId"), _level(ilvl) if ilvl is not None else None
        return None, None


# --- the document --------------------------------------------------------------------------------


def _import_docx() -> Any:
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise DocumentError("Word support needs python-docx: {command}", command=install_command("docx")) from exc
    return docx


def _read_bytes(source: str | os.PathLike[str] | bytes, name: str) -> bytes:
    if isinstance(source, bytes):
        limits.check_file_size(len(source), name)
        return source
    return limits.read_file(Path(source), name=name)


#: What :class:`zipfile.ZipFile` raises on a damaged archive: ``BadZipFile``, and for a damaged
#: header ``NotImplementedError`` ("zip file version 6.4", found by the mutation test of issue 15),
#: ``ValueError`` or ``EOFError``.
ZIP_ERRORS = (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError)


def _open(data: bytes, name: str) -> Any:
    docx = _import_docx()
    if data.startswith(OLE2_MAGIC):
        raise DocumentError(
            "{name} is a Word 97-2003 .doc file: resdiff reads .docx; save it as .docx or PDF and try again",
            name=name)
    if not data.startswith(b"PK"):
        raise DocumentError("{name} is not a Word .docx file", name=name)
    try:
        # The sizes the zip declares, before anything is unzipped: a zip bomb stops here.
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            limits.check_docx_archive(((i.filename, i.file_size) for i in archive.infolist()), name)
    except ZIP_ERRORS as exc:
        raise DocumentError("{name} is damaged and cannot be read as a Word file ({reason})", name=name,
                            reason=exc) from exc
    try:
        return docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise DocumentError("{name} is damaged and cannot be read as a Word file ({reason})", name=name,
                            reason=exc) from exc
    except Exception as exc:
        # python-docx raises KeyError, ValueError or its own PackageNotFoundError for a zip that
        # is not a Word document (a spreadsheet, a presentation, an archive), and lxml errors for
        # damaged XML; all mean the same to a reader.
        raise DocumentError(
            "{name} is not a Word document, or it is damaged ({kind})", name=name, kind=type(exc).__name__) from exc


def _part_xml(document: Any, reltype: str) -> Any | None:
    from lxml import etree  # type: ignore[import-untyped]

    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return etree.fromstring(rel.target_part.blob)
    return None


def _footnote_start(document: Any) -> int:
    settings = document.settings.element
    start = settings.find("w:footnotePr/w:numStart", NS)
    return _list_number(start.get(_q("val"), "1"), "w:numStart") if start is not None else 1


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.styles = _Styles(document.styles.element)
        numbering_part = None
        with contextlib.suppress(KeyError, NotImplementedError):  # a document without lists
            numbering_part = document.part.numbering_part.element
        self.numbering = _Numbering.read(numbering_part)
        self.note_numbers: dict[str, int] = {}
        self.typed_notes: dict[int, str] = {}
        self.next_note = _footnote_start(document)

    # A run is bold or raised by its own properties, else by its character style, else by its
    # paragraph's style.
    def _run_on(self, run: Any, tag: str, paragraph_style: str | None) -> bool:
        rpr = run.find("w:rPr", NS)
        if rpr is not None:
            direct = _on(rpr.find(tag, NS))
            if direct is not None:
                return direct
            char_style = _val(rpr, "w:rStyle")
            styled = _on(self.styles.run_property(char_style, tag))
            if styled is not None:
                return styled
        return bool(_on(self.styles.run_property(paragraph_style, tag)))

    def _superscript(self, run: Any, paragraph_style: str | None) -> bool:
        rpr = run.find("w:rPr", NS)
        align = rpr.find("w:vertAlign", NS) if rpr is not None else None
        if align is None and rpr is not None:
            align = self.styles.run_property(_val(rpr, "w:rStyle"), "w:vertAlign")
        if align is None:
            align = self.styles.run_property(paragraph_style, "w:vertAlign")
        return align is not None and align.get(_q("val")) == "superscript"

    def note_number(self, note_id: str) -> int:
        if note_id not in self.note_numbers:
            self.note_numbers[note_id] = self.next_note
            self.next_note += 1
        return self.note_numbers[note_id]

    def _runs(self, paragraph: Any) -> Iterator[Any]:
        # Runs in document order, also inside hyperlinks, fields, smart tags and tracked insertions;
        # not deleted text, nor field instructions, nor text boxes anchored in the paragraph.
        for run in paragraph.iter(_q("r")):
            if any(a.tag in (_q("del"), _q("moveFrom"), _q("txbxContent")) for a in run.iterancestors()):
                continue
            yield run

    def atoms(self, paragraph: Any) -> list[Atom]:
        style = _val(paragraph, "w:pPr/w:pStyle") or self.styles.default_paragraph
        atoms: list[Atom] = []
        for run in self._runs(paragraph):
            bold = self._run_on(run, "w:b", style)
            raised = self._superscript(run, style)
            # English leads are set in italics: an italic run of Latin text counts as the lead's
            # emphasis as bold does (issue 12); italics in a Chinese text stay plain text.
            italic_latin = self._run_on(run, "w:i", style)
            text = ""
            for child in run:
                if child.tag == _q("t"):
                    text += child.text or ""
                elif child.tag in (_q("tab"), _q("br"), _q("cr"), _q("ptab")):
                    text += " "
                elif child.tag == _q("noBreakHyphen"):
                    text += "-"
                elif child.tag == _q("footnoteReference"):
                    atoms.append(Atom("", ref=self.note_number(child.get(_q("id"), ""))))
            digits = RE_REF_DIGITS.match(text) if raised else None
            if digits:
                atoms.append(Atom("", ref=int(digits.group(1))))
                continue
            if italic_latin and not text.isascii():
                italic_latin = False
            atoms.extend(Atom(" " if ch.isspace() else ch, (bold or italic_latin) and not ch.isspace()) for ch in text)
        return fold_atom_spaces(atoms)

    def label(self, paragraph: Any) -> str:
        num_pr = paragraph.find("w:pPr/w:numPr", NS)
        style = _val(paragraph, "w:pPr/w:pStyle") or self.styles.default_paragraph
        num_id, ilvl = self.styles.numbering(style)
        if num_pr is not None:
            num_id = _val(num_pr, "w:numId") or num_id
            level = _val(num_pr, "w:ilvl")
            ilvl = _level(level) if level is not None else ilvl
        if num_id is None:
            return ""
        return self.numbering.label(num_id, ilvl or 0)

    def _typed_note(self, paragraph: Any, atoms: list[Atom]) -> tuple[int, str] | None:
        """A footnote's text typed as a paragraph of the body (a web copy pasted into Word):
        ``1 见A/C.2/59/3和A/60/687。``, or its number raised; its number and text."""
        if atoms and atoms[0].ref is not None:
            text = render(atoms[1:]).strip()
            return (atoms[0].ref, text) if text else None
        found = typed_note("".join(t.text or "" for t in paragraph.iter(_q("t"))))
        return (found[0], found[1].strip()) if found else None

    def lines(self) -> list[str]:
        body = self.document.element.body
        out: list[str] = []
        notes: list[tuple[int, str] | None] = []
        carried: list[Atom] = []
        for paragraph in body.iter(_q("p")):
            if any(a.tag in (_q("txbxContent"), _q("tbl")) for a in paragraph.iterancestors()):
                continue
            atoms = [*carried, *self.atoms(paragraph)]
            carried = []
            mark = paragraph.find("w:pPr/w:rPr", NS)
            if mark is not None and (mark.find("w:del", NS) is not None or mark.find("w:moveFrom", NS) is not None):
                # A tracked deletion (or move away) of the paragraph mark: in the final text this
                # paragraph has no number of its own and what is left of it runs on into the next one.
                carried = atoms
                continue
            label = self.label(paragraph)
            if not any(a.text.strip() or a.ref is not None for a in atoms):
                continue
            notes.append(None if label else self._typed_note(paragraph, atoms))
            if label:
                atoms = [*(Atom(ch) for ch in label), Atom(" "), *atoms]
            out.append(unit_line(atoms))
        self.typed_notes = self._trailing_notes(out, notes)
        return out

    @staticmethod
    def _trailing_notes(out: list[str], notes: list[tuple[int, str] | None]) -> dict[int, str]:
        """The footnote texts typed at the end of the document (:func:`normalize.trailing_notes`),
        taken out of ``out``."""
        cut = trailing_notes(out, notes)
        trailing = dict(note for note in notes[cut:] if note is not None)
        del out[cut:]
        return trailing

    def footnotes(self) -> dict[int, str]:
        root = _part_xml(self.document, RT_FOOTNOTES)
        if root is None:
            return {}
        notes: dict[int, str] = {}
        for note in root.findall("w:footnote", NS):
            note_id = note.get(_q("id"), "")
            if note.get(_q("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            if note_id not in self.note_numbers:
                continue  # a footnote nothing in the text refers to
            parts = []
            for paragraph in note.iter(_q("p")):
                atoms = [a for a in self.atoms(paragraph) if a.ref is None]
                parts.append(render(fold_atom_spaces(atoms)).strip())
            text = " ".join(p for p in parts if p)
            notes[self.note_numbers[note_id]] = text
        return notes

    def header_symbol(self) -> str | None:
        for section in self.document.sections:
            for header in (section.header, section.first_page_header, section.even_page_header):
                if header.is_linked_to_previous:
                    continue
                for paragraph in header.paragraphs:
                    found = RE_SYMBOL.search(paragraph.text)
                    if found:
                        return found.group(0)
        return None


def read_docx(source: str | os.PathLike[str] | bytes) -> str:
    """The text of a Word (.docx) resolution in the clean text format (``docs/text-format.md``).

    ``source`` is a path or the bytes of the file. Raises :class:`DocumentError` for a file that
    is not a .docx (an old .doc, another zip), is damaged, or has no text, and when python-docx
    is not installed.
    """
    name = WORD_FILE if isinstance(source, bytes) else str(source)
    document = _open(_read_bytes(source, name), name)
    try:
        reader = _Reader(document)  # reads the numbering and settings: inside, so that they fail cleanly
        out = reader.lines()
        footnotes = {**reader.typed_notes, **reader.footnotes()}
        symbol = reader.header_symbol()
    except ResdiffError as exc:
        if name in str(exc):
            raise
        raise type(exc)(exc.message.replaced(WORD_FILE, name)) from exc
    except Exception as exc:
        # Malformed XML inside a valid package surfaces only when it is read.
        raise DocumentError(
            "{name} is damaged and cannot be read as a Word file ({kind})", name=name, kind=type(exc).__name__) from exc
    if not out:
        raise DocumentError("{name} has no text", name=name)
    if symbol and not RE_SYMBOL.fullmatch(out[0]):
        out.insert(0, symbol)
    if footnotes:
        out.append("")
        out.extend(f"[^{n}]: {text}" for n, text in sorted(footnotes.items()))
    return "\n".join(out) + "\n"
