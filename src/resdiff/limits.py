"""The bounds on what resdiff reads, each checked before the work it protects starts.

A resolution is a small document: the official E/RES/2013/9 is 8,506 characters in 70 paragraphs,
its longest paragraph 265 characters; the longest General Assembly resolutions run to about 60
pages, 600 paragraphs and 150,000 characters. Each bound below is several times what a real
resolution reaches and far below what makes a run take minutes or gigabytes, so a text beyond it
is not a resolution (or is a hostile file) and is refused with one line (:class:`LimitError`)
rather than read. The numbers and why they were chosen are also in ``docs/design.md``.

This module holds the bounds and the checks; the readers, :func:`resdiff.parse`,
:func:`resdiff.compare` and :mod:`resdiff.fetch` call the checks at their entry points.
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator

from resdiff.errors import InputError, LimitError, Message

MiB = 1024 * 1024

#: Bytes of a file read from disk or downloaded. ODS's PDFs of long resolutions are 1–3 MB; a
#: Word file with its fonts embedded, 5 MB.
MAX_FILE_BYTES = 64 * MiB
#: Characters of a text, before it is parsed: about seven times the longest resolution.
MAX_CHARACTERS = 1_000_000
#: Paragraphs (units) of a text. A comparison scores every pair (a square matrix) and keeps at most
#: ``align.MAX_CANDIDATES`` candidate partners a paragraph: in the worst case (every paragraph
#: alike) 1,000 a side takes about 1 s and 100 MB; 10,000 a side took 73 s and 4 GB before any
#: bound. The longest resolutions have about 600 paragraphs.
MAX_UNITS = 1_000
#: Characters of one paragraph. The word diff of two paragraphs grows with the product of their
#: lengths: two rewritten paragraphs of 3,000 characters take a few seconds.
MAX_UNIT_CHARACTERS = 3_000
#: Pages of a PDF: a real resolution has at most about 60.
MAX_PDF_PAGES = 500
#: Glyphs drawn on one PDF page, overprinted copies included: a full page of Chinese text has about
#: 1,500, bold drawn four times over makes that 6,000 at most.
MAX_PAGE_GLYPHS = 20_000
#: Bytes of all the compressed (Flate or LZW) streams of a PDF once decoded: text, fonts and images of a
#: long resolution inflate to 10–20 MB.
MAX_PDF_INFLATED = 128 * MiB
#: Bytes of the XML parts of a Word file once unzipped: a 60-page resolution's document, styles,
#: numbering and footnotes are 2–4 MB of XML. Parsing takes about a second per megabyte.
MAX_DOCX_XML = 16 * MiB
#: Bytes of all the parts of a Word file once unzipped (python-docx loads every part, images too).
MAX_DOCX_UNZIPPED = 128 * MiB
#: A list number in Word's numbering: paragraph numbers of resolutions stay in the hundreds.
MAX_LIST_NUMBER = 9_999


_RAISABLE = frozenset(("MAX_CHARACTERS", "MAX_UNITS", "MAX_UNIT_CHARACTERS", "MAX_PDF_PAGES", "MAX_PAGE_GLYPHS",
                       "MAX_DOCX_XML", "MAX_DOCX_UNZIPPED", "MAX_LIST_NUMBER"))


@contextlib.contextmanager
def raised(**bounds: int) -> Iterator[None]:
    """Raise some of the bounds above within a ``with`` block, for a program that knows its inputs
    are larger than a resolution (a benchmark of 1,200 paragraphs a side): ``with
    limits.raised(MAX_UNITS=1_500): ...``. Only raising is allowed, only of the bounds read when a
    check runs (not :data:`MAX_FILE_BYTES` and :data:`MAX_PDF_INFLATED`, which are default
    arguments: pass ``limit=``); they are restored on leaving. The bounds are global to the
    process: not for threads that compare untrusted texts meanwhile."""
    for name, value in bounds.items():
        current = globals().get(name)
        if name not in _RAISABLE or not isinstance(current, int):
            raise ValueError(f"no bound named {name!r}")
        if not isinstance(value, int) or value < current:
            raise ValueError(f"{name} can only be raised (it is {current:,})")
    saved = {name: globals()[name] for name in bounds}
    globals().update(bounds)
    try:
        yield
    finally:
        globals().update(saved)


def _n(value: int) -> str:
    return f"{value:,}"


def _size(value: int) -> str:
    return f"{value / MiB:.0f} MB" if value >= MiB else f"{_n(value)} bytes"


# --- files ----------------------------------------------------------------------------------------


def read_file(path: str | os.PathLike[str], *, limit: int = MAX_FILE_BYTES, name: str | None = None) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Only a regular file (or a link to one) is read: a device (``/dev/zero``), a FIFO, a socket or
    a folder is refused with :class:`InputError` before a byte is read, so nothing blocks or runs
    out of memory; a file larger than ``limit`` raises :class:`LimitError`.
    """
    name = name or str(path)
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError as exc:
        if os.fspath(path) == "-":  # the Unix habit for standard input, which resdiff does not read
            raise InputError("-: resdiff reads files, not standard input: save the text to a file and name it") from exc
        raise InputError("{name}: no such file", name=name) from exc
    except IsADirectoryError as exc:
        raise InputError("{name} is a folder, not a file", name=name) from exc
    except OSError as exc:
        raise InputError("{name}: cannot be read ({strerror})", name=name, strerror=exc.strerror) from exc
    # Looked at before os.fdopen, which itself refuses a folder (IsADirectoryError, naming the fd).
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("{name} is a folder, not a file", name=name)
        raise InputError("{name} is not a regular file ({kind}): resdiff reads only files",
                         name=name, kind=_kind(info.st_mode))
    with os.fdopen(fd, "rb") as handle:
        check_file_size(info.st_size, name, limit=limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise InputError("{name}: cannot be read ({strerror})", name=name, strerror=exc.strerror) from exc
    check_file_size(len(data), name, limit=limit)  # a file that grew while it was read
    return data


#: How a check names a text given as a string (no file).
THE_TEXT = Message("the text")


def _kind(mode: int) -> Message:
    if stat.S_ISFIFO(mode):
        return Message("a named pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Message("a device")
    if stat.S_ISSOCK(mode):
        return Message("a socket")
    return Message("not a file")


def is_regular_file(path: str | os.PathLike[str]) -> bool:
    """True for a regular file or a link to one; never raises (a name too long is not a file)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def check_file_size(size: int, name: str, *, limit: int = MAX_FILE_BYTES) -> None:
    if size > limit:
        raise LimitError("{name} is larger than {limit}: too large for a resolution", name=name, limit=_size(limit))


# --- texts ------------------------------------------------------------------------------------------


def check_text(text: str, name: str | Message = THE_TEXT) -> None:
    """A text to be parsed: at most :data:`MAX_CHARACTERS`."""
    if len(text) > MAX_CHARACTERS:
        raise LimitError("{name} has {characters} characters; resdiff reads texts of at most {most} (no "
                         "resolution is that long)", name=name, characters=_n(len(text)), most=_n(MAX_CHARACTERS))


def check_units(units: Iterable[tuple[str, str]], name: str | Message = THE_TEXT, *, count: bool = True) -> None:
    """The (id, text) of a parsed text's paragraphs: none longer than :data:`MAX_UNIT_CHARACTERS`,
    and (with ``count``, before a comparison) at most :data:`MAX_UNITS` of them."""
    seen = 0
    for unit_id, text in units:
        seen += 1
        if len(text) > MAX_UNIT_CHARACTERS:
            raise LimitError(
                "{name}: paragraph {unit_id} has {characters} characters; resdiff compares paragraphs of at most "
                "{most} (are its paragraphs numbered beyond 9999, or not separated?)",
                name=name, unit_id=unit_id, characters=_n(len(text)), most=_n(MAX_UNIT_CHARACTERS))
    if count and seen > MAX_UNITS:
        raise LimitError("{name} has {paragraphs} paragraphs; resdiff compares texts of at most {most} (no "
                         "resolution has that many)", name=name, paragraphs=_n(seen), most=_n(MAX_UNITS))


# --- Word ------------------------------------------------------------------------------------------


def check_docx_archive(infos: Iterable[tuple[str, int]], name: str) -> None:
    """The (member name, declared unzipped size) of a Word file's zip, before anything is unzipped.

    Python's zipfile never returns more than a member's declared size (and checks its CRC), so
    bounding the declared sizes bounds what unzipping can produce: a zip bomb is refused here.
    """
    xml = total = 0
    for member, size in infos:
        total += size
        if member.lower().endswith((".xml", ".rels")):
            xml += size
    if xml > MAX_DOCX_XML:
        raise LimitError("{name} holds {xml} of XML once unzipped; resdiff reads Word files of at most {most} "
                         "(a resolution has a few MB)", name=name, xml=_size(xml), most=_size(MAX_DOCX_XML))
    if total > MAX_DOCX_UNZIPPED:
        raise LimitError("{name} unzips to {total}; resdiff reads Word files of at most {most} unzipped",
                         name=name, total=_size(total), most=_size(MAX_DOCX_UNZIPPED))


def check_list_number(value: int, name: str | Message) -> None:
    """A list number that Word's numbering would print: from 0 to :data:`MAX_LIST_NUMBER`."""
    if not 0 <= value <= MAX_LIST_NUMBER:
        number = _n(value) if abs(value) < 10**12 else Message("beyond 10¹²")
        raise LimitError("{name} numbers a list from or up to {number}; resdiff reads list numbers from 0 to {most}",
                         name=name, number=number, most=_n(MAX_LIST_NUMBER))


# --- PDF -------------------------------------------------------------------------------------------


def check_pdf_streams(data: bytes, name: str, *, limit: int = MAX_PDF_INFLATED) -> None:
    """Inflate every stream of a PDF that is zlib-compressed (and decode every LZW one), counting, and
    refuse the file once the total passes ``limit``: a Flate or LZW bomb is stopped after ``limit``
    bytes, not after gigabytes.

    The streams are found by their ``stream`` and ``endstream`` keywords, as a PDF reader's repair
    pass finds them; a stream that is not zlib data (an image, an encrypted or broken stream) is
    skipped here and left to the reader.
    """
    total = 0
    position = 0
    while True:
        start = data.find(b"stream", position)
        if start < 0:
            return
        position = start + 6
        if data[start - 3:start] == b"end":
            continue
        body = position
        if data[body:body + 2] == b"\r\n":
            body += 2
        elif data[body:body + 1] in (b"\n", b"\r"):
            body += 1
        else:
            continue
        end = data.find(b"endstream", body)
        if end < 0:
            end = len(data)
        position = end
        dictionary = data[max(0, start - 512):start]
        chunk = _text_decoded(dictionary, data[body:end])
        if RE_LZW.search(dictionary[dictionary.rfind(b"obj") + 1:]):
            chunk, size = _lzw_decoded(chunk, limit - total, keep=RE_FLATE.search(dictionary) is not None)
            total += size
            if total > limit:
                raise LimitError("{name} decompresses to more than {limit} of content: too large for a resolution "
                                 "(or built to exhaust memory)", name=name, limit=_size(limit))
        inflater = zlib.decompressobj()
        try:
            while chunk and not inflater.eof:
                out = inflater.decompress(chunk, min(limit - total + 1, MiB))  # memory: 1 MB at a time
                total += len(out)
                if total > limit:
                    raise LimitError("{name} inflates to more than {limit} of content: too large for a resolution "
                                     "(or built to exhaust memory)", name=name, limit=_size(limit))
                if not out and inflater.unconsumed_tail == chunk:
                    break  # no progress: a truncated or broken stream
                chunk = inflater.unconsumed_tail
        except zlib.error:
            continue


#: The ASCII filters a stream may pass through before it is inflated, by their names in the stream's
#: dictionary: ``/Filter [/ASCII85Decode /FlateDecode]`` or the abbreviations ``/A85``, ``/AHx``.
RE_ASCII85 = re.compile(rb"/(?:ASCII85Decode|A85)\b")
RE_ASCIIHEX = re.compile(rb"/(?:ASCIIHexDecode|AHx)\b")


#: LZW, the compression of older PDFs (``/LZWDecode``, abbreviated ``/LZW``), and Flate after it.
RE_LZW = re.compile(rb"/(?:LZWDecode|LZW)\b")
RE_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")


def _lzw_decoded(stream: bytes, budget: int, *, keep: bool) -> tuple[bytes, int]:
    """Decode an LZW stream with pdfminer's own decoder, a code at a time, and stop once more than
    ``budget`` bytes came out (an LZW bomb writes about 4 KB a 12-bit code). Returns the bytes
    decoded (only with ``keep``: a Flate layer follows and is inflated in turn) and their count."""
    from pdfminer.lzw import LZWDecoder

    decoder = LZWDecoder(io.BytesIO(stream))
    parts: list[bytes] = []
    size = 0
    try:
        while size <= budget:
            out = decoder.feed(decoder.readbits(decoder.nbits))
            size += len(out)
            if keep:
                parts.append(out)
    except Exception:  # the end of the data, or a broken stream: left to the reader
        pass
    return b"".join(parts) if keep else b"", size


def _text_decoded(dictionary: bytes, stream: bytes) -> bytes:
    """A stream's bytes with its ASCII85 or ASCIIHex layer removed, when its dictionary (the bytes
    before ``stream``) names one, so that a Flate bomb wrapped in text is inflated here too."""
    dictionary = dictionary[dictionary.rfind(b"obj") + 1:]
    try:
        if RE_ASCII85.search(dictionary):
            text = stream.strip()
            text = text[2:] if text.startswith(b"<~") else text
            text = text[: text.find(b"~>")] if b"~>" in text else text
            return base64.a85decode(text, ignorechars=b" \t\n\r\x0b\x0c")
        if RE_ASCIIHEX.search(dictionary):
            text = stream.split(b">", 1)[0]
            digits = bytes(ch for ch in text if ch in b"0123456789abcdefABCDEF")
            return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
    except ValueError:
        return stream
    return stream


def check_pdf_pages(count: int, name: str) -> None:
    if count > MAX_PDF_PAGES:
        raise LimitError("{name} has {pages} pages; resdiff reads PDFs of at most {most} pages (no resolution is "
                         "that long)", name=name, pages=_n(count), most=_n(MAX_PDF_PAGES))


def check_page_glyphs(count: int, page: int, name: str, *, at_least: bool = False) -> None:
    """The glyphs a PDF page draws (``at_least``: an estimate from its content, before its layout)."""
    if count > MAX_PAGE_GLYPHS:
        drawn = f"at least {_n(count)}" if at_least else _n(count)
        raise LimitError("{name}: page {page} draws {drawn} characters; resdiff reads pages of at most {most} "
                         "(a page of text has a few thousand)",
                         name=name, page=page, drawn=drawn, most=_n(MAX_PAGE_GLYPHS))
