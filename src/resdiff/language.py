"""Which language a text is in, told by its letters: Chinese ideographs or ASCII Latin letters.

A Chinese resolution carries Latin letters too (document symbols such as ``A/C.2/59/3``), and an
English one none of the ideographs; a text garbled by a wrong encoding (UTF-8 read as Latin-1:
``ç»æµŽ``) has many letters that are neither, and is neither language.
"""

from __future__ import annotations

import re

#: A CJK ideograph.
RE_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

#: An ASCII letter.
RE_ASCII_LETTER = re.compile(r"[A-Za-z]")

#: The languages resdiff parses.
LANGUAGES = ("zh", "en")


def detect_language(text: str) -> str | None:
    """``"zh"``, ``"en"``, or ``None`` when the text is neither (or has no letters at all).

    Chinese when ideographs are at least a twentieth of the ASCII letters (symbols and English
    names inside a Chinese text stay far below that); English when there is no ideograph to speak
    of and nine letters in ten are ASCII.
    """
    ideographs = len(RE_IDEOGRAPH.findall(text))
    ascii_letters = len(RE_ASCII_LETTER.findall(text))
    letters = sum(ch.isalpha() for ch in text)
    if ideographs and ideographs * 20 >= ascii_letters:
        return "zh"
    if ascii_letters >= 20 and ascii_letters >= 0.9 * (letters - ideographs):
        return "en"
    return None
