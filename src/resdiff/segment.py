"""Words, not characters: a private jieba ``Tokenizer`` with resdiff's UN-terms dictionary, and a
word cache on disk so that a paragraph once cut is never cut again.

jieba's module-level functions share one global tokenizer; resdiff never touches it, so that
a program using jieba for something else is not affected by our dictionary, nor we by theirs.
jieba's start-up messages are kept off the user's terminal.

Building the tokenizer (jieba's 9 MB dictionary) takes about a second, far more than comparing
two resolutions, and a delegate compares the same few texts again and again. So the words of
every paragraph cut are kept in a SQLite file, ``words.sqlite3`` in :func:`cache_dir`, keyed by a
hash of the paragraph and of the dictionaries that cut it (resdiff's, the user's, jieba's own):
jieba is imported and its dictionary loaded only when a paragraph is new. The cache stores word
boundaries (lengths), never text: the words are always slices of the paragraph being cut, so a
wrong or damaged entry can at worst cut a paragraph oddly, and even that is checked (the lengths
must add up to the paragraph's length, else the entry is cut again). Several processes may use the
cache at once (SQLite's write-ahead log, a busy timeout); when it cannot be opened or written, the
words are cut as before and kept in memory only.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib
import logging
import os
import re
import sqlite3
import sys
import threading
from array import array
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources, util
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from resdiff.errors import InputError
from resdiff.options import Options

if TYPE_CHECKING:  # imported on the first paragraph that no cache holds
    import jieba

#: Punctuation and spaces: kept in word diffs, left out of similarity.
PUNCTUATION = frozenset("，。；：、！？（）《》“”‘’「」『』【】〔〕…—－·,.;:!?()[]<>\"' \t\n\u3000/-")

#: The word cache's file in :func:`cache_dir`.
WORD_CACHE_NAME = "words.sqlite3"
#: Past this size the oldest half of the word cache is forgotten (a resolution's paragraphs take
#: about 10 KB; this holds some 25,000 resolutions).
WORD_CACHE_MAX_BYTES = 256 * 1024 * 1024
#: New entries written to the cache in one transaction.
FLUSH_EVERY = 512
#: How long a process waits for another that is writing the cache, in seconds.
BUSY_TIMEOUT = 10.0
#: Blocks (clauses) remembered by one :class:`Segmenter` before it forgets them all.
MAX_BLOCKS = 50_000
#: Bumped when what is stored, or how a paragraph is cut (``lcut(HMM=True)``), changes.
_CUT_VERSION = b"resdiff-words/1"

_lock = threading.Lock()


def cache_dir() -> Path:
    """resdiff's cache: ``$RESDIFF_CACHE_DIR``, else ``$XDG_CACHE_HOME/resdiff`` or ``~/.cache/resdiff``."""
    given = os.environ.get("RESDIFF_CACHE_DIR")
    if given:
        return Path(given)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "resdiff"


def _dictionary_words() -> list[tuple[str, str | None]]:
    text = resources.files("resdiff").joinpath("data/un_terms.txt").read_text(encoding="utf-8")
    words: list[tuple[str, str | None]] = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, tag = line.partition(" ")
            words.append((word, tag or None))
    return words


def tokenizer(user_dictionary: str | None = None, *, un_terms: bool = True) -> jieba.Tokenizer:
    """resdiff's own tokenizer, built once (per dictionary choice) and shared by every comparison."""
    # One cache key however the arguments are spelled: ``tokenizer()`` is the engine's tokenizer.
    return _tokenizer(user_dictionary or None, bool(un_terms))


@lru_cache(maxsize=4)
def _tokenizer(user_dictionary: str | None, un_terms: bool) -> jieba.Tokenizer:
    jieba = _import_jieba()
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
                raise InputError("cannot read the user dictionary {path}: {reason}",
                                 path=user_dictionary, reason=exc) from exc
    return tk


def _import_jieba() -> ModuleType:
    """jieba, imported without the ``pkg_resources`` it would import (about 0.1 s of setuptools)
    only to open its own files: without it, jieba opens them by path, the same files. A ``None``
    in ``sys.modules`` is Python's documented way of making an import fail; it is undone at once."""
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
        try:
            importlib.import_module("jieba")
        finally:
            if sys.modules.get("pkg_resources", 0) is None:
                del sys.modules["pkg_resources"]
    return importlib.import_module("jieba")


