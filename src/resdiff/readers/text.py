"""Plain-text files: find the encoding, refuse what is not text."""

from __future__ import annotations

import codecs

from resdiff.errors import InputError

#: Encodings tried in order after the byte-order marks: UTF-8, then the Chinese national
#: standard (GB18030 is a superset of GBK and GB2312, so one attempt covers all three).
ENCODINGS = ("utf-8", "gb18030")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def decode(data: bytes, *, name: str = "input") -> str:
    """The text of ``data``: BOM-marked UTF-8/16/32, UTF-8, or GB18030/GBK/GB2312.

    Raises :class:`InputError` for an empty file, a binary file, or bytes that are none of these.
    """
    if not data.strip():
        raise InputError("{name} is empty", name=name)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                raise InputError("{name} starts with a {encoding} byte-order mark but is not {encoding}",
                                 name=name, encoding=encoding) from exc
    if _looks_binary(data):
        raise InputError("{name} is a binary file, not a text (is it a PDF or Word file with the wrong name?)",
                         name=name)
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8" and not _plausible_chinese(text):
            break
        return text
    raise InputError("{name} is in an unknown encoding: resdiff reads UTF-8, UTF-16 with a BOM, and GB18030/GBK",
                     name=name)


def _plausible_chinese(text: str) -> bool:
    # GB18030 decodes many byte sequences; a real Chinese text is mostly common ideographs
    # and punctuation, where mis-decoded bytes scatter into rare ones and the private use area.
    meaningful = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or ch.isascii() or "\u3000" <= ch <= "\u303f"
                     or "\uff00" <= ch <= "\uffef" or "\u2000" <= ch <= "\u206f" or ch in "·×÷°±")
    return meaningful >= 0.95 * len(text)
