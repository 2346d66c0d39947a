"""The public functions: parse, load, compare. Files are touched here and in the readers only."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resdiff import limits
from resdiff.errors import DocumentError, InputError, Message, ResdiffError
from resdiff.lang import LANGUAGES
from resdiff.model import Comparison, Resolution
from resdiff.options import DEFAULT_OPTIONS, Options
from resdiff.readers.text import decode
from resdiff.structure import build

if TYPE_CHECKING:  # jieba loads only when a comparison needs it
    from resdiff.segment import Segmenter
    from resdiff.segment_en import EnglishSegmenter

Source = Resolution | str | os.PathLike[str]


def parse(text: str, *, language: str | None = None) -> Resolution:
    """Parse the text of a resolution: a PDF extraction with its artefacts, or a clean copy, in
    Chinese or English (told from the text; ``language="zh"`` or ``"en"`` forces it).

    Raises :class:`resdiff.NotAResolutionError` when the text has no operative paragraphs.
    """
    if not text.strip():
        raise InputError("the text is empty")
    if language is not None and language not in LANGUAGES:
        raise InputError("unknown language {language!r}: use one of {languages}",
                         language=language, languages=', '.join(LANGUAGES))
    limits.check_text(text)
    resolution = build(text, language=language)
    limits.check_units(((u.id, u.text) for u in resolution.units), count=False)  # the count: in compare
    return resolution


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of a file in the clean or extracted form: ``.pdf`` and ``.docx`` through their readers."""
    path = Path(path)
    data = limits.read_file(path)  # a regular file of bounded size, or one line of error
    # What the file is, from its first bytes before its name: a Word file saved as .pdf or .txt
    # is still read as Word.
    suffix = path.suffix.lower()
    is_pdf = data.lstrip()[:5] == b"%PDF-"
    is_zip = data.startswith(b"PK\x03\x04")
    if data.startswith(OLE2_MAGIC):
        raise DocumentError("{path} is a Word 97-2003 file (.doc): resdiff reads .docx; open it in Word or "
                            "LibreOffice, save it as .docx (or PDF) and try again", path=path)
    if is_pdf or (suffix == ".pdf" and not is_zip):
        from resdiff.readers.pdf import read_pdf

        return str(read_pdf(data))
    if is_zip or suffix == ".docx":
        from resdiff.readers.docx import read_docx

        return str(read_docx(data))
    return decode(data, name=str(path))


def load(path: str | os.PathLike[str], *, language: str | None = None) -> Resolution:
    """Read and parse a resolution from a file: text (UTF-8, GB18030/GBK), PDF or Word, in
    Chinese or English (``language`` forces one)."""
    try:
        resolution = parse(read_text(path), language=language)
    except ResdiffError as exc:
        if str(path) in str(exc):
            raise
        raise type(exc)(Message("{file}: {error}", file=path, error=exc)) from exc
    return replace(resolution, source=Path(path).name)


#: The first bytes of an OLE2 compound file: a Word 97-2003 ``.doc`` (or another Office 97 file).
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

#: File endings that mark a string as a path rather than a text.
_PATH_SUFFIXES = (".txt", ".pdf", ".docx", ".doc", ".text")


def _resolution(source: Source) -> Resolution:
    """A Resolution from a Resolution, a path, or the text itself (a string of one line that
    names an existing file, or ends like one, is a path)."""
    if isinstance(source, Resolution):
        return source
    if isinstance(source, os.PathLike):
        return load(source)
    if not source.strip():
        raise InputError("the text is empty")
    one_line = "\n" not in source and len(source) < 1024
    if one_line and (limits.is_regular_file(source) or source.strip().lower().endswith(_PATH_SUFFIXES)):
        return load(source)
    return parse(source)


def compare(old: Source, new: Source, *, options: Options | None = None,
            segmenter: Segmenter | EnglishSegmenter | None = None,
            old_other: Source | None = None, new_other: Source | None = None, **overrides: Any) -> Comparison:
    """Align two resolutions and classify every change (see ``resdiff.comparison/1``).

    ``old`` and ``new`` are each a :class:`Resolution`, a text, or a path. Settings come from
    ``options`` (default :class:`Options`) with keyword ``overrides`` applied. A ``segmenter``
    shared by many comparisons (a series) cuts each text into words only once.

    ``old_other`` and ``new_other`` are the other language's versions of ``old`` and ``new``
    (either may be left out: last year's adopted text in Chinese against this year's English
    draft). Each change then carries that language's texts and word diff (``Change.parallel``),
    paired by unit id; units that cannot be paired are listed in ``Comparison.pairing``.
    """
    from resdiff.engine import run

    old_resolution, new_resolution = _resolution(old), _resolution(new)
    # Bounded before the alignment, for Resolutions built without parse() too.
    limits.check_units(((u.id, u.text) for u in old_resolution.units), _name(old_resolution, "the old text"))
    limits.check_units(((u.id, u.text) for u in new_resolution.units), _name(new_resolution, "the new text"))
    opts = (options or DEFAULT_OPTIONS).with_(**overrides) if overrides else (options or DEFAULT_OPTIONS)
    comparison = run(old_resolution, new_resolution, opts, segmenter=segmenter)
    if old_other is None and new_other is None:
        return comparison
    from resdiff.parallel import attach

    return attach(comparison, _resolution(old_other) if old_other is not None else None,
                  _resolution(new_other) if new_other is not None else None, opts)


def _name(resolution: Resolution, fallback: str) -> str:
    return resolution.name or fallback
