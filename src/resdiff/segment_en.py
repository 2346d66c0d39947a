"""Words of an English text: a regular expression cuts them, snowball stems them for similarity.

The engine asks a segmenter two things: the words of a text, which joined give the text back
exactly (spaces and punctuation are words of their own, as jieba gives them), and the key of a
word for similarity. An English word's key is its case-folded Snowball stem, so that
``Recalling`` and ``recalls``, ``Internet`` and ``internet`` count as the same word; a
document symbol (``A/RES/70/125``, ``A/68/65-E/2013/11``), a resolution number (``2012/5``) and a
hyphenated word (``Secretary-General``, ``sixty-eighth``) stay one word each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import snowballstemmer

#: One word of an English text, tried in this order:
#: a document symbol ``A/RES/70/125``, ``E/CN.16/2013/L.2``, ``A/68/65-E/2013/11``;
#: a resolution number ``2012/5``, ``67/195``; a number ``2,500``, ``3.5``, ``41st``;
#: a word ``Secretary-General``, ``Member States'``, ``multi-stakeholder``; a run of spaces;
#: any other single character (punctuation).
RE_ENGLISH_WORD = re.compile(
    r"(?:[A-Z]{1,5}/)+[A-Za-z0-9.]*[A-Za-z0-9](?:/[A-Za-z0-9.]*[A-Za-z0-9])*"
    r"(?:-(?:[A-Z]{1,5}/)+[A-Za-z0-9./]*[A-Za-z0-9])?"
    r"|\d{1,4}/\d{1,4}(?![\d/])"
    r"|\d+(?:[.,]\d+)*(?:st|nd|rd|th)?"
    r"|[^\W\d_]+(?:['’\-][^\W\d_]+)*"
    r"|\s+"
    r"|.",
    re.DOTALL,
)


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def english_words(text: str) -> list[str]:
    """The words of ``text`` in order (``"".join(english_words(t)) == t``)."""
    return RE_ENGLISH_WORD.findall(text)


class EnglishSegmenter:
    """Cuts English texts into words and gives each word its stem, remembering what it has cut."""

    language = "en"

    def __init__(self, *, cache_size: int = 4096) -> None:
        self._cache: dict[str, tuple[str, ...]] = {}
        self._keys: dict[str, str] = {}
        self._cache_size = cache_size

    def words(self, text: str) -> tuple[str, ...]:
        """The words of ``text`` in order; joined, they give ``text`` back exactly."""
        cached = self._cache.get(text)
        if cached is None:
            cached = tuple(english_words(text))
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[text] = cached
        return cached

    def words_many(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        """:meth:`words` of many texts (as :meth:`resdiff.segment.Segmenter.words_many`)."""
        return [self.words(text) for text in texts]

    def key(self, word: str) -> str:
        """What similarity compares: the case-folded stem (``Recognizing`` → ``recogn``)."""
        found = self._keys.get(word)
        if found is None:
            folded = word.casefold()
            found = _stemmer().stemWord(folded) if folded.isalpha() or "-" in folded else folded
            if len(self._keys) < 200_000:
                self._keys[word] = found
        return found
