"""Words, not characters: a private jieba ``Tokenizer`` with resdiff's UN-terms dictionary.

jieba's module-level functions share one global tokenizer; resdiff never touches it, so that
a program using jieba for something else is not affected by our dictionary, nor we by theirs.
jieba's start-up messages are kept off the user's terminal.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from importlib import resources

import jieba

from resdiff.errors import InputError
from resdiff.options import Options

#: Punctuation and spaces: kept in word diffs, left out of similarity.
PUNCTUATION = frozenset("，。；：、！？（）《》“”‘’「」『』【】〔〕…—－·,.;:!?()[]<>\"' \t\n\u3000/-")

_lock = threading.Lock()


def _dictionary_words() -> list[tuple[str, str | None]]:
    text = resources.files("resdiff").joinpath("data/un_terms.txt").read_text(encoding="utf-8")
    words: list[tuple[str, str | None]] = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, tag = line.partition(" ")
            words.append((word, tag or None))
    return words


@lru_cache(maxsize=4)
def tokenizer(user_dictionary: str | None = None, *, un_terms: bool = True) -> jieba.Tokenizer:
    """resdiff's own tokenizer, built once (per dictionary choice) and shared by every comparison."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    with _lock:
        tk = jieba.Tokenizer()
        tk.initialize()
        for word, tag in _dictionary_words() if un_terms else ():
            tk.add_word(word, None, tag)
        if user_dictionary:
            try:
                tk.load_userdict(user_dictionary)
            except (OSError, ValueError) as exc:
                raise InputError(f"cannot read the user dictionary {user_dictionary}: {exc}") from exc
    return tk


class Segmenter:
    """Cuts texts into words with one tokenizer, remembering what it has cut."""

    def __init__(self, options: Options | None = None, *, cache_size: int = 4096) -> None:
        self._tk = tokenizer(options.user_dictionary if options else None,
                             un_terms=options.un_terms if options else True)
        self._cache: dict[str, tuple[str, ...]] = {}
        self._cache_size = cache_size

    def words(self, text: str) -> tuple[str, ...]:
        """The words of ``text`` in order; joined, they give ``text`` back exactly."""
        cached = self._cache.get(text)
        if cached is None:
            cached = tuple(self._tk.lcut(text, HMM=True))
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[text] = cached
        return cached


def words(text: str, options: Options | None = None) -> list[str]:
    """The words of ``text`` (a convenience for scripts; the engine keeps a :class:`Segmenter`)."""
    tk = tokenizer(options.user_dictionary if options else None, un_terms=options.un_terms if options else True)
    return list(tk.lcut(text, HMM=True))


def is_punctuation(word: str) -> bool:
    return all(ch in PUNCTUATION for ch in word)
