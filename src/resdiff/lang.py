"""Which language a text is in: one small function, so that every reader asks it the same way.

resdiff reads Chinese and English resolutions (English since issue 12, by ``structure_en``); a
text that is neither gets a warning.
"""

from __future__ import annotations

import re
from typing import Literal

#: A CJK ideograph.
RE_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

#: A Latin word of two letters or more (``General``, ``Assembly``; ``A/RES/67/195`` counts ``RES``).
RE_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")

#: The languages resdiff parses (``resdiff.parse(text, language=…)``, ``--lang``).
LANGUAGES = ("zh", "en")

#: Characters looked at, from the start and from the end: enough for a page of either language.
SAMPLE = 1200


def detect_language(text: str) -> Literal["zh", "en"] | None:
    """``"zh"`` for a Chinese text, ``"en"`` for an English one, ``None`` when it is neither
    clearly (mostly digits and symbols, another script, or a mixture).

    A Chinese text cites symbols and names in Latin letters, and an English one may quote a
    Chinese name; an ideograph carries about as much as a Latin word, so they are weighed so.
    """
    sample = text if len(text) <= SAMPLE else text[: SAMPLE // 2] + text[-SAMPLE // 2:]
    ideographs = len(sample) - len(RE_IDEOGRAPH.sub("", sample))
    words = len(RE_LATIN_WORD.findall(sample))
    if ideographs >= 20 and ideographs >= 2 * words:
        return "zh"
    if words >= 15 and words >= 5 * ideographs:
        return "en"
    return None