@lru_cache(maxsize=8)
def dictionary_version(user_dictionary: str | None = None, *, un_terms: bool = True) -> bytes:
    """A fingerprint of everything that decides how a paragraph is cut, without loading jieba:
    resdiff's dictionary, the user's, and jieba's own files (by size and modification time)."""
    digest = hashlib.blake2b(_CUT_VERSION, digest_size=16)
    if un_terms:
        digest.update(resources.files("resdiff").joinpath("data/un_terms.txt").read_bytes())
    digest.update(b"\0user\0")
    if user_dictionary:
        try:
            digest.update(Path(user_dictionary).read_bytes())
        except OSError:
            digest.update(b"unreadable\0" + os.fsencode(user_dictionary))
    spec = util.find_spec("jieba")
    if spec is not None and spec.origin:
        package = Path(spec.origin).parent
        for name in ("__init__.py", "dict.txt", "finalseg/prob_emit.p", "finalseg/prob_trans.p"):
            try:
                stat = (package / name).stat()
            except OSError:
                continue
            digest.update(f"\0{name}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.digest()


# -- the word cache on disk --------------------------------------------------------------------

def _encode(words: Iterable[str]) -> bytes:
    # The lengths of the words: one byte each when they fit (Chinese words always do), else four.
    lengths = [len(w) for w in words]
    if all(n < 256 for n in lengths):
        return b"\x01" + bytes(lengths)
    wide = array("I", lengths)
    if sys.byteorder == "big":
        wide.byteswap()
    return b"\x04" + wide.tobytes()


def _decode(blob: object, text: str) -> tuple[str, ...] | None:
    """The words of ``text`` from a stored entry, or ``None`` when the entry does not fit the text."""
    if not isinstance(blob, bytes) or not blob:
        return None
    if blob[0] == 1:
        lengths: Iterable[int] = blob[1:]
    elif blob[0] == 4 and (len(blob) - 1) % 4 == 0:
        wide = array("I")
        wide.frombytes(blob[1:])
        if sys.byteorder == "big":
            wide.byteswap()
        lengths = wide
    else:
        return None
    words = []
    at = 0
    for n in lengths:
        if n <= 0:
            return None
        words.append(text[at:at + n])
        at += n
    return tuple(words) if at == len(text) else None


class WordCache:
    """Word boundaries of paragraphs cut before, in a SQLite file shared by processes.

    New entries are written in batches (one transaction for many paragraphs: a commit each would
    cost more than cutting the paragraph), when :data:`FLUSH_EVERY` are waiting and when the
    process ends. Never raises for its own sake: a cache that cannot be opened, read or written is
    left aside for the rest of the process (a damaged file is replaced once).
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._opened = path is None
        self._lock = threading.Lock()
        self._pending: dict[bytes, bytes] = {}
        self._pid = os.getpid()
        if path is not None:
            atexit.register(self.flush)

    def _connect(self) -> sqlite3.Connection | None:
        if self._pid != os.getpid():
            # A forked process: the parent's connection must not be used (nor closed) here.
            self._pid, self._db, self._opened = os.getpid(), None, self.path is None
        if self._opened:
            return self._db
        self._opened = True
        assert self.path is not None
        for attempt in range(2):
            try:
                self._db = _open_word_db(self.path)
                return self._db
            except sqlite3.DatabaseError as exc:
                # Not a database, or a damaged one: it is only a cache, so it starts again.
                if attempt or isinstance(exc, sqlite3.OperationalError):
                    break
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            except OSError:
                break
        self._db = None
        return None

    def get(self, key: bytes, text: str) -> tuple[str, ...] | None:
        with self._lock:
            waiting = self._pending.get(key)
            if waiting is not None:
                return _decode(waiting, text)
            db = self._connect()
            if db is None:
                return None
            try:
                row = db.execute("SELECT words FROM words WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error:
                self._close()
                return None
        return None if row is None else _decode(row[0], text)

    def get_many(self, entries: Sequence[tuple[bytes, str]]) -> list[tuple[str, ...] | None]:
        """:meth:`get` for many (key, text) pairs at once."""
        with self._lock:
            stored: dict[bytes, object] = {}
            db = self._connect()
            keys = [key for key, _ in entries if key not in self._pending]
            try:
                for chunk in range(0, len(keys) if db is not None else 0, 500):
                    part = keys[chunk:chunk + 500]
                    assert db is not None
                    stored.update(db.execute(f"SELECT key, words FROM words WHERE key IN ({','.join('?' * len(part))})",
                                             part))
            except sqlite3.Error:
                self._close()
            pending = dict(self._pending)
        return [_decode(pending.get(key, stored.get(key)), text) for key, text in entries]

    def put(self, key: bytes, words: Iterable[str]) -> None:
        with self._lock:
            if self._db is None and self._opened and self._pid == os.getpid():
                return  # no cache on disk for this process
            self._pending[key] = _encode(words)
            full = len(self._pending) >= FLUSH_EVERY
        if full:
            self.flush(wait=False)

    def flush(self, *, wait: bool = True) -> None:
        """Write the waiting entries (at the latest when the process ends). Without ``wait``
        (a batch written in the middle of a comparison), a cache another process is writing is
        not waited for: the entries wait for the next batch instead."""
        with self._lock:
            if not self._pending:
                return
            rows, self._pending = list(self._pending.items()), {}
            db = self._connect()
            if db is None:
                return
            try:
                if not wait:
                    db.execute("PRAGMA busy_timeout = 0")
                try:
                    db.execute("BEGIN IMMEDIATE")
                finally:
                    if not wait:
                        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
                db.executemany("INSERT OR REPLACE INTO words(key, words) VALUES (?, ?)", rows)
                db.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                if wait or not _is_busy(exc):
                    self._close()
                    return
                # Busy: kept for the next batch (entries put since are newer and win).
                with contextlib.suppress(sqlite3.Error):
                    if db.in_transaction:
                        db.execute("ROLLBACK")
                self._pending = {**dict(rows), **self._pending}
            except sqlite3.Error:
                self._close()

    def _close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None


#: SQLite's result code for a database locked by another connection.
_SQLITE_BUSY = 5


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    """The database is locked by another connection (``SQLITE_BUSY``)."""
    return getattr(exc, "sqlite_errorcode", None) == _SQLITE_BUSY or "locked" in str(exc)


def _open_word_db(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS words (key BLOB PRIMARY KEY, words BLOB NOT NULL)")
        # Checked on every open: a cheap look at the header, and a file that is not a database or
        # whose table is not ours fails here rather than on the first paragraph.
        size = db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
        if size > WORD_CACHE_MAX_BYTES:
            db.execute("DELETE FROM words WHERE rowid <= (SELECT (min(rowid) + max(rowid)) / 2 FROM words)")
    except BaseException:
        db.close()
        raise
    return db


@lru_cache(maxsize=1)
def _word_cache(path: Path) -> WordCache:
    return WordCache(path)


def word_cache() -> WordCache:
    """The process's word cache in :func:`cache_dir` (one per cache folder)."""
    return _word_cache(cache_dir() / WORD_CACHE_NAME)


class Segmenter:
    """Cuts Chinese texts into words with one tokenizer, remembering what it has cut (see the module)."""

    language = "zh"

    def __init__(self, options: Options | None = None, *, cache_size: int = 4096,
                 cache: WordCache | None = None) -> None:
        self._user_dictionary = options.user_dictionary if options else None
        self._un_terms = options.un_terms if options else True
        self._tk: jieba.Tokenizer | None = None
        # The cache key names the language and the segmenter as well as the dictionaries: an English
        # text is cut by :class:`resdiff.segment_en.EnglishSegmenter`, never stored under jieba's key.
        self._version = hashlib.blake2b(
            b"zh/jieba\x00" + dictionary_version(self._user_dictionary, un_terms=self._un_terms), digest_size=32).digest()
        self._disk = cache if cache is not None else word_cache()
        self._cache: dict[str, tuple[str, ...]] = {}
        self._cache_size = cache_size
        self._blocks: dict[str, tuple[str, ...]] = {}  # see :meth:`cut`
        self._han: re.Pattern[str]

    def words(self, text: str) -> tuple[str, ...]:
        """The words of ``text`` in order; joined, they give ``text`` back exactly."""
        cached = self._cache.get(text)
        if cached is None:
            key = self._key(text)
            cached = self._disk.get(key, text)
            if cached is None:
                cached = self.cut(text)
                self._disk.put(key, cached)
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[text] = cached
        return cached

    def words_many(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        """:meth:`words` of many texts: the word cache on disk is asked once for all those not in memory."""
        known: dict[str, tuple[str, ...]] = {}
        missing = []
        for text in texts:
            if text not in known:
                cached = self._cache.get(text)
                if cached is None:
                    missing.append(text)
                    known[text] = ()
                else:
                    known[text] = cached
        keys = [self._key(text) for text in missing]
        for key, text, words in zip(keys, missing, self._disk.get_many(list(zip(keys, missing)))):
            if words is None:
                words = self.cut(text)
                self._disk.put(key, words)
            known[text] = words
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[text] = words
        return [known[text] for text in texts]

    def flush(self) -> None:
        """Write the words cut so far to the word cache now (else at the latest when the process
        ends), so that another process finds them."""
        self._disk.flush()

    def _key(self, text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16, key=self._version).digest()

    def cut(self, text: str) -> tuple[str, ...]:
        """``text`` cut by jieba (bypassing the word caches), exactly as ``lcut(text, HMM=True)``.

        jieba cuts a text block by block, the blocks being the runs its own ``re_han_default``
        matches (Chinese, Latin letters, digits) and what lies between them; no word crosses a
        block's edge. So each block is cut once and remembered: a reworded paragraph shares most
        of its clauses with its old version, and only the clauses that changed are cut again."""
        if self._tk is None:
            self._tk = tokenizer(self._user_dictionary, un_terms=self._un_terms)
            self._han = sys.modules["jieba"].re_han_default
        words: list[str] = []
        blocks = self._blocks
        for block in self._han.split(text):
            if not block:
                continue
            found = blocks.get(block)
            if found is None:
                found = tuple(self._tk.lcut(block, HMM=True))
                if len(blocks) >= MAX_BLOCKS:
                    blocks.clear()
                blocks[block] = found
            words.extend(found)
        return tuple(words)


def words(text: str, options: Options | None = None) -> list[str]:
    """The words of ``text`` (a convenience for scripts; the engine keeps a :class:`Segmenter`)."""
    return list(Segmenter(options).words(text))


def is_punctuation(word: str) -> bool:
    return all(ch in PUNCTUATION for ch in word)
